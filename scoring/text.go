package scoring

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// cleanText returns a file's text as UTF-8 with LF or CRLF line ends:
//   - UTF-16 (Excel's "Unicode text"), with a byte-order mark or, when every
//     other byte of its start is zero, without one, is decoded;
//   - a UTF-8 byte-order mark is dropped;
//   - bytes that are not valid UTF-8 are read as Windows-1252 (what a
//     spreadsheet on Windows saves);
//   - a file whose lines end in CR alone (old Mac files) gets LF ends.
func cleanText(b []byte) []byte {
	if bigEndian, skip, ok := utf16Order(b); ok {
		b = fromUTF16(b[skip:], bigEndian)
	}
	for bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		b = b[3:]
	}
	if !utf8.Valid(b) {
		out := make([]byte, 0, len(b)+len(b)/8)
		for _, c := range b {
			out = utf8.AppendRune(out, cp1252(c))
		}
		b = out
	}
	if bytes.IndexByte(b, '\n') < 0 && bytes.IndexByte(b, '\r') >= 0 {
		b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	}
	return b
}

// utf16Order tells whether b is UTF-16, in which byte order, and how many
// bytes of byte-order mark to skip. Without a mark, text is taken as
// UTF-16 when its first 16 characters (or all, if fewer) are ASCII with
// the zero byte on the same side every time.
func utf16Order(b []byte) (bigEndian bool, skip int, ok bool) {
	switch {
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return false, 2, true
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return true, 2, true
	}
	n := min(len(b)/2, 16)
	if n < 2 {
		return false, 0, false
	}
	low, high := 0, 0
	for i := 0; i < n; i++ {
		a, z := b[2*i], b[2*i+1]
		switch {
		case a != 0 && a < 0x80 && z == 0:
			low++
		case a == 0 && z != 0 && z < 0x80:
			high++
		}
	}
	if low == n {
		return false, 0, true
	}
	return true, 0, high == n
}

// fromUTF16 decodes UTF-16 in the given byte order into UTF-8; an odd last
// byte is dropped.
func fromUTF16(b []byte, bigEndian bool) []byte {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	out := make([]byte, 0, len(units))
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// magicKind names a file format known by its first bytes, or returns "".
func magicKind(b []byte) string {
	for _, kind := range []struct{ magic, name string }{
		{"PK\x03\x04", "a zip file, such as an Excel workbook (.xlsx) or an OpenDocument sheet (.ods)"},
		{"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"},
		{"%PDF", "a PDF document"},
		{"\x89PNG", "a picture (PNG)"},
		{"\xff\xd8\xff", "a picture (JPEG)"},
		{"GIF8", "a picture (GIF)"},
		{"\x1f\x8b", "a compressed file (gzip)"},
	} {
		if bytes.HasPrefix(b, []byte(kind.magic)) {
			return kind.name
		}
	}
	return ""
}

// textKind names what cleaned text that is not CSV is, or returns "".
// Binary is told by control characters: more than one in twenty of the
// first kilobyte's bytes.
func textKind(text []byte) string {
	head := text[:min(len(text), 1024)]
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			control++
		}
	}
	if control*20 > len(head) {
		return "binary data"
	}
	switch t := bytes.TrimSpace(head); {
	case bytes.HasPrefix(t, []byte("{")) || bytes.HasPrefix(t, []byte("[")):
		return "JSON (a scorecard file?)"
	case bytes.HasPrefix(t, []byte("<")):
		return "a web page or XML"
	}
	return ""
}

// cp1252 maps a Windows-1252 byte to its character. Bytes 0x80 to 0x9F hold
// typographic characters; the five unassigned ones become U+FFFD.
func cp1252(c byte) rune {
	if c < 0x80 || c > 0x9f {
		return rune(c)
	}
	return []rune("€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ")[c-0x80]
}

// DecodeFile cleans a file's bytes (cleanText) and names what the file is
// when it is not CSV text: by its first bytes, as they are or once
// cleaned, then by its cleaned text. Decoding what it returns again gives
// the same text and verdict, so that the app (which decodes a file first)
// and the command line (which reads its bytes) say the same.
func DecodeFile(raw []byte) (text []byte, kind string) {
	text = cleanText(raw)
	for _, k := range []string{magicKind(raw), magicKind(text), textKind(text)} {
		if k != "" {
			return text, k
		}
	}
	return text, ""
}

// DecodeText returns a file's text as UTF-8, as ReadData reads it (see
// cleanText): from UTF-16 or Windows-1252, without a byte-order mark. A
// file that is not text at all (a workbook, a picture) comes back as it
// was, so that ReadData can say what it is.
func DecodeText(b []byte) string {
	text, kind := DecodeFile(b)
	if kind != "" {
		return string(b)
	}
	return string(text)
}

// ShortList joins the first n items with commas and says how many more
// there are: "a, b, c and 4997 more". A file with thousands of columns
// gives a line, not a page.
func ShortList(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}
