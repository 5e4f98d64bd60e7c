package match

import (
	"errors"
	"fmt"
	"strings"
)

// Errors that ParseDomain, ParseEmail and NormalizeDomain wrap. Test for
// them with errors.Is. The message of a returned error also shows the input.
var (
	// ErrEmpty reports an input without a host: an empty or
	// white-space string, a placeholder such as "n/a", "none", "-" or
	// "www", or a URL without a host such as "http://".
	ErrEmpty = errors.New("no domain in input")
	// ErrIPAddress reports an IPv4 or IPv6 address where a host name was
	// expected.
	ErrIPAddress = errors.New("IP address instead of a domain name")
	// ErrNonPublicName reports a name that does not exist in the public DNS.
	// Such names are single-label hosts such as "localhost" or "intranet",
	// and names under a special-use or private-use top-level label such as
	// .local, .localhost, .internal, .lan, .home.arpa, .invalid, .test or
	// .onion.
	ErrNonPublicName = errors.New("not a public domain name")
	// ErrPublicSuffix reports a host that is itself a public suffix, such
	// as "co.uk", "gov.uk" or "github.io", so no registrable domain exists.
	ErrPublicSuffix = errors.New("public suffix without a registrable domain")
	// ErrInvalidHost reports text that is not a valid host name: an empty
	// label, a leading dot, a forbidden character, a label longer than 63
	// octets, invalid punycode or an invalid internationalized name.
	ErrInvalidHost = errors.New("invalid host name")
	// ErrInputTooLong reports an input longer than MaxDomainInputLength
	// bytes, or a host longer than 253 octets.
	ErrInputTooLong = errors.New("input too long")
)

// MaxDomainInputLength is the longest input, in bytes, that ParseDomain and
// ParseEmail read. Longer inputs fail with ErrInputTooLong before any other
// work. The host inside an input is limited separately to 253 octets, the
// DNS maximum.
const MaxDomainInputLength = 8192

// domainError wraps kind with the input and a reason.
func domainError(kind error, input, reason string) error {
	if len(input) > 128 {
		input = input[:128] + "..."
	}
	return fmt.Errorf("match: %w: %q: %s", kind, input, reason)
}

// DomainKind is the role of a registrable domain in account matching.
type DomainKind uint8

const (
	// KindCompany is the default: a domain that identifies one
	// organisation.
	KindCompany DomainKind = iota
	// KindFreeMail is a consumer mail provider, such as gmail.com or
	// yahoo.co.jp. An address there does not identify the holder's
	// employer.
	KindFreeMail
	// KindISP is an internet provider that gives its subscribers mail
	// addresses, such as comcast.net or btinternet.com.
	KindISP
	// KindDisposable is a throw-away mail service, such as
	// mailinator.com.
	KindDisposable
	// KindHostedTenant is a customer's subdomain on a platform listed in
	// the PRIVATE section of the Public Suffix List, such as
	// shop-one.myshopify.com or someone.github.io. Each tenant is its own
	// registrable domain, but the platform hosts many unrelated tenants.
	KindHostedTenant
)

// String returns the kind in lower case: "company", "free mail", "internet
// provider", "disposable" or "hosted tenant".
func (k DomainKind) String() string {
	switch k {
	case KindCompany:
		return "company"
	case KindFreeMail:
		return "free mail"
	case KindISP:
		return "internet provider"
	case KindDisposable:
		return "disposable"
	case KindHostedTenant:
		return "hosted tenant"
	}
	return fmt.Sprintf("DomainKind(%d)", uint8(k))
}

// Domain is the result of ParseDomain.
//
// Host is the full host name in lower-case ASCII, with Unicode labels
// converted to IDNA A-labels (punycode) by the UTS #46 non-transitional
// mapping, so "TEST.公司.CN" and "test.xn--55qx5d.cn" give the same Host.
// Suffix is the public suffix of Host under the Public Suffix List,
// PRIVATE section included, and Registrable is Suffix plus one label.
type Domain struct {
	// Host is the host name, such as "www.example.co.uk".
	Host string
	// Registrable is the registrable domain, such as "example.co.uk": the
	// key to compare accounts by.
	Registrable string
	// Suffix is the public suffix, such as "co.uk".
	Suffix string
	// Section is the part of the Public Suffix List that Suffix comes from.
	Section SuffixSection
	// Brand is the label in front of the suffix, such as "example", in
	// ASCII (an IDNA A-label for a Unicode name).
	Brand string
	// Kind separates company domains from mail providers and hosted tenants.
	Kind DomainKind
	// ProviderCompany reports that a mail-provider domain is also the
	// website of the provider's own company, such as zoho.com or
	// fastmail.com. An email address there belongs to a consumer mailbox,
	// but a website there belongs to the provider.
	ProviderCompany bool
}

// IsMailProvider reports whether the domain gives out mailboxes to the
// public: free mail, internet provider or disposable.
func (d Domain) IsMailProvider() bool {
	return d.Kind == KindFreeMail || d.Kind == KindISP || d.Kind == KindDisposable
}

// DomainParser parses domains with a chosen public suffix list and chosen
// mail-provider lists. Build one with NewDomainParser. A DomainParser is
// immutable and safe for concurrent use. The zero value is not usable.
type DomainParser struct {
	suffixes  *SuffixList
	icannOnly bool
	// kinds overrides the embedded mail-domain lists: a listed domain gets
	// the stored kind. Nil when no option changes the lists.
	kinds map[string]mailDomainEntry
}

// DomainOption configures NewDomainParser.
type DomainOption func(*DomainParser) error

// WithSuffixList makes the parser use list, for example a newer
// public_suffix_list.dat loaded by ParseSuffixList.
func WithSuffixList(list *SuffixList) DomainOption {
	return func(p *DomainParser) error {
		if list == nil || (list.rules == nil && list != defaultSuffixList) {
			return errors.New("match: WithSuffixList needs a list from DefaultSuffixList or ParseSuffixList")
		}
		p.suffixes = list
		return nil
	}
}

// WithICANNSuffixesOnly makes the parser ignore the PRIVATE section of the
// suffix list, so "shop.myshopify.com" gives "myshopify.com" and
// "foo.uk.com" gives "uk.com". KindHostedTenant never occurs then.
func WithICANNSuffixesOnly() DomainOption {
	return func(p *DomainParser) error {
		p.icannOnly = true
		return nil
	}
}

// defaultDomainParser serves the package-level functions. It is never
// changed after initialization.
var defaultDomainParser = &DomainParser{suffixes: defaultSuffixList}

// NewDomainParser returns a parser configured by opts, or the first error
// an option reports. Without options it behaves like the package-level
// ParseDomain.
func NewDomainParser(opts ...DomainOption) (*DomainParser, error) {
	p := &DomainParser{suffixes: defaultSuffixList}
	for _, opt := range opts {
		if err := opt(p); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// ParseDomain parses input with the default parser. See
// DomainParser.ParseDomain for the rules.
func ParseDomain(input string) (Domain, error) {
	return defaultDomainParser.ParseDomain(input)
}

// NormalizeDomain returns the registrable domain of input: its public
// suffix plus one label, in lower-case ASCII. It accepts everything
// ParseDomain accepts and fails where ParseDomain fails.
func NormalizeDomain(input string) (string, error) {
	d, err := defaultDomainParser.ParseDomain(input)
	if err != nil {
		return "", err
	}
	return d.Registrable, nil
}

// NormalizeDomain returns the registrable domain of input, as the
// package-level NormalizeDomain does, with the parser's lists.
func (p *DomainParser) NormalizeDomain(input string) (string, error) {
	d, err := p.ParseDomain(input)
	if err != nil {
		return "", err
	}
	return d.Registrable, nil
}

// ParseDomain finds the host in input and returns its registrable domain,
// public suffix and kind.
//
// Input forms:
//   - a host name: "www.example.com", "WWW.Example.CO.UK.";
//   - a host followed by a port, path, query or fragment: "co.uk:8081",
//     "example.com/deals";
//   - a URL with any scheme, user info, port, path, query and fragment:
//     "https://user:pw@www.example.com:8443/x?q=1#top";
//   - a scheme-relative URL: "//cdn.example.com/x.js";
//   - an email address or a "mailto:" URL, whose domain part decides;
//   - a display name and an address in angle brackets. The name may be
//     quoted and contain commas or angle brackets:
//     `"Doe, Jane <CEO>" <jane@example.com>`.
//
// Normalization: surrounding white space is removed, a percent-encoded
// host is decoded, and upper case, one trailing dot, and the ideographic
// (U+3002), full-width (U+FF0E) and half-width (U+FF61) full stops are
// accepted. Unicode labels are
// converted to A-labels with the UTS #46 non-transitional mapping (IDNA
// 2008, so "ß" is kept), so a Unicode host and its punycode spelling give
// the same result.
//
// Rules:
//   - The public suffix is the longest matching rule of the Public Suffix
//     List, PRIVATE section included unless WithICANNSuffixesOnly is set.
//     An exception rule ("!city.kobe.jp") wins over a wildcard.
//   - An unlisted top-level label is its own suffix (the list's implicit
//     "*" rule), so "example.example" is registrable.
//   - The top-level label must be two or more letters or a valid A-label
//     (RFC 1123 section 2.1), which rejects numeric hosts such as
//     "127.0.0".
//   - The labels of the registrable domain must be letters, digits and
//     inner hyphens, or valid A-labels, of 1 to 63 octets. Labels in front
//     of it may also hold underscores, invalid punycode and other ASCII
//     characters that the WHATWG URL Standard allows in a domain, as
//     browsers accept them.
//   - The host is at most 253 octets in ASCII, and the input at most
//     MaxDomainInputLength bytes.
//
// Errors wrap ErrEmpty (also for placeholders such as "n/a", "none", "-"
// and "http://"), ErrIPAddress, ErrNonPublicName, ErrPublicSuffix,
// ErrInvalidHost or ErrInputTooLong.
//
// Deliberate differences from the test cases of the tldextract Python
// library (5.3.1):
//   - An unlisted top-level label such as "bizarre" or "information", or
//     "za", which has only second-level rules, gives a registrable domain
//     under the implicit "*" rule. tldextract returns none, but the Public
//     Suffix List test vectors require the rule.
//   - An "xn--" label holding non-ASCII characters is an error, because it
//     has no lower-case ASCII form. tldextract keeps it.
func (p *DomainParser) ParseDomain(input string) (Domain, error) {
	rawHost, err := splitDomainInput(input)
	if err != nil {
		return Domain{}, err
	}
	return p.parseHost(rawHost, input)
}

// parseHost turns a raw host taken from input into a Domain.
func (p *DomainParser) parseHost(rawHost, input string) (Domain, error) {
	h, err := normalizeHost(rawHost, input)
	if err != nil {
		return Domain{}, err
	}
	name := h.name
	if nonPublicHost(name) {
		return Domain{}, domainError(ErrNonPublicName, input, "the name is not in the public DNS")
	}

	var suffix string
	var section SuffixSection
	if p.icannOnly {
		suffix, section = p.suffixes.icannSuffix(name)
	} else {
		suffix, section = p.suffixes.PublicSuffix(name)
	}
	if len(suffix) >= len(name) {
		if section == SuffixUnlisted {
			return Domain{}, domainError(ErrNonPublicName, input, "a single-label name is not in the public DNS")
		}
		if section == SuffixPrivate {
			return Domain{}, domainError(ErrPublicSuffix, input, fmt.Sprintf("%q is a public suffix in the PRIVATE section of the list, so use a parser built WithICANNSuffixesOnly to get its owner's domain", name))
		}
		return Domain{}, domainError(ErrPublicSuffix, input, fmt.Sprintf("%q is a public suffix", name))
	}

	prefix := name[:len(name)-len(suffix)-1]
	brand := prefix[strings.LastIndexByte(prefix, '.')+1:]
	registrableStart := len(prefix) - len(brand)
	if h.strictEnd > registrableStart {
		return Domain{}, domainError(ErrInvalidHost, input, h.strictReason)
	}
	registrable := name[registrableStart:]
	if strings.IndexByte(registrable, '_') >= 0 {
		return Domain{}, domainError(ErrInvalidHost, input, "the registrable domain contains an underscore")
	}
	d := Domain{
		Host:        name,
		Registrable: registrable,
		Suffix:      suffix,
		Section:     section,
		Brand:       brand,
	}
	p.classify(&d)
	return d, nil
}

// nonPublicHost reports whether host lies under a top-level label reserved
// for private or special use. These are localhost, invalid and test (RFC
// 6761), local (RFC 6762), onion (RFC 7686), internal (reserved by ICANN in
// 2024), and lan, home, corp and localdomain, which private networks use.
// The subdomains of arpa count too, such as home.arpa (RFC 8375) and the
// reverse-lookup zones. "example" (RFC 6761) is left out because the Public Suffix List
// test vectors treat "example.example" as registrable.
func nonPublicHost(host string) bool {
	switch host[strings.LastIndexByte(host, '.')+1:] {
	case "localhost", "invalid", "test", "local", "onion", "internal", "lan", "home", "corp", "localdomain":
		return true
	case "arpa":
		return host != "arpa"
	}
	return false
}
