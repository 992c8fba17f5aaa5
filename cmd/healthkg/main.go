// Command healthkg turns health articles into a knowledge graph: it ingests
// articles into a Cayley store, answers named queries and exports the graph
// as N-Triples, N-Quads, Turtle, JSON-LD and KGX.
//
// Usage:
//
//	healthkg demo [--out DIR]
//	healthkg ingest --db PATH FILE...
//	healthkg export --db PATH [--format all|nt|nq|ttl|jsonld|kgx] --out DIR|-
//	healthkg query --db PATH [--format table|json] NAME ARGS...
//
// Exit codes: 0 ok, 1 failure, 2 usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// env is what a command reads and writes, so that tests can run commands.
type env struct {
	stdout, stderr io.Writer
}

type command struct {
	name, usage, short string
	run                func(ctx context.Context, e *env, args []string) error
}

var commands = []command{
	{"demo", "demo [--out DIR]", "ingest the bundled sample article and write every export", runDemo},
	{"ingest", "ingest --db PATH [--lexicon FILE] FILE...", "ingest articles into a store", runIngest},
	{"export", "export --db PATH [--format all|nt|nq|ttl|jsonld|kgx] --out DIR|-", "export the store", runExport},
	{"query", "query --db PATH [--format table|json|csv|tsv] NAME ARGS... | --lang gizmo|graphql|mql QUERY", "run a named query or a query in one of Cayley's languages", runQuery},
	{"serve", "serve --db PATH [--addr 127.0.0.1:8080] [--write --token-file FILE]", "serve the store: JSON API, Cayley API v2, Linked Data, downloads", runServe},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &env{stdout: os.Stdout, stderr: os.Stderr})
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		mainUsage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(e.stderr, "healthkg %s: %v\nusage: healthkg %s\n", c.name, err, c.usage)
			return 2
		}
		fmt.Fprintf(e.stderr, "healthkg %s: %v\n", c.name, err)
		return 1
	}
	fmt.Fprintf(e.stderr, "healthkg: unknown command %q\n", args[0])
	mainUsage(e.stderr)
	return 2
}

func mainUsage(w io.Writer) {
	fmt.Fprintln(w, "healthkg turns health articles into a research-grade knowledge graph.")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  healthkg %-62s %s\n", c.usage, c.short)
	}
	fmt.Fprintln(w, "\nRun 'healthkg COMMAND --help' for a command's flags.")
}

// flags makes a command's flag set; --help prints the usage and returns
// flag.ErrHelp, other mistakes are usage errors.
func flags(e *env, c, usage, doc string) *flag.FlagSet {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "usage: healthkg %s\n\n%s\n\nFlags:\n", usage, doc)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(e.stderr)
	}
	return fs
}

// parse parses flags that may come before, between or after the
// positional arguments ("query side-effects kratom --db x"); "--" ends the
// flags. It returns the positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.Usage()
			return nil, err
		}
		if err != nil {
			return nil, usagef("%v", err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// multiFlag is a repeatable string flag.
type multiFlag []string

func (m *multiFlag) String() string     { return fmt.Sprint(*m) }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
