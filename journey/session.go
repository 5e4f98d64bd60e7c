package journey

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// DefaultSessionTimeout is the inactivity that ends a web session. It is
// 30 minutes, the default session timeout of Google Analytics.
const DefaultSessionTimeout = 30 * time.Minute

// Session is a run of one contact's web activity with no pause longer
// than the session timeout.
type Session struct {
	// AccountID identifies the account.
	AccountID string `json:"account_id"`
	// Contact is the visitor, empty for anonymous activity.
	Contact string `json:"contact,omitempty"`
	// Start is the instant of the first touch.
	Start time.Time `json:"start"`
	// End is the instant of the last touch.
	End time.Time `json:"end"`
	// Touches are the session's touches in timeline order.
	Touches []Touchpoint `json:"touches"`
}

// SessionOptions configures Timeline.Sessions. The zero value uses
// DefaultSessionTimeout and IsWebActivity.
type SessionOptions struct {
	// Timeout is the inactivity that ends a session. Zero means
	// DefaultSessionTimeout.
	Timeout time.Duration
	// IsWeb selects the touches that count as web activity. Nil means
	// IsWebActivity.
	IsWeb func(*Touchpoint) bool
}

// IsWebActivity reports whether a touch is web activity: its channel is
// "web" or "website", or its type is "page_view", "pageview" or
// "web_visit", ignoring case.
func IsWebActivity(t *Touchpoint) bool {
	switch strings.ToLower(t.Channel) {
	case "web", "website":
		return true
	}
	switch strings.ToLower(t.Type) {
	case "page_view", "pageview", "web_visit":
		return true
	}
	return false
}

// Sessions groups the timeline's web activity into sessions per contact.
// A contact's session ends when the next web touch comes more than the
// timeout after the previous one. Sessions are ordered by start, then by
// contact. Touches that are not web activity are left out.
func (tl *Timeline) Sessions(opts SessionOptions) []Session {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultSessionTimeout
	}
	isWeb := opts.IsWeb
	if isWeb == nil {
		isWeb = IsWebActivity
	}

	open := make(map[string]int) // contact -> index in sessions
	var sessions []Session
	for i := range tl.Touches {
		t := &tl.Touches[i]
		if !isWeb(t) {
			continue
		}
		if k, ok := open[t.Contact]; ok && t.Time.Sub(sessions[k].End) <= timeout {
			sessions[k].End = t.Time
			sessions[k].Touches = append(sessions[k].Touches, *t)
			continue
		}
		open[t.Contact] = len(sessions)
		sessions = append(sessions, Session{
			AccountID: tl.AccountID,
			Contact:   t.Contact,
			Start:     t.Time,
			End:       t.Time,
			Touches:   []Touchpoint{*t},
		})
	}
	slices.SortStableFunc(sessions, func(a, b Session) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.Contact, b.Contact)
	})
	return sessions
}
