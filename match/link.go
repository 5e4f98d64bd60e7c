package match

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Outcome is the result class of one record in a batch.
type Outcome uint8

// The outcomes of a batch. Every input record ends with exactly one.
const (
	// Matched means the record was linked to an account.
	Matched Outcome = iota + 1
	// Unmatched means the record was compared but linked to no account:
	// no candidate was found, or the best was only possible, or two
	// accounts were tied.
	Unmatched
	// Rejected means the record could not be compared at all: it has no
	// usable name and no usable domain.
	Rejected
)

// String returns "matched", "unmatched" or "rejected".
func (o Outcome) String() string {
	switch o {
	case Matched:
		return "matched"
	case Unmatched:
		return "unmatched"
	case Rejected:
		return "rejected"
	}
	return "invalid"
}

// MarshalText encodes the outcome as its name.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// Linked is the outcome of one record of a batch.
type Linked struct {
	// Record is the input record.
	Record Record `json:"record"`
	// Outcome is Matched, Unmatched or Rejected.
	Outcome Outcome `json:"outcome"`
	// Result holds the decision, the matched account and the candidates.
	Result Result `json:"result"`
}

// LinkReport is the outcome of linking a batch of records to an Index, in
// input order, with counts that add up to the number of input records.
type LinkReport struct {
	Records   []Linked `json:"records"`
	Read      int      `json:"read"`
	Matched   int      `json:"matched"`
	Unmatched int      `json:"unmatched"`
	Rejected  int      `json:"rejected"`
}

// LinkOption configures Index.Link and Deduplicate.
type LinkOption func(*linkConfig)

type linkConfig struct {
	candidates   int
	progress     func(done, total int)
	oneToOne     bool
	rollUp       bool
	indexOptions []Option
}

// WithIndexOptions sets the options of the index that Deduplicate builds,
// such as WithWeights or WithThresholds. Index.Link ignores it, because its
// index is already built.
func WithIndexOptions(opts ...Option) LinkOption {
	return func(c *linkConfig) { c.indexOptions = append(c.indexOptions, opts...) }
}

// WithCandidates sets how many candidates each record of a batch, from
// Index.Link or Deduplicate, keeps in its Result, from 1 to 5. The default
// is 2, the best account and the runner-up, because each explained
// candidate costs about 500 bytes and a batch keeps every record's result.
// Candidates past the limit are never explained, and the decision still
// weighs them.
func WithCandidates(n int) LinkOption {
	return func(c *linkConfig) { c.candidates = min(max(n, 1), 5) }
}

// WithProgress makes a batch call progress(done, total) as records are
// processed: at least once at the end, and after each chunk of records
// before that. Calls come from the goroutine that called the batch
// function, one at a time, with done increasing.
func WithProgress(progress func(done, total int)) LinkOption {
	return func(c *linkConfig) { c.progress = progress }
}

// OneToOne makes Link link each account to at most one record, as when the
// same accounts are held in two systems. Matches are assigned in order of
// weight, strongest first, and a record whose account went to a stronger
// record is unmatched, with the reason naming that record.
func OneToOne() LinkOption {
	return func(c *linkConfig) { c.oneToOne = true }
}

// RollUp makes Link link a record that matches a subsidiary to the
// subsidiary's ultimate parent instead (see Index.UltimateParent). The
// result's Candidates still name the subsidiary, and its Reason notes the
// roll-up.
func RollUp() LinkOption {
	return func(c *linkConfig) { c.rollUp = true }
}

// Link matches each record to at most one account, using every core, and
// returns the outcomes in input order. A record is rejected when it carries
// no usable name or domain, matched when Index.Match decides Match, and
// unmatched otherwise, and Result.Reason gives the reason. By default many
// records may match one account, as leads do; OneToOne changes that. Link
// stops early and returns ctx's error when ctx is done.
func (ix *Index) Link(ctx context.Context, records []Record, opts ...LinkOption) (LinkReport, error) {
	cfg := linkConfig{candidates: 2}
	for _, opt := range opts {
		opt(&cfg)
	}
	report := LinkReport{Records: make([]Linked, len(records)), Read: len(records)}
	err := forEachParallel(ctx, len(records), cfg.progress, func(i int) {
		report.Records[i] = ix.link(records[i], cfg.candidates)
	})
	if err != nil {
		return LinkReport{}, err
	}
	if cfg.rollUp {
		for i := range report.Records {
			res := &report.Records[i].Result
			if res.Decision == Match && len(res.Parents) > 0 {
				top := res.Parents[len(res.Parents)-1]
				res.Reason = fmt.Sprintf("rolled up from subsidiary %s to %s; %s", quote(res.AccountID), quote(top), res.Reason)
				res.AccountID = top
			}
		}
	}
	if cfg.oneToOne {
		assignOneToOne(report.Records)
	}
	for _, l := range report.Records {
		switch l.Outcome {
		case Matched:
			report.Matched++
		case Unmatched:
			report.Unmatched++
		case Rejected:
			report.Rejected++
		}
	}
	return report, nil
}

// assignOneToOne keeps, for each account, only the matched record with the
// highest weight; ties go to the record that comes first.
func assignOneToOne(records []Linked) {
	order := make([]int, 0, len(records))
	for i, l := range records {
		if l.Outcome == Matched {
			order = append(order, i)
		}
	}
	weight := func(i int) float64 { return records[i].Result.Candidates[0].Comparison.Weight }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(weight(b), weight(a)) })
	assigned := map[string]int{}
	for _, i := range order {
		l := &records[i]
		if winner, ok := assigned[l.Result.AccountID]; ok {
			l.Outcome = Unmatched
			l.Result.Decision = NonMatch
			l.Result.Reason = fmt.Sprintf("account %s went to record %s, which matched it with a higher or equal weight (%.1f against %.1f)",
				quote(l.Result.AccountID), quote(records[winner].Record.ID), weight(winner), weight(i))
			l.Result.AccountID = ""
			l.Result.Duplicates = nil
			continue
		}
		assigned[l.Result.AccountID] = i
	}
}

// forEachParallel calls fn(i) for every i below n on every core, in chunks.
// It reports progress from the calling goroutine and stops handing out
// work once ctx is done, returning ctx's error after the chunks in flight
// finish.
func forEachParallel(ctx context.Context, n int, progress func(done, total int), fn func(i int)) error {
	const chunk = 256
	workers := min(runtime.GOMAXPROCS(0), max(1, (n+chunk-1)/chunk))
	next := make(chan int)
	// Each worker has at most one chunk in flight, so its report never
	// blocks.
	done := make(chan int, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for start := range next {
				end := min(start+chunk, n)
				for i := start; i < end; i++ {
					fn(i)
				}
				done <- end - start
			}
		}()
	}

	var err error
	sent, finished := 0, 0
	for {
		if err == nil {
			err = ctx.Err()
		}
		sending := sent < n && err == nil
		if !sending && finished == sent {
			break
		}
		var send chan<- int
		if sending {
			send = next
		}
		// Once ctx is done, only in-flight chunks are awaited, so ctx is
		// not watched again.
		var cancelled <-chan struct{}
		if err == nil {
			cancelled = ctx.Done()
		}
		select {
		case <-cancelled:
		case send <- sent:
			sent = min(sent+chunk, n)
		case c := <-done:
			finished += c
			if progress != nil {
				progress(finished, n)
			}
		}
	}
	close(next)
	wg.Wait()
	if err == nil && n == 0 && progress != nil {
		progress(0, 0)
	}
	return err
}

func (ix *Index) link(r Record, keep int) Linked {
	res := ix.match(r, keep)
	out := Linked{Record: r, Result: res}
	switch res.Decision {
	case Match:
		out.Outcome = Matched
	case NoEvidence:
		out.Outcome = Rejected
	default:
		out.Outcome = Unmatched
	}
	if strings.TrimSpace(r.ID) == "" && out.Outcome == Matched {
		// The match is kept, because an empty ID only makes the record
		// harder to trace. The reason notes it.
		out.Result.Reason += " (the record has an empty ID)"
	}
	return out
}
