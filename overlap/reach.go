package overlap

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Touch is one interaction of a team with an account, such as an ad
// impression, an e-mail click or a sales call.
type Touch struct {
	Account string    `json:"account"`
	Team    string    `json:"team"`
	Channel string    `json:"channel"`
	Time    time.Time `json:"time"`
	// Weight is the engagement the touch is worth, for example minutes. It
	// must be finite and not negative.
	Weight float64 `json:"weight"`
	// Record optionally names the source record behind the touch. Sets built
	// by ReachedSets then link the record to the account, so reports list
	// it and flag accounts with several records.
	Record string `json:"record,omitempty"`
}

// Window is the half-open time interval [Start, End). A zero Start or End
// leaves that side open.
type Window struct {
	Start time.Time `json:"start,omitzero"`
	End   time.Time `json:"end,omitzero"`
}

// Contains reports whether t lies in the window.
func (w Window) Contains(t time.Time) bool {
	return (w.Start.IsZero() || !t.Before(w.Start)) && (w.End.IsZero() || t.Before(w.End))
}

// Intersect returns the window covered by both w and other.
func (w Window) Intersect(other Window) Window {
	out := w
	if out.Start.IsZero() || other.Start.After(out.Start) {
		out.Start = other.Start
	}
	if out.End.IsZero() || (!other.End.IsZero() && other.End.Before(out.End)) {
		out.End = other.End
	}
	return out
}

// String formats the window as "2026-01-01T00:00:00Z to 2026-04-01T00:00:00Z",
// with "open" for a missing side, or "all time".
func (w Window) String() string {
	if w.Start.IsZero() && w.End.IsZero() {
		return "all time"
	}
	side := func(t time.Time) string {
		if t.IsZero() {
			return "open"
		}
		return t.Format(time.RFC3339)
	}
	return side(w.Start) + " to " + side(w.End)
}

// Reach is a rule that decides which accounts a team has reached. Only the
// team's touches in the window and the allowed channels count. An account is
// reached when its counted touches number at least MinTouches, weigh at
// least MinWeight in total, and pass Predicate if one is set.
type Reach struct {
	// Name is the set name in reports. Empty means Team.
	Name string
	Team string
	// Channels lists the channels that count. Empty means every channel.
	Channels []string
	// ExcludeChannels lists channels that never count.
	ExcludeChannels []string
	Window          Window
	// MinTouches is the minimum number of counted touches. Values below 1
	// mean 1.
	MinTouches int
	// MinWeight is the minimum total weight of counted touches.
	MinWeight float64
	// Predicate is an optional extra rule. It gets the account's counted
	// touches sorted by time, channel and record, and never an empty list.
	Predicate func(account string, touches []Touch) bool
	// PredicateName describes Predicate in reports, such as "a demo
	// request". Empty means "a custom rule".
	PredicateName string
}

// AnyTouch returns the broadest rule: one touch of the team in any channel
// at any time reaches the account.
func AnyTouch(team string) Reach {
	return Reach{Team: team, MinTouches: 1}
}

// AtLeastTouches returns the rule that n touches of the team in any channel
// reach the account.
func AtLeastTouches(team string, n int) Reach {
	return Reach{Team: team, MinTouches: n}
}

// AtLeastWeight returns the rule that touches of the team with a total
// weight of at least weight reach the account, for example ten minutes of
// engagement when weights are minutes.
func AtLeastWeight(team string, weight float64) Reach {
	return Reach{Team: team, MinTouches: 1, MinWeight: weight}
}

// Within returns a copy of the rule that counts only touches inside both
// its own window and w.
func (d Reach) Within(w Window) Reach {
	d.Window = d.Window.Intersect(w)
	return d
}

// SetName returns Name, or Team when Name is empty.
func (d Reach) SetName() string {
	if d.Name != "" {
		return d.Name
	}
	return d.Team
}

// String describes the rule, such as "team marketing, at least 3 touches
// with total weight at least 10, channels email or webinar, 2026-01-01T00:00:00Z
// to open".
func (d Reach) String() string {
	parts := []string{"team " + d.Team}
	count := "at least " + strconv.Itoa(max(d.MinTouches, 1)) + " touch"
	if max(d.MinTouches, 1) > 1 {
		count += "es"
	}
	if d.MinWeight > 0 {
		count += " with total weight at least " + formatNumber(d.MinWeight)
	}
	parts = append(parts, count)
	if len(d.Channels) > 0 {
		parts = append(parts, "channels "+strings.Join(sortedCopy(d.Channels), " or "))
	}
	if len(d.ExcludeChannels) > 0 {
		parts = append(parts, "excluding "+strings.Join(sortedCopy(d.ExcludeChannels), " and "))
	}
	if d.Predicate != nil {
		name := d.PredicateName
		if name == "" {
			name = "a custom rule"
		}
		parts = append(parts, "passing "+name)
	}
	parts = append(parts, d.Window.String())
	return strings.Join(parts, ", ")
}

func sortedCopy(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func (d Reach) validate() error {
	if d.Team == "" {
		return fmt.Errorf("overlap: reach rule %q has an empty Team; set the team whose touches count", d.SetName())
	}
	if err := validateSetName(d.SetName()); err != nil {
		return err
	}
	if d.MinWeight < 0 || math.IsNaN(d.MinWeight) || math.IsInf(d.MinWeight, 0) {
		return fmt.Errorf("overlap: reach rule %q has MinWeight %v; it must be finite and not negative", d.SetName(), d.MinWeight)
	}
	if !d.Window.Start.IsZero() && !d.Window.End.IsZero() && !d.Window.Start.Before(d.Window.End) {
		return fmt.Errorf("overlap: reach rule %q has an empty window %s; Start must be before End", d.SetName(), d.Window)
	}
	return nil
}

func (d Reach) counts(t Touch) bool {
	if t.Team != d.Team || !d.Window.Contains(t.Time) {
		return false
	}
	if len(d.Channels) > 0 && !slices.Contains(d.Channels, t.Channel) {
		return false
	}
	return !slices.Contains(d.ExcludeChannels, t.Channel)
}

func validateTouches(touches []Touch) error {
	for i, t := range touches {
		if t.Account == "" {
			return fmt.Errorf("overlap: touch %d has an empty account ID", i)
		}
		if t.Team == "" {
			return fmt.Errorf("overlap: touch %d on account %q has an empty team", i, t.Account)
		}
		if t.Weight < 0 || math.IsNaN(t.Weight) || math.IsInf(t.Weight, 0) {
			return fmt.Errorf("overlap: touch %d on account %q has weight %v; weights must be finite and not negative", i, t.Account, t.Weight)
		}
	}
	return nil
}

// compareTouches orders touches by time, then channel, record, team and
// weight, so rules see the same order whatever the input order.
func compareTouches(a, b Touch) int {
	if c := a.Time.Compare(b.Time); c != 0 {
		return c
	}
	if c := strings.Compare(a.Channel, b.Channel); c != 0 {
		return c
	}
	if c := strings.Compare(a.Record, b.Record); c != 0 {
		return c
	}
	if c := strings.Compare(a.Team, b.Team); c != 0 {
		return c
	}
	switch {
	case a.Weight < b.Weight:
		return -1
	case a.Weight > b.Weight:
		return 1
	}
	return strings.Compare(a.Account, b.Account)
}

// ReachedSets builds one Set per rule from touches. A set's members are the
// accounts the rule reached, sorted, and touches with a Record add a link
// from that record to the account.
func ReachedSets(touches []Touch, rules ...Reach) ([]Set, error) {
	if len(rules) == 0 {
		return nil, errors.New("overlap: no reach rule given; pass at least one Reach")
	}
	for _, d := range rules {
		if err := d.validate(); err != nil {
			return nil, err
		}
	}
	if err := validateTouches(touches); err != nil {
		return nil, err
	}
	sets := make([]Set, len(rules))
	for i, d := range rules {
		byAccount := map[string][]Touch{}
		for _, t := range touches {
			if d.counts(t) {
				byAccount[t.Account] = append(byAccount[t.Account], t)
			}
		}
		set := Set{Name: d.SetName(), Members: []string{}}
		for _, account := range sortedKeys(byAccount) {
			counted := byAccount[account]
			slices.SortFunc(counted, compareTouches)
			if !d.reached(account, counted) {
				continue
			}
			set.Members = append(set.Members, account)
			for _, t := range counted {
				if t.Record != "" {
					set.Links = append(set.Links, Link{Record: t.Record, Account: account})
				}
			}
		}
		sets[i] = set
	}
	return sets, nil
}

// reached applies the thresholds and predicate to one account's counted
// touches, which are sorted.
func (d Reach) reached(account string, counted []Touch) bool {
	if len(counted) < max(d.MinTouches, 1) {
		return false
	}
	total := 0.0
	for _, t := range counted {
		total += t.Weight
	}
	if total < d.MinWeight {
		return false
	}
	return d.Predicate == nil || d.Predicate(account, counted)
}

// RuleSummary names the reach rule behind one set of a report.
type RuleSummary struct {
	Set  string `json:"set"`
	Rule string `json:"rule"`
}

// ComputeReach builds sets from touches with ReachedSets and returns their
// report over universe, with each set's rule in Report.Rules.
func ComputeReach(universe []string, touches []Touch, rules ...Reach) (*Report, error) {
	sets, err := ReachedSets(touches, rules...)
	if err != nil {
		return nil, err
	}
	report, err := Compute(universe, sets...)
	if err != nil {
		return nil, err
	}
	report.Rules = ruleSummaries(rules)
	return report, nil
}

func ruleSummaries(rules []Reach) []RuleSummary {
	out := make([]RuleSummary, len(rules))
	for i, d := range rules {
		out[i] = RuleSummary{Set: d.SetName(), Rule: d.String()}
	}
	slices.SortFunc(out, func(a, b RuleSummary) int { return strings.Compare(a.Set, b.Set) })
	return out
}
