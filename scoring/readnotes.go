package scoring

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// notes says in words what the read did besides reading cells (SPEC
// section 9), in the order a reader meets it: lines skipped above the
// header, total rows left out, dates read from Excel serials, rows
// combined and how each value was combined, units taken from a header or
// chosen; and which columns' units are in doubt (Data.Doubts).
func (r *DataReader) notes() {
	d, p := r.d, r.p
	add := func(format string, args ...any) { d.Notes = append(d.Notes, fmt.Sprintf(format, args...)) }
	if n := len(r.skipped); n > 0 {
		q := make([]string, n)
		for i, l := range r.skipped {
			q[i] = Clip(l)
		}
		add("%s above the header %s skipped: %s", countWord(n, "line"), map[bool]string{true: "was", false: "were"}[n == 1], ShortList(q, 5))
	}
	if n := len(d.Totals); n > 0 {
		add("%s left out (%s %s): a total or summary is not an agent", countWord(n, "total row"), map[bool]string{true: "row", false: "rows"}[n == 1], rowList(d.Totals))
	}
	if r.serial != "" {
		m, _ := ParseMonth(r.serial, "")
		add("the month column holds Excel serial dates (%s is in %s)", r.serial, m)
	}
	d.Notes = append(d.Notes, r.combined...)
	r.overHundred(add)
	for _, u := range d.Columns {
		if u.Unit == "" || u.Unit == UnitSeconds && !u.Said || u.Unit == UnitPercent && !u.Said {
			continue
		}
		how := "from its header"
		if u.Said {
			how = "you said"
		}
		add("%s read %s (%s)", Clip(u.Header), u.Unit.Words(), how)
	}
	for _, col := range slices.Sorted(maps.Keys(p.doubts)) {
		t := p.doubts[col]
		if !t.doubted() {
			continue
		}
		doubt := UnitDoubt{Header: r.header[col], Unit: t.unit, Example: t.example, Value: t.value, Held: r.ask && t.unit == UnitFraction}
		d.Doubts = append(d.Doubts, doubt)
		if doubt.Held {
			r.hold(col)
		}
	}
}

// combinedNotes says how rows were combined into agent-months and how each
// value was averaged; it reads the builder's accounts, so it runs before
// they are turned into months (and let go, agent by agent).
func (r *DataReader) combinedNotes() []string {
	d, p, b := r.d, r.p, r.b
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	combined, rows, months := false, 0, 0
	for ai := range b.months {
		for _, ma := range b.months[ai] {
			rows += len(ma.rows)
			months++
			combined = combined || len(ma.rows) > 1
		}
	}
	if combined {
		add("%s of %s, combined into %s", countWord(rows, "row"), countWord(len(d.Agents), "agent"), countWord(months, "agent-month"))
	}
	for mi := range r.sc.Metrics {
		m := &r.sc.Metrics[mi]
		if p.value[mi] < 0 {
			continue
		}
		first, name := r.firstCombined(mi)
		if first == nil {
			continue
		}
		acc := &first.accs[mi]
		switch w := p.weight[mi]; {
		case w >= 0:
			add("%s is a mean weighted by %s", m.Label, Clip(r.header[w]))
		case m.Source.WeightBy != "":
			add("%s should be weighted by %s, which the file lacks: a plain mean of %d values (%s, %s); map the column to weight it",
				m.Label, Clip(m.Source.WeightBy), acc.rows, name, first.month)
		case p.altWeight[mi] >= 0 && acc.vals != nil && acc.vals.alt != nil && !acc.vals.alt.bad && acc.vals.alt.w.Sign() > 0:
			v := acc.vals
			add("%s is a plain mean of %d values (%s, %s: %s); weighted by %s it would be %s",
				m.Label, acc.rows, name, first.month, unitText(v.plain.Div(N(int64(acc.rows))), m.Unit),
				Clip(r.header[p.altWeight[mi]]), unitText(v.alt.sum.Div(v.alt.w), m.Unit))
		}
	}
	return out
}

// hold reads column col as nothing: its metric has no value in any month
// until the user says its unit.
func (r *DataReader) hold(col int) {
	for mi := range r.sc.Metrics {
		if r.p.value[mi] != col {
			continue
		}
		for ai := range r.d.Agents {
			for k := range r.d.Agents[ai].Months {
				r.d.Agents[ai].Months[k].Inputs[mi] = Input{Missing: true}
			}
		}
	}
}

// firstCombined is the first agent-month (in the file's order of agents,
// then time) whose metric mi combined more than one row, and its agent.
func (r *DataReader) firstCombined(mi int) (*monthAccounts, string) {
	for ai, list := range r.b.months {
		for _, ma := range list {
			if ma.accs[mi].rows > 1 {
				return ma, r.d.Agents[ai].Name
			}
		}
	}
	return nil, ""
}

// countWord is "1 row" or "3 rows".
func countWord(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// rowList names rows: "12, 25 and 38", the first ten and a count of the rest.
func rowList(rows []int) string {
	q := make([]string, len(rows))
	for i, r := range rows {
		q[i] = strconv.Itoa(r)
	}
	if len(q) > 10 {
		return strings.Join(q[:10], ", ") + fmt.Sprintf(" and %d more", len(q)-10)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// unitText is a value in its unit for a note: "388.99 s", "91.7 %".
func unitText(v Num, u Unit) string {
	switch u {
	case Seconds:
		return v.Short(2) + " s"
	case Percent:
		return v.Short(2) + " %"
	}
	return v.Short(2)
}

// overHundred notes, for each percent ratio metric, the first agent-month
// whose counts make it over 100 % (issue 25: "1.520" calls in a tab-separated
// paste is 1.52 calls, as SPEC section 8 reads it, and made an offer rate of
// 3,947 % without a word). The month is read as it is.
func (r *DataReader) overHundred(add func(string, ...any)) {
	for mi := range r.sc.Metrics {
		m := &r.sc.Metrics[mi]
		if m.Source.Kind != FromRatio || m.Unit != Percent || r.p.modes[mi] != SourceInput {
			continue
		}
	agents:
		for _, a := range r.d.Agents {
			for _, md := range a.Months {
				if in := md.Inputs[mi]; !in.Missing && N(100).Less(in.Value) {
					add("%s is over 100 %% in %s (%s: %s %% from %s %s and %s %s): check the counts; in a comma- or tab-separated sheet 1.520 is read as 1.52",
						m.Label, md.Month, a.Name, in.Value.Round(2).Short(2), in.Counts[0].Short(4), m.Source.Num, in.Counts[1].Short(4), m.Source.Den)
					break agents
				}
			}
		}
	}
}
