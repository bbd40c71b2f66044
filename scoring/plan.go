package scoring

import (
	"fmt"
	"maps"
	"slices"
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
		unit: map[int]ColumnUnit{}, said: map[int]bool{}}
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
