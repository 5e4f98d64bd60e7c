package simulate

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"sync"
	"time"

	"github.com/accountkit/accountkit/journey"
)

// Stages that Run emits, in funnel order. See StageModel.
const (
	StageAware       = "aware"
	StageEngaged     = "engaged"
	StageOpportunity = "opportunity"
)

// StageModel returns the funnel of the stages that Run emits: aware at an
// account's first touch, engaged at its first engagement, and opportunity
// when an opportunity opens.
func StageModel() journey.StageModel {
	m, err := journey.NewStageModel([]string{StageAware, StageEngaged, StageOpportunity}, nil)
	if err != nil {
		// The stage names are constants that NewStageModel accepts.
		panic(err)
	}
	return m
}

// DeliveredWeight is the Weight of a touchpoint that the persona did not
// engage with. An engaged touchpoint weighs 1. The small positive weight
// keeps delivered touches visible to weight-based rules while a
// journey.HandoffOptions.EngagementScore of 1 still means the first
// engagement, as long as an account gets fewer than 1000 unengaged
// marketing touches.
const DeliveredWeight = 0.001

// Source is the Source of every touchpoint that Run emits.
const Source = "simulation"

// Period is a half-open time span [Start, End).
type Period struct {
	Start time.Time
	End   time.Time
}

// Contains reports whether t lies in the period.
func (p Period) Contains(t time.Time) bool {
	return !t.Before(p.Start) && t.Before(p.End)
}

// Account is one simulated account and what happened to it.
type Account struct {
	// ID is the account ID, such as "acct-000042".
	ID string
	// BuyingGroup are the account's personas. Their InMarket fields are
	// false, because the market state changes over time.
	BuyingGroup []Persona
	// InMarket are the periods in which the account is in market, in
	// order, clipped to the run's time span.
	InMarket []Period
	// MarketingTarget and SalesTarget are true when the team targeted the
	// account. In a coordinated run sales also touches the accounts that
	// marketing targets, in plays after an engagement.
	MarketingTarget bool
	SalesTarget     bool
	// MarketingTouches and SalesTouches count the touches of each team.
	MarketingTouches int
	SalesTouches     int
	// Engagements counts the touches any persona engaged with.
	Engagements int
	// ColdSalesTouches counts sales touches to a persona who had engaged
	// with no earlier touch.
	ColdSalesTouches int
	// Contradictions counts touches whose reaction had the contradiction
	// reason.
	Contradictions int
}

// Opportunity is an opportunity that opened on an account.
type Opportunity struct {
	// AccountID is the account.
	AccountID string
	// At is the instant of the engagement that opened it.
	At time.Time
	// Touches counts the account's touches up to At.
	Touches int
}

// Result is the outcome of a run.
type Result struct {
	// Config is the configuration used, with defaults filled in.
	Config Config
	// End is the end of the simulated time span.
	End time.Time
	// Accounts are the accounts in ID order.
	Accounts []Account
	// Touchpoints are every touch of both teams, grouped by account in ID
	// order and ordered by instant within an account. Engaged touches
	// have Weight 1 and an engagement Type such as "email_click", others
	// have DeliveredWeight and a delivery Type such as "email_sent".
	Touchpoints []journey.Touchpoint
	// Opportunities are in account order, then by instant.
	Opportunities []Opportunity
	// StageEvents are the stage changes for StageModel, in account order,
	// then by instant.
	StageEvents []journey.StageEvent
}

// Journeys returns one journey per opportunity, for attribution: the
// account's touches up to the opportunity, with value 1 and the
// opportunity as its conversion and OpportunityCreatedAt.
func (r *Result) Journeys() []journey.Journey {
	journeys := make([]journey.Journey, 0, len(r.Opportunities))
	start := 0
	for _, o := range r.Opportunities {
		for start < len(r.Touchpoints) && r.Touchpoints[start].AccountID < o.AccountID {
			start++
		}
		end := start
		for end < len(r.Touchpoints) && r.Touchpoints[end].AccountID == o.AccountID && !r.Touchpoints[end].Time.After(o.At) {
			end++
		}
		journeys = append(journeys, journey.Journey{
			ID:                   fmt.Sprintf("%s@%s", o.AccountID, o.At.Format(time.RFC3339)),
			Touches:              r.Touchpoints[start:end:end],
			Value:                1,
			ConvertedAt:          o.At,
			OpportunityCreatedAt: o.At,
		})
	}
	return journeys
}

// chunkSize is the number of accounts one worker simulates at a time.
const chunkSize = 512

// chunk is the output of one block of accounts.
type chunk struct {
	accounts      []Account
	touchpoints   []journey.Touchpoint
	opportunities []Opportunity
	stages        []journey.StageEvent
	err           error
}

// Run simulates cfg.Accounts accounts over cfg.Quarters quarters under
// cfg.Strategy. Accounts are simulated independently, each from its own
// random streams derived from cfg.Seed and its index, so the result is
// the same for any number of workers. The account population, market
// states and targeting draws depend only on the seed, so runs of
// different strategies with one seed compare the same accounts.
func Run(cfg Config) (*Result, error) {
	return RunContext(context.Background(), cfg)
}

// RunContext is Run with a context. It stops between accounts when ctx is
// done and returns the context's error, which matters for a Responder
// that is slow, such as one that asks a remote model.
func RunContext(ctx context.Context, cfg Config) (*Result, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	chunks := make([]chunk, (cfg.Accounts+chunkSize-1)/chunkSize)
	width := len(strconv.Itoa(cfg.Accounts - 1))
	width = max(width, 6)

	var wg sync.WaitGroup
	next := make(chan int)
	for range min(cfg.Workers, len(chunks)) {
		wg.Go(func() {
			sim := newSimulator(&cfg, width)
			for c := range next {
				chunks[c] = sim.runChunk(ctx, c)
			}
		})
	}
	for c := range chunks {
		next <- c
	}
	close(next)
	wg.Wait()

	res := &Result{Config: cfg, End: cfg.Start.Add(cfg.span())}
	var touches, opportunities, stages int
	for i := range chunks {
		if chunks[i].err != nil {
			return nil, chunks[i].err
		}
		touches += len(chunks[i].touchpoints)
		opportunities += len(chunks[i].opportunities)
		stages += len(chunks[i].stages)
	}
	res.Accounts = make([]Account, 0, cfg.Accounts)
	res.Opportunities = make([]Opportunity, 0, opportunities)
	res.StageEvents = make([]journey.StageEvent, 0, stages)
	offsets := make([]int, len(chunks))
	for i := range chunks {
		if i > 0 {
			offsets[i] = offsets[i-1] + len(chunks[i-1].touchpoints)
		}
		res.Accounts = append(res.Accounts, chunks[i].accounts...)
		res.Opportunities = append(res.Opportunities, chunks[i].opportunities...)
		res.StageEvents = append(res.StageEvents, chunks[i].stages...)
	}

	// The touchpoints are most of the output, so the workers copy them
	// into place in parallel.
	res.Touchpoints = make([]journey.Touchpoint, touches)
	next = make(chan int)
	for range min(cfg.Workers, len(chunks)) {
		wg.Go(func() {
			for c := range next {
				copy(res.Touchpoints[offsets[c]:], chunks[c].touchpoints)
				chunks[c].touchpoints = nil
			}
		})
	}
	for c := range chunks {
		next <- c
	}
	close(next)
	wg.Wait()
	return res, nil
}

// expectedTouches estimates the touches of one account, to size buffers.
func expectedTouches(cfg *Config) int {
	span := float64(cfg.span())
	n := cfg.MarketingShare*span/float64(cfg.MarketingInterval) + cfg.SalesShare*span/float64(cfg.SalesInterval)
	return int(n*1.2) + 4
}

// Random streams of one account. Each purpose has its own stream, so a
// change in one team's behaviour leaves the other draws unchanged.
const (
	streamWorld = iota
	streamMarketing
	streamSales
	streamResponse
	streamCount
)

// streamSeed derives a well-mixed PCG seed for one stream of one account
// with the SplitMix64 finaliser, because PCG states that differ in a few
// low bits give correlated first outputs.
func streamSeed(account, stream int) uint64 {
	z := uint64(account)*streamCount + uint64(stream) + 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// scheduled is a touch waiting to be delivered.
type scheduled struct {
	at      time.Time
	persona int
	touch   Touch
}

// simulator holds one worker's reusable buffers.
type simulator struct {
	cfg   *Config
	width int
	// rng and pcg are reused for every stream of every account.
	pcg       [streamCount]*rand.PCG
	rng       [streamCount]*rand.Rand
	marketing []scheduled
	sales     []scheduled
	plays     []scheduled
	// mi, si and pi index the next touch of marketing, sales and plays.
	mi, si, pi int
	histories  [][]Event
	engaged    []engagement
	// rules is cfg.Responder when it is the built-in RuleResponder, else
	// nil.
	rules   *RuleResponder
	reasons []Reason
}

// engagement is one engaged touch, kept for the opportunity rule.
type engagement struct {
	at      time.Time
	persona int
	team    journey.Team
}

func newSimulator(cfg *Config, width int) *simulator {
	s := &simulator{cfg: cfg, width: width}
	if rules, ok := cfg.Responder.(*RuleResponder); ok {
		s.rules = rules
	}
	for i := range s.pcg {
		s.pcg[i] = rand.NewPCG(0, 0)
		s.rng[i] = rand.New(s.pcg[i])
	}
	return s
}

func (s *simulator) runChunk(ctx context.Context, c int) chunk {
	var out chunk
	first := c * chunkSize
	last := min(first+chunkSize, s.cfg.Accounts)
	out.accounts = make([]Account, 0, last-first)
	out.touchpoints = make([]journey.Touchpoint, 0, (last-first)*expectedTouches(s.cfg))
	for i := first; i < last; i++ {
		if err := ctx.Err(); err != nil {
			out.err = err
			return out
		}
		if err := s.runAccount(i, &out); err != nil {
			out.err = err
			return out
		}
	}
	return out
}

// runAccount simulates account i and appends its output to out.
func (s *simulator) runAccount(i int, out *chunk) error {
	cfg := s.cfg
	for k := range s.pcg {
		s.pcg[k].Seed(cfg.Seed, streamSeed(i, k))
	}
	world, mrng, srng, respond := s.rng[streamWorld], s.rng[streamMarketing], s.rng[streamSales], s.rng[streamResponse]
	acct := Account{ID: fmt.Sprintf("acct-%0*d", s.width, i)}
	acct.BuyingGroup = buyingGroup(acct.ID, world)
	end := cfg.Start.Add(cfg.span())
	acct.InMarket = inMarketPeriods(cfg, world, end)

	// The three targeting draws are made for every strategy, so the
	// account's later draws do not depend on the strategy.
	target(&acct, cfg, world.Float64(), mrng.Float64(), srng.Float64())

	s.marketing = s.marketing[:0]
	if acct.MarketingTarget {
		s.marketing = scheduleMarketing(s.marketing, cfg, mrng, len(acct.BuyingGroup), end)
	}
	s.sales = s.sales[:0]
	if acct.SalesTarget {
		s.sales = scheduleSales(s.sales, cfg, srng, acct.BuyingGroup, end)
	}
	s.plays = s.plays[:0]
	for len(s.histories) < len(acct.BuyingGroup) {
		s.histories = append(s.histories, nil)
	}
	for p := range acct.BuyingGroup {
		s.histories[p] = s.histories[p][:0]
	}
	s.engaged = s.engaged[:0]

	firstTouch := len(out.touchpoints)
	inOpportunity := -1 // index of the in-market period with an opportunity
	s.mi, s.si, s.pi = 0, 0, 0
	for {
		next, cadence, ok := s.next()
		if !ok {
			out.accounts = append(out.accounts, acct)
			return nil
		}
		at, touch := next.at, next.touch
		if cadence && cfg.Strategy == Coordinated {
			// A coordinated cadence touch gives way to a running play,
			// and otherwise follows the current campaign's topic
			// without a message of its own.
			if s.pi < len(s.plays) {
				continue
			}
			touch.Topic = campaignTopic(cfg, at)
			touch.Message = ""
		}
		persona := acct.BuyingGroup[next.persona]
		period := periodAt(acct.InMarket, at)
		persona.InMarket = period >= 0
		history := s.histories[next.persona]
		var reaction Reaction
		var err error
		if s.rules != nil {
			// The built-in responder skips validating the generated
			// persona and touch, and reuses one reason buffer.
			reaction, err = s.rules.respond(&persona, history, at, touch, s.reasons[:0])
			s.reasons = reaction.Reasons
		} else {
			reaction, err = cfg.Responder.Respond(persona, history, at, touch)
		}
		if err != nil {
			return fmt.Errorf("account %s, persona %s, %s at %s: %w", acct.ID, persona.ID, touch, at.Format(time.RFC3339), err)
		}
		if err := checkProbability(reaction.Probability); err != nil {
			return fmt.Errorf("account %s, persona %s, %s at %s: %w", acct.ID, persona.ID, touch, at.Format(time.RFC3339), err)
		}
		engaged := respond.Float64() < reaction.Probability
		if touch.Team == journey.Sales && !engagedBefore(history) {
			acct.ColdSalesTouches++
		}
		for _, r := range reaction.Reasons {
			if r.Factor == FactorContradiction {
				acct.Contradictions++
			}
		}
		weight := 0.0
		if engaged {
			weight = 1
		}
		s.histories[next.persona] = append(history, Event{At: at, Touch: touch, Engagement: weight})

		out.touchpoints = append(out.touchpoints, touchpoint(acct.ID, persona.ID, at, touch, engaged))
		if touch.Team == journey.Marketing {
			acct.MarketingTouches++
		} else {
			acct.SalesTouches++
		}
		if len(out.touchpoints)-firstTouch == 1 {
			out.stages = append(out.stages, journey.StageEvent{AccountID: acct.ID, Stage: StageAware, Time: at})
		}
		if !engaged {
			continue
		}
		acct.Engagements++
		if acct.Engagements == 1 {
			out.stages = append(out.stages, journey.StageEvent{AccountID: acct.ID, Stage: StageEngaged, Time: at})
		}
		s.engaged = append(s.engaged, engagement{at: at, persona: next.persona, team: touch.Team})
		if period >= 0 && period != inOpportunity && s.opens(at) {
			inOpportunity = period
			out.opportunities = append(out.opportunities, Opportunity{AccountID: acct.ID, At: at, Touches: len(out.touchpoints) - firstTouch})
			out.stages = append(out.stages, journey.StageEvent{AccountID: acct.ID, Stage: StageOpportunity, Time: at})
		}
		if cfg.Strategy == Coordinated && touch.Team == journey.Marketing && (len(s.plays) == 0 || !s.plays[len(s.plays)-1].at.After(at)) {
			s.plays = schedulePlay(s.plays, cfg, srng, acct.BuyingGroup, next.persona, at, touch.Topic, end)
		}
	}
}

// target sets the account's targeting from three uniform draws.
func target(acct *Account, cfg *Config, listDraw, marketingDraw, salesDraw float64) {
	switch cfg.Strategy {
	case Separate:
		acct.MarketingTarget = marketingDraw < cfg.MarketingShare
		acct.SalesTarget = salesDraw < cfg.SalesShare
	case SharedList, Coordinated:
		list := max(cfg.MarketingShare, cfg.SalesShare)
		onList := listDraw < list
		acct.MarketingTarget = onList && marketingDraw < cfg.MarketingShare/list
		acct.SalesTarget = onList && salesDraw < cfg.SalesShare/list
	}
}

// next removes and returns the earliest waiting touch, and reports
// whether it is a cadence sales touch. Ties go to marketing, then to
// cadence sales touches, then to plays. It returns false when no touch
// is left.
func (s *simulator) next() (next scheduled, cadence, ok bool) {
	switch {
	case s.mi < len(s.marketing) &&
		(s.si >= len(s.sales) || !s.sales[s.si].at.Before(s.marketing[s.mi].at)) &&
		(s.pi >= len(s.plays) || !s.plays[s.pi].at.Before(s.marketing[s.mi].at)):
		s.mi++
		return s.marketing[s.mi-1], false, true
	case s.si < len(s.sales) && (s.pi >= len(s.plays) || !s.plays[s.pi].at.Before(s.sales[s.si].at)):
		s.si++
		return s.sales[s.si-1], true, true
	case s.pi < len(s.plays):
		s.pi++
		return s.plays[s.pi-1], false, true
	}
	return scheduled{}, false, false
}

// opens reports whether the engagements up to at open an opportunity:
// enough distinct personas engaged within the window, and at least one
// engagement was with sales.
func (s *simulator) opens(at time.Time) bool {
	from := at.Add(-s.cfg.OpportunityWindow)
	var personas uint64
	count := 0
	sales := false
	for k := len(s.engaged) - 1; k >= 0; k-- {
		e := s.engaged[k]
		if e.at.Before(from) {
			break
		}
		if e.team == journey.Sales {
			sales = true
		}
		if bit := uint64(1) << (e.persona % 64); personas&bit == 0 {
			personas |= bit
			count++
		}
	}
	return sales && count >= s.cfg.OpportunityContacts
}

// engagedBefore reports whether the persona engaged with any earlier
// touch.
func engagedBefore(history []Event) bool {
	for _, e := range history {
		if e.Engagement > 0 {
			return true
		}
	}
	return false
}

// periodAt returns the index of the in-market period containing t, or -1.
func periodAt(periods []Period, t time.Time) int {
	for k, p := range periods {
		if p.Contains(t) {
			return k
		}
	}
	return -1
}

// buyingGroup draws an economic buyer, a champion, zero to two researchers
// and one to three users. Each persona's responsiveness is its role's
// default times a factor in [0.5, 1.5), capped at 1, and its channel
// preferences and memory half-life vary by the same range.
func buyingGroup(accountID string, rng *rand.Rand) []Persona {
	researchers := rng.IntN(3)
	users := 1 + rng.IntN(3)
	group := make([]Persona, 0, 2+researchers+users)
	add := func(role Role, n int) {
		for k := 1; k <= n; k++ {
			id := accountID + "/" + role.String()
			if n > 1 || role == Researcher || role == User {
				id += "-" + strconv.Itoa(k)
			}
			p := NewPersona(id, role)
			p.InMarket = false
			scale := func(v float64) float64 { return math.Min(1, v*(0.5+rng.Float64())) }
			r := &p.Responsiveness
			r.Ad, r.MarketingEmail, r.Content, r.Event = scale(r.Ad), scale(r.MarketingEmail), scale(r.Content), scale(r.Event)
			r.SalesEmail, r.Call, r.Meeting = scale(r.SalesEmail), scale(r.Call), scale(r.Meeting)
			pr := &p.Preferences
			pr.Ad, pr.Email, pr.Content, pr.Event, pr.Call, pr.Meeting = scale(1), scale(1), scale(1), scale(1), scale(1), scale(1)
			p.Memory = time.Duration(float64(p.Memory) * (0.5 + rng.Float64()))
			group = append(group, p)
		}
	}
	add(EconomicBuyer, 1)
	add(Champion, 1)
	add(Researcher, researchers)
	add(User, users)
	return group
}

// inMarketPeriods draws the account's in-market periods as an alternating
// renewal process that is stationary from the start. Each period lasts
// InMarketDuration D. The time out of market between periods is
// exponential with mean D(1-s)/s, so a share s of accounts is in market at
// any instant. At the start an account is in market with probability s,
// with a remaining time uniform in [0, D).
func inMarketPeriods(cfg *Config, rng *rand.Rand, end time.Time) []Period {
	d := cfg.InMarketDuration
	s := cfg.InMarketShare
	meanOut := float64(d) * (1 - s) / s
	var periods []Period
	t := cfg.Start
	if rng.Float64() < s {
		rest := uniform(rng.Float64(), 0, d) + 1
		periods = append(periods, Period{Start: t, End: minTime(t.Add(rest), end)})
		t = t.Add(rest)
	}
	for t.Before(end) {
		gap := rng.ExpFloat64() * meanOut
		if gap >= float64(end.Sub(t)) {
			break
		}
		t = t.Add(time.Duration(gap))
		periods = append(periods, Period{Start: t, End: minTime(t.Add(d), end)})
		t = t.Add(d)
	}
	return periods
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// jitter returns interval times a factor in [0.75, 1.25).
func jitter(rng *rand.Rand, interval time.Duration) time.Duration {
	return uniform(rng.Float64(), interval*3/4, interval*5/4)
}

// scheduleMarketing appends marketing's touches of one account: one every
// MarketingInterval on average to a random persona, on the topic of the
// quarter's campaign with the campaign's message.
func scheduleMarketing(dst []scheduled, cfg *Config, rng *rand.Rand, personas int, end time.Time) []scheduled {
	t := cfg.Start.Add(uniform(rng.Float64(), 0, cfg.MarketingInterval))
	for t.Before(end) {
		k := campaignIndex(cfg, t)
		dst = append(dst, scheduled{
			at:      t,
			persona: rng.IntN(personas),
			touch:   Touch{Team: journey.Marketing, Channel: pick(marketingChannels, rng.Float64()), Topic: topics[k], Message: campaignMessages[k]},
		})
		t = t.Add(jitter(rng, cfg.MarketingInterval))
	}
	return dst
}

// campaignIndex returns the index in topics of marketing's campaign at t:
// one topic per quarter, in turn.
func campaignIndex(cfg *Config, t time.Time) int {
	return int(t.Sub(cfg.Start)/Quarter) % len(topics)
}

func campaignTopic(cfg *Config, t time.Time) string {
	return topics[campaignIndex(cfg, t)]
}

var (
	campaignMessages = []string{"security campaign", "cost campaign", "integration campaign", "compliance campaign"}
	salesMessages    = []string{"security offer", "cost offer", "integration offer", "compliance offer"}
)

// scheduleSales appends uncoordinated sales touches of one account: one
// every SalesInterval on average, mostly to the economic buyer and the
// champion, on a random topic, half of them with sales' own message.
func scheduleSales(dst []scheduled, cfg *Config, rng *rand.Rand, group []Persona, end time.Time) []scheduled {
	t := cfg.Start.Add(uniform(rng.Float64(), 0, cfg.SalesInterval))
	for t.Before(end) {
		k := rng.IntN(len(topics))
		touch := Touch{Team: journey.Sales, Channel: pick(salesChannels, rng.Float64()), Topic: topics[k]}
		if rng.Float64() < salesOwnMessageShare {
			touch.Message = salesMessages[k]
		}
		dst = append(dst, scheduled{at: t, persona: pickPersona(group, rng), touch: touch})
		t = t.Add(jitter(rng, cfg.SalesInterval))
	}
	return dst
}

// schedulePlay appends a coordinated play. Its first sales touch goes to
// the persona who engaged, within the SLA. FollowUps-1 more touches follow
// every SalesInterval on average, mostly to the economic buyer or
// champion. All are on the engaged topic without a message of sales' own.
func schedulePlay(dst []scheduled, cfg *Config, rng *rand.Rand, group []Persona, persona int, engagedAt time.Time, topic string, end time.Time) []scheduled {
	t := engagedAt.Add(uniform(rng.Float64(), 0, cfg.SLA))
	for k := 0; k < cfg.FollowUps && t.Before(end); k++ {
		target := persona
		if k > 0 {
			target = pickPersona(group, rng)
		}
		dst = append(dst, scheduled{at: t, persona: target, touch: Touch{Team: journey.Sales, Channel: pick(playChannels, rng.Float64()), Topic: topic}})
		t = t.Add(jitter(rng, cfg.SalesInterval))
	}
	return dst
}

// pickPersona draws a persona by role with the weights of salesRoles. The
// economic buyer and the champion are always the first two personas.
func pickPersona(group []Persona, rng *rand.Rand) int {
	role := pick(salesRoles, rng.Float64())
	switch role {
	case EconomicBuyer:
		return 0
	case Champion:
		return 1
	}
	var candidates [8]int
	n := 0
	for k := 2; k < len(group) && n < len(candidates); k++ {
		if group[k].Role == role {
			candidates[n] = k
			n++
		}
	}
	if n == 0 {
		return rng.IntN(2)
	}
	return candidates[rng.IntN(n)]
}

// Touchpoint types by kind, delivered and engaged, in kindIndex order.
var (
	deliveredTypes = [7]string{"ad_impression", "content_offer", "event_invite", "call_attempt", "meeting_invite", "email_sent", "email_sent"}
	engagedTypes   = [7]string{"ad_click", "content_download", "event_attended", "call_connected", "meeting_held", "email_click", "email_reply"}
)

func touchpoint(accountID, contact string, at time.Time, touch Touch, engaged bool) journey.Touchpoint {
	k := kindIndex(touch.Team, touch.Channel)
	tp := journey.Touchpoint{
		AccountID: accountID,
		Time:      at,
		Team:      touch.Team,
		Channel:   touch.Channel.String(),
		Contact:   contact,
		Type:      deliveredTypes[k],
		Source:    Source,
		Weight:    DeliveredWeight,
	}
	if touch.Team == journey.Marketing {
		tp.Campaign = touch.Message
	}
	if engaged {
		tp.Type = engagedTypes[k]
		tp.Weight = 1
	}
	return tp
}
