package main

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/accountkit/accountkit/journey/simulate"
)

// panel is one bar group of the chart: one figure for every strategy.
type panel struct {
	title  string
	values []float64
	format string
}

var strategyColors = []string{"#8c8c8c", "#4878a8", "#d08c30"}

// writeChart draws one panel per figure with a bar per strategy, a legend
// and a caption that names the run and its assumptions.
func writeChart(w io.Writer, results []*simulate.Summary, cfg *simulate.Config) error {
	panels := []panel{
		{title: "lift(marketing,sales)", format: "%.2f"},
		{title: "engaged accounts", format: "%.0f"},
		{title: "handoff latency median (h)", format: "%.1f"},
		{title: "opportunities", format: "%.0f"},
	}
	for _, s := range results {
		lift, _ := s.Metric("lift")
		panels[0].values = append(panels[0].values, lift)
		panels[1].values = append(panels[1].values, float64(s.EngagedAccounts))
		panels[2].values = append(panels[2].values, s.Handoff.LatencyMedian.Hours())
		panels[3].values = append(panels[3].values, float64(s.Opportunities))
	}

	const (
		width       = 960
		height      = 380
		panelWidth  = width / 4
		plotTop     = 70
		plotBottom  = 300
		barWidth    = 44
		barGap      = 14
		captionLine = 340
	)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="white"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="16" text-anchor="middle">Marketing and sales strategies on %d simulated accounts</text>`+"\n", width/2, cfg.Accounts)

	// Legend.
	for i, s := range results {
		x := width/2 - 210 + i*150
		fmt.Fprintf(&b, `<rect x="%d" y="36" width="12" height="12" fill="%s"/>`, x, strategyColors[i%len(strategyColors)])
		fmt.Fprintf(&b, `<text x="%d" y="46">%s</text>`+"\n", x+18, escape(s.Strategy.String()))
	}

	for p, pn := range panels {
		left := p * panelWidth
		maxValue := 0.0
		for _, v := range pn.values {
			maxValue = max(maxValue, v)
		}
		groupWidth := len(pn.values)*barWidth + (len(pn.values)-1)*barGap
		x0 := left + (panelWidth-groupWidth)/2
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333"/>`+"\n", x0-8, plotBottom, x0+groupWidth+8, plotBottom)
		for i, v := range pn.values {
			h := 0.0
			if maxValue > 0 {
				h = v / maxValue * (plotBottom - plotTop - 20)
			}
			x := x0 + i*(barWidth+barGap)
			fmt.Fprintf(&b, `<rect x="%d" y="%.1f" width="%d" height="%.1f" fill="%s"><title>%s: %s</title></rect>`+"\n",
				x, plotBottom-h, barWidth, h, strategyColors[i%len(strategyColors)], escape(results[i].Strategy.String()), fmt.Sprintf(pn.format, v))
			fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="middle">%s</text>`+"\n", x+barWidth/2, plotBottom-h-4, fmt.Sprintf(pn.format, v))
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-weight="bold">%s</text>`+"\n", left+panelWidth/2, plotBottom+20, escape(pn.title))
	}

	captions := []string{
		fmt.Sprintf("Seed %d, %d quarters, %.0f%% of accounts in market at any time, SLA %s.", cfg.Seed, cfg.Quarters, 100*cfg.InMarketShare, formatHours(cfg.SLA)),
		"Figures follow from the model's assumed rates (see the program output), not from observed buyers.",
	}
	for i, c := range captions {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" font-size="11" fill="#555">%s</text>`+"\n", width/2, captionLine+i*16, escape(c))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func escape(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return ""
	}
	return b.String()
}
