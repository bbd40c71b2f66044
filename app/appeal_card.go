package app

import (
	"fmt"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// AppealCard is the appeal what-if: the month's own counts with disputed
// ones taken out, clearly not an official score.
type AppealCard struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Appeal    *state.Appeal
	Month     scoring.Month
	Err       string
	Live      bool
	Send      Sender
}

// Render draws the card.
func (p *AppealCard) Render() goapp.UI {
	return components.SafeRender("the appeal what-if", p.render, nil)
}

func (p *AppealCard) render() goapp.UI {
	a := p.Appeal
	if a == nil || len(a.Metrics) == 0 {
		return goapp.Text("")
	}
	sc := p.Scorecard
	result := func(r scoring.MonthResult) string {
		if r.Status == scoring.Incomplete {
			return "incomplete"
		}
		return r.Score.Fixed(sc.Decimals) + " " + state.PassWord(r.Pass)
	}
	return goapp.Section().Class("card appeal").DataSet("testid", "appeal").Aria("labelledby", "appeal-title").Body(
		goapp.H2().ID("appeal-title").Text("Appeal what-if"),
		goapp.P().Class("hint").Text(fmt.Sprintf("Take out a disputed survey, sale or incident from %s as recorded and see the score it would give. A what-if, not an official score: only your team leader can change the record.", state.MonthLabel(p.Month))),
		goapp.Range(a.Metrics).Slice(func(k int) goapp.UI {
			am := a.Metrics[k]
			m := &sc.Metrics[am.Index]
			return goapp.FieldSet().Class("appeal-metric").DataSet("appeal", m.ID).Body(
				goapp.Legend().Text(m.Label),
				goapp.Div().Class("appeal-fields").Body(goapp.Range(am.Columns).Slice(func(j int) goapp.UI {
					col := am.Columns[j]
					id := "takeout-" + m.ID + "-" + col
					key := m.ID + "." + col
					return goapp.Div().Class("field inline").Body(
						goapp.Label().For(id).Text(fmt.Sprintf("Take out of %s %s", am.Counts[j].Short(2), col)),
						goapp.Input().Type("number").ID(id).Class("text short").Attr("min", "0").Attr("max", am.Counts[j].Short(0)).Attr("step", "1").
							DataSet("takeout", key).Value(am.Removed[j].Short(0)).Disabled(!p.Live).
							OnChange(onRead(p.Send, "takeout", func(v string) (state.Msg, error) {
								n, err := state.ReadTakenOut(v)
								return state.TakeOut{Metric: m.ID, Column: col, Value: n}, err
							}), key),
					)
				})),
				goapp.If(am.Err != nil, errorLine(state.ErrText(am.Err))),
			)
		}),
		errorLine(p.Err),
		goapp.P().Class("appeal-result").Attr("role", "status").Body(
			goapp.Text("As recorded: "), goapp.Strong().DataSet("testid", "appeal-official").Text(result(a.Official)),
			goapp.Text(". What-if without them: "), goapp.Strong().DataSet("testid", "appeal-score").Text(result(a.After)),
			goapp.Text(map[bool]string{true: " (not an official score).", false: " (nothing taken out yet)."}[a.Changed]),
		),
		goapp.If(a.Changed, goapp.Button().Type("button").Class("button secondary").DataSet("testid", "appeal-clear").Disabled(!p.Live).
			Text("Put them back").OnClick(onSend(p.Send, "takeout", state.ClearTakeOut{}))),
	)
}
