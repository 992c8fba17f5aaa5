package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	camelCase = regexp.MustCompile(`^biolink:[A-Z][A-Za-z]+$`)
	snakeCase = regexp.MustCompile(`^biolink:[a-z]+(?:_[a-z]+)*$`)
	curieRE   = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_.-]*):[^/]`)
)

// TestKGXValidity checks the KGX files of the test corpus the way the KGX
// validator does what it can offline: the required fields of nodes and
// edges in JSON Lines and TSV (the same records, in the same order),
// categories in CamelCase and predicates in snake_case under biolink:, and
// every CURIE prefix declared in the context the export ships.
func TestKGXValidity(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	if code, _, stderr := runCmd(t, "ingest", "--db", db, "--quiet", "../../testdata/corpus"); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	out := filepath.Join(tmp, "out")
	if code, _, stderr := runCmd(t, "export", "--db", db, "--out", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	var ctx struct {
		Context map[string]any `json:"@context"`
	}
	b, _ := os.ReadFile(filepath.Join(out, "context.jsonld"))
	if err := json.Unmarshal(b, &ctx); err != nil {
		t.Fatal(err)
	}
	declared := func(v string) bool {
		m := curieRE.FindStringSubmatch(v)
		if m == nil || strings.HasPrefix(v, "http") {
			return true // not a CURIE
		}
		_, ok := ctx.Context[m[1]].(string)
		return ok
	}
	required := map[string][]string{
		"nodes": {"id", "category", "provided_by"},
		"edges": {"id", "subject", "predicate", "object", "knowledge_level", "agent_type", "primary_knowledge_source"},
	}
	curies := map[string][]string{
		"nodes": {"id", "category", "provided_by", "xref"},
		"edges": {"id", "subject", "predicate", "object", "original_predicate", "primary_knowledge_source", "publications"},
	}
	for _, kind := range []string{"nodes", "edges"} {
		var ids []string
		f, err := os.Open(filepath.Join(out, kind+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for line := 1; sc.Scan(); line++ {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("%s.jsonl line %d: %v", kind, line, err)
			}
			values := func(k string) []string {
				switch v := rec[k].(type) {
				case string:
					return []string{v}
				case []any:
					var out []string
					for _, e := range v {
						if s, ok := e.(string); ok {
							out = append(out, s)
						}
					}
					return out
				}
				return nil
			}
			for _, k := range required[kind] {
				if len(values(k)) == 0 || values(k)[0] == "" {
					t.Errorf("%s.jsonl line %d: no %s", kind, line, k)
				}
			}
			for _, k := range curies[kind] {
				for _, v := range values(k) {
					if !declared(v) {
						t.Errorf("%s.jsonl line %d: %s %q has an undeclared prefix", kind, line, k, v)
					}
				}
			}
			for _, c := range values("category") {
				if !camelCase.MatchString(c) {
					t.Errorf("%s.jsonl line %d: category %q is not a biolink: class name", kind, line, c)
				}
			}
			if p := values("predicate"); len(p) > 0 && !snakeCase.MatchString(p[0]) {
				t.Errorf("%s.jsonl line %d: predicate %q is not a biolink: slot name", kind, line, p[0])
			}
			ids = append(ids, values("id")[0])
		}
		f.Close()
		tsv, err := os.ReadFile(filepath.Join(out, kind+".tsv"))
		if err != nil {
			t.Fatal(err)
		}
		rows := strings.Split(strings.TrimSuffix(string(tsv), "\n"), "\n")
		head := strings.Split(rows[0], "\t")
		col := map[string]int{}
		for i, h := range head {
			col[h] = i
		}
		for _, k := range required[kind] {
			if _, ok := col[k]; !ok {
				t.Errorf("%s.tsv has no %s column", kind, k)
			}
		}
		if len(rows)-1 != len(ids) {
			t.Fatalf("%s.tsv has %d rows, %s.jsonl %d records", kind, len(rows)-1, kind, len(ids))
		}
		for i, r := range rows[1:] {
			cells := strings.Split(r, "\t")
			if len(cells) != len(head) || cells[col["id"]] != ids[i] {
				t.Errorf("%s.tsv row %d: %d cells, id %q, want %d cells and id %q", kind, i+1, len(cells), cells[0], len(head), ids[i])
				continue
			}
			for _, k := range required[kind] {
				if cells[col[k]] == "" {
					t.Errorf("%s.tsv row %d: empty %s", kind, i+1, k)
				}
			}
		}
	}
}
