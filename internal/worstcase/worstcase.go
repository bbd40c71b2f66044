// Package worstcase writes the costliest valid inputs Passline accepts,
// for benchmarks and tests (issue 25): the most metrics, the most bands,
// the most responses a month.
package worstcase

import (
	"fmt"
	"strings"

	"passline/scoring"
)

// OddsScorecard is a costliest valid scorecard for the odds: the most
// metrics (100), each drawn from counts of its own and with the most
// bands (100, 1 to 3 points), interpolated so that every count earns its
// own points. With nps, each is an NPS (bands from -99 to 99) and the
// quarter pools, drawing its three months to come at once; else each is a
// ratio (bands at each percent from 0 to 99) and the quarter averages
// exact scores.
func OddsScorecard(nps bool) string {
	var b strings.Builder
	quarter := `{"mode":"average","start_month":1,"average_of":"exact"}`
	if nps {
		quarter = `{"mode":"pooled","start_month":1}`
	}
	fmt.Fprintf(&b, `{"version":1,"name":"Worst odds","pass":2,"decimals":2,"quarter":%s,"metrics":[`, quarter)
	for i := 0; i < scoring.MaxMetrics; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		unit, source, from, step := "percent", fmt.Sprintf(`{"ratio":{"num":"s%d","den":"d%d"}}`, i, i), 0, 1
		if nps {
			unit, source, from, step = "number", fmt.Sprintf(`{"nps":{"promoters":"p%d","passives":"n%d","detractors":"d%d"}}`, i, i, i), -99, 2
		}
		fmt.Fprintf(&b, `{"id":"m%d","label":"M%d","unit":"%s","better":"higher","weight":1,"interpolate":true,"source":%s,"bands":[`, i, i, unit, source)
		for k := 0; k < scoring.MaxBands; k++ {
			if k > 0 {
				b.WriteString(",")
			}
			points := scoring.N(1).Add(scoring.Frac(int64(2*k), scoring.MaxBands-1)).Round(6)
			fmt.Fprintf(&b, `{"points":%s,"at":%d}`, points, from+step*k)
		}
		b.WriteString("]}")
	}
	b.WriteString("]}")
	return b.String()
}

// OddsData is a month of OddsScorecard's counts for one agent: the most
// responses a month (scoring.MaxMonthTrials) for every metric; a ratio's
// about half events, an NPS's half promoters, a fifth detractors.
func OddsData(nps bool) string {
	var header, row strings.Builder
	header.WriteString("month,agent")
	row.WriteString("2026-10,Jo")
	n := scoring.MaxMonthTrials
	for i := 0; i < scoring.MaxMetrics; i++ {
		if nps {
			fmt.Fprintf(&header, ",p%d,n%d,d%d", i, i, i)
			fmt.Fprintf(&row, ",%d,%d,%d", n/2, n*3/10, n/5)
			continue
		}
		fmt.Fprintf(&header, ",s%d,d%d", i, i)
		fmt.Fprintf(&row, ",%d,%d", n/2+i, n)
	}
	return header.String() + "\n" + row.String() + "\n"
}
