package journey

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadTouchpointsCSV(t *testing.T) {
	const data = "Account_ID,Timestamp,Team,Channel,Contact,Type,Campaign,Source,Weight,TZ,Extra\n" +
		"acme,2024-03-10 02:30,marketing,web,x@acme.com,page_view,spring,map,2,America/New_York,ignored\n" +
		"acme,13/03/2024 09:00,Sales,call,x@acme.com,call,,crm,,,\n" +
		"globex,1700000000,sales,meeting,,,,,,,\n"
	touches, err := ReadTouchpointsCSV(strings.NewReader(data), CSVOptions{Parser: TimeParser{Location: time.UTC}})
	require.NoError(t, err)
	require.Len(t, touches, 3)
	assert.Equal(t, utc("2024-03-10T07:30:00Z"), touches[0].Time.UTC())
	assert.Equal(t, Marketing, touches[0].Team)
	assert.Equal(t, "spring", touches[0].Campaign)
	assert.Equal(t, 2.0, touches[0].Weight)
	assert.Equal(t, utc("2024-03-13T09:00:00Z"), touches[1].Time, "day first inferred from 13/03")
	assert.Equal(t, utc("2023-11-14T22:13:20Z"), touches[2].Time)
}

func TestReadTouchpointsCSVErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty", "", "CSV is empty"},
		{"missing team column", "account,time\na,2024-01-01T00:00:00Z\n", "no team column"},
		{"bad team", "account,time,team\na,2024-01-01T00:00:00Z,support\n", `line 2: column team: journey: invalid team "support"`},
		{"bad time", "account,time,team\na,2024-01-01T00:00:00Z,sales\nb,soon,sales\n", "line 3: column time"},
		{"ambiguous dates", "account,time,team\na,01/02/2024 10:00,sales\n", "ambiguous"},
		{"bad zone", "account,time,team,tz\na,2024-01-01 10:00,sales,Mars/Olympus\n", "unknown IANA zone"},
		{"bad weight", "account,time,team,weight\na,2024-01-01T00:00:00Z,sales,heavy\n", "invalid number"},
		{"local without zone", "account,time,team\na,2024-01-01 10:00,sales\n", "no location is set"},
		{"duplicate column", "account,account_id,time,team\n", "two account columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTouchpointsCSV(strings.NewReader(tt.data), CSVOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func FuzzReadTouchpointsCSV(f *testing.F) {
	f.Add("account,time,team,channel\nacme,2024-03-10 02:30,marketing,web\n")
	f.Add("account,time,team,tz\na,01/02/2024,sales,America/Havana\n")
	f.Add("account,time,team,weight\na,1700000000000,sales,1e308\n")
	f.Fuzz(func(t *testing.T, data string) {
		touches, err := ReadTouchpointsCSV(strings.NewReader(data), CSVOptions{Parser: TimeParser{Location: time.UTC}})
		if err != nil {
			return
		}
		for i := range touches {
			if err := touches[i].Validate(); err != nil {
				t.Fatalf("returned invalid touch %d: %v", i, err)
			}
		}
		if _, err := BuildTimelines(touches, TimelineOptions{DuplicateWindow: time.Minute}); err != nil {
			t.Fatalf("valid touches failed to build timelines: %v", err)
		}
	})
}

func TestReadTouchpointsCSVAccountZones(t *testing.T) {
	const data = "account,time,team,tz\n" +
		"tokyo,2024-07-01 12:00,sales,\n" +
		"tokyo,2024-07-01 12:00,sales,Europe/Berlin\n" +
		"other,2024-07-01 12:00,sales,\n"
	touches, err := ReadTouchpointsCSV(strings.NewReader(data), CSVOptions{
		Parser:       TimeParser{Location: time.UTC},
		AccountZones: map[string]*time.Location{"tokyo": mustLoad(t, "Asia/Tokyo")},
	})
	require.NoError(t, err)
	assert.Equal(t, utc("2024-07-01T03:00:00Z"), touches[0].Time.UTC(), "account zone")
	assert.Equal(t, utc("2024-07-01T10:00:00Z"), touches[1].Time.UTC(), "row zone wins")
	assert.Equal(t, utc("2024-07-01T12:00:00Z"), touches[2].Time.UTC(), "parser location")
}

func TestReadTouchpointsCSVWithNotes(t *testing.T) {
	const data = "account,time,team,tz\n" +
		"a,2024-03-10 02:30,sales,America/New_York\n" +
		"a,2024-03-10 04:30,sales,America/New_York\n" +
		"a,2024-11-03 01:30,sales,America/New_York\n"
	touches, notes, err := ReadTouchpointsCSVWithNotes(strings.NewReader(data), CSVOptions{})
	require.NoError(t, err)
	require.Len(t, touches, 3)
	require.Len(t, notes, 2)
	assert.Equal(t, 2, notes[0].Line)
	assert.True(t, notes[0].Parsed.Shifted)
	assert.Equal(t, "2024-03-10 02:30", notes[0].Value)
	assert.Equal(t, 4, notes[1].Line)
	assert.True(t, notes[1].Parsed.Ambiguous)
}
