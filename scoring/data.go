package scoring

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
)

// Data is a metric CSV file (SPEC section 3) read against a scorecard.
type Data struct {
	Agents   []AgentData   // in the order they first appear
	NoAgent  bool          // the file has no agent column: its one agent is "Me"
	Inputs   []InputMode   // per scorecard metric: where its values come from
	Ignored  []string      // header cells no metric uses
	Problems []DataProblem // bad cells; their rows were left out
	Rows     int           // data rows read, good or bad
}

// AgentData is one agent's months, in time order.
type AgentData struct {
	Name   string
	Months []MonthData
}

// MonthData is one agent-month: the metric inputs of its rows combined.
type MonthData struct {
	Month  Month
	Rows   []int   // the file rows combined into this month
	Inputs []Input // one per scorecard metric, in scorecard order
}

// InputMode says where a metric's values come from in a file.
type InputMode int

// The input modes.
const (
	NoInput     InputMode = iota // no column gives the metric: every month is incomplete
	SourceInput                  // the source's columns
	DirectInput                  // a column named like the metric's id or label
)

// Input is a metric's raw input for a month (or, pooled, a quarter).
type Input struct {
	Missing bool  // no value: the month is incomplete
	Value   Num   // the raw value: percent, seconds or number; points for a points metric
	Counts  []Num // the summed source counts, in Source.Columns order; nil for values
	Weight  Num   // the summed weight_by column, when Weighted
	// Weighted says Weight holds the month's total of the weight_by column.
	Weighted bool
	Direct   bool // the value came from a column named like the metric
}

// DataProblem is one bad cell (or row); its row was left out.
type DataProblem struct {
	Row      int    // the spreadsheet's row (a quoted cell over several lines is one row); the header is row 1
	Column   string // the header cell as written; empty for a whole row
	Found    string // the text found
	Expected string // what was expected instead
}

// String says the problem in a line; a long column name or found text is
// cut short there (see Clip; Found keeps it whole).
func (p DataProblem) String() string {
	if p.Column == "" {
		return fmt.Sprintf("row %d: %s", p.Row, p.Expected)
	}
	return fmt.Sprintf("row %d, column %s: found %s, expected %s", p.Row, Clip(p.Column), Clip(p.Found), p.Expected)
}

// MaxAgentName is the longest agent name read, in characters.
const MaxAgentName = 200

// agentFault says what is wrong with an agent name, or returns nil.
func agentFault(name string) error {
	switch n := utf8.RuneCountInString(name); {
	case name == "":
		return expect("an agent name (the agent column is blank)")
	case n > MaxAgentName:
		return expect("an agent name of at most %d characters, not %d", MaxAgentName, n)
	case strings.ContainsFunc(name, unicode.IsControl):
		return expect("an agent name without control characters: the file may be damaged")
	}
	return nil
}

// Agent returns the named agent's data, or nil.
func (d *Data) Agent(name string) *AgentData {
	for i := range d.Agents {
		if d.Agents[i].Name == name {
			return &d.Agents[i]
		}
	}
	return nil
}

// MissingMetrics lists the metrics that no column of the file gives.
func (d *Data) MissingMetrics(sc *Scorecard) []string {
	var ids []string
	for i, m := range d.Inputs {
		if m == NoInput {
			ids = append(ids, sc.Metrics[i].ID)
		}
	}
	return ids
}

// MissingColumns says, for a metric no column of the file gives, what to
// add: "no column gives Customer experience (ce): add the columns
// "satisfied" and "surveys", or a column named "ce" or "Customer
// experience"". The app and the command line both say it so.
func MissingColumns(m *Metric) string {
	hint := fmt.Sprintf("a column named %q or %q", m.ID, m.Label)
	if cols := m.Source.Columns(); len(cols) > 0 {
		q := make([]string, len(cols))
		for i, c := range cols {
			q[i] = strconv.Quote(c)
		}
		list := q[0]
		if len(q) > 1 {
			list = strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
		}
		hint = fmt.Sprintf("the column%s %s, or %s", map[bool]string{true: "s"}[len(q) > 1], list, hint)
	}
	return fmt.Sprintf("no column gives %s (%s): add %s", m.Label, m.ID, hint)
}

// ErrNoUsableData is wrapped by the errors of files that give nothing to score.
var ErrNoUsableData = errors.New("no usable data")

// ReadData reads a metric CSV against sc, which must be valid. Bad cells are
// listed in Data.Problems and their rows left out; the good rows are kept.
// A file with no month column, no data row or no usable row gives an error
// wrapping ErrNoUsableData (and the Data read, with its problems).
func ReadData(r io.Reader, sc *Scorecard) (*Data, error) {
	// The start first: a file that is not text (a workbook, a picture, an
	// endless stream of zeros) is refused before the rest is read.
	var buf bytes.Buffer
	if _, err := io.CopyN(&buf, r, sniffBytes); err != nil && err != io.EOF {
		return nil, err
	}
	if _, kind := decodeFile(buf.Bytes()); kind != "" {
		return &Data{}, notCSV(kind)
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	text, kind := decodeFile(buf.Bytes())
	if kind != "" {
		return &Data{}, notCSV(kind)
	}
	comma := detectDelimiter(firstLine(text))
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true // each record is copied into the decoder's rows
	d := &Data{}
	dec := &decoder2{r: cr, data: d}
	header, err := dec.header()
	if err != nil {
		return d, err
	}
	p := newPlan(sc, header, comma == ';')
	if p.month < 0 {
		return d, fmt.Errorf("%w: the file has no month column (the header is %q); add a column named month", ErrNoUsableData, strings.Join(header, string(comma)))
	}
	d.NoAgent = p.agent < 0
	d.Inputs = p.modes
	d.Ignored = p.ignored(header)
	dec.keys = p.keys(len(header))
	// gocsv maps the rows to records a batch at a time: a file of a
	// million rows never stands in memory as a million records.
	b := newBuilder(sc, p, d)
	for !dec.done {
		var recs []record
		if err := gocsv.UnmarshalDecoder(dec, &recs); err != nil && !errors.Is(err, gocsv.ErrEmptyCSVFile) {
			return d, fmt.Errorf("reading the rows: %w", err)
		}
		for i := range recs {
			b.add(&recs[i], header)
		}
	}
	d.Rows = dec.rows
	if d.Rows == 0 {
		return d, fmt.Errorf("%w: the file has a header but no data row", ErrNoUsableData)
	}
	b.finish()
	slices.SortStableFunc(d.Problems, func(a, b DataProblem) int { return a.Row - b.Row })
	if len(d.Agents) == 0 {
		return d, fmt.Errorf("%w: none of the %d data rows could be used (see the problems listed)", ErrNoUsableData, d.Rows)
	}
	return d, nil
}

// decoder2 feeds gocsv: it reads records with encoding/csv, notes quoting
// errors as problems, skips blank rows, pads short rows and renames the
// header to keys the record understands, with the row number in front.
type decoder2 struct {
	r    *csv.Reader
	data *Data
	keys []string
	rows int
	// inCells counts the line breaks inside the quoted cells read so far:
	// the file's line less these is the spreadsheet's row.
	inCells int
	done    bool // the last row has been handed over
}

// batchRows is how many rows GetCSVRows hands gocsv at a time.
const batchRows = 4096

// sniffBytes is how much of a file is read to tell whether it is text.
const sniffBytes = 64 << 10

func notCSV(kind string) error {
	return fmt.Errorf("%w: this file is %s, not CSV text: save it from your spreadsheet as CSV (Save As, then CSV UTF-8), or copy the cells and paste them", ErrNoUsableData, kind)
}

// read reads a record and counts the line breaks in its cells.
func (dc *decoder2) read() ([]string, error) {
	rec, err := dc.r.Read()
	for _, cell := range rec {
		dc.inCells += strings.Count(cell, "\n")
	}
	return rec, err
}

func (dc *decoder2) header() ([]string, error) {
	for {
		rec, err := dc.read()
		if err == io.EOF {
			return nil, fmt.Errorf("%w: the file is empty; it needs a header row such as month,agent,calls,…", ErrNoUsableData)
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%w: the header row cannot be read: %v", ErrNoUsableData, pe.Err)
		}
		if err != nil {
			return nil, err
		}
		if !blankRow(rec) {
			header := make([]string, len(rec)) // a copy: the reader reuses rec
			for i := range rec {
				header[i] = strings.TrimSpace(rec[i])
			}
			return header, nil
		}
	}
}

func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// GetCSVRows returns the renamed header and the next batchRows readable
// data rows; done says when there are no more.
func (dc *decoder2) GetCSVRows() ([][]string, error) {
	out := [][]string{append([]string{"#row"}, dc.keys...)}
	for len(out) <= batchRows {
		before := dc.inCells // this record's own line breaks move the next rows only
		rec, err := dc.read()
		if err == io.EOF {
			dc.done = true
			return out, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			dc.rows++
			dc.data.Problems = append(dc.data.Problems, quoteProblem(pe, pe.StartLine-before, pe.Line-before))
			continue
		}
		if err != nil {
			return nil, err
		}
		if blankRow(rec) {
			continue
		}
		dc.rows++
		first, _ := dc.r.FieldPos(0)
		line := first - before
		if n := len(dc.keys); len(rec) > n && !blankRow(rec[n:]) {
			dc.data.Problems = append(dc.data.Problems, DataProblem{Row: line, Expected: fmt.Sprintf(
				"at most %d cells, as in the header, but the row has %d: a cell may hold an unquoted %s (write 1234, not 1,234, or put the cell in quotes); the row was left out",
				n, len(rec), delimiterName(dc.r.Comma))})
			continue
		}
		if other, ok := otherDelimiter(rec, len(dc.keys), dc.r.Comma); ok {
			dc.data.Problems = append(dc.data.Problems, DataProblem{Row: line, Expected: fmt.Sprintf(
				"cells separated by %ss, as in the header, but this row is separated by %ss: use one separator throughout; the row was left out",
				delimiterName(dc.r.Comma), delimiterName(other))})
			continue
		}
		row := make([]string, len(dc.keys)+1)
		row[0] = strconv.Itoa(line) + " " + strconv.Itoa(len(dc.keys))
		for i := range dc.keys {
			if i < len(rec) {
				row[i+1] = strings.TrimSpace(rec[i])
			}
		}
		out = append(out, row)
	}
	return out, nil
}

// otherDelimiter reports whether a row read as one cell, where the header
// has several, is separated by another of comma, semicolon and tab.
func otherDelimiter(rec []string, headerCells int, comma rune) (rune, bool) {
	if len(rec) != 1 || headerCells < 2 {
		return 0, false
	}
	for _, d := range []rune{'\t', ';', ','} {
		if d != comma && strings.Count(rec[0], string(d)) >= headerCells-1 {
			return d, true
		}
	}
	return 0, false
}

func delimiterName(r rune) string {
	switch r {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// quoteProblem says what is wrong with a row's quotes; from and to are the
// spreadsheet's rows of the file's lines the error spans.
func quoteProblem(pe *csv.ParseError, from, to int) DataProblem {
	if to > from {
		return DataProblem{Row: from, Expected: fmt.Sprintf(
			"a closing quote: a quote opened on this row is never closed, so rows %d to %d could not be read (a cell with a quote must be in quotes, the quote doubled: \"7\"\"5\")",
			from, to)}
	}
	return DataProblem{Row: from, Expected: "quotes as in RFC 4180: a cell with a quote in it is written in quotes, the quote doubled, such as \"O\"\"Brien\"; the row was left out"}
}

// record is one data row as gocsv maps it: the row number, the month, the
// agent and the raw text of each column a metric uses, by column index.
type record struct {
	Row   int `csv:"#row"`
	month Month
	agent string
	cells []string // by column index; "" for columns the record does not use
	bad   []cellFault
}

type cellFault struct {
	col  int
	text string
	err  error
}

// UnmarshalCSVWithFields receives each cell under the key the decoder gave
// its column: "#row", "month", "agent", "c<index>" or "" for an unused one.
// It never fails: bad cells are kept for the reader to report.
func (r *record) UnmarshalCSVWithFields(key, value string) error {
	switch {
	case key == "#row": // "<line> <columns>"
		line, cols, _ := strings.Cut(value, " ")
		r.Row, _ = strconv.Atoi(line)
		n, _ := strconv.Atoi(cols)
		r.cells = make([]string, n)
	case strings.HasPrefix(key, "month:"):
		if err := r.month.UnmarshalCSV(value); err != nil {
			r.fault(key, value, err)
		}
	case strings.HasPrefix(key, "agent:"):
		r.agent = value
		if err := agentFault(value); err != nil {
			r.fault(key, value, err)
		}
	case strings.HasPrefix(key, "c"):
		i := colIndex(key)
		if i >= len(r.cells) {
			r.cells = append(r.cells, make([]string, i+1-len(r.cells))...)
		}
		r.cells[i] = value
	}
	return nil
}

func (r *record) fault(key, text string, err error) {
	r.bad = append(r.bad, cellFault{colIndex(key), text, err})
}

// colIndex reads the column index from a key such as "c3" or "month:0".
func colIndex(key string) int {
	i, _ := strconv.Atoi(strings.TrimLeft(key[strings.IndexAny(key, "0123456789"):], ":"))
	return i
}
