package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 23: platform exports in (SPEC section 9), on a phone.

// topOf is an element's top on the page, in CSS pixels (−1 when absent).
func (s *session) topOf(sel string) float64 {
	s.t.Helper()
	var top float64
	s.run(chromedp.Evaluate(fmt.Sprintf(`(() => { const el = document.querySelector(%q);
		return el ? el.getBoundingClientRect().top + window.scrollY : -1; })()`, sel), &top))
	return top
}

// resultCell is one cell of the results CSV the app downloads.
func resultCell(t *testing.T, csv []byte, agent, period, column string) string {
	t.Helper()
	lines := strings.Split(string(csv), "\n")
	header := strings.Split(lines[0], ",")
	for _, l := range lines[1:] {
		cells := strings.Split(l, ",")
		if len(cells) == len(header) && cells[0] == agent && cells[1] == period {
			for i, h := range header {
				if h == column {
					return cells[i]
				}
			}
		}
	}
	t.Fatalf("no %s for %s %s in\n%s", column, agent, period, csv)
	return ""
}

// TestExportMappedOnPhone: a per-day export whose date column has a name
// Passline does not know ("Work Date") is not refused outright: "How your
// sheet was read" comes first with every header, the month is chosen in
// it (select[data-header="Work Date"]), and the sheet is read and scored:
// the report title skipped, the total row left out, AHT weighted by calls.
func TestExportMappedOnPhone(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste("Daily agent export\n" +
		"Work Date,Agent Name,Handled,Offers,Sales,Surveys,Satisfied,AHT,Late,Absent\n" +
		"2026-09-01,Jo,20,6,0,3,3,7:00,0,0\n" +
		"2026-09-02,Jo,25,7,1,2,2,8:00,0,0\n" +
		"2026-09-03,Jo,0,0,0,0,0,0:00,0,0\n" +
		"2026-09-04,Jo,x,0,0,0,0,0:00,0,0\n" +
		"2026-09-01,Sam,30,12,1,5,5,5:00,1,0\n" +
		"Total,,75,25,2,10,10,6:40,1,0\n")
	s.waitTextContains("sheet-pending", "not in use yet")
	if msg := s.text("data-error"); !strings.Contains(msg, "no month column") {
		t.Errorf("the refusal says %q", msg)
	}
	var loaded int
	s.run(chromedp.Evaluate(`document.querySelectorAll('[data-testid="loaded"]').length`, &loaded))
	if loaded != 0 {
		t.Error("a sheet that cannot be scored shows a rows-read line")
	}
	if sheet, data := s.topOf(`[data-testid="sheet"]`), s.topOf(`[data-testid="data-paste"]`); sheet < 0 || sheet > data {
		t.Errorf("How your sheet was read is at %.0f px, below the paste box at %.0f px", sheet, data)
	}
	s.js(`window.scrollTo(0, 0)`)
	s.screenshotView("export-no-month-360x740")
	s.axe("a sheet waiting for its month column")
	s.change(`[data-testid="columns"] select[data-header="Work Date"]`, "month")
	s.waitTextContains("months", "Months found for Jo: September 2026.")
	notes := s.text("read-notes")
	for _, want := range []string{
		`1 line above the header was skipped: "Daily agent export".`,
		"1 total row left out (row 8)",
		"4 rows of 2 agents, combined into 2 agent-months.",
		`Average handle time is a mean weighted by "Handled".`,
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("the read's notes %q lack %q", notes, want)
		}
	}
	// The bad row (row 6: calls "x") is listed below the mapping.
	if sheet, problems := s.topOf(`[data-testid="sheet"]`), s.topOf(`[data-testid="problems"]`); problems < 0 || sheet > problems {
		t.Errorf("the mapping (%.0f px) is not above the problems (%.0f px)", sheet, problems)
	}
	// The agent picker within a screen of the sheet card's end.
	var sheetBottom float64
	s.run(chromedp.Evaluate(`(() => { const r = document.querySelector('[data-testid="sheet"]').getBoundingClientRect(); return r.bottom + window.scrollY; })()`, &sheetBottom))
	if picker := s.topOf(`[data-testid="agent"]`); picker < 0 || picker-sheetBottom > 740 {
		t.Errorf("the agent picker is at %.0f px, %.0f px below the mapping", picker, picker-sheetBottom)
	}
	s.noSidewaysScroll()
	s.js(`window.scrollTo(0, document.querySelector('select[data-unit="AHT"]').getBoundingClientRect().top + window.scrollY - 400)`)
	s.screenshotView("export-units-360x740")
	s.screenshotAt(`[data-testid="sheet"]`, "start", "export-mapped-360x740")
	s.axe("an export mapped")
	got := s.exportResults()
	// Jo: (20 × 420 + 25 × 480 + 0 × 0) / 45 = 20400 / 45 = 453.3333 s (the plain
	// mean of the three days would be 300 s); offers 13 of 45 = 28.8889 %.
	if aht := resultCell(t, got, "Jo", "2026-09", "aht_value"); aht != "453.3333" {
		t.Errorf("Jo's AHT %s, worked by hand 453.3333", aht)
	}
	if offers := resultCell(t, got, "Jo", "2026-09", "offer_rate_value"); offers != "28.8889" {
		t.Errorf("Jo's offer rate %s, worked by hand 28.8889", offers)
	}
	if strings.Contains(string(got), "Total") {
		t.Errorf("the total row became an agent:\n%s", got)
	}
}

// TestFractionsAsked: a rate column written as fractions is asked about,
// showing its first value both ways; its metric is not scored until the
// answer, and each answer reads it so.
func TestFractionsAsked(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste("Date\tAgent\tcalls\toffers\tsales\tCustomer experience %\taht\tlate\tabsent\n" +
		"2026-10-01\tJo\t260\t30\t0\t0.92\t7:35\t1\t0\n" +
		"2026-10-02\tJo\t260\t30\t0\t0.9\t7:35\t0\t0\n")
	s.waitTextContains("unit-question", "every value lies between 0 and 1")
	q := s.text("unit-question")
	if !strings.Contains(q, "Is 0.92 a fraction (92\u00a0%) or a percentage (0.92\u00a0%)?") {
		t.Errorf("the question: %q", q)
	}
	if loaded := s.text("loaded"); !strings.Contains(loaded, "No month can be scored yet") {
		t.Errorf("the loaded line says %q", loaded)
	}
	if sheet, data := s.topOf(`[data-testid="sheet"]`), s.topOf(`[data-testid="data-paste"]`); sheet > data {
		t.Errorf("the question's card (%.0f px) is below the paste box (%.0f px)", sheet, data)
	}
	s.screenshotAt(`[data-testid="sheet"]`, "start", "export-fractions-asked-360x740")
	s.axe("a unit question")
	s.run(chromedp.Click(`[data-testid="unit-fraction"]`))
	s.waitJS(`!document.querySelector('[data-testid="unit-question"]')`)
	// CE (92 + 90) / 2 = 91 % → 3 points; offer rate 60/520 = 11.5 % → 1;
	// conversion 0 → 1; AHT 455 s → 2; one late → 2.5: 0.2 + 0.2 + 1.2 + 0.2 +
	// 0.25 = 2.05 → 2.1.
	s.waitTextContains("verdict", "2.1")
	if got := s.text("verdict"); !strings.Contains(got, "PASS") {
		t.Errorf("the verdict after fractions: %q", got)
	}
	var unit string
	s.run(chromedp.Value(`select[data-unit="Customer experience %"]`, &unit))
	if unit != "fraction" {
		t.Errorf("the column's unit reads %q", unit)
	}
	s.js(`window.scrollTo(0, document.querySelector('[data-testid="sheet"]').getBoundingClientRect().top + window.scrollY - 150)`)
	s.screenshotView("export-fractions-answered-360x740")
	s.change(`select[data-unit="Customer experience %"]`, "percent")
	// 0.91 % → 1 point: 0.2 + 0.2 + 0.4 + 0.2 + 0.25 = 1.25 → 1.3, FAIL.
	s.waitTextContains("verdict", "1.3")
	s.reload()
	s.waitTextContains("verdict", "1.3")
}

// TestMillisecondsAsked: a handle-time column whose every value is 10,000
// seconds or more is read as written and asked about; "Milliseconds"
// reads it again so.
func TestMillisecondsAsked(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,Avg Handle,late,absent\n2026-10,Jo,520,60,0,25,23,455000,1,0\n")
	s.waitTextContains("unit-question", "Are they milliseconds (455000 is 7:35)?")
	// Read as written meanwhile: 455000 s → 1 point: 0.2 + 0.2 + 1.2 + 0.1 + 0.25 = 1.95 → 2.0.
	s.waitTextContains("verdict", "2.0")
	s.run(chromedp.Click(`[data-testid="unit-ms"]`))
	s.waitJS(`!document.querySelector('[data-testid="unit-question"]')`)
	// 455 s → 2 points: SPEC's October, 2.05 → 2.1.
	s.waitTextContains("verdict", "2.1")
	if notes := s.text("read-notes"); !strings.Contains(notes, `"Avg Handle" read in milliseconds (you said).`) {
		t.Errorf("the notes: %q", notes)
	}
}
