package match_test

import (
	"errors"
	"fmt"

	"github.com/accountkit/accountkit/match"
)

func ExampleNormalizeDomain() {
	for _, input := range []string{
		"https://user:secret@www.Example.co.uk:8443/path?q=1#frag",
		"Jane Doe <jane@Example.CO.UK>",
		"https://TEST.公司.CN/",
		"co.uk/deals",
	} {
		domain, err := match.NormalizeDomain(input)
		if errors.Is(err, match.ErrPublicSuffix) {
			fmt.Println("public suffix:", input)
			continue
		}
		fmt.Println(domain)
	}
	// Output:
	// example.co.uk
	// example.co.uk
	// test.xn--55qx5d.cn
	// public suffix: co.uk/deals
}

func ExampleIsFreeMail() {
	fmt.Println(match.IsFreeMail("Jane Doe <JANE@GMAIL.COM>"))
	fmt.Println(match.IsFreeMail("jane@example.com"))
	// Output:
	// true
	// false
}
