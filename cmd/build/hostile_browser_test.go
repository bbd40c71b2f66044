package main

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// Big and hostile input in the browser: progress is shown, the app stays
// alive and says what is wrong.

// TestBigPasteShowsProgress pastes 10,000 rows: "Reading 10000 rows…"
// shows (painted) before the read, then goes, and the data is in use.
func TestBigPasteShowsProgress(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	var ignored any
	// Records the progress line's text whenever it is in the page.
	s.run(chromedp.Evaluate(`window.busySeen = [];
		new MutationObserver(() => { const el = document.querySelector('[data-testid="busy"]');
			if (el && !window.busySeen.includes(el.textContent)) { window.busySeen.push(el.textContent); } })
		.observe(document.body, {childList: true, subtree: true, characterData: true});`, &ignored))
	s.paste(bigData())
	s.waitTextContains("months", "Agent 000")
	var seen []string
	s.run(chromedp.Evaluate(`window.busySeen`, &seen))
	if len(seen) != 1 || seen[0] != "Reading 10000 rows…" {
		t.Errorf("progress lines seen: %q, want one, \"Reading 10000 rows…\"", seen)
	}
	var gone bool
	s.run(chromedp.Evaluate(`document.querySelector('[data-testid="busy"]') === null`, &gone))
	if !gone {
		t.Error("the progress line stays after the read")
	}
	if got := s.text("loaded"); got != "Pasted data: 10000 rows read for 500 agents." {
		t.Errorf("loaded: %q", got)
	}
}
