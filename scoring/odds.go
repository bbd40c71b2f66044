package scoring

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// The odds of passing (issue 17). A count-based metric's next counts are
// a draw: a ratio's events are binomial, an NPS metric's answers
// multinomial, at the agent's own rates; every other metric is held at its
// what-if value. Which outcome earns which points, and which combination
// of points passes, is decided exactly (Num); only the chances are floats.
// Nothing here is simulated.

// MaxDrawTrials bounds the trials of one draw (responses, calls, offers).
const MaxDrawTrials = 5000

// oddsTail is the chance below which a draw's outcomes are left out: their
// sum stays under MaxDrawTrials × oddsTail, far below what a percentage
// shows, and a draw of 600 keeps about a hundred outcomes, not 601.
const oddsTail = 1e-13

// Outcome is one level of a metric's points, or one score, and its chance.
type Outcome struct {
	Points Num
	P      float64
}

// Dist is a metric's points as chances, one Outcome per distinct level,
// lowest first; the chances add up to 1 (to within oddsTail).
type Dist []Outcome

// Fixed is the Dist of a metric held at points p.
func Fixed(p Num) Dist { return Dist{{Points: p, P: 1}} }

// Draw says how a ratio or NPS metric's counts come out.
type Draw struct {
	// Known are the counts already counted, in the order of
	// Source.Columns (a pooled quarter's months so far); nil for none.
	Known []Num
	// Trials is how many independent tries are drawn: a ratio's
	// responses, or the offers that may turn into sales; NPS's responses.
	Trials int
	// Rates are the chances of one try: a ratio's [event]; NPS's
	// [promoter, passive, detractor], adding up to 1.
	Rates []float64
	// Den is what a ratio's denominator grows by; zero means Trials. A
	// conversion counted per call but drawn per offer has Trials = the
	// offers and Den = the calls.
	Den Num
}

// Validate says what is wrong with a draw for metric m.
func (d Draw) Validate(m *Metric) error {
	if d.Trials < 0 || d.Trials > MaxDrawTrials {
		return fmt.Errorf("%s: expect between 0 and %d, not %d", m.Label, MaxDrawTrials, d.Trials)
	}
	want := map[SourceKind]int{FromRatio: 1, FromNPS: 3}[m.Source.Kind]
	if want == 0 {
		return fmt.Errorf("%s is not counted: only ratio and NPS metrics are drawn", m.Label)
	}
	if len(d.Rates) != want {
		return fmt.Errorf("%s: %d rates given, want %d", m.Label, len(d.Rates), want)
	}
	sum := 0.0
	for _, r := range d.Rates {
		if !(r >= 0 && r <= 1) {
			return fmt.Errorf("%s: a rate of %v is not a chance between 0 and 1", m.Label, r)
		}
		sum += r
	}
	if want == 3 && math.Abs(sum-1) > 1e-9 {
		return fmt.Errorf("%s: promoters, passives and detractors add up to %v of the answers, not all of them", m.Label, sum)
	}
	if d.Known != nil && len(d.Known) != len(m.Source.Columns()) {
		return fmt.Errorf("%s: %d known counts, want %d", m.Label, len(d.Known), len(m.Source.Columns()))
	}
	if d.Den.Sign() < 0 {
		return fmt.Errorf("%s: the denominator cannot shrink", m.Label)
	}
	return nil
}

// ErrNoValue is returned when no outcome of a draw gives the metric a
// value (no responses known and none expected).
var ErrNoValue = errors.New("no responses known and none expected: the metric has no value")

// PointsDist is the chance of each level of m's points after draw d. An
// outcome without a value (no responses at all) is refused.
func (sc *Scorecard) PointsDist(m *Metric, d Draw) (Dist, error) {
	if err := d.Validate(m); err != nil {
		return nil, err
	}
	known := d.Known
	if known == nil {
		known = make([]Num, len(m.Source.Columns()))
	}
	var out []Outcome
	add := func(counts []Num, p float64) error {
		if p < oddsTail {
			return nil
		}
		v, ok := sc.ValueFromCounts(m, counts)
		if !ok {
			return fmt.Errorf("%s: %w", m.Label, ErrNoValue)
		}
		out = append(out, Outcome{Points: sc.PointsFor(m, v), P: p})
		return nil
	}
	n := d.Trials
	if m.Source.Kind == FromRatio {
		den := d.Den
		if den.IsZero() {
			den = N(int64(n))
		}
		for k, p := range binomial(n, d.Rates[0]) {
			if err := add([]Num{known[0].Add(N(int64(k))), known[1].Add(den)}, p); err != nil {
				return nil, err
			}
		}
		return merge(out), nil
	}
	// NPS depends on promoters − detractors and the total only: sum the
	// chance of each difference first.
	sp, sn, sd := d.Rates[0], d.Rates[1], d.Rates[2]
	byDiff := make([]float64, 2*n+1)
	lf := logFactorials(n)
	for a := 0; a <= n; a++ {
		for b := 0; a+b <= n; b++ {
			byDiff[a-b+n] += math.Exp(lf[n] - lf[a] - lf[b] - lf[n-a-b] + logPow(sp, a) + logPow(sd, b) + logPow(sn, n-a-b))
		}
	}
	for diff := -n; diff <= n; diff++ {
		a, b := int64(max(diff, 0)), int64(max(-diff, 0))
		counts := []Num{known[0].Add(N(a)), known[1].Add(N(int64(n) - a - b)), known[2].Add(N(b))}
		if err := add(counts, byDiff[diff+n]); err != nil {
			return nil, err
		}
	}
	return merge(out), nil
}

// binomial is the chance of each k of n tries at chance p.
func binomial(n int, p float64) []float64 {
	out := make([]float64, n+1)
	lf := logFactorials(n)
	for k := 0; k <= n; k++ {
		out[k] = math.Exp(lf[n] - lf[k] - lf[n-k] + logPow(p, k) + logPow(1-p, n-k))
	}
	return out
}

func logFactorials(n int) []float64 {
	lf := make([]float64, n+1)
	for i := 2; i <= n; i++ {
		lf[i] = lf[i-1] + math.Log(float64(i))
	}
	return lf
}

// merge sorts outcomes by points and adds up the chances of equal points.
func merge(out []Outcome) Dist {
	sort.Slice(out, func(i, j int) bool { return out[i].Points.Less(out[j].Points) })
	var d Dist
	for _, o := range out {
		if n := len(d); n > 0 && d[n-1].Points.Equal(o.Points) {
			d[n-1].P += o.P
			continue
		}
		d = append(d, o)
	}
	return d
}

// MonthOdds is what a month's draws give: the chance of passing, and the
// score's chances as a quarter in average mode adds it up (exact or
// rounded, as the scorecard says), gate-failed months included.
type MonthOdds struct {
	Pass   float64
	Scores Dist // Points holds the score
}

// MonthOddsOf combines one Dist per metric, in scorecard order, through
// the weights, the rounding and the gates (SPEC section 4). The metrics'
// draws are independent.
func (sc *Scorecard) MonthOddsOf(dists []Dist) (MonthOdds, error) {
	if len(dists) != len(sc.Metrics) {
		return MonthOdds{}, fmt.Errorf("%d distributions for %d metrics", len(dists), len(sc.Metrics))
	}
	type state struct {
		sum   Num // Σ weight × points / 100 so far, exact
		gated bool
		p     float64
	}
	states := []state{{p: 1}}
	for i, d := range dists {
		m := &sc.Metrics[i]
		if len(d) == 0 {
			return MonthOdds{}, fmt.Errorf("%s has no chances", m.Label)
		}
		next := make([]state, 0, len(states)*len(d))
		for _, s := range states {
			for _, o := range d {
				next = append(next, state{
					sum:   s.sum.Add(m.Weight.Mul(o.Points).Div(N(100))),
					gated: s.gated || (m.Gate != nil && o.Points.Less(*m.Gate)),
					p:     s.p * o.P,
				})
			}
		}
		sort.Slice(next, func(a, b int) bool {
			if c := next[a].sum.Cmp(next[b].sum); c != 0 {
				return c < 0
			}
			return !next[a].gated && next[b].gated
		})
		states = next[:0]
		for _, s := range next {
			if n := len(states); n > 0 && states[n-1].sum.Equal(s.sum) && states[n-1].gated == s.gated {
				states[n-1].p += s.p
				continue
			}
			states = append(states, s)
		}
	}
	var res MonthOdds
	var scores []Outcome
	var fails bool
	for _, s := range states {
		rounded := s.sum.Round(sc.Decimals)
		if !s.gated && !rounded.Less(sc.Pass) {
			res.Pass += s.p
		} else {
			fails = true
		}
		score := s.sum
		if sc.Quarter.AverageOf == AverageRounded {
			score = rounded
		}
		scores = append(scores, Outcome{Points: score, P: s.p})
	}
	res.Scores = merge(scores)
	res.Pass = certain(res.Pass, fails)
	return res, nil
}

// certain is a chance of passing, 1 exactly when no outcome fails (the
// chances left out below oddsTail would otherwise show as "above 99 %").
func certain(pass float64, fails bool) float64 {
	if !fails {
		return 1
	}
	return math.Min(pass, 1)
}

// AverageQuarterOdds is the chance that an average-mode quarter passes
// (SPEC section 5): counted are the scores of its months already counted,
// as the quarter adds them up; future holds the score's chances for each
// month still to come. A quarter's months are three.
func (sc *Scorecard) AverageQuarterOdds(counted []Num, future []Dist) (float64, error) {
	if len(counted)+len(future) != 3 {
		return 0, fmt.Errorf("a quarter has 3 months, not %d counted and %d to come", len(counted), len(future))
	}
	var known Num
	for _, s := range counted {
		known = known.Add(s)
	}
	sums := Dist{{Points: known, P: 1}}
	for _, d := range future {
		next := make([]Outcome, 0, len(sums)*len(d))
		for _, s := range sums {
			for _, o := range d {
				next = append(next, Outcome{Points: s.Points.Add(o.Points), P: s.P * o.P})
			}
		}
		sums = merge(next)
	}
	pass, fails := 0.0, false
	for _, s := range sums {
		if !s.Points.Div(N(3)).Round(sc.Decimals).Less(sc.Pass) {
			pass += s.P
		} else {
			fails = true
		}
	}
	return certain(pass, fails), nil
}

// Held is the Dist of metric m held at input in (its what-if value, or a
// pooled quarter's value): its points for certain.
func (sc *Scorecard) Held(m *Metric, in Input) (Dist, error) {
	if in.Missing {
		return nil, fmt.Errorf("%s has no value: give it one to see the odds", m.Label)
	}
	return Fixed(sc.scoreMetric(m, in).Points), nil
}
