package export

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
	"github.com/healthkg/healthkg/schema"
)

const (
	xsdString = schema.XSD + "string"
	rdfType   = schema.RDF + "type"
	hexDigits = "0123456789ABCDEF"
)

// term is an RDF term in a form that does not depend on how the quad
// package spells it: kind, lexical value, datatype IRI and language tag.
type term struct {
	kind     termKind
	value    string // IRI, blank node label or lexical form
	datatype string // full datatype IRI; "" for a simple (xsd:string) literal
	lang     string
}

type termKind uint8

const (
	iriTerm termKind = iota
	blankTerm
	literalTerm
)

// toTerm converts and validates a quad value. Literals must be valid UTF-8,
// IRIs must pass schema.CheckIRI, blank node labels must be simple names.
func toTerm(v quad.Value) (term, error) {
	switch v := v.(type) {
	case nil:
		return term{}, fmt.Errorf("missing value")
	case quad.IRI:
		s := string(v)
		if err := schema.CheckIRI(s); err != nil {
			return term{}, err
		}
		return term{kind: iriTerm, value: s}, nil
	case quad.BNode:
		if !validBlankLabel(string(v)) {
			return term{}, fmt.Errorf("blank node label %q: want ASCII letters, digits, _ and -", string(v))
		}
		return term{kind: blankTerm, value: string(v)}, nil
	case quad.String:
		return literal(string(v), "", "")
	case quad.TypedString:
		return literal(string(v.Value), string(v.Type), "")
	case quad.LangString:
		if !validLang(v.Lang) {
			return term{}, fmt.Errorf("language tag %q is not valid", v.Lang)
		}
		return literal(string(v.Value), "", v.Lang)
	case quad.Bool:
		return literal(strconv.FormatBool(bool(v)), schema.XSD+"boolean", "")
	case quad.Int:
		return literal(strconv.FormatInt(int64(v), 10), schema.XSD+"integer", "")
	case quad.Float:
		return literal(canonicalDouble(float64(v)), schema.XSD+"double", "")
	case quad.Time:
		return literal(time.Time(v).UTC().Format(time.RFC3339Nano), schema.XSD+"dateTime", "")
	case quad.TypedStringer:
		ts := v.TypedString()
		return literal(string(ts.Value), string(ts.Type.Full()), "")
	}
	return term{}, fmt.Errorf("unsupported value %T", v)
}

// canonicalDouble writes f in the canonical xsd:double form (1.5E2, 0.0E0,
// INF, -INF, NaN); quad.Float's own form (1.5E+02) is valid but not canonical.
func canonicalDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "INF"
	case math.IsInf(f, -1):
		return "-INF"
	}
	s := strconv.FormatFloat(f, 'E', -1, 64)
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

func literal(s, datatype, lang string) (term, error) {
	if !utf8.ValidString(s) {
		return term{}, fmt.Errorf("literal %q is not valid UTF-8", s)
	}
	if strings.HasPrefix(datatype, "xsd:") {
		datatype = schema.XSD + datatype[len("xsd:"):]
	}
	if datatype == xsdString {
		datatype = ""
	}
	if datatype != "" {
		if err := schema.CheckIRI(datatype); err != nil {
			return term{}, fmt.Errorf("datatype: %w", err)
		}
	}
	return term{kind: literalTerm, value: s, datatype: datatype, lang: lang}, nil
}

// validBlankLabel accepts the labels that every N-Triples and Turtle
// parser reads: ASCII letters, digits, _ and -, not starting with -.
func validBlankLabel(s string) bool {
	if s == "" || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isAlnum(c) || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// validLang checks a BCP 47 shaped tag: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func validLang(s string) bool {
	for i, part := range strings.Split(s, "-") {
		if part == "" {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			if !(isAlpha(c) || (i > 0 && isDigit(c))) {
				return false
			}
		}
	}
	return true
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isAlnum(c byte) bool { return isAlpha(c) || isDigit(c) }

// appendQuoted appends s as an N-Triples/Turtle STRING_LITERAL_QUOTE in the
// canonical form of RDF 1.1 N-Triples: \" \\ \n \r as ECHAR, every other
// control character (U+0000-U+001F, U+007F) as an uppercase \uXXXX UCHAR,
// everything else (including non-ASCII, U+2028 and emoji) as raw UTF-8.
func appendQuoted(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			b = append(b, '\\', '"')
		case c == '\\':
			b = append(b, '\\', '\\')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c < 0x20 || c == 0x7f:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// appendNT appends the N-Triples form of t.
func appendNT(b []byte, t term) []byte {
	switch t.kind {
	case iriTerm:
		b = append(b, '<')
		b = append(b, t.value...)
		return append(b, '>')
	case blankTerm:
		b = append(b, '_', ':')
		return append(b, t.value...)
	}
	b = appendQuoted(b, t.value)
	switch {
	case t.lang != "":
		b = append(b, '@')
		b = append(b, t.lang...)
	case t.datatype != "":
		b = append(b, '^', '^', '<')
		b = append(b, t.datatype...)
		b = append(b, '>')
	}
	return b
}

func (t term) nt() string { return string(appendNT(nil, t)) }

// triple is a converted, validated quad without its graph.
type triple struct{ s, p, o term }

// convert validates one quad: IRI or blank subject, IRI predicate, any
// object, IRI or blank graph label (nil for the default graph).
func convert(q quad.Quad) (t triple, g *term, err error) {
	if t.s, err = toTerm(q.Subject); err != nil {
		return t, nil, fmt.Errorf("subject: %w", err)
	}
	if t.s.kind == literalTerm {
		return t, nil, fmt.Errorf("subject %s is a literal", t.s.nt())
	}
	if t.p, err = toTerm(q.Predicate); err != nil {
		return t, nil, fmt.Errorf("predicate: %w", err)
	}
	if t.p.kind != iriTerm {
		return t, nil, fmt.Errorf("predicate %s is not an IRI", t.p.nt())
	}
	if t.o, err = toTerm(q.Object); err != nil {
		return t, nil, fmt.Errorf("object: %w", err)
	}
	if q.Label != nil {
		l, err := toTerm(q.Label)
		if err != nil {
			return t, nil, fmt.Errorf("graph: %w", err)
		}
		if l.kind == literalTerm {
			return t, nil, fmt.Errorf("graph %s is a literal", l.nt())
		}
		g = &l
	}
	return t, g, nil
}

// mergedTriples converts every quad, drops the graph labels and returns the
// distinct triples sorted by their N-Triples line.
func mergedTriples(qs []quad.Quad) ([]triple, error) {
	type keyed struct {
		line string
		t    triple
	}
	seen := make(map[string]bool, len(qs))
	out := make([]keyed, 0, len(qs))
	for i, q := range qs {
		t, _, err := convert(q)
		if err != nil {
			return nil, fmt.Errorf("quad %d: %w", i, err)
		}
		line := tripleLine(t)
		if seen[line] {
			continue
		}
		seen[line] = true
		out = append(out, keyed{line, t})
	}
	slices.SortFunc(out, func(a, b keyed) int { return strings.Compare(a.line, b.line) })
	ts := make([]triple, len(out))
	for i, k := range out {
		ts[i] = k.t
	}
	return ts, nil
}

func tripleLine(t triple) string {
	b := appendNT(nil, t.s)
	b = append(b, ' ')
	b = appendNT(b, t.p)
	b = append(b, ' ')
	b = appendNT(b, t.o)
	return string(b)
}
