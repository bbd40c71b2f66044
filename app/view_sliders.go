package app

import (
	"fmt"
	"strconv"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"

	"passline/components"
	"passline/scoring"
	"passline/state"
)

func (c *Calculator) renderSliders() goapp.UI {
	v, sc := c.view, c.view.Scorecard
	return goapp.Section().Class("card sliders").Aria("labelledby", "whatif-title").Body(
		goapp.H2().ID("whatif-title").Text("What if…"),
		c.renderMonthPicker(),
		goapp.Range(v.Order).Slice(func(k int) goapp.UI {
			i := v.Order[k]
			m := &sc.Metrics[i]
			if state.HasIncidentCounts(m, v.Base[i]) {
				return c.renderIncidentSliders(i)
			}
			in := v.Inputs[i]
			if in.Missing {
				in = scoring.Input{Value: state.RangeFor(sc, m, scoring.Num{}).Min}
			}
			r := state.RangeFor(sc, m, in.Value)
			var marks []components.Mark
			for _, b := range m.Bands {
				if b.Points.Equal(sc.Scale.Lowest()) && !m.Interpolate {
					continue
				}
				marks = append(marks, components.Mark{At: r.Position(b.At), Label: b.Points.Short(2)})
			}
			line := v.Result.Lines[i]
			if line.Kind == scoring.LineAt && !m.IsPoints() {
				marks = append(marks, components.Mark{At: r.Position(state.ShownLine(m, line.Value)), Label: "pass line", Pass: true})
			}
			points := ""
			if !v.Inputs[i].Missing {
				points = state.PointsText(v.Result.Month.Metrics[i].Points)
			}
			return components.NewSlider(m.ID).WithLabel(m.Label).
				WithRange(r.Min.Short(4), r.Max.Short(4), r.Step.Short(4)).
				WithValue(in.Value.Short(4), state.UnitSign(m.Unit), state.MetricWords(m, in.Value)+", "+points).
				WithExact(state.ExactText(m, in.Value)).
				WithPoints(points).WithMarks(marks).
				WithNote(state.LineWords(m, line, v.Result.Month.Pass)+allowanceWords(line)).
				WithError(c.errs["metric:"+m.ID]).
				WithDisabled(!c.live).
				WithOnChange(m.ID, c)
		}),
		goapp.If(len(c.model.WhatIf) > 0,
			goapp.Button().Type("button").Class("button secondary").DataSet("testid", "clear-whatif").
				Text("Back to the month's own values").OnClick(c.onClearWhatIf),
		),
	)
}

// allowanceWords adds, for a deduct metric, how many incidents the month
// can still take.
func allowanceWords(l scoring.PassLine) string {
	var parts []string
	for _, a := range l.Incidents {
		switch {
		case a.Unlimited:
		case a.Most < 0:
			parts = append(parts, "no more "+a.Column)
		default:
			parts = append(parts, strconv.FormatInt(a.Most, 10)+" "+a.Column)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	text := " At most: "
	for i, p := range parts {
		if i > 0 {
			text += " or "
		}
		text += p
	}
	return text + " (each kind counted with the others as they are)."
}

func (c *Calculator) renderMonthPicker() goapp.UI {
	v := c.view
	months := v.Agent.Months
	latest := months[len(months)-1].Month
	options := make([]goapp.UI, 0, len(months)+1)
	for k := len(months) - 1; k >= 0; k-- {
		mo := months[k].Month
		label := state.MonthLabel(mo)
		if mo == latest {
			label += " (latest)"
		}
		options = append(options, goapp.Option().Value(mo.String()).Selected(!v.IsNext && mo == v.Month).Text(label))
	}
	options = append(options, goapp.Option().Value(state.NextMonth).Selected(v.IsNext).Text(state.MonthLabel(latest+1)+" (next, empty)"))
	return goapp.Div().Class("field").Body(
		goapp.Label().For("month-picker").Text("Month"),
		goapp.Select().ID("month-picker").DataSet("testid", "month").Disabled(!c.live).OnChange(c.onMonth).Body(options...),
		errorLine(c.errs["month"]),
	)
}

// renderIncidentSliders moves a deduct metric in counts: a slider for each
// kind of incident ("late", "absent"), the first one carrying the metric's
// id.
func (c *Calculator) renderIncidentSliders(i int) goapp.UI {
	v, sc := c.view, c.view.Scorecard
	m := &sc.Metrics[i]
	points := state.PointsText(v.Result.Month.Metrics[i].Points)
	line := v.Result.Lines[i]
	pens := m.Source.Penalties
	return goapp.Div().Class("incidents").Body(goapp.Range(pens).Slice(func(k int) goapp.UI {
		pen := pens[k]
		key := state.IncidentKey(m, pen.Column)
		count := v.Inputs[i].Counts[k]
		most := scoring.N(10)
		if pen.Points.Sign() > 0 {
			most = sc.Scale.Highest().Sub(sc.Scale.Lowest()).Div(pen.Points).Ceil(0)
		}
		most = scoring.Max(most, count)
		id := key
		if k == 0 {
			id = m.ID // the first kind's slider is the metric's
		}
		note := ""
		if k == len(pens)-1 {
			note = state.LineWords(m, line, v.Result.Month.Pass) + allowanceWords(line)
		}
		return components.NewSlider(id).WithLabel(fmt.Sprintf("%s: %s (each costs %s)", m.Label, pen.Column, state.PointsText(pen.Points))).
			WithRange("0", most.Short(0), "1").
			WithValue(count.Short(0), pen.Column, fmt.Sprintf("%s %s, %s", count.Short(0), pen.Column, points)).
			WithPoints(points).WithNote(note).
			WithError(c.errs["metric:"+key]).WithDisabled(!c.live).
			WithOnChange(key, c)
	}))
}
