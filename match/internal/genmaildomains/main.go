// Command genmaildomains writes maildomains_data.go, the mail-provider
// domain lists that package match embeds. Run it with "go generate" in the
// match directory. It reads three npm packages copied under ../testdata:
// freemail (ISC), disposable-email-domains (MIT) and email-providers (ISC),
// and applies the curation tables in curation.go.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// source is one upstream package.
type source struct {
	name    string // npm package name
	dir     string // folder under testdata
	license string
	version string   // read from the folder's SOURCE.md
	domains []string // every domain the package lists
}

var sources = []*source{
	{name: "freemail", dir: "npm-freemail", license: "ISC"},
	{name: "disposable-email-domains", dir: "npm-disposable-email-domains", license: "MIT"},
	{name: "email-providers", dir: "npm-email-providers", license: "ISC"},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("genmaildomains: ")
	testdata := filepath.Join("..", "testdata")
	for _, s := range sources {
		v, err := readVersion(filepath.Join(testdata, s.dir, "SOURCE.md"), s.name)
		if err != nil {
			log.Fatal(err)
		}
		s.version = v
	}

	freemail := filepath.Join(testdata, "npm-freemail")
	free := mustReadLines(filepath.Join(freemail, "free.txt"))
	freemailDisposable := mustReadLines(filepath.Join(freemail, "disposable.txt"))
	refusedZones := mustReadLines(filepath.Join(freemail, "blacklist.txt"))
	disposable := mustReadJSON(filepath.Join(testdata, "npm-disposable-email-domains", "index.json"))
	zones := mustReadJSON(filepath.Join(testdata, "npm-disposable-email-domains", "wildcard.json"))
	providers := mustReadJSON(filepath.Join(testdata, "npm-email-providers", "all.json"))
	sources[0].domains = append(append([]string{}, free...), freemailDisposable...)
	sources[1].domains = append(append([]string{}, disposable...), zones...)
	sources[2].domains = providers

	b := newBuilder(refusedZones)
	// Later calls do not override earlier ones, so the order sets the
	// precedence: curated kinds first, then freemail's free list (which the
	// package keeps disjoint from its disposable list), then the disposable
	// lists, then the remaining email-providers domains as free mail.
	b.addAll(curatedProviderCompanies, kindFreeMail, true)
	b.addAll(curatedISPCompanies, kindISP, true)
	b.addAll(curatedISPs, kindISP, false)
	b.addAll(curatedFreeMail, kindFreeMail, false)
	b.addAll(free, kindFreeMail, false)
	b.addZones(zones)
	b.addAll(freemailDisposable, kindDisposable, false)
	b.addAll(disposable, kindDisposable, false)
	b.addAll(providers, kindFreeMail, false)

	var out bytes.Buffer
	b.write(&out)
	formatted, err := format.Source(out.Bytes())
	if err != nil {
		log.Fatalf("formatting the output failed: %v", err)
	}
	if err := os.WriteFile("maildomains_data.go", formatted, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote maildomains_data.go: %d domains, %d skipped", len(b.kinds), b.skipped)
}

var versionLine = regexp.MustCompile("^# npm package `([^`]+)` ([0-9][0-9A-Za-z.+-]*)")

// readVersion reads the package version from the first line of SOURCE.md,
// "# npm package `name` version".
func readVersion(path, name string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	first, _, _ := strings.Cut(string(data), "\n")
	m := versionLine.FindStringSubmatch(first)
	if m == nil || m[1] != name {
		return "", fmt.Errorf("%s: first line %q does not name npm package %s and its version", path, first, name)
	}
	return m[2], nil
}

func mustReadLines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var lines []string
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		if line := strings.TrimSpace(scanner.Text()); line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	if err := scanner.Err(); err != nil {
		log.Fatalf("reading %s failed: %v", path, err)
	}
	return lines
}

func mustReadJSON(path string) []string {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	var domains []string
	if err := json.Unmarshal(data, &domains); err != nil {
		log.Fatalf("%s is not a JSON array of strings: %v", path, err)
	}
	return domains
}

type kind uint8

const (
	kindFreeMail kind = iota + 1
	kindISP
	kindDisposable
)

// entry is the classification of one domain.
type entry struct {
	kind            kind
	providerCompany bool
	subdomains      bool
}

type builder struct {
	kinds        map[string]entry
	refusedZones []string
	skipped      int
}

func newBuilder(refusedZones []string) *builder {
	b := &builder{kinds: make(map[string]entry), refusedZones: refusedZones}
	return b
}

// validDomain matches a lower-case ASCII domain name with at least two
// labels and an alphabetic or "xn--" top-level label, as the parser
// requires.
var validDomain = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$`)

// accept reports whether domain may enter the lists, counting rejects.
func (b *builder) accept(domain string) bool {
	if !validDomain.MatchString(domain) || notProvider[domain] {
		b.skipped++
		return false
	}
	// A public suffix (edu.pl, spb.ru) never names one provider, and the
	// parser never looks it up.
	if suffix, _ := publicsuffix.PublicSuffix(domain); suffix == domain {
		b.skipped++
		return false
	}
	for _, zone := range b.refusedZones {
		if strings.HasSuffix(domain, zone) {
			b.skipped++
			return false
		}
	}
	return true
}

func (b *builder) addAll(domains []string, k kind, providerCompany bool) {
	for _, d := range domains {
		d = normalizeEntry(d)
		if _, seen := b.kinds[d]; seen || !b.accept(d) {
			continue
		}
		b.kinds[d] = entry{kind: k, providerCompany: providerCompany}
	}
}

func (b *builder) addZones(domains []string) {
	for _, d := range domains {
		d = normalizeEntry(d)
		if _, seen := b.kinds[d]; seen || !b.accept(d) {
			continue
		}
		b.kinds[d] = entry{kind: kindDisposable, subdomains: true}
	}
}

// normalizeEntry lower-cases an upstream entry and removes a leading
// "www.", which names the same mail service. The parser relies on this
// and never looks up a "www." name.
func normalizeEntry(d string) string {
	return strings.TrimPrefix(strings.ToLower(strings.TrimSpace(d)), "www.")
}

// list returns the sorted domains whose entry is e.
func (b *builder) list(e entry) []string {
	var out []string
	for d, got := range b.kinds {
		if got == e {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}

func (b *builder) write(w *bytes.Buffer) {
	fmt.Fprintln(w, "// Code generated by genmaildomains; DO NOT EDIT.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "package match")
	fmt.Fprintln(w)

	fmt.Fprintf(w, "// mailDomainCount is the number of domains in all lists below.\n")
	fmt.Fprintf(w, "const mailDomainCount = %d\n\n", len(b.kinds))
	fmt.Fprintln(w, "// mailDomainSources are the upstream lists, with the number of domains")
	fmt.Fprintln(w, "// each one contributes after curation.")
	fmt.Fprintln(w, "var mailDomainSources = [...]MailDomainSource{")
	for _, s := range sources {
		count := 0
		for _, d := range s.domains {
			if _, ok := b.kinds[normalizeEntry(d)]; ok {
				count++
			}
		}
		fmt.Fprintf(w, "\t{Name: %q, Version: %q, License: %q, URL: %q, Count: %d},\n",
			s.name, s.version, s.license, "https://www.npmjs.com/package/"+s.name, count)
	}
	fmt.Fprintln(w, "}")

	lists := []struct {
		name, doc string
		e         entry
	}{
		{"freeMailDomains", "consumer mail providers", entry{kind: kindFreeMail}},
		{"providerCompanyFreeMailDomains", "consumer mail providers whose domain is also the company's website", entry{kind: kindFreeMail, providerCompany: true}},
		{"ispMailDomains", "internet providers' subscriber mail domains", entry{kind: kindISP}},
		{"providerCompanyISPDomains", "internet providers' mail domains that are also the company's website", entry{kind: kindISP, providerCompany: true}},
		{"disposableMailDomains", "throw-away mail services", entry{kind: kindDisposable}},
		{"disposableMailZones", "throw-away mail services whose subdomains are throw-away too", entry{kind: kindDisposable, subdomains: true}},
	}
	for _, l := range lists {
		domains := b.list(l.e)
		fmt.Fprintf(w, "\n// %s lists %d %s, sorted, one per line.\n", l.name, len(domains), l.doc)
		fmt.Fprintf(w, "const %s = %q\n", l.name, strings.Join(domains, "\n"))
	}
}
