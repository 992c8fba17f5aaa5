package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/healthkg/healthkg/queries"
	"github.com/healthkg/healthkg/schema"
)

const queryDoc = `Named queries:
  side-effects SUBSTANCE [--kind acute|long-term|withdrawal] [--min-certainty LEVEL] [--negated]
        the side effects of a substance, with their certainty and evidence
  acts-on RECEPTOR
        what acts on a receptor ("mu", "opioid receptors")
  evidence SUBJECT [PREDICATE [OBJECT]]
        every statement from SUBJECT (denied ones too) with the sentences,
        byte offsets, certainty and reference behind it
  evidence --claim TEXT
        the claims containing TEXT, with their sentence, offsets, certainty
        and the reference they are attributed to
Names are labels or synonyms, in any case, or IRIs.`

func runQuery(ctx context.Context, e *env, args []string) error {
	fs := flags(e, "query", "query --db PATH [--format table|json] NAME ARGS...", queryDoc)
	var sf storeFlags
	sf.register(fs.StringVar)
	format := fs.String("format", "table", "table or json")
	kind := fs.String("kind", "", "side-effects: acute, long-term or withdrawal")
	minCert := fs.String("min-certainty", "", "side-effects: asserted, hedged or speculative")
	negated := fs.Bool("negated", false, "side-effects: also list side effects the text denies")
	claim := fs.String("claim", "", "evidence: the text of a claim")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *format != "table" && *format != "json" {
		return usagef("unknown format %q", *format)
	}
	if len(pos) == 0 {
		return usagef("no query name given")
	}
	var min schema.Certainty
	if *minCert != "" {
		if min, err = schema.ParseCertainty(*minCert); err != nil {
			return usagef("%v", err)
		}
	}
	name, qargs := pos[0], pos[1:]
	need := func(lo, hi int) error {
		if len(qargs) < lo || len(qargs) > hi {
			return usagef("%s takes %d to %d arguments, got %d", name, lo, hi, len(qargs))
		}
		return nil
	}
	switch {
	case name == "side-effects" || name == "acts-on":
		err = need(1, 1)
	case name == "evidence" && *claim == "":
		err = need(1, 3)
	case name == "evidence":
		err = need(0, 0)
	default:
		err = usagef("unknown query %q", name)
	}
	if err != nil {
		return err
	}
	st, err := sf.open(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	q := queries.New(st)
	var edges []queries.Edge
	switch name {
	case "side-effects":
		_, edges, err = q.SideEffects(ctx, qargs[0], *kind, min, *negated)
	case "acts-on":
		_, edges, err = q.ActsOn(ctx, qargs[0])
	case "evidence":
		if *claim != "" {
			cs, err := q.ClaimEvidence(ctx, *claim)
			if err != nil {
				return err
			}
			return printClaims(e.stdout, *format, cs)
		}
		qargs = append(qargs, "", "")
		edges, err = q.Evidence(ctx, qargs[0], qargs[1], qargs[2])
	}
	if err != nil {
		return err
	}
	return printEdges(e.stdout, *format, edges, name == "evidence")
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
