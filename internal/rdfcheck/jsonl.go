package rdfcheck

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

const toolJSONL = "kgx-jsonl"

// maxJSONLProblems bounds the problems reported per file.
const maxJSONLProblems = 10

// checkJSONL checks a KGX JSON Lines file: every line one JSON object with a non-empty string
// "id" (unique in the file); nodes ("node" in the file name) need "category", edges ("edge" in
// the file name) need "subject", "predicate" and "object". In a file named neither way, a line
// with a "subject" is taken for an edge and any other line for a node.
func checkJSONL(f file) []finding {
	in, err := os.Open(f.path)
	if err != nil {
		return []finding{{f.rel, toolJSONL, false, err.Error()}}
	}
	defer in.Close()

	base := strings.ToLower(filepath.Base(f.path))
	kind := ""
	switch {
	case strings.Contains(base, "edge"):
		kind = "edge"
	case strings.Contains(base, "node"):
		kind = "node"
	}

	var problems []string
	nproblems := 0
	problem := func(line int, format string, args ...any) {
		nproblems++
		if nproblems <= maxJSONLProblems {
			problems = append(problems, fmt.Sprintf("line %d: %s", line, fmt.Sprintf(format, args...)))
		}
	}
	seen := map[string]int{}
	r := bufio.NewReaderSize(in, 1<<20)
	records := 0
	for line := 1; ; line++ {
		b, err := r.ReadBytes('\n')
		if len(b) == 0 && err == io.EOF {
			break
		}
		if err != nil && err != io.EOF {
			return []finding{{f.rel, toolJSONL, false, err.Error()}}
		}
		b = bytes.TrimRight(b, "\r\n")
		if len(bytes.TrimSpace(b)) == 0 {
			problem(line, "blank line (JSON Lines has one JSON value per line)")
			continue
		}
		records++
		if bytes.TrimSpace(b)[0] != '{' {
			problem(line, "not a JSON object: %s", clip(string(b), 80))
			continue
		}
		var obj map[string]any
		if err := json.Unmarshal(b, &obj); err != nil {
			problem(line, "invalid JSON: %v", err)
			continue
		}
		id, ok := obj["id"].(string)
		if !ok || id == "" {
			problem(line, `missing or empty string "id"`)
		} else if prev, dup := seen[id]; dup {
			problem(line, "duplicate id %q (first on line %d)", id, prev)
		} else {
			seen[id] = line
		}
		k := kind
		if k == "" {
			k = "node"
			if _, ok := obj["subject"]; ok {
				k = "edge"
			}
		}
		if k == "node" {
			if !validCategory(obj["category"]) {
				problem(line, `node without a "category" (a non-empty string or list of non-empty strings)`)
			}
			continue
		}
		for _, key := range []string{"subject", "predicate", "object"} {
			if s, ok := obj[key].(string); !ok || s == "" {
				problem(line, "edge without a non-empty string %q", key)
			}
		}
	}
	if nproblems == 0 {
		return []finding{{f.rel, toolJSONL, true, fmt.Sprintf("%d records", records)}}
	}
	msg := strings.Join(problems, "; ")
	if nproblems > len(problems) {
		msg += fmt.Sprintf("; … %d problems in all", nproblems)
	}
	return []finding{{f.rel, toolJSONL, false, msg}}
}

func validCategory(v any) bool {
	switch c := v.(type) {
	case string:
		return c != ""
	case []any:
		if len(c) == 0 {
			return false
		}
		for _, e := range c {
			if s, ok := e.(string); !ok || s == "" {
				return false
			}
		}
		return true
	}
	return false
}
