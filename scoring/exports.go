package scoring

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Exports as contact-centre platforms write them (SPEC section 9): more
// names for the month, the agent and the columns, unit suffixes and camel
// case in headers, units of a column, and total rows.

// Section 9's names for the month and agent columns, tried after section 8's.
var (
	monthAliases9 = []string{"interval", "interval_start", "start_interval", "start_date", "start_time", "started_at", "day", "row_date", "report_date", "evaluation_date", "contact_date"}
	agentAliases9 = []string{"user", "user_name", "username", "full_name", "agent_full_name", "representative", "team_member"}
)

// columnAliases are the other headers a source or direct column of one of
// these names also matches (SPEC section 9), as column keys.
var columnAliases = map[string][]string{
	"calls":     {"handled", "calls_handled", "handled_calls", "answered", "calls_answered", "contacts_handled", "handled_contacts", "interactions_handled"},
	"contacts":  {"handled", "contacts_handled", "handled_contacts", "interactions_handled"},
	"aht":       {"average_handle_time", "avg_handle_time", "avg_handle", "average_handle", "handle_time_avg"},
	"surveys":   {"survey_count", "surveys_completed", "responses", "survey_responses"},
	"satisfied": {"satisfied_surveys", "positive_surveys", "positive_responses"},
	"offers":    {"offers_made", "offers_presented", "offered"},
	"sales":     {"conversions", "sales_made", "orders"},
	"late":      {"lates", "tardies", "tardy", "late_arrivals"},
	"absent":    {"absences", "absents", "absent_days"},
}

// unitSuffixes are taken off a header's end before it is matched (SPEC
// section 9): "CSAT %" matches CSAT, "AHT (sec)" aht, "CALLS count" calls.
var unitSuffixes = []string{"%", "(%)", "(s)", "(sec)", "(secs)", "(seconds)", "(ms)", "(min)", "(mins)", "(minutes)", "(h)", "(hours)", "(hh:mm:ss)", "(h:mm:ss)", "(mm:ss)", "(count)", "count"}

// splitCamel writes a camel-case header as its words: StartInterval is
// "Start Interval", AgentName "Agent Name", AHTSeconds "AHT Seconds".
func splitCamel(h string) string {
	r := []rune(h)
	var b strings.Builder
	for i, c := range r {
		if i > 0 && unicode.IsUpper(c) {
			prev := r[i-1]
			nextLower := i+1 < len(r) && unicode.IsLower(r[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || unicode.IsUpper(prev) && nextLower {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

// stripUnitSuffix takes one unit suffix off a header's end; ok is false
// when it has none (or nothing would be left).
func stripUnitSuffix(h string) (string, bool) {
	t := strings.TrimSpace(h)
	lower := strings.ToLower(t)
	for _, s := range unitSuffixes {
		if !strings.HasSuffix(lower, s) {
			continue
		}
		rest := t[:len(t)-len(s)]
		if s == "count" { // a word: "CALLS count", never "Account"
			if rest == "" || !strings.ContainsAny(rest[len(rest)-1:], " _-") {
				continue
			}
		}
		rest = strings.TrimRight(rest, " _-")
		if rest != "" {
			return rest, true
		}
	}
	return "", false
}

// headerKeys are the column keys a header matches under SPEC section 9:
// as written, as its camel-case words, and each without a unit suffix.
func headerKeys(h string) []string {
	keys := []string{ColumnKey(h)}
	add := func(s string) {
		if k := ColumnKey(s); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	for _, form := range []string{h, splitCamel(h)} {
		add(form)
		if rest, ok := stripUnitSuffix(form); ok {
			add(rest)
			add(splitCamel(rest))
		}
	}
	return keys
}

// namesOf is a name and its section 9 aliases, as column keys.
func namesOf(name string) []string {
	k := ColumnKey(name)
	return append([]string{k}, columnAliases[k]...)
}

// ColumnUnit is how a bare number of a column is read (SPEC section 9).
type ColumnUnit string

// The units a column can be read in: durations in milliseconds, seconds,
// minutes or hours; rates as fractions (0.917 is 91.7 %) or as written
// (percent).
const (
	UnitMS       ColumnUnit = "ms"
	UnitSeconds  ColumnUnit = "s"
	UnitMinutes  ColumnUnit = "min"
	UnitHours    ColumnUnit = "h"
	UnitFraction ColumnUnit = "fraction"
	UnitPercent  ColumnUnit = "percent"
)

// Units lists the units a column can be given, in the order offered.
var Units = []ColumnUnit{UnitMS, UnitSeconds, UnitMinutes, UnitHours, UnitFraction, UnitPercent}

// durationUnit says whether u is a unit of time.
func (u ColumnUnit) duration() bool {
	return u == UnitMS || u == UnitSeconds || u == UnitMinutes || u == UnitHours
}

// factor is what a bare number in unit u is multiplied by to be in the
// engine's unit (seconds, percent).
func (u ColumnUnit) factor() Num {
	switch u {
	case UnitMS:
		return Frac(1, 1000)
	case UnitMinutes:
		return N(60)
	case UnitHours:
		return N(3600)
	case UnitFraction:
		return N(100)
	}
	return N(1)
}

// Words says how a column in unit u is read: "in milliseconds", "as
// fractions (0.5 is 50 %)".
func (u ColumnUnit) Words() string {
	return map[ColumnUnit]string{UnitMS: "in milliseconds", UnitSeconds: "in seconds", UnitMinutes: "in minutes", UnitHours: "in hours",
		UnitFraction: "as fractions (0.5 is 50 %)", UnitPercent: "as percentages, as written"}[u]
}

// headerUnit is the unit a header's suffix gives a duration column's bare
// numbers: (ms), ms or (milliseconds); (min), (mins) or (minutes); (h) or
// (hours); "" otherwise (seconds).
func headerUnit(h string) ColumnUnit {
	lower := strings.ToLower(strings.TrimSpace(h))
	for _, s := range []struct {
		suffix string
		unit   ColumnUnit
	}{
		{"(ms)", UnitMS}, {"(milliseconds)", UnitMS}, {"(min)", UnitMinutes}, {"(mins)", UnitMinutes},
		{"(minutes)", UnitMinutes}, {"(h)", UnitHours}, {"(hours)", UnitHours},
	} {
		if strings.HasSuffix(lower, s.suffix) {
			return s.unit
		}
	}
	if words := strings.Fields(strings.ToLower(splitCamel(strings.NewReplacer("_", " ", "-", " ").Replace(h)))); len(words) > 1 && words[len(words)-1] == "ms" {
		return UnitMS
	}
	return ""
}

// ParseUnit reads a unit as the command line and the app name it.
func ParseUnit(s string) (ColumnUnit, error) {
	u := ColumnUnit(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(Units, u) {
		return u, nil
	}
	return "", fmt.Errorf("%w: %s is not a unit: write ms, s, min, h, fraction or percent", ErrUsage, Clip(s))
}

// totalWords are the agent or month cells of total and summary rows,
// which are left out (SPEC section 9).
var totalWords = []string{"total", "totals", "grand total", "sub total", "subtotal", "summary", "sum", "average", "avg", "team average", "team total", "overall", "all"}

// IsTotal reports whether an agent or month cell marks a total or summary
// row: trimmed, ignoring case and a trailing ":".
func IsTotal(cell string) bool {
	c := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(cell), ":"))
	if c == "" || len(c) > 16 || !strings.ContainsAny(c[:1], "tTgGsSaAoO") {
		return false // most cells, at once: no allocation
	}
	if strings.Contains(c, "  ") || strings.ContainsAny(c, "\t") {
		c = strings.Join(strings.Fields(c), " ")
	}
	for _, w := range totalWords {
		if strings.EqualFold(c, w) {
			return true
		}
	}
	return false
}

// UnitDoubt is a column whose unit is in doubt (SPEC section 9): a percent
// column whose every value lies between 0 and 1 (fractions?), or a
// seconds column whose every value is 10,000 s or more (milliseconds?).
type UnitDoubt struct {
	Header  string
	Unit    ColumnUnit // the unit it may be in: UnitFraction or UnitMS
	Example string     // its first value, as written
	Value   Num        // that value as read (percent, or seconds)
	// Held says the column was read as nothing until the user answers
	// (ReadOptions.Ask): the app's fractions.
	Held bool
}

// Note says the doubt for the command line.
func (u UnitDoubt) Note() string {
	if u.Unit == UnitFraction {
		return fmt.Sprintf("%s: every value is between 0 and 1: fractions? say --unit '%s=fraction'", Clip(u.Header), u.Header)
	}
	return fmt.Sprintf("%s: %s s is %s hours: milliseconds? say --unit '%s=ms'", Clip(u.Header), u.Example, u.Value.Div(N(3600)).Round(0).Short(0), u.Header)
}
