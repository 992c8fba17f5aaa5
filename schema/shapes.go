package schema

import (
	"fmt"
	"sort"
	"strings"
)

// ShapesIRI names the SHACL shapes graph of the vocabulary.
const ShapesIRI = "https://w3id.org/healthkg/shapes"

// entityClasses are the classes of the things statements are about: each
// instance has a label.
var entityClasses = []Class{Substance, Compound, Receptor, Condition, Effect, Risk, LegalStatus, Organization, Place,
	Form, Strain, Treatment, Population, SalesChannel, Contaminant}

// Shapes returns SHACL shapes (Turtle) for data of this vocabulary:
//
//   - every entity has exactly one rdfs:label, a string;
//   - a statement has exactly one rdf:subject and rdf:object (IRIs), one
//     rdf:predicate among the relation predicates, one hkg:certainty among
//     the four levels, one hkg:negated boolean, an hkg:article that is an
//     article and at least one hkg:evidence that is evidence;
//   - evidence has one sentence, one start and one end (integers), a rule
//     and its article; a claim has its text and article; an article its
//     source and content hash;
//   - every datatype property holds literals of its datatype;
//   - each relation predicate's subjects are of its domain classes and its
//     objects of its range classes.
func Shapes() string {
	var b strings.Builder
	b.WriteString(`@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix hkg: <` + VocabNS + `> .
@prefix rdf: <` + RDF + `> .
@prefix rdfs: <` + RDFS + `> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .

<` + ShapesIRI + `> a owl:Ontology ;
    rdfs:label "SHACL shapes of the healthkg vocabulary"@en ;
    rdfs:seeAlso <` + OntologyIRI + `> .

`)
	one := "sh:minCount 1 ; sh:maxCount 1"
	shape := func(name, target string, props ...string) {
		fmt.Fprintf(&b, "hkg:%sShape a sh:NodeShape ;\n    %s", name, target)
		for _, p := range props {
			fmt.Fprintf(&b, " ;\n    sh:property [ %s ]", p)
		}
		b.WriteString(" .\n\n")
	}
	for _, c := range entityClasses {
		shape(string(c), "sh:targetClass hkg:"+string(c), "sh:path rdfs:label ; "+one+" ; sh:datatype xsd:string")
	}
	var preds []string
	for _, p := range Predicates {
		preds = append(preds, "hkg:"+string(p.Predicate))
	}
	levels := []string{Asserted.IRI(), Hedged.IRI(), Speculative.IRI(), Negated.IRI()}
	for i := range levels {
		levels[i] = "<" + levels[i] + ">"
	}
	shape("Statement", "sh:targetClass hkg:Statement",
		"sh:path rdf:subject ; "+one+" ; sh:nodeKind sh:IRI",
		"sh:path rdf:predicate ; "+one+" ; sh:in ( "+strings.Join(preds, " ")+" )",
		"sh:path rdf:object ; "+one+" ; sh:nodeKind sh:IRI",
		"sh:path hkg:certainty ; "+one+" ; sh:in ( "+strings.Join(levels, " ")+" )",
		"sh:path hkg:negated ; "+one+" ; sh:datatype xsd:boolean",
		"sh:path hkg:article ; sh:minCount 1 ; sh:class hkg:Article",
		"sh:path hkg:evidence ; sh:minCount 1 ; sh:class hkg:Evidence")
	shape("Evidence", "sh:targetClass hkg:Evidence",
		"sh:path hkg:sentence ; "+one+" ; sh:datatype xsd:string",
		"sh:path hkg:start ; "+one+" ; sh:datatype xsd:integer",
		"sh:path hkg:end ; "+one+" ; sh:datatype xsd:integer",
		"sh:path hkg:rule ; sh:minCount 1",
		"sh:path hkg:article ; sh:minCount 1 ; sh:class hkg:Article")
	shape("Claim", "sh:targetClass hkg:Claim",
		"sh:path hkg:text ; "+one+" ; sh:datatype xsd:string",
		"sh:path hkg:article ; sh:minCount 1 ; sh:class hkg:Article")
	shape("Article", "sh:targetClass hkg:Article",
		"sh:path hkg:source ; sh:minCount 1",
		"sh:path hkg:contentHash ; sh:minCount 1 ; sh:datatype xsd:string")
	// datatype properties
	props := append([]Property{}, Properties...)
	sort.Slice(props, func(i, j int) bool { return props[i].Name < props[j].Name })
	for _, p := range props {
		if p.Datatype == "" {
			continue
		}
		shape("Datatype_"+p.Name, "sh:targetSubjectsOf hkg:"+p.Name, "sh:path hkg:"+p.Name+" ; sh:datatype xsd:"+p.Datatype)
	}
	// domains and ranges of the relation predicates
	classes := func(cs []Class) string {
		var parts []string
		for _, c := range cs {
			parts = append(parts, "[ sh:class hkg:"+string(c)+" ]")
		}
		return "sh:or ( " + strings.Join(parts, " ") + " )"
	}
	for _, p := range Predicates {
		name := string(p.Predicate)
		if len(p.Domain) > 0 {
			fmt.Fprintf(&b, "hkg:Domain_%sShape a sh:NodeShape ;\n    sh:targetSubjectsOf hkg:%s ;\n    %s .\n\n", name, name, classes(p.Domain))
		}
		if len(p.Range) > 0 {
			shape("Range_"+name, "sh:targetSubjectsOf hkg:"+name, "sh:path hkg:"+name+" ; "+classes(p.Range))
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}
