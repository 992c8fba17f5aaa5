package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/ingest"
	"github.com/healthkg/healthkg/schema"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "ingest", "ingest --db PATH [--jobs N] [--lexicon FILE] [--base-url URL] DIR_OR_FILE...",
		"Ingest articles (plain text, Markdown, HTML) into the store. Directories are walked\n"+
			"for .txt, .md and .html files. Each article is one transaction: it is stored whole or\n"+
			"not at all; an unchanged article (same content hash) is skipped; a changed one\n"+
			"replaces what it said before. A bad file is reported and the batch goes on.")
	var sf storeFlags
	sf.register(fs.StringVar)
	var lex multiFlag
	fs.Var(&lex, "lexicon", "a user lexicon file (JSON Lines; repeatable)")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "articles parsed and extracted in parallel")
	baseURL := fs.String("base-url", "", "source of each article: this URL plus its path under the directory given")
	quiet := fs.Bool("quiet", false, "no per-article lines (the summary and errors are still printed)")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usagef("no article files or directories given")
	}
	if *jobs < 1 {
		return usagef("--jobs must be at least 1")
	}
	if sf.db == "" {
		return usagef("--db is required")
	}
	m, err := sf.minter()
	if err != nil {
		return err
	}
	x, err := ingest.New(m, lex...)
	if err != nil {
		return err
	}
	files, err := collect(paths, *baseURL)
	if err != nil {
		return err
	}
	st, err := sf.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	sum := ingestAll(ctx, e, st, x, m, files, *jobs, *quiet)
	fmt.Fprintln(e.stdout, sum)
	if sum.failed > 0 {
		return fmt.Errorf("%d of %d articles failed; every other article is stored", sum.failed, len(files))
	}
	return ctx.Err()
}

// job is one article file with its source key.
type job struct {
	path, source string
}

var articleExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".html": true, ".htm": true, ".xhtml": true}

// collect expands directories (recursively, sorted) and gives each file its
// source key: its path under the directory (or its base name), prefixed by
// baseURL when given.
func collect(paths []string, baseURL string) ([]job, error) {
	var out []job
	seen := map[string]bool{}
	add := func(path, rel string) {
		src := filepath.ToSlash(rel)
		if baseURL != "" {
			src = strings.TrimRight(baseURL, "/") + "/" + src
		}
		if !seen[path] {
			seen[path] = true
			out = append(out, job{path: path, source: src})
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			add(p, filepath.Base(p)) // a missing file is reported by the batch
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			if !d.IsDir() && articleExts[strings.ToLower(filepath.Ext(path))] && !projectFile(d.Name()) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .txt, .md or .html article in this directory", p)
		}
		sort.Strings(found)
		for _, f := range found {
			rel, _ := filepath.Rel(p, f)
			add(f, rel)
		}
	}
	return out, nil
}

// projectFile reports whether a file in a walked directory is the folder's
// own documentation (README, LICENSE, CHANGELOG) rather than an article.
func projectFile(name string) bool {
	n := strings.ToUpper(name)
	return strings.HasPrefix(n, "README") || strings.HasPrefix(n, "LICENSE") || strings.HasPrefix(n, "CHANGELOG")
}

// batch is what an ingest did.
type batch struct {
	ingested, unchanged, failed int
	statements, quads           int
	bytes                       int64
	took                        time.Duration
}

func (b batch) String() string {
	rate := ""
	if s := b.took.Seconds(); s > 0 {
		rate = fmt.Sprintf(", %.1f articles/s, %.2f MB/s", float64(b.ingested+b.unchanged)/s, float64(b.bytes)/1e6/s)
	}
	return fmt.Sprintf("%d articles: %d ingested, %d unchanged, %d failed; %d statements, %d quads added or removed; %s%s",
		b.ingested+b.unchanged+b.failed, b.ingested, b.unchanged, b.failed, b.statements, b.quads, b.took.Round(time.Millisecond), rate)
}

// result is a parsed and extracted article, or why it is not.
type result struct {
	job
	art     *schema.Article
	size    int64
	skipped bool
	err     error
}

// ingestAll parses and extracts articles with jobs workers and writes them
// to the store one at a time, each in its own transaction.
func ingestAll(ctx context.Context, e *env, st *graph.Store, x *ingest.Extractor, m schema.Minter, files []job, jobs int, quiet bool) batch {
	start := time.Now()
	in := make(chan job)
	out := make(chan result, jobs)
	var wg sync.WaitGroup
	for i := 0; i < jobs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- prepare(ctx, st, x, m, j)
			}
		}()
	}
	go func() {
		defer close(in)
		for _, j := range files {
			select {
			case in <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	var bar *progressbar.ProgressBar
	if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && len(files) > 1 {
		bar = progressbar.NewOptions(len(files), progressbar.OptionSetWriter(f), progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionClearOnFinish())
		quiet = true
	}
	var b batch
	for r := range out {
		line := ""
		switch {
		case r.err != nil:
			b.failed++
			if bar != nil {
				bar.Clear()
			}
			fmt.Fprintf(e.stderr, "%v\n", r.err)
		case r.skipped:
			b.unchanged++
			b.bytes += r.size
			line = fmt.Sprintf("%s: unchanged", r.path)
		default:
			ch, err := st.Replace(ctx, m, r.art)
			if err != nil {
				b.failed++
				fmt.Fprintf(e.stderr, "%s: %v (nothing of it was stored)\n", r.path, err)
				break
			}
			b.ingested++
			b.bytes += r.size
			b.statements += len(r.art.Statements)
			b.quads += ch.Added + ch.Removed
			line = fmt.Sprintf("%s: %d statements, %d claims, %d references, %d entities (+%d -%d quads)",
				r.path, len(r.art.Statements), len(r.art.Claims), len(r.art.References), len(r.art.Entities), ch.Added, ch.Removed)
		}
		if line != "" && !quiet {
			fmt.Fprintln(e.stdout, line)
		}
		if bar != nil {
			bar.Add(1)
		}
	}
	if bar != nil {
		bar.Finish()
	}
	b.took = time.Since(start)
	return b
}

// prepare reads, parses and extracts one article; an article whose bytes
// are unchanged since it was stored is skipped before it is parsed.
func prepare(ctx context.Context, st *graph.Store, x *ingest.Extractor, m schema.Minter, j job) result {
	r := result{job: j}
	src, err := readArticle(j.path)
	if err != nil {
		r.err = err
		return r
	}
	r.size = int64(len(src))
	sum := sha256.Sum256(src)
	if old, ok, err := st.ContentHash(ctx, m.Article(j.source)); err == nil && ok && old == "sha256:"+hex.EncodeToString(sum[:]) {
		r.skipped = true
		return r
	}
	r.art, r.err = x.Ingest(j.path, src, j.source, "")
	return r
}

// readArticle reads an article file, refusing what cannot be one before
// reading it all.
func readArticle(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s: %v", path, pe.Err)
		}
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

// ingestBytes ingests one article held in memory (the demo's sample).
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
