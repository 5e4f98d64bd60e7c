package simulate

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/accountkit/accountkit/journey"
)

// Role is a persona's role in the account's buying group.
type Role uint8

// Roles in a buying group. The zero value is not a valid role.
const (
	// EconomicBuyer owns the budget and signs.
	EconomicBuyer Role = iota + 1
	// Champion wants the product and argues for it inside the account.
	Champion
	// Researcher evaluates options and reads most of the content.
	Researcher
	// User will use the product day to day.
	User
)

var roleNames = [...]string{EconomicBuyer: "economic-buyer", Champion: "champion", Researcher: "researcher", User: "user"}

// Roles lists the valid roles in their canonical order.
func Roles() []Role {
	return []Role{EconomicBuyer, Champion, Researcher, User}
}

// String returns the role's name, such as "economic-buyer", or "Role(N)"
// for an invalid value.
func (r Role) String() string {
	if !r.Valid() {
		return fmt.Sprintf("Role(%d)", uint8(r))
	}
	return roleNames[r]
}

// Valid reports whether r is one of the defined roles.
func (r Role) Valid() bool {
	return r >= EconomicBuyer && r <= User
}

// ParseRole parses a role name, ignoring case. Spaces and underscores
// may stand for the hyphen in "economic-buyer".
func ParseRole(s string) (Role, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	name = strings.NewReplacer(" ", "-", "_", "-").Replace(name)
	for _, r := range Roles() {
		if roleNames[r] == name {
			return r, nil
		}
	}
	return 0, fmt.Errorf("invalid role %q: expected economic-buyer, champion, researcher or user", s)
}

// Responsiveness is the probability that an in-market persona engages
// with one touch of each kind when no earlier touch affects it. Engaging
// means clicking an ad, clicking through an email, downloading content,
// attending an event, taking a call or holding a meeting. Each value lies
// in [0, 1].
type Responsiveness struct {
	Ad             float64
	MarketingEmail float64
	Content        float64
	Event          float64
	SalesEmail     float64
	Call           float64
	Meeting        float64
}

// Of returns the probability for a touch of team in channel, or 0 when
// the team does not use the channel.
func (r Responsiveness) Of(team journey.Team, c Channel) float64 {
	switch kindIndex(team, c) {
	case 0:
		return r.Ad
	case 1:
		return r.Content
	case 2:
		return r.Event
	case 3:
		return r.Call
	case 4:
		return r.Meeting
	case 5:
		return r.MarketingEmail
	case 6:
		return r.SalesEmail
	}
	return 0
}

func (r Responsiveness) values() [7]float64 {
	return [7]float64{r.Ad, r.MarketingEmail, r.Content, r.Event, r.SalesEmail, r.Call, r.Meeting}
}

// Preferences are a persona's channel preferences: a factor on the
// engagement probability of every touch in the channel. 1 is neutral,
// above 1 means the persona prefers the channel, and 0 means the persona
// never engages through it. Email counts for both teams.
type Preferences struct {
	Ad      float64
	Email   float64
	Content float64
	Event   float64
	Call    float64
	Meeting float64
}

// NeutralPreferences returns preferences of 1 for every channel.
func NeutralPreferences() Preferences {
	return Preferences{Ad: 1, Email: 1, Content: 1, Event: 1, Call: 1, Meeting: 1}
}

// Of returns the factor for channel c, or 0 for an invalid channel.
func (p Preferences) Of(c Channel) float64 {
	switch c {
	case ChannelAd:
		return p.Ad
	case ChannelEmail:
		return p.Email
	case ChannelContent:
		return p.Content
	case ChannelEvent:
		return p.Event
	case ChannelCall:
		return p.Call
	case ChannelMeeting:
		return p.Meeting
	}
	return 0
}

func (p Preferences) values() [6]float64 {
	return [6]float64{p.Ad, p.Email, p.Content, p.Event, p.Call, p.Meeting}
}

// MaxPreference is the largest channel preference factor a persona may
// have.
const MaxPreference = 10

// DefaultMemory is the default half-life of a persona's memory of a touch
// it engaged with.
const DefaultMemory = 21 * 24 * time.Hour

// Persona is a synthetic member of an account's buying group.
type Persona struct {
	// ID identifies the persona, and becomes the Contact of its
	// touchpoints.
	ID string
	// Role is the persona's role in the buying group.
	Role Role
	// InMarket is true while the persona's account is looking to buy.
	// Simulated runs set it from the account's in-market periods before
	// each touch.
	InMarket bool
	// Responsiveness is the base engagement probability per kind of
	// touch.
	Responsiveness Responsiveness
	// Preferences are the persona's channel preferences.
	Preferences Preferences
	// Memory is the half-life of the persona's memory: a touch the persona
	// engaged with weighs half as much after Memory, a quarter after
	// twice Memory, and so on. It must be positive.
	Memory time.Duration
}

// NewPersona returns an in-market persona with the default responsiveness
// of its role, neutral channel preferences and DefaultMemory.
func NewPersona(id string, role Role) Persona {
	return Persona{
		ID:             id,
		Role:           role,
		InMarket:       true,
		Responsiveness: DefaultResponsiveness(role),
		Preferences:    NeutralPreferences(),
		Memory:         DefaultMemory,
	}
}

// DefaultResponsiveness returns the base engagement probabilities of an
// in-market persona in role. The economic buyer rarely clicks ads but
// takes meetings, the researcher reads content, and users respond least
// to sales.
//
// NOTE: These values are assumptions chosen to give plausible click,
// reply and meeting rates. They are not fitted to any data set.
func DefaultResponsiveness(role Role) Responsiveness {
	switch role {
	case EconomicBuyer:
		return Responsiveness{Ad: 0.02, MarketingEmail: 0.04, Content: 0.06, Event: 0.15, SalesEmail: 0.08, Call: 0.12, Meeting: 0.6}
	case Champion:
		return Responsiveness{Ad: 0.06, MarketingEmail: 0.12, Content: 0.2, Event: 0.25, SalesEmail: 0.16, Call: 0.2, Meeting: 0.7}
	case Researcher:
		return Responsiveness{Ad: 0.1, MarketingEmail: 0.16, Content: 0.4, Event: 0.2, SalesEmail: 0.08, Call: 0.08, Meeting: 0.4}
	case User:
		return Responsiveness{Ad: 0.04, MarketingEmail: 0.08, Content: 0.16, Event: 0.12, SalesEmail: 0.06, Call: 0.06, Meeting: 0.3}
	}
	return Responsiveness{}
}

// Validate returns an error that names the first invalid field.
func (p *Persona) Validate() error {
	if !p.Role.Valid() {
		return fmt.Errorf("persona %q: invalid role %d", p.ID, uint8(p.Role))
	}
	for i, v := range p.Responsiveness.values() {
		if !(v >= 0 && v <= 1) {
			return fmt.Errorf("persona %q: invalid responsiveness %v for %s: must lie in [0, 1]", p.ID, v, kindNames[i])
		}
	}
	for i, v := range p.Preferences.values() {
		if !(v >= 0 && v <= MaxPreference) {
			return fmt.Errorf("persona %q: invalid preference %v for channel %s: must lie in [0, %d]", p.ID, v, Channel(i+1), MaxPreference)
		}
	}
	if p.Memory <= 0 {
		return fmt.Errorf("persona %q: invalid memory %v: must be positive", p.ID, p.Memory)
	}
	return nil
}

// kindNames follow the order of Responsiveness.values.
var kindNames = [7]string{"ad", "marketing email", "content", "event", "sales email", "call", "meeting"}

// rateKeys are the scenario file keys of the responsiveness values, in
// the order of Responsiveness.values.
var rateKeys = [7]string{"ad-rate", "marketing-email-rate", "content-rate", "event-rate", "sales-email-rate", "call-rate", "meeting-rate"}

// setValue sets the responsiveness value with index i of values.
func (r *Responsiveness) setValue(i int, v float64) {
	fields := [7]*float64{&r.Ad, &r.MarketingEmail, &r.Content, &r.Event, &r.SalesEmail, &r.Call, &r.Meeting}
	*fields[i] = v
}

// recall returns the weight that a touch of age d still has in memory
// with half-life memory.
func recall(d, memory time.Duration) float64 {
	if d <= 0 {
		return 1
	}
	return math.Exp2(-float64(d) / float64(memory))
}
