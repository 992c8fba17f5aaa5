package queries

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers "gizmo"
	_ "github.com/cayleygraph/cayley/query/graphql" // registers "graphql"
	_ "github.com/cayleygraph/cayley/query/mql"     // registers "mql"
)

// Languages are Cayley's query languages offered: Gizmo (JavaScript,
// Gremlin-like), Cayley's GraphQL-like language and MQL.
var Languages = []string{"gizmo", "graphql", "mql"}

// Language runs a query in one of Cayley's languages and returns its
// results as JSON values, at most limit of them (no limit when limit <=
// 0). The context bounds it: a Gizmo script that never ends is interrupted
// when the context is done, and the error is the context's. A query that
// does not parse or fails as a program is an *ArgError.
func (q *Querier) Language(ctx context.Context, lang, text string, limit int) ([]any, error) {
	if !containsStr(Languages, lang) {
		return nil, argErrorf("unknown query language %q (want %s)", lang, strings.Join(Languages, ", "))
	}
	if strings.TrimSpace(text) == "" {
		return nil, argErrorf("%s: empty query", lang)
	}
	out := []any{}
	err := q.read(ctx, func(r *reader) error {
		it, err := query.Execute(ctx, r.qs, lang, text, query.Options{Collation: query.JSON, Limit: limit})
		if err != nil {
			return argErrorf("%s: %v", lang, err)
		}
		defer it.Close()
		for it.Next(ctx) {
			out = append(out, it.Result())
			if limit > 0 && len(out) >= limit {
				break
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := it.Err(); err != nil {
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
				return err
			}
			return argErrorf("%s: %v", lang, err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// IsArgError reports whether err is a mistake in a query's arguments or
// text (HTTP 400, exit status 2), as opposed to a name that is not found or
// a failure of the store.
func IsArgError(err error) bool {
	var a *ArgError
	return errors.As(err, &a)
}

// String renders an ArgError for logs.
func (e *ArgError) String() string { return fmt.Sprintf("bad query: %s", e.Msg) }
