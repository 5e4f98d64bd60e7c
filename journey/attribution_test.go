package journey

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func journeyOf(channels ...string) Journey {
	j := Journey{ID: "j", Value: 1}
	for i, c := range channels {
		j.Touches = append(j.Touches, Touchpoint{AccountID: "a", Time: t0.Add(time.Duration(i) * day), Team: Marketing, Channel: c})
	}
	return j
}

func shareList(t *testing.T, a Attribution) []float64 {
	t.Helper()
	var shares []float64
	for _, c := range a.Credits {
		shares = append(shares, c.Share)
	}
	return shares
}

func TestUShapedCases(t *testing.T) {
	tests := []struct {
		channels []string
		want     []float64
	}{
		{[]string{"Email", "Webinar", "Paid Search", "Demo"}, []float64{0.4, 0.1, 0.1, 0.4}},
		{[]string{"Email", "Demo"}, []float64{0.5, 0.5}},
		{[]string{"Demo"}, []float64{1}},
	}
	for _, tt := range tests {
		a, err := Attribute(journeyOf(tt.channels...), UShaped(), AttributionOptions{})
		require.NoError(t, err)
		assert.InDeltaSlice(t, tt.want, shareList(t, a), 1e-12, "channels %v", tt.channels)
	}
}

func TestNewPositionBasedMatchesUShaped(t *testing.T) {
	m, err := NewPositionBased(0.4, 0.4)
	require.NoError(t, err)
	a, err := Attribute(journeyOf("a", "b", "c", "d"), m, AttributionOptions{})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.4, 0.1, 0.1, 0.4}, shareList(t, a), 1e-12)

	_, err = NewPositionBased(0.7, 0.4)
	assert.Error(t, err)
	_, err = NewPositionBased(-0.1, 0.4)
	assert.Error(t, err)
}

func TestRuleBasedModels(t *testing.T) {
	j := journeyOf("email", "web", "direct", "paid search", "direct")
	tests := []struct {
		model Model
		want  []float64
	}{
		{FirstTouch{}, []float64{1, 0, 0, 0, 0}},
		{LastTouch{}, []float64{0, 0, 0, 0, 1}},
		{LastNonDirect{}, []float64{0, 0, 0, 1, 0}},
		{Linear{}, []float64{0.2, 0.2, 0.2, 0.2, 0.2}},
	}
	for _, tt := range tests {
		a, err := Attribute(j, tt.model, AttributionOptions{})
		require.NoError(t, err)
		assert.InDeltaSlice(t, tt.want, shareList(t, a), 1e-12, tt.model.Name())
		assert.Equal(t, tt.model.Name(), a.Model)
	}
}

func TestLastNonDirectAllDirect(t *testing.T) {
	a, err := Attribute(journeyOf("direct", "Direct"), LastNonDirect{}, AttributionOptions{})
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 1}, shareList(t, a))
	assert.Contains(t, a.Credits[1].Reason, "all touches are direct")
}

func TestTimeDecayHalvesPerHalfLife(t *testing.T) {
	j := journeyOf("a", "b", "c") // days 0, 1, 2; conversion at day 2
	a, err := Attribute(j, TimeDecay{HalfLife: day}, AttributionOptions{})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{1.0 / 7, 2.0 / 7, 4.0 / 7}, shareList(t, a), 1e-12)

	_, err = Attribute(j, TimeDecay{}, AttributionOptions{})
	assert.Error(t, err)
}

func TestMilestoneModels(t *testing.T) {
	// Touches on days 0..5. Lead created on day 1, opportunity on day 3,
	// won on day 5.
	j := journeyOf("t0", "t1", "t2", "t3", "t4", "t5")
	j.LeadCreatedAt = t0.Add(day + time.Hour)
	j.OpportunityCreatedAt = t0.Add(3 * day)
	j.ClosedWonAt = t0.Add(5 * day)

	tests := []struct {
		model PositionBased
		want  []float64
	}{
		{LeadUShaped(), []float64{0.4, 0.4, 0.05, 0.05, 0.05, 0.05}},
		{WShaped(), []float64{0.3, 0.3, 0.05, 0.3, 0.05, 0}},
		{FullPath(), []float64{0.225, 0.225, 0.05, 0.225, 0.05, 0.225}},
	}
	tests[1].want = []float64{0.3, 0.3, 0.1 / 3, 0.3, 0.1 / 3, 0.1 / 3}
	for _, tt := range tests {
		a, err := Attribute(j, tt.model, AttributionOptions{})
		require.NoError(t, err)
		assert.InDeltaSlice(t, tt.want, shareList(t, a), 1e-12, tt.model.Name())
	}
}

func TestMilestoneAbsentIsScaled(t *testing.T) {
	j := journeyOf("a", "b", "c")
	a, err := Attribute(j, WShaped(), AttributionOptions{})
	require.NoError(t, err)
	// Only the first touch anchor is present: 0.3 + 0.1 rest over 2.
	assert.InDeltaSlice(t, []float64{0.75, 0.125, 0.125}, shareList(t, a), 1e-12)
	assert.Contains(t, a.Credits[0].Reason, "Absent: lead creation, opportunity creation")
}

func TestMilestoneSameTouchGetsBothWeights(t *testing.T) {
	j := journeyOf("a", "b")
	j.LeadCreatedAt = t0
	a, err := Attribute(j, LeadUShaped(), AttributionOptions{})
	require.NoError(t, err)
	assert.InDeltaSlice(t, []float64{0.8, 0.2}, shareList(t, a), 1e-12)
}

func TestAttributeLookbackWindow(t *testing.T) {
	j := journeyOf("old", "mid", "new")
	j.ConvertedAt = t0.Add(2*day + time.Hour)
	j.Touches = append(j.Touches, Touchpoint{AccountID: "a", Time: t0.Add(3 * day), Team: Sales, Channel: "after"})
	a, err := Attribute(j, Linear{}, AttributionOptions{Lookback: 36 * time.Hour})
	require.NoError(t, err)
	require.Len(t, a.Credits, 2)
	assert.Equal(t, "mid", a.Credits[0].Touch.Channel)
	assert.Equal(t, "new", a.Credits[1].Touch.Channel)

	empty, err := Attribute(Journey{ID: "e", Value: 5}, Linear{}, AttributionOptions{})
	require.NoError(t, err)
	assert.Empty(t, empty.Credits)
	assert.Equal(t, 5.0, empty.Unattributed)
}

func TestAttributeRejectsInvalidInput(t *testing.T) {
	j := journeyOf("a")
	j.Value = math.NaN()
	_, err := Attribute(j, Linear{}, AttributionOptions{})
	assert.ErrorContains(t, err, "invalid value")

	_, err = Attribute(journeyOf("a"), Linear{}, AttributionOptions{Lookback: -1})
	assert.ErrorContains(t, err, "invalid lookback")

	bad := PositionBased{Label: "bad", Anchors: []AnchorWeight{{AnchorFirstTouch, -1}}}
	_, err = Attribute(journeyOf("a"), bad, AttributionOptions{})
	assert.ErrorContains(t, err, "invalid weight")
}

func TestMarkovRemovalEffectCases(t *testing.T) {
	paths := []Path{
		{Channels: []string{"A", "B"}, Converted: true},
		{Channels: []string{"B"}},
		{Channels: []string{"A"}, Converted: true},
	}
	r, err := MarkovRemovalEffects(paths, MarkovOptions{})
	require.NoError(t, err)
	require.Len(t, r.Channels, 2)
	assert.InDelta(t, 2.0/3, r.ConversionProbability, 1e-12)
	assert.InDelta(t, 0.75, r.Channels[0].RemovalEffect, 1e-12)
	assert.InDelta(t, 0.5, r.Channels[1].RemovalEffect, 1e-12)
	assert.InDelta(t, 1.2, r.Channels[0].Conversions, 1e-12)
	assert.InDelta(t, 0.8, r.Channels[1].Conversions, 1e-12)

	paths = []Path{
		{Channels: []string{"A"}, Converted: true}, {Channels: []string{"A"}, Converted: true},
		{Channels: []string{"B"}}, {Channels: []string{"B"}}, {Channels: []string{"B"}},
	}
	r, err = MarkovRemovalEffects(paths, MarkovOptions{})
	require.NoError(t, err)
	assert.InDelta(t, 2, r.Channels[0].Conversions, 1e-12)
	assert.InDelta(t, 0, r.Channels[1].Conversions, 1e-12)
}

func TestMarkovSecondOrder(t *testing.T) {
	// In second order, A then B converts and B then A does not, which a
	// first-order chain cannot tell apart.
	paths := []Path{
		{Channels: []string{"A", "B"}, Converted: true},
		{Channels: []string{"B", "A"}},
	}
	first, err := MarkovRemovalEffects(paths, MarkovOptions{Order: 1})
	require.NoError(t, err)
	second, err := MarkovRemovalEffects(paths, MarkovOptions{Order: 2})
	require.NoError(t, err)
	assert.InDelta(t, 0.5, second.ConversionProbability, 1e-12)
	assert.InDelta(t, 1, second.Effect("A"), 1e-12)
	assert.InDelta(t, 1, second.Effect("B"), 1e-12)
	assert.InDelta(t, 0.5, first.Effect("A"), 1e-12, "first order lets B then A convert through the loop")

	_, err = MarkovRemovalEffects(paths, MarkovOptions{Order: 5})
	assert.Error(t, err)
}

func TestMarkovSelfLoops(t *testing.T) {
	paths := []Path{
		{Channels: []string{"A", "A", "A"}, Converted: true},
		{Channels: []string{"A"}},
	}
	r, err := MarkovRemovalEffects(paths, MarkovOptions{})
	require.NoError(t, err)
	assert.InDelta(t, 0.5, r.ConversionProbability, 1e-12)
	assert.InDelta(t, 1, r.Effect("A"), 1e-12)
}

func randomPaths(rng *rand.Rand, n int, channels []string) []Path {
	paths := make([]Path, n)
	for i := range paths {
		length := 1 + rng.IntN(5)
		p := Path{Converted: rng.IntN(3) == 0}
		for range length {
			// Later channels convert more often, so effects differ.
			c := rng.IntN(len(channels))
			p.Channels = append(p.Channels, channels[c])
			if c == len(channels)-1 && rng.IntN(2) == 0 {
				p.Converted = true
			}
		}
		paths[i] = p
	}
	return paths
}

func TestMarkovIndependentOfPathOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	channels := []string{"email", "web", "search", "event", "call"}
	for trial := range 20 {
		paths := randomPaths(rng, 200, channels)
		for _, order := range []int{1, 2, 3} {
			want, err := MarkovRemovalEffects(paths, MarkovOptions{Order: order})
			require.NoError(t, err)
			shuffled := append([]Path(nil), paths...)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			got, err := MarkovRemovalEffects(shuffled, MarkovOptions{Order: order})
			require.NoError(t, err)
			require.Equal(t, want, got, "trial %d order %d", trial, order)
			total := 0.0
			for _, c := range got.Channels {
				assert.GreaterOrEqual(t, c.RemovalEffect, 0.0)
				assert.LessOrEqual(t, c.RemovalEffect, 1.0)
				total += c.Conversions
			}
			assert.InDelta(t, got.Conversions, total, 1e-9)
		}
	}
}

func TestShapleyConversionsSplitsEvenly(t *testing.T) {
	paths := []Path{
		{Channels: []string{"A", "B"}, Converted: true},
		{Channels: []string{"B"}},
		{Channels: []string{"A"}, Converted: true},
	}
	r, err := ShapleyValues(paths, ShapleyOptions{})
	require.NoError(t, err)
	assert.InDelta(t, 1.5, r.Value("A"), 1e-12)
	assert.InDelta(t, 0.5, r.Value("B"), 1e-12)
	assert.InDelta(t, 1.5, r.Channels[0].Conversions, 1e-12)
}

func TestShapleyConversionRateByHand(t *testing.T) {
	// v({A}) = 1/1, v({B}) = 0/1, v({A,B}) = 2/3.
	// phi_A = 1/2 (1 - 0) + 1/2 (2/3 - 0) = 5/6, phi_B = 1/2 (0) + 1/2 (2/3 - 1) = -1/6.
	paths := []Path{
		{Channels: []string{"A", "B"}, Converted: true},
		{Channels: []string{"B"}},
		{Channels: []string{"A"}, Converted: true},
	}
	r, err := ShapleyValues(paths, ShapleyOptions{Game: ShapleyConversionRate})
	require.NoError(t, err)
	assert.InDelta(t, 5.0/6, r.Value("A"), 1e-12)
	assert.InDelta(t, -1.0/6, r.Value("B"), 1e-12)
	assert.InDelta(t, 2.5, r.Channels[0].Conversions, 1e-12, "scaled to 2 conversions: 2 * (5/6) / (2/3)")

	// The per-journey model never gives negative credit.
	a, err := Attribute(journeyOf("A", "B"), r.Model(), AttributionOptions{})
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 0}, shareList(t, a))
}

func TestShapleyRejectsTooManyChannels(t *testing.T) {
	var p Path
	for i := range MaxShapleyChannels + 1 {
		p.Channels = append(p.Channels, string(rune('a'+i)))
	}
	_, err := ShapleyValues([]Path{p}, ShapleyOptions{})
	assert.ErrorContains(t, err, "exceed")
}

// allModels returns every model, with the data-driven ones fitted to
// paths.
func allModels(t *testing.T, paths []Path) []Model {
	t.Helper()
	markov, err := MarkovRemovalEffects(paths, MarkovOptions{Order: 2})
	require.NoError(t, err)
	shapley, err := ShapleyValues(paths, ShapleyOptions{Game: ShapleyConversionRate})
	require.NoError(t, err)
	custom, err := NewPositionBased(0.3, 0.5)
	require.NoError(t, err)
	return []Model{
		FirstTouch{}, LastTouch{}, LastNonDirect{}, Linear{}, TimeDecay{HalfLife: 7 * day},
		UShaped(), custom, LeadUShaped(), WShaped(), FullPath(), markov.Model(), shapley.Model(),
	}
}

func TestPropertyCreditsSumToValue(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	channels := []string{"email", "web", "direct", "event", "call"}
	models := allModels(t, randomPaths(rng, 300, channels))
	for trial := range 300 {
		j := Journey{ID: "j", Value: math.Round(rng.Float64()*1e6) / 100}
		n := 1 + rng.IntN(8)
		for range n {
			j.Touches = append(j.Touches, Touchpoint{
				AccountID: "a",
				Time:      t0.Add(time.Duration(rng.IntN(60*24)) * time.Hour),
				Team:      Team(1 + rng.IntN(2)),
				Channel:   channels[rng.IntN(len(channels))],
			})
		}
		if rng.IntN(2) == 0 {
			j.LeadCreatedAt = t0.Add(time.Duration(rng.IntN(60*24)) * time.Hour)
			j.OpportunityCreatedAt = j.LeadCreatedAt.Add(time.Duration(rng.IntN(240)) * time.Hour)
		}
		for _, m := range models {
			a, err := Attribute(j, m, AttributionOptions{})
			require.NoError(t, err, "trial %d model %s", trial, m.Name())
			sum := a.Unattributed
			for _, c := range a.Credits {
				require.GreaterOrEqual(t, c.Value, 0.0, "trial %d model %s", trial, m.Name())
				sum += c.Value
			}
			require.InDelta(t, j.Value, sum, 1e-9*math.Max(1, j.Value), "trial %d model %s", trial, m.Name())
		}
	}
}

func TestDataDrivenModelsEdgeInputs(t *testing.T) {
	inputs := map[string][]Path{
		"no paths":          nil,
		"no channels":       {{Converted: true}, {}},
		"no conversions":    {{Channels: []string{"A"}}, {Channels: []string{"B", "A"}}},
		"empty and channel": {{Converted: true}, {Channels: []string{"A"}, Converted: true}},
	}
	for name, paths := range inputs {
		t.Run(name, func(t *testing.T) {
			m, err := MarkovRemovalEffects(paths, MarkovOptions{Order: 2})
			require.NoError(t, err)
			for _, c := range m.Channels {
				assert.False(t, math.IsNaN(c.Conversions), c.Channel)
			}
			for _, game := range []ShapleyGame{ShapleyConversions, ShapleyConversionRate} {
				s, err := ShapleyValues(paths, ShapleyOptions{Game: game})
				require.NoError(t, err)
				for _, c := range s.Channels {
					assert.False(t, math.IsNaN(c.Conversions), c.Channel)
				}
			}
		})
	}
}

func TestShapleyCreditSumsToConversions(t *testing.T) {
	paths := []Path{
		{Converted: true},
		{Channels: []string{"A"}, Converted: true},
		{Channels: []string{"A", "B"}, Converted: true},
		{Channels: []string{"B"}},
	}
	for _, game := range []ShapleyGame{ShapleyConversions, ShapleyConversionRate} {
		r, err := ShapleyValues(paths, ShapleyOptions{Game: game})
		require.NoError(t, err)
		sum := 0.0
		for _, c := range r.Channels {
			sum += c.Conversions
		}
		assert.InDelta(t, 3, sum, 1e-12, "game %d", game)
	}
}

func TestMarkovRejectsInvalidPaths(t *testing.T) {
	_, err := MarkovRemovalEffects([]Path{{Channels: []string{"A", ""}}}, MarkovOptions{})
	assert.ErrorContains(t, err, "empty channel name")
	_, err = MarkovRemovalEffects([]Path{{Channels: []string{"A"}, Converted: true, Value: -1}}, MarkovOptions{})
	assert.ErrorContains(t, err, "invalid value")
	_, err = MarkovRemovalEffects(nil, MarkovOptions{Order: -1})
	assert.ErrorContains(t, err, "invalid Markov order")
}

func TestNilArgumentsReturnErrors(t *testing.T) {
	_, err := Attribute(journeyOf("a"), nil, AttributionOptions{})
	assert.ErrorContains(t, err, "missing model")
	_, err = Compare([]Journey{journeyOf("a")}, []Model{Linear{}}, nil, AttributionOptions{})
	assert.ErrorContains(t, err, "missing key function")
	_, err = Compare([]Journey{journeyOf("a")}, []Model{nil}, ByChannel, AttributionOptions{})
	assert.ErrorContains(t, err, "is nil")
	_, err = AnalyzeHandoff(nil, HandoffOptions{})
	assert.ErrorContains(t, err, "missing timeline")
	_, converted := NewJourney(nil, nil, 1, DefaultJourneyStages())
	assert.False(t, converted)

	var p *TimeParser
	got, err := p.Parse("2024-01-01T00:00:00Z")
	require.NoError(t, err)
	assert.Equal(t, utc("2024-01-01T00:00:00Z"), got.Time)
	_, err = p.ParseColumn([]string{"2024-01-01T00:00:00Z"})
	assert.NoError(t, err)
	_, err = EpochTime(math.MinInt64)
	assert.Error(t, err)

	a, err := Attribute(journeyOf("x", "y"), Linear{}, AttributionOptions{})
	require.NoError(t, err)
	assert.Len(t, Rollup([]Attribution{a}, nil), 2)
}

func TestMilestoneAfterConversionIsAbsent(t *testing.T) {
	j := journeyOf("a", "b", "c")
	j.ConvertedAt = t0.Add(2 * day)
	j.ClosedWonAt = t0.Add(30 * day)
	a, err := Attribute(j, FullPath(), AttributionOptions{})
	require.NoError(t, err)
	// Only the first touch anchor is present: 0.225 + 0.1 rest over 2.
	assert.InDeltaSlice(t, []float64{0.225 / 0.325, 0.05 / 0.325, 0.05 / 0.325}, shareList(t, a), 1e-12)
	assert.Contains(t, a.Credits[2].Reason, "closed won")
}
