package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPhishLitsLettersAgree holds phishLits.each, which compares a
// literal without ASCII letters byte for byte even when folding, to the
// same index comparing every literal folded, on every line of the
// testdata pages (as written and upper-cased), for the brand names and
// every phrase section.
func TestPhishLitsLettersAgree(t *testing.T) {
	sets := []*phishLits{phishBrandsOf(DefaultData())[0].all.lits,
		newPhishLits([]string{"Amazon", "ａｍａｚｏｎ", "ログイン", "楽天", "apple", "ID", "A1", "1a", "-", "ＡＢ"})}
	for _, group := range []map[string]*phishLits{phishData().sets.words, phishData().sets.fields, phishData().sets.oneclick, phishData().sets.support, phishData().sets.mail, phishData().sets.download} {
		for _, x := range group {
			sets = append(sets, x)
		}
	}
	var texts []string
	names, docs := memoCorpus(t)
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			for _, l := range append([]string{p.Title}, p.Lines...) {
				texts = append(texts, l, strings.ToUpper(l), phishLowerASCII(l))
			}
		}
	}
	texts = append(texts, "AMAZONログイン楽天", "Apple ID", "a1A1", "ａｍａｚｏｎ")
	type hit struct{ at, k int }
	hits := 0
	for _, x := range sets {
		all := *x
		all.letters = slices.Repeat([]bool{true}, len(x.list))
		for _, s := range texts {
			var got, want []hit
			x.each(s, true, func(at, k int) bool { got = append(got, hit{at, k}); return true })
			all.each(s, true, func(at, k int) bool { want = append(want, hit{at, k}); return true })
			if !slices.Equal(got, want) {
				t.Fatalf("%q: %v, all folded %v", Clip(s, 60), got, want)
			}
			hits += len(want)
		}
	}
	if hits < 1000 {
		t.Fatalf("only %d hits", hits)
	}
}

// TestPhishShortLineAgrees holds phishShortLine to counting the runes and
// searching the punctuation in two passes, on every testdata line and on
// lines of 39 to 41 runes, about 160 bytes, with each punctuation mark
// (and its near neighbours) at each end and inside, and invalid bytes.
func TestPhishShortLineAgrees(t *testing.T) {
	plain := func(l string) bool {
		return len(l) <= 4*40 && (len(l) <= 40 || utf8.RuneCountInString(l) <= 40) && !phishSentencePunct(l)
	}
	lines := flCorpusLines(t)
	marks := []string{"。", "「", "」", "『", "』", "、", "〃", "【", "\u3000", "\xe3\x80", "\xe3", "\x80\x82", "\xe3\xe3\x80\x82", "\xff", "\xc3", "ä", "𝐀", ".", ""}
	for _, m := range marks {
		for _, n := range []int{0, 1, 13, 38, 39, 40, 41, 53, 54, 60} {
			for _, fill := range []string{"あ", "a", "ä"} {
				body := strings.Repeat(fill, n)
				lines = append(lines, m+body, body+m, body[:len(body)/2]+m+body[len(body)/2:])
			}
		}
	}
	short := 0
	for _, l := range lines {
		got, want := phishShortLine(l), plain(l)
		if got != want {
			t.Errorf("phishShortLine(%q) = %v, two passes %v", l, got, want)
		}
		if want {
			short++
		}
	}
	if short < 200 || short == len(lines) {
		t.Fatalf("%d of %d lines short", short, len(lines))
	}
}

// TestPhishCopyrightLineAgrees holds phishCopyrightLine, gated by
// phishMayCopyright, to its searches alone, on every testdata line and on
// each way of writing a copyright among kana, with invalid bytes before.
func TestPhishCopyrightLineAgrees(t *testing.T) {
	plain := phishCopyrightSearch
	lines := flCorpusLines(t)
	for _, w := range []string{"©", "(c)", "(C)", "copyright", "COPYRIGHT", "CopyRight", "cop\u0130right", "(\u212a)", "\u212aopyright", "copy right", "(c", "c)", "Ⓒ", "(ｃ)"} {
		for _, pre := range []string{"", "あ", "\xe3", "\xe3\x81", "\xff", "ä", "2024 "} {
			lines = append(lines, pre+w, pre+w+" 株式会社", "あいう"+pre+w+"えお")
		}
	}
	found := 0
	for _, l := range lines {
		got, want := phishCopyrightLine(l), plain(l)
		if got != want {
			t.Errorf("phishCopyrightLine(%q) = %v, the searches alone %v", l, got, want)
		}
		if want {
			found++
		}
	}
	if found < 100 {
		t.Fatalf("only %d copyright lines", found)
	}
}

// TestPhishRuneAtFastAgrees holds phishRuneAtFast, which each and
// phishHasLower write out, to phishRuneAt at every offset of every
// testdata line and of texts with every lead byte followed by every kind
// of byte, folded and not.
func TestPhishRuneAtFastAgrees(t *testing.T) {
	texts := flCorpusLines(t)
	for b := 0; b < 256; b++ {
		for _, tail := range []string{"", "\x80", "\x80\x80", "\x81\xbf\x80", "a", "\xe3\x81", "AZ"} {
			texts = append(texts, string([]byte{byte(b)})+tail)
		}
	}
	for _, s := range texts {
		for i := range len(s) {
			for _, fold := range []bool{false, true} {
				gr, gn := phishRuneAtFast(s, i, fold)
				wr, wn := phishRuneAt(s, i, fold)
				if gr != wr || gn != wn {
					t.Fatalf("phishRuneAtFast(%q, %d, %v) = %U %d, phishRuneAt %U %d", s, i, fold, gr, gn, wr, wn)
				}
			}
		}
	}
}

// TestPhishHasLowerLetters holds phishHasLower to has of the lower-cased
// text for literals holding every letter, on each in capitals, mixed case
// and among kana, so that each letter's folding in the written-out loop
// is tried.
func TestPhishHasLowerLetters(t *testing.T) {
	lits := []string{"abcdefghijklmnopqrstuvwxyz", "zz", "登録z", "a", "m", "qx"}
	x := newPhishLits(lits)
	var texts []string
	for _, l := range lits {
		up := strings.ToUpper(l)
		texts = append(texts, l, up, "あ"+up+"い", " "+up+" ", up[:len(up)-1], "x"+up)
		for i := range len(l) {
			texts = append(texts, l[:i]+strings.ToUpper(l[i:i+1])+l[i+1:])
		}
	}
	n := 0
	for _, s := range texts {
		got, want := phishHasLower(x, s), x.has(strings.ToLower(s))
		if got != want {
			t.Errorf("phishHasLower(%q) = %v, has of the lower-cased text %v", s, got, want)
		}
		if want {
			n++
		}
	}
	if n < 20 {
		t.Fatalf("only %d texts hold a literal", n)
	}
	// each, folding, against comparing every literal at every step.
	for _, s := range texts {
		type hit struct{ at, k int }
		var got, want []hit
		x.each(s, true, func(at, k int) bool { got = append(got, hit{at, k}); return true })
		for i := 0; i < len(s); {
			for k, l := range lits {
				if phishHasPrefix(s, i, l, true) {
					want = append(want, hit{i, k})
				}
			}
			_, w := phishRuneAt(s, i, true)
			i += w
		}
		if !slices.Equal(got, want) {
			t.Errorf("each(%q, true) = %v, every literal at every step %v", s, got, want)
		}
	}
}

// TestPhishLogoPlacesAgree holds phishLogo, which looks up where the first
// phishLogoImages images sit, to phishLogoUpTo looking up the first
// phishViewImages as it did, on every testdata page and on pages whose
// logo is each of the first images (in a header, an h1, an element of
// class logo, or nowhere), with images without a source among them.
func TestPhishLogoPlacesAgree(t *testing.T) {
	brands := phishBrandsOf(DefaultData())
	pages := flCorpusPages(t)
	places := []string{`<header>%s</header>`, `<h1>%s</h1>`, `<div class="logo">%s</div>`, `<p>%s</p>`, `<div id="top-header"><span>%s</span></div>`}
	for n := 0; n <= 8; n++ {
		for _, pl := range places {
			var b strings.Builder
			b.WriteString(`<html><head><title>Amazon ログイン</title></head><body>`)
			for i := range n {
				if i == 1 {
					b.WriteString(`<img alt="nosrc">`)
				}
				img := fmt.Sprintf(`<img src="/i/%d.png" alt="Amazon %d">`, i, i)
				if i == n-1 {
					img = fmt.Sprintf(pl, img)
				}
				b.WriteString(`<p>` + img + `</p>`)
			}
			b.WriteString(`<p>Amazon</p><p>ログイン</p></body></html>`)
			pages = append(pages, NewPage("https://x.example/", 200, "text/html", b.String(), false))
		}
	}
	logos := 0
	for _, p := range pages {
		v := newPhishPageView(p, brands)
		mast := v.masthead()
		gl, gb := phishLogo(p, brands, mast)
		wl, wb := phishLogoUpTo(p, brands, mast, phishViewImages)
		if gb != wb || (gl == nil) != (wl == nil) || gl != nil && *gl != *wl {
			t.Errorf("%s: phishLogo = %v %v, looking up %d places %v %v", p.URL, gl, gb, phishViewImages, wl, wb)
		}
		if wl != nil {
			logos++
		}
	}
	if logos < 10 {
		t.Fatalf("only %d pages have a logo", logos)
	}
}
