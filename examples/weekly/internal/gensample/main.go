// Command gensample writes the embedded sample of examples/weekly: a target
// account list of S&P 500 companies, 26 weeks of marketing and sales
// touchpoints and the CRM stage changes with opportunity amounts. Every
// random choice comes from one fixed seed. Run it through go generate in
// examples/weekly; sample/README.md describes the output.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// defaultSeed fixes every random choice, so the sample is the same on each
// run. It was picked among nearby seeds for a final week with handoffs, an
// opportunity and an account newly reached by both teams.
const defaultSeed = 20261117

// Sample shape. The touches run from start for weeks weeks, and the last
// touch falls before dataEnd, a Friday evening, so the default report week
// is the sample's last week.
const (
	targetCount   = 150
	outsiderCount = 12
	weeks         = 26
	// engagementScore matches the -engagement-score default of the
	// weekly program, so MQA stage changes line up with its handoff queue.
	engagementScore = 10
)

var (
	start   = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	dataEnd = time.Date(2026, 11, 27, 18, 0, 0, 0, time.UTC)
)

// campaign is one marketing programme. affinity raises or lowers its
// response in a GICS sector, so the best campaign differs by sector.
type campaign struct {
	name, channel, kind string
	weight              float64
	affinity            map[string]float64
}

var campaigns = []campaign{
	{"cloud cost webinar", "webinar", "webinar_attended", 5, map[string]float64{"Information Technology": 3, "Communication Services": 2}},
	{"CFO roundtable", "event", "event_attended", 8, map[string]float64{"Financials": 3, "Real Estate": 2}},
	{"supply chain report", "content", "download", 3, map[string]float64{"Industrials": 3, "Materials": 2, "Consumer Staples": 2}},
	{"ABM display", "paid_social", "ad_click", 1, nil},
	{"nurture email", "email", "email_click", 1, nil},
	{"compliance workshop", "event", "event_attended", 6, map[string]float64{"Health Care": 3, "Utilities": 2, "Energy": 2}},
	{"", "web", "page_view", 2, nil},
}

var salesKinds = []struct {
	channel, kind string
	weight        float64
}{
	{"phone", "call", 1},
	{"email", "email_sent", 1},
	{"linkedin", "inmail", 1},
	{"meeting", "meeting", 3},
}

var firstNames = []string{"ana", "ben", "chen", "dara", "eli", "fatima", "gus", "hana", "ivan", "jo", "kofi", "lena", "mei", "nils", "omar", "priya"}
var lastNames = []string{"alvarez", "brooks", "cho", "diaz", "evans", "fischer", "garcia", "huang", "iyer", "jensen", "kim", "lopez", "moreau", "novak", "okafor", "patel"}

type company struct {
	symbol, name, sector string
}

type touch struct {
	at                                             time.Time
	team, channel, contact, kind, campaign, source string
	weight                                         float64
}

type stage struct {
	at     time.Time
	name   string
	amount float64
}

func main() {
	data := flag.String("data", "../../testdata", "folder holding the copied public data sets")
	out := flag.String("out", "sample", "folder to write targets.csv, touchpoints.csv and stages.csv into")
	seed := flag.Uint64("seed", defaultSeed, "`seed` of every random choice")
	flag.Parse()
	if err := run(*data, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gensample:", err)
		os.Exit(1)
	}
}

func run(data, out string, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed))
	companies, err := readSP500(filepath.Join(data, "sp500-constituents", "constituents.csv"))
	if err != nil {
		return err
	}
	rng.Shuffle(len(companies), func(i, j int) { companies[i], companies[j] = companies[j], companies[i] })
	if len(companies) < targetCount+outsiderCount {
		return fmt.Errorf("need %d companies, the constituents list has %d", targetCount+outsiderCount, len(companies))
	}
	targets := slices.Clone(companies[:targetCount])
	outsiders := companies[targetCount : targetCount+outsiderCount]
	slices.SortFunc(targets, func(a, b company) int { return strings.Compare(a.symbol, b.symbol) })

	targetRows := [][]string{{"account_id", "name", "segment"}}
	for _, c := range targets {
		targetRows = append(targetRows, []string{c.symbol, c.name, c.sector})
	}

	touchRows := [][]string{{"account_id", "timestamp", "team", "channel", "contact", "type", "campaign", "source", "weight"}}
	stageRows := [][]string{{"account_id", "stage", "timestamp", "amount"}}
	for _, c := range targets {
		touches, stages := simulate(rng, c, 0.5, 0.38)
		touchRows = appendTouches(touchRows, c, touches)
		stageRows = appendStages(stageRows, c, stages)
	}
	for _, c := range outsiders {
		touches, _ := simulate(rng, c, 1, 0)
		touchRows = appendTouches(touchRows, c, touches)
	}
	// Sort touches by time so the file reads like a merged export.
	slices.SortStableFunc(touchRows[1:], func(a, b []string) int { return strings.Compare(a[1], b[1]) })

	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for name, rows := range map[string][][]string{"targets.csv": targetRows, "touchpoints.csv": touchRows, "stages.csv": stageRows} {
		if err := writeCSV(filepath.Join(out, name), rows); err != nil {
			return err
		}
	}
	return nil
}

// simulate draws one account's touches and stage changes. marketingP and
// salesP are the chances that each team works the account at all, drawn
// independently, so the overlap starts near chance and grows only through
// handoffs.
func simulate(rng *rand.Rand, c company, marketingP, salesP float64) ([]touch, []stage) {
	domain := strings.ToLower(strings.ReplaceAll(c.symbol, ".", "")) + ".example"
	contacts := make([]string, 1+rng.IntN(3))
	for i := range contacts {
		contacts[i] = firstNames[rng.IntN(len(firstNames))] + "." + lastNames[rng.IntN(len(lastNames))] + "@" + domain
	}
	var touches []touch
	if rng.Float64() < marketingP {
		for range 1 + rng.IntN(2) {
			touches = append(touches, marketingEpisode(rng, c, contacts)...)
		}
	}
	if rng.Float64() < salesP {
		touches = append(touches, salesEpisode(rng, randomTime(rng, 0, weeks*7), 2+rng.IntN(6), contacts)...)
	}
	slices.SortFunc(touches, func(a, b touch) int { return a.at.Compare(b.at) })

	// Marketing engagement hands the account to sales, which responds
	// within a few days one time in two and not at all otherwise.
	var stages []stage
	engagedAt, engaged := engagement(touches)
	if len(touches) > 0 {
		stages = append(stages, stage{at: touches[0].at, name: "aware"})
	}
	if engaged {
		stages = append(stages, stage{at: engagedAt, name: "MQA"})
		if rng.Float64() < 0.5 && !hasSalesAfter(touches, engagedAt) {
			delay := time.Duration(rng.ExpFloat64()*60*float64(time.Hour)) + 2*time.Hour
			touches = append(touches, salesEpisode(rng, engagedAt.Add(delay), 2+rng.IntN(5), contacts)...)
			slices.SortFunc(touches, func(a, b touch) int { return a.at.Compare(b.at) })
		}
	}
	touches = slices.DeleteFunc(touches, func(t touch) bool { return !t.at.Before(dataEnd) })
	stages = append(stages, salesStages(rng, touches, engaged, engagedAt)...)
	stages = slices.DeleteFunc(stages, func(s stage) bool { return !s.at.Before(dataEnd) })
	return touches, stages
}

// marketingEpisode is a burst of 3 to 10 weeks in which the account
// responds to campaigns, more often to those of its sector.
func marketingEpisode(rng *rand.Rand, c company, contacts []string) []touch {
	first := rng.IntN(weeks)
	length := 3 + rng.IntN(8)
	var out []touch
	for w := first; w < first+length && w < weeks; w++ {
		n := poisson(rng, 1.3)
		for range n {
			camp := pickCampaign(rng, c.sector)
			out = append(out, touch{
				at:      randomTime(rng, w*7, w*7+7),
				team:    "marketing",
				channel: camp.channel, kind: camp.kind, campaign: camp.name,
				contact: contacts[rng.IntN(len(contacts))],
				source:  "marketing automation",
				weight:  camp.weight,
			})
		}
	}
	return out
}

// salesEpisode is count sales touches, a few days apart, from from on.
func salesEpisode(rng *rand.Rand, from time.Time, count int, contacts []string) []touch {
	var out []touch
	at := from
	for range count {
		k := salesKinds[rng.IntN(len(salesKinds))]
		out = append(out, touch{
			at: at, team: "sales", channel: k.channel, kind: k.kind,
			contact: contacts[rng.IntN(len(contacts))], source: "crm", weight: k.weight,
		})
		at = at.Add(time.Duration(1+rng.IntN(9)) * 24 * time.Hour).Add(time.Duration(rng.IntN(8)) * time.Hour)
	}
	return out
}

// salesStages moves an account that sales met to SQL and, one time in two,
// to an opportunity a week later, which may then be won or lost.
func salesStages(rng *rand.Rand, touches []touch, engaged bool, engagedAt time.Time) []stage {
	var out []stage
	for _, t := range touches {
		if t.team != "sales" || (engaged && t.at.Before(engagedAt)) {
			continue
		}
		if engaged {
			out = append(out, stage{at: t.at, name: "SAL"})
		}
		break
	}
	for _, t := range touches {
		if t.kind != "meeting" {
			continue
		}
		out = append(out, stage{at: t.at.Add(time.Hour), name: "SQL"})
		if rng.Float64() < 0.55 {
			opened := t.at.Add(time.Duration(5+rng.IntN(5)) * 24 * time.Hour)
			amount := float64(20+rng.IntN(230)) * 1000
			out = append(out, stage{at: opened, name: "opportunity", amount: amount})
			closed := opened.Add(time.Duration(28+rng.IntN(35)) * 24 * time.Hour)
			switch r := rng.Float64(); {
			case r < 0.3:
				out = append(out, stage{at: closed, name: "won"})
			case r < 0.55:
				out = append(out, stage{at: closed, name: "lost"})
			}
		}
		break
	}
	return out
}

// engagement returns the instant the account's marketing score reached
// engagementScore.
func engagement(touches []touch) (time.Time, bool) {
	score := 0.0
	for _, t := range touches {
		if t.team != "marketing" {
			continue
		}
		score += t.weight
		if score >= engagementScore {
			return t.at, true
		}
	}
	return time.Time{}, false
}

func hasSalesAfter(touches []touch, at time.Time) bool {
	for _, t := range touches {
		if t.team == "sales" && !t.at.Before(at) {
			return true
		}
	}
	return false
}

func pickCampaign(rng *rand.Rand, sector string) campaign {
	total := 0.0
	for _, c := range campaigns {
		total += affinity(c, sector)
	}
	r := rng.Float64() * total
	for _, c := range campaigns {
		r -= affinity(c, sector)
		if r < 0 {
			return c
		}
	}
	return campaigns[len(campaigns)-1]
}

func affinity(c campaign, sector string) float64 {
	if a, ok := c.affinity[sector]; ok {
		return a
	}
	return 1
}

// randomTime returns a working-hours instant between day from and day to
// after start.
func randomTime(rng *rand.Rand, from, to int) time.Time {
	day := from + rng.IntN(max(to-from, 1))
	return start.AddDate(0, 0, day).Add(time.Duration(8*60+rng.IntN(10*60)) * time.Minute)
}

// poisson draws from a Poisson distribution by Knuth's method, which is
// fine for the small means used here.
func poisson(rng *rand.Rand, mean float64) int {
	limit, p, k := math.Exp(-mean), 1.0, 0
	for {
		p *= rng.Float64()
		if p <= limit {
			return k
		}
		k++
	}
}

func appendTouches(rows [][]string, c company, touches []touch) [][]string {
	for _, t := range touches {
		rows = append(rows, []string{c.symbol, t.at.Format(time.RFC3339), t.team, t.channel, t.contact, t.kind, t.campaign, t.source, fmt.Sprint(t.weight)})
	}
	return rows
}

func appendStages(rows [][]string, c company, stages []stage) [][]string {
	for _, s := range stages {
		amount := ""
		if s.amount > 0 {
			amount = fmt.Sprint(s.amount)
		}
		rows = append(rows, []string{c.symbol, s.name, s.at.Format(time.RFC3339), amount})
	}
	return rows
}

// readSP500 reads the constituents list, keeping one row per company
// because Alphabet, Fox and News Corp appear once per share class.
func readSP500(path string) ([]company, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) < 2 || len(rows[0]) < 3 || rows[0][0] != "Symbol" || rows[0][1] != "Security" || rows[0][2] != "GICS Sector" {
		return nil, fmt.Errorf("%s: expected a header starting Symbol,Security,GICS Sector", path)
	}
	var out []company
	seenCIK := map[string]bool{}
	for _, r := range rows[1:] {
		if len(r) < 7 || seenCIK[r[6]] {
			continue
		}
		seenCIK[r[6]] = true
		out = append(out, company{symbol: r[0], name: r[1], sector: r[2]})
	}
	return out, nil
}

func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
