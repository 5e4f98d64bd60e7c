package overlap

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// NoSegment is the segment value of accounts that segmentOf has no entry for.
const NoSegment = ""

// Segment is the report of the accounts that share one attribute value.
type Segment struct {
	Value  string  `json:"value"`
	Report *Report `json:"report"`
}

// SegmentReport is the same overlap report per value of one account
// attribute, such as region, tier, industry or owner.
type SegmentReport struct {
	Attribute string `json:"attribute"`
	// Segments is sorted by value, with NoSegment first when present.
	Segments []Segment `json:"segments"`
}

// ComputeBySegment splits the universe and every set by the attribute value
// that segmentOf gives each account and computes one report per value.
// Accounts that segmentOf does not list go to the NoSegment segment. With
// non-nil weights every segment report is weighted as by ComputeWeighted.
// Each segment's universe is its part of universe, so an empty universe
// means the union of each segment's sets.
func ComputeBySegment(universe []string, attribute string, segmentOf map[string]string, weights map[string]float64, sets ...Set) (*SegmentReport, error) {
	if _, err := validateSets(sets); err != nil {
		return nil, err
	}
	if err := validateUniverse(universe); err != nil {
		return nil, err
	}
	if err := validateWeights(weights); err != nil {
		return nil, err
	}
	universes := map[string][]string{}
	for _, id := range universe {
		v := segmentOf[id]
		universes[v] = append(universes[v], id)
	}

	// parts[v][i] is the part of sets[i] in segment v. Every segment gets
	// every set, empty or not, so all segment reports have the same sets
	// and metrics.
	parts := map[string][]Set{}
	part := func(v string, i int) *Set {
		if parts[v] == nil {
			parts[v] = make([]Set, len(sets))
			for j := range sets {
				parts[v][j].Name = sets[j].Name
			}
		}
		return &parts[v][i]
	}
	for v := range universes {
		part(v, 0)
	}
	for i, set := range sets {
		for _, id := range set.Members {
			p := part(segmentOf[id], i)
			p.Members = append(p.Members, id)
		}
		for _, l := range set.Links {
			p := part(segmentOf[l.Account], i)
			p.Links = append(p.Links, l)
		}
	}

	report := &SegmentReport{Attribute: attribute}
	for _, v := range sortedKeys(parts) {
		byName := parts[v]
		r, err := compute(universes[v], len(universe) == 0, true, weights, byName)
		if err != nil {
			return nil, fmt.Errorf("overlap: segment %s=%q: %w", attribute, v, err)
		}
		report.Segments = append(report.Segments, Segment{Value: v, Report: r})
	}
	return report, nil
}

// WriteText writes one summary row per segment: universe, union, set sizes
// and pairwise Jaccard, then each segment's full report.
func (s *SegmentReport) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := &textPrinter{w: tw}
	if len(s.Segments) == 0 {
		p.line("No segments.")
		if p.err != nil {
			return p.err
		}
		return tw.Flush()
	}

	names := setNamesAll(s.Segments[0].Report)
	header := []string{strings.ToUpper(s.Attribute), "UNIVERSE", "UNION", "COVERAGE"}
	for _, name := range names {
		header = append(header, strings.ToUpper(name))
	}
	var pairs [][2]string
	for i := range names {
		for j := i + 1; j < len(names); j++ {
			pairs = append(pairs, [2]string{names[i], names[j]})
			header = append(header, "JACCARD "+strings.ToUpper(names[i]+"/"+names[j]))
		}
	}
	p.line("%s", strings.Join(header, "\t"))

	for _, seg := range s.Segments {
		r := seg.Report
		coverage, _ := r.Metric(MetricCoverage, names...)
		row := []string{segmentLabel(seg.Value), thousands(r.Universe.Size), thousands(r.UnionSize), coverage.Value.Percent()}
		for _, set := range r.Sets {
			row = append(row, thousands(set.Size))
		}
		for _, pair := range pairs {
			jaccard, _ := r.Metric(MetricJaccard, pair[0], pair[1])
			row = append(row, jaccard.Value.Percent())
		}
		p.line("%s", strings.Join(row, "\t"))
	}
	if p.err != nil {
		return p.err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, seg := range s.Segments {
		if _, err := fmt.Fprintf(w, "\n== %s = %s ==\n", s.Attribute, segmentLabel(seg.Value)); err != nil {
			return err
		}
		if err := seg.Report.WriteText(w); err != nil {
			return err
		}
	}
	return nil
}

func segmentLabel(v string) string {
	if v == NoSegment {
		return "(no value)"
	}
	return v
}
