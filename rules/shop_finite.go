package rules

import (
	"regexp/syntax"
	"slices"
	"unicode"
	"unicode/utf8"
)

// shopFinite matches, without the regexp engine, an expression that
// matches a small finite set of strings (an alternation of words with
// optional parts, small classes and \b, ^, $ around them): most of the
// shop signs' expressions. Go's backtracker costs several microseconds on
// one short line for an alternation of twenty words; this costs about a
// pass over the line. It gives exactly the regexp's answer: the leftmost
// match, and there the one the regexp's priority order prefers, because
// the strings are kept in that order.
type shopFinite struct {
	alts []shopFiniteAlt // in the expression's priority order
	// byFirst lists the alternatives starting with each (lower-cased)
	// rune, in priority order. Before it is asked, a position must pass
	// long, a hash of the first three bytes of the alternatives of three
	// bytes or more, or short, the first bytes of the others (both with
	// ASCII letters folded by setting bit 0x20): three bytes tell apart
	// far more places than one rune does in ASCII text ("s" against
	// "sho"), as much in Japanese, and a lookup costs several of them.
	byFirst map[rune][]int
	long    [1 << shopHashBits / 64]uint64
	short   [256 / 64]uint64
	shorts  bool // some alternative is shorter than three bytes
	// anchored: every alternative begins with ^, so only the start of
	// the text is tried.
	anchored bool
	// empty lists, in priority order, the alternatives that are the empty
	// string (with their assertions): only an anchored set has them
	// (`^(?:決済|払い)?(?:と|や)?$`); elsewhere they would match at every
	// position, which is left to the regexp.
	empty []int
	// tail, when set, holds the runes that can begin a greedy optional
	// part after the strings (the note in 口座名義(カナ)): where one
	// follows a match, find leaves the answer to the regexp; elsewhere
	// the part cannot match and the strings are the whole match.
	tail *[1 << 16 / 64]uint64
}

// shopFiniteAlt is one string of the set and the assertions around it.
type shopFiniteAlt struct {
	lit     string // lower-cased (ASCII) when fold
	fold    bool
	asserts []shopFiniteAssert
}

// shopFiniteAssert is a zero-width assertion at a byte offset of lit.
type shopFiniteAssert struct {
	at int
	op syntax.Op // OpWordBoundary, OpNoWordBoundary, OpBeginText or OpEndText
}

// shopFiniteMax bounds the strings one expression may expand to, and
// shopFiniteClassMax the runes of one character class (a list of marks
// such as flDecorationOne's; not \w or a script).
const (
	shopFiniteMax      = 512
	shopFiniteClassMax = 32
)

// shopFiniteTok is one step of an expansion: a rune or an assertion.
type shopFiniteTok struct {
	r    rune
	fold bool
	raw  bool      // the Kelvin sign or long s of a (?i) k or s: as it is
	op   syntax.Op // 0 for a rune
}

// newShopFinite returns the matcher for the parsed (not simplified)
// expression re, or nil when re is not a small finite set of strings, or
// can match the empty string anywhere but at the start of the text.
func newShopFinite(re *syntax.Regexp) *shopFinite {
	seqs, ok := shopExpand(re)
	if !ok || len(seqs) == 0 {
		return nil
	}
	// The strings are written one after the other into one buffer, and
	// the assertions into one slice, each alternative holding its part:
	// a few allocations an expression rather than a few a string (package
	// start-up builds hundreds of strings).
	f := &shopFinite{byFirst: map[rune][]int{}, anchored: true, alts: make([]shopFiniteAlt, len(seqs))}
	// (?i) matches k also with the Kelvin sign and s with the long s:
	// each string holding them comes with its forms that hold those
	// instead, right after it (where one form matches the others cannot,
	// so the priority order is kept).
	if slices.ContainsFunc(seqs, shopHasOddFold) {
		var all [][]shopFiniteTok
		for _, seq := range seqs {
			all = append(all, shopOddForms(seq)...)
			if len(all) > shopFiniteMax {
				return nil
			}
		}
		seqs = all
		f.alts = make([]shopFiniteAlt, len(seqs))
	}
	var buf []byte
	var asserts []shopFiniteAssert
	ends := make([][2]int, len(seqs)) // end of each string in buf, of its assertions
	for k, seq := range seqs {
		var ok bool
		buf, asserts, f.alts[k].fold, ok = shopFiniteAltOf(buf, asserts, seq)
		if !ok {
			return nil
		}
		ends[k] = [2]int{len(buf), len(asserts)}
	}
	all := string(buf)
	firsts := make([]int, 0, len(seqs))
	for k := range f.alts {
		alt := &f.alts[k]
		from := [2]int{}
		if k > 0 {
			from = ends[k-1]
		}
		alt.lit = all[from[0]:ends[k][0]]
		alt.asserts = asserts[from[1]:ends[k][1]:ends[k][1]]
		if len(alt.asserts) == 0 || alt.asserts[0] != (shopFiniteAssert{at: 0, op: syntax.OpBeginText}) {
			f.anchored = false
		}
	}
	for k := range f.alts {
		alt := &f.alts[k]
		if alt.lit == "" {
			if !f.anchored {
				return nil
			}
			f.empty = append(f.empty, k)
			continue
		}
		c, _ := utf8.DecodeRuneInString(alt.lit)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 1<<16 {
			return nil
		}
		if len(alt.lit) >= 3 {
			h := shopHash3(alt.lit, 0)
			f.long[h/64] |= 1 << (h % 64)
		} else {
			b := alt.lit[0] | 0x20
			f.short[b/64] |= 1 << (b % 64)
			f.shorts = true
		}
		firsts = append(firsts, k)
	}
	// byFirst's lists are parts of one slice of the alternatives ordered
	// by first rune (stable: priority order within a rune).
	first := func(k int) rune {
		c, _ := utf8.DecodeRuneInString(f.alts[k].lit)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		return c
	}
	slices.SortStableFunc(firsts, func(x, y int) int { return int(first(x)) - int(first(y)) })
	for i := 0; i < len(firsts); {
		c, j := first(firsts[i]), i+1
		for j < len(firsts) && first(firsts[j]) == c {
			j++
		}
		f.byFirst[c] = firsts[i:j:j]
		i = j
	}
	return f
}

// shopFiniteAltOf appends one expansion's string to buf and its
// assertions (offsets from the string's start) to asserts; ok is false for
// case folding that is not plain ASCII and for a string that folds only
// in part.
func shopFiniteAltOf(buf []byte, asserts []shopFiniteAssert, seq []shopFiniteTok) (_ []byte, _ []shopFiniteAssert, fold, ok bool) {
	start := len(buf)
	folds, exact := false, false
	for _, t := range seq {
		if t.op != 0 {
			asserts = append(asserts, shopFiniteAssert{at: len(buf) - start, op: t.op})
			continue
		}
		if t.raw {
			buf = utf8.AppendRune(buf, t.r)
			continue
		}
		r := t.r
		cased := unicode.SimpleFold(r) != r
		if cased {
			if t.fold {
				if r >= utf8.RuneSelf {
					return buf, asserts, false, false // a non-ASCII letter that folds
				}
				if r >= 'A' && r <= 'Z' {
					r += 'a' - 'A'
				}
				folds = true
			} else {
				exact = true
			}
		}
		buf = utf8.AppendRune(buf, r)
	}
	if folds && exact {
		return buf, asserts, false, false
	}
	return buf, asserts, folds, true
}

// shopOddRune maps the ASCII letters (?i) also matches with a letter
// outside ASCII to that letter.
var shopOddRune = map[rune]rune{'k': '\u212a', 'K': '\u212a', 's': '\u017f', 'S': '\u017f'}

// shopHasOddFold reports whether seq folds a k or an s.
func shopHasOddFold(seq []shopFiniteTok) bool {
	return slices.ContainsFunc(seq, func(t shopFiniteTok) bool { return t.fold && t.op == 0 && shopOddRune[t.r] != 0 })
}

// shopOddForms returns seq and, for each folded k or s in it, the forms
// with the Kelvin sign or the long s there.
func shopOddForms(seq []shopFiniteTok) [][]shopFiniteTok {
	out := [][]shopFiniteTok{seq}
	for j, t := range seq {
		odd := shopOddRune[t.r]
		if !t.fold || t.op != 0 || odd == 0 {
			continue
		}
		for _, v := range out[:len(out):len(out)] {
			w := slices.Clone(v)
			w[j] = shopFiniteTok{r: odd, raw: true}
			out = append(out, w)
		}
	}
	return out
}

// shopExpandConcat writes out the product of the expansions of a
// concatenation's parts, the plain way: the product of the parts so far
// times each string of the next part, in that order.
func shopExpandConcat(parts [][][]shopFiniteTok) [][]shopFiniteTok {
	out := [][]shopFiniteTok{nil}
	for _, e := range parts {
		next := make([][]shopFiniteTok, 0, len(out)*len(e))
		for _, a := range out {
			for _, b := range e {
				next = append(next, append(slices.Clip(a), b...))
			}
		}
		out = next
	}
	return out
}

// shopExpand lists the strings re matches in the order a backtracking
// matcher tries them; ok is false when they are not few.
func shopExpand(re *syntax.Regexp) ([][]shopFiniteTok, bool) {
	fold := re.Flags&syntax.FoldCase != 0
	switch re.Op {
	case syntax.OpEmptyMatch:
		return [][]shopFiniteTok{nil}, true
	case syntax.OpLiteral:
		seq := make([]shopFiniteTok, 0, len(re.Rune))
		for _, r := range re.Rune {
			seq = append(seq, shopFiniteTok{r: r, fold: fold})
		}
		return [][]shopFiniteTok{seq}, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
		}
		if n == 0 || n > shopFiniteClassMax {
			return nil, false
		}
		toks := make([]shopFiniteTok, 0, n)
		out := make([][]shopFiniteTok, 0, n)
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				// The class already lists both cases where it folds.
				toks = append(toks, shopFiniteTok{r: r})
				out = append(out, toks[len(toks)-1:len(toks):len(toks)])
			}
		}
		return out, true
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginText, syntax.OpEndText:
		return [][]shopFiniteTok{{{op: re.Op}}}, true
	case syntax.OpCapture:
		return shopExpand(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := shopExpand(re.Sub[0])
		if !ok {
			return nil, false
		}
		if re.Flags&syntax.NonGreedy != 0 {
			return append([][]shopFiniteTok{nil}, sub...), true
		}
		return append(sub, nil), true
	case syntax.OpRepeat:
		if re.Max < 0 || re.Max > 4 {
			return nil, false
		}
		// x{n,m}: n copies, then m-n nested optional ones.
		parts := make([]*syntax.Regexp, 0, re.Max)
		for i := 0; i < re.Min; i++ {
			parts = append(parts, re.Sub[0])
		}
		var opt *syntax.Regexp
		for i := re.Min; i < re.Max; i++ {
			inner := []*syntax.Regexp{re.Sub[0]}
			if opt != nil {
				inner = append(inner, opt)
			}
			opt = &syntax.Regexp{Op: syntax.OpQuest, Flags: re.Flags & syntax.NonGreedy,
				Sub: []*syntax.Regexp{{Op: syntax.OpConcat, Sub: inner}}}
		}
		if opt != nil {
			parts = append(parts, opt)
		}
		return shopExpand(&syntax.Regexp{Op: syntax.OpConcat, Sub: parts})
	case syntax.OpConcat:
		// The parts are expanded first, then their product is written
		// out once (the last part varying fastest: the order a
		// backtracker tries them), every string in one buffer: copying
		// the product of the parts so far at each part cost several
		// times the memory and most of a process's first-use time.
		parts := make([][][]shopFiniteTok, 0, len(re.Sub))
		count := 1
		for _, sub := range re.Sub {
			e, ok := shopExpand(sub)
			if !ok || count*len(e) > shopFiniteMax {
				return nil, false
			}
			count *= len(e)
			parts = append(parts, e)
		}
		if count == 0 {
			return [][]shopFiniteTok{}, true
		}
		n := 0 // tokens in all the strings: each string of a part is in count/len(part) of them
		for _, e := range parts {
			l := 0
			for _, b := range e {
				l += len(b)
			}
			n += l * (count / len(e))
		}
		buf := make([]shopFiniteTok, 0, n)
		out := make([][]shopFiniteTok, 0, count)
		var idx [64]int // the string of each part; a concatenation of more parts goes the plain way
		if len(parts) > len(idx) {
			return shopExpandConcat(parts), true
		}
		for range count {
			at := len(buf)
			for i, e := range parts {
				buf = append(buf, e[idx[i]]...)
			}
			out = append(out, buf[at:len(buf):len(buf)])
			for i := len(parts) - 1; i >= 0; i-- {
				if idx[i]++; idx[i] < len(parts[i]) {
					break
				}
				idx[i] = 0
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out [][]shopFiniteTok
		for _, sub := range re.Sub {
			e, ok := shopExpand(sub)
			if !ok || len(out)+len(e) > shopFiniteMax {
				return nil, false
			}
			out = append(out, e...)
		}
		return out, true
	}
	return nil, false
}

// find returns the leftmost match in s at or after from, or -1, -1; ok is
// false when the regexp must answer (a match followed by what may begin
// the tail). It tries the places the regexp tries, in the same order.
func (f *shopFinite) find(s string, from int) (start, end int, ok bool) {
	if f.anchored {
		if from > 0 {
			return -1, -1, true
		}
		return f.findStart(s)
	}
	// Every byte that is not a continuation byte is tried: the regexp
	// tries each (it steps a rune at a time, a byte at a time over invalid
	// UTF-8), and a match, starting with the encoding of a rune, starts at
	// no other. mayAt is written out: the call would cost as much as the
	// test, which most bytes fail.
	i := from
	for ; i < len(s)-2; i++ {
		b := s[i]
		if b&0xC0 == 0x80 {
			continue
		}
		h := (uint32(b)<<16 | uint32(s[i+1])<<8 | uint32(s[i+2]) | 0x202020) * 0x9E3779B1 >> (32 - shopHashBits)
		if f.long[h/64]&(1<<(h%64)) == 0 {
			if !f.shorts {
				continue
			}
			if b |= 0x20; f.short[b/64]&(1<<(b%64)) == 0 {
				continue
			}
		}
		if end, ok := f.at(s, i); ok {
			return i, end, !f.tailAt(s, end)
		}
	}
	for ; i < len(s) && f.shorts; i++ { // the last two bytes: short strings only
		if s[i]&0xC0 != 0x80 && f.mayAt(s, i) {
			if end, ok := f.at(s, i); ok {
				return i, end, !f.tailAt(s, end)
			}
		}
	}
	return -1, -1, true
}

// at returns the end of the match of highest priority starting at s[i].
func (f *shopFinite) at(s string, i int) (end int, ok bool) {
	c, _ := shopNextRune(s, i)
	for _, k := range f.byFirst[c] {
		if end, ok := f.alts[k].matchAt(s, i); ok {
			return end, true
		}
	}
	return 0, false
}

// shopHashBits sizes the hash of three bytes in shopFinite.long.
const shopHashBits = 12

// shopHash3 hashes the three bytes at s[i], ASCII letters folded.
func shopHash3(s string, i int) uint32 {
	return (uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2]) | 0x202020) * 0x9E3779B1 >> (32 - shopHashBits)
}

// mayAt reports whether one of the strings may start at s[i]: false is
// certain.
func (f *shopFinite) mayAt(s string, i int) bool {
	if b := s[i] | 0x20; f.short[b/64]&(1<<(b%64)) != 0 {
		return true
	}
	if i+2 >= len(s) {
		return false
	}
	h := shopHash3(s, i)
	return f.long[h/64]&(1<<(h%64)) != 0
}

// findStart is find for an anchored set: the alternative of highest
// priority that matches at the start of s, an empty one included.
func (f *shopFinite) findStart(s string) (start, end int, ok bool) {
	best := -1
	if s != "" {
		if f.mayAt(s, 0) {
			c, _ := shopNextRune(s, 0)
			for _, k := range f.byFirst[c] {
				if e, ok := f.alts[k].matchAt(s, 0); ok {
					best, end = k, e
					break
				}
			}
		}
	}
	for _, k := range f.empty {
		if best >= 0 && k > best {
			break
		}
		if _, ok := f.alts[k].matchAt(s, 0); ok {
			best, end = k, 0
			break
		}
	}
	if best < 0 {
		return -1, -1, true
	}
	return 0, end, !f.tailAt(s, end)
}

// tailAt reports whether a rune that can begin the tail follows a match
// ending at end, so that the regexp must answer.
func (f *shopFinite) tailAt(s string, end int) bool {
	if f.tail == nil || end >= len(s) {
		return false
	}
	c, _ := shopNextRune(s, end)
	return c >= 0 && f.tail[c/64]&(1<<(c%64)) != 0
}

// matchAt reports whether the alternative matches s at i, and where the
// match ends.
func (a *shopFiniteAlt) matchAt(s string, i int) (int, bool) {
	end := i + len(a.lit)
	if end > len(s) {
		return 0, false
	}
	if a.fold {
		if !shopEqualLowerASCII(s[i:end], a.lit) {
			return 0, false
		}
	} else if s[i:end] != a.lit {
		return 0, false
	}
	for _, as := range a.asserts {
		at := i + as.at
		switch as.op {
		case syntax.OpBeginText:
			if at != 0 {
				return 0, false
			}
		case syntax.OpEndText:
			if at != len(s) {
				return 0, false
			}
		case syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			before := at > 0 && shopWordByte(s[at-1])
			after := at < len(s) && shopWordByte(s[at])
			if (before != after) != (as.op == syntax.OpWordBoundary) {
				return 0, false
			}
		}
	}
	return end, true
}

// shopWordByte is regexp's \w for the byte next to a position: only ASCII
// letters, digits and _ are word characters, and a byte of a multi-byte
// rune never is.
func shopWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// findAll returns up to n (all when n < 0) non-overlapping matches, as
// regexp's FindAllStringIndex does; ok as for find.
func (f *shopFinite) findAll(s string, n int) ([][]int, bool) {
	// The matches are gathered on the stack and the answer's pairs cut
	// from one flat slice: two allocations however many matches (one for
	// a single match), rather than one a match.
	var buf [16][2]int
	pairs := buf[:0]
	for pos := 0; n < 0 || len(pairs) < n; {
		a, b, ok := f.find(s, pos)
		if !ok {
			return nil, false
		}
		if a < 0 {
			break
		}
		pairs = append(pairs, [2]int{a, b})
		if f.anchored {
			break // the only match: also when it is empty
		}
		pos = b
	}
	switch len(pairs) {
	case 0:
		return nil, true
	case 1:
		one := &struct {
			out  [1][]int
			flat [2]int
		}{flat: pairs[0]}
		one.out[0] = one.flat[:]
		return one.out[:], true
	}
	flat := make([]int, 2*len(pairs))
	out := make([][]int, len(pairs))
	for i, p := range pairs {
		flat[2*i], flat[2*i+1] = p[0], p[1]
		out[i] = flat[2*i : 2*i+2 : 2*i+2]
	}
	return out, true
}

// shopSplitFinite returns the fast matcher for the parsed expression re:
// all of it when it is a small set of strings; else, for an alternation,
// its branches that are, with the literal index of the others (nil, nil
// when those have no literal every match must hold).
func shopSplitFinite(re *syntax.Regexp) (*shopFinite, *shopLitIndex) {
	if f := newShopFinite(re); f != nil {
		return f, nil
	}
	if f := shopFiniteWithTail(re); f != nil {
		return f, nil
	}
	if re.Op != syntax.OpAlternate {
		return nil, nil
	}
	var fin, rest []*syntax.Regexp
	for _, sub := range re.Sub {
		if newShopFinite(sub) != nil {
			fin = append(fin, sub)
		} else {
			rest = append(rest, sub)
		}
	}
	if len(fin) == 0 {
		return nil, nil
	}
	var lits []string
	for _, sub := range rest {
		l, ok := shopRequiredLits(sub.Simplify())
		if !ok || slices.Contains(l, "") {
			return nil, nil
		}
		lits = append(lits, l...)
	}
	idx := newShopLitIndex(lits)
	if idx == nil {
		return nil, nil
	}
	f := newShopFinite(&syntax.Regexp{Op: syntax.OpAlternate, Flags: re.Flags, Sub: fin})
	if f == nil {
		return nil, nil
	}
	return f, idx
}

// shopFiniteWithTail returns the matcher for a concatenation of finite
// parts followed by a greedy optional part X without assertions
// (`^(?:販売業者|…)(?:名)?(?:\s?\([^)]{0,10}\))?`); nil for anything else.
// The backtracker takes the first string that matches, then X if it
// matches right after, else nothing: so where no rune that can begin X
// follows, the string alone is the match.
func shopFiniteWithTail(re *syntax.Regexp) *shopFinite {
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 {
		return nil
	}
	last := re.Sub[len(re.Sub)-1]
	if last.Op != syntax.OpQuest || last.Flags&syntax.NonGreedy != 0 || shopHasAssertion(last) {
		return nil
	}
	runes, nullable, ok := shopFirstRunes(last.Sub[0])
	if !ok || nullable {
		return nil
	}
	f := newShopFinite(&syntax.Regexp{Op: syntax.OpConcat, Flags: re.Flags, Sub: re.Sub[:len(re.Sub)-1]})
	if f == nil {
		return nil
	}
	f.tail = new([1 << 16 / 64]uint64)
	for _, c := range runes {
		if c >= 1<<16 {
			return nil
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		f.tail[c/64] |= 1 << (c % 64)
	}
	return f
}

// shopHasAssertion reports whether re holds a zero-width assertion, whose
// answer depends on the text around a match.
func shopHasAssertion(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	for _, sub := range re.Sub {
		if shopHasAssertion(sub) {
			return true
		}
	}
	return false
}

// words returns the strings of the set in every case form they match in
// (the set already holds the forms with the Kelvin sign and the long s),
// without their assertions: every match of the expression starts with one,
// which makes them a word list for a prefilter.
func (f *shopFinite) words() []string {
	var out []string
	for _, a := range f.alts {
		forms := []string{""}
		for _, r := range a.lit {
			cases := []rune{r}
			if a.fold && r >= 'a' && r <= 'z' {
				cases = append(cases, r-'a'+'A')
			}
			next := make([]string, 0, len(forms)*len(cases))
			for _, w := range forms {
				for _, c := range cases {
					next = append(next, w+string(c))
				}
			}
			forms = next
		}
		out = append(out, forms...)
	}
	return out
}
