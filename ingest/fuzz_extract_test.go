package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/healthkg/healthkg/schema"
)

// checkArticle checks what every extraction must satisfy, whatever the
// input: evidence, claim, reference and quantity offsets point at their
// text in the article's text (for the text format, the source itself), and
// every statement links nodes the article defines.
func checkArticle(t *testing.T, text string, a *schema.Article) {
	t.Helper()
	if a.Length != len(text) {
		t.Fatalf("article length %d, text %d bytes", a.Length, len(text))
	}
	at := func(what string, sp schema.Span, want string) {
		t.Helper()
		if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
			t.Fatalf("%s span [%d,%d) out of the text (%d bytes)", what, sp.Start, sp.End, len(text))
		}
		if got := text[sp.Start:sp.End]; got != want {
			t.Fatalf("%s span [%d,%d) holds %q, want %q", what, sp.Start, sp.End, got, want)
		}
	}
	nodes := map[string]bool{a.IRI: true}
	for _, e := range a.Entities {
		nodes[e.IRI] = true
	}
	for _, r := range a.References {
		nodes[r.IRI] = true
		at("reference", r.Span, r.Raw)
	}
	for _, c := range a.Claims {
		nodes[c.IRI] = true
		at("claim context", c.Span, c.Context)
		at("claim text", c.TextSpan, c.Text)
	}
	for _, q := range a.Quantities {
		at("quantity sentence", q.Span, q.Sentence)
		at("quantity", q.TextSpan, q.Text)
	}
	for _, s := range a.Statements {
		for _, iri := range []string{s.Subject, s.Object} {
			if !nodes[iri] {
				t.Fatalf("statement %s %s %s: %s is not an entity, reference, claim or the article", s.Subject, s.Predicate, s.Object, iri)
			}
		}
		if s.Reference != "" && !nodes[s.Reference] {
			t.Fatalf("statement %s %s %s: reference %s is not in the article", s.Subject, s.Predicate, s.Object, s.Reference)
		}
		if len(s.Evidence) == 0 {
			t.Fatalf("statement %s %s %s has no evidence", s.Subject, s.Predicate, s.Object)
		}
		for _, ev := range s.Evidence {
			at("evidence", ev.Span, ev.Sentence)
			if ev.Item != "" {
				at("evidence item", ev.ItemSpan, ev.Item)
			}
			if !ev.Certainty.Valid() || (ev.Certainty == schema.Negated) != s.Negated {
				t.Fatalf("statement %s %s %s (negated %v): evidence certainty %q", s.Subject, s.Predicate, s.Object, s.Negated, ev.Certainty)
			}
		}
	}
}

// fuzzSeeds are the golden articles and the rule cases.
func fuzzSeeds(f *testing.F) [][]byte {
	var out [][]byte
	for _, p := range goldenArticles(f) {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	for _, c := range ruleCases {
		out = append(out, []byte(c.text))
	}
	return out
}

func TestExtractInvariants(t *testing.T) {
	x := newTestExtractor(t)
	for _, p := range goldenArticles(t) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := x.Ingest(filepath.Base(p), b, "", "text")
		if err != nil {
			t.Fatal(err)
		}
		t.Run(filepath.Base(p), func(t *testing.T) { checkArticle(t, string(b), a) })
	}
	for _, c := range ruleCases {
		a, err := x.Ingest("case.txt", []byte(c.text), "", "text")
		if err != nil {
			t.Fatal(err)
		}
		t.Run(c.name, func(t *testing.T) { checkArticle(t, c.text, a) })
	}
}

// ingestHang is how long one input may take in FuzzIngest (the sample
// takes a few tens of milliseconds).
const ingestHang = 10 * time.Second

// fuzzFormats are the formats FuzzIngest picks from.
var fuzzFormats = []string{"text", "markdown", "html"}

func FuzzIngest(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, uint8(0))
	}
	for _, s := range []string{
		"", "\n", "Kratom", "Kratom\n\nKratom causes nausea.", "Kratom\n\nIt isn’t safe. They bind to the mu receptor.",
		"T\n\nSide effects include:\n\n  • Nausea (a) (b)\n  • ()\n  • and\n",
		"T\n\nA 2020 study found that: “", "T\n\n“x” “y” “z”\n\nReferences\n\n  • (2020). “”.\n",
		"Kratom for pain?\n\nkratom kratom kratom. Do not combine with with with.",
	} {
		f.Add([]byte(s), uint8(0))
	}
	for _, s := range []string{
		"# Kratom for Pain\n\nKratom causes nausea [1].\n\n## Side effects\n\nCommon side effects of kratom include:\n\n- Nausea and vomiting\n- *Dry* mouth\n\n> A 2020 study found that: “kratom users reported less pain.”\n\n## References\n\n1. Smith J. (2020). Kratom and pain. J Pain, 1, 2.\n",
		"Kratom\n===\n\n| a | b |\n|---|---|\n| kratom | nausea |\n\n[^1]: note\n",
	} {
		f.Add([]byte(s), uint8(1))
	}
	for _, s := range []string{
		"<html><head><title>Kratom for Pain</title></head><body><article><h1>Kratom for Pain</h1><p>Kratom causes nausea.</p><h2>Side effects</h2><p>Common side effects of kratom include:</p><ul><li>Nausea and vomiting</li><li>Dry mouth</li></ul></article></body></html>",
		"<p>Kratom &amp; CBD<br>are banned in the UK.<script>x</script></p><blockquote>“It works.”</blockquote>",
	} {
		f.Add([]byte(s), uint8(2))
	}
	x, err := New(schema.Minter{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte, fm uint8) {
		format := fuzzFormats[int(fm)%len(fuzzFormats)]
		// the fuzzer has no time limit per input: a hang would stall it
		// silently, so one that takes far too long crashes the worker and
		// is kept as a crasher
		watchdog := time.AfterFunc(ingestHang, func() {
			panic(fmt.Sprintf("Ingest (%s) has not returned after %v on %d bytes: %q", format, ingestHang, len(src), src))
		})
		defer watchdog.Stop()
		a, err := x.Ingest("fuzz", src, "", format)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %q is not a *ParseError", err, err)
			}
			return
		}
		if a.Format != format {
			t.Fatalf("format %q, want %q", a.Format, format)
		}
		text := string(src)
		if format != "text" {
			d, _, err := Parse("fuzz", src, format)
			if err != nil {
				t.Fatalf("Ingest succeeded but Parse fails: %v", err)
			}
			text = d.Text
		}
		checkArticle(t, text, a)
	})
}

// fuzzBaseLexicon is a small lexicon that user files can extend: loading
// the embedded one for every input would make the fuzzer crawl.
const fuzzBaseLexicon = `{"class": "Substance", "label": "kratom", "synonyms": ["Mitragyna speciosa"]}
{"class": "Condition", "label": "nausea", "synonyms": ["feeling sick"]}
{"class": "Place", "label": "United States", "synonyms": ["US", "U.S."]}
{"class": "Substance", "label": "opioids", "synonyms": ["opioid drugs"]}
`

func FuzzLexiconLoad(f *testing.F) {
	for _, s := range []string{
		"", "\n\n", "# c\n// d\n",
		`{"class": "Substance", "label": "corydalis", "synonyms": ["yanhusuo"]}`,
		`{"class": "Substance", "label": "Kratom", "synonyms": ["krathom"], "isa": "opioids"}`,
		`{"class": "Condition", "label": "x", "isa": "y", "kind": "disease", "xrefs": [{"id": "a:1", "source": "s"}]}`,
		`{"class": "Organization", "label": "FDA", "jurisdiction": "United States"}`,
		`{"class": "Drug", "label": "a"}`, `{"label": "a"}`, `{"class": "Substance"}`, `{"class": "Substance", "label": ""}`,
		`{"class": "Substance", "label": "a", "extra": 1}`, `[]`, `null`, `{`, `{"class": "Substance", "label": "a"} {"x": 1}`,
		`{"class": "Substance", "label": "-", "synonyms": ["", " ", "!!", "US", "us", "Ünïcödé", "a\u0000b"]}`,
	} {
		f.Add([]byte(s), "Kratom and krathom are sold in the US, said us.")
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, content []byte, text string) {
		lx := &Lexicon{byKey: map[string]*Entry{}, root: &trieNode{}}
		if err := lx.read("base", strings.NewReader(fuzzBaseLexicon), ""); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "user.jsonl")
		if err := os.WriteFile(file, content, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := lx.LoadFile(file); err != nil {
			if !strings.HasPrefix(err.Error(), file+":") {
				t.Fatalf("error %q does not start with the file name", err)
			}
			return
		}
		// a loaded lexicon matches and looks up without trouble
		for _, m := range lx.Find(text, 3) {
			if m.Start < 3 || m.End > 3+len(text) || m.Start >= m.End || text[m.Start-3:m.End-3] != m.Surface || len(m.Entries) == 0 {
				t.Fatalf("mention %+v out of %q", m, text)
			}
		}
		for _, e := range lx.entries {
			if got := lx.Lookup(e.Class, e.Label); got == nil {
				t.Fatalf("Lookup(%s, %q) finds nothing after loading it", e.Class, e.Label)
			}
		}
	})
}
