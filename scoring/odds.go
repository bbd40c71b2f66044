package scoring

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
)

// The odds of passing (issue 17). A count-based metric's next counts are
// a draw: a ratio's events are binomial, an NPS metric's answers
// multinomial, at the agent's own rates; every other metric is held at its
// what-if value. Which outcome earns which points, and which combination
// of points passes, is decided exactly (Num); only the chances are floats.
// Nothing here is simulated.

// MaxMonthTrials bounds the tries a month is expected to bring
// (responses, calls, offers); MaxDrawTrials those of one draw, a pooled
// quarter's three months to come drawn at once (issue 25: 1,700 contacts a
// month over three months was refused with "expect between 0 and 5000").
const (
	MaxMonthTrials = 5000
	MaxDrawTrials  = 3 * MaxMonthTrials
)

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
	var out []Outcome
	err := sc.drawCounts(m, d, func(counts []Num, p float64) error {
		v, ok := sc.ValueFromCounts(m, counts)
		if !ok {
			return fmt.Errorf("%s: %w", m.Label, ErrNoValue)
		}
		out = append(out, Outcome{Points: sc.PointsFor(m, v), P: p})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return merge(out), nil
}

// Joint is several metrics that read the same counts (a CE and a CE gate,
// or a copy at 50/50), drawn once (issue 25: drawn apart, their chances
// were multiplied as if independent): each outcome gives every one of them
// its points.
type Joint struct {
	Metrics  []int // indexes in the scorecard; the first one's source is drawn
	Outcomes []JointOutcome
}

// JointOutcome is one outcome of a Joint draw: each metric's points (in
// Joint.Metrics order), and its chance.
type JointOutcome struct {
	Points []Num
	P      float64
}

// JointDist draws d once for metrics ms (indexes), which read the same
// counts: each outcome scored for each of them.
func (sc *Scorecard) JointDist(ms []int, d Draw) (Joint, error) {
	j := Joint{Metrics: ms}
	if len(ms) == 0 {
		return j, errors.New("a joint draw of no metric")
	}
	byKey := map[string]int{}
	err := sc.drawCounts(&sc.Metrics[ms[0]], d, func(counts []Num, p float64) error {
		pts := make([]Num, len(ms))
		key := ""
		for k, i := range ms {
			m := &sc.Metrics[i]
			v, ok := sc.ValueFromCounts(m, counts)
			if !ok {
				return fmt.Errorf("%s: %w", m.Label, ErrNoValue)
			}
			pts[k] = sc.PointsFor(m, v)
			key += pts[k].String() + " "
		}
		if at, seen := byKey[key]; seen {
			j.Outcomes[at].P += p
			return nil
		}
		byKey[key] = len(j.Outcomes)
		j.Outcomes = append(j.Outcomes, JointOutcome{Points: pts, P: p})
		return nil
	})
	return j, err
}

// drawCounts calls each with every outcome of draw d of m's counts (the
// known counts added) and its chance, leaving out those under oddsTail.
func (sc *Scorecard) drawCounts(m *Metric, d Draw, each func(counts []Num, p float64) error) error {
	if err := d.Validate(m); err != nil {
		return err
	}
	known := d.Known
	if known == nil {
		known = make([]Num, len(m.Source.Columns()))
	}
	pc := pacer{pace: sc.pace}
	add := func(counts []Num, p float64) error {
		if p < oddsTail {
			return nil
		}
		if err := pc.did(256); err != nil { // scoring an outcome is exact arithmetic
			return err
		}
		return each(counts, p)
	}
	n := d.Trials
	if m.Source.Kind == FromRatio {
		den := d.Den
		if den.IsZero() {
			den = N(int64(n))
		}
		for k, p := range binomial(n, d.Rates[0]) {
			if err := add([]Num{known[0].Add(N(int64(k))), known[1].Add(den)}, p); err != nil {
				return err
			}
		}
		return nil
	}
	// NPS depends on promoters − detractors and the total only: sum the
	// chance of each difference first.
	sp, sn, sd := d.Rates[0], d.Rates[1], d.Rates[2]
	byDiff := make([]float64, 2*n+1)
	lf := logFactorials(n)
	// Only promoters and detractors within 12 standard deviations of their
	// means: beyond, a chance is far below oddsTail (issue 25: every pair
	// of 5,000 responses took seconds on each slider move).
	aLo, aHi := likely(n, sp)
	bLo, bHi := likely(n, sd)
	term := func(a, b int) float64 {
		return math.Exp(lf[n] - lf[a] - lf[b] - lf[n-a-b] + logPow(sp, a) + logPow(sd, b) + logPow(sn, n-a-b))
	}
	for a := aLo; a <= aHi; a++ {
		if err := pc.did(bHi - bLo + 1); err != nil {
			return err
		}
		top := min(bHi, n-a)
		if sn == 0 || sd == 0 { // a chance of nothing: each term on its own
			for b := bLo; b <= top; b++ {
				byDiff[a-b+n] += term(a, b)
			}
			continue
		}
		// Along a row, each term is the last times (n-a-b)/(b+1) · sd/sn:
		// one exp per row, from its likeliest b, not one per term (issue
		// 25: exp and log were nine tenths of the odds' time).
		mode := min(max(int(float64(n-a)*sd/(sd+sn)), bLo), top)
		if mode < bLo {
			continue
		}
		at := term(a, mode)
		if at == 0 {
			continue // the whole row is far below oddsTail
		}
		r := sd / sn
		t := at
		for b := mode; b <= top; b++ {
			byDiff[a-b+n] += t
			t *= float64(n-a-b) / float64(b+1) * r
		}
		t = at
		for b := mode - 1; b >= bLo; b-- {
			t *= float64(b+1) / float64(n-a-b) / r
			byDiff[a-b+n] += t
		}
	}
	for diff := -n; diff <= n; diff++ {
		a, b := int64(max(diff, 0)), int64(max(-diff, 0))
		counts := []Num{known[0].Add(N(a)), known[1].Add(N(int64(n) - a - b)), known[2].Add(N(b))}
		if err := add(counts, byDiff[diff+n]); err != nil {
			return err
		}
	}
	return nil
}

// likely is the range of k in a binomial of n tries at chance p outside
// which every chance is negligible: 12 standard deviations (and 10 counts)
// each side of the mean.
func likely(n int, p float64) (lo, hi int) {
	sd := math.Sqrt(float64(n) * p * (1 - p))
	reach := 12*sd + 10
	mean := float64(n) * p
	return max(0, int(math.Floor(mean-reach))), min(n, int(math.Ceil(mean+reach)))
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
	Pass float64
	// Unsure is the chance whose verdict the grid could not tell (sums
	// within a grid step of the pass mark) or that was left out as too
	// small: the true chance lies in [Pass, Pass + Unsure].
	Unsure float64
	// Scores holds each score's lower end (Points), which is the score
	// when ScoreWidth is 0; a score lies in [Points, Points + ScoreWidth].
	// ScoreUnsure is the chance of rounded scores the grid could not tell.
	Scores      Dist
	ScoreWidth  Num
	ScoreUnsure float64
}

// oddsUnit is the grid the odds start on: four decimals finer than the
// score's.
func (sc *Scorecard) oddsUnit() Num { return Step(sc.Decimals + 4) }

// MonthOddsOf combines one Dist per metric, in scorecard order, through
// the weights, the rounding and the gates (SPEC section 4). The metrics'
// draws are independent. The work is bounded (oddsgrid.go): at most
// MaxOddsSums sums are kept, the verdict of those within a grid step of
// the pass mark is Unsure.
func (sc *Scorecard) MonthOddsOf(dists []Dist) (MonthOdds, error) {
	return sc.MonthOddsJoint(dists, nil)
}

// MonthOddsJoint is MonthOddsOf with joints: metrics drawn together from
// one set of counts (their dists are not used).
func (sc *Scorecard) MonthOddsJoint(dists []Dist, joints []Joint) (MonthOdds, error) {
	if len(dists) != len(sc.Metrics) {
		return MonthOdds{}, fmt.Errorf("%d distributions for %d metrics", len(dists), len(sc.Metrics))
	}
	g := newGridSums(sc.oddsUnit(), Num{}, sc.pace)
	inJoint := map[int]bool{}
	for _, j := range joints {
		steps := make([]gridStep, len(j.Outcomes))
		for k, o := range j.Outcomes {
			var add Num
			gated := false
			for x, i := range j.Metrics {
				m := &sc.Metrics[i]
				add = add.Add(m.Weight.Mul(o.Points[x]).Div(N(100)))
				gated = gated || m.Gate != nil && o.Points[x].Less(*m.Gate)
				inJoint[i] = true
			}
			steps[k] = gridStep{add: add, gated: gated, p: o.P}
		}
		if len(steps) == 0 {
			return MonthOdds{}, errors.New("a joint draw has no chances")
		}
		if err := g.addAll(steps); err != nil {
			return MonthOdds{}, err
		}
	}
	for i, d := range dists {
		m := &sc.Metrics[i]
		if inJoint[i] {
			continue
		}
		if len(d) == 0 {
			return MonthOdds{}, fmt.Errorf("%s has no chances", m.Label)
		}
		steps := make([]gridStep, len(d))
		for k, o := range d {
			steps[k] = gridStep{add: m.Weight.Mul(o.Points).Div(N(100)), gated: m.Gate != nil && o.Points.Less(*m.Gate), p: o.P}
		}
		if err := g.addAll(steps); err != nil {
			return MonthOdds{}, err
		}
	}
	var res MonthOdds
	pass, unsure, fails := g.verdicts(func(sum Num) bool { return !sum.Round(sc.Decimals).Less(sc.Pass) })
	res.Pass, res.Unsure = certain(pass, fails), unsure
	if !fails {
		res.Unsure = 0
	}
	var scores []Outcome
	for _, k := range slices.Sorted(maps.Keys(g.p)) {
		p := g.p[k]
		lo, hi, _ := g.bounds(k)
		score := lo
		if sc.Quarter.AverageOf == AverageRounded {
			score = lo.Round(sc.Decimals)
			if !hi.Round(sc.Decimals).Equal(score) {
				res.ScoreUnsure += p
			}
		}
		scores = append(scores, Outcome{Points: score, P: p})
	}
	res.Scores = merge(scores)
	if sc.Quarter.AverageOf != AverageRounded {
		res.ScoreWidth = N(g.width).Mul(g.unit)
	}
	res.ScoreUnsure = math.Min(res.ScoreUnsure+g.lost, 1)
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

// QuarterOdds is the chance a quarter passes, and the chance the bounded
// arithmetic could not tell (see MonthOdds.Unsure).
type QuarterOdds struct {
	Pass, Unsure float64
}

// AverageQuarterOdds is the chance that an average-mode quarter passes
// (SPEC section 5): counted are the scores of its months already counted,
// as the quarter adds them up; future holds the score's chances for each
// month still to come. A quarter's months are three.
func (sc *Scorecard) AverageQuarterOdds(counted []Num, future []Dist) (float64, error) {
	q, err := sc.averageQuarterOdds(counted, future, Num{}, 0)
	return q.Pass, err
}

// AverageQuarterOf is AverageQuarterOdds with toCome months drawn alike,
// each as month gives it (its scores' widths and unsure chances carried).
func (sc *Scorecard) AverageQuarterOf(counted []Num, month MonthOdds, toCome int) (QuarterOdds, error) {
	future := make([]Dist, toCome)
	for k := range future {
		future[k] = month.Scores
	}
	unsure := 1 - math.Pow(1-month.ScoreUnsure, float64(toCome))
	return sc.averageQuarterOdds(counted, future, month.ScoreWidth, unsure)
}

func (sc *Scorecard) averageQuarterOdds(counted []Num, future []Dist, width Num, unsure float64) (QuarterOdds, error) {
	if len(counted)+len(future) != 3 {
		return QuarterOdds{}, fmt.Errorf("a quarter has 3 months, not %d counted and %d to come", len(counted), len(future))
	}
	var known Num
	for _, s := range counted {
		known = known.Add(s)
	}
	g := newGridSums(sc.oddsUnit(), known, sc.pace)
	for _, d := range future {
		steps := make([]gridStep, len(d))
		for k, o := range d {
			steps[k] = gridStep{add: o.Points, p: o.P}
		}
		if err := g.addAll(steps); err != nil {
			return QuarterOdds{}, err
		}
		if width.Sign() > 0 { // each month's score may lie up to width above its lower end
			w, _ := onGrid(width, g.unit)
			g.width += w + 1
		}
	}
	pass, u, fails := g.verdicts(func(sum Num) bool { return !sum.Div(N(3)).Round(sc.Decimals).Less(sc.Pass) })
	q := QuarterOdds{Pass: certain(pass, fails), Unsure: math.Min(u+unsure, 1)}
	if !fails {
		q.Unsure = 0
	}
	return q, nil
}

// Held is the Dist of metric m held at input in (its what-if value, or a
// pooled quarter's value): its points for certain.
func (sc *Scorecard) Held(m *Metric, in Input) (Dist, error) {
	if in.Missing {
		return nil, fmt.Errorf("%s has no value: give it one to see the odds", m.Label)
	}
	return Fixed(sc.scoreMetric(m, in).Points), nil
}
