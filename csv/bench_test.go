package csv

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"

	"passline/scoring"
)

// Budget (docs/PERFORMANCE.md): BenchmarkReadAndScore/rows=10000 150 ms or
// less, memory in proportion to the input. Run:
// go test ./csv -run '^$' -bench . -benchmem

func benchScorecard(b *testing.B) *scoring.Scorecard {
	raw, err := os.ReadFile("../scoring/testdata/ten-metrics.json")
	if err != nil {
		b.Fatal(err)
	}
	sc, err := scoring.ParseScorecard(raw)
	if err != nil {
		b.Fatal(err)
	}
	return sc
}

const benchHeader = "month,agent,calls,satisfied,surveys,promoters,passives,detractors,resolved,aht,hold,offers,sales,qa,late,absent,no_show,adherence\n"

// benchRow is a plausible row that varies with agent and month (as in
// package scoring's benchmarks).
func benchRow(agent, month int) string {
	k := (agent*7 + month*3) % 10
	return fmt.Sprintf("%d-%02d,Agent %03d,%d,%d,%d,%d,%d,%d,%d,%d:%02d,%d,%d,%d,%d,%d,%d,%d,%d.%d\n",
		2025+month/12, month%12+1, agent, 400+k*20, 15+k, 20, 8+k, 6, 6-k/2, 280+k*10, 8+k/3, k*5, 40+k*8, 150+k*4, 2+k/3, 2+k%4, k%3, k%2, 0, 88+k, k)
}

// benchRows makes a file of agents × 20 months.
func benchRows(agents int) []byte {
	var buf bytes.Buffer
	buf.WriteString(benchHeader)
	for a := 0; a < agents; a++ {
		for m := 0; m < 20; m++ {
			buf.WriteString(benchRow(a, m))
		}
	}
	return buf.Bytes()
}

// BenchmarkReadAndScore reads, scores and writes the results of 1,000 and
// 10,000 rows: time and memory should grow in proportion.
func BenchmarkReadAndScore(b *testing.B) {
	sc := benchScorecard(b)
	for _, agents := range []int{50, 500} {
		data := benchRows(agents)
		b.Run(fmt.Sprintf("rows=%d", agents*20), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d, err := ReadData(bytes.NewReader(data), sc)
				if err != nil || len(d.Problems) > 0 || len(d.Agents) != agents {
					b.Fatalf("%v %d problems", err, len(d.Problems))
				}
				if err := WriteResults(io.Discard, sc, sc.ScoreData(d)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
