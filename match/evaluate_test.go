package match

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// linked builds the outcome of one record: matched to account when it is
// not "", and otherwise unmatched.
func linked(id, account string, duplicates ...string) Linked {
	l := Linked{Record: Record{ID: id}, Outcome: Unmatched, Result: Result{Decision: NonMatch}}
	if account != "" {
		l.Outcome = Matched
		l.Result = Result{Decision: Match, AccountID: account, Duplicates: duplicates}
	}
	return l
}

func TestEvaluateLinks(t *testing.T) {
	tests := []struct {
		name       string
		records    []Linked
		truth      map[string]string
		tp, fp, fn int
		precision  float64
		recall     float64
	}{
		{
			name:    "all right",
			records: []Linked{linked("l1", "a1"), linked("l2", "a2"), linked("l3", "")},
			truth:   map[string]string{"l1": "a1", "l2": "a2", "l3": ""},
			tp:      2, precision: 1, recall: 1,
		},
		{
			name:    "wrong account counts twice",
			records: []Linked{linked("l1", "a2"), linked("l2", "a2")},
			truth:   map[string]string{"l1": "a1", "l2": "a2"},
			tp:      1, fp: 1, fn: 1, precision: 0.5, recall: 0.5,
		},
		{
			name:    "negative matched",
			records: []Linked{linked("l1", "a1"), linked("l2", "a9")},
			truth:   map[string]string{"l1": "a1"},
			tp:      1, fp: 1, precision: 0.5, recall: 1,
		},
		{
			name:    "positive missed",
			records: []Linked{linked("l1", "a1"), linked("l2", ""), linked("l3", ""), linked("l4", "")},
			truth:   map[string]string{"l1": "a1", "l2": "a2", "l3": "a3", "l4": ""},
			tp:      1, fn: 2, precision: 1, recall: 1.0 / 3,
		},
		{
			name:    "duplicate of true account",
			records: []Linked{linked("l1", "a1", "a1b")},
			truth:   map[string]string{"l1": "a1b"},
			tp:      1, precision: 1, recall: 1,
		},
		{
			name:    "truth for absent record ignored",
			records: []Linked{linked("l1", "a1")},
			truth:   map[string]string{"l1": "a1", "l9": "a9"},
			tp:      1, precision: 1, recall: 1,
		},
		{
			name:    "nothing predicted",
			records: []Linked{linked("l1", "")},
			truth:   map[string]string{"l1": "a1"},
			fn:      1,
		},
		{
			name: "empty report",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := EvaluateLinks(LinkReport{Records: tt.records}, tt.truth)
			assert.Equal(t, tt.tp, e.TruePositives, "true positives")
			assert.Equal(t, tt.fp, e.FalsePositives, "false positives")
			assert.Equal(t, tt.fn, e.FalseNegatives, "false negatives")
			assert.InDelta(t, tt.precision, e.Precision, 1e-12, "precision")
			assert.InDelta(t, tt.recall, e.Recall, 1e-12, "recall")
			wantF1 := 0.0
			if tt.precision+tt.recall > 0 {
				wantF1 = 2 * tt.precision * tt.recall / (tt.precision + tt.recall)
			}
			assert.InDelta(t, wantF1, e.F1, 1e-12, "F1")
		})
	}
}

// candidate builds a candidate with the given weight, its score and its
// decision under DefaultThresholds.
func candidate(account string, weight float64) Candidate {
	score := 1 / (1 + math.Exp2(-weight))
	d := NonMatch
	switch {
	case score >= DefaultThresholds().Match:
		d = Match
	case score >= DefaultThresholds().Possible:
		d = Possible
	}
	return Candidate{AccountID: account, Comparison: Comparison{Decision: d, Score: score, Weight: weight}}
}

func TestSweepThresholdsRedecides(t *testing.T) {
	// Scores: weight 5 gives 0.970, weight 3.5 gives 0.919, weight 1 gives
	// 0.667 and weight -2 gives 0.2.
	records := []Linked{
		{Record: Record{ID: "clear"}, Outcome: Matched, Result: Result{Decision: Match, AccountID: "a1",
			Candidates: []Candidate{candidate("a1", 5), candidate("a2", -2)}}},
		{Record: Record{ID: "possible"}, Outcome: Unmatched, Result: Result{Decision: Possible,
			Candidates: []Candidate{candidate("a2", 1)}}},
		{Record: Record{ID: "tied"}, Outcome: Unmatched, Result: Result{Decision: Ambiguous,
			Candidates: []Candidate{candidate("a3", 4), candidate("a4", 3.5)}}},
		{Record: Record{ID: "none"}, Outcome: Unmatched, Result: Result{Decision: NonMatch}},
		{Record: Record{ID: "rejected"}, Outcome: Rejected, Result: Result{Decision: NoEvidence}},
	}
	truth := map[string]string{"clear": "a1", "possible": "a2", "tied": "a3", "none": "a5"}
	report := LinkReport{Records: records}

	got := SweepThresholds(report, truth, []float64{0.5, 0.93, 0.9, 0.99}, 1)
	require.Len(t, got, 4)
	tests := []struct {
		threshold  float64
		tp, fp, fn int
	}{
		// At 0.5 "possible" matches, and "tied" stays tied.
		{0.5, 2, 0, 2},
		// At 0.93 the runner-up of "tied" (0.919) no longer matches, so
		// "tied" matches a3.
		{0.93, 2, 0, 2},
		{0.9, 1, 0, 3},
		{0.99, 0, 0, 4},
	}
	for i, tt := range tests {
		e := got[i]
		assert.Equal(t, tt.threshold, e.Threshold, "threshold %d", i)
		assert.Equal(t, tt.tp, e.TruePositives, "true positives at %v", tt.threshold)
		assert.Equal(t, tt.fp, e.FalsePositives, "false positives at %v", tt.threshold)
		assert.Equal(t, tt.fn, e.FalseNegatives, "false negatives at %v", tt.threshold)
	}

	wide := SweepThresholds(report, truth, []float64{0.9}, 0.1)
	assert.Equal(t, 2, wide[0].TruePositives, "a margin of 0.1 lets the tied record match")
}

func TestSweepThresholdsAgreesWithLink(t *testing.T) {
	accounts := []Record{
		{ID: "a1", Name: "Northwind Traders A/S", Domain: "northwind.example"},
		{ID: "a2", Name: "Contoso Pharmaceuticals Inc", Domain: "contoso.example"},
		{ID: "a3", Name: "Fabrikam Holdings", Domain: "fabrikam.example"},
		{ID: "a4", Name: "Fabrikam Holdings Group"},
		{ID: "a5", Name: "Tailspin Toys GmbH", Domain: "tailspin.example"},
	}
	leads := []Record{
		{ID: "l1", Name: "NORTHWIND", Domain: "lars@northwind.example"},
		{ID: "l2", Name: "Contoso Pharma"},
		{ID: "l3", Name: "Fabrikam"},
		{ID: "l4", Name: "Tailspin Toys", Domain: "jane@gmail.com"},
		{ID: "l5", Name: "Litware Inc", Domain: "litware.example"},
		{ID: "l6", Name: "n/a"},
	}
	truth := map[string]string{"l1": "a1", "l2": "a2", "l3": "a3", "l4": "a5"}
	ix, err := NewIndex(accounts)
	require.NoError(t, err)
	report, err := ix.Link(context.Background(), leads)
	require.NoError(t, err)

	want := EvaluateLinks(report, truth)
	got := SweepThresholds(report, truth, []float64{DefaultThresholds().Match}, 1)
	require.Len(t, got, 1)
	assert.Equal(t, want.TruePositives, got[0].TruePositives, "true positives")
	assert.Equal(t, want.FalsePositives, got[0].FalsePositives, "false positives")
	assert.Equal(t, want.FalseNegatives, got[0].FalseNegatives, "false negatives")
}

func TestEvaluateClusters(t *testing.T) {
	truth := map[string]string{"r1": "x", "r2": "x", "r3": "x", "r4": "y", "r5": "y", "r6": "z"}
	// truth has 3 + 1 = 4 true pairs.
	tests := []struct {
		name       string
		predicted  [][]string
		tp, fp, fn int
	}{
		{"exact", [][]string{{"r1", "r2", "r3"}, {"r4", "r5"}, {"r6"}}, 4, 0, 0},
		{"singletons omitted", [][]string{{"r1", "r2", "r3"}, {"r4", "r5"}}, 4, 0, 0},
		{"all split", nil, 0, 0, 4},
		{"all merged", [][]string{{"r1", "r2", "r3", "r4", "r5", "r6"}}, 4, 11, 0},
		{"one wrong join", [][]string{{"r1", "r2"}, {"r3", "r4", "r5"}}, 2, 2, 2},
		{"unknown record", [][]string{{"r1", "r2", "r3", "q1"}}, 3, 3, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := EvaluateClusters(tt.predicted, truth)
			require.NoError(t, err)
			assert.Equal(t, tt.tp, e.TruePositives, "true positives")
			assert.Equal(t, tt.fp, e.FalsePositives, "false positives")
			assert.Equal(t, tt.fn, e.FalseNegatives, "false negatives")
		})
	}
}

func TestEvaluateClustersRepeatedID(t *testing.T) {
	_, err := EvaluateClusters([][]string{{"r1", "r2"}, {"r2"}}, map[string]string{"r1": "x"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"r2"`)
}

func TestPairCompleteness(t *testing.T) {
	truePairs := []Pair{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"b", "a"}}
	tests := []struct {
		name       string
		candidates []Pair
		want       float64
	}{
		{"none", nil, 0},
		{"reversed pair", []Pair{{"b", "a"}}, 1.0 / 3},
		{"repeated pair counts once", []Pair{{"a", "b"}, {"a", "b"}, {"x", "y"}}, 1.0 / 3},
		{"all", []Pair{{"a", "b"}, {"d", "c"}, {"e", "f"}, {"a", "c"}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, PairCompleteness(tt.candidates, truePairs), 1e-12)
		})
	}
	assert.Equal(t, 0.0, PairCompleteness([]Pair{{"a", "b"}}, nil), "no true pairs")
}

func TestReductionRatio(t *testing.T) {
	tests := []struct {
		candidates, total int
		want              float64
		wantErr           bool
	}{
		{0, 100, 1, false},
		{25, 100, 0.75, false},
		{100, 100, 0, false},
		{1_000_000, 1_000_000_000_000, 1 - 1e-6, false},
		{1, 0, 0, true},
		{-1, 10, 0, true},
		{11, 10, 0, true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d of %d", tt.candidates, tt.total), func(t *testing.T) {
			got, err := ReductionRatio(tt.candidates, tt.total)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.InDelta(t, tt.want, got, 1e-12)
		})
	}
}

func ExampleEvaluateLinks() {
	ix, err := NewIndex([]Record{
		{ID: "a1", Name: "Northwind Traders A/S", Domain: "northwind.example"},
		{ID: "a2", Name: "Contoso Ltd", Domain: "contoso.example"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	leads := []Record{
		{ID: "l1", Name: "NORTHWIND", Domain: "lars@northwind.example"},
		{ID: "l2", Name: "Contoso", Domain: "https://www.contoso.example/"},
		{ID: "l3", Name: "Litware Inc", Domain: "litware.example"},
	}
	// l3's company is not an account, so its true account is "".
	truth := map[string]string{"l1": "a1", "l2": "a2", "l3": ""}
	report, err := ix.Link(context.Background(), leads)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(EvaluateLinks(report, truth))
	// Output:
	// precision 1.0000, recall 1.0000, F1 1.0000 (2 true positives, 0 false positives, 0 false negatives)
}
