package overlap

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"text/tabwriter"
)

// Circle is one set's circle in a Venn layout. Coordinates are in count
// units: the area π·Radius² equals the set's size.
type Circle struct {
	Set    string  `json:"set"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Radius float64 `json:"radius"`
}

// FittedRegion compares one exclusive region's count with its drawn area.
type FittedRegion struct {
	Sets  []string `json:"sets"`
	Count int      `json:"count"`
	// Area is the drawn area in count units, so an exact layout has
	// Area == Count.
	Area float64 `json:"area"`
}

// VennLayout is an area-proportional layout of one to three sets.
type VennLayout struct {
	// Circles follow Report.Sets. An empty set has radius 0 and is not drawn.
	Circles []Circle `json:"circles"`
	// Regions lists every combination of sets, empty ones included,
	// because a region with no accounts may still be drawn with an area.
	Regions []FittedRegion `json:"regions"`
	// Exact is true when every drawn area matches its count to numerical
	// precision. Layouts of one or two non-empty sets are always exact.
	Exact bool `json:"exact"`
	// MaxError is the largest difference between a region's share of the
	// drawn area and its share of the union, over all regions. It is the
	// diagError measure of the eulerr R package.
	MaxError float64 `json:"max_error"`
	// Stress is Σ(area-count)² / Σcount² over all regions, after the
	// areas are scaled to minimise it.
	Stress float64 `json:"stress"`
}

// LayoutVenn places one circle per set of a report with one to three sets.
// Each circle's area equals its set's size. For two sets the centre distance
// is solved so that the lens area equals the intersection exactly. Three
// circles cannot match all seven regions in general. Their centres are
// fitted by least squares on the region areas, starting from the exact
// pairwise distances, and MaxError and Stress report the remaining error.
func LayoutVenn(r *Report) (*VennLayout, error) {
	if r == nil {
		return nil, errors.New("overlap: report is nil")
	}
	k := len(r.Sets)
	if k < 1 || k > 3 {
		return nil, fmt.Errorf("overlap: a Venn diagram needs 1 to 3 sets, the report has %d; use WriteUpSetSVG for more", k)
	}
	counts := make([]float64, 1<<k)
	for mask := uint64(1); mask < 1<<k; mask++ {
		region, _ := r.Region(setNames(r.Sets, mask)...)
		counts[mask] = float64(region.Count)
	}
	layout := &VennLayout{}
	var active []int
	for i, s := range r.Sets {
		layout.Circles = append(layout.Circles, Circle{Set: s.Name, Radius: radiusFor(float64(s.Size))})
		if s.Size > 0 {
			active = append(active, i)
		}
	}
	c := layout.Circles
	switch len(active) {
	case 2:
		i, j := active[0], active[1]
		shared := 0.0
		for mask := range counts {
			if mask&(1<<i) != 0 && mask&(1<<j) != 0 {
				shared += counts[mask]
			}
		}
		c[j].X = distanceForLens(c[i].Radius, c[j].Radius, shared)
	case 3:
		fitThree(c, counts)
	}
	areas := regionAreas(c)
	for mask := uint64(1); mask < 1<<k; mask++ {
		layout.Regions = append(layout.Regions, FittedRegion{
			Sets: setNames(r.Sets, mask), Count: int(counts[mask]), Area: areas[mask],
		})
	}
	layout.MaxError, layout.Stress = fitError(counts, areas)
	layout.Exact = len(active) < 3 || layout.MaxError < 1e-6
	return layout, nil
}

// regionAreas returns the exclusive area of every region key of up to three
// circles, by inclusion-exclusion over pairwise lenses and the triple area.
func regionAreas(c []Circle) []float64 {
	k := len(c)
	areas := make([]float64, 1<<k)
	// shared[mask] is the area inside every circle of mask.
	shared := make([]float64, 1<<k)
	for mask := 1; mask < 1<<k; mask++ {
		var members []Circle
		for i := range c {
			if mask&(1<<i) != 0 {
				members = append(members, c[i])
			}
		}
		switch len(members) {
		case 1:
			shared[mask] = circleArea(members[0].Radius)
		case 2:
			a, b := members[0], members[1]
			shared[mask] = lensArea(a.Radius, b.Radius, math.Hypot(a.X-b.X, a.Y-b.Y))
		case 3:
			shared[mask] = tripleArea([3]Circle{members[0], members[1], members[2]})
		}
	}
	// The exclusive area of mask is Σ over supersets S of mask of
	// (-1)^(|S|-|mask|) · shared[S].
	full := 1<<k - 1
	for mask := 1; mask <= full; mask++ {
		total := 0.0
		for super := mask; super <= full; super = (super + 1) | mask {
			sign := 1.0
			if (bits.OnesCount(uint(super))-bits.OnesCount(uint(mask)))%2 == 1 {
				sign = -1
			}
			total += sign * shared[super]
		}
		areas[mask] = math.Max(total, 0)
	}
	return areas
}

// fitError returns the largest difference of shares and the stress of
// areas against counts, skipping key 0.
func fitError(counts, areas []float64) (maxError, stress float64) {
	var countSum, areaSum, cross, areaSquares, countSquares float64
	for mask := 1; mask < len(counts); mask++ {
		countSum += counts[mask]
		areaSum += areas[mask]
		cross += counts[mask] * areas[mask]
		areaSquares += areas[mask] * areas[mask]
		countSquares += counts[mask] * counts[mask]
	}
	if countSum == 0 || areaSum == 0 {
		return 0, 0
	}
	scale := cross / areaSquares
	for mask := 1; mask < len(counts); mask++ {
		maxError = math.Max(maxError, math.Abs(areas[mask]/areaSum-counts[mask]/countSum))
		d := scale*areas[mask] - counts[mask]
		stress += d * d
	}
	return maxError, stress / countSquares
}

// fitThree places three non-empty circles: first at the exact pairwise
// distances where a triangle allows, then by Nelder-Mead on the squared
// region errors. Circle 0 stays at the origin and circle 1 on the x axis.
func fitThree(c []Circle, counts []float64) {
	pairDistance := func(i, j int) float64 {
		shared := 0.0
		for mask := range counts {
			if mask&(1<<i) != 0 && mask&(1<<j) != 0 {
				shared += counts[mask]
			}
		}
		return distanceForLens(c[i].Radius, c[j].Radius, shared)
	}
	d01, d02, d12 := pairDistance(0, 1), pairDistance(0, 2), pairDistance(1, 2)
	x2, y2 := d02, 0.0
	if d01 > 0 {
		x2 = (d01*d01 + d02*d02 - d12*d12) / (2 * d01)
		y2 = math.Sqrt(math.Max(d02*d02-x2*x2, 0))
	}
	total := 0.0
	for _, v := range counts {
		total += v
	}
	place := func(p []float64) {
		c[0].X, c[0].Y = 0, 0
		c[1].X, c[1].Y = p[0], 0
		c[2].X, c[2].Y = p[1], p[2]
	}
	loss := func(p []float64) float64 {
		place(p)
		areas := regionAreas(c)
		sum := 0.0
		for mask := 1; mask < len(counts); mask++ {
			d := (areas[mask] - counts[mask]) / total
			sum += d * d
		}
		return sum
	}
	step := (c[0].Radius + c[1].Radius + c[2].Radius) / 30
	best := nelderMead(loss, []float64{d01, x2, y2}, step, 300)
	place(best)
}

// WriteVennSVG draws an area-proportional Venn diagram of a report with one
// to three sets. Each region is labelled with its count and its share of the
// union, and the caption names that denominator, the universe coverage and
// the fit error. Regions too small to hold a label are listed below the
// diagram. All text is XML-escaped.
func WriteVennSVG(w io.Writer, r *Report, opts SVGOptions) error {
	layout, err := LayoutVenn(r)
	if err != nil {
		return err
	}
	width := opts.width()
	const margin = 20.0
	top := margin
	if opts.Title != "" {
		top += 24
	}

	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range layout.Circles {
		if c.Radius <= 0 {
			continue
		}
		minX, maxX = math.Min(minX, c.X-c.Radius), math.Max(maxX, c.X+c.Radius)
		minY, maxY = math.Min(minY, c.Y-c.Radius), math.Max(maxY, c.Y+c.Radius)
	}
	drawn := !math.IsInf(minX, 1)
	diagramHeight := 60.0
	scale := 0.0
	if drawn {
		scale = math.Min((width-2*margin)/(maxX-minX), 0.6*width/(maxY-minY))
		diagramHeight = (maxY - minY) * scale
	}
	toX := func(x float64) float64 { return margin + (x-minX)*scale + ((width-2*margin)-(maxX-minX)*scale)/2 }
	toY := func(y float64) float64 { return top + (y-minY)*scale }

	labels, hidden := placeVennLabels(layout)
	captions := vennCaptions(r, layout)
	for _, region := range hidden {
		captions = append(captions, fmt.Sprintf("Too small to label: %s, %s.", Region{Sets: region.Sets}.Label(), countNoun(region.Count, "account", "accounts")))
	}
	height := top + diagramHeight + 16 + 18*float64(len(captions)+len(r.Sets)) + margin

	s := &svgWriter{w: w}
	s.raw(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif">`+"\n",
		num(width), num(height), num(width), num(height))
	s.raw(`<rect x="0" y="0" width="%s" height="%s" fill="white"/>`+"\n", num(width), num(height))
	if opts.Title != "" {
		s.text(width/2, margin+8, 16, "middle", "bold", opts.Title)
	}
	if !drawn {
		s.text(width/2, top+diagramHeight/2, 14, "middle", "normal", "No set has any account in the universe.")
	}
	for i, c := range layout.Circles {
		if c.Radius <= 0 {
			continue
		}
		s.raw(`<circle data-set="%s" cx="%s" cy="%s" r="%s" fill="%s" fill-opacity="0.3" stroke="%s" stroke-width="1.5"><title>%s</title></circle>`+"\n",
			escapeXML(c.Set), num(toX(c.X)), num(toY(c.Y)), num(c.Radius*scale), palette[i], palette[i], escapeXML(c.Set))
	}
	union := float64(r.UnionSize)
	for _, l := range labels {
		x, y := toX(l.x), toY(l.y)
		s.text(x, y-2, 13, "middle", "bold", thousands(l.region.Count))
		s.text(x, y+13, 11, "middle", "normal", Ratio{float64(l.region.Count), union}.Percent())
	}
	y := top + diagramHeight + 16
	for i, set := range r.Sets {
		coverage, _ := r.Metric(MetricCoverage, set.Name)
		s.raw(`<rect x="%s" y="%s" width="12" height="12" fill="%s" fill-opacity="0.5"/>`+"\n", num(margin), num(y), palette[i])
		s.text(margin+18, y+10, 12, "start", "normal",
			fmt.Sprintf("%s: %s, %s of the universe", set.Name, countNoun(set.Size, "account", "accounts"), coverage.Value.Percent()))
		y += 18
	}
	for _, line := range captions {
		s.text(margin, y+10, 12, "start", "normal", line)
		y += 18
	}
	s.raw("</svg>\n")
	return s.err
}

// vennCaptions returns the lines that name the label denominator, the
// universe and the fit quality.
func vennCaptions(r *Report, layout *VennLayout) []string {
	lines := []string{fmt.Sprintf("Labels: accounts and share of the union, the %s in at least one set.", countNoun(r.UnionSize, "account", "accounts"))}
	coverage, _ := r.Metric(MetricCoverage, setNamesAll(r)...)
	lines = append(lines, fmt.Sprintf("Universe: %s, %s reached by at least one set.", countNoun(r.Universe.Size, "target account", "target accounts"), coverage.Value.Percent()))
	if len(r.Sets) == 2 {
		a, b := r.Sets[0].Name, r.Sets[1].Name
		jaccard, _ := r.Metric(MetricJaccard, a, b)
		oc, _ := r.Metric(MetricOverlapCoefficient, a, b)
		lines = append(lines, fmt.Sprintf("Jaccard %s, overlap coefficient %s.", jaccard.Value.Percent(), oc.Value.Percent()))
	}
	drawn := slices.ContainsFunc(layout.Circles, func(c Circle) bool { return c.Radius > 0 })
	switch {
	case !drawn:
		// Nothing is drawn, so there are no areas to describe.
	case layout.Exact:
		lines = append(lines, "Exact: circle and overlap areas are proportional to the counts.")
	default:
		lines = append(lines, fmt.Sprintf("Fitted: areas are approximate, largest region error %s of the union, stress %s.",
			Ratio{layout.MaxError, 1}.Percent(), formatNumber(layout.Stress)))
	}
	return lines
}

func setNamesAll(r *Report) []string {
	names := make([]string, len(r.Sets))
	for i, s := range r.Sets {
		names[i] = s.Name
	}
	return names
}

type vennLabel struct {
	region FittedRegion
	x, y   float64
}

// placeVennLabels finds for each non-empty region the grid point inside it
// that is farthest from every circle edge. Regions without such a point are
// returned as hidden.
func placeVennLabels(layout *VennLayout) (labels []vennLabel, hidden []FittedRegion) {
	const grid = 160
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range layout.Circles {
		if c.Radius > 0 {
			minX, maxX = math.Min(minX, c.X-c.Radius), math.Max(maxX, c.X+c.Radius)
			minY, maxY = math.Min(minY, c.Y-c.Radius), math.Max(maxY, c.Y+c.Radius)
		}
	}
	type candidate struct {
		x, y, clearance float64
		found           bool
	}
	best := make([]candidate, 1<<len(layout.Circles))
	if !math.IsInf(minX, 1) {
		for i := 0; i <= grid; i++ {
			for j := 0; j <= grid; j++ {
				x := minX + (maxX-minX)*float64(i)/grid
				y := minY + (maxY-minY)*float64(j)/grid
				key, clearance := 0, math.Inf(1)
				for k, c := range layout.Circles {
					if c.Radius <= 0 {
						continue
					}
					d := math.Hypot(x-c.X, y-c.Y)
					if d < c.Radius {
						key |= 1 << k
					}
					clearance = math.Min(clearance, math.Abs(d-c.Radius))
				}
				if key != 0 && clearance > best[key].clearance {
					best[key] = candidate{x, y, clearance, true}
				}
			}
		}
	}
	for _, region := range layout.Regions {
		if region.Count == 0 {
			continue
		}
		key := 0
		for k, c := range layout.Circles {
			for _, name := range region.Sets {
				if c.Set == name {
					key |= 1 << k
				}
			}
		}
		if b := best[key]; b.found {
			labels = append(labels, vennLabel{region, b.x, b.y})
		} else {
			hidden = append(hidden, region)
		}
	}
	return labels, hidden
}

// WriteText writes the layout as a table of regions with their counts,
// drawn areas and shares, followed by the fit error.
func (l *VennLayout) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	p := &textPrinter{w: tw}
	countSum, areaSum := 0.0, 0.0
	for _, region := range l.Regions {
		countSum += float64(region.Count)
		areaSum += region.Area
	}
	p.line("REGION\tCOUNT\tDRAWN AREA\tSHARE OF COUNTS\tSHARE OF AREA")
	for _, region := range l.Regions {
		p.line("%s\t%d\t%s\t%s\t%s", cleanText(Region{Sets: region.Sets}.Label()), region.Count, formatNumber(region.Area),
			Ratio{float64(region.Count), countSum}.Percent(), Ratio{region.Area, areaSum}.Percent())
	}
	p.line("")
	p.line("Exact:\t%v", l.Exact)
	p.line("Largest region error:\t%s of the union", Ratio{l.MaxError, 1}.Percent())
	p.line("Stress:\t%s", formatNumber(l.Stress))
	if p.err != nil {
		return p.err
	}
	return tw.Flush()
}
