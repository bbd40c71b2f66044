package state

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"passline/scoring"
)

const hostileDir = "../testdata/hostile"

// saidFor gives a file of the hostile corpus to the app as a user would
// (a data file or a scorecard file, under its name) and returns what the
// app says about it: the refusal, or the problems and notes of the data it
// kept, and how many agents it kept (0 when refused).
func saidFor(t *testing.T, path string) (said string, agents int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(path)
	if strings.HasSuffix(name, ".gz") { // kept small in the repository
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
		name = strings.TrimSuffix(name, ".gz")
	}
	if err := TooBig(name, len(b)); err != nil {
		return err.Error(), 0
	}
	var msg Msg = SetData{Text: scoring.DecodeText(b)}
	if filepath.Base(filepath.Dir(path)) == "scorecards" {
		msg = ImportScorecard{Name: name, JSON: scoring.DecodeText(b)}
	}
	m, _, err := Update(NewModel(), msg)
	if err != nil {
		return err.Error(), 0
	}
	v, err := Derive(m)
	if err != nil {
		t.Fatalf("%s: accepted, then: %v", name, err)
	}
	lines := append(append([]string{}, v.Problems...), v.Missing...)
	if len(v.Data.Ignored) > 0 {
		lines = append(lines, IgnoredLine(v.Data))
	}
	if _, scorecard := msg.(ImportScorecard); scorecard {
		lines = append(lines, "scorecard: "+v.Scorecard.Name)
	}
	return strings.Join(lines, "\n"), len(v.Data.Agents)
}

// TestHostileInputs gives every file of testdata/hostile to the app and
// checks what it says: each part of want must be in it, and agents is how
// many agents are kept (0: refused, the data or scorecard in use stays).
// Every file in the corpus has a row here, and every row a file.
func TestHostileInputs(t *testing.T) {
	const (
		refused    = "your data was not loaded, the data in use stays: no usable data: "
		notCSV     = ", not CSV text: save it from your spreadsheet as CSV (Save As, then CSV UTF-8), or copy the cells and paste them"
		noneUsable = "none of the %d data rows could be used"
		scRefused  = " was not loaded, the scorecard in use stays. the scorecard is refused"
		tooDeep    = ": scorecard: the file nests lists and objects more than 20 deep, and a scorecard needs at most 6"
	)
	tests := []struct {
		file   string
		want   []string
		agents int
	}{
		// Not CSV text at all: refused whole, saying what the file is.
		{"data/empty.csv", []string{"there is nothing to read: paste the rows with their header row, or choose a CSV file"}, 0},
		{"data/blank-lines-only.csv", []string{"there is nothing to read"}, 0},
		{"data/binary.csv", []string{refused + "this file is binary data" + notCSV}, 0},
		{"data/picture.csv", []string{refused + "this file is a picture (PNG)" + notCSV}, 0},
		{"data/workbook.csv", []string{refused + "this file is a zip file, such as an Excel workbook (.xlsx) or an OpenDocument sheet (.ods)" + notCSV}, 0},
		{"data/document.csv", []string{refused + "this file is a PDF document" + notCSV}, 0},
		{"data/json-not-csv.csv", []string{refused + "this file is JSON (a scorecard file?)" + notCSV}, 0},
		// Found by FuzzReadData: decoded first (the app) or read as bytes (the
		// command line), a file must get the same verdict.
		{"data/fuzz-bom-then-nul.csv", []string{refused + "this file is binary data" + notCSV}, 0},
		{"data/html-not-csv.csv", []string{refused + "this file is a web page or XML" + notCSV}, 0},
		{"data/fifty-megabytes.csv.gz", []string{"fifty-megabytes.csv is 50 MB; Passline reads up to 20 MB at once: split it, or keep only the months you need"}, 0},
		// A header and nothing to score.
		{"data/header-only.csv", []string{refused + "the file has a header but no data row"}, 0},
		{"data/bom-header-no-newline.csv", []string{refused + "the file has a header but no data row"}, 0},
		{"data/header-and-empty-rows.csv", []string{refused + "the file has a header but no data row"}, 0},
		{"data/no-month-column.csv", []string{refused + `the file has no month column (its comma-separated header is "agent, calls, offers, sales, surveys, satisfied, aht, late, absent"); add a column named month, or say which column is the month`}, 0},
		{"data/every-row-bad.csv", []string{refused + fmt.Sprintf(noneUsable, 2), `row 2, column "month": found "2026-13", expected a month number from 1 to 12`}, 0},
		{"data/five-thousand-bad-rows.csv", []string{refused + fmt.Sprintf(noneUsable, 5000), `row 2, column "aht": found "7:75", expected a duration such as 455, 455s, 7:35, 0:07:35 or 7m35s`}, 0},
		{"data/blank-agents.csv", []string{fmt.Sprintf(noneUsable, 2), `row 2, column "agent": found "", expected an agent name (the agent column is blank)`}, 0},
		// A cell longer than a spreadsheet's (32,767 characters) cuts its row
		// before it is read (issue 25).
		{"data/huge-cell.csv", []string{`row 2, column "agent": found "` + strings.Repeat("A", 20) + `…", expected a cell of at most 32767 characters, as a spreadsheet holds, not 262144: the row was left out`}, 0},
		{"data/nul-in-cell.csv", []string{`row 2, column "agent": found "Sa[U+0000]m", expected an agent name without control characters: the file may be damaged`}, 0},
		{"data/row-wider-than-header.csv", []string{"row 2: at most 10 cells, as in the header, but the row has 12: a cell may hold an unquoted comma (write 1234, not 1,234, or put the cell in quotes); the row was left out"}, 0},
		{"data/header-mixed-delimiters.csv", []string{"row 2: at most 9 cells, as in the header, but the row has 10: a cell may hold an unquoted semicolon"}, 0},
		// SPEC section 8: "1,234" is 1234; a space or a percent sign is still no count.
		{"data/thousands-separators.csv", []string{
			`row 3, column "calls": found "1 234", expected a number of 0 or more, such as 520`,
			`row 4, column "calls": found "520%", expected a number of 0 or more, such as 520`}, 1},
		{"data/unclosed-quote.csv", []string{`row 2: a closing quote: a quote opened on this row is never closed, so rows 2 to 3 could not be read (a cell with a quote must be in quotes, the quote doubled: "7""5")`}, 0},
		// Bad rows listed by row and column; the good rows kept.
		{"data/stray-quote.csv", []string{`row 2: quotes as in RFC 4180: a cell with a quote in it is written in quotes, the quote doubled, such as "O""Brien"; the row was left out`}, 1},
		{"data/formula-cells.csv", []string{"row 2: quotes as in RFC 4180"}, 3},
		{"data/mixed-delimiters.csv", []string{
			"row 2: cells separated by commas, as in the header, but this row is separated by semicolons: use one separator throughout; the row was left out",
			"row 3: cells separated by commas, as in the header, but this row is separated by tabs"}, 1},
		{"data/impossible-months.csv", []string{
			`row 2, column "month": found "2026-13", expected a month number from 1 to 12 in a month such as 2026-10, 2026-10-31, Oct 2026, October 2026 or 10/2026`,
			`row 3, column "month": found "2026-00", expected a month number from 1 to 12`,
			`row 4, column "month": found "2026-02-30", expected a month such as 2026-10`,
			`row 5, column "month": found "0000-01", expected a year from 1900 to 9999`,
			`row 6, column "month": found "Octember 2026", expected a month such as 2026-10`}, 1},
		{"data/far-away-months.csv", []string{`row 3, column "month": found "0001-01", expected a year from 1900 to 9999`}, 1},
		{"data/negative-numbers.csv", []string{
			`row 2, column "calls": found "-520", expected a number of 0 or more, such as 520 (counts are never negative)`,
			`row 3, column "surveys": found "-25", expected a number of 0 or more, such as 520 (counts are never negative)`,
			`row 4, column "aht": found "-7:35", expected a duration such as 455, 455s, 7:35, 0:07:35 or 7m35s (a duration is never negative)`,
			`row 4, column "late": found "-1", expected a whole number such as 25 (counts are never negative)`}, 1},
		{"data/nan-and-exponents.csv", []string{
			`row 3, column "calls": found "1e9", expected a number of 0 or more, such as 520 written out in full, without an exponent`,
			`row 3, column "offers": found "NaN", expected a number of 0 or more, such as 520`,
			`row 3, column "sales": found "Infinity", expected a number of 0 or more`,
			`row 4, column "calls": found "0x10", expected a number of 0 or more`,
			`row 4, column "offers": found "1_000", expected a number of 0 or more`}, 1},
		{"data/odd-durations.csv", []string{
			`row 2, column "aht": found "7:75", expected a duration`,
			`row 3, column "aht": found "1:02:03:04", expected a duration`,
			`row 5, column "aht": found ":35", expected a duration`}, 1},
		{"data/missing-metric-columns.csv", []string{
			`No column gives Customer experience (ce): add the columns "satisfied" and "surveys", or a column named "ce" or "Customer experience".`,
			`No column gives Average handle time (aht): add the column "aht", or a column named "aht" or "Average handle time".`}, 1},
		{"data/thousands-of-columns.csv", []string{"Columns no metric uses: extra0, extra1, extra2, extra3, extra4, extra5, extra6, extra7, extra8, extra9, extra10, extra11, extra12, extra13, extra14, extra15, extra16, extra17, extra18, extra19 and 4980 more."}, 1},
		// SPEC 3: when two header cells name the same column, the first wins.
		{"data/duplicate-headers.csv", []string{"Columns no metric uses: calls."}, 1},
		{"data/duplicate-month-columns.csv", []string{"Columns no metric uses: month."}, 1},
		// Odd but good: read whole, nothing to say.
		{"data/duplicate-rows.csv", nil, 1},          // SPEC 3: one agent's rows of a month are combined
		{"data/row-shorter-than-header.csv", nil, 1}, // SPEC 3: short rows are padded; the month is incomplete
		// Issue 11: a million digits are refused at once, quoted short; an
		// averaged sheet's fractional counts are scored (survey luck says it
		// cannot estimate them); a quoted cell over three lines is one row.
		{"data/million-digit-calls.csv.gz", []string{`row 2, column "calls": found "` + strings.Repeat("5", 20) + `…", expected a cell of at most 32767 characters, as a spreadsheet holds, not 1000000: the row was left out`}, 1},
		{"data/fractional-counts.csv", nil, 1},
		{"data/multiline-quoted-cell.csv", []string{`row 3, column "satisfied": found "2x3"`, "Columns no metric uses: notes."}, 1},
		// Exact up to 30 digits; more is refused, naming the limit.
		{"data/huge-numbers.csv", []string{`row 2, column "calls": found "99999999999999999999999999999999", expected a number of 0 or more, such as 520, of at most 30 digits`}, 1},
		{"data/more-satisfied-than-surveys.csv", nil, 1},
		{"data/cr-line-endings.csv", nil, 1},
		{"data/utf16le-bom.csv", nil, 1},
		{"data/utf16be-bom.csv", nil, 1},
		{"data/utf16le-no-bom.csv", nil, 1},
		{"data/windows-1252-semicolons.csv", nil, 1},
		{"data/unicode-names.csv", nil, 3},
		{"data/markup-in-names.csv", nil, 1},
		{"data/spaces-and-case.csv", nil, 1},
		// Scorecards: refused with every problem at once; the one in use stays.
		{"scorecards/empty.json", []string{"empty.json" + scRefused + `: scorecard: the file is empty: a scorecard is a JSON object such as {"version": 1, ...}`}, 0},
		{"scorecards/csv-not-json.json", []string{"csv-not-json.json" + scRefused + ": scorecard: the file is not valid JSON: invalid character 'm' looking for beginning of value (line 1, column 2)"}, 0},
		{"scorecards/cut-short.json", []string{"cut-short.json" + scRefused + ": scorecard: the file is not valid JSON: it ends too early (a '}' or ']' is missing)"}, 0},
		{"scorecards/null.json", []string{"null.json" + scRefused + " (4 problems)", "scorecard: must be an object {…}, found null"}, 0},
		{"scorecards/array.json", []string{"array.json" + scRefused + " (4 problems)", "scorecard: must be an object {…}, found a list"}, 0},
		{"scorecards/deeply-nested.json", []string{"deeply-nested.json" + scRefused + tooDeep}, 0},
		// Issue 11: each of these once crashed, hung or blocked the app.
		{"scorecards/nested-100000-lists.json.gz", []string{"nested-100000-lists.json" + scRefused + tooDeep}, 0},
		{"scorecards/nested-30000-objects.json.gz", []string{"nested-30000-objects.json" + scRefused + tooDeep}, 0},
		{"scorecards/five-thousand-metrics.json.gz", []string{"five-thousand-metrics.json" + scRefused + ": scorecard, metrics: has 5000 metrics, more than the 100 a scorecard may have"}, 0},
		{"scorecards/hundred-thousand-unknown-keys.json.gz", []string{"hundred-thousand-unknown-keys.json" + scRefused + " (100005 problems)",
			`scorecard, unknown_key_0: unknown key "unknown_key_0"`, "…and 99985 more"}, 0},
		{"scorecards/million-digit-band.json.gz", []string{"million-digit-band.json" + scRefused,
			`metric "ce", bands[1].at: must have at most 30 digits, found a number of 1000000 digits: 9999999999999999999999999999999999999999…`}, 0},
		{"scorecards/wrong-types.json", []string{"wrong-types.json" + scRefused + " (4 problems)",
			`scorecard, scale.min: must be a number, found the text "one"`,
			`scorecard, pass: must be a number, found the text "2.0"`,
			"scorecard, metrics: must be a list [ … ], found an object"}, 0},
		{"scorecards/wrong-in-many-ways.json", []string{"wrong-in-many-ways.json" + scRefused + " (9 problems)",
			"scorecard, scale: min (3) must be below max (1)",
			"scorecard, decimals: must be 0 to 4, found 9",
			`scorecard, quarter.mode: must be "average" or "pooled", found "sometimes"`,
			"scorecard, quarter.start_month: must be a month number from 1 to 12, found 13",
			`metric "ce", source: the column "satisfied" is named twice in one source`,
			`metric "ce", unit: must be percent, seconds, number or points, found "furlongs"`,
			`metric "aht", source: must name exactly one of column, ratio, nps or deduct, found 2`}, 0},
		{"scorecards/unknown-fields.json", []string{"unknown-fields.json" + scRefused,
			`scorecard, pas_mark: unknown key "pas_mark": the keys allowed here are version, name, scale, pass, decimals, quarter, metrics`,
			`metric "ce", wieght: unknown key "wieght"`}, 0},
		{"scorecards/huge-numbers.json", []string{"huge-numbers.json" + scRefused + " (3 problems)",
			"scorecard, pass: must be a plain decimal number such as 2 or 2.5, found 1e400",
			`metric "ce", bands[2].at: must be a plain decimal number such as 2 or 2.5, found 1e-400`,
			"scorecard, metrics: the weights add up to 100000000000000000000000000000; they must add up to exactly 100"}, 0},
		{"scorecards/future-version.json", []string{"future-version.json" + scRefused, "scorecard, version: must be 1, found 99"}, 0},
		{"scorecards/duplicate-keys.json", []string{"duplicate-keys.json" + scRefused + `: scorecard, name: the key "name" is given twice: keep one`}, 0},
		{"scorecards/utf16-bom.json", []string{"utf16-bom.json" + scRefused + " (4 problems)", "scorecard, version: is required"}, 0},
		// Accepted: markup is only text (the browser test shows it as such).
		{"scorecards/markup-in-labels.json", []string{"scorecard: <script>alert(1)</script>"}, 1},
	}
	inTable := map[string]bool{}
	for _, tt := range tests {
		inTable[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			said, agents := saidFor(t, filepath.Join(hostileDir, filepath.FromSlash(tt.file)))
			for _, part := range tt.want {
				if !strings.Contains(said, part) {
					t.Errorf("the app says:\n%s\nwhich lacks:\n%s", said, part)
				}
			}
			if tt.want == nil && said != "" {
				t.Errorf("the app says %q, want nothing: the file is good", said)
			}
			if agents != tt.agents {
				t.Errorf("%d agents kept, want %d", agents, tt.agents)
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*", "*"))
	for _, f := range files {
		rel, _ := filepath.Rel(hostileDir, f)
		if !inTable[filepath.ToSlash(rel)] {
			t.Errorf("%s is in the corpus but not in this table: add what the app must say", rel)
		}
	}
	if len(files) < 40 {
		t.Errorf("the corpus has %d files, want at least 40", len(files))
	}
}
