package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// phishReveal undoes two disguises that keep a brand's name readable to a
// person but not to a filter: letters spaced out (三 井 住 友 銀 行, S M B C,
// A m a z o n) are joined, and digits standing for letters inside a Latin
// word (Amaz0n, Rakut3n, App1e, M1zuho) are read as those letters. It
// reports whether it changed anything; most texts are returned as they
// are after one scan. s is NFKC text with its white space folded (a
// full-width Ｓ Ｍ Ｂ Ｃ is then S M B C).
//
// Only runs that cannot be ordinary text are joined: at least three
// one-letter words in a row, or two of kana or kanji (楽 天); Latin letters
// and others are never in one run. A sizes list (S M L) becomes SML, which
// names no one. Digits are read as letters only in a word of four or more
// characters with three letters or more, and only where a letter follows
// them: model numbers and names (iPhone15, Win11, RTX4090, shop1) keep
// their digits.
func phishReveal(s string) (string, bool) {
	spaced, leet := phishMayReveal(s)
	if !spaced && !leet {
		return s, false
	}
	changed := false
	if spaced {
		if t, ok := phishUnspace(s); ok {
			s, changed = t, true
		}
	}
	if leet {
		if t, ok := phishUnleet(s); ok {
			s, changed = t, true
		}
	}
	return s, changed
}

// phishMayReveal is phishReveal's quick look: whether s has a space between
// two one-letter words, and whether it has a digit before an ASCII letter.
func phishMayReveal(s string) (spaced, leet bool) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b == ' ' && !spaced:
			spaced = phishOneLetterBefore(s, i) && phishOneLetterAfter(s, i+1)
		case b >= '0' && b <= '9' && !leet:
			leet = i+1 < len(s) && phishASCIILetter(s[i+1])
		}
		if spaced && leet {
			break
		}
	}
	return spaced, leet
}

// phishOneLetterBefore reports whether the word ending at s[:i] is one
// letter.
func phishOneLetterBefore(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	return n > 0 && unicode.IsLetter(r) && (i == n || s[i-n-1] == ' ')
}

// phishOneLetterAfter reports whether the word starting at s[i:] is one
// letter.
func phishOneLetterAfter(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	return n > 0 && unicode.IsLetter(r) && (i+n == len(s) || s[i+n] == ' ')
}

func phishASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// phishUnspace joins runs of one-letter words (see phishReveal).
func phishUnspace(s string) (string, bool) {
	words := strings.Split(s, " ")
	var b strings.Builder
	changed := false
	for i := 0; i < len(words); {
		// A run is of Latin letters or of other letters, not both:
		// 「A m a z o n へ」 keeps its particle apart.
		j := i
		cjk := false
		for j < len(words) && utf8.RuneCountInString(words[j]) == 1 {
			r, _ := utf8.DecodeRuneInString(words[j])
			if !unicode.IsLetter(r) || j > i && cjk != (r >= utf8.RuneSelf) {
				break
			}
			cjk = r >= utf8.RuneSelf
			j++
		}
		if run := j - i; run >= 3 || run == 2 && cjk {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			for _, w := range words[i:j] {
				b.WriteString(w)
			}
			changed = true
			i = j
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[i])
		i++
	}
	if !changed {
		return s, false
	}
	return b.String(), true
}

// phishLeet maps the digits that stand for letters.
var phishLeet = [10]byte{0: 'o', 1: 'l', 3: 'e', 4: 'a', 5: 's', 7: 't'}

// phishUnleet reads digits as letters in Latin words (see phishReveal).
func phishUnleet(s string) (string, bool) {
	var out []byte
	for i := 0; i < len(s); {
		if !phishAlnum(rune(s[i])) || s[i] >= utf8.RuneSelf {
			i++
			continue
		}
		j, letters := i, 0
		for j < len(s) && s[j] < utf8.RuneSelf && phishAlnum(rune(s[j])) {
			if phishASCIILetter(s[j]) {
				letters++
			}
			j++
		}
		if j-i < 4 || letters < 3 || letters == j-i {
			i = j
			continue
		}
		for k := i; k < j; k++ {
			c := s[k]
			if c < '0' || c > '9' || phishLeet[c-'0'] == 0 {
				continue
			}
			prev := k > i && phishASCIILetter(s[k-1])
			next := k+1 < j && phishASCIILetter(s[k+1])
			if !next {
				continue // 15 in iPhone15, 11 in Win11, 1 in shop1
			}
			if out == nil {
				out = []byte(s)
			}
			l := phishLeet[c-'0']
			if c == '1' && prev && next && !phishVowel(s[k-1]) && !phishVowel(s[k+1]) {
				l = 'i' // between consonants: M1zuho, V1sa, L1ne
			}
			if prev && phishUpper(s[k-1]) && phishUpper(s[k+1]) {
				l -= 'a' - 'A' // in a word in capitals: AMAZ0N
			}
			out[k] = l
		}
		i = j
	}
	if out == nil {
		return s, false
	}
	return string(out), true
}

func phishUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

func phishVowel(b byte) bool { return strings.IndexByte("aeiouAEIOU", b) >= 0 }

// phishSeen is a text as matched (unmasked and revealed) and as the page
// shows it, for the evidence: the page's own text, with what it was read
// as when revealing changed it ("Amaz0n (= Amazon)").
func phishSeen(s string) (match, shown string) {
	u, _ := phishUnmask(s)
	if r, ok := phishReveal(u); ok {
		return r, u + " (= " + r + ")"
	}
	return u, u
}
