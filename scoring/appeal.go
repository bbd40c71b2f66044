package scoring

import "fmt"

// TakeOut is the input of a month with some counted events taken out, as
// when a survey or a sale is disputed: removed holds how many to take from
// each of the source's counts (in Source.Columns order). The result is a
// what-if, not an official score.
func (sc *Scorecard) TakeOut(m *Metric, in Input, removed []Num) (Input, error) {
	cols := m.Source.Columns()
	if m.Source.Kind != FromRatio && m.Source.Kind != FromNPS && m.Source.Kind != FromDeduct {
		return Input{}, fmt.Errorf("%s is not counted, so nothing can be taken out of it", m.Label)
	}
	if in.Missing || len(in.Counts) != len(cols) {
		return Input{}, fmt.Errorf("%s has no counts this month, so nothing can be taken out of it", m.Label)
	}
	if len(removed) != len(cols) {
		return Input{}, fmt.Errorf("%s: give a number to take out of each of %v", m.Label, cols)
	}
	counts := make([]Num, len(cols))
	for i, r := range removed {
		switch {
		case r.Sign() < 0 || !r.IsInt():
			return Input{}, fmt.Errorf("%s: take out a whole number of %s, 0 or more, not %s", m.Label, cols[i], r.Short(2))
		case in.Counts[i].Less(r):
			return Input{}, fmt.Errorf("%s: the month has %s %s, so %s cannot be taken out", m.Label, in.Counts[i].Short(2), cols[i], r.Short(2))
		}
		counts[i] = in.Counts[i].Sub(r)
	}
	if m.Source.Kind == FromRatio && !in.Counts[1].Less(in.Counts[0]) && counts[1].Less(counts[0]) {
		return Input{}, fmt.Errorf("%s: that leaves %s %s but only %s %s; each of the %s is also one of the %s, so take it out of both",
			m.Label, counts[0].Short(2), cols[0], counts[1].Short(2), cols[1], cols[0], cols[1])
	}
	out := Input{Counts: counts, Weight: in.Weight, Weighted: in.Weighted}
	v, ok := sc.ValueFromCounts(m, counts)
	out.Value, out.Missing = v, !ok
	return out, nil
}
