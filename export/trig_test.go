package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func TestTriG(t *testing.T) {
	base := "https://w3id.org/healthkg/id/v1/"
	s := quad.IRI(base + "substance/kratom")
	label := quad.IRI("http://www.w3.org/2000/01/rdf-schema#label")
	g1 := quad.IRI(base + "graph/a")
	g2 := quad.IRI(base + "statement/x")
	qs := []quad.Quad{
		{Subject: s, Predicate: label, Object: quad.String("kratom"), Label: g2},
		{Subject: s, Predicate: label, Object: quad.String("kratom \"leaf\"\n"), Label: g1},
		{Subject: s, Predicate: label, Object: quad.String("kratom"), Label: nil},
		{Subject: s, Predicate: label, Object: quad.String("kratom"), Label: g2}, // repeated
	}
	var b bytes.Buffer
	if err := (Options{Base: "https://w3id.org/healthkg/id/"}).TriG(&b, qs); err != nil {
		t.Fatal(err)
	}
	want := `@prefix graph: <https://w3id.org/healthkg/id/v1/graph/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix statement: <https://w3id.org/healthkg/id/v1/statement/> .
@prefix substance: <https://w3id.org/healthkg/id/v1/substance/> .

substance:kratom rdfs:label "kratom" .

graph:a {
    substance:kratom rdfs:label "kratom \"leaf\"\n" .
}

statement:x {
    substance:kratom rdfs:label "kratom" .
}
`
	if b.String() != want {
		t.Errorf("TriG:\n%s\nwant:\n%s", b.String(), want)
	}
	// a literal graph name is refused
	bad := []quad.Quad{{Subject: s, Predicate: label, Object: quad.String("x"), Label: quad.String("g")}}
	if err := (Options{Base: base}).TriG(&b, bad); err == nil || !strings.Contains(err.Error(), "literal") {
		t.Errorf("a literal graph name: %v", err)
	}
}
