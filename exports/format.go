package exports

import (
	"fmt"
	"strings"
	"unicode"
)

// Format is the kind of export a file comes from: the system and the
// object type, such as Salesforce accounts or Marketo activities. It
// decides which column headers are recognised and which fields a row
// must have.
type Format uint8

// The supported export formats. With FormatAuto, Read detects the format
// from the header row.
const (
	FormatAuto Format = iota
	SalesforceAccounts
	SalesforceLeads
	SalesforceContacts
	SalesforceTasks
	SalesforceEvents
	SalesforceCampaignMembers
	HubSpotCompanies
	HubSpotContacts
	HubSpotEngagements
	MarketoLeads
	MarketoActivities
	LinkedInCompanies
	formatCount
)

// Formats lists the supported formats, FormatAuto excluded, in the order
// of their constants.
func Formats() []Format {
	list := make([]Format, 0, formatCount-1)
	for f := FormatAuto + 1; f < formatCount; f++ {
		list = append(list, f)
	}
	return list
}

// String returns the format's name, such as "salesforce-accounts", which
// ParseFormat accepts.
func (f Format) String() string {
	if f < formatCount {
		return formatSpecs[f].name
	}
	return fmt.Sprintf("Format(%d)", uint8(f))
}

// ParseFormat parses a format name as String returns it, ignoring case.
// "auto" and "" give FormatAuto.
func ParseFormat(name string) (Format, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return FormatAuto, nil
	}
	for f := FormatAuto; f < formatCount; f++ {
		if formatSpecs[f].name == name {
			return f, nil
		}
	}
	return FormatAuto, fmt.Errorf("unknown export format %q; use auto or one of %s", name, formatNames())
}

func formatNames() string {
	names := make([]string, 0, formatCount-1)
	for _, f := range Formats() {
		names = append(names, f.String())
	}
	return strings.Join(names, ", ")
}

// Activity reports whether rows of the format are activities (tasks,
// events, engagements, campaign responses) that map onto journey
// touchpoints, rather than companies or people.
func (f Format) Activity() bool {
	return f < formatCount && formatSpecs[f].activity
}

// Field is a column role that a reader maps onto a header, such as the
// company name or the activity time. A format lists the headers that
// usually hold each field.
type Field uint8

// The fields a reader recognises.
const (
	// FieldID is the row's own ID in its system.
	FieldID Field = iota
	// FieldName is the company name: the account name, or the company
	// a lead or contact works for.
	FieldName
	// FieldWebsite is the company's website or domain.
	FieldWebsite
	// FieldEmail is a person's email address.
	FieldEmail
	// FieldCountry is the company's or person's country.
	FieldCountry
	// FieldOwner is the user who owns the row, by name or ID.
	FieldOwner
	// FieldAccount is the ID of the account a contact or activity
	// belongs to.
	FieldAccount
	// FieldContact is the ID of the lead or contact an activity
	// involved.
	FieldContact
	// FieldTime is when an activity happened.
	FieldTime
	// FieldType is the kind of activity, such as "Call" or "Email".
	FieldType
	// FieldCampaign is the campaign an activity belongs to.
	FieldCampaign
	// FieldCreated is when the row was created.
	FieldCreated
	fieldCount
)

var fieldNames = [fieldCount]string{
	FieldID:       "id",
	FieldName:     "name",
	FieldWebsite:  "website",
	FieldEmail:    "email",
	FieldCountry:  "country",
	FieldOwner:    "owner",
	FieldAccount:  "account",
	FieldContact:  "contact",
	FieldTime:     "time",
	FieldType:     "type",
	FieldCampaign: "campaign",
	FieldCreated:  "created",
}

// String returns the field's name, such as "website", as ParseField and
// ParseColumnMap accept it.
func (f Field) String() string {
	if f < fieldCount {
		return fieldNames[f]
	}
	return fmt.Sprintf("Field(%d)", uint8(f))
}

// ParseField parses a field name as String returns it, ignoring case.
func ParseField(name string) (Field, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	for f := Field(0); f < fieldCount; f++ {
		if fieldNames[f] == name {
			return f, nil
		}
	}
	return 0, fmt.Errorf("unknown field %q; use one of %s", name, strings.Join(fieldNames[:], ", "))
}

// ParseColumnMap parses an explicit column mapping written as
// "field=Header,field=Header", such as "name=Account Name,website=Web".
// Header names are matched like detected ones: case, spaces and
// punctuation are ignored.
func ParseColumnMap(spec string) (map[Field]string, error) {
	columns := make(map[Field]string)
	if strings.TrimSpace(spec) == "" {
		return columns, nil
	}
	for item := range strings.SplitSeq(spec, ",") {
		fieldName, header, ok := strings.Cut(item, "=")
		if !ok || strings.TrimSpace(header) == "" {
			return nil, fmt.Errorf("invalid column mapping %q in %q; write field=Header", item, spec)
		}
		field, err := ParseField(fieldName)
		if err != nil {
			return nil, fmt.Errorf("column mapping %q: %w", spec, err)
		}
		if _, dup := columns[field]; dup {
			return nil, fmt.Errorf("column mapping %q names field %s twice", spec, field)
		}
		columns[field] = strings.TrimSpace(header)
	}
	return columns, nil
}

// foldHeader reduces a header to lower-case letters and digits, so that
// "Billing Country", "BillingCountry" and "billing_country" compare equal.
func foldHeader(h string) string {
	var b strings.Builder
	b.Grow(len(h))
	for _, r := range h {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
