package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/knakk/rdf"

	"github.com/healthkg/healthkg/export"
	"github.com/healthkg/healthkg/schema"
)

// toolVersion names the software that made a dataset.
const toolVersion = "healthkg (IRI scheme " + schema.IRIScheme + ")"

// bundleFile describes one file of a dataset bundle.
type bundleFile struct {
	name, mediaType, title string
	rdf                    bool // counted in triples (or quads)
}

var bundleFiles = []bundleFile{
	{"graph.nt.gz", "application/n-triples", "N-Triples, all graphs merged (gzip)", true},
	{"graph.nq.gz", "application/n-quads", "N-Quads with the named graphs: one per article, one per statement (gzip)", true},
	{"graph.ttl", "text/turtle", "Turtle, all graphs merged", true},
	{"graph.trig", "application/trig", "TriG with the named graphs", true},
	{"graph.jsonld", "application/ld+json", "JSON-LD, compacted with the healthkg context", true},
	{"nodes.jsonl", "application/x-ndjson", "KGX nodes (JSON Lines, Biolink categories)", false},
	{"edges.jsonl", "application/x-ndjson", "KGX edges (JSON Lines, Biolink predicates, evidence)", false},
	{"nodes.tsv", "text/tab-separated-values", "KGX nodes (TSV)", false},
	{"edges.tsv", "text/tab-separated-values", "KGX edges (TSV)", false},
	{"nodes.csv", "text/csv", "nodes for spreadsheets", false},
	{"edges.csv", "text/csv", "edges for spreadsheets", false},
	{"vocabulary.ttl", "text/turtle", "the healthkg ontology (OWL)", true},
	{"shapes.ttl", "text/turtle", "SHACL shapes of the vocabulary", true},
	{"context.jsonld", "application/ld+json", "the JSON-LD context", false},
}

// bundle makes the files of a dataset download: every export, gzipped
// N-Triples and N-Quads, a VoID + DCAT description (void.ttl) and the same
// as schema.org Dataset JSON-LD (dataset.jsonld), a README, the URDNA2015
// hash of the graph, and CHECKSUMS for sha256sum -c. The same store and
// date give the same bytes.
func bundle(qs []quad.Quad, arts []*schema.Article, m schema.Minter, date, license string) (map[string][]byte, error) {
	if _, err := time.Parse("2006-01-02", date); err != nil {
		return nil, usagef("--date %q: want YYYY-MM-DD", date)
	}
	files, err := render(qs, arts, m, "all")
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, n := range []string{"graph.nt", "graph.nq"} {
		counts[n+".gz"] = bytes.Count(files[n], []byte("\n"))
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression) // no name, no time: the same bytes every time
		if _, err := zw.Write(files[n]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		files[n+".gz"] = gz.Bytes()
		delete(files, n)
	}
	triples := counts["graph.nt.gz"]
	for _, n := range []string{"graph.ttl", "graph.jsonld"} {
		counts[n] = triples
	}
	counts["graph.trig"] = counts["graph.nq.gz"]
	for _, n := range []string{"vocabulary.ttl", "shapes.ttl"} {
		c, err := countTriples(files[n])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		counts[n] = c
	}
	_, canon, err := export.Canonical(qs)
	if err != nil {
		return nil, err
	}
	var sources []string
	for _, a := range arts {
		sources = append(sources, a.Source)
	}
	sort.Strings(sources)
	dataset := m.Root() + "dataset"
	title := "healthkg knowledge graph of " + strconv.Itoa(len(arts)) + " health articles"
	desc := "Statements extracted from consumer health articles by healthkg: substances, their compounds, receptors, side effects, risks, legal statuses, uses and alternatives, claims and the references that support them; every statement with its evidence (article, sentence, byte offsets, rule, certainty)."

	// VoID + DCAT, written by the Turtle writer
	var d []quad.Quad
	iri := func(s string) quad.IRI { return quad.IRI(s) }
	str := func(s string) quad.Value { return quad.String(s) }
	typed := func(v, dt string) quad.Value { return quad.TypedString{Value: quad.String(v), Type: quad.IRI(dt)} }
	add := func(s quad.Value, p string, o quad.Value) {
		d = append(d, quad.Quad{Subject: s, Predicate: iri(p), Object: o})
	}
	const (
		dcat  = "http://www.w3.org/ns/dcat#"
		void  = "http://rdfs.org/ns/void#"
		spdx  = "http://spdx.org/rdf/terms#"
		dct   = schema.DCTERMS
		rdf   = schema.RDF
		xsd   = schema.XSD
		iana  = "https://www.iana.org/assignments/media-types/"
		xsdDt = xsd + "date"
	)
	ds := iri(dataset)
	add(ds, rdf+"type", iri(dcat+"Dataset"))
	add(ds, rdf+"type", iri(void+"Dataset"))
	add(ds, dct+"title", str(title))
	add(ds, dct+"description", str(desc))
	add(ds, dct+"license", iri(license))
	add(ds, dct+"issued", typed(date, xsdDt))
	add(ds, dct+"modified", typed(date, xsdDt))
	add(ds, dct+"identifier", str("urdna2015-sha256:"+canon))
	add(ds, dct+"creator", str(toolVersion))
	add(ds, void+"triples", typed(strconv.Itoa(triples), xsd+"integer"))
	add(ds, void+"vocabulary", iri(schema.VocabNS))
	add(ds, dct+"conformsTo", iri(schema.ShapesIRI))
	for _, s := range sources {
		add(ds, dct+"source", str(s))
	}
	var readme strings.Builder
	var rows []string
	for i, f := range bundleFiles {
		b, ok := files[f.name]
		if !ok {
			return nil, fmt.Errorf("bundle: %s was not rendered", f.name)
		}
		sum := sha256.Sum256(b)
		hexsum := hex.EncodeToString(sum[:])
		dist := iri(dataset + "/" + f.name)
		add(ds, dcat+"distribution", dist)
		add(dist, rdf+"type", iri(dcat+"Distribution"))
		add(dist, dct+"title", str(f.name))
		add(dist, dct+"description", str(f.title))
		add(dist, dcat+"mediaType", iri(iana+f.mediaType))
		add(dist, dcat+"byteSize", typed(strconv.Itoa(len(b)), xsd+"nonNegativeInteger"))
		add(dist, dct+"license", iri(license))
		add(dist, dct+"issued", typed(date, xsdDt))
		ck := quad.BNode("checksum" + strconv.Itoa(i))
		add(dist, spdx+"checksum", ck)
		add(ck, rdf+"type", iri(spdx+"Checksum"))
		add(ck, spdx+"algorithm", iri(spdx+"checksumAlgorithm_sha256"))
		add(ck, spdx+"checksumValue", typed(hexsum, xsd+"hexBinary"))
		n := ""
		if f.rdf {
			add(dist, void+"triples", typed(strconv.Itoa(counts[f.name]), xsd+"integer"))
			n = strconv.Itoa(counts[f.name])
		}
		rows = append(rows, fmt.Sprintf("| `%s` | %s | %s | %d | %s | `%s` |", f.name, f.title, f.mediaType, len(b), n, hexsum))
	}
	var vb bytes.Buffer
	if err := (export.Options{Base: m.Base()}).Turtle(&vb, d); err != nil {
		return nil, fmt.Errorf("void.ttl: %w", err)
	}
	files["void.ttl"] = append(vb.Bytes(), '\n')

	// the same description for dataset search engines (schema.org Dataset)
	var dists []map[string]any
	for _, f := range bundleFiles {
		dists = append(dists, map[string]any{"@type": "DataDownload", "name": f.name, "description": f.title,
			"encodingFormat": f.mediaType, "contentSize": strconv.Itoa(len(files[f.name])) + " B", "contentUrl": f.name})
	}
	sd := map[string]any{
		"@context": map[string]any{"@vocab": "https://schema.org/"},
		"@type":    "Dataset", "@id": dataset,
		"name": title, "description": desc, "license": license, "datePublished": date, "dateModified": date,
		"identifier": "urdna2015-sha256:" + canon, "isBasedOn": sources, "distribution": dists,
		"creator":              map[string]any{"@type": "SoftwareApplication", "name": toolVersion},
		"measurementTechnique": "rule-based extraction from article text, every statement with its evidence",
		"variableMeasured":     []string{"substance", "side effect", "legal status", "claim"},
	}
	sj, err := json.MarshalIndent(sd, "", "  ")
	if err != nil {
		return nil, err
	}
	files["dataset.jsonld"] = append(sj, '\n')

	fmt.Fprintf(&readme, "# %s\n\n%s\n\n", title, desc)
	fmt.Fprintf(&readme, "- Issued: %s\n- Licence: <%s>\n- Made by: %s\n- Triples: %d (quads with named graphs: %d)\n",
		date, license, toolVersion, triples, counts["graph.nq.gz"])
	fmt.Fprintf(&readme, "- Graph hash (RDF Dataset Canonicalization URDNA2015, then SHA-256 of the canonical N-Quads): `%s`\n\n", canon)
	readme.WriteString("## Files\n\n| file | what | media type | bytes | triples | SHA-256 |\n|---|---|---|---|---|---|\n")
	readme.WriteString(strings.Join(rows, "\n") + "\n")
	readme.WriteString("| `void.ttl` | VoID and DCAT description of this dataset | text/turtle | | | in CHECKSUMS |\n")
	readme.WriteString("| `dataset.jsonld` | the same as a schema.org Dataset | application/ld+json | | | in CHECKSUMS |\n")
	readme.WriteString("| `schemaorg/*.jsonld`, `schemaorg/*.html` | each article's schema.org JSON-LD for its web page, and the script element to paste | application/ld+json, text/html | | | in CHECKSUMS |\n\n")
	readme.WriteString("## Verify\n\n    sha256sum -c CHECKSUMS\n\n")
	readme.WriteString("The graph hash does not depend on the file format: canonicalise `graph.nq.gz` (or any RDF file\n")
	readme.WriteString("of the bundle, as a dataset) with URDNA2015 / RDFC-1.0 (for example rdf-canonize) and hash the\n")
	readme.WriteString("canonical N-Quads with SHA-256.\n\n## Source articles\n\n")
	for _, s := range sources {
		fmt.Fprintf(&readme, "- %s\n", s)
	}
	files["README.md"] = []byte(readme.String())

	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var ck strings.Builder
	for _, n := range names {
		sum := sha256.Sum256(files[n])
		fmt.Fprintf(&ck, "%s  %s\n", hex.EncodeToString(sum[:]), n)
	}
	files["CHECKSUMS"] = []byte(ck.String())
	return files, nil
}

// countTriples counts the distinct triples of a Turtle document.
func countTriples(ttl []byte) (int, error) {
	dec := rdf.NewTripleDecoder(bytes.NewReader(ttl), rdf.Turtle)
	seen := map[string]bool{}
	for {
		t, err := dec.Decode()
		if err == io.EOF {
			return len(seen), nil
		}
		if err != nil {
			return 0, err
		}
		seen[t.Serialize(rdf.NTriples)] = true
	}
}
