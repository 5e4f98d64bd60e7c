package match

import (
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
	tokSingle     uint16 = 1 << iota // one letter, a candidate for an initialism
	tokAmpersand                     // "&", written "and"
	tokSpaced                        // white space or a bracket precedes it
	tokInitialism                    // single letters merged, as "A.B.C." into "abc"
	tokDropped                       // part of an annotation, not of the name
	tokMarker                        // a trade-name marker such as "dba"
	tokAnnotation                    // in a share-class note such as "(Class A)"
	tokLegalGroup                    // in a bracketed legal form such as "(Pty)"
)

// nameScratch holds the buffers of one normalization. NormalizeName keeps it
// on the stack, so short names need no heap memory besides the result.
type nameScratch struct {
	raw     []byte
	rawToks []nameToken
	text    []byte
	toks    []nameToken
	part    []byte
	partTok []nameToken
	out     []byte

	// input is the name being analyzed, after NFKC where needed.
	input string
	// tag is the SEC state or filing tag cut from the end, such as "/DE/".
	tag string
	// parts counts the legal and trade parts; division marks the parts
	// that follow "a division of".
	parts    uint16
	division [maxNameParts]bool
	// keepLo, coreHi, qualLo and keepHi are the kept token ranges of the
	// part last written: [keepLo, coreHi) and [qualLo, keepHi).
	keepLo, coreHi, qualLo, keepHi int
	// formStarts holds the input offsets of the legal forms recorded so
	// far, parallel to Name.LegalForms.
	formStarts []int32

	rawArr     [192]byte
	textArr    [192]byte
	partArr    [192]byte
	outArr     [192]byte
	rawTokArr  [32]nameToken
	tokArr     [32]nameToken
	partTokArr [32]nameToken
	orderArr   [32]int32
}

func (sc *nameScratch) init() {
	sc.raw = sc.rawArr[:0]
	sc.text = sc.textArr[:0]
	sc.part = sc.partArr[:0]
	sc.out = sc.outArr[:0]
	sc.rawToks = sc.rawTokArr[:0]
	sc.toks = sc.tokArr[:0]
	sc.partTok = sc.partTokArr[:0]
}

// tokenize splits s into folded words in sc.raw and sc.rawToks. It records
// bracket groups, reads "&" as its own token and cuts a trailing SEC tag.
func (sc *nameScratch) tokenize(s string) {
	inToken := false
	spaced := true
	depth, group, groups := 0, int32(0), int32(0)
	var cur nameToken
	runes := 0
	lastLetter := rune(0)

	for i := 0; i < len(s); {
		c := s[i]
		var class runeClass
		size := 1
		var r rune
		if c < utf8.RuneSelf {
			class = nameASCIIClass[c]
			r = rune(c)
			if class == classLetter {
				if !inToken {
					cur = nameToken{start: int32(len(sc.raw)), ostart: int32(i), group: group}
					if spaced {
						cur.flags |= tokSpaced
					}
					inToken, runes = true, 0
				}
				sc.raw = append(sc.raw, nameASCIILower[c])
				runes++
				lastLetter = r
				cur.oend = int32(i + 1)
				i++
				continue
			}
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
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
			if class == classLetter {
				if len(sc.raw) == start {
					// A letter that folds to nothing, such as the hard sign.
					class = classIgnore
				} else {
					if !inToken {
						// The folded text is already in the buffer.
						cur = nameToken{start: int32(start), ostart: int32(i), group: group}
						if spaced {
							cur.flags |= tokSpaced
						}
						inToken, runes = true, 0
					}
					runes++
					lastLetter = r
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
			cur.end = int32(len(sc.raw))
			if runes == 1 && isInitialLetter(lastLetter) {
				cur.flags |= tokSingle
			}
			sc.rawToks = append(sc.rawToks, cur)
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
				sc.tag = trimSpaceASCII(s[i:])
				return
			}
		default:
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r >= utf8.RuneSelf {
				spaced = true
			}
		}
		i += size
	}
	if inToken {
		cur.end = int32(len(sc.raw))
		if runes == 1 && isInitialLetter(lastLetter) {
			cur.flags |= tokSingle
		}
		sc.rawToks = append(sc.rawToks, cur)
	}
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
func (sc *nameScratch) merge() {
	raw := sc.rawToks
	for i := 0; i < len(raw); {
		t := raw[i]
		if t.flags&tokSingle != 0 {
			j := i + 1
			for j < len(raw) && raw[j].flags&tokSingle != 0 && raw[j].group == t.group {
				j++
			}
			if j-i >= 2 {
				m := sc.appendToken(raw[i])
				for _, u := range raw[i+1 : j] {
					sc.text = append(sc.text, sc.raw[u.start:u.end]...)
				}
				sc.toks[m].end = int32(len(sc.text))
				sc.toks[m].oend = raw[j-1].oend
				sc.toks[m].flags = (sc.toks[m].flags &^ tokSingle) | tokInitialism
				i = j
				continue
			}
			if j < len(raw) && isElisionPrefix(sc.raw[t.start:t.end]) && raw[j].group == t.group &&
				raw[j].flags&tokAmpersand == 0 && raw[j].end-raw[j].start >= 3 {
				// "O REILLY" as SEC EDGAR writes "O'Reilly", whose
				// apostrophe the tokenizer drops.
				m := sc.appendToken(t)
				sc.text = append(sc.text, sc.raw[raw[j].start:raw[j].end]...)
				sc.toks[m].end = int32(len(sc.text))
				sc.toks[m].oend = raw[j].oend
				sc.toks[m].flags &^= tokSingle
				i = j + 1
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
		sc.appendToken(t)
		i++
	}
}

// isElisionPrefix reports whether a one-letter word is the elided prefix of
// a surname or article, as in O'Reilly, D'Angelo and L'Oréal.
func isElisionPrefix(w []byte) bool {
	return len(w) == 1 && (w[0] == 'o' || w[0] == 'd' || w[0] == 'l')
}

// appendToken writes t's raw text to sc.text and returns its index.
func (sc *nameScratch) appendToken(t nameToken) int {
	if len(sc.toks) > 0 {
		sc.text = append(sc.text, ' ')
	}
	n := t
	n.start = int32(len(sc.text))
	sc.text = append(sc.text, sc.raw[t.start:t.end]...)
	n.end = int32(len(sc.text))
	sc.toks = append(sc.toks, n)
	return len(sc.toks) - 1
}
