package export

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/healthkg/healthkg/schema"
)

// InstancePrefix is the prefix of the instance root (the minter root,
// https://w3id.org/healthkg/id/v1/ by default) in Turtle, JSON-LD and KGX.
const InstancePrefix = schema.InstancePrefix

// Options configure the writers that abbreviate IRIs (Turtle, JSON-LD).
type Options struct {
	// Base is the minter base of the instance IRIs; schema.DefaultBase
	// when empty. The instance root is Base + schema.IRIScheme + "/".
	Base string
}

// Root returns the instance root of the options' base.
func (o Options) Root() (string, error) {
	m, err := o.minter()
	return m.Root(), err
}

func (o Options) minter() (schema.Minter, error) { return schema.NewMinter(o.Base) }

// Turtle writes the triples of qs (graphs merged, like NTriples) as Turtle
// with the default Options.
func Turtle(w io.Writer, qs []quad.Quad) error { return Options{}.Turtle(w, qs) }

// Turtle writes the triples of qs with the graphs merged as Turtle 1.1:
//
//   - an @prefix header (sorted by prefix) with the prefixes of
//     schema.Prefixes that are used, hkgid: for the instance root, and one
//     prefix per kind of instance (substance:, statement:, ...: the first
//     path segment under the root) so that instance IRIs read as
//     substance:kratom rather than needing an escaped slash;
//   - subjects in N-Triples order, each with its predicates (rdf:type first,
//     written "a") grouped with ";" and its objects with ",";
//   - a prefixed name only where the local part is a plain PN_LOCAL (ASCII
//     letters, digits, _ - . and %XX, not starting with - or ., not ending
//     with .), otherwise <full IRI>;
//   - literals escaped as in N-Triples, always with their datatype
//     ("5"^^xsd:integer) except xsd:string, or their language tag.
func (o Options) Turtle(w io.Writer, qs []quad.Quad) error {
	root, err := o.Root()
	if err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	ts, err := mergedTriples(qs)
	if err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	tw := newTurtleNames(root, ts)
	var body []byte
	for i := 0; i < len(ts); {
		j := i
		for j < len(ts) && ts[j].s == ts[i].s {
			j++
		}
		body = tw.appendSubject(body, ts[i:j])
		i = j
	}
	return tw.write(w, body)
}

// write writes the @prefix lines of the names used (sorted), a blank
// line, and the body; subjects are separated by a blank line and the file
// ends with one newline.
func (n *turtleNames) write(w io.Writer, body []byte) error {
	bw := bufio.NewWriter(w)
	used := make([]string, 0, len(n.used))
	for p := range n.used {
		used = append(used, p)
	}
	slices.Sort(used)
	for _, p := range used {
		fmt.Fprintf(bw, "@prefix %s: <%s> .\n", p, n.used[p])
	}
	if len(used) > 0 && len(body) > 0 {
		bw.WriteByte('\n')
	}
	bw.Write(bytes.TrimSuffix(body, []byte("\n")))
	return bw.Flush()
}

type namespace struct{ prefix, iri string }

type turtleNames struct {
	spaces []namespace       // candidate namespaces, longest IRI first
	used   map[string]string // prefix -> namespace IRI of the names written
}

func newTurtleNames(root string, ts []triple) *turtleNames {
	n := &turtleNames{used: map[string]string{}}
	taken := map[string]bool{}
	for p, ns := range schema.Prefixes {
		n.spaces = append(n.spaces, namespace{p, ns})
		taken[p] = true
	}
	if !taken[InstancePrefix] {
		n.spaces = append(n.spaces, namespace{InstancePrefix, root})
		taken[InstancePrefix] = true
	}
	// One prefix per kind of instance IRI that occurs.
	kind := func(t term) {
		if t.kind != iriTerm || !strings.HasPrefix(t.value, root) {
			return
		}
		rest := t.value[len(root):]
		i := strings.IndexByte(rest, '/')
		if i <= 0 || !validPrefixName(rest[:i]) || taken[rest[:i]] {
			return
		}
		taken[rest[:i]] = true
		n.spaces = append(n.spaces, namespace{rest[:i], root + rest[:i+1]})
	}
	for _, t := range ts {
		kind(t.s)
		kind(t.o)
		if t.o.kind == literalTerm {
			kind(term{kind: iriTerm, value: t.o.datatype})
		}
	}
	slices.SortFunc(n.spaces, func(a, b namespace) int {
		if len(a.iri) != len(b.iri) {
			return len(b.iri) - len(a.iri)
		}
		return strings.Compare(a.prefix, b.prefix)
	})
	return n
}

func (n *turtleNames) appendIRI(b []byte, iri string) []byte {
	for _, ns := range n.spaces {
		if strings.HasPrefix(iri, ns.iri) && validLocal(iri[len(ns.iri):]) {
			n.used[ns.prefix] = ns.iri
			b = append(b, ns.prefix...)
			b = append(b, ':')
			return append(b, iri[len(ns.iri):]...)
		}
	}
	b = append(b, '<')
	b = append(b, iri...)
	return append(b, '>')
}

func (n *turtleNames) appendTerm(b []byte, t term) []byte {
	switch t.kind {
	case iriTerm:
		return n.appendIRI(b, t.value)
	case blankTerm:
		return appendNT(b, t)
	}
	b = appendQuoted(b, t.value)
	switch {
	case t.lang != "":
		b = append(b, '@')
		b = append(b, t.lang...)
	case t.datatype != "":
		b = append(b, '^', '^')
		b = n.appendIRI(b, t.datatype)
	}
	return b
}

// appendSubject writes the triples of one subject (sorted by predicate and
// object) as one Turtle statement.
func (n *turtleNames) appendSubject(b []byte, ts []triple) []byte {
	// rdf:type first, the rest in their (sorted) order.
	ordered := make([]triple, 0, len(ts))
	for _, t := range ts {
		if t.p.value == rdfType {
			ordered = append(ordered, t)
		}
	}
	for _, t := range ts {
		if t.p.value != rdfType {
			ordered = append(ordered, t)
		}
	}
	b = n.appendTerm(b, ordered[0].s)
	for i, t := range ordered {
		switch {
		case i == 0:
			b = append(b, ' ')
		case t.p == ordered[i-1].p:
			b = append(b, ", "...)
			b = n.appendTerm(b, t.o)
			continue
		default:
			b = append(b, " ;\n    "...)
		}
		if t.p.value == rdfType {
			b = append(b, 'a')
		} else {
			b = n.appendIRI(b, t.p.value)
		}
		b = append(b, ' ')
		b = n.appendTerm(b, t.o)
	}
	return append(b, " .\n\n"...)
}

// validLocal accepts the conservative subset of Turtle PN_LOCAL that every
// parser reads without escapes: ASCII letters, digits, _ - . and %XX, not
// empty, not starting with - or ., not ending with '.'.
func validLocal(s string) bool {
	if s == "" || s[0] == '-' || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isAlnum(c) || c == '_' || c == '-' || c == '.':
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			i += 2
		default:
			return false
		}
	}
	return true
}

// validPrefixName accepts a plain PN_PREFIX: an ASCII letter, then letters,
// digits, _ and -.
func validPrefixName(s string) bool {
	if s == "" || !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(isAlnum(c) || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
