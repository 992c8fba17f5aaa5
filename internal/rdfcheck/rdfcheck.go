// Package rdfcheck is a test helper: it feeds exported RDF and KGX files to independent,
// third-party parsers so that a test fails when any of them rejects the output.
//
//	rdfcheck.Check(t, outDir)                       // every .nt .nq .ttl .jsonld .jsonl file in outDir
//	rdfcheck.CheckSameGraph(t, nt, nq, ttl, jsonld) // the files hold one and the same graph
//
// Parsers, per file extension:
//
//	.nt .nq .ttl  rapper (raptor2-utils), serdi, rdflib (Debian's /usr/bin/python3),
//	              Jena riot --validate (libapache-jena-java), N3.js (npm n3)
//	.jsonld       rdflib, Jena riot --validate (JSON-LD 1.0 reader), jsonld.js toRDF in safe mode
//	              (data that JSON-LD expansion would silently drop is an error)
//	.jsonl        KGX JSON Lines, checked in Go: every line a JSON object with a non-empty string
//	              "id" and, for nodes (file name containing "node"), a "category" (string or list
//	              of strings); for edges (file name containing "edge"), string "subject",
//	              "predicate" and "object"; ids unique within a file
//
// No parser may reach the network: JSON-LD files must carry their @context inline.
//
// A parser that is not installed is skipped with a log line, unless HEALTHKG_REQUIRE_TOOLS=1
// (set by .ci/run), in which case it is a test failure. `.ci/run --install` installs them all.
// The npm packages live in tools/rdfcheck-node/node_modules (found from the working directory
// or this source file), or wherever HEALTHKG_NODE_MODULES points.
package rdfcheck

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// EnvRequire is the environment variable that turns a missing parser into a test failure.
const EnvRequire = "HEALTHKG_REQUIRE_TOOLS"

// EnvNodeModules points at the node_modules folder with jsonld and n3 (default: the repo's
// tools/rdfcheck-node/node_modules).
const EnvNodeModules = "HEALTHKG_NODE_MODULES"

// Format of a file, from its extension.
type format string

const (
	fmtNT     format = "nt"
	fmtNQ     format = "nq"
	fmtTTL    format = "ttl"
	fmtTriG   format = "trig"
	fmtJSONLD format = "jsonld"
	fmtJSONL  format = "jsonl"
)

var extFormats = map[string]format{
	".nt": fmtNT, ".nq": fmtNQ, ".ttl": fmtTTL, ".trig": fmtTriG, ".jsonld": fmtJSONLD, ".jsonl": fmtJSONL,
}

type file struct {
	path string // absolute
	rel  string // as shown in messages
	fmt  format
}

// finding is one parser's verdict on one file: a failure, or (ok) a note for the log.
type finding struct {
	file string // rel
	tool string
	ok   bool
	msg  string
}

// Check runs every available independent parser on every .nt, .nq, .ttl, .jsonld and .jsonl
// file in dir (searched recursively) and reports each rejection with t.Errorf. It fails when
// dir holds no such file. It never stops the test (no t.Fatal, no t.Skip).
func Check(t testing.TB, dir string) {
	t.Helper()
	check(t, dir, discover(), requireTools())
}

// CheckSameGraph asserts that the given RDF files (.nt, .nq, .ttl, .jsonld; at least two)
// hold one graph: each is parsed with rdflib, the named graphs of .nq and .jsonld files are
// merged into one graph, and every graph must have the same number of triples as the first
// and be isomorphic to it (rdflib.compare.isomorphic, blank nodes matched).
func CheckSameGraph(t testing.TB, files ...string) {
	t.Helper()
	checkSameGraph(t, files, discover(), requireTools())
}

func requireTools() bool { return os.Getenv(EnvRequire) == "1" }

func check(t testing.TB, dir string, ts *toolset, require bool) {
	t.Helper()
	files, err := collect(dir)
	if err != nil {
		t.Errorf("rdfcheck: %v", err)
		return
	}
	if len(files) == 0 {
		t.Errorf("rdfcheck: no .nt, .nq, .ttl, .jsonld or .jsonl file in %s", dir)
		return
	}
	var rdf, jsonl []file
	for _, f := range files {
		if f.fmt == fmtJSONL {
			jsonl = append(jsonl, f)
		} else {
			rdf = append(rdf, f)
		}
	}

	var findings []finding
	for _, f := range jsonl {
		findings = append(findings, checkJSONL(f)...)
	}
	if len(rdf) > 0 {
		var runners []func() []finding
		needed := []string{toolRdflib, toolRiot, toolNode}
		if hasFormat(rdf, fmtNT, fmtNQ, fmtTTL, fmtTriG) {
			needed = append([]string{toolRapper, toolSerdi}, needed...)
		}
		for _, name := range needed {
			if why := ts.missing(name); why != "" {
				reportMissing(t, name, why, require)
				continue
			}
			switch name {
			case toolRapper:
				runners = append(runners, func() []finding { return runRapper(ts, rdf) })
			case toolSerdi:
				runners = append(runners, func() []finding { return runSerdi(ts, rdf) })
			case toolRdflib:
				scratch := t.TempDir()
				runners = append(runners, func() []finding { return runRdflib(ts, scratch, rdf) })
			case toolRiot:
				scratch := t.TempDir()
				runners = append(runners, func() []finding { return runRiot(ts, scratch, rdf) })
			case toolNode:
				scratch := t.TempDir()
				runners = append(runners, func() []finding { return runNode(ts, scratch, rdf) })
			}
		}
		findings = append(findings, runAll(runners)...)
	}
	report(t, findings)
}

func checkSameGraph(t testing.TB, paths []string, ts *toolset, require bool) {
	t.Helper()
	if len(paths) < 2 {
		t.Errorf("rdfcheck: CheckSameGraph needs at least two files, got %d", len(paths))
		return
	}
	var files []file
	for _, p := range paths {
		f, err := fileOf(p, filepath.Dir(p))
		if err != nil {
			t.Errorf("rdfcheck: %v", err)
			return
		}
		if f.fmt == fmtJSONL || f.fmt == "" {
			t.Errorf("rdfcheck: CheckSameGraph: %s is not an RDF file (.nt, .nq, .ttl, .jsonld)", p)
			return
		}
		if _, err := os.Stat(f.path); err != nil {
			t.Errorf("rdfcheck: %v", err)
			return
		}
		f.rel = p
		files = append(files, f)
	}
	if why := ts.missing(toolRdflib); why != "" {
		reportMissing(t, toolRdflib, why, require)
		return
	}
	report(t, sameGraph(ts, t.TempDir(), files))
}

// runAll runs the parsers concurrently and returns their findings in a stable order.
func runAll(runners []func() []finding) []finding {
	out := make([][]finding, len(runners))
	var wg sync.WaitGroup
	for i, r := range runners {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = r()
		}()
	}
	wg.Wait()
	var all []finding
	for _, fs := range out {
		all = append(all, fs...)
	}
	return all
}

func report(t testing.TB, findings []finding) {
	t.Helper()
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].file < findings[j].file })
	for _, f := range findings {
		if f.ok {
			t.Logf("rdfcheck: %s: %s: %s", f.file, f.tool, f.msg)
		} else {
			t.Errorf("rdfcheck: %s: %s: %s", f.file, f.tool, f.msg)
		}
	}
}

func reportMissing(t testing.TB, tool, why string, require bool) {
	t.Helper()
	if require {
		t.Errorf("rdfcheck: %s is required (%s=1) but not available: %s; run .ci/run --install to install the test tools",
			tool, EnvRequire, why)
		return
	}
	t.Logf("rdfcheck: skipped %s: %s (run .ci/run --install to install it)", tool, why)
}

func hasFormat(files []file, fmts ...format) bool {
	for _, f := range files {
		for _, x := range fmts {
			if f.fmt == x {
				return true
			}
		}
	}
	return false
}

func fileOf(path, root string) (file, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return file{}, err
	}
	rel, err := filepath.Rel(root, path)
	if err != nil {
		rel = path
	}
	return file{path: abs, rel: rel, fmt: extFormats[strings.ToLower(filepath.Ext(path))]}, nil
}

// collect lists the files of dir with a known extension, sorted by path.
func collect(dir string) ([]file, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	var files []file
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := fileOf(p, dir)
		if err != nil {
			return err
		}
		if f.fmt != "" {
			files = append(files, f)
		}
		return nil
	})
	return files, err
}
