package journey

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTeam(t *testing.T) {
	tests := []struct {
		in      string
		want    Team
		wantErr bool
	}{
		{"marketing", Marketing, false},
		{"sales", Sales, false},
		{" Sales ", Sales, false},
		{"MARKETING", Marketing, false},
		{"", 0, true},
		{"support", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseTeam(tt.in)
		if tt.wantErr {
			assert.Error(t, err, "input %q", tt.in)
			continue
		}
		require.NoError(t, err, "input %q", tt.in)
		assert.Equal(t, tt.want, got, "input %q", tt.in)
	}
}

func TestTeamStringRoundTrip(t *testing.T) {
	for _, team := range Teams() {
		got, err := ParseTeam(team.String())
		require.NoError(t, err)
		assert.Equal(t, team, got)
	}
	assert.Equal(t, "Team(0)", Team(0).String())
}

func TestTeamJSON(t *testing.T) {
	data, err := json.Marshal(struct{ T Team }{Sales})
	require.NoError(t, err)
	assert.JSONEq(t, `{"T":"sales"}`, string(data))

	var v struct{ T Team }
	require.NoError(t, json.Unmarshal([]byte(`{"T":"marketing"}`), &v))
	assert.Equal(t, Marketing, v.T)

	assert.Error(t, json.Unmarshal([]byte(`{"T":"support"}`), &v))
	_, err = json.Marshal(struct{ T Team }{0})
	assert.Error(t, err)
}

func TestTeamOther(t *testing.T) {
	assert.Equal(t, Sales, Marketing.Other())
	assert.Equal(t, Marketing, Sales.Other())
	assert.Equal(t, Team(0), Team(7).Other())
}

func FuzzParseTeam(f *testing.F) {
	for _, seed := range []string{"marketing", "Sales", " sales ", "", "support", "MARKETING\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		team, err := ParseTeam(s)
		if err != nil {
			return
		}
		if !team.Valid() {
			t.Fatalf("ParseTeam(%q) returned invalid team %d without error", s, team)
		}
		again, err := ParseTeam(team.String())
		if err != nil || again != team {
			t.Fatalf("team %v does not round-trip: %v, %v", team, again, err)
		}
	})
}
