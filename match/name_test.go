package match

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeNameCases(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{"Acme Widgets & Co.", "acme widgets"},
		{"Acme Widgets and Company", "acme widgets"},
		{"Acme Widgets", "acme widgets"},
		{"Marlow & Finch Ltd", "marlow and finch"},
		{"The Acme Widgets, Inc.", "acme widgets"},
		{"THE ACME WIDGETS INC", "acme widgets"},
		{"Capital Partners", "capital partners"},
		{"Capital Partners LP", "capital partners"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, NormalizeName(tt.name))
		})
	}
}
