package state

import (
	"errors"
	"os"
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

// TestMarginWords: the verdict's sentence, worked by hand. Care and
// sales passes at 2.0 and shows one decimal: 2.1 is 0.1 above (2.1 - 2.0),
// 1.9 is 0.1 below (2.0 - 1.9).
func TestMarginWords(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		score string
		gated []string
		want  string
	}{
		{"2.1", nil, "0.1 above the pass mark of 2.0"},
		{"1.9", nil, "0.1 below the pass mark of 2.0"},
		{"2", nil, "exactly the pass mark of 2.0"},
		{"3", nil, "1.0 above the pass mark of 2.0"},
		{"2.5", []string{"Quality"}, "Quality is below its gate, so the month fails whatever the score"},
		{"2.5", []string{"Quality", "Attendance", "CE"}, "Quality, Attendance and CE are below their gates, so the month fails whatever the score"},
	} {
		if got := MarginWords(sc, scoring.MustNum(tc.score), tc.gated); got != tc.want {
			t.Errorf("MarginWords(%s, %v) = %q, want %q", tc.score, tc.gated, got, tc.want)
		}
	}
}

// TestForgetWords: "Start again" names what it forgets, and only that.
func TestForgetWords(t *testing.T) {
	fresh := NewModel()
	mine := NewModel()
	mine.Data = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n2026-10,Sam,500,50,1,20,18,7:00,0,0\n2026-11,Jo,520,60,0,25,23,7:35,1,0\n"
	mine.Preset, mine.Draft = "tech-support", `{"version":1}`
	mine.WhatIfs = map[string]map[string]scoring.Num{oct: {"ce": scoring.N(80)}}
	p, err := Prepare(mine)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		m    Model
		p    *Prepared
		want string
	}{
		{fresh, nil, "Start again? Nothing of yours is in use (only the example), so nothing is lost."},
		// 3 rows (the header is not one) for 2 agents, Jo and Sam.
		{mine, p, "Start again? This forgets, on this device: your data (3 rows for 2 agents), your choice of scorecard, your scorecard draft in the editor and your what-if values. For a few seconds after, Undo brings them back."},
	} {
		if got := ForgetWords(tc.m, tc.p); got != tc.want {
			t.Errorf("ForgetWords:\n got %q\nwant %q", got, tc.want)
		}
	}
}

// TestComboWords: a passing combination says its score. Care and sales
// (weights CE 40, AHT 10, offer rate 20, conversion 20, attendance 10):
// offer rate and conversion held at 1, CE 3, AHT 2, attendance 3 gives
// 0.2 + 0.2 + 1.2 + 0.2 + 0.3 = 2.1.
func TestComboWords(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	points := make([]scoring.Num, len(sc.Metrics))
	for id, p := range map[string]int64{"ce": 3, "aht": 2, "offer_rate": 1, "conversion": 1, "attendance": 3} {
		points[sc.Index(id)] = scoring.N(p)
	}
	fixed := map[string]scoring.Num{"offer_rate": scoring.N(1), "conversion": scoring.N(1)}
	got := ComboWords(sc, DisplayOrder(sc), fixed, points)
	if want := "Customer experience 3, Average handle time 2, Attendance 3: score 2.1"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestSourceWords: where a metric's value comes from, in words, never in
// code ("[offers calls]").
func TestSourceWords(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{
		"offer_rate": "offers as a share of calls",
		"ce":         "satisfied as a share of surveys",
		"aht":        "the column aht",
		"attendance": "points taken off: 0.5" + NBSP + "points for each late and 1" + NBSP + "point for each absent",
	} {
		if got := SourceWords(sc.Metric(id)); got != want {
			t.Errorf("%s: %q, want %q", id, got, want)
		}
	}
}

// TestQuarterLine: the verdict's quarter line on SPEC's story: October
// 2.05, November 1.7, so December needs 3 × 1.95 − 2.05 − 1.7 = 2.1,
// shown at two more decimals: 2.100.
func TestQuarterLine(t *testing.T) {
	data, err := os.ReadFile("../testdata/golden/spec-quarter-need/data.csv")
	if err != nil {
		t.Fatal(err)
	}
	m := NewModel()
	m.Data = string(data)
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	lead, value, _ := QuarterLine(v)
	if lead != "Quarter 2026-Q4: December needs " || value != "2.100" {
		t.Errorf("got %q %q", lead, value)
	}
}

// TestVerdictWords: the sentence screen readers hear once a value
// settles. SPEC's November: 1.7 (CE 2, no late), 0.3 below 2.0.
func TestVerdictWords(t *testing.T) {
	data, err := os.ReadFile("../testdata/golden/spec-quarter-need/data.csv")
	if err != nil {
		t.Fatal(err)
	}
	m := NewModel()
	m.Data = string(data)
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	want := "November 2026: 1.7, FAIL, 0.3 below the pass mark of 2.0. Quarter 2026-Q4: December needs 2.100."
	if got := VerdictWords(v); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestReadTypedWhatIf: what is typed on a phone, read; what cannot be
// meant, asked. Care and sales: AHT bands at 420 s and 480 s (minutes),
// CE bands at 80 % and 90 %.
func TestReadTypedWhatIf(t *testing.T) {
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, text string
		want      string // the value read, or the question asked and its choices
	}{
		{"aht", "7:35", "455"},
		{"aht", "7 35", "455"}, // 7 × 60 + 35
		{"aht", "7m35", "455"},
		{"aht", "7m 35s", "455"},
		{"aht", "7 min 35 s", "455"},
		{"aht", "7 min", "420"},
		{"aht", "7m5", "425"}, // 7:05
		{"aht", "7 35,5", "455.5"},
		{"aht", "455", "455"},  // a bare number is seconds, as in a file
		{"aht", "7.5s", "7.5"}, // a unit written: no question
		{"aht", "7.5", "7.5 seconds? The bands are in minutes. | Did you mean 7:30? = 7:30 | 7.5 seconds = 7.5s"},
		{"aht", "7,5", "7.5 seconds? The bands are in minutes. | Did you mean 7:30? = 7:30 | 7.5 seconds = 7.5s"},
		{"aht", "7.35", "7.35 seconds? The bands are in minutes. | Did you mean 7:35? = 7:35 | Did you mean 7:21? = 7:21 | 7.35 seconds = 7.35s"}, // 7.35 min = 441 s = 7:21
		{"ce", "92,5", "92.5"},
		{"ce", "92,5 %", "92.5"},
		{"ce", "150", "150 %? A share cannot pass 100 %. | Did you mean 15 %? = 15% | 100 % = 100%"},
		{"ce", "0.92", "0.92 %? The bands start at 80 %. | Did you mean 92 %? = 92% | 0.92 % = 0.92%"},
		{"ce", "0.92%", "0.92"}, // written with its unit: meant
		{"attendance.late", "2", "2"},
	} {
		v, err := ReadTypedWhatIf(sc, tc.key, tc.text)
		got := v.String()
		var d *Doubt
		if errors.As(err, &d) {
			got = d.Question
			for _, c := range d.Choices {
				got += " | " + c.Label + " = " + c.Text
			}
		} else if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("%s %q: %q, want %q", tc.key, tc.text, got, tc.want)
		}
	}
	// The slider itself is never doubted: it sets plain values.
	if v, err := ReadWhatIf(sc, "aht", "30"); err != nil || v.String() != "30" {
		t.Errorf("the slider at 30 s: %v, %v", v, err)
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
