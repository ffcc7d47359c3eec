package rules

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// phNormSlow is phishNorm without its shortcut.
func phNormSlow(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(NFKC(s)), " "))
}

// TestPhishNormAgrees checks phishNorm's shortcut (texts already NFKC with
// folded white space are only lower-cased) against normalising every text:
// each rune below U+10000 alone and beside a space, random strings of the
// runes the shortcut takes as they are mixed with ones it does not, and
// every text of the testdata pages.
func TestPhishNormAgrees(t *testing.T) {
	stable := phishNFKCStable()
	var stableRunes, others []rune
	for r := rune(0); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		s := string(r)
		if stable[r/64]&(1<<(r%64)) != 0 {
			stableRunes = append(stableRunes, r)
			if NFKC(s) != s {
				t.Errorf("%U is taken as NFKC-stable but NFKC changes it", r)
			}
		} else if r >= 0x80 {
			others = append(others, r)
		}
		for _, x := range []string{s, "a" + s, s + "a", "か" + s, s + " x", "e" + s, s + "\u0301", s + "\u3099", " " + s + "  x ", "  "} {
			if got, want := phishNorm(x), phNormSlow(x); got != want {
				t.Errorf("phishNorm(%q) = %q, want %q", x, got, want)
			}
		}
	}
	if len(stableRunes) < 30000 {
		t.Fatalf("only %d stable runes", len(stableRunes))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := 0; i < 200000; i++ {
		b.Reset()
		for n := 1 + rng.IntN(5); n > 0; n-- {
			switch k := rng.IntN(10); {
			case k < 6:
				b.WriteRune(stableRunes[rng.IntN(len(stableRunes))])
			case k < 8:
				b.WriteByte(byte(0x20 + rng.IntN(0x5F)))
			case k < 9:
				b.WriteRune(others[rng.IntN(len(others))])
			default:
				b.WriteString([]string{" ", "  ", "\t", "\xe3", "\u3000", "\u00a0"}[rng.IntN(6)])
			}
		}
		s := b.String()
		if got, want := phishNorm(s), phNormSlow(s); got != want {
			t.Errorf("phishNorm(%q) = %q, want %q", s, got, want)
		}
	}
	fast := 0
	for _, s := range phTestdataLines(t) {
		if phishNormal(s) != phishNormSlow {
			fast++
		}
		if got, want := phishNorm(s), phNormSlow(s); got != want {
			t.Errorf("phishNorm(%q) = %q, want %q", s, got, want)
		}
		if utf8.ValidString(s) && phishNormal(s) != phishNormSlow && NFKC(s) != s {
			t.Errorf("%q taken as NFKC", s)
		}
	}
	if fast < 1000 {
		t.Errorf("only %d testdata texts take the shortcut", fast)
	}
}

// TestPhishNFKCStableBlocks checks the blocks phishNFKCStable takes whole
// rune by rune, and the whole table against asking each rune.
func TestPhishNFKCStableBlocks(t *testing.T) {
	tb := phishNFKCStable()
	for r := rune(0x80); r < 1<<16; r++ {
		if got, want := tb[r/64]&(1<<(r%64)) != 0, phishStableRune(r); got != want {
			t.Errorf("%U: in the table %v, asked alone %v", r, got, want)
		}
	}
	for r := rune(0); r < 0x80; r++ {
		if tb[r/64]&(1<<(r%64)) != 0 {
			t.Errorf("%U: ASCII in the table (phishNormal reads ASCII itself)", r)
		}
	}
}
