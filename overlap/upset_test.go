package overlap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// threeSets returns a universe and three sets with the given exclusive
// region counts, indexed by region key over sets a, b, c.
func threeSets(counts [8]int) ([]string, []Set) {
	var universe []string
	sets := []Set{{Name: "a"}, {Name: "b"}, {Name: "c"}}
	for key, n := range counts {
		members := ids(fmt.Sprintf("r%d-", key), n)
		universe = append(universe, members...)
		for i := range sets {
			if key&(1<<i) != 0 {
				sets[i].Members = append(sets[i].Members, members...)
			}
		}
	}
	return universe, sets
}

func TestLayoutVennThreeSets(t *testing.T) {
	tests := []struct {
		name   string
		counts [8]int
		exact  bool
	}{
		// Key order: none, a, b, ab, c, ac, bc, abc.
		{"typical", [8]int{50, 300, 200, 60, 150, 40, 30, 20}, false},
		{"disjoint", [8]int{0, 100, 80, 0, 60, 0, 0, 0}, false},
		{"nested", [8]int{0, 200, 0, 100, 0, 0, 0, 50}, false},
		{"one empty", [8]int{5, 100, 80, 30, 0, 0, 0, 0}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			universe, sets := threeSets(tt.counts)
			r, err := Compute(universe, sets...)
			require.NoError(t, err)
			layout, err := LayoutVenn(r)
			require.NoError(t, err)

			for i, c := range layout.Circles {
				assert.InEpsilon(t, float64(r.Sets[i].Size)+1e-9, circleArea(c.Radius)+1e-9, 1e-9, "circle %s", c.Set)
			}
			if tt.exact {
				assert.True(t, layout.Exact)
			}
			assert.Less(t, layout.MaxError, 0.05, "fit error")
			maxError, _ := fitError(countsByKey(layout), areasByKey(layout))
			assert.InDelta(t, maxError, layout.MaxError, 1e-12)

			var buf bytes.Buffer
			require.NoError(t, WriteVennSVG(&buf, r, SVGOptions{Title: "three"}))
			doc := parseSVG(t, buf.Bytes())
			assert.NotEmpty(t, doc.Circles)
		})
	}
}

func countsByKey(l *VennLayout) []float64 {
	out := make([]float64, len(l.Regions)+1)
	for i, region := range l.Regions {
		out[i+1] = float64(region.Count)
	}
	return out
}

func areasByKey(l *VennLayout) []float64 {
	out := make([]float64, len(l.Regions)+1)
	for i, region := range l.Regions {
		out[i+1] = region.Area
	}
	return out
}

func TestTripleAreaMatchesSampling(t *testing.T) {
	circles := [3]Circle{{X: 0, Y: 0, Radius: 1}, {X: 1, Y: 0, Radius: 0.8}, {X: 0.5, Y: 0.7, Radius: 0.9}}
	rng := rand.New(rand.NewPCG(3, 4))
	inside, samples := 0, 400_000
	for range samples {
		x, y := -1+3*rng.Float64(), -1+3*rng.Float64()
		in := true
		for _, c := range circles {
			in = in && math.Hypot(x-c.X, y-c.Y) < c.Radius
		}
		if in {
			inside++
		}
	}
	sampled := 9 * float64(inside) / float64(samples)
	assert.InEpsilon(t, sampled, tripleArea(circles), 0.02)
	assert.Zero(t, tripleArea([3]Circle{{X: 0, Radius: 1}, {X: 5, Radius: 1}, {X: 0, Y: 1, Radius: 1}}))
	assert.InEpsilon(t, circleArea(0.3), tripleArea([3]Circle{{Radius: 1}, {Radius: 2}, {X: 0.1, Radius: 0.3}}), 1e-4)
}

type upsetDocument struct {
	Rects []struct {
		Region string  `xml:"data-region,attr"`
		Set    string  `xml:"data-set,attr"`
		Count  int     `xml:"data-count,attr"`
		Height float64 `xml:"height,attr"`
		Width  float64 `xml:"width,attr"`
	} `xml:"rect"`
	Texts []string `xml:"text"`
}

func TestWriteUpSetSVGBars(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	universe := ids("u", 2000)
	var sets []Set
	for i := range 10 {
		s := Set{Name: "team <" + strconv.Itoa(i) + ">"}
		for _, id := range universe {
			if rng.IntN(4) == 0 {
				s.Members = append(s.Members, id)
			}
		}
		sets = append(sets, s)
	}
	r, err := Compute(universe, sets...)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteUpSetSVG(&buf, r, SVGOptions{Title: "Ten & more", MaxRegions: 25}))

	var doc upsetDocument
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc))
	var bars, setBars int
	var unit float64
	for _, rect := range doc.Rects {
		switch {
		case rect.Region != "":
			bars++
			if unit == 0 {
				unit = rect.Height / float64(rect.Count)
			}
			assert.InEpsilon(t, unit*float64(rect.Count), rect.Height, 1e-3, "bar %s", rect.Region)
		case rect.Set != "":
			setBars++
		}
	}
	assert.Equal(t, 25, bars)
	assert.Equal(t, 10, setBars)
	assert.Contains(t, doc.Texts, "Ten & more")
	assert.Contains(t, doc.Texts, "team <3>")
	assert.Contains(t, doc.Texts[len(doc.Texts)-1], "Not shown:")
	// A caption line of 12-pixel text is about 6.5 pixels a letter (an
	// estimate), so 80 letters fit the 640-pixel plot with its margins.
	for _, line := range upsetCaptions(r, 7, 12345, 1234567) {
		assert.LessOrEqual(t, utf8.RuneCountInString(line), 80, line)
	}
}

func TestWriteUpSetSVGEmpty(t *testing.T) {
	r, err := Compute(nil, Set{Name: "a"}, Set{Name: "b"})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteUpSetSVG(&buf, r, SVGOptions{}))
	var doc upsetDocument
	require.NoError(t, xml.Unmarshal(buf.Bytes(), &doc))
}
