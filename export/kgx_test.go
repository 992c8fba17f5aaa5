package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/schema"
)

func decodeLines[T any](t *testing.T, b []byte) []T {
	t.Helper()
	var out []T
	for _, l := range bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n")) {
		var x T
		dec := json.NewDecoder(bytes.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&x); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		out = append(out, x)
	}
	return out
}

func TestKGX(t *testing.T) {
	m := schema.DefaultMinter()
	nb, eb := kgxBytes(t, sampleArticles(m))
	nodes := decodeLines[KGXNode](t, nb)
	edges := decodeLines[KGXEdge](t, eb)

	ids := map[string]KGXNode{}
	for i, n := range nodes {
		if i > 0 && nodes[i-1].ID >= n.ID {
			t.Errorf("nodes not sorted or not unique at %s", n.ID)
		}
		ids[n.ID] = n
		if len(n.Category) != 1 || !strings.HasPrefix(n.Category[0], "biolink:") || !slices.Equal(n.ProvidedBy, []string{InfoRes}) {
			t.Errorf("node %s: category %v provided_by %v", n.ID, n.Category, n.ProvidedBy)
		}
		if slices.Contains(n.Synonym, n.Name) || !slices.IsSorted(n.Synonym) {
			t.Errorf("node %s: synonyms %v (name %q)", n.ID, n.Synonym, n.Name)
		}
	}
	kratom := ids["hkgid:substance/kratom"]
	for _, s := range []string{"Mitragyna speciosa", "ketum", "kratom leaf"} {
		if !slices.Contains(kratom.Synonym, s) {
			t.Errorf("kratom lacks synonym %q: %v", s, kratom.Synonym)
		}
	}
	if kratom.Category[0] != "biolink:ChemicalEntity" || !slices.Equal(kratom.XRef, []string{"wikidata:Q1365086"}) {
		t.Errorf("kratom: %+v", kratom)
	}
	claim := ids[strings.Replace(m.Claim("Kratom may cause liver injury"), m.Root(), "hkgid:", 1)]
	if claim.Name != "Kratom may cause liver injury" || claim.Category[0] != "biolink:InformationContentEntity" || claim.Certainty != "hedged" ||
		!strings.HasPrefix(claim.Description, "A 2020 study") {
		t.Errorf("claim node: %+v", claim)
	}
	legal := ids["hkgid:legalstatus/fda-united-states-not-approved"]
	if legal.Agency != "hkgid:organization/fda" || legal.Jurisdiction != "hkgid:place/united-states" || legal.Status != "not approved" {
		t.Errorf("legal status node: %+v", legal)
	}
	ref := ids[strings.Replace(m.Reference("Kratom and its \"alkaloids\"", 2020, ""), m.Root(), "hkgid:", 1)]
	if ref.Name != `Kratom and its "alkaloids"` || ref.Category[0] != "biolink:Publication" || !slices.Equal(ref.XRef, []string{"doi:10.1000/xyz.1"}) {
		t.Errorf("reference node: %+v", ref)
	}

	var sideEffect, negated, supports *KGXEdge
	for i := range edges {
		e := &edges[i]
		if i > 0 && edges[i-1].ID >= e.ID {
			t.Errorf("edges not sorted or not unique at %s", e.ID)
		}
		if _, ok := ids[e.Subject]; !ok {
			t.Errorf("edge %s: subject %s is not a node", e.ID, e.Subject)
		}
		if _, ok := ids[e.Object]; !ok {
			t.Errorf("edge %s: object %s is not a node", e.ID, e.Object)
		}
		n := e.EvidenceCount
		if len(e.SupportingText) != n || len(e.SupportingTextLocation) != n || len(e.Section) != n || len(e.ExtractionRule) != n ||
			len(e.SupportingTextArticle) != n || (e.SupportingTextItem != nil && len(e.SupportingTextItem) != n) {
			t.Errorf("edge %s: evidence lists not aligned", e.ID)
		}
		if e.KnowledgeLevel != KnowledgeLevel || e.AgentType != AgentType || e.PrimaryKnowledgeSource != InfoRes {
			t.Errorf("edge %s: provenance %+v", e.ID, e)
		}
		switch {
		case e.OriginalPredicate == "hkg:hasSideEffect" && e.Object == "hkgid:condition/nausea":
			sideEffect = e
		case e.OriginalPredicate == "hkg:hasSideEffect" && e.Negated:
			negated = e
		case e.OriginalPredicate == "hkg:supports":
			supports = e
		}
	}
	if sideEffect == nil || negated == nil || supports == nil {
		t.Fatalf("missing edges in\n%s", eb)
	}
	if sideEffect.EvidenceCount != 2 || sideEffect.Certainty != "asserted" || sideEffect.Predicate != "biolink:has_side_effect" ||
		!slices.Equal(sideEffect.SupportingTextItem, []string{"nausea", ""}) || len(sideEffect.Publications) != 3 {
		t.Errorf("merged side-effect edge: %+v", sideEffect)
	}
	if !negated.Negated || negated.Certainty != "negated" || negated.Object != "hkgid:condition/seizure" {
		t.Errorf("negated edge: %+v", negated)
	}
	if supports.Subject != ref.ID || supports.Object != claim.ID {
		t.Errorf("supports edge: %+v", supports)
	}
	// JSON without HTML escaping, one object per line.
	if !bytes.Contains(nb, []byte("<b>side effects</b> & more")) || bytes.Contains(nb, []byte(`\u003c`)) {
		t.Error("KGX escapes HTML characters")
	}
	// Edge ids depend on the statement only: the same fact in another
	// run, or from other articles, has the same id.
	_, eb2 := kgxBytes(t, sampleArticles(m)[1:])
	for _, e := range decodeLines[KGXEdge](t, eb2) {
		if e.OriginalPredicate == "hkg:hasSideEffect" && e.Object == "hkgid:condition/nausea" && e.ID != sideEffect.ID {
			t.Errorf("edge id depends on the articles: %s vs %s", e.ID, sideEffect.ID)
		}
	}
}
