package match

// maxNameParts caps the legal and trade parts of one name. Markers past the
// cap stay in the last part as words.
const maxNameParts = 8

// word returns the text of token i of the merged name.
func (sc *nameScratch) word(i int) string {
	t := sc.toks[i]
	return string(sc.text[t.start:t.end])
}

// groupEnd returns the index after the last token of the bracket group
// that token i starts.
func groupEnd(toks []nameToken, i int) int {
	j := i + 1
	for j < len(toks) && toks[j].group == toks[i].group {
		j++
	}
	return j
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
		j := groupEnd(toks, i)
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
