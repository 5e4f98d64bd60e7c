package match

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Deduped is the outcome of one record in Deduplicate.
type Deduped struct {
	// Record is the input record.
	Record Record `json:"record"`
	// Outcome is Matched when the record shares its cluster with another
	// record, Unmatched when it is alone, and Rejected when it carries no
	// usable name or domain.
	Outcome Outcome `json:"outcome"`
	// ClusterID is the ID of the record's cluster: the smallest record ID
	// in it. A record alone is its own cluster.
	ClusterID string `json:"cluster_id"`
	// Result is the record's match against the other records: the record
	// it linked to, or why it linked to none.
	Result Result `json:"result"`
}

// Cluster is a group of records that describe one company.
type Cluster struct {
	// ID is the smallest record ID in the cluster, compared as strings. It
	// changes only when the cluster's own members change.
	ID string `json:"id"`
	// Members lists the record IDs, sorted.
	Members []string `json:"members"`
}

// DedupeReport is the outcome of Deduplicate: one entry per input record in
// input order, the clusters of two or more records, and counts that add up
// to the number of records read.
type DedupeReport struct {
	Records []Deduped `json:"records"`
	// Clusters lists the clusters of two or more records, ordered by ID.
	Clusters  []Cluster `json:"clusters"`
	Read      int       `json:"read"`
	Matched   int       `json:"matched"`
	Unmatched int       `json:"unmatched"`
	Rejected  int       `json:"rejected"`
}

// Deduplicate groups records of one system that describe the same company.
// Each record is matched against the others as Index.Match would match it.
// A record that matches another is linked to it and to that record's
// duplicates, and the clusters are the connected groups of links. Two
// records that tie as a record's best match do not make it ambiguous when
// they match each other, because they are then copies of one company. A
// record that ties between two records that do not match each other is
// ambiguous and links to nothing, so that it cannot join two companies.
// Nor does any link join two clusters whose records carry company domains
// on brands the clusters do not share: those are two companies, even when
// a record without a domain matches both.
// Record IDs must be unique and not empty. Options set the index's weights
// and thresholds and report progress.
//
// Cluster IDs are the smallest member ID, so adding records that join no
// existing cluster leaves every existing cluster ID unchanged.
func Deduplicate(ctx context.Context, records []Record, opts ...LinkOption) (DedupeReport, error) {
	cfg := linkConfig{candidates: 2}
	for _, opt := range opts {
		opt(&cfg)
	}
	ix, err := NewIndex(records, cfg.indexOptions...)
	if err != nil {
		return DedupeReport{}, err
	}
	report := DedupeReport{Records: make([]Deduped, len(records)), Read: len(records)}
	err = forEachParallel(ctx, len(records), cfg.progress, func(i int) {
		report.Records[i] = Deduped{Record: records[i], Result: ix.matchOther(i, cfg.candidates)}
	})
	if err != nil {
		return DedupeReport{}, err
	}

	parent := make([]int, len(records))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	// brands maps each cluster root to the sorted brand labels of its
	// members' company domains. Two clusters that both have brands, and no
	// brand in common, are different companies, so no link joins them.
	// NOTE: records without domains can still join two companies whose
	// names match each other's records, because links are transitive.
	brands := make(map[int][]string)
	for i := range records {
		if b := ix.accounts[i].parsed.brands; len(b) > 0 {
			brands[i] = b
		}
	}
	for i, d := range report.Records {
		if d.Result.Decision != Match {
			continue
		}
		for _, id := range append([]string{d.Result.AccountID}, d.Result.Duplicates...) {
			a, b := find(i), find(ix.byID[id])
			if a == b {
				continue
			}
			ba, bb := brands[a], brands[b]
			if len(ba) > 0 && len(bb) > 0 && sortedIntersect(ba, bb) == "" {
				continue
			}
			root, other := min(a, b), max(a, b)
			parent[other] = root
			if len(ba) > 0 || len(bb) > 0 {
				merged := append(slices.Clone(ba), bb...)
				slices.Sort(merged)
				brands[root] = slices.Compact(merged)
				delete(brands, other)
			}
		}
	}

	members := map[int][]string{}
	for i := range records {
		root := find(i)
		members[root] = append(members[root], records[i].ID)
	}
	for i := range report.Records {
		d := &report.Records[i]
		group := members[find(i)]
		d.ClusterID = slices.Min(group)
		switch {
		case d.Result.Decision == NoEvidence:
			d.Outcome = Rejected
			report.Rejected++
		case len(group) > 1:
			d.Outcome = Matched
			report.Matched++
			if d.Result.Decision != Match {
				d.Result.Reason = fmt.Sprintf("joined cluster %s because other records matched it; its own best match: %s",
					quote(d.ClusterID), d.Result.Reason)
			}
		default:
			d.Outcome = Unmatched
			report.Unmatched++
		}
	}
	for root, group := range members {
		if len(group) > 1 && find(root) == root {
			sorted := slices.Clone(group)
			slices.Sort(sorted)
			report.Clusters = append(report.Clusters, Cluster{ID: sorted[0], Members: sorted})
		}
	}
	slices.SortFunc(report.Clusters, func(a, b Cluster) int { return strings.Compare(a.ID, b.ID) })
	return report, nil
}

// matchOther matches the account at position pos against the other
// accounts of the index.
func (ix *Index) matchOther(pos, keep int) Result {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	a := &ix.accounts[pos]
	p := a.parsed // a copy, so that decide can set its own token weights
	if !p.hasEvidence() {
		return Result{Decision: NoEvidence, Reason: "no usable name or domain: " + p.evidenceNote(Record{Name: a.name})}
	}
	return ix.decide(&p, int32(pos), keep, true, nil)
}
