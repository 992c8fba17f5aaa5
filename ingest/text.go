package ingest

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseText parses a plain-text article: the title on the first line,
// headings as short lines of their own, paragraphs separated by blank lines,
// bullet lists ("• item", "- item", "1. item"...), and a reference list at
// the end (under a "References" heading, or a trailing list of citations
// with no heading). Document.Text is src itself and every offset is a byte
// offset into it. It returns a *ParseError for input that is not a text
// article (empty, binary, invalid UTF-8 or larger than MaxArticleBytes).
func ParseText(name string, src []byte) (*Document, error) {
	if err := txtCheckSource(name, src); err != nil {
		return nil, err
	}
	p := &txtParser{text: string(src)}
	p.splitLines()
	p.cites = txtFindCites(p.text, 0, len(p.text))
	return p.parse(), nil
}

// txtLine is one line of the source.
type txtLine struct {
	start, end int // the line without its "\n" (or "\r\n")
	cs, ce     int // the line's content, trimmed
	indent     int // width of the leading white space (a tab counts 4)
	blank      bool
	bullet     bool
	ts         int  // start of the item text after the marker (bullet lines)
	ordered    bool // numbered marker
	num        int  // its number
	marker     string
	rule       bool // a horizontal rule ("---", "***", "===")
}

type txtElemKind int

const (
	txtHeading txtElemKind = iota
	txtPara
	txtList
)

// txtItem is a list item before nesting.
type txtItem struct {
	indent   int
	num      int
	ordered  bool
	ms       int // marker start
	ts, te   int // item text span
	children []*txtItem
}

// txtElem is a heading, paragraph or list found in the source.
type txtElem struct {
	kind        txtElemKind
	start, end  int   // content span
	lines       []int // paragraph lines
	items       []*txtItem
	level       int
	ht          string // heading text (without markup)
	hs, he      int    // heading text span
	boiler      bool
	refs        bool
	prevBlank   bool // a blank line (or the start) precedes it
	allCapsHead bool
	numbered    int // heading numbering depth ("2.1" = 2), 0 if none
	hashes      int // Markdown-style "#" count, 0 if none
}

type txtParser struct {
	text  string
	lines []txtLine
	elems []*txtElem
	title int       // index of the title line, -1 if none
	cites []txtCite // citation markers, by position
	// strong holds the spans of strong (bold) text, in order, when the
	// source marks it (Markdown); nil for plain text
	strong []Span
}

var (
	txtNumMarker   = regexp.MustCompile(`^(?:(\d{1,3})[.)]|\((\d{1,3})\)|\[(\d{1,3})\])[ \t\x{00A0}]`)
	txtRuleLine    = regexp.MustCompile(`^(?:[-=*_~]\s*){3,}$`)
	txtHeadNumber  = regexp.MustCompile(`^(\d{1,2}(?:\.\d{1,2})+)\.?\s+\S`)
	txtHashHeading = regexp.MustCompile(`^(#{1,6})\s+(\S.*?)(?:\s+#+)?$`)
)

// txtSymbolBullets are the bullet marks; those in txtStrongBullets can
// start a list right after a paragraph line.
const (
	txtSymbolBullets = "•·‣◦▪▫●○■□►▸➢✓✔-*–—+"
	txtStrongBullets = "•·‣◦▪▫●○■□►▸➢✓✔"
)

func (p *txtParser) splitLines() {
	t := p.text
	for i := 0; i <= len(t); {
		j := strings.IndexByte(t[i:], '\n')
		end := len(t)
		next := len(t) + 1
		if j >= 0 {
			end = i + j
			next = end + 1
		}
		e := end
		if e > i && t[e-1] == '\r' {
			e--
		}
		l := txtLine{start: i, end: e}
		l.cs, l.ce = txtTrimSpan(t, i, e)
		l.blank = l.cs >= l.ce
		for k := i; k < l.cs; {
			r, n := utf8.DecodeRuneInString(t[k:])
			if r == '\t' {
				l.indent += 4
			} else {
				l.indent++
			}
			k += n
		}
		if !l.blank {
			p.classify(&l)
		}
		p.lines = append(p.lines, l)
		if j < 0 {
			break
		}
		i = next
	}
}

// classify sets the bullet and rule fields of a non-blank line.
func (p *txtParser) classify(l *txtLine) {
	c := p.text[l.cs:l.ce]
	if txtRuleLine.MatchString(c) {
		l.rule = true
		return
	}
	r, n := utf8.DecodeRuneInString(c)
	if strings.ContainsRune(txtSymbolBullets, r) {
		if n == len(c) {
			return
		}
		r2, n2 := utf8.DecodeRuneInString(c[n:])
		if txtIsSpace(r2) {
			l.bullet = true
			l.marker = string(r)
			l.ts, _ = txtTrimSpan(p.text, l.cs+n+n2, l.ce)
			if l.ts >= l.ce { // a bare marker
				l.bullet = false
				l.rule = true
			}
		}
		return
	}
	if m := txtNumMarker.FindStringSubmatchIndex(c); m != nil {
		l.bullet, l.ordered = true, true
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				l.num = atoiSafe(c[m[2*g]:m[2*g+1]])
				l.marker = c[:m[2*g]] + "#" + c[m[2*g+1]:m[1]-1]
			}
		}
		l.ts, _ = txtTrimSpan(p.text, l.cs+m[1], l.ce)
		if l.ts >= l.ce {
			l.bullet, l.ordered = false, false
		}
	}
}

// atoiSafe converts a short string of ASCII digits.
func atoiSafe(s string) int {
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return n
		}
		if n > 1e8 {
			return n
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func (p *txtParser) content(i int) string { return p.text[p.lines[i].cs:p.lines[i].ce] }

func (p *txtParser) parse() *Document {
	doc := &Document{Text: p.text}
	p.title = -1
	first := 0
	for first < len(p.lines) && (p.lines[first].blank || p.lines[first].rule) {
		first++
	}
	if first < len(p.lines) {
		l := p.lines[first]
		if !l.bullet && l.ce-l.cs <= 200 {
			p.title = first
			s, e := l.cs, l.ce
			if m := txtHashHeading.FindStringSubmatchIndex(p.text[s:e]); m != nil {
				s, e = s+m[4], s+m[5]
			}
			doc.Title, doc.TitleAt = p.text[s:e], Span{s, e}
			first++
			// a setext underline under the title
			if first < len(p.lines) && p.lines[first].rule {
				first++
			}
		}
	}
	p.scan(first)
	p.markBoilerplate()
	p.findReferences()
	p.setLevels()
	p.build(doc, first)
	return doc
}

// scan groups the lines from index from on into elements.
func (p *txtParser) scan(from int) {
	ls := p.lines
	prevBlank := true
	for i := from; i < len(ls); {
		l := ls[i]
		if l.blank || l.rule {
			prevBlank = true
			i++
			continue
		}
		if l.bullet {
			e, next := p.scanList(i)
			e.prevBlank = prevBlank
			p.elems = append(p.elems, e)
			i = next
			prevBlank = false
			continue
		}
		// a list whose markers were lost, after a lead-in paragraph
		if e, next := p.flatListAfter(i); e != nil {
			e.prevBlank = prevBlank
			p.elems = append(p.elems, e)
			i = next
			prevBlank = false
			continue
		}
		// a run of text lines
		j := i + 1
		for j < len(ls) && !ls[j].blank && !ls[j].rule && !(ls[j].bullet && p.interrupts(j)) {
			j++
		}
		// Text that is not hard-wrapped (a line longer than 100 bytes) with
		// single line breaks between paragraphs: one paragraph per line.
		lineMode := false
		if j-i > 1 {
			for k := i; k < j; k++ {
				if ls[k].ce-ls[k].cs > 100 {
					lineMode = true
					break
				}
			}
			if lineMode {
				j = i + 1
			}
		}
		setext := 0
		if j < len(ls) && ls[j].rule && j == i+1 {
			c := p.content(j)
			if strings.HasPrefix(c, "=") {
				setext = 2
			} else if strings.HasPrefix(c, "-") {
				setext = 3
			}
		}
		head := false
		if prevBlank && p.isHeadingLine(i) {
			switch {
			case setext > 0 || j == i+1:
				head = true
			default:
				c := p.content(i + 1)
				r, _ := utf8.DecodeRuneInString(c)
				head = unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“\"(", r)
			}
		}
		if head {
			e := &txtElem{kind: txtHeading, start: l.cs, end: l.ce, prevBlank: prevBlank, level: 2}
			e.hs, e.he = l.cs, l.ce
			c := p.content(i)
			if m := txtHashHeading.FindStringSubmatchIndex(c); m != nil {
				e.hashes = m[3] - m[2]
				e.hs, e.he = l.cs+m[4], l.cs+m[5]
			} else if m := txtHeadNumber.FindStringSubmatch(c); m != nil {
				e.numbered = strings.Count(m[1], ".") + 1
			}
			e.ht = p.text[e.hs:e.he]
			e.allCapsHead = txtAllCaps(e.ht)
			if setext > 0 {
				e.hashes = setext
				j = i + 2
			}
			p.elems = append(p.elems, e)
			i++
			if i >= j {
				i = j
				prevBlank = lineMode
				continue
			}
		}
		// A list whose markers were lost ends the paragraph at its lead-in;
		// one run together on the lead-in's line follows it on that line.
		end := ls[j-1].ce
		var inline *txtElem
		for k := i; k < j; k++ {
			if colon, l := p.sameLineList(k); l != nil {
				j, end, inline = k+1, colon, l
				break
			}
			if k+1 < j {
				c := p.content(k)
				if colon := strings.HasSuffix(c, ":"); colon || txtIsLeadIn(c) {
					if items, _ := p.flatRun(k+1, colon); items != nil {
						j, end = k+1, ls[k].ce
						break
					}
				}
			}
		}
		e := &txtElem{kind: txtPara, start: ls[i].cs, end: end, prevBlank: prevBlank && !head}
		for k := i; k < j; k++ {
			e.lines = append(e.lines, k)
		}
		p.elems = append(p.elems, e)
		if inline != nil {
			p.elems = append(p.elems, inline)
		}
		i = j
		prevBlank = lineMode
	}
}

// interrupts reports whether the bullet line i, directly after a text line,
// starts a list rather than continuing the paragraph.
func (p *txtParser) interrupts(i int) bool {
	l := p.lines[i]
	prev := p.content(i - 1)
	if strings.HasSuffix(prev, ":") {
		return true
	}
	if l.ordered {
		return l.num == 1
	}
	r, _ := utf8.DecodeRuneInString(p.content(i))
	return strings.ContainsRune(txtStrongBullets, r)
}

// scanList reads a list starting at bullet line i. Bullet runs separated by
// blank lines form one list when their markers are alike.
func (p *txtParser) scanList(i int) (*txtElem, int) {
	ls := p.lines
	e := &txtElem{kind: txtList, start: ls[i].cs}
	var flat []*txtItem
	kind := txtMarkerKind(ls[i])
	var cur *txtItem
	j := i
	for j < len(ls) {
		l := ls[j]
		switch {
		case l.bullet:
			if j > i && ls[j-1].blank && txtMarkerKind(l) != kind {
				goto done
			}
			cur = &txtItem{indent: l.indent, num: l.num, ordered: l.ordered, ms: l.cs, ts: l.ts, te: l.ce}
			flat = append(flat, cur)
			j++
		case l.blank || l.rule:
			k := j
			for k < len(ls) && (ls[k].blank || ls[k].rule) {
				k++
			}
			if k < len(ls) && ls[k].bullet && txtMarkerKind(ls[k]) == kind {
				j = k
				continue
			}
			goto done
		default:
			// a continuation line: indented under the item, or a lazy
			// continuation of an unfinished item
			if ls[j-1].blank || ls[j-1].rule {
				goto done
			}
			prevItemText := p.text[cur.ts:cur.te]
			c := p.content(j)
			r, _ := utf8.DecodeRuneInString(c)
			last, _ := utf8.DecodeLastRuneInString(prevItemText)
			if l.indent > cur.indent || (unicode.IsLower(r) && !strings.ContainsRune(".!?:", last)) {
				cur.te = l.ce
				j++
				continue
			}
			goto done
		}
	}
done:
	e.end = flat[len(flat)-1].te
	e.items = txtNest(flat)
	return e, j
}

// txtMarkerKind groups markers: all numbered markers of one style are alike,
// symbol markers are alike when they are the same symbol.
func txtMarkerKind(l txtLine) string { return l.marker }

// txtNest builds the item tree from indentation.
func txtNest(flat []*txtItem) []*txtItem {
	var top []*txtItem
	var stack []*txtItem
	for _, it := range flat {
		for len(stack) > 0 && stack[len(stack)-1].indent >= it.indent {
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			top = append(top, it)
		} else {
			parent := stack[len(stack)-1]
			parent.children = append(parent.children, it)
		}
		stack = append(stack, it)
	}
	return top
}

// isHeadingLine reports whether line i has the shape of a heading.
func (p *txtParser) isHeadingLine(i int) bool {
	l := p.lines[i]
	if l.bullet || l.blank {
		return false
	}
	c := p.content(i)
	if m := txtHashHeading.FindStringSubmatch(c); m != nil {
		return true
	}
	if txtIsRefHeading(c) {
		return true
	}
	if len(c) > 90 || len(strings.Fields(c)) > 14 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(c)
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	hasLetter, firstLetter := false, rune(0)
	for _, r := range c {
		if unicode.IsLetter(r) {
			if !hasLetter {
				firstLetter = r
			}
			hasLetter = true
			break
		}
	}
	if !hasLetter || unicode.IsLower(firstLetter) {
		return false
	}
	lc := strings.ToLower(c)
	if strings.Contains(lc, "http://") || strings.Contains(lc, "https://") || strings.Contains(lc, "www.") {
		return false
	}
	if txtIsBoilerLine(c) || txtLeadInWords.MatchString(c) {
		return false
	}
	if _, l := p.sameLineList(i); l != nil {
		return false
	}
	return txtCitationScore(c) < 2
}

// txtAllCaps reports whether s has letters and no lower-case ones.
func txtAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

var txtRefHeading = regexp.MustCompile(`(?i)^(?:#+\s*)?(?:\d+\.?\s+)?(references?|sources?|bibliography|citations?|works cited|notes|end ?notes|foot ?notes|literature cited|reference list|sources and references|references and (?:notes|sources|further reading)|sources and further reading|scientific references|studies cited|research cited)\s*:?\s*$`)

// txtIsRefHeading reports whether a heading introduces a reference list.
func txtIsRefHeading(s string) bool { return txtRefHeading.MatchString(txtTrimSpace(s)) }

// txtBoilerRes are the patterns of page-furniture lines, each with the
// longest line it applies to (0: any line up to 160 bytes).
var txtBoilerRes = []struct {
	re     *regexp.Regexp
	maxLen int
}{
	{regexp.MustCompile(`(?i)^see(?:\s+also)?\s*:`), 0},
	{regexp.MustCompile(`(?i)^see\s+(?:also|more|our|related|all|the full|full)\b`), 100},
	{regexp.MustCompile(`(?i)^(?:read|learn|find out|discover)\s+more\b`), 100},
	{regexp.MustCompile(`(?i)^(?:written|reviewed|medically reviewed|clinically reviewed|fact[- ]checked|edited|authored|posted|published|illustrated|photographed)\s+by\b`), 0},
	{regexp.MustCompile(`(?i)^(?:last\s+)?(?:updated|published|posted|reviewed|modified)(?:\s+on)?\s*:?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)`), 80},
	{regexp.MustCompile(`(?i)^share\b`), 80},
	{regexp.MustCompile(`(?i)^(?:advertisement|sponsored|sponsored content|ad|ads|promoted)$`), 0},
	{regexp.MustCompile(`(?i)^(?:©|copyright\b|\(c\)\s*\d)`), 0},
	{regexp.MustCompile(`(?i)all rights reserved`), 0},
	{regexp.MustCompile(`(?i)^(?:image|photo|picture|illustration)(?:\s+(?:credit|source|courtesy|by))?\s*:`), 0},
	{regexp.MustCompile(`(?i)^(?:image|photo)\s+(?:credit|courtesy)\b`), 0},
	{regexp.MustCompile(`(?i)^(?:subscribe|sign up|follow us|join our|download our|get our newsletter)\b`), 0},
	{regexp.MustCompile(`(?i)^(?:recent|related|popular|latest|trending|more)\s+(?:posts|articles|stories|reading|news|content|from)\b`), 0},
	{regexp.MustCompile(`(?i)^you\s+(?:may|might)\s+also\s+(?:like|enjoy|be interested)`), 0},
	{regexp.MustCompile(`(?i)^(?:tags|categories|category|filed under|topics)\s*:`), 0},
	{regexp.MustCompile(`(?i)^(?:click here|back to top|skip to (?:main )?content|table of contents|print this|email this|print$)`), 0},
	{regexp.MustCompile(`(?i)^(?:previous|next)(?:\s+(?:post|article|page))?\s*:?$`), 0},
	{regexp.MustCompile(`(?i)^leave a (?:comment|reply)`), 0},
	{regexp.MustCompile(`(?i)^by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:,\s*[\p{L}. ]+)?$`), 80},
	{regexp.MustCompile(`(?i)^about the (?:authors?|writers?|reviewers?)$`), 0},
}

// txtFooterRe marks the start of page furniture after the article: from
// such a line on, nothing is content.
var txtFooterRe = regexp.MustCompile(`(?i)^(?:recent|related|popular|latest|trending)\s+(?:posts|articles|stories|reading|news|content)\b|^you\s+(?:may|might)\s+also\s+(?:like|enjoy)|^more\s+from\b|^(?:leave a (?:comment|reply))|^about the (?:authors?|writers?|reviewers?)$`)

// txtIsBoilerLine reports whether a short line is navigation, a byline or
// other page furniture.
func txtIsBoilerLine(s string) bool {
	s = txtTrimSpace(s)
	if len(s) > 160 || s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return false
	}
	for _, b := range txtBoilerRes {
		if b.maxLen > 0 && len(s) > b.maxLen || !b.re.MatchString(s) {
			continue
		}
		// "Share your experience with your doctor." is a sentence
		if strings.HasPrefix(b.re.String(), "(?i)^share") && strings.HasSuffix(s, ".") && len(strings.Fields(s)) > 6 {
			continue
		}
		return true
	}
	// "See ..." that is not a sentence
	if strings.HasPrefix(s, "See ") && len(s) <= 100 {
		last, _ := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(".!?", last) {
			return true
		}
	}
	return false
}

// markBoilerplate marks navigation and byline paragraphs, and everything
// after a footer line ("Recent posts").
func (p *txtParser) markBoilerplate() {
	footer := false
	for _, e := range p.elems {
		if footer {
			e.boiler = true
			continue
		}
		switch e.kind {
		case txtHeading:
			// only Markdown headings can be footer lines: the plain-text
			// heading test rejects page furniture
			if txtFooterRe.MatchString(e.ht) {
				e.boiler, footer = true, true
			}
		case txtPara:
			all := true
			for _, li := range e.lines {
				if !txtIsBoilerLine(p.content(li)) {
					all = false
					break
				}
			}
			if all {
				e.boiler = true
				if txtFooterRe.MatchString(p.content(e.lines[0])) {
					footer = true
				}
			}
		}
	}
}

// findReferences finds the reference list: under a references heading, or
// a trailing run of citations with no heading. What follows the list at the
// end of the article is marked as boilerplate.
func (p *txtParser) findReferences() {
	found := false
	for i := 0; i < len(p.elems); i++ {
		e := p.elems[i]
		if e.kind != txtHeading || !txtIsRefHeading(e.ht) {
			continue
		}
		j := i + 1
		for j < len(p.elems) && p.elems[j].kind != txtHeading {
			j++
		}
		// the blocks under the heading
		var out []*txtElem
		for k := i + 1; k < j; k++ {
			b := p.elems[k]
			switch {
			case b.boiler:
				out = append(out, b)
			case b.kind == txtList:
				b.refs = true
				found = true
				out = append(out, b)
			default:
				if l := p.parasAsRefs(b, true); l != nil {
					found = true
					// merge with a preceding converted paragraph list
					if n := len(out); n > 0 && out[n-1].refs && out[n-1].kind == txtList && out[n-1].lines != nil {
						out[n-1].items = append(out[n-1].items, l.items...)
						out[n-1].end = l.end
					} else {
						out = append(out, l)
					}
				} else {
					out = append(out, b)
				}
			}
		}
		p.elems = append(p.elems[:i+1], append(out, p.elems[j:]...)...)
		i += len(out)
		if found {
			p.trailingBoilerplate(i + 1)
		}
	}
	if found {
		return
	}
	// A trailing list (or run of paragraphs) of citations.
	end := len(p.elems)
	for end > 0 && p.trailingJunk(p.elems[end-1]) {
		end--
	}
	start := end
	for start > 0 {
		b := p.elems[start-1]
		if b.boiler || b.kind == txtHeading {
			break
		}
		if b.kind == txtList && txtCitationList(p.flatItemTexts(b)) {
			start--
			continue
		}
		if b.kind == txtPara {
			if l := p.parasAsRefs(b, false); l != nil {
				start--
				continue
			}
		}
		break
	}
	if start == end {
		return
	}
	var refsElems []*txtElem
	for k := start; k < end; k++ {
		b := p.elems[k]
		if b.kind == txtList {
			b.refs = true
			refsElems = append(refsElems, b)
			continue
		}
		l := p.parasAsRefs(b, false)
		if n := len(refsElems); n > 0 && refsElems[n-1].lines != nil {
			refsElems[n-1].items = append(refsElems[n-1].items, l.items...)
			refsElems[n-1].end = l.end
		} else {
			refsElems = append(refsElems, l)
		}
	}
	// A lone citation-like paragraph is not enough without a heading.
	if len(refsElems) == 1 && refsElems[0].lines != nil && len(refsElems[0].items) < 2 {
		return
	}
	rest := append([]*txtElem{}, p.elems[end:]...)
	p.elems = append(append(p.elems[:start], refsElems...), rest...)
	p.trailingBoilerplate(start + len(refsElems))
}

// trailingJunk reports whether an element at the end of the article can be
// page furniture after a reference list: boilerplate, or a short line that
// is not a sentence.
func (p *txtParser) trailingJunk(e *txtElem) bool {
	if e.boiler {
		return true
	}
	switch e.kind {
	case txtHeading:
		return true
	case txtPara:
		if len(e.lines) > 3 {
			return false
		}
		for _, li := range e.lines {
			c := p.content(li)
			if len(c) > 80 {
				return false
			}
			if txtCitationScore(c) >= 2 {
				return false
			}
		}
		return true
	}
	return false
}

// trailingBoilerplate marks the elements from index from on as boilerplate,
// unless real content starts again (a heading followed by a paragraph of
// several sentences).
func (p *txtParser) trailingBoilerplate(from int) {
	for k := from; k < len(p.elems); k++ {
		e := p.elems[k]
		if e.kind == txtHeading && txtIsRefHeading(e.ht) {
			// another reference list ("Notes" after "References")
			return
		}
		if e.kind == txtHeading && !txtIsBoilerLine(e.ht) && k+1 < len(p.elems) {
			n := p.elems[k+1]
			if n.kind == txtPara && !n.boiler && n.end-n.start >= 150 && len(SplitSentences(p.text[n.start:n.end], 0)) >= 2 {
				return
			}
		}
		e.boiler = true
	}
}

// parasAsRefs turns a paragraph of citations into a reference list: one
// entry per line when every line is a citation, else the whole paragraph.
// lenient is used under a references heading.
func (p *txtParser) parasAsRefs(e *txtElem, lenient bool) *txtElem {
	if e.kind != txtPara || e.boiler {
		return nil
	}
	ok := func(s string) bool {
		sc := txtCitationScore(s)
		if lenient {
			return sc >= 1 || (len(strings.Fields(s)) >= 4 && txtAnyYear.MatchString(s))
		}
		return sc >= 2
	}
	l := &txtElem{kind: txtList, start: e.start, end: e.end, refs: true, lines: e.lines}
	perLine := len(e.lines) > 1
	for _, li := range e.lines {
		if !ok(p.content(li)) {
			perLine = false
			break
		}
	}
	if perLine {
		for _, li := range e.lines {
			ln := p.lines[li]
			l.items = append(l.items, &txtItem{ms: ln.cs, ts: ln.cs, te: ln.ce})
		}
		return l
	}
	if !ok(p.text[e.start:e.end]) {
		return nil
	}
	l.items = []*txtItem{{ms: e.start, ts: e.start, te: e.end}}
	return l
}

func (p *txtParser) flatItemTexts(e *txtElem) []string {
	var out []string
	var walk func([]*txtItem)
	walk = func(items []*txtItem) {
		for _, it := range items {
			out = append(out, p.text[it.ts:it.te])
			walk(it.children)
		}
	}
	walk(e.items)
	return out
}

// txtCitationList reports whether most items of a list look like citations.
func txtCitationList(items []string) bool {
	if len(items) == 0 {
		return false
	}
	n := 0
	for _, it := range items {
		if txtCitationScore(it) >= 2 {
			n++
		}
	}
	return n*10 >= len(items)*6
}

// setLevels gives headings their level: 2, or 3 for sub-headings when the
// article shows them (numbering "2.1", Markdown "###", or ALL-CAPS headings
// above mixed-case ones).
func (p *txtParser) setLevels() {
	caps, mixed := 0, 0
	for _, e := range p.elems {
		if e.kind == txtHeading && e.hashes == 0 && e.numbered == 0 && !e.boiler && !txtIsRefHeading(e.ht) {
			if e.allCapsHead {
				caps++
			} else {
				mixed++
			}
		}
	}
	for _, e := range p.elems {
		if e.kind != txtHeading {
			continue
		}
		switch {
		case e.hashes > 0:
			e.level = max(2, e.hashes)
		case e.numbered > 0:
			e.level = e.numbered + 1
		case caps > 1 && mixed > 0 && !e.allCapsHead && !txtIsRefHeading(e.ht):
			e.level = 3
		default:
			e.level = 2
		}
	}
}

// build turns the elements into sections and blocks.
func (p *txtParser) build(doc *Document, first int) {
	pos := 0
	if first > 0 && first-1 < len(p.lines) {
		pos = p.lines[first-1].ce
		if p.title >= 0 {
			pos = doc.TitleAt.End
		}
	}
	cur := &Section{Span: Span{pos, pos}}
	doc.Sections = append(doc.Sections, cur)
	inBoiler := false
	var boilerSec *Section
	for k, e := range p.elems {
		// the boilerplate after the reference list goes to a final section
		if e.boiler && !inBoiler && p.allBoilerFrom(k) && p.refsBefore(k) {
			inBoiler = true
			boilerSec = &Section{Span: Span{e.start, e.start}}
			doc.Sections = append(doc.Sections, boilerSec)
			cur = boilerSec
		}
		if e.kind == txtHeading && !e.boiler {
			cur = &Section{Heading: e.ht, HeadingAt: Span{e.hs, e.he}, Level: e.level, Span: Span{e.start, e.end}}
			doc.Sections = append(doc.Sections, cur)
			continue
		}
		var b Block
		switch e.kind {
		case txtHeading, txtPara:
			s, en := e.start, e.end
			if e.kind == txtHeading {
				s, en = e.hs, e.he
			}
			b = Block{Kind: Paragraph, Span: Span{s, en}, Sentences: p.sentences(s, en)}
		case txtList:
			b = p.listBlock(e.items, e.refs)
			b.Span = Span{e.start, e.end}
			if e.refs {
				p.addRefs(doc, e.items)
			}
		}
		b.Boilerplate = e.boiler
		b.IsReferences = e.refs
		if len(cur.Blocks) == 0 && cur.Heading == "" {
			cur.Start = b.Start
		}
		cur.Blocks = append(cur.Blocks, b)
		cur.End = b.End
	}
	txtSetLeadIns(doc)
}

// txtSetLeadIns gives each list that has no lead-in yet the last sentence
// of the paragraph just before it, when that sentence introduces a list.
func txtSetLeadIns(doc *Document) {
	for _, sec := range doc.Sections {
		for i := range sec.Blocks {
			if sec.Blocks[i].Kind != List || i == 0 || sec.Blocks[i].LeadIn != nil {
				continue
			}
			prev := &sec.Blocks[i-1]
			if prev.Kind != Paragraph || prev.Boilerplate || len(prev.Sentences) == 0 {
				continue
			}
			last := &prev.Sentences[len(prev.Sentences)-1]
			if txtIsLeadIn(last.Text) {
				sec.Blocks[i].LeadIn = last
			}
		}
	}
}

func (p *txtParser) allBoilerFrom(k int) bool {
	for _, e := range p.elems[k:] {
		if !e.boiler {
			return false
		}
	}
	return true
}

func (p *txtParser) refsBefore(k int) bool {
	for _, e := range p.elems[:k] {
		if e.refs {
			return true
		}
	}
	return false
}

var txtLeadInWords = regexp.MustCompile(`(?i)\b(?:include|includes|including|such as|as follows)$`)

var txtLeadInEnd = regexp.MustCompile(`(?i)(?:\b(?:include|includes|including|such as|are|like)\s*:?|:)$`)

// txtIsLeadIn reports whether a sentence introduces a list.
func txtIsLeadIn(s string) bool { return txtLeadInEnd.MatchString(txtTrimSpace(s)) }

// listBlock builds a List block from items.
func (p *txtParser) listBlock(items []*txtItem, refs bool) Block {
	b := Block{Kind: List}
	if len(items) > 0 {
		b.Ordered = items[0].ordered
		b.Span = Span{items[0].ms, items[len(items)-1].te}
	}
	for _, it := range items {
		item := Item{Text: p.text[it.ts:it.te], Span: Span{it.ts, it.te}}
		ss := it.ts
		if !refs {
			if ls, le, ok := txtLabel(p.text, it.ts, it.te); ok {
				item.Label, item.LabelAt = p.text[ls:le], Span{ls, le}
				colon := le + strings.IndexByte(p.text[le:it.te], ':') + 1
				ss, _ = txtTrimSpan(p.text, colon, it.te)
			} else if ls, le, ds, ok := p.strongLabel(it.ts, it.te); ok {
				item.Label, item.LabelAt = p.text[ls:le], Span{ls, le}
				ss = ds
			}
		}
		if refs {
			item.Sentences = SplitSentences(p.text[ss:it.te], ss)
		} else {
			item.Sentences = p.sentences(ss, it.te)
		}
		if refs && len(item.Sentences) > 1 {
			// a citation is one unit, not a run of sentences
			one := Sentence{Text: item.Text, Span: item.Span}
			for _, s := range item.Sentences {
				one.Quotes = append(one.Quotes, s.Quotes...)
			}
			item.Sentences = []Sentence{one}
		}
		if len(it.children) > 0 {
			cb := p.listBlock(it.children, refs)
			cb.IsReferences = refs
			item.Children = []Block{cb}
			if cb.End > b.End {
				b.End = cb.End
			}
		}
		b.Items = append(b.Items, item)
	}
	return b
}

// strongLabel finds the label of an item that opens with a short strong
// phrase ending in a full stop ("**Oils and tinctures.** Drops held under
// the tongue ..."): the label without the stop, and where the description
// starts.
func (p *txtParser) strongLabel(s, e int) (ls, le, ds int, ok bool) {
	i := sort.Search(len(p.strong), func(i int) bool { return p.strong[i].Start >= s })
	if i == len(p.strong) {
		return 0, 0, 0, false
	}
	st := p.strong[i]
	if st.End >= e || strings.TrimSpace(p.text[s:st.Start]) != "" {
		return 0, 0, 0, false
	}
	label := strings.TrimRight(p.text[st.Start:st.End], " ")
	if !strings.HasSuffix(label, ".") || strings.HasSuffix(label, "..") || len(strings.Fields(label)) > 6 {
		return 0, 0, 0, false
	}
	ds, de := txtTrimSpan(p.text, st.End, e)
	if ds >= de {
		return 0, 0, 0, false
	}
	return st.Start, st.Start + len(label) - 1, ds, true
}

// txtLabel finds the label of a "Label: description" item in text[s:e].
func txtLabel(text string, s, e int) (int, int, bool) {
	t := text[s:e]
	i := strings.IndexByte(t, ':')
	if i <= 0 || i+1 >= len(t) {
		return 0, 0, false
	}
	if r, _ := utf8.DecodeRuneInString(t[i+1:]); !txtIsSpace(r) {
		return 0, 0, false
	}
	label := t[:i]
	if strings.ContainsAny(label, "“”\"«».!?;") || len(strings.Fields(label)) > 7 {
		return 0, 0, false
	}
	ls, le := txtTrimSpan(text, s, s+i)
	if ls >= le {
		return 0, 0, false
	}
	if rest := txtTrimSpace(t[i+1:]); rest == "" {
		return 0, 0, false
	}
	return ls, le, true
}

// addRefs appends the reference entries of a reference list (depth first).
func (p *txtParser) addRefs(doc *Document, items []*txtItem) {
	for _, it := range items {
		raw := p.text[it.ts:it.te]
		if raw != "" {
			num := 0
			if it.ordered {
				num = it.num
			}
			doc.References = append(doc.References, RefEntry{Raw: raw, Span: Span{it.ts, it.te}, Number: num, Ref: ParseReference(raw)})
		}
		p.addRefs(doc, it.children)
	}
}

// txtCite is a citation marker in the text ("[1]", "[2-4]", "[1, 3]"; in
// Markdown also "[^1]" and "<sup>1</sup>") and the reference numbers it
// cites.
type txtCite struct {
	Span
	Nums []int
}

// txtCiteRe matches a bracketed citation marker: one to three digits, or a
// list or range of them.
var txtCiteRe = regexp.MustCompile(`\[(\d{1,3}(?:[ \t]*[-–—,;][ \t]*\d{1,3})*)\]`)

// txtCiteNums reads the numbers of a marker's inside ("1", "2-4",
// "1, 3-5"), sorted and unique. Ranges are expanded when they are short.
func txtCiteNums(s string) []int {
	var out []int
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		dash := strings.IndexAny(part, "-–—")
		if dash < 0 {
			if n := atoiSafe(part); n > 0 && part != "" {
				out = append(out, n)
			}
			continue
		}
		_, w := utf8.DecodeRuneInString(part[dash:])
		a, b := atoiSafe(strings.TrimSpace(part[:dash])), atoiSafe(strings.TrimSpace(part[dash+w:]))
		if a > 0 && b > a && b-a <= 100 {
			for n := a; n <= b; n++ {
				out = append(out, n)
			}
			continue
		}
		for _, n := range []int{a, b} {
			if n > 0 {
				out = append(out, n)
			}
		}
	}
	return txtSortedUnique(out)
}

// txtSortedUnique sorts ns and drops repeats.
func txtSortedUnique(ns []int) []int {
	if len(ns) == 0 {
		return nil
	}
	sort.Ints(ns)
	out := ns[:1]
	for _, n := range ns[1:] {
		if n != out[len(out)-1] {
			out = append(out, n)
		}
	}
	return out
}

// txtFindCites finds the bracketed citation markers in text[s:e].
func txtFindCites(text string, s, e int) []txtCite {
	var out []txtCite
	for _, m := range txtCiteRe.FindAllStringSubmatchIndex(text[s:e], -1) {
		if nums := txtCiteNums(text[s+m[2] : s+m[3]]); len(nums) > 0 {
			out = append(out, txtCite{Span{s + m[0], s + m[1]}, nums})
		}
	}
	return out
}

// sentences splits text[s:e] into sentences and records the citation
// markers in each sentence's Cites. A marker belongs to the sentence it is
// in, or to the sentence before it when it opens a sentence or stands
// between sentences; markers in the white space after e (a Markdown marker
// blanked out of the text) belong to the last sentence.
func (p *txtParser) sentences(s, e int) []Sentence {
	ss := SplitSentences(p.text[s:e], s)
	if len(p.cites) == 0 || len(ss) == 0 {
		return ss
	}
	ext := e
	for ext < len(p.text) {
		r, n := utf8.DecodeRuneInString(p.text[ext:])
		if !txtIsSpace(r) {
			break
		}
		ext += n
	}
	k := 0 // the last sentence that starts at or before the marker
	for i := sort.Search(len(p.cites), func(k int) bool { return p.cites[k].Start >= s }); i < len(p.cites) && p.cites[i].Start < ext; i++ {
		c := p.cites[i]
		for k+1 < len(ss) && ss[k+1].Start <= c.Start {
			k++
		}
		owner := k
		if owner > 0 && c.Start < ss[owner].End && !txtHasWord(p.text[ss[owner].Start:c.Start]) {
			owner--
		}
		ss[owner].Cites = txtSortedUnique(append(ss[owner].Cites, c.Nums...))
	}
	return ss
}

// txtHasWord reports whether s has a letter or digit.
func txtHasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// Lists whose markers were lost (text copied from a web page): after a
// lead-in ending in ":", one item per line ("Nausea\nConstipation"), or the
// items run together on one line ("include: Nausea Constipation Dry mouth").

// flatListAfter reads a list whose markers were lost starting at line i,
// when the element before it is a paragraph whose last line is a lead-in
// and only blank lines stand between them. It returns the list element and
// the index of the line after it, or nil.
func (p *txtParser) flatListAfter(i int) (*txtElem, int) {
	if len(p.elems) == 0 {
		return nil, i
	}
	prev := p.elems[len(p.elems)-1]
	if prev.kind != txtPara || len(prev.lines) == 0 {
		return nil, i
	}
	li := prev.lines[len(prev.lines)-1]
	if prev.end != p.lines[li].ce || li >= i {
		return nil, i
	}
	for k := li + 1; k < i; k++ {
		if !p.lines[k].blank {
			return nil, i
		}
	}
	c := p.content(li)
	colon := strings.HasSuffix(c, ":")
	if !colon && !txtIsLeadIn(c) {
		return nil, i
	}
	items, next := p.flatRun(i, colon)
	if items == nil {
		return nil, i
	}
	return txtFlatElem(items), next
}

// txtFlatElem makes a list element of unmarked items.
func txtFlatElem(items []*txtItem) *txtElem {
	return &txtElem{kind: txtList, start: items[0].ts, end: items[len(items)-1].te, items: items}
}

// flatRun reads the items of a list whose markers were lost, starting at
// line k: items run together on line k, or (after a lead-in ending in ":",
// colon) one item per line: at least two short lines, or a block of lines of
// one shape (one sentence each, capitalised, the same ending), or short
// lines each a block of its own. It returns the items and the index of the
// line after the list, or nil.
func (p *txtParser) flatRun(k int, colon bool) ([]*txtItem, int) {
	ls := p.lines
	if k >= len(ls) || ls[k].blank || ls[k].bullet || ls[k].rule {
		return nil, k
	}
	if spans := txtRunTogether(p.text, ls[k].cs, ls[k].ce); spans != nil {
		var items []*txtItem
		for _, sp := range spans {
			items = append(items, &txtItem{ms: sp.Start, ts: sp.Start, te: sp.End})
		}
		return items, k + 1
	}
	if !colon {
		return nil, k
	}
	lineItems := func(idx []int) []*txtItem {
		var items []*txtItem
		for _, m := range idx {
			items = append(items, &txtItem{ms: ls[m].cs, ts: ls[m].cs, te: ls[m].ce})
		}
		return items
	}
	// tight: consecutive short lines, not wrapped prose
	var idx []int
	n := k
	for n < len(ls) && p.shortItemLine(n, false) {
		idx = append(idx, n)
		n++
	}
	tight, tightEnd := idx, n
	// a block of lines of one shape; it wins over a shorter tight run
	// ("Slow or shallow breathing" then "A severe allergic reaction with
	// swelling of the face, lips or tongue")
	var block []int
	shape := ""
	for n = k; n < len(ls) && !ls[n].blank && !ls[n].rule && !ls[n].bullet; n++ {
		sh := p.lineShape(n)
		if sh == "" || (shape != "" && sh != shape) {
			block = nil
			break
		}
		shape = sh
		block = append(block, n)
	}
	if len(block) >= 2 && len(block) > len(tight) && (n == len(ls) || ls[n].blank || ls[n].rule) {
		return lineItems(block), n
	}
	if len(tight) >= 2 && !p.continues(tightEnd) {
		return lineItems(tight), tightEnd
	}
	// loose: short lines, each a block of its own
	idx = nil
	for m := k; m < len(ls) && p.shortItemLine(m, true) && (m+1 == len(ls) || ls[m+1].blank); {
		idx = append(idx, m)
		m++
		for m < len(ls) && ls[m].blank {
			m++
		}
	}
	if len(idx) >= 2 {
		return lineItems(idx), idx[len(idx)-1] + 1
	}
	// labelled: lines that each open with "Label: " ("Physiotherapy: A
	// physiotherapist can help you ..."), however long, up to a blank line
	idx = nil
	for n = k; n < len(ls) && !ls[n].blank && !ls[n].rule && !ls[n].bullet; n++ {
		if _, _, ok := txtLabel(p.text, ls[n].cs, ls[n].ce); !ok {
			idx = nil
			break
		}
		idx = append(idx, n)
	}
	if len(idx) >= 2 && (n == len(ls) || ls[n].blank || ls[n].rule) {
		return lineItems(idx), n
	}
	// unpunctuated: a block of lines none of which ends a sentence or a
	// phrase, up to a blank line ("heat wraps" then "NSAIDs such as
	// ibuprofen, if your stomach can tolerate them"); wrapped prose ends
	// its paragraph with a full stop
	idx = nil
	for n = k; n < len(ls) && !ls[n].blank && !ls[n].rule && !ls[n].bullet; n++ {
		c := p.content(n)
		ws := strings.Fields(c)
		last, _ := utf8.DecodeLastRuneInString(c)
		if len(ws) == 0 || len(ws) > 40 || strings.ContainsRune(".!?:;,", last) || txtWrapEnd[strings.ToLower(ws[len(ws)-1])] ||
			txtIsBoilerLine(c) || txtIsRefHeading(c) || txtCitationScore(c) >= 2 || txtHashHeading.MatchString(c) {
			// the items may end at a sentence that starts the next
			// paragraph on the following line ("Do not drink alcohol ...")
			if first, _ := utf8.DecodeRuneInString(c); len(idx) >= 2 && last == '.' && unicode.IsUpper(first) && len(ws) >= 6 {
				break
			}
			idx = nil
			break
		}
		idx = append(idx, n)
	}
	if len(idx) >= 3 || len(idx) == 2 && colon {
		return lineItems(idx), n
	}
	return nil, k
}

// txtWrapEnd are words a wrapped line of prose can end with, but not a list
// item.
var txtWrapEnd = map[string]bool{
	"and": true, "or": true, "but": true, "nor": true, "the": true, "a": true, "an": true, "of": true,
	"to": true, "with": true, "for": true, "in": true, "on": true, "at": true, "by": true, "from": true,
	"as": true, "that": true, "whether": true, "which": true, "who": true, "is": true, "are": true,
	"was": true, "were": true, "be": true, "can": true, "may": true, "might": true, "will": true,
	"your": true, "their": true, "its": true, "our": true, "this": true, "these": true, "than": true,
}

// shortItemLine reports whether line k can be an item of a list whose
// markers were lost: at most 8 words, no sentence punctuation at the end,
// not ending mid-phrase ("... and"), not page furniture, a reference
// heading or a citation. loose items (each a block of its own) may not end
// with "?" either: those are headings.
func (p *txtParser) shortItemLine(k int, loose bool) bool {
	l := p.lines[k]
	if l.blank || l.bullet || l.rule {
		return false
	}
	c := p.content(k)
	ws := strings.Fields(c)
	if len(ws) == 0 || len(ws) > 8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(c)
	if strings.ContainsRune(".!:;,", last) || (loose && last == '?') {
		return false
	}
	if txtWrapEnd[strings.ToLower(ws[len(ws)-1])] {
		return false
	}
	return !txtIsBoilerLine(c) && !txtIsRefHeading(c) && txtCitationScore(c) < 2 && !txtHashHeading.MatchString(c)
}

// continues reports whether line n continues wrapped prose: a text line
// that starts in lower case.
func (p *txtParser) continues(n int) bool {
	if n >= len(p.lines) || p.lines[n].blank || p.lines[n].bullet || p.lines[n].rule {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p.content(n))
	return unicode.IsLower(r)
}

// lineShape describes line n when it can be one item of a list of
// sentences ("Take it with food."): capitalised, one sentence, at most 20
// words; the shape is its ending ("." or "a" for a letter or digit). It
// returns "" when the line cannot be such an item.
func (p *txtParser) lineShape(n int) string {
	c := p.content(n)
	r, _ := utf8.DecodeRuneInString(c)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return ""
	}
	if len(strings.Fields(c)) > 20 || len(SplitSentences(c, 0)) != 1 {
		return ""
	}
	if txtIsBoilerLine(c) || txtIsRefHeading(c) || txtCitationScore(c) >= 2 {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(c)
	switch {
	case strings.ContainsRune(".!?", last):
		return string(last)
	case unicode.IsLetter(last) || unicode.IsDigit(last) || last == ')':
		return "a"
	}
	return ""
}

// sameLineList finds a list whose items run together on line k after a
// lead-in on the same line ("Possible side effects include: Nausea
// Constipation Dry mouth"). It returns the end of the lead-in (after the
// colon) and the list, or nil.
func (p *txtParser) sameLineList(k int) (int, *txtElem) {
	l := p.lines[k]
	if l.blank || l.bullet || l.rule {
		return 0, nil
	}
	c := p.content(k)
	ci := strings.IndexByte(c, ':')
	if ci <= 0 || ci+1 >= len(c) || txtIsBoilerLine(c) {
		return 0, nil
	}
	if r, _ := utf8.DecodeRuneInString(c[ci+1:]); !txtIsSpace(r) {
		return 0, nil
	}
	// the lead-in reads as a phrase, not a Title Case heading
	before := strings.Fields(c[:ci])
	lower := false
	for _, w := range before {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower = true
		}
	}
	if !lower || len(before) > 25 {
		return 0, nil
	}
	s, e := txtTrimSpan(p.text, l.cs+ci+1, l.ce)
	spans := txtRunTogether(p.text, s, e)
	if spans == nil {
		return 0, nil
	}
	var items []*txtItem
	for _, sp := range spans {
		items = append(items, &txtItem{ms: sp.Start, ts: sp.Start, te: sp.End})
	}
	return l.cs + ci + 1, txtFlatElem(items)
}

// txtRunStop are words that cannot be a one-word list item: a capitalised
// one is the start of a sentence or a Title Case heading.
var txtRunStop = map[string]bool{
	"the": true, "a": true, "an": true, "i": true, "it": true, "you": true, "we": true, "they": true,
	"he": true, "she": true, "what": true, "why": true, "how": true, "when": true, "where": true,
	"who": true, "which": true, "this": true, "that": true, "these": true, "those": true, "your": true,
	"our": true, "my": true, "is": true, "are": true, "was": true, "be": true, "to": true, "of": true,
	"for": true, "and": true, "or": true, "in": true, "on": true, "with": true, "at": true, "by": true,
	"do": true, "does": true, "can": true, "will": true, "if": true, "not": true, "no": true,
	"yes": true, "here": true, "there": true, "about": true, "from": true, "as": true, "but": true,
	"should": true, "need": true, "know": true, "get": true, "all": true, "more": true, "less": true,
}

// txtRunTogether splits text[s:e] into the items of a list run together on
// one line ("Nausea Constipation Sweating Dry mouth"): an item starts at
// each capitalised word outside parentheses, so "Dry mouth" stays one item.
// It returns nil unless there are at least 3 items of at most 5 words, no
// sentence punctuation, and no one-word item that is a function word
// ("What You Need to Know" is a heading).
func txtRunTogether(text string, s, e int) []Span {
	t := text[s:e]
	if t == "" || strings.ContainsAny(t, ".,;:!?“”\"…") || txtAllCaps(t) || len(strings.Fields(t)) > 40 {
		return nil
	}
	var spans []Span
	var words []int
	depth := 0
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if txtIsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(t) {
			r2, n2 := utf8.DecodeRuneInString(t[j:])
			if txtIsSpace(r2) {
				break
			}
			j += n2
		}
		w := t[i:j]
		if depth == 0 && unicode.IsUpper(r) {
			spans = append(spans, Span{s + i, s + j})
			words = append(words, 1)
		} else {
			if len(spans) == 0 {
				return nil
			}
			spans[len(spans)-1].End = s + j
			words[len(words)-1]++
		}
		depth = max(0, depth+strings.Count(w, "(")-strings.Count(w, ")"))
		i = j
	}
	if len(spans) < 3 {
		return nil
	}
	for k, sp := range spans {
		if words[k] > 5 || (words[k] == 1 && txtRunStop[strings.ToLower(text[sp.Start:sp.End])]) {
			return nil
		}
	}
	return spans
}
