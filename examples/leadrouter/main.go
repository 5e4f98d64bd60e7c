// Command leadrouter is an HTTP service that routes leads to accounts.
// It loads an account export, indexes it with package match, and returns
// for each POST /match the account a lead belongs to, the decision and
// the reasons for it. POST /match/batch does the same for many leads.
// GET /healthz reports that the process is up, and GET /readyz that the
// accounts are loaded.
//
// With no flags it loads an embedded sample of 120 accounts, built from
// real company names, and listens on 127.0.0.1:8080. With -accounts it
// loads a CSV or JSON Lines export of Salesforce, HubSpot, Marketo or
// LinkedIn (see package exports), detecting the format from the header.
//
// It stops on SIGTERM or SIGINT: it stops accepting connections, lets
// requests in progress finish for up to -shutdown-timeout, and exits.
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/accountkit/accountkit/exports"
)

// sampleAccounts contains the Account ID, Account Name and Website columns of
// examples/circles/sample/targets.csv, real company names whose sources
// examples/circles/sample/README.md lists.
//
//go:embed sample_accounts.csv
var sampleAccounts []byte

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stderr, nil)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "leadrouter:", err)
		os.Exit(1)
	}
}

type config struct {
	addr            string
	accounts        string
	format          exports.Format
	encoding        exports.Encoding
	columns         map[exports.Field]string
	maxBodyBytes    int64
	maxBatch        int
	readTimeout     time.Duration
	writeTimeout    time.Duration
	idleTimeout     time.Duration
	shutdownTimeout time.Duration
	logFormat       string
	logLevel        slog.Level
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	c := config{}
	fs := flag.NewFlagSet("leadrouter", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), `Usage: leadrouter [flags]

Serves lead-to-account matching over HTTP:

  POST /match        one lead as JSON: {"email", "company", "website", "country"}
  POST /match/batch  {"leads": [...]}, at most -max-batch leads
  GET  /healthz      200 while the process runs
  GET  /readyz       200 once the accounts are loaded, 503 before

POST requests need "Content-Type: application/json".

With no flags it loads an embedded sample of accounts and listens on
127.0.0.1:8080.

Flags:
`)
		fs.PrintDefaults()
	}
	var format, encoding, columns, logLevel string
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "`host:port` to listen on")
	fs.StringVar(&c.accounts, "accounts", "", "account export `file`, CSV or JSON Lines (.jsonl); default: the embedded sample")
	fs.StringVar(&format, "format", "auto", "export `format` of -accounts: auto or one of "+formatList())
	fs.StringVar(&encoding, "encoding", "auto", "character `encoding` of -accounts: auto, utf-8, utf-16le, utf-16be or windows-1252")
	fs.StringVar(&columns, "columns", "", "column `mapping` for -accounts, such as \"id=Account ID,name=Account Name,website=Website,country=Billing Country\"")
	fs.Int64Var(&c.maxBodyBytes, "max-body", 1<<20, "maximum request body size in `bytes`; larger requests get 413")
	fs.IntVar(&c.maxBatch, "max-batch", 1000, "maximum `number` of leads in one batch request")
	fs.DurationVar(&c.readTimeout, "read-timeout", 10*time.Second, "maximum `duration` to read a request, body included")
	fs.DurationVar(&c.writeTimeout, "write-timeout", 30*time.Second, "maximum `duration` from the end of the request headers to the end of the response")
	fs.DurationVar(&c.idleTimeout, "idle-timeout", 60*time.Second, "how long an idle keep-alive connection stays open (`duration`)")
	fs.DurationVar(&c.shutdownTimeout, "shutdown-timeout", 10*time.Second, "how long requests in progress may run after SIGTERM (`duration`)")
	fs.StringVar(&c.logFormat, "log-format", "text", "log `format` on stderr: text or json")
	fs.StringVar(&logLevel, "log-level", "info", "minimum log `level`: debug, info, warn or error; debug logs every request")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected argument %q; all options are flags (see -h)", fs.Arg(0))
	}
	var err error
	if c.format, err = exports.ParseFormat(format); err != nil {
		return c, fmt.Errorf("-format: %w", err)
	}
	if c.encoding, err = exports.ParseEncoding(encoding); err != nil {
		return c, fmt.Errorf("-encoding: %w", err)
	}
	if c.columns, err = exports.ParseColumnMap(columns); err != nil {
		return c, fmt.Errorf("-columns: %w", err)
	}
	if err := c.logLevel.UnmarshalText([]byte(logLevel)); err != nil {
		return c, fmt.Errorf("-log-level: invalid level %q; use debug, info, warn or error", logLevel)
	}
	if c.logFormat != "text" && c.logFormat != "json" {
		return c, fmt.Errorf("-log-format: invalid format %q; use text or json", c.logFormat)
	}
	if c.maxBodyBytes < 1024 {
		return c, fmt.Errorf("-max-body: %d bytes is too small; use at least 1024", c.maxBodyBytes)
	}
	if c.maxBatch < 1 {
		return c, fmt.Errorf("-max-batch: %d must be at least 1", c.maxBatch)
	}
	for name, d := range map[string]time.Duration{"-read-timeout": c.readTimeout, "-write-timeout": c.writeTimeout, "-idle-timeout": c.idleTimeout, "-shutdown-timeout": c.shutdownTimeout} {
		if d <= 0 {
			return c, fmt.Errorf("%s: %s must be positive", name, d)
		}
	}
	return c, nil
}

func formatList() string {
	var names []string
	for _, f := range exports.Formats() {
		if !f.Activity() {
			names = append(names, f.String())
		}
	}
	return fmt.Sprint(names)
}

func newLogger(c config, stderr io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.logLevel}
	if c.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(stderr, opts))
	}
	return slog.New(slog.NewTextHandler(stderr, opts))
}
