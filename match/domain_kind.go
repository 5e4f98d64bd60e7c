package match

// registryPrivateSuffix reports whether a PRIVATE-section suffix is sold to
// registrants like a country-code second-level domain, such as uk.com or
// com.de, rather than handed to the customers of a hosting platform.
func registryPrivateSuffix(suffix string) bool {
	return registryPrivateSuffixes[suffix]
}

var registryPrivateSuffixes = map[string]bool{
	"uk.com": true, "us.com": true, "eu.com": true, "com.de": true, "co.no": true,
}
