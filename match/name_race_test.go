//go:build race

package match

// nameRaceEnabled reports a build with the race detector, which slows the
// long-input test about tenfold.
const nameRaceEnabled = true
