package rules

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// phishNorm is the form texts and phrases are compared in: NFKC, lower case,
// white space folded. Most texts it is given are page lines, already NFKC
// with their white space folded: those are only lower-cased (NFKC alone
// costs some 20 ns a rune on Japanese text, and a sentence is normalised
// once for each sign reading it).
func phishNorm(s string) string {
	switch phishNormal(s) {
	case phishNormDone:
		return strings.ToLower(s)
	case phishNormSpaces:
		return strings.ToLower(strings.Join(strings.Fields(s), " "))
	}
	return strings.ToLower(strings.Join(strings.Fields(NFKC(s)), " "))
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
var phishNFKCStable = sync.OnceValue(phishBuildNFKCStable)

// phishBuildNFKCStable does phishNFKCStable's work, once a process. The
// large blocks where every rune is such a rune (CJK ideographs, Hangul
// syllables, private use) are taken whole rather than rune by rune, which
// keeps the start-up cost near a millisecond; TestPhishNFKCStableBlocks
// checks them rune by rune.
func phishBuildNFKCStable() *[1 << 16 / 64]uint64 {
	var t [1 << 16 / 64]uint64
	for r := rune(0x80); r < 1<<16; r++ {
		if b, ok := phishStableBlock(r); ok {
			for ; r <= b; r++ {
				t[r/64] |= 1 << (r % 64)
			}
			r--
			continue
		}
		if phishStableRune(r) {
			t[r/64] |= 1 << (r % 64)
		}
	}
	return &t
}

// phishStableBlocks are the blocks taken whole by phishBuildNFKCStable.
var phishStableBlocks = [][2]rune{
	{0x3400, 0x4DBF}, // CJK Unified Ideographs Extension A
	{0x4E00, 0x9FFF}, // CJK Unified Ideographs
	{0xAC00, 0xD7A3}, // Hangul syllables (decomposed and composed back)
	{0xE000, 0xF8FF}, // private use
}

// phishStableBlock returns the end of the stable block r starts.
func phishStableBlock(r rune) (rune, bool) {
	for _, b := range phishStableBlocks {
		if r == b[0] {
			return b[1], true
		}
	}
	return 0, false
}

// phishStableRune reports whether NFKC leaves r as it is wherever it
// stands (see phishNFKCStable).
func phishStableRune(r rune) bool {
	if r >= 0xD800 && r <= 0xDFFF || unicode.IsSpace(r) || r == utf8.RuneError {
		return false
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	p := norm.NFKC.Properties(buf[:n])
	if !p.BoundaryBefore() || p.CCC() != 0 {
		return false
	}
	// A rune with a decomposition may still be one NFKC puts back (ブ is
	// フ with a voicing mark, composed again).
	return p.Decomposition() == nil || norm.NFKC.IsNormal(buf[:n])
}
