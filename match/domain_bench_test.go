package match

import (
	"encoding/csv"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/publicsuffix"
)

// benchmarkInputs returns the website column of the ROR subset as full
// URLs, the clean host of each URL, and an email address at each host.
func benchmarkInputs(b *testing.B) (urls, hosts, emails []string) {
	b.Helper()
	f, err := os.Open("../testdata/ror-records-subset/ror_orgs.csv")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		b.Fatal(err)
	}

	column := -1
	for i, name := range rows[0] {
		if name == "website" {
			column = i
		}
	}
	if column < 0 {
		b.Fatal("ror_orgs.csv has no website column")
	}

	for _, row := range rows[1:] {
		website := row[column]
		u, err := url.Parse(website)
		if err != nil || u.Hostname() == "" {
			continue
		}
		host := strings.ToLower(u.Hostname())
		registrable, err := publicsuffix.EffectiveTLDPlusOne(host)
		if err != nil {
			continue
		}
		urls = append(urls, website)
		hosts = append(hosts, host)
		emails = append(emails, "Jane Doe <jane.doe@"+registrable+">")
	}
	if len(urls) < 1000 {
		b.Fatalf("only %d usable websites", len(urls))
	}
	return urls, hosts, emails
}

var benchmarkSink string

// BenchmarkParseDomain measures the parser on the ROR websites, as clean
// hosts, full URLs and email addresses, against a floor: the x/net lookup
// publicsuffix.EffectiveTLDPlusOne on the clean hosts. Compare the
// sub-benchmarks of one run, since the machine's load shifts all of them.
func BenchmarkParseDomain(b *testing.B) {
	urls, hosts, emails := benchmarkInputs(b)
	embeddedMailDomains() // build the lists outside the timers
	b.Run("baseline=EffectiveTLDPlusOne", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			d, _ := publicsuffix.EffectiveTLDPlusOne(hosts[i%len(hosts)])
			benchmarkSink = d
		}
	})
	b.Run("host", func(b *testing.B) { benchmarkParseDomain(b, hosts) })
	b.Run("url", func(b *testing.B) { benchmarkParseDomain(b, urls) })
	b.Run("email", func(b *testing.B) { benchmarkParseDomain(b, emails) })
	b.Run("ParseEmail", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			e, err := ParseEmail(emails[i%len(emails)])
			if err != nil {
				b.Fatal(err)
			}
			benchmarkSink = e.LocalPart
		}
	})
}

func benchmarkParseDomain(b *testing.B, inputs []string) {
	for i := 0; b.Loop(); i++ {
		d, err := ParseDomain(inputs[i%len(inputs)])
		if err != nil {
			b.Fatal(err)
		}
		benchmarkSink = d.Registrable
	}
}

// BenchmarkMailDomainsBuild measures the one-time cost of building the
// lookup map from the embedded lists.
func BenchmarkMailDomainsBuild(b *testing.B) {
	for b.Loop() {
		m := buildMailDomains()
		if len(m.small) == 0 {
			b.Fatal("built an empty table")
		}
	}
}

// BenchmarkParseDomainRatio reports the parser's cost as a multiple of the
// floor. Each iteration times one pass over all inputs for the floor and
// for each parser case, back to back, and the fastest pass of each is
// kept, so a busy machine slows the ratios less than separate benchmarks.
func BenchmarkParseDomainRatio(b *testing.B) {
	urls, hosts, emails := benchmarkInputs(b)
	embeddedMailDomains()
	pass := func(run func(string)) func([]string) float64 {
		return func(inputs []string) float64 {
			start := time.Now()
			for _, input := range inputs {
				run(input)
			}
			return float64(time.Since(start).Nanoseconds()) / float64(len(inputs))
		}
	}
	floor := pass(func(host string) { benchmarkSink, _ = publicsuffix.EffectiveTLDPlusOne(host) })
	parse := pass(func(input string) {
		d, _ := ParseDomain(input)
		benchmarkSink = d.Registrable
	})
	best := map[string]float64{}
	keep := func(name string, ns float64) {
		if old, ok := best[name]; !ok || ns < old {
			best[name] = ns
		}
	}
	for b.Loop() {
		keep("floor", floor(hosts))
		keep("host", parse(hosts))
		keep("url", parse(urls))
		keep("email", parse(emails))
	}
	b.ReportMetric(best["floor"], "floor-ns/input")
	for _, name := range []string{"host", "url", "email"} {
		b.ReportMetric(best[name], name+"-ns/input")
		b.ReportMetric(best[name]/best["floor"], name+"-x-floor")
	}
}
