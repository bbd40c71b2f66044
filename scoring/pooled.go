package scoring

import "errors"

// PooledQuarter is the question "what must the rest of this pooled quarter
// reach?" (SPEC section 5).
type PooledQuarter struct {
	Counted   [][]Input // the counted months so far, one input per metric each
	Remaining int       // months still to come: 1 to 3
	// WhatIf holds, per metric, the value assumed for every remaining month
	// while another metric's need is worked out.
	WhatIf []Input
	// Volumes overrides, by metric id, the volume assumed for each remaining
	// month (calls, surveys, responses, weight); by default the mean of the
	// counted months.
	Volumes map[string]Num
}

// PooledNeed is the worst value a metric can reach in every remaining month
// of a pooled quarter and the quarter still pass, the others at their
// what-if values.
type PooledNeed struct {
	Metric string
	Kind   LineKind
	Value  Num // the monthly raw value needed (LineAt)
	Points Num // the pooled points it gives
	// Volume is the volume assumed for each remaining month, of VolumeOf
	// (a column name, or "responses" for NPS). VolumeOf is empty when the
	// months weigh the same, as for a plain mean.
	Volume   Num
	VolumeOf string
}

// pooledLine is a metric's pooled value as a line in the remaining months'
// value x: pooled(x) = A + B·x.
type pooledLine struct {
	A, B     Num
	Volume   Num
	VolumeOf string
}

// PooledNeeds works out every metric's pooled need, in scorecard order.
func (sc *Scorecard) PooledNeeds(q PooledQuarter) ([]PooledNeed, error) {
	if q.Remaining < 1 || q.Remaining > 3 || len(q.Counted)+q.Remaining > 3 {
		return nil, errors.New("a pooled need is for a quarter with 1 to 3 months still to come")
	}
	if len(q.WhatIf) != len(sc.Metrics) {
		return nil, errors.New("a pooled need needs a what-if value for every metric")
	}
	lines := make([]pooledLine, len(sc.Metrics))
	pooled := make([]MetricScore, len(sc.Metrics))
	metrics := make([]*Metric, len(sc.Metrics)) // as points where some month gives points
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		metrics[i] = m
		if sc.givesPoints(i, q) {
			metrics[i] = m.asPoints()
			lines[i] = sc.pointsLine(m, i, q)
		} else {
			lines[i] = sc.lineOf(m, i, q)
		}
		if q.WhatIf[i].Missing {
			pooled[i] = MetricScore{Missing: true}
			continue
		}
		v := lines[i].A.Add(lines[i].B.Mul(q.WhatIf[i].Value))
		pooled[i] = sc.scoreMetric(metrics[i], Input{Value: v})
	}
	out := make([]PooledNeed, len(sc.Metrics))
	for i := range sc.Metrics {
		m, l := metrics[i], lines[i]
		need := PooledNeed{Metric: m.ID, Volume: l.Volume, VolumeOf: l.VolumeOf}
		points, kind := sc.pointsNeeded(pooled, i, func(ms MetricScore) Num { return ms.Contribution })
		need.Kind, need.Points = kind, points
		if kind == LineAt {
			var target Num
			need.Kind, target = sc.worstValueFor(m, points)
			if need.Kind == LineAt {
				need.Value = target.Sub(l.A).Div(l.B)
				if need.Kind = sc.clampNeed(m, need.Value); need.Kind != LineAt {
					need.Value = Num{}
				}
			}
		}
		out[i] = need
	}
	return out, nil
}

// lineOf builds metric i's pooled line from the counted months.
func (sc *Scorecard) lineOf(m *Metric, i int, q PooledQuarter) pooledLine {
	r := N(int64(q.Remaining))
	counted := make([]Input, len(q.Counted))
	for j, month := range q.Counted {
		counted[j] = month[i]
	}
	allCounts, allWeighted := true, true
	for _, in := range counted {
		allCounts = allCounts && in.Counts != nil
		allWeighted = allWeighted && in.Weighted
	}
	volume := func(mean Num, of string) (Num, string) {
		if v, ok := q.Volumes[m.ID]; ok && v.Sign() >= 0 {
			return v, of
		}
		return mean, of
	}
	summable := m.Source.Kind == FromRatio || m.Source.Kind == FromNPS
	switch {
	case summable && allCounts:
		var num, den Num // the pooled value is k·num/den
		k := N(1)
		of := m.Source.Den
		for _, in := range counted {
			if m.Source.Kind == FromRatio {
				num, den = num.Add(in.Counts[0]), den.Add(in.Counts[1])
			} else {
				num = num.Add(in.Counts[0]).Sub(in.Counts[2])
				den = den.Add(in.Counts[0]).Add(in.Counts[1]).Add(in.Counts[2])
			}
		}
		if m.Source.Kind == FromNPS || m.Unit == Percent {
			k = N(100)
		}
		if m.Source.Kind == FromNPS {
			of = "responses"
		}
		mean := Num{}
		if len(counted) > 0 {
			mean = den.Div(N(int64(len(counted))))
		} else if w := q.WhatIf[i]; w.Counts != nil {
			if v, ok := sc.countVolume(m, w.Counts); ok {
				mean = v
			}
		}
		v, of := volume(mean, of)
		return affine(k.Mul(num), den, r.Mul(v), v, of)
	case m.Source.Kind == FromColumn && allWeighted && len(counted) > 0:
		var s, w Num
		for _, in := range counted {
			s, w = s.Add(in.Value.Mul(in.Weight)), w.Add(in.Weight)
		}
		v, of := volume(w.Div(N(int64(len(counted)))), m.Source.WeightBy)
		return affine(s, w, r.Mul(v), v, of)
	}
	var s Num
	for _, in := range counted {
		s = s.Add(in.Value)
	}
	return affine(s, N(int64(len(counted))), r, N(1), "")
}

// givesPoints reports whether metric i is given in points in a counted
// month or in the what-if: then the quarter takes the mean of its monthly
// points (PoolInputs), and its need is in points.
func (sc *Scorecard) givesPoints(i int, q PooledQuarter) bool {
	if q.WhatIf[i].Points {
		return true
	}
	for _, month := range q.Counted {
		if month[i].Points && !month[i].Missing {
			return true
		}
	}
	return false
}

// pointsLine is the pooled points of metric i as a line in the points x
// of each remaining month: the mean of the counted months' points and x.
func (sc *Scorecard) pointsLine(m *Metric, i int, q PooledQuarter) pooledLine {
	var s Num
	n := 0
	for _, month := range q.Counted {
		if !month[i].Missing {
			s = s.Add(sc.scoreMetric(m, month[i]).Points)
			n++
		}
	}
	return affine(s, N(int64(n)), N(int64(q.Remaining)), N(1), "")
}

// affine is the line (sum + rv·x) / (weight + rv).
func affine(sum, weight, rv, volume Num, of string) pooledLine {
	total := weight.Add(rv)
	if total.IsZero() {
		return pooledLine{A: Num{}, B: N(1), Volume: volume, VolumeOf: of}
	}
	return pooledLine{A: sum.Div(total), B: rv.Div(total), Volume: volume, VolumeOf: of}
}

func (sc *Scorecard) countVolume(m *Metric, c []Num) (Num, bool) {
	switch m.Source.Kind {
	case FromRatio:
		return c[1], true
	case FromNPS:
		return c[0].Add(c[1]).Add(c[2]), true
	}
	return Num{}, false
}

// clampNeed turns a need outside the values a month can take into
// "passes even at the worst" or "cannot pass even at the best".
func (sc *Scorecard) clampNeed(m *Metric, x Num) LineKind {
	lo, hi, hasLo, hasHi := sc.valueRange(m)
	if m.Better == Lower && !m.IsPoints() {
		switch {
		case hasHi && !x.Less(hi):
			return PassesAtWorst
		case hasLo && x.Less(lo):
			return CannotPass
		}
		return LineAt
	}
	switch {
	case hasLo && !lo.Less(x):
		return PassesAtWorst
	case hasHi && hi.Less(x):
		return CannotPass
	}
	return LineAt
}

// valueRange is the range a month's raw value can take.
func (sc *Scorecard) valueRange(m *Metric) (lo, hi Num, hasLo, hasHi bool) {
	switch {
	case m.IsPoints():
		return sc.Scale.Lowest(), sc.Scale.Highest(), true, true
	case m.Source.Kind == FromNPS:
		return N(-100), N(100), true, true
	case m.Unit == Percent:
		return Num{}, N(100), true, true
	case m.Unit == Seconds, m.Source.Kind == FromRatio:
		return Num{}, Num{}, true, false
	}
	return Num{}, Num{}, false, false
}
