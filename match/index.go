package match

import (
	"cmp"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Index holds parsed accounts and the blocks that find likely candidates
// for a record without comparing it to every account. An Index is safe for
// concurrent use, so Match and Link may run while Add and Remove change the
// accounts. Each Match uses the accounts as they are before or after a
// change, never half of one. A Link that runs during a change may match its
// earlier records against the old accounts and later ones against the new. Results are deterministic for the same sequence of calls.
type Index struct {
	mu       sync.RWMutex
	accounts []indexedAccount // by position; removed ones stay as holes
	byID     map[string]int
	blocks   blockTable
	df       map[string]int
	cities   map[string]int // folded city name -> accounts in it
	live     int
	comparer comparer
	margin   float64
	maxBlock int
	maxCands int
}

type indexedAccount struct {
	id, name, parentID string // from the account's Record
	parsed             parsedRecord
	// sig is a hash of the evidence that the account is compared by (see
	// evidenceSignature). No record can distinguish accounts with equal
	// evidence; sameEvidence compares it exactly.
	sig     uint64
	removed bool
}

// sameEvidence reports whether a and b carry the same evidence, so that no
// record can tell them apart.
func sameEvidence(a, b *indexedAccount) bool {
	p, q := &a.parsed, &b.parsed
	return a.sig == b.sig && p.key == q.key && slices.Equal(p.tradeKeys, q.tradeKeys) &&
		slices.Equal(p.domains, q.domains) && p.country == q.country && p.city == q.city && p.phone == q.phone &&
		slices.EqualFunc(p.aliases, q.aliases, func(x, y parsedRecord) bool { return x.key == y.key })
}

// Option configures an Index.
type Option func(*Index)

// WithWeights sets the comparison weights. The default is DefaultWeights.
func WithWeights(w Weights) Option {
	return func(ix *Index) { ix.comparer.weights = w }
}

// WithThresholds sets the decision thresholds. The default is
// DefaultThresholds.
func WithThresholds(t Thresholds) Option {
	return func(ix *Index) { ix.comparer.thresholds = t }
}

// WithAmbiguityMargin sets the margin, in log2 weight, under which two
// matching accounts count as tied. The default is 1: a runner-up whose odds
// are more than half of the best account's makes the result ambiguous.
func WithAmbiguityMargin(margin float64) Option {
	return func(ix *Index) { ix.margin = margin }
}

// NewIndex parses and indexes accounts, using every core for large lists.
// It returns an error when an account has an empty ID or when two accounts
// share an ID; the error names the positions. Accounts without a usable
// name or domain are kept, so that they still count in the universe, but
// nothing can match them; Unmatchable lists them.
func NewIndex(accounts []Record, opts ...Option) (*Index, error) {
	ix := &Index{
		byID:     make(map[string]int, len(accounts)),
		blocks:   newBlockTable(),
		df:       make(map[string]int),
		cities:   make(map[string]int),
		comparer: defaultComparer,
		margin:   1,
		maxCands: 5,
	}
	for _, opt := range opts {
		opt(ix)
	}
	ix.comparer = ix.comparer.withRules()
	if err := ix.Add(accounts...); err != nil {
		return nil, err
	}
	return ix, nil
}

// Add parses and indexes more accounts. It returns an error, and adds
// nothing, when an account has an empty ID or an ID already in the index.
// The weights of the new accounts' name tokens use the token counts after
// the addition; accounts indexed earlier keep the weights they were given.
func (ix *Index) Add(accounts ...Record) error {
	seen := make(map[string]int, len(accounts))
	for i, a := range accounts {
		if strings.TrimSpace(a.ID) == "" {
			return fmt.Errorf("match: account %d (name %s) has an empty ID", i+1, quote(a.Name))
		}
		if j, ok := seen[a.ID]; ok {
			return fmt.Errorf("match: accounts %d and %d share the ID %s", j+1, i+1, quote(a.ID))
		}
		seen[a.ID] = i
	}
	parsed := parseRecords(accounts)

	ix.mu.Lock()
	defer ix.mu.Unlock()
	for i, a := range accounts {
		if _, ok := ix.byID[a.ID]; ok {
			return fmt.Errorf("match: account %d has the ID %s, which the index already contains; remove it first or use another ID", i+1, quote(a.ID))
		}
	}
	if len(ix.accounts)+len(accounts) > math.MaxInt32 {
		return fmt.Errorf("match: an index can contain at most %d accounts", math.MaxInt32)
	}
	first := len(ix.accounts)
	ix.accounts = slices.Grow(ix.accounts, len(accounts))
	for i, a := range accounts {
		p := &parsed[i]
		ix.byID[a.ID] = first + i
		ix.accounts = append(ix.accounts, indexedAccount{id: a.ID, name: a.Name, parentID: a.ParentID,
			parsed: *p, sig: blockHash(0, evidenceSignature(p))})
		for _, t := range p.allTokens() {
			ix.df[t]++
		}
		if p.city != "" {
			ix.cities[p.city]++
		}
	}
	ix.live += len(accounts)
	ix.updateBlockLimit()
	for pos := first; pos < len(ix.accounts); pos++ {
		a := &ix.accounts[pos]
		a.parsed.weighTokens(ix.tokenWeight)
		for _, ref := range ix.blockRefs(&a.parsed, false) {
			ix.blocks.add(ref.hash, int32(pos))
		}
	}
	return nil
}

// Remove removes the accounts with the given IDs and returns how many it
// found. IDs that the index does not hold are ignored.
func (ix *Index) Remove(ids ...string) int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	removed := 0
	for _, id := range ids {
		pos, ok := ix.byID[id]
		if !ok {
			continue
		}
		delete(ix.byID, id)
		a := &ix.accounts[pos]
		for _, ref := range ix.blockRefs(&a.parsed, false) {
			ix.blocks.remove(ref.hash, int32(pos))
		}
		for _, t := range a.parsed.allTokens() {
			if ix.df[t]--; ix.df[t] <= 0 {
				delete(ix.df, t)
			}
		}
		if c := a.parsed.city; c != "" {
			if ix.cities[c]--; ix.cities[c] <= 0 {
				delete(ix.cities, c)
			}
		}
		*a = indexedAccount{removed: true}
		ix.live--
		removed++
	}
	ix.updateBlockLimit()
	return removed
}

// updateBlockLimit sets maxBlock from the number of accounts. A token
// shared by more accounts than maxBlock forms no block of its own, because
// it would make every one of them a candidate for every record that
// carries it. The limit grows with the index, from 20 to 200 accounts.
func (ix *Index) updateBlockLimit() {
	ix.maxBlock = max(20, min(200, ix.live/500))
}

func distinctTokens(tokens []string) []string {
	out := make([]string, 0, len(tokens))
	for _, t := range tokens {
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// parseRecords parses records on every core when there are many.
func parseRecords(records []Record) []parsedRecord {
	parsed := make([]parsedRecord, len(records))
	const chunk = 4096
	if len(records) < 2*chunk {
		for i := range records {
			parsed[i] = parseRecord(records[i])
		}
		return parsed
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for start := range next {
				for i := start; i < min(start+chunk, len(records)); i++ {
					parsed[i] = parseRecord(records[i])
				}
			}
		}()
	}
	for start := 0; start < len(records); start += chunk {
		next <- start
	}
	close(next)
	wg.Wait()
	return parsed
}

// UltimateParent returns the top of id's chain of parents in the index: the
// last account reached by following ParentID while the parent is indexed.
// It returns id itself when the account has no indexed parent, and "" when
// the index does not hold id. A cycle of parents stops at the account
// before the cycle repeats.
func (ix *Index) UltimateParent(id string) string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if _, ok := ix.byID[id]; !ok {
		return ""
	}
	if chain := ix.parents(id); len(chain) > 0 {
		return chain[len(chain)-1]
	}
	return id
}

// parents returns id's chain of indexed parents, nearest first. The caller
// holds ix.mu for reading.
func (ix *Index) parents(id string) []string {
	var chain []string
	seen := map[string]bool{id: true}
	for {
		pos, ok := ix.byID[id]
		if !ok {
			return chain
		}
		parent := strings.TrimSpace(ix.accounts[pos].parentID)
		if _, indexed := ix.byID[parent]; parent == "" || !indexed || seen[parent] {
			return chain
		}
		seen[parent] = true
		chain = append(chain, parent)
		id = parent
	}
}

// Len returns the number of indexed accounts.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live
}

// Unmatchable returns the IDs of accounts that carry no usable name or
// domain, in index order.
func (ix *Index) Unmatchable() []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var ids []string
	for _, a := range ix.accounts {
		if !a.removed && !a.parsed.hasEvidence() {
			ids = append(ids, a.id)
		}
	}
	return ids
}

// Duplicates returns the groups of accounts that carry the same evidence
// (name key, trade names and domain), so that no record can tell them
// apart: often one company listed twice, such as two share classes. Each
// group lists IDs in index order, and groups are ordered by their first
// account. Match matches a record to the first account of a group and
// names the rest in Result.Duplicates.
func (ix *Index) Duplicates() [][]string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	groups := map[string][]string{}
	var order []string
	for _, a := range ix.accounts {
		if a.removed || !a.parsed.hasEvidence() {
			continue
		}
		sig := evidenceSignature(&a.parsed)
		if _, ok := groups[sig]; !ok {
			order = append(order, sig)
		}
		groups[sig] = append(groups[sig], a.id)
	}
	var out [][]string
	for _, sig := range order {
		if len(groups[sig]) > 1 {
			out = append(out, groups[sig])
		}
	}
	return out
}

// sameEvidence reports whether the accounts at positions i and j carry the
// same evidence.
func (ix *Index) sameEvidence(i, j int32) bool {
	return i == j || sameEvidence(&ix.accounts[i], &ix.accounts[j])
}

// evidenceSignature joins the evidence that accounts are compared by.
func evidenceSignature(p *parsedRecord) string {
	sig := p.key + "\x00" + strings.Join(p.tradeKeys, "\x01") + "\x00" + strings.Join(p.domains, "\x01") +
		"\x00" + p.country + "\x00" + p.city + "\x00" + p.phone
	for _, a := range p.aliases {
		sig += "\x00" + a.key
	}
	return sig
}

// tokenWeight weighs a token by its inverse document frequency among the
// indexed accounts, ln(1 + N/df), times 0.3 for generic words and 0.05 for
// stop words. A token that no account carries weighs as if one did.
func (ix *Index) tokenWeight(token string) float64 {
	df := max(ix.df[token], 1)
	return math.Log(1+float64(max(ix.live, 1))/float64(df)) * defaultTokenWeight(token)
}

// blockRefs returns the blocks of p. They are, for its name and each alias,
// the name key, the trade names, the acronym key, its domains, their brand labels and each name
// token but stop words. As a fallback for typos, the first four letters of
// each token of five letters or more are keys too.
//
// Names of three to six words are also filed under each key with one word
// left out, so that a record with one misspelt word, or one word fewer,
// still shares a block with the account. For an account (query false),
// those are its blockDropped keys. A record being matched (query true)
// looks up two things among the accounts' blockDropped keys: its own keys
// with one word left out, and its whole key. It also looks up its keys
// with one word left out among the accounts' name keys, which finds an
// account whose name has one word fewer. For a record being matched,
// tokens that more than maxBlock accounts share are left out.
func (ix *Index) blockRefs(p *parsedRecord, query bool) []blockRef {
	var refs []blockRef
	if p.hasName() {
		refs = ix.nameRefs(refs, p, query)
		for i := range p.aliases {
			refs = ix.nameRefs(refs, &p.aliases[i], query)
		}
	}
	add := func(kind byte, h uint64) { refs = append(refs, blockRef{hash: h, kind: kind}) }
	for _, d := range p.domains {
		add(blockDomain, blockHash(blockDomain, d))
	}
	for _, b := range p.brands {
		add(blockBrand, blockHash(blockBrand, b))
	}
	slices.SortFunc(refs, func(a, b blockRef) int { return cmp.Compare(a.hash, b.hash) })
	return slices.CompactFunc(refs, func(a, b blockRef) bool { return a.hash == b.hash })
}

// nameRefs appends to refs the name blocks of p, whose name fields are
// set: see blockRefs.
func (ix *Index) nameRefs(refs []blockRef, p *parsedRecord, query bool) []blockRef {
	add := func(kind byte, h uint64) { refs = append(refs, blockRef{hash: h, kind: kind}) }
	add(blockName, blockHash(blockName, p.joined))
	for _, t := range p.tradeKeys {
		add(blockName, blockHash(blockName, strings.ReplaceAll(t, " ", "")))
	}
	if a := acronymKey(p.tokens); a != "" {
		add(blockAcronym, blockHash(blockAcronym, a))
	}
	n := len(p.tokens)
	// A record being matched whose name has keys with one word left out
	// finds a misspelt word through them, so it skips the prefix blocks.
	prefixes := !query || n < minDroppedWords || n > maxDroppedWords
	for _, t := range p.tokens {
		if stopWords[t] || (query && ix.df[t] > ix.maxBlock) {
			continue
		}
		add(blockToken, blockHash(blockToken, t))
		if prefixes && utf8.RuneCountInString(t) >= 5 {
			add(blockPrefix, blockHash(blockPrefix, string([]rune(t)[:4])))
		}
	}
	if query && n >= minDroppedWords-1 && n <= maxDroppedWords-1 {
		add(blockDropped, blockHash(blockDropped, p.tokens...))
	}
	if n >= minDroppedWords && n <= maxDroppedWords {
		words := make([]string, 0, n-1)
		for i := range p.tokens {
			words = append(append(words[:0], p.tokens[:i]...), p.tokens[i+1:]...)
			add(blockDropped, blockHash(blockDropped, words...))
			if query {
				add(blockName, blockHash(blockName, strings.Join(words, "")))
			}
		}
	}
	return refs
}

// Names of minDroppedWords to maxDroppedWords words are filed under their
// keys with one word left out (see blockRefs).
const (
	minDroppedWords = 3
	maxDroppedWords = 6
)

// upgradeUniqueRelations raises the name level of a candidate whose name
// the record's name starts, or whose name is an acronym of the record's
// name or the reverse, when no other account is in such a relation.
// "Costco" names "Costco Wholesale Corp", and "International Business
// Machines" names "IBM", in an index without another account of that kind.
// The longer name may add at most two words besides "of", "the" and the
// like ("Costco Wholesale" names "Costco"), because a longer name often
// names a different company ("BlackRock Municipal Income Quality Trust" is
// not "BlackRock"). An account's name that adds only generic words to the
// record's never counts, because it names a holding or service company of
// that name ("Example Software" does not name "Example Software Services
// Holdings International"). Such accounts still count as rivals, so they
// keep another account from being unique.
// The rule applies only when every account that could stand in the
// relation was a candidate: the record's first word, or its acronym key,
// must have formed a block.
//
// For a part of a mention (part not nil) only the prefix rule applies.
// An account's name of two words or more that starts the part counts,
// whatever the part adds. A mention names units after their institution,
// so "Stanford University School of Medicine" names "Stanford
// University". A one-word name counts only as an acronym: the account
// writes it in capitals and the part starts with it in capitals, in text
// that is not all capitals ("NYU School of Medicine"). Otherwise "DEPT OF
// PATHOLOGY" would name the company "Dept". The acronym does not count
// when the rest of the part is a city other than the account's ("WWU
// Münster" is not "WWU" of Bellingham).
// An account's name that starts with a part of two words or more and adds
// at most two words, not all generic, counts too ("Corvinus University"
// names "Corvinus University of Budapest"), unless the mention gives a
// city other than the account's. So does an account's name that adds
// only a bracketed qualifier to the part ("Ionis Pharmaceuticals (United
// States)" for "Ionis Pharmaceuticals"), at the unique prefix level.
// An account at the strong or medium level whose name lacks a word of the
// part is no rival for a mention, because its level skips that word, and
// the upgraded account wins a tie with it (see spelled).
func (ix *Index) upgradeUniqueRelations(p *parsedRecord, all []scored, searched []uint64, part *mentionPart) {
	mention := part != nil
	if !p.hasName() || len(p.tokens) == 0 {
		return
	}
	first := p.tokens[0]
	prefixSearched := !stopWords[first] && !genericWords[first] && slices.Contains(searched, blockHash(blockToken, first))
	acronym := acronymKey(p.tokens)
	acronymSearched := !mention && utf8.RuneCountInString(acronym) >= 3 && slices.Contains(searched, blockHash(blockAcronym, acronym))
	if !prefixSearched && !acronymSearched {
		return
	}

	related := int32(-1) // position of an account with the related evidence
	// relatedShort reports that the related account's name adds at most
	// two words to the record's, or the reverse, or is an acronym of it.
	relatedShort := false
	var rivals []int32 // positions of accounts with distinct evidence
	for _, s := range all {
		switch s.levels.name {
		case NameStrong, NameMedium:
			// In a mention, a name that lacks words of the part matched
			// by skipping them, but the part names its institution in
			// full first: "Johns Hopkins University School of Medicine"
			// names "Johns Hopkins University", not "Johns Hopkins
			// Medicine".
			if mention && !hasWords(ix.accounts[s.pos].parsed.name(s.levels.nameB).tokens, p.tokens) {
				continue
			}
			fallthrough
		case NameExact, NameTokens, NameTrade, NameTypo:
			if !slices.ContainsFunc(rivals, func(r int32) bool { return ix.sameEvidence(r, s.pos) }) {
				rivals = append(rivals, s.pos)
			}
		}
	}
	for _, s := range all {
		account := &ix.accounts[s.pos].parsed
		var prefix, short, initials bool
		for k := range len(account.aliases) + 1 {
			a := account.name(k)
			if mention {
				rel := mentionNames(p, a, part, account)
				prefix, short = prefix || rel, short || rel
			} else {
				prefix = prefix || isPrefixOf(p.tokens, a.tokens) || slices.Equal(p.tokens, a.tokens) || shortPrefixOf(a.tokens, p.tokens)
				short = short || (shortPrefixOf(p.tokens, a.tokens) && !onlyGenericAdded(p.tokens, a.tokens)) ||
					slices.Equal(p.tokens, a.tokens) || shortPrefixOf(a.tokens, p.tokens)
			}
			initials = initials || isAcronymOf(p.tokens, a.tokens) || isAcronymOf(a.tokens, p.tokens)
		}
		if (prefix && prefixSearched) || (initials && acronymSearched) {
			if related >= 0 && !ix.sameEvidence(related, s.pos) {
				return
			}
			related, relatedShort = s.pos, short || (initials && acronymSearched)
		}
	}
	if related < 0 || !relatedShort || len(rivals) > 1 || (len(rivals) == 1 && !ix.sameEvidence(rivals[0], related)) {
		// Another account resembles the record's name closely, so the
		// relation is not unique evidence ("Lineage Cell Therapeeutics"
		// has a typo of "Lineage Cell Therapeutics", not the company
		// "Lineage").
		return
	}
	for i := range all {
		l := &all[i].levels
		if !ix.sameEvidence(all[i].pos, related) {
			continue
		}
		switch {
		case l.name == NamePrefix && prefixSearched:
			l.weight += ix.comparer.weights.Name[NameUniquePrefix] - ix.comparer.weights.Name[NamePrefix]
			l.name = NameUniquePrefix
		case l.name == NameQualified && mention && prefixSearched:
			l.weight += ix.comparer.weights.Name[NameUniquePrefix] - ix.comparer.weights.Name[NameQualified]
			l.name = NameUniquePrefix
		case l.name == NameAcronym && acronymSearched:
			l.weight += ix.comparer.weights.Name[NameUniqueAcronym] - ix.comparer.weights.Name[NameAcronym]
			l.name = NameUniqueAcronym
		}
	}
}

// mentionNames reports whether p, a mention part whose written form part
// describes, is in a prefix relation with a, a name form of account (see
// upgradeUniqueRelations).
func mentionNames(p, a *parsedRecord, part *mentionPart, account *parsedRecord) bool {
	switch {
	case slices.Equal(p.tokens, a.tokens):
		return true
	case isPrefixOf(a.tokens, p.tokens):
		if countWords(a.tokens) >= 2 {
			return true
		}
		return part.acronym && a.capitals && (part.leadCity == "" || part.leadCity == account.city)
	case countWords(p.tokens) < 2:
		return false
	case shortPrefixOf(p.tokens, a.tokens):
		return !onlyGenericAdded(p.tokens, a.tokens) && (p.city == "" || account.city == "" || p.city == account.city)
	}
	return len(a.qualifiers) > 0 && slices.Equal(p.tokens, withoutWords(a.tokens, a.qualifiers)) &&
		(p.country == "" || account.country == "" || p.country == account.country)
}

// hasWords reports whether tokens contains every word of words, stop
// words aside.
func hasWords(tokens, words []string) bool {
	for _, w := range words {
		if !stopWords[w] && !slices.Contains(tokens, w) {
			return false
		}
	}
	return true
}

// countWords returns the number of tokens that are not stop words.
func countWords(tokens []string) int {
	n := 0
	for _, t := range tokens {
		if !stopWords[t] {
			n++
		}
	}
	return n
}

// shortPrefixOf reports whether short's words start long and long adds at
// most two words that are not stop words.
func shortPrefixOf(short, long []string) bool {
	if !isPrefixOf(short, long) {
		return false
	}
	extra := 0
	for _, t := range long[len(short):] {
		if !stopWords[t] {
			extra++
		}
	}
	return extra <= 2
}

// onlyGenericAdded reports whether the words that long adds to its prefix
// short are all generic or stop words ("Services Holdings"), which mark a
// holding or service company of the same name rather than the company.
func onlyGenericAdded(short, long []string) bool {
	for _, t := range long[len(short):] {
		if !stopWords[t] && !genericWords[t] {
			return false
		}
	}
	return true
}

// candidateBudget is the number of candidates that blocks are added up to,
// smallest block first, once the name-key and domain blocks are in. It
// keeps the cost of a match flat as the index grows, because small blocks
// carry the rare words that identify a company.
const candidateBudget = 48

// blockedPositions returns the positions of the accounts that share a
// searched block with p, sorted, and the hashes of the blocks searched.
// Name-key and domain blocks are always searched. Blocks of names with one
// word left out are searched too when they contain at most candidateBudget
// accounts, and join the other blocks when they contain more. The other
// blocks are searched from the smallest up, word blocks before the typo
// fallback of prefix blocks, while the candidates stay within
// candidateBudget. The first of them is searched in any case when it
// contains at most the budget, and blocks larger than maxBlock never are.
// The caller holds ix.mu for reading or owns the index.
func (ix *Index) blockedPositions(p *parsedRecord) ([]int32, []uint64) {
	type foundBlock struct {
		ref   blockRef
		value blockValue
		size  int
	}
	var (
		positions []int32
		searched  []uint64
		optional  []foundBlock
	)
	for _, ref := range ix.blockRefs(p, true) {
		v, ok := ix.blocks.lookup(ref.hash)
		if !ok {
			continue
		}
		size := ix.blocks.sizeOf(v)
		switch {
		case ref.kind == blockName || ref.kind == blockDomain || (ref.kind == blockDropped && size <= candidateBudget):
			positions = ix.blocks.appendPositions(positions, v)
			searched = append(searched, ref.hash)
		case size <= ix.maxBlock:
			optional = append(optional, foundBlock{ref, v, size})
		}
	}
	// Word, acronym and brand blocks come first, smallest first. The
	// four-letter prefix blocks, the fallback for typos, come after them.
	slices.SortStableFunc(optional, func(a, b foundBlock) int {
		if pa, pb := a.ref.kind == blockPrefix, b.ref.kind == blockPrefix; pa != pb {
			if pa {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.size, b.size)
	})
	for i, b := range optional {
		if len(positions)+b.size > candidateBudget && (i > 0 || b.size > candidateBudget) {
			break
		}
		positions = ix.blocks.appendPositions(positions, b.value)
		searched = append(searched, b.ref.hash)
	}
	slices.Sort(positions)
	return slices.Compact(positions), searched
}

// acronymKey returns the key under which a name meets its acronym. For a
// single token of two to six letters ("ibm") it is the token itself. For a
// name of two to six words it is their initials ("international business
// machines" gives "ibm"). For other names it is "".
func acronymKey(tokens []string) string {
	if len(tokens) == 1 {
		if n := utf8.RuneCountInString(tokens[0]); n >= 2 && n <= 6 {
			return tokens[0]
		}
		return ""
	}
	var b strings.Builder
	words := 0
	for _, t := range tokens {
		if stopWords[t] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t)
		b.WriteRune(r)
		words++
	}
	if words < 2 || words > 6 {
		return ""
	}
	return b.String()
}

// Candidate is an account that Index.Match compared a record with.
type Candidate struct {
	// AccountID is the ID of the compared account.
	AccountID string `json:"account_id"`
	// AccountName is the account's name as indexed.
	AccountName string `json:"account_name"`
	// Comparison explains the comparison with the record.
	Comparison Comparison `json:"comparison"`
}

// Result is the outcome of matching one record against an Index.
type Result struct {
	// Decision is Match when AccountID names the matched account.
	Decision Decision `json:"decision"`
	// AccountID is the matched account, or empty unless Decision is Match.
	AccountID string `json:"account_id,omitempty"`
	// Duplicates lists other accounts that carry the same evidence as the
	// matched one, so that the record matches them equally; see
	// Index.Duplicates.
	Duplicates []string `json:"duplicates,omitempty"`
	// Parents lists the matched account's parent, its parent's parent and so
	// on up to the ultimate parent, from the accounts' ParentID fields. It
	// is empty when the matched account has no parent in the index.
	Parents []string `json:"parents,omitempty"`
	// Candidates lists the best-scoring accounts, best first, at most five,
	// without Duplicates. Ties in weight are ordered by index position,
	// except that MatchMention puts the accounts it prefers in a tie
	// ahead of the others.
	Candidates []Candidate `json:"candidates,omitempty"`
	// Reason explains the decision in one sentence.
	Reason string `json:"reason"`
}

// Match finds the account that r describes. The best candidate is matched
// when its comparison is a match and no other matching candidate comes
// within the ambiguity margin of it. Otherwise the result carries the
// candidates and the reason none was picked. Accounts that carry exactly the
// same evidence as the best one are not rivals: the first in index order is
// matched and the others are listed in Result.Duplicates.
func (ix *Index) Match(r Record) Result {
	return ix.match(r, ix.maxCands)
}

// CandidateIDs returns the IDs of the accounts that Match compares r with:
// those that share a searched block with it, in index order. It shows what
// blocking found, for measuring pair completeness (see
// PairCompleteness) and reduction ratio. A record without a usable name or
// domain has none.
func (ix *Index) CandidateIDs(r Record) []string {
	p := parseRecord(r)
	if !p.hasEvidence() {
		return nil
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	positions, _ := ix.blockedPositions(&p)
	ids := make([]string, 0, len(positions))
	for _, pos := range positions {
		if a := &ix.accounts[pos]; !a.removed {
			ids = append(ids, a.id)
		}
	}
	return ids
}

// match is Match with a result that explains at most keep candidates.
func (ix *Index) match(r Record, keep int) Result {
	p := parseRecord(r)
	if !p.hasEvidence() {
		return Result{Decision: NoEvidence, Reason: "no usable name or domain: " + p.evidenceNote(r)}
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.decide(&p, -1, keep, false, nil)
}

// decide matches p against the index, leaving out the account at position
// exclude (-1 for none). For a part of a mention, part is not nil, and the
// mention forms of the unique prefix rule and of ties apply (see
// upgradeUniqueRelations and MatchMention). The result explains at most keep
// candidates, but the decision looks at all of them. With joinTies, which
// Deduplicate sets, a rival within the margin of the best account does not
// make the result ambiguous when the two accounts match each other,
// because they then describe one company. The caller holds ix.mu for
// reading.
func (ix *Index) decide(p *parsedRecord, exclude int32, keep int, joinTies bool, part *mentionPart) Result {
	p.weighTokens(ix.tokenWeight)
	all, duplicates, found := ix.candidates(p, exclude, part)
	if !found {
		return Result{Decision: NonMatch, Reason: "no account shares a name token or domain with the record"}
	}
	if len(all) == 0 {
		return Result{Decision: NonMatch, Reason: "no candidate account shares a comparable field with the record"}
	}

	cands := make([]Candidate, min(len(all), keep, ix.maxCands))
	for i, s := range all[:len(cands)] {
		a := &ix.accounts[s.pos]
		cands[i] = Candidate{AccountID: a.id, AccountName: a.name, Comparison: ix.comparer.explain(p, &a.parsed, s.levels)}
	}
	best := cands[0]
	res := Result{Decision: best.Comparison.Decision, Candidates: cands}
	if best.Comparison.Decision != Match {
		res.Reason = fmt.Sprintf("best candidate %s (%s) is %s: %s",
			quote(best.AccountID), best.AccountName, best.Comparison.Decision, ix.comparer.scoreRule(best.Comparison))
		return res
	}
	for _, rival := range all[1:] {
		if d, _ := ix.comparer.decision(rival.levels); d != Match || best.Comparison.Weight-rival.levels.weight >= ix.margin {
			break
		}
		if joinTies && ix.accountsMatch(all[0].pos, rival.pos) {
			continue
		}
		if part != nil && aliasOnly(rival.levels) > aliasOnly(all[0].levels) {
			// The mention spells the best account's own name and only
			// an alias of the rival's, such as a former name or a name
			// in another language.
			continue
		}
		if part != nil && spelled(all[0].levels.name) > spelled(rival.levels.name) {
			// The mention spells out more of the best account's name
			// than of the rival's: "Medical University of Innsbruck"
			// names "Innsbruck Medical University", not "University of
			// Innsbruck".
			continue
		}
		res.Decision = Ambiguous
		res.Reason = fmt.Sprintf("accounts %s and %s both match with weights %.1f and %.1f, closer than the margin %.1f",
			quote(best.AccountID), quote(ix.accounts[rival.pos].id), best.Comparison.Weight, rival.levels.weight, ix.margin)
		return res
	}

	res.AccountID = best.AccountID
	res.Duplicates = duplicates
	res.Parents = ix.parents(best.AccountID)
	res.Reason = fmt.Sprintf("matched %s (%s): %s", quote(best.AccountID), best.AccountName, ix.comparer.scoreRule(best.Comparison))
	if len(duplicates) > 0 {
		res.Reason += fmt.Sprintf("; accounts %s carry the same evidence and match equally", strings.Join(duplicates, ", "))
	}
	if len(res.Parents) > 0 {
		res.Reason += fmt.Sprintf("; %s is a subsidiary of %s", quote(best.AccountID), quote(res.Parents[len(res.Parents)-1]))
	}
	return res
}

// spelled ranks a name level by how much of one name the other spells
// out: 2 when both have the same words, 1 at the unique prefix level,
// where one name starts the other, and 0 for the other levels.
func spelled(l Level) int {
	switch l {
	case NameExact, NameTokens, NameTrade:
		return 2
	case NameUniquePrefix:
		return 1
	}
	return 0
}

// aliasOnly returns 1 when l reached the exact name level through an
// alias of the second record and not its name, and 0 otherwise.
func aliasOnly(l pairLevels) int {
	if l.name == NameExact && l.nameB > 0 {
		return 1
	}
	return 0
}

// accountsMatch reports whether the accounts at positions i and j match
// each other.
func (ix *Index) accountsMatch(i, j int32) bool {
	d, _ := ix.comparer.decision(ix.comparer.levels(&ix.accounts[i].parsed, &ix.accounts[j].parsed))
	return d == Match
}

// scored is a candidate account's position and comparison levels.
type scored struct {
	levels pairLevels
	pos    int32
}

// candidates compares p with every account that shares a block with it. It
// returns the comparable candidates, best first and at most maxCands, the
// IDs of accounts with the same evidence as the best one, and whether any
// account shared a block at all.
func (ix *Index) candidates(p *parsedRecord, exclude int32, part *mentionPart) (all []scored, duplicates []string, found bool) {
	positions, searched := ix.blockedPositions(p)
	if len(positions) == 0 {
		return nil, nil, false
	}

	all = make([]scored, 0, len(positions))
	for _, pos := range positions {
		if pos == exclude {
			continue
		}
		l := ix.comparer.levels(p, &ix.accounts[pos].parsed)
		if !l.noEvidence {
			all = append(all, scored{l, pos})
		}
	}
	ix.upgradeUniqueRelations(p, all, searched, part)
	slices.SortFunc(all, func(x, y scored) int {
		if c := cmp.Compare(y.levels.weight, x.levels.weight); c != 0 {
			return c
		}
		if part != nil {
			if c := cmp.Compare(aliasOnly(x.levels), aliasOnly(y.levels)); c != 0 {
				return c
			}
			if c := cmp.Compare(spelled(y.levels.name), spelled(x.levels.name)); c != 0 {
				return c
			}
		}
		return cmp.Compare(x.pos, y.pos)
	})

	// Accounts with the same evidence as the best one tie with it by
	// construction, so they are duplicates, not rivals.
	if len(all) > 0 {
		distinct := all[:1]
		for _, s := range all[1:] {
			if ix.sameEvidence(all[0].pos, s.pos) {
				duplicates = append(duplicates, ix.accounts[s.pos].id)
			} else {
				distinct = append(distinct, s)
			}
		}
		all = distinct
	}
	if len(all) > ix.maxCands {
		all = all[:ix.maxCands]
	}
	return all, duplicates, true
}
