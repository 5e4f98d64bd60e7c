package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadTableErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"empty file", "", "sales.csv: file is empty"},
		{"blank lines only", "\n\n  \n", "sales.csv: file is empty"},
		{"header only", "Account Name,Website\n", "sales.csv: file has a header row but no data rows"},
		{"no usable column", "Foo,Bar\n1,2\n", "sales.csv: line 1: no company name, website or email column"},
		{"bare quote", "Account Name,Website\nAcme \"Corp,acme.example\n", "sales.csv: line 2, column"},
		{"invalid UTF-8 header", "Account \xff,Website\nAcme,acme.example\n", "sales.csv: line 1, column 1: header is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readTable(strings.NewReader(tt.data), "sales.csv", "sales", nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestReadTableExplicitColumnMissing(t *testing.T) {
	spec, err := parseColumnSpec("name=Organisation Title", "marketing")
	require.NoError(t, err)
	_, err = readTable(strings.NewReader("Company,Website\nAcme,acme.example\n"), "m.csv", "marketing", spec)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `m.csv: line 1: no column "Organisation Title" for name`)
}

func TestParseColumnSpecInvalid(t *testing.T) {
	for _, spec := range []string{"name", "colour=Red", "name="} {
		_, err := parseColumnSpec(spec, "marketing")
		assert.Error(t, err, spec)
	}
	_, err := parseColumnSpec("name=Account Name,", "targets")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `invalid column mapping "name=Account Name,": entry 2 is empty`)
}

func TestReadTableRowsRejectedWithReason(t *testing.T) {
	data := "\ufeffAccount ID,Account Name,Website,Email\n" +
		"A1,Acme Ltd,acme.example,\n" +
		"A2,Short row\n" +
		"A3,Bad \xff name,,\n" +
		"A4,Globex,,jane@globex.example\n" +
		",No ID Inc,,\n"
	tbl, err := readTable(strings.NewReader(data), "t.csv", "targets", nil)
	require.NoError(t, err)
	require.Len(t, tbl.rows, 5)
	assert.Equal(t, 0, tbl.columns[roleID], "the byte-order mark hid the first header")
	assert.Empty(t, tbl.rows[0].rejected)
	assert.Equal(t, "t.csv: line 3: has 2 fields, the header has 4", tbl.rows[1].rejected)
	assert.Equal(t, "t.csv: line 4, column 2 (Account Name): value is not valid UTF-8", tbl.rows[2].rejected)
	assert.Equal(t, "jane@globex.example", tbl.rows[3].record.Domain, "email is the fallback for a missing website")
	assert.Equal(t, "line 6", tbl.rows[4].record.ID)
	recs, pos := tbl.records()
	assert.Len(t, recs, 3)
	assert.Equal(t, []int{0, 3, 4}, pos)
}

func TestDetectColumnsUsualHeaders(t *testing.T) {
	tests := []struct {
		header []string
		want   map[string]int
	}{
		{[]string{"Account Name", "Website"}, map[string]int{roleName: 0, roleWebsite: 1, roleID: -1, roleEmail: -1}},
		{[]string{"Lead ID", "Company", "Email"}, map[string]int{roleID: 0, roleName: 1, roleEmail: 2, roleWebsite: -1}},
		{[]string{"company_name", "company_domain", "email_address"}, map[string]int{roleName: 0, roleWebsite: 1, roleEmail: 2, roleID: -1}},
		{[]string{"Name", "Company Name"}, map[string]int{roleName: 1, roleID: -1, roleWebsite: -1, roleEmail: -1}},
	}
	for _, tt := range tests {
		cols, err := detectColumns("x.csv", tt.header, nil, roles)
		require.NoError(t, err)
		for role, want := range tt.want {
			assert.Equal(t, want, cols[role], "%v: %s", tt.header, role)
		}
	}
}

func TestDetectColumnsDate(t *testing.T) {
	tests := []struct {
		header []string
		want   int
	}{
		{[]string{"Company", "Date"}, 1},
		{[]string{"Company", "Activity Date"}, 1},
		{[]string{"Company", "Last Activity Date"}, 1},
		{[]string{"Account Name", "Last Activity"}, 1},
		{[]string{"Company", "Created Date"}, 1},
		{[]string{"Company", "created"}, 1},
		{[]string{"Company", "created_at"}, 1},
		{[]string{"Created Date", "Company", "Last Activity Date"}, 2},
		{[]string{"Company", "Email"}, -1},
	}
	for _, tt := range tests {
		cols, err := detectColumns("m.csv", tt.header, nil, rolesOf("marketing"))
		require.NoError(t, err)
		assert.Equal(t, tt.want, cols[roleDate], "%v", tt.header)
	}
	cols, err := detectColumns("t.csv", []string{"Account Name", "Created Date"}, nil, rolesOf("targets"))
	require.NoError(t, err)
	assert.Equal(t, -1, cols[roleDate], "the targets file has no touch date")
}

func FuzzReadTable(f *testing.F) {
	f.Add("Account Name,Website\nAcme,acme.example\n")
	f.Add("\ufeffCompany,Email\n\"A, B\",x@y.example\nshort\n")
	f.Add("Id,Company\n1,\xff\n")
	f.Fuzz(func(t *testing.T, data string) {
		tbl, err := readTable(strings.NewReader(data), "f.csv", "sales", nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv:") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		recs, pos := tbl.records()
		rejected := 0
		for _, r := range tbl.rows {
			if r.rejected != "" {
				rejected++
			}
		}
		if len(recs)+rejected != len(tbl.rows) || len(pos) != len(recs) {
			t.Fatalf("%d records and %d rejected rows do not add up to %d rows", len(recs), rejected, len(tbl.rows))
		}
	})
}
