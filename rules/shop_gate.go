package rules

// Byte-level tests that stand in for slower equivalents on every line of
// a page; TestShopGatesAgree holds each to the plain way.

import (
	"strings"
	"sync"
)

// shopContainsLowerASCII reports whether s holds lower (ASCII, lower
// case) with ASCII letters of s folded: strings.Contains(strings.ToLower(s),
// lower) for a word of letters that no rune outside ASCII lower-cases to
// (the Kelvin sign gives k and İ gives i, so not for words with those),
// without making the lower-cased copy.
func shopContainsLowerASCII(s, lower string) bool {
	if lower == "" {
		return true
	}
	first := lower[0]
	for i := 0; i+len(lower) <= len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c == first && shopEqualLowerASCII(s[i:i+len(lower)], lower) {
			return true
		}
	}
	return false
}

// shopHasAtSign is shopAtSigns.any(s): whether s holds @, [at], (at) (in
// any case) or ＠. Each starts with a byte that is never inside the
// encoding of another rune (ASCII, or the lead byte EF), so searching the
// bytes (strings.IndexByte, which reads many at a time) finds what the
// rune-by-rune scan finds.
func shopHasAtSign(s string) bool {
	if strings.IndexByte(s, '@') >= 0 {
		return true
	}
	for _, open := range [2]byte{'[', '('} {
		close := byte(']')
		if open == '(' {
			close = ')'
		}
		for rest := s; ; {
			i := strings.IndexByte(rest, open)
			if i < 0 {
				break
			}
			if i+4 <= len(rest) && rest[i+1]|0x20 == 'a' && rest[i+2]|0x20 == 't' && rest[i+3] == close {
				return true
			}
			rest = rest[i+1:]
		}
	}
	return strings.Contains(s, "＠")
}

// shopLabelGate says of a line whether one of a set of labels may begin
// it (after its bullets, as shopLabelValue reads it): a false answer is
// certain, and spares trying each label's expression on the line. Every
// label is anchored (shopLabel), and its prefilter knows the runes a
// match can begin with; the gate holds their union.
type shopLabelGate struct {
	first [1 << 16 / 64]uint64
	all   bool // a label without that prefilter: every line may
}

// newShopLabelGate returns the gate of the labels res.
func newShopLabelGate(res ...*shopRe) *shopLabelGate {
	g := &shopLabelGate{}
	for _, r := range res {
		p := r.prefilter()
		if !p.anchored {
			g.all = true
			continue
		}
		for w := range g.first {
			g.first[w] |= p.first[w]
		}
	}
	return g
}

// may reports whether shopLabelValue(lines, i, re) may be ok for a label
// re of the gate, line being lines[i]: it is not when the first rune of
// the line after its bullets is none a label can begin with (what the
// label's own prefilter looks at, shopRe.may, which also lets through any
// text with a Kelvin sign or a long s).
func (g *shopLabelGate) may(line string) bool {
	if g.all {
		return true
	}
	l := shopUndecorate(line)
	if l == "" {
		return false
	}
	if c, _ := shopNextRune(l, 0); c >= 0 && g.first[c/64]&(1<<(c%64)) != 0 {
		return true
	}
	return shopOddFold(l)
}

// The label sets read line by line: a disclosure's, an account block's.
var (
	shopDiscLabelGate = sync.OnceValue(func() *shopLabelGate {
		return newShopLabelGate(shopSellerLabel, shopAddressLabel, shopPhoneLabel, shopManagerLabel)
	})
	shopAccountLabelGate = sync.OnceValue(func() *shopLabelGate {
		return newShopLabelGate(shopBankLabel, shopBranchLabel, shopNumberLabel, shopHolderLabel)
	})
)

// shopMayHoldPath reports whether re may match the path of the URL href
// (url.Parse(href).Path): false is certain. Without a % escape the path
// is a piece of href as written, so where href holds none of the literals
// every match of re must hold (its prefilter's, case folded as the
// prefilter does), neither does the path; which spares parsing the URL of
// almost every link. An expression without such literals, or a href with
// an escape or a rune that folds oddly, may always match.
func shopMayHoldPath(re *shopRe, href string) bool {
	p := re.prefilter()
	if p.idx == nil || strings.Contains(href, "%") || shopOddFold(href) {
		return true
	}
	return p.idx.any(href)
}
