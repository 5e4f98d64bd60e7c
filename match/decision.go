package match

import (
	"fmt"
	"strings"
)

// Decision is the outcome of comparing two records or of matching a record
// against an index.
type Decision uint8

// The decisions, from weakest to strongest evidence of a match.
const (
	// NoEvidence means at least one side carries no usable name or domain,
	// so nothing could be compared.
	NoEvidence Decision = iota
	// NonMatch means the evidence shows different companies.
	NonMatch
	// Possible means the evidence leans towards a match but is not strong
	// enough to merge automatically; a person should review it.
	Possible
	// Ambiguous means two or more accounts scored as matches within the
	// index's margin of each other, so none was picked. Only Index returns
	// it; Compare never does.
	Ambiguous
	// Match means the records describe the same company.
	Match
)

var decisionNames = [...]string{
	NoEvidence: "no-evidence",
	NonMatch:   "non-match",
	Possible:   "possible",
	Ambiguous:  "ambiguous",
	Match:      "match",
}

// String returns the decision's name: "match", "possible", "ambiguous",
// "non-match" or "no-evidence".
func (d Decision) String() string {
	if int(d) < len(decisionNames) {
		return decisionNames[d]
	}
	return fmt.Sprintf("Decision(%d)", uint8(d))
}

// MarshalText encodes the decision as its name.
func (d Decision) MarshalText() ([]byte, error) {
	if int(d) >= len(decisionNames) {
		return nil, fmt.Errorf("match: invalid decision %d", uint8(d))
	}
	return []byte(decisionNames[d]), nil
}

// UnmarshalText decodes a decision from its name, ignoring case.
func (d *Decision) UnmarshalText(text []byte) error {
	name := strings.ToLower(strings.TrimSpace(string(text)))
	for i, n := range decisionNames {
		if n == name {
			*d = Decision(i)
			return nil
		}
	}
	return fmt.Errorf("match: invalid decision %q: want one of %s", text, strings.Join(decisionNames[:], ", "))
}
