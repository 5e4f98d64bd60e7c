package match

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestNameKeysAgreeWithParseName checks the fast path that parseRecord
// uses against ParseName on every SEC registry name, the S&P 500 names and
// names with trade parts, qualifiers and placeholders.
func TestNameKeysAgreeWithParseName(t *testing.T) {
	accounts, _ := secRegistry(t)
	names := []string{
		"Example Holdings LLC d/b/a Sunrise Bakery", "Example Holdings Ltd t/a Sunrise Bakery",
		"(formerly Acme)", "Example Services (India) Pvt. Ltd.", "n/a", "gmail.com", "株式会社サンプル",
		"ООО Ромашка", "", "  ", "Acme a division of Globex", "ACME WIDGETS INC /DE/",
	}
	for _, a := range accounts {
		names = append(names, a.Name)
	}
	for _, p := range sp500Pairs(t) {
		names = append(names, p.nameA)
	}
	for _, name := range names {
		want := ParseName(name)
		key, trade, qualifiers, placeholder := nameKeys(name)
		for _, q := range qualifiers {
			assert.Contains(t, strings.Fields(key), q, "%q: qualifier word %q is not in the key", name, q)
		}
		if len(want.Qualifiers) == 0 {
			assert.Empty(t, qualifiers, name)
		}
		if !assert.Equal(t, want.Key, key, name) ||
			!assert.True(t, slices.Equal(want.TradeNames, trade), "%q: trade names %q, want %q", name, trade, want.TradeNames) ||
			!assert.Equal(t, want.Placeholder, placeholder, name) {
			return
		}
	}
}
