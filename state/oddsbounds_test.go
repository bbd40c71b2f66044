package state

import (
	"math"
	"strings"
	"testing"

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
	if steps := p.OddsSteps(m); len(steps) == 0 {
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
	retention, err := scoring.LoadPreset("retention-smooth")
	if err != nil {
		b.Fatal(err)
	}
	retention.Quarter.AverageOf = scoring.AverageExact
	js, err := draftJSON(retention)
	if err != nil {
		b.Fatal(err)
	}
	three := `{"version":1,"name":"Three smooth","pass":2,"decimals":2,"metrics":[
 {"id":"a","label":"A","unit":"percent","better":"higher","weight":40,"interpolate":true,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":1,"at":50},{"points":3,"at":100}]},
 {"id":"b","label":"B","unit":"percent","better":"higher","weight":30,"interpolate":true,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":1,"at":60},{"points":3,"at":99}]},
 {"id":"c","label":"C","unit":"percent","better":"higher","weight":30,"interpolate":true,"source":{"ratio":{"num":"satisfied","den":"surveys"}},"bands":[{"points":1,"at":70},{"points":3,"at":98}]}]}`
	for _, tc := range []struct{ name, js, data string }{
		{"retention-exact", string(js), "month,agent,satisfied,surveys,saves,cancel_requests,aht,calls,compliance\n2026-10,Jo,80,97,25,73,400,500,2\n"},
		{"three-smooth", three, "month,agent,surveys,satisfied\n2026-10,Jo,100,88\n"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			m, _, err := Update(NewModel(), ImportScorecard{Name: "x.json", JSON: tc.js})
			if err != nil {
				b.Fatal(err)
			}
			if m, _, err = Update(m, SetData{Text: tc.data}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				p, err := Prepare(m)
				if err != nil {
					b.Fatal(err)
				}
				if o := p.Odds(m); o.Err != nil {
					b.Fatal(o.Err)
				}
				p.OddsSteps(m)
			}
		})
	}
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
