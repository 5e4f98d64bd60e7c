package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/accountkit/accountkit/examples/leadrouter/internal/progress"
	"github.com/accountkit/accountkit/exports"
	"github.com/accountkit/accountkit/match"
)

// maxFieldBytes limits each text field of a lead. Real names, addresses
// and URLs are far shorter, and the limit bounds the cost of matching.
const maxFieldBytes = 1024

// lead is one lead in a request.
type lead struct {
	// ID is echoed in the result, so batch callers can pair results.
	ID      string `json:"id,omitempty"`
	Email   string `json:"email,omitempty"`
	Company string `json:"company,omitempty"`
	Website string `json:"website,omitempty"`
	Country string `json:"country,omitempty"`
}

func (l *lead) validate() error {
	fields := []struct{ name, value string }{{"id", l.ID}, {"email", l.Email}, {"company", l.Company}, {"website", l.Website}, {"country", l.Country}}
	for _, f := range fields {
		if len(f.value) > maxFieldBytes {
			return fmt.Errorf("field %s is %d bytes long; the maximum is %d", f.name, len(f.value), maxFieldBytes)
		}
	}
	if strings.TrimSpace(l.Email+l.Company+l.Website) == "" {
		return fmt.Errorf("the lead needs at least one of email, company or website")
	}
	return nil
}

// accountInfo is an account as the response shows it.
type accountInfo struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Website string `json:"website,omitempty"`
	Country string `json:"country,omitempty"`
}

type candidateInfo struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Decision string  `json:"decision"`
	Score    float64 `json:"score"`
}

// routeResult is the response for one lead.
type routeResult struct {
	ID string `json:"id,omitempty"`
	// Decision is match, possible, ambiguous, non-match or no-evidence.
	Decision string `json:"decision,omitempty"`
	// Account is the matched account, or null.
	Account *accountInfo `json:"account"`
	// Score is the best candidate's match probability, 0 without one.
	Score      float64         `json:"score"`
	Reasons    []string        `json:"reasons,omitempty"`
	Candidates []candidateInfo `json:"candidates,omitempty"`
	// Error is set instead of the other fields for an invalid lead of a
	// batch.
	Error string `json:"error,omitempty"`
}

// accountIndex is the loaded accounts with their match index.
type accountIndex struct {
	ix       *match.Index
	accounts map[string]accountInfo
	source   string
	// records are the accounts in file order while loading, and nil
	// once ix is built.
	records []match.Record
}

func (idx *accountIndex) route(l lead) routeResult {
	rec := match.Record{ID: l.ID, Source: "lead", Name: l.Company, Domain: l.Website, Country: l.Country}
	domainFrom := "the website"
	if strings.TrimSpace(rec.Domain) == "" {
		rec.Domain = l.Email
		domainFrom = "the email address"
	}
	res := idx.ix.Match(rec)
	out := routeResult{ID: l.ID, Decision: res.Decision.String()}
	if res.Decision == match.Match {
		acct := idx.accounts[res.AccountID]
		out.Account = &acct
	} else {
		for _, c := range res.Candidates {
			out.Candidates = append(out.Candidates, candidateInfo{ID: c.AccountID, Name: c.AccountName, Decision: c.Comparison.Decision.String(), Score: c.Comparison.Score})
		}
	}
	if len(res.Candidates) > 0 {
		out.Score = res.Candidates[0].Comparison.Score
	}
	out.Reasons = reasons(res, l, out.Account, domainFrom)
	return out
}

// reasons explains a result: the index's reason, each field of the best
// comparison (the country among them, which the matcher resolves from
// codes or names such as "US", "USA" and "United States") and where the
// domain came from.
func reasons(res match.Result, l lead, acct *accountInfo, domainFrom string) []string {
	list := []string{res.Reason}
	if len(res.Candidates) > 0 {
		for _, f := range res.Candidates[0].Comparison.Fields {
			list = append(list, fmt.Sprintf("%s %s (weight %+.1f): %s", f.Field, f.Level, f.Weight, f.Detail))
		}
	}
	switch {
	case strings.TrimSpace(l.Website+l.Email) == "":
		list = append(list, "the lead has no website or email, so only the company name was compared")
	default:
		list = append(list, "the lead's domain was taken from "+domainFrom)
	}
	if len(res.Duplicates) > 0 {
		list = append(list, fmt.Sprintf("accounts %s carry the same evidence as the matched one", strings.Join(res.Duplicates, ", ")))
	}
	return list
}

// load reads the accounts, builds the index and publishes it. Rows that
// fail to read are logged and skipped. An unreadable file or a header that
// fits no export is an error.
func (rt *router) load(ctx context.Context, stderr io.Writer) error {
	start := time.Now()
	name := accountsName(rt.cfg)
	r, size, closeFile, err := openAccounts(rt.cfg.accounts)
	if err != nil {
		return err
	}
	defer closeFile()

	idx, skipped, err := rt.readAccounts(ctx, r, size, name, stderr)
	if err != nil {
		return err
	}
	if skipped > 10 {
		rt.log.Warn("skipped account rows", "accounts", name, "count", skipped)
	}
	if len(idx.records) == 0 {
		return fmt.Errorf("%s: no accounts were read", name)
	}

	ix, err := match.NewIndex(idx.records)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	idx.ix = ix
	idx.records = nil
	rt.index.Store(idx)
	rt.log.Info("ready", "accounts", ix.Len(), "source", name, "skipped_rows", skipped, "load_time", time.Since(start).Round(time.Millisecond))
	return nil
}

// openAccounts opens the account file, or the embedded sample when path
// is empty, and returns its size for the progress bar.
func openAccounts(path string) (r io.Reader, size int64, closeFile func(), err error) {
	if path == "" {
		return bytes.NewReader(sampleAccounts), int64(len(sampleAccounts)), func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, nil, err
	}
	if info, err := f.Stat(); err == nil {
		size = info.Size()
	}
	return bufio.NewReaderSize(f, 1<<20), size, func() { f.Close() }, nil
}

// readAccounts reads the account rows, logging the first ten rows it
// skips, and returns the accounts with the number of skipped rows.
func (rt *router) readAccounts(ctx context.Context, r io.Reader, size int64, name string, stderr io.Writer) (*accountIndex, int, error) {
	bar := progress.New(stderr, "loading accounts", size)
	var last exports.Progress
	opts := exports.Options{
		Format:   rt.cfg.format,
		Encoding: rt.cfg.encoding,
		Columns:  rt.cfg.columns,
		Name:     name,
		Progress: func(p exports.Progress) {
			last = p
			bar.Update(p.Bytes, p.Rows)
		},
	}
	read := exports.Read
	if strings.HasSuffix(strings.ToLower(rt.cfg.accounts), ".jsonl") {
		read = exports.ReadJSONLines
	}

	idx := &accountIndex{accounts: map[string]accountInfo{}, source: name}
	skipped := 0
	for rec, err := range read(r, opts) {
		if ctx.Err() != nil {
			return nil, skipped, ctx.Err()
		}
		if err != nil {
			var rowErr *exports.Error
			if !errors.As(err, &rowErr) || rowErr.Fatal() {
				return nil, skipped, err
			}
			skipped++
			if skipped <= 10 {
				rt.log.Warn("skipped an account row", "err", err)
			}
			continue
		}
		if _, dup := idx.accounts[rec.Account.ID]; dup {
			skipped++
			if skipped <= 10 {
				rt.log.Warn("skipped an account row with a repeated ID", "accounts", name, "line", rec.Line, "id", rec.Account.ID)
			}
			continue
		}
		account := rec.Account
		account.Country = rec.Get(exports.FieldCountry)
		idx.records = append(idx.records, account)
		idx.accounts[rec.Account.ID] = accountInfo{ID: rec.Account.ID, Name: rec.Account.Name, Website: rec.Get(exports.FieldWebsite), Country: rec.Get(exports.FieldCountry)}
	}
	bar.Finish(last.Bytes, last.Rows)
	return idx, skipped, nil
}
