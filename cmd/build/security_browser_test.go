package main

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Privacy and security in the browser: no request after loading, the
// Content-Security-Policy enforced and never tripped, names shown as text.

// requestLog counts what reaches the server and what the page asks for
// over the network, once counting is on.
type requestLog struct {
	mu       sync.Mutex
	counting bool
	server   []string // requests the server received
	page     []string // http(s) and ws requests the page made (any origin)
}

func (l *requestLog) note(list *[]string, what string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.counting {
		*list = append(*list, what)
	}
}

func (l *requestLog) count(on bool) (server, page []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.counting = on
	return l.server, l.page
}

// recordCSP records every Content-Security-Policy violation in
// window.cspViolations, from before the page's own scripts run.
const recordCSP = `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));`

// TestNoNetworkAfterLoad: once the app has loaded (and its service worker
// cached it), using every screen makes no request at all, to our server or
// anywhere else, and trips no Content-Security-Policy rule.
func TestNoNetworkAfterLoad(t *testing.T) {
	log := &requestLog{}
	s := newSession(t, 360, 740, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log.note(&log.server, r.Method+" "+r.URL.Path)
			h.ServeHTTP(w, r)
		})
	})
	chromedp.ListenTarget(s.b.Ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			if u := e.Request.URL; strings.HasPrefix(u, "http") || strings.HasPrefix(u, "ws") {
				log.note(&log.page, e.Request.Method+" "+u)
			}
		}
	})
	s.run(network.Enable(), chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(recordCSP).Do(ctx)
		return err
	}))
	s.open("/")
	s.controlledBySW()

	log.count(true)
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Sam,520,60,0,25,23,7:35,1,0\n")
	s.waitText("month-score", "2.1")
	s.setRange("ce", "80")
	s.waitText("month-status", "FAIL")
	s.run(chromedp.Click(`[data-testid="export-results"]`))
	for _, id := range []string{"team", "huddle", "learn", "editor", ""} {
		s.screen(id)
	}
	s.run(chromedp.Click(`[data-testid="share-make"]`), chromedp.WaitVisible(`[data-testid="share-link"]`))
	server, pageReqs := log.count(false)
	if len(server) > 0 {
		t.Errorf("the server got %d requests after loading: %q", len(server), server)
	}
	if len(pageReqs) > 0 {
		t.Errorf("the page made %d network requests after loading: %q", len(pageReqs), pageReqs)
	}
	var violations []string
	s.run(chromedp.Evaluate(`window.cspViolations`, &violations))
	if len(violations) > 0 {
		t.Errorf("Content-Security-Policy violations while using the app: %q", violations)
	}

	// The page carries the policy, and it is enforced: an inline script
	// does not run.
	var policy string
	s.run(chromedp.Evaluate(`document.querySelector('meta[http-equiv="Content-Security-Policy"]').content`, &policy))
	if policy != ContentSecurityPolicy {
		t.Errorf("the page's policy is %q, want %q", policy, ContentSecurityPolicy)
	}
	var ran bool
	s.run(chromedp.Evaluate(`(() => { const el = document.createElement('script'); el.textContent = 'window.inlineRan = true';
		document.body.append(el); return window.inlineRan === true; })()`, &ran))
	if ran {
		t.Error("an inline script ran: the Content-Security-Policy is not in force")
	}
	s.run(chromedp.Evaluate(`window.cspViolations.some(v => v.startsWith('script-src'))`, &ran))
	if !ran {
		t.Error("the inline script raised no script-src violation")
	}
}

// TestNamesRenderAsText: an agent called <img src=x onerror=alert(1)>, and
// markup in a bad cell, show as those characters on every screen that
// shows them; nothing of theirs becomes an element or runs.
func TestNamesRenderAsText(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	var dialogs []string
	var mu sync.Mutex
	chromedp.ListenTarget(s.b.Ctx, func(ev any) {
		if e, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			mu.Lock()
			dialogs = append(dialogs, e.Message)
			mu.Unlock()
			go chromedp.Run(s.b.Ctx, page.HandleJavaScriptDialog(false))
		}
	})
	s.open("/")
	const img, script, cell = `<img src=x onerror=alert(1)>`, `"><script>alert(2)</script>`, `<b onmouseover=alert(3)>7</b>`
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n" +
		"2026-10," + img + ",520,60,0,25,23,7:35,1,0\n" +
		"2026-10,\"\"\"><script>alert(2)</script>\",520,60,0,25,23,7:35,1,0\n" +
		"2026-10,Jo," + cell + ",60,0,25,23,7:35,1,0\n")
	s.waitTextContains("months", img)
	options := s.evalStrings(`Array.from(document.querySelectorAll('[data-testid="agent"] option')).map(o => o.textContent)`)
	if strings.Join(options, "|") != img+"|"+script {
		t.Errorf("the agent picker shows %q", options)
	}
	if got := s.text("problems"); !strings.Contains(got, cell) {
		t.Errorf("the problems list shows %q, want the cell %q as text", got, cell)
	}
	s.screen("team")
	s.waitTextContains("team", script)
	var elements int
	s.run(chromedp.Evaluate(`document.querySelectorAll('main img, main script, main b').length`, &elements))
	if elements != 0 {
		t.Errorf("%d img, script or b elements in the page: markup from the data became HTML", elements)
	}
	s.screenshot("xss-names-360x740")
	mu.Lock()
	defer mu.Unlock()
	if len(dialogs) > 0 {
		t.Errorf("the data's script ran: dialogs %q", dialogs)
	}
}
