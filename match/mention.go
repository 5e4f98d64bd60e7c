package match

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MatchMention finds the account that a free-text mention names, such as a
// research affiliation ("Department of Neurology, Yale University School of
// Medicine, New Haven, CT, USA") or a signature line.
//
// The text is split into parts at commas, semicolons, vertical bars and
// bullets outside brackets, as affiliations and signature lines separate
// them.
// A trailing country or US state, and any part that names the city of an
// indexed account, become evidence rather than names, even with a
// footnote number after them ("San Diego 7"). A bracketed country
// stays in its part as a qualifier ("Acme (Germany)"). Any other bracketed
// group is taken out of its part, because it contains an acronym or
// another name ("(KAIST)"). Each remaining part longer than three letters,
// each group of two words or more, and each two neighbouring parts joined,
// unless both are places or short, are matched as names. The strongest
// match wins. In a tie a part of two words or more beats a one-word part,
// and then a later part wins, because such texts name the institution
// after its units.
//
// Two accounts that match one part closely, which Match would call
// ambiguous, are not a tie when the part spells one account's own name
// and only an alias of the other ("York University"), or spells out more
// of one account's name. All of an account's words beat a name that the
// part starts, which beats a similarity that skips words: "Medical
// University of Innsbruck" names "Innsbruck Medical University", not
// "University of Innsbruck".
//
// When no part matches, the runs of two words or more inside the parts
// that spell an account's full name or alias are matched instead, the
// longest run where runs overlap: "Department of Health Technology at
// Technical University of Denmark" names "Technical University of
// Denmark". A run inside a part that is ambiguous between accounts does
// not count.
//
// hint supplies further evidence, such as a domain or a country, and its
// Name is ignored. A text of places alone matches on the hint's evidence,
// and is a non-match without any. Only the last 32 parts, and the first
// 512 bytes of each, are read, which bounds the work on long texts. It
// returns the decision of the winning part, or the best non-match when no
// part matches.
func (ix *Index) MatchMention(text string, hint Record) Result {
	record, spans, places := ix.mentionSpans(text, hint)
	best, bestWeight, found, ambiguous := ix.bestSpan(record, spans)
	if !found || best.Decision != Match {
		// A span may name an account inside longer text: "Department of
		// Health Technology at Technical University of Denmark". Such
		// names count only when no whole span matches, because a whole
		// span is the better evidence. A name inside an ambiguous span
		// does not count either, because it leaves out the words that
		// distinguish the accounts ("University of Innsbruck" inside
		// "Medical University of Innsbruck").
		var names []string
		for _, span := range spans {
			names = append(names, ix.containedNames(span)...)
		}
		names = slices.DeleteFunc(lastOfEach(names), func(name string) bool {
			return slices.ContainsFunc(ambiguous, func(key string) bool {
				return strings.Contains(" "+key+" ", " "+name+" ")
			})
		})
		if r, w, ok, _ := ix.bestSpan(record, names); ok && (!found || r.Decision == Match || w > bestWeight) {
			best, found = r, true
		}
	}

	switch {
	case found:
		return best
	case places:
		// The hint may still carry evidence, such as a domain.
		if r := parseRecord(record); !r.hasEvidence() {
			return Result{Decision: NonMatch, Reason: "the mention " + quote(text) + " names only places"}
		}
		return ix.Match(record)
	}
	record.Name = text
	return ix.Match(record)
}

// mentionSpans returns the record of evidence that text carries besides
// names, with an empty Name, the spans of text to match as names, and
// whether every part of text is a city or a country.
func (ix *Index) mentionSpans(text string, hint Record) (record Record, spans []string, places bool) {
	parts := splitParts(text)
	record = hint
	record.Name = ""
	if len(parts) > 1 {
		if c, ok := mentionCountry(parts[len(parts)-1]); ok {
			if record.Country == "" {
				record.Country = c
			}
			parts = parts[:len(parts)-1]
		}
	}

	// A bracketed group other than a country contains an acronym or
	// another name, not a qualifier of the part, as in "Korea Advanced
	// Institute of Science and Technology (KAIST)", so the part is matched
	// without it. A group of two words or more is matched on its own too,
	// before the part, so that the part wins a tie. A lone word, usually
	// an acronym, is too ambiguous to match alone.
	groups := make([][]string, len(parts))
	for i, p := range parts {
		parts[i], groups[i] = splitBrackets(p)
	}

	places = len(parts) > 0
	prevPlace := false
	for i, p := range parts {
		for _, g := range groups[i] {
			if len(strings.Fields(g)) > 1 {
				spans = append(spans, g)
			}
		}

		// A number of one or two digits at the end may be a footnote
		// mark ("Heidelberg University Hospital 3") or part of the name
		// ("Université Lyon 1"). The part without it comes first, so
		// that it wins only with a higher weight.
		bare, footnote := withoutFootnote(p)

		// A city alone is only evidence, with or without a footnote mark
		// ("San Diego 7"). Parts of three letters or fewer, such as "PA"
		// or "CEA", are states or acronyms too ambiguous to match alone.
		// Both still join their neighbour, as in "University of
		// California, Los Angeles".
		city := ix.isCity(p) || footnote && ix.isCity(bare)
		places = places && city
		if city {
			if record.City == "" {
				record.City = p
				if footnote {
					record.City = bare
				}
			}
		} else if utf8.RuneCountInString(p) > 3 {
			if footnote {
				spans = append(spans, bare)
			}
			spans = append(spans, p)
		}
		// The two parts joined come after both, so that a name with a
		// comma ("Birkbeck, University of London") wins a tie with either.
		// Two places joined ("San Diego, CA") name no organisation.
		place := city || utf8.RuneCountInString(p) <= 3
		if i > 0 && !(place && prevPlace) {
			if footnote {
				spans = append(spans, parts[i-1]+", "+bare)
			}
			spans = append(spans, parts[i-1]+", "+p)
		}
		prevPlace = place
	}
	return record, spans, places
}

// Limits on the text that MatchMention reads, which bound its work. A
// mention names its institution last, so the last parts are kept.
const (
	maxParts     = 32
	maxPartBytes = 512
)

// splitParts splits text into trimmed, non-empty parts at commas and
// semicolons, ASCII or full-width, vertical bars and bullets, outside
// brackets. It keeps the last maxParts parts and cuts each part to
// maxPartBytes bytes.
func splitParts(text string) []string {
	var parts []string
	depth, start := 0, 0
	add := func(p string) {
		p = strings.TrimSpace(p)
		if len(p) > maxPartBytes {
			cut := maxPartBytes
			for cut > 0 && !utf8.RuneStart(p[cut]) {
				cut--
			}
			p = strings.TrimSpace(p[:cut])
		}
		if p != "" {
			parts = append(parts, p)
		}
	}
	for i, r := range text {
		switch r {
		case '(', '[', '（':
			depth++
		case ')', ']', '）':
			depth = max(depth-1, 0)
		case ',', ';', '，', '；', '|', '•':
			if depth == 0 {
				add(text[start:i])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	add(text[start:])
	if len(parts) > maxParts {
		parts = parts[len(parts)-maxParts:]
	}
	return parts
}

// withoutFootnote returns s without a trailing number of one or two
// digits that follows a word, and whether s had one.
func withoutFootnote(s string) (string, bool) {
	i := strings.LastIndexByte(s, ' ')
	if i <= 0 || len(s)-i-1 > 2 || strings.Trim(s[i+1:], "0123456789") != "" {
		return s, false
	}
	return strings.TrimSpace(s[:i]), true
}

// splitBrackets returns s without its groups in round or square brackets,
// and the text of each group. A group that names a country is a qualifier
// ("Acme (Germany)"), so it stays in s and is not returned. A group left
// open runs to the end of s.
func splitBrackets(s string) (bare string, groups []string) {
	if !strings.ContainsAny(s, "([") {
		return s, nil
	}
	var out, group strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '[':
			if depth == 0 {
				out.WriteByte(' ')
			} else {
				group.WriteRune(r)
			}
			depth++
		case (r == ')' || r == ']') && depth > 0:
			depth--
			if depth > 0 {
				group.WriteRune(r)
				break
			}
			g := strings.TrimSpace(group.String())
			group.Reset()
			switch {
			case g == "":
			case isCountry(g):
				out.WriteString("(" + g + ")")
			default:
				groups = append(groups, g)
			}
		case depth > 0:
			group.WriteRune(r)
		default:
			out.WriteRune(r)
		}
	}
	if g := strings.TrimSpace(group.String()); depth > 0 && g != "" {
		groups = append(groups, g)
	}
	return strings.Join(strings.Fields(out.String()), " "), groups
}

// mentionCountry reads the last part of a mention as a place. It reports
// whether the part is a country or a US state, and returns the ISO 3166-1
// alpha-2 code of the country, if known. A US state, written as its
// two-letter postal code in any case or as its name, gives the United
// States, because US addresses end with one ("New Haven, CT"). A postal
// code that is also a country's code, such as "CA" (Canada) or "DE"
// (Germany), is a place of unknown country. A name that is both a state
// and a country ("Georgia") is read as the country.
func mentionCountry(part string) (code string, ok bool) {
	part = strings.TrimSpace(strings.TrimRight(part, "."))
	if upper := strings.ToUpper(part); len(part) == 2 && usStates[upper] != "" {
		if normalizeCountry(upper) == upper { // a current country code too
			return "", true
		}
		return "US", true
	}
	if isCountry(part) {
		return normalizeCountry(part), true
	}
	if usStateNames()[foldPlace(part)] {
		return "US", true
	}
	return "", false
}

// isCountry reports whether s is a country's name or ISO 3166-1 code.
func isCountry(s string) bool {
	c := normalizeCountry(s)
	return len(c) == 2 && c == strings.ToUpper(c)
}

// usStates maps the postal code of each US state, of the District of
// Columbia and of Puerto Rico to its name.
var usStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
	"FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
	"IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
	"ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
	"MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
	"NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
	"NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
	"PA": "Pennsylvania", "PR": "Puerto Rico", "RI": "Rhode Island", "SC": "South Carolina",
	"SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
	"VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}

// usStateNames returns the set of the folded names of usStates.
var usStateNames = sync.OnceValue(func() map[string]bool {
	names := make(map[string]bool, len(usStates))
	for _, n := range usStates {
		names[foldPlace(n)] = true
	}
	return names
})

// lastOfEach returns names without the earlier copies of a repeated name.
// Matching a copy again gives the same result, and bestSpan lets a later
// span win a tie, so only the last copy can change its outcome.
func lastOfEach(names []string) []string {
	seen := make(map[string]bool, len(names))
	out := make([]string, 0, len(names))
	for i := len(names) - 1; i >= 0; i-- {
		if !seen[names[i]] {
			seen[names[i]] = true
			out = append(out, names[i])
		}
	}
	slices.Reverse(out)
	return out
}

// bestSpan matches each span as the name of record and returns the best
// result, its weight, whether any span had a candidate, and the name keys
// of the spans that are ambiguous between accounts. A match beats any
// other decision, and a higher weight beats a lower one. In a tie, a span
// of two words or more beats a one-word span, which is often the acronym
// of an agency listed beside the institution ("Aix-Marseille University,
// INSERM"), and then a later span wins.
func (ix *Index) bestSpan(record Record, spans []string) (best Result, bestWeight float64, found bool, ambiguous []string) {
	bestLong := false
	for _, span := range spans {
		record.Name = span
		r := ix.matchPart(record)
		key, _, _, _ := nameKeys(span)
		if r.Decision == Ambiguous {
			ambiguous = append(ambiguous, key)
		}
		if len(r.Candidates) == 0 {
			continue
		}
		w := r.Candidates[0].Comparison.Weight
		long := countWords(strings.Fields(key)) >= 2
		better := !found || (r.Decision == Match && best.Decision != Match) ||
			(r.Decision == Match) == (best.Decision == Match) && (w > bestWeight || w == bestWeight && (long || !bestLong))
		if better {
			best, bestWeight, found, bestLong = r, w, true, long
		}
	}
	return best, bestWeight, found, ambiguous
}

// matchPart matches one part of a mention with the mention form of the
// unique prefix rule and without the acronym rule (see
// upgradeUniqueRelations). The initials of a unit's words ("Allergy and
// Sleep Medicine") often spell some organisation's acronym.
func (ix *Index) matchPart(r Record) Result {
	p := parseRecord(r)
	if !p.hasEvidence() {
		return Result{Decision: NoEvidence, Reason: "no usable name or domain: " + p.evidenceNote(r)}
	}
	part := ix.readPart(r.Name)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.decide(&p, -1, ix.maxCands, false, &part)
}

// mentionPart describes what the written form of a mention part adds to
// its name key, such as a leading acronym in capitals.
type mentionPart struct {
	// acronym is set when the part starts with a word of three to eight
	// capitals and has lower-case letters after it ("NYU School of
	// Medicine"). In text written all in capitals, the capitals mark
	// nothing.
	acronym bool
	// leadCity is the folded rest of such a part when that is the city
	// of an indexed account ("LMU Munich").
	leadCity string
}

// readPart reads the written form of a mention part.
func (ix *Index) readPart(s string) mentionPart {
	s = norm.NFC.String(s)
	if i := strings.IndexAny(s, ",;，"); i >= 0 {
		// A joined span counts up to its first comma.
		s = s[:i]
	}
	first, rest := leadWord(s)
	var part mentionPart
	if n := utf8.RuneCountInString(first); n < 3 || n > 8 || !allCapitals(first) || !hasLower(rest) {
		return part
	}
	part.acronym = true
	if ix.isCity(rest) {
		part.leadCity = foldPlace(rest)
	}
	return part
}

// leadWord splits s at its first space or dash: "CSIR–Central Drug
// Research Institute" gives "CSIR" and "Central Drug Research Institute".
func leadWord(s string) (first, rest string) {
	i := strings.IndexFunc(s, func(c rune) bool { return unicode.IsSpace(c) || unicode.Is(unicode.Pd, c) })
	if i < 0 {
		return s, ""
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[:i], strings.TrimSpace(s[i+size:])
}

// hasLower reports whether s has a lower-case letter.
func hasLower(s string) bool {
	return strings.IndexFunc(s, unicode.IsLower) >= 0
}

// isCity reports whether s, folded, is the city of an indexed account.
func (ix *Index) isCity(s string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.cities[foldPlace(s)] > 0
}

// maxContainedWords bounds the length of the runs of words that
// containedNames looks up, and so its work on a long span.
const maxContainedWords = 12

// containedNames returns the runs of words in span, shorter than the
// whole span, that spell the full name, an alias or a trade name of an
// indexed account, leaving out runs inside a longer such run. A run has
// at least two words besides "of", "the" and the like, and starts and
// ends with such a word, so that "Department of Medicine" may name an
// account but "of Medicine" may not. The runs are returned as name keys,
// in the order they start in span.
func (ix *Index) containedNames(span string) []string {
	key, _, _, _ := nameKeys(span)
	tokens := strings.Fields(key)
	type run struct{ start, end int }
	var runs []run
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	for i := range tokens {
		if stopWords[tokens[i]] {
			continue
		}
		for j := i + 2; j <= len(tokens) && j-i <= maxContainedWords; j++ {
			if stopWords[tokens[j-1]] || countWords(tokens[i:j]) < 2 {
				continue
			}
			if ix.namesAccount(strings.Join(tokens[i:j], "")) {
				runs = append(runs, run{i, j})
			}
		}
	}
	var names []string
	for _, r := range runs {
		if r.end-r.start == len(tokens) || slices.ContainsFunc(runs, func(o run) bool {
			return o.start <= r.start && o.end >= r.end && o.end-o.start > r.end-r.start
		}) {
			continue
		}
		names = append(names, strings.Join(tokens[r.start:r.end], " "))
	}
	return names
}

// namesAccount reports whether joined, a name key without spaces, is the
// key of an indexed account's name, alias or trade name. The caller holds
// ix.mu for reading.
func (ix *Index) namesAccount(joined string) bool {
	v, ok := ix.blocks.lookup(blockHash(blockName, joined))
	if !ok {
		return false
	}
	for _, pos := range ix.blocks.appendPositions(nil, v) {
		a := &ix.accounts[pos]
		if a.removed {
			continue
		}
		for k := range len(a.parsed.aliases) + 1 {
			n := a.parsed.name(k)
			if n.joined == joined || slices.ContainsFunc(n.tradeKeys, func(t string) bool { return strings.ReplaceAll(t, " ", "") == joined }) {
				return true
			}
		}
	}
	return false
}
