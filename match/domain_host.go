package match

import (
	"fmt"
	"net/netip"
	"strings"

	"golang.org/x/net/idna"
)

// maxHostLength is the longest DNS name in octets, without the root dot
// (RFC 1035 section 3.1 allows 255 octets on the wire, which is 253 in
// text).
const maxHostLength = 253

// maxLabelLength is the longest DNS label in octets (RFC 1035 section 2.3.4).
const maxLabelLength = 63

// domainDots maps the full stops that UTS #46 treats as label separators to
// ".": U+3002 ideographic, U+FF0E full-width and U+FF61 half-width
// ideographic full stop. strings.Replacer is safe for concurrent use.
var domainDots = strings.NewReplacer("\u3002", ".", "\uff0e", ".", "\uff61", ".")

// normalizeHost returns host as lower-case IDNA A-labels without a trailing
// dot. It rejects IP addresses and hosts that are not valid DNS names. An
// underscore is accepted here, and ParseDomain rejects it in the registrable
// domain.
func normalizeHost(host, input string) (string, error) {
	ascii, upper := true, false
	for i := 0; i < len(host); i++ {
		c := host[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !ascii {
		host = domainDots.Replace(host)
	}
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		return "", domainError(ErrEmpty, input, "the host is empty")
	}
	if len(host) > 4*maxHostLength {
		return "", domainError(ErrInvalidHost, input, "the host is longer than 253 octets")
	}
	if !ascii && hasNonASCII(host) {
		a, err := idna.Lookup.ToASCII(host)
		if err != nil {
			return "", domainError(ErrInvalidHost, input, "the host is not a valid internationalized domain name")
		}
		host = a
	} else if upper {
		host = strings.ToLower(host)
	}
	if len(host) > maxHostLength {
		return "", domainError(ErrInvalidHost, input, "the host is longer than 253 octets")
	}
	if err := checkHostLabels(host, input); err != nil {
		return "", err
	}
	return host, nil
}

// checkHostLabels checks the labels of a lower-case ASCII host: 1 to 63
// octets of letters, digits, hyphens and underscores, no hyphen at either
// end, valid punycode after "xn--", and an alphabetic or "xn--" top-level
// label (RFC 1123 section 2.1), which also rejects IPv4 addresses.
func checkHostLabels(host, input string) error {
	start := 0
	for start <= len(host) {
		end := strings.IndexByte(host[start:], '.')
		if end < 0 {
			end = len(host)
		} else {
			end += start
		}
		label := host[start:end]
		if label == "" {
			return domainError(ErrInvalidHost, input, "the host has an empty label")
		}
		if len(label) > maxLabelLength {
			return domainError(ErrInvalidHost, input, "a label is longer than 63 octets")
		}
		if label[0] == '-' || label[len(label)-1] == '-' {
			return domainError(ErrInvalidHost, input, "a label starts or ends with a hyphen")
		}
		for i := 0; i < len(label); i++ {
			c := label[i]
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return domainError(ErrInvalidHost, input, fmt.Sprintf("the host contains the character %q", rune(c)))
			}
		}
		if strings.HasPrefix(label, "xn--") {
			u, err := idna.Lookup.ToUnicode(label)
			if err != nil || u == label {
				return domainError(ErrInvalidHost, input, fmt.Sprintf("the label %q is not valid punycode", label))
			}
			if back, err := idna.Lookup.ToASCII(u); err != nil || back != label {
				return domainError(ErrInvalidHost, input, fmt.Sprintf("the label %q is not valid punycode", label))
			}
		}
		if end == len(host) {
			return checkTopLabel(host, label, input)
		}
		start = end + 1
	}
	return nil
}

// checkTopLabel rejects IP addresses and top-level labels that are not
// alphabetic. Inputs such as "127.0.0" or "0x7f.1" are IPv4 addresses to a
// WHATWG URL parser, so a host whose labels are all numbers is reported as
// an IP address.
func checkTopLabel(host, top, input string) error {
	if strings.HasPrefix(top, "xn--") {
		return nil
	}
	alphabetic := true
	for i := 0; i < len(top); i++ {
		if top[i] < 'a' || top[i] > 'z' {
			alphabetic = false
			break
		}
	}
	if alphabetic {
		return nil
	}
	if _, err := netip.ParseAddr(host); err == nil || allNumericLabels(host) {
		return domainError(ErrIPAddress, input, "the host is an IP address")
	}
	return domainError(ErrInvalidHost, input, fmt.Sprintf("the top-level label %q is not alphabetic", top))
}

// allNumericLabels reports whether every label is a decimal, octal or 0x
// hexadecimal number, the forms a URL parser reads as IPv4 parts.
func allNumericLabels(host string) bool {
	labels := strings.Split(host, ".")
	if len(labels) > 4 {
		return false
	}
	for _, label := range labels {
		digits := label
		if strings.HasPrefix(label, "0x") {
			digits = label[2:]
		}
		if digits == "" && label != "0x" {
			return false
		}
		for i := 0; i < len(digits); i++ {
			c := digits[i]
			hex := digits != label && ('a' <= c && c <= 'f')
			if !('0' <= c && c <= '9') && !hex {
				return false
			}
		}
	}
	return true
}

func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}
