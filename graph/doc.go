// Package graph is the only package of healthkg that talks to Cayley's
// stores. It maps schema.Article to quads and back (Encode, Decode) and
// owns opening, closing and writing the store (Open, Store).
//
// # Quad layout, IRI scheme v1
//
// A is the article IRI (Article.IRI), G its graph (Article.Graph). Every
// predicate and class is a full IRI: hkg:x is schema.P("x") =
// https://w3id.org/healthkg/vocab#x; rdf, rdfs, skos, dcterms, bibo,
// schema (schema.org) and xsd are the namespaces of package schema. Typed
// literals always carry a full xsd datatype IRI: xsd:integer, xsd:boolean
// ("true"/"false"), xsd:decimal (strconv.FormatFloat(v, 'f', -1, 64), never
// an exponent), xsd:gYear (four digits). Other literals are plain strings.
// Empty strings are never written. S is the statement IRI
// m.Statement(A, st.Key()); E an evidence IRI m.Evidence(S, ev).
//
// Every quad below has label G:
//
//	A  rdf:type hkg:Article; dcterms:title; hkg:source; hkg:contentHash;
//	   hkg:format; hkg:length (integer); hkg:iriScheme "v1";
//	   hkg:mentions <e> for every entity e of the article.
//	e  rdf:type <hkg:Class>; rdfs:label; hkg:synonym (each);
//	   skos:exactMatch <schema.Expand(xref)> (each);
//	   hkg:agency <IRI>; hkg:jurisdiction <IRI>; hkg:status (LegalStatus).
//	S  rdf:type hkg:Statement; rdf:subject <s>; rdf:predicate <hkg:pred>;
//	   rdf:object <o>; hkg:certainty <hkg:asserted|hedged|speculative|negated>
//	   (Statement.Certainty()); hkg:negated (boolean); hkg:article A;
//	   hkg:supportedBy <reference>; hkg:evidence E (each).
//	E  rdf:type hkg:Evidence; hkg:article <ev.Article>; hkg:sentence;
//	   hkg:start; hkg:end; hkg:item, hkg:itemStart, hkg:itemEnd (list
//	   items only); hkg:section; hkg:rule; hkg:certainty <IRI>; hkg:cue (each).
//	C  rdf:type hkg:Claim; hkg:text; hkg:context; hkg:start; hkg:end;
//	   hkg:textStart; hkg:textEnd; hkg:section; hkg:quoted (boolean);
//	   hkg:certainty <IRI>; hkg:cue (each); hkg:attribution; hkg:about <e>
//	   (each); hkg:article A; hkg:supportedBy <reference>.
//	R  rdf:type hkg:Reference; dcterms:title; hkg:author (each, and the
//	   organisation too); hkg:organization; dcterms:bibliographicCitation
//	   (the raw entry); hkg:start; hkg:end (offsets of the raw entry);
//	   hkg:year (gYear, when > 0); hkg:venue; dcterms:publisher; hkg:volume;
//	   hkg:issue; hkg:pages; hkg:date; hkg:referenceType; hkg:number
//	   (integer, when > 0); bibo:doi; schema:url (a plain literal).
//	Q  rdf:type hkg:Quantity; rdfs:label (the text); hkg:value (decimal);
//	   hkg:maxValue (when not 0); hkg:unit; hkg:measures <e>;
//	   hkg:population <e>; hkg:sentence; hkg:start; hkg:end; hkg:textStart;
//	   hkg:textEnd; hkg:section; hkg:certainty <IRI>; hkg:article A.
//
// Sections are not stored. For every statement that is not negated there
// is one more quad, <s> <hkg:pred> <o> with label S: the statement IRI
// names the graph that holds its asserted triple (nanopublication style).
// A negated statement never produces that triple.
//
// An article therefore owns exactly: every quad labelled G, plus every
// quad labelled S for each S with `S rdf:type hkg:Statement` in G. Shared
// nodes (entities, claims, references) get one copy of their description
// per article graph, so deleting one article never touches another's.
//
// Decode gives back what Encode was given, after Article.Normalize, with
// these exceptions: Sections are empty; Synonyms, XRefs, Cues, Authors and
// Claim.About come back sorted without repeats (RDF has no order); a
// reference's Organization is not repeated in its Authors; an XRef given
// as a full IRI in a known namespace comes back as a CURIE
// (schema.Compact).
//
// # Store
//
// Store wraps one Cayley quad store ("bolt" on disk, or "memory") behind a
// sync.RWMutex (memstore has no locking of its own, and even its reads
// write shared state, so on "memory" RLock excludes other readers too).
// Replace writes an article as the exact difference between what the store
// holds for it and Encode's output, so re-ingesting an unchanged article
// changes nothing.
//
// A bolt store created by Open gets a third index, label-subject, besides
// Cayley's default subject-predicate and object-predicate-subject ones, so
// that "every quad of graph G" is a prefix scan instead of a scan of the
// whole store (Cayley reads the index list of a KV store from the store
// itself; a store made elsewhere without that index still works, slowly).
//
// Two Cayley defects shape the write path of the KV (bolt) backend:
//
//   - In one ApplyDeltas that both deletes and adds, a node whose reference
//     count goes down overall (typically the article graph G when an
//     article shrinks) is missing from the node table used to write the
//     added quads, which are then stored without that term (graph/kv
//     applyAddDeltas only looks at the nodes whose count goes up). Replace
//     therefore uses one transaction only when no term of an added quad
//     loses references; otherwise it runs pure-delete and pure-add
//     transactions in this order: remove the old hkg:contentHash quad, add
//     the new quads, remove the old quads, add the new hkg:contentHash
//     quad. Readers never see the steps (the store's write lock is held
//     throughout); an error at any step undoes the steps before it; and a
//     crash between steps leaves the article without a content hash, so
//     ContentHash reports it missing and the next ingest rewrites it.
//   - A failed ApplyDeltas leaves Cayley's in-memory KV state (pending index
//     buffer, value cache, Bloom filters) dirty although bolt rolled the
//     transaction back; the store is then closed and reopened.
//
// The bolt backend opens its file without a timeout and waits forever
// while another process holds it, so Open first probes the file lock with
// flock and gives up after Config.LockTimeout.
package graph
