package graph

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	neturl "net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/schema"
)

const holdEnv = "GRAPH_TEST_HOLD_STORE"

// TestMain doubles as a helper process that holds a bolt store open until
// its stdin closes (for the lock test).
func TestMain(m *testing.M) {
	if dir := os.Getenv(holdEnv); dir != "" {
		s, err := Open(context.Background(), Config{Path: dir})
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Println("ready")
		bufio.NewReader(os.Stdin).ReadString('\n')
		s.Close()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

type opener func(t *testing.T) *Store

func openMemory(t *testing.T) *Store {
	s, err := Open(context.Background(), Config{Backend: "memory"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openBolt(t *testing.T) *Store {
	s, err := Open(context.Background(), Config{Path: filepath.Join(t.TempDir(), "store")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// pgEnv names a PostgreSQL URL (a role that may create databases) for the
// postgres backend's tests; .ci/run starts a server and sets it.
const pgEnv = "HEALTHKG_PG_URL"

// openPostgres opens a store in a new database of the server pgEnv names,
// dropped when the test ends.
func openPostgres(t *testing.T) *Store {
	url := os.Getenv(pgEnv)
	if url == "" {
		if os.Getenv("HEALTHKG_REQUIRE_TOOLS") == "1" {
			t.Fatalf("%s is required (run .ci/run)", pgEnv)
		}
		t.Skipf("%s not set: no PostgreSQL to test against", pgEnv)
	}
	admin, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("healthkg_test_%d_%d", os.Getpid(), time.Now().UnixNano())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		if db, err := sql.Open("postgres", url); err == nil {
			db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			db.Close()
		}
	})
	u, err := neturl.Parse(url)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	s, err := Open(context.Background(), Config{Backend: "postgres", Path: u.String()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMemoryStore(t *testing.T)   { testStore(t, openMemory) }
func TestBoltStore(t *testing.T)     { testStore(t, openBolt) }
func TestPostgresStore(t *testing.T) { testStore(t, openPostgres) }

// check asserts that the store holds exactly the quads of the articles,
// that its count agrees, and that it decodes back to them.
func check(t *testing.T, s *Store, arts ...*schema.Article) {
	t.Helper()
	ctx := context.Background()
	got, err := s.Quads(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sameQuads(t, got, mustEncode(t, arts...))
	n, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(len(got)) {
		t.Fatalf("Count = %d, Quads has %d", n, len(got))
	}
	dec, err := s.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []*schema.Article
	for _, a := range arts {
		want = append(want, canon(a))
	}
	sortArticles(want)
	sameArticles(t, dec, want)
}

func replace(t *testing.T, s *Store, a *schema.Article) Change {
	t.Helper()
	c, err := s.Replace(context.Background(), testMinter, a)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testStore(t *testing.T, open opener) {
	ctx := context.Background()
	src := "https://example.org/kratom"
	v0, v1, v2, v3, v4 := sampleArticle(src, 0), sampleArticle(src, 1), sampleArticle(src, 2), sampleArticle(src, 3), sampleArticle(src, 4)

	t.Run("ReplaceTwiceIdentical", func(t *testing.T) {
		s := open(t)
		c := replace(t, s, v0)
		if want := len(mustEncode(t, v0)); c != (Change{Added: want}) {
			t.Fatalf("first replace: %+v, want %d added", c, want)
		}
		check(t, s, v0)
		before, _ := s.Quads(ctx)
		if c := replace(t, s, v0); c != (Change{}) {
			t.Fatalf("second replace changed %+v", c)
		}
		// the same article, in another order, is the same article
		if c := replace(t, s, canon(v0)); c != (Change{}) {
			t.Fatalf("normalised replace changed %+v", c)
		}
		after, _ := s.Quads(ctx)
		sameQuads(t, after, before)
		check(t, s, v0)
	})

	t.Run("ReplaceChanged", func(t *testing.T) {
		s := open(t)
		// Every transition, including back and forth (delete of re-inserted
		// quads, Cayley #737/#885), must leave exactly the new quads.
		seq := []*schema.Article{v0, v1, v0, v2, v1, v3, v0, v3, v2, v0, v4, v2, v4, v0}
		var prev []quad.Quad
		for i, a := range seq {
			c := replace(t, s, a)
			now := mustEncode(t, a)
			added, removed := diffCount(prev, now)
			if c != (Change{Added: added, Removed: removed}) {
				t.Fatalf("step %d: change %+v, want +%d -%d", i, c, added, removed)
			}
			check(t, s, a)
			prev = now
		}
	})

	t.Run("SharedEntitiesAndStatements", func(t *testing.T) {
		s := open(t)
		a1, a2 := sampleArticle("one.md", 0), sampleArticle("two.md", 1)
		replace(t, s, a1)
		replace(t, s, a2)
		check(t, s, a1, a2)
		// both assert kratom hasActiveCompound mitragynine, each in its
		// own statement graph
		st := a1.Statements[0]
		n := 0
		all, _ := s.Quads(ctx)
		for _, q := range all {
			if q.Subject == quad.IRI(st.Subject) && q.Predicate == quad.IRI(st.Predicate.IRI()) && q.Object == quad.IRI(st.Object) {
				n++
			}
		}
		if n != 2 {
			t.Fatalf("shared statement asserted %d times, want 2", n)
		}
		c, err := s.Delete(ctx, a1.IRI)
		if err != nil {
			t.Fatal(err)
		}
		if c != (Change{Removed: len(mustEncode(t, a1))}) {
			t.Fatalf("delete: %+v", c)
		}
		check(t, s, a2)
		if c, err := s.Delete(ctx, a1.IRI); err != nil || c != (Change{}) {
			t.Fatalf("second delete: %+v %v", c, err)
		}
		// re-adding and changing one article leaves the other intact
		replace(t, s, a1)
		replace(t, s, sampleArticle("one.md", 2))
		check(t, s, sampleArticle("one.md", 2), a2)
		if _, err := s.Delete(ctx, a2.IRI); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Delete(ctx, a1.IRI); err != nil {
			t.Fatal(err)
		}
		if n, _ := s.Count(ctx); n != 0 {
			t.Fatalf("%d quads left", n)
		}
	})

	t.Run("NegatedHasNoTriple", func(t *testing.T) {
		s := open(t)
		replace(t, s, v0)
		for _, st := range v0.Statements {
			S := quad.IRI(testMinter.Statement(v0.IRI, st.Key()))
			s.RLock()
			qs := s.QuadStore()
			var found []quad.Quad
			ref, _ := qs.ValueOf(quad.IRI(st.Subject))
			it := qs.QuadIterator(quad.Subject, ref).Iterate()
			for it.Next(ctx) {
				q, _ := qs.Quad(it.Result())
				if q.Predicate == quad.IRI(st.Predicate.IRI()) && q.Object == quad.IRI(st.Object) {
					found = append(found, q)
				}
			}
			it.Close()
			s.RUnlock()
			switch {
			case st.Negated && len(found) != 0:
				t.Errorf("negated %s asserted: %v", st.Key(), found)
			case !st.Negated && (len(found) != 1 || found[0].Label != S):
				t.Errorf("%s: asserted %v, want once in graph %v", st.Key(), found, S)
			}
		}
	})

	t.Run("RandomArticles", func(t *testing.T) {
		s := open(t)
		arts := benchArticles(12, 7)
		for _, a := range arts {
			replace(t, s, a)
		}
		check(t, s, arts...)
		// change half of them, delete a few
		arts2 := benchArticles(12, 8)
		for i := 0; i < 6; i++ {
			replace(t, s, arts2[i])
		}
		for i := 6; i < 9; i++ {
			if _, err := s.Delete(ctx, arts[i].IRI); err != nil {
				t.Fatal(err)
			}
		}
		check(t, s, append(append([]*schema.Article(nil), arts2[:6]...), arts[9:]...)...)
	})

	t.Run("ContentHash", func(t *testing.T) {
		s := open(t)
		if _, ok, err := s.ContentHash(ctx, v0.IRI); ok || err != nil {
			t.Fatalf("missing article: ok=%v err=%v", ok, err)
		}
		replace(t, s, v0)
		if h, ok, err := s.ContentHash(ctx, v0.IRI); !ok || err != nil || h != v0.ContentHash {
			t.Fatalf("got %q %v %v", h, ok, err)
		}
		replace(t, s, v1)
		if h, ok, _ := s.ContentHash(ctx, v0.IRI); !ok || h != v1.ContentHash {
			t.Fatalf("after change: %q %v", h, ok)
		}
		s.Delete(ctx, v0.IRI)
		if _, ok, _ := s.ContentHash(ctx, v0.IRI); ok {
			t.Fatal("hash of a deleted article")
		}
	})

	t.Run("InvalidArticleWritesNothing", func(t *testing.T) {
		s := open(t)
		replace(t, s, v0)
		bad := sampleArticle(src, 2)
		bad.Statements[len(bad.Statements)-1].Object = "https://x.org/not valid"
		if _, err := s.Replace(ctx, testMinter, bad); err == nil {
			t.Fatal("invalid article accepted")
		}
		check(t, s, v0)
	})

	t.Run("GraphOfAnotherArticle", func(t *testing.T) {
		s := open(t)
		replace(t, s, v0)
		other := sampleArticle("other", 0)
		other.Graph = v0.Graph
		if _, err := s.Replace(ctx, testMinter, other); err == nil || !strings.Contains(err.Error(), "already holds") {
			t.Fatalf("got %v", err)
		}
		check(t, s, v0)
	})

	t.Run("MovedGraph", func(t *testing.T) {
		s := open(t)
		replace(t, s, v0)
		moved := sampleArticle(src, 0)
		moved.Graph = testMinter.Graph("elsewhere")
		replace(t, s, moved)
		check(t, s, moved)
	})

	t.Run("ForcedFailureLeavesStoreUnchanged", func(t *testing.T) {
		bogus := cgraph.Delta{Action: cgraph.Delete, Quad: quad.Quad{Subject: quad.IRI("https://x.org/none"),
			Predicate: quad.IRI("https://x.org/none"), Object: quad.String("none"), Label: quad.IRI("https://x.org/none")}}
		cases := []struct {
			from, to *schema.Article
			step     string
		}{
			{v0, v2, "write"},  // pure addition
			{v0, v3, "write"},  // mixed, one transaction
			{v0, v1, "write"},  // memory: one transaction
			{v0, v1, "unmark"}, // bolt: shrink, in steps
			{v0, v1, "add"},
			{v0, v1, "remove"},
			{v0, v1, "mark"},
			{v1, v0, "remove"}, // grow where some terms lose references
			{v0, v4, "unmark"}, // bolt: shrink, same content hash, in steps
			{v0, v4, "remove"},
			{v0, v4, "mark"},
		}
		for i, c := range cases {
			t.Run(fmt.Sprintf("%d-%s", i, c.step), func(t *testing.T) {
				s := open(t)
				replace(t, s, c.from)
				before, _ := s.Quads(ctx)
				fired := false
				testHookDeltas = func(step string, d []cgraph.Delta) []cgraph.Delta {
					if step == "add" || step == "remove" || step == "mark" {
						// between steps a crash must leave no content hash
						// (called under the write lock: use the store directly)
						n := 0
						s.each(ctx, quad.Subject, quad.IRI(c.from.IRI), func(q quad.Quad) {
							if q.Predicate == hContentHash {
								n++
							}
						})
						if n != 0 {
							t.Errorf("step %s: %d content hashes while the article is incomplete", step, n)
						}
					}
					if step != c.step {
						return d
					}
					fired = true
					// a missing quad after the additions: the backend
					// fails mid-way through the transaction
					return append(d, bogus)
				}
				_, err := s.Replace(ctx, testMinter, c.to)
				testHookDeltas = nil
				if !fired {
					if err != nil {
						t.Fatal(err)
					}
					t.Logf("this backend has no step %q", c.step)
					check(t, s, c.to)
					return
				}
				if err == nil {
					t.Fatal("no error")
				}
				t.Log(err)
				after, err := s.Quads(ctx)
				if err != nil {
					t.Fatal(err)
				}
				sameQuads(t, after, before)
				check(t, s, c.from)
				if h, ok, _ := s.ContentHash(ctx, c.from.IRI); !ok || h != c.from.ContentHash {
					t.Fatalf("content hash after undo: %q %v", h, ok)
				}
				// and the store still works
				replace(t, s, c.to)
				check(t, s, c.to)
				replace(t, s, c.from)
				check(t, s, c.from)
			})
		}
	})

	t.Run("Closed", func(t *testing.T) {
		s := open(t)
		s.Close()
		if _, err := s.Replace(ctx, testMinter, v0); !errors.Is(err, ErrClosed) {
			t.Fatalf("replace: %v", err)
		}
		if _, err := s.Quads(ctx); !errors.Is(err, ErrClosed) {
			t.Fatalf("quads: %v", err)
		}
		if err := s.Close(); !errors.Is(err, ErrClosed) {
			t.Fatalf("close: %v", err)
		}
	})

	t.Run("Concurrent", func(t *testing.T) {
		s := open(t)
		arts := benchArticles(6, 3)
		done := make(chan error, len(arts)+4)
		for _, a := range arts {
			go func() { _, err := s.Replace(ctx, testMinter, a); done <- err }()
		}
		for i := 0; i < 4; i++ {
			go func() { _, err := s.Articles(ctx); done <- err }()
		}
		for i := 0; i < len(arts)+4; i++ {
			if err := <-done; err != nil {
				t.Fatal(err)
			}
		}
		check(t, s, arts...)
	})
}

func diffCount(prev, now []quad.Quad) (added, removed int) {
	p, n := map[key]bool{}, map[key]bool{}
	for _, q := range prev {
		p[keyOf(q)] = true
	}
	for _, q := range now {
		n[keyOf(q)] = true
		if !p[keyOf(q)] {
			added++
		}
	}
	for k := range p {
		if !n[k] {
			removed++
		}
	}
	return
}

func TestBoltPersistsAndReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "s")
	a := sampleArticle("p", 0)
	s, err := Open(ctx, Config{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	replace(t, s, a)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, Config{Path: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	check(t, s, a)
	if _, err := s.Replace(ctx, testMinter, a); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only replace: %v", err)
	}
	if _, err := s.Delete(ctx, a.IRI); !errors.Is(err, ErrReadOnly) {
		t.Fatalf("read-only delete: %v", err)
	}
	s.Close()
	s, err = Open(ctx, Config{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if c := replace(t, s, a); c != (Change{}) {
		t.Fatalf("re-ingest after reopen changed %+v", c)
	}
	check(t, s, a)
	// the label index is in place: a graph is a prefix scan
	s.RLock()
	defer s.RUnlock()
	ref, _ := s.QuadStore().ValueOf(quad.IRI(a.Graph))
	if it := s.QuadStore().QuadIterator(quad.Label, ref); strings.Contains(fmt.Sprint(it), "All") {
		t.Errorf("label lookup is a full scan: %v", it)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	cases := []struct {
		name string
		cfg  Config
		want string
	}{
		{"unknown backend", Config{Backend: "mongo"}, `unknown store backend "mongo"`},
		{"no path", Config{}, "no path"},
		{"file as directory", Config{Path: file}, file + " is not a directory"},
		{"under a file", Config{Path: filepath.Join(file, "sub")}, filepath.Join(file, "sub")},
		{"read-only missing", Config{Path: filepath.Join(tmp, "missing"), ReadOnly: true}, "does not exist"},
		{"read-only empty dir", Config{Path: tmp, ReadOnly: true}, "does not exist"},
	}
	if os.Geteuid() != 0 {
		ro := filepath.Join(tmp, "ro")
		os.Mkdir(ro, 0o555)
		cases = append(cases, struct {
			name string
			cfg  Config
			want string
		}{"unwritable", Config{Path: ro}, ro})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Open(ctx, c.cfg)
			if err == nil {
				s.Close()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not mention %q", err, c.want)
			}
		})
	}
	// a store directory without write permission (root ignores modes, so
	// use a directory that is really a file's child instead when root)
	if _, err := os.Stat(filepath.Join(tmp, "missing")); err == nil {
		t.Fatal("read-only open created the store")
	}
}

func TestLockTimeoutSameProcess(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "s")
	s, err := Open(ctx, Config{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	_, err = Open(ctx, Config{Path: dir, LockTimeout: 300 * time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "is locked by another process") || !strings.Contains(err.Error(), dir) {
		t.Fatalf("got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second || d < 250*time.Millisecond {
		t.Fatalf("gave up after %v", d)
	}
	// the holder can still work
	replace(t, s, sampleArticle("l", 0))
}

func TestLockTimeoutOtherProcess(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "s")
	s, err := Open(ctx, Config{Path: dir})
	if err != nil {
		t.Fatal(err)
	}
	replace(t, s, sampleArticle("l", 0))
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), holdEnv+"="+dir)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || line != "ready\n" {
		t.Fatalf("child: %q %v", line, err)
	}
	start := time.Now()
	_, err = Open(ctx, Config{Path: dir, LockTimeout: time.Second, ReadOnly: true})
	if err == nil || !strings.Contains(err.Error(), "is locked by another process (is a healthkg ingest or serve running?)") {
		t.Fatalf("got %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("gave up after %v", d)
	}
	t.Log(err)
	// once the child is gone the store opens
	stdin.Close()
	cmd.Wait()
	s, err = Open(ctx, Config{Path: dir, LockTimeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	check(t, s, sampleArticle("l", 0))
	s.Close()
}

func TestBackendsRegistered(t *testing.T) {
	for name, be := range backends {
		if !cgraph.IsRegistered(be.cayley) {
			t.Errorf("backend %s (Cayley %s) not registered; have %v", name, be.cayley, cgraph.QuadStores())
		}
	}
}
