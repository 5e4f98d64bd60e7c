package synth_test

import (
	"fmt"
	"os"

	"github.com/accountkit/accountkit/match/synth"
)

func ExampleGenerate() {
	// A caller reads the sources; Generate itself reads no files.
	f, err := os.Open("../../testdata/sec-company-tickers/company_tickers.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	sources, err := synth.ReadSEC(f)
	if err != nil {
		fmt.Println(err)
		return
	}

	// More accounts than real names, so the last ones are recombined.
	ds, err := synth.Generate(synth.Config{Seed: 42, Accounts: 8000, Leads: 4}, sources)
	if err != nil {
		fmt.Println(err)
		return
	}
	last := ds.Accounts[len(ds.Accounts)-1]
	fmt.Printf("%s %q %q\n", last.ID, last.Name, last.Domain)
	for i, l := range ds.Leads {
		fmt.Printf("%s %q %q -> %q (%s)\n", l.ID, l.Name, l.Domain, ds.Truth[l.ID], ds.LeadVariants[i])
	}
	// Output:
	// A0008000 "Viracta Workshop Pharmaceutical" "www.viractaworkshop.de"
	// L0000001 "Cordyceps Sunshine Biotech Holdings Co., Ltd." "sara.patel@cordycepssunshine.com" -> "A0006289" (company-email+real-name)
	// L0000002 "SUMITOMO FORESTRY CO., LTD." "sales@sumitomoforestry.com.br" -> "A0003807" (case+company-email+real-name)
	// L0000003 "MEDIFAST Inc." "www.medifast.com" -> "A0003205" (legal-form+domain-host+real-name)
	// L0000004 "AFFIRM HLDGS INC" "www.affirmholdings.com" -> "" (legal-form+case+abbreviation+domain-host+held-out+real-name)
}
