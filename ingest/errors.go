package ingest

import (
	"fmt"
	"unicode/utf8"
)

// MaxArticleBytes is the largest article ParseText accepts.
const MaxArticleBytes = 20 << 20

// ParseError reports why an article could not be parsed at all. Offset is a
// byte offset into the source; Line and Col are 1-based (Col counts bytes).
type ParseError struct {
	File   string
	Offset int
	Line   int
	Col    int
	Msg    string
}

// Error formats the error as "file:line:col: msg".
func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// txtParseError builds a ParseError at byte offset off of src, computing
// the line and column.
func txtParseError(file string, src []byte, off int, msg string) *ParseError {
	if off < 0 {
		off = 0
	}
	if off > len(src) {
		off = len(src)
	}
	line, col := 1, 1
	for i := 0; i < off; i++ {
		if src[i] == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return &ParseError{File: file, Offset: off, Line: line, Col: col, Msg: msg}
}

// txtCheckSource rejects input that is not a text article: too large, empty,
// binary or not valid UTF-8. It returns nil for acceptable input.
func txtCheckSource(name string, src []byte) error {
	if len(src) > MaxArticleBytes {
		return &ParseError{File: name, Line: 1, Col: 1,
			Msg: fmt.Sprintf("article is %d bytes; the limit is %d bytes", len(src), MaxArticleBytes)}
	}
	blank := true
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if !(r == utf8.RuneError && n == 1) && txtIsSpace(r) {
			i += n
			continue
		}
		blank = false
		break
	}
	if blank {
		return txtParseError(name, src, 0, "empty article")
	}
	// Binary: a NUL byte, or many control characters.
	ctrl, firstCtrl := 0, -1
	for i, b := range src {
		if b == 0 {
			return txtParseError(name, src, i, "binary data, not a text article")
		}
		if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != '\v') || b == 0x7f {
			ctrl++
			if firstCtrl < 0 {
				firstCtrl = i
			}
		}
	}
	if ctrl > 0 && ctrl*10 > len(src) {
		return txtParseError(name, src, firstCtrl, "binary data, not a text article")
	}
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n == 1 {
			return txtParseError(name, src, i, fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", src[i]))
		}
		i += n
	}
	return nil
}
