package queries

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/schema"
)

// from lists the statements from the entity a name denotes, with the
// predicates given.
func (q *Querier) from(ctx context.Context, name string, classes []schema.Class, preds ...schema.Predicate) ([]Edge, error) {
	e, err := q.Resolve(ctx, name, classes...)
	if err != nil {
		return nil, err
	}
	return q.Edges(ctx, Filter{Subject: e.IRI, Predicates: preds})
}

// Claims lists the claims about an entity and/or supported by a reference
// (both optional), one per position in an article.
func (q *Querier) Claims(ctx context.Context, about, supportedBy string) ([]Claim, error) {
	var aboutIRI, refIRI string
	if about != "" {
		e, err := q.Resolve(ctx, about)
		if err != nil {
			return nil, err
		}
		aboutIRI = e.IRI
	}
	if supportedBy != "" {
		r, err := q.resolveReference(ctx, supportedBy)
		if err != nil {
			return nil, err
		}
		refIRI = r
	}
	keep := func(p map[string][]quad.Value) bool {
		return (aboutIRI == "" || contains(all(p, hkg(schema.PAbout)), aboutIRI)) &&
			(refIRI == "" || contains(all(p, hkg(schema.PSupportedBy)), refIRI))
	}
	if aboutIRI == "" && refIRI == "" {
		return q.claimsWhere(ctx, keep)
	}
	// start from the entity or the reference, through the object index
	start, pred := aboutIRI, hkg(schema.PAbout)
	if start == "" {
		start, pred = refIRI, hkg(schema.PSupportedBy)
	}
	var out []Claim
	err := q.read(ctx, func(r *reader) error {
		type pos struct{ claim, graph quad.Value }
		var cands []pos
		if err := r.each(quad.Object, quad.IRI(start), func(qd quad.Quad) error {
			if qd.Predicate == pred {
				cands = append(cands, pos{qd.Subject, qd.Label})
			}
			return nil
		}); err != nil {
			return err
		}
		// a claim stated by many articles: read its quads once, by graph
		byGraph := map[quad.Value]map[quad.Value]map[string][]quad.Value{}
		for _, c := range cands {
			g, ok := byGraph[c.claim]
			if !ok {
				g = map[quad.Value]map[string][]quad.Value{}
				if err := r.each(quad.Subject, c.claim, func(qd quad.Quad) error {
					if g[qd.Label] == nil {
						g[qd.Label] = map[string][]quad.Value{}
					}
					pr := string(qd.Predicate.(quad.IRI))
					g[qd.Label][pr] = append(g[qd.Label][pr], qd.Object)
					return nil
				}); err != nil {
					return err
				}
				byGraph[c.claim] = g
			}
			p := g[c.graph]
			for k := range p {
				vs := p[k]
				sort.Slice(vs, func(i, j int) bool { return vs[i].String() < vs[j].String() })
			}
			if first(p, hkg(schema.PText)) != "" && keep(p) {
				out = append(out, claimOf(lexical(c.claim), p))
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		return out[i].Article < out[j].Article || out[i].Article == out[j].Article && out[i].Start < out[j].Start
	})
	return dedupClaims(out), err
}

// claimsWhere lists the claims (one per article position) whose properties
// in that article's graph pass keep.
func (q *Querier) claimsWhere(ctx context.Context, keep func(map[string][]quad.Value) bool) ([]Claim, error) {
	var out []Claim
	err := q.read(ctx, func(r *reader) error {
		return r.each(quad.Predicate, hkg(schema.PText), func(qd quad.Quad) error {
			p, err := r.propsIn(qd.Subject, qd.Label)
			if err != nil || !keep(p) {
				return err
			}
			out = append(out, claimOf(lexical(qd.Subject), p))
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool {
		return out[i].Article < out[j].Article || out[i].Article == out[j].Article && out[i].Start < out[j].Start
	})
	return dedupClaims(out), err
}

func claimOf(iri string, p map[string][]quad.Value) Claim {
	start, _ := strconv.Atoi(first(p, hkg(schema.PStart)))
	end, _ := strconv.Atoi(first(p, hkg(schema.PEnd)))
	return Claim{
		IRI: iri, Text: first(p, hkg(schema.PText)), Context: first(p, hkg(schema.PContext)),
		Article: first(p, hkg(schema.PArticle)), Start: start, End: end, Section: first(p, hkg(schema.PSection)),
		Certainty: certaintyOf(first(p, hkg(schema.PCertainty))),
		Quoted:    first(p, hkg(schema.PQuoted)) == "true", Attribution: first(p, hkg(schema.PAttribution)),
		References: all(p, hkg(schema.PSupportedBy)),
	}
}

// Reference is a cited work.
type Reference struct {
	IRI      string   `json:"iri"`
	Title    string   `json:"title"`
	Authors  []string `json:"authors,omitempty"`
	Year     int      `json:"year,omitempty"`
	Venue    string   `json:"venue,omitempty"`
	DOI      string   `json:"doi,omitempty"`
	Citation string   `json:"citation,omitempty"`
	Articles []string `json:"articles"`
	Claims   int      `json:"claims"` // claims it supports
}

// References lists the references (of one year when year > 0), newest
// first, then by title.
func (q *Querier) References(ctx context.Context, year int) ([]Reference, error) {
	var out []Reference
	err := q.read(ctx, func(r *reader) error {
		var refs []quad.Value
		if err := r.each(quad.Object, quad.IRI(schema.ReferenceC.IRI()), func(qd quad.Quad) error {
			if qd.Predicate == rdfType {
				refs = append(refs, qd.Subject)
			}
			return nil
		}); err != nil {
			return err
		}
		seen := map[quad.Value]bool{}
		for _, ref := range refs {
			if seen[ref] {
				continue
			}
			seen[ref] = true
			p, err := r.props(ref)
			if err != nil {
				return err
			}
			y, _ := strconv.Atoi(first(p, hkg(schema.PYear)))
			if year > 0 && y != year {
				continue
			}
			x := Reference{IRI: lexical(ref), Title: first(p, dctTitle), Authors: all(p, hkg(schema.PAuthor)), Year: y,
				Venue: first(p, hkg(schema.PVenue)), DOI: first(p, quad.IRI(schema.BIBO+"doi")),
				Citation: first(p, quad.IRI(schema.DCTERMS+"bibliographicCitation")), Articles: []string{}}
			claims := map[quad.Value]bool{}
			if err := r.each(quad.Object, ref, func(qd quad.Quad) error {
				switch qd.Predicate {
				case hkg(schema.PSupportedBy):
					if r.isA(qd.Subject, schema.ClaimC) {
						claims[qd.Subject] = true
					}
				case quad.IRI(schema.Cites.IRI()):
					x.Articles = addUnique(x.Articles, lexical(qd.Subject))
				}
				return nil
			}); err != nil {
				return err
			}
			x.Claims = len(claims)
			out = append(out, x)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year > out[j].Year
		}
		return out[i].Title < out[j].Title || out[i].Title == out[j].Title && out[i].IRI < out[j].IRI
	})
	return out, err
}

// isA reports whether a node has the class.
func (r *reader) isA(node quad.Value, c schema.Class) bool {
	found := false
	_ = r.each(quad.Subject, node, func(qd quad.Quad) error {
		if qd.Predicate == rdfType && qd.Object == quad.IRI(c.IRI()) {
			found = true
		}
		return nil
	})
	return found
}

// resolveReference finds a reference by IRI or by (part of) its title.
func (q *Querier) resolveReference(ctx context.Context, name string) (string, error) {
	if strings.Contains(name, "://") {
		return name, nil
	}
	key := schema.NormalizeKey(name)
	var cands []Entity
	err := q.read(ctx, func(r *reader) error {
		return r.each(quad.Predicate, dctTitle, func(qd quad.Quad) error {
			t := lexical(qd.Object)
			if strings.Contains(schema.NormalizeKey(t), key) && r.isA(qd.Subject, schema.ReferenceC) {
				for _, c := range cands {
					if c.IRI == lexical(qd.Subject) {
						return nil
					}
				}
				cands = append(cands, Entity{IRI: lexical(qd.Subject), Label: t, Class: string(schema.ReferenceC)})
			}
			return nil
		})
	})
	switch {
	case err != nil:
		return "", err
	case len(cands) == 0:
		return "", &NotFoundError{Name: name}
	case len(cands) > 1:
		sort.Slice(cands, func(i, j int) bool { return cands[i].IRI < cands[j].IRI })
		return "", &AmbiguousError{Name: name, Candidates: cands}
	}
	return cands[0].IRI, nil
}

// LegalStatus is a legal status edge with the status node's agency and
// jurisdiction.
type LegalStatus struct {
	Edge              Edge   `json:"edge"`
	Status            string `json:"status,omitempty"`
	Agency            string `json:"agency,omitempty"`
	AgencyLabel       string `json:"agency_label,omitempty"`
	Jurisdiction      string `json:"jurisdiction,omitempty"`
	JurisdictionLabel string `json:"jurisdiction_label,omitempty"`
}

// LegalStatus lists the legal and regulatory statuses of a substance.
func (q *Querier) LegalStatus(ctx context.Context, substance string) ([]LegalStatus, error) {
	edges, err := q.from(ctx, substance, []schema.Class{schema.Substance, schema.Treatment, schema.Compound}, schema.HasLegalStatus)
	if err != nil {
		return nil, err
	}
	var out []LegalStatus
	err = q.read(ctx, func(r *reader) error {
		for _, e := range edges {
			p, err := r.props(quad.IRI(e.Object))
			if err != nil {
				return err
			}
			l := LegalStatus{Edge: e, Status: first(p, hkg(schema.PStatus)), Agency: first(p, hkg(schema.PAgency)),
				Jurisdiction: first(p, hkg(schema.PJurisdiction))}
			if l.Agency != "" {
				l.AgencyLabel = r.label(l.Agency)
			}
			if l.Jurisdiction != "" {
				l.JurisdictionLabel = r.label(l.Jurisdiction)
			}
			out = append(out, l)
		}
		return nil
	})
	return out, err
}

// Alternatives lists, for a substance or treatment, its alternatives (both
// directions of alternativeTreatment); for a condition, what is used for it.
func (q *Querier) Alternatives(ctx context.Context, name string) ([]Edge, error) {
	e, err := q.Resolve(ctx, name, schema.Substance, schema.Treatment, schema.Compound, schema.Condition)
	if err != nil {
		return nil, err
	}
	if e.Class == string(schema.Condition) {
		return q.Edges(ctx, Filter{Object: e.IRI, Predicates: []schema.Predicate{schema.UsedFor}})
	}
	out, err := q.Edges(ctx, Filter{Subject: e.IRI, Predicates: []schema.Predicate{schema.AlternativeTreatment}})
	if err != nil {
		return nil, err
	}
	in, err := q.Edges(ctx, Filter{Object: e.IRI, Predicates: []schema.Predicate{schema.AlternativeTreatment}})
	return append(out, in...), err
}

// Hit is a search result.
type Hit struct {
	Kind  string  `json:"kind"` // entity, claim, reference, article, evidence
	IRI   string  `json:"iri"`
	Label string  `json:"label"`
	Text  string  `json:"text"` // what matched
	Score float64 `json:"score"`
}

// searchFields are the texts searched, with the kind of hit and its weight.
var searchFields = []struct {
	pred   quad.IRI
	kind   string
	weight float64
}{
	{rdfsLabel, "entity", 4},
	{hkg(schema.PSynonym), "entity", 3},
	{dctTitle, "title", 2.5},
	{hkg(schema.PText), "claim", 2},
	{hkg(schema.PSentence), "evidence", 1},
}

// Search finds the nodes whose label, synonyms, title, claim text or
// evidence sentence hold every word of text (case-insensitive), ranked:
// by field (a label beats a synonym, a title, a claim, then an evidence
// sentence), the exact phrase, and the shortness of the matching text. It
// reads an inverted index of those texts, built on the first search and
// rebuilt after the store changes.
func (q *Querier) Search(ctx context.Context, text string, limit int) ([]Hit, error) {
	words := strings.Fields(schema.NormalizeKey(text))
	if len(words) == 0 {
		return nil, argErrorf("search: no words to find")
	}
	ix, err := q.textIndex(ctx)
	if err != nil {
		return nil, err
	}
	phrase := strings.Join(words, " ")
	// the documents holding every word: the shortest posting list first
	lists := make([][]int32, len(words))
	for i, w := range words {
		lists[i] = ix.postings[w]
		if len(lists[i]) == 0 {
			return []Hit{}, nil
		}
	}
	sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
	docs := lists[0]
	for _, l := range lists[1:] {
		docs = intersect(docs, l)
	}
	best := map[string]Hit{}
	for _, d := range docs {
		doc := ix.docs[d]
		k := " " + doc.key + " "
		score := doc.weight
		if strings.Contains(k, " "+phrase+" ") {
			score += 1
		}
		if doc.key == phrase {
			score += 2
		}
		score += 1 / (1 + float64(len(k))/80)
		key := doc.iri
		if doc.kind == "evidence" {
			key = "evidence " + doc.text // one hit per sentence
		}
		if h, ok := best[key]; ok && h.Score >= score {
			continue
		}
		best[key] = Hit{Kind: doc.kind, IRI: doc.iri, Text: doc.text, Score: score}
	}
	var out []Hit
	for _, h := range best {
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].IRI+out[i].Text < out[j].IRI+out[j].Text
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	err = q.read(ctx, func(r *reader) error {
		for i, h := range out {
			switch {
			case h.Kind == "title" && r.isA(quad.IRI(h.IRI), schema.ArticleC):
				h.Kind = "article"
			case h.Kind == "title":
				h.Kind = "reference"
			}
			if h.Kind == "entity" || h.Kind == "article" || h.Kind == "reference" {
				h.Label = r.label(h.IRI)
			}
			out[i] = h
		}
		return nil
	})
	return nonNil(out), err
}

func intersect(a, b []int32) []int32 {
	var out []int32
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			out = append(out, a[i])
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return out
}

// textDoc is one searchable text.
type textDoc struct {
	kind, iri, text, key string
	weight               float64
}

// textIndex is an inverted index of the searchable texts: word -> the
// documents holding it (ascending).
type textIndex struct {
	gen      uint64
	docs     []textDoc
	postings map[string][]int32
}

// textIndex returns the index of the store as it is now.
func (q *Querier) textIndex(ctx context.Context) (*textIndex, error) {
	q.ixMu.Lock()
	defer q.ixMu.Unlock()
	gen := q.st.Generation()
	if q.ix != nil && q.ix.gen == gen {
		return q.ix, nil
	}
	ix := &textIndex{gen: gen, postings: map[string][]int32{}}
	seen := map[[2]string]bool{}
	err := q.read(ctx, func(r *reader) error {
		for _, f := range searchFields {
			err := r.each(quad.Predicate, f.pred, func(qd quad.Quad) error {
				t, iri := lexical(qd.Object), lexical(qd.Subject)
				if seen[[2]string{iri + " " + f.kind, t}] {
					return nil
				}
				seen[[2]string{iri + " " + f.kind, t}] = true
				key := schema.NormalizeKey(t)
				id := int32(len(ix.docs))
				ix.docs = append(ix.docs, textDoc{kind: f.kind, iri: iri, text: t, key: key, weight: f.weight})
				words := map[string]bool{}
				for _, w := range strings.Fields(key) {
					// every prefix of 3+ letters finds the word too ("withdraw")
					for n := min(len(w), 3); n <= len(w); n++ {
						words[w[:n]] = true
					}
				}
				for w := range words {
					ix.postings[w] = append(ix.postings[w], id)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	q.ix = ix
	return ix, nil
}

// Description is an entity with its names and every edge in and out.
type Description struct {
	Entity   Entity   `json:"entity"`
	Synonyms []string `json:"synonyms,omitempty"`
	XRefs    []string `json:"xrefs,omitempty"`
	Out      []Edge   `json:"out"`
	In       []Edge   `json:"in"`
}

// Describe returns an entity with every edge from it and to it, denied
// ones included.
func (q *Querier) Describe(ctx context.Context, name string) (Description, error) {
	e, err := q.Resolve(ctx, name)
	if err != nil {
		return Description{}, err
	}
	d := Description{Entity: e}
	err = q.read(ctx, func(r *reader) error {
		p, err := r.props(quad.IRI(e.IRI))
		d.Synonyms = all(p, hkg(schema.PSynonym))
		d.XRefs = all(p, quad.IRI(schema.SKOS+"exactMatch"))
		return err
	})
	if err != nil {
		return d, err
	}
	if d.Out, err = q.Edges(ctx, Filter{Subject: e.IRI, Negated: true}); err != nil {
		return d, err
	}
	d.In, err = q.Edges(ctx, Filter{Object: e.IRI, Negated: true})
	d.Out, d.In = nonNil(d.Out), nonNil(d.In)
	return d, err
}

// Step is one edge of a path, in the direction it was stated.
type Step struct {
	Subject      string `json:"subject"`
	SubjectLabel string `json:"subject_label"`
	Predicate    string `json:"predicate"`
	Object       string `json:"object"`
	ObjectLabel  string `json:"object_label"`
}

// Path finds a shortest chain of asserted (not denied) statements joining
// two entities, following edges either way, up to maxHops long. It returns
// no steps when there is none.
func (q *Querier) Path(ctx context.Context, from, to string, maxHops int) ([]Step, error) {
	a, err := q.Resolve(ctx, from)
	if err != nil {
		return nil, err
	}
	b, err := q.Resolve(ctx, to)
	if err != nil {
		return nil, err
	}
	if a.IRI == b.IRI {
		return []Step{}, nil
	}
	var out []Step
	err = q.read(ctx, func(r *reader) error {
		prev := map[string]Step{a.IRI: {}}
		frontier := []string{a.IRI}
		for hop := 0; hop < maxHops && len(frontier) > 0; hop++ {
			var next []string
			for _, n := range frontier {
				steps, err := r.neighbours(n)
				if err != nil {
					return err
				}
				for _, s := range steps {
					other := s.Object
					if other == n {
						other = s.Subject
					}
					if _, seen := prev[other]; seen {
						continue
					}
					prev[other] = s
					if other == b.IRI {
						for cur := b.IRI; cur != a.IRI; {
							st := prev[cur]
							st.SubjectLabel, st.ObjectLabel = r.label(st.Subject), r.label(st.Object)
							out = append([]Step{st}, out...)
							if st.Object == cur {
								cur = st.Subject
							} else {
								cur = st.Object
							}
						}
						return nil
					}
					next = append(next, other)
				}
			}
			sort.Strings(next)
			frontier = next
		}
		return nil
	})
	return nonNil(out), err
}

// neighbours lists the asserted statements that have node as subject or
// object, in a stable order.
func (r *reader) neighbours(node string) ([]Step, error) {
	var stmts []quad.Value
	err := r.each(quad.Object, quad.IRI(node), func(qd quad.Quad) error {
		if qd.Predicate == rdfSubject || qd.Predicate == rdfObject {
			stmts = append(stmts, qd.Subject)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var out []Step
	for _, st := range stmts {
		p, err := r.props(st)
		if err != nil {
			return nil, err
		}
		if first(p, hkg(schema.PNegated)) == "true" {
			continue
		}
		out = append(out, Step{Subject: first(p, rdfSubject), Predicate: strings.TrimPrefix(first(p, rdfPredicate), schema.VocabNS), Object: first(p, rdfObject)})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		return a.Subject+a.Predicate+a.Object < b.Subject+b.Predicate+b.Object
	})
	return out, nil
}

// Stats counts what the store holds.
type Stats struct {
	Quads      int64          `json:"quads"`
	Articles   int            `json:"articles"`
	Statements int            `json:"statements"`
	Claims     int            `json:"claims"`
	References int            `json:"references"`
	Entities   map[string]int `json:"entities"`   // by class
	Predicates map[string]int `json:"predicates"` // statements by predicate
}

// Stats counts the store's quads, articles, entities by class and
// statements by predicate.
func (q *Querier) Stats(ctx context.Context) (Stats, error) {
	gen := q.st.Generation()
	q.ixMu.Lock()
	if q.stats != nil && q.statsGen == gen {
		s := *q.stats
		q.ixMu.Unlock()
		return s, nil
	}
	q.ixMu.Unlock()
	s, err := q.countStats(ctx)
	if err == nil {
		q.ixMu.Lock()
		q.stats, q.statsGen = &s, gen
		q.ixMu.Unlock()
	}
	return s, err
}

// countStats counts what Stats reports (cached by Stats until the next
// write).
func (q *Querier) countStats(ctx context.Context) (Stats, error) {
	s := Stats{Entities: map[string]int{}, Predicates: map[string]int{}}
	n, err := q.st.Count(ctx)
	if err != nil {
		return s, err
	}
	s.Quads = n
	err = q.read(ctx, func(r *reader) error {
		typed := map[string]map[quad.Value]bool{}
		if err := r.each(quad.Predicate, rdfType, func(qd quad.Quad) error {
			c := strings.TrimPrefix(lexical(qd.Object), schema.VocabNS)
			if typed[c] == nil {
				typed[c] = map[quad.Value]bool{}
			}
			typed[c][qd.Subject] = true
			return nil
		}); err != nil {
			return err
		}
		for c, nodes := range typed {
			switch schema.Class(c) {
			case schema.ArticleC:
				s.Articles = len(nodes)
			case schema.StatementC:
				s.Statements = len(nodes)
			case schema.ClaimC:
				s.Claims = len(nodes)
			case schema.ReferenceC:
				s.References = len(nodes)
			case schema.EvidenceC, schema.QuantityC:
			default:
				s.Entities[c] = len(nodes)
			}
		}
		seen := map[quad.Value]bool{}
		return r.each(quad.Predicate, rdfPredicate, func(qd quad.Quad) error {
			if !seen[qd.Subject] {
				seen[qd.Subject] = true
				s.Predicates[strings.TrimPrefix(lexical(qd.Object), schema.VocabNS)]++
			}
			return nil
		})
	})
	return s, err
}

// About returns the triples that describe an IRI (graphs merged, no
// repeats, sorted): every triple with it as subject, and the asserted
// statements with it as object. It returns none for an IRI the store does
// not know.
func (q *Querier) About(ctx context.Context, iri string) ([]quad.Quad, error) {
	seen := map[[3]string]bool{}
	var out []quad.Quad
	add := func(qd quad.Quad) {
		k := [3]string{qd.Subject.String(), qd.Predicate.String(), qd.Object.String()}
		if !seen[k] {
			seen[k] = true
			out = append(out, quad.Quad{Subject: qd.Subject, Predicate: qd.Predicate, Object: qd.Object})
		}
	}
	err := q.read(ctx, func(r *reader) error {
		if err := r.each(quad.Subject, quad.IRI(iri), func(qd quad.Quad) error { add(qd); return nil }); err != nil {
			return err
		}
		return r.each(quad.Object, quad.IRI(iri), func(qd quad.Quad) error {
			// an asserted statement's triple sits in the statement's graph
			if p, ok := qd.Predicate.(quad.IRI); ok && strings.HasPrefix(string(p), schema.VocabNS) && qd.Label != nil &&
				strings.Contains(lexical(qd.Label), "/statement/") {
				add(qd)
			}
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Subject.String() != b.Subject.String() {
			return a.Subject.String() < b.Subject.String()
		}
		if a.Predicate.String() != b.Predicate.String() {
			return a.Predicate.String() < b.Predicate.String()
		}
		return a.Object.String() < b.Object.String()
	})
	return out, err
}

// Nodes lists the nodes of a class (at most limit, when limit > 0) by
// label, or by title for articles and references.
func (q *Querier) Nodes(ctx context.Context, c schema.Class, limit int) ([]Entity, error) {
	var out []Entity
	err := q.read(ctx, func(r *reader) error {
		seen := map[quad.Value]bool{}
		return r.each(quad.Object, quad.IRI(c.IRI()), func(qd quad.Quad) error {
			if qd.Predicate != rdfType || seen[qd.Subject] {
				return nil
			}
			seen[qd.Subject] = true
			out = append(out, Entity{IRI: lexical(qd.Subject), Label: r.label(lexical(qd.Subject)), Class: string(c)})
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Label), strings.ToLower(out[j].Label)
		return a < b || a == b && out[i].IRI < out[j].IRI
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, err
}
