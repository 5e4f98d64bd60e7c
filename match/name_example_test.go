package match_test

import (
	"fmt"

	"github.com/accountkit/accountkit/match"
)

func ExampleNormalizeName() {
	for _, name := range []string{
		"ACME WIDGETS INC /DE/",
		"The Acme Widgets, Inc.",
		"Acme Widgets GmbH & Co. KG",
		"Łódź Example Sp. z o.o.",
		"A.B.C. Co.",
		"Example Services (India) Pvt. Ltd.",
		"ソニーグループ株式会社",
	} {
		fmt.Printf("%q\n", match.NormalizeName(name))
	}
	// Output:
	// "acme widgets"
	// "acme widgets"
	// "acme widgets"
	// "lodz example"
	// "abc"
	// "example services india"
	// "ソニーグループ"
}

func ExampleParseName() {
	n := match.ParseName("Example Holdings LLC d/b/a Sunrise Bakery")
	fmt.Println(n.Key, "|", n.Display)
	fmt.Println(n.TradeNames, n.TradeDisplays)
	for _, f := range n.LegalForms {
		fmt.Println(f.Text, f.Key, len(f.Codes) > 0)
	}

	n = match.ParseName("Alphabet Inc. (Class A) (UK)")
	fmt.Println(n.Key, n.Qualifiers, n.Annotations)

	n = match.ParseName("Example Sp. z o.o.")
	fmt.Println(n.LegalForms[0].Codes)

	fmt.Println(match.ParseName("n/a").Placeholder)
	// Output:
	// example holdings | Example Holdings
	// [sunrise bakery] [Sunrise Bakery]
	// LLC llc true
	// alphabet uk [UK] [Class A]
	// [{O7XB PL}]
	// true
}
