package match_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/accountkit/accountkit/match"
	"github.com/accountkit/accountkit/overlap"
)

// This example matches a CRM export and a marketing list to a target list
// and prints the overlap of the two teams' reach. README.md shows the same
// program.
func Example_overlap() {
	targets := []match.Record{
		{ID: "t1", Name: "Acme Widgets Inc.", Domain: "acme.example"},
		{ID: "t2", Name: "Globex Corporation", Domain: "https://www.globex.example/"},
		{ID: "t3", Name: "Initech GmbH"},
	}
	index, err := match.NewIndex(targets)
	if err != nil {
		log.Fatal(err)
	}
	reached := func(team string, records []match.Record) overlap.Set {
		report, err := index.Link(context.Background(), records)
		if err != nil {
			log.Fatal(err)
		}
		set := overlap.Set{Name: team}
		for _, r := range report.Records {
			if r.Outcome == match.Matched {
				set.Links = append(set.Links, overlap.Link{Record: r.Record.ID, Account: r.Result.AccountID})
			} else {
				fmt.Printf("%s %s: %s, %s\n", team, r.Record.ID, r.Outcome, r.Result.Reason)
			}
		}
		return set
	}
	marketing := reached("marketing", []match.Record{
		{ID: "m1", Name: "ACME WIDGETS", Domain: "jane@acme.example"},
		{ID: "m2", Name: "Initech", Domain: "joe@gmail.com"},
		{ID: "m3", Name: "n/a", Domain: "kim@yahoo.com"},
	})
	sales := reached("sales", []match.Record{
		{ID: "s1", Name: "Acme Widgets Ltd"},
		{ID: "s2", Name: "Globex", Domain: "globex.example"},
	})
	report, err := overlap.Compute([]string{"t1", "t2", "t3"}, marketing, sales)
	if err != nil {
		log.Fatal(err)
	}
	report.WriteText(os.Stdout)
	// Output:
	// marketing m3: rejected, no usable name or domain: name "n/a" is a placeholder; domain yahoo.com is free mail
	// Universe:  3 accounts  (0 duplicate entries)
	// Union:     3 accounts
	//
	// SET        SIZE  COVERAGE  DUPLICATES  OUTSIDE UNIVERSE  MULTIPLE RECORDS
	// marketing  2     66.7%     0           0                 0
	// sales      2     66.7%     0           0                 0
	//
	// REGION             COUNT  OF UNIVERSE  OF UNION  MEMBERS
	// marketing only     1      33.3%        33.3%     t3 [marketing: m2]
	// sales only         1      33.3%        33.3%     t2 [sales: s2]
	// marketing & sales  1      33.3%        33.3%     t1 [marketing: m1; sales: s1]
	//
	// METRIC                                VALUE   FRACTION  FORMULA
	// coverage(marketing)                   0.6667  2/3       |A| / |U|
	// coverage(sales)                       0.6667  2/3       |A| / |U|
	// coverage(marketing,sales)             1.0000  3/3       |A∪B| / |U|
	// outside_share(marketing)              0.0000  0/2       |A∖U| / |A as given|
	// outside_share(sales)                  0.0000  0/2       |A∖U| / |A as given|
	// jaccard(marketing,sales)              0.3333  1/3       |A∩B| / |A∪B|
	// overlap_coefficient(marketing,sales)  0.5000  1/2       |A∩B| / min(|A|,|B|)
	// dice(marketing,sales)                 0.5000  2/4       2|A∩B| / (|A|+|B|)
	// lift(marketing,sales)                 0.7500  3/4       |A∩B|·|U| / (|A|·|B|)
	// share(marketing,sales)                0.5000  1/2       |A∩B| / |A|
	// share(sales,marketing)                0.5000  1/2       |A∩B| / |A|
}
