package app

import (
	"fmt"
	"strings"

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
	if a == nil || len(a.Metrics)+len(a.Evaluated) == 0 {
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
		goapp.P().Class("hint").Text(state.AppealHint(sc, a, p.Month)),
		goapp.Range(a.Evaluated).Slice(func(k int) goapp.UI { return p.renderEvaluated(a.Evaluated[k]) }),
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
						goapp.Label().For(id).Text(fmt.Sprintf("Take out of %s %s", am.Counts[j].Short(2), state.ColumnWords(col))),
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
			goapp.Text(". With the appeal: "), goapp.Strong().DataSet("testid", "appeal-score").Text(result(a.After)),
			goapp.Text(map[bool]string{true: " (not an official score).", false: " (nothing appealed yet)."}[a.Changed]),
		),
		goapp.P().Class("appeal-result").DataSet("testid", "appeal-quarter").Text(state.AppealQuarterWords(sc, a)),
		goapp.If(a.Changed, goapp.Button().Type("button").Class("button secondary").DataSet("testid", "appeal-clear").Disabled(!p.Live).
			Text("Put them back").OnClick(onSend(p.Send, "takeout", state.ClearTakeOut{}))),
	)
}

// renderEvaluated is a metric whose value is a mean of evaluations (QA):
// the month's evaluations typed as a list, then each one changeable, the
// means as recorded and with the appeal.
func (p *AppealCard) renderEvaluated(em state.EvaluatedMetric) goapp.UI {
	sc := p.Scorecard
	m := &sc.Metrics[em.Index]
	id := "evaluations-" + m.ID
	text := ""
	var list []goapp.UI
	if ev := em.Evaluations; ev != nil {
		var typed []string
		for k, v := range ev.Recorded {
			typed = append(typed, v.Short(4))
			k, ref := k, "evaluation-"+m.ID+"-"+fmt.Sprint(k)
			list = append(list, goapp.Div().Class("field inline").Body(
				goapp.Label().For(ref).Text(fmt.Sprintf("Evaluation %d (recorded %s)", k+1, state.FormatValue(m.Unit, v))),
				goapp.Input().Type("text").ID(ref).Class("text short").Attr("inputmode", "decimal").Attr("autocomplete", "off").
					DataSet("evaluation", fmt.Sprintf("%s.%d", m.ID, k)).Value(ev.Appealed[k].Short(4)).Disabled(!p.Live).
					OnChange(onRead(p.Send, "takeout", func(text string) (state.Msg, error) {
						if strings.TrimSpace(text) == "" {
							return state.AppealEvaluation{Metric: m.ID, Index: k}, nil
						}
						v, err := state.ReadValue(m.Unit, text)
						return state.AppealEvaluation{Metric: m.ID, Index: k, Value: &v}, err
					}), ref),
			))
		}
		text = strings.Join(typed, ", ")
	}
	return goapp.FieldSet().Class("appeal-metric").DataSet("appeal", m.ID).Body(
		goapp.Legend().Text(m.Label),
		goapp.Div().Class("field").Body(
			goapp.Label().For(id).Text(state.EvaluationsLabel(sc, m, p.Month)),
			goapp.Input().Type("text").ID(id).Class("text").Attr("autocomplete", "off").DataSet("evaluations", m.ID).
				Value(text).Disabled(!p.Live).
				OnChange(onRead(p.Send, "takeout", func(text string) (state.Msg, error) {
					list, err := state.ReadEvaluations(sc, m, text)
					return state.SetEvaluations{Metric: m.ID, List: list}, err
				}), m.ID),
		),
		goapp.Div().Class("appeal-fields").Body(list...),
		goapp.P().DataSet("testid", "evaluations-"+m.ID).Text(state.EvaluatedWords(sc, m, em)),
	)
}
