package simulate

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// WalkStep is one step of a walk-through: the touch and the persona's
// reaction to it.
type WalkStep struct {
	// At is the instant of the touch.
	At time.Time
	// Touch is the touch received.
	Touch Touch
	// Reaction is the persona's reaction.
	Reaction Reaction
}

// Walkthrough is one persona's reactions to a scripted sequence of
// touches.
type Walkthrough struct {
	// Persona is the persona walked through the scenario.
	Persona Persona
	// Start is the instant of day 0.
	Start time.Time
	// Steps are the reactions, one per scripted step.
	Steps []WalkStep
}

// Walk takes persona through steps, which start at start, and returns the
// reaction to each touch. Each earlier touch enters the history with the
// persona's engagement probability as its engagement, so a walk-through
// shows expected reactions and involves no random draws. It returns an
// error for an invalid persona or step, steps out of time order, or a
// responder error or a probability outside [0, 1].
func Walk(r Responder, persona Persona, steps []Step, start time.Time) (*Walkthrough, error) {
	if r == nil {
		return nil, errors.New("nil responder")
	}
	if err := persona.Validate(); err != nil {
		return nil, err
	}
	w := &Walkthrough{Persona: persona, Start: start, Steps: make([]WalkStep, 0, len(steps))}
	history := make([]Event, 0, len(steps))
	for i, step := range steps {
		if err := step.Touch.Validate(); err != nil {
			return nil, fmt.Errorf("step %d: %w", i+1, err)
		}
		if i > 0 && step.Offset < steps[i-1].Offset {
			return nil, fmt.Errorf("step %d at %s comes before step %d at %s: steps must be in time order", i+1, step.Offset, i, steps[i-1].Offset)
		}
		at := start.Add(step.Offset)
		reaction, err := r.Respond(persona, history, at, step.Touch)
		if err != nil {
			return nil, fmt.Errorf("step %d (%s): %w", i+1, step.Touch, err)
		}
		if err := checkProbability(reaction.Probability); err != nil {
			return nil, fmt.Errorf("step %d (%s): %w", i+1, step.Touch, err)
		}
		w.Steps = append(w.Steps, WalkStep{At: at, Touch: step.Touch, Reaction: reaction})
		history = append(history, Event{At: at, Touch: step.Touch, Engagement: reaction.Probability})
	}
	return w, nil
}

func checkProbability(p float64) error {
	if math.IsNaN(p) || p < 0 || p > 1 {
		return fmt.Errorf("responder returned invalid probability %v: must lie in [0, 1]", p)
	}
	return nil
}

// WriteText writes the walk-through as text: per step the day, the touch,
// the engagement probability against the base, and each reason with its
// multiplier and the earlier step it refers to.
func (w *Walkthrough) WriteText(out io.Writer) error {
	var b strings.Builder
	p := &w.Persona
	market := "in market"
	if !p.InMarket {
		market = "out of market"
	}
	fmt.Fprintf(&b, "Persona %s: %s, %s, memory half-life %s\n", p.ID, p.Role, market, formatDays(p.Memory))
	for i, s := range w.Steps {
		fmt.Fprintf(&b, "\n%d. %s: %s\n", i+1, formatOffset(s.At.Sub(w.Start)), s.Touch)
		fmt.Fprintf(&b, "   engagement %s (base %s)\n", formatPercent(s.Reaction.Probability), formatPercent(s.Reaction.Base))
		for _, r := range s.Reaction.Reasons {
			sign := "+"
			if r.Multiplier < 1 {
				sign = "-"
			}
			fmt.Fprintf(&b, "   %s %s: %s", sign, r, r.Factor.Detail())
			if r.Related >= 0 && r.Related < i {
				fmt.Fprintf(&b, " (step %d, %s %s)", r.Related+1, w.Steps[r.Related].Touch.Team, w.Steps[r.Related].Touch.Channel)
			}
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func formatPercent(p float64) string {
	return fmt.Sprintf("%.1f%%", 100*p)
}

// formatDays writes a duration in days when it is whole days.
func formatDays(d time.Duration) string {
	if d%day == 0 {
		return fmt.Sprintf("%d days", d/day)
	}
	return d.String()
}
