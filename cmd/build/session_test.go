package main

import (
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"passline/app"
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

// waitJS waits until the expression is true in the page.
func (s *session) waitJS(expr string) {
	s.t.Helper()
	var ok bool
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(s.b.Ctx, 5*time.Second)
		err := chromedp.Run(ctx, chromedp.Evaluate(expr, &ok))
		cancel()
		if err == nil && ok {
			return
		}
	}
	s.t.Fatalf("never true: %s", expr)
}

// pasteAgent pastes one October row for the named agent (20 of 25
// surveys satisfied, CE 80 %: 2 points, not the example's 3) and waits
// until it is in use.
func (s *session) pasteAgent(name string) {
	s.t.Helper()
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10," + name + ",520,60,0,25,20,7:35,1,0\n")
	s.waitTextContains("months", "Months found for "+name)
}

// setStored writes a local storage item as it is.
func (s *session) setStored(key, raw string) {
	s.t.Helper()
	s.js(fmt.Sprintf(`localStorage.setItem(%q, %q); true`, key, raw))
}

// js runs an expression in the page for what it does.
func (s *session) js(expr string) {
	s.t.Helper()
	var ignored any
	s.run(chromedp.Evaluate(expr, &ignored))
}

// screenshotView saves what the screen shows now (a full-page screenshot
// does not draw a sticky alert where the user sees it).
// screenshotAt scrolls the element sel matches to block ("start" or
// "center") of the screen and takes the screen as screenshotView does.
func (s *session) screenshotAt(sel, block, name string) {
	s.t.Helper()
	s.js(fmt.Sprintf(`document.querySelector(%q).scrollIntoView({block: %q})`, sel, block))
	s.screenshotView(name)
}

func (s *session) screenshotView(name string) {
	s.t.Helper()
	var png []byte
	s.run(chromedp.CaptureScreenshot(&png))
	dir := filepath.Join(repoRoot, "testout")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

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

// TestAxeTestsAskFirst: every test that runs axe calls needAxe before it
// does any work, so that without axe-core it skips at once instead of
// failing (or skipping) at its end.
func TestAxeTestsAskFirst(t *testing.T) {
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Body == nil {
				continue
			}
			runsAxe, first := false, ""
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "axe" {
						runsAxe = true
					}
				}
				return true
			})
			if len(fn.Body.List) > 0 {
				if es, ok := fn.Body.List[0].(*ast.ExprStmt); ok {
					if call, ok := es.X.(*ast.CallExpr); ok {
						if id, ok := call.Fun.(*ast.Ident); ok {
							first = id.Name
						}
					}
				}
			}
			if runsAxe && first != "needAxe" {
				t.Errorf("%s: %s runs axe but does not start with needAxe(t)", fset.Position(fn.Pos()), fn.Name.Name)
			}
		}
	}
}
