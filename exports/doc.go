// Package exports reads the CSV and JSON Lines files that CRM, marketing
// automation and ad platforms export, and writes result files that are
// safe to open in a spreadsheet.
//
// # Formats and fields
//
// A Format is one kind of export: Salesforce accounts, leads, contacts,
// tasks, events and campaign members; HubSpot companies, contacts and
// engagements; Marketo leads and activities; LinkedIn company lists. Each
// format lists the headers its system writes for each Field, such as
// "Account Name" or "Name" for FieldName in Salesforce and "Company
// Domain Name" for FieldWebsite in HubSpot. Headers are compared without
// case, spaces or punctuation, so "BillingCountry" and "Billing Country"
// are the same. DetectFormat picks the format from a header row, and
// Options.Columns maps fields onto other headers when an export was
// customised.
//
// # Records
//
// Read and ReadJSONLines yield one Record per data row as an iter.Seq2 of
// records and errors, reading the input as they go, so files larger than
// memory work. Record.Account is the row as a match.Record (ID, source,
// company name, and website or email as the domain), ready for
// match.NewIndex or match.Index.Match. The other columns, such as
// country, owner and timestamps, stay available through Record.Get and
// Record.Value. A bad row yields an *Error that names the input, line,
// column and value, and reading goes on with the next row.
//
// Activity formats (tasks, events, engagements, campaign members and
// Marketo activities) convert to journey touchpoints with
// Record.Touchpoint, which parses times with journey.TimeParser.
//
// # Encodings
//
// Input may be UTF-8 with or without a byte-order mark, UTF-16 in either
// byte order (Excel's "Unicode Text"), or Windows-1252, the default of
// Excel on Windows for "CSV" files. The encoding and the delimiter (',',
// ';' or tab) are detected unless given in Options.
//
// # Matching and writing
//
// MatchRecords matches a stream of records against a match.Index on
// several goroutines and yields results in input order with bounded
// memory. CSVWriter writes results with EscapeFormula applied to every
// cell, so that a cell such as "=HYPERLINK(...)" taken from an export
// shows as text in a spreadsheet instead of running.
//
// # Guarantees
//
// The package keeps no global mutable state, and its functions are safe
// for concurrent use on different inputs. It does no I/O beyond the
// readers and writers passed in, and never panics on input.
package exports
