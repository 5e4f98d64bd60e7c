package overlap_test

import (
	"fmt"
	"os"

	"github.com/accountkit/accountkit/overlap"
)

func Example() {
	targets := []string{"acme.com", "globex.com", "initech.com", "hooli.com", "umbrella.com"}
	report, err := overlap.Compute(targets,
		overlap.Set{Name: "marketing", Members: []string{"acme.com", "globex.com", "initech.com", "example.org"}},
		overlap.Set{Name: "sales", Members: []string{"initech.com", "hooli.com", "hooli.com"}},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	jaccard, _ := report.Metric("jaccard", "marketing", "sales")
	share, _ := report.Metric("share", "marketing", "sales")
	fmt.Println("jaccard:", jaccard.Value)
	fmt.Println("share of marketing also in sales:", share.Value.Percent())
	fmt.Println()
	if err := report.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// jaccard: 0.2500 (1/4)
	// share of marketing also in sales: 33.3%
	//
	// Universe:  5 accounts  (0 duplicate entries)
	// Union:     4 accounts
	//
	// SET        SIZE  COVERAGE  DUPLICATES  OUTSIDE UNIVERSE  MULTIPLE RECORDS
	// marketing  3     60.0%     0           1 (example.org)   0
	// sales      2     40.0%     1           0                 0
	//
	// REGION             COUNT  OF UNIVERSE  OF UNION  MEMBERS
	// marketing only     2      40.0%        50.0%     acme.com globex.com
	// sales only         1      20.0%        25.0%     hooli.com
	// marketing & sales  1      20.0%        25.0%     initech.com
	// no set             1      20.0%        n/a       umbrella.com
	//
	// METRIC                                VALUE   FRACTION  FORMULA
	// coverage(marketing)                   0.6000  3/5       |A| / |U|
	// coverage(sales)                       0.4000  2/5       |A| / |U|
	// coverage(marketing,sales)             0.8000  4/5       |A∪B| / |U|
	// outside_share(marketing)              0.2500  1/4       |A∖U| / |A as given|
	// outside_share(sales)                  0.0000  0/2       |A∖U| / |A as given|
	// jaccard(marketing,sales)              0.2500  1/4       |A∩B| / |A∪B|
	// overlap_coefficient(marketing,sales)  0.5000  1/2       |A∩B| / min(|A|,|B|)
	// dice(marketing,sales)                 0.4000  2/5       2|A∩B| / (|A|+|B|)
	// lift(marketing,sales)                 0.8333  5/6       |A∩B|·|U| / (|A|·|B|)
	// share(marketing,sales)                0.3333  1/3       |A∩B| / |A|
	// share(sales,marketing)                0.5000  1/2       |A∩B| / |A|
}
