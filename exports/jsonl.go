package exports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
)

// ReadJSONLines yields the records of a JSON Lines input: one JSON object
// per line, such as the output of a CRM's bulk API or of a pipeline. The
// keys of the first object, sorted, are the columns and play the part of
// a CSV header for format detection and column mapping. A later object's
// missing keys read as empty and its extra keys are ignored. String values
// are taken as they are, null as "", and numbers, booleans, arrays and
// objects as their JSON text.
//
// Input is read as UTF-8, with or without a byte-order mark, and the
// Encoding and Comma options do not apply. A line that is not a JSON
// object yields an *Error and reading goes on. An unreadable input or a
// line longer than Options.MaxRowBytes yields an error and ends the
// sequence.
func ReadJSONLines(r io.Reader, opts Options) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		opts = withDefaults(opts)
		if err := checkOptions(opts); err != nil {
			yield(Record{}, err)
			return
		}
		counted := &countingReader{r: r}
		progress := &progressCounter{report: opts.Progress, every: opts.ProgressRows, bytes: counted}
		defer progress.finish()
		jr := &jsonLinesReader{opts: opts, progress: progress}
		text, _, err := decodeUTF8(counted, UTF8)
		if err != nil {
			yield(Record{}, &Error{Name: opts.Name, Err: err})
			return
		}
		jr.scanner = bufio.NewScanner(text)
		jr.scanner.Buffer(make([]byte, 0, 64<<10), opts.MaxRowBytes)
		yieldRows(yield, jr.next)
	}
}

type jsonLinesReader struct {
	opts     Options
	scanner  *bufio.Scanner
	progress *progressCounter
	line     int
	columns  *columnMap
	source   string
	object   map[string]json.RawMessage
}

func (jr *jsonLinesReader) next() (Record, error) {
	for jr.scanner.Scan() {
		jr.line++
		text := bytes.TrimSpace(jr.scanner.Bytes())
		if len(text) == 0 {
			continue
		}
		jr.progress.row()
		// The map is reused across lines. Unmarshal sets it to nil for a
		// JSON null, so it is made again then.
		if jr.object == nil {
			jr.object = make(map[string]json.RawMessage)
		}
		clear(jr.object)
		object := jr.object
		if err := json.Unmarshal(text, &object); err != nil || object == nil {
			if err == nil {
				err = errors.New("null is not an object")
			}
			return Record{}, &Error{Name: jr.opts.Name, Line: jr.line, Value: clip(string(text)), Err: fmt.Errorf("invalid JSON object: %w", err)}
		}
		if jr.columns == nil {
			if err := jr.setColumns(object); err != nil {
				return Record{}, err
			}
		}
		values := make([]string, len(jr.columns.header))
		for i, key := range jr.columns.header {
			values[i] = jsonText(object[key])
		}
		return makeRecord(jr.columns, jr.source, jr.line, values, jr.opts.Name)
	}
	if err := jr.scanner.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w (%d bytes)", ErrRowTooLong, jr.opts.MaxRowBytes)
		} else {
			err = fmt.Errorf("read: %w", err)
		}
		return Record{}, &Error{Name: jr.opts.Name, Line: jr.line + 1, Err: err, fatal: true}
	}
	return Record{}, io.EOF
}

func (jr *jsonLinesReader) setColumns(object map[string]json.RawMessage) error {
	header := make([]string, 0, len(object))
	for key := range object {
		header = append(header, key)
	}
	slices.Sort(header)
	format := jr.opts.Format
	var err error
	if format == FormatAuto {
		if format, err = DetectFormat(header); err != nil {
			return &Error{Name: jr.opts.Name, Line: jr.line, Err: err, fatal: true}
		}
	}
	cols, err := resolveColumns(format, header, jr.opts.Columns)
	if err != nil {
		return &Error{Name: jr.opts.Name, Line: jr.line, Err: err, fatal: true}
	}
	cols.name = jr.opts.Name
	jr.columns = &cols
	jr.source = jr.opts.Source
	if jr.source == "" {
		jr.source = systemOf(format)
	}
	return nil
}

func jsonText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	}
	return string(raw)
}
