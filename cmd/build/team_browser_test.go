package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The team leader's screens.

// screen opens a screen with its tab.
func (s *session) screen(id string) {
	s.t.Helper()
	s.run(chromedp.Click(`button.screen-tab[data-screen="`+id+`"]`),
		chromedp.WaitVisible(`main[data-screen="`+id+`"]`))
}

func (s *session) evalStrings(js string) []string {
	s.t.Helper()
	var out []string
	s.run(chromedp.Evaluate(js, &out))
	return out
}

// TestTeamByRisk: a three-agent file gives the team sorted by risk, the
// filter keeps matching names, and a name opens that agent's what-if.
func TestTeamByRisk(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	data, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "team", "three-agents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	s.paste(string(data))
	s.waitText("month-score", "2.1") // Jo, the first agent
	s.screen("team")
	rows := `Array.from(document.querySelectorAll('[data-testid="team"] tbody tr')).map(r => r.dataset.agent + ' | ' + r.children[1].textContent + ' | ' + r.children[2].textContent)`
	want := []string{
		"Ann | Oct 2026: 1.6 FAIL | 2026-Q4: needs 2.125",
		"Jo | Oct 2026: 2.1 PASS | 2026-Q4: needs 1.900",
		"Raj | Nov 2026: 2.4 PASS | 2026-Q4: needs 1.050",
	}
	if got := s.evalStrings(rows); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("team rows\n got %q\nwant %q", got, want)
	}
	s.waitText("team-count", "Showing 1–3 of 3 agents.")
	s.noSidewaysScroll()
	s.screenshot("team-360x740")
	s.axe("team")

	s.run(chromedp.SendKeys(`[data-testid="team-filter"]`, "RA"))
	s.waitText("team-count", "Showing 1–1 of 1 agent.")
	s.run(chromedp.Click(`tr[data-agent="Raj"] button`), chromedp.WaitVisible(`main[data-screen=""]`))
	s.waitText("month-score", "2.4")
	if title := s.textOf("#month-title"); title != "November 2026 · Raj" {
		t.Errorf("after choosing Raj the what-if shows %q", title)
	}
}

// TestEditorRefuses99: weights that add to 99 are refused with the
// engine's message, in the editor and when the draft is used.
func TestEditorRefuses99(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.screen("editor")
	s.waitText("weights-total", "Weights add up to 100 %.")
	sel := `input[data-field="m2.weight"]`
	s.run(chromedp.SetValue(sel, "39"), chromedp.Evaluate(`document.querySelector('input[data-field="m2.weight"]').dispatchEvent(new Event('change', {bubbles: true}))`, nil))
	s.waitText("weights-total", "Weights add up to 99 %: they must add up to 100 %.")
	if got := s.text("editor-problems"); got != "scorecard, metrics: the weights add up to 99; they must add up to exactly 100" {
		t.Errorf("the editor's problems: %q", got)
	}
	s.run(chromedp.Click(`[data-testid="editor-use"]`))
	var msg string
	s.run(chromedp.Text(`.editor .input-error[role="alert"]`, &msg, chromedp.NodeVisible))
	if !strings.Contains(msg, "The draft was not used, the scorecard in use stays") {
		t.Errorf("using the draft says %q", msg)
	}
	s.noSidewaysScroll()
	s.screenshot("editor-360x740")
	s.axe("editor")
	// Mended and used, the calculator scores with it.
	s.run(chromedp.SetValue(sel, "40"), chromedp.Evaluate(`document.querySelector('input[data-field="m2.weight"]').dispatchEvent(new Event('change', {bubbles: true}))`, nil))
	s.waitText("weights-total", "Weights add up to 100 %.")
	s.run(chromedp.Click(`[data-testid="editor-use"]`), chromedp.WaitVisible(`main[data-screen=""]`))
	s.waitText("month-score", "2.1")
}

// TestTeamOrderThirtyAgents: 30 agents over three months, in the order
// worked out by hand in state's TestTeamOrderByQuarter
// (testdata/team/thirty-agents-order.txt); sorting by a column, both ways,
// and back to risk.
func TestTeamOrderThirtyAgents(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	data, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "team", "thirty-agents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	order, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "team", "thirty-agents-order.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s.paste(string(data))
	s.waitTextContains("months", "Months found for Agent 00")
	s.screen("team")
	s.waitText("team-count", "Showing 1–25 of 30 agents.")
	names := `Array.from(document.querySelectorAll('[data-testid="team"] tbody tr')).map(r => r.dataset.agent)`
	want := strings.Split(strings.TrimSpace(string(order)), "\n")[:25]
	if got := s.evalStrings(names); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("team order\n got %q\nwant %q", got, want)
	}
	s.screenshot("team-thirty-360x740")
	s.axe("team, thirty agents")
	for _, tc := range []struct{ sort, first, aria string }{
		{"agent", "Agent 00", "ascending"}, {"agent", "Agent 29", "descending"}, {"agent", want[0], "none"},
	} {
		s.run(chromedp.Click(`[data-testid="team"] button[data-sort="` + tc.sort + `"]`))
		s.waitJS(`document.querySelector('[data-testid="team"] tbody tr').dataset.agent === "` + tc.first + `"`)
		var aria string
		s.run(chromedp.Evaluate(`document.querySelector('button[data-sort="agent"]').parentElement.getAttribute('aria-sort')`, &aria))
		if aria != tc.aria {
			t.Errorf("after sorting by %s: aria-sort %q, want %q", tc.sort, aria, tc.aria)
		}
	}
	// The quarter's heading shows the risk order as its ↑: its first tap
	// turns the table (issue 24), the safest quarter first.
	quarterAria := func() string {
		var aria string
		s.run(chromedp.Evaluate(`document.querySelector('button[data-sort="quarter"]').parentElement.getAttribute('aria-sort')`, &aria))
		return aria
	}
	if a := quarterAria(); a != "ascending" {
		t.Errorf("by risk, the quarter's heading says %q", a)
	}
	s.run(chromedp.Click(`[data-testid="team"] button[data-sort="quarter"]`))
	s.waitJS(`document.querySelector('[data-testid="team"] tbody tr').dataset.agent !== "` + want[0] + `"`)
	if a := quarterAria(); a != "descending" {
		t.Errorf("after one tap, the quarter's heading says %q", a)
	}
}

// TestBuildScorecardOnPhone: "CSAT 30, AHT 20, FCR 20, QA 20, attendance
// 10, scale 1 to 5, pass 3.0" built on a phone from kinds in at most 25
// taps (a field typed in counts as one).
func TestBuildScorecardOnPhone(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	taps := 0
	tap := func(sel string) { t.Helper(); s.run(chromedp.Click(sel)); taps++ }
	field := func(name, value string) { // typed and left: the app writes it back as it reads it (3.0 is 3)
		t.Helper()
		s.js(fmt.Sprintf(`(() => { const el = document.querySelector('input[data-field=%q]'); el.value = %q; el.dispatchEvent(new Event('change', {bubbles: true})); })()`, name, value))
		taps++
	}
	s.screen("editor")
	taps++
	tap(`[data-testid="editor-new"]`)
	tap(`[data-testid="editor-new-confirm"]`)
	s.waitJS(`document.querySelectorAll('[data-draft-metric]').length === 0`)
	field("scale.max", "5")
	field("pass", "3.0")
	for i, k := range []struct{ kind, weight string }{{"csat", "30"}, {"aht", "20"}, {"fcr", "20"}, {"qa", "20"}, {"attendance", "10"}} {
		tap(`[data-testid="editor-add-` + k.kind + `"]`)
		s.waitJS(fmt.Sprintf(`document.querySelectorAll('[data-draft-metric]').length === %d`, i+1))
		field(fmt.Sprintf("m%d.weight", i), k.weight)
	}
	s.waitText("weights-total", "Weights add up to 100 %.")
	s.screenshotAt(`[data-testid="editor-use"]`, "center", "editor-built-360x740")
	s.axe("the editor, built from kinds")
	tap(`[data-testid="editor-use"]`)
	s.waitText("scorecard-name", "My scorecard")
	if taps > 25 {
		t.Errorf("%d taps, want at most 25", taps)
	}
	t.Logf("built in %d taps", taps)
}

// TestRenamedMetricReadsItsNewColumn: "Offer rate" renamed "CSAT" and
// read from the column csat reads it (95 % in the data); the editor says
// what the data lacks before the draft is used.
func TestRenamedMetricReadsItsNewColumn(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent,csat\n2026-10,Jo,520,60,0,25,23,7:35,1,0,95\n")
	s.waitTextContains("months", "Months found for Jo")
	s.screen("editor")
	field := func(name, value string) {
		t.Helper()
		s.js(fmt.Sprintf(`(() => { const el = document.querySelector('[data-field=%q]'); el.value = %q; el.dispatchEvent(new Event('change', {bubbles: true})); })()`, name, value))
	}
	field("m0.label", "CSAT")
	s.waitTextContains("renamed", "You renamed Offer rate. It now reads offers as a share of calls: is that where CSAT comes from?")
	s.run(chromedp.Click(`[data-testid="renamed-change"]`))
	s.waitJS(`document.activeElement && document.activeElement.dataset.field === "m0.source.kind"`)
	field("m0.id", "csat")
	field("m0.source.kind", "column")
	s.waitJS(`!!document.querySelector('input[data-field="m0.source.column"]')`)
	field("m0.source.column", "satisfaction")
	s.waitText("editor-lacks", "CSAT reads satisfaction; your data has no satisfaction.")
	field("m0.source.column", "csat")
	s.waitJS(`!document.querySelector('[data-testid="editor-lacks"]')`)
	var asked bool
	if s.run(chromedp.Evaluate(`!!document.querySelector('[data-testid="renamed"]')`, &asked)); asked {
		t.Error("the rename question is asked again after the id and the source changed")
	}
	s.screenshotAt(`input[data-field="m0.source.column"]`, "center", "editor-source-360x740")
	s.axe("the editor's source")
	s.run(chromedp.Click(`[data-testid="editor-use"]`), chromedp.WaitVisible(`main[data-screen=""]`))
	s.waitJS(`document.querySelector('input.exact[data-metric="csat"]').value === "95"`)
}
