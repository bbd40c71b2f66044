package app

import (
	"bytes"
	"os"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
)

// ActionsCard is "Take it with you": the downloads, sharing, and starting
// again (with the crash and stop tests under ?crashtest=1).
type ActionsCard struct {
	goapp.Compo

	Scorecard       *scoring.Scorecard
	Forget          string // what starting again forgets, as its question says it
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
			&components.Confirm{Label: "Start again", Question: a.Forget, Yes: "Forget them and start again", No: "Keep them",
				TestID: "start-again", Disabled: !a.Live, OnYes: a.page.startAgain},
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

func (a *ActionsCard) onCrashTest(ctx goapp.Context, e goapp.Event) {
	a.page.do("running the crash test", func() { panic("crash test: this panic is on purpose") })
}

// onStopTest ends the Go program as a fatal error would (no recover can
// catch a stack overflow): web/stopped.js must then say so.
func (a *ActionsCard) onStopTest(ctx goapp.Context, e goapp.Event) { os.Exit(3) }
