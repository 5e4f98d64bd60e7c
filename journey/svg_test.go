package journey

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteSVGIsWellFormed(t *testing.T) {
	tl := timelineOf(t, "a<&>",
		touch("", 0, Marketing, `web "home"`),
		touch("", 3*day, Sales, "call"),
		touch("", 20*day, Marketing, "email"),
	)
	h, err := DefaultStageModel().History("a<&>", []StageEvent{
		{AccountID: "a<&>", Stage: "aware", Time: t0},
		{AccountID: "a<&>", Stage: "SAL", Time: t0.Add(3 * day)},
	}, &tl)
	require.NoError(t, err)
	var out strings.Builder
	err = WriteSVG(&out, &tl, SVGOptions{
		History:  &h,
		Silences: []Silence{{Start: t0.Add(3 * day), End: t0.Add(20 * day)}},
	})
	require.NoError(t, err)

	svg := out.String()
	decoder := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := decoder.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "SVG must be well-formed XML")
	}
	assert.Equal(t, 3+len(Teams()), strings.Count(svg, "<circle"), "one mark per touch and one legend mark per team")
	assert.Contains(t, svg, ">SAL<")
	assert.Contains(t, svg, "silence of 17d")
	assert.Contains(t, svg, "a&lt;&amp;&gt;")
}

func TestWriteSVGErrors(t *testing.T) {
	var out strings.Builder
	assert.Error(t, WriteSVG(&out, nil, SVGOptions{}))
	empty := Timeline{AccountID: "x"}
	assert.ErrorContains(t, WriteSVG(&out, &empty, SVGOptions{}), "nothing to draw")
	tl := timelineOf(t, "a", touch("", 0, Sales, "call"))
	assert.ErrorContains(t, WriteSVG(&out, &tl, SVGOptions{Width: 50}), "too small")
	require.NoError(t, WriteSVG(&out, &tl, SVGOptions{}), "a single touch gets a padded axis")
}
