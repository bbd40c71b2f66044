package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"passline/app"
	"passline/state"
)

// The browser tests build the real site, serve it on 127.0.0.1 and drive
// Debian's Chromium. Without Chromium they skip, saying how to install it,
// unless PASSLINE_REQUIRE_BROWSER=1 (as in CI), where they fail.
// Screenshots go to testout/; look at them.

const repoRoot = "../.."

var (
	siteOnce sync.Once
	builtDir string
	siteErr  error
)

// One Chromium serves every browser test of the run: each session opens
// its own browser context in it (its own storage, cache and service
// workers, as a fresh profile has), which is much faster than starting a
// browser each time.
var (
	browserOnce sync.Once
	chromium    *Browser
	browserErr  error
)

// sharedBrowser is the run's Chromium, started on first use.
func sharedBrowser() *sharedChromium {
	browserOnce.Do(func() { chromium, browserErr = StartBrowser(context.Background(), 1920, 1080) })
	return &sharedChromium{}
}

type sharedChromium struct{}

// Context opens a new browser context with a tab in the run's Chromium.
func (sharedChromium) Context() (*Browser, error) {
	if browserErr != nil {
		return nil, browserErr
	}
	// Made by hand, not with chromedp.WithNewBrowserContext: a new context
	// has no window, and headless Chromium opens a tab there only in a new
	// window ("Failed to open new tab - no browser is open").
	c := chromedp.FromContext(chromium.Ctx)
	exec := cdp.WithExecutor(chromium.Ctx, c.Browser)
	id, err := target.CreateBrowserContext().WithDisposeOnDetach(true).Do(exec)
	if err != nil {
		return nil, err
	}
	dispose := func() { _ = target.DisposeBrowserContext(id).Do(exec) }
	tab, err := target.CreateTarget("about:blank").WithBrowserContextID(id).WithNewWindow(true).Do(exec)
	if err != nil {
		dispose()
		return nil, err
	}
	ctx, cancel := chromedp.NewContext(chromium.Ctx, chromedp.WithTargetID(tab))
	if err := chromedp.Run(ctx); err != nil { // attaches to the tab
		cancel()
		dispose()
		return nil, err
	}
	return &Browser{Ctx: ctx, ContextID: id, cancel: []context.CancelFunc{cancel, dispose}}, nil
}

// TestMain stops the run's Chromium, if one was started, after every test.
func TestMain(m *testing.M) {
	code := m.Run()
	if chromium != nil {
		chromium.Close()
	}
	os.Exit(code)
}

// needBrowser skips the test under -short, skips or fails it when Chromium
// is missing, then builds the site once for every test of the run.
func needBrowser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("a browser test: skipped under -short")
	}
	if _, err := findChromium(); err != nil {
		if os.Getenv("PASSLINE_REQUIRE_BROWSER") == "1" {
			t.Fatalf("PASSLINE_REQUIRE_BROWSER=1 but %v", err)
		}
		t.Skipf("skipping the browser test: %v", err)
	}
	siteOnce.Do(func() {
		app.Routes()
		builtDir, siteErr = os.MkdirTemp("", "passline-site-")
		if siteErr == nil {
			_, siteErr = BuildSite(SiteOptions{Root: repoRoot, Out: builtDir})
		}
	})
	if siteErr != nil {
		t.Fatalf("building the site: %v", siteErr)
	}
	return builtDir
}

// session is a served site and a browser on it.
type session struct {
	t     *testing.T
	width int // the emulated device width
	srv   *http.Server
	url   string
	b     *Browser
}

func newSession(t *testing.T, width, height int, wrap func(http.Handler) http.Handler) *session {
	t.Helper()
	return newSessionOn(t, needBrowser(t), "", width, height, wrap)
}

// newSessionOwnBrowser is newSession with a browser of its own, for what
// a browser context cannot show: installability (Chromium says a browser
// context is "in-incognito", where nothing installs).
func newSessionOwnBrowser(t *testing.T, width, height int) *session {
	t.Helper()
	return startSession(t, needBrowser(t), "", width, height, nil, func() (*Browser, error) {
		return StartBrowser(context.Background(), width, height)
	})
}

// newSessionOn serves the site in dir under base.
func newSessionOn(t *testing.T, dir, base string, width, height int, wrap func(http.Handler) http.Handler) *session {
	t.Helper()
	return startSession(t, dir, base, width, height, wrap, sharedBrowser().Context)
}

// startSession serves the site in dir under base (through wrap, if any)
// and opens it in the browser open gives, at width × height.
func startSession(t *testing.T, dir, base string, width, height int, wrap func(http.Handler) http.Handler, open func() (*Browser, error)) *session {
	t.Helper()
	h := siteHandler(dir, base)
	if wrap != nil {
		h = wrap(h)
	}
	srv, url, err := listenHandler(h, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	url += strings.TrimPrefix(base+"/", "/")
	b, err := open()
	if err != nil {
		srv.Close()
		t.Fatal(err)
	}
	s := &session{t: t, width: width, srv: srv, url: url, b: b}
	t.Cleanup(func() { b.Close(); srv.Close() })
	s.run(emulation.SetDeviceMetricsOverride(int64(width), int64(height), 1, width < 600))
	return s
}

func (s *session) run(actions ...chromedp.Action) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.b.Ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		s.t.Fatal(err)
	}
}

// open loads a page of the app and waits for the live app.
func (s *session) open(path string) {
	s.t.Helper()
	s.run(chromedp.Navigate(s.url+strings.TrimPrefix(path, "/")), chromedp.WaitVisible(liveSelector))
}

// controlledBySW waits for the service worker, then reloads so that it
// controls the page: from then on the app loads without the server.
func (s *session) controlledBySW() {
	s.t.Helper()
	var ok bool
	s.run(chromedp.Evaluate(`navigator.serviceWorker.ready.then(() => true)`, &ok, awaitPromise))
	s.reload()
	s.run(chromedp.Evaluate(`!!navigator.serviceWorker.controller`, &ok))
	if !ok {
		s.t.Fatal("the service worker does not control the page after a reload")
	}
}

func (s *session) reload() {
	s.t.Helper()
	s.run(chromedp.Reload(), chromedp.WaitVisible(liveSelector))
}

func (s *session) text(testid string) string {
	s.t.Helper()
	var v string
	s.run(chromedp.Text(`[data-testid="`+testid+`"]`, &v, chromedp.NodeVisible))
	return strings.TrimSpace(v)
}

// setRange sets a range input as a drag would: value, then an input event.
func (s *session) setRange(metric, value string) {
	s.t.Helper()
	js := fmt.Sprintf(`(() => { const el = document.querySelector('input[type=range][data-metric=%q]');
		el.value = %q; el.dispatchEvent(new Event('input', {bubbles: true})); return el.value; })()`, metric, value)
	var got string
	s.run(chromedp.Evaluate(js, &got))
}

// waitText waits until the element's text is want.
func (s *session) waitText(testid, want string) {
	s.t.Helper()
	s.waitUntil(testid, fmt.Sprintf("%q", want), func(got string) bool { return got == want })
}

// waitTextContains waits until the element's text contains part.
func (s *session) waitTextContains(testid, part string) {
	s.t.Helper()
	s.waitUntil(testid, fmt.Sprintf("text with %q", part), func(got string) bool { return strings.Contains(got, part) })
}

func (s *session) waitUntil(testid, want string, ok func(text string) bool) {
	s.t.Helper()
	sel := `[data-testid="` + testid + `"]`
	js := fmt.Sprintf(`(() => { const el = document.querySelector(%q); return el ? el.textContent.trim() : ""; })()`, sel)
	deadline := time.Now().Add(10 * time.Second)
	var got string
	for time.Now().Before(deadline) {
		s.run(chromedp.Evaluate(js, &got))
		if ok(got) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("%s shows %q, want %s", testid, got, want)
}

// noSidewaysScroll fails when the page is wider than the viewport.
func (s *session) noSidewaysScroll() {
	s.t.Helper()
	var width int
	s.run(chromedp.Evaluate(`document.documentElement.scrollWidth`, &width))
	if width > s.width {
		s.t.Errorf("the page is %d px wide on a %d px screen: something overflows", width, s.width)
	}
}

func (s *session) screenshot(name string) {
	s.t.Helper()
	var png []byte
	s.run(chromedp.FullScreenshot(&png, 100))
	dir := filepath.Join(repoRoot, "testout")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

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
			// Start again clears it.
			s.run(chromedp.Click(`[data-testid="reset"]`))
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
		var ignored any
		s.run(chromedp.Evaluate(fmt.Sprintf(`localStorage.setItem(%q, %q)`, state.StateKey, bad), &ignored))
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
// needAxe skips (or, with PASSLINE_REQUIRE_BROWSER=1, fails) a test that
// runs axe before it does any work, when axe-core is not installed.
func needAxe(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(axePath); err != nil {
		msg := fmt.Sprintf("axe-core is not installed (%v): run npm ci in the repository", err)
		if os.Getenv("PASSLINE_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
}

var axePath = filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js")

func (s *session) axe(what string) {
	s.t.Helper()
	axe, err := os.ReadFile(axePath)
	if err != nil {
		s.t.Fatalf("axe-core: %v (a test that runs axe starts with needAxe)", err)
	}
	var ignored any
	s.run(chromedp.Evaluate(string(axe), &ignored))
	var report string
	s.run(chromedp.Evaluate(`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}))))`, &report, awaitPromise))
	var violations []map[string]any
	if err := json.Unmarshal([]byte(report), &violations); err != nil {
		s.t.Fatal(err)
	}
	for _, v := range violations {
		s.t.Errorf("axe (%s): %v", what, v)
	}
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }
