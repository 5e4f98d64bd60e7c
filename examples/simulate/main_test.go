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

// smallRun keeps the tests fast: 2,000 accounts instead of 10,000.
var smallRun = []string{"-accounts", "2000"}

func TestRunDefaults(t *testing.T) {
	svgPath := filepath.Join(t.TempDir(), "out.svg")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run(append(smallRun, "-svg", svgPath), &stdout, &stderr))
	assert.Empty(t, stderr.String())

	out := stdout.String()
	assert.Contains(t, out, "Model assumptions")
	assert.Contains(t, out, "In market: 5% of accounts at any time")
	assert.Contains(t, out, "All rates are assumptions")
	for _, want := range []string{"separate", "shared-list", "coordinated", "jaccard(marketing,sales)", "lift(marketing,sales)", "share(sales,marketing)", "engaged accounts", "handoff latency median", "opportunities"} {
		assert.Contains(t, out, want)
	}
	assert.Contains(t, out, "Walk-through of the embedded example scenario")
	assert.Contains(t, out, "Persona alex: champion, in market")
	assert.Contains(t, out, "- cold outreach")
	assert.Contains(t, out, "Wrote the chart to "+svgPath)

	data, err := os.ReadFile(svgPath)
	require.NoError(t, err)
	decoder := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := decoder.Token(); err != nil {
			require.ErrorContains(t, err, "EOF")
			break
		}
	}
	assert.Contains(t, string(data), "opportunities")
}

func TestRunIsDeterministic(t *testing.T) {
	var first, second bytes.Buffer
	require.NoError(t, run(append(smallRun, "-svg", ""), &first, &bytes.Buffer{}))
	require.NoError(t, run(append(smallRun, "-svg", ""), &second, &bytes.Buffer{}))
	assert.Equal(t, first.String(), second.String())

	var other bytes.Buffer
	require.NoError(t, run(append(smallRun, "-svg", "", "-seed", "2"), &other, &bytes.Buffer{}))
	assert.NotEqual(t, first.String(), other.String())
}

func TestRunScenarioFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scenario.txt")
	require.NoError(t, os.WriteFile(path, []byte("persona user out-of-market id=sam\nday 0 sales call topic=cost\n"), 0o600))
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"-no-strategies", "-scenario", path, "-role", "economic-buyer"}, &stdout, &bytes.Buffer{}))

	out := stdout.String()
	assert.Contains(t, out, "Walk-through of "+path)
	assert.Contains(t, out, "Persona sam: economic-buyer, out of market")
	assert.Contains(t, out, "- out of market x0.15")
	assert.NotContains(t, out, "Model assumptions")
}

func TestRunHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"-h"}, &stdout, &stderr)
	assert.True(t, errors.Is(err, flag.ErrHelp))
	assert.Contains(t, stderr.String(), "Usage: simulate [flags]")
	assert.Contains(t, stderr.String(), "-scenario")
	assert.Contains(t, stderr.String(), "-accounts")
}

func TestRunRejectsBadInput(t *testing.T) {
	badScenario := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(badScenario, []byte("day 0 marketing call\n"), 0o600))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"zero accounts", []string{"-accounts", "0"}, "invalid -accounts 0"},
		{"in-market share 1", []string{"-in-market", "1"}, "invalid -in-market 1"},
		{"zero quarters", []string{"-quarters", "0"}, "invalid -quarters 0"},
		{"negative SLA", []string{"-sla", "-1h"}, "invalid -sla -1h0m0s"},
		{"missing scenario", []string{"-scenario", filepath.Join(t.TempDir(), "none.txt")}, "reading scenario"},
		{"invalid scenario", []string{"-scenario", badScenario}, "bad.txt: scenario line 1: team marketing does not use channel call"},
		{"invalid role", []string{"-role", "cfo"}, `invalid -role: invalid role "cfo"`},
		{"extra argument", []string{"now"}, `unexpected argument "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := run(tt.args, &bytes.Buffer{}, &bytes.Buffer{})
			require.Error(t, err)
			assert.True(t, strings.Contains(err.Error(), tt.want), "error %q lacks %q", err, tt.want)
		})
	}
}
