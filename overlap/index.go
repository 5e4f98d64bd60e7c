package overlap

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
)

// accountIndex is the universe sorted by account ID. A rank is a position
// in that order, and bitsets over the universe are indexed by rank, so
// walking ranks in order lists accounts in sorted order. Sets are matched by
// sorting their members the same way and merging the two sorted lists. This
// reads memory in order, where probing a hash table of 20 million IDs misses
// the cache and the TLB on nearly every lookup.
type accountIndex struct {
	keys  []string // the universe as given, never modified
	codec *keyCodec
	// sorted contains one entry per universe ID in string order, with the
	// position in keys as payload. Equal IDs are adjacent, in position
	// order.
	sorted []uint64
	// inOrder is true when the universe was given in string order, so
	// the payload of each sorted entry is its rank.
	inOrder bool
	// duplicate marks the ranks whose ID equals the one at the rank
	// before. It is nil when there are none.
	duplicate bitset
	distinct  int
	// spare is the scratch buffer of match, at least as long as keys.
	spare []uint64
}

// entryPool keeps the entry buffers of finished calls for the next call.
// The buffers for 20 million IDs take 320 MB, and allocating them on every
// call sets off garbage collections, whose cost grows with the caller's
// heap rather than with this package's work. The pool contains *[]uint64. A
// buffer is only reused, never read before it is written, so the pool does
// not change any result, and sync.Pool makes it safe for concurrent calls.
// Since Go 1.13, sync.Pool drops its buffers at the second garbage
// collection after they were put back.
var entryPool sync.Pool

// getEntries returns a buffer of n entries, with arbitrary contents.
func getEntries(n int) []uint64 {
	if n >= parallelMin {
		if buf, ok := entryPool.Get().(*[]uint64); ok && cap(*buf) >= n {
			return (*buf)[:n]
		}
	}
	return make([]uint64, n)
}

// putEntries gives a buffer back to entryPool. Small buffers are left to
// the garbage collector.
func putEntries(buf []uint64) {
	if cap(buf) >= parallelMin {
		entryPool.Put(&buf)
	}
}

// release gives the index's buffers back for later calls. The index must
// not be used afterwards.
func (x *accountIndex) release() {
	putEntries(x.sorted)
	putEntries(x.spare)
	x.sorted, x.spare = nil, nil
}

// indexUniverse sorts the universe and marks its repeated IDs. Every
// position of the universe and every index into a set that match is given
// must fit in payloadBits bits, and payloadBits must be at most 32. The
// index keeps the caller's slice as its keys and never modifies it.
func indexUniverse(universe []string, payloadBits int) *accountIndex {
	x := &accountIndex{keys: universe}
	entries := getEntries(len(universe))
	x.codec = buildKeys(universe, entries, payloadBits)
	x.spare = getEntries(len(universe))
	// Sorted universes are common for exported lists, and checking is far
	// cheaper than sorting.
	x.inOrder = x.codec.isSorted(universe, entries)
	if !x.inOrder {
		entries, x.spare = radixSort(entries, x.spare, x.codec.keyShift)
		x.codec.sortTies(universe, entries)
	}
	x.sorted = entries
	workers := workersFor(len(entries))
	repeats := make([][]int, workers)
	forChunks(len(entries), workers, func(w, start, end int) {
		for rank := max(start, 1); rank < end; rank++ {
			if x.sameID(entries[rank-1], entries[rank]) {
				repeats[w] = append(repeats[w], rank)
			}
		}
	})
	for _, ranks := range repeats {
		for _, rank := range ranks {
			if x.duplicate == nil {
				x.duplicate = newBitset(len(entries))
			}
			x.duplicate.set(rank)
		}
	}
	x.distinct = len(universe) - x.duplicate.count()
	return x
}

// sameID reports whether two universe entries refer to equal IDs.
func (x *accountIndex) sameID(a, b uint64) bool {
	key := x.codec.key(a)
	if key != x.codec.key(b) {
		return false
	}
	return x.codec.exact(key) || x.keys[x.codec.payload(a)] == x.keys[x.codec.payload(b)]
}

// id returns the ID at rank.
func (x *accountIndex) id(rank int) string {
	return x.keys[x.codec.payload(x.sorted[rank])]
}

// match sorts ids and finds each one in the universe. It returns found,
// one value per ID that can be in the universe in string order, and
// missing, the indices of the others. Each value of found has the rank of
// the equal universe ID plus 1 in the high 32 bits, or 0 when there is
// none, and the index in ids in the low 32 bits. Among equal universe IDs
// match finds the first rank. found shares x.spare and is valid until the
// next call. Every index into ids must fit in the payload bits given to
// indexUniverse.
func (x *accountIndex) match(ids []string) (found []uint64, missing []int) {
	if len(x.spare) < 2*len(ids) {
		putEntries(x.spare)
		x.spare = getEntries(2 * len(ids))
	}
	entries, scratch := x.spare[:len(ids)], x.spare[len(ids):2*len(ids)]
	encoded, missing := x.encodeAll(ids, entries)
	found, _ = radixSort(encoded, scratch, x.codec.keyShift)
	x.codec.sortTies(ids, found)
	x.mergeAll(ids, found)
	return found, missing
}

// encodeAll stores the entries of the IDs that can be in the universe at
// the start of entries, in the order of ids, and returns them with the
// indices of the other IDs.
func (x *accountIndex) encodeAll(ids []string, entries []uint64) ([]uint64, []int) {
	workers := workersFor(len(ids))
	filled := make([]int, workers)
	missing := make([][]int, workers)
	chunk := (len(ids) + workers - 1) / workers
	c := x.codec
	forChunks(len(ids), workers, func(w, start, end int) {
		next := start
		var first [touchBatch]byte
		for i := start; i < end; i++ {
			if (i-start)%touchBatch == 0 {
				firstBytes(ids[i:min(i+touchBatch, end)], &first)
			}
			var key uint64
			ok := !c.empty && hasPrefix(ids[i], first[(i-start)%touchBatch], c.prefix)
			if ok {
				key, ok = c.encodeAfterPrefix(ids[i])
			}
			if !ok {
				missing[w] = append(missing[w], i)
				continue
			}
			entries[next] = key | uint64(i)
			next++
		}
		filled[w] = next - start
	})
	n := filled[0]
	for w := 1; w < workers; w++ {
		if n != w*chunk { // no gap to close when every ID so far was encoded
			copy(entries[n:], entries[w*chunk:w*chunk+filled[w]])
		}
		n += filled[w]
	}
	return entries[:n], slices.Concat(missing...)
}

// mergeAll rewrites each sorted set entry as match describes. Large sets are
// split at key boundaries into one part per worker.
func (x *accountIndex) mergeAll(ids []string, set []uint64) {
	workers := workersFor(len(set))
	if workers <= 1 {
		x.merge(ids, set, x.sorted, 0)
		return
	}
	c := x.codec
	setCuts := []int{0}
	rankCuts := []int{0}
	for w := 1; w < workers; w++ {
		key := c.key(set[w*len(set)/workers])
		s, _ := slices.BinarySearchFunc(set, key, func(e, key uint64) int { return cmp.Compare(c.key(e), key) })
		r, _ := slices.BinarySearchFunc(x.sorted, key, func(e, key uint64) int { return cmp.Compare(c.key(e), key) })
		setCuts = append(setCuts, max(s, setCuts[w-1]))
		rankCuts = append(rankCuts, max(r, rankCuts[w-1]))
	}
	setCuts = append(setCuts, len(set))
	rankCuts = append(rankCuts, len(x.sorted))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			x.merge(ids, set[setCuts[w]:setCuts[w+1]], x.sorted[rankCuts[w]:rankCuts[w+1]], rankCuts[w])
		})
	}
	wg.Wait()
}

// merge matches sorted set entries against universe, the sorted entries
// from rank base on. Both lists are in string order, so one pass over each
// finds every match. An ID whose key is not exact needs a string
// comparison. When exactly one universe entry has its key, the comparison
// waits for the end of a batch, whose strings are then loaded together.
func (x *accountIndex) merge(ids []string, set, universe []uint64, base int) {
	c := x.codec
	next := 0 // universe entries before next are below every later ID
	var (
		candidates [touchBatch]int // universe index, or -1 for none
		check      [touchBatch]bool
		idBytes    [touchBatch]byte
		keyBytes   [touchBatch]byte
	)
	for start := 0; start < len(set); start += touchBatch {
		batch := set[start:min(start+touchBatch, len(set))]
		for j, e := range batch {
			key := c.key(e)
			for next < len(universe) && c.key(universe[next]) < key {
				next++
			}
			candidates[j], check[j] = -1, false
			switch {
			case next == len(universe) || c.key(universe[next]) != key:
			case c.exact(key):
				candidates[j] = next
			case next+1 == len(universe) || c.key(universe[next+1]) != key:
				candidates[j], check[j] = next, true
			default:
				candidates[j] = x.findTied(ids[c.payload(e)], universe, &next)
			}
		}
		for j, e := range batch {
			if check[j] {
				idBytes[j] = ids[c.payload(e)][0]
				keyBytes[j] = x.keys[c.payload(universe[candidates[j]])][0]
			}
		}
		for j, e := range batch {
			if check[j] && (idBytes[j] != keyBytes[j] || x.keys[c.payload(universe[candidates[j]])] != ids[c.payload(e)]) {
				candidates[j] = -1
			}
			var found uint64
			if candidates[j] >= 0 {
				found = uint64(base + candidates[j] + 1)
			}
			batch[j] = found<<32 | uint64(c.payload(e))
		}
	}
}

// findTied returns the index of id among the universe entries from *next
// on that share its key, or -1. It moves *next past the entries below id,
// which are below every later ID too.
func (x *accountIndex) findTied(id string, universe []uint64, next *int) int {
	c := x.codec
	key := c.key(universe[*next])
	for t := *next; t < len(universe) && c.key(universe[t]) == key; t++ {
		order := strings.Compare(x.keys[c.payload(universe[t])], id)
		if order < 0 {
			*next = t + 1
			continue
		}
		if order == 0 {
			return t
		}
		return -1
	}
	return -1
}

// resolve returns the rank of each ID in ids, or -1 for an ID outside the
// universe.
func (x *accountIndex) resolve(ids []string) []int {
	ranks := make([]int, len(ids))
	found, missing := x.match(ids)
	for _, m := range found {
		ranks[uint32(m)] = int(m>>32) - 1
	}
	for _, i := range missing {
		ranks[i] = -1
	}
	return ranks
}

func (x *accountIndex) size() int { return len(x.keys) }

// validWord returns the bits of word w that are ranks of distinct IDs.
func (x *accountIndex) validWord(w int) uint64 {
	n := len(x.keys)
	valid := ^uint64(0)
	if rest := n - w*64; rest < 64 {
		valid = (1 << rest) - 1
	}
	if x.duplicate != nil && w < len(x.duplicate) {
		valid &^= x.duplicate[w]
	}
	return valid
}

type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) set(p int) bool {
	w, m := p/64, uint64(1)<<(p%64)
	was := b[w]&m != 0
	b[w] |= m
	return !was
}

func (b bitset) has(p int) bool { return b[p/64]&(1<<(p%64)) != 0 }

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}
