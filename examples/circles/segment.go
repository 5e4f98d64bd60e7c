package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/accountkit/accountkit/overlap"
)

// noSegmentValue is the segment name of the target accounts whose -segment
// column is empty, so that they stay visible in the report.
const noSegmentValue = "(none)"

// segmentValues maps the ID of every target account to its value in the
// targets column named column, matched to a header ignoring case and
// surrounding spaces. It also returns that header as the file writes it.
func segmentValues(targets *table, column string) (map[string]string, string, error) {
	i := slices.IndexFunc(targets.header, func(h string) bool {
		return strings.EqualFold(strings.TrimSpace(h), strings.TrimSpace(column))
	})
	if i < 0 {
		return nil, "", fmt.Errorf("-segment: %s has no column %q; use one of its headers: %s",
			targets.path, column, strings.Join(targets.header, ", "))
	}
	segmentOf := map[string]string{}
	for _, r := range targets.rows {
		if r.rejected != "" {
			continue
		}
		// Control characters become spaces, as in every table cell, so a
		// value cannot break the text report.
		value := strings.TrimSpace(printable(r.fields[i]))
		if value == "" {
			value = noSegmentValue
		}
		segmentOf[r.record.ID] = value
	}
	return segmentOf, strings.TrimSpace(targets.header[i]), nil
}

// writeSegments writes one row per segment with the four regions and the
// main metrics of the segment's report.
func (rep *circlesReport) writeSegments(w io.Writer) error {
	s := rep.Segments
	fmt.Fprintf(w, "\nPer value of the targets column %s:\n", clip(s.Attribute, 40))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s\tTARGETS", strings.ToUpper(clip(s.Attribute, 40)))
	for _, row := range regionRows {
		fmt.Fprintf(tw, "\t%s", strings.ToUpper(row.label))
	}
	fmt.Fprintf(tw, "\tCOVERAGE\tJACCARD\tLIFT\n")
	for _, seg := range s.Segments {
		r := seg.Report
		fmt.Fprintf(tw, "%s\t%d", clip(seg.Value, 40), r.Universe.Size)
		for _, row := range regionRows {
			fmt.Fprintf(tw, "\t%d", regionIn(r, row.sets...).Count)
		}
		coverage, _ := r.Metric(overlap.MetricCoverage, teams...)
		jaccard, _ := r.Metric(overlap.MetricJaccard, teams...)
		lift, _ := r.Metric(overlap.MetricLift, teams...)
		fmt.Fprintf(tw, "\t%s\t%s\t%s\n", coverage.Value.Percent(), ratioText(jaccard.Value), ratioText(lift.Value))
	}
	return tw.Flush()
}
