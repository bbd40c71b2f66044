package scoring

// InputAt is the input of a month whose raw value is v, with the volumes of
// base kept: a ratio keeps its denominator (CE at 85 % over the same 25
// surveys), an NPS its responses and passives (passives give way when the
// value needs it), a weighted column its weight. A what-if move thus still
// pools and still counts. Other metrics, and a base without counts, get
// the value alone.
func (sc *Scorecard) InputAt(m *Metric, base Input, v Num) Input {
	in := Input{Value: v, Weight: base.Weight, Weighted: base.Weighted}
	if base.Missing || base.Counts == nil {
		return in
	}
	switch m.Source.Kind {
	case FromRatio:
		den := base.Counts[1]
		num := v.Mul(den)
		if m.Unit == Percent {
			num = num.Div(N(100))
		}
		in.Counts = []Num{num, den}
	case FromNPS:
		// P − D = v·T/100 and P + D = T − N, with N lowered if need be.
		p, n, d := base.Counts[0], base.Counts[1], base.Counts[2]
		total := p.Add(n).Add(d)
		diff := v.Mul(total).Div(N(100))
		if diff.Sign() < 0 {
			diff = diff.Neg()
		}
		n = Min(n, total.Sub(diff))
		rest := total.Sub(n)
		promoters := rest.Add(v.Mul(total).Div(N(100))).Div(N(2))
		in.Counts = []Num{promoters, n, rest.Sub(promoters)}
	}
	return in
}

// DeductPoints is a deduct source's points for incident counts (one per
// penalty, in order): the scale's maximum less each count times its
// penalty, never below the minimum.
func (sc *Scorecard) DeductPoints(m *Metric, counts []Num) Num {
	v, _ := sc.ValueFromCounts(m, counts)
	return v
}
