package app

import (
	"net/url"
	"testing"
)

// TestFixURL: links that crashed go-app's navigation at start (issue 11)
// come out as addresses url.Parse takes, keeping what can be kept.
func TestFixURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://127.0.0.1:8000/#%", "http://127.0.0.1:8000/#%25"},
		{"http://127.0.0.1:8000/#foo%", "http://127.0.0.1:8000/#foo%25"},
		{"http://127.0.0.1:8000/#share=abc%zz", "http://127.0.0.1:8000/#share=abc%25zz"},
		{"http://127.0.0.1:8000/#share=abc%2", "http://127.0.0.1:8000/#share=abc%252"},
		{"http://127.0.0.1:8000/#share=ok%20fine", "http://127.0.0.1:8000/#share=ok%20fine"},
		{"http://127.0.0.1:8000/", "http://127.0.0.1:8000/"},
	} {
		got, changed := fixURL(tc.in)
		if got != tc.want || changed != (tc.in != tc.want) {
			t.Errorf("fixURL(%q) = %q, %v; want %q", tc.in, got, changed, tc.want)
		}
		if _, err := url.Parse(got); err != nil {
			t.Errorf("fixURL(%q) = %q, which url.Parse refuses: %v", tc.in, got, err)
		}
	}
}

// FuzzFixURL: whatever the address, what comes out parses.
func FuzzFixURL(f *testing.F) {
	for _, s := range []string{"#%", "#foo%", "#share=abc%zz", "?a=%%#%", "#share=v1.abc", "%", "\x7f#%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tail string) {
		got, _ := fixURL("http://127.0.0.1:8000/" + tail)
		if _, err := url.Parse(got); err != nil {
			t.Fatalf("fixURL(%q) = %q, which url.Parse refuses: %v", tail, got, err)
		}
	})
}
