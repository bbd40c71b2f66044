package scoring

import (
	"fmt"
	"slices"
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
}

// Row is one data row of a file, as the CSV adapter read it.
type Row struct {
	Line   int         // the spreadsheet's row; the header is row 1
	Month  Month       // read from the month column (Month.UnmarshalCSV)
	Agent  string      // the agent column's cell (checked with CheckAgentName)
	Cells  []string    // every cell, by column index, trimmed
	Faults []CellFault // the cells the adapter could not read: month, agent
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
func NewDataReader(sc *Scorecard, header []string, comma rune) (*DataReader, error) {
	p := newPlan(sc, header, comma == ';')
	d := &Data{}
	if p.month < 0 {
		return nil, fmt.Errorf("%w: the file has no month column (the header is %s); add a column named month", ErrNoUsableData, ClipTo(strings.Join(header, string(comma)), 200))
	}
	d.NoAgent = p.agent < 0
	d.Inputs = p.modes
	d.Ignored = p.ignored(header)
	return &DataReader{sc: sc, p: p, b: newBuilder(sc, p, d), d: d, header: header}, nil
}

// Keys names each column for the adapter: "month:<i>", "agent:<i>",
// "c<i>" for a column a metric reads, "" for one nothing reads.
func (r *DataReader) Keys() []string { return r.p.keys(len(r.header)) }

// Add adds a row: its cells are read, and it is combined with the other
// rows of its agent and month, or left out with a problem per bad cell.
func (r *DataReader) Add(row *Row) { r.b.add(row, r.header) }

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
	r.b.finish()
	slices.SortStableFunc(d.Problems, func(a, b DataProblem) int { return a.Row - b.Row })
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
