package exports

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
)

// EscapeFormula returns cell so that a spreadsheet shows it as text.
// Spreadsheets run a cell that starts with "=", "+", "-", "@", a tab or a
// carriage return as a formula, so an export cell such as
// "=HYPERLINK(...)" would run when the file is opened. EscapeFormula puts
// an apostrophe in front of such a cell, as the OWASP page on CSV
// injection advises. It also escapes the full-width forms of the four
// characters, as a precaution for East Asian input methods. Numbers such
// as "-12.5" are left alone, because spreadsheets read them as numbers.
func EscapeFormula(cell string) string {
	if cell == "" || !startsFormula(cell) {
		return cell
	}
	if _, err := strconv.ParseFloat(cell, 64); err == nil {
		return cell
	}
	return "'" + cell
}

func startsFormula(cell string) bool {
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	for _, prefix := range []string{"＝", "＋", "－", "＠"} {
		if strings.HasPrefix(cell, prefix) {
			return true
		}
	}
	return false
}

// CSVWriter writes CSV rows with every cell passed through EscapeFormula.
// It is not safe for concurrent use.
type CSVWriter struct {
	w *csv.Writer
}

// NewCSVWriter returns a writer of comma-separated rows to w.
func NewCSVWriter(w io.Writer) *CSVWriter {
	return &CSVWriter{w: csv.NewWriter(w)}
}

// Write writes one row. Like csv.Writer, it buffers, so call Flush at the
// end.
func (w *CSVWriter) Write(cells []string) error {
	escaped := make([]string, len(cells))
	for i, c := range cells {
		escaped[i] = EscapeFormula(c)
	}
	return w.w.Write(escaped)
}

// Flush writes buffered rows and returns the first error of any write.
func (w *CSVWriter) Flush() error {
	w.w.Flush()
	return w.w.Error()
}

// MatchedHeader returns the header row that WriteMatched writes rows
// for. It returns a new slice on each call.
func MatchedHeader() []string {
	return []string{"line", "id", "name", "domain", "decision", "account_id", "score", "reason"}
}

// WriteMatched writes one row of MatchedHeader for a matched record: its
// line and account fields, the decision, the matched account, the best
// candidate's score and the reason.
func (w *CSVWriter) WriteMatched(m Matched) error {
	score := ""
	if len(m.Result.Candidates) > 0 {
		score = strconv.FormatFloat(m.Result.Candidates[0].Comparison.Score, 'f', 4, 64)
	}
	return w.Write([]string{
		strconv.Itoa(m.Record.Line),
		m.Record.Account.ID,
		m.Record.Account.Name,
		m.Record.Account.Domain,
		m.Result.Decision.String(),
		m.Result.AccountID,
		score,
		m.Result.Reason,
	})
}
