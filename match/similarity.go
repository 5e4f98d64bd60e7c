package match

import (
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// jaroWinkler returns the Jaro-Winkler similarity of a and b in [0, 1],
// computed over runes, with the usual prefix scale of 0.1 over at most four
// runes.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	if isASCII(a) && isASCII(b) {
		return jaroWinklerSeq([]byte(a), []byte(b))
	}
	return jaroWinklerSeq([]rune(a), []rune(b))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func jaroWinklerSeq[T byte | rune](ra, rb []T) float64 {
	if len(ra) == 0 || len(rb) == 0 {
		return 0
	}
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	window := len(rb)/2 - 1
	if window < 0 {
		window = 0
	}
	var bufA, bufB [64]bool
	matchedA, matchedB := bufA[:0], bufB[:0]
	if len(ra) > len(bufA) || len(rb) > len(bufB) {
		matchedA, matchedB = make([]bool, 0, len(ra)), make([]bool, 0, len(rb))
	}
	matchedA, matchedB = matchedA[:len(ra)], matchedB[:len(rb)]
	matches := 0
	for i, r := range ra {
		lo, hi := max(0, i-window), min(len(rb), i+window+1)
		for j := lo; j < hi; j++ {
			if !matchedB[j] && rb[j] == r {
				matchedA[i], matchedB[j] = true, true
				matches++
				break
			}
		}
	}
	if matches == 0 {
		return 0
	}
	transpositions, j := 0, 0
	for i, ok := range matchedA {
		if !ok {
			continue
		}
		for !matchedB[j] {
			j++
		}
		if ra[i] != rb[j] {
			transpositions++
		}
		j++
	}
	m := float64(matches)
	jaro := (m/float64(len(ra)) + m/float64(len(rb)) + (m-float64(transpositions)/2)/m) / 3
	prefix := 0
	for prefix < 4 && prefix < len(ra) && ra[prefix] == rb[prefix] {
		prefix++
	}
	return jaro + float64(prefix)*0.1*(1-jaro)
}

// editSimilarity returns 1 minus the Levenshtein distance of a and b divided
// by the rune length of the longer one.
func editSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	longest := max(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	if longest == 0 {
		return 1
	}
	return 1 - float64(levenshtein.ComputeDistance(a, b))/float64(longest)
}

// tokenSimilarity scores two name tokens in [0, 1]. Equal tokens score 1.
// Different tokens score only when both are long enough for a typo to be
// distinguished from a different word: six runes or more, a Jaro-Winkler
// similarity of at least 0.92, and one edit (an insertion, deletion,
// substitution or swap of two neighbours) for tokens of up to nine runes,
// two for longer ones. Short tokens such as "intel" and "inter", and words
// two edits apart such as "fortinet" and "fortive", never count as the same
// word.
func tokenSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	// Words longer than maxFuzzyToken runes compare by equality only,
	// which keeps the quadratic similarity measures cheap on hostile input.
	const maxFuzzyToken = 64
	if len(a) > 4*maxFuzzyToken || len(b) > 4*maxFuzzyToken {
		return 0
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la < 6 || lb < 6 || la > maxFuzzyToken || lb > maxFuzzyToken {
		return 0
	}
	if d := la - lb; d > 2 || d < -2 {
		return 0
	}
	jw := jaroWinkler(a, b)
	if jw < 0.92 {
		return 0
	}
	allowed := 1
	if min(la, lb) >= 10 {
		allowed = 2
	}
	if osaDistance(a, b, allowed) > allowed {
		return 0
	}
	return min(jw, editSimilarity(a, b)+0.1)
}

// osaDistance returns the optimal string alignment distance of a and b over
// runes: the Levenshtein distance with a swap of two neighbouring runes
// counted as one edit. It stops early and returns limit+1 once every
// alignment needs more than limit edits.
func osaDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
