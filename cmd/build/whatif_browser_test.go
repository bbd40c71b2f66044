package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"passline/csv"
	"passline/scoring"
)

// The agent's what-if screen, as a new user would try it.

// paste puts text in the paste box and applies it.
func (s *session) paste(text string) {
	s.t.Helper()
	var ignored any
	js := fmt.Sprintf(`(() => { const el = document.querySelector('[data-testid="data-paste"]');
		el.value = %q; el.dispatchEvent(new Event('input', {bubbles: true})); })()`, text)
	s.run(chromedp.Evaluate(js, &ignored), chromedp.Sleep(50*time.Millisecond), chromedp.Click(`[data-testid="data-apply"]`))
}

// choose picks an option in a select, as a user would.
func (s *session) choose(sel, value string) {
	s.t.Helper()
	s.run(chromedp.SetValue(sel, value), chromedp.Evaluate(fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new Event('change', {bubbles: true}))`, sel), nil))
}

// typeExact types a value in a metric's exact input and leaves it.
func (s *session) typeExact(metric, text string) {
	s.t.Helper()
	sel := `input.exact[data-metric="` + metric + `"]`
	s.run(chromedp.SetValue(sel, text), chromedp.SendKeys(sel, kb.Enter), chromedp.Blur(sel))
}

func (s *session) textOf(sel string) string {
	s.t.Helper()
	var v string
	s.run(chromedp.Text(sel, &v, chromedp.NodeVisible))
	return strings.TrimSpace(v)
}

// octoberCells is SPEC section 4's October as cells copied from a
// spreadsheet: tab-separated, headers as people write them.
const octoberCells = "Month\tAgent\tCalls\tOffers\tSales\tSurveys\tSatisfied\tAHT\tLate\tAbsent\n2026-10\tSam\t520\t60\t0\t25\t23\t7:35\t1\t0\n"

func TestPasteOctoberStory(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste(octoberCells)
	s.waitText("month-score", "2.1")
	s.waitText("month-status", "PASS")
	if got := s.textOf(`[data-testid="months"]`); got != "Months found for Sam: October 2026." {
		t.Errorf("months: %q", got)
	}
	// The pass line the screen shows, and the month failing exactly past it.
	need := s.textOf(`[data-need="ce"]`)
	if need != "Customer experience can fall to 90\u00a0% and you still pass." {
		t.Fatalf("CE pass line: %q", need)
	}
	s.setRange("ce", "90")
	s.waitText("month-status", "PASS")
	s.setRange("ce", "89.9") // one slider step past the line
	s.waitText("month-status", "FAIL")
	s.waitText("month-score", "1.7")
	s.typeExact("ce", "90")
	s.waitText("month-status", "PASS")
	s.typeExact("ce", "89.99") // a hair past the line, typed
	s.waitText("month-status", "FAIL")
	// Every metric has a slider and an exact input; AHT is typed as m:ss.
	for _, id := range []string{"ce", "aht", "offer_rate", "conversion", "attendance"} {
		var n int
		s.run(chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll('input[data-metric=%q]').length`, id), &n))
		if n != 2 {
			t.Errorf("metric %s has %d inputs, want a slider and an exact input", id, n)
		}
	}
	var valuetext, rangeValue, exact string
	s.run(chromedp.Value(`input[type=range][data-metric=aht]`, &rangeValue), chromedp.Value(`input.exact[data-metric=aht]`, &exact))
	if rangeValue != "455" || exact != "7:35" {
		t.Errorf("AHT: the slider holds %q (want 455 seconds), the exact input %q (want 7:35)", rangeValue, exact)
	}
	s.run(chromedp.AttributeValue(`input[type=range][data-metric=aht]`, "aria-valuetext", &valuetext, nil))
	if !strings.HasPrefix(valuetext, "7 minutes 35 seconds") {
		t.Errorf("AHT aria-valuetext %q", valuetext)
	}
	s.typeExact("aht", "8:01")
	s.waitText("month-score", "1.6") // AHT 481 s: 1 point; CE still 89.99 %
	// PageUp on the CE slider moves it a big step up: the month passes again.
	s.run(chromedp.Focus(`input[type=range][data-metric=ce]`), chromedp.KeyEvent(kb.PageUp))
	s.waitText("month-status", "PASS")
	// Attendance moves in incidents: a second late fails the month (CE 3,
	// AHT 1 point, attendance 2: 1.9), one late passes.
	s.typeExact("attendance", "2")
	s.waitText("month-status", "FAIL")
	s.setRange("attendance.absent", "0")
	s.typeExact("attendance", "1")
	s.waitText("month-status", "PASS")
	s.noSidewaysScroll()
	s.screenshot("whatif-360x740")
}

func TestQuarterNeedMatchesEngine(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	data, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "golden", "spec-quarter-need", "data.csv"))
	if err != nil {
		t.Fatal(err)
	}
	s.paste(string(data))
	s.waitText("month-score", "1.7")
	sc, _ := scoring.LoadPreset("care-and-sales")
	d, _ := csv.ReadData(bytes.NewReader(data), sc)
	q := sc.ScoreQuarter(scoring.MonthOf(2026, 10), d.Agents[0].Months)
	if got, want := s.text("quarter-need"), q.Need.Text(sc.Decimals); got != want || want != "2.100" {
		t.Errorf("quarter need %q, engine %q (SPEC: 2.100)", got, want)
	}
	if got := s.text("quarter-status"); got != "IN PROGRESS" {
		t.Errorf("quarter status %q", got)
	}
	if got := s.text("quarter-score"); got != "1.9" {
		t.Errorf("quarter score so far %q", got)
	}
	// The next month, empty, starts from November's values: CE at 85 %.
	s.choose(`[data-testid="month"]`, "next")
	s.waitTextContains("verdict", "December 2026") // November scored 1.7 too: wait for the month itself
	s.waitText("month-score", "1.7")
	s.setRange("ce", "90")
	s.waitText("month-score", "2.1") // December at 2.1 meets the need exactly
	s.waitText("quarter-status", "PASS")
	s.screenshot("quarter-360x740")
}

func TestUploadWithBadRows(t *testing.T) {
	s := newSession(t, 1280, 800, nil)
	s.open("/")
	file, _ := filepath.Abs(filepath.Join(repoRoot, "testdata", "golden", "bad-rows", "data.csv"))
	s.run(chromedp.SetUploadFiles(`[data-testid="data-file"]`, []string{file}, chromedp.ByQuery))
	s.waitText("month-score", "1.7") // Jo's November, from the good rows
	problems := s.textOf(`[data-testid="problems"]`)
	for _, want := range []string{`row 3, column "month": found "2026-13"`, `row 5, column "late": found "1.5"`, "row 7: quotes as in RFC 4180"} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems do not say %q:\n%s", want, problems)
		}
	}
	// Two agents: the picker switches to Bo.
	s.choose(`[data-testid="agent"]`, "Bo")
	s.waitText("month-score", "2.4")
	s.screenshot("upload-problems-1280x800")
}

func TestExportEqualsCommandLine(t *testing.T) {
	s := newSession(t, 1280, 800, nil)
	s.open("/")
	dataPath := filepath.Join(repoRoot, "testdata", "golden", "tech-support-team", "data.csv")
	data, _ := os.ReadFile(dataPath)
	s.choose(`[data-testid="preset"]`, "tech-support")
	s.paste(string(data))
	s.waitText("month-score", "4.40")
	dir, err := os.MkdirTemp("", "passline-download-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s.run(browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir).WithBrowserContextID(s.b.ContextID), chromedp.Click(`[data-testid="export-results"]`))
	var got []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if got, err = os.ReadFile(filepath.Join(dir, "passline-results.csv")); err == nil && len(got) > 0 {
			break
		}
	}
	cmd := exec.Command("go", "run", "./cmd/passline", "score", "--scorecard", "tech-support", filepath.Join("testdata", "golden", "tech-support-team", "data.csv"))
	cmd.Dir = repoRoot
	want, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) || len(want) == 0 {
		t.Errorf("the exported results differ from the command line's:\n--- app\n%s\n--- passline score\n%s", got, want)
	}
}

func TestScorecardImport(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	bad, _ := filepath.Abs(filepath.Join(repoRoot, "testdata", "golden", "refused-scorecard", "scorecard.json"))
	s.run(chromedp.SetUploadFiles(`[data-testid="scorecard-file"]`, []string{bad}, chromedp.ByQuery))
	msg := s.textOf(`#scorecard-title ~ .input-error`)
	if !strings.Contains(msg, "scorecard.json was not loaded, the scorecard in use stays") || !strings.Contains(msg, "the weights add up to 99.99") {
		t.Errorf("refused scorecard: %q", msg)
	}
	if got := s.textOf(`#scorecard-title ~ h3`); got != "Care and sales, 1-2-3" {
		t.Errorf("the scorecard in use changed to %q", got)
	}
	good, _ := filepath.Abs(filepath.Join(repoRoot, "scoring", "presets", "retention-smooth.json"))
	s.run(chromedp.SetUploadFiles(`[data-testid="scorecard-file"]`, []string{good}, chromedp.ByQuery))
	s.waitText("month-status", "INCOMPLETE") // October's data has no save-rate columns
	if got := s.textOf(`#scorecard-title ~ h3`); !strings.HasPrefix(got, "Retention desk") {
		t.Errorf("imported scorecard: %q", got)
	}
	s.screenshot("scorecard-import-360x740")
}

func TestWhatIfScreenshots(t *testing.T) {
	for _, size := range [][2]int{{360, 740}, {1280, 800}} {
		for _, scheme := range []string{"light", "dark"} {
			s := newSession(t, size[0], size[1], nil)
			s.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}))
			s.open("/")
			data, _ := os.ReadFile(filepath.Join(repoRoot, "testdata", "golden", "spec-quarter-need", "data.csv"))
			s.paste(string(data))
			s.waitText("month-score", "1.7")
			s.run(chromedp.Click(`[data-testid="sales-at-min"]`))
			s.waitText("without-answer", "Yes: 11 combinations of points pass.")
			s.noSidewaysScroll()
			s.screenshot(fmt.Sprintf("screen-%dx%d-%s", size[0], size[1], scheme))
		}
	}
	_ = context.Background
}

// TestPhoneFirst: at 320 px, one column with nothing sideways, touch
// targets of 44 px or more, and no text under 16 px.
func TestPhoneFirst(t *testing.T) {
	s := newSession(t, 320, 640, nil)
	s.open("/")
	data, _ := os.ReadFile(filepath.Join(repoRoot, "testdata", "golden", "bad-rows", "data.csv"))
	s.paste(string(data))
	s.waitText("month-score", "1.7")
	s.noSidewaysScroll()
	var small []string
	s.run(chromedp.Evaluate(`Array.from(document.querySelectorAll('button, select, textarea, input:not(.visually-hidden):not([type=checkbox]), label.file, label.check'))
		.filter(el => el.offsetParent !== null)
		.map(el => [el.outerHTML.slice(0, 60), el.getBoundingClientRect().height])
		.filter(([, h]) => h < 44).map(([html, h]) => h.toFixed(1) + 'px ' + html)`, &small))
	for _, s := range small {
		t.Errorf("a touch target under 44 px: %s", s)
	}
	var tiny []string
	s.run(chromedp.Evaluate(`Array.from(document.querySelectorAll('body *'))
		.filter(el => el.offsetParent !== null && Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
		.map(el => [el.tagName + ' ' + el.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(el).fontSize)])
		.filter(([, size]) => size < 16).map(([what, size]) => size + 'px ' + what)`, &tiny))
	for _, s := range tiny {
		t.Errorf("text under 16 px: %s", s)
	}
	s.screenshot("phone-320x640")
}

// TestHandlersFollowTheScorecard: after a switch of scorecard, a control
// reused for another metric acts on its new metric (go-app keeps a handler
// it thinks unchanged unless its scope says otherwise).
func TestHandlersFollowTheScorecard(t *testing.T) {
	s := newSession(t, 1280, 800, nil)
	s.open("/")
	s.choose(`[data-testid="preset"]`, "tech-support")
	s.waitText("month-status", "INCOMPLETE")
	s.choose(`[data-fix="nps"]`, "1")
	sc, _ := scoring.LoadPreset("tech-support")
	combos, err := sc.PassingCombinations(map[string]scoring.Num{"nps": scoring.N(1)})
	if err != nil || len(combos) == 0 {
		t.Fatalf("engine: %d combinations, %v", len(combos), err)
	}
	s.waitText("without-answer", fmt.Sprintf("Yes: %d combinations of points pass.", len(combos)))
}

// TestSlidersHoldTheirValues switches scorecards and data back and forth:
// every range must hold its metric's value (within one step), never one
// clamped to the browser's default max of 100 because "value" was set
// before "max".
func TestSlidersHoldTheirValues(t *testing.T) {
	s := newSession(t, 1280, 800, nil)
	s.open("/")
	s.paste("Month\tAgent\tCalls\tOffers\tSales\tSurveys\tSatisfied\tAHT\tLate\tAbsent\n2026-10\tSam\t520\t60\t0\t25\t23\t7:35\t1\t0\n")
	s.waitText("month-score", "2.1")
	const offBy = `(() => { const bad = [];
		for (const r of document.querySelectorAll('input[type=range][data-metric]')) {
			const x = document.querySelector('input.exact[data-metric="' + r.dataset.metric + '"]').value;
			if (x === '') continue; // a metric with no value: its box is empty, its slider at rest (issue 24)
			const want = x.includes(':') ? Number(x.split(':')[0]) * 60 + Number(x.split(':')[1]) : Number(x);
			if (Math.abs(Number(r.value) - want) > Number(r.step || 1)) bad.push(r.dataset.metric + ' holds ' + r.value + ', exact ' + x);
		}
		return bad; })()`
	for i, preset := range []string{"tech-support", "care-and-sales", "retention-smooth", "care-and-sales", "tech-support", "care-and-sales"} {
		s.choose(`[data-testid="preset"]`, preset)
		var bad []string
		for try := 0; try < 20; try++ {
			s.run(chromedp.Sleep(100*time.Millisecond), chromedp.Evaluate(offBy, &bad))
			if len(bad) == 0 {
				break
			}
		}
		if len(bad) > 0 {
			t.Errorf("switch %d to %s: %v", i, preset, bad)
		}
	}
}
