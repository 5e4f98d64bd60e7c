package synth

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/accountkit/accountkit/match"
)

// abbreviations maps a lower-case word to the abbreviation a lead may
// write. ParseName spells some of them out again ("intl", "corp", "mfg",
// "svcs", "bros", "natl", "grp", "hldgs", "mgmt", "sys") and leaves the
// others ("tech", "assoc", "labs", "pharma", "inds") to the comparison.
var abbreviations = map[string]string{
	"international": "Intl", "corporation": "Corp", "manufacturing": "Mfg",
	"services": "Svcs", "brothers": "Bros", "national": "Natl", "group": "Grp",
	"holdings": "Hldgs", "management": "Mgmt", "systems": "Sys",
	"technologies": "Tech", "technology": "Tech", "associates": "Assoc",
	"laboratories": "Labs", "pharmaceuticals": "Pharma", "industries": "Inds",
}

// placeholders are the names of leads that carry no name.
var placeholders = []string{"", "n/a", "-", "unknown", "N/A"}

// freeMailDomains are the free-mail providers of free-mail leads.
var freeMailDomains = []string{
	"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com",
	"aol.com", "gmx.de", "web.de", "yahoo.co.uk", "orange.fr",
}

var firstNames = []string{"jane", "john", "maria", "li", "ahmed", "anna", "david", "sofia", "kenji", "olga", "peter", "sara", "lucas", "emma", "raj", "chen"}
var lastNames = []string{"smith", "garcia", "mueller", "wong", "kim", "rossi", "novak", "silva", "tanaka", "brown", "patel", "dubois"}

// leads writes cfg.Leads leads. A matched lead belongs to an account drawn
// uniformly; the others belong to held-out real names, held-out
// recombined names or near misses.
func (g *generator) leads(ds *Dataset, companies []company) {
	n := g.cfg.Leads
	ds.Leads = make([]match.Record, n)
	ds.LeadVariants = make([]Variant, n)
	ds.Truth = make(map[string]string, n)
	for i := range n {
		id := fmt.Sprintf("L%07d", i+1)
		var c company
		truth := ""
		a := -1
		if g.rng.Float64() < g.mix.MatchedLeads {
			a = g.rng.IntN(len(companies))
			c = companies[a]
			truth = accountID(a)
		} else {
			c = g.negative()
		}
		name, domain, v := g.write(&c, a)
		ds.Leads[i] = match.Record{ID: id, Source: "marketing", Name: name, Domain: domain}
		ds.LeadVariants[i] = v
		ds.Truth[id] = truth
	}
}

// negative returns a company that is not an account.
func (g *generator) negative() company {
	v := &g.vocab
	if g.rng.Float64() < g.mix.NearMissLeads {
		if c, err := g.recombined(v.heldOut, true); err == nil {
			c.flags |= NearMiss | HeldOut
			return c
		}
	}
	// Half of the held-out companies are real names, half recombined from
	// held-out words. A real held-out name may share a distinctive word
	// with an account, but never the start of its name.
	if len(v.heldOutNames) > 0 && g.rng.Float64() < 0.5 {
		rn := v.heldOutNames[g.rng.IntN(len(v.heldOutNames))]
		suffix := g.suffix()
		brand := g.uniqueBrand(strings.Fields(rn.key), suffix)
		return company{words: rn.words, form: rn.form, brand: brand, suffix: suffix, flags: RealName | HeldOut, parent: -1}
	}
	c, err := g.recombined(v.heldOut, false)
	if err != nil {
		// The held-out words ran out of unused names, so a near miss
		// takes the place of the lead.
		c, _ = g.recombined(v.heldOut, true)
		c.flags |= NearMiss
	}
	c.flags |= HeldOut
	return c
}

// maxRewrites bounds the attempts to write a name that is not another
// account's.
const maxRewrites = 10

// write writes the name and domain of a record of c with variants drawn
// from the mix. account is c's index among the accounts, or -1 when c is no
// account. A name whose key is another account's, as when dropping the
// last word of "Foo Bar Baz" gives the account "Foo Bar", is drawn again,
// and after maxRewrites attempts c's own name is written unchanged, so that
// the truth never contradicts the name.
func (g *generator) write(c *company, account int) (name, domain string, v Variant) {
	flags := c.flags & (Subsidiary | HeldOut | NearMiss | RealName)
	name, v = "", 0
	for range maxRewrites {
		n, nv := g.writeName(c)
		owner, found := g.owners[match.NormalizeName(n)]
		if !found || owner == account || nv&NoName != 0 {
			name, v = n, nv
			break
		}
	}
	if v == 0 && name == "" {
		name = c.accountName()
	}
	domain, dv := g.writeDomain(c)
	return name, domain, flags | v | dv
}

// writeName writes c's name with name variants drawn from the mix.
func (g *generator) writeName(c *company) (name string, v Variant) {
	m := &g.mix
	words := slices.Clone(c.words)
	form := c.form
	qualifier := c.qualifier

	if g.rng.Float64() < m.DroppedWord && len(words) >= 3 && qualifier == "" {
		words = words[:len(words)-1]
		// A connector left at the end, as in "Johnson &", goes too.
		for len(words) > 1 && isConnector(words[len(words)-1]) {
			words = words[:len(words)-1]
		}
		v |= DroppedWord
	}
	if g.rng.Float64() < m.Abbreviation {
		for i, w := range words {
			if abbr, ok := abbreviations[strings.ToLower(w)]; ok {
				if isUpper(w) {
					abbr = strings.ToUpper(abbr)
				}
				words[i] = abbr
				v |= Abbreviation
				break
			}
		}
	}
	if g.rng.Float64() < m.Typo {
		if i := longestWord(words); i >= 0 {
			words[i] = g.typo(words[i])
			v |= Typo
		}
	}
	if g.rng.Float64() < m.LegalForm {
		form = g.changeForm(form)
		v |= LegalForm
	}
	comma := false
	if g.rng.Float64() < m.Punctuation {
		words = g.punctuate(words, &form, &comma)
		v |= Punctuation
	}
	name = render(words, qualifier, form, comma)
	if g.rng.Float64() < m.Case {
		name = g.recase(name)
		v |= Case
	}
	if g.rng.Float64() < m.NoName {
		name = placeholders[g.rng.IntN(len(placeholders))]
		v |= NoName
	}
	return name, v
}

// writeDomain writes c's domain in one of the forms of the mix.
func (g *generator) writeDomain(c *company) (string, Variant) {
	m := &g.mix
	r := g.rng.Float64()
	switch {
	case r < m.DomainBare:
		return c.domain(), DomainBare
	case r < m.DomainBare+m.DomainHost:
		host := "www." + c.domain()
		if g.rng.IntN(4) == 0 {
			host = strings.ToUpper(host)
		}
		return host, DomainHost
	case r < m.DomainBare+m.DomainHost+m.DomainURL:
		paths := []string{"/", "/contact", "/en/about-us", "/products?ref=ads"}
		scheme := []string{"https://www.", "http://", "https://"}[g.rng.IntN(3)]
		return scheme + c.domain() + paths[g.rng.IntN(len(paths))], DomainURL
	case r < m.DomainBare+m.DomainHost+m.DomainURL+m.CompanyEmail:
		return g.localPart() + "@" + c.domain(), CompanyEmail
	case r < m.DomainBare+m.DomainHost+m.DomainURL+m.CompanyEmail+m.FreeMail:
		return g.localPart() + "@" + freeMailDomains[g.rng.IntN(len(freeMailDomains))], FreeMail
	}
	return "", NoDomain
}

func (g *generator) localPart() string {
	first := firstNames[g.rng.IntN(len(firstNames))]
	last := lastNames[g.rng.IntN(len(lastNames))]
	switch g.rng.IntN(5) {
	case 0:
		return first
	case 1:
		return first[:1] + "." + last
	case 2:
		return []string{"info", "sales", "contact"}[g.rng.IntN(3)]
	}
	return first + "." + last
}

// changeForm drops form, respells it or replaces it with another form.
func (g *generator) changeForm(form string) string {
	if form != "" && g.rng.IntN(3) == 0 {
		return ""
	}
	if key := formKey(form); key != "" {
		for _, f := range legalForms {
			if len(f.spellings) < 2 || formKey(f.spellings[0]) != key {
				continue
			}
			for {
				if alt := f.spellings[g.rng.IntN(len(f.spellings))]; alt != form {
					return alt
				}
			}
		}
	}
	for {
		f := legalForms[g.rng.IntN(len(legalForms))]
		if len(f.spellings) > 0 && f.spellings[0] != form {
			return f.spellings[0]
		}
	}
}

// formKey returns the key that ParseName gives the legal form, or "", so
// that spellings such as "INC" and "Inc." compare equal.
func formKey(form string) string {
	if form == "" {
		return ""
	}
	p := match.ParseName("Zyxwq " + form)
	if len(p.LegalForms) == 0 {
		return ""
	}
	return p.LegalForms[0].Key
}

// punctuate makes one punctuation change that fits the name and returns
// the words.
func (g *generator) punctuate(words []string, form *string, comma *bool) []string {
	for _, i := range g.rng.Perm(4) {
		switch i {
		case 0:
			if *form != "" && !*comma {
				*comma = true
				return words
			}
		case 1:
			if len(words) >= 2 {
				j := g.rng.IntN(len(words) - 1)
				words[j] = words[j] + "-" + words[j+1]
				return slices.Delete(words, j+1, j+2)
			}
		case 2:
			for j, w := range words {
				if strings.EqualFold(w, "and") {
					words[j] = "&"
					return words
				}
			}
		case 3:
			if *form != "" && !strings.HasSuffix(*form, ".") {
				*form += "."
				return words
			}
		}
	}
	return words
}

// recase writes name in upper, lower or title case, whichever differs.
func (g *generator) recase(name string) string {
	options := []string{strings.ToUpper(name), strings.ToLower(name), titleWords(name)}
	for _, i := range g.rng.Perm(len(options)) {
		if options[i] != name {
			return options[i]
		}
	}
	return name
}

func titleWords(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = titleCase(w)
	}
	return strings.Join(words, " ")
}

// typo changes one letter of w, never the first: it swaps two neighbours,
// deletes one, doubles one or replaces one with its neighbour in the
// alphabet.
func (g *generator) typo(w string) string {
	b := []byte(w)
	i := 1 + g.rng.IntN(len(b)-2)
	switch g.rng.IntN(4) {
	case 0:
		if b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
			return string(b)
		}
		fallthrough
	case 1:
		return string(b[:i]) + string(b[i+1:])
	case 2:
		return string(b[:i+1]) + string(b[i:])
	}
	if b[i] == 'z' || b[i] == 'Z' {
		b[i]--
	} else {
		b[i]++
	}
	return string(b)
}

// longestWord returns the index of the longest ASCII-letter word of six
// letters or more, the first of equals, or -1.
func longestWord(words []string) int {
	best, bestLen := -1, 5
	for i, w := range words {
		if len(w) > bestLen && isLetters(w) {
			best, bestLen = i, len(w)
		}
	}
	return best
}

func isConnector(w string) bool {
	return w == "&" || w == "-" || functionWords[strings.ToLower(w)]
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isUpper(w string) bool {
	return utf8.ValidString(w) && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// duplicates writes the deduplication set: clusters of one to four
// records written from one account each, from accounts in a random order.
func (g *generator) duplicates(ds *Dataset, companies []company) {
	n := g.cfg.DuplicateRecords
	if n == 0 {
		return
	}
	ds.Duplicates = make([]Labeled, 0, n)
	order := g.rng.Perm(len(companies))
	for k := 0; len(ds.Duplicates) < n; k++ {
		a := order[k%len(order)]
		size := 1
		switch r := g.rng.Float64(); {
		case r < 0.10:
			size = 4
		case r < 0.25:
			size = 3
		case r < 0.50:
			size = 2
		}
		// When every account has a cluster, later draws of an account add
		// records to its cluster.
		cluster := accountID(a)
		for j := 0; j < size && len(ds.Duplicates) < n; j++ {
			id := fmt.Sprintf("D%07d", len(ds.Duplicates)+1)
			c := &companies[a]
			var rec match.Record
			var v Variant
			if j == 0 {
				rec = match.Record{ID: id, Source: "crm", Name: ds.Accounts[a].Name, Domain: ds.Accounts[a].Domain}
				v = ds.AccountVariants[a]
			} else {
				name, domain, wv := g.write(c, a)
				rec = match.Record{ID: id, Source: "marketing", Name: name, Domain: domain}
				v = wv
			}
			ds.Duplicates = append(ds.Duplicates, Labeled{Record: rec, Cluster: cluster, Variant: v})
		}
	}
}
