package rules

import (
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// phTestdataLines returns every distinct text of the testdata pages
// (titles, headings, lines, alt texts, form labels) with the tricky texts:
// what the one-pass finders are compared with the per-phrase searches on.
func phTestdataLines(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, s := range phTricky {
		seen[s] = true
	}
	for _, p := range phTestdataPages(t) {
		for _, s := range phTexts(p) {
			seen[s] = true
		}
		for _, f := range p.Forms {
			for _, in := range f.Inputs {
				seen[in.Label+" \n "+in.Placeholder] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// TestPhishLitsAgree checks every indexed phrase section against phishFind
// on every testdata text, as written, lower-cased and in phishNorm form:
// the phrase found, whether any is, and the lower-casing shortcut.
func TestPhishLitsAgree(t *testing.T) {
	texts := phTestdataLines(t)
	if len(texts) < 2000 {
		t.Fatalf("only %d texts", len(texts))
	}
	d := phishData()
	tables := map[string]struct {
		lists map[string][]string
		sets  map[string]*phishLits
	}{
		"words": {d.words, d.sets.words}, "fields": {d.fields, d.sets.fields}, "download": {d.download, d.sets.download},
		"oneclick": {d.oneclick, d.sets.oneclick}, "support": {d.support, d.sets.support}, "mail": {d.mail, d.sets.mail},
	}
	hits := 0
	for name, tb := range tables {
		if len(tb.lists) != len(tb.sets) {
			t.Fatalf("%s: %d sections, %d indexed", name, len(tb.lists), len(tb.sets))
		}
		for sec, list := range tb.lists {
			x := tb.sets[sec]
			for _, raw := range texts {
				// Each text as written (phishFind is also used on text
				// lower-cased only) and normalised.
				for _, s := range []string{strings.ToLower(raw), phishNorm(raw)} {
					want := phishFind(s, list)
					if got := x.find(s); got != want {
						t.Errorf("%s[%s] in %q: found %q, phishFind %q", name, sec, Clip(s, 60), got, want)
					}
					if got := x.has(s); got != (want != "") {
						t.Errorf("%s[%s] in %q: has %v, phishFind %q", name, sec, Clip(s, 60), got, want)
					}
					if got, want := x.all(s), phishCount(s, list); !reflect.DeepEqual(got, want) {
						t.Errorf("%s[%s] in %q: all %q, phishCount %q", name, sec, Clip(s, 60), got, want)
					}
					if want != "" {
						hits++
					}
				}
				want := phishFind(strings.ToLower(raw), list) != ""
				if got := phishHasLower(x, raw); got != want {
					t.Errorf("%s[%s] in %q: phishHasLower %v, want %v", name, sec, Clip(raw, 60), got, want)
				}
			}
		}
	}
	if hits < 1000 {
		t.Errorf("only %d phrases found: the comparison tests too little", hits)
	}
}

// TestPhishLitsEdges covers what the testdata may not: phrases at both
// ends, glued to letters, repeated, after malformed UTF-8, list order
// against text order, empty phrases and a phrase beyond the BMP.
func TestPhishLitsEdges(t *testing.T) {
	list := []string{"pin", "暗証番号", "", "番号", "card number", "🔑key", "pin code", "ｐ", "番号"}
	x := newPhishLits(list)
	for _, s := range []string{
		"", "pin", "shipping", "pin番号", "番号pin", "spin pin", "\xe3暗証番号", "\xe3\x81暗証番号", "暗証番\xe3号",
		"card numbers", "card number", "🔑key", "x🔑key", "pin code", "pincode", "番号 暗証番号", "Pin", "PIN 番号", "ｐ",
		"İpin", "pin\u212a", "pİn", "İ pin", "x İpin pin", "\u212apin", "pin \u212a", "pinİ", "ピンİpin",
	} {
		want := phishFind(s, list)
		if got := x.find(s); got != want {
			t.Errorf("find(%q) = %q, phishFind %q", s, got, want)
		}
		if got := x.has(s); got != (want != "") {
			t.Errorf("has(%q) = %v, phishFind %q", s, got, want)
		}
		if got, want := x.all(s), phishCount(s, list); !reflect.DeepEqual(got, want) {
			t.Errorf("all(%q) = %q, phishCount %q", s, got, want)
		}
		if got, want := phishHasLower(x, s), phishFind(strings.ToLower(s), list) != ""; got != want {
			t.Errorf("phishHasLower(%q) = %v, want %v", s, got, want)
		}
	}
	// Runes that share a literal's first rune's low bits (first and slots
	// are kept under them) find nothing of their own: ア is U+30A2, ㊢
	// U+32A2 and ꂢ U+A0A2 agree with it in their low 9 bits, 𐂢 U+100A2
	// (beyond the Basic Multilingual Plane) too.
	short := []string{"アプリ"}
	y := newPhishLits(short)
	for _, s := range []string{"㊢プリ", "ꂢプリ", "𐂢プリ", "㊢アプリ", "ꂢ𐂢㊢", "アプリ㊢"} {
		if got, want := y.all(s), phishCount(s, short); !reflect.DeepEqual(got, want) {
			t.Errorf("all(%q) = %q, phishCount %q", s, got, want)
		}
	}
	var none *phishLits
	if none.find("pin") != "" || none.has("pin") {
		t.Error("a nil index found something")
	}
}

// TestPhishLineTests checks the byte-level line tests against what they
// replace, on every testdata text.
func TestPhishLineTests(t *testing.T) {
	texts := append(phTestdataLines(t), "「", "x。", "\xe3\x80", "\xe3\x80\x8c", "a\xe3\x80\x81b", "『引用』", "COPYRİGHT", "(С)", "(C)", "(c", "Copyright", "©")
	for _, l := range texts {
		if got, want := phishSentencePunct(l), strings.ContainsAny(l, "。「」『』"); got != want {
			t.Errorf("phishSentencePunct(%q) = %v, want %v", l, got, want)
		}
		low := strings.ToLower(l)
		want := strings.Contains(l, "©") || strings.Contains(low, "copyright") || strings.Contains(low, "(c)")
		if got := phishCopyrightLine(l); got != want {
			t.Errorf("phishCopyrightLine(%q) = %v, want %v", l, got, want)
		}
		slow := false
		for _, r := range l {
			if r >= 0xAD && (r <= 0x52F && r >= 0x370 || r == 0xAD || unicode.Is(unicode.Cf, r)) {
				slow = true
				break
			}
		}
		if got := phishMasked(l); got != slow {
			t.Errorf("phishMasked(%q) = %v, want %v", l, got, slow)
		}
	}
}

// TestPhishMaskedRange checks what phishMasked passes over: no rune from
// U+3000 to U+EFFF is a format character or a Greek or Cyrillic letter.
func TestPhishMaskedRange(t *testing.T) {
	for r := rune(0x3000); r <= 0xEFFF; r++ {
		if unicode.Is(unicode.Cf, r) || (r >= 0x370 && r <= 0x52F) {
			t.Fatalf("%U is a rune phishUnmask changes", r)
		}
	}
}
