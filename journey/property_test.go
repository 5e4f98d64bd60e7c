package journey

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func randomTimelines(rng *rand.Rand, accounts, maxTouches int) []Touchpoint {
	var touches []Touchpoint
	for a := range accounts {
		n := rng.IntN(maxTouches + 1)
		for range n {
			touches = append(touches, Touchpoint{
				AccountID: string(rune('a' + a%26)),
				Time:      t0.Add(time.Duration(rng.IntN(90*24)) * time.Hour),
				Team:      Team(1 + rng.IntN(2)),
				Channel:   []string{"web", "email", "call"}[rng.IntN(3)],
				Weight:    float64(rng.IntN(4)),
			})
		}
	}
	return touches
}

func TestPropertyTimelinesSortedAndComplete(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for trial := range 100 {
		touches := randomTimelines(rng, 1+rng.IntN(30), 20)
		timelines, err := BuildTimelines(touches, TimelineOptions{})
		require.NoError(t, err)
		total := 0
		for ti, tl := range timelines {
			if ti > 0 {
				require.Less(t, timelines[ti-1].AccountID, tl.AccountID, "trial %d: accounts sorted and distinct", trial)
			}
			for i := range tl.Touches {
				require.Equal(t, tl.AccountID, tl.Touches[i].AccountID, "trial %d", trial)
				if i > 0 {
					require.LessOrEqual(t, compareTouches(&tl.Touches[i-1], &tl.Touches[i]), 0, "trial %d", trial)
				}
			}
			total += len(tl.Touches)
		}
		require.Equal(t, len(touches), total, "trial %d: no touch lost or added", trial)
	}
}

func TestPropertyHandoffInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for trial := range 200 {
		timelines, err := BuildTimelines(randomTimelines(rng, 5, 12), TimelineOptions{})
		require.NoError(t, err)
		opts := HandoffOptions{
			EngagementScore: float64(rng.IntN(6)),
			SLA:             time.Duration(rng.IntN(10)) * day,
			Silence:         time.Duration(1+rng.IntN(20)) * day,
			AsOf:            t0.Add(100 * day),
		}
		r, err := AnalyzeHandoffs(timelines, opts)
		require.NoError(t, err)
		for _, h := range r.Accounts {
			require.GreaterOrEqual(t, h.Latency, time.Duration(0), "trial %d", trial)
			require.False(t, h.Waiting && !h.HandoffAt.IsZero(), "trial %d: waiting yet handed off", trial)
			if !h.HandoffAt.IsZero() {
				require.False(t, h.HandoffAt.Before(h.EngagedAt), "trial %d: handoff before engagement", trial)
			}
			for _, s := range h.Silences {
				require.GreaterOrEqual(t, s.Duration(), opts.Silence, "trial %d", trial)
				require.False(t, s.Start.Before(h.EngagedAt), "trial %d: silence before engagement", trial)
			}
		}
		require.Equal(t, r.Engaged, r.HandedOff+r.Waiting, "trial %d", trial)
		require.LessOrEqual(t, r.LatencyMedian, r.LatencyP95, "trial %d", trial)
		if opts.SLA > 0 {
			require.Equal(t, r.Engaged, r.SLAMet+r.SLAMissed+r.SLAPending, "trial %d", trial)
		}
	}
}
