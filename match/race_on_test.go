//go:build race

package match

// raceEnabled is true when the tests run under the race detector, which
// makes the large real-data tests too slow to run; .ci/run runs them
// separately without it.
const raceEnabled = true
