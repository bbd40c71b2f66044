package scoring

import (
	"errors"
	"testing"
)

// TestProblemPositions: each problem says where it is as numbers, for an
// editor to place it without reading the words (issue 12). The scorecard
// below breaks, in order: the pass mark (scorecard), metric 2's weight,
// and metric 2's band 3 points (4 is not on 1 to 3).
func TestProblemPositions(t *testing.T) {
	card := `{"version": 1, "name": "x", "pass": 9, "decimals": 1, "metrics": [
		{"id": "a", "label": "A", "unit": "number", "better": "higher", "weight": 100, "bands": [{"points": 2, "at": 1}]},
		{"id": "b", "label": "B", "unit": "number", "better": "higher", "weight": -5, "bands": [{"points": 2, "at": 1}, {"points": 3, "at": 2}, {"points": 4, "at": 3}]}]}`
	_, err := ParseScorecard([]byte(card))
	var serr *ScorecardError
	if !errors.As(err, &serr) {
		t.Fatalf("not refused: %v", err)
	}
	type where struct {
		metricN, bandN int
		key            string
	}
	got := map[where]bool{}
	for _, p := range serr.Problems {
		got[where{p.MetricN, p.BandN, p.Key}] = true
	}
	for _, w := range []where{{0, 0, "pass"}, {2, 0, "weight"}, {2, 3, "points"}} {
		if !got[w] {
			t.Errorf("no problem at metric %d, band %d, %q; got %+v", w.metricN, w.bandN, w.key, serr.Problems)
		}
	}
}
