// Command passline scores agents' metric files against a scorecard, with the
// same engine as the Passline app.
//
//	passline score --scorecard FILE|PRESET [DATA.csv]   results CSV on stdout
//	passline presets                                   list the built-in scorecards
//	passline scorecard --scorecard FILE|PRESET         print the scorecard as JSON
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"passline/csv"
	"passline/scoring"
)

const usage = `passline scores call-centre agents' monthly metrics against a scorecard.

Usage:
  passline score --scorecard FILE|PRESET [--column KEY=HEADER]... [--dates dmy|mdy]
                 [--unit HEADER=ms|s|min|h|fraction]... [DATA.csv]
      Reads the data (a CSV file, or standard input when DATA.csv is
      missing or "-") and prints the results CSV on standard output: one
      row per agent and month, then one per quarter (see docs/SCORING.md).
      Each problem in the data is one line on standard error, naming the
      row and column; the bad row is left out and the rest is scored.

      --column KEY=HEADER says which column of the file holds KEY: month,
      agent, a metric id (its value given directly) or a source column
      (calls, surveys…); it beats every automatic match. Repeat it for
      more columns: --column agent="Agent Name" --column ce="CSAT %".
      --dates says how dates such as 01/10/2026 are read: dmy (day first,
      1 October) or mdy (month first, January 10); needed only when the
      file's dates could be either.
      --unit says in which unit a column's bare numbers are: a duration
      in ms, s, min or h (beating the header's own "(ms)" or "(min)"), or
      a rate written as a fraction (0.917 is 91.7 %) or as a percent.
      Repeat it for more columns: --unit "Avg Handle=ms".
      Exports as platforms write them are read too: report titles above
      the header are skipped, total rows left out, daily rows combined;
      each such step is a note on standard error.

  passline presets
      Lists the built-in scorecards.

  passline scorecard --scorecard FILE|PRESET
      Checks a scorecard and prints it as JSON, defaults filled in; use it
      to start a scorecard of your own from a preset.

  --scorecard takes a scorecard JSON file or a preset's name.

Exit status: 0 when the results were written (even if some rows were
left out); 1 when the scorecard is refused or the data has no usable row;
2 when the command itself is wrong.
`

func main() {
	// The data file is held whole while it is read: collecting garbage
	// twice as often keeps the peak near three to four times the file
	// (docs/PERFORMANCE.md) at no cost in time.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the command line without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	case "presets":
		var b bytes.Buffer
		for _, p := range scoring.Presets() {
			fmt.Fprintf(&b, "%-18s %s\n", p.ID, p.Description)
		}
		if _, err := stdout.Write(b.Bytes()); err != nil { // a full disk, a closed pipe: said, exit 1 (issue 25)
			fmt.Fprintf(stderr, "passline: %v\n", err)
			return 1
		}
		return 0
	case "score", "scorecard":
	default:
		fmt.Fprintf(stderr, "passline: unknown command %s; run passline --help\n", scoring.Clip(args[0]))
		return 2
	}

	fs := flag.NewFlagSet("passline "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	scPath := fs.String("scorecard", "", "scorecard JSON file or preset name")
	columns := columnFlags{}
	fs.Var(columns, "column", "KEY=HEADER: the column of the file that holds KEY")
	dates := fs.String("dates", "", "dmy or mdy: how dates such as 01/10/2026 are read")
	units := unitFlags{}
	fs.Var(units, "unit", "HEADER=ms|s|min|h|fraction: the unit of a column's bare numbers")
	positional, err := parseInterleaved(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "passline %s: %v; run passline --help\n", args[0], err)
		return 2
	}
	if *dates != "" && *dates != string(scoring.DayFirst) && *dates != string(scoring.MonthFirst) {
		fmt.Fprintf(stderr, "passline %s: --dates takes dmy (day first) or mdy (month first), not %s\n", args[0], scoring.Clip(*dates))
		return 2
	}
	if *scPath == "" {
		fmt.Fprintf(stderr, "passline %s: --scorecard is required: a scorecard JSON file or one of the presets (passline presets)\n", args[0])
		return 2
	}
	sc, err := loadScorecard(*scPath)
	if err != nil {
		fmt.Fprintf(stderr, "passline: %v\n", err)
		return 1
	}
	if args[0] == "scorecard" {
		if err := scoring.WriteScorecard(stdout, sc); err != nil {
			fmt.Fprintf(stderr, "passline: %v\n", err)
			return 1
		}
		return 0
	}
	if len(positional) > 1 {
		fmt.Fprintf(stderr, "passline score: one data file at a time, got %d: %s\n", len(positional), safe(strings.Join(positional, " ")))
		return 2
	}
	return score(sc, positional, scoring.ReadOptions{Columns: columns, Dates: scoring.DateOrder(*dates), Units: units}, stdin, stdout, stderr)
}

// unitFlags collects --unit HEADER=UNIT, each header once.
type unitFlags map[string]scoring.ColumnUnit

func (u unitFlags) String() string { return "" }

func (u unitFlags) Set(s string) error {
	i := strings.LastIndex(s, "=")
	if i <= 0 || strings.TrimSpace(s[i+1:]) == "" {
		return fmt.Errorf("--unit takes HEADER=UNIT, such as \"Avg Handle=ms\", not %s", scoring.Clip(s))
	}
	header := strings.TrimSpace(s[:i])
	unit, err := scoring.ParseUnit(s[i+1:])
	if err != nil {
		return fmt.Errorf("--unit %s: %s is not a unit: write ms, s, min, h, fraction or percent", scoring.Clip(header), scoring.Clip(strings.TrimSpace(s[i+1:])))
	}
	if _, twice := u[header]; twice {
		return fmt.Errorf("--unit gives %s twice", scoring.Clip(header))
	}
	u[header] = unit
	return nil
}

// columnFlags collects --column KEY=HEADER, each KEY once.
type columnFlags map[string]string

func (c columnFlags) String() string { return "" }

func (c columnFlags) Set(s string) error {
	key, header, ok := strings.Cut(s, "=")
	key, header = strings.TrimSpace(key), strings.TrimSpace(header)
	switch {
	case !ok || key == "" || header == "":
		return fmt.Errorf("--column takes KEY=HEADER, such as agent=\"Agent Name\", not %s", scoring.Clip(s))
	case c[key] != "":
		return fmt.Errorf("--column gives %s twice (%s and %s)", scoring.Clip(key), scoring.Clip(c[key]), scoring.Clip(header))
	}
	c[key] = header
	return nil
}

// parseInterleaved lets flags stand before or after the file names.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// loadScorecard reads a preset by its name, or else a scorecard file: a
// preset's name always means the preset, so a file that happens to be
// called care-and-sales is read only by a path such as ./care-and-sales.
func loadScorecard(pathOrPreset string) (*scoring.Scorecard, error) {
	if sc, err := scoring.LoadPreset(pathOrPreset); err == nil {
		return sc, nil
	}
	b, err := os.ReadFile(pathOrPreset)
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: %v", safe(pathOrPreset), scrub(err))
		}
		_, perr := scoring.LoadPreset(pathOrPreset)
		return nil, fmt.Errorf("%s: no such file, and %v", safe(pathOrPreset), perr)
	}
	sc, err := scoring.ParseScorecard(b)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", safe(pathOrPreset), err)
	}
	return sc, nil
}

// safe writes a name from the command line or a file for the terminal: as
// it is when it is plain printable text, quoted with what cannot be seen
// said in words otherwise ("evil[U+001B][31m.csv"), so that a file name
// cannot move the cursor or change colours.
func safe(name string) string {
	if r := scoring.Readable(name); r != name {
		return `"` + r + `"`
	}
	return name
}

// scrub is an error whose text may hold a file name, made safe.
func scrub(err error) string { return safe(err.Error()) }

func score(sc *scoring.Scorecard, positional []string, opts scoring.ReadOptions, stdin io.Reader, stdout, stderr io.Writer) int {
	name, in := "standard input", stdin
	if len(positional) == 1 && positional[0] != "-" {
		f, err := os.Open(positional[0])
		if err != nil {
			fmt.Fprintf(stderr, "passline: %s\n", scrub(err))
			return 1
		}
		defer f.Close()
		name, in = safe(positional[0]), f
	}
	data, err := csv.ReadDataWith(in, sc, opts)
	if errors.Is(err, scoring.ErrUsage) {
		fmt.Fprintf(stderr, "passline score: %s; run passline --help\n", safe(strings.TrimPrefix(err.Error(), scoring.ErrUsage.Error()+": ")))
		return 2
	}
	if data != nil {
		for _, p := range data.Problems {
			fmt.Fprintf(stderr, "%s: %s\n", name, p)
		}
		for _, id := range data.MissingMetrics(sc) {
			fmt.Fprintf(stderr, "%s: %s; its months are incomplete\n", name, data.MissingWords(sc.Metric(id)))
		}
		if len(data.Ignored) > 0 {
			fmt.Fprintf(stderr, "%s: note: no metric uses the columns %s\n", name, quoteAll(data.Ignored))
		}
		for _, w := range data.Warnings {
			fmt.Fprintf(stderr, "%s: warning: %s\n", name, safe(w))
		}
		for _, n := range data.Notes {
			fmt.Fprintf(stderr, "%s: note: %s\n", name, safe(n))
		}
		for _, d := range data.Doubts {
			fmt.Fprintf(stderr, "%s: note: %s\n", name, safe(d.Note()))
		}
	}
	var amb *scoring.AmbiguousDates
	if errors.As(err, &amb) {
		fmt.Fprintf(stderr, "passline: %s: %v; run again with --dates dmy or --dates mdy\n", name, err)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "passline: %s: %v\n", name, err)
		return 1
	}
	// Scored and written an agent at a time, each agent's months let go
	// once written: a big file's results never stand in memory at once.
	out := bufio.NewWriterSize(stdout, 64<<10)
	rw, err := csv.NewResultsWriter(out, sc)
	for i := 0; err == nil && i < len(data.Agents); i++ {
		a := sc.ScoreAgent(data.Agents[i])
		data.Agents[i].Months = nil
		for _, q := range a.Quarters {
			for _, id := range q.MeanOf {
				fmt.Fprintf(stderr, "%s: note: %s %s: %s is the mean of the monthly values (the data has no counts to pool)\n", name, safe(a.Name), q.Label, id)
			}
		}
		err = rw.Write(a)
	}
	if err == nil {
		err = rw.Flush()
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "passline: %v\n", err)
		return 1
	}
	return 0
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = `"` + scoring.Readable(s) + `"`
	}
	return scoring.ShortList(q, 20)
}
