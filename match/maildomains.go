package match

import (
	"fmt"
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
}

// mailDomainTable is the lookup structure of the embedded lists. A blocked
// Bloom filter of 256 KiB rejects most unlisted names, such as company
// domains, with one memory access that usually hits the CPU cache. Names that pass it are
// looked up in a map of the small lists, then by binary search in the
// sorted disposable list, which has about 120,000 domains and would cost
// several megabytes and tens of milliseconds as a map.
type mailDomainTable struct {
	small  map[string]mailDomainEntry
	filter []uint64
}

// mailFilterWords is the size of the filter in 64-bit words: 2^15 words or
// 2^21 bits, about 16 bits per listed domain. Each name sets three bits of
// one word, so an estimated 0.5% to 1% of unlisted names pass the filter.
const mailFilterWords = 1 << 15

// embeddedMailDomains returns the table, built on first use from the
// generated strings and never changed afterwards.
var embeddedMailDomains = sync.OnceValue(buildMailDomains)

func buildMailDomains() *mailDomainTable {
	t := &mailDomainTable{
		small:  make(map[string]mailDomainEntry, 8192),
		filter: make([]uint64, mailFilterWords),
	}
	forEachLine := func(list string, visit func(string)) {
		for list != "" {
			line, rest, _ := strings.Cut(list, "\n")
			visit(line)
			list = rest
		}
	}
	addToFilter := func(name string) {
		word, mask := mailFilterPosition(name)
		t.filter[word] |= mask
	}
	addToMap := func(list string, entry mailDomainEntry) {
		forEachLine(list, func(name string) {
			t.small[name] = entry
			addToFilter(name)
		})
	}
	// The generator makes the lists disjoint. An entry covers subdomains
	// because lookupMailDomain walks up from the host, so the zones of
	// disposable-email-domains' wildcard.json need no flag.
	addToMap(freeMailDomains, mailDomainEntry{kind: KindFreeMail})
	addToMap(providerCompanyFreeMailDomains, mailDomainEntry{kind: KindFreeMail, providerCompany: true})
	addToMap(ispMailDomains, mailDomainEntry{kind: KindISP})
	addToMap(providerCompanyISPDomains, mailDomainEntry{kind: KindISP, providerCompany: true})
	addToMap(disposableMailZones, mailDomainEntry{kind: KindDisposable})
	forEachLine(disposableMailDomains, addToFilter)
	return t
}

// mailFilterPosition hashes name with 64-bit FNV-1a to a filter word and a
// mask of three bits in it.
func mailFilterPosition(name string) (word uint64, mask uint64) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	h ^= h >> 29
	mask = 1<<(h&63) | 1<<(h>>6&63) | 1<<(h>>12&63)
	return (h >> 18) % mailFilterWords, mask
}

// lookup returns the entry of name.
func (t *mailDomainTable) lookup(name string) (mailDomainEntry, bool) {
	word, mask := mailFilterPosition(name)
	if t.filter[word]&mask != mask {
		return mailDomainEntry{}, false
	}
	if entry, ok := t.small[name]; ok {
		return entry, true
	}
	if containsSortedLine(disposableMailDomains, name) {
		return mailDomainEntry{kind: KindDisposable}, true
	}
	return mailDomainEntry{}, false
}

// containsSortedLine reports whether name is a line of list, whose lines
// are sorted in byte order and joined by "\n". It bisects byte offsets and
// moves each probe back to the start of its line, so it needs no index.
func containsSortedLine(list, name string) bool {
	lo, hi := 0, len(list) // both are always line starts, or len(list)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(list[lo:mid], '\n') + 1
		end := strings.IndexByte(list[start:], '\n')
		if end < 0 {
			end = len(list)
		} else {
			end += start
		}
		switch c := strings.Compare(name, list[start:end]); {
		case c == 0:
			return true
		case c < 0:
			hi = start
		default:
			lo = end + 1
		}
	}
	return false
}

// lookupMailDomain returns the list entry for host or, failing that, for the
// nearest parent of host down to registrable. Entries from the parser's
// options take precedence over the embedded lists at each level.
func (p *DomainParser) lookupMailDomain(host, registrable string) (mailDomainEntry, bool) {
	lists := embeddedMailDomains()
	for name := host; ; {
		// The lists and the options hold no "www." names, since the
		// generator and WithMailDomains remove that label.
		if strings.HasPrefix(name, "www.") && len(name) > len(registrable) {
			name = name[4:]
			continue
		}
		if p.kinds != nil {
			if entry, ok := p.kinds[name]; ok {
				return entry, entry.kind != KindCompany
			}
		}
		if entry, ok := lists.lookup(name); ok {
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
	// "www" under a PRIVATE suffix is the website of the suffix's owner,
	// such as www.ruhr-uni-bochum.de, and no tenant.
	if d.Section == SuffixPrivate && d.Brand != "www" && !registryPrivateSuffix(d.Suffix) {
		d.Kind = KindHostedTenant
	}
}

// MailDomainSource describes one upstream list that the embedded
// mail-domain lists are built from.
type MailDomainSource struct {
	// Name is the npm package name.
	Name string
	// Version is the package version the lists were generated from.
	Version string
	// License is the package's SPDX license identifier.
	License string
	// URL is the package's page on the npm registry.
	URL string
	// Count is the number of the package's domains that are in the
	// embedded lists after curation. A domain listed by several packages
	// counts for each.
	Count int
}

// MailDomainSources returns the upstream lists of the embedded free-mail,
// internet-provider and disposable domains, for license notices.
func MailDomainSources() []MailDomainSource {
	return append([]MailDomainSource(nil), mailDomainSources[:]...)
}

// WithMailDomains classifies domains as kind, overriding the embedded
// lists: KindFreeMail, KindISP or KindDisposable adds a domain to that
// list, and KindCompany removes it from every list. An entry also covers
// the subdomains of the domain, and a leading "www." is removed. NewDomainParser returns an error for
// another kind or an invalid domain.
func WithMailDomains(kind DomainKind, domains ...string) DomainOption {
	return func(p *DomainParser) error {
		if kind != KindCompany && kind != KindFreeMail && kind != KindISP && kind != KindDisposable {
			return fmt.Errorf("match: WithMailDomains accepts company, free mail, internet provider or disposable, not %s", kind)
		}
		for _, domain := range domains {
			h, err := normalizeHost(strings.TrimSpace(domain), domain)
			if err != nil {
				return err
			}
			if h.strictEnd >= 0 {
				return domainError(ErrInvalidHost, domain, h.strictReason)
			}
			if p.kinds == nil {
				p.kinds = make(map[string]mailDomainEntry)
			}
			p.kinds[strings.TrimPrefix(h.name, "www.")] = mailDomainEntry{kind: kind}
		}
		return nil
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
