package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/healthkg/healthkg/ingest"
	"github.com/healthkg/healthkg/internal/sample"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "demo", "demo [--out DIR]",
		"Ingest the bundled sample article into DIR/healthkg.db (an embedded bolt store)\n"+
			"and write every export into DIR.")
	out := fs.String("out", "out", "output directory")
	var sf storeFlags
	sf.register(fs.StringVar)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected arguments %q", rest)
	}
	if sf.db == "" {
		sf.db = filepath.Join(*out, "healthkg.db")
	}
	m, err := sf.minter()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	x, err := ingest.New(m)
	if err != nil {
		return err
	}
	st, err := sf.open(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := ingestBytes(ctx, e.stdout, st, x, m, sample.Name, sample.Name, sample.Text); err != nil {
		return err
	}
	qs, err := st.Quads(ctx)
	if err != nil {
		return err
	}
	arts, err := st.Articles(ctx)
	if err != nil {
		return err
	}
	files, err := render(qs, arts, m, "all")
	if err != nil {
		return err
	}
	if err := writeFiles(*out, files); err != nil {
		return err
	}
	summary(e.stdout, arts)
	fmt.Fprintf(e.stdout, "store: %s (%d quads)\n", sf.db, len(qs))
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(e.stdout, "wrote %s (%d bytes)\n", filepath.Join(*out, n), len(files[n]))
	}
	return nil
}
