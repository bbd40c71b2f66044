package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Never bricked (issue 11): whatever was saved or linked, the page comes
// up live and says what happened; the saved data is never lost.

// TestFractionalCountsStayAlive: an averaged sheet (satisfied 16.5) once
// panicked while the page drew survey luck, and, saved first, on every
// reload after. Now it is scored, luck says why it has no chances, and a
// reload reaches the live app with the data.
func TestFractionalCountsStayAlive(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,500.5,60,2,25,16.5,7:35,1,0\n")
	s.waitTextContains("loaded", "1 row read")
	if got := s.textOf(`[data-luck="ce"]`); !strings.Contains(got, "not a whole share of responses") {
		t.Errorf("survey luck for 16.5 of 25: %q", got)
	}
	s.reload()
	s.waitTextContains("months", "Oct")
	s.setRange("ce", "85")
	s.waitText("month-score", "1.7")
	var failed int
	s.run(chromedp.Evaluate(`document.querySelectorAll('[data-testid="render-failed"],[data-testid="stopped"]').length`, &failed))
	if failed > 0 {
		t.Error("a part could not be drawn")
	}
}

// TestBadLinksStart: links go-app v9 could not parse stopped the start
// with a nil pointer panic; now each reaches the live app.
func TestBadLinksStart(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	for _, link := range []string{"/#%", "/#foo%", "/#share=abc%zz"} {
		s.open(link)
		if got := s.text("month-score"); got != "2.1" {
			t.Errorf("%s: score %q", link, got)
		}
	}
	// In an open tab, a fragment typed into the address bar: popstate.
	s.js(`location.hash = "%"; true`)
	s.setRange("ce", "85")
	s.waitText("month-score", "1.7")
}

// TestStoppedProgramSays: when the Go program ends (as a fatal error ends
// it), the page says so and offers a reload, which reaches the live app.
func TestStoppedProgramSays(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/?crashtest=1")
	s.run(chromedp.Click(`[data-testid="stop-test"]`))
	s.waitTextContains("stopped", "Passline stopped")
	s.screenshotView("stopped-360x740")
	s.js(`document.querySelector('[data-testid="stopped"] button').click(); true`)
	s.waitJS(`!document.querySelector('[data-testid="stopped"]') && !!document.querySelector('main[data-live="true"]')`)
	if got := s.text("month-score"); got != "2.1" {
		t.Errorf("after the reload: score %q", got)
	}
}

// TestUnfinishedStartRescues: a start that did not finish (it hung or
// crashed) leaves its mark; the next start shows the example, keeps the
// saved data untouched and offers it back. Trying it again restores it.
func TestUnfinishedStartRescues(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.pasteAgent("Sam")
	s.setStored("passline.starting", `"1"`)
	s.reload()
	s.waitTextContains("rescue", "did not finish starting")
	if got := s.text("month-score"); got != "2.1" {
		t.Errorf("rescued start shows %q, want the example's 2.1", got)
	}
	s.screenshot("rescue-360x740")
	s.axe("the rescue notice")
	// A change now is not saved over the data set aside.
	s.setRange("ce", "85")
	s.waitText("month-score", "1.7")
	var saved string
	s.run(chromedp.Evaluate(`localStorage.getItem("passline.data")`, &saved))
	if !strings.Contains(saved, "Sam") {
		t.Fatalf("the saved data was overwritten while rescuing: %q", saved)
	}
	// The button reloads the page: click it from the page, then wait for
	// the reloaded app to show the saved data.
	s.js(`document.querySelector('[data-testid="rescue-retry"]').click(); true`)
	s.waitTextContains("months", "Months found for Sam")
	if got := s.text("month-score"); got == "2.1" {
		t.Errorf("after trying again the score is still the example's")
	}
	var mark any
	s.run(chromedp.Evaluate(`localStorage.getItem("passline.starting")`, &mark))
	if mark != nil {
		t.Errorf("the start mark stays after a finished start: %v", mark)
	}
}

// TestTwoTabsNeverOverwrite: a paste in tab A while tab B is open; B takes
// up A's data (and says so) instead of writing its old data over it on
// its next move (issue 11).
func TestTwoTabsNeverOverwrite(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	tabB, cancel := chromedp.NewContext(s.b.Ctx, chromedp.WithExistingBrowserContext(s.b.ContextID)) // the same storage
	defer cancel()
	runB := func(actions ...chromedp.Action) {
		t.Helper()
		ctx, stop := context.WithTimeout(tabB, 60*time.Second)
		defer stop()
		if err := chromedp.Run(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	// The tab is made by a Run on its own context: a Run on a context with a
	// deadline would close it when that deadline's context ends.
	if err := chromedp.Run(tabB); err != nil {
		t.Fatal(err)
	}
	runB(chromedp.Navigate(s.url), chromedp.WaitVisible(liveSelector))
	s.pasteAgent("Newdata")
	// B hears of it and shows A's data (B is a background tab: poll the DOM).
	var notice string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && !strings.Contains(notice, "another tab"); time.Sleep(50 * time.Millisecond) {
		runB(chromedp.Evaluate(`(document.querySelector('[data-testid="restored"]') || {textContent: ""}).textContent`, &notice))
	}
	if !strings.Contains(notice, "another tab") {
		t.Errorf("tab B's notice: %q", notice)
	}
	var shown string
	runB(chromedp.Evaluate(`document.querySelector("main").textContent`, &shown))
	if !strings.Contains(shown, "Newdata") {
		t.Errorf("tab B does not show tab A's data")
	}
	// B moves a slider: A's data stays saved.
	runB(chromedp.Evaluate(`(() => { const el = document.querySelector('input[type=range][data-metric=ce]');
		el.value = "85"; el.dispatchEvent(new Event('input', {bubbles: true})); return true; })()`, nil), chromedp.Sleep(300*time.Millisecond))
	var saved string
	s.run(chromedp.Evaluate(`localStorage.getItem("passline.data")`, &saved))
	if !strings.Contains(saved, "Newdata") {
		t.Fatalf("tab B wrote over tab A's data: %q", saved)
	}
	s.reload()
	if got := s.textOf(`main`); !strings.Contains(got, "Newdata") {
		t.Errorf("after a reload tab A does not show its data")
	}
}

// TestStorageRefusedKeepsLastGoodCopy: when the browser refuses to store a
// big file (its storage full), the app says so in words with the results
// to take away; a reload brings back the last good save whole (issue 11).
func TestStorageRefusedKeepsLastGoodCopy(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.setRange("ce", "85")
	s.waitText("month-score", "1.7")
	s.js(`(() => { const set = Storage.prototype.setItem;
		Storage.prototype.setItem = function (k, v) {
			if (k === "passline.data" && v.includes("Bigfile")) { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }
			return set.call(this, k, v);
		}; return true; })()`)
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-11,Bigfile,520,60,0,25,25,7:35,0,0\n")
	got := s.text("save-failed")
	if !strings.Contains(got, "did not let Passline save your change") || !strings.Contains(got, "Download the results") || strings.Contains(got, "{") {
		t.Errorf("save-failed notice: %q", got)
	}
	s.screenshot("save-failed-360x740")
	s.axe("the save-failed notice")
	s.setRange("ce", "70") // a move on the unsaved file saves nothing beside the old data
	s.waitText("month-status", "FAIL")
	s.reload()
	if got := s.text("month-score"); got != "1.7" {
		t.Errorf("after the reload: score %q, want the last good save's 1.7 (example, CE 85)", got)
	}
}

// TestDamagedSettingsKeepData: broken saved settings beside good saved data
// cost the settings only (issue 11).
func TestDamagedSettingsKeepData(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.pasteAgent("Keptdata")
	s.setStored("passline.state", "{not json")
	s.reload()
	if got := s.text("restored"); !strings.Contains(got, "settings could not be read") {
		t.Errorf("notice: %q", got)
	}
	if got := s.textOf("main"); !strings.Contains(got, "Keptdata") {
		t.Error("the saved data was not restored")
	}
}

// TestIssue11Uploads: the scorecards and the data file that once crashed,
// hung or blocked the app are refused at once, saying why, and the app
// stays alive with what it had (issue 11).
func TestIssue11Uploads(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	dir := t.TempDir()
	unpacked := func(kind, name string) string {
		t.Helper()
		gz, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "hostile", kind, name+".gz"))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct{ input, file, says string }{
		{"scorecard-file", unpacked("scorecards", "nested-100000-lists.json"), "nests lists and objects more than 20 deep"},
		{"scorecard-file", unpacked("scorecards", "nested-30000-objects.json"), "nests lists and objects more than 20 deep"},
		{"scorecard-file", unpacked("scorecards", "five-thousand-metrics.json"), "has 5000 metrics, more than the 100 a scorecard may have"},
		{"scorecard-file", unpacked("scorecards", "hundred-thousand-unknown-keys.json"), "…and 99985 more"},
		{"scorecard-file", unpacked("scorecards", "million-digit-band.json"), "must have at most 30 digits, found a number of 1000000 digits"},
		{"data-file", unpacked("data", "million-digit-calls.csv"), "expected a cell of at most 32767 characters, as a spreadsheet holds, not 1000000: the row was left out"},
	} {
		start := time.Now()
		s.run(chromedp.SetUploadFiles(`[data-testid="`+tt.input+`"]`, []string{tt.file}, chromedp.ByQuery))
		name := filepath.Base(tt.file) + " was not loaded"
		if tt.input == "data-file" {
			name = "" // the data's messages name rows, not the file
		}
		s.waitJS(fmt.Sprintf(`document.querySelector("main").textContent.includes(%q) && document.querySelector("main").textContent.includes(%q)`, name, tt.says))
		t.Logf("%s: said in %v", filepath.Base(tt.file), time.Since(start).Round(time.Millisecond))
		var longest int
		s.run(chromedp.Evaluate(`Math.max(...[...document.querySelectorAll('[role=alert], .input-error, [data-testid="problems"]')].map(e => e.textContent.length), 0)`, &longest))
		if longest > 5000 {
			t.Errorf("%s: a message of %d characters", filepath.Base(tt.file), longest)
		}
		if got := s.text("scorecard-name"); got != "Care and sales, 1-2-3" {
			t.Errorf("%s: the scorecard in use became %q", filepath.Base(tt.file), got)
		}
		s.setRange("ce", "85")
		s.waitText("month-score", "1.7")
		s.reload() // and a reload reaches the live app with what it had
		s.waitText("month-score", "1.7")
		s.setRange("ce", "92")
		s.waitText("month-score", "2.1")
	}

	// The most metrics a scorecard may have: accepted, and drawn.
	var most strings.Builder
	most.WriteString(`{"version": 1, "name": "One hundred", "pass": 2, "decimals": 1, "metrics": [`)
	for i := 0; i < 100; i++ {
		if i > 0 {
			most.WriteString(",")
		}
		fmt.Fprintf(&most, `{"id": "m%d", "label": "Metric %d", "unit": "number", "better": "higher", "weight": 1, "bands": [{"points": 2, "at": 1}, {"points": 3, "at": 2}]}`, i, i)
	}
	most.WriteString("]}")
	path := filepath.Join(dir, "one-hundred-metrics.json")
	if err := os.WriteFile(path, []byte(most.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	s.run(chromedp.SetUploadFiles(`[data-testid="scorecard-file"]`, []string{path}, chromedp.ByQuery))
	s.waitText("scorecard-name", "One hundred")
	s.waitJS(`document.querySelectorAll('input[type=range][data-metric]').length === 100`)
	t.Logf("100 metrics drawn in %v", time.Since(start).Round(time.Millisecond))
	s.reload()
	s.waitText("scorecard-name", "One hundred")
}

// TestHugeNumbersFit: the longest numbers the data may hold (30 digits, a
// handle time of 9.2 × 10^18 seconds) are shown without anything scrolling
// sideways on a phone (issue 11: "no display overflows").
func TestHugeNumbersFit(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n" +
		"2026-10,Sam,999999999999999999999999999999,60,0,25,23,9223372036854775808,1,0\n")
	s.waitTextContains("months", "Months found for Sam")
	if got := s.textOf(`[data-metric="aht"].exact, input.exact[data-metric="aht"]`); strings.Contains(got, "-") {
		t.Errorf("the handle time shows %q", got)
	}
	var aria string
	s.run(chromedp.Evaluate(`document.querySelector('input[type=range][data-metric=aht]').getAttribute('aria-valuetext')`, &aria))
	if !strings.HasPrefix(aria, "9223372036854775808 seconds") {
		t.Errorf("the handle time's words: %q", aria)
	}
	s.noSidewaysScroll()
	s.screenshot("huge-numbers-360x740")
}

// TestOddsStopRescues (issue 25): the odds are worked out after the first
// render; should that stop Passline (out of memory), its mark stays, and
// the next start sets the saved data aside and offers it back as a start
// that did not finish does. Once tried again and worked out, no mark stays.
func TestOddsStopRescues(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.pasteAgent("Sam")
	// The tab's odds stopped Passline (their listener on leaving the page
	// cannot run once Go has stopped): the mark stays in the tab.
	s.js(`window.addEventListener('pagehide', () => sessionStorage.setItem("passline.odds", '"1"')); true`)
	s.reload()
	s.waitTextContains("rescue", "working out your odds")
	s.js(`document.querySelector('[data-testid="rescue-retry"]').click(); true`)
	s.waitTextContains("months", "Months found for Sam")
	s.waitTextContains("odds-month", "Passing November 2026")
	var mark any
	s.run(chromedp.Evaluate(`sessionStorage.getItem("passline.odds")`, &mark))
	if mark != nil {
		t.Errorf("the odds' mark stays once they are worked out: %v", mark)
	}
	// A reload while the odds work (Passline running) is no crash.
	s.js(`sessionStorage.setItem("passline.odds", '"1"'); true`)
	s.reload()
	s.waitTextContains("months", "Months found for Sam")
	var rescue int
	s.run(chromedp.Evaluate(`document.querySelectorAll('[data-testid="rescue"]').length`, &rescue))
	if rescue != 0 {
		t.Error("a reload while the odds worked set the data aside")
	}
}
