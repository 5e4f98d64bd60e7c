package synth

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/accountkit/accountkit/match"
)

// suffixes are the public suffixes of generated domains, with the share of
// domains that get each. The shares are estimates of a B2B account list
// with a European lean.
var suffixes = []struct {
	suffix string
	share  float64
}{
	{"com", 0.55}, {"co.uk", 0.08}, {"de", 0.07}, {"io", 0.05}, {"net", 0.05},
	{"com.au", 0.04}, {"fr", 0.03}, {"nl", 0.03}, {"ca", 0.03}, {"co", 0.02},
	{"org", 0.02}, {"co.jp", 0.02}, {"com.br", 0.01},
}

// legalForms are the forms of recombined names and the share of names
// that get each. Each entry lists the spellings of one form, canonical
// first, so that a lead can respell it.
var legalForms = []struct {
	spellings []string
	share     float64
}{
	{[]string{"Inc.", "Inc", "Incorporated", "INC"}, 0.22},
	{[]string{"LLC", "L.L.C."}, 0.12},
	{[]string{"Corp.", "Corp", "Corporation"}, 0.10},
	{[]string{"Ltd", "Ltd.", "Limited"}, 0.12},
	{[]string{"GmbH"}, 0.07},
	{[]string{"AG"}, 0.02},
	{[]string{"S.A.", "SA"}, 0.03},
	{[]string{"Pty Ltd", "Pty. Ltd."}, 0.03},
	{[]string{"plc", "PLC"}, 0.02},
	{[]string{"B.V.", "BV"}, 0.03},
	{[]string{"S.r.l.", "Srl"}, 0.02},
	{[]string{"SAS", "S.A.S."}, 0.02},
	{[]string{"AB"}, 0.01},
	{[]string{"Oy"}, 0.01},
	{[]string{"Co., Ltd.", "Co. Ltd"}, 0.02},
	{nil, 0.16}, // no legal form
}

// countries are the countries of subsidiaries: the name in the qualifier,
// the public suffix of the subsidiary's domain and its legal form.
var countries = []struct{ name, suffix, form string }{
	{"Germany", "de", "GmbH"}, {"UK", "co.uk", "Ltd"}, {"France", "fr", "SAS"},
	{"Australia", "com.au", "Pty Ltd"}, {"Netherlands", "nl", "B.V."},
	{"Japan", "co.jp", "K.K."}, {"India", "in", "Pvt Ltd"}, {"Canada", "ca", "Inc."},
	{"Brazil", "com.br", "Ltda"}, {"Italy", "it", "S.r.l."}, {"Spain", "es", "S.L."},
	{"Sweden", "se", "AB"},
}

// maxAttempts bounds the draws for one unused name or brand.
const maxAttempts = 1000

// accounts builds cfg.Accounts companies: real account names first, then
// subsidiaries and recombined names.
func (g *generator) accounts() ([]company, error) {
	n := g.cfg.Accounts
	out := make([]company, 0, n)
	for _, rn := range g.vocab.accountNames {
		if len(out) == n {
			break
		}
		c := company{words: rn.words, form: rn.form, flags: RealName, parent: -1}
		key := match.NormalizeName(c.accountName())
		if g.keys[key] {
			// Another real name gives the same key once written without
			// its registry notes.
			continue
		}
		c.brand, c.suffix = g.realBrand(rn)
		g.keys[key] = true
		if t := strings.Fields(key); len(t) >= 2 {
			g.pairs[t[0]+" "+t[1]] = true
		}
		out = append(out, c)
	}
	for len(out) < n {
		if len(out) > 0 && g.rng.Float64() < g.mix.Subsidiaries {
			if c, ok := g.subsidiary(out); ok {
				out = append(out, c)
				continue
			}
		}
		c, err := g.recombined(g.vocab.distinctive, false)
		if err != nil {
			return nil, fmt.Errorf("synth: %d accounts built of %d requested: %w", len(out), n, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// recombined draws a new company from words: two distinctive words and
// one or two industry words, or, for a near miss, one word and two
// industry words. It reserves the name key, the first two words and the
// brand.
func (g *generator) recombined(words []string, nearMiss bool) (company, error) {
	v := &g.vocab
	for range maxAttempts {
		first := words[g.rng.IntN(len(words))]
		var tokens []string
		switch r := g.rng.Float64(); {
		case nearMiss:
			tokens = []string{first, v.industry[g.rng.IntN(len(v.industry))], v.industry[g.rng.IntN(len(v.industry))]}
		case r < 0.15:
			tokens = []string{first, words[g.rng.IntN(len(words))]}
		case r < 0.85:
			tokens = []string{first, words[g.rng.IntN(len(words))], v.industry[g.rng.IntN(len(v.industry))]}
		default:
			tokens = []string{first, words[g.rng.IntN(len(words))], v.industry[g.rng.IntN(len(v.industry))],
				v.industry[g.rng.IntN(len(v.industry))]}
		}
		if hasRepeat(tokens) {
			continue
		}
		c := company{parent: -1, form: g.form(), suffix: g.suffix()}
		upper := g.rng.Float64() < 0.15
		for _, t := range tokens {
			if upper {
				c.words = append(c.words, strings.ToUpper(t))
			} else {
				c.words = append(c.words, titleCase(t))
			}
		}
		// The key comes from the written name, so that a word that the
		// name parser treats specially next to a legal form cannot make
		// two accounts equal.
		key := match.NormalizeName(c.accountName())
		keyTokens := strings.Fields(key)
		if len(keyTokens) < 2 || g.keys[key] {
			continue
		}
		pair := keyTokens[0] + " " + keyTokens[1]
		if g.pairs[pair] {
			continue
		}
		c.brand = g.newBrand(tokens, c.suffix)
		if c.brand == "" {
			continue
		}
		g.keys[key] = true
		g.pairs[pair] = true
		g.brands[c.brand] = true
		return c, nil
	}
	return company{}, fmt.Errorf("no unused name found in %d draws from %d words; pass more sources or request fewer accounts", maxAttempts, len(words))
}

// subsidiary builds a subsidiary of a random earlier company in another
// country. It fails when the drawn parent is a subsidiary itself or already
// has a company in the drawn country.
func (g *generator) subsidiary(companies []company) (company, bool) {
	pi := g.rng.IntN(len(companies))
	p := &companies[pi]
	country := countries[g.rng.IntN(len(countries))]
	if p.parent >= 0 || p.suffix == country.suffix {
		return company{}, false
	}
	key := match.NormalizeName(render(p.words, country.name, country.form, false))
	domain := p.brand + "." + country.suffix
	if g.keys[key] || g.keys["domain "+domain] {
		return company{}, false
	}
	g.keys[key] = true
	g.keys["domain "+domain] = true
	return company{
		words: p.words, qualifier: country.name, form: country.form,
		brand: p.brand, suffix: country.suffix, flags: Subsidiary, parent: pi,
	}, true
}

// realBrand returns the brand and suffix of a real name: those of its
// source domain when that is a company domain whose brand is unused, and
// otherwise a brand made from its words. It reserves the brand.
func (g *generator) realBrand(rn realName) (brand, suffix string) {
	if rn.domain != "" {
		d, err := match.ParseDomain(rn.domain)
		if err == nil && d.Kind == match.KindCompany && d.Brand != "" && !g.brands[d.Brand] && isASCIIKey(d.Brand) {
			g.brands[d.Brand] = true
			return d.Brand, d.Suffix
		}
	}
	suffix = g.suffix()
	return g.uniqueBrand(strings.Fields(rn.key), suffix), suffix
}

// uniqueBrand returns and reserves a brand made from tokens as newBrand
// does, or, when every spelling is taken, the tokens joined with a number.
func (g *generator) uniqueBrand(tokens []string, suffix string) string {
	brand := g.newBrand(tokens, suffix)
	base := strings.Join(tokens, "")
	if base == "" {
		base = "company"
	}
	if len(base) > 56 {
		base = base[:56]
	}
	for i := 2; brand == ""; i++ {
		if b := base + strconv.Itoa(i); g.usableBrand(b, suffix) {
			brand = b
		}
	}
	g.brands[brand] = true
	return brand
}

// newBrand returns an unused brand label made from tokens: the first two
// joined, with a hyphen, all joined, or the first alone, or "" when none is
// usable with suffix. It does not reserve the brand.
func (g *generator) newBrand(tokens []string, suffix string) string {
	tokens = slices.DeleteFunc(slices.Clone(tokens), func(t string) bool { return functionWords[t] })
	if len(tokens) == 0 {
		return ""
	}
	var candidates []string
	if len(tokens) >= 2 {
		candidates = append(candidates, tokens[0]+tokens[1], tokens[0]+"-"+tokens[1])
	}
	candidates = append(candidates, strings.Join(tokens, ""), tokens[0])
	for _, b := range candidates {
		if len(b) >= 2 && len(b) <= 63 && isASCIIKey(b) && !strings.Contains(b, " ") && g.usableBrand(b, suffix) {
			return b
		}
	}
	return ""
}

// usableBrand reports whether brand is unused and forms a company domain
// with suffix, not a mail provider's such as "yahoo.com".
func (g *generator) usableBrand(brand, suffix string) bool {
	if g.brands[brand] {
		return false
	}
	d, err := match.ParseDomain(brand + "." + suffix)
	return err == nil && d.Kind == match.KindCompany && d.Registrable == brand+"."+suffix
}

func (g *generator) suffix() string {
	r := g.rng.Float64()
	for _, s := range suffixes {
		if r < s.share {
			return s.suffix
		}
		r -= s.share
	}
	return suffixes[0].suffix
}

// form draws the canonical spelling of a legal form, or "".
func (g *generator) form() string {
	r := g.rng.Float64()
	for _, f := range legalForms {
		if r < f.share {
			if len(f.spellings) == 0 {
				return ""
			}
			return f.spellings[0]
		}
		r -= f.share
	}
	return ""
}

func hasRepeat(tokens []string) bool {
	for i := range tokens {
		for j := i + 1; j < len(tokens); j++ {
			if tokens[i] == tokens[j] {
				return true
			}
		}
	}
	return false
}
