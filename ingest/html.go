package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ParseHTML parses an HTML page: it finds the article body (<main>,
// <article>, [role=main], else the densest block of paragraph text), leaves
// out page furniture (navigation, site header and footer, sidebars, share
// buttons, cookie banners, bylines, scripts...), and builds the document
// from the body's headings, paragraphs, lists, block quotations and tables.
//
// Document.Text is the extracted article text, not the HTML source: the
// title first, blocks separated by blank lines, headings on lines of their
// own, list items one per line (nested items indented by two spaces). Every
// span points into it. Footnote markers (<sup>1</sup>, links to "#ref3",
// "[2-4]", "(1, 3)" after a word) are removed from the text and recorded in
// Sentence.Cites.
//
// It returns a *ParseError for a page larger than MaxArticleBytes, one that
// is not valid UTF-8 (when declared UTF-8 or not declared), one in a
// character set other than UTF-8, UTF-16 (with a byte-order mark),
// ISO-8859-1 or windows-1252, and one with no article text.
func ParseHTML(name string, src []byte) (*Document, error) {
	data, err := htmlDecode(name, src)
	if err != nil {
		return nil, err
	}
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		// x/net/html rejects pages nested deeper than 512 elements: flatten
		// the markup past a depth and try again.
		root, err = html.Parse(bytes.NewReader(htmlFlatten(data, 200)))
		if err != nil {
			return nil, &ParseError{File: name, Line: 1, Col: 1, Msg: "cannot parse the HTML: " + err.Error()}
		}
	}
	p := newHTMLPage(root)
	doc := p.document()
	if doc == nil {
		return nil, &ParseError{File: name, Line: 1, Col: 1, Msg: "no article text found"}
	}
	return doc, nil
}

// ---------------------------------------------------------------------------
// Source checks and character sets

var (
	htmlMetaCharset = regexp.MustCompile(`(?i)<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.()+-]+)`)
	htmlXMLEncoding = regexp.MustCompile(`^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_:.()+-]+)`)
)

// htmlDecode checks the page and returns it as UTF-8.
func htmlDecode(name string, src []byte) ([]byte, error) {
	if len(src) > MaxArticleBytes {
		return nil, &ParseError{File: name, Line: 1, Col: 1,
			Msg: fmt.Sprintf("page is %d bytes; the limit is %d bytes", len(src), MaxArticleBytes)}
	}
	data := src
	base := 0
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		data, base = src[3:], 3
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}), bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		out, err := xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM).NewDecoder().Bytes(src)
		if err != nil {
			return nil, txtParseError(name, src, 0, "invalid UTF-16")
		}
		return htmlCheckText(name, src, out, -1)
	default:
		cs, at := htmlDeclaredCharset(src)
		switch htmlCharsetKind(cs) {
		case "utf-8":
		case "windows-1252":
			out, err := charmap.Windows1252.NewDecoder().Bytes(src)
			if err != nil {
				return nil, txtParseError(name, src, at, fmt.Sprintf("cannot decode %s", cs))
			}
			return htmlCheckText(name, src, out, -1)
		default:
			return nil, txtParseError(name, src, at, fmt.Sprintf("charset %s is not supported", cs))
		}
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return nil, txtParseError(name, src, base+i, fmt.Sprintf("invalid UTF-8 (byte 0x%02x)", data[i]))
		}
		i += n
	}
	return htmlCheckText(name, src, data, base)
}

// htmlCheckText rejects a blank page and binary data. data is src from
// byte base on, or src converted to UTF-8 when base is -1 (its offsets are
// then not source offsets, and errors are reported at 0).
func htmlCheckText(name string, src, data []byte, base int) ([]byte, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, txtParseError(name, src, 0, "no article text found")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		off := base + i
		if base < 0 {
			off = 0
		}
		return nil, txtParseError(name, src, off, "binary data, not an HTML page")
	}
	return data, nil
}

// htmlDeclaredCharset finds the character set a page declares in a <meta>
// tag or an XML declaration near its start, and its offset ("" if none).
func htmlDeclaredCharset(src []byte) (string, int) {
	head := src
	if len(head) > 8192 {
		head = head[:8192]
	}
	if m := htmlXMLEncoding.FindSubmatchIndex(head); m != nil {
		return string(head[m[2]:m[3]]), m[2]
	}
	if m := htmlMetaCharset.FindSubmatchIndex(head); m != nil {
		return string(head[m[2]:m[3]]), m[2]
	}
	return "", 0
}

// htmlCharsetKind maps a charset label to "utf-8", "windows-1252" (which
// the web uses for ISO-8859-1 and ASCII too) or "" for the others.
func htmlCharsetKind(label string) string {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "", "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
		// a page that says UTF-16 without a byte-order mark is read as UTF-8
		"utf-16", "utf-16le", "utf-16be":
		return "utf-8"
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso_8859-1:1987", "latin1", "l1", "cp819", "ibm819",
		"windows-1252", "cp1252", "x-cp1252", "us-ascii", "ascii", "ansi_x3.4-1968", "iso-ir-100", "csisolatin1":
		return "windows-1252"
	}
	return ""
}

// htmlFlatten rewrites a page so that no more than max elements are open
// at once (by a simple count): start tags past that depth are dropped, and
// so are end tags that close nothing open.
func htmlFlatten(data []byte, max int) []byte {
	z := html.NewTokenizer(bytes.NewReader(data))
	var out bytes.Buffer
	var stack []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken:
			t := z.Token()
			if htmlVoid[t.DataAtom] {
				out.WriteString(t.String())
				continue
			}
			if len(stack) >= max {
				continue
			}
			stack = append(stack, t.Data)
			out.WriteString(t.String())
		case html.EndTagToken:
			t := z.Token()
			i := len(stack) - 1
			for i >= 0 && stack[i] != t.Data {
				i--
			}
			if i < 0 {
				continue
			}
			stack = stack[:i]
			out.WriteString(t.String())
		case html.CommentToken:
		default:
			out.Write(z.Raw())
		}
	}
}

var htmlVoid = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true,
}

// ---------------------------------------------------------------------------
// The page: what is furniture, where the article is

// htmlPage holds the parsed page and what has been worked out about its
// nodes.
type htmlPage struct {
	root      *html.Node
	body      *html.Node // the article body
	bodyText  int
	info      map[*html.Node]*hInfo // for every element
	titleNode *html.Node            // the <h1> used as the title
}

// hInfo is what the page knows about an element.
type hInfo struct {
	furn  int8 // htmlNotFurniture, htmlTagFurniture, htmlClassFurniture
	block bool // is or holds a block-level element
	hasH1 bool // holds an <h1>
	hasLi bool // holds an <li>
	hasA  bool // holds an <a>
	text  int  // non-space text bytes outside furniture
	links int  // of which inside links
	all   int  // non-space text bytes outside furniture by tag
}

// newHTMLPage works out, in one pass from the leaves up, what each element
// is: furniture or not, block-level or inline, how much text and link text
// it holds.
func newHTMLPage(root *html.Node) *htmlPage {
	count := 0
	htmlEach(root, func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			count++
		}
		return true
	})
	p := &htmlPage{root: root, info: make(map[*html.Node]*hInfo, count)}
	slab := make([]hInfo, count)
	type frame struct {
		n    *html.Node
		done bool
	}
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if !f.done {
			stack = append(stack, frame{n, true})
			for c := n.LastChild; c != nil; c = c.PrevSibling {
				if c.Type == html.ElementNode || c.Type == html.DocumentNode {
					stack = append(stack, frame{n: c})
				}
			}
			continue
		}
		if n.Type != html.ElementNode {
			continue
		}
		in := &slab[0]
		slab = slab[1:]
		in.block = htmlBlockTags[n.DataAtom]
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				k := htmlNonSpace(c.Data)
				in.text += k
				in.all += k
				if n.DataAtom == atom.A {
					in.links += k
				}
			case html.ElementNode:
				ci := p.info[c]
				in.block = in.block || ci.block
				in.hasH1 = in.hasH1 || ci.hasH1 || c.DataAtom == atom.H1
				in.hasLi = in.hasLi || ci.hasLi || c.DataAtom == atom.Li
				in.hasA = in.hasA || ci.hasA || c.DataAtom == atom.A
				if ci.furn != htmlTagFurniture {
					in.all += ci.all
				}
				if ci.furn != htmlNotFurniture {
					continue
				}
				in.text += ci.text
				if n.DataAtom == atom.A {
					in.links += ci.text
				} else {
					in.links += ci.links
				}
			}
		}
		p.info[n] = in
		in.furn = int8(p.furniture0(n, in))
	}
	return p
}

func (p *htmlPage) get(n *html.Node) *hInfo {
	if in := p.info[n]; in != nil {
		return in
	}
	return &hInfo{}
}

// furniture kinds
const (
	htmlNotFurniture = iota
	htmlTagFurniture
	htmlClassFurniture // by class, id or role: kept when it holds most of the article
)

var htmlSkipTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Script: true, atom.Style: true,
	atom.Noscript: true, atom.Template: true, atom.Form: true, atom.Button: true, atom.Svg: true,
	atom.Iframe: true, atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Label: true,
	atom.Canvas: true, atom.Object: true, atom.Embed: true, atom.Video: true, atom.Audio: true,
	atom.Map: true, atom.Img: true, atom.Picture: true, atom.Source: true, atom.Head: true,
	atom.Title: true, atom.Meta: true, atom.Link: true, atom.Dialog: true, atom.Math: true,
	atom.Figcaption: true, atom.Menu: true, atom.Option: true, atom.Datalist: true, atom.Output: true,
	atom.Progress: true, atom.Meter: true, atom.Track: true, atom.Area: true, atom.Base: true,
	atom.Param: true, atom.Frame: true, atom.Frameset: true, atom.Noframes: true, atom.Noembed: true,
	atom.Applet: true,
}

var htmlSkipRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
	"menu": true, "menubar": true, "toolbar": true, "dialog": true, "alertdialog": true,
}

// htmlFurnitureWords are class and id words that mark page furniture.
var htmlFurnitureWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "menus": true, "breadcrumb": true,
	"breadcrumbs": true, "share": true, "shares": true, "sharing": true, "sharebar": true, "sharethis": true,
	"addthis": true, "social": true, "cookie": true, "cookies": true, "consent": true, "gdpr": true,
	"banner": true, "footer": true, "sidebar": true, "related": true, "comment": true, "comments": true,
	"disqus": true, "newsletter": true, "subscribe": true, "subscription": true, "advert": true,
	"adverts": true, "advertisement": true, "advertising": true, "ad": true, "ads": true, "adsense": true,
	"adslot": true, "promo": true, "promos": true, "promotion": true, "promoted": true, "sponsored": true,
	"byline": true, "popup": true, "modal": true, "pagination": true, "pager": true, "toc": true,
	"caption": true, "credit": true, "credits": true, "masthead": true, "skiplink": true, "toolbar": true,
	"signup": true, "paywall": true,
}

// htmlClassTokens splits class or id values into lower-case words
// ("articleShareBar ad-slot" → article share bar ad slot).
func htmlClassTokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prevLower := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && prevLower {
				flush()
			}
			cur = append(cur, r)
			prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
		default:
			flush()
			prevLower = false
		}
	}
	flush()
	return out
}

// htmlFurnitureClass reports whether class or id words name page furniture.
func htmlFurnitureClass(v string) bool {
	toks := htmlClassTokens(v)
	for i, t := range toks {
		if htmlFurnitureWords[t] {
			return true
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1]
		}
		switch t {
		case "author":
			switch next {
			case "bio", "box", "info", "card", "profile", "byline", "details":
				return true
			}
		case "about":
			if next == "author" || next == "the" && i+2 < len(toks) && toks[i+2] == "author" {
				return true
			}
		case "sr", "screen":
			if next == "only" || next == "reader" {
				return true
			}
		case "visually":
			if next == "hidden" {
				return true
			}
		case "skip":
			if next == "link" || next == "to" {
				return true
			}
		case "post", "entry", "article":
			if next == "meta" || next == "tags" || next == "footer" {
				return true
			}
		case "read", "see":
			if next == "more" || next == "also" {
				return true
			}
		case "you", "also":
			if next == "may" || next == "might" || next == "like" {
				return true
			}
		}
	}
	return false
}

// htmlRefWords are class and id words of reference lists and footnotes.
var htmlRefWords = map[string]bool{
	"references": true, "reflist": true, "refs": true, "footnotes": true, "endnotes": true,
	"citations": true, "bibliography": true, "sources": true, "workscited": true,
}

// htmlAttr returns the value of attribute key ("" if absent).
func htmlAttr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

func htmlHasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return true
		}
	}
	return false
}

// htmlIsRefContainer reports whether an element holds the reference list or the
// footnotes (by its id or class).
func htmlIsRefContainer(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if len(n.Attr) == 0 {
		return false
	}
	toks := htmlClassTokens(htmlAttr(n, "id") + " " + htmlAttr(n, "class"))
	for i, t := range toks {
		if htmlRefWords[t] || t == "works" && i+1 < len(toks) && toks[i+1] == "cited" {
			return true
		}
	}
	return false
}

// furniture says whether an element is page furniture by its own tag and
// attributes (whatever it contains).
func (p *htmlPage) furniture(n *html.Node) int {
	if n.Type != html.ElementNode {
		return htmlNotFurniture
	}
	return int(p.get(n).furn)
}

func (p *htmlPage) furniture0(n *html.Node, in *hInfo) int {
	if n.Namespace != "" {
		return htmlTagFurniture
	}
	if htmlIsRefContainer(n) && n.DataAtom != atom.Script && n.DataAtom != atom.Style && n.DataAtom != atom.Template {
		return htmlNotFurniture
	}
	if htmlSkipTags[n.DataAtom] {
		return htmlTagFurniture
	}
	if n.DataAtom == atom.Header && !in.hasH1 {
		return htmlTagFurniture
	}
	if htmlHasAttr(n, "hidden") || strings.EqualFold(htmlAttr(n, "aria-hidden"), "true") {
		return htmlTagFurniture
	}
	if st := strings.ToLower(strings.ReplaceAll(htmlAttr(n, "style"), " ", "")); strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
		return htmlTagFurniture
	}
	if htmlSkipRoles[strings.ToLower(strings.TrimSpace(htmlAttr(n, "role")))] {
		return htmlClassFurniture
	}
	if htmlFurnitureClass(htmlAttr(n, "class")) || htmlFurnitureClass(htmlAttr(n, "id")) {
		return htmlClassFurniture
	}
	return htmlNotFurniture
}

// htmlEach visits the descendants of n in document order (iteratively);
// visit returns false to skip a node's children.
func htmlEach(n *html.Node, visit func(*html.Node) bool) {
	stack := []*html.Node{}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		stack = append(stack, c)
	}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(c) {
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

// skip reports whether the walker leaves an element out: furniture, unless
// it is the body itself or (by class) holds most of the body's text.
func (p *htmlPage) skip(n *html.Node) bool {
	if n == p.body {
		return false
	}
	switch p.furniture(n) {
	case htmlTagFurniture:
		return true
	case htmlClassFurniture:
		if t := p.get(n).all; p.body != nil && t > 200 && t*2 > p.bodyText {
			return false
		}
		return true
	}
	return false
}

// htmlNonSpace counts the bytes of s that are not white space.
func htmlNonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u00a0' {
			n += utf8.RuneLen(r)
		}
	}
	return n
}

// clean returns the text bytes (not white space) of n outside furniture.
func (p *htmlPage) clean(n *html.Node) int {
	if n.Type == html.TextNode {
		return htmlNonSpace(n.Data)
	}
	return p.get(n).text
}

func (p *htmlPage) linkText(n *html.Node) int { return p.get(n).links }

// htmlBlockTags are the elements that start a block of their own.
var htmlBlockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Table: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Nav: true, atom.Aside: true, atom.Figure: true,
	atom.Pre: true, atom.Hr: true, atom.Li: true, atom.Form: true, atom.Address: true, atom.Details: true,
	atom.Fieldset: true, atom.Hgroup: true, atom.Center: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Caption: true, atom.Summary: true,
	atom.Body: true, atom.Html: true, atom.Menu: true, atom.Dialog: true,
}

// hasBlock reports whether n is or holds a block-level element.
func (p *htmlPage) hasBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && p.get(n).block
}

// hasBlockChild reports whether a child of n is or holds a block element.
func (p *htmlPage) hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && !p.skip(c) && p.hasBlock(c) {
			return true
		}
	}
	return false
}

// findBody picks the article body: the largest <main>, <article> or
// [role=main] (an inner one when it holds most of the outer one's text),
// else the element with the most paragraph text for its link text.
func (p *htmlPage) findBody() *html.Node {
	var cands []*html.Node
	var body *html.Node
	htmlEach(p.root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return n.Type == html.DocumentNode
		}
		if n.DataAtom == atom.Body && body == nil {
			body = n
		}
		if n.DataAtom == atom.Main || n.DataAtom == atom.Article || strings.EqualFold(strings.TrimSpace(htmlAttr(n, "role")), "main") {
			if p.furniture(n) != htmlTagFurniture {
				cands = append(cands, n)
			}
			return true
		}
		return p.furniture(n) == htmlNotFurniture
	})
	if body == nil {
		body = p.root
	}
	// sized by their text outside furniture tags: a content wrapper
	// with a furniture class may hold the article (see skip)
	size := func(n *html.Node) int { return p.get(n).all }
	var best *html.Node
	for _, c := range cands {
		if best == nil || size(c) > size(best) {
			best = c
		}
	}
	for best != nil {
		var inner *html.Node
		for _, c := range cands {
			if c != best && htmlContains(best, c) && size(c)*10 >= size(best)*6 && (inner == nil || size(c) > size(inner)) {
				inner = c
			}
		}
		if inner == nil {
			break
		}
		best = inner
	}
	if best != nil && size(best) >= 100 {
		// Broken markup can close the article early ("</div>" too many):
		// when much of the page's text is outside it, mostly in paragraphs
		// rather than links, the article is the whole page.
		out := p.clean(body) - p.clean(best)
		outLinks := p.linkText(body) - p.linkText(best)
		if best != body && out*2 >= p.clean(best) && outLinks*10 < out*3 && p.paraTextOutside(body, best)*2 >= out {
			return body
		}
		return best
	}
	dense := p.densest(body)
	if best != nil && size(best)*3 >= p.clean(dense) {
		return best
	}
	return dense
}

// paraTextOutside counts the paragraph text (not links) under root and
// outside furniture that is not inside n.
func (p *htmlPage) paraTextOutside(root, n *html.Node) int {
	t := 0
	htmlEach(root, func(c *html.Node) bool {
		if c == n || c.Type != html.ElementNode || p.furniture(c) != htmlNotFurniture {
			return false
		}
		if c.DataAtom == atom.P {
			t += p.clean(c) - p.linkText(c)
			return false
		}
		return true
	})
	return t
}

func htmlContains(outer, n *html.Node) bool {
	for c := n.Parent; c != nil; c = c.Parent {
		if c == outer {
			return true
		}
	}
	return false
}

// densest finds the element under root with the most paragraph text (each
// paragraph counts fully for its parent and half for its grandparent),
// weighed down by its share of link text; root when there is none.
func (p *htmlPage) densest(root *html.Node) *html.Node {
	score := map[*html.Node]float64{}
	var order []*html.Node
	htmlEach(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return false
		}
		if p.furniture(n) != htmlNotFurniture {
			return false
		}
		order = append(order, n)
		switch n.DataAtom {
		case atom.P, atom.Pre:
			t := float64(p.clean(n) - p.linkText(n))
			if t >= 25 && n.Parent != nil {
				score[n.Parent] += t
				if gp := n.Parent.Parent; gp != nil {
					score[gp] += t / 2
				}
			}
			return false
		}
		direct := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				direct += htmlNonSpace(c.Data)
			}
		}
		if direct >= 80 {
			score[n] += float64(direct)
		}
		return true
	})
	final := func(n *html.Node) float64 {
		t := p.clean(n)
		if t == 0 {
			return 0
		}
		return score[n] * (1 - float64(p.linkText(n))/float64(t))
	}
	var best *html.Node
	bs := 0.0
	for _, n := range order {
		if s := final(n); s > bs {
			best, bs = n, s
		}
	}
	if best == nil {
		return root
	}
	// an article split over sibling blocks: take their parent
	if par := best.Parent; par != nil && par.Type == html.ElementNode && par != root.Parent {
		for c := par.FirstChild; c != nil; c = c.NextSibling {
			if c != best && c.Type == html.ElementNode && p.furniture(c) == htmlNotFurniture && final(c) >= 0.3*bs {
				return par
			}
		}
	}
	return best
}

// ---------------------------------------------------------------------------
// Inline text

// hMark is a footnote marker removed from a run of text at byte pos.
type hMark struct {
	pos  int
	nums []int
}

// hRun is a line of extracted text with its footnote markers.
type hRun struct {
	text  string
	marks []hMark
	href  string // the first web link on the line (for reference entries)
}

// hInl collects the inline text of a block: white space collapsed,
// footnote markers taken out, and (in line mode) <br> as line breaks.
type hInl struct {
	lineMode bool
	paras    [][]hRun // finished paragraphs (line mode)
	lines    []hRun   // finished lines of the current paragraph
	cur      strings.Builder
	marks    []hMark
	pending  bool // a space is due before the next character
	gap      bool // a marker was taken out where a space was due
	pre      int  // inside <pre>
	inLink   int
	href     string // the first web link on the current line
	total    int    // non-space bytes written
	link     int    // of which inside links
	// the first <strong>/<b> when it starts the text: [0, labelEnd)
	strongOpen bool
	strongSeen bool
	labelEnd   int
}

func newInl(lineMode bool) *hInl { return &hInl{lineMode: lineMode, labelEnd: -1} }

// text appends text, collapsing white space.
func (b *hInl) text(s string) {
	for _, r := range s {
		if r == '\n' && b.pre > 0 && b.lineMode {
			b.br()
			continue
		}
		if unicode.IsSpace(r) || r == '\u00a0' {
			if b.cur.Len() > 0 {
				b.pending = true
			}
			continue
		}
		if r < 0x20 || r == 0x7f || r == '\u00ad' || r == '\u200b' || r == '\ufeff' || (r >= 0x80 && r < 0xa0) {
			continue
		}
		if b.pending {
			if !(b.gap && strings.ContainsRune(".,;:!?)]", r)) {
				b.cur.WriteByte(' ')
			}
			b.pending, b.gap = false, false
		}
		b.cur.WriteRune(r)
		n := utf8.RuneLen(r)
		b.total += n
		if b.inLink > 0 {
			b.link += n
		}
	}
}

// space makes sure a space separates what comes next (block boundaries
// inside a list item or a heading).
func (b *hInl) space() {
	if b.cur.Len() > 0 {
		b.pending = true
	}
}

// br is a line break: a new line in line mode, else a space. Two breaks in
// a row end a paragraph.
func (b *hInl) br() {
	if !b.lineMode {
		b.space()
		return
	}
	if b.cur.Len() == 0 {
		if len(b.lines) > 0 {
			b.paras = append(b.paras, b.lines)
			b.lines = nil
		}
		b.marks = nil
		return
	}
	b.lines = append(b.lines, hRun{text: b.cur.String(), marks: b.marks, href: b.href})
	b.href = ""
	b.cur.Reset()
	b.marks = nil
	b.pending, b.gap = false, false
}

// brk ends a line at a block boundary.
func (b *hInl) brk() {
	if b.lineMode {
		b.br()
		b.br()
		return
	}
	b.space()
}

// mark records a footnote marker at the current position.
func (b *hInl) mark(nums []int) {
	b.marks = append(b.marks, hMark{pos: b.cur.Len(), nums: nums})
	if b.pending {
		b.gap = true
	}
}

// last returns the last rune written on the current line (0 if none) and
// whether a space is due.
func (b *hInl) last() (rune, bool) {
	s := b.cur.String()
	if s == "" {
		return 0, b.pending
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r, b.pending
}

// finish returns the paragraphs (line mode).
func (b *hInl) finish() [][]hRun {
	b.br()
	b.br()
	return b.paras
}

// single returns the text as one run (not line mode).
func (b *hInl) single() hRun {
	return hRun{text: b.cur.String(), marks: b.marks, href: b.href}
}

// ---------------------------------------------------------------------------
// Footnote markers

var (
	htmlCiteRe     = regexp.MustCompile(`^[\[(]?\s*(\d{1,3}(?:\s*[-–—,;]\s*\d{1,3})*)\s*[\])]?$`)
	htmlBracketRe  = regexp.MustCompile(`\[(\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\]`)
	htmlParenRe    = regexp.MustCompile(`\((\d{1,3}(?:\s*[-–,]\s*\d{1,3})*)\)`)
	htmlSuperRe    = regexp.MustCompile(`[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[,⁻–-][¹²³⁴⁵⁶⁷⁸⁹⁰]+)*`)
	htmlUnitBefore = regexp.MustCompile(`(?:^|[^\p{L}])(?:m|cm|mm|km|µm|ft|in|kg/m|mg/m|m/s)$`)
	htmlNotCiteRe  = regexp.MustCompile(`(?i)\b(?:table|figure|fig|step|stage|type|grade|phase|level|class|schedule|category|number|no|part|chapter|section|version|day|week|month|year|dose|option|group)$`)
)

// htmlTail returns about the last n bytes of s (from a rune boundary), with
// a leading space when it is cut so that a word-boundary test still sees
// where the cut word starts.
func htmlTail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	k := len(s) - n
	for k < len(s) && !utf8.RuneStart(s[k]) {
		k++
	}
	return "\x00" + s[k:]
}

// htmlCiteNums parses "1, 3", "2-4", "[5]" into sorted unique numbers.
func htmlCiteNums(s string) []int {
	var out []int
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		lo, hi := part, ""
		for _, d := range []string{"-", "–", "—"} {
			if i := strings.Index(part, d); i > 0 {
				lo, hi = strings.TrimSpace(part[:i]), strings.TrimSpace(part[i+len(d):])
				break
			}
		}
		a, err := strconv.Atoi(lo)
		if err != nil {
			continue
		}
		if hi == "" {
			out = append(out, a)
			continue
		}
		z, err := strconv.Atoi(hi)
		if err != nil || z < a || z-a > 50 {
			out = append(out, a)
			if err == nil {
				out = append(out, z)
			}
			continue
		}
		for k := a; k <= z; k++ {
			out = append(out, k)
		}
	}
	out = slices.DeleteFunc(out, func(n int) bool { return n < 1 }) // numbers start at 1
	slices.Sort(out)
	return slices.Compact(out)
}

const htmlSuperDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹"

func htmlSuperToASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		if i := strings.IndexRune(htmlSuperDigits, r); i >= 0 {
			b.WriteByte('0' + byte(utf8.RuneCountInString(htmlSuperDigits[:i])))
		} else if r == '⁻' || r == '–' {
			b.WriteByte('-')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// htmlStripPlainCites takes the markers written as text out of a run:
// "[1]", "[2-4]" after a word or punctuation, "(1, 3)" right after a word,
// superscript digits glued to a word.
func htmlStripPlainCites(r hRun) hRun {
	t := r.text
	if !strings.ContainsAny(t, "[(¹²³⁴⁵⁶⁷⁸⁹⁰") {
		return r
	}
	type cut struct {
		s, e int // removed [s, e)
		nums []int
	}
	var cuts []cut
	prevOK := func(i int, paren bool) (int, bool) {
		// skip spaces before the marker
		j := i
		for j > 0 && t[j-1] == ' ' {
			j--
		}
		if j == 0 {
			return j, false
		}
		p, _ := utf8.DecodeLastRuneInString(t[:j])
		if paren {
			if i-j > 1 {
				return j, false
			}
			if htmlNotCiteRe.MatchString(htmlTail(t[:j], 16)) {
				return j, false
			}
			return j, unicode.IsLetter(p) || strings.ContainsRune(".)”’\"", p)
		}
		return j, unicode.IsLetter(p) || unicode.IsDigit(p) || strings.ContainsRune(".,;:!?)”’\"%", p)
	}
	nextOK := func(e int, multi, paren bool) bool {
		if e >= len(t) {
			return true
		}
		n, _ := utf8.DecodeRuneInString(t[e:])
		if strings.ContainsRune(".,;:!?)]”’\"", n) {
			return true
		}
		if paren && !multi {
			return false
		}
		return n == ' ' || !paren
	}
	for _, m := range htmlBracketRe.FindAllStringSubmatchIndex(t, -1) {
		j, ok := prevOK(m[0], false)
		nums := htmlCiteNums(t[m[2]:m[3]])
		if !ok || !nextOK(m[1], true, false) || len(nums) == 0 {
			continue
		}
		cuts = append(cuts, cut{j, m[1], nums})
	}
	for _, m := range htmlParenRe.FindAllStringSubmatchIndex(t, -1) {
		inner := t[m[2]:m[3]]
		multi := strings.ContainsAny(inner, ",-–")
		j, ok := prevOK(m[0], true)
		if !ok || !nextOK(m[1], multi, true) {
			continue
		}
		nums := htmlCiteNums(inner)
		if len(nums) == 0 || nums[len(nums)-1] > 300 || nums[0] == 0 {
			continue
		}
		cuts = append(cuts, cut{j, m[1], nums})
	}
	for _, m := range htmlSuperRe.FindAllStringIndex(t, -1) {
		if m[0] == 0 {
			continue
		}
		p, _ := utf8.DecodeLastRuneInString(t[:m[0]])
		if !(unicode.IsLetter(p) || strings.ContainsRune(".,;:)”’\"", p)) || htmlUnitBefore.MatchString(htmlTail(t[:m[0]], 8)) {
			continue
		}
		if nums := htmlCiteNums(htmlSuperToASCII(t[m[0]:m[1]])); len(nums) > 0 {
			cuts = append(cuts, cut{m[0], m[1], nums})
		}
	}
	if len(cuts) == 0 {
		return r
	}
	slices.SortFunc(cuts, func(a, b cut) int { return a.s - b.s })
	var out strings.Builder
	var marks []hMark
	old := slices.Clone(r.marks)
	pos, mi := 0, 0
	emitOld := func(upto int, incl bool) {
		for mi < len(old) && (old[mi].pos < upto || incl && old[mi].pos == upto) {
			marks = append(marks, hMark{pos: out.Len() + old[mi].pos - pos, nums: old[mi].nums})
			mi++
		}
	}
	for _, c := range cuts {
		if c.s < pos {
			continue // overlapping
		}
		emitOld(c.s, true)
		out.WriteString(t[pos:c.s])
		// markers inside the cut move to its start
		for mi < len(old) && old[mi].pos <= c.e {
			marks = append(marks, hMark{pos: out.Len(), nums: old[mi].nums})
			mi++
		}
		marks = append(marks, hMark{pos: out.Len(), nums: c.nums})
		pos = c.e
		// keep one space between words: "pain [1] and" → "pain and"
		if c.s < len(t) && pos < len(t) {
			n, _ := utf8.DecodeRuneInString(t[pos:])
			hadSpace := c.s < len(t) && t[c.s] == ' '
			if hadSpace && n != ' ' && !strings.ContainsRune(".,;:!?)]”’\"", n) {
				out.WriteByte(' ')
			}
		}
	}
	emitOld(len(t)+1, true)
	out.WriteString(t[pos:])
	return hRun{text: out.String(), marks: marks}
}

// ---------------------------------------------------------------------------
// Walking the body into blocks

type hKind int

const (
	hHeading hKind = iota
	hPara
	hList
	hQuote
)

// hElem is a block found in the body, before the text is laid out.
type hElem struct {
	kind     hKind
	level    int    // heading level
	lines    []hRun // heading (one), paragraph and quote lines
	items    []*hItem
	ordered  bool
	refs     bool
	refCtx   bool  // inside a references/footnotes container
	lead     *hRun // a table header cell that introduces the list
	about    *hRun // a comparison table's column header: what the items are about
	leadPrev bool  // the previous paragraph's last sentence introduces the list
	attr     *hRun // quote attribution
	title    bool  // the <h1> used as the title
	allLink  bool  // all its text is link text
	drop     bool
}

// hItem is a list item before layout.
type hItem struct {
	run      hRun
	labelEnd int // the label is run.text[:labelEnd] when > 0
	descAt   int // the description starts at run.text[descAt:]
	number   int
	ordered  bool
	id       string
	tail     string // text on the item's line after the item (table rows)
	allLink  bool
	children []*hElem
}

type htmlWalker struct {
	p      *htmlPage
	elems  []*hElem
	anon   *hInl // inline content directly in a container
	refCtx int
}

func (w *htmlWalker) add(e *hElem) {
	e.refCtx = e.refCtx || w.refCtx > 0
	w.elems = append(w.elems, e)
}

func (w *htmlWalker) inl() *hInl {
	if w.anon == nil {
		w.anon = newInl(true)
	}
	return w.anon
}

// flush ends the anonymous paragraph.
func (w *htmlWalker) flush() {
	if w.anon != nil {
		b := w.anon
		w.anon = nil
		w.emitPara(b)
	}
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.child(c)
	}
}

func htmlHeadingLevel(a atom.Atom) int {
	switch a {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

func (w *htmlWalker) child(c *html.Node) {
	switch c.Type {
	case html.TextNode:
		w.inl().text(c.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if w.p.skip(c) {
		return
	}
	if c != w.p.body && htmlIsRefContainer(c) {
		w.refCtx++
		defer func() { w.refCtx-- }()
	}
	switch {
	case c.DataAtom == atom.P && w.p.hasBlockChild(c):
		// "<p>text<table>..." in quirks mode: a container
		w.flush()
		w.children(c)
		w.flush()
	case c.DataAtom == atom.P || c.DataAtom == atom.Pre:
		w.flush()
		b := newInl(true)
		if c.DataAtom == atom.Pre {
			b.pre++
		}
		w.inline(b, c, nil)
		w.emitPara(b)
	case htmlHeadingLevel(c.DataAtom) > 0:
		w.flush()
		w.heading(c)
	case c.DataAtom == atom.Ul || c.DataAtom == atom.Ol:
		w.flush()
		if e := w.list(c); e != nil {
			w.add(e)
		}
	case c.DataAtom == atom.Dl:
		w.flush()
		w.dl(c)
	case c.DataAtom == atom.Blockquote:
		w.flush()
		w.quote(c, nil)
	case c.DataAtom == atom.Table:
		w.flush()
		w.table(c)
	case c.DataAtom == atom.Figure:
		w.flush()
		w.figure(c)
	case c.DataAtom == atom.Hr:
		w.flush()
	case c.DataAtom == atom.Br:
		w.inl().br()
	case htmlBlockTags[c.DataAtom] || w.p.hasBlock(c):
		w.flush()
		w.children(c)
		w.flush()
	default:
		w.inlineNode(w.inl(), c, nil)
	}
}

// inline appends the inline content of n's children to b. Nested lists go
// to onList when it is set.
func (w *htmlWalker) inline(b *hInl, n *html.Node, onList func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.inlineNode(b, c, onList)
	}
}

func (w *htmlWalker) inlineNode(b *hInl, c *html.Node, onList func(*html.Node)) {
	switch c.Type {
	case html.TextNode:
		b.text(c.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if w.p.skip(c) {
		return
	}
	switch c.DataAtom {
	case atom.Br:
		b.br()
	case atom.Sup:
		if w.cite(b, c) {
			return
		}
		w.inline(b, c, onList)
	case atom.A:
		if htmlBacklink(c) || w.cite(b, c) {
			return
		}
		if h := strings.TrimSpace(htmlAttr(c, "href")); b.href == "" && htmlWebLink.MatchString(h) {
			b.href = h
		}
		b.inLink++
		w.inline(b, c, onList)
		b.inLink--
	case atom.Strong, atom.B:
		first := !b.strongSeen && b.cur.Len() == 0 && len(b.lines) == 0 && len(b.paras) == 0
		b.strongSeen = true
		w.inline(b, c, onList)
		if first {
			b.labelEnd = b.cur.Len()
		}
	case atom.Pre:
		b.pre++
		b.brk()
		w.inline(b, c, onList)
		b.brk()
		b.pre--
	case atom.Ul, atom.Ol:
		if onList != nil {
			onList(c)
			return
		}
		b.brk()
		w.inline(b, c, onList)
		b.brk()
	default:
		if htmlBlockTags[c.DataAtom] {
			b.brk()
			w.inline(b, c, onList)
			b.brk()
			return
		}
		w.inline(b, c, onList)
	}
}

// htmlShortText returns the collapsed text of n, up to about max bytes.
func htmlShortText(n *html.Node, max int) string {
	var b strings.Builder
	htmlEach(n, func(c *html.Node) bool {
		if b.Len() > max {
			return false
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return c.Type == html.ElementNode && c.DataAtom != atom.Script && c.DataAtom != atom.Style
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

var htmlBackRe = regexp.MustCompile(`(?i)^(?:back|return|jump up|back to (?:text|content|top|article)|go back)$`)

// htmlBacklink reports whether a is a footnote's link back to the text
// ("↩", "^", "Back").
func htmlBacklink(a *html.Node) bool {
	href := htmlAttr(a, "href")
	if !strings.HasPrefix(href, "#") {
		return false
	}
	t := htmlShortText(a, 40)
	if htmlBackRe.MatchString(t) {
		return true
	}
	for _, r := range t {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return t != "" || strings.Contains(strings.ToLower(htmlAttr(a, "class")), "back")
}

// cite takes a footnote marker element (<sup>1</sup>, <a href="#ref3">3</a>)
// out of the text and records it. It reports whether c was a marker.
func (w *htmlWalker) cite(b *hInl, c *html.Node) bool {
	t := htmlShortText(c, 40)
	m := htmlCiteRe.FindStringSubmatch(t)
	hasLink := c.DataAtom == atom.A || w.p.get(c).hasA
	if m == nil {
		// "[citation needed]" and the like
		if c.DataAtom == atom.Sup && hasLink && strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") && len(t) < 40 {
			b.mark(nil)
			return true
		}
		return false
	}
	nums := htmlCiteNums(m[1])
	if len(nums) == 0 {
		return false
	}
	last, pend := b.last()
	switch c.DataAtom {
	case atom.Sup:
		if !hasLink && !pend && (unicode.IsDigit(last) || htmlUnitBefore.MatchString(htmlTail(b.cur.String(), 8))) {
			// an exponent: 10^6, m^2
			b.text("^" + t)
			return true
		}
	case atom.A:
		href := htmlAttr(c, "href")
		frag := strings.HasPrefix(href, "#") || strings.Contains(href, "#cite") || strings.Contains(href, "#ref") || strings.Contains(href, "#fn")
		glued := !pend && (unicode.IsLetter(last) || strings.ContainsRune(".,;:)”’\"", last))
		if !frag && !glued {
			return false
		}
		if last == 0 {
			return false
		}
	}
	b.mark(nums)
	return true
}

var (
	htmlCookieRe = regexp.MustCompile(`(?i)\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:policy|settings|preferences)\b`)
	htmlBoilerRe = regexp.MustCompile(`(?i)^(?:related\s*(?::|$)|related\s+(?:articles?|posts?|stories|reading|content|topics|links|resources|pages|news|information)\b|recommended(?:\s+(?:for you|articles?|reading))?\s*:?$|more (?:on|about)\b[^.!?]{0,60}$|(?:share|tweet|pin|email) (?:this|on)\b|sign up\b|subscribe\b|advertisement$|print$|you (?:may|might) also\b|also read\b|keep reading\b|continue reading\b|trending\b[^.!?]*$|most popular\b[^.!?]*$|comments?(?:\s*\(\d+\))?$|(?:leave|post|add) a (?:comment|reply)\b)`)
)

// htmlIsBoiler reports whether a short line is page furniture.
func htmlIsBoiler(s string) bool {
	if txtIsBoilerLine(s) {
		return true
	}
	s = txtTrimSpace(s)
	if len(s) > 160 {
		return false
	}
	return htmlBoilerRe.MatchString(s) || htmlCookieRe.MatchString(s)
}

// emitPara turns collected inline text into paragraphs, leaving out
// furniture lines.
func (w *htmlWalker) emitPara(b *hInl) {
	allLink := b.total > 0 && b.link*10 >= b.total*9 && b.total <= 150
	for _, para := range b.finish() {
		var lines []hRun
		for _, l := range para {
			if htmlIsBoiler(l.text) {
				continue
			}
			lines = append(lines, l)
		}
		if len(lines) == 0 {
			continue
		}
		all := strings.Join(htmlRunTexts(lines), " ")
		if len(all) < 600 && htmlCookieRe.MatchString(all) {
			continue
		}
		w.add(&hElem{kind: hPara, lines: lines, allLink: allLink})
	}
}

func htmlRunTexts(rs []hRun) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.text
	}
	return out
}

// heading reads a heading. Broken markup can leave blocks inside one
// ("<h2>Title<p>text..."): the heading is the inline text before the first
// block, and the blocks follow it.
func (w *htmlWalker) heading(c *html.Node) {
	b := newInl(false)
	var rest *html.Node
	for ch := c.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && w.p.hasBlock(ch) && !w.p.skip(ch) {
			rest = ch
			break
		}
		w.inlineNode(b, ch, nil)
	}
	if r := b.single(); r.text != "" {
		e := &hElem{kind: hHeading, level: htmlHeadingLevel(c.DataAtom), lines: []hRun{r}}
		if e.level == 1 && w.p.titleNode == nil {
			w.p.titleNode = c
			e.title = true
		}
		w.add(e)
	}
	for ch := rest; ch != nil; ch = ch.NextSibling {
		w.child(ch)
	}
	w.flush()
}

// list reads a <ul> or <ol>.
func (w *htmlWalker) list(n *html.Node) *hElem {
	e := &hElem{kind: hList, ordered: n.DataAtom == atom.Ol, refCtx: w.refCtx > 0}
	num := 1
	if v, err := strconv.Atoi(strings.TrimSpace(htmlAttr(n, "start"))); err == nil {
		num = v
	}
	var walk func(parent *html.Node)
	walk = func(parent *html.Node) {
		for c := parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || w.p.skip(c) {
				continue
			}
			if c.DataAtom != atom.Li {
				if w.p.get(c).hasLi && c.DataAtom != atom.Ul && c.DataAtom != atom.Ol {
					walk(c)
					continue
				}
				if c.DataAtom == atom.Ul || c.DataAtom == atom.Ol {
					// a list directly inside a list: children of the previous item
					if ce := w.list(c); ce != nil {
						if k := len(e.items); k > 0 {
							e.items[k-1].children = append(e.items[k-1].children, ce)
						} else {
							e.items = append(e.items, ce.items...)
						}
					}
					continue
				}
			}
			if v, err := strconv.Atoi(strings.TrimSpace(htmlAttr(c, "value"))); err == nil && c.DataAtom == atom.Li {
				num = v
			}
			it := &hItem{number: num, ordered: e.ordered, id: htmlAttr(c, "id")}
			num++
			b := newInl(false)
			w.inline(b, c, func(l *html.Node) {
				if ce := w.list(l); ce != nil {
					it.children = append(it.children, ce)
				}
			})
			it.run = b.single()
			it.allLink = b.total > 0 && b.link*10 >= b.total*9
			htmlItemLabel(it, b.labelEnd)
			if it.run.text == "" {
				// an item that only holds a list: hoist its items
				for _, ce := range it.children {
					e.items = append(e.items, ce.items...)
				}
				continue
			}
			e.items = append(e.items, it)
		}
	}
	walk(n)
	if len(e.items) == 0 {
		return nil
	}
	e.allLink = true
	for _, it := range e.items {
		if !it.allLink {
			e.allLink = false
		}
	}
	return e
}

// htmlItemLabel sets the label of a "<strong>Label:</strong> description"
// or "Label: description" item.
func htmlItemLabel(it *hItem, strongEnd int) {
	t := it.run.text
	if strongEnd > 0 && strongEnd < len(t) {
		label := strings.TrimRight(t[:strongEnd], " ")
		rest := t[strongEnd:]
		sep := -1
		switch {
		case strings.HasSuffix(label, ":"):
			label = strings.TrimRight(strings.TrimSuffix(label, ":"), " ")
			sep = strongEnd
		case strings.HasPrefix(strings.TrimLeft(rest, " "), ":"):
			sep = strongEnd + strings.Index(rest, ":") + 1
		case strings.HasSuffix(label, ".") && !strings.HasSuffix(label, "..") && len(strings.Fields(label)) <= 6 && strings.TrimSpace(rest) != "":
			// "<strong>Oils and tinctures.</strong> Drops held under the tongue ..."
			label = strings.TrimSuffix(label, ".")
			sep = strongEnd
		default:
			for _, d := range []string{" – ", " — ", " - ", "– ", "— "} {
				if strings.HasPrefix(rest, d) || strings.HasPrefix(rest, strings.TrimLeft(d, " ")) {
					sep = strongEnd + strings.Index(rest, strings.TrimSpace(d)) + len(strings.TrimSpace(d))
					break
				}
			}
		}
		if sep > 0 && label != "" && len(strings.Fields(label)) <= 12 {
			ds, de := txtTrimSpan(t, sep, len(t))
			if ds < de {
				it.labelEnd, it.descAt = len(label), ds
				return
			}
		}
	}
	if ls, le, ok := txtLabel(t, 0, len(t)); ok && ls == 0 {
		colon := le + strings.IndexByte(t[le:], ':') + 1
		ds, _ := txtTrimSpan(t, colon, len(t))
		it.labelEnd, it.descAt = le, ds
	}
}

// dl reads a definition list as a list of "term: description" items.
func (w *htmlWalker) dl(n *html.Node) {
	e := &hElem{kind: hList}
	var cur *hItem
	hasDD := false
	var walk func(parent *html.Node)
	walk = func(parent *html.Node) {
		for c := parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || w.p.skip(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Dt, atom.Dd:
				b := newInl(false)
				w.inline(b, c, nil)
				r := b.single()
				if r.text == "" {
					continue
				}
				if c.DataAtom == atom.Dt {
					r.text = strings.TrimRight(strings.TrimSuffix(r.text, ":"), " ")
					cur = &hItem{run: r, labelEnd: len(r.text)}
					e.items = append(e.items, cur)
					hasDD = false
					continue
				}
				if cur == nil {
					e.items = append(e.items, &hItem{run: r})
					continue
				}
				sep := ": "
				if hasDD {
					sep = "; "
				}
				if !hasDD {
					cur.descAt = len(cur.run.text) + len(sep)
				}
				cur.run = htmlJoinRuns(cur.run, sep, r)
				hasDD = true
			default:
				walk(c)
			}
		}
	}
	walk(n)
	for _, it := range e.items {
		if it.descAt == 0 {
			it.labelEnd = 0 // a term without a description is just an item
		}
	}
	if len(e.items) > 0 {
		w.add(e)
	}
}

func htmlJoinRuns(a hRun, sep string, b hRun) hRun {
	out := hRun{text: a.text + sep + b.text, marks: slices.Clone(a.marks)}
	off := len(a.text) + len(sep)
	for _, m := range b.marks {
		out.marks = append(out.marks, hMark{pos: m.pos + off, nums: m.nums})
	}
	return out
}

var htmlDashRe = regexp.MustCompile(`^(?:[—–―~]|--?)\s*`)

// quote reads a <blockquote>; caption is the <figcaption> of the figure it
// is in (its attribution), or nil.
func (w *htmlWalker) quote(n *html.Node, caption *html.Node) {
	sub := &htmlWalker{p: w.p, refCtx: w.refCtx}
	var attr *hRun
	var lastEl *html.Node
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			lastEl = c
			break
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			break
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Footer || c.DataAtom == atom.Cite && c == lastEl) {
			b := newInl(false)
			w.inline(b, c, nil)
			if r := b.single(); r.text != "" {
				attr = &r
			}
			continue
		}
		sub.child(c)
	}
	sub.flush()
	var lines []hRun
	for _, e := range sub.elems {
		switch e.kind {
		case hList:
			var items func(e *hElem)
			items = func(e *hElem) {
				for _, it := range e.items {
					lines = append(lines, it.run)
					for _, c := range it.children {
						items(c)
					}
				}
			}
			items(e)
		default:
			lines = append(lines, e.lines...)
			if e.attr != nil {
				lines = append(lines, *e.attr)
			}
		}
	}
	if attr == nil && caption != nil {
		b := newInl(false)
		w.inline(b, caption, nil)
		if r := b.single(); r.text != "" {
			attr = &r
		}
	}
	if attr == nil && len(lines) > 1 && htmlDashRe.MatchString(lines[len(lines)-1].text) {
		attr = &lines[len(lines)-1]
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		if attr != nil {
			w.add(&hElem{kind: hPara, lines: []hRun{*attr}})
		}
		return
	}
	w.add(&hElem{kind: hQuote, lines: lines, attr: attr})
}

// figure reads a <figure>: a block quotation with its caption as the
// attribution, or whatever else it holds without the caption.
func (w *htmlWalker) figure(n *html.Node) {
	var bq, caption *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Blockquote:
			if bq == nil {
				bq = c
			}
		case atom.Figcaption:
			caption = c
		}
	}
	if bq == nil {
		w.children(n)
		w.flush()
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c == bq {
			w.quote(bq, caption)
			continue
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.Figcaption {
			continue
		}
		w.child(c)
	}
	w.flush()
}

// ---------------------------------------------------------------------------
// Tables

type hCell struct {
	n  *html.Node
	th bool
}

var (
	htmlGroupHeadRe = regexp.MustCompile(`(?i)\b(?:common|uncommon|rare|rarely|frequent|infrequent|occasional|serious|severe|mild|moderate|minor|major|emergency|urgent|short[- ]term|long[- ]term|not known|unknown)\b|\bseek\b|\bcall (?:your|a) (?:doctor|gp|pharmacist)|\bget (?:medical|emergency|urgent) help`)
	htmlFreqRe      = regexp.MustCompile(`(?i)^(?:(?:very|less|more|fairly|quite|extremely)\s+)?(?:common|uncommon|rare|frequent|infrequent|occasional|not known|unknown)\b|^\d+(?:\.\d+)?\s*%|^(?:about |around |up to |more than |fewer than |less than )?(?:1|one) in (?:\d[\d,]*|ten|a hundred|a thousand)\b|^(?:often|sometimes|rarely|seldom)\b`)
	htmlItemHeadRe  = regexp.MustCompile(`(?i)^(?:(?:possible|common|other)\s+)?(?:side[- ]effects?|symptoms?|effects?|adverse (?:effects?|events?|reactions?)|reactions?|signs?|problems?|conditions?|withdrawal symptoms?|interactions?|risks?)$`)
)

// table reads a <table>: tables of side effects or symptoms become lists
// (a list per column when the header names groups, else a list of the
// first cells), other data tables a list of rows, layout tables their
// content.
func (w *htmlWalker) table(t *html.Node) {
	var rows [][]hCell
	var caption *html.Node
	headRows := 0
	var addRows func(n *html.Node, head bool)
	addRows = func(n *html.Node, head bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || w.p.skip(c) {
				continue
			}
			switch c.DataAtom {
			case atom.Caption:
				caption = c
			case atom.Thead:
				addRows(c, true)
			case atom.Tbody, atom.Tfoot:
				addRows(c, false)
			case atom.Tr:
				var row []hCell
				for d := c.FirstChild; d != nil; d = d.NextSibling {
					if d.Type == html.ElementNode && (d.DataAtom == atom.Td || d.DataAtom == atom.Th) && !w.p.skip(d) {
						row = append(row, hCell{n: d, th: d.DataAtom == atom.Th})
						span, _ := strconv.Atoi(htmlAttr(d, "colspan"))
						for k := 1; k < span && k < 20; k++ {
							row = append(row, hCell{})
						}
					}
				}
				if len(row) > 0 {
					rows = append(rows, row)
					if head && headRows == len(rows)-1 {
						headRows++
					}
				}
			}
		}
	}
	addRows(t, false)
	cols := 0
	layout := len(rows) == 0
	for _, r := range rows {
		cols = max(cols, len(r))
		for _, c := range r {
			if c.n != nil && w.layoutCell(c.n) {
				layout = true
			}
		}
	}
	if layout || cols < 2 {
		w.children(t)
		w.flush()
		return
	}
	if headRows == 0 {
		all := true
		for _, c := range rows[0] {
			if c.n != nil && !c.th {
				all = false
			}
		}
		if all && len(rows) > 1 {
			headRows = 1
		}
	}
	if headRows > 1 {
		headRows = 1 // the first header row names the columns; the rest is data
	}
	head := []hCell(nil)
	if headRows > 0 {
		head = rows[0]
	}
	body := rows[headRows:]
	if len(body) == 0 {
		w.children(t)
		w.flush()
		return
	}
	cellText := func(c hCell) hRun {
		if c.n == nil {
			return hRun{}
		}
		b := newInl(false)
		w.inline(b, c.n, nil)
		return b.single()
	}
	if caption != nil {
		b := newInl(true)
		w.inline(b, caption, nil)
		w.emitPara(b)
	}
	// row headers in the first column
	rowHeads := 0
	for _, r := range body {
		if r[0].th {
			rowHeads++
		}
	}
	var headTexts []hRun
	groups, nonEmpty := 0, 0
	for _, c := range head {
		r := cellText(c)
		headTexts = append(headTexts, r)
		if r.text != "" {
			nonEmpty++
			if htmlGroupHeadRe.MatchString(r.text) {
				groups++
			}
		}
	}
	first := ""
	if len(headTexts) > 0 {
		first = headTexts[0].text
	}
	if nonEmpty >= 2 && groups*2 >= nonEmpty && rowHeads*2 < len(body) && !htmlItemHeadRe.MatchString(first) {
		w.columnLists(headTexts, body)
		return
	}
	if w.comparison(headTexts, body, cellText) {
		return
	}
	freq, other := 0, 0
	for _, r := range body {
		for _, c := range r[1:] {
			if c.n == nil {
				continue
			}
			if tx := cellText(c).text; tx != "" {
				other++
				if htmlFreqRe.MatchString(tx) {
					freq++
				}
			}
		}
	}
	symptomRows := rowHeads*2 >= len(body) || htmlItemHeadRe.MatchString(first) || other > 0 && freq*2 >= other
	e := &hElem{kind: hList, leadPrev: symptomRows || caption != nil}
	for _, r := range body {
		c0 := cellText(r[0])
		var rest []string
		for _, c := range r[1:] {
			if tx := cellText(c).text; tx != "" {
				rest = append(rest, tx)
			}
		}
		if c0.text == "" {
			continue
		}
		it := &hItem{run: c0}
		if symptomRows {
			if len(rest) > 0 {
				it.tail = ": " + strings.Join(rest, "; ")
			}
		} else if len(rest) > 0 {
			it.run = htmlJoinRuns(c0, ": ", hRun{text: strings.Join(rest, "; ")})
			if len(strings.Fields(c0.text)) <= 7 && !strings.Contains(c0.text, ":") {
				it.labelEnd, it.descAt = len(c0.text), len(c0.text)+2
			}
		}
		e.items = append(e.items, it)
	}
	if len(e.items) > 0 {
		w.add(e)
	}
}

// layoutCell reports whether a table cell holds page layout (headings,
// block quotations, nested tables, several paragraphs, long text) rather
// than a value.
func (w *htmlWalker) layoutCell(n *html.Node) bool {
	paras := 0
	layout := false
	htmlEach(n, func(c *html.Node) bool {
		if layout || c.Type != html.ElementNode {
			return false
		}
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table, atom.Blockquote, atom.Article, atom.Section:
			layout = true
		case atom.P, atom.Div:
			paras++
			if paras > 1 {
				layout = true
			}
		}
		return true
	})
	return layout || w.p.clean(n) > 400
}

// comparison lays out a comparison table: an empty corner cell (or "Feature"),
// two or more named columns ("Tramadol", "Capsaicin") and rows labelled in
// the first column ("How it works"). Each column becomes a list whose items
// are "row label: cell", about the column's header. It reports whether the
// table was one.
func (w *htmlWalker) comparison(head []hRun, body [][]hCell, cellText func(hCell) hRun) bool {
	if len(head) < 3 || head[0].text != "" && !cornerRE.MatchString(head[0].text) {
		return false
	}
	for _, h := range head[1:] {
		if h.text == "" || len(strings.Fields(h.text)) > 4 || htmlGroupHeadRe.MatchString(h.text) || htmlItemHeadRe.MatchString(h.text) {
			return false
		}
	}
	for _, r := range body {
		if len(r) == 0 || cellText(r[0]).text == "" {
			return false
		}
	}
	for j := 1; j < len(head); j++ {
		e := &hElem{kind: hList, about: &head[j]}
		for _, r := range body {
			if j >= len(r) || r[j].n == nil {
				continue
			}
			c0, cj := cellText(r[0]), cellText(r[j])
			if cj.text == "" {
				continue
			}
			e.items = append(e.items, &hItem{run: htmlJoinRuns(c0, ": ", cj), labelEnd: len(c0.text), descAt: len(c0.text) + 2})
		}
		if len(e.items) > 0 {
			w.add(e)
		}
	}
	return true
}

// columnLists makes one list per column of a table whose header names
// groups ("Common", "Rare"), introduced by the header cell.
func (w *htmlWalker) columnLists(head []hRun, body [][]hCell) {
	for j, h := range head {
		if h.text == "" {
			continue
		}
		e := &hElem{kind: hList, lead: &head[j]}
		for _, r := range body {
			if j >= len(r) || r[j].n == nil {
				continue
			}
			e.items = append(e.items, w.cellItems(r[j].n)...)
		}
		if len(e.items) > 0 {
			w.add(e)
		}
	}
}

// cellItems returns the items of a table cell: the items of its lists, or
// its lines.
func (w *htmlWalker) cellItems(n *html.Node) []*hItem {
	var out []*hItem
	if w.p.get(n).hasLi {
		sub := &htmlWalker{p: w.p}
		sub.children(n)
		sub.flush()
		for _, e := range sub.elems {
			switch e.kind {
			case hList:
				out = append(out, e.items...)
			default:
				for _, l := range e.lines {
					out = append(out, &hItem{run: l})
				}
			}
		}
		return out
	}
	b := newInl(true)
	w.inline(b, n, nil)
	for _, para := range b.finish() {
		for _, l := range para {
			it := &hItem{run: l}
			htmlItemLabel(it, -1)
			out = append(out, it)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// From blocks to the document

var (
	htmlRefNumRe  = regexp.MustCompile(`^(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+`)
	htmlIDNumRe   = regexp.MustCompile(`(\d{1,3})$`)
	htmlTitleSeps = []string{" | ", " || ", " :: ", " — ", " – ", " - ", " · ", " • "}
)

// htmlCleanTitle strips a " | Site name" suffix from a <title> or og:title.
func htmlCleanTitle(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, sep := range htmlTitleSeps {
		i := strings.LastIndex(s, sep)
		if i <= 0 {
			continue
		}
		head, tail := s[:i], s[i+len(sep):]
		if sep == " | " || sep == " || " || sep == " :: " {
			// "Article | Section | Site": the first part
			if j := strings.Index(s, sep); j > 0 && len(strings.Fields(s[:j])) >= 2 {
				return s[:j]
			}
			return head
		}
		if len(strings.Fields(tail)) <= 4 && len(tail) < len(head) {
			return head
		}
	}
	return s
}

// metaTitle returns og:title, else the <title>, else a lone <h1> outside
// page furniture.
func (p *htmlPage) metaTitle() string {
	var og, title, h1 string
	h1s := 0
	htmlEach(p.root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return n.Type == html.DocumentNode
		}
		switch n.DataAtom {
		case atom.Meta:
			k := strings.ToLower(htmlAttr(n, "property") + htmlAttr(n, "name"))
			if (k == "og:title" || k == "twitter:title") && og == "" {
				og = htmlCleanTitle(htmlAttr(n, "content"))
			}
		case atom.Title:
			if title == "" && n.Namespace == "" {
				title = htmlCleanTitle(htmlShortText(n, 1000))
			}
			return false
		case atom.H1:
			h1s++
			h1 = htmlShortText(n, 1000)
			return false
		case atom.Head, atom.Html, atom.Body:
			return true
		}
		return p.furniture(n) != htmlTagFurniture || n.DataAtom == atom.Head
	})
	switch {
	case og != "":
		return og
	case title != "":
		return title
	case h1s == 1:
		return h1
	}
	return ""
}

func (p *htmlPage) document() *Document {
	p.body = p.findBody()
	p.bodyText = p.get(p.body).all
	w := &htmlWalker{p: p}
	if htmlIsRefContainer(p.body) {
		w.refCtx++
	}
	w.children(p.body)
	w.flush()
	elems := htmlPostProcess(w.elems)
	if len(elems) == 0 {
		return nil
	}
	content := false
	for _, e := range elems {
		if e.kind != hHeading {
			content = true
		}
	}
	if !content {
		return nil
	}
	lw := &htmlLayout{doc: &Document{}}
	hasTitle := false
	for _, e := range elems {
		if e.title {
			hasTitle = true
		}
	}
	if !hasTitle {
		if t := p.metaTitle(); t != "" {
			s, e := lw.write(t)
			lw.doc.Title, lw.doc.TitleAt = t, Span{s, e}
		}
	}
	lw.layout(elems)
	return lw.doc
}

// htmlPostProcess drops what comes before the title and the sections of
// furniture headings, finds the reference lists and drops link-only blocks.
func htmlPostProcess(elems []*hElem) []*hElem {
	// short lines before the title (kickers, categories)
	for i, e := range elems {
		if !e.title {
			continue
		}
		for _, b := range elems[:i] {
			if b.kind == hPara && len(strings.Join(htmlRunTexts(b.lines), " ")) < 100 && !strings.ContainsAny(b.lines[len(b.lines)-1].text, ".!?") {
				b.drop = true
			}
			if b.kind == hList && b.allLink {
				b.drop = true
			}
		}
		break
	}
	// furniture headings and their sections; reference sections
	skipLevel, refLevel := 0, 0
	for _, e := range elems {
		if e.kind == hHeading && !e.title {
			if skipLevel > 0 && e.level <= skipLevel {
				skipLevel = 0
			}
			if refLevel > 0 && e.level <= refLevel {
				refLevel = 0
			}
			t := e.lines[0].text
			if skipLevel == 0 && (htmlIsBoiler(t) || txtFooterRe.MatchString(t)) && !txtIsRefHeading(t) {
				skipLevel = e.level
			}
			if skipLevel == 0 && txtIsRefHeading(t) {
				refLevel = e.level
			}
		}
		if skipLevel > 0 {
			e.drop = true
			continue
		}
		if e.kind == hHeading {
			continue
		}
		if refLevel > 0 || e.refCtx {
			switch e.kind {
			case hList:
				e.refs = true
			case hPara:
				htmlParaAsRefs(e, refLevel > 0 || e.refCtx)
			}
		}
	}
	var out []*hElem
	for _, e := range elems {
		if e.drop {
			continue
		}
		// merge consecutive citation paragraphs into one list
		if e.kind == hList && e.refs && e.lines != nil {
			if n := len(out); n > 0 && out[n-1].kind == hList && out[n-1].refs && out[n-1].lines != nil {
				out[n-1].items = append(out[n-1].items, e.items...)
				continue
			}
		}
		out = append(out, e)
	}
	found := false
	for _, e := range out {
		if e.refs {
			found = true
		}
	}
	if !found {
		// a trailing list of citations with no heading
		for i := len(out) - 1; i >= 0; i-- {
			e := out[i]
			if e.kind == hList {
				var texts []string
				for _, it := range e.items {
					texts = append(texts, it.run.text)
				}
				if len(texts) >= 2 && txtCitationList(texts) {
					e.refs = true
				}
				break
			}
			if e.kind == hHeading || e.kind == hPara && len(strings.Join(htmlRunTexts(e.lines), " ")) <= 80 {
				continue
			}
			break
		}
	}
	for _, e := range out {
		if e.refs {
			htmlNumberRefs(e.items)
		}
	}
	// link-only blocks that are not references: related links
	var kept []*hElem
	for i, e := range out {
		if e.allLink && !e.refs {
			switch e.kind {
			case hPara:
				continue
			case hList:
				words := 0
				for _, it := range e.items {
					words += len(strings.Fields(it.run.text))
				}
				leadIn := i > 0 && out[i-1].kind == hPara && txtIsLeadIn(out[i-1].lines[len(out[i-1].lines)-1].text)
				if !leadIn && words >= 4*len(e.items) {
					continue
				}
			}
		}
		kept = append(kept, e)
	}
	// headings left with nothing under them at the end
	for len(kept) > 0 && kept[len(kept)-1].kind == hHeading && !kept[len(kept)-1].title {
		kept = kept[:len(kept)-1]
	}
	return kept
}

var (
	htmlWebLink    = regexp.MustCompile(`^https?://[^\s]+$`)
	htmlHasAddress = regexp.MustCompile(`(?i)https?://|\bwww\.|\bdoi\b|\b10\.\d{4,}/`)
)

// htmlNumberRefs sets the numbers of reference entries: the number written
// before the entry ("[3]", "3."), which is taken out of its text, else its
// place in a numbered list, else the number that ends its id ("ref3",
// "cite_note-3"). An entry whose text gives no web address or DOI gets the
// address of its first link, after its text.
func htmlNumberRefs(items []*hItem) {
	for _, it := range items {
		if !it.ordered {
			it.number = 0
		}
		if m := htmlRefNumRe.FindStringSubmatchIndex(it.run.text); m != nil && m[1] < len(it.run.text) {
			g := 2
			if m[2] < 0 {
				g = 4
			}
			it.number = atoiSafe(it.run.text[m[g]:m[g+1]])
			it.run.text = it.run.text[m[1]:]
			it.run.marks = nil
		} else if it.number == 0 {
			if m := htmlIDNumRe.FindStringSubmatch(it.id); m != nil {
				it.number = atoiSafe(m[1])
			}
		}
		// the link of an entry whose text does not give its address
		if it.run.href != "" && !htmlHasAddress.MatchString(it.run.text) {
			it.run.text += " " + it.run.href
		}
		for _, c := range it.children {
			htmlNumberRefs(c.items)
		}
	}
}

// htmlParaAsRefs turns a paragraph of citations (one per line) in a
// reference section into a reference list.
func htmlParaAsRefs(e *hElem, lenient bool) {
	ok := func(s string) bool {
		sc := txtCitationScore(s)
		if lenient {
			return sc >= 1 || (len(strings.Fields(s)) >= 4 && txtAnyYear.MatchString(s))
		}
		return sc >= 2
	}
	for _, l := range e.lines {
		if !ok(l.text) {
			return
		}
	}
	e.kind, e.refs = hList, true
	for _, l := range e.lines {
		e.items = append(e.items, &hItem{run: l})
	}
}

// htmlLayout writes the blocks into Document.Text.
type htmlLayout struct {
	doc *Document
	b   strings.Builder
	// lead-ins to resolve once the blocks no longer move
	pending []htmlPendingLead
}

type htmlPendingLead struct {
	sec, block int
	force      bool
}

func (l *htmlLayout) write(s string) (int, int) {
	st := l.b.Len()
	l.b.WriteString(s)
	return st, l.b.Len()
}

// blank separates blocks by a blank line.
func (l *htmlLayout) blank() {
	if l.b.Len() > 0 {
		l.b.WriteString("\n\n")
	}
}

func (l *htmlLayout) layout(elems []*hElem) {
	doc := l.doc
	pos := 0
	if doc.Title != "" {
		pos = doc.TitleAt.End
	}
	cur := &Section{Span: Span{pos, pos}}
	doc.Sections = append(doc.Sections, cur)
	for _, e := range elems {
		if !e.refs {
			for i := range e.lines {
				e.lines[i] = htmlStripPlainCites(e.lines[i])
			}
			htmlStripItems(e)
		}
		if e.kind == hHeading {
			r := e.lines[0]
			l.blank()
			s, en := l.write(r.text)
			if e.title && doc.Title == "" {
				doc.Title, doc.TitleAt = r.text, Span{s, en}
				if len(cur.Blocks) == 0 && cur.Heading == "" {
					cur.Start, cur.End = en, en
				}
				continue
			}
			cur = &Section{Heading: r.text, HeadingAt: Span{s, en}, Level: e.level, Span: Span{s, en}}
			doc.Sections = append(doc.Sections, cur)
			continue
		}
		l.blank()
		var b Block
		switch e.kind {
		case hPara, hQuote:
			b.Kind = Paragraph
			if e.kind == hQuote {
				b.Kind = Quote
			}
			for i, r := range e.lines {
				if i > 0 {
					l.b.WriteByte('\n')
				}
				s, en := l.write(r.text)
				if i == 0 {
					b.Start = s
				}
				b.End = en
				b.Sentences = append(b.Sentences, htmlSentences(r, s)...)
			}
			if e.attr != nil {
				l.b.WriteByte('\n')
				s, en := l.write(e.attr.text)
				b.End = en
				at := 0
				if m := htmlDashRe.FindStringIndex(e.attr.text); m != nil {
					at = m[1]
				}
				if s+at < en {
					b.Attribution, b.AttributionAt = e.attr.text[at:], Span{s + at, en}
				}
			}
		case hList:
			b = l.list(e, 0)
		}
		if b.Kind == Quote {
			if b.Attribution == "" {
				// "Dr Ruiz told us that:" just before the quote
				if k := len(cur.Blocks); k > 0 && cur.Blocks[k-1].Kind == Paragraph && len(cur.Blocks[k-1].Sentences) > 0 {
					last := cur.Blocks[k-1].Sentences[len(cur.Blocks[k-1].Sentences)-1]
					if txtEndsAttribution(last.Text) {
						b.Attribution, b.AttributionAt = last.Text, last.Span
					}
				}
			}
			if b.Attribution != "" {
				htmlAttributeQuote(&b)
			}
		}
		if len(cur.Blocks) == 0 && cur.Heading == "" {
			cur.Start = b.Start
		}
		cur.Blocks = append(cur.Blocks, b)
		cur.End = b.End
		if e.kind == hList && e.lead == nil && !e.refs {
			l.pending = append(l.pending, htmlPendingLead{len(doc.Sections) - 1, len(cur.Blocks) - 1, e.leadPrev})
		}
	}
	doc.Text = l.b.String()
	for _, pl := range l.pending {
		sec := doc.Sections[pl.sec]
		if pl.block == 0 {
			continue
		}
		prev := &sec.Blocks[pl.block-1]
		if prev.Kind != Paragraph || len(prev.Sentences) == 0 {
			continue
		}
		last := &prev.Sentences[len(prev.Sentences)-1]
		if pl.force || txtIsLeadIn(last.Text) {
			sec.Blocks[pl.block].LeadIn = last
		}
	}
}

// htmlAttributeQuote gives each sentence of an attributed quote block the
// attribution: on the quotation that makes up the sentence, else on a
// quotation covering the whole sentence.
func htmlAttributeQuote(b *Block) {
	for i := range b.Sentences {
		s := &b.Sentences[i]
		if len(s.Quotes) == 1 && s.Quotes[0].Start-s.Start <= 4 && s.End-s.Quotes[0].End <= 4 {
			if s.Quotes[0].Attribution == "" {
				s.Quotes[0].Attribution, s.Quotes[0].AttributionAt = b.Attribution, b.AttributionAt
			}
			continue
		}
		s.Quotes = append(s.Quotes, Quotation{Text: s.Text, Span: s.Span, Attribution: b.Attribution, AttributionAt: b.AttributionAt})
	}
}

// htmlStripItems takes the plain-text footnote markers out of list items.
func htmlStripItems(e *hElem) {
	for _, it := range e.items {
		before := it.run.text
		it.run = htmlStripPlainCites(it.run)
		if it.run.text != before && it.labelEnd > 0 {
			// recompute the label on the new text
			it.labelEnd, it.descAt = 0, 0
			htmlItemLabel(it, -1)
		}
		for _, c := range it.children {
			htmlStripItems(c)
		}
	}
	if e.lead != nil {
		*e.lead = htmlStripPlainCites(*e.lead)
	}
}

// list lays out a list block at the given nesting depth.
func (l *htmlLayout) list(e *hElem, depth int) Block {
	b := Block{Kind: List, Ordered: e.ordered, IsReferences: e.refs}
	first := true
	if e.lead != nil {
		s, en := l.write(e.lead.text)
		ss := htmlSentences(*e.lead, s)
		lead := Sentence{Text: e.lead.text, Span: Span{s, en}}
		for _, x := range ss {
			lead.Cites = htmlMergeCites(lead.Cites, x.Cites)
			lead.Quotes = append(lead.Quotes, x.Quotes...)
		}
		b.LeadIn = &lead
		l.b.WriteByte('\n')
	}
	if e.about != nil {
		s, en := l.write(e.about.text)
		b.About = &Sentence{Text: e.about.text, Span: Span{s, en}}
		l.b.WriteByte('\n')
	}
	for _, it := range e.items {
		if !first {
			l.b.WriteByte('\n')
		}
		l.b.WriteString(strings.Repeat("  ", depth))
		text := it.run.text
		s, en := l.write(text)
		if first {
			b.Start = s
			first = false
		}
		item := Item{Text: text, Span: Span{s, en}}
		ds := 0
		if it.labelEnd > 0 && !e.refs {
			item.Label, item.LabelAt = text[:it.labelEnd], Span{s, s + it.labelEnd}
			ds = it.descAt
		}
		desc := hRun{text: text[ds:]}
		for _, m := range it.run.marks {
			desc.marks = append(desc.marks, hMark{pos: max(0, m.pos-ds), nums: m.nums})
		}
		item.Sentences = htmlSentences(desc, s+ds)
		if e.refs && len(item.Sentences) > 1 {
			one := Sentence{Text: item.Text, Span: item.Span}
			for _, x := range item.Sentences {
				one.Quotes = append(one.Quotes, x.Quotes...)
				one.Cites = htmlMergeCites(one.Cites, x.Cites)
			}
			item.Sentences = []Sentence{one}
		}
		if e.refs {
			l.doc.References = append(l.doc.References, RefEntry{Raw: text, Span: item.Span, Number: it.number, Ref: ParseReference(text)})
		}
		if it.tail != "" {
			l.write(it.tail)
		}
		b.End = l.b.Len()
		for _, c := range it.children {
			l.b.WriteByte('\n')
			c.refs = c.refs || e.refs
			cb := l.list(c, depth+1)
			item.Children = append(item.Children, cb)
			b.End = cb.End
		}
		b.Items = append(b.Items, item)
	}
	return b
}

func htmlMergeCites(a, b []int) []int {
	if len(b) == 0 {
		return a
	}
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// htmlSentences splits a run written at offset base into sentences and
// gives each the footnote markers that follow it.
func htmlSentences(r hRun, base int) []Sentence {
	ss := SplitSentences(r.text, base)
	for _, m := range r.marks {
		if len(m.nums) == 0 || len(ss) == 0 {
			continue
		}
		k := 0
		for i := range ss {
			if ss[i].Start-base < m.pos {
				k = i
			}
		}
		ss[k].Cites = htmlMergeCites(ss[k].Cites, m.nums)
	}
	return ss
}
