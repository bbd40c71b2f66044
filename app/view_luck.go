package app

import (
	"fmt"
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/scoring"
	"passline/state"
)

// renderLuck is survey luck: for each ratio and NPS metric of the month's
// own counts, what one response does and the chance of each band next
// month. It is an estimate and says so.
func (c *Calculator) renderLuck(p luckProps) goapp.UI {
	rows := p.Luck
	if len(rows) == 0 {
		return goapp.Text("")
	}
	sc := p.Scorecard
	return goapp.Section().Class("card").DataSet("testid", "luck").Aria("labelledby", "luck-title").Body(
		goapp.H2().ID("luck-title").Text("Survey luck (an estimate)"),
		goapp.P().Class("hint").Text(fmt.Sprintf("From %s's counts in %s: if next month's responses come at the same rates, these are the chances of each band. An estimate, not a promise; which result earns which points is exact.",
			p.Agent, state.MonthLabel(p.Month))),
		goapp.Range(rows).Slice(func(k int) goapp.UI {
			r := rows[k]
			m := &sc.Metrics[r.Metric]
			id := "expect-" + m.ID
			return goapp.Div().Class("luck").DataSet("luck", m.ID).Body(
				goapp.H3().Text(m.Label),
				luckLine(sc, m, r),
				goapp.Div().Class("field inline").Body(
					goapp.Label().For(id).Text(fmt.Sprintf("%s expected next month", state.Capitalize(responseWord(m)))),
					goapp.Input().Type("text").ID(id).Class("text short").Attr("inputmode", "numeric").Attr("autocomplete", "off").
						DataSet("expect", m.ID).Value(strconv.Itoa(r.Luck.N)).Disabled(!p.Live).
						OnChange(c.onValue("expect:"+m.ID, func(v string) state.Msg { return state.SetExpected{Metric: m.ID, Value: v} }), m.ID),
				),
				errorLine(p.Errs["expect:"+m.ID]),
				goapp.If(r.Err == nil, goapp.Ul().Class("breakdown").Body(goapp.Range(r.Luck.Chances).Slice(func(j int) goapp.UI {
					ch := r.Luck.Chances[j]
					if j == 0 {
						return goapp.Text("") // the lowest level is certain
					}
					return goapp.Li().DataSet("chance", ch.Points.String()).Body(
						goapp.Span().Class("metric-name").Text("At least "+state.PointsText(ch.Points)),
						goapp.Span().Class("metric-value").Text(state.ChanceText(ch.AtLeast)),
					)
				}))),
			)
		}),
	)
}

// luckLine is a luck row's refusal, or what one more response does. The
// words are made only for a row that has them: a refused row (fractional
// counts, say) has no OneMore values to name.
func luckLine(sc *scoring.Scorecard, m *scoring.Metric, r state.LuckRow) goapp.UI {
	if r.Err != nil {
		return errorLine(state.ErrText(r.Err))
	}
	return goapp.P().Text(oneResponseWords(sc, m, r.Luck))
}

// responseWord names what a metric counts responses in: "surveys",
// "responses", "calls".
func responseWord(m *scoring.Metric) string {
	if m.Source.Kind == scoring.FromNPS {
		return "responses"
	}
	return m.Source.Den
}

// oneResponseWords says how many responses there were and what one more
// does: "25 surveys this month. Add one to satisfied and surveys: 92.31 %;
// to surveys only: 88.46 %."
func oneResponseWords(sc *scoring.Scorecard, m *scoring.Metric, l scoring.Luck) string {
	f := func(v scoring.Num) string { return state.MetricValue(m, v) }
	src := m.Source
	if src.Kind == scoring.FromNPS {
		return fmt.Sprintf("%s %s this month. Add one to %s: %s; to %s: %s; to %s: %s.",
			l.Responses.Short(0), responseWord(m), src.Promoters, f(l.OneMore[0]), src.Passives, f(l.OneMore[1]), src.Detractors, f(l.OneMore[2]))
	}
	return fmt.Sprintf("%s %s this month. Add one to %s and %s: %s; to %s only: %s.",
		l.Responses.Short(0), responseWord(m), src.Num, src.Den, f(l.OneMore[0]), src.Den, f(l.OneMore[1]))
}

// renderAppeal is the appeal what-if: the month's own counts with disputed
// ones taken out, clearly not an official score.
func (c *Calculator) renderAppeal(p appealProps) goapp.UI {
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
							DataSet("takeout", key).Value(strconv.Itoa(am.Removed[j])).Disabled(!p.Live).
							OnChange(c.onValue("takeout", func(v string) state.Msg { return state.TakeOut{Metric: m.ID, Column: col, Value: v} }), key),
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
			Text("Put them back").OnClick(c.onMsg("takeout", state.ClearTakeOut{}))),
	)
}
