package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/google/uuid"
	"github.com/healthkg/healthkg/schema"
)

// KGX constants: the provenance every node and edge carries.
const (
	InfoRes        = "infores:healthkg"
	KnowledgeLevel = "knowledge_assertion"
	AgentType      = "text_mining_agent"
	fallbackClass  = "biolink:NamedThing"
	fallbackPred   = "biolink:related_to"
)

// KGXNode is one line of the KGX nodes file. The field order is the key
// order of the JSON.
type KGXNode struct {
	ID           string   `json:"id"`
	Category     []string `json:"category"`
	Name         string   `json:"name,omitempty"`
	Synonym      []string `json:"synonym,omitempty"`
	Description  string   `json:"description,omitempty"`
	XRef         []string `json:"xref,omitempty"`
	ProvidedBy   []string `json:"provided_by"`
	Agency       string   `json:"agency,omitempty"`
	Jurisdiction string   `json:"jurisdiction,omitempty"`
	Status       string   `json:"status,omitempty"`
	Certainty    string   `json:"certainty,omitempty"`
}

// KGXEdge is one line of the KGX edges file: one fact (subject,
// predicate, object, negated) with all its evidence across articles. The
// supporting_text* lists, section and extraction_rule are aligned: entry i
// of each describes evidence i.
type KGXEdge struct {
	ID                     string `json:"id"`
	Subject                string `json:"subject"`
	Predicate              string `json:"predicate"`
	Object                 string `json:"object"`
	OriginalPredicate      string `json:"original_predicate"`
	Negated                bool   `json:"negated"`
	Certainty              string `json:"certainty"`
	KnowledgeLevel         string `json:"knowledge_level"`
	AgentType              string `json:"agent_type"`
	PrimaryKnowledgeSource string `json:"primary_knowledge_source"`
	// SupportingText is the evidence sentence (for a list item: the
	// lead-in sentence; the item is in SupportingTextItem).
	SupportingText         []string `json:"supporting_text,omitempty"`
	SupportingTextItem     []string `json:"supporting_text_item,omitempty"`
	SupportingTextLocation []string `json:"supporting_text_location,omitempty"` // "start-end" byte offsets of the sentence
	SupportingTextArticle  []string `json:"supporting_text_article,omitempty"`  // the article the offsets point into
	Section                []string `json:"section,omitempty"`
	ExtractionRule         []string `json:"extraction_rule,omitempty"`
	Publications           []string `json:"publications,omitempty"`
	EvidenceCount          int      `json:"evidence_count"`
}

// KGX writes the articles as KGX JSON Lines: nodes to nodes, edges to
// edges, each file sorted by id.
//
// Nodes are the entities, claims, references and articles, merged by IRI
// across articles (one node per IRI, the union of the surface forms).
// Edges are the statements merged by (subject, predicate, object,
// negated) across articles, with all their evidence. Instance IRIs under
// m.Root() are written as hkgid: CURIEs; other IRIs stay full.
func KGX(nodes, edges io.Writer, articles []*schema.Article, m schema.Minter) error {
	ns, es := BuildKGX(articles, m)
	if err := writeJSONLines(nodes, ns); err != nil {
		return fmt.Errorf("kgx nodes: %w", err)
	}
	if err := writeJSONLines(edges, es); err != nil {
		return fmt.Errorf("kgx edges: %w", err)
	}
	return nil
}

func writeJSONLines[T any](w io.Writer, items []T) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, it := range items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return bw.Flush()
}

type nodeAcc struct {
	iri          string
	class        schema.Class
	labels       map[string]int // label -> number of articles that use it
	firstLabel   []string       // labels in the order met (articles sorted)
	synonyms     map[string]bool
	xrefs        map[string]bool
	description  string
	agency       string
	jurisdiction string
	status       string
	certainty    schema.Certainty
	hasCert      bool
}

type edgeAcc struct {
	s        schema.Statement
	evidence []schema.Evidence
	pubs     map[string]bool
}

// BuildKGX makes the KGX nodes and edges of the articles, sorted by id.
func BuildKGX(articles []*schema.Article, m schema.Minter) ([]KGXNode, []KGXEdge) {
	root := m.Root()
	as := slices.Clone(articles)
	slices.SortStableFunc(as, func(a, b *schema.Article) int { return strings.Compare(a.IRI, b.IRI) })

	nodes := map[string]*nodeAcc{}
	node := func(iri string, c schema.Class) *nodeAcc {
		n := nodes[iri]
		if n == nil {
			n = &nodeAcc{iri: iri, class: c, labels: map[string]int{}, synonyms: map[string]bool{}, xrefs: map[string]bool{}}
			nodes[iri] = n
		}
		if n.class == "" {
			n.class = c
		}
		return n
	}
	label := func(n *nodeAcc, l string) {
		if l == "" {
			return
		}
		if n.labels[l] == 0 {
			n.firstLabel = append(n.firstLabel, l)
		}
		n.labels[l]++
	}
	setFirst := func(dst *string, v string) {
		if *dst == "" {
			*dst = v
		}
	}
	edges := map[string]*edgeAcc{}

	for _, a := range as {
		if a.IRI != "" {
			n := node(a.IRI, schema.ArticleC)
			label(n, a.Title)
			setFirst(&n.description, a.Source)
		}
		for _, e := range a.Entities {
			n := node(e.IRI, e.Class)
			label(n, e.Label)
			for _, s := range e.Synonyms {
				n.synonyms[s] = true
			}
			for _, x := range e.XRefs {
				n.xrefs[x] = true
			}
			setFirst(&n.agency, e.Agency)
			setFirst(&n.jurisdiction, e.Jurisdiction)
			setFirst(&n.status, e.Status)
		}
		for _, c := range a.Claims {
			n := node(c.IRI, schema.ClaimC)
			label(n, c.Text)
			setFirst(&n.description, c.Context)
			cert := c.Certainty
			if cert.Valid() && (!n.hasCert || firmer(cert, n.certainty)) {
				n.certainty, n.hasCert = cert, true
			}
		}
		for _, r := range a.References {
			n := node(r.IRI, schema.ReferenceC)
			if r.Title != "" {
				label(n, r.Title)
			} else {
				label(n, r.Raw)
			}
			setFirst(&n.description, r.Raw)
			if r.DOI != "" {
				n.xrefs["doi:"+strings.TrimPrefix(strings.ToLower(r.DOI), "doi:")] = true
			}
		}
		for _, s := range a.Statements {
			k := s.Key()
			e := edges[k]
			if e == nil {
				e = &edgeAcc{s: s, pubs: map[string]bool{}}
				e.s.Evidence = nil
				edges[k] = e
			}
			for _, ev := range s.Evidence {
				if ev.Article == "" {
					ev.Article = a.IRI
				}
				e.evidence = append(e.evidence, ev)
				e.pubs[ev.Article] = true
			}
			if a.IRI != "" {
				e.pubs[a.IRI] = true
			}
			if s.Reference != "" {
				e.pubs[s.Reference] = true
			}
		}
	}

	// Every edge end is a node, even if no article described it.
	for _, e := range edges {
		for _, iri := range []string{e.s.Subject, e.s.Object} {
			if nodes[iri] == nil {
				node(iri, classOfIRI(root, iri))
			}
		}
	}

	outN := make([]KGXNode, 0, len(nodes))
	for _, n := range nodes {
		outN = append(outN, n.kgx(root))
	}
	slices.SortFunc(outN, func(a, b KGXNode) int { return strings.Compare(a.ID, b.ID) })

	ns := uuid.NewSHA1(uuid.NameSpaceURL, []byte(root))
	outE := make([]KGXEdge, 0, len(edges))
	for k, e := range edges {
		outE = append(outE, e.kgx(root, "hkgid:edge/"+uuid.NewSHA1(ns, []byte("edge\n"+k)).String()))
	}
	slices.SortFunc(outE, func(a, b KGXEdge) int { return strings.Compare(a.ID, b.ID) })
	return outN, outE
}

// firmer reports whether certainty a beats b: the firmest non-negated
// level wins; negated only over nothing.
func firmer(a, b schema.Certainty) bool { return a.Rank() > b.Rank() }

// classOfIRI guesses the class of an instance IRI from its kind segment
// (root/substance/... -> Substance).
func classOfIRI(root, iri string) schema.Class {
	if rest, ok := strings.CutPrefix(iri, root); ok {
		kind, _, _ := strings.Cut(rest, "/")
		for _, c := range schema.Classes {
			if strings.ToLower(string(c.Class)) == kind {
				return c.Class
			}
		}
	}
	return ""
}

func curie(root, iri string) string {
	if rest, ok := strings.CutPrefix(iri, root); ok && rest != "" {
		return schema.InstancePrefix + ":" + rest
	}
	return iri
}

func category(c schema.Class) string {
	if ci, ok := schema.ClassByName(string(c)); ok && ci.Biolink != "" {
		return ci.Biolink
	}
	return fallbackClass
}

func (n *nodeAcc) kgx(root string) KGXNode {
	// The name is the label most articles use; ties go to the first met.
	name := ""
	for _, l := range n.firstLabel {
		if name == "" || n.labels[l] > n.labels[name] {
			name = l
		}
	}
	syn := map[string]bool{}
	for s := range n.synonyms {
		syn[s] = true
	}
	for l := range n.labels {
		syn[l] = true
	}
	delete(syn, name)
	delete(syn, "")
	out := KGXNode{
		ID:          curie(root, n.iri),
		Category:    []string{category(n.class)},
		Name:        name,
		Synonym:     sortedKeys(syn),
		Description: n.description,
		XRef:        sortedKeys(n.xrefs),
		ProvidedBy:  []string{InfoRes},
		Status:      n.status,
	}
	if n.agency != "" {
		out.Agency = curie(root, n.agency)
	}
	if n.jurisdiction != "" {
		out.Jurisdiction = curie(root, n.jurisdiction)
	}
	if n.hasCert {
		out.Certainty = string(n.certainty)
	}
	return out
}

func (e *edgeAcc) kgx(root, id string) KGXEdge {
	ev := e.evidence
	slices.SortStableFunc(ev, func(a, b schema.Evidence) int {
		if c := strings.Compare(a.Article, b.Article); c != 0 {
			return c
		}
		for _, d := range [][2]int{{a.Start, b.Start}, {a.ItemSpan.Start, b.ItemSpan.Start}, {a.End, b.End}, {a.ItemSpan.End, b.ItemSpan.End}} {
			if d[0] != d[1] {
				return d[0] - d[1]
			}
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	// The same evidence read twice (from two decodings of one article) counts once.
	ev = slices.CompactFunc(ev, func(a, b schema.Evidence) bool {
		return a.Article == b.Article && a.Span == b.Span && a.ItemSpan == b.ItemSpan && a.Rule == b.Rule
	})
	pred := fallbackPred
	if p, ok := schema.PredicateByName(string(e.s.Predicate)); ok && p.Biolink != "" {
		pred = p.Biolink
	}
	st := e.s
	st.Evidence = ev
	out := KGXEdge{
		ID:                     id,
		Subject:                curie(root, e.s.Subject),
		Predicate:              pred,
		Object:                 curie(root, e.s.Object),
		OriginalPredicate:      e.s.Predicate.CURIE(),
		Negated:                e.s.Negated,
		Certainty:              string(st.Certainty()),
		KnowledgeLevel:         KnowledgeLevel,
		AgentType:              AgentType,
		PrimaryKnowledgeSource: InfoRes,
		EvidenceCount:          len(ev),
	}
	hasItem := false
	for _, x := range ev {
		out.SupportingText = append(out.SupportingText, x.Sentence)
		out.SupportingTextItem = append(out.SupportingTextItem, x.Item)
		out.SupportingTextLocation = append(out.SupportingTextLocation, fmt.Sprintf("%d-%d", x.Start, x.End))
		out.SupportingTextArticle = append(out.SupportingTextArticle, curie(root, x.Article))
		out.Section = append(out.Section, x.Section)
		out.ExtractionRule = append(out.ExtractionRule, x.Rule)
		hasItem = hasItem || x.Item != ""
	}
	if !hasItem {
		out.SupportingTextItem = nil
	}
	pubs := make([]string, 0, len(e.pubs))
	for p := range e.pubs {
		pubs = append(pubs, curie(root, p))
	}
	slices.Sort(pubs)
	out.Publications = pubs
	return out
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
