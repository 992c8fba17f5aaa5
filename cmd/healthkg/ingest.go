package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/ingest"
	"github.com/healthkg/healthkg/schema"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "ingest", "ingest --db PATH [--lexicon FILE] FILE...",
		"Ingest articles (plain text) into the store. Each article is one transaction:\n"+
			"it is stored whole or not at all, and re-ingesting it replaces what it said before.")
	var sf storeFlags
	sf.register(fs.StringVar)
	var lex multiFlag
	fs.Var(&lex, "lexicon", "a user lexicon file (JSON Lines; repeatable)")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("no article files given")
	}
	m, err := sf.minter()
	if err != nil {
		return err
	}
	x, err := ingest.New(m, lex...)
	if err != nil {
		return err
	}
	if sf.db == "" {
		return usagef("--db is required")
	}
	st, err := sf.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	var failed int
	for _, f := range files {
		if err := ingestFile(ctx, e.stdout, st, x, m, f, ""); err != nil {
			fmt.Fprintf(e.stderr, "%v\n", err)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d articles failed; the store keeps everything else", failed, len(files))
	}
	return nil
}

// readArticle reads an article file, refusing what cannot be one before
// reading it all.
func readArticle(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", path)
	}
	if fi.Size() > ingest.MaxArticleBytes {
		return nil, &ingest.ParseError{File: path, Line: 1, Col: 1,
			Msg: fmt.Sprintf("article is %d bytes; the limit is %d", fi.Size(), ingest.MaxArticleBytes)}
	}
	return os.ReadFile(path)
}

// ingestFile ingests one article and reports what changed.
func ingestFile(ctx context.Context, w io.Writer, st *graph.Store, x *ingest.Extractor, m schema.Minter, path, source string) error {
	src, err := readArticle(path)
	if err != nil {
		return err
	}
	return ingestBytes(ctx, w, st, x, m, path, source, src)
}

func ingestBytes(ctx context.Context, w io.Writer, st *graph.Store, x *ingest.Extractor, m schema.Minter, path, source string, src []byte) error {
	art, err := x.Ingest(path, src, source, "")
	if err != nil {
		return err
	}
	if old, ok, err := st.ContentHash(ctx, art.IRI); err == nil && ok && old == art.ContentHash {
		fmt.Fprintf(w, "%s: unchanged (%s)\n", path, art.IRI)
		return nil
	}
	ch, err := st.Replace(ctx, m, art)
	if err != nil {
		return fmt.Errorf("%s: %w (the store is unchanged)", path, err)
	}
	fmt.Fprintf(w, "%s: %d statements, %d claims, %d references, %d entities (+%d -%d quads)\n",
		path, len(art.Statements), len(art.Claims), len(art.References), len(art.Entities), ch.Added, ch.Removed)
	return nil
}

// summary prints the statements per relation kind of the store's articles.
func summary(w io.Writer, arts []*schema.Article) {
	count := map[string]int{}
	neg := 0
	for _, a := range arts {
		for _, s := range a.Statements {
			count[string(s.Predicate)]++
			if s.Negated {
				neg++
			}
		}
	}
	var keys []string
	for k := range count {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, count[k]))
	}
	fmt.Fprintf(w, "statements per relation: %s (denied, kept as negated: %d)\n", strings.Join(parts, ", "), neg)
}

func base(p string) string { return filepath.Base(p) }
