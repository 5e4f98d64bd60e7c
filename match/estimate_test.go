package match

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEstimateWeightsOnRegistry(t *testing.T) {
	accounts, cik := secRegistry(t)
	pairs := sp500Pairs(t)
	records := append([]Record(nil), accounts...)
	for _, p := range pairs {
		records = append(records, Record{ID: "sp-" + p.nameA, Name: p.nameA})
	}
	est, err := EstimateWeights(records, EstimateOptions{Seed: 1, RandomPairs: 50_000})
	require.NoError(t, err)
	t.Logf("λ %.4f after %d rounds (converged %v) over %d candidate pairs; name weights %v; prior %.2f",
		est.Lambda, est.Iterations, est.Converged, est.Pairs, est.Weights.Name, est.Weights.Prior)
	t.Logf("m(name) %v", est.M["name"])
	t.Logf("u(name) %v", est.U["name"])
	assert.Greater(t, est.Weights.Name[NameExact], 5.0)
	assert.Less(t, est.Weights.Name[NameDifferent], 0.0)
	assert.Greater(t, est.Weights.Name[NameExact], est.Weights.Name[NameMedium])
	for _, field := range comparedFields {
		total := 0.0
		for _, v := range est.M[field] {
			total += v
		}
		assert.InDelta(t, 1, total, 1e-9, "m of %s does not sum to 1", field)
	}

	ix, err := NewIndex(accounts, WithWeights(est.Weights))
	require.NoError(t, err)
	right, wrong := 0, 0
	for _, p := range pairs {
		res := ix.Match(Record{Name: p.nameA})
		if res.Decision != Match {
			continue
		}
		ok := cik[res.AccountID] == p.cik
		for _, d := range res.Duplicates {
			ok = ok || cik[d] == p.cik
		}
		if ok {
			right++
		} else {
			wrong++
		}
	}
	t.Logf("with estimated weights: %d right, %d wrong of %d", right, wrong, len(pairs))
	assert.GreaterOrEqual(t, float64(right)/float64(right+wrong), 0.98)
}

func TestEstimateWeightsDeterministic(t *testing.T) {
	records := dedupeRecords()
	a, err := EstimateWeights(records, EstimateOptions{Seed: 7, RandomPairs: 1000})
	require.NoError(t, err)
	b, err := EstimateWeights(records, EstimateOptions{Seed: 7, RandomPairs: 1000})
	require.NoError(t, err)
	assert.Equal(t, a, b)
	_, err = EstimateWeights(records[:1], EstimateOptions{})
	assert.Error(t, err)
}

func TestWeightsFromLabels(t *testing.T) {
	pairs := []LabelledPair{
		{A: Record{Name: "Acme Ltd"}, B: Record{Name: "ACME LIMITED"}, Match: true},
		{A: Record{Name: "Globex", Domain: "globex.example"}, B: Record{Name: "Globex Corp", Domain: "globex.example"}, Match: true},
		{A: Record{Name: "Acme Ltd"}, B: Record{Name: "Initech"}, Match: false},
		{A: Record{Name: "Bank of the West"}, B: Record{Name: "Bank of the East"}, Match: false},
	}
	est, err := WeightsFromLabels(pairs)
	require.NoError(t, err)
	assert.InDelta(t, 0.5, est.Lambda, 1e-9)
	assert.Greater(t, est.Weights.Name[NameExact], 0.0)
	assert.Less(t, est.Weights.Name[NameDifferent], 0.0)
	_, err = WeightsFromLabels(pairs[:2])
	assert.Error(t, err)
}
