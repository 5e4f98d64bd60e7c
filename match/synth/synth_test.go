package synth_test

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/accountkit/accountkit/match"
	"github.com/accountkit/accountkit/match/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGenerateDeterministic(t *testing.T) {
	src := realSources(t)
	cfg := synth.Config{Seed: 7, Accounts: 3000, Leads: 2000, DuplicateRecords: 500}
	a, err := synth.Generate(cfg, src)
	require.NoError(t, err)
	b, err := synth.Generate(cfg, src)
	require.NoError(t, err)
	assert.Equal(t, a, b, "same seed")

	cfg.Seed = 8
	c, err := synth.Generate(cfg, src)
	require.NoError(t, err)
	assert.NotEqual(t, a.Leads, c.Leads, "another seed")
}

func TestGenerateAccounts(t *testing.T) {
	src := realSources(t)
	// More accounts than real names, so recombined names and subsidiaries
	// are present.
	const accounts = 25000
	ds, err := synth.Generate(synth.Config{Seed: 1, Accounts: accounts}, src)
	require.NoError(t, err)
	require.Len(t, ds.Accounts, accounts)
	require.Len(t, ds.AccountVariants, accounts)

	ids := map[string]bool{}
	keys := map[string]string{}
	domains := map[string]string{}
	brands := map[string][]string{}
	var real, subsidiaries, withoutDomain int
	for i, a := range ds.Accounts {
		v := ds.AccountVariants[i]
		assert.False(t, ids[a.ID], "account ID %s repeated", a.ID)
		ids[a.ID] = true
		key := match.NormalizeName(a.Name)
		if other, ok := keys[key]; ok {
			t.Errorf("accounts %s (%q) and %s share the name key %q", a.ID, a.Name, other, key)
		}
		keys[key] = a.ID
		if v&synth.RealName != 0 {
			real++
		}
		if v&synth.Subsidiary != 0 {
			subsidiaries++
			require.NotEmpty(t, a.ParentID, "subsidiary %s has no parent", a.ID)
			assert.Equal(t, a.ParentID, ds.Parents[a.ID], "Parents of %s", a.ID)
		} else {
			assert.Empty(t, a.ParentID, "account %s is no subsidiary", a.ID)
		}
		if a.Domain == "" {
			withoutDomain++
			assert.NotZero(t, v&synth.NoDomain, "account %s without domain lacks the flag", a.ID)
			continue
		}
		d, err := match.ParseDomain(a.Domain)
		require.NoError(t, err, "account %s domain %q", a.ID, a.Domain)
		assert.Equal(t, match.KindCompany, d.Kind, "account %s domain %q", a.ID, a.Domain)
		if other, ok := domains[d.Registrable]; ok {
			t.Errorf("accounts %s and %s share the domain %s", a.ID, other, d.Registrable)
		}
		domains[d.Registrable] = a.ID
		brands[d.Brand] = append(brands[d.Brand], a.ID)
	}
	for brand, owners := range brands {
		// Only a parent and its subsidiaries share a brand.
		for _, id := range owners {
			if p := ds.Parents[id]; p != "" {
				if ds.AccountVariants[accountIndex(p)]&synth.NoDomain != 0 {
					continue
				}
				assert.Contains(t, owners, p, "subsidiary %s shares the brand %q but its parent does not", id, brand)
			} else if len(owners) > 1 {
				for _, other := range owners {
					if other != id {
						assert.Equal(t, id, ds.Parents[other], "accounts %v share the brand %q", owners, brand)
					}
				}
			}
		}
	}
	for sub, parent := range ds.Parents {
		assert.True(t, ids[parent], "parent %s of %s is no account", parent, sub)
		assert.Less(t, parent, sub, "a parent comes before its subsidiary")
	}
	t.Logf("%d real names, %d subsidiaries, %d without domain", real, subsidiaries, withoutDomain)
	assert.Greater(t, real, 10000, "real names")
	recombined := float64(accounts - real)
	assert.InDelta(t, 0.03*recombined, float64(subsidiaries), 0.01*recombined, "subsidiaries")
	assert.InDelta(t, 0.05, float64(withoutDomain)/accounts, 0.01, "accounts without domain")
}

func TestGenerateLeads(t *testing.T) {
	src := realSources(t)
	const leads = 10000
	ds, err := synth.Generate(synth.Config{Seed: 3, Accounts: 15000, Leads: leads}, src)
	require.NoError(t, err)
	require.Len(t, ds.Leads, leads)
	require.Len(t, ds.LeadVariants, leads)
	require.Len(t, ds.Truth, leads)

	accountKeys := map[string]bool{}
	accountTokens := map[string]int{}
	byID := map[string]match.Record{}
	for _, a := range ds.Accounts {
		key := match.NormalizeName(a.Name)
		accountKeys[key] = true
		for _, tok := range slices.Compact(strings.Fields(key)) {
			accountTokens[tok]++
		}
		byID[a.ID] = a
	}
	count := map[synth.Variant]int{}
	var matched int
	for i, l := range ds.Leads {
		v := ds.LeadVariants[i]
		for _, f := range synth.VariantFlags() {
			if v&f != 0 {
				count[f]++
			}
		}
		want, ok := ds.Truth[l.ID]
		require.True(t, ok, "lead %s has no truth entry", l.ID)
		if want != "" {
			matched++
			_, ok := byID[want]
			assert.True(t, ok, "lead %s belongs to unknown account %s", l.ID, want)
			assert.Zero(t, v&synth.HeldOut, "lead %s of an account is held out", l.ID)
			continue
		}
		assert.NotZero(t, v&synth.HeldOut, "lead %s without account lacks the held-out flag", l.ID)
		if v&synth.NoName != 0 {
			continue
		}
		key := match.NormalizeName(l.Name)
		assert.False(t, key != "" && accountKeys[key], "negative lead %s (%q) has an account's name key", l.ID, l.Name)
		if v&synth.NearMiss != 0 && v&synth.Typo == 0 {
			// Every word that a near miss shares with accounts is one that
			// many accounts share.
			for _, tok := range strings.Fields(key) {
				if n := accountTokens[tok]; n > 0 {
					assert.GreaterOrEqual(t, n, 5, "near miss %q shares the rare word %q with accounts", l.Name, tok)
				}
			}
		}
	}
	domainFlags := synth.DomainBare | synth.DomainHost | synth.DomainURL | synth.CompanyEmail | synth.FreeMail | synth.NoDomain
	for i, v := range ds.LeadVariants {
		assert.Equal(t, 1, popcount(v&domainFlags), "lead %d carries %s", i, v)
	}

	mix := synth.DefaultMix()
	rate := func(f synth.Variant) float64 { return float64(count[f]) / leads }
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"matched leads", float64(matched) / leads, mix.MatchedLeads},
		{"near misses among negatives", float64(count[synth.NearMiss]) / float64(leads-matched), mix.NearMissLeads},
		{"legal form", rate(synth.LegalForm), mix.LegalForm},
		{"case", rate(synth.Case), mix.Case},
		{"no name", rate(synth.NoName), mix.NoName},
		{"bare domain", rate(synth.DomainBare), mix.DomainBare},
		{"host", rate(synth.DomainHost), mix.DomainHost},
		{"URL", rate(synth.DomainURL), mix.DomainURL},
		{"company email", rate(synth.CompanyEmail), mix.CompanyEmail},
		{"free mail", rate(synth.FreeMail), mix.FreeMail},
		{"no domain", rate(synth.NoDomain), mix.NoDomain},
	}
	for _, tt := range tests {
		// Three standard deviations of a binomial share of 10,000 draws
		// are at most 0.015. The near-miss share is of about 2,000
		// negatives, where they are 0.031.
		tolerance := 0.02
		if tt.name == "near misses among negatives" {
			tolerance = 0.035
		}
		assert.InDelta(t, tt.want, tt.got, tolerance, tt.name)
	}
	// Punctuation, abbreviation, typo and dropped word apply only where the
	// name allows, so their rates are upper bounds.
	assert.Greater(t, rate(synth.Typo), 0.02, "typo")
	assert.LessOrEqual(t, rate(synth.Typo), mix.Typo+0.01, "typo")
	assert.Greater(t, rate(synth.DroppedWord), 0.02, "dropped word")
	assert.Greater(t, rate(synth.Abbreviation), 0.01, "abbreviation")
	assert.InDelta(t, mix.Punctuation, rate(synth.Punctuation), 0.02, "punctuation")
}

// accountIndex returns the position of an account from its ID "A0000001"
// onwards.
func accountIndex(id string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "A"))
	if err != nil {
		panic(err)
	}
	return n - 1
}

func popcount(v synth.Variant) int {
	n := 0
	for ; v != 0; v &= v - 1 {
		n++
	}
	return n
}

func TestGenerateDuplicates(t *testing.T) {
	src := realSources(t)
	ds, err := synth.Generate(synth.Config{Seed: 5, Accounts: 2000, DuplicateRecords: 3000}, src)
	require.NoError(t, err)
	require.Len(t, ds.Duplicates, 3000)
	sizes := map[string]int{}
	ids := map[string]bool{}
	accounts := map[string]bool{}
	for _, a := range ds.Accounts {
		accounts[a.ID] = true
	}
	for _, d := range ds.Duplicates {
		sizes[d.Cluster]++
		assert.False(t, ids[d.Record.ID], "record ID %s repeated", d.Record.ID)
		ids[d.Record.ID] = true
		assert.True(t, accounts[d.Cluster], "cluster %s is no account", d.Cluster)
	}
	var multi int
	for _, n := range sizes {
		if n > 1 {
			multi++
		}
	}
	// Half the clusters have two to four records.
	assert.InDelta(t, 0.5, float64(multi)/float64(len(sizes)), 0.06, "share of clusters with duplicates")
}

func TestGenerateErrors(t *testing.T) {
	src := realSources(t)
	badDomains := synth.DefaultMix()
	badDomains.FreeMail = 0.5
	badRate := synth.DefaultMix()
	badRate.Typo = 1.5
	nanRate := synth.DefaultMix()
	nanRate.Case = math.NaN()
	tests := []struct {
		name    string
		cfg     synth.Config
		sources []synth.Source
		want    string
	}{
		{"no accounts", synth.Config{Accounts: 0}, src, "Accounts is 0"},
		{"negative leads", synth.Config{Accounts: 1, Leads: -1}, src, "Leads is -1"},
		{"negative duplicates", synth.Config{Accounts: 1, DuplicateRecords: -2}, src, "DuplicateRecords is -2"},
		{"rate above 1", synth.Config{Accounts: 1, Mix: badRate}, src, "Mix.Typo is 1.5"},
		{"rate NaN", synth.Config{Accounts: 1, Mix: nanRate}, src, "Mix.Case is NaN"},
		{"domain rates", synth.Config{Accounts: 1, Mix: badDomains}, src, "sum to 1.35"},
		{"too few sources", synth.Config{Accounts: 1}, src[:10], "pass more sources"},
		{"no sources", synth.Config{Accounts: 1}, nil, "the 0 sources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := synth.Generate(tt.cfg, tt.sources)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestVariantString(t *testing.T) {
	assert.Equal(t, "none", synth.Variant(0).String())
	assert.Equal(t, "typo+company-email", (synth.Typo | synth.CompanyEmail).String())
	assert.Equal(t, "real-name", synth.RealName.String())
	assert.Len(t, synth.VariantFlags(), 17)
}
