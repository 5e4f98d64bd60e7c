// Command simulate compares ways for marketing and sales to work together
// on a synthetic population of accounts, and walks one persona through a
// scripted scenario of touches.
//
// For each strategy it prints the overlap of both teams' reach with the
// metrics of the overlap package, the engaged accounts, the handoff
// latency and the opportunities, and writes them as an SVG chart. The
// numbers follow from the model's assumptions, which the output lists.
// Without -scenario it walks through an embedded example scenario. Run it
// with -h for the flags.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"text/tabwriter"
	"time"

	"github.com/accountkit/accountkit/journey/simulate"
	"github.com/accountkit/accountkit/overlap"
)

//go:embed scenario.txt
var defaultScenario []byte

type config struct {
	accounts     int
	seed         uint64
	quarters     int
	inMarket     float64
	sla          time.Duration
	scenarioPath string
	role         string
	svgPath      string
	skipStrategy bool
	skipScenario bool
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		fmt.Fprintln(os.Stderr, "simulate:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: simulate [flags]")
		fmt.Fprintln(fs.Output(), "\nCompares three ways for marketing and sales to work together (separate")
		fmt.Fprintln(fs.Output(), "targeting, a shared list, coordinated plays) on synthetic accounts, and")
		fmt.Fprintln(fs.Output(), "walks one persona through a scenario file. Without -scenario it uses an")
		fmt.Fprintln(fs.Output(), "embedded example scenario.\n\nFlags:")
		fs.PrintDefaults()
	}

	fs.IntVar(&c.accounts, "accounts", 10_000, "number of simulated `accounts`")
	fs.Uint64Var(&c.seed, "seed", 1, "random `seed`; the same seed gives the same output")
	fs.IntVar(&c.quarters, "quarters", simulate.DefaultQuarters, "simulated time span in `quarters` of 13 weeks")
	fs.Float64Var(&c.inMarket, "in-market", simulate.DefaultInMarketShare, "`share` of accounts in market at any time, between 0 and 1")
	fs.DurationVar(&c.sla, "sla", simulate.DefaultSLA, "maximum `duration` from a marketing engagement to the sales follow-up in coordinated plays")
	fs.StringVar(&c.scenarioPath, "scenario", "", "scenario `file` to walk a persona through (default: the embedded example)")
	fs.StringVar(&c.role, "role", "", "walk a persona of this `role` instead of the scenario's: economic-buyer, champion, researcher or user")
	fs.StringVar(&c.svgPath, "svg", "simulate.svg", "SVG chart output `file`, empty to skip")
	fs.BoolVar(&c.skipStrategy, "no-strategies", false, "skip the strategy comparison")
	fs.BoolVar(&c.skipScenario, "no-scenario", false, "skip the scenario walk-through")

	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q: all input is given by flags", fs.Arg(0))
	}

	if c.accounts < 1 || c.accounts > simulate.MaxAccounts {
		return c, fmt.Errorf("invalid -accounts %d: must lie in [1, %d]", c.accounts, simulate.MaxAccounts)
	}
	if c.quarters < 1 || c.quarters > simulate.MaxQuarters {
		return c, fmt.Errorf("invalid -quarters %d: must lie in [1, %d]", c.quarters, simulate.MaxQuarters)
	}
	if !(c.inMarket > 0 && c.inMarket < 1) {
		return c, fmt.Errorf("invalid -in-market %v: must lie strictly between 0 and 1", c.inMarket)
	}
	if c.sla <= 0 {
		return c, fmt.Errorf("invalid -sla %v: must be positive", c.sla)
	}
	return c, nil
}

func run(args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	// Read the scenario before the long simulation, so a bad file fails
	// at once.
	scenario, err := loadScenario(&c)
	if err != nil {
		return err
	}
	if !c.skipStrategy {
		if err := compareStrategies(&c, stdout); err != nil {
			return err
		}
	}
	if !c.skipScenario {
		if !c.skipStrategy {
			fmt.Fprintln(stdout)
		}
		if err := walkScenario(&c, scenario, stdout); err != nil {
			return err
		}
	}
	return nil
}

func loadScenario(c *config) (*simulate.Scenario, error) {
	data, name := defaultScenario, "embedded example scenario"
	if c.scenarioPath != "" {
		var err error
		data, err = os.ReadFile(c.scenarioPath)
		if err != nil {
			return nil, fmt.Errorf("reading scenario: %w", err)
		}
		name = c.scenarioPath
	}
	sc, err := simulate.ParseScenario(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if c.role != "" {
		role, err := simulate.ParseRole(c.role)
		if err != nil {
			return nil, fmt.Errorf("invalid -role: %w", err)
		}
		p := simulate.NewPersona(sc.Persona.ID, role)
		p.InMarket = sc.Persona.InMarket
		p.Memory = sc.Persona.Memory
		p.Preferences = sc.Persona.Preferences
		sc.Persona = p
	}
	return sc, nil
}

func compareStrategies(c *config, stdout io.Writer) error {
	var results []*simulate.Summary
	var cfg simulate.Config
	for _, strategy := range simulate.Strategies() {
		cfg = simulate.Config{
			Accounts:      c.accounts,
			Seed:          c.seed,
			Strategy:      strategy,
			Quarters:      c.quarters,
			InMarketShare: c.inMarket,
			SLA:           c.sla,
		}
		r, err := simulate.Run(cfg)
		if err != nil {
			return fmt.Errorf("simulating %s: %w", strategy, err)
		}
		s, err := simulate.Summarize(r)
		if err != nil {
			return fmt.Errorf("summarising %s: %w", strategy, err)
		}
		cfg = r.Config
		results = append(results, s)
	}

	writeAssumptions(stdout, &cfg)
	fmt.Fprintln(stdout)
	if err := writeTable(stdout, results); err != nil {
		return err
	}
	if c.svgPath == "" {
		return nil
	}
	f, err := os.Create(c.svgPath)
	if err != nil {
		return fmt.Errorf("creating chart: %w", err)
	}
	if err := writeChart(f, results, &cfg); err != nil {
		f.Close()
		return fmt.Errorf("writing chart %s: %w", c.svgPath, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing chart %s: %w", c.svgPath, err)
	}
	fmt.Fprintf(stdout, "\nWrote the chart to %s\n", c.svgPath)
	return nil
}

// writeAssumptions lists the model's assumptions, because every number
// below follows from them.
func writeAssumptions(w io.Writer, cfg *simulate.Config) {
	rules := simulate.DefaultRules()
	days := func(d time.Duration) string { return fmt.Sprintf("%g days", d.Hours()/24) }
	lines := []string{
		fmt.Sprintf("%d accounts over %d quarters of 13 weeks from %s, seed %d.", cfg.Accounts, cfg.Quarters, cfg.Start.Format(time.DateOnly), cfg.Seed),
		"Buying group: 1 economic buyer, 1 champion, 0-2 researchers, 1-3 users; each persona's",
		"  responsiveness, channel preferences and memory vary by x0.5 to x1.5 around its role's default.",
		fmt.Sprintf("In market: %.0f%% of accounts at any time, in periods of %s.", 100*cfg.InMarketShare, days(cfg.InMarketDuration)),
		fmt.Sprintf("Marketing targets %.0f%% of accounts and touches each about every %s (45%% ads, 35%% emails,", 100*cfg.MarketingShare, days(cfg.MarketingInterval)),
		"  15% content, 5% events) with one campaign topic and message per quarter.",
		fmt.Sprintf("Sales targets %.0f%% of accounts and touches each about every %s (55%% emails, 40%% calls,", 100*cfg.SalesShare, days(cfg.SalesInterval)),
		"  5% meetings) on a random topic of four; half of its touches carry its own message.",
		"separate: the teams choose targets independently. shared-list: both draw from one list.",
		fmt.Sprintf("coordinated: the shared list, and each marketing engagement starts a play of %d sales touches,", cfg.FollowUps),
		fmt.Sprintf("  the first within the %s SLA, on the engaged topic without a message of sales' own.", formatHours(cfg.SLA)),
		fmt.Sprintf("Engagement rules: out of market x%g, continuity up to x%g, follow-up within %s up to x%g,", rules.OutOfMarket, 1+rules.ContinuityBoost, days(rules.FollowUpWindow), 1+rules.FollowUpBoost),
		fmt.Sprintf("  repetition x%g, contradiction down to x%g, crowding within %s x%g, cold outreach x%g.", rules.Repetition, rules.Contradiction, formatHours(rules.CrowdingGap), rules.Crowding, rules.ColdOutreach),
		fmt.Sprintf("Opportunity: while in market, %d personas engaged within %s, one of them with sales.", cfg.OpportunityContacts, days(cfg.OpportunityWindow)),
		"All rates are assumptions, not fitted to data; compare strategies, do not read the levels as forecasts.",
	}
	fmt.Fprintln(w, "Model assumptions")
	for _, l := range lines {
		fmt.Fprintln(w, "  "+l)
	}
}

func writeTable(w io.Writer, results []*simulate.Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	row := func(label string, cell func(s *simulate.Summary) string) {
		fmt.Fprintf(tw, "%s\t", label)
		for _, r := range results {
			fmt.Fprintf(tw, "%s\t", cell(r))
		}
		fmt.Fprintln(tw)
	}
	metric := func(name string, sets ...string) func(s *simulate.Summary) string {
		return func(s *simulate.Summary) string {
			m, ok := s.Reach.Metric(name, sets...)
			if !ok {
				return "n/a"
			}
			v, ok := m.Value.Value()
			if !ok {
				return "undefined"
			}
			return fmt.Sprintf("%.3f", v)
		}
	}
	setSize := func(name string) func(s *simulate.Summary) string {
		return func(s *simulate.Summary) string {
			for _, set := range s.Reach.Sets {
				if set.Name == name {
					return fmt.Sprint(set.Size)
				}
			}
			return "0"
		}
	}
	m, ms := simulate.SetMarketing, simulate.SetSales

	fmt.Fprintf(tw, "\t")
	for _, r := range results {
		fmt.Fprintf(tw, "%s\t", r.Strategy)
	}
	fmt.Fprintln(tw)
	row("marketing touches", func(s *simulate.Summary) string { return fmt.Sprint(s.MarketingTouches) })
	row("sales touches", func(s *simulate.Summary) string { return fmt.Sprint(s.SalesTouches) })
	row("accounts reached by marketing", setSize(m))
	row("accounts reached by sales", setSize(ms))
	row("reached by both", func(s *simulate.Summary) string {
		region, _ := s.Reach.Region(m, ms)
		return fmt.Sprint(region.Count)
	})
	row(overlap.MetricJaccard+"(marketing,sales)", metric(overlap.MetricJaccard, m, ms))
	row(overlap.MetricOverlapCoefficient+"(marketing,sales)", metric(overlap.MetricOverlapCoefficient, m, ms))
	row(overlap.MetricDice+"(marketing,sales)", metric(overlap.MetricDice, m, ms))
	row(overlap.MetricShare+"(marketing,sales)", metric(overlap.MetricShare, m, ms))
	row(overlap.MetricShare+"(sales,marketing)", metric(overlap.MetricShare, ms, m))
	row(overlap.MetricLift+"(marketing,sales)", metric(overlap.MetricLift, m, ms))
	row(overlap.MetricCoverage+"(marketing,sales)", metric(overlap.MetricCoverage, m, ms))
	row("engaged accounts", func(s *simulate.Summary) string { return fmt.Sprint(s.EngagedAccounts) })
	row("marketing-engaged accounts", func(s *simulate.Summary) string { return fmt.Sprint(s.Handoff.Engaged) })
	row("handed off to sales", func(s *simulate.Summary) string { return fmt.Sprint(s.Handoff.HandedOff) })
	row("handoff latency median", func(s *simulate.Summary) string { return formatLatency(s.Handoff.LatencyMedian, s.Handoff.HandedOff) })
	row("handoff latency p95", func(s *simulate.Summary) string { return formatLatency(s.Handoff.LatencyP95, s.Handoff.HandedOff) })
	row("handoffs within SLA", func(s *simulate.Summary) string { return fmt.Sprint(s.Handoff.SLAMet) })
	row("cold sales touches", func(s *simulate.Summary) string { return fmt.Sprint(s.ColdSalesTouches) })
	row("contradictory touches", func(s *simulate.Summary) string { return fmt.Sprint(s.Contradictions) })
	row("opportunities", func(s *simulate.Summary) string {
		return fmt.Sprintf("%d ± %.0f", s.Opportunities, poissonMargin(s.Opportunities))
	})
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nReach counts accounts a team touched at least once. Lift 1 means the overlap chance predicts.")
	fmt.Fprintln(w, "Handoff latency runs from an account's first marketing engagement to the next sales touch.")
	fmt.Fprintln(w, "shared-list and coordinated differ only after an account's first engagement, so both count")
	fmt.Fprintln(w, "the same engaged accounts.")
	fmt.Fprintln(w, "The ± margin is two Poisson standard errors, 2·sqrt(n), of the opportunity count.")
	return nil
}

// poissonMargin is two standard errors of a Poisson count n.
func poissonMargin(n int) float64 {
	return 2 * math.Sqrt(float64(n))
}

// formatHours writes a duration in hours, such as "48 h".
func formatHours(d time.Duration) string {
	return fmt.Sprintf("%g h", d.Hours())
}

func formatLatency(d time.Duration, n int) string {
	if n == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f h", d.Hours())
}

func walkScenario(c *config, sc *simulate.Scenario, stdout io.Writer) error {
	name := "the embedded example scenario"
	if c.scenarioPath != "" {
		name = c.scenarioPath
	}
	start := time.Date(2026, time.March, 2, 9, 0, 0, 0, time.UTC)
	walk, err := simulate.Walk(&simulate.RuleResponder{}, sc.Persona, sc.Steps, start)
	if err != nil {
		return fmt.Errorf("walking %s: %w", name, err)
	}
	fmt.Fprintf(stdout, "Walk-through of %s with the rule-based responder\n", name)
	fmt.Fprintln(stdout, "(engagement is the expected probability per touch; each earlier touch is remembered")
	fmt.Fprintln(stdout, "in proportion to its engagement probability, halving every memory half-life)")
	fmt.Fprintln(stdout)
	return walk.WriteText(stdout)
}
