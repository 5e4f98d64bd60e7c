package match

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
)

// countryAliases maps folded country names that the English region names
// of golang.org/x/text do not cover to ISO 3166-1 alpha-2 codes.
var countryAliases = map[string]string{
	"america": "US", "united states of america": "US", "us of a": "US",
	"uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
	"scotland": "GB", "wales": "GB", "northern ireland": "GB",
	"united kingdom of great britain and northern ireland": "GB",
	"holland": "NL", "the netherlands": "NL", "nederland": "NL",
	"korea": "KR", "republic of korea": "KR", "korea republic of": "KR",
	"russia": "RU", "russian federation": "RU", "czech republic": "CZ",
	"turkey": "TR", "turkiye": "TR", "viet nam": "VN", "iran": "IR",
	"uae": "AE", "ivory coast": "CI", "cote divoire": "CI", "burma": "MM",
	"macedonia": "MK", "swaziland": "SZ", "cape verde": "CV", "macau": "MO",
	"hong kong sar": "HK", "hong kong sar china": "HK", "macao sar china": "MO",
	"deutschland": "DE", "espana": "ES", "brasil": "BR", "schweiz": "CH",
	"suisse": "CH", "osterreich": "AT", "italia": "IT", "mexico": "MX",
	"nippon": "JP", "prc": "CN", "peoples republic of china": "CN",
	"mainland china": "CN", "republic of ireland": "IE", "eire": "IE",
}

// countryNames maps each folded English region name to its alpha-2 code.
// It is built once, on first use, and never changed.
var countryNames = sync.OnceValue(func() map[string]string {
	names := display.English.Regions()
	out := make(map[string]string, 300)
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			region, err := language.ParseRegion(string([]rune{a, b}))
			// Deprecated and reserved codes such as DD and UK carry the
			// name of the current code (DE, GB), so they are skipped.
			if err != nil || !region.IsCountry() || region.Canonicalize() != region {
				continue
			}
			if key := foldPlace(names.Name(region)); key != "" {
				out[key] = region.String()
			}
		}
	}
	for alias, code := range countryAliases {
		out[alias] = code
	}
	return out
})

// normalizeCountry returns the ISO 3166-1 alpha-2 code of a country written
// as an alpha-2 or alpha-3 code, a UN M.49 number or an English name
// ("USA", "840", "United States" and "U.S.A." all give "US"). A value it
// cannot resolve is returned folded, so that two spellings of it still
// compare equal.
func normalizeCountry(s string) string {
	folded := foldPlace(s)
	if folded == "" {
		return ""
	}
	if code, ok := countryNames()[folded]; ok {
		return code
	}
	compact := strings.ReplaceAll(folded, " ", "")
	if code, ok := countryNames()[compact]; ok {
		return code
	}
	if len(compact) <= 3 {
		if region, err := language.ParseRegion(compact); err == nil && region.IsCountry() {
			return region.Canonicalize().String()
		}
	}
	return folded
}

// foldPlace folds a place name for comparison: compatibility
// decomposition, lower case, accents and punctuation removed, spaces
// collapsed.
func foldPlace(s string) string {
	const maxPlace = 200 // longer values are not place names
	if len(s) > maxPlace {
		s = s[:maxPlace]
	}
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '\'' || r == '’':
			// "U.S.A." and "Côte d'Ivoire" fold without gaps.
		default:
			space = true
		}
	}
	return b.String()
}

// normalizePhone returns the last nine digits of a phone number, which
// identify a line in most national plans whatever country prefix, trunk
// zero or formatting the source used, or "" when the number has fewer than
// seven digits.
func normalizePhone(s string) string {
	digits := make([]byte, 0, 16)
	for i := 0; i < len(s) && len(digits) < 32; i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			digits = append(digits, c)
		}
	}
	if len(digits) < 7 {
		return ""
	}
	if len(digits) > 9 {
		digits = digits[len(digits)-9:]
	}
	return string(digits)
}
