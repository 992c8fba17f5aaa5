package rdfcheck

import (
	"strings"
	"testing"
)

func TestCheckSchemaOrg(t *testing.T) {
	good := `{"@context": {"@vocab": "https://schema.org/"}, "@graph": [
		{"@type": "MedicalWebPage", "@id": "x:page", "name": "p", "about": {"@id": "x:d"}, "citation": [{"@type": "ScholarlyArticle", "name": "a", "isPartOf": {"@type": "Periodical", "name": "J"}}]},
		{"@type": "Drug", "@id": "x:d", "activeIngredient": "m", "legalStatus": {"@type": "DrugLegalStatus", "name": "s", "applicableLocation": {"@type": "AdministrativeArea", "name": "UK"}}},
		{"@type": "TherapeuticProcedure", "@id": "x:u", "adverseOutcome": {"@type": "MedicalSignOrSymptom", "name": "nausea"}, "drug": {"@id": "x:d"}}]}`
	if ps := CheckSchemaOrg(t, []byte(good)); len(ps) != 0 {
		t.Errorf("a valid document: %v", ps)
	}
	bad := `{"@context": {"@vocab": "https://schema.org/"}, "@graph": [
		{"@type": "Drug", "@id": "x:d", "adverseOutcome": {"@type": "MedicalSignOrSymptom", "name": "nausea"}},
		{"@type": "Substancey", "@id": "x:s", "name": "n"},
		{"@type": "Drug", "@id": "x:e", "sideEffectz": "n"}]}`
	ps := strings.Join(CheckSchemaOrg(t, []byte(bad)), "\n")
	for _, want := range []string{`"adverseOutcome" is used on [Drug], outside its domain`, `"Substancey" is not a schema.org class`, `"sideEffectz" is not a schema.org property`} {
		if !strings.Contains(ps, want) {
			t.Errorf("missing problem %q in:\n%s", want, ps)
		}
	}
}
