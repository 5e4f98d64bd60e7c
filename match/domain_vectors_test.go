package match

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/idna"
)

// tldextractDifferences lists the tldextract cases where ParseDomain
// deliberately returns another registrable domain, with the reason.
var tldextractDifferences = map[string]string{
	"http://internalunlikelyhostname.bizarre":      "unlisted top-level label: the list's implicit * rule applies",
	"http://internalunlikelyhostname.information/": "unlisted top-level label: the list's implicit * rule applies",
	"example.za":        "za has no rule of its own: the implicit * rule applies",
	"xn--ß\u200c꫶ᢥ.com": "an xn-- label with non-ASCII letters has no lower-case ASCII form",
}

type tldextractCase struct {
	Test                      string `json:"test"`
	Input                     string `json:"input"`
	IncludePSLPrivateDomains  string `json:"include_psl_private_domains"`
	ExpectedRegistrableDomain string `json:"expected_registrable_domain"`
}

func TestParseDomainTldextractCases(t *testing.T) {
	data, err := os.ReadFile("../testdata/tldextract-test-cases/tldextract_cases.jsonl")
	require.NoError(t, err)
	icannOnly, err := NewDomainParser(WithICANNSuffixesOnly())
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	require.Len(t, lines, 89)
	for _, line := range lines {
		var c tldextractCase
		require.NoError(t, json.Unmarshal([]byte(line), &c))
		parser := defaultDomainParser
		if c.IncludePSLPrivateDomains == "false" {
			parser = icannOnly
		}
		got, err := parser.NormalizeDomain(c.Input)
		// tldextract keeps the case and the Unicode of its input.
		want, err2 := idna.Lookup.ToASCII(strings.ToLower(c.ExpectedRegistrableDomain))
		if err2 != nil {
			want = strings.ToLower(c.ExpectedRegistrableDomain)
		}
		if reason, ok := tldextractDifferences[c.Input]; ok {
			assert.NotEqual(t, want, got, "%s %q is listed as a difference: %s", c.Test, c.Input, reason)
			continue
		}
		if want == "" {
			assert.Error(t, err, "%s %q gave %q", c.Test, c.Input, got)
			continue
		}
		if assert.NoError(t, err, "%s %q", c.Test, c.Input) {
			assert.Equal(t, want, got, "%s %q", c.Test, c.Input)
		}
	}
}

func TestSuffixListGoXNetCases(t *testing.T) {
	f, err := os.Open("../testdata/go-x-net-publicsuffix-tests/publicsuffix_cases.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	require.Equal(t, []string{"table", "input", "want_public_suffix", "want_icann", "want_etld_plus_one"}, rows[0])
	for _, row := range rows[1:] {
		table, input, wantSuffix, wantICANN, wantETLD1 := row[0], row[1], row[2], row[3], row[4]
		switch table {
		case "publicSuffixTestCases":
			if input == "" || !checkHostLabelsOK(input) {
				// Empty input and IP addresses never reach PublicSuffix:
				// ParseDomain rejects them first.
				_, err := NormalizeDomain(input)
				assert.Error(t, err, "%q", input)
				continue
			}
			suffix, section := DefaultSuffixList().PublicSuffix(input)
			assert.Equal(t, wantSuffix, suffix, "%q", input)
			assert.Equal(t, wantICANN == "true", section == SuffixICANN, "%q section %s", input, section)
		case "eTLDPlusOneTestCases":
			got, err := NormalizeDomain(input)
			if wantETLD1 == "" {
				assert.Error(t, err, "%q gave %q", input, got)
				continue
			}
			if assert.NoError(t, err, "%q", input) {
				assert.Equal(t, wantETLD1, got, "%q", input)
			}
		case "TestICANN":
			d, err := ParseDomain(input)
			if strings.HasSuffix(input, ".intranet") {
				// An unlisted top-level label is never ICANN.
				suffix, section := DefaultSuffixList().PublicSuffix(input)
				assert.Equal(t, "intranet", suffix)
				assert.Equal(t, SuffixUnlisted, section)
				continue
			}
			if assert.NoError(t, err, "%q", input) {
				assert.Equal(t, wantICANN == "true", d.Section == SuffixICANN, "%q", input)
			}
		default:
			t.Fatalf("unknown table %q", table)
		}
	}
}

// checkHostLabelsOK reports whether host passes the label checks.
func checkHostLabelsOK(host string) bool {
	_, err := normalizeHost(host, host)
	return err == nil
}
