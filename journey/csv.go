package journey

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// CSVOptions configures ReadTouchpointsCSV.
type CSVOptions struct {
	// Parser parses the time column. Its Location is the zone of local
	// times in rows without a zone column value. If its DateOrder is
	// DateOrderUnknown, the order is inferred from the whole column.
	Parser TimeParser
	// Comma is the field delimiter. Zero means ','.
	Comma rune
	// AccountZones maps account IDs to the zone of their local times,
	// for rows without a timezone value. Accounts not listed use
	// Parser.Location.
	AccountZones map[string]*time.Location
}

// csvField returns the field that a lower-case header name maps to, or
// "" for an unknown column.
func csvField(header string) string {
	switch header {
	case "account", "account_id", "accountid":
		return "account"
	case "time", "timestamp", "date", "occurred_at":
		return "time"
	case "contact", "contact_id", "email":
		return "contact"
	case "type", "activity_type":
		return "type"
	case "source", "source_system":
		return "source"
	case "weight", "score":
		return "weight"
	case "timezone", "time_zone", "tz":
		return "timezone"
	case "team", "channel", "campaign":
		return header
	}
	return ""
}

// ReadTouchpointsCSV reads touches from CSV with a header row. The
// account, time and team columns are required. The channel, contact,
// type, campaign, source, weight and timezone columns are optional, and
// unknown columns are ignored. Header names are matched
// case-insensitively, and common aliases such as account_id and
// timestamp are accepted. A local time is read in the row's timezone
// value (an IANA zone name), else in the account's zone from
// opts.AccountZones, else in opts.Parser.Location. Errors name the line
// and column.
func ReadTouchpointsCSV(r io.Reader, opts CSVOptions) ([]Touchpoint, error) {
	touches, _, err := ReadTouchpointsCSVWithNotes(r, opts)
	return touches, err
}

// TimeNote records a local time that fell in a daylight-saving change and
// was resolved by the rule of ResolveLocal.
type TimeNote struct {
	// Line is the CSV line of the record.
	Line int `json:"line"`
	// Value is the timestamp as written.
	Value string `json:"value"`
	// Parsed is the resolved time with its Shifted or Ambiguous flag.
	Parsed ParsedTime `json:"parsed"`
}

// ReadTouchpointsCSVWithNotes is ReadTouchpointsCSV that also returns a
// note for every local time that did not exist (moved forward) or
// occurred twice (first occurrence taken), so callers can review them.
func ReadTouchpointsCSVWithNotes(r io.Reader, opts CSVOptions) ([]Touchpoint, []TimeNote, error) {
	reader := csv.NewReader(r)
	if opts.Comma != 0 {
		reader.Comma = opts.Comma
	}
	reader.FieldsPerRecord = -1
	header, err := reader.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, errors.New("journey: CSV is empty: expected a header row")
	}
	if err != nil {
		return nil, nil, fmt.Errorf("journey: reading CSV header: %w", err)
	}
	column := make(map[string]int)
	for i, name := range header {
		key := strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))
		if field := csvField(key); field != "" {
			if _, dup := column[field]; dup {
				return nil, nil, fmt.Errorf("journey: CSV header has two %s columns, the second is %q", field, name)
			}
			column[field] = i
		}
	}
	for _, required := range []string{"account", "time", "team"} {
		if _, ok := column[required]; !ok {
			return nil, nil, fmt.Errorf("journey: CSV header %q has no %s column", strings.Join(header, ","), required)
		}
	}

	var records [][]string
	var lines []int
	for {
		record, err := reader.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("journey: reading CSV: %w", err)
		}
		line, _ := reader.FieldPos(0)
		records = append(records, record)
		lines = append(lines, line)
	}

	field := func(record []string, name string) string {
		i, ok := column[name]
		if !ok || i >= len(record) {
			return ""
		}
		return strings.TrimSpace(record[i])
	}

	parser := opts.Parser
	if parser.DateOrder == DateOrderUnknown {
		times := make([]string, len(records))
		for i, record := range records {
			times[i] = field(record, "time")
		}
		order, err := InferDateOrder(times)
		if err != nil {
			return nil, nil, fmt.Errorf("journey: CSV column %q: %w", header[column["time"]], err)
		}
		parser.DateOrder = order
	}

	zones := make(map[string]*time.Location)
	touches := make([]Touchpoint, 0, len(records))
	var notes []TimeNote
	for i, record := range records {
		t, parsed, err := parseCSVRecord(record, field, &parser, opts.AccountZones, zones)
		if err != nil {
			return nil, nil, fmt.Errorf("journey: CSV line %d: %w", lines[i], err)
		}
		touches = append(touches, t)
		if parsed.Shifted || parsed.Ambiguous {
			notes = append(notes, TimeNote{Line: lines[i], Value: field(record, "time"), Parsed: parsed})
		}
	}
	return touches, notes, nil
}

func parseCSVRecord(record []string, field func([]string, string) string, parser *TimeParser, accountZones, zones map[string]*time.Location) (Touchpoint, ParsedTime, error) {
	t := Touchpoint{
		AccountID: field(record, "account"),
		Channel:   field(record, "channel"),
		Contact:   field(record, "contact"),
		Type:      field(record, "type"),
		Campaign:  field(record, "campaign"),
		Source:    field(record, "source"),
	}
	if t.AccountID == "" {
		return t, ParsedTime{}, errors.New("missing account")
	}
	team, err := ParseTeam(field(record, "team"))
	if err != nil {
		return t, ParsedTime{}, fmt.Errorf("column team: %w", err)
	}
	t.Team = team

	loc := parser.Location
	if zone, ok := accountZones[t.AccountID]; ok && zone != nil {
		loc = zone
	}
	if name := field(record, "timezone"); name != "" {
		zone, ok := zones[name]
		if !ok {
			zone, err = time.LoadLocation(name)
			if err != nil {
				return t, ParsedTime{}, fmt.Errorf("column timezone: unknown IANA zone %q: %w", name, err)
			}
			zones[name] = zone
		}
		loc = zone
	}
	parsed, err := parser.ParseIn(field(record, "time"), loc)
	if err != nil {
		return t, ParsedTime{}, fmt.Errorf("column time: %w", err)
	}
	t.Time = parsed.Time

	if w := field(record, "weight"); w != "" {
		t.Weight, err = strconv.ParseFloat(w, 64)
		if err != nil {
			return t, ParsedTime{}, fmt.Errorf("column weight: invalid number %q", w)
		}
	}
	if err := t.Validate(); err != nil {
		return t, ParsedTime{}, err
	}
	return t, parsed, nil
}
