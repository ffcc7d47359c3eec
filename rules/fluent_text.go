package rules

import (
	"iter"
	"math/bits"
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
	// Room for start and kinds of a page of a few lines (most small
	// pages), so that they cost no allocations of their own.
	startBuf [flCompactRoom + 1]int
	kindsBuf [flCompactRoom]uint8
}

// flCompactRoom is how many lines a flCompactPage has room for inside.
const flCompactRoom = 8

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
	// bucketKinds holds the kinds of each word of set.buckets, in the
	// same places: kindsAt reads them without a map look-up.
	bucketKinds [][]uint8
}

var flKinds = sync.OnceValue(func() *flKindIndex {
	x := &flKindIndex{kind: map[string]uint8{}}
	var all []string
	for k, set := range map[uint8]*flLitSet{
		flHasPayment: flPayData().set, flHasPayLabel: flTermsHints, flHasGiftCard: flGiftNames(),
		flHasListing: flListingSet(), flHasAddress: flAddrHints(), flHasPhone: flPhoneWords(),
	} {
		for _, w := range set.all {
			if x.kind[w] == 0 {
				all = append(all, w)
			}
			x.kind[w] |= k
		}
	}
	x.set = newFlLitSet(all)
	x.bucketKinds = make([][]uint8, len(x.set.buckets))
	for b, ws := range x.set.buckets {
		for _, w := range ws {
			x.bucketKinds[b] = append(x.bucketKinds[b], x.kind[w])
		}
	}
	return x
})

// flPhoneWords are flPhoneWord's words in every case form, of which a line
// that flPhones reads holds one in compact form.
var flPhoneWords = sync.OnceValue(func() *flLitSet { return newFlLitSet(flPhoneWord.words()) })

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
	return k | x.kindsAtHash(s, i, h)
}

// kindsAtHash returns the kinds of the words of three bytes or more that
// start at s[i], whose first three bytes hash to h (its bit set).
func (x *flKindIndex) kindsAtHash(s string, i int, h uint32) uint8 {
	var k uint8
	b := x.set.rank(h)
	for j, w := range x.set.buckets[b] {
		if strings.HasPrefix(s[i:], w) {
			k |= x.bucketKinds[b][j]
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
	c := &flCompactPage{}
	if len(p.Lines) <= flCompactRoom {
		c.start, c.kinds = c.startBuf[:0:len(p.Lines)+1], c.kindsBuf[:len(p.Lines):len(p.Lines)]
	} else {
		c.start, c.kinds = make([]int, 0, len(p.Lines)+1), make([]uint8, len(p.Lines))
	}
	for _, l := range p.Lines {
		c.start = append(c.start, b.Len())
		flAppendCompact(&b, l)
		b.WriteByte('\n')
	}
	c.start = append(c.start, b.Len())
	c.text = b.String()
	// Every word of every kind, at every place a character starts.
	x := flKinds()
	li := 0
	if !x.set.short {
		// Every word has three bytes or more: the hash of the three at
		// each place a character starts, worked out once, says where
		// kindsAt may find one; kana and kanji are stepped over whole.
		text := c.text
		for i := 0; i+2 < len(text); {
			if text[i]&0xC0 == 0x80 {
				i++
				continue
			}
			if h := flHash3(text, i); x.set.bits[h/64]&(1<<(h%64)) != 0 {
				for c.start[li+1] <= i {
					li++
				}
				c.kinds[li] |= x.kindsAtHash(text, i, h)
			}
			if flCaseless3(text, i) {
				i += 3
			} else {
				i++
			}
		}
		return c
	}
	for i := 0; i < len(c.text); i++ {
		if c.text[i]&0xC0 == 0x80 || !x.set.mayAt(c.text, i) {
			continue // kindsAt would find nothing: no word starts here
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
	return sitePerPage(site, memoFlCompactPages, func(m *siteMemo) *[]*flCompactPage { return &m.flCompact }, func(m *siteMemo) *[1]*flCompactPage { return &m.flCompactOne },
		func(_ int, p *Page) *flCompactPage { return flCompactPageOf(p) })
}

// flCompactPageOf is newFlCompactPage(p), kept on the page (read only).
func flCompactPageOf(p *Page) *flCompactPage {
	return pageDerive(p, pageFlCompact, func(m *pageMemo) **flCompactPage { return &m.flCompact }, func() *flCompactPage { return newFlCompactPage(p) })
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

// any reports whether s holds one of the words.
func (x *flLitSet) any(s string) bool { return x.index(s) >= 0 }
