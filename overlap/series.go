package overlap

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// Period is the length of one step of a time series.
type Period int

// Periods of a time series. Weeks start on Monday, as in ISO 8601. Months
// and quarters start on the first day of the calendar month.
const (
	Week Period = iota + 1
	Month
	Quarter
)

// String returns "week", "month" or "quarter".
func (p Period) String() string {
	switch p {
	case Week:
		return "week"
	case Month:
		return "month"
	case Quarter:
		return "quarter"
	}
	return fmt.Sprintf("Period(%d)", int(p))
}

// MarshalText encodes the period by name.
func (p Period) MarshalText() ([]byte, error) {
	if p < Week || p > Quarter {
		return nil, fmt.Errorf("overlap: invalid period %d", int(p))
	}
	return []byte(p.String()), nil
}

// UnmarshalText decodes "week", "month" or "quarter".
func (p *Period) UnmarshalText(text []byte) error {
	for _, candidate := range []Period{Week, Month, Quarter} {
		if string(text) == candidate.String() {
			*p = candidate
			return nil
		}
	}
	return fmt.Errorf("overlap: invalid period %q; use week, month or quarter", text)
}

// maxPeriods bounds a series, because each period is a full report.
const maxPeriods = 1000

// Windows splits w into consecutive calendar periods. The first period
// starts at the period boundary on or before w.Start, in w.Start's time
// zone, and the last one ends on or after w.End. Both ends of w must be set.
func (p Period) Windows(w Window) ([]Window, error) {
	if p < Week || p > Quarter {
		return nil, fmt.Errorf("overlap: invalid period %d; use Week, Month or Quarter", int(p))
	}
	if w.Start.IsZero() || w.End.IsZero() || !w.Start.Before(w.End) {
		return nil, fmt.Errorf("overlap: series window %s needs a Start before its End", w)
	}
	start := p.floor(w.Start)
	var out []Window
	for start.Before(w.End) {
		end := p.add(start)
		out = append(out, Window{Start: start, End: end})
		if len(out) > maxPeriods {
			return nil, fmt.Errorf("overlap: series window %s has more than %d %ss; use a longer period", w, maxPeriods, p)
		}
		start = end
	}
	return out, nil
}

func (p Period) floor(t time.Time) time.Time {
	y, m, d := t.Date()
	switch p {
	case Week:
		// time.Weekday counts from Sunday = 0, and ISO weeks start Monday.
		back := (int(t.Weekday()) + 6) % 7
		return time.Date(y, m, d-back, 0, 0, 0, 0, t.Location())
	case Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, t.Location())
	default:
		return time.Date(y, m-(m-1)%3, 1, 0, 0, 0, 0, t.Location())
	}
}

func (p Period) add(t time.Time) time.Time {
	switch p {
	case Week:
		return t.AddDate(0, 0, 7)
	case Month:
		return t.AddDate(0, 1, 0)
	default:
		return t.AddDate(0, 3, 0)
	}
}

// SeriesPoint is the report of one period.
type SeriesPoint struct {
	Window Window  `json:"window"`
	Report *Report `json:"report"`
}

// Move is a group of universe accounts that were in one region in a period
// and in another region in the next.
type Move struct {
	// From and To name the sets of each region, empty for no set.
	From    []string `json:"from"`
	To      []string `json:"to"`
	Count   int      `json:"count"`
	Members []string `json:"members"`
}

// Transition lists the moves from one period to the next, largest first.
type Transition struct {
	From  Window `json:"from"`
	To    Window `json:"to"`
	Moves []Move `json:"moves"`
}

// Series is the overlap of the same reach rules period by period.
type Series struct {
	Period      Period        `json:"period"`
	Rules       []RuleSummary `json:"rules"`
	Points      []SeriesPoint `json:"points"`
	Transitions []Transition  `json:"transitions"`
}

// ComputeSeries applies each reach rule within every period of w and
// reports the overlap per period, and the accounts that moved between
// regions from one period to the next. A rule's own window still applies,
// so a rule limited to January reaches nobody in March.
func ComputeSeries(universe []string, touches []Touch, period Period, w Window, rules ...Reach) (*Series, error) {
	windows, err := period.Windows(w)
	if err != nil {
		return nil, err
	}
	if len(rules) == 0 {
		return nil, errors.New("overlap: no reach rule given; pass at least one Reach")
	}
	series := &Series{Period: period, Rules: ruleSummaries(rules)}
	for _, window := range windows {
		windowed := make([]Reach, len(rules))
		for i, d := range rules {
			windowed[i] = d.Within(window)
		}
		report, err := ComputeReach(universe, touches, windowed...)
		if err != nil {
			return nil, fmt.Errorf("overlap: period %s: %w", window, err)
		}
		series.Points = append(series.Points, SeriesPoint{Window: window, Report: report})
	}
	for i := 1; i < len(series.Points); i++ {
		before, after := series.Points[i-1], series.Points[i]
		series.Transitions = append(series.Transitions, Transition{
			From: before.Window, To: after.Window, Moves: moves(before.Report, after.Report),
		})
	}
	return series, nil
}

// moves groups the universe accounts whose region differs between two
// reports over the same sets and universe.
func moves(before, after *Report) []Move {
	regionOf := map[string]uint64{}
	for _, region := range before.Regions {
		for _, id := range region.Members {
			regionOf[id] = region.key
		}
	}
	type pair struct{ from, to uint64 }
	groups := map[pair][]string{}
	for _, region := range after.Regions {
		for _, id := range region.Members {
			from, ok := regionOf[id]
			if ok && from != region.key {
				k := pair{from, region.key}
				groups[k] = append(groups[k], id)
			}
		}
	}
	out := make([]Move, 0, len(groups))
	for k, members := range groups {
		slices.Sort(members)
		out = append(out, Move{
			From: setNames(before.Sets, k.from), To: setNames(after.Sets, k.to),
			Count: len(members), Members: members,
		})
	}
	slices.SortFunc(out, func(a, b Move) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		if c := slices.Compare(a.From, b.From); c != 0 {
			return c
		}
		return slices.Compare(a.To, b.To)
	})
	return out
}

// WriteText writes one row per period with the region counts and the main
// metrics, then the moves between periods.
func (s *Series) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := &textPrinter{w: tw}
	p.line("Series by %s", s.Period)
	for _, rule := range s.Rules {
		p.line("  %s reached when: %s", rule.Set, rule.Rule)
	}
	p.line("")
	if len(s.Points) == 0 {
		return tw.Flush()
	}

	first := s.Points[0].Report
	names := setNamesAll(first)
	var keys []uint64
	for mask := uint64(1); mask < 1<<len(names) && len(names) <= 4; mask++ {
		keys = append(keys, mask)
	}
	header := []string{"PERIOD START", "UNIVERSE", "UNION"}
	for _, key := range keys {
		header = append(header, strings.ToUpper(Region{Sets: setNames(first.Sets, key)}.Label()))
	}
	header = append(header, "COVERAGE")
	if len(names) == 2 {
		header = append(header, "JACCARD", "SHARE "+strings.ToUpper(names[0])+" IN "+strings.ToUpper(names[1]))
	}
	p.line("%s", strings.Join(header, "\t"))

	for _, point := range s.Points {
		r := point.Report
		row := []string{point.Window.Start.Format("2006-01-02"), thousands(r.Universe.Size), thousands(r.UnionSize)}
		for _, key := range keys {
			region, _ := r.Region(setNames(r.Sets, key)...)
			row = append(row, thousands(region.Count))
		}
		coverage, _ := r.Metric(MetricCoverage, names...)
		row = append(row, coverage.Value.Percent())
		if len(names) == 2 {
			jaccard, _ := r.Metric(MetricJaccard, names...)
			share, _ := r.Metric(MetricShare, names[0], names[1])
			row = append(row, jaccard.Value.Percent(), share.Value.Percent())
		}
		p.line("%s", strings.Join(row, "\t"))
	}

	p.line("")
	p.line("FROM PERIOD\tTO PERIOD\tFROM REGION\tTO REGION\tACCOUNTS\tMEMBERS")
	for _, t := range s.Transitions {
		for _, m := range t.Moves {
			p.line("%s\t%s\t%s\t%s\t%d\t%s", t.From.Start.Format("2006-01-02"), t.To.Start.Format("2006-01-02"),
				Region{Sets: m.From}.Label(), Region{Sets: m.To}.Label(), m.Count, shortList(m.Members))
		}
	}
	if p.err != nil {
		return p.err
	}
	return tw.Flush()
}
