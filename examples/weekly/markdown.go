package main

import (
	"fmt"
	"io"
	"strings"
)

// mdWriter writes Markdown and keeps the first write error.
type mdWriter struct {
	w   io.Writer
	err error
}

func (m *mdWriter) printf(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

// table writes a Markdown table. Cells are escaped, so text from the input
// files cannot break the table or add markup.
func (m *mdWriter) table(header []string, rows [][]string) {
	m.printf("| %s |\n", strings.Join(escapeCells(header), " | "))
	m.printf("|%s\n", strings.Repeat(" --- |", len(header)))
	for _, row := range rows {
		m.printf("| %s |\n", strings.Join(escapeCells(row), " | "))
	}
	m.printf("\n")
}

// markdownEscaper backslash-escapes the characters that would end a table
// cell or start emphasis, code, a link or HTML, and flattens line breaks.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`,
	"\r\n", " ", "\n", " ", "\r", " ",
)

func escapeCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = markdownEscaper.Replace(c)
	}
	return out
}

func escapeText(s string) string { return markdownEscaper.Replace(s) }

// writeMarkdown writes the report for a shared document or a chat.
func writeMarkdown(w io.Writer, r *Report) error {
	m := &mdWriter{w: w}
	s := r.Settings
	m.printf("# Weekly review %s (%s)\n\n", r.Week, weekRange(r.Window))
	m.printf("As of %s %s. %d target accounts, %d touches on them. A team reached an account when it touched it in the %d days before that week's end; the quarter is the last %d weeks.\n\n",
		r.Window.End.Format("2006-01-02 15:04"), s.Zone, r.Inputs.Targets, r.Inputs.Touches, s.ReachDays, s.QuarterWeeks)
	for _, note := range notes(r) {
		m.printf("- %s\n", escapeText(note))
	}
	if len(notes(r)) > 0 {
		m.printf("\n")
	}

	m.printf("## How the circles moved\n\n")
	var rows [][]string
	for _, row := range circlesRows(r) {
		rows = append(rows, []string{row.Label, row.ThisWeek, row.LastWeek, row.Change, row.QuarterStart, row.Trend})
	}
	m.table([]string{"", "this week", "last week", "change", fmt.Sprint(s.QuarterWeeks-1) + " weeks ago", "weekly trend"}, rows)
	m.printf("Lift is the overlap over its expected size if the teams picked accounts independently, so 1 means chance.\n\n")

	m.printf("## Accounts that changed region this week\n\n")
	if len(r.Changes) == 0 {
		m.printf("None.\n\n")
	} else {
		rows = nil
		for _, c := range r.Changes {
			rows = append(rows, []string{c.Change, c.Account, c.Name, c.From, c.To})
		}
		m.table([]string{"change", "account", "name", "from", "to"}, rows)
	}

	m.printf("## Handoff queue\n\n")
	m.printf("Accounts marketing engaged (marketing score of at least %g) that sales has not touched within %s, oldest first.\n\n", s.EngagementScore, slaText(s.SLAHours))
	if len(r.HandoffQueue) == 0 {
		m.printf("None.\n\n")
	} else {
		rows = nil
		for _, q := range r.HandoffQueue {
			rows = append(rows, []string{q.Account, q.Name, day(q.EngagedAt), hours(q.WaitedHours), touchText(q.Qualifying),
				fmt.Sprintf("%g over %d touches", q.Score, q.MarketingTouches), lastTouchText(q.LastSales)})
		}
		m.table([]string{"account", "name", "engaged", "waiting", "qualifying engagement", "score", "last sales touch before"}, rows)
	}

	m.printf("## Sales works these, marketing never reached them\n\n")
	m.printf("Accounts sales touched in the last %d days that marketing has never touched, with the campaign that has the most pipeline credit in their segment.\n\n", s.ReachDays)
	if len(r.SalesOnly) == 0 {
		m.printf("None.\n\n")
	} else {
		rows = nil
		for _, a := range r.SalesOnly {
			campaign, reason := suggestionText(a.Suggestion)
			rows = append(rows, []string{a.Account, a.Name, a.Segment, lastTouchText(a.LastSales), campaign, reason})
		}
		m.table([]string{"account", "name", "segment", "last sales touch", "marketing could run", "because"}, rows)
	}

	m.printf("## Nobody reached these this quarter\n\n")
	if len(r.Unreached) == 0 {
		m.printf("None.\n\n")
	} else {
		m.printf("%d of %d target accounts had no touch from either team in the last %d weeks.\n\n", len(r.Unreached), r.Inputs.Targets, s.QuarterWeeks)
		rows = nil
		for _, a := range r.Unreached {
			rows = append(rows, []string{a.Account, a.Name, a.Segment, lastTouchText(a.LastMarketing), lastTouchText(a.LastSales)})
		}
		m.table([]string{"account", "name", "segment", "last marketing touch", "last sales touch"}, rows)
	}

	writeSharedMetrics(m, r)
	return m.err
}

func writeSharedMetrics(m *mdWriter, r *Report) {
	s := r.Settings
	m.printf("## Shared metrics\n\n")
	m.printf("### Pipeline sourced and influenced\n\n")
	m.printf("Value (number) of opportunities created in each window. Sourced goes to the team with the first touch in the %d days before the opportunity, and influenced counts every opportunity a team touched in them, so both teams can claim one.\n\n", s.LookbackDays)
	var rows [][]string
	for _, p := range pipelineRows(r.Pipeline) {
		rows = append(rows, []string{p.Team, p.QuarterSourced, p.QuarterInfluenced, p.ThisWeekSourced, p.ThisWeekInfluenced, p.LastWeekSourced, p.LastWeekInfluenced})
	}
	m.table([]string{"", "quarter sourced", "quarter influenced", "this week sourced", "this week influenced", "last week sourced", "last week influenced"}, rows)

	m.printf("### Handoff latency\n\n")
	m.printf("Handoffs made in each week: the first sales touch after marketing engagement, against an SLA of %s.\n\n", slaText(s.SLAHours))
	rows = nil
	for _, h := range handoffRows(r.Handoff) {
		rows = append(rows, []string{h.Label, h.ThisWeek, h.LastWeek, h.Change})
	}
	m.table([]string{"", "this week", "last week", "change"}, rows)
	values, defined := latencySeries(r.Handoff.Series)
	m.printf("Median latency by week over the quarter: %s\n", sparkline(values, defined))
}

// latencySeries returns the weekly median latency in hours.
func latencySeries(series []HandoffWeek) ([]float64, []bool) {
	values, defined := make([]float64, len(series)), make([]bool, len(series))
	for i, w := range series {
		if w.MedianLatencyHours != nil {
			values[i], defined[i] = *w.MedianLatencyHours, true
		}
	}
	return values, defined
}
