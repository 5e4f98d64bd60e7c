package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/overlap"
)

func TestParseDateValid(t *testing.T) {
	tests := []struct {
		value string
		want  time.Time
	}{
		{"2026-03-15", time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)},
		{"  2026-03-15\t", time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)},
		{"2026-03-15T14:30", time.Date(2026, 3, 15, 14, 30, 0, 0, time.UTC)},
		{"2026-03-15 14:30:05", time.Date(2026, 3, 15, 14, 30, 5, 0, time.UTC)},
		{"2026-03-15T14:30:05.250", time.Date(2026, 3, 15, 14, 30, 5, 250e6, time.UTC)},
		{"2026-03-15T14:30:05Z", time.Date(2026, 3, 15, 14, 30, 5, 0, time.UTC)},
		{"2026-03-15t14:30:05z", time.Date(2026, 3, 15, 14, 30, 5, 0, time.UTC)},
		{"2026-03-15T14:30Z", time.Date(2026, 3, 15, 14, 30, 0, 0, time.UTC)},
		{"2026-03-15T14:30:05+02:00", time.Date(2026, 3, 15, 12, 30, 5, 0, time.UTC)},
		{"2026-03-15T14:30-0500", time.Date(2026, 3, 15, 19, 30, 0, 0, time.UTC)},
		{"2026-03-15 23:30:00-05:00", time.Date(2026, 3, 16, 4, 30, 0, 0, time.UTC)},
		{"2024-02-29", time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			got, err := parseDate(tt.value)
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %s, want %s", got, tt.want)
			assert.Equal(t, time.UTC, got.Location())
		})
	}
}

func TestParseDateInvalid(t *testing.T) {
	tests := []struct {
		value, want string
	}{
		{"", "date is empty"},
		{"   ", "date is empty"},
		{"4/9/2026", `invalid date "4/9/2026": expected ISO 8601`},
		{"15.03.2026", `invalid date "15.03.2026": expected ISO 8601`},
		{"20260315", `invalid date "20260315": expected ISO 8601`},
		{"2026-3-5", `invalid date "2026-3-5": expected ISO 8601`},
		{"March 15, 2026", `invalid date "March 15, 2026": expected ISO 8601`},
		{"2026-02-30", `invalid date "2026-02-30": day out of range`},
		{"2025-02-29", `invalid date "2025-02-29": day out of range`},
		{"2026-13-01", `invalid date "2026-13-01": month out of range`},
		{"2026-03-15T25:00", `invalid date "2026-03-15T25:00": expected ISO 8601`},
		{"2026-03-15T14", `invalid date "2026-03-15T14": expected ISO 8601`},
		{"2026-03-15T14:30:05 EST", `invalid date "2026-03-15T14:30:05 EST": expected ISO 8601`},
		{"2026-03-15T14:30:05+2", `invalid date "2026-03-15T14:30:05+2": expected ISO 8601`},
		{"1773584400", `invalid date "1773584400": expected ISO 8601`},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			_, err := parseDate(tt.value)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestParseWindow(t *testing.T) {
	w, err := parseWindow("2026-04-01", "2026-07-01T00:00:00+02:00")
	require.NoError(t, err)
	assert.Equal(t, "2026-04-01T00:00:00Z to 2026-06-30T22:00:00Z", w.String())

	w, err = parseWindow("", "2026-07-01")
	require.NoError(t, err)
	assert.True(t, w.Start.IsZero(), "an empty -from leaves the start open")

	tests := []struct {
		from, to, want string
	}{
		{"2026-04-31", "", `invalid -from: invalid date "2026-04-31": day out of range`},
		{"", "next week", `invalid -to: invalid date "next week"`},
		{"2026-07-01", "2026-04-01", "invalid window: -from 2026-07-01 is not before -to 2026-04-01"},
		{"2026-04-01", "2026-04-01", "invalid window: -from 2026-04-01 is not before -to 2026-04-01"},
	}
	for _, tt := range tests {
		_, err := parseWindow(tt.from, tt.to)
		assert.ErrorContains(t, err, tt.want, "-from %q -to %q", tt.from, tt.to)
	}
}

func TestApplyWindowOutcomes(t *testing.T) {
	data := "Company,Email,Last Activity\n" +
		"Before,a@before.example,2026-03-31T23:59:59Z\n" +
		"AtFrom,a@atfrom.example,2026-04-01\n" +
		"Inside,a@inside.example,2026-05-15 10:00\n" +
		"LastSecond,a@last.example,2026-06-30T23:59:59Z\n" +
		"AtTo,a@atto.example,2026-07-01T02:00:00+02:00\n" +
		"Offset,a@offset.example,2026-06-30T23:00:00-05:00\n" +
		"Empty,a@empty.example,\n" +
		"Bad,a@bad.example,31/05/2026\n" +
		"Short row\n"
	tbl, err := readTable(strings.NewReader(data), "m.csv", "marketing", nil)
	require.NoError(t, err)
	require.Equal(t, 2, tbl.columns[roleDate])
	w, err := parseWindow("2026-04-01", "2026-07-01")
	require.NoError(t, err)
	require.NoError(t, tbl.applyWindow(w))

	tests := []struct {
		name, outside, rejected string
	}{
		{"Before", "touched 2026-03-31T23:59:59Z, before -from 2026-04-01T00:00:00Z", ""},
		{"AtFrom", "", ""},
		{"Inside", "", ""},
		{"LastSecond", "", ""},
		{"AtTo", "touched 2026-07-01T00:00:00Z, not before -to 2026-07-01T00:00:00Z", ""},
		{"Offset", "touched 2026-07-01T04:00:00Z, not before -to 2026-07-01T00:00:00Z", ""},
		{"Empty", "", "m.csv: line 8, column 3 (Last Activity): date is empty"},
		{"Bad", "", `m.csv: line 9, column 3 (Last Activity): invalid date "31/05/2026"`},
		{"", "", "m.csv: line 10: has 1 fields, the header has 3"},
	}
	require.Len(t, tbl.rows, len(tests))
	for i, tt := range tests {
		r := tbl.rows[i]
		assert.Equal(t, tt.name, r.record.Name, "line %d", r.line)
		assert.Equal(t, tt.outside, r.outside, "line %d", r.line)
		if tt.rejected == "" {
			assert.Empty(t, r.rejected, "line %d", r.line)
		} else {
			assert.Contains(t, r.rejected, tt.rejected, "line %d", r.line)
		}
	}
	recs, pos := tbl.records()
	assert.Len(t, recs, 3)
	assert.Equal(t, []int{1, 2, 3}, pos)
}

func TestApplyWindowNoDateColumn(t *testing.T) {
	tbl, err := readTable(strings.NewReader("Company,Created On\nAcme,2026-04-01\n"), "crm.csv", "sales", nil)
	require.NoError(t, err)
	err = tbl.applyWindow(overlap.Window{Start: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "crm.csv: -from and -to need a date column")
	assert.Contains(t, err.Error(), "Company, Created On")
	assert.Contains(t, err.Error(), "-sales-columns date=HEADER")

	spec, err := parseColumnSpec("date=Created On", "marketing")
	require.NoError(t, err)
	tbl, err = readTable(strings.NewReader("Company,Created On\nAcme,2026-04-01\n"), "crm.csv", "sales", spec)
	require.NoError(t, err)
	assert.NoError(t, tbl.applyWindow(overlap.Window{Start: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}))
}

// TestSampleQuartersPartitionTouches runs the sample once per quarter of
// 2026. Every valid sample date lies in 2026, so each row with one is
// inside exactly one quarter and outside the other three.
func TestSampleQuartersPartitionTouches(t *testing.T) {
	inputs, err := openInputs(config{})
	require.NoError(t, err)
	all, err := buildReport(context.Background(), inputs, reportOptions{})
	require.NoError(t, err)

	outside := map[string]int{}
	dateRejected := map[string]int{}
	for q := range 4 {
		from := fmt.Sprintf("2026-%02d-01", 1+3*q)
		to := fmt.Sprintf("2026-%02d-01", 4+3*q)
		if q == 3 {
			to = "2027-01-01"
		}
		w, err := parseWindow(from, to)
		require.NoError(t, err)
		rep, err := buildReport(context.Background(), inputs, reportOptions{window: w})
		require.NoError(t, err)
		require.NotNil(t, rep.Window)

		assert.Equal(t, 0, rep.Targets.Outside, "the targets file has no dates")
		for i, f := range rep.Files {
			assert.Equal(t, f.Read, f.Matched+f.Unmatched+f.Rejected+f.Outside, "%s %s", from, f.Path)
			assert.Equal(t, f.Unmatched+f.Rejected+f.Outside, len(f.Rows), "%s %s", from, f.Path)
			assert.Positive(t, f.Outside, "%s %s", from, f.Path)
			assert.LessOrEqual(t, f.Matched, all.Files[i].Matched, "%s %s", from, f.Path)
			outside[f.Source] += f.Outside
			rejected := 0
			for _, r := range f.Rows {
				if r.Outcome == "rejected" && strings.Contains(r.Reason, "(Last Activity") {
					rejected++
				}
			}
			dateRejected[f.Source] = rejected
		}
		assert.Equal(t, all.Overlap.Universe.Size, rep.Overlap.Universe.Size, "a window changes the reach, not the targets")
	}
	assert.Equal(t, 1, dateRejected["marketing"], "the sample has one lead with a US-style date")
	assert.Equal(t, 0, dateRejected["sales"])
	for _, f := range all.Files {
		assert.Equal(t, 3*(f.Read-dateRejected[f.Source]), outside[f.Source], f.Path)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, seed := range []string{"2026-03-15", "2026-03-15T14:30:05.250+02:00", "2026-03-15 14:30",
		"2026-02-30", "4/9/2026", "", "2026-03-15T14:30-0500", "9999-12-31T23:59:59Z"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, value string) {
		got, err := parseDate(value)
		if err != nil {
			if strings.TrimSpace(value) != "" && !strings.Contains(err.Error(), fmt.Sprintf("%q", value)) {
				t.Fatalf("error does not quote the value %q: %v", value, err)
			}
			return
		}
		if got.Location() != time.UTC {
			t.Fatalf("parseDate(%q) = %s, not in UTC", value, got)
		}
		again, err := parseDate(got.Format(time.RFC3339Nano))
		if err != nil || !again.Equal(got) {
			t.Fatalf("parseDate(%q) = %s, which does not read back: %v, %v", value, got, again, err)
		}
	})
}
