// The page shell around the screens: navigation, notices, the "Take it
// with you" actions, and the error line every part uses.

package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/state"
)

// renderNav is the row of screens; the current one is marked for screen
// readers as well as by its look.
func (c *Calculator) renderNav() goapp.UI {
	return goapp.Nav().Class("screens").Aria("label", "Screens").Body(
		goapp.Range(state.Screens).Slice(func(i int) goapp.UI {
			s := state.Screens[i]
			b := goapp.Button().Type("button").Class("screen-tab").DataSet("screen", s.ID).
				Disabled(!c.live).Text(s.Label).OnClick(c.onMsg("screen", state.ChooseScreen{Screen: s.ID}), s.ID)
			if s.ID == c.model.Screen {
				b = b.Aria("current", "page")
			}
			return b
		}),
	)
}

func (c *Calculator) renderNotices() goapp.UI {
	return goapp.Div().Class("notices").Body(
		goapp.If(c.updated,
			components.NewNotice(components.Info, "A new version of Passline is ready.").WithAction("Reload", c.reload).WithTestID("update"),
		),
		goapp.If(c.crash != "",
			components.NewNotice(components.Error, "Sorry: "+c.crash+". The calculator still works; reload if anything looks wrong.").WithAction("Reload", c.reload).WithTestID("crash"),
		),
		goapp.If(c.notice != "",
			components.NewNotice(components.Info, c.notice).WithTestID("restored"),
		),
		c.renderSaveFailed(),
		c.renderRescue(),
		c.renderShareOffer(),
	)
}

// showingExample reports whether the data is still the first visit's example.
func (c *Calculator) showingExample() bool { return c.model.Data == state.DefaultData }

func (c *Calculator) renderActions(p actionsProps) goapp.UI {
	return goapp.Section().Class("card").Body(
		goapp.H2().Text("Take it with you"),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button").DataSet("testid", "export-results").Disabled(!p.Live).
				Text("Download the results (CSV)").OnClick(c.onExportResults),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "export-scorecard").Disabled(!p.Live).
				Text("Download the scorecard (JSON)").OnClick(c.onExportScorecard),
		),
		errorLine(p.Err),
		c.renderShare(p),
		goapp.H3().Text("Start again"),
		goapp.Div().Class("actions").Body(
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "reset").
				Disabled(!p.Live).Text("Start again").OnClick(c.onReset),
			goapp.If(p.CrashTest,
				goapp.Button().Type("button").Class("button secondary").DataSet("testid", "crash-test").
					Text("Crash test").OnClick(c.onCrashTest),
				goapp.Button().Type("button").Class("button secondary").DataSet("testid", "stop-test").
					Text("Stop test").OnClick(c.onStopTest),
			),
		),
	)
}

// errorLine shows an error next to what it is about, or nothing.
func errorLine(msg string) goapp.UI {
	if msg == "" {
		return goapp.Text("")
	}
	return goapp.P().Class("input-error").Attr("role", "alert").Text(msg)
}
