package exports

import (
	"context"
	"iter"
	"runtime"
	"sync"

	"github.com/accountkit/accountkit/match"
)

// Matched is one record with the result of matching it against an index.
type Matched struct {
	// Record is the input record.
	Record Record
	// Result is the outcome of Index.Match on Record.Account.
	Result match.Result
}

// MatchOptions configures MatchRecords.
type MatchOptions struct {
	// Workers is the number of goroutines that match. Zero means
	// runtime.GOMAXPROCS(0).
	Workers int
	// BatchSize is the number of records handed to a worker at a time.
	// Zero means 256.
	BatchSize int
}

// MatchRecords matches each record of records against ix on several
// goroutines and yields the results in input order. Errors of records are
// passed through in their place. At most 4 batches per worker are in
// flight, so memory does not grow with the input: the reader is paused
// while the consumer is behind.
//
// The sequence ends early when ctx is done, yielding ctx's error, or
// when the consumer stops. MatchRecords iterates records on a goroutine
// of its own and waits for it before returning.
func MatchRecords(ctx context.Context, ix *match.Index, records iter.Seq2[Record, error], opts MatchOptions) iter.Seq2[Matched, error] {
	return func(yield func(Matched, error) bool) {
		workers := opts.Workers
		if workers <= 0 {
			workers = runtime.GOMAXPROCS(0)
		}
		size := opts.BatchSize
		if size <= 0 {
			size = 256
		}
		ctx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		defer wg.Wait()
		defer cancel()

		work := make(chan *matchBatch)
		ordered := make(chan *matchBatch, 4*workers)
		wg.Go(func() { produceBatches(ctx, records, size, work, ordered) })
		for range workers {
			wg.Go(func() {
				for b := range work {
					b.match(ix)
				}
			})
		}
		for b := range ordered {
			select {
			case <-b.done:
			case <-ctx.Done():
				yield(Matched{}, ctx.Err())
				return
			}
			for i := range b.items {
				if !yield(b.items[i].matched, b.items[i].err) {
					return
				}
			}
		}
		if err := ctx.Err(); err != nil {
			yield(Matched{}, err)
		}
	}
}

type matchItem struct {
	matched Matched
	err     error
}

type matchBatch struct {
	items []matchItem
	done  chan struct{}
}

func (b *matchBatch) match(ix *match.Index) {
	for i := range b.items {
		if b.items[i].err == nil {
			b.items[i].matched.Result = ix.Match(b.items[i].matched.Record.Account)
		}
	}
	close(b.done)
}

// produceBatches reads records into batches and sends each to a worker
// and, in order, to the consumer. It closes both channels when records
// end or ctx is done.
func produceBatches(ctx context.Context, records iter.Seq2[Record, error], size int, work, ordered chan<- *matchBatch) {
	defer close(work)
	defer close(ordered)
	batch := &matchBatch{done: make(chan struct{})}
	send := func() bool {
		for _, ch := range []chan<- *matchBatch{ordered, work} {
			select {
			case ch <- batch:
			case <-ctx.Done():
				return false
			}
		}
		batch = &matchBatch{items: make([]matchItem, 0, size), done: make(chan struct{})}
		return true
	}
	for rec, err := range records {
		batch.items = append(batch.items, matchItem{matched: Matched{Record: rec}, err: err})
		if len(batch.items) == size && !send() {
			return
		}
	}
	if len(batch.items) > 0 {
		send()
	}
}
