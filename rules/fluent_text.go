package rules

import (
	"iter"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/andybalholm/cascadia"
)

// What several fluent signs read of every page, worked out once a site, and
// a one-pass search for a set of words. Most lines of a shop name no payment
// method, no gift card and no flea-market phrase: the signs find the few
// lines that do in one pass over the page's compact text and read only
// those line by line, as they read every line before.

// flScriptSel is the selector "script", compiled once (goquery's Find
// would compile it on every call).
var flScriptSel = cascadia.MustCompile("script")

// flAppendCompact appends flCompact(s) to b: runs of bytes that stay as
// they are are copied whole, so that a line of Japanese costs a few copies
// rather than a WriteRune per character.
func flAppendCompact(b *strings.Builder, s string) {
	run := 0 // start of the bytes not yet copied
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || (c >= '\t' && c <= '\r'):
				b.WriteString(s[run:i])
				run = i + 1
			case c >= 'A' && c <= 'Z':
				b.WriteString(s[run:i])
				b.WriteByte(c + 'a' - 'A')
				run = i + 1
			}
			i++
			continue
		}
		if c >= 0xE3 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && c < 0xF0 {
			// A well-formed three-byte character (kana, kanji, full-width
			// forms): of these only U+3000 is white space.
			if c == 0xE3 && s[i+1] == 0x80 && s[i+2] == 0x80 {
				b.WriteString(s[run:i])
				run = i + 3
			}
			i += 3
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			// An invalid byte: flCompact's range loop writes U+FFFD.
			b.WriteString(s[run:i])
			b.WriteRune(utf8.RuneError)
			run = i + 1
		case unicode.IsSpace(r):
			b.WriteString(s[run:i])
			run = i + n
		}
		i += n
	}
	b.WriteString(s[run:])
}

// flCompactPage is a page's lines in compact form (flCompact), kept in one
// string: line i is text[start[i]:start[i+1]-1], each line followed by a
// newline (which compact text never holds, so no word spans two lines).
// kinds tells for each line which kinds of words (flHas...) it holds.
type flCompactPage struct {
	text  string
	start []int // len(Lines)+1 offsets
	kinds []uint8
}

// The kinds of words that the fluent signs look for line by line. One pass
// over a page finds, for every line, which kinds it holds; a sign then
// reads only the lines with its kind.
const (
	flHasPayment  = 1 << iota // a payment method word (flPayVocab)
	flHasPayLabel             // 支払 or 決済, which a payment-terms label needs (flTermsHints)
	flHasGiftCard             // a gift-card or e-money name (flGiftVocab)
	flHasListing              // a flea-market listing phrase (flListingSet)
	flHasAddress              // 〒, 郵便番号 or an address label word (flAddrHints)
	flHasPhone                // a phone label word (flPhoneWord)
)

// flKindIndex is every word of every kind in one flLitSet.
type flKindIndex struct {
	set  *flLitSet
	kind map[string]uint8
}

var flKinds = sync.OnceValue(func() *flKindIndex {
	x := &flKindIndex{kind: map[string]uint8{}}
	var all []string
	for k, set := range map[uint8]*flLitSet{
		flHasPayment: flPayData().set, flHasPayLabel: flTermsHints, flHasGiftCard: flGiftData().names,
		flHasListing: flListingSet(), flHasAddress: flAddrHints(), flHasPhone: flPhoneWord.lits,
	} {
		for _, w := range set.all {
			if x.kind[w] == 0 {
				all = append(all, w)
			}
			x.kind[w] |= k
		}
	}
	x.set = newFlLitSet(all)
	return x
})

// kindsAt returns the kinds of the words that start at s[i].
func (x *flKindIndex) kindsAt(s string, i int) uint8 {
	var k uint8
	for _, w := range x.set.shorts {
		if strings.HasPrefix(s[i:], w) {
			k |= x.kind[w]
		}
	}
	if i+2 >= len(s) {
		return k
	}
	h := flHash3(s, i)
	if x.set.bits[h/64]&(1<<(h%64)) == 0 {
		return k
	}
	for _, w := range x.set.buckets[x.set.rank(h)] {
		if strings.HasPrefix(s[i:], w) {
			k |= x.kind[w]
		}
	}
	return k
}

// with yields, in order, the index of each line that holds a word of kind.
func (c *flCompactPage) with(kind uint8) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i, k := range c.kinds {
			if k&kind != 0 && !yield(i) {
				return
			}
		}
	}
}

// has reports whether line i holds a word of kind.
func (c *flCompactPage) has(i int, kind uint8) bool { return c.kinds[i]&kind != 0 }

// line returns flCompact of line i without building it.
func (c *flCompactPage) line(i int) string { return c.text[c.start[i] : c.start[i+1]-1] }

// lineAt returns the index of the line holding text offset at.
func (c *flCompactPage) lineAt(at int) int {
	return sort.Search(len(c.start)-1, func(i int) bool { return c.start[i+1] > at })
}

// newFlCompactPage compacts the lines of p.
func newFlCompactPage(p *Page) *flCompactPage {
	n := 0
	for _, l := range p.Lines {
		n += len(l) + 1
	}
	var b strings.Builder
	b.Grow(n)
	c := &flCompactPage{start: make([]int, 0, len(p.Lines)+1)}
	for _, l := range p.Lines {
		c.start = append(c.start, b.Len())
		flAppendCompact(&b, l)
		b.WriteByte('\n')
	}
	c.start = append(c.start, b.Len())
	c.text = b.String()
	// Every word of every kind, at every place a character starts.
	x := flKinds()
	c.kinds = make([]uint8, len(p.Lines))
	li := 0
	for i := 0; i < len(c.text); i++ {
		if c.text[i]&0xC0 == 0x80 || !x.set.mayAt(c.text, i) {
			continue
		}
		for c.start[li+1] <= i {
			li++
		}
		c.kinds[li] |= x.kindsAt(c.text, i)
	}
	return c
}

// flCompactPages returns the compact lines of each page of site, built once
// a site.
func flCompactPages(site *Site) []*flCompactPage {
	return site.derive("flCompactPages", func() any {
		out := make([]*flCompactPage, len(site.Pages))
		for i, p := range site.Pages {
			out[i] = newFlCompactPage(p)
		}
		return out
	}).([]*flCompactPage)
}

// flLitSet finds any of a set of words in a text in one pass. At each
// position where a character starts, a bit set of the words' first three
// bytes (hashed) rejects almost every position with one test; only
// positions that pass compare the few words of their bucket. Words of one
// or two bytes (ASCII) have bit sets of their own. Its answers are those
// of strings.Index / strings.Contains word by word.
type flLitSet struct {
	bits    [1 << 16 / 64]uint64 // hashed first three bytes of the longer words
	ranks   [1 << 16 / 64]uint16 // bits set in the words of bits before each
	buckets [][]string           // the longer words, by rank of their hash
	one     [256 / 64]uint64     // words of one byte
	two     [1 << 16 / 64]uint64 // words of two bytes
	short   bool                 // there are words of one or two bytes
	shorts  []string             // the words of one or two bytes
	all     []string             // every word
}

// flHash3 hashes the three bytes at s[i:] to 16 bits.
func flHash3(s string, i int) uint32 {
	return (uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])) * 0x9E3779B1 >> 16
}

func newFlLitSet(words []string) *flLitSet {
	x := &flLitSet{all: words}
	byHash := map[uint32][]string{}
	for _, w := range words {
		if w == "" || !utf8.RuneStart(w[0]) {
			panic("rules: bad fluent word: " + w)
		}
		switch len(w) {
		case 1:
			x.one[w[0]/64] |= 1 << (w[0] % 64)
			x.short, x.shorts = true, append(x.shorts, w)
		case 2:
			k := uint16(w[0])<<8 | uint16(w[1])
			x.two[k/64] |= 1 << (k % 64)
			x.short, x.shorts = true, append(x.shorts, w)
		default:
			h := flHash3(w, 0)
			x.bits[h/64] |= 1 << (h % 64)
			if !slices.Contains(byHash[h], w) {
				byHash[h] = append(byHash[h], w)
			}
		}
	}
	n := uint16(0)
	for i, b := range x.bits {
		x.ranks[i] = n
		n += uint16(bits.OnesCount64(b))
	}
	x.buckets = make([][]string, n)
	for h, ws := range byHash {
		x.buckets[x.rank(h)] = ws
	}
	return x
}

// rank returns the bucket of hash h (whose bit is set).
func (x *flLitSet) rank(h uint32) int {
	return int(x.ranks[h/64]) + bits.OnesCount64(x.bits[h/64]&(1<<(h%64)-1))
}

// at reports whether a word starts at s[i].
func (x *flLitSet) at(s string, i int) bool {
	if x.short {
		c := s[i]
		if x.one[c/64]&(1<<(c%64)) != 0 {
			return true
		}
		if i+1 < len(s) {
			k := uint16(c)<<8 | uint16(s[i+1])
			if x.two[k/64]&(1<<(k%64)) != 0 {
				return true
			}
		}
	}
	if i+2 >= len(s) {
		return false
	}
	h := flHash3(s, i)
	if x.bits[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	for _, w := range x.buckets[x.rank(h)] {
		if strings.HasPrefix(s[i:], w) {
			return true
		}
	}
	return false
}

// longestAt returns the length of the longest word that starts at s[i], 0
// when none does.
func (x *flLitSet) longestAt(s string, i int) int {
	if s[i]&0xC0 == 0x80 {
		return 0 // inside a character
	}
	n := 0
	if x.short {
		c := s[i]
		if x.one[c/64]&(1<<(c%64)) != 0 {
			n = 1
		}
		if i+1 < len(s) {
			k := uint16(c)<<8 | uint16(s[i+1])
			if x.two[k/64]&(1<<(k%64)) != 0 {
				n = 2
			}
		}
	}
	if i+2 >= len(s) {
		return n
	}
	h := flHash3(s, i)
	if x.bits[h/64]&(1<<(h%64)) == 0 {
		return n
	}
	for _, w := range x.buckets[x.rank(h)] {
		if len(w) > n && strings.HasPrefix(s[i:], w) {
			n = len(w)
		}
	}
	return n
}

// mayAt is a quick test that passes wherever a word starts at s[i].
func (x *flLitSet) mayAt(s string, i int) bool {
	if x.short {
		return true
	}
	if i+2 >= len(s) {
		return false
	}
	h := (uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])) * 0x9E3779B1 >> 16
	return x.bits[h/64]&(1<<(h%64)) != 0
}

// eachAt calls fn with each word that starts at s[i].
func (x *flLitSet) eachAt(s string, i int, fn func(w string)) {
	for _, w := range x.shorts {
		if strings.HasPrefix(s[i:], w) {
			fn(w)
		}
	}
	if i+2 >= len(s) {
		return
	}
	h := flHash3(s, i)
	if x.bits[h/64]&(1<<(h%64)) == 0 {
		return
	}
	for _, w := range x.buckets[x.rank(h)] {
		if strings.HasPrefix(s[i:], w) {
			fn(w)
		}
	}
}

// index returns the offset of the first occurrence in s of any word, or -1.
func (x *flLitSet) index(s string) int {
	if x.short {
		for i := 0; i < len(s); i++ {
			if s[i]&0xC0 != 0x80 && x.at(s, i) {
				return i
			}
		}
		return -1
	}
	// Only words of three bytes or more: the hash test inline, at every
	// byte that starts a character.
	for i := 0; i+2 < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			continue // inside a character: no word starts there
		}
		h := (uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])) * 0x9E3779B1 >> 16
		if x.bits[h/64]&(1<<(h%64)) != 0 && x.at(s, i) {
			return i
		}
	}
	return -1
}

// prefix reports whether s starts with one of the words.
func (x *flLitSet) prefix(s string) bool { return s != "" && x.at(s, 0) }

// any reports whether s holds one of the words.
func (x *flLitSet) any(s string) bool { return x.index(s) >= 0 }

// flRe is a regular expression that, when its whole language is a short
// list of words (an alternation of literals, optional parts included),
// answers MatchString by looking the words up instead: Go's matcher costs
// a backtracking run a line even for plain words. The expression may be
// anchored at the start (^words: a word starts the text) or at both ends
// (^words$: the text is a word). Other methods are the regexp's own.
type flRe struct {
	*regexp.Regexp
	lits  *flLitSet       // unanchored or ^-anchored words; nil: none
	start bool            // lits must start the text
	exact map[string]bool // ^...$: the whole text must be one of these
	pref  map[string]int  // word -> its place in the order of preference
	words []string        // the words of lits
}

// flMustRe compiles pattern and, where it can, its list of words.
func flMustRe(pattern string) *flRe {
	r := &flRe{Regexp: regexp.MustCompile(pattern)}
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return r
	}
	tree = tree.Simplify()
	start, end := false, false
	if tree.Op == syntax.OpConcat && len(tree.Sub) > 0 && tree.Sub[0].Op == syntax.OpBeginText {
		start = true
		rest := tree.Sub[1:]
		if n := len(rest); n > 0 && rest[n-1].Op == syntax.OpEndText {
			end, rest = true, rest[:n-1]
		}
		tree = &syntax.Regexp{Op: syntax.OpConcat, Sub: rest}
	}
	words, ok := flWords(tree, 1000)
	if !ok || len(words) == 0 {
		return r
	}
	if end {
		r.exact = map[string]bool{}
		for _, w := range words {
			r.exact[w] = true
		}
		return r
	}
	for _, w := range words {
		if w == "" {
			return r // matches everywhere: leave it to the regexp
		}
	}
	r.lits, r.start, r.words = newFlLitSet(words), start, words
	r.pref = map[string]int{}
	for i, w := range words {
		if _, ok := r.pref[w]; !ok {
			r.pref[w] = i
		}
	}
	return r
}

// FindStringIndex returns where the leftmost match of the expression in s
// is, as regexp.Regexp.FindStringIndex does: it starts at the first place
// any word starts, and is the most preferred word there.
func (r *flRe) FindStringIndex(s string) []int {
	if r.lits == nil {
		return r.Regexp.FindStringIndex(s)
	}
	at := 0
	if !r.start {
		if at = r.lits.index(s); at < 0 {
			return nil
		}
	}
	best, n := len(r.pref), -1
	r.lits.eachAt(s, at, func(w string) {
		if p := r.pref[w]; p < best {
			best, n = p, len(w)
		}
	})
	if n < 0 {
		return nil
	}
	return []int{at, at + n}
}

// MatchString reports whether s holds a match of the expression.
func (r *flRe) MatchString(s string) bool {
	switch {
	case r.exact != nil:
		return r.exact[s]
	case r.lits == nil:
		return r.Regexp.MatchString(s)
	case r.start:
		return r.lits.prefix(s)
	}
	return r.lits.any(s)
}

// flWords lists every string that re matches, in the order of preference
// of Go's leftmost-first matching (alternatives in order, ? preferring the
// longer form), when there are at most max of them and re uses only
// literals (case-folded ones too), character classes, groups,
// alternations, concatenations and ?; ok is false otherwise.
func flWords(re *syntax.Regexp, max int) (words []string, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		words = []string{""}
		for _, c := range re.Rune {
			forms := []rune{c}
			if re.Flags&syntax.FoldCase != 0 {
				// (?i): every case form, as the matcher folds them
				// (k also matches the Kelvin sign, s the long s).
				for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
					forms = append(forms, f)
				}
			}
			if len(words)*len(forms) > max {
				return nil, false
			}
			next := make([]string, 0, len(words)*len(forms))
			for _, w := range words {
				for _, f := range forms {
					next = append(next, w+string(f))
				}
			}
			words = next
		}
		return words, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for c := re.Rune[i]; c <= re.Rune[i+1]; c++ {
				if len(words) >= max {
					return nil, false
				}
				words = append(words, string(c))
			}
		}
		return words, true
	case syntax.OpCapture:
		return flWords(re.Sub[0], max)
	case syntax.OpQuest:
		sub, ok := flWords(re.Sub[0], max-1)
		if !ok {
			return nil, false
		}
		if re.Flags&syntax.NonGreedy != 0 {
			return append([]string{""}, sub...), true
		}
		return append(sub, ""), true // greedy: the longer form is preferred
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			sub, ok := flWords(s, max-len(words))
			if !ok {
				return nil, false
			}
			words = append(words, sub...)
		}
		return words, true
	case syntax.OpConcat:
		words = []string{""}
		for _, s := range re.Sub {
			sub, ok := flWords(s, max)
			if !ok || len(words)*len(sub) > max {
				return nil, false
			}
			next := make([]string, 0, len(words)*len(sub))
			for _, a := range words {
				for _, b := range sub {
					next = append(next, a+b)
				}
			}
			words = next
		}
		return words, true
	}
	return nil, false
}
