package journey

import (
	"cmp"
	"fmt"
	"math"
	"math/bits"
	"slices"
)

// MaxShapleyChannels is the largest number of distinct channels
// ShapleyValues accepts. The exact computation visits every coalition,
// 2^n of them.
const MaxShapleyChannels = 20

// ShapleyGame selects the characteristic function v(S) of the coalition
// game, which gives the worth of each set S of channels.
type ShapleyGame uint8

const (
	// ShapleyConversions sets v(S) to the conversions of the paths whose
	// channels all lie in S. Each converting path's conversion is then
	// split evenly over its distinct channels.
	ShapleyConversions ShapleyGame = iota
	// ShapleyConversionRate sets v(S) to the conversion rate of the paths
	// whose channels all lie in S, so a channel also loses worth for the
	// paths it touched that did not convert. Values can be negative.
	ShapleyConversionRate
)

// ShapleyOptions configures ShapleyValues.
type ShapleyOptions struct {
	// Game is the characteristic function. The zero value is
	// ShapleyConversions.
	Game ShapleyGame
}

// ChannelShapley is one channel's Shapley value and its credit.
type ChannelShapley struct {
	// Channel is the channel's name.
	Channel string `json:"channel"`
	// Value is the channel's Shapley value in the units of the game.
	Value float64 `json:"value"`
	// Conversions is the channel's share of the total conversions, in
	// proportion to its Shapley value. It is negative when the value is,
	// and zero for every channel when the values sum to zero.
	Conversions float64 `json:"conversions"`
}

// ShapleyResult is the outcome of ShapleyValues.
type ShapleyResult struct {
	// Game is the characteristic function used.
	Game ShapleyGame `json:"game"`
	// Conversions is the number of converted paths.
	Conversions float64 `json:"conversions"`
	// Channels are the values sorted by channel name.
	Channels []ChannelShapley `json:"channels"`
}

// Value returns the Shapley value of channel, or 0 if it is unknown.
func (r *ShapleyResult) Value(channel string) float64 {
	i, ok := slices.BinarySearchFunc(r.Channels, channel, func(e ChannelShapley, c string) int { return cmp.Compare(e.Channel, c) })
	if !ok {
		return 0
	}
	return r.Channels[i].Value
}

// ShapleyValues computes each channel's exact Shapley value over the
// paths, treating the channels as players of a coalition game. Only the
// set of channels on each path counts, not their order or repeats.
//
// The Shapley value of channel i is the sum over coalitions S without i
// of |S|! (n-|S|-1)! / n! times v(S ∪ {i}) - v(S). The sums v(S) over all
// subsets are computed with a subset-sum transform, so the cost is about
// n·2^n steps plus one pass over the paths.
func ShapleyValues(paths []Path, opts ShapleyOptions) (ShapleyResult, error) {
	if opts.Game > ShapleyConversionRate {
		return ShapleyResult{}, fmt.Errorf("journey: invalid Shapley game %d", opts.Game)
	}
	names, ids, err := numberChannels(paths)
	if err != nil {
		return ShapleyResult{}, err
	}
	n := len(names)
	if n > MaxShapleyChannels {
		return ShapleyResult{}, fmt.Errorf("journey: %d channels exceed the %d that exact Shapley values allow: group rare channels together", n, MaxShapleyChannels)
	}
	result := ShapleyResult{Game: opts.Game, Channels: make([]ChannelShapley, n)}
	size := 1 << n
	conversions := make([]float64, size)
	pathCounts := make([]float64, size)
	for pi := range paths {
		mask := 0
		for _, c := range paths[pi].Channels {
			mask |= 1 << (ids[c] - 1)
		}
		pathCounts[mask]++
		if paths[pi].Converted {
			conversions[mask]++
			result.Conversions++
		}
	}
	// Subset-sum transform: afterwards conversions[S] is the total over
	// every subset of S. Counts are whole numbers, so the sums are exact.
	for bit := range n {
		for mask := range size {
			if mask&(1<<bit) != 0 {
				conversions[mask] += conversions[mask^(1<<bit)]
				pathCounts[mask] += pathCounts[mask^(1<<bit)]
			}
		}
	}
	worth := conversions
	if opts.Game == ShapleyConversionRate {
		worth = make([]float64, size)
		for mask := range size {
			if pathCounts[mask] > 0 {
				worth[mask] = conversions[mask] / pathCounts[mask]
			}
		}
	}

	// coalitionWeight[s] = s! (n-s-1)! / n!, built from ratios to stay in
	// range for n up to MaxShapleyChannels.
	coalitionWeight := make([]float64, max(n, 1))
	for s := range n {
		coalitionWeight[s] = 1 / (float64(n) * binomial(n-1, s))
	}
	values := make([]float64, n)
	for mask := range size {
		s := bits.OnesCount(uint(mask))
		if s == n {
			continue
		}
		w := coalitionWeight[s]
		for i := range n {
			if mask&(1<<i) == 0 {
				values[i] += w * (worth[mask|1<<i] - worth[mask])
			}
		}
	}
	// The values sum to v(N) - v(empty set), which differs from v(N) when
	// some paths touched no channel, so credit is scaled by their sum.
	total := 0.0
	for _, v := range values {
		total += v
	}
	for i, name := range names {
		ch := ChannelShapley{Channel: name, Value: values[i]}
		if total != 0 {
			ch.Conversions = result.Conversions * values[i] / total
		}
		result.Channels[i] = ch
	}
	return result, nil
}

func binomial(n, k int) float64 {
	return math.Round(math.Exp(lgamma(n+1) - lgamma(k+1) - lgamma(n-k+1)))
}

func lgamma(x int) float64 {
	v, _ := math.Lgamma(float64(x))
	return v
}

// Model returns an attribution model that splits a journey's value over
// its touches in proportion to the Shapley values of their channels.
// Negative values count as zero.
func (r *ShapleyResult) Model() Model { return shapleyModel{r} }

type shapleyModel struct{ result *ShapleyResult }

func (m shapleyModel) Name() string {
	if m.result.Game == ShapleyConversionRate {
		return "Shapley (conversion rate)"
	}
	return "Shapley"
}

func (m shapleyModel) Shares(_ *Journey, touches []Touchpoint) ([]float64, []string, error) {
	return proportionalShares(touches, m.result.Value, "Shapley value")
}
