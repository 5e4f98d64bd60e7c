package journey

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRollupByChannelAndTeam(t *testing.T) {
	j := journeyOf("email", "web", "email")
	j.Touches[2].Team = Sales
	j.Value = 30
	a, err := Attribute(j, Linear{}, AttributionOptions{})
	require.NoError(t, err)

	byChannel := Rollup([]Attribution{a}, ByChannel)
	require.Len(t, byChannel, 2)
	assert.Equal(t, RollupRow{Key: "email", Value: 20, Touches: 2}, byChannel[0])
	assert.Equal(t, RollupRow{Key: "web", Value: 10, Touches: 1}, byChannel[1])

	byTeam := Rollup([]Attribution{a}, ByTeam)
	require.Len(t, byTeam, 2)
	assert.Equal(t, "marketing", byTeam[0].Key)
	assert.InDelta(t, 20, byTeam[0].Value, 1e-9)
}

func TestPipelineByTeam(t *testing.T) {
	marketingSourced := journeyOf("web", "call")
	marketingSourced.Touches[1].Team = Sales
	marketingSourced.Value = 100
	salesOnly := journeyOf("call")
	salesOnly.Touches[0].Team = Sales
	salesOnly.Value = 50

	got, err := PipelineByTeam([]Journey{marketingSourced, salesOnly}, AttributionOptions{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, TeamPipeline{Team: Marketing, Sourced: 100, SourcedCount: 1, Influenced: 100, InfluencedCount: 1}, got[0])
	assert.Equal(t, TeamPipeline{Team: Sales, Sourced: 50, SourcedCount: 1, Influenced: 150, InfluencedCount: 2}, got[1])
}

func TestCompareTotalsMatchValue(t *testing.T) {
	journeys := []Journey{journeyOf("email", "web", "demo"), journeyOf("web"), {ID: "none", Value: 2}}
	c, err := Compare(journeys, []Model{FirstTouch{}, Linear{}, UShaped()}, ByChannel, AttributionOptions{})
	require.NoError(t, err)
	assert.Equal(t, []string{"first touch", "linear", "U-shaped 40/20/40"}, c.Models)
	for i := range c.Models {
		assert.InDelta(t, 4, c.Totals[i], 1e-12, c.Models[i])
	}
	assert.Equal(t, 2.0, c.Unattributed)
	require.Len(t, c.Rows, 3)
	assert.Equal(t, "demo", c.Rows[0].Key)

	var out strings.Builder
	require.NoError(t, c.WriteText(&out))
	assert.Contains(t, out.String(), "(no touch in window)")
	assert.Contains(t, out.String(), "total")
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "0"},
		{90 * time.Minute, "1h30m0s"},
		{3 * day, "3d"},
		{3*day + 23*time.Hour + 45*time.Minute, "4d"},
		{2*day + 5*time.Hour, "2d5h"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, formatDuration(tt.in), "%v", tt.in)
	}
}
