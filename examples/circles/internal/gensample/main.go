// Command gensample writes the embedded sample of examples/circles: a
// target account list, a marketing export and a sales export built from
// real company names, with reach drawn from a fixed seed. Run it through
// go generate in examples/circles; sample/README.md describes the output.
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// seed fixes every random choice, so the sample is the same on each run.
const seed = 20261204

// year is the year, in UTC, of every touch date in the sample.
const year = 2026

type company struct {
	id      string
	name    string // as the target list writes it
	crmName string // as the sales system writes it
	website string // empty when the source has none
	domain  string // host of the website without "www."
	country string // ISO 3166-1 alpha-2 code of the headquarters
}

func main() {
	data := flag.String("data", "../../testdata", "folder holding the copied public data sets")
	out := flag.String("out", "sample", "folder to write targets.csv, marketing.csv and sales.csv into")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gensample:", err)
		os.Exit(1)
	}
}

func run(data, out string) error {
	rng := rand.New(rand.NewPCG(seed, seed))
	// The region, tier and date columns use a separate random stream, so
	// adding them leaves the other values of the sample unchanged.
	extra := rand.New(rand.NewPCG(seed, seed+1))
	ror, err := readROR(filepath.Join(data, "ror-records-subset", "ror_orgs.csv"))
	if err != nil {
		return err
	}
	sp, sec, err := readSP500(data)
	if err != nil {
		return err
	}
	rng.Shuffle(len(ror), func(i, j int) { ror[i], ror[j] = ror[j], ror[i] })
	rng.Shuffle(len(sp), func(i, j int) { sp[i], sp[j] = sp[j], sp[i] })
	rng.Shuffle(len(sec), func(i, j int) { sec[i], sec[j] = sec[j], sec[i] })

	targets := append(slices.Clone(ror[:70]), sp[:50]...)
	outsidersROR := ror[70:95]
	outsidersSEC := sec[:25]

	var targetRows, marketingRows, salesRows [][]string
	for i, c := range targets {
		website := c.website
		if website != "" && rng.IntN(3) == 0 {
			website = c.domain
		}
		targetRows = append(targetRows, []string{fmt.Sprintf("T%03d", i+1), c.name, website})
	}
	lead := 0
	for _, c := range targets {
		inMarketing := rng.Float64() < 0.45
		inSales := rng.Float64() < 0.35
		if inMarketing {
			for range 1 + rng.IntN(3) {
				lead++
				marketingRows = append(marketingRows, marketingRow(rng, lead, c))
			}
		}
		if inSales {
			salesRows = append(salesRows, salesRow(rng, len(salesRows)+1, c))
		}
	}
	for _, c := range outsidersROR {
		lead++
		marketingRows = append(marketingRows, marketingRow(rng, lead, c))
	}
	for _, c := range outsidersSEC {
		salesRows = append(salesRows, salesRow(rng, len(salesRows)+1, c))
	}
	for _, junk := range [][]string{
		{"", "", "", "jane.roe@gmail.com"},
		{"n/a", "", "", "n/a"},
		{"Test", "Test", "Lead", "test@example.com"},
		{"-", "", "", ""},
		{"Self-employed", "Sam", "Lee", "sam.lee@outlook.com"},
	} {
		lead++
		marketingRows = append(marketingRows, append([]string{fmt.Sprintf("L%04d", lead)}, junk...))
	}
	salesRows = append(salesRows, []string{fmt.Sprintf("S%04d", len(salesRows)+1), "Unknown", ""})
	salesRows = append(salesRows, []string{fmt.Sprintf("S%04d", len(salesRows)+1), "", "http://"})

	rng.Shuffle(len(marketingRows), func(i, j int) { marketingRows[i], marketingRows[j] = marketingRows[j], marketingRows[i] })
	rng.Shuffle(len(salesRows), func(i, j int) { salesRows[i], salesRows[j] = salesRows[j], salesRows[i] })

	for i, c := range targets {
		targetRows[i] = append(targetRows[i], targetRegion(extra, c.country), targetTier(extra))
	}
	for i, row := range marketingRows {
		when := randomTime(extra)
		date := ""
		switch {
		case row[0] == "L0001":
			// One lead has a US-style date (month/day/year), which is
			// rejected when -from or -to is set.
			date = when.Format("1/2/2006")
		case extra.IntN(3) == 0:
			zone := zoneOffsets[extra.IntN(len(zoneOffsets))]
			date = when.In(time.FixedZone("", zone*3600)).Format(time.RFC3339)
		default:
			date = when.Format(time.RFC3339)
		}
		marketingRows[i] = append(row, date)
	}
	for i, row := range salesRows {
		salesRows[i] = append(row, randomTime(extra).Format(time.DateOnly))
	}

	if err := writeCSV(filepath.Join(out, "targets.csv"), []string{"Account ID", "Account Name", "Website", "Region", "Tier"}, targetRows); err != nil {
		return err
	}
	if err := writeCSV(filepath.Join(out, "marketing.csv"), []string{"Lead ID", "Company", "First Name", "Last Name", "Email", "Last Activity Date"}, marketingRows); err != nil {
		return err
	}
	return writeCSV(filepath.Join(out, "sales.csv"), []string{"Id", "Account Name", "Website", "Last Activity"}, salesRows)
}

// zoneOffsets are the UTC offsets, in hours, of the marketing dates that
// are not written in UTC.
var zoneOffsets = []int{-8, -5, 1, 2, 9}

// randomTime returns a uniformly random second of year, in UTC.
func randomTime(rng *rand.Rand) time.Time {
	start := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	seconds := start.AddDate(1, 0, 0).Unix() - start.Unix()
	return start.Add(time.Duration(rng.Int64N(seconds)) * time.Second)
}

// amerCountries and apacCountries list the ISO 3166-1 country codes of the
// AMER and APAC sales regions. targetRegion puts every other known country
// in EMEA.
var (
	amerCountries = []string{"AR", "BM", "BO", "BR", "CA", "CL", "CO", "CU", "EC", "GT", "LC", "MX", "PA", "PE", "PR", "US", "UY", "VE", "VG"}
	apacCountries = []string{"AU", "BD", "CN", "HK", "ID", "IN", "JP", "KR", "LK", "MY", "NP", "NZ", "PH", "PK", "SG", "TH", "TW", "VN"}
)

// targetRegion returns the sales region of a company in country: AMER,
// APAC, or EMEA for any other known country. It returns an empty region
// for an unknown country, and with probability 1/15 for any, so that the
// sample has targets with no region.
func targetRegion(rng *rand.Rand, country string) string {
	switch {
	case rng.IntN(15) == 0 || country == "":
		return ""
	case slices.Contains(amerCountries, country):
		return "AMER"
	case slices.Contains(apacCountries, country):
		return "APAC"
	}
	return "EMEA"
}

// targetTier returns an account tier: Tier 1 for a fifth of the targets,
// Tier 2 for three tenths and Tier 3 for the rest.
func targetTier(rng *rand.Rand) string {
	switch n := rng.IntN(10); {
	case n < 2:
		return "Tier 1"
	case n < 5:
		return "Tier 2"
	}
	return "Tier 3"
}

var firstNames = []string{"Ana", "Ben", "Chloé", "Dmitri", "Elif", "Femi", "Grace", "Hiro", "Inés", "Jonas", "Kavya", "Liam", "Mei", "Noah", "Olga", "Priya"}
var lastNames = []string{"Andersen", "Brown", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Huang", "Iyer", "Jensen", "Kowalski", "López", "Müller", "Novak", "Okafor", "Patel"}
var freeMail = []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.co.uk", "icloud.com", "gmx.de"}
var legalForms = []string{" Inc.", ", Inc.", " LLC", " Ltd", " Corp.", " GmbH", " Co.", " Limited", " S.A."}

// marketingRow writes a marketing-automation lead for c: the company name
// as a person typed it and an email address at the company's domain, or at
// a free-mail provider for about a quarter of leads.
func marketingRow(rng *rand.Rand, lead int, c company) []string {
	first := firstNames[rng.IntN(len(firstNames))]
	last := lastNames[rng.IntN(len(lastNames))]
	local := strings.ToLower(first[:1] + "." + last)
	local = strings.NewReplacer("é", "e", "í", "i", "ü", "u", "ó", "o").Replace(local)
	email := ""
	switch {
	case c.domain == "" || rng.IntN(4) == 0:
		email = local + "@" + freeMail[rng.IntN(len(freeMail))]
	case rng.IntN(3) == 0:
		email = fmt.Sprintf("%s %s <%s@%s>", first, last, local, strings.ToUpper(c.domain))
	default:
		email = local + "@" + c.domain
	}
	return []string{fmt.Sprintf("L%04d", lead), nameVariant(rng, c.name), first, last, email}
}

// salesRow writes a CRM account for c: the registry spelling where there is
// one, and the website as a URL, a bare host or nothing.
func salesRow(rng *rand.Rand, n int, c company) []string {
	name := c.crmName
	if name == "" || rng.IntN(3) == 0 {
		name = nameVariant(rng, c.name)
	}
	website := ""
	if c.domain != "" {
		switch rng.IntN(4) {
		case 0:
			website = "https://www." + c.domain + "/"
		case 1:
			website = "www." + strings.ToUpper(c.domain[:1]) + c.domain[1:]
		case 2:
			website = c.domain
		}
	}
	return []string{fmt.Sprintf("S%04d", n), name, website}
}

// nameVariant writes name as people type it: in upper or lower case, with
// or without a legal form, with a leading "The", or unchanged.
func nameVariant(rng *rand.Rand, name string) string {
	base := name
	if i := strings.Index(base, " ("); i > 0 && rng.IntN(2) == 0 {
		base = base[:i]
	}
	switch rng.IntN(6) {
	case 0:
		return strings.ToUpper(base)
	case 1:
		return strings.ToLower(base)
	case 2:
		return base + legalForms[rng.IntN(len(legalForms))]
	case 3:
		return "The " + base
	default:
		return base
	}
}

func readROR(path string) ([]company, error) {
	rows, err := readCSV(path)
	if err != nil {
		return nil, err
	}
	head := indexColumns(rows[0])
	var out []company
	for _, row := range rows[1:] {
		if row[head["status"]] != "active" || !strings.Contains(row[head["types"]], "company") {
			continue
		}
		website := row[head["website"]]
		u, err := url.Parse(website)
		if website == "" || err != nil || u.Host == "" {
			continue
		}
		domain := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		// ROR appends the country in brackets to tell organisations of one
		// name apart; account lists name the company without it.
		name := row[head["display_name"]]
		if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
			name = name[:i]
		}
		out = append(out, company{id: row[head["ror_id"]], name: name, website: website, domain: domain, country: row[head["country_code"]]})
	}
	return out, nil
}

// readSP500 returns the S&P 500 constituents with their SEC registry
// spelling, and the SEC registrants outside the index.
func readSP500(data string) (sp, others []company, err error) {
	raw, err := os.ReadFile(filepath.Join(data, "sec-company-tickers", "company_tickers.json"))
	if err != nil {
		return nil, nil, err
	}
	var tickers map[string]struct {
		CIK   int    `json:"cik_str"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(raw, &tickers); err != nil {
		return nil, nil, fmt.Errorf("company_tickers.json: %w", err)
	}
	secName := map[int]string{}
	for _, t := range tickers {
		secName[t.CIK] = t.Title
	}
	rows, err := readCSV(filepath.Join(data, "sp500-constituents", "constituents.csv"))
	if err != nil {
		return nil, nil, err
	}
	head := indexColumns(rows[0])
	inIndex := map[int]bool{}
	for _, row := range rows[1:] {
		cik, err := strconv.Atoi(row[head["CIK"]])
		if err != nil {
			return nil, nil, fmt.Errorf("constituents.csv: CIK %q: %w", row[head["CIK"]], err)
		}
		if inIndex[cik] || secName[cik] == "" {
			continue
		}
		inIndex[cik] = true
		sp = append(sp, company{id: strconv.Itoa(cik), name: row[head["Security"]], crmName: secName[cik],
			country: headquartersCountry(row[head["Headquarters Location"]])})
	}
	ciks := make([]int, 0, len(secName))
	for cik := range secName {
		if !inIndex[cik] {
			ciks = append(ciks, cik)
		}
	}
	slices.Sort(ciks)
	for _, cik := range ciks {
		others = append(others, company{id: strconv.Itoa(cik), name: secName[cik], crmName: secName[cik]})
	}
	return sp, others, nil
}

// headquartersCountry returns the country code of an S&P 500 headquarters
// location as Wikipedia writes it: "City, State" in the United States, or
// "City, Country" elsewhere, sometimes with a footnote mark ("Virginia[2]").
// A location in neither table gives "", so the company gets no region.
func headquartersCountry(location string) string {
	countries := map[string]string{"Bermuda": "BM", "Canada": "CA", "Ireland": "IE",
		"Netherlands": "NL", "Switzerland": "CH", "United Kingdom": "GB"}
	parts := strings.Split(location, ", ")
	last := parts[len(parts)-1]
	if i := strings.IndexByte(last, '['); i >= 0 {
		last = last[:i]
	}
	if code, ok := countries[last]; ok {
		return code
	}
	if slices.Contains(usStates, last) {
		return "US"
	}
	return ""
}

// usStates lists the US states and the forms of the District of Columbia
// that the headquarters locations use.
var usStates = []string{"Alabama", "Alaska", "Arizona", "Arkansas", "California",
	"Colorado", "Connecticut", "Delaware", "D.C.", "District of Columbia", "Florida",
	"Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
	"Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
	"Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire",
	"New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
	"Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
	"South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington",
	"West Virginia", "Wisconsin", "Wyoming"}

func readCSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < 2 {
		return nil, fmt.Errorf("%s: no data rows", path)
	}
	return rows, nil
}

func indexColumns(header []string) map[string]int {
	m := map[string]int{}
	for i, h := range header {
		m[strings.TrimPrefix(h, "\ufeff")] = i
	}
	return m
}

func writeCSV(path string, header []string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write(header)
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
