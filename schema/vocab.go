package schema

// Namespaces used by the vocabulary and the data.
const (
	VocabNS = "https://w3id.org/healthkg/vocab#"
	// DefaultBase is where instance IRIs live unless configured otherwise.
	DefaultBase = "https://w3id.org/healthkg/id/"
	// IRIScheme is the version of the IRI minting scheme. It is part of
	// every minted IRI, so a change of scheme is visible, never silent.
	IRIScheme = "v1"

	RDF     = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS    = "http://www.w3.org/2000/01/rdf-schema#"
	XSD     = "http://www.w3.org/2001/XMLSchema#"
	OWL     = "http://www.w3.org/2002/07/owl#"
	SKOS    = "http://www.w3.org/2004/02/skos/core#"
	PROV    = "http://www.w3.org/ns/prov#"
	DCTERMS = "http://purl.org/dc/terms/"
	SDO     = "http://schema.org/"
	BIOLINK = "https://w3id.org/biolink/vocab/"
	CITO    = "http://purl.org/spar/cito/"
	OA      = "http://www.w3.org/ns/oa#"
	BIBO    = "http://purl.org/ontology/bibo/"
	NP      = "http://www.nanopub.org/nschema#"
)

// Prefixes maps a prefix to its namespace, for Turtle, JSON-LD and CURIEs.
var Prefixes = map[string]string{
	"hkg":     VocabNS,
	"rdf":     RDF,
	"rdfs":    RDFS,
	"xsd":     XSD,
	"owl":     OWL,
	"skos":    SKOS,
	"prov":    PROV,
	"dcterms": DCTERMS,
	"schema":  SDO,
	"biolink": BIOLINK,
	"cito":    CITO,
	"oa":      OA,
	"bibo":    BIBO,
	"np":      NP,
	// information resources of KGX provenance (infores:healthkg)
	"infores": "https://w3id.org/biolink/infores/",
	// external identifiers of lexicon entries (skos:exactMatch)
	"wikidata": "http://www.wikidata.org/entity/",
	"mesh":     "http://id.nlm.nih.gov/mesh/",
	"chebi":    "http://purl.obolibrary.org/obo/CHEBI_",
}

// Class is a class of the vocabulary, by local name.
type Class string

const (
	ArticleC     Class = "Article"
	Substance    Class = "Substance"
	Compound     Class = "Compound"
	Receptor     Class = "Receptor"
	Condition    Class = "Condition"
	Effect       Class = "Effect"
	Risk         Class = "Risk"
	Contaminant  Class = "Contaminant"
	LegalStatus  Class = "LegalStatus"
	Organization Class = "Organization"
	Place        Class = "Place"
	Form         Class = "Form"
	Strain       Class = "Strain"
	Treatment    Class = "Treatment"
	SalesChannel Class = "SalesChannel"
	Population   Class = "Population"
	ReferenceC   Class = "Reference"
	ClaimC       Class = "Claim"
	QuantityC    Class = "Quantity"
	StatementC   Class = "Statement"
	EvidenceC    Class = "Evidence"
)

// IRI is the class's full IRI.
func (c Class) IRI() string { return VocabNS + string(c) }

// ClassInfo documents a class and maps it to the standards.
type ClassInfo struct {
	Class
	Label, Comment string
	Biolink        string   // Biolink category CURIE
	Equivalent     []string // owl:equivalentClass (CURIEs)
	SubClassOf     []string // rdfs:subClassOf
	CloseMatch     []string // skos:closeMatch
}

// Classes lists the vocabulary's classes in a fixed order.
var Classes = []ClassInfo{
	{Class: ArticleC, Label: "article", Comment: "A health article: a web page or document that healthkg ingested.",
		Biolink: "biolink:Publication", SubClassOf: []string{"prov:Entity"}, CloseMatch: []string{"schema:MedicalWebPage", "schema:Article"}},
	{Class: Substance, Label: "substance", Comment: "A substance, drug, plant product or drug class taken by people.",
		Biolink: "biolink:ChemicalEntity", CloseMatch: []string{"schema:Drug", "schema:DietarySupplement", "biolink:ChemicalEntity"}},
	{Class: Compound, Label: "compound", Comment: "A chemical constituent of a substance, such as an alkaloid or a cannabinoid.",
		Biolink: "biolink:SmallMolecule", CloseMatch: []string{"schema:MolecularEntity", "biolink:SmallMolecule"}},
	{Class: Receptor, Label: "receptor", Comment: "A receptor or receptor system that a substance or compound acts on.",
		Biolink: "biolink:Protein", CloseMatch: []string{"biolink:Protein", "schema:Protein"}},
	{Class: Condition, Label: "condition", Comment: "A disease, symptom, adverse effect, withdrawal symptom or condition treated.",
		Biolink: "biolink:DiseaseOrPhenotypicFeature", CloseMatch: []string{"schema:MedicalCondition", "biolink:DiseaseOrPhenotypicFeature"}},
	{Class: Effect, Label: "effect", Comment: "A pharmacological, therapeutic or subjective effect or benefit.",
		Biolink: "biolink:PhenotypicFeature", CloseMatch: []string{"biolink:PhenotypicFeature"}},
	{Class: Risk, Label: "risk", Comment: "A risk that is not itself a symptom: interactions, contamination, use in pregnancy, unregulated quality.",
		Biolink: "biolink:Attribute", CloseMatch: []string{"biolink:Attribute"}},
	{Class: Contaminant, Label: "contaminant", Comment: "An agent that products were found contaminated with.",
		Biolink: "biolink:NamedThing", CloseMatch: []string{"biolink:NamedThing"}},
	{Class: LegalStatus, Label: "legal status", Comment: "A legal or regulatory status, with the agency, the jurisdiction and the status.",
		Biolink: "biolink:Attribute", CloseMatch: []string{"schema:DrugLegalStatus"}},
	{Class: Organization, Label: "organization", Comment: "An agency, institution or publisher.",
		Biolink: "biolink:Agent", Equivalent: []string{"schema:Organization"}, SubClassOf: []string{"prov:Agent"}},
	{Class: Place, Label: "place", Comment: "A country, region or jurisdiction.",
		Biolink: "biolink:GeographicLocation", CloseMatch: []string{"schema:Place", "schema:AdministrativeArea"}},
	{Class: Form, Label: "form", Comment: "A product or dosage form, or a route of use.",
		Biolink: "biolink:Attribute", CloseMatch: []string{"schema:DrugStrength"}},
	{Class: Strain, Label: "strain", Comment: "A named strain or variety of a plant substance.",
		Biolink: "biolink:NamedThing", CloseMatch: []string{"biolink:NamedThing"}},
	{Class: Treatment, Label: "treatment", Comment: "A therapy, drug class or intervention offered as a treatment.",
		Biolink: "biolink:Treatment", CloseMatch: []string{"schema:MedicalTherapy", "biolink:Treatment"}},
	{Class: SalesChannel, Label: "sales channel", Comment: "Where a product is sold.",
		Biolink: "biolink:NamedThing", CloseMatch: []string{"schema:Place"}},
	{Class: Population, Label: "population", Comment: "A group of people a statement or a number is about.",
		Biolink: "biolink:PopulationOfIndividualOrganisms", CloseMatch: []string{"schema:PeopleAudience", "biolink:PopulationOfIndividualOrganisms"}},
	{Class: ReferenceC, Label: "reference", Comment: "A work the article cites in its reference list.",
		Biolink: "biolink:Publication", SubClassOf: []string{"prov:Entity"}, CloseMatch: []string{"schema:CreativeWork", "bibo:Document"}},
	{Class: ClaimC, Label: "claim", Comment: "A statement of a finding in the article's words, with its certainty.",
		Biolink: "biolink:InformationContentEntity", CloseMatch: []string{"schema:Claim", "biolink:TextMiningStudyResult"}},
	{Class: QuantityC, Label: "quantity", Comment: "A number with its unit stated by the article.",
		Biolink: "biolink:Attribute", CloseMatch: []string{"schema:QuantitativeValue"}},
	{Class: StatementC, Label: "statement", Comment: "One extracted edge: its subject, predicate, object, certainty and evidence. Its IRI also names the graph holding the asserted triple.",
		Biolink: "biolink:Association", SubClassOf: []string{"rdf:Statement", "prov:Entity"}, CloseMatch: []string{"np:Assertion", "biolink:Association"}},
	{Class: EvidenceC, Label: "evidence", Comment: "A place in an article (a sentence and byte offsets) that supports a statement.",
		Biolink: "biolink:TextMiningStudyResult", SubClassOf: []string{"oa:TextPositionSelector"}, CloseMatch: []string{"biolink:TextMiningStudyResult"}},
}

// Predicate is a relation of the vocabulary, by local name.
type Predicate string

const (
	HasActiveCompound     Predicate = "hasActiveCompound"
	ActsOn                Predicate = "actsOn"
	HasEffect             Predicate = "hasEffect"
	UsedFor               Predicate = "usedFor"
	HasSideEffect         Predicate = "hasSideEffect"
	HasLongTermSideEffect Predicate = "hasLongTermSideEffect"
	HasWithdrawalSymptom  Predicate = "hasWithdrawalSymptom"
	HasRisk               Predicate = "hasRisk"
	HasContaminant        Predicate = "hasContaminant"
	InteractsWith         Predicate = "interactsWith"
	HasPrecaution         Predicate = "hasPrecaution"
	HasSymptom            Predicate = "hasSymptom"
	HasLegalStatus        Predicate = "hasLegalStatus"
	HasForm               Predicate = "hasForm"
	HasStrain             Predicate = "hasStrain"
	AlternativeTreatment  Predicate = "alternativeTreatment"
	NativeTo              Predicate = "nativeTo"
	UsedIn                Predicate = "usedIn"
	SoldAt                Predicate = "soldAt"
	IsA                   Predicate = "isA"
	Cites                 Predicate = "cites"
	Supports              Predicate = "supports"
)

// IRI is the predicate's full IRI.
func (p Predicate) IRI() string { return VocabNS + string(p) }

// CURIE is the predicate as "hkg:name".
func (p Predicate) CURIE() string { return "hkg:" + string(p) }

// PredicateInfo documents a predicate and maps it to the standards.
type PredicateInfo struct {
	Predicate
	Label, Comment string
	Domain, Range  []Class
	Biolink        string   // Biolink predicate CURIE used in KGX edges
	SubPropertyOf  []string // rdfs:subPropertyOf (CURIEs)
	CloseMatch     []string // skos:closeMatch (CURIEs)
}

// Predicates lists the relation predicates in a fixed order.
var Predicates = []PredicateInfo{
	{Predicate: HasActiveCompound, Label: "has active compound", Comment: "The substance contains this active chemical compound.",
		Domain: []Class{Substance}, Range: []Class{Compound}, Biolink: "biolink:has_active_ingredient",
		SubPropertyOf: []string{"biolink:has_active_ingredient"}, CloseMatch: []string{"schema:activeIngredient"}},
	{Predicate: ActsOn, Label: "acts on", Comment: "Binds to or works on this receptor or receptor system.",
		Domain: []Class{Substance, Compound}, Range: []Class{Receptor}, Biolink: "biolink:directly_physically_interacts_with",
		SubPropertyOf: []string{"biolink:directly_physically_interacts_with"}, CloseMatch: []string{"schema:mechanismOfAction"}},
	{Predicate: HasEffect, Label: "has effect", Comment: "A claimed benefit, pharmacological or subjective effect.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Effect}, Biolink: "biolink:affects",
		SubPropertyOf: []string{"biolink:affects"}},
	{Predicate: UsedFor, Label: "used for", Comment: "A claimed, traditional or reported use for a condition.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Condition}, Biolink: "biolink:treats_or_applied_or_studied_to_treat",
		SubPropertyOf: []string{"biolink:treats_or_applied_or_studied_to_treat"}, CloseMatch: []string{"schema:indication"}},
	{Predicate: HasSideEffect, Label: "has side effect", Comment: "An adverse or side effect, short-term or of unspecified duration.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Condition}, Biolink: "biolink:has_side_effect",
		SubPropertyOf: []string{"biolink:has_side_effect"}, CloseMatch: []string{"schema:adverseOutcome"}},
	{Predicate: HasLongTermSideEffect, Label: "has long-term side effect", Comment: "An adverse effect tied to long-term or prolonged use.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Condition}, Biolink: "biolink:has_side_effect",
		SubPropertyOf: []string{"hkg:hasSideEffect"}},
	{Predicate: HasWithdrawalSymptom, Label: "has withdrawal symptom", Comment: "A symptom on stopping or reducing the substance.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Condition}, Biolink: "biolink:has_adverse_event",
		SubPropertyOf: []string{"biolink:has_adverse_event"}},
	{Predicate: HasRisk, Label: "has risk", Comment: "A risk: addiction, dependence, interactions, contamination, pregnancy, death, overdose.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Risk, Condition}, Biolink: "biolink:associated_with",
		SubPropertyOf: []string{"biolink:associated_with"}},
	{Predicate: HasContaminant, Label: "has contaminant", Comment: "Products of the substance were found contaminated with this.",
		Domain: []Class{Substance, Compound}, Range: []Class{Contaminant}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"biolink:related_to"}},
	{Predicate: InteractsWith, Label: "interacts with", Comment: "A drug-drug or drug-substance interaction.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Substance, Compound}, Biolink: "biolink:interacts_with",
		SubPropertyOf: []string{"biolink:interacts_with"}, CloseMatch: []string{"schema:interactingDrug"}},
	{Predicate: HasPrecaution, Label: "has precaution", Comment: "A condition, co-medication or activity to avoid or to tell a provider about.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Condition, Population, Substance, Compound, Risk}, Biolink: "biolink:contraindicated_in",
		SubPropertyOf: []string{"biolink:related_to"}, CloseMatch: []string{"schema:contraindication", "biolink:contraindicated_in"}},
	{Predicate: HasSymptom, Label: "has symptom", Comment: "A syndrome or adverse effect has this symptom.",
		Domain: []Class{Condition}, Range: []Class{Condition}, Biolink: "biolink:has_phenotype",
		SubPropertyOf: []string{"biolink:has_phenotype"}, CloseMatch: []string{"schema:signOrSymptom"}},
	{Predicate: HasLegalStatus, Label: "has legal status", Comment: "A legal or regulatory status (agency, jurisdiction, status on the LegalStatus node).",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{LegalStatus}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"biolink:related_to"}, CloseMatch: []string{"schema:legalStatus"}},
	{Predicate: HasForm, Label: "has form", Comment: "A product form, dosage form or route.",
		Domain: []Class{Substance, Compound}, Range: []Class{Form}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"biolink:related_to"}, CloseMatch: []string{"schema:dosageForm"}},
	{Predicate: HasStrain, Label: "has strain", Comment: "A named strain or variety.",
		Domain: []Class{Substance}, Range: []Class{Strain}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"biolink:related_to"}},
	{Predicate: AlternativeTreatment, Label: "alternative treatment", Comment: "The object is presented as an alternative to the subject.",
		Domain: []Class{Substance, Compound, Treatment}, Range: []Class{Treatment, Substance, Compound}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"biolink:related_to"}, CloseMatch: []string{"schema:relatedTherapy"}},
	{Predicate: NativeTo, Label: "native to", Comment: "The plant source is native to or grows in this place.",
		Domain: []Class{Substance}, Range: []Class{Place}, Biolink: "biolink:located_in",
		SubPropertyOf: []string{"biolink:related_to"}},
	{Predicate: UsedIn, Label: "used in", Comment: "A place where the substance is used or popular.",
		Domain: []Class{Substance}, Range: []Class{Place}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"biolink:related_to"}, CloseMatch: []string{"schema:spatialCoverage"}},
	{Predicate: SoldAt, Label: "sold at", Comment: "Where the substance is sold.",
		Domain: []Class{Substance}, Range: []Class{SalesChannel}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"biolink:related_to"}, CloseMatch: []string{"schema:availableAtOrFrom"}},
	{Predicate: IsA, Label: "is a", Comment: "Class membership (the mu receptor is an opioid receptor).",
		Biolink: "biolink:subclass_of", SubPropertyOf: []string{"biolink:subclass_of"}, CloseMatch: []string{"rdfs:subClassOf"}},
	{Predicate: Cites, Label: "cites", Comment: "The article lists this reference.",
		Domain: []Class{ArticleC}, Range: []Class{ReferenceC}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"cito:cites"}, CloseMatch: []string{"schema:citation", "dcterms:references"}},
	{Predicate: Supports, Label: "supports", Comment: "The reference is the source the article attributes the claim to.",
		Domain: []Class{ReferenceC}, Range: []Class{ClaimC}, Biolink: "biolink:related_to",
		SubPropertyOf: []string{"biolink:related_to"}, CloseMatch: []string{"cito:isCitedAsDataSourceBy"}},
}

// PredicateByName finds a predicate's documentation.
func PredicateByName(name string) (PredicateInfo, bool) {
	for _, p := range Predicates {
		if string(p.Predicate) == name {
			return p, true
		}
	}
	return PredicateInfo{}, false
}

// ClassByName finds a class's documentation.
func ClassByName(name string) (ClassInfo, bool) {
	for _, c := range Classes {
		if string(c.Class) == name {
			return c, true
		}
	}
	return ClassInfo{}, false
}

// Property is a datatype or annotation property of the vocabulary used on
// statements, evidence, claims, references and quantities.
type Property struct {
	Name, Comment string
	Datatype      string // xsd local name, or "" for an object property
	SubPropertyOf []string
}

// Property names (local names in the hkg namespace).
const (
	PSynonym      = "synonym"
	PCertainty    = "certainty"
	PNegated      = "negated"
	PEvidence     = "evidence"
	PSentence     = "sentence"
	PStart        = "start"
	PEnd          = "end"
	PItem         = "item"
	PItemStart    = "itemStart"
	PItemEnd      = "itemEnd"
	PSection      = "section"
	PRule         = "rule"
	PCue          = "cue"
	PArticle      = "article"
	PSupportedBy  = "supportedBy"
	PText         = "text"
	PContext      = "context"
	PQuoted       = "quoted"
	PAttribution  = "attribution"
	PAbout        = "about"
	PAgency       = "agency"
	PJurisdiction = "jurisdiction"
	PStatus       = "status"
	PValue        = "value"
	PMaxValue     = "maxValue"
	PUnit         = "unit"
	PMeasures     = "measures"
	PPopulation   = "population"
	PSource       = "source"
	PContentHash  = "contentHash"
	PFormat       = "format"
	PLength       = "length"
	PYear         = "year"
	PVenue        = "venue"
	PVolume       = "volume"
	PIssue        = "issue"
	PPages        = "pages"
	PDate         = "date"
	PRefType      = "referenceType"
	PNumber       = "number"
	PAuthor       = "author"
	PIRIScheme    = "iriScheme"
	PTextStart    = "textStart"
	PTextEnd      = "textEnd"
	POrganization = "organization"
	PMentions     = "mentions"
)

// Properties documents the non-relation properties.
var Properties = []Property{
	{PSynonym, "Another surface form of the entity seen in an article.", "string", []string{"skos:altLabel"}},
	{PCertainty, "How firmly the text puts the statement or claim forward (hkg:Asserted, hkg:Hedged, hkg:Speculative, hkg:Negated).", "", nil},
	{PNegated, "True when the text denies the statement: it is then never asserted as a triple.", "boolean", []string{"biolink:negated"}},
	{PEvidence, "A piece of evidence for the statement or claim.", "", []string{"prov:wasDerivedFrom"}},
	{PSentence, "The sentence (or list lead-in) the evidence points at, exactly as in the article.", "string", []string{"oa:exact", "biolink:supporting_text"}},
	{PStart, "Byte offset where the sentence starts in the article text.", "integer", []string{"oa:start"}},
	{PEnd, "Byte offset where the sentence ends (exclusive).", "integer", []string{"oa:end"}},
	{PItem, "The list item the evidence points at.", "string", nil},
	{PItemStart, "Byte offset where the list item starts.", "integer", nil},
	{PItemEnd, "Byte offset where the list item ends (exclusive).", "integer", nil},
	{PSection, "The heading of the section the evidence is in.", "string", []string{"biolink:supporting_text_section_type"}},
	{PRule, "The name of the extraction rule that made the statement.", "string", nil},
	{PCue, "A word or phrase that set the certainty.", "string", nil},
	{PArticle, "The article the evidence, claim or statement comes from.", "", []string{"prov:wasDerivedFrom", "oa:hasSource"}},
	{PSupportedBy, "The reference the article attributes the statement to.", "", []string{"biolink:publications"}},
	{PText, "The text of a claim.", "string", []string{"schema:text"}},
	{PContext, "The whole sentence a claim was read from, with its attribution phrase.", "string", nil},
	{PQuoted, "True when the claim is a quotation.", "boolean", nil},
	{PAttribution, "The phrase that attributes the claim ('A 2020 study found that:').", "string", nil},
	{PAbout, "An entity the claim is about.", "", []string{"schema:about"}},
	{PAgency, "The agency that set a legal status.", "", nil},
	{PJurisdiction, "The place where a legal status holds.", "", []string{"schema:applicableLocation"}},
	{PStatus, "The status text of a legal status.", "string", nil},
	{PValue, "The value of a quantity (the low end of a range).", "decimal", []string{"schema:value"}},
	{PMaxValue, "The high end of a range.", "decimal", []string{"schema:maxValue"}},
	{PUnit, "The unit of a quantity.", "string", []string{"schema:unitText"}},
	{PMeasures, "The entity a quantity is about.", "", nil},
	{PPopulation, "The population a quantity is about.", "", nil},
	{PSource, "Where the article came from (a URL or a path).", "string", []string{"dcterms:source"}},
	{PContentHash, "SHA-256 of the article's bytes.", "string", nil},
	{PFormat, "The input format of the article (text, markdown, html).", "string", []string{"dcterms:format"}},
	{PLength, "Length of the article text in bytes.", "integer", nil},
	{PYear, "Year of publication of a reference.", "gYear", []string{"schema:datePublished"}},
	{PVenue, "Journal, blog or site a reference appeared in.", "string", []string{"schema:isPartOf"}},
	{PVolume, "Volume of a reference.", "string", []string{"bibo:volume"}},
	{PIssue, "Issue of a reference.", "string", []string{"bibo:issue"}},
	{PPages, "Pages of a reference.", "string", []string{"bibo:pages"}},
	{PDate, "Publication date of a reference as written.", "string", nil},
	{PRefType, "Kind of reference: journal article, web page, blog post, press release, book.", "string", nil},
	{PNumber, "Number of a reference in a numbered list.", "integer", nil},
	{PAuthor, "An author of a reference, as written.", "string", []string{"dcterms:creator"}},
	{PIRIScheme, "Version of the IRI minting scheme that made the data.", "string", nil},
	{PTextStart, "Byte offset where a claim's own text (a quotation) or a quantity starts.", "integer", []string{"oa:start"}},
	{PTextEnd, "Byte offset where a claim's own text or a quantity ends (exclusive).", "integer", []string{"oa:end"}},
	{POrganization, "An organisation that authored a reference, as written.", "string", []string{"dcterms:creator"}},
	{PMentions, "An entity the article mentions.", "", []string{"schema:mentions"}},
}

// P returns the full IRI of a vocabulary property or predicate by local name.
func P(local string) string { return VocabNS + local }
