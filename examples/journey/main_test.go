package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunSample(t *testing.T) {
	svgPath := filepath.Join(t.TempDir(), "out.svg")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-svg", svgPath}, &stdout, &stderr))

	out := stdout.String()
	assert.Contains(t, out, "Handoff report as of 2024-05-26T09:12:00Z (90 touches, 12 accounts)")
	assert.Contains(t, out, "handoff latency median / p95")
	assert.Contains(t, out, "Funnel shared by both teams")
	assert.Contains(t, out, "Markov order 1")
	assert.Contains(t, out, "W-shaped 30/30/30/10")
	assert.Contains(t, out, "Wrote the timeline of account wayne")
	assert.Equal(t, "journey: line 91: local time \"10/03/2024 02:30\" did not exist (clocks went forward), moved forward: 2024-03-10T03:30:00-04:00\n", stderr.String(), "the sample has one time in the New York spring gap")

	data, err := os.ReadFile(svgPath)
	require.NoError(t, err)
	decoder := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := decoder.Token(); err != nil {
			require.ErrorContains(t, err, "EOF")
			break
		}
	}
}

func TestRunIsDeterministic(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run([]string{"-svg", ""}, &first, &bytes.Buffer{}))
	require.NoError(t, run([]string{"-svg", ""}, &second, &bytes.Buffer{}))
	assert.Equal(t, first.String(), second.String())
}

func TestRunHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"-h"}, &stdout, &stderr)
	assert.True(t, errors.Is(err, flag.ErrHelp))
	assert.Contains(t, stderr.String(), "Usage: journey [flags]")
	assert.Contains(t, stderr.String(), "-touches")
}

func TestRunRejectsBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-zone", "Mars/Olympus"}, "invalid -zone"},
		{[]string{"-date-order", "year"}, "invalid -date-order"},
		{[]string{"-as-of", "tomorrow"}, "invalid -as-of"},
		{[]string{"-markov-order", "9", "-svg", ""}, "invalid Markov order"},
		{[]string{"-account", "nobody"}, `account "nobody" not found`},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"-touches", "/nonexistent/file.csv"}, "no such file"},
	}
	for _, tt := range tests {
		err := run(tt.args, &bytes.Buffer{}, &bytes.Buffer{})
		require.Error(t, err, "%v", tt.args)
		assert.Contains(t, err.Error(), tt.want, "%v", tt.args)
	}
}

func TestRunOwnCSVWithoutStages(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "touches.csv")
	csv := "account,time,team,channel\n" +
		"a,2024-01-02T10:00:00Z,marketing,web\n" +
		"a,2024-01-05T10:00:00Z,sales,call\n"
	require.NoError(t, os.WriteFile(path, []byte(csv), 0o644))
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"-touches", path, "-svg", "", "-engagement-score", "0"}, &stdout, &bytes.Buffer{}))
	assert.Contains(t, stdout.String(), "nothing to attribute")
	assert.True(t, strings.Contains(stdout.String(), "handed off to sales                            1"))
}
