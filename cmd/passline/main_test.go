package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden from the current output")

const goldenDir = "../../testdata/golden"

// TestGolden runs each case under testdata/golden through the command line:
// a folder holds "args" (one line, split as a shell splits it: a "quoted
// part" keeps its spaces), its input files, "stdin.csv" if the
// case reads standard input, and "want.txt": the exit status, stdout and
// stderr. Regenerate with: go test ./cmd/passline -run Golden -update
func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenDir, "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no golden cases found in %s", goldenDir)
	}
	for _, dir := range dirs {
		abs, _ := filepath.Abs(dir)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			argsLine, err := os.ReadFile(filepath.Join(abs, "args"))
			if err != nil {
				t.Fatal(err)
			}
			stdin, _ := os.ReadFile(filepath.Join(abs, "stdin.csv"))
			t.Chdir(abs)
			var stdout, stderr bytes.Buffer
			code := run(splitArgs(string(argsLine)), bytes.NewReader(stdin), &stdout, &stderr)
			got := fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, stdout.String(), stderr.String())
			wantPath := filepath.Join(abs, "want.txt")
			if *update {
				if err := os.WriteFile(wantPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (run with -update after checking it):\n--- got\n%s\n--- want\n%s", wantPath, got, want)
			}
		})
	}
}

// TestSpecExample is SPEC section 7's example, from SPEC's own example
// files, to the letter.
func TestSpecExample(t *testing.T) {
	shared := "../../../shared/examples"
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("SPEC's examples are not beside the checkout (%v); the golden case spec-october holds copies", err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"score", "--scorecard", shared + "/care-and-sales.json", shared + "/october.csv"}, nil, &stdout, &stderr)
	want := "agent,period,kind,score,pass,status,need,offer_rate_value,offer_rate_points,conversion_value,conversion_points,ce_value,ce_points,aht_value,aht_points,attendance_value,attendance_points\n" +
		"Jo,2026-10,month,2.1,true,complete,,11.5385,1,0,1,92,3,455,2,2.5,2.5\n" +
		"Jo,2026-Q4,quarter,2.1,,in progress,1.900,11.5385,1,0,1,92,3,455,2,2.5,2.5\n"
	if code != 0 || stdout.String() != want || stderr.Len() != 0 {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s\nwant:\n%s", code, stdout.String(), stderr.String(), want)
	}
	for _, name := range []string{"care-and-sales.json", "october.csv"} {
		a, _ := os.ReadFile(filepath.Join(shared, name))
		b, _ := os.ReadFile(filepath.Join(goldenDir, "spec-october", map[string]string{"care-and-sales.json": "scorecard.json", "october.csv": "data.csv"}[name]))
		if !bytes.Equal(a, b) {
			t.Errorf("testdata/golden/spec-october's copy of %s differs from SPEC's", name)
		}
	}
}

// TestNamesPrintedSafely: a file name with a terminal escape (here one
// that turns text red) reaches standard error escaped, never raw (issue 11).
func TestNamesPrintedSafely(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "evil\x1b[31mname.csv")
	if err := os.WriteFile(name, []byte("month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n2026-10,Jo\x1b[2J,520,60,0,25,2x3,7:35,1,0\n2026-10,Sam,520,60,0,25,23,7:35,1,0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"score", "--scorecard", "care-and-sales", name},
		{"score", "--scorecard", name + ".json", name},
		{"score", "--scorecard", "care-and-sales", name + ".missing"},
		{"nope\x1b[31m"},
	} {
		var stdout, stderr bytes.Buffer
		run(args, strings.NewReader(""), &stdout, &stderr)
		if strings.ContainsRune(stderr.String(), '\x1b') {
			t.Errorf("%q: a raw escape reached the terminal:\n%q", args, stderr.String())
		}
		if !strings.Contains(stderr.String(), `[U+001B]`) {
			t.Errorf("%q: the escape is not shown escaped:\n%q", args, stderr.String())
		}
	}
}

// TestBinaryStdinRefusedAtOnce: /dev/zero on standard input is refused
// after its first bytes, not read until memory runs out (issue 11).
func TestBinaryStdinRefusedAtOnce(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"score", "--scorecard", "care-and-sales"}, zeros{}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "this file is binary data") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// splitArgs splits a line into arguments as a shell would, for the cases
// that need a header with spaces: --column agent="Agent Name".
func splitArgs(line string) []string {
	var args []string
	var cur strings.Builder
	in, quoted := false, false
	for _, r := range strings.TrimSpace(line) {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case (r == ' ' || r == '\t' || r == '\n') && !quoted:
			if in {
				args = append(args, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		args = append(args, cur.String())
	}
	return args
}
