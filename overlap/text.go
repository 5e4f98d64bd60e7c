package overlap

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode"
)

// TextMemberLimit is the number of members WriteText prints per region or
// list before it prints how many more there are. JSON output always carries
// every member.
const TextMemberLimit = 10

// WriteText writes the report as aligned text tables: universe, sets,
// regions and metrics. Undefined ratios print as "undefined" and "n/a".
func (r *Report) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := &textPrinter{w: tw}
	p.line("Universe:\t%s\t(%s%s)", countNoun(r.Universe.Size, "account", "accounts"),
		countNoun(r.Universe.Duplicates, "duplicate entry", "duplicate entries"), fromUnionNote(r.Universe.FromUnion))
	p.line("Union:\t%s", countNoun(r.UnionSize, "account", "accounts"))
	if r.Weights != nil {
		p.line("Weight:\t%s in the universe\t(%s without a weight, counted as 0)", formatNumber(r.Weights.Universe),
			countNoun(r.Weights.Missing, "account", "accounts"))
	}
	if len(r.Rules) > 0 {
		p.line("")
		p.line("SET\tREACHED WHEN")
		for _, rule := range r.Rules {
			p.line("%s\t%s", rule.Set, rule.Rule)
		}
	}

	p.line("")
	p.line("SET\tSIZE\tCOVERAGE\tDUPLICATES\tOUTSIDE UNIVERSE\tMULTIPLE RECORDS")
	for _, s := range r.Sets {
		coverage, _ := r.Metric(MetricCoverage, s.Name)
		p.line("%s\t%d\t%s\t%d\t%s\t%s", s.Name, s.Size, coverage.Value.Percent(), s.Duplicates,
			countedList(s.Outside), countedList(s.MultipleRecords))
	}

	p.line("")
	header := "REGION\tCOUNT\tOF UNIVERSE\tOF UNION"
	if r.Weights != nil {
		header += "\tWEIGHT"
	}
	p.line("%s\tMEMBERS", header)
	for _, region := range r.Regions {
		row := fmt.Sprintf("%s\t%d\t%s\t%s", region.Label(), region.Count, region.ShareOfUniverse.Percent(), region.ShareOfUnion.Percent())
		if r.Weights != nil {
			row += "\t" + formatNumber(*region.Weight)
		}
		p.line("%s\t%s", row, r.memberText(region.Members))
	}

	p.line("")
	p.line("METRIC\tVALUE\tFRACTION\tFORMULA")
	for _, m := range r.Metrics {
		value := "undefined"
		if v, ok := m.Value.Value(); ok {
			value = strconv.FormatFloat(v, 'f', 4, 64)
		}
		p.line("%s\t%s\t%s/%s\t%s", m.Key(), value, formatNumber(m.Value.Numerator), formatNumber(m.Value.Denominator), m.Formula)
	}
	if p.err != nil {
		return p.err
	}
	return tw.Flush()
}

func fromUnionNote(fromUnion bool) string {
	if fromUnion {
		return ", taken from the union of the sets"
	}
	return ""
}

// memberText lists up to TextMemberLimit members. An account with source
// records prints as "a1 [sales: b7 b8]".
func (r *Report) memberText(members []string) string {
	var b strings.Builder
	for i, id := range members {
		if i == TextMemberLimit {
			fmt.Fprintf(&b, " … and %d more", len(members)-i)
			break
		}
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(cleanText(id))
		var notes []string
		for _, s := range r.Sets {
			if recs := r.Records(s.Name, id); recs != nil {
				notes = append(notes, s.Name+": "+cleanText(strings.Join(recs, " ")))
			}
		}
		if notes != nil {
			b.WriteString(" [" + strings.Join(notes, "; ") + "]")
		}
	}
	return b.String()
}

func countedList(ids []string) string {
	if len(ids) == 0 {
		return "0"
	}
	return fmt.Sprintf("%d (%s)", len(ids), shortList(ids))
}

// shortList joins up to TextMemberLimit IDs with spaces and appends the
// number of IDs left out.
func shortList(ids []string) string {
	if len(ids) <= TextMemberLimit {
		return cleanText(strings.Join(ids, " "))
	}
	return fmt.Sprintf("%s … and %d more", cleanText(strings.Join(ids[:TextMemberLimit], " ")), len(ids)-TextMemberLimit)
}

// cleanText replaces control characters, tabs and line breaks included, with
// U+FFFD, because they would break the table layout.
func cleanText(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// textPrinter writes lines and keeps the first error, so table code need
// not check every write.
type textPrinter struct {
	w   io.Writer
	err error
}

func (p *textPrinter) line(format string, args ...any) {
	if p.err != nil {
		return
	}
	_, p.err = fmt.Fprintf(p.w, format+"\n", args...)
}
