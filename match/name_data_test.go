package match

import (
	"encoding/csv"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// secNamePair is one S&P 500 company as Wikipedia and SEC EDGAR write it.
type secNamePair struct {
	wikipedia, sec string
}

// loadSECNamePairs reads the matched pairs of testdata/sp500-sec-cik-pairs.
func loadSECNamePairs(t testing.TB) []secNamePair {
	t.Helper()
	f, err := os.Open("../testdata/sp500-sec-cik-pairs/sp500_sec_name_pairs.csv")
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	var pairs []secNamePair
	for _, row := range rows[1:] {
		if row[9] != "matched_on_cik" {
			continue
		}
		pairs = append(pairs, secNamePair{wikipedia: row[3], sec: row[7]})
	}
	return pairs
}

// TestNormalizeNameSECPairs checks that the Wikipedia and SEC EDGAR names of
// at least 90% of the S&P 500 companies share one key.
func TestNormalizeNameSECPairs(t *testing.T) {
	pairs := loadSECNamePairs(t)
	require.Len(t, pairs, 501)
	same := 0
	for _, p := range pairs {
		a, b := NormalizeName(p.wikipedia), NormalizeName(p.sec)
		if a == b {
			same++
		} else if testing.Verbose() {
			t.Logf("differ: %q -> %q | %q -> %q", p.wikipedia, a, p.sec, b)
		}
	}
	share := float64(same) / float64(len(pairs))
	t.Logf("identical keys: %d of %d pairs (%.1f%%)", same, len(pairs), 100*share)
	assert.GreaterOrEqual(t, share, 0.90)
}
