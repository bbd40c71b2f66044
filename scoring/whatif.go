package scoring

import (
	"errors"
	"fmt"
)

// PassMap is the pass or fail of a month for every pair of point levels of
// two metrics, the other metrics held where they are (SPEC section 6).
type PassMap struct {
	A, B             string // metric ids
	ALevels, BLevels []Num  // lowest first
	Pass             [][]bool
}

// PassMap works out the pass map of metrics a and b for a month scenario.
func (sc *Scorecard) PassMap(inputs []Input, a, b string) (PassMap, error) {
	ia, ib, err := sc.pair(a, b)
	if err != nil {
		return PassMap{}, err
	}
	mr := sc.ScoreMonth(0, inputs)
	points := make([]Num, len(sc.Metrics))
	for i, ms := range mr.Metrics {
		if ms.Missing && i != ia && i != ib {
			return PassMap{}, fmt.Errorf("%s has no value this month: give it one to see the pass map", sc.Metrics[i].Label)
		}
		points[i] = ms.Points
	}
	return sc.PassMapWith(points, a, b)
}

// PassMapWith is the pass map of metrics a and b, the other metrics at the
// given points (one per metric, scorecard order; a's and b's are ignored).
func (sc *Scorecard) PassMapWith(points []Num, a, b string) (PassMap, error) {
	ia, ib, err := sc.pair(a, b)
	if err != nil {
		return PassMap{}, err
	}
	if len(points) != len(sc.Metrics) {
		return PassMap{}, fmt.Errorf("a pass map needs the points of all %d metrics, got %d", len(sc.Metrics), len(points))
	}
	points = append([]Num(nil), points...)
	pm := PassMap{A: a, B: b, ALevels: sc.Levels(&sc.Metrics[ia]), BLevels: sc.Levels(&sc.Metrics[ib])}
	for _, pa := range pm.ALevels {
		row := make([]bool, len(pm.BLevels))
		for j, pb := range pm.BLevels {
			points[ia], points[ib] = pa, pb
			row[j] = sc.PassesWith(points)
		}
		pm.Pass = append(pm.Pass, row)
	}
	return pm, nil
}

// pair finds the two different metrics of a pass map.
func (sc *Scorecard) pair(a, b string) (ia, ib int, err error) {
	ia, ib = sc.Index(a), sc.Index(b)
	if ia < 0 || ib < 0 || ia == ib {
		return 0, 0, fmt.Errorf("a pass map needs two different metrics of the scorecard, got %s and %s", Clip(a), Clip(b))
	}
	return ia, ib, nil
}

// Index is the position of the metric with that id, or −1.
func (sc *Scorecard) Index(id string) int {
	for i := range sc.Metrics {
		if sc.Metrics[i].ID == id {
			return i
		}
	}
	return -1
}

// PassesWith reports whether a month with these points (one per metric, in
// scorecard order) passes: its rounded score reaches the pass mark and no
// metric is below its gate.
func (sc *Scorecard) PassesWith(points []Num) bool {
	for i, p := range points {
		if g := sc.Metrics[i].Gate; g != nil && p.Less(*g) {
			return false
		}
	}
	return !sc.ScoreWith(points).Less(sc.Pass)
}

// ScoreWith is the score of a month with these points (one per metric, in
// scorecard order): Σ weight × points / 100, rounded to the decimals.
func (sc *Scorecard) ScoreWith(points []Num) Num {
	var exact Num
	for i, p := range points {
		exact = exact.Add(sc.Metrics[i].Weight.Mul(p))
	}
	return exact.Div(N(100)).Round(sc.Decimals)
}

// ErrTooManyCombinations is returned when a search would list more point
// combinations than it may: fix more metrics' points.
var ErrTooManyCombinations = errors.New("too many point combinations to list: fix the points of more metrics")

// maxCombinations bounds the combinations PassingCombinations walks.
const maxCombinations = 200_000

// PassingCombinations lists every combination of point levels (one per
// metric, scorecard order) that passes a month, the metrics in fixed held at
// the given points. It answers "can I pass with both sales metrics at 1?":
// no combination means no.
func (sc *Scorecard) PassingCombinations(fixed map[string]Num) ([][]Num, error) {
	for id := range fixed {
		if sc.Index(id) < 0 {
			return nil, fmt.Errorf("the scorecard has no metric %s", Clip(id))
		}
	}
	// Per metric, the levels allowed by its gate and weight × level of each.
	levels := make([][]Num, len(sc.Metrics))
	weighted := make([][]Num, len(sc.Metrics))
	total := 1
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		all := sc.Levels(m)
		if p, ok := fixed[m.ID]; ok {
			all = []Num{p}
		}
		for _, p := range all {
			if m.Gate == nil || !p.Less(*m.Gate) {
				levels[i] = append(levels[i], p)
				weighted[i] = append(weighted[i], m.Weight.Mul(p))
			}
		}
		total *= max(1, len(levels[i]))
		if total > maxCombinations {
			return nil, ErrTooManyCombinations
		}
	}
	floor := sc.passFloor().Mul(N(100)) // passing: Σ weight × points ≥ 100·T
	var out [][]Num
	combo := make([]Num, len(levels))
	var walk func(i int, sum Num)
	walk = func(i int, sum Num) {
		if i == len(levels) {
			if !sum.Less(floor) {
				out = append(out, append([]Num(nil), combo...))
			}
			return
		}
		for k, p := range levels[i] {
			combo[i] = p
			walk(i+1, sum.Add(weighted[i][k]))
		}
	}
	walk(0, Num{})
	return out, nil
}

// CountNeed says how many more events a count-based metric needs to reach a
// target value.
type CountNeed struct {
	Metric string
	Target Num    // the raw value to reach
	Column string // the count that must grow: the ratio's numerator, the promoters
	// InARow is the least number of further responses, every one of them a
	// success (a satisfied survey, a promoter), that reaches the target; for
	// a lower-is-better ratio, further responses with no event. −1: never.
	InARow int64
	// More is, for a ratio, the least number of more events with the
	// denominator as it is ("1 more sale on the calls you took"); −1 when
	// it cannot reach the target that way.
	More int64
}

// CountNeedFor works out the counts a ratio or NPS metric needs to reach
// target. ok is false for other sources or an input without counts.
func (sc *Scorecard) CountNeedFor(m *Metric, in Input, target Num) (CountNeed, bool) {
	if in.Counts == nil || (m.Source.Kind != FromRatio && m.Source.Kind != FromNPS) {
		return CountNeed{}, false
	}
	need := CountNeed{Metric: m.ID, Target: target, InARow: -1, More: -1}
	if m.Source.Kind == FromNPS {
		// 100(P − D + k) ≥ target (T + k)  ⇔  k (100 − target) ≥ target·T − 100(P − D)
		need.Column = m.Source.Promoters
		p, n, d := in.Counts[0], in.Counts[1], in.Counts[2]
		gap := target.Mul(p.Add(n).Add(d)).Sub(N(100).Mul(p.Sub(d)))
		need.InARow = leastWhole(gap, N(100).Sub(target))
		return need, true
	}
	need.Column = m.Source.Num
	t := target
	if m.Unit == Percent {
		t = t.Div(N(100))
	}
	num, den := in.Counts[0], in.Counts[1]
	if m.Better == Lower {
		// num / (den + k) ≤ t  ⇔  k·t ≥ num − t·den
		need.InARow = leastWhole(num.Sub(t.Mul(den)), t)
		return need, true
	}
	// (num + k) / (den + k) ≥ t  ⇔  k (1 − t) ≥ t·den − num
	need.InARow = leastWhole(t.Mul(den).Sub(num), N(1).Sub(t))
	// (num + k) / den ≥ t  ⇔  k ≥ t·den − num
	if more := leastWhole(t.Mul(den).Sub(num), N(1)); more >= 0 && (m.Unit != Percent || !den.Less(num.Add(N(more)))) {
		need.More = more
	}
	return need, true
}

// leastWhole is the least whole k ≥ 0 with k·rate ≥ gap, or −1 when no k
// reaches it (rate ≤ 0 and gap > 0).
func leastWhole(gap, rate Num) int64 {
	if gap.Sign() <= 0 {
		return 0
	}
	if rate.Sign() <= 0 {
		return -1
	}
	k := gap.Div(rate).Ceil(0)
	if N(1_000_000_000).Less(k) {
		return -1
	}
	return k.Int64()
}

// OutOfNext is the least number of successes among the next n responses
// that brings a ratio or NPS metric to target (for NPS: promoters, the rest
// passives). ok is false when even n successes are not enough.
func (sc *Scorecard) OutOfNext(m *Metric, in Input, target Num, n int64) (int64, bool) {
	if in.Counts == nil || n < 0 {
		return 0, false
	}
	var x Num
	switch m.Source.Kind {
	case FromRatio:
		t := target
		if m.Unit == Percent {
			t = t.Div(N(100))
		}
		if m.Better == Lower { // here a success is a response with no event
			return 0, false
		}
		x = t.Mul(in.Counts[1].Add(N(n))).Sub(in.Counts[0]) // (num + x)/(den + n) ≥ t
	case FromNPS:
		p, pa, d := in.Counts[0], in.Counts[1], in.Counts[2]
		total := p.Add(pa).Add(d).Add(N(n))
		x = target.Mul(total).Div(N(100)).Sub(p.Sub(d)) // 100(P + x − D)/(T + n) ≥ target
	default:
		return 0, false
	}
	k := Max(x.Ceil(0), Num{})
	if N(n).Less(k) {
		return 0, false
	}
	return k.Int64(), true
}

// DetractorOffset is how many promoters it takes to bring an NPS back to
// where it is after one more detractor. ok is false without counts or when
// the NPS is at 100 (nothing can offset a detractor then).
func (sc *Scorecard) DetractorOffset(m *Metric, in Input) (int64, bool) {
	if in.Counts == nil || m.Source.Kind != FromNPS || in.Missing {
		return 0, false
	}
	after := Input{Counts: []Num{in.Counts[0], in.Counts[1], in.Counts[2].Add(N(1))}}
	k, _ := sc.CountNeedFor(m, after, in.Value)
	return k.InARow, k.InARow >= 0
}
