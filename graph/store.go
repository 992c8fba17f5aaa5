package graph

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"      // registers "bolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"     // registers "memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres" // registers "postgres" (also CockroachDB's wire protocol)
	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/schema"
)

// Config says which store to open.
type Config struct {
	// Backend is "bolt" (the default) or "memory".
	Backend string
	// Path is the store's directory for bolt (Cayley keeps
	// <Path>/indexes.bolt); it is ignored by memory.
	Path string
	// LockTimeout bounds the wait for another process to release a bolt
	// store (default 3s).
	LockTimeout time.Duration
	// ReadOnly refuses writes. A missing bolt store is then an error
	// instead of being created. (Cayley's bolt backend always locks the
	// file exclusively, so a read-only store still excludes other
	// processes.)
	ReadOnly bool
}

// DefaultLockTimeout is the LockTimeout used when Config leaves it zero.
const DefaultLockTimeout = 3 * time.Second

// Change counts the quads a write added and removed.
type Change struct{ Added, Removed int }

var (
	// ErrReadOnly is returned by writes to a store opened read-only.
	ErrReadOnly = errors.New("graph: the store is open read-only")
	// ErrClosed is returned by every method of a closed store.
	ErrClosed = errors.New("graph: the store is closed")
)

// backend describes how to open one kind of store.
type backend struct {
	cayley     string // Cayley registration name
	persistent bool   // Cayley InitQuadStore applies; Path names the store
	kv         bool   // a Cayley KV store (see the package docs on writes)
	// exclusiveReads: reads modify the store too (memstore's all-quads
	// iterator sets a flag), so readers must exclude each other.
	exclusiveReads bool
	// prepare runs before Cayley opens the store (path checks, lock probe).
	prepare func(ctx context.Context, cfg Config) error
}

// backends lists the supported backends. For "postgres" (Cayley's SQL
// store; CockroachDB speaks the same protocol) Path is the connection URL;
// its ApplyDeltas is one SQL transaction, so it needs no KV workaround, and
// the whole store test suite runs on it (HEALTHKG_PG_URL).
var backends = map[string]backend{
	"bolt":     {cayley: "bolt", persistent: true, kv: true, prepare: prepareBolt},
	"memory":   {cayley: "memstore", exclusiveReads: true},
	"postgres": {cayley: "postgres", persistent: true},
}

func backendNames() string {
	var ns []string
	for n := range backends {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return strings.Join(ns, ", ")
}

// Store is an open quad store. Every method is safe for concurrent use.
type Store struct {
	mu     sync.RWMutex
	cfg    Config
	be     backend
	qs     cgraph.QuadStore
	closed bool
	gen    atomic.Uint64 // bumped by every write
}

// Generation changes whenever a write may have changed the store, so that
// readers can tell a cache built from it is stale.
func (s *Store) Generation() uint64 { return s.gen.Load() }

// Open opens (and, unless ReadOnly, creates when missing) a store.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Backend == "" {
		cfg.Backend = "bolt"
	}
	if cfg.LockTimeout <= 0 {
		cfg.LockTimeout = DefaultLockTimeout
	}
	be, ok := backends[cfg.Backend]
	if !ok {
		return nil, fmt.Errorf("unknown store backend %q (want one of: %s)", cfg.Backend, backendNames())
	}
	if !cgraph.IsRegistered(be.cayley) {
		return nil, fmt.Errorf("store backend %q (Cayley %q) is not registered in this program (registered: %s)",
			cfg.Backend, be.cayley, strings.Join(cgraph.QuadStores(), ", "))
	}
	s := &Store{cfg: cfg, be: be}
	qs, err := s.open(ctx)
	if err != nil {
		return nil, err
	}
	s.qs = qs
	return s, nil
}

// labelIndex is the extra KV index that makes "every quad of graph G" a
// prefix scan (Cayley's default indexes are subject-predicate and
// object-predicate-subject, so a label lookup would scan the whole store).
var labelIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Label, quad.Subject}}

// initMu serialises the use of kv.DefaultQuadIndexes, the only way Cayley
// offers to choose the indexes of a new KV store (its CAYLEY_KV_INDEXES
// variable is decoded into the wrong type and cannot work).
var initMu sync.Mutex

func (s *Store) open(ctx context.Context) (cgraph.QuadStore, error) {
	cfg := s.cfg
	if s.be.prepare != nil {
		if err := s.be.prepare(ctx, cfg); err != nil {
			return nil, err
		}
	}
	if s.be.persistent && !cfg.ReadOnly {
		initMu.Lock()
		saved := kv.DefaultQuadIndexes
		if s.be.kv {
			kv.DefaultQuadIndexes = append(append([]kv.QuadIndex(nil), saved...), labelIndex)
		}
		err := cgraph.InitQuadStore(s.be.cayley, cfg.Path, nil)
		kv.DefaultQuadIndexes = saved
		initMu.Unlock()
		if err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return nil, fmt.Errorf("create store %s: %w", cfg.Path, err)
		}
	}
	var opts cgraph.Options
	if s.be.kv {
		// Cayley's KV store allocates bloom filters sized for 100 million
		// quads on every open (about 430 MB whatever the store holds); its
		// existence checks then go to the store, which Replace's diff
		// already does
		opts = cgraph.Options{kv.OptNoBloom: true}
	}
	qs, err := cgraph.NewQuadStore(s.be.cayley, cfg.Path, opts)
	if err != nil {
		if cfg.Path != "" {
			return nil, fmt.Errorf("open store %s: %w", cfg.Path, err)
		}
		return nil, fmt.Errorf("open %s store: %w", cfg.Backend, err)
	}
	return qs, nil
}

// prepareBolt checks the directory and waits for the file lock.
func prepareBolt(ctx context.Context, cfg Config) error {
	if cfg.Path == "" {
		return fmt.Errorf("bolt store: no path given")
	}
	st, err := os.Stat(cfg.Path)
	switch {
	case err == nil && !st.IsDir():
		return fmt.Errorf("store path %s is not a directory", cfg.Path)
	case errors.Is(err, fs.ErrNotExist) && cfg.ReadOnly:
		return fmt.Errorf("store %s does not exist", cfg.Path)
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(cfg.Path, 0o755); err != nil {
			return fmt.Errorf("create store directory %s: %w", cfg.Path, err)
		}
	case err != nil:
		return fmt.Errorf("store path %s: %w", cfg.Path, err)
	}
	file := filepath.Join(cfg.Path, "indexes.bolt")
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
		if cfg.ReadOnly {
			return fmt.Errorf("store %s does not exist (no indexes.bolt)", cfg.Path)
		}
		// A new store: check that the directory is writable, since
		// Cayley's own error would not name it.
		f, err := os.CreateTemp(cfg.Path, ".probe-*")
		if err != nil {
			return fmt.Errorf("store directory %s is not writable: %w", cfg.Path, err)
		}
		f.Close()
		os.Remove(f.Name())
		return nil
	}
	return probeLock(ctx, file, cfg.Path, cfg.LockTimeout)
}

// Close closes the store. Further calls return ErrClosed.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	s.closed = true
	if s.qs == nil {
		return nil
	}
	err := s.qs.Close()
	s.qs = nil
	return err
}

// RLock takes the store's read lock. Hold it while using QuadStore. (On
// the memory backend readers exclude each other too: memstore is not safe
// even for concurrent reads.)
func (s *Store) RLock() {
	if s.be.exclusiveReads {
		s.mu.Lock()
	} else {
		s.mu.RLock()
	}
}

// RUnlock releases the read lock.
func (s *Store) RUnlock() {
	if s.be.exclusiveReads {
		s.mu.Unlock()
	} else {
		s.mu.RUnlock()
	}
}

// QuadStore returns the Cayley quad store, for the path API and the query
// languages. Callers must hold RLock while they use it (and everything made
// from it: iterators, sessions), and must call QuadStore again after each
// RLock rather than keep the value: the store may be reopened after a
// failed write. It is nil once the store is closed.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

func (s *Store) usable() error {
	if s.closed || s.qs == nil {
		return ErrClosed
	}
	return nil
}

func (s *Store) writable() error {
	if err := s.usable(); err != nil {
		return err
	}
	if s.cfg.ReadOnly {
		return ErrReadOnly
	}
	return nil
}

// each calls fn for every quad that has v in direction d.
func (s *Store) each(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	ref, err := s.qs.ValueOf(v)
	if err != nil {
		return err
	}
	if ref == nil {
		return nil
	}
	it := s.qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return err
		}
		fn(q)
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// articleGraphs returns the graphs that hold `A rdf:type hkg:Article`.
func (s *Store) articleGraphs(ctx context.Context, A quad.IRI) ([]quad.IRI, error) {
	var gs []quad.IRI
	err := s.each(ctx, quad.Subject, A, func(q quad.Quad) {
		if q.Predicate == rdfType && q.Object == cArticle {
			if g, ok := q.Label.(quad.IRI); ok {
				gs = append(gs, g)
			}
		}
	})
	return gs, err
}

// owned returns what the article graphs own: every quad labelled by one of
// them, and every quad labelled by a statement typed in one of them or
// listed in extra.
func (s *Store) owned(ctx context.Context, graphs []quad.IRI, extra []quad.Value) (map[key]quad.Quad, error) {
	out := map[key]quad.Quad{}
	labels := map[quad.Value]bool{}
	for _, g := range graphs {
		if labels[g] {
			continue
		}
		labels[g] = true
		err := s.each(ctx, quad.Label, g, func(q quad.Quad) {
			out[keyOf(q)] = q
			if q.Predicate == rdfType && q.Object == cStatement {
				extra = append(extra, q.Subject)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	for _, l := range extra {
		if labels[l] {
			continue
		}
		labels[l] = true
		if err := s.each(ctx, quad.Label, l, func(q quad.Quad) { out[keyOf(q)] = q }); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Replace makes the store hold exactly Encode(m, a) for the article,
// replacing what it held for it before: it writes only the difference, so
// writing an unchanged article changes nothing. It is all or nothing (see
// the package documentation for how this is kept on bolt).
func (s *Store) Replace(ctx context.Context, m schema.Minter, a *schema.Article) (Change, error) {
	quads, err := Encode(m, a)
	if err != nil {
		return Change{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.gen.Add(1)
	if err := s.writable(); err != nil {
		return Change{}, err
	}
	if err := ctx.Err(); err != nil {
		return Change{}, err
	}
	A, G := quad.IRI(a.IRI), quad.IRI(a.Graph)
	graphs, err := s.articleGraphs(ctx, A)
	if err != nil {
		return Change{}, fmt.Errorf("replace article %s: %w", a.IRI, err)
	}
	graphs = append(graphs, G)
	var extra []quad.Value
	for _, q := range quads {
		if q.Label != G {
			extra = append(extra, q.Label)
		}
	}
	cur, err := s.owned(ctx, graphs, extra)
	if err != nil {
		return Change{}, fmt.Errorf("replace article %s: %w", a.IRI, err)
	}
	for _, q := range cur {
		if q.Label == G && q.Predicate == rdfType && q.Object == cArticle && q.Subject != A {
			return Change{}, fmt.Errorf("replace article %s: its graph %s already holds article %v", a.IRI, G, q.Subject)
		}
	}
	var add, del, keepHash []quad.Quad
	want := make(map[key]bool, len(quads))
	for _, q := range quads {
		k := keyOf(q)
		want[k] = true
		if _, ok := cur[k]; !ok {
			add = append(add, q)
		} else if q.Predicate == hContentHash {
			keepHash = append(keepHash, q)
		}
	}
	for k, q := range cur {
		if !want[k] {
			del = append(del, q)
		}
	}
	if len(add) == 0 && len(del) == 0 {
		return Change{}, nil
	}
	SortQuads(del)
	if err := ctx.Err(); err != nil {
		return Change{}, err
	}
	if err := s.apply(add, del, keepHash); err != nil {
		return Change{}, fmt.Errorf("replace article %s: %w", a.IRI, err)
	}
	return Change{Added: len(add), Removed: len(del)}, nil
}

// Delete removes every quad the article owns. Deleting an article that is
// not in the store changes nothing and is not an error.
func (s *Store) Delete(ctx context.Context, articleIRI string) (Change, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	defer s.gen.Add(1)
	if err := s.writable(); err != nil {
		return Change{}, err
	}
	graphs, err := s.articleGraphs(ctx, quad.IRI(articleIRI))
	if err != nil || len(graphs) == 0 {
		return Change{}, err
	}
	cur, err := s.owned(ctx, graphs, nil)
	if err != nil {
		return Change{}, fmt.Errorf("delete article %s: %w", articleIRI, err)
	}
	del := make([]quad.Quad, 0, len(cur))
	for _, q := range cur {
		del = append(del, q)
	}
	SortQuads(del)
	if err := ctx.Err(); err != nil {
		return Change{}, err
	}
	if err := s.apply(nil, del, nil); err != nil {
		return Change{}, fmt.Errorf("delete article %s: %w", articleIRI, err)
	}
	return Change{Removed: len(del)}, nil
}

// testHookDeltas, when set by a test, may change the deltas of a write
// step before they are applied (to force a failure).
var testHookDeltas func(step string, d []cgraph.Delta) []cgraph.Delta

type step struct {
	name     string
	add, del []quad.Quad
}

// apply writes the difference. One ApplyDeltas when the backend can do it
// correctly; on KV stores, when a term of an added quad loses references
// overall, pure steps in crash-safe order instead (see the package docs).
//
// keepHash lists the content-hash quads that stay unchanged.
func (s *Store) apply(add, del, keepHash []quad.Quad) error {
	if !s.be.kv || len(add) == 0 || len(del) == 0 || oneTxSafe(add, del) {
		return s.applyStep(step{"write", add, del})
	}
	isHash := func(q quad.Quad) bool { return q.Predicate == hContentHash }
	var hashAdd, hashDel, restAdd, restDel []quad.Quad
	for _, q := range add {
		if isHash(q) {
			hashAdd = append(hashAdd, q)
		} else {
			restAdd = append(restAdd, q)
		}
	}
	for _, q := range del {
		if isHash(q) {
			hashDel = append(hashDel, q)
		} else {
			restDel = append(restDel, q)
		}
	}
	// An unchanged content hash is taken out first and put back last too,
	// so that an interrupted replace is visible to ContentHash.
	hashDel = append(hashDel, keepHash...)
	hashAdd = append(hashAdd, keepHash...)
	steps := []step{
		{name: "unmark", del: hashDel},
		{name: "add", add: restAdd},
		{name: "remove", del: restDel},
		{name: "mark", add: hashAdd},
	}
	return s.applySteps(steps)
}

// applySteps applies steps in order; on an error it undoes the steps
// already applied, in reverse order.
func (s *Store) applySteps(steps []step) error {
	for i, st := range steps {
		if len(st.add) == 0 && len(st.del) == 0 {
			continue
		}
		err := s.applyStep(st)
		if err == nil {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			u := steps[j]
			if len(u.add) == 0 && len(u.del) == 0 {
				continue
			}
			if uerr := s.applyStep(step{name: "undo " + u.name, add: u.del, del: u.add}); uerr != nil {
				return fmt.Errorf("%w; undoing step %q also failed, the article may be incomplete (re-ingest it): %v", err, u.name, uerr)
			}
		}
		return err
	}
	return nil
}

func (s *Store) applyStep(st step) error {
	deltas := make([]cgraph.Delta, 0, len(st.add)+len(st.del))
	for _, q := range st.add {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	for _, q := range st.del {
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	if testHookDeltas != nil {
		deltas = testHookDeltas(st.name, deltas)
	}
	// Strict options: the difference is exact, so a duplicate or a missing
	// quad means the store is not what we read and the write must fail.
	err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{})
	if err == nil {
		return nil
	}
	err = fmt.Errorf("step %s: %w", st.name, err)
	if s.be.kv {
		// The transaction was rolled back, but Cayley's in-memory state
		// was not: reopen.
		if rerr := s.reopen(); rerr != nil {
			return fmt.Errorf("%w; reopening the store also failed: %v", err, rerr)
		}
	}
	return err
}

func (s *Store) reopen() error {
	s.qs.Close()
	s.qs = nil
	qs, err := s.open(context.Background())
	if err != nil {
		return err
	}
	s.qs = qs
	return nil
}

// oneTxSafe reports whether Cayley's KV ApplyDeltas writes add and del
// correctly in one transaction: every term of every added quad must keep
// or gain references overall (see the package docs).
func oneTxSafe(add, del []quad.Quad) bool {
	net := map[string]int{}
	for _, q := range add {
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				net[v.String()]++
			}
		}
	}
	for _, q := range del {
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil {
				net[v.String()]--
			}
		}
	}
	for _, q := range add {
		for _, d := range quad.Directions {
			if v := q.Get(d); v != nil && net[v.String()] < 0 {
				return false
			}
		}
	}
	return true
}

// ContentHash returns the content hash stored for an article. ok is false
// when the article is not in the store, or when it has no single content
// hash (a replace that was interrupted by a crash): either way the article
// should be ingested again.
func (s *Store) ContentHash(ctx context.Context, articleIRI string) (hash string, ok bool, err error) {
	s.RLock()
	defer s.RUnlock()
	if err := s.usable(); err != nil {
		return "", false, err
	}
	var hs []string
	err = s.each(ctx, quad.Subject, quad.IRI(articleIRI), func(q quad.Quad) {
		if q.Predicate == hContentHash {
			switch v := q.Object.(type) {
			case quad.String:
				hs = append(hs, string(v))
			case quad.TypedString:
				hs = append(hs, string(v.Value))
			}
		}
	})
	if err != nil || len(hs) != 1 {
		return "", false, err
	}
	return hs[0], true, nil
}

// Quads returns every quad of the store in the canonical order (SortQuads).
func (s *Store) Quads(ctx context.Context) ([]quad.Quad, error) {
	s.RLock()
	defer s.RUnlock()
	if err := s.usable(); err != nil {
		return nil, err
	}
	var out []quad.Quad
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return SortQuads(out), nil
}

// Articles decodes every article of the store.
func (s *Store) Articles(ctx context.Context) ([]*schema.Article, error) {
	qs, err := s.Quads(ctx)
	if err != nil {
		return nil, err
	}
	return Decode(qs)
}

// Count returns the number of quads in the store.
func (s *Store) Count(ctx context.Context) (int64, error) {
	s.RLock()
	defer s.RUnlock()
	if err := s.usable(); err != nil {
		return 0, err
	}
	st, err := s.qs.Stats(ctx, true)
	if err != nil {
		return 0, err
	}
	return st.Quads.Value, nil
}

// quietLog keeps Cayley's own log quiet: every failure it logs is also
// returned to us as an error (and "database already exists" on opening an
// SQL store is expected, not a failure).
type quietLog struct{}

func (quietLog) Infof(string, ...any)    {}
func (quietLog) Warningf(string, ...any) {}
func (quietLog) Errorf(string, ...any)   {}
func (quietLog) Fatalf(format string, args ...any) {
	panic(fmt.Sprintf("cayley: "+format, args...))
}
func (quietLog) V(int) bool { return false }
func (quietLog) SetV(int)   {}

func init() { clog.SetLogger(quietLog{}) }
