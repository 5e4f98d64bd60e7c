package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/accountkit/accountkit/overlap"
)

// dateLayouts are the ISO 8601 forms that parseDate accepts, as layouts of
// time.Parse, after parseDate has turned a space between date and time
// into "T". When parsing, Go accepts fractional seconds after the seconds
// field even though no layout names them. The usage text in main.go lists
// the same forms.
var dateLayouts = []string{
	"2006-01-02",
	"2006-01-02T15:04",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05Z0700",
}

// parseDate parses a touch date or a window bound. A date alone is
// midnight UTC, and a date-time without Z or an offset is read as UTC.
func parseDate(value string) (time.Time, error) {
	s := strings.ToUpper(strings.TrimSpace(value))
	if s == "" {
		return time.Time{}, errors.New("date is empty")
	}
	if len(s) > 10 && s[10] == ' ' {
		s = s[:10] + "T" + s[11:]
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	// A well-formed date with an impossible day or month gets the reason
	// from the time package, such as "day out of range".
	if len(s) >= 10 {
		var pe *time.ParseError
		if _, err := time.Parse(dateLayouts[0], s[:10]); errors.As(err, &pe) && pe.Message != "" {
			return time.Time{}, fmt.Errorf("invalid date %q: %s", value, strings.TrimPrefix(pe.Message, ": "))
		}
	}
	return time.Time{}, fmt.Errorf("invalid date %q: expected ISO 8601, such as 2026-03-15 or 2026-03-15T14:30:05Z (circles -h lists the forms)", value)
}

// parseWindow turns the -from and -to flag values into the window of
// counted touches. Either may be empty, which leaves that side open.
func parseWindow(from, to string) (overlap.Window, error) {
	var w overlap.Window
	var err error
	if from != "" {
		if w.Start, err = parseDate(from); err != nil {
			return w, fmt.Errorf("invalid -from: %w", err)
		}
	}
	if to != "" {
		if w.End, err = parseDate(to); err != nil {
			return w, fmt.Errorf("invalid -to: %w", err)
		}
	}
	if from != "" && to != "" && !w.Start.Before(w.End) {
		return w, fmt.Errorf("invalid window: -from %s is not before -to %s, so no touch could be inside it", from, to)
	}
	return w, nil
}

// outcomeOutside is the outcome of a row whose touch date lies outside the
// window of -from and -to.
const outcomeOutside = "outside the window"

// applyWindow reads the date of every row that is not already rejected and
// marks the rows whose touch lies outside w. A row whose date is empty or
// invalid is rejected, with the file, line, column and value in the reason.
// A file without a date column is an error, because none of its rows could
// be placed in the window.
func (t *table) applyWindow(w overlap.Window) error {
	col := t.columns[roleDate]
	if col < 0 {
		return fmt.Errorf("%s: -from and -to need a date column, and no header (%s) is a usual date header; name the column with -%s-columns date=HEADER",
			t.path, strings.Join(t.header, ", "), t.source)
	}
	for i := range t.rows {
		r := &t.rows[i]
		if r.rejected != "" {
			continue
		}
		r.date = strings.TrimSpace(r.fields[col])
		when, err := parseDate(r.date)
		if err != nil {
			r.rejected = fmt.Sprintf("%s: line %d, column %d (%s): %v", t.path, r.line, col+1, t.header[col], err)
			continue
		}
		if w.Contains(when) {
			continue
		}
		if !w.Start.IsZero() && when.Before(w.Start) {
			r.outside = fmt.Sprintf("touched %s, before -from %s", when.Format(time.RFC3339), w.Start.Format(time.RFC3339))
		} else {
			r.outside = fmt.Sprintf("touched %s, not before -to %s", when.Format(time.RFC3339), w.End.Format(time.RFC3339))
		}
	}
	return nil
}
