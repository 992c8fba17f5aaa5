package ingest

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ParseMarkdown parses a Markdown article (CommonMark with GitHub tables,
// strikethrough and footnotes, and YAML or TOML front matter).
//
// Document.Text is the source with the Markdown syntax blanked out byte for
// byte: heading markers, emphasis, code-span backticks, quote and list
// markers, link brackets with the whole "(url)" part, images, HTML tags,
// table pipes, front matter (but its title), fenced code blocks, link
// reference definitions and citation markers become spaces (newlines stay).
// Indented code blocks are read as text: in an article they are indented
// prose.
// So Text is exactly as long as the source, every offset is a source offset,
// and the text reads naturally ("The **FDA** [said](http://x)" becomes
// "The   FDA   said         "). Each Text of a heading, sentence or item is
// Document.Text at its span; the blanks inside it are kept.
//
// The title is the first level-1 heading, else the front matter's title,
// else the first line. Other headings make sections of their level (## is
// 2). Block quotes become Quote blocks (with their attribution); a table
// becomes one list per column when its columns are groups ("Common | Rare",
// the header cell the lead-in), else one list with an item per row (the
// first cell the label). Lead-ins, item labels, the reference list and
// boilerplate follow the rules of ParseText. Citation markers ("[1]",
// "[2-4]", "[^1]", "<sup>1</sup>", a link whose text is a number) are
// recorded in Sentence.Cites; footnote definitions ("[^1]: Smith J. ...")
// make the reference list (RefEntry.Number is the footnote's number), and
// link URLs are kept in reference entries.
//
// It returns a *ParseError for input that is not a text article (empty,
// binary, invalid UTF-8 or larger than MaxArticleBytes).
func ParseMarkdown(name string, src []byte) (*Document, error) {
	if err := txtCheckSource(name, src); err != nil {
		return nil, err
	}
	m := &mdParser{src: src, in: bytes.Clone(src), keep: make([]bool, len(src)),
		lo: math.MaxInt, hi: -1, extra: map[*txtElem]*mdExtra{}, fm: Span{-1, -1}}
	m.frontMatter()
	root, err := mdParse(m.in)
	if err != nil {
		return nil, txtParseError(name, src, 0, "cannot parse the Markdown: "+err.Error())
	}
	for c := root.FirstChild(); c != nil; c = c.NextSibling() {
		m.top(c)
	}
	return m.document(), nil
}

// mdGoldmark is the Markdown parser: CommonMark, GitHub tables and
// strikethrough, and footnote definitions. Footnote references ("[^1]")
// are left as text (they are read as citation markers), and definitions
// stay in the tree even when nothing refers to them.
var mdGoldmark = goldmark.New(
	goldmark.WithExtensions(extension.Table, extension.Strikethrough),
	goldmark.WithParserOptions(parser.WithBlockParsers(util.Prioritized(extension.NewFootnoteBlockParser(), 999))),
)

// mdParse parses in; a panic in the Markdown library is an error.
func mdParse(in []byte) (root ast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, fmt.Errorf("%v", r)
		}
	}()
	return mdGoldmark.Parser().Parse(text.NewReader(in)), nil
}

// Element kinds that only Markdown has, beside txtHeading, txtPara and
// txtList.
const (
	mdQuote txtElemKind = iota + 100
	mdTable
)

// mdExtra is what a quote or table element holds beside its span.
type mdExtra struct {
	leaves []Span   // quote: its text blocks
	head   []Span   // table: the header cells (an empty span for an empty cell)
	rows   [][]Span // table: the body cells
}

// mdFoot is a footnote definition.
type mdFoot struct {
	label string
	pos   int // where the definition starts
	span  Span
}

type mdParser struct {
	src   []byte // the article
	in    []byte // what goldmark parses: src with the front matter blanked
	keep  []bool // bytes of src that are text (the rest is blanked)
	buf   []byte // Document.Text under construction
	lo    int    // extent of the text marked since the innermost span call
	hi    int
	elems []*txtElem
	extra map[*txtElem]*mdExtra
	foot  []mdFoot
	code  []Span    // code spans: no citation markers inside
	dests []Span    // link destinations, shown in reference entries
	cites []txtCite // citation markers
	fm    Span      // the front matter's title
	p     *txtParser
	// strong holds the spans of strong text, for item labels
	strong []Span
}

// mark keeps src[s:e] as text.
func (m *mdParser) mark(s, e int) {
	s, e = max(s, 0), min(e, len(m.keep))
	if s >= e {
		return
	}
	for i := s; i < e; i++ {
		m.keep[i] = true
	}
	m.lo, m.hi = min(m.lo, s), max(m.hi, e)
}

// span runs f and returns the extent of the text it marked ([-1,-1) when
// none). The extent also counts for the enclosing span call.
func (m *mdParser) span(f func()) (int, int) {
	lo, hi := m.lo, m.hi
	m.lo, m.hi = math.MaxInt, -1
	f()
	s, e := m.lo, m.hi
	m.lo, m.hi = min(lo, s), max(hi, e)
	if e < 0 {
		return -1, -1
	}
	return s, e
}

// detached runs f without letting its text count for the enclosing span.
func (m *mdParser) detached(f func()) {
	lo, hi := m.lo, m.hi
	f()
	m.lo, m.hi = lo, hi
}

// mdFrontMatterKey finds the title in YAML ("title: X") or TOML
// ("title = "X"") front matter.
var mdFrontMatterKey = regexp.MustCompile(`(?m)^title[ \t]*[:=][ \t]*(.*?)[ \t]*\r?$`)

// mdFrontMatterStart checks that YAML front matter starts with a key.
var mdFrontMatterStart = regexp.MustCompile(`^[ \t]*[A-Za-z_][\w .-]*[ \t]*[:=]`)

// frontMatter blanks a byte order mark and YAML ("---") or TOML ("+++")
// front matter at the start of the article out of what goldmark sees,
// keeping the front matter's title as text.
func (m *mdParser) frontMatter() {
	src := m.in
	start := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		start = 3
		copy(src, "   ")
	}
	var fence string
	switch {
	case bytes.HasPrefix(src[start:], []byte("---")):
		fence = "---"
	case bytes.HasPrefix(src[start:], []byte("+++")):
		fence = "+++"
	default:
		return
	}
	nl := bytes.IndexByte(src[start:], '\n')
	if nl < 0 || strings.TrimSpace(string(src[start:start+nl])) != fence {
		return
	}
	body := start + nl + 1
	end := -1 // end of the closing line
	for i := body; i < len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		le := len(src)
		if j >= 0 {
			le = i + j
		}
		line := strings.TrimSpace(string(src[i:le]))
		if line == fence || (fence == "---" && line == "...") {
			end = le
			break
		}
		if j < 0 {
			break
		}
		i = le + 1
	}
	if end < 0 || !mdFrontMatterStart.Match(src[body:end]) {
		return
	}
	if mm := mdFrontMatterKey.FindSubmatchIndex(src[body:end]); mm != nil {
		s, e := body+mm[2], body+mm[3]
		if e-s >= 2 && (src[s] == '"' || src[s] == '\'') && src[e-1] == src[s] {
			s, e = s+1, e-1
		}
		if v := strings.TrimSpace(string(src[s:e])); v != "" && v != "|" && v != ">" && v != "|-" && v != ">-" {
			m.fm = Span{s, e}
			for i := s; i < e; i++ {
				m.keep[i] = true
			}
		}
	}
	for i := 0; i < end; i++ {
		if src[i] != '\n' && src[i] != '\r' {
			src[i] = ' '
		}
	}
}

// top reads a block of the document into elements.
func (m *mdParser) top(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		s, e := m.span(func() { m.inlines(n) })
		if s >= 0 {
			m.elems = append(m.elems, &txtElem{kind: txtHeading, start: s, end: e, hs: s, he: e, level: n.Level})
		}
	case *ast.Paragraph, *ast.TextBlock, *ast.CodeBlock, *ast.HTMLBlock:
		s, e := m.span(func() { m.block(n) })
		if s >= 0 {
			m.elems = append(m.elems, &txtElem{kind: txtPara, start: s, end: e})
		}
	case *ast.List:
		if items := m.items(n); len(items) > 0 {
			m.elems = append(m.elems, &txtElem{kind: txtList, items: items})
		}
	case *ast.Blockquote:
		x := &mdExtra{}
		m.leaves(n, &x.leaves)
		if len(x.leaves) > 0 {
			e := &txtElem{kind: mdQuote}
			m.elems = append(m.elems, e)
			m.extra[e] = x
		}
	case *extast.Table:
		x := &mdExtra{}
		for r := n.FirstChild(); r != nil; r = r.NextSibling() {
			var cells []Span
			for c := r.FirstChild(); c != nil; c = c.NextSibling() {
				s, e := m.span(func() { m.block(c) })
				cells = append(cells, Span{s, e})
			}
			if _, ok := r.(*extast.TableHeader); ok {
				x.head = cells
			} else {
				x.rows = append(x.rows, cells)
			}
		}
		e := &txtElem{kind: mdTable}
		m.elems = append(m.elems, e)
		m.extra[e] = x
	case *extast.FootnoteList:
		m.block(n)
	case *ast.FencedCodeBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			m.top(c)
		}
	}
}

// block marks the text of any block.
func (m *mdParser) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *extast.TableCell:
		m.inlines(n)
	case *ast.CodeBlock:
		// indented text in an article is almost never code
		for i := 0; i < n.Lines().Len(); i++ {
			l := n.Lines().At(i)
			m.mark(l.Start, l.Stop)
		}
	case *ast.HTMLBlock:
		m.html(n)
	case *extast.FootnoteList:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if f, ok := c.(*extast.Footnote); ok {
				m.footnote(f)
			}
		}
	case *extast.Footnote:
		m.footnote(n)
	case *ast.FencedCodeBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			m.block(c)
		}
	}
}

// footnote records a footnote definition; its text does not count for the
// block it happens to be in.
func (m *mdParser) footnote(f *extast.Footnote) {
	m.detached(func() {
		s, e := m.span(func() {
			for c := f.FirstChild(); c != nil; c = c.NextSibling() {
				m.block(c)
			}
		})
		if s >= 0 {
			pos := f.Pos()
			if pos < 0 {
				pos = s
			}
			m.foot = append(m.foot, mdFoot{label: string(f.Ref), pos: pos, span: Span{s, e}})
		}
	})
}

// leaves collects the text blocks of a container (a block quote).
func (m *mdParser) leaves(n ast.Node, out *[]Span) {
	switch n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *ast.CodeBlock, *ast.HTMLBlock, *extast.TableCell:
		if s, e := m.span(func() { m.block(n) }); s >= 0 {
			*out = append(*out, Span{s, e})
		}
	case *extast.FootnoteList, *extast.Footnote:
		m.block(n)
	default:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			m.leaves(c, out)
		}
	}
}

// items reads the items of a list. An item's text is its blocks up to its
// first nested list; nested lists are its children.
func (m *mdParser) items(l *ast.List) []*txtItem {
	var out []*txtItem
	num := l.Start
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		it := &txtItem{ordered: l.IsOrdered(), num: num, ts: -1, te: -1}
		if it.ordered {
			if n, ok := mdMarkerNumber(m.in, c.Pos()); ok {
				it.num = n
			}
			num = it.num + 1
		}
		nested := false
		for cc := c.FirstChild(); cc != nil; cc = cc.NextSibling() {
			if sub, ok := cc.(*ast.List); ok {
				it.children = append(it.children, m.items(sub)...)
				nested = true
				continue
			}
			s, e := m.span(func() { m.block(cc) })
			if s < 0 || nested {
				continue
			}
			if it.ts < 0 {
				it.ts = s
			}
			it.te = max(it.te, e)
		}
		if it.ts < 0 {
			if len(it.children) == 0 {
				continue
			}
			it.ts, it.te = it.children[0].ts, it.children[0].ts
		}
		it.ms = it.ts
		out = append(out, it)
	}
	return out
}

// mdMarkerNumber reads the number of an ordered list marker at in[pos:].
func mdMarkerNumber(in []byte, pos int) (int, bool) {
	if pos < 0 || pos >= len(in) {
		return 0, false
	}
	n, k := 0, pos
	for k < len(in) && k-pos < 9 && in[k] >= '0' && in[k] <= '9' {
		n = n*10 + int(in[k]-'0')
		k++
	}
	return n, k > pos
}

// inlines marks the text of a block's inline content.
func (m *mdParser) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if r, ok := c.(*ast.RawHTML); ok {
			// tags are blanked; a superscript citation goes whole
			if end := m.supCite(r); end != nil {
				c = end
			}
			continue
		}
		switch c := c.(type) {
		case *ast.Text:
			m.text(c.Segment.Start, c.Segment.Stop)
		case *ast.String:
			// generated text: no source bytes
		case *ast.CodeSpan:
			s, e := m.span(func() {
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if t, ok := t.(*ast.Text); ok {
						m.mark(t.Segment.Start, t.Segment.Stop)
					}
				}
			})
			if s >= 0 {
				m.code = append(m.code, Span{s, e})
			}
		case *ast.Image:
			// the whole image goes, alt text too
		case *ast.AutoLink:
			label := c.Label(m.in)
			if pos := c.Pos(); pos >= 0 && pos < len(m.in) {
				if m.in[pos] == '<' {
					pos++
				}
				if len(label) > 0 && bytes.HasPrefix(m.in[pos:], label) {
					m.mark(pos, pos+len(label))
				}
			}
		case *ast.Link:
			// "[1](#ref-1)", "[[2]](#ref-2)": a citation
			if t := m.plain(c); mdIsCiteText(t) {
				if nums := txtCiteNums(mdCiteInside(t)); len(nums) > 0 {
					pos := max(c.Pos(), 0)
					m.cites = append(m.cites, txtCite{Span{pos, pos + 1}, nums})
					continue
				}
			}
			m.inlines(c)
			m.linkDest(c)
		case *ast.Emphasis:
			if c.Level < 2 {
				m.inlines(c)
				continue
			}
			// strong text: a list item may open with its label ("**Oils.** Drops ...")
			if s, e := m.span(func() { m.inlines(c) }); s >= 0 {
				m.strong = append(m.strong, Span{s, e})
			}
		default:
			m.inlines(c)
		}
	}
}

// supCite reads a superscript citation ("<sup>1</sup>", "<sup>[2, 3]</sup>",
// "<sup><a href=...>4</a></sup>") that starts with the tag open. It records
// the citation and returns the closing tag, or returns nil when open is not
// the start of one.
func (m *mdParser) supCite(open *ast.RawHTML) ast.Node {
	tag := strings.ToLower(m.raw(open))
	if !strings.HasPrefix(tag, "<sup") || len(tag) < 5 || (tag[4] != '>' && tag[4] != ' ') {
		return nil
	}
	var b strings.Builder
	for n, k := open.NextSibling(), 0; n != nil && k < 8; n, k = n.NextSibling(), k+1 {
		if r, ok := n.(*ast.RawHTML); ok {
			if strings.HasPrefix(strings.ToLower(m.raw(r)), "</sup") {
				if !mdIsCiteText(b.String()) {
					return nil
				}
				nums := txtCiteNums(mdCiteInside(b.String()))
				if len(nums) == 0 {
					return nil
				}
				pos := max(open.Pos(), 0)
				m.cites = append(m.cites, txtCite{Span{pos, pos + 1}, nums})
				return n
			}
			continue
		}
		b.WriteString(m.segText(n))
		b.WriteString(m.plain(n))
	}
	return nil
}

// raw is the source of an inline HTML tag.
func (m *mdParser) raw(r *ast.RawHTML) string {
	var b strings.Builder
	for i := 0; i < r.Segments.Len(); i++ {
		sg := r.Segments.At(i)
		if sg.Start >= 0 && sg.Stop <= len(m.in) && sg.Start <= sg.Stop {
			b.Write(m.in[sg.Start:sg.Stop])
		}
	}
	return b.String()
}

// text marks a text segment, less the backslashes of escapes ("\*").
func (m *mdParser) text(s, e int) {
	if s < 0 || e > len(m.in) || s >= e {
		return
	}
	m.mark(s, e)
	for i := s; i < e-1; i++ {
		if m.in[i] == '\\' && mdIsASCIIPunct(m.in[i+1]) {
			m.keep[i] = false
			i++
		}
	}
}

func mdIsASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// plain is the source text of a node's text descendants, run together.
func (m *mdParser) plain(n ast.Node) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(m.segText(c))
		b.WriteString(m.plain(c))
	}
	return b.String()
}

// segText is the source text of a Text node, else "".
func (m *mdParser) segText(n ast.Node) string {
	t, ok := n.(*ast.Text)
	if !ok || t.Segment.Start < 0 || t.Segment.Stop > len(m.in) || t.Segment.Start > t.Segment.Stop {
		return ""
	}
	return string(m.in[t.Segment.Start:t.Segment.Stop])
}

// mdCiteText matches the text of a citation link or superscript: "1",
// "[2]", "^3", "2-4", "1, 3".
var mdCiteText = regexp.MustCompile(`^\[?\^?\d{1,3}(?:[ \t]*[-–—,;][ \t]*\d{1,3})*\]?$`)

func mdIsCiteText(s string) bool { return mdCiteText.MatchString(strings.TrimSpace(s)) }

// mdCiteInside strips the brackets and caret of a citation's text.
func mdCiteInside(s string) string { return strings.Trim(strings.TrimSpace(s), "[]^") }

// linkDest records where a link's destination is in the source, for
// reference entries.
func (m *mdParser) linkDest(l *ast.Link) {
	d := l.Destination
	pos := l.Pos()
	if len(d) == 0 || pos < 0 || pos >= len(m.in) {
		return
	}
	limit := min(len(m.in), pos+len(d)+4096)
	for from := pos + 1; from < limit; {
		i := bytes.Index(m.in[from:limit], d)
		if i < 0 {
			return
		}
		at := from + i
		if c := m.in[at-1]; c == '(' || c == '<' {
			m.dests = append(m.dests, Span{at, at + len(d)})
			return
		}
		from = at + 1
	}
}

// html marks the text of an HTML block outside its tags; scripts, styles,
// comments and declarations have none.
func (m *mdParser) html(n *ast.HTMLBlock) {
	switch n.HTMLBlockType {
	case ast.HTMLBlockType1, ast.HTMLBlockType2, ast.HTMLBlockType3, ast.HTMLBlockType4, ast.HTMLBlockType5:
		return
	}
	inTag := false
	for i := 0; i < n.Lines().Len(); i++ {
		l := n.Lines().At(i)
		s := -1
		for k := l.Start; k < l.Stop && k < len(m.in); k++ {
			c := m.in[k]
			switch {
			case inTag:
				if c == '>' {
					inTag = false
				}
			case c == '<' && k+1 < len(m.in) && (m.in[k+1] == '/' || m.in[k+1] == '!' || m.in[k+1] >= 'a' && m.in[k+1] <= 'z' || m.in[k+1] >= 'A' && m.in[k+1] <= 'Z'):
				if s >= 0 {
					m.mark(s, k)
					s = -1
				}
				inTag = true
			default:
				if s < 0 {
					s = k
				}
			}
		}
		if s >= 0 {
			m.mark(s, min(l.Stop, len(m.in)))
		}
	}
}

// document turns the elements into the Document.
func (m *mdParser) document() *Document {
	m.buf = make([]byte, len(m.src))
	for i := 0; i < len(m.src); {
		_, n := utf8.DecodeRune(m.src[i:])
		kept := false
		for k := i; k < i+n; k++ {
			kept = kept || m.keep[k]
		}
		for k := i; k < i+n; k++ {
			switch c := m.src[k]; {
			case kept, c == '\n', c == '\r':
				m.buf[k] = c
			default:
				m.buf[k] = ' '
			}
		}
		i += n
	}
	m.p = &txtParser{text: string(m.buf), strong: m.strong}
	sort.Slice(m.p.strong, func(i, j int) bool { return m.p.strong[i].Start < m.p.strong[j].Start })
	m.retrim()
	m.addFootnotes()
	m.p.splitLines()
	m.paraLines()
	title := m.title()
	m.p.elems = m.elems
	m.p.markBoilerplate()
	m.p.findReferences()
	m.elems = m.p.elems
	m.references()
	m.blankCites(title)
	m.p.text = string(m.buf)
	m.retrim()
	m.p.elems = m.elems
	sort.SliceStable(m.cites, func(i, j int) bool { return m.cites[i].Start < m.cites[j].Start })
	m.p.cites = m.cites
	doc := &Document{Text: m.p.text}
	if title.Start >= 0 {
		s, e := txtTrimSpan(m.p.text, title.Start, title.End)
		doc.Title, doc.TitleAt = m.p.text[s:e], Span{s, e}
	}
	m.build(doc)
	return doc
}

// retrim trims every span of the elements against the text, and drops
// elements (and items) left without text.
func (m *mdParser) retrim() {
	t := m.p.text
	trim := func(sp Span) Span {
		if sp.Start < 0 || sp.End <= sp.Start || sp.End > len(t) {
			return Span{}
		}
		s, e := txtTrimSpan(t, sp.Start, sp.End)
		return Span{s, e}
	}
	empty := func(sp Span) bool { return sp.End <= sp.Start }
	out := m.elems[:0]
	for _, e := range m.elems {
		switch e.kind {
		case txtHeading:
			h := trim(Span{e.hs, e.he})
			if empty(h) {
				continue
			}
			e.hs, e.he, e.start, e.end, e.ht = h.Start, h.End, h.Start, h.End, t[h.Start:h.End]
		case txtPara:
			p := trim(Span{e.start, e.end})
			if empty(p) {
				continue
			}
			e.start, e.end = p.Start, p.End
		case txtList:
			e.items = m.trimItems(e.items, trim)
			if len(e.items) == 0 {
				continue
			}
			e.start, e.end = e.items[0].ts, mdItemsEnd(e.items)
		case mdQuote:
			x := m.extra[e]
			var ls []Span
			for _, l := range x.leaves {
				if l = trim(l); !empty(l) {
					ls = append(ls, l)
				}
			}
			if x.leaves = ls; len(ls) == 0 {
				continue
			}
			e.start, e.end = ls[0].Start, ls[len(ls)-1].End
		case mdTable:
			x := m.extra[e]
			e.start, e.end = -1, -1
			for _, row := range append([][]Span{x.head}, x.rows...) {
				for i := range row {
					row[i] = trim(row[i])
					if !empty(row[i]) {
						if e.start < 0 {
							e.start = row[i].Start
						}
						e.end = max(e.end, row[i].End)
					}
				}
			}
			if e.start < 0 {
				continue
			}
		}
		out = append(out, e)
	}
	m.elems = out
}

// trimItems trims the items' spans, dropping items with no text and no
// children.
func (m *mdParser) trimItems(items []*txtItem, trim func(Span) Span) []*txtItem {
	out := items[:0]
	for _, it := range items {
		it.children = m.trimItems(it.children, trim)
		sp := trim(Span{it.ts, it.te})
		if sp.End <= sp.Start {
			if len(it.children) == 0 {
				continue
			}
			sp = Span{it.children[0].ts, it.children[0].ts}
		}
		it.ms, it.ts, it.te = sp.Start, sp.Start, sp.End
		out = append(out, it)
	}
	return out
}

// mdItemsEnd is the end of the last text of items and their children.
func mdItemsEnd(items []*txtItem) int {
	e := 0
	for _, it := range items {
		e = max(e, it.te, mdItemsEnd(it.children))
	}
	return e
}

// addFootnotes makes reference lists of the footnote definitions: each run
// of definitions with no other block between them is one list, where the
// run is in the article.
func (m *mdParser) addFootnotes() {
	if len(m.foot) == 0 {
		return
	}
	sort.SliceStable(m.foot, func(i, j int) bool { return m.foot[i].pos < m.foot[j].pos })
	var out []*txtElem
	k := 0 // elements placed so far
	var cur *txtElem
	for i, f := range m.foot {
		s, e := txtTrimSpan(m.p.text, f.span.Start, f.span.End)
		if s >= e {
			continue
		}
		pos := max(f.pos, 0)
		placed := k
		for k < len(m.elems) && m.elems[k].start < pos {
			out = append(out, m.elems[k])
			k++
		}
		if cur == nil || k != placed {
			cur = &txtElem{kind: txtList, refs: true, start: s}
			out = append(out, cur)
		}
		cur.items = append(cur.items, &txtItem{ms: s, ts: s, te: e, ordered: true, num: m.footNumber(f.label, i)})
		cur.end = e
	}
	m.elems = append(out, m.elems[k:]...)
}

// footNumber is the number of a footnote: its label when that is a number
// ("[^3]"), else its place among the definitions.
func (m *mdParser) footNumber(label string, i int) int {
	if n := atoiSafe(label); n > 0 && strings.Trim(label, "0123456789") == "" && len(label) <= 6 {
		return n
	}
	return i + 1
}

// paraLines sets the lines of the paragraph elements (for the boilerplate
// and reference tests).
func (m *mdParser) paraLines() {
	ls := m.p.lines
	for _, e := range m.elems {
		if e.kind != txtPara {
			continue
		}
		e.lines = nil
		for i := sort.Search(len(ls), func(k int) bool { return ls[k].end >= e.start }); i < len(ls) && ls[i].start < e.end; i++ {
			if !ls[i].blank {
				e.lines = append(e.lines, i)
			}
		}
		if len(e.lines) == 0 {
			e.lines = []int{sort.Search(len(ls), func(k int) bool { return ls[k].end >= e.start })}
		}
	}
}

// title finds the title: the first level-1 heading, else the front
// matter's title, else the first line (a heading, or the first line of the
// first paragraph). It returns [-1,-1) when there is none.
func (m *mdParser) title() Span {
	for i, e := range m.elems {
		if e.kind == txtHeading && e.level == 1 {
			m.elems = append(m.elems[:i:i], m.elems[i+1:]...)
			return Span{e.hs, e.he}
		}
	}
	if m.fm.Start >= 0 {
		if s, e := txtTrimSpan(m.p.text, m.fm.Start, m.fm.End); s < e {
			return Span{s, e}
		}
	}
	if len(m.elems) == 0 {
		return Span{-1, -1}
	}
	switch e := m.elems[0]; e.kind {
	case txtHeading:
		m.elems = m.elems[1:]
		return Span{e.hs, e.he}
	case txtPara:
		l := m.p.lines[e.lines[0]]
		s, en := txtTrimSpan(m.p.text, max(l.cs, e.start), min(l.ce, e.end))
		if s >= en || en-s > 200 {
			break
		}
		if len(e.lines) == 1 || en >= e.end {
			m.elems = m.elems[1:]
		} else {
			e.lines = e.lines[1:]
			e.start, _ = txtTrimSpan(m.p.text, en, e.end)
		}
		return Span{s, en}
	}
	return Span{-1, -1}
}

// mdRefNumber is the number that starts a reference entry written as a
// paragraph line ("[1] Smith J. ...").
var mdRefNumber = regexp.MustCompile(`^\[(\d{1,3})\][ \t]*`)

// references finishes the reference lists: entries show the URLs of their
// links, and a leading "[1]" is the entry's number.
func (m *mdParser) references() {
	sort.Slice(m.dests, func(i, j int) bool { return m.dests[i].Start < m.dests[j].Start })
	for _, e := range m.elems {
		if e.refs && e.kind == txtList {
			m.refItems(e.items)
			e.start, e.end = e.items[0].ts, mdItemsEnd(e.items)
		}
	}
}

func (m *mdParser) refItems(items []*txtItem) {
	for _, it := range items {
		le := len(m.buf)
		if j := bytes.IndexByte(m.buf[it.te:], '\n'); j >= 0 {
			le = it.te + j
		}
		for i := sort.Search(len(m.dests), func(k int) bool { return m.dests[k].Start >= it.ts }); i < len(m.dests) && m.dests[i].Start < le; i++ {
			d := m.dests[i]
			copy(m.buf[d.Start:d.End], m.src[d.Start:d.End])
			it.te = max(it.te, d.End)
		}
		if mm := mdRefNumber.FindSubmatchIndex(m.buf[it.ts:it.te]); mm != nil && it.ts+mm[1] < it.te {
			it.num, it.ordered = atoiSafe(string(m.buf[it.ts+mm[2]:it.ts+mm[3]])), true
			it.ts += mm[1]
			it.ms = it.ts
		}
		m.refItems(it.children)
	}
}

// mdFootRef is a footnote reference: "[^1]", "[^smith]".
var mdFootRef = regexp.MustCompile(`\[\^([^\]\s]{1,64})\]`)

// blankCites blanks the citation markers ("[1]", "[2-4]", "[^1]") out of
// the title and the text outside the reference lists and code, and records
// them.
func (m *mdParser) blankCites(title Span) {
	labels := map[string]int{}
	for i, f := range m.foot {
		if _, ok := labels[f.label]; !ok {
			labels[f.label] = m.footNumber(f.label, i)
		}
	}
	inCode := func(s, e int) bool {
		i := sort.Search(len(m.code), func(k int) bool { return m.code[k].End > s })
		return i < len(m.code) && m.code[i].Start < e
	}
	spans := []Span{title}
	for _, e := range m.elems {
		if !e.refs {
			spans = append(spans, Span{e.start, e.end})
		}
	}
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(m.buf) || sp.Start >= sp.End {
			continue
		}
		seg := m.buf[sp.Start:sp.End]
		type hit struct {
			s, e int
			nums []int
		}
		var hits []hit
		for _, mm := range txtCiteRe.FindAllSubmatchIndex(seg, -1) {
			hits = append(hits, hit{mm[0], mm[1], txtCiteNums(string(seg[mm[2]:mm[3]]))})
		}
		for _, mm := range mdFootRef.FindAllSubmatchIndex(seg, -1) {
			label := string(seg[mm[2]:mm[3]])
			n, ok := labels[label]
			if !ok {
				n = m.footNumber(label, -1)
			}
			var nums []int
			if n > 0 {
				nums = []int{n}
			}
			hits = append(hits, hit{mm[0], mm[1], nums})
		}
		for _, h := range hits {
			s, en := sp.Start+h.s, sp.Start+h.e
			if inCode(s, en) {
				continue
			}
			for k := s; k < en; k++ {
				m.buf[k] = ' '
			}
			if len(h.nums) > 0 {
				m.cites = append(m.cites, txtCite{Span{s, en}, h.nums})
			}
		}
	}
}

// build turns the elements into sections and blocks, as ParseText does.
func (m *mdParser) build(doc *Document) {
	p := m.p
	pos := 0
	if doc.Title != "" {
		pos = doc.TitleAt.End
	}
	cur := &Section{Span: Span{pos, pos}}
	doc.Sections = append(doc.Sections, cur)
	inBoiler := false
	for k, e := range p.elems {
		if e.boiler && !inBoiler && p.allBoilerFrom(k) && p.refsBefore(k) {
			inBoiler = true
			cur = &Section{Span: Span{e.start, e.start}}
			doc.Sections = append(doc.Sections, cur)
		}
		if e.kind == txtHeading && !e.boiler {
			cur = &Section{Heading: e.ht, HeadingAt: Span{e.hs, e.he}, Level: e.level, Span: Span{e.start, e.end}}
			doc.Sections = append(doc.Sections, cur)
			continue
		}
		var prev *Block
		if n := len(cur.Blocks); n > 0 {
			prev = &cur.Blocks[n-1]
		}
		for _, b := range m.blocks(doc, e, prev) {
			b.Boilerplate = e.boiler
			b.IsReferences = e.refs
			if cur.Heading == "" && (len(cur.Blocks) == 0 || b.Start < cur.Start) {
				cur.Start = b.Start // (a table's column lists start at their header)
			}
			cur.Blocks = append(cur.Blocks, b)
			cur.End = max(cur.End, b.End)
		}
	}
	txtSetLeadIns(doc)
}

// blocks makes the blocks of an element; prev is the block before it in
// its section, if any.
func (m *mdParser) blocks(doc *Document, e *txtElem, prev *Block) []Block {
	p := m.p
	switch e.kind {
	case txtHeading: // a boilerplate heading
		return []Block{{Kind: Paragraph, Span: Span{e.hs, e.he}, Sentences: p.sentences(e.hs, e.he)}}
	case txtPara:
		return []Block{{Kind: Paragraph, Span: Span{e.start, e.end}, Sentences: p.sentences(e.start, e.end)}}
	case txtList:
		b := p.listBlock(e.items, e.refs)
		b.Span = Span{e.start, e.end}
		if e.refs {
			p.addRefs(doc, e.items)
		}
		return []Block{b}
	case mdQuote:
		return []Block{m.quote(e, prev)}
	case mdTable:
		return m.table(e, prev)
	}
	return nil
}

// mdDash starts the closing line of a quotation that names its source.
var mdDash = regexp.MustCompile(`^(?:[—–―~]|--?)[ \t]*`)

// quote makes a Quote block. Its attribution is a closing line that starts
// with a dash ("— Dr Ana Ruiz, pharmacist", or a one-item "- " list), else
// the sentence before the quote when it ends in ":" or "that".
func (m *mdParser) quote(e *txtElem, prev *Block) Block {
	t := m.p.text
	leaves := append([]Span(nil), m.extra[e].leaves...)
	b := Block{Kind: Quote, Span: Span{e.start, e.end}}
	if len(leaves) > 1 || strings.Contains(t[leaves[0].Start:leaves[0].End], "\n") {
		last := &leaves[len(leaves)-1]
		ls := last.Start
		if i := strings.LastIndexByte(t[last.Start:last.End], '\n'); i >= 0 {
			ls = last.Start + i + 1
		}
		s, en := txtTrimSpan(t, ls, last.End)
		line := t[s:en]
		at := -1
		if mm := mdDash.FindStringIndex(line); mm != nil && mm[1] < len(line) {
			at = s + mm[1]
		} else if ls == last.Start && strings.TrimSpace(string(m.src[mdLineStart(m.src, s):s])) != "" {
			// "> - Dr Ana Ruiz": the dash was read as a list marker
			prefix := strings.TrimSpace(strings.ReplaceAll(string(m.src[mdLineStart(m.src, s):s]), ">", ""))
			if prefix == "-" || prefix == "*" || prefix == "+" {
				at = s
			}
		}
		if at >= 0 {
			if r, _ := utf8.DecodeRuneInString(t[at:]); unicode.IsUpper(r) && len(strings.Fields(t[at:en])) <= 20 {
				b.Attribution, b.AttributionAt = t[at:en], Span{at, en}
				last.Start, last.End = txtTrimSpan(t, last.Start, ls)
				if last.Start >= last.End {
					leaves = leaves[:len(leaves)-1]
				}
			}
		}
	}
	for _, l := range leaves {
		b.Sentences = append(b.Sentences, m.p.sentences(l.Start, l.End)...)
	}
	if b.Attribution == "" && prev != nil && prev.Kind == Paragraph && !prev.Boilerplate && len(prev.Sentences) > 0 {
		if last := prev.Sentences[len(prev.Sentences)-1]; txtEndsAttribution(last.Text) {
			b.Attribution, b.AttributionAt = last.Text, last.Span
		}
	}
	return b
}

// mdLineStart is the start of the line that holds src[i].
func mdLineStart(src []byte, i int) int {
	return bytes.LastIndexByte(src[:i], '\n') + 1
}

var (
	// mdGroupHead is a table header cell that names a group of items
	// ("Common", "Rare but serious", "Seek help at once").
	mdGroupHead = regexp.MustCompile(`(?i)\b(?:common|uncommon|rare|rarely|frequent|infrequent|occasional|serious|severe|mild|moderate|minor|major|emergency|urgent|short[- ]term|long[- ]term|not known|unknown)\b|\bseek\b|\bcall (?:your|a) (?:doctor|gp|pharmacist)|\bget (?:medical|emergency|urgent) help`)
	// mdItemHead is a header cell over a column of items ("Side effect").
	mdItemHead = regexp.MustCompile(`(?i)^(?:(?:possible|common|other)\s+)?(?:side[- ]effects?|symptoms?|effects?|adverse (?:effects?|events?|reactions?)|reactions?|signs?|problems?|conditions?|withdrawal symptoms?|interactions?|risks?)$`)
)

// table makes the lists of a table: one per named column when the header
// names groups ("Common | Rare"; the header cell is the lead-in) or when
// there is one column, else one list with an item per row whose first cell
// is the label and whose other cells are its sentences.
func (m *mdParser) table(e *txtElem, prev *Block) []Block {
	t := m.p.text
	x := m.extra[e]
	ok := func(sp Span) bool { return sp.Start < sp.End }
	groups, named := 0, 0
	for _, h := range x.head {
		if ok(h) {
			named++
			if mdGroupHead.MatchString(t[h.Start:h.End]) {
				groups++
			}
		}
	}
	first := ""
	if len(x.head) > 0 && ok(x.head[0]) {
		first = t[x.head[0].Start:x.head[0].End]
	}
	if len(x.head) == 1 || named >= 2 && groups*2 >= named && !mdItemHead.MatchString(first) {
		var out []Block
		for col := range x.head {
			if len(x.head) > 1 && !ok(x.head[col]) {
				continue // row labels, not a group
			}
			var items []*txtItem
			for _, r := range x.rows {
				if col < len(r) && ok(r[col]) {
					items = append(items, &txtItem{ms: r[col].Start, ts: r[col].Start, te: r[col].End})
				}
			}
			if len(items) == 0 {
				continue
			}
			b := m.p.listBlock(items, false)
			b.Span = Span{items[0].ts, items[len(items)-1].te}
			if h := x.head[col]; ok(h) {
				b.LeadIn = m.cell(h)
				b.Start = h.Start
			}
			out = append(out, b)
		}
		return out
	}
	if out := m.comparison(e, prev); out != nil {
		return out
	}
	b := Block{Kind: List, Span: Span{e.start, e.end}}
	for _, r := range x.rows {
		var cells []Span
		for _, c := range r {
			if ok(c) {
				cells = append(cells, c)
			}
		}
		if len(cells) == 0 {
			continue
		}
		it := Item{Span: Span{cells[0].Start, cells[len(cells)-1].End}}
		it.Text = t[it.Start:it.End]
		if len(cells) > 1 && ok(r[0]) {
			it.Label, it.LabelAt = t[r[0].Start:r[0].End], r[0]
			cells = cells[1:]
		}
		for _, c := range cells {
			it.Sentences = append(it.Sentences, m.p.sentences(c.Start, c.End)...)
		}
		b.Items = append(b.Items, it)
	}
	if len(b.Items) == 0 {
		return nil
	}
	// the lead-in: the paragraph before the table, else the header row
	if prev != nil && prev.Kind == Paragraph && !prev.Boilerplate && len(prev.Sentences) > 0 && txtIsLeadIn(prev.Sentences[len(prev.Sentences)-1].Text) {
		b.LeadIn = &prev.Sentences[len(prev.Sentences)-1]
	} else {
		hs, he := -1, -1
		for _, h := range x.head {
			if ok(h) {
				if hs < 0 {
					hs = h.Start
				}
				he = h.End
			}
		}
		if hs >= 0 {
			b.LeadIn = m.cell(Span{hs, he})
		}
	}
	return []Block{b}
}

// cornerRE matches the corner cell of a comparison table when it is not
// empty: "Feature", "Comparison".
var cornerRE = regexp.MustCompile(`(?i)^\s*(?:features?|comparison|compared|attributes?|aspects?|categor(?:y|ies)|at a glance|key facts|quick facts|details?)\s*:?\s*$`)

// comparison reads a comparison table: an empty corner cell (or "Feature"),
// two or more named columns ("Tramadol", "Capsaicin") and rows labelled in
// the first column ("How it works"). Each column becomes a list of its own
// whose items are the rows, About its header cell; nil for other tables.
func (m *mdParser) comparison(e *txtElem, prev *Block) []Block {
	t := m.p.text
	x := m.extra[e]
	ok := func(sp Span) bool { return sp.Start < sp.End }
	if len(x.head) < 3 || ok(x.head[0]) && !cornerRE.MatchString(t[x.head[0].Start:x.head[0].End]) {
		return nil
	}
	for _, h := range x.head[1:] {
		if !ok(h) || len(strings.Fields(t[h.Start:h.End])) > 4 || mdGroupHead.MatchString(t[h.Start:h.End]) || mdItemHead.MatchString(t[h.Start:h.End]) {
			return nil
		}
	}
	for _, r := range x.rows {
		if len(r) == 0 || !ok(r[0]) {
			return nil
		}
	}
	var lead *Sentence
	if prev != nil && prev.Kind == Paragraph && !prev.Boilerplate && len(prev.Sentences) > 0 && txtIsLeadIn(prev.Sentences[len(prev.Sentences)-1].Text) {
		lead = &prev.Sentences[len(prev.Sentences)-1]
	}
	var out []Block
	for col := 1; col < len(x.head); col++ {
		b := Block{Kind: List, LeadIn: lead, About: m.cell(x.head[col])}
		for _, r := range x.rows {
			if col >= len(r) || !ok(r[col]) {
				continue
			}
			c := r[col]
			it := Item{Span: c, Text: t[c.Start:c.End], Label: t[r[0].Start:r[0].End], LabelAt: r[0]}
			it.Sentences = m.p.sentences(c.Start, c.End)
			b.Items = append(b.Items, it)
		}
		if len(b.Items) == 0 {
			continue
		}
		b.Span = Span{x.head[col].Start, b.Items[len(b.Items)-1].End}
		out = append(out, b)
	}
	return out
}

// cell makes one sentence of a table cell (a lead-in).
func (m *mdParser) cell(sp Span) *Sentence {
	s := Sentence{Text: m.p.text[sp.Start:sp.End], Span: sp}
	for _, x := range m.p.sentences(sp.Start, sp.End) {
		s.Quotes = append(s.Quotes, x.Quotes...)
		s.Cites = txtSortedUnique(append(s.Cites, x.Cites...))
	}
	return &s
}
