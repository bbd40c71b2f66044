package state

import (
	"testing"

	"passline/scoring"
)

// TestMetricValue: a number on screen never contradicts the points beside
// it (issue 11). Care and sales: AHT earns 3 points at 420 s (7:00) or
// less, 2 at 480 s; CE 3 points at 90 % or more, 2 at 80 %. Each want is
// worked by hand: 420.04 s is 7 min 0.04 s, over 7:00, so it must not
// print as "7:00"; 89.996 % is under 90 %, so not "90 %".
func TestMetricValue(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	aht, ce := sc.Metric("aht"), sc.Metric("ce")
	const sp = "\u00a0"
	for _, tc := range []struct {
		m           *scoring.Metric
		v           string
		value, word string
	}{
		{aht, "455", "7:35", "7 minutes 35 seconds"},
		{aht, "420", "7:00", "7 minutes"},
		{aht, "420.04", "7:00.04", "7 minutes 0.04 seconds"},     // 2 points, not 3
		{aht, "419.96", "6:59.96", "6 minutes 59.96 seconds"},    // 3 points
		{aht, "479.999", "7:59.999", "7 minutes 59.999 seconds"}, // 2 points, under 480
		{aht, "455.55", "7:35.6", "7 minutes 35.55 seconds"},     // no band near: a tenth on the clock
		{aht, "9223372036854775808", "9223372036854775808" + sp + "s", "9223372036854775808 seconds"},
		{ce, "92", "92" + sp + "%", "92 percent"},
		{ce, "89.996", "89.996" + sp + "%", "89.996 percent"}, // 2 points
		{ce, "90", "90" + sp + "%", "90 percent"},
		{ce, "92.3077", "92.31" + sp + "%", "92.31 percent"},
	} {
		v := scoring.MustNum(tc.v)
		if got := MetricValue(tc.m, v); got != tc.value {
			t.Errorf("MetricValue(%s, %s) = %q, want %q", tc.m.ID, tc.v, got, tc.value)
		}
		if got := MetricWords(tc.m, v); got != tc.word {
			t.Errorf("MetricWords(%s, %s) = %q, want %q", tc.m.ID, tc.v, got, tc.word)
		}
	}
}

// TestWhatIfRanges: one check for every way a what-if arrives; a link or
// saved state can set nothing a slider or input would refuse (issue 11).
func TestWhatIfRanges(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, text string
		ok        bool
	}{
		{"ce", "92", true}, {"ce", "0", true}, {"ce", "-50", false}, {"ce", "100", true},
		{"aht", "455", true}, {"aht", "-300", false}, {"aht", "86400", true}, {"aht", "86401", false},
		{"attendance.late", "2", true}, {"attendance.late", "-3", false}, {"attendance.absent", "0.5", false},
		{"attendance.late", "100001", false}, {"attendance.nope", "1", false}, {"nope", "1", false},
		{"ce", "1234567890123456789012345678901", false}, // 31 digits
		{"ce", "high", false},
	} {
		_, err := WhatIfValue(sc, tc.key, tc.text)
		if (err == nil) != tc.ok {
			t.Errorf("whatIfValue(%s, %q): %v, want ok %v", tc.key, tc.text, err, tc.ok)
		}
	}
}

func TestMessage(t *testing.T) {
	for in, want := range map[string]string{
		"the draft was not used":                    "The draft was not used",
		"fifty-megabytes.csv is 50 MB":              "fifty-megabytes.csv is 50 MB",
		`"x" is not a number of points`:             `"x" is not a number of points`,
		"0 is not a number of responses":            "0 is not a number of responses",
		"Customer experience: 150 is not a percent": "Customer experience: 150 is not a percent",
		"": "",
	} {
		if got := Message(in); got != want {
			t.Errorf("Message(%q) = %q, want %q", in, got, want)
		}
	}
}
