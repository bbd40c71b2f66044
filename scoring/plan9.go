package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// How SPEC section 9 plans a header: its other names, unit suffixes and
// camel case, the units of duration and rate columns, and the columns
// watched for a unit in doubt.

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
