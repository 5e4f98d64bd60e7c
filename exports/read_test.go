package exports

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/accountkit/accountkit/match"
)

func readAll(t *testing.T, path string, opts Options) ([]Record, []error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", path))
	require.NoError(t, err)
	opts.Name = path
	read := Read
	if strings.HasSuffix(path, ".jsonl") {
		read = ReadJSONLines
	}
	var recs []Record
	var errs []error
	for rec, err := range read(bytes.NewReader(data), opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		recs = append(recs, rec)
	}
	return recs, errs
}

func TestReadSampleExports(t *testing.T) {
	tests := []struct {
		file        string
		format      Format
		rows        int
		first       match.Record
		firstLine   int
		country     string
		owner       string
		lastAccount match.Record
	}{
		{
			file: "salesforce_accounts_dataloader.csv", format: SalesforceAccounts, rows: 6, firstLine: 2,
			first:       match.Record{ID: "0015g00000AbCdEAAV", Source: "salesforce", Name: "Kawase Computer Supplies Co., Ltd.", Domain: "kc-s.co.jp"},
			country:     "Japan",
			owner:       "0055g000001xYzAAAQ",
			lastAccount: match.Record{ID: "0015g00000AbCdJAAV", Source: "salesforce", Name: `"The" Acme Widgets Co.`},
		},
		{
			file: "salesforce_accounts_report_cp1252.csv", format: SalesforceAccounts, rows: 4, firstLine: 2,
			first:       match.Record{ID: "0015g00000XyZaAAAB", Source: "salesforce", Name: "Franz Ziel GmbH", Domain: "https://www.ziel-gmbh.com"},
			country:     "Germany",
			owner:       "Jürgen Müller",
			lastAccount: match.Record{ID: "0015g00000XyZaDAAB", Source: "salesforce", Name: `=HYPERLINK("http://evil.example","click")`},
		},
		{
			file: "salesforce_leads_bom.csv", format: SalesforceLeads, rows: 5, firstLine: 2,
			first:       match.Record{ID: "00Q5g00000Lm1aAEAR", Source: "salesforce", Name: "Eyegaze Inc.", Domain: "i.iyer@yahoo.com"},
			country:     "United States",
			owner:       "Dana Scully",
			lastAccount: match.Record{ID: "00Q5g00000Lm1eAEAR", Source: "salesforce", Name: "Zinpro, Inc.", Domain: "ana.lopez@zinpro.com"},
		},
		{
			file: "salesforce_contacts.csv", format: SalesforceContacts, rows: 3, firstLine: 2,
			first:       match.Record{ID: "0035g00000Qr7sAAAR", Source: "salesforce", Domain: "h.sato@kc-s.co.jp"},
			country:     "Japan",
			owner:       "0055g000001xYzAAAQ",
			lastAccount: match.Record{ID: "0035g00000Qr7uAAAR", Source: "salesforce", Domain: "mark.jones@gmail.com"},
		},
		{
			file: "salesforce_tasks.csv", format: SalesforceTasks, rows: 3, firstLine: 2,
			first:       match.Record{ID: "00T5g00000Ab1aAAAA", Source: "salesforce"},
			owner:       "0055g000001xYzAAAQ",
			lastAccount: match.Record{ID: "00T5g00000Ab1cAAAA", Source: "salesforce"},
		},
		{
			file: "salesforce_events.csv", format: SalesforceEvents, rows: 2, firstLine: 2,
			first:       match.Record{ID: "00U5g00000Cd2aAAAA", Source: "salesforce"},
			owner:       "0055g000001xYzAAAQ",
			lastAccount: match.Record{ID: "00U5g00000Cd2bAAAA", Source: "salesforce"},
		},
		{
			file: "salesforce_campaign_members.csv", format: SalesforceCampaignMembers, rows: 2, firstLine: 2,
			first:       match.Record{ID: "2", Source: "salesforce", Name: "BlueGreen Labs (bv)", Domain: "sofie@bluegreenlabs.org"},
			lastAccount: match.Record{ID: "3", Source: "salesforce", Name: "LECIP CORPORATION", Domain: "d.brown@lecip.co.jp"},
		},
		{
			file: "hubspot_companies.csv", format: HubSpotCompanies, rows: 4, firstLine: 2,
			first:       match.Record{ID: "9876543210", Source: "hubspot", Name: "Renishaw", Domain: "renishaw.com"},
			country:     "United Kingdom",
			owner:       "Alex Kim",
			lastAccount: match.Record{ID: "9876543213", Source: "hubspot", Name: "北京字节跳动科技有限公司", Domain: "bytedance.com"},
		},
		{
			file: "hubspot_contacts_semicolon.csv", format: HubSpotContacts, rows: 3, firstLine: 2,
			first:       match.Record{ID: "51001", Source: "hubspot", Name: "Eurofins", Domain: "chloe.durand@eurofins.nl"},
			country:     "Netherlands",
			owner:       "Alex Kim",
			lastAccount: match.Record{ID: "51003", Source: "hubspot", Domain: "kenji.ito@outlook.jp"},
		},
		{
			file: "hubspot_contacts.jsonl", format: HubSpotContacts, rows: 3, firstLine: 1,
			first:       match.Record{ID: "51001", Source: "hubspot", Name: "Eurofins", Domain: "eurofins.nl"},
			country:     "Netherlands",
			owner:       "412345",
			lastAccount: match.Record{ID: "51003", Source: "hubspot", Domain: "kenji.ito@outlook.jp"},
		},
		{
			file: "hubspot_engagements.csv", format: HubSpotEngagements, rows: 3, firstLine: 2,
			first:       match.Record{ID: "32000001", Source: "hubspot"},
			owner:       "Alex Kim",
			lastAccount: match.Record{ID: "32000003", Source: "hubspot"},
		},
		{
			file: "marketo_leads_utf16le.tsv", format: MarketoLeads, rows: 3, firstLine: 2,
			first:       match.Record{ID: "1001", Source: "marketo", Name: "Farmoquimica SA", Domain: "fqmgrupo.com.br"},
			country:     "Brazil",
			lastAccount: match.Record{ID: "1003", Source: "marketo", Name: "アルケア株式会社", Domain: "yuki@gmail.com"},
		},
		{
			file: "marketo_activities.csv", format: MarketoActivities, rows: 3, firstLine: 2,
			first:       match.Record{ID: "102988", Source: "marketo"},
			lastAccount: match.Record{ID: "102990", Source: "marketo"},
		},
		{
			file: "linkedin_companies.csv", format: LinkedInCompanies, rows: 3, firstLine: 2,
			first:       match.Record{ID: "2", Source: "linkedin", Name: "NVIDIA", Domain: "nvidia.com"},
			country:     "US",
			lastAccount: match.Record{ID: "4", Source: "linkedin", Name: "Zinpro", Domain: "zinpro.com"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			recs, errs := readAll(t, tt.file, Options{})
			require.Empty(t, errs)
			require.Len(t, recs, tt.rows)
			assert.Equal(t, tt.format, recs[0].Format)
			assert.Equal(t, tt.firstLine, recs[0].Line)
			assert.Equal(t, tt.first, recs[0].Account)
			assert.Equal(t, tt.country, recs[0].Get(FieldCountry))
			assert.Equal(t, tt.owner, recs[0].Get(FieldOwner))
			assert.Equal(t, tt.lastAccount, recs[len(recs)-1].Account)
		})
	}
}

func TestReadKeepsOtherColumns(t *testing.T) {
	recs, errs := readAll(t, "salesforce_leads_bom.csv", Options{})
	require.Empty(t, errs)
	title, ok := recs[2].Value("title")
	assert.True(t, ok)
	assert.Equal(t, "Director, Operations", title)
	_, ok = recs[2].Value("No Such Column")
	assert.False(t, ok)

	var headers []string
	for h := range recs[0].All() {
		headers = append(headers, h)
	}
	assert.Equal(t, "Lead ID", headers[0], "the byte-order mark is not part of the first header")
	assert.Len(t, headers, 12)
	lastName, _ := recs[4].Value("Last Name")
	assert.Equal(t, `Lopez "Ani"`, lastName)
}

func TestReadExplicitFormatAndColumns(t *testing.T) {
	input := "Org,Site,Ref\nAcme Widgets Inc.,acme.example,A-1\n"
	opts := Options{
		Format:  SalesforceAccounts,
		Columns: map[Field]string{FieldID: "ref", FieldName: "ORG", FieldWebsite: "site"},
	}
	var recs []Record
	for rec, err := range Read(strings.NewReader(input), opts) {
		require.NoError(t, err)
		recs = append(recs, rec)
	}
	require.Len(t, recs, 1)
	assert.Equal(t, match.Record{ID: "A-1", Source: "salesforce", Name: "Acme Widgets Inc.", Domain: "acme.example"}, recs[0].Account)
}

func TestReadEncodings(t *testing.T) {
	const text = "Account ID,Account Name,Website\n1,Société Générale,societegenerale.com\n"
	utf16 := func(bigEndian, bom bool) []byte {
		var b []byte
		if bom {
			if bigEndian {
				b = append(b, 0xFE, 0xFF)
			} else {
				b = append(b, 0xFF, 0xFE)
			}
		}
		for _, r := range text {
			hi, lo := byte(r>>8), byte(r)
			if bigEndian {
				b = append(b, hi, lo)
			} else {
				b = append(b, lo, hi)
			}
		}
		return b
	}
	cp1252 := bytes.ReplaceAll([]byte(text), []byte("é"), []byte{0xE9})
	tests := []struct {
		name  string
		input []byte
		enc   Encoding
	}{
		{"utf-8", []byte(text), EncodingAuto},
		{"utf-8 with BOM", append([]byte("\uFEFF"), text...), EncodingAuto},
		{"utf-16le with BOM", utf16(false, true), EncodingAuto},
		{"utf-16be with BOM", utf16(true, true), EncodingAuto},
		{"utf-16le without BOM", utf16(false, false), EncodingAuto},
		{"utf-16be without BOM", utf16(true, false), EncodingAuto},
		{"windows-1252 detected", cp1252, EncodingAuto},
		{"windows-1252 explicit", cp1252, Windows1252},
		{"utf-16le explicit", utf16(false, true), UTF16LE},
		{"utf-8 explicit with BOM", append([]byte("\uFEFF"), text...), UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var names []string
			for rec, err := range Read(bytes.NewReader(tt.input), Options{Encoding: tt.enc}) {
				require.NoError(t, err)
				names = append(names, rec.Account.Name)
			}
			assert.Equal(t, []string{"Société Générale"}, names)
		})
	}
}

func TestReadInvalidUTF8AfterSniffWindow(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Account ID,Account Name\n")
	for b.Len() < sniffBytes+100 {
		b.WriteString("1,Acme\n")
	}
	b.WriteString("2,Soci\xe9t\xe9\n")
	var errs []error
	for _, err := range Read(&b, Options{Name: "accounts.csv"}) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0].Error(), `column "Account Name"`)
	assert.Contains(t, errs[0].Error(), "windows-1252")
	var rowErr *Error
	require.ErrorAs(t, errs[0], &rowErr)
	assert.Equal(t, "accounts.csv", rowErr.Name)
	assert.Positive(t, rowErr.Line)
	assert.Equal(t, 3, rowErr.Column)
}

func TestReadRowErrorsContinue(t *testing.T) {
	input := "Account ID,Account Name,Website\n" +
		"1,Acme,acme.example\n" +
		"2,Globex\n" +
		",Initech,initech.example\n" +
		"4,\"Umbrella\"x,umbrella.example\n" +
		"5,Hooli,hooli.example\n"
	var ids []string
	var msgs []string
	for rec, err := range Read(strings.NewReader(input), Options{Name: "accounts.csv"}) {
		if err != nil {
			msgs = append(msgs, err.Error())
			continue
		}
		ids = append(ids, rec.Account.ID)
	}
	assert.Equal(t, []string{"1", "5"}, ids)
	require.Len(t, msgs, 3)
	assert.Equal(t, "accounts.csv:3: row has 2 cells but the header has 3", msgs[0])
	assert.Equal(t, `accounts.csv:4: column "Account ID": empty ID; every account, lead and contact needs one`, msgs[1])
	assert.Contains(t, msgs[2], "accounts.csv:5:")
}

func TestReadHeaderErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		opts  Options
		want  string
	}{
		{"empty input", "", Options{}, "empty input: expected a header row"},
		{"unknown headers", "foo,bar\n1,2\n", Options{}, `no supported export has the columns ["foo", "bar"]`},
		{"explicit column missing", "Account ID,Account Name\n1,Acme\n", Options{Columns: map[Field]string{FieldWebsite: "Web"}}, `column "Web" for field website is not in the header`},
		{"required field missing", "Account ID,Industry\n1,Retail\n", Options{Format: SalesforceAccounts}, "has no column for name or website"},
		{"invalid format", "a\n", Options{Format: Format(200)}, "invalid format 200"},
		{"invalid comma", "a\n", Options{Comma: '"'}, "invalid CSV delimiter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs []error
			for _, err := range Read(strings.NewReader(tt.input), tt.opts) {
				errs = append(errs, err)
			}
			require.Len(t, errs, 1)
			assert.Contains(t, errs[0].Error(), tt.want)
		})
	}
}

func TestReadRowTooLong(t *testing.T) {
	input := "Account ID,Account Name\n1,\"" + strings.Repeat("x", 200_000)
	var errs []error
	rows := 0
	for _, err := range Read(strings.NewReader(input), Options{MaxRowBytes: 64 << 10}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rows++
	}
	assert.Zero(t, rows)
	require.Len(t, errs, 1)
	assert.True(t, errors.Is(errs[0], ErrRowTooLong))
}

func TestReadStopsWhenConsumerStops(t *testing.T) {
	input := "Account ID,Account Name\n1,A\n2,B\n3,C\n"
	count := 0
	for range Read(strings.NewReader(input), Options{}) {
		count++
		if count == 2 {
			break
		}
	}
	assert.Equal(t, 2, count)
}

func TestReadProgress(t *testing.T) {
	var b strings.Builder
	b.WriteString("Account ID,Account Name\n")
	for i := range 25 {
		b.WriteString("id" + strings.Repeat("x", i) + ",Acme\n")
	}
	var reports []Progress
	opts := Options{ProgressRows: 10, Progress: func(p Progress) { reports = append(reports, p) }}
	for range Read(strings.NewReader(b.String()), opts) {
	}
	require.Len(t, reports, 3)
	assert.Equal(t, 10, reports[0].Rows)
	assert.False(t, reports[0].Done)
	assert.Equal(t, 25, reports[2].Rows)
	assert.True(t, reports[2].Done)
	assert.Equal(t, int64(b.Len()), reports[2].Bytes)
}

func TestReadJSONLinesErrors(t *testing.T) {
	input := `{"Account ID": "1", "Account Name": "Acme", "Website": "acme.example"}` + "\n" +
		`not json` + "\n" +
		`[1, 2]` + "\n" +
		`{"Account ID": 2, "Account Name": "Globex", "Employees": 1200}` + "\n"
	var ids []string
	var msgs []string
	for rec, err := range ReadJSONLines(strings.NewReader(input), Options{Name: "accounts.jsonl"}) {
		if err != nil {
			msgs = append(msgs, err.Error())
			continue
		}
		ids = append(ids, rec.Account.ID)
	}
	assert.Equal(t, []string{"1", "2"}, ids)
	require.Len(t, msgs, 2)
	assert.Contains(t, msgs[0], "accounts.jsonl:2: value \"not json\": invalid JSON object")
	assert.Contains(t, msgs[1], "accounts.jsonl:3:")
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		header []string
		want   Format
	}{
		{[]string{"Account ID", "Account Name", "Website"}, SalesforceAccounts},
		{[]string{"Id", "Name", "Website", "BillingCountry"}, SalesforceAccounts},
		{[]string{"Id", "FirstName", "LastName", "Company", "Email", "LeadSource", "Status"}, SalesforceLeads},
		{[]string{"Id", "Email Address", "Company Name", "Created At"}, MarketoLeads},
		{[]string{"Record ID", "Company name", "Company Domain Name"}, HubSpotCompanies},
		{[]string{"companyname", "companywebsite", "companycountry"}, LinkedInCompanies},
		{[]string{"Id", "WhoId", "WhatId", "ActivityDate", "Subject"}, SalesforceTasks},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.header, ","), func(t *testing.T) {
			got, err := DetectFormat(tt.header)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestDetectFormatAmbiguous(t *testing.T) {
	_, err := DetectFormat([]string{"Name"})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrUnknownFormat)
}

func TestParseColumnMap(t *testing.T) {
	got, err := ParseColumnMap("name=Account Name, website = Web Site")
	require.NoError(t, err)
	assert.Equal(t, map[Field]string{FieldName: "Account Name", FieldWebsite: "Web Site"}, got)

	for _, bad := range []string{"name", "colour=Red", "name=A,name=B", "name="} {
		_, err := ParseColumnMap(bad)
		assert.Error(t, err, bad)
	}
}

func TestParseFormatAndEncodingNames(t *testing.T) {
	for _, f := range Formats() {
		got, err := ParseFormat(strings.ToUpper(f.String()))
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	_, err := ParseFormat("excel")
	assert.ErrorContains(t, err, `unknown export format "excel"`)
	for e := EncodingAuto; e < encodingCount; e++ {
		got, err := ParseEncoding(e.String())
		require.NoError(t, err)
		assert.Equal(t, e, got)
	}
	_, err = ParseEncoding("latin-9")
	assert.Error(t, err)
}
