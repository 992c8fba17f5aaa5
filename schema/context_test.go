package schema_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/schema"
	"github.com/piprate/json-gold/ld"
)

func TestContextGolden(t *testing.T) {
	checkGolden(t, "context.jsonld", schema.ContextDocument(schema.DefaultMinter()))
}

type refuseAll struct{ asked int }

func (r *refuseAll) LoadDocument(u string) (*ld.RemoteDocument, error) {
	r.asked++
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, "offline: "+u)
}

// TestContextTerms: every class, predicate and property has a term that
// expands to its vocabulary IRI, with the right type coercion.
func TestContextTerms(t *testing.T) {
	ctx := schema.JSONLDContext(schema.DefaultMinter())
	if ctx["hkgid"] != "https://w3id.org/healthkg/id/v1/" || ctx["hkg"] != schema.VocabNS {
		t.Errorf("prefixes: hkgid=%v hkg=%v", ctx["hkgid"], ctx["hkg"])
	}
	doc := map[string]any{"@context": ctx, "@id": "hkgid:statement/x"}
	wantType := map[string]string{}
	for _, c := range schema.Classes {
		if _, ok := ctx[string(c.Class)]; !ok {
			t.Errorf("no term for class %s", c.Class)
		}
	}
	for _, p := range schema.Predicates {
		doc[string(p.Predicate)] = "hkgid:x"
		wantType[p.IRI()] = "@id"
	}
	for _, p := range schema.Properties {
		switch p.Datatype {
		case "":
			doc[p.Name] = "hkgid:x"
			wantType[schema.P(p.Name)] = "@id"
		default:
			doc[p.Name] = "1"
			if p.Datatype != "string" {
				wantType[schema.P(p.Name)] = schema.XSD + p.Datatype
			} else {
				wantType[schema.P(p.Name)] = ""
			}
		}
	}
	loader := &refuseAll{}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = loader
	exp, err := ld.NewJsonLdProcessor().Expand(doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	if loader.asked != 0 {
		t.Errorf("expanding with the inline context loaded %d documents", loader.asked)
	}
	node := exp[0].(map[string]any)
	if node["@id"] != "https://w3id.org/healthkg/id/v1/statement/x" {
		t.Errorf("@id expands to %v", node["@id"])
	}
	for iri, typ := range wantType {
		vals, ok := node[iri].([]any)
		if !ok {
			t.Errorf("%s: no value after expansion (term missing?)", iri)
			continue
		}
		v := vals[0].(map[string]any)
		switch typ {
		case "@id":
			if v["@id"] != "https://w3id.org/healthkg/id/v1/x" {
				t.Errorf("%s: %v, want an IRI", iri, v)
			}
		case "":
			if _, typed := v["@type"]; typed {
				t.Errorf("%s: %v, want a plain string", iri, v)
			}
		default:
			if v["@type"] != typ {
				t.Errorf("%s: %v, want type %s", iri, v, typ)
			}
		}
	}
	var decoded map[string]any
	if err := json.Unmarshal(schema.ContextDocument(schema.DefaultMinter()), &decoded); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(string(schema.ContextDocument(schema.DefaultMinter())), "}\n") {
		t.Error("context document does not end with a newline")
	}
}
