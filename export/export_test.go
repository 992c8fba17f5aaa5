package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleQuads encodes the sample articles to quads with graph.Encode.
func sampleQuads(t testing.TB) []quad.Quad {
	t.Helper()
	m := schema.DefaultMinter()
	var qs []quad.Quad
	for _, a := range sampleArticles(m) {
		aq, err := graph.Encode(m, a)
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, aq...)
	}
	return qs
}

type format struct {
	name string
	run  func(qs []quad.Quad) ([]byte, error)
}

func writerFunc(f func(w *bytes.Buffer, qs []quad.Quad) error) func([]quad.Quad) ([]byte, error) {
	return func(qs []quad.Quad) ([]byte, error) {
		var b bytes.Buffer
		err := f(&b, qs)
		return b.Bytes(), err
	}
}

var formats = []format{
	{"nq", writerFunc(func(w *bytes.Buffer, qs []quad.Quad) error { return NQuads(w, qs) })},
	{"nt", writerFunc(func(w *bytes.Buffer, qs []quad.Quad) error { return NTriples(w, qs) })},
	{"ttl", writerFunc(func(w *bytes.Buffer, qs []quad.Quad) error { return Turtle(w, qs) })},
	{"jsonld", writerFunc(func(w *bytes.Buffer, qs []quad.Quad) error { return JSONLD(w, qs) })},
}

func kgxBytes(t testing.TB, arts []*schema.Article) (nodes, edges []byte) {
	t.Helper()
	var n, e bytes.Buffer
	if err := KGX(&n, &e, arts, schema.DefaultMinter()); err != nil {
		t.Fatal(err)
	}
	return n.Bytes(), e.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./export -update rewrites it):\n%s", name, firstDiff(got, want))
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return "(same lines)"
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestGolden(t *testing.T) {
	qs := sampleQuads(t)
	for _, f := range formats {
		got, err := f.run(qs)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		golden(t, "sample."+f.name, got)
	}
	// KGX is made from the articles as the store gives them back.
	arts, err := graph.Decode(qs)
	if err != nil {
		t.Fatal(err)
	}
	n, e := kgxBytes(t, arts)
	golden(t, "sample.nodes.jsonl", n)
	golden(t, "sample.edges.jsonl", e)
	// ... which is what the articles themselves give.
	n0, e0 := kgxBytes(t, sampleArticles(schema.DefaultMinter()))
	if !bytes.Equal(n, n0) {
		t.Errorf("kgx nodes of the decoded articles differ from those of the articles:\n%s", firstDiff(n, n0))
	}
	if !bytes.Equal(e, e0) {
		t.Errorf("kgx edges of the decoded articles differ from those of the articles:\n%s", firstDiff(e, e0))
	}
}

// TestDeterminism: the same data, given in another order and with
// duplicates, gives byte-identical output.
func TestDeterminism(t *testing.T) {
	qs := sampleQuads(t)
	shuffled := slices.Clone(qs)
	slices.Reverse(shuffled)
	shuffled = append(shuffled, qs[:len(qs)/2]...)
	for i := 0; i < len(shuffled); i += 3 {
		j := (i * 7) % len(shuffled)
		shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
	}
	for _, f := range formats {
		a, err := f.run(qs)
		if err != nil {
			t.Fatal(err)
		}
		b, err := f.run(qs)
		if err != nil {
			t.Fatal(err)
		}
		c, err := f.run(shuffled)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) || !bytes.Equal(a, c) {
			t.Errorf("%s: output changes between runs or with the input order", f.name)
		}
	}
	arts := sampleArticles(schema.DefaultMinter())
	n1, e1 := kgxBytes(t, arts)
	rev := slices.Clone(arts)
	slices.Reverse(rev)
	rev = append(rev, sampleArticles(schema.DefaultMinter())...) // the same articles twice
	n2, e2 := kgxBytes(t, rev)
	if !bytes.Equal(n1, n2) {
		t.Errorf("kgx nodes change with the order of the articles:\n%s", firstDiff(n2, n1))
	}
	if !bytes.Equal(e1, e2) {
		t.Errorf("kgx edges change with the order of the articles:\n%s", firstDiff(e2, e1))
	}
}
