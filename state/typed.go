package state

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"passline/scoring"
)

// Months typed by hand: an agent with no file adds her months and types
// each metric's value, or its counts. They are data like a paste: saved,
// scored, in the team view and the quarter, written in the results file.

// TypedMonth is one month typed by hand.
type TypedMonth struct {
	Agent string `json:"agent,omitempty"` // whose month: an agent of the data, or Me (also "")
	Month string `json:"month"`           // "2026-10"
	// Values holds, by metric id, a value in the metric's unit (points
	// for a deduct metric); Counts, by source column, a count (calls,
	// surveys, late…). A metric whose source columns all have counts is
	// worked out from them, as a file's would be.
	Values map[string]scoring.Num `json:"values,omitempty"`
	Counts map[string]scoring.Num `json:"counts,omitempty"`
}

// Me is the agent of months typed with no file in use.
const Me = "Me"

// typedIndex is the index of agent's month mo among m's typed months, or
// -1.
func (m Model) typedIndex(agent, mo string) int {
	return slices.IndexFunc(m.Typed, func(t TypedMonth) bool { return agentName(t.Agent) == agent && t.Month == mo })
}

// TypedMonths is agent's months typed by hand, in time order.
func (m Model) TypedMonths(agent string) []TypedMonth {
	var out []TypedMonth
	for _, t := range m.Typed {
		if agentName(t.Agent) == agentName(agent) {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Month < out[j].Month })
	return out
}

// typedInputs is a typed month's inputs, one per metric: from its counts
// when every source column has one (a deduct metric's missing kinds of
// incident count as none), else from its value, else missing.
func typedInputs(sc *scoring.Scorecard, t TypedMonth) []scoring.Input {
	inputs := make([]scoring.Input, len(sc.Metrics))
	for i := range sc.Metrics {
		mt := &sc.Metrics[i]
		inputs[i] = scoring.Input{Missing: true}
		if counts, ok := typedCounts(mt, t.Counts); ok {
			v, ok := sc.ValueFromCounts(mt, counts)
			inputs[i] = scoring.Input{Value: v, Counts: counts, Missing: !ok}
			continue
		}
		if v, ok := t.Values[mt.ID]; ok {
			inputs[i] = scoring.Input{Value: v, Direct: true}
		}
	}
	return inputs
}

// typedCounts is the counts of m's source columns in counts, in source
// order; ok is false when one is missing (for a deduct source: when none
// is given).
func typedCounts(m *scoring.Metric, counts map[string]scoring.Num) ([]scoring.Num, bool) {
	if m.Source.Kind != scoring.FromRatio && m.Source.Kind != scoring.FromNPS && m.Source.Kind != scoring.FromDeduct {
		return nil, false
	}
	cols := m.Source.Columns()
	out, given := make([]scoring.Num, len(cols)), 0
	for j, c := range cols {
		if n, ok := counts[c]; ok {
			out[j], given = n, given+1
		}
	}
	if given == len(cols) || m.Source.Kind == scoring.FromDeduct && given > 0 {
		return out, true
	}
	return nil, false
}

// mergeTyped adds m's typed months to d: each to its agent (a new one if
// the data has no such agent), in time order, in place of a month of the
// same agent the data has.
func mergeTyped(sc *scoring.Scorecard, d *scoring.Data, m Model) {
	for _, t := range m.Typed {
		mo, err := monthOf(t.Month)
		if err != nil {
			continue // salvage drops it
		}
		name := agentName(t.Agent)
		a := d.Agent(name)
		if a == nil {
			d.Agents = append(d.Agents, scoring.AgentData{Name: name})
			a = &d.Agents[len(d.Agents)-1]
		}
		md := scoring.MonthData{Month: mo, Inputs: typedInputs(sc, t)}
		k, found := slices.BinarySearchFunc(a.Months, mo, func(x scoring.MonthData, mo scoring.Month) int { return int(x.Month - mo) })
		if found {
			a.Months[k] = md
		} else {
			a.Months = slices.Insert(a.Months, k, md)
		}
		d.Rows++
	}
}

// monthOf reads a month written as 2026-10.
func monthOf(text string) (scoring.Month, error) {
	if err := checkMonth(text); err != nil {
		return 0, err
	}
	var mo scoring.Month
	err := mo.UnmarshalCSV(text)
	return mo, err
}

// ReadTypedValue reads a metric's value typed for a month, as people type
// on a phone (typedText); "" is none. A value that cannot be meant as it
// stands is a *Doubt.
func ReadTypedValue(sc *scoring.Scorecard, id, text string) (*scoring.Num, error) {
	m := sc.Metric(id)
	if m == nil {
		return nil, fmt.Errorf("there is no metric %s in this scorecard", scoring.Clip(id))
	}
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	unit := m.Unit
	if m.Source.Kind == scoring.FromDeduct {
		unit = scoring.Points // a deduct metric's value is its points
	}
	typed := typedText(unit, text)
	v, err := ReadValue(unit, typed)
	if err != nil {
		return nil, fmt.Errorf("%s: %s is not %s", m.Label, scoring.Clip(text), err)
	}
	if d := doubt(m, typed, v); d != nil {
		return nil, d // asked before it is used, as a what-if typed is
	}
	if unit == scoring.Points && (v.Less(sc.Scale.Lowest()) || sc.Scale.Highest().Less(v)) {
		return nil, fmt.Errorf("%s: %s points is off the scale: write from %d to %d", m.Label, v.Short(2), sc.Scale.Min, sc.Scale.Max)
	}
	if err := sc.CheckValue(m, v); unit != scoring.Points && err != nil {
		return nil, fmt.Errorf("%s: %s is not %v", m.Label, MetricValue(m, v), err)
	}
	return &v, nil
}

// ReadTypedCount reads a count typed for a month (calls, surveys, late…):
// a whole number, 0 or more; "" is none.
func ReadTypedCount(column, text string) (*scoring.Num, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, nil
	}
	if m := dottedThousands.FindStringSubmatch(text); m != nil {
		// 1.520: a thousands dot (a spreadsheet set to a decimal comma) or
		// a decimal point? Asked, never guessed (issue 25: 1.52 calls made
		// an offer rate of 3,947 % without a word).
		whole := strings.ReplaceAll(text, ".", "")
		dec := strings.TrimSuffix(strings.TrimRight(text, "0"), ".")
		return nil, &Doubt{Question: fmt.Sprintf("%s %s: %s or %s?", text, column, groupThousands(whole), dec),
			Choices: []Choice{{groupThousands(whole) + " " + column, whole}, {dec + " " + column, dec}}}
	}
	var n scoring.AmountCell // fractional counts come from averaged sheets
	if err := n.UnmarshalCSV(typedCount(text)); err != nil || n.Blank {
		return nil, fmt.Errorf("%s: %s is not a count: write a number of 0 or more, such as 25", column, scoring.Clip(text))
	}
	return &n.Value, nil
}

// ReadTypedCountIn reads a count typed for column in typed month t (as
// ReadTypedCount does) and asks about one that makes a share over 100 %
// with a count already typed there (600 offers on 520 calls), as a share
// typed over 100 % is asked about (issue 25). Text starting with "=" is
// kept as typed, unasked: the answer that keeps it.
func ReadTypedCountIn(sc *scoring.Scorecard, t TypedMonth, column, text string) (*scoring.Num, error) {
	text = strings.TrimSpace(text)
	if kept, ok := strings.CutPrefix(text, "="); ok {
		return ReadTypedCount(column, kept)
	}
	n, err := ReadTypedCount(column, text)
	if err != nil || n == nil {
		return n, err
	}
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		if m.Source.Kind != scoring.FromRatio || m.Unit != scoring.Percent {
			continue
		}
		num, den := t.Counts[m.Source.Num], t.Counts[m.Source.Den]
		switch column {
		case m.Source.Num:
			num = *n
		case m.Source.Den:
			den = *n
		default:
			continue
		}
		if den.Sign() <= 0 || !den.Less(num) {
			continue
		}
		share := num.Mul(scoring.N(100)).Div(den)
		return nil, &Doubt{
			Question: fmt.Sprintf("%s %s on %s %s makes %s %s, and a share cannot pass %s. Keep %s %s?",
				num.Short(4), ColumnWords(m.Source.Num), den.Short(4), ColumnWords(m.Source.Den), m.Label, FormatValue(scoring.Percent, share),
				FormatValue(scoring.Percent, scoring.N(100)), n.Short(4), ColumnWords(column)),
			Choices: []Choice{{"Keep " + n.Short(4) + " " + ColumnWords(column), "=" + n.Short(4)}, {"Clear it", ""}},
		}
	}
	return n, nil
}

// dottedThousands is a count written as 1.520 or 12.345.678: groups of
// three digits after dots, which a spreadsheet set to a decimal comma
// writes for thousands.
var dottedThousands = regexp.MustCompile(`^([1-9]\d{0,2})(\.\d{3})+$`)

// groupThousands writes a whole number with commas: 1520 is "1,520".
func groupThousands(digits string) string {
	for i := len(digits) - 3; i > 0; i -= 3 {
		digits = digits[:i] + "," + digits[i:]
	}
	return digits
}

// typed applies a message about months typed by hand.
func (u *updater) typed(m Model, msg Msg) (Model, error) {
	next := m
	next.Typed = slices.Clone(m.Typed)
	switch msg := msg.(type) {
	case AddMonth:
		mo, err := monthOf(msg.Month)
		if err != nil {
			return m, err
		}
		agent := agentName(msg.Agent)
		if m.Data == DefaultData { // the example makes way for the agent's own months
			next.Data, agent = "", Me
			next.clearWhatIfs()
		}
		if next.typedIndex(agent, msg.Month) >= 0 {
			return m, fmt.Errorf("%s is typed already: change its values below", MonthLabel(mo))
		}
		if hasMonth(next, agent, mo) {
			return m, fmt.Errorf("%s is in your data already: move its sliders for a what-if", MonthLabel(mo))
		}
		next.Typed = append(next.Typed, TypedMonth{Agent: agent, Month: msg.Month})
		next.Agent, next.Month = agent, msg.Month
		// What-ifs made for this month while it was still to come are put
		// away: from now on it has its own numbers (issue 24). So is a plan
		// A kept for it, or for a month before it.
		next.WhatIfs, next.Points = without(next.WhatIfs, msg.Month), without(next.Points, msg.Month)
		if pl := next.PlanA; pl != nil {
			if pm, err := monthOf(pl.Month); err != nil || pm <= mo {
				next.PlanA = nil
			}
		}
	case SetTypedValue:
		k := m.typedIndex(agentName(msg.Agent), msg.Month)
		if k < 0 {
			return m, fmt.Errorf("%s is not a month typed by hand", scoring.Clip(msg.Month))
		}
		next.Typed[k].Values = withOptional(m.Typed[k].Values, msg.Metric, msg.Value)
	case SetTypedCount:
		k := m.typedIndex(agentName(msg.Agent), msg.Month)
		if k < 0 {
			return m, fmt.Errorf("%s is not a month typed by hand", scoring.Clip(msg.Month))
		}
		if msg.Value != nil && msg.Value.Sign() < 0 {
			return m, fmt.Errorf("%s: %s is not a count: write a number of 0 or more", msg.Column, msg.Value.Short(2))
		}
		next.Typed[k].Counts = withOptional(m.Typed[k].Counts, msg.Column, msg.Value)
	case RemoveMonth:
		k := m.typedIndex(agentName(msg.Agent), msg.Month)
		if k < 0 {
			return m, fmt.Errorf("%s is not a month typed by hand", scoring.Clip(msg.Month))
		}
		next.Typed = slices.Delete(next.Typed, k, k+1)
		if len(next.Typed) == 0 {
			next.Typed = nil
			if next.Data == "" {
				next.Data = DefaultData // nothing left: the example again
			}
		}
		if next.Month == msg.Month {
			next.Month = ""
		}
		next.WhatIfs, next.Points = without(next.WhatIfs, msg.Month), without(next.Points, msg.Month)
	}
	if err := u.check(next); err != nil {
		return m, err
	}
	return next, nil
}

// agentName is the agent a typed month belongs to: "" is Me.
func agentName(a string) string {
	if a == "" {
		return Me
	}
	return a
}

// hasMonth reports whether the data of m (without its typed months) has
// agent's month mo.
func hasMonth(m Model, agent string, mo scoring.Month) bool {
	if m.Data == "" {
		return false
	}
	bare := m
	bare.Typed = nil
	p, err := Prepare(bare)
	if err != nil {
		return false
	}
	a := p.Data.Agent(agent)
	return a != nil && slices.ContainsFunc(a.Months, func(md scoring.MonthData) bool { return md.Month == mo })
}

// goodTyped keeps the typed months and values that can be used, and adds
// what it drops to dropped: a month that is not one, twice the same, a
// value of a metric the scorecard lacks or out of its range, a negative
// count.
func goodTyped(sc *scoring.Scorecard, typed []TypedMonth, dropped []string) ([]TypedMonth, []string) {
	var kept []TypedMonth
	seen := map[string]bool{}
	for _, t := range typed {
		key := agentName(t.Agent) + " " + t.Month
		if checkMonth(t.Month) != nil || seen[key] {
			dropped = append(dropped, "the typed month "+scoring.ClipPlain(t.Month))
			continue
		}
		seen[key] = true
		for _, id := range SortedKeys(t.Values) {
			m := sc.Metric(id)
			if m == nil || (m.Source.Kind != scoring.FromDeduct && sc.CheckValue(m, t.Values[id]) != nil) {
				t.Values = without(t.Values, id)
				dropped = append(dropped, t.Month+" "+scoring.ClipPlain(id))
			}
		}
		for _, col := range SortedKeys(t.Counts) {
			if t.Counts[col].Sign() < 0 {
				t.Counts = without(t.Counts, col)
				dropped = append(dropped, t.Month+" "+scoring.ClipPlain(col))
			}
		}
		kept = append(kept, t)
	}
	return kept, dropped
}

// FromCounts says, for each metric of a typed month worked out from its
// counts, the value they give: "92 % from the counts". Its value input
// shows it, so the agent sees what the counts made of it.
func FromCounts(sc *scoring.Scorecard, t TypedMonth) map[string]string {
	out := map[string]string{}
	for i, in := range typedInputs(sc, t) {
		m := &sc.Metrics[i]
		if in.Counts == nil {
			continue
		}
		if in.Missing {
			out[m.ID] = "no value from the counts"
			continue
		}
		v := MetricValue(m, in.Value)
		if m.Source.Kind == scoring.FromDeduct {
			v = PointsText(in.Value)
		}
		out[m.ID] = v + " from the counts"
	}
	return out
}
