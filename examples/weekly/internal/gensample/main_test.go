package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The embedded sample must be what the generator writes, so that a change
// to either shows up here and not as a silent drift.
func TestGeneratorReproducesSample(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, run(filepath.Join("..", "..", "..", "..", "testdata"), out, defaultSeed))
	for _, name := range []string{"targets.csv", "touchpoints.csv", "stages.csv"} {
		want, err := os.ReadFile(filepath.Join("..", "..", "sample", name))
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "%s differs from the generator's output; run go generate in examples/weekly", name)
	}
}
