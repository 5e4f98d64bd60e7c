package progress

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBarQuietWhenNotTerminal(t *testing.T) {
	var buf bytes.Buffer
	bar := New(&buf, "loading", 100)
	bar.Update(50, 10)
	bar.Finish(100, 20)
	assert.Empty(t, buf.String())
}

func TestIsTerminalRegularFile(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	assert.NoError(t, err)
	defer f.Close()
	assert.False(t, IsTerminal(f))
	assert.False(t, IsTerminal(&bytes.Buffer{}))
}

func TestBarDrawsPercentage(t *testing.T) {
	var buf bytes.Buffer
	bar := &Bar{w: &buf, label: "loading", total: 200, enabled: true}
	bar.Finish(50, 7)
	assert.Contains(t, buf.String(), "loading [=======                       ]  25% 7 rows")
}
