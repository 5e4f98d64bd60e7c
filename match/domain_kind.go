package match

import "strings"

// registryPrivateSuffix reports whether a PRIVATE-section suffix is sold to
// registrants like a country-code second-level domain, such as uk.com,
// com.de, co.no or spb.ru, rather than handed to the customers of a hosting
// platform, such as myshopify.com or github.io. The list does not record
// this, so the rule is a heuristic: a two-label suffix whose first label is
// two letters (a country or region code) or a generic second-level word.
//
// NOTE: a platform with a two-letter name, such as js.org or hf.space, is
// taken for a registry, so its tenants are reported as KindCompany.
func registryPrivateSuffix(suffix string) bool {
	first, rest, ok := strings.Cut(suffix, ".")
	if !ok || strings.IndexByte(rest, '.') >= 0 {
		return false
	}
	if len(first) == 2 && 'a' <= first[0] && first[0] <= 'z' && 'a' <= first[1] && first[1] <= 'z' {
		return true
	}
	return genericSecondLevelLabels[first]
}

// genericSecondLevelLabels are labels that registries use for
// second-level domains open to registrants.
var genericSecondLevelLabels = map[string]bool{
	"biz": true, "com": true, "edu": true, "gen": true, "gov": true,
	"inc": true, "int": true, "jpn": true, "ltd": true, "med": true,
	"mex": true, "mil": true, "msk": true, "net": true, "ngo": true,
	"nov": true, "org": true, "plc": true, "sch": true, "spb": true,
}
