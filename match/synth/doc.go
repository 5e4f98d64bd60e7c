// Package synth generates large labelled test sets for package match from
// real company names: accounts, leads written the way marketing systems
// write them, the account each lead truly belongs to, and clusters of
// duplicate records for deduplication tests.
//
// # Sources and words
//
// Generate takes real names as values (Source), for example the SEC EDGAR
// registry read by ReadSEC and the ROR company records read by ReadROR; it
// reads no files itself. Names whose key (match.NormalizeName) holds
// characters other than ASCII letters, digits and spaces are left out, and
// so are repeats of a key. A name whose key is the start of an earlier
// name's key, or starts with an earlier name's whole key, is left out too,
// because the SEC and ROR list some companies twice, as "LiveRamp Holdings"
// and "LiveRamp". A tenth of the remaining names, chosen by the seed, are
// held out: they never become accounts, and their words build
// companies that are not accounts. The words of the source keys fall into
// three classes by the number of source names that carry them:
//
//   - distinctive words, in at most 3 names, such as "amylyx";
//   - held-out words, distinctive words that only held-out names carry;
//   - industry words, in at least 10 names, such as "pharmaceuticals",
//     "bank" or "holdings".
//
// Words that the name parser would change in some position (legal forms,
// abbreviations it spells out, placeholders) are not used.
//
// # Accounts
//
// The first accounts are the real names, written without registry notes
// (the SEC's "/DE/") and with their first legal form. Further accounts are
// recombined: 70% are two distinctive words and an industry word
// ("Cabio Dogwood Logistics"), 15% two distinctive words and 15% two
// distinctive words and two industry words. 15% of recombined names are
// written in upper case as the SEC writes them, and 84% carry a legal form
// from a list of common ones ("Inc.", "LLC", "GmbH", "Pty Ltd" and others).
// Every account has its own name key, and no two accounts share their first
// two words, so a lead that drops the last word still names one account.
//
// Every account has its own registrable domain: the source domain of a
// real name when the source gives a company domain, and otherwise a brand
// made from its words ("cabiodogwood") on a suffix drawn from a mix of real
// ones: .com 55%, .co.uk 8%, .de 7%, .io 5%, .net 5%, .com.au 4%, .fr, .nl
// and .ca 3% each, .co, .org and .co.jp 2% each, .com.br 1%. A brand that
// gives a mail provider's domain ("yahoo.com") is not used. Accounts carry
// their domain as a website: "www.example.com" (50%), "https://www.
// example.com/" (30%) or "example.com" (20%), and 5% carry none.
//
// 3% of recombined accounts are subsidiaries of an earlier account: the
// parent's name with a country in brackets and that country's legal form,
// "Chicago Atlantic BDC (Sweden) AB", on the parent's brand with the
// country's suffix, "chicagoatlantic.se". Record.ParentID and
// Dataset.Parents name the parent. Only a parent and its subsidiaries share
// a brand.
//
// # Leads
//
// 80% of leads (Mix.MatchedLeads) belong to an account drawn uniformly, and
// Dataset.Truth maps them to it. The others belong to no account, and
// Truth maps them to "". Of those, 30% (Mix.NearMissLeads) are near
// misses, a held-out word and two industry words ("Enshu Works Star
// AG"), so they share only generic words with accounts. Half of the rest
// are held-out real names, which may share a word with an account but never
// the start of its name, and half are recombined from held-out words.
//
// Each lead's name takes these variants, each drawn independently at the
// rate of DefaultMix:
//
//	variant        rate  example
//	legal form     40%   "Inc." dropped, respelled "Incorporated" or replaced by "LLC"
//	case           30%   "ACME WIDGETS INC.", "acme widgets inc."
//	punctuation    15%   "Acme Widgets, Inc.", "Acme-Widgets", "&" for "and", "Inc" to "Inc."
//	abbreviation   50%   "Intl", "Mfg", "Tech", "Pharma", where the name has such a word
//	typo            8%   one letter of the longest word of 6 or more letters swapped, deleted, doubled or replaced
//	dropped word    8%   the last of 3 or more words, but never a subsidiary's country
//	no name         3%   "", "n/a", "-", "unknown" or "N/A"
//
// Exactly one domain form applies:
//
//	form           rate  example
//	bare           15%   "acme.co.uk"
//	host           10%   "www.acme.co.uk", a quarter in upper case
//	URL            15%   "https://www.acme.co.uk/contact"
//	company email  30%   "jane.doe@acme.co.uk", "info@acme.co.uk"
//	free mail      15%   "jane.doe@gmail.com", which names no company
//	none           15%   ""
//
// A lead whose written name has the key of an account other than its own,
// as when a dropped word turns "Foo Bar Baz" into the account "Foo Bar",
// is written again, so that the truth never contradicts the name.
// Dataset.LeadVariants records the variants of each lead, for breaking
// results down by variant.
//
// # Duplicate clusters
//
// Dataset.Duplicates holds Config.DuplicateRecords records in clusters of
// one (50%), two (25%), three (15%) or four (10%) records, each labelled
// with the account it was written from. The first record of a cluster is
// the account as it stands, and the others are written like leads.
//
// # Determinism and cost
//
// The output depends only on the Config and the sources, in their order:
// Generate draws from one math/rand/v2 PCG stream seeded by Config.Seed,
// and never iterates a map into its output. One million accounts and
// 20,000 leads took 10.5 s of CPU time on an AMD EPYC core (Go 1.26.8),
// measured by the match scale harness.
package synth
