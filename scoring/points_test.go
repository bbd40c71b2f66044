package scoring

import "testing"

// Points given directly (issue 13): an agent who knows her points, not her
// numbers. Worked by hand on Care and sales (weights: CE 40, AHT 10, offer
// rate 20, conversion 20, attendance 10; pass 2.0 at one decimal).
func TestPointsGiven(t *testing.T) {
	sc, err := LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	given := func(points map[string]string) []Input {
		in := make([]Input, len(sc.Metrics))
		for id, p := range points {
			in[sc.Index(id)] = Input{Value: MustNum(p), Points: true}
		}
		return in
	}
	october := map[string]string{"offer_rate": "1", "conversion": "1", "ce": "3", "aht": "2", "attendance": "2.5"}

	// 0.2 + 0.2 + 1.2 + 0.2 + 0.25 = 2.05, rounded half up: 2.1, a pass.
	w := sc.WhatIf(given(october))
	if w.Month.Exact.String() != "2.05" || w.Month.Score.String() != "2.1" || !w.Month.Pass {
		t.Errorf("October by points: %v → %v, pass %v; want 2.05 → 2.1, pass", w.Month.Exact, w.Month.Score, w.Month.Pass)
	}
	// CE's line, in points: the others give 0.85, so CE must give 1.95 −
	// 0.85 = 1.1, which is 1.1 / 0.4 = 2.75 points.
	ce := w.Lines[sc.Index("ce")]
	if ce.Kind != LineAt || ce.Value.String() != "2.75" || ce.Points.String() != "2.75" {
		t.Errorf("CE's line by points: %v %v (%v points), want at 2.75", ce.Kind, ce.Value, ce.Points)
	}
	// Attendance given in points has no incidents to count.
	if att := w.Lines[sc.Index("attendance")]; att.Incidents != nil {
		t.Errorf("attendance given in points counts incidents: %v", att.Incidents)
	}
	// Points outside the scale are held to it, as for a points metric.
	high := given(october)
	high[sc.Index("ce")].Value = N(7)
	if p := sc.ScoreMonth(0, high).Metrics[sc.Index("ce")].Points; p.String() != "3" {
		t.Errorf("7 points on a 1-3 scale: %v", p)
	}
	// One metric in points beside values: CE 3 points in place of 92 %
	// gives the same month.
	mixed := given(map[string]string{"ce": "3"})
	mixed[sc.Index("offer_rate")] = Input{Value: MustNum("11.5384")}
	mixed[sc.Index("conversion")] = Input{Value: N(0)}
	mixed[sc.Index("aht")] = Input{Value: N(455)}
	mixed[sc.Index("attendance")] = Input{Value: MustNum("2.5")}
	if s := sc.ScoreMonth(0, mixed).Score.String(); s != "2.1" {
		t.Errorf("CE in points among values: %s, want 2.1", s)
	}
}

// TestPoolPointsGiven: a pooled quarter with a month given in points takes
// the mean of the monthly points: CE 3 points given, and 80 % (2 points):
// (3 + 2) / 2 = 2.5 points.
func TestPoolPointsGiven(t *testing.T) {
	sc, err := LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	ce := sc.Metric("ce")
	in, meanOnly := sc.PoolInputs(ce, []Input{{Value: N(3), Points: true}, {Value: N(80), Counts: []Num{N(20), N(25)}}})
	if !in.Points || in.Value.String() != "2.5" || meanOnly {
		t.Errorf("pooled %+v (mean only %v), want 2.5 points", in, meanOnly)
	}
}

// TestLastMonthLines: SPEC's story, December the one month still to come,
// needing 2.1 (3 × 1.95 − 2.05 − 1.7). December as November (CE 85 %: 2
// points, AHT 455 s: 2, offer rate 10 %: 1, conversion 0: 1, attendance
// 3): 0.8 + 0.2 + 0.2 + 0.2 + 0.3 = 1.7. CE must give 2.1 − 0.9 = 1.2,
// 3 points, so reach 90 %; AHT would need (2.1 − 1.5) / 0.1 = 6 points:
// out of reach.
func TestLastMonthLines(t *testing.T) {
	sc, err := LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	in := make([]Input, len(sc.Metrics))
	for id, v := range map[string]string{"ce": "85", "aht": "455", "offer_rate": "10", "conversion": "0", "attendance": "3"} {
		in[sc.Index(id)] = Input{Value: MustNum(v)}
	}
	need := &Need{Kind: Reachable, Exact: MustNum("2.1"), Remaining: 1}
	lines := sc.LastMonthLines(in, need)
	if ce := lines[sc.Index("ce")]; ce.Kind != LineAt || ce.Value.String() != "90" {
		t.Errorf("CE for the quarter: %v %v, want at 90", ce.Kind, ce.Value)
	}
	if aht := lines[sc.Index("aht")]; aht.Kind != CannotPass {
		t.Errorf("AHT for the quarter: %v, want cannot pass", aht.Kind)
	}
	if sc.LastMonthLines(in, &Need{Kind: Reachable, Exact: N(2), Remaining: 2}) != nil {
		t.Error("lines for a month when two are still to come")
	}
}
