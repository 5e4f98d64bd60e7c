package overlap

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"strings"
)

// accountIndex maps account IDs to dense positions. Positions 0..len(keys)-1
// are the universe in input order, so keys can share the caller's slice and no
// ID is copied. The table is open addressing with linear probing over
// positions+1, because a Go map of 20 million strings costs several times the
// memory.
type accountIndex struct {
	keys      []string
	duplicate []uint64 // bitset of positions that repeat an earlier key; nil if none
	table     []uint32
	seed      maphash.Seed
	distinct  int
	// order lists positions in ascending key order. It is nil when keys are
	// already sorted, which is common for generated or exported lists.
	order []uint32
}

func newAccountIndex(capacity int) *accountIndex {
	size := 16
	for size < capacity+capacity/2 {
		size <<= 1
	}
	return &accountIndex{table: make([]uint32, size), seed: maphash.MakeSeed()}
}

// find returns the position of id and true, or the table slot where id would
// go and false.
func (x *accountIndex) find(id string) (int, bool) {
	mask := uint64(len(x.table) - 1)
	slot := maphash.String(x.seed, id) & mask
	for {
		v := x.table[slot]
		if v == 0 {
			return int(slot), false
		}
		if x.keys[v-1] == id {
			return int(v - 1), true
		}
		slot = (slot + 1) & mask
	}
}

// add appends id as the next position and returns that position, or returns
// the earlier position of an equal key and false.
func (x *accountIndex) add(id string) (int, bool) {
	if (x.distinct+1)*10 > len(x.table)*7 {
		x.grow()
	}
	slot, found := x.find(id)
	if found {
		return slot, false
	}
	x.keys = append(x.keys, id)
	x.table[slot] = uint32(len(x.keys))
	x.distinct++
	return len(x.keys) - 1, true
}

func (x *accountIndex) grow() {
	old := x.table
	x.table = make([]uint32, 2*len(old))
	mask := uint64(len(x.table) - 1)
	for _, v := range old {
		if v == 0 {
			continue
		}
		slot := maphash.String(x.seed, x.keys[v-1]) & mask
		for x.table[slot] != 0 {
			slot = (slot + 1) & mask
		}
		x.table[slot] = v
	}
}

// indexUniverse indexes the universe in input order and marks repeated IDs.
// The index keeps the caller's slice as its keys and never modifies it.
func indexUniverse(universe []string) *accountIndex {
	x := newAccountIndex(len(universe))
	x.keys = universe
	for p, id := range universe {
		slot, found := x.find(id)
		if found {
			if x.duplicate == nil {
				x.duplicate = newBitset(len(universe))
			}
			x.duplicate[p/64] |= 1 << (p % 64)
			continue
		}
		x.table[slot] = uint32(p + 1)
		x.distinct++
	}
	return x
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

// sortOrder prepares order, the ascending key order, unless the keys are
// already sorted.
func (x *accountIndex) sortOrder() {
	if slices.IsSorted(x.keys) {
		x.order = nil
		return
	}
	x.order = make([]uint32, len(x.keys))
	for i := range x.order {
		x.order[i] = uint32(i)
	}
	slices.SortFunc(x.order, func(a, b uint32) int {
		return strings.Compare(x.keys[a], x.keys[b])
	})
}

// position returns the i-th position in ascending key order.
func (x *accountIndex) position(i int) int {
	if x.order == nil {
		return i
	}
	return int(x.order[i])
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
