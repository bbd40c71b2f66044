package app

import (
	"fmt"
	"os"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/state"
)

// Calculator is the agent's what-if page. Its handlers are thin: each turns
// an event into a Msg and sends it: Update behind a guard, save, derive.
// Render only draws the derived view.
type Calculator struct {
	goapp.Compo

	model    state.Model
	prepared *state.Prepared // the model's scorecard and data, read once
	view     state.View
	storage  state.Storage
	saver    state.Saver

	errs        map[string]string // by area: "scorecard", "data", "metric:<id>", "volume:<id>"
	loaded      string            // what the last import or paste loaded, in words
	live        bool              // rendered by the running app, not prerendered
	notice      string            // why the saved state was set aside
	crash       string            // what the guard caught; the app keeps working
	updated     bool              // a new version is ready
	crashTest   bool              // ?crashtest=1: show the button that proves the guard
	share       shareState        // the link made to share, and one opened
	depth       int               // how deep in do calls: only the outermost asks for a render
	busy        string            // a big read under way, in words ("Reading 10000 rows…")
	rescue      string            // why the saved state is set aside (see rescue.go)
	holdSaves   bool              // while rescuing: save nothing over the state set aside
	forgetAsked bool              // "Forget it" tapped once: the next tap forgets
	saveFailed  bool              // the last save was refused: a notice says so, with the results to take
	ctx         goapp.Context     // the page's own context, from OnMount: its calls outlive the element an event came from
}

// OnInit prepares the first visit's page; it also runs when prerendering.
func (c *Calculator) OnInit() {
	c.model = state.NewModel()
	c.derive()
}

// OnMount restores the saved state in the browser.
func (c *Calculator) OnMount(ctx goapp.Context) {
	c.do("starting", func() {
		c.live = goapp.IsClient
		c.ctx = ctx
		c.storage = ctx.LocalStorage()
		if startDidNotFinish(c.storage) {
			c.rescue, c.holdSaves = rescueStart, true
		} else {
			c.restore()
		}
		c.watchOtherTabs(ctx)
		markStart(ctx, c.storage)
		c.crashTest = ctx.Page().URL().Query().Get("crashtest") == "1"
		c.derive()
		c.warmUp(ctx)
	})
}

// OnNav reads a share link the page was opened with. go-app calls it after
// the first mount, and again when only the fragment changes in an open tab
// (a link pasted in the address bar: the page does not load again).
func (c *Calculator) OnNav(ctx goapp.Context) {
	c.do("opening a link", func() {
		c.openShare(ctx)
	})
}

// OnAppUpdate offers the new version when the service worker has it.
func (c *Calculator) OnAppUpdate(ctx goapp.Context) {
	c.do("noticing an update", func() { c.updated = ctx.AppUpdateAvailable() })
}

// do runs a handler's work behind the guard. The outermost call then has
// the whole page render again, once: go-app would otherwise render only the
// component the event came from, which may be a memoized part of the page.
func (c *Calculator) do(what string, fn func()) {
	c.depth++
	defer func() { c.depth-- }()
	if err := guard(what, fn); err != nil {
		c.crash = err.Error()
	}
	if c.depth == 1 && c.Mounted() {
		c.Update()
	}
}

// send applies a message: update, save, derive. An error is shown in its
// area, and the model stays as it was.
func (c *Calculator) send(area string, msg state.Msg) bool {
	ok := false
	c.do("updating the calculator", func() {
		next, read, err := state.Update(c.model, msg)
		if err != nil {
			c.setErr(area, err.Error())
			return
		}
		c.setErr(area, "")
		prev := c.model
		c.model = next
		if read != nil {
			c.prepared = read // what the update read is not read again
		}
		if prev.Preset != next.Preset || prev.Scorecard != next.Scorecard {
			c.share.link, c.share.qr, c.share.status = "", "", "" // the link made is of another scorecard
		}
		if c.storage != nil && !c.holdSaves {
			c.save(next)
		}
		c.derive()
		ok = true
	})
	return ok
}

// errsOf is the errors of the areas that start with one of prefixes: a
// part's props carry its own errors only.
func (c *Calculator) errsOf(prefixes ...string) map[string]string {
	out := map[string]string{}
	for k, v := range c.errs {
		for _, p := range prefixes {
			if strings.HasPrefix(k, p) {
				out[k] = v
			}
		}
	}
	return out
}

func (c *Calculator) setErr(area, msg string) {
	if c.errs == nil {
		c.errs = map[string]string{}
	}
	if msg == "" {
		delete(c.errs, area)
		return
	}
	c.errs[area] = msg
}

// derive recomputes the view from the model, reading the scorecard and
// the data again only when they changed.
func (c *Calculator) derive() {
	c.do("scoring", func() {
		if !c.prepared.Current(c.model) {
			p, err := state.Prepare(c.model)
			if err != nil {
				c.notice = "Your saved state could not be used, so Passline started afresh: " + err.Error()
				c.model = state.NewModel()
				p, _ = state.Prepare(c.model)
			}
			c.prepared = p
		}
		v, err := c.prepared.Score(c.model)
		if err != nil {
			c.setErr("whatif", err.Error())
			return
		}
		c.view = v
	})
}

// The handlers.

func value(ctx goapp.Context) string { return ctx.JSSrc().Get("value").String() }

func (c *Calculator) onPreset(ctx goapp.Context, e goapp.Event) {
	if c.send("scorecard", state.ChoosePreset{ID: value(ctx)}) {
		c.loaded = "Scorecard: " + c.view.Scorecard.Name + "."
	}
}

func (c *Calculator) onAgent(ctx goapp.Context, e goapp.Event) {
	c.send("data", state.ChooseAgent{Name: value(ctx)})
}

func (c *Calculator) onMonth(ctx goapp.Context, e goapp.Event) {
	c.send("month", state.ChooseMonth{Month: value(ctx)})
}

// SliderChanged takes a slider's or an exact input's text in the metric's
// unit, or, for a key such as "attendance.late", a count of incidents:
// state reads it once, checks it, and the value travels typed from here.
func (c *Calculator) SliderChanged(ctx goapp.Context, key, text string) {
	c.do("reading a value", func() {
		v, err := state.ReadWhatIf(c.view.Scorecard, key, text)
		if err != nil {
			c.setErr("metric:"+key, err.Error())
			return
		}
		c.send("metric:"+key, state.SetWhatIf{Metric: key, Value: v})
	})
}

// Send applies a screen's message (see Sender). A draft put in use also
// says so and shows the what-if screen with it.
func (c *Calculator) Send(area string, msg state.Msg) bool {
	ok := c.send(area, msg)
	if _, used := msg.(state.UseDraft); used && ok {
		c.loaded = "Scorecard: " + c.view.Scorecard.Name + ", from the editor."
		c.send("screen", state.ChooseScreen{Screen: state.ScreenWhatIf})
	}
	return ok
}

// editorScreen is the editor's props, from the page's state.
func (c *Calculator) editorScreen() *EditorScreen {
	e := &EditorScreen{Errs: c.errsOf("editor", "draft:"), Live: c.live, Send: c}
	var err error
	if e.Draft, err = c.model.DraftScorecard(); err != nil {
		e.DraftErr = err.Error()
	}
	return e
}

// onValue sends the message made from the element's value; onMsg sends a
// fixed message. Both capture what they are for (a metric id, a page):
// where they are bound, that is also the handler's scope, or go-app would
// keep the first closure when the element is reused for something else.
func (c *Calculator) onValue(area string, msg func(value string) state.Msg) goapp.EventHandler {
	return onSendValue(c, area, msg)
}

func (c *Calculator) onMsg(area string, msg state.Msg) goapp.EventHandler {
	return onSend(c, area, msg)
}

// onSendValue and onSend are onValue and onMsg for any Sender: a screen's
// handlers send through the page it was given.
func onSendValue(s Sender, area string, msg func(value string) state.Msg) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { s.Send(area, msg(value(ctx))) }
}

func onSend(s Sender, area string, msg state.Msg) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { s.Send(area, msg) }
}

// onRead sends the message read from the element's value by read (one of
// state's readers), or shows in area why the value cannot be read.
func (c *Calculator) onRead(area string, read func(value string) (state.Msg, error)) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		c.do("reading a value", func() {
			msg, err := read(value(ctx))
			if err != nil {
				c.setErr(area, err.Error())
				return
			}
			c.send(area, msg)
		})
	}
}

func (c *Calculator) onClearWhatIf(ctx goapp.Context, e goapp.Event) {
	c.send("whatif", state.ClearWhatIf{})
}

func (c *Calculator) onReset(ctx goapp.Context, e goapp.Event) {
	c.do("resetting", func() {
		if c.storage != nil {
			state.Forget(c.storage)
		}
		c.model, c.notice, c.errs, c.loaded = state.NewModel(), "", nil, ""
		c.saver, c.saveFailed = state.Saver{S: c.storage}, false
		c.rescue, c.holdSaves = "", false
		c.derive()
	})
}

func (c *Calculator) onCrashTest(ctx goapp.Context, e goapp.Event) {
	c.do("running the crash test", func() { panic("crash test: this panic is on purpose") })
}

// onStopTest ends the Go program as a fatal error would (no recover can
// catch a stack overflow): web/stopped.js must then say so.
func (c *Calculator) onStopTest(ctx goapp.Context, e goapp.Event) { os.Exit(3) }

func (c *Calculator) reload(ctx goapp.Context) { c.do("reloading", ctx.Reload) }

// renderPage draws the page from the view.
func (c *Calculator) renderPage() goapp.UI {
	if c.view.Prepared == nil {
		return goapp.Main().Body(goapp.P().Text("The calculator could not start: " + c.errs["whatif"]))
	}
	return goapp.Div().Class("page").Body(
		goapp.Header().Class("top").Body(
			goapp.H1().Text("Passline"),
			goapp.P().Class("subtitle").Text("Will you pass this month? Move the sliders and see."),
			c.renderNav(),
		),
		goapp.Main().Class("content").DataSet("live", fmt.Sprint(c.live)).DataSet("screen", c.model.Screen).Body(
			c.renderNotices(),
			c.renderScreen(),
		),
		goapp.Footer().Class("bottom").Body(
			goapp.P().Text("Passline runs on your device: your numbers never leave it. Scores follow the scoring contract exactly."),
		),
		// While the wasm loads, a toast over the page: the prerendered page
		// is laid out as the live one, so nothing moves when it starts.
		goapp.If(!c.live, goapp.Div().Class("loading-toast").Body(
			components.NewNotice(components.Info, "Loading the calculator… The numbers below are an example; the controls wake up in a moment.").WithTestID("loading"),
		)),
	)
}

// renderScreen draws the screen the model shows.
func (c *Calculator) renderScreen() goapp.UI {
	switch c.model.Screen {
	case state.ScreenHuddle:
		return &HuddleScreen{Scorecard: c.view.Scorecard, Huddle: c.view.Huddle, Order: c.view.Order, Err: c.errs["huddle"], Live: c.live, Send: c}
	case state.ScreenLearn:
		return &LearnScreen{Learn: c.view.Learn, Err: c.errs["lesson"], Live: c.live, Send: c}
	case state.ScreenEditor:
		return goapp.Div().Class("columns editor-columns").Body(
			goapp.Div().Class("column").Body(c.editorScreen()),
			goapp.Div().Class("column").Body(c.memoized(c.scorecardProps())),
		)
	case state.ScreenTeam:
		return goapp.Div().Class("columns").Body(
			goapp.Div().Class("column").Body(&TeamScreen{Scorecard: c.view.Scorecard, Page: c.view.TeamView(c.model.TeamFilter, c.model.TeamPage),
				Filter: c.model.TeamFilter, Live: c.live, Send: c}),
			goapp.Div().Class("column").Body(c.memoized(c.dataProps()), c.memoized(c.scorecardProps())),
		)
	}
	return goapp.Div().Class("columns").Body(
		goapp.Div().Class("column").Body(
			c.renderMonth(),
			// A first visit shows an example: the paste box comes first.
			goapp.If(c.showingExample(), c.memoized(c.dataProps())),
			c.renderSliders(),
			c.renderQuarter(),
			c.renderWorking(),
			c.renderCounts(),
			c.memoized(c.passWithoutProps()),
			c.memoized(c.luckProps()),
			c.memoized(c.appealProps()),
		),
		goapp.Div().Class("column").Body(
			goapp.If(!c.showingExample(), c.memoized(c.dataProps())),
			c.memoized(c.scorecardProps()),
			c.memoized(c.actionsProps()),
		),
	)
}
