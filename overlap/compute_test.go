package overlap

import (
	"encoding/json"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestComputeTwoSetRegions(t *testing.T) {
	universe := []string{"a", "b", "c", "d", "e", "f"}
	r, err := Compute(universe,
		Set{Name: "sales", Members: []string{"c", "d", "e"}},
		Set{Name: "marketing", Members: []string{"a", "b", "c"}},
	)
	require.NoError(t, err)

	tests := []struct {
		sets    []string
		members []string
	}{
		{[]string{"marketing"}, []string{"a", "b"}},
		{[]string{"sales"}, []string{"d", "e"}},
		{[]string{"marketing", "sales"}, []string{"c"}},
		{nil, []string{"f"}},
	}
	for _, tt := range tests {
		region, ok := r.Region(tt.sets...)
		require.True(t, ok, "region %v", tt.sets)
		assert.Equal(t, tt.members, region.Members, "region %v", tt.sets)
		assert.Equal(t, len(tt.members), region.Count, "region %v", tt.sets)
	}
	assert.Equal(t, 5, r.UnionSize)
	assert.Equal(t, "marketing", r.Sets[0].Name, "sets are sorted by name")
}

func TestComputeMetrics(t *testing.T) {
	universe := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	r, err := Compute(universe,
		Set{Name: "m", Members: []string{"a", "b", "c", "d"}},
		Set{Name: "s", Members: []string{"c", "d", "e"}},
	)
	require.NoError(t, err)

	tests := []struct {
		name     string
		sets     []string
		num, den float64
	}{
		{MetricJaccard, []string{"s", "m"}, 2, 5},
		{MetricOverlapCoefficient, []string{"m", "s"}, 2, 3},
		{MetricDice, []string{"m", "s"}, 4, 7},
		{MetricShare, []string{"m", "s"}, 2, 4},
		{MetricShare, []string{"s", "m"}, 2, 3},
		{MetricLift, []string{"m", "s"}, 16, 12},
		{MetricCoverage, []string{"m"}, 4, 8},
		{MetricCoverage, []string{"s"}, 3, 8},
		{MetricCoverage, []string{"s", "m"}, 5, 8},
		{MetricOutsideShare, []string{"m"}, 0, 4},
	}
	for _, tt := range tests {
		t.Run(metricKey(tt.name, tt.sets), func(t *testing.T) {
			m, ok := r.Metric(tt.name, tt.sets...)
			require.True(t, ok)
			assert.Equal(t, Ratio{tt.num, tt.den}, m.Value)
			assert.NotEmpty(t, m.Formula)
		})
	}
	_, ok := r.Metric(MetricJaccard, "m", "nope")
	assert.False(t, ok)

	byKey, ok := r.MetricByKey("jaccard(s,m)")
	require.True(t, ok)
	assert.Equal(t, Ratio{2, 5}, byKey.Value)
	for _, key := range []string{"jaccard", "jaccard(m,s", "nope(m,s)", "coverage()"} {
		_, ok := r.MetricByKey(key)
		assert.False(t, ok, key)
	}
}

func TestComputeEmptySetsUndefined(t *testing.T) {
	r, err := Compute(nil, Set{Name: "a"}, Set{Name: "b"})
	require.NoError(t, err)

	assert.Equal(t, 0, r.UnionSize)
	assert.Empty(t, r.Regions)
	out, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"regions":[]`, "no regions is an empty list, not null")
	require.NotEmpty(t, r.Metrics)
	for _, m := range r.Metrics {
		assert.False(t, m.Value.Defined(), "metric %s", m.Key())
	}
	jaccard, ok := r.Metric(MetricJaccard, "a", "b")
	require.True(t, ok)
	assert.Equal(t, "undefined (0/0)", jaccard.Value.String())
	assert.Equal(t, "n/a", jaccard.Value.Percent())
}

func TestComputeOneMemberAgainstEmpty(t *testing.T) {
	r, err := Compute([]string{"acme.com"},
		Set{Name: "marketing", Members: []string{"acme.com"}},
		Set{Name: "sales"},
	)
	require.NoError(t, err)

	jaccard, _ := r.Metric(MetricJaccard, "marketing", "sales")
	assert.Equal(t, Ratio{0, 1}, jaccard.Value)
	v, ok := jaccard.Value.Value()
	assert.True(t, ok)
	assert.Equal(t, 0.0, v)

	oc, _ := r.Metric(MetricOverlapCoefficient, "marketing", "sales")
	assert.False(t, oc.Value.Defined(), "min(|A|,|B|) is 0")
	lift, _ := r.Metric(MetricLift, "marketing", "sales")
	assert.False(t, lift.Value.Defined())
	share, _ := r.Metric(MetricShare, "marketing", "sales")
	assert.Equal(t, Ratio{0, 1}, share.Value)
}

func TestComputeOutsideAndDuplicates(t *testing.T) {
	r, err := Compute([]string{"a", "b", "a"},
		Set{Name: "m", Members: []string{"b", "z", "b", "y", "z"}},
	)
	require.NoError(t, err)

	assert.Equal(t, 2, r.Universe.Size)
	assert.Equal(t, 1, r.Universe.Duplicates)
	m := r.Sets[0]
	assert.Equal(t, 1, m.Size)
	assert.Equal(t, 5, m.Entries)
	assert.Equal(t, 2, m.Duplicates)
	assert.Equal(t, []string{"y", "z"}, m.Outside)
	outside, _ := r.Metric(MetricOutsideShare, "m")
	assert.Equal(t, Ratio{2, 3}, outside.Value)
	neither, _ := r.Region()
	assert.Equal(t, []string{"a"}, neither.Members, "a repeated universe ID is one account")
}

func TestComputeRecordLinks(t *testing.T) {
	// Account a1 owns acme.com and acme.co.uk. The other system has b7 at
	// acme.co.uk and b8 at acme.com, so both records resolve to a1.
	r, err := Compute([]string{"a1", "a2"},
		Set{Name: "crm", Members: []string{"a1"}},
		Set{Name: "other", Links: []Link{{Record: "b8", Account: "a1"}, {Record: "b7", Account: "a1"}}},
	)
	require.NoError(t, err)

	both, _ := r.Region("crm", "other")
	assert.Equal(t, []string{"a1"}, both.Members)
	assert.Equal(t, []string{"b7", "b8"}, r.Records("other", "a1"))
	assert.Nil(t, r.Records("crm", "a1"))
	other := r.Sets[1]
	assert.Equal(t, []string{"a1"}, other.MultipleRecords)
	assert.Equal(t, 1, other.Size)
	assert.Equal(t, 0, other.Duplicates, "two records for one account are not duplicates")

	var text strings.Builder
	require.NoError(t, r.WriteText(&text))
	assert.Contains(t, text.String(), "a1 [other: b7 b8]")
}

func TestComputeInvalidInput(t *testing.T) {
	tests := []struct {
		name     string
		universe []string
		sets     []Set
		want     string
	}{
		{"no sets", nil, nil, "no set given"},
		{"empty name", nil, []Set{{Name: ""}}, "empty name"},
		{"repeated name", nil, []Set{{Name: "a"}, {Name: "a"}}, `"a" is used twice`},
		{"comma in name", nil, []Set{{Name: "a,b"}}, `"a,b" contains ','`},
		{"newline in name", nil, []Set{{Name: "a\nb"}}, "control characters"},
		{"empty member", nil, []Set{{Name: "a", Members: []string{"x", ""}}}, `set "a": member 1`},
		{"empty record", nil, []Set{{Name: "a", Links: []Link{{Account: "x"}}}}, `link 0`},
		{"empty universe ID", []string{"x", ""}, []Set{{Name: "a"}}, "universe entry 1"},
		{"too many sets", nil, manySets(MaxSets + 1), "maximum is 64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compute(tt.universe, tt.sets...)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// Long lists are checked by several goroutines, and the error must still
// name the first empty ID.
func TestComputeFirstEmptyIDReported(t *testing.T) {
	universe := accountIDs(parallelMin + 10)
	universe[parallelMin] = ""
	universe[40000] = ""
	_, err := Compute(universe, Set{Name: "a"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "universe entry 40000 is an empty account ID")

	members := slices.Clone(universe)
	members[40000] = "x"
	_, err = Compute(nil, Set{Name: "a", Members: members})
	require.Error(t, err)
	assert.Contains(t, err.Error(), fmt.Sprintf("member %d is an empty account ID", parallelMin))
}

func manySets(n int) []Set {
	sets := make([]Set, n)
	for i := range sets {
		sets[i] = Set{Name: "s" + strings.Repeat("x", i)}
	}
	return sets
}

func TestReportJSONUndefinedRatio(t *testing.T) {
	r, err := Compute(nil, Set{Name: "a"}, Set{Name: "b"})
	require.NoError(t, err)
	data, err := json.Marshal(r)
	require.NoError(t, err)

	assert.Contains(t, string(data), `"value":{"numerator":0,"denominator":0,"defined":false,"value":null}`)
	assert.NotContains(t, string(data), "NaN")
}

func TestRatioJSONRoundTrip(t *testing.T) {
	for _, r := range []Ratio{{1, 4}, {0, 0}, {2.5, 10}} {
		data, err := json.Marshal(r)
		require.NoError(t, err)
		var back Ratio
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, r, back)
	}
}

func TestReportWriteTextAligned(t *testing.T) {
	r, err := Compute([]string{"a", "b", "c"},
		Set{Name: "marketing", Members: []string{"a"}},
		Set{Name: "sales"},
	)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))
	out := b.String()

	assert.Contains(t, out, "overlap_coefficient(marketing,sales)  undefined")
	assert.Contains(t, out, "jaccard(marketing,sales)              0.0000")
	assert.Contains(t, out, "marketing only")
	assert.Contains(t, out, "no set")
}

func TestReportWriteTextControlCharacters(t *testing.T) {
	r, err := Compute(nil, Set{Name: "m", Members: []string{"tab\there", "line\nbreak"}})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))

	assert.Contains(t, b.String(), "tab\uFFFDhere")
	assert.NotContains(t, b.String(), "line\nbreak")
}

// fillMembers must give the same lists whether it copies IDs by block of
// universe positions or in rank order. The blocks here are 2^10 positions,
// so a small universe takes the block path that 20 million IDs take.
func TestFillMembersByBlock(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	universe := shuffle(rng, accountIDs(parallelMin+5000))
	universe = append(universe, universe[:100]...)
	sets := []Set{
		{Name: "a", Members: slices.Clone(universe[:40_000])},
		{Name: "b", Members: shuffle(rng, slices.Clone(universe[30_000:60_000]))},
		{Name: "c", Members: shuffle(rng, slices.Clone(universe[50_000:]))},
	}
	members := func(blockShift uint) []Region {
		index := indexUniverse(universe, bits.Len(uint(len(universe))))
		defer index.release()
		require.False(t, index.inOrder)
		var summaries []SetSummary
		var memberBits []bitset
		for _, s := range sets {
			summary, b := collectSet(index, s)
			summaries = append(summaries, summary)
			memberBits = append(memberBits, b)
		}
		counts := countRegions(index, memberBits)
		regions := buildRegions(counts, summaries)
		fillMembers(index, memberBits, regions, counts.dense != nil, blockShift)
		return regions
	}
	for _, procs := range []int{1, 2, 4} {
		previous := runtime.GOMAXPROCS(procs)
		inRankOrder := members(62)
		byBlock := members(10)
		runtime.GOMAXPROCS(previous)
		require.Len(t, byBlock, len(inRankOrder), "GOMAXPROCS %d", procs)
		for i := range inRankOrder {
			assert.Equal(t, inRankOrder[i].Sets, byBlock[i].Sets, "GOMAXPROCS %d", procs)
			assert.Equal(t, inRankOrder[i].Members, byBlock[i].Members, "GOMAXPROCS %d, region %v", procs, byBlock[i].Sets)
		}
	}
}
