package state

import (
	"fmt"
	"slices"
	"strings"

	"passline/scoring"
)

// Huddle's two plans with their odds (issue 17): one metric counted in
// responses is left to luck, at a usual rate and a number of responses a
// month the team leader sets; each scenario's other metrics stay at its
// points. A scenario that passes only when that metric lands high shows
// how often it does: a lucky CE is not a plan.

// HuddleLuck is the metric left to luck and each scenario's odds.
type HuddleLuck struct {
	Metric  int         // index in the scorecard; -1: the scorecard has no ratio metric in percent
	Choices []int       // the metrics that can be left to luck
	Rate    scoring.Num // the usual rate, in percent
	N       int         // responses a month
	Odds    [2]float64  // scenario A's and B's chance of passing the month
	Err     error
}

// huddleLuckOf works out the luck part of huddle mode.
func huddleLuckOf(sc *scoring.Scorecard, m Model, scenarios [2]Scenario) HuddleLuck {
	l := HuddleLuck{Metric: -1, N: 25}
	for _, i := range m.metricOrder(sc) {
		if mt := &sc.Metrics[i]; mt.Source.Kind == scoring.FromRatio && mt.Unit == scoring.Percent && len(mt.Bands) > 0 {
			l.Choices = append(l.Choices, i)
		}
	}
	if len(l.Choices) == 0 {
		return l
	}
	l.Metric = l.Choices[0]
	if i := sc.Index(m.Huddle["luck"]); i >= 0 && slices.Contains(l.Choices, i) {
		l.Metric = i
	}
	mt := &sc.Metrics[l.Metric]
	l.Rate = defaultLuckRate(mt)
	if v, err := readRate(m.Huddle["luck.rate"]); err == nil && checkRate(v) == nil {
		l.Rate = v
	}
	if v, err := scoring.ParseNum(m.Huddle["luck.n"]); err == nil && CheckResponses(v) == nil {
		l.N = int(v.Int64())
	}
	drawn, err := sc.PointsDist(mt, scoring.Draw{Trials: l.N, Rates: []float64{l.Rate.Float64() / 100}})
	if err != nil {
		l.Err = err
		return l
	}
	for s, sn := range scenarios {
		dists := make([]scoring.Dist, len(sc.Metrics))
		for i, p := range sn.Points {
			dists[i] = scoring.Fixed(p)
		}
		dists[l.Metric] = drawn
		odds, err := sc.MonthOddsOf(dists)
		if err != nil {
			l.Err = err
			return l
		}
		l.Odds[s] = odds.Pass
	}
	return l
}

// defaultLuckRate is a usual rate a little past the metric's best band:
// for CE with 3 points at 90 %, 92 %.
func defaultLuckRate(m *scoring.Metric) scoring.Num {
	best := m.Bands[0].At
	for _, b := range m.Bands {
		if (m.Better == scoring.Lower) == b.At.Less(best) {
			best = b.At
		}
	}
	if m.Better == scoring.Lower {
		return scoring.Max(best.Sub(scoring.N(2)), scoring.N(0))
	}
	return scoring.Min(best.Add(scoring.N(2)), scoring.N(100))
}

// checkRate says why v is not a rate in percent.
func checkRate(v scoring.Num) error {
	if v.Sign() < 0 || scoring.N(100).Less(v) {
		return fmt.Errorf("%s %% is not a rate: write a percentage from 0 to 100", v.Short(2))
	}
	return nil
}

// readRate reads "92", "92 %" or "92%".
func readRate(text string) (scoring.Num, error) {
	// As every number typed in the app: a decimal comma too (issue 25: 92,5).
	return scoring.ParseNum(typedText(scoring.Number, strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%"))))
}

// checkHuddleLuck says why value cannot be huddle's usual rate
// ("luck.rate") or responses a month ("luck.n"); other keys pass.
func checkHuddleLuck(key, value string) error {
	if value == "" || (key != "luck.rate" && key != "luck.n") {
		return nil
	}
	v, err := readRate(value)
	if err != nil {
		return fmt.Errorf("%s is not a number", scoring.Clip(value))
	}
	if key == "luck.rate" {
		return checkRate(v)
	}
	return CheckResponses(v)
}
