package exports

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/journey"
)

func TestTouchpointsFromActivityExports(t *testing.T) {
	utc := &journey.TimeParser{Location: time.UTC}
	leadAccounts := map[string]string{"1001": "ACC-FQM", "1002": "ACC-BIOTRIAL"}
	tests := []struct {
		file    string
		touch   TouchOptions
		want    []journey.Touchpoint
		errLine []int
	}{
		{
			file:  "salesforce_tasks.csv",
			touch: TouchOptions{Parser: utc},
			want: []journey.Touchpoint{
				{AccountID: "0015g00000AbCdEAAV", Time: time.Date(2024, 3, 4, 0, 0, 0, 0, time.UTC), Team: journey.Sales, Channel: "phone", Contact: "0035g00000Qr7sAAAR", Type: "Call", Source: "salesforce"},
				{AccountID: "0015g00000AbCdFAAV", Time: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC), Team: journey.Sales, Channel: "email", Contact: "0035g00000Qr7tAAAR", Type: "Email", Source: "salesforce"},
			},
			errLine: []int{4},
		},
		{
			file: "salesforce_events.csv",
			want: []journey.Touchpoint{
				{AccountID: "0015g00000AbCdEAAV", Time: time.Date(2024, 3, 11, 1, 0, 0, 0, time.UTC), Team: journey.Sales, Channel: "meeting", Contact: "0035g00000Qr7sAAAR", Type: "Meeting", Source: "salesforce"},
				{AccountID: "0015g00000AbCdFAAV", Time: time.Date(2024, 3, 12, 13, 30, 0, 0, time.UTC), Team: journey.Sales, Contact: "0035g00000Qr7tAAAR", Type: "Demo", Source: "salesforce"},
			},
		},
		{
			file:  "salesforce_campaign_members.csv",
			touch: TouchOptions{Source: "crm campaigns"},
			want: []journey.Touchpoint{
				{AccountID: "0015g00000AbCdFAAV", Time: time.Date(2024, 2, 20, 17, 0, 0, 0, time.UTC), Team: journey.Marketing, Contact: "0035g00000Qr7tAAAR", Type: "Attended", Campaign: "Q1 Webinar - Lab Automation", Source: "crm campaigns"},
			},
			errLine: []int{3},
		},
		{
			file: "hubspot_engagements.csv",
			want: []journey.Touchpoint{
				{AccountID: "9876543210", Time: time.Date(2024, 3, 1, 8, 15, 0, 0, time.UTC), Team: journey.Sales, Channel: "phone", Contact: "51001", Type: "CALL", Source: "hubspot"},
				{AccountID: "9876543210", Time: time.Date(2024, 3, 2, 8, 0, 0, 0, time.UTC), Team: journey.Sales, Channel: "meeting", Contact: "51001", Type: "MEETING", Source: "hubspot"},
			},
			errLine: []int{4},
		},
		{
			file: "marketo_activities.csv",
			touch: TouchOptions{AccountForContact: func(id string) (string, bool) {
				acct, ok := leadAccounts[id]
				return acct, ok
			}},
			want: []journey.Touchpoint{
				{AccountID: "ACC-FQM", Time: time.Date(2024, 2, 1, 16, 23, 1, 0, time.UTC), Team: journey.Marketing, Contact: "1001", Type: "1", Campaign: "3571", Source: "marketo"},
				{AccountID: "ACC-BIOTRIAL", Time: time.Date(2024, 2, 2, 9, 0, 0, 0, time.UTC), Team: journey.Marketing, Contact: "1002", Type: "10", Campaign: "3572", Source: "marketo"},
			},
			errLine: []int{4},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			recs, errs := readAll(t, tt.file, Options{})
			require.Empty(t, errs)
			var got []journey.Touchpoint
			var errLines []int
			for _, rec := range recs {
				tp, err := rec.Touchpoint(tt.touch)
				if err != nil {
					var rowErr *Error
					require.ErrorAs(t, err, &rowErr)
					assert.Equal(t, tt.file, rowErr.Name)
					errLines = append(errLines, rowErr.Line)
					continue
				}
				require.NoError(t, tp.Validate())
				tp.Time = tp.Time.UTC()
				got = append(got, tp)
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.errLine, errLines)
		})
	}
}

func TestTouchpointErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		touch TouchOptions
		want  string
	}{
		{
			name:  "local time without a zone",
			input: "Id,WhoId,AccountId,ActivityDate,TaskSubtype\nT1,C1,A1,3/4/2024 2:05 PM,Call\n",
			want:  `tasks.csv:2: column "ActivityDate": value "3/4/2024 2:05 PM": `,
		},
		{
			name:  "missing time",
			input: "Id,WhoId,AccountId,ActivityDate,TaskSubtype\nT1,C1,A1,,Call\n",
			want:  `tasks.csv:2: column "ActivityDate": missing activity time`,
		},
		{
			name:  "no account",
			input: "Id,WhoId,AccountId,ActivityDate,TaskSubtype\nT1,C1,,2024-03-04T10:00:00Z,Call\n",
			want:  `tasks.csv:2: column "AccountId": no account for the row: it has no account ID and its contact "C1" resolves to none`,
		},
		{
			name:  "account rows",
			input: "Account ID,Account Name\nA1,Acme\n",
			want:  "salesforce-accounts rows are not activities; set TouchOptions.Team",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs []error
			for _, err := range ReadTouchpoints(strings.NewReader(tt.input), Options{Name: "tasks.csv"}, tt.touch) {
				if err != nil {
					errs = append(errs, err)
				}
			}
			require.Len(t, errs, 1)
			assert.Contains(t, errs[0].Error(), tt.want)
		})
	}
}

func TestTouchpointLocalTimeWithParser(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	input := "Id,WhoId,AccountId,ActivityDate,TaskSubtype\nT1,C1,A1,3/4/2024 2:05 PM,Call\n"
	parser := &journey.TimeParser{Location: ny, DateOrder: journey.MonthFirst}
	var got []journey.Touchpoint
	for tp, err := range ReadTouchpoints(strings.NewReader(input), Options{}, TouchOptions{Parser: parser}) {
		require.NoError(t, err)
		got = append(got, tp)
	}
	require.Len(t, got, 1)
	assert.Equal(t, time.Date(2024, 3, 4, 19, 5, 0, 0, time.UTC), got[0].Time.UTC())
}
