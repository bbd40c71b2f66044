package scoring

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The limits that keep every read bounded: text from a file, a paste or a
// link never makes the engine work, or a message grow, without end. Each
// refusal names its limit. SPEC sets none of these; docs/SCORING.md lists
// them.
const (
	// MaxDigits is the most digits a number may have: far beyond any count,
	// percent or duration, and small enough that reading one is instant.
	MaxDigits = 30
	// MaxNesting is how deep a scorecard file may nest lists and objects; a
	// scorecard needs 6.
	MaxNesting = 20
	// MaxMetrics and MaxBands bound a scorecard's metrics and a metric's
	// bands: each is a slider and marks on every screen.
	MaxMetrics = 100
	MaxBands   = 100
	// MaxProblemsKept is the most scorecard problems kept; the rest are
	// counted. ListedProblems is how many a message lists.
	MaxProblemsKept = 200
	ListedProblems  = 20
	// clipRunes is the most characters of a text a message quotes.
	clipRunes = 40
)

// Clip quotes text for a message, cut short with its length when long:
// "1234567890…" (1000000 characters).
func Clip(s string) string {
	n := utf8.RuneCountInString(s)
	if n <= clipRunes {
		return fmt.Sprintf("%q", s)
	}
	r := []rune(s[:min(len(s), clipRunes*utf8.UTFMax)])
	return fmt.Sprintf("%q (%d characters)", string(r[:clipRunes])+"…", n)
}

// ClipPlain is Clip without the quotes, for a name shown as it is; what
// is not printable is escaped as Clip escapes it.
func ClipPlain(s string) string {
	if utf8.RuneCountInString(s) > clipRunes {
		r := []rune(s[:min(len(s), clipRunes*utf8.UTFMax)])
		s = string(r[:clipRunes]) + "…"
	}
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) >= 0 {
		q := strconv.Quote(s)
		s = q[1 : len(q)-1]
	}
	return s
}
