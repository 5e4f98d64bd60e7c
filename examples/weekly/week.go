package main

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/accountkit/accountkit/overlap"
)

var isoWeekPattern = regexp.MustCompile(`^(\d{4})-W(\d{2})$`)

// parseWeek reads a week as an ISO 8601 week ("2026-W48") or as any date
// in it ("2026-11-25"), and returns the week's window from Monday 00:00
// to the next Monday 00:00 in loc.
func parseWeek(text string, loc *time.Location) (overlap.Window, error) {
	if m := isoWeekPattern.FindStringSubmatch(text); m != nil {
		year, _ := strconv.Atoi(m[1])
		week, _ := strconv.Atoi(m[2])
		// 4 January is always in week 1, so week 1 starts on the Monday
		// on or before it.
		jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, loc)
		monday := jan4.AddDate(0, 0, -weekdayIndex(jan4)+7*(week-1))
		if y, w := monday.ISOWeek(); week < 1 || y != year || w != week {
			return overlap.Window{}, fmt.Errorf("invalid -week %q: %d has no week %d", text, year, week)
		}
		return weekOf(monday), nil
	}
	day, err := time.ParseInLocation("2006-01-02", text, loc)
	if err != nil {
		return overlap.Window{}, fmt.Errorf("invalid -week %q: expected an ISO week such as 2026-W48 or a date such as 2026-11-25", text)
	}
	return weekOf(day), nil
}

// weekOf returns the Monday-to-Monday window that contains t, in t's zone.
func weekOf(t time.Time) overlap.Window {
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	monday := day.AddDate(0, 0, -weekdayIndex(day))
	return overlap.Window{Start: monday, End: monday.AddDate(0, 0, 7)}
}

// weekdayIndex counts days since Monday: 0 for Monday, 6 for Sunday.
func weekdayIndex(t time.Time) int {
	return (int(t.Weekday()) + 6) % 7
}

// weekLabel returns the ISO week of w's start, such as "2026-W48".
func weekLabel(w overlap.Window) string {
	year, week := w.Start.ISOWeek()
	return fmt.Sprintf("%d-W%02d", year, week)
}

// weekRange formats w's days, such as "23 Nov to 29 Nov 2026".
func weekRange(w overlap.Window) string {
	last := w.End.AddDate(0, 0, -1)
	return w.Start.Format("2 Jan") + " to " + last.Format("2 Jan 2006")
}
