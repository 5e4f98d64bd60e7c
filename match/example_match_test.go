package match_test

import (
	"context"
	"fmt"

	"github.com/accountkit/accountkit/match"
)

func ExampleCompare() {
	c := match.Compare(
		match.Record{Name: "The Acme Widgets, Inc.", Domain: "https://www.acme-widgets.example/contact"},
		match.Record{Name: "ACME WIDGETS LTD", Domain: "Jane Doe <jane@acme-widgets.example>"},
	)
	fmt.Println(c.Decision, c.Fields[0].Level, c.Fields[1].Level)
	fmt.Printf("%.3f\n", c.Score)

	c = match.Compare(match.Record{Name: "Bank of the West"}, match.Record{Name: "Bank of the East"})
	fmt.Println(c.Decision, c.Fields[0].Level)
	// Output:
	// match exact same
	// 1.000
	// non-match different
}

func ExampleIndex_Match() {
	index, err := match.NewIndex([]match.Record{
		{ID: "a1", Name: "Northwind Traders A/S", Domain: "northwind.example"},
		{ID: "a2", Name: "Contoso Pharmaceuticals GmbH"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	res := index.Match(match.Record{Name: "NORTHWIND", Domain: "lars@northwind.example"})
	fmt.Println(res.Decision, res.AccountID)
	fmt.Println(res.Reason)

	res = index.Match(match.Record{Name: "Contoso Pharma Services"})
	fmt.Println(res.Decision, res.AccountID == "")
	// Output:
	// match a1
	// matched "a1" (Northwind Traders A/S): score 1.000 is at or above the match threshold 0.90
	// non-match true
}

func ExampleIndex_Link() {
	index, err := match.NewIndex([]match.Record{
		{ID: "a1", Name: "Acme Widgets Inc.", Domain: "acme.example"},
		{ID: "a2", Name: "Globex Corporation"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	report, err := index.Link(context.Background(), []match.Record{
		{ID: "lead-1", Name: "acme widgets", Domain: "bob@gmail.com"},
		{ID: "lead-2", Name: "Globex Corp"},
		{ID: "lead-3", Name: "n/a", Domain: "carol@yahoo.com"},
		{ID: "lead-4", Name: "Initech"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range report.Records {
		fmt.Printf("%s: %s %q\n", r.Record.ID, r.Outcome, r.Result.AccountID)
	}
	fmt.Printf("read %d: matched %d, unmatched %d, rejected %d\n", report.Read, report.Matched, report.Unmatched, report.Rejected)
	// Output:
	// lead-1: matched "a1"
	// lead-2: matched "a2"
	// lead-3: rejected ""
	// lead-4: unmatched ""
	// read 4: matched 2, unmatched 1, rejected 1
}
