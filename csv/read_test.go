package csv

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"

	"passline/scoring"
)

// The cell types read cells as gocsv reads them (it never writes them).
var (
	_ gocsv.TypeUnmarshaller = (*scoring.Month)(nil)
	_ gocsv.TypeUnmarshaller = (*scoring.CountCell)(nil)
	_ gocsv.TypeUnmarshaller = (*scoring.AmountCell)(nil)
	_ gocsv.TypeUnmarshaller = (*scoring.PercentCell)(nil)
	_ gocsv.TypeUnmarshaller = (*scoring.DurationCell)(nil)
	_ gocsv.TypeUnmarshaller = (*scoring.NumberCell)(nil)
)

// loadSpecScorecard is SPEC's example scorecard, from shared/ beside the
// checkout or, without it, the preset that ships the same file.
func loadSpecScorecard(t testing.TB) *scoring.Scorecard {
	t.Helper()
	if b, err := os.ReadFile("../../shared/examples/care-and-sales.json"); err == nil {
		sc, err := scoring.ParseScorecard(b)
		if err != nil {
			t.Fatal(err)
		}
		return sc
	}
	sc, err := scoring.LoadPreset("care-and-sales")
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func readText(t *testing.T, sc *scoring.Scorecard, text string) *scoring.Data {
	t.Helper()
	d, err := ReadData(strings.NewReader(text), sc)
	if err != nil {
		t.Fatalf("ReadData: %v", err)
	}
	return d
}

// monthScores prints "agent month score status" for every agent-month.
func monthScores(sc *scoring.Scorecard, d *scoring.Data) string {
	var out []string
	for _, a := range sc.ScoreData(d) {
		for _, m := range a.Months {
			s := a.Name + " " + m.Month.String() + " " + string(m.Status)
			if m.Status != scoring.Incomplete {
				s += " " + m.Score.Fixed(sc.Decimals)
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, "; ")
}

func problems(d *scoring.Data) string {
	var out []string
	for _, p := range d.Problems {
		out = append(out, p.String())
	}
	return strings.Join(out, "\n")
}

const octoberCSV = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n"

func TestReadDataFormats(t *testing.T) {
	sc := loadSpecScorecard(t)
	tests := []struct {
		name, text, want string
	}{
		{"SPEC October", octoberCSV, "Jo 2026-10 complete 2.1"},
		{"pasted from a spreadsheet: tabs, BOM, CRLF", "\xef\xbb\xbfMonth\tAgent\tCalls\tOffers\tSales\tSurveys\tSatisfied\tAHT\tLate\tAbsent\r\nOct 2026\tJo\t520\t60\t0\t25\t23\t455\t1\t0\r\n", "Jo 2026-10 complete 2.1"},
		{"semicolons with a decimal comma", "month;agent;calls;offers;sales;surveys;satisfied;aht;late;absent\n10/2026;Jo;520;60;0;25;23;455,0;1;0\n", "Jo 2026-10 complete 2.1"},
		{"quoted cells", "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n\"2026-10\",\"Jo, senior\",\"520\",60,0,25,23,\"7:35\",1,0\n", "Jo, senior 2026-10 complete 2.1"},
		{"no agent column: Me", "month,calls,offers,sales,surveys,satisfied,aht,late,absent\nOctober 2026,520,60,0,25,23,7m35s,1,0\n", "Me 2026-10 complete 2.1"},
		{"direct values by id and by label", "Month,Offer-Rate,Sales conversion,CE,Average handle time,attendance\n2026-10,11.5,0%,92%,455,2.5\n", "Me 2026-10 complete 2.1"},
		{"daily rows combined into the month", "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10-01,Jo,260,30,0,12,11,450,1,0\n2026-10-02,Jo,260,30,0,13,12,460,0,0\n", "Jo 2026-10 complete 2.1"},
		{"months sorted, agents in order of appearance", "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-11,Bo,500,50,0,20,17,455,0,0\n2026-10,Jo,520,60,0,25,23,455,1,0\n2026-10,Bo,520,60,0,25,23,455,1,0\n",
			"Bo 2026-10 complete 2.1; Bo 2026-11 complete 1.7; Jo 2026-10 complete 2.1"},
		{"blank lines and blank rows skipped", "\nmonth,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n\n,,,,,,,,,\n2026-10,Jo,520,60,0,25,23,7:35,1,0\n\n", "Jo 2026-10 complete 2.1"},
		{"blank value: incomplete", "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,,1,0\n", "Jo 2026-10 incomplete"},
		{"zero denominator: incomplete", "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,0,0,455,1,0\n", "Jo 2026-10 incomplete"},
		{"short row padded: incomplete", "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo,520,60,0,25,23,455\n", "Jo 2026-10 incomplete"},
		{"Windows-1252 name", "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Zo\xeb,520,60,0,25,23,455,1,0\n", "Zoë 2026-10 complete 2.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readText(t, sc, tt.text)
			if d.Problems != nil {
				t.Errorf("unexpected problems:\n%s", problems(d))
			}
			if got := monthScores(sc, d); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestReadDataColumns(t *testing.T) {
	sc := loadSpecScorecard(t)
	// Both the source columns and a CE column: the source wins; the id
	// column beats the label column; the second "Calls" is ignored.
	d := readText(t, sc, "month,Customer experience,ce,calls,Calls,offers,sales,surveys,satisfied,aht,late,absent,notes\n2026-10,10,20,520,1,60,0,25,23,455,1,0,hi\n")
	if got := strings.Join(d.Ignored, "|"); got != "Customer experience|ce|Calls|notes" {
		t.Errorf("ignored = %s", got)
	}
	if got := monthScores(sc, d); got != "Me 2026-10 complete 2.1" {
		t.Errorf("got %s", got)
	}
	for i, mode := range d.Inputs {
		if mode != scoring.SourceInput {
			t.Errorf("metric %s: mode %v, want the source", sc.Metrics[i].ID, mode)
		}
	}
	// No survey columns: CE comes from its id column, not its label column.
	d = readText(t, sc, "month,Customer experience,ce,calls,offers,sales,aht,late,absent\n2026-10,70,92,520,60,0,455,1,0\n")
	if got := monthScores(sc, d); got != "Me 2026-10 complete 2.1" {
		t.Errorf("the id column must win: got %s", got)
	}
	if d.Inputs[2] != scoring.DirectInput {
		t.Errorf("ce mode = %v", d.Inputs[2])
	}
	// Nothing for CE at all.
	d = readText(t, sc, "month,calls,offers,sales,aht,late,absent\n2026-10,520,60,0,455,1,0\n")
	if got := strings.Join(d.MissingMetrics(sc), ","); got != "ce" {
		t.Errorf("missing = %s", got)
	}
	if got := monthScores(sc, d); got != "Me 2026-10 incomplete" {
		t.Errorf("got %s", got)
	}
}

func TestReadDataProblems(t *testing.T) {
	sc := loadSpecScorecard(t)
	text := "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n" +
		"2026-10,Jo,520,60,0,25,23,7:35,1,0\n" + // row 2: good
		"2026-13,Bo,520,60,0,25,23,7:75,1,0\n" + // row 3: two bad cells
		"2026-10,,520,60,0,25,23,455,1,0\n" + // row 4: blank agent
		"2026-10,Al,520,60,0,-2,23,455,1.5,0\n" + // row 5: negative count, fractional count
		"2026-10,Cy,1,234,60,0,25,23,455,1,0\n" + // row 6: an unquoted thousands separator shifts the cells
		"2026-10,Di,5\"20,60,0,25,23,455,1,0\n" + // row 7: a bare quote
		"2026-11,Jo,500,50,0,20,17,455,0,0\n" // row 8: good
	d := readText(t, sc, text)
	want := []string{
		`row 3, column "month": found "2026-13", expected a month number from 1 to 12 in a month such as 2026-10, 2026-10-31, Oct 2026, October 2026 or 10/2026`,
		`row 3, column "aht": found "7:75", expected a duration such as 455, 455s, 7:35, 0:07:35 or 7m35s`,
		`row 4, column "agent": found "", expected an agent name (the agent column is blank)`,
		`row 5, column "surveys": found "-2", expected a number of 0 or more, such as 520 (counts are never negative)`,
		`row 5, column "late": found "1.5", expected a whole number such as 25 (a count has no fraction)`,
		`row 6: at most 10 cells, as in the header, but the row has 11: a cell may hold an unquoted comma (write 1234, not 1,234, or put the cell in quotes)`,
		`row 7: quotes as in RFC 4180`,
	}
	got := problems(d)
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("missing problem %s\ngot:\n%s", w, got)
		}
	}
	if got := monthScores(sc, d); got != "Jo 2026-10 complete 2.1; Jo 2026-11 complete 1.7" {
		t.Errorf("good rows: %s", got)
	}
	if d.Rows != 7 {
		t.Errorf("rows = %d, want 7", d.Rows)
	}
}

func TestReadDataUnclosedQuote(t *testing.T) {
	sc := loadSpecScorecard(t)
	d := readText(t, sc, octoberCSV+"2026-11,\"Jo,500,50,0,20,17,455,0,0\n2026-12,Jo,1,1,1,1,1,1,1,1\n")
	if got := problems(d); !strings.Contains(got, "row 3: a closing quote: a quote opened on this row is never closed, so rows 3 to 4 could not be read") {
		t.Errorf("got %s", got)
	}
	if got := monthScores(sc, d); got != "Jo 2026-10 complete 2.1" {
		t.Errorf("got %s", got)
	}
}

func TestReadDataPointsOnScale(t *testing.T) {
	sc := loadSpecScorecard(t)
	d := readText(t, sc, "month,offer_rate,conversion,ce,aht,attendance\n2026-10,11.5,0,92,455,4\n2026-11,11.5,0,92,455,2.5\n")
	if got := problems(d); got != `row 2, column "attendance": found "4", expected points from 1 to 3 (a points metric's value lies on the scale)` {
		t.Errorf("got %s", got)
	}
}

func TestReadDataDecimalCommaOnlyWithSemicolons(t *testing.T) {
	sc := loadSpecScorecard(t)
	d, _ := ReadData(strings.NewReader("month\tce\toffer_rate\tconversion\taht\tattendance\n2026-10\t92,5\t11\t0\t455\t3\n"), sc)
	if got := problems(d); !strings.Contains(got, `column "ce": found "92,5", expected a percentage such as 92, 92% or 92.5 with a decimal point`) {
		t.Errorf("got %s", got)
	}
}

func TestReadDataRefused(t *testing.T) {
	sc := loadSpecScorecard(t)
	tests := []struct{ name, text, want string }{
		{"empty", "", "the file is empty"},
		{"only blank lines", "\n\n\r\n", "the file is empty"},
		{"header only", "month,agent,ce\n", "the file has a header but no data row"},
		{"no month column", "agent,ce\nJo,92\n", "the file has no month column"},
		{"no usable row", "month,agent,ce\n2026-13,Jo,92\nOct,Bo,92\n", "none of the 2 data rows could be used"},
		{"header with a bad quote", "month,\"agent\"x\n", "the header row cannot be read"},
		// A spreadsheet's own limits (issue 25): 16,384 columns and 32,767
		// characters a cell. Two columns and 16,383 more make 16,385.
		{"a header too wide", "month,agent" + strings.Repeat(",x", scoring.MaxColumns-1) + "\n2026-10,Jo\n",
			"the header row has 16385 columns, more than a spreadsheet holds (16384)"},
		{"a header too wide in quotes", "month,agent" + strings.Repeat(`,"x,y"`, scoring.MaxColumns-1) + "\n2026-10,Jo\n",
			"the header row has 16385 columns"},
		{"a header cell too long", "month,agent,ce" + strings.Repeat("é", scoring.MaxCellChars) + "\n2026-10,Jo,92\n",
			"the header row has a cell longer than a spreadsheet cell holds (32767 characters)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadData(strings.NewReader(tt.text), sc)
			if !errors.Is(err, scoring.ErrNoUsableData) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// TestReadDataAtTheLimits: a header of 16,384 columns and a cell of
// 32,767 characters (a spreadsheet's limits) are read.
func TestReadDataAtTheLimits(t *testing.T) {
	sc := loadSpecScorecard(t)
	wide := "month,agent,ce" + strings.Repeat(",x", scoring.MaxColumns-3) + "\n2026-10,Jo,92\n"
	if d, err := ReadData(strings.NewReader(wide), sc); err != nil || len(d.Columns) != scoring.MaxColumns {
		t.Errorf("16,384 columns: %v", err)
	}
	long := "month,agent,ce,note\n2026-10,Jo,92," + strings.Repeat("é", scoring.MaxCellChars) + "\n"
	if d, err := ReadData(strings.NewReader(long), sc); err != nil || len(d.Agents) != 1 {
		t.Errorf("a cell of 32,767 characters: %v", err)
	}
	// One more character, in row 3 of 4: that row is left out with a
	// problem, the others read with their own row numbers.
	over := "month,agent,ce,note\n2026-10,Jo,92,\n2026-10,Bo,90," + strings.Repeat("é", scoring.MaxCellChars+1) + "\n2026-10,Al,91,x\n2026-10,Al,\"x\n\",\n"
	d, err := ReadData(strings.NewReader(over), sc)
	if err != nil || len(d.Agents) != 2 || d.Agent("Bo") != nil {
		t.Fatalf("a cell of 32,768 characters: %v, %+v", err, d.Agents)
	}
	want := "row 3, column \"note\": found \"" + strings.Repeat("é", 20) + "…\", expected a cell of at most 32767 characters, as a spreadsheet holds, not 32768: the row was left out"
	if len(d.Problems) != 2 || d.Problems[0].String() != want || d.Problems[1].Row != 5 {
		t.Errorf("problems %v,\nwant %q and row 5's", d.Problems, want)
	}
}

func TestWeightedCombination(t *testing.T) {
	sc := preset(t, "tech-support")
	// AHT is weighted by contacts: (100·600 + 300·800) / 400 = 750.
	d := readText(t, sc, "month,contacts,resolved_first,aht,promoters,passives,detractors,qa,late,absent\n"+
		"2026-10-01,100,80,600,5,3,2,4,0,0\n2026-10-02,300,240,800,5,3,2,4,0,0\n")
	in := d.Agents[0].Months[0].Inputs[2]
	if !in.Value.Equal(scoring.N(750)) || !in.Weight.Equal(scoring.N(400)) || !in.Weighted {
		t.Errorf("aht input = %+v", in)
	}
	nps := d.Agents[0].Months[0].Inputs[0]
	if !nps.Value.Equal(scoring.N(30)) || len(nps.Counts) != 3 || !nps.Counts[0].Equal(scoring.N(10)) {
		t.Errorf("nps input = %+v", nps)
	}
}

// TestReadDataRowsAsTheSpreadsheetCountsThem: a quoted cell over three
// lines is one row, as a spreadsheet shows it (issue 11): the bad cell
// after it is on row 3, not line 5; in the header too.
func TestReadDataRowsAsTheSpreadsheetCountsThem(t *testing.T) {
	sc := loadSpecScorecard(t)
	d := readText(t, sc, "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent,\"notes\nover two\"\n"+
		"2026-10,Jo,520,60,0,25,23,7:35,1,0,\"called\nback\nlater\"\n"+
		"2026-11,Jo,520,60,0,25,2x3,7:35,1,0,\n"+
		"2026-12,Jo,520,60,0,\"25\",\"2\n3\",7:35,1,0,\n"+
		"2027-01,Jo,520,60,0,25,zz,7:35,1,0,\n")
	want := `row 3, column "satisfied": found "2x3", expected a number of 0 or more, such as 520` + "\n" +
		`row 4, column "satisfied": found "2 [line break] 3", expected a number of 0 or more, such as 520` + "\n" +
		`row 5, column "satisfied": found "zz", expected a number of 0 or more, such as 520`
	if got := problems(d); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestReadDataInBatches: rows are mapped a batch at a time; what a batch
// boundary splits is still one file. 10,000 rows of one agent and month,
// 1 call each and an offer on every tenth row: 10,000 calls and 1,000
// offers, an offer rate of 1000 ÷ 10000 = 10 %; the bad cell on the
// 9,000th data row is on spreadsheet row 9,001 (the header is row 1).
func TestReadDataInBatches(t *testing.T) {
	sc := loadSpecScorecard(t)
	var b strings.Builder
	b.WriteString("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n")
	for i := 1; i <= 10000; i++ {
		offers := 0
		if i%10 == 0 {
			offers = 1
		}
		sales := "0"
		if i == 9000 {
			sales = "x"
		}
		fmt.Fprintf(&b, "2026-10,Jo,1,%d,%s,1,1,455,0,0\n", offers, sales)
	}
	d := readText(t, sc, b.String())
	if got := problems(d); got != `row 9001, column "sales": found "x", expected a number of 0 or more, such as 520` {
		t.Errorf("problems: %s", got)
	}
	if d.Rows != 10000 || len(d.Agents) != 1 || len(d.Agents[0].Months) != 1 {
		t.Fatalf("rows %d, agents %d", d.Rows, len(d.Agents))
	}
	// Row 9,000 (1 call, 1 offer) is left out: 9,999 calls, 999 offers.
	in := d.Agents[0].Months[0].Inputs[sc.Index("offer_rate")]
	if in.Counts[0].String() != "999" || in.Counts[1].String() != "9999" {
		t.Errorf("offer rate counts %v", in.Counts)
	}
}

// TestReadDataRefusesBinaryBeforeReadingIt: an endless stream of zeros
// (/dev/zero) is refused after its first bytes (issue 11).
func TestReadDataRefusesBinaryBeforeReadingIt(t *testing.T) {
	sc := loadSpecScorecard(t)
	_, err := ReadData(zeros{}, sc)
	if err == nil || !strings.Contains(err.Error(), "this file is binary data") {
		t.Errorf("got %v", err)
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
