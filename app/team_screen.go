package app

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// Sender takes a screen's messages: the page applies each (update, save,
// derive) and shows a refusal in area. Screens hold it as a prop; the page
// passes itself, so it compares equal from render to render.
type Sender interface {
	Send(area string, msg state.Msg) bool
	// SendRead sends the message read from text by read (one of state's
	// readers), or shows in area why the text cannot be read.
	SendRead(area, text string, read func(text string) (state.Msg, error)) bool
}

// TeamScreen is the team view: every agent's latest month and quarter,
// closest to failing first, a page at a time. It draws its props only.
type TeamScreen struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Page      state.TeamPage // the agents shown and where they stand in the list
	Filter    string
	Sort      string // the order: a column of state.TeamSorts ("-": descending), or risk
	Live      bool
	Send      Sender
}

// Render draws the screen.
func (t *TeamScreen) Render() goapp.UI { return components.SafeRender("the team view", t.render, nil) }

func (t *TeamScreen) render() goapp.UI {
	sc, page := t.Scorecard, t.Page
	shown := "No agent's name contains that."
	if page.Total > 0 {
		shown = fmt.Sprintf("Showing %d–%d of %s.", page.First+1, page.First+len(page.Rows), state.Plural(page.Total, "agent"))
	}
	return goapp.Section().Class("card team").Aria("labelledby", "team-title").Body(
		goapp.H2().ID("team-title").Text("Team: the quarter most at risk first"),
		goapp.P().Class("hint").Text(fmt.Sprintf("Each agent's latest month and its quarter on %s (pass mark %s). First the quarters already lost or out of reach, then those whose need is furthest above the agent's own scores so far, then the rest. Sort by any column; choose a name to open their what-if.",
			sc.Name, sc.Pass.Fixed(sc.Decimals))),
		goapp.Div().Class("field").Body(
			goapp.Label().For("team-filter").Text("Find an agent"),
			goapp.Input().Type("search").ID("team-filter").DataSet("testid", "team-filter").
				Attr("autocomplete", "off").Value(t.Filter).Disabled(!t.Live).OnInput(t.onFilter),
		),
		goapp.P().Class("team-count").Attr("role", "status").DataSet("testid", "team-count").Text(shown),
		goapp.If(len(page.Rows) > 0, goapp.Table().Class("team-table").DataSet("testid", "team").Body(
			goapp.Caption().Class("visually-hidden").Text("Agents by risk"),
			goapp.THead().Body(goapp.Tr().Body(
				t.sortHeader("agent", "Agent"),
				t.sortHeader("month", "Month"),
				t.sortHeader("quarter", "Quarter"),
			)),
			goapp.TBody().Body(goapp.Range(page.Rows).Slice(func(i int) goapp.UI {
				return t.renderRow(page.Rows[i])
			})),
		)),
		&components.Pager{Page: page.Page, Pages: page.Pages, TestID: "team", Disabled: !t.Live, OnTurn: t},
	)
}

func (t *TeamScreen) renderRow(r state.TeamRow) goapp.UI {
	sc := t.Scorecard
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
	quarter, need := q.Label+": ", ""
	switch {
	case q.Status != scoring.InProgress && q.Pass:
		quarter += "PASS " + q.Score.Fixed(sc.Decimals)
	case q.Status != scoring.InProgress:
		quarter += "FAIL " + q.Score.Fixed(sc.Decimals)
	case q.Need == nil:
		quarter += "in progress (pooled: open the agent)"
	case q.Need.Kind == scoring.Reachable:
		quarter += "needs "
		need = q.Need.Text(sc.Decimals)
	default:
		quarter += string(q.Need.Kind)
	}
	return goapp.Tr().Class(class).DataSet("agent", r.Agent).Body(
		goapp.Th().Scope("row").Body(
			goapp.Button().Type("button").Class("link").Disabled(!t.Live).Text(r.Agent).
				Aria("label", "Open the what-if of "+r.Agent).OnClick(t.onOpen(r.Agent), r.Agent),
		),
		goapp.Td().DataSet("testid", "team-month").Text(month),
		goapp.Td().DataSet("testid", "team-quarter").Body(goapp.Text(quarter), goapp.If(need != "", goapp.Strong().Class("need-mark").Text(need))),
	)
}

func (t *TeamScreen) onFilter(ctx goapp.Context, e goapp.Event) {
	t.Send.Send("team", state.FilterTeam{Text: value(ctx)})
}

// TurnPage shows another page of the list.
func (t *TeamScreen) TurnPage(page int) { t.Send.Send("team", state.ShowTeamPage{Page: page}) }

func (t *TeamScreen) onOpen(name string) goapp.EventHandler {
	return func(ctx goapp.Context, e goapp.Event) {
		if t.Send.Send("team", state.OpenAgent{Name: name}) {
			goapp.Window().Call("scrollTo", 0, 0)
		}
	}
}

// sortHeader is a column's header: a button that sorts the table by it
// (again: the other way; a third time: by risk), with aria-sort.
func (t *TeamScreen) sortHeader(col, words string) goapp.UI {
	sort, next := state.TeamSortCycle(t.Sort, col)
	return goapp.Th().Scope("col").Aria("sort", sort).Body(
		goapp.Button().Type("button").Class("link sort").DataSet("sort", col).Disabled(!t.Live).
			Text(words+map[string]string{"ascending": " ↑", "descending": " ↓"}[sort]).
			OnClick(func(ctx goapp.Context, e goapp.Event) { t.Send.Send("team", state.SortTeam{By: next}) }, next),
	)
}
