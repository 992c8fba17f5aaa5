package export

import (
	"bufio"
	"fmt"
	"io"
	"slices"

	"github.com/cayleygraph/quad"
)

// NQuads writes qs as canonical N-Quads: one line per distinct quad, the
// lines sorted bytewise, literals escaped as in RDF 1.1 canonical
// N-Triples (see appendQuoted), xsd:string literals without a datatype.
// Every IRI is checked with schema.CheckIRI; an invalid term is an error
// and nothing is written.
func NQuads(w io.Writer, qs []quad.Quad) error {
	seen := make(map[string]bool, len(qs))
	lines := make([]string, 0, len(qs))
	for i, q := range qs {
		t, g, err := convert(q)
		if err != nil {
			return fmt.Errorf("nquads: quad %d: %w", i, err)
		}
		b := []byte(tripleLine(t))
		if g != nil {
			b = append(b, ' ')
			b = appendNT(b, *g)
		}
		line := string(b)
		if !seen[line] {
			seen[line] = true
			lines = append(lines, line)
		}
	}
	slices.Sort(lines)
	return writeLines(w, lines)
}

// NTriples writes the triples of qs with the graphs merged (the graph label
// dropped, duplicates removed) as canonical, sorted N-Triples.
func NTriples(w io.Writer, qs []quad.Quad) error {
	ts, err := mergedTriples(qs)
	if err != nil {
		return fmt.Errorf("ntriples: %w", err)
	}
	lines := make([]string, len(ts))
	for i, t := range ts {
		lines[i] = tripleLine(t)
	}
	return writeLines(w, lines)
}

func writeLines(w io.Writer, lines []string) error {
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteString(" .\n")
	}
	return bw.Flush()
}
