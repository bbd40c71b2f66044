package scoring

import "fmt"

// QuarterOf returns the first month of the quarter that holds mo, with the
// scorecard's quarter.start_month.
func (sc *Scorecard) QuarterOf(mo Month) Month {
	offset := (mo.Number() - sc.Quarter.StartMonth + 12) % 12
	return mo - Month(offset%3)
}

// QuarterLabel names the quarter that starts at start: 2026-Q4 for calendar
// quarters, otherwise FY2027-Q4, after the calendar year in which the fiscal
// year ends.
func (sc *Scorecard) QuarterLabel(start Month) string {
	s := sc.Quarter.StartMonth
	q := (start.Number()-s+12)%12/3 + 1
	if s == 1 {
		return fmt.Sprintf("%d-Q%d", start.Year(), q)
	}
	fyStart := start.Year()
	if start.Number() < s {
		fyStart--
	}
	return fmt.Sprintf("FY%d-Q%d", fyStart+1, q)
}

// NeedKind says whether a need can be met.
type NeedKind string

// The kinds of need. Out of reach and secured are the words SPEC section 5
// has the product show.
const (
	Reachable  NeedKind = "reachable"
	OutOfReach NeedKind = "out of reach"
	Secured    NeedKind = "secured"
)

// Need is what the months still to come must reach (SPEC section 5).
type Need struct {
	Kind      NeedKind
	Exact     Num // the least mean score of the remaining months, exact
	Remaining int // months still to come
}

// Text prints the need as the results file does: rounded up at decimals+2,
// or "out of reach" or "secured".
func (n Need) Text(decimals int) string {
	if n.Kind != Reachable {
		return string(n.Kind)
	}
	return n.Exact.Ceil(decimals + 2).Fixed(decimals + 2)
}

// QuarterResult is a quarter judged on its months (SPEC section 5).
type QuarterResult struct {
	Label   string
	Start   Month
	Months  []MonthResult // the months with data, in time order
	Counted int           // complete and gate-failed months
	Metrics []MetricScore // average mode: means of the counted months; pooled: pooled values
	// HasScore is false while no month counts.
	HasScore bool
	Exact    Num // average mode: the mean score; pooled: the pooled score, unrounded
	Score    Num
	Status   Status
	Pass     bool
	Need     *Need // average mode, in progress
	// MeanOf lists the metrics a pooled quarter took as the mean of their
	// monthly values because the data gave no counts.
	MeanOf []string
}

// ScoreQuarter judges the quarter starting at start from an agent's months
// (those outside the quarter are skipped).
func (sc *Scorecard) ScoreQuarter(start Month, months []MonthData) QuarterResult {
	return sc.scoreQuarter(start, months, nil)
}

// scoreQuarter is ScoreQuarter with the months' results, when the caller
// has them already (scored[i] is months[i] scored).
func (sc *Scorecard) scoreQuarter(start Month, months []MonthData, scored []MonthResult) QuarterResult {
	res := QuarterResult{Label: sc.QuarterLabel(start), Start: start}
	var counted []MonthData
	for i, md := range months {
		if md.Month < start || md.Month >= start+3 {
			continue
		}
		var mr MonthResult
		if scored != nil {
			mr = scored[i]
		} else {
			mr = sc.ScoreMonth(md.Month, md.Inputs)
		}
		res.Months = append(res.Months, mr)
		if mr.Counts() {
			counted = append(counted, md)
		}
	}
	res.Counted = len(counted)
	if sc.Quarter.Mode == Pooled {
		sc.poolQuarter(&res, counted)
	} else {
		sc.averageQuarter(&res)
	}
	return res
}

func (sc *Scorecard) averageQuarter(res *QuarterResult) {
	var sum Num
	var counted []MonthResult
	for _, mr := range res.Months {
		if mr.Counts() {
			counted = append(counted, mr)
			sum = sum.Add(sc.averaged(mr))
		}
	}
	if len(counted) > 0 {
		res.HasScore = true
		res.Exact = sum.Div(N(int64(len(counted))))
		res.Score = res.Exact.Round(sc.Decimals)
		res.Metrics = meanMetrics(sc, counted)
	}
	if len(counted) == 3 {
		res.Status = Complete
		res.Pass = !res.Score.Less(sc.Pass)
		return
	}
	res.Status = InProgress
	res.Need = sc.averageNeed(sum, 3-len(counted))
}

// averaged is the monthly score an average-mode quarter adds up.
func (sc *Scorecard) averaged(mr MonthResult) Num {
	if sc.Quarter.AverageOf == AverageRounded {
		return mr.Score
	}
	return mr.Exact
}

// passFloor is T of SPEC section 5: the least exact score that rounds to at
// least the pass mark. Scores are never negative, so a half below the first
// rounded value at or above the pass mark rounds up to it.
func (sc *Scorecard) passFloor() Num {
	g := sc.Pass.Ceil(sc.Decimals)
	return g.Sub(Step(sc.Decimals).Div(N(2)))
}

// averageNeed is the least mean score of the remaining months: (3T − sum) / remaining.
func (sc *Scorecard) averageNeed(sum Num, remaining int) *Need {
	need := &Need{Kind: Reachable, Remaining: remaining}
	need.Exact = sc.passFloor().Mul(N(3)).Sub(sum).Div(N(int64(remaining)))
	switch {
	case sc.Scale.Highest().Less(need.Exact):
		need.Kind = OutOfReach
	case !sc.Scale.Lowest().Less(need.Exact):
		need.Kind = Secured
	}
	return need
}

func meanMetrics(sc *Scorecard, months []MonthResult) []MetricScore {
	out := make([]MetricScore, len(sc.Metrics))
	n := N(int64(len(months)))
	for i := range out {
		var v, p Num
		for _, mr := range months {
			v = v.Add(mr.Metrics[i].Value)
			p = p.Add(mr.Metrics[i].Points)
		}
		out[i] = MetricScore{Value: v.Div(n), Points: p.Div(n)}
		out[i].Contribution = sc.Metrics[i].Weight.Mul(out[i].Points).Div(N(100))
	}
	return out
}

func (sc *Scorecard) poolQuarter(res *QuarterResult, counted []MonthData) {
	res.Status = InProgress
	if len(counted) == 0 {
		return
	}
	inputs := make([]Input, len(sc.Metrics))
	monthly := make([]Input, len(counted))
	for i := range sc.Metrics {
		for j, md := range counted {
			monthly[j] = md.Inputs[i]
		}
		var meanOnly bool
		inputs[i], meanOnly = sc.PoolInputs(&sc.Metrics[i], monthly)
		if meanOnly {
			res.MeanOf = append(res.MeanOf, sc.Metrics[i].ID)
		}
	}
	pooled := sc.ScoreMonth(res.Start, inputs)
	res.HasScore = true
	res.Metrics, res.Exact, res.Score = pooled.Metrics, pooled.Exact, pooled.Score
	if len(counted) == 3 {
		res.Status, res.Pass = pooled.Status, pooled.Pass
	}
}

// PoolInputs combines a metric's monthly inputs over a quarter (SPEC section
// 2, sources table): ratio and NPS counts are summed, column values are
// averaged (weighted by weight_by where given), deduct points are averaged.
// meanOnly is true when a ratio or NPS metric had no counts and its monthly
// values were averaged instead. Missing inputs are skipped.
func (sc *Scorecard) PoolInputs(m *Metric, monthly []Input) (in Input, meanOnly bool) {
	present, allCounts := 0, true
	var first Input
	for _, x := range monthly {
		if !x.Missing {
			if present == 0 {
				first = x
			}
			present++
			allCounts = allCounts && x.Counts != nil
		}
	}
	if present == 0 {
		return Input{Missing: true}, false
	}
	if pointsIn(monthly) { // some month gives its points: the mean of the monthly points
		var sum Num
		for _, x := range monthly {
			if !x.Missing {
				sum = sum.Add(sc.scoreMetric(m, x).Points)
			}
		}
		return Input{Value: sum.Div(N(int64(present))), Points: true}, false
	}
	summable := m.Source.Kind == FromRatio || m.Source.Kind == FromNPS
	if summable && allCounts {
		sum := make([]Num, len(first.Counts))
		for _, x := range monthly {
			for j, c := range x.Counts {
				if !x.Missing {
					sum[j] = sum[j].Add(c)
				}
			}
		}
		v, ok := sc.ValueFromCounts(m, sum)
		return Input{Value: v, Counts: sum, Missing: !ok}, false
	}
	var s, ws, plain Num
	weighted := true
	for _, x := range monthly {
		if x.Missing {
			continue
		}
		plain = plain.Add(x.Value)
		s = s.Add(x.Value.Mul(x.Weight))
		ws = ws.Add(x.Weight)
		weighted = weighted && x.Weighted
	}
	if weighted && ws.Sign() > 0 {
		return Input{Value: s.Div(ws), Weight: ws, Weighted: true}, false
	}
	return Input{Value: plain.Div(N(int64(present)))}, summable
}

// pointsIn reports whether one of the inputs gives its points directly.
func pointsIn(inputs []Input) bool {
	for _, x := range inputs {
		if x.Points && !x.Missing {
			return true
		}
	}
	return false
}
