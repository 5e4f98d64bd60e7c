// Package journey puts marketing's and sales' touches of an account on one
// timeline and measures what happens between the two teams.
//
// # Timelines
//
// A Touchpoint is one interaction with an account, owned by a Team:
// Marketing or Sales. A Timeline is one account's touches ordered by
// instant, with a deterministic tie-break, so equal-instant touches come
// out in the same order however the sources were loaded. BuildTimelines
// groups touches from any number of sources by account. With
// TimelineOptions.DuplicateWindow it merges the same touch exported by two
// systems (same contact, same type, close in time) into one touch that
// keeps both records. BuildTimelinesInPlace does the same without copying
// the input, for inputs of millions of touches. Timeline.Sessions groups
// web activity into sessions that end after 30 minutes of inactivity by
// default.
//
// # Timestamps
//
// TimeParser reads the timestamps that CRM and marketing exports write:
// RFC 3339, common CSV date-time layouts, and epoch seconds or
// milliseconds, distinguished by magnitude. Zone abbreviations resolve only
// through an explicit table, because "EST" read as UTC moves a touch by
// five hours. Local times are read in an account's or a portal's IANA
// zone. A time in a daylight-saving gap is moved forward by the gap, and
// a time in an overlap takes its first occurrence and is flagged as
// ambiguous (see ResolveLocal). InferDateOrder reads the day/month order
// off a whole column and reports a column that cannot tell.
// ReadTouchpointsCSV combines all of this for CSV files, and
// ReadTouchpointsCSVWithNotes also lists the local times it moved or
// found ambiguous.
//
// # Handoff
//
// AnalyzeHandoff and AnalyzeHandoffs measure the handoff from marketing to
// sales. They report which team came first and the latency from marketing
// engagement to the first sales touch, with its median and 95th
// percentile. They also report SLA outcomes, including accounts still
// waiting, and silences in which neither team touched an engaged account.
// Finally they count sales touches with no marketing touch before them
// and how often the lead passed between the teams.
//
// # Stages
//
// A StageModel orders funnel stages, such as aware, engaged, MQA, SAL,
// SQL, opportunity and won, plus exit stages such as lost. It builds each
// account's StageHistory with the time in each stage and the stages it
// skipped, and sums histories into one funnel that both teams share.
//
// # Attribution
//
// A Model splits a Journey's value over its touches inside a lookback
// window, and Attribute returns the ledger: each touch's share and the
// reason for it. The rule-based models are FirstTouch, LastTouch,
// LastNonDirect, Linear, TimeDecay and PositionBased, with the presets
// UShaped (40/20/40 by position), LeadUShaped (first touch and lead
// creation), WShaped (plus opportunity creation, 30/30/30/10) and FullPath
// (plus closed won, 22.5 x 4 and 10). The data-driven models come from
// MarkovRemovalEffects, which solves the absorbing Markov chain exactly
// instead of simulating it, and from ShapleyValues, which visits every
// coalition of channels. Both return the same result on every run and for
// any order of the paths. Compare puts models side by side, Rollup sums
// credit by channel, campaign or team, and PipelineByTeam gives the
// pipeline that each team sourced and influenced.
//
// # Drawing
//
// WriteSVG draws one account's timeline with a lane per team, a mark per
// touch, and its stages and silences shaded.
//
// # Guarantees
//
// The package does no I/O of its own beyond the io.Reader and io.Writer
// values that callers pass in and time.LoadLocation. It keeps no global
// mutable state and is safe for concurrent use. Given the same input,
// every function returns the same output. Invalid input is an error that
// names the value and where it came from, never a panic.
//
// # Time zones
//
// Zone names are resolved with time.LoadLocation, which needs the IANA
// time zone database at run time. The package does not embed it, because
// that would add about 450 KB to every program that imports the package.
// Programs that run where no zone database is installed should import
// time/tzdata, as the example program does.
package journey
