package journey

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func webTouch(contact string, offset time.Duration) Touchpoint {
	return Touchpoint{AccountID: "a", Time: t0.Add(offset), Team: Marketing, Channel: "web", Contact: contact}
}

func TestSessionsSplitOnInactivity(t *testing.T) {
	tl, err := NewTimeline("a", []Touchpoint{
		webTouch("x", 0),
		webTouch("x", 10*time.Minute),
		webTouch("x", 40*time.Minute), // 30 min after the previous: same session
		webTouch("x", 71*time.Minute), // 31 min: new session
		webTouch("y", 5*time.Minute),
		touch("a", 20*time.Minute, Sales, "call"),
	}, TimelineOptions{})
	require.NoError(t, err)

	sessions := tl.Sessions(SessionOptions{})
	require.Len(t, sessions, 3)
	assert.Equal(t, "x", sessions[0].Contact)
	assert.Len(t, sessions[0].Touches, 3)
	assert.Equal(t, t0.Add(40*time.Minute), sessions[0].End)
	assert.Equal(t, "y", sessions[1].Contact)
	assert.Equal(t, t0.Add(71*time.Minute), sessions[2].Start)
}

func TestSessionsCustomTimeoutAndFilter(t *testing.T) {
	tl, err := NewTimeline("a", []Touchpoint{
		webTouch("x", 0),
		webTouch("x", 10*time.Minute),
		{AccountID: "a", Time: t0.Add(12 * time.Minute), Team: Marketing, Channel: "email", Contact: "x"},
	}, TimelineOptions{})
	require.NoError(t, err)

	assert.Len(t, tl.Sessions(SessionOptions{Timeout: 5 * time.Minute}), 2)
	all := tl.Sessions(SessionOptions{IsWeb: func(*Touchpoint) bool { return true }})
	require.Len(t, all, 1)
	assert.Len(t, all[0].Touches, 3)
}

func TestIsWebActivity(t *testing.T) {
	assert.True(t, IsWebActivity(&Touchpoint{Channel: "Website"}))
	assert.True(t, IsWebActivity(&Touchpoint{Type: "PAGE_VIEW"}))
	assert.False(t, IsWebActivity(&Touchpoint{Channel: "email", Type: "open"}))
}
