package ingest

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

// refInfo is a reference with what attribution needs to know of it.
type refInfo struct {
	iri    string
	year   int
	org    string // lower-cased organisation author
	title  map[string]bool
	kind   string
	authTk map[string]bool
	// kindWords are the words of the venue and type ("review" in
	// "Cochrane Database of Systematic Reviews", "rev" in "Syst Rev")
	kindWords map[string]bool
}

// abbrev is the usual journal abbreviation of a source noun ("rev" for
// "review").
func abbrev(n string) string {
	if len(n) > 3 {
		return normWord(n[:3])
	}
	return n
}

var yearRE = regexp.MustCompile(`\b(19[5-9]\d|20\d\d)\b`)

// references turns the reference list into Reference records and
// "article cites reference" statements.
func (x *extractor) references() {
	df := map[string]int{}
	for _, r := range x.doc.References {
		p := r.Ref
		ref := schema.Reference{
			IRI: x.m.Reference(p.Title, p.Year, r.Raw), Raw: r.Raw, Span: schema.Span{Start: r.Start, End: r.End},
			Number: r.Number, Authors: p.Authors, Organization: p.Organization, Year: p.Year, Title: p.Title,
			Venue: p.Venue, Publisher: p.Publisher, Volume: p.Volume, Issue: p.Issue, Pages: p.Pages,
			Date: p.Date, Type: p.Type, DOI: p.DOI, URL: p.URL,
		}
		x.art.References = append(x.art.References, ref)
		x.add(x.art.IRI, schema.Cites, ref.IRI, stmtOpts{rule: "reference-list", sent: Sentence{Text: r.Raw, Span: r.Span}, certainty: schema.Asserted})
		info := refInfo{iri: ref.IRI, year: p.Year, org: strings.ToLower(p.Organization), title: contentWords(p.Title), kind: strings.ToLower(p.Type), authTk: map[string]bool{},
			kindWords: contentWords(p.Venue)}
		for _, a := range p.Authors {
			for _, w := range strings.Fields(strings.ToLower(a)) {
				info.authTk[strings.Trim(w, ".,")] = true
			}
		}
		for w := range info.title {
			df[w]++
		}
		x.refs = append(x.refs, info)
		// organisations named in the list are entities too
		for _, m := range x.mentions(r.Raw, r.Start) {
			x.mentionIRI(m, schema.Organization)
		}
	}
	x.idf = map[string]float64{}
	for w, n := range df {
		x.idf[w] = math.Log(float64(len(x.refs)+1) / float64(n))
	}
}

var stopwords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "and": true, "in": true, "on": true, "for": true, "to": true, "with": true, "from": true, "by": true, "at": true, "or": true, "is": true, "are": true, "was": true, "were": true, "that": true, "this": true, "it": true, "as": true, "be": true, "its": true, "their": true, "who": true, "which": true, "than": true, "more": true, "have": true, "has": true, "found": true, "study": true, "studies": true, "review": true}

// contentWords returns the lower-cased, singularised content words of s.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range tokenize(s, 0) {
		if !stopwords[strings.ToLower(t.raw)] && len(t.norm) > 1 {
			out[t.norm] = true
		}
	}
	return out
}

// cited returns the IRIs of the numbered references a sentence cites.
func (x *extractor) cited(nums []int) []string {
	var out []string
	for _, n := range nums {
		for _, r := range x.art.References {
			if r.Number == n {
				out = append(out, r.IRI)
				break
			}
		}
	}
	return out
}

// authorYearRE finds an author-year citation: "(Okafor & Lindgren, 2020)",
// "(Hargreaves et al., 2015)", "(Smith 2019)".
var authorYearRE = regexp.MustCompile(`\(([A-Z][A-Za-z'’-]+)(?:\s+(?:&|and)\s+[A-Z][A-Za-z'’-]+|\s+et al\.?)?,?\s+((?:19|20)\d\d)[a-z]?\)`)

// authorYear resolves the first author-year citation of a sentence to the
// one reference with that first author's name and year, or "".
func (x *extractor) authorYear(text string) string {
	m := authorYearRE.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	year, _ := strconv.Atoi(m[2])
	name := strings.ToLower(m[1])
	var hits []string
	for _, r := range x.refs {
		if r.year == year && (r.authTk[name] || strings.Contains(r.org, name)) {
			hits = append(hits, r.iri)
		}
	}
	if len(hits) == 1 {
		return hits[0]
	}
	return ""
}

// attribution returns the phrase that attributes a sentence to a source:
// the text before a quotation ("A 2020 study found that:"), or a leading
// reporting clause ("The World Health Organization states that").
func (x *extractor) attribution(s Sentence) string {
	for _, q := range s.Quotes {
		if q.Attribution != "" {
			return q.Attribution
		}
	}
	f := fold(s.Text)
	for _, h := range findAll(f, x.rules.rel("reporting_verbs")) {
		if h.start > 160 {
			break
		}
		return s.Text[:h.end]
	}
	return ""
}

// resolveRef finds the reference the attribution phrase names: by an
// organisation author, or by a singular source ("A 2020 study", "One 2022
// article", "A review of patients ...") with year, kind and topic against
// the reference list. Plural or generic sources ("Several studies",
// "Research", "Case reports") name no single reference.
func (x *extractor) resolveRef(attr, claim string, ms []Mention) string {
	if attr == "" || len(x.refs) == 0 {
		return ""
	}
	low := strings.ToLower(strings.ReplaceAll(attr, "’", "'"))
	if strings.HasPrefix(low, "the same ") {
		return x.lastRef
	}
	// an organisation: a reference it authored, or none at all
	for _, m := range of(ms, schema.Organization) {
		if m.End > 0 && !strings.Contains(attr, m.Surface) {
			continue
		}
		e := m.Entry(schema.Organization)
		names := append([]string{e.Label}, e.Synonyms...)
		var hits []string
		for _, r := range x.refs {
			for _, n := range names {
				if r.org != "" && (r.org == strings.ToLower(n) || strings.Contains(r.org, strings.ToLower(n))) {
					hits = append(hits, r.iri)
					break
				}
			}
		}
		if len(hits) == 1 {
			return hits[0]
		}
		return ""
	}
	words := strings.Fields(low)
	if len(words) > 0 && !(words[0] == "a" || words[0] == "an" || words[0] == "one" || words[0] == "this" || words[0] == "the") {
		// "For fibromyalgia, a 2020 trial by Ferreira found", "X does not
		// help Y, and a 2018 trial by Nakamura found": the last clause
		for _, seg := range strings.Split(low, ", ")[1:] {
			seg = strings.TrimPrefix(seg, "and ")
			w2 := strings.Fields(seg)
			if len(w2) > 1 && (w2[0] == "a" || w2[0] == "an" || w2[0] == "one") {
				words, low = w2, seg
			}
		}
	}
	if len(words) > 1 && (words[0] == "in" || words[0] == "according") {
		words = words[1:] // "In the 2017 review, ..."
		if words[0] == "to" && len(words) > 1 {
			words = words[1:]
		}
	}
	if len(words) < 2 || !(words[0] == "a" || words[0] == "an" || words[0] == "one" || words[0] == "this" || words[0] == "the") {
		return ""
	}
	noun := ""
	for _, n := range x.rules.rel("source_nouns") {
		if k := indexWord(low, n); k >= 0 && k < 60 && len(n) > len(noun) {
			noun = n
		}
	}
	if noun == "" {
		return ""
	}
	year := 0
	if m := yearRE.FindString(attr); m != "" {
		year, _ = strconv.Atoi(m)
	}
	words2 := contentWords(attr + " " + claim)
	best, second, bestIRI := 0.0, 0.0, ""
	for _, r := range x.refs {
		if year != 0 && r.year != year {
			continue
		}
		score := 0.0
		for w := range words2 {
			if r.title[w] {
				score += x.idf[w]
			}
		}
		// an author named ("A 2021 review by Adebayo")
		for _, w := range strings.Fields(attr) {
			if len(w) > 2 && w[0] >= 'A' && w[0] <= 'Z' && r.authTk[strings.ToLower(strings.Trim(w, ",.;:"))] {
				score += 3
				break
			}
		}
		// the kind of source named ("review", "survey") in the title, the
		// venue ("Cochrane Database Syst Rev") or the type
		for _, n := range strings.Fields(noun) {
			if r.title[normWord(n)] || r.kindWords[normWord(n)] || r.kindWords[abbrev(n)] {
				score += 2
				break
			}
		}
		if score > best {
			second, best, bestIRI = best, score, r.iri
		} else if score > second {
			second = score
		}
	}
	if best >= 2.0 && best-second >= 1.0 {
		return bestIRI
	}
	return ""
}

// claim records the claims a sentence makes: each quotation, or the
// sentence itself when it reports a finding or a hedged, speculative or
// denied proposition.
func (x *extractor) claims(s *sent) {
	text := strings.TrimSpace(s.Text)
	if text == "" || strings.HasSuffix(text, "?") {
		return
	}
	fw := firstWord(text)
	if fw == "don't" || fw == "before" || fw == "talk" || fw == "ask" || fw == "if" || fw == "let's" || fw == "share" {
		return
	}
	type cl struct {
		text   string
		span   Span
		quoted bool
		attr   string
	}
	var cs []cl
	for _, q := range s.Quotes {
		if len(strings.Fields(q.Text)) >= 3 {
			cs = append(cs, cl{q.Text, q.Span, true, q.Attribution})
		}
	}
	if len(cs) == 0 {
		c, _ := x.claimCertainty(text)
		if c == schema.Asserted && !has(text, x.rules.ClaimCues) && len(s.refs) == 0 && x.quoteAttr == "" {
			return
		}
		cs = append(cs, cl{s.Text, s.Span, false, ""})
	}
	for _, c := range cs {
		cert, cues := x.claimCertainty(c.text)
		if !c.quoted {
			cert, cues = x.claimCertainty(s.Text)
		}
		ctx, ctxSpan := s.Text, schema.Span{Start: s.Start, End: s.End}
		if n := s.next; n != nil && !c.quoted && continues(n.Text) {
			// "Others feel it isn't an opioid": the next sentence completes the claim
			ctx = x.doc.Text[s.Start:n.End]
			ctxSpan.End = n.End
		}
		claim := schema.Claim{
			IRI: x.m.Claim(c.text), Text: c.text, Context: ctx,
			Span: ctxSpan, TextSpan: schema.Span{Start: c.span.Start, End: c.span.End},
			Quoted: c.quoted, Certainty: cert, Cues: cues, Attribution: c.attr, Reference: s.ref,
		}
		if x.section != nil {
			claim.Section = x.section.Heading
		}
		seen := map[string]bool{}
		for _, m := range s.ms {
			if iri := x.mentionIRI(m); iri != "" && !seen[iri] {
				seen[iri] = true
				claim.About = append(claim.About, iri)
			}
		}
		x.art.Claims = append(x.art.Claims, claim)
		refs := s.refs
		if len(refs) == 0 && s.ref != "" {
			refs = []string{s.ref}
		}
		for _, ref := range refs {
			rule := "attribution"
			if len(s.refs) > 0 {
				rule = "citation-marker"
			}
			x.add(ref, schema.Supports, claim.IRI, stmtOpts{rule: rule, sent: s.Sentence, certainty: schema.Asserted})
		}
	}
}

// continues reports whether a sentence completes the one before it.
func continues(next string) bool {
	switch firstWord(next) {
	case "others", "however", "but", "more", "yet", "still":
		return true
	}
	return false
}

// claimCertainty reads a claim's certainty: denied when a negation is not
// part of a speculative phrase ("isn't proven") nor inside an "if" clause;
// then speculative, hedged or asserted.
func (x *extractor) claimCertainty(text string) (schema.Certainty, []string) {
	f := fold(text)
	spec := findAll(f, x.rules.Certainty.Speculative)
	refut := findAll(f, x.rules.Certainty.NegatedRefutation)
	if len(refut) > 0 {
		return schema.Negated, phrases(refut)
	}
	for _, h := range findAll(f, x.rules.Certainty.Negated) {
		masked := false
		for _, sp := range spec {
			if h.start >= sp.start && h.start < sp.end {
				masked = true
			}
		}
		pre := strings.ToLower(text[max(0, h.start-24):h.start])
		if strings.Contains(pre, "if ") || strings.Contains(pre, "whether") {
			masked = true
		}
		next := strings.ToLower(strings.TrimLeft(text[h.end:], " "))
		// "not only", "not everyone": no denial. ("isn't safe" and "not
		// approved" do deny, as the gold's hedging levels define it.)
		if startsWithWord(next, []string{"only", "just", "everyone", "always", "all"}) {
			masked = true
		}
		if !masked {
			return schema.Negated, []string{h.phrase}
		}
	}
	if len(spec) > 0 {
		return schema.Speculative, phrases(spec)
	}
	if hs := findAll(f, x.rules.Certainty.Hedged); len(hs) > 0 {
		return schema.Hedged, phrases(hs)
	}
	return schema.Asserted, nil
}
