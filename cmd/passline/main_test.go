package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// TestExportsByHand checks the platform-shaped exports of SPEC section 9
// (testdata/golden/s9-*, each with a source.md saying where its shape comes
// from) against monthly values worked by hand from their rows: AHT as total
// handle time over calls, never a mean of the daily averages.
func TestExportsByHand(t *testing.T) {
	for _, tc := range []struct {
		dir, agent, period, column, want string
	}{
		// Genesys: Jo's days (calls, Avg Handle ms) 20×420000 + 25×480000 + 0×0 + 18×390000
		// = 27,420,000 ms over 63 calls = 435,238.095 ms = 435.2381 s (a plain mean of
		// the four days would be 322.5 s).
		{"s9-genesys-cloud", "Jo Smith", "2026-09", "aht_value", "435.2381"},
		// Sam: 30×300 + 28×330 + 26×360 = 27600 s over 84 calls = 328.5714 s.
		{"s9-genesys-cloud", "Sam Lee", "2026-09", "aht_value", "328.5714"},
		// Offers over Handle: Jo 18 of 63 = 28.5714 %.
		{"s9-genesys-cloud", "Jo Smith", "2026-09", "offer_rate_value", "28.5714"},
		// Read as seconds, the same weighting gives 435,238.0952 s (and the note asks).
		{"s9-genesys-cloud-no-unit", "Jo Smith", "2026-09", "aht_value", "435238.0952"},
		// NICE CXone: Jo's September intervals 6×410 + 0×0 + 4×520 + 5×455 = 6815 s over 15
		// calls = 454.3333 s; October 7×430 + 3×500 = 4510 over 10 = 451; Ana 8×380 + 2×620
		// = 4280 over 10 = 428.
		{"s9-nice-cxone", "Jo Smith", "2026-09", "aht_value", "454.3333"},
		{"s9-nice-cxone", "Jo Smith", "2026-10", "aht_value", "451"},
		{"s9-nice-cxone", "Ana Ruiz", "2026-09", "aht_value", "428"},
		// Five9: Jo 21×455 + 19×475 + 24×430 = 28,900 s over 64 = 451.5625; Kim 30×400 +
		// 10×560 = 17,600 over 40 = 440.
		{"s9-five9", "Jo Smith", "2026-09", "aht_value", "451.5625"},
		{"s9-five9", "Kim Park", "2026-09", "aht_value", "440"},
		// Talkdesk, one row per call: Jo's September (455 + 610 + 380) / 3 = 481.6667; one
		// satisfied of two surveyed = 50 %.
		{"s9-talkdesk", "Jo Smith", "2026-09", "aht_value", "481.6667"},
		{"s9-talkdesk", "Jo Smith", "2026-09", "csat_value", "50"},
		// Amazon Connect: jsmith 40×600 + 35×700 = 48,500 s over 75 contacts = 646.6667;
		// NPS (5+3 − (1+0)) / (8+4+1) = 7/13 = 53.8462; FCR 58 of 75 = 77.3333 %.
		{"s9-amazon-connect", "jsmith", "2026-09", "aht_value", "646.6667"},
		{"s9-amazon-connect", "jsmith", "2026-09", "nps_value", "53.8462"},
		{"s9-amazon-connect", "jsmith", "2026-09", "fcr_value", "77.3333"},
		// Avaya CMS: Jo 22×370 + 18×410 + 20×455 = 24,620 s over 60 = 410.3333; Raj 25×500
		// + 15×380 = 18,200 over 40 = 455.
		{"s9-avaya-cms", "Jo Smith", "2026-09", "aht_value", "410.3333"},
		{"s9-avaya-cms", "Raj Patel", "2026-09", "aht_value", "455"},
		// RingCentral, minutes: Jo 20×5.49 + 30×7.25 = 327.3 min over 50 = 6.546 min =
		// 392.76 s; Mia's October 8 min = 480 s.
		{"s9-ringcentral", "Jo Smith", "2026-09", "aht_value", "392.76"},
		{"s9-ringcentral", "Mia Wong", "2026-10", "aht_value", "480"},
		// Calabrio: Jo's evaluations (85 + 70 + 92 + 88) / 4 = 83.75 %; as written 0.8375 %.
		{"s9-calabrio-qm", "Jo Smith", "2026-09", "qa_value", "83.75"},
		{"s9-calabrio-qm-no-unit", "Jo Smith", "2026-09", "qa_value", "0.8375"},
		// Google Sheets: Jo's September 480×450 + 500×470 = 451,000 s over 980 = 460.2041;
		// CSAT (92 + 88) / 2 = 90; offers (60 + 62) / 980 = 12.449 %.
		{"s9-google-sheets", "Jo", "2026-09", "aht_value", "460.2041"},
		{"s9-google-sheets", "Jo", "2026-09", "csat_value", "90"},
		{"s9-google-sheets", "Jo", "2026-09", "offer_rate_value", "12.449"},
		{"s9-google-sheets", "Jo", "2026-10", "aht_value", "455"},
	} {
		want, err := os.ReadFile(filepath.Join(goldenDir, tc.dir, "want.txt"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(want), "\n")
		header := strings.Split(lines[2], ",")
		col := slices.Index(header, tc.column)
		found := false
		for _, l := range lines[3:] {
			cells := strings.Split(l, ",")
			if len(cells) == len(header) && cells[0] == tc.agent && cells[1] == tc.period {
				found = true
				if cells[col] != tc.want {
					t.Errorf("%s: %s %s %s = %s, worked by hand %s", tc.dir, tc.agent, tc.period, tc.column, cells[col], tc.want)
				}
			}
		}
		if !found || col < 0 {
			t.Errorf("%s: no row for %s %s with %s", tc.dir, tc.agent, tc.period, tc.column)
		}
	}
}

// failingWriter refuses every write, as /dev/full does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("no space left on device") }

// TestPresetsToAFullDisk (issue 25): `passline presets > /dev/full` says
// so and exits 1, never 0 with nothing written.
func TestPresetsToAFullDisk(t *testing.T) {
	var stderr bytes.Buffer
	if code := run([]string{"presets"}, nil, failingWriter{}, &stderr); code != 1 || !strings.Contains(stderr.String(), "no space left on device") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}
