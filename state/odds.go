package state

import (
	"fmt"
	"math"
	"strings"

	"passline/scoring"
)

// The odds of passing the month to come and its quarter (issue 17), at the
// agent's own rates. docs/ODDS.md says how each metric is modelled.

// FewResponses is how few pooled responses make a rate shaky: the card
// says how few.
const FewResponses = 20

// Odds is the chance of passing the month after the data and its quarter.
type Odds struct {
	Month   scoring.Month // the month to come
	Pass    float64       // the month's chance of passing
	Quarter string        // the quarter's label
	// QuarterPass is the quarter's chance, QuarterToCome how many of its
	// months are still to come (the month to come among them).
	QuarterPass   float64
	QuarterToCome int
	// Unsure and QuarterUnsure are the chances the bounded arithmetic
	// could not tell (scoring.MonthOdds.Unsure): the true chance lies in
	// [Pass, Pass + Unsure]; the card says "about" when that changes the
	// figure shown.
	Unsure, QuarterUnsure float64
	Drawn                 []DrawnMetric // the metrics left to chance, in scorecard order
	// Set lists the metrics that would be left to chance but whose value
	// or points the user set for the month to come: they are held there.
	Set []SetMetric
	Err error // why there are no odds (a metric without a value, say)
}

// SetMetric is a metric held at what the user set for the month to come:
// a value, or points given.
type SetMetric struct {
	Metric int
	Value  scoring.Num
	Points bool // Value is points given
}

// DrawnMetric is a metric whose counts are left to chance.
type DrawnMetric struct {
	Metric int       // index in the scorecard
	Rates  []float64 // a ratio's [chance of the event]; NPS's [promoter, passive, detractor]
	// Pooled is how many responses (or offers) the rates rest on; Expected
	// how many are expected in a month (editable as the metric's Expect).
	Pooled, Expected int64
	// Per is the metric whose events are this one's tries (sales drawn
	// per offer), or -1: drawn per its own denominator.
	Per int
}

// oddsOf works out the odds for agent a, next month's what-if inputs
// being next (the sliders' values when the what-if month is the month to
// come). The agent's months give the rates and the volumes; the quarter's
// counted months are taken with their what-ifs (quarterMonths).
func oddsOf(sc *scoring.Scorecard, m Model, a *scoring.AgentData, next scoring.Month, nextInputs []scoring.Input, quarterMonths []scoring.MonthData, memo *drawMemo) Odds {
	o := Odds{Month: next, Quarter: sc.QuarterLabel(sc.QuarterOf(next))}
	drawn := drawnMetrics(sc, m, a)
	// A metric whose value or points the user set for the month to come is
	// held there, as the verdict holds it (issue 24), not drawn.
	kept := drawn[:0]
	for _, d := range drawn {
		id := sc.Metrics[d.Metric].ID
		if p, ok := m.Points[next.String()][id]; ok {
			o.Set = append(o.Set, SetMetric{Metric: d.Metric, Value: p, Points: true})
			continue
		}
		if v, ok := m.WhatIfs[next.String()][id]; ok {
			o.Set = append(o.Set, SetMetric{Metric: d.Metric, Value: v})
			continue
		}
		kept = append(kept, d)
	}
	drawn = kept
	byMetric := make([]*DrawnMetric, len(sc.Metrics))
	for i := range drawn {
		byMetric[drawn[i].Metric] = &drawn[i]
	}
	o.Drawn = drawn

	// The month: drawn metrics at their rates (those sharing their counts
	// drawn once), the others held.
	groups := sharedDraws(sc, drawn)
	shared := map[int]bool{}
	for _, g := range groups {
		for _, i := range g {
			shared[i] = true
		}
	}
	dists := make([]scoring.Dist, len(sc.Metrics))
	var err error
	for i := range sc.Metrics {
		if shared[i] {
			continue
		}
		if dists[i], err = monthDist(sc, memo, i, byMetric, nextInputs, nil, 1); err != nil {
			o.Err = err
			return o
		}
	}
	joints, err := jointsOf(sc, memo, groups, byMetric, nextInputs, nil, 1)
	if err != nil {
		o.Err = err
		return o
	}
	month, err := sc.MonthOddsJoint(dists, joints)
	if err != nil {
		o.Err = err
		return o
	}
	o.Pass, o.Unsure = month.Pass, month.Unsure

	// The quarter: its counted months as they are; the month to come and
	// every other month not counted yet drawn alike.
	start := sc.QuarterOf(next)
	var counted []scoring.MonthData
	var scores []scoring.Num
	for _, md := range quarterMonths {
		if md.Month == next || md.Month < start || md.Month >= start+3 {
			continue
		}
		if r := sc.ScoreMonth(md.Month, md.Inputs); r.Counts() {
			counted = append(counted, md)
			if sc.Quarter.AverageOf == scoring.AverageRounded {
				scores = append(scores, r.Score)
			} else {
				scores = append(scores, r.Exact)
			}
		}
	}
	o.QuarterToCome = 3 - len(counted)
	if sc.Quarter.Mode == scoring.Average {
		q, err := sc.AverageQuarterOf(scores, month, o.QuarterToCome)
		o.QuarterPass, o.QuarterUnsure, o.Err = q.Pass, q.Unsure, err
		return o
	}
	for i := range sc.Metrics {
		if shared[i] {
			continue
		}
		if dists[i], err = monthDist(sc, memo, i, byMetric, nextInputs, counted, o.QuarterToCome); err != nil {
			o.Err = err
			return o
		}
	}
	if joints, err = jointsOf(sc, memo, groups, byMetric, nextInputs, counted, o.QuarterToCome); err != nil {
		o.Err = err
		return o
	}
	q, err := sc.MonthOddsJoint(dists, joints)
	o.QuarterPass, o.QuarterUnsure, o.Err = q.Pass, q.Unsure, err
	return o
}

// monthDist is metric i's points over toCome months drawn alike, after the
// counted months (none for a month; a pooled quarter's so far).
func monthDist(sc *scoring.Scorecard, memo *drawMemo, i int, byMetric []*DrawnMetric, next []scoring.Input, counted []scoring.MonthData, toCome int) (scoring.Dist, error) {
	mt := &sc.Metrics[i]
	d := byMetric[i]
	if d == nil { // held at its what-if value; a pooled quarter pools it as the engine does
		monthly := make([]scoring.Input, 0, len(counted)+toCome)
		for _, md := range counted {
			monthly = append(monthly, md.Inputs[i])
		}
		for k := 0; k < toCome; k++ {
			monthly = append(monthly, next[i])
		}
		in := next[i]
		if len(counted) > 0 {
			in, _ = sc.PoolInputs(mt, monthly)
		}
		return sc.Held(mt, in)
	}
	return memo.pointsDist(sc, i, drawOf(sc, i, d, next, counted, toCome))
}

// drawOf is the draw of drawn metric i (d) over toCome months, after the
// counted months (a pooled quarter's so far).
func drawOf(sc *scoring.Scorecard, i int, d *DrawnMetric, next []scoring.Input, counted []scoring.MonthData, toCome int) scoring.Draw {
	mt := &sc.Metrics[i]
	draw := scoring.Draw{Rates: d.Rates}
	if len(counted) > 0 {
		draw.Known = make([]scoring.Num, len(mt.Source.Columns()))
		for _, md := range counted {
			for j, c := range md.Inputs[i].Counts {
				draw.Known[j] = draw.Known[j].Add(c)
			}
		}
	}
	if d.Per < 0 {
		draw.Trials = int(d.Expected) * toCome
	} else {
		// Tries are the events of the metric it is drawn per, at that
		// metric's what-if rate of their shared denominator: offers = the
		// offer rate × calls.
		per := &sc.Metrics[d.Per]
		den := scoring.N(d.Expected)
		rate := next[d.Per].Value
		if per.Unit == scoring.Percent {
			rate = rate.Div(scoring.N(100))
		}
		draw.Trials = int(rate.Mul(den).Round(0).Int64()) * toCome
		draw.Den = den.Mul(scoring.N(int64(toCome)))
	}
	return draw
}

// sharedDraws groups the drawn metrics that read the same counts (a CE and
// a CE gate, a copy at 50/50): one set of counts is one draw (issue 25).
// Only groups of two or more are returned, each in scorecard order.
func sharedDraws(sc *scoring.Scorecard, drawn []DrawnMetric) [][]int {
	groups := map[string][]int{}
	var keys []string
	for _, d := range drawn {
		m := &sc.Metrics[d.Metric]
		key := fmt.Sprint(m.Source.Kind, m.Source.Columns(), d.Per)
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], d.Metric)
	}
	var out [][]int
	for _, k := range keys {
		if len(groups[k]) > 1 {
			out = append(out, groups[k])
		}
	}
	return out
}

// jointsOf draws each group of metrics sharing their counts once.
func jointsOf(sc *scoring.Scorecard, memo *drawMemo, groups [][]int, byMetric []*DrawnMetric, next []scoring.Input, counted []scoring.MonthData, toCome int) ([]scoring.Joint, error) {
	var out []scoring.Joint
	for _, g := range groups {
		j, err := memo.jointDist(sc, g, drawOf(sc, g[0], byMetric[g[0]], next, counted, toCome))
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, nil
}

// drawnMetrics finds the metrics left to chance and their rates, pooled
// over the agent's months: every ratio and NPS metric, except a ratio
// whose events are another ratio's tries (the offer rate, when sales are
// counted per call and never exceed the offers): the agent decides it, so
// it is held at its what-if value, and the other is drawn per its events.
func drawnMetrics(sc *scoring.Scorecard, m Model, a *scoring.AgentData) []DrawnMetric {
	sums := make([][]scoring.Num, len(sc.Metrics))
	months := make([]int64, len(sc.Metrics))
	for i := range sc.Metrics {
		mt := &sc.Metrics[i]
		if mt.Source.Kind != scoring.FromRatio && mt.Source.Kind != scoring.FromNPS {
			continue
		}
		sums[i] = make([]scoring.Num, len(mt.Source.Columns()))
		for _, md := range a.Months {
			in := md.Inputs[i]
			if in.Missing || in.Counts == nil || in.Points {
				continue
			}
			months[i]++
			for j, c := range in.Counts {
				sums[i][j] = sums[i][j].Add(c)
			}
		}
	}
	per := make([]int, len(sc.Metrics))
	controlled := make([]bool, len(sc.Metrics))
	for i := range per {
		per[i] = -1
		if b := &sc.Metrics[i]; b.Source.Kind == scoring.FromRatio && months[i] > 0 {
			for j := range sc.Metrics {
				if c := &sc.Metrics[j]; j != i && c.Source.Kind == scoring.FromRatio && c.Source.Den == b.Source.Den && c.Source.Num != b.Source.Num && nestedIn(a, i, j) && !reversed(b, c) {
					per[i], controlled[j] = j, true
					break
				}
			}
		}
	}
	var out []DrawnMetric
	for i := range sc.Metrics {
		mt := &sc.Metrics[i]
		if sums[i] == nil || controlled[i] || months[i] == 0 {
			continue
		}
		d := DrawnMetric{Metric: i, Per: per[i]}
		s := sums[i]
		if mt.Source.Kind == scoring.FromRatio {
			tries := s[1]
			if d.Per >= 0 {
				tries = sums[d.Per][0]
			}
			if tries.Sign() <= 0 {
				continue // no tries yet: held at its what-if value
			}
			d.Rates = []float64{math.Min(s[0].Float64()/tries.Float64(), 1)}
			d.Pooled = tries.Round(0).Int64()
			d.Expected = s[1].Div(scoring.N(months[i])).Round(0).Int64()
		} else {
			total := s[0].Add(s[1]).Add(s[2])
			if total.Sign() <= 0 {
				continue
			}
			t := total.Float64()
			d.Rates = []float64{s[0].Float64() / t, s[1].Float64() / t, s[2].Float64() / t}
			d.Pooled = total.Round(0).Int64()
			d.Expected = total.Div(scoring.N(months[i])).Round(0).Int64()
		}
		if v, ok := m.Expect[mt.ID]; ok { // the denominator expected: surveys, or the calls sales are counted per
			d.Expected = v.Round(0).Int64()
		}
		d.Expected = min(max(d.Expected, 1), scoring.MaxMonthTrials)
		out = append(out, d)
	}
	return out
}

// reversed reports whether drawing ratio b's events per ratio c's would be
// the wrong way round by their names: offers per sale (issue 25: data with
// more sales than offers gave "85.7 % of your 70 sales became offers").
func reversed(b, c *scoring.Metric) bool {
	return strings.Contains(b.Source.Num, "offer") && strings.Contains(c.Source.Num, "sale")
}

// nestedIn reports whether ratio i's events never exceed ratio j's in the
// agent's months (sales within offers), and j had some.
func nestedIn(a *scoring.AgentData, i, j int) bool {
	var some bool
	for _, md := range a.Months {
		x, y := md.Inputs[i], md.Inputs[j]
		if x.Counts == nil || y.Counts == nil || x.Missing || y.Missing {
			continue
		}
		if y.Counts[0].Less(x.Counts[0]) || !x.Counts[1].Equal(y.Counts[1]) {
			return false
		}
		some = some || y.Counts[0].Sign() > 0
	}
	return some
}

// Odds works out the odds of model m's agent for the month after the
// data, with that month's what-ifs (the sliders', when it is the what-if
// month). It is not part of Score: the app asks for it (WorkOutOdds) after
// a slider settles, off the slider's path; an answer is kept per agent and
// choices.
func (p *Prepared) Odds(m Model) Odds { return p.oddsPaced(m, nil) }

// oddsPaced is Odds calling pace as it works (nil: never). Odds abandoned
// by the pace say why (Err is its error) and are not kept.
func (p *Prepared) oddsPaced(m Model, pace scoring.Pace) Odds {
	sc := p.Scorecard
	a := p.agentOf(m)
	latest := a.Months[len(a.Months)-1]
	next := p.nextMonth(m)
	key := fmt.Sprint(a.Name, m.WhatIfs[next.String()], m.Points[next.String()], m.Expect, quarterKey(sc, m, next))
	if got, ok := p.odds.get(key); ok {
		return got
	}
	var stopped error
	if pace != nil {
		sc = sc.WithPace(func() error {
			stopped = pace()
			return stopped
		})
	}
	inputs := applyWhatIfs(sc, m, next, latest.Inputs)
	o := oddsOf(sc, m, a, next, inputs, quarterMonthsOf(sc, m, a.Months, sc.QuarterOf(next), false), p.odds.drawsOf())
	if stopped != nil {
		return Odds{Month: next, Quarter: o.Quarter, Err: &pacedStop{err: stopped}}
	}
	p.odds.put(key, o)
	return o
}

// quarterKey is the what-ifs of the months of next's quarter before it,
// which the quarter's odds depend on.
func quarterKey(sc *scoring.Scorecard, m Model, next scoring.Month) string {
	var b []any
	for mo := sc.QuarterOf(next); mo < next; mo++ {
		b = append(b, m.WhatIfs[mo.String()], m.Points[mo.String()])
	}
	return fmt.Sprint(b...)
}

// nextMonth is the month after model m's agent's data: the month to come.
func (p *Prepared) nextMonth(m Model) scoring.Month {
	a := p.agentOf(m)
	return a.Months[len(a.Months)-1].Month + 1
}

// agentOf is model m's agent, or the data's first.
func (p *Prepared) agentOf(m Model) *scoring.AgentData {
	if a := p.Data.Agent(m.Agent); a != nil {
		return a
	}
	return &p.Data.Agents[0]
}
