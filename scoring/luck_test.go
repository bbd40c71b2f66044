package scoring

import (
	"math"
	"strings"
	"testing"
)

func chancesText(l Luck) []float64 {
	out := make([]float64, len(l.Chances))
	for i, c := range l.Chances {
		out[i] = c.AtLeast
	}
	return out
}

func TestSurveyLuck(t *testing.T) {
	care, _ := LoadPreset("care-and-sales")
	tech, _ := LoadPreset("tech-support")
	ce, nps := care.Metric("ce"), tech.Metric("nps")
	// binom is P(X ≥ k) for X ~ Bin(n, p), by plain products.
	binom := func(n, k int, p float64) float64 {
		var s float64
		for j := k; j <= n; j++ {
			c := 1.0
			for i := 0; i < j; i++ {
				c = c * float64(n-i) / float64(i+1)
			}
			s += c * math.Pow(p, float64(j)) * math.Pow(1-p, float64(n-j))
		}
		return s
	}
	for _, tc := range []struct {
		name   string
		sc     *Scorecard
		m      *Metric
		counts []Num
		n      int
		want   []float64 // at least each level, lowest first
	}{
		// CE 23 of 25 (92 %), 25 surveys: 2 points at 20 of 25 (80 %), 3 at 23 (92 % ≥ 90).
		{"october CE", care, ce, []Num{N(23), N(25)}, 25, []float64{1, binom(25, 20, 0.92), binom(25, 23, 0.92)}},
		// Half satisfied, 2 surveys: 1 of 2 is 50 %, exactly... below 80; 2 of 2 is 100 %.
		{"two surveys", care, ce, []Num{N(1), N(2)}, 2, []float64{1, 0.25, 0.25}},
		// 10 surveys: 9 of 10 is exactly 90 %, inclusive: 3 points.
		{"threshold inclusive", care, ce, []Num{N(9), N(10)}, 10, []float64{1, binom(10, 8, 0.9), binom(10, 9, 0.9)}},
		{"all satisfied", care, ce, []Num{N(5), N(5)}, 7, []float64{1, 1, 1}},
		// NPS: one promoter and one detractor, 2 responses next month:
		// PP 100 (¼), PD 0 (½), DD −100 (¼). 2 points at 0, 3 at 20 … 5 at 60.
		{"nps two", tech, nps, []Num{N(1), N(0), N(1)}, 2, []float64{1, 0.75, 0.25, 0.25, 0.25}},
		// Only passives: NPS stays 0 → 2 points, surely.
		{"nps passives", tech, nps, []Num{N(0), N(4), N(0)}, 30, []float64{1, 1, 0, 0, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l, err := tc.sc.SurveyLuck(tc.m, Input{Value: N(0), Counts: tc.counts}, tc.n)
			if err != nil {
				t.Fatal(err)
			}
			got := chancesText(l)
			if len(got) != len(tc.want) {
				t.Fatalf("chances %v, want %v", got, tc.want)
			}
			for i := range got {
				if math.Abs(got[i]-tc.want[i]) > 1e-9 {
					t.Errorf("at least %s points: %.12f, want %.12f", l.Chances[i].Points, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestSurveyLuckOneMore(t *testing.T) {
	care, _ := LoadPreset("care-and-sales")
	l, err := care.SurveyLuck(care.Metric("ce"), Input{Counts: []Num{N(23), N(25)}}, 25)
	if err != nil {
		t.Fatal(err)
	}
	// 24/26 and 23/26, as percent, exact.
	if !l.OneMore[0].Equal(Frac(1200, 13)) || !l.OneMore[1].Equal(Frac(1150, 13)) || !l.Responses.Equal(N(25)) {
		t.Errorf("one more: %v, responses %v", l.OneMore, l.Responses)
	}
	tech, _ := LoadPreset("tech-support")
	l, err = tech.SurveyLuck(tech.Metric("nps"), Input{Counts: []Num{N(5), N(2), N(1)}}, 8)
	if err != nil {
		t.Fatal(err)
	}
	// 8 responses, NPS 50: a promoter 100·5/9, a passive 100·4/9, a detractor 100·3/9.
	if !l.OneMore[0].Equal(Frac(500, 9)) || !l.OneMore[1].Equal(Frac(400, 9)) || !l.OneMore[2].Equal(Frac(300, 9)) {
		t.Errorf("nps one more: %v", l.OneMore)
	}
	var sum float64
	for _, r := range l.Rates {
		sum += r
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("rates %v", l.Rates)
	}
}

func TestSurveyLuckRefuses(t *testing.T) {
	care, _ := LoadPreset("care-and-sales")
	for _, tc := range []struct {
		metric string
		in     Input
		n      int
		want   string
	}{
		{"aht", Input{Value: N(455)}, 10, "not counted in responses"},
		{"ce", Input{Value: N(92)}, 10, "has no counts"},
		{"ce", Input{Counts: []Num{N(23), N(25)}}, 0, "between 1 and 5000"},
		{"ce", Input{Counts: []Num{N(23), N(25)}}, 5001, "between 1 and 5000"},
		{"ce", Input{Counts: []Num{N(0), N(0)}}, 10, "not a whole share"},
		{"ce", Input{Counts: []Num{N(26), N(25)}}, 10, "not a whole share"},
		{"ce", Input{Counts: []Num{Frac(1, 2), N(25)}}, 10, "not a whole share"},
	} {
		_, err := care.SurveyLuck(care.Metric(tc.metric), tc.in, tc.n)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %v n=%d: %v, want %q", tc.metric, tc.in.Counts, tc.n, err, tc.want)
		}
	}
}

func TestTakeOut(t *testing.T) {
	care, _ := LoadPreset("care-and-sales")
	tech, _ := LoadPreset("tech-support")
	ce, att, nps := care.Metric("ce"), care.Metric("attendance"), tech.Metric("nps")
	october := Input{Value: N(92), Counts: []Num{N(23), N(25)}}
	for _, tc := range []struct {
		name    string
		sc      *Scorecard
		m       *Metric
		in      Input
		removed []Num
		want    Num
		missing bool
		err     string
	}{
		{"a dissatisfied survey", care, ce, october, []Num{N(0), N(1)}, Frac(2300, 24), false, ""},
		{"a satisfied survey", care, ce, october, []Num{N(1), N(1)}, Frac(2200, 24), false, ""},
		{"nothing", care, ce, october, []Num{N(0), N(0)}, N(92), false, ""},
		{"every survey", care, ce, october, []Num{N(23), N(25)}, Num{}, true, ""},
		{"a late", care, att, Input{Value: MustNum("2.5"), Counts: []Num{N(1), N(0)}}, []Num{N(1), N(0)}, N(3), false, ""},
		{"a detractor", tech, nps, Input{Value: N(50), Counts: []Num{N(5), N(2), N(1)}}, []Num{N(0), N(0), N(1)}, Frac(500, 7), false, ""},
		{"too many", care, ce, october, []Num{N(0), N(26)}, Num{}, false, "the month has 25 surveys, so 26 cannot be taken out"},
		{"more satisfied than surveys", care, ce, october, []Num{N(0), N(3)}, Num{}, false, "take it out of both"},
		{"negative", care, ce, october, []Num{N(-1), N(0)}, Num{}, false, "0 or more"},
		{"a fraction", care, ce, october, []Num{Frac(1, 2), N(0)}, Num{}, false, "whole number"},
		{"no counts", care, ce, Input{Value: N(92)}, []Num{N(0), N(1)}, Num{}, false, "no counts"},
		{"not counted", care, care.Metric("aht"), Input{Value: N(455)}, []Num{N(1)}, Num{}, false, "not counted"},
		{"wrong length", care, ce, october, []Num{N(1)}, Num{}, false, "each of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.sc.TakeOut(tc.m, tc.in, tc.removed)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Missing != tc.missing || (!tc.missing && !got.Value.Equal(tc.want)) {
				t.Errorf("got %v (missing %v), want %v (missing %v)", got.Value, got.Missing, tc.want, tc.missing)
			}
		})
	}
}

func TestScoreWithAndPassMapWith(t *testing.T) {
	care, _ := LoadPreset("care-and-sales")
	// October: offer 1, conversion 1, CE 3, AHT 2, attendance 2.5 → 2.05 → 2.1.
	points := []Num{N(1), N(1), N(3), N(2), MustNum("2.5")}
	if got := care.ScoreWith(points); !got.Equal(MustNum("2.1")) {
		t.Errorf("score %v, want 2.1", got)
	}
	pm, err := care.PassMapWith(points, "ce", "offer_rate")
	if err != nil {
		t.Fatal(err)
	}
	// CE at 1 fails whatever the offer rate (at most 0.4+0.2+0.2+0.2+0.25 = 1.25 +0.4 = 1.65);
	// CE at 2 passes with offer rate 2 (0.8+0.4+0.2+0.2+0.25 = 1.85 → 1.9 fails; 3: 2.05 → 2.1).
	want := [][]bool{{false, false, false}, {false, false, true}, {true, true, true}}
	for i := range want {
		for j := range want[i] {
			if pm.Pass[i][j] != want[i][j] {
				t.Errorf("CE %v, offer %v: pass %v, want %v", pm.ALevels[i], pm.BLevels[j], pm.Pass[i][j], want[i][j])
			}
		}
	}
	if _, err := care.PassMapWith(points[:2], "ce", "aht"); err == nil {
		t.Error("short points taken")
	}
}
