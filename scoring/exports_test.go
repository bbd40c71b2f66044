package scoring

import (
	"slices"
	"testing"
)

// TestTwoDigitYearsDecide: 09/01/26 and 09/15/26 in one file: the second
// number above 12 makes the file month first (SPEC section 8's rule with
// section 9's two-digit years).
func TestTwoDigitYearsDecide(t *testing.T) {
	order, err := DecideDates([]DateCell{{2, "09/01/26"}, {3, "09/15/26 8:51 AM"}}, "")
	if err != nil || order != MonthFirst {
		t.Errorf("got %q, %v; want mdy", order, err)
	}
	order, err = DecideDates([]DateCell{{2, "01/09/26"}, {3, "01/10/26"}}, "")
	if err != nil || order != DayFirst {
		t.Errorf("the first of each month: got %q, %v; want dmy", order, err)
	}
}

// TestIsTotal: SPEC section 9's total and summary rows.
func TestIsTotal(t *testing.T) {
	for _, s := range []string{"Total", "TOTALS", "Grand Total", " grand  total ", "Sub Total", "Subtotal:", "Summary", "sum", "Average", "avg:", "Team Average", "Team total", "Overall", "All"} {
		if !IsTotal(s) {
			t.Errorf("IsTotal(%q) = false", s)
		}
	}
	for _, s := range []string{"", "Totally", "Sam", "Alli", "Total Sales", "2026-09", "Average Joe"} {
		if IsTotal(s) {
			t.Errorf("IsTotal(%q) = true", s)
		}
	}
}

// TestHeaderKeys: unit suffixes and camel case (SPEC section 9).
func TestHeaderKeys(t *testing.T) {
	for _, tc := range []struct {
		header string
		has    string
	}{
		{"CSAT %", "csat"},
		{"CSAT%", "csat"},
		{"AHT (sec)", "aht"},
		{"CALLS count", "calls"},
		{"CallsCount", "calls"},
		{"StartInterval", "start_interval"},
		{"AgentName", "agent_name"},
		{"Avg Handle (ms)", "avg_handle"},
		{"Avg Talk Time (min)", "avg_talk_time"},
		{"Handle Time (hh:mm:ss)", "handle_time"},
		{"AHTSeconds", "aht_seconds"},
	} {
		if keys := headerKeys(tc.header); !slices.Contains(keys, tc.has) {
			t.Errorf("headerKeys(%q) = %v, want %q among them", tc.header, keys, tc.has)
		}
	}
	for _, tc := range []struct{ header, not string }{
		{"Account", "ac"},
		{"Discount", "dis"},
		{"%", ""},
	} {
		if keys := headerKeys(tc.header); slices.Contains(keys, tc.not) {
			t.Errorf("headerKeys(%q) = %v, should not hold %q", tc.header, keys, tc.not)
		}
	}
}

// TestHeaderUnit: a duration column's unit from its header's suffix.
func TestHeaderUnit(t *testing.T) {
	for h, want := range map[string]ColumnUnit{
		"Avg Handle (ms)": UnitMS, "Handle ms": UnitMS, "HandleMs": UnitMS, "Talk (milliseconds)": UnitMS,
		"Avg Talk Time (min)": UnitMinutes, "AHT (mins)": UnitMinutes, "AHT (Minutes)": UnitMinutes,
		"Logged (h)": UnitHours, "Logged (hours)": UnitHours,
		"AHT": "", "AHT (sec)": "", "Items": "", "Forms": "",
	} {
		if got := headerUnit(h); got != want {
			t.Errorf("headerUnit(%q) = %q, want %q", h, got, want)
		}
	}
}

// FuzzSection9Cells: any month cell, in either date order, gives a month
// of a year Passline reads that reads back as itself, or a *CellError
// saying what was expected; no cell or header panics.
func FuzzSection9Cells(f *testing.F) {
	for _, s := range []string{"2026-10", "2026/09/01", "20260901", "09/01/26", "9/1/26 8:51 AM", "1-Sep-26", "Sep 1, 2026",
		"September 1, 2026 11:59 PM", "2026-09-01T00:00:00.000-04:00", "46266", "46295.75", "31/02/2026", "Total", "2026.09.01", "Oct-26"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, order := range []DateOrder{"", DayFirst, MonthFirst} {
			m, err := ParseMonth(s, order)
			if err != nil {
				if _, ok := err.(*CellError); !ok {
					t.Fatalf("ParseMonth(%q): %T %v, want a *CellError", s, err, err)
				}
				continue
			}
			if m.Year() < 1900 || m.Year() > 9999 {
				t.Fatalf("ParseMonth(%q) = %s: a year out of range", s, m)
			}
			back, err := ParseMonth(m.String(), "")
			if err != nil || back != m {
				t.Fatalf("ParseMonth(%q) = %s, which reads back as %s, %v", s, m, back, err)
			}
		}
		_ = headerKeys(s)
		_ = IsTotal(s)
		_ = headerUnit(s)
	})
}
