package journey

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// HandoffOptions configures AnalyzeHandoff and AnalyzeHandoffs. The zero
// value counts an account as engaged at its first marketing touch, checks
// no SLA, reports no silences and leaves open waits unmeasured.
type HandoffOptions struct {
	// EngagementScore is the total marketing touch Score at which an
	// account counts as engaged. Zero means engaged at the first
	// marketing touch.
	EngagementScore float64
	// SLA is the maximum time sales may take to touch an engaged account.
	// Zero means no SLA is checked.
	SLA time.Duration
	// Silence is the minimum length of a reported silence: a stretch in
	// which neither team touched an engaged account. Zero means no
	// silences are reported.
	Silence time.Duration
	// AsOf is the instant of the report. Waits and silences still open at
	// AsOf are measured up to it. Zero means open waits and silences are
	// not measured.
	AsOf time.Time
}

func (o *HandoffOptions) validate() error {
	switch {
	case o.EngagementScore < 0 || math.IsNaN(o.EngagementScore) || math.IsInf(o.EngagementScore, 0):
		return fmt.Errorf("journey: invalid engagement score %v: must be a finite number >= 0", o.EngagementScore)
	case o.SLA < 0:
		return fmt.Errorf("journey: invalid SLA %v: must be >= 0", o.SLA)
	case o.Silence < 0:
		return fmt.Errorf("journey: invalid silence threshold %v: must be >= 0", o.Silence)
	}
	return nil
}

// SLAStatus is the outcome of an account's handoff against the SLA.
type SLAStatus uint8

const (
	// SLANotApplicable means no SLA was set or the account never engaged.
	SLANotApplicable SLAStatus = iota
	// SLAMet means sales touched the engaged account within the SLA.
	SLAMet
	// SLAMissed means sales touched the account after the SLA ran out,
	// or had not touched it when the SLA ran out before AsOf.
	SLAMissed
	// SLAPending means sales has not touched the account yet but the SLA
	// had not run out at AsOf, or AsOf was not set.
	SLAPending
)

// String returns "n/a", "met", "missed" or "pending".
func (s SLAStatus) String() string {
	switch s {
	case SLAMet:
		return "met"
	case SLAMissed:
		return "missed"
	case SLAPending:
		return "pending"
	}
	return "n/a"
}

// MarshalText encodes the status as its String form.
func (s SLAStatus) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText decodes "n/a", "met", "missed" or "pending".
func (s *SLAStatus) UnmarshalText(text []byte) error {
	for _, status := range []SLAStatus{SLANotApplicable, SLAMet, SLAMissed, SLAPending} {
		if string(text) == status.String() {
			*s = status
			return nil
		}
	}
	return fmt.Errorf("journey: invalid SLA status %q: expected n/a, met, missed or pending", text)
}

// Silence is a stretch in which neither team touched an engaged account.
type Silence struct {
	// Start is the instant of the touch before the silence.
	Start time.Time `json:"start"`
	// End is the instant of the touch that ended the silence, or AsOf for
	// a silence still open.
	End time.Time `json:"end"`
	// Open is true when no touch ended the silence before AsOf.
	Open bool `json:"open,omitempty"`
}

// Duration returns End minus Start.
func (s Silence) Duration() time.Duration { return s.End.Sub(s.Start) }

// AccountHandoff is the handoff between marketing and sales for one
// account.
type AccountHandoff struct {
	// AccountID identifies the account.
	AccountID string `json:"account_id"`
	// FirstMarketing and FirstSales are the instants of each team's
	// first touch, zero when the team never touched the account.
	FirstMarketing time.Time `json:"first_marketing"`
	FirstSales     time.Time `json:"first_sales"`
	// FirstTeam is the team that touched the account first, zero for an
	// empty timeline.
	FirstTeam Team `json:"first_team,omitempty"`
	// EngagedAt is the instant marketing engagement reached
	// HandoffOptions.EngagementScore, zero if it never did.
	EngagedAt time.Time `json:"engaged_at"`
	// HandoffAt is the first sales touch at or after EngagedAt, zero if
	// there is none.
	HandoffAt time.Time `json:"handoff_at"`
	// Latency is HandoffAt minus EngagedAt, set when both are.
	Latency time.Duration `json:"latency"`
	// Waiting is true for an engaged account that sales has not touched
	// since engagement.
	Waiting bool `json:"waiting,omitempty"`
	// Waited is AsOf minus EngagedAt for a waiting account when AsOf is
	// set, else zero.
	Waited time.Duration `json:"waited,omitempty"`
	// SLA is the handoff's outcome against HandoffOptions.SLA.
	SLA SLAStatus `json:"sla"`
	// Silences are the stretches after engagement, at least
	// HandoffOptions.Silence long, in which neither team touched the
	// account.
	Silences []Silence `json:"silences,omitempty"`
	// ColdOutreach counts sales touches that came before any marketing
	// touch.
	ColdOutreach int `json:"cold_outreach"`
	// Passes counts how often consecutive touches switch team, that is
	// how often the lead passed between marketing and sales.
	Passes int `json:"passes"`
}

// AnalyzeHandoff measures the handoff between marketing and sales on one
// account's timeline.
func AnalyzeHandoff(tl *Timeline, opts HandoffOptions) (AccountHandoff, error) {
	if tl == nil {
		return AccountHandoff{}, fmt.Errorf("journey: missing timeline for AnalyzeHandoff")
	}
	if err := opts.validate(); err != nil {
		return AccountHandoff{}, err
	}
	return analyzeHandoff(tl, &opts), nil
}

func analyzeHandoff(tl *Timeline, opts *HandoffOptions) AccountHandoff {
	h := AccountHandoff{AccountID: tl.AccountID}
	if len(tl.Touches) == 0 {
		return h
	}
	h.FirstTeam = tl.Touches[0].Team

	score := 0.0
	engagedIndex := -1
	for i := range tl.Touches {
		t := &tl.Touches[i]
		if i > 0 && t.Team != tl.Touches[i-1].Team {
			h.Passes++
		}
		switch t.Team {
		case Marketing:
			if h.FirstMarketing.IsZero() {
				h.FirstMarketing = t.Time
			}
			score += t.Score()
			if engagedIndex < 0 && score >= opts.EngagementScore {
				engagedIndex = i
				h.EngagedAt = t.Time
			}
		case Sales:
			if h.FirstSales.IsZero() {
				h.FirstSales = t.Time
			}
			if h.FirstMarketing.IsZero() {
				h.ColdOutreach++
			}
			if engagedIndex >= 0 && h.HandoffAt.IsZero() {
				h.HandoffAt = t.Time
			}
		}
	}
	if engagedIndex < 0 {
		return h
	}

	// A sales touch at the very instant of engagement but ordered before
	// it in the timeline still counts as the handoff.
	for i := engagedIndex - 1; i >= 0 && tl.Touches[i].Time.Equal(h.EngagedAt); i-- {
		if tl.Touches[i].Team == Sales {
			h.HandoffAt = h.EngagedAt
		}
	}

	switch {
	case !h.HandoffAt.IsZero():
		h.Latency = h.HandoffAt.Sub(h.EngagedAt)
	default:
		h.Waiting = true
		if !opts.AsOf.IsZero() && opts.AsOf.After(h.EngagedAt) {
			h.Waited = opts.AsOf.Sub(h.EngagedAt)
		}
	}
	h.SLA = slaStatus(&h, opts)
	h.Silences = findSilences(tl.Touches[engagedIndex:], opts)
	return h
}

func slaStatus(h *AccountHandoff, opts *HandoffOptions) SLAStatus {
	switch {
	case opts.SLA <= 0:
		return SLANotApplicable
	case !h.Waiting && h.Latency <= opts.SLA:
		return SLAMet
	case !h.Waiting:
		return SLAMissed
	case h.Waited > opts.SLA:
		return SLAMissed
	}
	return SLAPending
}

// findSilences returns the gaps of at least opts.Silence between
// consecutive touches, and the open gap from the last touch to AsOf.
func findSilences(touches []Touchpoint, opts *HandoffOptions) []Silence {
	if opts.Silence <= 0 {
		return nil
	}
	var silences []Silence
	for i := 1; i < len(touches); i++ {
		if touches[i].Time.Sub(touches[i-1].Time) >= opts.Silence {
			silences = append(silences, Silence{Start: touches[i-1].Time, End: touches[i].Time})
		}
	}
	last := touches[len(touches)-1].Time
	if !opts.AsOf.IsZero() && opts.AsOf.Sub(last) >= opts.Silence {
		silences = append(silences, Silence{Start: last, End: opts.AsOf, Open: true})
	}
	return silences
}

// HandoffReport sums up the handoff across accounts.
type HandoffReport struct {
	// Accounts are the per-account results in the order of the input
	// timelines.
	Accounts []AccountHandoff `json:"accounts"`
	// MarketingFirst and SalesFirst count accounts by the team that
	// touched them first.
	MarketingFirst int `json:"marketing_first"`
	SalesFirst     int `json:"sales_first"`
	// MarketingOnly and SalesOnly count accounts touched by one team.
	MarketingOnly int `json:"marketing_only"`
	SalesOnly     int `json:"sales_only"`
	// Engaged counts accounts that reached marketing engagement.
	Engaged int `json:"engaged"`
	// HandedOff counts engaged accounts that sales touched afterwards.
	HandedOff int `json:"handed_off"`
	// Waiting counts engaged accounts that sales has not touched since.
	Waiting int `json:"waiting"`
	// LatencyMedian and LatencyP95 are the median and 95th percentile of
	// the handoff latency over handed-off accounts. Percentiles
	// interpolate linearly between the closest ranks, as the default of
	// NumPy and type 7 of R do.
	LatencyMedian time.Duration `json:"latency_median"`
	LatencyP95    time.Duration `json:"latency_p95"`
	// WaitedMedian is the median time waiting accounts have waited as of
	// AsOf, zero when AsOf is not set.
	WaitedMedian time.Duration `json:"waited_median"`
	// SLAMet, SLAMissed and SLAPending count accounts by SLA outcome.
	SLAMet     int `json:"sla_met"`
	SLAMissed  int `json:"sla_missed"`
	SLAPending int `json:"sla_pending"`
	// Silences counts silences over all accounts, and SilentAccounts the
	// accounts with at least one.
	Silences       int `json:"silences"`
	SilentAccounts int `json:"silent_accounts"`
	// ColdOutreach counts sales touches before any marketing touch, and
	// ColdOutreachAccounts the accounts with at least one.
	ColdOutreach         int `json:"cold_outreach"`
	ColdOutreachAccounts int `json:"cold_outreach_accounts"`
	// Passes counts team switches over all accounts, and PassesMean is
	// the mean per account that both teams touched.
	Passes     int     `json:"passes"`
	PassesMean float64 `json:"passes_mean"`
}

// AnalyzeHandoffs measures the handoff on every timeline and sums it up.
func AnalyzeHandoffs(timelines []Timeline, opts HandoffOptions) (HandoffReport, error) {
	if err := opts.validate(); err != nil {
		return HandoffReport{}, err
	}
	r := HandoffReport{Accounts: make([]AccountHandoff, len(timelines))}
	forEachParallel(len(timelines), func(i int) {
		r.Accounts[i] = analyzeHandoff(&timelines[i], &opts)
	})

	var latencies, waits []time.Duration
	bothTeams := 0
	for i := range r.Accounts {
		h := &r.Accounts[i]
		switch h.FirstTeam {
		case Marketing:
			r.MarketingFirst++
		case Sales:
			r.SalesFirst++
		}
		hasMarketing, hasSales := !h.FirstMarketing.IsZero(), !h.FirstSales.IsZero()
		switch {
		case hasMarketing && !hasSales:
			r.MarketingOnly++
		case hasSales && !hasMarketing:
			r.SalesOnly++
		case hasMarketing && hasSales:
			bothTeams++
			r.Passes += h.Passes
		}
		if !h.EngagedAt.IsZero() {
			r.Engaged++
		}
		if !h.HandoffAt.IsZero() {
			r.HandedOff++
			latencies = append(latencies, h.Latency)
		}
		if h.Waiting {
			r.Waiting++
			if !opts.AsOf.IsZero() {
				waits = append(waits, h.Waited)
			}
		}
		switch h.SLA {
		case SLAMet:
			r.SLAMet++
		case SLAMissed:
			r.SLAMissed++
		case SLAPending:
			r.SLAPending++
		}
		r.Silences += len(h.Silences)
		if len(h.Silences) > 0 {
			r.SilentAccounts++
		}
		r.ColdOutreach += h.ColdOutreach
		if h.ColdOutreach > 0 {
			r.ColdOutreachAccounts++
		}
	}
	r.LatencyMedian = durationQuantile(latencies, 0.5)
	r.LatencyP95 = durationQuantile(latencies, 0.95)
	r.WaitedMedian = durationQuantile(waits, 0.5)
	if bothTeams > 0 {
		r.PassesMean = float64(r.Passes) / float64(bothTeams)
	}
	return r, nil
}

// durationQuantile returns the q-quantile of values by linear
// interpolation between closest ranks, or zero for no values. It sorts
// values in place.
func durationQuantile(values []time.Duration, q float64) time.Duration {
	if len(values) == 0 {
		return 0
	}
	slices.Sort(values)
	pos := q * float64(len(values)-1)
	lower := int(math.Floor(pos))
	upper := int(math.Ceil(pos))
	fraction := pos - float64(lower)
	return values[lower] + time.Duration(math.Round(fraction*float64(values[upper]-values[lower])))
}
