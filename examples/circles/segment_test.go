package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeFiles writes each entry of files, keyed by file name, into a
// temporary folder and returns the path of each file by name.
func writeFiles(t *testing.T, files map[string]string) map[string]string {
	t.Helper()
	dir := t.TempDir()
	paths := map[string]string{}
	for name, data := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		paths[name] = p
	}
	return paths
}

// segmentFiles contains three targets in the regions EMEA, none and AMER.
// Marketing reaches Acme and Globex, and sales reaches Globex.
var segmentFiles = map[string]string{
	"t.csv": "Account ID,Account Name,Website,Region\n" +
		"T1,Acme Widgets,acme.example, EMEA \n" +
		"T2,Globex,globex.example,\n" +
		"T3,Initech,initech.example,AMER\n",
	"m.csv": "Company,Email\nAcme Widgets,jane@acme.example\nGlobex,joe@globex.example\n",
	"s.csv": "Account Name,Website\nGlobex Corporation,https://www.globex.example/\n",
}

func TestRunSegmentEmptyValue(t *testing.T) {
	p := writeFiles(t, segmentFiles)
	args := []string{"-targets", p["t.csv"], "-marketing", p["m.csv"], "-sales", p["s.csv"], "-svg", "", "-segment", "region"}
	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), args, &out, &errOut), errOut.String())
	text := out.String()
	assert.Contains(t, text, "Per value of the targets column Region:")
	assert.Regexp(t, `REGION\s+TARGETS\s+BOTH\s+MARKETING ONLY\s+SALES ONLY\s+NEITHER\s+COVERAGE\s+JACCARD\s+LIFT`, text)
	assert.Regexp(t, `\(none\)\s+1\s+1\s+0\s+0\s+0\s+100\.0%`, text, "the target with no region is missing")
	assert.Regexp(t, `AMER\s+1\s+0\s+0\s+0\s+1\s+0\.0%`, text)
	assert.Regexp(t, `EMEA\s+1\s+0\s+1\s+0\s+0\s+100\.0%`, text)

	out.Reset()
	require.NoError(t, run(context.Background(), append(args, "-json"), &out, &errOut))
	var decoded struct {
		Segments struct {
			Attribute string `json:"attribute"`
			Segments  []struct {
				Value  string `json:"value"`
				Report struct {
					Universe struct {
						Size int `json:"size"`
					} `json:"universe"`
					UnionSize int `json:"union_size"`
				} `json:"report"`
			} `json:"segments"`
		} `json:"segments"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &decoded))
	assert.Equal(t, "Region", decoded.Segments.Attribute)
	var values []string
	for _, s := range decoded.Segments.Segments {
		values = append(values, s.Value)
		assert.Equal(t, 1, s.Report.Universe.Size, s.Value)
	}
	assert.Equal(t, []string{"(none)", "AMER", "EMEA"}, values)
}

func TestRunSegmentUnknownColumn(t *testing.T) {
	p := writeFiles(t, segmentFiles)
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-targets", p["t.csv"], "-marketing", p["m.csv"], "-sales", p["s.csv"],
		"-svg", "", "-segment", "Industry"}, &out, &errOut)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `-segment: `+p["t.csv"]+` has no column "Industry"`)
	assert.Contains(t, err.Error(), "use one of its headers: Account ID, Account Name, Website, Region")
}

func TestSampleSegmentsCoverTargets(t *testing.T) {
	inputs, err := openInputs(config{})
	require.NoError(t, err)
	for _, column := range []string{"Region", "Tier"} {
		rep, err := buildReport(context.Background(), inputs, reportOptions{segment: column})
		require.NoError(t, err)
		require.NotNil(t, rep.Segments)
		assert.Equal(t, column, rep.Segments.Attribute)
		targets, both := 0, 0
		for _, s := range rep.Segments.Segments {
			assert.NotEmpty(t, s.Value, "%s: a segment has no name", column)
			targets += s.Report.Universe.Size
			both += regionIn(s.Report, teams...).Count
		}
		assert.Equal(t, rep.Overlap.Universe.Size, targets, "%s: segments lose targets", column)
		assert.Equal(t, rep.region(teams...).Count, both, "%s: segments lose accounts in both", column)
	}
	rep, err := buildReport(context.Background(), inputs, reportOptions{segment: "Region"})
	require.NoError(t, err)
	assert.Equal(t, noSegmentValue, rep.Segments.Segments[0].Value, "the sample has targets without a region")
}
