package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// txtIsSpace reports whether r is white space, including the no-break and
// zero-width spaces that web text is full of.
func txtIsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B'
}

// txtTrimSpan narrows [s, e) of text so that it has no leading or trailing
// white space.
func txtTrimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !txtIsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !txtIsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// txtTrimSpace trims white space (as txtIsSpace) from both ends of s.
func txtTrimSpace(s string) string {
	a, b := txtTrimSpan(s, 0, len(s))
	return s[a:b]
}

// txtQuotePair is a matched pair of quote marks in a text: the opening mark is
// text[open:openEnd], the closing mark text[close:closeEnd].
type txtQuotePair struct{ open, openEnd, close, closeEnd int }

// txtFindQuotes pairs the quote marks of text: “...”, "..." and «...».
// Unmatched marks are ignored. Curly apostrophes (’) are never quotes.
func txtFindQuotes(text string) []txtQuotePair {
	var pairs []txtQuotePair
	curly, straight, guil := -1, -1, -1
	prev := rune(-1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“', '„':
			curly = i
		case '”':
			if curly >= 0 {
				pairs = append(pairs, txtQuotePair{curly, curly + len("“"), i, i + n})
				if text[curly:curly+len("“")] != "“" {
					pairs[len(pairs)-1].openEnd = curly + len("„")
				}
				curly = -1
			}
		case '«':
			guil = i
		case '»':
			if guil >= 0 {
				pairs = append(pairs, txtQuotePair{guil, guil + len("«"), i, i + n})
				guil = -1
			}
		case '"':
			if straight >= 0 {
				pairs = append(pairs, txtQuotePair{straight, straight + 1, i, i + 1})
				straight = -1
				break
			}
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			opener := prev < 0 || txtIsSpace(prev) || strings.ContainsRune("([{—–-/:“‘'", prev)
			if opener && i+n < len(text) && !txtIsSpace(next) {
				straight = i
			}
		}
		prev = r
		i += n
	}
	// Pairs are appended when closed; sort by opening position.
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && pairs[j].open < pairs[j-1].open; j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	return pairs
}

// txtAbbrevs are words that end with a period without ending a
// sentence (lower case, without the final period).
var txtAbbrevs = map[string]bool{
	"u.s": true, "u.k": true, "u.s.a": true, "e.u": true, "dr": true, "mr": true, "mrs": true, "ms": true,
	"prof": true, "e.g": true, "i.e": true, "vs": true, "v": true, "etc": true, "st": true,
	"no": true, "nos": true, "approx": true, "fig": true, "figs": true, "mg": true, "jr": true,
	"sr": true, "vol": true, "vols": true, "p": true, "pp": true, "ed": true, "eds": true,
	"dept": true, "univ": true, "ca": true, "cf": true, "viz": true, "est": true, "al": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mcg": true, "ml": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "mt": true, "ft": true, "ref": true,
	"refs": true, "sec": true, "ch": true, "chap": true, "op": true, "resp": true,
}

// txtIsAbbrevBefore reports whether the period at text[dot] ends an
// abbreviation or an initial rather than a sentence.
func txtIsAbbrevBefore(text string, dot int) bool {
	start := dot
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if unicode.IsLetter(r) || r == '.' {
			start -= n
			continue
		}
		break
	}
	word := text[start:dot]
	if word == "" {
		return false
	}
	lw := strings.ToLower(word)
	if txtAbbrevs[lw] {
		if lw == "al" {
			// only "et al."
			return strings.HasSuffix(strings.ToLower(text[:start]), "et ")
		}
		return true
	}
	// A single capital letter: an initial ("Kirsten E. Smith", "A. D.").
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	// Dotted initials or abbreviations: "S.C", "e.g", "U.S.A".
	if strings.Contains(word, ".") {
		for _, part := range strings.Split(word, ".") {
			if utf8.RuneCountInString(part) > 2 {
				return false
			}
		}
		return true
	}
	return false
}

// SplitSentences splits text (found at offset base of the document) into
// sentences. Spans are document offsets (base added); each Sentence.Text is
// exactly text[Span.Start-base:Span.End-base]. A quotation is never split,
// and a closing quote after the final period belongs to its sentence. Each
// quotation of a sentence is reported in Quotes, with its attribution when
// the sentence introduces it with a phrase ending in ":" or "that".
func SplitSentences(text string, base int) []Sentence {
	pairs := txtFindQuotes(text)
	inside := func(p int) bool {
		for _, q := range pairs {
			if q.openEnd <= p && p < q.close {
				return true
			}
		}
		return false
	}
	closeAt := func(p int) int {
		for _, q := range pairs {
			if q.close == p {
				return q.closeEnd
			}
		}
		return -1
	}
	var cuts []int // sentence end positions
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '.' || r == '!' || r == '?' || r == '…':
			if end, ok := txtSentenceEnd(text, i, pairs, inside, closeAt); ok {
				cuts = append(cuts, end)
				i = end
				continue
			}
		case r == '”' || r == '"' || r == '»':
			if end := closeAt(i); end > 0 && txtQuoteEndsSentence(text, i, end, pairs) && !inside(end) {
				cuts = append(cuts, end)
				i = end
				continue
			}
		}
		i += n
	}
	var out []Sentence
	start := 0
	cuts = append(cuts, len(text))
	for _, c := range cuts {
		s, e := txtTrimSpan(text, start, c)
		start = c
		if s >= e {
			continue
		}
		sent := Sentence{Text: text[s:e], Span: Span{base + s, base + e}}
		for _, q := range pairs {
			if q.open < s || q.closeEnd > e {
				continue
			}
			qs, qe := txtTrimSpan(text, q.openEnd, q.close)
			if qs >= qe {
				continue
			}
			quo := Quotation{Text: text[qs:qe], Span: Span{base + qs, base + qe}}
			as, ae := txtTrimSpan(text, s, q.open)
			if as < ae && txtEndsAttribution(text[as:ae]) {
				quo.Attribution = text[as:ae]
				quo.AttributionAt = Span{base + as, base + ae}
			}
			sent.Quotes = append(sent.Quotes, quo)
		}
		out = append(out, sent)
	}
	return out
}

// txtEndsAttribution reports whether s (trimmed) ends with ":" or the word
// "that".
func txtEndsAttribution(s string) bool {
	if strings.HasSuffix(s, ":") {
		return true
	}
	if len(s) < 4 || !strings.EqualFold(s[len(s)-4:], "that") {
		return false
	}
	if len(s) == 4 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-4])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// txtSentenceEnd decides whether the terminal punctuation at text[i] ends a
// sentence, and if so returns the end of the sentence (after any closing
// quotes, brackets and citation markers).
func txtSentenceEnd(text string, i int, pairs []txtQuotePair, inside func(int) bool, closeAt func(int) int) (int, bool) {
	r0, n0 := utf8.DecodeRuneInString(text[i:])
	j := i + n0
	dots := 0
	if r0 == '.' {
		dots = 1
	}
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if r == '.' || r == '!' || r == '?' || r == '…' {
			if r == '.' {
				dots++
			}
			j += n
			continue
		}
		break
	}
	single := r0 == '.' && dots == 1 && j == i+1
	if single {
		// a decimal number or a domain name: "36.8", "Drugs.com"
		if j < len(text) {
			if r, _ := utf8.DecodeRuneInString(text[j:]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				return 0, false
			}
		}
		if txtIsAbbrevBefore(text, i) {
			return 0, false
		}
	}
	// Closing marks.
	for j < len(text) {
		if e := closeAt(j); e > 0 {
			j = e
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if r == ')' || r == ']' || r == '’' || r == '\'' {
			j += n
			continue
		}
		// citation markers: [3], [1-4], superscript digits
		if r == '[' {
			k := j + 1
			for k < len(text) && strings.IndexByte("0123456789,-– ", text[k]) >= 0 {
				k++
			}
			if k > j+1 && k < len(text) && text[k] == ']' {
				j = k + 1
				continue
			}
		}
		if strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰", r) {
			j += n
			continue
		}
		break
	}
	if inside(j) || (inside(i) && !txtCrossesClose(i, j, pairs)) {
		return 0, false
	}
	if j == len(text) {
		return j, true
	}
	r, _ := utf8.DecodeRuneInString(text[j:])
	if !txtIsSpace(r) {
		return 0, false
	}
	k := j
	for k < len(text) {
		r, n := utf8.DecodeRuneInString(text[k:])
		if !txtIsSpace(r) {
			break
		}
		k += n
	}
	if k == len(text) {
		return j, true
	}
	r, _ = utf8.DecodeRuneInString(text[k:])
	if unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“\"‘'([«¿¡", r) || unicode.IsTitle(r) {
		return j, true
	}
	return 0, false
}

// txtCrossesClose reports whether [i, j) contains the closing mark of the
// quotation that i is in.
func txtCrossesClose(i, j int, pairs []txtQuotePair) bool {
	for _, q := range pairs {
		if q.openEnd <= i && i < q.close && q.close < j {
			return true
		}
	}
	return false
}

// txtQuoteEndsSentence reports whether the closing quote text[c:end], which has
// no sentence punctuation before it, still ends a sentence because a new
// capitalised sentence follows: “...dependence” The longer...
func txtQuoteEndsSentence(text string, c, end int, pairs []txtQuotePair) bool {
	var q txtQuotePair
	found := false
	for _, p := range pairs {
		if p.close == c {
			q, found = p, true
		}
	}
	if !found {
		return false
	}
	// punctuation before the mark is handled by txtSentenceEnd
	if r, _ := utf8.DecodeLastRuneInString(text[:c]); strings.ContainsRune(".!?…", r) {
		return false
	}
	inner := text[q.openEnd:q.close]
	if len(strings.Fields(inner)) < 3 {
		return false
	}
	if end >= len(text) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); !txtIsSpace(r) {
		return false
	}
	rest := strings.TrimLeftFunc(text[end:], txtIsSpace)
	r1, n1 := utf8.DecodeRuneInString(rest)
	r2, _ := utf8.DecodeRuneInString(rest[n1:])
	if !unicode.IsUpper(r1) || !unicode.IsLower(r2) {
		return false
	}
	before := txtTrimSpace(text[:q.open])
	if i := strings.LastIndexAny(before, ".!?"); i >= 0 {
		before = before[i+1:]
	}
	before = txtTrimSpace(before)
	r0, _ := utf8.DecodeRuneInString(inner)
	return txtEndsAttribution(before) || unicode.IsUpper(r0)
}
