package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/export"
	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/ingest"
	"github.com/healthkg/healthkg/queries/server"
	"github.com/healthkg/healthkg/schema"
)

const serveDoc = `Serves the store over HTTP:
  /                         an index of articles, substances, named queries and downloads
  /api/queries/NAME?...     every named query as JSON (?format=csv|tsv for tables)
  /api/openapi.json         the OpenAPI description of the JSON API
  /api/v2/query?lang=gizmo  Cayley's API v2, read-only (also graphql, mql; /api/v2/read)
  /id/...                   every minted IRI: Turtle, N-Triples, JSON-LD or HTML by the Accept header
  /vocab                    the vocabulary (Turtle, or HTML)
  /downloads/FILE           the exports (nt, nq, ttl, jsonld, KGX) with ETag and gzip
  POST /api/articles?name=FILE  ingest one article: only with --write and a bearer token
                            (read from --token-file or $HEALTHKG_TOKEN)
The bolt store is opened read-only unless --write: a running 'healthkg ingest' on the
same store cannot run at the same time (the second one to start waits --lock-timeout and
says the store is locked). SIGINT or SIGTERM stops the server gracefully.`

// downloads are the files of /downloads, as render names them.
var downloads = []server.Download{
	{Name: "graph.nt", MediaType: "application/n-triples"},
	{Name: "graph.nq", MediaType: "application/n-quads"},
	{Name: "graph.ttl", MediaType: "text/turtle"},
	{Name: "graph.jsonld", MediaType: "application/ld+json"},
	{Name: "nodes.jsonl", MediaType: "application/x-ndjson"},
	{Name: "edges.jsonl", MediaType: "application/x-ndjson"},
	{Name: "vocabulary.ttl", MediaType: "text/turtle"},
	{Name: "context.jsonld", MediaType: "application/ld+json"},
	{Name: "shapes.ttl", MediaType: "text/turtle"},
}

func runServe(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "serve", "serve --db PATH [--addr 127.0.0.1:8080] [--write --token-file FILE]", serveDoc)
	var sf storeFlags
	sf.register(fs.StringVar)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on")
	write := fs.Bool("write", false, "accept POST /api/articles (needs a bearer token)")
	tokenFile := fs.String("token-file", "", "a file holding the bearer token for --write (else $HEALTHKG_TOKEN)")
	reqTimeout := fs.Duration("request-timeout", 30*time.Second, "the longest a request may take")
	queryTimeout := fs.Duration("query-timeout", 10*time.Second, "the longest a Gizmo/GraphQL/MQL query may run")
	queryLimit := fs.Int("query-limit", 1000, "the most results of a Gizmo/GraphQL/MQL query")
	maxBody := fs.Int64("max-body", 10<<20, "the largest request body, in bytes")
	lockTimeout := fs.Duration("lock-timeout", graph.DefaultLockTimeout, "how long to wait for a store another process holds")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments, got %q", pos)
	}
	token := ""
	if *write {
		token = os.Getenv("HEALTHKG_TOKEN")
		if *tokenFile != "" {
			b, err := os.ReadFile(*tokenFile)
			if err != nil {
				return usagef("--token-file: %v", err)
			}
			token = strings.TrimSpace(string(b))
		}
		if len(token) < 16 {
			return usagef("--write needs a bearer token of at least 16 characters (--token-file or $HEALTHKG_TOKEN)")
		}
	}
	m, err := sf.minter()
	if err != nil {
		return err
	}
	st, err := sf.openWith(ctx, graph.Config{ReadOnly: !*write, LockTimeout: *lockTimeout})
	if err != nil {
		return err
	}
	defer st.Close()
	log := slog.New(slog.NewJSONHandler(e.stderr, nil))
	h, err := newServer(st, m, serverOptions{write: *write, token: token, requestTimeout: *reqTimeout,
		queryTimeout: *queryTimeout, queryLimit: *queryLimit, maxBody: *maxBody, log: log})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: *reqTimeout + 5*time.Second,
		WriteTimeout: *reqTimeout + 5*time.Second, IdleTimeout: 2 * time.Minute}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(e.stdout, "serving %s on http://%s/ (read-only: %v)\n", sf.db, ln.Addr(), !*write)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type serverOptions struct {
	write                        bool
	token                        string
	requestTimeout, queryTimeout time.Duration
	queryLimit                   int
	maxBody                      int64
	log                          *slog.Logger
	lexicons                     []string
}

// newServer wires the HTTP server to a store: RDF rendering and the
// downloads from export, ingest over HTTP from ingest.
func newServer(st *graph.Store, m schema.Minter, o serverOptions) (*server.Server, error) {
	opts := export.Options{Base: m.Base()}
	cfg := server.Config{
		Store: st, Root: rootOf(m.Base()),
		RDF: func(w io.Writer, format string, qs []quad.Quad) error {
			switch format {
			case "ttl":
				return opts.Turtle(w, qs)
			case "nt":
				return export.NTriples(w, qs)
			case "jsonld":
				return opts.JSONLD(w, qs)
			}
			return fmt.Errorf("no RDF format %q", format)
		},
		Ontology:  func(w io.Writer) error { _, err := io.WriteString(w, schema.Ontology()); return err },
		Downloads: downloads,
		Render: func(ctx context.Context) (map[string][]byte, error) {
			qs, err := st.Quads(ctx)
			if err != nil {
				return nil, err
			}
			arts, err := st.Articles(ctx)
			if err != nil {
				return nil, err
			}
			return render(qs, arts, m, "all")
		},
		Token: o.token, RequestTimeout: o.requestTimeout, QueryTimeout: o.queryTimeout, QueryLimit: o.queryLimit,
		MaxBody: o.maxBody, Log: o.log,
	}
	if o.write {
		x, err := ingest.New(m, o.lexicons...)
		if err != nil {
			return nil, err
		}
		cfg.Ingest = func(ctx context.Context, name string, data []byte) (any, error) {
			art, err := x.Ingest(name, data, name, "")
			if err != nil {
				return nil, err
			}
			ch, err := st.Replace(ctx, m, art)
			if err != nil {
				return nil, fmt.Errorf("%s: %w (the store is unchanged)", name, err)
			}
			return map[string]any{"article": art.IRI, "statements": len(art.Statements), "claims": len(art.Claims),
				"references": len(art.References), "entities": len(art.Entities), "quads_added": ch.Added, "quads_removed": ch.Removed}, nil
		}
	}
	return server.New(cfg)
}

// rootOf is the IRI a server's "/" stands for: the instance base without
// its "id/..." tail ("https://w3id.org/healthkg/id/v1/" -> "https://w3id.org/healthkg/").
func rootOf(base string) string {
	if k := strings.LastIndex(base, "/id/"); k >= 0 {
		return base[:k+1]
	}
	return base
}
