package rdfcheck

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const canonScript = `import {readFileSync} from 'node:fs';
import {createHash} from 'node:crypto';
import canonize from 'rdf-canonize';
import jsonld from 'jsonld';
let input = readFileSync(process.argv[2], 'utf8');
if (process.argv[2].endsWith('.jsonld') || process.argv[2].endsWith('.json')) {
  // JSON-LD: jsonld.js expands it to N-Quads first (safe mode: nothing dropped silently)
  const loader = async (url) => { throw new Error('offline: ' + url); };
  input = await jsonld.toRDF(JSON.parse(input), {format: 'application/n-quads', safe: true, documentLoader: loader});
}
const out = await canonize.canonize(input, {algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads'});
process.stdout.write(createHash('sha256').update(out).digest('hex'));
`

// CanonicalHash returns the SHA-256 (hex) of a file's dataset in canonical
// form as rdf-canonize (JavaScript, RDFC-1.0, the standardised URDNA2015)
// computes it: an independent check of our own hash. The file is N-Quads,
// or JSON-LD (.jsonld, .json) that jsonld.js expands first.
func CanonicalHash(t testing.TB, nquads string) string {
	t.Helper()
	ts := discover()
	if why := ts.missing(toolNode); why != "" {
		reportMissing(t, "rdf-canonize", why, requireTools())
		t.SkipNow()
	}
	dir := t.TempDir()
	script := filepath.Join(dir, "canon.mjs")
	if err := os.WriteFile(script, []byte(canonScript), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(ts.nodeModules, filepath.Join(dir, "node_modules")); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	abs, _ := filepath.Abs(nquads)
	out, err := exec.CommandContext(ctx, ts.node, script, abs).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("rdfcheck: rdf-canonize: %v\n%s", err, clip(msg, 2000))
	}
	return strings.TrimSpace(string(out))
}
