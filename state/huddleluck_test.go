package state

import (
	"math"
	"testing"
)

// Huddle on Care and sales, scenarios as nobody changed them: A strong on
// sales (offer rate 3, conversion 3) and weak on CE (1), B the other way
// round; AHT and attendance at their middle (2). A scores 0.6 + 0.6 + 0.4
// + 0.2 + 0.2 = 2.0, B 0.2 + 0.2 + 1.2 + 0.2 + 0.2 = 2.0: both pass on
// paper. CE left to luck at 92 % of 25 surveys: A passes whatever CE
// brings (at least 1 point: 2.0); B passes only with CE at 3 (23 of 25 or
// more: 0.677), CE 2 giving 1.6.
func TestHuddleLuck(t *testing.T) {
	m := Model{Schema: Schema, Preset: DefaultPreset, Screen: ScreenHuddle}
	p, err := Prepare(m)
	if err != nil {
		t.Fatal(err)
	}
	v, err := p.Score(m)
	if err != nil {
		t.Fatal(err)
	}
	l := v.Huddle.Luck
	if l.Err != nil || p.Scorecard.Metrics[l.Metric].ID != "ce" || !l.Rate.Equal(*num("92")) || l.N != 25 {
		t.Fatalf("luck %+v: want CE at 92 %% of 25", l)
	}
	if l.Odds[0] != 1 || math.Abs(l.Odds[1]-binomAtLeast(25, 23, 0.92)) > 1e-9 {
		t.Errorf("odds %v, want 1 and %v", l.Odds, binomAtLeast(25, 23, 0.92))
	}
	// 20 surveys at 95 %: B needs 18 of 20 (90 %).
	m = updated(t, m, SetHuddle{Key: "luck.rate", Value: "95 %"}, SetHuddle{Key: "luck.n", Value: "20"})
	v, _ = p.Score(m)
	if got := v.Huddle.Luck.Odds[1]; math.Abs(got-binomAtLeast(20, 18, 0.95)) > 1e-9 {
		t.Errorf("20 surveys at 95 %%: %v, want %v", got, binomAtLeast(20, 18, 0.95))
	}
	for _, bad := range []SetHuddle{{Key: "luck.rate", Value: "101"}, {Key: "luck.rate", Value: "abc"}, {Key: "luck.n", Value: "0"}} {
		if _, _, err := Update(m, bad); err == nil {
			t.Errorf("%+v was taken", bad)
		}
	}
}
