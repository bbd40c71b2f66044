package main

import "testing"

// TestOddsCard: the October of SPEC section 4 pasted, the odds of
// November and of 2026-Q4 worked out by hand (state/odds_test.go has the
// arithmetic): CE needs at least 23 of 25 surveys at her 92 %: P ≈ 0.677,
// "68 %"; the quarter needs both months to come at that: 0.677² ≈ 0.458,
// "46 %". Offering on half the calls in November and December (3 points
// for the offer rate: 1.25 without CE) scores CE 3/2/1 at 2.45/2.05/1.65,
// so CE 2 passes: at least 20 of 25, P ≈ 0.988, "99 %". The quarter needs
// 3 × 1.95 − 2.05 = 3.8 from the two months: it fails only at (1.65,
// 1.65), (1.65, 2.05) and (2.05, 1.65): with CE 1 at 0.0123 and CE 2 at
// 0.988 − 0.677 = 0.311, 0.0123² + 2 × 0.0123 × 0.311 ≈ 0.0078, so the
// quarter passes at 0.992: "above 99 %".
func TestOddsCard(t *testing.T) {
	s := newSession(t, 360, 740, nil)
	s.open("/")
	s.paste(octoberCells)
	s.waitText("month-score", "2.1")
	s.waitText("odds-month", "Passing November 2026: 68\u00a0%")
	s.waitTextContains("odds-quarter", "Passing 2026-Q4: 46\u00a0%")
	s.choose(`[data-testid="month"]`, "next")
	s.waitTextContains("verdict", "November 2026")
	s.setRange("offer_rate", "50")
	s.waitText("odds-month", "Passing November 2026: 99\u00a0%")
	s.waitTextContains("odds-quarter", "Passing 2026-Q4: above 99\u00a0%")
	s.js(`document.querySelector('[data-testid="odds"] details').open = true; document.querySelector('[data-testid="odds"]').scrollIntoView()`)
	s.screenshotView("odds-360x740")
}
