package csv

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestOnlyAdapterReadsCSV: this package is the only one of the module that
// imports encoding/csv or gocsv, tests included (issue 12).
func TestOnlyAdapterReadsCSV(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("go list needs the go command, which wasm tests cannot run")
	}
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}} {{join .TestImports " "}} {{join .XTestImports " "}}`, "passline/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 || fields[0] == "passline/csv" {
			continue
		}
		for _, imp := range fields[1:] {
			if imp == "encoding/csv" || imp == "github.com/gocarina/gocsv" {
				t.Errorf("%s imports %s: CSV is read and written in package csv only", fields[0], imp)
			}
		}
	}
}
