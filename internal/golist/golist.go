// Package golist asks the go command what the module's packages import,
// for tests that keep the layers apart (docs/ARCHITECTURE.md).
package golist

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// Imports runs go list with format (a template giving an import path and
// what it imports, one package a line) on pattern, and returns each line's
// fields. Under WebAssembly, which cannot run the go command, it skips t.
func Imports(t *testing.T, format, pattern string) [][]string {
	t.Helper()
	if runtime.GOOS == "js" {
		t.Skip("go list needs the go command, which wasm tests cannot run")
	}
	out, err := exec.Command("go", "list", "-f", format, pattern).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	var lines [][]string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		lines = append(lines, strings.Fields(line))
	}
	return lines
}
