package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// Issue 14: real sheets in.

// exportResults downloads the results CSV from the app.
func (s *session) exportResults() []byte {
	s.t.Helper()
	dir, err := os.MkdirTemp("", "passline-download-")
	if err != nil {
		s.t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	s.run(browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir).WithBrowserContextID(s.b.ContextID),
		chromedp.Click(`[data-testid="export-results"]`))
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if got, err := os.ReadFile(filepath.Join(dir, "passline-results.csv")); err == nil && len(got) > 0 {
			return got
		}
	}
	s.t.Fatal("no results downloaded")
	return nil
}

// TestGoogleSheetMapped: a Google Sheets paste (Agent Name, Date with
// 01/10/2026, CSAT %, Avg Handle Time, 1,520 calls, Team and Supervisor, a
// blank last row), mapped in the app, gives the results of the clean
// file (passline score on testdata/golden/s8-clean); the mapping survives
// a reload; the paste box keeps the text.
func TestGoogleSheetMapped(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	sheet, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "golden", "s8-google-sheet", "data.csv"))
	if err != nil {
		t.Fatal(err)
	}
	s.paste(string(sheet))
	s.waitTextContains("months", "Months found for Jo: October 2026, November 2026")
	var kept string
	s.run(chromedp.Value(`[data-testid="data-paste"]`, &kept))
	if kept != strings.TrimSpace(string(sheet)) { // the blank last row aside
		t.Errorf("the paste box did not keep the text: %q", kept)
	}
	header := func(h string) string { return `[data-testid="columns"] select[data-header="` + h + `"]` }
	for h, want := range map[string]string{"Agent Name": "agent", "Date": "month", "Calls": "calls", "CSAT %": "", "Team": ""} {
		var got string
		s.run(chromedp.Value(header(h), &got))
		if got != want {
			t.Errorf("%s read as %q, want %q", h, got, want)
		}
	}
	var noColumn string
	s.run(chromedp.Text(`[data-no-column="ce"]`, &noColumn, chromedp.NodeVisible))
	if !strings.Contains(noColumn, "No column of your sheet gives Customer experience") {
		t.Errorf("CE's slider says %q", noColumn)
	}
	s.change(header("CSAT %"), "ce")
	s.waitJS(`!document.querySelector('[data-no-column="ce"]')`)
	s.change(header("Avg Handle Time"), "aht")
	s.waitText("quarter-need", "2.100")
	s.screenshotAt(`[data-testid="columns"]`, "center", "sheet-columns-360x740")
	s.axe("how your sheet was read")
	got := s.exportResults()
	cmd := exec.Command("go", "run", "./cmd/passline", "score", "--scorecard", "care-and-sales", filepath.Join("testdata", "golden", "s8-clean", "data.csv"))
	cmd.Dir = repoRoot
	want, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) || len(want) == 0 {
		t.Errorf("the mapped sheet's results differ from the clean file's:\n--- app\n%s\n--- passline score\n%s", got, want)
	}
	s.reload()
	s.waitText("quarter-need", "2.100")
	var ce string
	s.run(chromedp.Value(header("CSAT %"), &ce))
	if ce != "ce" {
		t.Errorf("after a reload CSAT %% is read as %q", ce)
	}
}

// TestDatesQuestion: an ambiguous sheet asks which is the month, showing
// both readings; each answer gives its months.
func TestDatesQuestion(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	text := "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n02/10/2026,Jo,520,60,0,25,23,7:35,1,0\n05/11/2026,Jo,500,50,0,20,17,455,0,0\n"
	for _, tc := range []struct{ answer, months string }{
		{"dates-dmy", "Months found for Jo: October 2026, November 2026."},
		{"dates-mdy", "Months found for Jo: February 2026, May 2026."},
	} {
		s.paste(text)
		s.waitTextContains("dates", "02/10/2026: 2 October or February 10?")
		question := s.text("dates")
		if !strings.Contains(question, "Day first: October 2026, November 2026") || !strings.Contains(question, "Month first: February 2026, May 2026") {
			t.Errorf("the question: %q", question)
		}
		if tc.answer == "dates-dmy" {
			s.screenshotAt(`[data-testid="dates"]`, "center", "dates-question-360x740")
			s.axe("the dates question")
		}
		s.run(chromedp.Click(`[data-testid="` + tc.answer + `"]`))
		s.waitText("months", tc.months)
	}
}

// TestNewReadReplacesMessages: a refused paste shows its message alone,
// not beside the last read's summary and problems; a tab in a message is
// said in words.
func TestNewReadReplacesMessages(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n2026-11,Jo,x,60,0,25,23,7:35,1,0\n")
	s.waitTextContains("loaded", "1 row left out")
	s.paste("agent\tcalls\toffers\nJo\t520\t60\n")
	s.waitTextContains("data-error", "no month column")
	msg := s.text("data-error")
	if !strings.Contains(msg, `tab-separated header is "agent, calls, offers"`) || strings.Contains(msg, `\t`) {
		t.Errorf("the message: %q", msg)
	}
	var left int
	s.run(chromedp.Evaluate(`document.querySelectorAll('[data-testid="loaded"], [data-testid="problems"]').length`, &left))
	if left != 0 {
		t.Errorf("the last read's summary or problems are still shown beside the refusal (%d)", left)
	}
}
