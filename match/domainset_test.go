package match

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAccountDomains(t *testing.T) {
	got := AccountDomains("https://www.acme.co.uk/", []string{
		"jane@acme.co.uk",
		"joe@acme-group.com",
		"Ann <ann@acme-group.com>",
		"ANN@ACME-GROUP.COM", // the same contact again
		"max@acme.de",
		"lee@acme.de",
		"kim@acme.de",
		"bob@gmail.com",
		"sue@gmail.com",
		"x@mailinator.com",
		"y@mailinator.com",
		"not an address",
		"solo@consultant.io",
	}, 2)
	assert.Equal(t, []AccountDomain{
		{Registrable: "acme.co.uk", Website: true, Contacts: 1},
		{Registrable: "acme.de", Contacts: 3},
		{Registrable: "acme-group.com", Contacts: 2},
	}, got)
}

func TestAccountDomainsWebsiteRules(t *testing.T) {
	// A free-mail website is no company key, a provider's own website is.
	assert.Empty(t, AccountDomains("gmail.com", nil, 1))
	assert.Equal(t, []AccountDomain{{Registrable: "zoho.com", Website: true}}, AccountDomains("https://www.zoho.com", nil, 1))
	assert.Empty(t, AccountDomains("n/a", nil, 1))
	// A minimum below 1 counts every contact domain.
	assert.Equal(t, []AccountDomain{{Registrable: "example.org", Contacts: 1}}, AccountDomains("", []string{"a@example.org"}, 0))
}
