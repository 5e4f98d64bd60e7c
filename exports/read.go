package exports

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/accountkit/accountkit/match"
)

// DefaultMaxRowBytes is the default of Options.MaxRowBytes.
const DefaultMaxRowBytes = 1 << 20

// DefaultProgressRows is the default of Options.ProgressRows.
const DefaultProgressRows = 10_000

// Options configures Read and ReadJSONLines. The zero value detects the
// format, the encoding and the delimiter.
type Options struct {
	// Format is the export format. FormatAuto detects it from the header
	// with DetectFormat.
	Format Format
	// Columns maps fields onto headers explicitly, overriding the
	// format's usual headers for those fields. ParseColumnMap reads it
	// from text.
	Columns map[Field]string
	// Encoding is the file's character encoding. EncodingAuto detects
	// it. JSON Lines are always read as UTF-8.
	Encoding Encoding
	// Comma is the CSV delimiter. Zero detects ',', ';' or tab from the
	// header line, since Excel writes ';' in many European locales and
	// tabs in "Unicode Text" files.
	Comma rune
	// Name names the input in errors, usually its file name. The default
	// is "input".
	Name string
	// Source is stored in each record's Account.Source. The default is
	// the exporting system, such as "salesforce".
	Source string
	// MaxRowBytes limits the size of one row, so that a stray quote
	// cannot make the reader buffer the rest of a large file as one
	// field. Zero means DefaultMaxRowBytes.
	MaxRowBytes int
	// Progress, when set, is called every ProgressRows rows and once at
	// the end, on the goroutine that iterates.
	Progress func(Progress)
	// ProgressRows is the number of rows between Progress calls. Zero
	// means DefaultProgressRows.
	ProgressRows int
}

// Progress reports how far a read has come.
type Progress struct {
	// Rows is the number of data rows read so far, including rows that
	// gave an error.
	Rows int
	// Bytes is the number of bytes read from the input so far, before
	// decoding. Compare it with the file size for a percentage.
	Bytes int64
	// Done is set on the last call, after the input ended or failed.
	Done bool
}

// Record is one data row of an export. Account contains what matching
// needs, and the other columns stay available through Get, Value and All.
type Record struct {
	// Format is the row's export format, as given or detected.
	Format Format
	// Line is the line of the row's first character in the input,
	// counting from 1. For JSON Lines it is the line of the object.
	Line int
	// Account is the row as a match record. ID is the row's ID, or the
	// line number for formats without an ID column. Name is the company
	// name. Domain is the website, or the email address when the row has
	// no website. Source is Options.Source.
	Account match.Record

	columns *columnMap
	values  []string
}

// Get returns the trimmed value of field in the row: the first non-empty
// column mapped to it, or "".
func (r Record) Get(field Field) string {
	if r.columns == nil || field >= fieldCount {
		return ""
	}
	for _, i := range r.columns.fields[field] {
		if i < len(r.values) {
			if v := strings.TrimSpace(r.values[i]); v != "" {
				return v
			}
		}
	}
	return ""
}

// Value returns the value of the column whose header is header, compared
// like detected headers (case, spaces and punctuation ignored). ok is
// false when the row has no such column.
func (r Record) Value(header string) (value string, ok bool) {
	if r.columns == nil {
		return "", false
	}
	want := foldHeader(header)
	for i, h := range r.columns.header {
		if foldHeader(h) == want && i < len(r.values) {
			return r.values[i], true
		}
	}
	return "", false
}

// All yields each column's header and value in file order.
func (r Record) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		if r.columns == nil {
			return
		}
		for i, h := range r.columns.header {
			if i < len(r.values) && !yield(h, r.values[i]) {
				return
			}
		}
	}
}

// Error is an error in one row or cell of an input. Errors returned by
// Read and ReadJSONLines are of this type, except for the errors of
// invalid Options.
type Error struct {
	// Name is Options.Name.
	Name string
	// Line and Column locate the error, counting from 1. Column counts
	// bytes of the decoded UTF-8 text and is 0 when the whole row is at
	// fault.
	Line, Column int
	// Header is the header of the column at fault, or "".
	Header string
	// Value is the value at fault, cut to 60 bytes, or "".
	Value string
	// Err is the cause.
	Err error
	// fatal reports that reading cannot go on after the error.
	fatal bool
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Name)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	if e.Header != "" {
		fmt.Fprintf(&b, "column %q: ", e.Header)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, "value %q: ", e.Value)
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Fatal reports that the reader stopped after the error, as it does for
// an unreadable input, a bad header or an over-long row. After any other
// error it goes on with the next row.
func (e *Error) Fatal() bool { return e.fatal }

// ErrRowTooLong is wrapped by the error for a row longer than
// Options.MaxRowBytes.
var ErrRowTooLong = errors.New("row longer than the maximum row size")

// Read yields the data rows of a CSV export in file order, reading the
// input as it goes, so memory use does not grow with the file. The first
// row is the header. Blank rows are skipped, and so is the footer that
// Salesforce report exports write after a blank row ("Copyright ...",
// "Confidential Information ..."): single-cell rows after a blank line.
//
// A row with the wrong number of cells, invalid UTF-8 or an empty ID
// yields an *Error and reading goes on with the next row. An unreadable
// input, a missing or unrecognised header or an over-long row yields one
// error and ends the sequence.
func Read(r io.Reader, opts Options) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		rd, err := newCSVReader(r, opts)
		if err != nil {
			yield(Record{}, err)
			return
		}
		defer rd.progress.finish()
		yieldRows(yield, rd.next)
	}
}

// yieldRows passes each result of next to yield. It stops at io.EOF, when
// yield returns false, or after an error that ends the input.
func yieldRows(yield func(Record, error) bool, next func() (Record, error)) {
	for {
		rec, err := next()
		if err == io.EOF {
			return
		}
		if !yield(rec, err) {
			return
		}
		var rowErr *Error
		if errors.As(err, &rowErr) && rowErr.fatal {
			return
		}
	}
}

type csvReader struct {
	opts     Options
	csv      *csv.Reader
	budget   *rowBudget
	progress *progressCounter
	columns  *columnMap
	source   string
	// prevEndLine is the last line of the previous row, so that a gap
	// shows the blank lines that encoding/csv skips.
	prevEndLine int
	// inFooter is set once a report footer started.
	inFooter bool
}

func newCSVReader(r io.Reader, opts Options) (*csvReader, error) {
	opts = withDefaults(opts)
	if err := checkOptions(opts); err != nil {
		return nil, err
	}

	counted := &countingReader{r: r}
	text, enc, err := decodeUTF8(counted, opts.Encoding)
	if err != nil {
		return nil, &Error{Name: opts.Name, Err: err, fatal: true}
	}
	buffered := bufio.NewReaderSize(text, 64<<10)
	comma := opts.Comma
	if comma == 0 {
		head, _ := buffered.Peek(64 << 10)
		comma = detectComma(head)
	}

	budget := &rowBudget{r: buffered, limit: opts.MaxRowBytes}
	cr := csv.NewReader(budget)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	rd := &csvReader{
		opts:     opts,
		csv:      cr,
		budget:   budget,
		progress: &progressCounter{report: opts.Progress, every: opts.ProgressRows, bytes: counted},
	}
	if err := rd.readHeader(enc); err != nil {
		return nil, err
	}
	return rd, nil
}

// readHeader reads the header row, detects the format unless one is
// given, and maps the fields onto the columns.
func (rd *csvReader) readHeader(enc Encoding) error {
	opts := rd.opts
	header, err := rd.csv.Read()
	if err != nil {
		if err == io.EOF {
			err = errors.New("empty input: expected a header row")
		}
		return rd.wrapCSVError(err, true)
	}
	if e := rd.checkUTF8(header, enc, 1); e != nil {
		e.fatal = true
		return e
	}
	header = trimHeader(header)

	format := opts.Format
	if format == FormatAuto {
		if format, err = DetectFormat(header); err != nil {
			return &Error{Name: opts.Name, Line: 1, Err: err, fatal: true}
		}
	}
	cols, err := resolveColumns(format, header, opts.Columns)
	if err != nil {
		return &Error{Name: opts.Name, Line: 1, Err: err, fatal: true}
	}
	cols.name = opts.Name
	rd.columns = &cols
	rd.prevEndLine, _ = rd.csv.FieldPos(len(header) - 1)
	rd.source = opts.Source
	if rd.source == "" {
		rd.source = systemOf(format)
	}
	return nil
}

func withDefaults(opts Options) Options {
	if opts.Name == "" {
		opts.Name = "input"
	}
	if opts.MaxRowBytes <= 0 {
		opts.MaxRowBytes = DefaultMaxRowBytes
	}
	if opts.ProgressRows <= 0 {
		opts.ProgressRows = DefaultProgressRows
	}
	return opts
}

func checkOptions(opts Options) error {
	if opts.Format >= formatCount {
		return fmt.Errorf("%s: invalid format %d; use one of the Format constants", opts.Name, opts.Format)
	}
	if opts.Encoding >= encodingCount {
		return fmt.Errorf("%s: invalid encoding %d; use one of the Encoding constants", opts.Name, opts.Encoding)
	}
	if opts.Comma != 0 && (opts.Comma == '"' || opts.Comma == '\r' || opts.Comma == '\n' || !utf8.ValidRune(opts.Comma) || opts.Comma == utf8.RuneError) {
		return fmt.Errorf("%s: invalid CSV delimiter %q", opts.Name, opts.Comma)
	}
	return nil
}

// trimHeader removes surrounding spaces and a byte-order mark that a
// file written twice by Excel may carry in its first cell.
func trimHeader(header []string) []string {
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	return out
}

func (rd *csvReader) next() (Record, error) {
	for {
		rd.budget.reset()
		values, err := rd.csv.Read()
		if err == io.EOF {
			return Record{}, io.EOF
		}
		if err != nil {
			rd.progress.row()
			return Record{}, rd.wrapCSVError(err, false)
		}
		line, _ := rd.csv.FieldPos(0)
		afterGap := line > rd.prevEndLine+1
		rd.prevEndLine, _ = rd.csv.FieldPos(len(values) - 1)
		if isBlank(values) {
			continue
		}
		if len(values) == 1 && len(rd.columns.header) > 1 && (afterGap || rd.inFooter) {
			// Salesforce report exports end with a blank line and
			// single-cell rows: "Total", the copyright and a notice.
			rd.inFooter = true
			continue
		}
		rd.inFooter = false
		rd.progress.row()
		if len(values) != len(rd.columns.header) {
			return Record{}, &Error{Name: rd.opts.Name, Line: line, Err: fmt.Errorf("row has %d cells but the header has %d", len(values), len(rd.columns.header))}
		}
		if e := rd.checkUTF8(values, UTF8, line); e != nil {
			return Record{}, e
		}
		return makeRecord(rd.columns, rd.source, line, values, rd.opts.Name)
	}
}

// checkUTF8 reports the first cell that is not valid UTF-8. Decoded
// UTF-16 and Windows-1252 text is always valid, so only UTF-8 input can
// fail here.
func (rd *csvReader) checkUTF8(values []string, enc Encoding, line int) *Error {
	for i, v := range values {
		if utf8.ValidString(v) {
			continue
		}
		_, col := rd.csv.FieldPos(i)
		e := &Error{Name: rd.opts.Name, Line: line, Column: col, Value: clip(strings.ToValidUTF8(v, "\uFFFD")), Err: fmt.Errorf("invalid UTF-8 in a %s file; if it was saved as Windows-1252, set the encoding to windows-1252", enc)}
		if rd.columns != nil && i < len(rd.columns.header) {
			e.Header = rd.columns.header[i]
		}
		return e
	}
	return nil
}

func (rd *csvReader) wrapCSVError(err error, fatal bool) *Error {
	var parseErr *csv.ParseError
	if errors.As(err, &parseErr) && !errors.Is(err, ErrRowTooLong) {
		return &Error{Name: rd.opts.Name, Line: parseErr.Line, Column: parseErr.Column, Err: parseErr.Err, fatal: fatal}
	}
	if errors.Is(err, ErrRowTooLong) {
		// encoding/csv reports no position for reader errors, so the
		// line is the one after the last complete row.
		return &Error{Name: rd.opts.Name, Line: rd.prevEndLine + 1, Err: fmt.Errorf("%w (%d bytes); the file may have an unclosed quote", ErrRowTooLong, rd.opts.MaxRowBytes), fatal: true}
	}
	return &Error{Name: rd.opts.Name, Err: fmt.Errorf("read: %w", err), fatal: true}
}

// makeRecord builds a record from the values of one row.
func makeRecord(cols *columnMap, source string, line int, values []string, name string) (Record, error) {
	rec := Record{Format: cols.format, Line: line, columns: cols, values: values}
	rec.Account = match.Record{
		ID:     rec.Get(FieldID),
		Source: source,
		Name:   rec.Get(FieldName),
		Domain: rec.Get(FieldWebsite),
	}
	if rec.Account.Domain == "" {
		rec.Account.Domain = rec.Get(FieldEmail)
	}
	if len(cols.fields[FieldID]) == 0 {
		rec.Account.ID = strconv.Itoa(line)
	} else if rec.Account.ID == "" && !cols.format.Activity() {
		header := cols.header[cols.fields[FieldID][0]]
		return rec, &Error{Name: name, Line: line, Header: header, Err: errors.New("empty ID; every account, lead and contact needs one")}
	}
	return rec, nil
}

func systemOf(f Format) string {
	name := f.String()
	system, _, _ := strings.Cut(name, "-")
	return system
}

func isBlank(values []string) bool {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func clip(s string) string {
	const maxLen = 60
	if len(s) <= maxLen {
		return s
	}
	cut := maxLen
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

// detectComma picks the delimiter that occurs most often outside quotes
// in the first line of head: ',', ';' or tab, with ',' on a tie.
func detectComma(head []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range head {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' {
			break
		}
		if c == ',' || c == ';' || c == '\t' {
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// rowBudget fails a read once more than limit bytes were read since the
// last reset, which the reader calls before each row.
//
// NOTE: encoding/csv reads ahead up to 4 KiB, so a row up to 4 KiB
// longer than limit may pass, and one up to 4 KiB shorter may fail.
type rowBudget struct {
	r     io.Reader
	used  int
	limit int
}

func (b *rowBudget) reset() { b.used = 0 }

func (b *rowBudget) Read(p []byte) (int, error) {
	if b.used > b.limit {
		return 0, ErrRowTooLong
	}
	n, err := b.r.Read(p)
	b.used += n
	return n, err
}

type progressCounter struct {
	report func(Progress)
	every  int
	rows   int
	bytes  *countingReader
}

func (p *progressCounter) row() {
	p.rows++
	if p.report != nil && p.rows%p.every == 0 {
		p.report(Progress{Rows: p.rows, Bytes: p.bytes.n})
	}
}

func (p *progressCounter) finish() {
	if p.report != nil {
		p.report(Progress{Rows: p.rows, Bytes: p.bytes.n, Done: true})
	}
}
