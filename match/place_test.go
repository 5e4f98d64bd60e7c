package match

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNormalizeCountry(t *testing.T) {
	tests := []struct{ in, want string }{
		{"US", "US"}, {"usa", "US"}, {"U.S.A.", "US"}, {"United States", "US"},
		{"United States of America", "US"}, {"840", "US"}, {"DEU", "DE"},
		{"Germany", "DE"}, {"Deutschland", "DE"}, {"UK", "GB"}, {"United Kingdom", "GB"},
		{"Côte d'Ivoire", "CI"}, {"South Korea", "KR"}, {"Türkiye", "TR"},
		{"  ", ""}, {"Atlantis", "atlantis"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, normalizeCountry(tt.in), tt.in)
	}
}

func TestNormalizePhone(t *testing.T) {
	assert.Equal(t, normalizePhone("+44 20 7946 0958"), normalizePhone("020 7946 0958"))
	assert.Equal(t, "079460958", normalizePhone("(020) 7946-0958"))
	assert.Empty(t, normalizePhone("12-34"))
	assert.Empty(t, normalizePhone("n/a"))
}

func TestFoldPlace(t *testing.T) {
	assert.Equal(t, "sao paulo", foldPlace("São  Paulo"))
	assert.Equal(t, "munchen", foldPlace("MÜNCHEN"))
	assert.Equal(t, "new york", foldPlace("New-York"))
}
