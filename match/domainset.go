package match

import (
	"sort"
	"strings"
)

// AccountDomain is one registrable domain of an account, with the evidence
// for it.
type AccountDomain struct {
	// Registrable is the registrable domain, as Domain.Registrable.
	Registrable string
	// Website reports that the account's website has this domain.
	Website bool
	// Contacts is the number of distinct contact addresses at this domain.
	Contacts int
}

// AccountDomains returns the domain set of an account with the default
// parser. See DomainParser.AccountDomains for the rules.
func AccountDomains(website string, contactEmails []string, minContacts int) []AccountDomain {
	return defaultDomainParser.AccountDomains(website, contactEmails, minContacts)
}

// AccountDomains returns the registrable domains that identify an account:
// the domain of its website, and each domain shared by at least minContacts
// distinct contact addresses (a minContacts below 1 counts as 1).
// Addresses are compared in lower case, so one contact entered twice counts
// once. Mail-provider domains (free mail, internet provider, disposable)
// are left out, and so are inputs that ParseDomain or ParseEmail reject. A
// website on a provider-and-company domain such as zoho.com is kept, since
// it names the provider's own company. The website domain comes first, then
// the others by falling contact count and then by name.
func (p *DomainParser) AccountDomains(website string, contactEmails []string, minContacts int) []AccountDomain {
	if minContacts < 1 {
		minContacts = 1
	}

	var out []AccountDomain
	websiteDomain := ""
	if d, err := p.ParseDomain(website); err == nil && (!d.IsMailProvider() || d.ProviderCompany) {
		websiteDomain = d.Registrable
		out = append(out, AccountDomain{Registrable: websiteDomain, Website: true})
	}

	seen := make(map[string]bool, len(contactEmails))
	counts := make(map[string]int)
	for _, input := range contactEmails {
		e, err := p.ParseEmail(input)
		if err != nil || e.Domain.IsMailProvider() {
			continue
		}
		address := strings.ToLower(e.Address())
		if seen[address] {
			continue
		}
		seen[address] = true
		counts[e.Domain.Registrable]++
	}

	if websiteDomain != "" {
		out[0].Contacts = counts[websiteDomain]
		delete(counts, websiteDomain)
	}

	first := len(out)
	for domain, n := range counts {
		if n >= minContacts {
			out = append(out, AccountDomain{Registrable: domain, Contacts: n})
		}
	}
	others := out[first:]
	sort.Slice(others, func(i, j int) bool {
		if others[i].Contacts != others[j].Contacts {
			return others[i].Contacts > others[j].Contacts
		}
		return others[i].Registrable < others[j].Registrable
	})
	return out
}
