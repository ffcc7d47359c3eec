package rules

import "unicode/utf8"

// RuneCount is utf8.RuneCountInString(s): the runes a range loop over s
// yields, an invalid byte counting as one. Japanese text is mostly kana
// and kanji (flCaseless3: a lead byte E3 to E9 and two continuation bytes
// always make one valid rune), taken three bytes at a time rather than
// through the runtime's general decoder; signs count the runes of every
// line they read.
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		switch {
		case s[i] < utf8.RuneSelf:
			i++
		case flCaseless3(s, i):
			i += 3
		default:
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
		}
	}
	return n
}
