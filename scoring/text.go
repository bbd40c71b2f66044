package scoring

import (
	"bytes"
	"unicode/utf8"
)

// cleanText drops a UTF-8 byte-order mark and, when the bytes are not valid
// UTF-8, reads them as Windows-1252 (what a spreadsheet on Windows saves).
func cleanText(b []byte) []byte {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	for _, c := range b {
		out = utf8.AppendRune(out, cp1252(c))
	}
	return out
}

// cp1252 maps a Windows-1252 byte to its character. Bytes 0x80 to 0x9F hold
// typographic characters; the five unassigned ones become U+FFFD.
func cp1252(c byte) rune {
	if c < 0x80 || c > 0x9f {
		return rune(c)
	}
	return []rune("€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ")[c-0x80]
}

// detectDelimiter returns the most frequent of comma, semicolon and tab in
// the header line, outside quotes (ties: tab, then semicolon, then comma).
func detectDelimiter(b []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range b {
		if c == '\n' && !quoted {
			break
		}
		switch c {
		case '"':
			quoted = !quoted
		case ',', ';', '\t':
			if !quoted {
				counts[c]++
			}
		}
	}
	best := byte('\t')
	for _, c := range []byte{';', ','} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// firstLine skips leading blank lines, which encoding/csv skips too.
func firstLine(b []byte) []byte {
	for len(b) > 0 && (b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	return b
}

// DecodeText returns a file's text as UTF-8, as ReadData reads it: without
// a byte-order mark, and from Windows-1252 when the bytes are not UTF-8.
func DecodeText(b []byte) string { return string(cleanText(b)) }
