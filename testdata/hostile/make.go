//go:build ignore

// make.go writes the files of the hostile corpus that are easier to make
// than to type: binary, UTF-16, very wide, very long and very big ones.
// The small text files beside them are written by hand. Run from the
// repository: go run ./testdata/hostile/make.go
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

const header = "month,agent,calls,offers,sales,surveys,satisfied,aht,late,absent\n"
const october = "2026-10,Sam,520,60,0,25,23,7:35,1,0\n"

func main() {
	dir := filepath.Join("testdata", "hostile", "data")
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			panic(err)
		}
	}
	// Binary: every byte value, twice, as a file of random junk would be.
	var bin []byte
	for i := 0; i < 512; i++ {
		bin = append(bin, byte(i*37+11))
	}
	write("binary.csv", bin)
	// A PNG picture chosen by mistake.
	png, err := os.ReadFile(filepath.Join("web", "icon-192.png"))
	if err != nil {
		panic(err)
	}
	write("picture.csv", png)
	// The start of an Excel workbook (a zip file) saved with a .csv name.
	write("workbook.csv", append([]byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00"), []byte("[Content_Types].xml")...))
	write("document.csv", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))
	// UTF-16, as Excel's "Unicode text" saves it: tab-separated, with and
	// without a byte-order mark, little- and big-endian.
	tsv := strings.ReplaceAll(header+october, ",", "\t")
	u16 := func(bigEndian, bom bool) []byte {
		var b []byte
		units := utf16.Encode([]rune(tsv))
		if bom {
			units = append([]uint16{0xfeff}, units...)
		}
		for _, u := range units {
			if bigEndian {
				b = append(b, byte(u>>8), byte(u))
			} else {
				b = append(b, byte(u), byte(u>>8))
			}
		}
		return b
	}
	write("utf16le-bom.csv", u16(false, true))
	write("utf16be-bom.csv", u16(true, true))
	write("utf16le-no-bom.csv", u16(false, false))
	// Thousands of columns: the SPEC's ten, then 5,000 more.
	var wide strings.Builder
	wide.WriteString(strings.TrimSuffix(header, "\n"))
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&wide, ",extra%d", i)
	}
	wide.WriteString("\n" + strings.TrimSuffix(october, "\n") + strings.Repeat(",1", 5000) + "\n")
	write("thousands-of-columns.csv", []byte(wide.String()))
	// One cell of 256 KB: an agent name nobody has.
	write("huge-cell.csv", []byte(header+"2026-10,"+strings.Repeat("A", 256<<10)+",520,60,0,25,23,7:35,1,0\n"))
	// 5,000 rows, every one with a bad cell.
	var bad strings.Builder
	bad.WriteString(header)
	for i := 0; i < 5000; i++ {
		fmt.Fprintf(&bad, "2026-10,Agent %d,520,60,0,25,23,7:75,1,0\n", i)
	}
	write("five-thousand-bad-rows.csv", []byte(bad.String()))
	// Classic Mac line endings: carriage returns only.
	write("cr-line-endings.csv", []byte(strings.ReplaceAll(header+october, "\n", "\r")))
	// A NUL byte inside a cell.
	write("nul-in-cell.csv", []byte(header+"2026-10,Sa\x00m,520,60,0,25,23,7:35,1,0\n"))
	// 50 MB of good rows, kept gzipped here (about 150 KB); the tests
	// unpack it.
	var big bytes.Buffer
	big.WriteString(header)
	for i := 0; big.Len() < 50_000_000; i++ {
		fmt.Fprintf(&big, "2026-%02d,Agent %d,520,60,0,25,23,7:35,1,0\n", i%12+1, i%8)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(big.Bytes())
	zw.Close()
	write("fifty-megabytes.csv.gz", gz.Bytes())

	// Scorecards: a deeply nested one, and one in UTF-16.
	sdir := filepath.Join("testdata", "hostile", "scorecards")
	nested := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	if err := os.WriteFile(filepath.Join(sdir, "deeply-nested.json"), []byte(`{"name": `+nested+`}`), 0o644); err != nil {
		panic(err)
	}

	// Issue 11's inputs: what once crashed, hung or blocked the app. The
	// big ones are kept gzipped; the tests unpack them.
	gzipped := func(dir, name string, b []byte) {
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(b)
		zw.Close()
		if err := os.WriteFile(filepath.Join(dir, name+".gz"), gz.Bytes(), 0o644); err != nil {
			panic(err)
		}
	}
	gzipped(sdir, "nested-100000-lists.json", []byte(`{"name": `+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+`}`))
	gzipped(sdir, "nested-30000-objects.json", []byte(strings.Repeat(`{"a":`, 30000)+"1"+strings.Repeat("}", 30000)))
	var metrics strings.Builder
	metrics.WriteString(`{"version": 1, "name": "Five thousand", "scale": {"min": 1, "max": 3}, "pass": 2, "decimals": 1, "metrics": [`)
	for i := 0; i < 5000; i++ {
		if i > 0 {
			metrics.WriteString(",")
		}
		// Weights: 4999 of 0.02 and one of 0.02 more... all 0.02 make 100.
		fmt.Fprintf(&metrics, `{"id": "m%d", "label": "Metric %d", "unit": "number", "weight": 0.02, "better": "higher", "bands": [{"points": 3, "at": 2}, {"points": 2, "at": 1}]}`, i, i)
	}
	metrics.WriteString("]}")
	gzipped(sdir, "five-thousand-metrics.json", []byte(metrics.String()))
	var keys strings.Builder
	keys.WriteString(`{"version": 1`)
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&keys, `, "unknown_key_%d": %d`, i, i)
	}
	keys.WriteString("}")
	gzipped(sdir, "hundred-thousand-unknown-keys.json", []byte(keys.String()))
	gzipped(sdir, "million-digit-band.json", []byte(`{"version": 1, "name": "Long", "pass": 2, "decimals": 1, "metrics": [{"id": "ce", "label": "CE", "unit": "percent", "weight": 100, "bands": [{"points": 3, "at": `+strings.Repeat("9", 1_000_000)+`}, {"points": 2, "at": 80}]}]}`))
	gzipped(dir, "million-digit-calls.csv", []byte(header+"2026-10,Sam,"+strings.Repeat("5", 1_000_000)+",60,0,25,23,7:35,1,0\n"+october))
}
