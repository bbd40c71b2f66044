package scoring

import (
	"strings"
	"testing"
)

type cellCase struct {
	name, in string
	want     string // the value read, as Num.String; "" for a blank cell
	err      string // part of the expected message; "" for no error
}

func runCells(t *testing.T, parse func(string) (Num, bool, error), cases []cellCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v, blank, err := parse(c.in)
			switch {
			case c.err != "":
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("%q: want an error saying %q, got %v (value %s)", c.in, c.err, err, v)
				}
			case err != nil:
				t.Fatalf("%q: %v", c.in, err)
			case c.want == "" && !blank:
				t.Fatalf("%q: want a blank cell, got %s", c.in, v)
			case c.want != "" && (blank || v.String() != c.want):
				t.Fatalf("%q: got %s (blank %v), want %s", c.in, v, blank, c.want)
			}
		})
	}
}

func TestDurationCell(t *testing.T) {
	runCells(t, func(s string) (Num, bool, error) {
		var c DurationCell
		err := c.UnmarshalCSV(s)
		return c.Value, c.Blank, err
	}, []cellCase{
		{"plain seconds", "455", "455", ""},
		{"seconds suffix", "455s", "455", ""},
		{"seconds suffix spaced", "455 s", "455", ""},
		{"fractional seconds", "455.5", "455.5", ""},
		{"mm:ss", "7:35", "455", ""},
		{"h:mm:ss", "0:07:35", "455", ""},
		{"hours", "1:00:00", "3600", ""},
		{"minutes over an hour", "75:00", "4500", ""},
		{"m and s", "7m35s", "455", ""},
		{"m and s spaced", "7m 35s", "455", ""},
		{"minutes only", "7m", "420", ""},
		{"h m s", "1h2m3s", "3723", ""},
		{"fraction in last part", "7:35.5", "455.5", ""},
		{"blank", "", "", ""},
		{"seconds of 60", "7:60", "", "a duration such as 455, 455s, 7:35, 0:07:35 or 7m35s"},
		{"one-digit seconds", "7:5", "", "a duration"},
		{"negative", "-455", "", "never negative"},
		{"negative part", "7:-5", "", "a duration"},
		{"text", "long", "", "a duration"},
		{"decimal comma", "455,5", "", "decimal comma is read only in semicolon-separated files"},
		{"too many parts", "1:2:3:4", "", "a duration"},
		{"unit order", "35s7m", "", "a duration"},
		{"percent", "92%", "", "a duration"},
	})
}

func TestPercentCell(t *testing.T) {
	runCells(t, func(s string) (Num, bool, error) {
		var c PercentCell
		err := c.UnmarshalCSV(s)
		return c.Value, c.Blank, err
	}, []cellCase{
		{"bare", "92", "92", ""},
		{"with sign", "92%", "92", ""},
		{"with decimals", "92.0", "92", ""},
		{"spaced sign", "92 %", "92", ""},
		{"small bare number is percent", "0.92", "0.92", ""},
		{"negative (an NPS as percent)", "-20%", "-20", ""},
		{"blank", "", "", ""},
		{"comma", "92,5", "", "a decimal comma is read only in semicolon-separated files"},
		{"thousands", "1,234", "", "no thousands separator"},
		{"exponent", "9.2e1", "", "without an exponent"},
		{"text", "n/a", "", "a percentage such as 92, 92% or 92.5"},
		{"two signs", "92%%", "", "a percentage"},
	})
}

func TestCountAndAmountCells(t *testing.T) {
	count := func(s string) (Num, bool, error) {
		var c CountCell
		err := c.UnmarshalCSV(s)
		return c.Value, c.Blank, err
	}
	runCells(t, count, []cellCase{
		{"whole", "25", "25", ""},
		{"zero", "0", "0", ""},
		{"point zero", "25.0", "25", ""},
		{"blank", "", "", ""},
		{"negative", "-1", "", "counts are never negative"},
		{"fraction", "2.5", "", "a count has no fraction"},
		{"plus", "+3", "", "a whole number"},
		{"text", "three", "", "a whole number such as 25"},
		{"percent", "25%", "", "a whole number"},
	})
	amount := func(s string) (Num, bool, error) {
		var c AmountCell
		err := c.UnmarshalCSV(s)
		return c.Value, c.Blank, err
	}
	runCells(t, amount, []cellCase{
		{"whole", "520", "520", ""},
		{"fraction", "37.5", "37.5", ""},
		{"negative", "-5", "", "counts are never negative"},
		{"thousands", "1,520", "", "no thousands separator"},
	})
}

func TestNumberCell(t *testing.T) {
	runCells(t, func(s string) (Num, bool, error) {
		var c NumberCell
		err := c.UnmarshalCSV(s)
		return c.Value, c.Blank, err
	}, []cellCase{
		{"whole", "12", "12", ""},
		{"negative", "-12.5", "-12.5", ""},
		{"leading point", ".5", "0.5", ""},
		{"percent sign", "12%", "", "% is only for percent metrics"},
		{"exponent", "1E3", "", "without an exponent"},
		{"text", "twelve", "", "a number such as 12 or 12.5"},
		{"lone sign", "-", "", "a number"},
		{"lone point", ".", "", "a number"},
	})
}

func TestMonthCell(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"2026-10", "2026-10", ""},
		{"2026-1", "2026-01", ""},
		{"2026-10-31", "2026-10", ""},
		{"2028-02-29", "2028-02", ""},
		{"Oct 2026", "2026-10", ""},
		{"oct 2026", "2026-10", ""},
		{"October 2026", "2026-10", ""},
		{"Sept 2026", "2026-09", ""},
		{"10/2026", "2026-10", ""},
		{"1/2027", "2027-01", ""},
		{"2026-13", "", "a month number from 1 to 12"},
		{"2026-00", "", "a month number from 1 to 12"},
		{"2026-02-30", "", monthExpected},
		{"2027-02-29", "", monthExpected},
		{"2026-10-32", "", monthExpected},
		{"Octember 2026", "", monthExpected},
		{"10/26", "", monthExpected},
		{"26-10", "", monthExpected},
		{"0999-10", "", "a year from 1900 to 9999"},
		{"", "", monthExpected},
		// SPEC section 8's forms.
		{"2026/10", "2026-10", ""},
		{"Oct-2026", "2026-10", ""},
		{"Oct-26", "2026-10", ""},
		{"October-26", "2026-10", ""},
		{"Sept-26", "2026-09", ""},
		{"Oct-6", "", monthExpected},
		{"Octember-26", "", monthExpected},
		{"2026/13", "", "a month number from 1 to 12"},
	}
	for _, c := range cases {
		var m Month
		err := m.UnmarshalCSV(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: want error %q, got %v (%s)", c.in, c.err, err, m)
			}
			continue
		}
		if err != nil || m.String() != c.want {
			t.Errorf("%q: got %s, %v; want %s", c.in, m, err, c.want)
		}
	}
}

func TestNum(t *testing.T) {
	cases := []struct {
		x                        Num
		d                        int
		round, ceil, floor, shrt string
	}{
		{MustNum("2.05"), 1, "2.1", "2.1", "2", "2.1"},
		{MustNum("-2.05"), 1, "-2.1", "-2", "-2.1", "-2.1"},
		{MustNum("2.04999"), 1, "2", "2.1", "2", "2"},
		{Frac(60, 520).Mul(N(100)), 4, "11.5385", "11.5385", "11.5384", "11.5385"},
		{Frac(1, 3), 2, "0.33", "0.34", "0.33", "0.33"},
		{MustNum("2.5"), 0, "3", "3", "2", "3"},
		{MustNum("-0.00001"), 4, "0", "0", "-0.0001", "0"},
		{MustNum("1.9"), 3, "1.9", "1.9", "1.9", "1.9"},
	}
	for _, c := range cases {
		if got := c.x.Round(c.d).String(); got != c.round {
			t.Errorf("Round(%s, %d) = %s, want %s", c.x, c.d, got, c.round)
		}
		if got := c.x.Ceil(c.d).String(); got != c.ceil {
			t.Errorf("Ceil(%s, %d) = %s, want %s", c.x, c.d, got, c.ceil)
		}
		if got := c.x.Floor(c.d).String(); got != c.floor {
			t.Errorf("Floor(%s, %d) = %s, want %s", c.x, c.d, got, c.floor)
		}
		if got := c.x.Short(c.d); got != c.shrt {
			t.Errorf("Short(%s, %d) = %s, want %s", c.x, c.d, got, c.shrt)
		}
	}
	if got := MustNum("-0.04").Fixed(1); got != "0.0" {
		t.Errorf("-0.04 to one decimal prints %q, want 0.0 (no minus zero)", got)
	}
	if got := MustNum("1.9").Fixed(3); got != "1.900" {
		t.Errorf("Fixed(3) = %q", got)
	}
	if got := Frac(1, 3).String(); got != "0.333333333333" {
		t.Errorf("String of 1/3 = %q", got)
	}
	for _, bad := range []string{"", "1e3", "1,5", "--1", "1.2.3", " 1", "+"} {
		if _, err := ParseNum(bad); err == nil {
			t.Errorf("ParseNum(%q) accepted", bad)
		}
	}
}
