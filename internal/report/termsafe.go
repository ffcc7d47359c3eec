package report

import (
	"strings"
	"unicode/utf8"
)

// TerminalSafe returns s with every character that a terminal would act on
// rather than show replaced by U+FFFD: control characters but newline and
// tab (ESC starts the sequences that clear the screen, set the window's
// title or plant a hyperlink; BEL, CR, backspace rewrite what was shown),
// DEL, the C1 controls and the bidirectional overrides and isolates that
// reorder a line (U+202A-U+202E, U+2066-U+2069). The text views print what
// pages and messages made by criminals say: none of it may reach the
// terminal as a command. Bytes that are not UTF-8 are replaced too.
func TerminalSafe(s string) string {
	if !needsTerminalSafe(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if terminalUnsafe(r, n) {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// needsTerminalSafe reports whether s holds a character TerminalSafe
// replaces: most text holds none, and is returned as it is.
func needsTerminalSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			return true
		case c >= 0x80:
			r, n := utf8.DecodeRuneInString(s[i:])
			if terminalUnsafe(r, n) {
				return true
			}
			i += n - 1
		}
	}
	return false
}

func terminalUnsafe(r rune, n int) bool {
	switch {
	case r == utf8.RuneError && n == 1:
		return true
	case r < 0x20:
		return r != '\n' && r != '\t'
	case r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
