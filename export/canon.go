package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/cayleygraph/quad"
	"github.com/piprate/json-gold/ld"
)

// Canonical returns the dataset of qs (named graphs kept) in canonical
// N-Quads form by the RDF Dataset Canonicalization algorithm URDNA2015
// (json-gold, offline), and its SHA-256 in hex: a hash of the graph that
// does not depend on the serialization anyone downloaded.
func Canonical(qs []quad.Quad) (nquads string, sha string, err error) {
	var b bytes.Buffer
	if err := NQuads(&b, qs); err != nil {
		return "", "", fmt.Errorf("canonical: %w", err)
	}
	opts := jsonldOptions(offlineLoader{})
	opts.InputFormat = "application/n-quads"
	opts.Format = "application/n-quads"
	opts.Algorithm = ld.AlgorithmURDNA2015
	out, err := ld.NewJsonLdProcessor().Normalize(b.String(), opts)
	if err != nil {
		return "", "", fmt.Errorf("canonical: %w", err)
	}
	s, ok := out.(string)
	if !ok {
		return "", "", fmt.Errorf("canonical: json-gold returned %T", out)
	}
	sum := sha256.Sum256([]byte(s))
	return s, hex.EncodeToString(sum[:]), nil
}
