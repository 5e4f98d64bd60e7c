package match

import (
	"net/netip"
	"strings"
)

// domainPlaceholders are inputs, compared in lower case, that stand for "no
// value" in CRM exports.
var domainPlaceholders = map[string]bool{
	"n/a": true, "na": true, "n.a.": true, "n.a": true, "#n/a": true,
	"none": true, "(none)": true, "[none]": true, "<none>": true,
	"null": true, "nil": true, "nan": true, "undefined": true,
	"blank": true, "(blank)": true, "empty": true, "unknown": true,
	"tbd": true, "x": true, "xx": true, "xxx": true, "-": true, "--": true,
	"---": true, "\u2013": true, "\u2014": true, ".": true, "...": true,
	"?": true, "0": true, "@": true, "www": true, "www.": true,
	"http://www": true, "https://www": true, "http://www.": true,
	"https://www.": true, "no website": true, "no email": true,
	"noemail": true, "not available": true, "not applicable": true,
	"not provided": true, "none provided": true,
}

// maxPlaceholderLength is the length in bytes of the longest placeholder.
const maxPlaceholderLength = len("not applicable")

// trimAddressInput removes what surrounds an address or URL: white space,
// a display name with angle brackets, and a "mailto:" prefix with its
// query. It rejects long, empty and placeholder inputs.
func trimAddressInput(input string) (rest, displayName string, mailto bool, err error) {
	if len(input) > MaxDomainInputLength {
		return "", "", false, domainError(ErrInputTooLong, input, "the input is longer than 8192 bytes")
	}
	s := strings.TrimSpace(input)
	if s == "" {
		return "", "", false, domainError(ErrEmpty, input, "the input is empty")
	}
	// Spreadsheet exports wrap values in quotes and leave separators.
	for s != "" && (s[len(s)-1] == ',' || s[len(s)-1] == ';') {
		s = s[:len(s)-1]
	}
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if isDomainPlaceholder(s) {
		return "", "", false, domainError(ErrEmpty, input, "the input is a placeholder")
	}
	if strings.IndexByte(s, '<') >= 0 {
		display, address, ok := splitDisplayName(s)
		if !ok {
			return "", "", false, domainError(ErrInvalidHost, input, "an angle bracket is not closed")
		}
		displayName, s = display, strings.TrimSpace(address)
	}
	if len(s) >= 7 && strings.EqualFold(s[:7], "mailto:") {
		s = s[7:]
		// "mailto:a@x.com,b@y.com?subject=Hi" lists several recipients
		// and header fields, so the first recipient is kept.
		if i := strings.IndexAny(s, "?,"); i >= 0 {
			s = s[:i]
		}
		mailto = true
	}
	return firstListItem(s), displayName, mailto, nil
}

// firstListItem returns s up to the first comma or semicolon outside
// double quotes, or up to white space after a dot. A CRM field may list
// several addresses or add a comment, as in "jane@example.com (Jane Doe)",
// and the first address decides. White space before any dot stays, so
// "exa mple.com" remains one invalid host.
func firstListItem(s string) string {
	inQuote := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && inQuote:
			i++
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == ',' || c == ';':
			return s[:i]
		case (c == ' ' || c == '\t' || c == '\n' || c == '\r') && strings.IndexByte(s[:i], '.') >= 0:
			return s[:i]
		}
	}
	return s
}

// isDomainPlaceholder reports whether s, compared in lower case, is an
// empty value or a placeholder.
func isDomainPlaceholder(s string) bool {
	if s == "" {
		return true
	}
	if len(s) > maxPlaceholderLength {
		return false
	}
	// The only placeholders with a dot after the fourth byte start with
	// "http", so most host names skip the map lookup.
	if strings.IndexByte(s, '.') >= 0 && len(s) > 4 && !strings.HasPrefix(s, "http") && !strings.HasPrefix(s, "HTTP") {
		return false
	}
	return domainPlaceholders[strings.ToLower(s)]
}

// splitDomainInput returns the raw host in input. It does not validate the
// host.
func splitDomainInput(input string) (string, error) {
	s, _, mailto, err := trimAddressInput(input)
	if err != nil {
		return "", err
	}
	if !mailto {
		if n := schemeLength(s); n > 0 {
			s = s[n:]
		} else if strings.HasPrefix(s, "//") {
			s = s[2:]
		}
	}

	// The authority ends at the first path, query or fragment delimiter. A
	// backslash counts as a slash, as in WHATWG URL parsing. User info or
	// a mailbox ends at the last '@' before that.
	end, at := len(s), -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '/' || c == '?' || c == '#' || c == '\\' {
			end = i
			break
		}
		if c == '@' {
			at = i
		}
	}

	host, err := stripPort(s[at+1:end], input)
	if err != nil {
		return "", err
	}
	if isDomainPlaceholder(host) {
		// "http://" or "https://none" carry no host.
		return "", domainError(ErrEmpty, input, "the input contains no host")
	}
	return host, nil
}

// schemeLength returns the length of a leading "scheme://" (RFC 3986
// scheme syntax), or 0.
func schemeLength(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			if strings.HasPrefix(s[i:], "://") {
				return i + 3
			}
			return 0
		default:
			return 0
		}
	}
	return 0
}

// stripPort removes a ":port" suffix and rejects IP literals.
func stripPort(s, input string) (string, error) {
	if strings.HasPrefix(s, "[") {
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return "", domainError(ErrInvalidHost, input, "a '[' is not closed")
		}
		literal := s[1:end]
		if len(literal) > 5 && strings.EqualFold(literal[:5], "IPv6:") {
			literal = literal[5:] // an address literal in email (RFC 5321)
		}
		if _, err := netip.ParseAddr(literal); err == nil {
			return "", domainError(ErrIPAddress, input, "the host is an IP address")
		}
		return "", domainError(ErrInvalidHost, input, "the bracketed host is not an IP address")
	}
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return s, nil
	}
	if strings.IndexByte(s[colon+1:], ':') >= 0 {
		// More than one colon: an IPv6 address without brackets.
		if _, err := netip.ParseAddr(s); err == nil {
			return "", domainError(ErrIPAddress, input, "the host is an IP address")
		}
		return "", domainError(ErrInvalidHost, input, "the host contains more than one ':'")
	}
	port := s[colon+1:]
	for i := 0; i < len(port); i++ {
		if port[i] < '0' || port[i] > '9' {
			return "", domainError(ErrInvalidHost, input, "the port is not a number")
		}
	}
	return s[:colon], nil
}

// splitDisplayName splits `Display Name <address>` into the unquoted
// display name and the address. A '<' inside a quoted string or a comment
// is part of the name. ok is false when no '<' outside quotes is closed by
// a '>'.
func splitDisplayName(s string) (display, address string, ok bool) {
	inQuote, depth := false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && (inQuote || depth > 0):
			i++
		case c == '"' && depth == 0:
			inQuote = !inQuote
		case inQuote:
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == '<' && depth == 0:
			end := strings.IndexByte(s[i+1:], '>')
			if end < 0 {
				return "", "", false
			}
			return unquoteDisplayName(s[:i]), s[i+1 : i+1+end], true
		}
	}
	return "", "", false
}

// unquoteDisplayName trims a display name and removes its quotes and
// backslash escapes.
func unquoteDisplayName(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	s = s[1 : len(s)-1]
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
