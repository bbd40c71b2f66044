package main

import (
	"fmt"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// contentTypes fixes the types Go's mime table lacks or gets wrong here.
var contentTypes = map[string]string{
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".svg":         "image/svg+xml",
	".json":        "application/json",
	".png":         "image/png",
}

// siteHandler serves a built site from dir under base: the precompressed
// .br or .gz of a file when the browser accepts it, the right content
// type, and revalidation on every request (the service worker does the
// caching, keyed by the site's version) with validators (ETag and
// Last-Modified) so that revalidating costs a 304.
func siteHandler(dir, base string) http.Handler {
	files := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		name := filepath.Join(dir, filepath.FromSlash(p))
		if info, err := os.Stat(name); err == nil && info.IsDir() {
			name = filepath.Join(name, "index.html")
		} else if err != nil && path.Ext(p) == "" {
			name = filepath.Join(dir, "index.html") // a page route: the app takes over
		}
		info, err := os.Stat(name)
		if err != nil || info.IsDir() {
			http.NotFound(w, r)
			return
		}
		ext := path.Ext(name)
		ctype := contentTypes[ext]
		if ctype == "" {
			ctype = mime.TypeByExtension(ext)
		}
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", ContentSecurityPolicy+"; frame-ancestors 'none'")
		h.Set("Referrer-Policy", "no-referrer")
		h.Add("Vary", "Accept-Encoding")
		if ext == ".wasm" {
			h.Set(UncompressedLengthHeader, strconv.FormatInt(info.Size(), 10))
		}
		serve := name
		accept := r.Header.Get("Accept-Encoding")
		for _, enc := range []struct{ token, suffix string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if acceptsEncoding(accept, enc.token) {
				if _, err := os.Stat(name + enc.suffix); err == nil {
					serve = name + enc.suffix
					h.Set("Content-Encoding", enc.token)
					break
				}
			}
		}
		f, err := os.Open(serve)
		if err != nil {
			http.Error(w, "cannot read "+p, http.StatusInternalServerError)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil {
			http.Error(w, "cannot read "+p, http.StatusInternalServerError)
			return
		}
		// Validators, as static hosts send them: a cached copy is checked
		// with a 304 instead of sent again. Each encoding has its own tag.
		h.Set("ETag", fmt.Sprintf(`"%x-%x-%s"`, fi.ModTime().UnixNano(), fi.Size(), strings.TrimPrefix(path.Ext(serve), ".")))
		http.ServeContent(w, r, "", fi.ModTime(), f)
	})
	if base == "" {
		return files
	}
	mux := http.NewServeMux()
	mux.Handle(base+"/", http.StripPrefix(base, files))
	mux.Handle("/", http.RedirectHandler(base+"/", http.StatusFound))
	return mux
}

// acceptsEncoding reports whether an Accept-Encoding header allows token.
func acceptsEncoding(header, token string) bool {
	for _, part := range strings.Split(header, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), token) {
			q, found := strings.CutPrefix(strings.TrimSpace(params), "q=")
			if !found {
				return true
			}
			weight, err := strconv.ParseFloat(q, 64)
			return err == nil && weight > 0
		}
	}
	return false
}

// listen serves the site on addr ("127.0.0.1:0" picks a free port) and
// returns the server and its URL.
func listen(dir, base, addr string) (*http.Server, string, error) {
	srv, url, err := listenHandler(siteHandler(dir, base), addr)
	return srv, url + strings.TrimPrefix(base+"/", "/"), err
}

// listenHandler serves h on addr and returns the server and its root URL.
func listenHandler(h http.Handler, addr string) (*http.Server, string, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, "", err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return srv, "http://" + ln.Addr().String() + "/", nil
}
