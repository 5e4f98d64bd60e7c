package journey_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/accountkit/accountkit/journey"
)

func ExampleReadTouchpointsCSV() {
	const data = `account_id,timestamp,team,channel,timezone
acme,13/03/2024 09:00,marketing,webinar,Europe/Berlin
acme,2024-03-14T10:30:00-04:00,sales,call,
acme,1710500000000,sales,meeting,
`
	touches, err := journey.ReadTouchpointsCSV(strings.NewReader(data), journey.CSVOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range touches {
		fmt.Println(t.Time.UTC().Format(time.RFC3339), t.Team, t.Channel)
	}
	// Output:
	// 2024-03-13T08:00:00Z marketing webinar
	// 2024-03-14T14:30:00Z sales call
	// 2024-03-15T10:53:20Z sales meeting
}

func ExampleTimeline_Sessions() {
	at := func(minute int) time.Time { return time.Date(2024, 5, 1, 9, minute, 0, 0, time.UTC) }
	tl, err := journey.NewTimeline("acme", []journey.Touchpoint{
		{AccountID: "acme", Time: at(0), Team: journey.Marketing, Channel: "web", Contact: "ana"},
		{AccountID: "acme", Time: at(20), Team: journey.Marketing, Channel: "web", Contact: "ana"},
		{AccountID: "acme", Time: at(55), Team: journey.Marketing, Channel: "web", Contact: "ana"},
		{AccountID: "acme", Time: at(5), Team: journey.Marketing, Channel: "web", Contact: "ben"},
	}, journey.TimelineOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range tl.Sessions(journey.SessionOptions{}) {
		fmt.Printf("%s %s-%s %d touches\n", s.Contact, s.Start.Format("15:04"), s.End.Format("15:04"), len(s.Touches))
	}
	// Output:
	// ana 09:00-09:20 2 touches
	// ben 09:05-09:05 1 touches
	// ana 09:55-09:55 1 touches
}

func ExampleStageModel_History() {
	day := func(d int) time.Time { return time.Date(2024, 5, d, 9, 0, 0, 0, time.UTC) }
	model := journey.DefaultStageModel()
	h, err := model.History("acme", []journey.StageEvent{
		{AccountID: "acme", Stage: "aware", Time: day(1)},
		{AccountID: "acme", Stage: "engaged", Time: day(3)},
		{AccountID: "acme", Stage: "SQL", Time: day(10)},
		{AccountID: "acme", Stage: "opportunity", Time: day(12)},
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range h.Periods {
		fmt.Printf("%-12s %v\n", p.Stage, p.Duration(day(20)))
	}
	for _, s := range h.Skips {
		fmt.Printf("%s to %s skipped %s\n", s.From, s.To, strings.Join(s.Skipped, ", "))
	}
	// Output:
	// aware        48h0m0s
	// engaged      168h0m0s
	// SQL          48h0m0s
	// opportunity  192h0m0s
	// engaged to SQL skipped MQA, SAL
}

func ExampleShapleyValues() {
	paths := []journey.Path{
		{Channels: []string{"email", "webinar"}, Converted: true},
		{Channels: []string{"webinar"}},
		{Channels: []string{"email"}, Converted: true},
	}
	result, err := journey.ShapleyValues(paths, journey.ShapleyOptions{Game: journey.ShapleyConversionRate})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range result.Channels {
		fmt.Printf("%s: value %.3f, %.2f conversions\n", c.Channel, c.Value, c.Conversions)
	}
	// Output:
	// email: value 0.833, 2.50 conversions
	// webinar: value -0.167, -0.50 conversions
}

func ExampleBuildTimelines_mergeSources() {
	at := func(minute int) time.Time { return time.Date(2024, 5, 2, 15, minute, 0, 0, time.UTC) }
	crm := []journey.Touchpoint{
		{AccountID: "acme", Time: at(0), Team: journey.Sales, Channel: "meeting", Contact: "ana@acme.example", Type: "meeting", Source: "crm"},
	}
	automation := []journey.Touchpoint{
		{AccountID: "acme", Time: at(2), Team: journey.Sales, Channel: "meeting", Contact: "ana@acme.example", Type: "meeting", Source: "automation"},
		{AccountID: "acme", Time: at(30), Team: journey.Marketing, Channel: "email", Contact: "ana@acme.example", Type: "email_open", Source: "automation"},
	}
	timelines, err := journey.BuildTimelines(append(crm, automation...), journey.TimelineOptions{DuplicateWindow: 5 * time.Minute})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range timelines[0].Touches {
		fmt.Println(t.Time.Format("15:04"), t.Channel, t.Sources())
	}
	// Output:
	// 15:00 meeting [crm automation]
	// 15:30 email [automation]
}
