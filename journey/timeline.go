package journey

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"
)

// Timeline is the ordered history of one account's touches from both
// teams.
type Timeline struct {
	// AccountID identifies the account.
	AccountID string `json:"account_id"`
	// Touches are the account's touches ordered by instant. Equal
	// instants are ordered by team (marketing first), channel, type,
	// contact, campaign and source, and then by input order.
	Touches []Touchpoint `json:"touches"`
}

// TimelineOptions configures BuildTimelines. The zero value keeps every
// record as its own touch.
type TimelineOptions struct {
	// DuplicateWindow, when positive, merges records of the same touch
	// that were imported from different source systems. Two records are
	// the same touch when they belong to the same account, name the same
	// non-empty contact and the same non-empty type, come from different
	// sources, and lie at most DuplicateWindow apart. The later record is
	// appended to the MergedFrom of the nearest earlier record it
	// duplicates, so both sources stay visible. Records from the same source are never
	// merged, because one system exporting two similar rows usually means
	// two real touches.
	DuplicateWindow time.Duration
}

// NewTimeline builds the timeline of one account. Every touch must be
// valid and belong to accountID.
func NewTimeline(accountID string, touches []Touchpoint, opts TimelineOptions) (Timeline, error) {
	if accountID == "" {
		return Timeline{}, fmt.Errorf("journey: missing account ID for timeline")
	}
	sorted := make([]Touchpoint, len(touches))
	for i := range touches {
		if err := touches[i].Validate(); err != nil {
			return Timeline{}, fmt.Errorf("journey: touch %d: %w", i, err)
		}
		if touches[i].AccountID != accountID {
			return Timeline{}, fmt.Errorf("journey: touch %d belongs to account %q, not %q", i, touches[i].AccountID, accountID)
		}
		sorted[i] = touches[i]
	}
	sortTouches(sorted)
	sorted = mergeDuplicates(sorted, opts.DuplicateWindow)
	return Timeline{AccountID: accountID, Touches: sorted}, nil
}

// BuildTimelines groups touches by account and orders each account's
// touches by instant. Touches may come from several sources appended in
// any order. The result is sorted by account ID. An invalid touch is an
// error naming its index in touches.
func BuildTimelines(touches []Touchpoint, opts TimelineOptions) ([]Timeline, error) {
	return buildTimelines(touches, opts, false)
}

// BuildTimelinesInPlace is BuildTimelines without the copy: it reorders
// touches and returns timelines that share its memory. It suits large
// inputs that the caller no longer needs in their original order, because
// it saves an allocation the size of the input and the garbage collection
// cycle that such an allocation usually starts. On error, touches is left
// unchanged.
func BuildTimelinesInPlace(touches []Touchpoint, opts TimelineOptions) ([]Timeline, error) {
	return buildTimelines(touches, opts, true)
}

func buildTimelines(touches []Touchpoint, opts TimelineOptions, inPlace bool) ([]Timeline, error) {
	// Allocate the copy first. An allocation this large usually starts a
	// garbage collection cycle, and while it marks, every copied touch
	// goes through the write barrier. The passes below write no pointers
	// into the heap, so the cycle can run while they do.
	var gathered []Touchpoint
	if !inPlace {
		gathered = make([]Touchpoint, len(touches))
	}

	// Group in two passes: count each account's touches, then copy every
	// touch once into a contiguous range per account. Reading the input
	// sequentially and sorting each account's range where it lies keeps
	// memory access local, which matters more than the comparisons once
	// the input is larger than the CPU caches.
	slot := make(map[string]int32)
	var ids []string
	touchSlot := make([]int32, len(touches))
	// Validation shares this pass over the input, which matters once the
	// input no longer fits in the CPU caches. Nothing is modified before
	// the pass ends, so an error leaves touches unchanged.
	for i := range touches {
		if err := touches[i].Validate(); err != nil {
			return nil, fmt.Errorf("journey: touch %d: %w", i, err)
		}
		// Exports often list an account's touches together, so the
		// previous row's slot saves most map lookups there.
		if i > 0 && touches[i].AccountID == touches[i-1].AccountID {
			touchSlot[i] = touchSlot[i-1]
			continue
		}
		s, ok := slot[touches[i].AccountID]
		if !ok {
			s = int32(len(ids))
			slot[touches[i].AccountID] = s
			ids = append(ids, touches[i].AccountID)
		}
		touchSlot[i] = s
	}
	order := make([]int32, len(ids))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return compareStrings(ids[a], ids[b]) })

	// Each worker scatters one contiguous part of the input. Its offsets
	// within an account follow those of the workers before it, so every
	// account's range keeps input order whatever the scheduling.
	parts := splitRange(len(touches), runtime.GOMAXPROCS(0))
	partCounts := make([][]int, len(parts))
	forEachParallel(len(parts), func(p int) {
		counts := make([]int, len(ids))
		for i := parts[p][0]; i < parts[p][1]; i++ {
			counts[touchSlot[i]]++
		}
		partCounts[p] = counts
	})
	starts := make([]int, len(ids)+1)
	partOffsets := make([][]int, len(parts))
	for p := range parts {
		partOffsets[p] = make([]int, len(ids))
	}
	for rank, s := range order {
		next := starts[rank]
		for p := range parts {
			partOffsets[p][s] = next
			next += partCounts[p][s]
		}
		starts[rank+1] = next
	}
	// Either way every touch is copied once: in place along the cycles of
	// the grouping permutation, or gathered into new memory in final order.
	src := sources(touchSlot, parts, partOffsets)
	backing := touches
	if inPlace {
		permuteInPlace(backing, src)
	} else {
		backing = gathered
		forEachParallel(len(parts), func(p int) {
			for k := parts[p][0]; k < parts[p][1]; k++ {
				backing[k] = touches[src[k]]
			}
		})
	}

	timelines := make([]Timeline, len(ids))
	forEachParallel(len(ids), func(rank int) {
		own := backing[starts[rank]:starts[rank+1]:starts[rank+1]]
		sortTouches(own)
		own = mergeDuplicates(own, opts.DuplicateWindow)
		timelines[rank] = Timeline{AccountID: ids[order[rank]], Touches: own}
	})
	return timelines, nil
}

// sources returns, for every final position, the index of the touch
// that belongs there, advancing partOffsets as the copying scatter would.
func sources(touchSlot []int32, parts [][2]int, partOffsets [][]int) []int32 {
	src := make([]int32, len(touchSlot))
	forEachParallel(len(parts), func(p int) {
		offsets := partOffsets[p]
		for i := parts[p][0]; i < parts[p][1]; i++ {
			s := touchSlot[i]
			src[offsets[s]] = int32(i)
			offsets[s]++
		}
	})
	return src
}

// permuteInPlace moves touches[src[k]] to touches[k] for every k. It
// follows each cycle of the permutation once, holding one touch aside, so
// every touch is copied once. It overwrites src.
func permuteInPlace(touches []Touchpoint, src []int32) {
	for start := range src {
		if src[start] == int32(start) {
			continue
		}
		saved := touches[start]
		k := start
		for {
			from := int(src[k])
			src[k] = int32(k)
			if from == start {
				touches[k] = saved
				break
			}
			touches[k] = touches[from]
			k = from
		}
	}
}

// sortTouches sorts touches stably with compareTouches. It sorts a small
// permutation and then moves each touch along the permutation's cycles,
// because swapping Touchpoint values directly costs a large copy per swap
// and a sorted copy would double the memory for big inputs.
func sortTouches(touches []Touchpoint) {
	if len(touches) < 2 {
		return
	}
	// Exports are often already in time order, and a stable sort leaves a
	// sorted slice as it is.
	sorted := true
	for i := 1; i < len(touches) && sorted; i++ {
		sorted = compareTouches(&touches[i-1], &touches[i]) <= 0
	}
	if sorted {
		return
	}
	perm := make([]int32, len(touches))
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortStableFunc(perm, func(a, b int32) int { return compareTouches(&touches[a], &touches[b]) })

	permuteInPlace(touches, perm)
}

// splitRange splits [0, n) into at most parts contiguous [from, to) ranges.
func splitRange(n, parts int) [][2]int {
	parts = max(1, min(parts, n))
	ranges := make([][2]int, parts)
	for p := range parts {
		ranges[p] = [2]int{p * n / parts, (p + 1) * n / parts}
	}
	return ranges
}

// forEachParallel calls fn(i) for every i in [0, n), spreading the calls
// over GOMAXPROCS goroutines. fn must only write to state owned by i, so
// the result does not depend on scheduling.
func forEachParallel(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for w := range workers {
		from, to := w*chunk, min((w+1)*chunk, n)
		wg.Go(func() {
			for i := from; i < to; i++ {
				fn(i)
			}
		})
	}
	wg.Wait()
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// mergeDuplicates folds records of the same touch from different sources
// into the nearest earlier record, in place. touches must be sorted by instant.
func mergeDuplicates(touches []Touchpoint, window time.Duration) []Touchpoint {
	if window <= 0 || len(touches) < 2 {
		return touches
	}
	kept := touches[:0]
	for _, t := range touches {
		if t.Contact != "" && t.Type != "" {
			if k := findDuplicate(kept, &t, window); k >= 0 {
				// Clip so the append never writes into a MergedFrom array
				// that the caller's input shares.
				kept[k].MergedFrom = append(slices.Clip(kept[k].MergedFrom), t)
				continue
			}
		}
		kept = append(kept, t)
	}
	// Clear the tail so dropped records do not pin memory.
	clear(touches[len(kept):])
	return kept
}

// findDuplicate returns the index of the nearest earlier kept touch that
// t duplicates, or -1.
func findDuplicate(kept []Touchpoint, t *Touchpoint, window time.Duration) int {
	for k := len(kept) - 1; k >= 0; k-- {
		if t.Time.Sub(kept[k].Time) > window {
			return -1
		}
		c := &kept[k]
		if c.Contact != t.Contact || c.Type != t.Type {
			continue
		}
		if !slices.Contains(c.Sources(), t.Source) {
			return k
		}
	}
	return -1
}

// FirstTouch returns the account's earliest touch by team, and false if
// the team never touched the account.
func (tl *Timeline) FirstTouch(team Team) (Touchpoint, bool) {
	for i := range tl.Touches {
		if tl.Touches[i].Team == team {
			return tl.Touches[i], true
		}
	}
	return Touchpoint{}, false
}

// FirstMarketing returns the account's earliest marketing touch, and false
// if marketing never touched it.
func (tl *Timeline) FirstMarketing() (Touchpoint, bool) { return tl.FirstTouch(Marketing) }

// FirstSales returns the account's earliest sales touch, and false if
// sales never touched it.
func (tl *Timeline) FirstSales() (Touchpoint, bool) { return tl.FirstTouch(Sales) }

// FirstTeam returns the team whose touch came first, and false for an
// empty timeline. When the first marketing and first sales touches share
// an instant, Marketing is returned, following the timeline's tie-break.
func (tl *Timeline) FirstTeam() (Team, bool) {
	if len(tl.Touches) == 0 {
		return 0, false
	}
	return tl.Touches[0].Team, true
}

// FirstTouchGap returns the time from the first marketing touch to the
// first sales touch. It is negative when sales touched the account first.
// The boolean is false unless both teams touched the account.
func (tl *Timeline) FirstTouchGap() (time.Duration, bool) {
	m, okM := tl.FirstMarketing()
	s, okS := tl.FirstSales()
	if !okM || !okS {
		return 0, false
	}
	return s.Time.Sub(m.Time), true
}
