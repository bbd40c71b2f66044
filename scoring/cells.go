package scoring

import (
	"fmt"
	"strconv"
	"strings"
)

// The cell types below read one data cell each (SPEC section 3). They
// implement gocsv's TypeUnmarshaller (UnmarshalCSV); the results file is
// written by WriteResults, not through them. A blank cell is not an error: it sets Blank, a missing value.
// A bad cell returns a *CellError whose Expected says what was wanted; the
// data reader adds the row, the column and the text found.

// CellError is a cell that could not be read.
type CellError struct{ Expected string }

func (e *CellError) Error() string { return "expected " + e.Expected }

func expect(format string, args ...any) error { return &CellError{fmt.Sprintf(format, args...)} }

// Month is a calendar month, counted from year 0: Year()*12 + Month()−1.
// Months compare and subtract as plain integers.
type Month int32

// MonthOf returns the month of year y, month m (1 to 12).
func MonthOf(y, m int) Month { return Month(y*12 + m - 1) }

// Year returns the month's calendar year.
func (m Month) Year() int { return int(m) / 12 }

// Number returns the month's number, 1 to 12.
func (m Month) Number() int { return int(m)%12 + 1 }

// String prints the month as 2026-10.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year(), m.Number()) }

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthExpected = "a month such as 2026-10, 2026-10-31, Oct 2026, October 2026 or 10/2026"

// UnmarshalCSV reads 2026-10, 2026-10-31, Oct 2026, October 2026 or 10/2026
// (SPEC section 3), and Oct-2026, Oct-26, October-26 or 2026/10 (section
// 8). Dates written day and month as numbers need the file's order:
// ParseMonth.
// A blank month is an error: every row needs one.
func (m *Month) UnmarshalCSV(s string) error {
	s = strings.TrimSpace(s)
	y, mo, ok := parseMonthText(s)
	if !ok {
		return expect(monthExpected)
	}
	if y < 1900 || y > 9999 {
		return expect("a year from 1900 to 9999 in %s", monthExpected)
	}
	if mo < 1 || mo > 12 {
		return expect("a month number from 1 to 12 in %s", monthExpected)
	}
	*m = MonthOf(y, mo)
	return nil
}

func parseMonthText(s string) (year, month int, ok bool) {
	whole := func(t string, minDigits, maxDigits int) (int, bool) {
		if len(t) < minDigits || len(t) > maxDigits {
			return 0, false
		}
		for _, c := range t {
			if c < '0' || c > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(t)
		return n, err == nil
	}
	if parts := strings.Split(s, "-"); len(parts) == 2 { // Oct-2026, Oct-26, October-26 (SPEC section 8)
		if mo, ok := monthNames[strings.ToLower(strings.TrimSuffix(parts[0], "."))]; ok {
			if y, ok := whole(parts[1], 4, 4); ok {
				return y, mo, true
			}
			y, ok := whole(parts[1], 2, 2)
			return 2000 + y, mo, ok
		}
	}
	if parts := strings.Split(s, "-"); len(parts) == 2 || len(parts) == 3 {
		y, ok1 := whole(parts[0], 4, 4)
		mo, ok2 := whole(parts[1], 1, 2)
		if !ok1 || !ok2 {
			return 0, 0, false
		}
		if len(parts) == 3 {
			d, ok3 := whole(parts[2], 1, 2)
			if !ok3 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
				return 0, 0, false
			}
		}
		return y, mo, true
	}
	if parts := strings.Split(s, "/"); len(parts) == 2 {
		if y, ok := whole(parts[0], 4, 4); ok { // 2026/10 (SPEC section 8)
			mo, ok := whole(parts[1], 1, 2)
			return y, mo, ok
		}
		mo, ok1 := whole(parts[0], 1, 2)
		y, ok2 := whole(parts[1], 4, 4)
		return y, mo, ok1 && ok2
	}
	if f := strings.Fields(s); len(f) == 2 {
		mo, ok1 := monthNames[strings.ToLower(strings.TrimSuffix(f[0], "."))]
		y, ok2 := whole(f[1], 4, 4)
		return y, mo, ok1 && ok2
	}
	return 0, 0, false
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// numberText reads a plain decimal cell: optional sign (when signed), digits,
// optional fraction. It explains commas, exponents and signs it refuses.
func numberText(s string, signed bool, what string) (Num, error) {
	switch {
	case countDigits(s) > MaxDigits:
		return Num{}, expect("%s, of at most %d digits", what, MaxDigits)
	case strings.ContainsAny(s, ","):
		return Num{}, expect("%s with a decimal point and no thousands separator (a decimal comma is read only in semicolon-separated files)", what)
	case strings.ContainsAny(s, "eE") && !strings.ContainsAny(s, "abcdfghijklmnopqrstuvwxyz"):
		return Num{}, expect("%s written out in full, without an exponent", what)
	case !signed && strings.HasPrefix(s, "-") && isPlainDecimal(s):
		return Num{}, expect("%s (counts are never negative)", what)
	case !signed && strings.HasPrefix(s, "+"):
		return Num{}, expect("%s", what)
	}
	n, err := ParseNum(s)
	if err != nil {
		return Num{}, expect("%s", what)
	}
	return n, nil
}

// CountCell is a whole count of 0 or more: surveys, promoters, incidents.
type CountCell struct {
	Value Num
	Blank bool
}

// UnmarshalCSV reads a whole number of 0 or more.
func (c *CountCell) UnmarshalCSV(s string) error {
	*c = CountCell{Blank: s == ""}
	if c.Blank {
		return nil
	}
	n, err := numberText(s, false, "a whole number such as 25")
	if err != nil {
		return err
	}
	if !n.IsInt() {
		return expect("a whole number such as 25 (a count has no fraction)")
	}
	c.Value = n
	return nil
}

// AmountCell is a number of 0 or more: a ratio's numerator or denominator,
// or a weight_by column.
type AmountCell struct {
	Value Num
	Blank bool
}

// UnmarshalCSV reads a number of 0 or more.
func (c *AmountCell) UnmarshalCSV(s string) error {
	*c = AmountCell{Blank: s == ""}
	if c.Blank {
		return nil
	}
	n, err := numberText(s, false, "a number of 0 or more, such as 520")
	c.Value = n
	return err
}

// PercentCell is a percent value: 92, 92% and 92.0 are all 92 %.
type PercentCell struct {
	Value Num
	Blank bool
}

// UnmarshalCSV reads a percentage with or without its % sign.
func (c *PercentCell) UnmarshalCSV(s string) error {
	*c = PercentCell{Blank: s == ""}
	if c.Blank {
		return nil
	}
	n, err := numberText(strings.TrimSpace(strings.TrimSuffix(s, "%")), true, "a percentage such as 92, 92% or 92.5")
	c.Value = n
	return err
}

// DurationCell is a duration in seconds: 455, 455s, 7:35, 0:07:35 and 7m35s
// are all 455 s.
type DurationCell struct {
	Value Num
	Blank bool
}

const durationExpected = "a duration such as 455, 455s, 7:35, 0:07:35 or 7m35s"

// UnmarshalCSV reads a duration.
func (c *DurationCell) UnmarshalCSV(s string) error {
	*c = DurationCell{Blank: s == ""}
	if c.Blank {
		return nil
	}
	if countDigits(s) > MaxDigits {
		return expect("%s, of at most %d digits", durationExpected, MaxDigits)
	}
	n, ok := parseDuration(strings.ToLower(s))
	if !ok {
		if strings.HasPrefix(s, "-") {
			return expect("%s (a duration is never negative)", durationExpected)
		}
		if strings.Contains(s, ",") {
			return expect("%s, with a decimal point (a decimal comma is read only in semicolon-separated files)", durationExpected)
		}
		return expect(durationExpected)
	}
	c.Value = n
	return nil
}

func parseDuration(s string) (Num, bool) {
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		return Num{}, false
	}
	if plain := strings.TrimSpace(strings.TrimSuffix(s, "s")); isUnsigned(plain) {
		n, err := ParseNum(plain)
		return n, err == nil
	}
	if strings.Contains(s, ":") {
		parts := strings.Split(s, ":")
		if len(parts) > 3 {
			return Num{}, false
		}
		total := Num{}
		for i, p := range parts {
			last := i == len(parts)-1
			if !isDigits(p) && !(last && isUnsigned(p)) {
				return Num{}, false
			}
			n, err := ParseNum(p)
			if err != nil {
				return Num{}, false
			}
			if i > 0 && (!isDigits(p[:min(2, len(p))]) || len(p) < 2 || !n.Less(N(60))) {
				return Num{}, false
			}
			total = total.Mul(N(60)).Add(n)
		}
		return total, true
	}
	// 1h2m3s, 7m35s, 7m 35s, 35s, 7m.
	total, any, rest := Num{}, false, strings.TrimSpace(s)
	for _, u := range []struct {
		suffix string
		secs   int64
	}{{"h", 3600}, {"m", 60}, {"s", 1}} {
		i := strings.Index(rest, u.suffix)
		if i < 0 {
			continue
		}
		part := strings.TrimSpace(rest[:i])
		if !isUnsigned(part) {
			return Num{}, false
		}
		n, err := ParseNum(part)
		if err != nil {
			return Num{}, false
		}
		total, any, rest = total.Add(n.Mul(N(u.secs))), true, strings.TrimSpace(rest[i+1:])
	}
	return total, any && rest == ""
}

// isUnsigned reports whether s is a plain decimal with no sign.
func isUnsigned(s string) bool { return isPlainDecimal(s) && s[0] != '-' && s[0] != '+' }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// NumberCell is a plain number, which may be negative (an NPS, a points
// value handed over from QA).
type NumberCell struct {
	Value Num
	Blank bool
}

// UnmarshalCSV reads a signed decimal number.
func (c *NumberCell) UnmarshalCSV(s string) error {
	*c = NumberCell{Blank: s == ""}
	if c.Blank {
		return nil
	}
	if strings.HasSuffix(s, "%") {
		return expect("a number such as 12 or 12.5 (%% is only for percent metrics)")
	}
	n, err := numberText(s, true, "a number such as 12 or 12.5")
	c.Value = n
	return err
}

// cellKind says which cell type reads a column for a metric.
type cellKind int

const (
	countKind cellKind = iota
	amountKind
	percentKind
	durationKind
	numberKind
	pointsKind
)

// valueKind is the cell type of a value in unit u.
func valueKind(u Unit) cellKind {
	switch u {
	case Percent:
		return percentKind
	case Seconds:
		return durationKind
	case Points:
		return pointsKind
	}
	return numberKind
}

// sourceKinds gives the cell types of a source's columns, in Columns order.
func sourceKinds(m *Metric) []cellKind {
	switch m.Source.Kind {
	case FromColumn:
		return []cellKind{valueKind(m.Unit)}
	case FromRatio:
		if m.Unit == Seconds {
			return []cellKind{durationKind, amountKind}
		}
		return []cellKind{amountKind, amountKind}
	}
	kinds := make([]cellKind, len(m.Source.Columns()))
	for i := range kinds {
		kinds[i] = countKind
	}
	return kinds
}

// read parses text with the kind's cell type.
func (k cellKind) read(text string, sc *Scorecard) (v Num, blank bool, err error) {
	switch k {
	case countKind:
		var c CountCell
		err = c.UnmarshalCSV(text)
		return c.Value, c.Blank, err
	case amountKind:
		var c AmountCell
		err = c.UnmarshalCSV(text)
		return c.Value, c.Blank, err
	case percentKind:
		var c PercentCell
		err = c.UnmarshalCSV(text)
		return c.Value, c.Blank, err
	case durationKind:
		var c DurationCell
		err = c.UnmarshalCSV(text)
		return c.Value, c.Blank, err
	}
	var c NumberCell
	err = c.UnmarshalCSV(text)
	if err == nil && k == pointsKind && !c.Blank && (c.Value.Less(sc.Scale.Lowest()) || sc.Scale.Highest().Less(c.Value)) {
		err = expect("points from %d to %d (a points metric's value lies on the scale)", sc.Scale.Min, sc.Scale.Max)
	}
	return c.Value, c.Blank, err
}
