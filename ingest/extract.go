package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/healthkg/healthkg/schema"
)

// extractor turns one parsed document into statements, claims, references
// and quantities. Rules work on sentence and list structure with the
// lexicon's mentions; their cue words come from rules.json.
type extractor struct {
	doc   *Document
	lx    *Lexicon
	rules *ruleSet
	m     schema.Minter
	art   *schema.Article

	ents  map[string]*schema.Entity
	syn   map[string]map[string]bool // entity IRI -> surface forms
	stmts []schema.Statement

	topic   string // IRI of the substance the current section is about, "" if none
	product string // IRI of the product the topic compound is named in ("CBD oil"), if any
	// the article's main substance, and the level of the heading that made
	// another substance the topic of its section ("What is capsaicin?" in
	// "Tramadol or Capsaicin Cream for Arthritis Pain?"), 0 if none
	mainTopic  string
	topicLevel int
	outer      []outerSection
	// listSubject, when set, is the subject a list is read for again: the
	// second of "Both tramadol and oxycodone can interact with:"
	listSubject string
	section     *Section
	kinds       map[string]bool // what the current section is about (rules.json "sections")

	prevSubjects []string // subjects of the previous sentence, for pronouns
	curQuotes    []Quotation
	quoteAttr    string   // attribution of the block quotation being read
	legalOrder   []string // legal status IRIs in the order the article gives them
	prevRef      string   // reference of the previous sentence, for "This ..."
	lastRef      string   // last reference a sentence was attributed to ("the same review")
	refs         []refInfo
	idf          map[string]float64
}

// ---- entities ----

// entity adds a lexicon entry's entity (and the entities it refers to) and
// records the surface form. It returns the entity IRI.
func (x *extractor) entity(e *Entry, surface string) string {
	iri := x.m.Entity(e.Class, e.Label)
	if _, ok := x.ents[iri]; !ok {
		ent := &schema.Entity{IRI: iri, Class: e.Class, Label: e.Label}
		for _, r := range e.XRefs {
			ent.XRefs = append(ent.XRefs, r.ID)
		}
		x.ents[iri] = ent
		x.syn[iri] = map[string]bool{}
	}
	x.surface(iri, surface)
	return iri
}

// newEntity adds an entity that is not in the lexicon.
func (x *extractor) newEntity(c schema.Class, label, surface string) string {
	label = strings.TrimSpace(label)
	if e := x.lx.Lookup(c, label); e != nil {
		return x.entity(e, surface)
	}
	iri := x.m.Entity(c, label)
	if _, ok := x.ents[iri]; !ok {
		x.ents[iri] = &schema.Entity{IRI: iri, Class: c, Label: label}
		x.syn[iri] = map[string]bool{}
	}
	x.surface(iri, surface)
	return iri
}

func (x *extractor) surface(iri, s string) {
	s = strings.TrimSpace(s)
	if s != "" && s != x.ents[iri].Label {
		x.syn[iri][s] = true
	}
}

// mentionIRI resolves a mention to an entity of one of the classes.
func (x *extractor) mentionIRI(m Mention, classes ...schema.Class) string {
	e := m.Entry(classes...)
	if e == nil {
		return ""
	}
	return x.entity(e, m.Surface)
}

// ---- statements ----

type stmtOpts struct {
	rule      string
	sent      Sentence
	item      *Item
	certainty schema.Certainty
	cues      []string
	negated   bool
	ref       string
}

func (x *extractor) add(subj string, p schema.Predicate, obj string, o stmtOpts) {
	if subj == "" || obj == "" || subj == obj {
		return
	}
	c := o.certainty
	if c == "" {
		c = schema.Asserted
	}
	if o.negated {
		c = schema.Negated
	}
	ev := schema.Evidence{
		Article:   x.art.IRI,
		Sentence:  o.sent.Text,
		Span:      schema.Span{Start: o.sent.Start, End: o.sent.End},
		Rule:      o.rule,
		Certainty: c,
		Cues:      o.cues,
	}
	if x.section != nil {
		ev.Section = x.section.Heading
	}
	if o.item != nil {
		ev.Item = o.item.Text
		ev.ItemSpan = schema.Span{Start: o.item.Start, End: o.item.End}
	}
	ref := o.ref
	if p == schema.Supports || p == schema.Cites {
		ref = ""
	}
	x.stmts = append(x.stmts, schema.Statement{
		Subject: subj, Predicate: p, Object: obj, Negated: o.negated,
		Evidence: []schema.Evidence{ev}, Reference: ref,
	})
}

// ---- certainty ----

// certainty reads the certainty cues of a text. Hedges count up to
// the byte offset upto (the end of the object the statement is about);
// speculative cues count anywhere in the text.
func (x *extractor) certainty(text string, upto int) (schema.Certainty, []string) {
	if upto < 0 || upto > len(text) {
		upto = len(text)
	}
	f := fold(text)
	if hs := findAll(f, x.rules.Certainty.Speculative); len(hs) > 0 {
		return schema.Speculative, phrases(hs)
	}
	if hs := findAll(fold(text[:upto]), x.rules.Certainty.Hedged); len(hs) > 0 {
		return schema.Hedged, phrases(hs)
	}
	return schema.Asserted, nil
}

// negatedAt reports whether the statement whose trigger starts at byte i of
// text is denied: a negation cue in the few words before the trigger, or a
// refutation ("widely discredited") anywhere in the sentence.
func (x *extractor) negatedAt(text string, i int) (bool, []string) {
	if hs := findAll(fold(text), x.rules.Certainty.NegatedRefutation); len(hs) > 0 {
		return true, phrases(hs)
	}
	if i < 0 || i > len(text) {
		return false, nil
	}
	// "there is no good evidence that X is effective for Y": the denial
	// governs the whole clause it introduces
	if loc := noEvidenceRE.FindStringIndex(text); loc != nil && i >= loc[1] {
		return true, []string{strings.ToLower(text[loc[0]:loc[1]])}
	}
	// "has never been shown to work as a treatment for opioid addiction":
	// the denial governs the rest of its clause
	if loc := neverShownRE.FindStringIndex(text); loc != nil && i >= loc[1] && !strings.ContainsAny(text[loc[1]:i], ";") && !strings.Contains(text[loc[1]:i], ", but") {
		return true, []string{strings.ToLower(text[loc[0]:loc[1]])}
	}
	// "was no better than a placebo at relieving acute low back pain"
	if loc := noBetterRE.FindStringIndex(text); loc != nil && i >= loc[1] && !strings.ContainsAny(text[loc[1]:i], ";") && !strings.Contains(text[loc[1]:i], ", but") {
		return true, []string{strings.ToLower(text[loc[0]:loc[1]])}
	}
	// "No CBD product is FDA-approved for back pain": a subject of "no"
	// denies its clause
	if loc := noSubjectClauseRE.FindStringIndex(text); loc != nil && i >= loc[1] && !strings.Contains(text[loc[1]:i], ", ") && !strings.Contains(text[loc[1]:i], ";") {
		return true, []string{strings.ToLower(strings.Fields(text[loc[0]:loc[1]])[0])}
	}
	start := i
	words := 0
	for start > 0 && words < 5 {
		start--
		c := text[start]
		if c == ' ' {
			words++
		}
		if c == ',' || c == ';' || c == '.' || c == ':' {
			start++
			break
		}
	}
	window := text[start:i]
	hs := findAll(fold(window), x.rules.Certainty.Negated)
	// "not only", "not just" do not deny; "isn't safe", "not approved" are
	// themselves what is stated
	var out []hit
	for _, h := range hs {
		next := strings.ToLower(strings.TrimLeft(text[start+h.end:], " "))
		if strings.HasPrefix(next, "proven to") || strings.HasPrefix(next, "been proven to") || strings.HasPrefix(next, "shown to") || strings.HasPrefix(next, "been shown to") {
			out = append(out, h) // "isn't proven to help with X": the use is denied
			continue
		}
		if startsWithWord(next, []string{"only", "just", "safe", "safely", "regulated", "approved", "recommended", "enough", "always", "everyone", "all", "proven", "clear", "known", "certain", "established", "sure", "yet", "well"}) {
			continue
		}
		out = append(out, h)
	}
	return len(out) > 0, phrases(out)
}

// noEvidenceRE finds a denial of evidence for what follows.
// useSubjectRE finds a sentence whose subject is the use of the article's
// substance: "Heavy long-term use has", "Regular use can".
var useSubjectRE = regexp.MustCompile(`(?i)^(?:(?:heavy|regular|daily|long-term|longer-term|chronic|frequent|prolonged|high-dose|long|term|,|and)\s+)*use\s+(?:has|have|can|may|might|could|is|was|often|also|sometimes|raises|increases|leads|led|causes|caused)\b`)

// comparedRE ends in a comparison before a name: "closer to those of an",
// "than", "similar to".
var comparedRE = regexp.MustCompile(`(?i)\b(?:those\s+of|that\s+of|than|like|unlike|similar\s+to|as\s+strongly\s+as|compared\s+(?:with|to))\s+(?:an?\s+|the\s+|other\s+)?$`)

// neverShownRE finds a denial of evidence or of detection: "has never been
// shown to", "has not been proven to", "did not show up on".
var neverShownRE = regexp.MustCompile(`(?i)\b(?:never|not|n't)\s+(?:been\s+)?(?:(?:shown|proven|proved|found)\s+to|show(?:s|ed)?\s+up)\b`)

// noBetterRE finds a comparison that denies an effect: "no better than a
// placebo", "no more effective than".
var noBetterRE = regexp.MustCompile(`(?i)\b(?:no|not|not any)\s+(?:better|more\s+effective|more\s+helpful)\s+than\b`)

// noSubjectClauseRE finds a sentence whose subject is "No ...": "No CBD
// product is", "No medicine has been".
var noSubjectClauseRE = regexp.MustCompile(`^(?:No|None\s+of\s+the)\s+(?:[A-Za-z0-9-]+\s+){0,3}(?:is|are|has|have|was|were|can|will)\b`)

var noEvidenceRE = regexp.MustCompile(`(?i)\b(?:no|not any|isn't any|is not any)\s+(?:(?:good|high-quality|high quality|strong|reliable|clear|convincing|solid|real|scientific|firm)\s+)*(?:evidence|proof)\s+(?:that|to show that|it)\b`)

func phrases(hs []hit) []string {
	var out []string
	seen := map[string]bool{}
	for _, h := range hs {
		if !seen[h.phrase] {
			seen[h.phrase] = true
			out = append(out, h.phrase)
		}
	}
	return out
}

// ---- subjects ----

var subordinators = map[string]bool{"although": true, "though": true, "while": true, "since": true, "because": true, "if": true, "when": true, "unlike": true, "as": true, "after": true, "before": true, "despite": true, "whereas": true, "like": true}

// gerunds open a sentence whose first noun is the gerund's object: a
// substance taken ("Taking amitriptyline with ..."; true) or something
// acted on ("Lowering prostaglandin levels ..."; false).
var gerunds = map[string]bool{"taking": true, "using": true, "combining": true, "mixing": true, "stopping": true,
	"lowering": false, "blocking": false, "raising": false, "reducing": false, "increasing": false, "boosting": false, "inhibiting": false}

var pronouns = map[string]bool{"it": true, "it's": true, "its": true, "they": true, "these": true, "this": true, "their": true, "them": true, "both": true, "neither": true}

// subjects returns what a sentence is about: the antecedent of a leading
// pronoun, else the first substance or compound it mentions (outside
// parentheses), else the article's topic. explicit is false for the topic
// fallback.
func (x *extractor) subjects(text string, ms []Mention, base int) (subs []string, explicit bool) {
	w := firstWord(text)
	if pronouns[w] && len(x.prevSubjects) > 0 {
		return x.prevSubjects, true
	}
	// "Heavy long-term use has been linked to ...": the use of the topic
	if x.topic != "" && useSubjectRE.MatchString(text) {
		return []string{x.topic}, true
	}
	// a quotation after an attribution is about what it names first
	// ("A 2020 review on kratom stated that: “mitragynine ... appears to")
	for _, q := range x.curQuotes {
		if q.Attribution == "" {
			continue
		}
		for _, m := range ms {
			if m.Start < q.Start || m.End > q.End || inParens(text, m.Start-base) {
				continue
			}
			if len(strings.Fields(text[q.Start-base:m.Start-base])) > 2 {
				break
			}
			if iri := x.subjectIRI(m); iri != "" {
				return []string{iri}, true
			}
		}
	}
	// the main clause: after a leading subordinate clause ("Although its
	// name suggests a link to GABA, gabapentin does not ...")
	from := 0
	back := x.prevSubjects // what a pronoun of the main clause refers to
	if subordinators[w] {
		if k := strings.Index(text, ", "); k > 0 {
			from = k + 2
			// "Since kratom works on ..., some scientists say it ...": the
			// substance of the subordinate clause
			for _, m := range ms {
				if w == "like" || w == "unlike" || m.Start-base >= from {
					break // "Like other opioids, it ...": a comparison
				}
				if !inParens(text, m.Start-base) {
					if iri := x.subjectIRI(m); iri != "" {
						back = []string{iri}
						break
					}
				}
			}
			if fw := firstWord(text[from:]); (fw == "it" || fw == "they" || fw == "it's") && len(back) > 0 {
				return back, true
			}
			// "Because tramadol raises serotonin levels, combining it with
			// other drugs ...": the main clause's gerund takes the substance
			if ws := strings.Fields(strings.ToLower(text[from:])); len(ws) > 1 && gerunds[ws[0]] && (ws[1] == "it" || ws[1] == "them") && len(back) > 0 {
				return back, true
			}
		}
	}
	if taken, ok := gerunds[w]; ok && from == 0 {
		// "Taking amitriptyline with tramadol ...": the gerund's object;
		// "Lowering prostaglandin levels reduces pain": not a substance's
		// doing, so the article's topic
		if !taken && x.topic != "" {
			return []string{x.topic}, false
		}
		for _, m := range ms {
			if len(strings.Fields(text[:m.Start-base])) > 1 {
				break
			}
			if iri := x.subjectIRI(m); iri != "" && taken {
				return []string{iri}, true
			}
		}
	}
	for _, m := range ms {
		if m.Start-base < from || inParens(text, m.Start-base) {
			continue
		}
		if brandAppositive(text[:m.Start-base]) {
			continue // "A high-strength patch, sold as Qutenza, is approved": the patch's substance
		}
		if iri := x.subjectIRI(m); iri != "" {
			// "Animal studies suggest it may reduce pain ... as delta-9 THC":
			// a subject pronoun before the first name refers back
			if len(back) > 0 {
				for _, w := range strings.Fields(strings.ToLower(text[from : m.Start-base])) {
					if w == "it" || w == "they" {
						return back, true
					}
					// "its effects are closer to those of an opioid": the
					// possessor is the subject, the name a comparison
					if (w == "its" || w == "their") && comparedRE.MatchString(text[from:m.Start-base]) {
						return back, true
					}
				}
			}
			return x.coordinated(text, ms, base, m, iri), true
		}
	}
	if x.topic != "" {
		return []string{x.topic}, false
	}
	return nil, false
}

// brandAppositive reports whether a name follows ", sold as", ", marketed
// as", ", sold under the brand name": it names a product in an aside, not
// the clause's subject.
func brandAppositive(before string) bool {
	b := strings.ToLower(before)
	for _, p := range []string{", sold as ", ", marketed as ", ", sold under the brand name ", ", sold under the name ", ", branded as "} {
		if strings.HasSuffix(b, p) {
			return true
		}
	}
	return false
}

// genericSubjectRE finds a clause about any substance at all.
var genericSubjectRE = regexp.MustCompile(`^(when |if |once |whenever )?(?:a|any|another|every) (?:substance|drug|medicine|medication|painkiller|chemical|supplement)s? `)

// coordinated extends a subject that opens its clause with the subjects
// coordinated with it: "Clonidine and lofexidine can reduce sweating",
// "Capsaicin patches or lidocaine plasters can help".
func (x *extractor) coordinated(text string, ms []Mention, base int, first Mention, iri string) []string {
	// "the makers of prescription NSAIDs, including naproxen, ...": the
	// member the article is about
	if x.topic != "" && iri != x.topic && strings.HasPrefix(text[first.End-base:], ", including ") {
		for _, m := range ms {
			if m.Start > first.Start && m.Start-first.End < len(", including ")+3 && x.subjectIRI(m) == x.topic {
				return []string{x.topic}
			}
		}
	}
	subs := []string{iri}
	lead := text[:first.Start-base]
	if k := strings.LastIndex(lead, ": "); k >= 0 {
		lead = lead[k+2:] // "Two medicines are approved: dronabinol and nabilone"
	}
	if len(strings.Fields(lead)) > 1 {
		if lead := x.leadList(text, first.Start-base); len(lead) > 0 {
			return lead
		}
		return subs
	}
	prev := first
	for _, m := range ms {
		if m.Start <= prev.Start || m.Entry(schema.Form) != nil && m.Entry(schema.Substance, schema.Compound, schema.Treatment) == nil {
			continue // "Capsaicin patches or ...": the form goes with its substance
		}
		gap := strings.Fields(strings.ToLower(text[prev.End-base : m.Start-base]))
		if len(gap) == 0 || len(gap) > 2 {
			break
		}
		conj := strings.TrimSuffix(gap[len(gap)-1], ",")
		if conj != "and" && conj != "or" && !(len(gap) == 1 && gap[0] == ",") {
			break
		}
		if len(gap) == 2 && (strings.HasSuffix(gap[0], ",") || !contains(x.rules.FormHeads, gap[0])) {
			break // only a form word may stand between: "patches or"
		}
		next := x.subjectIRI(m)
		if next == "" {
			break
		}
		if !contains(subs, next) {
			subs = append(subs, next)
		}
		prev = m
	}
	return subs
}

// leadListRE finds the enumeration a sentence opens with, before its verb:
// "Regular exercise, physiotherapy and losing weight can also ...".
var leadListRE = regexp.MustCompile(`^([A-Z][^.;:()]{2,120}?) (?:can|may|could|might|will|often|also|both|all|help|helps|reduce|reduce|relieve|ease|eases)\b`)

// leadList reads the subjects of a sentence that opens with an enumeration
// of treatments ending before its verb and holding the mention at at: each
// item is a subject, those the lexicon does not know become treatments. It
// returns nil unless every item is a short noun phrase and one of them is a
// substance or treatment the lexicon knows.
func (x *extractor) leadList(text string, at int) []string {
	loc := leadListRE.FindStringSubmatchIndex(text)
	if loc == nil || at >= loc[3] {
		return nil
	}
	var parts []part
	for _, p := range x.splitList(text, 0, loc[3]) {
		if w := strings.Fields(strings.ToLower(p.text)); len(w) > 0 && prepositions[w[0]] {
			continue // "..., for knee arthritis, a walking stick": a qualifier
		}
		parts = append(parts, p)
	}
	if len(parts) < 2 {
		return nil
	}
	known := false
	for _, p := range parts {
		ws := strings.Fields(strings.ToLower(p.text))
		if len(ws) > 4 || contains([]string{"many", "some", "most", "people", "you", "we", "they", "it", "this", "these", "doctors", "studies", "research", "patients", "other", "others"}, ws[0]) {
			return nil
		}
		for _, m := range x.lx.Find(p.text, 0) {
			if m.Entry(schema.Substance, schema.Treatment) != nil && m.Entry(schema.Condition, schema.Effect) == nil {
				known = true
			}
		}
	}
	if !known {
		return nil
	}
	var subs []string
	for _, p := range parts {
		iri := x.resolvePart(p.text, []string{anyHead}, schema.Treatment, schema.Substance)
		if iri == "" {
			return nil
		}
		if !contains(subs, iri) {
			subs = append(subs, iri)
		}
	}
	return subs
}

// subjectAt returns what the statement at byte pos of the sentence is
// about: the substance (or pronoun) at the head of the clause that holds
// pos; else the sentence's subject when it comes before pos; else the
// article's topic. A substance named after pos is never the subject
// ("products are often mislabelled, and some contain THC").
func (x *extractor) subjectAt(s *sent, pos int) []string {
	text := s.Text
	if pos > len(text) {
		pos = len(text)
	}
	start := 0
	low := strings.ToLower(text[:pos])
	for _, d := range []string{", ", "; ", ": ", " that ", " which ", "“", " but ", " while "} {
		if k := strings.LastIndex(low, d); k >= 0 && k+len(d) > start {
			start = k + len(d)
		}
	}
	if loc := leadListRE.FindStringSubmatchIndex(text); loc != nil && start > 0 && start < loc[3] && pos >= loc[3] {
		// "Paracetamol, ibuprofen and heat packs can help": the commas
		// separate subjects, not clauses
		if lead := x.leadList(text, 0); len(lead) > 0 {
			return lead
		}
	}
	clause := text[start:pos]
	if loc := s.with; loc != nil && pos >= loc[3] && len(s.subs) > 0 {
		return s.subs // "Taking X with A or B can cause Y": X's doing
	}
	if _, ok := gerunds[firstWord(clause)]; start == 0 && ok && !s.explicit {
		return s.subs // "Lowering prostaglandin levels reduces pain": the topic
	}
	if loc := genericSubjectRE.FindStringSubmatchIndex(strings.ToLower(clause)); loc != nil && (start == 0 || loc[2] >= 0) {
		return nil // "When a substance acts on opioid receptors": no one substance
	}
	// "The only licensed CBD medicine is Epidyolex, which is used for
	// seizures": a relative clause is about the name it follows
	if rel := strings.ToLower(text[:start]); strings.HasSuffix(rel, ", which ") || strings.HasSuffix(rel, ", who ") {
		k := strings.LastIndex(rel, ", ")
		for i := len(s.ms) - 1; i >= 0; i-- {
			m := s.ms[i]
			if r := m.Start - s.Start; r+len(m.Surface) == k {
				if iri := x.subjectIRI(m); iri != "" {
					return []string{iri}
				}
				break
			}
		}
	}
	// "Epidiolex, a purified CBD oral solution that is FDA-approved for ...":
	// a relative clause after an appositive is about the appositive's head
	if rel := strings.ToLower(text[:start]); strings.HasSuffix(rel, " that ") || strings.HasSuffix(rel, " which ") {
		before := text[:start]
		if k := max(strings.LastIndex(before, ", a "), strings.LastIndex(before, ", an ")); k > 0 && start-k < 80 {
			for i := len(s.ms) - 1; i >= 0; i-- {
				m := s.ms[i]
				if r := m.Start - s.Start; r+len(m.Surface) == k {
					if iri := x.subjectIRI(m); iri != "" {
						return []string{iri}
					}
				}
			}
		}
	}
	if w := firstWord(clause); (w == "both" || w == "each") && len(s.subs) > 1 {
		return s.subs // "dronabinol and nabilone, both FDA-approved for ..."
	}
	head := strings.Fields(clause)
	if len(head) > 4 {
		head = head[:4]
	}
	for _, w := range head {
		if pronouns[strings.Trim(strings.ToLower(strings.ReplaceAll(w, "’", "'")), ",.;:\"“”")] {
			if len(s.subs) > 0 && (s.explicit || pronouns[firstWord(text)]) {
				return s.subs
			}
			if len(x.prevSubjects) > 0 {
				return x.prevSubjects
			}
		}
	}
	for _, m := range s.ms {
		r := m.Start - s.Start
		if r < start || r >= pos || inParens(text, r) {
			continue
		}
		if len(strings.Fields(text[start:r])) > 4 {
			break
		}
		if iri := x.subjectIRI(m); iri != "" {
			return x.coordinated(text, s.ms, s.Start, m, iri)
		}
	}
	if s.explicit && len(s.subs) > 0 {
		if pronouns[firstWord(text)] {
			return s.subs
		}
		for _, m := range s.ms {
			if m.Start-s.Start >= pos {
				break
			}
			if iri := x.subjectIRI(m); iri != "" && iri == s.subs[0] {
				return s.subs
			}
		}
	}
	if x.topic != "" {
		return []string{x.topic}
	}
	return nil
}

// subjectIRI resolves a mention that can be the subject of a statement: a
// substance or compound that is not also an effect ("work as a stimulant")
// and not a generic class ("other medications").
func (x *extractor) subjectIRI(m Mention) string {
	if m.Entry(schema.Effect) != nil {
		return ""
	}
	if e := m.Entry(schema.Substance); e != nil && isGeneric(e) {
		return ""
	}
	iri := x.mentionIRI(m, schema.Substance, schema.Compound, schema.Treatment)
	if iri != "" && iri == x.product {
		x.surface(x.topic, m.Surface)
		return x.topic
	}
	return iri
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " \"“‘'(")
	i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if i < 0 {
		i = len(s)
	}
	return strings.ReplaceAll(strings.ToLower(s[:i]), "’", "'")
}

// inParens reports whether byte i of s is inside parentheses.
func inParens(s string, i int) bool {
	depth := 0
	for k := 0; k < i && k < len(s); k++ {
		switch s[k] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
	}
	return depth > 0
}

// ---- the topic ----

// findTopic picks the article's main substance: the substance mentioned in
// the title, else the one mentioned most often.
func (x *extractor) findTopic() {
	count := map[*Entry]int{}
	firstAt := map[*Entry]int{}
	topical := func(m Mention) *Entry {
		e := m.Entry(schema.Substance, schema.Compound, schema.Treatment)
		if e == nil || isGeneric(e) || m.Entry(schema.Effect) != nil {
			return nil
		}
		return e
	}
	for _, m := range x.lx.Find(x.doc.Text, 0) {
		if e := topical(m); e != nil {
			count[e]++
			if _, ok := firstAt[e]; !ok {
				firstAt[e] = m.Start
			}
		}
	}
	var best *Entry
	if x.doc.Title != "" {
		// the first substance or treatment the title names ("Capsaicin
		// Cream: Can Chili Peppers ...")
		for _, m := range x.lx.Find(x.doc.Title, x.doc.TitleAt.Start) {
			if e := topical(m); e != nil {
				best = e
				break
			}
		}
	}
	if best == nil {
		var es []*Entry
		for e := range count {
			es = append(es, e)
		}
		sort.Slice(es, func(i, j int) bool {
			if count[es[i]] != count[es[j]] {
				return count[es[i]] > count[es[j]]
			}
			return firstAt[es[i]] < firstAt[es[j]]
		})
		if len(es) > 0 && count[es[0]] >= 3 {
			best = es[0]
		}
	}
	if best != nil {
		// a product named after its active compound ("CBD oil", "capsaicin
		// cream") is about the compound: the compound is the topic, and
		// mentions of the product stand for it
		if len(best.Compounds) == 1 && strings.Contains(strings.ToLower(best.Label), strings.ToLower(best.Compounds[0])) {
			if c := x.lx.Lookup(schema.Compound, best.Compounds[0]); c != nil {
				x.product = x.m.Entity(best.Class, best.Label)
				best = c
			}
		}
		x.topic = x.m.Entity(best.Class, best.Label)
		x.mainTopic = x.topic
		x.entity(best, best.Label)
	}
}

// isGeneric reports whether a substance entry is a generic class that cannot
// be an article's topic ("other medications", "herbal supplement").
func isGeneric(e *Entry) bool {
	l := strings.ToLower(e.Label)
	return strings.HasPrefix(l, "other ") || strings.Contains(l, "supplement") || strings.Contains(l, "medication") ||
		strings.Contains(l, "herbal medicine")
}

// ---- sections ----

func (x *extractor) enterSection(s *Section) {
	x.section = s
	x.kinds = map[string]bool{}
	for k, cues := range x.rules.Sections {
		if has(s.Heading, cues) {
			x.kinds[k] = true
		}
	}
	// the enclosing sections, for headings that only name a group of what
	// their parent is about ("Side Effects" > "Less common", "Rare")
	for len(x.outer) > 0 && x.outer[len(x.outer)-1].level >= s.Level {
		x.outer = x.outer[:len(x.outer)-1]
	}
	if len(x.kinds) == 0 && groupHeadRE.MatchString(s.Heading) && len(x.outer) > 0 {
		for k := range x.outer[len(x.outer)-1].kinds {
			x.kinds[k] = true
		}
	}
	x.outer = append(x.outer, outerSection{level: s.Level, kinds: x.kinds})
	x.prevSubjects = nil
	x.prevRef = ""
	x.sectionTopic(s)
}

// aboutBlock runs f with the substance a block is about (a comparison
// table's column) as the topic, when it names one.
func (x *extractor) aboutBlock(b *Block, f func()) {
	if b.About == nil {
		f()
		return
	}
	for _, m := range x.lx.Find(b.About.Text, b.About.Start) {
		e := m.Entry(schema.Substance, schema.Compound, schema.Treatment)
		if e == nil || isGeneric(e) || m.Entry(schema.Effect) != nil {
			continue
		}
		topic, prev := x.topic, x.prevSubjects
		x.topic = x.mentionIRI(m, e.Class)
		x.prevSubjects = []string{x.topic}
		f()
		x.topic, x.prevSubjects = topic, prev
		return
	}
	f()
}

// outerSection is an enclosing section: its heading level and what it is about.
type outerSection struct {
	level int
	kinds map[string]bool
}

// groupHeadRE matches a heading that only names a group by frequency or
// severity: "Less common", "Rare", "Incidence not known", "More serious".
var groupHeadRE = regexp.MustCompile(`(?i)^\s*(?:(?:very|more|less|most|fairly)\s+)?(?:common|uncommon|rare|frequent|infrequent|serious|severe|mild|minor|occasional)(?:\s+(?:side\s+effects|effects|ones|reactions))?\s*:?\s*$|^\s*incidence\s+not\s+known\s*$|^\s*frequency\s+not\s+known\s*$`)

// sectionTopic makes a substance the title names beside the main one the
// topic of a section whose heading names it, and of its subsections:
// comparison articles ("Tramadol or Capsaicin Cream ...") give each
// substance its own sections. A heading at the same or a higher level that
// names none gives the topic back to the main substance.
func (x *extractor) sectionTopic(s *Section) {
	if x.mainTopic == "" || x.doc.Title == "" {
		return
	}
	title := strings.ToLower(x.doc.Title)
	for _, m := range x.lx.Find(s.Heading, s.HeadingAt.Start) {
		e := m.Entry(schema.Substance, schema.Compound, schema.Treatment)
		if e == nil || isGeneric(e) || m.Entry(schema.Effect) != nil || !strings.Contains(title, strings.ToLower(m.Surface)) {
			continue
		}
		iri := x.mentionIRI(m, e.Class)
		switch {
		case iri == x.mainTopic:
			x.topic, x.topicLevel = iri, 0
		case iri == x.topic && x.topicLevel > 0 && x.topicLevel < s.Level:
			// "How capsaicin works" under "What is capsaicin?": still its sections
		default:
			x.topic, x.topicLevel = iri, s.Level
		}
		return
	}
	if x.topicLevel > 0 && s.Level <= x.topicLevel {
		x.topic, x.topicLevel = x.mainTopic, 0
	}
}

// finish copies the collected entities and statements into the article.
func (x *extractor) finish() {
	for iri, e := range x.ents {
		for s := range x.syn[iri] {
			e.Synonyms = append(e.Synonyms, s)
		}
		x.art.Entities = append(x.art.Entities, *e)
	}
	x.art.Statements = append(x.art.Statements, denyWins(x.stmts)...)
	// one node per IRI: a claim or a reference given twice keeps its first place
	x.art.Claims = uniqueBy(x.art.Claims, func(c schema.Claim) string { return c.IRI })
	x.art.References = uniqueBy(x.art.References, func(r schema.Reference) string { return r.IRI })
	x.art.Normalize()
}

// uniqueBy keeps the first element of each key, in order.
func uniqueBy[T any](xs []T, key func(T) string) []T {
	seen := map[string]bool{}
	var out []T
	for _, x := range xs {
		if k := key(x); !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
	}
	return out
}

// denyWins drops the positive evidence of a fact that the same sentence
// denies: one rule may read "isn't proven to help with X" as a use while
// another reads the denial; the denial wins, so a denied fact never becomes
// a positive edge.
func denyWins(stmts []schema.Statement) []schema.Statement {
	type key struct {
		s, o       string
		p          schema.Predicate
		start, end int
	}
	denied := map[key]bool{}
	for _, st := range stmts {
		if st.Negated {
			for _, ev := range st.Evidence {
				denied[key{st.Subject, st.Object, st.Predicate, ev.Start, ev.End}] = true
			}
		}
	}
	var out []schema.Statement
	for _, st := range stmts {
		if !st.Negated {
			var keep []schema.Evidence
			for _, ev := range st.Evidence {
				if !denied[key{st.Subject, st.Object, st.Predicate, ev.Start, ev.End}] {
					keep = append(keep, ev)
				}
			}
			if len(keep) == 0 {
				continue
			}
			st.Evidence = keep
		}
		out = append(out, st)
	}
	return out
}
