package simulate

import (
	"fmt"
	"math"
	"time"

	"github.com/accountkit/accountkit/journey"
)

// Responder decides how likely a persona is to engage with a touch, given
// the touches the persona received before it. The library ships
// RuleResponder. A program can plug in its own, for example one that asks
// a language model, because the library itself makes no network calls.
//
// A Responder used by Run is called from several goroutines at once, so
// it must be safe for concurrent use, and it must return the same
// reaction for the same arguments for runs to be deterministic.
type Responder interface {
	// Respond returns the persona's reaction to touch at instant at.
	// history contains the persona's earlier touches in time order, all
	// at or before at. The reaction's probability must lie in [0, 1].
	// Respond must not keep history after it returns, because Run
	// reuses its memory.
	Respond(persona Persona, history []Event, at time.Time, touch Touch) (Reaction, error)
}

// Reaction is a persona's response to one touch.
type Reaction struct {
	// Base is the engagement probability before any earlier touch or the
	// market state is taken into account: the persona's responsiveness
	// to the kind of touch times its channel preference.
	Base float64
	// Probability is the engagement probability after all reasons.
	Probability float64
	// Reasons are the factors that moved Probability away from Base, in
	// the order they were applied.
	Reasons []Reason
}

// Factor is a kind of reason that raises or lowers the engagement
// probability.
type Factor uint8

// Factors applied by RuleResponder.
const (
	// FactorOutOfMarket lowers the probability while the account is not
	// looking to buy.
	FactorOutOfMarket Factor = iota + 1
	// FactorContinuity raises it when the touch continues a topic the
	// persona engaged with earlier.
	FactorContinuity
	// FactorFollowUp raises it when the touch comes from the other team
	// soon after the persona engaged with a touch.
	FactorFollowUp
	// FactorCrowding lowers it when the previous touch came only a short
	// time before.
	FactorCrowding
	// FactorRepetition lowers it when the persona engaged with the same
	// message before.
	FactorRepetition
	// FactorContradiction lowers it when the other team made a different
	// claim on the same topic.
	FactorContradiction
	// FactorColdOutreach lowers a sales touch when the persona remembers
	// little or no engagement that gives it context.
	FactorColdOutreach
	// FactorCap limits the probability to Rules.MaxProbability.
	FactorCap
)

var factorNames = [...]string{
	FactorOutOfMarket:   "out of market",
	FactorContinuity:    "continuity",
	FactorFollowUp:      "timely follow-up",
	FactorCrowding:      "crowding",
	FactorRepetition:    "repetition",
	FactorContradiction: "contradiction",
	FactorColdOutreach:  "cold outreach",
	FactorCap:           "cap",
}

var factorDetails = [...]string{
	FactorOutOfMarket:   "the account is not in market",
	FactorContinuity:    "continues a topic the persona engaged with",
	FactorFollowUp:      "the other team follows up soon after an engagement",
	FactorCrowding:      "comes soon after the previous touch",
	FactorRepetition:    "repeats a message the persona already engaged with",
	FactorContradiction: "contradicts the other team's claim on the topic",
	FactorColdOutreach:  "little or no remembered engagement gives the outreach context",
	FactorCap:           "limited to the maximum probability",
}

// String returns the factor's name, such as "continuity".
func (f Factor) String() string {
	if f < FactorOutOfMarket || f > FactorCap {
		return fmt.Sprintf("Factor(%d)", uint8(f))
	}
	return factorNames[f]
}

// Detail describes in words when the factor applies.
func (f Factor) Detail() string {
	if f < FactorOutOfMarket || f > FactorCap {
		return ""
	}
	return factorDetails[f]
}

// Reason is one factor that raised or lowered the engagement probability.
type Reason struct {
	// Factor is the kind of reason.
	Factor Factor
	// Multiplier is the factor's effect on the probability: above 1 it
	// rose, below 1 it fell.
	Multiplier float64
	// Related is the index in the history of the earlier touch that
	// caused the reason, or -1 when no single touch did.
	Related int
}

// String formats the reason as "continuity x1.50".
func (r Reason) String() string {
	return fmt.Sprintf("%s x%.2f", r.Factor, r.Multiplier)
}

// Rules are the parameters of RuleResponder. Multipliers that lower the
// probability lie in [0, 1], and boosts that raise it lie in [0, 10].
type Rules struct {
	// OutOfMarket multiplies the probability while the persona is not in
	// market.
	OutOfMarket float64
	// ContinuityBoost raises a touch on a topic the persona engaged with:
	// the probability is multiplied by 1 + ContinuityBoost·m, where m is
	// the remembered engagement with the topic, capped at 1.
	ContinuityBoost float64
	// FollowUpWindow is the time after an engagement within which a touch
	// of the other team counts as a timely follow-up.
	FollowUpWindow time.Duration
	// FollowUpBoost raises a timely follow-up: the probability is
	// multiplied by 1 + FollowUpBoost·e, where e is the engagement with
	// the followed-up touch.
	FollowUpBoost float64
	// CrowdingGap is the time after a touch within which the next touch
	// is crowded.
	CrowdingGap time.Duration
	// Crowding multiplies the probability of a crowded touch.
	Crowding float64
	// Repetition multiplies the probability once per remembered
	// engagement with the same message: Repetition^m.
	Repetition float64
	// Contradiction multiplies the probability of a touch that contradicts
	// a fully remembered touch of the other team. Weaker memories lower
	// it proportionally less.
	Contradiction float64
	// ColdOutreach multiplies a sales touch when the persona remembers no
	// engagement at all. Remembered engagement m, capped at 1, moves the
	// multiplier linearly to 1.
	ColdOutreach float64
	// MaxProbability caps the engagement probability. It lies in (0, 1].
	MaxProbability float64
}

// DefaultRules returns the rules of the zero RuleResponder.
//
// NOTE: The values are assumptions that give the effects a plausible
// size. They are not estimated from data.
func DefaultRules() Rules {
	return Rules{
		OutOfMarket:     0.15,
		ContinuityBoost: 1,
		FollowUpWindow:  7 * 24 * time.Hour,
		FollowUpBoost:   0.5,
		CrowdingGap:     48 * time.Hour,
		Crowding:        0.6,
		Repetition:      0.5,
		Contradiction:   0.4,
		ColdOutreach:    0.4,
		MaxProbability:  0.95,
	}
}

// MaxBoost is the largest ContinuityBoost or FollowUpBoost that Rules
// accept.
const MaxBoost = 10

// Validate returns an error that names the first parameter out of range.
func (r *Rules) Validate() error {
	multipliers := []struct {
		name  string
		value float64
	}{
		{"OutOfMarket", r.OutOfMarket},
		{"Crowding", r.Crowding},
		{"Repetition", r.Repetition},
		{"Contradiction", r.Contradiction},
		{"ColdOutreach", r.ColdOutreach},
	}
	for _, m := range multipliers {
		if !(m.value >= 0 && m.value <= 1) {
			return fmt.Errorf("invalid rule %s %v: must lie in [0, 1]", m.name, m.value)
		}
	}
	if !(r.ContinuityBoost >= 0 && r.ContinuityBoost <= MaxBoost) {
		return fmt.Errorf("invalid rule ContinuityBoost %v: must lie in [0, %d]", r.ContinuityBoost, MaxBoost)
	}
	if !(r.FollowUpBoost >= 0 && r.FollowUpBoost <= MaxBoost) {
		return fmt.Errorf("invalid rule FollowUpBoost %v: must lie in [0, %d]", r.FollowUpBoost, MaxBoost)
	}
	if r.FollowUpWindow < 0 {
		return fmt.Errorf("invalid rule FollowUpWindow %v: must not be negative", r.FollowUpWindow)
	}
	if r.CrowdingGap < 0 {
		return fmt.Errorf("invalid rule CrowdingGap %v: must not be negative", r.CrowdingGap)
	}
	if !(r.MaxProbability > 0 && r.MaxProbability <= 1) {
		return fmt.Errorf("invalid rule MaxProbability %v: must lie in (0, 1]", r.MaxProbability)
	}
	return nil
}

// RuleResponder is the rule-based Responder. It starts from the persona's
// responsiveness times its channel preference and applies, in this
// order, the market state, continuity, timely follow-up, repetition,
// contradiction, crowding, cold outreach and the cap (see Factor). Memory
// of a touch is the persona's engagement with it times 2^(-age/Memory),
// so touches the persona ignored are not remembered, but they still
// crowd the next touch. The zero value uses DefaultRules. It is safe for
// concurrent use.
type RuleResponder struct {
	rules Rules
	set   bool
}

// NewRuleResponder returns a RuleResponder with the given rules, or an
// error if a rule is out of range.
func NewRuleResponder(rules Rules) (*RuleResponder, error) {
	if err := rules.Validate(); err != nil {
		return nil, err
	}
	return &RuleResponder{rules: rules, set: true}, nil
}

// Rules returns the responder's rules, DefaultRules for the zero value or
// a nil pointer.
func (r *RuleResponder) Rules() Rules {
	if r == nil || !r.set {
		return DefaultRules()
	}
	return r.rules
}

// memoryScan is the part of a persona's memory that bears on the next
// touch.
type memoryScan struct {
	total                  float64 // remembered engagement with any touch
	continuity, repetition float64
	contradiction          float64
	followUp               float64
	crowded                bool
	// Indexes of the history events behind each factor, -1 for none.
	continuityAt, repetitionAt, contradictionAt, followUpAt, crowdedAt int
}

// Respond applies the rules. It returns an error for an invalid persona or
// touch, or for a history event later than at.
func (r *RuleResponder) Respond(persona Persona, history []Event, at time.Time, touch Touch) (Reaction, error) {
	if err := persona.Validate(); err != nil {
		return Reaction{}, err
	}
	if err := touch.Validate(); err != nil {
		return Reaction{}, fmt.Errorf("touch %s: %w", touch, err)
	}
	return r.respond(&persona, history, at, touch, nil)
}

// respond is Respond for a valid persona and touch. It appends the
// reasons to buf, so Run can reuse one buffer for every touch.
func (r *RuleResponder) respond(persona *Persona, history []Event, at time.Time, touch Touch, buf []Reason) (Reaction, error) {
	rules := r.Rules()
	scan, err := scanMemory(persona, &rules, history, at, touch)
	if err != nil {
		return Reaction{}, err
	}

	base := persona.Responsiveness.Of(touch.Team, touch.Channel) * persona.Preferences.Of(touch.Channel)
	reaction := Reaction{Base: base, Reasons: buf}
	p := base
	apply := func(f Factor, multiplier float64, related int) {
		if multiplier == 1 {
			return
		}
		p *= multiplier
		reaction.Reasons = append(reaction.Reasons, Reason{Factor: f, Multiplier: multiplier, Related: related})
	}
	if !persona.InMarket {
		apply(FactorOutOfMarket, rules.OutOfMarket, -1)
	}
	if scan.continuity > 0 {
		apply(FactorContinuity, 1+rules.ContinuityBoost*math.Min(1, scan.continuity), scan.continuityAt)
	}
	if scan.followUp > 0 {
		apply(FactorFollowUp, 1+rules.FollowUpBoost*scan.followUp, scan.followUpAt)
	}
	if scan.repetition > 0 {
		apply(FactorRepetition, math.Pow(rules.Repetition, scan.repetition), scan.repetitionAt)
	}
	if scan.contradiction > 0 {
		weight := math.Min(1, scan.contradiction)
		apply(FactorContradiction, 1-(1-rules.Contradiction)*weight, scan.contradictionAt)
	}
	if scan.crowded {
		apply(FactorCrowding, rules.Crowding, scan.crowdedAt)
	}
	if touch.Team == journey.Sales && scan.total < 1 {
		apply(FactorColdOutreach, rules.ColdOutreach+(1-rules.ColdOutreach)*scan.total, -1)
	}
	if p > rules.MaxProbability {
		apply(FactorCap, rules.MaxProbability/p, -1)
		p = rules.MaxProbability
	}
	reaction.Probability = p
	return reaction, nil
}

// scanMemory walks the history once and sums what bears on touch at at.
func scanMemory(persona *Persona, rules *Rules, history []Event, at time.Time, touch Touch) (memoryScan, error) {
	scan := memoryScan{continuityAt: -1, repetitionAt: -1, contradictionAt: -1, followUpAt: -1, crowdedAt: -1}
	var strongestContinuity, strongestRepetition, strongestContradiction float64
	for i := range history {
		e := &history[i]
		age := at.Sub(e.At)
		if age < 0 {
			return scan, fmt.Errorf("history event %d at %s is later than the touch at %s", i, e.At.Format(time.RFC3339), at.Format(time.RFC3339))
		}
		if !(e.Engagement >= 0 && e.Engagement <= 1) {
			return scan, fmt.Errorf("history event %d: invalid engagement %v: must lie in [0, 1]", i, e.Engagement)
		}
		if age < rules.CrowdingGap {
			scan.crowded = true
			scan.crowdedAt = i
		}
		if e.Touch.Team != touch.Team && age <= rules.FollowUpWindow && e.Engagement > 0 && e.Engagement >= scan.followUp {
			scan.followUp = e.Engagement
			scan.followUpAt = i
		}
		if e.Engagement == 0 {
			continue
		}
		strength := e.Engagement * recall(age, persona.Memory)
		scan.total += strength
		if touch.Topic == "" || e.Touch.Topic != touch.Topic {
			continue
		}
		switch {
		case touch.Message != "" && e.Touch.Message == touch.Message:
			scan.repetition += strength
			if strength >= strongestRepetition {
				strongestRepetition, scan.repetitionAt = strength, i
			}
		case touch.Message != "" && e.Touch.Message != "" && e.Touch.Team != touch.Team:
			scan.contradiction += strength
			if strength >= strongestContradiction {
				strongestContradiction, scan.contradictionAt = strength, i
			}
		default:
			scan.continuity += strength
			if strength >= strongestContinuity {
				strongestContinuity, scan.continuityAt = strength, i
			}
		}
	}
	return scan, nil
}
