package match

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadTestSuffixList(t *testing.T) *SuffixList {
	t.Helper()
	f, err := os.Open("../testdata/publicsuffix-list-tests/public_suffix_list.dat")
	require.NoError(t, err)
	defer f.Close()
	list, err := ParseSuffixList(f, "publicsuffix/list e8c9a2b2 (2026-08-19)")
	require.NoError(t, err)
	return list
}

func TestParseSuffixListCounts(t *testing.T) {
	list := loadTestSuffixList(t)
	// SOURCE.md of the test data states 10,248 rules.
	assert.Equal(t, 10248, list.RuleCount())
	assert.Equal(t, "publicsuffix/list e8c9a2b2 (2026-08-19)", list.Version())
}

func TestParseSuffixListPSLVectors(t *testing.T) {
	list := loadTestSuffixList(t)
	p, err := NewDomainParser(WithSuffixList(list))
	require.NoError(t, err)
	for _, c := range readPSLTestVectors(t, "../testdata/publicsuffix-list-tests/tests.txt") {
		got, err := p.NormalizeDomain(c[0])
		if c[1] == "null" {
			assert.Error(t, err, "%q", c[0])
			continue
		}
		want := normalizeForTest(t, c[1])
		if assert.NoError(t, err, "%q", c[0]) {
			assert.Equal(t, want, got, "%q", c[0])
		}
	}
}

func normalizeForTest(t *testing.T, domain string) string {
	t.Helper()
	h, err := normalizeHost(domain, domain)
	require.NoError(t, err)
	return h.name
}

func TestParseSuffixListSections(t *testing.T) {
	list := loadTestSuffixList(t)
	tests := []struct {
		host    string
		suffix  string
		section SuffixSection
	}{
		{"www.example.co.uk", "co.uk", SuffixICANN},
		{"shop.myshopify.com", "myshopify.com", SuffixPrivate},
		{"foo.uk.com", "uk.com", SuffixPrivate},
		{"a.b.c.kobe.jp", "c.kobe.jp", SuffixICANN},
		{"www.city.kobe.jp", "kobe.jp", SuffixICANN},
		{"www.ck", "ck", SuffixICANN},
		{"x.y.ck", "y.ck", SuffixICANN},
		{"foo.nosuchtld", "nosuchtld", SuffixUnlisted},
		{"another.s3.dualstack.us-east-1.amazonaws.com", "s3.dualstack.us-east-1.amazonaws.com", SuffixPrivate},
		{"test.xn--55qx5d.cn", "xn--55qx5d.cn", SuffixICANN},
	}
	for _, tt := range tests {
		suffix, section := list.PublicSuffix(tt.host)
		assert.Equal(t, tt.suffix, suffix, tt.host)
		assert.Equal(t, tt.section, section, tt.host)
	}
	icannSuffix, section := list.icannSuffix("shop.myshopify.com")
	assert.Equal(t, "com", icannSuffix)
	assert.Equal(t, SuffixICANN, section)
}

// TestParseSuffixListAgreesWithDefault compares the loaded 2026-08 list
// with the x/net copy on the websites of the ROR subset. The lists differ
// in date, so a few disagreements are allowed.
func TestParseSuffixListAgreesWithDefault(t *testing.T) {
	list := loadTestSuffixList(t)
	p, err := NewDomainParser(WithSuffixList(list))
	require.NoError(t, err)
	data, err := os.ReadFile("../testdata/ror-records-subset/ror_orgs.csv")
	require.NoError(t, err)
	compared, differ := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		for _, field := range strings.Split(line, ",") {
			if !strings.HasPrefix(field, "http") {
				continue
			}
			want, err1 := NormalizeDomain(field)
			got, err2 := p.NormalizeDomain(field)
			compared++
			if want != got || (err1 == nil) != (err2 == nil) {
				differ++
			}
		}
	}
	assert.Greater(t, compared, 10000)
	assert.Less(t, differ, compared/1000+1, "the lists disagree on %d of %d websites", differ, compared)
}

func TestParseSuffixListErrors(t *testing.T) {
	_, err := ParseSuffixList(strings.NewReader("// only a comment\n"), "empty")
	assert.Error(t, err)
	_, err = ParseSuffixList(strings.NewReader("com\nfoo.*.bar\n"), "bad")
	assert.Error(t, err)
	_, err = ParseSuffixList(strings.NewReader(strings.Repeat("x", 70000)), "long")
	assert.Error(t, err)
	_, err = ParseSuffixList(failingReader{}, "broken")
	assert.Error(t, err)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("read failed") }

func TestParseSuffixListSmall(t *testing.T) {
	const dat = `// ===BEGIN ICANN DOMAINS===
com
*.jp
!city.jp
ÉCOLE.fr
// ===END ICANN DOMAINS===
// ===BEGIN PRIVATE DOMAINS===
blogspot.com    trailing words are ignored
// ===END PRIVATE DOMAINS===
`
	list, err := ParseSuffixList(strings.NewReader(dat), "small")
	require.NoError(t, err)
	assert.Equal(t, 5, list.RuleCount())
	p, err := NewDomainParser(WithSuffixList(list))
	require.NoError(t, err)
	tests := map[string]string{
		"www.example.com":      "example.com",
		"x.foo.blogspot.com":   "foo.blogspot.com",
		"a.b.tokyo.jp":         "b.tokyo.jp",
		"www.city.jp":          "city.jp",
		"www.lycee.école.fr":   "lycee.xn--cole-9oa.fr",
		"www.example.unlisted": "example.unlisted",
	}
	for input, want := range tests {
		got, err := p.NormalizeDomain(input)
		if assert.NoError(t, err, input) {
			assert.Equal(t, want, got, input)
		}
	}
	_, err = p.NormalizeDomain("tokyo.jp")
	assert.ErrorIs(t, err, ErrPublicSuffix)
}

func TestDefaultSuffixListVersion(t *testing.T) {
	assert.Contains(t, DefaultSuffixList().Version(), "publicsuffix.org's public_suffix_list.dat")
	assert.Zero(t, DefaultSuffixList().RuleCount())
	assert.Equal(t, "icann", SuffixICANN.String())
	assert.Equal(t, "private", SuffixPrivate.String())
	assert.Equal(t, "unlisted", SuffixUnlisted.String())
}
