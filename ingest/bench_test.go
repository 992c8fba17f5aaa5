package ingest

import (
	"os"
	"testing"

	"github.com/healthkg/healthkg/schema"
)

func benchArticle(b *testing.B) []byte {
	src, err := os.ReadFile("../internal/sample/kratom-chronic-back-pain.txt")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// BenchmarkParseText is the baseline: parsing the sample into the document
// model (sections, sentences, lists, references) without extraction.
func BenchmarkParseText(b *testing.B) {
	src := benchArticle(b)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ParseText("sample.txt", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIngest parses and extracts (statements, claims, references,
// quantities, IRIs): the MB/s of article text a single core ingests.
func BenchmarkIngest(b *testing.B) {
	src := benchArticle(b)
	x, err := New(schema.DefaultMinter())
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := x.Ingest("sample.txt", src, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLexiconLoad measures loading the embedded lexicon (done once per
// process).
func BenchmarkLexiconLoad(b *testing.B) {
	for b.Loop() {
		if _, err := DefaultLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}
