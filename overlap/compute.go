package overlap

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"
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
// Region members are sorted by byte value. Compute sorts the universe once,
// which is a linear check when it is in that order already, and fills every
// region in that order. The member lists take 16 bytes per universe
// account, 320 MB for 20 million, and ComputeCounts skips them.
func Compute(universe []string, sets ...Set) (*Report, error) {
	return compute(universe, len(universe) == 0, true, nil, sets)
}

// ComputeCounts returns the report of Compute without member lists: every
// region has its count and a nil Members, and metrics are the same. It skips
// filling the lists and their memory, which took 9% to 26% of the median
// time of Compute for 20 million accounts in single calls
// (docs/benchmarks-overlap.md). Outside lists and records are kept.
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

	if fromUnion {
		total := 0
		for _, s := range ordered {
			total += len(s.Members) + len(s.Links)
		}
		if total >= math.MaxUint32 {
			return nil, fmt.Errorf("overlap: the sets have %d entries, more than the maximum of %d without a universe", total, math.MaxUint32-1)
		}
		universe = make([]string, 0, total)
		for _, s := range ordered {
			universe = append(universe, s.Members...)
			for _, l := range s.Links {
				universe = append(universe, l.Account)
			}
		}
	}
	// Universe positions and set indices share the payload bits of the
	// sort entries, so the max list length sets their width.
	maxLength := len(universe)
	for _, s := range ordered {
		maxLength = max(maxLength, len(s.Members), len(s.Links))
	}
	index := indexUniverse(universe, bits.Len(uint(maxLength)))

	report := &Report{
		Universe: UniverseSummary{
			Size:      index.distinct,
			FromUnion: fromUnion,
		},
	}
	// Without a universe, repeated IDs come from the sets, and the set
	// summaries count them, so Duplicates stays 0.
	if !fromUnion {
		report.Universe.Duplicates = index.size() - index.distinct
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
		fillMembers(index, memberBits, report.Regions, counts.dense != nil, memberBlockShift)
	}
	index.release()
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
		report.Weights = weighRegions(report, weights)
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
		if len(s.Members) >= math.MaxUint32 || len(s.Links) >= math.MaxUint32 {
			return nil, fmt.Errorf("overlap: set %q has %d members and %d links, but the maximum of each is %d", s.Name, len(s.Members), len(s.Links), math.MaxUint32-1)
		}
		if i := firstEmpty(s.Members); i >= 0 {
			return nil, fmt.Errorf("overlap: set %q: member %d is an empty account ID", s.Name, i)
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
	if i := firstEmpty(universe); i >= 0 {
		return fmt.Errorf("overlap: universe entry %d is an empty account ID", i)
	}
	return nil
}

// firstEmpty returns the index of the first empty ID in ids, or -1.
func firstEmpty(ids []string) int {
	workers := workersFor(len(ids))
	found := make([]int, workers)
	forChunks(len(ids), workers, func(w, start, end int) {
		found[w] = -1
		for i := start; i < end; i++ {
			if ids[i] == "" {
				found[w] = i
				return
			}
		}
	})
	for _, i := range found {
		if i >= 0 {
			return i
		}
	}
	return -1
}

// collectSet marks the set's universe members in a bitset over ranks and
// summarises the rest.
func collectSet(index *accountIndex, s Set) (SetSummary, bitset) {
	summary := SetSummary{Name: s.Name, Entries: len(s.Members) + len(s.Links)}
	b := newBitset(index.size())
	summary.Outside = markMembers(index, s.Members, b)
	fresh := b.count() + len(summary.Outside)

	if len(s.Links) > 0 {
		accounts := make([]string, len(s.Links))
		for i, l := range s.Links {
			accounts[i] = l.Account
		}
		ranks := index.resolve(accounts)
		outside := map[string]bool{}
		for _, id := range summary.Outside {
			outside[id] = true
		}
		records := map[string]map[string]bool{}
		for i, l := range s.Links {
			var isNewAccount bool
			if ranks[i] >= 0 {
				isNewAccount = b.set(ranks[i])
			} else if !outside[l.Account] {
				outside[l.Account] = true
				isNewAccount = true
			}
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
		summary.Outside = summary.Outside[:0]
		for id := range outside {
			summary.Outside = append(summary.Outside, id)
		}
		sortStrings(summary.Outside)
	}
	summary.Duplicates = summary.Entries - fresh
	summary.Size = b.count()
	return summary, b
}

// parallelMin is the min number of items at which the work on a list is
// split across GOMAXPROCS goroutines.
const parallelMin = 1 << 16

// markMembers sets the bit of the rank of every member found in the index
// and returns the distinct members not found, sorted. Each goroutine marks
// its own bitset and the bitsets are merged at the end, so no write is
// shared.
func markMembers(index *accountIndex, members []string, b bitset) []string {
	found, missing := index.match(members)
	workers := workersFor(len(found))
	marks := make([]bitset, workers)
	misses := make([][]string, workers)
	forChunks(len(found), workers, func(w, start, end int) {
		own := b
		if w > 0 {
			own = newBitset(index.size())
			marks[w] = own
		}
		for _, m := range found[start:end] {
			if rank := m >> 32; rank != 0 {
				own[(rank-1)/64] |= 1 << ((rank - 1) % 64)
				continue
			}
			misses[w] = append(misses[w], members[uint32(m)])
		}
	})
	forChunks(len(b), workers, func(_, start, end int) {
		for _, own := range marks[1:] {
			for i := start; i < end; i++ {
				b[i] |= own[i]
			}
		}
	})
	outside := []string{} // never nil, so JSON lists no outside members as []
	for _, m := range misses {
		outside = append(outside, m...)
	}
	for _, i := range missing {
		outside = append(outside, members[i])
	}
	sortStrings(outside)
	return slices.Compact(outside)
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

// countRegions counts the distinct universe IDs of every region. It splits
// 64 ranks at a time into regions and counts each region's bits.
func countRegions(index *accountIndex, memberBits []bitset) *regionCounts {
	counts := &regionCounts{}
	if len(memberBits) <= 16 {
		counts.dense = make([]int, 1<<len(memberBits))
	} else {
		counts.sparse = map[uint64]int{}
	}
	var keys, groups [64]uint64
	for w := range (index.size() + 63) / 64 {
		for g := range regionGroups(memberBits, w, index.validWord(w), &keys, &groups) {
			counts.add(keys[g], bits.OnesCount64(groups[g]))
		}
	}
	return counts
}

// buildRegions returns the non-empty regions in UpSet order, without
// members. It returns an empty slice, not nil, when there are none, so that
// JSON gives [] as it does for the other lists.
func buildRegions(counts *regionCounts, sets []SetSummary) []Region {
	regions := []Region{}
	counts.each(func(key uint64, n int) {
		regions = append(regions, Region{key: key, Count: n, Sets: setNames(sets, key)})
	})
	slices.SortFunc(regions, compareRegions)
	return regions
}

// fillMembers fills every region's member list. Ranks are visited in
// order, so each list comes out sorted. All lists share one backing array,
// which goroutines fill in parallel, each over its own range of ranks. A
// first pass counts each range's members per region, which gives every
// range its offsets. A universe given out of string order and longer than
// 2^blockShift IDs is copied by copyMembersByBlock.
func fillMembers(index *accountIndex, memberBits []bitset, regions []Region, dense bool, blockShift uint) {
	sparseSlot := make(map[uint64]int, len(regions))
	var denseSlot []int32
	if dense {
		denseSlot = make([]int32, 1<<len(memberBits))
	}
	total := 0
	for i, r := range regions {
		sparseSlot[r.key] = i
		if dense {
			denseSlot[r.key] = int32(i)
		}
		total += r.Count
	}
	slotOf := func(key uint64) int {
		if dense {
			return int(denseSlot[key])
		}
		return sparseSlot[key]
	}

	words := (index.size() + 63) / 64
	workers := workersFor(index.size())
	next := make([][]int, workers)
	for w := range next {
		next[w] = make([]int, len(regions))
	}
	forChunks(words, workers, func(worker, start, end int) {
		var keys, groups [64]uint64
		for w := start; w < end; w++ {
			n := regionGroups(memberBits, w, index.validWord(w), &keys, &groups)
			for g := range n {
				next[worker][slotOf(keys[g])] += bits.OnesCount64(groups[g])
			}
		}
	})
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
	if index.inOrder || index.size() <= 1<<blockShift {
		copyMembers(index, memberBits, backing, next, slotOf)
	} else {
		copyMembersByBlock(index, memberBits, backing, next, slotOf, blockShift)
	}
}

// copyMembers copies the ID of every rank that is a region member to
// backing, at the cursor of its region. Each worker's ranks are a range of
// bitset words, and next contains its region cursors.
func copyMembers(index *accountIndex, memberBits []bitset, backing []string, next [][]int, slotOf func(uint64) int) {
	words := (index.size() + 63) / 64
	forChunks(words, len(next), func(worker, start, end int) {
		var (
			keys, groups [64]uint64
			slots, ranks [64]int
			ids          [64]string
		)
		cursor := next[worker]
		for w := start; w < end; w++ {
			members := 0
			for g := range regionGroups(memberBits, w, index.validWord(w), &keys, &groups) {
				slot := slotOf(keys[g])
				for group := groups[g]; group != 0; group &= group - 1 {
					slots[members], ranks[members] = slot, w*64+bits.TrailingZeros64(group)
					members++
				}
			}
			// The IDs of a shuffled universe are scattered, so they are
			// loaded in a loop of their own, so the cache misses of the
			// word's IDs overlap.
			for i, rank := range ranks[:members] {
				ids[i] = index.id(rank)
			}
			for i, slot := range slots[:members] {
				backing[cursor[slot]] = ids[i]
				cursor[slot]++
			}
		}
	})
}

// memberBlockShift sets the size of the blocks of universe positions that
// copyMembersByBlock copies one at a time: 2^20 positions, whose string
// headers take 16 MiB. On the 2-core VM of docs/benchmarks-overlap.md,
// blocks of 2^17 to 2^22 positions gave about the same time.
const memberBlockShift = 20

// copyMembersByBlock does the work of copyMembers for a universe given
// out of string order, where consecutive ranks have scattered positions.
// Loading the IDs in rank order would then miss the cache and the TLB on
// nearly every load. Instead each worker first lists the destination and
// position of each of its members in index.spare, grouped by block of
// 2^blockShift positions. It then copies the IDs block by block, so the
// loads of a block stay within a small part of the universe.
func copyMembersByBlock(index *accountIndex, memberBits []bitset, backing []string, next [][]int, slotOf func(uint64) int, blockShift uint) {
	keys, sorted, codec := index.keys, index.sorted, index.codec
	// Each entry of moves is a destination in backing in the high 32
	// bits and a universe position in the low 32 bits. A worker whose
	// ranks start at rank r uses moves from r on, and it has at most
	// one member per rank.
	moves := index.spare[:len(sorted)]
	words := (index.size() + 63) / 64
	forChunks(words, len(next), func(worker, start, end int) {
		offsets := make([]int, len(sorted)>>blockShift+1)
		for w := start; w < end; w++ {
			for valid := index.validWord(w); valid != 0; valid &= valid - 1 {
				offsets[codec.payload(sorted[w*64+bits.TrailingZeros64(valid)])>>blockShift]++
			}
		}
		sum := start * 64
		for block, n := range offsets {
			offsets[block] = sum
			sum += n
		}

		var regionKeys, groups [64]uint64
		cursor := next[worker]
		for w := start; w < end; w++ {
			for g := range regionGroups(memberBits, w, index.validWord(w), &regionKeys, &groups) {
				slot := slotOf(regionKeys[g])
				for group := groups[g]; group != 0; group &= group - 1 {
					position := codec.payload(sorted[w*64+bits.TrailingZeros64(group)])
					block := position >> blockShift
					moves[offsets[block]] = uint64(cursor[slot])<<32 | uint64(position)
					offsets[block]++
					cursor[slot]++
				}
			}
		}

		for _, move := range moves[start*64 : sum] {
			backing[move>>32] = keys[uint32(move)]
		}
	})
}

// regionGroups splits valid, the bits of word w of the universe, by region.
// It stores each non-empty region's key and bits in keys and groups and
// returns how many there are. The groups are disjoint, so there are at most
// 64.
func regionGroups(memberBits []bitset, w int, valid uint64, keys, groups *[64]uint64) int {
	if valid == 0 {
		return 0
	}
	keys[0], groups[0] = 0, valid
	n := 1
	for s, b := range memberBits {
		in := b[w] & valid
		if in == 0 {
			continue
		}
		for g, split := 0, n; g < split; g++ {
			switch {
			case groups[g]&in == 0:
			case groups[g]&^in == 0:
				keys[g] |= 1 << s
			default:
				keys[n], groups[n] = keys[g]|1<<s, groups[g]&in
				groups[g] &^= in
				n++
			}
		}
	}
	return n
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
