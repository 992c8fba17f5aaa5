package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/internal/rdfcheck"
)

// scores are score.py's figures for one article.
type scores struct {
	TP, Positives, Judged, Correct, NegWrong int
	Entities, EntitiesFound                  int
	Claims, ClaimsFound                      int
	F1, P, R                                 float64
}

// scoreArticle ingests one article into a fresh store, exports KGX and
// scores it against its gold file with testdata/eval/score.py.
func scoreArticle(t *testing.T, py, article, gold string) scores {
	t.Helper()
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	if code, _, stderr := runCmd(t, "ingest", "--db", db, article); code != 0 {
		t.Fatalf("ingest %s: %s", article, stderr)
	}
	out := filepath.Join(tmp, "kgx")
	if code, _, stderr := runCmd(t, "export", "--db", db, "--format", "kgx", "--out", out); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	checkDenied(t, filepath.Join(out, "edges.jsonl"))
	b, err := exec.Command(py, "../../testdata/eval/score.py", gold, out, "--json").CombinedOutput()
	if err != nil {
		t.Fatalf("score.py %s: %v\n%s", gold, err, b)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	raw := map[string]float64{}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &raw); err != nil {
		t.Fatalf("score.py output: %v\n%s", err, b)
	}
	return scores{
		TP: int(raw["tp"]), Positives: int(raw["positives"]), Judged: int(raw["judged"]), Correct: int(raw["correct"]),
		NegWrong: int(raw["neg_wrong"]), Entities: int(raw["entities"]), EntitiesFound: int(raw["entities_found"]),
		Claims: int(raw["claims"]), ClaimsFound: int(raw["claims_found"]), F1: raw["f1"], P: raw["p"], R: raw["r"],
	}
}

// TestCorpusGold scores the extraction on the project's own test articles
// (testdata/corpus: text, Markdown and HTML articles of the genre written
// for the project, each with a gold file in the seed's schema), micro-
// averaged over the articles with score.py's counting (precision over
// judged edges). No denied fact may become a positive edge.
//
// Issue 3 asks for relation F1 >= 0.85 over these articles; the extractor
// measures F1 0.856 (P 0.963, R 0.770) over 16 articles (2026-11-26).
// Precision, which matters more than recall to a researcher, is held just
// under what it measures.
const (
	corpusMinF1        = 0.85
	corpusMinPrecision = 0.955
)

func TestCorpusGold(t *testing.T) {
	f1, p, r := scoreDir(t, "../../testdata/corpus")
	if f1 < corpusMinF1 || p < corpusMinPrecision {
		t.Errorf("corpus relation F1 %.3f (P %.3f, R %.3f) below the floor F1 %.2f, P %.3f", f1, p, r, corpusMinF1, corpusMinPrecision)
	}
}

// TestHeldOutGold scores the sixteen articles of testdata/heldout, written
// and annotated by reviewers who had not seen the extractor or its output,
// in four sets. Scored blind, the sets measured F1 0.621 (P 0.842,
// R 0.492), F1 0.568 (P 0.839, R 0.429), F1 0.428 (P 0.777, R 0.295) and,
// after the fixes the first three prompted, F1 0.579 (P 0.870, R 0.434).
// The fixes their error analyses prompted are general rules, each with a
// rule test. They are kept apart from the development corpus: the floors
// below sit just under what the sixteen measure, guard precision (the issue
// sets 0.90 for unseen articles), and leave the recall gap visible
// (testdata/heldout/README.md has the figures).
const (
	heldOutMinF1        = 0.63
	heldOutMinPrecision = 0.91
)

func TestHeldOutGold(t *testing.T) {
	f1, p, r := scoreDir(t, "../../testdata/heldout")
	if f1 < heldOutMinF1 || p < heldOutMinPrecision {
		t.Errorf("held-out relation F1 %.3f (P %.3f, R %.3f) below the floor F1 %.2f, P %.2f", f1, p, r, heldOutMinF1, heldOutMinPrecision)
	}
}

// scoreDir scores every article of dir against the gold file beside it and
// returns the micro-averaged relation F1, precision and recall.
func scoreDir(t *testing.T, dir string) (f1, p, r float64) {
	py := requireTool(t, "python3")
	golds, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if len(golds) == 0 {
		t.Fatalf("no gold files in %s", dir)
	}
	sort.Strings(golds)
	var sum scores
	for _, g := range golds {
		base := strings.TrimSuffix(g, ".gold.json")
		var article string
		for _, ext := range []string{".txt", ".md", ".html"} {
			if _, err := os.Stat(base + ext); err == nil {
				article = base + ext
			}
		}
		if article == "" {
			t.Errorf("%s: no article beside it", g)
			continue
		}
		s := scoreArticle(t, py, article, g)
		t.Logf("%-40s F1 %.3f P %.3f R %.3f (%d/%d gold, %d/%d judged correct) entities %d/%d claims %d/%d",
			filepath.Base(article), s.F1, s.P, s.R, s.TP, s.Positives, s.Correct, s.Judged, s.EntitiesFound, s.Entities, s.ClaimsFound, s.Claims)
		if s.NegWrong > 0 {
			// an edge the gold denies elsewhere; our own invariant (no
			// denying sentence supports a positive edge) is checked below
			t.Logf("%s: %d gold-denied facts also stated positively", filepath.Base(article), s.NegWrong)
		}
		sum.TP += s.TP
		sum.Positives += s.Positives
		sum.Judged += s.Judged
		sum.Correct += s.Correct
	}
	p = float64(sum.Correct) / float64(max(1, sum.Judged))
	r = float64(sum.TP) / float64(max(1, sum.Positives))
	f1 = 2 * p * r / max(1e-9, p+r)
	t.Logf("%s (%d articles): relation F1 %.3f, P %.3f, R %.3f", dir, len(golds), f1, p, r)
	return f1, p, r
}

// TestCorpusExportInterop ingests the whole test corpus (text, Markdown and
// HTML) into one store and feeds every export to the independent parsers:
// many articles, merged nodes and edges, still valid and still one graph.
func TestCorpusExportInterop(t *testing.T) {
	tmp := t.TempDir()
	db := filepath.Join(tmp, "db")
	if code, out, stderr := runCmd(t, "ingest", "--db", db, "--jobs", "2", "../../testdata/corpus"); code != 0 || !strings.Contains(out, "16 articles: 16 ingested") {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, stderr)
	}
	out := filepath.Join(tmp, "out")
	if code, _, stderr := runCmd(t, "export", "--db", db, "--out", out, "--format", "all"); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	os.Remove(filepath.Join(out, "context.jsonld")) // a context, not data
	rdfcheck.Check(t, out)
	rdfcheck.CheckSameGraph(t, filepath.Join(out, "graph.nt"), filepath.Join(out, "graph.nq"),
		filepath.Join(out, "graph.ttl"), filepath.Join(out, "graph.jsonld"), filepath.Join(out, "graph.trig"))
	checkDenied(t, filepath.Join(out, "edges.jsonl"))
	if ok, report := rdfcheck.SHACL(t, filepath.Join(out, "shapes.ttl"), filepath.Join(out, "graph.nt")); !ok {
		t.Errorf("the corpus graph does not conform to the shapes:\n%.4000s", report)
	}
}
