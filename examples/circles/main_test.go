package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunSample(t *testing.T) {
	dir := t.TempDir()
	svg := filepath.Join(dir, "c.svg")
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-svg", svg, "-regions", filepath.Join(dir, "regions")}, &out, &errOut)
	require.NoError(t, err, errOut.String())
	text := out.String()
	for _, want := range []string{"both", "marketing only", "sales only", "neither", "jaccard(marketing,sales)",
		"overlap_coefficient(marketing,sales)", "share(marketing,sales)", "share(sales,marketing)",
		"coverage(marketing)", "coverage(sales)", "coverage(marketing,sales)", "Unmatched and rejected rows"} {
		assert.Contains(t, text, want)
	}
	raw, err := os.ReadFile(svg)
	require.NoError(t, err)
	require.NoError(t, xml.Unmarshal(raw, new(struct{})), "the SVG does not parse")
	for _, name := range []string{"both.csv", "marketing_only.csv", "sales_only.csv", "neither.csv"} {
		_, err := os.Stat(filepath.Join(dir, "regions", name))
		assert.NoError(t, err)
	}

	var again bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-svg", ""}, &again, &errOut))
	assert.Equal(t, strings.Split(text, "\nWrote")[0], strings.Split(again.String(), "\nWrote")[0], "the report is not deterministic")
}

func TestSampleCountsAddUp(t *testing.T) {
	inputs, err := openInputs(config{})
	require.NoError(t, err)
	rep, err := buildReport(context.Background(), inputs)
	require.NoError(t, err)
	for _, f := range append([]fileReport{rep.Targets}, rep.Files...) {
		assert.Equal(t, f.Read, f.Matched+f.Unmatched+f.Rejected, f.Path)
		assert.Equal(t, f.Unmatched+f.Rejected, len(f.Rows), f.Path)
		assert.Positive(t, f.Read)
	}
	for _, f := range rep.Files {
		assert.Positive(t, f.Matched, f.Path)
		assert.Positive(t, f.Unmatched, f.Path)
		assert.Positive(t, f.Rejected, f.Path)
	}
	sum := 0
	for _, row := range regionRows {
		sum += rep.region(row.sets...).Count
	}
	assert.Equal(t, rep.Overlap.Universe.Size, sum)
}

func TestRunJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-json", "-svg", ""}, &out, &errOut))
	var decoded map[string]any
	require.NoError(t, json.Unmarshal(out.Bytes(), &decoded))
	assert.Contains(t, decoded, "overlap")
	assert.Contains(t, decoded, "files")
}

func TestRunFlagErrors(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-targets", "t.csv"}, &out, &errOut)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "give all three")

	err = run(context.Background(), []string{"-targets", "missing.csv", "-marketing", "m.csv", "-sales", "s.csv"}, &out, &errOut)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.csv")
}

func TestRunOwnFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	targets := write("t.csv", "Org,Web\nT1,Acme Widgets Inc,acme.example\n")
	// Every targets row has three fields under a header of two, so every
	// row is rejected and no target account is left.
	marketing := write("m.csv", "Company,Email\nAcme Widgets,jane@acme.example\n")
	sales := write("s.csv", "Account Name,Website\nACME WIDGETS LTD,https://www.acme.example/\n")
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-targets", targets, "-marketing", marketing, "-sales", sales, "-svg", ""}, &out, &errOut)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "has 3 fields, the header has 2")

	targets = write("t2.csv", "Key,Org,Web\nT1,Acme Widgets Inc,acme.example\nT2,Globex,globex.example\n")
	out.Reset()
	err = run(context.Background(), []string{"-targets", targets, "-targets-columns", "id=Key,name=Org,website=Web",
		"-marketing", marketing, "-sales", sales, "-svg", ""}, &out, &errOut)
	require.NoError(t, err)
	assert.Regexp(t, `both\s+1\s+50\.0%`, out.String())
	assert.Regexp(t, `neither\s+1\s+50\.0%`, out.String())
}

func TestRunTextTableSafe(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	targets := write("t.csv", "Account ID,Account Name\nT1,Acme Widgets\nT2,Globex\nT2,Initech\n")
	marketing := write("m.csv", "Company,Email\n\"Tab\there \x1b[31mred\",x@gmail.com\n")
	sales := write("s.csv", "Account Name\nGlobex\n")
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-targets", targets, "-marketing", marketing, "-sales", sales, "-svg", ""}, &out, &errOut)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "lines 3 and 4 share the account ID \"T2\"")

	targets = write("t.csv", "Account ID,Account Name\nT1,Acme Widgets\nT2,Globex\n")
	out.Reset()
	require.NoError(t, run(context.Background(), []string{"-targets", targets, "-marketing", marketing, "-sales", sales, "-svg", ""}, &out, &errOut))
	assert.NotContains(t, out.String(), "\x1b", "a terminal escape code reached the report")
	assert.Contains(t, out.String(), "Tab here  [31mred")
	_, err = parseColumnSpec("name=Account Name,name=Id")
	assert.ErrorContains(t, err, "name is mapped twice")
}
