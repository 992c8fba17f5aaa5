package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/schema"
)

// storeFlags are the flags of every command that opens a store.
type storeFlags struct {
	db, base, backend string
}

func (s *storeFlags) register(fsAdd func(p *string, name, value, usage string)) {
	fsAdd(&s.db, "db", "", "the store: a bolt directory (created by ingest when missing), or with --backend postgres a PostgreSQL URL")
	fsAdd(&s.base, "base", schema.DefaultBase, "base of the instance IRIs")
	fsAdd(&s.backend, "backend", "bolt", "bolt (an embedded file) or postgres (Cayley's SQL store; also CockroachDB)")
}

func (s *storeFlags) minter() (schema.Minter, error) {
	m, err := schema.NewMinter(s.base)
	if err != nil {
		return m, usagef("--base: %v", err)
	}
	return m, nil
}

// open opens the store; readOnly stores must exist already.
func (s *storeFlags) open(ctx context.Context, readOnly bool) (*graph.Store, error) {
	return s.openWith(ctx, graph.Config{ReadOnly: readOnly})
}

// openWith opens the store with the flags' backend and path over cfg.
func (s *storeFlags) openWith(ctx context.Context, cfg graph.Config) (*graph.Store, error) {
	if s.db == "" {
		return nil, usagef("--db is required")
	}
	switch s.backend {
	case "bolt":
		if cfg.ReadOnly {
			if _, err := os.Stat(filepath.Join(s.db, "indexes.bolt")); err != nil {
				return nil, fmt.Errorf("no store at %s (run 'healthkg ingest --db %s FILE...' first)", s.db, s.db)
			}
		}
	case "postgres":
		if !strings.HasPrefix(s.db, "postgres://") && !strings.HasPrefix(s.db, "postgresql://") {
			return nil, usagef("--backend postgres: --db must be a URL (postgres://user:password@host:5432/db?sslmode=disable)")
		}
	default:
		return nil, usagef("unknown --backend %q (want bolt or postgres)", s.backend)
	}
	cfg.Backend, cfg.Path = s.backend, s.db
	return graph.Open(ctx, cfg)
}
