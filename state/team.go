package state

import (
	"slices"
	"strings"

	"passline/scoring"
)

// TeamRow is one agent in the team view: their latest month and its quarter.
type TeamRow struct {
	Agent   string
	Month   scoring.MonthResult // the agent's latest month
	Quarter scoring.QuarterResult
	// Margin is the month's rounded score minus the pass mark; meaningless
	// for an incomplete month.
	Margin scoring.Num
}

// Failing reports whether the row's month has a score and fails.
func (r TeamRow) Failing() bool { return r.Month.Status != scoring.Incomplete && !r.Month.Pass }

// riskGroup orders rows: failing months first, then incomplete months
// (no score yet: someone should look), then passing months.
func (r TeamRow) riskGroup() int {
	switch {
	case r.Failing():
		return 0
	case r.Month.Status == scoring.Incomplete:
		return 1
	}
	return 2
}

// quarterGroup orders quarters by how hard they are to rescue: failed, out
// of reach, a need to meet (compareRisk puts the highest first), then the
// rest (secured, passed, or pooled: no single need).
func (r TeamRow) quarterGroup() int {
	q := r.Quarter
	switch {
	case q.Status != scoring.InProgress && !q.Pass:
		return 0
	case q.Need != nil && q.Need.Kind == scoring.OutOfReach:
		return 1
	case q.Need != nil && q.Need.Kind == scoring.Reachable:
		return 2
	}
	return 3
}

// compareRisk sorts by risk, closest to failing first: failing months
// (furthest below the pass mark first), incomplete months, then passing
// months by their margin, smallest first. Ties go to the harder quarter,
// then to the name.
func compareRisk(a, b TeamRow) int {
	if d := a.riskGroup() - b.riskGroup(); d != 0 {
		return d
	}
	if a.riskGroup() != 1 {
		if d := a.Margin.Cmp(b.Margin); d != 0 {
			return d
		}
	}
	if d := a.quarterGroup() - b.quarterGroup(); d != 0 {
		return d
	}
	if a.quarterGroup() == 2 {
		if d := b.Quarter.Need.Exact.Cmp(a.Quarter.Need.Exact); d != 0 {
			return d
		}
	}
	return strings.Compare(a.Agent, b.Agent)
}

// Team scores every agent's latest month and its quarter, sorted by risk.
// It is worked out once per scorecard and data.
func (p *Prepared) Team() []TeamRow {
	if p.team != nil {
		return p.team
	}
	sc := p.Scorecard
	rows := make([]TeamRow, 0, len(p.Data.Agents))
	for _, a := range p.Data.Agents {
		latest := a.Months[len(a.Months)-1]
		mr := sc.ScoreMonth(latest.Month, latest.Inputs)
		rows = append(rows, TeamRow{
			Agent:   a.Name,
			Month:   mr,
			Quarter: sc.ScoreQuarter(sc.QuarterOf(latest.Month), a.Months),
			Margin:  mr.Score.Sub(sc.Pass),
		})
	}
	slices.SortFunc(rows, compareRisk)
	p.team = rows
	return rows
}

// TeamPageSize is how many agents the team view shows at once.
const TeamPageSize = 25

// TeamPage is the part of the team the view shows.
type TeamPage struct {
	Rows         []TeamRow
	First, Total int // the first row's position (from 0) among the filtered rows, and their number
	Page, Pages  int // from 0
}

// TeamView filters the team by name (case-insensitive, any part of the
// name) and returns the page asked for, clamped to the pages there are.
func (p *Prepared) TeamView(filter string, page int) TeamPage {
	rows := p.Team()
	if f := strings.ToLower(strings.TrimSpace(filter)); f != "" {
		var kept []TeamRow
		for _, r := range rows {
			if strings.Contains(strings.ToLower(r.Agent), f) {
				kept = append(kept, r)
			}
		}
		rows = kept
	}
	pages := max(1, (len(rows)+TeamPageSize-1)/TeamPageSize)
	page = min(max(page, 0), pages-1)
	first := page * TeamPageSize
	return TeamPage{Rows: rows[first:min(first+TeamPageSize, len(rows))], First: first, Total: len(rows), Page: page, Pages: pages}
}
