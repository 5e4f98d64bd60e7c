// Command loadgen sends POST /match requests to a lead router on the
// loopback interface for a fixed time and prints the request rate, the
// latency percentiles and the errors. It refuses any target that is not
// a loopback address, and stops after -duration.
//
// Leads come from an account export (the rows file of gendata, say): each
// request carries one row's company name and website, so that most
// requests do a full match.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/accountkit/accountkit/exports"
)

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

type config struct {
	target      string
	leads       string
	maxLeads    int
	duration    time.Duration
	concurrency int
}

func run(args []string, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: loadgen -leads FILE [flags]\n\nSends POST /match requests to a lead router on loopback for -duration and prints rate and latency.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	fs.StringVar(&c.target, "url", "http://127.0.0.1:8080/match", "match endpoint `URL`; the host must be a loopback address")
	fs.StringVar(&c.leads, "leads", "", "export `file` whose rows become leads (required)")
	fs.IntVar(&c.maxLeads, "max-leads", 100_000, "maximum `number` of rows to read from -leads")
	fs.DurationVar(&c.duration, "duration", 30*time.Second, "how long to send requests (`duration`), at most 10m")
	fs.IntVar(&c.concurrency, "concurrency", 32, "`number` of requests in flight")
	if err := fs.Parse(args); err != nil {
		return err
	}

	if c.leads == "" {
		return errors.New("-leads is required")
	}
	if c.duration <= 0 || c.duration > 10*time.Minute {
		return fmt.Errorf("-duration %s: use a positive duration up to 10m", c.duration)
	}
	if c.concurrency < 1 || c.concurrency > 1024 {
		return fmt.Errorf("-concurrency %d: use 1 to 1024", c.concurrency)
	}
	if err := checkLoopback(c.target); err != nil {
		return err
	}

	bodies, err := loadBodies(c.leads, c.maxLeads)
	if err != nil {
		return err
	}
	res := hammer(c, bodies)
	res.print(stdout, c)
	if res.errors > 0 {
		return fmt.Errorf("%d requests failed; first error: %s", res.errors, res.firstError)
	}
	return nil
}

// checkLoopback rejects a URL whose host is not a loopback IP address, so
// the generator can only load this machine.
func checkLoopback(target string) error {
	u, err := url.Parse(target)
	if err != nil {
		return fmt.Errorf("-url %q: %w", target, err)
	}
	if u.Scheme != "http" {
		return fmt.Errorf("-url %q: only http is supported", target)
	}
	ip := net.ParseIP(u.Hostname())
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-url %q: the host must be a loopback IP address such as 127.0.0.1", target)
	}
	return nil
}

func loadBodies(path string, maxLeads int) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var bodies [][]byte
	for rec, err := range exports.Read(bufio.NewReader(f), exports.Options{Name: path}) {
		if err != nil {
			return nil, err
		}
		body, err := json.Marshal(map[string]string{
			"id":      rec.Account.ID,
			"company": rec.Account.Name,
			"website": rec.Get(exports.FieldWebsite),
			"country": rec.Get(exports.FieldCountry),
		})
		if err != nil {
			return nil, err
		}
		bodies = append(bodies, body)
		if len(bodies) == maxLeads {
			break
		}
	}
	if len(bodies) == 0 {
		return nil, fmt.Errorf("%s: no leads read", path)
	}
	return bodies, nil
}

type result struct {
	latencies  []time.Duration
	errors     int
	firstError string
	elapsed    time.Duration
}

func hammer(c config, bodies [][]byte) result {
	transport := &http.Transport{MaxIdleConnsPerHost: c.concurrency, MaxConnsPerHost: c.concurrency, DisableCompression: true}
	client := &http.Client{Transport: transport, Timeout: 10 * time.Second}
	defer transport.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), c.duration)
	defer cancel()

	var mu sync.Mutex
	var total result
	var wg sync.WaitGroup
	start := time.Now()
	for w := range c.concurrency {
		wg.Go(func() {
			var local result
			local.latencies = make([]time.Duration, 0, 1<<16)
			for i := w; ctx.Err() == nil; i += c.concurrency {
				body := bodies[i%len(bodies)]
				t0 := time.Now()
				err := send(ctx, client, c.target, body)
				if ctx.Err() != nil {
					break // The run ended during this request, which is not counted.
				}
				if err != nil {
					local.errors++
					if local.firstError == "" {
						local.firstError = err.Error()
					}
					continue
				}
				local.latencies = append(local.latencies, time.Since(t0))
			}
			mu.Lock()
			total.latencies = append(total.latencies, local.latencies...)
			total.errors += local.errors
			if total.firstError == "" {
				total.firstError = local.firstError
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	total.elapsed = time.Since(start)
	return total
}

func send(ctx context.Context, client *http.Client, target string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func (r result) print(w io.Writer, c config) {
	slices.Sort(r.latencies)
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
	}
	ok := len(r.latencies)
	fmt.Fprintf(w, "target %s, %d connections, %s\n", c.target, c.concurrency, r.elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "requests %d ok, %d errors, %.0f requests/s\n", ok, r.errors, float64(ok)/r.elapsed.Seconds())
	fmt.Fprintf(w, "latency p50 %s, p90 %s, p99 %s, p99.9 %s, max %s\n",
		pct(0.50).Round(time.Microsecond), pct(0.90).Round(time.Microsecond), pct(0.99).Round(time.Microsecond), pct(0.999).Round(time.Microsecond), pct(1).Round(time.Microsecond))
}
