package ingest

import (
	"regexp"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

// part is a piece of a list or of an enumeration in a sentence.
type part struct {
	text       string
	start, end int // relative to the text that was split
	extra      []string
}

var prepositions = map[string]bool{"on": true, "in": true, "at": true, "of": true, "with": true, "to": true, "for": true, "from": true, "by": true, "about": true, "into": true}

// splitList splits text[start:end] into the items of an enumeration
// ("A, B, and C", "A; B; and C", "A or B"), never inside a lexicon term
// ("aches and pains") and never before a preposition ("tense and on edge").
func (x *extractor) splitList(text string, start, end int) []part {
	if start >= end {
		return nil
	}
	region := text[start:end]
	protected := make([]bool, len(region))
	for _, m := range x.lx.Find(region, 0) {
		for k := m.Start; k < m.End; k++ {
			protected[k] = true
		}
	}
	// nothing inside parentheses separates items: "breathing problems
	// (asthma, sleep apnea)"
	depth := 0
	for k := 0; k < len(region); k++ {
		switch region[k] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		}
		if depth > 0 {
			protected[k] = true
		}
	}
	// In a comma list with a serial comma ("A, B or C, and D") a bare "and"
	// or "or" joins words inside one item ("kidney or liver disease"); in
	// one without, only the last item may be split ("A, B, C and D").
	low0 := strings.ToLower(region)
	serial := strings.Contains(low0, ", and ") || strings.Contains(low0, ", or ")
	lastComma := strings.LastIndex(low0, ", ")
	mentionEnd := map[int]bool{}
	for _, m := range x.lx.Find(region, 0) {
		mentionEnd[m.End] = true
	}
	// "dehydration from vomiting and diarrhoea", "history of drug or alcohol
	// misuse": a conjunction inside a prepositional phrase joins its objects
	for k := 0; k+1 < len(region); k++ {
		if !(strings.HasPrefix(low0[k:], " and ") || strings.HasPrefix(low0[k:], " or ")) {
			continue
		}
		seg := low0[:k]
		if c := strings.LastIndexAny(seg, ",;"); c >= 0 {
			seg = seg[c+1:]
		}
		for _, p := range []string{" from ", " of ", " with ", " in ", " containing "} {
			// "dehydration from vomiting and diarrhoea": a cause's objects
			// are joined even when the first is a term of its own
			if i := strings.Index(seg, p); i > 0 && (!mentionEnd[k] || p == " from " || p == " containing ") {
				protected[k] = true
			}
		}
	}
	if strings.Count(low0, ", ") >= 1 {
		for k := 0; k+1 < len(region); k++ {
			if strings.HasPrefix(low0[k:], " and ") || strings.HasPrefix(low0[k:], " or ") {
				if k > 0 && region[k-1] == ',' || mentionEnd[k] {
					continue // after a whole term ("osteoarthritis and rheumatoid arthritis") it separates
				}
				// only when the conjunction joins words of a longer phrase
				// ("kidney or liver disease", not "oils and tinctures")
				rest := low0[k+1:]
				if c := strings.Index(rest, ","); c >= 0 {
					rest = rest[:c]
				}
				left := low0[:k]
				if c := strings.LastIndexAny(left, ",;"); c >= 0 {
					left = left[c+1:]
				}
				if lw := strings.Fields(left); len(lw) >= 2 && (lw[0] == "a" || lw[0] == "an" || lw[0] == "the") || len(lw) > 0 && contains(x.rules.DrugHeads, lw[len(lw)-1]) {
					continue // "an enlarged prostate or bipolar disorder", "antibiotics and antifungal medicines": a whole phrase on the left
				}
				if (serial || k < lastComma) && len(strings.Fields(rest)) >= 3 {
					protected[k] = true
				}
			}
		}
	}
	var out []part
	from := 0
	emit := func(to int) {
		p := region[from:to]
		t := strings.TrimSpace(p)
		t = strings.Trim(t, ",;:.\"“”")
		t = strings.TrimSpace(t)
		for _, c := range []string{" and", " or"} {
			t = strings.TrimSpace(strings.TrimSuffix(t, c)) // "gentle exercise and, for knee arthritis, ..."
		}
		if t != "" {
			off := from + strings.Index(p, t)
			out = append(out, part{text: t, start: start + off, end: start + off + len(t)})
		}
	}
	lower := strings.ToLower(region)
	for i := 0; i < len(region); i++ {
		if protected[i] {
			continue
		}
		var sepLen int
		switch {
		case region[i] == ',' || region[i] == ';':
			sepLen = 1
			rest := lower[i+1:]
			for _, c := range []string{" and ", " or ", " and/or "} {
				if strings.HasPrefix(rest, c) {
					sepLen += len(c) - 1
				}
			}
		case strings.HasPrefix(lower[i:], " and ") || strings.HasPrefix(lower[i:], " or ") || strings.HasPrefix(lower[i:], " & "):
			w := 5
			if strings.HasPrefix(lower[i:], " or ") || strings.HasPrefix(lower[i:], " & ") {
				w = 4
			}
			next := strings.Fields(lower[i+w:])
			if len(next) > 0 && prepositions[strings.Trim(next[0], ",.")] {
				continue
			}
			sepLen = w - 1
		default:
			continue
		}
		emit(i)
		from = i + sepLen
		i = from - 1
	}
	emit(len(region))
	return x.mergeModifiers(out, text)
}

// adjectiveRE matches a word shaped like an adjective ("tarry", "sticky",
// "swollen", "crushing").
var adjectiveRE = regexp.MustCompile(`^[a-z]+(?:y|ed|en|ing|ish|ous|ful)$`)

// participleRE matches a lone participle or adjective in -ed/-en.
var participleRE = regexp.MustCompile(`^[a-z]+(?:ed|en)$`)

// mergeModifiers joins modifiers coordinated before one head noun: in
// "broken, cracked or irritated skin" the items are one phrase, not
// "broken", "cracked" and "irritated skin".
func (x *extractor) mergeModifiers(parts []part, text string) []part {
	for i := len(parts) - 2; i >= 0; i-- {
		next := strings.Fields(parts[i+1].text)
		between := ""
		if parts[i].end >= 0 && parts[i].end <= parts[i+1].start && parts[i+1].start <= len(text) {
			between = strings.ToLower(text[parts[i].end:parts[i+1].start])
		}
		// "hot and cold flushes": a lone word the lexicon does not know,
		// joined by a bare conjunction to a two-word phrase, shares its noun
		shared := (between == " and " || between == " or ") && len(next) == 2 && isWordLower(parts[i].text) && len(x.lx.Find(parts[i].text, 0)) == 0 && len(x.lx.Find(parts[i+1].text, 0)) == 0
		// "Black, tarry stools": adjectives in a row before one noun
		shared = shared || between == ", " && len(next) == 2 && !strings.Contains(parts[i].text, " ") && adjectiveRE.MatchString(strings.ToLower(next[0])) &&
			len(x.lx.Find(parts[i].text, 0)) == 0 && len(x.lx.Find(next[0], 0)) == 0
		if !shared && (!participleRE.MatchString(parts[i].text) || len(next) < 2 || !participleRE.MatchString(next[0])) {
			continue
		}
		merged := part{text: text[parts[i].start:parts[i+1].end], start: parts[i].start, end: parts[i+1].end}
		parts = append(parts[:i], append([]part{merged}, parts[i+2:]...)...)
	}
	return parts
}

// cleanItem turns an item into a label: without leading articles and
// qualifiers ("a", "even a", "ongoing"), trailing clauses ("when we can
// manage it") and punctuation; lower-cased unless it is an acronym or a
// proper name.
func (x *extractor) cleanItem(s string) string {
	s = strings.TrimSpace(strings.Trim(s, " ,;:.\"“”"))
	if strings.Count(s, "(") != strings.Count(s, ")") || strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(strings.Trim(s, " ,;:.\"“”()"))
	}
	low := strings.ToLower(s)
	for _, k := range x.rules.ItemKeepPrefixes {
		if strings.HasPrefix(low, k) {
			return lowerFirst(s)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, p := range x.rules.ItemStripPrefixes {
			if strings.HasPrefix(low, p+" ") && len(s) > len(p)+1 {
				s = s[len(p)+1:]
				low = low[len(p)+1:]
				changed = true
			}
		}
	}
	for _, stop := range []string{" when ", " that ", " which ", " who ", " where ", " if ", " because ", " so that ", " must ", " should ", " shouldn't ", " cannot ", " can't "} {
		if k := strings.Index(low, stop); k > 0 {
			s, low = s[:k], low[:k]
		}
	}
	return lowerFirst(strings.TrimSpace(s))
}

// lowerFirst lower-cases words that are not acronyms or proper names
// (a capital after the first letter, or a capital word inside the phrase).
func lowerFirst(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if isAcronym(w) || (i > 0 && w != strings.ToLower(w)) {
			continue
		}
		if i == 0 && len(ws) > 1 && hasInnerCapitals(ws[1:]) {
			continue
		}
		ws[i] = strings.ToLower(w)
	}
	return strings.Join(ws, " ")
}

func hasInnerCapitals(ws []string) bool {
	for _, w := range ws {
		if w != strings.ToLower(w) && !prepositions[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// itemParts splits a list item into the things it names: "Nausea and
// vomiting" is two, "Muscle and bone pain" is "muscle pain" and "bone pain",
// "Changes in mood including negative mood, aggression, and hostility" is
// four, "Shakiness/jitters" is one.
func (x *extractor) itemParts(text string, class schema.Class) []part {
	t := strings.TrimRight(strings.TrimSpace(text), " .;,")
	if e := x.lx.Lookup(class, t); e != nil {
		return []part{{text: t, start: 0, end: len(t)}}
	}
	var extra []string
	// "X (Y)": Y is another name of X
	if i := strings.Index(t, " ("); i > 0 && strings.HasSuffix(t, ")") {
		inner := t[i+2 : len(t)-1]
		if len(strings.Fields(inner)) <= 4 {
			// "nerve pain that continues after an attack of shingles
			// (postherpetic neuralgia)": the name the lexicon knows, when
			// the phrase before it describes rather than names
			if x.lx.Lookup(class, inner) != nil && x.lx.Lookup(class, t[:i]) == nil && len(strings.Fields(t[:i])) > 3 {
				return []part{{text: inner, start: i + 2, end: len(t) - 1, extra: []string{t[:i]}}}
			}
			extra = append(extra, inner)
			t = t[:i]
		}
	}
	if e := x.lx.Lookup(class, t); e != nil || strings.Contains(t, "/") {
		return []part{{text: t, start: 0, end: len(t), extra: extra}}
	}
	// ", mostly at high doses", ", especially in older adults": a qualifier, not an item
	for _, w := range x.rules.CommaContinues {
		if k := strings.Index(strings.ToLower(t), ", "+w+" "); k > 0 {
			t = t[:k]
		}
	}
	if e := x.lx.Lookup(class, t); e != nil {
		return []part{{text: t, start: 0, end: len(t), extra: extra}}
	}
	// "Osteoarthritis of the knee or hip": the coordination is inside the
	// prepositional phrase; the item is one thing
	if ws := strings.Fields(strings.ToLower(t)); len(ws) > 2 && !strings.Contains(strings.ToLower(t), " including ") {
		for i, w := range ws[:len(ws)-1] {
			if prepositions[w] && i > 0 {
				if rest := strings.Join(ws[i:], " "); strings.Contains(rest, " and ") || strings.Contains(rest, " or ") {
					// "Osteoarthritis of the knee or hip": knee and hip
					// osteoarthritis, when the lexicon knows both
					if ps := x.distributePP(t, class); ps != nil {
						return ps
					}
					return []part{{text: t, start: 0, end: len(t), extra: extra}}
				}
				break
			}
		}
	}
	// "A fast or irregular heartbeat": the article is not part of an item
	if articleCoordRE.MatchString(t) {
		t = t[strings.Index(t, " ")+1:]
	}
	// "Tight, crushing chest pain", "Black, tarry stools": adjectives in a
	// row name one thing
	if k := strings.Index(t, ", "); k > 0 && !strings.Contains(t[:k], " ") && strings.Count(t, ",") == 1 {
		low := strings.ToLower(t)
		rest := strings.Fields(t[k+2:])
		if !strings.Contains(low, " and ") && !strings.Contains(low, " or ") && len(rest) >= 2 && len(x.lx.Find(t[:k], 0)) == 0 {
			return []part{{text: t, start: 0, end: len(t), extra: extra}}
		}
	}
	var parts []part
	low := strings.ToLower(t)
	if k := strings.Index(low, " including "); k > 0 {
		parts = append(parts, part{text: t[:k], start: 0, end: k})
		parts = append(parts, x.splitList(t, k+len(" including "), len(t))...)
	} else {
		parts = x.splitList(t, 0, len(t))
	}
	// "shallow, slow breathing or are very hard to wake": an unknown
	// single word before a known phrase that is not the enumeration's
	// last is a modifier of it, not an item
	if n := len(parts); n >= 3 {
		var kept []part
		for i, p := range parts {
			if w := x.cleanItem(p.text); i+1 < n-1 && len(strings.Fields(w)) == 1 && x.lx.Lookup(class, w) == nil &&
				len(strings.Fields(parts[i+1].text)) >= 2 && x.lx.Lookup(class, x.cleanItem(parts[i+1].text)) != nil {
				continue
			}
			kept = append(kept, p)
		}
		parts = kept
	}
	// distribute a shared head: "Muscle and bone pain", "music, art, or dance therapy"
	if n := len(parts); n >= 2 {
		last := strings.Fields(parts[n-1].text)
		single := true
		for _, p := range parts[:n-1] {
			if len(strings.Fields(p.text)) != 1 || x.lx.Lookup(class, p.text) != nil {
				single = false
			}
		}
		if single && len(last) >= 2 {
			head := last[len(last)-1]
			for i := range parts[:n-1] {
				parts[i].text = parts[i].text + " " + head
				parts[i].end = -1 // synthesised: no own span
			}
			if strings.Contains(strings.ToLower(t), " or ") {
				// "Slow or shallow breathing" names one sign in two words
				for i := range parts {
					parts[i].extra = append(parts[i].extra, t)
				}
			}
		}
	}
	if len(parts) == 1 {
		parts[0].extra = append(parts[0].extra, extra...)
	}
	return parts
}

// distributePP splits "Osteoarthritis of the knee or hip" into
// "Osteoarthritis of the knee" and "Osteoarthritis of the hip" when the
// lexicon knows every one; nil otherwise.
func (x *extractor) distributePP(t string, class schema.Class) []part {
	loc := ppCoordRE.FindStringSubmatchIndex(t)
	if loc == nil {
		return nil
	}
	head, alts := t[:loc[3]], coordSepRE.Split(t[loc[4]:], -1)
	var out []part
	for _, a := range alts {
		if a = strings.TrimSpace(a); a == "" {
			continue
		}
		name := head + a
		if x.lx.Lookup(class, name) == nil {
			return nil
		}
		out = append(out, part{text: name, start: 0, end: -1, extra: []string{t}})
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// coordSepRE separates coordinated words: ", ", " or ", " and ".
var coordSepRE = regexp.MustCompile(`\s*(?:,|\bor\b|\band\b)\s*`)

// ppCoordRE finds a prepositional phrase whose noun is coordinated: "...
// of the |knee or hip".
var ppCoordRE = regexp.MustCompile(`^((?:[A-Za-z-]+\s+){1,3}(?:of|in)\s+(?:the\s+|your\s+)?)([a-z]+(?:\s*,\s*[a-z]+)*\s+(?:or|and)\s+[a-z]+)$`)

// articleCoordRE finds an item that opens with an article before two
// coordinated words ("A fast or irregular heartbeat").
var articleCoordRE = regexp.MustCompile(`^(?:[Aa]n?|[Tt]he) [a-z-]+ (?:or|and) `)

// itemEntity resolves one part of an item to an entity of the class.
func (x *extractor) itemEntity(p part, class schema.Class) string {
	label := x.cleanItem(p.text)
	if len(strings.Fields(label)) > 8 {
		// "A severe allergic reaction with swelling of the face, lips or
		// tongue": the thing named before its description
		if k := indexAny(label, " with ", ", particularly ", ", especially "); k > 0 {
			label = label[:k]
		}
	}
	if label == "" || len(strings.Fields(label)) > 8 {
		return ""
	}
	var iri string
	if e := x.lx.Lookup(class, p.text); e != nil {
		iri = x.entity(e, p.text)
	} else if e := x.lx.Lookup(class, label); e != nil {
		iri = x.entity(e, p.text)
	} else if e := x.headEntry(label, class); e != nil {
		iri = x.entity(e, p.text)
	} else {
		iri = x.newEntity(class, label, p.text)
	}
	for _, s := range p.extra {
		x.surface(iri, s)
	}
	return iri
}

// listKind says what a list enumerates, from its lead-in or, when the
// lead-in does not say, its section.
func (x *extractor) listKind(lead string) string {
	// "Stop taking it and get medical help straight away if you have:":
	// warning signs, that is serious side effects
	// "Several medications can ease withdrawal:", "a few factors have been
	// linked to more severe symptoms:": treatments of withdrawal and its
	// risk factors, not its symptoms
	if treatWithdrawalRE.MatchString(lead) || has(lead, []string{"factors", "risk factors"}) && has(lead, []string{"linked to", "associated with", "more severe", "worse", "more likely", "raise the risk", "increase the risk"}) {
		return ""
	}
	// "If you stop taking tramadol suddenly, you may have withdrawal symptoms such as:"
	if has(lead, []string{"withdrawal"}) && has(lead, []string{"symptoms", "symptom", "signs", "such as", "include", "includes", "may have", "can have", "effects"}) {
		return "withdrawal"
	}
	if has(lead, x.rules.rel("warning_sign_cues")) && has(lead, []string{"if you"}) && !has(lead, []string{"before"}) {
		return "side_effects"
	}
	// "talk to a doctor if these bother you or don't go away:": side effects
	if has(lead, []string{"bother you", "don't go away", "do not go away", "don’t go away", "persist", "last more than"}) && has(lead, []string{"if these", "if they", "if any of these"}) {
		return "side_effects"
	}
	// "Talk to your doctor before combining it with:": what it interacts with
	if has(lead, []string{"combining it with", "combine it with", "taking it with", "take it with", "mixing it with", "using it with", "use it with", "combined with"}) || leadWithRE.MatchString(lead) {
		return "interactions"
	}
	for _, k := range []string{"precautions", "withdrawal", "long_term", "side_effects", "symptoms", "alternatives", "interactions", "forms", "strains", "benefits", "uses"} {
		if !has(lead, x.rules.Sections[k]) {
			continue
		}
		if k == "long_term" && !has(lead, []string{"side effect", "side effects", "effects", "problems", "issues", "risks", "complications", "develop", "lead to", "cause", "suffer"}) {
			continue
		}
		if k == "symptoms" && !has(lead, []string{"symptoms of", "signs of", "signs include", "symptoms include", "symptoms can include", "signs can include"}) {
			continue
		}
		if k == "uses" && checkForRE.MatchString(lead) {
			continue // "Before you buy, check for:": what to look for, not uses
		}
		return k
	}
	// a lead-in that names a cause ("can cause more serious problems, such as:")
	if has(lead, []string{"cause", "causes", "problems", "reactions", "complications"}) && (x.kinds["side_effects"] || x.kinds["risks"]) {
		return "side_effects"
	}
	return x.sectionListKind(lead)
}

// treatWithdrawalRE finds a lead-in about treating withdrawal: "can ease
// withdrawal", "medicines that help with withdrawal symptoms".
var treatWithdrawalRE = regexp.MustCompile(`(?i)\b(?:ease|eases|easing|treat|treats|treating|manage|managing|relieve|relieves|relieving|help\s+with|helps\s+with|reduce|reduces|reducing|prevent|block)\s+(?:the\s+)?(?:symptoms\s+of\s+)?(?:\w+\s+)?withdrawal`)

// bothSubjectsRE opens a lead-in with two coordinated subjects: "Tramadol
// and oxycodone can both ...", "Neither tramadol nor oxycodone".
var bothSubjectsRE = regexp.MustCompile(`(?i)^(?:both\s+|neither\s+)?[A-Za-z0-9-]+\s+(?:and|nor)\s+[A-Za-z0-9-]+\s+(?:can|may|should|both|are|also|each|interact|cause)\b`)

// seekHelpRE finds advice to seek help: "get emergency medical treatment",
// "seek medical care".
var seekHelpRE = regexp.MustCompile(`(?i)\b(?:get|seek|call|need|receive|go\s+to)\s+(?:emergency\s+|urgent\s+|immediate\s+)?(?:medical\s+)?(?:treatment|care|help|attention)\b`)

// checkForRE ends a lead-in that lists what to look for: "check for:",
// "look for:".
var checkForRE = regexp.MustCompile(`(?i)\b(?:check|checking|look|looking|ask|asking|watch|watching|test|tested|testing|screen|screened|search|searching)\s+(?:[a-z]+\s+){0,2}for:?\s*$`)

// leadWithRE finds a lead-in that ends in what a drug is taken with: "Do
// not take tramadol with:".
var leadWithRE = regexp.MustCompile(`(?i)\b(?:take|taking|combine|combining|mix|mixing|use|using)\s+[a-z0-9-]+\s+with:?\s*$`)

// sectionListKind is what a list enumerates when its lead-in does not
// say: what its section is about.
func (x *extractor) sectionListKind(lead string) string {
	for _, k := range []string{"withdrawal", "side_effects", "alternatives", "interactions", "uses"} {
		if x.kinds[k] && !has(lead, []string{"?"}) {
			return k
		}
	}
	return ""
}

// list applies the list rules: the lead-in decides what the items are.
func (x *extractor) list(b *Block) {
	var lead Sentence
	leadText := ""
	if b.LeadIn != nil {
		lead = *b.LeadIn
		leadText = lead.Text
	}
	kind := x.listKind(leadText)
	cert, cues := x.certainty(leadText, len(leadText))
	subj := x.topic
	var others []string // "Both tramadol and oxycodone can interact with:": the other subjects
	if leadText != "" {
		ms := x.mentions(leadText, lead.Start)
		if subs, explicit := x.subjects(leadText, ms, lead.Start); explicit && len(subs) > 0 {
			// "... call your doctor or get emergency medical treatment:":
			// help to seek is not what the list is about
			if e := x.ents[subs[0]]; e == nil || e.Class != schema.Treatment || !seekHelpRE.MatchString(leadText) {
				subj = subs[0]
				if len(subs) > 1 && (firstWord(leadText) == "both" || bothSubjectsRE.MatchString(leadText)) &&
					(kind == "interactions" || kind == "precautions" || kind == "side_effects" || kind == "long_term" || kind == "withdrawal") {
					others = subs[1:]
				}
			}
		}
	}
	if x.listSubject != "" {
		subj, others = x.listSubject, nil
	} else if len(others) > 0 {
		defer func() {
			for _, o := range others {
				x.listSubject = o
				x.list(b)
			}
			x.listSubject = ""
		}()
	}
	var altFor []string
	if kind == "alternatives" {
		altFor = x.leadInConditions(leadText, lead.Start)
	}
	var syndrome string
	if kind == "symptoms" {
		for _, m := range of(x.mentions(leadText, lead.Start), schema.Condition) {
			syndrome = x.mentionIRI(m, schema.Condition)
		}
		if syndrome == "" {
			kind = x.sectionListKind(leadText) // "Common symptoms include:" in a section on withdrawal
		}
	}
	for i := range b.Items {
		it := &b.Items[i]
		ev := lead
		if leadText == "" {
			ev = Sentence{Text: it.Text, Span: it.Span}
		}
		o := stmtOpts{sent: ev, item: it, certainty: cert, cues: cues}
		kind := kind
		if b.About != nil && it.Label != "" {
			// a row of a comparison table: its label says what the cell
			// lists ("Common side effects | Nausea, constipation, ...")
			if k := x.listKind(it.Label); k == "side_effects" || k == "withdrawal" || k == "long_term" || k == "forms" || k == "interactions" {
				row := *it
				row.Label = ""
				if d := strings.TrimLeft(strings.TrimPrefix(it.Text, it.Label), ":  "); len(d) < len(it.Text) {
					row.Text, row.Start = d, it.End-len(d) // "Common side effects: Nausea, ..." (HTML)
				}
				it, kind = &row, k
				o.item = it
				o.rule = ""
			}
		}
		switch kind {
		case "withdrawal", "long_term", "side_effects":
			pred := map[string]schema.Predicate{"withdrawal": schema.HasWithdrawalSymptom, "long_term": schema.HasLongTermSideEffect, "side_effects": schema.HasSideEffect}[kind]
			o.rule = "list-" + strings.ReplaceAll(kind, "_", "-")
			name := itemName(it)
			if it.Label == "" && len(it.Sentences) > 1 {
				name = cutDash(it.Sentences[0].Text) // "Seizures, even at normal doses. The risk is higher in ..."
			}
			if it.Label == "" && signOfRE.MatchString(it.Text) && !signOfRE.MatchString(name) {
				name = it.Text // "severe stomach pain - these can be signs of pancreatitis"
			}
			// "Serotonin syndrome, a potentially life-threatening build-up of
			// serotonin": the effect without its description
			if loc := appositiveRE.FindStringIndex(name); loc != nil && loc[0] > 0 && !strings.Contains(name[loc[1]:], " or ") && !strings.Contains(name[loc[1]:], " and ") {
				name = name[:loc[0]]
			}
			// "Black, tarry stools, which can be signs of bleeding in the
			// stomach": the condition is the side effect, the rest its signs
			if loc := signOfRE.FindStringSubmatchIndex(name); loc != nil {
				if cond := x.resolvePart(name[loc[2]:loc[3]], []string{anyHead}, schema.Condition); cond != "" {
					x.add(subj, pred, cond, o)
					so := o
					so.rule = "list-signs-of"
					for _, p := range x.itemParts(name[:loc[0]], schema.Condition) {
						if sign := x.itemEntity(p, schema.Condition); sign != "" && sign != cond {
							x.add(cond, schema.HasSymptom, sign, so)
						}
					}
					break
				}
			}
			for _, p := range x.itemParts(name, schema.Condition) {
				p2 := p
				if e := x.lx.Lookup(schema.Condition, x.cleanItem(p.text)); e != nil && x.isRiskCondition(e) {
					x.add(subj, schema.HasRisk, x.itemEntity(p2, schema.Condition), o)
					continue
				}
				x.add(subj, pred, x.itemEntity(p2, schema.Condition), o)
			}
		case "symptoms":
			o.rule = "list-symptoms"
			for _, p := range x.itemParts(itemName(it), schema.Condition) {
				x.add(syndrome, schema.HasSymptom, x.itemEntity(p, schema.Condition), o)
			}
		case "uses":
			o.rule = "list-uses"
			name := itemName(it)
			// "relieving chronic pain, such as back pain", "calming anxiety":
			// the condition without the verb of what is done to it
			if loc := useVerbRE.FindStringIndex(name); loc != nil {
				name = name[loc[1]:]
			}
			// "burning pain in the feet caused by diabetic peripheral
			// neuropathy", "pain from osteoarthritis, especially in the
			// knees": a long description names its conditions; the ones
			// the lexicon knows are the uses
			parenKnown := false
			if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(strings.TrimSpace(name), ")") {
				parenKnown = x.lx.Lookup(schema.Condition, strings.TrimSuffix(strings.TrimSpace(name[i+2:]), ")")) != nil
			}
			if loc := causeOfRE.FindStringIndex(name); loc != nil && !parenKnown && (genericPain[strings.ToLower(x.cleanItem(name[:loc[0]]))] || x.lx.Lookup(schema.Condition, x.cleanItem(name[:loc[0]])) == nil) {
				var known []string
				for _, m := range of(x.mentions(name, 0), schema.Condition) {
					if e := m.Entry(schema.Condition); e != nil && !x.isRiskCondition(e) && m.Start >= loc[1] {
						known = append(known, x.mentionIRI(m, schema.Condition))
					}
				}
				if len(known) > 0 {
					for _, iri := range known {
						x.add(subj, schema.UsedFor, iri, o)
					}
					break
				}
			}
			for _, p := range x.itemParts(name, schema.Condition) {
				x.add(subj, schema.UsedFor, x.itemEntity(p, schema.Condition), o)
			}
		case "benefits":
			o.rule = "list-benefits"
			for _, p := range x.itemParts(itemName(it), schema.Effect) {
				if e := x.lx.Lookup(schema.Condition, x.cleanItem(p.text)); e != nil {
					x.add(subj, schema.UsedFor, x.entity(e, p.text), o)
					continue
				}
				x.add(subj, schema.HasEffect, x.itemEntity(p, schema.Effect), o)
			}
		case "interactions":
			o.rule = "list-interactions"
			name := itemName(it)
			for _, iri := range x.objectsIn(name, 0, len(name), x.rules.DrugHeads, schema.Substance) {
				x.add(subj, schema.InteractsWith, iri, o)
			}
		case "precautions":
			// "Tell your doctor before trying CBD if you:" + "take blood thinners such as warfarin"
			o.rule = "list-precautions"
			name := itemName(it)
			heads := []string{anyHead}
			cut := len(name)
			if k := indexAny(strings.ToLower(name), " because ", " as some ", " as it ", ", because", " since ", ", which ", ", as they ", ", as it ", ", whose ", ", raising ", ", increasing ", ", making "); k > 0 {
				cut = k
			}
			// "take blood thinners such as warfarin": a drug to tell the
			// doctor about is a precaution; the text does not say how they
			// interact, so no interaction edge is made of it
			for _, iri := range x.objectsIn(name, 0, cut, heads, schema.Condition, schema.Population, schema.Substance, schema.Risk) {
				x.add(subj, schema.HasPrecaution, iri, o)
			}
		case "alternatives":
			x.treatmentItem(it, subj, altFor, o)
		case "forms":
			o.rule = "list-forms"
			for _, p := range x.itemParts(itemName(it), schema.Form) {
				x.add(subj, schema.HasForm, x.itemEntity(p, schema.Form), o)
			}
			// "Topicals. Creams, gels, balms and roll-ons are rubbed onto the
			// skin": a label that names a kind, a description that names the
			// forms of it
			if it.Label != "" && len(it.Sentences) > 0 {
				first := it.Sentences[0]
				end := clauseEnd(first.Text, 0)
				for _, m := range of(within(x.mentions(first.Text, first.Start), first.Start, first.Start+end), schema.Form) {
					if m.Start-first.Start < 60 {
						x.add(subj, schema.HasForm, x.mentionIRI(m, schema.Form), o)
					}
				}
			}
		case "strains":
			o.rule = "list-strains"
			for _, p := range x.itemParts(itemName(it), schema.Strain) {
				x.add(subj, schema.HasStrain, x.itemEntity(p, schema.Strain), o)
			}
		default:
			// "Interactions: CBD can change how the liver breaks down
			// drugs such as warfarin": the label says what the item is about
			saved := x.kinds
			if it.Label != "" {
				x.kinds = map[string]bool{}
				for k, cues := range x.rules.Sections {
					if has(it.Label, cues) {
						x.kinds[k] = true
					}
				}
			}
			x.paragraph(it.Sentences)
			x.kinds = saved
		}
		if kind != "" && kind != "side_effects" && kind != "long_term" && kind != "withdrawal" && kind != "symptoms" {
			// "blood thinners such as warfarin or apixaban": whatever the
			// list is of, an item that names a class and its members says
			// the members are of the class
			for _, ss := range it.Sentences {
				x.members(&sent{Sentence: ss, ms: x.mentions(ss.Text, ss.Start)}, fold(ss.Text))
			}
		}
		for j := range it.Children {
			c := it.Children[j]
			if c.LeadIn == nil {
				switch t := strings.TrimSpace(it.Text); {
				case strings.HasSuffix(t, ":"):
					// "Serotonin syndrome, a build-up of serotonin. Signs include:"
					lead := Sentence{Text: it.Text, Span: it.Span}
					c.LeadIn = &lead
				case len(strings.Fields(itemName(it))) <= 5:
					c.LeadIn = b.LeadIn // "Stomach problems" over "nausea", "heartburn"
				default:
					// "Qutenza, an 8% patch available only on prescription"
					// over "approved by the FDA for ...": the nested items
					// describe their parent, they are not more of its kind
				}
			}
			x.list(&c)
		}
	}
}

// appositiveRE finds a description set after a name: ", a potentially
// life-threatening ...", ", the most serious ...".
var appositiveRE = regexp.MustCompile(`, (?:a|an|the) `)

// signOfRE finds the condition a list item's signs point to: ", which can
// be signs of kidney problems", ", which may mean a stomach ulcer".
var signOfRE = regexp.MustCompile(`(?i)(?:,? which|,? (?:-|–|—) (?:these|this|they|it)) (?:(?:can|could|may|might) (?:be (?:an? )?(?:early )?(?:signs?|symptoms?) of|mean|signal|point to|indicate)|(?:are|is) (?:an? )?(?:early )?(?:signs?|symptoms?) of) (?:an? |the )?(.+?)\.?$`)

// participleClauseRE finds a clause that says how a treatment is used:
// ", rubbed into a painful knee", ", taken with food", ", applied twice a day".
var participleClauseRE = regexp.MustCompile(`,\s+(?:(?:usually|often|best|always)\s+)?(?:[a-z]+ed|taken|given|worn|put|done|used|applied|combined)\s+(?:in|into|on|onto|with|by|at|as|for|to|under|over|twice|once|every|each|daily|alongside|together|before|after)\b`)

// leadInConditions finds the conditions a lead-in of alternatives names as
// their purpose: "other ways to manage arthritis pain:", "several
// treatments have better evidence for knee osteoarthritis:".
func (x *extractor) leadInConditions(lead string, base int) []string {
	var out []string
	ms := of(x.mentions(lead, base), schema.Condition)
	for _, loc := range leadInPurposeRE.FindAllStringSubmatchIndex(lead, -1) {
		from, to := loc[2], loc[3]
		phrase := lead[from:to]
		if len(strings.Fields(phrase)) > 4 || startsWithAny(strings.ToLower(phrase), "many ", "most ", "some ", "all ", "other ", "different ", "several ", "various ") {
			continue
		}
		// the phrase names a known condition ("knee osteoarthritis" holds "osteoarthritis")
		for _, m := range ms {
			if at := m.Start - base; at >= from && at+len(m.Surface) <= to {
				if iri := x.resolvePart(phrase, []string{anyHead}, schema.Condition); iri != "" {
					out = append(out, iri)
				}
				break
			}
		}
	}
	return out
}

// leadInPurposeRE finds the purpose a lead-in of alternatives names, up to
// the end of its clause.
var leadInPurposeRE = regexp.MustCompile(`(?i)\b(?:for|manage|managing|treat|treating|ease|easing|relieve|relieving|control|controlling)\s+(?:your\s+|the\s+|a\s+)?([a-z][a-z' -]*?[a-z])\s*(?:[:,;.]|$|\s(?:include|includes|are|is|can|may|that|which|close|near|in|if|when|have|has|work|works|exist|with|than)\b)`)

// genericPain names pain without saying which: the cause after it says.
var genericPain = map[string]bool{"pain": true, "aches": true, "ache": true, "aches and pains": true, "discomfort": true, "soreness": true}

// causeOfRE finds where a described pain names its cause: "caused by",
// "from", "due to".
var causeOfRE = regexp.MustCompile(`(?i)\b(?:caused\s+by|due\s+to|resulting\s+from|linked\s+to|from)\s`)

// useVerbRE finds the verb that opens an item of a list of uses:
// "relieving", "easing", "to manage".
var useVerbRE = regexp.MustCompile(`(?i)^(?:to\s+)?(?:relieve|relieving|ease|easing|boost|boosting|calm|calming|lift|lifting|manage|managing|treat|treating|reduce|reducing|prevent|preventing|soothe|soothing|fight|fighting|improve|improving|help\s+with|helping\s+with|cope\s+with|coping\s+with|get\s+through|getting\s+through)\s+(?:a\s+|an\s+|the\s+|your\s+)?`)

// itemName is what a list item names: its label when it has one
// ("Breathing problems: especially when ..."), else its text up to a dash
// that sets off an explanation ("opioid painkillers such as morphine -
// taken together with gabapentin, they can ...").
func itemName(it *Item) string {
	if it.Label != "" {
		return it.Label
	}
	return cutDash(it.Text)
}

// cutDash cuts a phrase at a dash that sets off an explanation.
func cutDash(s string) string {
	if k := indexAny(s, " - ", " – ", " — "); k > 0 {
		return s[:k]
	}
	return s
}

// treatmentItem reads an item of a list of alternatives: "Physiotherapy: A
// professional can help you increase your range of movement, ...".
func (x *extractor) treatmentItem(it *Item, subj string, conds []string, o stmtOpts) {
	o.rule = "list-alternatives"
	uo := o
	uo.rule = "list-alternatives-use"
	if it.Label == "" {
		// "NSAIDs such as ibuprofen", "topical treatments such as diclofenac gel"
		name := it.Text
		// "topical anti-inflammatory gels for joint pain", "ibuprofen, if your
		// stomach allows it": the treatment without its purpose or condition
		if k := indexAny(strings.ToLower(name), ", which ", ", because ", " - ", " – ", ": ", " for ", ", if ", " if "); k > 0 {
			name = name[:k]
		}
		// "an NSAID gel such as diclofenac, rubbed into a painful knee":
		// the treatment without how it is used
		if loc := participleClauseRE.FindStringIndex(name); loc != nil && loc[0] > 0 {
			name = name[:loc[0]]
		}
		for _, iri := range x.objectsIn(name, 0, len(name), []string{anyHead}, schema.Treatment, schema.Substance) {
			if iri != subj {
				x.add(subj, schema.AlternativeTreatment, iri, o)
				for _, c := range conds {
					x.add(iri, schema.UsedFor, c, uo)
				}
			}
		}
		return
	}
	label := it.Label
	// "For chronic pain: physical therapy, regular exercise, NSAIDs such as
	// ibuprofen": the label is the purpose, the description the treatments
	if strings.HasPrefix(strings.ToLower(label), "for ") {
		var purpose []string
		if m := of(x.mentions(label, it.LabelAt.Start), schema.Condition); len(m) > 0 {
			purpose = []string{x.mentionIRI(m[0], schema.Condition)}
		}
		for _, ss := range it.Sentences {
			desc := ss.Text
			if loc := participleClauseRE.FindStringIndex(desc); loc != nil && loc[0] > 0 {
				desc = desc[:loc[0]]
			}
			if k := indexAny(strings.ToLower(desc), ", ideally ", ", which ", ", because "); k > 0 {
				desc = desc[:k]
			}
			for _, iri := range x.objectsIn(desc, 0, len(desc), x.rules.DrugHeads, schema.Treatment, schema.Substance) {
				if iri != subj {
					x.add(subj, schema.AlternativeTreatment, iri, o)
					if purpose == nil {
						purpose = conds
					}
					for _, c := range purpose {
						x.add(iri, schema.UsedFor, c, uo)
					}
				}
			}
			break // the first sentence names them
		}
		return
	}
	if strings.HasPrefix(strings.ToLower(label), "other ") {
		label = label[len("other "):]
	}
	var owner string
	if ps := x.itemParts(label, schema.Treatment); len(ps) == 1 || x.lx.Lookup(schema.Treatment, label) != nil {
		owner = x.itemEntity(part{text: label, extra: []string{it.Label}}, schema.Treatment)
	} else {
		owner = x.itemEntity(part{text: label, extra: []string{it.Label}}, schema.Treatment)
	}
	x.add(subj, schema.AlternativeTreatment, owner, o)
	for _, c := range conds {
		x.add(owner, schema.UsedFor, c, uo)
	}
	for _, s := range it.Sentences {
		x.treatmentSentence(s, it, subj, owner, o)
	}
}

// treatmentSentence finds the kinds of a treatment ("This can include
// painkillers and anti-inflammatories; antidepressants which can ...") and
// the effects it has ("can help you increase your range of movement").
func (x *extractor) treatmentSentence(s Sentence, it *Item, subj, owner string, alt stmtOpts) {
	text := s.Text
	low := strings.ToLower(strings.ReplaceAll(text, "’", "'"))
	cert, cues := x.certainty(text, len(text))
	eo := stmtOpts{rule: "treatment-effect", sent: s, item: it, certainty: cert, cues: cues}
	io := stmtOpts{rule: "treatment-kind", sent: s, item: it, certainty: schema.Asserted}

	// the kinds: after "include", "like", "such as", "There are", or a list before "may/can help"
	kindStart, kindEnd := -1, -1
	for _, c := range x.rules.rel("include_cues") {
		if k := indexWord(low, c); k >= 0 {
			kindStart = k + len(c)
			kindEnd = len(text)
			if c == "like" || c == "such as" {
				if e := indexAny(low[kindStart:], " can ", " may ", " help"); e >= 0 {
					kindEnd = kindStart + e
				}
			}
			if c == "find" {
				if e := strings.Index(low[kindStart:], " helpful"); e >= 0 {
					kindEnd = kindStart + e
				} else {
					kindStart = -1
					continue
				}
			}
			break
		}
	}
	if kindStart < 0 {
		if e := indexAny(low, " may help", " can help", " may ", " can "); e > 0 && strings.Count(low[:e], ",") >= 1 {
			kindStart, kindEnd = 0, e
		}
	}
	if kindStart >= 0 {
		for _, p := range x.splitList(text, kindStart, kindEnd) {
			name := p.text
			var rel string
			if k := indexAny(strings.ToLower(name), " which ", " that "); k > 0 {
				rel = name[k:]
				name = name[:k]
			}
			if len(strings.Fields(name)) > 6 || name == "" {
				continue
			}
			sub := p
			sub.text = name
			var kinds []part
			if x.lx.Lookup(schema.Treatment, name) != nil {
				kinds = []part{sub}
			} else {
				kinds = x.itemParts(name, schema.Treatment)
				for i := range kinds {
					kinds[i].extra = append(kinds[i].extra, name)
				}
			}
			for _, kp := range kinds {
				if isProperName(kp.text) && x.lx.Lookup(schema.Treatment, kp.text) == nil {
					// "like Pathways Pain Relief": an instance, not a treatment on its own
					var k string
					if e := x.lx.Lookup(schema.Organization, kp.text); e != nil {
						k = x.entity(e, kp.text)
					} else {
						k = x.newEntity(schema.Organization, kp.text, kp.text)
					}
					x.add(k, schema.IsA, owner, io)
					continue
				}
				k := x.itemEntity(kp, schema.Treatment)
				if k == "" || k == owner {
					continue
				}
				x.add(subj, schema.AlternativeTreatment, k, alt)
				x.add(k, schema.IsA, owner, io)
				if rel != "" {
					for _, vp := range x.verbPhrases(rel) {
						x.effect(k, vp, eo)
					}
				}
			}
		}
	}
	// the effects of the treatment as a whole
	for _, c := range []string{"help you to ", "help you ", "helps you ", "help them ", "help pain patients ", "help people ", "help patients ", "helpful to ", "aid in ", "can help ", "may help ", "help "} {
		k := strings.Index(low, c)
		if k < 0 || (kindStart >= 0 && k >= kindStart && k < kindEnd) {
			continue
		}
		for _, vp := range x.verbPhrases(text[k+len(c):]) {
			x.effect(owner, vp, eo)
		}
		break
	}
}

// verbPhrases splits "increase your range of movement, improve your
// strength, and practice exercises that can reduce pain over time" into
// verb phrases, keeping an inner "that can VERB ..." as its own phrase.
func (x *extractor) verbPhrases(s string) []string {
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "."))
	low := strings.ToLower(s)
	for _, p := range []string{"which can sometimes ", "which can ", "which may ", "that can ", "that may ", "can ", "may ", "to "} {
		if strings.HasPrefix(low, p) {
			s, low = s[len(p):], low[len(p):]
		}
	}
	var out []string
	// split before a verb: ", and VERB", ", VERB", " and VERB", ", as well as VERB"
	cut := 0
	words := strings.Fields(low)
	_ = words
	isVerbAt := func(i int) bool {
		rest := low[i:]
		for v := range x.rules.EffectVerbs {
			if strings.HasPrefix(rest, v+" ") {
				return true
			}
		}
		for _, v := range []string{"practice ", "learn ", "find ", "help ", "get ", "stay ", "keep ", "feel ", "sleep ", "move "} {
			if strings.HasPrefix(rest, v) {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(low); i++ {
		for _, sep := range []string{", as well as ", ", and ", " and ", ", "} {
			if strings.HasPrefix(low[i:], sep) && isVerbAt(i+len(sep)) {
				out = append(out, s[cut:i])
				cut = i + len(sep)
				i = cut - 1
				break
			}
		}
	}
	out = append(out, s[cut:])
	var res []string
	for _, vp := range out {
		vl := strings.ToLower(vp)
		if k := indexAny(vl, " that can ", " that may ", " which can ", " which may "); k > 0 {
			inner := vp[k:]
			for _, p := range []string{" that can ", " that may ", " which can ", " which may "} {
				inner = strings.TrimPrefix(inner, p)
			}
			res = append(res, x.verbPhrases(inner)...)
			continue
		}
		res = append(res, strings.TrimSpace(vp))
	}
	return res
}

var possessives = map[string]bool{"your": true, "their": true, "our": true, "his": true, "her": true, "my": true, "its": true, "the": true, "a": true, "an": true}

// effect adds "owner hasEffect E" for a verb phrase: a lexicon effect when
// the phrase (or the verb with the object's head noun) is one, else a new
// effect named by the phrase ("reduced stiffness").
func (x *extractor) effect(owner, vp string, o stmtOpts) {
	vp = trimTrailing(strings.TrimSpace(vp), " over time", " at home", " for you", " in the long term", " in the long run", ".")
	ws := strings.Fields(vp)
	if len(ws) < 2 || len(ws) > 9 {
		return
	}
	verb := strings.ToLower(ws[0])
	obj := ws[1:]
	if strings.ToLower(ws[0]) == "cope" || strings.ToLower(ws[0]) == "deal" {
		verb = strings.ToLower(ws[0] + " " + ws[1])
		obj = ws[2:]
	}
	part, ok := x.rules.EffectVerbs[verb]
	if !ok {
		return
	}
	var kept []string
	for _, w := range obj {
		if !possessives[strings.ToLower(w)] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return
	}
	// "reduce pain and stiffness": the verb applies to each noun
	objText := strings.Join(kept, " ")
	if k := strings.Index(objText, " and "); k > 0 && len(strings.Fields(objText[k+5:])) <= 3 {
		if e := x.lx.Lookup(schema.Effect, verb+" "+objText[:k]); e != nil {
			x.add(owner, schema.HasEffect, x.entity(e, vp), o)
			x.effect(owner, verb+" "+objText[k+5:], o)
			return
		}
	}
	for _, cand := range []string{vp, verb + " " + objText, verb + " " + kept[len(kept)-1]} {
		if e := x.lx.Lookup(schema.Effect, cand); e != nil {
			x.add(owner, schema.HasEffect, x.entity(e, vp), o)
			return
		}
	}
	label := objText
	if part != "" && part != verb {
		label = part + " " + objText
	}
	x.add(owner, schema.HasEffect, x.newEntity(schema.Effect, strings.ToLower(label), vp), o)
}

// isProperName reports whether every word of a phrase of two or more words
// is capitalised ("Pathways Pain Relief").
func isProperName(s string) bool {
	ws := strings.Fields(strings.Trim(s, " .,"))
	if len(ws) < 2 {
		return false
	}
	for _, w := range ws {
		if r := []rune(w)[0]; r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func trimTrailing(s string, suffixes ...string) string {
	for changed := true; changed; {
		changed = false
		for _, suf := range suffixes {
			if strings.HasSuffix(strings.ToLower(s), suf) {
				s = strings.TrimSpace(s[:len(s)-len(suf)])
				changed = true
			}
		}
	}
	return s
}

func indexWord(s, w string) int {
	from := 0
	for {
		k := strings.Index(s[from:], w)
		if k < 0 {
			return -1
		}
		k += from
		if (k == 0 || !isWordByte(s[k-1])) && (k+len(w) == len(s) || !isWordByte(s[k+len(w)])) {
			return k
		}
		from = k + 1
	}
}

func indexAny(s string, subs ...string) int {
	best := -1
	for _, x := range subs {
		if k := strings.Index(s, x); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	return best
}

// headEntry finds the lexicon entry an item starts with when the rest only
// qualifies it: "Osteoarthritis of the knee or hip" is osteoarthritis,
// "Swelling in the hands or feet" is swelling, "Back pain linked to
// arthritis" is back pain.
func (x *extractor) headEntry(label string, class schema.Class) *Entry {
	ms := x.lx.Find(label, 0)
	if len(ms) == 0 || ms[0].Start != 0 {
		return nil
	}
	e := ms[0].Entry(class)
	if e == nil {
		return nil
	}
	rest := strings.Fields(strings.ToLower(label[ms[0].End:]))
	if len(rest) == 0 {
		return e
	}
	switch strings.Trim(rest[0], ",") {
	case "of", "in", "on", "at", "linked", "caused", "due", "from", "with", "after", "during", "when", "associated", "related":
		return e
	}
	return nil
}

// resolvePart resolves an enumerated noun phrase ("moderate to moderately
// severe pain in adults", "kidney or liver disease", "blood thinners such
// as warfarin") to an entity of the first of the classes that fits: the
// lexicon entry it is; the one lexicon mention it holds (the phrase is
// kept as a synonym); else a new entity named by the phrase when its head
// noun says it is of the class (heads lists the nouns; nil allows any).
// It returns "" when the phrase names nothing of the classes.
func (x *extractor) resolvePart(text string, heads []string, classes ...schema.Class) string {
	t := strings.TrimSpace(strings.Trim(text, " ,;:.\"“”"))
	if strings.Count(t, "(") != strings.Count(t, ")") {
		t = strings.TrimSpace(strings.Trim(t, "()"))
	}
	low := strings.ToLower(t)
	for _, q := range x.rules.QualifierTails {
		if strings.HasSuffix(low, q) {
			t, low = t[:len(t)-len(q)], low[:len(low)-len(q)]
		}
	}
	// "nerve pain caused by diabetes (diabetic peripheral neuropathy)": the
	// name in parentheses, when the lexicon knows it
	if i := strings.Index(t, "("); i > 0 && strings.HasSuffix(t, ")") {
		inner := t[i+1 : len(t)-1]
		// "alprazolam (Xanax)": the generic name the lexicon knows wins
		// over its brand
		outer := strings.TrimSpace(t[:i])
		for _, c := range classes {
			if e := x.lx.Lookup(c, outer); e != nil {
				if ie := x.lx.Lookup(c, inner); ie != nil && ie.Kind == "brand" {
					return x.entity(e, outer)
				}
			}
		}
		for _, c := range classes {
			if e := x.lx.Lookup(c, inner); e != nil {
				iri := x.entity(e, inner)
				x.surface(iri, t)
				return iri
			}
		}
		if len(strings.Fields(inner)) >= 2 && !strings.Contains(inner, "(") {
			if iri := x.resolvePart(inner, heads, classes...); iri != "" {
				x.surface(iri, t)
				return iri
			}
		}
	}
	label := x.cleanItem(t)
	if label == "" || len(strings.Fields(label)) > 8 {
		return ""
	}
	t = surfaceForm(t)
	for _, c := range classes {
		for _, cand := range []string{t, label} {
			if e := x.lx.Lookup(c, cand); e != nil {
				return x.entity(e, t)
			}
		}
	}
	var ms []Mention
	for _, m := range x.lx.Find(label, 0) {
		if m.Entry(classes...) != nil {
			ms = append(ms, m)
		}
	}
	// "dehydration from vomiting and diarrhoea", "kidney damage caused by
	// NSAIDs": the condition named first, its cause a qualifier
	if len(ms) > 1 && ms[0].Start == 0 && startsWithAny(strings.ToLower(label[ms[0].End:]), " from ", " due to ", " caused by ") {
		return x.entity(ms[0].Entry(classes...), t)
	}
	ws := strings.Fields(strings.ToLower(label))
	last := strings.Trim(ws[len(ws)-1], ",.;:")
	headOK := heads == nil || contains(heads, last) || len(heads) == 1 && heads[0] == anyHead && len(ws) <= 6
	if contains(classNames(classes), string(schema.Substance)) && len(ws) == 1 && len(last) >= 5 && isWordLower(label) {
		// a drug name by its shape ("methotrexate", "lithium")
		for _, suf := range x.rules.DrugSuffixes {
			if strings.HasSuffix(last, suf) && x.lx.Lookup(schema.Condition, label) == nil {
				return x.newEntity(schema.Substance, label, t)
			}
		}
	}
	if contains(classNames(classes), string(schema.Substance)) && len(ws) > 2 && contains(x.rules.DrugHeads, ws[0]) && (ws[1] == "containing" || ws[1] == "with") {
		// "antacids containing aluminium or magnesium": the kind of product
		return x.newEntity(schema.Substance, label, t)
	}
	switch {
	case len(ms) == 1 && (len(strings.Fields(ms[0].Surface))*2 >= len(ws) || !headOK || strings.HasSuffix(strings.ToLower(label), strings.ToLower(ms[0].Surface))):
		return x.entity(ms[0].Entry(classes...), t)
	case len(ms) >= 1 || headOK && heads != nil:
		return x.newEntity(classes[0], label, t)
	}
	return ""
}

// surfacePrefixes open an item's clause, not its name: "have severe heart
// failure", "are more than 20 weeks pregnant".
var surfacePrefixes = []string{"if you are ", "if you have ", "if you ", "you are ", "you have ", "have ever had ", "have had ", "ever had ", "have ", "has ", "had ", "are ", "is ", "take ", "taking ", "a ", "an ", "the "}

// surfaceForm is the phrase an item names its entity by: without the verb
// and article that open it; qualifiers such as "severe" stay.
func surfaceForm(s string) string {
	for changed := true; changed; {
		changed = false
		for _, p := range surfacePrefixes {
			if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
				s, changed = s[len(p):], true
			}
		}
	}
	return s
}

func classNames(cs []schema.Class) []string {
	var out []string
	for _, c := range cs {
		out = append(out, string(c))
	}
	return out
}

// anyHead as the only head accepts any short phrase: the items of a typed
// list are of its type whatever their head noun.
const anyHead = "*"

func isWordLower(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z') {
			return false
		}
	}
	return true
}

// itemPreps are the prepositions an enumeration may repeat before each
// item ("for fibromyalgia, for nerve pain and for shingles").
var itemPreps = []string{"for ", "in ", "to ", "with ", "after ", "during "}

// splitRepeatedPrep splits the parts of an enumeration that repeats its
// preposition ("for nerve pain after injury and for shingles", "in older
// adults and in people with lung disease") at each repetition, once some
// part opens with that preposition.
func splitRepeatedPrep(parts []part, before ...string) []part {
	var out []part
	opens := func(prep string, p part) bool {
		// "approved for osteoarthritis and for rheumatoid arthritis": the
		// cue before the enumeration ended with the preposition
		for _, b := range before {
			if strings.HasSuffix(strings.ToLower(strings.TrimRight(b, " ")), " "+strings.TrimSpace(prep)) {
				return true
			}
		}
		for _, q := range append(out, p) {
			if strings.HasPrefix(strings.ToLower(strings.TrimLeft(q.text, " ")), prep) {
				return true
			}
		}
		return false
	}
	for _, p := range parts {
		for {
			low := strings.ToLower(p.text)
			k, skip := -1, 0
			for _, prep := range itemPreps {
				if !opens(prep, p) {
					continue
				}
				for _, conj := range []string{" and ", " or "} {
					if i := strings.Index(low, conj+prep); i > 0 && (k < 0 || i < k) {
						k, skip = i, len(conj)
					}
				}
			}
			if k < 0 {
				break
			}
			out = append(out, part{text: p.text[:k], start: p.start, end: p.start + k})
			p = part{text: p.text[k+skip:], start: p.start + k + skip, end: p.end}
		}
		out = append(out, p)
	}
	return out
}

// drugsFor reports whether a phrase names drugs by their use ("take
// medicines for an irregular heartbeat"): its examples name the drugs.
func (x *extractor) drugsFor(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	for len(ws) > 0 && contains([]string{"if", "you", "take", "taking", "use", "using", "other", "any", "some"}, ws[0]) {
		ws = ws[1:]
	}
	return len(ws) > 2 && contains(x.rules.DrugHeads, ws[0]) && ws[1] == "for"
}

// bareHead reports whether a phrase is only a generic head ("tablets",
// "other medicines"): the examples after it name the things.
func (x *extractor) bareHead(s string) bool {
	ws := strings.Fields(strings.ToLower(s))
	for _, w := range ws {
		if !contains(x.rules.FormHeads, w) && !contains(x.rules.DrugHeads, w) && w != "other" && w != "some" {
			return false
		}
	}
	return len(ws) > 0
}

// shareHead gives the head noun of an enumeration's last phrase to the
// bare modifiers before it when the lexicon knows what that makes: "heart,
// kidney or liver disease" is heart disease, kidney disease and liver
// disease, not "heart" and "kidney".
func (x *extractor) shareHead(ps []part, classes []schema.Class) []part {
	n := len(ps)
	if n < 2 {
		return ps
	}
	last := strings.Fields(ps[n-1].text)
	if len(last) < 2 {
		return ps
	}
	head := last[len(last)-1]
	known := func(s string) bool {
		for _, c := range classes {
			if x.lx.Lookup(c, s) != nil {
				return true
			}
		}
		return false
	}
	hit := false
	for i, p := range ps[:n-1] {
		ws := strings.Fields(p.text)
		if i == 0 && len(ws) == 2 && contains([]string{"have", "has", "had", "with", "take", "any"}, strings.ToLower(ws[0])) {
			ws = ws[1:] // "have heart, kidney or liver disease"
		}
		if len(ws) != 1 || known(ws[0]) {
			return ps
		}
		if known(ws[0] + " " + head) {
			hit = true
		}
	}
	if !hit {
		return ps
	}
	out := append([]part(nil), ps...)
	for i := range out[:n-1] {
		ws := strings.Fields(out[i].text)
		out[i].text = ws[len(ws)-1] + " " + head
		out[i].end = -1 // synthesised: no own span
	}
	return out
}

// objectsIn resolves the enumerated phrases of text[from:to] (see resolvePart).
func (x *extractor) objectsIn(text string, from, to int, heads []string, classes ...schema.Class) []string {
	var out []string
	seen := map[string]bool{}
	ps := x.shareHead(splitRepeatedPrep(x.splitList(text, from, to), text[max(0, from-12):from]), classes)
	for i, p := range ps {
		if i+1 < len(ps) && x.drugsFor(p.text) && startsWithAny(strings.ToLower(strings.TrimLeft(ps[i+1].text, " ")), "such as ", "including ", "like ", "e.g. ") {
			continue // "medicines for an irregular heartbeat, such as flecainide": the examples
		}
		if t := strings.TrimLeft(p.text, " "); i > 0 && strings.HasPrefix(t, "the ") && (indexAny(t, " that ", " which ") > 0 || p.end >= 0 && p.end <= len(text) && startsWithAny(text[p.end:], " that ", " which ")) {
			continue // "postherpetic neuralgia, the nerve pain that can linger": an appositive
		}
		if t := strings.TrimLeft(p.text, " "); startsWithAny(strings.ToLower(t), itemPreps...) {
			k := strings.Index(t, " ")
			p.start += len(p.text) - len(t) + k + 1
			p.text = t[k+1:]
		}
		// "blood thinners such as warfarin": the class and its example
		texts := []string{p.text}
		low := strings.ToLower(p.text)
		for _, sep := range []string{" such as ", " including ", " like ", " e.g. "} {
			if k := strings.Index(low, sep); k > 0 {
				texts = []string{p.text[:k]}
				if x.drugsFor(p.text[:k]) || x.bareHead(p.text[:k]) {
					texts = nil // "medicines for an irregular heartbeat such as flecainide": the examples
				}
				ex := p.text[k+len(sep):]
				for _, q := range x.splitList(ex, 0, len(ex)) {
					texts = append(texts, q.text) // "lidocaine plasters or a capsaicin patch"
				}
				break
			}
		}
		for _, t := range texts {
			if iri := x.resolvePart(t, heads, classes...); iri != "" && !seen[iri] {
				seen[iri] = true
				out = append(out, iri)
			}
		}
	}
	return out
}
