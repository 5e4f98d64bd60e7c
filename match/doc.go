// Package match normalizes company names, web domains and email addresses,
// and matches account records across systems: a marketing-automation
// export against the CRM, leads to accounts, or one CRM against another.
// Every decision comes with the evidence and the rule behind it.
//
// # Records and keys
//
// A [Record] holds what a system stores about a company: an ID, a name and
// a domain, where the domain may be written as a website, a URL, a host
// name or an email address. Each record is parsed once into two keys:
//
//   - the name key from [NormalizeName]: the name folded to lower case and
//     plain letters, with legal forms, punctuation and a leading "The"
//     removed, so that "The Acme Widgets, Inc." and "ACME WIDGETS LTD"
//     both give "acme widgets";
//   - the registrable domain from [NormalizeDomain]: the public suffix plus
//     one label, so that "https://www.acme.co.uk/about" and
//     "jane@sales.acme.co.uk" both give "acme.co.uk".
//
// Free-mail addresses such as jane@gmail.com ([IsFreeMail]) and other
// mail-provider domains are recognised and never used as a company's
// domain, and placeholder names such as "n/a" or "test" are never used as
// names.
//
// # Comparing two records
//
// [Compare] scores a pair in the Fellegi-Sunter model. Each field reaches a
// level, and each level adds a weight, the log2 of how much more often the
// level occurs among true matches than among non-matches:
//
//   - name: exact (equal keys, or equal once spaces are removed),
//     same-tokens (the same words in another order), trade-name (a d/b/a
//     name equals the other's name), acronym ("ibm" against
//     "international business machines"), prefix (one name's words start
//     the other), or, by a weighted token similarity, strong (at least 0.85
//     from equal words), typo (at least 0.85 with words one typo apart),
//     medium (0.7), weak (0.5) or different;
//   - domain: same registrable domain, same brand on another suffix
//     ("acme.com" and "acme.co.uk"), or different.
//
// A field that either record lacks is missing and adds nothing, so a record
// without a domain can still match on its name; two present fields that
// disagree count against a match. The total weight plus a prior gives the
// score, 1/(1+2^-total), in [0, 1]. A score of at least 0.9 is a [Match],
// at least 0.5 is [Possible], and lower is [NonMatch]. When either record
// carries no usable name and no usable domain, the decision is
// [NoEvidence]. [DefaultWeights] lists the weights.
//
// The name similarity weighs each word by how much it tells companies
// apart. Words such as "bank", "group" or "services" weigh 0.3 of an
// ordinary word and words such as "of" and "the" 0.05, so "Bank of the
// West" and "Bank of the East" differ where it matters. Two different words
// count as the same only when they are long and one typo apart
// ("microsoft" and "microsfot"), never for short words ("west" and
// "east") or different words that look alike ("fortinet" and "fortive").
//
// # Matching against accounts
//
// [NewIndex] parses a list of accounts once. An [Index] weighs name words
// by their inverse document frequency among its accounts, so a word that
// many accounts share counts little. To keep the cost in proportion to the
// likely pairs, it files each account under block keys: its name key, its
// domain, its domain's brand label, its acronym key, each word that at most
// 1% of accounts share (and at least 20), and the first four letters of such
// words as a fallback for typos. [Index.Match] compares a record only with
// the accounts that share one of its keys, and returns the best account,
// the decision, the runner-up candidates and the reason. A record whose name
// is the start of exactly one account's name reaches the unique-prefix level
// ("Costco" and "Costco Wholesale Corp"), which matches on the name alone
// where plain Compare would only decide possible. When two different
// accounts both match within a margin of each other, the decision is
// [Ambiguous] and no account is picked; accounts that carry exactly the same
// evidence are duplicates ([Index.Duplicates]), not rivals.
//
// [Index.Link] matches a batch on every core and gives each input record
// exactly one [Outcome]: matched, unmatched (with the best candidate and
// why it was not enough) or rejected (no usable name or domain). The
// report's counts add up to the number of records read.
//
// # Worked example
//
// Compare the lead {Name: "NORTHWIND", Domain: "lars@northwind.example"}
// with the account {Name: "Northwind Traders A/S", Domain:
// "northwind.example"}. The legal form A/S is removed, so the name keys are
// "northwind" and "northwind traders": the prefix level, weight 6. Both
// registrable domains are "northwind.example": the same level, weight 12.
// The total is -6 (the prior) + 6 + 12 = 12, the score 1/(1+2^-12) = 0.9998,
// and the decision a match.
//
// Without the domains the total is 0 and the score 0.5, so Compare decides
// possible. In an Index where no other account's name starts with
// "northwind", the name reaches the unique-prefix level instead (weight
// 9.2), the total is 3.2 and the score 0.90, so Index.Match decides a
// match and its reason names the account, the score and the threshold.
package match
