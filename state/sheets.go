package state

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"passline/scoring"
)

// How the user said their sheets are read (SPEC section 8): which header
// is which, remembered per scorecard, and how dates are read when the
// sheet's own cannot tell.

// SheetChoice is a scorecard's remembered mapping: key (month, agent, a
// metric id, a source column) → header, and the headers read as nothing.
type SheetChoice struct {
	Columns map[string]string `json:"columns,omitempty"`
	Unused  []string          `json:"unused,omitempty"`
	// Units gives a header's unit (SPEC section 9): "ms", "fraction"…
	Units map[string]string `json:"units,omitempty"`
}

// empty reports whether the choice says nothing.
func (c SheetChoice) empty() bool { return c.Columns == nil && c.Unused == nil && c.Units == nil }

// SheetKey names the scorecard in use, for its remembered mapping: the
// preset's id, or a hash of the imported scorecard.
func (m Model) SheetKey() string {
	if m.Scorecard != "" {
		h := fnv.New64a() // cheap: it is asked on every slider move
		h.Write([]byte(m.Scorecard))
		return fmt.Sprintf("imported:%016x", h.Sum64())
	}
	return m.Preset
}

// readOptions is how m's data is read: the scorecard's remembered mapping
// and the dates chosen.
// A column in doubt of being fractions is asked about, and read as
// nothing until answered (SPEC section 9).
func (m Model) readOptions() scoring.ReadOptions {
	c := m.Sheets[m.SheetKey()]
	var units map[string]scoring.ColumnUnit
	for h, u := range c.Units {
		if units == nil {
			units = map[string]scoring.ColumnUnit{}
		}
		units[h] = scoring.ColumnUnit(u)
	}
	return scoring.ReadOptions{Columns: c.Columns, Unused: c.Unused, Units: units, Dates: scoring.DateOrder(m.Dates), Ask: true}
}

// sheet applies a message about how the sheet is read, and reads it again.
func (u *updater) sheet(m Model, msg Msg) (Model, error) {
	next := m
	key := m.SheetKey()
	c := m.Sheets[key]
	switch msg := msg.(type) {
	case SetColumn:
		cols := map[string]string{}
		for k, h := range c.Columns {
			if k != msg.Key && scoring.ColumnKey(h) != scoring.ColumnKey(msg.Header) {
				cols[k] = h
			}
		}
		unused := slices.DeleteFunc(slices.Clone(c.Unused), func(h string) bool { return scoring.ColumnKey(h) == scoring.ColumnKey(msg.Header) })
		if msg.Key == "" {
			unused = append(unused, msg.Header)
		} else {
			cols[msg.Key] = msg.Header
		}
		c = SheetChoice{Columns: cols, Unused: unused, Units: c.Units}
		if len(cols) == 0 {
			c.Columns = nil
		}
		if len(unused) == 0 {
			c.Unused = nil
		}
		if msg.Text != "" { // a sheet not in use yet, read with the choice
			next.Data, next.Dates, next.Typed = msg.Text, "", nil
			next.Agent, next.Month, next.TeamPage = "", "", 0
			next.clearWhatIfs()
		}
	case SetUnit:
		units := map[string]string{}
		for h, u := range c.Units {
			if scoring.ColumnKey(h) != scoring.ColumnKey(msg.Header) {
				units[h] = u
			}
		}
		if msg.Unit != "" {
			u, err := scoring.ParseUnit(msg.Unit)
			if err != nil {
				return m, fmt.Errorf("%s is not a unit: choose milliseconds, seconds, minutes, hours, a fraction or percent", scoring.Clip(msg.Unit))
			}
			units[msg.Header] = string(u)
		}
		c.Units = units
		if len(units) == 0 {
			c.Units = nil
		}
	case ResetColumns:
		c = SheetChoice{}
	case SetDates:
		if msg.Order != string(scoring.DayFirst) && msg.Order != string(scoring.MonthFirst) {
			return m, fmt.Errorf("%s is not a way to read dates: choose day first (dmy) or month first (mdy)", scoring.Clip(msg.Order))
		}
		next.Dates = msg.Order
		if msg.Text != "" {
			next.Data = msg.Text
			next.Typed = nil
			next.Agent, next.Month, next.TeamPage = "", "", 0
			next.clearWhatIfs()
		}
	}
	if _, ok := msg.(SetDates); !ok {
		if c.empty() {
			next.Sheets = without(m.Sheets, key)
		} else {
			next.Sheets = with(m.Sheets, key, c)
		}
	}
	if err := u.check(next); err != nil {
		if msg, ok := msg.(SetColumn); ok && msg.Text != "" {
			return m, fmt.Errorf("your sheet could not be read that way: %w", err)
		}
		return m, fmt.Errorf("the data was not read that way, it stays as it was: %w", err)
	}
	return next, nil
}

// DatesQuestion is the question an ambiguous sheet asks, and each answer
// with the months it gives: "02/10/2026: 2 October or February 2?", "Day
// first: October 2026, November 2026", "Month first: February 2026, May
// 2026".
func DatesQuestion(a *scoring.AmbiguousDates) (question, dayFirst, monthFirst string) {
	d, err1 := scoring.ParseMonth(a.Example, scoring.DayFirst)
	mo, err2 := scoring.ParseMonth(a.Example, scoring.MonthFirst)
	question = a.Example + ": which is the month?"
	if err1 == nil && err2 == nil {
		// the day of each reading is the month number of the other
		question = fmt.Sprintf("%s: %d %s or %s %d?", a.Example, mo.Number(), MonthName(d), MonthName(mo), d.Number())
	}
	months := func(ms []scoring.Month) string {
		var s []string
		for _, m := range ms {
			s = append(s, MonthLabel(m))
		}
		return scoring.ShortList(s, 6)
	}
	return question, "Day first: " + months(a.DayFirst), "Month first: " + months(a.MonthFirst)
}

// ColumnChoices is what a header can be read as, for the app's choice:
// value and words, "" first (nothing).
func ColumnChoices(sc *scoring.Scorecard) [][2]string {
	out := [][2]string{{"", "not used"}, {"month", "the month"}, {"agent", "the agent"}}
	for _, m := range sc.Metrics {
		out = append(out, [2]string{m.ID, m.Label + " (its value)"})
	}
	for _, k := range scoring.Keys(sc)[2+len(sc.Metrics):] {
		out = append(out, [2]string{k, ColumnWords(k) + " (column)"})
	}
	return out
}

// HasSheetChoice reports whether the scorecard in use has a remembered
// choice of columns.
func (m Model) HasSheetChoice() bool {
	_, ok := m.Sheets[m.SheetKey()]
	return ok
}

// PasteHeader is the header row a sheet needs for sc, as the paste box's
// example: month, agent, then each metric's columns in the scorecard's
// order (its source's, or its id for a value given directly), once each.
func PasteHeader(sc *scoring.Scorecard) string {
	cols := []string{"month", "agent"}
	for _, m := range sc.Metrics {
		src := m.Source.Columns()
		if len(src) == 0 {
			src = []string{m.ID}
		}
		for _, c := range src {
			if !slices.Contains(cols, c) {
				cols = append(cols, c)
			}
		}
	}
	return strings.Join(cols, ", ")
}

// ReadNotes says in sentences what the read of d did besides reading its
// cells (SPEC section 9): lines skipped, total rows left out, rows
// combined and how, units from headers or chosen.
func ReadNotes(d *scoring.Data) []string {
	out := make([]string, len(d.Notes))
	for i, n := range d.Notes {
		out[i] = Capitalize(n) + "."
	}
	return out
}

// UnitQuestion is what "How your sheet was read" asks of a column whose
// unit is in doubt (SPEC section 9), with its two answers, each with the
// unit it gives the column.
type UnitQuestion struct {
	Header, Question string
	Answers          [2]UnitAnswer
}

// UnitAnswer is one answer to a UnitQuestion.
type UnitAnswer struct{ Unit, Words string }

// UnitQuestions asks, for each column of d in doubt, which unit it is in,
// showing its first value both ways: "CSAT %: every value lies between 0
// and 1. Is 0.917 a fraction (91.7 %) or a percentage (0.917 %)?".
func UnitQuestions(d *scoring.Data) []UnitQuestion {
	var out []UnitQuestion
	for _, u := range d.Doubts {
		q := UnitQuestion{Header: u.Header}
		switch u.Unit {
		case scoring.UnitFraction:
			pct := u.Value.Mul(scoring.N(100))
			q.Question = fmt.Sprintf("%s: every value lies between 0 and 1. Is %s a fraction (%s%s%%) or a percentage (%s%s%%)? Its metric is not scored until you say.",
				u.Header, u.Example, pct.Short(2), NBSP, u.Value.Short(4), NBSP)
			q.Answers = [2]UnitAnswer{
				{string(scoring.UnitFraction), fmt.Sprintf("Fractions: %s is %s%s%%", u.Example, pct.Short(2), NBSP)},
				{string(scoring.UnitPercent), fmt.Sprintf("Percentages: %s is %s%s%%", u.Example, u.Value.Short(4), NBSP)},
			}
		case scoring.UnitMS:
			secs := u.Value.Div(scoring.N(1000))
			hours := u.Value.Div(scoring.N(3600)).Round(0).Short(0)
			q.Question = fmt.Sprintf("%s: every value is 10,000 seconds or more (%s seconds is %s hours). Are they milliseconds (%s is %s)? Until you say, they are read as seconds.",
				u.Header, u.Example, hours, u.Example, FormatValue(scoring.Seconds, secs))
			q.Answers = [2]UnitAnswer{
				{string(scoring.UnitMS), fmt.Sprintf("Milliseconds: %s is %s", u.Example, FormatValue(scoring.Seconds, secs))},
				{string(scoring.UnitSeconds), fmt.Sprintf("Seconds: %s is %s hours", u.Example, hours)},
			}
		}
		out = append(out, q)
	}
	return out
}

// UnitChoices are the units a column can be given, for the app's choice:
// value and words; durations or rates.
func UnitChoices(u scoring.ColumnUnit) [][2]string {
	if u == scoring.UnitPercent || u == scoring.UnitFraction {
		return [][2]string{{string(scoring.UnitPercent), "as percentages"}, {string(scoring.UnitFraction), "as fractions (0.5 is 50 %)"}}
	}
	return [][2]string{{string(scoring.UnitSeconds), "in seconds"}, {string(scoring.UnitMS), "in milliseconds"}, {string(scoring.UnitMinutes), "in minutes"}, {string(scoring.UnitHours), "in hours"}}
}

// scorable reports whether some month of d can be scored: a read that
// cannot is never shown as loaded.
func scorable(d *scoring.Data) bool {
	for _, a := range d.Agents {
		for _, md := range a.Months {
			if !slices.ContainsFunc(md.Inputs, func(in scoring.Input) bool { return in.Missing }) {
				return true
			}
		}
	}
	return false
}

// NoMonthWords says why a sheet is not in use yet when it has no month
// column, and what to do (SPEC section 9: the mapping is always offered).
const NoMonthWords = "Your sheet is not in use yet: Passline found no month column in it. Choose below which column holds the month or the date; the rest is read at once."

// NotScorableWords follows what a read loaded when no month of it can be
// scored yet.
const NotScorableWords = "No month can be scored yet: see “How your sheet was read”."

// HeldMetrics lists, by label in the scorecard's order, the metrics of sc
// whose column d holds as nothing until the user says its unit (fractions?).
func HeldMetrics(sc *scoring.Scorecard, d *scoring.Data) []string {
	held := map[string]bool{}
	for _, u := range d.Doubts {
		if !u.Held {
			continue
		}
		for _, c := range d.Columns {
			if c.Header == u.Header && c.Key != "" {
				held[c.Key] = true
			}
		}
	}
	var out []string
	for i := range sc.Metrics {
		m := &sc.Metrics[i]
		if held[m.ID] || m.Source.Kind == scoring.FromColumn && held[m.Source.Column] {
			out = append(out, m.Label)
		}
	}
	return out
}

// IncompleteWords says why a month has no score: the metrics with no
// value, and among them those waiting for the answer about their unit.
func IncompleteWords(missing, waiting []string) string {
	var rest []string
	for _, m := range missing {
		if !slices.Contains(waiting, m) {
			rest = append(rest, m)
		}
	}
	// Many metrics without a value are named by their first three and
	// counted (issue 25: thirty labels made the verdict taller than a phone).
	if len(rest) > 3 {
		rest = append(rest[:3:3], Plural(len(rest)-3, "more metric"))
	}
	var parts []string
	if len(waiting) > 0 {
		parts = append(parts, fmt.Sprintf("%s %s for your answer about %s unit, under \u201cHow your sheet was read\u201d.",
			JoinAnd(waiting), map[bool]string{true: "waits", false: "wait"}[len(waiting) == 1], map[bool]string{true: "its", false: "their"}[len(waiting) == 1]))
	}
	if len(rest) > 0 {
		one := len(rest) == 1
		parts = append(parts, fmt.Sprintf("%s %s no value this month. Give %s %s with %s slider, or add %s to your data.",
			JoinAnd(rest), map[bool]string{true: "has", false: "have"}[one], map[bool]string{true: "it", false: "them"}[one],
			map[bool]string{true: "one", false: "values"}[one], map[bool]string{true: "its", false: "their"}[one], map[bool]string{true: "it", false: "them"}[one]))
	}
	return "No score yet: " + strings.Join(parts, " ")
}
