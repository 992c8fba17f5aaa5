// N3.js / jsonld.js side of internal/rdfcheck (embedded in the Go package). The Go code writes this
// file to a temporary folder next to a symlink node_modules -> tools/rdfcheck-node/node_modules.
// Usage: node rdfjs_check.mjs REQUEST.json   -> JSON on stdout
//   {"files": [{"path": P, "fmt": "nt|nq|ttl|jsonld"}, ...]}
//   -> {"results": [{"path", "tool": "n3.js|jsonld.js", "ok", "count", "error"}]}
// nt/nq/ttl: N3.js parser. jsonld: jsonld.js toRDF in safe mode (data that expansion would drop
// silently is an error) with a document loader that refuses the network (contexts must be inline).
import fs from 'fs';
import { pathToFileURL } from 'url';
import jsonld from 'jsonld';
import N3 from 'n3';

const N3FMT = { nt: 'N-Triples', nq: 'N-Quads', ttl: 'Turtle', trig: 'TriG' };

const documentLoader = async (url) => {
  throw new Error(`rdfcheck: remote JSON-LD document refused (no network; use an inline @context): ${url}`);
};

function errMsg(e) {
  let m = (e && e.message) || String(e);
  const d = e && e.details;
  if (d) {
    const bits = [];
    if (d.code) bits.push(d.code);
    if (d.event && d.event.code) bits.push(d.event.code);
    if (d.event && d.event.details) bits.push(JSON.stringify(d.event.details).slice(0, 300));
    if (d.cause && d.cause.message) bits.push(d.cause.message);
    if (bits.length) m += ' [' + bits.join('; ') + ']';
  }
  return m.slice(0, 800);
}

async function check(f) {
  const text = fs.readFileSync(f.path, 'utf8');
  if (f.fmt === 'jsonld') {
    let doc;
    try { doc = JSON.parse(text); } catch (e) { return { tool: 'jsonld.js', ok: false, error: 'invalid JSON: ' + e.message }; }
    try {
      const quads = await jsonld.toRDF(doc, { documentLoader, safe: true });
      return { tool: 'jsonld.js', ok: true, count: quads.length };
    } catch (e) {
      return { tool: 'jsonld.js', ok: false, error: errMsg(e) };
    }
  }
  try {
    const parser = new N3.Parser({ format: N3FMT[f.fmt], baseIRI: pathToFileURL(f.path).href });
    return { tool: 'n3.js', ok: true, count: parser.parse(text).length };
  } catch (e) {
    return { tool: 'n3.js', ok: false, error: errMsg(e) };
  }
}

const req = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const f of req.files) results.push({ path: f.path, ...(await check(f)) });
process.stdout.write(JSON.stringify({ results }));
