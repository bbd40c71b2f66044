package csv

import (
	"encoding/csv"
	"io"
	"strings"

	"passline/scoring"
)

// WriteResults writes the results file of SPEC section 7: UTF-8 without a
// byte-order mark, LF line endings, RFC 4180 quoting, and a leading ' on
// every cell that a spreadsheet would run as a formula.
func WriteResults(w io.Writer, sc *scoring.Scorecard, results []scoring.AgentResult) error {
	rw, err := NewResultsWriter(w, sc)
	if err != nil {
		return err
	}
	for _, a := range results {
		if err := rw.Write(a); err != nil {
			return err
		}
	}
	return rw.Flush()
}

// ResultsWriter writes the results file an agent at a time, so that a
// big file's results never stand in memory all at once (issue 25: 200,000
// rows over 16,667 agents peaked at 60 times the file).
type ResultsWriter struct {
	cw *csv.Writer
	sc *scoring.Scorecard
}

// NewResultsWriter writes the header row and returns the writer.
func NewResultsWriter(w io.Writer, sc *scoring.Scorecard) (*ResultsWriter, error) {
	cw := csv.NewWriter(w)
	header := []string{"agent", "period", "kind", "score", "pass", "status", "need"}
	for _, m := range sc.Metrics {
		header = append(header, m.ID+"_value", m.ID+"_points")
	}
	return &ResultsWriter{cw: cw, sc: sc}, cw.Write(header)
}

// Write writes one agent's months, then its quarters.
func (rw *ResultsWriter) Write(a scoring.AgentResult) error {
	sc, cw := rw.sc, rw.cw
	for _, mr := range a.Months {
		row := []string{a.Name, mr.Month.String(), "month", "", "", string(mr.Status), ""}
		if mr.Status != scoring.Incomplete {
			row[3], row[4] = mr.Score.Fixed(sc.Decimals), boolText(mr.Pass)
		}
		if err := cw.Write(safeRow(append(row, metricCells(mr.Metrics)...))); err != nil {
			return err
		}
	}
	for _, q := range a.Quarters {
		row := []string{a.Name, q.Label, "quarter", "", "", string(q.Status), ""}
		if q.HasScore {
			row[3] = q.Score.Fixed(sc.Decimals)
		}
		if q.Status != scoring.InProgress {
			row[4] = boolText(q.Pass)
		}
		if q.Need != nil {
			row[6] = q.Need.Text(sc.Decimals)
		}
		cells := metricCells(q.Metrics)
		if cells == nil {
			cells = make([]string, 2*len(sc.Metrics))
		}
		if err := cw.Write(safeRow(append(row, cells...))); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes what is buffered and says whether every write went through.
func (rw *ResultsWriter) Flush() error {
	rw.cw.Flush()
	return rw.cw.Error()
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func metricCells(ms []scoring.MetricScore) []string {
	if ms == nil {
		return nil
	}
	out := make([]string, 0, 2*len(ms))
	for _, m := range ms {
		if m.Missing {
			out = append(out, "", "")
			continue
		}
		out = append(out, m.Value.Short(4), m.Points.Short(4))
	}
	return out
}

// safeRow applies the formula-injection rule to every cell.
func safeRow(row []string) []string {
	for i, c := range row {
		row[i] = SafeCell(c)
	}
	return row
}

// SafeCell puts a ' before a cell that starts with =, +, -, @, a tab or a
// carriage return and is not a number, so that no spreadsheet runs it.
func SafeCell(c string) string {
	if c == "" || !strings.ContainsAny(c[:1], "=+-@\t\r") || scoring.IsPlainDecimal(c) {
		return c
	}
	return "'" + c
}
