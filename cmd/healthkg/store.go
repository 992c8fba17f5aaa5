package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/healthkg/healthkg/graph"
	"github.com/healthkg/healthkg/schema"
)

// storeFlags are the flags of every command that opens a store.
type storeFlags struct {
	db, base string
}

func (s *storeFlags) register(fsAdd func(p *string, name, value, usage string)) {
	fsAdd(&s.db, "db", "", "the store: a bolt directory (created by ingest when missing)")
	fsAdd(&s.base, "base", schema.DefaultBase, "base of the instance IRIs")
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
	if s.db == "" {
		return nil, usagef("--db is required")
	}
	if readOnly {
		if _, err := os.Stat(filepath.Join(s.db, "indexes.bolt")); err != nil {
			return nil, fmt.Errorf("no store at %s (run 'healthkg ingest --db %s FILE...' first)", s.db, s.db)
		}
	}
	return graph.Open(ctx, graph.Config{Backend: "bolt", Path: s.db, ReadOnly: readOnly})
}
