package match

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrInvalidEmail reports an input that is not an email address: no "@",
// an empty or invalid local part, or a URL. Errors in the domain part wrap
// the ParseDomain errors instead.
var ErrInvalidEmail = errors.New("invalid email address")

// maxLocalPartLength is the longest local part in octets (RFC 5321 section
// 4.5.3.1.1).
const maxLocalPartLength = 64

// Email is the result of ParseEmail.
type Email struct {
	// DisplayName is the name before an address in angle brackets, without
	// quotes and escapes, or "".
	DisplayName string
	// LocalPart is the part before "@" as written, since a mail server may
	// treat its case as significant (RFC 5321 section 2.4).
	LocalPart string
	// Domain is the parsed part after "@". Its Kind separates company
	// addresses from free-mail, internet-provider and disposable ones.
	Domain Domain
	// Role reports a role mailbox such as info@, sales@ or noreply@. It
	// reaches a team or a machine, so it reveals little about a person.
	Role bool
}

// Address returns the address as local part, "@" and the lower-case ASCII
// host.
func (e Email) Address() string {
	return e.LocalPart + "@" + e.Domain.Host
}

// ParseEmail parses input with the default parser. See
// DomainParser.ParseEmail for the rules.
func ParseEmail(input string) (Email, error) {
	return defaultDomainParser.ParseEmail(input)
}

// ParseEmail parses an email address, optionally after a display name and
// inside angle brackets (`"Doe, Jane" <jane@example.com>`), or as a
// "mailto:" URL. Surrounding white space is ignored. The local part may be
// a dot-atom of RFC 5322 characters and UTF-8 letters (RFC 6531), or a
// quoted string, and may be at most 64 octets. The domain part follows the
// rules of ParseDomain, and a domain literal such as "[192.0.2.1]" fails
// with ErrIPAddress.
//
// Errors wrap ErrInvalidEmail, or one of the ParseDomain errors when the
// domain part is at fault.
func (p *DomainParser) ParseEmail(input string) (Email, error) {
	address, displayName, mailto, err := trimAddressInput(input)
	if err != nil {
		return Email{}, err
	}
	if !mailto && (schemeLength(address) > 0 || strings.HasPrefix(address, "//")) {
		return Email{}, domainError(ErrInvalidEmail, input, "the input is a URL, not an email address")
	}
	at := strings.LastIndexByte(address, '@')
	if at < 0 {
		return Email{}, domainError(ErrInvalidEmail, input, "the input has no '@'")
	}
	local, host := address[:at], address[at+1:]
	if err := checkLocalPart(local, input); err != nil {
		return Email{}, err
	}
	if strings.HasPrefix(host, "[") {
		_, err := stripPort(host, input)
		return Email{}, err
	}
	d, err := p.parseHost(host, input)
	if err != nil {
		return Email{}, err
	}
	return Email{
		DisplayName: displayName,
		LocalPart:   local,
		Domain:      d,
		Role:        isRoleMailbox(local),
	}, nil
}

// checkLocalPart checks the local part against RFC 5322 section 3.4.1 with
// UTF-8 allowed (RFC 6531): a quoted string, or atoms joined by single dots.
func checkLocalPart(local, input string) error {
	switch {
	case local == "":
		return domainError(ErrInvalidEmail, input, "the local part is empty")
	case len(local) > maxLocalPartLength:
		return domainError(ErrInvalidEmail, input, "the local part is longer than 64 octets")
	case !utf8.ValidString(local):
		return domainError(ErrInvalidEmail, input, "the local part is not valid UTF-8")
	}
	if len(local) >= 2 && local[0] == '"' && local[len(local)-1] == '"' {
		return checkQuotedLocalPart(local[1:len(local)-1], input)
	}
	if local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return domainError(ErrInvalidEmail, input, "the local part has a leading, trailing or double dot")
	}
	for _, r := range local {
		if r < 0x80 && !isAtomText(byte(r)) && r != '.' {
			return domainError(ErrInvalidEmail, input, fmt.Sprintf("the local part contains the character %q", r))
		}
		if r >= 0x80 && r <= 0x9f || r == utf8.RuneError {
			return domainError(ErrInvalidEmail, input, "the local part contains a control character")
		}
	}
	return nil
}

// checkQuotedLocalPart checks the inside of a quoted local part: printable
// characters, with '"' and '\' only after a backslash.
func checkQuotedLocalPart(s, input string) error {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
		case c == '"' || c == '\\' || c < 0x20 || c == 0x7f:
			return domainError(ErrInvalidEmail, input, fmt.Sprintf("the quoted local part contains the character %q", rune(c)))
		}
	}
	return nil
}

// isAtomText reports whether c is an RFC 5322 atext character.
func isAtomText(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-/=?^_`{|}~", c) >= 0
}
