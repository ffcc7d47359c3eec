package rules

// Byte-level tests that stand in for slower equivalents on every line of
// a page; TestShopGatesAgree holds each to the plain way.

import "strings"

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
// encoding of another rune (ASCII, or the lead byte EF), so a search of
// the bytes finds what the rune-by-rune scan finds.
func shopHasAtSign(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '@':
			return true
		case '[':
			if i+4 <= len(s) && s[i+1]|0x20 == 'a' && s[i+2]|0x20 == 't' && s[i+3] == ']' {
				return true
			}
		case '(':
			if i+4 <= len(s) && s[i+1]|0x20 == 'a' && s[i+2]|0x20 == 't' && s[i+3] == ')' {
				return true
			}
		case 0xEF:
			if strings.HasPrefix(s[i:], "＠") {
				return true
			}
		}
	}
	return false
}
