package match

import (
	"unicode"
	"unicode/utf8"
)

// nameToken is one word of a name: its folded text in a scratch buffer and
// the bytes of the input it came from.
type nameToken struct {
	start, end   int32 // folded text in the scratch buffer
	ostart, oend int32 // input bytes, for the display form
	group        int32 // 1-based index of the bracket group holding it, or 0
	flags        uint16
	part         uint16 // index of the legal or trade part holding it
}

const (
	tokSingle         uint16 = 1 << iota // one letter, a candidate for an initialism
	tokAmpersand                         // "&", written "and"
	tokSpaced                            // white space or a bracket precedes it
	tokInitialism                        // single letters merged, as "A.B.C." into "abc"
	tokDropped                           // part of an annotation, not of the name
	tokMarker                            // a trade-name marker such as "dba"
	tokAnnotation                        // in a share-class note such as "(Class A)"
	tokLegalGroup                        // in a bracketed legal form such as "(Pty)"
	tokLowerCase                         // written with a lower-case letter
	tokTransliterated                    // written in Cyrillic or Greek
)

// nameScratch holds the buffers of one normalization. Its slices start in a
// nameBuffers on the caller's stack. Methods that append to them take and
// return the scratch by value, because storing through a pointer would move
// the buffers to the heap.
type nameScratch struct {
	raw     []byte
	rawToks []nameToken
	text    []byte
	toks    []nameToken
	part    []byte
	partTok []nameToken
	out     []byte
	order   []int32

	// needsNFKC reports characters that compose with their neighbours, so
	// the input must be tokenized again after NFKC.
	needsNFKC bool
	// tagStart is the input offset of a trailing SEC state or filing tag,
	// such as "/DE/", or -1.
	tagStart int
	// parts counts the legal and trade parts. division marks the parts
	// that follow "a division of".
	parts    uint16
	division [maxNameParts]bool
	// dropped reports that some tokens left the name as annotations or
	// bracketed legal forms.
	dropped bool
	// keepLo, coreHi, qualLo and keepHi are the kept token ranges of the
	// part last written: [keepLo, coreHi) and [qualLo, keepHi).
	keepLo, coreHi, qualLo, keepHi int
	// qualified reports that a trailing qualifier shielded the forms
	// before it in the part last written.
	qualified bool
	// rotate reports that the part is an inverted personal name whose
	// first two words swap in the key.
	rotate bool
}

// nameBuffers is the initial storage of a nameScratch, sized for common
// names. Longer names grow the slices on the heap.
type nameBuffers struct {
	raw     [160]byte
	text    [160]byte
	part    [160]byte
	out     [160]byte
	rawToks [24]nameToken
	toks    [24]nameToken
	partTok [24]nameToken
	order   [24]int32
}

func newNameScratch(b *nameBuffers) nameScratch {
	return nameScratch{
		raw: b.raw[:0], text: b.text[:0], part: b.part[:0], out: b.out[:0],
		rawToks: b.rawToks[:0], toks: b.toks[:0], partTok: b.partTok[:0], order: b.order[:0],
		tagStart: -1,
	}
}

// tokenize splits s into folded words in sc.raw and sc.rawToks. It records
// bracket groups, reads "&" as its own token and cuts a trailing SEC tag.
func (sc nameScratch) tokenize(s string) nameScratch {
	inToken := false
	spaced := true
	depth, group, groups := 0, int32(0), int32(0)
	var cur nameToken
	curScript := false // the current token is in a script kept as written

	for i := 0; i < len(s); {
		c := s[i]
		var class runeClass
		size := 1
		var r rune
		if c < utf8.RuneSelf {
			class = nameASCIIClass[c]
			r = rune(c)
			if class == classLetter {
				if inToken && curScript {
					// "株式会社NTT": scripts change, so a word ends.
					sc.rawToks = appendRawToken(sc.rawToks, sc.raw, cur, len(sc.raw))
					inToken = false
				}
				curScript = false
				if !inToken {
					cur = nameToken{start: int32(len(sc.raw)), ostart: int32(i), group: group}
					if spaced {
						cur.flags |= tokSpaced
					}
					inToken = true
				}
				// Copy the run of ASCII letters and digits in one loop.
				j := i
				for j < len(s) && s[j] < utf8.RuneSelf && nameASCIIClass[s[j]] == classLetter {
					b := s[j]
					if b >= 'a' && b <= 'z' {
						cur.flags |= tokLowerCase
					}
					sc.raw = append(sc.raw, nameASCIILower[b])
					j++
				}
				cur.oend = int32(j)
				i = j
				continue
			}
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if needsComposition(r) {
				sc.needsNFKC = true
			}
			start := len(sc.raw)
			if r < foldTableLimit {
				e := &foldTable[r-0x80]
				class = e.class
				if class == classLetter {
					sc.raw = append(sc.raw, e.text[:e.n]...)
				} else if class == classSlow {
					class, sc.raw = foldRuneSlow(sc.raw, r)
				}
			} else if keepsScript(r) {
				class = classLetter
				sc.raw = utf8.AppendRune(sc.raw, r)
			} else {
				class, sc.raw = foldRuneSlow(sc.raw, r)
			}
			if class == classIsolated {
				if len(sc.raw) > start {
					sc = sc.appendIsolated(cur, inToken, start, i, i+size, group)
					inToken, spaced = false, true
					i += size
					continue
				}
				class = classSeparator
			}
			if class == classLetter {
				if len(sc.raw) == start {
					// A letter that folds to nothing, such as the soft sign,
					// still belongs to the word in the display form.
					if inToken {
						cur.oend = int32(i + size)
					}
					class = classIgnore
				} else {
					// The folded text decides where scripts change, because
					// compatibility characters such as U+F96D and ㍠ ("8点")
					// fold into or across the CJK blocks.
					for k := start; k < len(sc.raw); {
						folded, n := utf8.DecodeRune(sc.raw[k:])
						script := inKeptScriptBlock(folded)
						if inToken && script != curScript {
							if cur.ostart == int32(i) {
								cur.oend = int32(i + size) // began inside this rune
							}
							sc.rawToks = appendRawToken(sc.rawToks, sc.raw, cur, k)
							inToken = false
						}
						curScript = script
						if !inToken {
							cur = nameToken{start: int32(k), ostart: int32(i), group: group}
							if spaced && k == start {
								cur.flags |= tokSpaced
							}
							inToken = true
						}
						k += n
					}
					if unicode.IsLower(r) {
						cur.flags |= tokLowerCase
					}
					if r >= 0x370 && r < 0x530 {
						cur.flags |= tokTransliterated
					}
					cur.oend = int32(i + size)
					i += size
					continue
				}
			}
		}
		if class == classIgnore {
			i += size
			continue
		}
		// Every other class ends the current token.
		if inToken {
			sc.rawToks = appendRawToken(sc.rawToks, sc.raw, cur, len(sc.raw))
			inToken = false
			spaced = false
		}
		switch class {
		case classAmpersand:
			t := nameToken{start: int32(len(sc.raw)), ostart: int32(i), oend: int32(i + 1), group: group, flags: tokAmpersand}
			if spaced {
				t.flags |= tokSpaced
			}
			sc.raw = append(sc.raw, "and"...)
			t.end = int32(len(sc.raw))
			sc.rawToks = append(sc.rawToks, t)
			spaced = false
		case classOpen:
			depth++
			if depth == 1 {
				groups++
				group = groups
			}
			spaced = true
		case classClose:
			if depth > 0 {
				depth--
				if depth == 0 {
					group = 0
				}
			}
			spaced = true
		case classSlash:
			if sc.isTrailingTag(s, i) {
				sc.tagStart = i
				return sc
			}
		default:
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r >= utf8.RuneSelf {
				spaced = true
			}
		}
		i += size
	}
	if inToken {
		sc.rawToks = appendRawToken(sc.rawToks, sc.raw, cur, len(sc.raw))
	}
	return sc
}

// appendRawToken ends cur at raw offset end, marks it when it is a single
// letter and appends it to toks.
func appendRawToken(toks []nameToken, raw []byte, cur nameToken, end int) []nameToken {
	cur.end = int32(end)
	if isSingleLetter(raw[cur.start:cur.end]) {
		cur.flags |= tokSingle
	}
	return append(toks, cur)
}

// appendIsolated ends the current token, if any, at raw offset start and
// adds the folded text from start on as a word of its own, for letters such
// as ㈱ that stand for a bracketed word.
func (sc nameScratch) appendIsolated(cur nameToken, inToken bool, start, ostart, oend int, group int32) nameScratch {
	if inToken {
		sc.rawToks = appendRawToken(sc.rawToks, sc.raw, cur, start)
	}
	t := nameToken{start: int32(start), end: int32(len(sc.raw)), ostart: int32(ostart), oend: int32(oend), group: group, flags: tokSpaced}
	sc.rawToks = append(sc.rawToks, t)
	return sc
}

// isSingleLetter reports whether the folded word w is one letter that can
// be part of an initialism. It looks at the folded text, so "Ａ" counts and
// "Ж", folded to "zh", does not, as when the key is normalized again.
func isSingleLetter(w []byte) bool {
	r, size := utf8.DecodeRune(w)
	return size == len(w) && isInitialLetter(r)
}

// isInitialLetter reports whether a one-letter word written with r can be
// part of an initialism such as "A. B. C.": a letter of an alphabetic script.
func isInitialLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return r < 0x2000 && !keepsScript(r)
}

// isTrailingTag reports whether the slash at s[i] starts an SEC filing tag
// such as "/DE/", "\DE\", "/ADR" or "/S/ADR" that runs to the end of s. The
// slash must follow white space or a legal form ("INC/DE"), so "A/S" and
// "AC/DC" stay part of the name.
func (sc *nameScratch) isTrailingTag(s string, i int) bool {
	rest := trimSpaceASCII(s[i:])
	if len(rest) < 2 || len(rest) > 24 {
		return false
	}
	letters := 0
	for j := 1; j < len(rest); j++ {
		c := rest[j]
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
			letters++
		case c == '/' || c == '\\':
		case c == ' ' && (rest[j-1] == '/' || rest[j-1] == '\\' || rest[j-1] == ' '):
			// "INC / MA"
		default:
			return false
		}
	}
	if letters == 0 {
		return false
	}
	if i > 0 && (s[i-1] == ' ' || s[i-1] == '\t') {
		return len(sc.rawToks) > 0
	}
	if len(sc.rawToks) == 0 {
		return false
	}
	last := sc.rawToks[len(sc.rawToks)-1]
	if last.flags&tokSingle != 0 || legalForms == nil {
		return false
	}
	_, ok := legalForms.bySequence[string(sc.raw[last.start:last.end])]
	return ok
}

func trimSpaceASCII(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\n' || s[len(s)-1] == '\r') {
		s = s[:len(s)-1]
	}
	return s
}

// merge copies sc.rawToks into sc.toks and sc.text, joined by single spaces.
// It merges runs of one-letter words into one initialism ("A.B.C.", "A B C"
// and "A-B-C" all give "abc") and joins short words around a tight
// ampersand ("AT&T" gives "att", "S&P" gives "sp").
func (sc nameScratch) merge() nameScratch {
	raw := sc.rawToks
	for i := 0; i < len(raw); {
		t := raw[i]
		if t.flags&tokSingle != 0 {
			j := i + 1
			group := t.group
			for j < len(raw) && raw[j].flags&tokSingle != 0 {
				if raw[j].group != group {
					// "A (B)": the initialism is no bracketed qualifier.
					group = 0
				}
				j++
			}
			if j-i >= 2 {
				var m int
				sc.text, sc.toks, m = appendNameToken(sc.text, sc.toks, sc.raw, raw[i])
				for _, u := range raw[i+1 : j] {
					sc.text = append(sc.text, sc.raw[u.start:u.end]...)
				}
				sc.toks[m].end = int32(len(sc.text))
				sc.toks[m].oend = raw[j-1].oend
				sc.toks[m].flags = (sc.toks[m].flags &^ tokSingle) | tokInitialism
				sc.toks[m].group = group
				i = j
				continue
			}
		}
		if t.flags&tokAmpersand != 0 && t.flags&tokSpaced == 0 && len(sc.toks) > 0 && i+1 < len(raw) {
			prev := &sc.toks[len(sc.toks)-1]
			next := raw[i+1]
			if next.flags&(tokSpaced|tokAmpersand) == 0 && prev.end-prev.start <= 2 && next.end-next.start <= 2 &&
				prev.group == next.group {
				sc.text = append(sc.text, sc.raw[next.start:next.end]...)
				prev.end = int32(len(sc.text))
				prev.oend = next.oend
				prev.flags = (prev.flags &^ tokSingle) | tokInitialism
				i += 2
				continue
			}
		}
		sc.text, sc.toks, _ = appendNameToken(sc.text, sc.toks, sc.raw, t)
		i++
	}
	return sc
}

// appendNameToken appends the text of t, taken from raw, to text and t to
// toks, and returns both with the index of the new token.
func appendNameToken(text []byte, toks []nameToken, raw []byte, t nameToken) ([]byte, []nameToken, int) {
	if len(toks) > 0 {
		text = append(text, ' ')
	}
	n := t
	n.start = int32(len(text))
	text = append(text, raw[t.start:t.end]...)
	n.end = int32(len(text))
	toks = append(toks, n)
	return text, toks, len(toks) - 1
}
