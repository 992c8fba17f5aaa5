package graph

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/healthkg/healthkg/schema"
)

// benchArticles makes n random articles that share their entities (the
// random generator draws them from one small pool).
func benchArticles(n int, seed uint64) []*schema.Article {
	rng := rand.New(rand.NewPCG(seed, 99))
	out := make([]*schema.Article, n)
	for i := range out {
		out[i] = randomArticle(rng, fmt.Sprintf("bench/article-%03d", i))
	}
	return out
}

const benchN = 200 // articles per load

func benchQuads(b *testing.B, arts []*schema.Article) int {
	n := 0
	for _, a := range arts {
		n += len(mustEncode(b, a))
	}
	return n
}

// BenchmarkBoltLoad loads benchN articles into a fresh bolt store through
// Store.Replace (one diff and transaction per article).
func BenchmarkBoltLoad(b *testing.B) {
	ctx := context.Background()
	arts := benchArticles(benchN, 1)
	total := benchQuads(b, arts)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(ctx, Config{Path: filepath.Join(b.TempDir(), fmt.Sprint(i))})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		for _, a := range arts {
			if _, err := s.Replace(ctx, testMinter, a); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		if n, _ := s.Count(ctx); n != int64(total) {
			b.Fatalf("%d quads stored, want %d", n, total)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
	b.ReportMetric(float64(total), "quads/load")
}

// BenchmarkBoltCayleyBulk loads the same quads into a fresh bolt store
// (same indexes) through Cayley's bulk writer, qs.NewQuadWriter.
func BenchmarkBoltCayleyBulk(b *testing.B) {
	ctx := context.Background()
	arts := benchArticles(benchN, 1)
	var all []quad.Quad
	for _, a := range arts {
		all = append(all, mustEncode(b, a)...)
	}
	total := len(all)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(ctx, Config{Path: filepath.Join(b.TempDir(), fmt.Sprint(i))})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		w, err := s.QuadStore().NewQuadWriter()
		if err != nil {
			b.Fatal(err)
		}
		for j := 0; j < len(all); j += quad.DefaultBatch {
			if _, err := w.WriteQuads(all[j:min(len(all), j+quad.DefaultBatch)]); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if n, _ := s.Count(ctx); n != int64(total) {
			b.Fatalf("%d quads stored, want %d", n, total)
		}
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
	b.ReportMetric(float64(total), "quads/load")
}

// BenchmarkBoltReplaceUnchanged re-ingests benchN unchanged articles (the
// common case of a re-run): reads and diffs only.
func BenchmarkBoltReplaceUnchanged(b *testing.B) {
	ctx := context.Background()
	arts := benchArticles(benchN, 1)
	total := benchQuads(b, arts)
	s, err := Open(ctx, Config{Path: filepath.Join(b.TempDir(), "s")})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, a := range arts {
		if _, err := s.Replace(ctx, testMinter, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if c, err := s.Replace(ctx, testMinter, a); err != nil || c != (Change{}) {
				b.Fatal(c, err)
			}
		}
	}
	b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
}
