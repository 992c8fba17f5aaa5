package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/healthkg/healthkg/queries"
)

// queryDoc documents the named queries from the catalogue itself.
func queryDoc() string {
	var b strings.Builder
	b.WriteString("Named queries:\n")
	for _, c := range queries.Catalogue() {
		b.WriteString("  " + c.Name)
		for _, p := range c.Params {
			switch {
			case p.Positional && p.Required:
				b.WriteString(" " + strings.ToUpper(p.Name))
			case p.Positional:
				b.WriteString(" [" + strings.ToUpper(p.Name) + "]")
			case p.Bool:
				b.WriteString(" [--" + p.Name + "]")
			default:
				b.WriteString(" [--" + p.Name + " " + strings.ToUpper(p.Name) + "]")
			}
		}
		b.WriteString("\n        " + c.Summary + "\n")
	}
	b.WriteString("Names are labels or synonyms, in any case, or IRIs; an ambiguous name lists\n")
	b.WriteString("the candidates. With --lang gizmo|graphql|mql the argument is a query in one\n")
	b.WriteString("of Cayley's languages, run with --timeout and --limit.")
	return b.String()
}

func runQuery(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "query", "query --db PATH [--format table|json|csv|tsv] NAME ARGS... | --lang gizmo|graphql|mql QUERY", queryDoc())
	var sf storeFlags
	sf.register(fs.StringVar)
	format := fs.String("format", "table", "table, json, csv or tsv")
	lang := fs.String("lang", "", "run QUERY in one of Cayley's languages: gizmo, graphql or mql")
	timeout := fs.Duration("timeout", 30*time.Second, "with --lang: stop the query after this long")
	// every option of every named query, as a flag of its own
	opts := map[string]*string{}
	bools := map[string]*bool{}
	for _, c := range queries.Catalogue() {
		for _, p := range c.Params {
			if p.Positional || opts[p.Name] != nil || bools[p.Name] != nil {
				continue
			}
			if p.Bool {
				bools[p.Name] = fs.Bool(p.Name, false, p.Doc)
			} else {
				opts[p.Name] = fs.String(p.Name, "", p.Doc)
			}
		}
	}
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	switch *format {
	case "table", "json", "csv", "tsv":
	default:
		return usagef("unknown format %q (want table, json, csv or tsv)", *format)
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *lang != "" {
		return runLanguage(ctx, e, &sf, *lang, pos, *format, *timeout, opts["limit"], set)
	}
	if len(pos) == 0 {
		return usagef("no query name given")
	}
	c, ok := queries.Lookup(pos[0])
	if !ok {
		return usagef("unknown query %q", pos[0])
	}
	a := queries.Args{}
	rest := pos[1:]
	known := map[string]bool{}
	for _, p := range c.Params {
		known[p.Name] = true
		switch {
		case p.Positional && p.Name == "text" && len(rest) > 0:
			a[p.Name], rest = strings.Join(rest, " "), nil // "search withdrawal symptoms"
		case p.Positional && len(rest) > 0:
			a[p.Name], rest = rest[0], rest[1:]
		case p.Bool && set[p.Name]:
			a[p.Name] = strconv.FormatBool(*bools[p.Name])
		case !p.Positional && !p.Bool && set[p.Name]:
			a[p.Name] = *opts[p.Name]
		}
	}
	if len(rest) > 0 {
		return usagef("%s: too many arguments: %s", c.Name, strings.Join(rest, " "))
	}
	for name := range set {
		if (opts[name] != nil || bools[name] != nil) && !known[name] {
			return usagef("%s takes no --%s", c.Name, name)
		}
	}
	for _, p := range c.Params {
		if p.Required && a[p.Name] == "" {
			return usagef("%s: missing %s", c.Name, strings.ToUpper(p.Name))
		}
	}
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := c.Run(ctx, queries.New(st), a)
	if err != nil {
		if queries.IsArgError(err) {
			return usagef("%v", err)
		}
		return err
	}
	if *format == "table" {
		switch data := res.Data.(type) {
		case []queries.Edge:
			if c.Name == "evidence" {
				return printEdges(e.stdout, *format, data, true)
			}
		case []queries.Claim:
			return printClaims(e.stdout, *format, data)
		}
	}
	return writeResult(e.stdout, *format, res)
}

// runLanguage runs a query in one of Cayley's languages.
func runLanguage(ctx context.Context, e *env, sf *storeFlags, lang string, pos []string, format string, timeout time.Duration, limitFlag *string, set map[string]bool) error {
	if len(pos) != 1 {
		return usagef("--lang takes one query text (quote it)")
	}
	for name := range set {
		if name != "lang" && name != "format" && name != "timeout" && name != "limit" && name != "db" && name != "backend" {
			return usagef("--lang takes no --%s", name)
		}
	}
	limit := 1000
	if set["limit"] {
		n, err := strconv.Atoi(*limitFlag)
		if err != nil || n < 1 {
			return usagef("--limit must be a positive number, not %q", *limitFlag)
		}
		limit = n
	}
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	qctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	vals, err := queries.New(st).Language(qctx, lang, pos[0], limit)
	switch {
	case queries.IsArgError(err):
		return usagef("%v", err)
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%s query stopped after %s (--timeout)", lang, timeout)
	case err != nil:
		return err
	}
	if format == "json" {
		return writeJSON(e.stdout, vals)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	for _, v := range vals {
		if err := enc.Encode(v); err != nil {
			return err
		}
	}
	return nil
}

// writeResult writes a named query's answer: a readable table, JSON, CSV
// or TSV (tabs and line breaks inside a cell become spaces).
func writeResult(w io.Writer, format string, r queries.Result) error {
	switch format {
	case "json":
		return writeJSON(w, r.Data)
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(r.Columns); err != nil {
			return err
		}
		if err := cw.WriteAll(r.Rows); err != nil {
			return err
		}
		return cw.Error()
	case "tsv":
		clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
		for _, row := range append([][]string{r.Columns}, r.Rows...) {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = clean.Replace(c)
			}
			if _, err := fmt.Fprintln(w, strings.Join(cells, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(r.Columns, "\t")))
	for _, row := range r.Rows {
		cells := make([]string, len(row))
		for i, c := range row {
			if rs := []rune(c); len(rs) > 90 {
				c = string(rs[:87]) + "..."
			}
			cells[i] = strings.ReplaceAll(c, "\t", " ")
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "(%d rows)\n", len(r.Rows))
	return err
}

func printEdges(w io.Writer, format string, edges []queries.Edge, full bool) error {
	if format == "json" {
		if edges == nil {
			edges = []queries.Edge{}
		}
		return writeJSON(w, edges)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SUBJECT\tPREDICATE\tOBJECT\tCERTAINTY\tEVIDENCE")
	for _, ed := range edges {
		pred := ed.Predicate
		if ed.Negated {
			pred = "NOT " + pred
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\n", ed.SubjectLabel, pred, ed.ObjectLabel, ed.Certainty, len(ed.Evidence))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !full {
		fmt.Fprintf(w, "(%d edges; 'evidence SUBJECT PREDICATE OBJECT' shows the sentences)\n", len(edges))
		return nil
	}
	for _, ed := range edges {
		neg := ""
		if ed.Negated {
			neg = " (denied)"
		}
		fmt.Fprintf(w, "\n%s %s %s%s [%s]\n", ed.SubjectLabel, ed.Predicate, ed.ObjectLabel, neg, ed.Certainty)
		for _, r := range ed.References {
			fmt.Fprintf(w, "  reference: %s\n", r)
		}
		for _, ev := range ed.Evidence {
			fmt.Fprintf(w, "  - %s [%d:%d] %s, rule %s, section %q\n    %q\n", ev.Article, ev.Start, ev.End, ev.Certainty, ev.Rule, ev.Section, ev.Sentence)
			if ev.Item != "" {
				fmt.Fprintf(w, "    item: %q\n", ev.Item)
			}
			if len(ev.Cues) > 0 {
				fmt.Fprintf(w, "    cues: %s\n", strings.Join(ev.Cues, "; "))
			}
		}
	}
	return nil
}

func printClaims(w io.Writer, format string, cs []queries.Claim) error {
	if format == "json" {
		if cs == nil {
			cs = []queries.Claim{}
		}
		return writeJSON(w, cs)
	}
	for _, c := range cs {
		fmt.Fprintf(w, "%s\n  %q\n  certainty %s, %s [%d:%d], section %q\n", c.IRI, c.Text, c.Certainty, c.Article, c.Start, c.End, c.Section)
		if c.Attribution != "" {
			fmt.Fprintf(w, "  attribution: %q\n", c.Attribution)
		}
		for _, r := range c.References {
			fmt.Fprintf(w, "  reference: %s\n", r)
		}
	}
	fmt.Fprintf(w, "(%d claims)\n", len(cs))
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
