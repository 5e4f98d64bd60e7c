package simulate

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/accountkit/accountkit/journey"
	"github.com/accountkit/accountkit/overlap"
)

// Set names of the overlap report in a Summary.
const (
	SetMarketing = "marketing"
	SetSales     = "sales"
)

// Summary is the outcome of a run in the measures of the journey and
// overlap packages.
type Summary struct {
	// Strategy is the run's strategy.
	Strategy Strategy
	// Accounts is the number of accounts.
	Accounts int
	// InMarketAccounts counts accounts that were in market at some time.
	InMarketAccounts int
	// MarketingTouches and SalesTouches count each team's touches.
	MarketingTouches int
	SalesTouches     int
	// Reach is the overlap of the accounts each team touched at least
	// once, over all accounts, with the sets SetMarketing and SetSales.
	Reach *overlap.Report
	// EngagedAccounts counts accounts in which any persona engaged with
	// any touch.
	EngagedAccounts int
	// Handoff is the handoff report with an EngagementScore of 1, so an
	// account is engaged at its first marketing engagement, the run's
	// SLA, and AsOf at the end of the run.
	Handoff journey.HandoffReport
	// Opportunities counts opportunities, and OpportunityAccounts the
	// accounts with at least one.
	Opportunities       int
	OpportunityAccounts int
	// ColdSalesTouches counts sales touches with the cold outreach reason,
	// and Contradictions the touches with the contradiction reason.
	ColdSalesTouches int
	Contradictions   int
}

// Summarize measures a run: the overlap of both teams' reach with
// overlap.Compute, and the handoff with journey.AnalyzeHandoffs on the
// run's touchpoints.
func Summarize(r *Result) (*Summary, error) {
	if r == nil {
		return nil, errors.New("nil result")
	}
	s := &Summary{Strategy: r.Config.Strategy, Accounts: len(r.Accounts)}
	universe := make([]string, len(r.Accounts))
	var marketing, sales []string
	for i := range r.Accounts {
		a := &r.Accounts[i]
		universe[i] = a.ID
		if len(a.InMarket) > 0 {
			s.InMarketAccounts++
		}
		s.MarketingTouches += a.MarketingTouches
		s.SalesTouches += a.SalesTouches
		if a.MarketingTouches > 0 {
			marketing = append(marketing, a.ID)
		}
		if a.SalesTouches > 0 {
			sales = append(sales, a.ID)
		}
		if a.Engagements > 0 {
			s.EngagedAccounts++
		}
		s.ColdSalesTouches += a.ColdSalesTouches
		s.Contradictions += a.Contradictions
	}
	reach, err := overlap.Compute(universe, overlap.Set{Name: SetMarketing, Members: marketing}, overlap.Set{Name: SetSales, Members: sales})
	if err != nil {
		return nil, fmt.Errorf("computing reach overlap: %w", err)
	}
	s.Reach = reach

	timelines, err := journey.BuildTimelines(r.Touchpoints, journey.TimelineOptions{})
	if err != nil {
		return nil, fmt.Errorf("building timelines: %w", err)
	}
	s.Handoff, err = journey.AnalyzeHandoffs(timelines, journey.HandoffOptions{EngagementScore: 1, SLA: r.Config.SLA, AsOf: r.End})
	if err != nil {
		return nil, fmt.Errorf("analysing handoff: %w", err)
	}

	s.Opportunities = len(r.Opportunities)
	for i, o := range r.Opportunities {
		if i == 0 || r.Opportunities[i-1].AccountID != o.AccountID {
			s.OpportunityAccounts++
		}
	}
	return s, nil
}

// Metric returns the value of a reach metric such as "lift", or 0 and
// false when it is undefined.
func (s *Summary) Metric(name string) (float64, bool) {
	m, ok := s.Reach.Metric(name, SetMarketing, SetSales)
	if !ok {
		return 0, false
	}
	return m.Value.Value()
}

// WriteText writes the summary as aligned text, one figure per line.
func (s *Summary) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(label, format string, args ...any) {
		fmt.Fprintf(tw, "%s\t"+format+"\n", append([]any{label}, args...)...)
	}

	line("strategy", "%s", s.Strategy)
	line("accounts", "%d (%d in market at some time)", s.Accounts, s.InMarketAccounts)
	line("touches", "%d marketing, %d sales", s.MarketingTouches, s.SalesTouches)

	mSize, sSize := 0, 0
	for _, set := range s.Reach.Sets {
		switch set.Name {
		case SetMarketing:
			mSize = set.Size
		case SetSales:
			sSize = set.Size
		}
	}
	line("reach", "%d marketing, %d sales, %d both", mSize, sSize, s.Reach.UnionSize-countOnly(s.Reach, SetMarketing)-countOnly(s.Reach, SetSales))
	for _, name := range []string{overlap.MetricJaccard, overlap.MetricLift} {
		m, _ := s.Reach.Metric(name, SetMarketing, SetSales)
		line(m.Key(), "%s", m.Value)
	}
	share, _ := s.Reach.Metric(overlap.MetricShare, SetMarketing, SetSales)
	line(share.Key(), "%s", share.Value)

	line("engaged accounts", "%d", s.EngagedAccounts)
	line("handed off", "%d of %d marketing-engaged", s.Handoff.HandedOff, s.Handoff.Engaged)
	line("handoff latency", "median %s, p95 %s", s.Handoff.LatencyMedian.Round(time.Minute), s.Handoff.LatencyP95.Round(time.Minute))
	line("opportunities", "%d on %d accounts", s.Opportunities, s.OpportunityAccounts)
	line("cold sales touches", "%d", s.ColdSalesTouches)
	line("contradictions", "%d", s.Contradictions)
	return tw.Flush()
}

func countOnly(r *overlap.Report, set string) int {
	region, _ := r.Region(set)
	return region.Count
}
