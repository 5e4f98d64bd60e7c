package journey

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const day = 24 * time.Hour

func timelineOf(t *testing.T, account string, touches ...Touchpoint) Timeline {
	t.Helper()
	for i := range touches {
		touches[i].AccountID = account
	}
	tl, err := NewTimeline(account, touches, TimelineOptions{})
	require.NoError(t, err)
	return tl
}

func TestAnalyzeHandoffMarketingFirst(t *testing.T) {
	tl := timelineOf(t, "a",
		touch("", 0, Marketing, "web"),
		touch("", day, Marketing, "email"),
		touch("", 3*day, Sales, "call"),
		touch("", 20*day, Marketing, "webinar"),
	)
	h, err := AnalyzeHandoff(&tl, HandoffOptions{SLA: 2 * day, Silence: 10 * day, AsOf: t0.Add(40 * day)})
	require.NoError(t, err)
	assert.Equal(t, Marketing, h.FirstTeam)
	assert.Equal(t, t0, h.EngagedAt)
	assert.Equal(t, t0.Add(3*day), h.HandoffAt)
	assert.Equal(t, 3*day, h.Latency)
	assert.Equal(t, SLAMissed, h.SLA)
	assert.False(t, h.Waiting)
	assert.Equal(t, 0, h.ColdOutreach)
	assert.Equal(t, 2, h.Passes)
	require.Len(t, h.Silences, 2)
	assert.Equal(t, 17*day, h.Silences[0].Duration())
	assert.False(t, h.Silences[0].Open)
	assert.Equal(t, 20*day, h.Silences[1].Duration())
	assert.True(t, h.Silences[1].Open)
}

func TestAnalyzeHandoffEngagementScore(t *testing.T) {
	tl := timelineOf(t, "a",
		Touchpoint{Time: t0, Team: Marketing, Channel: "web", Weight: 1},
		Touchpoint{Time: t0.Add(day), Team: Sales, Channel: "call"},
		Touchpoint{Time: t0.Add(2 * day), Team: Marketing, Channel: "webinar", Weight: 5},
		Touchpoint{Time: t0.Add(4 * day), Team: Sales, Channel: "meeting"},
	)
	h, err := AnalyzeHandoff(&tl, HandoffOptions{EngagementScore: 5, SLA: 3 * day})
	require.NoError(t, err)
	assert.Equal(t, t0.Add(2*day), h.EngagedAt, "engaged when the score reaches 6 >= 5")
	assert.Equal(t, t0.Add(4*day), h.HandoffAt, "the call before engagement is no handoff")
	assert.Equal(t, 2*day, h.Latency)
	assert.Equal(t, SLAMet, h.SLA)
}

func TestAnalyzeHandoffWaitingAccount(t *testing.T) {
	tl := timelineOf(t, "a", touch("", 0, Marketing, "web"))
	tests := []struct {
		asOf time.Time
		want SLAStatus
	}{
		{time.Time{}, SLAPending},
		{t0.Add(day), SLAPending},
		{t0.Add(5 * day), SLAMissed},
	}
	for _, tt := range tests {
		h, err := AnalyzeHandoff(&tl, HandoffOptions{SLA: 2 * day, AsOf: tt.asOf})
		require.NoError(t, err)
		assert.True(t, h.Waiting)
		assert.Equal(t, tt.want, h.SLA, "as of %v", tt.asOf)
		if !tt.asOf.IsZero() {
			assert.Equal(t, tt.asOf.Sub(t0), h.Waited)
		}
	}
}

func TestAnalyzeHandoffColdOutreach(t *testing.T) {
	tl := timelineOf(t, "a",
		touch("", 0, Sales, "call"),
		touch("", day, Sales, "email"),
		touch("", 2*day, Marketing, "web"),
	)
	h, err := AnalyzeHandoff(&tl, HandoffOptions{})
	require.NoError(t, err)
	assert.Equal(t, Sales, h.FirstTeam)
	assert.Equal(t, 2, h.ColdOutreach)
	assert.True(t, h.Waiting, "no sales touch after engagement")
	assert.Equal(t, SLANotApplicable, h.SLA)
}

func TestAnalyzeHandoffSameInstant(t *testing.T) {
	tl := timelineOf(t, "a", touch("", 0, Sales, "call"), touch("", 0, Marketing, "web"))
	h, err := AnalyzeHandoff(&tl, HandoffOptions{})
	require.NoError(t, err)
	assert.Equal(t, t0, h.HandoffAt)
	assert.Equal(t, time.Duration(0), h.Latency)
	assert.False(t, h.Waiting)
}

func TestAnalyzeHandoffRejectsOptions(t *testing.T) {
	tl := timelineOf(t, "a", touch("", 0, Sales, "call"))
	for _, opts := range []HandoffOptions{{SLA: -1}, {Silence: -1}, {EngagementScore: -2}} {
		_, err := AnalyzeHandoff(&tl, opts)
		assert.Error(t, err, "%+v", opts)
	}
}

func TestAnalyzeHandoffsReport(t *testing.T) {
	var timelines []Timeline
	for i, latency := range []time.Duration{day, 2 * day, 3 * day, 4 * day} {
		timelines = append(timelines, timelineOf(t, string(rune('a'+i)),
			touch("", 0, Marketing, "web"),
			touch("", latency, Sales, "call"),
		))
	}
	timelines = append(timelines,
		timelineOf(t, "m", touch("", 0, Marketing, "web")),
		timelineOf(t, "s", touch("", 0, Sales, "call")),
	)
	r, err := AnalyzeHandoffs(timelines, HandoffOptions{SLA: 2 * day, AsOf: t0.Add(10 * day)})
	require.NoError(t, err)
	assert.Len(t, r.Accounts, 6)
	assert.Equal(t, 5, r.MarketingFirst)
	assert.Equal(t, 1, r.SalesFirst)
	assert.Equal(t, 1, r.MarketingOnly)
	assert.Equal(t, 1, r.SalesOnly)
	assert.Equal(t, 5, r.Engaged)
	assert.Equal(t, 4, r.HandedOff)
	assert.Equal(t, 1, r.Waiting)
	assert.Equal(t, 60*time.Hour, r.LatencyMedian)
	assert.Equal(t, time.Duration(float64(3*day)+0.85*float64(day)), r.LatencyP95)
	assert.Equal(t, 10*day, r.WaitedMedian)
	assert.Equal(t, 2, r.SLAMet)
	assert.Equal(t, 3, r.SLAMissed)
	assert.Equal(t, 1, r.ColdOutreachAccounts)
	assert.Equal(t, 4, r.Passes)
	assert.Equal(t, 1.0, r.PassesMean)
}

func TestDurationQuantile(t *testing.T) {
	assert.Equal(t, time.Duration(0), durationQuantile(nil, 0.5))
	assert.Equal(t, 5*time.Second, durationQuantile([]time.Duration{5 * time.Second}, 0.95))
	values := []time.Duration{4, 1, 3, 2}
	assert.Equal(t, time.Duration(3), durationQuantile(values, 0.5), "2.5 rounds half away from zero")
	assert.Equal(t, time.Duration(4), durationQuantile(values, 1))
	assert.Equal(t, time.Duration(1), durationQuantile(values, 0))
}

func TestHandoffReportJSONRoundTrip(t *testing.T) {
	tl := timelineOf(t, "a", touch("", 0, Marketing, "web"), touch("", 5*day, Sales, "call"))
	r, err := AnalyzeHandoffs([]Timeline{tl}, HandoffOptions{SLA: day, Silence: day})
	require.NoError(t, err)
	data, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"sla":"missed"`)
	var back HandoffReport
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, r, back)

	var status SLAStatus
	assert.Error(t, status.UnmarshalText([]byte("late")))
}
