package main

import (
	"reflect"
	"testing"
)

// A wasm module written byte by byte: one imported function (index 0),
// then three bodies of 5, 3 and 4 bytes (each with its own size byte:
// 6, 4, 5 bytes in the code section) named main.f, fmt.Println and
// github.com_gocarina_gocsv.Unmarshal. By hand: main 6, gocsv 5, fmt 4.
func TestSizeByPackage(t *testing.T) {
	name := func(s string) []byte { return append([]byte{byte(len(s))}, s...) }
	section := func(id byte, body ...byte) []byte { return append([]byte{id, byte(len(body))}, body...) }
	var names []byte
	names = append(names, 3)
	for i, n := range []string{"main.f", "fmt.Println", "github.com_gocarina_gocsv.Unmarshal"} {
		names = append(names, byte(i+1))
		names = append(names, name(n)...)
	}
	nameSection := append(name("name"), append([]byte{1, byte(len(names))}, names...)...)

	wasm := []byte("\x00asm\x01\x00\x00\x00")
	wasm = append(wasm, section(1, 1, 0x60, 0, 0)...) // one type: () -> ()
	imp := append(append(append([]byte{1}, name("go")...), name("debug")...), 0, 0)
	wasm = append(wasm, section(2, imp...)...)
	wasm = append(wasm, section(3, 3, 0, 0, 0)...)
	wasm = append(wasm, section(10,
		3,
		5, 0, 0x01, 0x01, 0x01, 0x0b, // no locals, three nops, end
		3, 0, 0x01, 0x0b,
		4, 0, 0x01, 0x01, 0x0b,
	)...)
	wasm = append(wasm, section(0, nameSection...)...)

	got, err := sizeByPackage(wasm)
	if err != nil {
		t.Fatal(err)
	}
	want := []PackageSize{{"main", 6}, {"github.com_gocarina_gocsv", 5}, {"fmt", 4}}
	if !reflect.DeepEqual(got.Packages, want) {
		t.Errorf("packages %v, want %v", got.Packages, want)
	}
	if got.Sections["code"] != 16 { // 1 count byte + 6 + 4 + 5
		t.Errorf("code section %d B, want 16", got.Sections["code"])
	}

	if _, err := sizeByPackage(wasm[:len(wasm)-nameSectionLen(nameSection)]); err == nil {
		t.Error("a wasm without names was read without error")
	}
	if _, err := sizeByPackage([]byte("not wasm")); err == nil {
		t.Error("a text file was read as wasm")
	}
}

func nameSectionLen(body []byte) int { return len(body) + 2 }
