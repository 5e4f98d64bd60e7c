package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accountkit/accountkit/match"
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// TestMain runs the pipelines on the local prism runner unless --runner
// names another.
func TestMain(m *testing.M) {
	ptest.Main(m)
}

const (
	accountsFile = "testdata/accounts.csv"
	recordsFile  = "testdata/records.csv"
)

// readFile parses a test CSV file as the pipeline does.
func readFile(t *testing.T, path string) []Input {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []Input
	if err := ParseCSV(f, path, func(in Input) { rows = append(rows, in) }); err != nil {
		t.Fatal(err)
	}
	return rows
}

// linkInProcess links the test records with Index.Link, the reference that
// the pipeline is checked against, and returns the output lines by record ID.
func linkInProcess(t *testing.T) map[string]OutputLine {
	t.Helper()
	accounts := readFile(t, accountsFile)
	records := readFile(t, recordsFile)
	batch := make([]match.Record, len(accounts))
	for i, in := range accounts {
		batch[i] = in.Record(accountSource)
	}
	ix, err := match.NewIndex(batch)
	if err != nil {
		t.Fatal(err)
	}
	recs := make([]match.Record, len(records))
	for i, in := range records {
		recs[i] = in.Record(recordSource)
	}
	report, err := ix.Link(context.Background(), recs)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]OutputLine{}
	for i, linked := range report.Records {
		lines[records[i].ID] = OutputLine{File: records[i].File, Row: records[i].Row, Linked: linked}
	}
	return lines
}

// decodedLine is an output line as a reader decodes it. match.Outcome
// encodes as text but does not decode from it, so Outcome stays a string.
type decodedLine struct {
	File    string       `json:"file"`
	Row     int          `json:"row"`
	Record  match.Record `json:"record"`
	Outcome string       `json:"outcome"`
	Result  match.Result `json:"result"`
}

// runPipeline runs the link pipeline on the test files and returns its
// output lines by record ID, the raw lines by record ID, and its metrics.
func runPipeline(t *testing.T, opts Options) (map[string]decodedLine, map[string]string, metrics.QueryResults) {
	t.Helper()
	dir := t.TempDir()
	opts.Accounts = accountsFile
	opts.Records = recordsFile
	opts.Output = filepath.Join(dir, "links.jsonl")
	opts.Skipped = filepath.Join(dir, "skipped.jsonl")
	p, s := beam.NewPipelineWithRoot()
	if err := BuildPipeline(s, opts); err != nil {
		t.Fatal(err)
	}
	result, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("pipeline failed: %v", err)
	}
	parsed := map[string]decodedLine{}
	raw := map[string]string{}
	for _, text := range readLines(t, opts.Output) {
		var line decodedLine
		if err := json.Unmarshal([]byte(text), &line); err != nil {
			t.Fatalf("invalid output line %q: %v", text, err)
		}
		if _, dup := parsed[line.Record.ID]; dup {
			t.Errorf("record %q appears twice in the output", line.Record.ID)
		}
		parsed[line.Record.ID] = line
		raw[line.Record.ID] = text
	}
	return parsed, raw, result.Metrics().AllMetrics()
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	for scanner.Scan() {
		if scanner.Text() != "" {
			lines = append(lines, scanner.Text())
		}
	}
	if err := scanner.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

func counter(results metrics.QueryResults, name string) int64 {
	var total int64
	for _, c := range results.Counters() {
		if c.Key.Namespace == "beamlink" && c.Key.Name == name {
			total += c.Result()
		}
	}
	return total
}

func TestReplicatedEqualsInProcessLink(t *testing.T) {
	want := linkInProcess(t)
	got, raw, results := runPipeline(t, Options{Mode: ModeReplicated, Shards: 4})
	if len(got) != len(want) {
		t.Errorf("pipeline wrote %d records, in-process link has %d", len(got), len(want))
	}
	for id, w := range want {
		b, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		if raw[id] != string(b) {
			t.Errorf("record %s:\n pipeline   %s\n in-process %s", id, raw[id], b)
		}
	}
	var matched int64
	for _, w := range want {
		if w.Outcome == match.Matched {
			matched++
		}
	}
	if matched == 0 {
		t.Error("in-process link matched no record, so the test compares nothing useful")
	}
	if n := counter(results, "records_matched"); n != matched {
		t.Errorf("records_matched counter = %d, want %d", n, matched)
	}
}

// blockedTolerance is the minimum share of records on which blocked mode
// must reach the in-process link's outcome and account. Blocked mode weighs
// words inside each block's own index, so records near the threshold may
// differ. On the test data all 646 records agree.
const blockedTolerance = 0.95

func TestBlockedAgreesWithInProcessLink(t *testing.T) {
	want := linkInProcess(t)
	got, _, results := runPipeline(t, Options{Mode: ModeBlocked, MaxBlockAccounts: 1000})
	if len(got) != len(want) {
		t.Fatalf("pipeline wrote %d records, in-process link has %d", len(got), len(want))
	}
	agree, matchedBoth := 0, 0
	for id, w := range want {
		g := got[id]
		if g.Outcome == w.Outcome.String() && g.Result.AccountID == w.Result.AccountID {
			agree++
			if w.Outcome == match.Matched {
				matchedBoth++
			}
			continue
		}
		t.Logf("record %s %q: blocked %s %q (%s), in-process %s %q (%s)", id, w.Record.Name,
			g.Outcome, g.Result.AccountID, g.Result.Reason, w.Outcome, w.Result.AccountID, w.Result.Reason)
	}
	share := float64(agree) / float64(len(want))
	t.Logf("blocked mode agrees on %d of %d records (%.3f), %d of them matched", agree, len(want), share, matchedBoth)
	if share < blockedTolerance {
		t.Errorf("blocked mode agrees on %.3f of records, want at least %.2f", share, blockedTolerance)
	}
	if n := counter(results, "blocks_skipped"); n != 0 {
		t.Errorf("blocks_skipped = %d with a cap above the account count, want 0", n)
	}
}

func TestBlockedReportsSkippedBlocks(t *testing.T) {
	const maxAccounts = 5
	dir := t.TempDir()
	opts := Options{
		Accounts:         accountsFile,
		Records:          recordsFile,
		Output:           filepath.Join(dir, "links.jsonl"),
		Skipped:          filepath.Join(dir, "skipped.jsonl"),
		Mode:             ModeBlocked,
		MaxBlockAccounts: maxAccounts,
	}
	p, s := beam.NewPipelineWithRoot()
	if err := BuildPipeline(s, opts); err != nil {
		t.Fatal(err)
	}
	result, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatalf("pipeline failed: %v", err)
	}
	lines := readLines(t, opts.Skipped)
	if len(lines) == 0 {
		t.Fatal("no skipped blocks written with a cap of 5 accounts")
	}
	var pairs int64
	for _, text := range lines {
		var block SkippedBlock
		if err := json.Unmarshal([]byte(text), &block); err != nil {
			t.Fatalf("invalid skipped-block line %q: %v", text, err)
		}
		if block.Accounts <= maxAccounts {
			t.Errorf("block %q with %d accounts skipped, cap is %d", block.Key, block.Accounts, maxAccounts)
		}
		if block.Pairs != int64(block.Accounts)*int64(block.Records) {
			t.Errorf("block %q: pairs = %d, want %d × %d", block.Key, block.Pairs, block.Accounts, block.Records)
		}
		pairs += block.Pairs
	}
	metrics := result.Metrics().AllMetrics()
	if n := counter(metrics, "blocks_skipped"); n != int64(len(lines)) {
		t.Errorf("blocks_skipped counter = %d, skipped file has %d lines", n, len(lines))
	}
	if n := counter(metrics, "pairs_skipped"); n != pairs {
		t.Errorf("pairs_skipped counter = %d, skipped file sums to %d", n, pairs)
	}
	if n := len(readLines(t, opts.Output)); n != len(readFile(t, recordsFile)) {
		t.Errorf("output has %d lines, want one per record even when blocks are skipped", n)
	}
}

func TestBlockKeys(t *testing.T) {
	keys := BlockKeys(Input{Name: "International Business Machines Corp", Domain: "https://www.ibm.com/us-en"})
	for _, want := range []string{"name:international business machines", "word:ibm", "stem:inte", "domain:ibm.com", "brand:ibm"} {
		found := false
		for _, k := range keys {
			found = found || k == want
		}
		if !found {
			t.Errorf("BlockKeys lacks %q: %q", want, keys)
		}
	}
	if keys := BlockKeys(Input{Name: "n/a", Domain: "jane@gmail.com"}); len(keys) != 0 {
		t.Errorf("placeholder name and free-mail domain gave keys %q, want none", keys)
	}
}

func TestParseCSVErrors(t *testing.T) {
	for name, text := range map[string]string{
		"no id column": "name,domain\nAcme,acme.com\n",
		"empty id":     "id,name\n,Acme\n",
		"repeated":     "id,name,name\n1,Acme,Acme\n",
		"empty file":   "",
	} {
		err := ParseCSV(strings.NewReader(text), "test.csv", func(Input) {})
		if err == nil {
			t.Errorf("%s: ParseCSV returned no error", name)
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	base := Options{Accounts: "a.csv", Records: "r.csv", Output: "o.jsonl", Skipped: "s.jsonl", Mode: ModeBlocked, Shards: 1, MaxBlockAccounts: 10}
	if err := base.Validate(); err != nil {
		t.Fatalf("valid options rejected: %v", err)
	}
	bad := base
	bad.Mode = "global"
	if bad.Validate() == nil {
		t.Error("unknown mode accepted")
	}
	bad = base
	bad.MaxBlockAccounts = 0
	if bad.Validate() == nil {
		t.Error("maximum block size 0 accepted")
	}
}
