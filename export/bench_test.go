package export

import (
	"fmt"
	"io"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/healthkg/healthkg/schema"
)

// benchQuads makes n quads shaped like the store's: entities with labels
// and synonyms, statement records and their asserted triples in graphs.
func benchQuads(n int) []quad.Quad {
	m := schema.DefaultMinter()
	g := quad.IRI(m.Graph("bench"))
	qs := make([]quad.Quad, 0, n)
	for i := 0; len(qs) < n; i++ {
		s := quad.IRI(m.Entity(schema.Substance, fmt.Sprintf("substance %d", i)))
		o := quad.IRI(m.Entity(schema.Condition, fmt.Sprintf("condition %d", i%1000)))
		st := quad.IRI(m.Statement("bench", fmt.Sprint(i)))
		qs = append(qs,
			quad.Quad{Subject: s, Predicate: quad.IRI(rdfType), Object: quad.IRI(schema.Substance.IRI()), Label: g},
			quad.Quad{Subject: s, Predicate: quad.IRI(schema.RDFS + "label"), Object: quad.String(fmt.Sprintf("substance \"%d\"\n", i)), Label: g},
			quad.Quad{Subject: st, Predicate: quad.IRI(schema.RDF + "subject"), Object: s, Label: g},
			quad.Quad{Subject: st, Predicate: quad.IRI(schema.P(schema.PStart)), Object: quad.TypedString{Value: quad.String(fmt.Sprint(i)), Type: quad.IRI(schema.XSD + "integer")}, Label: g},
			quad.Quad{Subject: s, Predicate: quad.IRI(schema.HasSideEffect.IRI()), Object: o, Label: st},
		)
	}
	return qs
}

func BenchmarkWriters(b *testing.B) {
	qs := benchQuads(100_000)
	for _, f := range []struct {
		name string
		run  func(io.Writer, []quad.Quad) error
	}{{"nquads", NQuads}, {"ntriples", NTriples}, {"turtle", Turtle}, {"jsonld", JSONLD}} {
		b.Run(f.name, func(b *testing.B) {
			for range b.N {
				if err := f.run(io.Discard, qs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
