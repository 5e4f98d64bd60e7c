package exports

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownFormat is wrapped by the errors of DetectFormat and Read when
// no supported format fits a header, or when two fit it equally well.
var ErrUnknownFormat = errors.New("export format not recognised")

// columnMap maps each field onto the header's columns that may hold it.
type columnMap struct {
	format Format
	// name is Options.Name, for errors.
	name   string
	header []string
	// fields lists, per field, column indexes in order of preference.
	fields [fieldCount][]int
}

// DetectFormat returns the format whose usual headers best fit header.
// Each header that is distinctive of the format, such as "BillingCountry"
// for Salesforce accounts, counts two points. Each other header that the
// format maps onto a field counts one. Formats whose required fields have
// no column are skipped. The error wraps
// ErrUnknownFormat when no format fits or two fit equally well.
func DetectFormat(header []string) (Format, error) {
	folded := foldAll(header)
	best, bestScore, tied := FormatAuto, 0, FormatAuto
	for _, f := range Formats() {
		cols := mapColumns(f, folded)
		if missingRequired(f, &cols) != "" {
			continue
		}
		score := detectionScore(f, folded)
		switch {
		case score > bestScore:
			best, bestScore, tied = f, score, FormatAuto
		case score == bestScore && score > 0:
			tied = f
		}
	}
	if best == FormatAuto {
		return FormatAuto, fmt.Errorf("%w: no supported export has the columns %s; set the format and column mapping explicitly", ErrUnknownFormat, quoteList(header))
	}
	if tied != FormatAuto {
		return FormatAuto, fmt.Errorf("%w: the columns %s fit both %s and %s equally; set the format explicitly", ErrUnknownFormat, quoteList(header), best, tied)
	}
	return best, nil
}

func detectionScore(f Format, folded []string) int {
	spec := &formatSpecs[f]
	score := 0
	seen := make(map[string]bool, len(folded))
	for _, h := range folded {
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		switch {
		case contains(spec.markers, h):
			score += 2
		case isAlias(spec, h):
			score++
		}
	}
	return score
}

func isAlias(spec *formatSpec, folded string) bool {
	for _, aliases := range spec.aliases {
		if contains(aliases, folded) {
			return true
		}
	}
	return false
}

// resolveColumns maps the fields of format onto header, with explicit
// overriding the format's aliases. It fails when an explicit column is
// not in the header or a required field has no column.
func resolveColumns(format Format, header []string, explicit map[Field]string) (columnMap, error) {
	folded := foldAll(header)
	cols := mapColumns(format, folded)
	for field, name := range explicit {
		if field >= fieldCount {
			return cols, fmt.Errorf("invalid field %d in the column mapping", field)
		}
		want := foldHeader(name)
		i := indexOf(folded, want)
		if want == "" || i < 0 {
			return cols, fmt.Errorf("column %q for field %s is not in the header %s", name, field, quoteList(header))
		}
		cols.fields[field] = []int{i}
	}
	if missing := missingRequired(format, &cols); missing != "" {
		return cols, fmt.Errorf("the header %s has no column for %s, which %s exports need; map one explicitly, such as %s=Header", quoteList(header), missing, format, strings.SplitN(missing, " ", 2)[0])
	}
	cols.header = header
	return cols, nil
}

func mapColumns(format Format, folded []string) columnMap {
	cols := columnMap{format: format}
	spec := &formatSpecs[format]
	for field, aliases := range spec.aliases {
		for _, alias := range aliases {
			if i := indexOf(folded, alias); i >= 0 && !containsInt(cols.fields[field], i) {
				cols.fields[field] = append(cols.fields[field], i)
			}
		}
	}
	return cols
}

// missingRequired names the first required group without a column, such
// as "name or website", or returns "".
func missingRequired(format Format, cols *columnMap) string {
	for _, group := range formatSpecs[format].required {
		found := false
		for _, field := range group {
			if len(cols.fields[field]) > 0 {
				found = true
				break
			}
		}
		if !found {
			names := make([]string, len(group))
			for i, field := range group {
				names[i] = field.String()
			}
			return strings.Join(names, " or ")
		}
	}
	return ""
}

func foldAll(header []string) []string {
	folded := make([]string, len(header))
	for i, h := range header {
		folded[i] = foldHeader(h)
	}
	return folded
}

func quoteList(values []string) string {
	const maxShown = 12
	quoted := make([]string, 0, min(len(values), maxShown)+1)
	for i, v := range values {
		if i == maxShown {
			quoted = append(quoted, fmt.Sprintf("and %d more", len(values)-maxShown))
			break
		}
		quoted = append(quoted, fmt.Sprintf("%q", v))
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}

func contains(list []string, s string) bool { return indexOf(list, s) >= 0 }

func containsInt(list []int, n int) bool {
	for _, v := range list {
		if v == n {
			return true
		}
	}
	return false
}
