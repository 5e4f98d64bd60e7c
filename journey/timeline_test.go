package journey

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)

func touch(account string, offset time.Duration, team Team, channel string) Touchpoint {
	return Touchpoint{AccountID: account, Time: t0.Add(offset), Team: team, Channel: channel}
}

func TestBuildTimelinesGroupsAndOrders(t *testing.T) {
	touches := []Touchpoint{
		touch("b", 2*time.Hour, Sales, "call"),
		touch("a", time.Hour, Sales, "call"),
		touch("b", time.Hour, Marketing, "email"),
		touch("a", 0, Marketing, "web"),
	}
	got, err := BuildTimelines(touches, TimelineOptions{})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "a", got[0].AccountID)
	assert.Equal(t, "b", got[1].AccountID)
	assert.Equal(t, "web", got[0].Touches[0].Channel)
	assert.Equal(t, "call", got[0].Touches[1].Channel)
	assert.Equal(t, "email", got[1].Touches[0].Channel)
}

func TestBuildTimelinesOrdersByInstantNotWallClock(t *testing.T) {
	plus2 := time.FixedZone("+02:00", 2*3600)
	early := Touchpoint{AccountID: "a", Team: Sales, Channel: "call",
		Time: time.Date(2024, 3, 1, 9, 30, 0, 0, plus2)}
	late := Touchpoint{AccountID: "a", Team: Marketing, Channel: "email",
		Time: time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)}
	got, err := BuildTimelines([]Touchpoint{late, early}, TimelineOptions{})
	require.NoError(t, err)
	assert.Equal(t, "call", got[0].Touches[0].Channel, "09:30+02:00 is 07:30Z and comes first")
}

func TestBuildTimelinesTieBreakIgnoresInputOrder(t *testing.T) {
	touches := []Touchpoint{
		touch("a", 0, Sales, "call"),
		touch("a", 0, Marketing, "web"),
		touch("a", 0, Marketing, "email"),
	}
	want := []string{"email", "web", "call"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		rng.Shuffle(len(touches), func(i, j int) { touches[i], touches[j] = touches[j], touches[i] })
		got, err := BuildTimelines(touches, TimelineOptions{})
		require.NoError(t, err)
		var channels []string
		for _, tp := range got[0].Touches {
			channels = append(channels, tp.Channel)
		}
		assert.Equal(t, want, channels)
	}
}

func TestBuildTimelinesRejectsInvalidTouch(t *testing.T) {
	tests := []struct {
		name  string
		touch Touchpoint
		want  string
	}{
		{"missing account", Touchpoint{Time: t0, Team: Sales}, "touch 1: missing account ID"},
		{"missing time", Touchpoint{AccountID: "a", Team: Sales}, "missing time"},
		{"missing team", Touchpoint{AccountID: "a", Time: t0}, "invalid team 0"},
		{"negative weight", Touchpoint{AccountID: "a", Time: t0, Team: Sales, Weight: -1}, "invalid weight -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := BuildTimelines([]Touchpoint{touch("a", 0, Sales, "x"), tt.touch}, TimelineOptions{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestTimelineFirstTouches(t *testing.T) {
	tl, err := NewTimeline("a", []Touchpoint{
		touch("a", 3*time.Hour, Sales, "call"),
		touch("a", time.Hour, Marketing, "email"),
		touch("a", 5*time.Hour, Marketing, "web"),
	}, TimelineOptions{})
	require.NoError(t, err)

	m, ok := tl.FirstMarketing()
	require.True(t, ok)
	assert.Equal(t, "email", m.Channel)
	s, ok := tl.FirstSales()
	require.True(t, ok)
	assert.Equal(t, "call", s.Channel)
	first, ok := tl.FirstTeam()
	require.True(t, ok)
	assert.Equal(t, Marketing, first)
	gap, ok := tl.FirstTouchGap()
	require.True(t, ok)
	assert.Equal(t, 2*time.Hour, gap)
}

func TestTimelineSalesFirstGapIsNegative(t *testing.T) {
	tl, err := NewTimeline("a", []Touchpoint{
		touch("a", 0, Sales, "call"),
		touch("a", time.Hour, Marketing, "email"),
	}, TimelineOptions{})
	require.NoError(t, err)
	first, _ := tl.FirstTeam()
	assert.Equal(t, Sales, first)
	gap, ok := tl.FirstTouchGap()
	require.True(t, ok)
	assert.Equal(t, -time.Hour, gap)
}

func TestTimelineOneTeamOnly(t *testing.T) {
	tl, err := NewTimeline("a", []Touchpoint{touch("a", 0, Marketing, "web")}, TimelineOptions{})
	require.NoError(t, err)
	_, ok := tl.FirstSales()
	assert.False(t, ok)
	_, ok = tl.FirstTouchGap()
	assert.False(t, ok)

	empty := Timeline{AccountID: "x"}
	_, ok = empty.FirstTeam()
	assert.False(t, ok)
}

func TestNewTimelineRejectsOtherAccount(t *testing.T) {
	_, err := NewTimeline("a", []Touchpoint{touch("b", 0, Sales, "call")}, TimelineOptions{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `belongs to account "b", not "a"`)
}

func TestTimelineMergesDuplicateAcrossSources(t *testing.T) {
	crm := Touchpoint{AccountID: "a", Time: t0, Team: Sales, Contact: "x@a.com", Type: "meeting", Source: "crm"}
	mapRecord := crm
	mapRecord.Source = "map"
	mapRecord.Time = t0.Add(90 * time.Second)
	sameSource := crm
	sameSource.Time = t0.Add(time.Minute)
	otherContact := mapRecord
	otherContact.Contact = "y@a.com"
	tooLate := mapRecord
	tooLate.Time = t0.Add(time.Hour)

	tl, err := NewTimeline("a", []Touchpoint{tooLate, otherContact, mapRecord, sameSource, crm},
		TimelineOptions{DuplicateWindow: 5 * time.Minute})
	require.NoError(t, err)
	require.Len(t, tl.Touches, 4, "only the map record merges")
	assert.Empty(t, tl.Touches[0].MergedFrom, "same-source records stay separate")
	assert.Equal(t, []string{"crm", "map"}, tl.Touches[1].Sources(), "map record merges into the nearest earlier record")
	require.Len(t, tl.Touches[1].MergedFrom, 1)
	assert.Equal(t, t0.Add(90*time.Second), tl.Touches[1].MergedFrom[0].Time)
}

func TestTimelineNoMergeWithoutWindow(t *testing.T) {
	a := Touchpoint{AccountID: "a", Time: t0, Team: Sales, Contact: "x", Type: "call", Source: "crm"}
	b := a
	b.Source = "map"
	tl, err := NewTimeline("a", []Touchpoint{a, b}, TimelineOptions{})
	require.NoError(t, err)
	assert.Len(t, tl.Touches, 2)
}

func TestSortTouchesMatchesStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	channels := []string{"a", "b", "c"}
	for trial := range 200 {
		n := rng.IntN(40)
		touches := make([]Touchpoint, n)
		for i := range touches {
			touches[i] = Touchpoint{
				AccountID: "a",
				Time:      t0.Add(time.Duration(rng.IntN(5)) * time.Minute),
				Team:      Team(1 + rng.IntN(2)),
				Channel:   channels[rng.IntN(len(channels))],
				Weight:    float64(i), // identifies the input position
			}
		}
		want := slices.Clone(touches)
		slices.SortStableFunc(want, func(a, b Touchpoint) int { return compareTouches(&a, &b) })
		sortTouches(touches)
		require.Equal(t, want, touches, "trial %d", trial)
	}
}

func TestBuildTimelinesMatchesPerAccountBuild(t *testing.T) {
	touches := syntheticTouches(5000, 37)
	all, err := BuildTimelines(touches, TimelineOptions{})
	require.NoError(t, err)
	require.Len(t, all, 37)
	for _, tl := range all {
		var own []Touchpoint
		for _, tp := range touches {
			if tp.AccountID == tl.AccountID {
				own = append(own, tp)
			}
		}
		single, err := NewTimeline(tl.AccountID, own, TimelineOptions{})
		require.NoError(t, err)
		require.Equal(t, single.Touches, tl.Touches, "account %s", tl.AccountID)
	}
}

func TestBuildTimelinesInPlaceMatchesCopy(t *testing.T) {
	touches := syntheticTouches(20000, 301)
	want, err := BuildTimelines(touches, TimelineOptions{DuplicateWindow: time.Minute})
	require.NoError(t, err)
	input := slices.Clone(touches)
	got, err := BuildTimelinesInPlace(input, TimelineOptions{DuplicateWindow: time.Minute})
	require.NoError(t, err)
	require.Equal(t, want, got)
}

func TestBuildTimelinesInPlaceKeepsInputOnError(t *testing.T) {
	touches := []Touchpoint{touch("b", 0, Sales, "call"), touch("a", 0, Sales, "call"), {AccountID: "c"}}
	before := slices.Clone(touches)
	_, err := BuildTimelinesInPlace(touches, TimelineOptions{})
	require.Error(t, err)
	assert.Equal(t, before, touches)
}
