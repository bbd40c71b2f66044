package state

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestNoUI: the state package, and everything it imports, never imports
// go-app or syscall/js: the app's logic stays testable without a browser.
func TestNoUI(t *testing.T) {
	if runtime.GOOS == "js" {
		t.Skip("go list needs the go command, which wasm tests cannot run")
	}
	out, err := exec.Command("go", "list", "-deps", "passline/state").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/maxence-charriere/go-app") || dep == "syscall/js" {
			t.Errorf("passline/state depends on %s", dep)
		}
	}
}
