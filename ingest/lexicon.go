package ingest

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/healthkg/healthkg/schema"
)

//go:embed lexicon/*.jsonl
var lexiconFS embed.FS

// lexiconFiles maps a lexicon file name to the class of its entries.
var lexiconFiles = map[string]schema.Class{
	"substances":    schema.Substance,
	"compounds":     schema.Compound,
	"receptors":     schema.Receptor,
	"conditions":    schema.Condition,
	"effects":       schema.Effect,
	"risks":         schema.Risk,
	"contaminants":  schema.Contaminant,
	"forms":         schema.Form,
	"strains":       schema.Strain,
	"treatments":    schema.Treatment,
	"organizations": schema.Organization,
	"places":        schema.Place,
	"saleschannels": schema.SalesChannel,
	"populations":   schema.Population,
}

// Entry is one concept of the lexicon.
type Entry struct {
	Class        schema.Class `json:"class,omitempty"`
	Label        string       `json:"label"`
	Synonyms     []string     `json:"synonyms,omitempty"`
	IsA          string       `json:"isa,omitempty"`
	Jurisdiction string       `json:"jurisdiction,omitempty"`
	Compounds    []string     `json:"compounds,omitempty"`
	Kind         string       `json:"kind,omitempty"`
	XRefs        []XRef       `json:"xrefs,omitempty"`
}

// XRef is an external identifier with the source it was checked against.
type XRef struct {
	ID     string `json:"id"`
	Source string `json:"source"`
}

// xrefShapes are the identifier schemes an entry may name, with the shape
// of their local part: Wikidata items (Q42), MeSH descriptors and
// supplementary concepts (D000001, C000002), ChEBI numbers (27732).
var xrefShapes = map[string]*regexp.Regexp{
	"wikidata": regexp.MustCompile(`^Q[1-9][0-9]*$`),
	"mesh":     regexp.MustCompile(`^[DC][0-9]{6,9}$`),
	"chebi":    regexp.MustCompile(`^[1-9][0-9]*$`),
}

// checkXRef accepts an external identifier only in a known scheme, in that
// scheme's shape, and with the source it was checked against: an ID
// nobody verified is never published.
func checkXRef(x XRef) error {
	prefix, local, ok := strings.Cut(x.ID, ":")
	shape := xrefShapes[prefix]
	switch {
	case !ok || shape == nil:
		return fmt.Errorf("xref %q: want wikidata:Q…, mesh:D… or chebi:N", x.ID)
	case !shape.MatchString(local):
		return fmt.Errorf("xref %q: not a %s identifier", x.ID, prefix)
	case strings.TrimSpace(x.Source) == "":
		return fmt.Errorf("xref %q: no source it was checked against", x.ID)
	}
	return nil
}

// Lexicon holds the entries and a matcher over their surface forms.
type Lexicon struct {
	entries []*Entry
	byKey   map[string]*Entry // class + "\x00" + normalised label
	root    *trieNode
}

type trieNode struct {
	next  map[string]*trieNode
	terms []term
}

type term struct {
	entry *Entry
	// exact holds the raw tokens for surface forms that match case-sensitively
	// (acronyms such as "US", "ACT", "FDA"); nil otherwise.
	exact []string
}

// DefaultLexicon is the embedded lexicon.
func DefaultLexicon() (*Lexicon, error) {
	lx := &Lexicon{byKey: map[string]*Entry{}, root: &trieNode{}}
	names, err := fs.Glob(lexiconFS, "lexicon/*.jsonl")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		class, ok := lexiconFiles[strings.TrimSuffix(path.Base(name), ".jsonl")]
		if !ok {
			return nil, fmt.Errorf("lexicon %s: unknown file (want one of the class files)", name)
		}
		data, _ := lexiconFS.ReadFile(name)
		if err := lx.read(name, bytes.NewReader(data), class); err != nil {
			return nil, err
		}
	}
	return lx, nil
}

// LoadFile adds the entries of a user lexicon: JSON Lines, one entry per
// line, each with a "class" (Substance, Condition, ...) and a "label".
func (lx *Lexicon) LoadFile(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	return lx.read(file, f, "")
}

func (lx *Lexicon) read(name string, r io.Reader, class schema.Class) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") || strings.HasPrefix(text, "//") {
			continue
		}
		var e Entry
		dec := json.NewDecoder(strings.NewReader(text))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return fmt.Errorf("%s:%d: %v", name, line, err)
		}
		if class != "" {
			e.Class = class
		}
		if _, ok := schema.ClassByName(string(e.Class)); !ok || e.Class == "" {
			return fmt.Errorf("%s:%d: unknown class %q", name, line, e.Class)
		}
		if strings.TrimSpace(e.Label) == "" {
			return fmt.Errorf("%s:%d: entry without a label", name, line)
		}
		for _, x := range e.XRefs {
			if err := checkXRef(x); err != nil {
				return fmt.Errorf("%s:%d: %q: %v", name, line, e.Label, err)
			}
		}
		lx.add(&e)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

func (lx *Lexicon) add(e *Entry) {
	key := string(e.Class) + "\x00" + schema.NormalizeKey(e.Label)
	if old, ok := lx.byKey[key]; ok {
		// a user entry extends an embedded one
		old.Synonyms = append(old.Synonyms, e.Synonyms...)
		if e.IsA != "" {
			old.IsA = e.IsA
		}
		for _, x := range e.XRefs {
			if !slices.Contains(old.XRefs, x) {
				old.XRefs = append(old.XRefs, x)
			}
		}
		e = old
	} else {
		lx.byKey[key] = e
		lx.entries = append(lx.entries, e)
	}
	for _, s := range append([]string{e.Label}, e.Synonyms...) {
		lx.index(e, s)
		if t := strings.ReplaceAll(s, ".", ""); t != s && strings.TrimSpace(t) != "" {
			lx.index(e, t) // "St John's wort" as well as "St. John's wort"
		}
	}
}

func (lx *Lexicon) index(e *Entry, surface string) {
	toks := tokenize(surface, 0)
	if len(toks) == 0 {
		return
	}
	n := lx.root
	for i, t := range toks {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		k := edgeKey(t, i == 0)
		c := n.next[k]
		if c == nil {
			c = &trieNode{}
			n.next[k] = c
		}
		n = c
	}
	tm := term{entry: e}
	if isAcronym(surface) {
		for _, t := range toks {
			tm.exact = append(tm.exact, t.raw)
		}
	}
	for _, old := range n.terms {
		if old.entry == e && equalStrings(old.exact, tm.exact) {
			return
		}
	}
	n.terms = append(n.terms, tm)
}

// Lookup finds the entry of a class by label or synonym.
func (lx *Lexicon) Lookup(class schema.Class, name string) *Entry {
	if e, ok := lx.byKey[string(class)+"\x00"+schema.NormalizeKey(name)]; ok {
		return e
	}
	toks := tokenize(name, 0)
	for _, m := range lx.match(toks) {
		if m.Start == toks[0].start && m.End == toks[len(toks)-1].end {
			for _, e := range m.Entries {
				if e.Class == class {
					return e
				}
			}
		}
	}
	return nil
}

// Mention is a lexicon match in a text.
type Mention struct {
	Entries []*Entry // the candidates, in lexicon order
	Span
	Surface string
}

// Entry returns the candidate of one of the classes, in the order given,
// or the first candidate when no class is given.
func (m Mention) Entry(classes ...schema.Class) *Entry {
	if len(classes) == 0 {
		return m.Entries[0]
	}
	for _, c := range classes {
		for _, e := range m.Entries {
			if e.Class == c {
				return e
			}
		}
	}
	return nil
}

// Find returns the longest non-overlapping matches in text (whose first
// byte is at offset base of the document), left to right.
//
// A word glued to a prefix by a hyphen is not a mention of itself
// ("anti-seizure", "non-opioid"), nor is a word glued to "-like"
// ("opioid-like").
func (lx *Lexicon) Find(text string, base int) []Mention {
	ms := lx.match(tokenize(text, base))
	out := ms[:0]
	for _, m := range ms {
		i, j := m.Start-base, m.End-base
		if i >= 2 && text[i-1] == '-' && isWordByte(text[i-2]) {
			continue
		}
		if j+5 <= len(text) && strings.EqualFold(text[j:j+5], "-like") {
			continue
		}
		m.Surface = text[i:j]
		out = append(out, m)
	}
	return out
}

func (lx *Lexicon) match(toks []token) []Mention {
	var out []Mention
	for i := 0; i < len(toks); {
		n := lx.root
		bestEnd := -1
		var best []*Entry
		for j := i; j < len(toks) && n != nil; j++ {
			n = n.next[edgeKey(toks[j], j == i)]
			if n == nil {
				break
			}
			var es []*Entry
			for _, tm := range n.terms {
				if tm.exact != nil && !rawEqual(toks[i:j+1], tm.exact) {
					continue
				}
				if !containsEntry(es, tm.entry) {
					es = append(es, tm.entry)
				}
			}
			if len(es) > 0 {
				bestEnd, best = j, es
			}
		}
		if bestEnd < 0 {
			i++
			continue
		}
		out = append(out, Mention{Entries: best, Span: Span{toks[i].start, toks[bestEnd].end}})
		i = bestEnd + 1
	}
	return out
}

// token is a word of the text: a run of letters and digits.
type token struct {
	raw, norm  string
	start, end int
	// broken is true when punctuation (not a space, hyphen or apostrophe)
	// separates the token from the one before: a match never spans it
	// ("Opioids, like kratom" is not "opioid-like").
	broken bool
}

func tokenize(s string, base int) []token {
	var out []token
	start := -1
	broken := false
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			t := newToken(s[start:i], base+start)
			t.broken = broken
			out = append(out, t)
			start = -1
			broken = false
		}
		if strings.ContainsRune(",;:.()!?[]{}", r) {
			broken = true
		}
	}
	if start >= 0 {
		t := newToken(s[start:], base+start)
		t.broken = broken
		out = append(out, t)
	}
	return out
}

// edgeKey is a token's key in the trie: punctuation before a word is part
// of the key, so a match spans punctuation only where the lexicon's
// surface form has it ("rest, ice, compression and elevation").
func edgeKey(t token, first bool) string {
	if t.broken && !first {
		return t.norm + "\x00,"
	}
	return t.norm
}

func newToken(raw string, at int) token {
	return token{raw: raw, norm: normWord(raw), start: at, end: at + len(raw)}
}

// normWord lower-cases a word and strips a plural ending, the same way on
// both the lexicon and the text side.
func normWord(w string) string {
	w = lowerWord(w)
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// isAcronym reports whether a surface form is written in capitals
// (two or more letters, none lower case): such forms match case-sensitively.
func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func rawEqual(toks []token, raw []string) bool {
	if len(toks) != len(raw) {
		return false
	}
	for i := range toks {
		if toks[i].raw != raw[i] {
			return false
		}
	}
	return true
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func containsEntry(es []*Entry, e *Entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// lowerWord lower-cases a word, without allocating when it is already
// lower-case ASCII.
func lowerWord(w string) string {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return strings.ToLower(w)
		}
		if c >= 'A' && c <= 'Z' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}
