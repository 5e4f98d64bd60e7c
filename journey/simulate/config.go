package simulate

import (
	"fmt"
	"math"
	"runtime"
	"strings"
	"time"
)

// Strategy is a way for marketing and sales to work together.
type Strategy uint8

// Strategies to compare. The zero value is not a valid strategy.
const (
	// Separate is marketing and sales choosing their target accounts
	// independently. Sales works its accounts on its own cadence with
	// its own messages.
	Separate Strategy = iota + 1
	// SharedList is both teams drawing their targets from one shared
	// list but still working them independently.
	SharedList
	// Coordinated is the shared list plus plays: sales follows every
	// marketing engagement within the SLA on the engaged topic. Its
	// cadence touches pause during a play and follow marketing's
	// campaign topic without a message of their own.
	Coordinated
)

var strategyNames = [...]string{Separate: "separate", SharedList: "shared-list", Coordinated: "coordinated"}

// Strategies lists the valid strategies in their canonical order.
func Strategies() []Strategy {
	return []Strategy{Separate, SharedList, Coordinated}
}

// String returns the strategy's name, such as "shared-list".
func (s Strategy) String() string {
	if !s.Valid() {
		return fmt.Sprintf("Strategy(%d)", uint8(s))
	}
	return strategyNames[s]
}

// Valid reports whether s is one of the defined strategies.
func (s Strategy) Valid() bool {
	return s >= Separate && s <= Coordinated
}

// ParseStrategy parses a strategy name, ignoring case.
func ParseStrategy(s string) (Strategy, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, st := range Strategies() {
		if strategyNames[st] == name {
			return st, nil
		}
	}
	return 0, fmt.Errorf("invalid strategy %q: expected separate, shared-list or coordinated", s)
}

// Defaults of Config. Zero fields of a Config take these values.
const (
	// DefaultInMarketShare is the share of accounts in market at any
	// time, the 5% commonly quoted for B2B.
	DefaultInMarketShare = 0.05
	// DefaultInMarketDuration is the length of an in-market period.
	DefaultInMarketDuration = 90 * day
	// DefaultQuarters is the simulated time span in quarters.
	DefaultQuarters = 4
	// DefaultMarketingShare is the share of accounts marketing targets.
	DefaultMarketingShare = 0.4
	// DefaultSalesShare is the share of accounts sales targets.
	DefaultSalesShare = 0.15
	// DefaultMarketingInterval is the mean time between marketing touches
	// of a targeted account.
	DefaultMarketingInterval = 14 * day
	// DefaultSalesInterval is the mean time between sales touches of a
	// targeted account, and between the touches of a coordinated play.
	DefaultSalesInterval = 10 * day
	// DefaultSLA is the time within which sales follows up a marketing
	// engagement in a coordinated play.
	DefaultSLA = 48 * time.Hour
	// DefaultFollowUps is the number of sales touches in a coordinated
	// play.
	DefaultFollowUps = 3
	// DefaultOpportunityWindow is the time span in which engagements
	// count towards an opportunity.
	DefaultOpportunityWindow = 90 * day
	// DefaultOpportunityContacts is the number of distinct personas that
	// must engage within the window for an opportunity.
	DefaultOpportunityContacts = 2
)

// Limits of a Config, which keep a run's memory bounded.
const (
	MaxAccounts  = 10_000_000
	MaxQuarters  = 40
	MaxFollowUps = 20
	// MaxTouches is the largest expected number of touches of a run,
	// estimated from the shares and intervals.
	MaxTouches = 50_000_000
	// MinInterval is the shortest interval between touches of one team.
	MinInterval = time.Hour
)

// maxGroupSize is the size of the largest buying group: an economic
// buyer, a champion, two researchers and three users.
const maxGroupSize = 7

// Quarter is the length of a simulated quarter, 13 weeks, so four
// quarters are 364 days.
const Quarter = 13 * 7 * day

// defaultStart is the instant simulated runs start at when Config.Start is
// zero: Monday 5 January 2026, 00:00 UTC.
var defaultStart = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)

// Config sets up a simulated run. Zero fields other than Seed and
// Strategy take the Default values.
type Config struct {
	// Accounts is the number of accounts, from 1 to MaxAccounts.
	Accounts int
	// Seed seeds the random draws. The same Config gives the same result.
	Seed uint64
	// Strategy is the way the teams work together. It is required.
	Strategy Strategy
	// Start is the instant the run starts. Zero means 2026-01-05 UTC.
	Start time.Time
	// Quarters is the time span, at most MaxQuarters.
	Quarters int
	// InMarketShare is the share of accounts in market at any time, in
	// (0, 1).
	InMarketShare float64
	// InMarketDuration is the length of each in-market period.
	InMarketDuration time.Duration
	// MarketingShare and SalesShare are the shares of accounts each team
	// targets, in (0, 1].
	MarketingShare float64
	SalesShare     float64
	// MarketingInterval and SalesInterval are the mean times between two
	// touches of one team on one targeted account, at least MinInterval.
	MarketingInterval time.Duration
	SalesInterval     time.Duration
	// SLA is the longest time from a marketing engagement to the first
	// sales touch of a coordinated play.
	SLA time.Duration
	// FollowUps is the number of sales touches in a coordinated play, at
	// most MaxFollowUps.
	FollowUps int
	// OpportunityWindow is the time span in which engagements count
	// towards an opportunity.
	OpportunityWindow time.Duration
	// OpportunityContacts is the number of distinct personas of the
	// buying group that must engage within OpportunityWindow. Buying
	// groups have 3 to 7 personas, so values above 3 exclude the smaller
	// groups from opportunities.
	OpportunityContacts int
	// Responder decides engagement. Nil means the zero RuleResponder. It
	// must be safe for concurrent use.
	Responder Responder
	// Workers is the number of goroutines. Zero means GOMAXPROCS. The
	// result does not depend on it.
	Workers int
}

// withDefaults returns c with zero fields set to their defaults, or an
// error naming the first invalid field.
func (c Config) withDefaults() (Config, error) {
	if c.Accounts < 1 || c.Accounts > MaxAccounts {
		return c, fmt.Errorf("invalid Accounts %d: must lie in [1, %d]", c.Accounts, MaxAccounts)
	}
	if !c.Strategy.Valid() {
		return c, fmt.Errorf("invalid Strategy %d: use Separate, SharedList or Coordinated", uint8(c.Strategy))
	}
	if c.Start.IsZero() {
		c.Start = defaultStart
	}
	setInt(&c.Quarters, DefaultQuarters)
	setFloat(&c.InMarketShare, DefaultInMarketShare)
	setDuration(&c.InMarketDuration, DefaultInMarketDuration)
	setFloat(&c.MarketingShare, DefaultMarketingShare)
	setFloat(&c.SalesShare, DefaultSalesShare)
	setDuration(&c.MarketingInterval, DefaultMarketingInterval)
	setDuration(&c.SalesInterval, DefaultSalesInterval)
	setDuration(&c.SLA, DefaultSLA)
	setInt(&c.FollowUps, DefaultFollowUps)
	setDuration(&c.OpportunityWindow, DefaultOpportunityWindow)
	setInt(&c.OpportunityContacts, DefaultOpportunityContacts)
	if c.Responder == nil {
		c.Responder = &RuleResponder{}
	}
	if c.Workers == 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}

	switch {
	case c.Quarters < 1 || c.Quarters > MaxQuarters:
		return c, fmt.Errorf("invalid Quarters %d: must lie in [1, %d]", c.Quarters, MaxQuarters)
	case !(c.InMarketShare > 0 && c.InMarketShare < 1):
		return c, fmt.Errorf("invalid InMarketShare %v: must lie in (0, 1)", c.InMarketShare)
	case c.InMarketDuration < day:
		return c, fmt.Errorf("invalid InMarketDuration %v: must be at least a day", c.InMarketDuration)
	case !(c.MarketingShare > 0 && c.MarketingShare <= 1):
		return c, fmt.Errorf("invalid MarketingShare %v: must lie in (0, 1]", c.MarketingShare)
	case !(c.SalesShare > 0 && c.SalesShare <= 1):
		return c, fmt.Errorf("invalid SalesShare %v: must lie in (0, 1]", c.SalesShare)
	case c.MarketingInterval < MinInterval:
		return c, fmt.Errorf("invalid MarketingInterval %v: must be at least %v", c.MarketingInterval, MinInterval)
	case c.SalesInterval < MinInterval:
		return c, fmt.Errorf("invalid SalesInterval %v: must be at least %v", c.SalesInterval, MinInterval)
	case c.SLA < 0:
		return c, fmt.Errorf("invalid SLA %v: must not be negative", c.SLA)
	case c.FollowUps < 1 || c.FollowUps > MaxFollowUps:
		return c, fmt.Errorf("invalid FollowUps %d: must lie in [1, %d]", c.FollowUps, MaxFollowUps)
	case c.OpportunityWindow < 0:
		return c, fmt.Errorf("invalid OpportunityWindow %v: must not be negative", c.OpportunityWindow)
	case c.OpportunityContacts < 1 || c.OpportunityContacts > maxGroupSize:
		return c, fmt.Errorf("invalid OpportunityContacts %d: must lie in [1, %d], the size of the largest buying group", c.OpportunityContacts, maxGroupSize)
	case c.Workers < 1:
		return c, fmt.Errorf("invalid Workers %d: must not be negative", c.Workers)
	}
	span := c.span()
	expected := float64(c.Accounts) * (c.MarketingShare*float64(span)/float64(c.MarketingInterval) +
		c.SalesShare*float64(span)/float64(c.SalesInterval))
	if expected > MaxTouches {
		return c, fmt.Errorf("run would emit about %.0f touches, more than %d: use fewer accounts or quarters, or longer intervals", expected, MaxTouches)
	}
	return c, nil
}

// span is the simulated time span.
func (c *Config) span() time.Duration {
	return time.Duration(c.Quarters) * Quarter
}

func setInt(v *int, def int) {
	if *v == 0 {
		*v = def
	}
}

func setFloat(v *float64, def float64) {
	if *v == 0 {
		*v = def
	}
}

func setDuration(v *time.Duration, def time.Duration) {
	if *v == 0 {
		*v = def
	}
}

// Shares of touch kinds, personas and messages used by Run. They are
// fixed assumptions of the model and listed in the package documentation.
var (
	marketingChannels = []weighted[Channel]{{ChannelAd, 0.45}, {ChannelEmail, 0.35}, {ChannelContent, 0.15}, {ChannelEvent, 0.05}}
	salesChannels     = []weighted[Channel]{{ChannelEmail, 0.55}, {ChannelCall, 0.40}, {ChannelMeeting, 0.05}}
	playChannels      = []weighted[Channel]{{ChannelCall, 0.5}, {ChannelEmail, 0.5}}
	salesRoles        = []weighted[Role]{{EconomicBuyer, 0.35}, {Champion, 0.35}, {Researcher, 0.15}, {User, 0.15}}
	topics            = []string{"security", "cost", "integration", "compliance"}
)

// salesOwnMessageShare is the share of uncoordinated sales touches that
// carry sales' own message on the topic, which contradicts marketing's.
// The others refer to the topic without a claim of their own.
const salesOwnMessageShare = 0.5

type weighted[T any] struct {
	value  T
	weight float64
}

// pick returns the value whose cumulative weight first exceeds u in
// [0, 1), or the last value.
func pick[T any](choices []weighted[T], u float64) T {
	for _, c := range choices {
		if u < c.weight {
			return c.value
		}
		u -= c.weight
	}
	return choices[len(choices)-1].value
}

// uniform returns a duration drawn uniformly from [lo, hi).
func uniform(u float64, lo, hi time.Duration) time.Duration {
	return lo + time.Duration(math.Floor(u*float64(hi-lo)))
}
