package synth_test

import (
	"os"
	"sync"
	"testing"

	"github.com/accountkit/accountkit/match/synth"
	"github.com/stretchr/testify/require"
)

var (
	sourcesOnce sync.Once
	sources     []synth.Source
	sourcesErr  error
)

// realSources returns the SEC registry names followed by the ROR company
// names, read once per test binary.
func realSources(tb testing.TB) []synth.Source {
	tb.Helper()
	sourcesOnce.Do(func() {
		sec, err := os.Open("../../testdata/sec-company-tickers/company_tickers.json")
		if err != nil {
			sourcesErr = err
			return
		}
		defer sec.Close()
		ror, err := os.Open("../../testdata/ror-records-subset/ror_orgs.csv")
		if err != nil {
			sourcesErr = err
			return
		}
		defer ror.Close()
		a, err := synth.ReadSEC(sec)
		if err != nil {
			sourcesErr = err
			return
		}
		b, err := synth.ReadROR(ror)
		if err != nil {
			sourcesErr = err
			return
		}
		sources = append(a, b...)
	})
	require.NoError(tb, sourcesErr)
	return sources
}
