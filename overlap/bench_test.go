package overlap

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"
)

// accountIDs returns n IDs of the form acct-00000001, in ascending order.
func accountIDs(n int) []string {
	out := make([]string, n)
	buf := []byte("acct-00000000")
	for i := range out {
		digits := strconv.Itoa(i)
		copy(buf[5:], "00000000"[:8-len(digits)])
		copy(buf[13-len(digits):], digits)
		out[i] = string(buf)
	}
	return out
}

func shuffle(rng *rand.Rand, ids []string) []string {
	rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	return ids
}

// benchmarkCompute runs Compute and reports the bytes allocated per run,
// which bound the memory the report needs above its input.
func benchmarkCompute(b *testing.B, universe []string, sets []Set) {
	b.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for b.Loop() {
		r, err := Compute(universe, sets...)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Regions) == 0 {
			b.Fatal("no regions")
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "MiB-alloc/op")
}

// Two sets of 10,000,000 accounts over a universe of 20,000,000, sharing
// 1,600,000 accounts (16% of each set), with set members in random order.
func BenchmarkComputeTwoSets10M(b *testing.B) {
	for _, universeOrder := range []string{"sorted", "shuffled"} {
		b.Run("universe="+universeOrder, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(7, 8))
			universe := accountIDs(20_000_000)
			marketing := shuffle(rng, append([]string(nil), universe[:10_000_000]...))
			sales := shuffle(rng, append([]string(nil), universe[8_400_000:18_400_000]...))
			if universeOrder == "shuffled" {
				universe = shuffle(rng, universe)
			}
			benchmarkCompute(b, universe, []Set{{Name: "marketing", Members: marketing}, {Name: "sales", Members: sales}})
		})
	}
}

// Eight sets of 1,000,000 accounts each, drawn at random from a universe of
// 4,000,000.
func BenchmarkComputeEightSets1M(b *testing.B) {
	rng := rand.New(rand.NewPCG(9, 10))
	universe := accountIDs(4_000_000)
	sets := make([]Set, 8)
	for i := range sets {
		members := make([]string, 1_000_000)
		for j, p := range rng.Perm(len(universe))[:len(members)] {
			members[j] = universe[p]
		}
		sets[i] = Set{Name: fmt.Sprintf("team%d", i), Members: members}
	}
	benchmarkCompute(b, universe, sets)
}
