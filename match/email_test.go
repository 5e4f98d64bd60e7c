package match

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseEmailFields(t *testing.T) {
	tests := []struct {
		input       string
		displayName string
		localPart   string
		host        string
		kind        DomainKind
		role        bool
	}{
		{"jane@example.com", "", "jane", "example.com", KindCompany, false},
		{"  Jane.Doe@Example.COM ", "", "Jane.Doe", "example.com", KindCompany, false},
		{"Jane Doe <JANE@GMAIL.COM>", "Jane Doe", "JANE", "gmail.com", KindFreeMail, false},
		{`"Doe, Jane" <jane@example.com>`, "Doe, Jane", "jane", "example.com", KindCompany, false},
		{`"Jane <CEO>, Acme" <jane@acme.co.uk>`, "Jane <CEO>, Acme", "jane", "acme.co.uk", KindCompany, false},
		{`"Jane \"JD\" Doe" <jd@example.com>`, `Jane "JD" Doe`, "jd", "example.com", KindCompany, false},
		{"mailto:jane@gmail.com", "", "jane", "gmail.com", KindFreeMail, false},
		{"mailto:info@example.com?subject=Hi", "", "info", "example.com", KindCompany, true},
		{"info@example.com", "", "info", "example.com", KindCompany, true},
		{"Sales@Example.com", "", "Sales", "example.com", KindCompany, true},
		{"sales-emea@example.com", "", "sales-emea", "example.com", KindCompany, true},
		{"info.de@example.com", "", "info.de", "example.com", KindCompany, true},
		{"noreply@example.com", "", "noreply", "example.com", KindCompany, true},
		{"no-reply@example.com", "", "no-reply", "example.com", KindCompany, true},
		{"support+tickets@example.com", "", "support+tickets", "example.com", KindCompany, true},
		{"hr-smith@example.com", "", "hr-smith", "example.com", KindCompany, false},
		{"information.systems.smith@example.com", "", "information.systems.smith", "example.com", KindCompany, true},
		{"jane/doe@example.com", "", "jane/doe", "example.com", KindCompany, false},
		{`"jane doe"@example.com`, "", `"jane doe"`, "example.com", KindCompany, false},
		{`"a@b"@example.com`, "", `"a@b"`, "example.com", KindCompany, false},
		{"jürgen@müller.de", "", "jürgen", "xn--mller-kva.de", KindCompany, false},
		{"jane@googlemail.com", "", "jane", "googlemail.com", KindFreeMail, false},
		{"jane@hotmail.co.uk", "", "jane", "hotmail.co.uk", KindFreeMail, false},
		{"jane@hotmail.com.au", "", "jane", "hotmail.com.au", KindFreeMail, false},
		{"jane@outlook.jp", "", "jane", "outlook.jp", KindFreeMail, false},
		{"jane@yahoo.co.jp", "", "jane", "yahoo.co.jp", KindFreeMail, false},
		{"jane@icloud.com", "", "jane", "icloud.com", KindFreeMail, false},
		{"jane@comcast.net", "", "jane", "comcast.net", KindISP, false},
		{"x@mailinator.com", "", "x", "mailinator.com", KindDisposable, false},
		{"x@sub.33mail.com", "", "x", "sub.33mail.com", KindDisposable, false},
		{"jane@example.com.", "", "jane", "example.com", KindCompany, false},
		{"jane@example.com (Jane Doe)", "", "jane", "example.com", KindCompany, false},
		{"jane@example.com; joe@other.org", "", "jane", "example.com", KindCompany, false},
		{"Jane <jane@example.com>, Joe <joe@other.org>", "Jane", "jane", "example.com", KindCompany, false},
		{`"jane doe"@example.com, joe@other.org`, "", `"jane doe"`, "example.com", KindCompany, false},
	}
	for _, tt := range tests {
		e, err := ParseEmail(tt.input)
		if !assert.NoError(t, err, tt.input) {
			continue
		}
		assert.Equal(t, tt.displayName, e.DisplayName, tt.input)
		assert.Equal(t, tt.localPart, e.LocalPart, tt.input)
		assert.Equal(t, tt.host, e.Domain.Host, tt.input)
		assert.Equal(t, tt.kind, e.Domain.Kind, tt.input)
		assert.Equal(t, tt.role, e.Role, tt.input)
	}
}

func TestParseEmailRejects(t *testing.T) {
	tests := []struct {
		input string
		want  error
	}{
		{"", ErrEmpty},
		{"n/a", ErrEmpty},
		{"example.com", ErrInvalidEmail},
		{"https://example.com", ErrInvalidEmail},
		{"https://user@example.com/", ErrInvalidEmail},
		{"@example.com", ErrInvalidEmail},
		{".jane@example.com", ErrInvalidEmail},
		{"jane.@example.com", ErrInvalidEmail},
		{"ja..ne@example.com", ErrInvalidEmail},
		{"ja ne@example.com", ErrInvalidEmail},
		{"jane(x)@example.com", ErrInvalidEmail},
		{"jane\x00@example.com", ErrInvalidEmail},
		{"\"ja\"ne\"@example.com", ErrInvalidEmail},
		{"jane\xff@example.com", ErrInvalidEmail},
		{"a12345678901234567890123456789012345678901234567890123456789012345@example.com", ErrInvalidEmail},
		{"jane@", ErrEmpty},
		{"jane@co.uk", ErrPublicSuffix},
		{"jane@localhost", ErrNonPublicName},
		{"jane@[192.0.2.1]", ErrIPAddress},
		{"jane@[IPv6:2001:db8::1]", ErrIPAddress},
		{"jane@[example.com]", ErrInvalidHost},
		{"jane@192.0.2.1", ErrIPAddress},
		{"jane@exa_mple.com", ErrInvalidHost},
		{"jane@example.com/path", ErrInvalidHost},
		{"Jane <jane@example.com", ErrInvalidHost},
	}
	for _, tt := range tests {
		_, err := ParseEmail(tt.input)
		assert.ErrorIs(t, err, tt.want, "%q", tt.input)
	}
}

func TestEmailAddress(t *testing.T) {
	e, err := ParseEmail("Jane <Jane.Doe@WWW.Example.COM>")
	require.NoError(t, err)
	assert.Equal(t, "Jane.Doe@www.example.com", e.Address())
}
