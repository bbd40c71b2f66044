package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
)

// ErrNoChromium says no Chromium was found to drive.
var ErrNoChromium = errors.New("no Chromium found: install Debian's chromium (apt-get install -y chromium) or set PASSLINE_CHROMIUM to a Chrome or Chromium binary")

// findChromium returns the browser to drive: $PASSLINE_CHROMIUM, or the
// first of chromium, chromium-browser, google-chrome on the PATH.
func findChromium() (string, error) {
	if p := os.Getenv("PASSLINE_CHROMIUM"); p != "" {
		return p, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// Browser is a headless Chromium with a fresh profile.
type Browser struct {
	Ctx context.Context // a tab's context, for chromedp.Run
	// ContextID is the browser context the tab is in; empty for the
	// browser's own (a browser started for one session).
	ContextID cdp.BrowserContextID
	cancel    []context.CancelFunc
	profile   string
}

// StartBrowser starts Chromium headless with the flags that work on these
// machines (no sandbox, no background networking, component update or
// sync) and a window of width × height.
func StartBrowser(parent context.Context, width, height int) (*Browser, error) {
	path, err := findChromium()
	if err != nil {
		return nil, err
	}
	// A folder of our own, not t.TempDir(): Chromium's helpers still write
	// into it while it shuts down.
	profile, err := os.MkdirTemp("", "passline-chromium-")
	if err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(width, height),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(parent, opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	b := &Browser{Ctx: ctx, cancel: []context.CancelFunc{cancelTab, cancelAlloc}, profile: profile}
	if err := chromedp.Run(ctx); err != nil { // starts the browser
		b.Close()
		return nil, fmt.Errorf("starting %s: %w", path, err)
	}
	return b, nil
}

// Close stops the browser and removes its profile, retrying while
// Chromium's helpers finish writing into it.
func (b *Browser) Close() {
	for _, c := range b.cancel {
		c()
	}
	if b.profile == "" { // a browser context: the browser keeps its profile
		return
	}
	for i := 0; i < 20; i++ {
		if os.RemoveAll(b.profile) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// liveSelector matches only what the running app renders, never the
// prerendered page: wait for it before touching the page.
const liveSelector = `main[data-live="true"]`
