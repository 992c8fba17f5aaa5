package export

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

// SchemaOrgContext is the context of the schema.org documents: inline, so
// that no processor has to fetch https://schema.org.
var SchemaOrgContext = map[string]any{"@vocab": "https://schema.org/"}

// adverse are the predicates whose objects are adverse outcomes of using a
// substance.
var adverse = map[schema.Predicate]bool{schema.HasSideEffect: true, schema.HasLongTermSideEffect: true, schema.HasWithdrawalSymptom: true}

// SchemaOrg returns the schema.org JSON-LD of an article, for a
// <script type="application/ld+json"> element of its web page:
//
//   - a MedicalWebPage (name, url when the source is a web address, about:
//     the substances the article makes statements about, mentions: every
//     entity, citation: the references as ScholarlyArticle or CreativeWork
//     with author, datePublished and periodical, hasPart: its claims);
//   - each substance as a Drug, or a DietarySupplement when the article
//     says it is a supplement, with alternateName, activeIngredient (its
//     compounds), mechanismOfAction (what it acts on) and legalStatus
//     (DrugLegalStatus with applicableLocation);
//   - its adverse effects on "<substance> use", a TherapeuticProcedure
//     (schema.org has adverseOutcome only on TherapeuticProcedure and
//     MedicalDevice), as MedicalSignOrSymptom; denied effects are left out;
//   - each claim as a Claim whose appearance is the page.
//
// The output is deterministic (nodes sorted by @id, keys sorted).
func SchemaOrg(a *schema.Article) ([]byte, error) {
	ents := map[string]*schema.Entity{}
	for i := range a.Entities {
		ents[a.Entities[i].IRI] = &a.Entities[i]
	}
	label := func(iri string) string {
		if e := ents[iri]; e != nil {
			return e.Label
		}
		return ""
	}
	type substance struct {
		e                         *schema.Entity
		supplement                bool
		compounds, acts, outcomes []string
		statuses                  []map[string]any
		statements                int
	}
	subs := map[string]*substance{}
	sub := func(iri string) *substance {
		e := ents[iri]
		if e == nil || e.Class != schema.Substance {
			return nil
		}
		if subs[iri] == nil {
			subs[iri] = &substance{e: e}
		}
		return subs[iri]
	}
	for _, st := range a.Statements {
		s := sub(st.Subject)
		if s == nil || st.Negated {
			continue
		}
		s.statements++
		o := label(st.Object)
		switch {
		case st.Predicate == schema.HasActiveCompound && o != "":
			s.compounds = append(s.compounds, o)
		case st.Predicate == schema.ActsOn && o != "":
			s.acts = append(s.acts, o)
		case adverse[st.Predicate] && o != "":
			s.outcomes = append(s.outcomes, o)
		case st.Predicate == schema.IsA && strings.Contains(strings.ToLower(o), "supplement"):
			s.supplement = true
		case st.Predicate == schema.HasLegalStatus:
			if e := ents[st.Object]; e != nil {
				ls := map[string]any{"@type": "DrugLegalStatus", "name": e.Label}
				if j := label(e.Jurisdiction); j != "" {
					ls["applicableLocation"] = map[string]any{"@type": "AdministrativeArea", "name": j}
				}
				s.statuses = append(s.statuses, ls)
			}
		}
	}
	var nodes []map[string]any
	page := map[string]any{"@type": "MedicalWebPage", "@id": a.IRI, "name": a.Title}
	if strings.HasPrefix(a.Source, "http://") || strings.HasPrefix(a.Source, "https://") {
		page["url"] = a.Source
	}
	var about, mentions, parts, cites []map[string]any
	subIRIs := make([]string, 0, len(subs))
	for iri := range subs {
		subIRIs = append(subIRIs, iri)
	}
	sort.Strings(subIRIs)
	for _, iri := range subIRIs {
		s := subs[iri]
		typ := "Drug"
		if s.supplement {
			typ = "DietarySupplement"
		}
		n := map[string]any{"@type": typ, "@id": iri, "name": s.e.Label}
		if len(s.e.Synonyms) > 0 {
			n["alternateName"] = uniqSorted(s.e.Synonyms)
		}
		if len(s.compounds) > 0 {
			n["activeIngredient"] = strings.Join(uniqSorted(s.compounds), ", ")
		}
		if len(s.acts) > 0 {
			n["mechanismOfAction"] = "Acts on: " + strings.Join(uniqSorted(s.acts), ", ") + "."
		}
		if len(s.statuses) > 0 {
			n["legalStatus"] = s.statuses
		}
		nodes = append(nodes, n)
		if len(s.outcomes) > 0 {
			use := map[string]any{"@type": "TherapeuticProcedure", "@id": iri + "#use", "name": s.e.Label + " use"}
			var outs []map[string]any
			for _, o := range uniqSorted(s.outcomes) {
				outs = append(outs, map[string]any{"@type": "MedicalSignOrSymptom", "name": o})
			}
			use["adverseOutcome"] = outs
			if typ == "Drug" {
				use["drug"] = map[string]any{"@id": iri}
			}
			nodes = append(nodes, use)
			mentions = append(mentions, map[string]any{"@id": iri + "#use"})
		}
		if s.statements > 0 {
			about = append(about, map[string]any{"@id": iri})
		} else {
			mentions = append(mentions, map[string]any{"@id": iri})
		}
	}
	for _, e := range a.Entities {
		if e.Class == schema.Condition {
			mentions = append(mentions, map[string]any{"@type": "MedicalCondition", "@id": e.IRI, "name": e.Label})
		}
	}
	for _, r := range a.References {
		typ := "CreativeWork"
		if r.Venue != "" && (r.Type == "" || strings.Contains(r.Type, "journal")) {
			typ = "ScholarlyArticle"
		}
		c := map[string]any{"@type": typ, "@id": r.IRI}
		name := r.Title
		if name == "" {
			name = r.Raw
		}
		c["name"] = name
		var authors []map[string]any
		for _, au := range r.Authors {
			authors = append(authors, map[string]any{"@type": "Person", "name": au})
		}
		if r.Organization != "" {
			authors = append(authors, map[string]any{"@type": "Organization", "name": r.Organization})
		}
		if len(authors) > 0 {
			c["author"] = authors
		}
		if r.Year > 0 {
			c["datePublished"] = strconv.Itoa(r.Year)
		}
		switch {
		case typ == "ScholarlyArticle":
			c["isPartOf"] = map[string]any{"@type": "Periodical", "name": r.Venue}
		case r.Venue != "" || r.Publisher != "":
			p := r.Publisher
			if p == "" {
				p = r.Venue
			}
			c["publisher"] = map[string]any{"@type": "Organization", "name": p}
		}
		if r.URL != "" {
			c["url"] = r.URL
		}
		cites = append(cites, c)
	}
	for _, c := range a.Claims {
		nodes = append(nodes, map[string]any{"@type": "Claim", "@id": c.IRI, "text": c.Text, "appearance": map[string]any{"@id": a.IRI}})
		parts = append(parts, map[string]any{"@id": c.IRI})
	}
	if len(about) > 0 {
		page["about"] = about
	}
	if len(mentions) > 0 {
		page["mentions"] = mentions
	}
	if len(cites) > 0 {
		page["citation"] = cites
	}
	if len(parts) > 0 {
		page["hasPart"] = parts
	}
	nodes = append(nodes, page)
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i]["@id"].(string) < nodes[j]["@id"].(string) })
	doc := map[string]any{"@context": SchemaOrgContext, "@graph": nodes}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SchemaOrgSnippet wraps a schema.org JSON-LD document in a script element
// ready to paste into a page. Every <, > and & of the JSON (inside strings,
// the only place they can be) is written as a \u escape, so no text of the
// article ("</script>", "<!--") can end the element or open a comment; the
// JSON means the same.
func SchemaOrgSnippet(doc []byte) []byte {
	var b bytes.Buffer
	b.WriteString(`<script type="application/ld+json">` + "\n")
	json.HTMLEscape(&b, bytes.TrimSpace(doc))
	b.WriteString("\n</script>\n")
	return b.Bytes()
}

func uniqSorted(l []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range l {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
