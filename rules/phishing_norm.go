package rules

import (
	"strings"
	"unicode/utf8"
)

// phishNorm is the form texts and phrases are compared in: NFKC, lower case,
// white space folded. Most texts it is given are page lines, already NFKC
// with their white space folded: those are only lower-cased (NFKC alone
// costs some 20 ns a rune on Japanese text, and a sentence is normalised
// once for each sign reading it).
//
// Lower-casing is flLower's: strings.ToLower, without the case tables for
// ASCII and kana/kanji.
func phishNorm(s string) string {
	switch phishNormal(s) {
	case phishNormDone:
		return flLower(s)
	case phishNormSpaces:
		return flLower(strings.Join(strings.Fields(s), " "))
	}
	return flLower(strings.Join(strings.Fields(NFKC(s)), " "))
}

// What phishNormal found.
const (
	phishNormSlow   = iota // NFKC may change the text
	phishNormSpaces        // NFKC leaves it, spaces need folding
	phishNormDone          // NFKC and folding leave it as it is
)

// phishNormal says whether NFKC leaves s as it is, every rune of it being
// one NFKC leaves alone whatever surrounds it (see phishNFKCStable) and its
// only white space ASCII spaces, and then whether those need folding. It
// may say phishNormSlow for some texts NFKC leaves (runes beyond the BMP,
// malformed UTF-8), which then only take the slow way.
func phishNormal(s string) int {
	if s == "" {
		return phishNormDone
	}
	out := phishNormDone
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		out = phishNormSpaces
	}
	stable := phishNFKCStable()
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b < 0x20 || b == 0x7F {
				return phishNormSlow
			}
			if b == ' ' && i+1 < len(s) && s[i+1] == ' ' {
				out = phishNormSpaces
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 1<<16 || r == utf8.RuneError || stable[r/64]&(1<<(r%64)) == 0 {
			return phishNormSlow
		}
		i += n
	}
	return out
}

// phishNFKCStable has a bit for each rune below U+10000 that NFKC leaves as
// it is wherever it stands: one that starts a new character (combining
// class 0, never composed with the rune before it) and is in NFKC alone
// (no decomposition, or one NFKC composes back: ブ). A text made only of
// such runes is in NFKC (the quick check of Unicode TR 15: every rune
// NFKC_QC=Yes with combining class 0); a rune that would compose with one
// of them is not such a rune itself. White space other than the ASCII
// space is left out, so that the text's white space needs no folding.
//
// The table is generated (phishing_norm_table.go, by
// TestPhishNFKCStableTableFile from phishStableRune, which asks x/text of
// each rune): building it at run time cost every process ~7 ms of CPU.
// TestPhishNFKCStableBlocks checks every rune of it against x/text.
func phishNFKCStable() *[1 << 16 / 64]uint64 { return &phishNFKCStableTable }
