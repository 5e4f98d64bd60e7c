// Command journey reads marketing and sales touchpoints from CSV, prints
// the handoff report, the stage funnel and a comparison of attribution
// models, and writes an SVG timeline of one account.
//
// Without flags it uses an embedded sample. Run it with -h for the flags.
package main

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // The sample uses IANA zones, which must resolve on any machine.

	"github.com/accountkit/accountkit/journey"
)

//go:embed sample_touchpoints.csv
var sampleTouchpoints []byte

//go:embed sample_stages.csv
var sampleStages []byte

type config struct {
	touchesPath  string
	stagesPath   string
	zone         string
	dateOrder    string
	sla          time.Duration
	engagement   float64
	silenceDays  int
	lookbackDays int
	dedup        time.Duration
	markovOrder  int
	asOf         string
	account      string
	svgPath      string
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "journey:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("journey", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: journey [flags]")
		fmt.Fprintln(fs.Output(), "\nPrints the marketing-to-sales handoff report, the stage funnel and an")
		fmt.Fprintln(fs.Output(), "attribution model comparison, and writes an SVG timeline of one account.")
		fmt.Fprintln(fs.Output(), "Without -touches it uses an embedded sample.\n\nFlags:")
		fs.PrintDefaults()
	}

	fs.StringVar(&c.touchesPath, "touches", "", "touchpoint CSV `file` with account_id, timestamp and team columns (default: embedded sample)")
	fs.StringVar(&c.stagesPath, "stages", "", "stage CSV `file` with account_id, stage, timestamp and optional timezone and amount columns (default: embedded sample when -touches is not set)")
	fs.StringVar(&c.zone, "zone", "UTC", "IANA `zone` for timestamps without offset or timezone column")
	fs.StringVar(&c.dateOrder, "date-order", "auto", "day/month order of numeric dates: auto, day or month")
	fs.DurationVar(&c.sla, "sla", 72*time.Hour, "maximum `duration` from marketing engagement to the first sales touch")
	fs.Float64Var(&c.engagement, "engagement-score", 5, "total marketing touch `score` at which an account counts as engaged (0: first marketing touch)")
	fs.IntVar(&c.silenceDays, "silence-days", 14, "report stretches of at least this many `days` with no touch on an engaged account")
	fs.IntVar(&c.lookbackDays, "lookback-days", 90, "attribution lookback window in `days` before opportunity creation (0: no limit)")
	fs.DurationVar(&c.dedup, "dedup-window", 5*time.Minute, "merge the same touch from two systems when this `duration` apart or less (0: off)")
	fs.IntVar(&c.markovOrder, "markov-order", 1, "`order` of the Markov chain for removal effects, 1 to 4")
	fs.StringVar(&c.asOf, "as-of", "", "report `instant` in RFC 3339 (default: the latest touch or stage change)")
	fs.StringVar(&c.account, "account", "", "account `ID` to draw (default: the account with the most touches)")
	fs.StringVar(&c.svgPath, "svg", "journey.svg", "SVG output `file`, empty to skip")

	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q: all input is given by flags", fs.Arg(0))
	}
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
	parser := journey.TimeParser{Location: loc}
	switch c.dateOrder {
	case "auto":
	case "day":
		parser.DateOrder = journey.DayFirst
	case "month":
		parser.DateOrder = journey.MonthFirst
	default:
		return fmt.Errorf("invalid -date-order %q: expected auto, day or month", c.dateOrder)
	}

	touchData, stageData, err := loadInputs(&c)
	if err != nil {
		return err
	}
	touches, notes, err := journey.ReadTouchpointsCSVWithNotes(bytes.NewReader(touchData), journey.CSVOptions{Parser: parser})
	if err != nil {
		return fmt.Errorf("reading touchpoints: %w", err)
	}
	for _, n := range notes {
		rule := "did not exist (clocks went forward), moved forward"
		if n.Parsed.Ambiguous {
			rule = "occurred twice (clocks went back), took the first"
		}
		fmt.Fprintf(stderr, "journey: line %d: local time %q %s: %s\n", n.Line, n.Value, rule, n.Parsed.Time.Format(time.RFC3339))
	}
	timelines, err := journey.BuildTimelines(touches, journey.TimelineOptions{DuplicateWindow: c.dedup})
	if err != nil {
		return err
	}
	events, amounts, err := readStages(stageData, parser)
	if err != nil {
		return fmt.Errorf("reading stages: %w", err)
	}
	asOf, err := reportInstant(c.asOf, timelines, events)
	if err != nil {
		return err
	}

	report, err := journey.AnalyzeHandoffs(timelines, journey.HandoffOptions{
		EngagementScore: c.engagement,
		SLA:             c.sla,
		Silence:         time.Duration(c.silenceDays) * 24 * time.Hour,
		AsOf:            asOf,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Handoff report as of %s (%d touches, %d accounts)\n\n", asOf.UTC().Format(time.RFC3339), len(touches), len(timelines))
	if err := report.WriteText(stdout); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\nAccounts that need attention")
	if err := report.WriteAccounts(stdout); err != nil {
		return err
	}

	model := journey.DefaultStageModel()
	histories, err := buildHistories(model, timelines, events)
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "\nFunnel shared by both teams")
	writeFunnel(stdout, model.Funnel(historyList(histories)))

	if err := writeAttribution(stdout, &c, timelines, histories, amounts); err != nil {
		return err
	}
	return writeSVG(stdout, &c, timelines, histories, &report, asOf)
}

func loadInputs(c *config) ([]byte, []byte, error) {
	if c.touchesPath == "" {
		stages := sampleStages
		if c.stagesPath != "" {
			data, err := os.ReadFile(c.stagesPath)
			if err != nil {
				return nil, nil, err
			}
			stages = data
		}
		return sampleTouchpoints, stages, nil
	}
	touches, err := os.ReadFile(c.touchesPath)
	if err != nil {
		return nil, nil, err
	}
	if c.stagesPath == "" {
		return touches, nil, nil
	}
	stages, err := os.ReadFile(c.stagesPath)
	if err != nil {
		return nil, nil, err
	}
	return touches, stages, nil
}

// readStages reads stage events and each account's opportunity amount.
func readStages(data []byte, parser journey.TimeParser) ([]journey.StageEvent, map[string]float64, error) {
	amounts := make(map[string]float64)
	if data == nil {
		return nil, amounts, nil
	}
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, nil, err
	}
	if len(records) == 0 {
		return nil, amounts, nil
	}

	column := make(map[string]int)
	for i, name := range records[0] {
		column[strings.ToLower(strings.TrimSpace(name))] = i
	}
	for _, required := range []string{"account_id", "stage", "timestamp"} {
		if _, ok := column[required]; !ok {
			return nil, nil, fmt.Errorf("header has no %s column", required)
		}
	}
	get := func(record []string, name string) string {
		i, ok := column[name]
		if !ok || i >= len(record) {
			return ""
		}
		return strings.TrimSpace(record[i])
	}

	if parser.DateOrder == journey.DateOrderUnknown {
		column := make([]string, 0, len(records)-1)
		for _, record := range records[1:] {
			column = append(column, get(record, "timestamp"))
		}
		order, err := journey.InferDateOrder(column)
		if err != nil {
			return nil, nil, fmt.Errorf("column timestamp: %w", err)
		}
		parser.DateOrder = order
	}

	var events []journey.StageEvent
	for line, record := range records[1:] {
		loc := parser.Location
		if zone := get(record, "timezone"); zone != "" {
			if loc, err = time.LoadLocation(zone); err != nil {
				return nil, nil, fmt.Errorf("line %d: unknown zone %q", line+2, zone)
			}
		}
		parsed, err := parser.ParseIn(get(record, "timestamp"), loc)
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", line+2, err)
		}
		account := get(record, "account_id")
		events = append(events, journey.StageEvent{AccountID: account, Stage: get(record, "stage"), Time: parsed.Time})
		if amount := get(record, "amount"); amount != "" {
			v, err := strconv.ParseFloat(amount, 64)
			if err != nil {
				return nil, nil, fmt.Errorf("line %d: invalid amount %q", line+2, amount)
			}
			amounts[account] = v
		}
	}
	return events, amounts, nil
}

// reportInstant parses -as-of, or returns the latest instant in the data.
func reportInstant(text string, timelines []journey.Timeline, events []journey.StageEvent) (time.Time, error) {
	if text != "" {
		t, err := time.Parse(time.RFC3339, text)
		if err != nil {
			return time.Time{}, fmt.Errorf("invalid -as-of %q: expected RFC 3339 such as 2024-06-01T00:00:00Z", text)
		}
		return t, nil
	}
	var latest time.Time
	for _, tl := range timelines {
		if n := len(tl.Touches); n > 0 && tl.Touches[n-1].Time.After(latest) {
			latest = tl.Touches[n-1].Time
		}
	}
	for _, e := range events {
		if e.Time.After(latest) {
			latest = e.Time
		}
	}
	return latest, nil
}

func buildHistories(model journey.StageModel, timelines []journey.Timeline, events []journey.StageEvent) (map[string]journey.StageHistory, error) {
	byAccount := make(map[string][]journey.StageEvent)
	for _, e := range events {
		byAccount[e.AccountID] = append(byAccount[e.AccountID], e)
	}
	timelineOf := make(map[string]*journey.Timeline)
	for i := range timelines {
		timelineOf[timelines[i].AccountID] = &timelines[i]
	}
	histories := make(map[string]journey.StageHistory)
	for account, list := range byAccount {
		h, err := model.History(account, list, timelineOf[account])
		if err != nil {
			return nil, err
		}
		histories[account] = h
	}
	return histories, nil
}

func historyList(histories map[string]journey.StageHistory) []journey.StageHistory {
	accounts := make([]string, 0, len(histories))
	for a := range histories {
		accounts = append(accounts, a)
	}
	slices.Sort(accounts)
	list := make([]journey.StageHistory, len(accounts))
	for i, a := range accounts {
		list[i] = histories[a]
	}
	return list
}

func writeFunnel(w io.Writer, steps []journey.FunnelStep) {
	fmt.Fprintf(w, "%-12s %7s %7s %7s %8s %12s %14s\n", "stage", "reached", "entered", "skipped", "to next", "median stay", "after mkt/sales")
	for i, s := range steps {
		next := "-"
		if i+1 < len(steps) {
			next = fmt.Sprintf("%.0f%%", 100*s.Conversion)
		}
		fmt.Fprintf(w, "%-12s %7d %7d %7d %8s %12s %14s\n", s.Stage, s.Reached, s.Entered, s.Skipped,
			next, days(s.MedianTime), fmt.Sprintf("%d/%d", s.EnteredAfterMarketing, s.EnteredAfterSales))
	}
}

// days prints a duration in days with one decimal, or "-" for zero.
func days(d time.Duration) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1fd", d.Hours()/24)
}

func writeAttribution(w io.Writer, c *config, timelines []journey.Timeline, histories map[string]journey.StageHistory, amounts map[string]float64) error {
	var journeys []journey.Journey
	var paths []journey.Path
	for i := range timelines {
		tl := &timelines[i]
		var history *journey.StageHistory
		if h, ok := histories[tl.AccountID]; ok {
			history = &h
		}
		j, converted := journey.NewJourney(tl, history, amounts[tl.AccountID], journey.DefaultJourneyStages())
		paths = append(paths, j.Path(converted))
		if converted {
			journeys = append(journeys, j)
		}
	}
	if len(journeys) == 0 {
		fmt.Fprintln(w, "\nNo account reached the opportunity stage, so there is nothing to attribute.")
		return nil
	}

	markov, err := journey.MarkovRemovalEffects(paths, journey.MarkovOptions{Order: c.markovOrder})
	if err != nil {
		return err
	}
	shapley, err := journey.ShapleyValues(paths, journey.ShapleyOptions{})
	if err != nil {
		return err
	}
	custom, err := journey.NewPositionBased(0.3, 0.3)
	if err != nil {
		return err
	}
	models := []journey.Model{
		journey.FirstTouch{}, journey.LastTouch{}, journey.LastNonDirect{}, journey.Linear{},
		journey.TimeDecay{HalfLife: 7 * 24 * time.Hour}, journey.UShaped(), custom,
		journey.LeadUShaped(), journey.WShaped(), markov.Model(), shapley.Model(),
	}
	opts := journey.AttributionOptions{Lookback: time.Duration(c.lookbackDays) * 24 * time.Hour}
	comparison, err := journey.Compare(journeys, models, journey.ByChannel, opts)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nPipeline credit by channel over %d opportunities\n\n", len(journeys))
	if err := writeTransposed(w, &comparison); err != nil {
		return err
	}

	byTeam, err := journey.Compare(journeys, models, journey.ByTeam, opts)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nPipeline credit by team")
	if err := writeTransposed(w, &byTeam); err != nil {
		return err
	}
	pipeline, err := journey.PipelineByTeam(journeys, opts)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nPipeline sourced and influenced")
	for _, p := range pipeline {
		fmt.Fprintf(w, "%-10s sourced %10.2f (%d)  influenced %10.2f (%d)\n", p.Team, p.Sourced, p.SourcedCount, p.Influenced, p.InfluencedCount)
	}

	fmt.Fprintf(w, "\nMarkov removal effects, order %d, exact (conversion probability %.4f)\n", markov.Order, markov.ConversionProbability)
	for _, e := range markov.Channels {
		fmt.Fprintf(w, "%-12s removal effect %.4f  conversions %.3f\n", e.Channel, e.RemovalEffect, e.Conversions)
	}
	return nil
}

// writeTransposed prints one row per model and one column per group,
// which fits a terminal better when there are many models.
func writeTransposed(w io.Writer, c *journey.Comparison) error {
	width := 10
	for _, row := range c.Rows {
		width = max(width, len(row.Key)+1)
	}
	nameWidth := 0
	for _, m := range c.Models {
		nameWidth = max(nameWidth, len(m))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s", nameWidth, "model")
	for _, row := range c.Rows {
		key := row.Key
		if key == "" {
			key = "(none)"
		}
		fmt.Fprintf(&b, " %*s", width, key)
	}
	b.WriteString("\n")
	for mi, m := range c.Models {
		fmt.Fprintf(&b, "%-*s", nameWidth, m)
		for _, row := range c.Rows {
			fmt.Fprintf(&b, " %*.0f", width, row.Values[mi])
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeSVG(w io.Writer, c *config, timelines []journey.Timeline, histories map[string]journey.StageHistory, report *journey.HandoffReport, asOf time.Time) error {
	if c.svgPath == "" || len(timelines) == 0 {
		return nil
	}
	chosen := -1
	for i, tl := range timelines {
		switch {
		case c.account != "" && tl.AccountID == c.account:
			chosen = i
		case c.account == "" && (chosen < 0 || len(tl.Touches) > len(timelines[chosen].Touches)):
			chosen = i
		}
	}
	if chosen < 0 {
		return fmt.Errorf("account %q not found in the touchpoints", c.account)
	}
	tl := &timelines[chosen]
	opts := journey.SVGOptions{Silences: report.Accounts[chosen].Silences, AsOf: asOf}
	if h, ok := histories[tl.AccountID]; ok {
		opts.History = &h
	}
	var b bytes.Buffer
	if err := journey.WriteSVG(&b, tl, opts); err != nil {
		return err
	}
	if err := os.WriteFile(c.svgPath, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nWrote the timeline of account %s to %s\n", tl.AccountID, c.svgPath)
	return nil
}
