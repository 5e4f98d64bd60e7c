package overlap

import (
	"hash/maphash"
	"math/bits"
	"runtime"
	"sync"
)

// accountIndex maps account IDs to dense positions. Positions 0..len(keys)-1
// are the universe in input order, so keys can share the caller's slice and no
// ID is copied. The table is open addressing with linear probing, because a
// Go map of 20 million strings costs several times the memory. Each slot
// holds the upper 32 bits of the key's hash above position+1, so a probe
// compares strings only when the hash bits match. A slot is 32 bits. The low
// bits contain position+1 and the bits above them a tag of the hash. With 20
// million IDs the tag has 7 bits, so a probe past a different key compares
// strings once in 128 times.
//
// The table is split into equal shards by the top bits of the hash, and
// probing wraps within a shard, so that one goroutine per shard can fill
// the table without locks.
type accountIndex struct {
	keys      []string
	duplicate bitset // positions that repeat an earlier key; nil if none
	table     []uint32
	// positionMask selects the position+1 bits of a slot. The bits above
	// it are the tag.
	positionMask uint32
	// shardShift is 64 minus log2 of the shard count, so hash>>shardShift
	// is the shard. Go defines a shift by 64 as 0, so one shard needs no
	// special case.
	shardShift uint
	shardSlots uint64 // slots per shard, a power of two
	seed       maphash.Seed
	distinct   int
}

// positionMaskFor returns the mask of the bits needed for positions+1 up to
// maxPositions.
func positionMaskFor(maxPositions int) uint32 {
	return uint32(1<<bits.Len(uint(maxPositions+1)) - 1)
}

// tag returns the tag bits of hash, taken from bits 32 and up, which neither
// the slot nor the shard uses.
func (x *accountIndex) tag(hash uint64) uint32 {
	return uint32(hash>>32) &^ x.positionMask
}

// slotsFor returns the power of two that keeps the load of n keys at or
// below two thirds.
func slotsFor(n int) uint64 {
	size := uint64(16)
	for size < uint64(n)+uint64(n)/2 {
		size <<= 1
	}
	return size
}

// newAccountIndex returns an empty single-shard index for the union mode,
// where at most maxPositions keys are added one by one. The table starts
// small and grows.
func newAccountIndex(maxPositions int) *accountIndex {
	size := slotsFor(min(maxPositions, 1<<16))
	return &accountIndex{
		table: make([]uint32, size), positionMask: positionMaskFor(maxPositions),
		shardShift: 64, shardSlots: size, seed: maphash.MakeSeed(),
	}
}

func (x *accountIndex) home(hash uint64) uint64 {
	return (hash>>x.shardShift)*x.shardSlots | hash&(x.shardSlots-1)
}

func (x *accountIndex) next(slot uint64) uint64 {
	return slot&^(x.shardSlots-1) | (slot+1)&(x.shardSlots-1)
}

// find returns the position of id and true, or the table slot where id would
// go and false. The returned tag is the slot value's hash part.
func (x *accountIndex) find(id string) (pos int, found bool, tag uint32) {
	hash := maphash.String(x.seed, id)
	pos, found = x.probe(id, hash, x.home(hash))
	return pos, found, x.tag(hash)
}

// probe looks for id from slot on, with hash already computed. It returns
// the position and true, or the first empty slot and false.
func (x *accountIndex) probe(id string, hash, slot uint64) (int, bool) {
	tag := x.tag(hash)
	for {
		v := x.table[slot]
		if v == 0 {
			return int(slot), false
		}
		if v&^x.positionMask == tag && x.keys[v&x.positionMask-1] == id {
			return int(v&x.positionMask - 1), true
		}
		slot = x.next(slot)
	}
}

// lookup returns the position of id and whether it is in the index.
func (x *accountIndex) lookup(id string) (int, bool) {
	pos, found, _ := x.find(id)
	return pos, found
}

// add appends id as the next position and returns that position, or returns
// the earlier position of an equal key and false. It needs a single shard.
func (x *accountIndex) add(id string) (int, bool) {
	if (x.distinct+1)*3 > len(x.table)*2 {
		x.grow()
	}
	slot, found, tag := x.find(id)
	if found {
		return slot, false
	}
	x.keys = append(x.keys, id)
	x.table[slot] = tag | uint32(len(x.keys))
	x.distinct++
	return len(x.keys) - 1, true
}

func (x *accountIndex) grow() {
	old := x.table
	x.table = make([]uint32, 2*len(old))
	x.shardSlots = uint64(len(x.table))
	for _, v := range old {
		if v == 0 {
			continue
		}
		slot := x.home(maphash.String(x.seed, x.keys[v&x.positionMask-1]))
		for x.table[slot] != 0 {
			slot = x.next(slot)
		}
		x.table[slot] = v
	}
}

// batchSize is the number of IDs that lookupAll and insertShard resolve
// together. Each step runs over the whole batch before the next step, so the
// CPU overlaps the cache and TLB misses of independent IDs, which dominate
// once the table and keys outgrow the cache.
const batchSize = 64

// lookupBatch stores in out[i] the position of batch[i], or -1 when it is
// not in the index. The batch must have at most batchSize IDs, none empty.
func (x *accountIndex) lookupBatch(batch []string, out *[batchSize]int) {
	var (
		firstBytes [batchSize]byte
		hashes     [batchSize]uint64
		slots      [batchSize]uint64
		first      [batchSize]uint32
		keys       [batchSize]string
		keyBytes   [batchSize]byte
		candidate  [batchSize]bool
	)
	// Load each ID's bytes, then hash them from the cache.
	for i, id := range batch {
		firstBytes[i] = id[0]
	}
	for i, id := range batch {
		hashes[i] = maphash.String(x.seed, id)
		slots[i] = x.home(hashes[i])
	}
	for i := range batch {
		first[i] = x.table[slots[i]]
	}
	// Probe within the loaded lines up to the first empty slot or
	// matching tag, and load the key at that position.
	for i := range batch {
		tag, slot := x.tag(hashes[i]), slots[i]
		candidate[i] = false
		for v := first[i]; v != 0; v = x.table[slot] {
			if v&^x.positionMask == tag {
				candidate[i] = true
				keys[i] = x.keys[v&x.positionMask-1]
				break
			}
			slot = x.next(slot)
		}
		slots[i] = slot
	}
	for i := range batch {
		if candidate[i] && keys[i] != "" {
			keyBytes[i] = keys[i][0]
		}
	}
	for i, id := range batch {
		switch {
		case !candidate[i]:
			out[i] = -1
		case keyBytes[i] == firstBytes[i] && keys[i] == id:
			out[i] = int(x.table[slots[i]]&x.positionMask - 1)
		default:
			// A different key with the same tag, which is rare.
			pos, found := x.probe(id, hashes[i], x.next(slots[i]))
			if !found {
				pos = -1
			}
			out[i] = pos
		}
	}
}

// indexUniverse indexes the universe in input order and marks repeated IDs,
// keeping the first occurrence. The index keeps the caller's slice as its
// keys and never modifies it. Large universes are hashed and inserted by
// GOMAXPROCS goroutines, one shard each.
func indexUniverse(universe []string) *accountIndex {
	shardBits := 0
	if len(universe) >= parallelMin {
		for 1<<(shardBits+1) <= runtime.GOMAXPROCS(0) && shardBits < 6 {
			shardBits++
		}
	}
	shards := 1 << shardBits
	shardShift := uint(64 - shardBits)

	hashes := make([]uint64, len(universe))
	counts := make([][]int, shards)
	chunk := (len(universe) + shards - 1) / shards
	var wg sync.WaitGroup
	seed := maphash.MakeSeed()
	for c := range shards {
		counts[c] = make([]int, shards)
		wg.Go(func() {
			end := min((c+1)*chunk, len(universe))
			for p := min(c*chunk, end); p < end; p++ {
				h := maphash.String(seed, universe[p])
				hashes[p] = h
				counts[c][h>>shardShift]++
			}
		})
	}
	wg.Wait()

	// Equal shards must each fit the fullest one.
	largest := 0
	for shard := range shards {
		total := 0
		for c := range shards {
			total += counts[c][shard]
		}
		largest = max(largest, total)
	}
	slots := slotsFor(largest)
	x := &accountIndex{
		keys:         universe,
		table:        make([]uint32, slots*uint64(shards)),
		positionMask: positionMaskFor(len(universe)),
		shardShift:   shardShift,
		shardSlots:   slots,
		seed:         seed,
	}
	duplicates := make([][]int, shards)
	for shard := range shards {
		wg.Go(func() {
			duplicates[shard] = x.insertShard(uint64(shard), hashes)
		})
	}
	wg.Wait()
	for _, list := range duplicates {
		for _, p := range list {
			if x.duplicate == nil {
				x.duplicate = newBitset(len(universe))
			}
			x.duplicate.set(p)
		}
	}
	x.distinct = len(universe) - x.duplicate.count()
	return x
}

// insertShard inserts every position whose hash falls in shard, in position
// order, and returns the positions whose key was already present.
func (x *accountIndex) insertShard(shard uint64, hashes []uint64) (duplicates []int) {
	var (
		positions [batchSize]int
		first     [batchSize]uint32
	)
	for start := 0; start < len(hashes); {
		n := 0
		for ; start < len(hashes) && n < batchSize; start++ {
			if hashes[start]>>x.shardShift == shard {
				positions[n] = start
				n++
			}
		}
		for i := range n {
			first[i] = x.table[x.home(hashes[positions[i]])]
		}
		for i := range n {
			p := positions[i]
			h := hashes[p]
			slot, found := x.home(h), false
			// An earlier ID of this batch may have taken the slot since
			// it was loaded, so an empty first slot is checked again.
			if first[i] != 0 || x.table[slot] != 0 {
				var pos int
				pos, found = x.probe(x.keys[p], h, slot)
				slot = uint64(pos)
			}
			if found {
				duplicates = append(duplicates, p)
				continue
			}
			x.table[slot] = x.tag(h) | uint32(p+1)
		}
	}
	return duplicates
}

func (x *accountIndex) isDuplicate(p int) bool {
	return x.duplicate != nil && p/64 < len(x.duplicate) && x.duplicate[p/64]&(1<<(p%64)) != 0
}

// validWord returns the bits of word w that are distinct universe positions.
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
