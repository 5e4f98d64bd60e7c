package journey

import (
	"bufio"
	"errors"
	"fmt"
	"html"
	"io"
	"time"
)

// SVGOptions configures WriteSVG. The zero value draws the touches only,
// 960 pixels wide, over the span of the touches.
type SVGOptions struct {
	// Width is the image width in pixels. Zero means 960.
	Width int
	// From and To bound the time axis. Zero values mean the earliest and
	// latest instant among touches, stages and silences.
	From, To time.Time
	// History, if not nil, shades the account's stages.
	History *StageHistory
	// Silences are shaded as stretches with no touch, such as
	// AccountHandoff.Silences.
	Silences []Silence
	// AsOf ends the current stage's band. Zero means To.
	AsOf time.Time
}

// SVG layout in pixels.
const (
	svgMarginLeft  = 90
	svgMarginRight = 20
	svgTitleHeight = 28
	svgStageHeight = 22
	svgLaneHeight  = 56
	svgAxisHeight  = 34
	svgMarkRadius  = 5
)

func teamColor(t Team) string {
	if t == Sales {
		return "#c05621"
	}
	return "#2b6cb0"
}

func stageColor(i int) string {
	colors := [...]string{"#edf2f7", "#e6fffa", "#fefcbf", "#faf5ff", "#fff5f5", "#f0fff4"}
	return colors[i%len(colors)]
}

// WriteSVG draws one account's timeline as an SVG image: one lane per
// team with a mark per touch, the stages as shaded bands with their names,
// and silences as grey stretches. Each mark has a tooltip with the
// touch's time, channel and type.
func WriteSVG(w io.Writer, tl *Timeline, opts SVGOptions) error {
	if tl == nil {
		return errors.New("journey: missing timeline: WriteSVG needs a non-nil *Timeline")
	}
	width := opts.Width
	if width == 0 {
		width = 960
	}
	if width < svgMarginLeft+svgMarginRight+100 {
		return fmt.Errorf("journey: SVG width %d is too small: use at least %d", width, svgMarginLeft+svgMarginRight+100)
	}
	from, to := svgSpan(tl, &opts)
	if from.IsZero() {
		return fmt.Errorf("journey: account %q has nothing to draw", tl.AccountID)
	}
	if !to.After(from) {
		from, to = from.Add(-12*time.Hour), to.Add(12*time.Hour)
	}
	plotWidth := float64(width - svgMarginLeft - svgMarginRight)
	x := func(t time.Time) float64 {
		return svgMarginLeft + plotWidth*float64(t.Sub(from))/float64(to.Sub(from))
	}
	teams := Teams()
	lanesTop := svgTitleHeight + svgStageHeight
	height := lanesTop + len(teams)*svgLaneHeight + svgAxisHeight
	lanesBottom := lanesTop + len(teams)*svgLaneHeight

	b := bufio.NewWriter(w)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(b, `<title>Timeline of account %s</title>`+"\n", html.EscapeString(tl.AccountID))
	fmt.Fprintf(b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(b, `<text x="%d" y="18" font-size="14" font-weight="bold">%s</text>`+"\n", svgMarginLeft, html.EscapeString(tl.AccountID))

	writeSVGLegend(b, width)

	if opts.History != nil {
		asOf := opts.AsOf
		if asOf.IsZero() {
			asOf = to
		}
		for i, p := range opts.History.Periods {
			end := p.Exited
			if end.IsZero() {
				end = asOf
			}
			left, right := clampX(x(p.Entered), float64(svgMarginLeft), float64(width-svgMarginRight)), clampX(x(end), float64(svgMarginLeft), float64(width-svgMarginRight))
			if right <= left {
				continue
			}
			color := stageColor(i)
			fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %s to %s</title></rect>`+"\n",
				left, svgTitleHeight, right-left, lanesBottom-svgTitleHeight, color,
				html.EscapeString(p.Stage), p.Entered.Format(time.DateOnly), end.Format(time.DateOnly))
			// Labels need about 7 pixels per character at this font size.
			// A narrower band keeps only its tooltip, so labels never overlap.
			if right-left >= float64(7*len(p.Stage)+6) {
				fmt.Fprintf(b, `<text x="%.1f" y="%d" fill="#4a5568">%s</text>`+"\n", left+3, svgTitleHeight+15, html.EscapeString(p.Stage))
			}
		}
	}
	for _, s := range opts.Silences {
		left := clampX(x(s.Start), float64(svgMarginLeft), float64(width-svgMarginRight))
		right := clampX(x(s.End), float64(svgMarginLeft), float64(width-svgMarginRight))
		if right <= left {
			continue
		}
		fmt.Fprintf(b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="#a0aec0" fill-opacity="0.35"><title>silence of %s</title></rect>`+"\n",
			left, lanesTop, right-left, lanesBottom-lanesTop, formatDuration(s.Duration()))
	}

	for i, team := range teams {
		top := lanesTop + i*svgLaneHeight
		middle := top + svgLaneHeight/2
		fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#cbd5e0"/>`+"\n", svgMarginLeft, middle, width-svgMarginRight, middle)
		fmt.Fprintf(b, `<text x="8" y="%d" fill="%s" font-weight="bold">%s</text>`+"\n", middle+4, teamColor(team), team)
	}
	for _, t := range tl.Touches {
		if t.Time.Before(from) || t.Time.After(to) {
			continue
		}
		lane := 0
		if t.Team == Sales {
			lane = 1
		}
		middle := lanesTop + lane*svgLaneHeight + svgLaneHeight/2
		fmt.Fprintf(b, `<circle cx="%.1f" cy="%d" r="%d" fill="%s" fill-opacity="0.85"><title>%s %s %s %s</title></circle>`+"\n",
			x(t.Time), middle, svgMarkRadius, teamColor(t.Team),
			t.Time.UTC().Format(time.RFC3339), t.Team, html.EscapeString(t.Channel), html.EscapeString(t.Type))
	}

	axisY := lanesBottom + 4
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#4a5568"/>`+"\n", svgMarginLeft, axisY, width-svgMarginRight, axisY)
	const ticks = 4
	for i := 0; i <= ticks; i++ {
		at := from.Add(time.Duration(float64(to.Sub(from)) * float64(i) / ticks))
		anchor := "middle"
		switch i {
		case 0:
			anchor = "start"
		case ticks:
			anchor = "end"
		}
		fmt.Fprintf(b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#4a5568"/>`+"\n", x(at), axisY, x(at), axisY+5)
		fmt.Fprintf(b, `<text x="%.1f" y="%d" text-anchor="%s" fill="#4a5568">%s</text>`+"\n", x(at), axisY+19, anchor, at.UTC().Format(time.DateOnly))
	}
	fmt.Fprintln(b, `</svg>`)
	return b.Flush()
}

// writeSVGLegend writes a key for the marks and the silence shading in
// the top right corner.
func writeSVGLegend(b *bufio.Writer, width int) {
	x := width - svgMarginRight - 250
	for _, team := range Teams() {
		fmt.Fprintf(b, `<circle cx="%d" cy="14" r="%d" fill="%s"/>`+"\n", x, svgMarkRadius, teamColor(team))
		fmt.Fprintf(b, `<text x="%d" y="18">%s</text>`+"\n", x+9, team)
		x += 85
	}
	fmt.Fprintf(b, `<rect x="%d" y="8" width="14" height="12" fill="#a0aec0" fill-opacity="0.35"/>`+"\n", x-5)
	fmt.Fprintf(b, `<text x="%d" y="18">silence</text>`+"\n", x+13)
}

func clampX(v, low, high float64) float64 { return max(low, min(high, v)) }

// svgSpan returns the time axis bounds from the options or the data.
func svgSpan(tl *Timeline, opts *SVGOptions) (time.Time, time.Time) {
	var from, to time.Time
	extend := func(t time.Time) {
		if t.IsZero() {
			return
		}
		if from.IsZero() || t.Before(from) {
			from = t
		}
		if to.IsZero() || t.After(to) {
			to = t
		}
	}
	for _, t := range tl.Touches {
		extend(t.Time)
	}
	if opts.History != nil {
		for _, p := range opts.History.Periods {
			extend(p.Entered)
			extend(p.Exited)
		}
	}
	for _, s := range opts.Silences {
		extend(s.Start)
		extend(s.End)
	}
	extend(opts.AsOf)
	if !opts.From.IsZero() {
		from = opts.From
	}
	if !opts.To.IsZero() {
		to = opts.To
	}
	return from, to
}
