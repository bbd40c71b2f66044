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
}

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
func (m Model) readOptions() scoring.ReadOptions {
	c := m.Sheets[m.SheetKey()]
	return scoring.ReadOptions{Columns: c.Columns, Unused: c.Unused, Dates: scoring.DateOrder(m.Dates)}
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
		c = SheetChoice{Columns: cols, Unused: unused}
		if len(cols) == 0 {
			c.Columns = nil
		}
		if len(unused) == 0 {
			c.Unused = nil
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
		if c.Columns == nil && c.Unused == nil {
			next.Sheets = without(m.Sheets, key)
		} else {
			next.Sheets = with(m.Sheets, key, c)
		}
	}
	if err := u.check(next); err != nil {
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
		out = append(out, [2]string{k, k + " (a count or column)"})
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
