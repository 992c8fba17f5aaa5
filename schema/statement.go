package schema

import (
	"fmt"
	"sort"
	"strings"
)

// Certainty is how firmly the text puts a statement forward.
// The levels are ordered: Asserted > Hedged > Speculative; Negated is
// orthogonal in meaning (the text denies the proposition) and always wins.
type Certainty string

const (
	Asserted    Certainty = "asserted"
	Hedged      Certainty = "hedged"
	Speculative Certainty = "speculative"
	Negated     Certainty = "negated"
)

// Certainties lists the levels from the firmest to the weakest.
var Certainties = []Certainty{Asserted, Hedged, Speculative, Negated}

// Rank orders certainties: a higher rank is firmer. Negated ranks lowest.
func (c Certainty) Rank() int {
	switch c {
	case Asserted:
		return 3
	case Hedged:
		return 2
	case Speculative:
		return 1
	}
	return 0
}

// Valid reports whether c is one of the four levels.
func (c Certainty) Valid() bool { return c.Rank() > 0 || c == Negated }

// ParseCertainty reads a level by name ("hedged", "Hedged").
func ParseCertainty(s string) (Certainty, error) {
	c := Certainty(strings.ToLower(s))
	if !c.Valid() {
		return "", fmt.Errorf("unknown certainty %q (want asserted, hedged, speculative or negated)", s)
	}
	return c, nil
}

// IRI returns the vocabulary individual that names the level
// (hkg:Asserted, hkg:Hedged, hkg:Speculative, hkg:Negated).
func (c Certainty) IRI() string {
	if c == "" {
		return VocabNS
	}
	return VocabNS + strings.ToUpper(string(c[:1])) + string(c[1:])
}

// Entity is a node of the graph: a substance, a symptom, a place...
type Entity struct {
	IRI      string
	Class    Class
	Label    string   // preferred label
	Synonyms []string // every other surface form seen, sorted, without the label
	// XRefs are external identifiers (CURIEs such as "wikidata:Q1")
	// verified against Source; never invented.
	XRefs []string
	// Attributes of LegalStatus nodes: the agency (Organization IRI),
	// the jurisdiction (Place IRI) and the status text.
	Agency, Jurisdiction, Status string
}

// Span is a byte range [Start, End) into the article's text.
type Span struct{ Start, End int }

// Evidence is one place in one article that supports a statement.
type Evidence struct {
	Article  string // article IRI
	Sentence string // the sentence text (or the list lead-in for list items)
	Span            // byte offsets of Sentence in the article text
	Item     string // the list item text, when the statement comes from a list
	ItemSpan Span   // offsets of Item; zero when there is no item
	Section  string // heading of the section the text is in
	Rule     string // name of the extraction rule
	Certainty
	Cues []string // the words that set the certainty ("may", "some research suggests")
}

// Statement is one edge of the graph with the evidence behind it.
// A negated statement records a fact the text denies: it is kept, with its
// evidence, but it is never written as a positive edge.
type Statement struct {
	Subject   string // IRI
	Predicate Predicate
	Object    string // IRI
	Negated   bool
	Evidence  []Evidence
	// Reference is the IRI of the cited work the text attributes the
	// statement to, when it can be determined.
	Reference string
}

// Certainty is the firmest level among the evidence (Negated for a
// negated statement).
func (s Statement) Certainty() Certainty {
	if s.Negated {
		return Negated
	}
	best := Speculative
	for _, e := range s.Evidence {
		if e.Certainty != Negated && e.Certainty.Rank() > best.Rank() {
			best = e.Certainty
		}
	}
	return best
}

// Key identifies the fact a statement makes, whatever its evidence.
func (s Statement) Key() string {
	neg := "+"
	if s.Negated {
		neg = "-"
	}
	return s.Subject + " " + string(s.Predicate) + " " + s.Object + " " + neg
}

// Claim is a statement of a finding in the article's own words, with its
// certainty and, where the text determines it, the reference it comes from.
type Claim struct {
	IRI       string
	Text      string // the claim (the quotation, for a quoted finding)
	Context   string // the whole sentence(s), including the attribution phrase
	Span             // offsets of Context
	TextSpan  Span   // offsets of Text
	Section   string
	Quoted    bool
	Certainty Certainty
	Cues      []string
	// Attribution is the phrase that introduces a quoted or reported
	// finding ("A 2020 study found that:").
	Attribution string
	Reference   string   // IRI of the supporting reference, or ""
	About       []string // IRIs of the entities the claim mentions
}

// Reference is an entry of the article's reference list.
type Reference struct {
	IRI          string
	Raw          string
	Span             // offsets of Raw
	Number       int // its number in a numbered list, 0 when unnumbered
	Authors      []string
	Organization string
	Year         int
	Title        string
	Venue        string
	Publisher    string
	Volume       string
	Issue        string
	Pages        string
	Date         string
	Type         string // journal article, web page, blog post, press release, book
	DOI          string
	URL          string
}

// Quantity is a number with its unit that the text states.
type Quantity struct {
	IRI      string
	Text     string  // as written: "36.8%", "4 to 5 million"
	Value    float64 // the value, or the low end of a range
	Max      float64 // the high end of a range, 0 when not a range
	Unit     string
	Measures string // IRI of the entity the number is about, if known
	// Population is the group the number is about ("adults 70+ years old").
	Population string // IRI of a Population entity, or ""
	Sentence   string
	Span
	TextSpan  Span
	Section   string
	Certainty Certainty
}

// Section is a heading and the byte range of the text under it.
type Section struct {
	Heading string
	Level   int
	Span
}

// Article is what ingest makes of one document.
type Article struct {
	IRI         string
	Graph       string // IRI of the named graph that holds what the article contributes
	Source      string // the source key: a URL or a path relative to the corpus root
	Title       string
	Format      string // text, markdown or html
	ContentHash string // "sha256:<hex>" of the source bytes
	Length      int    // bytes of text
	Sections    []Section

	Entities   []Entity
	Statements []Statement
	Claims     []Claim
	References []Reference
	Quantities []Quantity
}

// Normalize sorts every slice into a canonical order so that the same input
// always gives the same output, and merges statements with the same Key.
func (a *Article) Normalize() {
	sort.Slice(a.Entities, func(i, j int) bool { return a.Entities[i].IRI < a.Entities[j].IRI })
	for i := range a.Entities {
		sort.Strings(a.Entities[i].Synonyms)
		sort.Strings(a.Entities[i].XRefs)
	}
	merged := map[string]int{}
	var out []Statement
	for _, s := range a.Statements {
		if i, ok := merged[s.Key()]; ok {
			out[i].Evidence = append(out[i].Evidence, s.Evidence...)
			if out[i].Reference == "" {
				out[i].Reference = s.Reference
			}
			continue
		}
		merged[s.Key()] = len(out)
		out = append(out, s)
	}
	for i := range out {
		ev := out[i].Evidence
		sort.SliceStable(ev, func(x, y int) bool { return evidenceLess(ev[x], ev[y]) })
		// drop exact duplicates
		k := 0
		for j := range ev {
			if j > 0 && evidenceKey(ev[j]) == evidenceKey(ev[k-1]) {
				continue
			}
			ev[k] = ev[j]
			k++
		}
		out[i].Evidence = ev[:k]
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key() < out[j].Key() })
	a.Statements = out
	sort.Slice(a.Claims, func(i, j int) bool {
		return a.Claims[i].Start < a.Claims[j].Start || (a.Claims[i].Start == a.Claims[j].Start && a.Claims[i].IRI < a.Claims[j].IRI)
	})
	sort.Slice(a.References, func(i, j int) bool { return a.References[i].Start < a.References[j].Start })
	sort.Slice(a.Quantities, func(i, j int) bool { return a.Quantities[i].IRI < a.Quantities[j].IRI })
}

func evidenceKey(e Evidence) string {
	return fmt.Sprintf("%d:%d:%d:%d:%s", e.Start, e.End, e.ItemSpan.Start, e.ItemSpan.End, e.Rule)
}

func evidenceLess(a, b Evidence) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.ItemSpan.Start != b.ItemSpan.Start {
		return a.ItemSpan.Start < b.ItemSpan.Start
	}
	return a.Rule < b.Rule
}
