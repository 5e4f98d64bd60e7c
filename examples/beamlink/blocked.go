package main

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/accountkit/accountkit/match"
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// ambiguityMargin is the log2 weight within which two matching accounts
// from different blocks count as tied. It equals the default margin of
// match.Index, which each block's index uses.
const ambiguityMargin = 1.0

// Counters of blocked mode.
var (
	blocksCompared     = beam.NewCounter("beamlink", "blocks_compared")
	blocksSkipped      = beam.NewCounter("beamlink", "blocks_skipped")
	pairsCompared      = beam.NewCounter("beamlink", "pairs_compared")
	pairsSkipped       = beam.NewCounter("beamlink", "pairs_skipped")
	recordsWithoutPair = beam.NewCounter("beamlink", "records_without_compared_block")
)

// SkippedBlock is one line of the skipped-blocks file: a block that the
// skew rule left uncompared, and the pairs it would have cost.
type SkippedBlock struct {
	Key      string `json:"key"`
	Accounts int    `json:"accounts"`
	Records  int    `json:"records"`
	Pairs    int64  `json:"pairs"`
}

// linkBlocked groups accounts and records by block key, compares inside
// each group, and keeps the best account per record. It returns the output
// lines and the skipped-block lines.
func linkBlocked(s beam.Scope, accounts, records beam.PCollection, maxBlockAccounts int) (beam.PCollection, beam.PCollection) {
	keyedAccounts := beam.ParDo(s.Scope("AccountKeys"), &blockKeysFn{}, accounts)
	keyedRecords := beam.ParDo(s.Scope("RecordKeys"), &blockKeysFn{}, records)
	blocks := beam.CoGroupByKey(s, keyedAccounts, keyedRecords)
	results, skipped := beam.ParDo2(s, &compareBlockFn{MaxAccounts: maxBlockAccounts}, blocks)

	byPosition := beam.ParDo(s, &keyByPositionFn{}, records)
	perRecord := beam.CoGroupByKey(s.Scope("PerRecord"), byPosition, results)
	return beam.ParDo(s, &pickBestFn{}, perRecord), skipped
}

// BlockKeys returns the block keys of a row, each prefixed with its kind:
//
//   - "name:" the name key (match.NormalizeName) and each trade-name key;
//   - "word:" each word of those keys, and the initials of a key of two or
//     more words, so that "ibm" meets "international business machines";
//   - "stem:" the first four letters of each word of four or more letters,
//     so that a typo after the fourth letter still meets its word;
//   - "domain:" each registrable company domain of Domain and Emails, and
//     "brand:" its label before the public suffix.
//
// Placeholder names and mail-provider domains give no keys, so a row
// without usable evidence has none. The keys approximate those that
// match.Index files accounts under; the index keeps its own unexported.
func BlockKeys(in Input) []string {
	var keys []string
	add := func(kind, value string) {
		if value != "" {
			keys = append(keys, kind+value)
		}
	}
	name := match.ParseName(in.Name)
	if !name.Placeholder {
		for _, key := range append([]string{name.Key}, name.TradeNames...) {
			add("name:", key)
			words := strings.Fields(key)
			var initials strings.Builder
			for _, w := range words {
				add("word:", w)
				r := []rune(w)
				initials.WriteRune(r[0])
				if len(r) >= 4 {
					add("stem:", string(r[:4]))
				}
			}
			if len(words) >= 2 {
				add("word:", initials.String())
			}
		}
	}
	for _, text := range append([]string{in.Domain}, in.Emails...) {
		if text == "" {
			continue
		}
		d, err := match.ParseDomain(text)
		if err != nil || d.IsMailProvider() {
			continue
		}
		add("domain:", d.Registrable)
		add("brand:", d.Brand)
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

type blockKeysFn struct{}

func (fn *blockKeysFn) ProcessElement(in Input, emit func(string, Input)) {
	for _, key := range BlockKeys(in) {
		emit(key, in)
	}
}

// compareBlockFn matches each record of a block against an index of the
// block's accounts. Skew rule: a block with more than MaxAccounts accounts
// is skipped whole, counted and written to the skipped output, because its
// cost grows with accounts × records and a word that many accounts share
// carries little evidence (match.Index itself drops words shared by over 1% of its
// accounts as block keys).
type compareBlockFn struct {
	MaxAccounts int `json:"max_accounts"`
}

func (fn *compareBlockFn) ProcessElement(ctx context.Context, key string, accountIter, recordIter func(*Input) bool, emit func(string, string), emitSkipped func(string)) error {
	// The accounts are held in memory, at most MaxAccounts of them once
	// the block is compared. The records are streamed, because a block
	// may be shared by any number of records.
	accounts := collect(accountIter)
	if len(accounts) == 0 {
		return nil
	}
	if len(accounts) > fn.MaxAccounts {
		return fn.skip(ctx, key, len(accounts), recordIter, emitSkipped)
	}
	ix, err := newIndex(accounts)
	if err != nil {
		return fmt.Errorf("block %q: %w", key, err)
	}
	records := 0
	var in Input
	for recordIter(&in) {
		records++
		b, err := json.Marshal(ix.Match(in.Record(recordSource)))
		if err != nil {
			return fmt.Errorf("encode result of record %q in block %q: %w", in.ID, key, err)
		}
		emit(in.Position(), string(b))
	}
	if records > 0 {
		blocksCompared.Inc(ctx, 1)
		pairsCompared.Inc(ctx, int64(len(accounts))*int64(records))
	}
	return nil
}

// skip counts the records of a block that the skew rule skips and reports
// the block. A block without records costs nothing and is not reported.
func (fn *compareBlockFn) skip(ctx context.Context, key string, accounts int, recordIter func(*Input) bool, emitSkipped func(string)) error {
	records := 0
	var in Input
	for recordIter(&in) {
		records++
	}
	if records == 0 {
		return nil
	}
	pairs := int64(accounts) * int64(records)
	blocksSkipped.Inc(ctx, 1)
	pairsSkipped.Inc(ctx, pairs)
	b, err := json.Marshal(SkippedBlock{Key: key, Accounts: accounts, Records: records, Pairs: pairs})
	if err != nil {
		return err
	}
	emitSkipped(string(b))
	return nil
}

type keyByPositionFn struct{}

func (fn *keyByPositionFn) ProcessElement(in Input, emit func(string, Input)) {
	emit(in.Position(), in)
}

// pickBestFn merges the block results of one record into one outcome.
type pickBestFn struct {
	once  sync.Once
	empty *match.Index
	err   error
}

func (fn *pickBestFn) ProcessElement(ctx context.Context, _ string, recordIter func(*Input) bool, resultIter func(*string) bool, emit func(string)) error {
	rows := collect(recordIter)
	if len(rows) != 1 {
		return fmt.Errorf("found %d input rows at one position, expected 1", len(rows))
	}
	in := rows[0]

	var results []match.Result
	var text string
	for resultIter(&text) {
		var r match.Result
		if err := json.Unmarshal([]byte(text), &r); err != nil {
			return fmt.Errorf("decode block result of record %q: %w", in.ID, err)
		}
		results = append(results, r)
	}

	var linked match.Linked
	if len(results) == 0 {
		// No block compared the record: let an empty index give the
		// library's own outcome, rejected or unmatched without candidates.
		recordsWithoutPair.Inc(ctx, 1)
		var err error
		if linked, err = fn.linkAlone(ctx, in); err != nil {
			return err
		}
	} else {
		result := PickBest(results)
		linked = match.Linked{Record: in.Record(recordSource), Outcome: outcomeOf(result.Decision), Result: result}
	}

	countOutcome(ctx, linked.Outcome)
	line, err := encodeLine(in, linked)
	if err != nil {
		return err
	}
	emit(line)
	return nil
}

func (fn *pickBestFn) linkAlone(ctx context.Context, in Input) (match.Linked, error) {
	fn.once.Do(func() { fn.empty, fn.err = match.NewIndex(nil) })
	if fn.err != nil {
		return match.Linked{}, fn.err
	}
	report, err := fn.empty.Link(ctx, []match.Record{in.Record(recordSource)})
	if err != nil {
		return match.Linked{}, fmt.Errorf("link record %q: %w", in.ID, err)
	}
	return report.Records[0], nil
}

func outcomeOf(d match.Decision) match.Outcome {
	switch d {
	case match.Match:
		return match.Matched
	case match.NoEvidence:
		return match.Rejected
	default:
		return match.Unmatched
	}
}

// PickBest merges the results of one record from several blocks. When
// blocks matched two different accounts whose weights lie within the
// ambiguity margin, the record is ambiguous, as Index.Match decides inside
// one index. Otherwise the result with the heaviest best candidate wins,
// a match before any other decision. Ties keep the earlier result, so
// callers pass results in a fixed order for a fixed outcome.
func PickBest(results []match.Result) match.Result {
	ordered := slices.Clone(results)
	slices.SortStableFunc(ordered, func(a, b match.Result) int {
		return cmp.Or(
			cmp.Compare(rank(b.Decision), rank(a.Decision)),
			cmp.Compare(bestWeight(b), bestWeight(a)),
			strings.Compare(a.AccountID, b.AccountID),
		)
	})
	best := ordered[0]
	if best.Decision != match.Match {
		return best
	}
	for _, other := range ordered[1:] {
		if other.Decision != match.Match || other.AccountID == best.AccountID || slices.Contains(best.Duplicates, other.AccountID) {
			continue
		}
		if bestWeight(best)-bestWeight(other) <= ambiguityMargin {
			return match.Result{
				Decision:   match.Ambiguous,
				Candidates: mergeCandidates(best, other),
				Reason: fmt.Sprintf("ambiguous: %s and %s both match in different blocks, with weights %.2f and %.2f within the margin of %.1f",
					best.AccountID, other.AccountID, bestWeight(best), bestWeight(other), ambiguityMargin),
			}
		}
		break
	}
	return best
}

// rank orders decisions so that a match wins over every other decision.
func rank(d match.Decision) int {
	if d == match.Match {
		return 1
	}
	return 0
}

// bestWeight returns the weight of the result's best candidate, or a very
// low weight when the block found none.
func bestWeight(r match.Result) float64 {
	if len(r.Candidates) == 0 {
		return -1e9
	}
	return r.Candidates[0].Comparison.Weight
}

func mergeCandidates(a, b match.Result) []match.Candidate {
	merged := append(slices.Clone(a.Candidates), b.Candidates...)
	slices.SortStableFunc(merged, func(x, y match.Candidate) int {
		return cmp.Compare(y.Comparison.Weight, x.Comparison.Weight)
	})
	seen := map[string]bool{}
	var out []match.Candidate
	for _, c := range merged {
		if !seen[c.AccountID] && len(out) < 5 {
			seen[c.AccountID] = true
			out = append(out, c)
		}
	}
	return out
}
