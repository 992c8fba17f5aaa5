package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/export"
	"github.com/healthkg/healthkg/schema"
)

// formats lists the export formats and the files they write.
var formats = []struct {
	name  string
	files []string
}{
	{"nt", []string{"graph.nt"}},
	{"nq", []string{"graph.nq"}},
	{"ttl", []string{"graph.ttl"}},
	{"jsonld", []string{"graph.jsonld"}},
	{"trig", []string{"graph.trig"}},
	{"kgx", []string{"nodes.jsonl", "edges.jsonl", "nodes.tsv", "edges.tsv"}},
	{"csv", []string{"nodes.csv", "edges.csv"}},
	{"schemaorg", []string{"schemaorg/ARTICLE.jsonld", "schemaorg/ARTICLE.html"}},
	{"vocab", []string{"vocabulary.ttl", "context.jsonld", "shapes.ttl"}},
}

func runExport(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "export", "export --db PATH [--format all|nt|nq|ttl|jsonld|trig|kgx|csv|schemaorg|vocab] --out DIR|-",
		"Export the store. Files are byte-identical for the same store. --out - writes\n"+
			"a one-file format (nt, nq, ttl, jsonld, trig) to standard output.")
	var sf storeFlags
	sf.register(fs.StringVar)
	format := fs.String("format", "all", "all, nt, nq, ttl, jsonld, trig, kgx (JSON Lines and TSV), csv (nodes and edges for spreadsheets), schemaorg (per article: schema.org JSON-LD and the HTML script element for its page) or vocab (ontology + JSON-LD context)")
	out := fs.String("out", "", "output directory, or - for standard output")
	bundleDir := fs.String("bundle", "", "write a dataset bundle into this directory instead (every format, gzipped N-Triples and N-Quads, VoID/DCAT, schema.org Dataset, README, CHECKSUMS)")
	date := fs.String("date", "", "with --bundle: the issue date, YYYY-MM-DD (default today, UTC)")
	license := fs.String("license", "https://creativecommons.org/licenses/by/4.0/", "with --bundle: the licence IRI of the dataset")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected arguments %q", rest)
	}
	if *out == "" && *bundleDir == "" {
		return usagef("--out or --bundle is required")
	}
	if *bundleDir != "" && (*out != "" || *format != "all") {
		return usagef("--bundle writes every format; give no --out or --format with it")
	}
	if *bundleDir == "" && (*date != "") {
		return usagef("--date goes with --bundle")
	}
	known := *format == "all"
	for _, f := range formats {
		known = known || f.name == *format
	}
	if !known {
		return usagef("unknown format %q", *format)
	}
	m, err := sf.minter()
	if err != nil {
		return err
	}
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	qs, err := st.Quads(ctx)
	if err != nil {
		return err
	}
	arts, err := st.Articles(ctx)
	if err != nil {
		return err
	}
	if *bundleDir != "" {
		if *date == "" {
			*date = time.Now().UTC().Format("2006-01-02")
		}
		files, err := bundle(qs, arts, m, *date, *license)
		if err != nil {
			return err
		}
		if err := writeFiles(*bundleDir, files); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "wrote a dataset bundle of %d files to %s\n", len(files), *bundleDir)
		return nil
	}
	files, err := render(qs, arts, m, *format)
	if err != nil {
		return err
	}
	if *out == "-" {
		if len(files) != 1 {
			return usagef("--out - needs a one-file format (nt, nq, ttl, jsonld, trig)")
		}
		for _, b := range files {
			_, err := e.stdout.Write(b)
			return err
		}
	}
	return writeFiles(*out, files)
}

// render produces the files of a format ("all" for every format).
func render(qs []quad.Quad, arts []*schema.Article, m schema.Minter, format string) (map[string][]byte, error) {
	opts := export.Options{Base: m.Base()}
	files := map[string][]byte{}
	want := func(f string) bool { return format == "all" || format == f }
	var err error
	write := func(name string, fn func(b *bytes.Buffer) error) {
		if err != nil {
			return
		}
		var b bytes.Buffer
		if err = fn(&b); err != nil {
			err = fmt.Errorf("%s: %w", name, err)
		}
		files[name] = b.Bytes()
	}
	if want("nt") {
		write("graph.nt", func(b *bytes.Buffer) error { return export.NTriples(b, qs) })
	}
	if want("nq") {
		write("graph.nq", func(b *bytes.Buffer) error { return export.NQuads(b, qs) })
	}
	if want("ttl") {
		write("graph.ttl", func(b *bytes.Buffer) error { return opts.Turtle(b, qs) })
	}
	if want("jsonld") {
		write("graph.jsonld", func(b *bytes.Buffer) error { return opts.JSONLD(b, qs) })
	}
	if want("trig") {
		write("graph.trig", func(b *bytes.Buffer) error { return opts.TriG(b, qs) })
	}
	if want("kgx") {
		var edges, tsvEdges bytes.Buffer
		write("nodes.jsonl", func(b *bytes.Buffer) error { return export.KGX(b, &edges, arts, m) })
		files["edges.jsonl"] = edges.Bytes()
		write("nodes.tsv", func(b *bytes.Buffer) error { return export.KGXTSV(b, &tsvEdges, arts, m) })
		files["edges.tsv"] = tsvEdges.Bytes()
	}
	if want("csv") {
		var edges bytes.Buffer
		write("nodes.csv", func(b *bytes.Buffer) error { return export.CSV(b, &edges, arts, m) })
		files["edges.csv"] = edges.Bytes()
	}
	if want("schemaorg") {
		for _, a := range arts {
			doc, err := export.SchemaOrg(a)
			if err != nil {
				return nil, fmt.Errorf("schemaorg %s: %w", a.IRI, err)
			}
			slug := a.IRI[strings.LastIndex(a.IRI, "/")+1:]
			files["schemaorg/"+slug+".jsonld"] = doc
			files["schemaorg/"+slug+".html"] = export.SchemaOrgSnippet(doc)
		}
	}
	if want("vocab") {
		files["vocabulary.ttl"] = []byte(schema.Ontology())
		files["context.jsonld"] = schema.ContextDocument(m)
		files["shapes.ttl"] = []byte(schema.Shapes())
	}
	return files, err
}

// writeFiles writes each file atomically (a temporary file renamed).
func writeFiles(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		tmp := p + ".tmp"
		if err := os.WriteFile(tmp, b, 0o644); err != nil {
			return err
		}
		if err := os.Rename(tmp, p); err != nil {
			return err
		}
	}
	return nil
}
