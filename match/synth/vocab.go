package synth

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/accountkit/accountkit/match"
)

// realName is a source name prepared for use as an account or a negative.
type realName struct {
	name   string   // as the source wrote it
	key    string   // match.NormalizeName of name
	words  []string // display words, legal forms removed
	form   string   // first legal form as written, or ""
	domain string   // source domain, or ""
}

// vocabulary holds the real names and the words that recombined names are
// built from.
type vocabulary struct {
	accountNames []realName // real names that may become accounts
	heldOutNames []realName // real names kept out of the accounts
	distinctive  []string   // rare words of account names, lower case
	heldOut      []string   // words that no account name carries
	industry     []string   // words that many source names share
}

// Document frequencies that separate the word classes: a word in at most
// rareMax source names is distinctive, and one in at least commonMin
// names is an industry word.
const (
	rareMax   = 3
	commonMin = 10
	// heldOutShare is the share of real names kept out of the accounts, so
	// that their words can build negatives that share no distinctive word
	// with an account.
	heldOutShare = 0.1
)

// functionWords are frequent words that make no company name on their own.
var functionWords = map[string]bool{
	"and": true, "the": true, "for": true, "of": true, "von": true, "der": true,
	"des": true, "del": true, "und": true, "les": true, "per": true, "via": true,
	"new": true, "first": true,
}

// buildVocabulary parses the sources, drops names without a usable ASCII
// key, and splits the rest into account names and held-out names.
//
// A name whose key starts with the whole key of an earlier name, or is the
// start of an earlier name's key, is dropped too. The SEC and ROR list some
// companies twice, as "LiveRamp Holdings" and "LiveRamp", and keeping both
// would make a lead of one a true match of the other.
func buildVocabulary(sources []Source, rng *rand.Rand) vocabulary {
	var names []realName
	keys := map[string]bool{}     // keys of kept names
	prefixes := map[string]bool{} // proper word prefixes of kept keys
	for _, s := range sources {
		p := match.ParseName(s.Name)
		if p.Placeholder || p.Key == "" || !isASCIIKey(p.Key) || keys[p.Key] || prefixes[p.Key] {
			continue
		}
		tokens := strings.Fields(p.Key)
		related := false
		for n := 1; n < len(tokens) && !related; n++ {
			related = keys[strings.Join(tokens[:n], " ")]
		}
		if related {
			continue
		}
		keys[p.Key] = true
		for n := 1; n < len(tokens); n++ {
			prefixes[strings.Join(tokens[:n], " ")] = true
		}
		rn := realName{name: strings.TrimSpace(s.Name), key: p.Key, domain: s.Domain}
		for _, w := range strings.Fields(p.Display) {
			if w = strings.Trim(w, ",;:"); w != "" {
				rn.words = append(rn.words, w)
			}
		}
		if len(p.LegalForms) > 0 {
			rn.form = p.LegalForms[0].Text
		}
		if len(rn.words) == 0 {
			continue
		}
		names = append(names, rn)
	}
	rng.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	cut := len(names) - int(float64(len(names))*heldOutShare)
	v := vocabulary{accountNames: names[:cut], heldOutNames: names[cut:]}

	df := map[string]int{}
	inAccounts := map[string]bool{}
	for i, n := range names {
		for _, t := range uniqueTokens(n.key) {
			df[t]++
			if i < cut {
				inAccounts[t] = true
			}
		}
	}
	words := make([]string, 0, len(df))
	for w := range df {
		words = append(words, w)
	}
	slices.Sort(words)
	for _, w := range words {
		if !usableWord(w) {
			continue
		}
		switch {
		case df[w] >= commonMin:
			v.industry = append(v.industry, w)
		case df[w] <= rareMax && len(w) >= 4 && len(w) <= 12 && inAccounts[w]:
			v.distinctive = append(v.distinctive, w)
		case df[w] <= rareMax && len(w) >= 4 && len(w) <= 12:
			v.heldOut = append(v.heldOut, w)
		}
	}
	rng.Shuffle(len(v.distinctive), func(i, j int) { v.distinctive[i], v.distinctive[j] = v.distinctive[j], v.distinctive[i] })
	rng.Shuffle(len(v.heldOut), func(i, j int) { v.heldOut[i], v.heldOut[j] = v.heldOut[j], v.heldOut[i] })
	return v
}

func uniqueTokens(key string) []string {
	tokens := strings.Fields(key)
	slices.Sort(tokens)
	return slices.Compact(tokens)
}

func isASCIIKey(key string) bool {
	for i := 0; i < len(key); i++ {
		c := key[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
			return false
		}
	}
	return true
}

// usableWord reports whether w, a lower-case token, keeps its place and
// spelling in a name key wherever it appears: it is letters only, no legal
// form, no abbreviation that ParseName spells out, and no placeholder.
func usableWord(w string) bool {
	if len(w) < 3 || functionWords[w] {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	title := titleCase(w)
	const probe = "zyxwq"
	return match.NormalizeName(probe+" "+title) == probe+" "+w &&
		match.NormalizeName(title+" "+probe) == w+" "+probe &&
		!match.ParseName(title).Placeholder
}

// titleCase writes w with an upper-case first letter and the rest in lower
// case.
func titleCase(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	if size == 0 {
		return w
	}
	return string(unicode.ToUpper(r)) + strings.ToLower(w[size:])
}
