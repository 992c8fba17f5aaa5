package schema

import (
	"encoding/json"
	"fmt"
	"strings"
)

// InstancePrefix is the prefix that abbreviates instance IRIs (the minter
// root) in JSON-LD, Turtle and KGX: hkgid:substance/kratom.
const InstancePrefix = "hkgid"

// ExtraTerms are the JSON-LD terms for the RDF and RDFS properties the
// data uses besides the vocabulary's own: term -> (CURIE, is an object
// property).
var extraTerms = []struct {
	term, curie string
	object      bool
}{
	{"label", "rdfs:label", false},
	{"title", "dcterms:title", false},
	{"publisher", "dcterms:publisher", false},
	{"bibliographicCitation", "dcterms:bibliographicCitation", false},
	{"doi", "bibo:doi", false},
	{"url", "schema:url", false},
	{"exactMatch", "skos:exactMatch", true},
	{"subject", "rdf:subject", true},
	{"predicate", "rdf:predicate", true},
	{"object", "rdf:object", true},
}

// JSONLDContext returns the healthkg JSON-LD context (the value of
// "@context") for instances minted by m. It is made from the vocabulary
// tables:
//
//   - every prefix of Prefixes, and InstancePrefix for m.Root();
//   - one term per class ("Substance": {"@id": "hkg:Substance"});
//   - one term per predicate, typed "@id" ("hasSideEffect");
//   - one term per property of Properties: typed "@id" for object
//     properties, typed with its xsd datatype for datatype properties
//     (none for xsd:string, so that plain strings compact to the term);
//   - terms for the other RDF, Dublin Core, BIBO, schema.org and SKOS
//     properties the store uses (label, title, doi, url, exactMatch,
//     subject/predicate/object...).
//
// It panics if two terms share a name: a test keeps the tables apart.
func JSONLDContext(m Minter) map[string]any {
	ctx := map[string]any{}
	add := func(term string, def any) {
		if _, dup := ctx[term]; dup {
			panic(fmt.Sprintf("schema: JSON-LD term %q defined twice", term))
		}
		ctx[term] = def
	}
	for p, ns := range Prefixes {
		add(p, ns)
	}
	add(InstancePrefix, m.Root())
	for _, c := range Classes {
		add(string(c.Class), map[string]any{"@id": "hkg:" + string(c.Class)})
	}
	for _, p := range Predicates {
		add(string(p.Predicate), map[string]any{"@id": p.CURIE(), "@type": "@id"})
	}
	for _, p := range Properties {
		def := map[string]any{"@id": "hkg:" + p.Name}
		switch p.Datatype {
		case "":
			def["@type"] = "@id"
		case "string":
		default:
			def["@type"] = "xsd:" + p.Datatype
		}
		add(p.Name, def)
	}
	for _, t := range extraTerms {
		def := map[string]any{"@id": t.curie}
		if t.object {
			def["@type"] = "@id"
		}
		add(t.term, def)
	}
	return ctx
}

// ContextDocument is the context document {"@context": ...} of
// JSONLDContext(m) as indented JSON (keys sorted, two spaces, a final
// newline): what schema/context.jsonld holds for DefaultMinter.
func ContextDocument(m Minter) []byte {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(map[string]any{"@context": JSONLDContext(m)}); err != nil {
		panic(err) // only maps of strings: cannot fail
	}
	return []byte(b.String())
}
