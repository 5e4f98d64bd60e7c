package synth

import (
	"fmt"
	"math"
)

// Config sets the size and make-up of a generated data set.
type Config struct {
	// Seed selects the data set: the same seed, sources and settings give
	// the same output.
	Seed uint64
	// Accounts is the number of accounts, at least 1.
	Accounts int
	// Leads is the number of leads, at least 0.
	Leads int
	// DuplicateRecords is the number of records in the deduplication set
	// (Dataset.Duplicates), at least 0.
	DuplicateRecords int
	// Mix sets the rates of each variant. The zero value means DefaultMix.
	Mix Mix
}

// Mix holds the rates, each a probability in [0, 1], at which Generate
// writes each kind of variant. Name variants apply independently of each
// other, so one lead can carry several. The domain forms of a lead are
// exclusive and their rates sum to 1.
type Mix struct {
	// MatchedLeads is the share of leads whose company is an account.
	MatchedLeads float64
	// NearMissLeads is the share of the other leads that are built only
	// from generic words that accounts also use ("Zorbex Energy
	// Holdings"), as opposed to a company with its own words.
	NearMissLeads float64
	// Subsidiaries is the share of recombined accounts that are a
	// subsidiary of an earlier account: the parent's name with a country
	// in brackets and a local legal form, on the parent's brand with that
	// country's suffix.
	Subsidiaries float64
	// AccountsWithoutDomain is the share of accounts that carry no
	// domain.
	AccountsWithoutDomain float64

	// LegalForm is the rate at which a lead's legal form is dropped,
	// spelled another way ("Corp" for "Corporation") or replaced.
	LegalForm float64
	// Case is the rate at which a lead's name is written in upper, lower
	// or title case.
	Case float64
	// Punctuation is the rate at which a lead's name gains a comma before
	// the legal form, a hyphen between two words, "&" for "and" or a
	// trailing full stop.
	Punctuation float64
	// Abbreviation is the rate at which an abbreviable word of a lead's
	// name is abbreviated ("International" as "Intl", "Technologies" as
	// "Tech").
	Abbreviation float64
	// Typo is the rate at which one letter of the longest word of a
	// lead's name, of six letters or more, is swapped with its neighbour,
	// deleted, doubled or replaced.
	Typo float64
	// DroppedWord is the rate at which the last word of a lead's name of
	// three or more words is dropped.
	DroppedWord float64
	// NoName is the rate at which a lead carries an empty or placeholder
	// name ("n/a", "-", "unknown").
	NoName float64

	// DomainBare is the rate of leads whose domain is the registrable
	// domain alone ("acme.co.uk").
	DomainBare float64
	// DomainHost is the rate of leads whose domain is a host name
	// ("www.acme.co.uk").
	DomainHost float64
	// DomainURL is the rate of leads whose domain is a URL
	// ("https://www.acme.co.uk/contact").
	DomainURL float64
	// CompanyEmail is the rate of leads whose domain is an email address
	// at the company's domain.
	CompanyEmail float64
	// FreeMail is the rate of leads whose domain is a free-mail address
	// ("jane.doe@gmail.com"), which names no company.
	FreeMail float64
	// NoDomain is the rate of leads without a domain.
	NoDomain float64
}

// DefaultMix returns the rates used when Config.Mix is the zero value.
// They are estimates of a marketing-automation export, not measurements:
// 80% of leads belong to an account, and 30% of the rest are near misses.
// 3% of recombined accounts are subsidiaries and 5% of accounts have no
// domain. Name variants: legal form 40%, case 30%, punctuation 15%,
// abbreviation 50% where a word can be abbreviated, typo 8%, dropped word
// 8% and no name 3%. Domain forms: bare 15%, host 10%, URL 15%, company
// email 30%, free mail 15% and none 15%.
func DefaultMix() Mix {
	return Mix{
		MatchedLeads:          0.80,
		NearMissLeads:         0.30,
		Subsidiaries:          0.03,
		AccountsWithoutDomain: 0.05,
		LegalForm:             0.40,
		Case:                  0.30,
		Punctuation:           0.15,
		Abbreviation:          0.50,
		Typo:                  0.08,
		DroppedWord:           0.08,
		NoName:                0.03,
		DomainBare:            0.15,
		DomainHost:            0.10,
		DomainURL:             0.15,
		CompanyEmail:          0.30,
		FreeMail:              0.15,
		NoDomain:              0.15,
	}
}

// validate checks c and returns it with the default mix filled in.
func (c Config) validate() (Config, error) {
	if c.Accounts < 1 {
		return c, fmt.Errorf("synth: Accounts is %d; it must be at least 1", c.Accounts)
	}
	if c.Leads < 0 {
		return c, fmt.Errorf("synth: Leads is %d; it must not be negative", c.Leads)
	}
	if c.DuplicateRecords < 0 {
		return c, fmt.Errorf("synth: DuplicateRecords is %d; it must not be negative", c.DuplicateRecords)
	}
	if c.Mix == (Mix{}) {
		c.Mix = DefaultMix()
	}
	m := c.Mix
	rates := []struct {
		name string
		v    float64
	}{
		{"MatchedLeads", m.MatchedLeads}, {"NearMissLeads", m.NearMissLeads},
		{"Subsidiaries", m.Subsidiaries}, {"AccountsWithoutDomain", m.AccountsWithoutDomain},
		{"LegalForm", m.LegalForm}, {"Case", m.Case}, {"Punctuation", m.Punctuation},
		{"Abbreviation", m.Abbreviation}, {"Typo", m.Typo}, {"DroppedWord", m.DroppedWord},
		{"NoName", m.NoName}, {"DomainBare", m.DomainBare}, {"DomainHost", m.DomainHost},
		{"DomainURL", m.DomainURL}, {"CompanyEmail", m.CompanyEmail}, {"FreeMail", m.FreeMail},
		{"NoDomain", m.NoDomain},
	}
	for _, r := range rates {
		if !(r.v >= 0 && r.v <= 1) {
			return c, fmt.Errorf("synth: Mix.%s is %v; it must be a probability in [0, 1]", r.name, r.v)
		}
	}
	sum := m.DomainBare + m.DomainHost + m.DomainURL + m.CompanyEmail + m.FreeMail + m.NoDomain
	if math.Abs(sum-1) > 1e-9 {
		return c, fmt.Errorf("synth: the Mix domain-form rates sum to %.6g; they must sum to 1", sum)
	}
	return c, nil
}
