package overlap

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"syscall"
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

// benchmarkCompute runs Compute and reports per run the bytes allocated,
// which bound the memory the report needs above its input, and the CPU time
// of the whole process, garbage collection included. CPU time is less
// sensitive than wall time to other programs on a shared machine.
func benchmarkCompute(b *testing.B, compute func([]string, ...Set) (*Report, error), universe []string, sets []Set) {
	b.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	var usageBefore, usageAfter syscall.Rusage
	runtime.ReadMemStats(&before)
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usageBefore); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		r, err := compute(universe, sets...)
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Regions) == 0 {
			b.Fatal("no regions")
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usageAfter); err != nil {
		b.Fatal(err)
	}
	cpu := func(u syscall.Rusage) float64 {
		return float64(u.Utime.Nano()+u.Stime.Nano()) / 1e9
	}
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "MiB-alloc/op")
	b.ReportMetric((cpu(usageAfter)-cpu(usageBefore))/float64(b.N), "cpu-s/op")
}

// Two sets of 10,000,000 accounts over a universe of 20,000,000, sharing
// 1,600,000 accounts (16% of each set), with set members in random order.
//
// The universe is in ascending order ("sorted") or in random order
// ("shuffled" and "read"). With "shuffled" the ID strings stay where they
// were allocated, in ascending order, so reading the universe in its own
// order jumps across the heap.
// With "read" every list's strings are copied in the list's own order, as
// when each list is read from a file, so reading a list in its own order
// walks memory forward.
//
// NOTE: "shuffled" with members took 1.19 to 1.90 s per call, median
// 1.36 s, in 24 single calls of
// go test ./overlap -run XXX -bench 'TwoSets10M/universe=shuffled/members' -benchtime 1x -count 3
// on a 2-vCPU KVM VM at load 0.6 to 1.8 (docs/benchmarks-overlap.md).
// Its cost is mostly cache and TLB misses, so other programs on the
// host move it more than the other variants.
func BenchmarkComputeTwoSets10M(b *testing.B) {
	for _, universeOrder := range []string{"sorted", "shuffled", "read"} {
		b.Run("universe="+universeOrder, func(b *testing.B) {
			rng := rand.New(rand.NewPCG(7, 8))
			universe := accountIDs(20_000_000)
			marketing := shuffle(rng, append([]string(nil), universe[:10_000_000]...))
			sales := shuffle(rng, append([]string(nil), universe[8_400_000:18_400_000]...))
			if universeOrder != "sorted" {
				universe = shuffle(rng, universe)
			}
			if universeOrder == "read" {
				for _, list := range [][]string{universe, marketing, sales} {
					for i, id := range list {
						list[i] = strings.Clone(id)
					}
				}
			}
			sets := []Set{{Name: "marketing", Members: marketing}, {Name: "sales", Members: sales}}
			b.Run("members", func(b *testing.B) { benchmarkCompute(b, Compute, universe, sets) })
			b.Run("counts", func(b *testing.B) { benchmarkCompute(b, ComputeCounts, universe, sets) })
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
	b.Run("members", func(b *testing.B) { benchmarkCompute(b, Compute, universe, sets) })
	b.Run("counts", func(b *testing.B) { benchmarkCompute(b, ComputeCounts, universe, sets) })
}
