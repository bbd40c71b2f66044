package scoring

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Data is a metric CSV file (SPEC section 3) read against a scorecard.
type Data struct {
	Agents   []AgentData   // in the order they first appear
	NoAgent  bool          // the file has no agent column: its one agent is "Me"
	Inputs   []InputMode   // per scorecard metric: where its values come from
	Ignored  []string      // header cells no metric uses
	Problems []DataProblem // bad cells; their rows were left out
	Rows     int           // data rows read, good or bad
	// Columns says what each header was read as (SPEC section 8: the app
	// shows it, and the user can change it); Comma is the separator.
	Columns []ColumnUse
	Comma   rune
	// Warnings say what was read but may be wrong: rows combined though a
	// column differs between them (no agent column).
	Warnings []string
	// Notes say in words what the read did besides reading cells (SPEC
	// section 9): lines above the header skipped, total rows left out,
	// rows combined and how, units taken from headers or chosen.
	Notes []string
	// Doubts are the columns whose unit is in doubt (fractions,
	// milliseconds); Totals the rows left out as total or summary rows.
	Doubts []UnitDoubt
	Totals []int
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
	// Points says Value is the metric's points, given directly (an agent
	// who knows her points, not her numbers): the metric is scored as a
	// points metric, its pass line in points.
	Points bool
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

// CheckAgentName says what is wrong with an agent name, or returns nil.
func CheckAgentName(name string) error {
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

// MissingWords is MissingColumns for the data read: when a column the
// metric needs is in the file but chosen for another key, it says so
// (issue 25: --column surveys=calls left offer rate "without calls").
func (d *Data) MissingWords(m *Metric) string {
	for _, c := range m.Source.Columns() {
		for _, u := range d.Columns {
			if ColumnKey(u.Header) == ColumnKey(c) && u.Key != "" && ColumnKey(u.Key) != ColumnKey(c) {
				return fmt.Sprintf("no column gives %s (%s): its column %s is read as %s; give %s a column of its own, or choose another for %s",
					m.Label, m.ID, Clip(u.Header), u.Key, c, u.Key)
			}
		}
	}
	return MissingColumns(m)
}

// MissingColumns says, for a metric no column of the file gives, what to
// add: "no column gives Customer experience (ce): add the columns
// "satisfied" and "surveys", or a column named "ce" or "Customer
// experience"". The app and the command line both say it so.
func MissingColumns(m *Metric) string {
	hint := fmt.Sprintf("a column named %s or %s", Clip(m.ID), Clip(m.Label))
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
