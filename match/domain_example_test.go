package match_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/accountkit/accountkit/match"
)

func ExampleNormalizeDomain() {
	for _, input := range []string{
		"https://user:secret@www.Example.co.uk:8443/path?q=1#frag",
		"Jane Doe <jane@Example.CO.UK>",
		"https://TEST.公司.CN/",
		"co.uk/deals",
	} {
		domain, err := match.NormalizeDomain(input)
		if errors.Is(err, match.ErrPublicSuffix) {
			fmt.Println("public suffix:", input)
			continue
		}
		fmt.Println(domain)
	}
	// Output:
	// example.co.uk
	// example.co.uk
	// test.xn--55qx5d.cn
	// public suffix: co.uk/deals
}

func ExampleIsFreeMail() {
	fmt.Println(match.IsFreeMail("Jane Doe <JANE@GMAIL.COM>"))
	fmt.Println(match.IsFreeMail("jane@example.com"))
	// Output:
	// true
	// false
}

func ExampleParseDomain() {
	for _, input := range []string{
		"https://www.Example.co.uk/about",
		"shop-one.myshopify.com",
		"mailto:jane@yahoo.co.jp",
	} {
		d, err := match.ParseDomain(input)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %s suffix=%s (%s) brand=%s kind=%s\n",
			d.Host, d.Registrable, d.Suffix, d.Section, d.Brand, d.Kind)
	}
	_, err := match.ParseDomain("http://192.168.0.1:8080/")
	fmt.Println(errors.Is(err, match.ErrIPAddress))
	// Output:
	// www.example.co.uk example.co.uk suffix=co.uk (icann) brand=example kind=company
	// shop-one.myshopify.com shop-one.myshopify.com suffix=myshopify.com (private) brand=shop-one kind=hosted tenant
	// yahoo.co.jp yahoo.co.jp suffix=co.jp (icann) brand=yahoo kind=free mail
	// true
}

func ExampleParseEmail() {
	e, err := match.ParseEmail(`"Doe, Jane" <Sales@Acme.CO.UK>`)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.DisplayName, "|", e.LocalPart, "|", e.Domain.Registrable, "| role:", e.Role)
	// Output:
	// Doe, Jane | Sales | acme.co.uk | role: true
}

func ExampleAccountDomains() {
	domains := match.AccountDomains("https://www.acme.com", []string{
		"jane@acme.com", "joe@acme.de", "ann@acme.de", "bob@gmail.com", "eve@other.org",
	}, 2)
	for _, d := range domains {
		fmt.Println(d.Registrable, d.Website, d.Contacts)
	}
	// Output:
	// acme.com true 1
	// acme.de false 2
}

func ExampleNewDomainParser() {
	p, err := match.NewDomainParser(
		match.WithMailDomains(match.KindFreeMail, "staff-mail.example"),
		match.WithMailDomains(match.KindCompany, "gmail.com"),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.IsFreeMail("jane@staff-mail.example"), p.IsFreeMail("jane@gmail.com"))
	// Output:
	// true false
}

func ExampleParseSuffixList() {
	const dat = "// ===BEGIN ICANN DOMAINS===\ncom\n// ===END ICANN DOMAINS===\n" +
		"// ===BEGIN PRIVATE DOMAINS===\nexample-cloud.com\n// ===END PRIVATE DOMAINS===\n"
	list, err := match.ParseSuffixList(strings.NewReader(dat), "inline sample")
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := match.NewDomainParser(match.WithSuffixList(list))
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := p.ParseDomain("app.tenant.example-cloud.com")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Registrable, d.Section, d.Kind)
	// Output:
	// tenant.example-cloud.com private hosted tenant
}

func ExampleMailDomainSources() {
	for _, s := range match.MailDomainSources() {
		fmt.Println(s.Name, s.Version, s.License)
	}
	// Output:
	// freemail 1.7.0 ISC
	// disposable-email-domains 1.0.62 MIT
	// email-providers 2.26.0 ISC
}
