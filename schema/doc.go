// Package schema is the shared leaf of healthkg: the vocabulary (classes,
// predicates, namespaces and their mappings to schema.org, Biolink, CiTO,
// PROV-O and the W3C Web Annotation model), the minting of stable,
// versioned IRIs, and the article/statement/evidence types that ingest
// produces and graph, queries and export consume.
//
// Nothing here does I/O and nothing here imports another healthkg package.
package schema
