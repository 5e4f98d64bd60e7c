package overlap

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// repeatIDs returns n IDs built by fn, for table cases too long to write
// out.
func repeatIDs(n int, fn func(i int) string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fn(i)
	}
	return out
}

func TestSortStrings(t *testing.T) {
	long := strings.Repeat("x", 40)
	tests := []struct {
		name string
		ids  []string
	}{
		{"empty list", nil},
		{"one", []string{"a"}},
		{"empty strings", []string{"", "b", "", "a", ""}},
		{"prefixes of each other", repeatIDs(100, func(i int) string { return strings.Repeat("ab", 50-i/2)[:100-i] })},
		{"zero bytes after a prefix", repeatIDs(60, func(i int) string { return "ab" + strings.Repeat("\x00", i%9) + fmt.Sprint(i%3) })},
		{"high bytes", repeatIDs(70, func(i int) string { return string([]byte{0xff, byte(255 - i), 0x80, byte(i * 7)}) })},
		{"unicode", repeatIDs(50, func(i int) string { return []string{"é", "e", "ü", "日本", "z", "Z"}[i%6] + fmt.Sprint(i%5) })},
		{"all equal", repeatIDs(80, func(int) string { return "same" })},
		{"equal long strings", repeatIDs(80, func(i int) string { return long + fmt.Sprint(i%4) })},
		{"long shared prefix", repeatIDs(1000, func(i int) string { return long + fmt.Sprintf("%c%s", 'a'+i%3, long) + fmt.Sprint(i) })},
		{"differ only past the window", repeatIDs(90, func(i int) string { return "p" + strings.Repeat("q", 8) + fmt.Sprint(90-i) })},
		{"lengths around the window", repeatIDs(64, func(i int) string { return strings.Repeat("k", i%19) })},
		{"account IDs in reverse", repeatIDs(500, func(i int) string { return fmt.Sprintf("acct-%08d", 500-i) })},
		{"sorted already", repeatIDs(500, func(i int) string { return fmt.Sprintf("acct-%08d", i) })},
		{"mixed prefixes", repeatIDs(300, func(i int) string { return fmt.Sprintf("org%d-customer-%07d", i%3, i/3) })},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Six copies add repeats and take every case of 50 IDs or
			// more past comparisonSortMax, onto the radix path.
			ids := slices.Concat(tt.ids, tt.ids, tt.ids, tt.ids, tt.ids, tt.ids)
			if len(tt.ids) < 5 {
				ids = tt.ids
			}
			got := slices.Clone(ids)
			sortStrings(got)
			want := slices.Clone(ids)
			slices.Sort(want)
			assert.Equal(t, want, got)
		})
	}
}

// randomIDs returns n IDs drawn from a small alphabet with shared prefixes,
// repeats and lengths on both sides of the window.
func randomIDs(rng *rand.Rand, n int) []string {
	alphabet := []string{"", "\x00", "\xff", "a", "ab", "abcdefgh", "é", "0", "1", "zz"}
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		out[i] = b.String()
	}
	return out
}

func TestSortStringsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for _, n := range []int{comparisonSortMax + 1, 5000, parallelMin + 17} {
		ids := randomIDs(rng, n)
		got := slices.Clone(ids)
		sortStrings(got)
		want := slices.Clone(ids)
		slices.Sort(want)
		require.Equal(t, want, got, "%d IDs", n)
	}
}

// The payload takes 60 of the 64 bits here, so keys are truncated and runs
// of tied keys are sorted with keys of their own.
func TestSortStringsTruncatedKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	ids := repeatIDs(5000, func(int) string {
		b := make([]byte, 24)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		return string(b)
	})
	entries := make([]uint64, len(ids))
	c := buildKeys(ids, entries, 60)
	require.True(t, c.truncated)
	entries, _ = radixSort(entries, make([]uint64, len(entries)), c.keyShift)
	c.sortTies(ids, entries)
	got := make([]string, len(ids))
	for i, e := range entries {
		got[i] = ids[c.payload(e)]
	}
	want := slices.Clone(ids)
	slices.Sort(want)
	assert.Equal(t, want, got)
}

func TestRadixSort(t *testing.T) {
	const payloadBits = 20
	tests := []struct {
		name string
		n    int
		key  func(rng *rand.Rand) uint64 // key bits above the payload
	}{
		{"random keys", parallelMin + 3, func(rng *rand.Rand) uint64 { return rng.Uint64() >> payloadBits }},
		{"top digit always zero", parallelMin + 3, func(rng *rand.Rand) uint64 { return rng.Uint64() >> (payloadBits + 11) }},
		{"few distinct keys", parallelMin + 3, func(rng *rand.Rand) uint64 { return uint64(rng.IntN(3)) << 40 }},
		{"narrow keys", parallelMin + 3, func(rng *rand.Rand) uint64 { return uint64(rng.IntN(1000)) }},
		{"short list", 300, func(rng *rand.Rand) uint64 { return rng.Uint64() >> payloadBits }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(27, 28))
			entries := make([]uint64, tt.n)
			for i := range entries {
				entries[i] = tt.key(rng)<<payloadBits | uint64(i)
			}
			// Entries are unique and in index order, so a stable sort
			// by key equals a sort of the whole values.
			want := slices.Clone(entries)
			slices.Sort(want)
			got, _ := radixSort(entries, make([]uint64, len(entries)), payloadBits)
			assert.Equal(t, want, got)
		})
	}
}

func TestCompress(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	masks := []uint64{0, ^uint64(0), 1, 1 << 63, 0x0f0f0f0f0f0f0f0f, 0x010f0f0f0f0f0f0f, 0xaaaaaaaaaaaaaaaa}
	for range 200 {
		masks = append(masks, rng.Uint64()&rng.Uint64())
	}
	for _, mask := range masks {
		moves := compressMasks(mask)
		for range 50 {
			x := rng.Uint64()
			// Gather the bits one by one, most significant first.
			var want uint64
			for bit := 63; bit >= 0; bit-- {
				if mask>>bit&1 != 0 {
					want = want<<1 | x>>bit&1
				}
			}
			require.Equal(t, want, compress(x, mask, &moves), "mask %#x, x %#x", mask, x)
		}
	}
}

func TestKeyCodecEncode(t *testing.T) {
	universe := []string{"acct-01", "acct-02", "acct-10"}
	entries := make([]uint64, len(universe))
	c := buildKeys(universe, entries, 2)
	for i, id := range universe {
		key, ok := c.encode(id)
		require.True(t, ok, id)
		assert.Equal(t, entries[i]>>c.keyShift, key>>c.keyShift, id)
		assert.True(t, c.exact(key>>c.keyShift), id)
	}
	for _, id := range []string{"acct-0", "acct-011", "acct-03", "acct-1", "bcct-01", ""} {
		key, ok := c.encode(id)
		if ok {
			// A string with the constant bits of the universe still
			// gets a key, which must not equal a universe key.
			for _, e := range entries {
				assert.NotEqual(t, e>>c.keyShift, key>>c.keyShift, id)
			}
		}
	}
}

// FuzzSortStrings splits its input at the first byte, so IDs can contain
// any byte, zero included.
func FuzzSortStrings(f *testing.F) {
	f.Add(",a,ab,abc,,b")
	f.Add("|acct-1|acct-10|acct-2|acct-2")
	f.Add("\x00\xff\xfe\x00\xff\x00\x00é\x00e")
	f.Add("\n" + strings.Repeat("prefix-shared-by-all\n", 40))
	f.Add("\x01a\x00\x01a\x01a\x00\x00\x01")
	f.Fuzz(func(t *testing.T, input string) {
		if input == "" {
			return
		}
		ids := strings.Split(input[1:], input[:1])
		// Repeat the list so the radix path runs, not only slices.Sort.
		for len(ids) <= comparisonSortMax {
			ids = append(ids, ids...)
		}
		got := slices.Clone(ids)
		sortStrings(got)
		want := slices.Clone(ids)
		slices.Sort(want)
		if !slices.Equal(want, got) {
			t.Fatalf("sortStrings(%q) = %q, want %q", ids, got, want)
		}
	})
}
