package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"passline/state"
)

// TestCalculatorInBrowser: the score shows, a slider moves it, a reload
// keeps it, and screenshots at phone and desktop sizes, light and dark.
func TestCalculatorInBrowser(t *testing.T) {
	for _, size := range [][2]int{{360, 740}, {1280, 800}, {320, 640}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := newSession(t, size[0], size[1], nil)
			s.open("/")
			if got := s.text("month-score"); got != "2.1" {
				t.Fatalf("month score %q, want SPEC's 2.1", got)
			}
			if got := s.text("month-status"); got != "PASS" {
				t.Fatalf("month status %q, want PASS", got)
			}
			s.noSidewaysScroll()
			s.screenshot(fmt.Sprintf("calculator-%dx%d", size[0], size[1]))
			s.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}))
			s.screenshot(fmt.Sprintf("calculator-%dx%d-dark", size[0], size[1]))
			s.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}))

			// CE at 89.9 %: 2 points, 1.65 → 1.7, FAIL; at 90 % it passes again.
			s.setRange("ce", "89.9")
			s.waitText("month-score", "1.7")
			s.waitText("month-status", "FAIL")
			s.setRange("ce", "90")
			s.waitText("month-status", "PASS")

			// The keyboard moves the slider too: one step down from 90 fails.
			s.run(chromedp.Focus(`input[type=range][data-metric=ce]`), chromedp.KeyEvent(kb.ArrowLeft))
			s.waitText("month-status", "FAIL")

			// The exact input takes a typed value.
			s.run(chromedp.SetValue(`input.exact[data-metric=ce]`, "95"), chromedp.SendKeys(`input.exact[data-metric=ce]`, "\r"),
				chromedp.Blur(`input.exact[data-metric=ce]`))
			s.waitText("month-score", "2.1")

			// A reload keeps the state.
			s.setRange("ce", "85")
			s.waitText("month-score", "1.7")
			s.reload()
			s.waitText("month-score", "1.7")
			var exact string
			s.run(chromedp.Value(`input.exact[data-metric=ce]`, &exact))
			if exact != "85" {
				t.Errorf("after a reload the exact input shows %q, want 85", exact)
			}
			// Start again asks, then clears it.
			s.run(chromedp.Click(`[data-testid="start-again"]`))
			s.run(chromedp.Click(`[data-testid="start-again-confirm"]`))
			s.waitText("month-score", "2.1")
			s.reload()
			s.waitText("month-score", "2.1")
		})
	}
}

// TestOfflineReload: after a visit, the app loads and works with the server stopped.
func TestOfflineReload(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.controlledBySW()
	s.setRange("ce", "85")
	s.waitText("month-score", "1.7")
	s.srv.Close()
	s.reload()
	s.waitText("month-score", "1.7")
	s.setRange("ce", "95")
	s.waitText("month-score", "2.1")
	s.screenshot("offline-360x740")
}

// TestInstallable: Chromium finds nothing that stops the app being
// installed, the manifest has the local icons, and the viewport allows zoom.
func TestInstallable(t *testing.T) {
	s := newSessionOwnBrowser(t, 360, 740)
	s.open("/")
	s.controlledBySW()
	var errs []*page.InstallabilityError
	s.run(chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		errs, err = page.GetInstallabilityErrors().Do(ctx)
		return err
	}))
	for _, e := range errs {
		t.Errorf("not installable: %s %v", e.ErrorID, e.ErrorArguments)
	}
	var manifest struct {
		Icons []struct{ Src, Sizes, Purpose string }
	}
	var raw string
	s.run(chromedp.Evaluate(`fetch('manifest.webmanifest').then(r => r.text())`, &raw, awaitPromise))
	if err := json.Unmarshal([]byte(raw), &manifest); err != nil {
		t.Fatal(err)
	}
	var srcs []string
	for _, icon := range manifest.Icons {
		srcs = append(srcs, icon.Src+" "+icon.Sizes+" "+icon.Purpose)
		if strings.HasPrefix(icon.Src, "http") {
			t.Errorf("a remote icon breaks offline installs: %s", icon.Src)
		}
	}
	if got := strings.Join(srcs, ", "); !strings.Contains(got, "icon-maskable-512.png 512x512 maskable") || !strings.Contains(got, "icon.svg any") {
		t.Errorf("manifest icons: %s", got)
	}
	var viewport string
	s.run(chromedp.Evaluate(`document.querySelector('meta[name=viewport]').content`, &viewport))
	if strings.Contains(viewport, "user-scalable") || strings.Contains(viewport, "maximum-scale") {
		t.Errorf("the viewport blocks zoom: %q", viewport)
	}
	var landmarks int
	s.run(chromedp.Evaluate(`document.querySelectorAll('main').length`, &landmarks))
	if landmarks != 1 {
		t.Errorf("%d main landmarks, want 1", landmarks)
	}
}

// TestSubPath: a site built with -base works from that sub-path, offline too.
func TestSubPath(t *testing.T) {
	needBrowser(t)
	dir, err := os.MkdirTemp("", "passline-subpath-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if _, err := BuildSite(SiteOptions{Root: repoRoot, Out: dir, Base: "/passline"}); err != nil {
		t.Fatal(err)
	}
	s := newSessionOn(t, dir, "/passline", 360, 740, nil)
	if !strings.HasSuffix(s.url, "/passline/") {
		t.Fatalf("url %s", s.url)
	}
	s.open("")
	if got := s.text("month-score"); got != "2.1" {
		t.Fatalf("score %q", got)
	}
	s.controlledBySW()
	s.srv.Close()
	s.reload()
	if got := s.text("month-score"); got != "2.1" {
		t.Fatalf("offline under the sub-path: score %q", got)
	}
}

// TestCrashGuard: a panic in an event handler shows a notice with a reload
// action, and the app keeps working.
func TestCrashGuard(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/?crashtest=1")
	s.run(chromedp.Click(`[data-testid="crash-test"]`))
	got := s.text("crash")
	if !strings.Contains(got, "crash test: this panic is on purpose") || !strings.Contains(got, "Reload") {
		t.Errorf("crash notice: %q", got)
	}
	s.screenshot("crash-notice-360x740")
	s.setRange("ce", "85")
	s.waitText("month-score", "1.7") // still alive
}

// TestLoadingKeepsInput: while the wasm loads, the prerendered page says so
// and its inputs are disabled, so nothing typed is lost.
func TestLoadingKeepsInput(t *testing.T) {
	release := make(chan struct{})
	slowWasm := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, ".wasm") {
				<-release
			}
			h.ServeHTTP(w, r)
		})
	}
	s := newSession(t, 360, 740, slowWasm)
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	s.run(chromedp.Navigate(s.url), chromedp.WaitVisible(`[data-testid="loading"]`))
	var disabled bool
	s.run(chromedp.Evaluate(`document.querySelector('input[type=range][data-metric=ce]').disabled && document.querySelector('input.exact[data-metric=ce]').disabled`, &disabled))
	if !disabled {
		t.Error("the prerendered inputs must be disabled while the app loads")
	}
	if got := s.text("month-score"); got != "2.1" {
		t.Errorf("prerendered score %q", got)
	}
	// Issue 11: every option was prerendered selected="false", which HTML
	// reads as selected, so the last preset showed while loading.
	var preset string
	s.run(chromedp.Evaluate(`document.querySelector('[data-testid="preset"]').value`, &preset))
	if preset != "care-and-sales" {
		t.Errorf("while loading the preset picker shows %q, want care-and-sales", preset)
	}
	s.screenshot("loading-360x740")
	close(release)
	s.run(chromedp.WaitVisible(liveSelector))
	var gone bool
	s.run(chromedp.Evaluate(`!document.querySelector('[data-testid="loading"]')`, &gone))
	if !gone {
		t.Error("the loading notice stays after the app started")
	}
}

// TestCorruptStateNotice: stored state that is corrupt starts the app with
// defaults and a notice, never a blank page.
func TestCorruptStateNotice(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	for _, bad := range []string{`{"schema":0,"preset":"care-and-sales"}`, `{not json`} {
		s.setStored(state.StateKey, bad)
		s.reload()
		if got := s.text("restored"); !strings.Contains(got, "started afresh") {
			t.Errorf("stored %s: notice %q", bad, got)
		}
		if got := s.text("month-score"); got != "2.1" {
			t.Errorf("stored %s: score %q", bad, got)
		}
	}
}

// TestAccessibility runs axe-core (npm) on every screen of the app, in
// light and dark mode, at a phone's size: no violation.
func TestAccessibility(t *testing.T) {
	needAxe(t)
	for _, dark := range []bool{false, true} {
		s := newSession(t, 360, 740, nil)
		if dark {
			s.run(emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}))
		}
		s.open("/")
		for _, screen := range state.Screens {
			s.screen(screen.ID)
			s.axe(fmt.Sprintf("%s screen, dark %v", screen.Label, dark))
		}
	}
}

// axe runs axe-core on the page as it is and fails the test on any
// violation; what names the page in the messages.
