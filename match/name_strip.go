package match

import (
	"sort"
	"unicode/utf8"
)

// partWords returns the text of tokens [i, j) of the current part, joined by
// single spaces.
func (sc *nameScratch) partWords(i, j int) []byte {
	return sc.part[sc.partTok[i].start:sc.partTok[j-1].end]
}

// prefixAllowed reports whether rule lets a legal form that starts with
// token t be stripped from the start of a name.
func prefixAllowed(rule prefixRule, t nameToken) bool {
	switch rule {
	case prefixAlways:
		return true
	case prefixInitialism:
		return t.flags&tokInitialism != 0
	case prefixTransliterated:
		return t.flags&tokTransliterated != 0
	}
	return false
}

// maxFormWords returns how many words a legal form that has its first or
// last word at index at may span, given that avail words may go.
func (sc *nameScratch) maxFormWords(words map[string]int, filter *wordFilter, at, avail int) int {
	if avail < 1 {
		return 0
	}
	w := sc.partWords(at, at+1)
	if !filter.mayContain(w) {
		return 0
	}
	return min(words[string(w)], avail)
}

// isStrippableEnd reports whether word i could be removed from the end of
// a name: the last word of a legal form or a descriptor.
func (sc *nameScratch) isStrippableEnd(i int) bool {
	w := sc.partWords(i, i+1)
	if isNameDescriptor(w) || string(w) == "the" {
		return true
	}
	return legalForms.lastFilter.mayContain(w) && legalForms.lastWords[string(w)] > 0
}

// strip removes a leading "The" and legal forms from both ends of the
// current part and sets the kept ranges: [keepLo, coreHi) for the name and
// [qualLo, keepHi) for a trailing bracketed qualifier.
//
// A trailing qualifier shields the forms before it ("Example Ltd (UK)"
// gives "example uk"), unless its own last word could be stripped. The key
// has no brackets, so normalizing it again can strip more. Callers do that
// when sc.qualified is set, which keeps NormalizeName idempotent.
func (sc *nameScratch) strip(rec *nameParse) {
	hi := len(sc.partTok)
	lo := 0
	core := hi
	sc.qualLo, sc.keepHi = hi, hi
	if hi > 1 && sc.partTok[hi-1].group != 0 && !sc.isStrippableEnd(hi-1) {
		g := sc.partTok[hi-1].group
		j := hi - 1
		for j > 0 && sc.partTok[j-1].group == g {
			j--
		}
		if j > 0 {
			core, sc.qualLo = j, j
		}
	}
	qualified := 0 // 1 when a qualifier follows the core
	if core < hi {
		qualified = 1
	}
	ix := legalForms
	// The initials of an inverted name stay, even where they spell a
	// legal form such as "AO", because they move to the front.
	sc.rotate = sc.isInvertedPersonalName()
	keep := 0 // words at the start that suffix stripping leaves
	if sc.rotate {
		keep = 2
	}

	for changed := true; changed; {
		changed = false
		if core-lo+qualified >= 2 && string(sc.partWords(lo, lo+1)) == "the" {
			lo++
			changed = true
		}

		for l := sc.maxFormWords(ix.firstWords, &ix.firstFilter, lo, core-lo-1+qualified); l >= 1; l-- {
			id, ok := ix.bySequence[string(sc.partWords(lo, lo+l))]
			if !ok || !prefixAllowed(ix.entries[id].prefix, sc.partTok[lo]) {
				continue
			}
			sc.recordForm(rec, id, lo, lo+l)
			lo += l
			changed = true
			break
		}

		for l := sc.maxFormWords(ix.lastWords, &ix.lastFilter, core-1, min(core-lo-1, core-keep)); l >= 1; l-- {
			id, ok := ix.bySequence[string(sc.partWords(core-l, core))]
			if !ok {
				continue
			}
			sc.recordForm(rec, id, core-l, core)
			core -= l
			changed = true
			if core-lo >= 2 && core > keep && isConnector(sc.partWords(core-1, core)) {
				core--
			}
			break
		}

		if core-lo >= 2 && core > keep && isNameDescriptor(sc.partWords(core-1, core)) {
			core--
			changed = true
		}
		if core-lo >= 2 && core > keep && string(sc.partWords(core-1, core)) == "the" {
			core-- // "Hartford, The", as lists sort names
			changed = true
		}
		if core > lo && sc.stripScriptForms(rec, lo, core) {
			changed = true
		}
	}

	sc.keepLo, sc.coreHi = lo, core
	if qualified == 0 {
		sc.qualLo = hi
	}
	sc.qualified = qualified == 1
}

// stripScriptForms cuts legal forms written without spaces, such as
// 株式会社 or 有限公司, from the start of the first word and the end of the
// last word of [lo, hi), keeping at least one character of the word. Forms
// of one character, such as 株 from (株), are removed only as whole words.
func (sc *nameScratch) stripScriptForms(rec *nameParse, lo, hi int) bool {
	ix := legalForms
	changed := false
	first := &sc.partTok[lo]
	if r, _ := utf8.DecodeRune(sc.part[first.start:first.end]); keepsScript(r) {
		for _, id := range ix.scriptForms {
			k := ix.entries[id].key
			w := sc.part[first.start:first.end]
			if len(w) > len(k) && string(w[:len(k)]) == k && utf8.RuneCountInString(k) > 1 {
				recordScriptForm(rec, id, first, true)
				first.start += int32(len(k))
				changed = true
				break
			}
		}
	}
	last := &sc.partTok[hi-1]
	if r, _ := utf8.DecodeLastRune(sc.part[last.start:last.end]); keepsScript(r) {
		for _, id := range ix.scriptForms {
			k := ix.entries[id].key
			w := sc.part[last.start:last.end]
			if len(w) > len(k) && string(w[len(w)-len(k):]) == k && utf8.RuneCountInString(k) > 1 {
				recordScriptForm(rec, id, last, false)
				last.end -= int32(len(k))
				changed = true
				break
			}
		}
	}
	return changed
}

// recordScriptForm adds a legal form cut from the start or end of token t
// to n. The input text of the form is found by its length in runes, which
// folding keeps for the scripts in question.
func recordScriptForm(rec *nameParse, id int32, t *nameToken, atStart bool) {
	if rec == nil || len(rec.name.LegalForms) >= maxRecordedForms {
		return
	}
	e := &legalForms.entries[id]
	runes := utf8.RuneCountInString(e.key)
	orig := rec.input[t.ostart:t.oend]
	text := e.key
	if utf8.RuneCountInString(orig) >= runes {
		if atStart {
			end := 0
			for k := 0; k < runes; k++ {
				_, size := utf8.DecodeRuneInString(orig[end:])
				end += size
			}
			text = orig[:end]
			t.ostart += int32(end)
		} else {
			start := len(orig)
			for k := 0; k < runes; k++ {
				_, size := utf8.DecodeLastRuneInString(orig[:start])
				start -= size
			}
			text = orig[start:]
			t.oend = t.ostart + int32(start)
		}
	}
	rec.addForm(LegalForm{Text: text, Key: e.key, Codes: append([]ELFCode(nil), e.codes...)}, t.ostart)
}

// maxRecordedForms caps Name.LegalForms. Forms past it are still removed
// from the key, but not listed.
const maxRecordedForms = 16

// addForm adds f, found at input offset start, to the legal forms of the
// name. sortForms puts them in input order once all are found.
func (rec *nameParse) addForm(f LegalForm, start int32) {
	if len(rec.name.LegalForms) >= maxRecordedForms {
		return
	}
	rec.name.LegalForms = append(rec.name.LegalForms, f)
	rec.formStarts = append(rec.formStarts, start)
}

// sortForms sorts the legal forms of the name by their input offsets.
func (rec *nameParse) sortForms() {
	forms, starts := rec.name.LegalForms, rec.formStarts
	if sort.SliceIsSorted(starts, func(i, j int) bool { return starts[i] < starts[j] }) {
		return
	}
	order := make([]int, len(forms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return starts[order[i]] < starts[order[j]] })
	sorted := make([]LegalForm, len(forms))
	for i, k := range order {
		sorted[i] = forms[k]
	}
	rec.name.LegalForms = sorted
}

// recordForm adds the legal form made of tokens [i, j) of the current part
// to the name. sortForms puts the forms in input order at the end.
func (sc *nameScratch) recordForm(rec *nameParse, id int32, i, j int) {
	if rec == nil || len(rec.name.LegalForms) >= maxRecordedForms {
		return
	}
	e := &legalForms.entries[id]
	start, end := sc.partTok[i].ostart, sc.partTok[j-1].oend
	f := LegalForm{
		Text:  cleanDisplay(rec.input[start:extendDots(rec.input, int(end))]),
		Key:   e.key,
		Codes: append([]ELFCode(nil), e.codes...),
	}
	rec.addForm(f, start)
}

// extendDots moves end past dots that close an abbreviation, as in "Inc.".
func extendDots(s string, end int) int {
	for end < len(s) && s[end] == '.' {
		end++
	}
	return end
}

// isConnector reports whether w joins two legal forms, as "&" in "GmbH & Co.
// KG" or "y" in "S.A. y Cía.".
func isConnector(w []byte) bool {
	switch string(w) {
	case "and", "und", "et", "y", "en", "og", "och":
		return true
	}
	return false
}

// isNameDescriptor reports whether w is a trailing word that describes the
// reach or the style of a company rather than distinguishes it, so sources
// add and drop it freely: "MGM Resorts International" is "MGM Resorts",
// "Uber Technologies, Inc." is "Uber" and "AMAZON COM INC" is
// "Amazon.com". "Holdings" and "Group" are not descriptors, because they
// name a parent company that is often a separate registrant from the
// operating company of the same brand. Abbreviations of descriptors count
// too, so that a key never ends in a word that spells out to one.
func isNameDescriptor(w []byte) bool {
	switch string(w) {
	case "international", "intl", "global", "worldwide", "technologies", "industries", "inds", "com":
		return true
	}
	return false
}
