package match

import (
	"strings"
	"sync"
)

//go:generate go run ./internal/genmaildomains

// mailDomainEntry is the record the mail-domain lists store for one domain.
type mailDomainEntry struct {
	kind DomainKind
	// providerCompany marks a provider domain that is also its company's
	// website, such as zoho.com.
	providerCompany bool
	// subdomains makes the entry cover every subdomain too.
	subdomains bool
}

// embeddedMailDomains maps each listed domain to its entry. It is built on
// first use from the generated strings and never changed afterwards.
var embeddedMailDomains = sync.OnceValue(func() map[string]mailDomainEntry {
	m := make(map[string]mailDomainEntry, mailDomainCount)
	add := func(list string, entry mailDomainEntry) {
		for list != "" {
			line, rest, _ := strings.Cut(list, "\n")
			m[line] = entry
			list = rest
		}
	}
	// Later lists win, so a domain on several lists ends as the most
	// specific kind: disposable, then internet provider, then free mail.
	add(disposableMailDomains, mailDomainEntry{kind: KindDisposable})
	add(disposableMailZones, mailDomainEntry{kind: KindDisposable, subdomains: true})
	add(ispMailDomains, mailDomainEntry{kind: KindISP})
	add(freeMailDomains, mailDomainEntry{kind: KindFreeMail})
	add(providerCompanyFreeMailDomains, mailDomainEntry{kind: KindFreeMail, providerCompany: true})
	add(providerCompanyISPDomains, mailDomainEntry{kind: KindISP, providerCompany: true})
	return m
})

// lookupMailDomain returns the list entry for host or one of its parents
// down to registrable, the most specific first.
func (p *DomainParser) lookupMailDomain(host, registrable string) (mailDomainEntry, bool) {
	lists := embeddedMailDomains()
	for name := host; ; {
		if p.kinds != nil {
			if entry, ok := p.kinds[name]; ok {
				return entry, entry.kind != KindCompany
			}
		}
		if entry, ok := lists[name]; ok {
			return entry, true
		}
		if len(name) <= len(registrable) {
			return mailDomainEntry{}, false
		}
		name = name[strings.IndexByte(name, '.')+1:]
	}
}

// classify sets d.Kind and d.ProviderCompany.
func (p *DomainParser) classify(d *Domain) {
	if entry, ok := p.lookupMailDomain(d.Host, d.Registrable); ok {
		d.Kind = entry.kind
		d.ProviderCompany = entry.providerCompany
		return
	}
	if d.Section == SuffixPrivate && !registryPrivateSuffix(d.Suffix) {
		d.Kind = KindHostedTenant
	}
}

// IsFreeMail reports whether input, an email address, URL or domain, lies
// under a consumer mail provider: a free-mail, internet-provider or
// disposable domain of the embedded lists. It returns false for input that
// ParseDomain rejects.
func IsFreeMail(input string) bool {
	return defaultDomainParser.IsFreeMail(input)
}

// IsFreeMail reports whether input lies under a consumer mail provider in
// the parser's lists, as the package-level IsFreeMail does.
func (p *DomainParser) IsFreeMail(input string) bool {
	d, err := p.ParseDomain(input)
	return err == nil && d.IsMailProvider()
}
