package rules

import (
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestFoldTwistGlyphs requires that every look-alike letter of dnstwist's
// glyph table and Latin-to-Cyrillic map folds to the letter it imitates
// (domain_homoglyphs.txt fills the confusables table's gaps).
func TestFoldTwistGlyphs(t *testing.T) {
	for letter, glyphs := range twistGlyphsUnicode {
		if len(letter) != 1 || letter == "2" || letter == "5" {
			continue // ae, oe; ƻ and ƽ stand for digits no brand has
		}
		for _, g := range glyphs {
			if got := Fold(g); got != Fold(letter) {
				t.Errorf("Fold(%q) = %q, want %q", g, got, Fold(letter))
			}
		}
	}
	for r, c := range twistCyrillic {
		if got := Fold(c); got != Fold(string(r)) {
			t.Errorf("Fold(%q) = %q, want %q (Cyrillic for %c)", c, got, Fold(string(r)), r)
		}
	}
}

// TestKeyNeighboursMatchDnstwist requires that the keyboard neighbours
// computed from the rows of the three layouts are the ones dnstwist lists.
func TestKeyNeighboursMatchDnstwist(t *testing.T) {
	want := map[byte]map[byte]bool{}
	for _, kb := range twistKeyboards {
		for k, ns := range kb {
			if want[k] == nil {
				want[k] = map[byte]bool{}
			}
			for i := 0; i < len(ns); i++ {
				want[k][ns[i]] = true
			}
		}
	}
	for k, ns := range want {
		var w, g []string
		for n := range ns {
			w = append(w, string(n))
		}
		for i := 0; i < len(keyNeighbours[k]); i++ {
			g = append(g, string(keyNeighbours[k][i]))
		}
		sort.Strings(w)
		sort.Strings(g)
		if strings.Join(w, "") != strings.Join(g, "") {
			t.Errorf("neighbours of %c: got %q, dnstwist has %q", k, strings.Join(g, ""), strings.Join(w, ""))
		}
	}
}

// TestEachDeletion requires that the O(1) hashes of deletion variants are
// the hashes of the variants spelled out, and that distinct variants of a
// word do not collide.
func TestEachDeletion(t *testing.T) {
	hashOf := func(s string) uint64 {
		var h uint64
		eachDeletion(s, 0, func(x uint64) { h = x })
		return h
	}
	for _, s := range []string{"", "a", "ab", "amazon", "smbc-card", "kuronekoyamato", strings.Repeat("x", maxDelLen)} {
		var got []uint64
		eachDeletion(s, 2, func(h uint64) { got = append(got, h) })
		want := []uint64{hashOf(s)}
		for i := 0; i < len(s); i++ {
			want = append(want, hashOf(s[:i]+s[i+1:]))
			for j := i + 1; j < len(s); j++ {
				want = append(want, hashOf(s[:i]+s[i+1:j]+s[j+1:]))
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d hashes, want %d", s, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%q: hash %d is %x, spelled out %x", s, i, got[i], want[i])
				break
			}
		}
	}
	seen := map[uint64]string{}
	for _, s := range []string{"amazon", "amazom", "amzon", "mazon", "amazo", "azon", "amaz", "amzn", "rakuten"} {
		h := hashOf(s)
		if o, ok := seen[h]; ok {
			t.Errorf("%q and %q share a hash", s, o)
		}
		seen[h] = s
	}
}

// TestPlainHostMatchesURLParse requires that the quick host reader gives
// url.Parse's host wherever it answers, and leaves the rest to it.
func TestPlainHostMatchesURLParse(t *testing.T) {
	for _, s := range []string{
		"amazon.co.jp", "AMAZON.CO.JP", "https://www.amazon.co.jp/", "http://smbc-card.com:8080/login?x=1",
		"https://a.b_c.example.com#top", "rakuten.co.jp/item", "example.com:443", "https://example.com?q",
		"https://user@evil.com/", "https://amazon.co.jp@evil.com/", "http://[::1]/", "ftp://example.com/",
		"https://ex%41mple.com/", "https://example.com:abc/", "http://xn--amzon-4wa.com/", "  https://example.com/  ",
		"javascript:alert(1)", "https://例え.jp/", "http://example.com\\@evil.com/",
	} {
		host, ok := plainHost(s)
		if !ok {
			continue
		}
		u, good := parseLooseURL(s)
		if !good {
			t.Errorf("%q: plainHost took %q, url.Parse refuses it", s, host)
			continue
		}
		if u.Hostname() != host {
			t.Errorf("%q: plainHost %q, url.Parse %q", s, host, u.Hostname())
		}
	}
	for _, s := range []string{"https://user@evil.com/", "http://[::1]/", "ftp://example.com/", "https://ex%41mple.com/"} {
		if h, ok := plainHost(s); ok {
			t.Errorf("%q: plainHost answered %q; it is url.Parse's case", s, h)
		}
	}
	if _, err := url.Parse("http://example.com/"); err != nil {
		t.Fatal(err)
	}
}

// TestSquatTypo lists typos of the kinds squatters' tools make, and honest
// one-letter neighbours that are not.
func TestSquatTypo(t *testing.T) {
	for _, tt := range []struct {
		c, l            string
		vowels, omitted bool
		want            bool
	}{
		{"amazom", "amazon", true, true, true},   // m beside n
		{"amazpn", "amazon", true, true, true},   // p beside o
		{"amazoon", "amazon", true, true, true},  // doubled
		{"amazno", "amazon", true, true, true},   // swapped
		{"amazonx", "amazon", true, true, true},  // added at the end
		{"amaszon", "amazon", true, true, true},  // s beside a and z
		{"amazn", "amazon", true, true, true},    // left out
		{"amazn", "amazon", true, false, false},  // left out, not counted
		{"emazon", "amazon", true, true, true},   // a→e: one bit
		{"amazun", "amazon", true, true, true},   // vowel for vowel
		{"amazun", "amazon", false, true, false}, // not counted
		{"kepco", "tepco", true, true, false},    // t→k: no key, bit or look
		{"hepco", "tepco", true, true, false},
		{"namura", "nomura", false, true, false}, // o→a: a vowel only
		{"appsle", "apple", false, true, true},   // dnstwist's plural
		{"apply", "apple", false, true, false},
	} {
		if got := squatTypo(tt.c, tt.l, tt.vowels, tt.omitted); got != tt.want {
			t.Errorf("squatTypo(%q, %q, vowels %v, omission %v) = %v, want %v", tt.c, tt.l, tt.vowels, tt.omitted, got, tt.want)
		}
	}
}

// TestLoose lists the look-alike skeletons that meet and those that must
// not.
func TestLoose(t *testing.T) {
	same := [][2]string{{"amazon", "anazom"}, {"amazon", "arnazon"}, {"amazon", "annazon"}, {"mercari", "nercarl"},
		{"docomo", "doeono"}, {"kddl", "kbbl"}, {"google", "qooqle"}}
	for _, p := range same {
		if loose(Fold(p[0])) != loose(Fold(p[1])) {
			t.Errorf("loose(%s) %q != loose(%s) %q", p[0], loose(Fold(p[0])), p[1], loose(Fold(p[1])))
		}
	}
	differ := [][2]string{{"mizuho", "mizuno"}, {"tepco", "kepco"}, {"aeon", "aero"}, {"amazon", "amazin"}}
	for _, p := range differ {
		if loose(Fold(p[0])) == loose(Fold(p[1])) {
			t.Errorf("loose(%s) == loose(%s) = %q", p[0], p[1], loose(Fold(p[0])))
		}
	}
}

// FuzzPlainHost: wherever plainHost answers, url.Parse gives the same host.
func FuzzPlainHost(f *testing.F) {
	for _, s := range []string{"amazon.co.jp", "https://www.amazon.co.jp/", "http://a.b:80/x", "HTTPS://X.Y?q", "a@b.c", "http://[::1]/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		host, ok := plainHost(s)
		if !ok {
			return
		}
		u, good := parseLooseURL(s)
		if !good || u.Hostname() != host {
			t.Fatalf("%q: plainHost %q, url.Parse %v %v", s, host, good, u)
		}
	})
}

// TestDeletionCandidates requires that the index's look-up finds what
// looking up every variant that eachDeletion spells out finds, in the
// same order.
func TestDeletionCandidates(t *testing.T) {
	x := newDelIndex(0) // sized for none: add grows it
	words := []string{"amazon", "rakuten", "smbc-card", "kuronekoyamato", "mercari", "aeon", "jibunbank", "icloud"}
	variants := 0
	for _, w := range words {
		variants += delVariants(len(w), typoBudget(len(w)))
	}
	sized := newDelIndex(variants) // made to size: no growing
	for i, w := range words {
		x.add(w, typoBudget(len(w)), int32(i))
		sized.add(w, typoBudget(len(w)), int32(i))
	}
	if len(sized.ents) > variants {
		t.Errorf("delVariants counts %d variants, the index holds %d entries", variants, len(sized.ents))
	}
	queries := []string{"", "a", "amazom", "arnazon", "rakutenn", "smbccard", "smbc-crad", "kuronekoyamat0", "kronekoyamato",
		"mercar", "aeon", "jibunbanc", "lcloud", strings.Repeat("z", maxDelLen), "amazonrakuten"}
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			queries = append(queries, w[:i]+w[i+1:], w[:i]+"q"+w[i:], w[:i]+"x"+w[i+1:])
		}
	}
	for _, q := range queries {
		for maxDel := 0; maxDel <= 2; maxDel++ {
			var want []int32
			eachDeletion(q, maxDel, func(h uint64) { want = x.collect(h, want) })
			got := x.candidates(q, maxDel, nil)
			if !slices.Equal(got, want) {
				t.Errorf("candidates(%q, %d) = %v, the spelled-out variants find %v", q, maxDel, got, want)
			}
			if got := sized.candidates(q, maxDel, nil); !slices.Equal(got, want) {
				t.Errorf("sized index: candidates(%q, %d) = %v, the spelled-out variants find %v", q, maxDel, got, want)
			}
		}
	}
}
