package main

import (
	"cmp"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/accountkit/accountkit/match"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
)

// Input is one data row of an input CSV file, with its position. The
// position orders accounts inside an index, because Index.Match breaks
// ties between equal accounts by index order.
type Input struct {
	File     string
	Row      int // 1 for the first row after the header
	ID       string
	Name     string
	Domain   string
	Emails   []string
	Country  string
	City     string
	Phone    string
	ParentID string
}

// Record returns the row as a match.Record of the named source.
func (in Input) Record(source string) match.Record {
	return match.Record{
		ID:       in.ID,
		Source:   source,
		Name:     in.Name,
		Domain:   in.Domain,
		Emails:   in.Emails,
		Country:  in.Country,
		City:     in.City,
		Phone:    in.Phone,
		ParentID: in.ParentID,
	}
}

// Position returns a key that identifies the row across all input files.
func (in Input) Position() string {
	return fmt.Sprintf("%s:%d", in.File, in.Row)
}

// compareInputs orders rows by file name and then by row number.
func compareInputs(a, b Input) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Row, b.Row))
}

// sortInputs sorts rows into file order, so that the index built from them
// is the same whatever order the runner delivered them in.
func sortInputs(rows []Input) {
	slices.SortFunc(rows, compareInputs)
}

// columns maps the recognised header names to setters. Header names are
// compared in lower case after trimming spaces. Unknown columns are ignored.
var columns = map[string]func(*Input, string){
	"id":        func(in *Input, v string) { in.ID = v },
	"name":      func(in *Input, v string) { in.Name = v },
	"domain":    func(in *Input, v string) { in.Domain = v },
	"country":   func(in *Input, v string) { in.Country = v },
	"city":      func(in *Input, v string) { in.City = v },
	"phone":     func(in *Input, v string) { in.Phone = v },
	"parent_id": func(in *Input, v string) { in.ParentID = v },
	"emails": func(in *Input, v string) {
		for _, e := range strings.Split(v, ";") {
			if e = strings.TrimSpace(e); e != "" {
				in.Emails = append(in.Emails, e)
			}
		}
	},
}

// ParseCSV reads a CSV file with a header row and calls emit for each data
// row. The header must contain an "id" column; "name", "domain", "emails"
// (separated by ";"), "country", "city", "phone" and "parent_id" are read
// when present. Quoted fields may span lines. It returns an error for a
// missing id column, a repeated column, a malformed row or an empty ID,
// naming the file and the row.
func ParseCSV(r io.Reader, file string, emit func(Input)) error {
	reader := csv.NewReader(r)
	reader.FieldsPerRecord = -1
	header, err := reader.Read()
	if errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: empty file, expected a header row with an id column", file)
	}
	if err != nil {
		return fmt.Errorf("%s: invalid header row: %w", file, err)
	}
	setters := make([]func(*Input, string), len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if seen[h] {
			return fmt.Errorf("%s: column %q appears twice in the header", file, h)
		}
		seen[h] = true
		setters[i] = columns[h]
	}
	if !seen["id"] {
		return fmt.Errorf("%s: header %q has no id column", file, strings.Join(header, ","))
	}
	for row := 1; ; row++ {
		fields, err := reader.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: invalid CSV at data row %d: %w", file, row, err)
		}
		in := Input{File: file, Row: row}
		for i, v := range fields {
			if i < len(setters) && setters[i] != nil {
				setters[i](&in, strings.TrimSpace(v))
			}
		}
		if in.ID == "" {
			return fmt.Errorf("%s: data row %d has an empty id", file, row)
		}
		emit(in)
	}
}

// readCSVFn reads each matched file whole, so that quoted fields may span
// lines and every row carries its position. Files are read in parallel, one
// worker per file, so split a large input into many files.
type readCSVFn struct{}

func (fn *readCSVFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Input)) error {
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("open %s: %w", file.Metadata.Path, err)
	}
	defer rc.Close()
	return ParseCSV(rc, file.Metadata.Path, emit)
}
