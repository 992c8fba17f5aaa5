package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

// column is one column of the node or edge tables: its header and the
// values of a record (several for a list-valued field).
type column[T any] struct {
	name string
	get  func(T) []string
}

func one(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

var nodeColumns = []column[KGXNode]{
	{"id", func(n KGXNode) []string { return one(n.ID) }},
	{"category", func(n KGXNode) []string { return n.Category }},
	{"name", func(n KGXNode) []string { return one(n.Name) }},
	{"synonym", func(n KGXNode) []string { return n.Synonym }},
	{"description", func(n KGXNode) []string { return one(n.Description) }},
	{"xref", func(n KGXNode) []string { return n.XRef }},
	{"provided_by", func(n KGXNode) []string { return n.ProvidedBy }},
	{"agency", func(n KGXNode) []string { return one(n.Agency) }},
	{"jurisdiction", func(n KGXNode) []string { return one(n.Jurisdiction) }},
	{"status", func(n KGXNode) []string { return one(n.Status) }},
	{"certainty", func(n KGXNode) []string { return one(n.Certainty) }},
}

var edgeColumns = []column[KGXEdge]{
	{"id", func(e KGXEdge) []string { return one(e.ID) }},
	{"subject", func(e KGXEdge) []string { return one(e.Subject) }},
	{"predicate", func(e KGXEdge) []string { return one(e.Predicate) }},
	{"object", func(e KGXEdge) []string { return one(e.Object) }},
	{"original_predicate", func(e KGXEdge) []string { return one(e.OriginalPredicate) }},
	{"negated", func(e KGXEdge) []string { return one(strconv.FormatBool(e.Negated)) }},
	{"certainty", func(e KGXEdge) []string { return one(e.Certainty) }},
	{"knowledge_level", func(e KGXEdge) []string { return one(e.KnowledgeLevel) }},
	{"agent_type", func(e KGXEdge) []string { return one(e.AgentType) }},
	{"primary_knowledge_source", func(e KGXEdge) []string { return one(e.PrimaryKnowledgeSource) }},
	{"publications", func(e KGXEdge) []string { return e.Publications }},
	{"evidence_count", func(e KGXEdge) []string { return one(strconv.Itoa(e.EvidenceCount)) }},
	{"supporting_text", func(e KGXEdge) []string { return e.SupportingText }},
	{"supporting_text_item", func(e KGXEdge) []string { return e.SupportingTextItem }},
	{"supporting_text_location", func(e KGXEdge) []string { return e.SupportingTextLocation }},
	{"supporting_text_article", func(e KGXEdge) []string { return e.SupportingTextArticle }},
	{"section", func(e KGXEdge) []string { return e.Section }},
	{"extraction_rule", func(e KGXEdge) []string { return e.ExtractionRule }},
}

// tsvCell makes a TSV cell of a field's values, KGX style: values joined
// by "|"; a tab, line break or "|" inside a value becomes a space (KGX TSV
// has no quoting: the JSON Lines files keep the exact text).
func tsvCell(vs []string) string {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ", "|", " ")
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = clean.Replace(v)
	}
	return strings.Join(out, "|")
}

func writeTSV[T any](w io.Writer, cols []column[T], recs []T) error {
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.name
	}
	if _, err := fmt.Fprintln(w, strings.Join(head, "\t")); err != nil {
		return err
	}
	for _, r := range recs {
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = tsvCell(c.get(r))
		}
		if _, err := fmt.Fprintln(w, strings.Join(row, "\t")); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV[T any](w io.Writer, cols []column[T], recs []T) error {
	cw := csv.NewWriter(w)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.name
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range recs {
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = strings.Join(c.get(r), "; ")
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// KGXTSV writes the KGX nodes and edges (the records of KGX JSON Lines,
// same order) as KGX TSV: a header row, one row per record, list values
// joined by "|".
func KGXTSV(nodes, edges io.Writer, articles []*schema.Article, m schema.Minter) error {
	ns, es := BuildKGX(articles, m)
	if err := writeTSV(nodes, nodeColumns, ns); err != nil {
		return fmt.Errorf("kgx tsv nodes: %w", err)
	}
	if err := writeTSV(edges, edgeColumns, es); err != nil {
		return fmt.Errorf("kgx tsv edges: %w", err)
	}
	return nil
}

// CSV writes the KGX nodes and edges as CSV for spreadsheets (RFC 4180
// quoting, so text keeps its tabs and line breaks; list values joined by
// "; ").
func CSV(nodes, edges io.Writer, articles []*schema.Article, m schema.Minter) error {
	ns, es := BuildKGX(articles, m)
	if err := writeCSV(nodes, nodeColumns, ns); err != nil {
		return fmt.Errorf("csv nodes: %w", err)
	}
	if err := writeCSV(edges, edgeColumns, es); err != nil {
		return fmt.Errorf("csv edges: %w", err)
	}
	return nil
}
