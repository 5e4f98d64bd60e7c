package simulate_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/accountkit/accountkit/journey"
	"github.com/accountkit/accountkit/journey/simulate"
)

// surveyResponder is a custom Responder. A real program might ask a
// language model or read survey results here. This one takes the
// engagement rate of each channel from a table and halves it when the
// persona got a touch in the same channel less than a day before.
type surveyResponder struct {
	rates map[simulate.Channel]float64
}

func (s surveyResponder) Respond(p simulate.Persona, history []simulate.Event, at time.Time, touch simulate.Touch) (simulate.Reaction, error) {
	rate := s.rates[touch.Channel]
	reaction := simulate.Reaction{Base: rate, Probability: rate}
	for i, e := range history {
		if e.Touch.Channel == touch.Channel && at.Sub(e.At) < 24*time.Hour {
			reaction.Probability /= 2
			reaction.Reasons = append(reaction.Reasons, simulate.Reason{Factor: simulate.FactorCrowding, Multiplier: 0.5, Related: i})
			break
		}
	}
	return reaction, nil
}

func ExampleResponder() {
	scenario, err := simulate.ParseScenario(strings.NewReader(`
persona champion in-market id=alex
day 0 marketing email topic=security
day 0 12:00 sales email topic=security
day 2 sales call topic=security
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	survey := surveyResponder{rates: map[simulate.Channel]float64{simulate.ChannelEmail: 0.2, simulate.ChannelCall: 0.1}}
	start := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	walk, err := simulate.Walk(survey, scenario.Persona, scenario.Steps, start)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := walk.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Persona alex: champion, in market, memory half-life 21 days
	//
	// 1. day 0: marketing email on security
	//    engagement 20.0% (base 20.0%)
	//
	// 2. day 0 12:00: sales email on security
	//    engagement 10.0% (base 20.0%)
	//    - crowding x0.50: comes soon after the previous touch (step 1, marketing email)
	//
	// 3. day 2: sales call on security
	//    engagement 10.0% (base 10.0%)
}

func ExampleWalk() {
	steps := []simulate.Step{
		{Touch: simulate.Touch{Team: journey.Marketing, Channel: simulate.ChannelContent, Topic: "security", Message: "zero-trust guide"}},
		{Offset: 3 * 24 * time.Hour, Touch: simulate.Touch{Team: journey.Sales, Channel: simulate.ChannelEmail, Topic: "security"}},
		{Offset: 4 * 24 * time.Hour, Touch: simulate.Touch{Team: journey.Sales, Channel: simulate.ChannelCall, Topic: "security", Message: "free audit"}},
	}
	persona := simulate.NewPersona("dana", simulate.Researcher)
	walk, err := simulate.Walk(&simulate.RuleResponder{}, persona, steps, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, s := range walk.Steps {
		fmt.Printf("step %d: %.1f%%", i+1, 100*s.Reaction.Probability)
		for _, r := range s.Reaction.Reasons {
			fmt.Printf(", %s", r)
		}
		fmt.Println()
	}
	// Output:
	// step 1: 40.0%
	// step 2: 8.1%, continuity x1.36, timely follow-up x1.20, cold outreach x0.62
	// step 3: 3.2%, continuity x1.08, timely follow-up x1.20, contradiction x0.79, crowding x0.60, cold outreach x0.66
}

func ExampleRun() {
	for _, strategy := range simulate.Strategies() {
		r, err := simulate.Run(simulate.Config{Accounts: 2000, Seed: 1, Strategy: strategy})
		if err != nil {
			fmt.Println(err)
			return
		}
		s, err := simulate.Summarize(r)
		if err != nil {
			fmt.Println(err)
			return
		}
		lift, _ := s.Metric("lift")
		fmt.Printf("%-12s lift %.2f, engaged %d, handed off %d, opportunities %d\n", strategy, lift, s.EngagedAccounts, s.Handoff.HandedOff, s.Opportunities)
	}
	// Output:
	// separate     lift 1.04, engaged 326, handed off 47, opportunities 9
	// shared-list  lift 2.53, engaged 302, handed off 79, opportunities 12
	// coordinated  lift 2.53, engaged 302, handed off 251, opportunities 18
}
