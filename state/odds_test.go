package state

import (
	"math"
	"strings"
	"testing"

	"passline/scoring"
)

// binomAtLeast is P(X ≥ k) for X binomial(n, p), summed term by term from
// n choose j built by multiplication: a second method beside the engine's
// logarithms.
func binomAtLeast(n, k int, p float64) float64 {
	sum := 0.0
	for j := k; j <= n; j++ {
		c := 1.0
		for i := 0; i < j; i++ {
			c = c * float64(n-i) / float64(i+1)
		}
		sum += c * math.Pow(p, float64(j)) * math.Pow(1-p, float64(n-j))
	}
	return sum
}

func oddsFor(t *testing.T, m Model) Odds {
	t.Helper()
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	o := p.Odds(m)
	if o.Err != nil {
		t.Fatal(o.Err)
	}
	return o
}

// The October of SPEC section 4, alone: offer rate 60/520 (1 point, the
// agent's choice), no sale in 60 offers (conversion drawn per offer at 0:
// 1 point for sure), AHT 7:35 (2), one late (2.5), CE 23 of 25 satisfied.
// November: 0.2 + 0.2 + 0.2 + 0.25 = 0.85 without CE; CE 3 (90 % or
// more: 23 of 25) gives 2.05, a pass; CE 2 gives 1.65. So the month's
// chance is P(at least 23 of 25 at 0.92) = 300·.92^23·.08² + 25·.92^24·.08
// + .92^25 ≈ 0.282 + 0.270 + 0.124 = 0.677. The quarter (October counted at
// 2.05, November and December to come): 2.05 + 2.05 + 2.05 passes, any
// month at 1.65 gives 5.75/3 = 1.92 (1.9), a fail; so 0.677² ≈ 0.458.
func TestOddsOctober(t *testing.T) {
	m := Model{Schema: Schema, Preset: DefaultPreset, Data: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"}
	o := oddsFor(t, m)
	month := binomAtLeast(25, 23, 0.92)
	if math.Abs(month-0.677) > 0.001 {
		t.Fatalf("the oracle itself is off: %v", month)
	}
	if math.Abs(o.Pass-month) > 1e-9 {
		t.Errorf("November: %v, want %v", o.Pass, month)
	}
	if math.Abs(o.QuarterPass-month*month) > 1e-9 || o.QuarterToCome != 2 {
		t.Errorf("the quarter: %v with %d to come, want %v with 2", o.QuarterPass, o.QuarterToCome, month*month)
	}
	if o.Month.String() != "2026-11" || o.Quarter != "2026-Q4" {
		t.Errorf("odds for %s in %s, want 2026-11 in 2026-Q4", o.Month, o.Quarter)
	}
	// What is drawn: conversion per offer (60 offers, rate 0), CE (25).
	var drawn []string
	for _, d := range o.Drawn {
		drawn = append(drawn, scorecardOf(t, m).Metrics[d.Metric].ID)
	}
	if len(o.Drawn) != 2 || drawn[0] != "conversion" || drawn[1] != "ce" || o.Drawn[0].Pooled != 60 || o.Drawn[1].Pooled != 25 || o.Drawn[1].Expected != 25 {
		t.Errorf("drawn %v %+v, want conversion per 60 offers and CE on 25 surveys", drawn, o.Drawn)
	}

	// Offering on half the calls (offer rate 50 %: 3 points) at her own
	// conversion of 0 changes nothing but 0.2 → 0.6: 1.25 without CE, so CE
	// 2 gives 2.05 (pass) and CE 1 (under 80 %: 19 or fewer of 25) 1.65.
	// P(at least 20 of 25 at 0.92).
	m.WhatIfs = map[string]map[string]scoring.Num{"2026-11": {"offer_rate": scoring.N(50)}}
	o = oddsFor(t, m)
	if want := binomAtLeast(25, 20, 0.92); math.Abs(o.Pass-want) > 1e-9 {
		t.Errorf("offering on half the calls: %v, want %v", o.Pass, want)
	}
	// Expecting 5 surveys: CE 3 needs 5 of 5 (90 % of 5 is 4.5), CE 2 needs
	// 4 of 5 (80 %): with the offer rate at 50 %, P(at least 4 of 5).
	m.Expect = map[string]scoring.Num{"ce": scoring.N(5)}
	o = oddsFor(t, m)
	if want := binomAtLeast(5, 4, 0.92); math.Abs(o.Pass-want) > 1e-9 {
		t.Errorf("5 surveys: %v, want %v", o.Pass, want)
	}
}

// Sales drawn per offer: Al sold 2 in 100 offers over 1,000 calls (2 % of
// offers), and every survey gave the same answer, so CE is certain.
func TestOddsSalesPerOffer(t *testing.T) {
	m := Model{Schema: Schema, Preset: DefaultPreset, Data: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n" +
		"2026-07,Al,500,50,1,50,50,7:00,0,0\n2026-08,Al,500,50,1,50,50,7:00,0,0\n"}
	m.WhatIfs = map[string]map[string]scoring.Num{"2026-09": {"offer_rate": scoring.N(5)}}
	o := oddsFor(t, m)
	// Without conversion: offer rate 5 % (1 point) 0.2, CE 3 1.2, AHT 420 s
	// (3) 0.3, attendance 3 0.3: 2.0. Conversion 1 adds 0.2 (2.2), so every
	// outcome passes: the month is certain.
	if math.Abs(o.Pass-1) > 1e-9 {
		t.Errorf("a month that passes whatever the sales: %v", o.Pass)
	}
	// No survey satisfied instead: CE 1 (0.4), 1.0 with AHT and attendance.
	// With the offer rate at 100 % (3 points: 0.6) that is 1.6, and
	// conversion (sales per call: 2 points at 1 %, 3 at 2 %) adds 0.2, 0.4
	// or 0.6: 2.0, a pass, needs 5 sales of 500 calls, each of the 500
	// offers selling at 2 %.
	m.Data = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n" +
		"2026-07,Al,500,50,1,100,0,7:00,0,0\n2026-08,Al,500,50,1,100,0,7:00,0,0\n"
	m.WhatIfs = map[string]map[string]scoring.Num{"2026-09": {"offer_rate": scoring.N(100)}}
	o = oddsFor(t, m)
	if want := binomAtLeast(500, 5, 0.02); math.Abs(o.Pass-want) > 1e-9 {
		t.Errorf("offering on every call: %v, want P(at least 5 of 500 at 2 %%) = %v", o.Pass, want)
	}
}

func scorecardOf(t *testing.T, m Model) *scoring.Scorecard {
	t.Helper()
	sc, err := m.scorecard()
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// A pooled quarter (Technical support, fiscal quarters from April):
// October alone, 2 promoters and 2 detractors of 4, every contact resolved
// (FCR certain at 100 %: 5 points, 1.25), AHT 900 s (2: 0.3), QA 1 (0.2),
// no late (5: 0.5): 2.25 without NPS, so the pass mark 3.0 needs NPS
// points of 3 (0.9), an NPS of 20 or more.
// November, 4 answers at even odds of promoter or detractor: a promoters
// give 100 × (2a − 4) / 4 ≥ 20 for a ≥ 3: 5/16.
// The quarter pools October's 4 answers with 8 to come: 100 × (2a − 8) /
// 12 ≥ 20 for a ≥ 6 of 8: (28 + 8 + 1) / 256 = 37/256.
func TestOddsPooledQuarter(t *testing.T) {
	m := Model{Schema: Schema, Preset: "tech-support", Data: "month,agent,promoters,passives,detractors,resolved_first,contacts,aht,qa,late,absent\n" +
		"2026-10,Kim,2,0,2,100,100,900,1,0,0\n"}
	o := oddsFor(t, m)
	if math.Abs(o.Pass-5.0/16) > 1e-9 {
		t.Errorf("November: %v, want 5/16", o.Pass)
	}
	if math.Abs(o.QuarterPass-37.0/256) > 1e-9 || o.QuarterToCome != 2 {
		t.Errorf("the pooled quarter: %v with %d to come, want 37/256 with 2", o.QuarterPass, o.QuarterToCome)
	}
	if o.Quarter != "FY2027-Q3" {
		t.Errorf("quarter %s, want FY2027-Q3", o.Quarter)
	}
}

// The same October with the offer rate at 50 % in the months to come: CE
// 3/2/1 score 2.45/2.05/1.65. The quarter needs 3.8 from November and
// December and fails only at (1, 1), (1, 2) and (2, 1) in CE points:
// p1² + 2 p1 p2, with p1 = P(at most 19 of 25) and p2 = P(20 to 22).
func TestOddsQuarterCoveredByAGoodMonth(t *testing.T) {
	m := Model{Schema: Schema, Preset: DefaultPreset, Data: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n",
		WhatIfs: map[string]map[string]scoring.Num{"2026-11": {"offer_rate": scoring.N(50)}}}
	o := oddsFor(t, m)
	p3 := binomAtLeast(25, 23, 0.92)
	p2 := binomAtLeast(25, 20, 0.92) - p3
	p1 := 1 - p2 - p3
	if want := 1 - p1*p1 - 2*p1*p2; math.Abs(o.QuarterPass-want) > 1e-9 {
		t.Errorf("the quarter: %v, want %v", o.QuarterPass, want)
	}
}

// The card's words for the October: the percentages as ChanceText rounds
// them (0.677 → 68 %, 0.458 → 46 %), and a rate on few responses said.
func TestOddsWords(t *testing.T) {
	m := Model{Schema: Schema, Preset: DefaultPreset, Data: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"}
	sc := scorecardOf(t, m)
	w := OddsWords(sc, oddsFor(t, m))
	if w.Month != "Passing November 2026: 68"+NBSP+"%" || w.Quarter != "Passing 2026-Q4: 46"+NBSP+"%" {
		t.Errorf("%q / %q", w.Month, w.Quarter)
	}
	if w.ToCome != "2 months of 2026-Q4 are still to come." {
		t.Errorf("to come: %q", w.ToCome)
	}
	// 23 of 25 is 92.0 %; no sale in 60 offers is 0.0 %.
	want := []string{
		"Sales conversion: 0.0" + NBSP + "% of your 60 offers became sales; 520 calls expected a month, offers at the offer rate you set.",
		"Customer experience: 92.0" + NBSP + "% of your 25 surveys were satisfied; 25 expected a month.",
	}
	if len(w.Basis) != 2 || w.Basis[0] != want[0] || w.Basis[1] != want[1] {
		t.Errorf("basis %q, want %q", w.Basis, want)
	}
	if len(w.Few) != 0 {
		t.Errorf("few %q, want none (25 surveys, 60 offers)", w.Few)
	}
	m.Data = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,4,3,7:35,1,0\n"
	w = OddsWords(sc, oddsFor(t, m))
	if len(w.Few) != 1 || w.Few[0] != "Customer experience rests on only 4 surveys so far: a shaky rate." {
		t.Errorf("few %q", w.Few)
	}
	// Values without counts (CE as a percentage, conversion as one): nothing
	// is drawn, and the card says so.
	m.Data = "month,agent,offer rate,conversion,ce,aht,late,absent\n2026-10,Jo,11.5,0,92,7:35,1,0\n"
	o := oddsFor(t, m)
	w = OddsWords(sc, o)
	if len(o.Drawn) != 0 || len(w.Few) != 1 || !strings.HasPrefix(w.Few[0], "Nothing here is counted in responses") {
		t.Errorf("drawn %+v, few %q", o.Drawn, w.Few)
	}
}

// Plan A against plan B: the October kept as it is (plan A: 0.677, worked
// out in TestOddsOctober), then the offer rate at 50 % and 5 surveys
// expected (plan B: P(at least 4 of 5 at 0.92), TestOddsOctober's last
// case). What differs is said metric by metric.
func TestPlans(t *testing.T) {
	m := Model{Schema: Schema, Preset: DefaultPreset, Data: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"}
	m = updated(t, m, KeepPlan{Month: "2026-11"},
		SetWhatIf{Month: "2026-11", Metric: "offer_rate", Value: scoring.N(50)},
		SetExpected{Metric: "ce", Value: num("5")})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	if a := p.WorkOutOdds(m, nil).Plan; a == nil || a.Err != nil || math.Abs(a.Pass-binomAtLeast(25, 23, 0.92)) > 1e-9 {
		t.Errorf("plan A: %+v, want %v", a, binomAtLeast(25, 23, 0.92))
	}
	if b := p.Odds(m); math.Abs(b.Pass-binomAtLeast(5, 4, 0.92)) > 1e-9 {
		t.Errorf("plan B: %v, want %v", b.Pass, binomAtLeast(5, 4, 0.92))
	}
	want := []string{
		"Offer rate: as in your data in plan A, 50" + NBSP + "% now.",
		"Customer experience, expected a month: as in your data in plan A, 5 now.",
	}
	if got := p.PlanDiffers(m); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("differs %q, want %q", got, want)
	}
	// Forgotten, and cleared with the what-ifs.
	if n := updated(t, m, ForgetPlan{}); n.PlanA != nil {
		t.Error("plan A was not forgotten")
	}
	if n := updated(t, m, ChooseAgent{Name: "Jo"}); n.PlanA != nil {
		t.Error("plan A outlived a new agent")
	}
	if _, _, err := Update(m, KeepPlan{Month: "November"}); err == nil {
		t.Error("a plan for no month was kept")
	}
}

// What moves the October's odds most, worked by hand (p3 = P(at least 23
// of 25) ≈ 0.677, p2 = P(20 to 22) ≈ 0.311; the quarter now p3² ≈ 0.458):
//   - one late fewer: attendance 3 (+0.05): CE 3 scores 2.1, CE 2 1.7; the
//     quarter needs 3.8 from two months, and 2.1 + 1.7 is 3.8: p3² + 2 p3 p2
//     ≈ 0.879; the month stays p3;
//   - five more surveys (30): CE 3 needs 27 of 30: P ≈ 0.784, the quarter
//     its square ≈ 0.615;
//   - one more offer in ten calls (21.5 %) and ten seconds less (445 s)
//     cross no band: nothing changes.
func TestOddsSteps(t *testing.T) {
	m := Model{Schema: Schema, Preset: DefaultPreset, Data: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"}
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	p3 := binomAtLeast(25, 23, 0.92)
	p2 := binomAtLeast(25, 20, 0.92) - p3
	p30 := binomAtLeast(30, 27, 0.92)
	want := []struct {
		words          string
		month, quarter float64
	}{
		{"One late fewer (Attendance)", p3, p3*p3 + 2*p3*p2},
		{"Five more surveys expected (Customer experience)", p30, p30 * p30},
		{"One more offer in every ten calls (Offer rate)", p3, p3 * p3},
		{"Ten seconds less (Average handle time)", p3, p3 * p3},
	}
	got := p.WorkOutOdds(m, nil).Steps
	if len(got) != len(want) {
		t.Fatalf("%d steps %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Words != w.words || math.Abs(g.Month-w.month) > 1e-9 || math.Abs(g.Quarter-w.quarter) > 1e-9 {
			t.Errorf("step %d: %q %.4f %.4f, want %q %.4f %.4f", i, g.Words, g.Month, g.Quarter, w.words, w.month, w.quarter)
		}
	}
}

func TestStepWords(t *testing.T) {
	before := Odds{Month: scoring.MonthOf(2026, 11), Quarter: "2026-Q4", Pass: 0.677, QuarterPass: 0.458}
	got := StepWords(before, OddsStep{Words: "One late fewer (Attendance)", Month: 0.677, Quarter: 0.879})
	if want := "One late fewer (Attendance): 2026-Q4 from 46" + NBSP + "% to 88" + NBSP + "%; November 2026 stays at 68" + NBSP + "%."; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}

func TestStepsWords(t *testing.T) {
	before := Odds{Month: scoring.MonthOf(2026, 11), Quarter: "2026-Q4", Pass: 0.677, QuarterPass: 0.458}
	got := StepsWords(before, []OddsStep{{Words: "A", Month: 0.677, Quarter: 0.879}, {Words: "B", Month: 0.6771, Quarter: 0.4581}})
	if len(got) != 1 || !strings.HasPrefix(got[0], "A: ") {
		t.Errorf("%q: want only the step that changes a percentage", got)
	}
	if got := StepsWords(before, []OddsStep{{Words: "B", Month: 0.677, Quarter: 0.458}}); len(got) != 1 || !strings.HasPrefix(got[0], "No single step") {
		t.Errorf("%q", got)
	}
}

// binomPMF is the chance of each k of n at p, term by term.
func binomPMF(n int, p float64) []float64 {
	out := make([]float64, n+1)
	for k := range out {
		out[k] = binomAtLeast(n, k, p) - binomAtLeast(n, k+1, p)
	}
	return out
}

// The learn screen's two plans, enumerated here in hundredths of a point:
// plan B scores 0.6 (offer rate 3) + 0.2 (AHT 2) + 0.25 (attendance 2.5)
// + 0.2 × conversion points + 0.4 × CE points, so 105 + 20c + 40k
// hundredths; the month passes from 195; the quarter when October's 205
// and the two months make 585 or more. Conversion: 6 sales of 520 calls
// (1 %) for 2 points, 11 (2 %) for 3, sales binomial over 260 offers at
// 2 %; CE 3 from 23 of 25, 2 from 20, at 92 %.
func TestOddsLesson(t *testing.T) {
	l := oddsLesson()
	if l.Err != nil || len(l.Plans) != 2 {
		t.Fatalf("%v, %d plans", l.Err, len(l.Plans))
	}
	p3 := binomAtLeast(25, 23, 0.92)
	if a := l.Plans[0]; math.Abs(a.Month-p3) > 1e-9 || math.Abs(a.Quarter-p3*p3) > 1e-9 {
		t.Errorf("plan A %v %v, want %v %v", a.Month, a.Quarter, p3, p3*p3)
	}
	pk := map[int]float64{}
	for k, p := range binomPMF(25, 0.92) {
		pk[map[bool]int{true: 3, false: map[bool]int{true: 2, false: 1}[k >= 20]}[k >= 23]] += p
	}
	pc := map[int]float64{}
	for s, p := range binomPMF(260, 0.02) {
		pc[map[bool]int{true: 3, false: map[bool]int{true: 2, false: 1}[s >= 6]}[s >= 11]] += p
	}
	scores := map[int]float64{}
	for c, x := range pc {
		for k, y := range pk {
			scores[105+20*c+40*k] += x * y
		}
	}
	month, quarter := 0.0, 0.0
	for v, p := range scores {
		if v >= 195 {
			month += p
		}
		for w, q := range scores {
			if 205+v+w >= 585 {
				quarter += p * q
			}
		}
	}
	if b := l.Plans[1]; math.Abs(b.Month-month) > 1e-9 || math.Abs(b.Quarter-quarter) > 1e-9 {
		t.Errorf("plan B %v %v, want %v %v", b.Month, b.Quarter, month, quarter)
	}
	// 0.988 and 0.997, shown as 99 % and above 99 %.
	if got := PlanLessonWords(l.Plans[1]); got != "November 99"+NBSP+"%, 2026-Q4 above 99"+NBSP+"%" {
		t.Errorf("%q", got)
	}
}
