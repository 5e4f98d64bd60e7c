package match

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkParsedDomain checks the invariants of a successful ParseDomain: all
// names are lower-case ASCII, they nest, and parsing the registrable domain
// again gives the same registrable domain.
func checkParsedDomain(t *testing.T, p *DomainParser, input string, d Domain) {
	t.Helper()
	for _, name := range []string{d.Host, d.Registrable, d.Suffix, d.Brand} {
		if name == "" || strings.ToLower(name) != name || hasNonASCII(name) {
			t.Fatalf("%q gave the name %q, which is not lower-case ASCII", input, name)
		}
	}
	if len(d.Host) > maxHostLength {
		t.Fatalf("%q gave a host of %d octets", input, len(d.Host))
	}
	if !strings.HasSuffix(d.Host, d.Registrable) || d.Registrable != d.Brand+"."+d.Suffix {
		t.Fatalf("%q gave names that do not nest: %+v", input, d)
	}
	again, err := p.ParseDomain(d.Registrable)
	if err != nil {
		t.Fatalf("%q gave %q, which fails to parse: %v", input, d.Registrable, err)
	}
	if again.Registrable != d.Registrable {
		t.Fatalf("%q gave %q, which parses to %q", input, d.Registrable, again.Registrable)
	}
	host, err := p.ParseDomain(d.Host)
	if err != nil || host.Registrable != d.Registrable {
		t.Fatalf("%q gave host %q, which parses to %q, %v", input, d.Host, host.Registrable, err)
	}
}

func FuzzParseDomain(f *testing.F) {
	for _, seed := range []string{
		"https://user:secret@www.Example.co.uk:8443/path?q=1#frag",
		"//cdn.example.co.uk/x.js", "WWW.Example.CO.UK.", "co.uk/deals",
		"https://TEST.公司.CN/", "test.xn--55qx5d.cn", "www.example.com。",
		"http://[2001:db8::1]/", "203.0.113.10", "mailto:jane@gmail.com",
		`"Doe, Jane <x>" <jane@example.com>`, "n/a", "xn--&.so-net.com",
		"a.b.test.ck", "shop.myshopify.com", "127.0.0.0x1", "ｅｘａｍｐｌｅ．ｃｏｍ",
	} {
		f.Add(seed)
	}
	icannOnly, err := NewDomainParser(WithICANNSuffixesOnly())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, input string) {
		for _, p := range []*DomainParser{defaultDomainParser, icannOnly} {
			d, err := p.ParseDomain(input)
			if err != nil {
				if !strings.Contains(err.Error(), "match: ") {
					t.Fatalf("%q: error without the package prefix: %v", input, err)
				}
				continue
			}
			checkParsedDomain(t, p, input, d)
		}
	})
}

func FuzzParseEmail(f *testing.F) {
	for _, seed := range []string{
		"jane@example.com", "Jane Doe <JANE@GMAIL.COM>", `"Doe, Jane" <jane@example.com>`,
		"mailto:info@example.com?subject=Hi", `"a@b"@example.com`, "jürgen@müller.de",
		"jane@[IPv6:2001:db8::1]", "support+x@mail.example.co.uk.", "@", "<>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		e, err := ParseEmail(input)
		if err != nil {
			return
		}
		if e.LocalPart == "" || len(e.LocalPart) > maxLocalPartLength || !utf8.ValidString(e.LocalPart) {
			t.Fatalf("%q gave the local part %q", input, e.LocalPart)
		}
		checkParsedDomain(t, defaultDomainParser, input, e.Domain)
		again, err := ParseEmail(e.Address())
		if err != nil {
			t.Fatalf("%q gave %q, which fails to parse: %v", input, e.Address(), err)
		}
		if again.Address() != e.Address() || again.Role != e.Role {
			t.Fatalf("%q gave %q, which parses to %q", input, e.Address(), again.Address())
		}
	})
}

func FuzzParseSuffixList(f *testing.F) {
	f.Add("com\n*.jp\n!city.jp\n// ===BEGIN PRIVATE DOMAINS===\nblogspot.com\n", "www.city.jp")
	f.Add("*.ck\n!www.ck\n", "a.b.www.ck")
	f.Fuzz(func(t *testing.T, dat, input string) {
		list, err := ParseSuffixList(strings.NewReader(dat), "fuzz")
		if err != nil {
			return
		}
		p, err := NewDomainParser(WithSuffixList(list))
		if err != nil {
			t.Fatal(err)
		}
		d, err := p.ParseDomain(input)
		if err != nil {
			return
		}
		checkParsedDomain(t, p, input, d)
	})
}
