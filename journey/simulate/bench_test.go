package simulate

import (
	"syscall"
	"testing"
	"time"
)

// cpuSeconds returns the user plus system CPU time of the process so far,
// because wall time on a shared machine depends on the other tenants.
func cpuSeconds(b *testing.B) float64 {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		b.Fatal(err)
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano()).Seconds()
}

// benchmarkRun simulates 100,000 accounts over four quarters, the size of
// the measured bar in docs/benchmarks-simulate.md.
func benchmarkRun(b *testing.B, strategy Strategy) {
	var touches int
	start := cpuSeconds(b)
	for b.Loop() {
		r, err := Run(Config{Accounts: 100_000, Seed: 1, Strategy: strategy})
		if err != nil {
			b.Fatal(err)
		}
		touches = len(r.Touchpoints)
	}
	b.ReportMetric(float64(touches), "touches")
	b.ReportMetric((cpuSeconds(b)-start)/float64(b.N), "cpu-s/op")
}

func BenchmarkRun100kSeparate(b *testing.B)    { benchmarkRun(b, Separate) }
func BenchmarkRun100kSharedList(b *testing.B)  { benchmarkRun(b, SharedList) }
func BenchmarkRun100kCoordinated(b *testing.B) { benchmarkRun(b, Coordinated) }
