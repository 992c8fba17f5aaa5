package export

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
)

// TriG writes qs as TriG 1.1, the named graphs kept: the @prefix header of
// Turtle (the prefixes of every graph name and term used), then the
// default graph's triples, then each named graph, sorted by its N-Triples
// form, as
//
//	graph {
//	    subject a Class ;
//	        predicate object .
//	}
//
// with the graph's triples written as Turtle writes them (subjects in
// N-Triples order, rdf:type first, ";" and ","). A quad repeated is written
// once. Every term is checked as N-Quads checks it.
func (o Options) TriG(w io.Writer, qs []quad.Quad) error {
	root, err := o.Root()
	if err != nil {
		return fmt.Errorf("trig: %w", err)
	}
	type keyed struct {
		line string
		t    triple
	}
	graphs := map[string][]keyed{}
	names := map[string]term{}
	seen := make(map[string]bool, len(qs))
	var all []triple
	for i, q := range qs {
		t, g, err := convert(q)
		if err != nil {
			return fmt.Errorf("trig: quad %d: %w", i, err)
		}
		key := ""
		if g != nil {
			key = g.nt()
			names[key] = *g
			all = append(all, triple{s: *g, p: t.p, o: *g}) // its name needs a prefix too
		}
		line := tripleLine(t)
		if seen[key+" "+line] {
			continue
		}
		seen[key+" "+line] = true
		graphs[key] = append(graphs[key], keyed{line, t})
		all = append(all, t)
	}
	tw := newTurtleNames(root, all)
	keys := make([]string, 0, len(graphs))
	for k := range graphs {
		keys = append(keys, k)
	}
	slices.Sort(keys) // "" (the default graph) first
	var body []byte
	for _, k := range keys {
		ks := graphs[k]
		slices.SortFunc(ks, func(a, b keyed) int { return strings.Compare(a.line, b.line) })
		var block []byte
		for i := 0; i < len(ks); {
			j := i
			for j < len(ks) && ks[j].t.s == ks[i].t.s {
				j++
			}
			ts := make([]triple, 0, j-i)
			for _, x := range ks[i:j] {
				ts = append(ts, x.t)
			}
			block = tw.appendSubject(block, ts)
			i = j
		}
		block = bytes.TrimSuffix(block, []byte("\n"))
		if k == "" {
			body = append(body, block...)
			body = append(body, '\n')
			continue
		}
		body = tw.appendTerm(body, names[k])
		body = append(body, " {\n"...)
		for _, line := range bytes.Split(bytes.TrimSuffix(block, []byte("\n")), []byte("\n")) {
			if len(line) > 0 {
				body = append(body, "    "...)
				body = append(body, line...)
			}
			body = append(body, '\n')
		}
		body = append(body, "}\n\n"...)
	}
	return tw.write(w, body)
}
