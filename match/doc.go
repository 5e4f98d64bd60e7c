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
// # Domains and email addresses
//
// [ParseDomain] accepts host names, URLs (any scheme, user info, port, path,
// query, fragment, scheme-relative), email addresses, mailto: URLs and
// display-name forms such as "Doe, Jane <CEO>" <jane@example.com>.
// Surrounding white space, spreadsheet quotes, trailing separators, upper
// case, a trailing dot, percent-encoding and the ideographic, full-width and
// half-width full stops are normalized. Unicode labels become IDNA A-labels
// by the UTS #46 non-transitional mapping, so a Unicode host and its
// punycode spelling give one key. When a field lists several addresses, the
// first one decides. Inputs over [MaxDomainInputLength] bytes and hosts over
// 253 octets fail fast with [ErrInputTooLong].
//
// The registrable domain is the public suffix plus one label, where the
// suffix is the longest matching rule of the Public Suffix List, PRIVATE
// section included, with wildcard and exception rules. An unlisted top-level
// label is its own suffix. Errors are values for errors.Is: [ErrEmpty] (also
// for placeholders such as "n/a", "none", "-", "http://"), [ErrIPAddress],
// [ErrNonPublicName] (single labels, .local, .localhost, .internal, .lan,
// .home, .corp, .test, .invalid, .onion, subdomains of .arpa),
// [ErrPublicSuffix], [ErrInvalidHost] and [ErrInputTooLong]. Each message
// shows the input. The default list is the one compiled into
// golang.org/x/net; [ParseSuffixList] loads a newer public_suffix_list.dat
// from an io.Reader, and the library never uses the network.
//
// Each [Domain] has a [DomainKind]: company, free mail, internet provider,
// disposable, or hosted tenant (a customer subdomain on a PRIVATE-section
// platform such as myshopify.com). The provider lists are generated from the
// npm packages freemail, disposable-email-domains and email-providers
// ([MailDomainSources]) and curated: company domains listed by mistake
// (easypost.com) are dropped, and regional, legacy and ISP domains
// (googlemail.com, hotmail.co.uk, yahoo.co.jp, comcast.net, btinternet.com)
// are added. A provider domain that is also its company's website (zoho.com,
// fastmail.com) keeps its provider kind with ProviderCompany set, so an
// address there is no company key but a website there is. [NewDomainParser]
// with [WithMailDomains] adds or removes domains without global state.
//
// [ParseEmail] returns the display name, local part, parsed domain, and a
// Role flag for role mailboxes such as info@, sales@ and noreply@.
// [AccountDomains] builds an account's domain set from its website and the
// domains shared by at least a given number of contacts, ignoring mail
// providers.
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
// the decision, the runner-up candidates and the reason. On top of the
// pairwise levels it applies one rule that needs the whole index: when
// exactly one account stands in a prefix or acronym relation to the record,
// the name reaches a unique level that matches on its own. "Costco" then
// names "Costco Wholesale Corp", "Costco Wholesale" names "Costco", and
// "International Business Machines" names "IBM". A longer record name
// counts only when it adds at most two words, because "BlackRock Municipal
// Income Trust" is not "BlackRock". When two different
// accounts both match within a margin of each other, the decision is
// [Ambiguous] and no account is picked; accounts that carry exactly the same
// evidence are duplicates ([Index.Duplicates]), not rivals.
//
// [Index.Add] and [Index.Remove] change the accounts while matching goes
// on. [Index.MatchMention] finds the organisation that a free-text string
// such as a research affiliation names. Accounts may carry a ParentID, and a
// match on a subsidiary lists its parents up to the ultimate parent.
//
// [Index.Link] matches a batch on every core and gives each input record
// exactly one [Outcome]: matched, unmatched (with the best candidate and
// why it was not enough) or rejected (no usable name or domain). The
// report's counts add up to the number of records read. The [OneToOne]
// option links each account to at most one record, and [RollUp] links to
// the ultimate parent. [Deduplicate] groups the records of one system into
// clusters named by their smallest member ID.
//
// # Weights from data
//
// [DefaultWeights] are hand-set estimates that work with no training.
// [EstimateWeights] estimates m and u from unlabelled records by
// expectation-maximisation over the candidate pairs, and
// [WeightsFromLabels] from pairs a person has judged; [WithWeights] puts
// either into an Index. Check estimated weights against labelled pairs
// before use, because expectation-maximisation can take a class of
// near-matches for matches.
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
