package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseReference parses one citation as written in a reference list, in
// any of the common styles (APA, Vancouver/NLM, AMA, MLA, Harvard, plain web
// citations, and the "Authors, (Year), “Title” Venue" style of consumer
// health sites). Fields it cannot find are left empty.
func ParseReference(raw string) ParsedRef {
	var r ParsedRef
	s := refNormalize(raw)
	if s == "" {
		return r
	}
	book := false
	if m := refISBN.FindStringIndex(s); m != nil {
		book = true
		s = s[:m[0]] + s[m[1]:]
	}
	s = refTakeIDs(s, &r)
	s = refStripAccess(s)
	s = refCleanup(s)

	// Split into the author part, the title and the venue part.
	var authors, title, venue string
	yearParen := refYearParen.FindStringSubmatchIndex(s)
	q0, q1, t0, t1 := refQuotedTitle(s)
	if q0 >= 0 && yearParen != nil && yearParen[0] < q1 && yearParen[1] > q0 {
		yearParen = nil // a parenthesis around the quote is not "(Year)"
	}
	switch {
	case q0 >= 0 && (yearParen == nil || yearParen[1] <= q0 || yearParen[0] >= q1):
		authors, title, venue = s[:q0], s[t0:t1], s[q1:]
		if yearParen != nil && yearParen[1] <= q0 {
			refSetYearParen(&r, s, yearParen)
			authors = s[:yearParen[0]] + " " + s[yearParen[1]:q0]
		}
	case yearParen != nil:
		refSetYearParen(&r, s, yearParen)
		authors = s[:yearParen[0]]
		rest := strings.TrimLeft(s[yearParen[1]:], " .,:;")
		if a, b, c, d := refQuotedTitle(rest); a == 0 {
			title, venue = rest[c:d], rest[b:]
		} else {
			e := refFieldEnd(rest, 0)
			title, venue = rest[:e], rest[e:]
		}
	default:
		e := refAuthorsEnd(s)
		if e < 0 {
			e = refFieldEnd(s, 0)
		}
		first := s[:e]
		rest := strings.TrimLeft(s[e:], " .,:;")
		e2 := refFieldEnd(rest, 0)
		second := rest[:e2]
		if refIsTitleFirst(first, second) {
			title, venue = first, rest
		} else {
			authors, title, venue = first, second, rest[e2:]
		}
		if rest == "" && authors != "" && refAuthorsEnd(s) < 0 {
			// a single field: a title
			authors, title = "", first
		}
	}
	r.Authors, r.Organization, r.EtAl = refParseAuthors(authors)
	r.Title = refCleanTitle(title)
	refParseVenue(strings.TrimSpace(venue), &r)
	if r.Year == 0 {
		// a year anywhere outside the title
		rest := strings.Replace(s, title, " ", 1)
		if m := refYear.FindString(rest); m != "" {
			r.Year, _ = strconv.Atoi(m)
		}
	}
	r.Type = refType(&r, s, book)
	return r
}

var (
	refNumbering = regexp.MustCompile(`^(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)])\s+`)
	refISBN      = regexp.MustCompile(`(?i)\bISBN(?:-1[03])?:?\s*[\dXx][\dXx -]{8,16}[\dXx]`)
	refDOI       = regexp.MustCompile(`(?i)(?:https?://(?:dx\.)?doi\.org/|\bdoi\s*:?\s*)?(10\.\d{4,9}/[^\s"“”<>]+)`)
	refURL       = regexp.MustCompile(`(?i)(?:https?://|\bwww\.)[^\s<>"“”]+`)
	refYear      = regexp.MustCompile(`\b(?:1[89]|20)\d{2}\b`)
	refAnyYear   = refYear
	// (2020), (2020a), (2022, March 3), (n.d.)
	refYearParen = regexp.MustCompile(`\(\s*((?:1[89]|20)\d{2})[a-z]?\s*(?:,\s*([^()]{1,40}?))?\s*\)|\(n\.\s?d\.\)`)
	refAccess    = regexp.MustCompile(`(?i)[\[(]?\b(?:last\s+)?(?:accessed|retrieved|cited|viewed|consulted|date accessed)\b`)
	refDegrees   = map[string]bool{"md": true, "m.d": true, "phd": true, "ph.d": true, "do": true, "rn": true,
		"mph": true, "msc": true, "bsc": true, "ms": true, "ma": true, "mbbs": true, "frcp": true, "pharmd": true,
		"dnp": true, "np": true, "pa-c": true, "rd": true, "lcsw": true, "jr": true, "sr": true, "ii": true, "iii": true,
		"mba": true, "dphil": true, "facp": true, "mrcp": true, "bs": true, "ba": true, "psyd": true, "dpt": true, "edd": true}
	refOrgWords = map[string]bool{"organization": true, "organisation": true, "institute": true, "institutes": true,
		"medicine": true, "clinic": true, "university": true, "college": true, "association": true, "society": true,
		"foundation": true, "agency": true, "administration": true, "department": true, "centre": true, "center": true,
		"centers": true, "centres": true, "council": true, "service": true, "services": true, "health": true,
		"hospital": true, "board": true, "commission": true, "network": true, "trust": true, "group": true,
		"inc": true, "ltd": true, "llc": true, "company": true, "corporation": true, "press": true, "library": true,
		"office": true, "ministry": true, "bureau": true, "alliance": true, "federation": true, "academy": true,
		"committee": true, "coalition": true, "initiative": true, "program": true, "programme": true, "school": true,
		"laboratory": true, "laboratories": true, "publishing": true, "publications": true, "news": true,
		"government": true, "nhs": true, "authority": true, "partnership": true, "collaboration": true, "consortium": true,
		"clinics": true, "hospitals": true, "academies": true, "healthcare": true, "pharmaceuticals": true, "institution": true}
	refMonth   = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	refVanc    = regexp.MustCompile(`((?:1[89]|20)\d{2})((?:\s+` + refMonth + `(?:\s*[-/]\s*` + refMonth + `)?)(?:\s+\d{1,2})?)?\s*;\s*(\d+)?\s*(?:\(([^)]+)\))?\s*(?::\s*([A-Za-z]{0,3}\d+(?:\s*[-–]\s*[A-Za-z]{0,3}\d+)?))?`)
	refAPAVol  = regexp.MustCompile(`(?:^|,|\s)\s*(\d+)\s*\(([^)]+)\)\s*(?:[,:]\s*(?:pp?\.\s*)?([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))?`)
	refVolKw   = regexp.MustCompile(`(?i)\bvol(?:ume)?\.?\s*(\d+)`)
	refIssueKw = regexp.MustCompile(`(?i)\b(?:no|nr|issue|iss|number)\.?\s*(\d+)`)
	refPagesKw = regexp.MustCompile(`(?i)\bpp?\.\s*([A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)`)
	refAPATail = regexp.MustCompile(`,\s*(\d{1,4})\s*(?:\(([^)]+)\))?,\s*(?:pp?\.\s*)?([A-Za-z]{0,3}\d+(?:\s*[-–]\s*[A-Za-z]{0,3}\d+)?)\.?$`)
	refVolPage = regexp.MustCompile(`(?:^|\s|,)\s*(\d+)\s*(?:\((\w+)\))?,\s*(?:pp?\.\s*)?(\d+\s*[-–]\s*\d+)`)
	refArtNum  = regexp.MustCompile(`(?i)(?:,\s*|\barticle\s+(?:no\.?\s*)?)(e?\d{5,}|e\d{3,})\.?\s*$|\barticle\s+(?:no\.?\s*)?(e?\d+)`)
	refDate    = []*regexp.Regexp{
		regexp.MustCompile(`\b\d{1,2}\s+` + refMonth + `\s+(?:1[89]|20)\d{2}\b`),
		regexp.MustCompile(`\b` + refMonth + `\s+\d{1,2},\s+(?:1[89]|20)\d{2}\b`),
		regexp.MustCompile(`\b` + refMonth + `\s+(?:1[89]|20)\d{2}\b`),
	}
	refPlacePub = regexp.MustCompile(`(?:^|[.;]\s+)(\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+){0,2})\s*(?:\([A-Za-z .]{2,}\))?\s*:\s*(\p{Lu}[^;:.,]+?)\s*(?:[;,]\s*((?:1[89]|20)\d{2}))?\.?$`)
	refVancName = `\p{Lu}[\p{L}'’\-]+(?:\s(?:(?:van|von|der|den|de|da|del|la|le|di|du)\s)*\p{Lu}[\p{L}'’\-]+)*\s\p{Lu}{1,4}`
	refVancList = regexp.MustCompile(`^(?:` + refVancName + `,\s*)*` + refVancName + `(?:,?\s*et\s+al)?\.(?:\s|$)`)
)

// refNormalize collapses white space and removes a leading list number.
func refNormalize(raw string) string {
	var b strings.Builder
	sp := false
	for _, r := range strings.ToValidUTF8(raw, "") {
		if txtIsSpace(r) {
			sp = true
			continue
		}
		if sp && b.Len() > 0 {
			b.WriteByte(' ')
		}
		sp = false
		b.WriteRune(r)
	}
	s := b.String()
	if m := refNumbering.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}
	return s
}

// refTakeIDs removes the DOI and URL from s, storing them in r.
func refTakeIDs(s string, r *ParsedRef) string {
	if m := refDOI.FindStringSubmatchIndex(s); m != nil {
		r.DOI = refTrimID(s[m[2]:m[3]])
		whole := s[m[0]:m[1]]
		if strings.HasPrefix(strings.ToLower(whole), "http") || strings.HasPrefix(strings.ToLower(whole), "www") {
			r.URL = refTrimID(whole)
		}
		s = s[:m[0]] + "\x00" + s[m[0]+len(refTrimIDTail(whole)):]
	}
	if m := refURL.FindStringIndex(s); m != nil {
		u := refTrimID(s[m[0]:m[1]])
		if r.URL == "" {
			r.URL = u
		}
		s = s[:m[0]] + "\x00" + s[m[0]+len(u):]
	}
	return s
}

// refTrimID removes trailing punctuation and unbalanced brackets from a DOI
// or URL.
func refTrimID(u string) string { return refTrimIDTail(u) }

func refTrimIDTail(u string) string {
	for u != "" {
		last := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:'\"", last) >= 0:
			u = u[:len(u)-1]
		case last == ')' && strings.Count(u, "(") < strings.Count(u, ")"):
			u = u[:len(u)-1]
		case last == ']' && strings.Count(u, "[") < strings.Count(u, "]"):
			u = u[:len(u)-1]
		default:
			return u
		}
	}
	return u
}

// refStripAccess removes access notes: "Accessed March 3, 2024",
// "Retrieved ... from", "[cited 2024 Mar 1]", "Available from:", "[Internet]".
func refStripAccess(s string) string {
	for {
		m := refAccess.FindStringIndex(s)
		if m == nil {
			break
		}
		open := s[m[0]]
		end := m[1]
		for end < len(s) {
			c := s[end]
			if c == ')' || c == ']' {
				if open == '(' || open == '[' {
					end++
				}
				break
			}
			if c == 0 || c == ';' {
				break
			}
			if c == '.' && end+1 < len(s) && s[end+1] == ' ' && end+2 < len(s) {
				// the note ends at a period before a capitalised word that is
				// not a month ("Accessed Mar. 3")
				w := s[end+2:]
				r, _ := utf8.DecodeRuneInString(w)
				if unicode.IsUpper(r) && !refMonthStart.MatchString(w) {
					break
				}
			}
			end++
		}
		s = s[:m[0]] + " " + s[end:]
	}
	for _, re := range refAvail {
		s = re.ReplaceAllString(s, " ")
	}
	return s
}

var refAvail = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(?:available\s+(?:from|at|online(?:\s+at)?)|retrieved\s+from|url|link|from)\s*:?\s*\x00`),
	regexp.MustCompile(`(?i)\[(?:internet|online|serial online|online article|website|web page)\]`),
	regexp.MustCompile(`(?i)\bdoi\s*:?\s*\x00`),
	regexp.MustCompile(`\x00`),
}

// refCleanup tidies punctuation left by removals.
func refCleanup(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range [][2]string{{" .", "."}, {" ,", ","}, {"..", "."}, {",.", "."}, {". .", "."}, {", ,", ","}} {
		for strings.Contains(s, p[0]) && !strings.Contains(s, "...") {
			s = strings.ReplaceAll(s, p[0], p[1])
		}
	}
	return strings.Trim(s, " ,;:")
}

// refQuotedTitle finds a quoted title that starts a field: it returns the
// span of the quote with its marks [q0, q1) and of the title inside [t0, t1),
// or -1s.
func refQuotedTitle(s string) (q0, q1, t0, t1 int) {
	startsField := func(i int) bool {
		j := strings.TrimRight(s[:i], " ")
		if j == "" {
			return true
		}
		last, _ := utf8.DecodeLastRuneInString(j)
		return strings.ContainsRune(".,):;", last)
	}
	for _, q := range txtFindQuotes(s) {
		if startsField(q.open) && q.close > q.openEnd {
			return q.open, q.closeEnd, q.openEnd, q.close
		}
	}
	// single quotes: 'Title', or ‘Title’
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == '\'' || r == '‘') && startsField(i) {
			for j := i + n; j < len(s); {
				c, cn := utf8.DecodeRuneInString(s[j:])
				if c == '\'' || c == '’' {
					after := j + cn
					if after == len(s) || strings.IndexByte(",.;:", s[after]) >= 0 {
						if len(strings.Fields(s[i+n:j])) >= 2 {
							return i, after, i + n, j
						}
					}
				}
				j += cn
			}
		}
		i += n
	}
	return -1, -1, -1, -1
}

// refSetYearParen records the year (and fuller date) of a "(2022, May 5)".
func refSetYearParen(r *ParsedRef, s string, m []int) {
	if m[2] < 0 {
		return // n.d.
	}
	r.Year, _ = strconv.Atoi(s[m[2]:m[3]])
	if m[4] >= 0 {
		r.Date = strings.TrimSpace(s[m[0]+1 : m[1]-1])
	}
}

// refFieldEnd returns the end of the field of s that starts at from: the
// position of the next sentence end (". ", "? ", "! ") that is not an
// abbreviation or inside brackets; a "?" or "!" stays in the field.
func refFieldEnd(s string, from int) int {
	depth := 0
	for i := from; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '.', '?', '!':
			if depth > 0 {
				continue
			}
			if i+1 < len(s) && s[i+1] != ' ' {
				continue
			}
			if c == '.' && txtIsAbbrevBefore(s, i) && !refInitialEndsAuthors(s, i) {
				continue
			}
			if c != '.' {
				return i + 1
			}
			return i
		}
	}
	return len(s)
}

// refInitialEndsAuthors is false: a field split never ends at an initial
// (author lists are found by refAuthorsEnd).
func refInitialEndsAuthors(string, int) bool { return false }

// refAuthorsEnd returns the end of a Vancouver/AMA author list at the start
// of s ("Bath R, Bucholz T, Grundmann O."), or -1.
func refAuthorsEnd(s string) int {
	m := refVancList.FindStringIndex(s)
	if m == nil {
		return -1
	}
	e := m[1]
	for e > 0 && (s[e-1] == ' ' || s[e-1] == '.') {
		e--
	}
	return e
}

// refIsTitleFirst reports whether the first field of a citation with no
// quotes and no year in parentheses is its title rather than its author:
// it is neither a person list nor an organisation, and the next field is
// an organisation or the first reads as a sentence.
func refIsTitleFirst(first, second string) bool {
	if refAuthorsEnd(first+". ") >= 0 {
		return false
	}
	ps, org, _ := refParseAuthors(first)
	if len(ps) > 0 && org == "" && refPersonShape(strings.TrimSpace(first)) {
		return false
	}
	if refOrgShape(first) {
		return false
	}
	if second != "" && refOrgShape(second) {
		return true
	}
	words := strings.Fields(first)
	lower := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			lower++
		}
	}
	return len(words) >= 4 && lower > 0
}

// refParseAuthors splits an author part into persons, or returns it as an
// organisation when it has no person-name shape.
func refParseAuthors(a string) (persons []string, org string, etAl bool) {
	a = strings.TrimRight(strings.TrimLeft(strings.TrimSpace(a), " ,.;:"), " ,;:")
	if strings.Trim(a, ".") == "" {
		return nil, "", false
	}
	if m := refEtAlRe.FindStringIndex(a); m != nil {
		etAl = true
		a = strings.TrimRight(a[:m[0]]+a[m[1]:], " ,;:")
	}
	if refOrgShape(a) && !strings.Contains(a, ";") {
		return nil, refTrimOrg(a), etAl
	}
	norm := refAndRe.ReplaceAllString(a, ", ")
	var toks []string
	for _, t := range strings.Split(norm, ",") {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if refDegrees[strings.ToLower(strings.Trim(t, "."))] {
			continue
		}
		toks = append(toks, t)
	}
	// merge "Surname, Initials" and "Surname, Given M." (first author, MLA)
	var merged []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) && refSingleName(t) && (refInitials(toks[i+1]) || (i == 0 && refGivenNames(toks[i+1]))) {
			t = t + ", " + toks[i+1]
			i++
		}
		merged = append(merged, t)
	}
	good := 0
	var names []string
	for _, t := range merged {
		if !strings.Contains(t, ", ") || !refEndsInitial.MatchString(t) {
			t = strings.TrimSpace(strings.TrimRight(t, "."))
		}
		if t == "" {
			continue
		}
		names = append(names, t)
		if refPersonShape(t) {
			good++
		}
	}
	merged = names
	if good == 0 || good*2 < len(merged) {
		return nil, refTrimOrg(a), etAl
	}
	return merged, "", etAl
}

func refTrimOrg(a string) string { return strings.Trim(a, " ,.;:") }

var (
	refInitialsRe = regexp.MustCompile(`^(?:\p{Lu}\.?(?:\s|-)?)+$`)
	refGivenRe    = regexp.MustCompile(`^\p{Lu}[\p{Ll}'’\-]+(?:\s+(?:\p{Lu}\.?|\p{Lu}[\p{Ll}'’\-]+))*\.?$`)
	refNameWord   = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'’\-]*\p{L}|\p{Lu}\.?|\p{Lu}\.\p{Lu}\.?|van|von|der|den|de|da|del|la|le|di|du|bin|al|el)$`)
	refVancOne    = regexp.MustCompile(`^` + refVancName + `$`)
)

func refSingleName(t string) bool {
	return !strings.Contains(t, " ") && refOneWordName.MatchString(t) && !refAcronym(t)
}
func refInitials(t string) bool   { return refInitialsRe.MatchString(t) && strings.Contains(t, ".") }
func refGivenNames(t string) bool { return refGivenRe.MatchString(t) && !refVancOne.MatchString(t) }

// refAcronym reports whether w is an all-capitals acronym ("NIDA", "WHO").
func refAcronym(w string) bool {
	w = strings.ReplaceAll(strings.Trim(w, "."), ".", "")
	if utf8.RuneCountInString(w) < 2 || utf8.RuneCountInString(w) > 8 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && r != '-' && r != '&' {
			return false
		}
	}
	return true
}

// refPersonShape reports whether t reads as one person's name.
func refPersonShape(t string) bool {
	if t == "" || refOrgShape(t) {
		return false
	}
	if i := strings.Index(t, ", "); i > 0 {
		return refSingleName(t[:i]) || refVancOne.MatchString(t[:i])
	}
	if refVancOne.MatchString(t) {
		return true
	}
	words := strings.Fields(t)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	full := 0
	for _, w := range words {
		if !refNameWord.MatchString(w) {
			return false
		}
		if utf8.RuneCountInString(strings.Trim(w, ".")) > 1 && !strings.Contains(w, ".") {
			full++
		}
	}
	last := words[len(words)-1]
	return full >= 1 && utf8.RuneCountInString(strings.Trim(last, ".")) > 1
}

// refOrgShape reports whether s names an organisation: an organisation word,
// an acronym, or a domain name.
func refOrgShape(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), " ,.;:")
	if s == "" {
		return false
	}
	if refAcronym(s) {
		return true
	}
	ls := strings.ToLower(s)
	for _, tld := range []string{".com", ".org", ".gov", ".net", ".edu", ".co.uk", ".nhs.uk", ".int"} {
		if strings.Contains(ls, tld) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(ls, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if refOrgWords[w] {
			return true
		}
	}
	words := strings.Fields(s)
	for _, w := range words {
		if len(words) > 1 && refAcronym(w) && !refInitialsRe.MatchString(w) && utf8.RuneCountInString(w) > 2 {
			return true // "Johns Hopkins HPC"
		}
	}
	return false
}

// refCleanTitle trims quotes, spaces and a trailing period or comma.
func refCleanTitle(t string) string {
	t = strings.TrimSpace(t)
	t = strings.Trim(t, "“”\"‘’' ")
	for t != "" && strings.IndexByte(".,;: ", t[len(t)-1]) >= 0 {
		t = t[:len(t)-1]
	}
	return t
}

// refParseVenue reads the journal, site or publisher and the volume, issue,
// pages, date and year from what follows the title.
func refParseVenue(v string, r *ParsedRef) {
	v = strings.Trim(v, " .,;:")
	v = strings.Trim(refReleaseRe.ReplaceAllString(v, ""), " .,;:")
	if v == "" {
		return
	}
	// "Rochester (MN): Mayo Foundation; 2023" (NLM book/web)
	if m := refPlacePub.FindStringSubmatchIndex(v); m != nil && (m[6] >= 0 || m[0] > 0) {
		r.Publisher = strings.TrimSpace(v[m[4]:m[5]])
		if r.Year == 0 && m[6] >= 0 {
			r.Year, _ = strconv.Atoi(v[m[6]:m[7]])
		}
		v = strings.TrimSpace(v[:m[0]])
		if v == "" {
			return
		}
	}
	if m := refVanc.FindStringSubmatchIndex(v); m != nil {
		if r.Year == 0 {
			r.Year, _ = strconv.Atoi(v[m[2]:m[3]])
		}
		if m[4] >= 0 && r.Date == "" {
			r.Date = strings.TrimSpace(v[m[2]:m[5]])
		}
		if m[6] >= 0 {
			r.Volume = v[m[6]:m[7]]
		}
		if m[8] >= 0 {
			r.Issue = v[m[8]:m[9]]
		}
		if m[10] >= 0 {
			refSetPages(r, v[m[10]:m[11]])
		}
	}
	if r.Volume == "" {
		if m := refAPAVol.FindStringSubmatch(v); m != nil && !refYear.MatchString(m[1]+" ") {
			r.Volume, r.Issue = m[1], m[2]
			if m[3] != "" {
				refSetPages(r, m[3])
			}
		}
	}
	if r.Volume == "" {
		if m := refVolKw.FindStringSubmatch(v); m != nil {
			r.Volume = m[1]
		}
	}
	if r.Issue == "" {
		if m := refIssueKw.FindStringSubmatch(v); m != nil {
			r.Issue = m[1]
		}
	}
	if r.Pages == "" && r.ArticleNumber == "" {
		if m := refPagesKw.FindStringSubmatch(v); m != nil {
			refSetPages(r, m[1])
		}
	}
	if r.Volume == "" {
		if m := refVolPage.FindStringSubmatch(v); m != nil && (r.Pages == "" || r.Pages == m[3]) {
			r.Volume, r.Issue = m[1], m[2]
			r.Pages = m[3]
		}
	}
	if r.Volume == "" {
		if m := refAPATail.FindStringSubmatch(v); m != nil && !refYear.MatchString(m[1]) && r.Pages == "" {
			r.Volume, r.Issue = m[1], m[2]
			refSetPages(r, m[3])
		}
	}
	if r.ArticleNumber == "" && r.Pages == "" {
		if m := refArtNum.FindStringSubmatch(v); m != nil {
			r.ArticleNumber = m[1] + m[2]
		}
	}
	if r.Date == "" {
		for _, re := range refDate {
			if d := re.FindString(v); d != "" {
				r.Date = d
				break
			}
		}
	}
	if r.Year == 0 {
		if y := refYear.FindString(v); y != "" {
			r.Year, _ = strconv.Atoi(y)
		}
	}
	// The venue name: up to the first comma, volume, date or number.
	cut := len(v)
	depth := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '(' {
			if i > 0 {
				cut = min(cut, i)
			}
			depth++
		}
		if c == ')' && depth > 0 {
			depth--
		}
		if depth > 0 {
			continue
		}
		if c == ',' || c == ';' {
			cut = min(cut, i)
			break
		}
		if c == ' ' && i+1 < len(v) && v[i+1] >= '0' && v[i+1] <= '9' {
			cut = min(cut, i)
			break
		}
		if c == '.' && i+2 < len(v) && v[i+1] == ' ' && v[i+2] >= '0' && v[i+2] <= '9' {
			cut = min(cut, i)
			break
		}
	}
	if m := refVenueStop.FindStringIndex(v); m != nil {
		cut = min(cut, m[0])
	}
	if m := refVolCut.FindStringIndex(v); m != nil {
		cut = min(cut, m[0])
	}
	name := strings.TrimSpace(v[:cut])
	if !strings.Contains(strings.TrimSuffix(name, "."), ". ") {
		name = strings.TrimRight(name, ".")
	}
	name = strings.Trim(name, " ,;:")
	if name != "" && !unicode.IsDigit(rune(name[0])) && !refDateOnly(name) {
		r.Venue = name
	}
	// A publisher: a later field naming an organisation.
	rest := v[cut:]
	for _, f := range refFieldSep.Split(rest, -1) {
		f = strings.Trim(f, " .,;:")
		if f == "" || strings.ContainsAny(f, "0123456789") {
			continue
		}
		lf := strings.ToLower(f)
		if strings.HasPrefix(lf, "sec") || strings.HasPrefix(lf, "vol") || strings.HasPrefix(lf, "issue") {
			continue
		}
		if refOrgShape(f) && !refAcronym(f) && r.Publisher == "" {
			r.Publisher = f
			break
		}
	}
	if r.Venue != "" && r.Publisher == "" && refBookWord(r.Venue) && r.Volume == "" && r.Pages == "" {
		r.Publisher, r.Venue = r.Venue, ""
	}
}

// refSetPages stores a page range, or a long single number as an article
// number.
func refSetPages(r *ParsedRef, p string) {
	p = strings.TrimSpace(p)
	if !strings.ContainsAny(p, "-–") && (len(strings.TrimLeft(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")) >= 5 || strings.HasPrefix(p, "e")) {
		r.ArticleNumber = p
		return
	}
	r.Pages = p
}

func refDateOnly(s string) bool {
	for _, re := range refDate {
		if re.FindString(s) == s {
			return true
		}
	}
	return refMonthOnly.MatchString(s)
}

var (
	refMonthStart  = regexp.MustCompile(`^` + refMonth)
	refMonthOnly   = regexp.MustCompile(`^` + refMonth + `$`)
	refEtAlRe      = regexp.MustCompile(`(?i)[,\s]*\bet\.?\s*al\b\.?`)
	refAndRe       = regexp.MustCompile(`\s*(?:&|\band\b|;)\s*`)
	refEndsInitial = regexp.MustCompile(`\p{Lu}\.$`)
	refOneWordName = regexp.MustCompile(`^\p{Lu}[\p{L}'’\-]+$`)
	refVolCut      = regexp.MustCompile(`(?i)\s(?:vol(?:ume)?\.?|issue|no\.|pp?\.)\s*\d`)
	refFieldSep    = regexp.MustCompile(`[,;]\s*|\.\s+`)
	refEditionRe   = regexp.MustCompile(`(?i)\((?:eds?\.?|editors?)\)|\b\d+(?:st|nd|rd|th)\s+ed(?:ition|n)?\b`)
	refBlogRe      = regexp.MustCompile(`(?i)\bblog\b`)
	refVenueStop   = regexp.MustCompile(`\.\s+` + refMonth + `\s+\d|\.\s+(?:Updated|Published|Posted|Reviewed|Last|Modified|Epub|Available|In|Vol|Volume|Issue|Accessed|Retrieved|Page|Pages)\b`)
)

var refBookRe = regexp.MustCompile(`(?i)\b(?:press|publishing|publishers?|books|wiley|elsevier|springer|routledge|sage|mcgraw[- ]hill|penguin|harpercollins|lippincott)\b`)

func refBookWord(s string) bool { return refBookRe.MatchString(s) }

var (
	refJournalWords = map[string]bool{"journal": true, "review": true, "reviews": true, "annals": true, "archives": true,
		"proceedings": true, "bulletin": true, "lancet": true, "jama": true, "bmj": true, "nejm": true, "quarterly": true,
		"letters": true, "frontiers": true, "front": true, "j": true, "med": true, "clin": true, "res": true, "ther": true,
		"pharmacol": true, "biol": true, "sci": true, "rev": true, "int": true, "ann": true, "arch": true, "neurol": true,
		"addict": true, "subst": true, "toxicol": true, "pharm": true, "epidemiol": true, "psychiatr": true,
		"psychiatry": true, "psychol": true, "physiol": true, "rep": true, "lett": true, "proc": true, "bull": true,
		"dis": true, "surg": true, "nurs": true, "natl": true, "acad": true, "plos": true, "cochrane": true, "nature": true,
		"science": true, "pediatrics": true, "medicine": true, "research": true, "therapeutics": true, "pharmacology": true}
	refReportRe  = regexp.MustCompile(`(?i)\b(?:report|white paper|technical paper|working paper|fact ?sheet|guidelines?|statistical brief|data brief)\b`)
	refReleaseRe = regexp.MustCompile(`(?i)\b(?:press release|news release|newsroom|media release|press statement)\b`)
)

// refType decides the kind of publication.
func refType(r *ParsedRef, s string, book bool) string {
	venue := strings.ToLower(r.Venue)
	journalish := false
	for _, w := range strings.FieldsFunc(venue, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if refJournalWords[w] {
			journalish = true
		}
	}
	numbers := r.Volume != "" || r.Issue != "" || r.Pages != "" || r.ArticleNumber != ""
	switch {
	case book || (refBookWord(r.Publisher) || refBookWord(r.Venue)) && !numbers,
		refEditionRe.MatchString(s):
		return "book"
	case refBlogRe.MatchString(r.Venue + " " + r.Publisher):
		return "blog post"
	case refReleaseRe.MatchString(s):
		return "press release"
	case r.Venue != "" && (numbers || journalish || r.DOI != "" && !strings.Contains(venue, ".")):
		return "journal article"
	case refReportRe.MatchString(r.Title + " " + r.Venue):
		return "report"
	case r.Organization != "" && r.Venue == "" && r.URL == "" && refHeadline(r.Title):
		return "press release"
	case r.Organization != "" || r.URL != "" || r.Venue != "" || r.Publisher != "":
		return "web page"
	case r.DOI != "":
		return "journal article"
	}
	return ""
}

// refHeadline reports whether a title is in headline style: five or more
// words, nearly all capitalised.
func refHeadline(t string) bool {
	words := strings.Fields(t)
	if len(words) < 5 {
		return false
	}
	capN, n := 0, 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "(“\"'‘"))
		if !unicode.IsLetter(r) {
			continue
		}
		n++
		if unicode.IsUpper(r) {
			capN++
		}
	}
	return n > 0 && capN*100 >= n*85
}

// txtAnyYear matches a plausible publication year.
var txtAnyYear = refAnyYear

var (
	refCiteYear  = regexp.MustCompile(`\((?:1[89]|20)\d{2}[a-z]?(?:,[^)]*)?\)|\.\s(?:1[89]|20)\d{2}(?:\s[A-Z][a-z]{2}[^;]{0,12})?;|,\s(?:1[89]|20)\d{2}[.,;]|\(n\.d\.\)`)
	refCiteVenue = regexp.MustCompile(`(?i)\d+\s*\(\d+\)\s*[:,]\s*\w+|;\s*\d+\s*(?:\(\w+\))?\s*:\s*\w+|\bvol(?:ume)?\.?\s*\d+|\bpp?\.\s*\d+|\b\d+\s*,\s*\d+\s*[-–]\s*\d+`)
	refCiteID    = regexp.MustCompile(`(?i)\b10\.\d{4,9}/\S+|https?://|\bwww\.|\bdoi\b|\bISBN\b`)
	refCiteAuth  = regexp.MustCompile(`^\p{Lu}[\p{L}'’\-]+(?:,\s(?:\p{Lu}\.\s?)+|\s\p{Lu}{1,3},)`)
	refCiteNote  = regexp.MustCompile(`(?i)\b(?:accessed|retrieved|available (?:from|at))\b`)
	refCiteEtAl  = regexp.MustCompile(`(?i)\bet\.?\s+al\b`)
)

// txtCitationScore counts the features of a citation in s: a year in
// citation position, a quoted title, a volume/pages pattern, a DOI or URL,
// "et al", an author-list start, an access note.
func txtCitationScore(s string) int {
	n := 0
	if refCiteYear.MatchString(s) {
		n++
	}
	if q0, _, _, _ := refQuotedTitle(s); q0 >= 0 && strings.ContainsAny(s, "“\"") {
		n++
	}
	if refCiteVenue.MatchString(s) {
		n++
	}
	if refCiteID.MatchString(s) {
		n++
	}
	if refCiteEtAl.MatchString(s) {
		n++
	}
	if refCiteAuth.MatchString(s) || refVancList.MatchString(s) {
		n++
	}
	if refCiteNote.MatchString(s) {
		n++
	}
	return n
}
