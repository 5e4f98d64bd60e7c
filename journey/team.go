package journey

import (
	"fmt"
	"strings"
)

// Team is the team that owned a touchpoint: marketing or sales. The zero
// value is not a valid team, so a touchpoint whose team was never set is
// rejected instead of being counted for either side.
type Team uint8

const (
	// Marketing is the marketing team.
	Marketing Team = iota + 1
	// Sales is the sales team.
	Sales
)

// Teams lists the valid teams in their canonical order.
func Teams() []Team { return []Team{Marketing, Sales} }

// String returns "marketing" or "sales", or "Team(N)" for an invalid value.
func (t Team) String() string {
	switch t {
	case Marketing:
		return "marketing"
	case Sales:
		return "sales"
	}
	return fmt.Sprintf("Team(%d)", uint8(t))
}

// Valid reports whether t is Marketing or Sales.
func (t Team) Valid() bool { return t == Marketing || t == Sales }

// Other returns the opposite team: Sales for Marketing and Marketing for
// Sales. It returns the zero Team for an invalid value.
func (t Team) Other() Team {
	switch t {
	case Marketing:
		return Sales
	case Sales:
		return Marketing
	}
	return 0
}

// ParseTeam parses "marketing" or "sales", ignoring case and surrounding
// white space. Any other value is an error that quotes the input.
func ParseTeam(s string) (Team, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "marketing":
		return Marketing, nil
	case "sales":
		return Sales, nil
	}
	return 0, fmt.Errorf("journey: invalid team %q: expected \"marketing\" or \"sales\"", s)
}

// MarshalText encodes the team as "marketing" or "sales", which is also
// its JSON form. It returns an error for an invalid team.
func (t Team) MarshalText() ([]byte, error) {
	if !t.Valid() {
		return nil, fmt.Errorf("journey: cannot encode invalid team %d", uint8(t))
	}
	return []byte(t.String()), nil
}

// UnmarshalText decodes a team with the rules of ParseTeam.
func (t *Team) UnmarshalText(text []byte) error {
	parsed, err := ParseTeam(string(text))
	if err != nil {
		return err
	}
	*t = parsed
	return nil
}
