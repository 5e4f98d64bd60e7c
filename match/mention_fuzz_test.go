package match

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzMatchMention checks that MatchMention never panics, gives the same
// result twice, explains every result, and matches only indexed accounts.
// It also checks that splitting the brackets out of a part again changes
// nothing, and that splitParts keeps at most maxParts parts.
func FuzzMatchMention(f *testing.F) {
	ix, err := NewIndex([]Record{
		{ID: "dtu", Name: "Technical University of Denmark", City: "Kongens Lyngby", Country: "DK"},
		{ID: "kaist", Name: "Korea Advanced Institute of Science and Technology", Aliases: []string{"KAIST"}, Country: "KR"},
		{ID: "birkbeck", Name: "Birkbeck, University of London", City: "London", Country: "GB"},
		{ID: "london", Name: "University of London", City: "London", Country: "GB"},
		{ID: "nu-us", Name: "Northwestern University", City: "Evanston", Country: "US"},
		{ID: "nu-ph", Name: "Northwestern University", City: "Laoag", Country: "PH"},
		{ID: "acme", Name: "Acme Robotics (Germany)", Domain: "acme.example", Country: "DE"},
	})
	if err != nil {
		f.Fatal(err)
	}
	seeds := []string{
		"", ",", ";;;", "(", ")(", "[(]", "Department of Health Technology at Technical University of Denmark",
		"Dept. of Physics, Korea Advanced Institute of Science and Technology (KAIST), Daejeon, Korea",
		"Birkbeck, University of London, Malet Street, London, UK", "Evanston, IL", "Laoag, PH",
		"Northwestern University 3 , , Evanston, IL, USA", "Acme Robotics (Germany (Berlin)", "a 1", "1 2 3 4",
		"東京大学, Tokyo, Japan", "\xff\xfe, (\x00)", strings.Repeat("Institute of Science, ", 40),
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res := ix.MatchMention(text, Record{})
		if again := ix.MatchMention(text, Record{}); !reflect.DeepEqual(res, again) {
			t.Fatalf("MatchMention(%q) differs between two calls:\n%+v\n%+v", text, res, again)
		}
		if res.Reason == "" {
			t.Fatalf("MatchMention(%q) gave no reason", text)
		}
		if (res.Decision == Match) != (res.AccountID != "") {
			t.Fatalf("MatchMention(%q): decision %s with account %q", text, res.Decision, res.AccountID)
		}
		if _, ok := ix.byID[res.AccountID]; res.AccountID != "" && !ok {
			t.Fatalf("MatchMention(%q) matched %q, which is not indexed", text, res.AccountID)
		}
		if bare, _ := splitBrackets(text); bare != "" {
			if again, groups := splitBrackets(bare); again != bare || len(groups) > 0 {
				t.Fatalf("splitBrackets(%q) = %q, which splits again into %q and %q", text, bare, again, groups)
			}
		}
		if parts := splitParts(text); len(parts) > maxParts {
			t.Fatalf("splitParts(%q) gave %d parts, more than %d", text, len(parts), maxParts)
		}
	})
}
