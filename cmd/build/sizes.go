package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"text/tabwriter"
)

// The wasm's code by package: `go run ./cmd/build sizes` builds the
// browser's wasm as the site does, but keeping the function names, and
// adds up the bytes of each function's code by the package it belongs to
// (as ../shared/tools/wasm-size-by-package.py does). The data section
// (strings, type and runtime tables) is not split by package.

// PackageSize is one package's bytes of function code.
type PackageSize struct {
	Package string
	Bytes   int
}

// WasmSizes is what a wasm file holds: its sections' sizes and its code
// by package.
type WasmSizes struct {
	Sections map[string]int // "code", "data", …
	Packages []PackageSize  // most code first
}

// goFuncPackage is a function name's package: Go writes the import path
// with '/' turned into '_', a dot, then the name.
var goFuncPackage = regexp.MustCompile(`^((?:[a-z0-9-]+\.(?:com|org|io|net|dev|in)_)?[^.]*)`)

// sizeByPackage reads a wasm file built without -s.
func sizeByPackage(wasm []byte) (WasmSizes, error) {
	if len(wasm) < 8 || string(wasm[:4]) != "\x00asm" {
		return WasmSizes{}, errors.New("not a WebAssembly file")
	}
	kinds := map[byte]string{0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global", 7: "export", 9: "element", 10: "code", 11: "data"}
	out := WasmSizes{Sections: map[string]int{}}
	r := &wasmReader{b: wasm, i: 8}
	imported := 0
	var bodies []int
	names := map[int]string{}
	for r.i < len(wasm) && r.err == nil {
		id := r.byte()
		n := int(r.uleb())
		start := r.i
		if r.err != nil || start+n > len(wasm) {
			return out, errors.New("a section runs past the end of the file")
		}
		out.Sections[kinds[id]] += n
		s := &wasmReader{b: wasm[:start+n], i: start}
		switch id {
		case 2: // imports: imported functions come first in the index space
			for c := s.uleb(); c > 0 && s.err == nil; c-- {
				s.skip(int(s.uleb())) // module
				s.skip(int(s.uleb())) // name
				switch s.byte() {
				case 0:
					s.uleb()
					imported++
				case 1: // table
					s.byte()
					s.limits()
				case 2: // memory
					s.limits()
				case 3: // global
					s.skip(2)
				}
			}
		case 10:
			for c := s.uleb(); c > 0 && s.err == nil; c-- {
				at := s.i
				size := int(s.uleb())
				bodies = append(bodies, size+s.i-at)
				s.skip(size)
			}
		case 0:
			if s.name() != "name" {
				break
			}
			for s.i < start+n && s.err == nil {
				sub := s.byte()
				size := int(s.uleb())
				end := s.i + size
				if sub == 1 { // function names
					for c := s.uleb(); c > 0 && s.err == nil; c-- {
						idx := int(s.uleb())
						names[idx] = s.name()
					}
				}
				s.i = end
			}
		}
		if s.err != nil {
			return out, s.err
		}
		r.i = start + n
	}
	if len(names) == 0 {
		return out, errors.New("the wasm has no function names: build it without -ldflags=-s")
	}
	by := map[string]int{}
	for k, size := range bodies {
		by[goFuncPackage.FindString(names[k+imported])] += size
	}
	for p, b := range by {
		out.Packages = append(out.Packages, PackageSize{p, b})
	}
	sort.Slice(out.Packages, func(i, j int) bool {
		a, b := out.Packages[i], out.Packages[j]
		return a.Bytes > b.Bytes || a.Bytes == b.Bytes && a.Package < b.Package
	})
	return out, nil
}

// wasmReader reads a wasm file's LEB128 numbers and names; the first
// error sticks.
type wasmReader struct {
	b   []byte
	i   int
	err error
}

func (r *wasmReader) byte() byte {
	if r.i >= len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return 0
	}
	r.i++
	return r.b[r.i-1]
}

func (r *wasmReader) uleb() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		x := r.byte()
		v |= uint64(x&0x7f) << shift
		if x < 0x80 || r.err != nil {
			return v
		}
	}
	r.err = errors.New("a number longer than 64 bits")
	return v
}

func (r *wasmReader) skip(n int) {
	if n < 0 || r.i+n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return
	}
	r.i += n
}

func (r *wasmReader) name() string {
	n := int(r.uleb())
	at := r.i
	r.skip(n)
	if r.err != nil {
		return ""
	}
	return string(r.b[at : at+n])
}

func (r *wasmReader) limits() {
	if flags := r.byte(); flags&1 != 0 {
		r.uleb()
		r.uleb()
	} else {
		r.uleb()
	}
}

// printSizes builds the browser's wasm with its names and prints its
// sections and the top packages by code.
func printSizes(root string, top int, w io.Writer) error {
	tmp, err := os.MkdirTemp("", "passline-sizes-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	b, err := buildBrowserWasm(root, tmp) // with its names: no -s
	if err != nil {
		return err
	}
	s, err := sizeByPackage(b)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "app.wasm with names, %d B: code %d B, data %d B (not split by package)\n\n", len(b), s.Sections["code"], s.Sections["data"])
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "code bytes\tpackage\t")
	for i, p := range s.Packages {
		if i == top {
			rest := 0
			for _, q := range s.Packages[i:] {
				rest += q.Bytes
			}
			fmt.Fprintf(tw, "%d\t(%d more packages)\t\n", rest, len(s.Packages)-i)
			break
		}
		fmt.Fprintf(tw, "%d\t%s\t\n", p.Bytes, p.Package)
	}
	return tw.Flush()
}
