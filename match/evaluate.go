package match

import (
	"fmt"
	"slices"
)

// Evaluation holds the counts and rates of a result against labelled
// truth. For links, a true positive is a record matched to its true
// account. A false positive is a record matched to another account, or
// matched when it has no true account. A false negative is a record with a
// true account that was not matched to it, so a record matched to the wrong
// account counts as both. For clusters, the counts are of record pairs.
type Evaluation struct {
	// Threshold is the match threshold that SweepThresholds applied, or 0
	// for EvaluateLinks and EvaluateClusters.
	Threshold float64 `json:"threshold,omitempty"`
	// TruePositives counts correct links or pairs.
	TruePositives int `json:"true_positives"`
	// FalsePositives counts wrong links or pairs.
	FalsePositives int `json:"false_positives"`
	// FalseNegatives counts true links or pairs that were not found.
	FalseNegatives int `json:"false_negatives"`
	// Precision is TruePositives / (TruePositives + FalsePositives), or 0
	// when nothing was predicted.
	Precision float64 `json:"precision"`
	// Recall is TruePositives / (TruePositives + FalseNegatives), or 0
	// when the truth holds nothing to find.
	Recall float64 `json:"recall"`
	// F1 is the harmonic mean of Precision and Recall, or 0 when both are
	// 0.
	F1 float64 `json:"f1"`
}

// String returns the counts and rates on one line.
func (e Evaluation) String() string {
	return fmt.Sprintf("precision %.4f, recall %.4f, F1 %.4f (%d true positives, %d false positives, %d false negatives)",
		e.Precision, e.Recall, e.F1, e.TruePositives, e.FalsePositives, e.FalseNegatives)
}

// newEvaluation computes the rates from the counts.
func newEvaluation(tp, fp, fn int) Evaluation {
	e := Evaluation{TruePositives: tp, FalsePositives: fp, FalseNegatives: fn}
	if tp+fp > 0 {
		e.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		e.Recall = float64(tp) / float64(tp+fn)
	}
	if e.Precision+e.Recall > 0 {
		e.F1 = 2 * e.Precision * e.Recall / (e.Precision + e.Recall)
	}
	return e
}

// EvaluateLinks scores the outcomes of Index.Link against truth, which
// maps a record ID to the ID of its true account. A record whose ID truth
// lacks, or maps to "", has no true account. A match counts as correct
// when the true account is Result.AccountID or one of Result.Duplicates,
// because the index cannot tell such accounts apart. Only the records of
// report are scored: a truth entry for a record that report lacks is
// ignored.
func EvaluateLinks(report LinkReport, truth map[string]string) Evaluation {
	var tp, fp, fn int
	for i := range report.Records {
		l := &report.Records[i]
		want := truth[l.Record.ID]
		matched := l.Outcome == Matched && l.Result.AccountID != ""
		switch {
		case matched && want != "" && isAccount(&l.Result, want):
			tp++
		case matched:
			fp++
			if want != "" {
				fn++
			}
		case want != "":
			fn++
		}
	}
	return newEvaluation(tp, fp, fn)
}

func isAccount(r *Result, id string) bool {
	return r.AccountID == id || slices.Contains(r.Duplicates, id)
}

// SweepThresholds scores the outcomes of Index.Link at each match threshold
// in thresholds, without comparing any record again. At threshold t a
// record is matched to its best candidate when that candidate's score is at
// least t. The exception is a runner-up that also scores at least t with a
// weight within margin of the best one's: the record is then ambiguous, as
// in Index.Match. Pass the margin the Index was built with: 1 unless
// WithAmbiguityMargin set another. The results are in the order of
// thresholds and carry their threshold.
//
// Only the five best candidates that Result.Candidates keeps are known,
// and Result.Duplicates is known only for records that Link matched. A
// record that Link left unmatched and whose best candidate has a duplicate
// of the true account therefore counts as wrong at a lower threshold.
// SweepThresholds does not redo the one-account-per-record assignment of
// OneToOne, so sweep a report linked without it.
func SweepThresholds(report LinkReport, truth map[string]string, thresholds []float64, margin float64) []Evaluation {
	out := make([]Evaluation, len(thresholds))
	for k, t := range thresholds {
		var tp, fp, fn int
		for i := range report.Records {
			l := &report.Records[i]
			want := truth[l.Record.ID]
			best, ok := redecide(&l.Result, t, margin)
			switch {
			case ok && want != "" && (best == want || best == l.Result.AccountID && isAccount(&l.Result, want)):
				tp++
			case ok:
				fp++
				if want != "" {
					fn++
				}
			case want != "":
				fn++
			}
		}
		out[k] = newEvaluation(tp, fp, fn)
		out[k].Threshold = t
	}
	return out
}

// redecide returns the account that r's candidates match at threshold t,
// and false when none does.
func redecide(r *Result, t, margin float64) (string, bool) {
	if r.Decision == NoEvidence || len(r.Candidates) == 0 {
		return "", false
	}
	best := &r.Candidates[0].Comparison
	if best.Decision == NoEvidence || best.Score < t {
		return "", false
	}
	if len(r.Candidates) > 1 {
		second := &r.Candidates[1].Comparison
		if second.Decision != NoEvidence && second.Score >= t && best.Weight-second.Weight < margin {
			return "", false
		}
	}
	return r.Candidates[0].AccountID, true
}

// EvaluateClusters scores predicted clusters against true cluster labels
// by record pairs: a pair is predicted when both records are in one
// predicted cluster, and true when truth gives both the same label.
// predicted lists clusters of record IDs. A record of truth that no
// predicted cluster holds is a cluster of its own, and so is a predicted
// record that truth lacks. It returns an error when a record ID appears
// twice in predicted, naming the ID.
//
// The counts come from the sizes of the overlaps between predicted and
// true clusters, so the cost is linear in the number of records even for
// large clusters.
func EvaluateClusters(predicted [][]string, truth map[string]string) (Evaluation, error) {
	seen := make(map[string]bool)
	var predictedPairs, tp int
	overlap := make(map[string]int)
	for c, cluster := range predicted {
		clear(overlap)
		for _, id := range cluster {
			if seen[id] {
				return Evaluation{}, fmt.Errorf("match: record %q appears twice in the predicted clusters (again in cluster %d)", id, c+1)
			}
			seen[id] = true
			if label, ok := truth[id]; ok {
				overlap[label]++
			}
		}
		predictedPairs += pairs(len(cluster))
		for _, n := range overlap {
			tp += pairs(n)
		}
	}
	sizes := make(map[string]int)
	for _, label := range truth {
		sizes[label]++
	}
	truePairs := 0
	for _, n := range sizes {
		truePairs += pairs(n)
	}
	return newEvaluation(tp, predictedPairs-tp, truePairs-tp), nil
}

// pairs returns n choose 2.
func pairs(n int) int { return n * (n - 1) / 2 }

// Pair is an unordered pair of record IDs, such as a candidate pair that a
// blocking step proposes or a true match.
type Pair struct {
	A, B string
}

// canonical returns p with the smaller ID first, so that {a, b} and {b, a}
// compare equal.
func (p Pair) canonical() Pair {
	if p.B < p.A {
		return Pair{p.B, p.A}
	}
	return p
}

// PairCompleteness returns the share of distinct true pairs that
// candidates contains, the recall of a blocking step. Pairs are unordered,
// and repeated pairs count once. It returns 0 when truePairs is empty.
func PairCompleteness(candidates, truePairs []Pair) float64 {
	want := make(map[Pair]bool, len(truePairs))
	for _, p := range truePairs {
		want[p.canonical()] = true
	}
	if len(want) == 0 {
		return 0
	}
	found := make(map[Pair]bool)
	for _, p := range candidates {
		if c := p.canonical(); want[c] {
			found[c] = true
		}
	}
	return float64(len(found)) / float64(len(want))
}

// ReductionRatio returns 1 - candidatePairs/totalPairs: the share of all
// record pairs that a blocking step spared from comparison. totalPairs is
// left×right when linking two sets, or n(n-1)/2 when deduplicating n
// records. It returns an error when totalPairs is below 1 or candidatePairs
// is negative or above totalPairs.
func ReductionRatio(candidatePairs, totalPairs int) (float64, error) {
	if totalPairs < 1 || candidatePairs < 0 || candidatePairs > totalPairs {
		return 0, fmt.Errorf("match: reduction ratio of %d candidate pairs out of %d: need 0 <= candidates <= total and total >= 1", candidatePairs, totalPairs)
	}
	return 1 - float64(candidatePairs)/float64(totalPairs), nil
}
