// Package overlap measures how sets of reached accounts overlap over a
// universe of target accounts, with every number named and its denominator
// stated.
//
// # Concepts
//
// The universe U is the target account list. A set is the accounts one team
// or system reached, given as account IDs or as links from source records to
// accounts (Set, Link). A set may also be built from touchpoints by a reach
// rule (Reach, ReachedSets). Set members outside the universe are counted and
// listed per set (SetSummary.Outside) and left out of regions and metrics,
// so a metric never mixes two populations. Repeated IDs count once and are
// counted in SetSummary.Duplicates. An empty universe means the union of the
// sets.
//
// A region is exclusive: the universe accounts in exactly the named sets and
// in no other. For two sets the regions are "A only", "B only", "A & B" and
// "no set". Compute lists only non-empty regions, so ten or more sets stay
// cheap, and orders them as an UpSet plot does: count descending, then fewer
// sets first, then set names, with "no set" last. Region counts add up to
// |U|, and the counts of the regions inside a set add up to its size.
//
// A Ratio keeps numerator and denominator. A ratio whose denominator is 0 is
// undefined: it prints as "undefined" or "n/a" and encodes as "value": null
// in JSON, and no NaN is ever returned.
//
// # Metrics
//
// A metric key is the metric name followed by its set names in brackets,
// such as jaccard(marketing,sales). Set names therefore may not contain '(',
// ')' or ','. Symmetric metrics list their sets sorted by name. For share,
// the order is part of the meaning. Below, |X| is the number of universe
// accounts in X.
//
//	coverage(A)            |A| / |U|, the share of the universe A reached
//	coverage(A,B,…)        |A∪B∪…| / |U|, the share reached by any set
//	outside_share(A)       |A∖U| / |A as given|, the share of A's distinct
//	                       members that are not target accounts
//	jaccard(A,B)           |A∩B| / |A∪B|
//	overlap_coefficient(A,B)
//	                       |A∩B| / min(|A|,|B|)
//	dice(A,B)              2|A∩B| / (|A|+|B|), the Sørensen-Dice coefficient
//	share(A,B)             |A∩B| / |A|, the share of A that B also reached
//	lift(A,B)              |A∩B|·|U| / (|A|·|B|), the intersection over its
//	                       expected size if A and B were independent draws
//	                       from U. 1 means independence, above 1 means the
//	                       sets share more than chance.
//
// Ranges: coverage, outside_share, jaccard, overlap_coefficient, dice and
// share lie in [0, 1]. Lift lies in [0, |U|/max(|A|,|B|)].
//
// The same data can give very different single numbers. With |A| = 1000,
// |B| = 400 and |A∩B| = 160 in a universe of 2000, jaccard is 0.129,
// share(A,B) is 0.16, share(B,A) is 0.40 and the overlap coefficient is
// 0.40. This is why every number here carries its name.
//
// ComputeWeighted adds the weighted forms, where W(X) is the sum of account
// weights in X, for example pipeline potential:
//
//	weighted_coverage(A)   W(A) / W(U), and W(A∪B∪…) / W(U) for several sets
//	weighted_jaccard(A,B)  W(A∩B) / W(A∪B)
//	weighted_overlap_coefficient(A,B)
//	                       W(A∩B) / min(W(A),W(B))
//	weighted_dice(A,B)     2W(A∩B) / (W(A)+W(B))
//	weighted_share(A,B)    W(A∩B) / W(A)
//
// # Reach, time, segments and actions
//
// What counts as "reached" is a rule, not a given. A Reach names a team and
// counts its touches in a time window and a set of channels. An account is
// reached when its counted touches number at least MinTouches and weigh at
// least MinWeight in total. AnyTouch, AtLeastTouches and AtLeastWeight are
// the common rules, and Report.Rules prints each set's rule next to the
// numbers. ComputeSeries applies the rules per week, month or quarter and
// lists the accounts that moved between regions from one period to the
// next. ComputeBySegment repeats a report per attribute value, and
// ComputeWeighted weighs each account, for example by pipeline potential.
// ComputeActions lists accounts marketing engaged that sales has not touched
// lately, accounts sales works that marketing has not engaged, and target
// accounts neither team reached, each with both teams' last touch.
//
// ComputeCounts returns counts and metrics without member lists, which
// saves their memory, 16 bytes per universe account, and part of the time.
//
// # Output
//
// Every report type encodes to JSON with encoding/json and prints as aligned
// text with WriteText. Output is deterministic: the same accounts and options
// give byte-identical JSON, text and SVG whatever order sets and members come
// in. WriteVennSVG draws an area-proportional diagram of two sets (exact) or
// three sets (fitted, with its error in the caption and in VennLayout), and
// WriteUpSetSVG draws an UpSet plot of any number of sets.
//
// All functions are safe for concurrent use and do no I/O except writing
// to the io.Writer they are given.
package overlap
