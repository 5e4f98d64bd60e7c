package journey

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
)

// StageModel is an ordered funnel of stages, such as aware, engaged, MQA,
// SAL, SQL, opportunity and won, plus exit stages, such as lost, that an
// account can enter from any stage.
type StageModel struct {
	stages []string
	exits  []string
	index  map[string]int // lower-case stage name to position, exits after the funnel stages
}

// NewStageModel returns a stage model with the funnel stages in order and
// the exit stages. Names are matched case-insensitively and must be
// unique and not empty.
func NewStageModel(stages, exits []string) (StageModel, error) {
	if len(stages) == 0 {
		return StageModel{}, fmt.Errorf("journey: stage model has no stages")
	}
	m := StageModel{stages: slices.Clone(stages), exits: slices.Clone(exits), index: make(map[string]int)}
	for i, name := range append(slices.Clone(stages), exits...) {
		key := strings.ToLower(strings.TrimSpace(name))
		if key == "" {
			return StageModel{}, fmt.Errorf("journey: stage %d has an empty name", i)
		}
		if _, dup := m.index[key]; dup {
			return StageModel{}, fmt.Errorf("journey: stage %q appears twice", name)
		}
		m.index[key] = i
	}
	return m, nil
}

// DefaultStageModel returns the stages aware, engaged, MQA, SAL, SQL,
// opportunity and won, with lost as the exit stage. MQA is a marketing
// qualified account, SAL a sales accepted lead and SQL a sales qualified
// lead.
func DefaultStageModel() StageModel {
	m, _ := NewStageModel([]string{"aware", "engaged", "MQA", "SAL", "SQL", "opportunity", "won"}, []string{"lost"})
	return m
}

// Stages returns the funnel stages in order.
func (m StageModel) Stages() []string { return slices.Clone(m.stages) }

// Exits returns the exit stages.
func (m StageModel) Exits() []string { return slices.Clone(m.exits) }

// lookup returns the stage's canonical name, its position and whether it
// is an exit.
func (m StageModel) lookup(name string) (string, int, bool, error) {
	i, ok := m.index[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return "", 0, false, fmt.Errorf("unknown stage %q: expected one of %s", name, strings.Join(append(m.Stages(), m.exits...), ", "))
	}
	if i >= len(m.stages) {
		return m.exits[i-len(m.stages)], i, true, nil
	}
	return m.stages[i], i, false, nil
}

// StageEvent is an account entering a stage.
type StageEvent struct {
	// AccountID identifies the account.
	AccountID string `json:"account_id"`
	// Stage is the stage entered.
	Stage string `json:"stage"`
	// Time is the instant the account entered the stage.
	Time time.Time `json:"time"`
}

// StagePeriod is one stay of an account in a stage.
type StagePeriod struct {
	// Stage is the stage's name as the model spells it.
	Stage string `json:"stage"`
	// Entered is the instant the account entered the stage.
	Entered time.Time `json:"entered"`
	// Exited is the instant the account entered its next stage, zero for
	// the current stage.
	Exited time.Time `json:"exited"`
	// EnteredAfter is the team of the last touch at or before Entered,
	// zero when no timeline was given or no touch came before.
	EnteredAfter Team `json:"entered_after,omitempty"`
}

// Duration returns the time spent in the stage, measured up to asOf for
// the current stage. It returns zero for the current stage when asOf is
// zero.
func (p StagePeriod) Duration(asOf time.Time) time.Duration {
	end := p.Exited
	if end.IsZero() {
		if asOf.IsZero() {
			return 0
		}
		end = asOf
	}
	return end.Sub(p.Entered)
}

// StageSkip records a move forward past one or more funnel stages.
type StageSkip struct {
	// From is the stage left, empty when the first stage entered was not
	// the funnel's first stage.
	From string `json:"from,omitempty"`
	// To is the stage entered.
	To string `json:"to"`
	// Skipped are the stages passed over, in funnel order.
	Skipped []string `json:"skipped"`
	// At is the instant of the move.
	At time.Time `json:"at"`
}

// StageHistory is one account's full stage history.
type StageHistory struct {
	// AccountID identifies the account.
	AccountID string `json:"account_id"`
	// Periods are the stays in order.
	Periods []StagePeriod `json:"periods"`
	// Skips are the moves that passed over funnel stages.
	Skips []StageSkip `json:"skips,omitempty"`
	// Regressions counts moves back to an earlier funnel stage.
	Regressions int `json:"regressions"`
}

// Current returns the stage the account is in, or "" for no history.
func (h *StageHistory) Current() string {
	if len(h.Periods) == 0 {
		return ""
	}
	return h.Periods[len(h.Periods)-1].Stage
}

// TimeIn returns the total time the account spent in stage over all its
// stays, measuring a current stay up to asOf (not at all when asOf is
// zero). The stage name is matched case-insensitively.
func (h *StageHistory) TimeIn(stage string, asOf time.Time) time.Duration {
	var total time.Duration
	for _, p := range h.Periods {
		if strings.EqualFold(p.Stage, stage) {
			total += p.Duration(asOf)
		}
	}
	return total
}

// History builds one account's stage history from its events, which may
// be in any order. Events at the same instant keep funnel order. tl, if
// not nil, sets each period's EnteredAfter.
//
// The first stage entered counts as a skip from the start of the funnel
// when it is not the first stage, so an account first seen as SQL has
// skipped aware to SAL. Entering the same stage again without a change
// in between is ignored. After an exit stage the next funnel stage counts
// as a re-entry, not a skip.
func (m StageModel) History(accountID string, events []StageEvent, tl *Timeline) (StageHistory, error) {
	if len(m.stages) == 0 {
		return StageHistory{}, fmt.Errorf("journey: stage model is empty: use NewStageModel or DefaultStageModel")
	}
	type resolved struct {
		name     string
		position int
		exit     bool
		at       time.Time
	}
	list := make([]resolved, 0, len(events))
	for i, e := range events {
		if e.AccountID != accountID {
			return StageHistory{}, fmt.Errorf("journey: stage event %d belongs to account %q, not %q", i, e.AccountID, accountID)
		}
		if e.Time.IsZero() {
			return StageHistory{}, fmt.Errorf("journey: stage event %d of account %q has no time", i, accountID)
		}
		name, position, exit, err := m.lookup(e.Stage)
		if err != nil {
			return StageHistory{}, fmt.Errorf("journey: stage event %d of account %q: %w", i, accountID, err)
		}
		list = append(list, resolved{name, position, exit, e.Time})
	}
	slices.SortStableFunc(list, func(a, b resolved) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return cmp.Compare(a.position, b.position)
	})

	h := StageHistory{AccountID: accountID}
	previous := -1 // funnel position of the current stage, -1 before any or after an exit
	started := false
	for _, e := range list {
		if n := len(h.Periods); n > 0 && h.Periods[n-1].Stage == e.name {
			continue
		}
		if n := len(h.Periods); n > 0 {
			h.Periods[n-1].Exited = e.at
		}
		h.Periods = append(h.Periods, StagePeriod{Stage: e.name, Entered: e.at, EnteredAfter: lastTeamAtOrBefore(tl, e.at)})
		if e.exit {
			previous = -1
			started = true
			continue
		}
		switch {
		case !started && e.position > 0:
			h.Skips = append(h.Skips, StageSkip{To: e.name, Skipped: slices.Clone(m.stages[:e.position]), At: e.at})
		case previous >= 0 && e.position > previous+1:
			h.Skips = append(h.Skips, StageSkip{From: m.stages[previous], To: e.name, Skipped: slices.Clone(m.stages[previous+1 : e.position]), At: e.at})
		case previous >= 0 && e.position < previous:
			h.Regressions++
		}
		previous = e.position
		started = true
	}
	return h, nil
}

func lastTeamAtOrBefore(tl *Timeline, at time.Time) Team {
	if tl == nil {
		return 0
	}
	i := lastAtOrBefore(tl.Touches, at)
	if i < 0 {
		return 0
	}
	return tl.Touches[i].Team
}

// FunnelStep is one funnel stage across accounts.
type FunnelStep struct {
	// Stage is the stage's name.
	Stage string `json:"stage"`
	// Entered counts accounts that entered the stage.
	Entered int `json:"entered"`
	// Reached counts accounts that entered the stage or a later funnel
	// stage, so skipped stages count as passed.
	Reached int `json:"reached"`
	// Skipped counts accounts that passed over the stage.
	Skipped int `json:"skipped"`
	// Conversion is the share of accounts that reached this stage and
	// also reached the next one. It is zero for the last stage.
	Conversion float64 `json:"conversion"`
	// MedianTime is the median time spent in the stage over completed
	// stays.
	MedianTime time.Duration `json:"median_time"`
	// EnteredAfterMarketing and EnteredAfterSales count entries whose
	// last touch before was marketing's or sales', the share each team
	// had in moving accounts into the stage.
	EnteredAfterMarketing int `json:"entered_after_marketing"`
	EnteredAfterSales     int `json:"entered_after_sales"`
}

// Funnel sums stage histories into one funnel shared by both teams, one
// step per funnel stage in order. Exit stages are not steps.
func (m StageModel) Funnel(histories []StageHistory) []FunnelStep {
	steps := make([]FunnelStep, len(m.stages))
	durations := make([][]time.Duration, len(m.stages))
	for i, s := range m.stages {
		steps[i].Stage = s
	}
	for hi := range histories {
		h := &histories[hi]
		furthest := -1
		entered := make([]bool, len(m.stages))
		for _, p := range h.Periods {
			_, position, exit, err := m.lookup(p.Stage)
			if err != nil || exit {
				continue
			}
			if !entered[position] {
				entered[position] = true
				steps[position].Entered++
			}
			switch p.EnteredAfter {
			case Marketing:
				steps[position].EnteredAfterMarketing++
			case Sales:
				steps[position].EnteredAfterSales++
			}
			if !p.Exited.IsZero() {
				durations[position] = append(durations[position], p.Duration(time.Time{}))
			}
			furthest = max(furthest, position)
		}
		for i := 0; i <= furthest; i++ {
			steps[i].Reached++
			if !entered[i] {
				steps[i].Skipped++
			}
		}
	}
	for i := range steps {
		if i+1 < len(steps) && steps[i].Reached > 0 {
			steps[i].Conversion = float64(steps[i+1].Reached) / float64(steps[i].Reached)
		}
		steps[i].MedianTime = durationQuantile(durations[i], 0.5)
	}
	return steps
}
