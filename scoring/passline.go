package scoring

import "math/big"

// LineKind says what kind of answer a pass line is.
type LineKind string

// The kinds of pass line (SPEC section 6).
const (
	LineAt        LineKind = "at"                           // Value is the worst raw value that still passes
	PassesAtWorst LineKind = "passes even at the worst"     // any value passes
	CannotPass    LineKind = "cannot pass even at the best" // no value passes
	LineUnknown   LineKind = "unknown"                      // another metric has no value yet
)

// PassLine is one metric's pass line for a month, the others held where
// they are.
type PassLine struct {
	Metric string
	Kind   LineKind
	Points Num // the least points the metric needs (LineAt)
	// Value is the worst raw value that still passes (LineAt): a band's
	// threshold for step bands, the inverse of the line for interpolated
	// bands, the points themselves for a points metric.
	Value Num
	// Incidents, for a deduct source: the most incidents of each kind,
	// the other kinds held as they are.
	Incidents []Allowance
	Headroom  Headroom
}

// Allowance is how many incidents of one kind a month can still take.
type Allowance struct {
	Column    string
	Most      int64 // −1 when even none of them passes
	Unlimited bool  // the penalty is 0
}

// Headroom says how far a value can move, in the metric's unit. A nil
// field means there is no such limit in that direction.
type Headroom struct {
	Worsen  *Num // how far the value can worsen before its points drop
	Improve *Num // how far it must improve to gain points
	// PassWorsen is how far the value can worsen and the month still pass
	// (a passing month); PassImprove how far it must improve for the month
	// to pass (a failing one).
	PassWorsen, PassImprove *Num
}

// WhatIf is a month scenario scored with every metric's pass line.
type WhatIf struct {
	Month MonthResult
	Lines []PassLine // in scorecard order
}

// WhatIf scores a month scenario (one input per metric, scorecard order) and
// works out each metric's pass line and headroom.
func (sc *Scorecard) WhatIf(inputs []Input) WhatIf {
	res := WhatIf{Month: sc.ScoreMonth(0, inputs), Lines: make([]PassLine, len(sc.Metrics))}
	for i := range sc.Metrics {
		res.Lines[i] = sc.passLine(res.Month, i, inputs[i])
	}
	return res
}

// PassLine is the pass line of one metric (by index) for a scored month.
func (sc *Scorecard) passLine(mr MonthResult, i int, in Input) PassLine {
	return sc.lineTo(mr, i, in, sc.passFloor(), true)
}

// LastMonthLines is, for the one month still to come of an average-mode
// quarter in progress, each metric's line for the quarter to pass: the
// worst value that, the month's other metrics as they are, brings the
// month's score to the quarter's need (need.Exact; with average_of
// rounded, to a rounded score at least that). Gates are judged per month
// only (SPEC section 5): they do not enter. nil unless need is reachable
// by one month.
func (sc *Scorecard) LastMonthLines(inputs []Input, need *Need) []PassLine {
	if need == nil || need.Kind != Reachable || need.Remaining != 1 || sc.Quarter.Mode != Average {
		return nil
	}
	floor := need.Exact
	if sc.Quarter.AverageOf == AverageRounded {
		floor = need.Exact.Ceil(sc.Decimals).Sub(Step(sc.Decimals).Div(N(2)))
	}
	mr := sc.ScoreMonth(0, inputs)
	lines := make([]PassLine, len(sc.Metrics))
	for i := range sc.Metrics {
		lines[i] = sc.lineTo(mr, i, inputs[i], floor, false)
	}
	return lines
}

// lineTo is metric i's line for the month's exact score to reach floor,
// gates judged or not.
func (sc *Scorecard) lineTo(mr MonthResult, i int, in Input, floor Num, gates bool) PassLine {
	m := &sc.Metrics[i]
	if in.Points {
		m = m.asPoints() // given in points: its line is in points
	}
	line := PassLine{Metric: m.ID}
	need, kind := sc.pointsTo(mr.Metrics, i, func(ms MetricScore) Num { return ms.Contribution }, floor, gates)
	line.Kind = kind
	if kind == LineAt {
		line.Kind, line.Value = sc.worstValueFor(m, need)
		line.Points = sc.PointsFor(m, line.Value)
	}
	if m.Source.Kind == FromDeduct && !in.Points && (line.Kind == LineAt || line.Kind == PassesAtWorst) {
		line.Incidents = sc.allowances(m, in, need, line.Kind)
	}
	if !in.Missing {
		line.Headroom = sc.headroom(m, in.Value, line, mr.Metrics[i].Points)
	}
	return line
}

// pointsNeeded finds the least points metric i needs for the month to pass,
// the others' contributions as contrib gives them. kind is LineAt with the
// points, or one of the other kinds.
func (sc *Scorecard) pointsNeeded(ms []MetricScore, i int, contrib func(MetricScore) Num) (Num, LineKind) {
	return sc.pointsTo(ms, i, contrib, sc.passFloor(), true)
}

// pointsTo is pointsNeeded for the exact score to reach floor, gates
// judged or not.
func (sc *Scorecard) pointsTo(ms []MetricScore, i int, contrib func(MetricScore) Num, floor Num, gates bool) (Num, LineKind) {
	m := &sc.Metrics[i]
	var others Num
	for j, o := range ms {
		if j == i {
			continue
		}
		if o.Missing {
			return Num{}, LineUnknown
		}
		if o.GateFailed && gates {
			return Num{}, CannotPass
		}
		others = others.Add(contrib(o))
	}
	min, max := sc.Scale.Lowest(), sc.Scale.Highest()
	need := min
	if m.Weight.IsZero() {
		if others.Less(floor) {
			return Num{}, CannotPass
		}
	} else {
		need = floor.Sub(others).Mul(N(100)).Div(m.Weight)
	}
	if m.Gate != nil && gates {
		need = Max(need, *m.Gate)
	}
	switch {
	case !min.Less(need):
		return min, PassesAtWorst
	case max.Less(need):
		return Num{}, CannotPass
	}
	return need, LineAt
}

// worstValueFor is the worst raw value that earns at least p points
// (min < p ≤ max).
func (sc *Scorecard) worstValueFor(m *Metric, p Num) (LineKind, Num) {
	if m.IsPoints() {
		return LineAt, p
	}
	bands := m.sortedBands()
	if !m.Interpolate {
		for _, b := range bands {
			if !b.Points.Less(p) {
				return LineAt, b.At
			}
		}
		return CannotPass, Num{}
	}
	for k := 1; k < len(bands); k++ {
		lo, hi := bands[k-1], bands[k]
		if lo.Points.Less(p) && !hi.Points.Less(p) {
			t := p.Sub(lo.Points).Div(hi.Points.Sub(lo.Points))
			return LineAt, lo.At.Add(hi.At.Sub(lo.At).Mul(t))
		}
	}
	return CannotPass, Num{}
}

// allowances gives, for each incident kind of a deduct source, the most
// incidents that keep the metric at `need` points, the other kinds held at
// their counts (at zero when the data gave points, not counts).
func (sc *Scorecard) allowances(m *Metric, in Input, need Num, kind LineKind) []Allowance {
	if kind == PassesAtWorst {
		need = sc.Scale.Lowest()
	}
	room := sc.Scale.Highest().Sub(need) // points that may be lost
	out := make([]Allowance, len(m.Source.Penalties))
	for k, pen := range m.Source.Penalties {
		out[k].Column = pen.Column
		if pen.Points.IsZero() || kind == PassesAtWorst {
			out[k].Unlimited = true
			continue
		}
		left := room
		for j, other := range m.Source.Penalties {
			if j != k && len(in.Counts) == len(m.Source.Penalties) {
				left = left.Sub(in.Counts[j].Mul(other.Points))
			}
		}
		if left.Sign() < 0 {
			out[k].Most = -1
			continue
		}
		out[k].Most = left.Div(pen.Points).Floor(0).Int64()
	}
	return out
}

// headroom measures how far value v can move before its points or the
// month's pass change.
func (sc *Scorecard) headroom(m *Metric, v Num, line PassLine, points Num) Headroom {
	var h Headroom
	dist := func(a, b Num) *Num {
		d := a.Sub(b)
		if d.Sign() < 0 {
			d = d.Neg()
		}
		return &d
	}
	worse := func(a, b Num) bool { // a is strictly worse than b
		if m.Better == Lower {
			return b.Less(a)
		}
		return a.Less(b)
	}
	if !m.IsPoints() {
		bands := m.sortedBands()
		min, max := sc.Scale.Lowest(), sc.Scale.Highest()
		if m.Interpolate {
			switch zero := (Num{}); {
			case points.Equal(min):
				h.Improve = dist(bands[0].At, v)
			case points.Equal(max):
				h.Worsen = dist(v, bands[len(bands)-1].At)
			default: // every move along the line changes the points
				h.Worsen, h.Improve = &zero, &zero
			}
		} else {
			for _, b := range bands {
				if b.Points.Equal(points) && min.Less(points) {
					h.Worsen = dist(v, b.At)
				}
				if points.Less(b.Points) && h.Improve == nil {
					h.Improve = dist(b.At, v)
				}
			}
		}
	}
	if line.Kind == LineAt {
		if worse(v, line.Value) {
			h.PassImprove = dist(line.Value, v)
		} else {
			h.PassWorsen = dist(v, line.Value)
		}
	}
	return h
}

// Levels lists the points a metric can take, lowest first: the band levels
// for step bands; every whole point (and any fractional anchor) for
// interpolated bands and points columns; for a deduct source, every level
// its penalties can reach.
func (sc *Scorecard) Levels(m *Metric) []Num {
	min, max := sc.Scale.Lowest(), sc.Scale.Highest()
	if !m.IsPoints() && !m.Interpolate {
		levels := []Num{min}
		for _, b := range m.sortedBands() {
			if min.Less(b.Points) {
				levels = append(levels, b.Points)
			}
		}
		return levels
	}
	var levels []Num
	if step := deductStep(m); m.Source.Kind == FromDeduct && step.Sign() > 0 && max.Sub(min).Div(step).Less(N(maxLevels)) {
		for p := max; min.Less(p); p = p.Sub(step) {
			levels = append([]Num{p}, levels...)
		}
		return append([]Num{min}, levels...)
	}
	// Every whole point, or on a wide scale about 100 evenly spaced ones.
	stride := (sc.Scale.Max - sc.Scale.Min + maxLevels - 1) / maxLevels
	for p := sc.Scale.Min; p < sc.Scale.Max; p += stride {
		levels = append(levels, N(int64(p)))
	}
	levels = append(levels, max)
	for _, b := range m.Bands {
		if !b.Points.IsInt() {
			levels = insertSorted(levels, b.Points)
		}
	}
	return levels
}

// maxLevels bounds the levels of one metric, so that a pass map of a wide
// scale stays small.
const maxLevels = 100

// deductStep is the greatest common step of a deduct source's penalties:
// 0.5 for penalties 0.5 and 1.
func deductStep(m *Metric) Num {
	g := new(big.Rat)
	for _, p := range m.Source.Penalties {
		if p.Points.Sign() <= 0 {
			continue
		}
		if g.Sign() == 0 {
			g.Set(p.Points.rat())
			continue
		}
		a, b := g, p.Points.rat()
		num := new(big.Int).GCD(nil, nil, new(big.Int).Mul(a.Num(), b.Denom()), new(big.Int).Mul(b.Num(), a.Denom()))
		g = new(big.Rat).SetFrac(num, new(big.Int).Mul(a.Denom(), b.Denom()))
	}
	return fromRat(g)
}

func insertSorted(list []Num, x Num) []Num {
	for i, v := range list {
		if v.Equal(x) {
			return list
		}
		if x.Less(v) {
			return append(list[:i], append([]Num{x}, list[i:]...)...)
		}
	}
	return append(list, x)
}

// GivenLine reads the line of a metric given in points (its PassLine's
// Value is the least points it needs) as the metric's own: the least
// points it can earn at or above need (step bands and deductions move in
// levels; interpolated bands and points columns take any points), and,
// unless the metric's value is its points, the worst raw value that earns
// them. ok is false when no level reaches need.
func (sc *Scorecard) GivenLine(m *Metric, need Num) (points, value Num, hasValue, ok bool) {
	points = need
	if !m.Interpolate && !(m.IsPoints() && m.Source.Kind != FromDeduct) {
		ok = false
		for _, l := range sc.Levels(m) {
			if !l.Less(need) {
				points, ok = l, true
				break
			}
		}
		if !ok {
			return Num{}, Num{}, false, false
		}
	}
	if m.IsPoints() {
		return points, points, false, true
	}
	kind, v := sc.worstValueFor(m, points)
	return points, v, kind == LineAt, true
}
