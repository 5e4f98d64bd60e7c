package journey

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// cpuSeconds returns the user plus system CPU time of this process. The
// benchmarks report it next to wall time because the machine is shared,
// and wall time alone mostly measures how busy the other tenants are.
func cpuSeconds(b *testing.B) float64 {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		b.Fatal(err)
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano()).Seconds()
}

// syntheticTouches returns n touches spread over the given number of
// accounts in random order, from a fixed seed.
func syntheticTouches(n, accounts int) []Touchpoint {
	rng := rand.New(rand.NewPCG(7, 11))
	ids := make([]string, accounts)
	for i := range ids {
		ids[i] = fmt.Sprintf("acct-%06d", i)
	}
	channels := []string{"email", "web", "paid search", "webinar", "event", "call", "meeting", "direct"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	touches := make([]Touchpoint, n)
	for i := range touches {
		c := rng.IntN(len(channels))
		team := Marketing
		if c >= 5 {
			team = Sales
		}
		touches[i] = Touchpoint{
			AccountID: ids[rng.IntN(accounts)],
			Time:      base.Add(time.Duration(rng.Int64N(int64(365 * 24 * time.Hour)))),
			Team:      team,
			Channel:   channels[c],
			Source:    "crm",
		}
	}
	return touches
}

// BenchmarkBuildTimelines10M builds timelines for 10,000,000 touches over
// 100,000 accounts, the size recorded in docs/benchmarks-journey.md. Run it
// with -benchtime 1x, because one iteration takes seconds.
func BenchmarkBuildTimelines10M(b *testing.B) {
	touches := syntheticTouches(10_000_000, 100_000)
	// Finish the collection that generating 1.7 GB of input started, so
	// it is not charged to the measured call.
	runtime.GC()
	cpu := 0.0
	for b.Loop() {
		before := cpuSeconds(b)
		timelines, err := BuildTimelines(touches, TimelineOptions{})
		cpu += cpuSeconds(b) - before
		if err != nil {
			b.Fatal(err)
		}
		if len(timelines) != 100_000 {
			b.Fatalf("got %d timelines", len(timelines))
		}
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

// BenchmarkBuildTimelinesInPlace10M is BenchmarkBuildTimelines10M for
// BuildTimelinesInPlace. Each iteration reorders the input, so later
// iterations start from grouped input, and it should be run with
// -benchtime 1x.
func BenchmarkBuildTimelinesInPlace10M(b *testing.B) {
	touches := syntheticTouches(10_000_000, 100_000)
	// Finish the collection that generating 1.7 GB of input started, so
	// it is not charged to the measured call.
	runtime.GC()
	cpu := 0.0
	for b.Loop() {
		before := cpuSeconds(b)
		timelines, err := BuildTimelinesInPlace(touches, TimelineOptions{})
		cpu += cpuSeconds(b) - before
		if err != nil {
			b.Fatal(err)
		}
		if len(timelines) != 100_000 {
			b.Fatalf("got %d timelines", len(timelines))
		}
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

func BenchmarkBuildTimelines100k(b *testing.B) {
	touches := syntheticTouches(100_000, 1_000)
	for b.Loop() {
		if _, err := BuildTimelines(touches, TimelineOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func syntheticPaths(n int) []Path {
	rng := rand.New(rand.NewPCG(21, 22))
	channels := []string{"email", "web", "paid search", "organic", "social", "webinar", "event", "direct", "call", "meeting"}
	return randomPaths(rng, n, channels)
}

// benchmarkMarkov computes removal effects over 1,000,000 paths, the size
// recorded in docs/benchmarks-journey.md, and fails if two iterations
// differ in any bit.
func benchmarkMarkov(b *testing.B, order int) {
	paths := syntheticPaths(1_000_000)
	var first *MarkovResult
	cpu := 0.0
	for b.Loop() {
		before := cpuSeconds(b)
		r, err := MarkovRemovalEffects(paths, MarkovOptions{Order: order})
		cpu += cpuSeconds(b) - before
		if err != nil {
			b.Fatal(err)
		}
		if first == nil {
			first = &r
			continue
		}
		for i := range r.Channels {
			if r.Channels[i] != first.Channels[i] {
				b.Fatalf("run differs: %+v vs %+v", r.Channels[i], first.Channels[i])
			}
		}
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}

func BenchmarkMarkov1MOrder1(b *testing.B) { benchmarkMarkov(b, 1) }
func BenchmarkMarkov1MOrder2(b *testing.B) { benchmarkMarkov(b, 2) }
func BenchmarkMarkov1MOrder3(b *testing.B) { benchmarkMarkov(b, 3) }

// BenchmarkAnalyzeHandoffs10M measures the handoff report over the
// timelines of BenchmarkBuildTimelines10M.
func BenchmarkAnalyzeHandoffs10M(b *testing.B) {
	timelines, err := BuildTimelinesInPlace(syntheticTouches(10_000_000, 100_000), TimelineOptions{})
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	opts := HandoffOptions{SLA: 72 * time.Hour, Silence: 14 * 24 * time.Hour, AsOf: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	cpu := 0.0
	for b.Loop() {
		before := cpuSeconds(b)
		r, err := AnalyzeHandoffs(timelines, opts)
		cpu += cpuSeconds(b) - before
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Accounts) != 100_000 {
			b.Fatalf("got %d accounts", len(r.Accounts))
		}
	}
	b.ReportMetric(cpu/float64(b.N), "cpu-s/op")
}
