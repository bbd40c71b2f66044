package scoring

import (
	"fmt"
	"strings"
	"testing"
)

// TestLimits: each limit of limits.go holds at its value and refuses one
// past it, naming itself.
func TestLimits(t *testing.T) {
	thirty := strings.Repeat("9", 30)
	if _, err := ParseNum(thirty); err != nil {
		t.Errorf("30 digits: %v", err)
	}
	if _, err := ParseNum("000" + thirty + ".000"); err == nil {
		t.Error("trailing zeros count: 33 digits")
	}
	if _, err := ParseNum("0000000000" + thirty); err != nil {
		t.Errorf("leading zeros do not count: %v", err)
	}
	if _, err := ParseNum("1" + thirty); err == nil || !strings.Contains(err.Error(), "has 31 digits, more than the 30 a number may have") {
		t.Errorf("31 digits: %v", err)
	}
	var c CountCell
	if err := c.UnmarshalCSV(strings.Repeat("5", 1_000_000)); err == nil || !strings.Contains(err.Error(), "of at most 30 digits") {
		t.Errorf("a million-digit count: %v", err)
	}
	var d DurationCell
	if err := d.UnmarshalCSV(strings.Repeat("5", 31) + ":00"); err == nil || !strings.Contains(err.Error(), "of at most 30 digits") {
		t.Errorf("a 31-digit duration: %v", err)
	}

	// Nesting: 20 levels are read (and refused for what they hold), 21 are not read.
	nested := func(n int) string { return `{"name": ` + strings.Repeat("[", n-1) + strings.Repeat("]", n-1) + `}` }
	if _, err := ParseScorecard([]byte(nested(20))); err == nil || strings.Contains(err.Error(), "nests") {
		t.Errorf("20 levels: %v", err)
	}
	if _, err := ParseScorecard([]byte(nested(21))); err == nil || !strings.Contains(err.Error(), "the file nests lists and objects more than 20 deep") {
		t.Errorf("21 levels: %v", err)
	}

	// Metrics and bands: 100 are read, 101 are refused.
	card := func(metrics, bands int) string {
		var b strings.Builder
		b.WriteString(`{"version": 1, "name": "x", "pass": 2, "decimals": 1, "metrics": [`)
		for i := 0; i < metrics; i++ {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, `{"id": "m%d", "label": "M%d", "unit": "number", "better": "higher", "weight": %s, "bands": [`, i, i, Frac(100, int64(metrics)).String())
			for k := 0; k < bands; k++ {
				if k > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, `{"points": 2, "at": %d}`, k)
			}
			b.WriteString("]}")
		}
		b.WriteString("]}")
		return b.String()
	}
	if _, err := ParseScorecard([]byte(card(100, 1))); err != nil {
		t.Errorf("100 metrics: %v", err)
	}
	if _, err := ParseScorecard([]byte(card(101, 1))); err == nil || !strings.Contains(err.Error(), "has 101 metrics, more than the 100 a scorecard may have") {
		t.Errorf("101 metrics: %v", err)
	}
	if _, err := ParseScorecard([]byte(card(1, 101))); err == nil || !strings.Contains(err.Error(), "has 101 bands, more than the 100 a metric may have") {
		t.Errorf("101 bands: %v", err)
	}

	// Problems: 20 listed, the rest counted; the count is every problem.
	var keys strings.Builder
	keys.WriteString(`{"version": 1, "name": "x", "pass": 2, "decimals": 1, "metrics": []`)
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&keys, `, "k%03d": 1`, i)
	}
	keys.WriteString("}")
	_, err := ParseScorecard([]byte(keys.String()))
	msg := err.Error()
	if !strings.Contains(msg, "(501 problems)") || !strings.Contains(msg, "…and 481 more") || strings.Count(msg, "\n") != 21 {
		t.Errorf("500 unknown keys and no metric:\n%s", msg)
	}
}

// TestClip: long texts are quoted short with their length; what cannot be
// seen is said in words, never as an escape code.
func TestClip(t *testing.T) {
	for _, tc := range []struct{ in, clip, plain string }{
		{"Sam", `"Sam"`, "Sam"},
		{strings.Repeat("A", 40), `"` + strings.Repeat("A", 40) + `"`, strings.Repeat("A", 40)},
		{strings.Repeat("A", 41), `"` + strings.Repeat("A", 40) + `…" (41 characters)`, strings.Repeat("A", 40) + "…"},
		{"red\x1b[31m", `"red[U+001B][31m"`, `red[U+001B][31m`},
		{"month\tagent", `"month [tab] agent"`, `month [tab] agent`},
		{"2\r\n3", `"2 [line break] 3"`, `2 [line break] 3`},
		{"caf\xe9", `"caf[byte E9]"`, `caf[byte E9]`},
		{strings.Repeat("é", 50), `"` + strings.Repeat("é", 40) + `…" (50 characters)`, strings.Repeat("é", 40) + "…"},
	} {
		if got := Clip(tc.in); got != tc.clip {
			t.Errorf("Clip(%q) = %s, want %s", tc.in, got, tc.clip)
		}
		if got := ClipPlain(tc.in); got != tc.plain {
			t.Errorf("ClipPlain(%q) = %s, want %s", tc.in, got, tc.plain)
		}
	}
}
