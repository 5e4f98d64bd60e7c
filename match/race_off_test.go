//go:build !race

package match

// raceEnabled is true when the tests run under the race detector.
const raceEnabled = false
