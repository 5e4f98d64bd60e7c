package journey

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewJourneyFromStages(t *testing.T) {
	tl := timelineOf(t, "a",
		touch("", 0, Marketing, "web"),
		touch("", 2*day, Marketing, ""),
		touch("", 5*day, Sales, "demo"),
		touch("", 9*day, Sales, "call"),
	)
	h, err := DefaultStageModel().History("a", []StageEvent{
		stageEvent("aware", 0), stageEvent("MQA", 3), stageEvent("opportunity", 6), stageEvent("won", 12),
	}, &tl)
	require.NoError(t, err)

	j, converted := NewJourney(&tl, &h, 100, DefaultJourneyStages())
	require.True(t, converted)
	assert.Equal(t, t0.Add(6*day), j.ConvertedAt)
	assert.Equal(t, t0.Add(3*day), j.LeadCreatedAt)
	assert.Equal(t, t0.Add(6*day), j.OpportunityCreatedAt)
	assert.Equal(t, t0.Add(12*day), j.ClosedWonAt)

	p := j.Path(converted)
	assert.Equal(t, []string{"web", "(none)", "demo"}, p.Channels, "touches after conversion are left out")
	assert.True(t, p.Converted)
	assert.Equal(t, 100.0, p.Value)

	a, err := Attribute(j, WShaped(), AttributionOptions{})
	require.NoError(t, err)
	require.Len(t, a.Credits, 3)
	for _, c := range a.Credits {
		assert.InDelta(t, 100.0/3, c.Value, 1e-9, "each touch is one anchor and no rest is left: %s", c.Reason)
	}

	_, converted = NewJourney(&tl, nil, 100, DefaultJourneyStages())
	assert.False(t, converted)
	h2, err := DefaultStageModel().History("a", []StageEvent{stageEvent("aware", 0)}, &tl)
	require.NoError(t, err)
	j2, converted := NewJourney(&tl, &h2, 0, DefaultJourneyStages())
	assert.False(t, converted)
	assert.Len(t, j2.Path(false).Channels, 4)
	assert.Equal(t, 0.0, j2.Path(false).Value)
}

func TestHandoffWriteAccounts(t *testing.T) {
	timelines := []Timeline{
		timelineOf(t, "fast", touch("", 0, Marketing, "web"), touch("", time.Hour, Sales, "call")),
		timelineOf(t, "slow", touch("", 0, Marketing, "web"), touch("", 9*day, Sales, "call")),
		timelineOf(t, "waiting", touch("", 0, Marketing, "web")),
		timelineOf(t, "cold", touch("", 0, Sales, "call")),
	}
	r, err := AnalyzeHandoffs(timelines, HandoffOptions{SLA: 2 * day, AsOf: t0.Add(10 * day)})
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, r.WriteAccounts(&out))
	text := out.String()
	assert.NotContains(t, text, "fast")
	assert.Contains(t, text, "slow")
	assert.Contains(t, text, "waiting 10d")
	assert.Contains(t, text, "cold")
}
