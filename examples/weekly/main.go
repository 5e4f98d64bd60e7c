// Command weekly prints the page that marketing and sales bring to their
// weekly meeting, built from a target account list, both teams'
// touchpoints and the CRM stage changes. For one week it shows how the two
// teams' reach moved since last week and over the quarter, and the
// accounts that changed region. It lists the handoff queue, the accounts
// only sales works with a campaign marketing could run, and the targets
// nobody reached. It ends with the pipeline each team sourced and
// influenced and the handoff latency.
//
// It prints the report as Markdown (or JSON with -json) and writes it as a
// standalone HTML page with inline SVG charts. With no file flags it runs
// on an embedded sample of S&P 500 companies (see sample/README.md).
package main

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"time"
	_ "time/tzdata" // -zone must resolve on machines without a zone database.

	"github.com/accountkit/accountkit/journey"
	"github.com/accountkit/accountkit/overlap"
)

//go:generate go run ./internal/gensample -data ../../testdata -out sample

//go:embed sample/targets.csv sample/touchpoints.csv sample/stages.csv
var sampleFiles embed.FS

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "weekly:", err)
		os.Exit(1)
	}
}

type config struct {
	targets, touches, stages string
	week, zone               string
	htmlPath                 string
	json                     bool
	sla                      time.Duration
	settings                 Settings
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("weekly", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: weekly [flags]

Prints the weekly marketing and sales review as Markdown and writes it as
an HTML page. With no -targets, -touches or -stages it runs on the embedded
sample.

Flags:
`)
		fs.PrintDefaults()
	}
	fs.StringVar(&c.targets, "targets", "", "target list CSV `file` with an account_id column and optional name and segment columns (default: the embedded sample)")
	fs.StringVar(&c.touches, "touches", "", "touchpoint CSV `file` with account_id, timestamp and team columns, as read by journey.ReadTouchpointsCSV (default: the embedded sample)")
	fs.StringVar(&c.stages, "stages", "", "stage change CSV `file` with account_id, stage, timestamp and optional amount columns; without it the pipeline section is empty (default: the embedded sample when no other file is given)")
	fs.StringVar(&c.week, "week", "", "the `week` to report, as an ISO week such as 2026-W48 or any date in it (default: the week of the latest touch or stage change)")
	fs.StringVar(&c.zone, "zone", "UTC", "IANA time `zone` in which weeks start and local timestamps are read")
	fs.StringVar(&c.htmlPath, "html", "weekly.html", "`path` of the HTML page to write; empty writes none")
	fs.BoolVar(&c.json, "json", false, "print the report as JSON instead of Markdown")
	fs.IntVar(&c.settings.ReachDays, "reach-days", 90, "a team reached an account when it touched it in the last `days` before the week's end")
	fs.IntVar(&c.settings.QuarterWeeks, "quarter-weeks", 13, "`weeks` in the quarter's series and unreached list, this week included, 2 to 104")
	fs.Float64Var(&c.settings.EngagementScore, "engagement-score", 10, "total marketing touch `weight` at which an account is engaged and handed to sales (0: the first marketing touch)")
	fs.DurationVar(&c.sla, "sla", 72*time.Hour, "maximum `duration` from marketing engagement to the first sales touch")
	fs.IntVar(&c.settings.LookbackDays, "lookback-days", 90, "pipeline credit counts touches at most this many `days` before the opportunity (0: no limit)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q; all inputs are given with flags (see -h)", fs.Arg(0))
	}
	if (c.targets == "") != (c.touches == "") || (c.stages != "" && c.targets == "") {
		return c, errors.New("give -targets and -touches together, optionally with -stages, or none of them to use the embedded sample")
	}
	s := &c.settings
	switch {
	case s.ReachDays < 1:
		return c, fmt.Errorf("invalid -reach-days %d: expected 1 or more", s.ReachDays)
	case s.QuarterWeeks < 2 || s.QuarterWeeks > 104:
		return c, fmt.Errorf("invalid -quarter-weeks %d: expected 2 to 104", s.QuarterWeeks)
	case s.EngagementScore < 0 || math.IsNaN(s.EngagementScore) || math.IsInf(s.EngagementScore, 0):
		return c, fmt.Errorf("invalid -engagement-score %v: expected a number of 0 or more", s.EngagementScore)
	case c.sla <= 0:
		return c, fmt.Errorf("invalid -sla %v: expected a positive duration such as 72h", c.sla)
	case s.LookbackDays < 0:
		return c, fmt.Errorf("invalid -lookback-days %d: expected 0 or more", s.LookbackDays)
	}
	s.SLAHours = c.sla.Hours()
	return c, nil
}

func run(args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	loc, err := time.LoadLocation(c.zone)
	if err != nil {
		return fmt.Errorf("invalid -zone %q: %w", c.zone, err)
	}
	c.settings.Zone = loc.String()
	targets, touches, stages := sampleSource("targets.csv"), sampleSource("touchpoints.csv"), sampleSource("stages.csv")
	if c.targets != "" {
		targets, touches, stages = fileSource(c.targets), fileSource(c.touches), source{}
		if c.stages != "" {
			stages = fileSource(c.stages)
		}
	}
	in, err := loadInputs(targets, touches, stages, journey.TimeParser{Location: loc})
	if err != nil {
		return err
	}
	week, err := chooseWeek(c.week, in, loc)
	if err != nil {
		return err
	}
	rep, err := buildReport(in, c.settings, week)
	if err != nil {
		return err
	}

	out := bufio.NewWriter(stdout)
	if c.json {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	} else {
		err = writeMarkdown(out, rep)
	}
	if err != nil {
		return err
	}
	if c.htmlPath != "" {
		var page bytes.Buffer
		if err := writeHTML(&page, rep); err != nil {
			return err
		}
		if err := os.WriteFile(c.htmlPath, page.Bytes(), 0o644); err != nil {
			return err
		}
		if !c.json {
			fmt.Fprintf(out, "\nWrote the HTML page to %s\n", c.htmlPath)
		}
	}
	return out.Flush()
}

// chooseWeek parses -week, or picks the week of the latest record.
func chooseWeek(text string, in *inputs, loc *time.Location) (week overlap.Window, err error) {
	if text != "" {
		return parseWeek(text, loc)
	}
	latest := latestInstant(in)
	if latest.IsZero() {
		return week, errNoWeek
	}
	return weekOf(latest.In(loc)), nil
}
