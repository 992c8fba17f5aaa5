package queries

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

// Param is one argument of a named query: positional (in order, on the
// command line) or an option (--name on the command line); on HTTP every
// parameter is a query-string field of the same name.
type Param struct {
	Name       string   `json:"name"`
	Doc        string   `json:"doc"`
	Positional bool     `json:"positional,omitempty"`
	Required   bool     `json:"required,omitempty"`
	Bool       bool     `json:"bool,omitempty"` // a flag without a value
	Enum       []string `json:"enum,omitempty"`
}

// Args are the values given to a named query, by parameter name.
type Args map[string]string

// Result is a named query's answer: a table (Columns, Rows) for people and
// spreadsheets, and Data, the same answer as typed values for JSON.
type Result struct {
	Columns []string   `json:"-"`
	Rows    [][]string `json:"-"`
	Data    any        `json:"-"`
}

// Query is a named query of the catalogue.
type Query struct {
	Name    string
	Summary string
	Params  []Param
	run     func(ctx context.Context, q *Querier, a Args) (Result, error)
}

// ArgError says the arguments of a query are wrong (an HTTP 400).
type ArgError struct{ Msg string }

func (e *ArgError) Error() string { return e.Msg }

func argErrorf(format string, a ...any) error { return &ArgError{Msg: fmt.Sprintf(format, a...)} }

// Catalogue lists the named queries, in the order of their documentation.
func Catalogue() []Query { return catalogue }

// Lookup returns the named query.
func Lookup(name string) (Query, bool) {
	for _, c := range catalogue {
		if c.Name == name {
			return c, true
		}
	}
	return Query{}, false
}

// Run checks the arguments against the query's parameters and runs it.
func (c Query) Run(ctx context.Context, q *Querier, a Args) (Result, error) {
	known := map[string]Param{}
	for _, p := range c.Params {
		known[p.Name] = p
		v, ok := a[p.Name]
		if p.Required && (!ok || v == "") {
			return Result{}, argErrorf("%s: missing %s", c.Name, p.Name)
		}
		if ok && v != "" && len(p.Enum) > 0 && !containsStr(p.Enum, v) {
			return Result{}, argErrorf("%s: %s must be one of %s, not %q", c.Name, p.Name, strings.Join(p.Enum, ", "), v)
		}
		if ok && p.Bool && v != "" && v != "true" && v != "false" {
			return Result{}, argErrorf("%s: %s is true or false, not %q", c.Name, p.Name, v)
		}
	}
	for k := range a {
		if _, ok := known[k]; !ok {
			return Result{}, argErrorf("%s: unknown parameter %q", c.Name, k)
		}
	}
	return c.run(ctx, q, a)
}

func containsStr(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

var certaintyEnum = []string{"asserted", "hedged", "speculative"}

var catalogue = []Query{
	{Name: "side-effects", Summary: "the side effects (acute, long-term, withdrawal) of a substance, with certainty and evidence",
		Params: []Param{
			{Name: "substance", Doc: "a substance's label, synonym or IRI", Positional: true, Required: true},
			{Name: "kind", Doc: "acute, long-term or withdrawal", Enum: []string{"acute", "long-term", "withdrawal"}},
			{Name: "min-certainty", Doc: "the least certainty listed", Enum: certaintyEnum},
			{Name: "negated", Doc: "also list side effects the text denies", Bool: true},
		},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			min, err := minCertainty(a)
			if err != nil {
				return Result{}, err
			}
			_, edges, err := q.SideEffects(ctx, a["substance"], a["kind"], min, a["negated"] == "true")
			return edgeResult(edges, false), err
		}},
	{Name: "acts-on", Summary: "what acts on a receptor",
		Params: []Param{{Name: "receptor", Doc: `a receptor's label, synonym or IRI ("mu")`, Positional: true, Required: true}},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			_, edges, err := q.ActsOn(ctx, a["receptor"])
			return edgeResult(edges, true), err
		}},
	{Name: "compounds", Summary: "the active compounds of a substance",
		Params: []Param{{Name: "substance", Doc: "a substance's label, synonym or IRI", Positional: true, Required: true}},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			edges, err := q.from(ctx, a["substance"], []schema.Class{schema.Substance}, schema.HasActiveCompound)
			return edgeResult(edges, false), err
		}},
	{Name: "claims", Summary: "the claims of the articles, about an entity or supported by a reference",
		Params: []Param{
			{Name: "about", Doc: "an entity the claim is about"},
			{Name: "supported-by", Doc: "a reference's title or IRI"},
		},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			cs, err := q.Claims(ctx, a["about"], a["supported-by"])
			return claimResult(cs), err
		}},
	{Name: "evidence", Summary: "every statement from a subject (denied ones too) with its sentences, offsets, certainty and reference; or the claims containing a text",
		Params: []Param{
			{Name: "subject", Doc: "the subject's label, synonym or IRI", Positional: true},
			{Name: "predicate", Doc: "a predicate's local name (hasSideEffect)", Positional: true},
			{Name: "object", Doc: "the object's label, synonym or IRI", Positional: true},
			{Name: "claim", Doc: "the text of a claim, instead of a subject"},
		},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			if a["claim"] != "" {
				if a["subject"] != "" {
					return Result{}, argErrorf("evidence: give a subject or a claim, not both")
				}
				cs, err := q.ClaimEvidence(ctx, a["claim"])
				return claimResult(cs), err
			}
			if a["subject"] == "" {
				return Result{}, argErrorf("evidence: missing subject (or claim)")
			}
			edges, err := q.Evidence(ctx, a["subject"], a["predicate"], a["object"])
			if err != nil {
				if _, ok := err.(*NotFoundError); !ok {
					if _, ok := err.(*AmbiguousError); !ok && strings.HasPrefix(err.Error(), "unknown predicate") {
						return Result{}, &ArgError{Msg: err.Error()}
					}
				}
			}
			return evidenceResult(edges), err
		}},
	{Name: "references", Summary: "the references the articles cite",
		Params: []Param{{Name: "year", Doc: "only references of this year"}},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			year := 0
			if y := a["year"]; y != "" {
				n, err := strconv.Atoi(y)
				if err != nil || n < 1000 || n > 9999 {
					return Result{}, argErrorf("references: year must be four digits, not %q", y)
				}
				year = n
			}
			refs, err := q.References(ctx, year)
			return referenceResult(refs), err
		}},
	{Name: "legal-status", Summary: "the legal and regulatory statuses of a substance, with agency and jurisdiction",
		Params: []Param{{Name: "substance", Doc: "a substance's label, synonym or IRI", Positional: true, Required: true}},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			ls, err := q.LegalStatus(ctx, a["substance"])
			return legalResult(ls), err
		}},
	{Name: "alternatives", Summary: "the alternatives to a substance or treatment, or what is used for a condition",
		Params: []Param{{Name: "name", Doc: "a substance, treatment or condition", Positional: true, Required: true}},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			edges, err := q.Alternatives(ctx, a["name"])
			return edgeResult(edges, true), err
		}},
	{Name: "search", Summary: "full-text search over labels, synonyms, claims and evidence sentences, ranked",
		Params: []Param{
			{Name: "text", Doc: "the words to find", Positional: true, Required: true},
			{Name: "limit", Doc: "the most hits returned (default 20)"},
		},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			limit := 20
			if l := a["limit"]; l != "" {
				n, err := strconv.Atoi(l)
				if err != nil || n < 1 || n > 1000 {
					return Result{}, argErrorf("search: limit must be 1 to 1000, not %q", l)
				}
				limit = n
			}
			hits, err := q.Search(ctx, a["text"], limit)
			return searchResult(hits), err
		}},
	{Name: "describe", Summary: "an entity with every edge in and out",
		Params: []Param{{Name: "entity", Doc: "a label, synonym or IRI", Positional: true, Required: true}},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			d, err := q.Describe(ctx, a["entity"])
			return describeResult(d), err
		}},
	{Name: "path", Summary: "the shortest connection between two entities",
		Params: []Param{
			{Name: "from", Doc: "a label, synonym or IRI", Positional: true, Required: true},
			{Name: "to", Doc: "a label, synonym or IRI", Positional: true, Required: true},
		},
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			p, err := q.Path(ctx, a["from"], a["to"], 6)
			return pathResult(p), err
		}},
	{Name: "stats", Summary: "what the store holds: quads, articles, entities by class, statements by predicate",
		run: func(ctx context.Context, q *Querier, a Args) (Result, error) {
			s, err := q.Stats(ctx)
			return statsResult(s), err
		}},
}

func minCertainty(a Args) (schema.Certainty, error) {
	if a["min-certainty"] == "" {
		return "", nil
	}
	c, err := schema.ParseCertainty(a["min-certainty"])
	if err != nil {
		return "", &ArgError{Msg: err.Error()}
	}
	return c, nil
}

func firstSentence(e Edge) string {
	if len(e.Evidence) == 0 {
		return ""
	}
	return e.Evidence[0].Sentence
}

func edgeResult(edges []Edge, withSubject bool) Result {
	r := Result{Columns: []string{"subject", "predicate", "object", "certainty", "articles", "evidence"}, Data: nonNil(edges)}
	if !withSubject {
		r.Columns = r.Columns[1:]
	}
	for _, e := range edges {
		pred := e.Predicate
		if e.Negated {
			pred = "NOT " + pred
		}
		row := []string{e.SubjectLabel, pred, e.ObjectLabel, e.Certainty, strconv.Itoa(len(e.Articles)), firstSentence(e)}
		if !withSubject {
			row = row[1:]
		}
		r.Rows = append(r.Rows, row)
	}
	return r
}

func evidenceResult(edges []Edge) Result {
	r := Result{Columns: []string{"subject", "predicate", "object", "certainty", "article", "start", "end", "rule", "reference", "sentence"}, Data: nonNil(edges)}
	for _, e := range edges {
		pred := e.Predicate
		if e.Negated {
			pred = "NOT " + pred
		}
		for _, ev := range e.Evidence {
			r.Rows = append(r.Rows, []string{e.SubjectLabel, pred, e.ObjectLabel, ev.Certainty, ev.Article,
				strconv.Itoa(ev.Start), strconv.Itoa(ev.End), ev.Rule, strings.Join(e.References, " "), ev.Sentence})
		}
	}
	return r
}

func claimResult(cs []Claim) Result {
	r := Result{Columns: []string{"certainty", "quoted", "article", "start", "end", "references", "text"}, Data: nonNil(cs)}
	for _, c := range cs {
		r.Rows = append(r.Rows, []string{c.Certainty, strconv.FormatBool(c.Quoted), c.Article, strconv.Itoa(c.Start), strconv.Itoa(c.End),
			strings.Join(c.References, " "), c.Text})
	}
	return r
}

func referenceResult(refs []Reference) Result {
	r := Result{Columns: []string{"year", "authors", "title", "venue", "claims", "iri"}, Data: nonNil(refs)}
	for _, x := range refs {
		year := ""
		if x.Year > 0 {
			year = strconv.Itoa(x.Year)
		}
		r.Rows = append(r.Rows, []string{year, strings.Join(x.Authors, "; "), x.Title, x.Venue, strconv.Itoa(x.Claims), x.IRI})
	}
	return r
}

func legalResult(ls []LegalStatus) Result {
	r := Result{Columns: []string{"substance", "status", "agency", "jurisdiction", "certainty", "evidence"}, Data: nonNil(ls)}
	for _, l := range ls {
		r.Rows = append(r.Rows, []string{l.Edge.SubjectLabel, l.Edge.ObjectLabel, l.AgencyLabel, l.JurisdictionLabel, l.Edge.Certainty, firstSentence(l.Edge)})
	}
	return r
}

func searchResult(hits []Hit) Result {
	r := Result{Columns: []string{"score", "kind", "label", "text", "iri"}, Data: nonNil(hits)}
	for _, h := range hits {
		r.Rows = append(r.Rows, []string{strconv.FormatFloat(h.Score, 'f', 2, 64), h.Kind, h.Label, h.Text, h.IRI})
	}
	return r
}

func describeResult(d Description) Result {
	r := Result{Columns: []string{"direction", "predicate", "other", "certainty", "articles"}, Data: d}
	for _, e := range d.Out {
		pred := e.Predicate
		if e.Negated {
			pred = "NOT " + pred
		}
		r.Rows = append(r.Rows, []string{"out", pred, e.ObjectLabel, e.Certainty, strconv.Itoa(len(e.Articles))})
	}
	for _, e := range d.In {
		pred := e.Predicate
		if e.Negated {
			pred = "NOT " + pred
		}
		r.Rows = append(r.Rows, []string{"in", pred, e.SubjectLabel, e.Certainty, strconv.Itoa(len(e.Articles))})
	}
	return r
}

func pathResult(p []Step) Result {
	r := Result{Columns: []string{"from", "predicate", "to"}, Data: nonNil(p)}
	for _, s := range p {
		r.Rows = append(r.Rows, []string{s.SubjectLabel, s.Predicate, s.ObjectLabel})
	}
	return r
}

func statsResult(s Stats) Result {
	r := Result{Columns: []string{"what", "count"}, Data: s}
	r.Rows = append(r.Rows, []string{"quads", strconv.FormatInt(s.Quads, 10)}, []string{"articles", strconv.Itoa(s.Articles)},
		[]string{"statements", strconv.Itoa(s.Statements)}, []string{"claims", strconv.Itoa(s.Claims)}, []string{"references", strconv.Itoa(s.References)})
	for _, k := range sortedKeys(s.Entities) {
		r.Rows = append(r.Rows, []string{"entities: " + k, strconv.Itoa(s.Entities[k])})
	}
	for _, k := range sortedKeys(s.Predicates) {
		r.Rows = append(r.Rows, []string{"statements: " + k, strconv.Itoa(s.Predicates[k])})
	}
	return r
}

func sortedKeys(m map[string]int) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// nonNil makes an empty answer a JSON [] rather than null.
func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}
