package ingest

import (
	"regexp"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

// sent is a sentence under analysis: its text, its mentions and what it is
// about.
type sent struct {
	Sentence
	ms       []Mention
	subs     []string
	explicit bool
	ref      string   // reference the sentence is attributed to
	refs     []string // every reference it cites ("[2-4]")
	longTerm bool
	withdraw bool
	first    int // index of the first statement the sentence made
	next     *Sentence
	with     []int // takingWithRE's match ("Taking X with A or B can ..."), or nil
}

// rel returns the text offset (relative to the sentence) of a mention.
func (s *sent) rel(m Mention) int { return m.Start - s.Start }

// mentions finds the lexicon mentions of a text; a parenthesis right after a
// mention that names the same thing ("Tachycardia (increased heart rate)",
// "(FDA)") becomes a synonym of it instead of a mention of its own.
func (x *extractor) mentions(text string, base int) []Mention {
	ms := x.lx.Find(text, base)
	var out []Mention
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		after := text[m.End-base:]
		if startsWithAny(after, "-based", "-containing", "-free") {
			continue // "THC-based medicines": a modifier, not a mention
		}
		out = append(out, m)
		trim := strings.TrimLeft(after, " ")
		if !strings.HasPrefix(trim, "(") {
			continue
		}
		close := strings.Index(trim, ")")
		if close < 0 {
			continue
		}
		inner := strings.TrimSpace(trim[1:close])
		if inner == "" || len(strings.Fields(inner)) > 4 || startsWithAny(strings.ToLower(inner), "one of", "the ", "a ", "an ", "e.g", "i.e", "see ", "for ", "such as", "including", "which", "also") {
			continue
		}
		innerStart := m.End + (len(after) - len(trim)) + 1 + strings.Index(trim[1:], inner)
		if i+1 < len(ms) && ms[i+1].Start >= innerStart && ms[i+1].End <= innerStart+len(inner) {
			// the parenthesis holds a mention: synonym only if it covers all of it
			if ms[i+1].Start != innerStart || ms[i+1].End != innerStart+len(inner) {
				continue
			}
			i++
		}
		if e := m.Entries[0]; len(m.Entries) == 1 || e.Class != schema.Substance {
			x.entity(e, m.Surface)
			x.entity(e, inner)
		}
	}
	return out
}

func startsWithAny(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// of returns the mentions with a candidate of one of the classes.
func of(ms []Mention, classes ...schema.Class) []Mention {
	var out []Mention
	for _, m := range ms {
		if m.Entry(classes...) != nil {
			out = append(out, m)
		}
	}
	return out
}

// within returns the mentions inside [from, to) (document offsets).
func within(ms []Mention, from, to int) []Mention {
	var out []Mention
	for _, m := range ms {
		if m.Start >= from && m.End <= to {
			out = append(out, m)
		}
	}
	return out
}

// clauseEnd returns the offset (relative to text) where the clause that
// starts at i ends: a sentence stop or a subordinating word. Commas do not
// end it, so that lists stay whole.
func clauseEnd(text string, i int) int {
	end := len(text)
	rest := strings.ToLower(text[i:])
	for _, stop := range []string{". ", "; ", ": ", "? ", "! ", " but ", " which ", " where ", " who ", " when ", " while ", " because ", " since ", " although ", " whereas ", " so ", " than ", " that ", " if ", " as well as ", " in the same way"} {
		if k := strings.Index(rest, stop); k >= 0 && i+k < end {
			end = i + k
		}
	}
	for _, stop := range []string{".", ";", "?", "!", "\u201d"} {
		if strings.HasSuffix(rest, stop) && i+len(rest)-len(stop) < end {
			end = i + len(rest) - len(stop)
		}
	}
	return end
}

// sentence applies the sentence rules.
func (x *extractor) sentence(s *sent) {
	text := s.Text
	f := fold(text)
	s.first = len(x.stmts)
	cert := func(upto int) (schema.Certainty, []string) {
		c, cues := x.certainty(text, upto)
		return c, cues
	}
	opts := func(rule string, upto int) stmtOpts {
		c, cues := cert(upto)
		return stmtOpts{rule: rule, sent: s.Sentence, certainty: c, cues: cues, ref: s.ref}
	}
	subjAt := func(pos int) string {
		if ss := x.subjectAt(s, pos); len(ss) > 0 {
			return ss[0]
		}
		return ""
	}
	lt := s.longTerm || has(text, x.rules.Sections["long_term"])
	s.longTerm = lt
	// "stopped taking it because of side effects such as nausea": why they
	// stopped, not what stopping did
	// in a section on withdrawal, a sentence that says nothing of stopping
	// or of symptoms ("The effects reported most often were agitation ...")
	// may be about using it
	wd := s.withdraw || x.kinds["withdrawal"] && has(text, []string{"withdrawal", "symptom", "symptoms", "stop", "stopping", "stopped", "quit", "quitting", "cut back", "cutting back", "taper", "tapering", "come off", "coming off", "cold turkey", "without it", "last dose"}) ||
		has(text, x.rules.rel("stop_cues")) && !stoppedBecauseRE.MatchString(text) && !otherStopsRE.MatchString(text)
	s.withdraw = wd
	usedRegions := [][2]int{}

	// compounds: "The two main chemicals in kratom are mitragynine and ...",
	// "one of more than a hundred compounds found in the cannabis plant",
	// "kratom contains mitragynine"
	if pronouns[firstWord(text)] && len(x.prevSubjects) == 1 {
		// "It occurs naturally in cannabis": the compound referred to
		if e := x.ents[x.prevSubjects[0]]; e != nil && e.Class == schema.Compound {
			if h, ok := firstHit(f, x.rules.rel("compound_sources")); ok && h.start < 30 {
				if owner, _ := x.compoundOwner(s, f); owner != "" {
					x.add(owner, schema.HasActiveCompound, e.IRI, opts("compound-in-substance", h.end))
				}
			}
		}
	}
	// "A metabolite called norcodeine": a compound the lexicon does not know
	if loc := calledCompoundRE.FindStringSubmatchIndex(text); loc != nil && len(within(s.ms, s.Start+loc[2], s.Start+loc[3])) == 0 {
		if owner, _ := x.compoundOwner(s, f); owner != "" {
			name := text[loc[2]:loc[3]]
			x.add(owner, schema.HasActiveCompound, x.newEntity(schema.Compound, name, name), opts("compound-called", loc[3]))
		}
	}
	if compounds := of(s.ms, schema.Compound); len(compounds) > 0 {
		owner, ownerAt := x.compoundOwner(s, f)
		var cs []string
		if owner != "" {
			// "Piperine, a compound in black pepper, can increase ... curcumin":
			// the compound named before the owner, when there is one
			var before []Mention
			for _, m := range compounds {
				if m.Start < ownerAt {
					before = append(before, m)
				}
			}
			// "CBD made from marijuana, which contains more THC": what the
			// owner is then said to contain
			var which []Mention
			if k := strings.Index(strings.ToLower(text[ownerAt-s.Start:]), ", which contain"); k >= 0 {
				for _, m := range compounds {
					if s.rel(m) > ownerAt-s.Start+k {
						which = append(which, m)
					}
				}
			}
			if len(before) > 0 {
				compounds = append(before, which...)
			} else if h, ok := firstHit(f, x.rules.rel("compound_sources")); ok && h.end <= ownerAt-s.Start {
				compounds = which // "It occurs naturally in cannabis ... from CBD"
			}
		}
		if owner == "" && x.topic != "" {
			// "The two best studied are mitragynine and 7-hydroxymitragynine":
			// no owner is named, and the lexicon says the topic holds them
			if te := x.ents[x.topic]; te != nil {
				if e := x.lx.Lookup(te.Class, te.Label); e != nil && len(e.Compounds) > 0 {
					var found []string
					for _, m := range compounds {
						ce := m.Entry(schema.Compound)
						if ce == nil || !contains(e.Compounds, ce.Label) || inParens(text, s.rel(m)) {
							continue
						}
						if neg, _ := x.negatedAt(text, s.rel(m)); neg {
							continue
						}
						c := x.mentionIRI(m, schema.Compound)
						found = append(found, c)
						x.add(x.topic, schema.HasActiveCompound, c, opts("topic-compound", s.rel(m)+len(m.Surface)))
					}
					if len(found) > 1 {
						defer func() { x.prevSubjects = found }() // "Both are partial agonists ..."
					}
				}
			}
		}
		for _, m := range compounds {
			if owner == "" || m.Entry(schema.Substance) != nil && x.mentionIRI(m, schema.Substance) == owner {
				continue
			}
			c := x.mentionIRI(m, schema.Compound)
			cs = append(cs, c)
			x.add(owner, schema.HasActiveCompound, c, opts("compound-in-substance", s.rel(m)+len(m.Surface)))
		}
		if len(cs) > 0 && compounds[0].Start > ownerAt {
			defer func() { x.prevSubjects = cs }()
		}
	}

	// receptors: "X works on the opioid receptors", "may bind to ..."
	if recs := of(s.ms, schema.Receptor); len(recs) > 0 {
		if h, ok := firstHit(f, x.rules.rel("acts_on_cues")); ok && h.start < recs[len(recs)-1].Start-s.Start {
			neg, ncues := x.negatedAt(text, h.start)
			for _, m := range recs {
				if s.rel(m) < h.start {
					continue
				}
				o := opts("acts-on", s.rel(m)+len(m.Surface))
				o.negated = neg
				if neg {
					o.cues = ncues
				}
				subs := x.subjectAt(s, h.start)
				var named []string
				for _, c := range of(s.ms, schema.Compound) {
					if s.rel(c) < h.start && !inParens(text, s.rel(c)) && c.Entry(schema.Receptor) == nil {
						named = append(named, x.mentionIRI(c, schema.Compound))
					}
				}
				appositive := false
				for _, cn := range findAll(fold(text[:h.start]), x.rules.rel("compound_nouns")) {
					if len(named) > 0 && strings.HasPrefix(text[cn.end:], ", ") {
						appositive = true
					}
				}
				if appositive {
					subs = named // "Its two compounds, A and B, activate the mu receptor"
				}
				if like := x.likeSubject(s); like != "" && !contains(subs, like) && !neg && !strings.Contains(text[:s.rel(m)], ", and ") && !strings.Contains(text[:s.rel(m)], ", but ") {
					subs = append(subs, like) // "Like delta-9 THC, delta-8 binds to CB1 receptors"
				}
				for _, sub := range subs {
					x.add(sub, schema.ActsOn, x.mentionIRI(m, schema.Receptor), o)
				}
				// "the mu opioid receptor, the same target as morphine and heroin"
				rest := text[s.rel(m)+len(m.Surface):]
				if loc := sameTargetRE.FindStringIndex(rest); loc != nil && !neg {
					from := s.rel(m) + len(m.Surface) + loc[1]
					to := clauseEnd(text, from)
					if k := strings.IndexAny(text[from:to], ",;"); k >= 0 {
						to = from + k
					}
					if k := indexAny(text[from:to], " act on", " acts on", " bind to", " binds to", " work on", " works on", " target", " also "); k >= 0 {
						to = from + k // "the same receptor that morphine and heroin act on"
					}
					for _, iri := range x.objectsIn(text, from, to, x.rules.DrugHeads, schema.Substance) {
						if e := x.ents[iri]; e != nil && e.Class == schema.Substance {
							x.add(iri, schema.ActsOn, x.mentionIRI(m, schema.Receptor), opts("same-target", s.rel(m)+len(m.Surface)))
						}
					}
				}
			}
		}
	}

	// "blocks the reuptake of serotonin and norepinephrine": the transporters
	if loc := reuptakeRE.FindStringSubmatchIndex(text); loc != nil {
		for g := 1; g <= 2; g++ {
			if loc[2*g] < 0 {
				continue
			}
			name := text[loc[2*g]:loc[2*g+1]]
			if e := x.lx.Lookup(schema.Receptor, name+" reuptake"); e != nil {
				for _, sub := range x.subjectAt(s, loc[0]) {
					x.add(sub, schema.ActsOn, x.entity(e, "reuptake of "+name), opts("blocks-reuptake", loc[1]))
				}
			}
		}
	}

	// uses: "to treat aches and pains", "helps with anxiety", "as a chronic pain treatment"
	for _, h := range findAll(f, x.rules.rel("used_for_cues")) {
		if notFirstLineRE.MatchString(text[:h.start]) {
			continue // "should not be the first treatment for X": advice, not a use or its denial
		}
		if startsWithAny(strings.ToLower(text[h.end:]), " the cause of", " the causes of", " the underlying cause", " the root cause") {
			continue // "do not treat the cause of pain": not a use for pain, nor its denial
		}
		if notApprovedForRE.MatchString(text[:h.start]) {
			continue // "is not approved for treating opioid withdrawal": a status, not a use
		}
		if strings.Contains(h.phrase, "approved") || strings.Contains(h.phrase, "licensed") {
			// "CBD is not approved for arthritis": a legal status; people
			// may still use it for that, so neither a use nor its denial
			b := strings.Fields(strings.ToLower(strings.ReplaceAll(text[max(0, h.start-24):h.start], "’", "'")))
			if len(b) > 1 && (b[len(b)-1] == "been" || b[len(b)-1] == "yet" || b[len(b)-1] == "officially") {
				b = b[:len(b)-1] // "has not been approved for"
			}
			if len(b) > 0 && (negWords[b[len(b)-1]] || b[len(b)-1] == "hasn't" || b[len(b)-1] == "haven't") {
				continue
			}
		}
		end := clauseEnd(text, h.end)
		usedRegions = append(usedRegions, [2]int{h.end, end})
		for _, p := range x.splitList(text, h.end, end) {
			if w := strings.Fields(strings.ToLower(p.text)); len(w) > 1 && x.rules.EffectVerbs[w[0]] != "" && len(of(within(s.ms, s.Start+p.start, s.Start+p.end), schema.Condition)) == 0 {
				x.effect(subjAt(p.start), p.text, opts("used-for-effect", p.end))
			}
		}
		o := opts("used-for", end)
		if neg, ncues := x.negatedAt(text, h.start); neg {
			o.negated, o.cues = true, ncues
		}
		for _, iri := range x.objectsIn(text, h.end, end, x.rules.ConditionHeads, schema.Condition) {
			for _, sub := range x.subjectAt(s, h.start) {
				x.add(sub, schema.UsedFor, iri, o)
			}
		}
	}
	// "is one of the most commonly prescribed medicines for nerve pain"
	if loc := oneOfForRE.FindStringIndex(text); loc != nil {
		end := clauseEnd(text, loc[1])
		usedRegions = append(usedRegions, [2]int{loc[1], end})
		o := opts("one-of-the-treatments-for", end)
		if neg, ncues := x.negatedAt(text, loc[0]); neg {
			o.negated, o.cues = true, ncues
		}
		for _, iri := range x.objectsIn(text, loc[1], end, x.rules.ConditionHeads, schema.Condition) {
			for _, sub := range x.subjectAt(s, loc[0]) {
				x.add(sub, schema.UsedFor, iri, o)
			}
		}
	}
	// "Many people with long-term back pain try it": a use the sentence reports
	if loc := peopleWithRE.FindStringSubmatchIndex(text); loc != nil && !hasWord(strings.ToLower(text[loc[2]:loc[3]]), "should", "must", "can", "may", "cannot", "not", "need", "needs", "might", "could", "shouldn't") {
		conds := of(within(s.ms, s.Start+loc[2], s.Start+loc[3]), schema.Condition)
		var sub string
		if ws := strings.Fields(strings.ToLower(text[loc[1]:])); len(ws) > 0 && (strings.Trim(ws[0], ",.") == "it" || strings.Trim(ws[0], ",.") == "them") {
			if len(x.prevSubjects) > 0 {
				sub = x.prevSubjects[0]
			} else {
				sub = x.topic
			}
		} else {
			for _, m := range s.ms {
				if r := s.rel(m); r >= loc[1] && len(strings.Fields(text[loc[1]:r])) <= 1 {
					sub = x.subjectIRI(m)
				}
				if s.rel(m) >= loc[1] {
					break
				}
			}
		}
		if len(conds) > 0 && sub != "" {
			last := conds[len(conds)-1]
			o := opts("people-with-use", loc[1])
			if o.certainty == schema.Asserted {
				o.certainty = schema.Hedged // reported use, not shown benefit
			}
			x.add(sub, schema.UsedFor, x.resolvePart(text[loc[2]:s.rel(last)+len(last.Surface)], x.rules.ConditionHeads, schema.Condition), o)
		}
	}
	// "magnesium or herbal teas help them sleep": used for sleeplessness
	if loc := helpSleepRE.FindStringIndex(text); loc != nil {
		if e := x.lx.Lookup(schema.Condition, "insomnia"); e != nil {
			o := opts("helps-sleep", loc[1])
			if neg, ncues := x.negatedAt(text, loc[0]); neg {
				o.negated, o.cues = true, ncues
			}
			for _, sub := range x.subjectAt(s, loc[0]) {
				x.add(sub, schema.UsedFor, x.entity(e, e.Label), o)
			}
		}
	}
	// "commonly prescribed after surgery and for flare-ups of back pain":
	// the uses after a first, non-condition purpose
	if loc := andForRE.FindStringIndex(text); loc != nil {
		end := clauseEnd(text, loc[1])
		o := opts("used-for", end)
		if neg, ncues := x.negatedAt(text, loc[0]); neg {
			o.negated, o.cues = true, ncues
		}
		usedRegions = append(usedRegions, [2]int{loc[1], end})
		for _, iri := range x.objectsIn(text, loc[1], end, x.rules.ConditionHeads, schema.Condition) {
			for _, sub := range x.subjectAt(s, loc[0]) {
				x.add(sub, schema.UsedFor, iri, o)
			}
		}
	}
	// "may help knee osteoarthritis": help with a condition right after it
	for _, h := range findAll(f, x.rules.rel("help_direct")) {
		from, chained := h.end, false
		for _, m := range of(s.ms, schema.Condition) {
			if s.rel(m) < from {
				continue
			}
			gap := strings.Fields(strings.ToLower(text[from:s.rel(m)]))
			if chained {
				// "may help neck pain, knee osteoarthritis and tension-type
				// headaches": the conditions coordinated with the first
				sep := false
				if lead := strings.TrimLeft(text[from:s.rel(m)], " "); strings.HasPrefix(lead, ",") {
					gap, sep = strings.Fields(strings.ToLower(strings.TrimPrefix(lead, ","))), true
				}
				if len(gap) > 0 && (gap[0] == "and" || gap[0] == "or") {
					gap, sep = gap[1:], true
				}
				if !sep {
					break
				}
			} else if len(gap) > 0 && contains([]string{"with", "relieve", "ease", "treat", "reduce"}, gap[0]) {
				gap = gap[1:]
			}
			modifiers := len(gap) <= 2
			for _, w := range gap {
				if contains([]string{"you", "them", "people", "to", "the", "your", "their", "it", "patients", "and", "or"}, w) || strings.HasSuffix(w, ",") {
					modifiers = false
				}
			}
			if !modifiers {
				if chained {
					break
				}
				continue
			}
			from, chained = s.rel(m)+len(m.Surface), true
			// "may help knee osteoarthritis": the condition with its modifiers
			phrase := strings.Join(gap, " ")
			iri := x.mentionIRI(m, schema.Condition)
			if phrase != "" {
				iri = x.resolvePart(phrase+" "+m.Surface, x.rules.ConditionHeads, schema.Condition)
			}
			usedRegions = append(usedRegions, [2]int{s.rel(m), s.rel(m) + len(m.Surface)})
			o := opts("helps-condition", s.rel(m)+len(m.Surface))
			if neg, ncues := x.negatedAt(text, h.start); neg {
				if startsWithAny(text[s.rel(m)+len(m.Surface):], " that ", " which ") {
					continue // "unlikely to help pain that spreads widely": only that kind is denied
				}
				o.negated, o.cues = true, ncues
			}
			for _, sub := range x.subjectAt(s, h.start) {
				x.add(sub, schema.UsedFor, iri, o)
			}
		}
	}
	// "CBD may reduce inflammation and nerve-related pain", "a gel reduced
	// joint swelling": an effect the subject has
	for _, h := range findAll(f, []string{"reduce", "reduces", "reduced", "reducing", "relieve", "relieves", "relieved", "relieving", "ease", "eases", "eased", "easing", "alleviate", "alleviates", "alleviated", "lower", "lowers", "lowered", "decrease", "decreases", "decreased"}) {
		rest := text[h.end:]
		trim := strings.TrimLeft(rest, " ")
		for _, det := range []string{"the ", "your ", "their ", "its ", "some "} {
			trim = strings.TrimPrefix(trim, det)
		}
		at := len(text) - len(trim)
		conds := of(within(s.ms, s.Start+at, s.Start+clauseEndList(text, at)), schema.Condition)
		if len(conds) == 0 || len(strings.Fields(text[at:s.rel(conds[0])])) > 2 && !strings.HasPrefix(strings.ToLower(text[at:]), "the frequency of ") || x.isRiskCondition(conds[0].Entry(schema.Condition)) {
			continue
		}
		last := conds[0]
		for _, m := range conds[1:] {
			between := strings.Fields(strings.ToLower(text[s.rel(last)+len(last.Surface) : s.rel(m)]))
			if len(between) > 0 && len(between) <= 3 && (between[0] == "and" || between[0] == "or" || between[0] == ",") {
				last = m // "inflammation and nerve-related pain"
			}
		}
		end := s.rel(last) + len(last.Surface)
		usedRegions = append(usedRegions, [2]int{at, end})
		if lead := strings.ToLower(text[at:s.rel(conds[0])]); lead == "how often " || lead == "the frequency of " || lead == "the number of " {
			// "can reduce how often migraines happen": it prevents them
			if sub := subjAt(h.start); sub != "" {
				x.add(sub, schema.UsedFor, x.mentionIRI(conds[0], schema.Condition), opts("reduces-frequency", end))
			}
			continue
		}
		o := opts("reduces-condition", end)
		if neg, ncues := x.negatedAt(text, h.start); neg {
			o.negated, o.cues = true, ncues
			// "was no better than a placebo at relieving acute low back
			// pain": the use is what is denied
			for _, sub := range x.subjectAt(s, h.start) {
				x.add(sub, schema.UsedFor, x.mentionIRI(last, schema.Condition), o)
			}
			continue
		}
		for _, sub := range x.subjectAt(s, h.start) {
			// "Regular exercise and physiotherapy can reduce arthritis
			// pain": a treatment that eases a named condition is used for it
			if e := x.ents[sub]; e != nil && e.Class == schema.Treatment && len(strings.Fields(last.Surface)) > 1 && last.Start == conds[0].Start {
				x.add(sub, schema.UsedFor, x.mentionIRI(last, schema.Condition), o)
				continue
			}
			x.effect(sub, h.phrase+" "+text[at:end], o)
		}
	}

	// "For knee osteoarthritis, the results are encouraging"
	if strings.HasPrefix(strings.ToLower(text), "for ") && has(text, []string{"results", "studies", "evidence", "trials", "research"}) {
		if k := strings.Index(text, ","); k > 0 && len(of(within(s.ms, s.Start+4, s.Start+k), schema.Condition)) > 0 {
			usedRegions = append(usedRegions, [2]int{4, k})
			o := opts("evidence-for-condition", k)
			if neg, ncues := x.negatedAt(text, len(text)); neg {
				o.negated, o.cues = true, ncues // "For X, there is no good evidence that ..."
			}
			for _, iri := range x.objectsIn(text, 4, k, x.rules.ConditionHeads, schema.Condition) {
				x.add(subjAt(0), schema.UsedFor, iri, o)
			}
		}
	}
	// "For nerve pain, duloxetine or gabapentin may be more suitable": the
	// drugs named after the condition are used for it
	if loc := forCondSuitableRE.FindStringSubmatchIndex(text); loc != nil && len(of(within(s.ms, s.Start+loc[2], s.Start+loc[3]), schema.Condition)) > 0 {
		conds := x.objectsIn(text, loc[2], loc[3], x.rules.ConditionHeads, schema.Condition)
		usedRegions = append(usedRegions, [2]int{loc[2], loc[3]})
		o := opts("suitable-for-condition", loc[1])
		for _, sub := range x.objectsIn(text, loc[4], loc[5], x.rules.DrugHeads, schema.Substance, schema.Treatment) {
			for _, c := range conds {
				x.add(sub, schema.UsedFor, c, o)
			}
			// more suitable than the article's substance: an alternative to it
			if x.topic != "" && sub != x.topic && strings.Contains(strings.ToLower(text[loc[5]:loc[1]]), " more ") {
				x.add(x.topic, schema.AlternativeTreatment, sub, opts("more-suitable", loc[1]))
			}
		}
	}
	// "Regular exercise, physiotherapy and losing weight can also reduce
	// arthritis pain": treatments that also help are alternatives to the
	// article's substance
	if loc := leadListRE.FindStringSubmatchIndex(text); loc != nil && x.topic != "" && alsoHelpsRE.MatchString(text[loc[3]:]) {
		for _, sub := range x.leadList(text, 0) {
			if sub != x.topic {
				x.add(x.topic, schema.AlternativeTreatment, sub, opts("also-helps", len(text)))
			}
		}
	}
	for _, m := range of(s.ms, schema.Condition) {
		after := strings.ToLower(text[s.rel(m)+len(m.Surface):])
		after = strings.TrimLeft(after, " ")
		if s.explicit && startsWithWord(after, x.rules.rel("treatment_noun")) && !strings.HasPrefix(after, "relief of") {
			usedRegions = append(usedRegions, [2]int{s.rel(m), s.rel(m) + len(m.Surface)})
			x.add(subjAt(s.rel(m)), schema.UsedFor, x.mentionIRI(m, schema.Condition), opts("condition-treatment", s.rel(m)+len(m.Surface)))
		}
	}
	// "kratom for chronic pain"
	for i, m := range s.ms {
		if i+1 >= len(s.ms) || m.Entry(schema.Substance) == nil || isGeneric(m.Entry(schema.Substance)) {
			continue
		}
		between := strings.TrimSpace(text[s.rel(m)+len(m.Surface) : s.rel(s.ms[i+1])])
		if strings.EqualFold(between, "for") && s.ms[i+1].Entry(schema.Condition) != nil && !adviseAgainstRE.MatchString(text[:s.rel(m)]) {
			n := s.ms[i+1]
			x.add(x.mentionIRI(m, schema.Substance), schema.UsedFor, x.mentionIRI(n, schema.Condition), opts("substance-for-condition", s.rel(n)+len(n.Surface)))
			usedRegions = append(usedRegions, [2]int{s.rel(n), s.rel(n) + len(n.Surface)})
			// "Doctors prescribe naproxen for osteoarthritis, rheumatoid
			// arthritis and attacks of gout": the whole enumeration
			if ws := strings.Fields(strings.ToLower(text[:s.rel(m)])); len(ws) > 0 && prescribeVerbs[ws[len(ws)-1]] {
				from := s.rel(n)
				end := clauseEnd(text, from)
				for _, iri := range x.objectsIn(text, from, end, x.rules.ConditionHeads, schema.Condition) {
					x.add(x.mentionIRI(m, schema.Substance), schema.UsedFor, iri, opts("substance-for-condition", end))
				}
				usedRegions = append(usedRegions, [2]int{from, end})
			}
		}
	}
	// "Other options for nerve pain include duloxetine, gabapentin and
	// pregabalin": each is used for the condition
	if loc := optionsForRE.FindStringSubmatchIndex(text); loc != nil {
		conds := x.objectsIn(text, loc[2], loc[3], x.rules.ConditionHeads, schema.Condition)
		end := clauseEndList(text, loc[1])
		o := opts("options-for-condition", end)
		for _, sub := range x.objectsIn(text, loc[1], end, x.rules.DrugHeads, schema.Substance, schema.Treatment) {
			for _, c := range conds {
				x.add(sub, schema.UsedFor, c, o)
			}
		}
	}
	inUsed := func(m Mention) bool {
		r := s.rel(m)
		for _, u := range usedRegions {
			if r >= u[0] && r < u[1] {
				return true
			}
		}
		return false
	}

	// effects: lexicon effects the subject has
	if s.explicit || x.topic != "" {
		for _, m := range of(s.ms, schema.Effect) {
			if inUsed(m) {
				continue
			}
			if m.Entry(schema.Substance, schema.Treatment) != nil && strings.HasSuffix(strings.ToLower(m.Surface), "s") {
				continue // "sedatives such as benzodiazepines": substances
			}
			if x.namesDrugs(text[s.rel(m)+len(m.Surface):]) {
				continue // "anti-inflammatory (or disease-modifying) medicines": a kind of drug
			}
			o := opts("has-effect", s.rel(m)+len(m.Surface))
			if neg, ncues := x.negatedAt(text, s.rel(m)); neg {
				o.negated, o.cues = true, ncues
			}
			x.add(subjAt(s.rel(m)), schema.HasEffect, x.mentionIRI(m, schema.Effect), o)
		}
	}
	// "positive effects such as a sense of wellbeing, relaxation, ..."
	if h, ok := firstHit(f, x.rules.rel("positive_effect_cues")); ok {
		start := h.end
		if k := strings.Index(strings.ToLower(text[start:]), "such as"); k >= 0 && k < 12 {
			start += k + len("such as")
		}
		for _, it := range x.splitList(text, start, clauseEnd(text, start)) {
			if len(within(of(s.ms, schema.Effect), s.Start+it.start, s.Start+it.end)) > 0 {
				continue
			}
			label := x.cleanItem(it.text)
			if label == "" || len(strings.Fields(label)) > 5 {
				continue
			}
			x.add(subjAt(h.start), schema.HasEffect, x.newEntity(schema.Effect, label, it.text), opts("positive-effects-list", it.end))
		}
	}

	// risks
	riskHits := findAll(f, x.rules.rel("risk_cues"))
	riskCue := len(riskHits) > 0
	precautionary := len(findAll(f, x.rules.rel("precaution_cues"))) > 0 || len(findAll(f, x.rules.rel("precaution_with"))) > 0
	for _, m := range s.ms {
		if precautionary && m.Entry(schema.Risk) != nil {
			continue // "not recommended during pregnancy": a precaution
		}
		var iri string
		switch {
		case m.Entry(schema.Risk) != nil:
			iri = x.mentionIRI(m, schema.Risk)
		case m.Entry(schema.Condition) != nil && x.isRiskCondition(m.Entry(schema.Condition)) && riskCue && !inUsed(m):
			iri = x.mentionIRI(m, schema.Condition)
		default:
			continue
		}
		if !s.explicit && !x.kinds["risks"] && !x.kinds["interactions"] && !x.kinds["side_effects"] && !topicRefRE.MatchString(text) {
			continue
		}
		o := opts("has-risk", s.rel(m)+len(m.Surface))
		if neg, ncues := x.negatedAt(text, s.rel(m)); neg {
			o.negated, o.cues = true, ncues
		} else {
			// "does not cause the kind of dependence": the negation governs the cue
			for _, h := range riskHits {
				if h.start < s.rel(m) && s.rel(m)-h.end < 40 {
					if neg, ncues := x.negatedAt(text, h.start); neg {
						o.negated, o.cues = true, ncues
					}
				}
			}
		}
		x.add(subjAt(s.rel(m)), schema.HasRisk, iri, o)
	}

	// "The main dangers are dehydration, relapse, ...", "may not be safe in
	// pregnancy": named risks
	for _, h := range findAll(f, []string{"dangers are", "dangers include", "risks are", "risks include", "main risks are", "main dangers are", "not be safe in", "not safe in", "not be safe during", "not safe during", "isn't safe in", "isn't safe during", "unsafe in", "unsafe during"}) {
		end := clauseEndList(text, h.end)
		if k := indexAny(strings.ToLower(text[h.end:end]), " because ", " as it ", " since "); k >= 0 {
			end = h.end + k
		}
		if k := strings.Index(text[h.end:end], ", and it "); k >= 0 {
			end = h.end + k
		}
		for _, iri := range x.objectsIn(text, h.end, end, []string{anyHead}, schema.Risk, schema.Condition) {
			if sub := subjAt(h.start); sub != "" && iri != sub {
				x.add(sub, schema.HasRisk, iri, opts("named-risk", end))
			}
		}
	}

	// "Taken in excess, it can badly damage the liver": organ damage is a risk
	if loc := organDamageRE.FindStringSubmatchIndex(text); loc != nil {
		organ := strings.ToLower(text[loc[2]:loc[3]])
		organ = strings.TrimSuffix(strings.TrimSuffix(organ, "s"), " lining")
		if e := x.lx.Lookup(schema.Condition, organ+" damage"); e != nil {
			o := opts("organ-damage", loc[1])
			if neg, ncues := x.negatedAt(text, loc[0]); neg {
				o.negated, o.cues = true, ncues
			}
			for _, sub := range x.subjectAt(s, loc[0]) {
				x.add(sub, schema.HasRisk, x.entity(e, text[loc[0]:loc[1]]), o)
			}
		}
	}

	// side effects: conditions the subject causes
	var seHits []hit
	for _, h := range findAll(f, x.rules.rel("side_effect_cues")) {
		if after := strings.ToLower(text[h.end:]); (h.phrase == "cause" || h.phrase == "causes") && strings.HasPrefix(after, " of") {
			continue // "the underlying cause of sciatica": a noun
		}
		if after := strings.ToLower(text[h.end:]); (h.phrase == "caused" || h.phrase == "cause" || h.phrase == "causes") && strings.HasPrefix(after, " by ") {
			continue // "pain that isn't caused by cancer": the cause, not an effect
		}
		if h.phrase == "linked to" || h.phrase == "associated with" || h.phrase == "related to" {
			// "seizures linked to Dravet syndrome": what the condition comes from
			if prev := of(within(s.ms, s.Start, s.Start+h.start), schema.Condition); len(prev) > 0 {
				if p := prev[len(prev)-1]; s.rel(p)+len(p.Surface) >= h.start-1 {
					continue
				}
			}
		}
		seHits = append(seHits, h)
	}
	seCue, seOK := hit{}, len(seHits) > 0
	if seOK {
		seCue = seHits[0]
	}
	inSE := x.kinds["side_effects"] || x.kinds["long_term"] || x.kinds["withdrawal"]
	listCue := has(text, []string{"such as", "include", "includes", "including", "common", "reported", "associated with", "linked to", "risk of"})
	if (seOK && s.explicit) || (inSE && (listCue || seOK)) {
		pred := schema.HasSideEffect
		rule := "side-effect"
		switch {
		case wd && has(text, []string{"withdrawal"}):
			// "Regular use can lead to dependence, and people who stop go
			// through withdrawal with insomnia": withdrawal named wins
			pred, rule = schema.HasWithdrawalSymptom, "withdrawal-symptom"
		case lt:
			pred, rule = schema.HasLongTermSideEffect, "long-term-side-effect"
		case wd:
			pred, rule = schema.HasWithdrawalSymptom, "withdrawal-symptom"
		}
		symptomAt := -1 // "Symptoms of serotonin syndrome include agitation": its symptoms
		if h, ok := firstHit(f, []string{"symptoms of", "signs of"}); ok && !wd {
			symptomAt = h.start
		}
		for _, m := range of(s.ms, schema.Condition) {
			e := m.Entry(schema.Condition)
			if inUsed(m) || x.isRiskCondition(e) || e.Kind == "state" || (seOK && s.explicit && !inSE && s.rel(m) < seCue.start) {
				continue
			}
			if symptomAt >= 0 && s.rel(m) > symptomAt {
				continue
			}
			if m.Entry(schema.Substance, schema.Compound, schema.Effect, schema.Risk) != nil && m.Entry(schema.Condition) != m.Entries[0] {
				continue
			}
			if after := strings.Fields(strings.ToLower(text[s.rel(m)+len(m.Surface):])); len(after) > 0 && contains([]string{"trial", "trials", "study", "studies", "patients", "research", "sufferers", "clinic", "clinics", "specialist"}, strings.Trim(after[0], ",.;:")) {
				continue // "the largest fibromyalgia trial": a modifier
			}
			if withRE.MatchString(text[:s.rel(m)]) {
				continue // "seizures in people with epilepsy": who is affected, not an effect
			}
			if resembleRE.MatchString(text[:s.rel(m)]) || pred == schema.HasWithdrawalSymptom && strings.Contains(strings.ToLower(e.Label), "withdrawal") {
				continue // "resemble a milder form of opioid withdrawal": a comparison; a withdrawal is no symptom of one
			}
			if lessened(text[:s.rel(m)]) {
				// "reported less sciatica", "improvements in pain": a benefit
				x.add(subjAt(s.rel(m)), schema.UsedFor, x.mentionIRI(m, schema.Condition), opts("reduced-condition", s.rel(m)+len(m.Surface)))
				continue
			}
			o := opts(rule, s.rel(m)+len(m.Surface))
			if neg, ncues := x.negatedAt(text, s.rel(m)); neg {
				o.negated, o.cues = true, ncues
			} else if seOK {
				if neg, ncues := x.negatedAt(text, seCue.start); neg {
					o.negated, o.cues = true, ncues
				}
			}
			x.add(subjAt(s.rel(m)), pred, x.mentionIRI(m, schema.Condition), o)
		}
	}

	// "More severe side effects, while rare, include a collapsed lung
	// (pneumothorax) ..., infections ... and nerve injury": every item of an
	// enumeration of side effects, known to the lexicon or not
	if loc := seIncludeRE.FindStringSubmatchIndex(strings.ToLower(text)); loc != nil && !s.withdraw {
		pred, rule := schema.HasSideEffect, "side-effects-include"
		if lt {
			pred, rule = schema.HasLongTermSideEffect, "long-term-side-effects-include"
		}
		end := clauseEndList(text, loc[1])
		stops := []string{", but ", " but "}
		if strings.HasSuffix(text[loc[0]:loc[1]], "such as") {
			stops = append(stops, " are ", " is ", " usually ", " tend to ", " go away ")
		}
		if k := indexAny(strings.ToLower(text[loc[1]:end]), stops...); k >= 0 {
			end = loc[1] + k // "such as drowsiness are usually mild"
		}
		o := opts(rule, end)
		if neg, ncues := x.negatedAt(text, loc[0]); neg {
			o.negated, o.cues = true, ncues
		}
		if sub := subjAt(loc[0]); sub != "" {
			for _, p := range x.splitList(text, loc[1], end) {
				item := p.text
				if k := indexAny(strings.ToLower(item), " when ", " from ", " if ", " after ", " in people ", " because "); k > 0 {
					item = item[:k]
				}
				if iri := x.resolvePart(item, []string{anyHead}, schema.Condition); iri != "" && iri != sub {
					x.add(sub, pred, iri, o)
				}
			}
		}
	}

	// "paracetamol is usually the first alternative to try"; "Heat packs,
	// gentle exercise and physiotherapy can also help"
	if x.topic != "" {
		if h, ok := firstHit(f, []string{"alternative to try", "first alternative", "a good alternative", "a safer alternative", "the usual alternative", "an alternative"}); ok {
			for _, m := range of(s.ms, schema.Substance, schema.Treatment) {
				if s.rel(m) < h.start {
					if iri := x.mentionIRI(m, schema.Substance, schema.Treatment); iri != x.topic {
						x.add(x.topic, schema.AlternativeTreatment, iri, opts("is-an-alternative", h.end))
					}
				}
			}
		}
		// "alternatives include gabapentin, duloxetine, and treatments applied
		// to the skin"; "exercise therapy and topical NSAIDs are worth trying"
		// "Keep up the treatments that are known to help, such as regular exercise"
		for _, h := range findAll(f, []string{"treatments", "therapies", "options"}) {
			if has(text, x.rules.rel("alternatives_here")) {
				break
			}
			k, ok2 := firstHit(fold(text[h.end:]), []string{"such as", "like", "including"})
			// "start with treatments that have stronger evidence behind
			// them: physical therapy and regular exercise, ..."
			if c := strings.Index(text[h.end:], ": "); c >= 0 && c < 60 && (!ok2 || c < k.start) {
				k, ok2 = hit{start: c, end: c + 2}, true
			}
			if ok2 && k.start < 60 {
				from := h.end + k.end
				to := clauseEndList(text, from)
				for _, iri := range x.objectsIn(text, from, to, x.rules.DrugHeads, schema.Treatment, schema.Substance) {
					if iri != x.topic {
						x.add(x.topic, schema.AlternativeTreatment, iri, opts("treatments-such-as", to))
					}
				}
				break
			}
		}
		if h, ok := firstHit(f, x.rules.rel("alternatives_here")); ok {
			from, to := h.end, clauseEndList(text, h.end)
			if strings.HasPrefix(h.phrase, "are worth") || strings.HasPrefix(h.phrase, "is worth") {
				from, to = 0, h.start
				if k := strings.Index(text[:h.start], ", "); k >= 0 && strings.HasPrefix(strings.ToLower(text), "for ") {
					from = k + 2 // "For musculoskeletal pain, A, B and C are worth discussing"
				}
			}
			for _, iri := range x.objectsIn(text, from, to, x.rules.DrugHeads, schema.Treatment, schema.Substance) {
				if iri != x.topic {
					x.add(x.topic, schema.AlternativeTreatment, iri, opts("alternatives-named", to))
				}
			}
		}
		if x.kinds["alternatives"] {
			// "Some people also try turmeric or fish oil instead"
			if loc := peopleTryRE.FindStringIndex(text); loc != nil && !startsWithAny(text[loc[1]:], "to ", "it ", "them ", "this ") {
				to := clauseEndList(text, loc[1])
				if k := indexAny(text[loc[1]:to], ", ", " instead", " for ", " to "); k >= 0 {
					to = loc[1] + k
				}
				for _, iri := range x.objectsIn(text, loc[1], to, x.rules.DrugHeads, schema.Treatment, schema.Substance) {
					if iri != x.topic {
						x.add(x.topic, schema.AlternativeTreatment, iri, opts("people-try", to))
					}
				}
			}
			if h, ok := firstHit(f, x.rules.rel("help_direct")); ok {
				// what they help with: "helps most episodes of low back pain settle"
				var conds []string
				for _, m := range of(within(s.ms, s.Start+h.end, s.Start+clauseEnd(text, h.end)+1), schema.Condition) {
					conds = append(conds, x.mentionIRI(m, schema.Condition))
				}
				for _, iri := range x.objectsIn(text, 0, h.start, nil, schema.Treatment, schema.Substance) {
					if iri != x.topic {
						x.add(x.topic, schema.AlternativeTreatment, iri, opts("alternatives-help", h.start))
						for _, c := range conds {
							x.add(iri, schema.UsedFor, c, opts("alternatives-help-with", h.end))
						}
					}
				}
			}
		}
	}

	// "If amitriptyline does not suit you, nortriptyline ... may": what is
	// offered instead is an alternative
	if loc := notSuitRE.FindStringSubmatchIndex(text); loc != nil {
		var first string
		g := 2
		if loc[g] < 0 {
			g = 4 // "If X isn't right for you"
		}
		for _, m := range within(s.ms, s.Start+loc[g], s.Start+loc[g+1]) {
			first = x.subjectIRI(m)
			break
		}
		if first != "" {
			main := loc[1]
			var alts []string
			if h, ok := firstHit(fold(text[main:]), []string{"include", "includes", "such as"}); ok {
				alts = x.objectsIn(text, main+h.end, clauseEndList(text, main+h.end), x.rules.DrugHeads, schema.Substance, schema.Treatment)
			} else {
				for _, m := range s.ms {
					if r := s.rel(m); r >= main && len(strings.Fields(text[main:r])) <= 1 {
						if iri := x.subjectIRI(m); iri != "" {
							alts = x.coordinated(text, s.ms, s.Start, m, iri)
						}
						break
					}
				}
			}
			for _, a := range alts {
				if a != first {
					x.add(first, schema.AlternativeTreatment, a, opts("instead-of", len(text)))
				}
			}
		}
	}

	// in a section on alternatives: "ways ... like sleeping well, eating a healthy diet, and exercising"
	if x.kinds["alternatives"] && has(text, []string{"ways", "options", "treatments", "therapies", "alternatives", "help ourselves", "help yourself"}) {
		if h, ok := firstHit(f, []string{"such as", "like", "including", "include"}); ok {
			for _, p := range x.splitList(text, h.end, clauseEndList(text, h.end)) {
				label := x.cleanItem(p.text)
				if label == "" || len(strings.Fields(label)) > 5 {
					continue
				}
				surface := strings.TrimSpace(strings.TrimPrefix(p.text, "trying to "))
				iri := ""
				if e := x.lx.Lookup(schema.Substance, label); e != nil {
					iri = x.entity(e, surface) // "include amitriptyline": the drug, not a new treatment
				} else {
					iri = x.newEntity(schema.Treatment, label, surface)
				}
				x.add(x.topic, schema.AlternativeTreatment, iri, opts("alternatives-like", p.end))
			}
		}
	}

	// "CBD can also add to the drowsiness caused by opioids, benzodiazepines
	// and alcohol": what it adds to the effects of, it interacts with
	if loc := addsToRE.FindStringIndex(text); loc != nil {
		end := clauseEndList(text, loc[1])
		if neg, _ := x.negatedAt(text, loc[0]); !neg {
			for _, iri := range x.objectsIn(text, loc[1], end, x.rules.DrugHeads, schema.Substance) {
				if sub := subjAt(loc[0]); sub != "" && sub != iri {
					x.add(sub, schema.InteractsWith, iri, opts("adds-to-effects", end))
				}
			}
		}
	}

	// "Epidiolex, a prescription oral solution for seizures caused by
	// Lennox-Gastaut syndrome": a named product, its form and its uses
	x.namedProduct(s)

	// brands: "sold under brand names including Neurontin and Gralise"
	// "Naloxone (Narcan) can reverse an overdose": a capitalised name in
	// parentheses after a substance is its brand
	for _, m := range of(s.ms, schema.Substance) {
		if loc := parenBrandRE.FindStringSubmatchIndex(text[s.rel(m)+len(m.Surface):]); loc != nil {
			name := text[s.rel(m)+len(m.Surface)+loc[2] : s.rel(m)+len(m.Surface)+loc[3]]
			if combinedRE.MatchString(text[:s.rel(m)]) {
				continue // "in combination with acetaminophen (Ultracet)": a product of both, not a brand of one
			}
			if sub := x.subjectIRI(m); sub != "" && len(x.lx.Find(name, 0)) == 0 {
				x.add(x.newEntity(schema.Substance, name, name), schema.IsA, sub, opts("brand-in-parentheses", s.rel(m)+len(m.Surface)+loc[1]))
			}
		}
	}
	brandHits := findAll(f, x.rules.rel("brand_cues"))
	brandOf := "" // the substance of the sentence's first brand cue
	for bi, h := range brandHits {
		if bi > 0 && h.start < brandHits[bi-1].end {
			continue
		}
		// the substance named last before the cue ("Duloxetine (brand name Cymbalta)")
		sub := brandOf
		for _, m := range s.ms {
			if brandOf != "" {
				break
			}
			if s.rel(m) < h.start && !inParens(text, s.rel(m)) {
				if iri := x.subjectIRI(m); iri != "" {
					sub = iri
				}
			}
		}
		if sub == "" {
			sub = subjAt(h.start)
		}
		brandOf = sub
		for pos := h.end; sub != "" && pos < len(text); {
			loc := brandRE.FindStringSubmatchIndex(text[pos:])
			if loc == nil {
				break
			}
			name := text[pos+loc[2] : pos+loc[3]]
			if x.lx.Lookup(schema.Form, name) != nil {
				break
			}
			x.add(x.newEntity(schema.Substance, name, name), schema.IsA, sub, opts("brand-name", pos+loc[3]))
			pos += loc[1]
			// "OxyContin, an extended-release tablet, and Roxicodone": past
			// an appositive to the next name
			if rest := text[pos:]; strings.HasPrefix(rest, ", a ") || strings.HasPrefix(rest, ", an ") {
				if k := strings.Index(rest[2:], ", "); k > 0 && k < 60 {
					pos += 2 + k
				}
			}
		}
	}

	// what a doctor may suggest instead: "your doctor may suggest pregabalin,
	// or an antidepressant such as duloxetine"
	if x.kinds["alternatives"] {
		if h, ok := firstHit(f, x.rules.rel("suggest_cues")); ok {
			for _, m := range of(within(s.ms, s.Start+h.end, s.Start+clauseEndList(text, h.end)), schema.Substance, schema.Treatment) {
				iri := x.mentionIRI(m, schema.Substance, schema.Treatment)
				if sub := x.topic; sub != "" && iri != sub {
					x.add(sub, schema.AlternativeTreatment, iri, opts("suggested-instead", s.rel(m)+len(m.Surface)))
				}
			}
		}
	}

	// legal status
	x.legal(s, f)

	// is a: "Kratom is a herbal supplement", "should be classified as an opioid"
	x.isA(s, f)
	x.members(s, f)

	// alternatives: "a safer alternative to opioids", "lower rate of harm than prescription opioids"
	for _, h := range findAll(f, x.rules.rel("alternative_cues")) {
		for _, m := range of(within(s.ms, s.Start+h.end, s.Start+clauseEnd(text, h.end)+1), schema.Substance, schema.Treatment) {
			o := opts("alternative-to", s.rel(m)+len(m.Surface))
			alt := subjAt(h.start)
			if alt == "" {
				break
			}
			if neg, _ := x.negatedAt(text, h.start); neg {
				break // "It is not safer than other opioids": a comparison denied, no alternative
			}
			x.add(x.mentionIRI(m, schema.Substance, schema.Treatment), schema.AlternativeTreatment, alt, o)
			break
		}
	}

	// places
	if s.explicit {
		for _, h := range findAll(f, x.rules.rel("native_cues")) {
			for _, m := range of(within(s.ms, s.Start+h.end, s.Start+clauseEndList(text, h.end)), schema.Place) {
				x.add(subjAt(0), schema.NativeTo, x.mentionIRI(m, schema.Place), opts("native-to", s.rel(m)+len(m.Surface)))
			}
		}
	}
	if s.explicit && len(findAll(f, x.rules.rel("usage_place_cues"))) > 0 && len(findAll(f, x.rules.rel("legal_cues"))) == 0 && !has(text, []string{"reclassified", "classified"}) {
		prevOK := -1 // end of the last place that qualified, for "in the US and Europe"
		for _, m := range of(s.ms, schema.Place) {
			before := strings.ToLower(strings.TrimRight(text[:s.rel(m)], " "))
			inList := prevOK >= 0 && strings.TrimSpace(strings.Trim(strings.TrimSpace(text[prevOK:s.rel(m)]), ",")) == "and" ||
				prevOK >= 0 && strings.TrimSpace(text[prevOK:s.rel(m)]) == "," || prevOK >= 0 && strings.TrimSpace(text[prevOK:s.rel(m)]) == "or"
			if !(inList || endsWithWord(before, []string{"in", "in the", "across", "throughout", "across the", "in much of", "in parts of"})) {
				continue
			}
			prevOK = s.rel(m) + len(m.Surface)
			if nat := findAll(f, x.rules.rel("native_cues")); len(nat) > 0 && nat[0].start < s.rel(m) {
				continue
			}
			x.add(subjAt(s.rel(m)), schema.UsedIn, x.mentionIRI(m, schema.Place), opts("used-in", s.rel(m)+len(m.Surface)))
		}
	}
	if len(findAll(f, x.rules.rel("sold_cues"))) > 0 {
		for _, m := range of(s.ms, schema.SalesChannel) {
			x.add(subjAt(s.rel(m)), schema.SoldAt, x.mentionIRI(m, schema.SalesChannel), opts("sold-at", s.rel(m)+len(m.Surface)))
		}
	}

	// forms: "sold as a supplement in capsule or powder form"
	if len(findAll(f, x.rules.rel("form_cues"))) > 0 {
		for _, m := range of(s.ms, schema.Form) {
			if m.Entry(schema.Substance, schema.Compound) != nil {
				continue
			}
			x.add(subjAt(s.rel(m)), schema.HasForm, x.mentionIRI(m, schema.Form), opts("form", s.rel(m)+len(m.Surface)))
		}
	}

	// "OxyContin, an extended-release tablet, ...", "Epidiolex, a purified
	// CBD oral solution": a form in an appositive after a substance
	for _, m := range of(s.ms, schema.Substance) {
		end := s.rel(m) + len(m.Surface)
		if !startsWithAny(text[end:], ", a ", ", an ") || m.Entry(schema.Form) != nil {
			continue
		}
		app := text[end:clauseEndList(text, end)]
		if k := indexAny(app[2:], ",", " that ", " which ", " who "); k >= 0 {
			app = app[:k+2]
		}
		forms := of(within(s.ms, m.End, m.End+len(app)), schema.Form)
		if len(forms) == 0 || len(strings.Fields(app)) > 7 {
			continue
		}
		last := forms[len(forms)-1]
		if s.rel(last)+len(last.Surface) == end+len(strings.TrimRight(app, " ")) && last.Entry(schema.Substance, schema.Compound) == nil {
			x.add(x.mentionIRI(m, schema.Substance), schema.HasForm, x.mentionIRI(last, schema.Form), opts("appositive-form", s.rel(last)+len(last.Surface)))
		}
	}

	// "comes as tablets, capsules, a liquid for children, granules that
	// dissolve in water, and a gel or spray": every enumerated form
	for _, h := range findAll(f, x.rules.rel("form_list_cues")) {
		end := clauseEndList(text, h.end)
		if k := indexAny(strings.ToLower(text[h.end:end]), " because ", " which ", " so "); k >= 0 {
			end = h.end + k
		}
		for _, iri := range x.objectsIn(text, h.end, end, x.rules.FormHeads, schema.Form) {
			if sub := subjAt(h.start); sub != "" {
				x.add(sub, schema.HasForm, iri, opts("form-list", end))
			}
		}
	}

	// strains: "Common strains ... include red vein, white vein, and green vein"
	if h, ok := firstHit(f, x.rules.rel("strain_cues")); ok {
		found := false
		for _, m := range of(s.ms, schema.Strain) {
			found = true
			x.add(subjAt(s.rel(m)), schema.HasStrain, x.mentionIRI(m, schema.Strain), opts("strain", s.rel(m)+len(m.Surface)))
		}
		if !found {
			if k := strings.Index(strings.ToLower(text[h.end:]), " include "); k >= 0 {
				start := h.end + k + len(" include ")
				for _, it := range x.splitList(text, start, clauseEnd(text, start)) {
					if label := x.cleanItem(it.text); label != "" && len(strings.Fields(label)) <= 3 {
						x.add(subjAt(h.start), schema.HasStrain, x.newEntity(schema.Strain, label, it.text), opts("strain-list", it.end))
					}
				}
			}
		}
	}

	// "Taking amitriptyline with tramadol, other antidepressants or St
	// John's wort can cause serotonin syndrome": the drugs taken with it
	if loc := s.with; loc != nil {
		if subs := s.subs; len(subs) > 0 && s.explicit {
			o := opts("taken-with", loc[3])
			for _, iri := range x.objectsIn(text, loc[2], loc[3], x.rules.DrugHeads, schema.Substance) {
				if iri != subs[0] {
					x.add(subs[0], schema.InteractsWith, iri, o)
				}
			}
		}
	}

	// interactions: "is known to interact with a range of other medications"
	for _, h := range findAll(f, x.rules.rel("interaction_cues")) {
		if contains(x.rules.rel("interaction_adjacent"), h.phrase) {
			// "X mixed with Y": X must be the subject
			var before []Mention
			for _, m := range of(s.ms, schema.Substance, schema.Compound) {
				if s.rel(m) < h.start {
					before = append(before, m)
				}
			}
			if len(before) == 0 || x.subjectIRI(before[len(before)-1]) != subjAt(h.start) {
				continue
			}
		}
		if strings.HasPrefix(h.phrase, "combined") && formulatedRE.MatchString(text[:h.start]) {
			continue // "Glucosamine is often combined with chondroitin": in one product
		}
		from, end := h.end, clauseEndList(text, h.end)
		if k := indexAny(strings.ToLower(text[h.end:end]), " because ", " so ", " which ", " as it "); k >= 0 {
			end = h.end + k
		}
		if h.phrase == "less effective" {
			// "can make some blood pressure medicines less effective": the
			// drugs between the verb and the cue
			low := strings.ToLower(text[:h.start])
			k := max(strings.LastIndex(low, " make "), strings.LastIndex(low, " makes "))
			if k < 0 || h.start-k > 60 {
				continue
			}
			from, end = k+strings.Index(low[k+1:], " ")+2, h.start
			for _, d := range []string{"some ", "other ", "certain ", "many "} {
				if strings.HasPrefix(low[from:], d) {
					from += len(d)
				}
			}
		}
		if strings.Contains(h.phrase, "combined") && h.end <= end && comboRE.MatchString(text[h.end:end]) {
			continue // "combined with acetaminophen in Percocet": a combination product
		}
		for _, iri := range x.objectsIn(text, from, end, x.rules.DrugHeads, schema.Substance) {
			o := opts("interacts-with", end)
			if neg, ncues := x.negatedAt(text, h.start); neg {
				o.negated, o.cues = true, ncues
			}
			if iri == subjAt(h.start) {
				continue
			}
			x.add(subjAt(h.start), schema.InteractsWith, iri, o)
			if e := x.lx.Lookup(schema.Risk, "drug interactions"); e != nil && !o.negated {
				x.add(subjAt(h.start), schema.HasRisk, x.entity(e, h.phrase), o)
			}
		}
	}

	// "Some antibiotics, such as clarithromycin, can raise oxycodone
	// levels", "Antacids reduce how much gabapentin you absorb": what
	// changes the level of a substance interacts with it
	if loc := levelRE.FindStringSubmatchIndex(text); loc != nil {
		var target *Mention
		for i := range s.ms {
			if e := s.ms[i].Entry(schema.Substance, schema.Compound); e != nil && e.Kind != "endogenous" && s.rel(s.ms[i]) >= loc[1] && s.rel(s.ms[i]) <= loc[1]+2 {
				target = &s.ms[i]
				break
			}
		}
		after := ""
		if target != nil {
			after = strings.ToLower(text[s.rel(*target)+len(target.Surface):])
		}
		levels := loc[2] >= 0 && (strings.Contains(strings.ToLower(text[loc[2]:loc[3]]), "level") || strings.Contains(strings.ToLower(text[loc[2]:loc[3]]), "concentration"))
		if target != nil && (levels || startsWithAny(after, " levels", " level", " concentration", " you absorb", " your body absorbs", " the body absorbs", " that reaches", " that gets into", " in the blood", " in your blood", " absorbed")) {
			tgt := x.mentionIRI(*target, schema.Substance, schema.Compound)
			o := opts("changes-level", loc[1])
			if neg, ncues := x.negatedAt(text, loc[0]); neg {
				o.negated, o.cues = true, ncues
			}
			from := 0
			if k := strings.LastIndex(text[:loc[0]], ", which"); k >= 0 {
				// "fluvoxamine or ciprofloxacin, which sharply raise duloxetine levels"
				from = strings.LastIndexAny(text[:k], ":;") + 1
			}
			to := loc[0]
			if k := indexAny(text[from:to], ", a ", ", an "); k > 0 {
				to = from + k // "Piperine, a compound in black pepper, can ...": not the pepper
			}
			for _, iri := range x.objectsIn(text, from, to, x.rules.DrugHeads, schema.Substance, schema.Compound) {
				if c := x.ents[iri].Class; iri != tgt && (c == schema.Substance || c == schema.Compound) {
					x.add(tgt, schema.InteractsWith, iri, o)
				}
			}
		}
	}

	// in a section or item on interactions: "drugs such as warfarin"
	if x.kinds["interactions"] && len(findAll(f, x.rules.rel("interaction_cues"))) == 0 && !precautionary {
		if h, ok := firstHit(f, []string{"such as", "including", "like", "with"}); ok {
			sub := subjAt(h.start)
			for _, m := range of(within(s.ms, s.Start+h.end, s.Start+clauseEndList(text, h.end)), schema.Substance) {
				if iri := x.mentionIRI(m, schema.Substance); iri != sub {
					o := opts("interaction-section", s.rel(m)+len(m.Surface))
					x.add(sub, schema.InteractsWith, iri, o)
					if e := x.lx.Lookup(schema.Risk, "drug interactions"); e != nil {
						x.add(sub, schema.HasRisk, x.entity(e, e.Label), o)
					}
				}
			}
		}
	}

	// precautions: "Tell your doctor if you have kidney disease", "should not
	// be taken with alcohol", "people with liver disease should avoid it"
	x.precautions(s, f, subjAt)

	// "Alcohol can make drowsiness worse, so it is best avoided": the substance
	// named first is to be avoided with the topic
	if h, ok := firstHit(f, []string{"is best avoided", "best avoided", "should be avoided", "are best avoided"}); ok && x.topic != "" {
		for _, m := range of(s.ms, schema.Substance) {
			if s.rel(m) < h.start {
				if iri := x.mentionIRI(m, schema.Substance); iri != x.topic {
					o := opts("avoid-with", h.end)
					x.add(x.topic, schema.HasPrecaution, iri, o)
					x.add(x.topic, schema.InteractsWith, iri, o)
				}
				break
			}
		}
	}

	// symptoms of a syndrome: "Symptoms of serotonin syndrome include
	// agitation, confusion and a fast heartbeat"
	x.symptoms(s, f)

	// contaminants: "contaminated with ... heavy metals and harmful bacteria"
	if h, ok := firstHit(f, x.rules.rel("contamination_cues")); ok {
		for _, m := range of(s.ms, schema.Contaminant) {
			if s.rel(m) > h.start {
				x.add(subjAt(s.rel(m)), schema.HasContaminant, x.mentionIRI(m, schema.Contaminant), opts("contaminant", s.rel(m)+len(m.Surface)))
			}
		}
	}

	// "helped them stop taking opioids" -> used for opioid withdrawal
	for _, h := range findAll(f, x.rules.rel("stop_cues")) {
		if !has(text[:h.start], []string{"help", "helped", "helps", "helping", "used to", "use it to", "aid"}) {
			continue
		}
		ms := of(within(s.ms, s.Start+h.end, s.Start+h.end+40), schema.Substance)
		if len(ms) == 0 || subjAt(h.start) == "" {
			continue
		}
		y := ms[0].Entry(schema.Substance)
		if x.m.Entity(y.Class, y.Label) == subjAt(h.start) {
			continue
		}
		label := strings.TrimSuffix(singular(y.Label), " ") + " withdrawal"
		o := opts("helps-stop", s.rel(ms[0])+len(ms[0].Surface))
		x.add(subjAt(h.start), schema.UsedFor, x.newEntity(schema.Condition, label, text[h.start:s.rel(ms[0])+len(ms[0].Surface)]), o)
	}
}

// isRiskCondition reports whether a condition is a risk rather than a side
// effect (addiction, dependence, overdose, death...).
func (x *extractor) isRiskCondition(e *Entry) bool {
	for _, l := range x.rules.RiskConditions {
		if strings.EqualFold(l, e.Label) {
			return true
		}
	}
	return false
}

func firstHit(f folded, phrases []string) (hit, bool) {
	hs := findAll(f, phrases)
	if len(hs) == 0 {
		return hit{}, false
	}
	return hs[0], true
}

func firstOf(ms []Mention) int {
	if len(ms) == 0 {
		return 1 << 30
	}
	return ms[0].Start
}

func startsWithWord(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) && (len(s) == len(w) || !isWordByte(s[len(w)])) {
			return true
		}
	}
	return false
}

func singular(s string) string {
	if strings.HasSuffix(s, "ies") {
		return s[:len(s)-3] + "y"
	}
	if strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") {
		return s[:len(s)-1]
	}
	return s
}

// reuptakeRE finds "blocks the reuptake of serotonin and norepinephrine".
var reuptakeRE = regexp.MustCompile(`(?i)\b(?:blocks?|blocking|inhibits?|inhibiting|prevents?)\s+the\s+reuptake\s+of\s+([a-z]+)(?:\s+and\s+([a-z]+))?`)

// sameTargetRE finds an appositive naming what else acts on a receptor.
var sameTargetRE = regexp.MustCompile(`^(?:s)?(?:\s+(?:in|on|of)\s+[^,;]{1,40})?,? (?:which is )?the same (?:target|targets|receptor|receptors|site|sites) (?:as|that) `)

// namesDrugs reports whether the words after an effect's name finish a
// kind of drug: "medicines", "or disease-modifying medicines".
func (x *extractor) namesDrugs(after string) bool {
	ws := strings.Fields(strings.ToLower(after))
	for i, w := range ws {
		if i > 3 {
			break
		}
		if contains(x.rules.DrugHeads, strings.Trim(w, ",.;:")) {
			return i == 0 || ws[0] == "or" || ws[0] == "and"
		}
		if strings.ContainsAny(w, ",.;:") {
			break
		}
	}
	return false
}

// hasWord reports whether s holds one of the words.
func hasWord(s string, words ...string) bool {
	for _, w := range strings.Fields(s) {
		if contains(words, strings.Trim(w, ",.;:")) {
			return true
		}
	}
	return false
}

// formulatedRE ends in "is often", "are usually": before "combined with",
// a product's make-up, not a warning.
var formulatedRE = regexp.MustCompile(`(?i)\b(?:is|are) (?:often|usually|commonly|sometimes|frequently|also) $`)

// withRE ends in "people with", "patients who have": a condition named
// next says who, not what.
var withRE = regexp.MustCompile(`(?i)\b(?:people|patients|those|anyone|adults|children|someone|women|men) (?:with|who (?:already |also )?(?:have|have had|had)|living with)(?: an?| a history of)? $`)

// topicRefRE finds a reference back to the article's substance ("the
// drug is misused", "an overdose can be fatal").
var topicRefRE = regexp.MustCompile(`(?i)\b(?:the|this) (?:drug|medicine|medication)\b|^an overdose\b`)

// likeSubject returns the substance a sentence compares its subject with
// ("Like delta-9 THC, delta-8 binds ..."), or "": what is said of the
// subject holds for it too.
func (x *extractor) likeSubject(s *sent) string {
	if firstWord(s.Text) != "like" {
		return ""
	}
	k := strings.Index(s.Text, ", ")
	for _, m := range s.ms {
		if k < 0 || s.rel(m) >= k {
			break
		}
		if e := m.Entry(schema.Substance, schema.Compound); e != nil && !isGeneric(e) && len(strings.Fields(s.Text[:s.rel(m)])) == 1 {
			return x.mentionIRI(m, schema.Substance, schema.Compound)
		}
	}
	return ""
}

// notSuitRE finds "If X does not suit you, ", "If X isn't right for you, ".
var notSuitRE = regexp.MustCompile(`^If ([^,]{2,40}?) (?:does not|doesn't|did not|didn't) (?:suit you|work for you|work|help|agree with you)[^,]{0,20}, |^If ([^,]{2,40}?) (?:is not|isn't) (?:right|suitable|safe) for you[^,]{0,20}, `)

// oneOfForRE finds "is one of the most commonly prescribed medicines for".
var oneOfForRE = regexp.MustCompile(`(?i)\b(?:is|are|remains|remain) (?:one of|among) the (?:[a-z-]+ ){0,4}?(?:medicines|medications|drugs|treatments|painkillers|supplements|options|choices|remedies|therapies) for `)

// peopleWithRE finds "people with arthritis use", "many patients with back
// pain try" (group 1: the condition).
var peopleWithRE = regexp.MustCompile(`(?i)\b(?:people|patients|adults|those|sufferers) (?:living )?with ([a-z][a-z -]{2,40}?) (?:try|use|take|turn to|have tried|have used|tried|used|took|often try|often use|choose)\b`)

// helpSleepRE finds "help them sleep", "helps you get to sleep".
var helpSleepRE = regexp.MustCompile(`(?i)\bhelps?\s+(?:them|you|people|patients|him|her|me|us)?\s*(?:to\s+)?(?:sleep|get to sleep|fall asleep|sleep better)\b`)

// levelRE finds a change in how much of a substance the body has: "can
// raise", "reduce how much", "increase the amount of" (group 1: the
// quantity is named before the substance).
var levelRE = regexp.MustCompile(`(?i)\b(?:raise|raises|raised|increase|increases|increased|lower|lowers|lowered|reduce|reduces|reduced|boost|boosts|double|doubles|decrease|decreases)\s+(?:the\s+)?((?:blood\s+)?(?:amount|amounts|level|levels|concentration|concentrations)\s+of\s+|how\s+much\s+)?`)

// resembleRE ends in a comparison: "resemble a milder form of", "similar to".
var resembleRE = regexp.MustCompile(`(?i)\b(?:resembles?|resembling|similar\s+to|like|same\s+as|form\s+of|version\s+of)\s+(?:an?\s+|the\s+)?(?:(?:milder|mild|weaker|stronger|severe|less\s+severe|more\s+severe)\s+)?(?:form\s+of\s+|version\s+of\s+)?$`)

// adviseAgainstRE ends in advice against a use: "advises doctors not to
// offer", "recommends against", "does not recommend".
var adviseAgainstRE = regexp.MustCompile(`(?i)\b(?:(?:advises?|advised|recommends?|recommended|tells?|told|urges?|urged)\s+(?:[a-z]+\s+){0,2}(?:not\s+to|against)|(?:does|do|did)\s+not\s+recommend|doesn't\s+recommend|don't\s+recommend)\s+(?:[a-z]+\s+){0,2}$`)

// modifierNounRE starts with the noun a substance name modifies: "opioid
// effect", "opioid receptors", "opioid withdrawal".
var modifierNounRE = regexp.MustCompile(`^[ -](?:effects?|receptors?|withdrawal|addiction|use|users?|overdoses?|crisis|epidemic|agonists?)\b`)

// combinedRE ends in a combination: "in combination with", "combined with".
var combinedRE = regexp.MustCompile(`(?i)\b(?:in\s+combination\s+with|combined\s+with|together\s+with|plus)\s+$`)

// imperatives are verbs that open an instruction to the reader.
var imperatives = map[string]bool{"tell": true, "be": true, "ask": true, "talk": true, "check": true, "mention": true, "speak": true,
	"let": true, "make": true, "avoid": true, "do": true, "don't": true, "never": true, "always": true, "keep": true}

// addsToRE finds an added effect: "add to the drowsiness caused by",
// "adds to the sedative effects of".
var addsToRE = regexp.MustCompile(`(?i)\b(?:add|adds|adding)\s+to\s+the\s+(?:drowsiness|sleepiness|sedation|sedative\s+effects?|effects?|side\s+effects?)\s+(?:caused\s+by|of)\s+`)

// namedProductRE finds a named product described by an appositive with a
// use: "Epidiolex, a prescription oral solution for", "Qutenza, an 8%
// patch used to treat".
var namedProductRE = regexp.MustCompile(`(?:^|[\s(])([A-Z][A-Za-z0-9-]{2,}), an? ((?:[A-Za-z0-9%.-]+\s+){0,4}?)(solution|tablets?|capsules?|spray|patch|cream|gel|medicine|drug|product|injection|liquid|syrup|oil)\s+(?:for|used\s+(?:for|to\s+treat)|to\s+treat|approved\s+for)\s+`)

// namedProduct reads a named product described by an appositive: the
// conditions after "for" are its uses, a form in the description its form,
// and a substance named just before it ("one CBD product, Epidiolex, a
// ...") its kind.
func (x *extractor) namedProduct(s *sent) {
	text := s.Text
	loc := namedProductRE.FindStringSubmatchIndex(text)
	if loc == nil {
		return
	}
	name := text[loc[2]:loc[3]]
	var iri string
	if e := x.lx.Lookup(schema.Substance, name); e != nil {
		iri = x.entity(e, name)
	} else if len(x.lx.Find(name, 0)) == 0 && !isSentenceWord(name) {
		iri = x.newEntity(schema.Substance, name, name)
	}
	if iri == "" {
		return
	}
	c, cues := x.certainty(text, len(text))
	o := stmtOpts{rule: "named-product", sent: s.Sentence, certainty: c, cues: cues, ref: s.ref}
	if neg, ncues := x.negatedAt(text, loc[0]); neg {
		return // a denied description is no use
	} else if len(ncues) > 0 {
		o.cues = append(o.cues, ncues...)
	}
	end := clauseEnd(text, loc[1])
	for _, m := range of(within(s.ms, s.Start+loc[1], s.Start+end), schema.Condition) {
		x.add(iri, schema.UsedFor, x.mentionIRI(m, schema.Condition), o)
	}
	for _, m := range of(within(s.ms, s.Start+loc[4], s.Start+loc[7]), schema.Form) {
		x.add(iri, schema.HasForm, x.mentionIRI(m, schema.Form), o)
	}
	// "one CBD product, Epidiolex": the substance named just before
	for _, m := range of(s.ms, schema.Substance, schema.Compound) {
		if r := s.rel(m); r < loc[2] && loc[2]-r < 40 && strings.HasSuffix(strings.TrimRight(text[:loc[2]], " "), ",") {
			le := x.lx.Lookup(schema.Substance, name)
			if sub := x.mentionIRI(m, schema.Substance, schema.Compound); sub != iri && (le == nil || x.ents[sub] != nil && strings.EqualFold(le.IsA, x.ents[sub].Label)) {
				x.add(iri, schema.IsA, sub, stmtOpts{rule: "named-product", sent: s.Sentence, certainty: schema.Asserted, ref: s.ref})
			}
		}
	}
}

// isSentenceWord reports whether a capitalised word is a common word at the
// start of a sentence or clause rather than a name.
func isSentenceWord(w string) bool {
	switch strings.ToLower(w) {
	case "the", "this", "that", "these", "those", "it", "its", "one", "some", "many", "most", "another", "each", "every", "your", "our", "their", "also", "however", "still", "today", "now":
		return true
	}
	return false
}

// notApprovedForRE ends in a denied approval: "is not approved for", "has
// not been licensed for".
var notApprovedForRE = regexp.MustCompile(`(?i)\b(?:not|never|n't)\s+(?:been\s+|yet\s+)?(?:approved|licensed|cleared|authori[sz]ed)\s+(?:for\s+|to\s+)?$`)

// otherStopsRE finds a "stop" that is not someone stopping a drug:
// "seizures, which naloxone does not stop", "stops the pain signal".
var otherStopsRE = regexp.MustCompile(`(?i)\b(?:does\s+not|doesn't|cannot|can't|won't|will\s+not|which|that)\s+stop\b|\bstops?\s+(?:the|a|an|pain|nerve|signals?)\b`)

// isCarer reports whether an entity is a health professional (a doctor, a
// pharmacist), whom a precaution tells the reader to ask.
func (x *extractor) isCarer(iri string) bool {
	e := x.ents[iri]
	if e == nil || e.Class != schema.Population {
		return false
	}
	if le := x.lx.Lookup(schema.Population, e.Label); le != nil {
		return le.Label == "healthcare professionals" || le.IsA == "healthcare professionals" || le.IsA == "doctors"
	}
	return false
}

// stoppedBecauseRE finds a reason for stopping a drug: "stopped taking it
// because of side effects", "quit due to nausea".
var stoppedBecauseRE = regexp.MustCompile(`(?i)\b(?:stop|stopped|stopping|quit|quitting)\b[^.;]{0,30}\b(?:because of|due to|owing to)\b`)

// peopleTryRE finds what people turn to, in a section on alternatives:
// "Some people also try", "Many patients turn to".
var peopleTryRE = regexp.MustCompile(`(?i)\b(?:people|patients|sufferers|others)\s+(?:also\s+|instead\s+|often\s+)?(?:try|use|turn\s+to|opt\s+for)\s+`)

// alsoHelpsRE finds "can also reduce", "may also help" after a subject.
var alsoHelpsRE = regexp.MustCompile(`^ (?:can |may |could |might )?also (?:help|reduce|relieve|ease|improve|work)`)

// brandRE reads the brand names after a cue: capitalised names joined by
// commas, "and" or "or" ("Lyrica", "Neurontin and Gralise", "Advil, Motrin").
var brandRE = regexp.MustCompile(`^(?:\s*,?\s*(?:and|or)?\s*)([A-Z][A-Za-z0-9-]+(?: [A-Z][A-Za-z0-9-]+)?)`)

// clauseEndList ends an enumeration at the end of the sentence only.
// seIncludeRE finds an enumeration of side effects in running text:
// "side effects include", "serious side effects, while rare, can include".
var seIncludeRE = regexp.MustCompile(`\b(?:side|adverse) effects(?:, [a-z ]{1,30},)? (?:can |may |also )?(?:include|includes|such as)\b`)

func clauseEndList(text string, i int) int {
	if k := sentenceStop(text[i:]); k >= 0 {
		return i + k
	}
	return len(text)
}

// calledCompoundRE finds a compound named by the text: "a metabolite called
// norcodeine", "an alkaloid known as mitraphylline".
var calledCompoundRE = regexp.MustCompile(`\b(?:[Cc]ompound|[Cc]hemical|[Aa]lkaloid|[Mm]etabolite|[Bb]reakdown product)s? (?:called|named|known as) ([A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])\b`)

// organDamageRE finds "can badly damage the liver", "may harm your kidneys".
var organDamageRE = regexp.MustCompile(`(?i)\b(?:can|may|could|might|will)\s+(?:also\s+)?(?:badly\s+|seriously\s+|severely\s+|permanently\s+)?(?:damage|harm|injure)\s+(?:the\s+|your\s+)?(liver|kidneys?|nerves?|brain|lungs?)\b`)

// andForRE finds a use after another purpose: "prescribed after surgery and
// for", "used short-term and for".
var andForRE = regexp.MustCompile(`(?i)\b(?:prescribed|used|recommended|given|taken)\s+(?:[a-z-]+\s+){1,3}and\s+for\s+`)

// takingWithRE finds the drugs a sentence that opens "Taking X with ..."
// combines with X, up to the verb of what the combination does.
var takingWithRE = regexp.MustCompile(`^(?:Taking|Using|Combining|Mixing)\s+[^,]{1,40}?\s+(?:together\s+)?with\s+(.+?)\s+(?:can|may|could|might|will|increases|raises|is|are)\b`)

// notFirstLineRE ends in advice against a first-line or routine use.
var notFirstLineRE = regexp.MustCompile(`(?i)\bshould(?:\s+not|n't)\s+be\s+(?:the\s+|a\s+)?(?:first|first-line|only|main|routine|usual)\s*(?:choice\s+|option\s+)?$`)

// comboRE finds a combination product named after its ingredient: "with
// acetaminophen in Percocet".
var comboRE = regexp.MustCompile(`^\s+[a-z][a-z -]{2,30}\s+in\s+[A-Z][A-Za-z0-9-]+`)

// prescribeVerbs name a use of their object "for" a condition.
var prescribeVerbs = map[string]bool{"prescribe": true, "prescribes": true, "prescribed": true, "recommend": true,
	"recommends": true, "recommended": true, "use": true, "uses": true, "take": true, "takes": true}

// optionsForRE finds "(other) options / treatments / medicines for X include".
var optionsForRE = regexp.MustCompile(`(?i)\b(?:options|treatments|medicines|medications|drugs|choices|therapies) for ([a-z][a-z -]{2,40}?) (?:include|includes|are)\s+`)

// parenBrandRE finds "(Narcan)", "(Lyrica)" right after a name: one
// capitalised word with a lower-case letter, not an acronym.
var parenBrandRE = regexp.MustCompile(`^\s*\(([A-Z][a-z][A-Za-z0-9-]*[a-zA-Z0-9])\)`)

// forCondSuitableRE finds "For X, A or B may be more suitable / is often
// recommended / are better options".
var forCondSuitableRE = regexp.MustCompile(`^For ([^,]{3,50}), ([^,]+?(?:, [^,]+?)*) (?:may be|might be|is|are|can be) (?:often |usually |generally |also )?(?:more suitable|a better choice|better choices|a better option|better options|recommended|the first choice|first choices|preferred|more effective|more often used|more commonly used|usually used|often used|used instead|tried first)\b`)

// madeFromRE finds "(that) your liver makes from", "produced from" after a
// compound noun.
var madeFromRE = regexp.MustCompile(`^\s+(?:[a-z’']+\s+){0,3}(?:makes|made|produces|produced|forms|formed|creates|created|converts|turns)\s+from\b`)

// compoundOwner finds the substance a sentence says compounds are in:
// "compounds (found) in X", "chemicals of X", "X contains". It returns the
// substance's IRI and the offset of its mention, or "".
func (x *extractor) compoundOwner(s *sent, f folded) (string, int) {
	// "a chili pepper comes from a compound called capsaicin": the substance before
	for _, h := range findAll(f, x.rules.rel("compound_nouns")) {
		rest := strings.ToLower(s.Text[h.end:])
		if !(strings.HasPrefix(rest, " called ") || strings.HasPrefix(rest, " named ") || strings.HasPrefix(rest, " known as ")) {
			continue
		}
		var owner *Mention
		for i := range s.ms {
			m := s.ms[i]
			if s.rel(m) < h.start && m.Entry(schema.Substance) != nil && m.Entry(schema.Compound) == nil && !isGeneric(m.Entry(schema.Substance)) {
				owner = &s.ms[i]
			}
		}
		if owner != nil {
			return x.mentionIRI(*owner, schema.Substance), owner.Start
		}
		if x.topic != "" && (strings.Contains(h.phrase, "metabolite") || strings.Contains(h.phrase, "breakdown product")) {
			// "a breakdown product called AM404": of the article's topic
			return x.topic, s.Start + h.start
		}
	}
	subst := func(m Mention) string {
		if e := m.Entry(schema.Substance); e != nil && !isGeneric(e) && m.Entry(schema.Compound) == nil {
			if modifierNounRE.MatchString(s.Text[s.rel(m)+len(m.Surface):]) {
				return "" // "the opioid effect": a kind of effect, not a substance
			}
			return x.entity(e, m.Surface)
		}
		return ""
	}
	for _, h := range findAll(f, x.rules.rel("compound_nouns")) {
		rest := strings.Fields(strings.ToLower(s.Text[h.end:]))
		if loc := madeFromRE.FindStringIndex(strings.ToLower(s.Text[h.end:])); loc != nil {
			// "O-desmethyltramadol, a compound your liver makes from tramadol"
			rest = strings.Fields(strings.ToLower(s.Text[h.end+loc[1]-len("from"):]))
			h.end += loc[1] - len("from")
		}
		if len(rest) == 0 || !(rest[0] == "in" || rest[0] == "of" || rest[0] == "from" || len(rest) > 1 && rest[0] == "found" && rest[1] == "in") {
			continue
		}
		if len(rest) > 1 && rest[0] == "from" && (rest[1] == "it" || rest[1] == "it,") {
			// "not from tramadol itself but from O-desmethyltramadol, a
			// compound your liver makes from it": the article's topic,
			// named before
			for _, m := range s.ms {
				if s.rel(m) < h.start && x.topic != "" && subst(m) == x.topic {
					return x.topic, s.Start + h.end + 5
				}
			}
		}
		for _, m := range s.ms {
			if r := s.rel(m); r > h.end && len(strings.Fields(s.Text[h.end:r])) <= 4 {
				if iri := subst(m); iri != "" {
					return iri, m.Start
				}
			}
		}
	}
	// "Its two best-studied compounds, mitragynine and ...": the pronoun's antecedent
	for _, h := range findAll(f, x.rules.rel("compound_nouns")) {
		before := strings.Fields(strings.ToLower(s.Text[:h.start]))
		for i := len(before) - 1; i >= 0 && i >= len(before)-4; i-- {
			if w := strings.Trim(before[i], ",;:"); w == "its" || w == "their" {
				// "not from tramadol itself but from its metabolite": the
				// substance named before it in the sentence, else the last
				// sentence's subject
				for j := len(s.ms) - 1; j >= 0; j-- {
					if m := s.ms[j]; s.rel(m) < h.start {
						if iri := subst(m); iri != "" {
							return iri, m.Start
						}
					}
				}
				if len(x.prevSubjects) > 0 {
					return x.prevSubjects[0], s.Start + h.start
				}
			}
		}
	}
	// "Most CBD is extracted from hemp", "It occurs naturally in cannabis":
	// the substance right after a verb of origin
	for _, h := range findAll(f, x.rules.rel("compound_sources")) {
		for _, m := range s.ms {
			if r := s.rel(m); r > h.end && len(strings.Fields(s.Text[h.end:r])) <= 3 {
				if iri := subst(m); iri != "" {
					return iri, m.Start
				}
			}
		}
	}
	for _, h := range findAll(f, x.rules.rel("contain_verbs")) {
		// "kratom contains ...": the owner heads the clause of the verb
		start := 0
		low := strings.ToLower(s.Text[:h.start])
		for _, d := range []string{", ", "; ", " that ", " which "} {
			if k := strings.LastIndex(low, d); k >= 0 && k+len(d) > start {
				start = k + len(d)
			}
		}
		for _, m := range s.ms {
			if r := s.rel(m); r >= start && r < h.start && len(strings.Fields(s.Text[start:r])) <= 2 && subst(m) != "" {
				return subst(m), m.Start
			}
		}
		// "CBD made from marijuana, which contains more THC": the noun the
		// relative clause is about
		if strings.HasSuffix(low[:start], ", which ") && strings.TrimSpace(s.Text[start:h.start]) == "" {
			for i := len(s.ms) - 1; i >= 0; i-- {
				m := s.ms[i]
				if r := s.rel(m); r+len(m.Surface) == start-len(", which ") && subst(m) != "" {
					return subst(m), m.Start
				}
			}
		}
	}
	return "", 0
}

// precautions finds what the text says to avoid or to tell a doctor about.
func (x *extractor) precautions(s *sent, f folded, subjAt func(int) string) {
	text := s.Text
	var hits []hit
	hits = append(hits, findAll(f, x.rules.rel("precaution_cues"))...)
	if len(findAll(f, x.rules.rel("warning_words"))) > 0 {
		hits = append(hits, findAll(f, x.rules.rel("precaution_context"))...)
	}
	withHits := findAll(f, x.rules.rel("precaution_with"))
	hits = append(hits, withHits...)
	if len(hits) == 0 {
		return
	}
	done := map[string]bool{}
	for _, h := range hits {
		sub := subjAt(h.start)
		// "Be sure to mention ... any of the following: antidepressants;
		// cyclobenzaprine; ...": an instruction to the reader about the
		// topic, whose list opens with no subject
		if k := strings.Index(text[:h.start], ": "); k >= 0 && imperatives[firstWord(text)] && x.topic != "" {
			sub = x.topic
		}
		// "Do not drink alcohol ... while you take tramadol": the reader is
		// told what to avoid with the topic, which the sentence names
		if imperatives[firstWord(text)] && x.topic != "" && sub != x.topic {
			for _, m := range s.ms {
				if x.mentionIRI(m, schema.Substance, schema.Compound) == x.topic {
					sub = x.topic
					break
				}
			}
		}
		if sub == "" {
			continue
		}
		end := clauseEndList(text, h.end)
		// "any of the following: antidepressants; lithium; ...": a list
		// after a colon runs over its semicolons to the sentence's end
		if k := strings.Index(text[h.end:], ": "); k >= 0 && h.end+k < end && strings.Contains(text[h.end+k:], ";") {
			if e := sentenceStop(text[h.end+k:]); e >= 0 {
				end = h.end + k + e
			} else {
				end = len(text)
			}
		}
		if k := indexAny(strings.ToLower(text[h.end:end]), " because ", " as it ", " as they ", " since ", " so that ", " unless "); k >= 0 {
			end = h.end + k
		}
		from := h.end
		if strings.HasSuffix(h.phrase, " in") {
			from -= len("in") // "greatest in older adults and in people with ...": the repeated preposition
		}
		if strings.HasSuffix(h.phrase, "apply") {
			if k := strings.Index(text[h.end:end], " to "); k >= 0 {
				from = h.end + k + len(" to ") // "Do not apply it to broken skin"
			}
		}
		if contains(x.rules.rel("precaution_context"), h.phrase) {
			from = h.start // "people with liver disease": the cue is part of the phrase
		} else if k := indexAny(strings.ToLower(text[h.end:end]), " if you have ever had ", " if you have had ", " if you have ", " if you are ", " if you take ", " if you "); k >= 0 {
			// "Do not take ibuprofen if you have ever had a stomach ulcer"
			rest := strings.ToLower(text[h.end+k : end])
			for _, p := range []string{" if you have ever had ", " if you have had ", " if you have ", " if you are ", " if you take ", " if you "} {
				if strings.HasPrefix(rest, p) {
					from = h.end + k + len(p)
					break
				}
			}
		}
		heads := append(append([]string{}, x.rules.ConditionHeads...), x.rules.DrugHeads...)
		for _, iri := range x.objectsIn(text, from, end, heads, schema.Condition, schema.Population, schema.Substance, schema.Risk) {
			if iri == sub || done[iri] || x.isCarer(iri) {
				continue // "Talk to your GP or pharmacist first": whom to ask, not what to mind
			}
			done[iri] = true
			c, cues := x.certainty(text, end)
			o := stmtOpts{rule: "precaution", sent: s.Sentence, certainty: c, cues: append(cues, h.phrase), ref: s.ref}
			x.add(sub, schema.HasPrecaution, iri, o)
			if e := x.ents[iri]; e != nil && e.Class == schema.Substance && (strings.Contains(h.phrase, "combin") || strings.Contains(h.phrase, "mix")) {
				x.add(sub, schema.InteractsWith, iri, o) // "should not be combined with fluvoxamine"
			}
		}
	}
}

// symptoms finds the symptoms a syndrome or condition has.
func (x *extractor) symptoms(s *sent, f folded) {
	text := s.Text
	conds := of(s.ms, schema.Condition)
	if len(conds) < 1 {
		return
	}
	var owner *Mention
	var from int
	if h, ok := firstHit(f, []string{"symptoms of", "signs of"}); ok {
		for i := range conds {
			if r := s.rel(conds[i]); r >= h.end && r <= h.end+2 {
				owner, from = &conds[i], r+len(conds[i].Surface)
				break
			}
		}
	}
	if owner == nil {
		// "Serotonin syndrome symptoms include ..." / "serotonin syndrome: agitation, ..."
		for i := range conds {
			e := conds[i].Entry(schema.Condition)
			after := strings.ToLower(strings.TrimLeft(text[s.rel(conds[i])+len(conds[i].Surface):], " "))
			if e.Kind == "syndrome" && (strings.HasPrefix(after, ":") || strings.HasPrefix(after, "symptoms include") || strings.HasPrefix(after, "signs include") || strings.HasPrefix(after, "(symptoms")) ||
				strings.HasPrefix(after, "symptoms include") {
				owner, from = &conds[i], s.rel(conds[i])+len(conds[i].Surface)
				break
			}
		}
	}
	o := ""
	if owner != nil {
		o = x.mentionIRI(*owner, schema.Condition)
	} else if h, ok := firstHit(f, []string{"symptoms of", "signs of"}); ok {
		// "Symptoms of acetaminophen poisoning include ...": the named state
		if k := indexAny(strings.ToLower(text[h.end:]), " include", " are ", " can include", ": "); k > 0 && k < 60 {
			o = x.resolvePart(text[h.end:h.end+k], []string{anyHead}, schema.Condition)
			from = h.end + k
		}
	}
	if o == "" {
		return
	}
	c, cues := x.certainty(text, len(text))
	if k := indexAny(strings.ToLower(text[from:]), "include ", "includes ", "such as ", ": ", "are "); k >= 0 && k < 20 {
		from += k + len(strings.Fields(text[from+k:])[0])
	}
	for _, iri := range x.objectsIn(text, from, clauseEndList(text, from), []string{anyHead}, schema.Condition) {
		if iri != o {
			x.add(o, schema.HasSymptom, iri, stmtOpts{rule: "syndrome-symptom", sent: s.Sentence, certainty: c, cues: cues, ref: s.ref})
		}
	}
}

// lessened reports whether the words just before a condition say it was
// reduced ("less", "fewer", "reduced", "improvements in", "relief of").
func lessened(before string) bool {
	b := strings.ToLower(strings.TrimRight(before, " "))
	for _, w := range []string{"less", "fewer", "reduced", "reduce", "reduces", "reducing", "lower", "lowered", "decreased", "improvements in", "improvement in", "improved", "relief of", "relief from", "relieve", "relieves", "relieved", "eased", "ease", "eases", "alleviate", "alleviates", "alleviated"} {
		if strings.HasSuffix(b, " "+w) || b == w {
			return true
		}
	}
	return false
}
