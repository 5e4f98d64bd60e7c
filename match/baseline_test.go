package match

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
)

// A common practice for matching company names, measured here as the
// baseline: score every candidate with the token_set_ratio of the Python
// package thefuzz and keep the best, ties going to
// the first candidate in file order. This is a Go rendering of that method
// (lower case, non-alphanumerics as spaces, word sets, the ratio of the
// shared words against each side). It was written for this comparison from
// the method's description and is not thefuzz's code.

func baselineTokens(s string) []string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	words := strings.Fields(s)
	slices.Sort(words)
	return slices.Compact(words)
}

// indelRatio is 2·LCS(a, b) / (|a| + |b|), the similarity that
// python-Levenshtein's ratio computes, over runes.
func indelRatio(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra)+len(rb) == 0 {
		return 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			switch {
			case ra[i-1] == rb[j-1]:
				cur[j] = prev[j-1] + 1
			default:
				cur[j] = max(prev[j], cur[j-1])
			}
		}
		prev, cur = cur, prev
	}
	return 2 * float64(prev[len(rb)]) / float64(len(ra)+len(rb))
}

func tokenSetRatio(a, b []string) float64 {
	var shared, onlyA, onlyB []string
	for _, t := range a {
		if _, ok := slices.BinarySearch(b, t); ok {
			shared = append(shared, t)
		} else {
			onlyA = append(onlyA, t)
		}
	}
	for _, t := range b {
		if _, ok := slices.BinarySearch(a, t); !ok {
			onlyB = append(onlyB, t)
		}
	}
	t0 := strings.Join(shared, " ")
	t1 := strings.TrimSpace(t0 + " " + strings.Join(onlyA, " "))
	t2 := strings.TrimSpace(t0 + " " + strings.Join(onlyB, " "))
	return max(indelRatio(t0, t1), indelRatio(t0, t2), indelRatio(t1, t2))
}

// TestTokenSetRatioBaseline measures the baseline method on the S&P 500
// against every SEC registry name, in the same run as the index.
func TestTokenSetRatioBaseline(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("scores 501 names against 10,338, which takes too long in -short mode or under the race detector")
	}
	accounts, cik := secRegistry(t)
	tokens := make([][]string, len(accounts))
	for i, a := range accounts {
		tokens[i] = baselineTokens(a.Name)
	}
	pairs := sp500Pairs(t)
	right := 0
	start := time.Now()
	for _, p := range pairs {
		q := baselineTokens(p.nameA)
		best, bestScore := -1, -1.0
		for i := range accounts {
			if s := tokenSetRatio(q, tokens[i]); s > bestScore {
				best, bestScore = i, s
			}
		}
		if cik[accounts[best].ID] == p.cik {
			right++
		}
	}
	perName := time.Since(start) / time.Duration(len(pairs))

	ix, err := NewIndex(accounts)
	if err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	for _, p := range pairs {
		ix.Match(Record{Name: p.nameA})
	}
	indexPerName := time.Since(start) / time.Duration(len(pairs))
	t.Logf("token_set_ratio best candidate: %d of %d right (%.1f%%), %v per name; Index.Match: %v per name, %.0f times faster",
		right, len(pairs), 100*float64(right)/float64(len(pairs)), perName, indexPerName, float64(perName)/float64(indexPerName))
}
