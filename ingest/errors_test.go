package ingest

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	big := bytes.Repeat([]byte("a"), MaxArticleBytes+1)
	tests := []struct {
		name           string
		src            []byte
		msg            string
		off, line, col int
	}{
		{"empty", nil, "empty article", 0, 1, 1},
		{"whitespace", []byte(" \n\t\r\n\u00a0 \n"), "empty article", 0, 1, 1},
		{"NUL", []byte("Title\nab\x00cd"), "binary data, not a text article", 8, 2, 3},
		{"control characters", bytes.Repeat([]byte("\x01\x02\x03ab"), 20), "binary data, not a text article", 0, 1, 1},
		{"invalid UTF-8", []byte("Title\n\nCaf\xe9 au lait."), "invalid UTF-8 (byte 0xe9)", 10, 3, 4},
		{"too large", big, "article is 20971521 bytes; the limit is 20971520 bytes", 0, 1, 1},
	}
	for _, tc := range tests {
		doc, err := ParseText("a.txt", tc.src)
		if doc != nil || err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %T is not a *ParseError", tc.name, err)
			continue
		}
		if pe.Msg != tc.msg || pe.Offset != tc.off || pe.Line != tc.line || pe.Col != tc.col || pe.File != "a.txt" {
			t.Errorf("%s: got %+v, want msg %q at %d (%d:%d)", tc.name, *pe, tc.msg, tc.off, tc.line, tc.col)
		}
		if want := "a.txt:" + strconv.Itoa(tc.line) + ":" + strconv.Itoa(tc.col) + ": " + tc.msg; err.Error() != want {
			t.Errorf("%s: Error() = %q, want %q", tc.name, err.Error(), want)
		}
	}
}

func TestNotErrors(t *testing.T) {
	for _, src := range []string{
		"Just one line of text without a title shape, which is fine.",
		"• A list item first\n• and another\n",
		strings.Repeat("A very long first line that cannot be a title. ", 10) + "\n\nMore text.",
		"Title\n\nTabs\tand form feeds\f are text.\n",
		"\uFEFFTitle with a BOM\n\nBody.\n",
	} {
		doc, err := ParseText("ok.txt", []byte(src))
		if err != nil {
			t.Errorf("%q: unexpected error %v", src, err)
			continue
		}
		checkSpans(t, doc)
	}
}
