package exports_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/accountkit/accountkit/exports"
	"github.com/accountkit/accountkit/journey"
	"github.com/accountkit/accountkit/match"
)

func ExampleRead() {
	export := `"Id","Name","Website","BillingCountry","OwnerId"
"0015g00000AbCdEAAV","Kawase Computer Supplies Co., Ltd.","kc-s.co.jp","Japan","0055g000001xYzAAAQ"
"0015g00000AbCdFAAV","BlueGreen Labs (bv)","https://bluegreenlabs.org","Belgium","0055g000001xYzAAAQ"
`
	for rec, err := range exports.Read(strings.NewReader(export), exports.Options{Name: "accounts.csv"}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s line %d: %s, %s, %s (%s)\n", rec.Format, rec.Line, rec.Account.ID, rec.Account.Name, rec.Account.Domain, rec.Get(exports.FieldCountry))
	}
	// Output:
	// salesforce-accounts line 2: 0015g00000AbCdEAAV, Kawase Computer Supplies Co., Ltd., kc-s.co.jp (Japan)
	// salesforce-accounts line 3: 0015g00000AbCdFAAV, BlueGreen Labs (bv), https://bluegreenlabs.org (Belgium)
}

func ExampleReadJSONLines() {
	lines := `{"hs_object_id": "51001", "email": "chloe.durand@eurofins.nl", "company": "Eurofins", "country": "Netherlands"}
{"hs_object_id": "51002", "email": "rahul@tatasteeleurope.com", "company": "Tata Steel", "country": null}
`
	for rec, err := range exports.ReadJSONLines(strings.NewReader(lines), exports.Options{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s %s: %s <%s> %q\n", rec.Format, rec.Account.ID, rec.Account.Name, rec.Account.Domain, rec.Get(exports.FieldCountry))
	}
	// Output:
	// hubspot-contacts 51001: Eurofins <chloe.durand@eurofins.nl> "Netherlands"
	// hubspot-contacts 51002: Tata Steel <rahul@tatasteeleurope.com> ""
}

func ExampleReadTouchpoints() {
	export := `Activity ID,Activity date,Activity type,Activity assigned to,Associated Company IDs,Associated Contact IDs
32000001,2024-03-01T08:15:00Z,CALL,Alex Kim,9876543210,51001
32000002,2024-03-02T09:00:00+01:00,MEETING,Alex Kim,9876543210;9876543211,51001;51002
`
	for tp, err := range exports.ReadTouchpoints(strings.NewReader(export), exports.Options{}, exports.TouchOptions{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(tp.AccountID, tp.Time.UTC().Format("2006-01-02 15:04"), tp.Team, tp.Channel, tp.Type)
	}
	// Output:
	// 9876543210 2024-03-01 08:15 sales phone CALL
	// 9876543210 2024-03-02 08:00 sales meeting MEETING
}

func ExampleMatchRecords() {
	ix, err := match.NewIndex([]match.Record{
		{ID: "A1", Name: "Exedy Corporation", Domain: "exedy.com"},
		{ID: "A2", Name: "Lecip Corporation", Domain: "lecip.co.jp"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	leads := `Lead ID,Company,Email,Lead Source
00Q1,LECIP CORPORATION,d.brown@lecip.co.jp,Trade Show
00Q2,Exedy,b.okafor@exedy.com,Webinar
00Q3,Someone Else,someone@gmail.com,Web
`
	records := exports.Read(strings.NewReader(leads), exports.Options{})
	w := exports.NewCSVWriter(os.Stdout)
	w.Write([]string{"lead", "decision", "account"})
	for m, err := range exports.MatchRecords(context.Background(), ix, records, exports.MatchOptions{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		w.Write([]string{m.Record.Account.ID, m.Result.Decision.String(), m.Result.AccountID})
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// lead,decision,account
	// 00Q1,match,A2
	// 00Q2,match,A1
	// 00Q3,non-match,
}

func ExampleEscapeFormula() {
	fmt.Println(exports.EscapeFormula(`=HYPERLINK("http://evil.example","click")`))
	fmt.Println(exports.EscapeFormula("-12.5"))
	fmt.Println(exports.EscapeFormula("Acme"))
	// Output:
	// '=HYPERLINK("http://evil.example","click")
	// -12.5
	// Acme
}

func ExampleRecord_Touchpoint() {
	export := "Id,WhoId,AccountId,ActivityDate,TaskSubtype\n00T1,0031,0011,3/4/2024 2:05 PM,Call\n"
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		fmt.Println(err)
		return
	}
	parser := &journey.TimeParser{Location: newYork, DateOrder: journey.MonthFirst}
	for rec, err := range exports.Read(strings.NewReader(export), exports.Options{}) {
		if err != nil {
			fmt.Println(err)
			continue
		}
		tp, err := rec.Touchpoint(exports.TouchOptions{Parser: parser})
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(tp.AccountID, tp.Time.UTC().Format("2006-01-02 15:04Z"), tp.Team, tp.Channel)
	}
	// Output:
	// 0011 2024-03-04 19:05Z sales phone
}

func ExampleDetectFormat() {
	headers := [][]string{
		{"Record ID", "Company name", "Company Domain Name", "Country/Region"},
		{"Id", "Email Address", "Company Name", "Created At"},
		{"companyname", "companywebsite", "companycountry"},
	}
	for _, header := range headers {
		format, err := exports.DetectFormat(header)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(format)
	}
	// Output:
	// hubspot-companies
	// marketo-leads
	// linkedin-companies
}
