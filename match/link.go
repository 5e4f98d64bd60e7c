package match

import (
	"context"
	"runtime"
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

// Link matches each record to at most one account, using every core, and
// returns the outcomes in input order. A record is rejected when it carries
// no usable name or domain, matched when Index.Match decides Match, and
// unmatched otherwise, and Result.Reason gives the reason. Link stops early and returns
// ctx's error when ctx is done.
func (ix *Index) Link(ctx context.Context, records []Record) (LinkReport, error) {
	report := LinkReport{Records: make([]Linked, len(records)), Read: len(records)}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(records)/64))
	next := make(chan int, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				report.Records[i] = ix.link(records[i])
			}
		}()
	}
	var err error
feed:
	for i := range records {
		select {
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		case next <- i:
		}
	}
	close(next)
	wg.Wait()
	if err != nil {
		return LinkReport{}, err
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

func (ix *Index) link(r Record) Linked {
	res := ix.Match(r)
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
