package scoring

import (
	"errors"
	"strings"
	"testing"
)

// TestParseMonth: SPEC sections 8 and 9's dates, each read as the month
// it falls in, worked by hand. Excel serials are checked against Python's
// date(1899, 12, 30) + timedelta(days=n): 46266 is 2026-09-01, 46295
// 2026-09-30, 46296 2026-10-01, 45658 2025-01-01, 20000 1954-10-03, 80000
// 2119-01-11.
func TestParseMonth(t *testing.T) {
	for _, tc := range []struct {
		in    string
		order DateOrder
		want  string // the month, or part of the error
	}{
		{"01/10/2026", DayFirst, "2026-10"},
		{"01/10/2026", MonthFirst, "2026-01"},
		{"1.10.2026", DayFirst, "2026-10"},
		{"31-10-2026", DayFirst, "2026-10"},
		{"10/31/2026", MonthFirst, "2026-10"},
		{"31/10/2026", MonthFirst, "a real date (month first reads day 10, month 31)"},
		{"30/02/2026", DayFirst, "a real date (day first reads day 30, month 2)"},
		{"01/10/2026", "", "a date whose day and month can be told apart"},
		{"01/10-2026", DayFirst, "a month such as"}, // two separators
		{"2026-10-01 00:00:00", "", "2026-10"},
		{"2026-10-01T00:00:00", "", "2026-10"},
		{"2026-10-01T08:30:00Z", "", "2026-10"},
		{"01/10/2026 12:00", DayFirst, "2026-10"},
		{"Oct 2026", "", "2026-10"},
		// SPEC section 9
		{"2026/09/01", "", "2026-09"},
		{"2026.09.30", "", "2026-09"},
		{"2026/9/1", "", "2026-09"},
		{"20260901", "", "2026-09"},
		{"09/01/26", MonthFirst, "2026-09"},
		{"09/01/26", DayFirst, "2026-01"},
		{"9/1/26 8:51 AM", MonthFirst, "2026-09"},
		{"9/1/26 8:51 PM", MonthFirst, "2026-09"},
		{"1-Sep-26", "", "2026-09"},
		{"01-Sep-2026", "", "2026-09"},
		{"1 Sep 2026", "", "2026-09"},
		{"Sep 1 2026", "", "2026-09"},
		{"Sep 1, 2026", "", "2026-09"},
		{"September 1, 2026", "", "2026-09"},
		{"September 30, 2026 11:59 PM", "", "2026-09"},
		{"2026-09-01 13:05", "", "2026-09"},
		{"2026-09-01T00:00:00.000-04:00", "", "2026-09"},
		{"2026-09-30T23:30:00.000+05:30", "", "2026-09"}, // the date written, not the zone's UTC day
		{"2026-09-01T00:00:00Z", "", "2026-09"},
		{"46266", "", "2026-09"},
		{"46295.75", "", "2026-09"}, // 30 September, 18:00
		{"46296", "", "2026-10"},
		{"45658", "", "2025-01"},
		{"20000", "", "1954-10"},
		{"80000", "", "2119-01"},
		{"19999", "", "a month such as"},
		{"80001", "", "a month such as"},
		{"2026-13-01", "", "a month such as"},
		{"31/02/2026", DayFirst, "a real date"},
		{"2026/02/30", "", "a real date"},
		{"30-Feb-26", "", "a real date"},
		{"1-Sept-26", "", "2026-09"},
		{"1-Foo-26", "", "a month such as"},
		{"20261301", "", "a real date"},
		// sections 3 and 8 read as before
		{"2026-10", "", "2026-10"},
		{"Oct-26", "", "2026-10"},
		{"Oct 2026", "", "2026-10"},
		{"10/2026", "", "2026-10"},
		{"2026/10", "", "2026-10"},
		{"01/10/2026", DayFirst, "2026-10"},
	} {
		m, err := ParseMonth(tc.in, tc.order)
		got := m.String()
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, tc.want) || err == nil && got != tc.want {
			t.Errorf("ParseMonth(%q, %q) = %q, want %q", tc.in, tc.order, got, tc.want)
		}
	}
}

// TestDecideDates: SPEC section 8's rule for a file's numeric dates.
func TestDecideDates(t *testing.T) {
	cells := func(texts ...string) []DateCell {
		var out []DateCell
		for i, s := range texts {
			out = append(out, DateCell{Row: i + 2, Text: s})
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		cells  []DateCell
		chosen DateOrder
		want   DateOrder
		err    string
	}{
		{"a first number over 12: day first", cells("01/10/2026", "15/10/2026"), "", DayFirst, ""},
		{"the same either way (issue 25)", cells("01/01/2026", "02/02/2026"), "", DayFirst, ""},
		{"a second number over 12: month first", cells("10/01/2026", "10/15/2026"), "", MonthFirst, ""},
		{"both ways: refused", cells("15/10/2026", "10/15/2026"), "", "",
			`the dates are written both ways: row 2 ("15/10/2026") has the day first, row 3 ("10/15/2026") the month first`},
		{"the first of each month, day first", cells("01/10/2026", "01/11/2026"), "", DayFirst, ""},
		{"the first of each month, month first", cells("10/01/2026", "11/01/2026"), "", MonthFirst, ""},
		{"all ones: the same either way, read (issue 25)", cells("01/01/2026"), "", DayFirst, ""},
		{"ambiguous", cells("02/10/2026", "05/11/2026"), "", "", `"02/10/2026": the dates can be read day first (2026-10, 2026-11) or month first (2026-02, 2026-05)`},
		{"ambiguous, chosen", cells("02/10/2026", "05/11/2026"), MonthFirst, MonthFirst, ""},
		{"no numeric dates", cells("2026-10", "Oct 2026"), "", "", ""},
	} {
		got, err := DecideDates(tc.cells, tc.chosen)
		if got != tc.want || (err == nil) != (tc.err == "") || err != nil && !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: %q, %v; want %q, %q", tc.name, got, err, tc.want, tc.err)
		}
	}
	var amb *AmbiguousDates
	if _, err := DecideDates(cells("02/10/2026"), ""); !errors.As(err, &amb) || amb.Example != "02/10/2026" {
		t.Errorf("an ambiguous file is not an *AmbiguousDates: %v", err)
	}
}

// TestUngroup: thousands separators as SPEC section 8 reads them.
func TestUngroup(t *testing.T) {
	for _, tc := range []struct {
		in           string
		decimalComma bool
		want         string
	}{
		{"1,520", false, "1520"},
		{"12,345.5", false, "12345.5"},
		{"1,234,567", false, "1234567"},
		{"0,520", false, "0,520"}, // a first group starting with 0: not grouped
		{"1,52", false, "1,52"},   // a group of two: not grouped
		{"1520", false, "1520"},
		{"1.520", true, "1520"},
		{"12.345,5", true, "12345,5"}, // the decimal comma is read after
		{"0.520", true, "0.520"},      // section 3's reading stays
		{"92.5", true, "92.5"},
		{"1.520", false, "1.520"}, // in a comma file, a decimal point
		{"1,520 %", false, "1520 %"},
	} {
		if got := ungroup(tc.in, tc.decimalComma); got != tc.want {
			t.Errorf("ungroup(%q, %v) = %q, want %q", tc.in, tc.decimalComma, got, tc.want)
		}
	}
}

// FuzzParseMonth: any month cell, in any order, reads without a panic; a
// month read prints as one that reads the same.
func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2026-10", "01/10/2026", "Oct-26", "2026/10", "2026-10-01T00:00:00Z", "31.12.2026", "October-26"} {
		f.Add(s, "dmy")
		f.Add(s, "mdy")
		f.Add(s, "")
	}
	f.Fuzz(func(t *testing.T, s, order string) {
		m, err := ParseMonth(s, DateOrder(order))
		if err != nil {
			return
		}
		again, err := ParseMonth(m.String(), "")
		if err != nil || again != m {
			t.Fatalf("%q read as %s, which reads back as %s (%v)", s, m, again, err)
		}
	})
}
