package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	goapp "github.com/maxence-charriere/go-app/v9/pkg/app"
)

// SiteOptions says what to build and where.
type SiteOptions struct {
	Root string // the repository: where cmd/web and web/ are
	Out  string // the site's folder, emptied first (dist)
	// Base is the sub-path the site is served from, such as /passline for
	// GitHub Pages; empty for the root of a host.
	Base string
	Log  func(format string, args ...any)
}

// Site is a built site.
type Site struct {
	Dir     string
	Base    string
	Version string // from the content: the same files give the same version
	Wasm    Sizes
}

// Sizes are the wasm's sizes in bytes.
type Sizes struct{ Raw, Gzip, Brotli int64 }

// UncompressedLengthHeader carries the wasm's uncompressed size when it is
// served compressed, so that the loading label's percentage is right.
const UncompressedLengthHeader = "X-Uncompressed-Length"

// BuildSite builds the wasm and writes the complete static site.
func BuildSite(o SiteOptions) (*Site, error) {
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	base := "/" + strings.Trim(o.Base, "/")
	if base == "/" {
		base = ""
	}
	tmp, err := os.MkdirTemp("", "passline-build-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	o.Log("building the wasm (GOOS=js GOARCH=wasm, go-app without its server)…")
	wasm, err := buildBrowserWasm(o.Root, tmp, "-ldflags=-s -w")
	if err != nil {
		return nil, err
	}
	webDir := filepath.Join(o.Root, "web")
	assets, err := webAssets(webDir)
	if err != nil {
		return nil, err
	}
	site := &Site{Dir: o.Out, Base: base, Version: contentVersion(wasm, webDir, assets)}

	o.Log("writing the static site to %s (version %s)…", o.Out, site.Version)
	if err := os.RemoveAll(o.Out); err != nil {
		return nil, err
	}
	if err := goapp.GenerateStaticWebsite(o.Out, newHandler(site.Version, base)); err != nil {
		return nil, fmt.Errorf("generating the static site: %w", err)
	}
	for _, name := range assets {
		if err := copyFile(filepath.Join(webDir, name), filepath.Join(o.Out, "web", name)); err != nil {
			return nil, err
		}
	}
	if err := os.WriteFile(filepath.Join(o.Out, "web", "app.wasm"), wasm, 0o644); err != nil {
		return nil, err
	}
	if err := fixPages(o.Out); err != nil {
		return nil, err
	}
	if err := addMaskableIcon(filepath.Join(o.Out, "manifest.webmanifest"), base); err != nil {
		return nil, err
	}
	o.Log("compressing…")
	if err := precompress(o.Out); err != nil {
		return nil, err
	}
	site.Wasm, err = wasmSizes(o.Out)
	return site, err
}

// webAssets lists the files of web/ that the site serves (not the icon
// generator, not a previously built wasm).
func webAssets(dir string) ([]string, error) {
	var names []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		switch {
		case d.IsDir() && rel == "icons":
			return filepath.SkipDir
		case d.IsDir() || rel == "app.wasm" || strings.HasSuffix(rel, ".go"):
			return nil
		}
		names = append(names, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(names)
	return names, err
}

// contentVersion hashes the wasm and the assets: a rebuild of the same code
// keeps the version, so returning users keep their cached wasm.
func contentVersion(wasm []byte, webDir string, assets []string) string {
	h := sha256.New()
	h.Write(wasm)
	for _, name := range assets {
		b, _ := os.ReadFile(filepath.Join(webDir, name))
		fmt.Fprintf(h, "%s %d\n", name, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// newHandler describes the app to go-app: names, colours, local icons (the
// defaults point to a remote host, which breaks offline installs), styles,
// and what the service worker caches.
func newHandler(version, base string) *goapp.Handler {
	h := &goapp.Handler{
		Name:            "Passline: will I pass this month?",
		ShortName:       "Passline",
		Title:           "Passline: will I pass this month?",
		Description:     "A what-if calculator for call-centre scorecards: see exactly whether your month and quarter pass, and what you still need.",
		Lang:            "en",
		Author:          "Passline",
		BackgroundColor: "#f6f7f5",
		ThemeColor:      "#0b5d3b",
		LoadingLabel:    "Loading the calculator… {progress}%",
		Icon: goapp.Icon{
			Default:    "/web/icon-192.png",
			Large:      "/web/icon-512.png",
			SVG:        "/web/icon.svg",
			AppleTouch: "/web/icon-192.png",
		},
		Styles:                  []string{"/web/app.css"},
		Scripts:                 []string{"/web/stopped.js defer"},
		CacheableResources:      []string{"/web/icon.svg", "/web/icon-maskable-512.png"},
		Version:                 version,
		WasmContentLengthHeader: UncompressedLengthHeader,
	}
	if base != "" {
		h.Resources = goapp.GitHubPages(base)
		// Without the sub-path's root in the cache an offline reload fails.
		h.CacheableResources = append(h.CacheableResources, base+"/")
	}
	return h
}

// ContentSecurityPolicy lets a page load only the app's own files and run
// only its own scripts and WebAssembly: no inline script or style, no eval,
// no other origin. The pages carry it in a meta tag (static hosts cannot
// set headers); serve also sends it as a header, with frame-ancestors,
// which a meta tag cannot carry.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"

// fixPages lets users zoom (go-app v9.8.0's viewport forbids it) and adds
// the Content-Security-Policy before anything else in the head.
func fixPages(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fixed := bytes.ReplaceAll(b, []byte("initial-scale=1, maximum-scale=1, user-scalable=0, viewport-fit=cover"), []byte("initial-scale=1, viewport-fit=cover"))
		if bytes.Equal(fixed, b) {
			return fmt.Errorf("%s: the viewport meta tag was not found to fix (has go-app changed?)", path)
		}
		charset := []byte(`<meta charset="UTF-8">`)
		if !bytes.Contains(fixed, charset) {
			return fmt.Errorf("%s: the charset meta tag was not found to put the Content-Security-Policy after (has go-app changed?)", path)
		}
		fixed = bytes.Replace(fixed, charset, append(charset, "\n<meta http-equiv=\"Content-Security-Policy\" content=\""+ContentSecurityPolicy+"\">"...), 1)
		return os.WriteFile(path, dropFalseAttributes(fixed), 0o644)
	})
}

// falseAttribute matches a boolean attribute go-app v9 prerenders as
// ="false": HTML takes any value of such an attribute as true, so every
// option of a select was "selected" (the last one showed) and every
// control written Disabled(false) disabled, until the app started.
var falseAttribute = regexp.MustCompile(` (selected|checked|disabled|hidden|readonly|required|multiple|autofocus|open)="false"`)

// dropFalseAttributes removes them: absent is false.
func dropFalseAttributes(html []byte) []byte { return falseAttribute.ReplaceAll(html, nil) }

// addMaskableIcon adds the maskable icon, which go-app's manifest lacks.
func addMaskableIcon(path, base string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var manifest map[string]any
	if err := json.Unmarshal(b, &manifest); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	icons, _ := manifest["icons"].([]any)
	manifest["icons"] = append(icons, map[string]any{
		"src": base + "/web/icon-maskable-512.png", "type": "image/png", "sizes": "512x512", "purpose": "maskable",
	})
	out, err := json.MarshalIndent(manifest, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(out, '\n'), 0o644)
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
