package match

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// secRegistry returns every row of the SEC company list as an account whose
// ID is the ticker, and the CIK of each ticker.
func secRegistry(tb testing.TB) ([]Record, map[string]int) {
	tb.Helper()
	raw, err := os.ReadFile("../testdata/sec-company-tickers/company_tickers.json")
	require.NoError(tb, err)
	var rows map[string]struct {
		CIK    int    `json:"cik_str"`
		Ticker string `json:"ticker"`
		Title  string `json:"title"`
	}
	require.NoError(tb, json.Unmarshal(raw, &rows))
	keys := make([]int, 0, len(rows))
	for k := range rows {
		n, err := strconv.Atoi(k)
		require.NoError(tb, err)
		keys = append(keys, n)
	}
	sort.Ints(keys)
	accounts := make([]Record, 0, len(rows))
	cik := map[string]int{}
	for _, k := range keys {
		r := rows[strconv.Itoa(k)]
		accounts = append(accounts, Record{ID: r.Ticker, Name: r.Title})
		cik[r.Ticker] = r.CIK
	}
	return accounts, cik
}

type namePair struct {
	cik          int
	nameA, nameB string
}

// sp500Pairs returns the S&P 500 names whose CIK the SEC list carries.
func sp500Pairs(tb testing.TB) []namePair {
	tb.Helper()
	f, err := os.Open("../testdata/sp500-sec-cik-pairs/sp500_sec_name_pairs.csv")
	require.NoError(tb, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(tb, err)
	var pairs []namePair
	for _, row := range rows[1:] {
		if row[9] != "matched_on_cik" {
			continue
		}
		cik, err := strconv.Atoi(row[0])
		require.NoError(tb, err)
		pairs = append(pairs, namePair{cik: cik, nameA: row[3], nameB: row[7]})
	}
	return pairs
}

// TestSP500AgainstSECRegistry indexes every SEC registry name and matches
// the S&P 500 names as Wikipedia writes them. The CIK is the truth.
func TestSP500AgainstSECRegistry(t *testing.T) {
	accounts, cik := secRegistry(t)
	require.Len(t, accounts, 10338)
	ix, err := NewIndex(accounts)
	require.NoError(t, err)
	pairs := sp500Pairs(t)
	require.Len(t, pairs, 501)

	var right, wrong, possible, ambiguous, none int
	start := time.Now()
	for _, p := range pairs {
		res := ix.Match(Record{Name: p.nameA})
		// A duplicate account, such as the other listing of a dual-listed
		// company, is an equally right answer.
		rightAccount := cik[res.AccountID] == p.cik
		for _, d := range res.Duplicates {
			rightAccount = rightAccount || cik[d] == p.cik
		}
		switch {
		case res.Decision == Match && rightAccount:
			right++
		case res.Decision == Match:
			wrong++
			t.Logf("wrong: %q matched %s %q, want CIK %d (%q)", p.nameA, res.AccountID, res.Candidates[0].AccountName, p.cik, p.nameB)
		case res.Decision == Ambiguous:
			ambiguous++
			t.Logf("ambiguous: %q: %s", p.nameA, res.Reason)
		case res.Decision == Possible:
			possible++
			t.Logf("possible: %q (want %q): %s", p.nameA, p.nameB, res.Reason)
		default:
			none++
			t.Logf("no match: %q (want %q): %s", p.nameA, p.nameB, res.Reason)
		}
	}
	elapsed := time.Since(start)
	precision := float64(right) / float64(right+wrong)
	t.Logf("%d names: %d right, %d wrong, %d possible, %d ambiguous, %d no match; precision %.4f, %.1f%% right; %v per name",
		len(pairs), right, wrong, possible, ambiguous, none, precision, 100*float64(right)/float64(len(pairs)), elapsed/time.Duration(len(pairs)))
	require.GreaterOrEqual(t, precision, 0.99, "precision of match decisions")
	require.GreaterOrEqual(t, float64(right)/float64(len(pairs)), 0.95, "share matched correctly")
}
