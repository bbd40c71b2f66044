package state

import (
	"fmt"
	"maps"

	"passline/scoring"
)

// Plan A beside the what-if now (issues 17 and 24): a snapshot of one
// month, its odds, and what differs.

// planModel is model m as plan A has it, whose odds are plan A's: the
// month to come with plan A's what-ifs, points and volumes expected, and
// the quarter's earlier months with the what-ifs they had when it was
// kept, in place of the current ones; ok is false without a plan A, or
// when plan A was kept for another month than the one to come.
func (p *Prepared) planModel(m Model) (Model, bool) {
	next := p.nextMonth(m).String()
	if m.PlanA == nil || m.PlanA.Month != next {
		return m, false
	}
	return m.withPlan(next, *m.PlanA), true
}

// keepPlan is the snapshot of model m's what-ifs that plan A keeps for
// month: the month's own, its quarter's months before it, and the
// volumes expected.
func keepPlan(m Model, month string) *Plan {
	pl := &Plan{Month: month, WhatIfs: maps.Clone(m.WhatIfs[month]), Points: maps.Clone(m.Points[month]), Expect: maps.Clone(m.Expect),
		Before: map[string]map[string]scoring.Num{}}
	mo, err := monthOf(month)
	if err != nil {
		return pl
	}
	sc, err := m.scorecard()
	if err != nil {
		return pl
	}
	for q := sc.QuarterOf(mo); q < mo; q++ {
		if w := m.WhatIfs[q.String()]; len(w) > 0 {
			pl.Before[q.String()] = maps.Clone(w)
		}
		if pts := m.Points[q.String()]; len(pts) > 0 {
			pl.BeforePoints = with(pl.BeforePoints, q.String(), maps.Clone(pts))
		}
	}
	return pl
}

// withPlan is m with plan's what-ifs for month next, and, for a plan that
// kept them, the quarter's earlier months' what-ifs as they were.
func (m Model) withPlan(next string, plan Plan) Model {
	m.WhatIfs = withMap(maps.Clone(m.WhatIfs), next, plan.WhatIfs)
	m.Points = withMap(maps.Clone(m.Points), next, plan.Points)
	m.Expect = plan.Expect
	if plan.Before != nil {
		if mo, err := monthOf(next); err == nil {
			if sc, err := m.scorecard(); err == nil {
				for q := sc.QuarterOf(mo); q < mo; q++ {
					m.WhatIfs = withMap(m.WhatIfs, q.String(), plan.Before[q.String()])
					m.Points = withMap(m.Points, q.String(), plan.BeforePoints[q.String()])
				}
			}
		}
	}
	return m
}

// PlanDiffers says, metric by metric, where plan A and the current
// what-if (plan B) differ for the month to come: values set, points given,
// volumes expected.
func (p *Prepared) PlanDiffers(m Model) []string {
	sc, next := p.Scorecard, p.nextMonth(m).String()
	if m.PlanA == nil || m.PlanA.Month != next {
		return nil
	}
	a := *m.PlanA
	out := planDiffers(sc, "", a.WhatIfs, m.WhatIfs[next], a.Points, m.Points[next], a.Expect, m.Expect)
	if a.Before != nil {
		mo, _ := monthOf(next)
		for q := sc.QuarterOf(mo); q < mo; q++ {
			k := q.String()
			out = append(out, planDiffers(sc, MonthName(q)+"'s ", a.Before[k], m.WhatIfs[k], a.BeforePoints[k], m.Points[k], nil, nil)...)
		}
	}
	return out
}

// planDiffers says, metric by metric, where plan A's values set, points
// given and volumes expected (the a maps) differ from the current ones
// (b), each sentence starting with whose ("October's ", or "").
func planDiffers(sc *scoring.Scorecard, whose string, aValues, bValues, aPoints, bPoints, aExpect, bExpect map[string]scoring.Num) []string {
	var out []string
	for i := range sc.Metrics {
		mt := &sc.Metrics[i]
		say := func(what string, x, y *scoring.Num, words func(scoring.Num) string) {
			text := func(v *scoring.Num) string {
				if v == nil {
					return "as in your data"
				}
				return words(*v)
			}
			if (x == nil) != (y == nil) || (x != nil && !x.Equal(*y)) {
				out = append(out, fmt.Sprintf("%s%s%s: %s in plan A, %s now.", whose, mt.Label, what, text(x), text(y)))
			}
		}
		get := func(values map[string]scoring.Num, k string) *scoring.Num {
			if v, ok := values[k]; ok {
				return &v
			}
			return nil
		}
		say("", get(aValues, mt.ID), get(bValues, mt.ID), func(v scoring.Num) string { return MetricValue(mt, v) })
		for _, col := range mt.Source.Columns() {
			if mt.Source.Kind == scoring.FromDeduct {
				k := mt.ID + "." + col
				say(" ("+col+")", get(aValues, k), get(bValues, k), func(v scoring.Num) string { return v.Short(0) })
			}
		}
		say(" points", get(aPoints, mt.ID), get(bPoints, mt.ID), PointsText)
		say(", expected a month", get(aExpect, mt.ID), get(bExpect, mt.ID), func(v scoring.Num) string { return v.Short(0) })
	}
	return out
}
