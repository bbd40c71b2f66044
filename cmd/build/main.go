// Command build builds Passline's static site and serves it.
//
//	go run ./cmd/build                 build the site into dist/
//	go run ./cmd/build serve           build, then serve it on 127.0.0.1:8000
//	go run ./cmd/build bench           build, serve, drive Chromium and print the performance table
//	go run ./cmd/build sizes           the browser's wasm by package (code bytes, from its name section)
//
// Flags: -out DIR (dist), -addr HOST:PORT (127.0.0.1:8000), -base /PATH (a
// site that works from a sub-path, as on GitHub Pages); for bench, -json
// PATH and -only phone|lighthouse (one part of it); for sizes, -top N.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"

	"passline/app"
)

const usage = `Usage: go run ./cmd/build [build|serve|bench|sizes] [flags]

  build   build the wasm and write the static site (the default)
  serve   build, then serve the site and print its URL
  bench   build, serve, drive Chromium and print the performance table
  sizes   build the browser's wasm with its names and print its code by package

Flags:
`

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	command := "build"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		command, args = args[0], args[1:]
	}
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprint(os.Stderr, usage); fs.PrintDefaults() }
	out := fs.String("out", "dist", "the folder to write the site to (emptied first)")
	addr := fs.String("addr", "127.0.0.1:8000", "where serve listens")
	base := fs.String("base", "", "the sub-path the site is served from, e.g. /passline for GitHub Pages")
	jsonOut := fs.String("json", "testout/bench.json", "bench: where to write the numbers as JSON")
	only := fs.String("only", "", "bench: measure one part only, phone (the phone profile's visits) or lighthouse")
	top := fs.Int("top", 25, "sizes: how many packages to list")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	logf := func(format string, a ...any) { fmt.Fprintf(os.Stderr, format+"\n", a...) }
	if command == "sizes" {
		if err := printSizes(".", *top, os.Stdout); err != nil {
			logf("sizes: %v", err)
			return 1
		}
		return 0
	}
	app.Routes()
	site, err := BuildSite(SiteOptions{Root: ".", Out: *out, Base: *base, Log: logf})
	if err != nil {
		logf("build: %v", err)
		return 1
	}
	logf("built %s: app.wasm %s raw, %s gzip, %s brotli", site.Dir, kib(site.Wasm.Raw), kib(site.Wasm.Gzip), kib(site.Wasm.Brotli))
	switch command {
	case "build":
		return 0
	case "serve":
		srv, url, err := listen(site.Dir, site.Base, *addr)
		if err != nil {
			logf("serve: %v (another server on %s? choose another with -addr)", err, *addr)
			return 1
		}
		fmt.Printf("Passline is served at %s (Ctrl+C stops it)\n", url)
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt)
		<-stop
		srv.Close()
		return 0
	case "bench":
		if err := bench(site, *jsonOut, *only, logf); err != nil {
			logf("bench: %v", err)
			return 1
		}
		return 0
	}
	fs.Usage()
	return 2
}

func kib(n int64) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }
