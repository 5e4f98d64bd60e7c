package simulate

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/journey"
)

func TestParseNames(t *testing.T) {
	for c := ChannelAd; c <= ChannelMeeting; c++ {
		got, err := ParseChannel(strings.ToUpper(c.String()))
		require.NoError(t, err)
		assert.Equal(t, c, got)
	}
	for _, r := range Roles() {
		got, err := ParseRole(" " + r.String() + " ")
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	role, err := ParseRole("Economic Buyer")
	require.NoError(t, err)
	assert.Equal(t, EconomicBuyer, role)
	for _, s := range Strategies() {
		got, err := ParseStrategy(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}

	_, err = ParseChannel("fax")
	assert.ErrorContains(t, err, `invalid channel "fax"`)
	_, err = ParseRole("cfo")
	assert.ErrorContains(t, err, `invalid role "cfo"`)
	_, err = ParseStrategy("abm")
	assert.ErrorContains(t, err, `invalid strategy "abm"`)

	assert.Equal(t, "Channel(0)", Channel(0).String())
	assert.Equal(t, "Role(9)", Role(9).String())
	assert.Equal(t, "Strategy(0)", Strategy(0).String())
	assert.Equal(t, "Factor(0)", Factor(0).String())
	assert.Empty(t, Factor(0).Detail())
}

func TestChannelUsedBy(t *testing.T) {
	tests := []struct {
		channel          Channel
		marketing, sales bool
	}{
		{ChannelAd, true, false},
		{ChannelEmail, true, true},
		{ChannelContent, true, false},
		{ChannelEvent, true, false},
		{ChannelCall, false, true},
		{ChannelMeeting, false, true},
		{Channel(0), false, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.marketing, tt.channel.UsedBy(journey.Marketing), "%s by marketing", tt.channel)
		assert.Equal(t, tt.sales, tt.channel.UsedBy(journey.Sales), "%s by sales", tt.channel)
	}
}

func TestTouchString(t *testing.T) {
	touch := Touch{Team: journey.Sales, Channel: ChannelEmail, Topic: "security", Message: "free audit"}
	assert.Equal(t, `sales email on security "free audit"`, touch.String())
	assert.Equal(t, "marketing ad", Touch{Team: journey.Marketing, Channel: ChannelAd}.String())
}

func TestSummaryWriteText(t *testing.T) {
	s := mustSummarize(t, mustRun(t, Config{Accounts: 1000, Seed: 1, Strategy: SharedList}))
	var buf bytes.Buffer
	require.NoError(t, s.WriteText(&buf))
	out := buf.String()
	assert.Contains(t, out, "strategy                  shared-list\n")
	assert.Contains(t, out, "lift(marketing,sales)")
	assert.Contains(t, out, "opportunities")

	_, err := Summarize(nil)
	assert.ErrorContains(t, err, "nil result")
}
