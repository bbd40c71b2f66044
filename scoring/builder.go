package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// builder combines good rows into agent-months.
type builder struct {
	// texts holds, with no agent column, the first text of each unused
	// column in each month; differs notes a column whose text differs
	// between rows of one month, and the first such month.
	texts   map[Month]map[int]string
	differs map[int]Month
	sc      *Scorecard
	p       *plan
	d       *Data
	header  []string
	agents  map[string]int     // name -> index in d.Agents
	months  [][]*monthAccounts // per agent, in order of first row
	inputs  []*rowInput        // the current row's inputs, reused row after row
	bufs    []rowInput
	alt     Num // the current row's calls or contacts (plan.altCol), for the plain-mean note
	altOK   bool
}

type monthAccounts struct {
	month Month
	rows  []int
	accs  []account // per metric
}

// monthOf finds or adds the agent's month; rows usually come in month
// order, so the search starts from the end.
func (b *builder) monthOf(ai int, mo Month) *monthAccounts {
	list := b.months[ai]
	for i := len(list) - 1; i >= 0; i-- {
		if list[i].month == mo {
			return list[i]
		}
	}
	ma := &monthAccounts{month: mo, accs: make([]account, len(b.sc.Metrics))}
	b.months[ai] = append(list, ma)
	return ma
}

// account sums one metric's inputs over a month's rows: counts for a
// counted source, else the values' sums (vals, only then: an agent-month
// of a big file holds one account per metric, so each is kept small).
type account struct {
	rows   int
	counts []Num
	vals   *valueSums
}

// valueSums sums a value metric's rows: Σ value × weight and Σ weight
// (when weighted), Σ value for a plain mean (or weights adding to 0), and
// alt, the values weighted by the calls or contacts column for the
// plain-mean note (nil for a metric that cannot get it).
type valueSums struct {
	sum, wsum, plain Num
	weighted         bool
	alt              *altSums
}

func newBuilder(sc *Scorecard, p *plan, d *Data) *builder {
	n := len(sc.Metrics)
	return &builder{sc: sc, p: p, d: d, agents: map[string]int{}, inputs: make([]*rowInput, n), bufs: make([]rowInput, n)}
}

// rowInput is one metric's input from one row: counts, or a value and weight.
type rowInput struct {
	counts   []Num
	value    Num
	weight   Num
	weighted bool
	alt      Num // the calls or contacts that could weight a plain mean
	altOK    bool
	hasAlt   bool // the metric may get the plain-mean note
}

func (b *builder) add(rec *Row, header []string) {
	b.header = header
	faults := slices.Clone(rec.Faults)
	inputs := b.inputs
	if a := b.p.altCol; a >= 0 { // the calls that could weight a plain mean, read once a row
		v, blank, err := amountKind.read(ungroup(cellAt(rec.Cells, a), b.p.decimalComma), b.sc)
		b.alt, b.altOK = v, err == nil && !blank
	}
	for i := range b.sc.Metrics {
		in, f := b.metricCells(i, rec)
		inputs[i] = in
		faults = append(faults, f...)
	}
	if len(faults) > 0 {
		slices.SortStableFunc(faults, func(a, b CellFault) int { return a.Col - b.Col })
		seen := map[int]bool{}
		for _, f := range faults {
			if seen[f.Col] {
				continue
			}
			seen[f.Col] = true
			b.d.Problems = append(b.d.Problems, DataProblem{Row: rec.Line, Column: header[f.Col], Found: f.Text, Expected: expectedText(f.Err)})
		}
		return
	}
	agent := rec.Agent
	if b.p.agent < 0 {
		agent = "Me"
		b.noteTexts(rec)
	}
	ai, ok := b.agents[agent]
	if !ok {
		ai = len(b.d.Agents)
		b.agents[agent] = ai
		b.d.Agents = append(b.d.Agents, AgentData{Name: agent})
		b.months = append(b.months, nil)
	}
	ma := b.monthOf(ai, rec.Month)
	ma.rows = append(ma.rows, rec.Line)
	for i, in := range inputs {
		if in != nil {
			ma.accs[i].add(in)
		}
	}
}

func expectedText(err error) string {
	if ce, ok := err.(*CellError); ok {
		return ce.Expected
	}
	return err.Error()
}

// metricCells reads metric i's cells from a row. It returns nil when a cell
// is blank (the row gives the metric no value), and the faults of bad cells.
func (b *builder) metricCells(i int, rec *Row) (*rowInput, []CellFault) {
	m := &b.sc.Metrics[i]
	if b.p.modes[i] == NoInput {
		return nil, nil
	}
	var faults []CellFault
	read := func(col int, kind cellKind) (Num, bool) {
		raw := cellAt(rec.Cells, col)
		text := ungroup(raw, b.p.decimalComma)
		if b.p.decimalComma && strings.Count(text, ",") == 1 && !strings.Contains(text, ".") {
			text = strings.Replace(text, ",", ".", 1)
		}
		v, blank, err := kind.read(text, b.sc)
		if err != nil {
			faults = append(faults, CellFault{col, raw, err})
			return Num{}, false
		}
		if blank {
			return v, false
		}
		if u, ok := b.p.unit[col]; ok && u != UnitSeconds && u != UnitPercent && isPlainDecimal(text) {
			v = v.Mul(u.factor()) // a bare number in the column's unit; 7:35 and 92% say their own
		}
		if t := b.p.doubts[col]; t != nil {
			t.see(text, v)
		}
		return v, true
	}
	in, complete := &b.bufs[i], true
	*in = rowInput{counts: in.counts[:0]}
	switch b.p.modes[i] {
	case NoInput:
		return nil, nil
	case SourceInput:
		if m.Source.Kind == FromColumn {
			v, ok := read(b.p.cols[i][0], b.p.kinds[i][0])
			in.value, complete = v, ok
		} else {
			for j, col := range b.p.cols[i] {
				v, ok := read(col, b.p.kinds[i][j])
				in.counts = append(in.counts, v)
				complete = complete && ok
			}
		}
	case DirectInput:
		v, ok := read(b.p.cols[i][0], b.p.kinds[i][0])
		in.value, complete = v, ok
	}
	if w := b.p.weight[i]; w >= 0 {
		v, ok := read(w, amountKind)
		in.weight, in.weighted, complete = v, true, complete && ok
	}
	if !complete {
		return nil, faults
	}
	if b.p.altWeight[i] >= 0 { // for the plain-mean note only: never a fault
		in.alt, in.altOK, in.hasAlt = b.alt, b.altOK, true
	}
	return in, faults
}

func (a *account) add(in *rowInput) {
	a.rows++
	if in.counts != nil {
		if a.counts == nil {
			a.counts = make([]Num, len(in.counts))
		}
		for j, c := range in.counts {
			a.counts[j] = a.counts[j].Add(c)
		}
		return
	}
	if a.vals == nil {
		a.vals = &valueSums{}
	}
	v := a.vals
	v.plain = v.plain.Add(in.value)
	if in.hasAlt {
		if v.alt == nil {
			v.alt = &altSums{}
		}
		if in.altOK {
			v.alt.sum, v.alt.w = v.alt.sum.Add(in.value.Mul(in.alt)), v.alt.w.Add(in.alt)
		} else {
			v.alt.bad = true
		}
	}
	if in.weighted {
		v.weighted = true
		v.sum = v.sum.Add(in.value.Mul(in.weight))
		v.wsum = v.wsum.Add(in.weight)
	}
}

// altSums are a metric's values weighted by the calls or contacts
// column, summed over a month's rows; bad says a row lacked the column.
type altSums struct {
	sum, w Num
	bad    bool
}

// input turns the account into the month's Input for metric m.
func (a *account) input(sc *Scorecard, m *Metric, mode InputMode) Input {
	if a.rows == 0 {
		return Input{Missing: true}
	}
	if a.counts != nil {
		in := Input{Direct: mode == DirectInput}
		in.Counts = a.counts
		v, ok := sc.ValueFromCounts(m, a.counts)
		in.Value, in.Missing = v, !ok
		return in
	}
	v := a.vals
	in := Input{Direct: mode == DirectInput, Weighted: v.weighted, Weight: v.wsum}
	if v.weighted && v.wsum.Sign() > 0 {
		in.Value = v.sum.Div(v.wsum)
	} else {
		in.Value = v.plain.Div(N(int64(a.rows)))
	}
	return in
}

// noteTexts notes the text of a row's unused columns: with no agent
// column, a text that differs between rows of one month may be the agent
// (SPEC section 8: a warning, not a silent merge).
func (b *builder) noteTexts(rec *Row) {
	for i, cell := range rec.Cells {
		if b.p.used[i] || i == b.p.month || cell == "" || isNumberLike(cell) {
			continue
		}
		if b.texts == nil {
			b.texts, b.differs = map[Month]map[int]string{}, map[int]Month{}
		}
		seen := b.texts[rec.Month]
		if seen == nil {
			seen = map[int]string{}
			b.texts[rec.Month] = seen
		}
		if first, ok := seen[i]; !ok {
			seen[i] = cell
		} else if first != cell {
			if _, noted := b.differs[i]; !noted {
				b.differs[i] = rec.Month
			}
		}
	}
}

// isNumberLike reports whether a cell reads as a number, so is no name.
func isNumberLike(s string) bool {
	_, err := ParseNum(strings.TrimSuffix(strings.ReplaceAll(s, ",", ""), "%"))
	return err == nil
}

func (b *builder) finish() {
	cols := make([]int, 0, len(b.differs))
	for i := range b.differs {
		cols = append(cols, i)
	}
	slices.Sort(cols)
	for _, i := range cols {
		b.d.Warnings = append(b.d.Warnings, fmt.Sprintf("rows of %s were combined, but column %s differs between them: is it the agent? If so, say which column is the agent",
			b.differs[i], Clip(b.header[i])))
	}
	for ai := range b.d.Agents {
		months := b.months[ai]
		slices.SortFunc(months, func(x, y *monthAccounts) int { return int(x.month - y.month) })
		b.d.Agents[ai].Months = make([]MonthData, 0, len(months))
		for _, ma := range months {
			md := MonthData{Month: ma.month, Rows: ma.rows, Inputs: make([]Input, len(b.sc.Metrics))}
			for i := range b.sc.Metrics {
				md.Inputs[i] = ma.accs[i].input(b.sc, &b.sc.Metrics[i], b.p.modes[i])
			}
			b.d.Agents[ai].Months = append(b.d.Agents[ai].Months, md)
		}
		b.months[ai] = nil // its accounts are months now: let them go while the next agent's are turned
	}
}
