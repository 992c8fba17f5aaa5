package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// mdParseOK parses src as Markdown and checks the invariants: Text is as
// long as the source and differs from it only by blanks (newlines kept),
// and every span slices Text to exactly the stored text.
func mdParseOK(t testing.TB, src string) *Document {
	t.Helper()
	d, err := ParseMarkdown("t.md", []byte(src))
	if err != nil {
		t.Fatalf("ParseMarkdown: %v", err)
	}
	mdCheckText(t, src, d)
	checkSpans(t, d)
	return d
}

func mdCheckText(t testing.TB, src string, d *Document) {
	t.Helper()
	if len(d.Text) != len(src) {
		t.Fatalf("len(Text) = %d, len(src) = %d", len(d.Text), len(src))
	}
	for i := 0; i < len(src); i++ {
		if d.Text[i] != src[i] && d.Text[i] != ' ' {
			t.Fatalf("Text[%d] = %q, source %q: only blanks may differ", i, d.Text[i], src[i])
		}
		if (src[i] == '\n') != (d.Text[i] == '\n') {
			t.Fatalf("Text[%d] = %q, source %q: newlines must stay", i, d.Text[i], src[i])
		}
	}
}

func TestParseMarkdownStructure(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		title string
		want  []string
	}{
		{"ATX headings and levels",
			"# Title\n\nIntro. Two.\n\n## Risks\n\nText.\n\n### Liver\n\nMore.\n\n#### Deep\n\nDeeper.\n",
			"Title",
			[]string{"S0 ", "  paragraph 2", "S2 Risks", "  paragraph 1", "S3 Liver", "  paragraph 1", "S4 Deep", "  paragraph 1"}},
		{"setext headings",
			"Title Here\n==========\n\nIntro.\n\nSide Effects\n------------\n\nNausea is common.\n",
			"Title Here",
			[]string{"S0 ", "  paragraph 1", "S2 Side Effects", "  paragraph 1"}},
		{"a second level-1 heading is a section",
			"# Title\n\nA.\n\n# Part Two\n\nB.\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "S1 Part Two", "  paragraph 1"}},
		{"no H1: the first heading is the title",
			"## Overview\n\nText.\n\n## Risks\n\nMore.\n",
			"Overview",
			[]string{"S0 ", "  paragraph 1", "S2 Risks", "  paragraph 1"}},
		{"no heading: the first line is the title",
			"Capsaicin and Pain\n\nCapsaicin comes from chili peppers.\n",
			"Capsaicin and Pain",
			[]string{"S0 ", "  paragraph 1"}},
		{"front matter title when there is no H1",
			"---\ntitle: \"Capsaicin Cream\"\nauthor: A. Writer\n---\n\nIntro text.\n\n## Use\n\nRub it in.\n",
			"Capsaicin Cream",
			[]string{"S0 ", "  paragraph 1", "S2 Use", "  paragraph 1"}},
		{"H1 wins over the front matter title",
			"---\ntitle: Other\n---\n# Real Title\n\nText.\n",
			"Real Title",
			[]string{"S0 ", "  paragraph 1"}},
		{"TOML front matter",
			"+++\ntitle = \"Heat Packs\"\n+++\n\nText.\n",
			"Heat Packs",
			[]string{"S0 ", "  paragraph 1"}},
		{"a byte order mark",
			"\ufeff# Title\n\nText.\n",
			"Title",
			[]string{"S0 ", "  paragraph 1"}},
		{"a leading rule is not front matter",
			"---\n\n# Title\n\nText.\n",
			"Title",
			[]string{"S0 ", "  paragraph 1"}},
		{"nested and ordered lists with a lead-in",
			"# T\n\nThe steps are:\n\n1. Talk to your doctor\n2. Start low\n   - half a tablet\n   - with food\n3. Go slow\n",
			"T",
			[]string{"S0 ", "  paragraph 1", "  list 3 ordered leadin=The steps are:"}},
		{"block quote",
			"# T\n\nA 2020 review concluded that:\n\n> Capsaicin helps some people. Not all.\n",
			"T",
			[]string{"S0 ", "  paragraph 1", "  quote 2"}},
		{"fenced code is skipped",
			"# T\n\nBefore.\n\n```\nnot: text\n- nor a list\n```\n\n~~~\n# nor a heading\n~~~\n\nAfter.\n",
			"T",
			[]string{"S0 ", "  paragraph 1", "  paragraph 1"}},
		{"images and thematic breaks leave nothing",
			"# T\n\n![A chili pepper](chili.jpg)\n\n***\n\nText.\n",
			"T",
			[]string{"S0 ", "  paragraph 1"}},
		{"references heading",
			"# T\n\nBody.\n\n## References\n\n1. Smith J. A title. J Pain. 2020;1(2):3-4.\n2. Doe A. Another title. Lancet. 2019;5:6-7.\n",
			"T",
			[]string{"S0 ", "  paragraph 1", "S2 References", "  list 2 ordered refs"}},
		{"references as paragraph lines",
			"# T\n\nBody.\n\n## Sources\n\n[1] Smith J. A title. J Pain. 2020;1(2):3-4.\n[2] Doe A. Another title. Lancet. 2019;5:6-7.\n",
			"T",
			[]string{"S0 ", "  paragraph 1", "S2 Sources", "  list 2 ordered refs"}},
		{"trailing citations without a heading, then boilerplate",
			"# T\n\nBody.\n\n- Smith J, Doe A. (2020). “Title one.” J Pain. 2020;1(2):3-4.\n- World Health Organization, (2021), “Low back pain”.\n\n*Share this article*\n",
			"T",
			[]string{"S0 ", "  paragraph 1", "  list 2 refs", "S0 ", "  paragraph 1 boiler"}},
		{"footer heading starts the boilerplate",
			"# T\n\nBody.\n\n## Related articles\n\n- [Tramadol](t.md)\n- [Codeine](c.md)\n",
			"T",
			[]string{"S0 ", "  paragraph 1", "  paragraph 1 boiler", "  list 2 boiler"}},
		{"boilerplate lines",
			"# T\n\n*Medically reviewed by Dr. Sam Lee, MD*\n\nUpdated on March 3, 2024\n\nBody text. See your doctor.\n",
			"T",
			[]string{"S0 ", "  paragraph 1 boiler", "  paragraph 1 boiler", "  paragraph 2"}},
		{"HTML block text is kept",
			"# T\n\n<div class=\"note\">Keep it <b>cool</b>.</div>\n\n<!-- a comment -->\n\n<script>var x = 1;</script>\n",
			"T",
			[]string{"S0 ", "  paragraph 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mdParseOK(t, tc.src)
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if got := outline(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("outline\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestParseMarkdownBlanking checks what Document.Text reads like: the
// syntax is blanked, the words stay where they are.
func TestParseMarkdownBlanking(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"emphasis and link", "The **FDA** [said](http://x) so.", "The   FDA    said            so."},
		{"underscores, code and strikethrough", "An _opioid_, `code` and ~~old~~ text.", "An  opioid ,  code  and   old   text."},
		{"heading markers", "## Side Effects ##\n\nText.", "   Side Effects   \n\nText."},
		{"list and quote markers", "- one\n- two\n\n> quoted\n> more", "  one\n  two\n\n  quoted\n  more"},
		{"ordered markers", "1. one\n10) ten", "   one\n    ten"},
		{"image", "Look ![a pepper](p.jpg \"Pepper\") here.", "Look                             here."},
		{"inline HTML", "A <span class=\"x\">word</span> here.", "A                 word        here."},
		{"autolink keeps the URL", "See <https://nhs.uk> now.", "See  https://nhs.uk  now."},
		{"escapes", `2 \* 3 \_ok\_`, `2  * 3  _ok _`},
		{"hard break backslash", "one\\\ntwo", "one \ntwo"},
		{"reference link and its definition", "Read [the leaflet][pil].\n\n[pil]: https://example.org/pil \"PIL\"\n", "Read  the leaflet      .\n\n                                    \n"},
		{"table pipes", "| A | B |\n|---|---|\n| x | y |\n", "  A   B  \n         \n  x   y  \n"},
		{"citations", "Pain fell.[1] It rose [2-4] and fell<sup>5</sup> again[^6].\n\n[^6]: Smith J. Title. J. 2020.\n",
			"Pain fell.    It rose       and fell             again    .\n\n      Smith J. Title. J. 2020.\n"},
		{"citation links", "Helps [[7]](#ref-7) and [8](https://x.org/8).", "Helps               and                     ."},
		{"citations in code stay", "Use `[1]` here.", "Use  [1]  here."},
		{"fenced code", "Text.\n\n```go\nx := 1\n```\n", "Text.\n\n     \n      \n   \n"},
		{"front matter", "---\ntitle: Heat\ntags: [a, b]\n---\nBody.\n", "   \n       Heat\n            \n   \nBody.\n"},
		{"non-ASCII kept whole", "**Café** — “ok”", "  Café   — “ok”"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mdParseOK(t, tc.src)
			if d.Text != tc.want {
				t.Errorf("Text\n got %q\nwant %q", d.Text, tc.want)
			}
		})
	}
}

// mdSentences lists the sentences of a document's paragraphs and quotes.
func mdSentences(d *Document) []Sentence {
	var out []Sentence
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if b.IsReferences {
				continue
			}
			out = append(out, b.Sentences...)
			for _, it := range b.Items {
				out = append(out, it.Sentences...)
			}
		}
	}
	return out
}

func TestParseMarkdownCitations(t *testing.T) {
	src := "# T\n\n" +
		"Capsaicin burns.[1] Creams help [2-4]. Patches too[^5], and gels<sup>6,7</sup>.\n" +
		"Some say so [[8]](#r8). Others disagree.[9, 11] The end [^note].\n\n" +
		"Uses include:\n\n- Nerve pain[3]\n- Arthritis <sup>[10]</sup>\n\n" +
		"[^5]: Jones B. Patches. Pain. 2019;1:2.\n[^note]: A note that is not numbered.\n"
	d := mdParseOK(t, src)
	var got [][]int
	var texts []string
	for _, s := range mdSentences(d) {
		got = append(got, s.Cites)
		texts = append(texts, s.Text)
	}
	want := [][]int{{1}, {2, 3, 4}, {5, 6, 7}, {8}, {9, 11}, {2}, nil, {3}, {10}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cites %v, want %v (sentences %q)", got, want, texts)
	}
	for _, s := range texts {
		if strings.ContainsAny(s, "[]^<>") {
			t.Errorf("marker left in %q", s)
		}
	}
	// footnote definitions are the reference list, numbered by label (or
	// place)
	if len(d.References) != 2 || d.References[0].Number != 5 || d.References[1].Number != 2 {
		t.Fatalf("references %+v", d.References)
	}
	if r := d.References[0]; r.Raw != "Jones B. Patches. Pain. 2019;1:2." || r.Ref.Year != 2019 {
		t.Errorf("reference 1: %+v", r)
	}
}

func TestParseMarkdownListsAndLabels(t *testing.T) {
	src := "# T\n\nTreatments include:\n\n" +
		"- **Physiotherapy:** A professional can help. It works over time.\n" +
		"- *Prescription medications*: painkillers and anti-inflammatories\n" +
		"- Heat: warm packs\n" +
		"- **Oils and tinctures.** Drops held under the tongue.\n" +
		"- **A whole sentence in bold that is far too long to be a label.** More\n" +
		"- A very long item that has a colon after far too many words: so no label\n" +
		"- Parent item\n  1. Child one\n  2. Child two\n" +
		"- Loose item\n\n  with a second paragraph.\n\n" +
		"Steps:\n\n3. Third\n7. Seventh\n"
	d := mdParseOK(t, src)
	bs := d.Sections[0].Blocks
	if len(bs) != 4 || bs[1].Kind != List || len(bs[1].Items) != 8 {
		t.Fatalf("outline %q", outline(d))
	}
	b := bs[1]
	if b.LeadIn == nil || b.LeadIn != &bs[0].Sentences[0] {
		t.Errorf("lead-in %+v", b.LeadIn)
	}
	labels := []string{"Physiotherapy", "Prescription medications", "Heat", "Oils and tinctures", "", "", "", ""}
	for i, l := range labels {
		if b.Items[i].Label != l {
			t.Errorf("item %d %q: label %q, want %q", i, b.Items[i].Text, b.Items[i].Label, l)
		}
	}
	if ss := sentenceTexts(b.Items[0].Sentences); !reflect.DeepEqual(ss, []string{"A professional can help.", "It works over time."}) {
		t.Errorf("item 0 sentences %q", ss)
	}
	if ss := sentenceTexts(b.Items[1].Sentences); !reflect.DeepEqual(ss, []string{"painkillers and anti-inflammatories"}) {
		t.Errorf("item 1 sentences %q", ss)
	}
	if ss := sentenceTexts(b.Items[3].Sentences); !reflect.DeepEqual(ss, []string{"Drops held under the tongue."}) {
		t.Errorf("item 3 sentences %q", ss)
	}
	p := b.Items[6]
	if p.Text != "Parent item" || len(p.Children) != 1 || !p.Children[0].Ordered || len(p.Children[0].Items) != 2 || p.Children[0].Items[1].Text != "Child two" {
		t.Errorf("item 4: %q children %+v", p.Text, p.Children)
	}
	if b.Items[7].Text != "Loose item\n\n  with a second paragraph." {
		t.Errorf("item 7: %q", b.Items[7].Text)
	}
	if o := bs[3]; !o.Ordered || o.LeadIn == nil || o.LeadIn.Text != "Steps:" {
		t.Errorf("ordered list %+v", o)
	}
}

func TestParseMarkdownReferenceNumbers(t *testing.T) {
	src := "# T\n\nBody [2].\n\n## References\n\n" +
		"3. Smith J. A title. J Pain. 2020;1(2):3-4.\n" +
		"4. [Doe A. Another title. Lancet. 2019;5:6-7.](https://doi.org/10.1016/abc)\n" +
		"5. Roe B. Fifth title. Pain. 2016;9:1-2. [https://pain.org/5](https://pain.org/5)\n\n" +
		"## Notes\n\n[1] Lee K. Third title. BMJ. 2018;2:1-2.\n[2] Kim H. Fourth title. JAMA. 2017;3:4-5.\n"
	d := mdParseOK(t, src)
	var nums []int
	for _, r := range d.References {
		nums = append(nums, r.Number)
	}
	if !reflect.DeepEqual(nums, []int{3, 4, 5, 1, 2}) {
		t.Errorf("numbers %v", nums)
	}
	if r := d.References[1]; r.Ref.DOI != "10.1016/abc" || !strings.HasSuffix(r.Raw, "https://doi.org/10.1016/abc") {
		t.Errorf("a link's URL is not in the entry: %+v", r)
	}
	if r := d.References[2]; r.Raw != "Roe B. Fifth title. Pain. 2016;9:1-2.  https://pain.org/5  https://pain.org/5" {
		t.Errorf("raw %q", r.Raw)
	}
	if r := d.References[3]; r.Raw != "Lee K. Third title. BMJ. 2018;2:1-2." {
		t.Errorf("raw %q", r.Raw)
	}
}

func TestParseMarkdownQuotes(t *testing.T) {
	tests := []struct {
		name, src  string
		sentences  []string
		attr       string
		blockquote int // index of the quote block in section 0
	}{
		{"closing dash line",
			"# T\n\n> It helps. Not always.\n>\n> — Dr. Ana Ruiz, pharmacist\n",
			[]string{"It helps.", "Not always."}, "Dr. Ana Ruiz, pharmacist", 0},
		{"dash line in the same paragraph",
			"# T\n\n> It helps.\n> -- Prof. Lee\n",
			[]string{"It helps."}, "Prof. Lee", 0},
		{"dash read as a list",
			"# T\n\n> It helps.\n>\n> - Dr. Kim\n",
			[]string{"It helps."}, "Dr. Kim", 0},
		{"the sentence before",
			"# T\n\nOne pharmacist told us that:\n\n> Capsaicin needs weeks.\n",
			[]string{"Capsaicin needs weeks."}, "One pharmacist told us that:", 1},
		{"no attribution",
			"# T\n\nSome text.\n\n> A callout. Read it.\n",
			[]string{"A callout.", "Read it."}, "", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mdParseOK(t, tc.src)
			b := d.Sections[0].Blocks[tc.blockquote]
			if b.Kind != Quote {
				t.Fatalf("block %d is a %s: %q", tc.blockquote, b.Kind, outline(d))
			}
			if got := sentenceTexts(b.Sentences); !reflect.DeepEqual(got, tc.sentences) {
				t.Errorf("sentences %q", got)
			}
			if b.Attribution != tc.attr {
				t.Errorf("attribution %q, want %q", b.Attribution, tc.attr)
			}
		})
	}
}

func TestParseMarkdownTables(t *testing.T) {
	t.Run("comparison columns", func(t *testing.T) {
		src := "# T\n\n| | Tramadol | Capsaicin |\n|---|---|---|\n| How it works | Acts on mu-opioid receptors | Activates TRPV1 |\n| Side effects | Nausea | Burning |\n"
		d := mdParseOK(t, src)
		bs := d.Sections[0].Blocks
		if len(bs) != 2 {
			t.Fatalf("outline %q", outline(d))
		}
		var got []string
		for _, b := range bs {
			line := b.About.Text + ":"
			if src[b.About.Start:b.About.End] != b.About.Text {
				t.Errorf("about span %v does not hold %q", b.About.Span, b.About.Text)
			}
			for _, it := range b.Items {
				line += " " + it.Label + "=" + it.Text + ";"
			}
			got = append(got, line)
		}
		want := []string{"Tramadol: How it works=Acts on mu-opioid receptors; Side effects=Nausea;", "Capsaicin: How it works=Activates TRPV1; Side effects=Burning;"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("lists %q", got)
		}
	})
	t.Run("group columns", func(t *testing.T) {
		src := "# T\n\n| Common | Rare |\n|---|---|\n| Nausea | Seizures |\n| **Dry** mouth | |\n| Sweating | Fainting |\n"
		d := mdParseOK(t, src)
		bs := d.Sections[0].Blocks
		if len(bs) != 2 {
			t.Fatalf("outline %q", outline(d))
		}
		var got []string
		for _, b := range bs {
			line := b.LeadIn.Text + ":"
			for _, it := range b.Items {
				line += " " + it.Text + ";"
			}
			got = append(got, line)
		}
		want := []string{"Common: Nausea; Dry   mouth; Sweating;", "Rare: Seizures; Fainting;"}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("lists %q", got)
		}
	})
	t.Run("first column names the items", func(t *testing.T) {
		src := "# T\n\nSide effects include:\n\n| Side effect | How common | What to do |\n|---|---|---|\n| Nausea | Very common | Take it with food. |\n| Dizziness | Common | Sit down. Wait. |\n"
		d := mdParseOK(t, src)
		bs := d.Sections[0].Blocks
		if len(bs) != 2 || bs[1].Kind != List || len(bs[1].Items) != 2 {
			t.Fatalf("outline %q", outline(d))
		}
		b := bs[1]
		if b.LeadIn == nil || b.LeadIn.Text != "Side effects include:" {
			t.Errorf("lead-in %+v", b.LeadIn)
		}
		it := b.Items[1]
		if it.Label != "Dizziness" || it.Text != "Dizziness   Common   Sit down. Wait." {
			t.Errorf("item %q label %q", it.Text, it.Label)
		}
		if got := sentenceTexts(it.Sentences); !reflect.DeepEqual(got, []string{"Common", "Sit down.", "Wait."}) {
			t.Errorf("sentences %q", got)
		}
	})
	t.Run("header row as lead-in", func(t *testing.T) {
		src := "# T\n\n| Treatment | What it involves |\n|---|---|\n| Physiotherapy | Exercises |\n"
		d := mdParseOK(t, src)
		b := d.Sections[0].Blocks[0]
		if b.LeadIn == nil || b.LeadIn.Text != "Treatment   What it involves" || b.Items[0].Label != "Physiotherapy" {
			t.Errorf("block %+v", b)
		}
	})
	t.Run("a column of row labels is no group", func(t *testing.T) {
		src := "# T\n\n| | Common | Rare |\n|---|---|---|\n| Gut | Nausea | Bleeding |\n"
		d := mdParseOK(t, src)
		s := d.Sections[0]
		if len(s.Blocks) != 2 || s.Blocks[0].LeadIn.Text != "Common" || s.Blocks[1].Items[0].Text != "Bleeding" || s.Start != s.Blocks[0].LeadIn.Start {
			t.Errorf("section %+v", s)
		}
	})
	t.Run("one column", func(t *testing.T) {
		src := "# T\n\n| Symptoms |\n|---|\n| Chills |\n| Fever |\n"
		d := mdParseOK(t, src)
		b := d.Sections[0].Blocks[0]
		if b.LeadIn == nil || b.LeadIn.Text != "Symptoms" || len(b.Items) != 2 {
			t.Errorf("block %+v", b)
		}
	})
}

// TestParseMarkdownGolden parses the Markdown articles in
// testdata/markdown and compares the parse with the golden dump beside
// each (go test ./ingest -run TestParseMarkdownGolden -update rewrites
// them).
func TestParseMarkdownGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "markdown", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Markdown articles in testdata/markdown (%v)", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := mdParseOK(t, string(src))
			got := dumpDocument(d)
			path := strings.TrimSuffix(f, ".md") + ".golden"
			if *txtUpdate {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./ingest -run TestParseMarkdownGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the parse; run go test ./ingest -run TestParseMarkdownGolden -update and review the diff", path)
			}
		})
	}
}

func TestParseMarkdownErrors(t *testing.T) {
	for _, src := range []string{"", " \n\t\n", "a\x00b", "bad \xff utf-8"} {
		_, err := ParseMarkdown("x.md", []byte(src))
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%q: error %v is not a *ParseError", src, err)
		}
	}
}

func FuzzParseMarkdown(f *testing.F) {
	if b, err := os.ReadFile(filepath.Join("testdata", "markdown", "tramadol-back-pain.md")); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"# T\n\nA **b** [c](d) `e` ![f](g) <h>i</h>.[1]\n",
		"---\ntitle: x\n---\n", "+++\ntitle = \"y\"\n+++\nz", "---\n---\n",
		"> q\n>\n> — A\n", "> - x\n", "- a\n  - b\n    1. c\n", "1. a\n\n   b\n2) c",
		"| a | b |\n|---|---|\n| c | |\n", "|x|\n|-|\n", "```\ncode\n", "    indented\n",
		"[^1]: ref\n\nx[^1] y[^z]\n\n[^z]:\n", "<sup>1</sup><sup>x</sup><sup>", "[[1]](#a) [1][] [1]: /u\n",
		"## References\n\n[1] A B. C. D. 2020.\n", "Title\n=\n\n- \n-\n", "\\*\\\n*", "<!--\n-->\n<div>\n",
		"*a **b** c*", "[a](<b c>)", "\ufeff# T", "\r\n# T\r\n\r\n- x\r\n", "é**é**é", "<https://x>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := ParseMarkdown("fuzz.md", src)
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
		mdCheckText(t, string(src), d)
		checkSpans(t, d)
	})
}
