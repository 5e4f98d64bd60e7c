package match

import (
	"fmt"
	"net/netip"
	"net/url"
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

// host is a host name in lower-case ASCII with the position of its
// rightmost label that is not a valid IDNA 2008 host label.
type host struct {
	name string
	// strictEnd is the end offset in name of the rightmost label that
	// fails the strict check, or -1. ParseDomain rejects the host when
	// that label lies inside the registrable domain.
	strictEnd int
	// strictReason is the reason that label fails.
	strictReason string
}

// normalizeHost returns raw as lower-case IDNA A-labels without a trailing
// dot. Every label must be a valid DNS label in the loose sense of the
// WHATWG URL Standard (no forbidden domain code point). The result records
// the rightmost label that also fails the strict host-name rules, so that
// ParseDomain can accept a malformed subdomain under a valid registrable
// domain, as browsers do.
func normalizeHost(raw, input string) (host, error) {
	if h, ok := normalizeStrictASCIIHost(raw); ok {
		top := h.name[strings.LastIndexByte(h.name, '.')+1:]
		if err := checkTopLabel(h.name, top, input); err != nil {
			return host{}, err
		}
		return h, nil
	}

	if strings.IndexByte(raw, '%') >= 0 {
		// A URL may percent-encode its host, and the WHATWG URL Standard
		// decodes it before the IDNA conversion.
		decoded, err := url.PathUnescape(raw)
		if err != nil {
			return host{}, domainError(ErrInvalidHost, input, "the host has an invalid percent-encoding")
		}
		raw = decoded
	}
	if hasNonASCII(raw) {
		raw = domainDots.Replace(raw)
	}
	raw = strings.TrimSuffix(raw, ".")
	if raw == "" {
		return host{}, domainError(ErrEmpty, input, "the host is empty")
	}

	// Rejecting a raw host over 4 x 253 bytes bounds the cost of the IDNA
	// conversion. Only runes that the mapping deletes, such as soft
	// hyphens, could shrink such a host to 253 octets.
	if len(raw) > 4*maxHostLength {
		return host{}, domainError(ErrInputTooLong, input, "the host is longer than 253 octets")
	}

	h, err := normalizeLabels(raw, input)
	if err != nil {
		return host{}, err
	}
	if len(h.name) > maxHostLength {
		return host{}, domainError(ErrInputTooLong, input, "the host is longer than 253 octets")
	}
	top := h.name[strings.LastIndexByte(h.name, '.')+1:]
	if err := checkTopLabel(h.name, top, input); err != nil {
		return host{}, err
	}
	return h, nil
}

// normalizeLabels converts each label of raw with normalizeLabel and joins
// them, copying only from the first label that changes.
func normalizeLabels(raw, input string) (host, error) {
	h := host{strictEnd: -1}
	var b strings.Builder
	changed := false
	for start := 0; start <= len(raw); {
		end := strings.IndexByte(raw[start:], '.')
		if end < 0 {
			end = len(raw)
		} else {
			end += start
		}
		label, reason, err := normalizeLabel(raw[start:end], input)
		if err != nil {
			return host{}, err
		}
		if label != raw[start:end] && !changed {
			changed = true
			b.Grow(len(raw) + 16)
			b.WriteString(raw[:start])
		}
		if changed {
			b.WriteString(label)
		}
		if reason != "" {
			h.strictEnd, h.strictReason = b.Len(), reason
			if !changed {
				h.strictEnd = end
			}
		}
		if end == len(raw) {
			break
		}
		if changed {
			b.WriteByte('.')
		}
		start = end + 1
	}
	h.name = raw
	if changed {
		h.name = b.String()
	}
	return h, nil
}

// hostByteStrict marks the bytes of a strict host label in lower case:
// letters, digits, hyphen and underscore.
var hostByteStrict = func() (table [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		table[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		table[c] = true
	}
	table['-'], table['_'] = true, true
	return table
}()

// normalizeStrictASCIIHost is the fast path of normalizeHost for the common
// host: ASCII letters, digits, hyphens and underscores, labels of 1 to 63
// octets without a hyphen at either end, no "xn--" label, at most 253
// octets and an optional trailing dot. ok is false for any other input,
// which then takes the general path.
func normalizeStrictASCIIHost(raw string) (h host, ok bool) {
	name := strings.TrimSuffix(raw, ".")
	if name == "" || len(name) > maxHostLength {
		return host{}, false
	}
	upper := false
	labelStart := 0
	for i := 0; i <= len(name); i++ {
		if i == len(name) || name[i] == '.' {
			n := i - labelStart
			if n == 0 || n > maxLabelLength || name[labelStart] == '-' || name[i-1] == '-' {
				return host{}, false
			}
			if n >= 4 && (name[labelStart+2] == '-' && name[labelStart+3] == '-') {
				return host{}, false // "xn--" or another reserved "??--" label
			}
			labelStart = i + 1
			continue
		}
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			upper = true
			continue
		}
		if !hostByteStrict[c] {
			return host{}, false
		}
	}
	if upper {
		name = strings.ToLower(name)
	}
	return host{name: name, strictEnd: -1}, true
}

// normalizeLabel returns one label in lower-case ASCII. reason is non-empty
// when the label breaks the strict rules (letters, digits, hyphens and
// underscores, no hyphen at either end, valid punycode after "xn--") but is
// still a loose WHATWG label. err is set when it is not even that.
func normalizeLabel(label, input string) (out, reason string, err error) {
	if label == "" {
		return "", "", domainError(ErrInvalidHost, input, "the host has an empty label")
	}
	if hasNonASCII(label) {
		a, idnaErr := idna.Lookup.ToASCII(label)
		// The mapping may delete every rune, as it does for a lone
		// variation selector, which leaves an empty label.
		if idnaErr != nil || a == "" || hasNonASCII(a) || strings.IndexByte(a, '.') >= 0 {
			return "", "", domainError(ErrInvalidHost, input, fmt.Sprintf("the label %q is not a valid internationalized label", label))
		}
		label = a
	} else {
		label = asciiLower(label)
	}
	if len(label) > maxLabelLength {
		return "", "", domainError(ErrInvalidHost, input, "a label is longer than 63 octets")
	}
	for i := 0; i < len(label); i++ {
		c := label[i]
		if c <= ' ' || c == 0x7f || strings.IndexByte(forbiddenDomainCodePoints, c) >= 0 {
			return "", "", domainError(ErrInvalidHost, input, fmt.Sprintf("the host contains the character %q", rune(c)))
		}
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') && reason == "" {
			reason = fmt.Sprintf("the label %q contains the character %q", label, rune(c))
		}
	}
	if reason != "" {
		return label, reason, nil
	}
	if label[0] == '-' || label[len(label)-1] == '-' {
		return label, fmt.Sprintf("the label %q starts or ends with a hyphen", label), nil
	}
	if strings.HasPrefix(label, "xn--") && !validALabel(label) {
		return label, fmt.Sprintf("the label %q is not valid punycode", label), nil
	}
	return label, "", nil
}

// forbiddenDomainCodePoints are the printable ASCII characters that the
// WHATWG URL Standard forbids in a domain, besides controls and space.
const forbiddenDomainCodePoints = "#%/:<>?@[\\]^|"

// validALabel reports whether an "xn--" label decodes to a valid U-label
// and encodes back to itself.
func validALabel(label string) bool {
	u, err := idna.Lookup.ToUnicode(label)
	if err != nil || u == label {
		return false
	}
	back, err := idna.Lookup.ToASCII(u)
	return err == nil && back == label
}

// asciiLower lower-cases ASCII letters, allocating only when needed.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// checkTopLabel rejects IP addresses and top-level labels that are not
// alphabetic with two or more letters, or A-labels (RFC 1123 section 2.1
// requires an alphabetic top label). Inputs such as "127.0.0" or "0x7f.1" are IPv4 addresses to a
// WHATWG URL parser, so a host whose labels are all numbers is reported as
// an IP address.
func checkTopLabel(host, top, input string) error {
	if strings.HasPrefix(top, "xn--") && validALabel(top) {
		return nil
	}
	// Every delegated top-level domain has at least two letters, and a
	// one-letter label would let placeholders such as "n.a" through.
	alphabetic := len(top) >= 2
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
	return domainError(ErrInvalidHost, input, fmt.Sprintf("the top-level label %q is neither two or more letters nor a valid A-label", top))
}

// allNumericLabels reports whether host has at most four labels and each
// is a decimal, octal or 0x hexadecimal number, the forms a URL parser
// reads as IPv4 parts.
func allNumericLabels(host string) bool {
	labels := strings.Split(host, ".")
	if len(labels) > 4 {
		return false
	}
	for _, label := range labels {
		digits, isHex := strings.CutPrefix(label, "0x")
		if digits == "" && !isHex {
			return false
		}
		for i := 0; i < len(digits); i++ {
			c := digits[i]
			if !('0' <= c && c <= '9') && !(isHex && 'a' <= c && c <= 'f') {
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
