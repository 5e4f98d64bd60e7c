package match

import (
	"strings"
	"unicode/utf8"
)

// MatchMention finds the account that a free-text mention names, such as a
// research affiliation ("Department of Neurology, Yale University School of
// Medicine, New Haven, CT, USA") or a signature line. The text is split at
// commas and semicolons; a trailing country and any part that names the
// city of an indexed account become evidence rather than names; each
// remaining part, and each two neighbouring parts joined, is matched as a
// name. The strongest match wins, and a later part wins a tie, because
// such texts name the institution after its units. hint supplies further
// evidence, such as a domain or a country, and its Name is ignored.
//
// It returns the decision of the winning part, or the best non-match when
// no part matches.
func (ix *Index) MatchMention(text string, hint Record) Result {
	const maxParts = 32 // longer texts are cut, to bound the work
	var parts []string
	for _, p := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" && len(parts) < maxParts {
			parts = append(parts, p)
		}
	}
	record := hint
	record.Name = ""
	if len(parts) > 1 && record.Country == "" {
		if c := normalizeCountry(parts[len(parts)-1]); len(c) == 2 {
			record.Country = c
			parts = parts[:len(parts)-1]
		}
	}
	names := parts[:0]
	for _, p := range parts {
		if ix.isCity(p) {
			if record.City == "" {
				record.City = p
			}
			continue
		}
		names = append(names, p)
	}

	var spans []string
	for i, p := range names {
		// Parts of three letters or fewer, such as "PA" or "CEA", are
		// states or acronyms too ambiguous to stand alone.
		if utf8.RuneCountInString(p) > 3 {
			spans = append(spans, p)
		}
		if i+1 < len(names) {
			spans = append(spans, p+", "+names[i+1])
		}
	}
	var best Result
	bestWeight, found := 0.0, false
	for _, span := range spans {
		record.Name = span
		r := ix.Match(record)
		if len(r.Candidates) == 0 {
			continue
		}
		w := r.Candidates[0].Comparison.Weight
		better := !found || (r.Decision == Match && best.Decision != Match) ||
			(r.Decision == Match) == (best.Decision == Match) && w >= bestWeight
		if better {
			best, bestWeight, found = r, w, true
		}
	}
	if !found {
		record.Name = text
		return ix.Match(record)
	}
	return best
}

// isCity reports whether s, folded, is the city of an indexed account.
func (ix *Index) isCity(s string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.cities[foldPlace(s)] > 0
}
