package state

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"passline/internal/worstcase"
	"passline/scoring"
)

// Issue 25: the odds bounded, counted once, never wrapped.

// TestOddsOfSmoothTwo (issue 25): the scorecard and the one month of data
// that froze the page for minutes, then ran out of memory, on every load:
// the odds now come back, bounded, saying "about" where the grid cannot
// tell the figure.
func TestOddsOfSmoothTwo(t *testing.T) {
	js := `{"version":1,"name":"Smooth two","pass":2,"decimals":2,"quarter":{"mode":"average","start_month":1},
 "metrics":[
  {"id":"m0","label":"M0","unit":"percent","better":"higher","weight":50,"interpolate":true,
   "source":{"ratio":{"num":"s0","den":"d0"}},"bands":[{"points":1,"at":10},{"points":3,"at":90}]},
  {"id":"m1","label":"M1","unit":"percent","better":"higher","weight":50,"interpolate":true,
   "source":{"ratio":{"num":"s1","den":"d1"}},"bands":[{"points":1,"at":11},{"points":3,"at":89}]}]}`
	m := updated(t, NewModel(), ImportScorecard{Name: "smooth.json", JSON: js}, SetData{Text: "month,agent,s0,d0,s1,d1\n2026-09,Jo,50,100,53,107\n"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	o := p.Odds(m)
	if o.Err != nil || o.Pass <= 0 || o.Pass >= 1 || o.QuarterPass <= 0 || o.QuarterPass >= 1 {
		t.Fatalf("odds %+v", o)
	}
	w := OddsWords(p.Scorecard, o)
	t.Logf("%s; %s", w.Month, w.Quarter)
	if steps := p.WorkOutOdds(m, nil).Steps; len(steps) == 0 {
		t.Error("no step moves the odds")
	}
}

// TestChanceAbout: a chance in [p, p + unsure] says "about" only when the
// two ends show differently.
func TestChanceAbout(t *testing.T) {
	for _, tc := range []struct {
		p, u float64
		want string
	}{
		{0.4612, 0.001, "46" + NBSP + "%"},
		{0.4612, 0.02, "about 47" + NBSP + "%"},
		{0.995, 0.004, "above 99" + NBSP + "%"},
	} {
		if got := ChanceAbout(tc.p, tc.u); got != tc.want {
			t.Errorf("ChanceAbout(%v, %v) = %q, want %q", tc.p, tc.u, got, tc.want)
		}
	}
}

// TestOddsHugeCounts (issue 25): counts past 2⁶³ saturate: 2⁶³ surveys never
// read as "rests on only -9223372036854775808 surveys", and 18446744073709551620
// calls never as 4 calls expected a month; the volume is held at the most
// a draw takes.
func TestOddsHugeCounts(t *testing.T) {
	m := updated(t, NewModel(), SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n" +
		"2026-10,Jo,18446744073709551620,60,0,9223372036854775808,9223372036854775000,7:35,1,0\n"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	o := p.Odds(m)
	for _, d := range o.Drawn {
		if d.Expected != scoring.MaxMonthTrials || d.Pooled < 0 {
			t.Errorf("%s: %d expected, pooled %d", p.Scorecard.Metrics[d.Metric].ID, d.Expected, d.Pooled)
		}
	}
	for _, w := range append(OddsWords(p.Scorecard, o).Few, OddsWords(p.Scorecard, o).Basis...) {
		if strings.Contains(w, "-9223372036854775808") || strings.Contains(w, " 4 calls") {
			t.Errorf("a wrapped count: %q", w)
		}
	}
}

// TestOddsNeverOffersPerSale (issue 25): data with more sales than offers
// never makes offers drawn per sale ("85.7 % of your 70 sales became
// offers"); each is then drawn per call or held.
func TestOddsNeverOffersPerSale(t *testing.T) {
	m := updated(t, NewModel(), SetData{Text: "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,70,25,23,7:35,1,0\n"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	o := p.Odds(m)
	for _, d := range o.Drawn {
		if d.Per >= 0 && p.Scorecard.Metrics[d.Metric].ID == "offer_rate" {
			t.Errorf("offers drawn per %s", p.Scorecard.Metrics[d.Per].ID)
		}
	}
	for _, w := range OddsWords(p.Scorecard, o).Basis {
		if strings.Contains(w, "became offers") {
			t.Errorf("the odds say %q", w)
		}
	}
}

// TestSharedCountsDrawnOnce (issue 25): two metrics reading the same counts
// (CE and a copy of it at 50/50, pass 3.0: both must reach 90 %) are one
// draw: P(≥ 23 of 25 satisfied at 92 %) = 0.677, "68 %", never the 0.677² =
// 0.458 of two independent draws.
func TestSharedCountsDrawnOnce(t *testing.T) {
	js := `{"version":1,"name":"CE twice","pass":3,"decimals":1,"metrics":[
 {"id":"ce","label":"CE","unit":"percent","better":"higher","weight":50,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":2,"at":80},{"points":3,"at":90}]},
 {"id":"ce_copy","label":"CE again","unit":"percent","better":"higher","weight":50,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":2,"at":80},{"points":3,"at":90}]}]}`
	m := updated(t, NewModel(), ImportScorecard{Name: "twice.json", JSON: js}, SetData{Text: "month,agent,surveys,satisfied\n2026-10,Jo,25,23\n"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	o := p.Odds(m)
	if want := binomAtLeast(25, 23, 0.92); o.Err != nil || math.Abs(o.Pass-want) > 1e-9 {
		t.Errorf("November %v (%v), want %v", o.Pass, o.Err, want)
	}
}

// BenchmarkOddsEveryday (issue 25): the odds and their steps on the
// retention preset averaging exact scores, 97 surveys and 73 cancel
// requests a month (2.8 s + 7.4 s natively before the grid), and on three
// interpolated metrics reading the same surveys (a share link that blocked
// the page 79-91 s).
func BenchmarkOddsEveryday(b *testing.B) {
	three := `{"version":1,"name":"Three smooth","pass":2,"decimals":2,"metrics":[
 {"id":"a","label":"A","unit":"percent","better":"higher","weight":40,"interpolate":true,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":1,"at":50},{"points":3,"at":100}]},
 {"id":"b","label":"B","unit":"percent","better":"higher","weight":30,"interpolate":true,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":1,"at":60},{"points":3,"at":99}]},
 {"id":"c","label":"C","unit":"percent","better":"higher","weight":30,"interpolate":true,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":1,"at":70},{"points":3,"at":98}]}]}`
	for _, tc := range []struct {
		name string
		m    Model
	}{
		{"retention-exact", retentionExact(b)},
		{"three-smooth", imported(b, three, "month,agent,surveys,satisfied\n2026-10,Jo,100,88\n")},
	} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				p, err := Prepare(tc.m)
				if err != nil {
					b.Fatal(err)
				}
				if w := p.WorkOutOdds(tc.m, nil); w.Odds.Err != nil || w.StepsErr != nil {
					b.Fatal(w.Odds.Err, w.StepsErr)
				}
			}
		})
	}
}

// imported is a model with scorecard js imported and data in use.
func imported(tb testing.TB, js, data string) Model {
	tb.Helper()
	m, _, err := Update(NewModel(), ImportScorecard{Name: "x.json", JSON: js})
	if err != nil {
		tb.Fatal(err)
	}
	if m, _, err = Update(m, SetData{Text: data}); err != nil {
		tb.Fatal(err)
	}
	return m
}

// TestPooledQuarterLargeVolumes (issue 25): 1,700 contacts a month over the
// three months of a pooled quarter still to come (5,100 drawn at once) give
// odds, not "expect between 0 and 5000, not 5100".
func TestPooledQuarterLargeVolumes(t *testing.T) {
	m := updated(t, NewModel(), ChoosePreset{ID: "tech-support"},
		SetData{Text: "month,agent,promoters,passives,detractors,resolved_first,contacts,aht,qa,late,absent\n2026-09,Ana,800,500,400,1300,1700,600,4,0,0\n"})
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	o := p.Odds(m)
	if o.Err != nil || o.QuarterToCome != 3 {
		t.Errorf("odds %v, %d months to come", o.Err, o.QuarterToCome)
	}
}

// retentionExact is the retention preset averaging exact scores, with 97
// surveys and 73 cancel requests a month: BenchmarkOddsEveryday's first.
func retentionExact(tb testing.TB) Model {
	tb.Helper()
	retention, err := scoring.LoadPreset("retention-smooth")
	if err != nil {
		tb.Fatal(err)
	}
	retention.Quarter.AverageOf = scoring.AverageExact
	js, err := draftJSON(retention)
	if err != nil {
		tb.Fatal(err)
	}
	return imported(tb, js, "month,agent,satisfied,surveys,saves,cancel_requests,aht,calls,compliance\n2026-10,Jo,80,97,25,73,400,500,2\n")
}

// TestWorkOutOddsBudget (issue 25): the odds card's work calls its pace
// as it goes; a pace that stops it (the budget spent) leaves the odds, or
// the steps, saying why, and nothing abandoned is kept: the same
// Prepared then works out what a fresh one does.
func TestWorkOutOddsBudget(t *testing.T) {
	m := retentionExact(t)
	fresh := func() *Prepared {
		p, err := Prepare(m)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	calls := 0
	whole := fresh().WorkOutOdds(m, func() error { calls++; return nil })
	if whole.Odds.Err != nil || whole.StepsErr != nil || len(whole.Steps) == 0 || calls < 10 {
		t.Fatalf("unstopped: %v, %v, %d steps, paced %d times", whole.Odds.Err, whole.StepsErr, len(whole.Steps), calls)
	}
	stopAfter := func(n int) scoring.Pace {
		return func() error {
			if n--; n < 0 {
				return ErrOddsTooLong
			}
			return nil
		}
	}
	// Stopped at once: no odds, and the card says why.
	p := fresh()
	w := p.WorkOutOdds(m, stopAfter(0))
	if !errors.Is(w.Odds.Err, ErrOddsTooLong) || w.Odds.Err.Error() != OddsTooLongWords || w.Steps != nil {
		t.Errorf("stopped at once: %v, %d steps", w.Odds.Err, len(w.Steps))
	}
	if again := p.WorkOutOdds(m, nil); again.Odds.Err != nil || again.Odds.Pass != whole.Odds.Pass || again.Odds.QuarterPass != whole.Odds.QuarterPass {
		t.Errorf("after a stop: %+v, want %+v", again.Odds, whole.Odds)
	}
	// Stopped in the steps: the odds, and why the steps are missing.
	p = fresh()
	w = p.WorkOutOdds(m, stopAfter(calls-1))
	if w.Odds.Err != nil || w.Odds.Pass != whole.Odds.Pass || !errors.Is(w.StepsErr, ErrOddsTooLong) || w.Steps != nil {
		t.Errorf("stopped in the steps: %v, %v, %d steps", w.Odds.Err, w.StepsErr, len(w.Steps))
	}
	if lines := w.StepLines(); len(lines) != 1 || lines[0] != StepsTooLongWords {
		t.Errorf("the steps say %q", lines)
	}
	if again := p.WorkOutOdds(m, nil); again.StepsErr != nil || len(again.Steps) != len(whole.Steps) {
		t.Errorf("after a stop in the steps: %v, %d steps", again.StepsErr, len(again.Steps))
	}
}

// TestOddsStepsKeptDraws (issue 25): the steps reuse the draws they share
// (worked out once per Prepared), and give what each step's model gives
// on a Prepared of its own, worked out from nothing.
func TestOddsStepsKeptDraws(t *testing.T) {
	for _, m := range []Model{retentionExact(t), updated(t, NewModel(), ChoosePreset{ID: "tech-support"},
		SetData{Text: "month,agent,promoters,passives,detractors,resolved_first,contacts,aht,qa,late,absent\n2026-09,Ana,80,50,40,130,170,600,4,1,0\n"})} {
		p, err := Prepare(m)
		if err != nil {
			t.Fatal(err)
		}
		steps := p.WorkOutOdds(m, nil).Steps
		if len(steps) == 0 {
			t.Fatal("no steps")
		}
		before := p.Odds(m)
		drawn := map[int]DrawnMetric{}
		for _, d := range before.Drawn {
			drawn[d.Metric] = d
		}
		sc := p.Scorecard
		next := p.nextMonth(m)
		inputs := applyWhatIfs(sc, m, next, p.agentOf(m).Months[len(p.agentOf(m).Months)-1].Inputs)
		for _, s := range steps {
			stepped, _, ok := stepOf(sc, m, &sc.Metrics[s.Metric], inputs[s.Metric], next.String(), drawn)
			if !ok {
				t.Fatalf("%s: no step", s.Words)
			}
			own, err := Prepare(stepped)
			if err != nil {
				t.Fatal(err)
			}
			if o := own.Odds(stepped); o.Pass != s.Month || o.QuarterPass != s.Quarter {
				t.Errorf("%s: %v / %v, on its own %v / %v", s.Words, s.Month, s.Quarter, o.Pass, o.QuarterPass)
			}
		}
	}
}

// worstOdds is the costliest valid scorecard for the odds and a month of
// its data (package worstcase).
func worstOdds(tb testing.TB, nps bool) Model {
	return imported(tb, worstcase.OddsScorecard(nps), worstcase.OddsData(nps))
}

// BenchmarkOddsWorstCard times everything the odds card shows on the
// costliest valid scorecard (worstOdds): the odds, then a step per metric.
func BenchmarkOddsWorstCard(b *testing.B) {
	for _, nps := range []bool{false, true} {
		m := worstOdds(b, nps)
		b.Run(map[bool]string{false: "ratios-average", true: "nps-pooled"}[nps], func(b *testing.B) {
			for b.Loop() {
				p, err := Prepare(m)
				if err != nil {
					b.Fatal(err)
				}
				w := p.WorkOutOdds(m, nil)
				if w.Odds.Err != nil || w.StepsErr != nil {
					b.Fatal(w.Odds.Err, w.StepsErr)
				}
			}
		})
	}
}

// TestManyBandsInWords (issue 25): a metric of 100 bands (1 point at 0 %
// to 3 at 99 %, 2/99 of a point a band: the second is 1 + 2/99 = 1.0202…,
// 1.02 in words; the 99th 1 + 196/99 = 2.9798, 2.98) is one line in the
// editor and four bands and a count in the scorecard's summary; a metric
// of a few is said in full.
func TestManyBandsInWords(t *testing.T) {
	sc, err := scoring.ParseScorecard([]byte(worstcase.OddsScorecard(false)))
	if err != nil {
		t.Fatal(err)
	}
	m := &sc.Metrics[0]
	if got, want := BandsSummary(m), "100 bands, from 1\u00a0point at 0 to 3\u00a0points at 99"; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
	want := "1\u00a0point at 0\u00a0% or more, 1.02\u00a0points at 1\u00a0% or more, 96 more bands, 2.98\u00a0points at 98\u00a0% or more, 3\u00a0points at 99\u00a0% or more; points rise smoothly in between"
	if got := BandWords(sc, m); got != want {
		t.Errorf("words %q,\nwant %q", got, want)
	}
	care, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	if got := BandWords(care, care.Metric("ce")); strings.Contains(got, "more bands") {
		t.Errorf("a few bands: %q", got)
	}
}

// TestFixLevels (issue 25): "Pass without…?" offers every level of a few
// (care and sales' CE: 1, 2, 3), and of a metric of 100 interpolated bands
// (101 levels: the whole points and each band's) the whole points 1, 2, 3
// and the level held, 1.020202 (1 + 2/99, as the file writes it).
func TestFixLevels(t *testing.T) {
	care, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	text := func(l []scoring.Num) string { return fmt.Sprint(l) }
	if got := text(FixLevels(care, care.Metric("ce"), nil)); got != "[1 2 3]" {
		t.Errorf("CE: %s", got)
	}
	sc, err := scoring.ParseScorecard([]byte(worstcase.OddsScorecard(false)))
	if err != nil {
		t.Fatal(err)
	}
	m := &sc.Metrics[0]
	if got := text(FixLevels(sc, m, nil)); got != "[1 2 3]" {
		t.Errorf("100 bands: %s", got)
	}
	held := m.Bands[1].Points
	if got := text(FixLevels(sc, m, &held)); got != "[1 1.020202 2 3]" {
		t.Errorf("100 bands, 1.020202 held: %s", got)
	}
}
