package overlap

import (
	"cmp"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Strings are sorted and matched through 64-bit entries. The top bits of an
// entry are a key that orders like the string. The low payloadBits bits are
// the string's index, so sorting entries as integers sorts strings.
//
// A key starts from the window, the 8 bytes that follow the common prefix
// of all strings, read as a big-endian integer with zero bytes past the end
// of the string. Next comes the length class, the number of bytes after the
// prefix capped at 9. Comparing window and then class compares strings as
// bytes up to the end of the window. Zero padding ties "ab" with "ab\x00",
// and the class puts the shorter one first. A class of 8 or less means the
// string ends inside the window, so equal keys mean equal strings. Such a
// key is exact.
//
// The bits that are the same in every string are left out of the key, the
// way the x86 PEXT instruction gathers bits (compress below). The IDs
// acct-00000000 to acct-19999999 then need 29 key bits instead of 68 (64
// window bits and 4 class bits), and the radix sort fewer passes. When the
// bits that differ do not fit above the payload, the lowest are dropped.
// Keys then order strings only partly and none is exact, so runs of equal
// keys are sorted again by their strings.

const (
	windowBytes = 8
	// classBeyond is the length class of a string that continues past
	// the window.
	classBeyond = windowBytes + 1
	// maxDigitBits caps the radix digit, so the counts of one pass
	// (2,048 buckets) stay in the L1 cache.
	maxDigitBits = 11
	// comparisonSortMax is the max length of a list that sortStrings sorts
	// with slices.Sort, and of a run of tied keys that is sorted by
	// comparing windows. Up to it, building keys and the radix counts cost
	// more than the comparisons save.
	comparisonSortMax = 256
)

// keyCodec is the key encoding of a list of strings. Its reference is the
// first string of the list. Bits outside the vary masks equal the
// reference's in every string of the list.
type keyCodec struct {
	empty     bool // built from no strings, so encode rejects every string
	prefix    string
	refWindow uint64
	refClass  uint8
	// varyWindow and varyClass mark the bits that differ between strings.
	varyWindow uint64
	varyClass  uint8
	// windowMoves are the compress masks of varyWindow.
	windowMoves [6]uint64
	// classBits maps a class to its differing bits, packed at the bottom.
	classBits [classBeyond + 1]uint8
	// windowDrop and classDrop are the numbers of low differing bits of
	// window and class that do not fit, and classKept the number of class
	// bits that do.
	windowDrop, classDrop, classKept uint
	payloadBits                      int
	// keyShift is 64 minus the number of key bits, so entry >> keyShift is
	// the key. A shift by 64 gives 0, which is correct when no bit differs.
	keyShift  uint
	truncated bool // some differing bits did not fit
	// exactClass maps the class bits of a key to whether the class is
	// at most windowBytes.
	exactClass []bool
}

// window returns the window of s after offset bytes and its length class.
func window(s string, offset int) (uint64, uint8) {
	rest := s[offset:]
	if len(rest) >= windowBytes {
		_ = rest[7]
		w := uint64(rest[0])<<56 | uint64(rest[1])<<48 | uint64(rest[2])<<40 | uint64(rest[3])<<32 |
			uint64(rest[4])<<24 | uint64(rest[5])<<16 | uint64(rest[6])<<8 | uint64(rest[7])
		return w, uint8(min(len(rest), classBeyond))
	}
	var w uint64
	for i := 0; i < len(rest); i++ {
		w |= uint64(rest[i]) << (56 - 8*i)
	}
	return w, uint8(len(rest))
}

// touchBatch is the number of strings whose first bytes firstBytes loads
// at once.
const touchBatch = 64

// firstBytes stores the first byte of each string of batch, or 0 for an
// empty one. Loading them together lets the cache misses of the batch
// overlap, where the work on one string at a time would stall on each.
// The strings of a shuffled list are scattered over the heap, so a miss
// costs far more than the work on the string.
func firstBytes(batch []string, first *[touchBatch]byte) {
	for i, s := range batch {
		first[i] = 0
		if s != "" {
			first[i] = s[0]
		}
	}
}

// hasPrefix reports whether s starts with prefix. first must be the first
// byte of s as stored by firstBytes, which saves loading s when it differs.
func hasPrefix(s string, first byte, prefix string) bool {
	return prefix == "" || first == prefix[0] && strings.HasPrefix(s, prefix)
}

func commonPrefixLen(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+windowBytes <= n; i += windowBytes {
		x, _ := window(a, i)
		y, _ := window(b, i)
		if x != y {
			return i + bits.LeadingZeros64(x^y)/8
		}
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// workersFor returns how many goroutines should share work on n items.
func workersFor(n int) int {
	if n < parallelMin {
		return 1
	}
	return runtime.GOMAXPROCS(0)
}

// forChunks calls fn on workers goroutines, each with its own contiguous
// chunk [start, end) of [0, n), and waits for all of them.
func forChunks(n, workers int, fn func(worker, start, end int)) {
	if workers <= 1 {
		fn(0, 0, n)
		return
	}
	chunk := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { fn(w, min(w*chunk, n), min((w+1)*chunk, n)) })
	}
	wg.Wait()
}

// buildKeys returns the codec for strs and stores in entries[i] the entry of
// strs[i], with i as its payload. entries must be as long as strs, and
// every index must fit in payloadBits bits.
func buildKeys(strs []string, entries []uint64, payloadBits int) *keyCodec {
	c := &keyCodec{payloadBits: payloadBits}
	if len(strs) == 0 {
		c.empty = true
		c.keyShift = 64
		c.exactClass = []bool{false}
		return c
	}
	workers := workersFor(len(strs))

	// The common prefix of a sample is usually the common prefix of all.
	// The pass below checks it, and repeats with the shorter prefix it
	// finds when the sample was wrong.
	prefix := strs[0]
	step := max(1, len(strs)/64)
	for i := step; i < len(strs); i += step {
		prefix = prefix[:commonPrefixLen(prefix, strs[i])]
	}
	prefix = prefix[:commonPrefixLen(prefix, strs[len(strs)-1])]

	prefixLens := make([]int, workers)
	varyWindows := make([]uint64, workers)
	varyClasses := make([]uint8, workers)
	for {
		refWindow, refClass := window(strs[0], len(prefix))
		forChunks(len(strs), workers, func(w, start, end int) {
			prefixLen := len(prefix)
			var varyWindow uint64
			var varyClass uint8
			var first [touchBatch]byte
			for i := start; i < end; i++ {
				if (i-start)%touchBatch == 0 {
					firstBytes(strs[i:min(i+touchBatch, end)], &first)
				}
				s := strs[i]
				if prefixLen < len(prefix) || !hasPrefix(s, first[(i-start)%touchBatch], prefix) {
					// The pass runs again with the shorter prefix, so
					// only the prefix length matters here.
					prefixLen = commonPrefixLen(s, prefix[:prefixLen])
					continue
				}
				win, class := window(s, len(prefix))
				entries[i] = win
				varyWindow |= win ^ refWindow
				varyClass |= class ^ refClass
			}
			prefixLens[w], varyWindows[w], varyClasses[w] = prefixLen, varyWindow, varyClass
		})
		if shortest := slices.Min(prefixLens); shortest < len(prefix) {
			prefix = prefix[:shortest]
			continue
		}
		c.prefix, c.refWindow, c.refClass = prefix, refWindow, refClass
		break
	}
	for w := range workers {
		c.varyWindow |= varyWindows[w]
		c.varyClass |= varyClasses[w]
	}
	c.planKey()

	forChunks(len(strs), workers, func(_, start, end int) {
		offset := len(c.prefix)
		for i := start; i < end; i++ {
			class := uint8(min(len(strs[i])-offset, classBeyond))
			entries[i] = c.compact(entries[i], class) | uint64(i)
		}
	})
	return c
}

// planKey lays out the key from the vary masks: the window's differing
// bits, then the class's, dropping the lowest that do not fit above the
// payload.
func (c *keyCodec) planKey() {
	c.windowMoves = compressMasks(c.varyWindow)
	for class := range c.classBits {
		c.classBits[class] = gatherBits(uint8(class), c.varyClass)
	}
	windowBits := uint(bits.OnesCount64(c.varyWindow))
	classBits := uint(bits.OnesCount8(c.varyClass))
	free := uint(64 - c.payloadBits)
	used := min(windowBits+classBits, free)
	c.keyShift = 64 - used
	c.windowDrop = windowBits - min(windowBits, used)
	c.classKept = used - (windowBits - c.windowDrop)
	c.classDrop = classBits - c.classKept
	c.truncated = c.windowDrop > 0 || c.classDrop > 0

	if c.truncated {
		c.exactClass = []bool{false}
		return
	}
	c.exactClass = make([]bool, 1<<classBits)
	for v := range c.exactClass {
		class := scatterBits(uint8(v), c.varyClass) | c.refClass&^c.varyClass
		c.exactClass[v] = class <= windowBytes
	}
}

// compressMasks returns the masks with which compress gathers the bits of
// mask. This is the compress operation of Hacker's Delight by Henry S.
// Warren, section 7-4, "Compress, or Generalized Extract", with the masks
// that depend only on mask computed once. Step i moves each selected bit
// down by 2^i when bit i of the number of unselected bits below it is set.
func compressMasks(mask uint64) [6]uint64 {
	var moves [6]uint64
	// zerosRight is used to count the 0 bits of mask right of each bit.
	zerosRight := ^mask << 1
	for i := range moves {
		// Bit j of suffix is the parity of the bits of zerosRight below
		// and at j.
		suffix := zerosRight ^ zerosRight<<1
		suffix ^= suffix << 2
		suffix ^= suffix << 4
		suffix ^= suffix << 8
		suffix ^= suffix << 16
		suffix ^= suffix << 32
		moves[i] = suffix & mask
		mask = mask ^ moves[i] | moves[i]>>(1<<i)
		zerosRight &^= suffix
	}
	return moves
}

// compress gathers the bits of x selected by mask into the low bits, in
// their order, as PEXT does. moves must be compressMasks(mask).
func compress(x, mask uint64, moves *[6]uint64) uint64 {
	x &= mask
	t := x & moves[0]
	x = x ^ t | t>>1
	t = x & moves[1]
	x = x ^ t | t>>2
	t = x & moves[2]
	x = x ^ t | t>>4
	t = x & moves[3]
	x = x ^ t | t>>8
	t = x & moves[4]
	x = x ^ t | t>>16
	t = x & moves[5]
	return x ^ t | t>>32
}

// gatherBits gathers the bits of b selected by mask into the low bits, as
// compress does for 64 bits.
func gatherBits(b, mask uint8) uint8 {
	var out uint8
	for bit := 7; bit >= 0; bit-- {
		if mask&(1<<bit) != 0 {
			out = out<<1 | b>>bit&1
		}
	}
	return out
}

// scatterBits spreads the low bits of v to the bits set in mask, in order.
// It is the inverse of gatherBits.
func scatterBits(v, mask uint8) uint8 {
	var out uint8
	for bit := 0; bit < 8; bit++ {
		if mask&(1<<bit) != 0 {
			out |= (v & 1) << bit
			v >>= 1
		}
	}
	return out
}

// compact returns the key of a window and class, shifted to the top of an
// entry.
func (c *keyCodec) compact(win uint64, class uint8) uint64 {
	key := compress(win, c.varyWindow, &c.windowMoves) >> c.windowDrop
	key = key<<c.classKept | uint64(c.classBits[class])>>c.classDrop
	return key << c.keyShift
}

// encode returns the key of s at the top of an entry. It returns false when
// s cannot be one of the strings the codec was built from, because it lacks
// their common prefix or differs from the reference in a bit they share.
func (c *keyCodec) encode(s string) (uint64, bool) {
	if c.empty || !strings.HasPrefix(s, c.prefix) {
		return 0, false
	}
	return c.encodeAfterPrefix(s)
}

// encodeAfterPrefix is encode for s that starts with the codec's prefix.
func (c *keyCodec) encodeAfterPrefix(s string) (uint64, bool) {
	win, class := window(s, len(c.prefix))
	if (win^c.refWindow)&^c.varyWindow != 0 || (class^c.refClass)&^c.varyClass != 0 {
		return 0, false
	}
	return c.compact(win, class), true
}

func (c *keyCodec) key(entry uint64) uint64 { return entry >> c.keyShift }

func (c *keyCodec) payload(entry uint64) int {
	return int(entry & (1<<c.payloadBits - 1))
}

// exact reports whether equal keys mean equal strings.
func (c *keyCodec) exact(key uint64) bool {
	return c.exactClass[key&uint64(len(c.exactClass)-1)]
}

// radixSort sorts entries by their bits from lowBit up with a stable LSD
// radix sort, so equal keys keep their order. scratch must be at least as
// long as entries. It returns the sorted entries, which are in entries or
// in scratch, and the other buffer.
func radixSort(entries, scratch []uint64, lowBit uint) (sorted, spare []uint64) {
	width := 64 - int(lowBit)
	if width <= 0 || len(entries) < 2 {
		return entries, scratch
	}
	// Short lists take narrower digits, so a pass does not walk far more
	// buckets than entries.
	widest := min(maxDigitBits, max(4, bits.Len(uint(len(entries)))-2))
	passes := (width + widest - 1) / widest
	digitBits := uint((width + passes - 1) / passes)
	workers := workersFor(len(entries))
	src, dst := entries, scratch[:len(entries)]
	for shift := lowBit; shift < 64; shift += digitBits {
		if radixPass(src, dst, shift, min(digitBits, 64-shift), workers) {
			src, dst = dst, src
		}
	}
	return src, dst
}

// radixPass moves src to dst stably ordered by the digit of digitBits bits
// at shift. It returns false, leaving dst unchanged, when every entry has
// the same digit.
func radixPass(src, dst []uint64, shift, digitBits uint, workers int) bool {
	buckets := 1 << digitBits
	mask := uint64(buckets - 1)
	counts := make([][]int, workers)
	forChunks(len(src), workers, func(w, start, end int) {
		count := make([]int, buckets)
		for _, e := range src[start:end] {
			count[e>>shift&mask]++
		}
		counts[w] = count
	})
	// Each worker's entries of a digit follow those of the workers before
	// it, which keeps the pass stable.
	sum := 0
	for d := range buckets {
		start := sum
		for w := range workers {
			n := counts[w][d]
			counts[w][d] = sum
			sum += n
		}
		if sum-start == len(src) {
			return false
		}
	}
	forChunks(len(src), workers, func(w, start, end int) {
		next := counts[w]
		for _, e := range src[start:end] {
			d := e >> shift & mask
			dst[next[d]] = e
			next[d]++
		}
	})
	return true
}

// sortedEntries returns the entries of strs sorted by string, with the
// index into strs as payload and equal strings in index order. It leaves
// strs unchanged.
func sortedEntries(strs []string) ([]uint64, *keyCodec) {
	entries := make([]uint64, len(strs))
	c := buildKeys(strs, entries, bits.Len(uint(len(strs))))
	if c.isSorted(strs, entries) {
		return entries, c
	}
	entries, _ = radixSort(entries, make([]uint64, len(entries)), c.keyShift)
	c.sortTies(strs, entries)
	return entries, c
}

// sortStrings sorts ids in byte order, the order of slices.Sort.
func sortStrings(ids []string) {
	if len(ids) <= comparisonSortMax {
		slices.Sort(ids)
		return
	}
	entries, c := sortedEntries(ids)
	sorted := make([]string, len(ids))
	for i, e := range entries {
		sorted[i] = ids[c.payload(e)]
	}
	copy(ids, sorted)
}

// isSorted reports whether entries, in index order, are already in string
// order.
func (c *keyCodec) isSorted(strs []string, entries []uint64) bool {
	workers := workersFor(len(entries))
	unsorted := make([]bool, workers)
	forChunks(len(entries), workers, func(w, start, end int) {
		for i := max(start, 1); i < end; i++ {
			a, b := c.key(entries[i-1]), c.key(entries[i])
			if a > b || a == b && !c.exact(a) && strs[i-1] > strs[i] {
				unsorted[w] = true
				return
			}
		}
	})
	return !slices.Contains(unsorted, true)
}

// sortTies sorts every run of equal keys that are not exact by string and
// then by index. The entries are split into one part per worker at run
// starts, fixed before any run is sorted, so no worker reads entries that
// another is moving.
func (c *keyCodec) sortTies(strs []string, entries []uint64) {
	mask := uint64(1)<<c.payloadBits - 1
	workers := workersFor(len(entries))
	cuts := make([]int, workers+1)
	for w := range cuts {
		cut := min(w*((len(entries)+workers-1)/workers), len(entries))
		for cut > 0 && cut < len(entries) && c.key(entries[cut]) == c.key(entries[cut-1]) {
			cut++
		}
		cuts[w] = max(cut, cuts[max(w-1, 0)])
	}
	sortRuns := func(start, end int) {
		for start < end {
			key := c.key(entries[start])
			run := start + 1
			for run < end && c.key(entries[run]) == key {
				run++
			}
			if run-start > 1 && !c.exact(key) {
				sortTied(strs, entries[start:run], mask, len(c.prefix))
			}
			start = run
		}
	}
	if workers == 1 {
		sortRuns(0, len(entries))
		return
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { sortRuns(cuts[w], cuts[w+1]) })
	}
	wg.Wait()
}

// sortTied sorts entries by the strings they index, whose first offset
// bytes are equal, and then by index. A short run is sorted by comparing
// windows. A long one gets keys of its own, from the run's longer common
// prefix and with fewer payload bits, and a radix sort. The recursion ends
// because each run is shorter than the list it came from. The top
// differing bit of a codec is in every key, so it splits the list.
func sortTied(strs []string, entries []uint64, mask uint64, offset int) {
	if len(entries) <= comparisonSortMax {
		sortByWindows(strs, entries, mask, offset)
		return
	}
	tied := slices.Clone(entries)
	own := make([]string, len(tied))
	for i, e := range tied {
		own[i] = strs[e&mask]
	}
	order, c := sortedEntries(own)
	for i, e := range order {
		entries[i] = tied[c.payload(e)]
	}
}

// tiedEntry is an entry with the window and length class of its string
// after the common prefix of a run.
type tiedEntry struct {
	window uint64
	class  uint8
	entry  uint64
}

// sortByWindows sorts like sortTied, by comparison. It copies the 8 bytes
// after the entries' common prefix next to each entry and compares those.
// Each group that ties on them and continues past them is sorted again
// from 8 bytes further. Each level reads each string once, where comparing
// strings would read them at every comparison.
func sortByWindows(strs []string, entries []uint64, mask uint64, offset int) {
	first := strs[entries[0]&mask]
	prefixLen := len(first)
	for _, e := range entries[1:] {
		prefixLen = offset + commonPrefixLen(first[offset:prefixLen], strs[e&mask][offset:])
	}
	tied := make([]tiedEntry, len(entries))
	for i, e := range entries {
		win, class := window(strs[e&mask], prefixLen)
		tied[i] = tiedEntry{win, class, e}
	}
	slices.SortFunc(tied, func(a, b tiedEntry) int {
		switch {
		case a.window != b.window:
			return cmp.Compare(a.window, b.window)
		case a.class != b.class:
			return cmp.Compare(a.class, b.class)
		}
		return cmp.Compare(a.entry&mask, b.entry&mask)
	})
	for i := range tied {
		entries[i] = tied[i].entry
	}
	for start := 0; start < len(tied); {
		end := start + 1
		for end < len(tied) && tied[end].window == tied[start].window && tied[end].class == tied[start].class {
			end++
		}
		if end-start > 1 && tied[start].class == classBeyond {
			sortTied(strs, entries[start:end], mask, prefixLen+windowBytes)
		}
		start = end
	}
}
