package match

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Level is the agreement level of one field in a comparison, such as
// "exact" for a name or "same" for a domain.
type Level string

// Name levels, from strongest to weakest agreement.
const (
	// NameExact means the two comparison keys are equal, or equal once
	// spaces are removed ("jp morgan" and "jpmorgan").
	NameExact Level = "exact"
	// NameTokens means both names have the same words, stop words aside,
	// in another order or with other stop words ("smith a o" and "a o
	// smith", "medical university of innsbruck" and "innsbruck medical
	// university").
	NameTokens Level = "same-tokens"
	// NameTrade means one record's name equals a trade name (d/b/a) or
	// the legal name of the other.
	NameTrade Level = "trade-name"
	// NameAcronym means one name is the initials of the other ("ibm" and
	// "international business machines").
	NameAcronym Level = "acronym"
	// NamePrefix means the shorter name's words are the first words of the
	// longer name ("costco" and "costco wholesale"), and the names are not
	// similar enough for NameStrong.
	NamePrefix Level = "prefix"
	// NameUniquePrefix means the record's name is the start of the account's
	// name, and of no other account's name in the index. Only Index.Match
	// reaches this level.
	NameUniquePrefix Level = "unique-prefix"
	// NameUniqueAcronym means one name is the acronym of the other, and no
	// other account of the index is in a prefix or acronym relation to
	// the record's name. Only Index.Match reaches this level.
	NameUniqueAcronym Level = "unique-acronym"
	// NameStrong means a weighted token similarity of at least 0.85 from
	// equal words only.
	NameStrong Level = "strong"
	// NameTypo means a weighted token similarity of at least 0.85 that
	// relies on words one typo apart ("microsoft" and "microsfot").
	NameTypo Level = "typo"
	// NameQualified means the names are equal but for a bracketed
	// qualifier, such as a country, that one name carries and the other
	// lacks or spells differently: "Amprius (Germany) GmbH" and "Amprius
	// Inc". Such names usually belong to a subsidiary or a branch and its
	// parent, so the level adds nothing on its own.
	NameQualified Level = "qualified"
	// NameMedium means a weighted token similarity of at least 0.7.
	NameMedium Level = "medium"
	// NameWeak means a weighted token similarity of at least 0.5.
	NameWeak Level = "weak"
	// NameDifferent means a weighted token similarity below 0.5.
	NameDifferent Level = "different"
)

// Domain levels.
const (
	// DomainSame means both records have the same registrable domain.
	DomainSame Level = "same"
	// DomainSameBrand means the registrable domains differ only in their
	// public suffix ("acme.com" and "acme.co.uk").
	DomainSameBrand Level = "same-brand"
	// DomainDifferent means both records have company domains and they
	// differ.
	DomainDifferent Level = "different"
)

// Levels of country, city and phone.
const (
	// Same means both records carry the field and the values agree after
	// normalization: the same ISO country code, the same folded city name,
	// or the same last nine digits of a phone number.
	Same Level = "same"
	// Different means both records carry the field and the values differ.
	Different Level = "different"
)

// Missing is the level of a field that at least one record lacks, or that
// is unusable (a placeholder name, a free-mail domain). A missing field
// adds no weight.
const Missing Level = "missing"

// FieldComparison is the result of comparing one field of two records.
type FieldComparison struct {
	// Field names the compared field: "name" or "domain".
	Field string `json:"field"`
	// Level is the agreement level reached.
	Level Level `json:"level"`
	// Similarity is the field similarity in [0, 1] that chose the level.
	// It is 0 for a missing field.
	Similarity float64 `json:"similarity"`
	// Weight is the log2 likelihood ratio that the level adds to the
	// score: positive values are evidence for a match.
	Weight float64 `json:"weight"`
	// Detail describes what was compared, such as the two keys.
	Detail string `json:"detail"`
}

// Comparison is the explained result of comparing two records.
type Comparison struct {
	// Decision is the outcome.
	Decision Decision `json:"decision"`
	// Score is the match probability in [0, 1] that the decision was
	// taken from.
	Score float64 `json:"score"`
	// Weight is the total log2 likelihood ratio: the prior plus the
	// weight of each field. Score is 1/(1+2^-Weight).
	Weight float64 `json:"weight"`
	// Fields lists each field's level and weight: the name, the domain,
	// then the country, city and phone when either record carries them.
	// Field finds one by name.
	Fields []FieldComparison `json:"fields"`
	// Rule describes, in words, the rule that decided.
	Rule string `json:"rule"`
}

// Field returns the comparison of the named field ("name", "domain",
// "country", "city" or "phone") and true, or false when Fields does not
// list it because neither record carries it.
func (c Comparison) Field(name string) (FieldComparison, bool) {
	for _, f := range c.Fields {
		if f.Field == name {
			return f, true
		}
	}
	return FieldComparison{}, false
}

// String returns a one-line explanation of the comparison.
func (c Comparison) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (score %.3f): %s", c.Decision, c.Score, c.Rule)
	for _, f := range c.Fields {
		fmt.Fprintf(&b, "; %s %s %+.1f (%s)", f.Field, f.Level, f.Weight, f.Detail)
	}
	return b.String()
}

// Weights holds the log2 likelihood ratio that each comparison level adds to
// a pair's total, in the Fellegi-Sunter model: log2(m/u), where m is the
// share of true matches at that level and u the share of non-matches.
// The score is the logistic function, in base 2, of the total plus Prior.
type Weights struct {
	Name    map[Level]float64
	Domain  map[Level]float64
	Country map[Level]float64
	City    map[Level]float64
	Phone   map[Level]float64
	// Prior is log2 of the prior odds that a compared pair is a match.
	Prior float64
}

// DefaultWeights returns the weights used when no others are set. They come
// from hand-set estimates of m and u for company records (noted beside each
// weight), checked against the S&P 500 to SEC registry pairs. An exact,
// reordered, strong or typo name alone is a match (score 0.90 to 0.97), and
// so is a same domain alone (0.996). A prefix, medium or acronym name alone
// is only possible (0.5); Index.Match adds one rule for prefixes and
// acronyms. A typo name weighs as much as a strong one, because a name with
// one word misspelt is no weaker evidence than a name with one word
// missing.
func DefaultWeights() Weights {
	return Weights{
		Name: map[Level]float64{
			NameExact:         11,  // m 0.70, u 0.0003
			NameTokens:        10,  // m 0.05, u 0.00005
			NameTrade:         10,  // m 0.03, u 0.00003
			NameStrong:        9.2, // m 0.10, u 0.00017
			NameUniquePrefix:  9.2, // m 0.04, u 0.00007
			NameUniqueAcronym: 8,   // m 0.01, u 0.00004
			NameTypo:          9.2, // m 0.02, u 0.000034
			NamePrefix:        6,   // m 0.04, u 0.0006
			NameAcronym:       6,   // m 0.02, u 0.0003
			NameQualified:     0,   // m 0.005, u 0.005
			NameMedium:        6,   // m 0.05, u 0.0008
			NameWeak:          -1,  // m 0.03, u 0.06
			NameDifferent:     -6,  // m 0.01, u 0.93
		},
		Domain: map[Level]float64{
			DomainSame:      12, // m 0.60, u 0.00015
			DomainSameBrand: 6,  // m 0.08, u 0.0012
			DomainDifferent: -3, // m 0.10, u 0.80
		},
		// A company has one country of record, so a different country is
		// strong evidence against. Companies have offices in several
		// cities, so a different city is weak evidence against.
		Country: map[Level]float64{Same: 0.5, Different: -4},
		City:    map[Level]float64{Same: 1.5, Different: -1},
		Phone:   map[Level]float64{Same: 7, Different: -0.5},
		Prior:   -6,
	}
}

// Thresholds holds the scores at which decisions change.
type Thresholds struct {
	// Match is the lowest score decided as a match.
	Match float64
	// Possible is the lowest score decided as possible.
	Possible float64
}

// DefaultThresholds returns a match threshold of 0.9 and a possible
// threshold of 0.5.
func DefaultThresholds() Thresholds {
	return Thresholds{Match: 0.9, Possible: 0.5}
}

// comparer holds what a comparison needs besides the two records: the
// weights and the thresholds.
type comparer struct {
	weights    Weights
	thresholds Thresholds
	// rules contains the Rule text of a Match, a Possible and a NonMatch
	// decision, and thresholdTexts the same texts without their subject.
	// withRules builds them once, so explaining formats no numbers.
	rules, thresholdTexts [3]string
}

var defaultComparer = comparer{
	weights:    DefaultWeights(),
	thresholds: DefaultThresholds(),
}.withRules()

// thresholdText returns the text of d's threshold rule without its
// subject, such as "is at or above the match threshold 0.90".
func (c *comparer) thresholdText(d Decision) string {
	switch d {
	case Match:
		return c.thresholdTexts[0]
	case Possible:
		return c.thresholdTexts[1]
	}
	return c.thresholdTexts[2]
}

// scoreRule returns the rule of c with its score, such as "score 0.998 is
// at or above the match threshold 0.90", or the rule alone for a
// comparison without a score.
func (c *comparer) scoreRule(cmp Comparison) string {
	if cmp.Decision == NoEvidence {
		return cmp.Rule
	}
	return fmt.Sprintf("score %.3f %s", cmp.Score, c.thresholdText(cmp.Decision))
}

// withRules returns c with its rule texts built from its thresholds.
func (c comparer) withRules() comparer {
	c.thresholdTexts = [3]string{
		fmt.Sprintf("is at or above the match threshold %.2f", c.thresholds.Match),
		fmt.Sprintf("is at or above the possible threshold %.2f", c.thresholds.Possible),
		fmt.Sprintf("is below the possible threshold %.2f", c.thresholds.Possible),
	}
	for i, t := range c.thresholdTexts {
		c.rules[i] = "the score " + t
	}
	return c
}

// Compare compares two records and explains the decision. Each field
// contributes a weight for its agreement level: a missing field is neutral,
// and two present fields that disagree count against a match. Free-mail
// domains and placeholder names are missing, so they never create a match.
// If either record has no usable name and no usable domain, the decision
// is NoEvidence with a score of 0.
//
// Compare weights name tokens by a built-in list of generic words. An Index
// weights them by how rare they are among its accounts, so Index.Match can
// rank differently from Compare on the same pair.
func Compare(a, b Record) Comparison {
	pa, pb := parseRecord(a), parseRecord(b)
	pa.weighTokens(defaultTokenWeight)
	pb.weighTokens(defaultTokenWeight)
	return defaultComparer.explain(&pa, &pb, defaultComparer.levels(&pa, &pb))
}

// pairLevels is the numeric result of comparing two parsed records, from
// which explain builds the Comparison. Index.Match scores every candidate
// with it and explains only the ones it returns.
type pairLevels struct {
	name       Level
	similarity float64
	// nameA and nameB are the name forms that reached the name level (see
	// parsedRecord.name): 0 for the names, i for alias i-1.
	nameA, nameB int
	domain       Level
	country      Level
	city         Level
	phone        Level
	// weight is the total log2 weight; it is meaningless when noEvidence
	// is set.
	weight     float64
	noEvidence bool
}

// bestAliasLevel sets the name level of l from the pair of name forms of a
// and b, aliases included, whose level weighs most. The first pair wins a
// tie, names before aliases.
func (c *comparer) bestAliasLevel(a, b *parsedRecord, l *pairLevels) {
	const maxForms = 16 // name forms of each side compared, to bound the work
	best := c.weights.Name[l.name]
	for i := range min(len(a.aliases)+1, maxForms) {
		for j := range min(len(b.aliases)+1, maxForms) {
			if i == 0 && j == 0 {
				continue
			}
			level, sim := c.nameLevel(a.name(i), b.name(j))
			if w := c.weights.Name[level]; w > best {
				best, l.name, l.similarity, l.nameA, l.nameB = w, level, sim, i, j
			}
		}
	}
}

// levels compares a and b without building any text.
func (c *comparer) levels(a, b *parsedRecord) pairLevels {
	var l pairLevels
	l.name, l.similarity = c.nameLevel(a, b)
	if len(a.aliases) > 0 || len(b.aliases) > 0 {
		c.bestAliasLevel(a, b, &l)
	}
	l.domain = domainLevel(a, b)
	l.country = valueLevel(a.country, b.country)
	l.city = valueLevel(a.city, b.city)
	l.phone = valueLevel(a.phone, b.phone)
	l.noEvidence = !a.hasEvidence() || !b.hasEvidence() || (l.name == Missing && l.domain == Missing && l.phone != Same)
	l.weight = c.weights.Prior + c.weights.Name[l.name] + c.weights.Domain[l.domain] +
		c.weights.Country[l.country] + c.weights.City[l.city] + c.weights.Phone[l.phone]
	return l
}

func valueLevel(a, b string) Level {
	switch {
	case a == "" || b == "":
		return Missing
	case a == b:
		return Same
	}
	return Different
}

// decision returns the decision that l's weight reaches, and its score.
func (c *comparer) decision(l pairLevels) (Decision, float64) {
	if l.noEvidence {
		return NoEvidence, 0
	}
	score := 1 / (1 + math.Exp2(-l.weight))
	switch {
	case score >= c.thresholds.Match:
		return Match, score
	case score >= c.thresholds.Possible:
		return Possible, score
	}
	return NonMatch, score
}

// explain turns the levels of a and b into a Comparison with the details
// and the rule.
func (c *comparer) explain(a, b *parsedRecord, l pairLevels) Comparison {
	name := FieldComparison{Field: "name", Level: l.name, Similarity: l.similarity,
		Weight: c.weights.Name[l.name], Detail: nameDetail(a.name(l.nameA), b.name(l.nameB), l.name)}
	domain := FieldComparison{Field: "domain", Level: l.domain, Weight: c.weights.Domain[l.domain],
		Detail: domainDetail(a, b, l.domain)}
	switch l.domain {
	case DomainSame:
		domain.Similarity = 1
	case DomainSameBrand:
		domain.Similarity = 0.5
	}
	// Country, city and phone are listed when either record carries them.
	// A field that neither carries adds no information, and each
	// explained field costs 64 bytes in a batch report.
	values := [...]struct {
		field   string
		level   Level
		weights map[Level]float64
		a, b    string
	}{
		{"country", l.country, c.weights.Country, a.country, b.country},
		{"city", l.city, c.weights.City, a.city, b.city},
		{"phone", l.phone, c.weights.Phone, a.phone, b.phone},
	}
	n := 2
	for _, f := range values {
		if f.a != "" || f.b != "" {
			n++
		}
	}
	cmp := Comparison{Fields: make([]FieldComparison, 2, n)}
	cmp.Fields[0], cmp.Fields[1] = name, domain
	for _, f := range values {
		if f.a != "" || f.b != "" {
			cmp.Fields = append(cmp.Fields, valueField(f.field, f.level, f.weights, f.a, f.b))
		}
	}
	cmp.Decision, cmp.Score = c.decision(l)
	switch cmp.Decision {
	case NoEvidence:
		cmp.Rule = "the records share no field that both carry"
		if !a.hasEvidence() || !b.hasEvidence() {
			cmp.Rule = "a record has no usable name or domain"
		}
	case Match:
		cmp.Weight = l.weight
		cmp.Rule = c.rules[0]
	case Possible:
		cmp.Weight = l.weight
		cmp.Rule = c.rules[1]
	default:
		cmp.Weight = l.weight
		cmp.Rule = c.rules[2]
	}
	return cmp
}

func valueField(field string, level Level, weights map[Level]float64, a, b string) FieldComparison {
	f := FieldComparison{Field: field, Level: level, Weight: weights[level]}
	switch level {
	case Missing:
		f.Detail = "not on both records"
	case Same:
		f.Similarity = 1
		f.Detail = a
	default:
		f.Detail = a + " and " + b
	}
	return f
}

func domainLevel(a, b *parsedRecord) Level {
	switch {
	case len(a.domains) == 0 || len(b.domains) == 0:
		return Missing
	case sortedIntersect(a.domains, b.domains) != "":
		return DomainSame
	case sortedIntersect(a.brands, b.brands) != "":
		return DomainSameBrand
	}
	return DomainDifferent
}

// sortedIntersect returns the first value that two sorted lists share, or
// "".
func sortedIntersect(a, b []string) string {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return a[i]
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return ""
}

func domainDetail(a, b *parsedRecord, level Level) string {
	switch {
	case a.domain == "" && b.domain == "":
		return "neither record has a company domain"
	case a.domain == "":
		return "first record: " + a.domainNote
	case b.domain == "":
		return "second record: " + b.domainNote
	case level == DomainSame:
		return sortedIntersect(a.domains, b.domains)
	}
	return strings.Join(a.domains, ", ") + " and " + strings.Join(b.domains, ", ")
}

func (c *comparer) nameLevel(a, b *parsedRecord) (Level, float64) {
	if !a.hasName() || !b.hasName() {
		return Missing, 0
	}
	if a.key == b.key || a.joined == b.joined {
		return NameExact, 1
	}
	if tradeNameEqual(a, b) {
		return NameTrade, 1
	}
	// The greedy pairing in tokenSetSimilarity depends on which side
	// leads, so the record whose key sorts first always leads and the
	// similarity is symmetric.
	if a.key > b.key {
		a, b = b, a
	}
	if !slices.Equal(a.qualifiers, b.qualifiers) && slices.Equal(withoutWords(a.tokens, a.qualifiers), withoutWords(b.tokens, b.qualifiers)) {
		sim, _ := tokenSetSimilarity(a.tokens, b.tokens, a.weights, b.weights)
		return NameQualified, sim
	}
	sim, typo := tokenSetSimilarity(a.tokens, b.tokens, a.weights, b.weights)
	switch {
	case sim >= 0.85 && !typo && (len(a.tokens) == len(b.tokens) && sim >= 0.999 || sameWords(a.tokens, b.tokens)):
		return NameTokens, sim
	case isAcronymOf(a.tokens, b.tokens) || isAcronymOf(b.tokens, a.tokens):
		return NameAcronym, sim
	case sim >= 0.85 && extraWords(a.tokens, b.tokens) > 2:
		// Generic words count when there are many of them, because
		// "Example Software Services Holdings International" may not be
		// "Example Software".
		if isPrefixOf(a.tokens, b.tokens) || isPrefixOf(b.tokens, a.tokens) {
			return NamePrefix, sim
		}
		return NameMedium, sim
	case sim >= 0.85 && typo:
		return NameTypo, sim
	case sim >= 0.85:
		return NameStrong, sim
	case isPrefixOf(a.tokens, b.tokens) || isPrefixOf(b.tokens, a.tokens):
		return NamePrefix, sim
	case sim >= 0.7:
		return NameMedium, sim
	case sim >= 0.5:
		return NameWeak, sim
	}
	return NameDifferent, sim
}

func nameDetail(a, b *parsedRecord, level Level) string {
	switch {
	case !a.hasName() && !b.hasName():
		return "neither record has a usable name"
	case !a.hasName():
		return "first record has no usable name"
	case !b.hasName():
		return "second record has no usable name"
	case level == NameUniquePrefix:
		return quote(a.key) + " and " + quote(b.key) + ", and no other account's name starts with the record's name"
	}
	return quote(a.key) + " and " + quote(b.key)
}

// sameWords reports whether a and b have the same words, besides stop
// words, in any order: "medical university of innsbruck" and "innsbruck
// medical university".
func sameWords(a, b []string) bool {
	n := countWords(a)
	if n == 0 || n != countWords(b) {
		return false
	}
	for _, t := range a {
		if !stopWords[t] && countOf(a, t) != countOf(b, t) {
			return false
		}
	}
	return true
}

// countOf returns the number of times t occurs in tokens.
func countOf(tokens []string, t string) int {
	n := 0
	for _, u := range tokens {
		if u == t {
			n++
		}
	}
	return n
}

// extraWords returns the number of words, besides stop words, that one
// token list has and the other lacks, whichever side has more.
func extraWords(a, b []string) int {
	count := func(x, y []string) int {
		n := 0
		for _, t := range x {
			if !stopWords[t] && !slices.Contains(y, t) {
				n++
			}
		}
		return n
	}
	return max(count(a, b), count(b, a))
}

// withoutWords returns tokens without the words in drop, or tokens itself
// when drop is empty.
func withoutWords(tokens, drop []string) []string {
	if len(drop) == 0 {
		return tokens
	}
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		if !slices.Contains(drop, t) {
			out = append(out, t)
		}
	}
	return out
}

// tradeNameEqual reports whether a trade name of one record equals the
// legal key or a trade name of the other.
func tradeNameEqual(a, b *parsedRecord) bool {
	for _, t := range a.tradeKeys {
		if t == b.key || containsString(b.tradeKeys, t) {
			return true
		}
	}
	for _, t := range b.tradeKeys {
		if t == a.key {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// tokenSetSimilarity returns a weighted Dice similarity of two token lists.
// Each token of a is paired with the unused token of b that it resembles
// most (see tokenSimilarity). A pair adds its similarity times the sum of
// both tokens' weights, and the total is divided by the sum of all
// weights. Rare tokens therefore decide, and generic words such as "bank"
// or "group" count little. typo reports whether a pair of different words
// added to the similarity.
func tokenSetSimilarity(a, b []string, weightsA, weightsB []float64) (sim float64, typo bool) {
	if len(a) == 0 || len(b) == 0 {
		return 0, false
	}
	const maxTokens = 64
	if len(a) > maxTokens {
		a = a[:maxTokens]
	}
	if len(b) > maxTokens {
		b = b[:maxTokens]
	}
	var used [maxTokens]bool
	var total, matched float64
	for j := range b {
		total += weightsB[j]
	}
	for i, t := range a {
		wa := weightsA[i]
		total += wa
		best, bestJ := 0.0, -1
		for j, u := range b {
			if used[j] {
				continue
			}
			if s := tokenSimilarity(t, u); s > best {
				best, bestJ = s, j
				if s == 1 {
					break
				}
			}
		}
		if bestJ >= 0 {
			used[bestJ] = true
			matched += best * (wa + weightsB[bestJ])
			typo = typo || best < 1
		}
	}
	if total == 0 {
		return 0, false
	}
	return min(1, matched/total), typo
}

// isPrefixOf reports whether short has fewer words than long and they are
// long's first words.
func isPrefixOf(short, long []string) bool {
	return len(short) < len(long) && slices.Equal(short, long[:len(short)])
}

// isAcronymOf reports whether short is a single token of two to six letters
// that spells the initials of long's tokens, ignoring "of", "and", "the"
// and similar words ("ibm" and "international business machines").
func isAcronymOf(short, long []string) bool {
	if len(short) != 1 || len(long) < 2 {
		return false
	}
	acronym := short[0]
	if len(acronym) < 2 || len(acronym) > 6 {
		return false
	}
	var initials strings.Builder
	for _, t := range long {
		if stopWords[t] {
			continue
		}
		for _, r := range t {
			initials.WriteRune(r)
			break
		}
	}
	return initials.String() == acronym
}
