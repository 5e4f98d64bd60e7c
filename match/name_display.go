package match

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

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
		j := groupEnd(toks, i)
		marker := false
		for _, t := range toks[i:j] {
			marker = marker || t.flags&tokMarker != 0
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
