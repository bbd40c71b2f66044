package app

import (
	"bytes"
	"os"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// ActionsCard is "Take it with you": the downloads, sharing, and starting
// again (with the crash and stop tests under ?crashtest=1).
type ActionsCard struct {
	goapp.Compo

	Scorecard       *scoring.Scorecard
	Share           shareState
	Err             string
	Live, CrashTest bool

	page *Calculator // unexported: not compared; always the same page
}

// Render draws the card.
func (a *ActionsCard) Render() goapp.UI {
	return components.SafeRender("\"Take it with you\"", a.render, nil)
}

func (a *ActionsCard) render() goapp.UI {
	c := a.page
	return goapp.Section().Class("card").Body(
		goapp.H2().Text("Take it with you"),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button").DataSet("testid", "export-results").Disabled(!a.Live).
				Text("Download the results (CSV)").OnClick(a.onExportResults),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "export-scorecard").Disabled(!a.Live).
				Text("Download the scorecard (JSON)").OnClick(a.onExportScorecard),
		),
		errorLine(a.Err),
		&ShareCard{Share: a.Share, Live: a.Live, page: c},
		goapp.H3().Text("Start again"),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "reset").
				Disabled(!a.Live).Text("Start again").OnClick(a.onReset),
			goapp.If(a.CrashTest,
				goapp.Button().Type("button").Class("button secondary").DataSet("testid", "crash-test").
					Text("Crash test").OnClick(a.onCrashTest),
				goapp.Button().Type("button").Class("button secondary").DataSet("testid", "stop-test").
					Text("Stop test").OnClick(a.onStopTest),
			),
		),
	)
}

func (a *ActionsCard) onExportResults(ctx goapp.Context, e goapp.Event) { a.page.exportResults() }

func (a *ActionsCard) onExportScorecard(ctx goapp.Context, e goapp.Event) {
	c := a.page
	c.do("exporting the scorecard", func() {
		var b bytes.Buffer
		if err := scoring.WriteScorecard(&b, a.Scorecard); err != nil {
			c.errs.set("export", err.Error())
			return
		}
		download("passline-scorecard.json", "application/json", b.Bytes())
	})
}

func (a *ActionsCard) onReset(ctx goapp.Context, e goapp.Event) {
	c := a.page
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

func (a *ActionsCard) onCrashTest(ctx goapp.Context, e goapp.Event) {
	a.page.do("running the crash test", func() { panic("crash test: this panic is on purpose") })
}

// onStopTest ends the Go program as a fatal error would (no recover can
// catch a stack overflow): web/stopped.js must then say so.
func (a *ActionsCard) onStopTest(ctx goapp.Context, e goapp.Event) { os.Exit(3) }
