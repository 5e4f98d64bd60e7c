package match

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func dedupeRecords() []Record {
	return []Record{
		{ID: "c3", Name: "Acme Widgets Inc", Domain: "acme.example"},
		{ID: "c1", Name: "ACME WIDGETS"},
		{ID: "c2", Name: "Acme Widgets Ltd", Domain: "https://www.acme.example/"},
		{ID: "c4", Name: "Globex Corporation"},
		{ID: "c5", Name: "n/a"},
		{ID: "c6", Name: "Initech", Domain: "initech.example"},
		{ID: "c7", Domain: "bob@initech.example"},
	}
}

func TestDeduplicateClusters(t *testing.T) {
	rep, err := Deduplicate(context.Background(), dedupeRecords())
	require.NoError(t, err)
	assert.Equal(t, []Cluster{
		{ID: "c1", Members: []string{"c1", "c2", "c3"}},
		{ID: "c6", Members: []string{"c6", "c7"}},
	}, rep.Clusters)
	assert.Equal(t, rep.Read, rep.Matched+rep.Unmatched+rep.Rejected)
	assert.Equal(t, 5, rep.Matched)
	assert.Equal(t, 1, rep.Unmatched)
	assert.Equal(t, 1, rep.Rejected)
	assert.Equal(t, "c1", rep.Records[0].ClusterID)
	assert.Equal(t, "c4", rep.Records[3].ClusterID, "a record alone is its own cluster")
	assert.Equal(t, Rejected, rep.Records[4].Outcome)
}

func TestDeduplicateClusterIDsStable(t *testing.T) {
	before, err := Deduplicate(context.Background(), dedupeRecords())
	require.NoError(t, err)
	more := append(dedupeRecords(),
		Record{ID: "a0", Name: "Umbrella Corp"},
		Record{ID: "a9", Name: "Umbrella Corporation", Domain: "umbrella.example"},
	)
	after, err := Deduplicate(context.Background(), more)
	require.NoError(t, err)
	for i := range before.Records {
		assert.Equal(t, before.Records[i].ClusterID, after.Records[i].ClusterID, before.Records[i].Record.ID)
	}
	assert.Len(t, after.Clusters, 3)
}

func TestDeduplicateRejectsDuplicateIDs(t *testing.T) {
	_, err := Deduplicate(context.Background(), []Record{{ID: "x", Name: "A"}, {ID: "x", Name: "B"}})
	assert.Error(t, err)
}

// TestDeduplicateTiesBetweenDuplicates checks that a record whose two best
// candidates are duplicates of each other joins them, while a record whose
// two best candidates are different companies stays ambiguous.
func TestDeduplicateTiesBetweenDuplicates(t *testing.T) {
	records := []Record{
		{ID: "d1", Name: "Evonexus Metlife Foods LLC", Domain: "evonexusmetlife.example"},
		{ID: "d2", Name: "EVONEXUS METLIFE FOODS L.L.C."},
		{ID: "d3", Name: "Evonexus Metlife Foods", Domain: "l.novak@aol.com"},
		// Two companies with one name and different domains.
		{ID: "e1", Name: "Northwind Traders", Domain: "northwind.example"},
		{ID: "e2", Name: "Northwind Traders", Domain: "northwind-traders.example"},
		{ID: "e3", Name: "Northwind Traders Ltd"},
	}
	rep, err := Deduplicate(context.Background(), records)
	require.NoError(t, err)
	assert.Contains(t, rep.Clusters, Cluster{ID: "d1", Members: []string{"d1", "d2", "d3"}})
	for _, i := range []int{1, 2} {
		assert.Equal(t, Match, rep.Records[i].Result.Decision, rep.Records[i].Result.Reason)
	}
	assert.Equal(t, Ambiguous, rep.Records[5].Result.Decision, rep.Records[5].Result.Reason)
	assert.NotEqual(t, rep.Records[3].ClusterID, rep.Records[4].ClusterID,
		"records on different company domains are not joined through a record without one")
}
