package schema_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/internal/rdfcheck"
	"github.com/healthkg/healthkg/schema"
	"github.com/knakk/rdf"
)

// updateGolden reports whether -update was given. The flag is registered
// here unless another test file of the package did it first.
func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files")
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if updateGolden() {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./schema -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date with the vocabulary tables: go test ./schema -update rewrites it", path)
	}
}

func TestOntologyGolden(t *testing.T) {
	checkGolden(t, "healthkg.ttl", []byte(schema.Ontology()))
	checkGolden(t, filepath.Join("..", "docs", "vocabulary.md"), []byte(schema.VocabularyMarkdown()))
	if schema.Ontology() != schema.Ontology() {
		t.Error("Ontology is not deterministic")
	}
}

func ontologyTriples(t *testing.T) []rdf.Triple {
	t.Helper()
	ts, err := rdf.NewTripleDecoder(strings.NewReader(schema.Ontology()), rdf.Turtle).DecodeAll()
	if err != nil {
		t.Fatalf("the ontology is not valid Turtle: %v", err)
	}
	return ts
}

func TestOntologyContent(t *testing.T) {
	ts := ontologyTriples(t)
	has := map[string]bool{}
	for _, x := range ts {
		has[x.Subj.String()+" "+x.Pred.String()+" "+x.Obj.String()] = true
	}
	typ, owl, hkg, rdfs := schema.RDF+"type", schema.OWL, schema.VocabNS, schema.RDFS
	want := []string{
		schema.OntologyIRI + " " + typ + " " + owl + "Ontology",
		schema.OntologyIRI + " " + owl + "versionInfo v1",
		hkg + "CertaintyLevel " + typ + " " + owl + "Class",
		hkg + "certainty " + rdfs + "range " + hkg + "CertaintyLevel",
		hkg + "start " + rdfs + "range " + schema.XSD + "integer",
		hkg + "hasSideEffect " + rdfs + "subPropertyOf " + schema.BIOLINK + "has_side_effect",
		hkg + "hasSideEffect " + rdfs + "range " + hkg + "Condition",
		hkg + "cites " + rdfs + "subPropertyOf " + schema.CITO + "cites",
		hkg + "Organization " + owl + "equivalentClass " + schema.SDO + "Organization",
		hkg + "Statement " + rdfs + "subClassOf " + schema.PROV + "Entity",
	}
	for _, c := range schema.Certainties {
		want = append(want, c.IRI()+" "+typ+" "+hkg+"CertaintyLevel")
	}
	for _, c := range schema.Classes {
		want = append(want, c.Class.IRI()+" "+typ+" "+owl+"Class")
	}
	for _, p := range schema.Predicates {
		want = append(want, p.IRI()+" "+typ+" "+owl+"ObjectProperty")
	}
	for _, p := range schema.Properties {
		if p.Datatype != "" && !strings.HasPrefix(strings.Join(p.SubPropertyOf, " "), "skos:") {
			want = append(want, schema.P(p.Name)+" "+typ+" "+owl+"DatatypeProperty")
			want = append(want, schema.P(p.Name)+" "+rdfs+"range "+schema.XSD+p.Datatype)
		}
	}
	for _, w := range want {
		if !has[w] {
			t.Errorf("the ontology lacks %s", w)
		}
	}
	// Multi-class domains are owl:unionOf lists.
	if !strings.Contains(schema.Ontology(), "rdfs:domain [ a owl:Class ; owl:unionOf ( hkg:Substance hkg:Compound ) ]") {
		t.Error("actsOn has no union domain")
	}
}

// TestOntologyExternalParsers: the independent parsers of internal/rdfcheck
// accept the ontology, and rapper and serdi, when installed, find as many
// triples as knakk.
func TestOntologyExternalParsers(t *testing.T) {
	n := len(ontologyTriples(t))
	dir := t.TempDir()
	file := filepath.Join(dir, "healthkg.ttl")
	if err := os.WriteFile(file, []byte(schema.Ontology()), 0o644); err != nil {
		t.Fatal(err)
	}
	if !testing.Short() {
		rdfcheck.Check(t, dir)
	}
	ran := false
	for tool, args := range map[string][]string{
		"rapper": {"-q", "-i", "turtle", "-o", "ntriples", file},
		"serdi":  {"-i", "turtle", "-o", "ntriples", file},
		"riot":   {"--strict", "--syntax=Turtle", "--output=N-Triples", file},
	} {
		path, err := exec.LookPath(tool)
		if err != nil {
			continue
		}
		ran = true
		out, err := exec.Command(path, args...).Output()
		if err != nil {
			t.Errorf("%s rejects the ontology: %v", tool, err)
			continue
		}
		if got := bytes.Count(out, []byte("\n")); got != n {
			t.Errorf("%s reads %d triples, knakk %d", tool, got, n)
		}
	}
	if !ran {
		t.Skip("none of rapper, serdi, riot is on PATH")
	}
}
