package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/queries"
	"github.com/healthkg/healthkg/schema"
)

const testToken = "0123456789abcdef-test-token"

// testServer serves a fresh bolt store holding the sample article.
func testServer(t *testing.T, o serverOptions) (*httptest.Server, *bytes.Buffer) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "db")
	if code, _, stderr := runCmd(t, "ingest", "--db", db, "../../internal/sample/kratom-chronic-back-pain.txt"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	st, err := graph.Open(context.Background(), graph.Config{Backend: "bolt", Path: db, ReadOnly: !o.write})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var logs bytes.Buffer
	o.log = slog.New(slog.NewJSONHandler(&logs, nil))
	h, err := newServer(st, schema.DefaultMinter(), o)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, &logs
}

type response struct {
	status int
	header http.Header
	body   string
}

func do(t *testing.T, method, url string, header map[string]string, body io.Reader) response {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// no transparent decompression: the test reads Content-Encoding itself
	tr := &http.Transport{DisableCompression: true}
	res, err := (&http.Client{Transport: tr, Timeout: time.Minute}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, res.Header, string(b)}
}

func TestServeAPI(t *testing.T) {
	srv, logs := testServer(t, serverOptions{queryTimeout: 300 * time.Millisecond})
	kratom := "/id/v1/substance/kratom"
	cases := []struct {
		name, path string
		header     map[string]string
		status     int
		ctype      string
		want       []string
	}{
		{"index", "/", nil, 200, "text/html", []string{"Kratom for Chronic Back Pain", `href="/id/v1/substance/kratom"`, "side-effects", "graph.nt"}},
		{"catalogue", "/api/queries", nil, 200, "application/json", []string{`"name": "side-effects"`, `"url": "/api/queries/stats"`}},
		{"named query", "/api/queries/side-effects?substance=Mitragyna%20speciosa&kind=withdrawal", nil, 200, "application/json", []string{`"predicate": "hasWithdrawalSymptom"`, "runny nose"}},
		{"named query csv", "/api/queries/compounds?substance=kratom&format=csv", nil, 200, "text/csv", []string{"predicate,object,certainty,articles,evidence\r\nhasActiveCompound,7-hydroxymitragynine"}},
		{"named query tsv", "/api/queries/acts-on?receptor=mu&format=tsv", nil, 200, "text/tab-separated-values", []string{"subject\tpredicate\tobject"}},
		{"search", "/api/queries/search?text=withdrawal%20symptoms&limit=3", nil, 200, "application/json", []string{`"kind": "entity"`}},
		{"stats", "/api/queries/stats", nil, 200, "application/json", []string{`"articles": 1`}},
		{"openapi", "/api/openapi.json", nil, 200, "application/json", []string{`"openapi": "3.0.3"`, `"/api/queries/legal-status"`, `"operationId": "path"`}},
		{"unknown query", "/api/queries/frobnicate", nil, 404, "application/json", []string{"no named query"}},
		{"bad argument", "/api/queries/side-effects?substance=kratom&kind=chronic", nil, 400, "application/json", []string{"kind must be one of"}},
		{"missing argument", "/api/queries/compounds", nil, 400, "application/json", []string{"missing substance"}},
		{"unknown parameter", "/api/queries/stats?colour=red", nil, 400, "application/json", []string{"unknown parameter"}},
		{"unknown name", "/api/queries/compounds?substance=unobtainium", nil, 404, "application/json", []string{"no entity is called"}},
		{"ambiguous name", "/api/queries/acts-on?receptor=receptor", nil, 409, "application/json", []string{"candidates", "mu opioid receptor"}},
		{"turtle", kratom, map[string]string{"Accept": "text/turtle"}, 200, "text/turtle", []string{"rdfs:label \"kratom\"", "hkg:hasSideEffect"}},
		{"n-triples", kratom, map[string]string{"Accept": "application/n-triples"}, 200, "application/n-triples", []string{"<https://w3id.org/healthkg/id/v1/substance/kratom> <http://www.w3.org/2000/01/rdf-schema#label> \"kratom\" ."}},
		{"json-ld", kratom, map[string]string{"Accept": "application/ld+json"}, 200, "application/ld+json", []string{`"@context"`, `"@id": "hkgid:substance/kratom"`}},
		{"html", kratom, map[string]string{"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, 200, "text/html", []string{"<h1>kratom</h1>", "hasSideEffect", "nausea", `<script type="application/ld+json">`, `href="/id/v1/condition/nausea"`}},
		{"quality wins", kratom, map[string]string{"Accept": "text/turtle;q=0.5, application/ld+json"}, 200, "application/ld+json", nil},
		{"format parameter", kratom + "?format=nt", map[string]string{"Accept": "text/html"}, 200, "application/n-triples", nil},
		{"any", kratom, map[string]string{"Accept": "*/*"}, 200, "text/turtle", nil},
		{"not acceptable", kratom, map[string]string{"Accept": "application/pdf"}, 406, "application/json", nil},
		{"unknown IRI", "/id/v1/substance/unobtainium", nil, 404, "application/json", []string{"no resource"}},
		{"statement IRI", "", map[string]string{"Accept": "text/turtle"}, 200, "text/turtle", []string{"rdf:subject", "hkg:evidence"}},
		{"vocabulary", "/vocab", map[string]string{"Accept": "text/turtle"}, 200, "text/turtle", []string{"hkg:hasSideEffect", "owl:ObjectProperty"}},
		{"vocabulary page", "/vocab", map[string]string{"Accept": "text/html"}, 200, "text/html", []string{"The healthkg vocabulary"}},
		{"downloads", "/downloads/", nil, 200, "application/json", []string{`"name": "graph.nq"`, `"media_type": "application/n-quads"`}},
		{"download nq", "/downloads/graph.nq", nil, 200, "application/n-quads", []string{"<https://w3id.org/healthkg/id/v1/substance/kratom>"}},
		{"download kgx", "/downloads/edges.jsonl", nil, 200, "application/x-ndjson", []string{`"predicate":"biolink:`}},
		{"unknown download", "/downloads/graph.rdf", nil, 404, "application/json", nil},
		{"api v2 read-only", "/api/v2/write", nil, 405, "", nil},
		{"api v2 formats", "/api/v2/formats", nil, 200, "", nil},
	}
	// a statement IRI to dereference
	res := do(t, "GET", srv.URL+"/api/queries/evidence?subject=kratom&predicate=hasSideEffect&object=nausea", nil, nil)
	var edges []queries.Edge
	if err := json.Unmarshal([]byte(res.body), &edges); err != nil || len(edges) == 0 {
		t.Fatalf("evidence: %d %s", res.status, res.body)
	}
	stmtPath := ""
	{
		r := do(t, "GET", srv.URL+"/downloads/graph.nq", nil, nil)
		for _, line := range strings.Split(r.body, "\n") {
			if i := strings.Index(line, "/id/v1/statement/"); i >= 0 && strings.HasPrefix(line, "<https://w3id.org/healthkg/id/v1/statement/") {
				stmtPath = strings.SplitN(line[i:], ">", 2)[0]
				break
			}
		}
	}
	for _, c := range cases {
		path := c.path
		if c.name == "statement IRI" {
			if stmtPath == "" {
				t.Fatal("no statement IRI in the entity's triples")
			}
			path = stmtPath
		}
		r := do(t, "GET", srv.URL+path, c.header, nil)
		if r.status != c.status {
			t.Errorf("%s: GET %s: status %d, want %d: %.300s", c.name, path, r.status, c.status, r.body)
			continue
		}
		if c.ctype != "" && !strings.HasPrefix(r.header.Get("Content-Type"), c.ctype) {
			t.Errorf("%s: Content-Type %q, want %q", c.name, r.header.Get("Content-Type"), c.ctype)
		}
		for _, w := range c.want {
			if !strings.Contains(r.body, w) {
				t.Errorf("%s: the answer lacks %q:\n%.600s", c.name, w, r.body)
			}
		}
	}
	if !strings.Contains(logs.String(), `"msg":"request"`) || !strings.Contains(logs.String(), `"status":406`) {
		t.Errorf("no structured access log:\n%.500s", logs.String())
	}
}

func TestServeAnswerCache(t *testing.T) {
	srv, _ := testServer(t, serverOptions{})
	path := "/api/queries/side-effects?substance=kratom"
	first := do(t, "GET", srv.URL+path, nil, nil)
	second := do(t, "GET", srv.URL+path, nil, nil)
	etag := first.header.Get("ETag")
	if first.status != 200 || etag == "" || second.body != first.body || second.header.Get("ETag") != etag {
		t.Fatalf("a repeated query: %d %q, same body %v", first.status, etag, second.body == first.body)
	}
	if r := do(t, "GET", srv.URL+path, map[string]string{"If-None-Match": etag}, nil); r.status != 304 {
		t.Errorf("If-None-Match on a query: %d", r.status)
	}
	// the Accept header is part of the key
	ttl := do(t, "GET", srv.URL+"/id/v1/substance/kratom", map[string]string{"Accept": "text/turtle"}, nil)
	page := do(t, "GET", srv.URL+"/id/v1/substance/kratom", map[string]string{"Accept": "text/html"}, nil)
	if !strings.HasPrefix(ttl.header.Get("Content-Type"), "text/turtle") || !strings.HasPrefix(page.header.Get("Content-Type"), "text/html") || !strings.Contains(page.header.Get("Vary"), "Accept") {
		t.Errorf("cached representations mixed up: %v / %v", ttl.header, page.header)
	}
}

func TestServeDownloads(t *testing.T) {
	srv, _ := testServer(t, serverOptions{})
	plain := do(t, "GET", srv.URL+"/downloads/graph.nt", nil, nil)
	etag := plain.header.Get("ETag")
	if plain.status != 200 || etag == "" || plain.header.Get("Content-Encoding") != "" || plain.header.Get("Content-Length") == "" {
		t.Fatalf("plain download: %d %v", plain.status, plain.header)
	}
	gz := do(t, "GET", srv.URL+"/downloads/graph.nt", map[string]string{"Accept-Encoding": "gzip, deflate"}, nil)
	if gz.header.Get("Content-Encoding") != "gzip" || gz.header.Get("ETag") != etag || !strings.Contains(gz.header.Get("Vary"), "Accept-Encoding") {
		t.Fatalf("gzip download: %v", gz.header)
	}
	zr, err := gzip.NewReader(strings.NewReader(gz.body))
	if err != nil {
		t.Fatal(err)
	}
	unzipped, _ := io.ReadAll(zr)
	if string(unzipped) != plain.body {
		t.Errorf("the gzip body is not the plain body (%d vs %d bytes)", len(unzipped), len(plain.body))
	}
	if r := do(t, "GET", srv.URL+"/downloads/graph.nt", map[string]string{"If-None-Match": etag}, nil); r.status != 304 || r.body != "" {
		t.Errorf("If-None-Match: %d %q", r.status, r.body)
	}
	if r := do(t, "GET", srv.URL+"/downloads/graph.nt", map[string]string{"If-None-Match": `"other"`}, nil); r.status != 200 {
		t.Errorf("a stale ETag: %d", r.status)
	}
	if r := do(t, "GET", srv.URL+"/downloads/graph.nt", map[string]string{"Accept-Encoding": "gzip;q=0"}, nil); r.header.Get("Content-Encoding") != "" {
		t.Errorf("gzip;q=0 refuses gzip: %v", r.header)
	}
}

func TestServeTimeouts(t *testing.T) {
	srv, _ := testServer(t, serverOptions{queryTimeout: 300 * time.Millisecond})
	start := time.Now()
	r := do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", nil, strings.NewReader("while (true) {}"))
	if r.status == 200 && !strings.Contains(r.body, "deadline") || time.Since(start) > 20*time.Second {
		t.Errorf("an endless Gizmo query: %d %q after %s", r.status, r.body, time.Since(start))
	}
	if !strings.Contains(r.body, "deadline") {
		t.Errorf("an endless Gizmo query should answer the deadline: %q", r.body)
	}
	// and the server goes on serving
	if r := do(t, "GET", srv.URL+"/api/queries/acts-on?receptor=mu", nil, nil); r.status != 200 {
		t.Errorf("after the timeout: %d", r.status)
	}
	if r := do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", nil, strings.NewReader(`g.V("<https://w3id.org/healthkg/id/v1/substance/kratom>").All()`)); r.status != 200 || !strings.Contains(r.body, "kratom") {
		t.Errorf("a gizmo query after the timeout: %d %q", r.status, r.body)
	}
	// a request that runs out of its own time answers 504
	slow, _ := testServer(t, serverOptions{requestTimeout: time.Nanosecond})
	if r := do(t, "GET", slow.URL+"/api/queries/describe?entity=kratom", nil, nil); r.status != 504 {
		t.Errorf("a request past its timeout: %d %.200s", r.status, r.body)
	}
}

func TestServeWrite(t *testing.T) {
	article := "# Gabapentin\n\nGabapentin can cause dizziness and drowsiness.\n"
	ro, _ := testServer(t, serverOptions{})
	if r := do(t, "POST", ro.URL+"/api/articles?name=gaba.md", map[string]string{"Authorization": "Bearer " + testToken}, strings.NewReader(article)); r.status != 403 {
		t.Errorf("write to a read-only server: %d", r.status)
	}
	rw, _ := testServer(t, serverOptions{write: true, token: testToken, maxBody: 1 << 10})
	before := do(t, "GET", rw.URL+"/downloads/graph.nt", nil, nil).header.Get("ETag")
	if r := do(t, "GET", rw.URL+"/api/queries/stats", nil, nil); !strings.Contains(r.body, `"articles": 1,`) {
		t.Fatalf("stats before: %s", r.body)
	}
	for _, c := range []struct {
		name, auth, file, body string
		status                 int
	}{
		{"no token", "", "gaba.md", article, 401},
		{"wrong token", "Bearer nope-nope-nope-nope", "gaba.md", article, 401},
		{"no name", "Bearer " + testToken, "", article, 400},
		{"too large", "Bearer " + testToken, "big.txt", strings.Repeat("Kratom can cause nausea. ", 100), 413},
		{"not an article", "Bearer " + testToken, "bin.txt", "\x00\x01\x02", 422},
		{"ingested", "Bearer " + testToken, "gaba.md", article, 201},
	} {
		r := do(t, "POST", rw.URL+"/api/articles?name="+c.file, map[string]string{"Authorization": c.auth}, strings.NewReader(c.body))
		if r.status != c.status {
			t.Errorf("%s: %d, want %d: %s", c.name, r.status, c.status, r.body)
		}
		if c.status == 401 && r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: no WWW-Authenticate", c.name)
		}
	}
	r := do(t, "GET", rw.URL+"/api/queries/side-effects?substance=gabapentin", nil, nil)
	if r.status != 200 || !strings.Contains(r.body, "dizziness") {
		t.Errorf("the ingested article is not queryable: %d %.300s", r.status, r.body)
	}
	if r := do(t, "GET", rw.URL+"/api/queries/stats", nil, nil); !strings.Contains(r.body, `"articles": 2,`) {
		t.Errorf("a cached answer outlived the write: %s", r.body)
	}
	if after := do(t, "GET", rw.URL+"/downloads/graph.nt", nil, nil).header.Get("ETag"); after == before {
		t.Errorf("the downloads did not change after a write (ETag %s)", after)
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestServeShutdown runs the serve command, asks it a question, and stops
// it the way SIGINT does (its context ends): it must finish the request
// and return 0.
func TestServeShutdown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	if code, _, stderr := runCmd(t, "ingest", "--db", db, "../../internal/sample/kratom-chronic-back-pain.txt"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, &env{stdout: &out, stderr: &errb})
	}()
	addrRE := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var addr string
	for i := 0; i < 200 && addr == ""; i++ {
		if m := addrRE.FindStringSubmatch(out.String()); m != nil {
			addr = m[1]
		}
		time.Sleep(25 * time.Millisecond)
	}
	if addr == "" {
		cancel()
		t.Fatalf("the server did not start: %s %s", out.String(), errb.String())
	}
	if r := do(t, "GET", "http://"+addr+"/api/queries/acts-on?receptor=mu", nil, nil); r.status != 200 {
		t.Errorf("a query: %d", r.status)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	if !strings.Contains(errb.String(), `"msg":"shutting down"`) || !strings.Contains(errb.String(), `"path":"/api/queries/acts-on"`) {
		t.Errorf("no access log or shutdown record: %s", errb.String())
	}
	// the store is free again
	if code, _, stderr := runCmd(t, "query", "--db", db, "stats"); code != 0 {
		t.Errorf("after shutdown the store is still held: %s", stderr)
	}
}

func TestServeCommand(t *testing.T) {
	if code, _, stderr := runCmd(t, "serve", "--db", filepath.Join(t.TempDir(), "none")); code != 1 || !strings.Contains(stderr, "no store") {
		t.Errorf("serve without a store: %d %q", code, stderr)
	}
	if code, _, stderr := runCmd(t, "serve", "--db", "x", "--write"); code != 2 || !strings.Contains(stderr, "token") {
		t.Errorf("serve --write without a token: %d %q", code, stderr)
	}
	os.Unsetenv("HEALTHKG_TOKEN")
}
