package match

import (
	"errors"
	"slices"
	"strings"
	"unicode"
)

// Record is one account or lead as another system stores it: a CRM account,
// a marketing-automation company, or a contact row that names a company.
// Only ID is required; every other field may be empty, and an empty field
// counts neither for nor against a match.
type Record struct {
	// ID identifies the record inside its source system. Index and Link
	// report results by it.
	ID string `json:"id"`
	// Source names the system the record came from, such as "crm" or
	// "marketing". It is carried into results and never compared.
	Source string `json:"source,omitempty"`
	// Name is the company name as the source wrote it.
	Name string `json:"name,omitempty"`
	// Aliases are other names of the same company: former names, short
	// names, acronyms, names in other languages. A record's name agrees
	// with another's through whichever pair of names agrees best. When
	// Name is empty or a placeholder, the first usable alias takes its
	// place.
	Aliases []string `json:"aliases,omitempty"`
	// Domain is any text that names the company's web domain: a website,
	// a URL, a host name or an email address. Free-mail addresses are
	// recognised and never used as the company's domain.
	Domain string `json:"domain,omitempty"`
	// Emails are email addresses of the record's contacts. The company
	// domain of each one counts as a domain of the record, and free-mail
	// addresses are ignored. For an account with many contacts, pass the
	// shared domains from AccountDomains instead of every address.
	Emails []string `json:"emails,omitempty"`
	// Country is an ISO 3166 code (alpha-2, alpha-3 or numeric) or an
	// English country name.
	Country string `json:"country,omitempty"`
	// City is the city name in any script.
	City string `json:"city,omitempty"`
	// Phone is a phone number in any format.
	Phone string `json:"phone,omitempty"`
	// ParentID is the ID of the record's parent company in the same
	// source, for subsidiaries.
	ParentID string `json:"parent_id,omitempty"`
	// Fields holds caller-defined values. They are carried into results
	// and never compared.
	Fields map[string]string `json:"fields,omitempty"`
}

// parsedRecord holds what Compare and Index need from a record, computed
// once per record.
type parsedRecord struct {
	key         string
	joined      string // key without spaces
	tokens      []string
	weights     []float64 // weight of each token, set by weighTokens
	tradeKeys   []string
	qualifiers  []string // key words from bracketed qualifiers, sorted
	placeholder bool
	// capitals is set when the name as written has letters and all of
	// them are capitals, as an acronym is ("NYU").
	capitals bool

	// aliases holds the parsed aliases, name fields only, without the
	// ones whose key equals the name's or an earlier alias's.
	aliases []parsedRecord

	domain     string   // first usable registrable domain, or ""
	domains    []string // every usable registrable domain, sorted
	brands     []string // brand label of each domain, sorted
	domainNote string   // reason no domain is usable, for explanations

	country string // ISO 3166-1 alpha-2 code, or the folded name
	city    string // folded city name
	phone   string // last nine digits
}

// hasName reports whether the record carries a name that can be compared.
func (p *parsedRecord) hasName() bool {
	return p.key != "" && !p.placeholder
}

// hasEvidence reports whether the record carries any usable evidence.
func (p *parsedRecord) hasEvidence() bool {
	return p.hasName() || p.domain != ""
}

// parseRecord computes the comparison keys of r.
func parseRecord(r Record) parsedRecord {
	var p parsedRecord
	p.setName(r.Name)
	for _, alias := range r.Aliases {
		var a parsedRecord
		a.setName(alias)
		switch {
		case !a.hasName():
		case !p.hasName():
			p.key, p.joined, p.tokens, p.tradeKeys, p.qualifiers, p.placeholder, p.capitals =
				a.key, a.joined, a.tokens, a.tradeKeys, a.qualifiers, false, a.capitals
		case a.key == p.key:
			p.capitals = p.capitals || a.capitals
		default:
			if i := slices.IndexFunc(p.aliases, func(b parsedRecord) bool { return b.key == a.key }); i >= 0 {
				p.aliases[i].capitals = p.aliases[i].capitals || a.capitals
			} else {
				p.aliases = append(p.aliases, a)
			}
		}
	}

	p.country = normalizeCountry(r.Country)
	p.city = foldPlace(r.City)
	p.phone = normalizePhone(r.Phone)

	p.addDomain(r.Domain, false)
	for _, e := range r.Emails {
		p.addDomain(e, true)
	}
	if len(p.domains) > 0 {
		slices.Sort(p.domains)
		p.domains = slices.Compact(p.domains)
		slices.Sort(p.brands)
		p.brands = slices.Compact(p.brands)
		p.domain = p.domains[0]
		p.domainNote = ""
	}
	return p
}

// setName sets the name fields of p from name.
func (p *parsedRecord) setName(name string) {
	p.key, p.tradeKeys, p.qualifiers, p.placeholder = nameKeys(name)
	p.joined = strings.ReplaceAll(p.key, " ", "")
	p.capitals = allCapitals(name)
	p.tokens = nil
	if p.key != "" {
		p.tokens = strings.Split(p.key, " ")
	}
}

// allCapitals reports whether s has a letter and no lower-case or
// title-case letter.
func allCapitals(s string) bool {
	letter := false
	for _, c := range s {
		if unicode.IsLower(c) || unicode.IsTitle(c) {
			return false
		}
		letter = letter || unicode.IsUpper(c)
	}
	return letter
}

// name returns name form i of p: p itself for 0 and alias i-1 otherwise.
func (p *parsedRecord) name(i int) *parsedRecord {
	if i == 0 {
		return p
	}
	return &p.aliases[i-1]
}

// addDomain adds the registrable domain of input when it names a company.
// Otherwise it records why in domainNote, unless an earlier input did.
func (p *parsedRecord) addDomain(input string, email bool) {
	input = strings.TrimSpace(input)
	if input == "" {
		if p.domainNote == "" {
			p.domainNote = "no domain"
		}
		return
	}
	d, err := ParseDomain(input)
	note := ""
	switch {
	case errors.Is(err, ErrEmpty):
		note = "no domain"
	case err != nil:
		note = err.Error()
	case d.Kind != KindCompany && d.Kind != KindHostedTenant &&
		!(d.ProviderCompany && !email && !strings.Contains(input, "@")):
		// A mail provider's domain identifies no company, except when it
		// is the provider's own website rather than a mailbox.
		note = "domain " + d.Registrable + " is " + d.Kind.String()
	default:
		p.domains = append(p.domains, d.Registrable)
		if d.Brand != "" {
			p.brands = append(p.brands, d.Brand)
		}
		return
	}
	if p.domainNote == "" || p.domainNote == "no domain" {
		p.domainNote = note
	}
}

// nameKeys returns the fields of ParseName that matching needs: the key,
// the trade-name keys and the placeholder flag. It skips the display forms
// and the legal-form codes, which cost most of ParseName's time.
func nameKeys(name string) (key string, trade, qualifiers []string, placeholder bool) {
	var buf nameBuffers
	sc, _ := newNameScratch(&buf).analyze(name)
	qualifiers = sc.qualifierWords()
	legal, hasTrade := sc.legalPart()
	sc = sc.writePart(legal, nil)
	key = string(sc.out)
	if sc.qualified {
		key = NormalizeName(key)
	}
	if hasTrade {
		for part := uint16(0); part < sc.parts; part++ {
			if part == legal {
				continue
			}
			sc = sc.writePart(part, nil)
			if len(sc.out) == 0 {
				continue
			}
			t := string(sc.out)
			if sc.qualified {
				t = NormalizeName(t)
			}
			trade = append(trade, t)
		}
	}
	if key == "" && len(trade) > 0 {
		key, trade = trade[0], trade[1:]
		if len(trade) == 0 {
			trade = nil
		}
	}
	if len(qualifiers) > 0 {
		// Keep only the qualifier words that the key contains, as the key
		// spells them.
		tokens := strings.Fields(key)
		inKey := qualifiers[:0]
		for _, q := range qualifiers {
			if slices.Contains(tokens, q) {
				inKey = append(inKey, q)
			}
		}
		qualifiers = nil
		if len(inKey) > 0 {
			slices.Sort(inKey)
			qualifiers = slices.Compact(inKey)
		}
	}
	return key, trade, qualifiers, isPlaceholderName(key, name)
}

// qualifierWords returns the folded words of the bracketed groups that
// are neither trade-name markers, share-class notes nor legal forms: the
// qualifiers, such as "(Germany)" or "(Europe)", that tell a subsidiary or
// a branch from its parent.
func (sc nameScratch) qualifierWords() []string {
	var words []string
	toks := sc.toks
	for i := 0; i < len(toks); {
		if toks[i].group == 0 {
			i++
			continue
		}
		j := groupEnd(toks, i)
		skip := false
		for _, t := range toks[i:j] {
			skip = skip || t.flags&(tokMarker|tokAnnotation|tokLegalGroup|tokDropped) != 0
		}
		if !skip {
			for _, t := range toks[i:j] {
				words = append(words, string(sc.text[t.start:t.end]))
			}
		}
		i = j
	}
	return words
}

// weighTokens sets the weight of each name token, aliases included.
func (p *parsedRecord) weighTokens(weight func(string) float64) {
	const maxTokens = 64 // tokenSetSimilarity compares no more
	n := min(len(p.tokens), maxTokens)
	p.weights = make([]float64, n)
	for i, t := range p.tokens[:n] {
		p.weights[i] = weight(t)
	}
	for i := range p.aliases {
		p.aliases[i].weighTokens(weight)
	}
}

// allTokens returns the distinct tokens of p's name and aliases.
func (p *parsedRecord) allTokens() []string {
	out := distinctTokens(p.tokens)
	for _, a := range p.aliases {
		for _, t := range a.tokens {
			if !slices.Contains(out, t) {
				out = append(out, t)
			}
		}
	}
	return out
}

// evidenceNote describes the evidence a record lacks, for rejections.
func (p *parsedRecord) evidenceNote(r Record) string {
	var parts []string
	switch {
	case strings.TrimSpace(r.Name) == "":
		parts = append(parts, "name is empty")
	case p.placeholder:
		parts = append(parts, "name "+quote(r.Name)+" is a placeholder")
	case p.key == "":
		parts = append(parts, "name "+quote(r.Name)+" has no letters or digits")
	}
	if p.domain == "" {
		parts = append(parts, p.domainNote)
	}
	return strings.Join(parts, "; ")
}

func quote(s string) string {
	const maxQuoted = 60
	if r := []rune(s); len(r) > maxQuoted {
		s = string(r[:maxQuoted]) + "…"
	}
	return `"` + s + `"`
}
