package graph

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/schema"
)

var testMinter = schema.DefaultMinter()

func entity(c schema.Class, label string, syn ...string) schema.Entity {
	return schema.Entity{IRI: testMinter.Entity(c, label), Class: c, Label: label, Synonyms: syn}
}

var (
	eKratom    = entity(schema.Substance, "kratom", "Mitragyna speciosa", "ketum")
	eMitra     = entity(schema.Compound, "mitragynine")
	eMu        = entity(schema.Receptor, "mu-opioid receptor", "μ-opioid receptor")
	eNausea    = entity(schema.Condition, "nausea")
	ePain      = entity(schema.Condition, "chronic pain")
	eThailand  = entity(schema.Place, "Thailand")
	eFDA       = entity(schema.Organization, "FDA", "U.S. Food and Drug Administration")
	eUS        = entity(schema.Place, "United States")
	eAdults    = entity(schema.Population, "adults 70+ years old")
	eLegalFDA  = schema.Entity{IRI: testMinter.Entity(schema.LegalStatus, "FDA United States not approved"), Class: schema.LegalStatus, Label: "not approved by the FDA", Agency: eFDA.IRI, Jurisdiction: eUS.IRI, Status: "not approved"}
	eAddiction = entity(schema.Risk, "addiction")
)

func init() {
	eKratom.XRefs = []string{"wikidata:Q426200", "schema:Drug"}
	eNausea.XRefs = []string{"mesh:D009325"}
}

func ev(article string, start int, sentence, rule string, c schema.Certainty, cues ...string) schema.Evidence {
	return schema.Evidence{Article: article, Sentence: sentence, Span: schema.Span{Start: start, End: start + len(sentence)},
		Section: "Effects", Rule: rule, Certainty: c, Cues: cues}
}

// sampleArticle builds a small article exercising every field; source
// names it, variant changes its contents (0 is the base version).
func sampleArticle(source string, variant int) *schema.Article {
	A, G := testMinter.Article(source), testMinter.Graph(source)
	ref1 := schema.Reference{IRI: testMinter.Reference("Kratom use in the US", 2020, ""), Raw: "Smith J, Doe A. Kratom use in the US. J Psych. 2020;12(3):45-67. doi:10.1/x",
		Span: schema.Span{Start: 900, End: 980}, Number: 1, Authors: []string{"Doe A", "Smith J"}, Year: 2020, Title: "Kratom use in the US",
		Venue: "J Psych", Volume: "12", Issue: "3", Pages: "45-67", Type: "journal article", DOI: "10.1/x"}
	ref2 := schema.Reference{IRI: testMinter.Reference("", 0, "FDA. Kratom warning. fda.gov"), Raw: "FDA. Kratom warning. fda.gov",
		Span: schema.Span{Start: 981, End: 1010}, Organization: "FDA", Publisher: "U.S. FDA", Date: "March 2019", Type: "press release",
		URL: "https://www.fda.gov/news?id=1&x=\"q\"", Title: ""}
	a := &schema.Article{
		IRI: A, Graph: G, Source: source, Title: "Kratom: what \"we\" know\nand don't", Format: "markdown",
		ContentHash: "sha256:" + strings.Repeat("ab", 32), Length: 1234,
		Sections:   []schema.Section{{Heading: "Effects", Level: 2, Span: schema.Span{Start: 10, End: 400}}},
		Entities:   []schema.Entity{eKratom, eMitra, eMu, eNausea, ePain, eThailand, eLegalFDA, eFDA, eUS, eAdults},
		References: []schema.Reference{ref1, ref2},
		Statements: []schema.Statement{
			{Subject: eKratom.IRI, Predicate: schema.HasActiveCompound, Object: eMitra.IRI, Evidence: []schema.Evidence{
				ev(A, 20, "Kratom contains mitragynine.", "contains", schema.Asserted)}},
			{Subject: eMitra.IRI, Predicate: schema.ActsOn, Object: eMu.IRI, Reference: ref1.IRI, Evidence: []schema.Evidence{
				ev(A, 60, "Mitragynine may act on the μ-opioid receptor.", "acts-on", schema.Hedged, "may"),
				ev(A, 300, "Some research suggests it binds mu receptors.", "acts-on", schema.Speculative, "some research suggests")}},
			{Subject: eKratom.IRI, Predicate: schema.HasSideEffect, Object: eNausea.IRI, Evidence: []schema.Evidence{{
				Article: A, Sentence: "Side effects include:", Span: schema.Span{Start: 120, End: 141}, Item: "nausea",
				ItemSpan: schema.Span{Start: 144, End: 150}, Section: "Side effects", Rule: "list", Certainty: schema.Asserted}}},
			{Subject: eKratom.IRI, Predicate: schema.UsedFor, Object: ePain.IRI, Negated: true, Evidence: []schema.Evidence{
				ev(A, 200, "Kratom is not a proven treatment for chronic pain.", "used-for", schema.Negated, "not")}},
			{Subject: eKratom.IRI, Predicate: schema.NativeTo, Object: eThailand.IRI, Evidence: []schema.Evidence{
				ev(A, 250, "Kratom is native to Thailand.", "native", schema.Asserted)}},
			{Subject: eKratom.IRI, Predicate: schema.HasLegalStatus, Object: eLegalFDA.IRI},
		},
		Claims: []schema.Claim{{
			IRI: testMinter.Claim("kratom is unsafe"), Text: "kratom is unsafe", Context: "A 2020 study found that: \"kratom is unsafe\".",
			Span: schema.Span{Start: 500, End: 545}, TextSpan: schema.Span{Start: 526, End: 542}, Section: "Safety", Quoted: true,
			Certainty: schema.Asserted, Attribution: "A 2020 study found that:", Reference: ref1.IRI, About: []string{eKratom.IRI},
		}, {
			IRI: testMinter.Claim("kratom might help with opioid withdrawal"), Text: "kratom might help with opioid withdrawal",
			Context: "Some say kratom might help with opioid withdrawal.", Span: schema.Span{Start: 600, End: 650},
			TextSpan: schema.Span{Start: 609, End: 649}, Certainty: schema.Hedged, Cues: []string{"might", "some say"},
			About: []string{eKratom.IRI, ePain.IRI},
		}},
		Quantities: []schema.Quantity{{
			IRI: testMinter.Quantity(A, schema.Span{Start: 700, End: 705}), Text: "36.8%", Value: 36.8, Unit: "%",
			Measures: eKratom.IRI, Population: eAdults.IRI, Sentence: "36.8% of adults 70+ years old used it.",
			Span: schema.Span{Start: 700, End: 738}, TextSpan: schema.Span{Start: 700, End: 705}, Section: "Use", Certainty: schema.Asserted,
		}, {
			IRI: testMinter.Quantity(A, schema.Span{Start: 740, End: 758}), Text: "4 to 5 million", Value: 4e6, Max: 5e6, Unit: "people",
			Sentence: "4 to 5 million people use kratom.", Span: schema.Span{Start: 740, End: 773}, TextSpan: schema.Span{Start: 740, End: 758},
		}},
	}
	switch variant {
	case 1: // shrink: drop a statement, evidence, a claim, a reference; relabel
		a.Title = "Kratom (updated)"
		a.ContentHash = "sha256:" + strings.Repeat("cd", 32)
		a.Statements = a.Statements[:3]
		a.Statements[1].Evidence = a.Statements[1].Evidence[:1]
		a.Claims = a.Claims[:1]
		a.References = a.References[:1]
		a.Entities = append([]schema.Entity(nil), a.Entities[:6]...)
		a.Entities[3].Synonyms = []string{"queasiness"}
		a.Quantities = nil
	case 2: // grow only: same content hash, one more statement and entity
		a.Entities = append(a.Entities, eAddiction)
		a.Statements = append(a.Statements, schema.Statement{Subject: eKratom.IRI, Predicate: schema.HasRisk, Object: eAddiction.IRI,
			Evidence: []schema.Evidence{ev(A, 800, "Kratom can be addictive.", "risk", schema.Asserted, "can")}})
	case 3: // a single changed literal: a mixed write every Cayley backend does in one transaction
		a.Entities[4].Label = "chronic pain (long-term)"
	case 4: // shrink with the same content hash (new extraction rules)
		a.Quantities = a.Quantities[:1]
		a.Claims = nil
		a.Entities[4].Label = "long-term pain"
	}
	return a
}

// randomArticle builds a random but valid article: every field set or not,
// odd characters, repeated entities and evidence.
func randomArticle(rng *rand.Rand, source string) *schema.Article {
	A, G := testMinter.Article(source), testMinter.Graph(source)
	odd := []string{"plain", "with \"quotes\"", "new\nline", "tab\there", "back\\slash", "ünïcödé μ", "<angle>", "emoji 🌿", "", "a'b"}
	pick := func(ss []string) string { return ss[rng.IntN(len(ss))] }
	text := func() string { return pick(odd) + fmt.Sprintf(" %d", rng.IntN(1000)) }
	subset := func(ss []string) []string {
		var out []string
		for _, s := range ss {
			if rng.IntN(2) == 0 {
				out = append(out, s)
			}
		}
		return out
	}
	classes := []schema.Class{schema.Substance, schema.Compound, schema.Condition, schema.Effect, schema.Place, schema.Risk}
	a := &schema.Article{IRI: A, Graph: G, Source: source, Title: text(), Format: pick([]string{"text", "markdown", "html", ""}),
		ContentHash: fmt.Sprintf("sha256:%064x", rng.Uint64()), Length: rng.IntN(100000)}
	ne := 1 + rng.IntN(12)
	for i := 0; i < ne; i++ {
		c := classes[rng.IntN(len(classes))]
		e := schema.Entity{IRI: testMinter.Entity(c, fmt.Sprintf("entity %d", rng.IntN(30))), Class: c, Label: text(),
			Synonyms: subset([]string{"syn a", "syn \"b\"", "syn c"}), XRefs: subset([]string{"wikidata:Q1", "schema:Drug", "mesh:D1"})}
		if rng.IntN(5) == 0 {
			e.Agency, e.Jurisdiction, e.Status = eFDA.IRI, eUS.IRI, text()
		}
		dup := false
		for _, x := range a.Entities {
			dup = dup || x.IRI == e.IRI
		}
		if !dup {
			a.Entities = append(a.Entities, e)
		}
	}
	nr := rng.IntN(4)
	for i := 0; i < nr; i++ {
		title := fmt.Sprintf("title %d %s", i, text())
		r := schema.Reference{IRI: testMinter.Reference(title, 1990+i, ""), Raw: text(), Span: schema.Span{Start: 5000 + 100*i, End: 5090 + 100*i},
			Title: title, Year: 1990 + i, Authors: subset([]string{"Adams B", "Baker C", "Cole D"})}
		if rng.IntN(2) == 0 {
			r.Number, r.Venue, r.Volume, r.Issue, r.Pages, r.DOI = i+1, text(), "1", "2", "3-4", "10.1000/"+fmt.Sprint(i)
		} else {
			r.Organization, r.Publisher, r.Date, r.URL, r.Type = "Org "+fmt.Sprint(i), text(), "2020-01-02", "https://example.org/?q="+fmt.Sprint(i), "web page"
		}
		a.References = append(a.References, r)
	}
	var refIRIs []string
	for _, r := range a.References {
		refIRIs = append(refIRIs, r.IRI)
	}
	maybeRef := func() string {
		if len(refIRIs) == 0 || rng.IntN(2) == 0 {
			return ""
		}
		return pick(refIRIs)
	}
	ents := func() string { return a.Entities[rng.IntN(len(a.Entities))].IRI }
	ns := rng.IntN(10)
	for i := 0; i < ns; i++ {
		st := schema.Statement{Subject: ents(), Predicate: schema.Predicates[rng.IntN(len(schema.Predicates))].Predicate, Object: ents(),
			Negated: rng.IntN(4) == 0, Reference: maybeRef()}
		nev := rng.IntN(4)
		for j := 0; j < nev; j++ {
			start := rng.IntN(50) * 10
			e := schema.Evidence{Article: A, Sentence: text(), Span: schema.Span{Start: start, End: start + 9}, Section: pick(odd),
				Rule: pick([]string{"r1", "r2"}), Certainty: schema.Certainties[rng.IntN(4)], Cues: subset([]string{"may", "some say", "not"})}
			if rng.IntN(3) == 0 {
				e.Item, e.ItemSpan = text(), schema.Span{Start: start + 2, End: start + 5}
			}
			st.Evidence = append(st.Evidence, e)
		}
		a.Statements = append(a.Statements, st)
	}
	nc := rng.IntN(4)
	for i := 0; i < nc; i++ {
		t := fmt.Sprintf("claim %d %s", i, text())
		a.Claims = append(a.Claims, schema.Claim{IRI: testMinter.Claim(t), Text: t, Context: text(), Span: schema.Span{Start: 1000 + 10*i, End: 1009 + 10*i},
			TextSpan: schema.Span{Start: 1001 + 10*i, End: 1005 + 10*i}, Section: pick(odd), Quoted: rng.IntN(2) == 0,
			Certainty: schema.Certainties[rng.IntN(4)], Cues: subset([]string{"may", "might"}), Attribution: pick(odd), Reference: maybeRef(),
			About: subset([]string{ents(), ents()})})
	}
	nq := rng.IntN(4)
	for i := 0; i < nq; i++ {
		sp := schema.Span{Start: 2000 + 20*i, End: 2005 + 20*i}
		q := schema.Quantity{IRI: testMinter.Quantity(A, sp), Text: text(), Value: float64(rng.IntN(100000)) / 100, Unit: pick(odd),
			Sentence: text(), Span: schema.Span{Start: sp.Start, End: sp.End + 10}, TextSpan: sp, Section: pick(odd)}
		if rng.IntN(2) == 0 {
			q.Max, q.Measures, q.Population, q.Certainty = q.Value*2+0.125, ents(), ents(), schema.Hedged
		}
		a.Quantities = append(a.Quantities, q)
	}
	return a
}

// canon is the form Decode gives back: normalised, without sections, with
// sets sorted and without repeats, and empty slices nil.
func canon(in *schema.Article) *schema.Article {
	a, err := normalizedCopy(in)
	if err != nil {
		panic(err)
	}
	a.Sections = nil
	set := func(ss []string) []string { return sortedSet(append([]string(nil), ss...)) }
	for i := range a.Entities {
		e := &a.Entities[i]
		e.Synonyms, e.XRefs = set(e.Synonyms), set(e.XRefs)
	}
	for i := range a.Statements {
		st := &a.Statements[i]
		if len(st.Evidence) == 0 {
			st.Evidence = nil
		}
		for j := range st.Evidence {
			st.Evidence[j].Cues = set(st.Evidence[j].Cues)
		}
	}
	for i := range a.Claims {
		a.Claims[i].Cues, a.Claims[i].About = set(a.Claims[i].Cues), set(a.Claims[i].About)
	}
	for i := range a.References {
		r := &a.References[i]
		var au []string
		for _, x := range set(r.Authors) {
			if x != r.Organization {
				au = append(au, x)
			}
		}
		r.Authors = au
	}
	sort.SliceStable(a.References, func(i, j int) bool {
		x, y := a.References[i], a.References[j]
		return x.Start < y.Start || (x.Start == y.Start && x.IRI < y.IRI)
	})
	for _, p := range []any{&a.Entities, &a.Statements, &a.Claims, &a.References, &a.Quantities} {
		v := reflect.ValueOf(p).Elem()
		if v.Len() == 0 {
			v.Set(reflect.Zero(v.Type()))
		}
	}
	return a
}

// sameArticles fails the test with the first differing line when the
// articles differ.
func sameArticles(t *testing.T, got, want []*schema.Article) {
	t.Helper()
	if reflect.DeepEqual(got, want) {
		return
	}
	g, _ := json.MarshalIndent(got, "", " ")
	w, _ := json.MarshalIndent(want, "", " ")
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var x, y string
		if i < len(gl) {
			x = gl[i]
		}
		if i < len(wl) {
			y = wl[i]
		}
		if x != y {
			lo := max(0, i-8)
			t.Fatalf("articles differ at line %d:\n got: %s\nwant: %s\ncontext (want):\n%s", i, x, y, strings.Join(wl[lo:min(len(wl), i+2)], "\n"))
		}
	}
	t.Fatalf("articles differ (not in JSON form): %#v vs %#v", got, want)
}

func mustEncode(t testing.TB, a ...*schema.Article) []quad.Quad {
	t.Helper()
	var out []quad.Quad
	for _, x := range a {
		qs, err := Encode(testMinter, x)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, qs...)
	}
	return dedupe(SortQuads(out))
}

func quadStrings(qs []quad.Quad) []string {
	out := make([]string, len(qs))
	for i, q := range qs {
		k := keyOf(q)
		out[i] = k[1] + " " + k[2] + " " + k[3] + " " + k[0]
	}
	return out
}

func sameQuads(t *testing.T, got, want []quad.Quad) {
	t.Helper()
	g, w := quadStrings(got), quadStrings(want)
	if reflect.DeepEqual(g, w) {
		return
	}
	gs, ws := map[string]bool{}, map[string]bool{}
	for _, x := range g {
		gs[x] = true
	}
	for _, x := range w {
		ws[x] = true
	}
	var extra, missing []string
	for _, x := range g {
		if !ws[x] {
			extra = append(extra, x)
		}
	}
	for _, x := range w {
		if !gs[x] {
			missing = append(missing, x)
		}
	}
	t.Fatalf("quads differ: got %d, want %d\nunexpected (%d): %s\nmissing (%d): %s", len(g), len(w),
		len(extra), strings.Join(extra[:min(len(extra), 10)], "\n  "), len(missing), strings.Join(missing[:min(len(missing), 10)], "\n  "))
}
