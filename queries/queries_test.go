package queries_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/queries"
	"github.com/healthkg/healthkg/schema"
)

// The fixture: two small articles about kratom, written with Store.Replace
// into a memory store and a bolt store. Both articles state some facts
// (kratom's nausea, constipation, mitragynine acting on the mu receptor),
// so those must come back as one edge each, with the evidence of both.

var mint = schema.DefaultMinter()

func ent(c schema.Class, label string, syn ...string) schema.Entity {
	return schema.Entity{IRI: mint.Entity(c, label), Class: c, Label: label, Synonyms: syn}
}

var (
	kratom         = ent(schema.Substance, "kratom", "Mitragyna speciosa", "ketum")
	caffeineS      = ent(schema.Substance, "caffeine")
	caffeineC      = ent(schema.Compound, "caffeine")
	mitragynine    = ent(schema.Compound, "mitragynine")
	hydroxy        = ent(schema.Compound, "7-hydroxymitragynine", "7-OH")
	mu             = ent(schema.Receptor, "mu opioid receptor", "primary opioid receptor")
	kappa          = ent(schema.Receptor, "kappa opioid receptor")
	nausea         = ent(schema.Condition, "nausea", "queasiness")
	constipation   = ent(schema.Condition, "constipation")
	liverDamage    = ent(schema.Condition, "liver damage")
	insomnia       = ent(schema.Condition, "insomnia")
	seizures       = ent(schema.Condition, "seizures")
	hallucinations = ent(schema.Condition, "hallucinations")

	allEntities = []schema.Entity{kratom, caffeineS, caffeineC, mitragynine, hydroxy, mu, kappa,
		nausea, constipation, liverDamage, insomnia, seizures, hallucinations}
)

const (
	src1 = "https://example.org/kratom-facts"
	src2 = "corpus/kratom-review.md"
)

var (
	art1 = mint.Article(src1)
	art2 = mint.Article(src2)

	ref1 = schema.Reference{IRI: mint.Reference("Kratom use in the US", 2020, ""),
		Raw: "Smith J. Kratom use in the US. J Psych. 2020.", Span: schema.Span{Start: 2000, End: 2045}, Number: 1,
		Authors: []string{"Smith J"}, Year: 2020, Title: "Kratom use in the US", Venue: "J Psych", Type: "journal article"}
	ref2 = schema.Reference{IRI: mint.Reference("Kratom and the liver", 2021, ""),
		Raw: "Doe A. Kratom and the liver. Hepatology. 2021.", Span: schema.Span{Start: 2046, End: 2092}, Number: 2,
		Authors: []string{"Doe A"}, Year: 2021, Title: "Kratom and the liver", Venue: "Hepatology", Type: "journal article"}
)

// ev is evidence for a sentence at start (End follows from its bytes).
func ev(article string, start int, sentence, section, rule string, c schema.Certainty, cues ...string) schema.Evidence {
	return schema.Evidence{Article: article, Sentence: sentence, Span: schema.Span{Start: start, End: start + len(sentence)},
		Section: section, Rule: rule, Certainty: c, Cues: cues}
}

func stmt(s schema.Entity, p schema.Predicate, o schema.Entity, evs ...schema.Evidence) schema.Statement {
	return schema.Statement{Subject: s.IRI, Predicate: p, Object: o.IRI, Evidence: evs}
}

func denied(s schema.Statement) schema.Statement { s.Negated = true; return s }

func citing(s schema.Statement, ref string) schema.Statement { s.Reference = ref; return s }

// The statements of article 1.
var (
	a1Nausea = stmt(kratom, schema.HasSideEffect, nausea,
		// quotes, a newline, an em dash and a non-ASCII letter must survive
		ev(art1, 120, "Kratom can cause nausea \"and\" vomiting —\nespecially at μ-high doses.", "Side effects", "side-effect", schema.Asserted))
	a1Constipation = stmt(kratom, schema.HasSideEffect, constipation,
		ev(art1, 200, "It may also cause constipation.", "Side effects", "side-effect", schema.Hedged, "may"))
	a1Liver = citing(stmt(kratom, schema.HasLongTermSideEffect, liverDamage,
		ev(art1, 240, "Some reports suggest long-term use could damage the liver.", "Long-term use", "long-term", schema.Speculative,
			"could", "some reports suggest")), ref2.IRI)
	a1Insomnia = stmt(kratom, schema.HasWithdrawalSymptom, insomnia, schema.Evidence{
		Article: art1, Sentence: "Withdrawal symptoms include:", Span: schema.Span{Start: 300, End: 328},
		Item: "trouble sleeping (insomnia)", ItemSpan: schema.Span{Start: 331, End: 358},
		Section: "Withdrawal", Rule: "list", Certainty: schema.Asserted})
	a1Hallucinations = denied(stmt(kratom, schema.HasSideEffect, hallucinations,
		ev(art1, 400, "Kratom does not cause hallucinations.", "Side effects", "side-effect", schema.Negated, "does not")))
	a1Seizures = denied(stmt(kratom, schema.HasSideEffect, seizures,
		ev(art1, 450, "There is no evidence that kratom causes seizures.", "Side effects", "side-effect", schema.Negated, "no evidence")))
	a1MuMitra = citing(stmt(mitragynine, schema.ActsOn, mu,
		ev(art1, 600, "Mitragynine may act on the mu opioid receptor.", "How it works", "acts-on", schema.Hedged, "may")), ref1.IRI)
	a1Compound = stmt(kratom, schema.HasActiveCompound, mitragynine,
		ev(art1, 20, "Kratom contains mitragynine.", "", "contains", schema.Asserted))

	claimUnsafe = schema.Claim{IRI: mint.Claim("kratom is unsafe"), Text: "kratom is unsafe",
		Context: "A 2020 study found that: \"kratom is unsafe\".", Span: schema.Span{Start: 500, End: 545},
		TextSpan: schema.Span{Start: 526, End: 542}, Section: "Safety", Quoted: true, Certainty: schema.Asserted,
		Attribution: "A 2020 study found that:", Reference: ref1.IRI, About: []string{kratom.IRI}}
)

// The statements of article 2.
var (
	a2Nausea = stmt(kratom, schema.HasSideEffect, nausea,
		ev(art2, 40, "Nausea may occur.", "Effects", "side-effect", schema.Hedged, "may"))
	a2Constipation = stmt(kratom, schema.HasSideEffect, constipation,
		ev(art2, 60, "Constipation might follow.", "Effects", "side-effect", schema.Speculative, "might"))
	a2Seizures = stmt(kratom, schema.HasSideEffect, seizures,
		ev(art2, 90, "Seizures have been reported in heavy users.", "Effects", "side-effect", schema.Asserted))
	a2MuHydroxy = citing(stmt(hydroxy, schema.ActsOn, mu,
		ev(art2, 140, "7-OH binds the mu opioid receptor.", "Pharmacology", "acts-on", schema.Asserted)), ref1.IRI)
	a2MuMitra = citing(stmt(mitragynine, schema.ActsOn, mu,
		ev(art2, 180, "Mitragynine is thought to bind mu receptors.", "Pharmacology", "acts-on", schema.Speculative, "is thought to"),
		ev(art2, 230, "Mitragynine probably activates the primary opioid receptor.", "Pharmacology", "acts-on", schema.Hedged, "probably")),
		ref2.IRI)
	a2KappaMitra = stmt(mitragynine, schema.ActsOn, kappa,
		ev(art2, 300, "It may also act on kappa receptors.", "Pharmacology", "acts-on", schema.Hedged, "may"))
	a2Caffeine = stmt(caffeineS, schema.HasSideEffect, insomnia,
		ev(art2, 350, "Caffeine causes insomnia.", "", "side-effect", schema.Asserted))

	claimUnsafeDoses = schema.Claim{IRI: mint.Claim("kratom is unsafe at high doses"), Text: "kratom is unsafe at high doses",
		Context: "Some users say kratom is unsafe at high doses.", Span: schema.Span{Start: 700, End: 746},
		TextSpan: schema.Span{Start: 715, End: 745}, Section: "User reports", Certainty: schema.Hedged, Cues: []string{"say"},
		Attribution: "Some users say", Reference: ref2.IRI, About: []string{kratom.IRI}}
	claimWithdrawal = schema.Claim{IRI: mint.Claim("kratom might help with opioid withdrawal"),
		Text: "kratom might help with opioid withdrawal", Context: "Some say kratom might help with opioid withdrawal.",
		Span: schema.Span{Start: 800, End: 850}, TextSpan: schema.Span{Start: 809, End: 849}, Certainty: schema.Hedged,
		Cues: []string{"might", "some say"}, About: []string{kratom.IRI}}
)

func article1() *schema.Article {
	return &schema.Article{IRI: art1, Graph: mint.Graph(src1), Source: src1, Title: "Kratom facts", Format: "html",
		ContentHash: "sha256:" + strings.Repeat("1", 64), Length: 2100,
		Entities: []schema.Entity{kratom, mitragynine, mu, nausea, constipation, liverDamage, insomnia, seizures, hallucinations},
		Statements: []schema.Statement{a1Nausea, a1Constipation, a1Liver, a1Insomnia, a1Hallucinations, a1Seizures,
			a1MuMitra, a1Compound},
		Claims:     []schema.Claim{claimUnsafe},
		References: []schema.Reference{ref1, ref2},
	}
}

func article2() *schema.Article {
	return &schema.Article{IRI: art2, Graph: mint.Graph(src2), Source: src2, Title: "A review of kratom", Format: "markdown",
		ContentHash: "sha256:" + strings.Repeat("2", 64), Length: 2100,
		Entities: []schema.Entity{kratom, caffeineS, caffeineC, mitragynine, hydroxy, mu, kappa, nausea, constipation,
			seizures, insomnia},
		Statements: []schema.Statement{a2Nausea, a2Constipation, a2Seizures, a2MuHydroxy, a2MuMitra, a2KappaMitra, a2Caffeine},
		Claims:     []schema.Claim{claimUnsafeDoses, claimWithdrawal},
		References: []schema.Reference{ref1, ref2},
	}
}

var backends = []string{"memory", "bolt"}

func openStore(tb testing.TB, backend string) *graph.Store {
	tb.Helper()
	cfg := graph.Config{Backend: backend}
	if backend == "bolt" {
		cfg.Path = filepath.Join(tb.TempDir(), "store")
	}
	st, err := graph.Open(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("open %s store: %v", backend, err)
	}
	tb.Cleanup(func() { st.Close() }) // ErrClosed when a test closed it: fine
	return st
}

func write(tb testing.TB, st *graph.Store, arts ...*schema.Article) {
	tb.Helper()
	for _, a := range arts {
		if _, err := st.Replace(context.Background(), mint, a); err != nil {
			tb.Fatalf("replace %s: %v", a.IRI, err)
		}
	}
}

// eachBackend runs fn on a querier over the two fixture articles, once per
// backend.
func eachBackend(t *testing.T, fn func(t *testing.T, q *queries.Querier)) {
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			st := openStore(t, b)
			write(t, st, article1(), article2())
			fn(t, queries.New(st))
		})
	}
}

// Expected values.

var labels = func() map[string]string {
	m := map[string]string{}
	for _, e := range allEntities {
		m[e.IRI] = e.Label
	}
	return m
}()

func qent(e schema.Entity) queries.Entity {
	return queries.Entity{IRI: e.IRI, Label: e.Label, Class: string(e.Class)}
}

func qev(e schema.Evidence) queries.Evidence {
	return queries.Evidence{Article: e.Article, Sentence: e.Sentence, Start: e.Start, End: e.End, Item: e.Item,
		Section: e.Section, Rule: e.Rule, Certainty: string(e.Certainty), Cues: e.Cues}
}

// said is a statement made by an article.
type said struct {
	article string
	st      schema.Statement
}

// edge is the expected merged edge for one fact stated by the parts, with
// the certainty given explicitly (not recomputed) so that the merging rule
// is checked.
func edge(cert schema.Certainty, parts ...said) queries.Edge {
	s := parts[0].st
	e := queries.Edge{Subject: s.Subject, SubjectLabel: labels[s.Subject], Predicate: string(s.Predicate),
		Object: s.Object, ObjectLabel: labels[s.Object], Negated: s.Negated, Certainty: string(cert)}
	add := func(l []string, x string) []string {
		if x == "" {
			return l
		}
		for _, y := range l {
			if y == x {
				return l
			}
		}
		l = append(l, x)
		sort.Strings(l)
		return l
	}
	for _, p := range parts {
		e.Articles = add(e.Articles, p.article)
		e.References = add(e.References, p.st.Reference)
		for _, x := range p.st.Evidence {
			e.Evidence = append(e.Evidence, qev(x))
		}
	}
	sort.SliceStable(e.Evidence, func(i, j int) bool {
		a, b := e.Evidence[i], e.Evidence[j]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		return a.Start < b.Start
	})
	return e
}

func one(article string, st schema.Statement) said { return said{article, st} }

var (
	eNausea         = edge(schema.Asserted, one(art1, a1Nausea), one(art2, a2Nausea))
	eConstipation   = edge(schema.Hedged, one(art1, a1Constipation), one(art2, a2Constipation))
	eLiver          = edge(schema.Speculative, one(art1, a1Liver))
	eInsomnia       = edge(schema.Asserted, one(art1, a1Insomnia))
	eHallucinations = edge(schema.Negated, one(art1, a1Hallucinations))
	eSeizuresDenied = edge(schema.Negated, one(art1, a1Seizures))
	eSeizures       = edge(schema.Asserted, one(art2, a2Seizures))
	eMuMitra        = edge(schema.Hedged, one(art1, a1MuMitra), one(art2, a2MuMitra))
	eMuHydroxy      = edge(schema.Asserted, one(art2, a2MuHydroxy))
	eKappaMitra     = edge(schema.Hedged, one(art2, a2KappaMitra))
	eCompound       = edge(schema.Asserted, one(art1, a1Compound))
)

func qclaim(c schema.Claim, article string) queries.Claim {
	out := queries.Claim{IRI: c.IRI, Text: c.Text, Context: c.Context, Article: article, Start: c.Start, End: c.End,
		Section: c.Section, Certainty: string(c.Certainty), Quoted: c.Quoted, Attribution: c.Attribution}
	if c.Reference != "" {
		out.References = []string{c.Reference}
	}
	return out
}

func sortedStrings(ss ...string) []string {
	sort.Strings(ss)
	return ss
}

func js(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

func same(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %s\nwant %s", what, js(got), js(want))
	}
}

// wantErr describes the error a query must return.
type wantErr int

const (
	noError wantErr = iota
	notFound
	ambiguous
	otherError
)

// checkErr checks the kind of err; it reports whether the query succeeded.
func checkErr(t *testing.T, err error, want wantErr, name string, cands []schema.Entity) bool {
	t.Helper()
	var nf *queries.NotFoundError
	var amb *queries.AmbiguousError
	switch want {
	case noError:
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return true
	case notFound:
		if !errors.As(err, &nf) {
			t.Fatalf("err = %v (%T), want *NotFoundError", err, err)
		}
		if nf.Name != name {
			t.Errorf("NotFoundError.Name = %q, want %q", nf.Name, name)
		}
	case ambiguous:
		if !errors.As(err, &amb) {
			t.Fatalf("err = %v (%T), want *AmbiguousError", err, err)
		}
		if amb.Name != name {
			t.Errorf("AmbiguousError.Name = %q, want %q", amb.Name, name)
		}
		var want []queries.Entity
		for _, c := range cands {
			want = append(want, qent(c))
		}
		sort.Slice(want, func(i, j int) bool { return want[i].IRI < want[j].IRI })
		same(t, "candidates", amb.Candidates, want)
		for _, c := range cands {
			if !strings.Contains(err.Error(), c.IRI) {
				t.Errorf("the error does not list the candidate %s:\n%v", c.IRI, err)
			}
		}
	case otherError:
		if err == nil || errors.As(err, &nf) || errors.As(err, &amb) {
			t.Fatalf("err = %v (%T), want a plain error", err, err)
		}
	}
	return false
}

func TestResolve(t *testing.T) {
	stmtIRI := mint.Statement(art1, a1Nausea.Key())
	tests := []struct {
		name    string
		classes []schema.Class
		want    schema.Entity
		err     wantErr
		cands   []schema.Entity
	}{
		{name: "kratom", want: kratom},
		{name: "  Kratom ", want: kratom},
		{name: "KETUM", want: kratom},               // synonym, other case
		{name: "mitragyna SPECIOSA", want: kratom},  // synonym of two words
		{name: "Mitragyna-Speciosa", err: notFound}, // a hyphen is part of the key
		{name: kratom.IRI, want: kratom},            // IRI
		{name: kratom.IRI, classes: []schema.Class{schema.Receptor}, err: notFound},
		{name: "7-oh", want: hydroxy},                                    // synonym with a hyphen
		{name: "mu", want: mu},                                           // partial, unique
		{name: "MU", classes: []schema.Class{schema.Receptor}, want: mu}, // partial with a class
		{name: "Primary Opioid Receptor", want: mu},                      // synonym
		{name: "kappa", want: kappa},
		{name: "opioid receptor", err: ambiguous, cands: []schema.Entity{mu, kappa}}, // partial, ambiguous
		{name: "caffeine", err: ambiguous, cands: []schema.Entity{caffeineS, caffeineC}},
		{name: "caffeine", classes: []schema.Class{schema.Compound}, want: caffeineC},
		{name: "caffeine", classes: []schema.Class{schema.Substance, schema.Treatment}, want: caffeineS},
		{name: "caffeine", classes: []schema.Class{schema.Receptor, schema.Treatment}, err: notFound},
		{name: "nausea", classes: []schema.Class{schema.Condition}, want: nausea},
		{name: "nausea", classes: []schema.Class{schema.Receptor}, err: notFound},
		{name: "queasiness", want: nausea},
		{name: "ibogaine", err: notFound},
		{name: "nause", err: notFound}, // partial matches whole words only
		{name: "", err: notFound},
		{name: "https://example.org/nothing", err: notFound},
		{name: stmtIRI, err: notFound}, // a statement is not an entity
	}
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		for _, tc := range tests {
			t.Run(fmt.Sprintf("%q%v", tc.name, tc.classes), func(t *testing.T) {
				got, err := q.Resolve(context.Background(), tc.name, tc.classes...)
				if checkErr(t, err, tc.err, tc.name, tc.cands) {
					same(t, "entity", got, qent(tc.want))
				}
			})
		}
	})
}

func TestSideEffects(t *testing.T) {
	tests := []struct {
		name      string
		substance string
		kind      string
		min       schema.Certainty
		negated   bool
		want      []queries.Edge
		err       wantErr
		cands     []schema.Entity
	}{
		// sorted by predicate, then object label
		{name: "all kinds", substance: "kratom",
			want: []queries.Edge{eLiver, eConstipation, eNausea, eSeizures, eInsomnia}},
		{name: "synonym", substance: "Ketum",
			want: []queries.Edge{eLiver, eConstipation, eNausea, eSeizures, eInsomnia}},
		{name: "IRI", substance: kratom.IRI,
			want: []queries.Edge{eLiver, eConstipation, eNausea, eSeizures, eInsomnia}},
		{name: "acute", substance: "kratom", kind: "acute",
			want: []queries.Edge{eConstipation, eNausea, eSeizures}},
		{name: "long-term", substance: "kratom", kind: "long-term", want: []queries.Edge{eLiver}},
		{name: "withdrawal", substance: "kratom", kind: "withdrawal", want: []queries.Edge{eInsomnia}},
		{name: "min asserted", substance: "kratom", min: schema.Asserted,
			want: []queries.Edge{eNausea, eSeizures, eInsomnia}},
		{name: "min hedged", substance: "kratom", min: schema.Hedged,
			want: []queries.Edge{eConstipation, eNausea, eSeizures, eInsomnia}},
		{name: "min speculative", substance: "kratom", min: schema.Speculative,
			want: []queries.Edge{eLiver, eConstipation, eNausea, eSeizures, eInsomnia}},
		{name: "acute min asserted", substance: "kratom", kind: "acute", min: schema.Asserted,
			want: []queries.Edge{eNausea, eSeizures}},
		// denied side effects come after the asserted edge of the same fact
		{name: "negated", substance: "kratom", negated: true,
			want: []queries.Edge{eLiver, eConstipation, eHallucinations, eNausea, eSeizures, eSeizuresDenied, eInsomnia}},
		{name: "acute negated", substance: "kratom", kind: "acute", negated: true,
			want: []queries.Edge{eConstipation, eHallucinations, eNausea, eSeizures, eSeizuresDenied}},
		{name: "withdrawal negated", substance: "kratom", kind: "withdrawal", negated: true,
			want: []queries.Edge{eInsomnia}},
		{name: "compound has none", substance: "mitragynine", want: nil},
		{name: "caffeine ambiguous", substance: "caffeine", err: ambiguous, cands: []schema.Entity{caffeineS, caffeineC}},
		{name: "caffeine by IRI", substance: caffeineS.IRI,
			want: []queries.Edge{edge(schema.Asserted, one(art2, a2Caffeine))}},
		{name: "not a substance", substance: "nausea", err: notFound},
		{name: "unknown", substance: "ibogaine", err: notFound},
		{name: "unknown kind", substance: "kratom", kind: "chronic", err: otherError},
	}
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				e, edges, err := q.SideEffects(context.Background(), tc.substance, tc.kind, tc.min, tc.negated)
				if !checkErr(t, err, tc.err, tc.substance, tc.cands) {
					return
				}
				who := kratom
				if tc.substance == "mitragynine" {
					who = mitragynine
				} else if tc.substance == caffeineS.IRI {
					who = caffeineS
				}
				same(t, "entity", e, qent(who))
				same(t, "edges", edges, tc.want)
				for _, ed := range edges {
					if ed.Negated != (ed.Certainty == string(schema.Negated)) {
						t.Errorf("%s %s: negated=%v but certainty %q", ed.Predicate, ed.ObjectLabel, ed.Negated, ed.Certainty)
					}
					if !tc.negated && ed.Negated {
						t.Errorf("a denied side effect without negated: %+v", ed)
					}
				}
			})
		}
	})
}

// TestMerge checks the merging rule on its own: the same (subject,
// predicate, object) in two articles is one edge with both articles and the
// evidence of both, and its certainty is the firmest of the evidence.
func TestMerge(t *testing.T) {
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		ctx := context.Background()
		edges, err := q.Edges(ctx, queries.Filter{Subject: kratom.IRI, Object: nausea.IRI})
		if err != nil {
			t.Fatal(err)
		}
		if len(edges) != 1 {
			t.Fatalf("got %d edges for kratom-nausea, want 1: %s", len(edges), js(edges))
		}
		e := edges[0]
		same(t, "articles", e.Articles, sortedStrings(art1, art2))
		if len(e.Evidence) != 2 || e.Evidence[0].Article == e.Evidence[1].Article {
			t.Errorf("want one piece of evidence from each article, got %s", js(e.Evidence))
		}
		if e.Certainty != "asserted" {
			t.Errorf("certainty %q, want asserted (asserted in one article, hedged in the other)", e.Certainty)
		}

		// hedged + speculative -> hedged; references of both articles
		edges, err = q.Edges(ctx, queries.Filter{Object: mu.IRI, Subject: mitragynine.IRI})
		if err != nil {
			t.Fatal(err)
		}
		same(t, "mitragynine acts on mu", edges, []queries.Edge{eMuMitra})
		if len(edges) == 1 {
			same(t, "references", edges[0].References, sortedStrings(ref1.IRI, ref2.IRI))
			if len(edges[0].Evidence) != 3 {
				t.Errorf("want 3 pieces of evidence, got %d", len(edges[0].Evidence))
			}
		}

		// the same fact denied in one article and asserted in another stays
		// two edges
		edges, err = q.Edges(ctx, queries.Filter{Subject: kratom.IRI, Object: seizures.IRI, Negated: true})
		if err != nil {
			t.Fatal(err)
		}
		same(t, "seizures", edges, []queries.Edge{eSeizures, eSeizuresDenied})

		// a filter needs a subject or an object
		if _, err := q.Edges(ctx, queries.Filter{Predicates: []schema.Predicate{schema.ActsOn}}); err == nil {
			t.Error("Edges with an empty filter: no error")
		}
	})
}

func TestActsOn(t *testing.T) {
	tests := []struct {
		receptor string
		want     []queries.Edge
		entity   schema.Entity
		err      wantErr
		cands    []schema.Entity
	}{
		// sorted by subject label: "7-hydroxymitragynine" < "mitragynine"
		{receptor: "mu", entity: mu, want: []queries.Edge{eMuHydroxy, eMuMitra}},
		{receptor: "Mu Opioid Receptor", entity: mu, want: []queries.Edge{eMuHydroxy, eMuMitra}},
		{receptor: mu.IRI, entity: mu, want: []queries.Edge{eMuHydroxy, eMuMitra}},
		{receptor: "kappa", entity: kappa, want: []queries.Edge{eKappaMitra}},
		{receptor: "opioid receptor", err: ambiguous, cands: []schema.Entity{mu, kappa}},
		{receptor: "kratom", err: notFound}, // not a receptor
		{receptor: "delta opioid receptor", err: notFound},
	}
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		for _, tc := range tests {
			t.Run(tc.receptor, func(t *testing.T) {
				e, edges, err := q.ActsOn(context.Background(), tc.receptor)
				if checkErr(t, err, tc.err, tc.receptor, tc.cands) {
					same(t, "entity", e, qent(tc.entity))
					same(t, "edges", edges, tc.want)
				}
			})
		}
	})
}

func TestEvidence(t *testing.T) {
	tests := []struct {
		name                       string
		subject, predicate, object string
		want                       []queries.Edge
		err                        wantErr
		errName                    string
	}{
		{name: "everything from kratom (denied too)", subject: "kratom",
			want: []queries.Edge{eCompound, eLiver, eConstipation, eHallucinations, eNausea, eSeizures, eSeizuresDenied, eInsomnia}},
		{name: "by predicate", subject: "kratom", predicate: "hasLongTermSideEffect", want: []queries.Edge{eLiver}},
		{name: "by predicate and object", subject: "kratom", predicate: "hasSideEffect", object: "NAUSEA",
			want: []queries.Edge{eNausea}},
		{name: "object by synonym", subject: "ketum", predicate: "hasSideEffect", object: "queasiness",
			want: []queries.Edge{eNausea}},
		{name: "object only", subject: "kratom", object: "seizures", want: []queries.Edge{eSeizures, eSeizuresDenied}},
		{name: "denied only", subject: "kratom", predicate: "hasSideEffect", object: "hallucinations",
			want: []queries.Edge{eHallucinations}},
		{name: "merged", subject: "mitragynine", predicate: "actsOn", object: "mu", want: []queries.Edge{eMuMitra}},
		{name: "compound", subject: "mitragynine",
			want: []queries.Edge{eKappaMitra, eMuMitra}},
		{name: "nothing stated", subject: "kratom", predicate: "actsOn", want: nil},
		{name: "wrong predicate for the pair", subject: "kratom", predicate: "usedFor", object: "nausea", want: nil},
		{name: "unknown predicate", subject: "kratom", predicate: "causes", err: otherError},
		{name: "predicate by label", subject: "kratom", predicate: "has side effect", err: otherError},
		{name: "unknown subject", subject: "ibogaine", err: notFound, errName: "ibogaine"},
		{name: "unknown object", subject: "kratom", predicate: "hasSideEffect", object: "tinnitus",
			err: notFound, errName: "tinnitus"},
		{name: "ambiguous object", subject: "mitragynine", predicate: "actsOn", object: "opioid receptor",
			err: ambiguous, errName: "opioid receptor"},
	}
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				edges, err := q.Evidence(context.Background(), tc.subject, tc.predicate, tc.object)
				var cands []schema.Entity
				if tc.err == ambiguous {
					cands = []schema.Entity{mu, kappa}
				}
				if checkErr(t, err, tc.err, tc.errName, cands) {
					same(t, "edges", edges, tc.want)
				}
			})
		}
	})
}

// TestEvidenceExact checks every field of the evidence against what was
// written, for a sentence with quotes, a newline, a dash and a non-ASCII
// letter, for list-item evidence and for evidence with several cues.
func TestEvidenceExact(t *testing.T) {
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		ctx := context.Background()
		for _, tc := range []struct {
			object string
			st     schema.Statement
		}{
			{"nausea", a1Nausea},
			{"insomnia", a1Insomnia},
			{"liver damage", a1Liver},
			{"hallucinations", a1Hallucinations},
		} {
			edges, err := q.Evidence(ctx, "kratom", string(tc.st.Predicate), tc.object)
			if err != nil {
				t.Fatal(err)
			}
			var found bool
			for _, e := range edges {
				for _, got := range e.Evidence {
					if got.Article != art1 {
						continue
					}
					found = true
					w := tc.st.Evidence[0]
					same(t, tc.object+" evidence", got, qev(w))
					if got.Sentence != w.Sentence || got.Start != w.Start || got.End != w.End || got.Item != w.Item ||
						got.Section != w.Section || got.Rule != w.Rule || got.Certainty != string(w.Certainty) {
						t.Errorf("%s: evidence differs from what was written", tc.object)
					}
					if got.End-got.Start != len(got.Sentence) {
						t.Errorf("%s: offsets [%d,%d) do not span the %d bytes of the sentence", tc.object, got.Start, got.End, len(got.Sentence))
					}
				}
			}
			if !found {
				t.Errorf("%s: no evidence from article 1 in %s", tc.object, js(edges))
			}
		}
	})
}

func TestClaimEvidence(t *testing.T) {
	tests := []struct {
		text string
		want []queries.Claim
	}{
		{"kratom is unsafe", []queries.Claim{qclaim(claimUnsafe, art1), qclaim(claimUnsafeDoses, art2)}},
		{"KRATOM, is unsafe!", []queries.Claim{qclaim(claimUnsafe, art1), qclaim(claimUnsafeDoses, art2)}},
		{"Unsafe At High", []queries.Claim{qclaim(claimUnsafeDoses, art2)}},
		{"opioid withdrawal", []queries.Claim{qclaim(claimWithdrawal, art2)}},
		{"ibogaine", nil},
	}
	// sorted by article IRI, then offset
	for _, tc := range tests {
		sort.SliceStable(tc.want, func(i, j int) bool { return tc.want[i].Article < tc.want[j].Article })
	}
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		for _, tc := range tests {
			t.Run(tc.text, func(t *testing.T) {
				got, err := q.ClaimEvidence(context.Background(), tc.text)
				if err != nil {
					t.Fatal(err)
				}
				same(t, "claims", got, tc.want)
				for _, c := range got {
					if c.Text == claimUnsafe.Text && !reflect.DeepEqual(c.References, []string{ref1.IRI}) {
						t.Errorf("claim %q: references %v, want %s", c.Text, c.References, ref1.IRI)
					}
				}
			})
		}
	})
}

// TestReplaceUpdates checks that the queries see what Replace writes: once
// article 2 no longer says kratom causes nausea, the edge has article 1's
// evidence only and its certainty.
func TestReplaceUpdates(t *testing.T) {
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			ctx := context.Background()
			st := openStore(t, b)
			write(t, st, article1(), article2())
			a2 := article2()
			a2.Statements = a2.Statements[1:] // drop a2Nausea
			write(t, st, a2)
			q := queries.New(st)
			edges, err := q.Evidence(ctx, "kratom", "hasSideEffect", "nausea")
			if err != nil {
				t.Fatal(err)
			}
			same(t, "edges", edges, []queries.Edge{edge(schema.Asserted, one(art1, a1Nausea))})
			// article 1 re-written without its asserted evidence: hedged remains
			a1 := article1()
			a1.Statements = a1.Statements[1:]
			write(t, st, a1, article2())
			edges, err = q.Evidence(ctx, "kratom", "hasSideEffect", "nausea")
			if err != nil {
				t.Fatal(err)
			}
			same(t, "edges", edges, []queries.Edge{edge(schema.Hedged, one(art2, a2Nausea))})
		})
	}
}

// TestClosed checks that every query on a closed store fails with
// graph.ErrClosed rather than panicking.
func TestClosed(t *testing.T) {
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			st := openStore(t, b)
			write(t, st, article1())
			if err := st.Close(); err != nil {
				t.Fatal(err)
			}
			q := queries.New(st)
			ctx := context.Background()
			calls := map[string]func() error{
				"Resolve": func() error { _, err := q.Resolve(ctx, "kratom"); return err },
				"Edges": func() error {
					_, err := q.Edges(ctx, queries.Filter{Subject: kratom.IRI})
					return err
				},
				"SideEffects": func() error { _, _, err := q.SideEffects(ctx, "kratom", "", "", false); return err },
				"ActsOn":      func() error { _, _, err := q.ActsOn(ctx, "mu"); return err },
				"Evidence":    func() error { _, err := q.Evidence(ctx, "kratom", "hasSideEffect", "nausea"); return err },
				"ClaimEvidence": func() error {
					_, err := q.ClaimEvidence(ctx, "kratom")
					return err
				},
			}
			for name, call := range calls {
				t.Run(name, func(t *testing.T) {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("panic: %v", r)
						}
					}()
					if err := call(); !errors.Is(err, graph.ErrClosed) {
						t.Fatalf("err = %v, want graph.ErrClosed", err)
					}
				})
			}
		})
	}
}

// TestCanceled checks that a canceled context stops a query with its error.
func TestCanceled(t *testing.T) {
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := q.Resolve(ctx, "kratom"); !errors.Is(err, context.Canceled) {
			t.Errorf("Resolve: err = %v, want context.Canceled", err)
		}
		if _, err := q.Edges(ctx, queries.Filter{Subject: kratom.IRI}); !errors.Is(err, context.Canceled) {
			t.Errorf("Edges: err = %v, want context.Canceled", err)
		}
		if _, err := q.ClaimEvidence(ctx, "kratom"); !errors.Is(err, context.Canceled) {
			t.Errorf("ClaimEvidence: err = %v, want context.Canceled", err)
		}
	})
}

// benchArticle is one of many generated articles: kratom with a few side
// effects (acute, long-term, withdrawal, one denied) out of a pool of
// conditions shared by all articles, so that edges merge across articles.
func benchArticle(i int) *schema.Article {
	src := fmt.Sprintf("https://example.org/bench/%d", i)
	A := mint.Article(src)
	a := &schema.Article{IRI: A, Graph: mint.Graph(src), Source: src, Title: fmt.Sprintf("Article %d", i),
		ContentHash: fmt.Sprintf("sha256:%064x", i), Length: 1000, Entities: []schema.Entity{kratom, mitragynine, mu}}
	preds := []schema.Predicate{schema.HasSideEffect, schema.HasSideEffect, schema.HasLongTermSideEffect, schema.HasWithdrawalSymptom}
	certs := []schema.Certainty{schema.Asserted, schema.Hedged, schema.Speculative}
	for k := 0; k < 6; k++ {
		c := ent(schema.Condition, fmt.Sprintf("condition %d", (i*7+k)%60))
		a.Entities = append(a.Entities, c)
		s := stmt(kratom, preds[(i+k)%len(preds)], c,
			ev(A, 100*k, fmt.Sprintf("Kratom is linked to %s (%d).", c.Label, k), "Side effects", "side-effect", certs[(i+k)%3]))
		if k == 5 {
			s = denied(s)
			s.Evidence[0].Certainty = schema.Negated
		}
		a.Statements = append(a.Statements, s)
	}
	a.Statements = append(a.Statements, stmt(mitragynine, schema.ActsOn, mu,
		ev(A, 900, "Mitragynine acts on the mu opioid receptor.", "", "acts-on", schema.Asserted)))
	return a
}

func BenchmarkSideEffects(b *testing.B) {
	const articles = 300
	st := openStore(b, "memory")
	for i := 0; i < articles; i++ {
		write(b, st, benchArticle(i))
	}
	q := queries.New(st)
	ctx := context.Background()
	var n int
	for b.Loop() {
		_, edges, err := q.SideEffects(ctx, "kratom", "", "", false)
		if err != nil {
			b.Fatal(err)
		}
		n = len(edges)
	}
	if n == 0 {
		b.Fatal("no side effects")
	}
	b.ReportMetric(float64(n), "edges")
}

// Known bugs in queries.go, written as the tests they should pass. They are
// skipped until queries.go is fixed (see the test comments).

// TestClaimInTwoArticles: claim IRIs are minted from the words alone, so the
// same claim in two articles is one node holding two positions. ClaimEvidence
// must return one Claim per article, each with that article's offsets and
// sentence. It returns one Claim whose fields are the first values of each
// property over both graphs (sorted as strings), mixing the articles: the
// article of one, the start of the other.
func TestClaimInTwoArticles(t *testing.T) {
	again := claimUnsafe
	again.Context, again.Attribution, again.Quoted = "Researchers said: \"kratom is unsafe\".", "Researchers said:", true
	again.Span, again.TextSpan = schema.Span{Start: 90, End: 127}, schema.Span{Start: 109, End: 125}
	again.Section = "Effects"
	want := []queries.Claim{qclaim(claimUnsafe, art1), qclaim(again, art2), qclaim(claimUnsafeDoses, art2)}
	sort.SliceStable(want, func(i, j int) bool {
		return want[i].Article < want[j].Article || want[i].Article == want[j].Article && want[i].Start < want[j].Start
	})
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			st := openStore(t, b)
			a2 := article2()
			a2.Claims = append(a2.Claims, again)
			write(t, st, article1(), a2)
			got, err := queries.New(st).ClaimEvidence(context.Background(), "kratom is unsafe")
			if err != nil {
				t.Fatal(err)
			}
			same(t, "claims", got, want)
		})
	}
}

// TestResolveClassBeforePartial: Resolve keeps the exact matches when there
// are any and only then filters them by class, so an exact match of another
// class hides the partial matches of the wanted class. With the substance
// "opioids" (synonym "opioid"), ActsOn("opioid") says no entity is called
// "opioid" instead of listing the opioid receptors.
func TestResolveClassBeforePartial(t *testing.T) {
	opioids := ent(schema.Substance, "opioids", "opioid")
	for _, b := range backends {
		t.Run(b, func(t *testing.T) {
			st := openStore(t, b)
			a1 := article1()
			a1.Entities = append(a1.Entities, opioids)
			write(t, st, a1, article2())
			q := queries.New(st)
			_, _, err := q.ActsOn(context.Background(), "opioid")
			checkErr(t, err, ambiguous, "opioid", []schema.Entity{mu, kappa})
			got, err := q.Resolve(context.Background(), "opioid", schema.Substance)
			if checkErr(t, err, noError, "", nil) {
				same(t, "entity", got, qent(opioids))
			}
		})
	}
}
