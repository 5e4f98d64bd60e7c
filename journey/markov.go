package journey

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Path is one visitor's or account's sequence of channels, ending in a
// conversion or not, for the data-driven models.
type Path struct {
	// Channels are the channels touched, in order. Repeats are allowed.
	Channels []string `json:"channels"`
	// Converted is true when the path ended in a conversion.
	Converted bool `json:"converted"`
	// Value is the conversion's value, used for value credit. Zero on a
	// converted path counts as 1.
	Value float64 `json:"value,omitempty"`
}

func (p *Path) value() float64 {
	if !p.Converted {
		return 0
	}
	if p.Value == 0 {
		return 1
	}
	return p.Value
}

// MaxMarkovOrder is the highest Markov order MarkovRemovalEffects accepts.
const MaxMarkovOrder = 4

// MaxMarkovStates is the largest number of transient states that
// MarkovRemovalEffects solves. The exact solve is dense Gaussian
// elimination, so time grows with the cube of the state count.
//
// NOTE: The limit is a guard, not a measured bound. A random sparse
// chain with 2000 states took 5.5 s per solve on a shared 2-core machine
// (load average 16), and one solve runs per channel plus one. Chains of
// real paths fill in far less: order 3 over 10 channels, 1111 states,
// took 0.6 CPU seconds in all (docs/benchmarks-journey.md).
const MaxMarkovStates = 2000

// MarkovOptions configures MarkovRemovalEffects.
type MarkovOptions struct {
	// Order is the number of previous channels a state remembers. Zero
	// means 1. It must be at most MaxMarkovOrder.
	Order int
}

// ChannelEffect is one channel's Markov removal effect and its credit.
type ChannelEffect struct {
	// Channel is the channel's name.
	Channel string `json:"channel"`
	// RemovalEffect is the fraction of the conversion probability lost
	// when the channel is removed from the chain, from 0 to 1.
	RemovalEffect float64 `json:"removal_effect"`
	// Conversions is the channel's share of the total conversions, in
	// proportion to its removal effect. Conversions of paths that touched
	// no channel are split like the others. When every removal effect is
	// zero, every channel gets zero.
	Conversions float64 `json:"conversions"`
	// Value is the channel's share of the total conversion value.
	Value float64 `json:"value"`
}

// MarkovResult is the outcome of MarkovRemovalEffects.
type MarkovResult struct {
	// Order is the Markov order used.
	Order int `json:"order"`
	// ConversionProbability is the probability of reaching conversion
	// from the start state.
	ConversionProbability float64 `json:"conversion_probability"`
	// Conversions and Value are the totals over all paths.
	Conversions float64 `json:"conversions"`
	Value       float64 `json:"value"`
	// Channels are the effects sorted by channel name.
	Channels []ChannelEffect `json:"channels"`
}

// Effect returns the removal effect of channel, or 0 if it is unknown.
func (r *MarkovResult) Effect(channel string) float64 {
	i, ok := slices.BinarySearchFunc(r.Channels, channel, func(e ChannelEffect, c string) int { return cmp.Compare(e.Channel, c) })
	if !ok {
		return 0
	}
	return r.Channels[i].RemovalEffect
}

// State keys pack up to MaxMarkovOrder channel numbers of 16 bits each.
// Channel numbers start at 1, so key 0 is the start state.
const (
	conversionState uint64 = math.MaxUint64
	nullState       uint64 = math.MaxUint64 - 1
	maxChannels            = 1<<16 - 2
)

type transition struct{ from, to uint64 }

// MarkovRemovalEffects fits a Markov chain of the given order to the
// paths and computes each channel's removal effect exactly, by solving
// the absorbing chain's linear equations instead of simulating it. The
// only error left is float64 rounding in the solve.
//
// States are the last Order channels of a path, with a start state before
// the first channel and two absorbing states, conversion and null. The
// transition probabilities are the observed transition counts divided by
// the count out of each state. A channel's removal effect is 1 minus the
// conversion probability when every state containing the channel leads
// to null, divided by the full conversion probability. Conversions and
// value are split over channels in proportion to their removal effects.
//
// The result depends only on the multiset of paths, not on their order,
// and is identical on every run: counts are integers and states are
// solved in sorted order.
func MarkovRemovalEffects(paths []Path, opts MarkovOptions) (MarkovResult, error) {
	order := opts.Order
	if order == 0 {
		order = 1
	}
	if order < 1 || order > MaxMarkovOrder {
		return MarkovResult{}, fmt.Errorf("journey: invalid Markov order %d: must be from 1 to %d", opts.Order, MaxMarkovOrder)
	}
	channelNames, channelIDs, err := numberChannels(paths)
	if err != nil {
		return MarkovResult{}, err
	}

	result := MarkovResult{Order: order}
	counts := make(map[transition]int64)
	for pi := range paths {
		p := &paths[pi]
		if p.Value < 0 || math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
			return MarkovResult{}, fmt.Errorf("journey: path %d has invalid value %v: must be a finite number >= 0", pi, p.Value)
		}
		if p.Converted {
			result.Conversions++
			result.Value += p.value()
		}
		state := uint64(0)
		for _, c := range p.Channels {
			next := ((state << 16) | uint64(channelIDs[c])) & stateMask(order)
			counts[transition{state, next}]++
			state = next
		}
		end := nullState
		if p.Converted {
			end = conversionState
		}
		counts[transition{state, end}]++
	}

	chain := newAbsorbingChain(counts)
	if len(chain.states) > MaxMarkovStates {
		return MarkovResult{}, fmt.Errorf("journey: Markov chain of order %d has %d states, more than the %d that are solved exactly: lower the order", order, len(chain.states), MaxMarkovStates)
	}
	base := chain.conversionProbability(nil)
	result.ConversionProbability = base

	// The solves for different channels are independent, so they run in
	// parallel, and the sum below runs in channel order afterwards.
	effects := make([]float64, len(channelNames))
	if base > 0 {
		forEachParallel(len(channelNames), func(ci int) {
			id := uint64(ci + 1)
			removed := func(state uint64) bool { return stateContains(state, id, order) }
			effects[ci] = max(0, 1-chain.conversionProbability(removed)/base)
		})
	}
	total := 0.0
	for _, e := range effects {
		total += e
	}
	result.Channels = make([]ChannelEffect, len(channelNames))
	for ci, name := range channelNames {
		e := ChannelEffect{Channel: name, RemovalEffect: effects[ci]}
		if total > 0 {
			e.Conversions = result.Conversions * effects[ci] / total
			e.Value = result.Value * effects[ci] / total
		}
		result.Channels[ci] = e
	}
	return result, nil
}

// numberChannels returns the sorted distinct channel names and a map from
// name to number, starting at 1.
func numberChannels(paths []Path) ([]string, map[string]uint16, error) {
	seen := make(map[string]bool)
	for pi := range paths {
		for _, c := range paths[pi].Channels {
			if c == "" {
				return nil, nil, fmt.Errorf("journey: path %d has an empty channel name", pi)
			}
			seen[c] = true
		}
	}
	if len(seen) > maxChannels {
		return nil, nil, fmt.Errorf("journey: %d channels exceed the limit of %d", len(seen), maxChannels)
	}
	names := make([]string, 0, len(seen))
	for c := range seen {
		names = append(names, c)
	}
	slices.Sort(names)
	ids := make(map[string]uint16, len(names))
	for i, c := range names {
		ids[c] = uint16(i + 1)
	}
	return names, ids, nil
}

func stateMask(order int) uint64 {
	return 1<<(16*uint(order)) - 1
}

func stateContains(state, id uint64, order int) bool {
	for range order {
		if state&0xffff == id {
			return true
		}
		state >>= 16
	}
	return false
}

// absorbingChain is the transient part of an absorbing Markov chain: Q
// between transient states and r into conversion, both as probabilities.
type absorbingChain struct {
	states []uint64 // sorted, states[0] is the start state
	q      [][]float64
	r      []float64
}

func newAbsorbingChain(counts map[transition]int64) *absorbingChain {
	stateSet := map[uint64]bool{0: true}
	outTotals := make(map[uint64]int64)
	for t, n := range counts {
		stateSet[t.from] = true
		if t.to != conversionState && t.to != nullState {
			stateSet[t.to] = true
		}
		outTotals[t.from] += n
	}
	states := make([]uint64, 0, len(stateSet))
	for s := range stateSet {
		states = append(states, s)
	}
	slices.Sort(states)
	index := make(map[uint64]int, len(states))
	for i, s := range states {
		index[s] = i
	}

	c := &absorbingChain{states: states, q: make([][]float64, len(states)), r: make([]float64, len(states))}
	for i := range c.q {
		c.q[i] = make([]float64, len(states))
	}
	// Map iteration order varies, but each cell is set from one integer
	// count, so the matrix does not depend on it.
	for t, n := range counts {
		i := index[t.from]
		p := float64(n) / float64(outTotals[t.from])
		switch t.to {
		case conversionState:
			c.r[i] = p
		case nullState:
		default:
			c.q[i][index[t.to]] = p
		}
	}
	return c
}

// conversionProbability solves (I - Q) x = r and returns x at the start
// state. States for which removed returns true lead to null, so their x
// is 0 and they drop out of the system.
func (c *absorbingChain) conversionProbability(removed func(uint64) bool) float64 {
	var keep []int
	for i, s := range c.states {
		if removed == nil || !removed(s) {
			keep = append(keep, i)
		}
	}
	if len(keep) == 0 || keep[0] != 0 {
		return 0
	}
	n := len(keep)
	// Augmented matrix [I - Q | r] over the kept states.
	a := make([][]float64, n)
	for ri, i := range keep {
		row := make([]float64, n+1)
		for ci, j := range keep {
			row[ci] = -c.q[i][j]
		}
		row[ri]++
		row[n] = c.r[i]
		a[ri] = row
	}
	x, ok := solveLinear(a)
	if !ok {
		return 0
	}
	return min(1, max(0, x[0]))
}

// solveLinear solves the augmented system a by Gaussian elimination with
// partial pivoting. It returns false when the matrix is singular, which
// happens only for states from which no absorbing state is reachable.
// I - Q is invertible for every state that can reach an absorbing state,
// and every observed path ends in one.
func solveLinear(a [][]float64) ([]float64, bool) {
	n := len(a)
	for col := range n {
		pivot := col
		for row := col + 1; row < n; row++ {
			if math.Abs(a[row][col]) > math.Abs(a[pivot][col]) {
				pivot = row
			}
		}
		if math.Abs(a[pivot][col]) < 1e-300 {
			return nil, false
		}
		a[col], a[pivot] = a[pivot], a[col]
		p := a[col]
		for row := col + 1; row < n; row++ {
			f := a[row][col] / p[col]
			if f == 0 {
				continue
			}
			r := a[row]
			for k := col; k <= n; k++ {
				r[k] -= f * p[k]
			}
		}
	}
	x := make([]float64, n)
	for row := n - 1; row >= 0; row-- {
		sum := a[row][n]
		for k := row + 1; k < n; k++ {
			sum -= a[row][k] * x[k]
		}
		x[row] = sum / a[row][row]
	}
	return x, true
}

// Model returns an attribution model that splits a journey's value over
// its touches in proportion to the removal effects of their channels.
func (r *MarkovResult) Model() Model { return markovModel{r} }

type markovModel struct{ result *MarkovResult }

func (m markovModel) Name() string { return fmt.Sprintf("Markov order %d", m.result.Order) }

func (m markovModel) Shares(_ *Journey, touches []Touchpoint) ([]float64, []string, error) {
	return proportionalShares(touches, m.result.Effect, "removal effect")
}

// proportionalShares splits in proportion to a per-channel score, and
// evenly when every score is zero or negative.
func proportionalShares(touches []Touchpoint, score func(string) float64, label string) ([]float64, []string, error) {
	scores := make([]float64, len(touches))
	total := 0.0
	for i := range touches {
		scores[i] = max(0, score(touches[i].Channel))
		total += scores[i]
	}
	if total == 0 {
		return evenShares(len(touches), fmt.Sprintf("no channel has a positive %s, split evenly", label))
	}
	shares := make([]float64, len(touches))
	reasons := make([]string, len(touches))
	for i := range touches {
		shares[i] = scores[i] / total
		reasons[i] = fmt.Sprintf("%s of %q is %.4f of %.4f in this journey", label, touches[i].Channel, scores[i], total)
	}
	return shares, reasons, nil
}
