// Package queries answers researchers' questions over a healthkg store:
// named queries (side effects of a substance, what acts on a receptor, the
// evidence behind an edge) as a Go API, for the command line and the server.
//
// Queries read the store through Cayley's quad indexes; they never write.
package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/schema"
)

// Querier runs named queries on a store.
type Querier struct {
	st *graph.Store

	ixMu     sync.Mutex
	ix       *textIndex // the search index, for the store's generation ix.gen
	stats    *Stats     // the counts, for the store's generation statsGen
	statsGen uint64
}

// New returns a Querier over the store.
func New(st *graph.Store) *Querier { return &Querier{st: st} }

// Entity is a node found by name.
type Entity struct {
	IRI   string `json:"iri"`
	Label string `json:"label"`
	Class string `json:"class"`
}

// Evidence is one sentence of one article behind an edge.
type Evidence struct {
	Article   string   `json:"article"`
	Sentence  string   `json:"sentence"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Item      string   `json:"item,omitempty"`
	Section   string   `json:"section,omitempty"`
	Rule      string   `json:"rule"`
	Certainty string   `json:"certainty"`
	Cues      []string `json:"cues,omitempty"`
}

// Edge is a statement with every piece of evidence for it, merged across
// articles.
type Edge struct {
	Subject      string     `json:"subject"`
	SubjectLabel string     `json:"subject_label"`
	Predicate    string     `json:"predicate"`
	Object       string     `json:"object"`
	ObjectLabel  string     `json:"object_label"`
	Negated      bool       `json:"negated"`
	Certainty    string     `json:"certainty"`
	References   []string   `json:"references,omitempty"`
	Articles     []string   `json:"articles"`
	Evidence     []Evidence `json:"evidence"`
}

// NotFoundError says no entity has the name.
type NotFoundError struct{ Name string }

func (e *NotFoundError) Error() string { return fmt.Sprintf("no entity is called %q", e.Name) }

// AmbiguousError says several entities have the name.
type AmbiguousError struct {
	Name       string
	Candidates []Entity
}

func (e *AmbiguousError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%q names %d entities; use one of these IRIs:", e.Name, len(e.Candidates))
	for _, c := range e.Candidates {
		fmt.Fprintf(&b, "\n  %s  (%s %q)", c.IRI, c.Class, c.Label)
	}
	return b.String()
}

var (
	rdfType      = quad.IRI(schema.RDF + "type")
	rdfSubject   = quad.IRI(schema.RDF + "subject")
	rdfPredicate = quad.IRI(schema.RDF + "predicate")
	rdfObject    = quad.IRI(schema.RDF + "object")
	rdfsLabel    = quad.IRI(schema.RDFS + "label")
	dctTitle     = quad.IRI(schema.DCTERMS + "title")
)

func hkg(local string) quad.IRI { return quad.IRI(schema.P(local)) }

// reader holds the store's read lock for one query.
type reader struct {
	ctx context.Context
	qs  cgraph.QuadStore
}

func (q *Querier) read(ctx context.Context, fn func(r *reader) error) error {
	q.st.RLock()
	defer q.st.RUnlock()
	qs := q.st.QuadStore()
	if qs == nil {
		return graph.ErrClosed
	}
	return fn(&reader{ctx: ctx, qs: qs})
}

// each calls fn for every quad with v in direction d.
func (r *reader) each(d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	ref, err := r.qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	it := r.qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(r.ctx) {
		qd, err := r.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		if err := fn(qd); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return r.ctx.Err()
}

// props returns the properties of a node: predicate IRI -> values (sorted).
func (r *reader) props(node quad.Value) (map[string][]quad.Value, error) {
	out := map[string][]quad.Value{}
	err := r.each(quad.Subject, node, func(qd quad.Quad) error {
		p := string(qd.Predicate.(quad.IRI))
		for _, v := range out[p] {
			if v == qd.Object {
				return nil
			}
		}
		out[p] = append(out[p], qd.Object)
		return nil
	})
	for p := range out {
		vs := out[p]
		sort.Slice(vs, func(i, j int) bool { return vs[i].String() < vs[j].String() })
	}
	return out, err
}

// propsIn is props restricted to the quads of one graph.
func (r *reader) propsIn(node, graph quad.Value) (map[string][]quad.Value, error) {
	out := map[string][]quad.Value{}
	err := r.each(quad.Subject, node, func(qd quad.Quad) error {
		if qd.Label != graph {
			return nil
		}
		p := string(qd.Predicate.(quad.IRI))
		out[p] = append(out[p], qd.Object)
		return nil
	})
	for p := range out {
		vs := out[p]
		sort.Slice(vs, func(i, j int) bool { return vs[i].String() < vs[j].String() })
	}
	return out, err
}

func first(p map[string][]quad.Value, pred quad.IRI) string {
	if vs := p[string(pred)]; len(vs) > 0 {
		return lexical(vs[0])
	}
	return ""
}

func all(p map[string][]quad.Value, pred quad.IRI) []string {
	var out []string
	for _, v := range p[string(pred)] {
		out = append(out, lexical(v))
	}
	return out
}

// Lexical is an RDF term's text: an IRI's IRI, a literal's lexical form.
func Lexical(v quad.Value) string { return lexical(v) }

// lexical is a value's text: an IRI's IRI, a literal's lexical form.
func lexical(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	}
	if s, ok := quad.NativeOf(v).(string); ok {
		return s
	}
	return v.String()
}

// label returns a node's label (or title).
func (r *reader) label(iri string) string {
	p, err := r.props(quad.IRI(iri))
	if err != nil {
		return ""
	}
	if l := first(p, rdfsLabel); l != "" {
		return l
	}
	return first(p, dctTitle)
}

// Resolve finds the entity a name (a label or a synonym, any case) or an
// IRI denotes, of one of the classes (any class when none is given).
func (q *Querier) Resolve(ctx context.Context, name string, classes ...schema.Class) (Entity, error) {
	var found []Entity
	err := q.read(ctx, func(r *reader) error {
		var err error
		found, err = r.resolve(name, classes)
		return err
	})
	if err != nil {
		return Entity{}, err
	}
	switch len(found) {
	case 0:
		return Entity{}, &NotFoundError{Name: name}
	case 1:
		return found[0], nil
	}
	return Entity{}, &AmbiguousError{Name: name, Candidates: found}
}

func (r *reader) resolve(name string, classes []schema.Class) ([]Entity, error) {
	want := map[string]bool{}
	for _, c := range classes {
		want[c.IRI()] = true
	}
	cands := map[string]bool{}
	if strings.Contains(name, "://") {
		cands[name] = true
	} else {
		// an exact label or synonym first; else names that contain the
		// words ("mu" finds "mu opioid receptor")
		key := schema.NormalizeKey(name)
		// the name as a stored label or synonym, through the object index
		// (a scan of every name is the fallback)
		trimmed := strings.TrimSpace(name)
		for _, v := range []string{trimmed, strings.ToLower(trimmed), strings.ToUpper(trimmed), upperFirst(strings.ToLower(trimmed))} {
			err := r.each(quad.Object, quad.String(v), func(qd quad.Quad) error {
				if iri, ok := qd.Subject.(quad.IRI); ok && (qd.Predicate == rdfsLabel || qd.Predicate == hkg(schema.PSynonym)) {
					cands[string(iri)] = true
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		if found := r.ofClass(cands, want); len(found) > 0 {
			return found, nil
		}
		cands = map[string]bool{}
		partial := map[string]bool{}
		for _, p := range []quad.IRI{rdfsLabel, hkg(schema.PSynonym)} {
			err := r.each(quad.Predicate, p, func(qd quad.Quad) error {
				s, ok := qd.Object.(quad.String)
				iri, ok2 := qd.Subject.(quad.IRI)
				if !ok || !ok2 {
					return nil
				}
				k := schema.NormalizeKey(string(s))
				if k == key {
					cands[string(iri)] = true
				} else if strings.Contains(" "+k+" ", " "+key+" ") {
					partial[string(iri)] = true
				}
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		if len(r.ofClass(cands, want)) == 0 {
			cands = partial
		}
	}
	return r.entities(cands, want)
}

// upperFirst capitalises the first letter ("kratom" -> "Kratom").
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// ofClass keeps the candidates of the wanted classes (all when none).
func (r *reader) ofClass(cands map[string]bool, want map[string]bool) []Entity {
	out, _ := r.entities(cands, want)
	return out
}

// entities describes the candidates of the wanted classes.
func (r *reader) entities(cands map[string]bool, want map[string]bool) ([]Entity, error) {
	var out []Entity
	for iri := range cands {
		p, err := r.props(quad.IRI(iri))
		if err != nil {
			return nil, err
		}
		class := ""
		for _, t := range all(p, rdfType) {
			if len(want) == 0 || want[t] {
				class = strings.TrimPrefix(t, schema.VocabNS)
			}
		}
		if class == "" || class == "Statement" || class == "Evidence" {
			continue
		}
		out = append(out, Entity{IRI: iri, Label: first(p, rdfsLabel), Class: class})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IRI < out[j].IRI })
	return out, nil
}

// Filter selects statements.
type Filter struct {
	Subject, Object string             // IRIs; at least one is set
	Predicates      []schema.Predicate // any when empty
	Negated         bool               // include statements the text denies
	MinCertainty    schema.Certainty   // asserted > hedged > speculative; "" for all
}

// Edges returns the statements that match, merged across articles (one
// edge per subject, predicate, object and polarity, with all evidence),
// sorted by predicate and object label.
func (q *Querier) Edges(ctx context.Context, f Filter) ([]Edge, error) {
	var out []Edge
	err := q.read(ctx, func(r *reader) error {
		var err error
		out, err = r.edges(f)
		return err
	})
	return out, err
}

func (r *reader) edges(f Filter) ([]Edge, error) {
	dir, start := rdfSubject, f.Subject
	if start == "" {
		dir, start = rdfObject, f.Object
	}
	if start == "" {
		return nil, errors.New("queries: a filter needs a subject or an object")
	}
	preds := map[string]bool{}
	for _, p := range f.Predicates {
		preds[p.IRI()] = true
	}
	// the asserted statements come from their triples (<s> <p> <o> in the
	// statement's graph), so that only the statements with a wanted
	// predicate are read; denied ones have no triple and are found through
	// rdf:subject / rdf:object, only when asked for
	var stmts []quad.Value
	asserted := map[quad.Value]bool{}
	tripleDir := quad.Subject
	if dir == rdfObject {
		tripleDir = quad.Object
	}
	err := r.each(tripleDir, quad.IRI(start), func(qd quad.Quad) error {
		p, ok := qd.Predicate.(quad.IRI)
		if !ok || qd.Label == nil || !strings.HasPrefix(string(p), schema.VocabNS) || (len(preds) > 0 && !preds[string(p)]) {
			return nil
		}
		if _, isRel := schema.PredicateByName(strings.TrimPrefix(string(p), schema.VocabNS)); !isRel {
			return nil // a node's own property (hkg:synonym), not a statement's triple
		}
		if _, ok := qd.Label.(quad.IRI); ok && !asserted[qd.Label] {
			asserted[qd.Label] = true
			stmts = append(stmts, qd.Label)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if f.Negated {
		err = r.each(quad.Object, quad.IRI(start), func(qd quad.Quad) error {
			if qd.Predicate == dir && !asserted[qd.Subject] {
				stmts = append(stmts, qd.Subject)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	merged := map[string]*Edge{}
	labels := map[string]string{}
	lab := func(iri string) string {
		if l, ok := labels[iri]; ok {
			return l
		}
		labels[iri] = r.label(iri)
		return labels[iri]
	}
	for _, st := range stmts {
		p, err := r.props(st)
		if err != nil {
			return nil, err
		}
		if !contains(all(p, rdfType), schema.StatementC.IRI()) {
			continue
		}
		pred := first(p, rdfPredicate)
		if len(preds) > 0 && !preds[pred] {
			continue
		}
		s, o := first(p, rdfSubject), first(p, rdfObject)
		if (f.Subject != "" && s != f.Subject) || (f.Object != "" && o != f.Object) {
			continue
		}
		neg := first(p, hkg(schema.PNegated)) == "true"
		if neg && !f.Negated {
			continue
		}
		key := s + " " + pred + " " + o + " " + strconv.FormatBool(neg)
		e := merged[key]
		if e == nil {
			e = &Edge{Subject: s, SubjectLabel: lab(s), Predicate: strings.TrimPrefix(pred, schema.VocabNS),
				Object: o, ObjectLabel: lab(o), Negated: neg}
			merged[key] = e
		}
		e.Articles = addUnique(e.Articles, first(p, hkg(schema.PArticle)))
		for _, ref := range all(p, hkg(schema.PSupportedBy)) {
			e.References = addUnique(e.References, ref)
		}
		for _, ev := range p[string(hkg(schema.PEvidence))] {
			ep, err := r.props(ev)
			if err != nil {
				return nil, err
			}
			start, _ := strconv.Atoi(first(ep, hkg(schema.PStart)))
			end, _ := strconv.Atoi(first(ep, hkg(schema.PEnd)))
			e.Evidence = append(e.Evidence, Evidence{
				Article: first(ep, hkg(schema.PArticle)), Sentence: first(ep, hkg(schema.PSentence)),
				Start: start, End: end, Item: first(ep, hkg(schema.PItem)), Section: first(ep, hkg(schema.PSection)),
				Rule: first(ep, hkg(schema.PRule)), Certainty: certaintyOf(first(ep, hkg(schema.PCertainty))),
				Cues: all(ep, hkg(schema.PCue)),
			})
		}
	}
	var out []Edge
	for _, e := range merged {
		e.Certainty = string(edgeCertainty(e))
		if f.MinCertainty != "" && schema.Certainty(e.Certainty).Rank() < f.MinCertainty.Rank() {
			continue
		}
		sort.Slice(e.Evidence, func(i, j int) bool {
			a, b := e.Evidence[i], e.Evidence[j]
			if a.Article != b.Article {
				return a.Article < b.Article
			}
			return a.Start < b.Start || (a.Start == b.Start && a.Item < b.Item)
		})
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Predicate != b.Predicate {
			return a.Predicate < b.Predicate
		}
		if a.ObjectLabel != b.ObjectLabel {
			return a.ObjectLabel < b.ObjectLabel
		}
		if a.SubjectLabel != b.SubjectLabel {
			return a.SubjectLabel < b.SubjectLabel
		}
		return !a.Negated && b.Negated
	})
	return out, nil
}

// certaintyOf reads a certainty individual's IRI as a level name.
func certaintyOf(iri string) string {
	c, err := schema.ParseCertainty(strings.TrimPrefix(iri, schema.VocabNS))
	if err != nil {
		return ""
	}
	return string(c)
}

func edgeCertainty(e *Edge) schema.Certainty {
	if e.Negated {
		return schema.Negated
	}
	best := schema.Speculative
	for _, ev := range e.Evidence {
		if c := schema.Certainty(ev.Certainty); c != schema.Negated && c.Rank() > best.Rank() {
			best = c
		}
	}
	return best
}

// SideEffectKinds maps the --kind of side-effects to predicates.
var SideEffectKinds = map[string][]schema.Predicate{
	"":           {schema.HasSideEffect, schema.HasLongTermSideEffect, schema.HasWithdrawalSymptom},
	"acute":      {schema.HasSideEffect},
	"long-term":  {schema.HasLongTermSideEffect},
	"withdrawal": {schema.HasWithdrawalSymptom},
}

// SideEffects lists the side effects (acute, long-term, withdrawal) of a
// substance. Denied side effects are listed only when negated is true.
func (q *Querier) SideEffects(ctx context.Context, substance, kind string, min schema.Certainty, negated bool) (Entity, []Edge, error) {
	preds, ok := SideEffectKinds[kind]
	if !ok {
		return Entity{}, nil, fmt.Errorf("unknown kind %q (want acute, long-term or withdrawal)", kind)
	}
	e, err := q.Resolve(ctx, substance, schema.Substance, schema.Compound, schema.Treatment)
	if err != nil {
		return e, nil, err
	}
	edges, err := q.Edges(ctx, Filter{Subject: e.IRI, Predicates: preds, Negated: negated, MinCertainty: min})
	return e, edges, err
}

// ActsOn lists what acts on a receptor.
func (q *Querier) ActsOn(ctx context.Context, receptor string) (Entity, []Edge, error) {
	e, err := q.Resolve(ctx, receptor, schema.Receptor)
	if err != nil {
		return e, nil, err
	}
	edges, err := q.Edges(ctx, Filter{Object: e.IRI, Predicates: []schema.Predicate{schema.ActsOn}})
	return e, edges, err
}

// Evidence lists every statement (denied ones too) from subject, with the
// given predicate and object when they are not empty, with all evidence.
func (q *Querier) Evidence(ctx context.Context, subject, predicate, object string) ([]Edge, error) {
	s, err := q.Resolve(ctx, subject)
	if err != nil {
		return nil, err
	}
	f := Filter{Subject: s.IRI, Negated: true}
	if predicate != "" {
		p, ok := schema.PredicateByName(predicate)
		if !ok {
			return nil, fmt.Errorf("unknown predicate %q", predicate)
		}
		f.Predicates = []schema.Predicate{p.Predicate}
	}
	if object != "" {
		o, err := q.Resolve(ctx, object)
		if err != nil {
			return nil, err
		}
		f.Object = o.IRI
	}
	return q.Edges(ctx, f)
}

// Claim is a claim with its attribution.
type Claim struct {
	IRI         string   `json:"iri"`
	Text        string   `json:"text"`
	Context     string   `json:"context"`
	Article     string   `json:"article"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Section     string   `json:"section,omitempty"`
	Certainty   string   `json:"certainty"`
	Quoted      bool     `json:"quoted"`
	Attribution string   `json:"attribution,omitempty"`
	References  []string `json:"references,omitempty"`
}

// ClaimEvidence finds the claims whose text contains the words given
// (case-insensitive), with their sentences, offsets, certainty and
// references.
func (q *Querier) ClaimEvidence(ctx context.Context, text string) ([]Claim, error) {
	key := schema.NormalizeKey(text)
	var out []Claim
	err := q.read(ctx, func(r *reader) error {
		return r.each(quad.Predicate, hkg(schema.PText), func(qd quad.Quad) error {
			if !strings.Contains(schema.NormalizeKey(lexical(qd.Object)), key) {
				return nil
			}
			// a claim stated by two articles is one node with a position in
			// each article's graph: read this graph's position only
			p, err := r.propsIn(qd.Subject, qd.Label)
			if err != nil {
				return err
			}
			start, _ := strconv.Atoi(first(p, hkg(schema.PStart)))
			end, _ := strconv.Atoi(first(p, hkg(schema.PEnd)))
			out = append(out, Claim{
				IRI: lexical(qd.Subject), Text: first(p, hkg(schema.PText)), Context: first(p, hkg(schema.PContext)),
				Article: first(p, hkg(schema.PArticle)), Start: start, End: end, Section: first(p, hkg(schema.PSection)),
				Certainty: certaintyOf(first(p, hkg(schema.PCertainty))),
				Quoted:    first(p, hkg(schema.PQuoted)) == "true", Attribution: first(p, hkg(schema.PAttribution)),
				References: all(p, hkg(schema.PSupportedBy)),
			})
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool {
		return out[i].Article < out[j].Article || out[i].Article == out[j].Article && out[i].Start < out[j].Start
	})
	// the same claim node can hold several positions (several articles)
	return dedupClaims(out), err
}

func dedupClaims(cs []Claim) []Claim {
	var out []Claim
	seen := map[string]bool{}
	for _, c := range cs {
		k := c.IRI + "\x00" + c.Article + "\x00" + strconv.Itoa(c.Start)
		if !seen[k] {
			seen[k] = true
			out = append(out, c)
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func addUnique(l []string, s string) []string {
	if s == "" || contains(l, s) {
		return l
	}
	l = append(l, s)
	sort.Strings(l)
	return l
}
