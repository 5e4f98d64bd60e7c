package simulate

import "testing"

func BenchmarkScratchRun(b *testing.B) {
	for b.Loop() {
		if _, err := Run(Config{Accounts: 100000, Seed: 1, Strategy: Coordinated}); err != nil {
			b.Fatal(err)
		}
	}
}
