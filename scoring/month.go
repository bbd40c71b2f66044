package scoring

// Status is a month's or quarter's state, as the results file writes it.
type Status string

// The statuses of SPEC section 7.
const (
	Complete   Status = "complete"
	Incomplete Status = "incomplete"  // a month with a missing value
	InProgress Status = "in progress" // a quarter with fewer than three counted months
	GateFailed Status = "gate failed"
)

// MetricScore is one metric's part of a month or quarter.
type MetricScore struct {
	Missing      bool
	Value        Num // the raw value; for a points metric, its points
	Points       Num
	Contribution Num  // weight × points / 100, exact
	GateFailed   bool // points below the metric's gate
}

// MonthResult is a scored month (SPEC section 4).
type MonthResult struct {
	Month   Month
	Metrics []MetricScore // in scorecard order
	Exact   Num           // the unrounded score; zero when incomplete
	Score   Num           // the score rounded to the scorecard's decimals
	Status  Status
	Pass    bool
}

// Counts reports whether the month counts in its quarter: complete months
// and gate-failed ones do; incomplete months count as still to come.
func (r *MonthResult) Counts() bool { return r.Status != Incomplete }

// ScoreMonth scores one month from its inputs, one per metric in scorecard
// order (as in MonthData.Inputs).
func (sc *Scorecard) ScoreMonth(mo Month, inputs []Input) MonthResult {
	res := MonthResult{Month: mo, Status: Complete, Metrics: make([]MetricScore, len(sc.Metrics))}
	gateFailed := false
	for i := range sc.Metrics {
		ms := sc.scoreMetric(&sc.Metrics[i], inputs[i])
		res.Metrics[i] = ms
		if ms.Missing {
			res.Status = Incomplete
			continue
		}
		res.Exact = res.Exact.Add(ms.Contribution)
		gateFailed = gateFailed || ms.GateFailed
	}
	if res.Status == Incomplete {
		res.Exact = Num{}
		return res
	}
	res.Score = res.Exact.Round(sc.Decimals)
	if gateFailed {
		res.Status = GateFailed
		return res
	}
	res.Pass = !res.Score.Less(sc.Pass)
	return res
}

func (sc *Scorecard) scoreMetric(m *Metric, in Input) MetricScore {
	if in.Missing {
		return MetricScore{Missing: true}
	}
	if in.Points {
		m = m.asPoints()
	}
	p := sc.PointsFor(m, in.Value)
	return MetricScore{
		Value:        in.Value,
		Points:       p,
		Contribution: m.Weight.Mul(p).Div(N(100)),
		GateFailed:   m.Gate != nil && p.Less(*m.Gate),
	}
}

// PointsFor converts a raw value into points through the metric's bands
// (SPEC section 2). A points metric's value already is points.
func (sc *Scorecard) PointsFor(m *Metric, v Num) Num {
	min, max := sc.Scale.Lowest(), sc.Scale.Highest()
	if m.IsPoints() {
		return Max(min, Min(max, v))
	}
	bands := m.sortedBands()
	better := func(a, b Num) bool { // a is at least as good as b
		if m.Better == Lower {
			return !b.Less(a)
		}
		return !a.Less(b)
	}
	if !m.Interpolate {
		p := min
		for _, b := range bands {
			if better(v, b.At) {
				p = Max(p, b.Points)
			}
		}
		return p
	}
	// Interpolated: the scale's minimum beyond the worst anchor, its maximum
	// beyond the best, and linear in between.
	if !better(v, bands[0].At) || v.Equal(bands[0].At) {
		return bands[0].Points
	}
	last := bands[len(bands)-1]
	if better(v, last.At) {
		return last.Points
	}
	for i := 1; i < len(bands); i++ {
		lo, hi := bands[i-1], bands[i]
		if better(v, lo.At) && !better(v, hi.At) {
			t := v.Sub(lo.At).Div(hi.At.Sub(lo.At))
			return lo.Points.Add(hi.Points.Sub(lo.Points).Mul(t))
		}
	}
	return last.Points
}

// ValueFromCounts computes a source's raw value from its counts (in the
// order of Source.Columns); ok is false when it has no value (a zero
// denominator, no responses) or the source has no counts.
func (sc *Scorecard) ValueFromCounts(m *Metric, c []Num) (Num, bool) {
	switch m.Source.Kind {
	case FromRatio:
		if c[1].IsZero() {
			return Num{}, false
		}
		v := c[0].Div(c[1])
		if m.Unit == Percent {
			v = v.Mul(N(100))
		}
		return v, true
	case FromNPS:
		total := c[0].Add(c[1]).Add(c[2])
		if total.IsZero() {
			return Num{}, false
		}
		return N(100).Mul(c[0].Sub(c[2])).Div(total), true
	case FromDeduct:
		p := sc.Scale.Highest()
		for i, pen := range m.Source.Penalties {
			p = p.Sub(c[i].Mul(pen.Points))
		}
		return Max(p, sc.Scale.Lowest()), true
	}
	return Num{}, false
}
