package app

import (
	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

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
