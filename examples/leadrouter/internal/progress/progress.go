// Package progress draws a one-line progress bar on a terminal and draws
// nothing when the output is not a terminal, so logs and pipes stay clean.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// IsTerminal reports whether w is a character device such as a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// Bar is a progress bar for a job of a known size in bytes. It is safe
// for concurrent use.
type Bar struct {
	mu      sync.Mutex
	w       io.Writer
	label   string
	total   int64
	enabled bool
	start   time.Time
	drawn   time.Time
}

// New returns a bar labelled label for total bytes, drawn on w when w is
// a terminal. A total of 0 or less shows rows without a percentage.
func New(w io.Writer, label string, total int64) *Bar {
	return &Bar{w: w, label: label, total: total, enabled: IsTerminal(w), start: time.Now()}
}

// Update redraws the bar for done bytes and rows, at most ten times a
// second.
func (b *Bar) Update(done int64, rows int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.enabled || time.Since(b.drawn) < 100*time.Millisecond {
		return
	}
	b.drawn = time.Now()
	b.draw(done, rows)
}

// Finish draws the final state and ends the line.
func (b *Bar) Finish(done int64, rows int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.enabled {
		return
	}
	b.draw(done, rows)
	fmt.Fprintln(b.w)
}

func (b *Bar) draw(done int64, rows int) {
	const width = 30
	elapsed := time.Since(b.start).Round(100 * time.Millisecond)
	if b.total <= 0 {
		fmt.Fprintf(b.w, "\r%s %d rows %s", b.label, rows, elapsed)
		return
	}
	frac := min(float64(done)/float64(b.total), 1)
	filled := int(frac * width)
	fmt.Fprintf(b.w, "\r%s [%s%s] %3.0f%% %d rows %s", b.label, strings.Repeat("=", filled), strings.Repeat(" ", width-filled), frac*100, rows, elapsed)
}
