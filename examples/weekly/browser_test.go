package main

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chromiumPath returns Debian's chromium from PATH, or skips the test with
// the way to install it.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	t.Skip("chromium not found on PATH; install it with `apt-get install -y chromium` (.ci/run does so where it can) to render the HTML page in a browser")
	return ""
}

// runChromium runs headless chromium on a local file with a fresh profile
// and no network services, and returns its standard output.
func runChromium(t *testing.T, chromium string, args ...string) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run",
		"--user-data-dir=" + t.TempDir(),
	}
	cmd := exec.CommandContext(ctx, chromium, append(base, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, err, "chromium %v failed; its standard error:\n%s", args, stderr.String())
	return stdout.Bytes()
}

func TestHTMLRendersInChromium(t *testing.T) {
	chromium := chromiumPath(t)
	page := filepath.Join(t.TempDir(), "weekly.html")
	require.NoError(t, run([]string{"-html", page}, &bytes.Buffer{}, &bytes.Buffer{}))
	url := "file://" + page

	dom := string(runChromium(t, chromium, "--dump-dom", url))
	require.Contains(t, dom, "</html>", "chromium printed no document")
	for _, id := range []string{"chart-regions", "chart-jaccard", "chart-lift", "chart-latency", "chart-queue"} {
		assert.Regexp(t, `<svg [^>]*id="`+id+`"`, dom, "chart %s is an svg element in the DOM", id)
	}
	for _, id := range []string{"venn-last", "venn-this"} {
		assert.Regexp(t, `<figure id="`+id+`"><svg `, dom, "Venn diagram %s", id)
	}
	for _, id := range []string{"circles-table", "changes-table", "queue-table", "sales-only-table", "unreached-table", "pipeline-table", "handoff-table"} {
		assert.Contains(t, dom, `<table id="`+id+`">`)
	}
	assert.Equal(t, 7, strings.Count(dom, "<svg "), "two Venn diagrams and five charts")
	assert.GreaterOrEqual(t, strings.Count(dom, "<polyline "), 6, "every chart draws its lines")
	rows := regexp.MustCompile(`(?s)<table id="queue-table">.*?</table>`).FindString(dom)
	assert.Greater(t, strings.Count(rows, "<tr>"), 1, "the queue table has rows under its header")

	shot := filepath.Join(t.TempDir(), "page.png")
	runChromium(t, chromium, "--window-size=1200,1600", "--hide-scrollbars", "--screenshot="+shot, url)
	f, err := os.Open(shot)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	// The Venn circles fill with the marketing blue and the sales orange
	// at 30% opacity, and the charts draw lines in the full colours, so a
	// page that renders its SVG has pixels of both hues.
	var bluish, orangish int
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			r, g, b = r>>8, g>>8, b>>8
			switch {
			case b > r+40 && b > g+10:
				bluish++
			case r > b+50 && g > b+20 && r > g:
				orangish++
			}
		}
	}
	t.Logf("screenshot %v: %d bluish and %d orangish pixels", bounds.Size(), bluish, orangish)
	assert.Greater(t, bluish, 2000, "marketing-blue pixels in the screenshot")
	assert.Greater(t, orangish, 2000, "sales-orange pixels in the screenshot")
}
