package export

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/healthkg/healthkg/internal/rdfcheck"
	"github.com/healthkg/healthkg/schema"
)

// TestIndependentParsers writes every export of the sample to files and
// feeds them to the independent parsers of internal/rdfcheck (rapper,
// serdi, rdflib, Jena riot, N3.js, jsonld.js, the KGX JSON Lines check);
// then rdflib checks that N-Triples, N-Quads (graphs merged), Turtle and
// JSON-LD hold one and the same graph.
func TestIndependentParsers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs external parsers")
	}
	qs := sampleQuads(t)
	dir := t.TempDir()
	for _, f := range formats {
		b, err := f.run(qs)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "sample."+f.name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, e := kgxBytes(t, sampleArticles(schema.DefaultMinter()))
	if err := os.WriteFile(filepath.Join(dir, "sample_nodes.jsonl"), n, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sample_edges.jsonl"), e, 0o644); err != nil {
		t.Fatal(err)
	}
	rdfcheck.Check(t, dir)

	// rdflib 6.1.1 (Debian's) misreads "\\t", "\\n"... in N-Triples and
	// N-Quads literals (decodeUnicodeEscape replaces \t before \\), so
	// the sample's "C:\\temp\\notes" would differ. N-Triples is Turtle,
	// so rdflib reads the N-Triples file with its (correct) Turtle parser
	// here; rapper, serdi, knakk and json-gold compare the N-Triples and
	// N-Quads sets exactly in TestExternalParsers and the round-trip tests.
	nt, err := os.ReadFile(filepath.Join(dir, "sample.nt"))
	if err != nil {
		t.Fatal(err)
	}
	ntAsTurtle := filepath.Join(dir, "same", "sample-nt.ttl")
	if err := os.MkdirAll(filepath.Dir(ntAsTurtle), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ntAsTurtle, nt, 0o644); err != nil {
		t.Fatal(err)
	}
	rdfcheck.CheckSameGraph(t, filepath.Join(dir, "sample.ttl"), filepath.Join(dir, "sample.jsonld"), ntAsTurtle)
}
