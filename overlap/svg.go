package overlap

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// SVGOptions sets the size and title of a diagram.
type SVGOptions struct {
	// Width is the image width in pixels. Zero means 640.
	Width int
	// Title is drawn above the diagram. Empty means no title.
	Title string
	// MaxRegions is the maximum number of regions an UpSet plot draws, the
	// largest ones. Zero means 40. The caption counts the rest.
	MaxRegions int
}

func (o SVGOptions) width() float64 {
	if o.Width <= 0 {
		return 640
	}
	return float64(o.Width)
}

// svgWriter writes SVG markup and keeps the first write error.
type svgWriter struct {
	w   io.Writer
	err error
}

func (s *svgWriter) raw(format string, args ...any) {
	if s.err != nil {
		return
	}
	_, s.err = fmt.Fprintf(s.w, format, args...)
}

// text writes a <text> element whose content is XML-escaped.
func (s *svgWriter) text(x, y float64, size int, anchor, weight, content string) {
	s.raw(`<text x="%s" y="%s" font-size="%d" text-anchor="%s" font-weight="%s">%s</text>`+"\n",
		num(x), num(y), size, anchor, weight, escapeXML(content))
}

// num formats a coordinate with the fewest digits that read back as the
// same float64. Fewer would do for the circles, but not for the lens of two
// sets that share one account in a million. The lens area grows with the
// depth of the overlap to the power 1.5, so four decimals of a center
// moved it by about 1%.
func num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// escapeXML escapes text for element content and attribute values, and
// replaces characters that XML 1.0 does not allow with U+FFFD.
func escapeXML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteString(" ")
		case r < 0x20 || (r >= 0xD800 && r <= 0xDFFF) || r == 0xFFFE || r == 0xFFFF:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// thousands formats n with comma separators, such as 1,234,567.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// countNoun formats n with separators and the noun in singular or plural,
// such as "1 account" or "1,200 accounts".
func countNoun(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return thousands(n) + " " + plural
}

// palette holds fill colours for up to three circles and for UpSet bars.
var palette = []string{"#1f77b4", "#ff7f0e", "#2ca02c"}
