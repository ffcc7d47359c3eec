package rules

import "unicode/utf8"

// RuneCount is utf8.RuneCountInString(s): the runes a range loop over s
// yields, an invalid byte counting as one. Japanese text is mostly
// three-byte runes, which it checks inline rather than through the
// runtime's general decoder (some 1.6 times as fast on Japanese text;
// signs count the runes of every line they read).
func RuneCount(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= 0xE0 && c < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// A valid three-byte rune unless overlong (E0 80-9F) or a
			// surrogate (ED A0-BF), which decode as one invalid byte.
			if !(c == 0xE0 && s[i+1] < 0xA0) && !(c == 0xED && s[i+1] >= 0xA0) {
				i += 3
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}
