package scoring

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// A DataReader gives a data file's rows their meaning (SPEC section 3):
// which column is the month, the agent and each metric's, how several rows
// of an agent-month combine, what a bad cell is. The CSV adapter
// (package passline/csv) reads the file's cells and hands them over; this
// package never reads CSV itself.
type DataReader struct {
	sc     *Scorecard
	p      *plan
	b      *builder
	d      *Data
	header []string
	dates  DateOrder // how numeric dates are read (SetDates)
	chosen DateOrder // the user's choice
	ask    bool      // hold columns in doubt of being fractions (ReadOptions.Ask)
	// skipped are the lines above the header (SPEC section 9); serial the
	// first Excel serial date read, for the notes.
	skipped  []string
	serial   string
	combined []string // what combining rows did, said before the accounts go
}

// Row is one data row of a file, as the CSV adapter read it.
type Row struct {
	Line      int         // the spreadsheet's row; the header is row 1
	MonthText string      // the month column's cell, read by Add (ParseMonth)
	Month     Month       // the month, once read
	Agent     string      // the agent column's cell (checked with CheckAgentName)
	Cells     []string    // every cell, by column index, trimmed
	Faults    []CellFault // the cells the adapter could not read: agent
}

// CellFault is a bad cell of a row: its column index, its text, and what
// was wrong (a *CellError says what was expected).
type CellFault struct {
	Col  int
	Text string
	Err  error
}

// NewDataReader plans how the columns of header are read against sc; comma
// is the file's separator (a semicolon file takes decimal commas). A header
// without a month column is refused, wrapping ErrNoUsableData.
//
// opts are the user's choices (SPEC section 8): a chosen mapping that
// does not fit the file or the scorecard is an error wrapping ErrUsage.
func NewDataReader(sc *Scorecard, header []string, comma rune, opts ReadOptions) (*DataReader, error) {
	chosen, err := chosenColumns(sc, header, opts.Columns)
	if err != nil {
		return nil, err
	}
	unused := map[int]bool{}
	for _, u := range opts.Unused {
		for i, h := range header {
			unused[i] = unused[i] || ColumnKey(h) == ColumnKey(u)
		}
	}
	units := map[int]ColumnUnit{}
	for h, u := range opts.Units {
		i := slices.IndexFunc(header, func(x string) bool { return ColumnKey(x) == ColumnKey(h) && ColumnKey(h) != "" })
		if i < 0 {
			return nil, fmt.Errorf("%w: the file has no column %s to give a unit (its header is %s)", ErrUsage, Clip(h), ClipTo(strings.Join(header, ", "), 200))
		}
		if !slices.Contains(Units, u) {
			return nil, fmt.Errorf("%w: %s is not a unit: write ms, s, min, h, fraction or percent", ErrUsage, Clip(string(u)))
		}
		units[i] = u
	}
	p := newPlan(sc, header, comma == ';', chosen, unused, units)
	d := &Data{Columns: p.uses(header), Comma: comma}
	if p.month < 0 {
		nm := &NoMonthColumn{Header: header, Comma: comma, Columns: d.Columns}
		for k, i := range chosen { // a month column chosen for something else (issue 25: --column agent=month)
			if ColumnKey(header[i]) == "month" {
				nm.ChosenFor = k
			}
		}
		return nil, nm
	}
	for _, i := range slices.Sorted(maps.Keys(units)) {
		if why := p.unitFits(i, units[i], header); why != "" {
			return nil, fmt.Errorf("%w: %s", ErrUsage, why)
		}
	}
	d.NoAgent = p.agent < 0
	d.Inputs = p.modes
	d.Ignored = p.ignored(header)
	return &DataReader{sc: sc, p: p, b: newBuilder(sc, p, d), d: d, header: header, chosen: opts.Dates, ask: opts.Ask}, nil
}

// NoMonthColumn is a file whose header has no month column, which the
// user can still choose (SPEC section 9: the mapping is always offered).
// It wraps ErrNoUsableData.
type NoMonthColumn struct {
	Header  []string
	Comma   rune
	Columns []ColumnUse // what each header was read as, for the choice
	// ChosenFor is the key the column named month was chosen for, if it was.
	ChosenFor string
}

func (e *NoMonthColumn) Error() string {
	if e.ChosenFor != "" {
		return fmt.Sprintf("%v: the column named month is chosen as %s, so the file has no month column; choose another column as %s, or another as the month (on the command line, --column month=HEADER)",
			ErrNoUsableData, Clip(e.ChosenFor), Clip(e.ChosenFor))
	}
	return fmt.Sprintf("%v: the file has no month column (its %s-separated header is %s); add a column named month, or say which column is the month (on the command line, --column month=HEADER)",
		ErrNoUsableData, DelimiterWord(e.Comma), ClipTo(strings.Join(e.Header, ", "), 200))
}

func (e *NoMonthColumn) Unwrap() error { return ErrNoUsableData }

// Recognises reports whether a header row holds a name Passline knows for
// sc: the month, the agent, a metric, a source column, or one the user
// chose (SPEC section 9: the first such line is the header).
func Recognises(sc *Scorecard, header []string, opts ReadOptions) bool {
	filled := 0
	for _, h := range header {
		if h != "" {
			filled++
		}
	}
	if filled < 2 {
		return false
	}
	// Any cell that is a name Passline knows, as written or by section 9's
	// forms: most headers answer at their first cell, and a line of
	// millions of cells never builds a plan.
	known := knownNames(sc)
	for k := range opts.Columns {
		known[ColumnKey(opts.Columns[k])] = true
	}
	for _, h := range header {
		if known[ColumnKey(h)] {
			return true
		}
		if mayHaveMoreKeys(h) && slices.ContainsFunc(headerKeys(h), func(k string) bool { return known[k] }) {
			return true
		}
	}
	return false
}

// knownNames are the column keys Passline reads for sc: the month's and
// the agent's names, each metric's id and label, each source column and
// section 9's other names for them.
func knownNames(sc *Scorecard) map[string]bool {
	known := map[string]bool{}
	for _, list := range [][]string{{"month", "agent"}, monthAliases, agentAliases, monthAliases9, agentAliases9} {
		for _, n := range list {
			known[n] = true
		}
	}
	for _, m := range sc.Metrics {
		known[ColumnKey(m.ID)], known[ColumnKey(m.Label)] = true, true
		for _, n := range namesOf(m.ID) {
			known[n] = true
		}
		cols := m.Source.Columns()
		if m.Source.WeightBy != "" {
			cols = append(cols, m.Source.WeightBy)
		}
		for _, c := range cols {
			for _, n := range namesOf(c) {
				known[n] = true
			}
		}
	}
	return known
}

// SkippedLines notes the lines above the header that were skipped (SPEC
// section 9), as the adapter found them.
func (r *DataReader) SkippedLines(lines []string) { r.skipped = lines }

// MonthColumn is the index of the month column.
func (r *DataReader) MonthColumn() int { return r.p.month }

// SetDates decides how the file's numeric dates are read from every month
// cell of the file (DecideDates), before any row is added. An ambiguous
// file the user has not decided is an *AmbiguousDates; a file with dates
// both ways is refused.
func (r *DataReader) SetDates(cells []DateCell) error {
	order, err := DecideDates(cells, r.chosen)
	r.dates = order
	return err
}

// NumericDate reports whether a month cell is a date written day and month
// as numbers, whose reading needs the whole file (SetDates).
func NumericDate(s string) bool {
	_, _, _, ok := numericParts(s)
	return ok
}

// DelimiterWord names a separator in words, for messages: never an escape.
func DelimiterWord(r rune) string {
	switch r {
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return "comma"
}

// Keys names each column for the adapter: "month:<i>", "agent:<i>",
// "c<i>" for a column a metric reads, "" for one nothing reads.
func (r *DataReader) Keys() []string { return r.p.keys(len(r.header)) }

// Add adds a row: its cells are read, and it is combined with the other
// rows of its agent and month, or left out with a problem per bad cell.
func (r *DataReader) Add(row *Row) {
	if IsTotal(row.MonthText) || r.p.agent >= 0 && IsTotal(row.Agent) {
		r.d.Totals = append(r.d.Totals, row.Line) // a total or summary row: never an agent or a month
		return
	}
	if r.serial == "" && excelSerial(strings.TrimSpace(row.MonthText)) {
		r.serial = strings.TrimSpace(row.MonthText)
	}
	m, err := ParseMonth(row.MonthText, r.dates)
	if err != nil {
		row.Faults = append(row.Faults, CellFault{Col: r.p.month, Text: row.MonthText, Err: err})
	}
	row.Month = m
	r.b.add(row, r.header)
}

// Problem notes a row the adapter could not read at all (its quotes, its
// separators); the row is left out.
func (r *DataReader) Problem(p DataProblem) { r.d.Problems = append(r.d.Problems, p) }

// Done finishes the data; rows is how many data rows the file had, good or
// bad. A file with no data row or no usable row gives an error wrapping
// ErrNoUsableData, with the Data read and its problems.
func (r *DataReader) Done(rows int) (*Data, error) {
	d := r.d
	d.Rows = rows
	if d.Rows == 0 {
		return d, fmt.Errorf("%w: the file has a header but no data row", ErrNoUsableData)
	}
	r.combined = r.combinedNotes()
	r.b.finish()
	r.notes()
	sort.SliceStable(d.Problems, func(i, j int) bool { return d.Problems[i].Row < d.Problems[j].Row })
	if len(d.Agents) == 0 {
		return d, fmt.Errorf("%w: none of the %d data rows could be used (see the problems listed)", ErrNoUsableData, d.Rows)
	}
	return d, nil
}

// cellAt is a row's cell, blank past its end (short rows are padded).
func cellAt(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}
