package app

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/scoring"
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

// renderTeam is the team view: every agent's latest month and quarter,
// closest to failing first, a page at a time.
func (c *Calculator) renderTeam() goapp.UI {
	sc := c.view.Scorecard
	page := c.view.TeamView(c.model.TeamFilter, c.model.TeamPage)
	shown := "No agent's name contains that."
	if page.Total > 0 {
		shown = fmt.Sprintf("Showing %d–%d of %s.", page.First+1, page.First+len(page.Rows), state.Plural(page.Total, "agent"))
	}
	return goapp.Section().Class("card team").Aria("labelledby", "team-title").Body(
		goapp.H2().ID("team-title").Text("Team: closest to failing first"),
		goapp.P().Class("hint").Text(fmt.Sprintf("Each agent's latest month and its quarter on %s (pass mark %s): failing months first, furthest below first, then months with a missing value, then the smallest margins. Choose a name to open their what-if.",
			sc.Name, sc.Pass.Fixed(sc.Decimals))),
		goapp.Div().Class("field").Body(
			goapp.Label().For("team-filter").Text("Find an agent"),
			goapp.Input().Type("search").ID("team-filter").DataSet("testid", "team-filter").
				Attr("autocomplete", "off").Value(c.model.TeamFilter).Disabled(!c.live).OnInput(c.onTeamFilter),
		),
		goapp.P().Class("team-count").Attr("role", "status").DataSet("testid", "team-count").Text(shown),
		goapp.If(len(page.Rows) > 0, goapp.Table().Class("team-table").DataSet("testid", "team").Body(
			goapp.Caption().Class("visually-hidden").Text("Agents by risk"),
			goapp.THead().Body(goapp.Tr().Body(
				goapp.Th().Scope("col").Text("Agent"),
				goapp.Th().Scope("col").Text("Month"),
				goapp.Th().Scope("col").Text("Quarter"),
			)),
			goapp.TBody().Body(goapp.Range(page.Rows).Slice(func(i int) goapp.UI {
				return c.renderTeamRow(page.Rows[i])
			})),
		)),
		goapp.If(page.Pages > 1, goapp.Div().Class("actions pager").Body(
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "team-prev").
				Disabled(!c.live || page.Page == 0).Text("Previous page").OnClick(c.onMsg("team", state.ShowTeamPage{Page: page.Page - 1}), page.Page-1),
			goapp.Span().Class("page-of").Text(fmt.Sprintf("Page %d of %d", page.Page+1, page.Pages)),
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "team-next").
				Disabled(!c.live || page.Page == page.Pages-1).Text("Next page").OnClick(c.onMsg("team", state.ShowTeamPage{Page: page.Page + 1}), page.Page+1),
		)),
	)
}

func (c *Calculator) renderTeamRow(r state.TeamRow) goapp.UI {
	sc := c.view.Scorecard
	month, class := state.ShortMonth(r.Month.Month)+": ", "pass"
	switch {
	case r.Month.Status == scoring.Incomplete:
		month, class = month+"incomplete", "incomplete"
	case r.Month.Status == scoring.GateFailed:
		month, class = month+r.Month.Score.Fixed(sc.Decimals)+" FAIL (gate)", "fail"
	case r.Month.Pass:
		month += r.Month.Score.Fixed(sc.Decimals) + " PASS"
	default:
		month, class = month+r.Month.Score.Fixed(sc.Decimals)+" FAIL", "fail"
	}
	q := r.Quarter
	quarter := q.Label + ": "
	switch {
	case q.Status != scoring.InProgress && q.Pass:
		quarter += "PASS " + q.Score.Fixed(sc.Decimals)
	case q.Status != scoring.InProgress:
		quarter += "FAIL " + q.Score.Fixed(sc.Decimals)
	case q.Need == nil:
		quarter += "in progress (pooled: open the agent)"
	case q.Need.Kind == scoring.Reachable:
		quarter += "needs " + q.Need.Text(sc.Decimals)
	default:
		quarter += string(q.Need.Kind)
	}
	return goapp.Tr().Class(class).DataSet("agent", r.Agent).Body(
		goapp.Th().Scope("row").Body(
			goapp.Button().Type("button").Class("link").Disabled(!c.live).Text(r.Agent).
				Aria("label", "Open the what-if of "+r.Agent).OnClick(c.onOpenAgent(r.Agent), r.Agent),
		),
		goapp.Td().DataSet("testid", "team-month").Text(month),
		goapp.Td().DataSet("testid", "team-quarter").Text(quarter),
	)
}

func (c *Calculator) onTeamFilter(ctx goapp.Context, e goapp.Event) {
	c.send("team", state.FilterTeam{Text: value(ctx)})
}

func (c *Calculator) onOpenAgent(name string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		if c.send("team", state.OpenAgent{Name: name}) {
			goapp.Window().Call("scrollTo", 0, 0)
		}
	}
}
