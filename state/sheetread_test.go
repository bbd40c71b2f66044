package state

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"passline/scoring"
)

// A per-day export whose date column has a name Passline does not know,
// with a CE column written as fractions (SPEC section 9).
const workDateSheet = "Work Date,Agent Name,Handled,Offers,Sales,CE %,AHT,Late,Absent\n" +
	"2026-09-01,Jo,20,6,0,0.9,7:00,0,0\n" +
	"2026-09-02,Jo,25,7,1,0.95,8:00,0,0\n"

// TestPendingSheetMapped: a sheet refused for want of its month column is
// read once the month is chosen, with the choice remembered; the data in
// use stays while it is refused.
func TestPendingSheetMapped(t *testing.T) {
	m := NewModel()
	_, _, err := Update(m, SetData{Text: workDateSheet})
	var nm *scoring.NoMonthColumn
	if !errors.As(err, &nm) || len(nm.Columns) != 9 || nm.Columns[1].Key != "agent" {
		t.Fatalf("got %v, want the sheet refused with its columns", err)
	}
	next := updated(t, m, SetColumn{Header: "Work Date", Key: "month", Text: workDateSheet})
	if next.Data != workDateSheet || next.Sheets[next.SheetKey()].Columns["month"] != "Work Date" {
		t.Fatalf("the sheet is not in use with its month chosen: %q %+v", next.Data, next.Sheets)
	}
	p, err := Prepare(next)
	if err != nil {
		t.Fatal(err)
	}
	// CE waits for its unit: held as nothing, the month not scorable.
	if p.Scorable {
		t.Error("a month with CE held is scorable")
	}
	if got := HeldMetrics(p.Scorecard, p.Data); strings.Join(got, ",") != "Customer experience" {
		t.Errorf("held: %v", got)
	}
	// Fractions: (0.9 + 0.95) / 2 × 100 = 92.5 % → 3 points.
	next = updated(t, next, SetUnit{Header: "CE %", Unit: "fraction"})
	p, err = Prepare(next)
	if err != nil {
		t.Fatal(err)
	}
	ce := p.Data.Agents[0].Months[0].Inputs[p.Scorecard.Index("ce")]
	if ce.Missing || ce.Value.String() != "92.5" || !p.Scorable {
		t.Errorf("CE as fractions: %+v", ce)
	}
	if next.Sheets[next.SheetKey()].Units["CE %"] != "fraction" {
		t.Errorf("the unit is not remembered: %+v", next.Sheets)
	}
	// Back to the header's own unit: asked again.
	next = updated(t, next, SetUnit{Header: "CE %", Unit: ""})
	if _, ok := next.Sheets[next.SheetKey()].Units["CE %"]; ok {
		t.Error("the unit was not taken back")
	}
	if _, _, err := Update(next, SetUnit{Header: "CE %", Unit: "parsecs"}); err == nil || !strings.Contains(err.Error(), "parsecs") {
		t.Errorf("an unknown unit: %v", err)
	}
}

// TestUnitQuestions: the questions a unit in doubt asks, worked by hand.
func TestUnitQuestions(t *testing.T) {
	d := &scoring.Data{Doubts: []scoring.UnitDoubt{
		{Header: "CSAT %", Unit: scoring.UnitFraction, Example: "0.917", Value: scoring.MustNum("0.917"), Held: true},
		// 324906 s / 3600 = 90.25 h → 90; 324906 ms = 324.906 s = 5:24.9
		{Header: "Avg Handle", Unit: scoring.UnitMS, Example: "324906", Value: scoring.N(324906)},
	}}
	q := UnitQuestions(d)
	want := []UnitQuestion{
		{Header: "CSAT %", Question: "CSAT %: every value lies between 0 and 1. Is 0.917 a fraction (91.7" + NBSP + "%) or a percentage (0.917" + NBSP + "%)? Its metric is not scored until you say.",
			Answers: [2]UnitAnswer{{"fraction", "Fractions: 0.917 is 91.7" + NBSP + "%"}, {"percent", "Percentages: 0.917 is 0.917" + NBSP + "%"}}},
		{Header: "Avg Handle", Question: "Avg Handle: every value is 10,000 seconds or more (324906 seconds is 90 hours). Are they milliseconds (324906 is 5:24.9)? Until you say, they are read as seconds.",
			Answers: [2]UnitAnswer{{"ms", "Milliseconds: 324906 is 5:24.9"}, {"s", "Seconds: 324906 is 90 hours"}}},
	}
	for i := range want {
		if i >= len(q) || q[i] != want[i] {
			t.Errorf("question %d:\n got %+v\nwant %+v", i, q, want[i])
		}
	}
}

// TestIncompleteWords: why a month has no score, with plurals.
func TestIncompleteWords(t *testing.T) {
	for _, tc := range []struct {
		missing, waiting []string
		want             string
	}{
		{[]string{"Attendance"}, nil, "No score yet: Attendance has no value this month. Give it one with its slider, or add it to your data."},
		{[]string{"Customer experience", "Attendance"}, nil, "No score yet: Customer experience and Attendance have no value this month. Give them values with their slider, or add them to your data."},
		{[]string{"Customer experience"}, []string{"Customer experience"}, "No score yet: Customer experience waits for your answer about its unit, under \u201cHow your sheet was read\u201d."},
		{[]string{"Customer experience", "Attendance"}, []string{"Customer experience"}, "No score yet: Customer experience waits for your answer about its unit, under \u201cHow your sheet was read\u201d. Attendance has no value this month. Give it one with its slider, or add it to your data."},
	} {
		if got := IncompleteWords(tc.missing, tc.waiting); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

// TestIncompleteWordsShort (issue 25): thirty metrics without a value are
// named by their first three and counted, so the verdict stays short.
func TestIncompleteWordsShort(t *testing.T) {
	var missing []string
	for i := 1; i <= 30; i++ {
		missing = append(missing, fmt.Sprintf("Metric %d", i))
	}
	want := "No score yet: Metric 1, Metric 2, Metric 3 and 27 more metrics have no value this month. Give them values with their slider, or add them to your data."
	if got := IncompleteWords(missing, nil); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestHuddleRateDecimalComma (issue 25): huddle's usual rate takes 92,5.
func TestHuddleRateDecimalComma(t *testing.T) {
	if err := checkHuddleLuck("luck.rate", "92,5"); err != nil {
		t.Errorf("92,5: %v", err)
	}
}

// TestLoadedWordsTotals: a total row is among the rows read, and the
// loaded line says it was left out (5 rows of 2 agents and a Summary row).
func TestLoadedWordsTotals(t *testing.T) {
	m := updated(t, NewModel(), SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n" +
		"2026-10,Jo,520,60,0,25,23,7:35,1,0\n2026-10,Al,500,50,0,20,17,455,0,0\nSummary,,1020,110,0,45,40,455,1,0\n"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := LoadedWords("data.csv", p), "data.csv: 3 rows read for 2 agents; 1 total row left out."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
