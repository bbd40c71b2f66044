package app

import (
	"errors"
	"fmt"
	"time"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
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
	session  state.Storage // the tab's own: the odds' mark (state.OddsKey)
	saver    state.Saver

	errs        areaErrors              // by area: "scorecard", "data", "metric:<id>", "volume:<id>"
	doubts      map[string]*state.Doubt // by area: a typed value asked about before it is used
	loaded      string                  // what the last import or paste loaded, in words
	live        bool                    // rendered by the running app, not prerendered
	notice      string                  // why the saved state was set aside
	crash       string                  // what the guard caught; the app keeps working
	updated     bool                    // a new version is ready
	crashTest   bool                    // ?crashtest=1: show the button that proves the guard
	share       shareState              // the link made to share, and one opened
	depth       int                     // how deep in do calls: only the outermost asks for a render
	busy        string                  // a big read under way, in words ("Reading 10000 rows…")
	rescue      string                  // why the saved state is set aside (see rescue.go)
	holdSaves   bool                    // while rescuing: save nothing over the state set aside
	forgetAsked bool                    // "Forget it" tapped once: the next tap forgets
	saveFailed  bool                    // the last save was refused: a notice says so, with the results to take
	announce    string                  // the verdict for screen readers, once a moved value settled
	announceSeq int                     // counts what-if changes: only the last one's timer announces
	undo        *state.Model            // what "Start again" forgot, while Undo is offered
	dates       *datesAsked             // a sheet whose dates could be read either way, waiting for the answer
	pending     *pendingSheet           // a sheet with no month column, waiting for the user to choose it
	typedNote   string                  // what adding a typed month put away
	refused     bool                    // the last read of data was refused: its message stands alone
	pasted      string                  // the text last used from the paste box, which keeps it
	undoSeq     int                     // counts starts again and undos: a late timer closes only its own Undo
	ctx         goapp.Context           // the page's own context, from OnMount: its calls outlive the element an event came from
	oddsJob     oddsJob                 // the odds card's work, started after a change settles (oddsLater)
	draft       struct {                // the editor's draft as last read, and its text
		text string
		sc   *scoring.Scorecard
		err  error
	}
	oddsSeq int // counts changes: only the last one's timer works the odds out
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
		c.storage, c.session = ctx.LocalStorage(), ctx.SessionStorage()
		clearOddsMarkOnLeave(c.session)
		if startDidNotFinish(c.storage, c.session) {
			c.rescue, c.holdSaves = rescueStart, true
		} else {
			c.restore()
		}
		c.watchOtherTabs(ctx)
		markStart(ctx, c.storage)
		c.crashTest = ctx.Page().URL().Query().Get("crashtest") == "1"
		c.oddsJob.budget, _ = time.ParseDuration(ctx.Page().URL().Query().Get("oddsbudget"))
		c.derive()
		c.warmUp(ctx)
		c.oddsLater()
	})
}

// OnNav reads a share link the page was opened with. go-app calls it after
// the first mount, and again when only the fragment changes in an open tab
// (a link pasted in the address bar: the page does not load again).
func (c *Calculator) OnNav(ctx goapp.Context) {
	c.do("opening a link", func() {
		c.share.open(ctx)
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
		c.noteRead(msg, err)
		if err != nil {
			c.errs.set(area, err.Error())
			return
		}
		c.errs.set(area, "")
		prev := c.model
		c.model = next
		c.undo = nil // Undo brings back what Start again forgot, never over a change made since (issue 25)
		c.typedNote = ""
		if add, ok := msg.(state.AddMonth); ok {
			c.typedNote = state.PutAwayWords(prev, next, add.Month)
		}
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
		if next.Screen == state.ScreenWhatIf {
			c.announceLater()
			c.oddsLater()
		}
		ok = true
	})
	return ok
}

// settleTime is how long after the last change the verdict is announced:
// a drag or a held arrow key sends many changes; a screen reader should
// hear the verdict once, when the value stops.
const settleTime = 700 * time.Millisecond

// announceLater puts the verdict in the live region once changes stop.
func (c *Calculator) announceLater() {
	c.settled(&c.announceSeq, settleTime, "announcing the verdict", func() {
		if c.view.Prepared != nil {
			c.announce = state.VerdictWords(c.view)
		}
	})
}

// settled runs fn (behind the guard, then a render) after d, unless
// another change comes first: *seq counts the changes, and only the last
// one's timer runs.
func (c *Calculator) settled(seq *int, d time.Duration, what string, fn func()) {
	*seq++
	mine := *seq
	if c.ctx == nil {
		return
	}
	c.ctx.After(d, func(goapp.Context) {
		if mine == *seq {
			c.do(what, fn)
		}
	})
}

// oddsTime is how long after the last change the odds are worked out:
// off the slider's path, within 100 ms of the last move.
const oddsTime = 40 * time.Millisecond

// oddsLater works the odds out once changes settle, then renders them.
func (c *Calculator) oddsLater() {
	c.settled(&c.oddsSeq, oddsTime, "working out the odds", c.workOutOdds)
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
			c.errs.set("whatif", err.Error())
			return
		}
		c.view = v
	})
}

// draftScorecard is the editor's draft, read once per draft text (not on
// every render: a scorecard of 100 × 100 bands took a fifth of a second
// to read in the browser), or the scorecard in use when there is none.
func (c *Calculator) draftScorecard(v state.View) (*scoring.Scorecard, error) {
	if c.model.Draft == "" {
		return v.Scorecard, nil
	}
	if c.draft.text != c.model.Draft {
		c.draft.text = c.model.Draft
		c.draft.sc, c.draft.err = c.model.DraftScorecard()
	}
	return c.draft.sc, c.draft.err
}

// The handlers.

func value(ctx goapp.Context) string { return ctx.JSSrc().Get("value").String() }

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

// SendRead sends the message read from text by read (one of state's
// readers), or shows in area why the text cannot be read.
func (c *Calculator) SendRead(area, text string, read func(text string) (state.Msg, error)) bool {
	ok := false
	c.do("reading a value", func() {
		msg, err := read(text)
		delete(c.doubts, area)
		var d *state.Doubt
		switch {
		case errors.As(err, &d):
			c.errs.set(area, "")
			if c.doubts == nil {
				c.doubts = map[string]*state.Doubt{}
			}
			c.doubts[area] = d
		case err != nil:
			c.errs.set(area, err.Error())
		default:
			ok = c.send(area, msg)
		}
	})
	return ok
}

// onSendValue sends the message made from the element's value; onSend
// sends a fixed message; onRead sends the message read from the element's
// value, or shows why it cannot be read. A screen's handlers send through
// the page it was given. Each captures what it is for (a metric id, a
// page): where it is bound, that is also the handler's scope, or go-app
// would keep the first closure when the element is reused for something
// else.
func onSendValue(s Sender, area string, msg func(value string) state.Msg) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { s.Send(area, msg(value(ctx))) }
}

func onSend(s Sender, area string, msg state.Msg) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { s.Send(area, msg) }
}

func onRead(s Sender, area string, read func(value string) (state.Msg, error)) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) { s.SendRead(area, value(ctx), read) }
}

// renderPage draws the page from the view.
func (c *Calculator) renderPage() goapp.UI {
	if c.view.Prepared == nil {
		return goapp.Main().Body(goapp.P().Text("The calculator could not start: " + c.errs["whatif"]))
	}
	return goapp.Div().Class("page").Body(
		goapp.Header().Class("top").Body(
			goapp.H1().Text("Passline"),
			goapp.P().Class("subtitle").Text("Will you pass this month? Move the sliders and see."),
			&components.Tabs{Label: "Screens", Key: "screen", Class: "screens", Items: state.Screens,
				Current: c.model.Screen, Disabled: !c.live, OnChoose: c},
		),
		goapp.Main().Class("content").DataSet("live", fmt.Sprint(c.live)).DataSet("screen", c.model.Screen).Body(
			c.renderNotices(),
			goapp.P().Class("visually-hidden").Attr("role", "status").Aria("live", "polite").DataSet("testid", "announce").Text(c.announce),
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

// renderScreen draws the screen the model shows, with the cards beside it.
func (c *Calculator) renderScreen() goapp.UI {
	v := c.view
	example := c.model.Data == state.DefaultData
	data := &DataCard{Prepared: v.Prepared, Agent: v.Agent, Err: c.errs["data"], Loaded: c.loaded, Scorable: v.Scorable,
		Busy: c.busy, Live: c.live, Example: example, Refused: c.refused, page: c, pasted: c.pasted}
	if c.dates != nil {
		data.Dates, data.DayFirst, data.MonthFirst = state.DatesQuestion(c.dates.amb)
	}
	scorecard := &ScorecardCard{Prepared: v.Prepared, Preset: c.model.Preset, Err: c.errs["scorecard"],
		Imported: c.model.Scorecard != "", Live: c.live, page: c}
	switch c.model.Screen {
	case state.ScreenHuddle:
		return &HuddleScreen{Scorecard: v.Scorecard, Huddle: v.Huddle, Order: v.Order, Err: c.errs["huddle"], Live: c.live, Send: c}
	case state.ScreenLearn:
		return &LearnScreen{Learn: v.Learn, Tabs: state.LessonTabs(v.Scorecard), Err: c.errs["lesson"], Live: c.live, Send: c}
	case state.ScreenEditor:
		e := &EditorScreen{Errs: c.errs.of("editor", "draft:"), Live: c.live, Send: c}
		var err error
		if e.Draft, err = c.draftScorecard(v); err != nil {
			e.DraftErr = err.Error()
		} else if c.model.Data != state.DefaultData {
			e.Lacks = state.DraftLacks(e.Draft, v.Data)
		}
		for _, u := range v.Data.Columns {
			e.Columns = append(e.Columns, u.Header)
		}
		return columns([]goapp.UI{e}, []goapp.UI{scorecard}, "editor-columns")
	case state.ScreenTeam:
		return columns([]goapp.UI{&TeamScreen{Scorecard: v.Scorecard, Page: v.TeamView(c.model.TeamFilter, c.model.TeamPage, c.model.TeamSort), Sort: c.model.TeamSort,
			Filter: c.model.TeamFilter, Live: c.live, Send: c}}, []goapp.UI{data, scorecard})
	}
	months := v.Agent.Months
	typed := &TypedCard{Scorecard: v.Scorecard, Order: v.Order, Agent: v.Agent.Name, Months: c.model.TypedMonths(v.Agent.Name),
		NewMonth: state.NextMonthText(months[len(months)-1].Month), Errs: c.errs.of("typed"), Doubts: c.doubtsOf("typed:"), Note: c.typedNote, Live: c.live, Send: c}
	// A first visit shows an example: the paste box and the months to
	// type come first. A sheet that needs the user (no month column, a
	// metric without a column, a unit in doubt) puts "How your sheet was
	// read" first, above the data card and its problems (SPEC section 9).
	first, second := []goapp.UI{}, []goapp.UI{}
	var sheet *SheetCard
	switch {
	case c.pending != nil:
		sheet = &SheetCard{Scorecard: v.Scorecard, Columns: c.pending.columns, Pending: c.pending.text, Err: c.errs["columns"], Live: c.live, page: c}
	case c.model.Data != "" && !example:
		sheet = &SheetCard{Scorecard: v.Scorecard, Columns: v.Data.Columns, Missing: v.Missing, Notes: v.ReadNotes,
			Questions: v.Questions, Err: c.errs["columns"], Chosen: c.model.HasSheetChoice(), Live: c.live, page: c}
	}
	var problems goapp.UI = goapp.Text("")
	if !c.refused {
		problems = &ProblemsCard{Problems: v.Problems, LeftOut: v.LeftOut}
	}
	switch {
	case sheet != nil && sheet.NeedsYou():
		first = append(first, sheet, data, problems, typed)
	case example:
		first = append(first, data, problems, typed)
	case sheet != nil:
		second = append(second, data, sheet, problems, typed)
	default:
		second = append(second, data, problems, typed)
	}
	if c.pending != nil {
		first = append(first, NewMonthCard(v))
	} else {
		first = append([]goapp.UI{NewMonthCard(v)}, first...)
	}
	first = append(first,
		&WhatIfScreen{View: v, HasWhatIf: c.model.HasWhatIfs(v.Month), Points: c.model.PointsMode, Sheet: c.model.Data != "" && !example, Errs: c.errs.of("metric:", "volume:", "month", "points:"),
			Doubts: c.doubtsOf("metric:"), Live: c.live, Send: c},
		&OddsCard{Scorecard: v.Scorecard, Work: c.oddsJob.shown(c.prepared, v.Agent.Name), Busy: c.oddsJob.busy, Err: c.errs["plan"], Errs: c.errs.of("expect:"), Live: c.live, Send: c},
		&PassWithoutCard{Prepared: v.Prepared, Combos: v.Combos, Fixed: c.model.Fixed, Err: c.errs["fixed"], Live: c.live, Send: c},
		&LuckCard{Scorecard: v.Scorecard, Luck: v.Luck, Agent: v.Agent.Name, From: state.CountsMonth(v), Errs: c.errs.of("expect:"), Live: c.live, Send: c},
		&AppealCard{Scorecard: v.Scorecard, Appeal: v.Appeal, Month: v.Month, Err: c.errs["takeout"], Live: c.live, Send: c},
	)
	second = append(second, scorecard,
		&ActionsCard{Scorecard: v.Scorecard, Forget: state.ForgetWords(c.model, c.prepared), Share: c.share, Err: c.errs["export"], Live: c.live, CrashTest: c.crashTest, page: c})
	return columns(first, second)
}

// columns lays a screen out in two columns: side by side on a wide screen,
// one above the other on a phone.
func columns(first, second []goapp.UI, class ...string) goapp.UI {
	return goapp.Div().Class("columns").Class(class...).Body(
		goapp.Div().Class("column").Body(first...),
		goapp.Div().Class("column").Body(second...),
	)
}
