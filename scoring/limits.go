package scoring

import (
	"fmt"
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
	// MaxColumns and MaxCellChars are a spreadsheet's own limits (16,384
	// columns, 32,767 characters in a cell): no sheet anyone keeps, or
	// export a spreadsheet opens, goes past them, and a file that does (a
	// header of millions of columns, one cell of 100 MB) is refused before
	// it is read, where it took seconds and hundreds of megabytes (issue
	// 25).
	MaxColumns   = 16384
	MaxCellChars = 32767
	// MaxProblemsKept is the most scorecard problems kept; the rest are
	// counted. ListedProblems is how many a message lists.
	MaxProblemsKept = 200
	ListedProblems  = 20
	// clipRunes is the most characters of a text a message quotes.
	clipRunes = 40
)

// Clip quotes text for a message, cut short with its length when long:
// "1234567890…" (1000000 characters). What cannot be seen is said in
// words (Readable): "month [tab] agent", never an escape code.
func Clip(s string) string { return ClipTo(s, clipRunes) }

// ClipTo is Clip for a text that may run longer (a header row): cut after
// most characters.
func ClipTo(s string, most int) string {
	n := utf8.RuneCountInString(s)
	if n <= most {
		return `"` + Readable(s) + `"`
	}
	return fmt.Sprintf(`"%s" (%d characters)`, Readable(clippedTo(s, most)), n)
}

// ClipPlain is Clip without the quotes, for a name shown as it is.
func ClipPlain(s string) string {
	if utf8.RuneCountInString(s) > clipRunes {
		s = clipped(s)
	}
	return Readable(s)
}

// clipped is the first clipRunes characters of s and an ellipsis.
func clipped(s string) string { return clippedTo(s, clipRunes) }

func clippedTo(s string, most int) string {
	r := []rune(s[:min(len(s), most*utf8.UTFMax)])
	return string(r[:most]) + "…"
}

// Readable says in words what a message cannot show: a tab, a line
// break, another control character, a byte that is not text.
func Readable(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\t':
			b.WriteString(" [tab] ")
		case r == '\n':
			b.WriteString(" [line break] ")
		case r == '\r':
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, "[byte %02X]", s[i])
		case !unicode.IsPrint(r) && r != ' ':
			fmt.Fprintf(&b, "[U+%04X]", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
