package csv

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"passline/internal/fuzzseed"
	"passline/scoring"
)

// Run one with: go test ./csv -run '^$' -fuzz FuzzReadData -fuzztime 1m

func preset(t testing.TB, id string) *scoring.Scorecard {
	t.Helper()
	sc, err := scoring.LoadPreset(id)
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

// FuzzReadData: reading any bytes never panics; every problem names a data
// row; whatever is read scores and writes a results file that reads back
// as CSV with one row per month and quarter.
func FuzzReadData(f *testing.F) {
	fuzzseed.Files(f, "../../shared/examples/*.csv", "../testdata/golden/*/*.csv", "../testdata/hostile/data/*.csv")
	f.Add([]byte(octoberCSV))
	f.Add([]byte("month;agent;ce\n10/2026;Jo;92,5\n"))
	f.Add([]byte("\xef\xbb\xbfmonth\tce\r\nOct 2026\t\"9\"\"2\"\r\n"))
	scorecards := []*scoring.Scorecard{}
	for _, p := range scoring.Presets() {
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
			d2, err2 := ReadData(strings.NewReader(scoring.DecodeText(data)), sc)
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
			if err := WriteResults(&out, sc, results); err != nil {
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

// FuzzReadDataChosen: any file with any chosen column and date order reads
// without a panic; a refusal of the choice is a usage error, never a
// silent other reading.
func FuzzReadDataChosen(f *testing.F) {
	f.Add([]byte("Date,Agent Name,calls\n01/10/2026,Jo,1,520\n"), "agent", "Agent Name", "dmy")
	f.Add([]byte("month,agent,CSAT %\n2026-10,Jo,92\n"), "ce", "csat %", "")
	f.Add([]byte("month;agent;calls\n02/10/2026;Jo;1.520\n"), "month", "month", "mdy")
	sc := preset(f, "care-and-sales")
	f.Fuzz(func(t *testing.T, data []byte, key, header, dates string) {
		opts := scoring.ReadOptions{Columns: map[string]string{key: header}, Dates: scoring.DateOrder(dates)}
		d, err := ReadDataWith(bytes.NewReader(data), sc, opts)
		if d == nil {
			t.Fatalf("no Data returned (err %v)", err)
		}
		if err == nil {
			for _, u := range d.Columns {
				if strings.EqualFold(scoring.ColumnKey(u.Header), scoring.ColumnKey(header)) && u.Key != key && scoring.ColumnKey(header) != "" {
					t.Fatalf("the header %q was chosen for %q but read as %q", header, key, u.Key)
				}
			}
		}
	})
}
