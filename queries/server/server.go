// Package server serves a healthkg store over HTTP: a JSON API for every
// named query (documented by an OpenAPI file made from the catalogue),
// Cayley's API v2 read-only under /api/v2, Linked Data for every minted
// IRI (Turtle, N-Triples, JSON-LD or an HTML page by content negotiation),
// downloads of the exports with ETag and gzip, an index page and, only
// when configured with a token, ingest over HTTP.
//
// The server imports neither ingest nor export: the command that wires it
// (cmd/healthkg) gives it the functions that render RDF, build the
// downloads and ingest an article.
package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	chttp "github.com/cayleygraph/cayley/server/http"
	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/queries"
)

// Download is a file of the downloads area.
type Download struct {
	Name      string // "graph.nt"
	MediaType string // "application/n-triples"
}

// Config configures a server.
type Config struct {
	Store *graph.Store
	// Root is the IRI that the server's "/" stands for: an IRI Root+"id/..."
	// is served at "/id/...", and the vocabulary Root+"vocab" at "/vocab".
	Root string
	// RDF writes triples as "ttl", "nt" or "jsonld".
	RDF func(w io.Writer, format string, qs []quad.Quad) error
	// Ontology writes the vocabulary as Turtle.
	Ontology func(w io.Writer) error
	// Downloads lists the export files; Render builds them all from the
	// store (name -> content).
	Downloads []Download
	Render    func(ctx context.Context) (map[string][]byte, error)
	// Ingest ingests one article (its file name says its format) and
	// returns a summary; nil makes the server read-only.
	Ingest func(ctx context.Context, name string, data []byte) (any, error)
	// Token is the bearer token POST /api/articles needs (required with
	// Ingest).
	Token string
	// RequestTimeout bounds every request; QueryTimeout and QueryLimit
	// bound the queries of Cayley's languages under /api/v2.
	RequestTimeout time.Duration
	QueryTimeout   time.Duration
	QueryLimit     int
	// MaxBody caps a request body in bytes.
	MaxBody int64
	// Log receives one access record per request.
	Log *slog.Logger
}

// Server is the HTTP handler.
type Server struct {
	cfg Config
	q   *queries.Querier
	mux *http.ServeMux

	mu    sync.Mutex
	cache map[string]cached // downloads, until the next write

	amu     sync.Mutex
	answers map[string]answer // answers to GET requests, for the store's generation agen
	agen    uint64
}

type cached struct {
	body []byte
	etag string
}

// answer is a cached response to a GET request.
type answer struct {
	status int
	ctype  string
	body   []byte
}

// bufferWriter is a ResponseWriter that keeps the response.
type bufferWriter struct {
	header http.Header
	code   int
	body   bytes.Buffer
}

func (b *bufferWriter) Header() http.Header         { return b.header }
func (b *bufferWriter) WriteHeader(code int)        { b.code = code }
func (b *bufferWriter) Write(p []byte) (int, error) { return b.body.Write(p) }

// maxAnswers bounds the answer cache; it starts again empty when full.
const maxAnswers = 512

// cachedGET serves a GET request from the answer cache, or runs fn with a
// recorder and keeps what it wrote when it succeeded. The cache lasts until
// the store's next write; its key is the request URI and the Accept header.
func (s *Server) cachedGET(w http.ResponseWriter, r *http.Request, fn func(w http.ResponseWriter, r *http.Request)) {
	key := r.URL.RequestURI() + "\x00" + r.Header.Get("Accept")
	gen := s.cfg.Store.Generation()
	s.amu.Lock()
	if s.agen != gen || s.answers == nil {
		s.answers, s.agen = map[string]answer{}, gen
	}
	a, ok := s.answers[key]
	s.amu.Unlock()
	if !ok {
		rec := &bufferWriter{header: http.Header{}, code: http.StatusOK}
		fn(rec, r)
		a = answer{status: rec.code, ctype: rec.header.Get("Content-Type"), body: rec.body.Bytes()}
		for k, vs := range rec.header {
			if k != "Content-Type" {
				w.Header()[k] = vs
			}
		}
		if a.status == http.StatusOK && r.Context().Err() == nil {
			s.amu.Lock()
			if s.agen == gen {
				if len(s.answers) >= maxAnswers {
					s.answers = map[string]answer{}
				}
				s.answers[key] = a
			}
			s.amu.Unlock()
		}
	}
	sum := sha256.Sum256(a.body)
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	if a.status == http.StatusOK {
		w.Header().Set("ETag", etag)
		if matchETag(r.Header.Get("If-None-Match"), etag) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if a.ctype != "" {
		w.Header().Set("Content-Type", a.ctype)
	}
	w.WriteHeader(a.status)
	_, _ = w.Write(a.body)
}

// New checks the configuration and returns the server.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.Store == nil:
		return nil, errors.New("server: no store")
	case cfg.RDF == nil || cfg.Render == nil || cfg.Ontology == nil:
		return nil, errors.New("server: RDF, Render and Ontology are required")
	case !strings.HasSuffix(cfg.Root, "/"):
		return nil, fmt.Errorf("server: root IRI %q must end with /", cfg.Root)
	case cfg.Ingest != nil && len(cfg.Token) < 16:
		return nil, errors.New("server: writing needs a bearer token of at least 16 characters")
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 30 * time.Second
	}
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = 10 * time.Second
	}
	if cfg.QueryLimit <= 0 {
		cfg.QueryLimit = 1000
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 10 << 20
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s := &Server{cfg: cfg, q: queries.New(cfg.Store), mux: http.NewServeMux(), cache: map[string]cached{}}
	s.mux.HandleFunc("GET /{$}", s.index)
	s.mux.HandleFunc("GET /api/queries", s.catalogue)
	s.mux.HandleFunc("GET /api/queries/{name}", func(w http.ResponseWriter, r *http.Request) { s.cachedGET(w, r, s.namedQuery) })
	s.mux.HandleFunc("GET /api/openapi.json", s.openAPI)
	s.mux.HandleFunc("POST /api/articles", s.ingest)
	s.mux.Handle("/api/v2/", http.HandlerFunc(s.apiV2))
	s.mux.HandleFunc("GET /id/", func(w http.ResponseWriter, r *http.Request) { s.cachedGET(w, r, s.linkedData) })
	s.mux.HandleFunc("GET /vocab", s.vocab)
	s.mux.HandleFunc("GET /downloads/{$}", s.downloadsIndex)
	s.mux.HandleFunc("GET /downloads/{file}", s.download)
	return s, nil
}

// ServeHTTP serves a request under the request timeout, logging it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			s.cfg.Log.Error("panic", "path", r.URL.Path, "panic", fmt.Sprint(p))
			if !rec.wrote {
				writeError(rec, http.StatusInternalServerError, "internal error")
			}
		}
		s.cfg.Log.Info("request", "method", r.Method, "path", r.URL.Path, "query", r.URL.RawQuery,
			"status", rec.status, "bytes", rec.bytes, "duration_ms", time.Since(start).Milliseconds(),
			"remote", r.RemoteAddr, "agent", r.UserAgent())
	}()
	s.mux.ServeHTTP(rec, r.WithContext(ctx))
}

// recorder notes the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// writeJSON writes v as indented JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

type apiError struct {
	Error      string           `json:"error"`
	Candidates []queries.Entity `json:"candidates,omitempty"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

// queryError answers the error of a query with its status: 400 for bad
// arguments, 404 for an unknown name, 409 for an ambiguous one (with the
// candidates), 504 when the request's time ran out.
func queryError(w http.ResponseWriter, err error) {
	var nf *queries.NotFoundError
	var amb *queries.AmbiguousError
	switch {
	case queries.IsArgError(err):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.As(err, &nf):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.As(err, &amb):
		writeJSON(w, http.StatusConflict, apiError{Error: fmt.Sprintf("%q names %d entities", amb.Name, len(amb.Candidates)), Candidates: amb.Candidates})
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, "the query ran out of time")
	default:
		writeError(w, http.StatusInternalServerError, err.Error())
	}
}

// catalogue lists the named queries and their parameters.
func (s *Server) catalogue(w http.ResponseWriter, r *http.Request) {
	type entry struct {
		Name    string          `json:"name"`
		Summary string          `json:"summary"`
		URL     string          `json:"url"`
		Params  []queries.Param `json:"params"`
	}
	var out []entry
	for _, c := range queries.Catalogue() {
		ps := c.Params
		if ps == nil {
			ps = []queries.Param{}
		}
		out = append(out, entry{c.Name, c.Summary, "/api/queries/" + c.Name, ps})
	}
	writeJSON(w, http.StatusOK, out)
}

// namedQuery runs a named query: GET /api/queries/side-effects?substance=kratom.
// The answer is the query's JSON, or CSV/TSV with ?format=csv|tsv.
func (s *Server) namedQuery(w http.ResponseWriter, r *http.Request) {
	c, ok := queries.Lookup(r.PathValue("name"))
	if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no named query %q; GET /api/queries lists them", r.PathValue("name")))
		return
	}
	a := queries.Args{}
	format := "json"
	for k, vs := range r.URL.Query() {
		if k == "format" {
			format = vs[0]
			continue
		}
		if len(vs) > 1 {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("%s given %d times", k, len(vs)))
			return
		}
		a[k] = vs[0]
	}
	if format != "json" && format != "csv" && format != "tsv" {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("format %q: want json, csv or tsv", format))
		return
	}
	res, err := c.Run(r.Context(), s.q, a)
	if err != nil {
		queryError(w, err)
		return
	}
	switch format {
	case "csv", "tsv":
		sep := ","
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		if format == "tsv" {
			sep = "\t"
			w.Header().Set("Content-Type", "text/tab-separated-values; charset=utf-8")
		}
		writeTable(w, sep, res)
	default:
		writeJSON(w, http.StatusOK, res.Data)
	}
}

// writeTable writes a result as CSV (RFC 4180 quoting) or TSV (tabs and
// line breaks in cells become spaces).
func writeTable(w io.Writer, sep string, res queries.Result) {
	cell := func(c string) string {
		if sep == "\t" {
			return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
		}
		if strings.ContainsAny(c, ",\"\n\r") {
			return `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
		}
		return c
	}
	for _, row := range append([][]string{res.Columns}, res.Rows...) {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = cell(c)
		}
		fmt.Fprint(w, strings.Join(cells, sep)+"\r\n")
	}
}

// apiV2 serves Cayley's API v2, read-only, with the query timeout and
// limit, holding the store's read lock for the request.
func (s *Server) apiV2(w http.ResponseWriter, r *http.Request) {
	s.cfg.Store.RLock()
	defer s.cfg.Store.RUnlock()
	qs := s.cfg.Store.QuadStore()
	if qs == nil {
		writeError(w, http.StatusServiceUnavailable, "the store is closed")
		return
	}
	api := chttp.NewAPIv2(&cgraph.Handle{QuadStore: qs})
	api.SetReadOnly(true)
	api.SetQueryTimeout(s.cfg.QueryTimeout)
	api.SetQueryLimit(s.cfg.QueryLimit)
	if r.Body != nil {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	}
	api.ServeHTTP(w, r)
}

// ingest takes an article over HTTP: POST /api/articles?name=FILE with the
// article as the body and "Authorization: Bearer TOKEN".
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Ingest == nil {
		writeError(w, http.StatusForbidden, "this server is read-only (start it with --write and a token to ingest)")
		return
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.cfg.Token)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="healthkg"`)
		writeError(w, http.StatusUnauthorized, "a valid bearer token is required")
		return
	}
	name := r.URL.Query().Get("name")
	if name == "" || strings.ContainsAny(name, "/\\") {
		writeError(w, http.StatusBadRequest, "give the article's file name (?name=article.md; .txt, .md or .html)")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the article is larger than %d bytes", s.cfg.MaxBody))
			return
		}
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	sum, err := s.cfg.Ingest(r.Context(), name, body)
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	s.mu.Lock()
	s.cache = map[string]cached{} // the downloads changed
	s.mu.Unlock()
	writeJSON(w, http.StatusCreated, sum)
}

// downloadsIndex lists the downloads.
func (s *Server) downloadsIndex(w http.ResponseWriter, r *http.Request) {
	type entry struct {
		Name      string `json:"name"`
		URL       string `json:"url"`
		MediaType string `json:"media_type"`
	}
	out := []entry{}
	for _, d := range s.cfg.Downloads {
		out = append(out, entry{d.Name, "/downloads/" + d.Name, d.MediaType})
	}
	writeJSON(w, http.StatusOK, out)
}

// download serves an export file with its media type, a strong ETag (its
// SHA-256), 304 on a matching If-None-Match, and gzip when accepted.
func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	var d *Download
	for i := range s.cfg.Downloads {
		if s.cfg.Downloads[i].Name == name {
			d = &s.cfg.Downloads[i]
		}
	}
	if d == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no download %q; GET /downloads/ lists them", name))
		return
	}
	c, err := s.file(r.Context(), name)
	if err != nil {
		queryError(w, err)
		return
	}
	h := w.Header()
	h.Set("ETag", c.etag)
	h.Set("Vary", "Accept-Encoding")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Disposition", fmt.Sprintf("attachment; filename=%q", name))
	if matchETag(r.Header.Get("If-None-Match"), c.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	h.Set("Content-Type", d.MediaType)
	if acceptsGzip(r.Header.Get("Accept-Encoding")) {
		h.Set("Content-Encoding", "gzip")
		w.WriteHeader(http.StatusOK)
		if r.Method == http.MethodHead {
			return
		}
		gz := gzip.NewWriter(w)
		_, _ = gz.Write(c.body)
		_ = gz.Close()
		return
	}
	h.Set("Content-Length", fmt.Sprint(len(c.body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(c.body)
	}
}

// file returns a download, rendering all of them once after each write.
func (s *Server) file(ctx context.Context, name string) (cached, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.cache[name]; ok {
		return c, nil
	}
	files, err := s.cfg.Render(ctx)
	if err != nil {
		return cached{}, err
	}
	for n, b := range files {
		sum := sha256.Sum256(b)
		s.cache[n] = cached{body: b, etag: `"` + hex.EncodeToString(sum[:]) + `"`}
	}
	c, ok := s.cache[name]
	if !ok {
		return cached{}, fmt.Errorf("download %q was not rendered", name)
	}
	return c, nil
}

func matchETag(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "W/"))
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}

func acceptsGzip(header string) bool {
	for _, part := range strings.Split(header, ",") {
		f := strings.Split(strings.TrimSpace(part), ";")
		if strings.TrimSpace(f[0]) != "gzip" {
			continue
		}
		for _, p := range f[1:] {
			if q := strings.TrimSpace(p); q == "q=0" || q == "q=0.0" || q == "q=0.00" || q == "q=0.000" {
				return false
			}
		}
		return true
	}
	return false
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
