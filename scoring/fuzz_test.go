package scoring

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Run one with: go test ./scoring -run '^$' -fuzz FuzzReadData -fuzztime 1m

func seedFiles(f *testing.F, patterns ...string) {
	for _, pat := range patterns {
		files, _ := filepath.Glob(pat)
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
}

// FuzzReadScorecard: reading never panics; whatever is accepted validates,
// writes and reads back the same, and the engine runs on it without panic.
func FuzzReadScorecard(f *testing.F) {
	for _, p := range Presets() {
		f.Add(p.File)
	}
	seedFiles(f, "../../shared/examples/*.json", "../testdata/golden/*/*.json", "../testdata/hostile/scorecards/*.json")
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
		res := sc.ScoreAgent(AgentData{Name: "x", Months: []MonthData{md}})
		if err := sc.WriteResults(&bytes.Buffer{}, []AgentResult{res}); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzReadData: reading any bytes never panics; every problem names a data
// row; whatever is read scores and writes a results file that reads back
// as CSV with one row per month and quarter.
func FuzzReadData(f *testing.F) {
	seedFiles(f, "../../shared/examples/*.csv", "../testdata/golden/*/*.csv", "../testdata/hostile/data/*.csv")
	f.Add([]byte(octoberCSV))
	f.Add([]byte("month;agent;ce\n10/2026;Jo;92,5\n"))
	f.Add([]byte("\xef\xbb\xbfmonth\tce\r\nOct 2026\t\"9\"\"2\"\r\n"))
	scorecards := []*Scorecard{}
	for _, p := range Presets() {
		sc := preset(f, p.ID)
		scorecards = append(scorecards, sc)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, sc := range scorecards {
			d, err := ReadData(bytes.NewReader(data), sc)
			if d == nil {
				t.Fatalf("no Data returned (err %v)", err)
			}
			// The app decodes a file's bytes first (DecodeText), the command
			// line reads them as they are: both must read the same.
			d2, err2 := ReadData(strings.NewReader(DecodeText(data)), sc)
			if fmt.Sprint(err) != fmt.Sprint(err2) || len(d.Agents) != len(d2.Agents) || len(d.Problems) != len(d2.Problems) {
				t.Fatalf("read as bytes: %v, %d agents, %d problems; decoded first: %v, %d agents, %d problems",
					err, len(d.Agents), len(d.Problems), err2, len(d2.Agents), len(d2.Problems))
			}
			for _, p := range d.Problems {
				if p.Row < 2 {
					t.Fatalf("a problem without a data row: %+v", p)
				}
			}
			if err != nil {
				continue
			}
			results := sc.ScoreData(d)
			var out bytes.Buffer
			if err := sc.WriteResults(&out, results); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(&out).ReadAll()
			if err != nil {
				t.Fatalf("results do not read back: %v", err)
			}
			want := 1
			for _, a := range results {
				want += len(a.Months) + len(a.Quarters)
			}
			if len(rows) != want {
				t.Fatalf("results have %d rows, want %d", len(rows), want)
			}
		}
	})
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
