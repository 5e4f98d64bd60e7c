package match

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func testAccounts() []Record {
	return []Record{
		{ID: "a1", Name: "Acme Widgets Inc", Domain: "acme.example"},
		{ID: "a2", Name: "Bank of the West", Domain: "bankofthewest.example"},
		{ID: "a3", Name: "Bank of the East"},
		{ID: "a4", Name: "Northwind Traders A/S", Domain: "https://www.northwind.example/"},
		{ID: "a5", Name: "Globex Corporation"},
		{ID: "a6", Name: "Globex Corp"},
		{ID: "a7", Name: ""},
		{ID: "a8", Name: "Initrode", Domain: "initrode.example"},
		{ID: "a9", Name: "Initrode Ltd", Domain: "initrode.example.org"},
	}
}

func TestIndexMatch(t *testing.T) {
	ix, err := NewIndex(testAccounts())
	require.NoError(t, err)
	tests := []struct {
		name     string
		record   Record
		decision Decision
		account  string
	}{
		{"name variant", Record{Name: "ACME WIDGETS"}, Match, "a1"},
		{"email domain only", Record{Domain: "Jane <jane@acme.example>"}, Match, "a1"},
		{"west not east", Record{Name: "Bank of the West"}, Match, "a2"},
		{"east", Record{Name: "The Bank of the East"}, Match, "a3"},
		{"duplicate accounts", Record{Name: "Globex"}, Match, "a5"},
		{"tied rivals", Record{Name: "Initrode"}, Ambiguous, ""},
		{"unknown company", Record{Name: "Initech"}, NonMatch, ""},
		{"free mail only", Record{Domain: "joe@gmail.com"}, NoEvidence, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ix.Match(tt.record)
			assert.Equal(t, tt.decision, res.Decision, res.Reason)
			assert.Equal(t, tt.account, res.AccountID)
			assert.NotEmpty(t, res.Reason)
		})
	}
	assert.Equal(t, []string{"a7"}, ix.Unmatchable())
	assert.Equal(t, [][]string{{"a5", "a6"}}, ix.Duplicates())
	assert.Equal(t, []string{"a6"}, ix.Match(Record{Name: "GLOBEX CORP"}).Duplicates)
}

func TestNewIndexRejectsBadIDs(t *testing.T) {
	_, err := NewIndex([]Record{{ID: "x", Name: "A"}, {ID: "x", Name: "B"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"x"`)
	_, err = NewIndex([]Record{{ID: " ", Name: "A"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "empty ID")
}

func TestLinkOutcomesAddUp(t *testing.T) {
	ix, err := NewIndex(testAccounts())
	require.NoError(t, err)
	records := []Record{
		{ID: "r1", Name: "Acme Widgets"},
		{ID: "r2", Name: "n/a"},
		{ID: "r3", Name: "Initech"},
		{ID: "r4", Domain: "northwind.example"},
		{ID: "r5"},
		{ID: "r6", Name: "Globex"},
	}
	for i := range 200 {
		records = append(records, Record{ID: fmt.Sprintf("g%d", i), Name: fmt.Sprintf("Company %d", i)})
	}
	rep, err := ix.Link(context.Background(), records)
	require.NoError(t, err)
	assert.Equal(t, len(records), rep.Read)
	assert.Equal(t, rep.Read, rep.Matched+rep.Unmatched+rep.Rejected)
	require.Len(t, rep.Records, len(records))
	for i, l := range rep.Records {
		assert.Equal(t, records[i].ID, l.Record.ID, "results are not in input order")
		assert.NotZero(t, l.Outcome)
	}
	assert.Equal(t, Matched, rep.Records[0].Outcome)
	assert.Equal(t, Rejected, rep.Records[1].Outcome)
	assert.Equal(t, Unmatched, rep.Records[2].Outcome)
	assert.Equal(t, "a4", rep.Records[3].Result.AccountID)
	assert.Equal(t, Rejected, rep.Records[4].Outcome)
	assert.Equal(t, Matched, rep.Records[5].Outcome)
	assert.Equal(t, []string{"a6"}, rep.Records[5].Result.Duplicates)

	again, err := ix.Link(context.Background(), records)
	require.NoError(t, err)
	assert.Equal(t, rep, again, "Link is not deterministic")
}

func TestLinkCancelled(t *testing.T) {
	ix, err := NewIndex(testAccounts())
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = ix.Link(ctx, make([]Record, 1000))
	assert.ErrorIs(t, err, context.Canceled)
}

func TestIndexConcurrentMatch(t *testing.T) {
	ix, err := NewIndex(testAccounts())
	require.NoError(t, err)
	want := ix.Match(Record{Name: "Acme Widgets Ltd"})
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				got := ix.Match(Record{Name: "Acme Widgets Ltd"})
				if got.AccountID != want.AccountID {
					t.Errorf("concurrent Match returned %q, want %q", got.AccountID, want.AccountID)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestIndexAddRemove(t *testing.T) {
	ix, err := NewIndex(testAccounts())
	require.NoError(t, err)
	assert.Equal(t, 9, ix.Len())
	assert.Equal(t, NonMatch, ix.Match(Record{Name: "Umbrella Corp"}).Decision)

	require.NoError(t, ix.Add(Record{ID: "u1", Name: "Umbrella Corporation", Domain: "umbrella.example"}))
	res := ix.Match(Record{Name: "Umbrella Corp"})
	assert.Equal(t, Match, res.Decision, res.Reason)
	assert.Equal(t, "u1", res.AccountID)

	err = ix.Add(Record{ID: "u1", Name: "Other"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "already contains")
	err = ix.Add(Record{ID: "v1", Name: "V"}, Record{ID: "v1", Name: "W"})
	require.Error(t, err)
	assert.Equal(t, 10, ix.Len(), "a failed Add added something")

	assert.Equal(t, 1, ix.Remove("u1", "no-such-id"))
	assert.Equal(t, 9, ix.Len())
	assert.Equal(t, NonMatch, ix.Match(Record{Name: "Umbrella Corp"}).Decision)
	assert.Equal(t, 0, ix.Remove("u1"))

	require.NoError(t, ix.Add(Record{ID: "u1", Name: "Umbrella Corporation"}), "a removed ID can be added again")
	assert.Equal(t, "u1", ix.Match(Record{Name: "UMBRELLA"}).AccountID)
}

func TestIndexMatchWhileChanging(t *testing.T) {
	ix, err := NewIndex(testAccounts())
	require.NoError(t, err)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 100 {
				if got := ix.Match(Record{Name: "Acme Widgets"}); got.AccountID != "a1" {
					t.Errorf("Match returned %q while the index changed, want a1", got.AccountID)
					return
				}
				id := fmt.Sprintf("w%d-%d", w, i)
				if err := ix.Add(Record{ID: id, Name: fmt.Sprintf("Company %d %d", w, i)}); err != nil {
					t.Error(err)
					return
				}
				if i%2 == 0 {
					ix.Remove(id)
				}
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 9+4*50, ix.Len())
}

func TestLinkProgressAndOneToOne(t *testing.T) {
	ix, err := NewIndex(testAccounts())
	require.NoError(t, err)
	var records []Record
	for i := range 700 {
		records = append(records, Record{ID: fmt.Sprintf("r%03d", i), Name: "Unrelated Name " + fmt.Sprint(i)})
	}
	records = append(records,
		Record{ID: "x1", Name: "Acme Widgets"},
		Record{ID: "x2", Name: "Acme Widgets Inc", Domain: "acme.example"},
	)
	var calls, last int
	rep, err := ix.Link(context.Background(), records, WithProgress(func(done, total int) {
		calls++
		assert.Equal(t, len(records), total)
		assert.Greater(t, done, last, "progress went backwards")
		last = done
	}), OneToOne())
	require.NoError(t, err)
	assert.Equal(t, len(records), last)
	assert.GreaterOrEqual(t, calls, 2)
	x1, x2 := rep.Records[700], rep.Records[701]
	assert.Equal(t, Matched, x2.Outcome, "the stronger record keeps the account")
	assert.Equal(t, Unmatched, x1.Outcome)
	assert.Contains(t, x1.Result.Reason, `went to record "x2"`)
	assert.Equal(t, rep.Read, rep.Matched+rep.Unmatched+rep.Rejected)
}

func TestIndexHierarchy(t *testing.T) {
	ix, err := NewIndex([]Record{
		{ID: "p1", Name: "Example Holdings Group"},
		{ID: "s1", Name: "Example Services (India) Pvt Ltd", ParentID: "s0"},
		{ID: "s0", Name: "Example International", ParentID: "p1"},
		{ID: "loop1", Name: "Loop One", ParentID: "loop2"},
		{ID: "loop2", Name: "Loop Two", ParentID: "loop1"},
		{ID: "orphan", Name: "Orphan Trading", ParentID: "not-indexed"},
	})
	require.NoError(t, err)
	res := ix.Match(Record{Name: "Example Services (India)"})
	require.Equal(t, Match, res.Decision, res.Reason)
	assert.Equal(t, "s1", res.AccountID)
	assert.Equal(t, []string{"s0", "p1"}, res.Parents)
	assert.Contains(t, res.Reason, `subsidiary of "p1"`)
	assert.Equal(t, "p1", ix.UltimateParent("s1"))
	assert.Equal(t, "p1", ix.UltimateParent("p1"))
	assert.Equal(t, "orphan", ix.UltimateParent("orphan"))
	assert.Equal(t, "loop2", ix.UltimateParent("loop1"), "a cycle stops before it repeats")
	assert.Equal(t, "", ix.UltimateParent("nope"))

	rep, err := ix.Link(context.Background(), []Record{{ID: "lead", Name: "EXAMPLE SERVICES (INDIA)"}}, RollUp())
	require.NoError(t, err)
	assert.Equal(t, "p1", rep.Records[0].Result.AccountID)
	assert.Equal(t, "s1", rep.Records[0].Result.Candidates[0].AccountID)
	assert.Contains(t, rep.Records[0].Result.Reason, "rolled up")
}

func TestMatchMention(t *testing.T) {
	ix, err := NewIndex([]Record{
		{ID: "yale", Name: "Yale University", City: "New Haven", Country: "US"},
		{ID: "phil", Name: "Philadelphia Storage Battery Company", City: "Philadelphia", Country: "US"},
		{ID: "upenn", Name: "University of Pennsylvania", City: "Philadelphia", Country: "US"},
		{ID: "ucla", Name: "University of California, Los Angeles", City: "Los Angeles", Country: "US"},
		{ID: "stanford", Name: "Stanford University", City: "Stanford", Country: "US"},
		{ID: "dept", Name: "Dept", Country: "US"},
		{ID: "dtu", Name: "Technical University of Denmark", City: "Kongens Lyngby", Country: "DK"},
		{ID: "kaist", Name: "Korea Advanced Institute of Science and Technology", City: "Daejeon", Country: "KR"},
		{ID: "london", Name: "University of London", City: "London", Country: "GB"},
		{ID: "birkbeck", Name: "Birkbeck, University of London", City: "London", Country: "GB"},
		{ID: "uw", Name: "University of Washington", City: "Seattle", Country: "US"},
		{ID: "jhu", Name: "Johns Hopkins University", City: "Baltimore", Country: "US"},
		{ID: "jhsom", Name: "Johns Hopkins University School of Medicine", City: "Baltimore", Country: "US"},
		{ID: "embl-de", Name: "European Molecular Biology Laboratory", City: "Heidelberg", Country: "DE"},
		{ID: "embl-fr", Name: "European Molecular Biology Laboratory", City: "Grenoble", Country: "FR"},
		{ID: "ionis", Name: "Ionis Pharmaceuticals (United States)", City: "Carlsbad", Country: "US"},
		{ID: "jazz-ie", Name: "Jazz Pharmaceuticals (Ireland)", City: "Dublin", Country: "IE"},
		{ID: "jazz-us", Name: "Jazz Pharmaceuticals (United States)", City: "Palo Alto", Country: "US"},
		{ID: "acme-de", Name: "Acme Robotics (Germany)", City: "Munich", Country: "DE"},
		{ID: "usd", Name: "University of San Diego", City: "San Diego", Country: "US"},
		{ID: "ucsd", Name: "University of California, San Diego", City: "La Jolla", Country: "US"},
		{ID: "corvinus", Name: "Corvinus University of Budapest", City: "Budapest", Country: "HU"},
		{ID: "yorku", Name: "York University", City: "Toronto", Country: "CA"},
		{ID: "york", Name: "University of York", Aliases: []string{"York University"}, City: "York", Country: "GB"},
		{ID: "nyu", Name: "New York University", Aliases: []string{"NYU"}, City: "New York", Country: "US"},
		{ID: "lmu", Name: "Ludwig-Maximilians-Universität München", Aliases: []string{"LMU"}, City: "Munich", Country: "DE"},
		{ID: "lmu-la", Name: "Loyola Marymount University", Aliases: []string{"LMU"}, City: "Los Angeles", Country: "US"},
		{ID: "wwu", Name: "Western Washington University", Aliases: []string{"WWU"}, City: "Bellingham", Country: "US"},
		{ID: "muenster", Name: "University of Münster", City: "Münster", Country: "DE"},
		{ID: "amu", Name: "Aix-Marseille University", City: "Marseille", Country: "FR"},
		{ID: "inserm", Name: "Inserm", Aliases: []string{"INSERM"}, City: "Paris", Country: "FR"},
		{ID: "kentucky", Name: "University of Kentucky", Aliases: []string{"UK"}, City: "Lexington", Country: "US"},
		{ID: "uibk", Name: "University of Innsbruck", City: "Innsbruck", Country: "AT"},
		{ID: "mui", Name: "Innsbruck Medical University", City: "Innsbruck", Country: "AT"},
	})
	require.NoError(t, err)
	tests := []struct{ text, want string }{
		// A name inside a longer part.
		{"Department of Health Technology at Technical University of Denmark", "dtu"},
		{"Wisconsin Institute, Technical University of Denmark 4 , Lyngby", "dtu"},
		// A name inside a part wins over a shorter name that it contains.
		{"Department of Surgery, The Johns Hopkins University School of Medicine", "jhsom"},
		{"Department of Surgery, Johns Hopkins University Bayview", "jhu"},
		// A footnote mark after a city or after a name with a comma, and
		// a city and a state, which name no organisation.
		{"Department of Bioengineering, University of California, San Diego 7 , San Diego, CA, USA", "ucsd"},
		{"Scripps Clinic, San Diego, CA, USA", ""},
		{"San Diego 7 , San Diego, CA, USA", ""},
		// A part that starts the account's name, and a part that starts
		// with the account's acronym in capitals, unless a city after
		// the acronym is not the account's.
		{"Department of Finance, Corvinus University", "corvinus"},
		{"Department of Pathology, NYU Grossman School of Medicine", "nyu"},
		{"Department of Pathology, Nyu Grossman School of Medicine", ""},
		{"Faculty of Physics, LMU", ""},
		{"Faculty of Physics, LMU Munich", "lmu"},
		{"Imaging Team, UK Biobank", ""},
		{"Department of Geology, WWU Bellingham", "wwu"},
		{"Institute of Cell Biology, WWU Münster", ""},
		// A name of two words or more wins a tie with a one-word name in
		// a later part, such as an agency's acronym.
		{"Turing Centre for Living Systems, Aix-Marseille University, INSERM", "amu"},
		// The account's own name wins over another account's alias.
		{"Department of Biology, York University", "yorku"},
		// The same words in another order.
		{"Department of Radiology, Medical University of Innsbruck", "mui"},
		// A bracketed acronym is not a qualifier.
		{"Department of Physics, Korea Advanced Institute of Science and Technology (KAIST)", "kaist"},
		// A name with a comma wins over the name after its comma.
		{"Institute of Structural Biology, Birkbeck, University of London", "birkbeck"},
		{"Senate House, University of London, London, UK", "london"},
		// A state postal code ends a US address, so it names no country.
		{"Molecular Engineering Program, University of Washington, Seattle, WA", "uw"},
		// One name, two organisations, and no country to tell them apart.
		{"Cell Biology Unit, European Molecular Biology Laboratory (EMBL)", ""},
		{"Cell Biology Unit, European Molecular Biology Laboratory (EMBL), Heidelberg, Germany", "embl-de"},
		// The only account of a name with a bracketed qualifier.
		{"In Vivo Biology, Ionis Pharmaceuticals, Inc", "ionis"},
		// Two such accounts: neither is unique.
		{"Research and Development, Jazz Pharmaceuticals", ""},
		// A bracketed country is a qualifier, and a country that differs
		// from the account's rules the bare name out.
		{"Sales, Acme Robotics (Germany)", "acme-de"},
		{"Sales, Acme Robotics (France)", ""},
		{"Sales, Acme Robotics, Paris, France", ""},
		{"Sales, Acme Robotics", "acme-de"},
		// Commas inside brackets, full-width commas, and the last parts
		// of a long text.
		{"Yale University (New Haven, CT)", "yale"},
		{"Yale University，New Haven，USA", "yale"},
		{"Jane Doe | Director of Admissions | Yale University", "yale"},
		{"Jane Doe | Professor • NYU School of Medicine", "nyu"},
		{strings.Repeat("Department of Medicine, ", 40) + "Yale University, USA", "yale"},
		{"Department of Neurology, Yale University, New Haven, CT, USA", "yale"},
		{"Department of Pathology, University of Pennsylvania, Philadelphia, PA, USA", "upenn"},
		{"University of California, Los Angeles", "ucla"},
		{"Philadelphia, PA", ""},
		{"Department of Neurology, Stanford University School of Medicine", "stanford"},
		{"Department of Pathology, Hospital Clínic", ""},
	}
	for _, tt := range tests {
		res := ix.MatchMention(tt.text, Record{})
		assert.Equal(t, tt.want, res.AccountID, "%s: %s", tt.text, res.Reason)
	}

	// A text of places still matches on the evidence of the hint.
	withDomain, err := NewIndex([]Record{{ID: "yale", Name: "Yale University", Domain: "yale.edu", City: "New Haven", Country: "US"}})
	require.NoError(t, err)
	res := withDomain.MatchMention("New Haven, CT", Record{Domain: "yale.edu"})
	assert.Equal(t, "yale", res.AccountID, res.Reason)
	res = withDomain.MatchMention("New Haven, CT", Record{})
	assert.Equal(t, NonMatch, res.Decision, res.Reason)
}

// TestMatchMentionKeepsTie checks that a name found inside a part does
// not break a tie between accounts that the whole part names, because the
// shorter name leaves out the words that distinguish them.
func TestMatchMentionKeepsTie(t *testing.T) {
	ix, err := NewIndex([]Record{
		{ID: "uibk", Name: "University of Innsbruck", City: "Innsbruck", Country: "AT"},
		{ID: "mui-at", Name: "Innsbruck Medical University", City: "Innsbruck", Country: "AT"},
		{ID: "mui-us", Name: "Innsbruck Medical University", Country: "US"},
	})
	require.NoError(t, err)
	res := ix.MatchMention("Department of Radiology, Medical University of Innsbruck", Record{})
	assert.Equal(t, Ambiguous, res.Decision, res.Reason)
	assert.Empty(t, res.AccountID, res.Reason)
}

// TestMatchMentionAllWordsWin checks that an account whose name has every
// word of a part wins over one whose name lacks a word, even when the
// missing word is common enough to weigh little.
func TestMatchMentionAllWordsWin(t *testing.T) {
	accounts := []Record{
		{ID: "uibk", Name: "University of Innsbruck", City: "Innsbruck", Country: "AT"},
		{ID: "mui", Name: "Innsbruck Medical University", City: "Innsbruck", Country: "AT"},
	}
	for _, city := range []string{"Vienna", "Graz", "Lublin", "Warsaw", "Sofia", "Plovdiv", "Varna", "Gdansk", "Lodz", "Silesia", "Bialystok", "Pleven"} {
		accounts = append(accounts,
			Record{ID: "medical-" + city, Name: "Medical University of " + city},
			Record{ID: "university-" + city, Name: "University of " + city})
	}
	ix, err := NewIndex(accounts)
	require.NoError(t, err)
	res := ix.MatchMention("Department of Radiology, Medical University of Innsbruck", Record{})
	assert.Equal(t, "mui", res.AccountID, res.Reason)
}

// TestMatchMentionPrefixBeatsSkips checks that an account whose whole
// name starts a part wins over one whose name matches only with words of
// the part skipped.
func TestMatchMentionPrefixBeatsSkips(t *testing.T) {
	accounts := []Record{
		{ID: "jhu", Name: "Johns Hopkins University", City: "Baltimore", Country: "US"},
		{ID: "jhm", Name: "Johns Hopkins Medicine", City: "Baltimore", Country: "US"},
	}
	for _, name := range []string{"Yale", "Duke", "Emory", "Brown", "Rice", "Tufts", "Purdue", "Drexel", "Baylor", "Rutgers", "Stanford", "Harvard"} {
		accounts = append(accounts,
			Record{ID: name, Name: name + " University"},
			Record{ID: name + "-school", Name: name + " School of Law"})
	}
	ix, err := NewIndex(accounts)
	require.NoError(t, err)
	res := ix.MatchMention("Department of Surgery, Johns Hopkins University School of Medicine", Record{})
	assert.Equal(t, "jhu", res.AccountID, res.Reason)
}

// TestMatchMentionRuleLimits checks mentions in company and affiliation
// text where a rule for acronyms, prefixes or ambiguous parts could pick
// the wrong account.
func TestMatchMentionRuleLimits(t *testing.T) {
	ix, err := NewIndex([]Record{
		{ID: "head", Name: "HEAD NV", City: "Amsterdam", Country: "NL"},
		{ID: "dept", Name: "Dept", Country: "US"},
		{ID: "unity", Name: "Unity Technologies", Aliases: []string{"Unity"}, City: "San Francisco", Country: "US"},
		{ID: "gs-group", Name: "The Goldman Sachs Group, Inc.", City: "New York", Country: "US"},
		{ID: "gs-bank", Name: "Goldman Sachs Bank USA", City: "New York", Country: "US"},
		{ID: "chop", Name: "Children's Hospital of Philadelphia", City: "Philadelphia", Country: "US"},
		{ID: "boston-medical", Name: "Boston Medical Center", City: "Boston", Country: "US"},
		{ID: "dtu", Name: "Technical University of Denmark", City: "Kongens Lyngby", Country: "DK"},
		{ID: "mercy-1", Name: "Mercy Hospital", City: "Springfield", Country: "US"},
		{ID: "mercy-2", Name: "Mercy Hospital", City: "Portland", Country: "US"},
		{ID: "csir", Name: "Council of Scientific and Industrial Research", Aliases: []string{"CSIR"}, City: "New Delhi", Country: "IN"},
		{ID: "ens", Name: "École Normale Supérieure de Lyon", Aliases: []string{"ÉNS"}, City: "Lyon", Country: "FR"},
	})
	require.NoError(t, err)
	tests := []struct{ text, want string }{
		// Text in capitals marks no acronym, and a one-word name that
		// is not written in capitals is no acronym.
		{"JOHN SMITH, HEAD OF SALES, Example Widgets GmbH", ""},
		{"DEPT OF PATHOLOGY, Riverside Community Hospital", ""},
		{"UNITY HEALTH TORONTO, St. Michael's Hospital", ""},
		// An account whose name has every word of the part is a rival.
		{"Goldman Sachs, New York, NY", "gs-group"},
		// A city that differs from the account's rules out a name that
		// the part only starts.
		{"Department of Pediatrics, Children's Hospital, Boston, MA, USA", ""},
		// An ambiguous part keeps only its own inner names out.
		{"Mercy Hospital; Department of Health Technology at Technical University of Denmark", "dtu"},
		// Acronyms before an en dash, and with a decomposed accent.
		{"CSIR–Central Drug Research Institute, Lucknow, India", "csir"},
		{"E\u0301NS Lyon, Laboratoire de Physique", "ens"},
	}
	for _, tt := range tests {
		res := ix.MatchMention(tt.text, Record{})
		assert.Equal(t, tt.want, res.AccountID, "%s: %s", tt.text, res.Reason)
	}
}

func TestSplitBrackets(t *testing.T) {
	tests := []struct {
		in, bare string
		groups   []string
	}{
		{"Plain Name", "Plain Name", nil},
		{"Korea Advanced Institute (KAIST)", "Korea Advanced Institute", []string{"KAIST"}},
		{"Institut du Cerveau (Paris Brain Institute) [ICM]", "Institut du Cerveau", []string{"Paris Brain Institute", "ICM"}},
		{"Agency (A*STAR (Singapore))", "Agency", []string{"A*STAR (Singapore)"}},
		{"Open group (IARC/WHO", "Open group", []string{"IARC/WHO"}},
		{"Stray ) bracket", "Stray ) bracket", nil},
		{"Empty () group", "Empty group", nil},
		{"Acme (Germany)", "Acme (Germany)", nil},
		{"Acme (Germany) (ACME-DE)", "Acme (Germany)", []string{"ACME-DE"}},
	}
	for _, tt := range tests {
		bare, groups := splitBrackets(tt.in)
		assert.Equal(t, tt.bare, bare, tt.in)
		assert.Equal(t, tt.groups, groups, tt.in)
	}
}

func TestMentionCountry(t *testing.T) {
	tests := []struct {
		part, want string
		place      bool
	}{
		{"USA", "US", true},
		{"United Kingdom", "GB", true},
		{"UK", "GB", true},
		{"CT", "US", true},
		{"ct", "US", true}, // a state code in lower case, not Kiribati
		{"WA", "US", true},
		{"Washington", "US", true},
		{"CA", "", true},        // California or Canada
		{"DE", "", true},        // Delaware or Germany
		{"IN", "", true},        // Indiana or India
		{"Georgia", "GE", true}, // the country wins over the state
		{"Canada", "CA", true},
		{"Germany.", "DE", true},
		{"Seattle", "", false},
		{"XQ", "", false},
	}
	for _, tt := range tests {
		code, place := mentionCountry(tt.part)
		assert.Equal(t, tt.want, code, tt.part)
		assert.Equal(t, tt.place, place, tt.part)
	}
}

func TestSplitParts(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{" , ;", nil},
		{"Dept, Yale University; New Haven", []string{"Dept", "Yale University", "New Haven"}},
		{"Yale University (New Haven, CT), USA", []string{"Yale University (New Haven, CT)", "USA"}},
		{"東京大学，東京，日本", []string{"東京大学", "東京", "日本"}},
		{"Stray ), comma", []string{"Stray )", "comma"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, splitParts(tt.text), tt.text)
	}
	long := strings.Repeat("Department of Medicine, ", 40) + "Yale University"
	parts := splitParts(long)
	assert.Len(t, parts, maxParts)
	assert.Equal(t, "Yale University", parts[len(parts)-1])
	assert.LessOrEqual(t, len(splitParts(strings.Repeat("é", 1000))[0]), maxPartBytes)
}

func TestLinkOutcomesAddUpOnHostileData(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "B", " ", ".", "&", "Inc", "ß", "İ", "株式会社", "\xff", "\u200b", "@", "gmail.com", "http://", "-", "n/a", "Ltd", "(", ")", "/DE/"}
	randomText := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	var accounts, records []Record
	for i := range 300 {
		accounts = append(accounts, Record{ID: fmt.Sprintf("a%d", i), Name: randomText(), Domain: randomText(), Country: randomText()})
		records = append(records, Record{ID: fmt.Sprintf("r%d", i), Name: randomText(), Domain: randomText(), Emails: []string{randomText()}})
	}
	ix, err := NewIndex(accounts)
	require.NoError(t, err)
	rep, err := ix.Link(context.Background(), records)
	require.NoError(t, err)
	assert.Equal(t, len(records), rep.Read)
	assert.Equal(t, rep.Read, rep.Matched+rep.Unmatched+rep.Rejected)
	for _, l := range rep.Records {
		assert.NotEmpty(t, l.Result.Reason, "record %s has no reason", l.Record.ID)
		if l.Outcome == Matched {
			assert.NotEmpty(t, l.Result.AccountID)
		}
	}
	dd, err := Deduplicate(context.Background(), append(accounts, records...))
	require.NoError(t, err)
	assert.Equal(t, dd.Read, dd.Matched+dd.Unmatched+dd.Rejected)
}

func TestLinkSameForAnyGOMAXPROCS(t *testing.T) {
	accounts, _ := secRegistry(t)
	accounts = accounts[:2000]
	var records []Record
	for i, a := range accounts[:1500] {
		records = append(records, Record{ID: fmt.Sprint("r", i), Name: strings.ToUpper(a.Name) + " LLC"})
	}
	run := func(procs int) ([]byte, []byte) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		ix, err := NewIndex(accounts)
		require.NoError(t, err)
		rep, err := ix.Link(context.Background(), records)
		require.NoError(t, err)
		dd, err := Deduplicate(context.Background(), accounts)
		require.NoError(t, err)
		a, err := json.Marshal(rep)
		require.NoError(t, err)
		b, err := json.Marshal(dd)
		require.NoError(t, err)
		return a, b
	}
	link1, dedupe1 := run(1)
	link4, dedupe4 := run(4)
	assert.Equal(t, link1, link4, "Link output depends on GOMAXPROCS")
	assert.Equal(t, dedupe1, dedupe4, "Deduplicate output depends on GOMAXPROCS")
}

// TestIndexFindsNamesWithAWordChanged checks the blocks of names with one
// word left out: every word of the account is shared by too many accounts
// to form a block, yet a record with one word misspelt or one word fewer
// still finds it.
func TestIndexFindsNamesWithAWordChanged(t *testing.T) {
	fillers := []string{"Orbit", "Quartz", "Harbor", "Summit", "Vector", "Lumen", "Cobalt", "Meridian",
		"Falcon", "Granite", "Nimbus", "Pioneer", "Sterling", "Tundra", "Zephyr", "Aurora", "Beacon", "Cascade",
		"Delta", "Ember", "Fjord", "Glacier", "Horizon", "Inlet", "Juniper"}
	accounts := []Record{{ID: "target", Name: "Nobel Manchester Chemicals"}}
	for i, a := range fillers {
		b := fillers[(i+7)%len(fillers)]
		accounts = append(accounts,
			Record{ID: fmt.Sprintf("n%d", i), Name: "Nobel " + a + " " + b},
			Record{ID: fmt.Sprintf("m%d", i), Name: a + " Manchester " + b},
			Record{ID: fmt.Sprintf("c%d", i), Name: a + " " + b + " Chemicals"})
	}
	ix, err := NewIndex(accounts)
	require.NoError(t, err)
	for _, name := range []string{"Nobel Manchestre Chemicals", "Nobel Manchester", "Nobel Manchester Chemicals Holdings"} {
		assert.Contains(t, ix.CandidateIDs(Record{Name: name}), "target", name)
		res := ix.Match(Record{Name: name})
		require.NotEmpty(t, res.Candidates, name)
		assert.Equal(t, "target", res.Candidates[0].AccountID, "%s: %s", name, res.Reason)
	}
	res := ix.Match(Record{Name: "Nobel Manchestre Chemicals"})
	assert.Equal(t, Match, res.Decision, res.Reason)
	assert.Empty(t, ix.CandidateIDs(Record{Name: "n/a"}), "a record without evidence has no candidates")
}

// TestIndexMatchesThroughAliases checks that an account's aliases find and
// match records, that the explanation names the names that agreed, and
// that two aliases of one account never tie with each other.
func TestIndexMatchesThroughAliases(t *testing.T) {
	ix, err := NewIndex([]Record{
		{ID: "ucb", Name: "University of California, Berkeley", Aliases: []string{"UC Berkeley", "Université de Californie à Berkeley"}},
		{ID: "jlu", Name: "Justus-Liebig-Universität Gießen", Aliases: []string{"Justus Liebig University Giessen", "JLU"}},
		{ID: "blank", Name: "n/a", Aliases: []string{"", "Northwind Traders"}},
	})
	require.NoError(t, err)
	tests := []struct{ name, want string }{
		{"UC Berkeley", "ucb"},
		{"Université de Californie à Berkeley", "ucb"},
		{"Justus Liebig University Giessen", "jlu"},
		{"Northwind Traders Ltd", "blank"},
	}
	for _, tt := range tests {
		res := ix.Match(Record{Name: tt.name})
		assert.Equal(t, Match, res.Decision, "%s: %s", tt.name, res.Reason)
		assert.Equal(t, tt.want, res.AccountID, tt.name)
	}
	res := ix.Match(Record{Name: "UC Berkeley"})
	require.NotEmpty(t, res.Candidates)
	assert.Contains(t, res.Candidates[0].Comparison.Fields[0].Detail, `"uc berkeley"`, "the detail names the alias that agreed")
	assert.Empty(t, ix.Unmatchable(), "an alias stands in for a placeholder name")
}

// TestIndexLongerNameNoMatch checks that a record whose name starts a much
// longer account name scores below an exact key match and is never
// matched, by Match or by Link.
func TestIndexLongerNameNoMatch(t *testing.T) {
	ix, err := NewIndex([]Record{
		{ID: "long", Name: "Example Software Services Holdings International"},
		{ID: "other", Name: "Globex Corporation"},
		{ID: "third", Name: "Initech Software"},
	})
	require.NoError(t, err)
	exact, err := NewIndex([]Record{{ID: "exact", Name: "Example Software Inc"}})
	require.NoError(t, err)
	want := exact.Match(Record{Name: "Example Software"})
	require.Equal(t, Match, want.Decision, want.Reason)
	for _, name := range []string{"Example Software", "Example Software Ltd", "Example"} {
		res := ix.Match(Record{Name: name})
		assert.NotEqual(t, Match, res.Decision, "%s: %s", name, res.Reason)
		if len(res.Candidates) > 0 {
			assert.Less(t, res.Candidates[0].Comparison.Score, want.Candidates[0].Comparison.Score, name)
		}
	}
	report, err := ix.Link(context.Background(), []Record{{ID: "l1", Name: "Example Software"}})
	require.NoError(t, err)
	assert.Equal(t, Unmatched, report.Records[0].Outcome, report.Records[0].Result.Reason)
}
