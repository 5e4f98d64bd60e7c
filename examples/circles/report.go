package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"

	"github.com/accountkit/accountkit/exports"
	"github.com/accountkit/accountkit/match"
	"github.com/accountkit/accountkit/overlap"
)

// fileReport counts the outcomes of the rows of one export. Every row has
// one outcome, so Read = Matched + Unmatched + Rejected + Outside.
type fileReport struct {
	Path      string `json:"path"`
	Source    string `json:"source"`
	Read      int    `json:"read"`
	Matched   int    `json:"matched"`
	Unmatched int    `json:"unmatched"`
	Rejected  int    `json:"rejected"`
	// Outside counts the rows whose touch date lies outside the window of
	// -from and -to. It is 0 when no window is set.
	Outside int `json:"outside"`
	// Columns maps each role to the header used, or is absent for roles
	// the file has no column for.
	Columns map[string]string `json:"columns"`
	// Rows lists every row that was not matched: unmatched, rejected and
	// outside the window.
	Rows []rowOutcome `json:"unmatched_rows"`
}

// rowOutcome is one row that was not matched, with the reason.
type rowOutcome struct {
	Line    int    `json:"line"`
	ID      string `json:"id"`
	Name    string `json:"name"`
	Domain  string `json:"domain"`
	Date    string `json:"date,omitempty"`
	Outcome string `json:"outcome"`
	Reason  string `json:"reason"`
}

// circlesReport is the whole report: the overlap of the two teams' reach
// over the targets, and what became of every row.
type circlesReport struct {
	Targets     fileReport   `json:"targets"`
	Unmatchable []string     `json:"unmatchable_targets"`
	Duplicates  [][]string   `json:"duplicate_targets"`
	Files       []fileReport `json:"files"`
	// Window is the half-open interval [start, end) of counted touch
	// dates, or nil when -from and -to are not set.
	Window  *overlap.Window `json:"window,omitempty"`
	Overlap *overlap.Report `json:"overlap"`
	// Segments is the overlap per value of the -segment column of the
	// targets file, or nil without -segment.
	Segments    *overlap.SegmentReport `json:"segments,omitempty"`
	targetByID  map[string]match.Record
	linksByTeam map[string]map[string][]string // team -> account -> record IDs
}

var teams = []string{"marketing", "sales"}

// reportOptions contains the settings of buildReport beyond the input files.
type reportOptions struct {
	// window is the range of touch dates that count as reach. A zero window
	// counts every row and reads no dates.
	window overlap.Window
	// segment is the targets column to split the report by, or empty for
	// no split.
	segment string
}

func (o reportOptions) hasWindow() bool {
	return !o.window.Start.IsZero() || !o.window.End.IsZero()
}

// readInputs reads the targets file and the team exports in the order of
// inputs, and applies the window to the exports.
func readInputs(inputs []input, opts reportOptions) ([]*table, error) {
	tables := make([]*table, len(inputs))
	for i, in := range inputs {
		spec, err := parseColumnSpec(in.columns, in.source)
		if err != nil {
			return nil, fmt.Errorf("-%s-columns: %w", in.source, err)
		}
		rc, err := in.open()
		if err != nil {
			return nil, err
		}
		t, err := readTable(rc, in.path, in.source, spec)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if i > 0 && opts.hasWindow() {
			if err := t.applyWindow(opts.window); err != nil {
				return nil, err
			}
		}
		tables[i] = t
	}
	return tables, nil
}

func buildReport(ctx context.Context, inputs []input, opts reportOptions) (*circlesReport, error) {
	tables, err := readInputs(inputs, opts)
	if err != nil {
		return nil, err
	}
	targets := tables[0]
	accounts, pos := targets.records()
	firstLine := map[string]int{}
	for i, a := range accounts {
		line := targets.rows[pos[i]].line
		if first, ok := firstLine[a.ID]; ok {
			return nil, fmt.Errorf("%s: lines %d and %d share the account ID %q; target account IDs must be unique", targets.path, first, line, a.ID)
		}
		firstLine[a.ID] = line
	}
	if len(accounts) == 0 {
		return nil, fmt.Errorf("%s: every one of the %d rows was rejected, so there are no target accounts; first: %s",
			targets.path, len(targets.rows), targets.rows[0].rejected)
	}
	ix, err := match.NewIndex(accounts)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", targets.path, err)
	}
	rep := &circlesReport{
		Targets:     fileReport{Path: targets.path, Source: "targets", Read: len(targets.rows), Columns: columnNames(targets), Rows: []rowOutcome{}},
		Unmatchable: ix.Unmatchable(),
		Duplicates:  ix.Duplicates(),
		targetByID:  map[string]match.Record{},
		linksByTeam: map[string]map[string][]string{},
	}
	universe := make([]string, 0, len(accounts))
	for _, a := range accounts {
		universe = append(universe, a.ID)
		rep.targetByID[a.ID] = a
	}
	for _, r := range targets.rows {
		if r.rejected != "" {
			rep.Targets.Rejected++
			rep.Targets.Rows = append(rep.Targets.Rows, rowOutcome{Line: r.line, Outcome: "rejected", Reason: r.rejected})
		}
	}
	rep.Targets.Matched = rep.Targets.Read - rep.Targets.Rejected

	var sets []overlap.Set
	for _, t := range tables[1:] {
		fr, set, err := linkTable(ctx, ix, t)
		if err != nil {
			return nil, err
		}
		rep.Files = append(rep.Files, fr)
		sets = append(sets, set)
		links := map[string][]string{}
		for _, l := range set.Links {
			links[l.Account] = append(links[l.Account], l.Record)
		}
		rep.linksByTeam[t.source] = links
	}
	rep.Overlap, err = overlap.Compute(universe, sets...)
	if err != nil {
		return nil, err
	}
	if opts.hasWindow() {
		rep.Window = &opts.window
	}
	if opts.segment != "" {
		segmentOf, column, err := segmentValues(targets, opts.segment)
		if err != nil {
			return nil, err
		}
		rep.Segments, err = overlap.ComputeBySegment(universe, column, segmentOf, nil, sets...)
		if err != nil {
			return nil, err
		}
	}
	return rep, nil
}

func columnNames(t *table) map[string]string {
	out := map[string]string{}
	for role, i := range t.columns {
		if i >= 0 {
			out[role] = t.header[i]
		}
	}
	return out
}

// linkTable matches every row of t against the index and returns the
// counts, the rows that were not matched, and the team's set of links.
func linkTable(ctx context.Context, ix *match.Index, t *table) (fileReport, overlap.Set, error) {
	fr := fileReport{Path: t.path, Source: t.source, Read: len(t.rows), Columns: columnNames(t), Rows: []rowOutcome{}}
	set := overlap.Set{Name: t.source}
	recs, pos := t.records()
	lr, err := ix.Link(ctx, recs)
	if err != nil {
		return fr, set, err
	}
	outcomes := make([]*match.Linked, len(t.rows))
	for i := range lr.Records {
		outcomes[pos[i]] = &lr.Records[i]
	}
	seen := map[string]bool{}
	for i, r := range t.rows {
		l := outcomes[i]
		switch {
		case l == nil && r.outside != "":
			fr.Outside++
			fr.Rows = append(fr.Rows, rowOutcome{
				Line: r.line, ID: r.record.ID, Name: r.record.Name, Domain: r.record.Domain, Date: r.date,
				Outcome: outcomeOutside, Reason: r.outside,
			})
		case l == nil:
			fr.Rejected++
			fr.Rows = append(fr.Rows, rowOutcome{
				Line: r.line, ID: r.record.ID, Name: r.record.Name, Domain: r.record.Domain, Date: r.date,
				Outcome: "rejected", Reason: r.rejected,
			})
		case l.Outcome == match.Matched:
			fr.Matched++
			id := r.record.ID
			if seen[id] {
				// Two rows share an ID; keep both links apart.
				id = fmt.Sprintf("%s (line %d)", id, r.line)
			}
			seen[id] = true
			set.Links = append(set.Links, overlap.Link{Record: id, Account: l.Result.AccountID})
			// A duplicate target account is reached by the same row.
			for _, dup := range l.Result.Duplicates {
				set.Links = append(set.Links, overlap.Link{Record: id, Account: dup})
			}
		default:
			if l.Outcome == match.Rejected {
				fr.Rejected++
			} else {
				fr.Unmatched++
			}
			fr.Rows = append(fr.Rows, rowOutcome{
				Line: r.line, ID: r.record.ID, Name: r.record.Name, Domain: r.record.Domain,
				Outcome: l.Outcome.String(), Reason: l.Result.Reason,
			})
		}
	}
	return fr, set, nil
}

// region returns the report's region of accounts in exactly the named
// teams, or an empty region when no account is in it.
func (rep *circlesReport) region(names ...string) overlap.Region {
	return regionIn(rep.Overlap, names...)
}

// regionIn returns the region of r's accounts in exactly the named teams.
// It returns an empty region when r lists none, such as when no account is
// in it.
func regionIn(r *overlap.Report, names ...string) overlap.Region {
	if region, ok := r.Region(names...); ok {
		return region
	}
	return overlap.Region{Sets: names}
}

// regionRows names the four regions of the two-team report.
var regionRows = []struct {
	label, file string
	sets        []string
}{
	{"both", "both.csv", []string{"marketing", "sales"}},
	{"marketing only", "marketing_only.csv", []string{"marketing"}},
	{"sales only", "sales_only.csv", []string{"sales"}},
	{"neither", "neither.csv", nil},
}

func (rep *circlesReport) writeText(w io.Writer, maxUnmatched int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	universe := rep.Overlap.Universe.Size
	fmt.Fprintf(tw, "Circles report: %d target accounts from %s\n", universe, rep.Targets.Path)
	if rep.Window != nil {
		fmt.Fprintf(tw, "Counting only touches dated %s (from inclusive, to exclusive), read from %s\n", rep.Window, rep.dateColumns())
	}
	fmt.Fprintln(tw)
	fmt.Fprintf(tw, "REGION\tACCOUNTS\tOF TARGETS\tOF REACHED\n")
	for _, row := range regionRows {
		r := rep.region(row.sets...)
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", row.label, r.Count, percent(r.Count, universe), reachedShare(row.sets, r.Count, rep.Overlap.UnionSize))
	}

	fmt.Fprintf(tw, "\nMETRIC\tVALUE\tFRACTION\tFORMULA\n")
	for _, m := range rep.Overlap.Metrics {
		fmt.Fprintf(tw, "%s\t%s\t%g/%g\t%s\n", m.Key(), ratioText(m.Value), m.Value.Numerator, m.Value.Denominator, m.Formula)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if rep.Segments != nil {
		if err := rep.writeSegments(w); err != nil {
			return err
		}
	}

	if err := rep.writeFileCounts(w); err != nil {
		return err
	}
	if len(rep.Unmatchable) > 0 {
		fmt.Fprintf(w, "\n%s carry no usable name or domain, so nothing can reach them: %s\n",
			plural(len(rep.Unmatchable), "target account"), strings.Join(rep.Unmatchable, ", "))
	}
	if len(rep.Duplicates) > 0 {
		var groups []string
		for _, g := range rep.Duplicates {
			groups = append(groups, strings.Join(g, " = "))
		}
		fmt.Fprintf(w, "\n%s of target accounts carry the same name and domain, so a row that reaches one reaches all: %s\n",
			plural(len(rep.Duplicates), "group"), strings.Join(groups, "; "))
	}
	for _, s := range rep.Overlap.Sets {
		if len(s.MultipleRecords) > 0 {
			fmt.Fprintf(w, "\n%s holds several records for %s: %s\n", s.Name, plural(len(s.MultipleRecords), "account"), strings.Join(s.MultipleRecords, ", "))
		}
	}
	return rep.writeUnmatched(w, maxUnmatched)
}

// writeFileCounts writes the outcome counts of each file, with a column
// for the rows outside the window when one is set.
func (rep *circlesReport) writeFileCounts(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "\nFILE\tSOURCE\tREAD\tMATCHED\tUNMATCHED\tREJECTED")
	if rep.Window != nil {
		fmt.Fprintf(tw, "\tOUTSIDE WINDOW")
	}
	fmt.Fprintln(tw)
	for _, f := range append([]fileReport{rep.Targets}, rep.Files...) {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d", f.Path, f.Source, f.Read, f.Matched, f.Unmatched, f.Rejected)
		if rep.Window != nil {
			fmt.Fprintf(tw, "\t%d", f.Outside)
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "(targets: matched means the account entered the universe)")
	return err
}

// sourcedRow is a row outcome with the source of its file.
type sourcedRow struct {
	source string
	row    rowOutcome
}

// writeUnmatched lists the rows that were not matched: first the unmatched
// and rejected ones, then those outside the window. Each list shows at
// most maxUnmatched rows, or all when maxUnmatched is 0.
func (rep *circlesReport) writeUnmatched(w io.Writer, maxUnmatched int) error {
	var failed, outside []sourcedRow
	for _, f := range append([]fileReport{rep.Targets}, rep.Files...) {
		for _, r := range f.Rows {
			if r.Outcome == outcomeOutside {
				outside = append(outside, sourcedRow{f.Source, r})
			} else {
				failed = append(failed, sourcedRow{f.Source, r})
			}
		}
	}
	var err error
	switch {
	case len(failed) > 0:
		err = writeRowTable(w, fmt.Sprintf("Unmatched and rejected rows (%d):", len(failed)), failed, maxUnmatched)
	case rep.Window != nil:
		_, err = fmt.Fprintln(w, "\nEvery row inside the window matched a target account.")
	default:
		_, err = fmt.Fprintln(w, "\nEvery row matched a target account.")
	}
	if err != nil || len(outside) == 0 {
		return err
	}
	return writeRowTable(w, fmt.Sprintf("Rows outside the window (%d):", len(outside)), outside, maxUnmatched)
}

// writeRowTable writes title and a table of at most maxUnmatched rows, or
// of all rows when maxUnmatched is 0.
func writeRowTable(w io.Writer, title string, rows []sourcedRow, maxUnmatched int) error {
	fmt.Fprintf(w, "\n%s\n", title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "SOURCE\tLINE\tOUTCOME\tNAME\tDOMAIN\tREASON\n")
	for i, r := range rows {
		if maxUnmatched > 0 && i == maxUnmatched {
			tw.Flush()
			_, err := fmt.Fprintf(w, "… and %d more; -max-unmatched 0 lists all\n", len(rows)-i)
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", r.source, r.row.Line, r.row.Outcome,
			clip(r.row.Name, 40), clip(r.row.Domain, 40), clip(r.row.Reason, 1000))
	}
	return tw.Flush()
}

// clip shortens s to n runes for a table cell, and turns tabs, line breaks
// and other control characters into spaces, so that a value cannot break
// the table or send terminal escape codes.
func clip(s string, n int) string {
	s = printable(s)
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// printable replaces tabs, line breaks and other control characters with
// spaces.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// ratioText formats a ratio's value with four decimals, or "undefined"
// when its denominator is 0.
func ratioText(r overlap.Ratio) string {
	if v, ok := r.Value(); ok {
		return strconv.FormatFloat(v, 'f', 4, 64)
	}
	return "undefined"
}

// plural writes n and noun, adding "s" to the noun unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func percent(n, of int) string {
	if of == 0 {
		return "undefined"
	}
	return strconv.FormatFloat(100*float64(n)/float64(of), 'f', 1, 64) + "%"
}

// reachedShare formats a region's share of the reached accounts, which
// does not apply to the region that neither team reached.
func reachedShare(sets []string, count, union int) string {
	if len(sets) == 0 {
		return "n/a"
	}
	return percent(count, union)
}

func (rep *circlesReport) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// diagramTitle is the title of the Venn diagram and the UpSet plot.
const diagramTitle = "Target accounts reached by marketing and sales"

func (rep *circlesReport) writeSVG(w io.Writer) error {
	return overlap.WriteVennSVG(w, rep.Overlap, overlap.SVGOptions{Title: diagramTitle})
}

func (rep *circlesReport) writeUpSet(w io.Writer) error {
	return overlap.WriteUpSetSVG(w, rep.Overlap, overlap.SVGOptions{Title: diagramTitle})
}

// dateColumns returns the date column of each team export as a phrase,
// such as `marketing column "Last Activity Date"`.
func (rep *circlesReport) dateColumns() string {
	var parts []string
	for _, f := range rep.Files {
		parts = append(parts, fmt.Sprintf("%s column %q", f.Source, f.Columns[roleDate]))
	}
	return strings.Join(parts, " and ")
}

// writeRegions writes one CSV per region with each account's ID, name and
// domain, and the records of each team that reached it.
func (rep *circlesReport) writeRegions(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, row := range regionRows {
		path := filepath.Join(dir, row.file)
		r := rep.region(row.sets...)
		err := writeFile(path, func(w io.Writer) error {
			cw := csv.NewWriter(w)
			cw.Write([]string{"account_id", "account_name", "website", "marketing_records", "sales_records"})
			for _, id := range r.Members {
				a := rep.targetByID[id]
				cw.Write([]string{
					exports.EscapeFormula(id), exports.EscapeFormula(a.Name), exports.EscapeFormula(a.Domain),
					exports.EscapeFormula(strings.Join(rep.linksByTeam["marketing"][id], " ")),
					exports.EscapeFormula(strings.Join(rep.linksByTeam["sales"][id], " ")),
				})
			}
			cw.Flush()
			return cw.Error()
		})
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}
