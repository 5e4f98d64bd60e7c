package match

import (
	"strings"
	"unicode/utf8"
)

// MatchMention finds the account that a free-text mention names, such as a
// research affiliation ("Department of Neurology, Yale University School of
// Medicine, New Haven, CT, USA") or a signature line. The text is split at
// commas and semicolons. A trailing country, and any part that names the
// city of an indexed account, become evidence rather than names. Each
// remaining part, and each two neighbouring parts joined, is matched as a
// name. The strongest match wins, and a later part wins a tie, because
// such texts name the institution after its units. hint supplies further
// evidence, such as a domain or a country, and its Name is ignored. Only
// the first 32 parts are read, which bounds the work on long texts.
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

	var spans []string
	for i, p := range parts {
		// A city alone is only evidence. Parts of three letters or fewer,
		// such as "PA" or "CEA", are states or acronyms too ambiguous to
		// match alone. Both still join their neighbour, as in "University
		// of California, Los Angeles".
		if ix.isCity(p) {
			if record.City == "" {
				record.City = p
			}
		} else if utf8.RuneCountInString(p) > 3 {
			spans = append(spans, p)
		}
		if i+1 < len(parts) {
			spans = append(spans, p+", "+parts[i+1])
		}
	}

	var best Result
	bestWeight, found := 0.0, false
	for _, span := range spans {
		record.Name = span
		r := ix.matchPart(record)
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

// matchPart matches one part of a mention with the mention form of the
// unique prefix rule and without the acronym rule (see
// upgradeUniqueRelations). The initials of a unit's words ("Allergy and
// Sleep Medicine") often spell some organisation's acronym.
func (ix *Index) matchPart(r Record) Result {
	p := parseRecord(r)
	if !p.hasEvidence() {
		return Result{Decision: NoEvidence, Reason: "no usable name or domain: " + p.evidenceNote(r)}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.decide(&p, -1, mentionUniqueRules, ix.maxCands, false)
}

// isCity reports whether s, folded, is the city of an indexed account.
func (ix *Index) isCity(s string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.cities[foldPlace(s)] > 0
}
