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

// phishMayReveal is phishReveal's quick look: whether s has a space or a
// middle dot between a one-letter word and a letter (a run of spaced kana
// or kanji may end glued to a word: の還 付 金が), and whether it has a
// digit before an ASCII letter.
func phishMayReveal(s string) (spaced, leet bool) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b == ' ' && !spaced:
			spaced = phishSpacedAt(s, i, 1)
		case b == 0xE3 && !spaced && i+2 < len(s) && s[i+1] == 0x83 && s[i+2] == 0xBB: // ・
			spaced = phishSpacedAt(s, i, 3)
		case b >= '0' && b <= '9' && !leet:
			leet = i+1 < len(s) && phishASCIILetter(s[i+1])
		}
		if spaced && leet {
			break
		}
	}
	return spaced, leet
}

// phishSpacedAt reports whether the separator s[i:i+w] stands between a
// one-letter word and a letter, or splits a lure's word (phishSplitWord).
func phishSpacedAt(s string, i, w int) bool {
	if phishOneLetterBefore(s, i) && phishLetterAt(s, i+w) || phishOneLetterAfter(s, i+w) && phishLetterBefore(s, i) {
		return true
	}
	a, _ := utf8.DecodeLastRuneInString(s[:i])
	b, _ := utf8.DecodeRuneInString(s[i+w:])
	return phishSplitWord(a, b)
}

// phishSplitWord reports whether the kanji a and b spell a lure's word of
// two that kits split ([split-words]: 当選, 還付 …).
func phishSplitWord(a, b rune) bool {
	return a >= 0x3000 && b >= 0x3000 && phishData().splitWords[[2]rune{a, b}]
}

// phishOneLetterBefore reports whether the word ending at s[:i] is one
// letter: a letter with nothing glued to it before (see phishGlued: a
// bracket may be there, 【A m …, and kana beside a Latin letter, のA T M).
func phishOneLetterBefore(s string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if n == 0 || !unicode.IsLetter(r) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(s[:i-n])
	return i == n || !phishGlued(p, r < utf8.RuneSelf)
}

// phishOneLetterAfter reports whether the word starting at s[i:] is one
// letter: a letter with nothing glued to it after.
func phishOneLetterAfter(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i:])
	if n == 0 || !unicode.IsLetter(r) {
		return false
	}
	q, _ := utf8.DecodeRuneInString(s[i+n:])
	return i+n == len(s) || !phishGlued(q, r < utf8.RuneSelf)
}

// phishLetterAt reports whether s[i:] starts with a letter.
func phishLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// phishLetterBefore reports whether s[:i] ends with a letter.
func phishLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// phishGlued reports whether rune r, beside a letter, makes that letter
// part of a longer word. Beside a Latin letter (latin) that is another
// Latin letter or a digit: Japanese text glues Latin words to kana and
// kanji without a space (お近くのＡ Ｔ Ｍで手続き spells ATM between の
// and で). Beside a kana or kanji it is any letter.
func phishGlued(r rune, latin bool) bool {
	if latin {
		return r < utf8.RuneSelf && (phishASCIILetter(byte(r)) || '0' <= r && r <= '9')
	}
	return unicode.IsLetter(r)
}

func phishASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// phishUnspace joins runs of one-letter words, spaced or set apart by
// middle dots (see phishReveal). A letter is a word of one when the runes
// beside it are spaces, punctuation or the text's ends (【A m a z o n】 is a
// run), or, beside a Latin letter, kana and kanji (のA T Mで: phishGlued).
// Kana and kanji spaced out inside a sentence touch its words at both ends
// (医療費の還 付 金があります): a run of three or more of them may begin and
// end glued, its middle letters standing alone.
func phishUnspace(s string) (string, bool) {
	rs := []rune(s)
	letter := func(k int) bool { return k >= 0 && k < len(rs) && unicode.IsLetter(rs[k]) }
	glued := func(k int, latin bool) bool { return k >= 0 && k < len(rs) && phishGlued(rs[k], latin) }
	sep := func(k int) bool { return rs[k] == ' ' || rs[k] == '・' }
	var b strings.Builder
	changed := false
	for i := 0; i < len(rs); {
		if letter(i) {
			// A run of Latin letters or of other letters, not both:
			// 「A m a z o n へ」 keeps its particle apart.
			cjk := rs[i] >= utf8.RuneSelf
			gluedStart := glued(i-1, !cjk)
			j, n, gluedEnd := i, 1, false
			for j+2 < len(rs) && sep(j+1) && letter(j+2) && (rs[j+2] >= utf8.RuneSelf) == cjk {
				if glued(j+3, !cjk) {
					if cjk { // may end the run, glued to the word after
						j, n, gluedEnd = j+2, n+1, true
					}
					break
				}
				j += 2
				n++
			}
			var join bool
			switch {
			case gluedStart || gluedEnd:
				join = cjk && (n >= 3 || n == 2 && phishSplitWord(rs[i], rs[j]))
			default:
				join = n >= 3 || n == 2 && cjk
			}
			if join {
				for k := i; k <= j; k += 2 {
					b.WriteRune(rs[k])
				}
				changed = true
				i = j + 1
				continue
			}
		}
		b.WriteRune(rs[i])
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
		if j-i < 4 || letters < 3 || letters == j-i || phishInAddress(s, i, j) {
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

// phishInAddress reports whether the word s[i:j] is part of a web or mail
// address or an identifier (…/3xJpPost, amaz0n-jp.com, user_01): those keep
// their digits; domain-lookalike reads host names its own way.
func phishInAddress(s string, i, j int) bool {
	const around = "/.:?=&#%_-~@+"
	return i > 0 && strings.IndexByte(around, s[i-1]) >= 0 || j < len(s) && strings.IndexByte(around, s[j]) >= 0
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
