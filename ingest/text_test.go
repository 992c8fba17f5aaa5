package ingest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var txtUpdate = flag.Bool("update", false, "rewrite the golden files in testdata/parse")

// dumpDocument renders a parsed document as readable text for golden files.
func dumpDocument(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "TITLE %s %q\n", spanStr(d.TitleAt), d.Title)
	for i, s := range d.Sections {
		fmt.Fprintf(&b, "\nSECTION %d level=%d %s heading=%q %s\n", i, s.Level, spanStr(s.Span), s.Heading, spanStr(s.HeadingAt))
		for _, bl := range s.Blocks {
			dumpBlock(&b, bl, "  ")
		}
	}
	fmt.Fprintf(&b, "\nREFERENCES %d\n", len(d.References))
	for i, r := range d.References {
		fmt.Fprintf(&b, "  REF %d %s number=%d %q\n", i+1, spanStr(r.Span), r.Number, r.Raw)
		dumpRef(&b, r.Ref, "    ")
	}
	return b.String()
}

func spanStr(s Span) string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

func dumpBlock(b *strings.Builder, bl Block, ind string) {
	var flags []string
	if bl.Ordered {
		flags = append(flags, "ordered")
	}
	if bl.IsReferences {
		flags = append(flags, "references")
	}
	if bl.Boilerplate {
		flags = append(flags, "boilerplate")
	}
	fmt.Fprintf(b, "%sBLOCK %s %s %s\n", ind, bl.Kind, spanStr(bl.Span), strings.Join(flags, " "))
	if bl.LeadIn != nil {
		fmt.Fprintf(b, "%s  LEADIN %s %q\n", ind, spanStr(bl.LeadIn.Span), bl.LeadIn.Text)
	}
	for _, s := range bl.Sentences {
		dumpSentence(b, s, ind+"  ")
	}
	for _, it := range bl.Items {
		fmt.Fprintf(b, "%s  ITEM %s %q\n", ind, spanStr(it.Span), it.Text)
		if it.Label != "" {
			fmt.Fprintf(b, "%s    LABEL %s %q\n", ind, spanStr(it.LabelAt), it.Label)
		}
		if len(it.Sentences) != 1 || it.Sentences[0].Text != it.Text || len(it.Sentences[0].Quotes) > 0 {
			for _, s := range it.Sentences {
				dumpSentence(b, s, ind+"    ")
			}
		}
		for _, c := range it.Children {
			dumpBlock(b, c, ind+"    ")
		}
	}
}

func dumpSentence(b *strings.Builder, s Sentence, ind string) {
	fmt.Fprintf(b, "%sS %s %q\n", ind, spanStr(s.Span), s.Text)
	for _, q := range s.Quotes {
		fmt.Fprintf(b, "%s  QUOTE %s %q\n", ind, spanStr(q.Span), q.Text)
		if q.Attribution != "" {
			fmt.Fprintf(b, "%s    ATTRIBUTION %s %q\n", ind, spanStr(q.AttributionAt), q.Attribution)
		}
	}
}

func dumpRef(b *strings.Builder, r ParsedRef, ind string) {
	f := func(k, v string) {
		if v != "" {
			fmt.Fprintf(b, "%s%s: %s\n", ind, k, v)
		}
	}
	if len(r.Authors) > 0 {
		f("authors", strings.Join(r.Authors, " | "))
	}
	if r.EtAl {
		f("et al", "true")
	}
	f("organization", r.Organization)
	if r.Year != 0 {
		f("year", fmt.Sprint(r.Year))
	}
	f("title", r.Title)
	f("venue", r.Venue)
	f("publisher", r.Publisher)
	f("volume", r.Volume)
	f("issue", r.Issue)
	f("pages", r.Pages)
	f("article number", r.ArticleNumber)
	f("date", r.Date)
	f("type", r.Type)
	f("doi", r.DOI)
	f("url", r.URL)
}

func TestGoldenSeed(t *testing.T) {
	for _, c := range []struct{ src, golden string }{
		{"../testdata/seed/kratom-chronic-back-pain.txt", "seed.golden"},
	} {
		src, err := os.ReadFile(c.src)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ParseText(filepath.Base(c.src), src)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, doc)
		got := dumpDocument(doc)
		path := filepath.Join("testdata", "parse", c.golden)
		if *txtUpdate {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from the parse; run go test ./ingest -run TestGoldenSeed -update and review the diff", path)
		}
	}
}

// checkSpans verifies that every span slices Document.Text to exactly the
// stored text.
func checkSpans(t testing.TB, d *Document) {
	t.Helper()
	ok := func(what string, s Span, text string) {
		t.Helper()
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Fatalf("%s: span %v out of range (len %d)", what, s, len(d.Text))
		}
		if got := d.Text[s.Start:s.End]; got != text {
			t.Fatalf("%s: span %v slices %q, stored %q", what, s, got, text)
		}
	}
	ok("title", d.TitleAt, d.Title)
	var sent func(string, Sentence)
	sent = func(where string, s Sentence) {
		ok(where+" sentence", s.Span, s.Text)
		for _, q := range s.Quotes {
			ok(where+" quote", q.Span, q.Text)
			ok(where+" attribution", q.AttributionAt, q.Attribution)
			if q.Start < s.Start || q.End > s.End {
				t.Fatalf("quote %v outside sentence %v", q.Span, s.Span)
			}
		}
	}
	var block func(string, Block)
	block = func(where string, b Block) {
		if b.Start < 0 || b.End > len(d.Text) || b.Start > b.End {
			t.Fatalf("%s: block span %v out of range", where, b.Span)
		}
		for _, s := range b.Sentences {
			sent(where, s)
			if s.Start < b.Start || s.End > b.End {
				t.Fatalf("%s: sentence %v outside block %v", where, s.Span, b.Span)
			}
		}
		if b.LeadIn != nil {
			sent(where+" lead-in", *b.LeadIn)
		}
		for _, it := range b.Items {
			ok(where+" item", it.Span, it.Text)
			ok(where+" label", it.LabelAt, it.Label)
			if it.Start < b.Start || it.End > b.End {
				t.Fatalf("%s: item %v outside block %v", where, it.Span, b.Span)
			}
			for _, s := range it.Sentences {
				sent(where+" item", s)
				if s.Start < it.Start || s.End > it.End {
					t.Fatalf("%s: sentence %v outside item %v", where, s.Span, it.Span)
				}
			}
			for _, c := range it.Children {
				block(where+" child", c)
			}
		}
	}
	for i, s := range d.Sections {
		where := fmt.Sprintf("section %d", i)
		ok(where+" heading", s.HeadingAt, s.Heading)
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Fatalf("%s: span %v out of range", where, s.Span)
		}
		for _, b := range s.Blocks {
			block(where, b)
		}
	}
	for i, r := range d.References {
		ok(fmt.Sprintf("reference %d", i), r.Span, r.Raw)
	}
}
