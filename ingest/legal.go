package ingest

import (
	"regexp"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

var scheduleRE = regexp.MustCompile(`(?i)\b(?:schedule|class)\s+(?:[ivx]+|[1-5]|[a-c])\s+$`)

// scheduleOfRE ends in a schedule of an act: "in Schedule IV of the ".
var scheduleOfRE = regexp.MustCompile(`(?i)\b((?:schedule|class)\s+(?:[ivx]+|[1-5]|[a-c]))\s+of\s+the\s+$`)

// madeNotRE finds a denial before a status given as the object of a verb:
// "has not made it a", "never declared kratom a".
var madeNotRE = regexp.MustCompile(`(?i)\b(not|never)\s+(?:made|make|declared|declare|classified|classify|designated|designate|listed|named)\s+(?:it|them|this|[a-z][a-z0-9-]*)\s+(?:an?\s+)?$`)

// noSubjectRE finds a denying subject right before a status: "no version
// of it is", "none of them are".
var noSubjectRE = regexp.MustCompile(`(?i)(?:^|[,;:]\s+|\s)(?:no|none of)\s+(?:[a-z’']+\s+){0,3}(?:is|are|was|were|has been|have been)\s+$`)

// rxCue reports a cue about how a medicine is supplied: over the counter,
// with or without a prescription.
func rxCue(cue string) bool {
	return strings.Contains(cue, "prescription") || strings.Contains(cue, "counter")
}

// designationRE finds a schedule or class at the start of a status phrase.
var designationRE = regexp.MustCompile(`^(?:schedule|class)\s+(?:[ivx]+|[1-5]|[a-c])\s`)

var negWords = map[string]bool{"not": true, "isn't": true, "aren't": true, "wasn't": true, "never": true, "no": true, "longer": true}

// regionRE finds "some states and cities in America"-like jurisdictions.
var regionRE = regexp.MustCompile(`(?i)\b(?:some|many|several|most|certain|a few|a number of)\s+(?:US\s+|U\.S\.\s+)?(?:states|countries|cities|counties|provinces|territories|parts)(?:\s+and\s+(?:cities|counties|states|countries|territories))?\s+(?:in|of)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*`)

// legal extracts legal and regulatory statuses: "is not approved by the FDA
// as safe", "isn't regulated", "has listed kratom as a drug of concern",
// "is banned in the UK".
func (x *extractor) legal(s *sent, f folded) {
	text := s.Text
	covered := -1
	for _, h := range findAll(f, x.rules.rel("legal_cues")) {
		if h.start < covered {
			continue
		}
		before := strings.ToLower(strings.TrimRight(text[:h.start], " "))
		if endsWithWord(before, x.rules.rel("legal_skip_before")) {
			continue
		}
		if strings.HasSuffix(before, "the same as") || strings.HasSuffix(before, "the same thing as") {
			continue // "Legal is not the same as approved": a distinction, no status
		}
		cue := strings.ToLower(h.phrase)
		prevWord := ""
		if ws := strings.Fields(strings.ToLower(text[:h.start])); len(ws) > 0 {
			prevWord = strings.Trim(ws[len(ws)-1], ",;:")
		}
		// "Schedule IV controlled substance", "Class B drug"
		if loc := scheduleRE.FindStringIndex(text[:h.start]); loc != nil {
			h.start = loc[0]
		}
		auxiliary := contains([]string{"effectively", "has", "have", "had", "was", "were", "is", "are", "been", "be", "which", "it", "not", "and"}, prevWord)
		if after := strings.Fields(strings.ToLower(text[h.end:])); cue != "listed" && cue != "lists" && !strings.HasPrefix(cue, "removed") && !auxiliary && len(after) > 0 && h.end < len(text) && text[h.end] == ' ' &&
			!contains([]string{"by", "in", "for", "as", "and", "to", "under", "at", "across", "throughout", "since", "until", "or", "now", "federally", "here", "there", "yet", "it", "them", "this", "since", "like"}, strings.Trim(after[0], ",.;:")) {
			continue // "regulated medicines": an adjective, not a status
		}
		start := h.start
		negated := firstWord(text) == "neither" // "Neither is approved for pain"
		denied := false
		// take in a preceding negation or adverb: "not approved", "currently unregulated"
		for k := 0; k < 3; k++ {
			b := strings.TrimRight(text[:start], " ")
			i := strings.LastIndexAny(b, " ,;:(")
			w := strings.ToLower(strings.ReplaceAll(b[i+1:], "’", "'"))
			if (w == "a" || w == "an") && k == 0 {
				// "not a controlled substance": look past the article
				b2 := strings.TrimRight(b[:i+1], " ")
				j := strings.LastIndexAny(b2, " ,;:(")
				if negWords[strings.ToLower(b2[j+1:])] {
					negated = true
					start = j + 1
					continue
				}
				break
			}
			if negWords[w] || contains(x.rules.rel("legal_adverbs"), w) || w == "have" || w == "has" || w == "had" {
				if negWords[w] {
					negated = true
				}
				start = i + 1
				continue
			}
			break
		}
		// "has not made it a controlled substance": the denial governs the
		// status named after its object
		if !negated {
			if loc := madeNotRE.FindStringSubmatchIndex(text[:start]); loc != nil {
				negated, start = true, loc[2]
			} else if noSubjectRE.MatchString(text[:start]) {
				negated, denied = true, true // "no version of it is sold over the counter"
			}
		}
		var phrase string
		end := legalEnd(text, h.end)
		if rxCue(cue) {
			// "sold over the counter as a nasal spray", "without a
			// prescription in pharmacies": the status, not the product or shop
			if k := indexAny(strings.ToLower(text[h.end:end]), " as ", " for ", " in ", " at ", " from ", " under ", " to "); k >= 0 {
				end = h.end + k
			}
		}
		if cue == "listed" || cue == "lists" {
			rest := text[h.end:end]
			k := strings.Index(strings.ToLower(rest), " as ")
			if k < 0 {
				continue
			}
			phrase = strings.TrimSpace(rest[k+4:])
			phrase = strings.TrimPrefix(strings.TrimPrefix(phrase, "a "), "an ")
			phrase = strings.Trim(phrase, " \"“”'‘’,.")
		} else {
			phrase = strings.Trim(text[start:end], " ,.;:\"“”")
			low := strings.ToLower(phrase)
			// "Class C controlled drug since 2019", "FDA-approved for postherpetic
			// neuralgia": the status without its date or the condition (the
			// condition is a use of its own)
			for _, stop := range []string{" since ", " from 19", " from 20", " in 19", " in 20", ": "} {
				if k := strings.Index(low, stop); k > 0 {
					phrase, low = phrase[:k], low[:k]
				}
			}
			if strings.Contains(cue, "approved") {
				for _, sep := range []string{" for ", " to treat ", " as a treatment for ", " as an add-on"} {
					if k := strings.Index(low, sep); k > 0 {
						rest := phrase[k+len(sep):]
						if ms := x.lx.Find(rest, 0); sep == " as an add-on" || len(ms) > 0 && ms[0].Start < 20 && ms[0].Entry(schema.Condition) != nil {
							phrase, low = phrase[:k], low[:k]
						}
					}
				}
			}
			// "a boxed warning from the FDA about an increased risk": the warning
			if strings.Contains(cue, "warning") {
				if k := indexAny(low, " from ", " about "); k > 0 {
					phrase, low = phrase[:k], low[:k]
				}
			}
			// "licensed for generalised anxiety disorder as well", "FDA-approved for:"
			phrase = trimTrailing(phrase, " as well", " too", " also", " for", " to", " it", " them")
		}
		// "placed tramadol in Schedule IV of the Controlled Substances Act":
		// a Schedule IV controlled substance
		if loc := scheduleOfRE.FindStringSubmatchIndex(text[:h.start]); loc != nil && strings.HasPrefix(cue, "controlled substances act") {
			phrase, cue = text[loc[2]:loc[3]]+" controlled substance", "controlled substance"
		}
		if phrase == "" || len(strings.Fields(phrase)) > 16 {
			continue
		}
		if negated && start == h.start || denied {
			phrase = "not " + phrase // the negation came from "Neither" or "no version of it"
		}
		covered = end
		status := legalStatusWord(cue, negated, phrase)
		agency, jurisdiction := "", ""
		var agencyEntry *Entry
		for _, m := range of(s.ms, schema.Organization) {
			agencyEntry = m.Entry(schema.Organization)
			agency = x.entity(agencyEntry, m.Surface)
			break
		}
		if loc := regionRE.FindStringIndex(text); loc != nil {
			jurisdiction = x.newEntity(schema.Place, strings.ToLower(text[loc[0]:loc[0]+1])+text[loc[0]+1:loc[1]], text[loc[0]:loc[1]])
		} else {
			places := of(within(s.ms, s.Start+start, s.Start+end), schema.Place)
			if len(places) == 0 {
				places = of(s.ms, schema.Place)
			}
			if len(places) > 0 {
				jurisdiction = x.mentionIRI(places[0], schema.Place)
			} else if agencyEntry != nil && agencyEntry.Jurisdiction != "" {
				if e := x.lx.Lookup(schema.Place, agencyEntry.Jurisdiction); e != nil {
					jurisdiction = x.entity(e, e.Label)
				}
			}
		}
		if agency == "" && jurisdiction == "" {
			// "Kratom is currently unregulated" restates a status the
			// article gave with its agency and jurisdiction before
			for _, prev := range x.legalOrder {
				if e := x.ents[prev]; e.Status == status {
					agency, jurisdiction = e.Agency, e.Jurisdiction
					break
				}
			}
		}
		key := status
		var where []string
		for _, iri := range []string{agency, jurisdiction} {
			if iri != "" {
				key += " " + x.ents[iri].Label
				where = append(where, x.ents[iri].Label)
			}
		}
		// the label is made of what the IRI is made of, so that every
		// article gives the node the same one; the article's wording is a
		// synonym
		label := status
		if len(where) > 0 {
			label += " (" + strings.Join(where, ", ") + ")"
		}
		iri := x.m.Entity(schema.LegalStatus, key)
		if _, ok := x.ents[iri]; !ok {
			x.legalOrder = append(x.legalOrder, iri)
			x.ents[iri] = &schema.Entity{IRI: iri, Class: schema.LegalStatus, Label: label,
				Agency: agency, Jurisdiction: jurisdiction, Status: status}
			x.syn[iri] = map[string]bool{}
		}
		x.surface(iri, phrase)
		c, cues := x.certainty(text, end)
		subs := s.subs
		if len(subs) > 1 && !s.explicit {
			subs = subs[:1]
		}
		// "..., and about deaths when it was combined with opioids,
		// gabapentin was reclassified as": the subject of the cue's clause
		if cl := x.subjectAt(s, start); len(cl) > 0 && len(subs) > 0 && !contains(subs, cl[0]) && clauseSubject(text, start) {
			subs = cl
		}
		for _, sub := range subs {
			// "A and B are banned": the status of each
			x.add(sub, schema.HasLegalStatus, iri, stmtOpts{rule: "legal-status", sent: s.Sentence, certainty: c, cues: cues, ref: s.ref})
		}
	}
}

// clauseSubject reports whether the clause that ends at i opens with its
// own subject after a comma ("..., gabapentin was reclassified as"), so that
// the status is that subject's rather than the sentence's.
func clauseSubject(text string, i int) bool {
	k := strings.LastIndex(text[:i], ", ")
	return k > 0 && len(strings.Fields(text[k+2:i])) <= 5
}

// legalEnd ends a status phrase at a comma, a stop or a conjunction that
// starts another clause; "and" continues it ("banned and is illegal to sell").
func legalEnd(text string, i int) int {
	end := len(text)
	rest := strings.ToLower(text[i:])
	for _, stop := range []string{",", ";", " which ", " but ", " so ", " because ", " and therefore", " meaning ", " while ", "\u201d", " under the brand", " under brand", " as a generic"} {
		if k := strings.Index(rest, stop); k >= 0 && i+k < end {
			end = i + k
		}
	}
	if k := sentenceStop(text[i:end]); k >= 0 {
		end = i + k
	}
	return end
}

// sentenceStop finds a full stop that is not part of an abbreviation
// ("U.S.", "Dr.") in s, or -1.
func sentenceStop(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != '!' && s[i] != '?' {
			continue
		}
		if s[i] == '.' {
			// abbreviation: a single letter before, or a letter right after
			j := i - 1
			for j >= 0 && isWordByte(s[j]) {
				j--
			}
			word := s[j+1 : i]
			if len(word) == 1 || (i+1 < len(s) && isWordByte(s[i+1])) || abbreviations[strings.ToLower(word)] {
				continue
			}
		}
		return i
	}
	return -1
}

var abbreviations = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true, "vs": true, "etc": true, "e.g": true, "i.e": true, "no": true, "approx": true, "fig": true, "al": true, "jr": true, "sr": true, "inc": true, "ltd": true, "co": true, "mg": true}

func legalStatusWord(cue string, negated bool, phrase string) string {
	p := strings.ToLower(phrase)
	switch {
	case cue == "listed" || cue == "lists":
		return phrase
	case strings.Contains(cue, "approv"):
		if negated {
			return "not approved"
		}
		return "approved"
	case strings.Contains(cue, "regulat"):
		if negated || strings.HasPrefix(cue, "un") {
			return "unregulated"
		}
		return "regulated"
	case strings.Contains(p, "banned") && strings.Contains(p, "illegal"):
		return "banned; illegal to sell"
	case designationRE.MatchString(p) && !negated:
		// "Schedule II controlled substance", "Class A controlled drug":
		// the schedule is part of the status
		d := strings.TrimSpace(designationRE.FindString(p))
		if rest := strings.TrimSpace(strings.TrimPrefix(cue, d)); rest != "" && rest != cue {
			return d + " " + rest
		}
		if strings.HasPrefix(cue, "schedule") || strings.HasPrefix(cue, "class") {
			return strings.Join(strings.Fields(p), " ")
		}
		return d + " " + cue
	case strings.HasPrefix(cue, "schedule"):
		return "scheduled"
	}
	if negated {
		return "not " + cue
	}
	return cue
}

func endsWithWord(s string, words []string) bool {
	s = strings.ReplaceAll(s, "’", "'")
	for _, w := range words {
		if strings.HasSuffix(s, w) && (len(s) == len(w) || !isWordByte(s[len(s)-len(w)-1])) {
			return true
		}
	}
	return false
}

func contains(l []string, w string) bool {
	for _, x := range l {
		if x == w {
			return true
		}
	}
	return false
}

// members finds "NSAIDs, which also include naproxen, diclofenac and
// aspirin", "blood thinners such as warfarin or apixaban", "nerve pain such
// as sciatica": each member is a kind of the class named just before. The
// link is asserted whatever the sentence says of the class ("it is not a
// treatment for nerve pain such as sciatica" still calls sciatica nerve pain).
func (x *extractor) members(s *sent, f folded) {
	text := s.Text
	for _, h := range findAll(f, memberCues) {
		which := strings.HasPrefix(h.phrase, "which")
		var class *Mention
		for i := range s.ms {
			m := s.ms[i]
			end := s.rel(m) + len(m.Surface)
			if end > h.start {
				break
			}
			gap := strings.TrimSpace(text[end:h.start])
			// "NSAIDs, which also include", "drugs (NSAIDs), which also include", "NSAIDs such as"
			if gap == "" || gap == "," || strings.HasPrefix(gap, "(") && strings.HasSuffix(strings.TrimSuffix(gap, ","), ")") && len(gap) < 24 {
				if class != nil && s.rel(*class)+len(class.Surface) == end && len(class.Surface) > len(m.Surface) {
					continue // "SSRI antidepressants", not "antidepressants"
				}
				class = &s.ms[i]
			} else {
				class = nil
			}
		}
		if class == nil {
			continue
		}
		e := class.Entry(schema.Substance, schema.Treatment)
		if e == nil && !which {
			e = class.Entry(schema.Condition)
		}
		if e == nil || isGeneric(e) || which && !strings.HasSuffix(strings.ToLower(class.Surface), "s") {
			continue // a class of drugs that includes others is named in the plural ("NSAIDs, which include")
		}
		if e.Class == schema.Condition && (effectGroupRE.MatchString(e.Label) || x.kinds["side_effects"] || x.kinds["long_term"] || x.kinds["withdrawal"] || x.kinds["symptoms"]) {
			continue // "neurological effects such as seizure", "stomach upset, such as nausea": a group of side effects, not a condition's kinds
		}
		if k := s.rel(*class); k > 0 && coordClassRE.MatchString(text[:k]) {
			// "SSRI or SNRI antidepressants, for example sertraline", "Some
			// antibiotics and antifungal medicines, such as clarithromycin":
			// which class is which example's is not said
			before := strings.Fields(coordClassRE.ReplaceAllString(text[:k], ""))
			if len(before) > 0 {
				w := strings.ToLower(strings.Trim(before[len(before)-1], ",;:"))
				if strings.HasSuffix(w, "s") || strings.ToUpper(w) == w {
					continue
				}
				for _, m := range s.ms {
					if end := s.rel(m) + len(m.Surface); end <= k && end >= k-len(" and/or ")-1 && m.Entry(e.Class) != nil {
						e = nil
					}
				}
				if e == nil {
					continue
				}
			}
		}
		cls := x.entity(e, class.Surface)
		// the members end where the enumeration takes up another phrase:
		// "blood thinners such as warfarin, or with SSRIs", "arthritis,
		// including osteoarthritis, and to bring down a fever"
		to := clauseEndList(text, h.end)
		if loc := memberVerbRE.FindStringIndex(text[h.end:to]); loc != nil {
			to = h.end + loc[0] // "... and methocarbamol are prescribed for back pain"
		}
		if k := indexAny(text[h.end:to], " - ", " – ", " — ", " (", ", which", ", whose"); k >= 0 {
			to = h.end + k // "... or oxycodone - taken together with gabapentin"
		}
		for i, p := range x.splitList(text, h.end, to) {
			if t := strings.ToLower(strings.TrimLeft(p.text, " ")); i > 0 && startsWithAny(t, itemPreps...) {
				to = p.start
				break
			}
		}
		// the members the lexicon knows, and nothing made up from the words
		// around them ("ibuprofen or naproxen for short flare-ups")
		for _, m := range within(s.ms, s.Start+h.end, s.Start+to) {
			if m.Entry(e.Class) == nil || m.Entry(schema.Effect) != nil {
				continue
			}
			if iri := x.mentionIRI(m, e.Class); iri != cls && x.ents[iri] != nil && x.ents[iri].Class == e.Class &&
				!strings.Contains(strings.ToLower(x.ents[cls].Label), strings.ToLower(x.ents[iri].Label)) {
				x.add(iri, schema.IsA, cls, stmtOpts{rule: "class-members", sent: s.Sentence, certainty: schema.Asserted, ref: s.ref})
			}
		}
	}
}

// effectGroupRE matches the label of a group of effects or symptoms.
var effectGroupRE = regexp.MustCompile(`(?i)\b(?:effects|symptoms|signs|reactions|complaints|changes)$`)

// memberVerbRE finds the verb after an enumeration of members.
var memberVerbRE = regexp.MustCompile(`\s(?:are|is|were|was|can|may|might|could|should|will|have|has|had|help|helps|work|works|do|does|carry|carries)\b`)

// coordClassRE finds a coordinator just before a class: "SSRI or |SNRI antidepressants".
var coordClassRE = regexp.MustCompile(`\s(?:or|and|and/or)\s$`)

// memberCues introduce the members of a class named just before them.
var memberCues = []string{"which also includes", "which also include", "which include", "which includes",
	"such as", "including", "for example", "e.g.", "like"}

// isA extracts class membership: "Kratom is a herbal supplement", "should
// be classified as an opioid", "it isn't an opioid" (denied).
func (x *extractor) isA(s *sent, f folded) {
	text := s.Text
	for _, h := range findAll(f, x.rules.rel("isa_cues")) {
		var obj *Mention
		for i := range s.ms {
			m := s.ms[i]
			gap := s.rel(m) - h.end
			if gap < 0 {
				continue
			}
			maxGap, maxWords := 12, 1
			if h.phrase == "one of the" {
				maxGap, maxWords = 24, 2 // "one of the best-selling herbal supplements"
			}
			if gap <= maxGap && len(strings.Fields(text[h.end:s.rel(m)])) <= maxWords && (m.Entry(schema.Substance, schema.Treatment) != nil || m.Entry(schema.Compound) != nil && strings.HasSuffix(m.Surface, "s")) {
				if e := m.Entry(schema.Substance, schema.Treatment); h.phrase == "one of the" && (e == nil || isGeneric(e) && !strings.Contains(e.Label, "supplement")) {
					break
				}
				obj = &m // "compounds called cannabinoids": a class of compounds too
			}
			break
		}
		if obj == nil {
			continue
		}
		// the subject: the last substance before the cue, or a pronoun's antecedent
		subj := ""
		for _, m := range of(s.ms, schema.Substance, schema.Compound) {
			if s.rel(m) < h.start && !inParens(text, s.rel(m)) && !brandAppositive(text[:s.rel(m)]) {
				subj = x.mentionIRI(m, schema.Substance, schema.Compound)
			}
		}
		if subj == "" {
			pre := " " + strings.ToLower(text[:h.start]) + " "
			if (strings.Contains(pre, " it ") || strings.Contains(pre, " it’s ")) && len(s.subs) > 0 {
				subj = s.subs[0]
			}
		}
		if subj == "" {
			continue
		}
		c, cues := x.certainty(text, len(text))
		o := stmtOpts{rule: "is-a", sent: s.Sentence, certainty: c, cues: cues, ref: s.ref}
		if contains(x.rules.rel("isa_negative"), h.phrase) {
			o.negated, o.cues = true, []string{h.phrase}
		} else if neg, ncues := x.negatedAt(text, h.start); neg {
			o.negated, o.cues = true, ncues
		}
		if o.negated && strings.TrimSpace(text[h.end:s.rel(*obj)]) != "" {
			continue // "is not a “safe” opioid": the quality is denied, not the class
		}
		cls := x.mentionIRI(*obj, schema.Substance, schema.Treatment, schema.Compound)
		x.add(subj, schema.IsA, cls, o)
		// "Naproxen is an NSAID, in the same family as ibuprofen and
		// diclofenac": the others named are of the class too
		if loc := sameFamilyRE.FindStringIndex(text); loc != nil && loc[0] > h.end && !o.negated {
			to := clauseEndList(text, loc[1])
			if k := strings.IndexAny(text[loc[1]:to], ",;"); k >= 0 {
				to = loc[1] + k
			}
			for _, iri := range x.objectsIn(text, loc[1], to, x.rules.DrugHeads, schema.Substance) {
				if iri != cls && iri != subj && x.ents[iri].Class == schema.Substance {
					x.add(iri, schema.IsA, cls, stmtOpts{rule: "same-family", sent: s.Sentence, certainty: c, cues: cues, ref: s.ref})
				}
			}
		}
	}
	x.appositiveIsA(s)
	x.conditionAppositiveIsA(s)
}

// conditionAppositiveIsA reads "postherpetic neuralgia, the lingering nerve
// pain that can follow shingles": the condition is a kind of the one its
// appositive names.
func (x *extractor) conditionAppositiveIsA(s *sent) {
	text := s.Text
	conds := of(s.ms, schema.Condition)
	for i, m := range conds {
		end := s.rel(m) + len(m.Surface)
		if !strings.HasPrefix(text[end:], ", the ") || i+1 >= len(conds) {
			continue
		}
		n := conds[i+1]
		gap := strings.Fields(text[end+len(", the ") : s.rel(n)])
		after := text[s.rel(n)+len(n.Surface):]
		if len(gap) > 2 || strings.ContainsAny(text[end+2:s.rel(n)], ",;()") || !startsWithAny(after, " that ", " which ", ",", ".") {
			continue
		}
		a, b := x.mentionIRI(m, schema.Condition), x.mentionIRI(n, schema.Condition)
		if a != b {
			x.add(a, schema.IsA, b, stmtOpts{rule: "condition-appositive", sent: s.Sentence, certainty: schema.Asserted, ref: s.ref})
		}
	}
}

// sameFamilyRE finds "in the same family as", "of the same class as".
var sameFamilyRE = regexp.MustCompile(`(?i)\b(?:in|of|from) the same (?:family|class|group|drug class|group of medicines) as `)

// appositiveIsA reads a class named in an appositive right after a
// substance: "nortriptyline, a closely related tricyclic", "Epidiolex, a
// purified CBD oral solution".
func (x *extractor) appositiveIsA(s *sent) {
	text := s.Text
	for _, m := range of(s.ms, schema.Substance) {
		end := s.rel(m) + len(m.Surface)
		if !startsWithAny(text[end:], ", a ", ", an ") || inParens(text, s.rel(m)) {
			continue
		}
		start := end + strings.Index(text[end+2:], " ") + 3 // after the article
		for _, n := range s.ms {
			r := s.rel(n)
			if r < start {
				continue
			}
			gap := strings.Fields(text[start:r])
			if len(gap) > 2 || strings.ContainsAny(text[start:r], ",;()") || hasWord(strings.ToLower(text[start:r]), "in", "of", "from", "with", "for", "to", "found", "made", "derived", "extracted", "taken", "sold", "used", "like") {
				break // "CBD, a compound in cannabis": not a kind of cannabis
			}
			e := n.Entry(schema.Substance)
			if e == nil || n.Entry(schema.Form) != nil || isGeneric(e) {
				break
			}
			cls := x.mentionIRI(n, schema.Substance)
			if sub := x.mentionIRI(m, schema.Substance); cls != sub {
				x.add(sub, schema.IsA, cls, stmtOpts{rule: "appositive-is-a", sent: s.Sentence, certainty: schema.Asserted, ref: s.ref})
			}
			break
		}
	}
}
