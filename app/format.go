package app

import (
	"fmt"
	"strings"

	"passline/scoring"
)

// nbsp keeps a number and its unit on one line.
const nbsp = "\u00a0"

// FormatValue prints a raw value in its metric's unit: "92 %", "7:35",
// "2.5 points", "12.5".
func FormatValue(u scoring.Unit, v scoring.Num) string {
	switch u {
	case scoring.Percent:
		return v.Short(2) + nbsp + "%"
	case scoring.Seconds:
		return clock(v)
	case scoring.Points:
		if v.Equal(scoring.N(1)) {
			return "1" + nbsp + "point"
		}
		return v.Short(2) + nbsp + "points"
	}
	return v.Short(2)
}

// clock prints seconds as m:ss, or h:mm:ss from an hour, with a decimal
// part only when there is one: 455 → "7:35", 455.5 → "7:35.5".
func clock(v scoring.Num) string {
	whole := v.Floor(0).Int64()
	frac := strings.TrimPrefix(v.Sub(scoring.N(whole)).Short(1), "0")
	if frac == "1" || frac == "0" { // rounding carried: 59.96 s shows as 1:00
		whole, frac = v.Round(0).Int64(), ""
	}
	h, m, s := whole/3600, whole/60%60, whole%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d%s", h, m, s, frac)
	}
	return fmt.Sprintf("%d:%02d%s", m, s, frac)
}

// ValueWords says a value for a screen reader: "92 percent",
// "7 minutes 35 seconds", "2.5 points".
func ValueWords(u scoring.Unit, v scoring.Num) string {
	switch u {
	case scoring.Percent:
		return v.Short(2) + " percent"
	case scoring.Seconds:
		whole := v.Round(0).Int64()
		m, s := whole/60, whole%60
		var parts []string
		if m > 0 {
			parts = append(parts, plural(m, "minute"))
		}
		if s > 0 || m == 0 {
			parts = append(parts, plural(s, "second"))
		}
		return strings.Join(parts, " ")
	}
	return FormatValue(u, v)
}

// plural says a count with its noun: "1 row", "3 rows".
func plural[T int | int64](n T, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// shownLine rounds a pass line towards the better side at the precision
// FormatValue shows (durations to a tenth of a second, the rest to two
// decimals), so that reaching the number shown always suffices.
func shownLine(m *scoring.Metric, v scoring.Num) scoring.Num {
	d := 2
	if m.Unit == scoring.Seconds {
		d = 1
	}
	if m.Better == scoring.Lower && !m.IsPoints() {
		return v.Floor(d)
	}
	return v.Ceil(d)
}

// LineWords says a metric's pass line in a sentence, for a month that
// passes or not.
func LineWords(m *scoring.Metric, l scoring.PassLine, passing bool) string {
	switch l.Kind {
	case scoring.PassesAtWorst:
		return m.Label + ": passes even at the worst (the month passes whatever its value)."
	case scoring.CannotPass:
		return m.Label + ": cannot pass even at the best (the month fails whatever its value; move another metric)."
	case scoring.LineUnknown:
		return "The pass line shows once every metric has a value."
	}
	v := FormatValue(m.Unit, shownLine(m, l.Value))
	lower := m.Better == scoring.Lower && !m.IsPoints()
	switch {
	case passing && lower:
		return fmt.Sprintf("%s can rise to %s and you still pass.", m.Label, v)
	case passing:
		return fmt.Sprintf("%s can fall to %s and you still pass.", m.Label, v)
	case lower:
		return fmt.Sprintf("%s must come down to %s for the month to pass.", m.Label, v)
	}
	return fmt.Sprintf("%s must reach %s for the month to pass.", m.Label, v)
}

// pointsText says points with their unit: "1 point", "2.5 points".
func pointsText(p scoring.Num) string { return FormatValue(scoring.Points, p) }

// capitalize puts the first letter in upper case: "surveys" → "Surveys".
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
