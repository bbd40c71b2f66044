package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// Lighthouse is what a Lighthouse run (npm lighthouse 12, its phone
// profile: slow 4G, CPU slowed 4×) scores a page: each category from 0 to
// 1, and the audits that kept accessibility or best practices below 1.
type Lighthouse struct {
	Performance   float64  `json:"performance"`
	Accessibility float64  `json:"accessibility"`
	BestPractices float64  `json:"best_practices"`
	Failed        []string `json:"failed_audits,omitempty"` // "accessibility: color-contrast (…)"
	// The performance measures, in ms on the phone profile: total blocking
	// time, the largest paint, and the longest main-thread task.
	TBTMs      float64 `json:"total_blocking_time_ms"`
	LCPMs      float64 `json:"largest_contentful_paint_ms"`
	LongTaskMs float64 `json:"longest_task_ms"`
}

// ErrNoLighthouse says the npm tools are not installed.
var ErrNoLighthouse = errors.New("lighthouse is not installed: run npm ci in the repository (it is in package.json)")

// runLighthouse audits url with the repository's Lighthouse in the
// Chromium the browser tests use, writing its JSON report to reportPath.
func runLighthouse(root, url, reportPath string) (Lighthouse, error) {
	bin := filepath.Join(root, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err != nil {
		return Lighthouse{}, ErrNoLighthouse
	}
	chromium, err := findChromium()
	if err != nil {
		return Lighthouse{}, err
	}
	if err := os.MkdirAll(filepath.Dir(reportPath), 0o755); err != nil {
		return Lighthouse{}, err
	}
	cmd := exec.Command(bin, url, "--output=json", "--output-path="+reportPath, "--quiet",
		"--only-categories=performance,accessibility,best-practices",
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic --disable-dev-shm-usage")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chromium)
	if out, err := cmd.CombinedOutput(); err != nil {
		return Lighthouse{}, fmt.Errorf("lighthouse: %v\n%s", err, out)
	}
	b, err := os.ReadFile(reportPath)
	if err != nil {
		return Lighthouse{}, err
	}
	var report struct {
		RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
		Categories   map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Title        string          `json:"title"`
			Score        *float64        `json:"score"`
			NumericValue float64         `json:"numericValue"`
			Details      json.RawMessage `json:"details"` // each audit's own shape
		} `json:"audits"`
	}
	if err := json.Unmarshal(b, &report); err != nil {
		return Lighthouse{}, fmt.Errorf("reading %s: %w", reportPath, err)
	}
	if report.RuntimeError != nil {
		return Lighthouse{}, fmt.Errorf("lighthouse could not audit %s: %s %s", url, report.RuntimeError.Code, report.RuntimeError.Message)
	}
	score := func(cat string) float64 {
		if c, ok := report.Categories[cat]; ok && c.Score != nil {
			return *c.Score
		}
		return -1 // not scored
	}
	l := Lighthouse{Performance: score("performance"), Accessibility: score("accessibility"), BestPractices: score("best-practices"),
		TBTMs: report.Audits["total-blocking-time"].NumericValue, LCPMs: report.Audits["largest-contentful-paint"].NumericValue}
	var long struct {
		Items []struct {
			Duration float64 `json:"duration"`
		} `json:"items"`
	}
	if d := report.Audits["long-tasks"].Details; len(d) > 0 {
		if err := json.Unmarshal(d, &long); err != nil {
			return Lighthouse{}, fmt.Errorf("reading the long tasks of %s: %w", reportPath, err)
		}
	}
	for _, task := range long.Items {
		l.LongTaskMs = max(l.LongTaskMs, task.Duration)
	}
	for _, cat := range []string{"accessibility", "best-practices"} {
		for _, ref := range report.Categories[cat].AuditRefs {
			if a, ok := report.Audits[ref.ID]; ok && ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				l.Failed = append(l.Failed, fmt.Sprintf("%s: %s (%s)", cat, ref.ID, strings.TrimSpace(a.Title)))
			}
		}
	}
	sort.Strings(l.Failed)
	return l, nil
}
