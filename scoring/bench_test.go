package scoring

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// Budgets (docs/PERFORMANCE.md): BenchmarkWhatIfTenMetrics 20 µs or less;
// BenchmarkReadAndScore/rows=10000 (package csv) 150 ms or less, memory in
// proportion to the input. Run: go test ./scoring ./csv -run '^$' -bench . -benchmem

func benchScorecard(b *testing.B) *Scorecard {
	raw, err := os.ReadFile("testdata/ten-metrics.json")
	if err != nil {
		b.Fatal(err)
	}
	sc, err := ParseScorecard(raw)
	if err != nil {
		b.Fatal(err)
	}
	return sc
}

// benchRow34 is package csv's benchRow(3, 4): a plausible month of agent 3.
const benchRow34 = "2025-05,Agent 003,460,18,20,11,6,5,310,9:15,64,162,3,5,0,1,0,91.3\n"

const benchHeader = "month,agent,calls,satisfied,surveys,promoters,passives,detractors,resolved,aht,hold,offers,sales,qa,late,absent,no_show,adherence\n"

func BenchmarkWhatIfTenMetrics(b *testing.B) {
	sc := benchScorecard(b)
	d := readText(b, sc, benchHeader+benchRow34)
	if len(d.Problems) > 0 {
		b.Fatalf("%v", d.Problems)
	}
	in := d.Agents[0].Months[0].Inputs
	b.ReportAllocs()
	for b.Loop() {
		w := sc.WhatIf(in)
		if len(w.Lines) != 10 {
			b.Fatal("lines")
		}
	}
}

// BenchmarkRefuseLongNumbers: a cell of 10,000 or 1,000,000 digits is
// refused in time linear in its length (it once took 32 s in the browser
// for a million digits, quadratic in big.Rat).
func BenchmarkRefuseLongNumbers(b *testing.B) {
	for _, n := range []int{10_000, 1_000_000} {
		cell := strings.Repeat("7", n)
		b.Run(fmt.Sprintf("digits=%d", n), func(b *testing.B) {
			for b.Loop() {
				var c CountCell
				if c.UnmarshalCSV(cell) == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}
