package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLineChartGapsAndEscaping(t *testing.T) {
	c := lineChart{
		ID: "c1", Title: "A & <B>",
		Labels: []string{"2026-W01", "2026-W02", "2026-W03", "2026-W04", "2026-W05"},
		Series: []chartSeries{{
			Name: `"quoted" <name>`, Color: "#000",
			Values:  []float64{1, 2, 0, 3, 4},
			Defined: []bool{true, true, false, true, true},
		}},
	}
	svg := c.svg()
	assert.Equal(t, 2, strings.Count(svg, "<polyline "), "the undefined point splits the line in two")
	assert.Equal(t, 4, strings.Count(svg, "<circle "), "one dot per defined point")
	assert.Contains(t, svg, "<title>A &amp; &lt;B&gt;</title>")
	assert.Contains(t, svg, "&#34;quoted&#34; &lt;name&gt;")
	assert.NotContains(t, svg, "<B>")
	assert.NotContains(t, svg, "<name>")
}

func TestLineChartAxisTop(t *testing.T) {
	tests := []struct {
		values   []float64
		decimals int
		want     float64
	}{
		{[]float64{36}, 0, 40},
		{[]float64{0}, 0, 4},
		{[]float64{0.48}, 2, 0.8},
		{[]float64{2.4}, 2, 4},
		{[]float64{3500}, 0, 4000},
	}
	for _, tt := range tests {
		c := lineChart{Decimals: tt.decimals, Series: []chartSeries{{Values: tt.values, Defined: []bool{true}}}}
		assert.InDelta(t, tt.want, c.axisTop(), 1e-9, "values %v", tt.values)
	}
}

func TestSparkline(t *testing.T) {
	assert.Equal(t, "▁▅█·", sparkline([]float64{0, 5, 10, 99}, []bool{true, true, true, false}))
	assert.Equal(t, "▅▅", sparkline([]float64{3, 3}, []bool{true, true}), "a flat series sits in the middle")
	assert.Equal(t, "··", sparkline([]float64{0, 0}, []bool{false, false}))
}
