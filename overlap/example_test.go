package overlap_test

import (
	"fmt"
	"os"
	"strings"
	"time"

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

func ExampleWriteVennSVG_threeSets() {
	targets := []string{"a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"}
	report, err := overlap.Compute(targets,
		overlap.Set{Name: "ads", Members: []string{"a1", "a2", "a3", "a4", "a5"}},
		overlap.Set{Name: "events", Members: []string{"a4", "a5", "a6", "a7"}},
		overlap.Set{Name: "sales", Members: []string{"a5", "a7", "a8"}},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	layout, err := overlap.LayoutVenn(report)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("exact: %v, largest region error: %.1f%% of the union\n", layout.Exact, 100*layout.MaxError)
	var svg strings.Builder
	if err := overlap.WriteVennSVG(&svg, report, overlap.SVGOptions{Title: "Reach by channel"}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Count(svg.String(), "<circle"), "circles")
	// Output:
	// exact: false, largest region error: 1.3% of the union
	// 3 circles
}

func ExampleComputeSeries() {
	day := func(month time.Month, d int) time.Time { return time.Date(2026, month, d, 9, 0, 0, 0, time.UTC) }
	touches := []overlap.Touch{
		{Account: "acme", Team: "marketing", Channel: "webinar", Time: day(1, 14)},
		{Account: "acme", Team: "sales", Channel: "call", Time: day(2, 3)},
		{Account: "acme", Team: "marketing", Channel: "email", Time: day(2, 10)},
		{Account: "globex", Team: "sales", Channel: "call", Time: day(1, 20)},
		{Account: "initech", Team: "marketing", Channel: "ad", Time: day(2, 25)},
	}

	targets := []string{"acme", "globex", "initech", "hooli"}
	series, err := overlap.ComputeSeries(targets, touches, overlap.Month,
		overlap.Window{Start: day(1, 1), End: day(2, 28)},
		overlap.AnyTouch("marketing"), overlap.AnyTouch("sales"))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := series.WriteText(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// Series by month
	//   marketing reached when: team marketing, at least 1 touch, all time
	//   sales reached when: team sales, at least 1 touch, all time
	//
	// PERIOD START  UNIVERSE  UNION  MARKETING ONLY  SALES ONLY  MARKETING & SALES  COVERAGE  JACCARD  SHARE MARKETING IN SALES
	// 2026-01-01    4         2      1               1           0                  50.0%     0.0%     0.0%
	// 2026-02-01    4         2      1               0           1                  50.0%     50.0%    50.0%
	//
	// FROM PERIOD  TO PERIOD   FROM REGION     TO REGION          ACCOUNTS  MEMBERS
	// 2026-01-01   2026-02-01  no set          marketing only     1         initech
	// 2026-01-01   2026-02-01  marketing only  marketing & sales  1         acme
	// 2026-01-01   2026-02-01  sales only      no set             1         globex
}
