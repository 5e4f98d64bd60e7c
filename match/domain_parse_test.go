package match

import (
	"encoding/csv"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDomainFields(t *testing.T) {
	tests := []struct {
		input string
		want  Domain
	}{
		{"https://www.Example.co.uk/", Domain{Host: "www.example.co.uk", Registrable: "example.co.uk", Suffix: "co.uk", Section: SuffixICANN, Brand: "example", Kind: KindCompany}},
		{"shop-one.myshopify.com", Domain{Host: "shop-one.myshopify.com", Registrable: "shop-one.myshopify.com", Suffix: "myshopify.com", Section: SuffixPrivate, Brand: "shop-one", Kind: KindHostedTenant}},
		{"someone.github.io", Domain{Host: "someone.github.io", Registrable: "someone.github.io", Suffix: "github.io", Section: SuffixPrivate, Brand: "someone", Kind: KindHostedTenant}},
		{"www.example.uk.com", Domain{Host: "www.example.uk.com", Registrable: "example.uk.com", Suffix: "uk.com", Section: SuffixPrivate, Brand: "example", Kind: KindCompany}},
		{"jane@gmail.com", Domain{Host: "gmail.com", Registrable: "gmail.com", Suffix: "com", Section: SuffixICANN, Brand: "gmail", Kind: KindFreeMail}},
		{"jane@comcast.net", Domain{Host: "comcast.net", Registrable: "comcast.net", Suffix: "net", Section: SuffixICANN, Brand: "comcast", Kind: KindISP}},
		{"jane@btinternet.com", Domain{Host: "btinternet.com", Registrable: "btinternet.com", Suffix: "com", Section: SuffixICANN, Brand: "btinternet", Kind: KindISP}},
		{"x@mailinator.com", Domain{Host: "mailinator.com", Registrable: "mailinator.com", Suffix: "com", Section: SuffixICANN, Brand: "mailinator", Kind: KindDisposable}},
		{"https://www.zoho.com/mail/", Domain{Host: "www.zoho.com", Registrable: "zoho.com", Suffix: "com", Section: SuffixICANN, Brand: "zoho", Kind: KindFreeMail, ProviderCompany: true}},
		{"fastmail.com", Domain{Host: "fastmail.com", Registrable: "fastmail.com", Suffix: "com", Section: SuffixICANN, Brand: "fastmail", Kind: KindFreeMail, ProviderCompany: true}},
		{"easypost.com", Domain{Host: "easypost.com", Registrable: "easypost.com", Suffix: "com", Section: SuffixICANN, Brand: "easypost", Kind: KindCompany}},
		{"example.example", Domain{Host: "example.example", Registrable: "example.example", Suffix: "example", Section: SuffixUnlisted, Brand: "example", Kind: KindCompany}},
	}
	for _, tt := range tests {
		got, err := ParseDomain(tt.input)
		if assert.NoError(t, err, tt.input) {
			assert.Equal(t, tt.want, got, tt.input)
		}
	}
}

func TestParseDomainInputForms(t *testing.T) {
	tests := []struct {
		input string
		want  string
	}{
		{"example.com", "example.com"},
		{"  www.example.com\t\n", "example.com"},
		{"\u00a0www.example.com\u3000", "example.com"},
		{"EXAMPLE.COM", "example.com"},
		{"example.com.", "example.com"},
		{"http://example.com", "example.com"},
		{"HTTPS://WWW.EXAMPLE.COM/About", "example.com"},
		{"https://example.com:443", "example.com"},
		{"https://user@example.com", "example.com"},
		{"https://user:p@ss@example.com/x", "example.com"},
		{"ftp://files.example.com/pub", "example.com"},
		{"git+ssh://git.example.com:22/repo", "example.com"},
		{"//example.com", "example.com"},
		{"example.com/path/to?x=1", "example.com"},
		{"example.com?x=1", "example.com"},
		{"example.com#top", "example.com"},
		{`http://example.com\path`, "example.com"},
		{"www.example.com/contact?email=jane@gmail.com", "example.com"},
		{"jane@example.com", "example.com"},
		{"Jane.Doe+news@Mail.Example.com", "example.com"},
		{"mailto:jane@example.com", "example.com"},
		{"MAILTO:jane@example.com?subject=Hello", "example.com"},
		{"mailto:jane@example.com,joe@other.org", "example.com"},
		{"<jane@example.com>", "example.com"},
		{"Jane Doe <jane@example.com>", "example.com"},
		{`"Doe, Jane" <jane@example.com>`, "example.com"},
		{`"Jane <Sales>" <jane@example.com>`, "example.com"},
		{`"Jane \"JD\" Doe" <jane@example.com>`, "example.com"},
		{`Jane (Sales <EMEA>) <jane@example.com>`, "example.com"},
		{"Jane Doe <mailto:jane@example.com>", "example.com"},
		{"bücher.example", "xn--bcher-kva.example"},
		{"BÜCHER.de", "xn--bcher-kva.de"},
		{"xn--bcher-kva.de", "xn--bcher-kva.de"},
		{"https://www.bücher.de/", "xn--bcher-kva.de"},
		{"ｅｘａｍｐｌｅ．ｃｏｍ", "example.com"},
		{"例え.テスト", "xn--r8jz45g.xn--zckzah"},
		{"www.example.com。", "example.com"},
		{"www｡example｡com", "example.com"},
		{"*.example.com", "example.com"},
		{"my_host.example.com", "example.com"},
		{"-weird-.example.com", "example.com"},
		{"xn--zckzap6140b352by.blog.so-net.xn--wcvs22d.hk", "so-net.xn--wcvs22d.hk"},
		{"Test.XN--P1AI", "test.xn--p1ai"},
		{"www.city.kobe.jp", "city.kobe.jp"},
		{"a.b.test.ck", "b.test.ck"},
		{"www.ck", "www.ck"},
		{"216.22.project.coop", "project.coop"},
		{`"www.example.com"`, "example.com"},
		{"'jane@example.com'", "example.com"},
		{"www.example.com,", "example.com"},
		{"www.example.com, www.example.org", "example.com"},
		{"jane@example.com; joe@other.org", "example.com"},
		{"jane@example.com (Jane Doe)", "example.com"},
		{"www.example.com\twww.other.org", "example.com"},
		{"jane@example.com;", "example.com"},
		{`" https://www.example.com/ "`, "example.com"},
		{"http://www.ex%61mple.com/", "example.com"},
		{"https://b%C3%BCcher.de/", "xn--bcher-kva.de"},
	}
	for _, tt := range tests {
		got, err := NormalizeDomain(tt.input)
		if assert.NoError(t, err, "%q", tt.input) {
			assert.Equal(t, tt.want, got, "%q", tt.input)
		}
	}
}

func TestParseDomainRejects(t *testing.T) {
	tests := []struct {
		input string
		want  error
	}{
		{"N/A", ErrEmpty},
		{"none", ErrEmpty},
		{"null", ErrEmpty},
		{"—", ErrEmpty},
		{"www.", ErrEmpty},
		{"https://", ErrEmpty},
		{"mailto:", ErrEmpty},
		{"//", ErrEmpty},
		{"://example.com", ErrEmpty},
		{"#//example.com", ErrEmpty},
		{"jane@", ErrEmpty},
		{"#N/A", ErrEmpty},
		{"(none)", ErrEmpty},
		{"<none>", ErrEmpty},
		{"Not Applicable", ErrEmpty},
		{`"n/a"`, ErrEmpty},
		{"https://none", ErrEmpty},
		{"http://www/", ErrEmpty},
		{",", ErrEmpty},
		{`""`, ErrEmpty},
		{"127.0.0.1", ErrIPAddress},
		{"http://127.0.0.1/foo", ErrIPAddress},
		{"http://127。0．0｡1/foo", ErrIPAddress},
		{"http://127.0.0/", ErrIPAddress},
		{"http://0x7f.0.0.1/", ErrIPAddress},
		{"http://[::1]:8080/", ErrIPAddress},
		{"jane@[192.0.2.1]", ErrIPAddress},
		{"::ffff:192.0.2.1", ErrIPAddress},
		{"http://256.256.256.256/", ErrIPAddress},
		{"127.0.0.1.9", ErrInvalidHost},
		{"1.1.1.1com", ErrInvalidHost},
		{"example.123", ErrInvalidHost},
		{"n.a", ErrEmpty},
		{"www.n.a", ErrInvalidHost},
		{"0.N.A", ErrInvalidHost},
		{"localhost.localdomain", ErrNonPublicName},
		{"app.localhost", ErrNonPublicName},
		{"server.internal", ErrNonPublicName},
		{"nas.lan", ErrNonPublicName},
		{"router.home.arpa", ErrNonPublicName},
		{"1.2.0.192.in-addr.arpa", ErrNonPublicName},
		{"www.example.test", ErrNonPublicName},
		{"http://internalunlikelyhostname/", ErrNonPublicName},
		{"com", ErrPublicSuffix},
		{"COM.", ErrPublicSuffix},
		{"公司.cn", ErrPublicSuffix},
		{"blogspot.com", ErrPublicSuffix},
		{"c.kobe.jp", ErrPublicSuffix},
		{"https://co.uk:8081/deals", ErrPublicSuffix},
		{".example.com", ErrInvalidHost},
		{"example.com..", ErrInvalidHost},
		{"exa mple.com", ErrInvalidHost},
		{"exam<ple.com", ErrInvalidHost},
		{"http://exa%2fmple.com/", ErrInvalidHost},
		{"http://exa%zzmple.com/", ErrInvalidHost},
		{"example.com:http", ErrInvalidHost},
		{"-example.com", ErrInvalidHost},
		{"my_site.com", ErrInvalidHost},
		{"xn--abc.com", ErrInvalidHost},
		{"xn--ß.com", ErrInvalidHost},
		{"\ufe0e", ErrInvalidHost},
		{"a.\u00ad.com", ErrInvalidHost},
		{strings.Repeat("a", 64) + ".com", ErrInvalidHost},
		{strings.Repeat("a.", 127) + "com", ErrInputTooLong},
		{strings.Repeat("x", MaxDomainInputLength+1), ErrInputTooLong},
	}
	for _, tt := range tests {
		_, err := ParseDomain(tt.input)
		assert.ErrorIs(t, err, tt.want, "%.60q", tt.input)
	}
}

func TestParseDomainUnicodeAndPunycodeAgree(t *testing.T) {
	pairs := [][2]string{
		{"test.公司.cn", "test.xn--55qx5d.cn"},
		{"https://TEST.公司.CN/", "test.xn--55qx5d.cn"},
		{"食狮.中国", "xn--85x722f.xn--fiqs8s"},
		{"müller.de", "xn--mller-kva.de"},
		{"straße.de", "xn--strae-oqa.de"},
		{"пример.рф", "xn--e1afmkfd.xn--p1ai"},
	}
	for _, pair := range pairs {
		unicode, err := ParseDomain(pair[0])
		require.NoError(t, err, pair[0])
		ascii, err := ParseDomain(pair[1])
		require.NoError(t, err, pair[1])
		assert.Equal(t, ascii.Registrable, unicode.Registrable, pair[0])
		assert.Equal(t, pair[1], unicode.Registrable, pair[0])
	}
}

func TestParseDomainHugeInputIsFast(t *testing.T) {
	huge := strings.Repeat("a", 1<<20) + ".com"
	for _, input := range []string{huge, "https://" + huge, "jane@" + huge, strings.Repeat("<", 1<<20)} {
		_, err := ParseDomain(input)
		assert.ErrorIs(t, err, ErrInputTooLong)
		_, err = ParseEmail(input)
		assert.ErrorIs(t, err, ErrInputTooLong)
	}
	// A host over 253 octets inside an input under the input limit.
	long := "https://" + strings.Repeat("abcdefgh.", 40) + "com/"
	_, err := ParseDomain(long)
	assert.ErrorIs(t, err, ErrInputTooLong)
}

func TestDomainParserICANNOnly(t *testing.T) {
	p, err := NewDomainParser(WithICANNSuffixesOnly())
	require.NoError(t, err)
	for input, want := range map[string]string{
		"shop-one.myshopify.com": "myshopify.com",
		"foo.uk.com":             "uk.com",
		"www.example.co.uk":      "example.co.uk",
		"a.b.test.ck":            "b.test.ck",
	} {
		d, err := p.ParseDomain(input)
		if assert.NoError(t, err, input) {
			assert.Equal(t, want, d.Registrable, input)
			assert.NotEqual(t, KindHostedTenant, d.Kind, input)
		}
	}
}

func TestDomainParserMailDomainOptions(t *testing.T) {
	p, err := NewDomainParser(
		WithMailDomains(KindFreeMail, "Mail.Example.ORG", "bücher.de"),
		WithMailDomains(KindCompany, "gmail.com"),
		WithMailDomains(KindDisposable, "trash.example.net"),
	)
	require.NoError(t, err)
	tests := []struct {
		input string
		want  DomainKind
	}{
		{"jane@mail.example.org", KindFreeMail},
		{"jane@eu.mail.example.org", KindFreeMail},
		{"jane@example.org", KindCompany},
		{"jane@xn--bcher-kva.de", KindFreeMail},
		{"jane@gmail.com", KindCompany},
		{"x@trash.example.net", KindDisposable},
		{"jane@yahoo.co.jp", KindFreeMail},
	}
	for _, tt := range tests {
		d, err := p.ParseDomain(tt.input)
		if assert.NoError(t, err, tt.input) {
			assert.Equal(t, tt.want, d.Kind, tt.input)
		}
	}
	// The default parser is unchanged.
	assert.True(t, IsFreeMail("jane@gmail.com"))
	assert.False(t, IsFreeMail("jane@mail.example.org"))
}

func TestDomainParserOptionErrors(t *testing.T) {
	_, err := NewDomainParser(WithMailDomains(KindHostedTenant, "example.com"))
	assert.Error(t, err)
	_, err = NewDomainParser(WithMailDomains(KindFreeMail, "not a domain"))
	assert.ErrorIs(t, err, ErrInvalidHost)
	_, err = NewDomainParser(WithSuffixList(nil))
	assert.Error(t, err)
	_, err = NewDomainParser(WithSuffixList(&SuffixList{}))
	assert.Error(t, err)
}

func TestDomainKindString(t *testing.T) {
	assert.Equal(t, "company", KindCompany.String())
	assert.Equal(t, "free mail", KindFreeMail.String())
	assert.Equal(t, "internet provider", KindISP.String())
	assert.Equal(t, "disposable", KindDisposable.String())
	assert.Equal(t, "hosted tenant", KindHostedTenant.String())
	assert.Equal(t, "DomainKind(9)", DomainKind(9).String())
}

func TestParseDomainConcurrent(t *testing.T) {
	inputs := []string{"jane@gmail.com", "https://www.example.co.uk/", "test.公司.cn", "x@mailinator.com"}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, input := range inputs {
				_, err := ParseDomain(input)
				assert.NoError(t, err, input)
			}
		}()
	}
	wg.Wait()
}

func TestParseDomainPrivateSuffixKinds(t *testing.T) {
	tests := []struct {
		input string
		want  DomainKind
	}{
		{"example.uk.com", KindCompany},
		{"example.com.de", KindCompany},
		{"team.example.co.no", KindCompany},
		{"herzen.spb.ru", KindCompany},
		{"shop-one.myshopify.com", KindHostedTenant},
		{"someone.github.io", KindHostedTenant},
		{"www.ruhr-uni-bochum.de", KindCompany},
		{"myapp.herokuapp.com", KindHostedTenant},
		{"foo.blogspot.com", KindHostedTenant},
	}
	for _, tt := range tests {
		d, err := ParseDomain(tt.input)
		if assert.NoError(t, err, tt.input) {
			assert.Equal(t, tt.want, d.Kind, tt.input)
		}
	}
}

// TestParseDomainRORWebsites parses the website column of the ROR subset
// and compares the result with the record's own domains column.
func TestParseDomainRORWebsites(t *testing.T) {
	f, err := os.Open("../testdata/ror-records-subset/ror_orgs.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, "domains", rows[0][6])
	require.Equal(t, "website", rows[0][7])

	parsed, compared, agree := 0, 0, 0
	for _, row := range rows[1:] {
		domains, website := row[6], row[7]
		if website == "" {
			continue
		}
		d, err := ParseDomain(website)
		if website == "https://gov.br/museugoeldi" {
			// The record's website sits on a bare public suffix.
			assert.ErrorIs(t, err, ErrPublicSuffix)
			continue
		}
		if !assert.NoError(t, err, website) {
			continue
		}
		parsed++
		if domains == "" {
			continue
		}
		compared++
		for _, domain := range strings.Split(domains, "|") {
			if registrable, err := NormalizeDomain(domain); err == nil && registrable == d.Registrable {
				agree++
				break
			}
		}
	}
	assert.Greater(t, parsed, 10000)
	// The rest are organisations whose website and listed domain differ,
	// such as verbund.de and verbund.com.
	assert.Greater(t, float64(agree)/float64(compared), 0.98, "%d of %d agree", agree, compared)
}

func TestDomainPlaceholderLengthBound(t *testing.T) {
	for placeholder := range domainPlaceholders {
		assert.LessOrEqual(t, len(placeholder), maxPlaceholderLength, placeholder)
		assert.Equal(t, strings.ToLower(placeholder), placeholder)
	}
}
