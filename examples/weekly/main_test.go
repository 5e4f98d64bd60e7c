package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunSample(t *testing.T) {
	page := filepath.Join(t.TempDir(), "weekly.html")
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-html", page}, &stdout, &stderr))
	out := stdout.String()
	assert.Empty(t, stderr.String())
	assert.True(t, strings.HasPrefix(out, "# Weekly review 2026-W48 (23 Nov to 29 Nov 2026)\n"), "first line: %.80s", out)
	for _, heading := range []string{
		"## How the circles moved",
		"## Accounts that changed region this week",
		"## Handoff queue",
		"## Sales works these, marketing never reached them",
		"## Nobody reached these this quarter",
		"### Pipeline sourced and influenced",
		"### Handoff latency",
	} {
		assert.Contains(t, out, "\n"+heading+"\n")
	}
	assert.Contains(t, out, "| newly reached by both |", "the sample's last week has accounts newly reached by both")
	assert.Contains(t, out, "Wrote the HTML page to "+page)
	info, err := os.Stat(page)
	require.NoError(t, err)
	assert.Greater(t, info.Size(), int64(10000))
}

func TestRunIsDeterministic(t *testing.T) {
	render := func(args ...string) (string, string) {
		page := filepath.Join(t.TempDir(), "weekly.html")
		var stdout bytes.Buffer
		require.NoError(t, run(append(args, "-html", page), &stdout, &bytes.Buffer{}))
		data, err := os.ReadFile(page)
		require.NoError(t, err)
		// The page path differs between runs, so drop that line.
		text := strings.ReplaceAll(stdout.String(), page, "PAGE")
		return text, string(data)
	}
	markdown1, html1 := render()
	markdown2, html2 := render()
	assert.Equal(t, markdown1, markdown2)
	assert.Equal(t, html1, html2)
	json1, _ := render("-json")
	json2, _ := render("-json")
	assert.Equal(t, json1, json2)
}

func TestRunJSONRoundTrip(t *testing.T) {
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"-json", "-html", ""}, &stdout, &bytes.Buffer{}))
	var r Report
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &r))
	assert.Equal(t, "2026-W48", r.Week)
	assert.Len(t, r.Circles.Series, 13)
	assert.Len(t, r.Handoff.Series, 13)
	assert.Equal(t, 150, r.Inputs.Targets)
	assert.NotEmpty(t, r.HandoffQueue)
	assert.NotEmpty(t, r.SalesOnly)
	assert.NotEmpty(t, r.Unreached)
	assert.True(t, r.Pipeline.HasStages)
	for i := 1; i < len(r.HandoffQueue); i++ {
		assert.False(t, r.HandoffQueue[i].EngagedAt.Before(r.HandoffQueue[i-1].EngagedAt), "queue is oldest first at %d", i)
	}
}

func TestRunEarlierWeek(t *testing.T) {
	var stdout bytes.Buffer
	require.NoError(t, run([]string{"-week", "2026-09-16", "-html", ""}, &stdout, &bytes.Buffer{}))
	assert.Contains(t, stdout.String(), "# Weekly review 2026-W38 (14 Sep to 20 Sep 2026)")
	assert.Contains(t, stdout.String(), "after the week's end are left out.")
}

func TestRunHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"-h"}, &stdout, &stderr)
	assert.True(t, errors.Is(err, flag.ErrHelp))
	assert.Contains(t, stderr.String(), "Usage: weekly [flags]")
	assert.Contains(t, stderr.String(), "-week")
	assert.Contains(t, stderr.String(), "-html")
}

func TestRunRejectsBadFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-week", "2026-W60"}, `invalid -week "2026-W60"`},
		{[]string{"-week", "next"}, `invalid -week "next"`},
		{[]string{"-zone", "Mars/Olympus"}, `invalid -zone "Mars/Olympus"`},
		{[]string{"-reach-days", "0"}, "invalid -reach-days 0"},
		{[]string{"-quarter-weeks", "1"}, "invalid -quarter-weeks 1"},
		{[]string{"-sla", "0s"}, "invalid -sla 0s"},
		{[]string{"-engagement-score", "-1"}, "invalid -engagement-score -1"},
		{[]string{"-lookback-days", "-5"}, "invalid -lookback-days -5"},
		{[]string{"-targets", "t.csv"}, "give -targets and -touches together"},
		{[]string{"-stages", "s.csv"}, "give -targets and -touches together"},
		{[]string{"extra"}, `unexpected argument "extra"`},
		{[]string{"-targets", "/nonexistent/t.csv", "-touches", "/nonexistent/x.csv"}, "/nonexistent/t.csv"},
	}
	for _, tt := range tests {
		err := run(append(tt.args, "-html", ""), &bytes.Buffer{}, &bytes.Buffer{})
		require.Error(t, err, "%v", tt.args)
		assert.Contains(t, err.Error(), tt.want, "%v", tt.args)
	}
}

func TestRunRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(text), 0o644))
		return path
	}
	touches := write("touches.csv", "account_id,timestamp,team\na,2026-03-03T10:00:00Z,marketing\n")
	tests := []struct {
		name, targets, touches, stages, want string
	}{
		{"no account column", "name\nAcme\n", "", "", "no account column"},
		{"empty account", "account_id\n\n \n", "", "", "line 3: account ID is empty"},
		{"repeated account", "account_id\na\na\n", "", "", `line 3: account ID "a" repeats line 2`},
		{"empty targets", "", "", "", "file is empty"},
		{"bad team", "account_id\na\n", "account_id,timestamp,team\na,2026-03-03T10:00:00Z,finance\n", "", "finance"},
		{"bad amount", "account_id\na\n", "", "account_id,stage,timestamp,amount\na,opportunity,2026-03-03T10:00:00Z,lots\n", `line 2: invalid amount "lots"`},
		{"unknown stage", "account_id\na\n", "", "account_id,stage,timestamp\na,party,2026-03-03T10:00:00Z\n", `stages of account "a"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			touchPath := touches
			if tt.touches != "" {
				touchPath = write(tt.name+"-touches.csv", tt.touches)
			}
			args := []string{"-targets", write(tt.name+"-targets.csv", tt.targets), "-touches", touchPath, "-html", ""}
			if tt.stages != "" {
				args = append(args, "-stages", write(tt.name+"-stages.csv", tt.stages))
			}
			err := run(args, &bytes.Buffer{}, &bytes.Buffer{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestRunWithoutStages(t *testing.T) {
	args := fixtureArgs(t)
	var withoutStages []string
	for i := 0; i < len(args); i++ {
		if args[i] == "-stages" {
			i++
			continue
		}
		withoutStages = append(withoutStages, args[i])
	}
	var stdout bytes.Buffer
	require.NoError(t, run(withoutStages, &stdout, &bytes.Buffer{}))
	assert.Contains(t, stdout.String(), "No stage file was given, so there is no pipeline.")
	assert.Contains(t, stdout.String(), "no campaign has pipeline credit yet")
}

func TestParseWeek(t *testing.T) {
	tests := []struct {
		text  string
		start time.Time
	}{
		{"2026-W48", time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},
		{"2026-W01", time.Date(2025, 12, 29, 0, 0, 0, 0, time.UTC)},
		{"2020-W53", time.Date(2020, 12, 28, 0, 0, 0, 0, time.UTC)},
		{"2026-11-29", time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},
		{"2026-11-23", time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		w, err := parseWeek(tt.text, time.UTC)
		require.NoError(t, err, tt.text)
		assert.Equal(t, tt.start, w.Start, tt.text)
		assert.Equal(t, tt.start.AddDate(0, 0, 7), w.End, tt.text)
	}
	for _, bad := range []string{"2021-W53", "2026-W00", "2026-13-01", "W48"} {
		_, err := parseWeek(bad, time.UTC)
		assert.Error(t, err, bad)
	}
}

func TestWeekOfKeepsZone(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	require.NoError(t, err)
	// Berlin sets clocks back on Sunday 25 October 2026, so the week of
	// 19 October lasts 169 hours.
	w := weekOf(time.Date(2026, 10, 21, 12, 0, 0, 0, berlin))
	assert.Equal(t, time.Date(2026, 10, 19, 0, 0, 0, 0, berlin), w.Start)
	assert.Equal(t, time.Date(2026, 10, 26, 0, 0, 0, 0, berlin), w.End)
	assert.Equal(t, 169*time.Hour, w.End.Sub(w.Start))
}

func TestRunWithoutTouches(t *testing.T) {
	dir := t.TempDir()
	targets := filepath.Join(dir, "targets.csv")
	touches := filepath.Join(dir, "touches.csv")
	require.NoError(t, os.WriteFile(targets, []byte("account_id\na\nb\n"), 0o644))
	require.NoError(t, os.WriteFile(touches, []byte("account_id,timestamp,team\n"), 0o644))
	args := []string{"-targets", targets, "-touches", touches}

	err := run(append(args, "-html", ""), &bytes.Buffer{}, &bytes.Buffer{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "set -week")

	page := filepath.Join(dir, "page.html")
	var stdout bytes.Buffer
	require.NoError(t, run(append(args, "-week", "2026-W10", "-html", page), &stdout, &bytes.Buffer{}))
	assert.Contains(t, stdout.String(), "| jaccard(marketing,sales) | n/a | n/a | n/a | n/a |")
	assert.Contains(t, stdout.String(), "| neither | 2 | 2 | 0 | 2 |")
	assert.FileExists(t, page)
}
