package state

import (
	"fmt"
	"maps"
	"math"
	"sort"
	"strings"

	"passline/scoring"
)

// OddsStep is one reachable step of a metric and what it does to the
// odds: Month and Quarter are the chances after it.
type OddsStep struct {
	Metric         int
	Words          string // "Ten seconds less handle time"
	Month, Quarter float64
}

// oddsSteps tries one reachable step per metric on the month to come (one
// more offer per ten calls, ten seconds less handle time, one incident
// fewer, a point more, five more responses expected) and returns what each
// does to the odds, the largest change to the quarter first; a step that
// cannot be taken (already at the best) is left out. It calls pace as it
// works, and stops with the pace's error. Each step changes one metric:
// the others' draws are worked out once, for all of them (drawMemo).
func (p *Prepared) oddsSteps(m Model, pace scoring.Pace) ([]OddsStep, error) {
	sc := p.Scorecard
	a := p.agentOf(m)
	next := p.nextMonth(m)
	before := p.oddsPaced(m, pace)
	if before.Err != nil {
		return nil, paceErr(before.Err, pace)
	}
	drawn := map[int]DrawnMetric{}
	for _, d := range before.Drawn {
		drawn[d.Metric] = d
	}
	inputs := applyWhatIfs(sc, m, next, a.Months[len(a.Months)-1].Inputs)
	var out []OddsStep
	for i := range sc.Metrics {
		mt := &sc.Metrics[i]
		stepped, words, ok := stepOf(sc, m, mt, inputs[i], next.String(), drawn)
		if !ok {
			continue
		}
		o := p.oddsPaced(stepped, pace)
		if err := paceErr(o.Err, pace); err != nil {
			return nil, err
		}
		if o.Err != nil {
			continue
		}
		out = append(out, OddsStep{Metric: i, Words: words, Month: o.Pass, Quarter: o.QuarterPass})
	}
	gain := func(s OddsStep) float64 {
		return math.Abs(s.Quarter-before.QuarterPass) + math.Abs(s.Month-before.Pass)/1e3
	}
	sort.SliceStable(out, func(i, j int) bool { return gain(out[i]) > gain(out[j]) })
	return out, nil
}

// stepOf is model m with one reachable step of metric mt in month next,
// and the step in words; ok is false when there is none to take.
func stepOf(sc *scoring.Scorecard, m Model, mt *scoring.Metric, in scoring.Input, next string, drawn map[int]DrawnMetric) (Model, string, bool) {
	if d, isDrawn := drawn[sc.Index(mt.ID)]; isDrawn {
		if d.Per >= 0 {
			return m, "", false // sales per offer: the offer rate is the step
		}
		n := scoring.N(d.Expected + 5)
		if CheckResponses(n) != nil {
			return m, "", false
		}
		m.Expect = with(maps.Clone(m.Expect), mt.ID, n)
		return m, fmt.Sprintf("Five more %s expected (%s)", ResponseWord(mt), mt.Label), true
	}
	if in.Missing {
		return m, "", false
	}
	if mt.Source.Kind == scoring.FromDeduct && HasIncidentCounts(mt, in) {
		for k, pen := range mt.Source.Penalties {
			if in.Counts[k].Sign() > 0 {
				key := IncidentKey(mt, pen.Column)
				fewer := in.Counts[k].Sub(scoring.N(1))
				m.WhatIfs = withIn(m.WhatIfs, next, key, &fewer)
				return m, fmt.Sprintf("One %s fewer (%s)", pen.Column, mt.Label), true
			}
		}
		return m, "", false
	}
	if in.Points || mt.IsPoints() {
		return m, "", false
	}
	step, words := scoring.N(1), "One point more"
	switch {
	case mt.Unit == scoring.Seconds:
		step, words = scoring.N(10), "Ten seconds "
		if mt.Better == scoring.Lower {
			words += "less"
		} else {
			words += "more"
		}
	case mt.Unit == scoring.Percent && mt.Source.Kind == scoring.FromRatio:
		step, words = scoring.N(10), fmt.Sprintf("One more %s in every ten %s", strings.TrimSuffix(mt.Source.Num, "s"), mt.Source.Den)
	case mt.Unit == scoring.Percent:
		words = "One percentage point more"
	}
	v := in.Value.Add(step)
	if mt.Better == scoring.Lower {
		v = in.Value.Sub(step)
	}
	if CheckWhatIf(sc, mt.ID, v) != nil {
		return m, "", false
	}
	m.WhatIfs = withIn(m.WhatIfs, next, mt.ID, &v)
	return m, fmt.Sprintf("%s (%s)", words, mt.Label), true
}
