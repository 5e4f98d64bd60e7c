package match

import (
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMailDomainSources(t *testing.T) {
	sources := MailDomainSources()
	require.Len(t, sources, 3)
	want := map[string][2]string{
		"freemail":                 {"1.7.0", "ISC"},
		"disposable-email-domains": {"1.0.62", "MIT"},
		"email-providers":          {"2.26.0", "ISC"},
	}
	for _, s := range sources {
		assert.Equal(t, want[s.Name][0], s.Version, s.Name)
		assert.Equal(t, want[s.Name][1], s.License, s.Name)
		assert.Positive(t, s.Count, s.Name)
		assert.Equal(t, "https://www.npmjs.com/package/"+s.Name, s.URL)
	}
	// The result is a copy.
	sources[0].Name = "changed"
	assert.Equal(t, "freemail", MailDomainSources()[0].Name)
}

func TestMailDomainListsAreClean(t *testing.T) {
	lists := []string{
		freeMailDomains, providerCompanyFreeMailDomains, ispMailDomains,
		providerCompanyISPDomains, disposableMailDomains, disposableMailZones,
	}
	seen := make(map[string]bool, mailDomainCount)
	for _, list := range lists {
		domains := strings.Split(list, "\n")
		assert.True(t, sort.StringsAreSorted(domains))
		for _, domain := range domains {
			assert.False(t, seen[domain], "%s is on two lists", domain)
			seen[domain] = true
		}
	}
	assert.Len(t, seen, mailDomainCount)
	// Every entry is a valid host in the form the parser produces, so a
	// lookup can find it.
	for domain := range seen {
		h, err := normalizeHost(domain, domain)
		if assert.NoError(t, err, domain) {
			assert.Equal(t, domain, h.name)
		}
	}
}

func TestMailDomainCuration(t *testing.T) {
	tests := []struct {
		domain          string
		kind            DomainKind
		providerCompany bool
	}{
		// Company domains that the upstream lists carry by mistake.
		{"easypost.com", KindCompany, false},
		{"facebook.com", KindCompany, false},
		{"example.com", KindCompany, false},
		{"comcast.com", KindCompany, false},
		{"nus.edu.sg", KindCompany, false},
		// Providers that are also the provider's company website.
		{"zoho.com", KindFreeMail, true},
		{"fastmail.com", KindFreeMail, true},
		{"yahoo.com", KindFreeMail, true},
		{"sky.com", KindISP, true},
		// Regional and legacy consumer domains.
		{"gmail.com", KindFreeMail, false},
		{"googlemail.com", KindFreeMail, false},
		{"hotmail.co.uk", KindFreeMail, false},
		{"hotmail.com.au", KindFreeMail, false},
		{"outlook.jp", KindFreeMail, false},
		{"icloud.com", KindFreeMail, false},
		{"me.com", KindFreeMail, false},
		{"proton.me", KindFreeMail, false},
		{"web.de", KindFreeMail, true},
		// Internet providers.
		{"comcast.net", KindISP, false},
		{"btinternet.com", KindISP, false},
		{"verizon.net", KindISP, false},
		{"t-online.de", KindISP, false},
		{"bigpond.com", KindISP, false},
		// Disposable services, with a wildcard zone.
		{"mailinator.com", KindDisposable, false},
		{"guerrillamail.com", KindDisposable, false},
		{"anything.33mail.com", KindDisposable, false},
	}
	for _, tt := range tests {
		d, err := ParseDomain(tt.domain)
		if !assert.NoError(t, err, tt.domain) {
			continue
		}
		assert.Equal(t, tt.kind, d.Kind, tt.domain)
		assert.Equal(t, tt.providerCompany, d.ProviderCompany, tt.domain)
	}
}

func TestIsFreeMailOnSubdomain(t *testing.T) {
	assert.True(t, IsFreeMail("https://mail.yahoo.co.jp/"))
	assert.True(t, IsFreeMail("jane@eu.mailinator.com"))
	assert.False(t, IsFreeMail("jane@gmail.example.com"))
}

func TestContainsSortedLine(t *testing.T) {
	list := "a.com\nbb.com\nc.org\nzz.net"
	for _, name := range []string{"a.com", "bb.com", "c.org", "zz.net"} {
		assert.True(t, containsSortedLine(list, name), name)
	}
	for _, name := range []string{"", "a", "a.co", "b.com", "bb.co", "c.org\n", "zz.neu", "zzz"} {
		assert.False(t, containsSortedLine(list, name), name)
	}
	assert.False(t, containsSortedLine("", "a.com"))
	// Every embedded disposable domain is found.
	for _, name := range strings.Split(disposableMailDomains, "\n") {
		if !containsSortedLine(disposableMailDomains, name) {
			t.Fatalf("%s is not found", name)
		}
	}
}

// TestMailFilterFalsePositives checks the filter on names that are not
// listed: the registrable domains of the ROR websites.
func TestMailFilterFalsePositives(t *testing.T) {
	data, err := os.ReadFile("../testdata/ror-records-subset/ror_orgs.csv")
	require.NoError(t, err)
	table := embeddedMailDomains()
	unlisted, passed := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		for _, field := range strings.Split(line, ",") {
			if !strings.HasPrefix(field, "http") {
				continue
			}
			d, err := ParseDomain(field)
			if err != nil || d.IsMailProvider() {
				continue
			}
			unlisted++
			word, mask := mailFilterPosition(d.Registrable)
			if table.filter[word]&mask == mask {
				passed++
			}
		}
	}
	require.Greater(t, unlisted, 10000)
	assert.Less(t, float64(passed)/float64(unlisted), 0.02, "%d of %d unlisted names pass", passed, unlisted)
}

// TestMailDomainSourcesMatchTestdata fails when the npm copies under
// testdata change version without "go generate" being run again.
func TestMailDomainSourcesMatchTestdata(t *testing.T) {
	folders := map[string]string{
		"freemail":                 "npm-freemail",
		"disposable-email-domains": "npm-disposable-email-domains",
		"email-providers":          "npm-email-providers",
	}
	for _, s := range MailDomainSources() {
		data, err := os.ReadFile("../testdata/" + folders[s.Name] + "/SOURCE.md")
		require.NoError(t, err, s.Name)
		first, _, _ := strings.Cut(string(data), "\n")
		assert.Equal(t, "# npm package `"+s.Name+"` "+s.Version, first)
	}
}
