package app

import (
	"fmt"
	"strconv"

	"passline/scoring"
)

// LuckRow is survey luck for one ratio or NPS metric of the what-if month.
type LuckRow struct {
	Metric int // index in the scorecard
	Luck   scoring.Luck
	Err    error
}

// luckFor works out (once per agent, month and assumption) the survey luck
// of every ratio and NPS metric with counts in the month's own data.
func (p *Prepared) luckFor(m Model, agent string, month scoring.Month, base []scoring.Input) []LuckRow {
	var rows []LuckRow
	sc := p.Scorecard
	for i := range sc.Metrics {
		mt, in := &sc.Metrics[i], base[i]
		if in.Missing || in.Counts == nil || (mt.Source.Kind != scoring.FromRatio && mt.Source.Kind != scoring.FromNPS) {
			continue
		}
		n := expectedResponses(mt, in)
		if text, ok := m.Expect[mt.ID]; ok {
			if v, err := strconv.Atoi(text); err == nil {
				n = v
			}
		}
		key := fmt.Sprint(agent, month, i, n)
		row, ok := p.luck[key]
		if !ok {
			row = LuckRow{Metric: i}
			row.Luck, row.Err = sc.SurveyLuck(mt, in, n)
			row.Luck.N = n // shown in the input even when refused
			if p.luck == nil {
				p.luck = map[string]LuckRow{}
			}
			p.luck[key] = row
		}
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
