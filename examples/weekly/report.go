package main

import (
	"time"

	"github.com/accountkit/accountkit/journey"
	"github.com/accountkit/accountkit/overlap"
)

// Report is the weekly review of one week. Markdown, HTML and JSON are all
// written from it, and the same inputs, settings and week give the same
// value.
type Report struct {
	// Week is the ISO week, such as "2026-W48", and Window its Monday to
	// Monday span. Every figure is as of Window.End.
	Week     string         `json:"week"`
	Window   overlap.Window `json:"window"`
	Settings Settings       `json:"settings"`
	Inputs   InputSummary   `json:"inputs"`
	Circles  Circles        `json:"circles"`
	// Changes are the target accounts whose region differs from last
	// week's, in the order of changeKinds and then by account.
	Changes []RegionChange `json:"changes"`
	// HandoffQueue lists the accounts marketing engaged that sales has
	// not touched within the SLA, oldest engagement first.
	HandoffQueue []QueuedAccount `json:"handoff_queue"`
	// SalesOnly lists the target accounts sales worked in the reach
	// window that marketing never reached, sorted by account.
	SalesOnly []SalesOnlyAccount `json:"sales_only"`
	// Unreached lists the target accounts that neither team touched in
	// the quarter, sorted by account.
	Unreached []UnreachedAccount `json:"unreached"`
	Pipeline  Pipeline           `json:"pipeline"`
	Handoff   HandoffTrend       `json:"handoff"`
}

// Settings are the rules behind the numbers, printed with the report so
// that readers know what "reached" and "engaged" mean.
type Settings struct {
	// ReachDays is the trailing window in days in which one touch of a
	// team counts as that team reaching the account.
	ReachDays int `json:"reach_days"`
	// QuarterWeeks is the number of weeks, this week included, that make
	// up the quarter of the series and of the unreached list.
	QuarterWeeks int `json:"quarter_weeks"`
	// EngagementScore is the total marketing touch weight at which an
	// account counts as engaged and is handed to sales.
	EngagementScore float64 `json:"engagement_score"`
	// SLAHours is the time sales has to touch an engaged account.
	SLAHours float64 `json:"sla_hours"`
	// LookbackDays limits pipeline credit to touches at most this many
	// days before the opportunity was created. Zero means no limit.
	LookbackDays int `json:"lookback_days"`
	// Zone is the IANA zone in which weeks start on Monday at 00:00.
	Zone string `json:"zone"`
}

// InputSummary describes the exports the report was built from.
type InputSummary struct {
	TargetsSource string `json:"targets_source"`
	TouchesSource string `json:"touches_source"`
	StagesSource  string `json:"stages_source,omitempty"`
	Targets       int    `json:"targets"`
	// Touches counts the touches on target accounts up to the week's end.
	Touches int `json:"touches"`
	// OutsideTouches counts touches up to the week's end on accounts that
	// are not targets, and OutsideAccounts lists those accounts, sorted.
	OutsideTouches  int      `json:"outside_touches"`
	OutsideAccounts []string `json:"outside_accounts"`
	// LaterTouches and LaterStages count records after the week's end,
	// which the report leaves out.
	LaterTouches int `json:"later_touches"`
	LaterStages  int `json:"later_stages"`
}

// Circles is the overlap of the two teams' reach this week, last week and
// every week of the quarter.
type Circles struct {
	// ThisWeek and LastWeek are the full overlap reports, with members.
	ThisWeek *overlap.Report `json:"this_week"`
	LastWeek *overlap.Report `json:"last_week"`
	// Series has one point per week of the quarter, oldest first, so its
	// last point is this week.
	Series []CirclesPoint `json:"series"`
}

// CirclesPoint is the overlap as of the end of one week.
type CirclesPoint struct {
	Week string `json:"week"`
	// Reach is the trailing window whose touches count.
	Reach         overlap.Window `json:"reach"`
	Marketing     int            `json:"marketing"`
	Sales         int            `json:"sales"`
	Both          int            `json:"both"`
	MarketingOnly int            `json:"marketing_only"`
	SalesOnly     int            `json:"sales_only"`
	Neither       int            `json:"neither"`
	// Jaccard is jaccard(marketing,sales) and Lift is lift(marketing,sales),
	// the intersection over its size if the teams picked accounts
	// independently.
	Jaccard overlap.Ratio `json:"jaccard"`
	Lift    overlap.Ratio `json:"lift"`
	// MarketingInSales is share(marketing,sales), the share of
	// marketing's accounts that sales also reached, and SalesInMarketing
	// the reverse.
	MarketingInSales overlap.Ratio `json:"marketing_in_sales"`
	SalesInMarketing overlap.Ratio `json:"sales_in_marketing"`
	// Coverage is coverage(marketing,sales), the share of targets that
	// either team reached.
	Coverage overlap.Ratio `json:"coverage"`
}

// RegionChange is a target account whose region changed since last week.
type RegionChange struct {
	// Change is one of changeKinds, such as "newly reached by both".
	Change  string `json:"change"`
	Account string `json:"account"`
	Name    string `json:"name"`
	Segment string `json:"segment"`
	// From and To are regions: "both", "marketing only", "sales only" or
	// "neither".
	From string `json:"from"`
	To   string `json:"to"`
}

// QueuedAccount is an engaged account that waits for sales past the SLA.
type QueuedAccount struct {
	Account   string    `json:"account"`
	Name      string    `json:"name"`
	Segment   string    `json:"segment"`
	EngagedAt time.Time `json:"engaged_at"`
	// WaitedHours is the time from engagement to the week's end.
	WaitedHours float64 `json:"waited_hours"`
	// Qualifying is the marketing touch that lifted the account's score to
	// the engagement score.
	Qualifying journey.Touchpoint `json:"qualifying"`
	// Score is the marketing score at engagement and MarketingTouches the
	// number of marketing touches that built it.
	Score            float64 `json:"score"`
	MarketingTouches int     `json:"marketing_touches"`
	// LastSales is sales' last touch before engagement, if any.
	LastSales overlap.LastTouch `json:"last_sales"`
}

// SalesOnlyAccount is a target account sales works that marketing never
// reached, with a campaign marketing could run for it.
type SalesOnlyAccount struct {
	Account    string            `json:"account"`
	Name       string            `json:"name"`
	Segment    string            `json:"segment"`
	LastSales  overlap.LastTouch `json:"last_sales"`
	Suggestion Suggestion        `json:"suggestion"`
}

// Suggestion is the marketing campaign with the most pipeline credit among
// opportunities of the account's segment, or of all segments when the
// segment has none.
type Suggestion struct {
	// Campaign is empty when no campaign has pipeline credit.
	Campaign string `json:"campaign,omitempty"`
	// Channel is the campaign's most common channel.
	Channel string `json:"channel,omitempty"`
	// Scope is the segment the credit was summed over, or "all segments".
	Scope string `json:"scope,omitempty"`
	// Credit is the campaign's linear-attribution credit in Scope, and
	// Opportunities the number of opportunities it touched there.
	Credit        float64 `json:"credit"`
	Opportunities int     `json:"opportunities"`
}

// UnreachedAccount is a target account that neither team touched in the
// quarter, with each team's last touch before it.
type UnreachedAccount struct {
	Account       string            `json:"account"`
	Name          string            `json:"name"`
	Segment       string            `json:"segment"`
	LastMarketing overlap.LastTouch `json:"last_marketing"`
	LastSales     overlap.LastTouch `json:"last_sales"`
}

// Pipeline is the pipeline each team sourced and influenced, over
// opportunities created in the quarter, this week and last week.
type Pipeline struct {
	// HasStages is false when no stage file was given, and then every
	// window is empty.
	HasStages bool           `json:"has_stages"`
	Quarter   PipelineWindow `json:"quarter"`
	ThisWeek  PipelineWindow `json:"this_week"`
	LastWeek  PipelineWindow `json:"last_week"`
}

// PipelineWindow is the pipeline of opportunities created in one window.
type PipelineWindow struct {
	Window        overlap.Window `json:"window"`
	Opportunities int            `json:"opportunities"`
	Total         float64        `json:"total"`
	// Teams follow journey.Teams: marketing, then sales.
	Teams []journey.TeamPipeline `json:"teams"`
	// Unsourced is the value of opportunities with no touch in the
	// lookback window, which no team sourced.
	Unsourced float64 `json:"unsourced"`
}

// HandoffTrend is the marketing-to-sales handoff per week of the quarter.
type HandoffTrend struct {
	ThisWeek HandoffWeek `json:"this_week"`
	LastWeek HandoffWeek `json:"last_week"`
	// Series has one entry per week of the quarter, oldest first.
	Series []HandoffWeek `json:"series"`
}

// HandoffWeek is the handoffs made in one week and the queue at its end.
type HandoffWeek struct {
	Week string `json:"week"`
	// HandedOff counts engaged accounts whose first sales touch after
	// engagement fell in the week.
	HandedOff int `json:"handed_off"`
	// MedianLatencyHours and P95LatencyHours are over those handoffs, and
	// null when there were none.
	MedianLatencyHours *float64 `json:"median_latency_hours"`
	P95LatencyHours    *float64 `json:"p95_latency_hours"`
	SLAMet             int      `json:"sla_met"`
	SLAMissed          int      `json:"sla_missed"`
	// Queue counts engaged accounts still waiting past the SLA at the
	// week's end, and WaitingWithinSLA those still inside it.
	Queue            int `json:"queue"`
	WaitingWithinSLA int `json:"waiting_within_sla"`
}
