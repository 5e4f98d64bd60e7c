package match

import (
	"testing"
)

// BenchmarkIndexMatchSP500 matches the S&P 500 names against an index of
// every SEC registry name; one operation is one Match call.
func BenchmarkIndexMatchSP500(b *testing.B) {
	accounts, _ := secRegistry(b)
	ix, err := NewIndex(accounts)
	if err != nil {
		b.Fatal(err)
	}
	pairs := sp500Pairs(b)
	records := make([]Record, len(pairs))
	for i, p := range pairs {
		records[i] = Record{Name: p.nameA}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ix.Match(records[i%len(records)])
	}
}
