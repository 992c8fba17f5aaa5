package export

import (
	"github.com/healthkg/healthkg/schema"
)

// sampleArticles builds two small articles by hand, with the awkward
// strings the writers must escape: quotes, backslash, newline, tab, U+2028,
// non-ASCII, emoji, HTML characters and a literal that looks like an IRI.
func sampleArticles(m schema.Minter) []*schema.Article {
	a1 := &schema.Article{
		IRI:         m.Article("https://example.org/kratom"),
		Graph:       m.Graph("https://example.org/kratom"),
		Source:      "https://example.org/kratom",
		Title:       `Kratom: what "experts" say`,
		Format:      "html",
		ContentHash: "sha256:00ff",
		Length:      1234,
	}
	a2 := &schema.Article{
		IRI:         m.Article("corpus/kratom-risks.md"),
		Graph:       m.Graph("corpus/kratom-risks.md"),
		Source:      "corpus/kratom-risks.md",
		Title:       "Kratom risks\tand <b>side effects</b> & more",
		Format:      "markdown",
		ContentHash: "sha256:abcd",
		Length:      987,
	}
	kratom := m.Entity(schema.Substance, "kratom")
	mitra := m.Entity(schema.Compound, "mitragynine")
	nausea := m.Entity(schema.Condition, "nausea")
	seizure := m.Entity(schema.Condition, "seizure")
	mu := m.Entity(schema.Receptor, "μ-opioid receptor")
	fda := m.Entity(schema.Organization, "FDA")
	us := m.Entity(schema.Place, "United States")
	legal := m.Entity(schema.LegalStatus, "FDA United States not approved")
	ref := m.Reference("Kratom and its \"alkaloids\"", 2020, "")
	ref2raw := `Smith J. C:\temp\notes — https://example.org/paper?id=1&x=2`
	ref2 := m.Reference("", 0, ref2raw)
	claim := m.Claim("Kratom may cause liver injury")

	a1.Entities = []schema.Entity{
		{IRI: kratom, Class: schema.Substance, Label: "kratom", Synonyms: []string{"Mitragyna speciosa", "ketum"}, XRefs: []string{"wikidata:Q1365086"}},
		{IRI: mitra, Class: schema.Compound, Label: "mitragynine"},
		{IRI: nausea, Class: schema.Condition, Label: "nausea", Synonyms: []string{"feeling sick"}},
		{IRI: mu, Class: schema.Receptor, Label: "μ-opioid receptor", Synonyms: []string{"mu receptor 😀"}},
		{IRI: fda, Class: schema.Organization, Label: "FDA"},
		{IRI: us, Class: schema.Place, Label: "United States"},
		{IRI: legal, Class: schema.LegalStatus, Label: "not approved (FDA, United States)", Agency: fda, Jurisdiction: us, Status: "not approved"},
	}
	ev := func(a *schema.Article, sent string, start int, sec, rule string, c schema.Certainty, cues ...string) schema.Evidence {
		return schema.Evidence{Article: a.IRI, Sentence: sent, Span: schema.Span{Start: start, End: start + len(sent)}, Section: sec, Rule: rule, Certainty: c, Cues: cues}
	}
	a1.Statements = []schema.Statement{
		{Subject: kratom, Predicate: schema.HasActiveCompound, Object: mitra,
			Evidence: []schema.Evidence{ev(a1, "Kratom's main alkaloid is mitragynine.", 10, "What is kratom?", "active-compound", schema.Asserted)}},
		{Subject: kratom, Predicate: schema.HasSideEffect, Object: nausea, Reference: ref,
			Evidence: []schema.Evidence{ev(a1, "Kratom may cause nausea,\nvomiting and \"brain fog\".", 100, "Side effects", "side-effect", schema.Hedged, "may")}},
		{Subject: mitra, Predicate: schema.ActsOn, Object: mu,
			Evidence: []schema.Evidence{ev(a1, "Mitragynine binds the μ-opioid receptor\u2028(MOR).", 200, "Pharmacology", "acts-on", schema.Asserted)}},
		{Subject: kratom, Predicate: schema.HasLegalStatus, Object: legal,
			Evidence: []schema.Evidence{ev(a1, "The FDA has not approved kratom.", 300, "Legal status", "legal", schema.Asserted)}},
		{Subject: a1.IRI, Predicate: schema.Cites, Object: ref,
			Evidence: []schema.Evidence{ev(a1, "[1] Kratom and its \"alkaloids\". 2020.", 900, "References", "reference-list", schema.Asserted)}},
		{Subject: ref, Predicate: schema.Supports, Object: claim,
			Evidence: []schema.Evidence{ev(a1, "A 2020 study found that kratom may cause liver injury [1].", 400, "Risks", "claim-reference", schema.Hedged, "may")}},
	}
	a1.Claims = []schema.Claim{{
		IRI: claim, Text: "Kratom may cause liver injury", Context: "A 2020 study found that kratom may cause liver injury [1].",
		Span: schema.Span{Start: 400, End: 458}, TextSpan: schema.Span{Start: 424, End: 453}, Section: "Risks",
		Certainty: schema.Hedged, Cues: []string{"may"}, Attribution: "A 2020 study found that", Reference: ref, About: []string{kratom},
	}}
	a1.References = []schema.Reference{{IRI: ref, Raw: "[1] Kratom and its \"alkaloids\". 2020.", Span: schema.Span{Start: 900, End: 937},
		Number: 1, Authors: []string{"Doe, J."}, Year: 2020, Title: "Kratom and its \"alkaloids\"", Venue: "J. Ethnopharm.", DOI: "10.1000/XYZ.1"}}
	a1.Quantities = []schema.Quantity{{IRI: m.Quantity(a1.IRI, schema.Span{Start: 500, End: 505}), Text: "36.8%", Value: 36.8, Unit: "%",
		Measures: kratom, Sentence: "About 36.8% of users reported nausea.", Span: schema.Span{Start: 490, End: 527}, TextSpan: schema.Span{Start: 496, End: 501}, Certainty: schema.Asserted}}

	a2.Entities = []schema.Entity{
		{IRI: kratom, Class: schema.Substance, Label: "Kratom", Synonyms: []string{"kratom leaf", "ketum"}},
		{IRI: nausea, Class: schema.Condition, Label: "nausea"},
		{IRI: seizure, Class: schema.Condition, Label: "seizure", Synonyms: []string{"fits", `C:\seizure "quoted"`}},
	}
	lead := "Common side effects include:"
	a2.Statements = []schema.Statement{
		{Subject: kratom, Predicate: schema.HasSideEffect, Object: nausea,
			Evidence: []schema.Evidence{{Article: a2.IRI, Sentence: lead, Span: schema.Span{Start: 40, End: 40 + len(lead)}, Item: "nausea",
				ItemSpan: schema.Span{Start: 72, End: 78}, Section: "Side effects", Rule: "list-side-effect", Certainty: schema.Asserted}}},
		{Subject: kratom, Predicate: schema.HasSideEffect, Object: seizure, Negated: true,
			Evidence: []schema.Evidence{ev(a2, "Kratom does not cause seizures.", 120, "Myths", "side-effect", schema.Negated, "does not")}},
		{Subject: kratom, Predicate: schema.HasRisk, Object: seizure,
			Evidence: []schema.Evidence{ev(a2, "Some research suggests a seizure risk at high doses.", 200, "", "risk", schema.Speculative, "some research suggests")}},
		{Subject: a2.IRI, Predicate: schema.Cites, Object: ref2,
			Evidence: []schema.Evidence{ev(a2, ref2raw, 600, "References", "reference-list", schema.Asserted)}},
	}
	a2.References = []schema.Reference{{IRI: ref2, Raw: ref2raw, Span: schema.Span{Start: 600, End: 600 + len(ref2raw)}, URL: "https://example.org/paper?id=1&x=2"}}
	a1.Normalize()
	a2.Normalize()
	return []*schema.Article{a1, a2}
}
