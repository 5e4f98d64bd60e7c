package synth

import "strings"

// Variant is a set of flags that records how Generate wrote a lead or a
// record of the deduplication set, and what kind of company it names.
type Variant uint32

// The variant flags. Each name flag is set only when the change was made,
// so a lead drawn for a typo but without a word long enough carries no
// Typo flag. A lead carries exactly one domain flag. An account carries
// only Subsidiary, RealName and NoDomain, and so does the first record of
// each duplicate cluster, which copies an account.
const (
	// LegalForm marks a dropped, respelled or replaced legal form.
	LegalForm Variant = 1 << iota
	// Case marks a name written in upper, lower or title case.
	Case
	// Punctuation marks an added comma, hyphen, ampersand or full stop.
	Punctuation
	// Abbreviation marks an abbreviated word.
	Abbreviation
	// Typo marks one changed letter.
	Typo
	// DroppedWord marks a dropped last word.
	DroppedWord
	// NoName marks an empty or placeholder name.
	NoName
	// DomainBare marks a registrable domain alone.
	DomainBare
	// DomainHost marks a host name.
	DomainHost
	// DomainURL marks a URL.
	DomainURL
	// CompanyEmail marks an email address at the company's domain.
	CompanyEmail
	// FreeMail marks a free-mail address.
	FreeMail
	// NoDomain marks a record without a domain.
	NoDomain
	// Subsidiary marks a record of a subsidiary account.
	Subsidiary
	// HeldOut marks a lead of a company that is not an account.
	HeldOut
	// NearMiss marks a lead of a company that is not an account and whose
	// name shares only generic words with accounts.
	NearMiss
	// RealName marks a record of a company whose name a source gave, as
	// opposed to a recombined name.
	RealName
)

var variantNames = []string{
	"legal-form", "case", "punctuation", "abbreviation", "typo", "dropped-word",
	"no-name", "domain-bare", "domain-host", "domain-url", "company-email",
	"free-mail", "no-domain", "subsidiary", "held-out", "near-miss", "real-name",
}

// String returns the names of the set flags joined by "+", such as
// "typo+company-email", or "none".
func (v Variant) String() string {
	var parts []string
	for i, name := range variantNames {
		if v&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// VariantFlags returns every flag, in the order of their bits, so that
// callers can break results down by flag.
func VariantFlags() []Variant {
	out := make([]Variant, len(variantNames))
	for i := range out {
		out[i] = 1 << i
	}
	return out
}
