package main

import (
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readRows(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	return rows
}

func TestGendataSameSeedSameOutput(t *testing.T) {
	data := filepath.Join("..", "..", "..", "..", "testdata")
	var outputs [2][][]string
	for i := range outputs {
		out := t.TempDir()
		require.NoError(t, run([]string{"-data", data, "-accounts", "300", "-rows", "200", "-out", out}, io.Discard))
		accounts := readRows(t, filepath.Join(out, "accounts.csv"))
		rows := readRows(t, filepath.Join(out, "rows.csv"))
		assert.Len(t, accounts, 301)
		assert.Len(t, rows, 201)
		assert.Equal(t, header, accounts[0])
		outputs[i] = append(accounts, rows...)
	}
	assert.Equal(t, outputs[0], outputs[1])
}

func TestGendataInvalidCounts(t *testing.T) {
	err := run([]string{"-accounts", "0"}, io.Discard)
	assert.ErrorContains(t, err, "invalid counts")
}
