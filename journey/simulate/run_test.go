package simulate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/journey"
)

func mustRun(t *testing.T, cfg Config) *Result {
	t.Helper()
	r, err := Run(cfg)
	require.NoError(t, err)
	return r
}

func mustSummarize(t *testing.T, r *Result) *Summary {
	t.Helper()
	s, err := Summarize(r)
	require.NoError(t, err)
	return s
}

// encode writes everything a run returns except the responder and the
// worker count, so two runs can be compared byte by byte.
func encode(t *testing.T, r *Result) []byte {
	t.Helper()
	r.Config.Responder = nil
	r.Config.Workers = 0
	var buf bytes.Buffer
	require.NoError(t, json.NewEncoder(&buf).Encode(r))
	return buf.Bytes()
}

func TestRunSameSeedIsByteIdentical(t *testing.T) {
	for _, strategy := range Strategies() {
		t.Run(strategy.String(), func(t *testing.T) {
			cfg := Config{Accounts: 3000, Seed: 7, Strategy: strategy}
			cfg.Workers = 1
			first := encode(t, mustRun(t, cfg))
			cfg.Workers = 3
			second := encode(t, mustRun(t, cfg))
			assert.True(t, bytes.Equal(first, second), "runs with 1 and 3 workers differ")

			cfg.Seed = 8
			other := encode(t, mustRun(t, cfg))
			assert.False(t, bytes.Equal(first, other), "seeds 7 and 8 gave the same output")
		})
	}
}

func TestRunStrategiesShareAccounts(t *testing.T) {
	separate := mustRun(t, Config{Accounts: 500, Seed: 3, Strategy: Separate})
	coordinated := mustRun(t, Config{Accounts: 500, Seed: 3, Strategy: Coordinated})
	for i := range separate.Accounts {
		assert.Equal(t, separate.Accounts[i].BuyingGroup, coordinated.Accounts[i].BuyingGroup)
		assert.Equal(t, separate.Accounts[i].InMarket, coordinated.Accounts[i].InMarket)
	}
}

func TestRunReachOverlapByStrategy(t *testing.T) {
	separate := mustSummarize(t, mustRun(t, Config{Accounts: 20000, Seed: 11, Strategy: Separate}))
	shared := mustSummarize(t, mustRun(t, Config{Accounts: 20000, Seed: 11, Strategy: SharedList}))
	sepLift, ok := separate.Metric("lift")
	require.True(t, ok)
	sharedLift, ok := shared.Metric("lift")
	require.True(t, ok)
	sepJaccard, _ := separate.Metric("jaccard")
	sharedJaccard, _ := shared.Metric("jaccard")

	// With 40% and 15% of 20,000 accounts drawn independently, the
	// standard error of the lift is about 0.03.
	assert.InDelta(t, 1, sepLift, 0.1)
	// Both teams draw from a list of 40% of the accounts, so the expected
	// lift is 1/0.4 = 2.5.
	assert.InDelta(t, 2.5, sharedLift, 0.15)
	assert.Greater(t, sharedJaccard, 2*sepJaccard)
}

func TestRunMoreInMarketMoreOpportunities(t *testing.T) {
	for _, strategy := range Strategies() {
		t.Run(strategy.String(), func(t *testing.T) {
			few := mustRun(t, Config{Accounts: 10000, Seed: 5, Strategy: strategy, InMarketShare: 0.02})
			many := mustRun(t, Config{Accounts: 10000, Seed: 5, Strategy: strategy, InMarketShare: 0.2})
			assert.Greater(t, len(many.Opportunities), 2*len(few.Opportunities)+10)
		})
	}
}

func TestInMarketPeriodsShare(t *testing.T) {
	tests := []struct {
		share    float64
		duration time.Duration
	}{
		{DefaultInMarketShare, DefaultInMarketDuration},
		{0.2, 30 * 24 * time.Hour},
		{0.5, 200 * 24 * time.Hour},
	}
	const accounts = 40000
	for _, tt := range tests {
		cfg, err := Config{Accounts: 1, Strategy: Separate, InMarketShare: tt.share, InMarketDuration: tt.duration}.withDefaults()
		require.NoError(t, err)
		end := cfg.Start.Add(cfg.span())
		instants := []time.Time{cfg.Start, cfg.Start.Add(100 * 24 * time.Hour), end.Add(-time.Hour)}
		in := make([]int, len(instants))
		for i := range accounts {
			rng := rand.New(rand.NewPCG(1, streamSeed(i, streamWorld)))
			periods := inMarketPeriods(&cfg, rng, end)
			for k, at := range instants {
				if periodAt(periods, at) >= 0 {
					in[k]++
				}
			}
		}
		for k, at := range instants {
			got := float64(in[k]) / accounts
			assert.InDelta(t, tt.share, got, 4*math.Sqrt(tt.share*(1-tt.share)/accounts), "share in market at %s with share %v", at, tt.share)
		}
	}
}

func TestRunCoordinatedFollowsUpWithinSLA(t *testing.T) {
	s := mustSummarize(t, mustRun(t, Config{Accounts: 5000, Seed: 9, Strategy: Coordinated}))
	require.Positive(t, s.Handoff.Engaged)
	assert.LessOrEqual(t, s.Handoff.LatencyP95, DefaultSLA)
	// Every account engaged before the last two days of the run gets a
	// play. Those engaged later may still be waiting.
	assert.GreaterOrEqual(t, s.Handoff.HandedOff, s.Handoff.Engaged*95/100)
	assert.Zero(t, s.Contradictions)

	separate := mustSummarize(t, mustRun(t, Config{Accounts: 5000, Seed: 9, Strategy: Separate}))
	assert.Greater(t, separate.Handoff.LatencyMedian, 2*s.Handoff.LatencyMedian)
	assert.Positive(t, separate.Contradictions)
}

func TestRunOutputWorksWithJourney(t *testing.T) {
	r := mustRun(t, Config{Accounts: 3000, Seed: 4, Strategy: SharedList, InMarketShare: 0.2})
	for i := range r.Touchpoints {
		require.NoError(t, r.Touchpoints[i].Validate())
	}
	assert.True(t, slices.IsSortedFunc(r.Touchpoints, func(a, b journey.Touchpoint) int {
		if a.AccountID != b.AccountID {
			return compareStrings(a.AccountID, b.AccountID)
		}
		return a.Time.Compare(b.Time)
	}))

	timelines, err := journey.BuildTimelines(r.Touchpoints, journey.TimelineOptions{})
	require.NoError(t, err)
	model := StageModel()
	byAccount := map[string][]journey.StageEvent{}
	for _, e := range r.StageEvents {
		byAccount[e.AccountID] = append(byAccount[e.AccountID], e)
	}
	var histories []journey.StageHistory
	for i := range timelines {
		h, err := model.History(timelines[i].AccountID, byAccount[timelines[i].AccountID], &timelines[i])
		require.NoError(t, err)
		histories = append(histories, h)
	}
	funnel := model.Funnel(histories)
	require.Len(t, funnel, 3)
	assert.Equal(t, len(timelines), funnel[0].Reached)
	// History ignores a second opportunity with no stage in between, so
	// the funnel counts accounts with an opportunity.
	withOpportunity := map[string]bool{}
	for _, o := range r.Opportunities {
		withOpportunity[o.AccountID] = true
	}
	assert.Equal(t, len(withOpportunity), funnel[2].Entered)

	journeys := r.Journeys()
	require.Len(t, journeys, len(r.Opportunities))
	require.NotEmpty(t, journeys)
	for _, j := range journeys {
		require.NotEmpty(t, j.Touches)
		assert.False(t, j.Touches[len(j.Touches)-1].Time.After(j.ConvertedAt))
	}
	pipeline, err := journey.PipelineByTeam(journeys, journey.AttributionOptions{})
	require.NoError(t, err)
	assert.Equal(t, len(journeys), pipeline[0].SourcedCount+pipeline[1].SourcedCount)
	// An opportunity needs a sales engagement, so sales influenced all.
	assert.Equal(t, len(journeys), pipeline[1].InfluencedCount)
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestRunRejectsBadConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"no accounts", Config{Strategy: Separate}, "invalid Accounts 0"},
		{"too many accounts", Config{Accounts: MaxAccounts + 1, Strategy: Separate}, "invalid Accounts"},
		{"no strategy", Config{Accounts: 10}, "invalid Strategy 0"},
		{"in-market share 1", Config{Accounts: 10, Strategy: Separate, InMarketShare: 1}, "invalid InMarketShare 1"},
		{"NaN marketing share", Config{Accounts: 10, Strategy: Separate, MarketingShare: math.NaN()}, "invalid MarketingShare NaN"},
		{"negative sales share", Config{Accounts: 10, Strategy: Separate, SalesShare: -0.1}, "invalid SalesShare -0.1"},
		{"short interval", Config{Accounts: 10, Strategy: Separate, SalesInterval: time.Minute}, "invalid SalesInterval 1m0s"},
		{"too many quarters", Config{Accounts: 10, Strategy: Separate, Quarters: 41}, "invalid Quarters 41"},
		{"negative SLA", Config{Accounts: 10, Strategy: Coordinated, SLA: -time.Hour}, "invalid SLA"},
		{"eight contacts", Config{Accounts: 10, Strategy: Separate, OpportunityContacts: 8}, "invalid OpportunityContacts 8: must lie in [1, 7]"},
		{"negative workers", Config{Accounts: 10, Strategy: Separate, Workers: -1}, "invalid Workers -1"},
		{"too many touches", Config{Accounts: MaxAccounts, Strategy: Separate, MarketingShare: 1, MarketingInterval: time.Hour}, "more than 50000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(tt.cfg)
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

type failingResponder struct{}

func (failingResponder) Respond(Persona, []Event, time.Time, Touch) (Reaction, error) {
	return Reaction{}, errors.New("model unavailable")
}

func TestRunReportsResponderErrors(t *testing.T) {
	_, err := Run(Config{Accounts: 100, Strategy: Separate, Responder: failingResponder{}})
	assert.ErrorContains(t, err, "model unavailable")
	assert.ErrorContains(t, err, "account acct-0000")

	_, err = Run(Config{Accounts: 100, Strategy: Separate, Responder: fixedResponder(2)})
	assert.ErrorContains(t, err, "invalid probability 2")
}

func TestRunCustomResponderDrivesEngagement(t *testing.T) {
	never := mustRun(t, Config{Accounts: 1000, Seed: 1, Strategy: Coordinated, Responder: fixedResponder(0)})
	always := mustRun(t, Config{Accounts: 1000, Seed: 1, Strategy: Coordinated, Responder: fixedResponder(1)})
	for _, a := range never.Accounts {
		assert.Zero(t, a.Engagements)
		if !a.SalesTarget {
			assert.Zero(t, a.SalesTouches, "sales touched account %s off its list without a play", a.ID)
		}
	}
	assert.Empty(t, never.Opportunities)
	assert.NotEmpty(t, always.Opportunities)
}

func TestRunNilRuleResponderUsesDefaults(t *testing.T) {
	var nilRules *RuleResponder
	withNil := mustRun(t, Config{Accounts: 200, Seed: 1, Strategy: Separate, Responder: nilRules})
	withDefault := mustRun(t, Config{Accounts: 200, Seed: 1, Strategy: Separate})
	assert.Equal(t, withDefault.Touchpoints, withNil.Touchpoints)
}

func TestRunRuleResponderMatchesInterfaceCall(t *testing.T) {
	// Run calls the built-in responder directly. Wrapping it hides the
	// type, so Run goes through the interface, and both must agree.
	wrapped := mustRun(t, Config{Accounts: 300, Seed: 6, Strategy: Coordinated, Responder: wrapper{&RuleResponder{}}})
	direct := mustRun(t, Config{Accounts: 300, Seed: 6, Strategy: Coordinated})
	assert.Equal(t, direct.Touchpoints, wrapped.Touchpoints)
	assert.Equal(t, direct.Accounts, wrapped.Accounts)
}

type wrapper struct{ Responder }

func TestRunCoordinatedMatchesSharedListUntilEngaged(t *testing.T) {
	// Plays start only after an engagement, and the rule-based responder
	// treats a cadence touch's topic and message alike until the persona
	// has engaged once, so both strategies engage the same accounts.
	shared := mustRun(t, Config{Accounts: 2000, Seed: 12, Strategy: SharedList})
	coordinated := mustRun(t, Config{Accounts: 2000, Seed: 12, Strategy: Coordinated})
	for i := range shared.Accounts {
		assert.Equal(t, shared.Accounts[i].Engagements > 0, coordinated.Accounts[i].Engagements > 0, "account %s", shared.Accounts[i].ID)
	}
}

func TestRunContextStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := RunContext(ctx, Config{Accounts: 5000, Strategy: Separate})
	assert.ErrorIs(t, err, context.Canceled)
}
