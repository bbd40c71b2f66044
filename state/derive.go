package state

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"passline/csv"
	"passline/scoring"
)

// Prepared is the model's scorecard and data, read once: sliders only
// re-score, they never re-read the data.
type Prepared struct {
	preset, scorecard, data string // what it was read from
	typed                   []TypedMonth
	options                 scoring.ReadOptions

	Scorecard *scoring.Scorecard
	Data      *scoring.Data
	Problems  []string // data problems, in words
	LeftOut   int      // rows left out for them
	Missing   []string // metrics no column gives, in words
	Notes     []string // what was read but may be wrong, in words (SPEC section 8's warnings)
	// What "How your sheet was read" says (SPEC section 9), worked out once
	// per read, never on a slider's move: what the read did, the units in
	// doubt, the metrics held until answered, and whether any month can be
	// scored.
	ReadNotes []string
	Questions []UnitQuestion
	Held      []string
	Scorable  bool
	// Order is the order metrics are shown in: customer experience, handle
	// time and sales first, then the rest as the scorecard lists them.
	Order []int

	combos map[string]Combos      // by the fixed points they were found for
	team   []TeamRow              // the team view's rows, once asked for
	extras map[string]monthExtras // survey luck and appeal, by agent, month and choices
	odds   *oddsMemo              // the odds worked out (nil: none kept)
}

// monthExtras are the parts of the view that come from the month's own
// data, not the sliders: worked out once per agent, month and choices, so
// a slider move only looks them up.
type monthExtras struct {
	luck   []LuckRow
	appeal *Appeal
}

func (p *Prepared) extrasFor(m Model, v *View) monthExtras {
	key := fmt.Sprint(v.Agent.Name, v.Month, v.IsNext, m.Expect, m.TakenOut, m.Evaluations) // maps print with sorted keys
	if got, ok := p.extras[key]; ok {
		return got
	}
	x := monthExtras{luck: luckOf(p.Scorecard, m, v.Base)}
	if !v.IsNext {
		a := appealOf(p.Scorecard, m, v.Month, v.Base, v.Agent.Months)
		x.appeal = &a
	}
	if p.extras == nil {
		p.extras = map[string]monthExtras{}
	}
	p.extras[key] = x
	return x
}

// Combos answers "pass without…?": the point combinations that pass a
// month, some metrics held at chosen points.
type Combos struct {
	Fixed map[string]scoring.Num
	List  [][]scoring.Num // in scorecard order
	Err   error           // too many to list: fix more metrics
}

// combosFor finds (once per choice) the passing combinations.
func (p *Prepared) combosFor(fixed map[string]scoring.Num) Combos {
	key := fmt.Sprint(fixed) // maps print with sorted keys
	if got, ok := p.combos[key]; ok {
		return got
	}
	c := Combos{Fixed: map[string]scoring.Num{}}
	for id, n := range fixed {
		if p.Scorecard.Metric(id) != nil {
			c.Fixed[id] = n
		}
	}
	c.List, c.Err = p.Scorecard.PassingCombinations(c.Fixed)
	if p.combos == nil {
		p.combos = map[string]Combos{}
	}
	p.combos[key] = c
	return c
}

// Prepare reads the model's scorecard and data.
func Prepare(m Model) (*Prepared, error) {
	sc, err := m.scorecard()
	if err != nil {
		return nil, err
	}
	return prepareWith(m, sc)
}

// prepareWith is Prepare with the model's scorecard already read as sc.
func prepareWith(m Model, sc *scoring.Scorecard) (*Prepared, error) {
	var err error
	d, unfit := &scoring.Data{}, false
	if m.Data != "" || len(m.Typed) == 0 {
		text := m.Data
		if text == "" {
			text = DefaultData // nothing of the agent's: the example
		}
		opts := m.readOptions()
		d, err = csv.ReadDataWith(strings.NewReader(text), sc, opts)
		if errors.Is(err, scoring.ErrUsage) { // a remembered mapping that does not fit this sheet
			opts.Columns, opts.Unused, opts.Units = nil, nil, nil
			d, err = csv.ReadDataWith(strings.NewReader(text), sc, opts)
			unfit = true
		}
		if err != nil {
			if d != nil && len(d.Problems) > 0 {
				err = fmt.Errorf("%w; the first problem: %s", err, d.Problems[0])
			}
			return nil, err
		}
	}
	mergeTyped(sc, d, m)
	if len(d.Agents) == 0 {
		return nil, errors.New("there are no months to score: add one, or paste your rows")
	}
	p := &Prepared{odds: &oddsMemo{}, preset: m.Preset, scorecard: m.Scorecard, data: m.Data, typed: m.Typed, options: m.readOptions(),
		Scorecard: sc, Data: d, Order: m.metricOrder(sc)}
	if unfit {
		p.Notes = append(p.Notes, "Your saved choice of columns does not fit this sheet, so its columns are read by their names: choose again below if needed.")
	}
	for _, w := range d.Warnings {
		p.Notes = append(p.Notes, Capitalize(w)+".")
	}
	p.ReadNotes, p.Questions, p.Held, p.Scorable = ReadNotes(d), UnitQuestions(d), HeldMetrics(sc, d), scorable(d)
	rows := map[int]bool{}
	for _, prob := range d.Problems {
		p.Problems = append(p.Problems, prob.String())
		rows[prob.Row] = true
	}
	p.LeftOut = len(rows)
	for _, id := range d.MissingMetrics(sc) {
		p.Missing = append(p.Missing, Capitalize(d.MissingWords(sc.Metric(id)))+".")
	}
	return p, nil
}

// Current reports whether p was read from m's scorecard and data.
func (p *Prepared) Current(m Model) bool {
	// On a slider's path: the typed months and the mapping are the same
	// slice and maps as long as nothing changed them (Update copies on
	// change), so DeepEqual answers at once.
	return p != nil && p.preset == m.Preset && p.scorecard == m.Scorecard && p.data == m.Data &&
		reflect.DeepEqual(p.typed, m.Typed) && reflect.DeepEqual(p.options, m.readOptions())
}

// The groups of metrics agents ask about, in the order they are shown.
const (
	rankCE = iota
	rankAHT
	rankSales
	rankOther
)

// metricRank sorts the metrics agents ask about first: customer
// experience, handle time, sales, then the rest.
func metricRank(m *scoring.Metric) int {
	words := strings.ToLower(m.ID + " " + m.Label)
	for r, keys := range [][]string{
		{"ce", "csat", "nps", "customer", "satisf", "promoter"},
		{"aht", "handle"},
		{"sale", "offer", "conversion"},
	} {
		for _, k := range keys {
			if strings.Contains(" "+words+" ", " "+k+" ") || (len(k) > 3 && strings.Contains(words, k)) {
				return r
			}
		}
	}
	return rankOther
}

// metricOrder is the order m's screens show sc's metrics in: a built-in
// scorecard's with the metrics agents ask about first, a scorecard of the
// user's (imported, or from the editor) in its own order (issue 24: using
// a draft never reorders its metrics).
func (m Model) metricOrder(sc *scoring.Scorecard) []int {
	if m.Scorecard != "" {
		return FileOrder(sc)
	}
	return DisplayOrder(sc)
}

// FileOrder is the metrics in the scorecard's own order.
func FileOrder(sc *scoring.Scorecard) []int {
	order := make([]int, len(sc.Metrics))
	for i := range order {
		order[i] = i
	}
	return order
}

// DisplayOrder puts the metrics agents ask about first (the built-in
// scorecards; a scorecard of the user's keeps its own order).
func DisplayOrder(sc *scoring.Scorecard) []int {
	order := FileOrder(sc)
	sort.SliceStable(order, func(i, j int) bool { return metricRank(&sc.Metrics[order[i]]) < metricRank(&sc.Metrics[order[j]]) })
	return order
}

// View is what the calculator shows, derived from a Model by the engine.
type View struct {
	*Prepared
	Agent   *scoring.AgentData
	Month   scoring.Month // the what-if month
	IsNext  bool          // the month after the data's latest, still empty
	Base    []scoring.Input
	Inputs  []scoring.Input // the month's inputs, what-if values in place
	Result  scoring.WhatIf
	Quarter scoring.QuarterResult
	// PooledNeeds holds each metric's need in a pooled quarter in progress.
	PooledNeeds []scoring.PooledNeed
	// LastNeed is, when the what-if month is the one month of an
	// average-mode quarter still to come, what the quarter needs of it
	// (the quarter scored without it); QuarterLines each metric's line for
	// that need, the month's others as they are.
	LastNeed     *scoring.Need
	QuarterLines []scoring.PassLine
	Counts       [][]string // per metric, what counts would move it, in words
	Combos       Combos
	// Luck is survey luck for the month's own counts; Appeal the appeal
	// what-if (nil for the month after the data, which has no counts yet).
	Luck   []LuckRow
	Appeal *Appeal
	// Huddle and Learn are worked out only while their screen is shown.
	Huddle *Huddle
	Learn  *Learn
}

// Score derives the view of model m, which must be the one p was read from.
func (p *Prepared) Score(m Model) (View, error) {
	sc := p.Scorecard
	v := View{Prepared: p, Agent: p.agentOf(m)}
	months := v.Agent.Months
	latest := months[len(months)-1]
	base := latest
	switch m.Month {
	case "":
	case NextMonth:
		v.IsNext = true
		base = scoring.MonthData{Month: latest.Month + 1, Inputs: latest.Inputs}
	default:
		for _, md := range months {
			if md.Month.String() == m.Month {
				base = md
			}
		}
	}
	v.Month, v.Base = base.Month, base.Inputs
	v.Inputs = applyWhatIfs(sc, m, v.Month, base.Inputs)
	v.Result = sc.WhatIf(v.Inputs)

	// The quarter, every month with its own what-ifs: the months of the
	// data, and the month after them when it is the one shown or has
	// what-ifs of its own.
	start := sc.QuarterOf(v.Month)
	quarterMonths := quarterMonthsOf(sc, m, months, start, v.IsNext || m.HasWhatIfs(latest.Month+1))
	v.Quarter = sc.ScoreQuarter(start, quarterMonths)
	if sc.Quarter.Mode == scoring.Average {
		others := slices.DeleteFunc(slices.Clone(quarterMonths), func(md scoring.MonthData) bool { return md.Month == v.Month })
		if q := sc.ScoreQuarter(start, others); q.Need != nil && q.Need.Remaining == 1 {
			v.LastNeed, v.QuarterLines = q.Need, sc.LastMonthLines(v.Inputs, q.Need)
		}
	}
	if sc.Quarter.Mode == scoring.Pooled && v.Quarter.Status == scoring.InProgress {
		v.PooledNeeds = pooledNeeds(sc, m, v.Quarter, quarterMonths, v.Inputs)
	}
	v.Counts = countLines(sc, v.Inputs, v.Result)
	v.Combos = p.combosFor(m.Fixed)
	x := p.extrasFor(m, &v)
	v.Luck, v.Appeal = x.luck, x.appeal
	switch m.Screen {
	case ScreenHuddle:
		h := huddleOf(sc, m)
		v.Huddle = &h
	case ScreenLearn:
		l := learnOf(sc, m)
		v.Learn = &l
	}
	return v, nil
}

// quarterMonthsOf is the quarter from start, every month with its own
// what-ifs: the months of the data, and the month after them when withNext.
func quarterMonthsOf(sc *scoring.Scorecard, m Model, months []scoring.MonthData, start scoring.Month, withNext bool) []scoring.MonthData {
	out := make([]scoring.MonthData, 0, len(months)+1)
	for _, md := range months {
		if md.Month >= start && md.Month < start+3 {
			out = append(out, scoring.MonthData{Month: md.Month, Inputs: applyWhatIfs(sc, m, md.Month, md.Inputs)})
		}
	}
	latest := months[len(months)-1]
	if next := latest.Month + 1; withNext && next >= start && next < start+3 {
		out = append(out, scoring.MonthData{Month: next, Inputs: applyWhatIfs(sc, m, next, latest.Inputs)})
	}
	return out
}

// applyWhatIfs puts month mo's what-ifs in place of its own inputs: each
// metric's value, its counts of incidents, and points given directly.
func applyWhatIfs(sc *scoring.Scorecard, m Model, mo scoring.Month, base []scoring.Input) []scoring.Input {
	whatIf, points := m.WhatIfs[mo.String()], m.Points[mo.String()]
	if len(whatIf) == 0 && len(points) == 0 {
		return base
	}
	inputs := slices.Clone(base)
	for i := range sc.Metrics {
		mt := &sc.Metrics[i]
		if val, ok := whatIf[mt.ID]; ok && CheckWhatIf(sc, mt.ID, val) == nil {
			inputs[i] = sc.InputAt(mt, base[i], val)
		}
		if counts, ok := incidentCounts(sc, mt, base[i], whatIf); ok {
			inputs[i] = scoring.Input{Value: sc.DeductPoints(mt, counts), Counts: counts}
		}
		if p, ok := points[mt.ID]; ok && !p.Less(sc.Scale.Lowest()) && !sc.Scale.Highest().Less(p) {
			inputs[i] = scoring.Input{Value: p, Points: true}
		}
	}
	return inputs
}

// HasWhatIfs reports whether month mo has what-ifs or points of its own.
func (m Model) HasWhatIfs(mo scoring.Month) bool {
	return len(m.WhatIfs[mo.String()]) > 0 || len(m.Points[mo.String()]) > 0
}

// IncidentKey is the what-if key of a deduct metric's incident count:
// "attendance.late".
func IncidentKey(m *scoring.Metric, column string) string { return m.ID + "." + column }

// HasIncidentCounts reports whether a deduct metric's month came with counts
// of each incident, so that its sliders can move in counts.
func HasIncidentCounts(m *scoring.Metric, base scoring.Input) bool {
	return m.Source.Kind == scoring.FromDeduct && !base.Missing && len(base.Counts) == len(m.Source.Penalties)
}

// incidentCounts applies the what-if incident counts of a deduct metric;
// ok is false when there are none to apply.
func incidentCounts(sc *scoring.Scorecard, m *scoring.Metric, base scoring.Input, whatIf map[string]scoring.Num) ([]scoring.Num, bool) {
	if !HasIncidentCounts(m, base) {
		return nil, false
	}
	counts, changed := slices.Clone(base.Counts), false
	for k, pen := range m.Source.Penalties {
		key := IncidentKey(m, pen.Column)
		if n, ok := whatIf[key]; ok && CheckWhatIf(sc, key, n) == nil {
			counts[k], changed = n, true
		}
	}
	return counts, changed
}

// pooledNeeds asks the engine what the rest of a pooled quarter needs, the
// remaining months at the what-if values and the volumes the user set.
func pooledNeeds(sc *scoring.Scorecard, m Model, q scoring.QuarterResult, months []scoring.MonthData, whatIf []scoring.Input) []scoring.PooledNeed {
	var counted [][]scoring.Input
	for i, mr := range q.Months {
		if mr.Counts() {
			for _, md := range months {
				if md.Month == q.Months[i].Month {
					counted = append(counted, md.Inputs)
				}
			}
		}
	}
	needs, err := sc.PooledNeeds(scoring.PooledQuarter{Counted: counted, Remaining: 3 - len(counted), WhatIf: whatIf, Volumes: m.Volumes})
	if err != nil {
		return nil
	}
	return needs
}

// countLines says, for ratio and NPS metrics with counts, what counts keep
// or move their points.
func countLines(sc *scoring.Scorecard, inputs []scoring.Input, w scoring.WhatIf) [][]string {
	out := make([][]string, len(sc.Metrics))
	for i := range sc.Metrics {
		m, in := &sc.Metrics[i], inputs[i]
		if in.Missing || in.Counts == nil || m.Interpolate || (m.Source.Kind != scoring.FromRatio && m.Source.Kind != scoring.FromNPS) {
			continue
		}
		points := w.Month.Metrics[i].Points
		surveyLike := metricRank(m) == rankCE // each new response adds to both counts
		var lines []string
		current, next := bandAround(m, points)
		if next != nil {
			need, _ := sc.CountNeedFor(m, in, next.At)
			num, den := ColumnWords(m.Source.Num), ColumnWords(m.Source.Den)
			switch {
			case m.Source.Kind == scoring.FromNPS && need.InARow >= 0:
				lines = append(lines, fmt.Sprintf("%d more %s in a row %s %s.", need.InARow, countNoun(need.InARow, ColumnWords(m.Source.Promoters)), reach(need.InARow), PointsText(next.Points)))
			case m.Better == scoring.Lower && need.InARow >= 0:
				lines = append(lines, fmt.Sprintf("%d more %s without a %s %s %s.", need.InARow, countNoun(need.InARow, den), countNoun(1, num), reach(need.InARow), PointsText(next.Points)))
			case surveyLike && need.InARow >= 0:
				lines = append(lines, fmt.Sprintf("%d more %s %s in a row %s %s.", need.InARow, num, countNoun(need.InARow, den), reach(need.InARow), PointsText(next.Points)))
			case !surveyLike && need.More >= 0 && need.More <= in.Counts[1].Int64():
				lines = append(lines, fmt.Sprintf("%d more %s on your %s %s %s %s.", need.More, countNoun(need.More, num), in.Counts[1].Short(2), den, reach(need.More), PointsText(next.Points)))
			}
		}
		if current != nil && m.Better != scoring.Lower && (surveyLike || m.Source.Kind == scoring.FromNPS) {
			const n = 10
			if x, ok := sc.OutOfNext(m, in, current.At, n); ok {
				of := ColumnWords(m.Source.Den)
				if m.Source.Kind == scoring.FromNPS {
					of = "responses"
				}
				what := ColumnWords(m.Source.Num)
				if m.Source.Kind == scoring.FromNPS {
					what = countNoun(x, ColumnWords(m.Source.Promoters))
				}
				keep := "keep"
				if x == 1 {
					keep = "keeps"
				}
				lines = append(lines, fmt.Sprintf("%d %s among your next %d %s %s %s at %s.", x, what, n, of, keep, m.Label, PointsText(current.Points)))
			}
		}
		if k, ok := sc.DetractorOffset(m, in); ok && m.Source.Kind == scoring.FromNPS {
			lines = append(lines, fmt.Sprintf("Each extra %s takes %d %s to offset.", countNoun(1, ColumnWords(m.Source.Detractors)), k, countNoun(k, ColumnWords(m.Source.Promoters))))
		}
		out[i] = lines
	}
	return out
}

// bandAround returns the band a metric's points stand on (nil at the
// scale's minimum) and the next one up (nil at the top).
func bandAround(m *scoring.Metric, points scoring.Num) (current, next *scoring.Band) {
	for i := range m.Bands {
		b := &m.Bands[i]
		if b.Points.Equal(points) {
			current = b
		}
		if points.Less(b.Points) && (next == nil || b.Points.Less(next.Points)) {
			next = b
		}
	}
	return current, next
}

// countNoun is a column's name for n of it: "promoters", but "1 promoter".
func countNoun(n int64, noun string) string {
	if n == 1 && strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "ss") {
		return strings.TrimSuffix(noun, "s")
	}
	return noun
}

// reach is the verb after a count: "1 more … reaches", "2 more … reach".
func reach(n int64) string {
	if n == 1 {
		return "reaches"
	}
	return "reach"
}
