package ingest

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var txtUpdate = flag.Bool("update", false, "rewrite the golden files in testdata/parse")

// dumpDocument renders a parsed document as readable text for golden files.
func dumpDocument(d *Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "TITLE %s %q\n", spanStr(d.TitleAt), d.Title)
	for i, s := range d.Sections {
		fmt.Fprintf(&b, "\nSECTION %d level=%d %s heading=%q %s\n", i, s.Level, spanStr(s.Span), s.Heading, spanStr(s.HeadingAt))
		for _, bl := range s.Blocks {
			dumpBlock(&b, bl, "  ")
		}
	}
	fmt.Fprintf(&b, "\nREFERENCES %d\n", len(d.References))
	for i, r := range d.References {
		fmt.Fprintf(&b, "  REF %d %s number=%d %q\n", i+1, spanStr(r.Span), r.Number, r.Raw)
		dumpRef(&b, r.Ref, "    ")
	}
	return b.String()
}

func spanStr(s Span) string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }

func dumpBlock(b *strings.Builder, bl Block, ind string) {
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
		fmt.Fprintf(b, "%s  LEADIN %s %q\n", ind, spanStr(bl.LeadIn.Span), bl.LeadIn.Text)
	}
	if bl.Attribution != "" {
		fmt.Fprintf(b, "%s  ATTRIBUTION %s %q\n", ind, spanStr(bl.AttributionAt), bl.Attribution)
	}
	for _, s := range bl.Sentences {
		dumpSentence(b, s, ind+"  ")
	}
	for _, it := range bl.Items {
		fmt.Fprintf(b, "%s  ITEM %s %q\n", ind, spanStr(it.Span), it.Text)
		if it.Label != "" {
			fmt.Fprintf(b, "%s    LABEL %s %q\n", ind, spanStr(it.LabelAt), it.Label)
		}
		if len(it.Sentences) != 1 || it.Sentences[0].Text != it.Text || len(it.Sentences[0].Quotes) > 0 || len(it.Sentences[0].Cites) > 0 {
			for _, s := range it.Sentences {
				dumpSentence(b, s, ind+"    ")
			}
		}
		for _, c := range it.Children {
			dumpBlock(b, c, ind+"    ")
		}
	}
}

func dumpSentence(b *strings.Builder, s Sentence, ind string) {
	fmt.Fprintf(b, "%sS %s %q\n", ind, spanStr(s.Span), s.Text)
	if len(s.Cites) > 0 {
		fmt.Fprintf(b, "%s  CITES %v\n", ind, s.Cites)
	}
	for _, q := range s.Quotes {
		fmt.Fprintf(b, "%s  QUOTE %s %q\n", ind, spanStr(q.Span), q.Text)
		if q.Attribution != "" {
			fmt.Fprintf(b, "%s    ATTRIBUTION %s %q\n", ind, spanStr(q.AttributionAt), q.Attribution)
		}
	}
}

func dumpRef(b *strings.Builder, r ParsedRef, ind string) {
	f := func(k, v string) {
		if v != "" {
			fmt.Fprintf(b, "%s%s: %s\n", ind, k, v)
		}
	}
	if len(r.Authors) > 0 {
		f("authors", strings.Join(r.Authors, " | "))
	}
	if r.EtAl {
		f("et al", "true")
	}
	f("organization", r.Organization)
	if r.Year != 0 {
		f("year", fmt.Sprint(r.Year))
	}
	f("title", r.Title)
	f("venue", r.Venue)
	f("publisher", r.Publisher)
	f("volume", r.Volume)
	f("issue", r.Issue)
	f("pages", r.Pages)
	f("article number", r.ArticleNumber)
	f("date", r.Date)
	f("type", r.Type)
	f("doi", r.DOI)
	f("url", r.URL)
}

func TestGolden(t *testing.T) {
	for _, c := range []struct{ src, golden string }{
		{"../internal/sample/kratom-chronic-back-pain.txt", "seed.golden"},
		{"../testdata/articles/gabapentin-nerve-pain.txt", "gabapentin.golden"},
		{"../testdata/articles/cbd-arthritis-pain.txt", "cbd.golden"},
	} {
		src, err := os.ReadFile(c.src)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ParseText(filepath.Base(c.src), src)
		if err != nil {
			t.Fatal(err)
		}
		checkSpans(t, doc)
		got := dumpDocument(doc)
		path := filepath.Join("testdata", "parse", c.golden)
		if *txtUpdate {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from the parse; run go test ./ingest -run TestGolden -update and review the diff", path)
		}
	}
}

// checkSpans verifies that every span slices Document.Text to exactly the
// stored text.
func checkSpans(t testing.TB, d *Document) {
	t.Helper()
	ok := func(what string, s Span, text string) {
		t.Helper()
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Fatalf("%s: span %v out of range (len %d)", what, s, len(d.Text))
		}
		if got := d.Text[s.Start:s.End]; got != text {
			t.Fatalf("%s: span %v slices %q, stored %q", what, s, got, text)
		}
	}
	ok("title", d.TitleAt, d.Title)
	var sent func(string, Sentence)
	sent = func(where string, s Sentence) {
		ok(where+" sentence", s.Span, s.Text)
		for i, n := range s.Cites {
			if n <= 0 || i > 0 && n <= s.Cites[i-1] {
				t.Fatalf("%s: cites %v not positive, sorted and unique", where, s.Cites)
			}
		}
		for _, q := range s.Quotes {
			ok(where+" quote", q.Span, q.Text)
			ok(where+" attribution", q.AttributionAt, q.Attribution)
			if q.Start < s.Start || q.End > s.End {
				t.Fatalf("quote %v outside sentence %v", q.Span, s.Span)
			}
		}
	}
	var block func(string, Block)
	block = func(where string, b Block) {
		if b.Start < 0 || b.End > len(d.Text) || b.Start > b.End {
			t.Fatalf("%s: block span %v out of range", where, b.Span)
		}
		for _, s := range b.Sentences {
			sent(where, s)
			if s.Start < b.Start || s.End > b.End {
				t.Fatalf("%s: sentence %v outside block %v", where, s.Span, b.Span)
			}
		}
		if b.LeadIn != nil {
			sent(where+" lead-in", *b.LeadIn)
		}
		ok(where+" block attribution", b.AttributionAt, b.Attribution)
		for _, it := range b.Items {
			ok(where+" item", it.Span, it.Text)
			ok(where+" label", it.LabelAt, it.Label)
			if it.Start < b.Start || it.End > b.End {
				t.Fatalf("%s: item %v outside block %v", where, it.Span, b.Span)
			}
			for _, s := range it.Sentences {
				sent(where+" item", s)
				if s.Start < it.Start || s.End > it.End {
					t.Fatalf("%s: sentence %v outside item %v", where, s.Span, it.Span)
				}
			}
			for _, c := range it.Children {
				block(where+" child", c)
			}
		}
	}
	for i, s := range d.Sections {
		where := fmt.Sprintf("section %d", i)
		ok(where+" heading", s.HeadingAt, s.Heading)
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Fatalf("%s: span %v out of range", where, s.Span)
		}
		for _, b := range s.Blocks {
			block(where, b)
		}
	}
	for i, r := range d.References {
		ok(fmt.Sprintf("reference %d", i), r.Span, r.Raw)
	}
}

// outline summarises a document: one line per section and block.
func outline(d *Document) []string {
	var out []string
	for _, s := range d.Sections {
		out = append(out, fmt.Sprintf("S%d %s", s.Level, s.Heading))
		for _, b := range s.Blocks {
			line := fmt.Sprintf("  %s", b.Kind)
			switch b.Kind {
			case List:
				line += fmt.Sprintf(" %d", len(b.Items))
			default:
				line += fmt.Sprintf(" %d", len(b.Sentences))
			}
			if b.Ordered {
				line += " ordered"
			}
			if b.LeadIn != nil {
				line += " leadin=" + b.LeadIn.Text
			}
			if b.IsReferences {
				line += " refs"
			}
			if b.Boilerplate {
				line += " boiler"
			}
			out = append(out, line)
		}
	}
	return out
}

func parseOK(t *testing.T, src string) *Document {
	t.Helper()
	d, err := ParseText("t.txt", []byte(src))
	if err != nil {
		t.Fatalf("ParseText: %v", err)
	}
	if d.Text != src {
		t.Fatalf("Document.Text is not the source")
	}
	checkSpans(t, d)
	return d
}

func TestParseTextStructure(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		title string
		want  []string
	}{
		{"title headings paragraphs",
			"My Title\n\nIntro one. It has two sentences.\n\nWhat Is It?\n\nBody text here.\n",
			"My Title",
			[]string{"S0 ", "  paragraph 2", "S2 What Is It?", "  paragraph 1"}},
		{"heading directly followed by a paragraph",
			"Title\n\nSide Effects\nMost people have none. Some have nausea.\n",
			"Title",
			[]string{"S0 ", "S2 Side Effects", "  paragraph 2"}},
		{"not headings",
			"Title\n\nThis is a short sentence.\n\nlower case start\n\nA line that ends with a comma,\n\nPossible side effects include:\n\n• Nausea\n• Dizziness\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "  paragraph 1", "  paragraph 1", "  paragraph 1", "  list 2 leadin=Possible side effects include:"}},
		{"heading too long",
			"Title\n\nThis Line Has Far Too Many Words To Be A Heading In Any Reasonable Article Really Honestly\n\nBody.\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "  paragraph 1"}},
		{"wrapped paragraph",
			"Title\n\nKratom is a herbal\nsupplement from Asia. It is\npopular.\n",
			"Title",
			[]string{"S0 ", "  paragraph 2"}},
		{"nested ordered list",
			"Title\n\nThe steps are:\n\n1. Talk to your doctor\n2. Start low\n   - half a tablet\n   - with food\n3. Go slow\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "  list 3 ordered leadin=The steps are:"}},
		{"lead-ins",
			"Title\n\nCommon ones include\n\n- Nausea\n\nShe tried things such as\n\n- Yoga\n\nThe list follows.\n\n- Tea\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "  list 1 leadin=Common ones include", "  paragraph 1", "  list 1 leadin=She tried things such as", "  paragraph 1", "  list 1"}},
		{"loose list",
			"Title\n\nOptions include:\n\n• One\n\n• Two\n\n• Three\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=Options include:"}},
		{"list after paragraph without blank line",
			"Title\n\nSymptoms include:\n• Chills\n• Fever\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "  list 2 leadin=Symptoms include:"}},
		{"dash inside a wrapped paragraph is not a bullet",
			"Title\n\nKratom is popular\n- but is it safe? Nobody knows.\n",
			"Title",
			[]string{"S0 ", "  paragraph 2"}},
		{"markdown-style and numbered heading levels",
			"Title\n\n## Risks\n\nText.\n\n### Liver\n\nMore.\n\n2.1 Kidneys\n\nEven more.\n",
			"Title",
			[]string{"S0 ", "S2 Risks", "  paragraph 1", "S3 Liver", "  paragraph 1", "S3 2.1 Kidneys", "  paragraph 1"}},
		{"all caps headings over mixed case",
			"Title\n\nRISKS\n\nText.\n\nLiver Problems\n\nMore.\n\nBENEFITS\n\nGood.\n",
			"Title",
			[]string{"S0 ", "S2 RISKS", "  paragraph 1", "S3 Liver Problems", "  paragraph 1", "S2 BENEFITS", "  paragraph 1"}},
		{"boilerplate lines",
			"Title\n\nWritten by Jane Doe\n\nMedically reviewed by Dr. Sam Lee, MD\n\nUpdated on March 3, 2024\n\nAdvertisement\n\nSee also: Gabapentin and pain\n\nRead more\n\nShare this\n\nBody text. See your doctor.\n",
			"Title",
			[]string{"S0 ", "  paragraph 1 boiler", "  paragraph 1 boiler", "  paragraph 1 boiler", "  paragraph 1 boiler", "  paragraph 1 boiler", "  paragraph 1 boiler", "  paragraph 1 boiler", "  paragraph 2"}},
		{"references heading",
			"Title\n\nBody para.\n\nReferences\n\n1. Smith J. A title. J Pain. 2020;1(2):3-4.\n2. Doe A. Another title. Lancet. 2019;5:6-7.\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "S2 References", "  list 2 ordered refs"}},
		{"references as lines under a heading",
			"Title\n\nBody para.\n\nSources:\n\nSmith, J. (2020). Title one. Journal of Pain, 1(2), 3-4.\nDoe, A. (2019). Title two. Pain Medicine, 5, 6-7.\n\nNHS (2022) Gabapentin. https://www.nhs.uk/medicines/gabapentin/\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "S2 Sources:", "  list 3 refs"}},
		{"trailing references without heading, then boilerplate",
			"Title\n\nBody.\n\n  • Smith J, Doe A. (2020). “Title one.” J Pain. 2020;1(2):3-4.\n  • World Health Organization, (2021), “Low back pain”.\n\nShare this article\n\nRecent posts\n\nKratom and sleep\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "  list 2 refs", "S0 ", "  paragraph 1 boiler", "  paragraph 1 boiler", "  paragraph 1 boiler"}},
		{"trailing list of tips is not a reference list",
			"Title\n\nTips:\n\n• Sleep well\n• Eat well\n",
			"Title",
			[]string{"S0 ", "  paragraph 1", "  list 2 leadin=Tips:"}},
		{"first line too long for a title",
			strings.Repeat("word ", 45) + "end.\n\nNext.\n",
			"",
			[]string{"S0 ", "  paragraph 1", "  paragraph 1"}},
		{"first line a bullet",
			"• First\n• Second\n",
			"",
			[]string{"S0 ", "  list 2"}},
		{"one paragraph per line, no blank lines",
			"Title\nKratom is a herbal supplement from Southeast Asia that has become popular in the US and in Europe. It is sold online.\nWhat Is It?\nThe leaves of the tree are dried and sold as capsules, powders and teas in many smoke shops and online stores.\nSide effects include:\n• Nausea\n",
			"Title",
			[]string{"S0 ", "  paragraph 2", "S2 What Is It?", "  paragraph 1", "  paragraph 1", "  list 1 leadin=Side effects include:"}},
		{"CRLF",
			"Title\r\n\r\nHeading Here\r\n\r\nPara one. Para two.\r\n",
			"Title",
			[]string{"S0 ", "S2 Heading Here", "  paragraph 2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseOK(t, tc.src)
			if d.Title != tc.title {
				t.Errorf("title %q, want %q", d.Title, tc.title)
			}
			if got := outline(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("outline\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestParseTextItems(t *testing.T) {
	src := "Title\n\nTreatments include:\n\n" +
		"  • Physiotherapy: A professional can help. It works over time.\n" +
		"  • Prescription medications: painkillers and anti-inflammatories\n" +
		"  • A very long item that has a colon after far too many words: so no label\n" +
		"  • First item that is long\n    and continues here\n" +
		"  • Parent item\n      ◦ Child one\n      ◦ Child two\n" +
		"  • Tachycardia (increased heart rate)\u00a0\n"
	d := parseOK(t, src)
	b := d.Sections[0].Blocks[1]
	if b.Kind != List || len(b.Items) != 6 {
		t.Fatalf("block %s with %d items", b.Kind, len(b.Items))
	}
	it := b.Items[0]
	if it.Label != "Physiotherapy" || len(it.Sentences) != 2 || it.Sentences[0].Text != "A professional can help." {
		t.Errorf("item 0: label %q sentences %q", it.Label, sentenceTexts(it.Sentences))
	}
	if b.Items[1].Label != "Prescription medications" || sentenceTexts(b.Items[1].Sentences)[0] != "painkillers and anti-inflammatories" {
		t.Errorf("item 1: label %q sentences %q", b.Items[1].Label, sentenceTexts(b.Items[1].Sentences))
	}
	if b.Items[2].Label != "" || len(b.Items[2].Sentences) != 1 {
		t.Errorf("item 2: label %q", b.Items[2].Label)
	}
	if b.Items[3].Text != "First item that is long\n    and continues here" {
		t.Errorf("item 3: %q", b.Items[3].Text)
	}
	p := b.Items[4]
	if p.Text != "Parent item" || len(p.Children) != 1 || len(p.Children[0].Items) != 2 || p.Children[0].Items[1].Text != "Child two" {
		t.Errorf("item 4: %q children %+v", p.Text, p.Children)
	}
	if b.Items[5].Text != "Tachycardia (increased heart rate)" {
		t.Errorf("item 5: %q", b.Items[5].Text)
	}
	if b.LeadIn == nil || b.LeadIn != &d.Sections[0].Blocks[0].Sentences[0] {
		t.Errorf("lead-in is not the paragraph's last sentence: %+v", b.LeadIn)
	}
}

func TestParseTextReferences(t *testing.T) {
	src := "Title\n\nBody.\n\nReferences\n\n[1] Smith KE, Lawson T. Prevalence of kratom use. Drug Alcohol Depend. 2017;180:340-348.\n" +
		"[2] Grundmann O, Babin JK, Henningfield JE, et al. Kratom use in the United States.\n    Addiction. 2021;116(1):202-203.\n\nCopyright © 2024 Example Health\n"
	d := parseOK(t, src)
	if len(d.References) != 2 {
		t.Fatalf("%d references", len(d.References))
	}
	r := d.References[1]
	if r.Number != 2 || r.Ref.Venue != "Addiction" || r.Ref.Volume != "116" || !r.Ref.EtAl {
		t.Errorf("reference 2: %+v", r)
	}
	if d.References[0].Number != 1 || d.References[0].Ref.Year != 2017 {
		t.Errorf("reference 1: %+v", d.References[0])
	}
	last := d.Sections[len(d.Sections)-1]
	lb := last.Blocks[len(last.Blocks)-1]
	if !lb.Boilerplate {
		t.Errorf("copyright line is content: %+v", lb)
	}
}

// TestArticles checks the parser on the two small articles bundled in
// testdata/articles: one with a "References" heading, one whose reference
// list has no heading.
func TestArticles(t *testing.T) {
	type want struct {
		file, title string
		headings    []string
		refs        int
		refHeading  string // heading of the section holding the reference list
		leadIns     []string
		quote, attr string
		labels      []string
		boiler      int
	}
	for _, w := range []want{
		{"gabapentin-nerve-pain.txt", "Gabapentin for Nerve Pain: What You Should Know",
			[]string{"What Is Gabapentin?", "How Well Does It Work?", "Side Effects", "Stopping Gabapentin", "References"},
			4, "References",
			[]string{"Conditions it is commonly used for include:", "The most common are:", "Rarely, gabapentin can cause more serious problems, such as:"},
			"gabapentin gives good pain relief to some people with nerve pain, but many people get little or no benefit.", "One large review concluded that:",
			[]string{"Breathing problems", "Mood changes", "Allergic reactions"}, 2},
		{"cbd-arthritis-pain.txt", "CBD Oil for Arthritis Pain: Does It Help?",
			[]string{"How Might CBD Work?", "What Does the Research Say?", "Possible Side Effects", "Things to Check First"},
			4, "Things to Check First",
			[]string{"People commonly try CBD for:", "Reported problems include:", "Before you try CBD, it is worth keeping a few points in mind:"},
			"most participants reported improvements in pain and sleep after starting CBD.", "A 2022 survey of people with arthritis found that:",
			[]string{"Interactions", "Quality", "Legal status"}, 3},
	} {
		t.Run(w.file, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "testdata", "articles", w.file))
			if err != nil {
				t.Fatal(err)
			}
			d := parseOK(t, string(src))
			if d.Title != w.title {
				t.Errorf("title %q", d.Title)
			}
			var heads, leadIns, labels []string
			var quote, attr, refHeading string
			boiler := 0
			for _, s := range d.Sections {
				if s.Heading != "" {
					heads = append(heads, s.Heading)
				}
				for _, b := range s.Blocks {
					if b.Boilerplate {
						boiler++
						continue
					}
					if b.IsReferences {
						refHeading = s.Heading
						continue
					}
					if b.LeadIn != nil {
						leadIns = append(leadIns, b.LeadIn.Text)
					}
					for _, it := range b.Items {
						if it.Label != "" {
							labels = append(labels, it.Label)
						}
					}
					for _, se := range b.Sentences {
						for _, q := range se.Quotes {
							quote, attr = q.Text, q.Attribution
						}
					}
				}
			}
			if !reflect.DeepEqual(heads, w.headings) {
				t.Errorf("headings %q", heads)
			}
			if len(d.References) != w.refs || refHeading != w.refHeading {
				t.Errorf("%d references in section %q", len(d.References), refHeading)
			}
			if !reflect.DeepEqual(leadIns, w.leadIns) {
				t.Errorf("lead-ins %q", leadIns)
			}
			if quote != w.quote || attr != w.attr {
				t.Errorf("quote %q attributed to %q", quote, attr)
			}
			if !reflect.DeepEqual(labels, w.labels) {
				t.Errorf("labels %q", labels)
			}
			if boiler != w.boiler {
				t.Errorf("%d boilerplate blocks", boiler)
			}
			for _, r := range d.References {
				if r.Ref.Title == "" || r.Ref.Year == 0 || r.Ref.Type == "" {
					t.Errorf("reference %q parsed as %+v", r.Raw, r.Ref)
				}
			}
		})
	}
}

// TestParseTextFlatLists checks lists whose markers were lost: one item
// per line after a lead-in ending in ":", or items run together on one line.
func TestParseTextFlatLists(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		want  []string
		items []string // the items of the first list
	}{
		{"one per line under the lead-in",
			"Title\n\nPossible side effects include:\nNausea\nConstipation\nDry mouth\n\nMost fade within a week.\n",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=Possible side effects include:", "  paragraph 1"},
			[]string{"Nausea", "Constipation", "Dry mouth"}},
		{"one per line after a blank line",
			"Title\n\nSide effects include:\n\nNausea\nConstipation\nSweating\n\nMost fade within a week.\n",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=Side effects include:", "  paragraph 1"},
			[]string{"Nausea", "Constipation", "Sweating"}},
		{"one per block",
			"Title\n\nSide effects include:\n\nNausea\n\nConstipation\n\nSweating\n\nMost people find that they fade within a week.\n",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=Side effects include:", "  paragraph 1"},
			[]string{"Nausea", "Constipation", "Sweating"}},
		{"lines of one shape",
			"Title\n\nA few tips:\nTake it with food.\nAvoid alcohol while you take it.\nDo not drive if it makes you drowsy.\n",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=A few tips:"},
			[]string{"Take it with food.", "Avoid alcohol while you take it.", "Do not drive if it makes you drowsy."}},
		{"short lines then longer ones of the same shape",
			"Title\n\nGet help straight away if you notice:\nSlow or shallow breathing\nA severe allergic reaction with swelling of the face, lips or tongue\nA widespread rash with fever\n\nThese are rare.\n",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=Get help straight away if you notice:", "  paragraph 1"},
			[]string{"Slow or shallow breathing", "A severe allergic reaction with swelling of the face, lips or tongue", "A widespread rash with fever"}},
		{"the run stops at a sentence",
			"Title\n\nSide effects include:\nNausea\nDizziness\nMost people find these fade within a week or so.\n",
			[]string{"S0 ", "  paragraph 1", "  list 2 leadin=Side effects include:", "  paragraph 1"},
			[]string{"Nausea", "Dizziness"}},
		{"unpunctuated lines of any length up to a blank line",
			"Title\n\nOther options include:\nheat wraps\nNSAIDs such as ibuprofen or naproxen, if your stomach and kidneys can tolerate them\nyoga or tai chi\n\nSome people try acupuncture.\n",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=Other options include:", "  paragraph 1"},
			[]string{"heat wraps", "NSAIDs such as ibuprofen or naproxen, if your stomach and kidneys can tolerate them", "yoga or tai chi"}},
		{"labelled lines of any length up to a blank line",
			"Title\n\nThere are plenty of other treatment options including:\nPrescription medications: Your GP may suggest painkillers, anti-inflammatories, or medicines for nerve pain such as amitriptyline, duloxetine or gabapentin.\nPhysiotherapy: A physiotherapist can help you build strength.\n\nMore text.\n",
			[]string{"S0 ", "  paragraph 1", "  list 2 leadin=There are plenty of other treatment options including:", "  paragraph 1"},
			[]string{"Prescription medications: Your GP may suggest painkillers, anti-inflammatories, or medicines for nerve pain such as amitriptyline, duloxetine or gabapentin.", "Physiotherapy: A physiotherapist can help you build strength."}},
		{"wrapped prose that ends in a full stop is not a list",
			"Title\n\nThe options include:\nsome gentle exercise that you can do at home every morning\nwhich many people find helps their back pain settle over\nseveral weeks\nonce they keep at it.\n",
			[]string{"S0 ", "  paragraph 1"}, nil},
		{"wrapped prose is not a list",
			"Title\n\nTalk to your doctor about the following:\nwhether you have liver disease\nor kidney problems, and whether\nyou take other medicines.\n",
			[]string{"S0 ", "  paragraph 1"}, nil},
		{"run together on the lead-in's line",
			"Title\n\nPossible side effects include: Nausea Constipation Sweating Itching Dizziness Dry mouth\n",
			[]string{"S0 ", "  paragraph 1", "  list 6 leadin=Possible side effects include:"},
			[]string{"Nausea", "Constipation", "Sweating", "Itching", "Dizziness", "Dry mouth"}},
		{"run together on the next line",
			"Title\n\nPossible side effects include:\nNausea Constipation Tachycardia (increased heart rate) Dry mouth\n",
			[]string{"S0 ", "  paragraph 1", "  list 4 leadin=Possible side effects include:"},
			[]string{"Nausea", "Constipation", "Tachycardia (increased heart rate)", "Dry mouth"}},
		{"run together after include without a colon",
			"Title\n\nCommon side effects include\nNausea Vomiting Headache\n",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=Common side effects include"},
			[]string{"Nausea", "Vomiting", "Headache"}},
		{"run together in a block of its own",
			"Title\n\nSide effects include:\n\nNausea Constipation Sweating\n",
			[]string{"S0 ", "  paragraph 1", "  list 3 leadin=Side effects include:"},
			[]string{"Nausea", "Constipation", "Sweating"}},
		{"a comma list stays a sentence",
			"Title\n\nPossible side effects include: Nausea, constipation, sweating.\n",
			[]string{"S0 ", "  paragraph 1"}, nil},
		{"a Title Case heading is not a list",
			"Title\n\nTramadol: What You Need to Know\n\nIt is a painkiller.\n",
			[]string{"S0 ", "S2 Tramadol: What You Need to Know", "  paragraph 1"}, nil},
		{"two capitalised words are not enough",
			"Title\n\nOne thing to note: Kratom Tea\n\nIt is bitter.\n",
			[]string{"S0 ", "S2 One thing to note: Kratom Tea", "  paragraph 1"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := parseOK(t, tc.src)
			if got := outline(d); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("outline\n got %q\nwant %q", got, tc.want)
			}
			if tc.items == nil {
				return
			}
			for _, b := range d.Sections[0].Blocks {
				if b.Kind != List {
					continue
				}
				var got []string
				for _, it := range b.Items {
					got = append(got, it.Text)
					whole := it.Text
					if it.Label != "" {
						whole = strings.TrimSpace(strings.TrimPrefix(it.Text, it.Label+":")) // "Label: description"
					}
					if len(it.Sentences) != 1 || it.Sentences[0].Text != whole {
						t.Errorf("item %q has sentences %q", it.Text, sentenceTexts(it.Sentences))
					}
				}
				if !reflect.DeepEqual(got, tc.items) {
					t.Errorf("items %q, want %q", got, tc.items)
				}
				break
			}
		})
	}
}

func TestParseTextCites(t *testing.T) {
	src := "Title\n\nKratom eases pain for some people [1]. It is sold online.[2-4] Risks exist. [5] More is known now [6, 8; 7].\n\n" +
		"Uses include:\n\n• Pain [9]\n• Mood\n\nReferences\n\n[1] Smith J. Title. J Pain. 2020;1:2-3.\n"
	d := parseOK(t, src)
	var got [][]int
	for _, b := range d.Sections[0].Blocks {
		for _, s := range b.Sentences {
			got = append(got, s.Cites)
		}
		for _, it := range b.Items {
			got = append(got, it.Sentences[0].Cites)
		}
	}
	want := [][]int{{1}, {2, 3, 4}, {5}, {6, 7, 8}, nil, {9}, nil}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("cites %v, want %v", got, want)
	}
	if d.References[0].Number != 1 {
		t.Errorf("reference %+v", d.References[0])
	}
}

func TestCiteNums(t *testing.T) {
	for in, want := range map[string][]int{
		"1": {1}, "2-4": {2, 3, 4}, "2–4": {2, 3, 4}, "1, 3": {1, 3}, "3,1,3": {1, 3}, "1-3, 7": {1, 2, 3, 7},
		"5-2": {2, 5}, "0": nil, "1-900": {1, 900},
	} {
		if got := txtCiteNums(in); !reflect.DeepEqual(got, want) {
			t.Errorf("txtCiteNums(%q) = %v, want %v", in, got, want)
		}
	}
}
