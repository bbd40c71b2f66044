package scoring

import (
	"strings"
	"testing"
)

const octoberCSV = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"

// readText reads simple comma-separated test data (no quotes, one row a
// line) through a DataReader, as the CSV adapter hands a file's cells
// over: the engine's own tests need no CSV reader. Reading real files is
// tested in package csv.
func readText(t testing.TB, sc *Scorecard, text string) *Data {
	t.Helper()
	lines := strings.Split(text, "\n")
	split := func(line string) []string {
		cells := strings.Split(line, ",")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		return cells
	}
	header := split(lines[0])
	dr, err := NewDataReader(sc, header, ',', ReadOptions{})
	if err != nil {
		t.Fatalf("NewDataReader: %v", err)
	}
	keys := dr.Keys()
	rows := 0
	for n, line := range lines[1:] {
		if strings.TrimSpace(line) == "" {
			continue
		}
		rows++
		row := Row{Line: n + 2, Cells: split(line)}
		for i, key := range keys {
			cell := ""
			if i < len(row.Cells) {
				cell = row.Cells[i]
			}
			switch {
			case strings.HasPrefix(key, "month:"):
				row.MonthText = cell
			case strings.HasPrefix(key, "agent:"):
				row.Agent = cell
				if err := CheckAgentName(cell); err != nil {
					row.Faults = append(row.Faults, CellFault{Col: i, Text: cell, Err: err})
				}
			}
		}
		dr.Add(&row)
	}
	d, err := dr.Done(rows)
	if err != nil {
		t.Fatalf("reading the rows: %v", err)
	}
	return d
}

// monthScores prints "agent month score status" for every agent-month.
func monthScores(sc *Scorecard, d *Data) string {
	var out []string
	for _, a := range sc.ScoreData(d) {
		for _, m := range a.Months {
			s := a.Name + " " + m.Month.String() + " " + string(m.Status)
			if m.Status != Incomplete {
				s += " " + m.Score.Fixed(sc.Decimals)
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, "; ")
}
