package scoring

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Reading the sheets people have (SPEC section 8): other names for the
// month and agent columns, a chosen mapping, more month forms, day-first
// and month-first dates, thousands separators, and a warning in place of
// a silent merge.

// ReadOptions are what the user chose about a file (SPEC section 8).
type ReadOptions struct {
	// Columns maps a key (month, agent, a metric id or a source column
	// name) to the header of the file that holds it; it beats every
	// automatic match.
	Columns map[string]string
	// Dates says how numeric dates such as 01/10/2026 are read when the
	// file's own dates cannot tell; empty refuses such a file.
	Dates DateOrder
	// Unused lists headers read as nothing, though their name matches.
	Unused []string
	// Units gives a column's unit by its header (SPEC section 9): it
	// beats the unit the header's own suffix gives.
	Units map[string]ColumnUnit
	// Ask holds a column in doubt of being fractions as nothing until the
	// user says (the app asks; the command line reads it as written and
	// notes it).
	Ask bool
}

// DateOrder is how a file's numeric dates are read.
type DateOrder string

// The orders of day and month in a numeric date.
const (
	DayFirst   DateOrder = "dmy" // 01/10/2026 is 1 October 2026
	MonthFirst DateOrder = "mdy" // 01/10/2026 is January 10, 2026
)

// ErrUsage is a choice that cannot apply to the file or scorecard: a key
// that is none of month, agent, a metric or a source column; a header not
// in the file; two keys given one header. The command line exits 2.
var ErrUsage = errors.New("usage")

// monthAliases and agentAliases are the other names of the month and agent
// columns, in the order they are tried (SPEC section 8).
var (
	monthAliases = []string{"period", "date", "month_year", "reporting_month"}
	agentAliases = []string{"agent_name", "name", "employee", "employee_name", "rep", "advisor", "associate", "agent_id", "employee_id"}
)

// Keys lists what a header can be mapped to for sc: month, agent, each
// metric's id, then each source column name not already listed, in the
// scorecard's order.
func Keys(sc *Scorecard) []string {
	keys := []string{"month", "agent"}
	for _, m := range sc.Metrics {
		keys = append(keys, m.ID)
	}
	for _, m := range sc.Metrics {
		cols := m.Source.Columns()
		if m.Source.WeightBy != "" {
			cols = append(cols, m.Source.WeightBy)
		}
		for _, c := range cols {
			if !slices.Contains(keys, c) {
				keys = append(keys, c)
			}
		}
	}
	return keys
}

// chosenColumns checks a chosen mapping against sc and the header and
// returns it as key → column index.
func chosenColumns(sc *Scorecard, header []string, chosen map[string]string) (map[string]int, error) {
	known := Keys(sc)
	out := map[string]int{}
	by := map[int]string{}
	keys := make([]string, 0, len(chosen))
	for k := range chosen {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		h := chosen[k]
		if !slices.Contains(known, k) {
			return nil, fmt.Errorf("%w: %s is not a column Passline reads: write month, agent, a metric id or a source column (%s)", ErrUsage, Clip(k), strings.Join(known, ", "))
		}
		i := slices.IndexFunc(header, func(x string) bool { return ColumnKey(x) == ColumnKey(h) && ColumnKey(h) != "" })
		if i < 0 {
			return nil, fmt.Errorf("%w: the file has no column %s (its header is %s)", ErrUsage, Clip(h), ClipTo(strings.Join(header, ", "), 200))
		}
		if other, taken := by[i]; taken {
			return nil, fmt.Errorf("%w: the column %s is given twice, to %s and to %s: give each column one meaning", ErrUsage, Clip(header[i]), other, k)
		}
		out[k], by[i] = i, k
	}
	return out, nil
}

// ColumnUse says what a header of a file was read as: "month", "agent", a
// metric id (its value given directly), a source column name, or "" for
// nothing.
type ColumnUse struct {
	Header string
	Key    string
	// Unit is the unit the column's bare numbers were read in, for a
	// duration or percent column (a unit can be chosen for it), else "";
	// Said says the user chose it.
	Unit ColumnUnit
	Said bool
}

var (
	// "01/10/2026", "1.10.2026", "01-10-2026", "09/01/26", maybe followed by a time.
	numericDate = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4}|\d{2})$`)
	// a time after a date: "2026-10-01 00:00:00", "2026-10-01T00:00:00",
	// "01/10/2026 12:00", "9/1/26 8:51 AM", "2026-09-01T00:00:00.000-04:00"
	timeSuffix = regexp.MustCompile(`^(.+?)(?:[T ]\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)$`)
)

// dropTime removes a time after a date, which is ignored (and a zone
// with it: the platform wrote the agent's own day).
func dropTime(s string) string {
	if !strings.Contains(s, ":") { // no time: most cells, read fast
		return s
	}
	if m := timeSuffix.FindStringSubmatch(s); m != nil {
		return strings.TrimRight(m[1], " ,")
	}
	return s
}

// numericParts reads a date written day and month as numbers: a and b are
// its first two numbers, y its year (a two-digit year is 20YY).
func numericParts(s string) (a, b, y int, ok bool) {
	if len(s) < 6 || s[0] < '0' || s[0] > '9' || !strings.ContainsAny(s, "/.") && strings.Count(s, "-") != 2 {
		return 0, 0, 0, false // not day, month and year in numbers: most cells, read fast
	}
	if strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20") {
		if len(s) > 4 && (s[4] == '-' || s[4] == '/' || s[4] == '.') {
			return 0, 0, 0, false // 2026-10-31, 2026/09/01: the year first
		}
	}
	m := numericDate.FindStringSubmatch(dropTime(strings.TrimSpace(s)))
	if m == nil || m[2] != m[4] {
		return 0, 0, 0, false
	}
	a, _ = strconv.Atoi(m[1])
	b, _ = strconv.Atoi(m[3])
	y, _ = strconv.Atoi(m[5])
	if len(m[5]) == 2 {
		y += 2000
	}
	return a, b, y, true
}

// DateCell is a month cell and its row, for deciding a file's date order.
type DateCell struct {
	Row  int
	Text string
}

// AmbiguousDates is a file whose numeric dates read both ways: the first
// of them, and its months read day first and month first.
type AmbiguousDates struct {
	Example              string
	DayFirst, MonthFirst []Month // the file's months each way, in time order
}

func (e *AmbiguousDates) Error() string {
	return fmt.Sprintf("%s: the dates can be read day first (%s) or month first (%s): say which", Clip(e.Example), monthList(e.DayFirst), monthList(e.MonthFirst))
}

func monthList(ms []Month) string {
	var s []string
	for _, m := range ms {
		s = append(s, m.String())
	}
	return ShortList(s, 12)
}

// DecideDates works out how a file's numeric dates are read (SPEC section
// 8): day first if any has a first number above 12; month
// first if any has a second above 12 (both: refused, naming a row of
// each); else, when one of the two numbers is 1 in every row and the other
// is not, the one that is 1 is the day; else chosen, if the user chose;
// else the file is refused as ambiguous (*AmbiguousDates). A file without
// numeric dates has no order.
func DecideDates(cells []DateCell, chosen DateOrder) (DateOrder, error) {
	var dayOver, monthOver *DateCell
	allA1, allB1, any, same := true, true, false, true
	for i := range cells {
		a, b, _, ok := numericParts(cells[i].Text)
		if !ok {
			continue
		}
		any, same = true, same && a == b
		if a > 12 && dayOver == nil {
			dayOver = &cells[i]
		}
		if b > 12 && monthOver == nil {
			monthOver = &cells[i]
		}
		allA1, allB1 = allA1 && a == 1, allB1 && b == 1
	}
	switch {
	case !any:
		return "", nil
	case dayOver != nil && monthOver != nil:
		return "", fmt.Errorf("%w: the dates are written both ways: row %d (%s) has the day first, row %d (%s) the month first; write every date the same way",
			ErrNoUsableData, dayOver.Row, Clip(dayOver.Text), monthOver.Row, Clip(monthOver.Text))
	case dayOver != nil:
		return DayFirst, nil
	case monthOver != nil:
		return MonthFirst, nil
	case same:
		return DayFirst, nil // 01/01/2026: the same date either way (issue 25)
	case allA1 && !allB1:
		return DayFirst, nil // the first of each month
	case allB1 && !allA1:
		return MonthFirst, nil
	case chosen != "": // the file cannot tell: the user said
		return chosen, nil
	}
	amb := &AmbiguousDates{}
	for _, c := range cells {
		a, b, y, ok := numericParts(c.Text)
		if !ok {
			continue
		}
		if amb.Example == "" {
			amb.Example = c.Text
		}
		amb.DayFirst = addMonth(amb.DayFirst, MonthOf(y, b))
		amb.MonthFirst = addMonth(amb.MonthFirst, MonthOf(y, a))
	}
	return "", amb
}

// addMonth adds m to a sorted list of months, once.
func addMonth(ms []Month, m Month) []Month {
	i, found := slices.BinarySearch(ms, m)
	if found {
		return ms
	}
	return slices.Insert(ms, i, m)
}

// ParseMonth reads a month cell in any form of SPEC sections 3 and 8,
// numeric dates in the order given.
func ParseMonth(s string, order DateOrder) (Month, error) {
	s = strings.TrimSpace(s)
	if a, b, y, ok := numericParts(s); ok {
		d, mo := a, b
		if order == MonthFirst {
			d, mo = b, a
		}
		if order == "" {
			return 0, expect("%s, or a date whose day and month can be told apart", monthExpected)
		}
		if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1900 {
			return 0, expect("a real date (%s reads day %d, month %d)", map[DateOrder]string{DayFirst: "day first", MonthFirst: "month first"}[order], d, mo)
		}
		return MonthOf(y, mo), nil
	}
	if excelSerial(s) {
		days, _ := strconv.Atoi(s[:strings.IndexByte(s+".", '.')])
		// Excel's 1900 system counts from 1899-12-30 (its day 60, the 29th
		// of February 1900 that never was, lies before every serial read).
		d := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
		return MonthOf(d.Year(), int(d.Month())), nil
	}
	t := dropTime(s)
	if y, mo, d, ok, named := datedParts(t); named {
		if !ok || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
			return 0, expect("a real date (%s reads day %d, month %d)", Clip(s), d, mo)
		}
		if y < 1900 || y > 9999 {
			return 0, expect("a year from 1900 to 9999 in %s", monthExpected)
		}
		return MonthOf(y, mo), nil
	}
	var m Month
	err := m.UnmarshalCSV(t)
	return m, err
}

// excelSerial reports whether a month cell is an Excel serial date of the
// 1900 system: a whole number from 20000 to 80000 (1954 to 2119), maybe
// with a fraction (the time).
func excelSerial(s string) bool {
	whole, frac, _ := strings.Cut(s, ".")
	if len(whole) != 5 || !isDigits(whole) || frac != "" && !isDigits(frac) {
		return false
	}
	n, _ := strconv.Atoi(whole)
	return n >= 20000 && n <= 80000
}

var (
	// 2026/09/01, 2026.09.01 (year, month, day always); 20260901
	yearFirst  = regexp.MustCompile(`^(\d{4})([/.])(\d{1,2})([/.])(\d{1,2})$`)
	eightDigit = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	// 1-Sep-26, 01-Sep-2026, 1 Sep 2026
	dayNamed = regexp.MustCompile(`^(\d{1,2})[- ]([A-Za-z]+)\.?[- ,]+(\d{4}|\d{2})$`)
	// Sep 1 2026, Sep 1, 2026, September 1, 2026
	namedDay = regexp.MustCompile(`^([A-Za-z]+)\.? (\d{1,2}),? (\d{4}|\d{2})$`)
)

// datedParts reads SPEC section 9's full dates: year first with / or .,
// eight digits, and a month name between or after numbers. named says s
// has one of these forms; ok that its month name is one.
func datedParts(s string) (y, mo, d int, ok, named bool) {
	if s == "" || !strings.ContainsAny(s, "/. -,") && len(s) != 8 {
		return 0, 0, 0, false, false
	}
	atoi := func(t string) int { n, _ := strconv.Atoi(t); return n }
	year := func(t string) int {
		if len(t) == 2 {
			return 2000 + atoi(t)
		}
		return atoi(t)
	}
	digitFirst := s[0] >= '0' && s[0] <= '9'
	letters := strings.IndexFunc(s, unicode.IsLetter) >= 0
	// Each form is tried only when its first characters fit: a month cell
	// such as 2026-10 is read without a regular expression.
	if len(s) >= 8 && (s[4] == '/' || s[4] == '.') {
		if m := yearFirst.FindStringSubmatch(s); m != nil && m[2] == m[4] {
			return atoi(m[1]), atoi(m[3]), atoi(m[5]), true, true
		}
	}
	if len(s) == 8 && isDigits(s) {
		if m := eightDigit.FindStringSubmatch(s); m != nil && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")) {
			return atoi(m[1]), atoi(m[2]), atoi(m[3]), true, true
		}
	}
	if digitFirst && letters {
		if m := dayNamed.FindStringSubmatch(s); m != nil {
			mo, ok := monthNames[strings.ToLower(m[2])]
			return year(m[3]), mo, atoi(m[1]), ok, ok
		}
	}
	if !digitFirst && letters && strings.Count(s, " ") >= 2 {
		if m := namedDay.FindStringSubmatch(s); m != nil {
			mo, ok := monthNames[strings.ToLower(m[1])]
			return year(m[3]), mo, atoi(m[2]), ok, ok
		}
	}
	return 0, 0, 0, false, false
}

var (
	groupedComma = regexp.MustCompile(`^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?(\s*%)?$`)
	groupedDot   = regexp.MustCompile(`^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?(\s*%)?$`)
)

// ungroup removes thousands separators (SPEC section 8): "1,520" and
// "12,345.5" in a comma or tab file, "1.520" and "12.345,5" in a
// semicolon file (decimal comma). Anything else is left as it is.
func ungroup(s string, decimalComma bool) string {
	sep := ","
	if decimalComma {
		sep = "."
	}
	if !strings.Contains(s, sep) {
		return s // no separator: most cells, read fast
	}
	switch {
	case !decimalComma && groupedComma.MatchString(s):
		return strings.ReplaceAll(s, ",", "")
	case decimalComma && groupedDot.MatchString(s):
		return strings.ReplaceAll(s, ".", "")
	}
	return s
}
