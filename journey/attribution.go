package journey

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
)

// Journey is the touches that led to one conversion, such as an
// opportunity or a won deal, with the conversion's value and milestones.
type Journey struct {
	// ID identifies the journey, usually an opportunity or account ID.
	ID string `json:"id"`
	// Touches are the touches to credit, in any order. Touches after
	// ConvertedAt and before the lookback window are ignored.
	Touches []Touchpoint `json:"touches"`
	// Value is the amount to split over the touches, for example the
	// opportunity amount, or 1 to count conversions.
	Value float64 `json:"value"`
	// ConvertedAt is the instant of the conversion. Zero means the
	// instant of the last touch.
	ConvertedAt time.Time `json:"converted_at"`
	// LeadCreatedAt, OpportunityCreatedAt and ClosedWonAt are the
	// milestones that the milestone models credit. A milestone's touch is
	// the last touch at or before it. Zero means the milestone is absent.
	LeadCreatedAt        time.Time `json:"lead_created_at"`
	OpportunityCreatedAt time.Time `json:"opportunity_created_at"`
	ClosedWonAt          time.Time `json:"closed_won_at"`
}

// end returns the instant that closes the journey.
func (j *Journey) end(touches []Touchpoint) time.Time {
	if !j.ConvertedAt.IsZero() {
		return j.ConvertedAt
	}
	if len(touches) == 0 {
		return time.Time{}
	}
	return touches[len(touches)-1].Time
}

// Model is an attribution model: a rule that splits a journey's value
// over its touches.
type Model interface {
	// Name returns the model's name for reports, such as "linear".
	Name() string
	// Shares returns each touch's share of the value and the reason for
	// it. touches are the journey's touches inside the lookback window,
	// sorted by instant, and never empty. The shares must be finite, not
	// negative, and sum to 1.
	Shares(j *Journey, touches []Touchpoint) (shares []float64, reasons []string, err error)
}

// AttributionOptions configures Attribute and Compare.
type AttributionOptions struct {
	// Lookback limits the touches to those at most this long before the
	// conversion. Zero means no limit.
	Lookback time.Duration
}

// Credit is one touch's share of a journey's value, with the reason it
// got that share. Credits are the attribution ledger.
type Credit struct {
	// Touch is the credited touch.
	Touch Touchpoint `json:"touch"`
	// Share is the fraction of the journey's value, from 0 to 1.
	Share float64 `json:"share"`
	// Value is Share times the journey's value.
	Value float64 `json:"value"`
	// Reason explains the share in words.
	Reason string `json:"reason"`
}

// Attribution is one model's split of one journey's value.
type Attribution struct {
	// JourneyID is the journey's ID.
	JourneyID string `json:"journey_id"`
	// Model is the model's name.
	Model string `json:"model"`
	// Credits are the touches inside the lookback window in timeline
	// order. Their values sum to the journey's value.
	Credits []Credit `json:"credits"`
	// Unattributed is the value that no touch received, which is the
	// whole value when no touch lies inside the window and zero
	// otherwise.
	Unattributed float64 `json:"unattributed"`
}

// shareTolerance bounds the rounding error allowed in a model's shares.
const shareTolerance = 1e-9

// Attribute splits the journey's value over its touches with model.
func Attribute(j Journey, model Model, opts AttributionOptions) (Attribution, error) {
	if model == nil {
		return Attribution{}, fmt.Errorf("journey: missing model for journey %q", j.ID)
	}
	if err := validateJourney(&j); err != nil {
		return Attribution{}, err
	}
	if opts.Lookback < 0 {
		return Attribution{}, fmt.Errorf("journey: invalid lookback %v: must be >= 0", opts.Lookback)
	}
	touches := windowTouches(&j, opts.Lookback)
	result := Attribution{JourneyID: j.ID, Model: model.Name()}
	if len(touches) == 0 {
		result.Unattributed = j.Value
		return result, nil
	}

	shares, reasons, err := model.Shares(&j, touches)
	if err != nil {
		return Attribution{}, fmt.Errorf("journey: model %s on journey %q: %w", model.Name(), j.ID, err)
	}
	if err := checkShares(shares, len(touches)); err != nil {
		return Attribution{}, fmt.Errorf("journey: model %s on journey %q: %w", model.Name(), j.ID, err)
	}
	result.Credits = make([]Credit, len(touches))
	for i := range touches {
		result.Credits[i] = Credit{Touch: touches[i], Share: shares[i], Value: shares[i] * j.Value}
		if i < len(reasons) {
			result.Credits[i].Reason = reasons[i]
		}
	}
	return result, nil
}

func validateJourney(j *Journey) error {
	if math.IsNaN(j.Value) || math.IsInf(j.Value, 0) || j.Value < 0 {
		return fmt.Errorf("journey: journey %q has invalid value %v: must be a finite number >= 0", j.ID, j.Value)
	}
	for i := range j.Touches {
		if err := j.Touches[i].Validate(); err != nil {
			return fmt.Errorf("journey: journey %q, touch %d: %w", j.ID, i, err)
		}
	}
	return nil
}

// windowTouches returns the journey's touches inside the lookback window
// before the conversion, sorted by instant.
func windowTouches(j *Journey, lookback time.Duration) []Touchpoint {
	sorted := slices.Clone(j.Touches)
	sortTouches(sorted)
	end := j.end(sorted)
	kept := sorted[:0]
	for _, t := range sorted {
		if t.Time.After(end) {
			continue
		}
		if lookback > 0 && end.Sub(t.Time) > lookback {
			continue
		}
		kept = append(kept, t)
	}
	return kept
}

func checkShares(shares []float64, n int) error {
	if len(shares) != n {
		return fmt.Errorf("returned %d shares for %d touches", len(shares), n)
	}
	sum := 0.0
	for i, s := range shares {
		if math.IsNaN(s) || math.IsInf(s, 0) || s < 0 {
			return fmt.Errorf("returned invalid share %v for touch %d", s, i)
		}
		sum += s
	}
	if math.Abs(sum-1) > shareTolerance {
		return fmt.Errorf("returned shares that sum to %v instead of 1", sum)
	}
	return nil
}

// FirstTouch credits the whole value to the earliest touch.
type FirstTouch struct{}

// Name returns "first touch".
func (FirstTouch) Name() string { return "first touch" }

// Shares gives the first touch a share of 1.
func (FirstTouch) Shares(_ *Journey, touches []Touchpoint) ([]float64, []string, error) {
	shares := make([]float64, len(touches))
	reasons := make([]string, len(touches))
	shares[0] = 1
	reasons[0] = "first touch in the window gets 100%"
	for i := 1; i < len(touches); i++ {
		reasons[i] = "not the first touch"
	}
	return shares, reasons, nil
}

// LastTouch credits the whole value to the latest touch.
type LastTouch struct{}

// Name returns "last touch".
func (LastTouch) Name() string { return "last touch" }

// Shares gives the last touch a share of 1.
func (LastTouch) Shares(_ *Journey, touches []Touchpoint) ([]float64, []string, error) {
	shares := make([]float64, len(touches))
	reasons := make([]string, len(touches))
	last := len(touches) - 1
	for i := range last {
		reasons[i] = "not the last touch"
	}
	shares[last] = 1
	reasons[last] = "last touch before conversion gets 100%"
	return shares, reasons, nil
}

// LastNonDirect credits the whole value to the latest touch that is not
// direct traffic, or to the latest touch when all are direct.
type LastNonDirect struct {
	// IsDirect reports whether a touch is direct traffic. Nil means the
	// channel is "direct", ignoring case.
	IsDirect func(*Touchpoint) bool
}

// Name returns "last non-direct".
func (LastNonDirect) Name() string { return "last non-direct" }

// Shares gives the last non-direct touch a share of 1.
func (m LastNonDirect) Shares(_ *Journey, touches []Touchpoint) ([]float64, []string, error) {
	isDirect := m.IsDirect
	if isDirect == nil {
		isDirect = func(t *Touchpoint) bool { return strings.EqualFold(t.Channel, "direct") }
	}
	shares := make([]float64, len(touches))
	reasons := make([]string, len(touches))
	chosen := -1
	for i := len(touches) - 1; i >= 0; i-- {
		if !isDirect(&touches[i]) {
			chosen = i
			break
		}
	}
	for i := range touches {
		reasons[i] = "not the last non-direct touch"
		if isDirect(&touches[i]) {
			reasons[i] = "direct touch"
		}
	}
	if chosen < 0 {
		chosen = len(touches) - 1
		reasons[chosen] = "all touches are direct, so the last touch gets 100%"
	} else {
		reasons[chosen] = "last non-direct touch gets 100%"
	}
	shares[chosen] = 1
	return shares, reasons, nil
}

// Linear splits the value evenly over the touches.
type Linear struct{}

// Name returns "linear".
func (Linear) Name() string { return "linear" }

// Shares gives every touch 1/n.
func (Linear) Shares(_ *Journey, touches []Touchpoint) ([]float64, []string, error) {
	return evenShares(len(touches), fmt.Sprintf("1 of %d touches, split evenly", len(touches)))
}

func evenShares(n int, reason string) ([]float64, []string, error) {
	shares := make([]float64, n)
	reasons := make([]string, n)
	for i := range shares {
		shares[i] = 1 / float64(n)
		reasons[i] = reason
	}
	return shares, reasons, nil
}

// TimeDecay weights each touch by 2^(-age/HalfLife), where age is the
// time from the touch to the conversion, and normalises the weights so
// that they sum to the full value. A touch more than about 1,000
// half-lives old weighs zero. When every touch is that old, the value is
// split evenly, and each credit's reason names that cause.
type TimeDecay struct {
	// HalfLife is the age at which a touch weighs half as much as a touch
	// at the conversion. It must be positive.
	HalfLife time.Duration
}

// Name returns "time decay (half-life D)".
func (m TimeDecay) Name() string {
	return fmt.Sprintf("time decay (half-life %s)", formatDays(m.HalfLife))
}

// Shares weights touches by age and normalises.
func (m TimeDecay) Shares(j *Journey, touches []Touchpoint) ([]float64, []string, error) {
	if m.HalfLife <= 0 {
		return nil, nil, fmt.Errorf("invalid half-life %v: must be > 0", m.HalfLife)
	}
	end := j.end(touches)
	weights := make([]float64, len(touches))
	total := 0.0
	for i := range touches {
		age := end.Sub(touches[i].Time)
		weights[i] = math.Exp2(-float64(age) / float64(m.HalfLife))
		total += weights[i]
	}
	if total == 0 || math.IsInf(total, 0) {
		// Every touch is so old that its weight underflows, so the decay
		// cannot tell them apart.
		return evenShares(len(touches), "all touches are too old to weigh apart, split evenly")
	}
	shares := make([]float64, len(touches))
	reasons := make([]string, len(touches))
	for i := range touches {
		shares[i] = weights[i] / total
		reasons[i] = fmt.Sprintf("%s before conversion weighs %.3f of %.3f", formatDays(end.Sub(touches[i].Time)), weights[i], total)
	}
	return shares, reasons, nil
}

// formatDays prints a duration in days when it is a whole number of them.
func formatDays(d time.Duration) string {
	if d%(24*time.Hour) == 0 && d != 0 {
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	}
	return d.String()
}

// Anchor is a position in a journey that a position-based model credits.
type Anchor uint8

const (
	// AnchorFirstTouch is the earliest touch in the window.
	AnchorFirstTouch Anchor = iota + 1
	// AnchorLastTouch is the latest touch in the window.
	AnchorLastTouch
	// AnchorLeadCreation is the last touch at or before LeadCreatedAt.
	AnchorLeadCreation
	// AnchorOpportunityCreation is the last touch at or before
	// OpportunityCreatedAt.
	AnchorOpportunityCreation
	// AnchorClosedWon is the last touch at or before ClosedWonAt.
	AnchorClosedWon
)

// String returns the anchor's name, such as "lead creation".
func (a Anchor) String() string {
	switch a {
	case AnchorFirstTouch:
		return "first touch"
	case AnchorLastTouch:
		return "last touch"
	case AnchorLeadCreation:
		return "lead creation"
	case AnchorOpportunityCreation:
		return "opportunity creation"
	case AnchorClosedWon:
		return "closed won"
	}
	return fmt.Sprintf("Anchor(%d)", uint8(a))
}

// AnchorWeight is the weight a position-based model gives an anchor.
type AnchorWeight struct {
	// Anchor is the credited position.
	Anchor Anchor `json:"anchor"`
	// Weight is the position's weight before scaling, at least 0.
	Weight float64 `json:"weight"`
}

// PositionBased gives fixed weights to anchor touches and spreads the
// Rest weight evenly over the touches that are no anchor.
//
// When one touch is several anchors it gets all their weights. An anchor
// is absent when its milestone is not set, falls after the conversion, or
// has no touch in the window before it. When an anchor is absent or no
// touch is left for the rest, the remaining weights are scaled to sum to 1. So U-shaped 40/20/40 gives 0.5 and 0.5 over two touches and 1
// to a single touch.
type PositionBased struct {
	// Label is the model's name.
	Label string
	// Anchors are the anchor weights.
	Anchors []AnchorWeight
	// Rest is the weight spread evenly over the touches between anchors.
	Rest float64
}

// NewPositionBased returns the position-based model with caller weights
// for the first and last touch, and 1 - first - last spread over the
// touches between them. Both weights must lie in [0, 1] and sum to at
// most 1.
func NewPositionBased(first, last float64) (PositionBased, error) {
	if !(first >= 0 && last >= 0 && first+last <= 1+shareTolerance) {
		return PositionBased{}, fmt.Errorf("journey: invalid position weights first=%v last=%v: each must be >= 0 and their sum <= 1", first, last)
	}
	return PositionBased{
		Label:   fmt.Sprintf("position based %g/%g/%g", 100*first, 100*max(0, 1-first-last), 100*last),
		Anchors: []AnchorWeight{{AnchorFirstTouch, first}, {AnchorLastTouch, last}},
		Rest:    max(0, 1-first-last),
	}, nil
}

// UShaped returns the position-based model that gives 40% to the first
// touch, 40% to the last touch and 20% to the touches between, the
// "U-shaped" split as defined by position.
func UShaped() PositionBased {
	return PositionBased{
		Label:   "U-shaped 40/20/40",
		Anchors: []AnchorWeight{{AnchorFirstTouch, 0.4}, {AnchorLastTouch, 0.4}},
		Rest:    0.2,
	}
}

// LeadUShaped returns the milestone model that gives 40% to the first
// touch, 40% to the lead creation touch and 20% to the other touches,
// the "U-shaped" split as defined by milestones.
func LeadUShaped() PositionBased {
	return PositionBased{
		Label:   "U-shaped milestones 40/40/20",
		Anchors: []AnchorWeight{{AnchorFirstTouch, 0.4}, {AnchorLeadCreation, 0.4}},
		Rest:    0.2,
	}
}

// WShaped returns the milestone model that gives 30% each to the first
// touch, the lead creation touch and the opportunity creation touch, and
// 10% to the other touches.
func WShaped() PositionBased {
	return PositionBased{
		Label: "W-shaped 30/30/30/10",
		Anchors: []AnchorWeight{
			{AnchorFirstTouch, 0.3}, {AnchorLeadCreation, 0.3}, {AnchorOpportunityCreation, 0.3},
		},
		Rest: 0.1,
	}
}

// FullPath returns the milestone model that gives 22.5% each to the first
// touch, the lead creation, opportunity creation and closed won touches,
// and 10% to the other touches. Some tools call it Z-shaped.
func FullPath() PositionBased {
	return PositionBased{
		Label: "full path 22.5x4/10",
		Anchors: []AnchorWeight{
			{AnchorFirstTouch, 0.225}, {AnchorLeadCreation, 0.225},
			{AnchorOpportunityCreation, 0.225}, {AnchorClosedWon, 0.225},
		},
		Rest: 0.1,
	}
}

// Name returns the model's Label.
func (m PositionBased) Name() string { return m.Label }

// Shares assigns anchor weights and the rest, then normalises.
func (m PositionBased) Shares(j *Journey, touches []Touchpoint) ([]float64, []string, error) {
	if m.Rest < 0 || math.IsNaN(m.Rest) || math.IsInf(m.Rest, 0) {
		return nil, nil, fmt.Errorf("invalid rest weight %v: must be a finite number >= 0", m.Rest)
	}
	weights := make([]float64, len(touches))
	notes := make([][]string, len(touches))
	anchored := make([]bool, len(touches))
	var missing []string
	for _, aw := range m.Anchors {
		if aw.Weight < 0 || math.IsNaN(aw.Weight) || math.IsInf(aw.Weight, 0) {
			return nil, nil, fmt.Errorf("invalid weight %v for anchor %s: must be a finite number >= 0", aw.Weight, aw.Anchor)
		}
		i, err := anchorIndex(aw.Anchor, j, touches)
		if err != nil {
			return nil, nil, err
		}
		if i < 0 {
			missing = append(missing, aw.Anchor.String())
			continue
		}
		weights[i] += aw.Weight
		anchored[i] = true
		notes[i] = append(notes[i], fmt.Sprintf("%s %g%%", aw.Anchor, 100*aw.Weight))
	}
	var middle []int
	for i := range touches {
		if !anchored[i] {
			middle = append(middle, i)
		}
	}
	for _, i := range middle {
		weights[i] = m.Rest / float64(len(middle))
		notes[i] = append(notes[i], fmt.Sprintf("rest %g%% split evenly over %s", 100*m.Rest, plural(len(middle), "touch", "touches")))
	}

	total := 0.0
	for _, w := range weights {
		total += w
	}
	if total == 0 {
		return nil, nil, errors.New("all position weights are zero for this journey")
	}
	scaled := math.Abs(total-1) > shareTolerance
	shares := make([]float64, len(touches))
	reasons := make([]string, len(touches))
	for i := range touches {
		shares[i] = weights[i] / total
		reasons[i] = strings.Join(notes[i], " + ")
		if scaled {
			reasons[i] += fmt.Sprintf(", scaled by 1/%.3g", total)
		}
		if len(missing) > 0 {
			reasons[i] += ". Absent: " + strings.Join(missing, ", ")
		}
	}
	return shares, reasons, nil
}

// anchorIndex returns the index of the anchor's touch, or -1 if the
// anchor is absent.
func anchorIndex(a Anchor, j *Journey, touches []Touchpoint) (int, error) {
	switch a {
	case AnchorFirstTouch:
		return 0, nil
	case AnchorLastTouch:
		return len(touches) - 1, nil
	case AnchorLeadCreation:
		return milestoneIndex(j, touches, j.LeadCreatedAt), nil
	case AnchorOpportunityCreation:
		return milestoneIndex(j, touches, j.OpportunityCreatedAt), nil
	case AnchorClosedWon:
		return milestoneIndex(j, touches, j.ClosedWonAt), nil
	}
	return 0, fmt.Errorf("invalid anchor %d", uint8(a))
}

// milestoneIndex returns the index of the last touch at or before the
// milestone. It returns -1 when the milestone is not set or falls after
// the journey's conversion, as a closed-won date does for a pipeline
// journey that ends at opportunity creation.
func milestoneIndex(j *Journey, touches []Touchpoint, milestone time.Time) int {
	if milestone.IsZero() || milestone.After(j.end(touches)) {
		return -1
	}
	return lastAtOrBefore(touches, milestone)
}

func lastAtOrBefore(touches []Touchpoint, instant time.Time) int {
	if instant.IsZero() {
		return -1
	}
	found := -1
	for i := range touches {
		if touches[i].Time.After(instant) {
			break
		}
		found = i
	}
	return found
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
