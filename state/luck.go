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

// ChancesShown is which of a metric's chances survey luck lists (indexes,
// lowest level first): every level but the lowest, which is certain. Past
// ManyBands levels (interpolated bands give one a point step), a run of
// levels whose chances read the same is one line: its highest level (at
// least that many points, as likely as each below it), or, for a run at
// "0 %", its lowest (none above it is possible). Issue 25: a scorecard at
// the limits listed a hundred lines of "100 %" a metric.
func ChancesShown(chances []scoring.Chance) []int {
	var out []int
	for j := 1; j < len(chances); j++ {
		if len(chances) <= ManyBands+1 {
			out = append(out, j)
			continue
		}
		text := ChanceText(chances[j].AtLeast)
		switch {
		case text == ChanceText(0):
			if j == 1 || ChanceText(chances[j-1].AtLeast) != text {
				out = append(out, j)
			}
		case j == len(chances)-1 || ChanceText(chances[j+1].AtLeast) != text:
			out = append(out, j)
		}
	}
	return out
}
