package schema

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// OntologyIRI is the IRI of the vocabulary as an ontology (the namespace
// without its '#').
const OntologyIRI = "https://w3id.org/healthkg/vocab"

// CertaintyLevelC is the class of the certainty levels (individuals
// hkg:asserted, hkg:hedged, hkg:speculative, hkg:negated).
const CertaintyLevelC Class = "CertaintyLevel"

// certaintyComments document the certainty levels.
var certaintyComments = map[Certainty]string{
	Asserted:    "The text states it as a fact.",
	Hedged:      "The text puts it forward with a hedge (may, can, is thought to).",
	Speculative: "The text puts it forward as a possibility, a report or an open question (some research suggests).",
	Negated:     "The text denies it.",
}

// objectPropertyRanges are the ranges of the object properties of
// Properties (the table has datatypes only).
var objectPropertyRanges = map[string]Class{
	PCertainty:    CertaintyLevelC,
	PEvidence:     EvidenceC,
	PArticle:      ArticleC,
	PSupportedBy:  ReferenceC,
	PAgency:       Organization,
	PJurisdiction: Place,
	PPopulation:   Population,
}

// annotationParents are the super-properties that make a property an
// owl:AnnotationProperty (SKOS labels are annotation properties).
var annotationParents = []string{"skos:altLabel", "skos:prefLabel", "skos:hiddenLabel", "rdfs:label"}

// ttlDoc builds Turtle text and records the prefixes it uses.
type ttlDoc struct {
	b    strings.Builder
	used map[string]bool
}

// name writes a CURIE of a known prefix as a prefixed name (or as <IRI>
// when the local part is not a plain name), a full IRI as <IRI>.
func (d *ttlDoc) name(curie string) string {
	if i := strings.Index(curie, ":"); i > 0 {
		p, local := curie[:i], curie[i+1:]
		if _, ok := Prefixes[p]; ok {
			if plainLocal(local) {
				d.used[p] = true
				return curie
			}
			return "<" + Prefixes[p] + local + ">"
		}
	}
	if err := CheckIRI(curie); err != nil {
		panic(fmt.Sprintf("schema: ontology: %v", err))
	}
	return "<" + curie + ">"
}

func plainLocal(s string) bool {
	if s == "" || s[0] == '-' || s[0] == '.' || s[len(s)-1] == '.' {
		return false
	}
	for _, r := range s {
		if !(r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

// quoted writes s as a Turtle string with an English language tag.
func quoted(s string) string { return turtleString(s) + "@en" }

func turtleString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// subject writes one subject with its predicate-object lists, in order.
func (d *ttlDoc) subject(s string, pos [][2]string) {
	d.b.WriteString(s)
	for i, po := range pos {
		if i == 0 {
			d.b.WriteString(" ")
		} else {
			d.b.WriteString(" ;\n    ")
		}
		d.b.WriteString(po[0] + " " + po[1])
	}
	d.b.WriteString(" .\n\n")
}

// list joins names with ", ".
func (d *ttlDoc) list(curies []string) string {
	out := make([]string, len(curies))
	for i, c := range curies {
		out[i] = d.name(c)
	}
	return strings.Join(out, ", ")
}

// classExpr is one class or an owl:unionOf of several.
func (d *ttlDoc) classExpr(cs []Class) string {
	if len(cs) == 1 {
		return d.name("hkg:" + string(cs[0]))
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = d.name("hkg:" + string(c))
	}
	return "[ a " + d.name("owl:Class") + " ; " + d.name("owl:unionOf") + " ( " + strings.Join(names, " ") + " ) ]"
}

// withBiolink appends the Biolink mapping to the close matches unless it
// is already a close match or a parent.
func withBiolink(biolink string, close, parents []string) []string {
	out := slices.Clone(close)
	if biolink != "" && biolink != "biolink:related_to" && !slices.Contains(out, biolink) && !slices.Contains(parents, biolink) {
		out = append(out, biolink)
	}
	return out
}

// Label turns a local name into words: itemStart -> "item start".
func wordsOf(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) && i > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Ontology renders the vocabulary (Classes, Predicates, Properties and the
// certainty levels) as an OWL ontology in Turtle, version IRIScheme. The
// output depends only on the tables: schema/healthkg.ttl is its golden copy.
func Ontology() string {
	d := &ttlDoc{used: map[string]bool{}}
	ont := "<" + OntologyIRI + ">"
	defBy := [2]string{d.name("rdfs:isDefinedBy"), ont}

	d.subject(ont, [][2]string{
		{"a", d.name("owl:Ontology")},
		{d.name("rdfs:label"), quoted("healthkg vocabulary")},
		{d.name("rdfs:comment"), quoted("Classes and properties of healthkg, a knowledge graph extracted from health articles: " +
			"entities, statements with their certainty and evidence, claims and references, mapped to Biolink, schema.org, CiTO, PROV-O and the W3C Web Annotation model.")},
		{d.name("owl:versionInfo"), turtleString(IRIScheme)},
		{d.name("owl:versionIRI"), "<" + OntologyIRI + "/" + IRIScheme + ">"},
		{d.name("dcterms:title"), quoted("healthkg vocabulary")},
	})

	d.b.WriteString("# Classes\n\n")
	for _, c := range Classes {
		pos := [][2]string{
			{"a", d.name("owl:Class")},
			{d.name("rdfs:label"), quoted(c.Label)},
			{d.name("rdfs:comment"), quoted(c.Comment)},
			defBy,
		}
		if len(c.SubClassOf) > 0 {
			pos = append(pos, [2]string{d.name("rdfs:subClassOf"), d.list(c.SubClassOf)})
		}
		if len(c.Equivalent) > 0 {
			pos = append(pos, [2]string{d.name("owl:equivalentClass"), d.list(c.Equivalent)})
		}
		if cm := withBiolink(c.Biolink, c.CloseMatch, append(slices.Clone(c.SubClassOf), c.Equivalent...)); len(cm) > 0 {
			pos = append(pos, [2]string{d.name("skos:closeMatch"), d.list(cm)})
		}
		d.subject(d.name("hkg:"+string(c.Class)), pos)
	}

	d.b.WriteString("# Certainty levels\n\n")
	levels := make([]string, len(Certainties))
	for i, c := range Certainties {
		levels[i] = d.name(Compact(c.IRI()))
	}
	d.subject(d.name("hkg:"+string(CertaintyLevelC)), [][2]string{
		{"a", d.name("owl:Class")},
		{d.name("rdfs:label"), quoted("certainty level")},
		{d.name("rdfs:comment"), quoted("How firmly a text puts a statement or claim forward: asserted > hedged > speculative; negated when the text denies it.")},
		defBy,
		{d.name("owl:oneOf"), "( " + strings.Join(levels, " ") + " )"},
	})
	for _, c := range Certainties {
		d.subject(d.name(Compact(c.IRI())), [][2]string{
			{"a", d.list([]string{"owl:NamedIndividual", "hkg:" + string(CertaintyLevelC)})},
			{d.name("rdfs:label"), quoted(string(c))},
			{d.name("rdfs:comment"), quoted(certaintyComments[c])},
			defBy,
		})
	}

	d.b.WriteString("# Relations (the predicates of statements)\n\n")
	for _, p := range Predicates {
		pos := [][2]string{
			{"a", d.name("owl:ObjectProperty")},
			{d.name("rdfs:label"), quoted(p.Label)},
			{d.name("rdfs:comment"), quoted(p.Comment)},
			defBy,
		}
		if len(p.Domain) > 0 {
			pos = append(pos, [2]string{d.name("rdfs:domain"), d.classExpr(p.Domain)})
		}
		if len(p.Range) > 0 {
			pos = append(pos, [2]string{d.name("rdfs:range"), d.classExpr(p.Range)})
		}
		if len(p.SubPropertyOf) > 0 {
			pos = append(pos, [2]string{d.name("rdfs:subPropertyOf"), d.list(p.SubPropertyOf)})
		}
		if cm := withBiolink(p.Biolink, p.CloseMatch, p.SubPropertyOf); len(cm) > 0 {
			pos = append(pos, [2]string{d.name("skos:closeMatch"), d.list(cm)})
		}
		d.subject(d.name(p.CURIE()), pos)
	}

	d.b.WriteString("# Properties of statements, evidence, claims, references, quantities and articles\n\n")
	for _, p := range Properties {
		kind := "owl:DatatypeProperty"
		switch {
		case p.Datatype == "":
			kind = "owl:ObjectProperty"
		case slices.ContainsFunc(p.SubPropertyOf, func(s string) bool { return slices.Contains(annotationParents, s) }):
			kind = "owl:AnnotationProperty"
		}
		pos := [][2]string{
			{"a", d.name(kind)},
			{d.name("rdfs:label"), quoted(wordsOf(p.Name))},
			{d.name("rdfs:comment"), quoted(p.Comment)},
			defBy,
		}
		if p.Datatype != "" {
			pos = append(pos, [2]string{d.name("rdfs:range"), d.name("xsd:" + p.Datatype)})
		} else if r, ok := objectPropertyRanges[p.Name]; ok {
			pos = append(pos, [2]string{d.name("rdfs:range"), d.name("hkg:" + string(r))})
		}
		if len(p.SubPropertyOf) > 0 {
			pos = append(pos, [2]string{d.name("rdfs:subPropertyOf"), d.list(p.SubPropertyOf)})
		}
		d.subject(d.name("hkg:"+p.Name), pos)
	}

	var head strings.Builder
	prefixes := make([]string, 0, len(d.used))
	for p := range d.used {
		prefixes = append(prefixes, p)
	}
	slices.Sort(prefixes)
	for _, p := range prefixes {
		fmt.Fprintf(&head, "@prefix %s: <%s> .\n", p, Prefixes[p])
	}
	head.WriteString("\n")
	return head.String() + strings.TrimSuffix(d.b.String(), "\n")
}

// VocabularyMarkdown renders docs/vocabulary.md: the namespaces, the IRI
// scheme, and tables of the classes, certainty levels, relations and
// properties, all from the tables (a test keeps the file in step).
func VocabularyMarkdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	cell := func(s string) string { return strings.ReplaceAll(strings.ReplaceAll(s, "|", `\|`), "\n", " ") }
	codes := func(ss []string) string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = "`" + s + "`"
		}
		return strings.Join(out, ", ")
	}
	classes := func(cs []Class) string {
		out := make([]string, len(cs))
		for i, c := range cs {
			out[i] = "`hkg:" + string(c) + "`"
		}
		return strings.Join(out, " or ")
	}

	w("# healthkg vocabulary (%s)\n\n", IRIScheme)
	w("<!-- Generated from schema/vocab.go by schema.VocabularyMarkdown; `go test ./schema -update` rewrites it. -->\n\n")
	w("The vocabulary lives in the namespace `%s` (prefix `hkg:`); the ontology `%s` (version `%s`) is\n", VocabNS, OntologyIRI, IRIScheme)
	w("[schema/healthkg.ttl](../schema/healthkg.ttl) and the JSON-LD context is [schema/context.jsonld](../schema/context.jsonld).\n\n")

	w("## IRIs of instances\n\n")
	w("Instances are minted by `schema.Minter` under a base, `%s` by default, followed by the version of the\n", DefaultBase)
	w("minting scheme (`%s`): every IRI starts with the root `%s%s/`, abbreviated `%s:` in JSON-LD\n", IRIScheme, DefaultBase, IRIScheme, InstancePrefix)
	w("and KGX (Turtle uses one prefix per kind, `substance:kratom`). A change of scheme changes the version segment, so old and new IRIs never mix silently.\n\n")
	w("| kind | IRI | identity |\n|---|---|---|\n")
	w("| entity | `%s:<class>/<slug>`, e.g. `%s:substance/kratom` | slug of the normalised label (NFKC, lower case, plain quotes and dashes); non-ASCII or long keys get a short SHA-256 suffix |\n", InstancePrefix, InstancePrefix)
	w("| article | `%s:article/<slug>` | slug of the source key (URL or corpus path) |\n", InstancePrefix)
	w("| article graph | `%s:graph/<slug>` | the named graph holding what the article says |\n", InstancePrefix)
	w("| statement | `%s:statement/<uuid>` | UUIDv5 of article IRI + statement key (subject, predicate, object, negated); also names the graph of the asserted triple |\n", InstancePrefix)
	w("| evidence | `%s:evidence/<uuid>` | UUIDv5 of statement IRI + offsets and rule |\n", InstancePrefix)
	w("| claim | `%s:claim/<uuid>` | UUIDv5 of the normalised claim text (the same words are one claim across articles) |\n", InstancePrefix)
	w("| reference | `%s:reference/<uuid>` | UUIDv5 of normalised title + year, or of the raw citation when there is no title |\n", InstancePrefix)
	w("| quantity | `%s:quantity/<uuid>` | UUIDv5 of article IRI + offsets |\n", InstancePrefix)
	w("| KGX edge | `%s:edge/<uuid>` | UUIDv5 of the statement key (across articles) |\n\n", InstancePrefix)
	w("The UUIDv5 namespace is the UUIDv5 (URL namespace) of the root, so another base gives other UUIDs.\n\n")

	w("## Namespaces\n\n| prefix | namespace |\n|---|---|\n")
	prefixes := make([]string, 0, len(Prefixes))
	for p := range Prefixes {
		prefixes = append(prefixes, p)
	}
	slices.Sort(prefixes)
	for _, p := range prefixes {
		w("| `%s:` | `%s` |\n", p, Prefixes[p])
	}
	w("| `%s:` | the instance root, `%s%s/` by default |\n\n", InstancePrefix, DefaultBase, IRIScheme)

	w("## Classes\n\n| class | label | Biolink category | mappings | comment |\n|---|---|---|---|---|\n")
	for _, c := range Classes {
		var maps []string
		if len(c.SubClassOf) > 0 {
			maps = append(maps, "subclass of "+codes(c.SubClassOf))
		}
		if len(c.Equivalent) > 0 {
			maps = append(maps, "equivalent to "+codes(c.Equivalent))
		}
		if len(c.CloseMatch) > 0 {
			maps = append(maps, "close match "+codes(c.CloseMatch))
		}
		w("| `hkg:%s` | %s | `%s` | %s | %s |\n", c.Class, cell(c.Label), c.Biolink, strings.Join(maps, "; "), cell(c.Comment))
	}
	w("\n## Certainty levels\n\nIndividuals of `hkg:%s`, the values of `hkg:certainty` (from the firmest):\n\n| level | meaning |\n|---|---|\n", CertaintyLevelC)
	for _, c := range Certainties {
		w("| `%s` | %s |\n", Compact(c.IRI()), cell(certaintyComments[c]))
	}
	w("\nA statement's certainty is the firmest among its evidence; a denied statement has certainty `hkg:Negated` and `hkg:negated true`, and its triple is never asserted.\n")

	w("\n## Relations\n\nThe predicates of statements. In the store each non-negated statement is also the triple `s p o` in the graph named by the statement; in KGX the edge predicate is the Biolink one and `original_predicate` is the `hkg:` one.\n\n")
	w("| predicate | label | domain | range | Biolink (KGX) | mappings | comment |\n|---|---|---|---|---|---|---|\n")
	for _, p := range Predicates {
		var maps []string
		if len(p.SubPropertyOf) > 0 {
			maps = append(maps, "subproperty of "+codes(p.SubPropertyOf))
		}
		if len(p.CloseMatch) > 0 {
			maps = append(maps, "close match "+codes(p.CloseMatch))
		}
		dom, rng := classes(p.Domain), classes(p.Range)
		if dom == "" {
			dom = "any"
		}
		if rng == "" {
			rng = "any"
		}
		w("| `%s` | %s | %s | %s | `%s` | %s | %s |\n", p.CURIE(), cell(p.Label), dom, rng, p.Biolink, strings.Join(maps, "; "), cell(p.Comment))
	}

	w("\n## Properties\n\nProperties of statements, evidence, claims, references, quantities, entities and articles.\n\n| property | range | mappings | comment |\n|---|---|---|---|\n")
	for _, p := range Properties {
		rng := "xsd:" + p.Datatype
		if p.Datatype == "" {
			rng = "IRI"
			if r, ok := objectPropertyRanges[p.Name]; ok {
				rng = "hkg:" + string(r)
			}
		}
		maps := ""
		if len(p.SubPropertyOf) > 0 {
			maps = "subproperty of " + codes(p.SubPropertyOf)
		}
		w("| `hkg:%s` | `%s` | %s | %s |\n", p.Name, rng, maps, cell(p.Comment))
	}

	w("\n## Exports\n\n")
	w("Package `export` writes the graph as one merged default graph in N-Triples, Turtle and JSON-LD, and with the\n")
	w("article and statement graphs in N-Quads. All are deterministic (sorted, byte-identical for the same data).\n\n")
	w("- N-Triples / N-Quads: canonical escaping (`\\\\ \\\" \\n \\r` as ECHAR, other control characters as `\\uXXXX`, everything else raw UTF-8), lines sorted.\n")
	w("- Turtle: `@prefix` header; instance IRIs as `substance:kratom`, `statement:<uuid>` (one prefix per kind under the root); literals always with their datatype.\n")
	w("- JSON-LD: compacted with the context above, embedded inline; nodes in `@graph` sorted by `@id`.\n")
	w("- KGX JSON Lines: nodes (entities, claims, references, articles; category = the Biolink category above) and edges\n")
	w("  (one per subject, predicate, object and negation across articles, with every piece of evidence in the aligned lists\n")
	w("  `supporting_text`, `supporting_text_item`, `supporting_text_location`, `supporting_text_article`, `section`, `extraction_rule`).\n")
	return b.String()
}
