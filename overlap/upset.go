package overlap

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"
)

// WriteUpSetSVG draws an UpSet plot of a report with any number of sets.
// Each column is one non-empty exclusive region, largest first: a bar with
// its count and share of the union above, and below it a dot for each set
// the region is in. Each set row shows the set's size as a bar. The caption
// names the denominator, the accounts in no set and the regions left out
// by SVGOptions.MaxRegions. All text is XML-escaped.
func WriteUpSetSVG(w io.Writer, r *Report, opts SVGOptions) error {
	if r == nil {
		return errors.New("overlap: report is nil")
	}
	limit := opts.MaxRegions
	if limit <= 0 {
		limit = 40
	}
	var columns []Region
	hiddenRegions, hiddenAccounts, noSet := 0, 0, 0
	for _, region := range r.Regions {
		switch {
		case region.key == 0:
			noSet = region.Count
		case len(columns) < limit:
			columns = append(columns, region)
		default:
			hiddenRegions++
			hiddenAccounts += region.Count
		}
	}

	const (
		margin      = 20.0
		countWidth  = 70.0
		barWidth    = 120.0
		columnWidth = 30.0
		rowHeight   = 22.0
		chartHeight = 160.0
		labelSpace  = 30.0
		maxName     = 30
	)
	longest := 0
	for _, s := range r.Sets {
		longest = max(longest, utf8.RuneCountInString(truncateName(s.Name, maxName)))
	}
	nameX := margin + countWidth + barWidth + 10
	matrixX := nameX + 7*float64(longest) + 10
	top := margin
	if opts.Title != "" {
		top += 24
	}
	barBase := top + labelSpace + chartHeight
	matrixY := barBase + 10
	width := math.Max(opts.width(), matrixX+columnWidth*float64(len(columns))+margin)
	captionY := matrixY + rowHeight*float64(len(r.Sets)) + 20
	captions := upsetCaptions(r, noSet, hiddenRegions, hiddenAccounts)
	height := captionY + 18*float64(len(captions)) + margin

	s := &svgWriter{w: w}
	s.raw(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif">`+"\n",
		num(width), num(height), num(width), num(height))
	s.raw(`<rect x="0" y="0" width="%s" height="%s" fill="white"/>`+"\n", num(width), num(height))
	if opts.Title != "" {
		s.text(width/2, margin+8, 16, "middle", "bold", opts.Title)
	}

	largest := 0
	for _, c := range columns {
		largest = max(largest, c.Count)
	}
	union := float64(r.UnionSize)
	for i, c := range columns {
		x := matrixX + columnWidth*float64(i)
		h := 0.0
		if largest > 0 {
			h = chartHeight * float64(c.Count) / float64(largest)
		}
		s.raw(`<rect data-region="%s" data-count="%d" x="%s" y="%s" width="%s" height="%s" fill="#444"><title>%s</title></rect>`+"\n",
			escapeXML(c.Label()), c.Count, num(x+4), num(barBase-h), num(columnWidth-8), num(h), escapeXML(c.Label()))
		s.text(x+columnWidth/2, barBase-h-16, 10, "middle", "bold", thousands(c.Count))
		s.text(x+columnWidth/2, barBase-h-4, 9, "middle", "normal", Ratio{float64(c.Count), union}.Percent())
	}

	largestSet := 0
	for _, set := range r.Sets {
		largestSet = max(largestSet, set.Size)
	}
	for i, set := range r.Sets {
		y := matrixY + rowHeight*float64(i)
		if i%2 == 0 {
			s.raw(`<rect x="%s" y="%s" width="%s" height="%s" fill="#f2f2f2"/>`+"\n",
				num(nameX-4), num(y), num(width-margin-nameX+4), num(rowHeight))
		}
		w := 0.0
		if largestSet > 0 {
			w = barWidth * float64(set.Size) / float64(largestSet)
		}
		s.raw(`<rect data-set="%s" data-count="%d" x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
			escapeXML(set.Name), set.Size, num(margin+countWidth+barWidth-w), num(y+4), num(w), num(rowHeight-8), palette[0])
		s.text(margin+countWidth-4, y+15, 10, "end", "normal", thousands(set.Size))
		s.text(nameX, y+15, 12, "start", "normal", truncateName(set.Name, maxName))
	}
	for i, c := range columns {
		cx := matrixX + columnWidth*float64(i) + columnWidth/2
		first, last := -1, -1
		for j := range r.Sets {
			if c.key&(1<<j) != 0 {
				if first < 0 {
					first = j
				}
				last = j
			}
		}
		if first != last {
			s.raw(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#222" stroke-width="2"/>`+"\n",
				num(cx), num(matrixY+rowHeight*(float64(first)+0.5)), num(cx), num(matrixY+rowHeight*(float64(last)+0.5)))
		}
		for j := range r.Sets {
			fill := "#d0d0d0"
			if c.key&(1<<j) != 0 {
				fill = "#222"
			}
			s.raw(`<circle cx="%s" cy="%s" r="6" fill="%s"/>`+"\n", num(cx), num(matrixY+rowHeight*(float64(j)+0.5)), fill)
		}
	}
	for i, line := range captions {
		s.text(margin, captionY+18*float64(i)+10, 12, "start", "normal", line)
	}
	s.raw("</svg>\n")
	return s.err
}

func upsetCaptions(r *Report, noSet, hiddenRegions, hiddenAccounts int) []string {
	lines := []string{
		// Two lines, because one would run past the right edge.
		"Bars: accounts in exactly the marked sets, and their share of the union,",
		fmt.Sprintf("the %s in at least one set.", countNoun(r.UnionSize, "account", "accounts")),
		fmt.Sprintf("Universe: %s, %s in no set. Set rows show each set's size.", countNoun(r.Universe.Size, "target account", "target accounts"), thousands(noSet)),
	}
	if hiddenRegions > 0 {
		lines = append(lines, fmt.Sprintf("Not shown: %s with %s.", countNoun(hiddenRegions, "smaller region", "smaller regions"), countNoun(hiddenAccounts, "account", "accounts")))
	}
	return lines
}

// truncateName shortens a name to at most n runes, ending in "…".
func truncateName(name string, n int) string {
	if utf8.RuneCountInString(name) <= n {
		return name
	}
	runes := []rune(name)
	return strings.TrimSpace(string(runes[:n-1])) + "…"
}
