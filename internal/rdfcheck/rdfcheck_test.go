package rdfcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// recorder is a fake testing.TB that records failures and log lines instead of reporting them.
// TempDir and Cleanup go to the real test.
type recorder struct {
	testing.TB
	errors []string
	logs   []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recorder) Error(a ...any)               { r.errors = append(r.errors, fmt.Sprint(a...)) }
func (r *recorder) Logf(format string, a ...any) { r.logs = append(r.logs, fmt.Sprintf(format, a...)) }
func (r *recorder) Log(a ...any)                 { r.logs = append(r.logs, fmt.Sprint(a...)) }
func (r *recorder) Fail()                        { r.errors = append(r.errors, "Fail()") }
func (r *recorder) Failed() bool                 { return len(r.errors) > 0 }
func (r *recorder) FailNow()                     { r.TB.Fatalf("rdfcheck called FailNow") }
func (r *recorder) Fatal(a ...any)               { r.TB.Fatalf("rdfcheck called Fatal: %s", fmt.Sprint(a...)) }
func (r *recorder) Fatalf(f string, a ...any)    { r.TB.Fatalf("rdfcheck called Fatalf: "+f, a...) }
func (r *recorder) SkipNow()                     { r.TB.Fatalf("rdfcheck called SkipNow") }
func (r *recorder) Skip(a ...any)                { r.TB.Fatalf("rdfcheck called Skip: %s", fmt.Sprint(a...)) }
func (r *recorder) Skipf(f string, a ...any)     { r.TB.Fatalf("rdfcheck called Skipf: "+f, a...) }

func newRecorder(t *testing.T) *recorder { return &recorder{TB: t} }

// byTool maps "rdfcheck: FILE: TOOL: message" lines to TOOL -> messages.
func byTool(lines []string) map[string][]string {
	m := map[string][]string{}
	for _, l := range lines {
		parts := strings.SplitN(l, ": ", 4)
		if len(parts) < 4 || parts[0] != "rdfcheck" {
			m["?"] = append(m["?"], l)
			continue
		}
		m[parts[2]] = append(m[parts[2]], l)
	}
	return m
}

func keys(m map[string][]string) []string {
	var k []string
	for x := range m {
		k = append(k, x)
	}
	sort.Strings(k)
	return k
}

// group is the toolset entry that provides a parser.
func group(tool string) string {
	switch tool {
	case "n3.js", "jsonld.js":
		return toolNode
	}
	return tool
}

// available keeps the tools of want that this machine has (without HEALTHKG_REQUIRE_TOOLS=1
// a missing parser is skipped; with it, TestGoodSample fails instead).
func available(ts *toolset, want []string) []string {
	var out []string
	for _, w := range want {
		if w == toolJSONL || ts.missing(group(w)) == "" {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// The good sample passes every parser, through the public API, and every available parser
// really ran on every file (and said so in the log). Under HEALTHKG_REQUIRE_TOOLS=1 (.ci/run)
// a missing parser fails this test.
func TestGoodSample(t *testing.T) {
	ts := discover()
	r := newRecorder(t)
	Check(r, "testdata/good")
	CheckSameGraph(r, "testdata/good/graph.nt", "testdata/good/graph.nq", "testdata/good/graph.ttl",
		"testdata/good/graph.jsonld")
	if len(r.errors) > 0 {
		t.Fatalf("good sample failed:\n%s", strings.Join(r.errors, "\n"))
	}
	want := map[string][]string{
		"graph.nt":     {"rapper", "serdi", "rdflib", "riot", "n3.js"},
		"graph.nq":     {"rapper", "serdi", "rdflib", "riot", "n3.js"},
		"graph.ttl":    {"rapper", "serdi", "rdflib", "riot", "n3.js"},
		"graph.jsonld": {"rdflib", "riot", "jsonld.js"},
		"nodes.jsonl":  {toolJSONL},
		"edges.jsonl":  {toolJSONL},
	}
	got := map[string][]string{}
	for _, l := range r.logs {
		parts := strings.SplitN(l, ": ", 4)
		if len(parts) == 4 && parts[0] == "rdfcheck" {
			got[parts[1]] = append(got[parts[1]], parts[2])
		}
	}
	for f, tools := range want {
		g := got[f]
		sort.Strings(g)
		if w := available(ts, tools); !slices.Equal(g, w) {
			t.Errorf("%s: parsers that ran = %v, want %v", f, g, w)
		}
	}
	if ts.missing(toolRdflib) == "" &&
		!slices.ContainsFunc(r.logs, func(l string) bool { return strings.Contains(l, "rdflib.compare: same graph") }) {
		t.Errorf("CheckSameGraph logged no comparison")
	}
	for _, l := range r.logs {
		t.Log(l)
	}
}

// Each kind of bad file is rejected, by exactly the parsers known to reject it.
func TestBadSamplesFail(t *testing.T) {
	all := []string{"rapper", "serdi", "rdflib", "riot", "n3.js"}
	cases := map[string][]string{
		"nt-syntax":             all,
		"nq-syntax":             all,
		"ttl-syntax":            all,
		"nt-bad-iri":            all,
		"nt-missing-dot":        {"serdi", "rdflib", "riot", "n3.js"}, // rapper takes the final dot as optional
		"nt-bad-literal":        {"riot"},
		"jsonld-syntax":         {"rdflib", "riot", "jsonld.js"},
		"jsonld-remote-context": {"rdflib", "riot", "jsonld.js"},
		"jsonld-dropped-term":   {"jsonld.js"},
		"jsonl-node-category":   {toolJSONL},
		"jsonl-edge-fields":     {toolJSONL},
		"jsonl-syntax":          {toolJSONL},
	}
	ts := discover()
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := newRecorder(t)
			check(r, filepath.Join("testdata", "bad", name), ts, false)
			got := byTool(r.errors)
			want := available(ts, want)
			if len(want) == 0 {
				t.Skip("none of the parsers that reject this file is installed")
			}
			if !slices.Equal(keys(got), want) {
				t.Errorf("rejected by %v, want %v; failures:\n%s", keys(got), want, strings.Join(r.errors, "\n"))
			}
			for _, l := range r.errors {
				t.Log(l)
			}
		})
	}
}

func TestJSONLProblems(t *testing.T) {
	r := newRecorder(t)
	check(r, "testdata/bad/jsonl-syntax", discover(), false)
	msg := strings.Join(r.errors, "\n")
	for _, want := range []string{"line 2: blank line", "line 3: not a JSON object", "line 4: invalid JSON",
		`line 5: duplicate id "n1" (first on line 1)`} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
	r = newRecorder(t)
	check(r, "testdata/bad/jsonl-edge-fields", discover(), false)
	if msg := strings.Join(r.errors, "\n"); !strings.Contains(msg, `edge without a non-empty string "object"`) {
		t.Errorf("edge without object not reported:\n%s", msg)
	}
}

func TestEmptyOrMissingDirFails(t *testing.T) {
	r := newRecorder(t)
	check(r, t.TempDir(), discover(), false)
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "no .nt, .nq, .ttl, .jsonld or .jsonl file") {
		t.Errorf("empty dir: %q", r.errors)
	}
	r = newRecorder(t)
	check(r, filepath.Join(t.TempDir(), "nope"), discover(), false)
	if len(r.errors) != 1 {
		t.Errorf("missing dir: %q", r.errors)
	}
}

func TestSameGraphFails(t *testing.T) {
	ts := discover()
	if why := ts.missing(toolRdflib); why != "" {
		t.Skip(why)
	}
	good := "testdata/good/graph.nt"
	for _, tc := range []struct{ other, want string }{
		{"testdata/notsame/changed-literal.ttl", `"Pain"@en`},
		{"testdata/notsame/missing-triple.nt", "11 triples here, 12 there"},
	} {
		r := newRecorder(t)
		checkSameGraph(r, []string{good, tc.other}, ts, false)
		msg := strings.Join(r.errors, "\n")
		if len(r.errors) != 1 || !strings.Contains(msg, "not the same graph as "+good) || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: got failures:\n%s\nwant one mentioning %q", tc.other, msg, tc.want)
		}
		t.Log(msg)
	}
	// a file that does not parse cannot be compared
	r := newRecorder(t)
	checkSameGraph(r, []string{good, "testdata/bad/ttl-syntax/graph.ttl"}, ts, false)
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "cannot compare graphs") {
		t.Errorf("unparsable file: %q", r.errors)
	}
	r = newRecorder(t)
	checkSameGraph(r, []string{good}, ts, false)
	if len(r.errors) != 1 {
		t.Errorf("one file: %q", r.errors)
	}
}

// A missing tool is logged and skipped, or fails the test when tools are required.
func TestMissingTool(t *testing.T) {
	ts := *discover()
	ts.why = map[string]string{toolRapper: "rapper not found on PATH (test)", toolRdflib: "no rdflib (test)",
		toolRiot: "no riot (test)"}
	for k, v := range discover().why {
		ts.why[k] = v
	}

	r := newRecorder(t)
	check(r, "testdata/good", &ts, false)
	if len(r.errors) > 0 {
		t.Errorf("not required: failures %q", r.errors)
	}
	if !slices.ContainsFunc(r.logs, func(l string) bool { return strings.Contains(l, "skipped rapper: rapper not found") }) {
		t.Errorf("no skip logged for rapper: %q", r.logs)
	}

	r = newRecorder(t)
	check(r, "testdata/good", &ts, true)
	msg := strings.Join(r.errors, "\n")
	for _, want := range []string{"rapper is required (HEALTHKG_REQUIRE_TOOLS=1) but not available", "rdflib is required", ".ci/run"} {
		if !strings.Contains(msg, want) {
			t.Errorf("required: missing %q in failures:\n%s", want, msg)
		}
	}

	r = newRecorder(t)
	checkSameGraph(r, []string{"testdata/good/graph.nt", "testdata/good/graph.ttl"}, &ts, true)
	if len(r.errors) != 1 || !strings.Contains(r.errors[0], "rdflib is required") {
		t.Errorf("CheckSameGraph required: %q", r.errors)
	}
}

// The node_modules folder is found through HEALTHKG_NODE_MODULES, which must hold the packages.
func TestNodeModulesEnv(t *testing.T) {
	t.Setenv(EnvNodeModules, t.TempDir())
	if _, why := findNodeModules(); !strings.Contains(why, EnvNodeModules) {
		t.Errorf("empty %s accepted: %q", EnvNodeModules, why)
	}
	t.Setenv(EnvNodeModules, "")
	os.Unsetenv(EnvNodeModules)
	if nm, why := findNodeModules(); why == "" && !strings.HasSuffix(nm, filepath.Join("tools", "rdfcheck-node", "node_modules")) {
		t.Errorf("found %s", nm)
	}
}

// JSON-LD 1.1 files pass; Debian's Jena (JSON-LD 1.0 reader) skips them with a log line.
func TestJSONLD11(t *testing.T) {
	ts := discover()
	r := newRecorder(t)
	check(r, "testdata/jsonld11", ts, false)
	if len(r.errors) > 0 {
		t.Fatalf("JSON-LD 1.1 sample failed:\n%s", strings.Join(r.errors, "\n"))
	}
	if ts.java != "" && !slices.ContainsFunc(r.logs, func(l string) bool { return strings.Contains(l, "riot: skipped") }) {
		t.Errorf("riot did not skip the JSON-LD 1.1 file: %q", r.logs)
	}
	for _, l := range r.logs {
		t.Log(l)
	}
}
