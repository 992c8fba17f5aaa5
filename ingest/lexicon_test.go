package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/healthkg/healthkg/schema"
)

func loadDefaultLexicon(t *testing.T) *Lexicon {
	t.Helper()
	lx, err := DefaultLexicon()
	if err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
	return lx
}

func TestLexiconLoads(t *testing.T) {
	lx := loadDefaultLexicon(t)
	perClass := map[schema.Class]int{}
	for _, e := range lx.entries {
		perClass[e.Class]++
		if strings.TrimSpace(e.Label) == "" {
			t.Errorf("entry without a label: %+v", e)
		}
	}
	// every class file contributes entries
	for _, c := range lexiconFiles {
		if perClass[c] == 0 {
			t.Errorf("no %s entries", c)
		}
	}
	// one file per class, each sorted by label (code-point order), as the
	// README asks
	names, err := filepath.Glob("lexicon/*.jsonl")
	if err != nil || len(names) != len(lexiconFiles) {
		t.Fatalf("lexicon files %v (%v), want one per class (%d)", names, err, len(lexiconFiles))
	}
	for _, name := range names {
		data, err := lexiconFS.ReadFile(filepath.ToSlash(name))
		if err != nil {
			t.Fatal(err)
		}
		one := &Lexicon{byKey: map[string]*Entry{}, root: &trieNode{}}
		if err := one.read(name, strings.NewReader(string(data)), lexiconFiles[strings.TrimSuffix(filepath.Base(name), ".jsonl")]); err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(one.entries); i++ {
			if one.entries[i-1].Label >= one.entries[i].Label {
				t.Errorf("%s: %q comes before %q (labels sorted, unique)", name, one.entries[i-1].Label, one.entries[i].Label)
			}
		}
	}
	// a label is found again under its own class
	for _, e := range lx.entries {
		if got := lx.Lookup(e.Class, e.Label); got != e {
			t.Errorf("Lookup(%s, %q) = %v, want the entry itself", e.Class, e.Label, got)
		}
	}
}

// TestLexiconTargets: every isa, jurisdiction and compounds target names an
// entry of the right class (by its label, as the README says).
func TestLexiconTargets(t *testing.T) {
	lx := loadDefaultLexicon(t)
	exists := func(c schema.Class, label string) bool {
		_, ok := lx.byKey[string(c)+"\x00"+schema.NormalizeKey(label)]
		return ok
	}
	for _, e := range lx.entries {
		if e.IsA != "" {
			if !exists(e.Class, e.IsA) {
				t.Errorf("%s %q: isa %q is not a %s label", e.Class, e.Label, e.IsA, e.Class)
			}
			if schema.NormalizeKey(e.IsA) == schema.NormalizeKey(e.Label) {
				t.Errorf("%s %q isa itself", e.Class, e.Label)
			}
		}
		if e.Jurisdiction != "" {
			if e.Class != schema.Organization {
				t.Errorf("%s %q: jurisdiction on a non-organization", e.Class, e.Label)
			}
			if !exists(schema.Place, e.Jurisdiction) {
				t.Errorf("%s %q: jurisdiction %q is not a Place label", e.Class, e.Label, e.Jurisdiction)
			}
		}
		for _, c := range e.Compounds {
			if e.Class != schema.Substance {
				t.Errorf("%s %q: compounds on a non-substance", e.Class, e.Label)
			}
			if !exists(schema.Compound, c) {
				t.Errorf("%s %q: compound %q is not a Compound label", e.Class, e.Label, c)
			}
		}
	}
	// isa forms no cycle
	for _, e := range lx.entries {
		seen := map[*Entry]bool{}
		for cur := e; cur != nil && cur.IsA != ""; cur = lx.byKey[string(cur.Class)+"\x00"+schema.NormalizeKey(cur.IsA)] {
			if seen[cur] {
				t.Errorf("%s %q: isa cycle", e.Class, e.Label)
				break
			}
			seen[cur] = true
		}
	}
}

// surfaceClash is a folded surface form that more than one entry uses.
type surfaceClash struct {
	form    string
	entries []*Entry
}

// lexiconClashes walks the matcher and returns the surface forms (after
// the folding of the matcher) that belong to more than one entry. Two
// acronyms clash only when they are written the same; an acronym and a
// case-insensitive form always clash, since the latter matches the former.
func lexiconClashes(lx *Lexicon) []surfaceClash {
	var out []surfaceClash
	var walk func(n *trieNode, path []string)
	walk = func(n *trieNode, path []string) {
		var es []*Entry
		for i, a := range n.terms {
			for _, b := range n.terms[i+1:] {
				if a.entry == b.entry || a.exact != nil && b.exact != nil && !equalStrings(a.exact, b.exact) {
					continue
				}
				for _, e := range []*Entry{a.entry, b.entry} {
					if !containsEntry(es, e) {
						es = append(es, e)
					}
				}
			}
		}
		if len(es) > 0 {
			out = append(out, surfaceClash{form: strings.Join(path, " "), entries: es})
		}
		keys := make([]string, 0, len(n.next))
		for k := range n.next {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			walk(n.next[k], append(path, k))
		}
	}
	walk(lx.root, nil)
	return out
}

// TestLexiconSynonymsUnique: no surface form belongs to two entries of the
// same class; across classes the shared forms are reported (the README
// allows a few homographs, such as sedative/sedatives).
func TestLexiconSynonymsUnique(t *testing.T) {
	// the check itself finds a clash, and tells acronyms apart
	probe := &Lexicon{byKey: map[string]*Entry{}, root: &trieNode{}}
	if err := probe.read("probe", strings.NewReader(`{"class": "Form", "label": "pill", "synonyms": ["PR"]}
{"class": "Form", "label": "tablet", "synonyms": ["pills", "Pr"]}
{"class": "Form", "label": "patch", "synonyms": ["PR", "Patches"]}
{"class": "Form", "label": "alpha", "synonyms": ["ACT"]}
{"class": "Form", "label": "beta", "synonyms": ["ACTS"]}
`), ""); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range lexiconClashes(probe) {
		var ls []string
		for _, e := range c.entries {
			ls = append(ls, e.Label)
		}
		sort.Strings(ls)
		got = append(got, c.form+"="+strings.Join(ls, ","))
	}
	if want := []string{"pill=pill,tablet", "pr=patch,pill,tablet"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("clashes of the probe lexicon: %q, want %q", got, want)
	}

	lx := loadDefaultLexicon(t)
	var across []string
	for _, c := range lexiconClashes(lx) {
		byClass := map[schema.Class][]string{}
		var desc []string
		for _, e := range c.entries {
			byClass[e.Class] = append(byClass[e.Class], e.Label)
			desc = append(desc, fmt.Sprintf("%s %q", e.Class, e.Label))
		}
		sort.Strings(desc)
		key := c.form + ": " + strings.Join(desc, ", ")
		same := false
		for cl, labels := range byClass {
			if len(labels) > 1 {
				same = true
				t.Errorf("surface form %q belongs to %d %s entries: %q", c.form, len(labels), cl, labels)
			}
		}
		if !same {
			across = append(across, key)
		}
	}
	sort.Strings(across)
	if len(across) > 0 {
		t.Logf("%d surface forms are shared across classes (allowed, reported):\n  %s", len(across), strings.Join(across, "\n  "))
	}
}

func mentionLabels(lx *Lexicon, text string, class schema.Class) []string {
	var out []string
	for _, m := range lx.Find(text, 0) {
		if e := m.Entry(class); e != nil {
			out = append(out, e.Label)
		}
	}
	return out
}

func TestLexiconMatching(t *testing.T) {
	lx := loadDefaultLexicon(t)
	for _, c := range []struct {
		text  string
		class schema.Class
		want  []string
	}{
		// acronyms are case-sensitive
		{"Kratom is popular in the US.", schema.Place, []string{"United States"}},
		{"Many of us use it.", schema.Place, nil},
		{"The FDA has not approved it.", schema.Organization, []string{"U.S. Food and Drug Administration"}},
		{"The fda has not approved it.", schema.Organization, nil},
		{"CBD oil", schema.Compound, nil}, // "CBD oil" is the substance
		{"some CBD", schema.Compound, []string{"CBD"}},
		{"some cbd", schema.Compound, nil},
		// a form with a lower-case letter matches in any case
		{"NSAIDS and nsaids", schema.Substance, []string{"NSAIDs", "NSAIDs"}},
		// plurals fold both ways: singular labels match plural text...
		{"capsules and tablets", schema.Form, []string{"capsule", "tablet"}},
		{"gummies", schema.Form, []string{"gummy"}},
		// ...and plural labels match singular text
		{"an opioid", schema.Substance, []string{"opioids"}},
		{"a heavy metal", schema.Contaminant, []string{"heavy metals"}},
		// "ss", "us", "is" endings are not plurals
		{"dizziness", schema.Condition, []string{"dizziness"}},
		{"arthritis", schema.Condition, []string{"arthritis"}},
		// the longest match wins
		{"chronic low back pain", schema.Condition, []string{"chronic low back pain"}},
		// a word glued to a prefix by a hyphen is not a mention
		{"anti-seizure medicines", schema.Condition, nil},
	} {
		got := mentionLabels(lx, c.text, c.class)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Find(%q) %s = %q, want %q", c.text, c.class, got, c.want)
		}
	}
	for _, c := range []struct {
		class      schema.Class
		name, want string
	}{
		{schema.Form, "capsules", "capsule"},
		{schema.Form, "capsule", "capsule"},
		{schema.Substance, "opioid", "opioids"},
		{schema.Substance, "Opioids", "opioids"},
		{schema.Condition, "headaches", "headache"},
		{schema.Condition, "Diarrhoea", "diarrhea"},
		{schema.Place, "US", "United States"},
		{schema.Place, "us", ""},
		{schema.Substance, "herbal tea with honey", ""},
	} {
		got := ""
		if e := lx.Lookup(c.class, c.name); e != nil {
			got = e.Label
		}
		if got != c.want {
			t.Errorf("Lookup(%s, %q) = %q, want %q", c.class, c.name, got, c.want)
		}
	}
	for _, w := range []struct{ in, out string }{
		{"capsules", "capsule"}, {"therapies", "therapy"}, {"gummies", "gummy"}, {"dizziness", "dizziness"},
		{"virus", "virus"}, {"arthritis", "arthritis"}, {"gas", "gas"}, {"ties", "tie"}, {"Pains", "pain"},
	} {
		if got := normWord(w.in); got != w.out {
			t.Errorf("normWord(%q) = %q, want %q", w.in, got, w.out)
		}
	}
}

// TestLexiconPunctuation: a surface form matches across the punctuation it
// contains ("rest, ice, compression and elevation"), but not across
// punctuation it does not have.
func TestLexiconPunctuation(t *testing.T) {
	lx := loadDefaultLexicon(t)
	if got := mentionLabels(lx, "Try rest, ice, compression and elevation first.", schema.Treatment); len(got) != 1 || got[0] != "RICE" {
		t.Errorf("RICE spelt out: %q", got)
	}
	if got := mentionLabels(lx, "kratom has opioid-like effects", schema.Effect); len(got) != 1 || got[0] != "opioid-like effects" {
		t.Errorf("opioid-like effects: %q", got)
	}
	t.Run("comma", func(t *testing.T) {
		got := mentionLabels(lx, "Opioids, like kratom, cause nausea.", schema.Effect)
		if len(got) > 0 {
			t.Errorf("Find spans the comma in %q and finds the effect %q", "Opioids, like kratom", got)
		}
	})
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLexiconLoadFile(t *testing.T) {
	lx := loadDefaultLexicon(t)
	n := len(lx.entries)
	kratom := lx.Lookup(schema.Substance, "kratom")
	if kratom == nil {
		t.Fatal("no kratom in the embedded lexicon")
	}
	isa := kratom.IsA
	for _, l := range []string{"corydalis", "yanhusuo", "krathom"} {
		if lx.Lookup(schema.Substance, l) != nil {
			t.Fatalf("%q is already in the embedded lexicon: pick another name for this test", l)
		}
	}
	if lx.Lookup(schema.Condition, "kratom hepatitis") != nil {
		t.Fatal("kratom hepatitis is already in the embedded lexicon")
	}
	file := writeFile(t, "user.jsonl", `# my additions
{"class": "Substance", "label": "corydalis", "synonyms": ["yanhusuo", "Corydalis yanhusuo"]}

// an extension of an embedded entry
{"class": "Substance", "label": "Kratom", "synonyms": ["krathom"]}
{"class": "Condition", "label": "kratom hepatitis", "isa": "hepatitis", "kind": "disease"}
`)
	if err := lx.LoadFile(file); err != nil {
		t.Fatal(err)
	}
	if len(lx.entries) != n+2 {
		t.Errorf("%d entries after the user file, want %d (two new, one extended)", len(lx.entries), n+2)
	}
	if e := lx.Lookup(schema.Substance, "yanhusuo"); e == nil || e.Label != "corydalis" {
		t.Errorf("Lookup(yanhusuo) = %v, want the new entry corydalis", e)
	}
	if got := mentionLabels(lx, "Some take Corydalis yanhusuo root.", schema.Substance); len(got) != 1 || got[0] != "corydalis" {
		t.Errorf("Find(Corydalis yanhusuo) = %q, want corydalis", got)
	}
	if e := lx.Lookup(schema.Substance, "krathom"); e != kratom {
		t.Errorf("Lookup(krathom) = %v, want the embedded kratom entry, extended", e)
	}
	if got := mentionLabels(lx, "Krathom is a plant.", schema.Substance); len(got) != 1 || got[0] != "kratom" {
		t.Errorf("Find(Krathom) = %q, want kratom", got)
	}
	if kratom.IsA != isa {
		t.Errorf("kratom isa %q after an extension without isa, want %q kept", kratom.IsA, isa)
	}
	// the old synonyms still match
	if e := lx.Lookup(schema.Substance, "Mitragyna speciosa"); e != kratom {
		t.Errorf("Lookup(Mitragyna speciosa) = %v after the extension", e)
	}
	if e := lx.Lookup(schema.Condition, "kratom hepatitis"); e == nil || e.IsA != "hepatitis" || e.Kind != "disease" {
		t.Errorf("Lookup(kratom hepatitis) = %+v", e)
	}

	// through the Extractor: the user synonym is read in an article
	x, err := New(schema.Minter{}, file)
	if err != nil {
		t.Fatal(err)
	}
	a, err := x.Ingest("user.txt", []byte("Krathom Facts\n\nKrathom can cause nausea.\n"), "", "text")
	if err != nil {
		t.Fatal(err)
	}
	c := ruleCase{want: []string{"kratom hasSideEffect nausea | hedged"}}
	for _, b := range checkCase(t, c, a) {
		t.Error(b)
	}
	if e := entityByLabel(a, schema.Substance, "kratom"); e == nil || !hasSynonym(e, "Krathom") {
		t.Errorf("kratom entity %+v should record the surface form Krathom", e)
	}
}

func TestLexiconLoadFileErrors(t *testing.T) {
	for _, c := range []struct {
		name, content, want string
	}{
		{"syntax", "{\"class\": \"Substance\", \"label\": \"a\"}\n\n# comment\n{\"class\": \"Substance\", \"label\": \n", ":4: "},
		{"unknown-field", "{\"class\": \"Substance\", \"label\": \"a\", \"colour\": \"blue\"}\n", ":1: "},
		{"unknown-class", "// c\n{\"class\": \"Drug\", \"label\": \"a\"}\n", ":2: unknown class"},
		{"no-class", "{\"label\": \"a\"}\n", ":1: unknown class"},
		{"no-label", "{\"class\": \"Substance\", \"label\": \"  \"}\n", ":1: entry without a label"},
		{"not-an-object", "[1, 2]\n", ":1: "},
		{"wrong-type", "{\"class\": \"Substance\", \"label\": \"a\", \"synonyms\": \"b\"}\n", ":1: "},
		{"xref-no-source", "{\"class\": \"Substance\", \"label\": \"a\", \"xrefs\": [{\"id\": \"wikidata:Q42\"}]}\n", ":1: \"a\": xref \"wikidata:Q42\": no source"},
		{"xref-unknown-scheme", "{\"class\": \"Substance\", \"label\": \"a\", \"xrefs\": [{\"id\": \"umls:C0001\", \"source\": \"me\"}]}\n", ":1: \"a\": xref \"umls:C0001\": want"},
		{"xref-bad-shape", "\n{\"class\": \"Compound\", \"label\": \"a\", \"xrefs\": [{\"id\": \"chebi:CHEBI_1\", \"source\": \"me\"}]}\n", ":2: \"a\": xref \"chebi:CHEBI_1\": not a chebi identifier"},
		{"xref-mesh-shape", "{\"class\": \"Condition\", \"label\": \"a\", \"xrefs\": [{\"id\": \"mesh:Q000009\", \"source\": \"me\"}]}\n", ":1: \"a\": xref \"mesh:Q000009\": not a mesh"},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := writeFile(t, c.name+".jsonl", c.content)
			lx := loadDefaultLexicon(t)
			err := lx.LoadFile(file)
			if err == nil {
				t.Fatalf("no error for %q", c.content)
			}
			if !strings.Contains(err.Error(), file+c.want) {
				t.Errorf("error %q does not name %s%s", err, file, c.want)
			}
			// New reports the same error
			if _, err := New(schema.Minter{}, file); err == nil || !strings.Contains(err.Error(), file+c.want) {
				t.Errorf("New: error %v does not name %s%s", err, file, c.want)
			}
		})
	}
	lx := loadDefaultLexicon(t)
	if err := lx.LoadFile(filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("no error for a missing file")
	}
}
