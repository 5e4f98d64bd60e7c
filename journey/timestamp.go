package journey

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// DateOrder is the order of day and month in numeric dates such as
// "01/02/2022", where the text alone cannot tell them apart.
type DateOrder uint8

const (
	// DateOrderUnknown leaves the order open. A numeric date is accepted
	// only if day-first and month-first reading give the same date.
	DateOrderUnknown DateOrder = iota
	// MonthFirst reads "01/02/2022" as 2 January 2022, as US exports do.
	MonthFirst
	// DayFirst reads "01/02/2022" as 1 February 2022, as most European
	// exports do.
	DayFirst
)

// String returns "unknown", "month first" or "day first".
func (o DateOrder) String() string {
	switch o {
	case MonthFirst:
		return "month first"
	case DayFirst:
		return "day first"
	}
	return "unknown"
}

// TimeParser parses the timestamps that CRM and marketing automation
// exports write. The zero value accepts timestamps that carry a numeric
// UTC offset, "Z", "UTC" or "GMT", and epoch numbers. It rejects local
// times, other zone abbreviations and day/month-ambiguous dates.
//
// Accepted forms, after an optional leading weekday name that must match
// the date:
//
//   - RFC 3339, with "T" or a space between date and time
//   - year-month-day with "-", "/" or "." separators
//   - day/month/year or month/day/year with "/", "-" or "." separators
//     and a four-digit year, read in DateOrder
//   - "25 Dec 2019", "25-Dec-2019", "Dec 25, 2019", "December 25 2019"
//   - an optional time "15:04", "15:04:05" or "15:04:05.000" with an
//     optional AM or PM
//   - an optional zone: "Z", "+02:00", "+0200", "+02", "UTC", "GMT",
//     "GMT+2", or an abbreviation listed in Abbreviations
//   - an offset followed by an abbreviation, "-0500 (EST)" or "+0000 UTC",
//     where the offset decides and the abbreviation, if listed or UTC or
//     GMT, must agree with it
//   - epoch seconds or milliseconds, see EpochTime
//
// A TimeParser is safe for concurrent use as long as its fields are not
// changed.
type TimeParser struct {
	// Location is the IANA zone of timestamps written without an offset
	// or zone, usually the account's or the portal's zone. When nil, such
	// timestamps are rejected. See ResolveLocal for daylight-saving rules.
	Location *time.Location
	// Abbreviations maps zone abbreviations such as "EST" to their offset
	// in seconds east of UTC. Keys and input are matched
	// case-insensitively. Abbreviations are not unique ("IST" is India, Israel
	// or Ireland), so the parser resolves only those listed here and
	// rejects the rest instead of reading them as UTC.
	Abbreviations map[string]int
	// DateOrder is the day/month order of numeric dates. Use
	// InferDateOrder to read it off a whole column.
	DateOrder DateOrder
}

// ParsedTime is a parsed timestamp together with how a local time was
// resolved.
type ParsedTime struct {
	// Time is the parsed instant.
	Time time.Time
	// Ambiguous is true when a local time occurred twice because clocks
	// were set back. Time is then the first occurrence.
	Ambiguous bool
	// Shifted is true when a local time did not exist because clocks were
	// set forward. Time is then moved forward by the length of the gap.
	Shifted bool
}

// NorthAmericanAbbreviations returns a new table of the zone
// abbreviations used in the United States and Canada, for
// TimeParser.Abbreviations. It maps, for example, "EST" to -5 hours and
// "PDT" to -7 hours.
func NorthAmericanAbbreviations() map[string]int {
	const h = 3600
	return map[string]int{
		"NST": -3*h - 30*60, "NDT": -2*h - 30*60,
		"AST": -4 * h, "ADT": -3 * h,
		"EST": -5 * h, "EDT": -4 * h,
		"CST": -6 * h, "CDT": -5 * h,
		"MST": -7 * h, "MDT": -6 * h,
		"PST": -8 * h, "PDT": -7 * h,
		"AKST": -9 * h, "AKDT": -8 * h,
		"HST": -10 * h,
	}
}

// Epoch magnitudes: integers below epochMillisFrom are seconds, those from
// there up to epochMillisTo are milliseconds. 1e11 seconds is the year
// 5138 and 1e11 milliseconds is March 1973, so the two ranges cover
// every date a CRM export plausibly holds without overlapping.
const (
	epochMillisFrom = 1e11
	epochMillisTo   = 1e14
)

// EpochTime converts epoch seconds or milliseconds to a UTC time, telling
// them apart by magnitude: an absolute value below 1e11 is seconds (up to
// the year 5138), and one from 1e11 up to 1e14 is milliseconds (from
// March 1973). Larger values are an error, because microsecond and
// nanosecond epochs are not read.
func EpochTime(v int64) (time.Time, error) {
	if v == math.MinInt64 {
		return time.Time{}, fmt.Errorf("journey: epoch value %d is out of range: expected seconds or milliseconds below 1e14", v)
	}
	abs := v
	if abs < 0 {
		abs = -abs
	}
	switch {
	case abs < epochMillisFrom:
		return time.Unix(v, 0).UTC(), nil
	case abs < epochMillisTo:
		return time.UnixMilli(v).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("journey: epoch value %d is out of range: expected seconds or milliseconds below 1e14", v)
}

var (
	epochPattern   = regexp.MustCompile(`^[+-]?\d+(\.\d+)?$`)
	weekdayPattern = regexp.MustCompile(`(?i)^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+`)
	yearFirst      = regexp.MustCompile(`^(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})`)
	yearLast       = regexp.MustCompile(`^(\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4})`)
	dayMonthName   = regexp.MustCompile(`^(\d{1,2})[\s-]+([A-Za-z]+)\.?,?[\s-]+(\d{4})`)
	monthNameDay   = regexp.MustCompile(`^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})`)
	clockPattern   = regexp.MustCompile(`^(?:[Tt]|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?`)
	offsetPattern  = regexp.MustCompile(`^([+-])(\d{2})(?::?(\d{2}))?$`)
	gmtPattern     = regexp.MustCompile(`(?i)^(?:UTC|GMT|UT)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$`)
	abbrevPattern  = regexp.MustCompile(`^\(?([A-Za-z]{2,5})\)?$`)
	// offsetAndAbbrevPattern matches an offset followed by an abbreviation.
	offsetAndAbbrevPattern = regexp.MustCompile(`^([+-])(\d{2}):?(\d{2})?\s+\(?([A-Za-z]{2,5})\)?$`)
)

// monthByName returns the month for an English month name or its
// three-letter abbreviation ("sept" too), ignoring case.
func monthByName(name string) (time.Month, bool) {
	name = strings.ToLower(name)
	if name == "sept" {
		return time.September, true
	}
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if name == full || name == full[:3] {
			return m, true
		}
	}
	return 0, false
}

// wallClock is a timestamp's written fields before any zone is applied.
type wallClock struct {
	year, day, hour, minute, second, nanosecond int
	month                                       time.Month
	weekday                                     string
	// ambiguousOrder is set for numeric dates whose leading two fields
	// could be day or month, and leadField and middleField contain them.
	ambiguousOrder         bool
	leadField, middleField int
	// zone is the text after the date and time, empty when absent.
	zone string
}

// Parse parses s with the parser's Location for local times.
func (p *TimeParser) Parse(s string) (ParsedTime, error) {
	if p == nil {
		return p.ParseIn(s, nil)
	}
	return p.ParseIn(s, p.Location)
}

// ParseIn parses s, reading a time without offset or zone in loc, for
// example the zone of the account the record belongs to. A nil loc
// rejects such times.
func (p *TimeParser) ParseIn(s string, loc *time.Location) (ParsedTime, error) {
	if p == nil {
		p = &TimeParser{}
	}
	text := strings.TrimSpace(s)
	if text == "" {
		return ParsedTime{}, fmt.Errorf("journey: missing timestamp")
	}
	if epochPattern.MatchString(text) {
		t, err := parseEpochText(text)
		if err != nil {
			return ParsedTime{}, err
		}
		return ParsedTime{Time: t}, nil
	}
	wall, err := scanWallClock(text)
	if err != nil {
		return ParsedTime{}, fmt.Errorf("journey: invalid timestamp %q: %w", s, err)
	}
	if err := p.applyDateOrder(&wall); err != nil {
		return ParsedTime{}, fmt.Errorf("journey: invalid timestamp %q: %w", s, err)
	}
	if err := wall.validate(); err != nil {
		return ParsedTime{}, fmt.Errorf("journey: invalid timestamp %q: %w", s, err)
	}
	parsed, err := p.applyZone(&wall, loc)
	if err != nil {
		return ParsedTime{}, fmt.Errorf("journey: invalid timestamp %q: %w", s, err)
	}
	return parsed, nil
}

// parseEpochText reads epoch seconds or milliseconds written as digits.
// A fractional part is accepted for seconds only.
func parseEpochText(text string) (time.Time, error) {
	whole, fraction, hasFraction := strings.Cut(text, ".")
	v, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("journey: epoch value %q is out of range", text)
	}
	t, err := EpochTime(v)
	if err != nil {
		return time.Time{}, err
	}
	if !hasFraction {
		return t, nil
	}
	abs := v
	if abs < 0 {
		abs = -abs
	}
	if abs >= epochMillisFrom {
		return time.Time{}, fmt.Errorf("journey: epoch value %q has a fraction but is milliseconds by magnitude", text)
	}
	if len(fraction) > 9 {
		fraction = fraction[:9]
	}
	nanos, _ := strconv.Atoi(fraction + strings.Repeat("0", 9-len(fraction)))
	if strings.HasPrefix(text, "-") {
		nanos = -nanos
	}
	return t.Add(time.Duration(nanos)), nil
}

// scanWallClock splits text into date, time and zone fields without
// interpreting the zone.
func scanWallClock(text string) (wallClock, error) {
	var w wallClock
	rest := text
	if m := weekdayPattern.FindStringSubmatch(rest); m != nil {
		w.weekday = strings.ToLower(m[1])
		rest = rest[len(m[0]):]
	}

	switch {
	case yearFirst.MatchString(rest):
		m := yearFirst.FindStringSubmatch(rest)
		if m[2] != m[4] {
			return w, fmt.Errorf("date separators %q and %q differ", m[2], m[4])
		}
		w.year, _ = strconv.Atoi(m[1])
		month, _ := strconv.Atoi(m[3])
		w.month = time.Month(month)
		w.day, _ = strconv.Atoi(m[5])
		rest = rest[len(m[0]):]
	case yearLast.MatchString(rest):
		m := yearLast.FindStringSubmatch(rest)
		if m[2] != m[4] {
			return w, fmt.Errorf("date separators %q and %q differ", m[2], m[4])
		}
		w.leadField, _ = strconv.Atoi(m[1])
		w.middleField, _ = strconv.Atoi(m[3])
		w.year, _ = strconv.Atoi(m[5])
		w.ambiguousOrder = true
		rest = rest[len(m[0]):]
	case dayMonthName.MatchString(rest):
		m := dayMonthName.FindStringSubmatch(rest)
		month, ok := monthByName(m[2])
		if !ok {
			return w, fmt.Errorf("unknown month name %q", m[2])
		}
		w.day, _ = strconv.Atoi(m[1])
		w.month = month
		w.year, _ = strconv.Atoi(m[3])
		rest = rest[len(m[0]):]
	case monthNameDay.MatchString(rest):
		m := monthNameDay.FindStringSubmatch(rest)
		month, ok := monthByName(m[1])
		if !ok {
			return w, fmt.Errorf("unknown month name %q", m[1])
		}
		w.month = month
		w.day, _ = strconv.Atoi(m[2])
		w.year, _ = strconv.Atoi(m[3])
		rest = rest[len(m[0]):]
	default:
		return w, fmt.Errorf("unrecognized date: expected a form such as 2006-01-02, 01/02/2006 or 2 Jan 2006")
	}

	if m := clockPattern.FindStringSubmatch(rest); m != nil {
		w.hour, _ = strconv.Atoi(m[1])
		w.minute, _ = strconv.Atoi(m[2])
		if m[3] != "" {
			w.second, _ = strconv.Atoi(m[3])
		}
		if m[4] != "" {
			w.nanosecond, _ = strconv.Atoi(m[4] + strings.Repeat("0", 9-len(m[4])))
		}
		if m[5] != "" {
			if w.hour < 1 || w.hour > 12 {
				return w, fmt.Errorf("hour %d is invalid with AM or PM", w.hour)
			}
			pm := strings.EqualFold(m[5], "p")
			switch {
			case pm && w.hour != 12:
				w.hour += 12
			case !pm && w.hour == 12:
				w.hour = 0
			}
		}
		rest = rest[len(m[0]):]
	}
	w.zone = strings.TrimSpace(rest)
	return w, nil
}

// applyDateOrder assigns day and month of a numeric date in the parser's
// DateOrder.
func (p *TimeParser) applyDateOrder(w *wallClock) error {
	if !w.ambiguousOrder {
		return nil
	}
	order := p.DateOrder
	if order == DateOrderUnknown {
		switch {
		case w.leadField == w.middleField:
			order = DayFirst
		case w.leadField > 12:
			order = DayFirst
		case w.middleField > 12:
			order = MonthFirst
		default:
			return fmt.Errorf("day and month order is ambiguous: set TimeParser.DateOrder or use InferDateOrder on the column")
		}
	}
	if order == DayFirst {
		w.day, w.month = w.leadField, time.Month(w.middleField)
	} else {
		w.month, w.day = time.Month(w.leadField), w.middleField
	}
	return nil
}

func (w *wallClock) validate() error {
	if w.month < time.January || w.month > time.December {
		return fmt.Errorf("month %d is out of range 1-12", w.month)
	}
	if w.day < 1 || w.day > daysIn(w.year, w.month) {
		return fmt.Errorf("day %d is out of range for %s %d", w.day, w.month, w.year)
	}
	if w.hour > 23 || w.minute > 59 || w.second > 59 {
		return fmt.Errorf("time %02d:%02d:%02d is out of range", w.hour, w.minute, w.second)
	}
	if w.weekday != "" {
		got := time.Date(w.year, w.month, w.day, 0, 0, 0, 0, time.UTC).Weekday()
		if !strings.HasPrefix(strings.ToLower(got.String()), w.weekday) {
			return fmt.Errorf("weekday %q does not match the date, which is a %s", w.weekday, got)
		}
	}
	return nil
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// applyZone turns the wall clock into an instant using its written zone,
// or loc when it has none.
func (p *TimeParser) applyZone(w *wallClock, loc *time.Location) (ParsedTime, error) {
	if w.zone == "" {
		if loc == nil {
			return ParsedTime{}, fmt.Errorf("no UTC offset or zone, and no location is set for local times")
		}
		return ResolveLocal(w.year, w.month, w.day, w.hour, w.minute, w.second, w.nanosecond, loc), nil
	}
	offset, err := p.zoneOffset(w.zone)
	if err != nil {
		return ParsedTime{}, err
	}
	local := time.Date(w.year, w.month, w.day, w.hour, w.minute, w.second, w.nanosecond, time.UTC)
	return ParsedTime{Time: local.Add(-time.Duration(offset) * time.Second)}, nil
}

// zoneOffset returns the offset in seconds east of UTC that zone names.
func (p *TimeParser) zoneOffset(zone string) (int, error) {
	if zone == "Z" || zone == "z" {
		return 0, nil
	}
	if m := offsetPattern.FindStringSubmatch(zone); m != nil {
		return signedOffset(m[1], m[2], m[3])
	}
	if m := offsetAndAbbrevPattern.FindStringSubmatch(zone); m != nil {
		// "-0500 (EST)" as in mail headers, or "+0000 UTC" as Go prints
		// times. The offset decides, and a listed abbreviation must agree.
		offset, err := signedOffset(m[1], m[2], m[3])
		if err != nil {
			return 0, err
		}
		abbreviation := strings.ToUpper(m[4])
		want, ok, err := p.lookupAbbreviation(abbreviation)
		if err != nil {
			return 0, err
		}
		if ok && want != offset {
			return 0, fmt.Errorf("UTC offset %s%s%s contradicts zone abbreviation %q", m[1], m[2], m[3], abbreviation)
		}
		if (abbreviation == "UTC" || abbreviation == "GMT") && offset != 0 {
			return 0, fmt.Errorf("UTC offset %s%s%s contradicts zone abbreviation %q", m[1], m[2], m[3], abbreviation)
		}
		return offset, nil
	}
	if m := gmtPattern.FindStringSubmatch(zone); m != nil {
		if m[1] == "" {
			return 0, nil
		}
		return signedOffset(m[1], m[2], m[3])
	}
	if m := abbrevPattern.FindStringSubmatch(zone); m != nil {
		abbreviation := strings.ToUpper(m[1])
		if offset, ok, err := p.lookupAbbreviation(abbreviation); ok || err != nil {
			return offset, err
		}
		return 0, fmt.Errorf("unknown zone abbreviation %q: add it to TimeParser.Abbreviations, because abbreviations are not unique and are never read as UTC", abbreviation)
	}
	return 0, fmt.Errorf("unrecognized text %q after the date and time", zone)
}

// lookupAbbreviation finds an upper-case abbreviation in the table,
// matching keys case-insensitively. Keys that differ only in case and map
// to different offsets are an error, because map order would otherwise
// decide between them.
func (p *TimeParser) lookupAbbreviation(abbreviation string) (int, bool, error) {
	if offset, ok := p.Abbreviations[abbreviation]; ok {
		return offset, true, nil
	}
	found := false
	offset := 0
	for key, value := range p.Abbreviations {
		if !strings.EqualFold(key, abbreviation) {
			continue
		}
		if found && value != offset {
			return 0, false, fmt.Errorf("zone abbreviation %q has conflicting entries in TimeParser.Abbreviations", abbreviation)
		}
		found, offset = true, value
	}
	return offset, found, nil
}

func signedOffset(sign, hours, minutes string) (int, error) {
	h, _ := strconv.Atoi(hours)
	m := 0
	if minutes != "" {
		m, _ = strconv.Atoi(minutes)
	}
	if h > 14 || m > 59 {
		return 0, fmt.Errorf("UTC offset %s%s:%02d is out of range", sign, hours, m)
	}
	offset := h*3600 + m*60
	if sign == "-" {
		offset = -offset
	}
	return offset, nil
}

// ResolveLocal returns the instant at which clocks in loc showed the
// given wall-clock time, with a fixed rule for daylight-saving changes:
//
//   - In a gap, where clocks were set forward and the time never
//     happened, the time is moved forward by the length of the gap:
//     02:30 on 2024-03-10 in America/New_York becomes 03:30 EDT, which is
//     07:30Z. Shifted is set.
//   - In an overlap, where clocks were set back and the time happened
//     twice, the first occurrence is returned and Ambiguous is set.
//
// NOTE: The rule assumes that loc changes its offset at most once within
// a day of the given time. Two changes within one day would be resolved
// wrongly.
func ResolveLocal(year int, month time.Month, day, hour, minute, second, nanosecond int, loc *time.Location) ParsedTime {
	if loc == nil {
		loc = time.UTC
	}
	wall := time.Date(year, month, day, hour, minute, second, nanosecond, time.UTC)
	offsetAt := func(t time.Time) int {
		_, offset := t.In(loc).Zone()
		return offset
	}
	// The offsets a day before and a day after bracket any change near the
	// wall time. Each candidate offset gives an instant, which is valid if
	// loc really had that offset at that instant.
	before := offsetAt(wall.Add(-24 * time.Hour))
	after := offsetAt(wall.Add(24 * time.Hour))
	early := wall.Add(-time.Duration(before) * time.Second)
	late := wall.Add(-time.Duration(after) * time.Second)
	earlyValid := offsetAt(early) == before
	lateValid := offsetAt(late) == after

	var result ParsedTime
	switch {
	case earlyValid && lateValid && !early.Equal(late):
		result = ParsedTime{Time: minTime(early, late), Ambiguous: true}
	case earlyValid:
		result = ParsedTime{Time: early}
	case lateValid:
		result = ParsedTime{Time: late}
	default:
		// Neither offset fits, so the wall time fell in a gap. Reading it
		// with the offset in force before the change lands the same
		// distance past the change, which is the forward shift.
		result = ParsedTime{Time: early, Shifted: true}
	}
	result.Time = result.Time.In(loc)
	return result
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// InferDateOrder reads the day/month order off a whole column of
// timestamps. A value whose first field exceeds 12 shows day first, and
// one whose second field exceeds 12 shows month first. It returns an
// error when the column shows both, or when an ambiguous value such as
// "01/02/2022" is present and no value settles the order. It returns
// DateOrderUnknown and no error when no value needs an order. Values in
// other forms are ignored here and checked when parsed.
func InferDateOrder(values []string) (DateOrder, error) {
	var dayFirstWitness, monthFirstWitness, ambiguousWitness string
	for _, v := range values {
		text := strings.TrimSpace(v)
		if m := weekdayPattern.FindStringSubmatch(text); m != nil {
			text = text[len(m[0]):]
		}
		m := yearLast.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		first, _ := strconv.Atoi(m[1])
		second, _ := strconv.Atoi(m[3])
		switch {
		case first > 12 && dayFirstWitness == "":
			dayFirstWitness = v
		case second > 12 && monthFirstWitness == "":
			monthFirstWitness = v
		case first <= 12 && second <= 12 && first != second && ambiguousWitness == "":
			ambiguousWitness = v
		}
	}
	switch {
	case dayFirstWitness != "" && monthFirstWitness != "":
		return DateOrderUnknown, fmt.Errorf("journey: column mixes day-first %q and month-first %q dates", dayFirstWitness, monthFirstWitness)
	case dayFirstWitness != "":
		return DayFirst, nil
	case monthFirstWitness != "":
		return MonthFirst, nil
	case ambiguousWitness != "":
		return DateOrderUnknown, fmt.Errorf("journey: day and month order of the column is ambiguous: every date, such as %q, reads either way, so set the order explicitly", ambiguousWitness)
	}
	return DateOrderUnknown, nil
}

// ParseColumn parses a column of timestamps. If the parser's DateOrder is
// DateOrderUnknown, the order is first inferred from the whole column with
// InferDateOrder. An error names the row index and the value.
func (p *TimeParser) ParseColumn(values []string) ([]ParsedTime, error) {
	var columnParser TimeParser
	if p != nil {
		columnParser = *p
	}
	if columnParser.DateOrder == DateOrderUnknown {
		order, err := InferDateOrder(values)
		if err != nil {
			return nil, err
		}
		columnParser.DateOrder = order
	}
	out := make([]ParsedTime, len(values))
	for i, v := range values {
		parsed, err := columnParser.Parse(v)
		if err != nil {
			return nil, fmt.Errorf("row %d: %w", i, err)
		}
		out[i] = parsed
	}
	return out, nil
}
