package rules

import (
	"iter"
	"sort"
	"strings"
	"unicode"
)

// What several fluent signs read of every page, worked out once a site, and
// a one-pass search for a set of words. Most lines of a shop name no payment
// method, no gift card and no flea-market phrase: the signs find the few
// lines that do in one pass over the page's compact text and read only
// those line by line, as they read every line before.

// flAppendCompact appends flCompact(s) to b.
func flAppendCompact(b *strings.Builder, s string) {
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
}

// flCompactPage is a page's lines in compact form (flCompact), kept in one
// string: line i is text[start[i]:start[i+1]-1], each line followed by a
// newline (which compact text never holds, so no word spans two lines).
type flCompactPage struct {
	text  string
	start []int // len(Lines)+1 offsets
}

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

// flLitSet finds any of a set of words (two bytes or longer) in a text in
// one pass: a bit set of the words' first two bytes rejects almost every
// position with one test, and only positions that pass compare words. Its
// answers are those of strings.Index / strings.Contains word by word.
type flLitSet struct {
	pairs [1 << 16 / 64]uint64
	words map[uint16][]string
}

func newFlLitSet(words []string) *flLitSet {
	x := &flLitSet{words: map[uint16][]string{}}
	for _, w := range words {
		if len(w) < 2 {
			panic("rules: fluent word shorter than two bytes: " + w)
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		x.pairs[k/64] |= 1 << (k % 64)
		x.words[k] = append(x.words[k], w)
	}
	return x
}

// index returns the offset of the first occurrence in s of any word, or -1.
func (x *flLitSet) index(s string) int {
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if x.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, w := range x.words[k] {
			if strings.HasPrefix(s[i:], w) {
				return i
			}
		}
	}
	return -1
}

// any reports whether s holds one of the words.
func (x *flLitSet) any(s string) bool { return x.index(s) >= 0 }

// lines yields, in order, the index of each line of c that holds one of
// the words.
func (x *flLitSet) lines(c *flCompactPage) iter.Seq[int] {
	return func(yield func(int) bool) {
		for from := 0; from < len(c.text); {
			at := x.index(c.text[from:])
			if at < 0 {
				return
			}
			li := c.lineAt(from + at)
			if !yield(li) {
				return
			}
			from = c.start[li+1]
		}
	}
}
