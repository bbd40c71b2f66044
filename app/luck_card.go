package app

import (
	"fmt"
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

// LuckCard is survey luck: for each ratio and NPS metric of the month's
// own counts, what one response does and the chance of each band next
// month. It is an estimate and says so.
type LuckCard struct {
	goapp.Compo

	Scorecard *scoring.Scorecard
	Luck      []state.LuckRow
	Agent     string
	// From is the month whose counts the chances come from (on the next,
	// empty month, the data's latest); the chances are for the month after.
	From scoring.Month
	Errs map[string]string // by "expect:<id>"
	Live bool
	Send Sender
}

// Render draws the card.
func (p *LuckCard) Render() goapp.UI { return components.SafeRender("survey luck", p.render, nil) }

func (p *LuckCard) render() goapp.UI {
	rows := p.Luck
	if len(rows) == 0 {
		return goapp.Text("")
	}
	sc := p.Scorecard
	return goapp.Section().Class("card").DataSet("testid", "luck").Aria("labelledby", "luck-title").Body(
		goapp.H2().ID("luck-title").Text("Survey luck (an estimate)"),
		goapp.P().Class("hint").DataSet("testid", "luck-from").Text(fmt.Sprintf("From %s's counts in %s: if %s's responses come at the same rates, these are the chances of each band. An estimate, not a promise; which result earns which points is exact.",
			p.Agent, state.MonthLabel(p.From), state.FollowingMonth(p.From))),
		goapp.Range(rows).Slice(func(k int) goapp.UI {
			r := rows[k]
			m := &sc.Metrics[r.Metric]
			id := "expect-" + m.ID
			shown := shownChances(r)
			return goapp.Div().Class("luck").DataSet("luck", m.ID).Body(
				goapp.H3().Text(m.Label),
				luckLine(sc, m, r, p.From),
				goapp.Div().Class("field inline").Body(
					goapp.Label().For(id).Text(fmt.Sprintf("%s expected in %s", state.Capitalize(state.ResponseWord(m)), state.FollowingMonth(p.From))),
					goapp.Input().Type("text").ID(id).Class("text short").Attr("inputmode", "numeric").Attr("autocomplete", "off").
						DataSet("expect", m.ID).Value(strconv.Itoa(r.Luck.N)).Disabled(!p.Live).
						OnChange(onRead(p.Send, "expect:"+m.ID, func(v string) (state.Msg, error) {
							n, err := state.ReadResponses(v)
							return state.SetExpected{Metric: m.ID, Value: n}, err
						}), m.ID),
				),
				errorLine(p.Errs["expect:"+m.ID]),
				goapp.If(r.Err == nil, goapp.Ul().Class("breakdown").Body(goapp.Range(shown).Slice(func(k int) goapp.UI {
					ch := r.Luck.Chances[shown[k]]
					return goapp.Li().DataSet("chance", ch.Points.String()).Body(
						goapp.Span().Class("metric-name").Text("At least "+state.PointsText(ch.Points)),
						goapp.Span().Class("metric-value").Text(state.ChanceText(ch.AtLeast)),
					)
				}))),
			)
		}),
	)
}

// shownChances is which of row r's chances are listed (state.ChancesShown).
func shownChances(r state.LuckRow) []int {
	if r.Err != nil {
		return nil
	}
	return state.ChancesShown(r.Luck.Chances)
}

// luckLine is a luck row's refusal, or what one more response does. The
// words are made only for a row that has them: a refused row (fractional
// counts, say) has no OneMore values to name.
func luckLine(sc *scoring.Scorecard, m *scoring.Metric, r state.LuckRow, from scoring.Month) goapp.UI {
	if r.Err != nil {
		return errorLine(state.ErrText(r.Err))
	}
	return goapp.P().Text(oneResponseWords(sc, m, r.Luck, from))
}

// oneResponseWords says how many responses there were and what one more
// does: "25 surveys in October 2026. Add one to satisfied and surveys: 92.31 %;
// to surveys only: 88.46 %."
func oneResponseWords(sc *scoring.Scorecard, m *scoring.Metric, l scoring.Luck, from scoring.Month) string {
	f := func(v scoring.Num) string { return state.MetricValue(m, v) }
	src := m.Source
	if src.Kind == scoring.FromNPS {
		return fmt.Sprintf("%s %s in %s. Add one to %s: %s; to %s: %s; to %s: %s.",
			l.Responses.Short(0), state.ResponseWord(m), state.MonthLabel(from), state.ColumnWords(src.Promoters), f(l.OneMore[0]),
			state.ColumnWords(src.Passives), f(l.OneMore[1]), state.ColumnWords(src.Detractors), f(l.OneMore[2]))
	}
	return fmt.Sprintf("%s %s in %s. Add one to %s and %s: %s; to %s only: %s.",
		l.Responses.Short(0), state.ResponseWord(m), state.MonthLabel(from), state.ColumnWords(src.Num), state.ColumnWords(src.Den),
		f(l.OneMore[0]), state.ColumnWords(src.Den), f(l.OneMore[1]))
}
