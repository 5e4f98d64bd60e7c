package journey

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func stageEvent(stage string, d int) StageEvent {
	return StageEvent{AccountID: "a", Stage: stage, Time: t0.Add(time.Duration(d) * day)}
}

func TestStageHistoryPeriodsAndSkips(t *testing.T) {
	m := DefaultStageModel()
	h, err := m.History("a", []StageEvent{
		stageEvent("SQL", 10),
		stageEvent("engaged", 2),
		stageEvent("aware", 0),
		stageEvent("engaged", 3), // repeat, ignored
		stageEvent("opportunity", 15),
	}, nil)
	require.NoError(t, err)
	require.Len(t, h.Periods, 4)
	assert.Equal(t, "opportunity", h.Current())
	assert.Equal(t, 2*day, h.Periods[0].Duration(time.Time{}))
	assert.Equal(t, 8*day, h.Periods[1].Duration(time.Time{}))
	assert.Equal(t, time.Duration(0), h.Periods[3].Duration(time.Time{}))
	assert.Equal(t, 5*day, h.Periods[3].Duration(t0.Add(20*day)))
	require.Len(t, h.Skips, 1)
	assert.Equal(t, StageSkip{From: "engaged", To: "SQL", Skipped: []string{"MQA", "SAL"}, At: t0.Add(10 * day)}, h.Skips[0])
	assert.Equal(t, 0, h.Regressions)
}

func TestStageHistoryFirstStageSkipAndExit(t *testing.T) {
	m := DefaultStageModel()
	h, err := m.History("a", []StageEvent{
		stageEvent("sql", 0),
		stageEvent("Lost", 5),
		stageEvent("engaged", 30),
		stageEvent("aware", 31),
	}, nil)
	require.NoError(t, err)
	require.Len(t, h.Skips, 1)
	assert.Equal(t, []string{"aware", "engaged", "MQA", "SAL"}, h.Skips[0].Skipped)
	assert.Equal(t, "", h.Skips[0].From)
	assert.Equal(t, "SQL", h.Periods[0].Stage, "names use the model's spelling")
	assert.Equal(t, "lost", h.Periods[1].Stage)
	assert.Equal(t, 1, h.Regressions)
}

func TestStageHistoryErrors(t *testing.T) {
	m := DefaultStageModel()
	_, err := m.History("a", []StageEvent{stageEvent("nurture", 0)}, nil)
	assert.ErrorContains(t, err, `unknown stage "nurture"`)
	_, err = m.History("b", []StageEvent{stageEvent("aware", 0)}, nil)
	assert.ErrorContains(t, err, "belongs to account")
	_, err = NewStageModel([]string{"a", "A"}, nil)
	assert.ErrorContains(t, err, "appears twice")
	_, err = NewStageModel(nil, nil)
	assert.Error(t, err)
	_, err = StageModel{}.History("a", nil, nil)
	assert.Error(t, err)
}

func TestStageEnteredAfterTeam(t *testing.T) {
	tl := timelineOf(t, "a", touch("", 0, Marketing, "web"), touch("", 2*day, Sales, "call"))
	h, err := DefaultStageModel().History("a", []StageEvent{stageEvent("engaged", 1), stageEvent("SAL", 3)}, &tl)
	require.NoError(t, err)
	assert.Equal(t, Marketing, h.Periods[0].EnteredAfter)
	assert.Equal(t, Sales, h.Periods[1].EnteredAfter)
}

func TestFunnelConversion(t *testing.T) {
	m, err := NewStageModel([]string{"aware", "engaged", "SQL", "won"}, []string{"lost"})
	require.NoError(t, err)
	events := [][]StageEvent{
		{stageEvent("aware", 0), stageEvent("engaged", 2), stageEvent("SQL", 4), stageEvent("won", 8)},
		{stageEvent("aware", 0), stageEvent("SQL", 6), stageEvent("lost", 7)},
		{stageEvent("aware", 0), stageEvent("engaged", 4)},
		{stageEvent("aware", 0)},
	}
	var histories []StageHistory
	for _, e := range events {
		h, err := m.History("a", e, nil)
		require.NoError(t, err)
		histories = append(histories, h)
	}
	steps := m.Funnel(histories)
	require.Len(t, steps, 4)
	assert.Equal(t, 4, steps[0].Reached)
	assert.Equal(t, 3, steps[1].Reached)
	assert.Equal(t, 2, steps[1].Entered)
	assert.Equal(t, 1, steps[1].Skipped)
	assert.Equal(t, 0.75, steps[0].Conversion)
	assert.InDelta(t, 2.0/3, steps[1].Conversion, 1e-12)
	assert.Equal(t, 0.5, steps[2].Conversion)
	assert.Equal(t, 0.0, steps[3].Conversion)
	assert.Equal(t, 4*day, steps[0].MedianTime, "stays of 2, 6 and 4 days")
}

func TestStageHistoryTimeIn(t *testing.T) {
	h, err := DefaultStageModel().History("a", []StageEvent{
		stageEvent("SAL", 0), stageEvent("SQL", 2), stageEvent("SAL", 5), stageEvent("lost", 6), stageEvent("SAL", 10),
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, 3*day, h.TimeIn("sal", time.Time{}), "stays of 2 and 1 days, the current one unmeasured")
	assert.Equal(t, 5*day, h.TimeIn("SAL", t0.Add(12*day)))
	assert.Equal(t, 3*day, h.TimeIn("SQL", time.Time{}))
	assert.Equal(t, time.Duration(0), h.TimeIn("won", time.Time{}))
	assert.Equal(t, 1, h.Regressions)
}
