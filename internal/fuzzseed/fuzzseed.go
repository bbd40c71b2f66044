// Package fuzzseed adds files to a fuzz target's seed corpus, for the fuzz
// tests of several packages.
package fuzzseed

import (
	"os"
	"path/filepath"
	"testing"
)

// Files adds every file matching the glob patterns as a seed of f; a
// pattern that matches nothing (shared/ missing beside a checkout) adds
// nothing.
func Files(f *testing.F, patterns ...string) {
	for _, pat := range patterns {
		files, _ := filepath.Glob(pat)
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil {
				f.Add(b)
			}
		}
	}
}
