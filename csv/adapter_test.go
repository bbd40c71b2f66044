package csv

import (
	"testing"

	"passline/internal/golist"
)

// TestOnlyAdapterReadsCSV: this package is the only one of the module that
// imports encoding/csv or gocsv, tests included (issue 12).
func TestOnlyAdapterReadsCSV(t *testing.T) {
	for _, fields := range golist.Imports(t, `{{.ImportPath}} {{join .Imports " "}} {{join .TestImports " "}} {{join .XTestImports " "}}`, "passline/...") {
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
