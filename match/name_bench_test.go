package match

import (
	"encoding/json"
	"os"
	"testing"
)

// loadSECTitles returns the company names of testdata/sec-company-tickers.
func loadSECTitles(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("../testdata/sec-company-tickers/company_tickers.json")
	if err != nil {
		tb.Fatal(err)
	}
	var rows map[string]struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal(data, &rows); err != nil {
		tb.Fatal(err)
	}
	titles := make([]string, 0, len(rows))
	for _, r := range rows {
		titles = append(titles, r.Title)
	}
	return titles
}

// BenchmarkNormalizeName reports the cost of one name, averaged over all
// SEC registry names.
func BenchmarkNormalizeName(b *testing.B) {
	titles := loadSECTitles(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		NormalizeName(titles[i%len(titles)])
	}
}

// BenchmarkParseName reports the cost of the full parse of one name.
func BenchmarkParseName(b *testing.B) {
	titles := loadSECTitles(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ParseName(titles[i%len(titles)])
	}
}
