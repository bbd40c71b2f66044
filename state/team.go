package state

import (
	"slices"
	"sort"
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

// quarterGroup orders quarters by their risk (issue 15): lost (failed, or
// out of reach), then a need to meet, then in progress with no single need
// (pooled, or nothing counted yet), then safe (passed, or secured).
func (r TeamRow) quarterGroup() int {
	q := r.Quarter
	switch {
	case q.Status != scoring.InProgress && !q.Pass, q.Need != nil && q.Need.Kind == scoring.OutOfReach:
		return 0
	case q.Need != nil && q.Need.Kind == scoring.Reachable:
		return 1
	case q.Status == scoring.InProgress && q.Need == nil:
		return 2
	}
	return 3
}

// Gap is how far the quarter's need is above the agent's own scores so far
// (the mean of the months counted): the bigger, the harder to meet. Zero
// unless the quarter has a need to meet.
func (r TeamRow) Gap() scoring.Num {
	if r.quarterGroup() != 1 || !r.Quarter.HasScore {
		return scoring.Num{}
	}
	return r.Quarter.Need.Exact.Sub(r.Quarter.Exact)
}

// compareRisk sorts by risk to the quarter, most at risk first: quarters
// lost, then needs furthest above the agent's own scores (then the highest
// needs), then quarters with no single need, then safe ones; within each,
// the month furthest below the pass mark first (a month with no score
// last), then the name.
func compareRisk(a, b TeamRow) int {
	if d := a.quarterGroup() - b.quarterGroup(); d != 0 {
		return d
	}
	if a.quarterGroup() == 1 {
		if d := b.Gap().Cmp(a.Gap()); d != 0 {
			return d
		}
		if d := b.Quarter.Need.Exact.Cmp(a.Quarter.Need.Exact); d != 0 {
			return d
		}
	}
	if d := compareMonths(a, b); d != 0 {
		return d
	}
	return strings.Compare(a.Agent, b.Agent)
}

// compareMonths puts the month furthest below the pass mark first, and a
// month with no score last.
func compareMonths(a, b TeamRow) int {
	ai, bi := a.Month.Status == scoring.Incomplete, b.Month.Status == scoring.Incomplete
	switch {
	case ai && bi:
		return 0
	case ai:
		return 1
	case bi:
		return -1
	}
	return a.Margin.Cmp(b.Margin)
}

// TeamSorts are the team table's orders: by risk (""), and by each column.
var TeamSorts = []string{"", "agent", "month", "quarter"}

// TeamSortCycle says how column col's heading shows the team's order now
// (aria-sort: "ascending", "descending" or "none") and which order a tap
// on it gives: the column, then the other way, then risk again. The risk
// order is the quarter column's ascending one, so the quarter shows ↑ by
// default and its first tap turns it (issue 24: a tap that shows ↑
// without sorting).
func TeamSortCycle(current, col string) (ariaSort, next string) {
	if col == "quarter" && current == "" {
		current = "quarter"
	}
	switch current {
	case col:
		return "ascending", "-" + col
	case "-" + col:
		return "descending", ""
	}
	return "none", col
}

// sortTeam sorts rows by the column by ("-" in front: descending), or by
// risk.
func sortTeam(rows []TeamRow, by string) []TeamRow {
	desc := strings.HasPrefix(by, "-")
	col := strings.TrimPrefix(by, "-")
	var cmp func(a, b TeamRow) int
	switch col {
	case "agent":
		cmp = func(a, b TeamRow) int { return strings.Compare(strings.ToLower(a.Agent), strings.ToLower(b.Agent)) }
	case "month":
		cmp = func(a, b TeamRow) int {
			if d := int(a.Month.Month - b.Month.Month); d != 0 {
				return d
			}
			return compareMonths(a, b)
		}
	case "quarter":
		cmp = compareRisk
	default:
		return rows
	}
	out := slices.Clone(rows)
	sort.SliceStable(out, func(i, j int) bool {
		d := cmp(out[i], out[j])
		if desc {
			d = -d
		}
		if d == 0 {
			d = strings.Compare(out[i].Agent, out[j].Agent)
		}
		return d < 0
	})
	return out
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
	sort.Slice(rows, func(i, j int) bool { return compareRisk(rows[i], rows[j]) < 0 })
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
func (p *Prepared) TeamView(filter string, page int, by string) TeamPage {
	rows := sortTeam(p.Team(), by)
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
