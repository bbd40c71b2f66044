package csv

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"passline/scoring"
)

// A sheet's limits are a spreadsheet's (scoring.MaxColumns,
// scoring.MaxCellChars): checked on the text before the rows are read.

// longCell is a row cut for a cell too long, and the cell's place in it
// (by its separators: the column, once the header is read).
type longCell struct {
	p   scoring.DataProblem
	col int
}

// cutLongCells finds the rows with a cell longer than a spreadsheet's
// (scoring.MaxCellChars) before any of text is read, and blanks them (the
// rows after keep their numbers): each is a problem, the row left out, as
// a bad cell's row is (issue 25: one cell of 100 MB took 950 MB to read).
// A run of characters with no separator, quote or line end is part of one
// cell. text is changed in place: the caller's own copy of the file.
func cutLongCells(text []byte) ([]byte, []longCell) {
	var probs []longCell
	run, start, row, lineStart := 0, 0, 1, 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case ',', ';', '\t', '"', '\r', '\n':
			run, start = 0, i+1
			if c == '\n' {
				row, lineStart = row+1, i+1
			}
			continue
		default:
			if c < utf8.RuneSelf || utf8.RuneStart(c) {
				run++
			}
		}
		if run <= scoring.MaxCellChars {
			continue
		}
		end := start + bytes.IndexAny(text[start:], ",;\t\"\r\n")
		if end < start {
			end = len(text)
		}
		lineEnd := lineStart + bytes.IndexByte(text[lineStart:], '\n')
		if lineEnd < lineStart {
			lineEnd = len(text)
		}
		cell := text[start:end]
		head := []rune(string(cell[:min(len(cell), 80)]))[:20]
		col := 0
		if start > lineStart {
			col = bytes.Count(text[lineStart:start], []byte{text[start-1]})
		}
		probs = append(probs, longCell{col: col, p: scoring.DataProblem{Row: row, Found: string(head) + "…",
			Expected: fmt.Sprintf("a cell of at most %d characters, as a spreadsheet holds, not %d: the row was left out", scoring.MaxCellChars, utf8.RuneCount(cell))}})
		copy(text[lineStart:], text[lineEnd:]) // the row's line left blank
		text = text[:len(text)-(lineEnd-lineStart)]
		i, run, start = lineStart-1, 0, lineStart
	}
	return text, probs
}

// headerCells counts the cells of the line text starts with, separated by
// comma outside quotes: a header too wide is refused before it is read
// (3,000,000 columns took 318 MB to read, and then to refuse).
func headerCells(text []byte, comma rune) int {
	n, quoted := 1, false
	for _, c := range text {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted:
			return n
		case rune(c) == comma && !quoted:
			n++
		}
	}
	return n
}
