package journey_test

import (
	"fmt"
	"os"
	"time"

	"github.com/accountkit/accountkit/journey"
)

func ExampleBuildTimelines() {
	day := func(d int) time.Time { return time.Date(2024, 5, d, 9, 0, 0, 0, time.UTC) }
	touches := []journey.Touchpoint{
		{AccountID: "acme", Time: day(9), Team: journey.Sales, Channel: "call"},
		{AccountID: "acme", Time: day(2), Team: journey.Marketing, Channel: "webinar"},
		{AccountID: "acme", Time: day(1), Team: journey.Marketing, Channel: "paid search"},
	}
	timelines, err := journey.BuildTimelines(touches, journey.TimelineOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	tl := timelines[0]
	for _, t := range tl.Touches {
		fmt.Println(t.Time.Format(time.DateOnly), t.Team, t.Channel)
	}
	first, _ := tl.FirstTeam()
	gap, _ := tl.FirstTouchGap()
	fmt.Println("first team:", first)
	fmt.Println("first marketing to first sales:", gap)
	// Output:
	// 2024-05-01 marketing paid search
	// 2024-05-02 marketing webinar
	// 2024-05-09 sales call
	// first team: marketing
	// first marketing to first sales: 192h0m0s
}

func ExampleAnalyzeHandoffs() {
	day := func(d int) time.Time { return time.Date(2024, 5, d, 9, 0, 0, 0, time.UTC) }
	timelines, err := journey.BuildTimelines([]journey.Touchpoint{
		{AccountID: "acme", Time: day(1), Team: journey.Marketing, Channel: "webinar"},
		{AccountID: "acme", Time: day(3), Team: journey.Sales, Channel: "call"},
		{AccountID: "globex", Time: day(2), Team: journey.Marketing, Channel: "web"},
		{AccountID: "globex", Time: day(9), Team: journey.Sales, Channel: "call"},
		{AccountID: "initech", Time: day(4), Team: journey.Marketing, Channel: "email"},
		{AccountID: "umbrella", Time: day(5), Team: journey.Sales, Channel: "call"},
	}, journey.TimelineOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}

	report, err := journey.AnalyzeHandoffs(timelines, journey.HandoffOptions{
		SLA:     3 * 24 * time.Hour,
		Silence: 5 * 24 * time.Hour,
		AsOf:    day(20),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := report.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// accounts                                       4
	// marketing first / sales first                  3 / 1
	// marketing only / sales only                    1 / 1
	// engaged by marketing                           3
	// handed off to sales                            2
	// still waiting for sales                        1
	// handoff latency median / p95                   4d12h / 6d18h
	// waited so far (median)                         16d
	// SLA met / missed / pending                     1 / 2 / 0
	// silences (accounts)                            4 (3)
	// sales touches before any marketing (accounts)  1 (1)
	// team passes (mean per two-team account)        2 (1.00)
}

func ExampleCompare() {
	day := func(d int) time.Time { return time.Date(2024, 5, d, 9, 0, 0, 0, time.UTC) }
	touch := func(d int, team journey.Team, channel string) journey.Touchpoint {
		return journey.Touchpoint{AccountID: "acme", Time: day(d), Team: team, Channel: channel}
	}
	journeys := []journey.Journey{{
		ID:    "opp-1",
		Value: 1000,
		Touches: []journey.Touchpoint{
			touch(1, journey.Marketing, "email"),
			touch(3, journey.Marketing, "webinar"),
			touch(6, journey.Marketing, "paid search"),
			touch(8, journey.Sales, "demo"),
		},
		LeadCreatedAt:        day(3),
		OpportunityCreatedAt: day(8),
	}}

	models := []journey.Model{
		journey.FirstTouch{}, journey.Linear{}, journey.UShaped(), journey.WShaped(),
	}
	c, err := journey.Compare(journeys, models, journey.ByChannel, journey.AttributionOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := c.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// group        first touch   linear  U-shaped 40/20/40  W-shaped 30/30/30/10
	// demo                0.00   250.00             400.00                300.00
	// email            1000.00   250.00             400.00                300.00
	// paid search         0.00   250.00             100.00                100.00
	// webinar             0.00   250.00             100.00                300.00
	// total            1000.00  1000.00            1000.00               1000.00
}

func ExampleTimeParser() {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := journey.TimeParser{
		Location:      newYork,
		Abbreviations: journey.NorthAmericanAbbreviations(),
		DateOrder:     journey.DayFirst,
	}
	for _, s := range []string{
		"Wed, 25 Dec 2019 20:09:20 EST",
		"2024-03-01T09:30:00+02:00",
		"1700000000000",
		"05/03/2022 14:00",
		"2024-03-10 02:30",
		"2024-11-03 01:30",
	} {
		parsed, err := p.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-30s %s shifted=%t ambiguous=%t\n", s, parsed.Time.UTC().Format(time.RFC3339), parsed.Shifted, parsed.Ambiguous)
	}
	// Output:
	// Wed, 25 Dec 2019 20:09:20 EST  2019-12-26T01:09:20Z shifted=false ambiguous=false
	// 2024-03-01T09:30:00+02:00      2024-03-01T07:30:00Z shifted=false ambiguous=false
	// 1700000000000                  2023-11-14T22:13:20Z shifted=false ambiguous=false
	// 05/03/2022 14:00               2022-03-05T19:00:00Z shifted=false ambiguous=false
	// 2024-03-10 02:30               2024-03-10T07:30:00Z shifted=true ambiguous=false
	// 2024-11-03 01:30               2024-11-03T05:30:00Z shifted=false ambiguous=true
}

func ExampleMarkovRemovalEffects() {
	paths := []journey.Path{
		{Channels: []string{"A", "B"}, Converted: true},
		{Channels: []string{"B"}},
		{Channels: []string{"A"}, Converted: true},
	}
	result, err := journey.MarkovRemovalEffects(paths, journey.MarkovOptions{Order: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("conversion probability %.4f\n", result.ConversionProbability)
	for _, c := range result.Channels {
		fmt.Printf("%s: removal effect %.2f, %.1f of %.0f conversions\n", c.Channel, c.RemovalEffect, c.Conversions, result.Conversions)
	}
	// Output:
	// conversion probability 0.6667
	// A: removal effect 0.75, 1.2 of 2 conversions
	// B: removal effect 0.50, 0.8 of 2 conversions
}

func ExampleAttribute() {
	day := func(d int) time.Time { return time.Date(2024, 5, d, 9, 0, 0, 0, time.UTC) }
	j := journey.Journey{
		ID:    "opp-7",
		Value: 500,
		Touches: []journey.Touchpoint{
			{AccountID: "acme", Time: day(1), Team: journey.Marketing, Channel: "email"},
			{AccountID: "acme", Time: day(4), Team: journey.Marketing, Channel: "webinar"},
			{AccountID: "acme", Time: day(8), Team: journey.Sales, Channel: "demo"},
		},
	}
	a, err := journey.Attribute(j, journey.UShaped(), journey.AttributionOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range a.Credits {
		fmt.Printf("%-8s %6.2f  %s\n", c.Touch.Channel, c.Value, c.Reason)
	}
	// Output:
	// email    200.00  first touch 40%
	// webinar  100.00  rest 20% split evenly over 1 touch
	// demo     200.00  last touch 40%
}
