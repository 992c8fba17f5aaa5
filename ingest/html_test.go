package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// The golden test reuses the package's -update flag (txtUpdate, declared in
// text_test.go): go test ./ingest -run TestHTMLGolden -update

// dumpHTMLDocument renders a parsed page for the golden files: the
// extracted text, then the structure (as dumpDocument, with the footnote
// numbers each sentence cites and the attribution of block quotations).
func dumpHTMLDocument(d *Document) string {
	var b strings.Builder
	b.WriteString("TEXT\n")
	for _, l := range strings.Split(d.Text, "\n") {
		b.WriteString("| " + l + "\n")
	}
	fmt.Fprintf(&b, "\nTITLE %s %q\n", spanStr(d.TitleAt), d.Title)
	for i, s := range d.Sections {
		fmt.Fprintf(&b, "\nSECTION %d level=%d %s heading=%q %s\n", i, s.Level, spanStr(s.Span), s.Heading, spanStr(s.HeadingAt))
		for _, bl := range s.Blocks {
			dumpHTMLBlock(&b, bl, "  ")
		}
	}
	fmt.Fprintf(&b, "\nREFERENCES %d\n", len(d.References))
	for i, r := range d.References {
		fmt.Fprintf(&b, "  REF %d %s number=%d %q\n", i+1, spanStr(r.Span), r.Number, r.Raw)
		dumpRef(&b, r.Ref, "    ")
	}
	return b.String()
}

func dumpHTMLBlock(b *strings.Builder, bl Block, ind string) {
	var flags []string
	if bl.Ordered {
		flags = append(flags, "ordered")
	}
	if bl.IsReferences {
		flags = append(flags, "references")
	}
	if bl.Boilerplate {
		flags = append(flags, "boilerplate")
	}
	fmt.Fprintf(b, "%sBLOCK %s %s %s\n", ind, bl.Kind, spanStr(bl.Span), strings.Join(flags, " "))
	if bl.LeadIn != nil {
		fmt.Fprintf(b, "%s  LEADIN %s %q%s\n", ind, spanStr(bl.LeadIn.Span), bl.LeadIn.Text, citesStr(bl.LeadIn.Cites))
	}
	if bl.Attribution != "" {
		fmt.Fprintf(b, "%s  ATTRIBUTION %s %q\n", ind, spanStr(bl.AttributionAt), bl.Attribution)
	}
	for _, s := range bl.Sentences {
		dumpHTMLSentence(b, s, ind+"  ")
	}
	for _, it := range bl.Items {
		fmt.Fprintf(b, "%s  ITEM %s %q\n", ind, spanStr(it.Span), it.Text)
		if it.Label != "" {
			fmt.Fprintf(b, "%s    LABEL %s %q\n", ind, spanStr(it.LabelAt), it.Label)
		}
		if len(it.Sentences) != 1 || it.Sentences[0].Text != it.Text || len(it.Sentences[0].Quotes) > 0 || len(it.Sentences[0].Cites) > 0 {
			for _, s := range it.Sentences {
				dumpHTMLSentence(b, s, ind+"    ")
			}
		}
		for _, c := range it.Children {
			dumpHTMLBlock(b, c, ind+"    ")
		}
	}
}

func citesStr(c []int) string {
	if len(c) == 0 {
		return ""
	}
	return fmt.Sprintf(" cites=%v", c)
}

func dumpHTMLSentence(b *strings.Builder, s Sentence, ind string) {
	fmt.Fprintf(b, "%sS %s %q%s\n", ind, spanStr(s.Span), s.Text, citesStr(s.Cites))
	for _, q := range s.Quotes {
		fmt.Fprintf(b, "%s  QUOTE %s %q\n", ind, spanStr(q.Span), q.Text)
		if q.Attribution != "" {
			fmt.Fprintf(b, "%s    ATTRIBUTION %s %q\n", ind, spanStr(q.AttributionAt), q.Attribution)
		}
	}
}

// checkHTMLDoc checks the span invariant (checkSpans: every span slices
// Document.Text to the stored text) and what is particular to HTML pages:
// valid UTF-8 text, attributions, sorted unique positive Cites.
func checkHTMLDoc(t testing.TB, d *Document) {
	t.Helper()
	checkSpans(t, d)
	if !utf8.ValidString(d.Text) {
		t.Fatal("Document.Text is not valid UTF-8")
	}
	cites := func(where string, c []int) {
		t.Helper()
		if c != nil && len(c) == 0 {
			t.Fatalf("%s: empty non-nil Cites", where)
		}
		for i, n := range c {
			if n < 1 || i > 0 && c[i-1] >= n {
				t.Fatalf("%s: Cites %v not sorted, unique and positive", where, c)
			}
		}
	}
	var block func(string, Block)
	block = func(where string, b Block) {
		if b.AttributionAt.End > len(d.Text) || b.AttributionAt.Start > b.AttributionAt.End || d.Text[b.AttributionAt.Start:b.AttributionAt.End] != b.Attribution {
			t.Fatalf("%s: attribution span %v does not slice %q", where, b.AttributionAt, b.Attribution)
		}
		if b.Attribution != "" && b.AttributionAt.End > b.End {
			t.Fatalf("%s: attribution %v after block %v", where, b.AttributionAt, b.Span)
		}
		for _, s := range b.Sentences {
			cites(where, s.Cites)
		}
		if b.LeadIn != nil {
			cites(where+" lead-in", b.LeadIn.Cites)
		}
		for _, it := range b.Items {
			for _, s := range it.Sentences {
				cites(where+" item", s.Cites)
			}
			for _, c := range it.Children {
				block(where+" child", c)
			}
		}
	}
	for i, s := range d.Sections {
		for _, b := range s.Blocks {
			block(fmt.Sprintf("section %d", i), b)
		}
	}
}

func parseHTMLOK(t testing.TB, src string) *Document {
	t.Helper()
	d, err := ParseHTML("t.html", []byte(src))
	if err != nil {
		t.Fatalf("ParseHTML: %v", err)
	}
	checkHTMLDoc(t, d)
	return d
}

func TestHTMLGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseHTML(filepath.Base(f), src)
			if err != nil {
				t.Fatal(err)
			}
			checkHTMLDoc(t, d)
			got := dumpHTMLDocument(d)
			path := strings.TrimSuffix(f, ".html") + ".golden"
			if *txtUpdate {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest -run TestHTMLGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the parse; run go test ./ingest -run TestHTMLGolden -update and review the diff\n%s", path, htmlLineDiff(string(want), got))
			}
		})
	}
}

// htmlLineDiff shows the first lines where two texts differ.
func htmlLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < max(len(w), len(g)) && len(out) < 30; i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			out = append(out, fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, a, b))
		}
	}
	return strings.Join(out, "\n")
}

// page wraps body markup in a minimal page.
func page(body string) string {
	return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page title | Site</title></head><body>" + body + "</body></html>"
}

func TestHTMLStructure(t *testing.T) {
	long := "Kratom is made from the leaves of a tree that grows in Southeast Asia. People use it for pain, for energy and to ease opioid withdrawal. "
	tests := []struct {
		name  string
		src   string
		title string
		want  []string
	}{
		{"article with furniture",
			page(`<header><a href="/">Site</a><nav><a href="/a">A</a></nav></header>
			<article><header><h1>Kratom and pain</h1><p class="byline">By Jane Doe</p></header>
			<div class="social-share"><a href="#">Share</a></div>
			<p>Body one. Body two.</p><script>var x = "<p>not text</p>";</script><style>p{}</style>
			<noscript>Turn on JavaScript</noscript><button>Like</button><form><p>Email me</p></form>
			<iframe src="x"></iframe><svg><text>chart</text></svg><template><p>later</p></template>
			<div hidden>Hidden</div><div aria-hidden="true">Icon</div><p style="display: none">Gone</p>
			<span class="sr-only">(opens in a new tab)</span>
			</article><footer><p>Footer text here.</p></footer>`),
			"Kratom and pain",
			[]string{"S0 ", "  paragraph 2"}},
		{"largest article",
			page(`<article><h1>Short</h1><p>Teaser text.</p></article><article><h1>Long one</h1><p>` + long + `</p></article>`),
			"Long one",
			[]string{"S0 ", "  paragraph 2"}},
		{"inner article preferred over main",
			page(`<main><article><h1>Inner</h1><p>` + long + `</p></article><div><p>Ad copy for a product.</p></div></main>`),
			"Inner",
			[]string{"S0 ", "  paragraph 2"}},
		{"role main",
			page(`<div class="top"><p>Welcome to our site, we hope you enjoy it.</p></div><div role="main"><h1>Role</h1><p>` + long + `</p></div>`),
			"Role",
			[]string{"S0 ", "  paragraph 2"}},
		{"densest block without main or article",
			page(`<div id="nav-ish"><a href="/1">One link here</a> <a href="/2">Another link here</a> <a href="/3">Third link here</a></div>
			<div id="body"><p>` + long + `</p><h2>Risks</h2><p>` + long + `</p></div>
			<div id="extra"><p><a href="/x">A long linked teaser headline about kratom</a></p></div>`),
			"Page title",
			[]string{"S0 ", "  paragraph 2", "S2 Risks", "  paragraph 2"}},
		{"heading levels",
			page(`<article><h1>T</h1><p>Intro.</p><h2>Two</h2><p>a.</p><h3>Three</h3><p>b.</p><h4>Four</h4><p>c.</p></article>`),
			"T",
			[]string{"S0 ", "  paragraph 1", "S2 Two", "  paragraph 1", "S3 Three", "  paragraph 1", "S4 Four", "  paragraph 1"}},
		{"furniture heading drops its section",
			page(`<article><h1>T</h1><p>Intro.</p><h2>Related articles</h2><p>Some teaser text.</p><ul><li>x</li></ul><h3>More</h3><p>still related</p><h2>Dosage</h2><p>Start low.</p>
			<h2>About the author</h2><p>Jane writes about pain.</p></article>`),
			"T",
			[]string{"S0 ", "  paragraph 1", "S2 Dosage", "  paragraph 1"}},
		{"br paragraph break and lines",
			page(`<article><h1>T</h1><p>One line<br>Second line.<br><br>New paragraph.</p></article>`),
			"T",
			[]string{"S0 ", "  paragraph 2", "  paragraph 1"}},
		{"text directly in a div",
			page(`<article><h1>T</h1><div>Loose text. <b>Bold</b> more.<p>Para.</p>Tail text.</div></article>`),
			"T",
			[]string{"S0 ", "  paragraph 2", "  paragraph 1", "  paragraph 1"}},
		{"link-only blocks",
			page(`<article><h1>T</h1><p>Intro text here.</p><p><a href="/x">Is kratom legal in your state?</a></p>
			<ul><li><a href="/a">Kratom withdrawal: what to expect and when</a></li><li><a href="/b">How long does kratom stay in your system</a></li></ul>
			<p>It may help with:</p><ul><li><a href="/pain">Pain</a></li><li><a href="/fatigue">Fatigue</a></li></ul></article>`),
			"T",
			[]string{"S0 ", "  paragraph 1", "  paragraph 1", "  list 2 leadin=It may help with:"}},
		{"boilerplate lines",
			page(`<article><h1>T</h1><p>Medically reviewed by Dr. Ann Lee</p><p>Updated on 3 May 2024</p><p>Read more: <a href="/x">CBD</a></p>
			<p>See also: Gabapentin</p><p>Advertisement</p><div>We use cookies to give you the best experience.</div><p>Body.</p></article>`),
			"T",
			[]string{"S0 ", "  paragraph 1"}},
		{"body itself has a furniture class",
			page(`<main class="content-with-sidebar"><h1>T</h1><p>` + long + `</p><div class="sidebar"><p>Side.</p></div></main>`),
			"T",
			[]string{"S0 ", "  paragraph 2"}},
		{"content wrapper with a furniture class holding the article",
			page(`<article><h1>T</h1><div class="post-body has-related"><p>` + long + long + long + long + `</p></div></article>`),
			"T",
			[]string{"S0 ", "  paragraph 8"}},
		{"definition list",
			page(`<article><h1>T</h1><dl><dt>Dose</dt><dd>50 mg</dd><dt>Form:</dt><dd>Tablets</dd><dd>Drops</dd><dt>Lone term</dt></dl></article>`),
			"T",
			[]string{"S0 ", "  list 3"}},
		{"figure caption skipped, quote in figure attributed",
			page(`<article><h1>T</h1><figure><img src="a.jpg"><figcaption>Photo: Jo Bloggs</figcaption></figure>
			<figure><blockquote><p>It changed my life.</p></blockquote><figcaption>— A reader</figcaption></figure></article>`),
			"T",
			[]string{"S0 ", "  quote 1"}},
		{"nothing before the title but short lines",
			page(`<article><p>Pain relief</p><ul><li><a href="/">Home</a></li><li><a href="/x">Drugs</a></li></ul><h1>T</h1><p>Body.</p></article>`),
			"T",
			[]string{"S0 ", "  paragraph 1"}},
		{"no h1: og:title",
			`<html><head><meta property="og:title" content="From OG - Site"><title>From title | Site</title></head><body><article><p>Body text.</p></article></body></html>`,
			"From OG",
			[]string{"S0 ", "  paragraph 1"}},
		{"sentences that start like furniture are content",
			page(`<article><h1>T</h1><p>Related side effects include dizziness.</p><p>More about dosage is given below.</p><p>Sharing needles spreads infection.</p>
			<div class="hidden-xs"><p>Shown on large screens.</p></div><div class="user-preferences cookie-preferences"><ul><li>Necessary</li></ul></div></article>`),
			"T",
			[]string{"S0 ", "  paragraph 1", "  paragraph 1", "  paragraph 1", "  paragraph 1"}},
		{"heading swallowing blocks",
			page(`<article><h1>T</h1><h2>Uses<p>It is used for pain.</p><ul><li>a</li></ul></h2></article>`),
			"T",
			[]string{"S0 ", "S2 Uses", "  paragraph 1", "  list 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseHTMLOK(t, tc.src)
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if got := outline(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("outline\n got %q\nwant %q\ntext:\n%s", got, tc.want, d.Text)
			}
		})
	}
}

// TestHTMLTextLayout checks the shape of Document.Text: blocks separated by
// one blank line, no white space at the ends of lines, nested items
// indented.
func TestHTMLTextLayout(t *testing.T) {
	d := parseHTMLOK(t, page(`<article><h1> Title	with   space </h1><p>  A   paragraph
		over  lines&nbsp;&amp; entities &lt;here&gt;. </p><ul><li> one </li><li>two<ol><li>two.a</li></ol></li></ul>
		<blockquote>Quoted <em>words</em>.</blockquote><h2>Dosage</h2><p>End.</p></article>`))
	want := "Title with space\n\nA paragraph over lines & entities <here>.\n\none\ntwo\n  two.a\n\nQuoted words.\n\nDosage\n\nEnd."
	if d.Text != want {
		t.Errorf("text\n got %q\nwant %q", d.Text, want)
	}
	for _, f := range []string{"cbd-article.html", "tramadol-no-main.html", "capsaicin-broken.html"} {
		src, err := os.ReadFile(filepath.Join("testdata", "html", f))
		if err != nil {
			t.Fatal(err)
		}
		d := parseHTMLOK(t, string(src))
		if strings.Contains(d.Text, "\n\n\n") || strings.TrimSpace(d.Text) != d.Text {
			t.Errorf("%s: more than one blank line between blocks, or space at the ends", f)
		}
		for _, l := range strings.Split(d.Text, "\n") {
			if strings.TrimRight(l, " \t") != l {
				t.Errorf("%s: line %q ends with white space", f, l)
			}
		}
		// consecutive blocks of a section are separated by a blank line
		for _, s := range d.Sections {
			for i := 1; i < len(s.Blocks); i++ {
				gap := d.Text[s.Blocks[i-1].End:s.Blocks[i].Start]
				if s.Blocks[i].LeadIn != nil && s.Blocks[i].LeadIn.Start >= s.Blocks[i-1].End {
					gap = d.Text[s.Blocks[i-1].End:s.Blocks[i].LeadIn.Start]
				}
				if gap != "\n\n" {
					t.Errorf("%s: %q between blocks", f, gap)
				}
			}
		}
	}
}

func TestHTMLCites(t *testing.T) {
	tests := []struct {
		html  string
		texts []string
		cites [][]int
	}{
		{`Reducing inflammation<sup>1</sup> helps.`, []string{"Reducing inflammation helps."}, [][]int{{1}}},
		{`It eased pain.<sup>[2]</sup> Next one.`, []string{"It eased pain.", "Next one."}, [][]int{{2}, nil}},
		{`It eased pain<a href="#ref3">3</a>.`, []string{"It eased pain."}, [][]int{{3}}},
		{`It eased pain <a href="#cite_note-4">[4]</a>.`, []string{"It eased pain."}, [][]int{{4}}},
		{`It eased pain<sup><a href="#r1">1</a>,<a href="#r2">2</a></sup> in rats.`, []string{"It eased pain in rats."}, [][]int{{1, 2}}},
		{`Linked study<a href="https://pubmed.example/123">5</a> found it.`, []string{"Linked study found it."}, [][]int{{5}}},
		{`It eased pain [1]. It also [2-4], sort of [6, 8-9].`, []string{"It eased pain.", "It also, sort of."}, [][]int{{1}, {2, 3, 4, 6, 8, 9}}},
		{`Results were mixed (2, 4). Another (3).`, []string{"Results were mixed.", "Another."}, [][]int{{2, 4}, {3}}},
		{`Results were mixed (1-3) in trials.`, []string{"Results were mixed in trials."}, [][]int{{1, 2, 3}}},
		{`Reducing inflammation¹ and pain² in 5 m² areas.`, []string{"Reducing inflammation and pain in 5 m² areas."}, [][]int{{1, 2}}},
		{`Take it (2) times. In 2019 (2020). Type (2) here. Stage (3).`, []string{"Take it (2) times.", "In 2019 (2020).", "Type (2) here.", "Stage (3)."}, [][]int{nil, nil, nil, nil}},
		{`Count 10<sup>6</sup> cells in 2 m<sup>2</sup>. Trademark<sup>TM</sup>.`, []string{"Count 10^6 cells in 2 m^2.", "TrademarkTM."}, [][]int{nil, nil}},
		{`Claim<sup><a href="#cn">[citation needed]</a></sup> here.`, []string{"Claim here."}, [][]int{nil}},
		{`[1] at the start stays.`, []string{"[1] at the start stays."}, [][]int{nil}},
		{`Big range [1-400] kept as ends.`, []string{"Big range kept as ends."}, [][]int{{1, 400}}},
		{`Zero<sup>0</sup> and [0] are not citations.`, []string{"Zero0 and [0] are not citations."}, [][]int{nil}},
	}
	for _, tc := range tests {
		d := parseHTMLOK(t, page(`<article><h1>T</h1><p>`+tc.html+`</p></article>`))
		ss := d.Sections[0].Blocks[0].Sentences
		var texts []string
		var cites [][]int
		for _, s := range ss {
			texts = append(texts, s.Text)
			cites = append(cites, s.Cites)
		}
		if !reflect.DeepEqual(texts, tc.texts) || !reflect.DeepEqual(cites, tc.cites) {
			t.Errorf("%s\n got %q %v\nwant %q %v", tc.html, texts, cites, tc.texts, tc.cites)
		}
	}
	// markers in items, headings and table cells
	d := parseHTMLOK(t, page(`<article><h1>T<sup>1</sup></h1><h2>Risks [2]</h2><p>They include:</p><ul><li>Nausea<sup>5</sup></li><li><b>Sleep:</b> poor [6]</li></ul>
		<table><tr><th>Common<sup>7</sup></th><th>Rare</th></tr><tr><td>Itch [8]</td><td>Fits</td></tr></table></article>`))
	if d.Title != "T" || d.Sections[1].Heading != "Risks" {
		t.Errorf("title %q heading %q", d.Title, d.Sections[1].Heading)
	}
	l := d.Sections[1].Blocks[1]
	if l.Items[0].Text != "Nausea" || !reflect.DeepEqual(l.Items[0].Sentences[0].Cites, []int{5}) {
		t.Errorf("item 0 %q %v", l.Items[0].Text, l.Items[0].Sentences[0].Cites)
	}
	if l.Items[1].Label != "Sleep" || l.Items[1].Sentences[0].Text != "poor" || !reflect.DeepEqual(l.Items[1].Sentences[0].Cites, []int{6}) {
		t.Errorf("item 1 %q %q %v", l.Items[1].Label, l.Items[1].Sentences[0].Text, l.Items[1].Sentences[0].Cites)
	}
	c := d.Sections[1].Blocks[2]
	if c.LeadIn == nil || c.LeadIn.Text != "Common" || !reflect.DeepEqual(c.LeadIn.Cites, []int{7}) || c.Items[0].Text != "Itch" || !reflect.DeepEqual(c.Items[0].Sentences[0].Cites, []int{8}) {
		t.Errorf("table column %+v", c)
	}
}

func TestHTMLItems(t *testing.T) {
	d := parseHTMLOK(t, page(`<article><h1>T</h1><p>Options include:</p><ul>
		<li><strong>Physiotherapy:</strong> A professional can help. It works over time.</li>
		<li><b>Heat</b>: a warm pack on the sore area</li>
		<li><strong>Rest</strong> – short spells only</li>
		<li>Prescription medications: painkillers and anti-inflammatories</li>
		<li><strong>Bold start</strong> without a separator</li>
		<li><strong>Oils and tinctures.</strong> Drops held under the tongue.</li>
		<li>A very long item that has a colon after far too many words: so no label</li>
		<li><p>Paragraph one</p><p>and two</p></li>
		<li>Parent<ul><li>Child one</li><li>Child two<ul><li>Grandchild</li></ul></li></ul></li>
		<li><ul><li>Hoisted</li></ul></li>
	</ul></article>`))
	b := d.Sections[0].Blocks[1]
	type it struct{ text, label, first string }
	var got []it
	for _, x := range b.Items {
		f := ""
		if len(x.Sentences) > 0 {
			f = x.Sentences[0].Text
		}
		got = append(got, it{x.Text, x.Label, f})
	}
	want := []it{
		{"Physiotherapy: A professional can help. It works over time.", "Physiotherapy", "A professional can help."},
		{"Heat: a warm pack on the sore area", "Heat", "a warm pack on the sore area"},
		{"Rest – short spells only", "Rest", "short spells only"},
		{"Prescription medications: painkillers and anti-inflammatories", "Prescription medications", "painkillers and anti-inflammatories"},
		{"Bold start without a separator", "", "Bold start without a separator"},
		{"Oils and tinctures. Drops held under the tongue.", "Oils and tinctures", "Drops held under the tongue."},
		{"A very long item that has a colon after far too many words: so no label", "", "A very long item that has a colon after far too many words: so no label"},
		{"Paragraph one and two", "", "Paragraph one and two"},
		{"Parent", "", "Parent"},
		{"Hoisted", "", "Hoisted"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items\n got %q\nwant %q", got, want)
	}
	p := b.Items[8]
	if len(p.Children) != 1 || len(p.Children[0].Items) != 2 || p.Children[0].Items[1].Text != "Child two" ||
		len(p.Children[0].Items[1].Children) != 1 || p.Children[0].Items[1].Children[0].Items[0].Text != "Grandchild" {
		t.Errorf("nested items: %+v", p.Children)
	}
	if b.End != b.Items[9].End || p.Children[0].End > b.Items[9].Start {
		t.Errorf("list span %v does not cover the nested items", b.Span)
	}
	// the lead-in is the paragraph's sentence itself
	if b.LeadIn == nil || b.LeadIn != &d.Sections[0].Blocks[0].Sentences[0] {
		t.Errorf("lead-in is not the paragraph's last sentence: %+v", b.LeadIn)
	}
	if b.Ordered {
		t.Error("ul is ordered")
	}
}

func TestHTMLTables(t *testing.T) {
	t.Run("first column names the items, caption", func(t *testing.T) {
		d := parseHTMLOK(t, page(`<article><h1>T</h1><p>Some text before.</p><table><caption>Withdrawal symptoms</caption>
			<thead><tr><th>Symptom</th><th>When</th></tr></thead>
			<tbody><tr><td>Sweating</td><td>Day 1</td></tr><tr><td>Anxiety</td><td>Days 1-3</td></tr></tbody></table></article>`))
		got := outline(d)
		want := []string{"S0 ", "  paragraph 1", "  paragraph 1", "  list 2 leadin=Withdrawal symptoms"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("outline %q", got)
		}
		l := d.Sections[0].Blocks[2]
		if l.Items[0].Text != "Sweating" || l.Items[1].Text != "Anxiety" || !strings.Contains(d.Text, "Sweating: Day 1\nAnxiety: Days 1-3") {
			t.Errorf("items %+v text %q", l.Items, d.Text)
		}
	})
	t.Run("first column, no caption: previous paragraph", func(t *testing.T) {
		d := parseHTMLOK(t, page(`<article><h1>T</h1><p>Intro. These are the effects people report most.</p><table>
			<tr><td>Nausea</td><td>common</td></tr><tr><td>Seizures</td><td>rare</td></tr></table></article>`))
		l := d.Sections[0].Blocks[1]
		if l.LeadIn == nil || l.LeadIn.Text != "These are the effects people report most." || len(l.Items) != 2 || l.Items[1].Text != "Seizures" {
			t.Errorf("list %+v", l)
		}
	})
	t.Run("row headers", func(t *testing.T) {
		d := parseHTMLOK(t, page(`<article><h1>T</h1><table><tr><th>Nausea</th><td>Eat small meals</td></tr><tr><th>Itching</th><td>Cool showers</td></tr></table></article>`))
		l := d.Sections[0].Blocks[0]
		if len(l.Items) != 2 || l.Items[0].Text != "Nausea" || l.Items[1].Text != "Itching" {
			t.Errorf("list %+v", l)
		}
	})
	t.Run("column groups with lists and blank cells", func(t *testing.T) {
		d := parseHTMLOK(t, page(`<article><h1>T</h1><table><tr><th>Very common</th><th></th><th>Serious: call a doctor</th></tr>
			<tr><td><ul><li>Headache</li><li>Nausea</li></ul></td><td>x</td><td>Chest pain</td></tr><tr><td colspan="2">Tiredness</td><td>Fainting</td></tr></table></article>`))
		got := outline(d)
		want := []string{"S0 ", "  list 3 leadin=Very common", "  list 2 leadin=Serious: call a doctor"}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("outline %q\n%s", got, d.Text)
		}
		a, b := d.Sections[0].Blocks[0], d.Sections[0].Blocks[1]
		if a.LeadIn.Text != "Very common" || b.LeadIn.Text != "Serious: call a doctor" || a.Items[2].Text != "Tiredness" || b.Items[1].Text != "Fainting" {
			t.Errorf("lists %+v %+v", a, b)
		}
		if d.Text[a.LeadIn.Start:a.LeadIn.End] != "Very common" {
			t.Error("lead-in span")
		}
	})
	t.Run("comparison table", func(t *testing.T) {
		d := parseHTMLOK(t, page(`<article><h1>T</h1><table><tr><th></th><th>Tramadol</th><th>Capsaicin</th></tr>
			<tr><td>How it works</td><td>Acts on mu-opioid receptors</td><td>Activates TRPV1</td></tr></table></article>`))
		bs := d.Sections[0].Blocks
		if len(bs) != 2 || bs[0].About == nil || bs[0].About.Text != "Tramadol" || bs[1].About.Text != "Capsaicin" ||
			bs[1].Items[0].Label != "How it works" || bs[1].Items[0].Sentences[0].Text != "Activates TRPV1" {
			t.Fatalf("blocks %+v", bs)
		}
		if a := bs[1].About; d.Text[a.Start:a.End] != a.Text {
			t.Errorf("about span %v does not hold %q", a.Span, a.Text)
		}
	})
	t.Run("data table", func(t *testing.T) {
		d := parseHTMLOK(t, page(`<article><h1>T</h1><table><tr><th>Form</th><th>Dose</th><th>Notes</th></tr>
			<tr><td>Capsules</td><td>10 mg</td><td>with food</td></tr><tr><td>Oil</td><td>5 drops</td><td></td></tr></table></article>`))
		l := d.Sections[0].Blocks[0]
		if len(l.Items) != 2 || l.Items[0].Text != "Capsules: 10 mg; with food" || l.Items[0].Label != "Capsules" || l.Items[1].Sentences[0].Text != "5 drops" {
			t.Errorf("list %+v", l)
		}
	})
	t.Run("layout table", func(t *testing.T) {
		d := parseHTMLOK(t, page(`<table><tr><td><h1>Layout</h1><p>First para.</p><p>Second para.</p></td><td><p>Other column text.</p></td></tr></table>`))
		if got := outline(d); !reflect.DeepEqual(got, []string{"S0 ", "  paragraph 1", "  paragraph 1", "  paragraph 1"}) || d.Title != "Layout" {
			t.Errorf("outline %q title %q", got, d.Title)
		}
	})
}

func TestHTMLQuotes(t *testing.T) {
	d := parseHTMLOK(t, page(`<article><h1>T</h1>
		<blockquote><p>Pain is real. It deserves care.</p><cite>Dr. Ana Ruiz</cite></blockquote>
		<p>A patient told us that:</p><blockquote>“I slept through the night.”</blockquote>
		<blockquote><p>No attribution here.</p></blockquote>
		<blockquote><p>Short one.</p><p>— Sam, 54</p></blockquote></article>`))
	bs := d.Sections[0].Blocks
	if bs[0].Kind != Quote || bs[0].Attribution != "Dr. Ana Ruiz" || len(bs[0].Sentences) != 2 {
		t.Fatalf("quote 0 %+v", bs[0])
	}
	for _, s := range bs[0].Sentences {
		if len(s.Quotes) != 1 || s.Quotes[0].Text != s.Text || s.Quotes[0].Attribution != "Dr. Ana Ruiz" {
			t.Errorf("sentence %q quotes %+v", s.Text, s.Quotes)
		}
	}
	if bs[2].Attribution != "A patient told us that:" || bs[2].Sentences[0].Quotes[0].Text != "I slept through the night." || bs[2].Sentences[0].Quotes[0].Attribution != "A patient told us that:" {
		t.Errorf("quote 2 %+v", bs[2])
	}
	if bs[3].Attribution != "" || len(bs[3].Sentences[0].Quotes) != 0 {
		t.Errorf("quote 3 %+v", bs[3])
	}
	if bs[4].Attribution != "Sam, 54" || d.Text[bs[4].AttributionAt.Start-len("— "):bs[4].AttributionAt.Start] != "— " {
		t.Errorf("quote 4 %+v", bs[4])
	}
}

func TestHTMLReferences(t *testing.T) {
	ref := func(i int) string {
		return fmt.Sprintf("Author%c A, Other B. A study of pain number %d. J Pain. 20%02d;%d(2):10-20.", 'A'+i, i, 10+i, i)
	}
	tests := []struct {
		name string
		body string
		nums []int
	}{
		{"ol with start and value", `<h2>References</h2><ol start="3"><li>` + ref(1) + `</li><li>` + ref(2) + `</li><li value="9">` + ref(3) + `</li></ol>`, []int{3, 4, 9}},
		{"ul with numbers in the text", `<h2>Sources</h2><ul><li>[2] ` + ref(1) + `</li><li>3. ` + ref(2) + `</li></ul>`, []int{2, 3}},
		{"ids", `<h2>Footnotes</h2><ul><li id="cite_note-7">` + ref(1) + ` <a href="#cite_ref-7">↑</a></li><li id="ref8">` + ref(2) + `</li><li>` + ref(3) + `</li></ul>`, []int{7, 8, 0}},
		{"container class, no heading", `<div class="article-references"><ol><li>` + ref(1) + `</li><li>` + ref(2) + `</li></ol></div>`, []int{1, 2}},
		{"aside of footnotes", `<aside class="footnotes"><ol><li id="fn1">` + ref(1) + ` <a href="#fnref1" class="footnote-back">Back</a></li></ol></aside>`, []int{1}},
		{"paragraphs under a heading", `<h2>Bibliography</h2><p>` + ref(1) + `</p><p>` + ref(2) + `<br>` + ref(3) + `</p>`, []int{0, 0, 0}},
		{"trailing citation list without heading", `<ul><li>` + ref(1) + `</li><li>` + ref(2) + `</li></ul><p>Share this</p>`, []int{0, 0}},
		{"sub-heading inside references", `<h2>References</h2><h3>Studies</h3><ol><li>` + ref(1) + `</li></ol><h3>Websites</h3><ul><li>NHS (2023) Tramadol. https://www.nhs.uk/medicines/tramadol/</li></ul>`, []int{1, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseHTMLOK(t, page(`<article><h1>T</h1><p>It helps.<sup>1</sup></p>`+tc.body+`</article>`))
			var nums []int
			for i, r := range d.References {
				nums = append(nums, r.Number)
				if strings.ContainsAny(r.Raw, "↑[") || strings.HasSuffix(r.Raw, "Back") || r.Ref.Title == "" {
					t.Errorf("ref %d raw %q parsed %+v", i, r.Raw, r.Ref)
				}
			}
			if !reflect.DeepEqual(nums, tc.nums) {
				t.Errorf("numbers %v, want %v\n%s", nums, tc.nums, d.Text)
			}
			n := 0
			for _, s := range d.Sections {
				for _, b := range s.Blocks {
					if b.IsReferences {
						n++
						if b.Kind != List {
							t.Errorf("reference block is a %s", b.Kind)
						}
					}
				}
			}
			if n == 0 {
				t.Error("no block marked IsReferences")
			}
		})
	}
	// link addresses are kept when the entry's text has none
	d := parseHTMLOK(t, page(`<article><h1>T</h1><p>Text.</p><h2>Sources</h2><ul>
		<li><a href="https://www.nhs.uk/medicines/tramadol/">NHS (2023) Tramadol: medicine to treat severe pain</a></li>
		<li>Smith J (2020) Kratom use. <a href="https://doi.org/10.1000/xyz">doi:10.1000/xyz</a></li>
		<li><a href="/local/page">Site (2021) A page on this site</a></li></ul>
		<h2>Notes</h2><p>Doe A (2019) Another study of pain. <a href="https://example.org/study">Full text</a></p></article>`))
	var raws, urls []string
	for _, r := range d.References {
		raws = append(raws, r.Raw)
		urls = append(urls, r.Ref.URL)
	}
	wantRaws := []string{
		"NHS (2023) Tramadol: medicine to treat severe pain https://www.nhs.uk/medicines/tramadol/",
		"Smith J (2020) Kratom use. doi:10.1000/xyz",
		"Site (2021) A page on this site",
		"Doe A (2019) Another study of pain. Full text https://example.org/study",
	}
	if !reflect.DeepEqual(raws, wantRaws) || urls[0] != "https://www.nhs.uk/medicines/tramadol/" {
		t.Errorf("references %q urls %q", raws, urls)
	}
	// the body of the article is not a reference list
	d = parseHTMLOK(t, page(`<article><h1>T</h1><p>Tips:</p><ul><li>Sleep well</li><li>Eat well</li></ul></article>`))
	if len(d.References) != 0 {
		t.Errorf("references %+v", d.References)
	}
}

func TestHTMLErrors(t *testing.T) {
	big := bytes.Repeat([]byte("<p>x</p>"), MaxArticleBytes/8+1)
	tests := []struct {
		name, src, msg string
		offset         int
	}{
		{"empty", "", "no article text found", 0},
		{"blank", " \n\t ", "no article text found", 0},
		{"only furniture", "<html><head><title>T</title><script>var a=1</script></head><body><nav><a href=/>Home</a></nav><footer>(c) 2024</footer></body></html>", "no article text found", 0},
		{"only a title", "<h1>Just a heading</h1>", "no article text found", 0},
		{"invalid UTF-8", "<p>Caf\xe9</p>", "invalid UTF-8 (byte 0xe9)", 6},
		{"invalid UTF-8 declared", "<meta charset=utf-8><p>\xff</p>", "invalid UTF-8 (byte 0xff)", 23},
		{"unsupported charset", "<html><head><meta charset=\"Shift_JIS\"></head><body><p>x</p></body></html>", "charset Shift_JIS is not supported", -1},
		{"unsupported charset http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>x</p>", "charset koi8-r is not supported", -1},
		{"binary", "<p>a\x00b</p>", "binary data, not an HTML page", 4},
		{"binary UTF-16", string(utf16LE("\ufeff<p>a\x00b</p>")), "binary data, not an HTML page", 0},
		{"too large", string(big), fmt.Sprintf("page is %d bytes; the limit is %d bytes", len(big), MaxArticleBytes), 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseHTML("bad.html", []byte(tc.src))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, %v; want a *ParseError", d, err)
			}
			if tc.offset < 0 {
				// the offset of the charset name
				tc.offset = strings.LastIndex(tc.src, "=") + 1
				if tc.src[tc.offset] == '"' {
					tc.offset++
				}
			}
			if pe.Msg != tc.msg || pe.Offset != tc.offset || pe.File != "bad.html" {
				t.Errorf("got %q at %d, want %q at %d", pe.Msg, pe.Offset, tc.msg, tc.offset)
			}
		})
	}
}

func TestHTMLCharsets(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"windows-1252", "<meta charset=\"windows-1252\"><p>Caf\xe9 \x96 \x93pain\x94 relief.</p>", "Café – “pain” relief."},
		{"iso-8859-1 http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Na\xefve \xb0C.</p>", "Naïve °C."},
		{"xml declaration", "<?xml version=\"1.0\" encoding=\"latin1\"?><html><body><p>\xc0 bient\xf4t.</p></body></html>", "À bientôt."},
		{"utf-8 BOM", "\xef\xbb\xbf<p>Caf\xc3\xa9.</p>", "Café."},
		{"utf-16le BOM", string(utf16LE("\ufeff<p>Caf\u00e9 ok.</p>")), "Café ok."},
		{"declared utf-16 without BOM is utf-8", "<meta charset=utf-16><p>Caf\xc3\xa9.</p>", "Café."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseHTMLOK(t, tc.src)
			if d.Text != tc.want {
				t.Errorf("text %q, want %q", d.Text, tc.want)
			}
		})
	}
}

func utf16LE(s string) []byte {
	var out []byte
	for _, r := range s {
		if r > 0xffff {
			panic("BMP only")
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// TestHTMLBrokenMarkup: pages that x/net/html has to repair still parse,
// with their text.
func TestHTMLBrokenMarkup(t *testing.T) {
	for _, src := range []string{
		"<p>Unclosed paragraph one<p>Unclosed paragraph two",
		"<ul><li>one<li>two<ul><li>inner",
		"<b>bold <i>both</b> italic</i> plain text here",
		"<div><span>text</div></span></p></li></table>",
		"<table><td>cell without row<td>another</table>",
		"<p>attr <a href=x title='y>link</a> after",
		"<article><h1>T</h1><p>text &amp entity &nbsp; &unknown; &#9999999; &#x110000;</p>",
		"<h2>Heading that never closes<p>Body under it.",
		"<p>a<blockquote>b<p>c</blockquote>d",
		"</p></div><p>Stray end tags first.</p>",
		"<!-- unclosed comment <p>hidden",
		"<p>x</p><script>unclosed script",
		"<![CDATA[ cdata ]]><p>after cdata</p>",
		"<p>" + strings.Repeat("<i>", 600) + "deep formatting",
		strings.Repeat("<div>", 3000) + "<p>deep text</p>",
		strings.Repeat("<ul><li>", 1000) + "deep item",
		strings.Repeat("<table><tr><td>", 800) + "deep cell",
		strings.Repeat("<blockquote>", 700) + "deep quote",
		strings.Repeat("<h2>", 700) + "deep heading<p>text",
		strings.Repeat("<sup>", 700) + "1",
	} {
		d, err := ParseHTML("broken.html", []byte(src))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Msg != "no article text found" {
				t.Errorf("%.60q: %v", src, err)
			}
			continue
		}
		checkHTMLDoc(t, d)
		if strings.TrimSpace(d.Text) == "" {
			t.Errorf("%.60q: no text", src)
		}
	}
	d := parseHTMLOK(t, strings.Repeat("<div>", 3000)+"<p>deep text</p>")
	if !strings.Contains(d.Text, "deep text") {
		t.Errorf("deeply nested text lost: %q", d.Text)
	}
}

// htmlBigPage generates an article page of at least n bytes.
func htmlBigPage(n int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kratom and chronic pain | Site</title><style>p{margin:0}</style></head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/drugs">Drugs</a></li></ul></nav></header>
<main><article><h1>Kratom and chronic pain</h1><p class="byline">By Jane Doe</p>`)
	for i := 0; b.Len() < n; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&b, "<h2>Part %d</h2>\n", i/20)
		}
		fmt.Fprintf(&b, `<p>Kratom leaves contain mitragynine, which acts on opioid receptors<sup><a href="#r%d">%d</a></sup>. Some users report <strong>pain relief</strong> and <em>more energy</em> [%d]; others report nausea &amp; constipation (%d, %d). “It helped,” one said.</p>`+"\n", i%9+1, i%9+1, i%7+1, i%5+1, i%3+1)
		switch i % 10 {
		case 0:
			b.WriteString(`<p>Reported effects include:</p><ul><li><b>Nausea:</b> common</li><li>Itching<ul><li>mild</li><li>moderate</li></ul></li></ul>`)
		case 3:
			b.WriteString(`<table><tr><th>Common</th><th>Rare</th></tr><tr><td>Nausea</td><td>Seizures</td></tr><tr><td>Constipation<br>Sweating</td><td>Liver injury</td></tr></table>`)
		case 6:
			b.WriteString(`<blockquote><p>“Start low and go slow.”</p><footer>— A pharmacist</footer></blockquote><div class="share"><a href="#">Share</a></div>`)
		case 8:
			b.WriteString(`<aside class="related"><h3>Related</h3><ul><li><a href="/x">Kratom withdrawal explained in detail</a></li></ul></aside><script>var x = 1;</script>`)
		}
	}
	b.WriteString(`<h2>References</h2><ol>`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, `<li id="r%d">Smith J, Doe A. Kratom study %d. J Pain. 2020;%d(2):10-20.</li>`, i, i, i)
	}
	b.WriteString(`</ol></article></main><footer><p>© 2024 Site</p></footer></body></html>`)
	return []byte(b.String())
}

func TestHTMLLargePage(t *testing.T) {
	src := htmlBigPage(5 << 20)
	// CPU time rather than wall time: the machine may be busy with other work
	start, cpu0 := time.Now(), htmlCPUTime()
	d, err := ParseHTML("big.html", src)
	elapsed, cpu := time.Since(start), htmlCPUTime()-cpu0
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d bytes parsed in %v (%v of CPU): %d bytes of text, %d sections", len(src), elapsed, cpu, len(d.Text), len(d.Sections))
	if cpu > 4*time.Second || elapsed > 60*time.Second {
		t.Errorf("a %d-byte page took %v (%v of CPU)", len(src), elapsed, cpu)
	}
	checkHTMLDoc(t, d)
	if d.Title != "Kratom and chronic pain" || len(d.References) != 9 || len(d.Sections) < 100 {
		t.Errorf("title %q, %d references, %d sections", d.Title, len(d.References), len(d.Sections))
	}
	for _, bad := range []string{"Share", "Related", "var x", "By Jane Doe", "Home"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("furniture %q in the text", bad)
		}
	}
}

// htmlCPUTime is the CPU time (user and system, all threads) the test
// process has used.
func htmlCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func FuzzParseHTML(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "<p>x</p>", "<h1>T</h1><p>a [1] b (2, 3). c<sup>4</sup></p>", "<ul><li><b>L:</b> d<ul><li>c",
		"<table><tr><th>Common<th>Rare<tr><td>a<br>b<td>c</table>", "<blockquote>q<footer>— x</footer></blockquote>",
		"<h2>References</h2><ol><li>[1] Smith J. T. J. 2020;1:2.</li></ol>", "<dl><dt>a<dd>b<dd>c</dl>",
		"<meta charset=latin1><p>\xe9</p>", "<p>a<br><br><br>b</p>", "<p>“a. b.” c [1-3]¹²</p>",
		"<article class=comment><p>x</p></article><main></main>", "\xef\xbb\xbf<p>x", "\xff\xfe<\x00p\x00>\x00",
		"A<sup>0", // fuzz finds: a citation numbered 0; a NUL in UTF-16
		"\xff\xfe0000000000\x00\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ParseHTML("fuzz.html", src)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError", err)
			}
			if pe.Offset < 0 || pe.Offset > len(src) {
				t.Fatalf("error offset %d out of range", pe.Offset)
			}
			return
		}
		checkHTMLDoc(t, d)
		if strings.TrimSpace(d.Text) == "" {
			t.Fatal("a document with no text")
		}
	})
}

var _ = slices.Equal[[]int]
