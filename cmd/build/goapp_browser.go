package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The browser's go-app. go-app v9.8.0 keeps its server (the http.Handler
// that writes app.js, the worker and the pages) in files that every build
// compiles, the browser's too, and with them net/http, crypto/tls, x509 and
// text/template: about 1.4 MB of the raw wasm and 300 KB of its brotli
// file, never run in a browser. The wasm is built against a copy of
// go-app v9.8.0 in which those files are left out of GOOS=js builds; the
// copy is made at build time from the module cache, so go.mod still pins
// v9.8.0 and every other build (the site generator, the tests) uses
// go-app as it is. docs/PERFORMANCE.md has the measurements.

const (
	goappModule  = "github.com/maxence-charriere/go-app/v9"
	goappVersion = "v9.8.0"
)

// serverOnlyFiles are go-app's files that only serve; in the browser
// build they get a //go:build !wasm line.
var serverOnlyFiles = []string{"pkg/app/http.go", "pkg/app/resource.go"}

// goappBrowserStub stands in for what the rest of go-app's browser code
// takes from http.go.
const goappBrowserStub = `//go:build wasm

package app

// Written by Passline's cmd/build: the browser build of go-app leaves its
// server out (http.go, resource.go). Handler stays a type for wasm.go's
// GenerateStaticWebsite, which panics in a browser anyway.

import "strings"

// Handler is go-app's server, absent from the browser build.
type Handler struct{}

func isRemoteLocation(path string) bool {
	return strings.HasPrefix(path, "https://") ||
		strings.HasPrefix(path, "http://")
}

func isStaticResourcePath(path string) bool {
	return strings.HasPrefix(path, "/web/") ||
		strings.HasPrefix(path, "web/")
}
`

// browserModFile prepares, under dir, go-app without its server and a
// copy of root's go.mod that uses it, and returns that go.mod's path for
// go build -modfile.
func browserModFile(root, dir string) (string, error) {
	cmd := exec.Command("go", "list", "-m", "-json", goappModule)
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("finding %s: %v", goappModule, err)
	}
	var mod struct{ Version, Dir string }
	if err := json.Unmarshal(out, &mod); err != nil {
		return "", err
	}
	if mod.Version != goappVersion || mod.Dir == "" {
		return "", fmt.Errorf("go.mod has %s %s (in %q); the browser build leaves out the server files of %s: check serverOnlyFiles against the new version first", goappModule, mod.Version, mod.Dir, goappVersion)
	}
	copyDir := filepath.Join(dir, "go-app")
	for _, sub := range []string{"pkg/app", "pkg/errors"} {
		if err := copyGoFiles(filepath.Join(mod.Dir, sub), filepath.Join(copyDir, sub)); err != nil {
			return "", err
		}
	}
	if err := copyFile(filepath.Join(mod.Dir, "go.mod"), filepath.Join(copyDir, "go.mod")); err != nil {
		return "", err
	}
	for _, name := range serverOnlyFiles {
		path := filepath.Join(copyDir, name)
		src, err := os.ReadFile(path)
		if err != nil {
			return "", err
		}
		if bytes.Contains(src, []byte("//go:build")) {
			return "", fmt.Errorf("%s already has a build constraint: check serverOnlyFiles", name)
		}
		if err := os.WriteFile(path, append([]byte("//go:build !wasm\n\n"), src...), 0o644); err != nil {
			return "", err
		}
	}
	if err := os.WriteFile(filepath.Join(copyDir, "pkg/app/http_browser.go"), []byte(goappBrowserStub), 0o644); err != nil {
		return "", err
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return "", err
	}
	gomod = fmt.Appendf(gomod, "\nreplace %s => %s\n", goappModule, copyDir)
	modFile := filepath.Join(dir, "go.mod")
	if err := os.WriteFile(modFile, gomod, 0o644); err != nil {
		return "", err
	}
	if err := copyFile(filepath.Join(root, "go.sum"), filepath.Join(dir, "go.sum")); err != nil {
		return "", err
	}
	return modFile, nil
}

// copyGoFiles copies a package's Go files, not its tests, into to.
func copyGoFiles(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.Type()&fs.ModeType != 0 || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if err := copyFile(filepath.Join(from, name), filepath.Join(to, name)); err != nil {
			return err
		}
	}
	return nil
}

// buildBrowserWasm builds cmd/web for the browser, against go-app without
// its server, in the folder tmp, and returns the wasm; flags are go
// build's own (the site's "-ldflags=-s -w").
func buildBrowserWasm(root, tmp string, flags ...string) ([]byte, error) {
	modFile, err := browserModFile(root, filepath.Join(tmp, "mod"))
	if err != nil {
		return nil, err
	}
	path := filepath.Join(tmp, "app.wasm")
	args := append([]string{"build", "-modfile=" + modFile, "-trimpath"}, flags...)
	cmd := exec.Command("go", append(args, "-o", path, "./cmd/web")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building the wasm failed: %v\n%s", err, out)
	}
	return os.ReadFile(path)
}
