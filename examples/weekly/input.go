package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/accountkit/accountkit/journey"
)

// target is one account of the target list.
type target struct {
	ID      string
	Name    string
	Segment string
}

// inputs are the three exports the report is built from.
type inputs struct {
	targets []target
	touches []journey.Touchpoint
	stages  []journey.StageEvent
	// amounts maps an account to its opportunity amount, from the stage
	// file's amount column.
	amounts map[string]float64
	// sources name where each input came from, for messages and the
	// report header.
	targetsSource, touchesSource, stagesSource string
}

// source is one input file, read from disk or from the embedded sample.
type source struct {
	name string
	read func() ([]byte, error)
}

func fileSource(path string) source {
	return source{name: path, read: func() ([]byte, error) { return os.ReadFile(path) }}
}

func sampleSource(name string) source {
	return source{name: "sample/" + name + " (embedded)", read: func() ([]byte, error) { return sampleFiles.ReadFile("sample/" + name) }}
}

// loadInputs reads the targets, touchpoints and stage changes. stages may
// have a nil read function, which means no stage file.
func loadInputs(targets, touches, stages source, parser journey.TimeParser) (*inputs, error) {
	in := &inputs{targetsSource: targets.name, touchesSource: touches.name, stagesSource: stages.name, amounts: map[string]float64{}}
	data, err := targets.read()
	if err != nil {
		return nil, err
	}
	if in.targets, err = readTargets(data); err != nil {
		return nil, fmt.Errorf("%s: %w", targets.name, err)
	}
	if data, err = touches.read(); err != nil {
		return nil, err
	}
	if in.touches, err = journey.ReadTouchpointsCSV(bytes.NewReader(data), journey.CSVOptions{Parser: parser}); err != nil {
		return nil, fmt.Errorf("%s: %w", touches.name, err)
	}
	if stages.read == nil {
		return in, nil
	}
	if data, err = stages.read(); err != nil {
		return nil, err
	}
	if in.stages, in.amounts, err = readStages(data, parser); err != nil {
		return nil, fmt.Errorf("%s: %w", stages.name, err)
	}
	return in, nil
}

// columnAliases lists the accepted header names of each column, compared
// in lower case with surrounding space removed.
var columnAliases = map[string][]string{
	"account":   {"account_id", "account id", "account", "id"},
	"name":      {"name", "account name", "account_name", "company"},
	"segment":   {"segment", "sector", "industry", "gics sector"},
	"stage":     {"stage"},
	"timestamp": {"timestamp", "time", "date", "changed_at"},
	"amount":    {"amount", "value"},
}

// csvTable is a parsed CSV file with its header mapped to column roles.
type csvTable struct {
	rows [][]string
	// lines are the file line numbers of rows, which differ from the row
	// index when the file has blank lines or quoted line breaks.
	lines   []int
	columns map[string]int
}

func readTable(data []byte, required ...string) (*csvTable, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("file is empty; expected a header row")
	}
	if err != nil {
		return nil, err
	}
	t := &csvTable{columns: map[string]int{}}
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")))
		for role, aliases := range columnAliases {
			for _, alias := range aliases {
				if _, seen := t.columns[role]; name == alias && !seen {
					t.columns[role] = i
				}
			}
		}
	}
	for _, role := range required {
		if _, ok := t.columns[role]; !ok {
			return nil, fmt.Errorf("header %q has no %s column; expected one of %s", strings.Join(header, ","), role, strings.Join(columnAliases[role], ", "))
		}
	}
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		t.rows = append(t.rows, row)
		t.lines = append(t.lines, line)
	}
}

// get returns the trimmed value of a column role, or "" when the file has
// no such column or the row is short.
func (t *csvTable) get(row []string, role string) string {
	i, ok := t.columns[role]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// readTargets reads the target list. The account column is required and
// name and segment are optional. A repeated account ID is an error,
// because two rows could give one account two names or segments.
func readTargets(data []byte) ([]target, error) {
	t, err := readTable(data, "account")
	if err != nil {
		return nil, err
	}
	var out []target
	line := map[string]int{}
	for i, row := range t.rows {
		id := t.get(row, "account")
		if id == "" {
			return nil, fmt.Errorf("line %d: account ID is empty", t.lines[i])
		}
		if first, ok := line[id]; ok {
			return nil, fmt.Errorf("line %d: account ID %q repeats line %d", t.lines[i], id, first)
		}
		line[id] = t.lines[i]
		out = append(out, target{ID: id, Name: t.get(row, "name"), Segment: t.get(row, "segment")})
	}
	if len(out) == 0 {
		return nil, errors.New("the target list has no accounts")
	}
	return out, nil
}

// readStages reads stage changes with account, stage and timestamp columns
// and an optional amount, the account's opportunity value. The last
// amount given for an account wins.
func readStages(data []byte, parser journey.TimeParser) ([]journey.StageEvent, map[string]float64, error) {
	t, err := readTable(data, "account", "stage", "timestamp")
	if err != nil {
		return nil, nil, err
	}
	if parser.DateOrder == journey.DateOrderUnknown {
		column := make([]string, len(t.rows))
		for i, row := range t.rows {
			column[i] = t.get(row, "timestamp")
		}
		order, err := journey.InferDateOrder(column)
		if err != nil {
			return nil, nil, fmt.Errorf("column timestamp: %w", err)
		}
		parser.DateOrder = order
	}
	var events []journey.StageEvent
	amounts := map[string]float64{}
	for i, row := range t.rows {
		account := t.get(row, "account")
		if account == "" {
			return nil, nil, fmt.Errorf("line %d: account ID is empty", t.lines[i])
		}
		parsed, err := parser.Parse(t.get(row, "timestamp"))
		if err != nil {
			return nil, nil, fmt.Errorf("line %d: %w", t.lines[i], err)
		}
		events = append(events, journey.StageEvent{AccountID: account, Stage: t.get(row, "stage"), Time: parsed.Time})
		if text := t.get(row, "amount"); text != "" {
			v, err := strconv.ParseFloat(text, 64)
			if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
				return nil, nil, fmt.Errorf("line %d: invalid amount %q; expected a number of 0 or more", t.lines[i], text)
			}
			amounts[account] = v
		}
	}
	return events, amounts, nil
}

// latestInstant returns the latest touch or stage change, zero when there
// is none.
func latestInstant(in *inputs) time.Time {
	var latest time.Time
	for _, t := range in.touches {
		if t.Time.After(latest) {
			latest = t.Time
		}
	}
	for _, e := range in.stages {
		if e.Time.After(latest) {
			latest = e.Time
		}
	}
	return latest
}
