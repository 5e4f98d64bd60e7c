package journey

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"time"
)

// Touchpoint is one interaction between a team and an account: an email
// sent, a web visit, a webinar attended, a call, a meeting.
type Touchpoint struct {
	// AccountID identifies the account. It is required.
	AccountID string `json:"account_id"`
	// Time is the instant of the touch. It is required, and timelines
	// order touches by instant, not by wall-clock reading.
	Time time.Time `json:"time"`
	// Team is the team that owned the touch. It is required.
	Team Team `json:"team"`
	// Channel is the marketing or sales channel, such as "email",
	// "paid search", "web" or "direct".
	Channel string `json:"channel,omitempty"`
	// Contact identifies the person at the account, usually an email
	// address or a CRM contact ID.
	Contact string `json:"contact,omitempty"`
	// Type is the kind of activity, such as "page_view", "email_open",
	// "call" or "meeting".
	Type string `json:"type,omitempty"`
	// Campaign names the campaign the touch belongs to, if any.
	Campaign string `json:"campaign,omitempty"`
	// Source is the system the record was exported from, such as "crm"
	// or "marketing automation".
	Source string `json:"source,omitempty"`
	// Weight is an engagement score for the touch. Zero counts as 1 where
	// a score is needed. Negative, NaN and infinite weights are invalid.
	Weight float64 `json:"weight,omitempty"`
	// MergedFrom contains the records from other source systems that a
	// timeline merged into this touch as duplicates of it (see
	// TimelineOptions.DuplicateWindow). It is empty for raw records.
	MergedFrom []Touchpoint `json:"merged_from,omitempty"`
}

// Validate returns an error if a required field is missing or the weight
// is negative or not finite.
func (t *Touchpoint) Validate() error {
	if t.AccountID == "" {
		return errors.New("missing account ID")
	}
	if t.Time.IsZero() {
		return fmt.Errorf("account %q: missing time", t.AccountID)
	}
	if !t.Team.Valid() {
		return fmt.Errorf("account %q at %s: invalid team %d", t.AccountID, t.Time.Format(time.RFC3339), uint8(t.Team))
	}
	if t.Weight < 0 || math.IsNaN(t.Weight) || math.IsInf(t.Weight, 0) {
		return fmt.Errorf("account %q at %s: invalid weight %v: must be a finite number >= 0", t.AccountID, t.Time.Format(time.RFC3339), t.Weight)
	}
	return nil
}

// Score returns the touch's weight, or 1 when the weight is zero.
func (t *Touchpoint) Score() float64 {
	if t.Weight == 0 {
		return 1
	}
	return t.Weight
}

// Sources returns the source systems of the touch: its own first, then
// those of the records merged into it, without repeats.
func (t *Touchpoint) Sources() []string {
	sources := []string{t.Source}
	for _, m := range t.MergedFrom {
		seen := false
		for _, s := range sources {
			if s == m.Source {
				seen = true
				break
			}
		}
		if !seen {
			sources = append(sources, m.Source)
		}
	}
	return sources
}

// compareTouches orders touches by instant and breaks ties on the other
// fields, so the order of equal-instant touches does not depend on the
// order in which sources were loaded. Touches equal in every compared
// field keep their input order because callers sort stably.
func compareTouches(a, b *Touchpoint) int {
	if c := a.Time.Compare(b.Time); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Team, b.Team); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Channel, b.Channel); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Type, b.Type); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Contact, b.Contact); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Campaign, b.Campaign); c != 0 {
		return c
	}
	return cmp.Compare(a.Source, b.Source)
}
