package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/accountkit/accountkit/journey"
	"github.com/accountkit/accountkit/overlap"
)

// Rows and text shared by the Markdown and HTML output, so both print the
// same words.

// circlesRow is one row of the circles table: a figure this week, last
// week and at the start of the quarter, with its weekly series.
type circlesRow struct {
	Label                string
	ThisWeek, LastWeek   string
	Change, QuarterStart string
	Trend                string
}

func circlesRows(r *Report) []circlesRow {
	series := r.Circles.Series
	count := func(label string, get func(CirclesPoint) int) circlesRow {
		values, defined := make([]float64, len(series)), make([]bool, len(series))
		for i, p := range series {
			values[i], defined[i] = float64(get(p)), true
		}
		this, last := get(series[len(series)-1]), get(series[len(series)-2])
		return circlesRow{
			Label: label, ThisWeek: strconv.Itoa(this), LastWeek: strconv.Itoa(last),
			Change: signed(float64(this-last), 0), QuarterStart: strconv.Itoa(get(series[0])),
			Trend: sparkline(values, defined),
		}
	}
	ratio := func(label string, get func(CirclesPoint) overlap.Ratio) circlesRow {
		values, defined := ratioSeries(series, get)
		this, last := get(series[len(series)-1]), get(series[len(series)-2])
		change := "n/a"
		if a, ok := this.Value(); ok {
			if b, ok := last.Value(); ok {
				change = signed(a-b, 3)
			}
		}
		return circlesRow{
			Label: label, ThisWeek: ratioText(this), LastWeek: ratioText(last),
			Change: change, QuarterStart: ratioText(get(series[0])),
			Trend: sparkline(values, defined),
		}
	}
	return []circlesRow{
		count("reached by marketing", func(p CirclesPoint) int { return p.Marketing }),
		count("reached by sales", func(p CirclesPoint) int { return p.Sales }),
		count("reached by both", func(p CirclesPoint) int { return p.Both }),
		count("marketing only", func(p CirclesPoint) int { return p.MarketingOnly }),
		count("sales only", func(p CirclesPoint) int { return p.SalesOnly }),
		count("neither", func(p CirclesPoint) int { return p.Neither }),
		ratio("jaccard(marketing,sales)", func(p CirclesPoint) overlap.Ratio { return p.Jaccard }),
		ratio("lift(marketing,sales) over chance", func(p CirclesPoint) overlap.Ratio { return p.Lift }),
		ratio("share(marketing,sales): marketing's accounts sales also reached", func(p CirclesPoint) overlap.Ratio { return p.MarketingInSales }),
		ratio("share(sales,marketing): sales' accounts marketing also reached", func(p CirclesPoint) overlap.Ratio { return p.SalesInMarketing }),
		ratio("coverage(marketing,sales): targets either team reached", func(p CirclesPoint) overlap.Ratio { return p.Coverage }),
	}
}

func ratioSeries(series []CirclesPoint, get func(CirclesPoint) overlap.Ratio) ([]float64, []bool) {
	values, defined := make([]float64, len(series)), make([]bool, len(series))
	for i, p := range series {
		values[i], defined[i] = get(p).Value()
	}
	return values, defined
}

// ratioText prints a ratio with three decimals and its fraction, or "n/a".
func ratioText(r overlap.Ratio) string {
	v, ok := r.Value()
	if !ok {
		return "n/a"
	}
	return fmt.Sprintf("%.3f (%s/%s)", v, strconv.FormatFloat(r.Numerator, 'f', -1, 64), strconv.FormatFloat(r.Denominator, 'f', -1, 64))
}

// signed prints a change with its sign, such as "+3" or "-0.012", and
// "0" for no change.
func signed(v float64, decimals int) string {
	text := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Trim(text, "-0.") == "" {
		return "0"
	}
	if v > 0 {
		return "+" + text
	}
	return text
}

// amount prints a pipeline value with thousands separators and no
// currency, because the stage file does not name one.
func amount(v float64) string {
	text := strconv.FormatFloat(math.Round(v), 'f', 0, 64)
	negative := strings.HasPrefix(text, "-")
	text = strings.TrimPrefix(text, "-")
	var b strings.Builder
	for i, digit := range text {
		if i > 0 && (len(text)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(digit)
	}
	if negative {
		return "-" + b.String()
	}
	return b.String()
}

func day(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Format("2006-01-02")
}

// hours prints a duration given in hours as hours below two days and as
// days above.
func hours(h float64) string {
	if h < 48 {
		return fmt.Sprintf("%.1f h", h)
	}
	return fmt.Sprintf("%.1f d", h/24)
}

// slaText prints the SLA in hours as given, such as "72 hours".
func slaText(h float64) string {
	return strconv.FormatFloat(h, 'f', -1, 64) + " hours"
}

// signedHours prints a change in hours with its sign, such as "+2.5 d".
func signedHours(h float64) string {
	switch {
	case h > 0:
		return "+" + hours(h)
	case h < 0:
		return "-" + hours(-h)
	}
	return "0"
}

func optionalHours(h *float64) string {
	if h == nil {
		return "n/a"
	}
	return hours(*h)
}

func lastTouchText(t overlap.LastTouch) string {
	if !t.Touched {
		return "never"
	}
	return day(t.Time) + " " + t.Channel
}

// touchText describes a touch by type, campaign and channel, such as
// "webinar_attended, cloud cost webinar (webinar) on 2026-10-01".
func touchText(t journey.Touchpoint) string {
	parts := []string{}
	for _, part := range []string{t.Type, t.Campaign} {
		if part != "" {
			parts = append(parts, part)
		}
	}
	text := strings.Join(parts, ", ")
	if t.Channel != "" {
		text += " (" + t.Channel + ")"
	}
	return strings.TrimSpace(text) + " on " + day(t.Time)
}

// suggestionText returns the campaign to run and the reason for it.
func suggestionText(s Suggestion) (string, string) {
	if s.Campaign == "" {
		return "no campaign has pipeline credit yet", ""
	}
	campaign := s.Campaign
	if s.Channel != "" {
		campaign += " (" + s.Channel + ")"
	}
	return campaign, fmt.Sprintf("%s of pipeline credit over %s in %s", amount(s.Credit), plural(s.Opportunities, "opportunity", "opportunities"), s.Scope)
}

// pipelineRow is one team's pipeline in the three windows.
type pipelineRow struct {
	Team                                string
	QuarterSourced, QuarterInfluenced   string
	ThisWeekSourced, ThisWeekInfluenced string
	LastWeekSourced, LastWeekInfluenced string
}

func pipelineRows(p Pipeline) []pipelineRow {
	cell := func(w PipelineWindow, i int, sourced bool) string {
		if i >= len(w.Teams) {
			return "0 (0)"
		}
		t := w.Teams[i]
		if sourced {
			return fmt.Sprintf("%s (%d)", amount(t.Sourced), t.SourcedCount)
		}
		return fmt.Sprintf("%s (%d)", amount(t.Influenced), t.InfluencedCount)
	}
	var rows []pipelineRow
	for i, team := range journey.Teams() {
		rows = append(rows, pipelineRow{
			Team:           team.String(),
			QuarterSourced: cell(p.Quarter, i, true), QuarterInfluenced: cell(p.Quarter, i, false),
			ThisWeekSourced: cell(p.ThisWeek, i, true), ThisWeekInfluenced: cell(p.ThisWeek, i, false),
			LastWeekSourced: cell(p.LastWeek, i, true), LastWeekInfluenced: cell(p.LastWeek, i, false),
		})
	}
	total := func(w PipelineWindow) string { return fmt.Sprintf("%s (%d)", amount(w.Total), w.Opportunities) }
	unsourced := func(w PipelineWindow) string { return amount(w.Unsourced) }
	rows = append(rows,
		pipelineRow{Team: "all opportunities", QuarterSourced: total(p.Quarter), ThisWeekSourced: total(p.ThisWeek), LastWeekSourced: total(p.LastWeek)},
		pipelineRow{Team: "no touch in lookback", QuarterSourced: unsourced(p.Quarter), ThisWeekSourced: unsourced(p.ThisWeek), LastWeekSourced: unsourced(p.LastWeek)},
	)
	return rows
}

// handoffRow is one handoff figure this week and last week.
type handoffRow struct {
	Label, ThisWeek, LastWeek, Change string
}

func handoffRows(h HandoffTrend) []handoffRow {
	count := func(label string, get func(HandoffWeek) int) handoffRow {
		this, last := get(h.ThisWeek), get(h.LastWeek)
		return handoffRow{label, strconv.Itoa(this), strconv.Itoa(last), signed(float64(this-last), 0)}
	}
	latency := func(label string, get func(HandoffWeek) *float64) handoffRow {
		this, last := get(h.ThisWeek), get(h.LastWeek)
		change := "n/a"
		if this != nil && last != nil {
			change = signedHours(*this - *last)
		}
		return handoffRow{label, optionalHours(this), optionalHours(last), change}
	}
	return []handoffRow{
		count("handed off to sales", func(w HandoffWeek) int { return w.HandedOff }),
		latency("median latency, engagement to first sales touch", func(w HandoffWeek) *float64 { return w.MedianLatencyHours }),
		latency("95th percentile latency", func(w HandoffWeek) *float64 { return w.P95LatencyHours }),
		count("within the SLA", func(w HandoffWeek) int { return w.SLAMet }),
		count("after the SLA", func(w HandoffWeek) int { return w.SLAMissed }),
		count("queue at the week's end: waiting past the SLA", func(w HandoffWeek) int { return w.Queue }),
		count("waiting, still within the SLA", func(w HandoffWeek) int { return w.WaitingWithinSLA }),
	}
}

// notes are the caveats printed under the report header.
func notes(r *Report) []string {
	var out []string
	in := r.Inputs
	if in.OutsideTouches > 0 {
		verb := "are"
		if in.OutsideTouches == 1 {
			verb = "is"
		}
		out = append(out, fmt.Sprintf("%s on %s outside the target list %s left out of every list and metric: %s.",
			plural(in.OutsideTouches, "touch", "touches"), plural(len(in.OutsideAccounts), "account", "accounts"), verb, strings.Join(in.OutsideAccounts, ", ")))
	}
	if in.LaterTouches > 0 || in.LaterStages > 0 {
		out = append(out, fmt.Sprintf("%s and %s after the week's end are left out.",
			plural(in.LaterTouches, "touch", "touches"), plural(in.LaterStages, "stage change", "stage changes")))
	}
	if !r.Pipeline.HasStages {
		out = append(out, "No stage file was given, so there is no pipeline.")
	}
	return out
}

// plural prints n with the singular or plural noun, such as "1 touch".
func plural(n int, singular, many string) string {
	if n == 1 {
		return "1 " + singular
	}
	return strconv.Itoa(n) + " " + many
}
