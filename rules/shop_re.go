package rules

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
)

// shopRe is a regular expression with fast paths: a matcher for a small
// finite set of strings (fin), which answers alone for most of the signs'
// expressions, and otherwise a literal prefilter: the strings of which
// every match must contain one (taken from the expression's syntax),
// looked for by a fast scan before the expression runs. Most lines of a
// page hold none of a sign's words, and Go's regexp engine is slow on long
// alternations; the fast paths keep scoring about as cheap as parsing.
//
// Every part is built on first use, not at package start-up: a process
// that checks a few pages uses a fraction of the package's expressions,
// and an expression the finite matcher answers for whole is never given to
// the regexp compiler at all (unless a method only the regexp has is
// called). Each part is built once, safely from any goroutine.
type shopRe struct {
	pattern string

	finOnce sync.Once
	// fin matches the expression without the regexp engine when it is a
	// small set of strings; nil otherwise. When only some branches of a
	// top-level alternation are, fin matches those and rest finds the
	// literals of the others: where rest finds none, those branches cannot
	// match and fin's answer is the expression's.
	fin  *shopFinite
	rest *shopLitIndex

	preOnce sync.Once
	pre     shopRePre

	reOnce sync.Once
	re     *regexp.Regexp
}

// shopRePre is the literal prefilter of a shopRe.
type shopRePre struct {
	// idx holds the literals of which a match contains one; nil: no
	// prefilter.
	idx *shopLitIndex
	// exact: the expression matches exactly the literals of idx, so
	// finding one answers MatchString without running it.
	exact bool
	// anchored: the expression matches at the start only, and first
	// holds the runes a match can begin with.
	anchored bool
	first    *[1 << 16 / 64]uint64
}

// shopMustRe returns the expression for pattern, to be built on first use.
// The pattern is checked when the package's tests build every expression
// (TestShopReAllCompile); a bad one panics on first use.
func shopMustRe(pattern string) *shopRe {
	r := &shopRe{pattern: pattern}
	shopReAll.Lock()
	shopReAll.list = append(shopReAll.list, r)
	shopReAll.Unlock()
	return r
}

// shopReAll lists every expression made by shopMustRe, for the tests.
var shopReAll struct {
	sync.Mutex
	list []*shopRe
}

// String returns the pattern.
func (r *shopRe) String() string { return r.pattern }

// Regexp returns the compiled expression, compiling it on first use.
func (r *shopRe) Regexp() *regexp.Regexp {
	r.reOnce.Do(func() { r.re = regexp.MustCompile(r.pattern) })
	return r.re
}

// finite builds fin and rest on first use and returns r.
func (r *shopRe) finite() *shopRe {
	r.finOnce.Do(func() {
		tree, err := syntax.Parse(r.pattern, syntax.Perl)
		if err != nil {
			r.Regexp() // the same error, as a panic
			return
		}
		r.fin, r.rest = shopSplitFinite(tree)
	})
	return r
}

// prefilter builds the literal prefilter on first use.
func (r *shopRe) prefilter() *shopRePre {
	r.preOnce.Do(func() { r.pre = shopPrefilterOf(r.pattern) })
	return &r.pre
}

// shopPrefilterOf works out the literal prefilter of pattern.
func shopPrefilterOf(pattern string) shopRePre {
	var p shopRePre
	tree, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return p
	}
	tree = tree.Simplify()
	if tree.Op == syntax.OpConcat && len(tree.Sub) > 0 && tree.Sub[0].Op == syntax.OpBeginText {
		// Anchored: a match starts with one of the runes that can begin
		// the rest of the expression.
		rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: tree.Sub[1:]}
		runes, nullable, ok := shopFirstRunes(rest)
		if !ok || nullable {
			return p
		}
		first := new([1 << 16 / 64]uint64)
		for _, c := range runes {
			if c >= 1<<16 {
				return shopRePre{}
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			first[c/64] |= 1 << (c % 64)
		}
		p.anchored, p.first = true, first
		return p
	}
	if lits, ok := shopExact(tree); ok && !slices.Contains(lits, "") {
		if p.idx = newShopLitIndex(lits); p.idx != nil {
			p.exact = true
			return p
		}
	}
	lits, ok := shopRequiredLits(tree)
	if !ok {
		return p
	}
	p.idx = newShopLitIndex(lits)
	return p
}

// words returns every string the expression matches, in every case form,
// when it is a small set of strings (nil otherwise): see shopFinite.words.
func (r *shopRe) words() []string {
	r.finite()
	if r.fin == nil || r.rest != nil {
		return nil
	}
	return r.fin.words()
}

// fast reports whether fin gives the answer for s (fin built).
func (r *shopRe) fast(s string) bool {
	r.finite()
	if r.fin == nil {
		return false
	}
	return r.rest == nil || !shopOddFold(s) && !r.rest.any(s)
}

// may reports whether the expression can match s; false is certain.
func (r *shopRe) may(s string) bool {
	if shopOddFold(s) {
		return true
	}
	p := r.prefilter()
	if p.anchored {
		if s == "" {
			return false
		}
		c, _ := shopNextRune(s, 0)
		return c >= 0 && p.first[c/64]&(1<<(c%64)) != 0
	}
	return p.idx == nil || p.idx.any(s)
}

// The matching methods used by the signs, with their fast paths.

func (r *shopRe) MatchString(s string) bool {
	if r.finite().rest != nil && r.prefilter().idx != nil && !r.may(s) {
		// Split in a finite part and others: one scan for the literals
		// of every branch turns most texts away, where fast would scan
		// for the others' and then run the finite matcher.
		return false
	}
	if r.fast(s) {
		if a, _, ok := r.fin.find(s, 0); ok {
			return a >= 0
		}
	} else if p := r.prefilter(); p.exact && !shopOddFold(s) {
		return p.idx.any(s)
	}
	return r.may(s) && r.Regexp().MatchString(s)
}

func (r *shopRe) FindString(s string) string {
	if loc := r.FindStringIndex(s); loc != nil {
		return s[loc[0]:loc[1]]
	}
	return ""
}

func (r *shopRe) FindStringIndex(s string) []int {
	if r.fast(s) {
		if a, b, ok := r.fin.find(s, 0); ok {
			if a < 0 {
				return nil
			}
			return []int{a, b}
		}
	}
	if !r.may(s) {
		return nil
	}
	return r.Regexp().FindStringIndex(s)
}

func (r *shopRe) FindStringSubmatch(s string) []string {
	if !r.may(s) {
		return nil
	}
	return r.Regexp().FindStringSubmatch(s)
}

func (r *shopRe) FindStringSubmatchIndex(s string) []int {
	if !r.may(s) {
		return nil
	}
	return r.Regexp().FindStringSubmatchIndex(s)
}

func (r *shopRe) FindAllString(s string, n int) []string {
	var out []string
	for _, m := range r.FindAllStringIndex(s, n) {
		out = append(out, s[m[0]:m[1]])
	}
	return out
}

func (r *shopRe) FindAllStringIndex(s string, n int) [][]int {
	if r.fast(s) {
		if ms, ok := r.fin.findAll(s, n); ok {
			return ms
		}
	}
	if !r.may(s) {
		return nil
	}
	return r.Regexp().FindAllStringIndex(s, n)
}

// appendAll appends to dst the [start, end) of every match in s, as
// FindAllStringIndex(s, -1) finds them, without allocating when dst has
// room: the signs that only walk the matches of a sentence pass a buffer
// on their stack.
func (r *shopRe) appendAll(dst [][2]int, s string) [][2]int {
	if r.fast(s) {
		start := len(dst)
		for pos := 0; ; {
			a, b, ok := r.fin.find(s, pos)
			if !ok {
				dst = dst[:start] // the regexp must answer
				break
			}
			if a < 0 {
				return dst
			}
			dst = append(dst, [2]int{a, b})
			if r.fin.anchored {
				return dst // the only match: also when it is empty
			}
			pos = b
		}
	}
	if !r.may(s) {
		return dst
	}
	for _, m := range r.Regexp().FindAllStringIndex(s, -1) {
		dst = append(dst, [2]int{m[0], m[1]})
	}
	return dst
}

func (r *shopRe) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.may(s) {
		return nil
	}
	return r.Regexp().FindAllStringSubmatchIndex(s, n)
}

func (r *shopRe) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.may(s) {
		return nil
	}
	return r.Regexp().FindAllStringSubmatch(s, n)
}

func (r *shopRe) ReplaceAllString(src, repl string) string {
	if !strings.Contains(repl, "$") && r.fast(src) {
		if ms, ok := r.fin.findAll(src, -1); ok {
			if ms == nil {
				return src
			}
			var b strings.Builder
			last := 0
			for _, m := range ms {
				b.WriteString(src[last:m[0]])
				b.WriteString(repl)
				last = m[1]
			}
			b.WriteString(src[last:])
			return b.String()
		}
	}
	if !r.may(src) {
		return src
	}
	return r.Regexp().ReplaceAllString(src, repl)
}
