package state

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"passline/csv"
	"passline/scoring"
)

// googleSheet is a paste from Google Sheets: other names for agent and
// month, day-first dates on the first of the month, CSAT as a value, handle
// time under a long name, 1,520 calls, two extra columns, a blank last row.
const googleSheet = "Agent Name\tDate\tCalls\toffers\tsales\tCSAT %\tAvg Handle Time\tlate\tabsent\tTeam\tSupervisor\n" +
	"Jo\t01/10/2026\t1,520\t160\t2\t92\t7:35\t1\t0\tBlue\tAnn\n" +
	"Jo\t01/11/2026\t500\t50\t0\t85\t455\t0\t0\tBlue\tAnn\n" +
	"\t\t\t\t\t\t\t\t\t\t\n"

// cleanSheet is the same months as SPEC section 3 writes them.
const cleanSheet = "month,agent,calls,offers,sales,ce,aht,late,absent\n" +
	"2026-10,Jo,1520,160,2,92,455,1,0\n" +
	"2026-11,Jo,500,50,0,85,455,0,0\n"

func results(t *testing.T, v View) string {
	t.Helper()
	var b bytes.Buffer
	if err := csv.WriteResults(&b, v.Scorecard, v.Scorecard.ScoreData(v.Data)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestSheetMapped: the Google Sheets paste, mapped as a user would map it
// in the app, gives the results of the clean file; the mapping is kept
// per scorecard, and "read by their names" drops it.
func TestSheetMapped(t *testing.T) {
	clean, _, err := Update(NewModel(), SetData{Text: cleanSheet})
	if err != nil {
		t.Fatal(err)
	}
	cv, _ := Derive(clean)
	want := results(t, cv)

	m, _, err := Update(NewModel(), SetData{Text: googleSheet})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := Derive(m)
	uses := map[string]string{}
	for _, u := range v.Data.Columns {
		uses[u.Header] = u.Key
	}
	if uses["Agent Name"] != "agent" || uses["Date"] != "month" || uses["CSAT %"] != "" || uses["Team"] != "" {
		t.Errorf("read automatically: %v", uses)
	}
	for _, msg := range []Msg{SetColumn{Header: "CSAT %", Key: "ce"}, SetColumn{Header: "Avg Handle Time", Key: "aht"}, SetColumn{Header: "Calls", Key: "calls"}} {
		if m, _, err = Update(m, msg); err != nil {
			t.Fatalf("%#v: %v", msg, err)
		}
	}
	v, _ = Derive(m)
	if got := results(t, v); got != want {
		t.Errorf("mapped:\n%s\nthe clean file:\n%s", got, want)
	}
	// Kept per scorecard: another scorecard has its own (none), and back
	// again the mapping is there.
	m2, _, _ := Update(m, ChoosePreset{ID: "tech-support"})
	if len(m2.Sheets[m2.SheetKey()].Columns) != 0 {
		t.Errorf("tech support has care and sales' mapping")
	}
	m3, _, _ := Update(m2, ChoosePreset{ID: "care-and-sales"})
	if m3.Sheets["care-and-sales"].Columns["ce"] != "CSAT %" {
		t.Errorf("care and sales lost its mapping: %v", m3.Sheets)
	}
	// A header read as nothing, though its name matches.
	m4, _, err := Update(m, SetColumn{Header: "late", Key: ""})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := Derive(m4); v.Result.Month.Status != scoring.Incomplete {
		t.Errorf("late read as nothing: the month is %s", v.Result.Month.Status)
	}
	m5, _, _ := Update(m4, ResetColumns{})
	if m5.Sheets != nil {
		t.Errorf("reset keeps %v", m5.Sheets)
	}
}

// TestDatesAsked: an ambiguous sheet is refused with both readings; the
// answer reads it.
func TestDatesAsked(t *testing.T) {
	text := "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n02/10/2026,Jo,520,60,0,25,23,7:35,1,0\n05/11/2026,Jo,500,50,0,20,17,455,0,0\n"
	_, _, err := Update(NewModel(), SetData{Text: text})
	var amb *scoring.AmbiguousDates
	if !errors.As(err, &amb) || amb.Example != "02/10/2026" || len(amb.DayFirst) != 2 || amb.DayFirst[0].String() != "2026-10" || amb.MonthFirst[0].String() != "2026-02" {
		t.Fatalf("not asked: %v", err)
	}
	q, d, mo := DatesQuestion(amb)
	// 02/10/2026 day first is 2 October; month first, February 10.
	if q != "02/10/2026: 2 October or February 10?" || d != "Day first: October 2026, November 2026" || mo != "Month first: February 2026, May 2026" {
		t.Errorf("the question: %q %q %q", q, d, mo)
	}
	m, _, err := Update(NewModel(), SetDates{Order: "dmy", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := Derive(m)
	if got := strings.Join([]string{v.Agent.Months[0].Month.String(), v.Agent.Months[1].Month.String()}, " "); got != "2026-10 2026-11" {
		t.Errorf("day first: %s", got)
	}
	m, _, _ = Update(NewModel(), SetDates{Order: "mdy", Text: text})
	v, _ = Derive(m)
	if got := v.Agent.Months[0].Month.String() + " " + v.Agent.Months[1].Month.String(); got != "2026-02 2026-05" {
		t.Errorf("month first: %s", got)
	}
	if _, _, err := Update(NewModel(), SetDates{Order: "ymd", Text: text}); err == nil {
		t.Error("ymd taken")
	}
}

// TestUnfitMapping: a remembered mapping that does not fit a new sheet
// does not refuse it: the columns are read by their names, and it says so.
func TestUnfitMapping(t *testing.T) {
	m, _, _ := Update(NewModel(), SetData{Text: googleSheet})
	m, _, _ = Update(m, SetColumn{Header: "CSAT %", Key: "ce"})
	m, _, err := Update(m, SetData{Text: cleanSheet})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := Derive(m)
	if len(v.Notes) == 0 || !strings.Contains(v.Notes[0], "does not fit this sheet") {
		t.Errorf("notes %v", v.Notes)
	}
}

// TestPasteHeader: the paste box's example names the columns of the
// scorecard in use, never another's.
func TestPasteHeader(t *testing.T) {
	for preset, want := range map[string]string{
		// offer rate (offers of calls), conversion (sales of calls), CE
		// (satisfied of surveys), AHT (aht), attendance (late, absent)
		"care-and-sales": "month, agent, offers, calls, sales, satisfied, surveys, aht, late, absent",
		// NPS (promoters, passives, detractors), FCR (resolved_first of
		// contacts), AHT (aht, weighted by contacts), QA (qa), attendance
		"tech-support": "month, agent, promoters, passives, detractors, resolved_first, contacts, aht, qa, late, absent",
	} {
		sc, _ := scoring.LoadPreset(preset)
		if got := PasteHeader(sc); got != want {
			t.Errorf("%s: %q, want %q", preset, got, want)
		}
	}
}
