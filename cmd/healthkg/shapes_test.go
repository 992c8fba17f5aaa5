package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/internal/rdfcheck"
	"github.com/healthkg/healthkg/schema"
)

// TestShapes validates the demo's graph against the vocabulary's SHACL
// shapes with Jena's SHACL engine, and checks that graphs broken in the
// ways the shapes forbid are rejected.
func TestShapes(t *testing.T) {
	dir := demoOut(t)
	tmp := t.TempDir()
	shapes := filepath.Join(tmp, "shapes.ttl")
	if err := os.WriteFile(shapes, []byte(schema.Shapes()), 0o644); err != nil {
		t.Fatal(err)
	}
	if ok, report := rdfcheck.SHACL(t, shapes, filepath.Join(dir, "graph.nt")); !ok {
		t.Fatalf("the demo graph does not conform to the shapes:\n%.4000s", report)
	}
	nt, err := os.ReadFile(filepath.Join(dir, "graph.nt"))
	if err != nil {
		t.Fatal(err)
	}
	kratom := "<https://w3id.org/healthkg/id/v1/substance/kratom>"
	hkg := func(l string) string { return "<" + schema.VocabNS + l + ">" }
	for _, c := range []struct {
		name, add, drop, want string
	}{
		{"a statement without evidence", "", hkg("evidence"), "evidence"},
		{"an entity with two labels", kratom + ` <http://www.w3.org/2000/01/rdf-schema#label> "ketum" .`, "", "label"},
		{"a certainty that is not a level", "", "", "certainty"},
		{"a literal where a receptor belongs", kratom + " " + hkg("actsOn") + ` "mu" .`, "", "actsOn"},
		{"an offset that is not an integer", "", "", "start"},
	} {
		var lines []string
		dropped := 0
		for _, l := range strings.Split(strings.TrimSpace(string(nt)), "\n") {
			switch {
			case c.drop != "" && strings.Contains(l, " "+c.drop+" ") && dropped < 3:
				dropped++
				continue
			case c.name == "an offset that is not an integer" && dropped == 0 && strings.Contains(l, " "+hkg("start")+" "):
				l = l[:strings.Index(l, " "+hkg("start")+" ")] + " " + hkg("start") + ` "twelve" .`
				dropped++
			case c.name == "a certainty that is not a level" && dropped == 0 && strings.HasPrefix(l, "<https://w3id.org/healthkg/id/v1/statement/") && strings.Contains(l, " "+hkg("certainty")+" "):
				l = l[:strings.Index(l, " "+hkg("certainty")+" ")] + " " + hkg("certainty") + " " + hkg("Sure") + " ."
				dropped++
			}
			lines = append(lines, l)
		}
		if c.add != "" {
			lines = append(lines, c.add)
		}
		bad := filepath.Join(tmp, strings.ReplaceAll(c.name, " ", "-")+".nt")
		if err := os.WriteFile(bad, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		ok, report := rdfcheck.SHACL(t, shapes, bad)
		if ok || !strings.Contains(report, c.want) {
			t.Errorf("%s: conforms=%v, want a violation about %q:\n%.1500s", c.name, ok, c.want, report)
		}
	}
}
