package match

import (
	"testing"
	"unicode/utf8"
)

// FuzzNormalizeName checks that NormalizeName never panics, is idempotent,
// returns keys of lower-case letters, digits and single spaces only, and
// agrees with ParseName.
func FuzzNormalizeName(f *testing.F) {
	seeds := []string{
		"", "Acme Widgets & Co.", "The Acme Widgets, Inc.", "ACME WIDGETS INC /DE/",
		"Acme Widgets GmbH & Co. KG", "Łódź Example Sp. z o.o.", "\u200bAcme\u00a0Widgets\tLtd",
		"Example Services (India) Pvt. Ltd.", "Example Holdings LLC d/b/a Sunrise Bakery",
		"Sunrise Bakery (a division of Example Holdings Ltd)", "Alphabet Inc. (Class A)",
		"A.B.C. Co.", "AT&T Inc.", "O'Reilly", "SMITH A O CORP", "Газпром нефть ПАО",
		"Ελληνικά Πετρέλαια Α.Ε.", "阿里巴巴集团控股有限公司", "㈱トヨタ", "ﾄﾖﾀ", "주식회사 카카오",
		"ＡＣＭＥ ｗｉｄｇｅｔｓ", "ﬁnance", "DIŞ TİCARET", "n/a", "gmail.com", "A (Class B) C",
		"The O Reilly", "Corp Corp", "\xff\xfe", "((((", "/DE/", "a\u0301\u0301",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		key := NormalizeName(name)
		if again := NormalizeName(key); again != key {
			t.Fatalf("NormalizeName(%q) = %q, but NormalizeName(%q) = %q", name, key, key, again)
		}
		if !utf8.ValidString(key) || !isValidNameKey(key) {
			t.Fatalf("NormalizeName(%q) = %q holds upper case, punctuation or extra spaces", name, key)
		}
		n := ParseName(name)
		if n.Key != key && !(key == "" && len(n.TradeNames) == 0) {
			t.Fatalf("ParseName(%q).Key = %q, NormalizeName = %q", name, n.Key, key)
		}
	})
}
