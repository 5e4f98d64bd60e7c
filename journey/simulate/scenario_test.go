package simulate

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/journey"
)

const sampleScenario = `# A LinkedIn ad, then a sales email three days later.
persona researcher out-of-market id="Dana (researcher)" memory=14d email=1.5 call=0 meeting-rate=0.9 ad-rate=0

day 0 marketing ad topic=security message="Zero-trust checklist"
day 3 09:30 sales email topic=security   # follows the ad
day 3 10:00 sales call topic="data residency" message=""
`

func TestParseScenario(t *testing.T) {
	sc, err := ParseScenario(strings.NewReader(sampleScenario))
	require.NoError(t, err)

	p := sc.Persona
	assert.Equal(t, "Dana (researcher)", p.ID)
	assert.Equal(t, Researcher, p.Role)
	assert.False(t, p.InMarket)
	assert.Equal(t, 14*24*time.Hour, p.Memory)
	assert.Equal(t, 1.5, p.Preferences.Email)
	assert.Equal(t, 0.0, p.Preferences.Call)
	assert.Equal(t, 1.0, p.Preferences.Ad)
	wantRates := DefaultResponsiveness(Researcher)
	wantRates.Meeting = 0.9
	wantRates.Ad = 0
	assert.Equal(t, wantRates, p.Responsiveness)

	want := []Step{
		{Offset: 0, Touch: Touch{Team: journey.Marketing, Channel: ChannelAd, Topic: "security", Message: "Zero-trust checklist"}},
		{Offset: 3*24*time.Hour + 9*time.Hour + 30*time.Minute, Touch: Touch{Team: journey.Sales, Channel: ChannelEmail, Topic: "security"}},
		{Offset: 3*24*time.Hour + 10*time.Hour, Touch: Touch{Team: journey.Sales, Channel: ChannelCall, Topic: "data residency"}},
	}
	assert.Equal(t, want, sc.Steps)
}

func TestParseScenarioDefaultPersona(t *testing.T) {
	sc, err := ParseScenario(strings.NewReader("day 1 sales call\n"))
	require.NoError(t, err)
	assert.Equal(t, NewPersona("persona", Champion), sc.Persona)
	assert.Equal(t, 24*time.Hour, sc.Steps[0].Offset)
}

func TestParseScenarioErrors(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"empty", "# nothing\n", "scenario has no steps"},
		{"unknown line", "week 1 sales call\n", `line 1: unknown line type "week"`},
		{"negative day", "day -1 sales call\n", `line 1: invalid day "-1"`},
		{"day too late", "day 3651 sales call\n", `invalid day "3651"`},
		{"bad clock", "day 1 25:00 sales call\n", `invalid time of day "25:00"`},
		{"missing channel", "day 1 sales\n", "missing team and channel"},
		{"unknown team", "day 1 finance call\n", `invalid team "finance"`},
		{"marketing call", "day 1 marketing call\n", "team marketing does not use channel call"},
		{"unknown setting", "day 1 sales call tone=warm\n", `unknown step setting "tone"`},
		{"stray word", "day 1 sales call urgent\n", `unexpected word "urgent"`},
		{"out of order", "day 2 sales call\nday 1 sales call\n", "line 2: step on day 1 comes before the previous step on day 2"},
		{"unterminated quote", "day 1 sales call topic=\"cost\n", "invalid quoted string"},
		{"quote without key", "day 1 sales call \"cost\"\n", "unexpected quote"},
		{"text after quote", "day 1 sales call topic=\"a\"b\n", "missing space after"},
		{"second persona", "persona user\npersona user\nday 0 sales call\n", "line 2: a second persona line"},
		{"persona after step", "day 0 sales call\npersona user\n", "line 2: the persona line must come before the first step"},
		{"missing role", "persona\nday 0 sales call\n", "missing role"},
		{"bad role", "persona cfo\nday 0 sales call\n", `invalid role "cfo"`},
		{"bad memory", "persona user memory=0d\nday 0 sales call\n", `invalid memory "0d"`},
		{"bad preference", "persona user email=-1\nday 0 sales call\n", `invalid preference email="-1"`},
		{"unknown persona setting", "persona user mood=good\nday 0 sales call\n", `unknown persona setting "mood"`},
		{"rate above 1", "persona user call-rate=1.5\nday 0 sales call\n", `invalid responsiveness call-rate="1.5"`},
		{"empty id", "persona user id=\"\"\nday 0 sales call\n", "empty id"},
		{"invalid UTF-8", "day 0 sales call topic=\xff\n", "line 1: invalid UTF-8"},
		{"long line", "day 0 sales call topic=" + strings.Repeat("a", MaxScenarioLine) + "\n", "longer than 4096 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseScenario(strings.NewReader(tt.input))
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestParseScenarioStepLimit(t *testing.T) {
	input := strings.Repeat("day 0 sales call\n", MaxScenarioSteps+1)
	_, err := ParseScenario(strings.NewReader(input))
	assert.ErrorContains(t, err, "more than 1000 steps")
}

func TestScenarioRoundTrip(t *testing.T) {
	sc, err := ParseScenario(strings.NewReader(sampleScenario))
	require.NoError(t, err)
	var buf bytes.Buffer
	_, err = sc.WriteTo(&buf)
	require.NoError(t, err)
	again, err := ParseScenario(&buf)
	require.NoError(t, err)
	assert.Equal(t, sc, again)
}

func FuzzParseScenario(f *testing.F) {
	f.Add(sampleScenario)
	f.Add("day 0 marketing event topic=\"a=b\" message=\"\\u00e9\\n\"\n")
	f.Add("persona economic_buyer memory=36h meeting=2.5 sales-email-rate=0.25\nday 1 23:59 sales meeting\n")
	f.Fuzz(func(t *testing.T, input string) {
		sc, err := ParseScenario(strings.NewReader(input))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if _, err := sc.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		again, err := ParseScenario(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("written scenario does not parse: %v\n%s", err, buf.String())
		}
		if !assert.ObjectsAreEqual(sc, again) {
			t.Fatalf("round trip changed the scenario:\n%s", buf.String())
		}
		if _, err := Walk(&RuleResponder{}, sc.Persona, sc.Steps, t0); err != nil {
			t.Fatalf("walking a parsed scenario: %v", err)
		}
	})
}
