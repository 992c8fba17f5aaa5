package ingest

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed rules.json
var rulesJSON []byte

// ruleSet holds the cue lists and trigger words of rules.json.
type ruleSet struct {
	Certainty struct {
		Negated           []string `json:"negated"`
		NegatedRefutation []string `json:"negated_refutation"`
		Speculative       []string `json:"speculative"`
		Hedged            []string `json:"hedged"`
	} `json:"certainty"`
	ClaimCues      []string            `json:"claim_cues"`
	RiskConditions []string            `json:"risk_conditions"`
	Sections       map[string][]string `json:"sections"`
	Relations      map[string][]string `json:"relations"`

	ItemStripPrefixes []string          `json:"item_strip_prefixes"`
	ItemKeepPrefixes  []string          `json:"item_keep_prefixes"`
	CommaContinues    []string          `json:"item_comma_continuations"`
	ConditionHeads    []string          `json:"condition_heads"`
	DrugHeads         []string          `json:"drug_heads"`
	QualifierTails    []string          `json:"qualifier_tails"`
	DrugSuffixes      []string          `json:"drug_suffixes"`
	FormHeads         []string          `json:"form_heads"`
	EffectVerbs       map[string]string `json:"effect_verbs"`
	Comment           string            `json:"_comment"`
}

func loadRules() (*ruleSet, error) {
	var r ruleSet
	if err := json.Unmarshal(rulesJSON, &r); err != nil {
		return nil, fmt.Errorf("rules.json: %v", err)
	}
	for name, list := range r.Relations {
		if len(list) == 0 {
			return nil, fmt.Errorf("rules.json: relation cue list %q is empty", name)
		}
	}
	// longest phrases first so that "some research suggests" wins over
	// "suggests" and "prescription-only medicine" over "prescription-only"
	lists := [][]string{r.Certainty.Negated, r.Certainty.Speculative, r.Certainty.Hedged, r.ItemStripPrefixes}
	for _, l := range r.Relations {
		lists = append(lists, l)
	}
	for _, l := range lists {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	return &r, nil
}

// rel returns a relation cue list; a missing name is a programming error.
func (r *ruleSet) rel(name string) []string {
	l, ok := r.Relations[name]
	if !ok {
		panic("rules.json: no relation cue list " + name)
	}
	return l
}

// folded is a text lower-cased with typographic apostrophes and quotes made
// plain, with a map back to the byte offsets of the original.
type folded struct {
	s   string
	off []int // off[i] = offset in the original of byte i of s; len(s)+1 entries
}

func fold(text string) folded {
	var b strings.Builder
	off := make([]int, 0, len(text)+1)
	for i, r := range text {
		switch r {
		case '\u2019', '\u2018', '\u02bc':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		case '\u2013', '\u2014':
			r = '-'
		case '\u00a0', '\u2009', '\u202f':
			r = ' '
		}
		r = unicode.ToLower(r)
		n := utf8.RuneLen(r)
		if n < 0 {
			n = 1
			r = '?'
		}
		for k := 0; k < n; k++ {
			off = append(off, i)
		}
		b.WriteRune(r)
	}
	off = append(off, len(text))
	return folded{s: b.String(), off: off}
}

// orig maps an offset of the folded text back to the original text.
func (f folded) orig(i int) int {
	if i >= len(f.off) {
		return f.off[len(f.off)-1]
	}
	return f.off[i]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// isJoinByte reports whether c glues words into one ("self-reported"): a cue
// must not start or end next to it.
func isJoinByte(c byte) bool { return isWordByte(c) || c == '-' }

// hit is a cue found in a text: its phrase and its span in the original.
type hit struct {
	phrase     string
	start, end int
}

// findAll returns the occurrences of the phrases in the folded text, on word
// boundaries, longest phrase first at any position, without overlaps.
func findAll(f folded, phrases []string) []hit {
	var hits []hit
	taken := make([]bool, len(f.s))
	for _, p := range phrases {
		if p == "" {
			continue
		}
		from := 0
		for {
			i := strings.Index(f.s[from:], p)
			if i < 0 {
				break
			}
			i += from
			j := i + len(p)
			from = i + 1
			if i > 0 && isJoinByte(f.s[i-1]) && isWordByte(p[0]) {
				continue
			}
			if j < len(f.s) && isJoinByte(f.s[j]) && isWordByte(p[len(p)-1]) {
				continue
			}
			clash := false
			for k := i; k < j; k++ {
				if taken[k] {
					clash = true
					break
				}
			}
			if clash {
				continue
			}
			for k := i; k < j; k++ {
				taken[k] = true
			}
			hits = append(hits, hit{phrase: p, start: f.orig(i), end: f.orig(j)})
		}
	}
	sort.Slice(hits, func(a, b int) bool { return hits[a].start < hits[b].start })
	return hits
}

// has reports whether any phrase occurs in text.
func has(text string, phrases []string) bool { return len(findAll(fold(text), phrases)) > 0 }

// first returns the first occurrence of any phrase, or ok=false.
func first(text string, phrases []string) (hit, bool) {
	hs := findAll(fold(text), phrases)
	if len(hs) == 0 {
		return hit{}, false
	}
	return hs[0], true
}
