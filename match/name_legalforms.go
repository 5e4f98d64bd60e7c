package match

//go:generate go run ./internal/genlegalforms

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// legalFormRecord is one spelling of a legal form as the source lists give
// it, with the ELF codes it stands for as "CODE:CC" or "CODE:CC-SUB" pairs
// separated by spaces, or an empty string when no ELF code is known.
type legalFormRecord struct {
	alias string
	codes string
}

// legalFormEntry is one legal form in the lookup index.
type legalFormEntry struct {
	key   string // the alias as a key, such as "sp zoo" or "gmbh and co kg"
	codes []ELFCode
	// prefix sets when the form may be stripped from the start of a name,
	// where jurisdictions write "PT", "OOO" and "SIA".
	prefix prefixRule
}

// legalFormIndex finds legal forms by their key. It is built once at init
// and never changed after.
type legalFormIndex struct {
	bySequence map[string]int32
	entries    []legalFormEntry
	maxTokens  int
	maxKeyLen  int // bytes of the longest key, so longer words skip lookups
	// lastWords maps the last word of every form to the most words of a
	// form that ends in it. firstWords does the same for the first words of
	// prefix forms. With them, most words need a single lookup.
	lastWords  map[string]int
	firstWords map[string]int
	// lastFilter and firstFilter reject most words before a map lookup.
	lastFilter, firstFilter wordFilter
	// scriptForms are legal forms in scripts written without spaces
	// (株式会社, 有限公司, 주식회사), longest first, matched at the start or
	// end of a word.
	scriptForms []int32
}

// legalForms is set once by init and read-only after. A plain variable
// initializer would form a cycle, because building the index tokenizes the
// aliases and the tokenizer consults the index.
var legalForms *legalFormIndex

func init() {
	legalForms = buildLegalForms()
}

// prefixRule sets when a legal form may be stripped from the start of a
// name.
type prefixRule uint8

const (
	prefixNever prefixRule = iota
	prefixAlways
	// prefixInitialism strips only spellings with dots or slashes, because
	// the bare word is common in names ("A/S" but not "As").
	prefixInitialism
	// prefixTransliterated strips only spellings in Cyrillic or Greek,
	// because the Latin letters are common initials ("АО" but not "A.O.
	// Smith").
	prefixTransliterated
)

// legalFormPrefixes are the keys of legal forms that their jurisdictions
// write before the name, with the rule for stripping them there.
var legalFormPrefixes = map[string]prefixRule{
	"pt": prefixAlways, "cv": prefixAlways, "ooo": prefixAlways, "oao": prefixAlways,
	"zao": prefixAlways, "pao": prefixAlways, "tov": prefixAlways, "too": prefixAlways,
	"sia": prefixAlways, "uab": prefixAlways, "ab": prefixAlways, "jsc": prefixAlways,
	"ojsc": prefixAlways, "cjsc": prefixAlways, "pjsc": prefixAlways, "llc": prefixAlways,
	"ud": prefixAlways, "sc": prefixInitialism, "as": prefixInitialism,
	"ao": prefixTransliterated, "ip": prefixTransliterated, "ad": prefixTransliterated,
	"ood": prefixTransliterated, "eood": prefixTransliterated, "chp": prefixTransliterated,
}

// legalFormSeed lists the common forms, so the key never depends on the
// generated table for them alone.
var legalFormSeed = []string{
	"Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Cos", "Companies",
	"LLC", "L.L.C.", "Ltd", "Limited", "PLC", "LP", "L.P.", "LLP", "GmbH", "AG", "SA",
	"SAS", "SRL", "BV", "NV", "AB", "AS", "A/S", "Oy", "Oyj", "SpA", "Pty", "Pty Ltd",
	"Pvt", "Pvt Ltd", "Private Limited", "& Co", "and Company", "Co Ltd", "KG",
	"GmbH & Co KG", "Sp. z o.o.", "spol. s r.o.", "S.A. de C.V.", "S. de R.L. de C.V.",
	"s.r.o.", "a.s.", "Kft", "Zrt", "Nyrt", "Bhd", "Sdn Bhd", "Tbk", "PT", "OOO",
	"ООО", "ОАО", "ЗАО", "ПАО", "АО", "SIA", "UAB", "SE", "SARL", "EURL", "SCA",
	"K.K.", "Kabushiki Kaisha", "NA", "N.A.", "PC", "PLLC", "LLLP", "GP",
	"株式会社", "有限会社", "合同会社", "有限公司", "股份有限公司", "有限责任公司",
	"有限責任公司", "股份公司", "주식회사", "유한회사", "유한책임회사",
}

// organisationWords are organisation kinds that the source lists give as
// legal forms but that are part of what a company is called, so stripping
// them would merge different companies ("Northern Trust" and "Northern").
// Multi-word forms that start with one ("trust company") are skipped too.
var organisationWords = map[string]bool{
	"trust": true, "trustco": true, "foundation": true, "foundations": true, "association": true,
	"assoc": true, "assn": true, "partnership": true, "partnerships": true, "partners": true,
	"bank": true, "banco": true, "fund": true, "fonds": true, "fondo": true, "fond": true,
	"society": true, "union": true, "cooperative": true, "cooperation": true, "coop": true,
	"group": true, "holding": true, "holdings": true, "branch": true, "church": true,
	"club": true, "mutual": true, "estate": true, "charity": true, "institution": true,
	"enterprise": true, "business": true, "international": true, "intl": true, "inter": true,
	"import": true, "export": true, "multi": true, "others": true, "local": true,
	"listed": true, "unlisted": true, "primary": true, "secondary": true, "tertiary": true,
	"professional": true, "profit": true, "nonprofit": true, "overseas": true, "permit": true,
	"producer": true, "railroad": true, "region": true, "series": true, "trademark": true,
	"guarantee": true, "chartered": true, "district": true, "municipal": true, "canton": true,
	"embassy": true, "commune": true, "artisan": true, "investor": true, "general": true,
	"ctr": true, "ins": true, "sanayi": true, "ticaret": true, "insaat": true, "tesisat": true,
	"lojistik": true, "filial": true, "condominiums": true,
	"reit": true, "state": true, "government": true, "unlimited": true,
	"technologies": true, "industries": true, "global": true, "worldwide": true,
}

// legalFormStoplist holds words, numerals and country codes that are legal
// forms only in some lists but usually mean something else at the end of a
// name.
var legalFormStoplist = map[string]bool{
	"a": true, "i": true, "ii": true, "iii": true, "s": true, "f": true, "in": true, "is": true,
	"at": true, "uk": true, "us": true, "jp": true, "eu": true, "up": true, "ok": true,
	"son": true, "ed": true, "lo": true, "li": true, "im": true, "ms": true, "pr": true,
	"me": true, "dom": true, "san": true, "sat": true, "sep": true, "ent": true, "exp": true,
	"the": true, "and": true, "of": true, "an": true, "on": true, "by": true, "to": true,
	"or": true, "for": true, "it": true, "de": true, "des": true, "du": true, "la": true,
	"le": true, "el": true, "del": true, "di": true, "da": true, "do": true, "en": true,
	"et": true, "y": true, "und": true, "van": true, "von": true, "der": true, "den": true,
	"mit": true, "with": true, "public": true, "private": true,
	// Country codes that some list gives as a rare legal form but that
	// names use as qualifiers, as in "Example (HK) Ltd".
	"hk": true, "cn": true, "br": true, "lv": true, "si": true, "tr": true,
	"lt": true, "rs": true,
	// Trade-name markers, which split a name instead.
	"atf": true, "dba": true, "aka": true, "fka": true, "nka": true, "ta": true,
}

// wordFilter records the first byte, the last byte and the length of a set
// of words. A word whose pairs were never added is not in the set, which
// saves hashing most words of a name.
type wordFilter struct {
	first, last [256]uint64
}

func (f *wordFilter) add(w string) {
	bit := uint64(1) << min(len(w), 63)
	f.first[w[0]] |= bit
	f.last[w[len(w)-1]] |= bit
}

func (f *wordFilter) mayContain(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	bit := uint64(1) << min(len(w), 63)
	return f.first[w[0]]&bit != 0 && f.last[w[len(w)-1]]&bit != 0
}

// ELFCode is one entity legal form of ISO 20275 with the jurisdiction that
// defines it.
type ELFCode struct {
	// Code is the four-character ELF code, such as "2HBR" for the German
	// GmbH.
	Code string
	// Jurisdiction is the ISO 3166-1 alpha-2 country code, or the ISO
	// 3166-2 subdivision code for sub-national forms such as "US-DE".
	Jurisdiction string
}

func buildLegalForms() *legalFormIndex {
	ix := &legalFormIndex{
		bySequence: make(map[string]int32, 8192),
		lastWords:  make(map[string]int, 4096),
		firstWords: make(map[string]int, 64),
	}
	add := func(alias, codes string) {
		key := legalFormKey(alias)
		first, _, _ := strings.Cut(key, " ")
		if !strings.ContainsFunc(key, unicode.IsLetter) || legalFormStoplist[key] || organisationWords[first] {
			return // the lists hold a few numerals, such as "1" for Aruba
		}
		id, ok := ix.bySequence[key]
		if !ok {
			id = int32(len(ix.entries))
			ix.bySequence[key] = id
			ix.entries = append(ix.entries, legalFormEntry{key: key, prefix: legalFormPrefixes[key]})
			ix.maxTokens = max(ix.maxTokens, strings.Count(key, " ")+1)
			ix.maxKeyLen = max(ix.maxKeyLen, len(key))
		}
		e := &ix.entries[id]
		for _, pair := range strings.Fields(codes) {
			code, jurisdiction, _ := strings.Cut(pair, ":")
			if !containsELF(e.codes, code, jurisdiction) {
				e.codes = append(e.codes, ELFCode{Code: code, Jurisdiction: jurisdiction})
			}
		}
	}
	for _, alias := range legalFormSeed {
		add(alias, "")
	}
	for _, rec := range legalFormTable {
		add(rec.alias, rec.codes)
	}
	for id := range ix.entries {
		e := &ix.entries[id]
		sort.Slice(e.codes, func(i, j int) bool {
			if e.codes[i].Code != e.codes[j].Code {
				return e.codes[i].Code < e.codes[j].Code
			}
			return e.codes[i].Jurisdiction < e.codes[j].Jurisdiction
		})
		if r, _ := utf8.DecodeRuneInString(e.key); keepsScript(r) && !strings.Contains(e.key, " ") {
			e.prefix = prefixAlways
			ix.scriptForms = append(ix.scriptForms, int32(id))
		}
		words := strings.Fields(e.key)
		last := words[len(words)-1]
		ix.lastWords[last] = max(ix.lastWords[last], len(words))
		ix.lastFilter.add(last)
		if e.prefix != prefixNever {
			ix.firstWords[words[0]] = max(ix.firstWords[words[0]], len(words))
			ix.firstFilter.add(words[0])
		}
	}
	sort.SliceStable(ix.scriptForms, func(i, j int) bool {
		return len(ix.entries[ix.scriptForms[i]].key) > len(ix.entries[ix.scriptForms[j]].key)
	})
	return ix
}

func containsELF(codes []ELFCode, code, jurisdiction string) bool {
	for _, c := range codes {
		if c.Code == code && c.Jurisdiction == jurisdiction {
			return true
		}
	}
	return false
}

// legalFormKey folds a legal form alias the way names are folded, so that
// "Sp. z o.o." and "SP Z O O" both give "sp zoo".
func legalFormKey(alias string) string {
	var buf nameBuffers
	sc := newNameScratch(&buf).tokenize(alias).merge()
	return string(sc.text)
}
