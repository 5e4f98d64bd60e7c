package journey

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Zone tests must not depend on the machine's zone database.

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	return loc
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseAcceptedForms(t *testing.T) {
	p := &TimeParser{Abbreviations: NorthAmericanAbbreviations(), Location: time.UTC}
	tests := []struct {
		in   string
		want string
	}{
		{"2024-03-01T09:30:00+02:00", "2024-03-01T07:30:00Z"},
		{"2024-03-01T09:30:00.123456789Z", "2024-03-01T09:30:00.123456789Z"},
		{"2024-03-01 09:30:00+0200", "2024-03-01T07:30:00Z"},
		{"2024-03-01 09:30:00 -05", "2024-03-01T14:30:00Z"},
		{"2024-03-01 09:30", "2024-03-01T09:30:00Z"},
		{"2024-03-01", "2024-03-01T00:00:00Z"},
		{"2024/03/01 09:30:00", "2024-03-01T09:30:00Z"},
		{"Wed, 25 Dec 2019 20:09:20 EST", "2019-12-26T01:09:20Z"},
		{"Wed, 25 Dec 2019 20:09:20 -0500", "2019-12-26T01:09:20Z"},
		{"25-Dec-2019 8:09 PM", "2019-12-25T20:09:00Z"},
		{"Dec 25, 2019 12:05 AM", "2019-12-25T00:05:00Z"},
		{"December 25th 2019 12:05 pm", "2019-12-25T12:05:00Z"},
		{"2019-12-25 20:09:20 UTC", "2019-12-25T20:09:20Z"},
		{"2019-12-25 20:09:20 GMT+1", "2019-12-25T19:09:20Z"},
		{"2019-12-25 20:09:20 (PDT)", "2019-12-26T03:09:20Z"},
		{"13/02/2022 10:00", "2022-02-13T10:00:00Z"},
		{"02/13/2022 10:00", "2022-02-13T10:00:00Z"},
		{"05.05.2022", "2022-05-05T00:00:00Z"},
		{"1700000000", "2023-11-14T22:13:20Z"},
		{"1700000000000", "2023-11-14T22:13:20Z"},
		{"1700000000.5", "2023-11-14T22:13:20.5Z"},
		{"-86400", "1969-12-31T00:00:00Z"},
		{"Wed, 25 Dec 2019 20:09:20 -0500 (EST)", "2019-12-26T01:09:20Z"},
		{"2019-12-25 20:09:20 +0000 UTC", "2019-12-25T20:09:20Z"},
		{"2019-12-25 20:09:20 +0100 CET", "2019-12-25T19:09:20Z"},
	}
	for _, tt := range tests {
		got, err := p.Parse(tt.in)
		if !assert.NoError(t, err, "input %q", tt.in) {
			continue
		}
		assert.Equal(t, utc(tt.want), got.Time.UTC(), "input %q", tt.in)
	}
}

func TestParseRejectsInvalid(t *testing.T) {
	p := &TimeParser{Location: time.UTC}
	tests := []struct {
		in   string
		want string
	}{
		{"", "missing timestamp"},
		{"Wed, 25 Dec 2019 20:09:20 EST", `unknown zone abbreviation "EST"`},
		{"Thu, 25 Dec 2019 20:09:20 +0000", `weekday "thu" does not match`},
		{"2019-02-30", "day 30 is out of range"},
		{"2019-13-01", "month 13 is out of range"},
		{"2019-12-01 24:00", "out of range"},
		{"2019-12-01 13:00 PM", "invalid with AM or PM"},
		{"01/02/2022", "ambiguous"},
		{"2019-12-01 10:00 +15:00", "UTC offset"},
		{"2019-12-01 10:00 in the morning", "unrecognized text"},
		{"yesterday", "unrecognized date"},
		{"2019/12-01", "separators"},
		{"Foo 3, 2019", "unknown month name"},
		{"100000000000000", "out of range"},
		{"99999999999999999999", "out of range"},
		{"1700000000000.5", "milliseconds by magnitude"},
		{"2019-12-25 20:09:20 +0100 UTC", "contradicts"},
	}
	for _, tt := range tests {
		_, err := p.Parse(tt.in)
		if assert.Error(t, err, "input %q", tt.in) {
			assert.Contains(t, err.Error(), tt.want, "input %q", tt.in)
		}
	}
}

func TestParseZoneAbbreviationNeverUTC(t *testing.T) {
	// Without a table the abbreviation is rejected. With it, EST is -05:00.
	const in = "Wed, 25 Dec 2019 20:09:20 EST"
	_, err := (&TimeParser{}).Parse(in)
	require.Error(t, err)

	got, err := (&TimeParser{Abbreviations: NorthAmericanAbbreviations()}).Parse(in)
	require.NoError(t, err)
	assert.Equal(t, utc("2019-12-26T01:09:20Z"), got.Time)
	assert.NotEqual(t, utc("2019-12-25T20:09:20Z"), got.Time)
}

func TestParseOffsetContradictsAbbreviation(t *testing.T) {
	p := &TimeParser{Abbreviations: NorthAmericanAbbreviations()}
	_, err := p.Parse("Wed, 25 Dec 2019 20:09:20 -0400 (EST)")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `contradicts zone abbreviation "EST"`)
}

func TestParseLocalWithoutLocationFails(t *testing.T) {
	_, err := (&TimeParser{}).Parse("2024-03-01 09:30")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no location is set")
}

func TestParseOrdersOffsetsByInstant(t *testing.T) {
	p := &TimeParser{}
	a, err := p.Parse("2024-03-01T09:30:00+02:00")
	require.NoError(t, err)
	b, err := p.Parse("2024-03-01T08:00:00+00:00")
	require.NoError(t, err)
	assert.True(t, a.Time.Before(b.Time))
}

func TestResolveLocalDaylightSaving(t *testing.T) {
	tests := []struct {
		zone          string
		wall          string
		want          string
		wantShifted   bool
		wantAmbiguous bool
	}{
		{"America/New_York", "2024-03-10 02:30", "2024-03-10T07:30:00Z", true, false},
		{"America/Havana", "2019-03-10 00:00", "2019-03-10T05:00:00Z", true, false},
		{"Australia/Lord_Howe", "2024-10-06 02:15", "2024-10-05T15:45:00Z", true, false},
		{"America/New_York", "2024-11-03 01:30", "2024-11-03T05:30:00Z", false, true},
		{"Australia/Lord_Howe", "2024-04-07 01:45", "2024-04-06T14:45:00Z", false, true},
		{"Europe/Berlin", "2024-07-01 12:00", "2024-07-01T10:00:00Z", false, false},
		{"Asia/Kolkata", "2024-07-01 12:00", "2024-07-01T06:30:00Z", false, false},
	}
	for _, tt := range tests {
		p := &TimeParser{Location: mustLoad(t, tt.zone)}
		got, err := p.Parse(tt.wall)
		require.NoError(t, err, "%s in %s", tt.wall, tt.zone)
		assert.Equal(t, utc(tt.want), got.Time.UTC(), "%s in %s", tt.wall, tt.zone)
		assert.Equal(t, tt.wantShifted, got.Shifted, "shifted: %s in %s", tt.wall, tt.zone)
		assert.Equal(t, tt.wantAmbiguous, got.Ambiguous, "ambiguous: %s in %s", tt.wall, tt.zone)
		assert.Equal(t, tt.zone, got.Time.Location().String())
	}
}

func TestParseInOverridesLocation(t *testing.T) {
	p := &TimeParser{Location: time.UTC}
	got, err := p.ParseIn("2024-07-01 12:00", mustLoad(t, "Asia/Tokyo"))
	require.NoError(t, err)
	assert.Equal(t, utc("2024-07-01T03:00:00Z"), got.Time.UTC())
}

func TestEpochTimeMagnitude(t *testing.T) {
	want := utc("2023-11-14T22:13:20Z")
	for _, v := range []int64{1700000000, 1700000000000} {
		got, err := EpochTime(v)
		require.NoError(t, err)
		assert.Equal(t, want, got, "value %d", v)
	}
	got, err := (&TimeParser{}).Parse("1700000000000")
	require.NoError(t, err)
	assert.Equal(t, want, got.Time)

	_, err = EpochTime(1e15)
	assert.Error(t, err)
}

func TestInferDateOrder(t *testing.T) {
	tests := []struct {
		name    string
		column  []string
		want    DateOrder
		wantErr string
	}{
		{"ambiguous", []string{"01/02/2022", "05/03/2022"}, DateOrderUnknown, "ambiguous"},
		{"day first", []string{"01/02/2022", "25/03/2022"}, DayFirst, ""},
		{"month first", []string{"01/02/2022", "03/25/2022 10:00"}, MonthFirst, ""},
		{"mixed", []string{"25/03/2022", "03/25/2022"}, DateOrderUnknown, "mixes"},
		{"no numeric dates", []string{"2022-01-02", "1700000000"}, DateOrderUnknown, ""},
		{"equal fields", []string{"05/05/2022"}, DateOrderUnknown, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := InferDateOrder(tt.column)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseColumnDayMonthOrder(t *testing.T) {
	column := []string{"01/02/2022", "05/03/2022"}
	_, err := (&TimeParser{Location: time.UTC}).ParseColumn(column)
	require.Error(t, err)

	got, err := (&TimeParser{Location: time.UTC, DateOrder: DayFirst}).ParseColumn(column)
	require.NoError(t, err)
	assert.Equal(t, utc("2022-02-01T00:00:00Z"), got[0].Time.UTC())
	assert.Equal(t, utc("2022-03-05T00:00:00Z"), got[1].Time.UTC())

	got, err = (&TimeParser{Location: time.UTC}).ParseColumn(append(column, "31/12/2022"))
	require.NoError(t, err)
	assert.Equal(t, utc("2022-02-01T00:00:00Z"), got[0].Time.UTC())
}

func TestParseColumnNamesRow(t *testing.T) {
	_, err := (&TimeParser{}).ParseColumn([]string{"2022-01-01T00:00:00Z", "nope"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "row 1")
	assert.Contains(t, err.Error(), `"nope"`)
}

func FuzzParseTimestamp(f *testing.F) {
	for _, seed := range []string{
		"2024-03-01T09:30:00+02:00", "Wed, 25 Dec 2019 20:09:20 EST", "01/02/2022",
		"1700000000000", "Dec 25, 2019 12:05 AM", "2024-03-10 02:30", "-1.5", "13/13/2013",
	} {
		f.Add(seed)
	}
	p := &TimeParser{Location: mustLoad(f, "America/New_York"), Abbreviations: NorthAmericanAbbreviations()}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := p.Parse(s)
		if err != nil {
			if !strings.Contains(err.Error(), "journey:") {
				t.Fatalf("error %q lacks the package prefix", err)
			}
			return
		}
		if y := got.Time.UTC().Year(); y >= 1 && y <= 9999 {
			again, err := p.Parse(got.Time.UTC().Format(time.RFC3339Nano))
			if err != nil {
				t.Fatalf("parsed %q to %v, which does not parse back: %v", s, got.Time, err)
			}
			if !again.Time.Equal(got.Time) {
				t.Fatalf("parsed %q to %v, which parses back to %v", s, got.Time, again.Time)
			}
		}
		if got.Shifted && got.Ambiguous {
			t.Fatalf("parsed %q as both shifted and ambiguous", s)
		}
	})
}

func FuzzParseColumn(f *testing.F) {
	f.Add("01/02/2022\n05/03/2022")
	f.Add("13/02/2022 10:00\n02/13/2022")
	f.Add("2024-03-01\n1700000000")
	f.Fuzz(func(t *testing.T, column string) {
		values := strings.Split(column, "\n")
		order, err := InferDateOrder(values)
		if err != nil {
			return
		}
		p := &TimeParser{Location: time.UTC, DateOrder: order}
		got, err := p.ParseColumn(values)
		if err != nil {
			return
		}
		if len(got) != len(values) {
			t.Fatalf("parsed %d of %d values", len(got), len(values))
		}
	})
}

func TestParseAbbreviationKeysIgnoreCase(t *testing.T) {
	p := &TimeParser{Abbreviations: map[string]int{"cet": 3600}}
	got, err := p.Parse("2024-01-10 12:00 CET")
	require.NoError(t, err)
	assert.Equal(t, utc("2024-01-10T11:00:00Z"), got.Time)

	conflict := &TimeParser{Abbreviations: map[string]int{"ist": 19800, "Ist": 7200}}
	_, err = conflict.Parse("2024-01-10 12:00 IST")
	assert.ErrorContains(t, err, "conflicting entries")
}
