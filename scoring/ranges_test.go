package scoring

import "testing"

// TestValueRange: the what-if ranges of docs/SCORING.md, one per kind of
// metric, checked at and just past each end.
func TestValueRange(t *testing.T) {
	sc := &Scorecard{Scale: Scale{1, 5}}
	for _, tc := range []struct {
		name   string
		m      Metric
		lo, hi string
	}{
		{"points", Metric{Unit: Points}, "1", "5"},
		{"nps source", Metric{Unit: Number, Source: Source{Kind: FromNPS}}, "-100", "100"},
		{"percent", Metric{Unit: Percent, Bands: []Band{{At: N(80)}}}, "0", "1000"},
		{"nps as a percent column", Metric{Unit: Percent, Bands: []Band{{At: N(-10)}, {At: N(30)}}}, "-100", "1000"},
		{"seconds", Metric{Unit: Seconds}, "0", "86400"},
		{"number", Metric{Unit: Number}, "-1000000", "1000000"},
	} {
		lo, hi := sc.ValueRange(&tc.m)
		if lo.String() != tc.lo || hi.String() != tc.hi {
			t.Errorf("%s: %s to %s, want %s to %s", tc.name, lo, hi, tc.lo, tc.hi)
		}
		step := Frac(1, 100)
		for _, v := range []struct {
			x  Num
			ok bool
		}{{MustNum(tc.lo), true}, {MustNum(tc.hi), true}, {MustNum(tc.lo).Sub(step), false}, {MustNum(tc.hi).Add(step), false}} {
			if err := sc.CheckValue(&tc.m, v.x); (err == nil) != v.ok {
				t.Errorf("%s: CheckValue(%s) = %v", tc.name, v.x, err)
			}
		}
	}
	for _, tc := range []struct {
		v  string
		ok bool
	}{{"0", true}, {"3", true}, {"100000", true}, {"100001", false}, {"-1", false}, {"0.5", false}} {
		if err := CheckCount(MustNum(tc.v)); (err == nil) != tc.ok {
			t.Errorf("CheckCount(%s) = %v", tc.v, err)
		}
	}
}
