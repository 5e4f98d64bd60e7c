package overlap

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(d int) time.Time {
	return time.Date(2026, time.January, d, 12, 0, 0, 0, time.UTC)
}

var sampleTouches = []Touch{
	{Account: "acme", Team: "marketing", Channel: "ad", Time: day(2), Weight: 0.1},
	{Account: "acme", Team: "marketing", Channel: "webinar", Time: day(5), Weight: 45},
	{Account: "acme", Team: "sales", Channel: "call", Time: day(6), Weight: 30},
	{Account: "globex", Team: "marketing", Channel: "ad", Time: day(3), Weight: 0.1},
	{Account: "globex", Team: "marketing", Channel: "ad", Time: day(4), Weight: 0.1},
	{Account: "globex", Team: "marketing", Channel: "ad", Time: day(9), Weight: 0.1},
	{Account: "initech", Team: "sales", Channel: "email", Time: day(7), Weight: 2},
	{Account: "hooli", Team: "marketing", Channel: "email", Time: day(20), Weight: 3},
}

func TestReachedSetsRules(t *testing.T) {
	tests := []struct {
		name string
		rule Reach
		want []string
	}{
		{"any touch", AnyTouch("marketing"), []string{"acme", "globex", "hooli"}},
		{"three touches", AtLeastTouches("marketing", 3), []string{"globex"}},
		{"ten minutes", AtLeastWeight("marketing", 10), []string{"acme"}},
		{"only ads", Reach{Team: "marketing", Channels: []string{"ad"}}, []string{"acme", "globex"}},
		{"no ads", Reach{Team: "marketing", ExcludeChannels: []string{"ad"}}, []string{"acme", "hooli"}},
		{"first week", AnyTouch("marketing").Within(Window{Start: day(1), End: day(8)}), []string{"acme", "globex"}},
		{"window and count", AtLeastTouches("marketing", 2).Within(Window{End: day(5)}), []string{"globex"}},
		{"predicate", Reach{Team: "marketing", Predicate: func(_ string, ts []Touch) bool {
			return ts[len(ts)-1].Channel == "email"
		}}, []string{"hooli"}},
		{"other team", AnyTouch("sales"), []string{"acme", "initech"}},
		{"unknown team", AnyTouch("partners"), []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sets, err := ReachedSets(sampleTouches, tt.rule)
			require.NoError(t, err)
			require.Len(t, sets, 1)
			assert.Equal(t, tt.want, sets[0].Members)
		})
	}
}

func TestReachedSetsInvalid(t *testing.T) {
	tests := []struct {
		name    string
		touches []Touch
		rule    Reach
		want    string
	}{
		{"empty team in rule", nil, Reach{Name: "m"}, "empty Team"},
		{"negative weight rule", nil, Reach{Team: "m", MinWeight: -1}, "MinWeight -1"},
		{"empty window", nil, Reach{Team: "m", Window: Window{Start: day(3), End: day(3)}}, "Start must be before End"},
		{"touch without account", []Touch{{Team: "m"}}, AnyTouch("m"), "touch 0 has an empty account ID"},
		{"touch without team", []Touch{{Account: "a"}}, AnyTouch("m"), `touch 0 on account "a" has an empty team`},
		{"touch weight NaN", []Touch{{Account: "a", Team: "m", Weight: -2}}, AnyTouch("m"), "weight -2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReachedSets(tt.touches, tt.rule)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestReachStringNamesRule(t *testing.T) {
	rule := Reach{Team: "marketing", MinTouches: 3, MinWeight: 10, Channels: []string{"webinar", "email"},
		Window: Window{Start: day(1)}}
	assert.Equal(t, "team marketing, at least 3 touches with total weight at least 10, channels email or webinar, 2026-01-01T12:00:00Z to open", rule.String())
	assert.Equal(t, "team sales, at least 1 touch, all time", AnyTouch("sales").String())
}

func TestComputeReachRecords(t *testing.T) {
	touches := []Touch{
		{Account: "a1", Team: "crm", Channel: "meeting", Time: day(1), Record: "b7"},
		{Account: "a1", Team: "crm", Channel: "meeting", Time: day(2), Record: "b8"},
		{Account: "a1", Team: "marketing", Channel: "ad", Time: day(2)},
	}
	r, err := ComputeReach([]string{"a1", "a2"}, touches, AnyTouch("crm"), AnyTouch("marketing"))
	require.NoError(t, err)

	assert.Equal(t, []string{"b7", "b8"}, r.Records("crm", "a1"))
	assert.Equal(t, []string{"a1"}, r.Sets[0].MultipleRecords)
	require.Len(t, r.Rules, 2)
	assert.Equal(t, "crm", r.Rules[0].Set)
	var text bytes.Buffer
	require.NoError(t, r.WriteText(&text))
	assert.Contains(t, text.String(), "REACHED WHEN")
}

func TestPeriodWindows(t *testing.T) {
	tests := []struct {
		period Period
		w      Window
		starts []string
	}{
		{Week, Window{day(7), day(20)}, []string{"2026-01-05", "2026-01-12", "2026-01-19"}},
		{Month, Window{day(7), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)}, []string{"2026-01-01", "2026-02-01"}},
		{Quarter, Window{time.Date(2026, 2, 7, 0, 0, 0, 0, time.UTC), time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)}, []string{"2026-01-01", "2026-04-01", "2026-07-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.period.String(), func(t *testing.T) {
			windows, err := tt.period.Windows(tt.w)
			require.NoError(t, err)
			var starts []string
			for i, w := range windows {
				starts = append(starts, w.Start.Format("2006-01-02"))
				if i > 0 {
					assert.Equal(t, windows[i-1].End, w.Start, "periods are contiguous")
				}
			}
			assert.Equal(t, tt.starts, starts)
		})
	}
	_, err := Week.Windows(Window{Start: day(1)})
	assert.ErrorContains(t, err, "needs a Start before its End")
	_, err = Period(9).Windows(Window{day(1), day(2)})
	assert.ErrorContains(t, err, "invalid period 9")
}

func TestComputeSeriesMoves(t *testing.T) {
	touches := []Touch{
		{Account: "acme", Team: "marketing", Channel: "ad", Time: day(5)},
		{Account: "acme", Team: "marketing", Channel: "ad", Time: day(14)},
		{Account: "acme", Team: "sales", Channel: "call", Time: day(15)},
		{Account: "globex", Team: "sales", Channel: "call", Time: day(6)},
		{Account: "initech", Team: "marketing", Channel: "ad", Time: day(13)},
	}
	universe := []string{"acme", "globex", "initech", "hooli"}
	s, err := ComputeSeries(universe, touches, Week, Window{day(5), day(18)}, AnyTouch("marketing"), AnyTouch("sales"))
	require.NoError(t, err)

	require.Len(t, s.Points, 2)
	require.Len(t, s.Transitions, 1)
	first, second := s.Points[0].Report, s.Points[1].Report
	both, _ := second.Region("marketing", "sales")
	assert.Equal(t, []string{"acme"}, both.Members)
	onlyMarketing, _ := first.Region("marketing")
	assert.Equal(t, []string{"acme"}, onlyMarketing.Members)

	want := []Move{
		{From: []string{"marketing"}, To: []string{"marketing", "sales"}, Count: 1, Members: []string{"acme"}},
		{From: []string{"sales"}, To: []string{}, Count: 1, Members: []string{"globex"}},
		{From: []string{}, To: []string{"marketing"}, Count: 1, Members: []string{"initech"}},
	}
	assert.ElementsMatch(t, want, s.Transitions[0].Moves)

	var text bytes.Buffer
	require.NoError(t, s.WriteText(&text))
	assert.Contains(t, text.String(), "PERIOD START")
	data, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"period":"week"`)
	var decoded Series
	require.NoError(t, json.Unmarshal(data, &decoded))
	assert.Equal(t, Week, decoded.Period)
	assert.Equal(t, s.Points[1].Report.Metrics, decoded.Points[1].Report.Metrics)
	var bad Period
	assert.ErrorContains(t, bad.UnmarshalText([]byte("day")), `invalid period "day"`)
}

func TestComputeActionsLists(t *testing.T) {
	now := day(31)
	touches := []Touch{
		{Account: "acme", Team: "marketing", Channel: "webinar", Time: day(2)},
		{Account: "acme", Team: "sales", Channel: "call", Time: day(3)},
		{Account: "globex", Team: "marketing", Channel: "webinar", Time: day(20)},
		{Account: "globex", Team: "sales", Channel: "call", Time: day(29)},
		{Account: "initech", Team: "sales", Channel: "call", Time: day(25)},
		{Account: "hooli", Team: "marketing", Channel: "ad", Time: day(10)},
		{Account: "future", Team: "marketing", Channel: "webinar", Time: now.Add(time.Hour)},
	}
	universe := []string{"acme", "globex", "initech", "hooli", "umbrella", "future"}
	lists, err := ComputeActions(universe, touches, ActionOptions{
		Marketing:      Reach{Team: "marketing", Channels: []string{"webinar"}},
		Sales:          AnyTouch("sales"),
		Now:            now,
		SalesQuietDays: 14,
	})
	require.NoError(t, err)

	accounts := func(items []ActionItem) []string {
		out := []string{}
		for _, it := range items {
			out = append(out, it.Account)
		}
		return out
	}
	assert.Equal(t, []string{"acme"}, accounts(lists.ForSales))
	assert.Equal(t, []string{"initech"}, accounts(lists.ForMarketing))
	assert.Equal(t, []string{"future", "hooli", "umbrella"}, accounts(lists.Unreached), "touches after Now are ignored")

	acme := lists.ForSales[0]
	assert.Equal(t, LastTouch{Team: "marketing", Touched: true, Time: day(2), Channel: "webinar"}, acme.LastTouches[0])
	assert.Equal(t, LastTouch{Team: "sales", Touched: true, Time: day(3), Channel: "call"}, acme.LastTouches[1])
	hooli := lists.Unreached[1]
	assert.Equal(t, LastTouch{Team: "sales"}, hooli.LastTouches[1])

	var text bytes.Buffer
	require.NoError(t, lists.WriteText(&text))
	assert.Contains(t, text.String(), "For sales: marketing engaged, no sales touch in 14 days (1)")
	assert.Contains(t, text.String(), "never")

	_, err = ComputeActions(universe, touches, ActionOptions{Marketing: AnyTouch("m"), Sales: AnyTouch("s")})
	assert.ErrorContains(t, err, "Now is zero")
}

func TestComputeBySegmentSplits(t *testing.T) {
	universe := []string{"a", "b", "c", "d", "e"}
	tier := map[string]string{"a": "gold", "b": "gold", "c": "silver", "d": "silver", "x": "gold"}
	weights := map[string]float64{"a": 100, "b": 50, "c": 10}
	r, err := ComputeBySegment(universe, "tier", tier, weights,
		Set{Name: "m", Members: []string{"a", "c", "x"}},
		Set{Name: "s", Members: []string{"a", "b", "d", "e"}},
	)
	require.NoError(t, err)

	require.Len(t, r.Segments, 3)
	assert.Equal(t, []string{NoSegment, "gold", "silver"}, []string{r.Segments[0].Value, r.Segments[1].Value, r.Segments[2].Value})
	gold := r.Segments[1].Report
	assert.Equal(t, 2, gold.Universe.Size)
	assert.Equal(t, []string{"x"}, gold.Sets[0].Outside)
	jaccard, _ := gold.Metric(MetricJaccard, "m", "s")
	assert.Equal(t, Ratio{1, 2}, jaccard.Value)
	weighted, ok := gold.Metric(MetricWeightedJaccard, "m", "s")
	require.True(t, ok)
	assert.Equal(t, Ratio{100, 150}, weighted.Value)
	none := r.Segments[0].Report
	assert.Equal(t, 1, none.Universe.Size, "e has no tier")
	assert.Equal(t, 1, none.Weights.Missing)

	var text strings.Builder
	require.NoError(t, r.WriteText(&text))
	assert.Contains(t, text.String(), "(no value)")
	assert.Contains(t, text.String(), "JACCARD M/S")
}

func TestComputeWeightedMetrics(t *testing.T) {
	weights := map[string]float64{"a": 10, "b": 30, "c": 60, "z": 1000}
	r, err := ComputeWeighted([]string{"a", "b", "c", "d"}, weights,
		Set{Name: "m", Members: []string{"a", "b", "z"}},
		Set{Name: "s", Members: []string{"b", "c"}},
	)
	require.NoError(t, err)

	tests := []struct {
		name     string
		sets     []string
		num, den float64
	}{
		{MetricWeightedJaccard, []string{"m", "s"}, 30, 100},
		{MetricWeightedOverlapCoefficient, []string{"m", "s"}, 30, 40},
		{MetricWeightedDice, []string{"m", "s"}, 60, 130},
		{MetricWeightedShare, []string{"s", "m"}, 30, 90},
		{MetricWeightedCoverage, []string{"m"}, 40, 100},
		{MetricWeightedCoverage, []string{"m", "s"}, 100, 100},
	}
	for _, tt := range tests {
		m, ok := r.Metric(tt.name, tt.sets...)
		require.True(t, ok, metricKey(tt.name, tt.sets))
		assert.Equal(t, Ratio{tt.num, tt.den}, m.Value, metricKey(tt.name, tt.sets))
	}
	assert.Equal(t, 1, r.Weights.Missing, "d has no weight")

	_, err = ComputeWeighted(nil, map[string]float64{"a": -1}, Set{Name: "m"})
	assert.ErrorContains(t, err, `weight of account "a" is -1`)
	_, err = ComputeWeighted(nil, map[string]float64{"a": 1e308, "b": 1e308}, Set{Name: "m", Members: []string{"a", "b"}})
	assert.ErrorContains(t, err, "overflows")
}
