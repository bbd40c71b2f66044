package state

import (
	"slices"

	"passline/scoring"
)

// Appeal is the appeal what-if: the month's own data with disputed counts
// taken out, against the month as recorded. It is never an official score.
type Appeal struct {
	Metrics  []AppealMetric // the metrics with counts, scorecard order
	Official scoring.MonthResult
	After    scoring.MonthResult
	Changed  bool // something is taken out
}

// AppealMetric is one counted metric of the appeal what-if.
type AppealMetric struct {
	Index   int
	Columns []string
	Counts  []scoring.Num // as recorded
	Removed []scoring.Num // taken out, per column
	After   scoring.Input
	Err     error // the engine refused what is taken out; the metric stays as recorded
}

// appealOf works out the appeal what-if of a month of data.
func appealOf(sc *scoring.Scorecard, m Model, month scoring.Month, base []scoring.Input) Appeal {
	a := Appeal{Official: sc.ScoreMonth(month, base)}
	inputs := slices.Clone(base)
	for i := range sc.Metrics {
		mt, in := &sc.Metrics[i], base[i]
		k := mt.Source.Kind
		if in.Missing || in.Counts == nil || (k != scoring.FromRatio && k != scoring.FromNPS && k != scoring.FromDeduct) {
			continue
		}
		am := AppealMetric{Index: i, Columns: mt.Source.Columns(), Counts: in.Counts}
		removed := make([]scoring.Num, len(am.Columns))
		any := false
		for j, col := range am.Columns {
			n := m.TakenOut[mt.ID+"."+col] // a whole number: Update and the restore checked it
			am.Removed = append(am.Removed, n)
			removed[j] = n
			any = any || !n.IsZero()
		}
		if any {
			am.After, am.Err = sc.TakeOut(mt, in, removed)
			if am.Err == nil {
				inputs[i] = am.After
				a.Changed = true
			}
		}
		a.Metrics = append(a.Metrics, am)
	}
	a.After = sc.ScoreMonth(month, inputs)
	return a
}
