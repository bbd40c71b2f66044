package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// TestContentVersion: the same files give the same version (a restart does
// not make users download the wasm again); a change gives another.
func TestContentVersion(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "app.css"), []byte("body{}"), 0o644)
	a := contentVersion([]byte("wasm"), dir, []string{"app.css"})
	if b := contentVersion([]byte("wasm"), dir, []string{"app.css"}); a != b {
		t.Errorf("same content, versions %s and %s", a, b)
	}
	if b := contentVersion([]byte("wasm2"), dir, []string{"app.css"}); a == b {
		t.Error("another wasm kept the version")
	}
	os.WriteFile(filepath.Join(dir, "app.css"), []byte("body{color:red}"), 0o644)
	if b := contentVersion([]byte("wasm"), dir, []string{"app.css"}); a == b {
		t.Error("another stylesheet kept the version")
	}
}

// TestServeCompressed: precompressed files by Accept-Encoding, with the
// right content type and the wasm's uncompressed size.
func TestServeCompressed(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("<html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm"), []byte("0123456789"), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm.br"), []byte("br"), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "app.wasm.gz"), []byte("gz"), 0o644)
	h := siteHandler(dir, "")
	tests := []struct {
		path, accept, wantBody, wantEncoding, wantType string
	}{
		{"/web/app.wasm", "gzip, deflate, br", "br", "br", "application/wasm"},
		{"/web/app.wasm", "gzip", "gz", "gzip", "application/wasm"},
		{"/web/app.wasm", "br;q=0, gzip", "gz", "gzip", "application/wasm"},
		{"/web/app.wasm", "", "0123456789", "", "application/wasm"},
		{"/", "br", "<html>", "", "text/html; charset=utf-8"},
		{"/some/page", "", "<html>", "", "text/html; charset=utf-8"},
	}
	for _, tt := range tests {
		r := httptest.NewRequest("GET", tt.path, nil)
		r.Header.Set("Accept-Encoding", tt.accept)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK || w.Body.String() != tt.wantBody || w.Header().Get("Content-Encoding") != tt.wantEncoding || w.Header().Get("Content-Type") != tt.wantType {
			t.Errorf("%s (%s): %d %q encoding %q type %q", tt.path, tt.accept, w.Code, w.Body.String(), w.Header().Get("Content-Encoding"), w.Header().Get("Content-Type"))
		}
	}
	r := httptest.NewRequest("GET", "/web/app.wasm", nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if got := w.Header().Get(UncompressedLengthHeader); got != "10" {
		t.Errorf("uncompressed length header %q", got)
	}
	r = httptest.NewRequest("GET", "/web/missing.png", nil)
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusNotFound {
		t.Errorf("a missing file: %d", w.Code)
	}
}

// TestDropFalseAttributes: HTML takes selected="false" as selected; the
// prerendered page showed "Retention desk" on every load (issue 11).
func TestDropFalseAttributes(t *testing.T) {
	in := `<select><option value="care-and-sales" selected="true">Care</option><option value="retention-smooth" selected="false">Retention</option></select><input type="checkbox" checked="false" disabled="true"><button disabled="false">Go</button>`
	want := `<select><option value="care-and-sales" selected="true">Care</option><option value="retention-smooth">Retention</option></select><input type="checkbox" disabled="true"><button>Go</button>`
	if got := string(dropFalseAttributes([]byte(in))); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
