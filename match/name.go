package match

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// LegalForm is a legal form found in a company name.
type LegalForm struct {
	// Text is the form as the input wrote it, such as "Sp. z o.o.".
	Text string
	// Key is the form folded like a name key, such as "sp zoo".
	Key string
	// Codes lists the ISO 20275 entity legal forms that the spelling can
	// stand for, sorted by code. It is empty when the sources give no code,
	// as for "Co Ltd", and long for spellings used in many jurisdictions,
	// such as "Inc" with one code per US state that defines it.
	Codes []ELFCode
}

// Name is a company name taken apart by ParseName.
type Name struct {
	// Input is the name as given.
	Input string
	// Display is the legal name cleaned for people: NFKC applied, a leading
	// "The", legal forms, SEC tags and share-class notes removed, white space
	// collapsed, format characters dropped, and case and punctuation kept
	// ("ACME WIDGETS INC /DE/" gives "ACME WIDGETS").
	Display string
	// Key is the comparison key of the legal name, the value NormalizeName
	// returns.
	Key string
	// Tokens are the words of Key.
	Tokens []string
	// LegalForms lists the legal forms removed from the legal name, in the
	// order of the input.
	LegalForms []LegalForm
	// TradeNames holds the keys of the trade names and former names that
	// markers such as "d/b/a", "t/a", "aka" and "formerly" introduce, and
	// of the division before "a division of".
	TradeNames []string
	// TradeDisplays holds the display forms of TradeNames, in the same order.
	TradeDisplays []string
	// Qualifiers holds the bracketed parts that stay in the key because they
	// tell related companies apart, such as "India" in "Example (India) Ltd".
	Qualifiers []string
	// Annotations holds the parts removed as registry notes: SEC state and
	// filing tags ("/DE/") and share-class notes ("Class A").
	Annotations []string
	// Placeholder reports a value that names no company: empty, "n/a",
	// "none", "unknown", "test", "self-employed" and the like, or a
	// free-mail domain such as "gmail.com". Placeholders must never match.
	Placeholder bool
}

// NormalizeName returns the comparison key of a company name: the words of
// its legal name, folded and with legal forms removed. Two spellings of one
// company give one key: "The Acme Widgets, Inc.", "ACME WIDGETS INC /DE/"
// and "Acme Widgets & Co." all give "acme widgets". See ParseName for the
// rules.
//
// NormalizeName is idempotent, and the key holds only lower-case letters,
// digits, letters of caseless scripts and single spaces. It runs in time
// linear in the length of name.
func NormalizeName(name string) string {
	var buf nameBuffers
	sc, _ := newNameScratch(&buf).analyze(name)
	legal, _ := sc.legalPart()
	sc = sc.writePart(legal, nil)
	if string(sc.out) == name {
		return name
	}
	key := string(sc.out)
	if sc.qualified {
		// The key has no brackets left to shield forms: normalize it as
		// plain words, as a second call would.
		return NormalizeName(key)
	}
	return key
}

// ParseName takes a company name apart into its legal name, trade names,
// legal forms, qualifiers and annotations, and computes the comparison key
// that NormalizeName returns.
//
// The key is built in these steps:
//
//   - Characters are folded: NFKC, full case folding, accents removed,
//     letters without a decomposition spelled in Latin (ł as l, ø as o, æ as
//     ae, ß as ss, Turkish ı and İ as i), Cyrillic and Greek transliterated.
//     Chinese, Japanese and Korean keep their script, and a word ends where
//     the script changes ("株式会社NTT"). Format characters such as
//     zero-width spaces are dropped, apostrophes are dropped inside words
//     ("McDonald's" gives "mcdonalds"), other punctuation and every kind of
//     white space separate words, and "&" reads as "and".
//   - One-letter words in a row become one word, so "A.B.C.", "A-B-C" and
//     "A B C" all give "abc". Short words around a tight ampersand join, so
//     "AT&T" gives "att".
//   - A trailing SEC tag ("/DE/", "\DE\", "/ADR", "/ MA") and share-class
//     notes in brackets ("(Class A)", "(publ)") are removed and listed in
//     Annotations. Other bracketed parts ("(India)", "(UK)") stay in the key
//     and are listed in Qualifiers, because they tell subsidiaries apart.
//   - Trade-name markers ("d/b/a", "dba", "t/a", "trading as", "aka",
//     "formerly", "fka", "ATF") split the name: the part before is the legal
//     name and the part after a trade name. Before "a division of" it is
//     the other way round.
//   - A leading "The", a trailing ", The" and legal forms are removed from
//     the end ("Inc", "GmbH & Co. KG", "Pty Ltd", "S.A. de C.V.") and, for
//     forms written first in their jurisdiction, from the start ("PT",
//     "OOO", "SIA", "S.C."), repeatedly, so stacked forms all go. Forms
//     written without spaces (株式会社, 有限公司, 주식회사) are cut from the
//     start or end of the word. Forms are never removed inside a word or in
//     the middle of a name, and at least one word always stays, so a name
//     that is only a legal term keeps it.
//   - Trailing descriptors of reach or style are removed like legal forms:
//     "International", "Global", "Worldwide", "Technologies", "Industries"
//     and a ".com" ending. "Holdings" and "Group" stay, because a holding
//     company is often a separate registrant from the operating company.
//   - An SEC EDGAR name of a person, surname first in capitals ("SMITH A O
//     CORP"), has its initials moved to the front ("ao smith"). An elided
//     "O", "D" or "L" written apart at the start ("O REILLY") joins the next
//     word, as "O'Reilly" does once its apostrophe is dropped.
//   - Unambiguous abbreviations are spelled out: "intl" as "international",
//     "corp" as "corporation", "mfg" as "manufacturing", "svcs" as
//     "services", "bros" as "brothers", "natl" as "national", "grp" as
//     "group", "hldgs" as "holdings", "mgmt" as "management", "sys" as
//     "systems" and a few more. Ambiguous ones stay as written, because a
//     wrong expansion cannot be undone in the key: "tech" (technology,
//     technologies, technical) and "assoc" (associates, association) are
//     left to the comparison of tokens.
//
// NOTE: the key keeps "Holdings" and "Group", and SEC names that put a given
// name rather than initials first ("SCHWAB CHARLES CORP") keep their order,
// so such pairs differ in the key and need token comparison.
//
// ParseName has no length limit and runs in time linear in the length of
// name: a 1 MB name took 0.2 to 0.5 s on a loaded 2-core test machine. It
// never fails. A name without letters gives an empty or digit-only key and
// is a placeholder.
func ParseName(name string) Name {
	n := Name{Input: name}
	var buf nameBuffers
	sc, input := newNameScratch(&buf).analyze(name)
	rec := &nameParse{input: input, name: &n}

	legal, hasTrade := sc.legalPart()
	sc = sc.writePart(legal, rec)
	n.Key = string(sc.out)
	if sc.qualified {
		n.Key = NormalizeName(n.Key) // as in NormalizeName
	}
	n.Display = sc.display(input)
	if hasTrade {
		for p := uint16(0); p < sc.parts; p++ {
			if p == legal {
				continue
			}
			sc = sc.writePart(p, nil)
			if len(sc.out) == 0 {
				continue
			}
			trade := string(sc.out)
			if sc.qualified {
				trade = NormalizeName(trade)
			}
			n.TradeNames = append(n.TradeNames, trade)
			n.TradeDisplays = append(n.TradeDisplays, sc.display(input))
		}
	}
	if n.Key == "" && len(n.TradeNames) > 0 {
		// Only trade parts carry words, as in "(formerly Acme)".
		n.Key, n.Display = n.TradeNames[0], n.TradeDisplays[0]
		n.TradeNames, n.TradeDisplays = n.TradeNames[1:], n.TradeDisplays[1:]
		if len(n.TradeNames) == 0 {
			n.TradeNames, n.TradeDisplays = nil, nil
		}
	}

	if n.Key != "" {
		n.Tokens = strings.Split(n.Key, " ")
	}
	sc.collectGroups(rec)
	rec.sortForms()
	if sc.tagStart >= 0 {
		n.Annotations = append(n.Annotations, trimSpaceASCII(input[sc.tagStart:]))
	}
	n.Placeholder = isPlaceholderName(n.Key, name)
	return n
}

// analyze tokenizes s and marks annotations and trade-name parts. It returns
// the text that token offsets refer to: s, or s after NFKC when s holds
// characters that compose.
func (sc nameScratch) analyze(s string) (nameScratch, string) {
	sc = sc.tokenize(s)
	if sc.needsNFKC {
		s = norm.NFKC.String(s)
		sc.raw, sc.rawToks, sc.tagStart, sc.needsNFKC = sc.raw[:0], sc.rawToks[:0], -1, false
		sc = sc.tokenize(s)
	}
	sc = sc.merge()
	sc.markGroups()
	sc.markParts()
	return sc, s
}
