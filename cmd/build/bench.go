package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Report is what bench measures; docs/PERFORMANCE.md keeps the latest.
type Report struct {
	Date             string        `json:"date"`
	Version          string        `json:"version"`
	Only             string        `json:"only,omitempty"` // the part measured, when not all`
	WasmRaw          int64         `json:"wasm_raw_bytes"`
	WasmGzip         int64         `json:"wasm_gzip_bytes"`
	WasmBrotli       int64         `json:"wasm_brotli_bytes"`
	FirstVisitBytes  int64         `json:"first_visit_bytes"`
	FirstVisitMs     float64       `json:"first_visit_to_live_ms"`
	ReloadMs         float64       `json:"reload_from_cache_to_live_ms"`
	InputP50Ms       float64       `json:"input_to_dom_p50_ms"`
	InputP95Ms       float64       `json:"input_to_dom_p95_ms"`
	InputMaxMs       float64       `json:"input_to_dom_max_ms"`
	InputEvents      int           `json:"input_events"`
	WarmP50Ms        float64       `json:"input_to_dom_p50_warm_ms"`
	OddsP50Ms        float64       `json:"slider_to_odds_p50_ms"`
	OddsMaxMs        float64       `json:"slider_to_odds_max_ms"`
	WarmP95Ms        float64       `json:"input_to_dom_p95_warm_ms"`
	WarmMaxMs        float64       `json:"input_to_dom_max_warm_ms"`
	BigPasteMs       float64       `json:"paste_10000_rows_to_summary_ms"`
	BigPasteProgress string        `json:"paste_10000_rows_progress_shown"`
	BigInputP50Ms    float64       `json:"input_to_dom_p50_10000_rows_ms"`
	BigInputP95Ms    float64       `json:"input_to_dom_p95_10000_rows_ms"`
	TeamOpenMs       float64       `json:"team_view_500_agents_open_ms"`
	TeamP50Ms        float64       `json:"team_filter_input_to_dom_p50_ms"`
	TeamP95Ms        float64       `json:"team_filter_input_to_dom_p95_ms"`
	TeamMaxMs        float64       `json:"team_filter_input_to_dom_max_ms"`
	Phone            *PhoneReport  `json:"phone_first_visit,omitempty"`
	Lighthouse       []Lighthouse  `json:"lighthouse_phone_runs,omitempty"`
	LighthouseError  string        `json:"lighthouse_error,omitempty"`
	Engine           []EngineBench `json:"engine_benchmarks"`
}

// EngineBench is one line of the engine's benchmarks (go test -bench).
type EngineBench struct {
	Name        string  `json:"name"`
	NsPerOp     float64 `json:"ns_per_op"`
	BytesPerOp  int64   `json:"bytes_per_op"`
	AllocsPerOp int64   `json:"allocs_per_op"`
}

// engineBenchmarks runs the engine's and the CSV adapter's benchmarks natively and
// reads their lines.
func engineBenchmarks(root string) ([]EngineBench, error) {
	cmd := exec.Command("go", "test", "./scoring", "./csv", "-run", "^$", "-bench", ".", "-benchmem", "-count", "1")
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -bench: %v\n%s", err, out)
	}
	var list []EngineBench
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 8 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i] // the GOMAXPROCS suffix
			}
		}
		e := EngineBench{Name: name}
		for i := 2; i+1 < len(f); i += 2 {
			switch f[i+1] {
			case "ns/op":
				e.NsPerOp, _ = strconv.ParseFloat(f[i], 64)
			case "B/op":
				e.BytesPerOp, _ = strconv.ParseInt(f[i], 10, 64)
			case "allocs/op":
				e.AllocsPerOp, _ = strconv.ParseInt(f[i], 10, 64)
			}
		}
		list = append(list, e)
	}
	return list, nil
}

// budget is one line of the table: a measure and the goal it answers to.
type budget struct {
	name, value, goal string
	ok                bool
}

const inputEvents = 200

// phoneRuns and lighthouseRuns are how many fresh visits bench makes on
// the phone profile and how many Lighthouse audits it runs.
const phoneRuns, lighthouseRuns = 5, 3

// bench serves the built site on a free local port and measures it in a
// fresh headless Chromium at a phone's size. only, when not empty, runs one
// part: "phone" (the phone profile's visits) or "lighthouse".
func bench(site *Site, jsonOut, only string, logf func(string, ...any)) error {
	srv, url, err := listen(site.Dir, site.Base, "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer srv.Close()
	r := Report{Date: time.Now().UTC().Format(time.RFC3339), Version: site.Version,
		WasmRaw: site.Wasm.Raw, WasmGzip: site.Wasm.Gzip, WasmBrotli: site.Wasm.Brotli, InputEvents: inputEvents, Only: only}
	switch only {
	case "phone":
		if err := benchPhoneInto(&r, site, logf); err != nil {
			return err
		}
		return writeReport(r, jsonOut, logf)
	case "lighthouse":
		benchLighthouse(&r, url, logf)
		return writeReport(r, jsonOut, logf)
	case "":
	default:
		return fmt.Errorf("-only %q: want phone or lighthouse", only)
	}
	if err := benchPhoneInto(&r, site, logf); err != nil {
		return err
	}
	b, err := StartBrowser(context.Background(), 360, 740)
	if err != nil {
		return err
	}
	defer b.Close()
	ctx, cancel := context.WithTimeout(b.Ctx, 5*time.Minute)
	defer cancel()
	await := func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }

	logf("first visit…")
	start := time.Now()
	if err := chromedp.Run(ctx, emulation.SetDeviceMetricsOverride(360, 740, 1, true),
		chromedp.Navigate(url), chromedp.WaitVisible(liveSelector)); err != nil {
		return err
	}
	r.FirstVisitMs = ms(time.Since(start))
	if err := chromedp.Run(ctx, chromedp.Evaluate(`performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((n, e) => n + (e.transferSize || 0), 0)`, &r.FirstVisitBytes)); err != nil {
		return err
	}

	logf("reload from the service worker's cache…")
	var ok bool
	if err := chromedp.Run(ctx, chromedp.Evaluate(`navigator.serviceWorker.ready.then(() => true)`, &ok, await),
		chromedp.Reload(), chromedp.WaitVisible(liveSelector)); err != nil {
		return err
	}
	start = time.Now()
	if err := chromedp.Run(ctx, chromedp.Reload(), chromedp.WaitVisible(liveSelector)); err != nil {
		return err
	}
	r.ReloadMs = ms(time.Since(start))

	// A user reads the page before moving a slider; the app warms the
	// slider's path up in that time (app/warmup.go).
	if err := chromedp.Run(ctx, chromedp.Sleep(1500*time.Millisecond)); err != nil {
		return err
	}
	logf("input to DOM over %d slider events, 1.5 s after loading…", inputEvents)
	if r.InputP50Ms, r.InputP95Ms, r.InputMaxMs, err = measureInput(ctx, sliderInput); err != nil {
		return err
	}
	logf("input to DOM over the next %d slider events…", inputEvents)
	if r.WarmP50Ms, r.WarmP95Ms, r.WarmMaxMs, err = measureInput(ctx, sliderInput); err != nil {
		return err
	}

	logf("slider to odds over %d moves of the month to come's offer rate…", oddsMoves)
	if r.OddsP50Ms, r.OddsMaxMs, err = measureOdds(ctx); err != nil {
		return err
	}

	logf("a 10,000-row paste, then the sliders again…")
	var ignored any
	var paste struct {
		Ms   float64 `json:"ms"`
		Busy string  `json:"busy"`
	}
	if err := chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(`document.querySelector('[data-testid="data-paste"]').value = %q`, bigData()), &ignored),
		chromedp.Evaluate(pasteJS, &paste, await)); err != nil {
		return err
	}
	r.BigPasteMs, r.BigPasteProgress = paste.Ms, paste.Busy
	if r.BigInputP50Ms, r.BigInputP95Ms, _, err = measureInput(ctx, sliderInput); err != nil {
		return err
	}

	logf("the team view with those 500 agents, and %d filter inputs…", inputEvents)
	start = time.Now()
	if err := chromedp.Run(ctx, chromedp.Click(`button.screen-tab[data-screen="team"]`), chromedp.WaitVisible(`[data-testid="team"] tbody tr`)); err != nil {
		return err
	}
	r.TeamOpenMs = ms(time.Since(start))
	if r.TeamP50Ms, r.TeamP95Ms, r.TeamMaxMs, err = measureInput(ctx, teamInput); err != nil {
		return err
	}

	b.Close() // Lighthouse starts a Chromium of its own; measure alone
	benchLighthouse(&r, url, logf)
	logf("the engine's benchmarks (go test -bench ./scoring ./csv)…")
	if r.Engine, err = engineBenchmarks("."); err != nil {
		return err
	}
	return writeReport(r, jsonOut, logf)
}

// benchPhoneInto measures the phone profile's visits into r.
func benchPhoneInto(r *Report, site *Site, logf func(string, ...any)) error {
	logf("%d first visits and reloads on a phone (%v round trips, %.1f Mbps shared with the worker, CPU slowed %.0f×)…",
		phoneRuns, phoneProfile.RTT, phoneProfile.BitsPerSec/1e6, phoneProfile.CPUSlowdown)
	p, err := benchPhone(context.Background(), site, phoneRuns, logf)
	r.Phone = p
	return err
}

// benchLighthouse runs Lighthouse's phone audit lighthouseRuns times.
func benchLighthouse(r *Report, url string, logf func(string, ...any)) {
	for i := 0; i < lighthouseRuns; i++ {
		logf("Lighthouse, phone profile, run %d of %d (about a minute)…", i+1, lighthouseRuns)
		l, err := runLighthouse(".", url, filepath.Join("testout", fmt.Sprintf("lighthouse-%d.json", i+1)))
		if err != nil {
			r.LighthouseError = err.Error()
			return
		}
		r.Lighthouse = append(r.Lighthouse, l)
	}
}

// writeReport prints the table and writes the JSON.
func writeReport(r Report, jsonOut string, logf func(string, ...any)) error {
	printReport(os.Stdout, r)
	if jsonOut != "" {
		if err := os.MkdirAll(filepath.Dir(jsonOut), 0o755); err != nil {
			return err
		}
		b, _ := json.MarshalIndent(r, "", "  ")
		if err := os.WriteFile(jsonOut, append(b, '\n'), 0o644); err != nil {
			return err
		}
		logf("wrote %s", jsonOut)
	}
	return nil
}

// pasteJS presses "Use these rows" on the pasted text and times it until
// the summary names the new data's first agent, noting the progress line
// the page showed on the way.
const pasteJS = `new Promise(resolve => {
  let busy = '';
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    const b = document.querySelector('[data-testid="busy"]');
    if (b) { busy = b.textContent; }
    const el = document.querySelector('[data-testid="months"]');
    if (el && el.textContent.includes('Agent 000')) { obs.disconnect(); resolve({ms: performance.now() - t0, busy: busy}); }
  });
  obs.observe(document.body, {childList: true, subtree: true, characterData: true});
  document.querySelector('[data-testid="data-apply"]').click();
})`

// measureInput times inputEvents inputs (sliderInput or teamInput) and
// returns the delays' p50, p95 and maximum in milliseconds.
func measureInput(ctx context.Context, what []string) (p50, p95, max float64, err error) {
	var delays []float64
	err = chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(latencyJS, what[0], what[1], what[2], inputEvents), &delays,
		func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if err == nil && len(delays) != inputEvents {
		err = fmt.Errorf("measured %d input events, want %d", len(delays), inputEvents)
	}
	if err != nil {
		return 0, 0, 0, err
	}
	sort.Float64s(delays)
	return percentile(delays, 50), percentile(delays, 95), delays[len(delays)-1], nil
}

// oddsMoves is how many times bench moves the month to come's offer rate
// and waits for the odds card to change.
const oddsMoves = 20

// measureOdds chooses the month to come, then moves its offer rate between
// 0 % and 100 % (1 point, then 3: the odds change) oddsMoves times, each
// timed from the input event until the month's odds change, 300 ms apart:
// the odds are worked out once the slider settles, so each move is let
// settle. It returns the p50 and the maximum in milliseconds.
func measureOdds(ctx context.Context) (p50, max float64, err error) {
	var delays []float64
	js := `(async () => {
  const month = document.querySelector('[data-testid="month"]');
  month.value = 'next'; month.dispatchEvent(new Event('change', {bubbles: true}));
  await new Promise(r => setTimeout(r, 500));
  const input = () => document.querySelector('input[type=range][data-metric=offer_rate]');
  const odds = () => document.querySelector('[data-testid="odds-month"]');
  const delays = [];
  for (let i = 0; i < %d; i++) {
    const before = odds().textContent;
    const t0 = performance.now();
    const el = input();
    el.value = i %% 2 ? '0' : '100';
    el.dispatchEvent(new Event('input', {bubbles: true}));
    await new Promise((resolve, reject) => {
      const obs = new MutationObserver(() => {
        if (odds().textContent !== before) { obs.disconnect(); resolve(); }
      });
      obs.observe(document.body, {childList: true, characterData: true, subtree: true});
      setTimeout(() => { obs.disconnect(); reject(new Error('the odds did not change within 5 s: ' + before)); }, 5000);
    });
    delays.push(performance.now() - t0);
    await new Promise(r => setTimeout(r, 300));
  }
  return delays;
})()`
	err = chromedp.Run(ctx, chromedp.Evaluate(fmt.Sprintf(js, oddsMoves), &delays,
		func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if err == nil && len(delays) != oddsMoves {
		err = fmt.Errorf("measured %d moves, want %d", len(delays), oddsMoves)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("slider to odds: %w", err)
	}
	sort.Float64s(delays)
	return percentile(delays, 50), delays[len(delays)-1], nil
}

// latencyJS sets an input's value to each of values in turn (repeating
// them), fires an input event, and times each event until the watched
// element's text changes in the DOM: n delays in milliseconds.
const latencyJS = `(async () => {
  const input = document.querySelector(%q);
  const watched = document.querySelector(%q);
  const values = %s;
  const delays = [];
  for (let i = 0; i < %d; i++) {
    const before = watched.textContent;
    const changed = new Promise(resolve => {
      const obs = new MutationObserver(() => {
        if (watched.textContent !== before) { obs.disconnect(); resolve(); }
      });
      obs.observe(watched, {childList: true, characterData: true, subtree: true});
    });
    const t0 = performance.now();
    input.value = values[i %% values.length];
    input.dispatchEvent(new Event('input', {bubbles: true}));
    await changed;
    delays.push(performance.now() - t0);
    await new Promise(r => setTimeout(r, 5));
  }
  return delays;
})()`

// The measured inputs. The CE slider goes to 85 %, then 95 %, and so on (2
// points, then 3: every move crosses a band, so the score changes). The
// team filter takes "Agent 1", nothing, "Agent 3", nothing… (each narrows
// the 500 agents to 100 or widens them back, so the count changes).
var (
	sliderInput = []string{`input[type=range][data-metric=ce]`, `[data-testid="month-score"]`, `['85', '95']`}
	teamInput   = []string{`[data-testid="team-filter"]`, `[data-testid="team-count"]`, `['Agent 1', '', 'Agent 3', '']`}
)

// bigData is 500 agents × 20 months in the SPEC's columns, with CE around
// the pass line so that the slider moves the score.
func bigData() string {
	var b strings.Builder
	b.WriteString("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n")
	for a := 0; a < 500; a++ {
		for m := 0; m < 20; m++ {
			k := (a*7 + m*3) % 10
			fmt.Fprintf(&b, "%d-%02d,Agent %03d,%d,%d,%d,%d,%d,%d,%d,0\n", 2025+m/12, m%12+1, a, 400+k*20, 40+k*8, k%3, 20+k, 17+k/2, 420+k*10, k%2)
		}
	}
	return b.String()
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func percentile(sorted []float64, p int) float64 {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(len(sorted)-1, i-1))]
}

func printReport(w *os.File, r Report) {
	mib := func(n int64) string {
		return fmt.Sprintf("%d B (%.2f MiB, %.2f MB)", n, float64(n)/(1<<20), float64(n)/1e6)
	}
	rows := []budget{
		{"app.wasm raw", mib(r.WasmRaw), "8 MB", r.WasmRaw <= 8_000_000},
		{"app.wasm gzip", mib(r.WasmGzip), "", true},
		{"app.wasm brotli", mib(r.WasmBrotli), "1.6 MB", r.WasmBrotli <= 1_600_000},
		{"first visit, bytes transferred", mib(r.FirstVisitBytes), "", true},
		{"first visit to live app", fmt.Sprintf("%.0f ms", r.FirstVisitMs), "1500 ms", r.FirstVisitMs <= 1500},
		{"reload from cache to live app", fmt.Sprintf("%.0f ms", r.ReloadMs), "1000 ms", r.ReloadMs <= 1000},
		{fmt.Sprintf("input to DOM p50 (%d events, 1.5 s after loading)", r.InputEvents), fmt.Sprintf("%.1f ms", r.InputP50Ms), "11 ms", r.InputP50Ms <= 11},
		{"input to DOM p95", fmt.Sprintf("%.1f ms", r.InputP95Ms), "16 ms", r.InputP95Ms <= 16},
		{"input to DOM max", fmt.Sprintf("%.1f ms", r.InputMaxMs), "", true},
		{"input to DOM p50, the next 200 events", fmt.Sprintf("%.1f ms", r.WarmP50Ms), "11 ms", r.WarmP50Ms <= 11},
		{"input to DOM p95, the next 200 events", fmt.Sprintf("%.1f ms", r.WarmP95Ms), "16 ms", r.WarmP95Ms <= 16},
		{"input to DOM max, the next 200 events", fmt.Sprintf("%.1f ms", r.WarmMaxMs), "", true},
		{fmt.Sprintf("slider to odds p50 (%d moves, each let settle)", oddsMoves), fmt.Sprintf("%.0f ms", r.OddsP50Ms), "100 ms", r.OddsP50Ms <= 100},
		{"slider to odds max", fmt.Sprintf("%.0f ms", r.OddsMaxMs), "100 ms", r.OddsMaxMs <= 100},
		{"10,000-row paste to rendered summary", fmt.Sprintf("%.0f ms", r.BigPasteMs), "1000 ms", r.BigPasteMs <= 1000},
		{"progress shown during that paste", fmt.Sprintf("%q", r.BigPasteProgress), "shown", r.BigPasteProgress != ""},
		{"input to DOM p50, 10,000 rows loaded", fmt.Sprintf("%.1f ms", r.BigInputP50Ms), "11 ms", r.BigInputP50Ms <= 11},
		{"input to DOM p95, 10,000 rows loaded", fmt.Sprintf("%.1f ms", r.BigInputP95Ms), "16 ms", r.BigInputP95Ms <= 16},
		{"team view of 500 agents, open", fmt.Sprintf("%.0f ms", r.TeamOpenMs), "", true},
		{"team filter input to DOM p50", fmt.Sprintf("%.1f ms", r.TeamP50Ms), "", true},
		{"team filter input to DOM p95", fmt.Sprintf("%.1f ms", r.TeamP95Ms), "50 ms", r.TeamP95Ms <= 50},
		{"team filter input to DOM max", fmt.Sprintf("%.1f ms", r.TeamMaxMs), "", true},
	}
	if r.Only != "" { // the sizes, then the part measured
		rows = rows[:3]
	}
	if p := r.Phone; p != nil {
		n := len(p.Runs)
		spread := func(s Spread, unit string) string {
			return fmt.Sprintf("%.0f %s (%.0f–%.0f)", s.Median, unit, s.Min, s.Max)
		}
		rows = append(rows,
			budget{fmt.Sprintf("phone: first visit to live app, median of %d (range)", n), spread(p.LiveMs, "ms"), "10000 ms", p.LiveMs.Median <= 10000},
			budget{"phone: first visit, bytes over the link", spread(p.Bytes, "B"), "", true},
			budget{"phone: times the wasm crossed the link, first visit", spread(p.WasmSent, "×"), "1×", p.WasmSent.Max == 1 && p.WasmSent.Min == 1},
			budget{"phone: longest main-thread task, first visit", spread(p.LongestTaskMs, "ms"), "", true},
			budget{"phone: reload to live app", spread(p.ReloadLiveMs, "ms"), "", true},
			budget{"phone: reload, bytes over the link", spread(p.ReloadBytes, "B"), "", true},
			budget{"phone: times the wasm crossed the link, reload", spread(p.ReloadWasmSent, "×"), "0×", p.ReloadWasmSent.Max == 0},
			budget{"phone: longest main-thread task, reload", spread(p.ReloadLongestTaskMs, "ms"), "", true})
	}
	for i, l := range r.Lighthouse {
		run := fmt.Sprintf("Lighthouse phone run %d: ", i+1)
		rows = append(rows,
			budget{run + "performance", fmt.Sprintf("%.2f", l.Performance), "0.90", l.Performance >= 0.9},
			budget{run + "total blocking time", fmt.Sprintf("%.0f ms", l.TBTMs), "300 ms", l.TBTMs <= 300},
			budget{run + "longest main-thread task", fmt.Sprintf("%.0f ms", l.LongTaskMs), "200 ms", l.LongTaskMs <= 200},
			budget{run + "largest paint", fmt.Sprintf("%.0f ms", l.LCPMs), "", true},
			budget{run + "accessibility", fmt.Sprintf("%.2f", l.Accessibility), "1.00", l.Accessibility == 1},
			budget{run + "best practices", fmt.Sprintf("%.2f", l.BestPractices), "1.00", l.BestPractices == 1})
	}
	if r.LighthouseError != "" {
		rows = append(rows, budget{"Lighthouse", "not run: " + r.LighthouseError, "", true})
	}
	for _, e := range r.Engine {
		goal, ok := "", true
		switch e.Name {
		case "WhatIfTenMetrics":
			goal, ok = "20 µs", e.NsPerOp <= 20_000
		case "ReadAndScore/rows=10000":
			goal, ok = "150 ms", e.NsPerOp <= 150e6
		}
		rows = append(rows, budget{"engine " + e.Name, fmt.Sprintf("%s/op, %d B/op, %d allocs/op", time.Duration(e.NsPerOp), e.BytesPerOp, e.AllocsPerOp), goal, ok})
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "measure\tvalue\tbudget\t")
	fmt.Fprintln(tw, "-------\t-----\t------\t")
	for _, row := range rows {
		verdict := ""
		if row.goal != "" {
			verdict = map[bool]string{true: "ok", false: "OVER"}[row.ok]
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", row.name, row.value, strings.TrimSpace(row.goal), verdict)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nsite version %s, measured %s on 127.0.0.1 in headless Chromium at 360×740 (size budgets in decimal MB)\n", r.Version, r.Date)
}
