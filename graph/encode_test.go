package graph

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/schema"
)

func TestRoundTrip(t *testing.T) {
	cases := map[string]*schema.Article{
		"sample":  sampleArticle("https://example.org/kratom", 0),
		"shrunk":  sampleArticle("https://example.org/kratom", 1),
		"grown":   sampleArticle("https://example.org/kratom", 2),
		"minimal": {IRI: testMinter.Article("a.txt"), Graph: testMinter.Graph("a.txt")},
		"unnormalized": func() *schema.Article {
			a := sampleArticle("b.md", 0)
			// the same statement twice, evidence out of order, entities unsorted
			a.Statements = append(a.Statements, a.Statements[1])
			a.Statements[1].Evidence[0], a.Statements[1].Evidence[1] = a.Statements[1].Evidence[1], a.Statements[1].Evidence[0]
			a.Entities[0], a.Entities[1] = a.Entities[1], a.Entities[0]
			a.Entities = append(a.Entities, a.Entities[0]) // exact repeat
			return a
		}(),
	}
	for name, a := range cases {
		t.Run(name, func(t *testing.T) {
			qs, err := Encode(testMinter, a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(qs)
			if err != nil {
				t.Fatal(err)
			}
			sameArticles(t, got, []*schema.Article{canon(a)})
		})
	}
}

// TestRoundTripProperty: Decode(Encode(a)) is a, normalised, for random
// articles, one at a time and several in one quad set.
func TestRoundTripProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 300; i++ {
		a := randomArticle(rng, "doc"+string(rune('a'+i%26))+strings.Repeat("x", i/26))
		qs, err := Encode(testMinter, a)
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		got, err := Decode(qs)
		if err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
		sameArticles(t, got, []*schema.Article{canon(a)})
	}
	var all []*schema.Article
	for i := 0; i < 20; i++ {
		all = append(all, randomArticle(rng, "multi/"+strings.Repeat("y", i)))
	}
	got, err := Decode(mustEncode(t, all...))
	if err != nil {
		t.Fatal(err)
	}
	var want []*schema.Article
	for _, a := range all {
		want = append(want, canon(a))
	}
	// Decode sorts articles by IRI.
	sortArticles(want)
	sameArticles(t, got, want)
}

func sortArticles(as []*schema.Article) {
	for i := range as {
		for j := i + 1; j < len(as); j++ {
			if as[j].IRI < as[i].IRI {
				as[i], as[j] = as[j], as[i]
			}
		}
	}
}

func TestEncodeDeterministicAndPure(t *testing.T) {
	a := sampleArticle("x", 0)
	a.Entities[0], a.Entities[1] = a.Entities[1], a.Entities[0]
	before := canon(a)
	snapshot := *a
	snapshot.Entities = append([]schema.Entity(nil), a.Entities...)
	q1 := mustEncode(t, a)
	if !reflect.DeepEqual(snapshot.Entities, a.Entities) {
		t.Fatal("Encode modified its argument")
	}
	q2 := mustEncode(t, a)
	b := canon(a) // another order, same article
	q3 := mustEncode(t, b)
	if !reflect.DeepEqual(quadStrings(q1), quadStrings(q2)) || !reflect.DeepEqual(quadStrings(q1), quadStrings(q3)) {
		t.Fatal("Encode is not deterministic")
	}
	if !reflect.DeepEqual(canon(a), before) {
		t.Fatal("article changed")
	}
	sorted := append([]quad.Quad(nil), q1...)
	SortQuads(sorted)
	if !reflect.DeepEqual(quadStrings(sorted), quadStrings(q1)) {
		t.Fatal("Encode output is not sorted")
	}
	for i := 1; i < len(q1); i++ {
		if keyOf(q1[i]) == keyOf(q1[i-1]) {
			t.Fatalf("duplicate quad %v", q1[i])
		}
	}
}

// TestEncodeLayout checks the scheme's main commitments quad by quad.
func TestEncodeLayout(t *testing.T) {
	a := sampleArticle("https://example.org/kratom", 0)
	qs := mustEncode(t, a)
	A, G := quad.IRI(a.IRI), quad.IRI(a.Graph)
	has := func(s, p, o, l quad.Value) bool {
		for _, q := range qs {
			if q.Subject == s && q.Predicate == p && q.Object == o && q.Label == l {
				return true
			}
		}
		return false
	}
	for _, q := range qs {
		for _, d := range quad.Directions {
			switch v := q.Get(d).(type) {
			case quad.IRI:
				if err := schema.CheckIRI(string(v)); err != nil || !strings.Contains(string(v), "://") && !strings.Contains(string(v), ":") {
					t.Errorf("bad IRI in %v: %v", q, err)
				}
			case quad.TypedString:
				if !strings.HasPrefix(string(v.Type), schema.XSD) {
					t.Errorf("datatype not a full xsd IRI: %v", q)
				}
			case quad.String:
				if d != quad.Object {
					t.Errorf("literal outside the object: %v", q)
				}
			default:
				t.Errorf("unexpected value %T in %v", v, q)
			}
		}
		if _, ok := q.Predicate.(quad.IRI); !ok {
			t.Errorf("predicate not an IRI: %v", q)
		}
	}
	checks := []struct {
		name       string
		s, p, o, l quad.Value
	}{
		{"article type", A, rdfType, cArticle, G},
		{"scheme", A, hIRIScheme, quad.String("v1"), G},
		{"length", A, hLength, quad.TypedString{Value: "1234", Type: quad.IRI(schema.XSD + "integer")}, G},
		{"mentions", A, hMentions, quad.IRI(eKratom.IRI), G},
		{"entity class", quad.IRI(eKratom.IRI), rdfType, quad.IRI(schema.VocabNS + "Substance"), G},
		{"xref", quad.IRI(eKratom.IRI), skosExact, quad.IRI("http://schema.org/Drug"), G},
		{"agency", quad.IRI(eLegalFDA.IRI), hAgency, quad.IRI(eFDA.IRI), G},
		{"decimal", quad.IRI(a.Quantities[1].IRI), hMaxValue, quad.TypedString{Value: "5000000", Type: quad.IRI(schema.XSD + "decimal")}, G},
		{"year", quad.IRI(a.References[0].IRI), hYear, quad.TypedString{Value: "2020", Type: quad.IRI(schema.XSD + "gYear")}, G},
		{"org as author", quad.IRI(a.References[1].IRI), hAuthor, quad.String("FDA"), G},
		{"quoted", quad.IRI(a.Claims[0].IRI), hQuoted, quad.TypedString{Value: "true", Type: quad.IRI(schema.XSD + "boolean")}, G},
	}
	for _, c := range checks {
		if !has(c.s, c.p, c.o, c.l) {
			t.Errorf("%s: missing %v %v %v %v", c.name, c.s, c.p, c.o, c.l)
		}
	}
	// statements: the asserted triple in the statement's graph, never for
	// a negated one
	for _, st := range a.Statements {
		S := quad.IRI(testMinter.Statement(a.IRI, st.Key()))
		triple := has(quad.IRI(st.Subject), quad.IRI(st.Predicate.IRI()), quad.IRI(st.Object), S)
		if triple == st.Negated {
			t.Errorf("statement %s: asserted triple present=%v", st.Key(), triple)
		}
		if !has(S, hNegated, boolean(st.Negated), G) || !has(S, hCertainty, quad.IRI(st.Certainty().IRI()), G) {
			t.Errorf("statement %s: negated/certainty missing", st.Key())
		}
		for _, l := range []quad.Value{G, S} {
			for _, q := range qs {
				if st.Negated && q.Subject == quad.IRI(st.Subject) && q.Predicate == quad.IRI(st.Predicate.IRI()) && q.Object == quad.IRI(st.Object) {
					t.Errorf("negated statement asserted in %v: %v", l, q)
				}
			}
		}
	}
	// every quad is labelled by G or by a statement of the article
	stmts := map[quad.Value]bool{}
	for _, q := range qs {
		if q.Predicate == rdfType && q.Object == cStatement {
			stmts[q.Subject] = true
		}
	}
	for _, q := range qs {
		if q.Label != G && !stmts[q.Label] {
			t.Errorf("quad outside the article's graphs: %v %v", q, q.Label)
		}
		if q.Label != G {
			n := 0
			for _, r := range qs {
				if r.Label == q.Label {
					n++
				}
			}
			if n != 1 {
				t.Errorf("statement graph %v holds %d quads", q.Label, n)
			}
		}
	}
}

func TestEncodeErrors(t *testing.T) {
	cases := map[string]func(a *schema.Article){
		"article IRI with space": func(a *schema.Article) { a.IRI = "https://x.org/a b" },
		"relative graph":         func(a *schema.Article) { a.Graph = "graph/x" },
		"entity IRI":             func(a *schema.Article) { a.Entities[2].IRI = "https://x.org/<e>" },
		"statement object":       func(a *schema.Article) { a.Statements[0].Object = "" },
		"empty predicate":        func(a *schema.Article) { a.Statements[0].Predicate = "" },
		"bad predicate":          func(a *schema.Article) { a.Statements[0].Predicate = "has effect" },
		"evidence article":       func(a *schema.Article) { a.Statements[0].Evidence[0].Article = "not an iri" },
		"claim about":            func(a *schema.Article) { a.Claims[0].About = []string{"x y"} },
		"claim certainty":        func(a *schema.Article) { a.Claims[0].Certainty = "sure" },
		"reference IRI":          func(a *schema.Article) { a.References[0].IRI = "" },
		"quantity NaN":           func(a *schema.Article) { a.Quantities[0].Value = math.NaN() },
		"quantity Inf max":       func(a *schema.Article) { a.Quantities[0].Max = math.Inf(1) },
		"xref":                   func(a *schema.Article) { a.Entities[0].XRefs = []string{"no prefix"} },
		"conflicting claims": func(a *schema.Article) {
			c := a.Claims[0]
			c.Start++
			a.Claims = append(a.Claims, c)
		},
		"conflicting entities": func(a *schema.Article) {
			e := a.Entities[0]
			e.Label = "other"
			a.Entities = append(a.Entities, e)
		},
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			a := sampleArticle("e", 0)
			f(a)
			qs, err := Encode(testMinter, a)
			if err == nil {
				t.Fatalf("no error; %d quads", len(qs))
			}
			if qs != nil {
				t.Fatal("partial output with an error")
			}
			t.Log(err)
		})
	}
	if _, err := Encode(testMinter, nil); err == nil {
		t.Fatal("nil article accepted")
	}
}

func TestDecodeErrors(t *testing.T) {
	a := sampleArticle("d", 0)
	qs := mustEncode(t, a)
	A, G := quad.IRI(a.IRI), quad.IRI(a.Graph)
	cases := map[string][]quad.Quad{
		"two lengths":      {{Subject: A, Predicate: hLength, Object: integer(1), Label: G}},
		"bad integer":      {{Subject: quad.IRI(a.Claims[0].IRI), Predicate: hTextEnd, Object: quad.String("x"), Label: G}},
		"two articles":     {{Subject: quad.IRI("https://x.org/other"), Predicate: rdfType, Object: cArticle, Label: G}},
		"foreign class":    {{Subject: quad.IRI(eFDA.IRI), Predicate: rdfType, Object: quad.IRI("http://schema.org/Thing"), Label: G}},
		"bad certainty":    {{Subject: quad.IRI(a.Claims[0].IRI), Predicate: hCertainty, Object: quad.IRI(schema.VocabNS + "sure"), Label: G}},
		"literal for IRI":  {{Subject: quad.IRI(a.Claims[0].IRI), Predicate: hSupportedBy, Object: quad.String("x"), Label: G}},
		"missing evidence": {{Subject: quad.IRI(testMinter.Statement(a.IRI, a.Statements[0].Key())), Predicate: hEvidence, Object: quad.IRI("https://x.org/e"), Label: G}},
	}
	replace := map[string]bool{"bad integer": true, "foreign class": true, "bad certainty": true, "literal for IRI": true}
	for name, extra := range cases {
		t.Run(name, func(t *testing.T) {
			var all []quad.Quad
			for _, q := range qs {
				if replace[name] && q.Subject == extra[0].Subject && q.Predicate == extra[0].Predicate {
					continue
				}
				all = append(all, q)
			}
			all = append(all, extra...)
			if _, err := Decode(all); err == nil {
				t.Fatal("no error")
			} else {
				t.Log(err)
			}
		})
	}
	// another scheme version
	var other []quad.Quad
	for _, q := range qs {
		if q.Predicate == hIRIScheme {
			q.Object = quad.String("v2")
		}
		other = append(other, q)
	}
	if _, err := Decode(other); err == nil || !strings.Contains(err.Error(), "scheme") {
		t.Fatalf("scheme v2 read: %v", err)
	}
	// quads outside article graphs are ignored
	got, err := Decode(append(append([]quad.Quad(nil), qs...),
		quad.Quad{Subject: quad.IRI("https://x.org/s"), Predicate: quad.IRI("https://x.org/p"), Object: quad.String("o")},
		quad.Quad{Subject: quad.IRI("https://x.org/s"), Predicate: quad.IRI("https://x.org/p"), Object: quad.String("o"), Label: quad.IRI("https://x.org/g")}))
	if err != nil || len(got) != 1 {
		t.Fatalf("got %d articles, %v", len(got), err)
	}
}
