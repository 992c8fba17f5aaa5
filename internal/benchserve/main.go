// Command benchserve measures the query layer (used by scripts/bench-serve):
//
//	go run ./internal/benchserve queries -db STORE [-n 50]
//	    runs every named query n times on a bolt store and prints p50 and
//	    p99 latency per query (arguments picked from what the store holds);
//	go run ./internal/benchserve load -url http://127.0.0.1:8080 [-c 8] [-d 10s]
//	    drives a running 'healthkg serve' with c concurrent clients for d
//	    over a fixed mix of endpoints and prints requests/s, p50, p99 and
//	    the number of errors (any status other than 200, or a transport
//	    error).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/queries"
	"github.com/healthkg/healthkg/schema"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: benchserve queries|load ...")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "queries":
		err = benchQueries(os.Args[2:])
	case "load":
		err = benchLoad(os.Args[2:])
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchserve:", err)
		os.Exit(1)
	}
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	k := int(p*float64(len(ds)-1) + 0.5)
	return ds[k]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }

// argsFor picks, from the store, arguments each named query can answer.
func argsFor(ctx context.Context, q *queries.Querier) (map[string]queries.Args, error) {
	pick := func(c schema.Class) (string, error) {
		ns, err := q.Nodes(ctx, c, 0)
		if err != nil || len(ns) == 0 {
			return "", fmt.Errorf("no %s in the store: %v", c, err)
		}
		// the node with the most statements makes the heaviest query
		best, most := ns[0].IRI, -1
		for i, n := range ns {
			if i >= 10 {
				break
			}
			d, err := q.Describe(ctx, n.IRI)
			if err == nil && len(d.Out)+len(d.In) > most {
				best, most = n.IRI, len(d.Out)+len(d.In)
			}
		}
		return best, nil
	}
	sub, err := pick(schema.Substance)
	if err != nil {
		return nil, err
	}
	cond, err := pick(schema.Condition)
	if err != nil {
		return nil, err
	}
	rec, _ := pick(schema.Receptor)
	a := map[string]queries.Args{
		"side-effects": {"substance": sub},
		"compounds":    {"substance": sub},
		"claims":       {"about": sub},
		"evidence":     {"subject": sub, "predicate": "hasSideEffect"},
		"references":   {},
		"legal-status": {"substance": sub},
		"alternatives": {"name": sub},
		"search":       {"text": "withdrawal symptoms"},
		"describe":     {"entity": sub},
		"path":         {"from": sub, "to": cond},
		"stats":        {},
	}
	if rec != "" {
		a["acts-on"] = queries.Args{"receptor": rec}
	}
	return a, nil
}

func benchQueries(args []string) error {
	fs := flag.NewFlagSet("queries", flag.ExitOnError)
	db := fs.String("db", "", "a bolt store")
	n := fs.Int("n", 50, "runs of each query")
	_ = fs.Parse(args)
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Config{Backend: "bolt", Path: *db, ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	quads, err := st.Count(ctx)
	if err != nil {
		return err
	}
	q := queries.New(st)
	a, err := argsFor(ctx, q)
	if err != nil {
		return err
	}
	fmt.Printf("store %s: %d quads; %d runs per query\n", *db, quads, *n)
	fmt.Printf("%-14s %9s %9s %6s\n", "query", "p50 ms", "p99 ms", "rows")
	for _, c := range queries.Catalogue() {
		args, ok := a[c.Name]
		if !ok {
			continue
		}
		var ds []time.Duration
		rows := 0
		for i := 0; i < *n; i++ {
			start := time.Now()
			res, err := c.Run(ctx, q, args)
			ds = append(ds, time.Since(start))
			if err != nil {
				return fmt.Errorf("%s %v: %w", c.Name, args, err)
			}
			rows = len(res.Rows)
		}
		fmt.Printf("%-14s %9s %9s %6d\n", c.Name, ms(percentile(ds, 0.5)), ms(percentile(ds, 0.99)), rows)
	}
	return nil
}

func benchLoad(args []string) error {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	base := fs.String("url", "http://127.0.0.1:8080", "the server")
	conc := fs.Int("c", 8, "concurrent clients")
	dur := fs.Duration("d", 10*time.Second, "how long")
	sub := fs.String("substance", "kratom", "a substance the store holds")
	_ = fs.Parse(args)
	e := url.QueryEscape(*sub)
	paths := []string{
		"/api/queries/side-effects?substance=" + e,
		"/api/queries/compounds?substance=" + e,
		"/api/queries/legal-status?substance=" + e,
		"/api/queries/search?text=withdrawal&limit=10",
		"/api/queries/stats",
		"/id/v1/condition/nausea",
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *conc}}
	var mu sync.Mutex
	var lat []time.Duration
	errs, total := 0, 0
	deadline := time.Now().Add(*dur)
	var wg sync.WaitGroup
	for w := 0; w < *conc; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; time.Now().Before(deadline); i++ {
				p := paths[i%len(paths)]
				start := time.Now()
				res, err := client.Get(*base + p)
				bad := err != nil
				if err == nil {
					_, _ = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					bad = res.StatusCode != http.StatusOK
				}
				d := time.Since(start)
				mu.Lock()
				total++
				if bad {
					errs++
				}
				lat = append(lat, d)
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	fmt.Printf("%d clients for %s over %d endpoints: %d requests, %.1f requests/s, p50 %s ms, p99 %s ms, %d errors\n",
		*conc, *dur, len(paths), total, float64(total)/dur.Seconds(), ms(percentile(lat, 0.5)), ms(percentile(lat, 0.99)), errs)
	if errs > 0 {
		return fmt.Errorf("%d errors", errs)
	}
	return nil
}
