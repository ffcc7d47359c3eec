package rules

import "strings"

// shopPriceLoc is one match of shopPriceRe as FindAllStringSubmatchIndex
// gives it: the match, then groups 1 to 5 (万 and the rest after it, after
// ¥, before 円, after JPY), -1 where a group did not take part.
type shopPriceLoc [12]int

// shopAppendPriceLocs appends to dst the matches of shopPriceRe in s, as
// shopPriceRe.Regexp().FindAllStringSubmatchIndex(s, -1) finds them, without
// the regexp engine: the backtracker costs some microseconds a line with a
// price, and every sign that reads prices asks it of every such line.
//
// Each alternative of the expression is a run of digits with fixed marks
// around it, so the backtracker's choices can be written out: a greedy
// run of digits followed by 万, 円 or a comma can only succeed with the
// whole run (a shorter one leaves a digit where that mark must be), and a
// greedy \s? before a digit or 円 only with the space taken where there is
// one. The matches are tried where the regexp tries them: at each place
// from the end of the last match, in the expression's order (万, ¥, 円,
// JPY). TestShopPriceScanAgrees holds it to the regexp.
func shopAppendPriceLocs(dst []shopPriceLoc, s string) []shopPriceLoc {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && c != '\\' && c != 0xC2 && c|0x20 != 'j' {
			continue // no match starts here: most bytes of a line
		}
		if m, ok := shopPriceAt(s, i); ok {
			dst = append(dst, m)
			i = m[1] - 1
		}
	}
	return dst
}

// shopPriceAt is the match of shopPriceRe starting at s[i], if any, with
// the alternative the regexp prefers there.
func shopPriceAt(s string, i int) (m shopPriceLoc, ok bool) {
	for k := range m {
		m[k] = -1
	}
	c := s[i]
	switch {
	case c >= '0' && c <= '9':
		// ([0-9]{1,5})万([0-9]{1,3}(?:,[0-9]{3})*|[0-9]{1,4})?\s?円
		if r := shopDigitRun(s, i); r <= 5 && strings.HasPrefix(s[i+r:], "万") {
			p := i + r + len("万")
			r2 := shopDigitRun(s, p)
			if r2 >= 1 && r2 <= 3 {
				q := shopCommaGroups(s, p+r2)
				if end, ok := shopYenMark(s, q); ok {
					return shopPriceLocOf(m, i, end, 2, i, i+r, p, q), true
				}
			}
			if r2 >= 1 && r2 <= 4 {
				if end, ok := shopYenMark(s, p+r2); ok {
					return shopPriceLocOf(m, i, end, 2, i, i+r, p, p+r2), true
				}
			}
			if end, ok := shopYenMark(s, p); ok {
				return shopPriceLocOf(m, i, end, 2, i, i+r, -1, -1), true
			}
		}
		// ([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})\s?円
		r := shopDigitRun(s, i)
		if r <= 3 {
			if q := shopCommaGroups(s, i+r); q > i+r {
				if end, ok := shopYenMark(s, q); ok {
					return shopPriceLocOf(m, i, end, 8, i, q, -1, -1), true
				}
			}
		}
		if r <= 9 {
			if end, ok := shopYenMark(s, i+r); ok {
				return shopPriceLocOf(m, i, end, 8, i, i+r, -1, -1), true
			}
		}
	case c == '\\' || c == 0xC2 && strings.HasPrefix(s[i:], "¥"):
		// [¥\\]\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})(?:\s?円)?
		p := i + 1
		if c != '\\' {
			p = i + len("¥")
		}
		if p < len(s) && shopIsSpaceByte(s[p]) {
			p++
		}
		q, ok := shopPriceNumber(s, p)
		if !ok {
			return m, false
		}
		end := q
		if e, ok := shopYenMark(s, q); ok {
			end = e
		}
		return shopPriceLocOf(m, i, end, 6, p, q, -1, -1), true
	case c == 'J' || c == 'j':
		// (?i:JPY)\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9})
		if len(s)-i < 3 || !shopEqualLowerASCII(s[i:i+3], "jpy") {
			return m, false
		}
		p := i + 3
		if p < len(s) && shopIsSpaceByte(s[p]) {
			p++
		}
		q, ok := shopPriceNumber(s, p)
		if !ok {
			return m, false
		}
		return shopPriceLocOf(m, i, q, 10, p, q, -1, -1), true
	}
	return m, false
}

// shopPriceLocOf fills m with the match [start, end), the group at index g
// (2 for group 1) as [a, b), and for 万 group 2 as [a2, b2).
func shopPriceLocOf(m shopPriceLoc, start, end, g, a, b, a2, b2 int) shopPriceLoc {
	m[0], m[1] = start, end
	m[g], m[g+1] = a, b
	if g == 2 {
		m[4], m[5] = a2, b2
	}
	return m
}

// shopPriceNumber matches ([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,9}) at s[p]
// when nothing that follows can fail: the end of the number.
func shopPriceNumber(s string, p int) (int, bool) {
	r := shopDigitRun(s, p)
	if r == 0 {
		return 0, false
	}
	if r <= 3 {
		if q := shopCommaGroups(s, p+r); q > p+r {
			return q, true
		}
	}
	return p + min(r, 9), true
}

// shopDigitRun is the number of ASCII digits from s[i].
func shopDigitRun(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
		n++
	}
	return n
}

// shopCommaGroups returns the end of the groups ",ddd" from s[i] (i when
// there is none): (?:,[0-9]{3})* taken greedily.
func shopCommaGroups(s string, i int) int {
	for i+4 <= len(s) && s[i] == ',' && shopDigitRun(s[i+1:i+4], 0) == 3 {
		i += 4
	}
	return i
}

// shopYenMark matches \s?円 at s[i] and returns where it ends.
func shopYenMark(s string, i int) (int, bool) {
	if i < len(s) && shopIsSpaceByte(s[i]) && strings.HasPrefix(s[i+1:], "円") {
		return i + 1 + len("円"), true
	}
	if strings.HasPrefix(s[i:], "円") {
		return i + len("円"), true
	}
	return 0, false
}

// shopIsSpaceByte is the regexp's \s: [\t\n\f\r ].
func shopIsSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}
