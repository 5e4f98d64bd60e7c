package synth

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Source is one real company that Generate takes words and names from.
type Source struct {
	// Name is the company name as the registry writes it.
	Name string
	// Domain is the company's website or domain, or "" when the registry
	// gives none.
	Domain string
	// Country is the ISO 3166-1 alpha-2 code of the company's country, or
	// "" when unknown. It is carried for callers and not used by Generate.
	Country string
}

// ReadSEC reads the SEC EDGAR company_tickers.json file: a JSON object
// whose keys are "0", "1", ... and whose values hold "cik_str", "ticker"
// and "title". It returns one Source per CIK, named by the title, in the
// order of the keys. The file gives no domains.
func ReadSEC(r io.Reader) ([]Source, error) {
	var rows map[string]struct {
		CIK   int    `json:"cik_str"`
		Title string `json:"title"`
	}
	if err := json.NewDecoder(r).Decode(&rows); err != nil {
		return nil, fmt.Errorf("synth: reading SEC company tickers: %w", err)
	}

	type keyed struct {
		key int
		cik int
		s   Source
	}
	list := make([]keyed, 0, len(rows))
	for k, row := range rows {
		n, err := strconv.Atoi(k)
		if err != nil {
			return nil, fmt.Errorf("synth: reading SEC company tickers: key %q is not a number", k)
		}
		list = append(list, keyed{key: n, cik: row.CIK, s: Source{Name: row.Title, Country: "US"}})
	}
	slices.SortFunc(list, func(a, b keyed) int { return a.key - b.key })

	// Several tickers (share classes) of one registrant share its CIK and
	// title, so only the first is kept.
	seen := make(map[int]bool, len(list))
	out := make([]Source, 0, len(list))
	for _, k := range list {
		if seen[k.cik] || strings.TrimSpace(k.s.Name) == "" {
			continue
		}
		seen[k.cik] = true
		out = append(out, k.s)
	}
	return out, nil
}

// ReadROR reads ror_orgs.csv, the CSV export of Research Organization
// Registry records with a header row naming at least the columns status,
// types, country_code, display_name, domains and website. It returns the
// active organisations whose types include "company", in file order.
// ROR writes company names with a country in brackets, as in "Otis
// (United States)", and ReadROR removes that trailing bracketed part.
// The domain is the first entry of domains, or else the website.
func ReadROR(r io.Reader) ([]Source, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("synth: reading ROR header: %w", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	need := []string{"status", "types", "country_code", "display_name", "domains", "website"}
	for _, name := range need {
		if _, ok := col[name]; !ok {
			return nil, fmt.Errorf("synth: reading ROR: header %q has no column %q", strings.Join(header, ","), name)
		}
	}
	var out []Source
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("synth: reading ROR: %w", err)
		}
		if row[col["status"]] != "active" || !slices.Contains(strings.Split(row[col["types"]], "|"), "company") {
			continue
		}
		name := strings.TrimSpace(row[col["display_name"]])
		if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
			name = name[:i]
		}
		domain, _, _ := strings.Cut(row[col["domains"]], "|")
		if domain == "" {
			domain = row[col["website"]]
		}
		out = append(out, Source{Name: name, Domain: strings.TrimSpace(domain), Country: row[col["country_code"]]})
	}
	return out, nil
}
