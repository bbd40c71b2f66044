package state

import (
	"strings"
	"testing"

	"passline/internal/golist"
)

// TestNoUI: the state package, and everything it imports, never imports
// go-app or syscall/js: the app's logic stays testable without a browser.
func TestNoUI(t *testing.T) {
	for _, deps := range golist.Imports(t, `{{.ImportPath}} {{join .Deps " "}}`, "passline/state") {
		for _, dep := range deps[1:] {
			if strings.HasPrefix(dep, "github.com/maxence-charriere/go-app") || dep == "syscall/js" {
				t.Errorf("passline/state depends on %s", dep)
			}
		}
	}
}
