package match

import (
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
	"unicode"
	"unicode/utf8"
)

// maxNameParts caps the legal and trade parts of one name. Markers past the
// cap stay in the last part as words.
const maxNameParts = 8

// word returns the text of token i of the merged name.
func (sc *nameScratch) word(i int) string {
	t := sc.toks[i]
	return string(sc.text[t.start:t.end])
}

// markGroups marks bracket groups that are share-class notes or legal
// forms, so they leave the key.
func (sc *nameScratch) markGroups() {
	toks := sc.toks
	for i := 0; i < len(toks); {
		g := toks[i].group
		if g == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].group == g {
			j++
		}
		text := sc.text[toks[i].start:toks[j-1].end]
		if isShareClassNote(sc, i, j) {
			for k := i; k < j; k++ {
				toks[k].flags |= tokDropped | tokAnnotation
			}
			sc.dropped = true
		} else if _, ok := legalForms.bySequence[string(text)]; ok && (i > 0 || j < len(toks)) && len(text) != 2 {
			// A bracketed two-letter word is a country code, as in
			// "Example (HK) Ltd", not a legal form.
			for k := i; k < j; k++ {
				toks[k].flags |= tokDropped | tokLegalGroup
			}
			sc.dropped = true
		}
		i = j
	}
}

// isShareClassNote reports whether tokens [i, j) are a share-class or
// listing note such as "Class A", "Series B", "ADR" or "publ".
func isShareClassNote(sc *nameScratch, i, j int) bool {
	switch sc.word(i) {
	case "class", "series":
		return j-i <= 4
	case "common", "ordinary", "preferred", "pref", "voting", "nonvoting":
		return j-i <= 3
	}
	if j-i == 1 {
		switch sc.word(i) {
		case "adr", "ads", "gdr", "new", "old", "publ", "the", "reit", "etf":
			return true
		}
	}
	return false
}

// markerAt returns the number of tokens of a trade-name marker at token i,
// or 0, and whether the marker is "a division of", which puts the legal
// name after it.
func (sc *nameScratch) markerAt(i int) (n int, division bool) {
	t := sc.toks[i]
	switch sc.text[t.start] {
	case 'a', 'd', 'f', 'n', 't':
	default:
		return 0, false // no marker starts with another letter
	}
	next := func(k int, want string) bool {
		return i+k < len(sc.toks) && sc.word(i+k) == want
	}
	switch sc.word(i) {
	case "dba", "aka", "fka", "nka", "atf":
		return 1, false
	case "ta":
		if sc.toks[i].flags&tokInitialism != 0 {
			return 1, false
		}
	case "formerly":
		if next(1, "known") && next(2, "as") {
			return 3, false
		}
		return 1, false
	case "trading":
		if next(1, "as") {
			return 2, false
		}
	case "doing":
		if next(1, "business") && next(2, "as") {
			return 3, false
		}
	case "also", "now":
		if next(1, "known") && next(2, "as") {
			return 3, false
		}
	case "as":
		if next(1, "trustee") && next(2, "for") {
			return 3, false
		}
	case "a":
		if next(1, "division") && next(2, "of") {
			return 3, true
		}
	case "division":
		if next(1, "of") {
			return 2, true
		}
	}
	return 0, false
}

// markParts splits the name at trade-name markers. A marker inside brackets
// ("(formerly Acme Ltd)") ends its part at the closing bracket.
func (sc *nameScratch) markParts() {
	sc.parts = 1
	cur := uint16(0)
	resume, markerGroup := uint16(0), int32(0)
	toks := sc.toks
	for i := 0; i < len(toks); i++ {
		if markerGroup != 0 && toks[i].group != markerGroup {
			cur, markerGroup = resume, 0
		}
		if i > 0 && sc.parts < maxNameParts && toks[i].flags&tokDropped == 0 {
			if n, division := sc.markerAt(i); n > 0 && i+n < len(toks) {
				for k := i; k < i+n; k++ {
					toks[k].flags |= tokDropped | tokMarker
					toks[k].part = cur
				}
				p := sc.parts
				sc.parts++
				sc.division[p] = division
				if toks[i].group != 0 && markerGroup == 0 {
					resume, markerGroup = cur, toks[i].group
				}
				cur = p
				i += n - 1
				continue
			}
		}
		toks[i].part = cur
	}
}

// legalPart returns the part that holds the legal name and whether the name
// has trade parts.
func (sc *nameScratch) legalPart() (uint16, bool) {
	if sc.parts > 1 && sc.division[1] {
		return 1, true
	}
	return 0, sc.parts > 1
}

// nameParse collects what ParseName reports while a part is written.
type nameParse struct {
	input      string
	name       *Name
	formStarts []int32 // input offsets of name.LegalForms
}

// writePart writes the key of part p to sc.out. With rec set, it also
// records the legal forms it removes.
func (sc nameScratch) writePart(p uint16, rec *nameParse) nameScratch {
	sc.out = sc.out[:0]
	if sc.parts == 1 && !sc.dropped {
		// The part is the whole name: use the merged tokens in place.
		sc.part, sc.partTok = sc.text, sc.toks
		return sc.writeKey(rec)
	}
	sc.part = sc.part[:0]
	sc.partTok = sc.partTok[:0]
	joining := false
	for _, t := range sc.toks {
		if t.part != p || t.flags&tokDropped != 0 {
			continue
		}
		if t.flags&tokSingle != 0 && len(sc.partTok) > 0 {
			// One-letter words that dropped words had kept apart, as in
			// "A (Class B) C", join as merge would have joined them.
			prev := &sc.partTok[len(sc.partTok)-1]
			if joining || prev.flags&tokSingle != 0 {
				sc.part = append(sc.part, sc.text[t.start:t.end]...)
				prev.end, prev.oend = int32(len(sc.part)), t.oend
				prev.flags = (prev.flags &^ tokSingle) | tokInitialism
				if prev.group != t.group {
					prev.group = 0
				}
				joining = true
				continue
			}
		}
		joining = false
		if len(sc.partTok) > 0 {
			sc.part = append(sc.part, ' ')
		}
		u := t
		u.start = int32(len(sc.part))
		sc.part = append(sc.part, sc.text[t.start:t.end]...)
		u.end = int32(len(sc.part))
		sc.partTok = append(sc.partTok, u)
	}
	return sc.writeKey(rec)
}

// writeKey strips the current part and writes its key to sc.out.
func (sc nameScratch) writeKey(rec *nameParse) nameScratch {
	sc.strip(rec)
	order := sc.order[:0]
	for i := sc.keepLo; i < sc.coreHi; i++ {
		order = append(order, int32(i))
	}
	for i := sc.qualLo; i < sc.keepHi; i++ {
		order = append(order, int32(i))
	}
	if sc.rotate {
		// SEC EDGAR writes names of persons surname first: "SMITH A O
		// CORP" is "A. O. Smith".
		order[0], order[1] = order[1], order[0]
	}
	elided := false
	for k, i := range order {
		t := sc.partTok[i]
		if len(sc.out) > 0 && !elided {
			sc.out = append(sc.out, ' ')
		}
		elided = k == 0 && len(order) > 1 && sc.isElidedPrefix(t, sc.partTok[order[1]])
		w := sc.part[t.start:t.end]
		sc.out = appendExpanded(sc.out, w)
	}
	sc.order = order
	return sc
}

// isElidedPrefix reports whether t, the first word of a key, is the elided
// prefix of a surname such as O'Reilly or D'Angelo written apart, as SEC
// EDGAR writes "O REILLY AUTOMOTIVE INC". The apostrophe itself is dropped
// inside words, so both spellings give "oreilly".
func (sc *nameScratch) isElidedPrefix(t, next nameToken) bool {
	w := sc.part[t.start:t.end]
	if len(w) != 1 || (w[0] != 'o' && w[0] != 'd' && w[0] != 'l') {
		return false
	}
	n := sc.part[next.start:next.end]
	if len(n) < 3 || next.flags&(tokSingle|tokAmpersand) != 0 || string(n) == "and" {
		return false
	}
	// The joined word must not be a prefix form, which normalizing the key
	// again would strip.
	var buf [32]byte
	if 1+len(n) > len(buf) {
		return true
	}
	joined := append(append(buf[:0], w...), n...)
	return legalForms.firstWords[string(joined)] == 0
}

// isInvertedPersonalName reports whether the part starts with a surname
// followed by initials, the order SEC EDGAR uses for names of persons
// ("SMITH A O CORP" for "A. O. Smith"), so that the two are swapped in the
// key. EDGAR names are in capitals, and something must follow the initials,
// so "FOO I/S" keeps its order. The initials must not be a legal form other
// than a Cyrillic-only one such as "АО", and neither word may be one that
// normalizing the swapped key again would strip.
func (sc *nameScratch) isInvertedPersonalName() bool {
	if len(sc.partTok) < 3 {
		return false
	}
	first, second := sc.partTok[0], sc.partTok[1]
	if second.flags&tokInitialism == 0 || second.group != 0 || first.group != 0 ||
		first.flags&(tokInitialism|tokSingle|tokAmpersand|tokLowerCase) != 0 {
		return false
	}
	surname, initials := sc.partWords(0, 1), sc.partWords(1, 2)
	if string(surname) == "the" || legalForms.firstWords[string(surname)] > 0 || sc.isStrippableEnd(0) {
		return false
	}
	if id, ok := legalForms.bySequence[string(initials)]; ok && legalForms.entries[id].prefix != prefixTransliterated {
		return false
	}
	return legalForms.firstWords[string(initials)] <= 1
}

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

// appendExpanded appends w to out, spelled out if it is an abbreviation
// with one meaning in company names. Ambiguous ones ("tech" for technology,
// technologies or technical, "assoc" for associates or association) stay as
// written, so the token comparison handles them.
func appendExpanded(out, w []byte) []byte {
	var long string
	switch string(w) {
	case "intl":
		long = "international"
	case "corp":
		long = "corporation"
	case "mfg":
		long = "manufacturing"
	case "mfrs":
		long = "manufacturers"
	case "svc":
		long = "service"
	case "svcs":
		long = "services"
	case "bros":
		long = "brothers"
	case "natl":
		long = "national"
	case "finl":
		long = "financial"
	case "grp":
		long = "group"
	case "hldg":
		long = "holding"
	case "hldgs":
		long = "holdings"
	case "mgmt":
		long = "management"
	case "sys":
		long = "systems"
	case "inds":
		long = "industries"
	case "assn":
		long = "association"
	case "cos":
		long = "companies"
	case "ctr":
		long = "center"
	case "lab":
		long = "laboratory"
	case "labs":
		long = "laboratories"
	case "dept":
		long = "department"
	default:
		return append(out, w...)
	}
	return append(out, long...)
}

// display returns the display form of the part last written by writePart.
func (sc *nameScratch) display(input string) string {
	if sc.keepLo >= sc.keepHi {
		return ""
	}
	var b strings.Builder
	sc.appendDisplaySpan(input, &b, sc.keepLo, sc.coreHi)
	if sc.qualLo < sc.keepHi {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		sc.appendDisplaySpan(input, &b, sc.qualLo, sc.keepHi)
	}
	return b.String()
}

// appendDisplaySpan writes the input text of tokens [i, j) of the current
// part, with the brackets and closing dots that belong to it.
func (sc *nameScratch) appendDisplaySpan(s string, b *strings.Builder, i, j int) {
	if i >= j {
		return
	}
	start, end := int(sc.partTok[i].ostart), int(sc.partTok[j-1].oend)
	if sc.partTok[i].group != 0 && start > 0 && strings.IndexByte("([{", s[start-1]) >= 0 {
		start--
	}
	if sc.partTok[j-1].flags&(tokInitialism|tokSingle) != 0 {
		end = extendDots(s, end)
	}
	open := 0
	for k := start; k < end; k++ {
		switch s[k] {
		case '(', '[', '{':
			open++
		case ')', ']', '}':
			open--
		}
	}
	for open > 0 && end < len(s) {
		c := s[end]
		if c == ')' || c == ']' || c == '}' {
			open--
		} else if c != ' ' && c != '.' {
			break
		}
		end++
	}
	b.WriteString(cleanDisplay(s[start:end]))
}

// cleanDisplay applies NFKC, collapses white space, drops format characters
// and trims separators left at either end.
func cleanDisplay(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Cf, r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ,;:-/")
}

// collectGroups fills the qualifiers, annotations and bracketed legal forms
// of the name.
func (sc *nameScratch) collectGroups(rec *nameParse) {
	n := rec.name
	toks := sc.toks
	for i := 0; i < len(toks); {
		g := toks[i].group
		if g == 0 {
			i++
			continue
		}
		j := i + 1
		marker := toks[i].flags&tokMarker != 0
		for j < len(toks) && toks[j].group == g {
			marker = marker || toks[j].flags&tokMarker != 0
			j++
		}
		text := cleanDisplay(rec.input[toks[i].ostart:toks[j-1].oend])
		switch {
		case marker:
		case toks[i].flags&tokAnnotation != 0:
			n.Annotations = append(n.Annotations, text)
		case toks[i].flags&tokLegalGroup != 0:
			id := legalForms.bySequence[string(sc.text[toks[i].start:toks[j-1].end])]
			e := &legalForms.entries[id]
			rec.addForm(LegalForm{Text: text, Key: e.key, Codes: append([]ELFCode(nil), e.codes...)}, toks[i].ostart)
		default:
			n.Qualifiers = append(n.Qualifiers, text)
		}
		i = j
	}
}

// placeholderKeys are keys of values that name no company.
var placeholderKeys = map[string]bool{
	"": true, "na": true, "none": true, "unknown": true, "test": true, "testing": true,
	"self employed": true, "selfemployed": true, "self": true, "student": true,
	"private": true, "null": true, "nil": true, "nan": true, "tbd": true, "tba": true,
	"not applicable": true, "not available": true, "no company": true, "nocompany": true,
	"individual": true, "private individual": true, "freelance": true, "freelancer": true,
	"retired": true, "unemployed": true, "homemaker": true, "personal": true,
	"other": true, "x": true, "xx": true, "xxx": true, "asdf": true, "test company": true,
	"no name": true, "noname": true, "not provided": true, "none provided": true,
	"sample": true, "dummy": true, "company": true, "my company": true, "mycompany": true,
	"no": true, "nothing": true, "undefined": true, "unknown company": true,
}

// isPlaceholderName reports whether key, or the input itself, is a value
// that names no company.
func isPlaceholderName(key, input string) bool {
	if placeholderKeys[key] || !strings.ContainsFunc(key, unicode.IsLetter) {
		return true // no letters: "0", "123", "-"
	}
	s := trimSpaceASCII(input)
	if strings.IndexByte(s, '.') > 0 && strings.IndexAny(s, " \t") < 0 {
		return IsFreeMail(s)
	}
	return false
}
