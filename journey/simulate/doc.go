// Package simulate walks synthetic buyers through touches from marketing
// and sales, to show problems between the two teams that neither team
// sees alone, and to compare ways of working before changing the real
// organisation. It has two parts: a walk-through of one persona through a
// scripted scenario, and a run of a whole population of accounts under a
// strategy that emits journey.Touchpoint values, so the journey and
// overlap packages measure simulated data as they measure real data.
//
// # Personas
//
// A Persona is one member of an account's buying group, with a Role
// (economic buyer, champion, researcher or user). Its Responsiveness is
// the probability of engaging with one touch of each kind (an ad, a
// marketing email, content, an event, a sales email, a call, a meeting)
// while its account is in market. Its Preferences multiply that
// probability per channel. Its Memory is the half-life of what it
// remembers: an engaged touch counts 2^(-age/Memory), so after one
// half-life it counts half. DefaultResponsiveness gives each role's
// values, which are assumptions and not fitted to data.
//
// # Responders and walk-throughs
//
// A Responder returns a persona's Reaction to a touch given the touches
// before it: an engagement probability and the Reasons it rose or fell.
// RuleResponder applies these rules (see Rules for the parameters and
// DefaultRules for their values), each as a multiplier on the base
// probability:
//
//   - out of market: the account is not looking to buy (x0.15)
//   - continuity: the touch is on a topic the persona engaged with
//     (up to x2, in proportion to what the persona remembers)
//   - timely follow-up: the other team touches within 7 days of an
//     engagement (up to x1.5)
//   - repetition: the persona engaged with the same message before
//     (x0.5 per remembered engagement)
//   - contradiction: the other team made a different claim on the same
//     topic (down to x0.4)
//   - crowding: the previous touch came less than 48 hours before (x0.6)
//   - cold outreach: a sales touch that no remembered engagement gives
//     context (x0.4 when the persona remembers nothing, rising to x1)
//   - cap: the probability is at most 0.95
//
// Walk takes one persona through a Scenario, which ParseScenario reads
// from a text file. In a walk-through each touch enters the persona's
// memory with its engagement probability as the engagement, so the result
// is the expected reaction and involves no random draws. A program may
// plug in its own Responder, for example one that asks a language model;
// this package makes no network calls.
//
// # Populations and strategies
//
// Run simulates Config.Accounts accounts over Config.Quarters quarters of
// 13 weeks. Each account has a buying group of one economic buyer, one
// champion, zero to two researchers and one to three users, whose
// responsiveness, channel preferences and memory vary by a factor in
// [0.5, 1.5) around the role defaults. An account is in market in periods
// of InMarketDuration (90 days by default) separated by exponential gaps,
// so a share InMarketShare of accounts is in market at any instant (5% by
// default, the share usually quoted for B2B).
//
// Marketing targets a share MarketingShare of accounts (40%) and touches
// each about every MarketingInterval (14 days, jittered by ±25%): 45% ads,
// 35% emails, 15% content and 5% events, to a random persona, on the topic
// of the quarter's campaign with the campaign's message. Sales targets a
// share SalesShare (15%) and touches each about every SalesInterval (10
// days): 55% emails, 40% calls and 5% meetings, to the economic buyer or
// champion 70% of the time, on a random topic of four, and half of the
// touches carry sales' own message, which contradicts marketing's on the
// same topic. The Strategy decides how the teams choose and work
// accounts:
//
//   - Separate: each team draws its targets independently, so their
//     reach overlaps about as chance predicts (lift near 1).
//   - SharedList: both teams draw from one list the size of the larger
//     target share, which raises the overlap (lift near 1 divided by
//     that share).
//   - Coordinated: the shared list, and every marketing engagement starts
//     a play: a first sales touch to the engaged persona within the SLA
//     (48 hours), then FollowUps-1 more (3 in all), on the engaged topic
//     with no message of sales' own. Cadence touches give way to a
//     running play and follow the current campaign's topic.
//
// A draw below the reaction's probability is an engagement. An
// opportunity opens at an engagement while the account is in market when
// at least OpportunityContacts distinct personas (2) engaged within
// OpportunityWindow (90 days) and at least one engagement was with sales,
// at most once per in-market period. Result carries the accounts, their
// touchpoints, opportunities and stage events (StageModel), and Journeys
// turns opportunities into attribution journeys. Summarize measures a
// run with overlap.Compute and journey.AnalyzeHandoffs.
//
// Every share, rate and multiplier above is an assumption of the model,
// so the numbers a run gives come from them and not from observed buyers.
// The model has no budgets and no capacity limits, and targeting ignores
// whether an account is in market.
//
// # Determinism and concurrency
//
// Each account draws from its own PCG streams (math/rand/v2) derived from
// Config.Seed and the account's index, one stream per purpose, so the same
// Config gives byte-identical output for any number of workers, and runs
// of different strategies with one seed share the same accounts, market
// periods and targeting draws. The package keeps no global mutable state,
// does no I/O beyond the io.Reader and io.Writer values callers pass, and
// is safe for concurrent use.
package simulate
