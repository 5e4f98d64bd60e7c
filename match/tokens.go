package match

// stopWords are function words that carry almost no identity in a company
// name. They weigh 0.05 of an ordinary token.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "at": true, "by": true, "de": true,
	"del": true, "der": true, "des": true, "di": true, "du": true, "et": true,
	"for": true, "in": true, "la": true, "le": true, "of": true, "on": true,
	"the": true, "to": true, "und": true, "y": true,
}

// genericWords are words that many unrelated companies share. They weigh
// 0.3 of an ordinary token, so that "Bank of the West" and "Bank of the
// East" differ in the word that distinguishes them.
var genericWords = map[string]bool{
	"bank": true, "bancorp": true, "brands": true, "capital": true,
	"communications": true, "companies": true, "consulting": true,
	"energy": true, "enterprises": true, "financial": true, "global": true,
	"group": true, "health": true, "healthcare": true, "holding": true,
	"holdings": true, "industries": true, "insurance": true,
	"international": true, "investments": true, "management": true,
	"media": true, "partners": true, "pharmaceuticals": true,
	"properties": true, "resources": true, "services": true,
	"software": true, "solutions": true, "systems": true, "technologies": true,
	"technology": true, "therapeutics": true, "trust": true, "ventures": true,
	"worldwide": true, "america": true, "american": true, "national": true,
	"united": true, "first": true, "new": true,
}

// defaultTokenWeight weighs a token when no indexed universe is at hand.
func defaultTokenWeight(token string) float64 {
	switch {
	case stopWords[token]:
		return 0.05
	case genericWords[token]:
		return 0.3
	default:
		return 1
	}
}
