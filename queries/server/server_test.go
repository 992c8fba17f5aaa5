package server

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/queries"
	"github.com/healthkg/healthkg/schema"
)

var update = flag.Bool("update", false, "rewrite docs/openapi.json")

func TestNegotiate(t *testing.T) {
	for _, c := range []struct{ accept, want string }{
		{"", "text/turtle"},
		{"*/*", "text/turtle"},
		{"text/html", "text/html"},
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"},
		{"application/ld+json", "application/ld+json"},
		{"application/n-triples", "application/n-triples"},
		{"text/turtle;q=0.5, application/ld+json", "application/ld+json"},
		{"text/*", "text/turtle"},
		{"text/*;q=0.2, text/html", "text/html"},
		{"application/*", "application/ld+json"},
		{"application/pdf", ""},
		{"text/turtle;q=0", ""},
		{"image/png, text/html;q=0.1", "text/html"},
		{"garbage;;;", ""},
	} {
		got := ""
		if r := negotiate(c.accept); r != nil {
			got = r.mediaType
		}
		if got != c.want {
			t.Errorf("Accept %q: %q, want %q", c.accept, got, c.want)
		}
	}
}

// TestOpenAPIFile keeps docs/openapi.json the description the server
// serves (go test ./queries/server -update rewrites it).
func TestOpenAPIFile(t *testing.T) {
	b, err := json.MarshalIndent(OpenAPI(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	const path = "../../docs/openapi.json"
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(old, b) {
		t.Fatalf("%s differs from the served OpenAPI description; run go test ./queries/server -update", path)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct {
				Name     string `json:"name"`
				Required bool   `json:"required"`
			} `json:"parameters"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range queries.Catalogue() {
		op, ok := doc.Paths["/api/queries/"+c.Name]["get"]
		if !ok || op.OperationID != c.Name || len(op.Parameters) != len(c.Params)+1 {
			t.Errorf("OpenAPI: %s is not described with its %d parameters: %+v", c.Name, len(c.Params), op)
		}
	}
}

// TestPageEscapesScript checks that no text of the store can end the
// JSON-LD script element of an entity page.
func TestPageEscapesScript(t *testing.T) {
	st, err := graph.Open(context.Background(), graph.Config{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m := schema.DefaultMinter()
	evil := "</script><script>alert(1)</script><!--"
	e := schema.Entity{IRI: m.Entity(schema.Substance, "evilweed"), Class: schema.Substance, Label: "evilweed", Synonyms: []string{evil}}
	a := &schema.Article{IRI: m.Article("x.txt"), Graph: m.Graph("x.txt"), Source: "x.txt", Title: evil, Format: "text",
		ContentHash: "sha256:" + strings.Repeat("0", 64), Length: 10, Entities: []schema.Entity{e}}
	if _, err := st.Replace(context.Background(), m, a); err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Store: st, Root: "https://w3id.org/healthkg/",
		RDF: func(w io.Writer, format string, qs []quad.Quad) error {
			// a JSON-LD stand-in that holds the text verbatim
			var vals []string
			for _, q := range qs {
				vals = append(vals, queries.Lexical(q.Object))
			}
			return json.NewEncoder(w).Encode(map[string]any{"@graph": vals})
		},
		Ontology: func(w io.Writer) error { return nil },
		Render:   func(context.Context) (map[string][]byte, error) { return nil, nil }})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/id/v1/substance/evilweed", nil)
	req.Header.Set("Accept", "text/html")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	body := rec.Body.String()
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, body)
	}
	if strings.Count(body, "</script>") != 1 || strings.Contains(body, "<script>alert") || strings.Contains(body, "<!--") {
		t.Errorf("the page lets the text out of its script element:\n%s", body)
	}
	start := strings.Index(body, `<script type="application/ld+json">`) + len(`<script type="application/ld+json">`)
	end := strings.Index(body, "</script>")
	var doc map[string]any
	if err := json.Unmarshal([]byte(body[start:end]), &doc); err != nil {
		t.Fatalf("the script element holds no JSON: %v\n%s", err, body[start:end])
	}
	if !strings.Contains(func() string { b, _ := json.Marshal(doc); return string(b) }(), `\u003c/script\u003e`) {
		t.Errorf("the JSON lost the text: %v", doc)
	}
}
