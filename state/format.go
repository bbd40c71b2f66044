package state

import (
	"fmt"
	"strings"

	"passline/scoring"
)

// NBSP keeps a number and its unit on one line.
const NBSP = "\u00a0"

// FormatValue prints a raw value in its metric's unit: "92 %", "7:35",
// "2.5 points", "12.5".
func FormatValue(u scoring.Unit, v scoring.Num) string { return formatAt(u, v, shownDecimals(u)) }

// shownDecimals is how many decimals a value of unit u shows as a rule: a
// tenth of a second for durations, two for the rest.
func shownDecimals(u scoring.Unit) int {
	if u == scoring.Seconds {
		return 1
	}
	return 2
}

// MetricValue prints a value of m with the decimals that decide its band:
// 420.04 s shows as "7:00.04" beside a band "7:00 or less", never "7:00";
// 89.996 % as "89.996 %" below a band at 90 %.
func MetricValue(m *scoring.Metric, v scoring.Num) string {
	return formatAt(m.Unit, v, decisive(m, v, shownDecimals(m.Unit)))
}

// decisive is how many decimals, least at the fewest, v needs so that,
// rounded, it stands on the same side of every band threshold of m as v.
func decisive(m *scoring.Metric, v scoring.Num, least int) int {
	for d := least; d < scoring.MaxDigits; d++ {
		r, same := v.Round(d), true
		for _, b := range m.Bands {
			if r.Cmp(b.At) != v.Cmp(b.At) {
				same = false
				break
			}
		}
		if same {
			return d
		}
	}
	return scoring.MaxDigits
}

// formatAt prints v in unit u with at most d decimals.
func formatAt(u scoring.Unit, v scoring.Num, d int) string {
	switch u {
	case scoring.Percent:
		return v.Short(d) + NBSP + "%"
	case scoring.Seconds:
		return clock(v, d)
	case scoring.Points:
		if v.Equal(scoring.N(1)) {
			return "1" + NBSP + "point"
		}
		return v.Short(d) + NBSP + "points"
	}
	return v.Short(d)
}

// hugeSeconds is where durations stop being shown as a clock: beyond any
// handle time, and far from int64's limits.
var hugeSeconds = scoring.N(1_000_000_000)

// clock prints seconds as m:ss, or h:mm:ss from an hour, with at most d
// decimals, shown only when there are some: 455 → "7:35", 455.5 →
// "7:35.5". A negative value gets a minus; a huge one is plain seconds.
func clock(v scoring.Num, d int) string {
	if v.Sign() < 0 {
		return "-" + clock(v.Neg(), d)
	}
	if hugeSeconds.Less(v) {
		return v.Short(d) + NBSP + "s"
	}
	r := v.Round(d)
	whole := r.Floor(0).Int64()
	frac := strings.TrimPrefix(r.Sub(scoring.N(whole)).Short(d), "0")
	h, m, s := whole/3600, whole/60%60, whole%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d%s", h, m, s, frac)
	}
	return fmt.Sprintf("%d:%02d%s", m, s, frac)
}

// ValueWords says a value for a screen reader: "92 percent",
// "7 minutes 35 seconds", "2.5 points".
func ValueWords(u scoring.Unit, v scoring.Num) string { return wordsAt(u, v, 2) }

// MetricWords is ValueWords with the decimals that decide m's band.
func MetricWords(m *scoring.Metric, v scoring.Num) string {
	return wordsAt(m.Unit, v, decisive(m, v, 2))
}

func wordsAt(u scoring.Unit, v scoring.Num, d int) string {
	switch u {
	case scoring.Percent:
		return v.Short(d) + " percent"
	case scoring.Seconds:
		if v.Sign() < 0 || hugeSeconds.Less(v) {
			return v.Short(d) + " seconds"
		}
		r := v.Round(d)
		whole := r.Floor(0).Int64()
		m, s := whole/60, r.Sub(scoring.N(whole/60*60))
		var parts []string
		if m > 0 {
			parts = append(parts, Plural(m, "minute"))
		}
		if !s.IsZero() || m == 0 {
			word := " seconds"
			if s.Equal(scoring.N(1)) {
				word = " second"
			}
			parts = append(parts, s.Short(d)+word)
		}
		return strings.Join(parts, " ")
	}
	return formatAt(u, v, d)
}

// Plural says a count with its noun: "1 row", "3 rows".
func Plural[T int | int64](n T, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// ShownLine rounds a pass line towards the better side at the precision
// FormatValue shows (durations to a tenth of a second, the rest to two
// decimals), so that reaching the number shown always suffices.
func ShownLine(m *scoring.Metric, v scoring.Num) scoring.Num {
	d := shownDecimals(m.Unit)
	if m.Better == scoring.Lower && !m.IsPoints() {
		return v.Floor(d)
	}
	return v.Ceil(d)
}

// JoinAnd lists words as a sentence does: "A", "A and B", "A, B and C".
func JoinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// PointsText says points with their unit: "1 point", "2.5 points".
func PointsText(p scoring.Num) string { return FormatValue(scoring.Points, p) }

// Capitalize puts the first letter in upper case: "surveys" → "Surveys".
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Message puts a message as the app shows it: starting with a capital,
// unless it starts with a name that must stay as it is written (a file
// name such as "october.csv", a quoted text, a number).
func Message(msg string) string {
	first, _, _ := strings.Cut(msg, " ")
	if first == "" || strings.ContainsAny(first, `."'“0123456789`) {
		return msg
	}
	return Capitalize(msg)
}

func ErrText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// ChanceAbout is a chance known to lie in [p, p + unsure]: as ChanceText
// when both ends show the same, else "about" its middle (issue 25: the
// odds' bounded arithmetic).
func ChanceAbout(p, unsure float64) string {
	if ChanceText(p) == ChanceText(p+unsure) {
		return ChanceText(p)
	}
	return "about " + ChanceText(p+unsure/2)
}

// ChanceText prints a chance as a whole percent, never claiming certainty
// that is not there: "below 1 %", "above 99 %".
func ChanceText(p float64) string {
	switch {
	case p <= 0:
		return "0" + NBSP + "%"
	case p >= 1:
		return "100" + NBSP + "%"
	case p < 0.01:
		return "below 1" + NBSP + "%"
	case p > 0.99:
		return "above 99" + NBSP + "%"
	}
	return fmt.Sprintf("%.0f%s%%", p*100, NBSP)
}

func MonthName(m scoring.Month) string {
	return [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}[m.Number()-1]
}

func MonthLabel(m scoring.Month) string { return fmt.Sprintf("%s %d", MonthName(m), m.Year()) }

// ShortMonth is "Oct 2026", for tables on a phone.
func ShortMonth(m scoring.Month) string { return fmt.Sprintf("%.3s %d", MonthName(m), m.Year()) }

func DecimalsText(d int) string {
	if d == 1 {
		return "1 decimal"
	}
	return fmt.Sprintf("%d decimals", d)
}

// ResponseWord names what a ratio or NPS metric counts responses in:
// "surveys", "calls", "responses" for NPS.
func ResponseWord(m *scoring.Metric) string {
	if m.Source.Kind == scoring.FromNPS {
		return "responses"
	}
	return ColumnWords(m.Source.Den)
}

// MonthInRange reports whether a month lies in the years data can have
// (1900 to 9999).
func MonthInRange(m scoring.Month) bool { return m.Year() >= 1900 && m.Year() <= 9999 }

// NextMonthText is the month after latest as the month input writes it
// (2026-11), or "" after December 9999.
func NextMonthText(latest scoring.Month) string {
	if !MonthInRange(latest + 1) {
		return ""
	}
	return (latest + 1).String()
}

// FollowingMonth names the month after m: "December 2026", or "next
// month" after December 9999.
func FollowingMonth(m scoring.Month) string {
	if !MonthInRange(m + 1) {
		return "next month"
	}
	return MonthLabel(m + 1)
}
