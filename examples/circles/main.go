// Command circles prints the circles report. Of a target account list, it
// shows which accounts marketing reached, which sales reached, both and
// neither, with the named overlap metrics. It lists the rows of each export
// that matched no account with the reason, and writes an SVG diagram of the
// two circles.
//
// With no flags it runs on an embedded sample built from real company
// names (see sample/README.md). With -targets, -marketing and -sales it
// reads CSV exports with a header row. It finds the company name, website,
// email, ID and touch date columns by their usual headers, or the
// -*-columns flags name them.
//
// -from and -to count only the export rows whose touch date lies in the
// half-open window [from, to) of overlap.Window. Rows dated outside it are
// counted as outside the window, and rows with an empty or invalid date
// are rejected. -segment repeats the report per value of a targets column
// with overlap.ComputeBySegment, and -upset writes an UpSet plot of the
// regions next to the Venn diagram.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/accountkit/accountkit/overlap"
)

//go:generate go run ./internal/gensample -data ../../testdata -out sample

//go:embed sample/targets.csv sample/marketing.csv sample/sales.csv
var sampleFiles embed.FS

func main() {
	err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "circles:", err)
		os.Exit(1)
	}
}

type config struct {
	targets, marketing, sales                      string
	targetsColumns, marketingColumns, salesColumns string
	svg, upset, regionsDir                         string
	from, to                                       string
	segment                                        string
	maxUnmatched                                   int
	json                                           bool
	// window is the range of touch dates parsed from -from and -to.
	window overlap.Window
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("circles", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: circles [flags]

Prints which target accounts marketing reached, which sales reached, both
and neither. With no file flags it runs on the embedded sample.

-from and -to set a window of touch dates. A row of the marketing or sales
file then counts only when the date in its date column is at or after -from
and before -to, as in overlap.Window, so -from 2026-04-01 -to 2026-07-01 is
the second quarter of 2026. Rows dated outside the window are counted as
outside it, and rows with an empty or invalid date are rejected. The date
column is found by its header (Date, Touch Date, Activity Date, Last
Activity Date, Last Activity, Created Date, Created, Created At), or named
with date=HEADER in -marketing-columns and -sales-columns.

Dates, in these flags and in the files, are ISO 8601:
  2026-03-15                  a date, read as midnight UTC
  2026-03-15T14:30            a date-time without an offset, read as UTC;
  2026-03-15 14:30:05.250     "T" or a space, seconds and fractions optional
  2026-03-15T14:30:05Z        a date-time in UTC
  2026-03-15T14:30:05+02:00   a date-time with a UTC offset, +02:00 or +0200
Other forms, such as 03/15/2026 or 20260315, are rejected.

Flags:
`)
		fs.PrintDefaults()
	}
	fs.StringVar(&c.targets, "targets", "", "CSV `file` of target accounts (default: the embedded sample)")
	fs.StringVar(&c.marketing, "marketing", "", "CSV `file` exported from marketing automation (default: the embedded sample)")
	fs.StringVar(&c.sales, "sales", "", "CSV `file` exported from the CRM (default: the embedded sample)")
	fs.StringVar(&c.targetsColumns, "targets-columns", "", "column `mapping` for the targets file, such as \"id=Account ID,name=Account Name,website=Website\"; roles: id, name, website, email")
	fs.StringVar(&c.marketingColumns, "marketing-columns", "", "column `mapping` for the marketing file, such as \"name=Company,date=Last Activity Date\"; roles: id, name, website, email, date (the touch date)")
	fs.StringVar(&c.salesColumns, "sales-columns", "", "column `mapping` for the sales file (see -marketing-columns)")
	fs.StringVar(&c.from, "from", "", "count only touches dated at or after `date` (see the date formats above); empty leaves the window open at the start")
	fs.StringVar(&c.to, "to", "", "count only touches dated before `date`, which is excluded (see the date formats above); empty leaves the window open at the end")
	fs.StringVar(&c.segment, "segment", "", "targets `column`, such as Region or Tier, to repeat the report for each of its values; an empty value goes into the segment "+noSegmentValue)
	fs.StringVar(&c.svg, "svg", "circles.svg", "`path` of the SVG diagram to write; empty writes none")
	fs.StringVar(&c.upset, "upset", "", "`path` of an SVG UpSet plot of the regions to write; empty writes none")
	fs.StringVar(&c.regionsDir, "regions", "", "`folder` to write one CSV of accounts per region into (both.csv, marketing_only.csv, sales_only.csv, neither.csv)")
	fs.IntVar(&c.maxUnmatched, "max-unmatched", 100, "maximum `number` of rows in each list of unmatched and rejected rows and of rows outside the window; 0 lists all")
	fs.BoolVar(&c.json, "json", false, "print the report as JSON instead of text")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q; all inputs are given with flags (see -h)", fs.Arg(0))
	}
	sample := c.targets == "" && c.marketing == "" && c.sales == ""
	if !sample && (c.targets == "" || c.marketing == "" || c.sales == "") {
		return c, errors.New("give all three of -targets, -marketing and -sales, or none to use the embedded sample")
	}
	if c.maxUnmatched < 0 {
		return c, fmt.Errorf("invalid -max-unmatched %d: expected 0 or more", c.maxUnmatched)
	}
	// Output folders are checked with the flags, so that a mistyped path
	// fails before the report is built and printed.
	for _, out := range []struct{ flag, path string }{{"svg", c.svg}, {"upset", c.upset}} {
		if out.path == "" {
			continue
		}
		dir := filepath.Dir(out.path)
		if info, err := os.Stat(dir); err != nil || !info.IsDir() {
			return c, fmt.Errorf("invalid -%s %q: folder %q does not exist; create it or choose another path", out.flag, out.path, dir)
		}
	}
	var err error
	c.window, err = parseWindow(c.from, c.to)
	return c, err
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	inputs, err := openInputs(cfg)
	if err != nil {
		return err
	}
	rep, err := buildReport(ctx, inputs, reportOptions{window: cfg.window, segment: cfg.segment})
	if err != nil {
		return err
	}
	if cfg.json {
		err = rep.writeJSON(stdout)
	} else {
		err = rep.writeText(stdout, cfg.maxUnmatched)
	}
	if err != nil {
		return err
	}
	return writeOutputFiles(cfg, rep, stdout)
}

// writeOutputFiles writes the diagrams and region files that cfg names.
// With text output, it also prints each path written to stdout.
func writeOutputFiles(cfg config, rep *circlesReport, stdout io.Writer) error {
	if cfg.svg != "" {
		if err := writeFile(cfg.svg, rep.writeSVG); err != nil {
			return err
		}
		if !cfg.json {
			fmt.Fprintf(stdout, "\nWrote the diagram to %s\n", cfg.svg)
		}
	}
	if cfg.upset != "" {
		if err := writeFile(cfg.upset, rep.writeUpSet); err != nil {
			return err
		}
		if !cfg.json {
			if cfg.svg == "" {
				fmt.Fprintln(stdout)
			}
			fmt.Fprintf(stdout, "Wrote the UpSet plot to %s\n", cfg.upset)
		}
	}
	if cfg.regionsDir != "" {
		paths, err := rep.writeRegions(cfg.regionsDir)
		if err != nil {
			return err
		}
		if !cfg.json {
			for _, p := range paths {
				fmt.Fprintf(stdout, "Wrote %s\n", p)
			}
		}
	}
	return nil
}

// input is one of the three files, opened from disk or from the sample.
type input struct {
	path, source, columns string
	open                  func() (io.ReadCloser, error)
}

func openInputs(cfg config) ([]input, error) {
	files := []input{
		{path: cfg.targets, source: "targets", columns: cfg.targetsColumns},
		{path: cfg.marketing, source: "marketing", columns: cfg.marketingColumns},
		{path: cfg.sales, source: "sales", columns: cfg.salesColumns},
	}
	for i := range files {
		f := &files[i]
		if f.path == "" {
			name := "sample/" + f.source + ".csv"
			f.path = name + " (embedded)"
			f.open = func() (io.ReadCloser, error) { return sampleFiles.Open(name) }
			continue
		}
		path := f.path
		f.open = func() (io.ReadCloser, error) { return os.Open(path) }
	}
	return files, nil
}

// writeFile creates path and writes it with write, reporting the first
// error of either.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
