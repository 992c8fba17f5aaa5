package ingest

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/healthkg/healthkg/schema"
)

// quantityRE finds numbers with units: "36.8%", "4 to 5 million people",
// "300 mg", "150 years", "8 g or more".
var quantityRE = regexp.MustCompile(`(?i)\b(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?:to|-|–)\s*(\d+(?:\.\d+)?))?\s*(%|percent\b|per cent\b|million\b|billion\b|thousand\b|mg\b|mcg\b|µg\b|g\b|grams?\b|milligrams?\b|ml\b|kg\b|years?\b|months?\b|weeks?\b|days?\b|hours?\b)(?:\s+(people|adults|users|patients|participants|children|cases))?`)

var populationRE = regexp.MustCompile(`^\s*(?:of|in)\s+((?:adults|people|patients|users|participants|children|women|men|cases)[^,.;:]*?)(?:\s+(?:among|who|with|in which|and by|and)\b|[,.;:”]|$)`)

var multipliers = map[string]float64{"million": 1e6, "billion": 1e9, "thousand": 1e3}

// quantities records the numbers with units that the article states.
func (x *extractor) quantities() {
	for _, sec := range x.doc.Sections {
		x.section = sec
		for _, b := range sec.Blocks {
			if b.IsReferences || b.Boilerplate {
				continue
			}
			for _, s := range b.Sentences {
				x.sentenceQuantities(s)
			}
		}
	}
}

func (x *extractor) sentenceQuantities(s Sentence) {
	for _, loc := range quantityRE.FindAllStringSubmatchIndex(s.Text, -1) {
		num := strings.ReplaceAll(s.Text[loc[2]:loc[3]], ",", "")
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			continue
		}
		unit := strings.ToLower(s.Text[loc[6]:loc[7]])
		if y := int(v); v == float64(y) && y >= 1900 && y <= 2100 && (unit == "years" || unit == "year") {
			continue
		}
		var maxV float64
		if loc[4] >= 0 {
			maxV, _ = strconv.ParseFloat(s.Text[loc[4]:loc[5]], 64)
		}
		if mult, ok := multipliers[unit]; ok {
			v *= mult
			maxV *= mult
			unit = "count"
			if loc[8] >= 0 {
				unit = strings.ToLower(s.Text[loc[8]:loc[9]])
			}
		}
		switch unit {
		case "percent", "per cent":
			unit = "%"
		case "gram", "grams":
			unit = "g"
		case "milligram", "milligrams":
			unit = "mg"
		case "year":
			unit = "years"
		}
		q := schema.Quantity{
			Text: s.Text[loc[0]:loc[1]], Value: v, Max: maxV, Unit: unit, Sentence: s.Text,
			Span:     schema.Span{Start: s.Start, End: s.End},
			TextSpan: schema.Span{Start: s.Start + loc[0], End: s.Start + loc[1]},
		}
		q.Certainty, _ = x.certainty(s.Text, loc[1])
		if x.section != nil {
			q.Section = x.section.Heading
		}
		if pm := populationRE.FindStringSubmatchIndex(s.Text[loc[1]:]); pm != nil {
			p := strings.TrimSpace(s.Text[loc[1]+pm[2] : loc[1]+pm[3]])
			if p != "" && len(strings.Fields(p)) <= 10 {
				q.Population = x.newEntity(schema.Population, p, p)
			}
		}
		ms := x.mentions(s.Text, s.Start)
		for _, m := range of(ms, schema.Condition) {
			q.Measures = x.mentionIRI(m, schema.Condition)
			break
		}
		if q.Measures == "" {
			if subs, _ := x.subjects(s.Text, ms, s.Start); len(subs) > 0 {
				q.Measures = subs[0]
			}
		}
		q.IRI = x.m.Quantity(x.art.IRI, schema.Span(q.TextSpan))
		x.art.Quantities = append(x.art.Quantities, q)
	}
}
