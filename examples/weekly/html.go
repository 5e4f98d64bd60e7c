package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"

	"github.com/accountkit/accountkit/overlap"
)

//go:embed page.html.tmpl
var pageTemplate string

// page is the parsed page template. html/template escapes every text value
// it inserts, and only the SVG charts, which escape their own text, enter
// as template.HTML.
var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"day":        day,
	"hours":      hours,
	"sla":        slaText,
	"lastTouch":  lastTouchText,
	"touch":      touchText,
	"suggestion": func(s Suggestion) []string { c, why := suggestionText(s); return []string{c, why} },
	"add":        func(a, b int) int { return a + b },
}).Parse(pageTemplate))

// pageData is the template's input: the report, the rows shared with the
// Markdown output, and the charts.
type pageData struct {
	R        *Report
	Notes    []string
	Circles  []circlesRow
	Pipeline []pipelineRow
	Handoff  []handoffRow
	// Venn diagrams of last week and this week, then the weekly charts.
	VennLast, VennThis template.HTML
	Charts             []template.HTML
	HandoffCharts      []template.HTML
}

// writeHTML writes the report as one standalone HTML page with the charts
// inline and no external resources.
func writeHTML(w io.Writer, r *Report) error {
	d := pageData{R: r, Notes: notes(r), Circles: circlesRows(r), Pipeline: pipelineRows(r.Pipeline), Handoff: handoffRows(r.Handoff)}
	var err error
	if d.VennLast, err = venn(r.Circles.LastWeek, "Last week, "+r.Circles.Series[len(r.Circles.Series)-2].Week); err != nil {
		return err
	}
	if d.VennThis, err = venn(r.Circles.ThisWeek, "This week, "+r.Week); err != nil {
		return err
	}
	for _, c := range circlesCharts(r) {
		d.Charts = append(d.Charts, template.HTML(c.svg()))
	}
	for _, c := range handoffCharts(r) {
		d.HandoffCharts = append(d.HandoffCharts, template.HTML(c.svg()))
	}
	var b bytes.Buffer
	if err := page.Execute(&b, d); err != nil {
		return fmt.Errorf("HTML page: %w", err)
	}
	_, err = w.Write(b.Bytes())
	return err
}

// venn draws one week's two circles with the overlap package.
func venn(r *overlap.Report, title string) (template.HTML, error) {
	var b bytes.Buffer
	if err := overlap.WriteVennSVG(&b, r, overlap.SVGOptions{Width: 380, Title: title}); err != nil {
		return "", fmt.Errorf("Venn diagram %q: %w", title, err)
	}
	return template.HTML(b.String()), nil
}

// Series colours: marketing blue, sales orange, both green.
const (
	colorMarketing = "#1f77b4"
	colorSales     = "#ff7f0e"
	colorBoth      = "#2ca02c"
	colorNeutral   = "#444444"
)

func circlesCharts(r *Report) []lineChart {
	series := r.Circles.Series
	labels := make([]string, len(series))
	for i, p := range series {
		labels[i] = p.Week
	}
	counts := func(name, color string, get func(CirclesPoint) int) chartSeries {
		s := chartSeries{Name: name, Color: color, Values: make([]float64, len(series)), Defined: make([]bool, len(series))}
		for i, p := range series {
			s.Values[i], s.Defined[i] = float64(get(p)), true
		}
		return s
	}
	ratio := func(name, color string, get func(CirclesPoint) overlap.Ratio) chartSeries {
		values, defined := ratioSeries(series, get)
		return chartSeries{Name: name, Color: color, Values: values, Defined: defined}
	}
	return []lineChart{
		{ID: "chart-regions", Title: "Accounts by region at each week's end", Labels: labels, Series: []chartSeries{
			counts("both", colorBoth, func(p CirclesPoint) int { return p.Both }),
			counts("marketing only", colorMarketing, func(p CirclesPoint) int { return p.MarketingOnly }),
			counts("sales only", colorSales, func(p CirclesPoint) int { return p.SalesOnly }),
		}},
		{ID: "chart-jaccard", Title: "jaccard(marketing,sales)", Labels: labels, Decimals: 2, Series: []chartSeries{
			ratio("jaccard", colorBoth, func(p CirclesPoint) overlap.Ratio { return p.Jaccard }),
		}},
		{ID: "chart-lift", Title: "lift(marketing,sales) over chance", Labels: labels, Decimals: 2, Reference: 1, ReferenceLabel: "chance", Series: []chartSeries{
			ratio("lift", colorNeutral, func(p CirclesPoint) overlap.Ratio { return p.Lift }),
		}},
	}
}

func handoffCharts(r *Report) []lineChart {
	series := r.Handoff.Series
	labels := make([]string, len(series))
	queue := chartSeries{Name: "waiting past the SLA", Color: colorSales, Values: make([]float64, len(series)), Defined: make([]bool, len(series))}
	for i, w := range series {
		labels[i] = w.Week
		queue.Values[i], queue.Defined[i] = float64(w.Queue), true
	}
	values, defined := latencySeries(series)
	for i := range values {
		values[i] /= 24
	}
	return []lineChart{
		{ID: "chart-latency", Title: "Median handoff latency in days", Labels: labels, Decimals: 1,
			Reference: r.Settings.SLAHours / 24, ReferenceLabel: "SLA", Series: []chartSeries{
				{Name: "median latency", Color: colorMarketing, Values: values, Defined: defined},
			}},
		{ID: "chart-queue", Title: "Handoff queue at each week's end", Labels: labels, Series: []chartSeries{queue}},
	}
}
