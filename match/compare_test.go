package match

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompareDecisions(t *testing.T) {
	tests := []struct {
		name string
		a, b Record
		want Decision
	}{
		{"same key", Record{Name: "Acme Widgets, Inc."}, Record{Name: "ACME WIDGETS INC"}, Match},
		{"same domain, names differ", Record{Name: "Alphabet", Domain: "https://abc.xyz/"}, Record{Name: "Google", Domain: "jane@abc.xyz"}, Possible},
		{"same domain, no name", Record{Domain: "www.acme.example"}, Record{Name: "Acme", Domain: "acme.example"}, Match},
		{"bank west and east", Record{Name: "Bank of the West"}, Record{Name: "Bank of the East"}, NonMatch},
		{"park and valley media", Record{Name: "Central Park Media"}, Record{Name: "Central Valley Media"}, NonMatch},
		{"stripe and strix", Record{Name: "Stripe"}, Record{Name: "Strix"}, NonMatch},
		{"fenwick and centric", Record{Name: "Fenwick Software"}, Record{Name: "Centric Software"}, NonMatch},
		{"robotics and foods", Record{Name: "Acme Robotics Inc"}, Record{Name: "Acme Foods"}, NonMatch},
		{"empty names", Record{Name: ""}, Record{Name: ""}, NoEvidence},
		{"punctuation names", Record{Name: "--"}, Record{Name: "&&!"}, NoEvidence},
		{"one side empty", Record{Name: "Acme"}, Record{}, NoEvidence},
		{"free mail is not a domain", Record{Domain: "jane@gmail.com"}, Record{Domain: "joe@gmail.com"}, NoEvidence},
		{"free mail with different names", Record{Name: "Acme", Domain: "jane@gmail.com"}, Record{Name: "Zenith Labs", Domain: "joe@gmail.com"}, NonMatch},
		{"missing domain is neutral", Record{Name: "Acme Ltd"}, Record{Name: "Acme Limited", Domain: "acme.example"}, Match},
		{"tokens reordered", Record{Name: "Charles Schwab Corporation"}, Record{Name: "SCHWAB CHARLES CORP"}, Match},
		{"acronym", Record{Name: "IBM"}, Record{Name: "International Business Machines Corp"}, Possible},
		{"one word misspelt", Record{Name: "Martifer Primeirca Horizon Life"}, Record{Name: "Martifer Primeira Horizon Life SA"}, Match},
		{"subsidiary and parent, same brand", Record{Name: "Amprius (Germany) GmbH", Domain: "amprius.de"}, Record{Name: "Amprius Inc.", Domain: "amprius.com"}, Possible},
		{"subsidiary and parent, no domain", Record{Name: "Centene (Japan) K.K."}, Record{Name: "Centene Corp"}, NonMatch},
		{"two subsidiaries", Record{Name: "Amprius (Germany) GmbH"}, Record{Name: "Amprius (France) SAS"}, NonMatch},
		{"same subsidiary", Record{Name: "Amprius (Germany) GmbH"}, Record{Name: "AMPRIUS (GERMANY) G.M.B.H."}, Match},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.a, tt.b)
			assert.Equal(t, tt.want, got.Decision, "%s", got)
			assert.GreaterOrEqual(t, got.Score, 0.0)
			assert.LessOrEqual(t, got.Score, 1.0)
			back := Compare(tt.b, tt.a)
			assert.Equal(t, got.Decision, back.Decision, "Compare is not symmetric")
			assert.InDelta(t, got.Score, back.Score, 1e-12, "Compare is not symmetric")
		})
	}
}

// TestCompareQualifierLevel checks that names equal but for a bracketed
// qualifier reach the qualified level, whichever side carries it.
func TestCompareQualifierLevel(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Amprius (Germany) GmbH", "Amprius Inc."},
		{"Deutsche Bank (Schweiz) AG", "Deutsche Bank AG"},
		{"Bora Alussa Media (UK) Ltd", "Bora Alussa Media (Ireland) Ltd"},
	}
	for _, tt := range tests {
		got := Compare(Record{Name: tt.a}, Record{Name: tt.b})
		assert.Equal(t, NameQualified, got.Fields[0].Level, "%q and %q: %s", tt.a, tt.b, got)
	}
}

// TestCompareSameTokensLevel checks that names with the same words in
// another order reach the same-tokens level, whether or not both spell
// out the stop words, and that a word more or a word typed differently
// does not.
func TestCompareSameTokensLevel(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"Morgan Stanley", "Stanley Morgan", true},
		{"Medical University of Innsbruck", "Innsbruck Medical University", true},
		{"University of the Andes", "Andes University", true},
		{"University of Innsbruck", "Medical University of Innsbruck", false},
		{"Medical University of Insbruck", "Innsbruck Medical University", false},
		{"University of Innsbruck Innsbruck", "Innsbruck University", false},
	}
	for _, tt := range tests {
		got := Compare(Record{Name: tt.a}, Record{Name: tt.b})
		assert.Equal(t, tt.same, got.Fields[0].Level == NameTokens, "%q and %q: %s", tt.a, tt.b, got)
	}
}

func TestCompareDifferentDomainScoresLower(t *testing.T) {
	neutral := Compare(Record{Name: "Acme Ltd"}, Record{Name: "Acme Limited", Domain: "acme.example"})
	against := Compare(Record{Name: "Acme Ltd", Domain: "acme.example"}, Record{Name: "Acme Ltd", Domain: "other.example"})
	assert.Less(t, against.Score, neutral.Score)
	assert.Equal(t, DomainDifferent, against.Fields[1].Level)
}

func TestCompareContainedNameBelowExact(t *testing.T) {
	exact := Compare(Record{Name: "Example Software"}, Record{Name: "Example Software Inc"})
	longer := Compare(Record{Name: "Example Software"}, Record{Name: "Example Software Services Holdings International"})
	assert.Less(t, longer.Score, exact.Score)
	assert.NotEqual(t, Match, longer.Decision)
}

func TestCompareFreeMailNeverDomain(t *testing.T) {
	c := Compare(Record{Name: "Acme", Domain: "Jane Doe <JANE@GMAIL.COM>"}, Record{Name: "Acme", Domain: "gmail.com"})
	assert.Equal(t, Missing, c.Fields[1].Level, "%s", c)
}

func TestComparisonExplains(t *testing.T) {
	c := Compare(Record{Name: "Acme Ltd", Domain: "acme.example"}, Record{Name: "ACME LIMITED", Domain: "https://www.acme.example/contact"})
	require.Len(t, c.Fields, 2, "name and domain are always listed, other fields only when a record carries them")
	assert.Equal(t, NameExact, c.Fields[0].Level)
	assert.Equal(t, DomainSame, c.Fields[1].Level)
	assert.Contains(t, c.String(), "match")
	assert.Contains(t, c.Rule, "threshold")
	out, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"decision":"match"`)
}

func TestDecisionText(t *testing.T) {
	for _, d := range []Decision{NoEvidence, NonMatch, Possible, Ambiguous, Match} {
		text, err := d.MarshalText()
		require.NoError(t, err)
		var back Decision
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, d, back)
	}
	assert.Equal(t, "no-evidence", NoEvidence.String())
	assert.Equal(t, "non-match", NonMatch.String())
	var d Decision
	assert.Error(t, d.UnmarshalText([]byte("maybe")))
}

func TestJaroWinkler(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"martha", "marhta", 0.9611},
		{"dixon", "dicksonx", 0.8133},
		{"", "abc", 0},
		{"same", "same", 1},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, jaroWinkler(tt.a, tt.b), 1e-3, "%q %q", tt.a, tt.b)
	}
}

func TestTokenSimilarityTypos(t *testing.T) {
	assert.Greater(t, tokenSimilarity("microsoft", "microsfot"), 0.8)
	assert.Zero(t, tokenSimilarity("west", "east"))
	assert.Zero(t, tokenSimilarity("stripe", "strix"))
}

func TestOSADistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"microsoft", "microsfot", 1},
		{"fortinet", "fortive", 2},
		{"abc", "abc", 0},
		{"", "abc", 3},
		{"łódź", "lodz", 3},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, osaDistance(tt.a, tt.b, 10), "%q %q", tt.a, tt.b)
	}
	assert.Equal(t, 2, osaDistance("abcdef", "ghijkl", 1), "the limit does not stop the search")
}

func FuzzCompare(f *testing.F) {
	f.Add("Acme Widgets Inc", "acme.example", "ACME WIDGETS", "jane@acme.example", "")
	f.Add("Bank of the West", "", "Bank of the East", "", "BofW")
	f.Add("n/a", "gmail.com", "", "http://", "n/a")
	f.Add("株式会社サンプル", "サンプル.jp", "Sample KK", "xn--eckwd4c7c.jp", "Sample Corporation")
	f.Add("Amprius (Germany) GmbH", "amprius.de", "Amprius Inc.", "amprius.com", "Amprius Deutschland")
	f.Fuzz(func(t *testing.T, nameA, domainA, nameB, domainB, alias string) {
		a := Record{Name: nameA, Domain: domainA, Aliases: []string{alias, nameB}}
		b := Record{Name: nameB, Domain: domainB}
		c := Compare(a, b)
		if c.Score < 0 || c.Score > 1 {
			t.Fatalf("score %v is outside [0, 1]", c.Score)
		}
		back := Compare(b, a)
		if c.Decision != back.Decision || c.Score != back.Score {
			t.Fatalf("Compare is not symmetric: %s against %s", c, back)
		}
		if c.Decision == Match && c.Fields[0].Level == Missing && c.Fields[1].Level == Missing {
			t.Fatalf("a match without evidence: %s", c)
		}
		// a carries b's name as an alias, so the names agree exactly
		// whenever b's name is usable.
		if self := Compare(Record{Name: nameB}, Record{Name: nameB}); self.Fields[0].Level == NameExact && c.Fields[0].Level != NameExact {
			t.Fatalf("an alias equal to the other name gave the name level %s: %s", c.Fields[0].Level, c)
		}
	})
}

func TestWorkedExampleFigures(t *testing.T) {
	lead := Record{Name: "NORTHWIND", Domain: "lars@northwind.example"}
	account := Record{ID: "a1", Name: "Northwind Traders A/S", Domain: "northwind.example"}
	c := Compare(lead, account)
	assert.Equal(t, NamePrefix, c.Fields[0].Level)
	assert.Equal(t, DomainSame, c.Fields[1].Level)
	assert.InDelta(t, 12, c.Weight, 1e-9)
	assert.InDelta(t, 0.9998, c.Score, 1e-4)

	lead.Domain, account.Domain = "", ""
	c = Compare(lead, account)
	assert.Equal(t, Possible, c.Decision)
	assert.InDelta(t, 0.5, c.Score, 1e-9)

	ix, err := NewIndex([]Record{account, {ID: "a2", Name: "Contoso Ltd"}})
	require.NoError(t, err)
	res := ix.Match(lead)
	assert.Equal(t, Match, res.Decision, res.Reason)
	assert.Equal(t, NameUniquePrefix, res.Candidates[0].Comparison.Fields[0].Level)
	assert.InDelta(t, 0.90, res.Candidates[0].Comparison.Score, 0.005)
}

func TestUniquePrefixNeedsUniqueness(t *testing.T) {
	ix, err := NewIndex([]Record{
		{ID: "a1", Name: "Northwind Traders"},
		{ID: "a2", Name: "Northwind Shipping"},
	})
	require.NoError(t, err)
	res := ix.Match(Record{Name: "Northwind"})
	assert.NotEqual(t, Match, res.Decision, res.Reason)
}

func TestCompareCountryCityPhone(t *testing.T) {
	base := Compare(Record{Name: "Acme Widgets"}, Record{Name: "ACME WIDGETS LTD"})
	sameCountry := Compare(Record{Name: "Acme Widgets", Country: "USA"}, Record{Name: "ACME WIDGETS LTD", Country: "United States"})
	otherCountry := Compare(Record{Name: "Acme Widgets", Country: "DE"}, Record{Name: "ACME WIDGETS LTD", Country: "France"})
	level := func(c Comparison, field string) Level {
		f, ok := c.Field(field)
		require.True(t, ok, "%s is not listed: %s", field, c)
		return f.Level
	}
	assert.Equal(t, Same, level(sameCountry, "country"))
	assert.Greater(t, sameCountry.Score, base.Score)
	assert.Equal(t, Different, level(otherCountry, "country"))
	assert.Less(t, otherCountry.Score, base.Score)
	assert.NotEqual(t, Match, otherCountry.Decision, "same name in two countries is not a sure match")

	city := Compare(Record{Name: "Acme", City: "São Paulo"}, Record{Name: "Acme", City: "SAO PAULO"})
	assert.Equal(t, Same, level(city, "city"))

	phone := Compare(Record{Name: "Acme Widgets", Phone: "+44 20 7946 0958"}, Record{Name: "Widgets of Acme", Phone: "020 7946 0958"})
	assert.Equal(t, Same, level(phone, "phone"))
	assert.Equal(t, []string{"name", "domain", "phone"}, fieldNames(phone), "fields neither record carries are left out")
	oneSided := Compare(Record{Name: "Acme", Country: "DE"}, Record{Name: "Acme"})
	assert.Equal(t, Missing, level(oneSided, "country"), "a field one record carries is listed as missing")
	_, listed := base.Field("city")
	assert.False(t, listed)
}

func fieldNames(c Comparison) []string {
	var names []string
	for _, f := range c.Fields {
		names = append(names, f.Field)
	}
	return names
}

func TestCompareEmailsAddDomains(t *testing.T) {
	c := Compare(
		Record{Name: "Globex", Emails: []string{"joe@gmail.com", "ann@globex.example"}},
		Record{Name: "Globex Corporation", Domain: "https://www.globex.example"},
	)
	assert.Equal(t, DomainSame, c.Fields[1].Level, "%s", c)
	assert.Equal(t, "globex.example", c.Fields[1].Detail)

	several := Compare(
		Record{Name: "Initech", Domain: "initech.example", Emails: []string{"bob@initech-labs.example"}},
		Record{Name: "Initech Labs", Domain: "initech-labs.example"},
	)
	assert.Equal(t, DomainSame, several.Fields[1].Level, "any shared domain counts")
}

func TestCompareHugeValuesReturnFast(t *testing.T) {
	huge := strings.Repeat("a", 1<<20)
	hugeWords := strings.Repeat("acme widgets ", 1<<16)
	start := time.Now()
	for _, pair := range [][2]Record{
		{{Name: huge}, {Name: huge + "b"}},
		{{Name: hugeWords}, {Name: hugeWords + "x"}},
		{{Name: "Acme", Domain: huge, City: huge, Country: huge, Phone: huge}, {Name: "Acme", Domain: huge}},
	} {
		c := Compare(pair[0], pair[1])
		assert.GreaterOrEqual(t, c.Score, 0.0)
	}
	assert.Less(t, time.Since(start), 5*time.Second, "comparing 1 MB values took too long")
}
