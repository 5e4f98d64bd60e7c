package journey_test

import (
	"fmt"
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
