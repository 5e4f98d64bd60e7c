package overlap

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// MaxSets is the maximum number of sets in one report, because a region key
// is a 64-bit mask with one bit per set.
const MaxSets = 64

// Set is a named set of reached accounts. Members lists account IDs directly.
// Links lists source records with the account each one resolves to, for sets
// that come from another system. A set may use both. Repeated IDs and repeated
// links count once.
type Set struct {
	Name    string
	Members []string
	Links   []Link
}

// Link ties a source record, such as a CRM row, to the account it resolves to.
type Link struct {
	Record  string `json:"record"`
	Account string `json:"account"`
}

// Report is the exact overlap of named sets over a universe of accounts.
// Sets, regions and metrics are in a canonical order, so the same accounts
// give the same report whatever order sets and members come in.
type Report struct {
	Universe UniverseSummary `json:"universe"`
	// Sets is sorted by name. Set bit i of a region key is Sets[i].
	Sets []SetSummary `json:"sets"`
	// UnionSize is the number of universe accounts in at least one set.
	UnionSize int `json:"union_size"`
	// Regions lists every non-empty exclusive region in UpSet order: count
	// descending, then fewer sets first, then set names. The region of
	// universe accounts in no set comes last.
	Regions []Region `json:"regions"`
	Metrics []Metric `json:"metrics"`
	// Rules names the reach rule of each set, sorted by set. It is set by
	// ComputeReach and the functions built on it.
	Rules []RuleSummary `json:"rules,omitempty"`
	// Weights is set by ComputeWeighted and nil otherwise.
	Weights *WeightSummary `json:"weights,omitempty"`
}

// UniverseSummary describes the universe a report was computed over.
type UniverseSummary struct {
	// Size is the number of distinct account IDs.
	Size int `json:"size"`
	// Duplicates is the number of repeated entries in the input list.
	Duplicates int `json:"duplicates"`
	// FromUnion is true when no universe was given and the union of the
	// sets was used, so every coverage is 1 for the union.
	FromUnion bool `json:"from_union"`
}

// SetSummary describes one input set.
type SetSummary struct {
	Name string `json:"name"`
	// Size is the number of distinct members inside the universe. All
	// metrics use this size.
	Size int `json:"size"`
	// Entries is the number of input entries, members plus links.
	Entries int `json:"entries"`
	// Duplicates is the number of entries that repeat an earlier member or
	// link of the same set.
	Duplicates int `json:"duplicates"`
	// Outside lists, sorted, the distinct members that are not in the
	// universe. They are in no region and no metric except outside_share.
	Outside []string `json:"outside"`
	// Records lists, by account, the source records of the set's links.
	Records []AccountRecords `json:"records,omitempty"`
	// MultipleRecords lists the accounts that more than one record of this
	// set resolves to, which often means duplicate records in the source.
	MultipleRecords []string `json:"multiple_records,omitempty"`
}

// AccountRecords lists the source records that resolve to one account.
type AccountRecords struct {
	Account string   `json:"account"`
	Records []string `json:"records"`
}

// Region is an exclusive region: the universe accounts that are in exactly
// the sets named and in no other set.
type Region struct {
	// Sets is sorted by name. It is empty for the accounts in no set.
	Sets  []string `json:"sets"`
	Count int      `json:"count"`
	// ShareOfUniverse is Count / |U|.
	ShareOfUniverse Ratio `json:"share_of_universe"`
	// ShareOfUnion is Count / |union|. It is undefined for the region of
	// accounts in no set, because they are not in the union.
	ShareOfUnion Ratio `json:"share_of_union"`
	// Weight is the sum of member weights, set by ComputeWeighted.
	Weight *float64 `json:"weight,omitempty"`
	// Members is sorted.
	Members []string `json:"members"`
	key     uint64
}

// Key returns the region's bit mask: bit i is set when the region is inside
// Report.Sets[i].
func (r Region) Key() uint64 { return r.key }

// Label returns a readable name: "a only", "a & b", or "no set".
func (r Region) Label() string {
	switch len(r.Sets) {
	case 0:
		return "no set"
	case 1:
		return r.Sets[0] + " only"
	}
	return strings.Join(r.Sets, " & ")
}

// Compute returns the overlap of sets over universe, the target account list.
//
// An empty universe means the union of the sets. Members not in the universe
// are listed per set in SetSummary.Outside and kept out of regions and other
// metrics. Repeated IDs count once and are counted in Duplicates. Compute
// returns an error for an empty or repeated set name, a name containing '(',
// ')', ',' or a control character, an empty account or record ID, more than
// MaxSets sets, or no set.
func Compute(universe []string, sets ...Set) (*Report, error) {
	return compute(universe, len(universe) == 0, nil, sets)
}

// compute builds a report. With fromUnion false an empty universe stays
// empty, so every member is outside it.
func compute(universe []string, fromUnion bool, weights map[string]float64, sets []Set) (*Report, error) {
	ordered, err := validateSets(sets)
	if err != nil {
		return nil, err
	}
	if err := validateUniverse(universe); err != nil {
		return nil, err
	}

	var index *accountIndex
	if fromUnion {
		total := 0
		for _, s := range ordered {
			total += len(s.Members) + len(s.Links)
		}
		index = newAccountIndex(min(total, 1<<20))
		for _, s := range ordered {
			for _, id := range s.Members {
				index.add(id)
			}
			for _, l := range s.Links {
				index.add(l.Account)
			}
		}
	} else {
		index = indexUniverse(universe)
	}

	report := &Report{
		Universe: UniverseSummary{
			Size:       index.distinct,
			Duplicates: len(index.keys) - index.distinct,
			FromUnion:  fromUnion,
		},
	}
	memberBits := make([]bitset, len(ordered))
	for i, s := range ordered {
		summary, b := collectSet(index, s)
		report.Sets = append(report.Sets, summary)
		memberBits[i] = b
	}

	index.sortOrder()
	counts := countRegions(index, memberBits)
	report.Regions = fillRegions(index, memberBits, counts, report.Sets, weights)
	for _, r := range report.Regions {
		if r.key != 0 {
			report.UnionSize += r.Count
		}
	}
	universeSize := float64(report.Universe.Size)
	for i := range report.Regions {
		r := &report.Regions[i]
		r.ShareOfUniverse = Ratio{float64(r.Count), universeSize}
		if r.key != 0 {
			r.ShareOfUnion = Ratio{float64(r.Count), float64(report.UnionSize)}
		}
	}
	report.Metrics = countMetrics(report)
	if weights != nil {
		report.Weights = weighRegions(report, index, weights)
		report.Metrics = append(report.Metrics, weightedMetrics(report)...)
	}
	return report, nil
}

func validateSets(sets []Set) ([]Set, error) {
	if len(sets) == 0 {
		return nil, errors.New("overlap: no set given; pass at least one Set")
	}
	if len(sets) > MaxSets {
		return nil, fmt.Errorf("overlap: %d sets given, but the maximum is %d", len(sets), MaxSets)
	}
	seen := make(map[string]bool, len(sets))
	for _, s := range sets {
		if err := validateSetName(s.Name); err != nil {
			return nil, err
		}
		if seen[s.Name] {
			return nil, fmt.Errorf("overlap: set name %q is used twice; set names must be unique", s.Name)
		}
		seen[s.Name] = true
		for i, id := range s.Members {
			if id == "" {
				return nil, fmt.Errorf("overlap: set %q: member %d is an empty account ID", s.Name, i)
			}
		}
		for i, l := range s.Links {
			if l.Account == "" || l.Record == "" {
				return nil, fmt.Errorf("overlap: set %q: link %d (record %q, account %q) has an empty record or account ID", s.Name, i, l.Record, l.Account)
			}
		}
	}
	ordered := slices.Clone(sets)
	slices.SortFunc(ordered, func(a, b Set) int { return strings.Compare(a.Name, b.Name) })
	return ordered, nil
}

func validateSetName(name string) error {
	if name == "" {
		return errors.New("overlap: a set has an empty name; every set needs a unique name")
	}
	for _, r := range name {
		if r == '(' || r == ')' || r == ',' || unicode.IsControl(r) {
			return fmt.Errorf("overlap: set name %q contains %q; names may not contain '(', ')', ',' or control characters because metric keys use them", name, r)
		}
	}
	return nil
}

func validateUniverse(universe []string) error {
	if len(universe) >= math.MaxUint32 {
		return fmt.Errorf("overlap: universe has %d IDs, more than the maximum of %d", len(universe), math.MaxUint32-1)
	}
	for i, id := range universe {
		if id == "" {
			return fmt.Errorf("overlap: universe entry %d is an empty account ID", i)
		}
	}
	return nil
}

// collectSet marks the set's universe members in a bitset and summarises the
// rest.
func collectSet(index *accountIndex, s Set) (SetSummary, bitset) {
	summary := SetSummary{Name: s.Name, Entries: len(s.Members) + len(s.Links)}
	b := newBitset(len(index.keys))
	outside := map[string]bool{}
	addAccount := func(id string) bool {
		if p, ok := index.lookup(id); ok {
			return b.set(p)
		}
		if outside[id] {
			return false
		}
		outside[id] = true
		return true
	}
	fresh, missing := markMembers(index, s.Members, b)
	for _, id := range missing {
		if !outside[id] {
			outside[id] = true
			fresh++
		}
	}
	if len(s.Links) > 0 {
		records := map[string]map[string]bool{}
		for _, l := range s.Links {
			isNewAccount := addAccount(l.Account)
			byAccount := records[l.Account]
			if byAccount == nil {
				byAccount = map[string]bool{}
				records[l.Account] = byAccount
			}
			// A link counts as new when it adds an account or a record.
			if isNewAccount || !byAccount[l.Record] {
				fresh++
			}
			byAccount[l.Record] = true
		}
		for account, recs := range records {
			ids := make([]string, 0, len(recs))
			for r := range recs {
				ids = append(ids, r)
			}
			slices.Sort(ids)
			summary.Records = append(summary.Records, AccountRecords{Account: account, Records: ids})
			if len(ids) > 1 {
				summary.MultipleRecords = append(summary.MultipleRecords, account)
			}
		}
		slices.SortFunc(summary.Records, func(a, b AccountRecords) int { return strings.Compare(a.Account, b.Account) })
		slices.Sort(summary.MultipleRecords)
	}
	summary.Duplicates = summary.Entries - fresh
	summary.Outside = make([]string, 0, len(outside))
	for id := range outside {
		summary.Outside = append(summary.Outside, id)
	}
	slices.Sort(summary.Outside)
	summary.Size = b.count()
	return summary, b
}

// parallelMin is the number of members from which markMembers splits the
// work across GOMAXPROCS goroutines.
const parallelMin = 1 << 16

// markMembers sets the bit of every member found in the index. It returns
// the number of members that set a new bit and the members not found, in
// input order.
func markMembers(index *accountIndex, members []string, b bitset) (fresh int, missing []string) {
	workers := runtime.GOMAXPROCS(0)
	if len(members) < parallelMin {
		workers = 1
	}
	chunk := (len(members) + workers - 1) / workers
	type result struct {
		fresh   int
		missing []string
	}
	results := make([]result, workers)
	var wg sync.WaitGroup
	for w := range workers {
		part := members[min(w*chunk, len(members)):min((w+1)*chunk, len(members))]
		res := &results[w]
		wg.Go(func() {
			index.lookupAll(part, func(id string, pos int, found bool) {
				if !found {
					res.missing = append(res.missing, id)
					return
				}
				// Several goroutines may write one word, and the atomic
				// OR tells exactly one of them that the bit is new.
				m := uint64(1) << (pos % 64)
				if atomic.OrUint64(&b[pos/64], m)&m == 0 {
					res.fresh++
				}
			})
		})
	}
	wg.Wait()
	for _, res := range results {
		fresh += res.fresh
		missing = append(missing, res.missing...)
	}
	return fresh, missing
}

// regionCounts maps region keys to counts. Dense storage serves up to 16 sets
// and a map serves more, so that only non-empty regions cost memory.
type regionCounts struct {
	dense  []int
	sparse map[uint64]int
}

func (c *regionCounts) add(key uint64, n int) {
	if c.dense != nil {
		c.dense[key] += n
		return
	}
	c.sparse[key] += n
}

func (c *regionCounts) each(fn func(key uint64, n int)) {
	if c.dense != nil {
		for k, n := range c.dense {
			if n > 0 {
				fn(uint64(k), n)
			}
		}
		return
	}
	for k, n := range c.sparse {
		if n > 0 {
			fn(k, n)
		}
	}
}

// countRegions counts every universe position by region key. It walks 64
// positions at a time and visits single positions only inside the union.
func countRegions(index *accountIndex, memberBits []bitset) *regionCounts {
	counts := &regionCounts{}
	if len(memberBits) <= 16 {
		counts.dense = make([]int, 1<<len(memberBits))
	} else {
		counts.sparse = map[uint64]int{}
	}
	words := (len(index.keys) + 63) / 64
	neither := 0
	for w := 0; w < words; w++ {
		var union uint64
		for _, b := range memberBits {
			union |= b[w]
		}
		neither += bits.OnesCount64(index.validWord(w) &^ union)
		if len(memberBits) == 2 {
			a, b := memberBits[0][w], memberBits[1][w]
			counts.add(1, bits.OnesCount64(a&^b))
			counts.add(2, bits.OnesCount64(b&^a))
			counts.add(3, bits.OnesCount64(a&b))
			continue
		}
		for union != 0 {
			bit := bits.TrailingZeros64(union)
			union &= union - 1
			var key uint64
			for s, b := range memberBits {
				key |= (b[w] >> bit & 1) << s
			}
			counts.add(key, 1)
		}
	}
	counts.add(0, neither)
	return counts
}

// regionKey returns the region key of position p.
func regionKey(memberBits []bitset, p int) uint64 {
	var key uint64
	w, bit := p/64, p%64
	for s, b := range memberBits {
		key |= (b[w] >> bit & 1) << s
	}
	return key
}

// fillRegions builds the regions in UpSet order with sorted members. All
// member lists share one backing array, filled in one pass over the
// universe in key order.
func fillRegions(index *accountIndex, memberBits []bitset, counts *regionCounts, sets []SetSummary, weights map[string]float64) []Region {
	var regions []Region
	total := 0
	counts.each(func(key uint64, n int) {
		regions = append(regions, Region{key: key, Count: n, Sets: setNames(sets, key)})
		total += n
	})
	slices.SortFunc(regions, compareRegions)

	slotOf := make(map[uint64]int, len(regions))
	cursor := make([]int, len(regions))
	backing := make([]string, total)
	offset := 0
	for i := range regions {
		slotOf[regions[i].key] = i
		regions[i].Members = backing[offset : offset : offset+regions[i].Count]
		cursor[i] = offset
		offset += regions[i].Count
	}
	var denseSlot []int32
	if counts.dense != nil {
		denseSlot = make([]int32, len(counts.dense))
		for key, i := range slotOf {
			denseSlot[key] = int32(i)
		}
	}
	for i := range index.keys {
		p := index.position(i)
		if index.isDuplicate(p) {
			continue
		}
		key := regionKey(memberBits, p)
		var slot int
		if denseSlot != nil {
			slot = int(denseSlot[key])
		} else {
			slot = slotOf[key]
		}
		regions[slot].Members = append(regions[slot].Members, index.keys[p])
	}
	return regions
}

// compareRegions orders regions as an UpSet plot does: larger counts first,
// then fewer sets, then by set names. The region in no set comes last.
func compareRegions(a, b Region) int {
	if (a.key == 0) != (b.key == 0) {
		if a.key == 0 {
			return 1
		}
		return -1
	}
	if a.Count != b.Count {
		return b.Count - a.Count
	}
	if len(a.Sets) != len(b.Sets) {
		return len(a.Sets) - len(b.Sets)
	}
	return slices.Compare(a.Sets, b.Sets)
}

func setNames(sets []SetSummary, key uint64) []string {
	names := []string{}
	for i := range sets {
		if key&(1<<i) != 0 {
			names = append(names, sets[i].Name)
		}
	}
	return names
}

// Region returns the exclusive region of accounts in exactly the named sets,
// in any order, and true. It returns a zero region and true when the names
// are valid but no account is in that region, and false when a name is not
// a set of the report.
func (r *Report) Region(names ...string) (Region, bool) {
	var key uint64
	for _, name := range names {
		i := r.setIndex(name)
		if i < 0 {
			return Region{}, false
		}
		key |= 1 << i
	}
	for _, region := range r.Regions {
		if region.key == key {
			return region, true
		}
	}
	return Region{Sets: setNames(r.Sets, key), Members: []string{}, key: key}, true
}

func (r *Report) setIndex(name string) int {
	for i := range r.Sets {
		if r.Sets[i].Name == name {
			return i
		}
	}
	return -1
}

// Records returns the source records that put account into the named set,
// sorted, or nil when the set has no link for the account.
func (r *Report) Records(set, account string) []string {
	i := r.setIndex(set)
	if i < 0 {
		return nil
	}
	recs := r.Sets[i].Records
	j, found := slices.BinarySearchFunc(recs, account, func(a AccountRecords, id string) int {
		return strings.Compare(a.Account, id)
	})
	if !found {
		return nil
	}
	return recs[j].Records
}
