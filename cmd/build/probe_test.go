package main

import (
	"fmt"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
)

func TestProbeCards(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	for i, y := range []int{0, 700, 1400, 2100, 2800, 3500} {
		var png []byte
		var ignored any
		s.run(chromedp.Evaluate(fmt.Sprintf("window.scrollTo(0, %d)", y), &ignored), chromedp.CaptureScreenshot(&png))
		os.WriteFile(fmt.Sprintf("/tmp/view-%d.png", i), png, 0o644)
	}
	var w int
	s.run(chromedp.Evaluate(`document.documentElement.scrollWidth`, &w))
	t.Logf("width %d", w)
}
