package app

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
)

// Calculator is the what-if page: the month's score and pass from the
// engine, with a slider that moves it. Its handlers are thin: each turns an
// event into a Msg, runs Update behind a guard, saves and re-derives.
type Calculator struct {
	goapp.Compo

	model    Model
	prepared *Prepared // the model's scorecard and data, read once
	view     View
	saved    bool // the model has been saved once in this session

	live      bool   // rendered by the running app, not prerendered
	notice    string // why the saved state was set aside
	inputErr  string // the last value that could not be used
	crash     string // what the guard caught; the app keeps working
	updated   bool   // a new version is ready
	crashTest bool   // ?crashtest=1: show the button that proves the guard
	storage   Storage
}

// OnInit prepares the first visit's page; it also runs when prerendering.
func (c *Calculator) OnInit() {
	c.model = NewModel()
	c.derive()
}

// OnMount restores the saved state in the browser.
func (c *Calculator) OnMount(ctx goapp.Context) {
	c.do("starting", func() {
		c.live = goapp.IsClient
		c.storage = ctx.LocalStorage()
		c.model, c.notice = Restore(c.storage)
		c.crashTest = ctx.Page().URL().Query().Get("crashtest") == "1"
		c.derive()
	})
}

// OnAppUpdate offers the new version when the service worker has it.
func (c *Calculator) OnAppUpdate(ctx goapp.Context) {
	c.do("noticing an update", func() { c.updated = ctx.AppUpdateAvailable() })
}

// do runs a handler's work behind the guard.
func (c *Calculator) do(what string, fn func()) {
	if err := guard(what, fn); err != nil {
		c.crash = err.Error()
	}
}

// send applies a message: update, save, derive.
func (c *Calculator) send(msg Msg) {
	c.do("updating the calculator", func() {
		next, err := Update(c.model, msg)
		if err != nil {
			c.inputErr = err.Error()
			return
		}
		c.inputErr = ""
		prev := c.model
		c.model = next
		if c.storage != nil {
			if err := Save(c.storage, prev, next, !c.saved); err != nil {
				c.notice = err.Error()
			}
			c.saved = true
		}
		c.derive()
	})
}

// derive recomputes the view from the model, reading the scorecard and
// the data again only when they changed.
func (c *Calculator) derive() {
	if err := guard("scoring", func() {
		if !c.prepared.Current(c.model) {
			p, err := Prepare(c.model)
			if err != nil {
				c.inputErr = err.Error()
				return
			}
			c.prepared = p
		}
		v, err := c.prepared.Score(c.model)
		if err != nil {
			c.inputErr = err.Error()
			return
		}
		c.view = v
	}); err != nil {
		c.crash = err.Error()
	}
}

func (c *Calculator) onSlider(ctx goapp.Context, metric, value string) {
	c.send(SetWhatIf{Metric: metric, Value: value})
}

func (c *Calculator) onReset(ctx goapp.Context, e goapp.Event) {
	c.do("resetting", func() {
		if c.storage != nil {
			Forget(c.storage)
		}
		c.model, c.notice, c.saved = NewModel(), "", false
		c.derive()
	})
}

func (c *Calculator) onCrashTest(ctx goapp.Context, e goapp.Event) {
	c.do("running the crash test", func() { panic("crash test: this panic is on purpose") })
}

func (c *Calculator) reload(ctx goapp.Context) { c.do("reloading", ctx.Reload) }

// Render draws the page from the view; it computes nothing.
func (c *Calculator) Render() goapp.UI {
	sc := c.view.Scorecard
	if sc == nil {
		return goapp.Main().Body(goapp.P().Text("The calculator could not start: " + c.inputErr))
	}
	mr := c.view.Result.Month
	return goapp.Div().Class("page").Body(
		goapp.Header().Class("top").Body(
			goapp.H1().Text("Passline"),
			goapp.P().Class("subtitle").Text(sc.Name),
		),
		goapp.Main().Class("content").DataSet("live", fmt.Sprint(c.live)).Body(
			goapp.If(!c.live,
				components.NewNotice(components.Info, "Loading the calculator… The numbers below are SPEC's October example; the controls wake up in a moment.").WithTestID("loading"),
			),
			goapp.If(c.updated,
				components.NewNotice(components.Info, "A new version of Passline is ready.").WithAction("Reload", c.reload).WithTestID("update"),
			),
			goapp.If(c.crash != "",
				components.NewNotice(components.Error, "Sorry: "+c.crash+". The calculator still works; reload if anything looks wrong.").WithAction("Reload", c.reload).WithTestID("crash"),
			),
			goapp.If(c.notice != "",
				components.NewNotice(components.Info, c.notice).WithTestID("restored"),
			),
			c.renderMonth(sc, mr),
			c.renderSlider(sc),
			goapp.If(c.inputErr != "", goapp.P().Class("input-error").Attr("role", "alert").Text(c.inputErr)),
			c.renderBreakdown(sc, mr),
			goapp.Div().Class("actions").Body(
				goapp.Button().Type("button").Class("button secondary").DataSet("testid", "reset").
					Disabled(!c.live).Text("Start again").OnClick(c.onReset),
				goapp.If(c.crashTest,
					goapp.Button().Type("button").Class("button secondary").DataSet("testid", "crash-test").
						Text("Crash test").OnClick(c.onCrashTest),
				),
			),
		),
		goapp.Footer().Class("bottom").Body(
			goapp.P().Text("Passline runs on your device: your numbers never leave it. Scores follow the scoring contract exactly."),
		),
	)
}

func (c *Calculator) renderMonth(sc *scoring.Scorecard, mr scoring.MonthResult) goapp.UI {
	if mr.Status == scoring.Incomplete {
		return goapp.Section().Class("card month").Body(
			goapp.H2().Text(monthTitle(c.view)),
			goapp.P().DataSet("testid", "month-status").Text("INCOMPLETE"),
			goapp.P().Text("A metric has no value this month, so there is no score yet."),
		)
	}
	status, icon, class := "FAIL", "✗", "fail"
	if mr.Pass {
		status, icon, class = "PASS", "✓", "pass"
	}
	margin := mr.Score.Sub(sc.Pass)
	marginText := fmt.Sprintf("%s above the pass mark of %s", margin.Fixed(sc.Decimals), sc.Pass.Fixed(sc.Decimals))
	switch {
	case mr.Status == scoring.GateFailed:
		marginText = "a metric is below its gate, so the month fails whatever the score"
	case margin.Sign() < 0:
		marginText = fmt.Sprintf("%s below the pass mark of %s", margin.Neg().Fixed(sc.Decimals), sc.Pass.Fixed(sc.Decimals))
	case margin.IsZero():
		marginText = fmt.Sprintf("exactly the pass mark of %s", sc.Pass.Fixed(sc.Decimals))
	}
	return goapp.Section().Class("card month "+class).Aria("labelledby", "month-title").Body(
		goapp.H2().ID("month-title").Text(monthTitle(c.view)),
		goapp.Div().Class("verdict").Body(
			goapp.Span().Class("score").DataSet("testid", "month-score").Text(mr.Score.Fixed(sc.Decimals)),
			goapp.Span().Class("status").Body(
				goapp.Span().Aria("hidden", "true").Text(icon+" "),
				goapp.Span().DataSet("testid", "month-status").Text(status),
			),
		),
		goapp.P().Class("margin").DataSet("testid", "month-margin").Text(marginText),
	)
}

func monthTitle(v View) string {
	return fmt.Sprintf("%s %d · %s", monthName(v.Month), v.Month.Year(), v.Agent)
}

func monthName(m scoring.Month) string {
	return [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}[m.Number()-1]
}

// sliderMetric is the metric the first page's slider moves: customer
// experience, the one agents ask about most.
const sliderMetric = "ce"

func (c *Calculator) renderSlider(sc *scoring.Scorecard) goapp.UI {
	i := -1
	for j := range sc.Metrics {
		if sc.Metrics[j].ID == sliderMetric {
			i = j
		}
	}
	if i < 0 || c.view.Inputs[i].Missing {
		return goapp.Text("")
	}
	m, v := &sc.Metrics[i], c.view.Inputs[i].Value
	shown := v.Short(2)
	return goapp.Section().Class("card").Body(
		components.NewSlider(m.ID).WithLabel(m.Label).WithRange("0", "100", "0.1").
			WithValue(shown, "%", ValueWords(m.Unit, v)).
			WithNote(LineWords(m, c.view.Result.Lines[i], c.view.Result.Month.Pass)).
			WithDisabled(!c.live).
			WithOnChange(func(ctx goapp.Context, value string) { c.onSlider(ctx, m.ID, value) }),
	)
}

func (c *Calculator) renderBreakdown(sc *scoring.Scorecard, mr scoring.MonthResult) goapp.UI {
	return goapp.Section().Class("card").Body(
		goapp.H2().Text("How the score is built"),
		goapp.Ul().Class("breakdown").Body(goapp.Range(sc.Metrics).Slice(func(i int) goapp.UI {
			m, ms := &sc.Metrics[i], mr.Metrics[i]
			value, calc := "no value", "weight "+m.Weight.Short(2)+nbsp+"%"
			if !ms.Missing {
				value = FormatValue(m.Unit, ms.Value)
				calc = fmt.Sprintf("%s × %s%s%% = %s", pointsText(ms.Points), m.Weight.Short(2), nbsp, ms.Contribution.Short(4))
			}
			return goapp.Li().Body(
				goapp.Span().Class("metric-name").Text(m.Label),
				goapp.Span().Class("metric-value").Text(value),
				goapp.Span().Class("metric-calc").Text(calc),
			)
		})),
		goapp.If(mr.Status != scoring.Incomplete,
			goapp.P().Class("working").Text(fmt.Sprintf("Score %s, rounded to %d decimal%s: %s.",
				mr.Exact.Short(6), sc.Decimals, map[bool]string{true: "", false: "s"}[sc.Decimals == 1], mr.Score.Fixed(sc.Decimals))),
		),
	)
}
