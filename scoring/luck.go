package scoring

import (
	"fmt"
	"math"
)

// MaxLuckResponses bounds the responses SurveyLuck assumes for next month.
const MaxLuckResponses = MaxMonthTrials

// Luck is what one response does to a ratio or NPS metric, and the
// estimated chance of each level of points next month. The chances are
// estimates (binomial for a ratio, multinomial for NPS, at the rates of
// the month given); which outcome earns which points is decided exactly.
type Luck struct {
	Responses Num // the responses counted this month: the ratio's denominator, or P + N + D
	// Rates are this month's shares: a ratio's [events per response]; NPS's
	// [promoters, passives, detractors].
	Rates []float64
	// OneMore is the value after one more response of each kind: a ratio's
	// [with the event, without]; NPS's [promoter, passive, detractor].
	OneMore []Num
	N       int      // the responses assumed next month
	Chances []Chance // one per level of points, lowest first
}

// Chance is the estimated chance of earning at least Points.
type Chance struct {
	Points  Num
	AtLeast float64 // from 0 to 1
}

// SurveyLuck works out the luck of a ratio or NPS metric whose month had
// the counts of in, assuming n responses next month.
func (sc *Scorecard) SurveyLuck(m *Metric, in Input, n int) (Luck, error) {
	if m.Source.Kind != FromRatio && m.Source.Kind != FromNPS {
		return Luck{}, fmt.Errorf("%s is not counted in responses: only ratio and NPS metrics have survey luck", m.Label)
	}
	if in.Missing || len(in.Counts) != len(m.Source.Columns()) {
		return Luck{}, fmt.Errorf("%s has no counts this month: give the columns %v", m.Label, m.Source.Columns())
	}
	if n < 1 || n > MaxLuckResponses {
		return Luck{}, fmt.Errorf("assume between 1 and %d responses next month, not %d", MaxLuckResponses, n)
	}
	l := Luck{N: n}
	c := in.Counts
	if m.Source.Kind == FromRatio {
		num, den := c[0], c[1]
		if den.Sign() <= 0 || num.Sign() < 0 || den.Less(num) || !num.IsInt() || !den.IsInt() {
			return Luck{}, fmt.Errorf("%s: %s %s of %s %s is not a whole share of responses, so no chance can be estimated", m.Label, num.Short(2), m.Source.Num, den.Short(2), m.Source.Den)
		}
		l.Responses = den
		l.Rates = []float64{num.Float64() / den.Float64()}
		l.OneMore = []Num{ratioValue(sc, m, num.Add(N(1)), den.Add(N(1))), ratioValue(sc, m, num, den.Add(N(1)))}
	} else {
		pr, pa, de := c[0], c[1], c[2]
		total := pr.Add(pa).Add(de)
		if total.Sign() <= 0 || pr.Sign() < 0 || pa.Sign() < 0 || de.Sign() < 0 || !pr.IsInt() || !pa.IsInt() || !de.IsInt() {
			return Luck{}, fmt.Errorf("%s: the responses this month are not whole counts, so no chance can be estimated", m.Label)
		}
		l.Responses = total
		t := total.Float64()
		l.Rates = []float64{pr.Float64() / t, pa.Float64() / t, de.Float64() / t}
		one := func(dp, dn, dd int64) Num {
			v, _ := sc.ValueFromCounts(m, []Num{pr.Add(N(dp)), pa.Add(N(dn)), de.Add(N(dd))})
			return v
		}
		l.OneMore = []Num{one(1, 0, 0), one(0, 1, 0), one(0, 0, 1)}
	}
	// Next month's n responses at this month's rates: each level's chance
	// of being reached.
	dist, err := sc.PointsDist(m, Draw{Trials: n, Rates: l.Rates})
	if err != nil {
		return Luck{}, err
	}
	for _, p := range sc.Levels(m) {
		ch := Chance{Points: p}
		for _, o := range dist {
			if !o.Points.Less(p) {
				ch.AtLeast += o.P
			}
		}
		l.Chances = append(l.Chances, ch)
	}
	return l, nil
}

func ratioValue(sc *Scorecard, m *Metric, num, den Num) Num {
	v, _ := sc.ValueFromCounts(m, []Num{num, den})
	return v
}

// logPow is log(p^k), with 0^0 = 1.
func logPow(p float64, k int) float64 {
	if k == 0 {
		return 0
	}
	if p <= 0 {
		return math.Inf(-1)
	}
	return float64(k) * math.Log(p)
}
