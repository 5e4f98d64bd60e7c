package overlap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type svgDocument struct {
	XMLName xml.Name    `xml:"svg"`
	Circles []svgCircle `xml:"circle"`
	Texts   []string    `xml:"text"`
}

type svgCircle struct {
	Set string  `xml:"data-set,attr"`
	CX  float64 `xml:"cx,attr"`
	CY  float64 `xml:"cy,attr"`
	R   float64 `xml:"r,attr"`
}

func parseSVG(t *testing.T, data []byte) svgDocument {
	t.Helper()
	var doc svgDocument
	require.NoError(t, xml.Unmarshal(data, &doc), "SVG must parse as XML:\n%s", data)
	return doc
}

// ids returns n IDs with the given prefix.
func ids(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%06d", prefix, i)
	}
	return out
}

// twoSets returns a universe and sets with the given exclusive counts.
func twoSets(onlyA, onlyB, both int) ([]string, Set, Set) {
	a := append(ids("a", onlyA), ids("ab", both)...)
	b := append(ids("b", onlyB), ids("ab", both)...)
	universe := append(append(append(ids("a", onlyA), ids("b", onlyB)...), ids("ab", both)...), ids("n", 5)...)
	return universe, Set{Name: "A", Members: a}, Set{Name: "B", Members: b}
}

func TestWriteVennSVGTwoSetAreas(t *testing.T) {
	tests := []struct {
		name               string
		onlyA, onlyB, both int
	}{
		{"partial overlap", 840, 300, 160},
		{"small overlap", 5000, 4000, 3},
		{"one in a hundred thousand", 100000, 90000, 1},
		{"one in a million", 1000000, 900000, 1},
		{"b inside a", 700, 0, 300},
		{"a inside b", 0, 50, 10},
		{"identical", 0, 0, 40},
		{"disjoint", 120, 80, 0},
		{"b empty", 100, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			universe, a, b := twoSets(tt.onlyA, tt.onlyB, tt.both)
			r, err := Compute(universe, a, b)
			require.NoError(t, err)
			var buf bytes.Buffer
			require.NoError(t, WriteVennSVG(&buf, r, SVGOptions{}))
			doc := parseSVG(t, buf.Bytes())

			sizeA, sizeB := float64(tt.onlyA+tt.both), float64(tt.onlyB+tt.both)
			drawn := map[string]svgCircle{}
			for _, c := range doc.Circles {
				drawn[c.Set] = c
			}
			if sizeB == 0 {
				require.Len(t, doc.Circles, 1, "an empty set draws no circle")
				return
			}
			require.Len(t, doc.Circles, 2)
			ca, cb := drawn["A"], drawn["B"]
			areaA, areaB := circleArea(ca.R), circleArea(cb.R)
			lens := lensArea(ca.R, cb.R, math.Hypot(ca.CX-cb.CX, ca.CY-cb.CY))

			assert.InEpsilon(t, sizeA/sizeB, areaA/areaB, 0.001, "circle areas")
			if tt.both == 0 {
				assert.Zero(t, lens, "disjoint sets share no area")
			} else {
				assert.InEpsilon(t, float64(tt.both)/sizeA, lens/areaA, 0.001, "lens area")
			}
		})
	}
}

func TestWriteVennSVGBothEmpty(t *testing.T) {
	r, err := Compute([]string{"x"}, Set{Name: "A"}, Set{Name: "B"})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteVennSVG(&buf, r, SVGOptions{}))
	doc := parseSVG(t, buf.Bytes())

	assert.Empty(t, doc.Circles)
	assert.Contains(t, doc.Texts, "No set has any account in the universe.")
	for _, text := range doc.Texts {
		assert.NotContains(t, text, "proportional", "no areas are drawn to be proportional")
	}
}

func TestWriteVennSVGEscapesText(t *testing.T) {
	name := `<b>&"x'`
	r, err := Compute(nil, Set{Name: name, Members: []string{"1", "2"}}, Set{Name: "s&p", Members: []string{"2"}})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteVennSVG(&buf, r, SVGOptions{Title: "Reach <Q3> & more"}))
	doc := parseSVG(t, buf.Bytes())

	assert.Contains(t, doc.Texts, "Reach <Q3> & more")
	var names []string
	for _, c := range doc.Circles {
		names = append(names, c.Set)
	}
	assert.ElementsMatch(t, []string{name, "s&p"}, names)
}

func TestWriteVennSVGLabels(t *testing.T) {
	universe, a, b := twoSets(840, 300, 160)
	r, err := Compute(universe, a, b)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteVennSVG(&buf, r, SVGOptions{}))
	doc := parseSVG(t, buf.Bytes())

	for _, want := range []string{"840", "300", "160", "64.6%", "23.1%", "12.3%"} {
		assert.Contains(t, doc.Texts, want)
	}
}

func TestLayoutVennRejectsManySets(t *testing.T) {
	r, err := Compute(nil, Set{Name: "a"}, Set{Name: "b"}, Set{Name: "c"}, Set{Name: "d"})
	require.NoError(t, err)
	_, err = LayoutVenn(r)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "WriteUpSetSVG")
}

func TestDistanceForLens(t *testing.T) {
	for _, shared := range []float64{0.001, 0.5, 1, 2, 3.1} {
		r1, r2 := 1.0, 1.3
		d := distanceForLens(r1, r2, shared)
		assert.InDelta(t, shared, lensArea(r1, r2, d), 1e-9, "shared %s", strconv.FormatFloat(shared, 'g', -1, 64))
	}
}

func TestVennLayoutWriteText(t *testing.T) {
	universe, a, b := twoSets(840, 300, 160)
	r, err := Compute(universe, a, b)
	require.NoError(t, err)
	layout, err := LayoutVenn(r)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, layout.WriteText(&buf))

	assert.Contains(t, buf.String(), "A & B   160    160.0000")
	assert.Contains(t, buf.String(), "Exact:                 true")
}
