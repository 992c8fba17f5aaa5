package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/healthkg/healthkg/schema"
	"github.com/piprate/json-gold/ld"
)

// ErrOffline is what the JSON-LD document loader answers for every URL.
var ErrOffline = errors.New("json-ld: offline: no document is loaded from the network or from files")

// offlineLoader is the json-gold document loader of every JSON-LD call in
// this package: the context is always inline, so nothing is ever loaded;
// it refuses every URL and file path without touching either.
type offlineLoader struct{}

func (offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	return nil, fmt.Errorf("%w (asked for %q)", ErrOffline, u)
}

// jsonldOptions are the json-gold options of this package: the offline
// loader, no native types (literals keep their lexical forms and
// datatypes), rdf:type as @type.
func jsonldOptions(loader ld.DocumentLoader) *ld.JsonLdOptions {
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = loader
	opts.UseNativeTypes = false
	opts.UseRdfType = false
	opts.CompactArrays = true
	opts.ProcessingMode = ld.JsonLd_1_1
	opts.Algorithm = ld.AlgorithmURDNA2015
	return opts
}

// JSONLD writes the triples of qs as JSON-LD with the default Options.
func JSONLD(w io.Writer, qs []quad.Quad) error { return Options{}.JSONLD(w, qs) }

// JSONLD writes the triples of qs with the graphs merged (one default
// graph, like NTriples and Turtle) as compacted JSON-LD with the healthkg
// context (schema.JSONLDContext for the options' base) embedded inline:
// {"@context": {...}, "@graph": [nodes sorted by @id]}. json-gold runs
// with an offline document loader. Keys are sorted, indent is two spaces,
// HTML characters are not escaped; the output ends with a newline.
func (o Options) JSONLD(w io.Writer, qs []quad.Quad) error {
	m, err := o.minter()
	if err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	ts, err := mergedTriples(qs)
	if err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	doc, err := compactTriples(ts, schema.JSONLDContext(m), offlineLoader{})
	if err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func compactTriples(ts []triple, ctx map[string]any, loader ld.DocumentLoader) (map[string]any, error) {
	ds := ld.NewRDFDataset()
	def := make([]*ld.Quad, len(ts))
	for i, t := range ts {
		def[i] = ld.NewQuad(ldNode(t.s), ldNode(t.p), ldNode(t.o), "@default")
	}
	ds.Graphs["@default"] = def
	opts := jsonldOptions(loader)
	expanded, err := ld.NewJsonLdApi().FromRDF(ds, opts)
	if err != nil {
		return nil, err
	}
	doc, err := ld.NewJsonLdProcessor().Compact(expanded, map[string]any{"@context": ctx}, opts)
	if err != nil {
		return nil, err
	}
	// A single node compacts to a top-level object: always use @graph.
	if _, ok := doc["@graph"]; !ok && len(doc) > 1 {
		node := map[string]any{}
		for k, v := range doc {
			if k != "@context" {
				node[k] = v
			}
		}
		doc = map[string]any{"@context": doc["@context"], "@graph": []any{node}}
	}
	if g, ok := doc["@graph"].([]any); ok {
		slices.SortStableFunc(g, func(a, b any) int { return strings.Compare(nodeID(a), nodeID(b)) })
	}
	if _, ok := doc["@context"]; !ok {
		doc["@context"] = ctx
	}
	return doc, nil
}

func nodeID(n any) string {
	if m, ok := n.(map[string]any); ok {
		if id, ok := m["@id"].(string); ok {
			return id
		}
	}
	return ""
}

func ldNode(t term) ld.Node {
	switch t.kind {
	case iriTerm:
		return ld.NewIRI(t.value)
	case blankTerm:
		return ld.NewBlankNode("_:" + t.value)
	}
	dt := t.datatype
	switch {
	case t.lang != "":
		dt = schema.RDF + "langString"
	case dt == "":
		dt = xsdString
	}
	return ld.NewLiteral(t.value, dt, t.lang)
}
