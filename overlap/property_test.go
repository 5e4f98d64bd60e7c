package overlap

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomInput returns a random universe and sets, with members outside the
// universe and repeated members mixed in.
func randomInput(rng *rand.Rand) ([]string, []Set) {
	universe := make([]string, rng.IntN(60))
	for i := range universe {
		universe[i] = fmt.Sprintf("u%d", rng.IntN(80))
	}
	sets := make([]Set, 1+rng.IntN(6))
	for i := range sets {
		sets[i].Name = fmt.Sprintf("set%d", i)
		for range rng.IntN(50) {
			sets[i].Members = append(sets[i].Members, fmt.Sprintf("u%d", rng.IntN(100)))
		}
		if rng.IntN(3) == 0 {
			for range rng.IntN(5) {
				sets[i].Links = append(sets[i].Links, Link{
					Record:  fmt.Sprintf("r%d", rng.IntN(10)),
					Account: fmt.Sprintf("u%d", rng.IntN(90)),
				})
			}
		}
	}
	return universe, sets
}

// shuffled returns a copy of the input with sets, members, links and the
// universe in a new random order.
func shuffled(rng *rand.Rand, universe []string, sets []Set) ([]string, []Set) {
	u := slices.Clone(universe)
	rng.Shuffle(len(u), func(i, j int) { u[i], u[j] = u[j], u[i] })
	out := make([]Set, len(sets))
	for i, s := range sets {
		m := slices.Clone(s.Members)
		rng.Shuffle(len(m), func(i, j int) { m[i], m[j] = m[j], m[i] })
		l := slices.Clone(s.Links)
		rng.Shuffle(len(l), func(i, j int) { l[i], l[j] = l[j], l[i] })
		out[i] = Set{Name: s.Name, Members: m, Links: l}
	}
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return u, out
}

func TestComputeProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		universe, sets := randomInput(rng)
		r, err := Compute(universe, sets...)
		require.NoError(t, err)

		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			checkRegionSums(t, r)
			checkAgainstMaps(t, r, universe, sets)
			checkMetricRanges(t, r)
			checkRegionsAndMetrics(t, r, universe, sets)

			counts, err := ComputeCounts(universe, sets...)
			require.NoError(t, err)
			require.Len(t, counts.Regions, len(r.Regions))
			for i, region := range counts.Regions {
				assert.Equal(t, r.Regions[i].Count, region.Count)
				assert.Nil(t, region.Members)
			}
			assert.Equal(t, r.Metrics, counts.Metrics)

			want, err := json.Marshal(r)
			require.NoError(t, err)
			u2, s2 := shuffled(rng, universe, sets)
			r2, err := Compute(u2, s2...)
			require.NoError(t, err)
			got, err := json.Marshal(r2)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(want, got), "report changed when the input order changed")
		})
	}
}

func checkRegionSums(t *testing.T, r *Report) {
	t.Helper()
	total, union := 0, 0
	sizes := make([]int, len(r.Sets))
	for _, region := range r.Regions {
		assert.Positive(t, region.Count, "regions are non-empty")
		assert.Len(t, region.Members, region.Count)
		assert.True(t, slices.IsSorted(region.Members), "members are sorted")
		total += region.Count
		if region.Key() != 0 {
			union += region.Count
		}
		for i := range r.Sets {
			if region.Key()&(1<<i) != 0 {
				sizes[i] += region.Count
			}
		}
	}
	assert.Equal(t, r.Universe.Size, total, "regions add up to the universe")
	assert.Equal(t, r.UnionSize, union, "regions in some set add up to the union")
	for i, s := range r.Sets {
		assert.Equal(t, s.Size, sizes[i], "regions inside %s add up to its size", s.Name)
	}
}

// checkAgainstMaps recomputes set sizes and outside members with maps.
func checkAgainstMaps(t *testing.T, r *Report, universe []string, sets []Set) {
	t.Helper()
	inUniverse := map[string]bool{}
	for _, id := range universe {
		inUniverse[id] = true
	}
	for _, s := range sets {
		inside, outside := map[string]bool{}, map[string]bool{}
		add := func(id string) {
			if inUniverse[id] || len(universe) == 0 {
				inside[id] = true
			} else {
				outside[id] = true
			}
		}
		for _, id := range s.Members {
			add(id)
		}
		for _, l := range s.Links {
			add(l.Account)
		}
		summary := r.Sets[r.setIndex(s.Name)]
		assert.Equal(t, len(inside), summary.Size, "size of %s", s.Name)
		assert.Equal(t, sortedKeys(outside), summary.Outside, "outside of %s", s.Name)
	}
}

// checkRegionsAndMetrics recomputes, with maps and the formulas written
// out, which accounts each region contains and the value of every count
// metric.
func checkRegionsAndMetrics(t *testing.T, r *Report, universe []string, sets []Set) {
	t.Helper()
	accounts := map[string]bool{}
	for _, id := range universe {
		accounts[id] = true
	}
	in := make(map[string]map[string]bool) // set name -> accounts inside the universe
	for _, s := range sets {
		in[s.Name] = map[string]bool{}
		add := func(id string) {
			if len(universe) == 0 {
				accounts[id] = true
			}
			if accounts[id] || len(universe) == 0 {
				in[s.Name][id] = true
			}
		}
		for _, id := range s.Members {
			add(id)
		}
		for _, l := range s.Links {
			add(l.Account)
		}
	}

	want := map[uint64][]string{}
	for id := range accounts {
		var key uint64
		for i, summary := range r.Sets {
			if in[summary.Name][id] {
				key |= 1 << i
			}
		}
		want[key] = append(want[key], id)
	}
	got := map[uint64][]string{}
	for _, region := range r.Regions {
		got[region.Key()] = region.Members
	}
	for key := range want {
		slices.Sort(want[key])
	}
	assert.Equal(t, want, got, "members of each region")

	size := func(name string) float64 { return float64(len(in[name])) }
	both := func(a, b string) float64 {
		n := 0
		for id := range in[a] {
			if in[b][id] {
				n++
			}
		}
		return float64(n)
	}
	u := float64(len(accounts))
	for _, m := range r.Metrics {
		var num, den float64
		switch m.Name {
		case MetricJaccard:
			a, b := m.Sets[0], m.Sets[1]
			num, den = both(a, b), size(a)+size(b)-both(a, b)
		case MetricOverlapCoefficient:
			a, b := m.Sets[0], m.Sets[1]
			num, den = both(a, b), math.Min(size(a), size(b))
		case MetricDice:
			a, b := m.Sets[0], m.Sets[1]
			num, den = 2*both(a, b), size(a)+size(b)
		case MetricLift:
			a, b := m.Sets[0], m.Sets[1]
			num, den = both(a, b)*u, size(a)*size(b)
		case MetricShare:
			a, b := m.Sets[0], m.Sets[1]
			num, den = both(a, b), size(a)
		case MetricCoverage:
			union := map[string]bool{}
			for _, name := range m.Sets {
				for id := range in[name] {
					union[id] = true
				}
			}
			num, den = float64(len(union)), u
		default:
			continue
		}
		assert.Equal(t, Ratio{num, den}, m.Value, "metric %s", m.Key())
	}
}

func checkMetricRanges(t *testing.T, r *Report) {
	t.Helper()
	for _, m := range r.Metrics {
		v, ok := m.Value.Value()
		if !ok {
			assert.Zero(t, m.Value.Denominator)
			continue
		}
		assert.False(t, math.IsNaN(v) || math.IsInf(v, 0), "metric %s is %v", m.Key(), v)
		upper := 1.0
		if m.Name == MetricLift {
			a := r.Sets[r.setIndex(m.Sets[0])].Size
			b := r.Sets[r.setIndex(m.Sets[1])].Size
			upper = float64(r.Universe.Size) / float64(max(a, b))
		}
		assert.GreaterOrEqual(t, v, 0.0, "metric %s", m.Key())
		assert.LessOrEqual(t, v, upper+1e-12, "metric %s", m.Key())
	}
}

// Inputs above parallelMin take the sharded, multi-goroutine path. The
// report must match a map-based count and not depend on GOMAXPROCS.
func TestComputeParallelPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	universe := shuffle(rng, accountIDs(parallelMin+5000))
	universe = append(universe, universe[:100]...)
	a := Set{Name: "a", Members: append(slices.Clone(universe[:parallelMin+100]), "outside-1", "outside-2")}
	b := Set{Name: "b", Members: shuffle(rng, slices.Clone(universe[5000:]))}

	var reports [][]byte
	for _, procs := range []int{1, 2, 4} {
		previous := runtime.GOMAXPROCS(procs)
		r, err := Compute(universe, a, b)
		runtime.GOMAXPROCS(previous)
		require.NoError(t, err)
		checkRegionSums(t, r)
		checkAgainstMaps(t, r, universe, []Set{a, b})
		assert.Equal(t, 100, r.Universe.Duplicates)
		data, err := json.Marshal(r)
		require.NoError(t, err)
		reports = append(reports, data)
	}
	fromUnion, err := Compute(nil, a, b)
	require.NoError(t, err)
	checkRegionSums(t, fromUnion)
	checkAgainstMaps(t, fromUnion, nil, []Set{a, b})
	assert.Equal(t, parallelMin+5000+2, fromUnion.Universe.Size, "union of both sets, outside IDs included")

	assert.True(t, bytes.Equal(reports[0], reports[1]), "GOMAXPROCS 1 and 2 differ")
	assert.True(t, bytes.Equal(reports[0], reports[2]), "GOMAXPROCS 1 and 4 differ")
}

// Text and SVG output must not depend on input order either.
func TestOutputsIgnoreInputOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	universe := ids("u", 300)
	sets := []Set{{Name: "ads"}, {Name: "events"}, {Name: "sales"}}
	for i := range sets {
		for _, id := range universe {
			if rng.IntN(3) == 0 {
				sets[i].Members = append(sets[i].Members, id)
			}
		}
	}
	render := func(universe []string, sets []Set) []byte {
		r, err := Compute(universe, sets...)
		require.NoError(t, err)
		var buf bytes.Buffer
		require.NoError(t, r.WriteText(&buf))
		require.NoError(t, WriteVennSVG(&buf, r, SVGOptions{}))
		require.NoError(t, WriteUpSetSVG(&buf, r, SVGOptions{}))
		return buf.Bytes()
	}
	want := render(universe, sets)
	for range 3 {
		u, s := shuffled(rng, universe, sets)
		assert.True(t, bytes.Equal(want, render(u, s)), "output changed when the input order changed")
	}
}
