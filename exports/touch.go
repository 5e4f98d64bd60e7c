package exports

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/accountkit/accountkit/journey"
)

// TouchOptions configures how activity rows become journey touchpoints.
type TouchOptions struct {
	// Parser parses the time column. Nil means the zero TimeParser,
	// which accepts only timestamps with a UTC offset or zone and epoch
	// numbers. Report exports write local times such as "3/1/2024 2:05
	// PM", which need a Location and a DateOrder.
	Parser *journey.TimeParser
	// Team owns the touches. Zero means the format's usual team:
	// Sales for Salesforce tasks and events and HubSpot engagements,
	// Marketing for campaign members and Marketo activities.
	Team journey.Team
	// Source is stored in each touch's Source. The default is the
	// record's Account.Source.
	Source string
	// AccountForContact returns the account of a lead or contact ID, for
	// rows that name a contact but no account, as Marketo activities do.
	// When it is nil or returns false, such rows are an error.
	AccountForContact func(contactID string) (accountID string, ok bool)
}

// ErrNoAccount is wrapped by the error of Touchpoint for a row without an
// account ID that TouchOptions.AccountForContact could not resolve.
var ErrNoAccount = errors.New("no account for the row")

// Touchpoint converts an activity row into a journey touchpoint: the
// account, the time, the team, the activity type and a channel derived
// from it, the contact (or the email address) and the campaign. The error
// is an *Error naming the line and the column at fault.
func (r Record) Touchpoint(opts TouchOptions) (journey.Touchpoint, error) {
	if r.columns == nil {
		return journey.Touchpoint{}, errors.New("record was not returned by a reader")
	}
	team := opts.Team
	if team == 0 {
		team = formatSpecs[r.Format].team
	}
	if team == 0 {
		return journey.Touchpoint{}, r.fieldError(FieldType, fmt.Errorf("%s rows are not activities; set TouchOptions.Team to convert them", r.Format))
	}

	contact := firstID(r.Get(FieldContact))
	if contact == "" {
		contact = r.Get(FieldEmail)
	}
	account := firstID(r.Get(FieldAccount))
	if account == "" && contact != "" && opts.AccountForContact != nil {
		account, _ = opts.AccountForContact(contact)
	}
	if account == "" {
		return journey.Touchpoint{}, r.fieldError(FieldAccount, fmt.Errorf("%w: it has no account ID and its contact %q resolves to none; set TouchOptions.AccountForContact", ErrNoAccount, contact))
	}

	parser := opts.Parser
	if parser == nil {
		parser = &journey.TimeParser{}
	}
	timeText := r.Get(FieldTime)
	if timeText == "" {
		return journey.Touchpoint{}, r.fieldError(FieldTime, errors.New("missing activity time"))
	}
	parsed, err := parser.Parse(timeText)
	if err != nil {
		e := r.fieldError(FieldTime, err)
		e.Value = clip(timeText)
		return journey.Touchpoint{}, e
	}

	source := opts.Source
	if source == "" {
		source = r.Account.Source
	}
	activity := r.Get(FieldType)
	return journey.Touchpoint{
		AccountID: account,
		Time:      parsed.Time,
		Team:      team,
		Channel:   channelOf(activity),
		Contact:   contact,
		Type:      activity,
		Campaign:  r.Get(FieldCampaign),
		Source:    source,
	}, nil
}

// ReadTouchpoints reads an activity export with Read and converts each
// row with Record.Touchpoint. Errors of either step are yielded and
// reading goes on, as with Read.
func ReadTouchpoints(r io.Reader, opts Options, touch TouchOptions) iter.Seq2[journey.Touchpoint, error] {
	return func(yield func(journey.Touchpoint, error) bool) {
		for rec, err := range Read(r, opts) {
			if err != nil {
				if !yield(journey.Touchpoint{}, err) {
					return
				}
				continue
			}
			tp, err := rec.Touchpoint(touch)
			if !yield(tp, err) {
				return
			}
		}
	}
}

func (r Record) fieldError(field Field, err error) *Error {
	e := &Error{Line: r.Line, Err: err}
	if r.columns != nil {
		e.Name = r.columns.name
	}
	if r.columns != nil && len(r.columns.fields[field]) > 0 {
		e.Header = r.columns.header[r.columns.fields[field][0]]
	}
	return e
}

// firstID returns the first of a list of IDs, as HubSpot writes
// "Associated Company IDs" separated by ";".
func firstID(s string) string {
	first, _, _ := strings.Cut(s, ";")
	first, _, _ = strings.Cut(first, ",")
	return strings.TrimSpace(first)
}

// channelOf derives a channel from an activity type by keywords, such as
// "phone" for "Call" and "email" for "Open Email". It returns "" when no
// keyword fits.
func channelOf(activity string) string {
	a := strings.ToLower(activity)
	switch {
	case strings.Contains(a, "call"):
		return "phone"
	case strings.Contains(a, "email") || strings.Contains(a, "e-mail"):
		return "email"
	case strings.Contains(a, "meeting") || strings.Contains(a, "event") || strings.Contains(a, "webinar"):
		return "meeting"
	case strings.Contains(a, "web") || strings.Contains(a, "form") || strings.Contains(a, "page"):
		return "web"
	case strings.Contains(a, "linkedin") || strings.Contains(a, "social"):
		return "social"
	}
	return ""
}
