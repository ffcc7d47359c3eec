package rules

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// This file holds the one-pass literal finder of the phishing, one-click
// and mail signs: instead of one strings.Index per phrase or brand name
// (each a scan of the whole text, and a slow one on Japanese text, where
// the first byte of a phrase occurs everywhere), the text is read once,
// rune by rune, and only the literals starting with the rune read are
// compared there.

// phishLits finds, in one pass over a text, where any literal of a fixed
// list occurs. It is immutable once built and safe for concurrent use.
type phishLits struct {
	list []string
	// first has a bit for each rune that starts a literal, under the
	// rune's low bits (mask): a bit set may be another rune's, which
	// starting then tells apart. It is sized to the list, 64 bits a
	// literal: most lists hold a few words, and a bit for every rune of
	// the Basic Multilingual Plane was 8 KB a list (a megabyte over the
	// signs' 80 lists, built and collected by every process).
	first []uint64
	mask  uint32
	// slots holds, under a first rune's low bits (slotMask), that rune
	// with the literals (indexes into list) starting with it, in list
	// order: a short scan where a map look-up would cost more.
	slots    [][]phishLitSlot
	slotMask uint32
	// letters marks the literals holding an ASCII letter: only those
	// need comparing letter-folded (a fold changes only the text's ASCII
	// capitals, which equal no byte of a literal without letters either
	// way).
	letters []bool
}

// phishLitSlot is the literals of a phishLits starting with one rune.
type phishLitSlot struct {
	r    rune
	lits []int32
}

// mayStart reports whether a literal may start with r (r >= 0); false
// means none does.
func (x *phishLits) mayStart(r rune) bool {
	h := uint32(r) & x.mask
	return x.first[h>>6]&(1<<(h&63)) != 0
}

// starting returns the literals starting with r.
func (x *phishLits) starting(r rune) []int32 {
	for _, sl := range x.slots[uint32(r)&x.slotMask] {
		if sl.r == r {
			return sl.lits
		}
	}
	return nil
}

// newPhishLits indexes list; empty literals never match (as phishContains
// finds nothing for an empty phrase).
func newPhishLits(list []string) *phishLits {
	bits := 512 // at least; then 64 a literal, a power of two
	for bits < 64*len(list) && bits < 1<<16 {
		bits *= 2
	}
	nslots := 16
	for nslots < len(list) && nslots < 256 {
		nslots *= 2
	}
	x := &phishLits{list: list, letters: make([]bool, len(list)),
		first: make([]uint64, bits/64), mask: uint32(bits - 1),
		slots: make([][]phishLitSlot, nslots), slotMask: uint32(nslots - 1)}
	for i, l := range list {
		if l == "" {
			continue
		}
		x.letters[i] = strings.IndexFunc(l, func(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }) >= 0
		r, _ := utf8.DecodeRuneInString(l)
		h := uint32(r) & x.mask
		x.first[h>>6] |= 1 << (h & 63)
		slot := uint32(r) & x.slotMask
		slots := x.slots[slot]
		k := 0
		for k < len(slots) && slots[k].r != r {
			k++
		}
		if k == len(slots) {
			slots = append(slots, phishLitSlot{r: r})
		}
		slots[k].lits = append(slots[k].lits, int32(i))
		x.slots[slot] = slots
	}
	return x
}

// phishRuneAt decodes the rune at s[i], ASCII letters lower-cased when
// fold. It never steps over a byte that may start a literal: a multi-byte
// rune is taken whole only when its continuation bytes are continuation
// bytes (which no literal starts with); anything else steps one byte. The
// rune may be a wrong value for a malformed sequence, which costs only a
// needless comparison: matches are confirmed on the bytes.
func phishRuneAt(s string, i int, fold bool) (rune, int) {
	b := s[i]
	switch {
	case b < utf8.RuneSelf:
		if fold && 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return rune(b), 1
	case b >= 0xE0 && b < 0xF0:
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			return rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
		}
	case b >= 0xC0 && b < 0xE0:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
		}
	case b >= 0xF0 && b < 0xF8:
		if i+3 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && s[i+3]&0xC0 == 0x80 {
			return rune(b&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
		}
	}
	return -1, 1
}

// phishHasPrefix reports whether s[i:] starts with lit; with fold, ASCII
// letters of s are compared lower-cased (lit must be lower case there).
func phishHasPrefix(s string, i int, lit string, fold bool) bool {
	if len(s)-i < len(lit) {
		return false
	}
	if !fold {
		return s[i:i+len(lit)] == lit
	}
	for k := 0; k < len(lit); k++ {
		c := s[i+k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lit[k] {
			return false
		}
	}
	return true
}

// each calls fn with the offset and list index of every occurrence of a
// literal in s (overlapping ones included, in text order; literals
// starting at one offset in list order) until fn returns false. With fold,
// s is read as if phishLowerASCII had been applied to it (the literals
// must then be in that form).
func (x *phishLits) each(s string, fold bool, fn func(at, idx int) bool) {
	if x == nil {
		return
	}
	for i := 0; i < len(s); {
		// phishRuneAt, its two common cases written out (see
		// phishRuneAtFast: a call a rune cost more than the test).
		var r rune
		n := 1
		if b := s[i]; b < utf8.RuneSelf {
			if fold && 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			r = rune(b)
		} else if flCaseless3(s, i) {
			r, n = rune(b&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		} else {
			r, n = phishRuneAt(s, i, fold)
		}
		if r >= 0 && x.mayStart(r) {
			for _, k := range x.starting(r) {
				if phishHasPrefix(s, i, x.list[k], fold && x.letters[k]) && !fn(i, int(k)) {
					return
				}
			}
		}
		i += n
	}
}

// phishRuneAtFast is phishRuneAt with its two common cases, ASCII and a
// well-formed rune of U+3000 to U+9FFF (flCaseless3: kana and kanji, most
// of a Japanese page), taken first; the others go to phishRuneAt. The
// scanning loops (each, phishHasLower) write it out, since the compiler
// does not inline it. TestPhishRuneAtFastAgrees holds the two to each
// other.
func phishRuneAtFast(s string, i int, fold bool) (rune, int) {
	b := s[i]
	if b < utf8.RuneSelf {
		if fold && 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		return rune(b), 1
	}
	if flCaseless3(s, i) {
		return rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return phishRuneAt(s, i, fold)
}

// find is phishFind(s, list) for the indexed list (nil: an empty list):
// the first literal in list order that occurs in s standing as a word
// where it starts or ends with an ASCII letter or digit, or "".
func (x *phishLits) find(s string) string {
	best := -1
	x.each(s, false, func(at, k int) bool {
		if (best < 0 || k < best) && phishBounded(s, at, at+len(x.list[k])) {
			best = k
		}
		return best != 0
	})
	if best < 0 {
		return ""
	}
	return x.list[best]
}

// all is phishCount(s, list) for the indexed list: every literal that
// occurs in s standing as a word (see find), in list order, once each.
func (x *phishLits) all(s string) []string {
	var found []int
	x.each(s, false, func(at, k int) bool {
		if phishBounded(s, at, at+len(x.list[k])) {
			for _, f := range found {
				if f == k {
					return true
				}
			}
			found = append(found, k)
		}
		return true
	})
	if len(found) == 0 {
		return nil
	}
	sort.Ints(found)
	out := make([]string, len(found))
	for i, k := range found {
		out[i] = x.list[k]
	}
	return out
}

// has reports whether find(s) != "", stopping at the first match.
func (x *phishLits) has(s string) bool {
	found := false
	x.each(s, false, func(at, k int) bool {
		found = phishBounded(s, at, at+len(x.list[k]))
		return !found
	})
	return found
}

// phishHasLower is x.has(strings.ToLower(s)) for literals in lower case,
// without lower-casing s: ASCII letters are compared in any case, in the
// same pass that looks for the only two runes that strings.ToLower makes
// ASCII letters (İ to i, the Kelvin sign to k). Where either is in s and
// nothing was found, or either touches what was found (it would glue a
// word to it once lower-cased), s goes the slow way.
func phishHasLower(x *phishLits, s string) bool {
	odd := false
	for i := 0; i < len(s); {
		var r rune // phishRuneAtFast(s, i, true), written out
		n := 1
		if b := s[i]; b < utf8.RuneSelf {
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
			}
			r = rune(b)
		} else if flCaseless3(s, i) {
			r, n = rune(b&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
		} else {
			r, n = phishRuneAt(s, i, true)
		}
		if r == 0x130 || r == 0x212A {
			odd = true
		} else if r >= 0 && x.mayStart(r) {
			for _, k := range x.starting(r) {
				j := i + len(x.list[k])
				if phishHasPrefix(s, i, x.list[k], true) && phishBounded(s, i, j) {
					if phishLowersToASCII(s[max(0, i-3):i]) || phishLowersToASCII(s[j:min(len(s), j+3)]) {
						return x.has(strings.ToLower(s))
					}
					return true
				}
			}
		}
		i += n
	}
	if odd {
		return x.has(strings.ToLower(s))
	}
	return false
}

// phishLowersToASCII reports whether s has İ (U+0130) or the Kelvin sign
// (U+212A): the runes outside ASCII that strings.ToLower makes ASCII.
func phishLowersToASCII(s string) bool {
	return strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a")
}
