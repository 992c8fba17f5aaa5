package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

// Options configure Ingest.
type Options struct {
	Minter  schema.Minter // zero value: schema.DefaultMinter()
	Lexicon *Lexicon      // nil: the embedded lexicon
	// Source is the article's source key (a URL, or a path relative to the
	// corpus root). It decides the article's IRI. Default: the file's base name.
	Source string
	// Format is "text", "markdown" or "html"; "" picks by file extension.
	Format string
}

// Extractor ingests articles with one lexicon and one set of rules; it is
// safe for concurrent use.
type Extractor struct {
	lx    *Lexicon
	rules *ruleSet
	m     schema.Minter
}

// New loads the embedded lexicon (plus the user lexicon files) and rules.
func New(m schema.Minter, lexiconFiles ...string) (*Extractor, error) {
	lx, err := DefaultLexicon()
	if err != nil {
		return nil, err
	}
	for _, f := range lexiconFiles {
		if err := lx.LoadFile(f); err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
	}
	r, err := loadRules()
	if err != nil {
		return nil, err
	}
	if m == (schema.Minter{}) {
		m = schema.DefaultMinter()
	}
	return &Extractor{lx: lx, rules: r, m: m}, nil
}

// Parse reads a document in the given format ("" picks by extension).
func Parse(name string, src []byte, format string) (*Document, string, error) {
	if format == "" {
		format = FormatOf(name)
	}
	var d *Document
	var err error
	switch format {
	case "text":
		d, err = ParseText(name, src)
	case "markdown":
		d, err = ParseMarkdown(name, src)
	case "html":
		d, err = ParseHTML(name, src)
	default:
		return nil, format, &ParseError{File: name, Msg: fmt.Sprintf("unsupported format %q", format)}
	}
	return d, format, err
}

// FormatOf picks a format by file extension.
func FormatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		return "markdown"
	case ".html", ".htm", ".xhtml":
		return "html"
	}
	return "text"
}

// Ingest parses one article and extracts its statements. The result is
// complete or there is an error: nothing partial.
func (e *Extractor) Ingest(name string, src []byte, source, format string) (*schema.Article, error) {
	doc, format, err := Parse(name, src, format)
	if err != nil {
		return nil, err
	}
	if source == "" {
		source = filepath.Base(name)
	}
	sum := sha256.Sum256(src)
	art := &schema.Article{
		IRI: e.m.Article(source), Graph: e.m.Graph(source), Source: source, Title: doc.Title,
		Format: format, ContentHash: "sha256:" + hex.EncodeToString(sum[:]), Length: len(doc.Text),
	}
	for _, s := range doc.Sections {
		if s.Heading != "" {
			art.Sections = append(art.Sections, schema.Section{Heading: s.Heading, Level: s.Level, Span: schema.Span{Start: s.Start, End: s.End}})
		}
	}
	x := &extractor{doc: doc, lx: e.lx, rules: e.rules, m: e.m, art: art,
		ents: map[string]*schema.Entity{}, syn: map[string]map[string]bool{}}
	x.run()
	for _, st := range art.Statements {
		for _, iri := range []string{st.Subject, st.Object} {
			if err := schema.CheckIRI(iri); err != nil {
				return nil, fmt.Errorf("%s: %v", name, err)
			}
		}
	}
	return art, nil
}

func (x *extractor) run() {
	x.findTopic()
	x.references()
	if x.doc.Title != "" {
		x.heading(Sentence{Text: x.doc.Title, Span: x.doc.TitleAt})
	}
	for _, sec := range x.doc.Sections {
		x.enterSection(sec)
		if sec.Heading != "" {
			x.heading(Sentence{Text: sec.Heading, Span: sec.HeadingAt})
		}
		for i := range sec.Blocks {
			b := &sec.Blocks[i]
			if b.IsReferences || b.Boilerplate {
				continue
			}
			switch b.Kind {
			case List:
				x.aboutBlock(b, func() { x.list(b) })
			case Quote:
				// a block quotation: its attribution line names the source
				x.quoteAttr = b.Attribution
				x.paragraph(b.Sentences)
				x.quoteAttr = ""
			default:
				x.paragraph(b.Sentences)
			}
		}
	}
	x.quantities()
	x.finish()
}

// heading reads a title or heading: "Kratom for Chronic Back Pain" says
// what the substance is used for (hedged when it asks or says "potential").
func (x *extractor) heading(h Sentence) {
	ms := x.mentions(h.Text, h.Start)
	s := &sent{Sentence: h, ms: ms, with: takingWithRE.FindStringSubmatchIndex(h.Text)}
	s.subs, s.explicit = x.subjects(h.Text, ms, h.Start)
	first := len(x.stmts)
	for i, m := range ms {
		if i+1 < len(ms) && m.Entry(schema.Substance) != nil && ms[i+1].Entry(schema.Condition) != nil {
			between := strings.ToLower(strings.TrimSpace(h.Text[m.End-h.Start : ms[i+1].Start-h.Start]))
			if between == "for" || strings.HasSuffix(between, "treatment for") || strings.HasSuffix(between, "relief for") {
				c, cues := x.certainty(h.Text, len(h.Text))
				x.add(x.mentionIRI(m, schema.Substance), schema.UsedFor, x.mentionIRI(ms[i+1], schema.Condition),
					stmtOpts{rule: "heading-substance-for-condition", sent: h, certainty: c, cues: cues})
			}
		}
	}
	if strings.HasSuffix(strings.TrimSpace(h.Text), "?") {
		for k := first; k < len(x.stmts); k++ {
			for j := range x.stmts[k].Evidence {
				if x.stmts[k].Evidence[j].Certainty == schema.Asserted {
					x.stmts[k].Evidence[j].Certainty = schema.Hedged
					x.stmts[k].Evidence[j].Cues = append(x.stmts[k].Evidence[j].Cues, "?")
				}
			}
		}
	}
}

// paragraph applies the sentence rules and the claim rules to consecutive
// sentences, carrying pronoun antecedents and attributions along.
func (x *extractor) paragraph(ss []Sentence) {
	prevLT, prevWD := false, false
	for i := range ss {
		s := &sent{Sentence: ss[i], with: takingWithRE.FindStringSubmatchIndex(ss[i].Text)}
		s.ms = x.mentions(s.Text, s.Start)
		x.curQuotes = s.Quotes
		s.subs, s.explicit = x.subjects(s.Text, s.ms, s.Start)
		x.curQuotes = nil
		if i+1 < len(ss) {
			s.next = &ss[i+1]
		}
		fw := firstWord(s.Text)
		if pronouns[fw] {
			s.longTerm, s.withdraw = prevLT, prevWD
		}
		attr := x.attribution(s.Sentence)
		claimText := s.Text
		if len(s.Quotes) > 0 {
			claimText = s.Quotes[0].Text
		}
		ay := x.authorYear(s.Text)
		switch {
		case len(s.Cites) > 0:
			// "[2-4]": the numbered references the sentence cites
			s.refs = x.cited(s.Cites)
			if len(s.refs) > 0 {
				s.ref = s.refs[0]
			}
		case ay != "":
			// "(Okafor & Lindgren, 2020)": an author-year citation
			s.ref, s.refs = ay, []string{ay}
		case attr != "":
			s.ref = x.resolveRef(attr, claimText, s.ms)
		case x.quoteAttr != "":
			s.ref = x.resolveRef(x.quoteAttr, claimText, s.ms)
		case fw == "this" || fw == "these":
			s.ref = x.prevRef
		}
		if s.ref != "" {
			x.lastRef = s.ref
		}
		if s.explicit {
			x.prevSubjects = s.subs
		}
		x.sentence(s)
		x.claims(s)
		// everything the sentence names is a node of the graph
		for _, m := range s.ms {
			x.mentionIRI(m)
		}
		// "However, experts don't recommend this": the previous sentence's
		// statements become speculative
		if i+1 < len(ss) {
			next := ss[i+1].Text
			nw := firstWord(next)
			if (nw == "however" || nw == "but") && has(next, x.rules.rel("downgrade_next")) {
				for k := s.first; k < len(x.stmts); k++ {
					for j := range x.stmts[k].Evidence {
						ev := &x.stmts[k].Evidence[j]
						if ev.Certainty != schema.Negated {
							ev.Certainty = schema.Speculative
							ev.Cues = append(ev.Cues, strings.TrimSpace(next))
						}
					}
				}
			}
		}
		x.prevRef = s.ref
		prevLT, prevWD = s.longTerm, s.withdraw
	}
}
