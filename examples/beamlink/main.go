// Command beamlink links account records as an Apache Beam pipeline. It
// reads two sets of CSV files and matches each record to at most one account
// with the match package. It writes one JSON line per record with the
// decision and its reason. It runs on any Beam runner of the Go SDK: the
// local prism runner by default, or Dataflow, Flink and Spark with
// --runner. See docs/beam.md for the modes and the runner options.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	accountsGlob = flag.String("accounts", "", "file pattern of the account CSV files (required)")
	recordsGlob  = flag.String("records", "", "file pattern of the record CSV files to link (required)")
	output       = flag.String("output", "", "file that receives one JSON line per record (required)")
	skipped      = flag.String("skipped", "", "file that receives one JSON line per skipped block in blocked mode (default: the output path plus .skipped)")
	mode         = flag.String("mode", string(ModeReplicated), "partitioning: replicated (records sharded, all accounts in each worker; equals Index.Link) or blocked (both sides grouped by block key)")
	shards       = flag.Int("shards", 64, "number of record shards in replicated mode")
	maxBlock     = flag.Int("max_block_accounts", 1000, "blocked mode: skip and report blocks with more accounts than this")
)

func main() {
	flag.Parse()
	beam.Init()
	opts := Options{
		Accounts:         *accountsGlob,
		Records:          *recordsGlob,
		Output:           *output,
		Skipped:          *skipped,
		Mode:             Mode(*mode),
		Shards:           *shards,
		MaxBlockAccounts: *maxBlock,
	}
	if opts.Skipped == "" && opts.Output != "" {
		opts.Skipped = opts.Output + ".skipped"
	}
	p, s := beam.NewPipelineWithRoot()
	if err := BuildPipeline(s, opts); err != nil {
		slog.Error("invalid options", "error", err)
		os.Exit(2)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		slog.Error("pipeline failed", "error", err)
		os.Exit(1)
	}
}
