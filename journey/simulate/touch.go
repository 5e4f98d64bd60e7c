package simulate

import (
	"fmt"
	"strings"
	"time"

	"github.com/accountkit/accountkit/journey"
)

// Channel is the medium of a touch. Ads, content and events belong to
// marketing, calls and meetings to sales, and both teams send email.
type Channel uint8

// Channels. The zero value is not a valid channel.
const (
	ChannelAd Channel = iota + 1
	ChannelEmail
	ChannelContent
	ChannelEvent
	ChannelCall
	ChannelMeeting
)

var channelNames = [...]string{ChannelAd: "ad", ChannelEmail: "email", ChannelContent: "content", ChannelEvent: "event", ChannelCall: "call", ChannelMeeting: "meeting"}

// String returns the channel's name, such as "ad", or "Channel(N)" for an
// invalid value.
func (c Channel) String() string {
	if !c.Valid() {
		return fmt.Sprintf("Channel(%d)", uint8(c))
	}
	return channelNames[c]
}

// Valid reports whether c is one of the defined channels.
func (c Channel) Valid() bool {
	return c >= ChannelAd && c <= ChannelMeeting
}

// ParseChannel parses a channel name, ignoring case.
func ParseChannel(s string) (Channel, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for c := ChannelAd; c <= ChannelMeeting; c++ {
		if channelNames[c] == name {
			return c, nil
		}
	}
	return 0, fmt.Errorf("invalid channel %q: expected ad, email, content, event, call or meeting", s)
}

// UsedBy reports whether team sends touches in channel.
func (c Channel) UsedBy(team journey.Team) bool {
	switch c {
	case ChannelAd, ChannelContent, ChannelEvent:
		return team == journey.Marketing
	case ChannelCall, ChannelMeeting:
		return team == journey.Sales
	case ChannelEmail:
		return team.Valid()
	}
	return false
}

// Touch is one scripted or simulated interaction of a team with one
// persona, without its instant.
type Touch struct {
	// Team is the team that sends the touch.
	Team journey.Team
	// Channel is the medium, which must be one the team uses.
	Channel Channel
	// Topic is the subject of the touch, such as "security". Touches on the
	// same topic continue each other. Empty means no topic.
	Topic string
	// Message is the touch's claim or offer on its topic. Two touches of
	// different teams with the same topic and different non-empty
	// messages contradict each other, and the same non-empty message seen
	// again is a repetition. Empty means the touch makes no claim of its
	// own.
	Message string
}

// Validate returns an error if the team or channel is invalid or the team
// does not use the channel.
func (t Touch) Validate() error {
	if !t.Team.Valid() {
		return fmt.Errorf("invalid team %d", uint8(t.Team))
	}
	if !t.Channel.Valid() {
		return fmt.Errorf("invalid channel %d", uint8(t.Channel))
	}
	if !t.Channel.UsedBy(t.Team) {
		return fmt.Errorf("team %s does not use channel %s", t.Team, t.Channel)
	}
	return nil
}

// String describes the touch, such as `sales email on security "free
// audit"`.
func (t Touch) String() string {
	var b strings.Builder
	b.WriteString(t.Team.String())
	b.WriteByte(' ')
	b.WriteString(t.Channel.String())
	if t.Topic != "" {
		b.WriteString(" on ")
		b.WriteString(t.Topic)
	}
	if t.Message != "" {
		fmt.Fprintf(&b, " %q", t.Message)
	}
	return b.String()
}

// kindIndex numbers the seven pairs of team and channel, so per-kind
// parameters can live in arrays. It returns -1 for an invalid pair.
func kindIndex(team journey.Team, c Channel) int {
	if !c.UsedBy(team) {
		return -1
	}
	switch c {
	case ChannelAd:
		return 0
	case ChannelContent:
		return 1
	case ChannelEvent:
		return 2
	case ChannelCall:
		return 3
	case ChannelMeeting:
		return 4
	}
	if team == journey.Marketing {
		return 5
	}
	return 6
}

// Event is a touch that a persona received, with how much the persona
// engaged with it.
type Event struct {
	// At is the instant of the touch.
	At time.Time
	// Touch is the touch received.
	Touch Touch
	// Engagement is the strength of the persona's engagement, from 0 to
	// 1. In a simulated run it is 1 or 0, the outcome of a random draw.
	// In a walk-through it is the engagement probability, the expected
	// outcome.
	Engagement float64
}
