package match

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// runeClass is the role of a character in the name tokenizer.
type runeClass uint8

const (
	classSeparator runeClass = iota // white space and punctuation: ends a token
	classLetter                     // letters, digits and other word characters
	classIgnore                     // format characters, marks, apostrophes: dropped without ending a token
	classAmpersand                  // "&", read as "and"
	classOpen                       // an opening bracket
	classClose                      // a closing bracket
	classSlash                      // "/" or "\", which can start an SEC state tag
	classSlow                       // the fold table has no room: fold the rune with foldRuneSlow
	classIsolated                   // a bracketed letter such as ㈱: a word of its own
)

// foldEntry is the folded form of one rune: its class and, for letters, the
// lower-case ASCII or script text that goes into the key.
type foldEntry struct {
	class runeClass
	n     uint8
	text  [6]byte
}

// foldTableLimit is the first rune not covered by foldTable. The table spans
// Latin, IPA, Greek, Cyrillic, Armenian, the Latin and Greek extended blocks,
// general punctuation, letter-like symbols and number forms.
const foldTableLimit = 0x2500

// nameASCIIClass and nameASCIILower classify and lower-case ASCII in the fast path.
// foldTable holds the folded form of the runes from 0x80 to foldTableLimit.
var (
	nameASCIIClass, nameASCIILower = buildNameASCIITables()
	foldTable                      = buildFoldTable()
)

// foldSpecial maps letters that have no Unicode decomposition, or whose
// decomposition keeps a non-Latin base, to their usual Latin spelling. Keys
// are lower case; upper-case forms reach it through case folding.
var foldSpecial = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d",
	'ð': "d", 'þ': "th", 'ħ': "h", 'ŧ': "t", 'ı': "i", 'ĸ': "k", 'ŋ': "ng",
	'ƒ': "f", 'ɨ': "i", 'ʉ': "u", 'ɍ': "r", 'ƀ': "b", 'ɗ': "d", 'ƙ': "k",
	'ɛ': "e", 'ɔ': "o", 'ƴ': "y", 'ȥ': "z", 'ĳ': "ij", 'ŀ': "l", 'ʼ': "",
	// Cyrillic, after the Russian and Ukrainian passport transliteration
	// (ICAO Doc 9303), with и and й both giving "i" because й folds to и
	// once its breve is dropped.
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh",
	'з': "z", 'и': "i", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh",
	'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "",
	'э': "e", 'ю': "iu", 'я': "ia", 'є': "ie", 'і': "i", 'ґ': "g", 'ђ': "dj",
	'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz", 'ѕ': "dz", 'ў': "u",
	// Greek, after ELOT 743 with single-letter choices.
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i",
	'θ': "th", 'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x",
	'ο': "o", 'π': "p", 'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y",
	'φ': "f", 'χ': "ch", 'ψ': "ps", 'ω': "o",
}

// foldSeparators are non-ASCII symbols that split words instead of adding
// letters, although NFKC maps some of them to letters (™ becomes "TM").
var foldSeparators = map[rune]bool{
	'™': true, '℠': true, '®': true, '©': true, '℗': true, '·': true,
}

func buildNameASCIITables() (nameASCIIClass [128]runeClass, nameASCIILower [128]byte) {
	for c := 0; c < 128; c++ {
		b := byte(c)
		nameASCIILower[c] = b
		switch {
		case b >= 'a' && b <= 'z', b >= '0' && b <= '9':
			nameASCIIClass[c] = classLetter
		case b >= 'A' && b <= 'Z':
			nameASCIIClass[c] = classLetter
			nameASCIILower[c] = b + 'a' - 'A'
		case b == '\'' || b == '`':
			nameASCIIClass[c] = classIgnore
		case b == '&':
			nameASCIIClass[c] = classAmpersand
		case b == '(' || b == '[' || b == '{':
			nameASCIIClass[c] = classOpen
		case b == ')' || b == ']' || b == '}':
			nameASCIIClass[c] = classClose
		case b == '/' || b == '\\':
			nameASCIIClass[c] = classSlash
		default:
			nameASCIIClass[c] = classSeparator
		}
	}
	return nameASCIIClass, nameASCIILower
}

func buildFoldTable() []foldEntry {
	foldTable := make([]foldEntry, foldTableLimit-0x80)
	var buf [64]byte
	for r := rune(0x80); r < foldTableLimit; r++ {
		class, text := foldRuneSlow(buf[:0], r)
		e := foldEntry{class: class}
		if len(text) > len(e.text) {
			e.class = classSlow
		} else {
			e.n = uint8(copy(e.text[:], text))
		}
		foldTable[r-0x80] = e
	}
	return foldTable
}

// keepsScript reports whether r is a letter of a script that goes into the
// key unchanged: Han, Hiragana, Katakana and Hangul. Their NFKD forms would
// split voiced kana and Hangul syllables apart.
func keepsScript(r rune) bool {
	return inKeptScriptBlock(r) && unicode.IsLetter(r)
}

func inKeptScriptBlock(r rune) bool {
	switch {
	case r == 0x309F || r == 0x30FF:
		return false // ゟ and ヿ, digraphs that NFKC spells out
	case r >= 0x3040 && r <= 0x30FF, // Hiragana, Katakana
		r >= 0x3400 && r <= 0x4DBF,   // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF,   // CJK unified ideographs
		r >= 0xAC00 && r <= 0xD7A3,   // Hangul syllables
		r >= 0x1100 && r <= 0x11FF,   // Hangul jamo
		r >= 0x20000 && r <= 0x3FFFF: // CJK extensions B and later
		return true
	}
	return false
}

// foldRuneSlow folds one rune: NFKD, marks dropped, full case folding, the
// letters of foldSpecial, and Cyrillic and Greek transliterated. It appends
// the letters to dst. The fold table is built with it, and runes outside the
// table use it directly.
func foldRuneSlow(dst []byte, r rune) (runeClass, []byte) {
	if r < 0x80 {
		class := nameASCIIClass[r]
		if class == classLetter {
			dst = append(dst, nameASCIILower[r])
		}
		return class, dst
	}
	switch {
	case r == '\u2019' || r == '\u02BC' || r == '\u2018':
		return classIgnore, dst
	case foldSeparators[r]:
		return classSeparator, dst
	case unicode.Is(unicode.Cf, r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r):
		return classIgnore, dst
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return classSeparator, dst
	case keepsScript(r):
		return classLetter, utf8.AppendRune(dst, r)
	}
	if s, ok := foldSpecial[unicode.ToLower(r)]; ok {
		return classLetter, append(dst, s...)
	}

	var decomposed [64]byte
	d := norm.NFKD.AppendString(decomposed[:0], string(r))
	if len(d) == utf8.RuneLen(r) && string(d) == string(r) {
		// No decomposition: a base character.
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return classSeparator, dst
		}
		folded := cases.Fold().String(string(r))
		for _, f := range folded {
			// Case folding maps Cherokee to upper case, so the key would
			// not be lower case without this.
			f = unicode.ToLower(f)
			if s, ok := foldSpecial[f]; ok {
				dst = append(dst, s...)
			} else {
				dst = utf8.AppendRune(dst, f)
			}
		}
		return classLetter, dst
	}

	// A decomposition: fold each part. A single ASCII punctuation result,
	// such as "&" for the full-width ampersand, keeps its ASCII class.
	if len(d) == 1 && nameASCIIClass[d[0]] != classLetter {
		return nameASCIIClass[d[0]], dst
	}
	class := classSeparator
	if len(d) > 2 && d[0] == '(' && d[len(d)-1] == ')' {
		// Parenthesized letters such as ㈱, the abbreviation of 株式会社.
		class = classIsolated
	}
	start := len(dst)
	for _, f := range string(d) {
		c, out := foldRuneSlow(dst, f)
		if c == classLetter {
			if class != classIsolated {
				class = classLetter
			}
			dst = out
		}
	}
	if folded := string(dst[start:]); !norm.NFC.IsNormalString(folded) {
		// Compose the parts again, as Hangul jamo from ㈕ into 아. The
		// copy to a string keeps dst, often on the caller's stack, from
		// escaping into the norm package.
		dst = append(dst[:start], norm.NFC.String(folded)...)
	}
	if class == classSeparator && unicode.Is(unicode.Mn, r) {
		class = classIgnore
	}
	return class, dst
}

// needsComposition reports whether r folds correctly only after NFKC
// composes it with its neighbours: Hangul jamo, combining kana voicing
// marks and half-width Katakana and Hangul.
func needsComposition(r rune) bool {
	return r >= 0x1100 && r <= 0x11FF || // conjoining jamo
		r >= 0x3130 && r <= 0x318F || // compatibility jamo
		r == 0x3099 || r == 0x309A || // kana voicing marks
		r >= 0xFF65 && r <= 0xFFDC // half-width Katakana and Hangul
}
