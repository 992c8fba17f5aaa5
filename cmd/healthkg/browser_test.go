package main

import (
	"context"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/healthkg/healthkg/internal/rdfcheck"
)

// scriptRE finds the JSON-LD script element of a page (as the browser
// serialises its DOM).
var scriptRE = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

// chromium finds Debian's headless browser.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return requireTool(t, "chromium")
}

// dumpDOM loads a page in headless Chromium and returns the DOM after the
// page's scripts ran.
func dumpDOM(t *testing.T, browser, url string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
		"--no-first-run", "--user-data-dir="+t.TempDir(), "--virtual-time-budget=5000", "--dump-dom", url)
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("chromium --dump-dom %s: %v\n%.2000s", url, err, stderr)
	}
	return string(out)
}

// TestBrowserEntityPage opens an entity page in headless Chromium and
// checks that the JSON-LD the page carries, read from the DOM, is the same
// graph as the Turtle served for the same IRI (rdflib isomorphism), and
// that independent parsers (rapper, serdi, rdflib, Jena riot, jsonld.js)
// accept both.
func TestBrowserEntityPage(t *testing.T) {
	browser := chromium(t)
	srv, _ := testServer(t, serverOptions{})
	dir := t.TempDir()
	for _, path := range []string{"/id/v1/substance/kratom", "/id/v1/receptor/mu-opioid-receptor"} {
		dom := dumpDOM(t, browser, srv.URL+path)
		m := scriptRE.FindStringSubmatch(dom)
		if m == nil {
			t.Fatalf("%s: no JSON-LD script element in the DOM:\n%.1000s", path, dom)
		}
		// the DOM serialiser escapes nothing inside a script element, but be
		// safe about entities a browser might add
		js := m[1]
		if !json.Valid([]byte(js)) {
			js = html.UnescapeString(js)
		}
		if !json.Valid([]byte(js)) {
			t.Fatalf("%s: the script element holds no JSON:\n%.1000s", path, js)
		}
		if !strings.Contains(dom, "<h1>") {
			t.Errorf("%s: the page has no heading", path)
		}
		name := strings.ReplaceAll(strings.Trim(path, "/"), "/", "-")
		ld := filepath.Join(dir, name+".jsonld")
		if err := os.WriteFile(ld, []byte(js), 0o644); err != nil {
			t.Fatal(err)
		}
		r := do(t, "GET", srv.URL+path, map[string]string{"Accept": "text/turtle"}, nil)
		if r.status != 200 {
			t.Fatalf("%s as Turtle: %d", path, r.status)
		}
		ttl := filepath.Join(dir, name+".ttl")
		if err := os.WriteFile(ttl, []byte(r.body), 0o644); err != nil {
			t.Fatal(err)
		}
		rdfcheck.CheckSameGraph(t, ld, ttl)
	}
	rdfcheck.Check(t, dir)
}
