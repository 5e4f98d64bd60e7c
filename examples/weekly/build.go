package main

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/accountkit/accountkit/journey"
	"github.com/accountkit/accountkit/overlap"
)

// Set names in overlap reports. They match the journey team names, so a
// journey touch converts to an overlap touch without a lookup.
const (
	marketingSet = "marketing"
	salesSet     = "sales"
)

// builder contains the inputs of one report, cut at the end of the week.
type builder struct {
	settings Settings
	week     overlap.Window
	// weeks are the quarter's weeks, oldest first, ending with week.
	weeks    []overlap.Window
	universe []string
	targets  map[string]target
	// touches are the journey touches on target accounts before the
	// week's end, and reach the overlap touches on any account before it.
	touches []journey.Touchpoint
	reach   []overlap.Touch
	stages  []journey.StageEvent
	amounts map[string]float64
}

// buildReport computes the weekly report of week from the inputs.
func buildReport(in *inputs, s Settings, week overlap.Window) (*Report, error) {
	if s.QuarterWeeks < 2 {
		return nil, fmt.Errorf("invalid quarter of %d weeks: the report compares with last week, so it needs at least 2", s.QuarterWeeks)
	}
	b := &builder{settings: s, week: week, targets: map[string]target{}, amounts: in.amounts}
	rep := &Report{
		Week: weekLabel(week), Window: week, Settings: s,
		Inputs: InputSummary{
			TargetsSource: in.targetsSource, TouchesSource: in.touchesSource, StagesSource: in.stagesSource,
			Targets: len(in.targets), OutsideAccounts: []string{},
		},
	}
	for i := s.QuarterWeeks - 1; i >= 0; i-- {
		start := week.Start.AddDate(0, 0, -7*i)
		b.weeks = append(b.weeks, overlap.Window{Start: start, End: start.AddDate(0, 0, 7)})
	}
	for _, t := range in.targets {
		b.universe = append(b.universe, t.ID)
		b.targets[t.ID] = t
	}
	b.splitInputs(in, &rep.Inputs)

	var err error
	if rep.Circles, err = b.circles(); err != nil {
		return nil, err
	}
	rep.Changes = b.changes(rep.Circles.LastWeek, rep.Circles.ThisWeek)
	if rep.HandoffQueue, rep.Handoff, err = b.handoff(); err != nil {
		return nil, err
	}
	journeys, err := b.journeys()
	if err != nil {
		return nil, err
	}
	if rep.Pipeline, err = b.pipeline(journeys, in.stagesSource != ""); err != nil {
		return nil, err
	}
	if rep.SalesOnly, err = b.salesOnly(journeys); err != nil {
		return nil, err
	}
	if rep.Unreached, err = b.unreached(); err != nil {
		return nil, err
	}
	return rep, nil
}

// splitInputs keeps the records before the week's end and counts the rest
// and the touches on accounts outside the target list.
func (b *builder) splitInputs(in *inputs, summary *InputSummary) {
	outside := map[string]bool{}
	for _, t := range in.touches {
		if !t.Time.Before(b.week.End) {
			summary.LaterTouches++
			continue
		}
		b.reach = append(b.reach, overlap.Touch{Account: t.AccountID, Team: t.Team.String(), Channel: t.Channel, Time: t.Time, Weight: t.Score()})
		if _, ok := b.targets[t.AccountID]; !ok {
			summary.OutsideTouches++
			outside[t.AccountID] = true
			continue
		}
		b.touches = append(b.touches, t)
	}
	summary.Touches = len(b.touches)
	for account := range outside {
		summary.OutsideAccounts = append(summary.OutsideAccounts, account)
	}
	slices.Sort(summary.OutsideAccounts)
	for _, e := range in.stages {
		if !e.Time.Before(b.week.End) {
			summary.LaterStages++
			continue
		}
		if _, ok := b.targets[e.AccountID]; ok {
			b.stages = append(b.stages, e)
		}
	}
}

// reachRules returns the rules that count one touch of a team in the
// reach window that ends at end.
func (b *builder) reachRules(end time.Time) []overlap.Reach {
	window := overlap.Window{Start: end.AddDate(0, 0, -b.settings.ReachDays), End: end}
	return []overlap.Reach{overlap.AnyTouch(marketingSet).Within(window), overlap.AnyTouch(salesSet).Within(window)}
}

// circles computes the overlap as of the end of every week of the quarter.
// overlap.ComputeSeries counts only the touches inside each week, so a
// trailing reach window needs one ComputeReach call per week instead.
func (b *builder) circles() (Circles, error) {
	var c Circles
	for i, w := range b.weeks {
		r, err := overlap.ComputeReach(b.universe, b.reach, b.reachRules(w.End)...)
		if err != nil {
			return c, fmt.Errorf("overlap of week %s: %w", weekLabel(w), err)
		}
		c.Series = append(c.Series, circlesPoint(weekLabel(w), r))
		switch i {
		case len(b.weeks) - 2:
			c.LastWeek = r
		case len(b.weeks) - 1:
			c.ThisWeek = r
		}
	}
	return c, nil
}

func circlesPoint(week string, r *overlap.Report) CirclesPoint {
	p := CirclesPoint{Week: week, Neither: r.Universe.Size - r.UnionSize}
	for _, s := range r.Sets {
		switch s.Name {
		case marketingSet:
			p.Marketing = s.Size
		case salesSet:
			p.Sales = s.Size
		}
	}
	if region, ok := r.Region(marketingSet, salesSet); ok {
		p.Both = region.Count
	}
	if region, ok := r.Region(marketingSet); ok {
		p.MarketingOnly = region.Count
	}
	if region, ok := r.Region(salesSet); ok {
		p.SalesOnly = region.Count
	}
	metric := func(name string, sets ...string) overlap.Ratio {
		m, _ := r.Metric(name, sets...)
		return m.Value
	}
	p.Jaccard = metric(overlap.MetricJaccard, marketingSet, salesSet)
	p.Lift = metric(overlap.MetricLift, marketingSet, salesSet)
	p.MarketingInSales = metric(overlap.MetricShare, marketingSet, salesSet)
	p.SalesInMarketing = metric(overlap.MetricShare, salesSet, marketingSet)
	p.Coverage = metric(overlap.MetricCoverage, marketingSet, salesSet)
	return p
}

// Region names in RegionChange.
const (
	regionBoth          = "both"
	regionMarketingOnly = "marketing only"
	regionSalesOnly     = "sales only"
	regionNeither       = "neither"
)

// changeKinds are the kinds of RegionChange in report order.
var changeKinds = []string{
	"newly reached by both",
	"dropped by marketing",
	"dropped by sales",
	"dropped by both",
	"newly reached by marketing",
	"newly reached by sales",
}

// regionOf maps each universe account to its region name.
func regionOf(r *overlap.Report) map[string]string {
	out := map[string]string{}
	for _, region := range r.Regions {
		name := regionNeither
		switch {
		case len(region.Sets) == 2:
			name = regionBoth
		case len(region.Sets) == 1 && region.Sets[0] == marketingSet:
			name = regionMarketingOnly
		case len(region.Sets) == 1:
			name = regionSalesOnly
		}
		for _, account := range region.Members {
			out[account] = name
		}
	}
	return out
}

// changes lists the accounts whose region differs between the two reports.
func (b *builder) changes(last, this *overlap.Report) []RegionChange {
	before, after := regionOf(last), regionOf(this)
	out := []RegionChange{}
	for _, account := range b.universe {
		from, to := before[account], after[account]
		if from == to {
			continue
		}
		t := b.targets[account]
		out = append(out, RegionChange{Change: changeKind(from, to), Account: account, Name: t.Name, Segment: t.Segment, From: from, To: to})
	}
	slices.SortStableFunc(out, func(x, y RegionChange) int {
		if c := slices.Index(changeKinds, x.Change) - slices.Index(changeKinds, y.Change); c != 0 {
			return c
		}
		return compareStrings(x.Account, y.Account)
	})
	return out
}

// changeKind names a move between two different regions. A move from one
// team's region to the other's is named by the team that dropped the
// account, because that is the loss to act on.
func changeKind(from, to string) string {
	hasMarketing := func(r string) bool { return r == regionBoth || r == regionMarketingOnly }
	hasSales := func(r string) bool { return r == regionBoth || r == regionSalesOnly }
	lostMarketing := hasMarketing(from) && !hasMarketing(to)
	lostSales := hasSales(from) && !hasSales(to)
	switch {
	case to == regionBoth:
		return changeKinds[0]
	case lostMarketing && lostSales:
		return changeKinds[3]
	case lostMarketing:
		return changeKinds[1]
	case lostSales:
		return changeKinds[2]
	case to == regionMarketingOnly:
		return changeKinds[4]
	default:
		return changeKinds[5]
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// timelinesAt builds the target accounts' timelines from touches before end.
func (b *builder) timelinesAt(end time.Time) ([]journey.Timeline, error) {
	var touches []journey.Touchpoint
	for _, t := range b.touches {
		if t.Time.Before(end) {
			touches = append(touches, t)
		}
	}
	return journey.BuildTimelines(touches, journey.TimelineOptions{})
}

func (b *builder) handoffOptions(asOf time.Time) journey.HandoffOptions {
	return journey.HandoffOptions{
		EngagementScore: b.settings.EngagementScore,
		SLA:             time.Duration(b.settings.SLAHours * float64(time.Hour)),
		AsOf:            asOf,
	}
}

// handoff builds this week's queue and each week's handoff figures.
func (b *builder) handoff() ([]QueuedAccount, HandoffTrend, error) {
	var trend HandoffTrend
	var queue []QueuedAccount
	for i, w := range b.weeks {
		timelines, err := b.timelinesAt(w.End)
		if err != nil {
			return nil, trend, err
		}
		opts := b.handoffOptions(w.End)
		all, err := journey.AnalyzeHandoffs(timelines, opts)
		if err != nil {
			return nil, trend, fmt.Errorf("handoff as of %s: %w", w.End.Format(time.RFC3339), err)
		}
		week, err := handoffWeek(weekLabel(w), w, timelines, all, opts)
		if err != nil {
			return nil, trend, err
		}
		trend.Series = append(trend.Series, week)
		if i == len(b.weeks)-1 {
			queue = b.queue(timelines, all)
		}
	}
	n := len(trend.Series)
	trend.ThisWeek, trend.LastWeek = trend.Series[n-1], trend.Series[n-2]
	return queue, trend, nil
}

// handoffWeek sums up the handoffs made in w. It runs AnalyzeHandoffs
// again on the accounts handed off in w, so the median and 95th
// percentile are the journey package's.
func handoffWeek(label string, w overlap.Window, timelines []journey.Timeline, all journey.HandoffReport, opts journey.HandoffOptions) (HandoffWeek, error) {
	out := HandoffWeek{Week: label}
	var handed []journey.Timeline
	for i, a := range all.Accounts {
		if !a.HandoffAt.IsZero() && w.Contains(a.HandoffAt) {
			handed = append(handed, timelines[i])
		}
		if a.Waiting && a.SLA == journey.SLAMissed {
			out.Queue++
		} else if a.Waiting {
			out.WaitingWithinSLA++
		}
	}
	if len(handed) == 0 {
		return out, nil
	}
	sub, err := journey.AnalyzeHandoffs(handed, opts)
	if err != nil {
		return out, fmt.Errorf("handoffs in week %s: %w", label, err)
	}
	median, p95 := sub.LatencyMedian.Hours(), sub.LatencyP95.Hours()
	out.HandedOff, out.SLAMet, out.SLAMissed = sub.HandedOff, sub.SLAMet, sub.SLAMissed
	out.MedianLatencyHours, out.P95LatencyHours = &median, &p95
	return out, nil
}

// queue lists the accounts waiting for sales past the SLA, oldest
// engagement first.
func (b *builder) queue(timelines []journey.Timeline, all journey.HandoffReport) []QueuedAccount {
	out := []QueuedAccount{}
	for i, a := range all.Accounts {
		if !a.Waiting || a.SLA != journey.SLAMissed {
			continue
		}
		t := b.targets[a.AccountID]
		item := QueuedAccount{
			Account: a.AccountID, Name: t.Name, Segment: t.Segment,
			EngagedAt: a.EngagedAt, WaitedHours: a.Waited.Hours(),
			LastSales: overlap.LastTouch{Team: salesSet},
		}
		for _, touch := range timelines[i].Touches {
			if touch.Time.After(a.EngagedAt) {
				break
			}
			if touch.Team == journey.Sales {
				item.LastSales = overlap.LastTouch{Team: salesSet, Touched: true, Time: touch.Time, Channel: touch.Channel}
				continue
			}
			if item.Score >= b.settings.EngagementScore && item.MarketingTouches > 0 {
				continue
			}
			item.Score += touch.Score()
			item.MarketingTouches++
			item.Qualifying = touch
		}
		out = append(out, item)
	}
	slices.SortStableFunc(out, func(x, y QueuedAccount) int {
		if c := x.EngagedAt.Compare(y.EngagedAt); c != 0 {
			return c
		}
		return compareStrings(x.Account, y.Account)
	})
	return out
}

// converted is an opportunity: a journey that reached the conversion
// stage, with the segment of its account.
type converted struct {
	journey journey.Journey
	segment string
}

// journeys builds the opportunity journeys from the stage changes and
// touches before the week's end, sorted by account.
func (b *builder) journeys() ([]converted, error) {
	timelines, err := b.timelinesAt(b.week.End)
	if err != nil {
		return nil, err
	}
	timelineOf := map[string]*journey.Timeline{}
	for i := range timelines {
		timelineOf[timelines[i].AccountID] = &timelines[i]
	}
	events := map[string][]journey.StageEvent{}
	for _, e := range b.stages {
		events[e.AccountID] = append(events[e.AccountID], e)
	}
	model := journey.DefaultStageModel()
	var out []converted
	for _, account := range b.universe {
		list := events[account]
		if len(list) == 0 {
			continue
		}
		history, err := model.History(account, list, timelineOf[account])
		if err != nil {
			return nil, fmt.Errorf("stages of account %q: %w", account, err)
		}
		j, ok := journey.NewJourney(timelineOf[account], &history, b.amounts[account], journey.DefaultJourneyStages())
		if ok {
			out = append(out, converted{journey: j, segment: b.targets[account].Segment})
		}
	}
	return out, nil
}

func (b *builder) attributionOptions() journey.AttributionOptions {
	return journey.AttributionOptions{Lookback: time.Duration(b.settings.LookbackDays) * 24 * time.Hour}
}

// pipeline sums pipeline by team over the opportunities created in the
// quarter, this week and last week.
func (b *builder) pipeline(all []converted, hasStages bool) (Pipeline, error) {
	p := Pipeline{HasStages: hasStages}
	windows := []struct {
		into   *PipelineWindow
		window overlap.Window
	}{
		{&p.Quarter, overlap.Window{Start: b.weeks[0].Start, End: b.week.End}},
		{&p.ThisWeek, b.week},
		{&p.LastWeek, b.weeks[len(b.weeks)-2]},
	}
	for _, w := range windows {
		var journeys []journey.Journey
		for _, c := range all {
			if w.window.Contains(c.journey.ConvertedAt) {
				journeys = append(journeys, c.journey)
			}
		}
		teams, err := journey.PipelineByTeam(journeys, b.attributionOptions())
		if err != nil {
			return p, fmt.Errorf("pipeline of %s: %w", w.window, err)
		}
		out := PipelineWindow{Window: w.window, Opportunities: len(journeys), Teams: teams}
		for _, j := range journeys {
			out.Total += j.Value
		}
		out.Unsourced = out.Total
		for _, t := range teams {
			out.Unsourced -= t.Sourced
		}
		// Subtracting float sums leaves rounding noise where every
		// opportunity was sourced.
		if out.Unsourced < 1e-9*max(1, out.Total) {
			out.Unsourced = 0
		}
		*w.into = out
	}
	return p, nil
}

// errNoWeek is returned when there is no data to pick a default week from.
var errNoWeek = errors.New("the touchpoints and stages have no timestamps, so there is no default week; set -week")
