package ingest

// The document model: what the parsers (plain text; later Markdown and HTML)
// make of an article before any extraction. Every piece keeps byte offsets
// into Document.Text, the text the evidence offsets point into. For plain
// text, Text is the source bytes themselves; for Markdown it is the source
// with the Markdown syntax blanked out byte for byte (so it has the source's
// length and every offset is a source offset); for HTML it is the page's
// extracted text.

// Span is a byte range [Start, End) into Document.Text.
type Span struct{ Start, End int }

// Document is a parsed article.
type Document struct {
	Text     string // the text every offset points into (valid UTF-8)
	Title    string
	TitleAt  Span
	Sections []*Section
	// References is the article's reference list, wherever it was (under a
	// "References" heading, or a trailing list of citations with no heading).
	References []RefEntry
}

// Section is a heading and the blocks under it. The first section holds
// what comes before the first heading (its Heading is "" and Level 0).
type Section struct {
	Heading   string
	HeadingAt Span
	Level     int // 1 for the title level; 2, 3... for headings below
	Span          // from the heading to the end of the section's last block
	Blocks    []Block
}

// BlockKind says what a block is.
type BlockKind int

const (
	Paragraph BlockKind = iota
	List
	Quote // a block quotation (Markdown >, HTML blockquote)
)

func (k BlockKind) String() string {
	switch k {
	case List:
		return "list"
	case Quote:
		return "quote"
	}
	return "paragraph"
}

// Block is a paragraph, a list or a block quotation.
type Block struct {
	Kind BlockKind
	Span
	// Sentences of a paragraph or quote. For a list: empty.
	Sentences []Sentence
	// Items of a list, in order.
	Items []Item
	// LeadIn is the sentence that introduces a list: the last sentence of the
	// paragraph just before it when that paragraph ends with ":" or reads as
	// an introduction ("... include:", "... such as"), else nil.
	LeadIn *Sentence
	// Ordered is true for numbered lists.
	Ordered bool
	// IsReferences marks the article's reference list (its entries are in
	// Document.References).
	IsReferences bool
	// Boilerplate marks page furniture that is not content: navigation
	// ("See ...", "Read more"), bylines, share links, copyright lines and
	// whatever trails the reference list ("Recent posts").
	Boilerplate bool
	// Attribution says whose words a Quote block is: a closing line of the
	// quotation ("— Dr Ana Ruiz, pharmacist", without the dash), else the
	// sentence just before the quote when it ends in ":" or "that" ("Dr
	// Ruiz told us that:"), else "". The closing line is not one of the
	// quote's Sentences.
	Attribution   string
	AttributionAt Span
	// About is, for one column of a comparison table, the column's header
	// cell: what the column's items say things about ("Tramadol" and
	// "Capsaicin" over rows "How it works", "Side effects"), else nil.
	About *Sentence
}

// Item is a list item. Text is the item without its marker ("• ", "- ",
// "1. "), trimmed; Span covers exactly Text. Items may hold sentences
// (for long items such as "Physiotherapy: A professional can help ...").
type Item struct {
	Text string
	Span
	// Label is the part before a ": " separator when the item reads
	// "Label: description" (Span LabelAt), else "".
	Label   string
	LabelAt Span
	// Sentences of the item's text after the label (or of the whole text
	// when there is no label).
	Sentences []Sentence
	// Children holds nested lists.
	Children []Block
}

// Sentence is one sentence with its quotations.
type Sentence struct {
	Text string
	Span
	Quotes []Quotation
	Cites  []int // reference numbers cited in the sentence ("[1]", "[2-4]"), sorted, unique
}

// Quotation is a quoted passage inside a sentence: “...” or "...".
// Text excludes the quote marks. Attribution is the part of the sentence
// before the quote when the quote follows an attribution phrase ending in
// ":" or "that" ("A 2020 study found that:"), else "".
type Quotation struct {
	Text string
	Span
	Attribution   string
	AttributionAt Span
}

// RefEntry is one entry of the reference list: its raw text and what the
// reference parser made of it.
type RefEntry struct {
	Raw string
	Span
	Number int // 1-based number in a numbered list ("1.", "[1]"), else 0
	Ref    ParsedRef
}

// ParsedRef is a parsed citation. Empty fields were not found.
type ParsedRef struct {
	Authors      []string // persons, as written ("Bath R", "Charles Veltri")
	Organization string   // an organisation author ("World Health Organization")
	Year         int      // the year given as the citation's year
	Title        string   // without quote marks and without a trailing period
	Venue        string   // journal, blog or site
	Publisher    string
	Volume       string
	Issue        string
	Pages        string
	Date         string // a fuller date as written ("2020 May/Jun", "05 May 2023")
	Type         string // "journal article", "web page", "blog post", "press release", "book", "report"
	DOI          string
	URL          string
	// EtAl is true when the author list was cut short ("et al").
	EtAl bool
	// ArticleNumber is an electronic article number given instead of pages
	// ("103817", "e0123456").
	ArticleNumber string
}
