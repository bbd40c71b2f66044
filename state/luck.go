package state

import (
	"passline/scoring"
)

// LuckRow is survey luck for one ratio or NPS metric of the what-if month.
type LuckRow struct {
	Metric int // index in the scorecard
	Luck   scoring.Luck
	Err    error
}

// luckOf works out the survey luck of every ratio and NPS metric with
// counts in a month's own data.
func luckOf(sc *scoring.Scorecard, m Model, base []scoring.Input) []LuckRow {
	var rows []LuckRow
	for i := range sc.Metrics {
		mt, in := &sc.Metrics[i], base[i]
		if in.Missing || in.Counts == nil || (mt.Source.Kind != scoring.FromRatio && mt.Source.Kind != scoring.FromNPS) {
			continue
		}
		n := expectedResponses(mt, in)
		if v, ok := m.Expect[mt.ID]; ok {
			n = int(v.Int64())
		}
		row := LuckRow{Metric: i}
		row.Luck, row.Err = sc.SurveyLuck(mt, in, n)
		row.Luck.N = n // shown in the input even when refused
		rows = append(rows, row)
	}
	return rows
}

// expectedResponses is next month's responses when the user has not said:
// as many as this month, within what survey luck can assume.
func expectedResponses(m *scoring.Metric, in scoring.Input) int {
	var total scoring.Num
	if m.Source.Kind == scoring.FromRatio {
		total = in.Counts[1]
	} else {
		for _, c := range in.Counts {
			total = total.Add(c)
		}
	}
	return int(min(max(total.Round(0).Int64(), 1), scoring.MaxLuckResponses))
}

// CountsMonth is the month whose counts v's survey luck comes from: the
// month shown, or, on the next, empty month, the data's latest (whose
// counts it starts from).
func CountsMonth(v View) scoring.Month {
	if v.IsNext {
		return v.Month - 1
	}
	return v.Month
}
