package main

import (
	"fmt"
	"slices"

	"github.com/accountkit/accountkit/journey"
	"github.com/accountkit/accountkit/overlap"
)

// allSegments is the Suggestion.Scope of credit summed over every segment.
const allSegments = "all segments"

// salesOnly lists the target accounts sales worked in the reach window
// that marketing never reached, each with a campaign suggestion.
func (b *builder) salesOnly(journeys []converted) ([]SalesOnlyAccount, error) {
	window := overlap.Window{Start: b.week.End.AddDate(0, 0, -b.settings.ReachDays), End: b.week.End}
	lists, err := overlap.ComputeActions(b.universe, b.reach, overlap.ActionOptions{
		Marketing: overlap.AnyTouch(marketingSet),
		Sales:     overlap.AnyTouch(salesSet).Within(window),
		Now:       b.week.End,
	})
	if err != nil {
		return nil, fmt.Errorf("sales-only accounts: %w", err)
	}
	credit, err := b.campaignCredit(journeys)
	if err != nil {
		return nil, err
	}
	channels := b.campaignChannels()
	out := []SalesOnlyAccount{}
	for _, item := range lists.ForMarketing {
		t := b.targets[item.Account]
		s := credit[t.Segment]
		if s.Campaign == "" {
			s = credit[allSegments]
		}
		s.Channel = channels[s.Campaign]
		out = append(out, SalesOnlyAccount{Account: item.Account, Name: t.Name, Segment: t.Segment, LastSales: item.LastTouches[1], Suggestion: s})
	}
	return out, nil
}

// campaignCredit returns, per segment and for allSegments, the marketing
// campaign with the most linear-attribution credit over the opportunities
// created up to the week's end. Linear credit rewards every campaign on
// the path, which suits a question about what to run, not what closed.
func (b *builder) campaignCredit(journeys []converted) (map[string]Suggestion, error) {
	bySegment := map[string][]journey.Attribution{}
	for _, c := range journeys {
		a, err := journey.Attribute(c.journey, journey.Linear{}, b.attributionOptions())
		if err != nil {
			return nil, fmt.Errorf("attribution of opportunity %q: %w", c.journey.ID, err)
		}
		bySegment[c.segment] = append(bySegment[c.segment], a)
		bySegment[allSegments] = append(bySegment[allSegments], a)
	}
	out := map[string]Suggestion{}
	for segment, attributions := range bySegment {
		for _, row := range journey.Rollup(attributions, marketingCampaign) {
			// Rows are sorted by value, highest first, so the first named
			// campaign is the best. The empty key holds sales touches and
			// marketing touches without a campaign.
			if row.Key == "" || row.Value <= 0 {
				continue
			}
			out[segment] = Suggestion{Campaign: row.Key, Scope: segment, Credit: row.Value, Opportunities: opportunitiesTouched(attributions, row.Key)}
			break
		}
	}
	return out, nil
}

// marketingCampaign is a journey.Rollup key: the campaign of a marketing
// touch, and "" for every other touch.
func marketingCampaign(t *journey.Touchpoint) string {
	if t.Team != journey.Marketing {
		return ""
	}
	return t.Campaign
}

func opportunitiesTouched(attributions []journey.Attribution, campaign string) int {
	n := 0
	for _, a := range attributions {
		if slices.ContainsFunc(a.Credits, func(c journey.Credit) bool {
			return c.Value > 0 && marketingCampaign(&c.Touch) == campaign
		}) {
			n++
		}
	}
	return n
}

// campaignChannels maps each campaign to the channel most of its touches
// used, the alphabetically first on a tie.
func (b *builder) campaignChannels() map[string]string {
	counts := map[string]map[string]int{}
	for _, t := range b.touches {
		if campaign := marketingCampaign(&t); campaign != "" {
			if counts[campaign] == nil {
				counts[campaign] = map[string]int{}
			}
			counts[campaign][t.Channel]++
		}
	}
	out := map[string]string{}
	for campaign, byChannel := range counts {
		best := ""
		for channel, n := range byChannel {
			if best == "" || n > byChannel[best] || (n == byChannel[best] && channel < best) {
				best = channel
			}
		}
		out[campaign] = best
	}
	return out
}

// unreached lists the target accounts neither team touched in the quarter.
func (b *builder) unreached() ([]UnreachedAccount, error) {
	quarter := overlap.Window{Start: b.weeks[0].Start, End: b.week.End}
	lists, err := overlap.ComputeActions(b.universe, b.reach, overlap.ActionOptions{
		Marketing: overlap.AnyTouch(marketingSet).Within(quarter),
		Sales:     overlap.AnyTouch(salesSet).Within(quarter),
		Now:       b.week.End,
	})
	if err != nil {
		return nil, fmt.Errorf("unreached accounts: %w", err)
	}
	out := []UnreachedAccount{}
	for _, item := range lists.Unreached {
		t := b.targets[item.Account]
		out = append(out, UnreachedAccount{Account: item.Account, Name: t.Name, Segment: t.Segment, LastMarketing: item.LastTouches[0], LastSales: item.LastTouches[1]})
	}
	return out, nil
}
