package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// A phone's first visit, measured as an agent meets it: the built site
// behind a static server that sends validators, over one slow link that
// the page and its service worker share, on a slowed CPU, in a fresh
// profile. Chromium's own network throttling leaves the worker's fetches
// alone, so the link is throttled here, at the server's sockets.

// PhoneProfile is the link and CPU a visit is measured on.
type PhoneProfile struct {
	RTT         time.Duration // each new connection and each request wait one round trip
	BitsPerSec  float64       // shared by every connection
	CPUSlowdown float64       // Chromium's CPU throttling rate for the page
}

// Lighthouse's phone: 150 ms round trips, 1.6 Mbps, CPU slowed 4×.
var phoneProfile = PhoneProfile{RTT: 150 * time.Millisecond, BitsPerSec: 1.6e6, CPUSlowdown: 4}

// link is one network link shared by all the connections of a listener.
// Answers are sent in chunks that queue for the link, so two downloads at
// once each get half of it.
type link struct {
	rtt         time.Duration
	bytesPerSec float64
	mu          sync.Mutex
	free        time.Time    // when the link has sent everything queued
	sent        atomic.Int64 // bytes sent to the browser
}

// linkChunk is how much is queued at a time: 4 KB is 20 ms at 1.6 Mbps.
const linkChunk = 4096

// send waits until n bytes have crossed the link after what is queued.
func (l *link) send(n int) {
	l.mu.Lock()
	start := time.Now()
	if l.free.After(start) {
		start = l.free
	}
	l.free = start.Add(time.Duration(float64(n) / l.bytesPerSec * float64(time.Second)))
	done := l.free
	l.mu.Unlock()
	time.Sleep(time.Until(done))
	l.sent.Add(int64(n))
}

type linkListener struct {
	net.Listener
	l *link
}

func (ll linkListener) Accept() (net.Conn, error) {
	c, err := ll.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &linkConn{Conn: c, l: ll.l}, nil
}

// linkConn is a connection over the link: it opens one round trip late,
// and a request's answer starts one round trip after the request came.
type linkConn struct {
	net.Conn
	l        *link
	opened   bool
	answered bool
}

func (c *linkConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 {
		if !c.opened {
			time.Sleep(c.l.rtt) // the handshake
			c.opened = true
		}
		c.answered = false
	}
	return n, err
}

func (c *linkConn) Write(p []byte) (int, error) {
	if !c.answered {
		time.Sleep(c.l.rtt) // the request up, the answer's first byte down
		c.answered = true
	}
	written := 0
	for len(p) > 0 {
		chunk := p[:min(len(p), linkChunk)]
		c.l.send(len(chunk))
		n, err := c.Conn.Write(chunk)
		written += n
		if err != nil {
			return written, err
		}
		p = p[len(chunk):]
	}
	return written, nil
}

// wasmCounter counts the times the wasm's bytes were sent in full (a 200),
// as against a 304 that says the cached copy is still good.
type wasmCounter struct {
	next http.Handler
	sent atomic.Int32
}

func (w *wasmCounter) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if !strings.HasSuffix(r.URL.Path, "/web/app.wasm") {
		w.next.ServeHTTP(rw, r)
		return
	}
	s := &statusWriter{ResponseWriter: rw}
	w.next.ServeHTTP(s, r)
	if s.status == http.StatusOK && r.Method == http.MethodGet {
		w.sent.Add(1)
	}
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// phoneServer serves the built site over a link of profile p and counts
// the wasm's crossings.
type phoneServer struct {
	srv  *http.Server
	url  string
	link *link
	wasm *wasmCounter
}

func servePhone(dir, base string, p PhoneProfile) (*phoneServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	l := &link{rtt: p.RTT, bytesPerSec: p.BitsPerSec / 8}
	wc := &wasmCounter{next: siteHandler(dir, base)}
	srv := &http.Server{Handler: wc}
	go srv.Serve(linkListener{Listener: ln, l: l})
	url := "http://" + ln.Addr().String() + "/" + strings.TrimPrefix(base+"/", "/")
	return &phoneServer{srv: srv, url: url, link: l, wasm: wc}, nil
}

// reset starts counting afresh.
func (s *phoneServer) reset() { s.link.sent.Store(0); s.wasm.sent.Store(0) }

// PhoneLoad is one load of the app on the phone profile.
type PhoneLoad struct {
	LiveMs   float64 `json:"live_ms"`   // navigation to the live app
	Bytes    int64   `json:"bytes"`     // sent over the link until the worker is ready and the link quiet
	WasmSent int     `json:"wasm_sent"` // times the wasm crossed the link in full
	// The page's main-thread tasks until then, on the slowed CPU: the
	// longest, and the time beyond 50 ms of each summed (as total blocking
	// time counts it, over the whole load).
	LongestTaskMs float64 `json:"longest_task_ms"`
	BlockingMs    float64 `json:"blocking_ms"`
}

// PhoneVisit is a first visit in a fresh profile, then a reload.
type PhoneVisit struct {
	First  PhoneLoad `json:"first"`
	Reload PhoneLoad `json:"reload"`
}

// liveTimeJS records, from the start of each page, when the live app's
// marker appears (window.__passlineLive, in ms since navigation).
// It also keeps the durations of the page's long tasks (over 50 ms) in
// window.__passlineTasks.
const liveTimeJS = `new MutationObserver((_, o) => {
  if (document.querySelector('main[data-live="true"]')) { window.__passlineLive = performance.now(); o.disconnect(); }
}).observe(document, {subtree: true, childList: true, attributes: true});
window.__passlineTasks = [];
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__passlineTasks.push(e.duration); }).observe({type: 'longtask', buffered: true});`

// visitPhone opens the site in a fresh Chromium on profile p: a first
// visit, waiting for the service worker and a quiet link, then a reload.
func visitPhone(parent context.Context, s *phoneServer, p PhoneProfile) (PhoneVisit, error) {
	b, err := StartBrowser(parent, 360, 740)
	if err != nil {
		return PhoneVisit{}, err
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(b.Ctx, 3*time.Minute)
	defer cancel()
	var v PhoneVisit
	load := func(nav chromedp.Action, into *PhoneLoad) error {
		s.reset()
		var live float64
		var ready bool
		err := chromedp.Run(ctx, nav, chromedp.WaitVisible(liveSelector),
			chromedp.Poll(`window.__passlineLive`, &live),
			chromedp.Evaluate(`navigator.serviceWorker.ready.then(() => true)`, &ready, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
		if err != nil {
			return err
		}
		// The worker's install downloads what it caches: wait until the
		// link has been quiet for two round trips and a second.
		last, quiet := s.link.sent.Load(), time.Time{}
		for {
			time.Sleep(100 * time.Millisecond)
			if now := s.link.sent.Load(); now != last {
				last, quiet = now, time.Time{}
				continue
			}
			if quiet.IsZero() {
				quiet = time.Now()
			}
			if time.Since(quiet) > 2*p.RTT+time.Second {
				break
			}
		}
		*into = PhoneLoad{LiveMs: live, Bytes: s.link.sent.Load(), WasmSent: int(s.wasm.sent.Load())}
		var tasks []float64
		if err := chromedp.Run(ctx, chromedp.Evaluate(`window.__passlineTasks`, &tasks)); err != nil {
			return err
		}
		for _, d := range tasks {
			into.LongestTaskMs = max(into.LongestTaskMs, d)
			into.BlockingMs += max(0, d-50)
		}
		return nil
	}
	if err := chromedp.Run(ctx,
		emulation.SetDeviceMetricsOverride(360, 740, 2, true),
		emulation.SetCPUThrottlingRate(p.CPUSlowdown),
		chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(liveTimeJS).Do(ctx)
			return err
		})); err != nil {
		return v, err
	}
	if err := load(chromedp.Navigate(s.url), &v.First); err != nil {
		return v, fmt.Errorf("first visit: %w", err)
	}
	if err := load(chromedp.Reload(), &v.Reload); err != nil {
		return v, fmt.Errorf("reload: %w", err)
	}
	return v, nil
}

// Spread is a measure's median and range over several runs.
type Spread struct {
	Median float64   `json:"median"`
	Min    float64   `json:"min"`
	Max    float64   `json:"max"`
	Runs   []float64 `json:"runs"`
}

func spreadOf(runs []float64) Spread {
	s := append([]float64(nil), runs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return Spread{}
	}
	return Spread{Median: s[len(s)/2], Min: s[0], Max: s[len(s)-1], Runs: runs}
}

// PhoneReport is the phone profile over several fresh visits.
type PhoneReport struct {
	Runs                []PhoneVisit `json:"runs"`
	LiveMs              Spread       `json:"first_visit_live_ms"`
	Bytes               Spread       `json:"first_visit_bytes"`
	WasmSent            Spread       `json:"first_visit_wasm_sent"`
	ReloadLiveMs        Spread       `json:"reload_live_ms"`
	ReloadBytes         Spread       `json:"reload_bytes"`
	ReloadWasmSent      Spread       `json:"reload_wasm_sent"`
	LongestTaskMs       Spread       `json:"first_visit_longest_task_ms"`
	ReloadLongestTaskMs Spread       `json:"reload_longest_task_ms"`
	RTTMs, Mbps, CPUx   float64
}

// benchPhone measures n first visits and reloads on the phone profile.
func benchPhone(ctx context.Context, site *Site, n int, logf func(string, ...any)) (*PhoneReport, error) {
	s, err := servePhone(site.Dir, site.Base, phoneProfile)
	if err != nil {
		return nil, err
	}
	defer s.srv.Close()
	r := &PhoneReport{RTTMs: float64(phoneProfile.RTT.Milliseconds()), Mbps: phoneProfile.BitsPerSec / 1e6, CPUx: phoneProfile.CPUSlowdown}
	var live, bytes, wasm, task, rlive, rbytes, rwasm, rtask []float64
	for i := 0; i < n; i++ {
		v, err := visitPhone(ctx, s, phoneProfile)
		if err != nil {
			return nil, fmt.Errorf("phone visit %d: %w", i+1, err)
		}
		logf("  visit %d: live after %.0f ms, %d bytes, wasm sent %d×, longest task %.0f ms; reload %.0f ms, %d bytes, wasm sent %d×, longest task %.0f ms",
			i+1, v.First.LiveMs, v.First.Bytes, v.First.WasmSent, v.First.LongestTaskMs, v.Reload.LiveMs, v.Reload.Bytes, v.Reload.WasmSent, v.Reload.LongestTaskMs)
		r.Runs = append(r.Runs, v)
		live, bytes, wasm = append(live, v.First.LiveMs), append(bytes, float64(v.First.Bytes)), append(wasm, float64(v.First.WasmSent))
		rlive, rbytes, rwasm = append(rlive, v.Reload.LiveMs), append(rbytes, float64(v.Reload.Bytes)), append(rwasm, float64(v.Reload.WasmSent))
		task, rtask = append(task, v.First.LongestTaskMs), append(rtask, v.Reload.LongestTaskMs)
	}
	r.LongestTaskMs, r.ReloadLongestTaskMs = spreadOf(task), spreadOf(rtask)
	r.LiveMs, r.Bytes, r.WasmSent = spreadOf(live), spreadOf(bytes), spreadOf(wasm)
	r.ReloadLiveMs, r.ReloadBytes, r.ReloadWasmSent = spreadOf(rlive), spreadOf(rbytes), spreadOf(rwasm)
	return r, nil
}
