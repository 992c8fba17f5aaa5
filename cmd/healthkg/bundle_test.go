package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/internal/rdfcheck"
)

// TestBundle writes the dataset bundle of the demo store twice and checks
// it: the same bytes for the same store and date, CHECKSUMS that
// sha256sum -c accepts, every RDF file read by the independent parsers and
// one graph, the graph hash equal to rdf-canonize's, the graph conforming
// to the shipped SHACL shapes.
func TestBundle(t *testing.T) {
	db := filepath.Join(demoOut(t), "healthkg.db")
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "a"), filepath.Join(tmp, "b")
	for _, d := range []string{a, b} {
		if code, _, stderr := runCmd(t, "export", "--db", db, "--bundle", d, "--date", "2026-11-26"); code != 0 {
			t.Fatalf("export --bundle: %s", stderr)
		}
	}
	var names []string
	_ = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if len(names) != 20 { // 18 files and the schema.org document and snippet of the article
		t.Errorf("%d files in the bundle, want 20: %v", len(names), names)
	}
	for _, n := range names {
		rel, _ := filepath.Rel(a, n)
		x, _ := os.ReadFile(n)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two bundles of the same store and date", rel)
		}
	}
	if code, _, stderr := runCmd(t, "export", "--db", db, "--bundle", filepath.Join(tmp, "c"), "--date", "26/11/2026"); code != 2 || !strings.Contains(stderr, "YYYY-MM-DD") {
		t.Errorf("a bad date: exit %d %q", code, stderr)
	}
	if p, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(p, "-c", "--strict", "CHECKSUMS")
		cmd.Dir = a
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c CHECKSUMS: %v\n%s", err, out)
		}
	}
	// the RDF files, with the gzipped ones unpacked
	check := filepath.Join(tmp, "check")
	if err := os.MkdirAll(check, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		base := filepath.Base(n)
		src, _ := os.ReadFile(n)
		switch {
		case strings.HasSuffix(base, ".gz"):
			zr, err := gzip.NewReader(bytes.NewReader(src))
			if err != nil {
				t.Fatalf("%s: %v", base, err)
			}
			src, _ = io.ReadAll(zr)
			base = strings.TrimSuffix(base, ".gz")
		case base == "context.jsonld" || !strings.Contains(".ttl .trig .jsonld .jsonl", filepath.Ext(base)):
			continue // a context, not data; tables and text
		}
		if err := os.WriteFile(filepath.Join(check, base), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rdfcheck.Check(t, check)
	g := func(n string) string { return filepath.Join(check, n) }
	rdfcheck.CheckSameGraph(t, g("graph.nt"), g("graph.nq"), g("graph.ttl"), g("graph.trig"), g("graph.jsonld"))
	void, _ := os.ReadFile(filepath.Join(a, "void.ttl"))
	readme, _ := os.ReadFile(filepath.Join(a, "README.md"))
	m := regexp.MustCompile(`urdna2015-sha256:([0-9a-f]{64})`).FindSubmatch(void)
	if m == nil || !bytes.Contains(readme, m[1]) {
		t.Fatalf("no graph hash in void.ttl, or README.md gives another")
	}
	if js := rdfcheck.CanonicalHash(t, g("graph.nq")); js != string(m[1]) {
		t.Errorf("graph hash %s, rdf-canonize says %s", m[1], js)
	}
	if ok, report := rdfcheck.SHACL(t, filepath.Join(a, "shapes.ttl"), g("graph.nt")); !ok {
		t.Errorf("the bundle's graph does not conform to its shapes:\n%.2000s", report)
	}
	ds, _ := os.ReadFile(filepath.Join(a, "dataset.jsonld"))
	for _, p := range rdfcheck.CheckSchemaOrg(t, ds) {
		t.Errorf("dataset.jsonld: %s", p)
	}
	for _, want := range []string{"dcat#Distribution", "spdx.org/rdf/terms#checksumAlgorithm_sha256", "void#triples", "dcterms:license", "\"2026-11-26\"^^xsd:date"} {
		if !bytes.Contains(void, []byte(want)) {
			t.Errorf("void.ttl lacks %q", want)
		}
	}
}
