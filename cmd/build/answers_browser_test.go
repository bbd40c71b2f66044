package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Issue 24: what-if answers an agent can act on, at 360×740.

// TestPointsModeAnswers: CE given 2 points on SPEC's October says what CE
// needs in points and the value that earns them (the others give 0.85, so
// CE needs (1.95 − 0.85) × 100 / 40 = 2.75 points: its 3-point band, 90 %),
// never "2.75 %"; back on the sliders CE shows the month's own 92 % and says
// it was given as points, and "Show your working" says so too.
func TestPointsModeAnswers(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.run(chromedp.Click(`[data-testid="points-mode"]`))
	s.waitJS(`document.querySelectorAll('[data-points]').length === 5`)
	s.run(chromedp.Click(`[data-points="ce"] input[data-level="2"]`))
	s.waitText("month-score", "1.7")
	var note string
	s.run(chromedp.Text(`[data-points="ce"] [data-need="ce"]`, &note, chromedp.NodeVisible))
	if want := "Customer experience needs 3\u00a0points for the month to pass: 90\u00a0% or more."; note != want {
		t.Errorf("CE's line: %q, want %q", note, want)
	}
	s.screenshotAt(`[data-points="ce"]`, "center", "points-line-360x740")
	s.run(chromedp.Click(`[data-testid="points-mode"]`))
	s.waitJS(`!!document.querySelector('input[type=range][data-metric="ce"]')`)
	var exact string
	s.run(chromedp.Value(`input.exact[data-metric="ce"]`, &exact))
	if exact != "92" {
		t.Errorf("back on the sliders CE's exact box says %q, want the month's 92", exact)
	}
	s.run(chromedp.Text(`.sliders [data-need="ce"]`, &note, chromedp.NodeVisible))
	if !strings.HasPrefix(note, "Given as 2\u00a0points (points mode)") {
		t.Errorf("CE's slider note: %q", note)
	}
	if w := s.textOf(`[aria-labelledby="working-title"]`); !strings.Contains(w, "given as 2\u00a0points") || strings.Contains(w, "2\u00a0%") {
		t.Errorf("show your working: %q", w)
	}
	s.axe("points given, back on the sliders")
}

// TestPlanAKept: plan A, kept for November, does not move when October's
// offer rate is typed in afterwards; plan B's quarter does. By hand
// (python's binomial, 25 surveys at 92 %): P(CE 3) = 0.6768, P(CE 2) =
// 0.3109; October at 2.05, the quarter needs November and December's
// scores to sum to 3.40 or more, both at 3 (2.05 each) only: 0.6768² =
// 46 %; October at 2.45 (offer rate 50 %: 3 points), 3.40 is reached
// unless both months fall to CE 2 or one to CE 1: 0.6768² + 2 × 0.6768 ×
// 0.3109 = 0.8789, 88 %. November alone stays 68 % either way.
func TestPlanAKept(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste(octoberCells)
	s.waitText("odds-month", "Passing November 2026: 68\u00a0%")
	s.run(chromedp.Click(`[data-testid="keep-plan"]`))
	s.waitText("plan-a-odds-quarter", "46\u00a0%")
	s.typeExact("offer_rate", "50") // October, the month shown
	s.waitText("plan-b-odds-quarter", "88\u00a0%")
	s.waitText("plan-a-odds-quarter", "46\u00a0%")
	s.waitText("plan-a-odds-month", "68\u00a0%")
	if cap := s.textOf(`[data-testid="plans"] caption`); !strings.Contains(cap, "kept for November 2026") {
		t.Errorf("the plans' caption: %q", cap)
	}
	s.waitTextContains("plan-differs", "October's Offer rate: as in your data in plan A, 50\u00a0% now.")
	s.screenshotAt(`[data-testid="plans"]`, "start", "plan-a-kept-360x740")
}

// TestOddsHoldWhatYouSet: CE typed for November, the month to come, is
// held there by the odds as by the verdict, and the card says so: at 80 %
// (2 points) November scores 1.65 → 1.7 whatever the draws, so 0 %.
func TestOddsHoldWhatYouSet(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste(octoberCells)
	s.waitText("odds-month", "Passing November 2026: 68\u00a0%")
	s.choose(`[data-testid="month"]`, "next")
	s.waitTextContains("verdict", "November 2026")
	s.typeExact("ce", "80")
	s.waitText("odds-month", "Passing November 2026: 0\u00a0%")
	s.waitText("odds-set", "Customer experience is held at the 80\u00a0% you set for November 2026, not left to chance.")
}

// TestQuarterVerdictInSight: on December, the month that decides the
// quarter, the sticky verdict shows the quarter's own verdict: October and
// November 2.05 each, December 1.9 (a FAIL), the quarter (2.05 + 2.05 +
// 1.9) / 3 = 2.0, a PASS; December needed 3 × 1.95 − 4.1 = 1.75. A long
// agent name wraps in the box, never cut.
func TestQuarterVerdictInSight(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	name := "Maria Fernanda Gonzalez de la Cruz"
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n" +
		"2026-10," + name + ",520,60,0,25,23,7:35,1,0\n2026-11," + name + ",520,60,0,25,23,7:35,1,0\n2026-12," + name + ",500,150,0,20,17,455,0,0\n")
	s.waitText("month-score", "1.9")
	s.waitText("quarter-verdict", "2.0 PASS")
	s.waitText("quarter-need", "1.750")
	var inside, cut bool
	s.run(chromedp.Evaluate(`!!document.querySelector('[data-testid="verdict"] [data-testid="quarter-verdict"]')`, &inside))
	s.run(chromedp.Evaluate(`(() => { const h = document.querySelector('#month-title'); return h.scrollWidth > h.clientWidth; })()`, &cut))
	if !inside || cut {
		t.Errorf("the quarter's verdict in the box: %v; the name cut: %v", inside, cut)
	}
	if title := s.textOf(`#month-title`); !strings.Contains(title, name) {
		t.Errorf("the box's title: %q", title)
	}
	s.noSidewaysScroll()
	s.screenshotView("quarter-verdict-360x740")
}

// TestLuckNamesItsMonth: on the next, empty month survey luck comes from
// the latest month's counts and names that month, not the one shown.
func TestLuckNamesItsMonth(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Maria,520,60,0,25,23,7:35,1,0\n2026-11,Maria,505,50,0,20,17,455,0,0\n")
	s.choose(`[data-testid="month"]`, "next")
	s.waitTextContains("verdict", "December 2026")
	s.waitTextContains("luck-from", "From Maria's counts in November 2026: if December 2026's responses")
	if luck := s.text("luck"); !strings.Contains(luck, "505 calls in November 2026.") || strings.Contains(luck, "this month") {
		t.Errorf("survey luck: %q", luck)
	}
}

// TestQAAppealOnPhone: an agent whose QA is the mean of her evaluations
// (85, 70, 92, 88: 83.75 %, 2 points) appeals the 70 (→ 90: 88.75 %, 3
// points) and sees the month go from 2.4 FAIL to 3.0 PASS against 2.5,
// and the quarter's need from (3 × 2.45 − 2.4) / 2 = 2.475 to (7.35 −
// 3.0) / 2 = 2.175 (the scorecard of state.TestQAAppeal).
func TestQAAppealOnPhone(t *testing.T) {
	needAxe(t)
	s := newSession(t, 360, 740, nil)
	s.open("/")
	dir, err := os.MkdirTemp("", "passline-qa-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "qa.json")
	if err := os.WriteFile(file, []byte(`{"version":1,"name":"QA care","pass":2.5,"decimals":1,"metrics":[
 {"id":"ce","label":"Customer experience","unit":"percent","better":"higher","weight":40,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":2,"at":80},{"points":3,"at":90}]},
 {"id":"qa","label":"Quality","unit":"percent","better":"higher","weight":60,"source":{"column":"qa"},"bands":[{"points":2,"at":80},{"points":3,"at":88}]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	s.run(chromedp.SetUploadFiles(`[data-testid="scorecard-file"]`, []string{file}, chromedp.ByQuery))
	s.waitText("scorecard-name", "QA care")
	s.paste("month,agent,surveys,satisfied,qa\n2026-10,Jo,25,23,83.75\n")
	s.waitText("month-score", "2.4")
	s.change(`input[data-evaluations="qa"]`, "85, 70, 92, 88")
	s.waitTextContains("evaluations-qa", "Mean of 4 evaluations as recorded: 83.75\u00a0%")
	s.change(`input[data-evaluation="qa.1"]`, "90")
	s.waitText("appeal-score", "3.0 PASS")
	s.waitText("appeal-official", "2.4 FAIL")
	s.waitText("appeal-quarter", "Quarter 2026-Q4 as recorded: the months to come need 2.475; with the appeal: the months to come need 2.175.")
	if got := s.text("month-score"); got != "2.4" {
		t.Errorf("the month itself moved: %s", got)
	}
	s.screenshotAt(`[data-testid="appeal"]`, "start", "qa-appeal-360x740")
	s.axe("a QA appeal")
	s.screen("learn")
	s.run(chromedp.Click(`button[data-lesson="qa"]`))
	s.waitTextContains("lesson-example", "QA: 335 ÷ 4 evaluations = 83.75\u00a0% → 2\u00a0points.")
}

// TestHuddleCaptionOnPhone: the pass map's caption is shown whole above
// the map that scrolls sideways at 360 px, never cut mid-word.
func TestHuddleCaptionOnPhone(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.screen("huddle")
	var right float64
	s.run(chromedp.Evaluate(`document.querySelector('.passmap-caption').getBoundingClientRect().right`, &right))
	if right > 360 {
		t.Errorf("the caption reaches %.0f px on a 360 px screen", right)
	}
	if got := s.textOf(`.passmap-caption`); !strings.HasPrefix(got, "Pass or fail by Customer experience (across) and Offer rate (down)") {
		t.Errorf("the caption: %q", got)
	}
	s.js(`window.scrollTo(0, document.querySelector('.passmap-caption').getBoundingClientRect().top + window.scrollY - 200)`)
	s.screenshotView("huddle-caption-360x740")
}

// TestTypedThousandsDotAsked (issue 25): "1.520" typed for calls asks
// "1,520 or 1.52?"; "1,520 calls" reads it as 1520.
func TestTypedThousandsDotAsked(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.addMonth("2026-11")
	s.typeIn("2026-11", "count", "calls", "1.520")
	s.waitJS(`!!document.querySelector('[data-doubt="typed:2026-11:calls"]')`)
	if q := s.textOf(`[data-doubt="typed:2026-11:calls"]`); !strings.Contains(q, "1.520 calls: 1,520 or 1.52?") {
		t.Errorf("the question: %q", q)
	}
	s.run(chromedp.Click(`[data-doubt="typed:2026-11:calls"] [data-choice="1520"]`))
	s.waitJS(`document.querySelector('input[data-month="2026-11"][data-count="calls"]').value === "1520"`)
}

// TestTypedShareOverHundredAsked (issue 25): 600 offers typed on 520 calls
// (an offer rate of 600 / 520 = 115.38 %) asks before it is used; keeping
// it reads it as typed.
func TestTypedShareOverHundredAsked(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.addMonth("2026-11")
	s.typeIn("2026-11", "count", "calls", "520")
	s.waitJS(`document.querySelector('input[data-month="2026-11"][data-count="calls"]').value === "520"`)
	s.typeIn("2026-11", "count", "offers", "600")
	s.waitJS(`!!document.querySelector('[data-doubt="typed:2026-11:offers"]')`)
	if q := s.textOf(`[data-doubt="typed:2026-11:offers"]`); !strings.Contains(q, "600 offers on 520 calls makes Offer rate 115.38\u00a0%") {
		t.Errorf("the question: %q", q)
	}
	s.screenshotAt(`[data-doubt="typed:2026-11:offers"]`, "center", "typed-share-asked-360x740")
	s.run(chromedp.Click(`[data-doubt="typed:2026-11:offers"] [data-choice="=600"]`))
	s.waitJS(`document.querySelector('input[data-month="2026-11"][data-count="offers"]').value === "600" && !document.querySelector('[data-doubt="typed:2026-11:offers"]')`)
}
