package main

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
)

// chartSeries is one line of a chart. Defined[i] false leaves a gap at
// point i, for weeks where the value is undefined.
type chartSeries struct {
	Name    string
	Color   string
	Values  []float64
	Defined []bool
}

// lineChart is a small weekly line chart. The overlap package draws Venn
// and UpSet diagrams of one report but no chart of a series, so the weekly
// program draws its own.
type lineChart struct {
	// ID becomes the svg element's id, so tests and style sheets can find
	// the chart.
	ID    string
	Title string
	// Labels name the points on the x axis, such as "2026-W48".
	Labels []string
	Series []chartSeries
	// Reference draws a dashed horizontal line, such as the SLA, when
	// ReferenceLabel is not empty.
	Reference      float64
	ReferenceLabel string
	// Decimals is the number of decimals of axis and tooltip values.
	Decimals int
}

// Chart geometry in pixels.
const (
	chartWidth  = 460
	chartHeight = 220
	plotLeft    = 48
	plotRight   = 16
	plotTop     = 44
	plotBottom  = 36
)

// svg draws the chart. All text is escaped, so names from input files
// cannot inject markup.
func (c lineChart) svg() string {
	var b strings.Builder
	top := c.axisTop()
	plotW := float64(chartWidth - plotLeft - plotRight)
	plotH := float64(chartHeight - plotTop - plotBottom)
	x := func(i int) float64 {
		if len(c.Labels) < 2 {
			return plotLeft + plotW/2
		}
		return plotLeft + plotW*float64(i)/float64(len(c.Labels)-1)
	}
	y := func(v float64) float64 { return plotTop + plotH*(1-v/top) }

	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" id="%s" class="chart" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="11" role="img" aria-label="%s">`+"\n",
		html.EscapeString(c.ID), chartWidth, chartHeight, chartWidth, chartHeight, html.EscapeString(c.Title))
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(c.Title))
	fmt.Fprintf(&b, `<text x="%d" y="16" font-size="13" font-weight="bold">%s</text>`+"\n", plotLeft, html.EscapeString(c.Title))

	// Grid lines and y labels at five even steps from 0 to top.
	for step := 0; step <= 4; step++ {
		v := top * float64(step) / 4
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%s" y2="%s" stroke="#ddd"/>`+"\n", plotLeft, chartWidth-plotRight, num(y(v)), num(y(v)))
		fmt.Fprintf(&b, `<text x="%d" y="%s" text-anchor="end" fill="#555">%s</text>`+"\n", plotLeft-4, num(y(v)+4), strconv.FormatFloat(v, 'f', c.Decimals, 64))
	}
	// x labels: the ISO week number, thinned to at most seven labels.
	every := max(1, (len(c.Labels)+6)/7)
	for i, label := range c.Labels {
		if (len(c.Labels)-1-i)%every != 0 {
			continue
		}
		short := label
		if j := strings.LastIndex(label, "-"); j >= 0 {
			short = label[j+1:]
		}
		fmt.Fprintf(&b, `<text x="%s" y="%d" text-anchor="middle" fill="#555">%s</text>`+"\n", num(x(i)), chartHeight-plotBottom+16, html.EscapeString(short))
	}
	if c.ReferenceLabel != "" && c.Reference <= top {
		fmt.Fprintf(&b, `<line class="reference" x1="%d" x2="%d" y1="%s" y2="%s" stroke="#c00" stroke-dasharray="4 3"/>`+"\n", plotLeft, chartWidth-plotRight, num(y(c.Reference)), num(y(c.Reference)))
		fmt.Fprintf(&b, `<text x="%d" y="%s" text-anchor="end" fill="#c00">%s</text>`+"\n", chartWidth-plotRight, num(y(c.Reference)-3), html.EscapeString(c.ReferenceLabel))
	}
	for si, s := range c.Series {
		c.drawSeries(&b, s, x, y)
		// Legend entries in one row under the title.
		lx := plotLeft + si*130
		fmt.Fprintf(&b, `<rect x="%d" y="24" width="10" height="10" fill="%s"/>`+"\n", lx, html.EscapeString(s.Color))
		fmt.Fprintf(&b, `<text x="%d" y="33">%s</text>`+"\n", lx+14, html.EscapeString(s.Name))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// drawSeries draws one polyline per run of defined points and a dot with
// a tooltip on each point.
func (c lineChart) drawSeries(b *strings.Builder, s chartSeries, x func(int) float64, y func(float64) float64) {
	var run []string
	flush := func() {
		if len(run) > 1 {
			fmt.Fprintf(b, `<polyline class="series" fill="none" stroke="%s" stroke-width="2" points="%s"/>`+"\n", html.EscapeString(s.Color), strings.Join(run, " "))
		}
		run = run[:0]
	}
	for i, v := range s.Values {
		if !s.Defined[i] {
			flush()
			continue
		}
		run = append(run, num(x(i))+","+num(y(v)))
	}
	flush()
	for i, v := range s.Values {
		if !s.Defined[i] {
			continue
		}
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="3" fill="%s"><title>%s %s: %s</title></circle>`+"\n",
			num(x(i)), num(y(v)), html.EscapeString(s.Color), html.EscapeString(s.Name), html.EscapeString(c.Labels[i]), strconv.FormatFloat(v, 'f', c.Decimals, 64))
	}
}

// axisTop returns the top of the y axis: four steps of 1, 2 or 5 times a
// power of ten that hold the largest value or reference with 10% headroom.
// Steps are at least one unit of the chart's last decimal, so tick labels
// stay exact.
func (c lineChart) axisTop() float64 {
	top := 0.0
	for _, s := range c.Series {
		for i, v := range s.Values {
			if s.Defined[i] {
				top = max(top, v)
			}
		}
	}
	if c.ReferenceLabel != "" {
		top = max(top, c.Reference)
	}
	raw := max(top*1.1/4, math.Pow(10, -float64(c.Decimals)))
	magnitude := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, factor := range []float64{1, 2, 5, 10} {
		if factor*magnitude >= raw {
			return 4 * factor * magnitude
		}
	}
	return 4 * 10 * magnitude
}

// num formats a coordinate with one decimal.
func num(v float64) string {
	return strconv.FormatFloat(v, 'f', 1, 64)
}

// sparkline draws values as block characters from the lowest to the
// highest, with "·" for undefined values, for Markdown where no SVG shows.
func sparkline(values []float64, defined []bool) string {
	const blocks = "▁▂▃▄▅▆▇█"
	levels := []rune(blocks)
	low, high := math.Inf(1), math.Inf(-1)
	for i, v := range values {
		if defined[i] {
			low, high = min(low, v), max(high, v)
		}
	}
	var b strings.Builder
	for i, v := range values {
		switch {
		case !defined[i]:
			b.WriteRune('·')
		case high == low:
			b.WriteRune(levels[len(levels)/2])
		default:
			b.WriteRune(levels[int(math.Round((v-low)/(high-low)*float64(len(levels)-1)))])
		}
	}
	return b.String()
}
