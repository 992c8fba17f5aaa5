package server

import (
	"net/http"

	"github.com/healthkg/healthkg/queries"
)

// OpenAPI returns the OpenAPI 3.0 description of the server's JSON API,
// made from the query catalogue so that it cannot drift from the code.
func OpenAPI() map[string]any {
	errResp := map[string]any{"description": "an error", "content": map[string]any{"application/json": map[string]any{
		"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	paths := map[string]any{}
	for _, c := range queries.Catalogue() {
		params := []any{map[string]any{"name": "format", "in": "query", "required": false,
			"description": "json (the default), csv or tsv", "schema": map[string]any{"type": "string", "enum": []string{"json", "csv", "tsv"}}}}
		for _, p := range c.Params {
			sch := map[string]any{"type": "string"}
			if p.Bool {
				sch = map[string]any{"type": "boolean"}
			}
			if len(p.Enum) > 0 {
				sch["enum"] = p.Enum
			}
			params = append(params, map[string]any{"name": p.Name, "in": "query", "required": p.Required, "description": p.Doc, "schema": sch})
		}
		paths["/api/queries/"+c.Name] = map[string]any{"get": map[string]any{
			"operationId": c.Name,
			"summary":     c.Summary,
			"parameters":  params,
			"responses": map[string]any{
				"200": map[string]any{"description": "the answer", "content": map[string]any{
					"application/json":          map[string]any{"schema": map[string]any{}},
					"text/csv":                  map[string]any{"schema": map[string]any{"type": "string"}},
					"text/tab-separated-values": map[string]any{"schema": map[string]any{"type": "string"}},
				}},
				"400": errResp, "404": errResp, "409": errResp, "504": errResp,
			},
		}}
	}
	paths["/api/queries"] = map[string]any{"get": map[string]any{"operationId": "catalogue", "summary": "the named queries and their parameters",
		"responses": map[string]any{"200": map[string]any{"description": "the catalogue", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "array"}}}}}}}
	paths["/api/articles"] = map[string]any{"post": map[string]any{"operationId": "ingest",
		"summary":    "ingest one article (servers started with --write only)",
		"security":   []any{map[string]any{"bearer": []string{}}},
		"parameters": []any{map[string]any{"name": "name", "in": "query", "required": true, "description": "the article's file name; its extension (.txt, .md, .html) says its format", "schema": map[string]any{"type": "string"}}},
		"requestBody": map[string]any{"required": true, "content": map[string]any{
			"text/plain": map[string]any{"schema": map[string]any{"type": "string"}}, "text/markdown": map[string]any{"schema": map[string]any{"type": "string"}},
			"text/html": map[string]any{"schema": map[string]any{"type": "string"}}}},
		"responses": map[string]any{"201": map[string]any{"description": "ingested"}, "400": errResp, "401": errResp, "403": errResp, "413": errResp, "422": errResp},
	}}
	return map[string]any{
		"openapi": "3.0.3",
		"info": map[string]any{"title": "healthkg", "version": "1",
			"description": "Researchers' questions over a healthkg knowledge graph. Names are labels or synonyms in any case, or IRIs; an ambiguous name answers 409 with the candidates. Cayley's API v2 (read-only) is mounted under /api/v2; every minted IRI dereferences under /id/."},
		"paths": paths,
		"components": map[string]any{
			"schemas": map[string]any{"Error": map[string]any{"type": "object", "required": []string{"error"}, "properties": map[string]any{
				"error": map[string]any{"type": "string"}, "candidates": map[string]any{"type": "array", "items": map[string]any{"type": "object"}}}}},
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}},
		},
	}
}

func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, OpenAPI())
}
