package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/accountkit/accountkit/match"
)

// Dataset is a generated set of accounts and leads with the true links,
// and a separate set of records with their true duplicate clusters.
type Dataset struct {
	// Accounts are the accounts to index, with IDs "A0000001" onwards.
	// Every account has a distinct name key and a distinct registrable
	// domain, and only subsidiaries share a domain's brand label with
	// another account (their parent).
	Accounts []match.Record
	// AccountVariants holds the flags of each account, in the order of
	// Accounts: Subsidiary, RealName and NoDomain.
	AccountVariants []Variant
	// Parents maps the ID of each subsidiary account to its parent's ID,
	// which the subsidiary's Record.ParentID also holds.
	Parents map[string]string
	// Leads are the records to link, with IDs "L0000001" onwards.
	Leads []match.Record
	// LeadVariants holds the variant flags of each lead, in the order of
	// Leads.
	LeadVariants []Variant
	// Truth maps every lead ID to the ID of the account it belongs to, or
	// to "" for a lead whose company is not an account.
	Truth map[string]string
	// Duplicates is the deduplication set: records with IDs "D0000001"
	// onwards, each labelled with the account it was written from.
	Duplicates []Labeled
}

// Labeled is a record with the cluster it truly belongs to.
type Labeled struct {
	// Record is the record, written like a lead.
	Record match.Record
	// Cluster is the ID of the account the record was written from, so
	// records with equal clusters describe one company.
	Cluster string
	// Variant holds the variant flags of the record.
	Variant Variant
}

// company is the description of one company before any variant.
type company struct {
	words     []string // display words without qualifier and legal form
	qualifier string   // country of a subsidiary, written in brackets
	form      string   // legal form as written, or ""
	brand     string   // label in front of the public suffix
	suffix    string   // public suffix
	flags     Variant  // Subsidiary, RealName
	parent    int      // index of the parent account, or -1
}

func (c *company) domain() string { return c.brand + "." + c.suffix }

// generator holds the state of one Generate call.
type generator struct {
	cfg    Config
	mix    Mix
	rng    *rand.Rand
	vocab  vocabulary
	keys   map[string]bool // name keys in use or reserved
	owners map[string]int  // account index of each account's name key
	pairs  map[string]bool // first two words of account names in use
	brands map[string]bool // brand labels in use
}

// Generate builds a data set from the real names in sources, as cfg sets
// out. Accounts are the source names first, in an order the seed chooses,
// and then recombined names, so that any number of accounts can be built
// from a few thousand sources. Generate returns an error for an invalid
// cfg, or when the sources hold too few usable words for the requested
// size.
//
// Generate is deterministic: the same cfg and sources give the same
// Dataset. While it runs it keeps the name key, the first two words and
// the brand of every account in maps, besides the output.
func Generate(cfg Config, sources []Source) (Dataset, error) {
	cfg, err := cfg.validate()
	if err != nil {
		return Dataset{}, err
	}
	g := &generator{
		cfg:    cfg,
		mix:    cfg.Mix,
		rng:    rand.New(rand.NewPCG(cfg.Seed, 0x5eed5eed)),
		keys:   make(map[string]bool, cfg.Accounts),
		pairs:  make(map[string]bool, cfg.Accounts),
		brands: make(map[string]bool, cfg.Accounts),
	}
	g.vocab = buildVocabulary(sources, g.rng)
	v := &g.vocab
	if len(v.distinctive) < minWords || len(v.heldOut) < minWords || len(v.industry) < minWords {
		return Dataset{}, fmt.Errorf("synth: the %d sources give %d distinctive, %d held-out and %d industry words; each must be at least %d, so pass more sources",
			len(sources), len(v.distinctive), len(v.heldOut), len(v.industry), minWords)
	}
	// Held-out names and words must never become account keys, so they
	// are reserved before any account is built.
	for _, n := range v.heldOutNames {
		g.keys[n.key] = true
	}

	companies, err := g.accounts()
	if err != nil {
		return Dataset{}, err
	}
	ds := Dataset{
		Accounts:        make([]match.Record, len(companies)),
		AccountVariants: make([]Variant, len(companies)),
		Parents:         map[string]string{},
	}
	g.owners = make(map[string]int, len(companies))
	for i := range companies {
		c := &companies[i]
		rec := match.Record{ID: accountID(i), Source: "crm", Name: c.accountName()}
		g.owners[match.NormalizeName(rec.Name)] = i
		flags := c.flags
		if g.rng.Float64() < g.mix.AccountsWithoutDomain {
			flags |= NoDomain
		} else {
			rec.Domain = g.website(c)
		}
		ds.Accounts[i] = rec
		ds.AccountVariants[i] = flags
	}
	for i := range companies {
		if p := companies[i].parent; p >= 0 {
			ds.Accounts[i].ParentID = accountID(p)
			ds.Parents[accountID(i)] = accountID(p)
		}
	}
	g.leads(&ds, companies)
	g.duplicates(&ds, companies)
	return ds, nil
}

// minWords is the least number of words of each class that Generate needs
// to build varied names.
const minWords = 20

func accountID(i int) string { return fmt.Sprintf("A%07d", i+1) }

// accountName writes the company's name as an account carries it.
func (c *company) accountName() string {
	return render(c.words, c.qualifier, c.form, false)
}

// render joins words, a qualifier in brackets and a legal form, with a
// comma before the form when comma is set.
func render(words []string, qualifier, form string, comma bool) string {
	var b strings.Builder
	b.WriteString(strings.Join(words, " "))
	if qualifier != "" {
		b.WriteString(" (" + qualifier + ")")
	}
	if form != "" {
		if comma {
			b.WriteString(",")
		}
		b.WriteString(" " + form)
	}
	return b.String()
}

// website writes an account's domain as a CRM stores a website.
func (g *generator) website(c *company) string {
	switch r := g.rng.Float64(); {
	case r < 0.5:
		return "www." + c.domain()
	case r < 0.8:
		return "https://www." + c.domain() + "/"
	default:
		return c.domain()
	}
}
