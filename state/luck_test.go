package state

import (
	"slices"
	"testing"

	"passline/scoring"
)

// TestChancesShown (issue 25): up to ManyBands levels above the lowest,
// each is listed; past it, a run of levels whose chances read the same is
// one line: the highest of a run (the last at "100 %"), the lowest of a
// run at "0 %".
func TestChancesShown(t *testing.T) {
	few := []scoring.Chance{{AtLeast: 1}, {AtLeast: 1}, {AtLeast: 0.5}, {AtLeast: 0}}
	if got := ChancesShown(few); !slices.Equal(got, []int{1, 2, 3}) {
		t.Errorf("few: %v", got)
	}
	// 20 levels: 0-7 certain, 8 at 0.7, 9 and 10 at 0.3 (both "30 %"),
	// 11 at 0.004 ("below 1 %"), 12-19 impossible.
	var many []scoring.Chance
	for j := 0; j < 20; j++ {
		p := 0.0
		switch {
		case j <= 7:
			p = 1
		case j == 8:
			p = 0.7
		case j <= 10:
			p = 0.3
		case j == 11:
			p = 0.004
		}
		many = append(many, scoring.Chance{Points: scoring.N(int64(j)), AtLeast: p})
	}
	if got := ChancesShown(many); !slices.Equal(got, []int{7, 8, 10, 11, 12}) {
		t.Errorf("many: %v, want [7 8 10 11 12]", got)
	}
}
