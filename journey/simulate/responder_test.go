package simulate

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/journey"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func daysAfter(d float64) time.Time {
	return t0.Add(time.Duration(d * float64(24*time.Hour)))
}

func reasonOf(r Reaction, f Factor) (Reason, bool) {
	for _, reason := range r.Reasons {
		if reason.Factor == f {
			return reason, true
		}
	}
	return Reason{}, false
}

func TestRuleResponderFactors(t *testing.T) {
	champion := NewPersona("c", Champion)
	outOfMarket := champion
	outOfMarket.InMarket = false
	adSecurity := Touch{Team: journey.Marketing, Channel: ChannelAd, Topic: "security", Message: "checklist"}
	salesEmail := Touch{Team: journey.Sales, Channel: ChannelEmail, Topic: "security"}
	salesOffer := Touch{Team: journey.Sales, Channel: ChannelEmail, Topic: "security", Message: "free audit"}

	tests := []struct {
		name       string
		persona    Persona
		history    []Event
		at         time.Time
		touch      Touch
		factor     Factor
		multiplier float64
		related    int
	}{
		{"cold sales email", champion, nil, daysAfter(3), salesEmail, FactorColdOutreach, 0.4, -1},
		{"out of market", outOfMarket, nil, daysAfter(0), adSecurity, FactorOutOfMarket, 0.15, -1},
		{"continuity after engaged ad", champion, []Event{{At: daysAfter(0), Touch: adSecurity, Engagement: 1}}, daysAfter(0), salesEmail, FactorContinuity, 2, 0},
		{"follow-up after engaged ad", champion, []Event{{At: daysAfter(0), Touch: adSecurity, Engagement: 1}}, daysAfter(3), salesEmail, FactorFollowUp, 1.5, 0},
		{"repetition of engaged message", champion, []Event{{At: daysAfter(0), Touch: adSecurity, Engagement: 1}}, daysAfter(0), adSecurity, FactorRepetition, 0.5, 0},
		{"contradiction of marketing message", champion, []Event{{At: daysAfter(0), Touch: adSecurity, Engagement: 1}}, daysAfter(0), salesOffer, FactorContradiction, 0.4, 0},
		{"crowding within 48 hours", champion, []Event{{At: daysAfter(0), Touch: adSecurity}}, daysAfter(1), adSecurity, FactorCrowding, 0.6, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r RuleResponder
			reaction, err := r.Respond(tt.persona, tt.history, tt.at, tt.touch)
			require.NoError(t, err)
			reason, ok := reasonOf(reaction, tt.factor)
			require.True(t, ok, "reasons %v lack %s", reaction.Reasons, tt.factor)
			assert.InDelta(t, tt.multiplier, reason.Multiplier, 1e-9)
			assert.Equal(t, tt.related, reason.Related)
		})
	}
}

func TestRuleResponderProduct(t *testing.T) {
	var r RuleResponder
	p := NewPersona("c", Champion)
	p.Preferences.Email = 1.5
	ad := Touch{Team: journey.Marketing, Channel: ChannelAd, Topic: "cost", Message: "save"}
	history := []Event{{At: daysAfter(0), Touch: ad, Engagement: 0.5}}
	reaction, err := r.Respond(p, history, daysAfter(1), Touch{Team: journey.Sales, Channel: ChannelEmail, Topic: "cost"})
	require.NoError(t, err)

	assert.InDelta(t, 0.16*1.5, reaction.Base, 1e-12)
	product := reaction.Base
	for _, reason := range reaction.Reasons {
		product *= reason.Multiplier
	}
	assert.InDelta(t, product, reaction.Probability, 1e-12)
	// Half an engagement one day ago: continuity, follow-up, crowding
	// and a partly cold outreach.
	remembered := 0.5 * math.Exp2(-1.0/21)
	cont, _ := reasonOf(reaction, FactorContinuity)
	assert.InDelta(t, 1+remembered, cont.Multiplier, 1e-12)
	cold, _ := reasonOf(reaction, FactorColdOutreach)
	assert.InDelta(t, 0.4+0.6*remembered, cold.Multiplier, 1e-12)
	_, crowded := reasonOf(reaction, FactorCrowding)
	assert.True(t, crowded)
}

func TestRuleResponderCap(t *testing.T) {
	r, err := NewRuleResponder(Rules{ContinuityBoost: 10, FollowUpBoost: 10, Repetition: 1, Contradiction: 1, Crowding: 1, ColdOutreach: 1, OutOfMarket: 1, MaxProbability: 0.9})
	require.NoError(t, err)
	p := NewPersona("eb", EconomicBuyer)
	ad := Touch{Team: journey.Marketing, Channel: ChannelEvent, Topic: "cost"}
	reaction, err := r.Respond(p, []Event{{At: daysAfter(0), Touch: ad, Engagement: 1}}, daysAfter(0), Touch{Team: journey.Sales, Channel: ChannelMeeting, Topic: "cost"})
	require.NoError(t, err)
	assert.Equal(t, 0.9, reaction.Probability)
	_, capped := reasonOf(reaction, FactorCap)
	assert.True(t, capped)
}

func TestRuleResponderForgets(t *testing.T) {
	var r RuleResponder
	p := NewPersona("c", Champion)
	ad := Touch{Team: journey.Marketing, Channel: ChannelAd, Topic: "cost"}
	email := Touch{Team: journey.Sales, Channel: ChannelEmail, Topic: "cost"}
	soon, err := r.Respond(p, []Event{{At: daysAfter(0), Touch: ad, Engagement: 1}}, daysAfter(10), email)
	require.NoError(t, err)
	late, err := r.Respond(p, []Event{{At: daysAfter(0), Touch: ad, Engagement: 1}}, daysAfter(120), email)
	require.NoError(t, err)
	assert.Greater(t, soon.Probability, late.Probability)
}

func TestRuleResponderRejectsBadInput(t *testing.T) {
	var r RuleResponder
	good := NewPersona("c", Champion)
	badRole := good
	badRole.Role = 0
	badMemory := good
	badMemory.Memory = 0
	badResponse := good
	badResponse.Responsiveness.Call = math.NaN()
	ad := Touch{Team: journey.Marketing, Channel: ChannelAd}
	tests := []struct {
		name    string
		persona Persona
		history []Event
		touch   Touch
		want    string
	}{
		{"invalid role", badRole, nil, ad, "invalid role"},
		{"zero memory", badMemory, nil, ad, "invalid memory"},
		{"NaN responsiveness", badResponse, nil, ad, "invalid responsiveness NaN for call"},
		{"sales ad", good, nil, Touch{Team: journey.Sales, Channel: ChannelAd}, "team sales does not use channel ad"},
		{"invalid channel", good, nil, Touch{Team: journey.Sales, Channel: 9}, "invalid channel 9"},
		{"history in the future", good, []Event{{At: daysAfter(5), Touch: ad}}, ad, "later than the touch"},
		{"engagement above 1", good, []Event{{At: daysAfter(0), Touch: ad, Engagement: 2}}, ad, "invalid engagement 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Respond(tt.persona, tt.history, daysAfter(1), tt.touch)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestNewRuleResponderRejectsBadRules(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Rules)
		want string
	}{
		{"crowding above 1", func(r *Rules) { r.Crowding = 1.5 }, "invalid rule Crowding 1.5"},
		{"NaN boost", func(r *Rules) { r.ContinuityBoost = math.NaN() }, "invalid rule ContinuityBoost NaN"},
		{"zero cap", func(r *Rules) { r.MaxProbability = 0 }, "invalid rule MaxProbability 0"},
		{"negative window", func(r *Rules) { r.FollowUpWindow = -time.Hour }, "invalid rule FollowUpWindow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := DefaultRules()
			tt.edit(&rules)
			_, err := NewRuleResponder(rules)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestWalkColdVersusWarm(t *testing.T) {
	var r RuleResponder
	p := NewPersona("c", Champion)
	ad := Step{Touch: Touch{Team: journey.Marketing, Channel: ChannelContent, Topic: "security"}}
	email := Step{Offset: 3 * 24 * time.Hour, Touch: Touch{Team: journey.Sales, Channel: ChannelEmail, Topic: "security"}}

	cold, err := Walk(&r, p, []Step{email}, t0)
	require.NoError(t, err)
	warm, err := Walk(&r, p, []Step{ad, email}, t0)
	require.NoError(t, err)
	require.Len(t, warm.Steps, 2)
	assert.Greater(t, warm.Steps[1].Reaction.Probability, cold.Steps[0].Reaction.Probability)
	assert.Equal(t, t0.Add(3*24*time.Hour), warm.Steps[1].At)
}

type fixedResponder float64

func (f fixedResponder) Respond(Persona, []Event, time.Time, Touch) (Reaction, error) {
	return Reaction{Base: float64(f), Probability: float64(f)}, nil
}

func TestWalkRejectsBadInput(t *testing.T) {
	p := NewPersona("c", Champion)
	ad := Touch{Team: journey.Marketing, Channel: ChannelAd}
	tests := []struct {
		name      string
		responder Responder
		steps     []Step
		want      string
	}{
		{"nil responder", nil, []Step{{Touch: ad}}, "nil responder"},
		{"probability above 1", fixedResponder(1.5), []Step{{Touch: ad}}, "invalid probability 1.5"},
		{"NaN probability", fixedResponder(math.NaN()), []Step{{Touch: ad}}, "invalid probability NaN"},
		{"steps out of order", fixedResponder(0.1), []Step{{Offset: time.Hour, Touch: ad}, {Touch: ad}}, "steps must be in time order"},
		{"invalid touch", fixedResponder(0.1), []Step{{Touch: Touch{Team: journey.Marketing, Channel: ChannelCall}}}, "step 1: team marketing does not use channel call"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Walk(tt.responder, p, tt.steps, t0)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}
