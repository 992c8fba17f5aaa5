package graph

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/schema"
)

// Full IRIs of the predicates and classes used by the encoding.
var (
	rdfType      = quad.IRI(schema.RDF + "type")
	rdfSubject   = quad.IRI(schema.RDF + "subject")
	rdfPredicate = quad.IRI(schema.RDF + "predicate")
	rdfObject    = quad.IRI(schema.RDF + "object")
	rdfsLabel    = quad.IRI(schema.RDFS + "label")
	skosExact    = quad.IRI(schema.SKOS + "exactMatch")
	dcTitle      = quad.IRI(schema.DCTERMS + "title")
	dcPublisher  = quad.IRI(schema.DCTERMS + "publisher")
	dcCitation   = quad.IRI(schema.DCTERMS + "bibliographicCitation")
	biboDOI      = quad.IRI(schema.BIBO + "doi")
	sdoURL       = quad.IRI(schema.SDO + "url")

	hArticle      = hkg(schema.PArticle)
	hMentions     = hkg(schema.PMentions)
	hSource       = hkg(schema.PSource)
	hContentHash  = hkg(schema.PContentHash)
	hFormat       = hkg(schema.PFormat)
	hLength       = hkg(schema.PLength)
	hIRIScheme    = hkg(schema.PIRIScheme)
	hSynonym      = hkg(schema.PSynonym)
	hAgency       = hkg(schema.PAgency)
	hJurisdiction = hkg(schema.PJurisdiction)
	hStatus       = hkg(schema.PStatus)
	hCertainty    = hkg(schema.PCertainty)
	hNegated      = hkg(schema.PNegated)
	hSupportedBy  = hkg(schema.PSupportedBy)
	hEvidence     = hkg(schema.PEvidence)
	hSentence     = hkg(schema.PSentence)
	hStart        = hkg(schema.PStart)
	hEnd          = hkg(schema.PEnd)
	hItem         = hkg(schema.PItem)
	hItemStart    = hkg(schema.PItemStart)
	hItemEnd      = hkg(schema.PItemEnd)
	hSection      = hkg(schema.PSection)
	hRule         = hkg(schema.PRule)
	hCue          = hkg(schema.PCue)
	hText         = hkg(schema.PText)
	hContext      = hkg(schema.PContext)
	hTextStart    = hkg("textStart")
	hTextEnd      = hkg("textEnd")
	hQuoted       = hkg(schema.PQuoted)
	hAttribution  = hkg(schema.PAttribution)
	hAbout        = hkg(schema.PAbout)
	hAuthor       = hkg(schema.PAuthor)
	hOrganization = hkg("organization")
	hYear         = hkg(schema.PYear)
	hVenue        = hkg(schema.PVenue)
	hVolume       = hkg(schema.PVolume)
	hIssue        = hkg(schema.PIssue)
	hPages        = hkg(schema.PPages)
	hDate         = hkg(schema.PDate)
	hRefType      = hkg(schema.PRefType)
	hNumber       = hkg(schema.PNumber)
	hValue        = hkg(schema.PValue)
	hMaxValue     = hkg(schema.PMaxValue)
	hUnit         = hkg(schema.PUnit)
	hMeasures     = hkg(schema.PMeasures)
	hPopulation   = hkg(schema.PPopulation)

	cArticle   = quad.IRI(schema.ArticleC.IRI())
	cStatement = quad.IRI(schema.StatementC.IRI())
	cEvidence  = quad.IRI(schema.EvidenceC.IRI())
	cClaim     = quad.IRI(schema.ClaimC.IRI())
	cReference = quad.IRI(schema.ReferenceC.IRI())
	cQuantity  = quad.IRI(schema.QuantityC.IRI())

	xsdInteger = quad.IRI(schema.XSD + "integer")
	xsdBoolean = quad.IRI(schema.XSD + "boolean")
	xsdDecimal = quad.IRI(schema.XSD + "decimal")
	xsdGYear   = quad.IRI(schema.XSD + "gYear")
)

func hkg(local string) quad.IRI { return quad.IRI(schema.P(local)) }

// encoder accumulates the quads of one article and the first error met.
type encoder struct {
	out []quad.Quad
	err error
}

func (e *encoder) fail(format string, args ...any) {
	if e.err == nil {
		e.err = fmt.Errorf(format, args...)
	}
}

// iri validates s and returns it as an IRI value; what names the field for
// the error message.
func (e *encoder) iri(s, what string) quad.IRI {
	if err := schema.CheckIRI(s); err != nil {
		e.fail("%s: %v", what, err)
	}
	return quad.IRI(s)
}

func (e *encoder) add(s quad.Value, p quad.IRI, o, g quad.Value) {
	e.out = append(e.out, quad.Quad{Subject: s, Predicate: p, Object: o, Label: g})
}

// str adds a plain literal unless v is empty.
func (e *encoder) str(s quad.Value, p quad.IRI, v string, g quad.Value) {
	if v != "" {
		e.add(s, p, quad.String(v), g)
	}
}

// strs adds one plain literal per non-empty value.
func (e *encoder) strs(s quad.Value, p quad.IRI, vs []string, g quad.Value) {
	for _, v := range vs {
		e.str(s, p, v, g)
	}
}

// ref adds an IRI object unless v is empty.
func (e *encoder) ref(s quad.Value, p quad.IRI, v, what string, g quad.Value) {
	if v != "" {
		e.add(s, p, e.iri(v, what), g)
	}
}

func (e *encoder) certainty(s quad.Value, c schema.Certainty, what string, g quad.Value) {
	if c == "" {
		return
	}
	if !c.Valid() {
		e.fail("%s: unknown certainty %q", what, c)
		return
	}
	e.add(s, hCertainty, quad.IRI(c.IRI()), g)
}

func integer(n int) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: xsdInteger}
}

func boolean(b bool) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.FormatBool(b)), Type: xsdBoolean}
}

func (e *encoder) decimal(v float64, what string) quad.Value {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		e.fail("%s: %v is not an xsd:decimal", what, v)
	}
	return quad.TypedString{Value: quad.String(strconv.FormatFloat(v, 'f', -1, 64)), Type: xsdDecimal}
}

func gYear(y int) quad.Value {
	return quad.TypedString{Value: quad.String(fmt.Sprintf("%04d", y)), Type: xsdGYear}
}

// Encode maps an article to its quads (IRI scheme v1, see the package
// documentation). The statement and evidence IRIs are minted with m. The
// article is not modified: a normalised copy is encoded. The result is
// sorted (SortQuads) and free of duplicates, so the same article always
// gives the same quads. Encode fails, without partial output, on an invalid
// IRI, an unknown certainty, a non-finite number, or two different
// entities, claims, references or quantities sharing one IRI.
func Encode(m schema.Minter, a *schema.Article) ([]quad.Quad, error) {
	if a == nil {
		return nil, fmt.Errorf("encode: nil article")
	}
	a, err := normalizedCopy(a)
	if err != nil {
		return nil, fmt.Errorf("encode article %s: %w", a.IRI, err)
	}
	e := &encoder{}
	A := e.iri(a.IRI, "article IRI")
	G := e.iri(a.Graph, "article graph")
	if e.err != nil {
		return nil, fmt.Errorf("encode article %q: %w", a.IRI, e.err)
	}

	e.add(A, rdfType, cArticle, G)
	e.str(A, dcTitle, a.Title, G)
	e.str(A, hSource, a.Source, G)
	e.str(A, hContentHash, a.ContentHash, G)
	e.str(A, hFormat, a.Format, G)
	e.add(A, hLength, integer(a.Length), G)
	e.add(A, hIRIScheme, quad.String(schema.IRIScheme), G)

	for _, en := range a.Entities {
		what := "entity " + en.IRI
		E := e.iri(en.IRI, "entity IRI")
		e.add(A, hMentions, E, G)
		if en.Class != "" {
			e.add(E, rdfType, e.iri(en.Class.IRI(), what+" class"), G)
		}
		e.str(E, rdfsLabel, en.Label, G)
		e.strs(E, hSynonym, en.Synonyms, G)
		for _, x := range en.XRefs {
			e.ref(E, skosExact, schema.Expand(x), what+" xref", G)
		}
		e.ref(E, hAgency, en.Agency, what+" agency", G)
		e.ref(E, hJurisdiction, en.Jurisdiction, what+" jurisdiction", G)
		e.str(E, hStatus, en.Status, G)
	}

	for _, st := range a.Statements {
		S := e.iri(m.Statement(a.IRI, st.Key()), "statement IRI")
		what := "statement " + st.Key()
		subj := e.iri(st.Subject, what+" subject")
		obj := e.iri(st.Object, what+" object")
		if st.Predicate == "" {
			e.fail("%s: empty predicate", what)
		}
		pred := e.iri(st.Predicate.IRI(), what+" predicate")
		e.add(S, rdfType, cStatement, G)
		e.add(S, rdfSubject, subj, G)
		e.add(S, rdfPredicate, pred, G)
		e.add(S, rdfObject, obj, G)
		e.add(S, hCertainty, quad.IRI(st.Certainty().IRI()), G)
		e.add(S, hNegated, boolean(st.Negated), G)
		e.add(S, hArticle, A, G)
		e.ref(S, hSupportedBy, st.Reference, what+" reference", G)
		for _, ev := range st.Evidence {
			Ev := e.iri(m.Evidence(string(S), ev), "evidence IRI")
			e.add(S, hEvidence, Ev, G)
			e.ref(Ev, hArticle, ev.Article, what+" evidence article", G)
			e.add(Ev, rdfType, cEvidence, G)
			e.str(Ev, hSentence, ev.Sentence, G)
			e.add(Ev, hStart, integer(ev.Start), G)
			e.add(Ev, hEnd, integer(ev.End), G)
			if ev.Item != "" || ev.ItemSpan != (schema.Span{}) {
				e.str(Ev, hItem, ev.Item, G)
				e.add(Ev, hItemStart, integer(ev.ItemSpan.Start), G)
				e.add(Ev, hItemEnd, integer(ev.ItemSpan.End), G)
			}
			e.str(Ev, hSection, ev.Section, G)
			e.str(Ev, hRule, ev.Rule, G)
			e.certainty(Ev, ev.Certainty, what+" evidence", G)
			e.strs(Ev, hCue, ev.Cues, G)
		}
		if !st.Negated {
			// The asserted triple, in the graph named by the statement.
			e.add(subj, pred, obj, S)
		}
	}

	for _, c := range a.Claims {
		C := e.iri(c.IRI, "claim IRI")
		what := "claim " + c.IRI
		e.add(C, rdfType, cClaim, G)
		e.str(C, hText, c.Text, G)
		e.str(C, hContext, c.Context, G)
		e.add(C, hStart, integer(c.Start), G)
		e.add(C, hEnd, integer(c.End), G)
		e.add(C, hTextStart, integer(c.TextSpan.Start), G)
		e.add(C, hTextEnd, integer(c.TextSpan.End), G)
		e.str(C, hSection, c.Section, G)
		e.add(C, hQuoted, boolean(c.Quoted), G)
		e.certainty(C, c.Certainty, what, G)
		e.strs(C, hCue, c.Cues, G)
		e.str(C, hAttribution, c.Attribution, G)
		for _, x := range c.About {
			e.ref(C, hAbout, x, what+" about", G)
		}
		e.add(C, hArticle, A, G)
		e.ref(C, hSupportedBy, c.Reference, what+" reference", G)
	}

	for _, r := range a.References {
		R := e.iri(r.IRI, "reference IRI")
		e.add(R, rdfType, cReference, G)
		e.str(R, dcTitle, r.Title, G)
		e.strs(R, hAuthor, r.Authors, G)
		e.str(R, hAuthor, r.Organization, G)
		e.str(R, hOrganization, r.Organization, G)
		e.str(R, dcCitation, r.Raw, G)
		e.add(R, hStart, integer(r.Start), G)
		e.add(R, hEnd, integer(r.End), G)
		if r.Year > 0 {
			e.add(R, hYear, gYear(r.Year), G)
		}
		e.str(R, hVenue, r.Venue, G)
		e.str(R, dcPublisher, r.Publisher, G)
		e.str(R, hVolume, r.Volume, G)
		e.str(R, hIssue, r.Issue, G)
		e.str(R, hPages, r.Pages, G)
		e.str(R, hDate, r.Date, G)
		e.str(R, hRefType, r.Type, G)
		if r.Number > 0 {
			e.add(R, hNumber, integer(r.Number), G)
		}
		e.str(R, biboDOI, r.DOI, G)
		e.str(R, sdoURL, r.URL, G)
	}

	for _, q := range a.Quantities {
		Q := e.iri(q.IRI, "quantity IRI")
		what := "quantity " + q.IRI
		e.add(Q, rdfType, cQuantity, G)
		e.str(Q, rdfsLabel, q.Text, G)
		e.add(Q, hValue, e.decimal(q.Value, what+" value"), G)
		if q.Max != 0 {
			e.add(Q, hMaxValue, e.decimal(q.Max, what+" max"), G)
		}
		e.str(Q, hUnit, q.Unit, G)
		e.ref(Q, hMeasures, q.Measures, what+" measures", G)
		e.ref(Q, hPopulation, q.Population, what+" population", G)
		e.str(Q, hSentence, q.Sentence, G)
		e.add(Q, hStart, integer(q.Start), G)
		e.add(Q, hEnd, integer(q.End), G)
		e.add(Q, hTextStart, integer(q.TextSpan.Start), G)
		e.add(Q, hTextEnd, integer(q.TextSpan.End), G)
		e.str(Q, hSection, q.Section, G)
		e.certainty(Q, q.Certainty, what, G)
		e.add(Q, hArticle, A, G)
	}

	if e.err != nil {
		return nil, fmt.Errorf("encode article %s: %w", a.IRI, e.err)
	}
	return dedupe(SortQuads(e.out)), nil
}

// normalizedCopy copies every slice Normalize touches, then normalises the
// copy, so that Encode never modifies its argument.
//
// Exact repeats of a node are dropped; two different nodes with one IRI are
// an error.
func normalizedCopy(in *schema.Article) (*schema.Article, error) {
	a := *in
	a.Sections = nil
	a.Entities = append([]schema.Entity(nil), in.Entities...)
	for i := range a.Entities {
		a.Entities[i].Synonyms = append([]string(nil), a.Entities[i].Synonyms...)
		a.Entities[i].XRefs = append([]string(nil), a.Entities[i].XRefs...)
	}
	a.Statements = append([]schema.Statement(nil), in.Statements...)
	for i := range a.Statements {
		a.Statements[i].Evidence = append([]schema.Evidence(nil), a.Statements[i].Evidence...)
	}
	a.Claims = append([]schema.Claim(nil), in.Claims...)
	a.References = append([]schema.Reference(nil), in.References...)
	a.Quantities = append([]schema.Quantity(nil), in.Quantities...)
	a.Normalize()
	err := uniqueNodes(&a)
	return &a, err
}

// uniqueNodes drops exact repeats of entities, claims, references and
// quantities (their quads would be identical), and rejects two different
// nodes of one article with the same IRI: their quads would merge and the
// article could not be read back.
func uniqueNodes(a *schema.Article) error {
	seen := map[string]any{a.IRI: a.IRI}
	var err error
	keep := func(kind, iri string, v any) bool {
		prev, ok := seen[iri]
		if !ok {
			seen[iri] = v
			return true
		}
		if err == nil && !reflect.DeepEqual(prev, v) {
			err = fmt.Errorf("two different %s (or nodes) share the IRI %s", kind, iri)
		}
		return false
	}
	a.Entities = filter(a.Entities, func(x schema.Entity) bool { return keep("entities", x.IRI, x) })
	a.Claims = filter(a.Claims, func(x schema.Claim) bool { return keep("claims", x.IRI, x) })
	a.References = filter(a.References, func(x schema.Reference) bool { return keep("references", x.IRI, x) })
	a.Quantities = filter(a.Quantities, func(x schema.Quantity) bool { return keep("quantities", x.IRI, x) })
	return err
}

func filter[T any](xs []T, ok func(T) bool) []T {
	out := xs[:0]
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// key is the identity of a quad: the N-Quads form of its four terms.
type key [4]string

func str(v quad.Value) string {
	if v == nil {
		return ""
	}
	return v.String()
}

func keyOf(q quad.Quad) key {
	return key{str(q.Label), str(q.Subject), str(q.Predicate), str(q.Object)}
}

// SortQuads sorts quads in the canonical order used by Encode and
// Store.Quads: by label, subject, predicate and object, each compared by its
// N-Quads form. It sorts in place and returns its argument.
func SortQuads(qs []quad.Quad) []quad.Quad {
	keys := make([]key, len(qs))
	for i, q := range qs {
		keys[i] = keyOf(q)
	}
	sort.Sort(byKey{qs, keys})
	return qs
}

type byKey struct {
	qs   []quad.Quad
	keys []key
}

func (b byKey) Len() int { return len(b.qs) }
func (b byKey) Swap(i, j int) {
	b.qs[i], b.qs[j] = b.qs[j], b.qs[i]
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
}
func (b byKey) Less(i, j int) bool {
	x, y := b.keys[i], b.keys[j]
	for k := range x {
		if x[k] != y[k] {
			return x[k] < y[k]
		}
	}
	return false
}

// dedupe drops adjacent repeats from sorted quads.
func dedupe(qs []quad.Quad) []quad.Quad {
	if len(qs) == 0 {
		return qs
	}
	out := qs[:1]
	last := keyOf(qs[0])
	for _, q := range qs[1:] {
		k := keyOf(q)
		if k == last {
			continue
		}
		out = append(out, q)
		last = k
	}
	return out
}
