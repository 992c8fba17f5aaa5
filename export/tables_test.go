package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/schema"
)

// TestTables checks that KGX TSV and CSV hold one row per KGX record, every
// row with every column, and CSV the exact text.
func TestTables(t *testing.T) {
	m := schema.DefaultMinter()
	arts := sampleArticles(m)
	ns, es := BuildKGX(arts, m)
	var nt, et, nc, ec bytes.Buffer
	if err := KGXTSV(&nt, &et, arts, m); err != nil {
		t.Fatal(err)
	}
	if err := CSV(&nc, &ec, arts, m); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name       string
		text       string
		cols, rows int
	}{{"nodes.tsv", nt.String(), len(nodeColumns), len(ns)}, {"edges.tsv", et.String(), len(edgeColumns), len(es)}} {
		lines := strings.Split(strings.TrimSuffix(c.text, "\n"), "\n")
		if len(lines) != c.rows+1 {
			t.Errorf("%s: %d lines, want a header and %d rows", c.name, len(lines), c.rows)
		}
		for i, l := range lines {
			if n := len(strings.Split(l, "\t")); n != c.cols {
				t.Errorf("%s line %d: %d fields, want %d: %q", c.name, i+1, n, c.cols, l)
			}
		}
		if !strings.HasPrefix(lines[0], "id\t") {
			t.Errorf("%s: header %q", c.name, lines[0])
		}
	}
	recs, err := csv.NewReader(&ec).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(es)+1 || len(recs[0]) != len(edgeColumns) {
		t.Fatalf("edges.csv: %d records of %d fields", len(recs), len(recs[0]))
	}
	for i, e := range es {
		if recs[i+1][0] != e.ID || recs[i+1][12] != strings.Join(e.SupportingText, "; ") {
			t.Errorf("edges.csv row %d: %q, want the text of %s", i+1, recs[i+1][:3], e.ID)
		}
	}
}
