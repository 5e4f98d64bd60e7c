// Command gendata writes synthetic Salesforce-style exports for the
// benchmarks of package exports and the lead router: an account export
// and a larger export whose rows are variants of those accounts or other
// companies. Names recombine the words of real company names from the
// SEC ticker list and the ROR registry, so they tokenise like real names.
// The output is the same for the same flags.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

func main() {
	err := run(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}

type config struct {
	data     string
	accounts int
	rows     int
	matchPct int
	seed     uint64
	out      string
}

func run(args []string, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("gendata", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: gendata [flags]\n\nWrites accounts.csv and rows.csv, Salesforce-style account exports, into -out.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&c.data, "data", "testdata", "`folder` holding sec-company-tickers and ror-records-subset")
	fs.IntVar(&c.accounts, "accounts", 100_000, "`number` of accounts to write to accounts.csv")
	fs.IntVar(&c.rows, "rows", 1_000_000, "`number` of rows to write to rows.csv; 0 writes none")
	fs.IntVar(&c.matchPct, "match-percent", 50, "`percentage` of rows.csv rows that are variants of an account")
	fs.Uint64Var(&c.seed, "seed", 1, "random `seed`")
	fs.StringVar(&c.out, "out", ".", "output `folder`")
	if err := fs.Parse(args); err != nil {
		return err
	}

	if c.accounts < 1 || c.rows < 0 || c.matchPct < 0 || c.matchPct > 100 {
		return fmt.Errorf("invalid counts: -accounts %d must be at least 1, -rows %d at least 0, -match-percent %d from 0 to 100", c.accounts, c.rows, c.matchPct)
	}

	words, err := loadWords(c.data)
	if err != nil {
		return err
	}
	g := &generator{words: words, rng: rand.New(rand.NewPCG(c.seed, c.seed^0x9e3779b97f4a7c15)), used: map[string]bool{}}
	accounts := make([]account, c.accounts)
	for i := range accounts {
		accounts[i] = g.newAccount(i)
	}
	if err := writeCSV(filepath.Join(c.out, "accounts.csv"), func(w *csv.Writer) error {
		for _, a := range accounts {
			if err := w.Write(a.row(a.website)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	if c.rows == 0 {
		return nil
	}

	return writeCSV(filepath.Join(c.out, "rows.csv"), func(w *csv.Writer) error {
		for i := range c.rows {
			var a account
			if g.rng.IntN(100) < c.matchPct {
				a = g.variant(accounts[g.rng.IntN(len(accounts))], i)
			} else {
				a = g.newAccount(c.accounts + i)
			}
			if err := w.Write(a.row(a.website)); err != nil {
				return err
			}
		}
		return nil
	})
}

type account struct {
	id, name, website, country, owner, created string
}

var header = []string{"Id", "Name", "Website", "BillingCountry", "OwnerId", "CreatedDate"}

func (a account) row(website string) []string {
	return []string{a.id, a.name, website, a.country, a.owner, a.created}
}

func writeCSV(path string, rows func(*csv.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	w.UseCRLF = true
	if err := w.Write(header); err != nil {
		f.Close()
		return err
	}
	if err := rows(w); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// wordPools holds the words of real company names: leading words, which
// carry the brand, and the other words.
type wordPools struct {
	first, rest, countries []string
}

func loadWords(dir string) (wordPools, error) {
	var pools wordPools
	seen := map[string]bool{}
	add := func(name string) {
		words := strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&' })
		for i, w := range words {
			key := strings.ToLower(w)
			if len(key) < 3 || legalWords[key] || seen[key] {
				continue
			}
			seen[key] = true
			w = titleCase(w)
			if i == 0 {
				pools.first = append(pools.first, w)
			} else {
				pools.rest = append(pools.rest, w)
			}
		}
	}

	data, err := os.ReadFile(filepath.Join(dir, "sec-company-tickers", "company_tickers.json"))
	if err != nil {
		return pools, err
	}
	var tickers map[string]struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(data, &tickers); err != nil {
		return pools, fmt.Errorf("company_tickers.json: %w", err)
	}
	// Map order is random, so collect the titles in key order.
	for i := range len(tickers) {
		add(tickers[fmt.Sprint(i)].Title)
	}

	f, err := os.Open(filepath.Join(dir, "ror-records-subset", "ror_orgs.csv"))
	if err != nil {
		return pools, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		return pools, fmt.Errorf("ror_orgs.csv: %w", err)
	}
	nameCol, countryCol := indexOf(head, "display_name"), indexOf(head, "country_code")
	if nameCol < 0 || countryCol < 0 {
		return pools, fmt.Errorf("ror_orgs.csv: missing display_name or country_code column in %v", head)
	}

	countries := map[string]bool{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return pools, fmt.Errorf("ror_orgs.csv: %w", err)
		}
		add(rec[nameCol])
		if c := rec[countryCol]; c != "" && !countries[c] {
			countries[c] = true
			pools.countries = append(pools.countries, c)
		}
	}
	if len(pools.first) < 100 || len(pools.rest) < 100 {
		return pools, fmt.Errorf("too few words in %s: %d leading and %d others", dir, len(pools.first), len(pools.rest))
	}
	return pools, nil
}

var legalWords = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "ltd": true, "llc": true, "plc": true,
	"co": true, "company": true, "gmbh": true, "the": true, "and": true, "del": true,
	"holdings": true, "group": true, "limited": true, "trust": true, "fund": true,
}

var legalForms = []string{"Inc.", "LLC", "Ltd", "GmbH", "S.A.", "Corp.", "Co., Ltd.", "AG", "B.V.", "Pty Ltd", "SAS", ""}

var suffixes = []string{".com", ".com", ".com", ".co.uk", ".de", ".io", ".com.br", ".co.jp", ".fr", ".nl", ".com.au", ".es"}

type generator struct {
	words wordPools
	rng   *rand.Rand
	used  map[string]bool
}

// newAccount returns an account with a name not used before.
func (g *generator) newAccount(n int) account {
	var name string
	var words []string
	for {
		words = []string{pick(g.rng, g.words.first), pick(g.rng, g.words.rest)}
		if g.rng.IntN(3) == 0 {
			words = append(words, pick(g.rng, g.words.rest))
		}
		key := strings.ToLower(strings.Join(words, " "))
		if !g.used[key] {
			g.used[key] = true
			break
		}
	}
	name = strings.Join(words, " ")
	if form := pick(g.rng, legalForms); form != "" {
		name += " " + form
	}
	slug := strings.ToLower(strings.Join(words, ""))
	if g.rng.IntN(4) == 0 {
		slug = strings.ToLower(strings.Join(words, "-"))
	}
	website := slug + pick(g.rng, suffixes)
	switch g.rng.IntN(3) {
	case 0:
		website = "https://www." + website + "/"
	case 1:
		website = "www." + website
	}
	if g.rng.IntN(10) == 0 {
		website = ""
	}
	return account{
		id:      salesforceID(n),
		name:    name,
		website: website,
		country: pick(g.rng, g.words.countries),
		owner:   salesforceID(g.rng.IntN(50) + 5_000_000),
		created: fmt.Sprintf("20%02d-%02d-%02dT%02d:%02d:00.000Z", 18+g.rng.IntN(7), 1+g.rng.IntN(12), 1+g.rng.IntN(28), g.rng.IntN(24), g.rng.IntN(60)),
	}
}

// variant writes an account the way another export might: other case,
// another legal form, a website in another form, or none.
func (g *generator) variant(a account, n int) account {
	v := a
	v.id = salesforceID(10_000_000 + n)
	switch g.rng.IntN(4) {
	case 0:
		v.name = strings.ToUpper(a.name)
	case 1:
		base := a.name
		for _, form := range legalForms {
			if form != "" && strings.HasSuffix(base, " "+form) {
				base = strings.TrimSuffix(base, " "+form)
				break
			}
		}
		v.name = base + " " + pick(g.rng, legalForms)
	case 2:
		v.name = "The " + a.name
	}
	switch g.rng.IntN(3) {
	case 0:
		v.website = strings.TrimPrefix(strings.TrimPrefix(a.website, "https://"), "www.")
	case 1:
		v.website = ""
	}
	return v
}

// salesforceID returns an 18-character ID in the style of Salesforce
// account IDs.
func salesforceID(n int) string {
	return fmt.Sprintf("001Ak%010dAAA", n)
}

func pick(rng *rand.Rand, list []string) string { return list[rng.IntN(len(list))] }

func titleCase(w string) string {
	if strings.ToUpper(w) != w {
		return w
	}
	lower := []rune(strings.ToLower(w))
	lower[0] = unicode.ToUpper(lower[0])
	return string(lower)
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
