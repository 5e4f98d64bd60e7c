package main

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sync"

	"github.com/accountkit/accountkit/match"
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// Mode selects how the pipeline partitions the work.
type Mode string

const (
	// ModeReplicated partitions the records into shards and gives every
	// shard the whole account list as a side input. Each worker builds one
	// match.Index over all accounts, so the output equals Index.Link.
	ModeReplicated Mode = "replicated"
	// ModeBlocked partitions both sides by block key: accounts and records
	// that share a key meet in one group, which builds an index over its
	// own accounts. Token weights and prefix uniqueness are then per group,
	// so the output can differ from Index.Link (see docs/beam.md).
	ModeBlocked Mode = "blocked"
)

// Options configures the link pipeline.
type Options struct {
	// Accounts and Records are file globs of CSV files (see ParseCSV).
	Accounts string
	Records  string
	// Output is the file that receives one JSON line per record.
	Output string
	// Skipped is the file that receives one JSON line per block that the
	// skew rule skipped. It is written in blocked mode only.
	Skipped string
	Mode    Mode
	// Shards is the number of record shards in replicated mode.
	Shards int
	// MaxBlockAccounts is the skew rule of blocked mode: a block with more
	// accounts than this is not compared at all and is reported instead.
	MaxBlockAccounts int
}

// Validate reports the first invalid option.
func (o Options) Validate() error {
	switch {
	case o.Accounts == "":
		return fmt.Errorf("missing accounts file pattern")
	case o.Records == "":
		return fmt.Errorf("missing records file pattern")
	case o.Output == "":
		return fmt.Errorf("missing output file")
	case o.Mode != ModeReplicated && o.Mode != ModeBlocked:
		return fmt.Errorf("invalid mode %q: use %q or %q", o.Mode, ModeReplicated, ModeBlocked)
	case o.Mode == ModeReplicated && o.Shards < 1:
		return fmt.Errorf("invalid shard count %d: use 1 or more", o.Shards)
	case o.Mode == ModeBlocked && o.MaxBlockAccounts < 1:
		return fmt.Errorf("invalid maximum block size %d: use 1 or more accounts", o.MaxBlockAccounts)
	case o.Mode == ModeBlocked && o.Skipped == "":
		return fmt.Errorf("missing skipped-blocks file, which blocked mode writes")
	}
	return nil
}

// Sources of the records in the output. They are carried in Record.Source.
const (
	accountSource = "accounts"
	recordSource  = "records"
)

// OutputLine is one line of the output file: a record's outcome as
// Index.Link returns it, and the record's position in its input file.
type OutputLine struct {
	File string `json:"file"`
	Row  int    `json:"row"`
	match.Linked
}

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Input), error](&readCSVFn{})
	register.Emitter1[Input]()
	register.Iter1[Input]()
	register.Iter1[string]()
	register.Emitter1[string]()
	register.Emitter2[int, Input]()
	register.Emitter2[string, Input]()
	register.Emitter2[string, string]()
	register.DoFn2x0[Input, func(int, Input)](&shardFn{})
	register.DoFn5x1[context.Context, int, func(*Input) bool, func(*Input) bool, func(string), error](&linkShardFn{})
	register.DoFn2x0[Input, func(string, Input)](&blockKeysFn{})
	register.DoFn6x1[context.Context, string, func(*Input) bool, func(*Input) bool, func(string, string), func(string), error](&compareBlockFn{})
	register.DoFn2x0[Input, func(string, Input)](&keyByPositionFn{})
	register.DoFn5x1[context.Context, string, func(*Input) bool, func(*string) bool, func(string), error](&pickBestFn{})
}

// BuildPipeline adds the link job to the scope s.
func BuildPipeline(s beam.Scope, opts Options) error {
	if err := opts.Validate(); err != nil {
		return err
	}
	accounts := readInputs(s.Scope("ReadAccounts"), opts.Accounts)
	records := readInputs(s.Scope("ReadRecords"), opts.Records)
	var lines beam.PCollection
	switch opts.Mode {
	case ModeReplicated:
		lines = linkReplicated(s.Scope("LinkReplicated"), accounts, records, opts.Shards)
	case ModeBlocked:
		var skipped beam.PCollection
		lines, skipped = linkBlocked(s.Scope("LinkBlocked"), accounts, records, opts.MaxBlockAccounts)
		textio.Write(s.Scope("WriteSkipped"), opts.Skipped, skipped)
	}
	textio.Write(s.Scope("WriteOutput"), opts.Output, lines)
	return nil
}

// readInputs reads every CSV file that glob matches. A pattern that matches
// no file fails the pipeline, wildcard or not, because an empty account or
// record list would leave every record unmatched in a run that looks
// successful.
func readInputs(s beam.Scope, glob string) beam.PCollection {
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, glob, fileio.MatchEmptyDisallow()))
	return beam.ParDo(s, &readCSVFn{}, files)
}

// linkReplicated shards the records by a hash of their ID and links each
// shard against an index of all accounts.
func linkReplicated(s beam.Scope, accounts, records beam.PCollection, shards int) beam.PCollection {
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, records)
	grouped := beam.GroupByKey(s, keyed)
	return beam.ParDo(s, &linkShardFn{}, grouped, beam.SideInput{Input: accounts})
}

type shardFn struct {
	Shards int `json:"shards"`
}

func (fn *shardFn) ProcessElement(in Input, emit func(int, Input)) {
	h := fnv.New32a()
	h.Write([]byte(in.ID))
	emit(int(h.Sum32()%uint32(fn.Shards)), in)
}

// linkShardFn links one shard of records with Index.Link against all
// accounts. The index is built on first use and kept for later shards that
// the same DoFn instance processes: the side input holds the same accounts
// for every shard, because the pipeline uses only the global window.
type linkShardFn struct {
	mu    sync.Mutex
	index *match.Index
}

func (fn *linkShardFn) ProcessElement(ctx context.Context, _ int, records, accounts func(*Input) bool, emit func(string)) error {
	ix, err := fn.indexOf(accounts)
	if err != nil {
		return err
	}
	rows := collect(records)
	batch := make([]match.Record, len(rows))
	for i, in := range rows {
		batch[i] = in.Record(recordSource)
	}
	report, err := ix.Link(ctx, batch)
	if err != nil {
		return fmt.Errorf("link shard of %d records: %w", len(batch), err)
	}
	for i, linked := range report.Records {
		countOutcome(ctx, linked.Outcome)
		line, err := encodeLine(rows[i], linked)
		if err != nil {
			return err
		}
		emit(line)
	}
	return nil
}

func (fn *linkShardFn) indexOf(accounts func(*Input) bool) (*match.Index, error) {
	fn.mu.Lock()
	defer fn.mu.Unlock()
	if fn.index != nil {
		return fn.index, nil
	}
	ix, err := newIndex(collect(accounts))
	if err != nil {
		return nil, err
	}
	fn.index = ix
	return ix, nil
}

// newIndex builds an index over rows in file order.
func newIndex(rows []Input) (*match.Index, error) {
	sortInputs(rows)
	batch := make([]match.Record, len(rows))
	for i, in := range rows {
		batch[i] = in.Record(accountSource)
	}
	ix, err := match.NewIndex(batch)
	if err != nil {
		return nil, fmt.Errorf("index %d accounts: %w", len(batch), err)
	}
	return ix, nil
}

func collect(iter func(*Input) bool) []Input {
	var rows []Input
	var in Input
	for iter(&in) {
		rows = append(rows, in)
	}
	return rows
}

// Counters of the pipeline, in the "beamlink" namespace. Runners show them
// in their job metrics.
var (
	recordsMatched   = beam.NewCounter("beamlink", "records_matched")
	recordsUnmatched = beam.NewCounter("beamlink", "records_unmatched")
	recordsRejected  = beam.NewCounter("beamlink", "records_rejected")
)

func countOutcome(ctx context.Context, o match.Outcome) {
	switch o {
	case match.Matched:
		recordsMatched.Inc(ctx, 1)
	case match.Unmatched:
		recordsUnmatched.Inc(ctx, 1)
	case match.Rejected:
		recordsRejected.Inc(ctx, 1)
	}
}

func encodeLine(in Input, linked match.Linked) (string, error) {
	b, err := json.Marshal(OutputLine{File: in.File, Row: in.Row, Linked: linked})
	if err != nil {
		return "", fmt.Errorf("encode result of record %q: %w", in.ID, err)
	}
	return string(b), nil
}
