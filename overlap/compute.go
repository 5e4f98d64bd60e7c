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
	// Sets is sorted by name. Bit i of a region key marks membership in
	// Sets[i].
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
	// Members is sorted. ComputeCounts leaves it nil and JSON omits it.
	Members []string `json:"members,omitempty"`
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
//
// Region members are sorted by byte value. If the universe is already in
// that order, filling the regions keeps them sorted. Otherwise each region
// is sorted, which is the largest cost for millions of accounts: 13 to 14
// CPU seconds for 20 million IDs on a shared 2-core machine, as recorded in
// docs/benchmarks-overlap.md. ComputeCounts skips member lists.
func Compute(universe []string, sets ...Set) (*Report, error) {
	return compute(universe, len(universe) == 0, true, nil, sets)
}

// ComputeCounts returns the report of Compute without member lists: every
// region has its count and a nil Members, and metrics are the same. It skips
// collecting and sorting up to |U| IDs, which dominates the time for
// universes of millions of accounts. Outside lists and records are kept.
func ComputeCounts(universe []string, sets ...Set) (*Report, error) {
	return compute(universe, len(universe) == 0, false, nil, sets)
}

// compute builds a report. With fromUnion false an empty universe stays
// empty, so every member is outside it. Weights need members.
func compute(universe []string, fromUnion, withMembers bool, weights map[string]float64, sets []Set) (*Report, error) {
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
		if total >= math.MaxUint32 {
			return nil, fmt.Errorf("overlap: the sets have %d entries, more than the maximum of %d without a universe", total, math.MaxUint32-1)
		}
		index = newAccountIndex(total)
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

	counts := countRegions(index, memberBits)
	report.Regions = buildRegions(counts, report.Sets)
	if withMembers || weights != nil {
		fillMembers(index, memberBits, report.Regions, counts.dense != nil)
	}
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
		if math.IsInf(report.Weights.Universe, 0) {
			return nil, errors.New("overlap: the sum of the account weights overflows float64; scale the weights down")
		}
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

	for _, id := range markMembers(index, s.Members, b) {
		outside[id] = true
	}
	fresh := b.count() + len(outside)

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

// markMembers sets the bit of every member found in the index and returns
// the members not found, in input order. Each goroutine marks its own bitset
// and the bitsets are merged at the end, so no write is shared.
func markMembers(index *accountIndex, members []string, b bitset) (missing []string) {
	workers := runtime.GOMAXPROCS(0)
	if len(members) < parallelMin {
		workers = 1
	}
	chunk := (len(members) + workers - 1) / workers
	marks := make([]bitset, workers)
	misses := make([][]string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		part := members[min(w*chunk, len(members)):min((w+1)*chunk, len(members))]
		marks[w] = b
		if w > 0 {
			marks[w] = newBitset(len(index.keys))
		}
		wg.Go(func() {
			own := marks[w]
			var out [batchSize]int
			for start := 0; start < len(part); start += batchSize {
				batch := part[start:min(start+batchSize, len(part))]
				index.lookupBatch(batch, &out)
				for i, pos := range out[:len(batch)] {
					if pos < 0 {
						misses[w] = append(misses[w], batch[i])
						continue
					}
					own[pos/64] |= 1 << (pos % 64)
				}
			}
		})
	}
	wg.Wait()
	for w := 1; w < workers; w++ {
		for i, word := range marks[w] {
			b[i] |= word
		}
	}
	for _, m := range misses {
		missing = append(missing, m...)
	}
	return missing
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

// buildRegions returns the non-empty regions in UpSet order, without
// members.
func buildRegions(counts *regionCounts, sets []SetSummary) []Region {
	var regions []Region
	counts.each(func(key uint64, n int) {
		regions = append(regions, Region{key: key, Count: n, Sets: setNames(sets, key)})
	})
	slices.SortFunc(regions, compareRegions)
	return regions
}

// fillMembers fills every region's sorted member list. All lists share one
// backing array, which goroutines fill in parallel, each over its own range
// of positions. A first pass counts each range's members per region, which
// gives every range its offsets. Then each region is sorted, unless the
// universe was sorted already. Sorted universes are common for exported
// lists and keep the cost linear.
func fillMembers(index *accountIndex, memberBits []bitset, regions []Region, dense bool) {
	slotOf := make(map[uint64]int, len(regions))
	var denseSlot []int32
	if dense {
		denseSlot = make([]int32, 1<<len(memberBits))
	}
	total := 0
	for i, r := range regions {
		slotOf[r.key] = i
		if dense {
			denseSlot[r.key] = int32(i)
		}
		total += r.Count
	}
	// visit calls fn with the region slot and position of every distinct
	// universe position from start to end.
	visit := func(start, end int, fn func(slot, p int)) {
		for p := start; p < end; p++ {
			if index.isDuplicate(p) {
				continue
			}
			key := regionKey(memberBits, p)
			if dense {
				fn(int(denseSlot[key]), p)
			} else {
				fn(slotOf[key], p)
			}
		}
	}

	n := len(index.keys)
	workers := runtime.GOMAXPROCS(0)
	if n < parallelMin {
		workers = 1
	}
	chunk := (n + workers - 1) / workers
	next := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		next[w] = make([]int, len(regions))
		wg.Go(func() {
			visit(min(w*chunk, n), min((w+1)*chunk, n), func(slot, _ int) { next[w][slot]++ })
		})
	}
	wg.Wait()
	backing := make([]string, total)
	offset := 0
	for slot := range regions {
		regions[slot].Members = backing[offset : offset+regions[slot].Count : offset+regions[slot].Count]
		for w := range workers {
			count := next[w][slot]
			next[w][slot] = offset
			offset += count
		}
	}
	for w := range workers {
		wg.Go(func() {
			cursor := next[w]
			visit(min(w*chunk, n), min((w+1)*chunk, n), func(slot, p int) {
				backing[cursor[slot]] = index.keys[p]
				cursor[slot]++
			})
		})
	}
	wg.Wait()

	if slices.IsSorted(index.keys) {
		return
	}
	// Sort the regions on GOMAXPROCS goroutines, largest first so the
	// longest sort starts early.
	jobs := make(chan []string, len(regions))
	for _, r := range regions {
		jobs <- r.Members
	}
	close(jobs)
	for range min(runtime.GOMAXPROCS(0), len(regions)) {
		wg.Go(func() {
			for members := range jobs {
				slices.Sort(members)
			}
		})
	}
	wg.Wait()
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
