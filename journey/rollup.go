package journey

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// RollupRow is the credit that attributions gave one group of touches.
type RollupRow struct {
	// Key is the group, such as a channel name.
	Key string `json:"key"`
	// Value is the credited value summed over the group.
	Value float64 `json:"value"`
	// Touches counts the credited touches in the group.
	Touches int `json:"touches"`
}

// Rollup sums credit by the key that key returns for each touch, for
// example its channel. A nil key means ByChannel. Rows are sorted by
// value, highest first, then by key.
func Rollup(attributions []Attribution, key func(*Touchpoint) string) []RollupRow {
	if key == nil {
		key = ByChannel
	}
	index := make(map[string]int)
	var rows []RollupRow
	for ai := range attributions {
		for ci := range attributions[ai].Credits {
			c := &attributions[ai].Credits[ci]
			k := key(&c.Touch)
			i, ok := index[k]
			if !ok {
				i = len(rows)
				index[k] = i
				rows = append(rows, RollupRow{Key: k})
			}
			rows[i].Value += c.Value
			rows[i].Touches++
		}
	}
	slices.SortFunc(rows, func(a, b RollupRow) int {
		if c := cmp.Compare(b.Value, a.Value); c != 0 {
			return c
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return rows
}

// ByChannel returns the touch's channel, for Rollup.
func ByChannel(t *Touchpoint) string { return t.Channel }

// ByCampaign returns the touch's campaign, for Rollup.
func ByCampaign(t *Touchpoint) string { return t.Campaign }

// ByTeam returns the touch's team name, for Rollup.
func ByTeam(t *Touchpoint) string { return t.Team.String() }

// TeamPipeline is the pipeline that one team sourced and influenced.
type TeamPipeline struct {
	// Team is the team.
	Team Team `json:"team"`
	// Sourced is the value of journeys whose first touch in the window
	// was this team's, and SourcedCount their number.
	Sourced      float64 `json:"sourced"`
	SourcedCount int     `json:"sourced_count"`
	// Influenced is the value of journeys with at least one touch of this
	// team in the window, and InfluencedCount their number. A journey
	// that both teams touched counts for both, so influenced values do
	// not add up to the total.
	Influenced      float64 `json:"influenced"`
	InfluencedCount int     `json:"influenced_count"`
}

// PipelineByTeam returns the pipeline sourced and influenced by each
// team, in the order of Teams. Sourced is first-touch credit rolled up by
// team. Influenced counts the full value of every journey the team
// touched.
func PipelineByTeam(journeys []Journey, opts AttributionOptions) ([]TeamPipeline, error) {
	result := make([]TeamPipeline, len(Teams()))
	for i, team := range Teams() {
		result[i].Team = team
	}
	for ji := range journeys {
		j := &journeys[ji]
		if err := validateJourney(j); err != nil {
			return nil, err
		}
		if opts.Lookback < 0 {
			return nil, fmt.Errorf("journey: invalid lookback %v: must be >= 0", opts.Lookback)
		}
		touches := windowTouches(j, opts.Lookback)
		if len(touches) == 0 {
			continue
		}
		first := touches[0].Team
		result[first-1].Sourced += j.Value
		result[first-1].SourcedCount++
		for i, team := range Teams() {
			if slices.ContainsFunc(touches, func(t Touchpoint) bool { return t.Team == team }) {
				result[i].Influenced += j.Value
				result[i].InfluencedCount++
			}
		}
	}
	return result, nil
}

// Comparison puts the credit of several models side by side, one row per
// group of touches.
type Comparison struct {
	// Models are the model names, one per column.
	Models []string `json:"models"`
	// Rows are the groups, sorted by key.
	Rows []ComparisonRow `json:"rows"`
	// Totals are the column sums, including value no touch received.
	Totals []float64 `json:"totals"`
	// Unattributed is the value of journeys with no touch in the window,
	// the same for every model.
	Unattributed float64 `json:"unattributed"`
}

// ComparisonRow is one group's credit under each model.
type ComparisonRow struct {
	// Key is the group, such as a channel name.
	Key string `json:"key"`
	// Values are the group's credit, one per model.
	Values []float64 `json:"values"`
}

// Compare attributes every journey with every model and rolls the credit
// up by key, for example ByChannel.
func Compare(journeys []Journey, models []Model, key func(*Touchpoint) string, opts AttributionOptions) (Comparison, error) {
	if key == nil {
		return Comparison{}, fmt.Errorf("journey: missing key function for Compare: use ByChannel, ByCampaign or ByTeam")
	}
	for i, m := range models {
		if m == nil {
			return Comparison{}, fmt.Errorf("journey: model %d for Compare is nil", i)
		}
	}
	c := Comparison{Totals: make([]float64, len(models))}
	rowIndex := make(map[string]int)
	for mi, m := range models {
		c.Models = append(c.Models, m.Name())
		unattributed := 0.0
		for ji := range journeys {
			a, err := Attribute(journeys[ji], m, opts)
			if err != nil {
				return Comparison{}, err
			}
			unattributed += a.Unattributed
			for ci := range a.Credits {
				k := key(&a.Credits[ci].Touch)
				ri, ok := rowIndex[k]
				if !ok {
					ri = len(c.Rows)
					rowIndex[k] = ri
					c.Rows = append(c.Rows, ComparisonRow{Key: k, Values: make([]float64, len(models))})
				}
				c.Rows[ri].Values[mi] += a.Credits[ci].Value
				c.Totals[mi] += a.Credits[ci].Value
			}
		}
		c.Totals[mi] += unattributed
		c.Unattributed = unattributed
	}
	slices.SortFunc(c.Rows, func(a, b ComparisonRow) int { return cmp.Compare(a.Key, b.Key) })
	return c, nil
}

// WriteText writes the comparison as an aligned text table: groups left
// aligned, values right aligned and rounded to two decimals.
func (c *Comparison) WriteText(w io.Writer) error {
	header := append([]string{"group"}, c.Models...)
	table := [][]string{header}
	for _, row := range c.Rows {
		table = append(table, append([]string{displayKey(row.Key)}, formatValues(row.Values)...))
	}
	if c.Unattributed != 0 {
		values := make([]float64, len(c.Models))
		for i := range values {
			values[i] = c.Unattributed
		}
		table = append(table, append([]string{"(no touch in window)"}, formatValues(values)...))
	}
	table = append(table, append([]string{"total"}, formatValues(c.Totals)...))

	widths := make([]int, len(header))
	for _, row := range table {
		for i, cell := range row {
			widths[i] = max(widths[i], len(cell))
		}
	}
	var b strings.Builder
	for _, row := range table {
		fmt.Fprintf(&b, "%-*s", widths[0], row[0])
		for i := 1; i < len(row); i++ {
			fmt.Fprintf(&b, "  %*s", widths[i], row[i])
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func displayKey(k string) string {
	if k == "" {
		return "(none)"
	}
	return k
}

func formatValues(values []float64) []string {
	cells := make([]string, len(values))
	for i, v := range values {
		cells[i] = fmt.Sprintf("%.2f", v)
	}
	return cells
}

// WriteText writes the report's totals as aligned text, one figure per
// line.
func (r *HandoffReport) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	lines := []struct {
		label string
		value string
	}{
		{"accounts", fmt.Sprint(len(r.Accounts))},
		{"marketing first / sales first", fmt.Sprintf("%d / %d", r.MarketingFirst, r.SalesFirst)},
		{"marketing only / sales only", fmt.Sprintf("%d / %d", r.MarketingOnly, r.SalesOnly)},
		{"engaged by marketing", fmt.Sprint(r.Engaged)},
		{"handed off to sales", fmt.Sprint(r.HandedOff)},
		{"still waiting for sales", fmt.Sprint(r.Waiting)},
		{"handoff latency median / p95", fmt.Sprintf("%s / %s", formatDuration(r.LatencyMedian), formatDuration(r.LatencyP95))},
		{"waited so far (median)", formatDuration(r.WaitedMedian)},
		{"SLA met / missed / pending", fmt.Sprintf("%d / %d / %d", r.SLAMet, r.SLAMissed, r.SLAPending)},
		{"silences (accounts)", fmt.Sprintf("%d (%d)", r.Silences, r.SilentAccounts)},
		{"sales touches before any marketing (accounts)", fmt.Sprintf("%d (%d)", r.ColdOutreach, r.ColdOutreachAccounts)},
		{"team passes (mean per two-team account)", fmt.Sprintf("%d (%.2f)", r.Passes, r.PassesMean)},
	}
	for _, l := range lines {
		fmt.Fprintf(tw, "%s\t%s\n", l.label, l.value)
	}
	return tw.Flush()
}

// formatDuration prints a duration in days and hours, such as "3d4h".
func formatDuration(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	if d < 24*time.Hour && d > -24*time.Hour {
		return d.Round(time.Minute).String()
	}
	d = d.Round(time.Hour)
	days := d / (24 * time.Hour)
	hours := (d % (24 * time.Hour)) / time.Hour
	if hours < 0 {
		hours = -hours
	}
	if hours == 0 {
		return fmt.Sprintf("%dd", days)
	}
	return fmt.Sprintf("%dd%dh", days, hours)
}
