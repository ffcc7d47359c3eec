package rules

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Helpers of the fluent signs' fast paths: what an expression can span,
// and the first runes of a text.

// flMaxRunes returns the most runes a match of pattern can span, or -1
// when that is unbounded or depends on what follows the match (an
// assertion other than ^ at the start: $, \b, \B). A match of a pattern
// with a bound n anchored at the start of a text lies in the text's first
// n runes, so that testing those runes answers for the whole text.
func flMaxRunes(pattern string) int {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return -1
	}
	return flMaxRunesOf(re.Simplify())
}

// flMaxRunesOf is flMaxRunes on a parsed expression.
func flMaxRunesOf(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText:
		return 0
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return flMaxRunesOf(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return -1
		}
		n := flMaxRunesOf(re.Sub[0])
		if n < 0 {
			return -1
		}
		return re.Max * n
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n := flMaxRunesOf(sub)
			if n < 0 {
				return -1
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total
	}
	return -1 // *, +, $, \b, \B, no match
}

// flHeadRunes returns the first n runes of s (all of s when it has no
// more), counting an invalid byte as one rune as a range loop does.
func flHeadRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if flCaseless3(s, i) {
			i += 3
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

// flCaseless3 reports whether s[i:] starts with a well-formed rune of
// U+3000 to U+9FFF (CJK punctuation, kana, kanji): lead byte E3 to E9 and
// two continuation bytes, which always encode such a rune. None of these
// runes has a case (TestFlCaselessRange).
func flCaseless3(s string, i int) bool {
	return s[i] >= 0xE3 && s[i] <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// flLower is strings.ToLower(s), without looking runes up in the case
// tables when s holds only ASCII and runes of U+3000 to U+9FFF (which
// lower-case to themselves: most Japanese text): s itself when it has no
// capital, else a copy with its ASCII capitals lower-cased. Other text
// goes to strings.ToLower. TestFlLowerAgrees holds the two to each other.
func flLower(s string) string {
	upper := false
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			upper = upper || 'A' <= c && c <= 'Z'
			i++
		case flCaseless3(s, i):
			i += 3
		default:
			return strings.ToLower(s)
		}
	}
	if !upper {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// Lower is strings.ToLower(s), without the case tables for text of ASCII
// and Japanese (see flLower): the crawler lower-cases every link's text.
func Lower(s string) string { return flLower(s) }

// flLowerHead is strings.ToLower of the first n runes of s: the first n
// runes of strings.ToLower(s), since lower-casing maps rune by rune (an
// invalid byte to U+FFFD).
func flLowerHead(s string, n int) string { return flLower(flHeadRunes(s, n)) }
