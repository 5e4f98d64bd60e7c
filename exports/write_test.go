package exports

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/match"
)

func TestEscapeFormula(t *testing.T) {
	tests := []struct {
		cell string
		want string
	}{
		{"Acme Widgets", "Acme Widgets"},
		{"", ""},
		{"=HYPERLINK(\"http://evil.example\",\"x\")", "'=HYPERLINK(\"http://evil.example\",\"x\")"},
		{"+1 555 0100", "'+1 555 0100"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A2)", "'@SUM(A1:A2)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"＝1+1", "'＝1+1"},
		{"-12.5", "-12.5"},
		{"+42", "+42"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			assert.Equal(t, tt.want, EscapeFormula(tt.cell))
		})
	}
}

func TestCSVWriterWriteMatched(t *testing.T) {
	var buf bytes.Buffer
	w := NewCSVWriter(&buf)
	require.NoError(t, w.Write(MatchedHeader()))
	m := Matched{
		Record: Record{Line: 7, Account: match.Record{ID: "L1", Name: "=cmd|' /C calc'!A0", Domain: "acme.example"}},
		Result: match.Result{
			Decision:  match.Match,
			AccountID: "A1",
			Candidates: []match.Candidate{
				{AccountID: "A1", Comparison: match.Comparison{Score: 0.98765}},
			},
			Reason: "matched",
		},
	}
	require.NoError(t, w.WriteMatched(m))
	require.NoError(t, w.Flush())

	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 2)
	assert.Equal(t, MatchedHeader(), rows[0])
	assert.Equal(t, []string{"7", "L1", "'=cmd|' /C calc'!A0", "acme.example", "match", "A1", "0.9877", "matched"}, rows[1])
}
