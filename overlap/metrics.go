package overlap

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// Metric names. The package documentation gives each formula.
const (
	MetricJaccard            = "jaccard"
	MetricOverlapCoefficient = "overlap_coefficient"
	MetricDice               = "dice"
	MetricShare              = "share"
	MetricLift               = "lift"
	MetricCoverage           = "coverage"
	MetricOutsideShare       = "outside_share"

	MetricWeightedJaccard            = "weighted_jaccard"
	MetricWeightedOverlapCoefficient = "weighted_overlap_coefficient"
	MetricWeightedDice               = "weighted_dice"
	MetricWeightedShare              = "weighted_share"
	MetricWeightedCoverage           = "weighted_coverage"
)

// formulas maps each metric name to its formula over sets A, B and universe
// U. W(X) is the sum of account weights in X.
var formulas = map[string]string{
	MetricJaccard:            "|A∩B| / |A∪B|",
	MetricOverlapCoefficient: "|A∩B| / min(|A|,|B|)",
	MetricDice:               "2|A∩B| / (|A|+|B|)",
	MetricShare:              "|A∩B| / |A|",
	MetricLift:               "|A∩B|·|U| / (|A|·|B|)",
	MetricCoverage:           "|A| / |U|",
	MetricOutsideShare:       "|A∖U| / |A as given|",

	MetricWeightedJaccard:            "W(A∩B) / W(A∪B)",
	MetricWeightedOverlapCoefficient: "W(A∩B) / min(W(A),W(B))",
	MetricWeightedDice:               "2W(A∩B) / (W(A)+W(B))",
	MetricWeightedShare:              "W(A∩B) / W(A)",
	MetricWeightedCoverage:           "W(A) / W(U)",
}

// orderedMetrics lists the metrics whose set order matters. All others are
// symmetric, so their sets are sorted by name.
var orderedMetrics = map[string]bool{MetricShare: true, MetricWeightedShare: true}

// Metric is one named measure over one or more sets of a report.
type Metric struct {
	// Name is one of the Metric… constants.
	Name string `json:"name"`
	// Sets are the set names the metric applies to. They are sorted by name
	// except for share metrics, where share(A,B) is the share of A in B.
	Sets    []string `json:"sets"`
	Formula string   `json:"formula"`
	Value   Ratio    `json:"value"`
}

// Key returns the metric's stable key, such as "jaccard(marketing,sales)".
func (m Metric) Key() string {
	return metricKey(m.Name, m.Sets)
}

func metricKey(name string, sets []string) string {
	return name + "(" + strings.Join(sets, ",") + ")"
}

// Metric returns the metric with the given name over the given sets and
// true, or false when the report has no such metric. For symmetric metrics
// the order of sets does not matter. For example:
//
//	r.Metric("jaccard", "sales", "marketing")
//	r.Metric("share", "marketing", "sales") // share of marketing also in sales
//	r.Metric("coverage", "marketing", "sales") // coverage by the union
func (r *Report) Metric(name string, sets ...string) (Metric, bool) {
	want := slices.Clone(sets)
	if !orderedMetrics[name] {
		slices.Sort(want)
	}
	for _, m := range r.Metrics {
		if m.Name == name && slices.Equal(m.Sets, want) {
			return m, true
		}
	}
	return Metric{}, false
}

// MetricByKey returns the metric with a key such as
// "jaccard(marketing,sales)" and true, or false when the key is malformed or
// the report has no such metric.
func (r *Report) MetricByKey(key string) (Metric, bool) {
	name, rest, ok := strings.Cut(key, "(")
	if !ok || !strings.HasSuffix(rest, ")") {
		return Metric{}, false
	}
	return r.Metric(name, strings.Split(strings.TrimSuffix(rest, ")"), ",")...)
}

// pairCounts returns the size of every pairwise intersection, summed from
// the regions.
func pairCounts(r *Report, value func(Region) float64) [][]float64 {
	n := len(r.Sets)
	inter := make([][]float64, n)
	for i := range inter {
		inter[i] = make([]float64, n)
	}
	for _, region := range r.Regions {
		v := value(region)
		for i := 0; i < n; i++ {
			if region.key&(1<<i) == 0 {
				continue
			}
			for j := i; j < n; j++ {
				if region.key&(1<<j) != 0 {
					inter[i][j] += v
				}
			}
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			inter[i][j] = inter[j][i]
		}
	}
	return inter
}

func countMetrics(r *Report) []Metric {
	inter := pairCounts(r, func(region Region) float64 { return float64(region.Count) })
	universe := float64(r.Universe.Size)
	var metrics []Metric
	add := func(name string, sets []string, num, den float64) {
		metrics = append(metrics, Metric{Name: name, Sets: sets, Formula: formulas[name], Value: Ratio{num, den}})
	}
	names := make([]string, len(r.Sets))
	for i, s := range r.Sets {
		names[i] = s.Name
		add(MetricCoverage, []string{s.Name}, inter[i][i], universe)
	}
	if len(r.Sets) > 1 {
		add(MetricCoverage, names, float64(r.UnionSize), universe)
		metrics[len(metrics)-1].Formula = "|" + unionFormula(len(names)) + "| / |U|"
	}
	for _, s := range r.Sets {
		outside := float64(len(s.Outside))
		add(MetricOutsideShare, []string{s.Name}, outside, float64(s.Size)+outside)
	}
	for i := range r.Sets {
		for j := i + 1; j < len(r.Sets); j++ {
			a, b, both := inter[i][i], inter[j][j], inter[i][j]
			pair := []string{names[i], names[j]}
			add(MetricJaccard, pair, both, a+b-both)
			add(MetricOverlapCoefficient, pair, both, math.Min(a, b))
			add(MetricDice, pair, 2*both, a+b)
			add(MetricLift, pair, both*universe, a*b)
			add(MetricShare, pair, both, a)
			add(MetricShare, []string{names[j], names[i]}, both, b)
		}
	}
	return metrics
}

// WeightSummary describes the account weights of a weighted report.
type WeightSummary struct {
	// Universe is the total weight of the universe.
	Universe float64 `json:"universe"`
	// Missing is the number of universe accounts without a weight, which
	// count as weight 0.
	Missing int `json:"missing"`
}

// ComputeWeighted returns the report of Compute with weights added: each
// region gets the sum of its members' weights and the report gets the
// weighted_… metrics. An account without a weight counts as 0 and is counted
// in WeightSummary.Missing. Weights of accounts outside the universe are
// ignored. A negative, NaN or infinite weight is an error.
func ComputeWeighted(universe []string, weights map[string]float64, sets ...Set) (*Report, error) {
	if err := validateWeights(weights); err != nil {
		return nil, err
	}
	if weights == nil {
		weights = map[string]float64{}
	}
	return compute(universe, len(universe) == 0, true, weights, sets)
}

func validateWeights(weights map[string]float64) error {
	for _, id := range sortedKeys(weights) {
		w := weights[id]
		if w < 0 || math.IsNaN(w) || math.IsInf(w, 0) {
			return fmt.Errorf("overlap: weight of account %q is %v; weights must be finite and not negative", id, w)
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// weighRegions sums member weights per region in sorted member order, so
// the float sums do not depend on input order.
func weighRegions(r *Report, weights map[string]float64) *WeightSummary {
	summary := &WeightSummary{}
	for i := range r.Regions {
		region := &r.Regions[i]
		total := 0.0
		for _, id := range region.Members {
			w, ok := weights[id]
			if !ok {
				summary.Missing++
			}
			total += w
		}
		region.Weight = &total
		summary.Universe += total
	}
	return summary
}

func weightedMetrics(r *Report) []Metric {
	inter := pairCounts(r, func(region Region) float64 { return *region.Weight })
	var metrics []Metric
	add := func(name string, sets []string, num, den float64) {
		metrics = append(metrics, Metric{Name: name, Sets: sets, Formula: formulas[name], Value: Ratio{num, den}})
	}
	names := make([]string, len(r.Sets))
	union := 0.0
	for _, region := range r.Regions {
		if region.key != 0 {
			union += *region.Weight
		}
	}
	for i, s := range r.Sets {
		names[i] = s.Name
		add(MetricWeightedCoverage, []string{s.Name}, inter[i][i], r.Weights.Universe)
	}
	if len(r.Sets) > 1 {
		add(MetricWeightedCoverage, names, union, r.Weights.Universe)
		metrics[len(metrics)-1].Formula = "W(" + unionFormula(len(names)) + ") / W(U)"
	}
	for i := range r.Sets {
		for j := i + 1; j < len(r.Sets); j++ {
			a, b, both := inter[i][i], inter[j][j], inter[i][j]
			pair := []string{names[i], names[j]}
			add(MetricWeightedJaccard, pair, both, unionOfTwo(r, i, j))
			add(MetricWeightedOverlapCoefficient, pair, both, math.Min(a, b))
			add(MetricWeightedDice, pair, 2*both, a+b)
			add(MetricWeightedShare, pair, both, a)
			add(MetricWeightedShare, []string{names[j], names[i]}, both, b)
		}
	}
	return metrics
}

// unionOfTwo sums the weights of regions in set i or set j directly, because
// W(A)+W(B)-W(A∩B) can differ from that sum in the last bits.
func unionOfTwo(r *Report, i, j int) float64 {
	total := 0.0
	for _, region := range r.Regions {
		if region.key&(1<<i|1<<j) != 0 {
			total += *region.Weight
		}
	}
	return total
}

// unionFormula returns "A∪B∪C" for n sets, using letters up to Z and
// "A∪…∪Sn" beyond.
func unionFormula(n int) string {
	if n > 26 {
		return fmt.Sprintf("A∪…∪S%d", n)
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = string(rune('A' + i))
	}
	return strings.Join(parts, "∪")
}
