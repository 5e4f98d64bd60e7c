package match

import (
	"errors"
	"strings"
)

// Record is one account or lead as another system stores it: a CRM account,
// a marketing-automation company, or a contact row that names a company.
type Record struct {
	// ID identifies the record inside its source system. Index and Link
	// report results by it.
	ID string
	// Source names the system the record came from, such as "crm" or
	// "marketing". It is carried into results and never compared.
	Source string
	// Name is the company name as the source wrote it.
	Name string
	// Domain is any text that names the company's web domain: a website,
	// a URL, a host name or an email address. Free-mail addresses are
	// recognised and never used as the company's domain.
	Domain string
}

// parsedRecord holds what Compare and Index need from a record, computed
// once per record.
type parsedRecord struct {
	key         string
	joined      string // key without spaces
	tokens      []string
	weights     []float64 // weight of each token, set by weighTokens
	tradeKeys   []string
	placeholder bool

	domain     string // registrable domain; empty when unusable
	brand      string // registrable domain without its public suffix
	domainNote string // reason the domain is unusable, for explanations
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
	name := ParseName(r.Name)
	p.key = name.Key
	p.joined = strings.ReplaceAll(name.Key, " ", "")
	p.tokens = name.Tokens
	p.placeholder = name.Placeholder
	p.tradeKeys = name.TradeNames

	input := strings.TrimSpace(r.Domain)
	if input == "" {
		p.domainNote = "no domain"
		return p
	}
	d, err := ParseDomain(input)
	switch {
	case errors.Is(err, ErrEmpty):
		p.domainNote = "no domain"
	case err != nil:
		p.domainNote = err.Error()
	case d.Kind != KindCompany && d.Kind != KindHostedTenant &&
		!(d.ProviderCompany && !strings.Contains(input, "@")):
		// A mail provider's domain identifies no company, except when it
		// is the provider's own website rather than a mailbox.
		p.domainNote = "domain " + d.Registrable + " is " + d.Kind.String()
	default:
		p.domain = d.Registrable
		p.brand = d.Brand
	}
	return p
}

// weighTokens sets the weight of each name token.
func (p *parsedRecord) weighTokens(weight func(string) float64) {
	const maxTokens = 64 // tokenSetSimilarity compares no more
	n := min(len(p.tokens), maxTokens)
	p.weights = make([]float64, n)
	for i, t := range p.tokens[:n] {
		p.weights[i] = weight(t)
	}
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
