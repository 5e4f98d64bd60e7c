package synth_test

import (
	"strings"
	"testing"

	"github.com/accountkit/accountkit/match/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadSEC(t *testing.T) {
	const input = `{"1":{"cik_str":2,"ticker":"BBB","title":"Beta Corp"},
		"0":{"cik_str":1,"ticker":"AAA","title":"ALPHA INC /DE/"},
		"2":{"cik_str":1,"ticker":"AAA-B","title":"ALPHA INC /DE/"},
		"10":{"cik_str":3,"ticker":"CCC","title":" "}}`
	got, err := synth.ReadSEC(strings.NewReader(input))
	require.NoError(t, err)
	assert.Equal(t, []synth.Source{
		{Name: "ALPHA INC /DE/", Country: "US"},
		{Name: "Beta Corp", Country: "US"},
	}, got)
}

func TestReadSECErrors(t *testing.T) {
	tests := []struct{ name, input, want string }{
		{"not JSON", `[1, 2`, "reading SEC company tickers"},
		{"key not a number", `{"x":{"cik_str":1,"title":"A"}}`, `key "x"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := synth.ReadSEC(strings.NewReader(tt.input))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestReadROR(t *testing.T) {
	const input = "ror_id,status,types,country_code,city,display_name,domains,website\n" +
		"r1,active,company,US,Farmington,Otis (United States),,https://www.otis.com/\n" +
		"r2,active,education|funder,PE,Lima,Universidad X,pucp.edu.pe,\n" +
		"r3,withdrawn,company,DE,Berlin,Gone GmbH,gone.de,\n" +
		"r4,active,company|funder,TW,Hsinchu,Global Unichip (Taiwan),guc-asic.com|guc.tw,https://www.guc-asic.com/en\n" +
		"r5,active,company,FR,Paris,Acme (Europe) SA,,\n"
	got, err := synth.ReadROR(strings.NewReader(input))
	require.NoError(t, err)
	assert.Equal(t, []synth.Source{
		{Name: "Otis", Domain: "https://www.otis.com/", Country: "US"},
		{Name: "Global Unichip", Domain: "guc-asic.com", Country: "TW"},
		{Name: "Acme (Europe) SA", Country: "FR"},
	}, got)
}

func TestReadRORErrors(t *testing.T) {
	tests := []struct{ name, input, want string }{
		{"empty", "", "reading ROR header"},
		{"missing column", "status,types,display_name\n", `no column "country_code"`},
		{"ragged row", "status,types,country_code,display_name,domains,website\nactive,company\n", "reading ROR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := synth.ReadROR(strings.NewReader(tt.input))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}
