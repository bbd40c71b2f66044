package scoring

import (
	"bytes"
	"testing"

	"passline/internal/fuzzseed"
)

// Run one with: go test ./scoring -run '^$' -fuzz FuzzReadScorecard -fuzztime 1m

// FuzzReadScorecard: reading never panics; whatever is accepted validates,
// writes and reads back the same, and the engine runs on it without panic.
func FuzzReadScorecard(f *testing.F) {
	for _, p := range Presets() {
		f.Add(p.File)
	}
	fuzzseed.Files(f, "../../shared/examples/*.json", "../testdata/golden/*/*.json", "../testdata/hostile/scorecards/*.json")
	f.Add([]byte(`{"version":1,"pass":2,"decimals":1,"metrics":[{"id":"a","label":"A","unit":"points","weight":100,"gate":2}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, err := ParseScorecard(data)
		if err != nil {
			if sc != nil {
				t.Fatal("a refused scorecard was returned")
			}
			return
		}
		if err := sc.Validate(); err != nil {
			t.Fatalf("accepted but does not validate: %v", err)
		}
		var first, second bytes.Buffer
		if err := WriteScorecard(&first, sc); err != nil {
			t.Fatal(err)
		}
		again, err := ParseScorecard(first.Bytes())
		if err != nil {
			t.Fatalf("written scorecard refused: %v\n%s", err, first.String())
		}
		WriteScorecard(&second, again)
		if first.String() != second.String() {
			t.Fatalf("round trip changed it:\n%s\n%s", first.String(), second.String())
		}
		exerciseEngine(t, sc)
	})
}

// exerciseEngine runs every engine entry point on a few scenarios.
func exerciseEngine(t *testing.T, sc *Scorecard) {
	for seed := 0; seed < 3; seed++ {
		in := scenario(sc, seed)
		sc.WhatIf(in)
		if len(sc.Metrics) > 1 {
			if _, err := sc.PassMap(in, sc.Metrics[0].ID, sc.Metrics[1].ID); err != nil {
				t.Fatalf("pass map: %v", err)
			}
		}
		for i := range sc.Metrics {
			m := &sc.Metrics[i]
			sc.Levels(m)
			counts := Input{Value: in[i].Value, Counts: []Num{N(3), N(1), N(2)}}
			sc.CountNeedFor(m, counts, in[i].Value)
			sc.OutOfNext(m, counts, in[i].Value, 10)
			sc.DetractorOffset(m, counts)
			sc.InputAt(m, counts, in[i].Value)
			if m.Source.Kind == FromDeduct {
				zeros := make([]Num, len(m.Source.Penalties))
				sc.DeductPoints(m, zeros)
			}
		}
		sc.PassingCombinations(nil)
		if _, err := sc.PooledNeeds(PooledQuarter{Counted: [][]Input{in}, Remaining: 2, WhatIf: in}); err != nil {
			t.Fatalf("pooled needs: %v", err)
		}
		md := MonthData{Month: MonthOf(2026, 1+seed), Inputs: in}
		sc.ScoreAgent(AgentData{Name: "x", Months: []MonthData{md}}) // the results file is written in package csv's tests
	}
}

// FuzzCells: every cell parser on any text: no panic, and what it accepts
// is consistent (durations and counts never negative, months print back).
func FuzzCells(f *testing.F) {
	for _, s := range []string{"455", "7:35", "0:07:35", "7m35s", "92%", "-12.5", "2026-10", "Oct 2026", "10/2026", "1,5", "", "1e3", "2026-02-29"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var d DurationCell
		if err := d.UnmarshalCSV(s); err == nil && !d.Blank && d.Value.Sign() < 0 {
			t.Fatalf("negative duration %s from %q", d.Value, s)
		}
		var c CountCell
		if err := c.UnmarshalCSV(s); err == nil && !c.Blank && (c.Value.Sign() < 0 || !c.Value.IsInt()) {
			t.Fatalf("bad count %s from %q", c.Value, s)
		}
		var a AmountCell
		if err := a.UnmarshalCSV(s); err == nil && !a.Blank && a.Value.Sign() < 0 {
			t.Fatalf("negative amount %s from %q", a.Value, s)
		}
		var p PercentCell
		_ = p.UnmarshalCSV(s)
		var n NumberCell
		if err := n.UnmarshalCSV(s); err == nil && !n.Blank {
			if back, err := ParseNum(n.Value.String()); err != nil || !back.Equal(n.Value) {
				t.Fatalf("number %q does not print back: %s", s, n.Value)
			}
		}
		var m Month
		if err := m.UnmarshalCSV(s); err == nil {
			var again Month
			if err := again.UnmarshalCSV(m.String()); err != nil || again != m {
				t.Fatalf("month %q prints as %s, which reads as %s (%v)", s, m, again, err)
			}
		}
		if x, err := ParseNum(s); err == nil {
			x.Round(2)
			x.Ceil(3)
			x.Short(4)
		}
	})
}
