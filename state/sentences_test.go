package state

import (
	"passline/scoring"
	"strings"
	"testing"
)

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
		"aht":        "the column aht, weighted by calls",
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
	v := deriveData(t, octNov) // SPEC's October and November
	if q := QuarterLine(v); q != (QuarterText{Lead: "Quarter 2026-Q4: ", NeedLead: "December needs ", Need: "2.100"}) {
		t.Errorf("got %+v", q)
	}
}

// TestVerdictWords: the sentence screen readers hear once a value
// settles. SPEC's November: 1.7 (CE 2, no late), 0.3 below 2.0.
func TestVerdictWords(t *testing.T) {
	v := deriveData(t, octNov) // SPEC's October and November
	want := "November 2026: 1.7, FAIL, 0.3 below the pass mark of 2.0. Quarter 2026-Q4: December needs 2.100."
	if got := VerdictWords(v); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// deriveData is the view of a new model with data text in use.
func deriveData(t *testing.T, text string) View {
	t.Helper()
	m, _, err := Update(NewModel(), SetData{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestQuarterDecidedInTheVerdict (issue 24): on the month that decides the
// quarter, the verdict shows the quarter's own verdict beside what that
// month needed. October and November 2.05 each (SPEC's October); December:
// offers 150 of 500 = 30 % (2 points, 0.4) + conversion 0.2 + CE 17 of 20 =
// 85 % (2, 0.8) + AHT 455 s (2, 0.2) + no incident (3, 0.3) = 1.9, a FAIL
// for the month; the quarter (2.05 + 2.05 + 1.9) / 3 = 2.0, a PASS; December
// needed 3 × 1.95 − 2.05 − 2.05 = 1.75.
func TestQuarterDecidedInTheVerdict(t *testing.T) {
	v := deriveData(t, "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n"+
		"2026-10,Jo,520,60,0,25,23,7:35,1,0\n2026-11,Jo,520,60,0,25,23,7:35,1,0\n2026-12,Jo,500,150,0,20,17,455,0,0\n")
	if v.Result.Month.Pass || v.Result.Month.Score.String() != "1.9" {
		t.Fatalf("December: %s %v", v.Result.Month.Score, v.Result.Month.Pass)
	}
	want := QuarterText{Lead: "Quarter 2026-Q4: ", Verdict: "2.0 PASS", Class: "pass", NeedLead: "; December needs ", Need: "1.750"}
	if q := QuarterLine(v); q != want {
		t.Errorf("got  %+v\nwant %+v", q, want)
	}
}

// TestLuckCountsMonth (issue 24): on the next, empty month, survey luck
// comes from the data's latest month's counts and says so; on a month of
// the data, from its own.
func TestLuckCountsMonth(t *testing.T) {
	v := deriveData(t, octNov)
	if got := CountsMonth(v); got != scoring.MonthOf(2026, 11) {
		t.Errorf("November shown: counts of %s", got)
	}
	m := updated(t, NewModel(), SetData{Text: octNov}, ChooseMonth{Month: NextMonth})
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	if v.Month != scoring.MonthOf(2026, 12) || CountsMonth(v) != scoring.MonthOf(2026, 11) {
		t.Errorf("December shown: counts of %s", CountsMonth(v))
	}
}

// TestCountWordsSingular (issue 24): count sentences say one promoter, one
// sale, and column names as words. Tech support's NPS from 15 promoters, 0
// passives and 4 detractors: 100 × 11 / 19 = 57.9, 4 points; one more
// promoter gives 100 × 12 / 20 = 60, the 5-point band: "1 more promoter in
// a row reaches 5 points".
func TestCountWordsSingular(t *testing.T) {
	m := updated(t, NewModel(), ChoosePreset{ID: "tech-support"},
		SetData{Text: "month,agent,promoters,passives,detractors,resolved_first,contacts,aht,qa,late,absent\n2026-10,Jo,15,0,4,70,100,600,4,0,0\n"})
	v, err := Derive(m)
	if err != nil {
		t.Fatal(err)
	}
	nps := v.Counts[v.Scorecard.Index("nps")]
	if len(nps) == 0 || nps[0] != "1 more promoter in a row reaches 5"+NBSP+"points." {
		t.Errorf("NPS: %q", nps)
	}
	for _, lines := range v.Counts {
		for _, l := range lines {
			if strings.Contains(l, "_") || strings.Contains(l, "1 more promoters") {
				t.Errorf("a count sentence with an id or a wrong plural: %q", l)
			}
		}
	}
}

// TestForgetWordsCountsAll (issue 25): "Start again" names everything it
// forgets: typed months (with no file, they are all there is), plan A, the
// volumes expected, an appeal, the choice of columns.
func TestForgetWordsCountsAll(t *testing.T) {
	m := updated(t, NewModel(), AddMonth{Month: "2026-11"}, AddMonth{Month: "2026-12"})
	got := ForgetWords(m, nil)
	if !strings.Contains(got, "your 2 typed months") || strings.Contains(got, "nothing is lost") {
		t.Errorf("typed months: %q", got)
	}
	five := scoring.N(5)
	m = updated(t, NewModel(), SetData{Text: strings.Replace(specOctober, "Jo", "Sam", 1)}, KeepPlan{Month: "2026-11"}, SetExpected{Metric: "ce", Value: &five},
		SetColumn{Header: "aht", Key: ""})
	want := "Start again? This forgets, on this device: your data (1 row for 1 agent), your plan A, the volumes you expect and your choice of columns (1 scorecard). For a few seconds after, Undo brings them back."
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	if got := ForgetWords(m, p); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
