package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/queries"
	"github.com/healthkg/healthkg/schema"
)

// representation is a media type an IRI is served as.
type representation struct {
	mediaType string
	format    string // the RDF function's format; "" for HTML
}

// offers are the representations of a resource, in the server's order of
// preference when a client accepts several equally.
var offers = []representation{
	{"text/turtle", "ttl"},
	{"application/ld+json", "jsonld"},
	{"application/n-triples", "nt"},
	{"text/html", ""},
}

var formatParam = map[string]string{"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples", "html": "text/html"}

// negotiate picks the representation for an Accept header: the offer with
// the highest quality, a media type named exactly beating a wildcard at
// equal quality; nil when none is acceptable. No header accepts anything.
func negotiate(accept string) *representation {
	if strings.TrimSpace(accept) == "" {
		return &offers[0]
	}
	best, bestQ, bestSpec := -1, 0.0, -1
	for i, o := range offers {
		q, spec := 0.0, -1
		for _, part := range strings.Split(accept, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			s := -1
			switch {
			case mt == o.mediaType:
				s = 2
			case strings.HasSuffix(mt, "/*") && strings.HasPrefix(o.mediaType, strings.TrimSuffix(mt, "*")):
				s = 1
			case mt == "*/*":
				s = 0
			}
			if s < 0 || s < spec {
				continue
			}
			pq := 1.0
			if v, ok := params["q"]; ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					pq = f
				}
			}
			if s > spec || pq > q {
				q, spec = pq, s
			}
		}
		if q > 0 && (q > bestQ || q == bestQ && spec > bestSpec) {
			best, bestQ, bestSpec = i, q, spec
		}
	}
	if best < 0 {
		return nil
	}
	return &offers[best]
}

// local is the server path of an IRI under the root, or "" for any other.
func (s *Server) local(iri string) string {
	if rest, ok := strings.CutPrefix(iri, s.cfg.Root); ok {
		return "/" + rest
	}
	return ""
}

// linkedData dereferences a minted IRI: /id/... stands for Root+"id/...".
// ?format=ttl|nt|jsonld|html overrides the Accept header.
func (s *Server) linkedData(w http.ResponseWriter, r *http.Request) {
	iri := s.cfg.Root + strings.TrimPrefix(r.URL.Path, "/")
	rep := negotiate(r.Header.Get("Accept"))
	if f := r.URL.Query().Get("format"); f != "" {
		mt, ok := formatParam[f]
		if !ok {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("format %q: want ttl, nt, jsonld or html", f))
			return
		}
		rep = negotiate(mt)
	}
	w.Header().Set("Vary", "Accept")
	if rep == nil {
		writeError(w, http.StatusNotAcceptable, "acceptable: text/turtle, application/n-triples, application/ld+json, text/html")
		return
	}
	ts, err := s.q.About(r.Context(), iri)
	if err != nil {
		queryError(w, err)
		return
	}
	if len(ts) == 0 {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no resource %s in this store", iri))
		return
	}
	if rep.format != "" {
		var b bytes.Buffer
		if err := s.cfg.RDF(&b, rep.format, ts); err != nil {
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		w.Header().Set("Content-Type", rep.mediaType+"; charset=utf-8")
		_, _ = w.Write(b.Bytes())
		return
	}
	s.entityPage(w, r, iri, ts)
}

// vocab serves the ontology: Turtle, or an HTML page holding it.
func (s *Server) vocab(w http.ResponseWriter, r *http.Request) {
	var b bytes.Buffer
	if err := s.cfg.Ontology(&b); err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Vary", "Accept")
	rep := negotiate(r.Header.Get("Accept"))
	if rep != nil && rep.format == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_ = pageTmpl.ExecuteTemplate(w, "vocab", map[string]any{"Turtle": b.String(), "IRI": schema.OntologyIRI})
		return
	}
	w.Header().Set("Content-Type", "text/turtle; charset=utf-8")
	_, _ = w.Write(b.Bytes())
}

// edgeGroup is the edges of one predicate, for the entity page.
type edgeGroup struct {
	Predicate string
	Edges     []pageEdge
}

type pageEdge struct {
	Label, Link, Certainty string
	Negated                bool
	Evidence               []queries.Evidence
}

type property struct{ Predicate, Value, Link string }

// entityPage renders the HTML page of a resource: its label, type and
// synonyms, its edges in and out grouped by predicate with their evidence,
// links to its neighbours, and its JSON-LD in a script tag.
func (s *Server) entityPage(w http.ResponseWriter, r *http.Request, iri string, ts []quad.Quad) {
	var ld bytes.Buffer
	if err := s.cfg.RDF(&ld, "jsonld", ts); err != nil {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	// JSON with <, > and & escaped can never end the script element
	var safe bytes.Buffer
	json.HTMLEscape(&safe, ld.Bytes())
	data := map[string]any{"IRI": iri, "JSONLD": template.JS(safe.String())}
	d, err := s.q.Describe(r.Context(), iri)
	if err == nil {
		data["Label"], data["Class"], data["Synonyms"] = d.Entity.Label, d.Entity.Class, d.Synonyms
		data["XRefs"] = d.XRefs
		data["Out"] = s.groups(d.Out, false)
		data["In"] = s.groups(d.In, true)
	}
	var props []property
	for _, t := range ts {
		if t.Subject != quad.IRI(iri) {
			continue
		}
		v := queries.Lexical(t.Object)
		props = append(props, property{Predicate: shortIRI(t.Predicate.String()), Value: v, Link: s.local(v)})
		if data["Label"] == nil || data["Label"] == "" {
			if p := t.Predicate.String(); p == "<"+schema.RDFS+"label>" || p == "<"+schema.DCTERMS+"title>" {
				data["Label"] = v
			}
		}
	}
	if data["Label"] == nil || data["Label"] == "" {
		data["Label"] = iri
	}
	data["Properties"] = props
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pageTmpl.ExecuteTemplate(w, "entity", data); err != nil {
		s.cfg.Log.Error("entity page", "iri", iri, "err", err)
	}
}

func (s *Server) groups(edges []queries.Edge, in bool) []edgeGroup {
	by := map[string]*edgeGroup{}
	var order []string
	for _, e := range edges {
		g := by[e.Predicate]
		if g == nil {
			g = &edgeGroup{Predicate: e.Predicate}
			by[e.Predicate] = g
			order = append(order, e.Predicate)
		}
		other, label := e.Object, e.ObjectLabel
		if in {
			other, label = e.Subject, e.SubjectLabel
		}
		if label == "" {
			label = other
		}
		g.Edges = append(g.Edges, pageEdge{Label: label, Link: s.local(other), Certainty: e.Certainty, Negated: e.Negated, Evidence: e.Evidence})
	}
	sort.Strings(order)
	var out []edgeGroup
	for _, p := range order {
		out = append(out, *by[p])
	}
	return out
}

// shortIRI writes a predicate IRI as a CURIE when its namespace is known.
func shortIRI(s string) string {
	s = strings.Trim(s, "<>")
	for _, ns := range []struct{ p, iri string }{{"hkg:", schema.VocabNS}, {"rdf:", schema.RDF}, {"rdfs:", schema.RDFS},
		{"skos:", schema.SKOS}, {"dcterms:", schema.DCTERMS}, {"bibo:", schema.BIBO}} {
		if rest, ok := strings.CutPrefix(s, ns.iri); ok {
			return ns.p + rest
		}
	}
	return s
}

// index lists the articles, the substances, the named queries, the
// downloads and the APIs.
func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	st, err := s.q.Stats(r.Context())
	if err != nil {
		queryError(w, err)
		return
	}
	type link struct{ Label, Link string }
	var arts, subs []link
	list, err := s.q.Nodes(r.Context(), schema.ArticleC, 200)
	if err != nil {
		queryError(w, err)
		return
	}
	for _, e := range list {
		arts = append(arts, link{e.Label, s.local(e.IRI)})
	}
	list, err = s.q.Nodes(r.Context(), schema.Substance, 500)
	if err != nil {
		queryError(w, err)
		return
	}
	for _, e := range list {
		subs = append(subs, link{e.Label, s.local(e.IRI)})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_ = pageTmpl.ExecuteTemplate(w, "index", map[string]any{
		"Stats": st, "Articles": arts, "Substances": subs, "Queries": queries.Catalogue(), "Downloads": s.cfg.Downloads,
		"Writable": s.cfg.Ingest != nil,
	})
}

var pageTmpl = template.Must(template.New("").Funcs(template.FuncMap{
	"short": shortIRI,
}).Parse(`
{{define "head"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.}} · healthkg</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font-size:.9em}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
.neg{color:#a00}.ev{color:#555;font-size:.9em;margin:.2rem 0 .6rem 1.5rem}</style></head><body>
<p><a href="/">healthkg</a></p>{{end}}

{{define "entity"}}{{template "head" .Label}}
<h1>{{.Label}}</h1>
<p><code>{{.IRI}}</code>{{if .Class}} · a <strong>{{.Class}}</strong>{{end}}</p>
{{if .Synonyms}}<p>Also called: {{range $i, $s := .Synonyms}}{{if $i}}, {{end}}{{$s}}{{end}}</p>{{end}}
{{if .XRefs}}<p>Same as: {{range .XRefs}}<a href="{{.}}">{{.}}</a> {{end}}</p>{{end}}
<p>Also as <a href="?format=ttl">Turtle</a>, <a href="?format=nt">N-Triples</a>, <a href="?format=jsonld">JSON-LD</a>.</p>
{{if .Out}}<h2>Statements about it</h2>{{range .Out}}<h3>{{.Predicate}}</h3><ul>{{range .Edges}}
<li>{{if .Negated}}<span class="neg">not</span> {{end}}{{if .Link}}<a href="{{.Link}}">{{.Label}}</a>{{else}}{{.Label}}{{end}} <em>({{.Certainty}})</em>
{{range .Evidence}}<div class="ev">“{{.Sentence}}”{{if .Item}} — item “{{.Item}}”{{end}} <small>{{.Certainty}}, {{.Article}} [{{.Start}}:{{.End}}]</small></div>{{end}}</li>{{end}}</ul>{{end}}{{end}}
{{if .In}}<h2>Statements pointing to it</h2>{{range .In}}<h3>{{.Predicate}}</h3><ul>{{range .Edges}}
<li>{{if .Link}}<a href="{{.Link}}">{{.Label}}</a>{{else}}{{.Label}}{{end}} {{if .Negated}}<span class="neg">not</span> {{end}}<em>({{.Certainty}})</em>
{{range .Evidence}}<div class="ev">“{{.Sentence}}” <small>{{.Certainty}}, {{.Article}} [{{.Start}}:{{.End}}]</small></div>{{end}}</li>{{end}}</ul>{{end}}{{end}}
<h2>Properties</h2><table>{{range .Properties}}<tr><td>{{.Predicate}}</td><td>{{if .Link}}<a href="{{.Link}}">{{.Value}}</a>{{else}}{{.Value}}{{end}}</td></tr>{{end}}</table>
<script type="application/ld+json">{{.JSONLD}}</script>
</body></html>{{end}}

{{define "vocab"}}{{template "head" "vocabulary"}}<h1>The healthkg vocabulary</h1><p><code>{{.IRI}}</code></p><pre>{{.Turtle}}</pre></body></html>{{end}}

{{define "index"}}{{template "head" "index"}}
<h1>healthkg</h1>
<p>{{.Stats.Articles}} articles, {{.Stats.Statements}} statements, {{.Stats.Claims}} claims, {{.Stats.References}} references, {{.Stats.Quads}} quads.</p>
<h2>Articles</h2><ul>{{range .Articles}}<li><a href="{{.Link}}">{{.Label}}</a></li>{{end}}</ul>
<h2>Substances</h2><ul>{{range .Substances}}<li><a href="{{.Link}}">{{.Label}}</a></li>{{end}}</ul>
<h2>Named queries</h2><p>JSON at <code>/api/queries/NAME?param=value</code>, described by <a href="/api/openapi.json">the OpenAPI file</a>.</p>
<table>{{range .Queries}}<tr><td><a href="/api/queries/{{.Name}}"><code>{{.Name}}</code></a></td><td>{{.Summary}}{{range .Params}}<br><code>{{.Name}}</code>{{if .Required}} (required){{end}}: {{.Doc}}{{end}}</td></tr>{{end}}</table>
<h2>Downloads</h2><ul>{{range .Downloads}}<li><a href="/downloads/{{.Name}}">{{.Name}}</a> ({{.MediaType}})</li>{{end}}</ul>
<h2>APIs</h2><ul><li>Cayley's API v2, read-only: <code>/api/v2/query?lang=gizmo</code> (also graphql, mql)</li>
<li>The vocabulary: <a href="/vocab">/vocab</a></li>{{if .Writable}}<li>Ingest: <code>POST /api/articles?name=FILE</code> with a bearer token</li>{{end}}</ul>
</body></html>{{end}}
`))
