// Command streambench measures streaming reads and matching. It indexes
// an account export, then reads a larger export row by row with
// exports.Read and matches each row with exports.MatchRecords. At
// checkpoints it prints the rate and the memory in use, which shows
// whether memory grows with the file. Generate the files with gendata.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/accountkit/accountkit/examples/leadrouter/internal/progress"
	"github.com/accountkit/accountkit/exports"
	"github.com/accountkit/accountkit/match"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "streambench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("streambench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: streambench -accounts FILE -rows FILE [flags]\n\nIndexes -accounts, streams -rows through the index and prints rows/s and memory at checkpoints.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	accountsPath := fs.String("accounts", "", "account export `file` to index")
	rowsPath := fs.String("rows", "", "export `file` to stream and match")
	checkpoints := fs.String("checkpoints", "100000,500000,1000000", "comma-separated row `counts` at which to print figures")
	workers := fs.Int("workers", 0, "`number` of matching goroutines; 0 means GOMAXPROCS")
	readOnly := fs.Bool("read-only", false, "only read -rows, without an index or matching, to measure the reader alone")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the matching phase to `file`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *rowsPath == "" || (*accountsPath == "" && !*readOnly) {
		fs.Usage()
		return errors.New("-rows is required, and -accounts unless -read-only is set")
	}
	marks, err := parseCheckpoints(*checkpoints)
	if err != nil {
		return err
	}
	start := time.Now()
	var ix *match.Index
	if !*readOnly {
		if ix, err = buildIndex(*accountsPath, stderr); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "indexed %d accounts in %s; heap in use %s\n", ix.Len(), time.Since(start).Round(time.Millisecond), mib(heapInuse()))
	}

	f, err := os.Open(*rowsPath)
	if err != nil {
		return err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return err
	}
	bar := progress.New(stderr, "matching", info.Size())
	var last exports.Progress
	opts := exports.Options{Name: *rowsPath, ProgressRows: 20_000, Progress: func(p exports.Progress) {
		last = p
		bar.Update(p.Bytes, p.Rows)
	}}
	records := exports.Read(bufio.NewReaderSize(f, 1<<20), opts)
	if *cpuProfile != "" {
		pf, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	counts := map[match.Decision]int{}
	rows, errs := 0, 0
	start = time.Now()
	fmt.Fprintf(stdout, "%10s %10s %10s %12s %12s %12s\n", "rows", "seconds", "rows/s", "HeapInuse", "VmRSS", "VmHWM")
	results := exports.MatchRecords(context.Background(), ix, records, exports.MatchOptions{Workers: *workers})
	if *readOnly {
		results = readOnlyResults(records)
	}
	for m, err := range results {
		if err != nil {
			errs++
			continue
		}
		rows++
		counts[m.Result.Decision]++
		if len(marks) > 0 && rows == marks[0] {
			marks = marks[1:]
			secs := time.Since(start).Seconds()
			rss, hwm := procMemory()
			fmt.Fprintf(stdout, "%10d %10.1f %10.0f %12s %12s %12s\n", rows, secs, float64(rows)/secs, mib(heapInuse()), rss, hwm)
		}
	}
	bar.Finish(last.Bytes, last.Rows)
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stdout, "total %d rows, %d errors in %.1f s (%.0f rows/s); decisions:", rows, errs, secs, float64(rows)/secs)
	for d := match.NoEvidence; d <= match.Match; d++ {
		fmt.Fprintf(stdout, " %s %d", d, counts[d])
	}
	fmt.Fprintln(stdout)
	return nil
}

func buildIndex(path string, stderr io.Writer) (*match.Index, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var accounts []match.Record
	for rec, err := range exports.Read(bufio.NewReader(f), exports.Options{Name: path}) {
		if err != nil {
			fmt.Fprintln(stderr, "skipped:", err)
			continue
		}
		accounts = append(accounts, rec.Account)
	}
	return match.NewIndex(accounts)
}

func parseCheckpoints(spec string) ([]int, error) {
	var marks []int
	for part := range strings.SplitSeq(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n <= 0 || (len(marks) > 0 && n <= marks[len(marks)-1]) {
			return nil, fmt.Errorf("invalid -checkpoints %q: want increasing positive row counts", spec)
		}
		marks = append(marks, n)
	}
	return marks, nil
}

func heapInuse() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// procMemory returns the resident set size and its peak from
// /proc/self/status, or "n/a" where that file does not exist.
func procMemory() (rss, peak string) {
	rss, peak = "n/a", "n/a"
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return rss, peak
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		switch key {
		case "VmRSS":
			rss = strings.TrimSpace(value)
		case "VmHWM":
			peak = strings.TrimSpace(value)
		}
	}
	return rss, peak
}

func mib(n uint64) string { return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20)) }

// readOnlyResults passes records through without matching.
func readOnlyResults(records iter.Seq2[exports.Record, error]) iter.Seq2[exports.Matched, error] {
	return func(yield func(exports.Matched, error) bool) {
		for rec, err := range records {
			if !yield(exports.Matched{Record: rec}, err) {
				return
			}
		}
	}
}
