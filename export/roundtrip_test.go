package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/healthkg/healthkg/schema"
	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

// knakkTerm converts a term decoded by knakk/rdf into ours.
func knakkTerm(t rdf.Term) term {
	switch v := t.(type) {
	case rdf.IRI:
		return term{kind: iriTerm, value: v.String()}
	case rdf.Blank:
		return term{kind: blankTerm, value: strings.TrimPrefix(v.String(), "_:")}
	case rdf.Literal:
		dt := v.DataType.String()
		if dt == xsdString || v.Lang() != "" {
			dt = ""
		}
		return term{kind: literalTerm, value: v.String(), datatype: dt, lang: v.Lang()}
	}
	panic(fmt.Sprintf("unknown knakk term %T", t))
}

func wantTriples(t testing.TB, qs []quad.Quad) []string {
	t.Helper()
	ts, err := mergedTriples(qs)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(ts))
	for i, x := range ts {
		out[i] = tripleLine(x)
	}
	return out
}

func decodeTriples(t testing.TB, data []byte, f rdf.Format) []string {
	t.Helper()
	ts, err := rdf.NewTripleDecoder(bytes.NewReader(data), f).DecodeAll()
	if err != nil {
		t.Fatalf("knakk cannot read the output: %v\n%s", err, data)
	}
	out := make([]string, 0, len(ts))
	for _, x := range ts {
		out = append(out, tripleLine(triple{knakkTerm(x.Subj), knakkTerm(x.Pred), knakkTerm(x.Obj)}))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sameSet(t testing.TB, what string, got, want []string) {
	t.Helper()
	if slices.Equal(got, want) {
		return
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("%s: extra   %s", what, g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("%s: missing %s", what, w)
		}
	}
}

func TestRoundTripNTriplesTurtle(t *testing.T) {
	qs := sampleQuads(t)
	want := wantTriples(t, qs)
	var nt, ttl bytes.Buffer
	if err := NTriples(&nt, qs); err != nil {
		t.Fatal(err)
	}
	if err := Turtle(&ttl, qs); err != nil {
		t.Fatal(err)
	}
	sameSet(t, "n-triples", decodeTriples(t, nt.Bytes(), rdf.NTriples), want)
	sameSet(t, "turtle", decodeTriples(t, ttl.Bytes(), rdf.Turtle), want)
	if n := strings.Count(nt.String(), "\n"); n != len(want) {
		t.Errorf("n-triples has %d lines, want %d (one per distinct triple)", n, len(want))
	}
}

func TestRoundTripNQuads(t *testing.T) {
	qs := sampleQuads(t)
	var want []string
	for _, q := range qs {
		tr, g, err := convert(q)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, tripleLine(tr)+" "+g.nt())
	}
	slices.Sort(want)
	want = slices.Compact(want)

	var nq bytes.Buffer
	if err := NQuads(&nq, qs); err != nil {
		t.Fatal(err)
	}
	got, err := rdf.NewQuadDecoder(bytes.NewReader(nq.Bytes()), rdf.NQuads).DecodeAll()
	if err != nil {
		t.Fatalf("knakk cannot read the N-Quads: %v", err)
	}
	lines := quadLines(got)
	sameSet(t, "n-quads", lines, want)
	// Graphs merged: the asserted triples of the statements are in both
	// the statement graphs and, for N-Triples, once in the default graph.
	if len(want) <= len(wantTriples(t, qs)) {
		t.Errorf("expected more quads (%d) than merged triples", len(want))
	}
}

// TestRoundTripJSONLD: JSON-LD back to RDF with json-gold (offline) gives
// the N-Triples set.
func TestRoundTripJSONLD(t *testing.T) {
	qs := sampleQuads(t)
	var js bytes.Buffer
	if err := JSONLD(&js, qs); err != nil {
		t.Fatal(err)
	}
	doc, err := ld.DocumentFromReader(&js)
	if err != nil {
		t.Fatal(err)
	}
	loader := &countingLoader{}
	res, err := ld.NewJsonLdProcessor().ToRDF(doc, jsonldOptions(loader))
	if err != nil {
		t.Fatal(err)
	}
	if loader.n.Load() != 0 {
		t.Errorf("ToRDF asked the loader %d times", loader.n.Load())
	}
	ds := res.(*ld.RDFDataset)
	var got []string
	for name, g := range ds.Graphs {
		if name != "@default" && len(g) > 0 {
			t.Errorf("JSON-LD has a named graph %q", name)
		}
		for _, q := range g {
			got = append(got, tripleLine(triple{ldTerm(q.Subject), ldTerm(q.Predicate), ldTerm(q.Object)}))
		}
	}
	slices.Sort(got)
	sameSet(t, "json-ld", slices.Compact(got), wantTriples(t, qs))
}

func ldTerm(n ld.Node) term {
	switch v := n.(type) {
	case *ld.IRI:
		return term{kind: iriTerm, value: v.Value}
	case *ld.BlankNode:
		return term{kind: blankTerm, value: strings.TrimPrefix(v.Attribute, "_:")}
	case *ld.Literal:
		return ldLiteral(*v)
	}
	panic(fmt.Sprintf("unknown json-gold node %T", n))
}

func ldLiteral(v ld.Literal) term {
	dt := v.Datatype
	if dt == xsdString || v.Language != "" {
		dt = ""
	}
	return term{kind: literalTerm, value: v.Value, datatype: dt, lang: v.Language}
}

type countingLoader struct{ n atomic.Int64 }

func (l *countingLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	l.n.Add(1)
	return offlineLoader{}.LoadDocument(u)
}

type recordingTransport struct{ n atomic.Int64 }

func (r *recordingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r.n.Add(1)
	return nil, errors.New("test: network access attempted")
}

// TestJSONLDOffline proves that JSON-LD processing never reaches the
// network or the file system: remote and file contexts are refused by the
// offline loader, no HTTP request leaves, and the export itself never asks
// the loader for anything.
func TestJSONLDOffline(t *testing.T) {
	rt := &recordingTransport{}
	saved := http.DefaultTransport
	http.DefaultTransport = rt
	t.Cleanup(func() { http.DefaultTransport = saved })

	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/ld+json")
		io.WriteString(w, `{"@context": {"name": "http://schema.org/name"}}`)
	}))
	defer srv.Close()
	file := filepath.Join(t.TempDir(), "ctx.jsonld")
	if err := os.WriteFile(file, []byte(`{"@context": {"name": "http://schema.org/name"}}`), 0o644); err != nil {
		t.Fatal(err)
	}

	for _, ctxURL := range []string{srv.URL + "/ctx.jsonld", "https://w3id.org/healthkg/context.jsonld", file, "file://" + file} {
		doc := map[string]any{"@context": ctxURL, "@id": "http://example.org/x", "name": "x"}
		loader := &countingLoader{}
		opts := jsonldOptions(loader)
		_, err := ld.NewJsonLdProcessor().Expand(doc, opts)
		if err == nil {
			t.Errorf("context %s was loaded", ctxURL)
		}
		if _, err := (offlineLoader{}).LoadDocument(ctxURL); !errors.Is(err, ErrOffline) {
			t.Errorf("offline loader: %v", err)
		}
		if loader.n.Load() == 0 {
			t.Errorf("context %s: the loader was not asked (so who loaded it?)", ctxURL)
		}
	}
	if hits.Load() != 0 || rt.n.Load() != 0 {
		t.Errorf("network access: %d server hits, %d transport requests", hits.Load(), rt.n.Load())
	}

	// The export: the context is inline, the loader is never asked.
	ts, err := mergedTriples(sampleQuads(t))
	if err != nil {
		t.Fatal(err)
	}
	loader := &countingLoader{}
	if _, err := compactTriples(ts, schema.JSONLDContext(schema.DefaultMinter()), loader); err != nil {
		t.Fatal(err)
	}
	if loader.n.Load() != 0 {
		t.Errorf("the export asked the document loader %d times", loader.n.Load())
	}
}

func oneTriple(o quad.Value) []quad.Quad {
	return []quad.Quad{{Subject: quad.IRI("https://w3id.org/healthkg/id/v1/substance/kratom"), Predicate: quad.IRI(schema.P("synonym")), Object: o}}
}

func TestEscaping(t *testing.T) {
	cases := []struct {
		in, want string
	}{
		{`say "hi"`, `"say \"hi\""`},
		{`back\slash`, `"back\\slash"`},
		{"line1\nline2", `"line1\nline2"`},
		{"cr\rlf", `"cr\rlf"`},
		{"tab\there", `"tab\u0009here"`},
		{"\x00\x01\x08\x0b\x0c\x1f\x7f", `"\u0000\u0001\u0008\u000B\u000C\u001F\u007F"`},
		{"line\u2028sep\u2029para", "\"line\u2028sep\u2029para\""},
		{"café μ-opioid 受体", `"café μ-opioid 受体"`},
		{"emoji 😀🧪", `"emoji 😀🧪"`},
		{"<https://example.org/x>", `"<https://example.org/x>"`},
		{"https://example.org/x?a=1&b=2", `"https://example.org/x?a=1&b=2"`},
		{"", `""`},
		{"\u0085 next line, \ufeff bom", "\"\u0085 next line, \ufeff bom\""},
	}
	subj := "<https://w3id.org/healthkg/id/v1/substance/kratom> <https://w3id.org/healthkg/vocab#synonym> "
	for _, c := range cases {
		var nt, ttl bytes.Buffer
		if err := NTriples(&nt, oneTriple(quad.String(c.in))); err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if got, want := nt.String(), subj+c.want+" .\n"; got != want {
			t.Errorf("n-triples %q:\n got %s\nwant %s", c.in, got, want)
		}
		if err := Turtle(&ttl, oneTriple(quad.String(c.in))); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(ttl.String(), "hkg:synonym "+c.want+" .\n") {
			t.Errorf("turtle %q:\n%s", c.in, ttl.String())
		}
		for _, f := range []struct {
			data []byte
			f    rdf.Format
		}{{nt.Bytes(), rdf.NTriples}, {ttl.Bytes(), rdf.Turtle}} {
			got := decodeTriples(t, f.data, f.f)
			if want := wantTriples(t, oneTriple(quad.String(c.in))); !slices.Equal(got, want) {
				t.Errorf("%q does not read back: %v", c.in, got)
			}
		}
	}
}

func TestTypedAndLangLiterals(t *testing.T) {
	qs := []quad.Quad{}
	add := func(o quad.Value) { qs = append(qs, oneTriple(o)...) }
	add(quad.TypedString{Value: "5", Type: quad.IRI(schema.XSD + "integer")})
	add(quad.TypedString{Value: "0.5", Type: quad.IRI(schema.XSD + "decimal")})
	add(quad.TypedString{Value: "3.0", Type: quad.IRI(schema.XSD + "double")})
	add(quad.TypedString{Value: "plain", Type: quad.IRI(schema.XSD + "string")})
	add(quad.TypedString{Value: "x", Type: quad.IRI("http://example.org/dt(1)")})
	add(quad.LangString{Value: "kratom", Lang: "en-GB"})
	add(quad.Int(7))
	add(quad.Bool(true))
	add(quad.Float(150))
	var nt, ttl bytes.Buffer
	if err := NTriples(&nt, qs); err != nil {
		t.Fatal(err)
	}
	if err := Turtle(&ttl, qs); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"5"^^<http://www.w3.org/2001/XMLSchema#integer>`, `"3.0"^^<http://www.w3.org/2001/XMLSchema#double>`,
		`"plain" .`, `"kratom"@en-GB`, `"7"^^<http://www.w3.org/2001/XMLSchema#integer>`, `"true"^^<http://www.w3.org/2001/XMLSchema#boolean>`, `"1.5E2"^^<http://www.w3.org/2001/XMLSchema#double>`} {
		if !strings.Contains(nt.String(), want) {
			t.Errorf("n-triples lacks %s:\n%s", want, nt.String())
		}
	}
	for _, want := range []string{`"5"^^xsd:integer`, `"0.5"^^xsd:decimal`, `"3.0"^^xsd:double`, `"x"^^<http://example.org/dt(1)>`, `"kratom"@en-GB`} {
		if !strings.Contains(ttl.String(), want) {
			t.Errorf("turtle lacks %s:\n%s", want, ttl.String())
		}
	}
	want := wantTriples(t, qs)
	sameSet(t, "n-triples", decodeTriples(t, nt.Bytes(), rdf.NTriples), want)
	sameSet(t, "turtle", decodeTriples(t, ttl.Bytes(), rdf.Turtle), want)
}

func TestInvalidTerms(t *testing.T) {
	s, p := quad.IRI("https://w3id.org/healthkg/id/v1/x"), quad.IRI(schema.P("synonym"))
	bad := map[string]quad.Quad{
		"space in IRI":         {Subject: quad.IRI("https://example.org/a b"), Predicate: p, Object: quad.String("x")},
		"angle in IRI":         {Subject: s, Predicate: p, Object: quad.IRI("https://example.org/a>b")},
		"relative IRI":         {Subject: s, Predicate: p, Object: quad.IRI("kratom")},
		"empty IRI":            {Subject: s, Predicate: quad.IRI(""), Object: quad.String("x")},
		"literal subject":      {Subject: quad.String("x"), Predicate: p, Object: quad.String("x")},
		"blank predicate":      {Subject: s, Predicate: quad.BNode("b"), Object: quad.String("x")},
		"nil object":           {Subject: s, Predicate: p},
		"invalid UTF-8":        {Subject: s, Predicate: p, Object: quad.String("a\xffb")},
		"bad language":         {Subject: s, Predicate: p, Object: quad.LangString{Value: "x", Lang: "en_GB"}},
		"bad datatype":         {Subject: s, Predicate: p, Object: quad.TypedString{Value: "x", Type: "not an iri"}},
		"literal graph":        {Subject: s, Predicate: p, Object: quad.String("x"), Label: quad.String("g")},
		"bad blank label":      {Subject: quad.BNode("a b"), Predicate: p, Object: quad.String("x")},
		"IRI with backslash":   {Subject: s, Predicate: p, Object: quad.IRI(`https://example.org/a\b`)},
		"IRI with newline":     {Subject: s, Predicate: p, Object: quad.IRI("https://example.org/a\nb")},
		"IRI invalid UTF-8":    {Subject: s, Predicate: p, Object: quad.IRI("https://example.org/a\xff")},
		"IRI with a quote":     {Subject: s, Predicate: p, Object: quad.IRI(`https://example.org/"`)},
		"IRI with curly brace": {Subject: s, Predicate: p, Object: quad.IRI(`https://example.org/{x}`)},
	}
	for name, q := range bad {
		for _, f := range formats {
			var b bytes.Buffer
			if _, err := f.run([]quad.Quad{q}); err == nil {
				t.Errorf("%s: %s accepted it", name, f.name)
			}
			_ = b
		}
	}
}

// TestTurtleNames: prefixed names only for plain local parts.
func TestTurtleNames(t *testing.T) {
	root := "https://w3id.org/healthkg/id/v1/"
	cases := map[string]string{
		root + "substance/kratom":                  "substance:kratom",
		root + "statement/1b4e28ba-2fa1-51d2":      "statement:1b4e28ba-2fa1-51d2",
		root + "substance/a.b":                     "substance:a.b",
		root + "substance/ends.":                   "<" + root + "substance/ends.>",
		root + "substance/-x":                      "<" + root + "substance/-x>",
		root + "substance/a(b)":                    "<" + root + "substance/a(b)>",
		root + "substance/item?id=1":               "<" + root + "substance/item?id=1>",
		root + "substance/a%20b":                   "substance:a%20b",
		root + "substance/a%2":                     "<" + root + "substance/a%2>",
		root + "substance/é":                       "<" + root + "substance/é>",
		root + "substance/":                        "<" + root + "substance/>",
		root + "top":                               "hkgid:top",
		root + "graph/a/b":                         "<" + root + "graph/a/b>",
		schema.VocabNS + "hasSideEffect":           "hkg:hasSideEffect",
		schema.BIOLINK + "has_side_effect":         "biolink:has_side_effect",
		"http://example.org/other":                 "<http://example.org/other>",
		"https://w3id.org/healthkg/vocab#has.dot.": "<https://w3id.org/healthkg/vocab#has.dot.>",
	}
	for iri, want := range cases {
		var b bytes.Buffer
		q := []quad.Quad{{Subject: quad.IRI(iri), Predicate: quad.IRI(schema.RDFS + "seeAlso"), Object: quad.IRI(iri)}}
		if err := Turtle(&b, q); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "\n"+want+" rdfs:seeAlso "+want+" .\n") {
			t.Errorf("%s: want %s in\n%s", iri, want, b.String())
		}
		sameSet(t, iri, decodeTriples(t, b.Bytes(), rdf.Turtle), wantTriples(t, q))
	}
}

func TestCustomBase(t *testing.T) {
	m, err := schema.NewMinter("https://kg.example.org/")
	if err != nil {
		t.Fatal(err)
	}
	q := []quad.Quad{{Subject: quad.IRI(m.Entity(schema.Substance, "kratom")), Predicate: quad.IRI(rdfType), Object: quad.IRI(schema.Substance.IRI())}}
	var ttl, js bytes.Buffer
	o := Options{Base: m.Base()}
	if err := o.Turtle(&ttl, q); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ttl.String(), "@prefix substance: <https://kg.example.org/v1/substance/> .") ||
		!strings.Contains(ttl.String(), "substance:kratom a hkg:Substance .") {
		t.Errorf("turtle with a custom base:\n%s", ttl.String())
	}
	if err := o.JSONLD(&js, q); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(js.String(), `"hkgid": "https://kg.example.org/v1/"`) || !strings.Contains(js.String(), `"@id": "hkgid:substance/kratom"`) {
		t.Errorf("json-ld with a custom base:\n%s", js.String())
	}
	if err := (Options{Base: "relative/"}).Turtle(io.Discard, q); err == nil {
		t.Error("a relative base was accepted")
	}
}

func TestEmpty(t *testing.T) {
	for _, f := range formats {
		got, err := f.run(nil)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if f.name != "jsonld" && len(got) != 0 {
			t.Errorf("%s of nothing: %q", f.name, got)
		}
	}
	var n, e bytes.Buffer
	if err := KGX(&n, &e, nil, schema.DefaultMinter()); err != nil || n.Len()+e.Len() != 0 {
		t.Errorf("kgx of nothing: %v %q %q", err, n.String(), e.String())
	}
}

// FuzzLiteral: any valid UTF-8 string, written by the N-Triples and the
// Turtle writers, reads back as the same literal.
func FuzzLiteral(f *testing.F) {
	for _, s := range []string{"", `"`, `\`, "\n\r\t", "\x00\x7f", "\u2028", "😀", "<http://x>", `"""`, `\u0041`, "a\\\"b", "'''", "@prefix x: <y> ."} {
		f.Add(s, "sub/x")
	}
	f.Fuzz(func(t *testing.T, s, local string) {
		if !utf8.ValidString(s) {
			if err := NTriples(io.Discard, oneTriple(quad.String(s))); err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		qs := oneTriple(quad.String(s))
		iri := "https://w3id.org/healthkg/id/v1/" + local
		iriOK := schema.CheckIRI(iri) == nil && utf8.ValidString(iri)
		if iriOK {
			qs = append(qs, quad.Quad{Subject: quad.IRI(iri), Predicate: quad.IRI(schema.RDFS + "label"), Object: quad.String(s)})
		}
		want := wantTriples(t, qs)
		var nt, ttl bytes.Buffer
		if err := NTriples(&nt, qs); err != nil {
			t.Fatal(err)
		}
		if err := Turtle(&ttl, qs); err != nil {
			t.Fatal(err)
		}
		sameSet(t, "n-triples", decodeTriples(t, nt.Bytes(), rdf.NTriples), want)
		sameSet(t, "turtle", decodeTriples(t, ttl.Bytes(), rdf.Turtle), want)
	})
}
