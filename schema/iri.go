package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/google/uuid"
	"golang.org/x/text/unicode/norm"
)

// Minter makes the IRIs of instances under a base. The same keys always give
// the same IRIs. Every IRI carries the scheme version (IRIScheme) right after
// the base: https://w3id.org/healthkg/id/v1/substance/kratom.
//
// Entities get readable slugs of their normalised key; articles get a slug of
// their source key; statements, evidence, claims, references and quantities
// get UUIDv5 over a normalised key in a namespace derived from the base and
// the scheme version.
type Minter struct {
	base string
	ns   uuid.UUID
}

// NewMinter checks the base (an absolute http(s) IRI ending in "/" or "#").
func NewMinter(base string) (Minter, error) {
	if base == "" {
		base = DefaultBase
	}
	u, err := url.Parse(base)
	if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Minter{}, fmt.Errorf("base IRI %q: want an absolute http(s) IRI", base)
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		return Minter{}, fmt.Errorf("base IRI %q: must end with / or #", base)
	}
	if err := CheckIRI(base); err != nil {
		return Minter{}, err
	}
	root := base + IRIScheme + "/"
	return Minter{base: base, ns: uuid.NewSHA1(uuid.NameSpaceURL, []byte(root))}, nil
}

// DefaultMinter mints under DefaultBase.
func DefaultMinter() Minter {
	m, err := NewMinter(DefaultBase)
	if err != nil {
		panic(err)
	}
	return m
}

// Base is the configured base IRI.
func (m Minter) Base() string { return m.base }

// Root is the base plus the scheme version: every minted IRI starts with it.
func (m Minter) Root() string { return m.base + IRIScheme + "/" }

// Entity mints the IRI of an entity of class c with the normalised key.
func (m Minter) Entity(c Class, key string) string {
	return m.Root() + strings.ToLower(string(c)) + "/" + Slug(key)
}

// Article mints the IRI of the article read from source.
func (m Minter) Article(source string) string { return m.Root() + "article/" + Slug(source) }

// Graph mints the IRI of the named graph that holds what an article says.
func (m Minter) Graph(source string) string { return m.Root() + "graph/" + Slug(source) }

// Statement mints the IRI of a statement made by an article. It also names
// the graph that holds the statement's asserted triple.
func (m Minter) Statement(article, key string) string {
	return m.hashed("statement", article+"\n"+key)
}

// Evidence mints the IRI of one piece of evidence for a statement.
func (m Minter) Evidence(statement string, e Evidence) string {
	return m.hashed("evidence", statement+"\n"+evidenceKey(e))
}

// Claim mints the IRI of a claim: the same words give the same claim, in
// whatever article they appear.
func (m Minter) Claim(text string) string { return m.hashed("claim", NormalizeKey(text)) }

// Reference mints the IRI of a cited work from its title and year (or its
// raw text when it has no title): the same work cited by two articles is
// one node.
func (m Minter) Reference(title string, year int, raw string) string {
	if title == "" {
		return m.hashed("reference", "raw\n"+NormalizeKey(raw))
	}
	return m.hashed("reference", NormalizeKey(title)+"\n"+strconv.Itoa(year))
}

// Quantity mints the IRI of a quantity stated at a place in an article.
func (m Minter) Quantity(article string, s Span) string {
	return m.hashed("quantity", fmt.Sprintf("%s\n%d:%d", article, s.Start, s.End))
}

func (m Minter) hashed(kind, key string) string {
	return m.Root() + kind + "/" + uuid.NewSHA1(m.ns, []byte(kind+"\n"+key)).String()
}

var typographic = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`,
	"\u2013", "-", "\u2014", "-", "\u00a0", " ")

// NormalizeKey folds a label into the key that decides identity: Unicode
// NFKC, lower case, typographic quotes and dashes made plain, runs of
// space and punctuation (other than + . - % ') made one space.
func NormalizeKey(s string) string {
	s = norm.NFKC.String(s)
	s = typographic.Replace(s)
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("+.-%'", r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return strings.Trim(b.String(), " .-'")
}

// Slug turns a key into a readable IRI path segment of ASCII letters,
// digits and hyphens. Long or non-ASCII keys keep a short hash so that two
// keys never share a slug by truncation or transliteration.
func Slug(key string) string {
	k := NormalizeKey(key)
	var b strings.Builder
	lossy := false
	dash := false
	for _, r := range k {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '+':
			if b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString("plus")
			dash = true
		case r == '%':
			if b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString("percent")
			dash = true
		case r == ' ' || r == '-' || r == '.' || r == '\'':
			dash = true
		default:
			lossy = true
			dash = true
		}
	}
	s := b.String()
	const max = 64
	if lossy || len(s) > max || s == "" {
		sum := sha256.Sum256([]byte(k))
		if len(s) > max {
			s = strings.TrimRight(s[:max], "-")
		}
		if s != "" {
			s += "-"
		}
		s += hex.EncodeToString(sum[:4])
	}
	return s
}

// CheckIRI rejects what N-Triples cannot hold in an IRI: spaces, controls
// and <>"{}|^`\ (the rules of RDF 1.1 IRIREF), and relative IRIs.
func CheckIRI(s string) error {
	if s == "" {
		return fmt.Errorf("empty IRI")
	}
	for i, r := range s {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) || r == unicode.ReplacementChar {
			return fmt.Errorf("IRI %q: invalid character %q at byte %d", s, r, i)
		}
	}
	if i := strings.Index(s, ":"); i <= 0 {
		return fmt.Errorf("IRI %q: not absolute", s)
	}
	return nil
}

// Expand turns a CURIE with a known prefix into a full IRI; other strings
// are returned unchanged.
func Expand(curie string) string {
	if i := strings.Index(curie, ":"); i > 0 {
		if ns, ok := Prefixes[curie[:i]]; ok {
			return ns + curie[i+1:]
		}
	}
	return curie
}

// Compact turns a full IRI into a CURIE with a known prefix when the local
// part is a simple name; otherwise it returns the IRI unchanged.
func Compact(iri string) string {
	best, bestNS := "", ""
	for p, ns := range Prefixes {
		if strings.HasPrefix(iri, ns) && len(ns) > len(bestNS) {
			best, bestNS = p, ns
		}
	}
	if bestNS == "" {
		return iri
	}
	return best + ":" + iri[len(bestNS):]
}
