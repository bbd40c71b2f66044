package scoring

import (
	"errors"
	"maps"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// smoothTwo is issue 25's scorecard: two interpolated metrics whose every
// count earns its own points, so that no two sums of the month merge.
const smoothTwo = `{"version":1,"name":"Smooth two","pass":2,"decimals":2,"quarter":{"mode":"average","start_month":1},
 "metrics":[
  {"id":"m0","label":"M0","unit":"percent","better":"higher","weight":50,"interpolate":true,
   "source":{"ratio":{"num":"s0","den":"d0"}},"bands":[{"points":1,"at":10},{"points":3,"at":90}]},
  {"id":"m1","label":"M1","unit":"percent","better":"higher","weight":50,"interpolate":true,
   "source":{"ratio":{"num":"s1","den":"d1"}},"bands":[{"points":1,"at":11},{"points":3,"at":89}]}]}`

// TestOddsBounded (issue 25): on smoothTwo, 100 and 107 responses a month
// at 50 % and 53/107, the month has 101 × 108 distinct sums and a quarter
// of three months to come 10⁴ × 10⁴ × 10⁴: the old code kept them all and
// ran out of memory. The grid keeps at most MaxOddsSums, and the odds still
// agree with a seeded simulation of 20,000 quarters scored by ScoreMonth
// (within 1.5 points), with almost nothing unsure.
func TestOddsBounded(t *testing.T) {
	sc := oddsCard(t, smoothTwo)
	draws := []Draw{{Trials: 100, Rates: []float64{0.5}}, {Trials: 107, Rates: []float64{53.0 / 107}}}
	var dists []Dist
	for i, d := range draws {
		dist, err := sc.PointsDist(&sc.Metrics[i], d)
		if err != nil {
			t.Fatal(err)
		}
		dists = append(dists, dist)
	}
	month, err := sc.MonthOddsOf(dists)
	if err != nil {
		t.Fatal(err)
	}
	if len(month.Scores) > MaxOddsSums*2 {
		t.Errorf("%d scores kept", len(month.Scores))
	}
	quarter, err := sc.AverageQuarterOf(nil, month, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The grid's price: sums within two of its steps of the pass mark
	// cannot be told (a few percent here; the card says "about").
	if month.Unsure > 0.05 || quarter.Unsure > 0.05 {
		t.Errorf("unsure: month %v, quarter %v", month.Unsure, quarter.Unsure)
	}
	rng := rand.New(rand.NewSource(25))
	const runs = 20000
	monthPass, quarterPass := 0, 0
	for r := 0; r < runs; r++ {
		var sum Num
		for k := 0; k < 3; k++ {
			inputs := make([]Input, 2)
			for i, d := range draws {
				hits := 0
				for j := 0; j < d.Trials; j++ {
					if rng.Float64() < d.Rates[0] {
						hits++
					}
				}
				inputs[i] = Input{Counts: []Num{N(int64(hits)), N(int64(d.Trials))}, Value: N(int64(hits) * 100).Div(N(int64(d.Trials)))}
			}
			mr := sc.ScoreMonth(0, inputs)
			if k == 0 && mr.Pass {
				monthPass++
			}
			sum = sum.Add(mr.Exact)
		}
		if !sum.Div(N(3)).Round(sc.Decimals).Less(sc.Pass) {
			quarterPass++
		}
	}
	simMonth, simQuarter := float64(monthPass)/runs, float64(quarterPass)/runs
	// The simulated chance lies in [Pass, Pass + Unsure], give or take the
	// simulation's own error (1.5 points).
	if simMonth < month.Pass-0.015 || simMonth > month.Pass+month.Unsure+0.015 ||
		simQuarter < quarter.Pass-0.015 || simQuarter > quarter.Pass+quarter.Unsure+0.015 {
		t.Errorf("odds %.4f / %.4f, simulated %.4f / %.4f", month.Pass, quarter.Pass, simMonth, simQuarter)
	}
	t.Logf("month %.4f (simulated %.4f), quarter %.4f (simulated %.4f), unsure %.2g / %.2g", month.Pass, simMonth, quarter.Pass, simQuarter, month.Unsure, quarter.Unsure)
}

// TestGridKeepsExactSums: sums of step bands and whole weights stay exact
// on the grid (width 0), so hand-worked odds are unchanged.
func TestGridKeepsExactSums(t *testing.T) {
	g := newGridSums(Step(5), Frac(41, 20), nil) // 2.05
	g.addAll([]gridStep{{add: Frac(1, 5), p: 0.5}, {add: Frac(4, 5), p: 0.5}})
	if g.width != 0 || len(g.p) != 2 {
		t.Errorf("width %d, %d sums", g.width, len(g.p))
	}
	lo, hi, _ := g.bounds(slices.Sorted(maps.Keys(g.p))[0])
	if lo.String() != "2.25" || !hi.Equal(lo) {
		t.Errorf("the lower sum: [%s, %s]", lo, hi)
	}
	// A third is not on the grid: one unit wide.
	g.addAll([]gridStep{{add: Frac(1, 3), p: 1}})
	if g.width != 1 {
		t.Errorf("width %d after a third", g.width)
	}
}

// BenchmarkOddsWorst times the odds of smoothTwo (every sum distinct): a
// month and a quarter of three months to come.
func BenchmarkOddsWorst(b *testing.B) {
	sc, err := ParseScorecard([]byte(smoothTwo))
	if err != nil {
		b.Fatal(err)
	}
	d0, _ := sc.PointsDist(&sc.Metrics[0], Draw{Trials: 100, Rates: []float64{0.5}})
	d1, _ := sc.PointsDist(&sc.Metrics[1], Draw{Trials: 107, Rates: []float64{53.0 / 107}})
	for b.Loop() {
		month, err := sc.MonthOddsOf([]Dist{d0, d1})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := sc.AverageQuarterOf(nil, month, 3); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNPSDraw times tech support's NPS drawn over 5,000 responses a
// month (issue 25: every (promoters, detractors) pair took seconds per
// slider move).
func BenchmarkNPSDraw(b *testing.B) {
	sc, err := LoadPreset("tech-support")
	if err != nil {
		b.Fatal(err)
	}
	nps := sc.Metric("nps")
	for b.Loop() {
		if _, err := sc.PointsDist(nps, Draw{Trials: MaxDrawTrials, Rates: []float64{0.5, 0.3, 0.2}}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNPSDrawPruned: pruning to the likely promoters and detractors keeps
// every chance that shows: 5,000 responses at 50/30/20 (NPS 30 ± 0.9)
// against the full enumeration of 1,000 responses scaled, and a small
// draw summed exactly as before (its chances add up to 1).
func TestNPSDrawPruned(t *testing.T) {
	sc, err := LoadPreset("tech-support")
	if err != nil {
		t.Fatal(err)
	}
	nps := sc.Metric("nps")
	d, err := sc.PointsDist(nps, Draw{Trials: MaxDrawTrials, Rates: []float64{0.5, 0.3, 0.2}})
	if err != nil {
		t.Fatal(err)
	}
	// NPS = 100 × (P − D) / 5000 has mean 30 and sd 100 × √(0.5 + 0.2 − 0.3²) / √5000
	// = 100 × √0.61 / 70.71 = 1.10: 3 points (20 to 40) all but certainly.
	if len(d) != 1 || d[0].Points.String() != "3" || math.Abs(d[0].P-1) > 1e-9 {
		t.Errorf("5,000 responses: %v", d)
	}
	small, err := sc.PointsDist(nps, Draw{Trials: 20, Rates: []float64{0.5, 0.3, 0.2}})
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for _, o := range small {
		total += o.P
	}
	if math.Abs(total-1) > 1e-9 {
		t.Errorf("20 responses: chances add up to %v", total)
	}
}

// TestPaceAbandons (issue 25): long odds call their Pace now and then, so
// that a page can draw between; an error from it abandons the work and is
// returned, at every stage: a draw, a month, a quarter.
func TestPaceAbandons(t *testing.T) {
	sc := oddsCard(t, smoothTwo)
	calls := 0
	counting := sc.WithPace(func() error { calls++; return nil })
	draw := Draw{Trials: 5000, Rates: []float64{0.5}}
	d0, err := counting.PointsDist(&sc.Metrics[0], draw)
	if err != nil {
		t.Fatal(err)
	}
	month, err := counting.MonthOddsOf([]Dist{d0, d0})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := counting.AverageQuarterOf(nil, month, 3); err != nil {
		t.Fatal(err)
	}
	// 5,000 tries keep about 530 outcomes (± 7.5 standard deviations of
	// 35): 530 × 256 steps of scoring each, over 2¹⁷ per call, is one
	// call; the quarter's three months of 2,048 sums, several more.
	if calls < 4 {
		t.Errorf("the pace was called %d times", calls)
	}
	t.Logf("the pace was called %d times", calls)
	if sc.pace != nil {
		t.Error("WithPace changed the scorecard it copied")
	}
	stop := errors.New("over budget")
	for _, after := range []int{0, 1, calls / 2, calls - 1} {
		n := 0
		stopping := sc.WithPace(func() error {
			if n++; n > after {
				return stop
			}
			return nil
		})
		d, err := stopping.PointsDist(&sc.Metrics[0], draw)
		if err == nil {
			if month, err = stopping.MonthOddsOf([]Dist{d, d}); err == nil {
				_, err = stopping.AverageQuarterOf(nil, month, 3)
			}
		}
		if !errors.Is(err, stop) {
			t.Errorf("stopped after %d calls: %v", after, err)
		}
	}
}

// TestNPSDrawByTerms: the NPS draw, which walks each row of (promoters,
// detractors) by the ratio of neighbouring terms, gives what summing every
// term's own exp gives: 300 responses at 50/30/20 and at 10/10/80, and 40
// with no passives at all.
func TestNPSDrawByTerms(t *testing.T) {
	sc, err := LoadPreset("tech-support")
	if err != nil {
		t.Fatal(err)
	}
	nps := sc.Metric("nps")
	for _, tc := range []struct {
		n     int
		rates []float64
	}{{300, []float64{0.5, 0.3, 0.2}}, {300, []float64{0.1, 0.1, 0.8}}, {40, []float64{0.6, 0, 0.4}}} {
		got, err := sc.PointsDist(nps, Draw{Trials: tc.n, Rates: tc.rates})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]float64{}
		lf := func(k int) float64 { v, _ := math.Lgamma(float64(k + 1)); return v }
		lp := func(p float64, k int) float64 {
			if k == 0 {
				return 0
			}
			return float64(k) * math.Log(p)
		}
		for a := 0; a <= tc.n; a++ {
			for b := 0; a+b <= tc.n; b++ {
				p := math.Exp(lf(tc.n) - lf(a) - lf(b) - lf(tc.n-a-b) + lp(tc.rates[0], a) + lp(tc.rates[2], b) + lp(tc.rates[1], tc.n-a-b))
				v := N(int64(100 * (a - b))).Div(N(int64(tc.n)))
				want[sc.PointsFor(nps, v).String()] += p
			}
		}
		for _, o := range got {
			if math.Abs(o.P-want[o.Points.String()]) > 1e-9 {
				t.Errorf("%d at %v: %s points %.12f, term by term %.12f", tc.n, tc.rates, o.Points, o.P, want[o.Points.String()])
			}
			delete(want, o.Points.String())
		}
		for pts, p := range want {
			if p > 1e-9 {
				t.Errorf("%d at %v: %s points (%.12f) missing", tc.n, tc.rates, pts, p)
			}
		}
	}
}
