package ingest

import (
	"errors"
	"os"
	"testing"
	"unicode/utf8"
)

func FuzzParseText(f *testing.F) {
	if b, err := os.ReadFile("../internal/sample/kratom-chronic-back-pain.txt"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"", "Title", "Title\n\nPara. Two.\n", "\"0\"", "• a\n  ◦ b\n• c", "1. x\n2) y\n(3) z\n[4] w",
		"T\n\nReferences\n\nSmith J. T. J. 2020;1:2.\n", "T\n\nA: “q. r” s\n\n  • Smith, (2020), “T”.\n\nShare\n",
		"\r\n\r\n", "##\n\n#\n", "T\n\n“unclosed\n\n\"x\" \"", "T\n\n---\n===\n", "\ufeff\u00a0•\u00a0",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ParseText("fuzz.txt", src)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError", err)
			}
			if pe.Offset < 0 || pe.Offset > len(src) {
				t.Fatalf("error offset %d out of range", pe.Offset)
			}
			return
		}
		if d.Text != string(src) {
			t.Fatal("Document.Text is not the source")
		}
		checkSpans(t, d)
	})
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{
		"A b. C d.", "U.S. Dr. e.g. 36.8% “x. y.” Z", "He said: “a… B.” C", "\"a\" \"", "“”", "a.” B", "x.[1] Y", "?!… ¹ A",
	} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, text string, base int) {
		if base < 0 || base > 1<<30 {
			base = 0
		}
		ss := SplitSentences(text, base)
		checkSentenceSpans(t, text, base, ss)
		if utf8.ValidString(text) {
			for _, s := range ss {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("sentence %q is not valid UTF-8", s.Text)
				}
			}
		}
	})
}

func FuzzParseReference(f *testing.F) {
	for _, s := range []string{
		"Bath R, Bucholz T. Title. J Addict Med. 2020 May/Jun;14(3):244-252",
		"World Health Organization, (2023), “Low back pain”.",
		"Smith, J. (2020). T. J, 1(2), 3-4. https://doi.org/10.1/x)",
		"[1] (n.d.) '' ‘’ “", "Eastlack, S.C., Cornett, E.M. & Kaye, A.D., (2020), “K.” Pain Ther 9, 55–69.",
		"Accessed ( Retrieved [cited", "ISBN 978-0-00-000000-0 Press",
		"1 1 1 100 1 1000(2000,“A”1 0 0)00000000000", "AAAAAAAaA AAAA,AAAAAAAaA AAAAa&.“00”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r := ParseReference(raw)
		if r.Year != 0 && (r.Year < 1800 || r.Year > 2099) {
			t.Fatalf("year %d", r.Year)
		}
		for _, a := range r.Authors {
			if a == "" {
				t.Fatal("empty author")
			}
		}
	})
}
