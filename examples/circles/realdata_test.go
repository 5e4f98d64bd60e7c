package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// realCompany is one S&P 500 constituent or SEC registrant, keyed by CIK.
type realCompany struct {
	symbol, name string
	cik          int
}

func loadSP500(t *testing.T) (sp []realCompany, secByCIK map[int]string) {
	t.Helper()
	raw, err := os.ReadFile("../../testdata/sec-company-tickers/company_tickers.json")
	require.NoError(t, err)
	var tickers map[string]struct {
		CIK   int    `json:"cik_str"`
		Title string `json:"title"`
	}
	require.NoError(t, json.Unmarshal(raw, &tickers))
	secByCIK = map[int]string{}
	for _, v := range tickers {
		secByCIK[v.CIK] = v.Title
	}
	f, err := os.Open("../../testdata/sp500-constituents/constituents.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	for _, row := range rows[1:] {
		cik, err := strconv.Atoi(row[6])
		require.NoError(t, err)
		sp = append(sp, realCompany{symbol: row[0], name: row[1], cik: cik})
	}
	return sp, secByCIK
}

func csvInput(source string, header []string, rows [][]string) input {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(header)
	w.WriteAll(rows)
	data := buf.Bytes()
	return input{path: source + ".csv", source: source, open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// TestRealNamesRegionsMatchCIKTruth runs the whole path on real names. The
// targets are the S&P 500 as written on Wikipedia. Each team's export holds
// the SEC registry spelling of a random part of them plus 300 registrants
// outside the index, and the CIK identifies the target each row really is.
func TestRealNamesRegionsMatchCIKTruth(t *testing.T) {
	sp, secByCIK := loadSP500(t)
	require.Len(t, sp, 503)
	rng := rand.New(rand.NewPCG(2, 500))

	inIndex := map[int]bool{}
	for _, c := range sp {
		inIndex[c.cik] = true
	}
	var outsiders []int
	for cik := range secByCIK {
		if !inIndex[cik] {
			outsiders = append(outsiders, cik)
		}
	}
	slices.Sort(outsiders)
	rng.Shuffle(len(outsiders), func(i, j int) { outsiders[i], outsiders[j] = outsiders[j], outsiders[i] })

	var targetRows [][]string
	var listed []realCompany // constituents that the SEC file has
	for _, c := range sp {
		targetRows = append(targetRows, []string{c.symbol, c.name})
		if secByCIK[c.cik] != "" {
			listed = append(listed, c)
		}
	}
	recordCIK := map[string]int{}
	team := func(prefix string, share float64, extra []int) [][]string {
		picked := slices.Clone(listed)
		rng.Shuffle(len(picked), func(i, j int) { picked[i], picked[j] = picked[j], picked[i] })
		picked = picked[:int(math.Round(share*float64(len(listed))))]
		var rows [][]string
		for _, c := range picked {
			id := prefix + strconv.Itoa(len(rows)+1)
			recordCIK[id] = c.cik
			rows = append(rows, []string{id, secByCIK[c.cik]})
		}
		for _, cik := range extra {
			id := prefix + strconv.Itoa(len(rows)+1)
			recordCIK[id] = cik
			rows = append(rows, []string{id, secByCIK[cik]})
		}
		return rows
	}
	salesRows := team("S", 0.6, outsiders[:300])
	marketingRows := team("M", 0.5, outsiders[300:600])

	targetsInput := csvInput("targets", []string{"Symbol", "Security"}, targetRows)
	targetsInput.columns = "id=Symbol,name=Security"
	inputs := []input{
		targetsInput,
		csvInput("marketing", []string{"Id", "Company"}, marketingRows),
		csvInput("sales", []string{"Id", "Account Name"}, salesRows),
	}
	rep, err := buildReport(context.Background(), inputs, reportOptions{})
	require.NoError(t, err)

	// Truth: a target is reached by a team when one of the team's rows
	// carries the target's CIK.
	targetCIK := map[string]int{}
	for _, c := range sp {
		targetCIK[c.symbol] = c.cik
	}
	reachedCIK := map[string]map[int]bool{"marketing": {}, "sales": {}}
	for id, cik := range recordCIK {
		if id[0] == 'M' {
			reachedCIK["marketing"][cik] = true
		} else {
			reachedCIK["sales"][cik] = true
		}
	}
	want := map[string]int{}
	for _, c := range sp {
		m, s := reachedCIK["marketing"][c.cik], reachedCIK["sales"][c.cik]
		switch {
		case m && s:
			want["both"]++
		case m:
			want["marketing only"]++
		case s:
			want["sales only"]++
		default:
			want["neither"]++
		}
	}

	// Count rows matched to the right target, to a wrong one, or to none.
	for _, f := range rep.Files {
		right, wrong := 0, 0
		for account, records := range rep.linksByTeam[f.Source] {
			for _, rec := range records {
				if targetCIK[account] == recordCIK[rec] {
					right++
				} else {
					wrong++
					t.Logf("%s: row %s (%s) matched %s (%s) wrongly", f.Source, rec, secByCIK[recordCIK[rec]], account, rep.targetByID[account].Name)
				}
			}
		}
		for _, r := range f.Rows {
			if inIndex[recordCIK[r.ID]] {
				t.Logf("%s: row %s (%s) not matched: %s", f.Source, r.ID, r.Name, r.Reason)
			}
		}
		t.Logf("%s: %d rows read, %d matched correctly, %d matched wrongly, %d not matched (%d of them outside the S&P 500)",
			f.Source, f.Read, right, wrong, f.Unmatched+f.Rejected, 300)
	}
	// Each region's count may differ from the truth by 2% of the targets.
	tolerance := 0.02 * float64(len(sp))
	for _, row := range regionRows {
		got := rep.region(row.sets...).Count
		t.Logf("%-14s got %3d, CIK truth %3d (%+d)", row.label, got, want[row.label], got-want[row.label])
		assert.InDelta(t, want[row.label], got, tolerance, "region %s is off by more than 2%% of %d targets", row.label, len(sp))
	}
}
