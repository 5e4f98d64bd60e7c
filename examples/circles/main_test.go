package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
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
	// The region that neither team reached has no share of the reached
	// accounts.
	assert.Regexp(t, `(?m)^neither\s+\d+\s+[\d.]+%\s+n/a$`, text)
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
	rep, err := buildReport(context.Background(), inputs, reportOptions{})
	require.NoError(t, err)
	for _, f := range append([]fileReport{rep.Targets}, rep.Files...) {
		assert.Equal(t, f.Read, f.Matched+f.Unmatched+f.Rejected+f.Outside, f.Path)
		assert.Equal(t, 0, f.Outside, "%s: rows are outside the window, but none is set", f.Path)
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
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"one file", []string{"-targets", "t.csv"}, "give all three"},
		{"missing file", []string{"-targets", "missing.csv", "-marketing", "m.csv", "-sales", "s.csv"}, "missing.csv"},
		{"negative max-unmatched", []string{"-max-unmatched", "-1"}, "invalid -max-unmatched -1"},
		{"from not ISO", []string{"-from", "4/1/2026"}, `invalid -from: invalid date "4/1/2026": expected ISO 8601`},
		{"to out of range", []string{"-to", "2026-06-31"}, `invalid -to: invalid date "2026-06-31": day out of range`},
		{"from after to", []string{"-from", "2026-07-01", "-to", "2026-04-01"}, "-from 2026-07-01 is not before -to 2026-04-01"},
		{"unknown segment", []string{"-segment", "Industry"},
			`has no column "Industry"; use one of its headers: Account ID, Account Name, Website, Region, Tier`},
		{"date role on targets", []string{"-targets-columns", "date=Region"}, `-targets-columns: invalid column mapping "date=Region": role date is not read from the targets file; its roles are id, name, website, email`},
		{"unknown date column", []string{"-marketing-columns", "date=Touched"}, `no column "Touched" for date`},
		{"unknown role", []string{"-sales-columns", "when=Last Activity"}, "ROLE one of id, name, website, email, date"},
		{"upset in missing folder", []string{"-upset", filepath.Join(t.TempDir(), "no", "upset.svg")}, "/no\" does not exist"},
		{"svg in missing folder", []string{"-svg", filepath.Join(t.TempDir(), "no", "c.svg")}, "invalid -svg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), append([]string{"-svg", ""}, tt.args...), &out, &errOut)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Empty(t, out.String(), "a flag error prints no report")
		})
	}
}

func TestRunWindowWithoutDateColumn(t *testing.T) {
	p := writeFiles(t, map[string]string{
		"t.csv": "Account ID,Account Name\nT1,Acme Widgets\n",
		"m.csv": "Company,Email,Last Activity Date\nAcme Widgets,jane@acme.example,2026-05-01\n",
		"s.csv": "Account Name,Website\nAcme Widgets,acme.example\n",
	})
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-targets", p["t.csv"], "-marketing", p["m.csv"], "-sales", p["s.csv"],
		"-svg", "", "-from", "2026-04-01"}, &out, &errOut)
	require.Error(t, err)
	assert.Contains(t, err.Error(), p["s.csv"]+": -from and -to need a date column")
	assert.NotContains(t, err.Error(), p["m.csv"], "the marketing file has a date column")
}

func TestRunSampleWindow(t *testing.T) {
	var out, errOut bytes.Buffer
	args := []string{"-svg", "", "-from", "2026-04-01", "-to", "2026-07-01", "-max-unmatched", "0"}
	require.NoError(t, run(context.Background(), args, &out, &errOut))
	text := out.String()
	assert.Contains(t, text, "Counting only touches dated 2026-04-01T00:00:00Z to 2026-07-01T00:00:00Z (from inclusive, to exclusive)")
	assert.Contains(t, text, `marketing column "Last Activity Date" and sales column "Last Activity"`)
	assert.Regexp(t, `FILE\s+SOURCE\s+READ\s+MATCHED\s+UNMATCHED\s+REJECTED\s+OUTSIDE WINDOW`, text)
	assert.Contains(t, text, "Rows outside the window (")
	assert.Contains(t, text, `column 6 (Last Activity Date): invalid date "4/9/2026"`)

	out.Reset()
	require.NoError(t, run(context.Background(), append(args, "-json"), &out, &errOut))
	var decoded struct {
		Window struct {
			Start string `json:"start"`
			End   string `json:"end"`
		} `json:"window"`
		Files []fileReport `json:"files"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &decoded))
	assert.Equal(t, "2026-04-01T00:00:00Z", decoded.Window.Start)
	assert.Equal(t, "2026-07-01T00:00:00Z", decoded.Window.End)
	for _, f := range decoded.Files {
		outside := 0
		for _, r := range f.Rows {
			if r.Outcome == outcomeOutside {
				outside++
				assert.NotEmpty(t, r.Date, "%s line %d", f.Path, r.Line)
			}
		}
		assert.Equal(t, f.Outside, outside, f.Path)
		assert.Equal(t, f.Read, f.Matched+f.Unmatched+f.Rejected+f.Outside, f.Path)
	}
}

func TestRunUpSetValidXML(t *testing.T) {
	path := filepath.Join(t.TempDir(), "upset.svg")
	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-svg", "", "-upset", path}, &out, &errOut))
	assert.Contains(t, out.String(), "Wrote the UpSet plot to "+path)
	raw, err := os.ReadFile(path)
	require.NoError(t, err)

	dec := xml.NewDecoder(bytes.NewReader(raw))
	var root string
	bars := map[string]bool{}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "the UpSet plot is not valid XML")
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = start.Name.Local
		}
		for _, a := range start.Attr {
			if a.Name.Local == "data-region" {
				bars[a.Value] = true
			}
		}
	}
	assert.Equal(t, "svg", root)
	for _, region := range []string{"marketing & sales", "marketing only", "sales only"} {
		assert.True(t, bars[region], "no bar for the region %s", region)
	}
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
	_, err = parseColumnSpec("name=Account Name,name=Id", "marketing")
	assert.ErrorContains(t, err, "name is mapped twice")
}
