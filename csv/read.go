// Package csv is Passline's CSV adapter: the only code that reads or
// writes CSV, with encoding/csv and gocsv. It reads a data file (SPEC
// section 3) into the engine's scoring.Data, and writes the results file
// (SPEC section 7). The meaning of each cell (which column is a metric's,
// what a good percent is, how rows combine) is the engine's
// (scoring.DataReader); this package only finds the cells.
//
// What gocsv does here: it maps each batch of rows onto records through
// record.UnmarshalCSVWithFields, with the header renamed to the keys the
// engine gives each column ("month:0", "c3"), so that a column's cell
// reaches the record under what it means. Its own number parsing is never
// used: it turns "1,234" into 1.234 and a blank into 0, where SPEC wants an
// error and a missing value.
package csv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"

	"passline/scoring"
)

// ReadData reads a metric CSV against sc, which must be valid. Bad cells are
// listed in Data.Problems and their rows left out; the good rows are kept.
// A file with no month column, no data row or no usable row gives an error
// wrapping scoring.ErrNoUsableData (and the Data read, with its problems).
func ReadData(r io.Reader, sc *scoring.Scorecard) (*scoring.Data, error) {
	return ReadDataWith(r, sc, scoring.ReadOptions{})
}

// ReadDataWith is ReadData with the user's choices (SPEC section 8): a
// chosen mapping of headers, and how numeric dates are read. A mapping
// that does not fit is an error wrapping scoring.ErrUsage; a file whose
// dates read both ways, undecided, a *scoring.AmbiguousDates.
func ReadDataWith(r io.Reader, sc *scoring.Scorecard, opts scoring.ReadOptions) (*scoring.Data, error) {
	// The start first: a file that is not text (a workbook, a picture, an
	// endless stream of zeros) is refused before the rest is read.
	var buf bytes.Buffer
	if _, err := io.CopyN(&buf, r, sniffBytes); err != nil && err != io.EOF {
		return nil, err
	}
	if _, kind := scoring.DecodeFile(buf.Bytes()); kind != "" {
		return &scoring.Data{}, notCSV(kind)
	}
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, err
	}
	text, kind := scoring.DecodeFile(buf.Bytes())
	if kind != "" {
		return &scoring.Data{}, notCSV(kind)
	}
	first := len(text) - len(firstLine(text)) // where the first line with anything starts
	text, longCells := cutLongCells(text)
	if len(longCells) > 0 && longCells[0].p.Row == 1+bytes.Count(text[:first], []byte("\n")) {
		return &scoring.Data{}, fmt.Errorf("%w: the header row has a cell longer than a spreadsheet cell holds (%d characters): is this the right file?", scoring.ErrNoUsableData, scoring.MaxCellChars)
	}
	// The header row: the first line, or, when it holds no name Passline
	// knows, the first of the next 20 that does (SPEC section 9).
	skipped, offset := headerLine(text, sc, opts)
	for range skipped {
		text = text[bytes.IndexByte(text, '\n')+1:]
	}
	comma := detectDelimiter(firstLine(text))
	if n := headerCells(firstLine(text), comma); n > scoring.MaxColumns {
		return &scoring.Data{}, fmt.Errorf("%w: the header row has %d columns, more than a spreadsheet holds (%d): is this the right file?", scoring.ErrNoUsableData, n, scoring.MaxColumns)
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true // each record is copied into the decoder's rows
	dec := &decoder{r: cr, offset: offset}
	header, err := dec.header()
	if err != nil {
		return &scoring.Data{}, err
	}
	dr, err := scoring.NewDataReader(sc, header, comma, opts)
	var noMonth *scoring.NoMonthColumn
	if errors.As(err, &noMonth) {
		return &scoring.Data{Columns: noMonth.Columns, Comma: comma}, err
	}
	if err != nil {
		return &scoring.Data{}, err
	}
	var titles []string
	for _, l := range skipped {
		if l != "" {
			titles = append(titles, l)
		}
	}
	dr.SkippedLines(titles)
	for _, c := range longCells {
		if c.col < len(header) {
			c.p.Column = header[c.col]
		}
		dr.Problem(c.p)
	}
	if err := decideDates(text, comma, offset, dr); err != nil {
		return &scoring.Data{}, err
	}
	dec.keys, dec.data = dr.Keys(), dr
	// gocsv maps the rows to records a batch at a time: a file of a
	// million rows never stands in memory as a million records.
	for !dec.done {
		var recs []record
		if err := gocsv.UnmarshalDecoder(dec, &recs); err != nil && !errors.Is(err, gocsv.ErrEmptyCSVFile) {
			return &scoring.Data{}, fmt.Errorf("reading the rows: %w", err)
		}
		for i := range recs {
			dr.Add(&recs[i].row)
		}
	}
	return dr.Done(dec.rows + len(longCells)) // the rows cut were read, and left out
}

// decideDates reads the month column of the whole file, when its first
// month is a date written as numbers (01/10/2026), so that every date of
// the file is read the same way (SPEC section 8).
func decideDates(text []byte, comma rune, offset int, dr *scoring.DataReader) error {
	col := dr.MonthColumn()
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord = comma, -1, true
	var cells []scoring.DateCell
	header := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil || blankRow(rec) {
			continue
		}
		if header {
			header = false
			continue
		}
		if col >= len(rec) {
			continue
		}
		cell := strings.TrimSpace(rec[col])
		if cell == "" || scoring.IsTotal(cell) {
			continue
		}
		if cells == nil && !scoring.NumericDate(cell) {
			return nil // the first month is no numeric date: nothing to decide
		}
		line, _ := cr.FieldPos(col)
		cells = append(cells, scoring.DateCell{Row: line + offset, Text: cell})
	}
	return dr.SetDates(cells)
}

// decoder feeds gocsv: it reads records with encoding/csv, notes quoting
// errors as problems, skips blank rows, pads short rows and renames the
// header to keys the record understands, with the row number in front.
type decoder struct {
	r    *csv.Reader
	data *scoring.DataReader
	keys []string
	rows int
	// inCells counts the line breaks inside the quoted cells read so far:
	// the file's line less these is the spreadsheet's row.
	inCells int
	done    bool // the last row has been handed over
	// offset is the lines above the header that were skipped: rows keep
	// the file's own numbers.
	offset int
}

// batchRows is how many rows GetCSVRows hands gocsv at a time.
const batchRows = 4096

// sniffBytes is how much of a file is read to tell whether it is text.
const sniffBytes = 64 << 10

func notCSV(kind string) error {
	return fmt.Errorf("%w: this file is %s, not CSV text: save it from your spreadsheet as CSV (Save As, then CSV UTF-8), or copy the cells and paste them", scoring.ErrNoUsableData, kind)
}

// read reads a record and counts the line breaks in its cells.
func (dc *decoder) read() ([]string, error) {
	rec, err := dc.r.Read()
	for _, cell := range rec {
		dc.inCells += strings.Count(cell, "\n")
	}
	return rec, err
}

func (dc *decoder) header() ([]string, error) {
	for {
		rec, err := dc.read()
		if err == io.EOF {
			return nil, fmt.Errorf("%w: the file is empty; it needs a header row such as month,agent,calls,…", scoring.ErrNoUsableData)
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%w: the header row cannot be read: %v", scoring.ErrNoUsableData, pe.Err)
		}
		if err != nil {
			return nil, err
		}
		if len(rec) > scoring.MaxColumns {
			return nil, fmt.Errorf("%w: the header row has %d columns, more than a spreadsheet holds (%d): is this the right file?", scoring.ErrNoUsableData, len(rec), scoring.MaxColumns)
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
func (dc *decoder) GetCSVRows() ([][]string, error) {
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
			dc.data.Problem(quoteProblem(pe, pe.StartLine-before+dc.offset, pe.Line-before+dc.offset))
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
		line := first - before + dc.offset
		if n := len(dc.keys); len(rec) > n && !blankRow(rec[n:]) {
			dc.data.Problem(scoring.DataProblem{Row: line, Expected: fmt.Sprintf(
				"at most %d cells, as in the header, but the row has %d: a cell may hold an unquoted %s (write 1234, not 1,234, or put the cell in quotes); the row was left out",
				n, len(rec), scoring.DelimiterWord(dc.r.Comma))})
			continue
		}
		if other, ok := otherDelimiter(rec, len(dc.keys), dc.r.Comma); ok {
			dc.data.Problem(scoring.DataProblem{Row: line, Expected: fmt.Sprintf(
				"cells separated by %ss, as in the header, but this row is separated by %ss: use one separator throughout; the row was left out",
				scoring.DelimiterWord(dc.r.Comma), scoring.DelimiterWord(other))})
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

// quoteProblem says what is wrong with a row's quotes; from and to are the
// spreadsheet's rows of the file's lines the error spans.
func quoteProblem(pe *csv.ParseError, from, to int) scoring.DataProblem {
	if to > from {
		return scoring.DataProblem{Row: from, Expected: fmt.Sprintf(
			"a closing quote: a quote opened on this row is never closed, so rows %d to %d could not be read (a cell with a quote must be in quotes, the quote doubled: \"7\"\"5\")",
			from, to)}
	}
	return scoring.DataProblem{Row: from, Expected: "quotes as in RFC 4180: a cell with a quote in it is written in quotes, the quote doubled, such as \"O\"\"Brien\"; the row was left out"}
}

// record is one data row as gocsv maps it: the engine's Row, filled in
// under the keys the engine gave the columns.
type record struct {
	Row int `csv:"#row"` // gocsv needs one tagged field; the line is kept in row
	row scoring.Row
}

// UnmarshalCSVWithFields receives each cell under the key the decoder gave
// its column: "#row", "month:<i>", "agent:<i>", "c<i>", "u<i>" for an
// unused one the engine still looks at, or "" for one it does not. It never fails: bad cells are kept for the engine to report.
func (r *record) UnmarshalCSVWithFields(key, value string) error {
	switch {
	case key == "#row": // "<line> <columns>"
		line, cols, _ := strings.Cut(value, " ")
		r.row.Line, _ = strconv.Atoi(line)
		n, _ := strconv.Atoi(cols)
		r.row.Cells = make([]string, n)
	case strings.HasPrefix(key, "month:"):
		r.row.MonthText = value // read by the engine, which knows the file's dates
	case strings.HasPrefix(key, "agent:"):
		r.row.Agent = value
		if err := scoring.CheckAgentName(value); err != nil {
			r.fault(key, value, err)
		}
	case strings.HasPrefix(key, "c"), strings.HasPrefix(key, "u"):
		i := colIndex(key)
		if i >= len(r.row.Cells) {
			r.row.Cells = append(r.row.Cells, make([]string, i+1-len(r.row.Cells))...)
		}
		r.row.Cells[i] = value
	}
	return nil
}

func (r *record) fault(key, text string, err error) {
	r.row.Faults = append(r.row.Faults, scoring.CellFault{Col: colIndex(key), Text: text, Err: err})
}

// colIndex reads the column index from a key such as "c3" or "month:0".
func colIndex(key string) int {
	i, _ := strconv.Atoi(strings.TrimLeft(key[strings.IndexAny(key, "0123456789"):], ":"))
	return i
}

// detectDelimiter returns the most frequent of comma, semicolon and tab in
// the header line, outside quotes (ties: tab, then semicolon, then comma).
func detectDelimiter(b []byte) rune {
	var counts [256]int // an array, not a map: a header of millions of cells is counted at once
	quoted := false
	for _, c := range b {
		if c == '\n' && !quoted {
			break
		}
		switch c {
		case '"':
			quoted = !quoted
		case ',', ';', '\t':
			if !quoted {
				counts[c]++
			}
		}
	}
	best := byte('\t')
	for _, c := range []byte{';', ','} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// maxTitleLines is how many lines below the first are tried as the
// header when the first holds no name Passline knows (SPEC section 9).
const maxTitleLines = 20

// headerLine finds the header row: the first non-blank line, unless it
// holds no name Passline knows and one of the next 20 lines (with at
// least two cells) does. It returns the lines above that one, as text
// (blank ones empty), and how many they are.
func headerLine(text []byte, sc *scoring.Scorecard, opts scoring.ReadOptions) (skipped []string, offset int) {
	var lines []string
	rest := text
	nonBlank := 0
	for len(rest) > 0 && nonBlank <= maxTitleLines {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		l := strings.TrimRight(string(line), "\r")
		lines = append(lines, l)
		if strings.TrimSpace(l) == "" {
			continue
		}
		cells := lineCells(l)
		if scoring.Recognises(sc, cells, opts) {
			if nonBlank == 0 {
				return nil, 0 // the first line is the header, as section 3 says
			}
			var titles []string
			for _, t := range lines[:len(lines)-1] {
				titles = append(titles, strings.TrimSpace(strings.Trim(strings.TrimSpace(t), ",;\t\"")))
			}
			return titles, len(lines) - 1
		}
		nonBlank++
	}
	return nil, 0 // none: the first line is the header, and the file is refused as section 3 says
}

// lineCells reads one line as a header row, with its own separator; past
// scoring.MaxColumns cells it reads no further (the header is refused).
func lineCells(line string) []string {
	comma := detectDelimiter([]byte(line))
	if headerCells([]byte(line), comma) > scoring.MaxColumns {
		cut := 0
		for range scoring.MaxColumns + 1 {
			cut += strings.IndexRune(line[cut:], comma) + 1
		}
		line = line[:cut]
	}
	r := csv.NewReader(strings.NewReader(line))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = comma, -1, true
	rec, err := r.Read()
	if err != nil {
		return nil
	}
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	return rec
}

// firstLine skips leading blank lines, which encoding/csv skips too.
func firstLine(b []byte) []byte {
	for len(b) > 0 && (b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	return b
}
