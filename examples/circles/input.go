package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/accountkit/accountkit/match"
)

// column roles that the program reads from an export.
const (
	roleID      = "id"
	roleName    = "name"
	roleWebsite = "website"
	roleEmail   = "email"
	roleDate    = "date"
)

// roles lists every role that a column mapping may name. accountRoles
// lists the roles read from the targets file, which has no touch date.
var (
	roles        = []string{roleID, roleName, roleWebsite, roleEmail, roleDate}
	accountRoles = []string{roleID, roleName, roleWebsite, roleEmail}
)

// rolesOf returns the roles read from the file of the named source.
func rolesOf(source string) []string {
	if source == "targets" {
		return accountRoles
	}
	return roles
}

// headerAliases lists, per role, the headers that the usual CRM and
// marketing-automation exports use, compared after folding case and
// dropping spaces, underscores, hyphens and dots. The first alias that a
// header row holds wins.
var headerAliases = map[string][]string{
	roleID: {"id", "accountid", "recordid", "leadid", "contactid", "companyid",
		"salesforceid", "hubspotid", "externalid", "crmid"},
	roleName: {"accountname", "company", "companyname", "organization",
		"organisation", "organizationname", "organisationname", "account",
		"employer", "businessname", "name"},
	roleWebsite: {"website", "domain", "companydomain", "companydomainname",
		"companywebsite", "websiteurl", "url", "web", "webaddress", "homepage"},
	roleEmail: {"email", "emailaddress", "workemail", "businessemail",
		"contactemail", "primaryemail", "mail"},
	// Activity dates come before creation dates, because the touch is the
	// last activity where an export has both.
	roleDate: {"date", "touchdate", "activitydate", "lastactivitydate",
		"lastactivity", "createddate", "created", "createdat"},
}

// columns holds the position of each role's column, or -1 when the file
// has none.
type columns map[string]int

func foldHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '_', '-', '.', '\t':
			return -1
		}
		return r
	}, h)
}

// parseColumnSpec reads "name=Account Name,website=Web" into a role map,
// accepting only the roles read from the file of the named source.
func parseColumnSpec(spec, source string) (map[string]string, error) {
	out := map[string]string{}
	if strings.TrimSpace(spec) == "" {
		return out, nil
	}
	fileRoles := rolesOf(source)
	for i, part := range strings.Split(spec, ",") {
		if strings.TrimSpace(part) == "" {
			return nil, fmt.Errorf("invalid column mapping %q: entry %d is empty; remove the extra comma", spec, i+1)
		}
		role, header, ok := strings.Cut(part, "=")
		role = strings.ToLower(strings.TrimSpace(role))
		if ok && slices.Contains(roles, role) && !slices.Contains(fileRoles, role) {
			return nil, fmt.Errorf("invalid column mapping %q: role %s is not read from the %s file; its roles are %s",
				part, role, source, strings.Join(fileRoles, ", "))
		}
		if !ok || !slices.Contains(fileRoles, role) || strings.TrimSpace(header) == "" {
			return nil, fmt.Errorf("invalid column mapping %q: expected ROLE=HEADER with ROLE one of %s", part, strings.Join(fileRoles, ", "))
		}
		if _, dup := out[role]; dup {
			return nil, fmt.Errorf("invalid column mapping %q: %s is mapped twice", spec, role)
		}
		out[role] = strings.TrimSpace(header)
	}
	return out, nil
}

// detectColumns finds the column of each of fileRoles in header. An
// explicit mapping wins and must exist, or else the aliases are tried in
// order. An explicit mapping of a role outside fileRoles is an error.
func detectColumns(path string, header []string, explicit map[string]string, fileRoles []string) (columns, error) {
	for _, role := range roles {
		if _, ok := explicit[role]; ok && !slices.Contains(fileRoles, role) {
			return nil, fmt.Errorf("%s: invalid column mapping %s=%s: role %s is not read from this file; its roles are %s",
				path, role, explicit[role], role, strings.Join(fileRoles, ", "))
		}
	}
	cols := columns{}
	for _, role := range roles {
		cols[role] = -1
	}
	folded := make([]string, len(header))
	for i, h := range header {
		folded[i] = foldHeader(h)
	}
	for _, role := range fileRoles {
		if want, ok := explicit[role]; ok {
			i := slices.IndexFunc(header, func(h string) bool { return strings.EqualFold(strings.TrimSpace(h), want) })
			if i < 0 {
				return nil, fmt.Errorf("%s: line 1: no column %q for %s (header: %s)", path, want, role, strings.Join(header, ", "))
			}
			cols[role] = i
			continue
		}
		for _, alias := range headerAliases[role] {
			if i := slices.Index(folded, alias); i >= 0 && !usedColumn(cols, i) {
				cols[role] = i
				break
			}
		}
	}
	if cols[roleName] < 0 && cols[roleWebsite] < 0 && cols[roleEmail] < 0 {
		return nil, fmt.Errorf("%s: line 1: no company name, website or email column in header %q; name one with a column mapping such as name=Company",
			path, strings.Join(header, ","))
	}
	return cols, nil
}

func usedColumn(cols columns, i int) bool {
	for _, c := range cols {
		if c == i {
			return true
		}
	}
	return false
}

// row is one data row of an export turned into a record, or rejected.
type row struct {
	line   int
	fields []string
	record match.Record
	// rejected holds why the row could not become a record; empty when it
	// did.
	rejected string
	// date is the touch date as the file writes it, set by applyWindow.
	date string
	// outside is the reason the row's touch lies outside the window. It is
	// empty when the touch lies inside or no window is set.
	outside string
}

// table is one export file as read.
type table struct {
	path    string
	source  string
	header  []string
	columns columns
	rows    []row
}

// records returns the records of the rows that were neither rejected nor
// outside the window, and the positions of those rows in t.rows.
func (t *table) records() ([]match.Record, []int) {
	var recs []match.Record
	var pos []int
	for i, r := range t.rows {
		if r.rejected == "" && r.outside == "" {
			recs = append(recs, r.record)
			pos = append(pos, i)
		}
	}
	return recs, pos
}

// readTable reads a CSV export with a header row. An error that makes the
// whole file unusable (no header, an unreadable quote, no usable column) is
// returned and names the file, line and column. A row that cannot be used
// is kept as rejected with its reason, so that no row goes missing.
func readTable(r io.Reader, path, source string, explicit map[string]string) (*table, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: file is empty; expected a header row and at least one data row", path)
	}

	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err != nil {
		return nil, csvError(path, err)
	}
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, fmt.Errorf("%s: line 1, column %d: header is not valid UTF-8; save the file as UTF-8", path, i+1)
		}
	}

	cols, err := detectColumns(path, header, explicit, rolesOf(source))
	if err != nil {
		return nil, err
	}

	t := &table{path: path, source: source, header: header, columns: cols}
	for {
		fields, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(path, err)
		}
		line, _ := cr.FieldPos(0)
		t.rows = append(t.rows, makeRow(path, line, header, fields, cols))
	}
	if len(t.rows) == 0 {
		return nil, fmt.Errorf("%s: file has a header row but no data rows", path)
	}
	return t, nil
}

func csvError(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: line %d, column %d: %v", path, pe.Line, pe.Column, pe.Err)
	}
	return fmt.Errorf("%s: %w", path, err)
}

func makeRow(path string, line int, header, fields []string, cols columns) row {
	r := row{line: line, fields: fields}
	if len(fields) != len(header) {
		r.rejected = fmt.Sprintf("%s: line %d: has %d fields, the header has %d", path, line, len(fields), len(header))
		return r
	}
	for i, f := range fields {
		if !utf8.ValidString(f) {
			r.rejected = fmt.Sprintf("%s: line %d, column %d (%s): value is not valid UTF-8", path, line, i+1, header[i])
			return r
		}
	}
	get := func(role string) string {
		if i := cols[role]; i >= 0 {
			return strings.TrimSpace(fields[i])
		}
		return ""
	}
	r.record = match.Record{
		ID:     get(roleID),
		Name:   get(roleName),
		Domain: get(roleWebsite),
	}
	if r.record.ID == "" {
		r.record.ID = fmt.Sprintf("line %d", line)
	}
	// A website names the company; a contact's email address is the
	// fallback, and free-mail addresses are ignored by the matcher.
	if r.record.Domain == "" {
		r.record.Domain = get(roleEmail)
	}
	return r
}
