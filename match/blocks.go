package match

import "slices"

// Block kinds. A block key is the kind byte followed by a value, hashed to
// 64 bits (see blockHash).
const (
	blockName    byte = 'k' // name key or trade-name key, without spaces
	blockDropped byte = 'r' // name key with one word left out
	blockAcronym byte = 'a' // initials of the name, or a short one-word name
	blockToken   byte = 't' // one name word
	blockPrefix  byte = 'p' // first four letters of a long name word
	blockDomain  byte = 'd' // registrable domain
	blockBrand   byte = 'b' // brand label of a domain
)

// blockRef is one block key of a record: its kind and the hash of the kind
// and value.
type blockRef struct {
	hash uint64
	kind byte
}

// blockHash returns the 64-bit FNV-1a hash of kind followed by the words,
// separated by one space. The hash is fixed, not seeded, so block order and
// results are the same in every process. Two keys with the same hash share
// a block. That only adds candidates, which are compared in full. For a
// well-mixed 64-bit hash, an index of n keys has such a pair with a chance
// of about n²/2^65.
func blockHash(kind byte, words ...string) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	h = (h ^ uint64(kind)) * prime
	for i, w := range words {
		if i > 0 {
			h = (h ^ ' ') * prime
		}
		for j := 0; j < len(w); j++ {
			h = (h ^ uint64(w[j])) * prime
		}
	}
	return h
}

// blockTable maps block hashes to the positions of the accounts filed under
// them. Most blocks contain one account, so such a block is stored in the
// map value itself. A value v >= 0 is the single position v, and v < 0
// points to lists[-v-1]. By the map layout, that is an estimated 20 bytes
// per one-account block instead of about 60 with a slice per block.
type blockTable struct {
	values map[uint64]int32
	lists  [][]int32
	free   []int32 // unused entries of lists
}

func newBlockTable() blockTable {
	return blockTable{values: make(map[uint64]int32)}
}

// blockValue is a blockTable map value: a single position when it is not
// negative, and an index into lists otherwise.
type blockValue int32

// lookup returns the value of block h and whether the block exists, so
// that a caller reads the map once per block.
func (t *blockTable) lookup(h uint64) (blockValue, bool) {
	v, ok := t.values[h]
	return blockValue(v), ok
}

// sizeOf returns the number of positions of a block with value v.
func (t *blockTable) sizeOf(v blockValue) int {
	if v >= 0 {
		return 1
	}
	return len(t.lists[-v-1])
}

// appendPositions appends the positions of a block with value v to dst.
func (t *blockTable) appendPositions(dst []int32, v blockValue) []int32 {
	if v >= 0 {
		return append(dst, int32(v))
	}
	return append(dst, t.lists[-v-1]...)
}

// add files pos under h. Positions are added in ascending order, so every
// list stays sorted.
func (t *blockTable) add(h uint64, pos int32) {
	v, ok := t.values[h]
	switch {
	case !ok:
		t.values[h] = pos
	case v >= 0:
		list := []int32{v, pos}
		if n := len(t.free); n > 0 {
			i := t.free[n-1]
			t.free = t.free[:n-1]
			t.lists[i] = list
			t.values[h] = -i - 1
		} else {
			t.lists = append(t.lists, list)
			t.values[h] = -int32(len(t.lists))
		}
	default:
		t.lists[-v-1] = append(t.lists[-v-1], pos)
	}
}

// remove takes pos out of block h.
func (t *blockTable) remove(h uint64, pos int32) {
	v, ok := t.values[h]
	switch {
	case !ok:
	case v >= 0:
		if v == pos {
			delete(t.values, h)
		}
	default:
		i := -v - 1
		list := t.lists[i]
		if j := slices.Index(list, pos); j >= 0 {
			list = slices.Delete(list, j, j+1)
		}
		switch len(list) {
		case 0:
			delete(t.values, h)
			t.lists[i] = nil
			t.free = append(t.free, i)
		case 1:
			t.values[h] = list[0]
			t.lists[i] = nil
			t.free = append(t.free, i)
		default:
			t.lists[i] = list
		}
	}
}
