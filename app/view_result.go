package app

import (
	"fmt"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/scoring"
	"passline/state"
)

func (c *Calculator) renderMonth() goapp.UI {
	v, sc := c.view, c.view.Scorecard
	mr := v.Result.Month
	title := state.MonthLabel(v.Month) + " · " + v.Agent.Name
	if v.IsNext {
		title += " (next month: your what-if)"
	}
	if mr.Status == scoring.Incomplete {
		var missing []string
		for _, i := range v.Order {
			if mr.Metrics[i].Missing {
				missing = append(missing, sc.Metrics[i].Label)
			}
		}
		return goapp.Section().Class("card month incomplete").Aria("labelledby", "month-title").Body(
			goapp.H2().ID("month-title").Text(title),
			goapp.P().Class("status").DataSet("testid", "month-status").Text("INCOMPLETE"),
			goapp.P().Text("No score yet: "+strings.Join(missing, ", ")+" has no value this month. Give it one with its slider, or add it to your data."),
		)
	}
	status, icon, class := "FAIL", "✗", "fail"
	if mr.Pass {
		status, icon, class = "PASS", "✓", "pass"
	}
	margin := mr.Score.Sub(sc.Pass)
	pass := sc.Pass.Fixed(sc.Decimals)
	marginText := fmt.Sprintf("%s above the pass mark of %s", margin.Fixed(sc.Decimals), pass)
	switch {
	case mr.Status == scoring.GateFailed:
		marginText = "a metric is below its gate, so the month fails whatever the score"
	case margin.Sign() < 0:
		marginText = fmt.Sprintf("%s below the pass mark of %s", margin.Neg().Fixed(sc.Decimals), pass)
	case margin.IsZero():
		marginText = fmt.Sprintf("exactly the pass mark of %s", pass)
	}
	return goapp.Section().Class("card month "+class).Aria("labelledby", "month-title").Body(
		goapp.H2().ID("month-title").Text(title),
		goapp.Div().Class("verdict").Body(
			goapp.Span().Class("score").DataSet("testid", "month-score").Text(mr.Score.Fixed(sc.Decimals)),
			goapp.Span().Class("status").Body(
				goapp.Span().Aria("hidden", "true").Text(icon+" "),
				goapp.Span().DataSet("testid", "month-status").Text(status),
			),
		),
		goapp.P().Class("margin").DataSet("testid", "month-margin").Text(marginText),
	)
}

// renderWorking shows how the score is built, down to the exact sum.
func (c *Calculator) renderWorking() goapp.UI {
	v, sc := c.view, c.view.Scorecard
	mr := v.Result.Month
	var terms []string
	for i, m := range sc.Metrics {
		if !mr.Metrics[i].Missing {
			terms = append(terms, fmt.Sprintf("%s%s%% × %s", m.Weight.Short(4), state.NBSP, mr.Metrics[i].Points.Short(4)))
		}
	}
	formula := "Score = " + strings.Join(terms, " + ")
	if mr.Status != scoring.Incomplete {
		formula += fmt.Sprintf(" = %s, rounded to %s (halves up): %s. The pass mark is %s", mr.Exact.Short(6), state.DecimalsText(sc.Decimals),
			mr.Score.Fixed(sc.Decimals), sc.Pass.Fixed(sc.Decimals))
		if mr.Pass {
			formula += ": pass."
		} else {
			formula += ": fail."
		}
	}
	var gates []goapp.UI
	for i, m := range sc.Metrics {
		if m.Gate != nil && !mr.Metrics[i].Missing {
			verdict := "met"
			if mr.Metrics[i].GateFailed {
				verdict = "not met: the month fails whatever the score"
			}
			gates = append(gates, goapp.P().Class("working").Text(fmt.Sprintf("Gate: %s needs at least %s; it has %s, %s.", m.Label, state.PointsText(*m.Gate), state.PointsText(mr.Metrics[i].Points), verdict)))
		}
	}
	return goapp.Section().Class("card").Aria("labelledby", "working-title").Body(
		goapp.H2().ID("working-title").Text("Show your working"),
		goapp.Ul().Class("breakdown").Body(goapp.Range(v.Order).Slice(func(k int) goapp.UI {
			i := v.Order[k]
			m, ms := &sc.Metrics[i], mr.Metrics[i]
			value, calc := "no value", "weight "+m.Weight.Short(2)+state.NBSP+"%"
			if !ms.Missing {
				value = state.MetricValue(m, ms.Value)
				calc = fmt.Sprintf("%s × %s%s%% = %s", state.PointsText(ms.Points), m.Weight.Short(2), state.NBSP, ms.Contribution.Short(4))
			}
			return goapp.Li().Body(
				goapp.Span().Class("metric-name").Text(m.Label),
				goapp.Span().Class("metric-value").Text(value),
				goapp.Span().Class("metric-calc").Text(calc),
			)
		})),
		goapp.P().Class("working formula").DataSet("testid", "working").Text(formula),
		goapp.Range(gates).Slice(func(i int) goapp.UI { return gates[i] }),
	)
}

func (c *Calculator) renderQuarter() goapp.UI {
	v, sc := c.view, c.view.Scorecard
	q := v.Quarter
	status := map[scoring.Status]string{scoring.InProgress: "IN PROGRESS", scoring.GateFailed: "GATE FAILED"}[q.Status]
	if status == "" {
		status = map[bool]string{true: "PASS", false: "FAIL"}[q.Pass]
	}
	score := "none yet"
	if q.HasScore {
		score = q.Score.Fixed(sc.Decimals)
	}
	scoreWords := "Score"
	if q.Status == scoring.InProgress {
		scoreWords = "Score so far"
	}
	months := make([]goapp.UI, 0, 3)
	for mo := q.Start; mo < q.Start+3; mo++ {
		text := state.MonthName(mo) + ": still to come"
		for _, mr := range q.Months {
			if mr.Month != mo {
				continue
			}
			switch {
			case mr.Status == scoring.Incomplete:
				text = state.MonthName(mo) + ": incomplete, still to come"
			case mr.Pass:
				text = fmt.Sprintf("%s: %s, pass", state.MonthName(mo), mr.Score.Fixed(sc.Decimals))
			default:
				text = fmt.Sprintf("%s: %s, %s", state.MonthName(mo), mr.Score.Fixed(sc.Decimals), strings.ToLower(string(mr.Status)))
				if mr.Status == scoring.Complete {
					text = fmt.Sprintf("%s: %s, fail", state.MonthName(mo), mr.Score.Fixed(sc.Decimals))
				}
			}
			if mo == v.Month {
				text += " (your what-if)"
			}
		}
		months = append(months, goapp.Li().Text(text))
	}
	return goapp.Section().Class("card quarter").Aria("labelledby", "quarter-title").Body(
		goapp.H2().ID("quarter-title").Text(fmt.Sprintf("Quarter %s: %s to %s", q.Label, state.MonthLabel(q.Start), state.MonthLabel(q.Start+2))),
		goapp.P().Class("quarter-line").Body(
			goapp.Span().Text(scoreWords+": "),
			goapp.Strong().DataSet("testid", "quarter-score").Text(score),
			goapp.Span().Text(" · "),
			goapp.Strong().DataSet("testid", "quarter-status").Text(status),
		),
		goapp.Ul().Class("plain").Body(months...),
		c.renderNeed(q),
	)
}

func (c *Calculator) renderNeed(q scoring.QuarterResult) goapp.UI {
	sc := c.view.Scorecard
	if q.Need != nil {
		need := q.Need.Text(sc.Decimals)
		words := fmt.Sprintf("The %s still to come need%s an average score of at least ", state.Plural(q.Need.Remaining, "month"), map[bool]string{true: "s", false: ""}[q.Need.Remaining == 1])
		switch q.Need.Kind {
		case scoring.OutOfReach:
			words = fmt.Sprintf("Even %s in every month still to come would not pass the quarter: ", sc.Scale.Highest().Fixed(0))
		case scoring.Secured:
			words = "The quarter passes whatever the months still to come score: "
		}
		return goapp.P().Class("need").Body(goapp.Text(words), goapp.Strong().DataSet("testid", "quarter-need").Text(need), goapp.Text("."))
	}
	if len(c.view.PooledNeeds) == 0 {
		return goapp.Text("")
	}
	needs := c.view.PooledNeeds
	return goapp.Div().Class("pooled").Body(
		goapp.P().Text("This quarter is pooled: each metric is worked out over the whole quarter. Each month still to come needs, the others at your what-if values:"),
		goapp.Ul().Class("breakdown").DataSet("testid", "quarter-need").Body(goapp.Range(c.view.Order).Slice(func(k int) goapp.UI {
			i := c.view.Order[k]
			m, n := &sc.Metrics[i], needs[i]
			text := map[scoring.LineKind]string{
				scoring.PassesAtWorst: "secured: any value passes",
				scoring.CannotPass:    "out of reach",
				scoring.LineUnknown:   "unknown until every metric has a value",
			}[n.Kind]
			if n.Kind == scoring.LineAt {
				dir := "at least"
				if m.Better == scoring.Lower && !m.IsPoints() {
					dir = "at most"
				}
				text = dir + " " + state.FormatValue(m.Unit, state.ShownLine(m, n.Value))
			}
			return goapp.Li().Body(
				goapp.Span().Class("metric-name").Text(m.Label),
				goapp.Span().Class("metric-value").Text(text),
				goapp.If(n.VolumeOf != "", c.renderVolume(m, n)),
			)
		})),
	)
}

func (c *Calculator) renderVolume(m *scoring.Metric, n scoring.PooledNeed) goapp.UI {
	id := "volume-" + m.ID
	return goapp.Div().Class("metric-calc volume").Body(
		goapp.Label().For(id).Text(fmt.Sprintf("assuming %s a month:", n.VolumeOf)),
		goapp.Input().Type("text").ID(id).Class("exact").DataSet("volume", m.ID).Attr("inputmode", "decimal").
			Value(n.Volume.Short(2)).Disabled(!c.live).OnChange(c.onRead("volume:"+m.ID, func(v string) (state.Msg, error) {
			n, err := state.ReadVolume(v)
			return state.SetVolume{Metric: m.ID, Value: n}, err
		}), m.ID), // the scope re-binds it when the metric changes
		errorLine(c.errs["volume:"+m.ID]),
	)
}
