package match

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// SuffixSection is the part of the Public Suffix List that a public suffix
// comes from.
type SuffixSection uint8

const (
	// SuffixUnlisted marks a suffix that no rule of the list matches. The
	// list's implicit "*" rule then makes the top-level label the suffix,
	// so "example.example" is a registrable domain.
	SuffixUnlisted SuffixSection = iota
	// SuffixICANN marks a suffix from the ICANN section: top-level domains
	// and the second-level domains their registries operate, such as co.uk.
	SuffixICANN
	// SuffixPrivate marks a suffix from the PRIVATE section: domains whose
	// owners hand out subdomains, such as myshopify.com, github.io or uk.com.
	SuffixPrivate
)

// String returns "unlisted", "icann" or "private".
func (s SuffixSection) String() string {
	switch s {
	case SuffixICANN:
		return "icann"
	case SuffixPrivate:
		return "private"
	default:
		return "unlisted"
	}
}

// SuffixList is a Public Suffix List (https://publicsuffix.org). The zero
// value is not usable. Use DefaultSuffixList for the copy compiled into
// golang.org/x/net/publicsuffix, or ParseSuffixList to load a newer
// public_suffix_list.dat. A SuffixList is immutable and safe for concurrent
// use.
type SuffixList struct {
	// rules maps a rule without its "*." or "!" prefix to its flags. A nil
	// map selects golang.org/x/net/publicsuffix.
	rules   map[string]suffixRule
	version string
	count   int
}

// suffixRule is a bit set of the rule forms that share one name. The low
// three bits hold ICANN rules and the next three hold PRIVATE rules, so a
// name listed in both sections keeps both.
type suffixRule uint8

const (
	ruleNormal    suffixRule = 1 << iota // "name"
	ruleWildcard                         // "*.name"
	ruleException                        // "!name"

	privateShift = 3
)

var defaultSuffixList = &SuffixList{version: publicsuffix.List.String()}

// DefaultSuffixList returns the list compiled into golang.org/x/net/publicsuffix,
// including its PRIVATE section.
func DefaultSuffixList() *SuffixList {
	return defaultSuffixList
}

// Version returns the list's provenance. For the default list it is the text
// of golang.org/x/net/publicsuffix.List.String, which names the list's git
// revision and date. For a parsed list it is the name given to
// ParseSuffixList.
func (l *SuffixList) Version() string {
	return l.version
}

// RuleCount returns the number of rules in a parsed list, or 0 for the
// default list, whose rules golang.org/x/net does not expose.
func (l *SuffixList) RuleCount() int {
	return l.count
}

// maxSuffixListLine is the maximum length of one line of a list file, far
// above the longest line of the 2026-08 list (under 200 bytes).
const maxSuffixListLine = 64 * 1024

// ParseSuffixList reads a list in the public_suffix_list.dat format: one
// rule per line, "//" comments, "*." wildcard rules, "!" exception rules, and
// the "===BEGIN PRIVATE DOMAINS===" and "===END PRIVATE DOMAINS===" comment
// markers that delimit the PRIVATE section. Only the first white-space
// separated word of a line is read, as the format specifies. Rules written
// in Unicode are stored as IDNA A-labels. name is stored as the list's
// Version. ParseSuffixList returns an error for an unreadable reader, a line
// longer than 64 KiB, an invalid rule, or a list without rules.
func ParseSuffixList(r io.Reader, name string) (*SuffixList, error) {
	l := &SuffixList{rules: make(map[string]suffixRule), version: name}
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 0, 4096), maxSuffixListLine)
	private := false
	lineNumber := 0
	for scanner.Scan() {
		lineNumber++
		line := strings.TrimSpace(scanner.Text())
		if strings.HasPrefix(line, "//") {
			switch {
			case strings.Contains(line, "===BEGIN PRIVATE DOMAINS==="):
				private = true
			case strings.Contains(line, "===END PRIVATE DOMAINS==="):
				private = false
			}
			continue
		}
		if line == "" {
			continue
		}
		if i := strings.IndexAny(line, " \t"); i >= 0 {
			line = line[:i]
		}
		name, form := line, ruleNormal
		switch {
		case strings.HasPrefix(name, "!"):
			name, form = name[1:], ruleException
		case strings.HasPrefix(name, "*."):
			name, form = name[2:], ruleWildcard
		}
		ascii, err := suffixRuleToASCII(name)
		if err != nil {
			return nil, fmt.Errorf("match: invalid public suffix rule %q on line %d: %w", line, lineNumber, err)
		}
		if private {
			form <<= privateShift
		}
		l.rules[ascii] |= form
		l.count++
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("match: reading public suffix list %q failed after line %d: %w", name, lineNumber, err)
	}
	if l.count == 0 {
		return nil, fmt.Errorf("match: public suffix list %q contains no rules", name)
	}
	return l, nil
}

// suffixRuleToASCII converts one rule name to lower-case A-labels.
func suffixRuleToASCII(name string) (string, error) {
	if name == "" || strings.Contains(name, "*") || strings.Contains(name, "!") {
		return "", fmt.Errorf("wildcards and exceptions are allowed only as the leading label")
	}
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			return idna.Lookup.ToASCII(name)
		}
	}
	return strings.ToLower(name), nil
}

// PublicSuffix returns the public suffix of host and the section of the rule
// that produced it. host must be lower-case ASCII without a trailing dot, as
// ParseDomain produces. An unlisted top-level label is its own suffix, with
// SuffixUnlisted.
func (l *SuffixList) PublicSuffix(host string) (string, SuffixSection) {
	if l.rules == nil {
		return defaultPublicSuffix(host)
	}
	return l.lookup(host, false)
}

// defaultPublicSuffix wraps golang.org/x/net/publicsuffix, which reports
// icann=false for both PRIVATE rules and the implicit rule. No PRIVATE rule
// has a single label, so a single-label suffix with icann=false is unlisted.
func defaultPublicSuffix(host string) (string, SuffixSection) {
	suffix, icann := publicsuffix.PublicSuffix(host)
	switch {
	case icann:
		return suffix, SuffixICANN
	case strings.IndexByte(suffix, '.') < 0:
		return suffix, SuffixUnlisted
	default:
		return suffix, SuffixPrivate
	}
}

// icannSuffix returns the longest suffix of host that an ICANN rule gives,
// ignoring the PRIVATE section.
func (l *SuffixList) icannSuffix(host string) (string, SuffixSection) {
	if l.rules != nil {
		return l.lookup(host, true)
	}
	suffix, section := defaultPublicSuffix(host)
	// A PRIVATE rule always sits below an ICANN suffix, so dropping its
	// leftmost label and asking again reaches the ICANN rule.
	for section == SuffixPrivate {
		suffix = suffix[strings.IndexByte(suffix, '.')+1:]
		suffix, section = defaultPublicSuffix(suffix)
	}
	return suffix, section
}

// lookup applies the list's algorithm: the longest matching rule wins, an
// exception rule wins over a wildcard and removes its leftmost label, and
// with no match the top-level label is the suffix.
func (l *SuffixList) lookup(host string, icannOnly bool) (string, SuffixSection) {
	// Walk the candidate suffixes from the longest to the shortest. The
	// first one that some rule matches is the longest match.
	candidate := host
	for {
		forms, section := l.ruleForms(candidate, icannOnly)
		if forms&ruleException != 0 {
			// "!www.ck": the suffix is the candidate minus its first label.
			return candidate[strings.IndexByte(candidate, '.')+1:], section
		}
		dot := strings.IndexByte(candidate, '.')
		if dot >= 0 {
			// A wildcard on the parent makes the whole candidate a suffix.
			parentForms, parentSection := l.ruleForms(candidate[dot+1:], icannOnly)
			if parentForms&ruleWildcard != 0 {
				return candidate, parentSection
			}
		}
		if forms&ruleNormal != 0 {
			return candidate, section
		}
		if dot < 0 {
			return candidate, SuffixUnlisted
		}
		candidate = candidate[dot+1:]
	}
}

// ruleForms returns the rule forms listed for name and their section. ICANN
// rules take precedence when a name is in both sections.
func (l *SuffixList) ruleForms(name string, icannOnly bool) (suffixRule, SuffixSection) {
	rule := l.rules[name]
	if icann := rule & (1<<privateShift - 1); icann != 0 || icannOnly {
		return icann, SuffixICANN
	}
	return rule >> privateShift, SuffixPrivate
}
