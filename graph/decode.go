package graph

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/schema"
)

// node holds the properties of one subject within one article graph.
type node map[quad.IRI][]quad.Value

// Decode reads articles back from quads written by Encode. The quads may
// hold several articles (and anything else: quads outside an article graph
// are ignored); an article graph is one that holds `A rdf:type hkg:Article`.
// Each article is returned normalised (schema.Article.Normalize), sorted by
// IRI. What the encoding does not keep comes back in canonical form:
// Sections are empty; synonyms, cross-references, cues, authors and the
// entities a claim is about are sorted and without repeats.
func Decode(qs []quad.Quad) ([]*schema.Article, error) {
	graphs := map[quad.IRI]map[quad.IRI]node{}
	for _, q := range qs {
		g, ok := q.Label.(quad.IRI)
		if !ok {
			continue
		}
		s, ok := q.Subject.(quad.IRI)
		if !ok {
			continue
		}
		p, ok := q.Predicate.(quad.IRI)
		if !ok {
			continue
		}
		subjects := graphs[g]
		if subjects == nil {
			subjects = map[quad.IRI]node{}
			graphs[g] = subjects
		}
		n := subjects[s]
		if n == nil {
			n = node{}
			subjects[s] = n
		}
		n[p] = append(n[p], q.Object)
	}
	var out []*schema.Article
	for g, subjects := range graphs {
		var arts []quad.IRI
		for s, n := range subjects {
			if n.has(rdfType, cArticle) {
				arts = append(arts, s)
			}
		}
		switch len(arts) {
		case 0:
			continue
		case 1:
		default:
			sort.Slice(arts, func(i, j int) bool { return arts[i] < arts[j] })
			return nil, fmt.Errorf("decode: graph %s holds %d articles (%s, %s...)", g, len(arts), arts[0], arts[1])
		}
		a, err := decodeArticle(g, arts[0], subjects)
		if err != nil {
			return nil, fmt.Errorf("decode article %s: %w", arts[0], err)
		}
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IRI < out[j].IRI })
	return out, nil
}

func (n node) has(p quad.IRI, o quad.Value) bool {
	for _, v := range n[p] {
		if v == o {
			return true
		}
	}
	return false
}

// decoder reads typed fields and keeps the first error.
type decoder struct {
	err error
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

// one returns the single value of p, nil when absent.
func (d *decoder) one(s quad.IRI, n node, p quad.IRI) quad.Value {
	vs := n[p]
	if len(vs) == 0 {
		return nil
	}
	first := vs[0]
	for _, v := range vs[1:] {
		if v != first {
			d.fail("%s: %d values of %s", s, len(vs), p)
			break
		}
	}
	return first
}

func (d *decoder) lexical(s quad.IRI, p quad.IRI, v quad.Value, dt quad.IRI) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", false
	case quad.String:
		if dt == "" {
			return string(v), true
		}
	case quad.TypedString:
		if v.Type == dt || (dt == "" && v.Type == quad.IRI(schema.XSD+"string")) {
			return string(v.Value), true
		}
	case quad.LangString:
		if dt == "" {
			return string(v.Value), true
		}
	case quad.Int:
		if dt == xsdInteger || dt == xsdGYear {
			return strconv.FormatInt(int64(v), 10), true
		}
	case quad.Bool:
		if dt == xsdBoolean {
			return strconv.FormatBool(bool(v)), true
		}
	case quad.Float:
		if dt == xsdDecimal {
			return strconv.FormatFloat(float64(v), 'f', -1, 64), true
		}
	}
	want := "a plain literal"
	if dt != "" {
		want = "an " + schema.Compact(string(dt)) + " literal"
	}
	d.fail("%s %s: %v is not %s", s, p, v, want)
	return "", false
}

func (d *decoder) str(s quad.IRI, n node, p quad.IRI) string {
	v, _ := d.lexical(s, p, d.one(s, n, p), "")
	return v
}

func (d *decoder) strs(s quad.IRI, n node, p quad.IRI) []string {
	var out []string
	for _, v := range n[p] {
		if x, ok := d.lexical(s, p, v, ""); ok {
			out = append(out, x)
		}
	}
	return sortedSet(out)
}

func (d *decoder) int(s quad.IRI, n node, p, dt quad.IRI) int {
	v, ok := d.lexical(s, p, d.one(s, n, p), dt)
	if !ok {
		return 0
	}
	i, err := strconv.Atoi(strings.TrimPrefix(v, "+"))
	if err != nil {
		d.fail("%s %s: %q is not an integer", s, p, v)
	}
	return i
}

func (d *decoder) bool(s quad.IRI, n node, p quad.IRI) bool {
	v, ok := d.lexical(s, p, d.one(s, n, p), xsdBoolean)
	if !ok {
		return false
	}
	switch v {
	case "true", "1":
		return true
	case "false", "0":
		return false
	}
	d.fail("%s %s: %q is not a boolean", s, p, v)
	return false
}

func (d *decoder) float(s quad.IRI, n node, p quad.IRI) float64 {
	v, ok := d.lexical(s, p, d.one(s, n, p), xsdDecimal)
	if !ok {
		return 0
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		d.fail("%s %s: %q is not a decimal", s, p, v)
	}
	return f
}

func (d *decoder) iri(s quad.IRI, n node, p quad.IRI) string {
	v := d.one(s, n, p)
	if v == nil {
		return ""
	}
	i, ok := v.(quad.IRI)
	if !ok {
		d.fail("%s %s: %v is not an IRI", s, p, v)
	}
	return string(i)
}

func (d *decoder) iris(s quad.IRI, n node, p quad.IRI) []string {
	var out []string
	for _, v := range n[p] {
		i, ok := v.(quad.IRI)
		if !ok {
			d.fail("%s %s: %v is not an IRI", s, p, v)
			continue
		}
		out = append(out, string(i))
	}
	return sortedSet(out)
}

// vocab reads an IRI in the hkg namespace and returns its local name.
func (d *decoder) vocab(s quad.IRI, n node, p quad.IRI) string {
	v := d.iri(s, n, p)
	if v == "" {
		return ""
	}
	if !strings.HasPrefix(v, schema.VocabNS) || len(v) == len(schema.VocabNS) {
		d.fail("%s %s: %s is not in the vocabulary namespace", s, p, v)
		return ""
	}
	return v[len(schema.VocabNS):]
}

func (d *decoder) certainty(s quad.IRI, n node) schema.Certainty {
	v := d.vocab(s, n, hCertainty)
	if v == "" {
		return ""
	}
	c, err := schema.ParseCertainty(v)
	if err != nil {
		d.fail("%s: %v", s, err)
	}
	return c
}

func sortedSet(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	sort.Strings(ss)
	out := ss[:1]
	for _, s := range ss[1:] {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}

func decodeArticle(g, A quad.IRI, subjects map[quad.IRI]node) (*schema.Article, error) {
	d := &decoder{}
	an := subjects[A]
	a := &schema.Article{
		IRI:         string(A),
		Graph:       string(g),
		Title:       d.str(A, an, dcTitle),
		Source:      d.str(A, an, hSource),
		ContentHash: d.str(A, an, hContentHash),
		Format:      d.str(A, an, hFormat),
		Length:      d.int(A, an, hLength, xsdInteger),
	}
	if v := d.str(A, an, hIRIScheme); v != schema.IRIScheme {
		d.fail("written with IRI scheme %q, this program reads %q", v, schema.IRIScheme)
	}
	entities := map[quad.IRI]bool{}
	for _, e := range d.iris(A, an, hMentions) {
		E := quad.IRI(e)
		entities[E] = true
		n := subjects[E]
		en := schema.Entity{
			IRI:          e,
			Class:        schema.Class(d.vocab(E, n, rdfType)),
			Label:        d.str(E, n, rdfsLabel),
			Synonyms:     d.strs(E, n, hSynonym),
			Agency:       d.iri(E, n, hAgency),
			Jurisdiction: d.iri(E, n, hJurisdiction),
			Status:       d.str(E, n, hStatus),
		}
		for _, x := range d.iris(E, n, skosExact) {
			en.XRefs = append(en.XRefs, schema.Compact(x))
		}
		a.Entities = append(a.Entities, en)
	}
	// Visit the other subjects in a fixed order so that errors and ties are
	// deterministic.
	keys := make([]quad.IRI, 0, len(subjects))
	for s := range subjects {
		if s != A && !entities[s] {
			keys = append(keys, s)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, s := range keys {
		n := subjects[s]
		switch {
		case n.has(rdfType, cStatement):
			a.Statements = append(a.Statements, decodeStatement(d, s, n, subjects))
		case n.has(rdfType, cClaim):
			a.Claims = append(a.Claims, schema.Claim{
				IRI:         string(s),
				Text:        d.str(s, n, hText),
				Context:     d.str(s, n, hContext),
				Span:        schema.Span{Start: d.int(s, n, hStart, xsdInteger), End: d.int(s, n, hEnd, xsdInteger)},
				TextSpan:    schema.Span{Start: d.int(s, n, hTextStart, xsdInteger), End: d.int(s, n, hTextEnd, xsdInteger)},
				Section:     d.str(s, n, hSection),
				Quoted:      d.bool(s, n, hQuoted),
				Certainty:   d.certainty(s, n),
				Cues:        d.strs(s, n, hCue),
				Attribution: d.str(s, n, hAttribution),
				Reference:   d.iri(s, n, hSupportedBy),
				About:       d.iris(s, n, hAbout),
			})
		case n.has(rdfType, cReference):
			r := schema.Reference{
				IRI:          string(s),
				Raw:          d.str(s, n, dcCitation),
				Span:         schema.Span{Start: d.int(s, n, hStart, xsdInteger), End: d.int(s, n, hEnd, xsdInteger)},
				Number:       d.int(s, n, hNumber, xsdInteger),
				Organization: d.str(s, n, hOrganization),
				Year:         d.int(s, n, hYear, xsdGYear),
				Title:        d.str(s, n, dcTitle),
				Venue:        d.str(s, n, hVenue),
				Publisher:    d.str(s, n, dcPublisher),
				Volume:       d.str(s, n, hVolume),
				Issue:        d.str(s, n, hIssue),
				Pages:        d.str(s, n, hPages),
				Date:         d.str(s, n, hDate),
				Type:         d.str(s, n, hRefType),
				DOI:          d.str(s, n, biboDOI),
				URL:          d.str(s, n, sdoURL),
			}
			// The organisation is also written as an author; it is
			// returned only as the Organization.
			for _, au := range d.strs(s, n, hAuthor) {
				if au != r.Organization {
					r.Authors = append(r.Authors, au)
				}
			}
			a.References = append(a.References, r)
		case n.has(rdfType, cQuantity):
			a.Quantities = append(a.Quantities, schema.Quantity{
				IRI:        string(s),
				Text:       d.str(s, n, rdfsLabel),
				Value:      d.float(s, n, hValue),
				Max:        d.float(s, n, hMaxValue),
				Unit:       d.str(s, n, hUnit),
				Measures:   d.iri(s, n, hMeasures),
				Population: d.iri(s, n, hPopulation),
				Sentence:   d.str(s, n, hSentence),
				Span:       schema.Span{Start: d.int(s, n, hStart, xsdInteger), End: d.int(s, n, hEnd, xsdInteger)},
				TextSpan:   schema.Span{Start: d.int(s, n, hTextStart, xsdInteger), End: d.int(s, n, hTextEnd, xsdInteger)},
				Section:    d.str(s, n, hSection),
				Certainty:  d.certainty(s, n),
			})
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	a.Normalize()
	// Normalize orders references by offset only; break ties by IRI.
	sort.SliceStable(a.References, func(i, j int) bool {
		x, y := a.References[i], a.References[j]
		return x.Start < y.Start || (x.Start == y.Start && x.IRI < y.IRI)
	})
	return a, nil
}

func decodeStatement(d *decoder, S quad.IRI, n node, subjects map[quad.IRI]node) schema.Statement {
	st := schema.Statement{
		Subject:   d.iri(S, n, rdfSubject),
		Predicate: schema.Predicate(d.vocab(S, n, rdfPredicate)),
		Object:    d.iri(S, n, rdfObject),
		Negated:   d.bool(S, n, hNegated),
		Reference: d.iri(S, n, hSupportedBy),
	}
	if st.Subject == "" || st.Predicate == "" || st.Object == "" {
		d.fail("statement %s: missing subject, predicate or object", S)
	}
	for _, e := range d.iris(S, n, hEvidence) {
		E := quad.IRI(e)
		en := subjects[E]
		if !en.has(rdfType, cEvidence) {
			d.fail("statement %s: evidence %s is not in the article graph", S, E)
			continue
		}
		ev := schema.Evidence{
			Article:   d.iri(E, en, hArticle),
			Sentence:  d.str(E, en, hSentence),
			Span:      schema.Span{Start: d.int(E, en, hStart, xsdInteger), End: d.int(E, en, hEnd, xsdInteger)},
			Item:      d.str(E, en, hItem),
			ItemSpan:  schema.Span{Start: d.int(E, en, hItemStart, xsdInteger), End: d.int(E, en, hItemEnd, xsdInteger)},
			Section:   d.str(E, en, hSection),
			Rule:      d.str(E, en, hRule),
			Certainty: d.certainty(E, en),
			Cues:      d.strs(E, en, hCue),
		}
		st.Evidence = append(st.Evidence, ev)
	}
	return st
}
