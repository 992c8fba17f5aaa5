package rdfcheck

import (
	"archive/zip"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Names of the parsers, as shown in messages.
const (
	toolRapper = "rapper"
	toolSerdi  = "serdi"
	toolRdflib = "rdflib"
	toolRiot   = "riot"
	toolNode   = "n3.js/jsonld.js"
)

// Debian's python3-rdflib is installed for the system python, not a pyenv one.
const systemPython = "/usr/bin/python3"

// Where Debian's libapache-jena-java puts its jars.
const debianJavaDir = "/usr/share/java"

// commandTimeout bounds one parser run.
const commandTimeout = 10 * time.Minute

//go:embed rdflib_check.py
var rdflibScript []byte

//go:embed rdfjs_check.mjs
var rdfjsScript []byte

// toolset is what discover found on this machine.
type toolset struct {
	rapper, serdi string   // paths of the commands
	python        string   // a python3 that imports rdflib
	java          string   // java command, for riot from Debian's jars ...
	jenaJars      []string // ... with this classpath (plus the xerces fix jar made at run time)
	riot          string   // else a riot command on PATH
	node          string   // node command
	nodeModules   string   // folder with jsonld and n3
	why           map[string]string
}

// missing says why a tool is not available, or "" when it is.
func (ts *toolset) missing(tool string) string { return ts.why[tool] }

var (
	discoverOnce sync.Once
	discovered   *toolset
)

// discover finds the parsers once per test binary.
func discover() *toolset {
	discoverOnce.Do(func() { discovered = findTools() })
	return discovered
}

func findTools() *toolset {
	ts := &toolset{why: map[string]string{}}
	var err error
	if ts.rapper, err = exec.LookPath("rapper"); err != nil {
		ts.why[toolRapper] = "rapper not found on PATH (Debian package raptor2-utils)"
	}
	if ts.serdi, err = exec.LookPath("serdi"); err != nil {
		ts.why[toolSerdi] = "serdi not found on PATH (Debian package serdi)"
	}

	py := systemPython
	if _, err := os.Stat(py); err != nil {
		ts.why[toolRdflib] = py + " not found (Debian packages python3, python3-rdflib)"
	} else if out, err := exec.Command(py, "-c", "import rdflib").CombinedOutput(); err != nil {
		ts.why[toolRdflib] = fmt.Sprintf("%s cannot import rdflib (Debian package python3-rdflib): %s",
			py, lastLine(string(out)))
	} else {
		ts.python = py
	}

	ts.findRiot()

	if ts.node, err = exec.LookPath("node"); err != nil {
		ts.why[toolNode] = "node not found on PATH"
	} else if nm, why := findNodeModules(); why != "" {
		ts.why[toolNode] = why
	} else {
		ts.nodeModules = nm
	}
	return ts
}

// findRiot prefers Debian's libapache-jena-java (it ships no launcher: java + classpath), and
// falls back to a riot command on PATH (e.g. an Apache Jena distribution).
func (ts *toolset) findRiot() {
	java, javaErr := exec.LookPath("java")
	if _, err := os.Stat(filepath.Join(debianJavaDir, "jena-cmds.jar")); err == nil && javaErr == nil {
		for _, j := range []string{
			"jena-arq", "jena-base", "jena-cmds", "jena-core", "jena-dboe-base", "jena-dboe-index",
			"jena-dboe-storage", "jena-dboe-trans-data", "jena-dboe-transaction", "jena-iri",
			"jena-rdfconnection", "jena-shacl", "jena-tdb", "jena-tdb2", "commons-cli", "commons-codec",
			"commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection",
			"gson", "guava", "httpclient", "httpclient-cache", "httpcore", "jackson-annotations",
			"jackson-core", "jackson-databind", "jsonld-java", "jakarta.json-api", "titanium-json-ld",
			"protobuf", "slf4j-api", "slf4j-simple", "thrift",
		} {
			p := filepath.Join(debianJavaDir, j+".jar")
			if _, err := os.Stat(p); err == nil {
				ts.jenaJars = append(ts.jenaJars, p)
			}
		}
		ts.java = java
		return
	}
	if riot, err := exec.LookPath("riot"); err == nil {
		ts.riot = riot
		return
	}
	if javaErr != nil {
		ts.why[toolRiot] = "neither java nor riot found on PATH (Debian package libapache-jena-java)"
	} else {
		ts.why[toolRiot] = debianJavaDir + "/jena-cmds.jar not found and no riot on PATH (Debian package libapache-jena-java)"
	}
}

// findNodeModules returns the node_modules folder with jsonld and n3, or why there is none.
func findNodeModules() (string, string) {
	ok := func(nm string) bool {
		for _, p := range []string{"jsonld", "n3"} {
			if _, err := os.Stat(filepath.Join(nm, p, "package.json")); err != nil {
				return false
			}
		}
		return true
	}
	if nm := os.Getenv(EnvNodeModules); nm != "" {
		abs, err := filepath.Abs(nm)
		if err == nil && ok(abs) {
			return abs, ""
		}
		return "", fmt.Sprintf("%s=%s holds no jsonld and n3 packages (npm ci in tools/rdfcheck-node)", EnvNodeModules, nm)
	}
	var starts []string
	if wd, err := os.Getwd(); err == nil {
		starts = append(starts, wd)
	}
	if _, src, _, ok := runtime.Caller(0); ok && filepath.IsAbs(src) {
		starts = append(starts, filepath.Dir(src))
	}
	for _, d := range starts {
		for {
			nm := filepath.Join(d, "tools", "rdfcheck-node", "node_modules")
			if ok(nm) {
				return nm, ""
			}
			up := filepath.Dir(d)
			if up == d {
				break
			}
			d = up
		}
	}
	return "", "tools/rdfcheck-node/node_modules with jsonld and n3 not found (npm ci in tools/rdfcheck-node, or set " + EnvNodeModules + ")"
}

// ---------------------------------------------------------------------------------------------
// runners: each returns a finding per file (failures, and counts or "ok" for the log)

var rdfSyntax = map[format]string{fmtNT: "ntriples", fmtNQ: "nquads", fmtTTL: "turtle", fmtTriG: "trig"}

func run(name string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	var out bytes.Buffer
	cmd.Stdout = io.Discard
	cmd.Stderr = &out
	err := cmd.Run()
	if ctx.Err() != nil {
		err = fmt.Errorf("timed out after %v", commandTimeout)
	}
	return out.String(), err
}

func failMsg(out string, err error) string {
	out = strings.TrimSpace(out)
	if out == "" {
		return err.Error()
	}
	return fmt.Sprintf("%v: %s", err, clip(out, 1500))
}

func runRapper(ts *toolset, files []file) []finding {
	var fs []finding
	for _, f := range files {
		syn, ok := rdfSyntax[f.fmt]
		if !ok {
			continue
		}
		out, err := run(ts.rapper, "-q", "-i", syn, "-c", f.path)
		if err != nil {
			fs = append(fs, finding{f.rel, toolRapper, false, failMsg(out, err)})
		} else {
			fs = append(fs, finding{f.rel, toolRapper, true, "ok"})
		}
	}
	return fs
}

func runSerdi(ts *toolset, files []file) []finding {
	var fs []finding
	for _, f := range files {
		syn, ok := rdfSyntax[f.fmt]
		if !ok {
			continue
		}
		out, err := run(ts.serdi, "-i", syn, "-o", "ntriples", f.path)
		if err != nil {
			fs = append(fs, finding{f.rel, toolSerdi, false, failMsg(out, err)})
		} else {
			fs = append(fs, finding{f.rel, toolSerdi, true, "ok"})
		}
	}
	return fs
}

// runRiot validates the files with riot --validate, in one JVM for nt/nq/ttl (syntax from the
// extension) and one for JSON-LD (Jena's JSON-LD 1.0 reader: its 1.1 reader lacks a
// jakarta.json provider on Debian 12). A failing batch is re-run file by file to tell which
// file failed.
func runRiot(ts *toolset, scratch string, files []file) []finding {
	cmd := []string{ts.riot}
	if ts.java != "" {
		fix, err := jenaXercesFix(scratch)
		if err != nil {
			return []finding{{"(all files)", toolRiot, false, "cannot prepare Jena: " + err.Error()}}
		}
		cp := strings.Join(append([]string{fix}, ts.jenaJars...), string(os.PathListSeparator))
		cmd = []string{ts.java,
			"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			// no network: JSON-LD contexts must be inline (jsonld-java honours these proxy settings)
			"-Djava.net.useSystemProxies=false",
			"-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=1",
			"-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=1",
			"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
			"-cp", cp, "riotcmd.riot"}
	}
	var rdf, jl []file
	var fs []finding
	for _, f := range files {
		switch {
		case f.fmt != fmtJSONLD:
			rdf = append(rdf, f)
		case isJSONLD11(f.path):
			fs = append(fs, finding{f.rel, toolRiot, true,
				`skipped: the file declares "@version": 1.1 and Jena 4.5 on Debian reads JSON-LD 1.0 only`})
		default:
			jl = append(jl, f)
		}
	}
	riot := func(extra []string, batch []file) (string, error) {
		args := append(append(append([]string{}, cmd[1:]...), "--validate"), extra...)
		for _, f := range batch {
			args = append(args, f.path)
		}
		return run(cmd[0], args...)
	}
	for _, g := range []struct {
		extra []string
		files []file
	}{{nil, rdf}, {[]string{"--syntax=jsonld10"}, jl}} {
		if len(g.files) == 0 {
			continue
		}
		out, err := riot(g.extra, g.files)
		if err == nil {
			for _, f := range g.files {
				fs = append(fs, finding{f.rel, toolRiot, true, "ok"})
			}
			continue
		}
		if len(g.files) == 1 {
			fs = append(fs, finding{g.files[0].rel, toolRiot, false, failMsg(out, err)})
			continue
		}
		for _, f := range g.files {
			if out, err := riot(g.extra, []file{f}); err != nil {
				fs = append(fs, finding{f.rel, toolRiot, false, failMsg(out, err)})
			} else {
				fs = append(fs, finding{f.rel, toolRiot, true, "ok"})
			}
		}
	}
	return fs
}

// isJSONLD11 tells whether a JSON-LD file declares "@version": 1.1 in a context (so needs a
// JSON-LD 1.1 processor). A file that is not JSON is not.
func isJSONLD11(path string) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	var doc any
	if json.Unmarshal(b, &doc) != nil {
		return false
	}
	var walk func(v any) bool
	walk = func(v any) bool {
		switch x := v.(type) {
		case map[string]any:
			if ver, ok := x["@version"].(float64); ok && ver == 1.1 {
				return true
			}
			for _, e := range x {
				if walk(e) {
					return true
				}
			}
		case []any:
			for _, e := range x {
				if walk(e) {
					return true
				}
			}
		}
		return false
	}
	return walk(doc)
}

// jenaXercesFix writes, under dir, a jar that works around a packaging bug of Debian's
// jena-core: it relocates its shaded Xerces to package "xerces.*" but leaves the message bundles
// under org/apache/jena/ext/xerces/, so Jena dies at start-up ("internal error" in
// XSSimpleTypeDecl). The jar holds the bundles at the relocated path.
func jenaXercesFix(dir string) (string, error) {
	src, err := zip.OpenReader(filepath.Join(debianJavaDir, "jena-core.jar"))
	if err != nil {
		return "", err
	}
	defer src.Close()
	p := filepath.Join(dir, "jena-xerces-msgfix.jar")
	out, err := os.Create(p)
	if err != nil {
		return "", err
	}
	zw := zip.NewWriter(out)
	const prefix = "org/apache/jena/ext/"
	for _, f := range src.File {
		if !strings.HasPrefix(f.Name, prefix+"xerces/") || !strings.HasSuffix(f.Name, ".properties") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return "", err
		}
		w, err := zw.Create(strings.TrimPrefix(f.Name, prefix))
		if err == nil {
			_, err = io.Copy(w, r)
		}
		r.Close()
		if err != nil {
			return "", err
		}
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return p, out.Close()
}

type scriptResult struct {
	Path    string `json:"path"`
	Tool    string `json:"tool"`
	OK      bool   `json:"ok"`
	Count   int    `json:"count"`
	Triples int    `json:"triples"`
	Error   string `json:"error"`
}

type scriptFile struct {
	Path string `json:"path"`
	Fmt  format `json:"fmt"`
}

// runScript writes the request to scratch, runs the script and decodes its JSON answer.
func runScript(scratch string, req any, out any, name string, args ...string) error {
	reqFile := filepath.Join(scratch, "request.json")
	b, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if err := os.WriteFile(reqFile, b, 0o644); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, append(args, reqFile)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s crashed: %v: %s", filepath.Base(args[0]), err, clip(strings.TrimSpace(stderr.String()), 1500))
	}
	if err := json.Unmarshal(stdout.Bytes(), out); err != nil {
		return fmt.Errorf("%s: bad output: %v: %s", filepath.Base(args[0]), err, clip(stdout.String(), 300))
	}
	return nil
}

func scriptFiles(files []file) ([]scriptFile, map[string]string) {
	var sf []scriptFile
	rel := map[string]string{}
	for _, f := range files {
		sf = append(sf, scriptFile{f.path, f.fmt})
		rel[f.path] = f.rel
	}
	return sf, rel
}

func runRdflib(ts *toolset, scratch string, files []file) []finding {
	script := filepath.Join(scratch, "rdflib_check.py")
	if err := os.WriteFile(script, rdflibScript, 0o644); err != nil {
		return []finding{{"(all files)", toolRdflib, false, err.Error()}}
	}
	sf, rel := scriptFiles(files)
	var res struct{ Results []scriptResult }
	if err := runScript(scratch, map[string]any{"op": "parse", "files": sf}, &res, ts.python, script); err != nil {
		return []finding{{"(all files)", toolRdflib, false, err.Error()}}
	}
	var fs []finding
	for _, r := range res.Results {
		if r.OK {
			fs = append(fs, finding{rel[r.Path], toolRdflib, true, fmt.Sprintf("%d statements", r.Count)})
		} else {
			fs = append(fs, finding{rel[r.Path], toolRdflib, false, r.Error})
		}
	}
	return fs
}

func runNode(ts *toolset, scratch string, files []file) []finding {
	// The script sits next to a node_modules symlink, so that its imports resolve there.
	script := filepath.Join(scratch, "rdfjs_check.mjs")
	if err := os.WriteFile(script, rdfjsScript, 0o644); err != nil {
		return []finding{{"(all files)", toolNode, false, err.Error()}}
	}
	if err := os.Symlink(ts.nodeModules, filepath.Join(scratch, "node_modules")); err != nil {
		return []finding{{"(all files)", toolNode, false, err.Error()}}
	}
	sf, rel := scriptFiles(files)
	var res struct{ Results []scriptResult }
	if err := runScript(scratch, map[string]any{"files": sf}, &res, ts.node, script); err != nil {
		return []finding{{"(all files)", toolNode, false, err.Error()}}
	}
	var fs []finding
	for _, r := range res.Results {
		if r.OK {
			fs = append(fs, finding{rel[r.Path], r.Tool, true, fmt.Sprintf("%d statements", r.Count)})
		} else {
			fs = append(fs, finding{rel[r.Path], r.Tool, false, r.Error})
		}
	}
	return fs
}

// sameGraph compares the files' merged graphs with rdflib (isomorphism and triple counts).
func sameGraph(ts *toolset, scratch string, files []file) []finding {
	script := filepath.Join(scratch, "rdflib_check.py")
	if err := os.WriteFile(script, rdflibScript, 0o644); err != nil {
		return []finding{{"(all files)", toolRdflib, false, err.Error()}}
	}
	sf, rel := scriptFiles(files)
	var res struct {
		Results    []scriptResult
		Mismatches []struct {
			Path       string   `json:"path"`
			Count      int      `json:"count"`
			FirstCount int      `json:"first_count"`
			OnlyFirst  []string `json:"only_first"`
			NOnlyFirst int      `json:"n_only_first"`
			OnlyThis   []string `json:"only_this"`
			NOnlyThis  int      `json:"n_only_this"`
		}
	}
	if err := runScript(scratch, map[string]any{"op": "same", "files": sf}, &res, ts.python, script); err != nil {
		return []finding{{"(all files)", toolRdflib, false, err.Error()}}
	}
	var fs []finding
	failed := false
	for _, r := range res.Results {
		if !r.OK {
			failed = true
			fs = append(fs, finding{rel[r.Path], toolRdflib, false, "cannot compare graphs: " + r.Error})
		}
	}
	if failed {
		return fs
	}
	first := files[0].rel
	for _, m := range res.Mismatches {
		var b strings.Builder
		fmt.Fprintf(&b, "not the same graph as %s: %d triples here, %d there", first, m.Count, m.FirstCount)
		if m.NOnlyFirst > 0 {
			fmt.Fprintf(&b, "\n  %d triple(s) only in %s, e.g.:", m.NOnlyFirst, first)
			for _, l := range m.OnlyFirst {
				b.WriteString("\n    " + l)
			}
		}
		if m.NOnlyThis > 0 {
			fmt.Fprintf(&b, "\n  %d triple(s) only in %s, e.g.:", m.NOnlyThis, rel[m.Path])
			for _, l := range m.OnlyThis {
				b.WriteString("\n    " + l)
			}
		}
		fs = append(fs, finding{rel[m.Path], "rdflib.compare", false, b.String()})
	}
	if len(res.Mismatches) == 0 {
		var counts []string
		for _, r := range res.Results {
			counts = append(counts, fmt.Sprintf("%s=%d", rel[r.Path], r.Triples))
		}
		fs = append(fs, finding{first, "rdflib.compare", true, "same graph (triples: " + strings.Join(counts, ", ") + ")"})
	}
	return fs
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:] // python's last traceback line says what went wrong
	}
	return s
}
