package journey

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// JourneyStages names the stages of a StageModel that end a journey and
// mark its milestones. Empty names leave the milestone absent.
type JourneyStages struct {
	// Conversion is the stage whose first entry converts the journey,
	// such as "opportunity" for pipeline or "won" for revenue.
	Conversion string
	// LeadCreated, OpportunityCreated and ClosedWon are the stages whose
	// first entries set the milestones of the same names.
	LeadCreated, OpportunityCreated, ClosedWon string
}

// DefaultJourneyStages returns the stage names of DefaultStageModel for
// pipeline attribution: conversion at opportunity, lead creation at MQA,
// opportunity creation at opportunity and closed won at won.
func DefaultJourneyStages() JourneyStages {
	return JourneyStages{Conversion: "opportunity", LeadCreated: "MQA", OpportunityCreated: "opportunity", ClosedWon: "won"}
}

// NewJourney builds an account's journey from its timeline and stage
// history. The boolean is false when the account never entered the
// conversion stage, and the journey then covers every touch. A nil
// timeline gives an empty journey.
func NewJourney(tl *Timeline, h *StageHistory, value float64, stages JourneyStages) (Journey, bool) {
	if tl == nil {
		return Journey{Value: value}, false
	}
	j := Journey{ID: tl.AccountID, Touches: tl.Touches, Value: value}
	if h == nil {
		return j, false
	}
	j.LeadCreatedAt = firstEntry(h, stages.LeadCreated)
	j.OpportunityCreatedAt = firstEntry(h, stages.OpportunityCreated)
	j.ClosedWonAt = firstEntry(h, stages.ClosedWon)
	j.ConvertedAt = firstEntry(h, stages.Conversion)
	return j, !j.ConvertedAt.IsZero()
}

// firstEntry returns when the history first entered stage, or zero.
func firstEntry(h *StageHistory, stage string) time.Time {
	if stage == "" {
		return time.Time{}
	}
	for _, p := range h.Periods {
		if strings.EqualFold(p.Stage, stage) {
			return p.Entered
		}
	}
	return time.Time{}
}

// Path returns the channels of the journey's touches up to ConvertedAt,
// or of all its touches when ConvertedAt is zero, as a path for the
// data-driven models. The path carries the journey's value only when
// converted is true. Touches without a channel count as "(none)".
func (j *Journey) Path(converted bool) Path {
	touches := windowTouches(j, 0)
	p := Path{Converted: converted, Value: j.Value, Channels: make([]string, 0, len(touches))}
	if !converted {
		p.Value = 0
	}
	for _, t := range touches {
		channel := t.Channel
		if channel == "" {
			channel = "(none)"
		}
		p.Channels = append(p.Channels, channel)
	}
	return p
}

// WriteAccounts writes one line per account that needs attention: those
// that missed the SLA or are still waiting for sales, had silences, or
// got sales outreach before any marketing touch. Accounts keep the
// report's order.
func (r *HandoffReport) WriteAccounts(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s %-10s %-10s %-16s %-8s %8s %5s %6s\n", "account", "first", "engaged", "latency", "SLA", "silences", "cold", "passes")
	for i := range r.Accounts {
		a := &r.Accounts[i]
		if a.SLA != SLAMissed && !a.Waiting && len(a.Silences) == 0 && a.ColdOutreach == 0 {
			continue
		}
		engaged, latency := "-", "-"
		if !a.EngagedAt.IsZero() {
			engaged = a.EngagedAt.UTC().Format(time.DateOnly)
		}
		switch {
		case a.Waiting && a.Waited > 0:
			latency = "waiting " + formatDuration(a.Waited)
		case a.Waiting:
			latency = "waiting"
		case !a.HandoffAt.IsZero():
			latency = formatDuration(a.Latency)
		}
		first := "-"
		if a.FirstTeam.Valid() {
			first = a.FirstTeam.String()
		}
		fmt.Fprintf(&b, "%-16s %-10s %-10s %-16s %-8s %8d %5d %6d\n", a.AccountID, first, engaged, latency, a.SLA, len(a.Silences), a.ColdOutreach, a.Passes)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
