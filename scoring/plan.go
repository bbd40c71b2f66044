package scoring

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// plan maps a file's header onto a scorecard: which column holds the month,
// the agent, and each metric's source or direct value (SPEC sections 3, 8
// and 9), and in which unit a column's bare numbers are.
type plan struct {
	sc           *Scorecard
	month, agent int // column indexes, −1 when absent
	modes        []InputMode
	cols         [][]int      // per metric: source columns, or the one direct column
	weight       []int        // per metric: the weight_by column, or −1
	kinds        [][]cellKind // per metric: the cell type of each of cols
	decimalComma bool
	used         map[int]bool
	// recognised says the header holds a name Passline knows: the month,
	// the agent, a metric or a source column (SPEC section 9's header row).
	recognised bool
	// unit is, by column, the unit of its bare numbers when it is not the
	// engine's own (seconds, percent); said marks those the user chose.
	unit map[int]ColumnUnit
	said map[int]bool
	// value is, per metric, the column holding its own value (a direct
	// column or a column source), or −1; altWeight a calls or contacts
	// column that could weight it, for the plain-mean note.
	value, altWeight []int
	// doubts follows the columns whose unit may be in doubt (fractions,
	// milliseconds), by column.
	doubts map[int]*doubtTrack
	altCol int // the calls or contacts column of altWeight, or −1
}

// doubtTrack watches one column's values for a unit in doubt.
type doubtTrack struct {
	unit    ColumnUnit // UnitFraction or UnitMS
	all     bool       // every value so far fits the doubt
	strict  bool       // fractions: one lies strictly between 0 and 1
	seen    bool
	example string
	value   Num
}

func (t *doubtTrack) see(text string, v Num) {
	if t.unit == UnitMS && (!isPlainDecimal(text) || v.IsZero()) {
		return // only bare numbers are in doubt (7:35 says its unit), and 0 is 0 in any unit
	}
	if !t.seen {
		t.seen, t.all, t.example, t.value = true, true, text, v
	}
	switch t.unit {
	case UnitFraction:
		t.all = t.all && v.Sign() >= 0 && !N(1).Less(v)
		t.strict = t.strict || v.Sign() > 0 && v.Less(N(1))
	case UnitMS:
		t.all = t.all && !v.Less(N(10000))
	}
}

func (t *doubtTrack) doubted() bool {
	return t.seen && t.all && (t.unit == UnitMS || t.strict)
}

// newPlan plans the columns: chosen (key → column, checked by
// chosenColumns) beats every automatic match, a column chosen for one key
// is matched to no other, and an unused one (the user said so) to none.
// Section 3's names come first, then section 8's other names for the month
// and agent, then section 9's (aliases, unit suffixes, camel case). units
// are the units the user gave columns, by index.
func newPlan(sc *Scorecard, header []string, decimalComma bool, chosen map[string]int, unused map[int]bool, units map[int]ColumnUnit) *plan {
	taken := maps.Clone(unused)
	if taken == nil {
		taken = map[int]bool{}
	}
	for _, i := range chosen {
		taken[i] = true
	}
	first := map[string]int{} // column key -> first column with that name
	for i, h := range header {
		k := ColumnKey(h)
		if _, seen := first[k]; !seen && k != "" && !taken[i] {
			first[k] = i
		}
	}
	find := func(name string) int {
		if i, ok := chosen[name]; ok {
			return i
		}
		if i, ok := first[ColumnKey(name)]; ok {
			return i
		}
		return -1
	}
	n := len(sc.Metrics)
	p := &plan{sc: sc, month: find("month"), agent: find("agent"), decimalComma: decimalComma, used: map[int]bool{},
		modes: make([]InputMode, n), cols: make([][]int, n), weight: make([]int, n), value: make([]int, n), altWeight: make([]int, n),
		unit: map[int]ColumnUnit{}, said: map[int]bool{}, recognised: len(chosen) > 0}
	markUsed := func() {
		p.used[p.month], p.used[p.agent] = true, true
		for mi := range sc.Metrics {
			for _, c := range append(slices.Clone(p.cols[mi]), p.weight[mi]) {
				p.used[c] = true
			}
		}
		delete(p.used, -1)
	}
	// Section 3: names as written.
	for mi, m := range sc.Metrics {
		mode, cols, weight := NoInput, []int(nil), -1
		srcCols := m.Source.Columns()
		for _, c := range srcCols {
			cols = append(cols, find(c))
		}
		direct, chose := chosen[m.ID]
		switch {
		case chose: // a header chosen for the metric: its value, given directly
			mode, cols = DirectInput, []int{direct}
		case len(srcCols) > 0 && !slices.Contains(cols, -1):
			mode = SourceInput
		default:
			p.recognised = p.recognised || slices.ContainsFunc(cols, func(i int) bool { return i >= 0 })
			if i := firstFound(find(m.ID), find(m.Label)); i >= 0 { // an id column beats a label column
				mode, cols = DirectInput, []int{i}
			} else {
				cols = nil
			}
		}
		if m.Source.Kind == FromColumn && m.Source.WeightBy != "" && mode != NoInput {
			weight = find(m.Source.WeightBy)
		}
		p.modes[mi], p.cols[mi], p.weight[mi] = mode, cols, weight
	}
	markUsed()
	// Section 8: other names for the month and the agent, the first
	// header, left to right, named one of them that nothing else took.
	alias := func(names []string) int {
		for i, h := range header {
			if slices.Contains(names, ColumnKey(h)) && !p.used[i] && !taken[i] {
				return i
			}
		}
		return -1
	}
	if p.month < 0 {
		p.month = alias(monthAliases)
	}
	if p.agent < 0 {
		p.agent = alias(agentAliases)
	}
	markUsed()
	p.section9(header, find, taken, first)
	markUsed()
	p.recognised = p.recognised || len(p.used) > 0
	for mi := range sc.Metrics {
		m := &sc.Metrics[mi]
		kinds := sourceKinds(m)
		p.value[mi] = -1
		switch {
		case p.modes[mi] == DirectInput:
			kinds = []cellKind{valueKind(m.Unit)}
			p.value[mi] = p.cols[mi][0]
		case p.modes[mi] == SourceInput && m.Source.Kind == FromColumn:
			p.value[mi] = p.cols[mi][0]
		}
		p.kinds = append(p.kinds, kinds)
	}
	p.planUnits(header, units)
	return p
}

// section9 matches, for what sections 3 and 8 left without a column, the
// headers SPEC section 9 adds: the month's and agent's other names, and
// columns by their aliases, without a unit suffix, or in camel case. A
// header taken already is not taken again; the first match, left to
// right, wins.
func (p *plan) section9(header []string, find func(string) int, taken map[int]bool, first map[string]int) {
	// Most headers are plain words: their only key is the one written, so
	// they are found through first (the first header of each key).
	// Only headers in camel case or with a unit suffix have more keys;
	// those are worked out once, when first needed (a header of millions
	// of plain columns costs one map, not millions of key lists).
	var special []int
	var keys map[int][]string
	wide := func(names []string) int {
		if keys == nil {
			keys = map[int][]string{}
			for i, h := range header {
				if mayHaveMoreKeys(h) {
					special = append(special, i)
				}
			}
		}
		best := -1
		free := func(i int) bool { return !taken[i] && !p.used[i] && (best < 0 || i < best) }
		for _, n := range names {
			i, ok := first[n] // the first header of that name not taken
			if !ok {
				continue
			}
			if p.used[i] { // used already: a later one of the same name (rare)
				i = -1
				for j := range header {
					if ColumnKey(header[j]) == n && !taken[j] && !p.used[j] {
						i = j
						break
					}
				}
			}
			if i >= 0 && free(i) {
				best = i
			}
		}
		for _, i := range special {
			if !free(i) {
				continue
			}
			ks, ok := keys[i]
			if !ok {
				ks = headerKeys(header[i])
				keys[i] = ks
			}
			if slices.ContainsFunc(ks, func(k string) bool { return slices.Contains(names, k) }) {
				best = i
			}
		}
		return best
	}
	take := func(i int) int {
		if i >= 0 {
			p.used[i] = true
		}
		return i
	}
	if p.month < 0 {
		p.month = take(wide(slices.Concat([]string{"month"}, monthAliases, monthAliases9)))
	}
	if p.agent < 0 {
		p.agent = take(wide(slices.Concat([]string{"agent"}, agentAliases, agentAliases9)))
	}
	got := map[string]int{} // a source column found here serves every metric that names it
	column := func(name string) int {
		if i := find(name); i >= 0 {
			return i
		}
		if i, ok := got[name]; ok {
			return i
		}
		i := wide(namesOf(name))
		if i >= 0 {
			got[name] = i
		}
		return i
	}
	for mi := range p.sc.Metrics {
		m := &p.sc.Metrics[mi]
		if p.modes[mi] == NoInput {
			srcCols := m.Source.Columns()
			cols := make([]int, len(srcCols))
			for j, c := range srcCols {
				cols[j] = column(c)
			}
			switch {
			case len(srcCols) > 0 && !slices.Contains(cols, -1):
				p.modes[mi], p.cols[mi] = SourceInput, cols
				for _, c := range cols {
					take(c)
				}
			default:
				p.recognised = p.recognised || slices.ContainsFunc(cols, func(i int) bool { return i >= 0 })
				if i := wide(append(namesOf(m.ID), ColumnKey(m.Label))); i >= 0 {
					p.modes[mi], p.cols[mi] = DirectInput, []int{take(i)}
				}
			}
		}
		if m.Source.Kind == FromColumn && m.Source.WeightBy != "" && p.modes[mi] != NoInput && p.weight[mi] < 0 {
			p.weight[mi] = take(column(m.Source.WeightBy))
		}
	}
}

// planUnits says in which unit each duration and percent column's bare
// numbers are (the user's choice, else the header's suffix), which ones
// to watch for a unit in doubt, and which column could weight a plain mean.
func (p *plan) planUnits(header []string, units map[int]ColumnUnit) {
	var calls int = -2 // a calls or contacts column, found once when needed
	for mi := range p.sc.Metrics {
		m := &p.sc.Metrics[mi]
		p.altWeight[mi] = -1
		col := p.value[mi]
		if col < 0 && p.modes[mi] == SourceInput && m.Source.Kind == FromRatio && m.Unit == Seconds {
			col = p.cols[mi][0] // talk time over calls: the talk time's unit
		}
		if col < 0 {
			continue
		}
		own := col == p.value[mi]
		switch u, said := units[col]; {
		case said:
			p.unit[col], p.said[col] = u, true
		case m.Unit == Seconds && headerUnit(header[col]) != "":
			p.unit[col] = headerUnit(header[col])
		case m.Unit == Seconds && own:
			p.watch(col, UnitMS)
		case m.Unit == Percent && own:
			p.watch(col, UnitFraction)
		}
		if own && m.Source.WeightBy == "" && m.Unit != Points {
			if calls == -2 {
				calls = -1
				for i, h := range header {
					k := headerKeys(h)
					if slices.ContainsFunc(k, func(s string) bool {
						return slices.Contains(namesOf("calls"), s) || slices.Contains(namesOf("contacts"), s)
					}) {
						calls = i
						break
					}
				}
			}
			p.altWeight[mi] = calls
		}
	}
	p.altCol = max(calls, -1)
}

func (p *plan) watch(col int, u ColumnUnit) {
	if p.doubts == nil {
		p.doubts = map[int]*doubtTrack{}
	}
	p.doubts[col] = &doubtTrack{unit: u}
}

// unitFits says what is wrong with giving column i unit u, or "".
func (p *plan) unitFits(i int, u ColumnUnit, header []string) string {
	for mi := range p.sc.Metrics {
		m := &p.sc.Metrics[mi]
		numerator := p.modes[mi] == SourceInput && m.Source.Kind == FromRatio && m.Unit == Seconds && p.cols[mi][0] == i
		if p.value[mi] != i && !numerator {
			continue
		}
		switch {
		case m.Unit == Seconds && u.duration(), m.Unit == Percent && !numerator && (u == UnitFraction || u == UnitPercent):
			return ""
		case m.Unit == Seconds:
			return fmt.Sprintf("the column %s is read as %s, a duration: give it ms, s, min or h", Clip(header[i]), m.Label)
		case m.Unit == Percent:
			return fmt.Sprintf("the column %s is read as %s, a percentage: give it fraction or percent", Clip(header[i]), m.Label)
		}
		return fmt.Sprintf("the column %s is read as %s, which has no unit to choose", Clip(header[i]), m.Label)
	}
	return fmt.Sprintf("the column %s is not read as a duration or a percentage, so it has no unit to choose", Clip(header[i]))
}

// uses says what each header was read as.
func (p *plan) uses(header []string) []ColumnUse {
	out := make([]ColumnUse, len(header))
	for i, h := range header {
		out[i].Header = h
		switch {
		case i == p.month:
			out[i].Key = "month"
		case i == p.agent:
			out[i].Key = "agent"
		}
	}
	for mi, m := range p.sc.Metrics {
		switch p.modes[mi] {
		case DirectInput:
			out[p.cols[mi][0]].Key = m.ID
		case SourceInput:
			for j, c := range m.Source.Columns() {
				if out[p.cols[mi][j]].Key == "" {
					out[p.cols[mi][j]].Key = c
				}
			}
		}
		if w := p.weight[mi]; w >= 0 && out[w].Key == "" {
			out[w].Key = m.Source.WeightBy
		}
		col := p.value[mi]
		if col < 0 && p.modes[mi] == SourceInput && m.Source.Kind == FromRatio && m.Unit == Seconds {
			col = p.cols[mi][0]
		}
		if col >= 0 && (m.Unit == Seconds || m.Unit == Percent) {
			u, ok := p.unit[col]
			if !ok {
				u = map[Unit]ColumnUnit{Seconds: UnitSeconds, Percent: UnitPercent}[m.Unit]
			}
			out[col].Unit, out[col].Said = u, p.said[col]
		}
	}
	return out
}

func firstFound(idx ...int) int {
	for _, i := range idx {
		if i >= 0 {
			return i
		}
	}
	return -1
}

// keys names each column for the record: month, agent, used or not.
func (p *plan) keys(n int) []string {
	keys := make([]string, n)
	for i := range keys {
		switch {
		case i == p.month:
			keys[i] = fmt.Sprintf("month:%d", i)
		case i == p.agent:
			keys[i] = fmt.Sprintf("agent:%d", i)
		case p.used[i] || i == p.altCol:
			keys[i] = fmt.Sprintf("c%d", i)
		case p.agent < 0:
			keys[i] = fmt.Sprintf("u%d", i) // unused, but read: is it the agent? (a warning)
		}
	}
	return keys
}

func (p *plan) ignored(header []string) []string {
	var out []string
	for i, h := range header {
		if !p.used[i] && h != "" {
			out = append(out, h)
		}
	}
	return out
}

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

// mayHaveMoreKeys reports whether a header has keys besides the one
// written (headerKeys): a capital letter after a small one or a digit
// (camel case), or an ending a unit suffix can have.
func mayHaveMoreKeys(h string) bool {
	h = strings.TrimSpace(h)
	if h == "" {
		return false
	}
	for i := 1; i < len(h); i++ {
		if h[i] >= 'A' && h[i] <= 'Z' && (h[i-1] >= 'a' && h[i-1] <= 'z' || h[i-1] >= '0' && h[i-1] <= '9' || i+1 < len(h) && h[i+1] >= 'a' && h[i+1] <= 'z' && h[i-1] >= 'A' && h[i-1] <= 'Z') {
			return true
		}
	}
	last := h[len(h)-1]
	return last == ')' || last == '%' || len(h) > 5 && strings.EqualFold(h[len(h)-5:], "count")
}
