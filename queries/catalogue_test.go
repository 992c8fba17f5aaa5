package queries_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/healthkg/healthkg/queries"
	"github.com/healthkg/healthkg/schema"
)

// TestCatalogue runs every named query through the catalogue on both
// backends and checks the table each gives.
func TestCatalogue(t *testing.T) {
	cases := []struct {
		name string
		args queries.Args
		rows [][]string // the leading cells of each row, in order
	}{
		{"compounds", queries.Args{"substance": "Mitragyna speciosa"}, [][]string{{"hasActiveCompound", "mitragynine"}}},
		{"side-effects", queries.Args{"substance": "kratom", "kind": "withdrawal"}, [][]string{{"hasWithdrawalSymptom", "insomnia"}}},
		{"side-effects", queries.Args{"substance": "kratom", "min-certainty": "asserted"}, [][]string{
			{"hasSideEffect", "nausea", "asserted", "2"}, {"hasSideEffect", "seizures", "asserted", "1"}, {"hasWithdrawalSymptom", "insomnia", "asserted"}}},
		{"acts-on", queries.Args{"receptor": "kappa"}, [][]string{{"mitragynine", "actsOn", "kappa opioid receptor"}}},
		{"claims", queries.Args{"about": "ketum"}, [][]string{{"hedged"}, {"hedged"}, {"asserted", "true"}}},
		{"claims", queries.Args{"supported-by": "and the liver"}, [][]string{{"hedged", "false", art2}}},
		{"references", nil, [][]string{{"2021", "Doe A", "Kratom and the liver"}, {"2020", "Smith J", "Kratom use in the US"}}},
		{"references", queries.Args{"year": "2020"}, [][]string{{"2020", "Smith J", "Kratom use in the US", "J Psych", "1"}}},
		{"search", queries.Args{"text": "Queasiness"}, [][]string{{"", "entity", "nausea", "queasiness"}}},
		{"describe", queries.Args{"entity": "7-OH"}, [][]string{{"out", "actsOn", "mu opioid receptor"}}},
		{"path", queries.Args{"from": "7-OH", "to": "kratom"}, [][]string{
			{"7-hydroxymitragynine", "actsOn", "mu opioid receptor"},
			{"mitragynine", "actsOn", "mu opioid receptor"},
			{"kratom", "hasActiveCompound", "mitragynine"}}},
		{"path", queries.Args{"from": "caffeine", "to": "kappa"}, [][]string{
			{"caffeine", "hasSideEffect", "insomnia"},
			{"kratom", "hasWithdrawalSymptom", "insomnia"},
			{"kratom", "hasActiveCompound", "mitragynine"},
			{"mitragynine", "actsOn", "kappa opioid receptor"}}},
		{"path", queries.Args{"from": "caffeine", "to": "hallucinations"}, nil}, // only a denied edge reaches it
	}
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		for _, c := range cases {
			qu, ok := queries.Lookup(c.name)
			if !ok {
				t.Fatalf("no query %q", c.name)
			}
			a := c.args
			if c.name == "path" && c.args["from"] == "caffeine" {
				a = queries.Args{"from": caffeineS.IRI, "to": c.args["to"]} // "caffeine" names a substance and a compound
			}
			res, err := qu.Run(context.Background(), q, a)
			if err != nil {
				t.Errorf("%s %v: %v", c.name, a, err)
				continue
			}
			if len(res.Rows) != len(c.rows) {
				t.Errorf("%s %v: %d rows, want %d:\n%v", c.name, a, len(res.Rows), len(c.rows), res.Rows)
				continue
			}
			for i, want := range c.rows {
				for j, cell := range want {
					if cell != "" && res.Rows[i][j] != cell {
						t.Errorf("%s %v: row %d cell %d (%s) = %q, want %q", c.name, a, i, j, res.Columns[j], res.Rows[i][j], cell)
					}
				}
			}
		}
	})
}

func TestCatalogueSearchRanks(t *testing.T) {
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		hits, err := q.Search(context.Background(), "kratom unsafe", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) < 2 || hits[0].Kind != "claim" || hits[0].Text != "kratom is unsafe" {
			t.Fatalf("search: the shortest claim with both words should come first: %+v", hits)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Errorf("search results not ranked: %+v", hits)
			}
		}
		hits, _ = q.Search(context.Background(), "nausea", 10)
		if len(hits) == 0 || hits[0].Kind != "entity" || hits[0].IRI != nausea.IRI {
			t.Errorf("search nausea: the entity first, got %+v", hits)
		}
		if hits, _ := q.Search(context.Background(), "nausea", 1); len(hits) != 1 {
			t.Errorf("limit 1: %d hits", len(hits))
		}
	})
}

func TestCatalogueStats(t *testing.T) {
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		s, err := q.Stats(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if s.Articles != 2 || s.Claims != 3 || s.References != 2 || s.Quads == 0 {
			t.Errorf("stats: %+v", s)
		}
		if s.Entities["Condition"] != 6 || s.Entities["Receptor"] != 2 || s.Predicates["actsOn"] != 4 {
			t.Errorf("stats by class and predicate: %+v %+v", s.Entities, s.Predicates)
		}
	})
}

func TestCatalogueArgErrors(t *testing.T) {
	st := openStore(t, "memory")
	write(t, st, article1())
	q := queries.New(st)
	for _, c := range []struct {
		name string
		args queries.Args
		want string
	}{
		{"side-effects", nil, "missing substance"},
		{"side-effects", queries.Args{"substance": "kratom", "kind": "chronic"}, "kind must be one of"},
		{"side-effects", queries.Args{"substance": "kratom", "colour": "red"}, `unknown parameter "colour"`},
		{"side-effects", queries.Args{"substance": "kratom", "negated": "maybe"}, "true or false"},
		{"references", queries.Args{"year": "20"}, "four digits"},
		{"search", queries.Args{"text": "  "}, "no words"},
		{"search", queries.Args{"text": "x", "limit": "0"}, "limit must be"},
		{"evidence", nil, "missing subject"},
		{"evidence", queries.Args{"subject": "kratom", "predicate": "cures"}, "unknown predicate"},
	} {
		qu, _ := queries.Lookup(c.name)
		_, err := qu.Run(context.Background(), q, c.args)
		if !queries.IsArgError(err) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %v: error %v, want an argument error with %q", c.name, c.args, err, c.want)
		}
	}
	// names that are not found are not argument errors
	qu, _ := queries.Lookup("compounds")
	_, err := qu.Run(context.Background(), q, queries.Args{"substance": "unobtainium"})
	var nf *queries.NotFoundError
	if !errors.As(err, &nf) || queries.IsArgError(err) {
		t.Errorf("unknown name: %v", err)
	}
}

func TestLanguages(t *testing.T) {
	eachBackend(t, func(t *testing.T, q *queries.Querier) {
		ctx := context.Background()
		label := "<" + schema.RDFS + "label>"
		got, err := q.Language(ctx, "gizmo", `g.V("<`+kratom.IRI+`>").Out("`+label+`").All()`, 10)
		if err != nil || len(got) == 0 || !strings.Contains(js(got), `"kratom"`) {
			t.Errorf("gizmo: %v %s", err, js(got))
		}
		got, err = q.Language(ctx, "graphql", `{ nodes(id: <`+kratom.IRI+`>) { id `+label+` } }`, 10)
		if err != nil || !strings.Contains(js(got), `"kratom"`) {
			t.Errorf("graphql: %v %s", err, js(got))
		}
		got, err = q.Language(ctx, "mql", `[{"id": "<`+kratom.IRI+`>", "`+label+`": null}]`, 10)
		if err != nil || !strings.Contains(js(got), `"kratom"`) {
			t.Errorf("mql: %v %s", err, js(got))
		}
		if _, err := q.Language(ctx, "gizmo", `g.V((`, 10); !queries.IsArgError(err) {
			t.Errorf("a gizmo syntax error should be an argument error: %v", err)
		}
		if _, err := q.Language(ctx, "sparql", `SELECT * {}`, 10); !queries.IsArgError(err) {
			t.Errorf("an unknown language should be an argument error: %v", err)
		}
		// a script that never ends is stopped by the deadline, and the
		// store goes on answering
		tctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err = q.Language(tctx, "gizmo", `while (true) {}`, 10)
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("endless gizmo: %v, want the deadline", err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("endless gizmo took %s to stop", d)
		}
		if _, err := q.Language(ctx, "gizmo", `g.V("<`+kratom.IRI+`>").All()`, 10); err != nil {
			t.Errorf("after a stopped query: %v", err)
		}
	})
}

// TestSearchIndexFollowsWrites checks that the search index built by one
// search is rebuilt after the store changes.
func TestSearchIndexFollowsWrites(t *testing.T) {
	st := openStore(t, "memory")
	write(t, st, article1())
	q := queries.New(st)
	ctx := context.Background()
	if hits, err := q.Search(ctx, "caffeine", 10); err != nil || len(hits) != 0 {
		t.Fatalf("before: %v %+v", err, hits)
	}
	write(t, st, article2())
	hits, err := q.Search(ctx, "caffeine insomnia", 10)
	if err != nil || len(hits) == 0 || hits[0].Text != "Caffeine causes insomnia." {
		t.Fatalf("after the write: %v %+v", err, hits)
	}
	if hits, _ := q.Search(ctx, "withdraw", 10); len(hits) == 0 {
		t.Errorf("a word's prefix finds it: no hits for %q", "withdraw")
	}
}
