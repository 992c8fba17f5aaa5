package export

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/healthkg/healthkg/internal/rdfcheck"
	"github.com/knakk/rdf"
)

// rdfTool is a command-line RDF parser that converts a file to N-Triples
// (or N-Quads) on stdout; each is run only when it is on PATH.
type rdfTool struct {
	name string
	args func(syntax, file string) []string // nil: the tool cannot read that syntax
}

var rdfTools = []rdfTool{
	{"rapper", func(syntax, file string) []string {
		in := map[string]string{"nt": "ntriples", "nq": "nquads", "ttl": "turtle"}[syntax]
		out := "ntriples"
		if syntax == "nq" {
			out = "nquads"
		}
		return []string{"-q", "-i", in, "-o", out, file}
	}},
	{"serdi", func(syntax, file string) []string {
		in := map[string]string{"nt": "ntriples", "nq": "nquads", "ttl": "turtle"}[syntax]
		out := "ntriples"
		if syntax == "nq" {
			out = "nquads"
		}
		return []string{"-i", in, "-o", out, file}
	}},
	{"riot", func(syntax, file string) []string {
		in := map[string]string{"nt": "N-Triples", "nq": "N-Quads", "ttl": "Turtle"}[syntax]
		out := "N-Triples"
		if syntax == "nq" {
			out = "N-Quads"
		}
		return []string{"--strict", "--syntax=" + in, "--output=" + out, file}
	}},
}

// TestExternalParsers feeds the N-Triples, N-Quads and Turtle outputs to
// rapper, serdi and riot (those that are installed), and checks that each
// reads back exactly our triples (or quads).
func TestExternalParsers(t *testing.T) {
	qs := sampleQuads(t)
	outputs := map[string][]byte{}
	for _, f := range formats {
		if f.name == "jsonld" {
			continue
		}
		b, err := f.run(qs)
		if err != nil {
			t.Fatal(err)
		}
		outputs[f.name] = b
	}
	wantNT := wantTriples(t, qs)
	var wantNQ []string
	{
		dec := rdf.NewQuadDecoder(bytes.NewReader(outputs["nq"]), rdf.NQuads)
		all, err := dec.DecodeAll()
		if err != nil {
			t.Fatal(err)
		}
		wantNQ = quadLines(all)
	}
	dir := t.TempDir()
	ran := 0
	for _, tool := range rdfTools {
		path, err := exec.LookPath(tool.name)
		if err != nil {
			// CI installs rapper and serdi; riot is optional (Jena's
			// jars are run by internal/rdfcheck instead).
			if os.Getenv(rdfcheck.EnvRequire) == "1" && tool.name != "riot" {
				t.Errorf("%s is not on PATH and %s=1", tool.name, rdfcheck.EnvRequire)
			}
			continue
		}
		for _, syntax := range []string{"nt", "nq", "ttl"} {
			file := filepath.Join(dir, "sample."+syntax)
			if err := os.WriteFile(file, outputs[syntax], 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(path, tool.args(syntax, file)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Errorf("%s rejects our %s: %v\n%s", tool.name, syntax, err, stderr.String())
				continue
			}
			ran++
			if syntax == "nq" {
				all, err := rdf.NewQuadDecoder(bytes.NewReader(out), rdf.NQuads).DecodeAll()
				if err != nil {
					t.Fatalf("%s output: %v", tool.name, err)
				}
				sameSet(t, tool.name+" nq", quadLines(all), wantNQ)
				continue
			}
			sameSet(t, tool.name+" "+syntax, decodeTriples(t, out, rdf.NTriples), wantNT)
		}
	}
	if ran == 0 {
		t.Skip("none of rapper, serdi, riot is on PATH")
	}
}

func quadLines(qs []rdf.Quad) []string {
	out := make([]string, 0, len(qs))
	for _, x := range qs {
		out = append(out, tripleLine(triple{knakkTerm(x.Subj), knakkTerm(x.Pred), knakkTerm(x.Obj)})+" "+knakkTerm(x.Ctx).nt())
	}
	slices.Sort(out)
	return slices.Compact(out)
}
