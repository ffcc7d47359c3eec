package rules

import (
	"math/rand/v2"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
)

// litsAt returns the literals of x starting with rune c (lower case), nil
// when none: the group a scan compares, looked up by the bitmap and ranks.
func litsAt(x *shopLitIndex, c rune) []string {
	if x.first[c/64]&(1<<(c%64)) == 0 {
		return nil
	}
	return x.groups[x.group(c)]
}

// TestShopLitIndexAt holds the ranked lookup of shopLitIndex (group) to a
// map of the literals by first rune, for every rune of the BMP, on the
// payment vocabulary's literals and on a set spread over the bitmap.
func TestShopLitIndexAt(t *testing.T) {
	var pay []string
	for _, ls := range shopPayMethods().lits.groups {
		pay = append(pay, ls...)
	}
	sets := [][]string{pay, {"a", "ab", "Z", "\u007f", "\u0080", "\u00ff", "ー", "ーー", "銀行", "\uffff", "\uffc0x", "\u0040", "\u003f"}}
	for _, lits := range sets {
		x := newShopLitIndex(lits)
		want := map[rune][]string{}
		for _, l := range lits {
			l = shopLowerASCII(l)
			f, _ := utf8.DecodeRuneInString(l)
			want[f] = append(want[f], l)
		}
		for c := rune(0); c < 1<<16; c++ {
			if got := litsAt(x, c); !reflect.DeepEqual(got, want[c]) {
				t.Fatalf("at(%U) = %q, want %q", c, got, want[c])
			}
		}
	}
	if len(pay) < 20 {
		t.Fatalf("only %d payment literals", len(pay))
	}
}

// TestShopLitIndexScans holds any and each, which read common runes in
// place, to the scan by shopNextRune alone that they stand for: on every
// testdata line, on broken, overlong and surrogate forms glued to
// literals, and on random bytes made of literals' pieces.
func TestShopLitIndexScans(t *testing.T) {
	lits := []string{"a", "Ab", "銀行", "振込", "ー", "¥", "\u00e9t", "\uffff", "x\u0800"}
	for _, ls := range shopPayMethods().lits.groups {
		lits = append(lits, ls...)
	}
	x := newShopLitIndex(lits)
	ref := func(s string) (hits []int) {
		for i := 0; i < len(s); {
			c, n := shopNextRune(s, i)
			if c >= 0 {
				for _, l := range litsAt(x, c) {
					if len(s)-i >= len(l) && shopEqualLowerASCII(s[i:i+len(l)], l) {
						hits = append(hits, i)
					}
				}
			}
			i += n
		}
		return hits
	}
	texts := append(flCorpusLines(t),
		"\xe0\x81\xa1", "\xe0\x81\xa1b", "\xed\xa0\x80銀行", "\xe9\x8a", "\xe9\x8a\x80", "\xe9\x8a\x80\xe8\xa1\x8c",
		"\xe9銀行", "\xe9\x8a銀行", "\xc3\xa9t", "\xc3t", "\xef\xbf\xbf", "\xf0\x9f\x98\x80a", "\xf0\x9fa", "AB", "xࠀ", "\x80\x80a")
	rng := rand.New(rand.NewPCG(1, 2))
	var pieces []string
	for _, l := range lits[:12] {
		pieces = append(pieces, l, l[:1], l[len(l)-1:])
	}
	pieces = append(pieces, "\xe0", "\xed", "\xa0", "\x80", "\xc3", "A", " ")
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, s := range texts {
		want := ref(s)
		var got []int
		x.each(s, func(at int, _ string) { got = append(got, at) })
		if !slices.Equal(got, want) {
			t.Fatalf("each(%q) finds %v, shopNextRune's scan %v", s, got, want)
		}
		if x.any(s) != (len(want) > 0) {
			t.Fatalf("any(%q) = %v, shopNextRune's scan finds %v", s, x.any(s), want)
		}
		if len(want) > 0 {
			found++
		}
	}
	if found < 1000 {
		t.Fatalf("only %d texts hold a literal", found)
	}
}

// TestShopIsHanAgrees holds shopIsHan's ranges to the Han table on every
// rune.
func TestShopIsHanAgrees(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := shopIsHan(r), unicode.Is(unicode.Han, r) || r == '々'; got != want {
			t.Fatalf("shopIsHan(%U) = %v, want %v", r, got, want)
		}
	}
}

// TestShopZhSegmentAgrees holds shopZhSegment to lower-casing and
// comparing, on the segments in several cases and on near misses.
func TestShopZhSegmentAgrees(t *testing.T) {
	segs := []string{"", "z", "ZH", "Zh-Hant", "zh_TW", "TW", "tw ", "zh-hantx", "\u212Aa", "zh-h\u212A", "ZH-H\u212A", "zh-\u0130", "cn", "CN", "jp", "zh-cn/", "ｚｈ"}
	for _, w := range shopZhSegments {
		segs = append(segs, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, s := range segs {
		want := slices.Contains(shopZhSegments, strings.ToLower(s))
		if got := shopZhSegment(s); got != want {
			t.Errorf("shopZhSegment(%q) = %v, want %v", s, got, want)
		}
		// The page at a URL with the segment, to the path lower-cased
		// whole and split (as shopZhEdition first did).
		u := "https://shop.example/" + url.PathEscape(s) + "/item"
		p := NewPage(u, 200, "text/html", "<p>x</p>", false)
		pu, err := url.Parse(u)
		if err != nil {
			t.Fatal(err)
		}
		want = false
		for _, seg := range strings.Split(strings.ToLower(pu.Path), "/") {
			want = want || slices.Contains(shopZhSegments, seg)
		}
		if got := shopZhEdition(p); got != want {
			t.Errorf("shopZhEdition(%s) = %v, want %v", u, got, want)
		}
	}
}

// shopStruckSel finds the struck-through elements of shopStruckPlain.
var shopStruckSel = cascadia.MustCompile(`del, s, strike`)

// shopStruckPlain is shopStruck the goquery way.
func shopStruckPlain(p *Page) map[int]bool {
	m := map[int]bool{}
	if p.Doc == nil {
		return m
	}
	p.Doc.FindMatcher(shopStruckSel).Each(func(_ int, s *goquery.Selection) {
		for _, pr := range ParsePrices(NFKC(s.Text())) {
			m[pr.Yen] = true
		}
	})
	return m
}

// TestShopStruckAgrees holds shopStruck's own walk to the goquery way on
// every testdata page and on pages of nested and odd struck elements.
func TestShopStruckAgrees(t *testing.T) {
	pages := []*Page{
		NewPage("https://a.example/", 200, "text/html", `<p><del>¥1,000</del> ¥500 <s>2,000円 <strike>３,０００円</strike></s><del><span>¥4,</span>000</del></p><svg><s>¥9</s></svg><del></del>`, false),
		NewPage("https://a.example/", 200, "text/html", `<!-- x --><!DOCTYPE html><DEL>¥7,000<script>¥8,000</script></DEL>`, false),
		{URL: "https://a.example/"},
	}
	names, docs := memoCorpus(t)
	for _, name := range names {
		pages = append(pages, memoParse(docs[name])...)
	}
	struck := 0
	for _, p := range pages {
		got, want := shopStruck(p), shopStruckPlain(p)
		if len(got) != len(want) {
			t.Errorf("%s: shopStruck %v, goquery %v", p.URL, got, want)
			continue
		}
		for y := range want {
			if !got[y] {
				t.Errorf("%s: shopStruck %v, goquery %v", p.URL, got, want)
			}
		}
		struck += len(want)
	}
	if struck < 10 {
		t.Fatalf("only %d struck prices in the pages", struck)
	}
}

// shopCountHanPlain is shopCountHan with a range loop.
func shopCountHanPlain(text string) (kana, han, zh int, ex []rune) {
	prev := rune(-1)
	runStart, runZh := -1, 0
	var runEx []rune
	end := func(next rune) {
		if runStart >= 0 && runZh > 0 && (shopSentenceMate(prev) || shopSentenceMate(next)) {
			zh += runZh
			ex = append(ex, runEx...)
		}
		runStart, runZh, runEx = -1, 0, runEx[:0]
	}
	last := rune(-1)
	for i, r := range text {
		if shopIsHan(r) {
			han++
			if runStart < 0 {
				runStart, prev = i, last
			}
			if ChineseOnlyHan(r) {
				runZh++
				runEx = append(runEx, r)
			}
		} else {
			end(r)
			if shopIsKana(r) {
				kana++
			}
		}
		last = r
	}
	end(-1)
	return kana, han, zh, ex
}

// TestShopCountHanAgrees holds shopCountHan's own decoding to a range
// loop on every testdata page's text and on broken and Chinese text.
func TestShopCountHanAgrees(t *testing.T) {
	texts := []string{"", "正规品专卖店です", "质量保证，假一赔十。", "\xe0\x80\x80语言", "\xed\xa0\x80发货します", "\xe3\x81", "老干妈 风味 280g", "𠮟る发货", "\xff发货ます"}
	names, docs := memoCorpus(t)
	for _, name := range names {
		for _, p := range memoParse(docs[name]) {
			texts = append(texts, p.Text)
		}
	}
	zh := 0
	for _, s := range texts {
		k, h, z, ex := shopCountHan(s)
		k2, h2, z2, ex2 := shopCountHanPlain(s)
		if k != k2 || h != h2 || z != z2 || !slices.Equal(ex, ex2) {
			t.Errorf("%q: %d %d %d %q, range loop %d %d %d %q", Clip(s, 40), k, h, z, string(ex), k2, h2, z2, string(ex2))
		}
		zh += z
	}
	if zh == 0 {
		t.Fatal("no Chinese-only Han counted: the comparison proves little")
	}
}

// TestShopPlatformAnyName holds the platforms' union expression to asking
// each platform's own: on every testdata line and on lines naming each
// platform as the data file's examples do, in other cases and with the
// spaces the expressions allow.
func TestShopPlatformAnyName(t *testing.T) {
	tb := shopPlatforms()
	lines := append(flCorpusLines(t),
		"販売業者: BASE株式会社", "base, inc.", "BASE Inc", "所在地: BASEの住所に同じ", "STORES株式会社", "stores,inc.", "ヘイ株式会社",
		"GMOペパボ", "カラーミーショップ", "Shopify Japan", "shopifyjapan", "SHOPIFY, INC", "ショッピファイ", "minneの住所", "ミンネ",
		"株式会社クリーマ", "creemaの住所", "BASE", "STORES", "ペパボ", "Shopify")
	named := 0
	for _, l := range lines {
		want := false
		for _, re := range tb.res {
			want = want || re.MatchString(l)
		}
		if got := tb.anyName.MatchString(l); got != want {
			t.Errorf("anyName.MatchString(%q) = %v, the platforms' own say %v", l, got, want)
		}
		if want {
			named++
		}
	}
	if named < 15 {
		t.Errorf("only %d lines name a platform", named)
	}
}

// TestShopStruckByStyle: a price struck through by the page's style sheet
// (a class, the last compound of a selector) or by its own style attribute
// counts as a struck regular price, as <del> does (rev25 p39 page10:
// 「.it .o{text-decoration:line-through}」 hid 71-75% discounts).
func TestShopStruckByStyle(t *testing.T) {
	for _, c := range []struct {
		name, html string
		want       []int
	}{
		{"a class struck by a descendant selector", `<style>.it .o{text-decoration:line-through;color:#a99}</style><div class="it"><p class="o">¥24,200</p><p class="n">¥6,980</p></div>`, []int{24200}},
		{"a class among several selectors", `<style>.a, .price-old { text-decoration: line-through }</style><span class="price price-old">12,000円</span> 3,000円`, []int{12000}},
		{"an inline style", `<span style="text-decoration:line-through">¥9,800</span> ¥2,980`, []int{9800}},
		{"a sheet that underlines", `<style>.o{text-decoration:underline}</style><p class="o">¥24,200</p>`, nil},
		{"a struck class not on a price's element", `<style>.gone{text-decoration:line-through}</style><p class="gone">完売</p><p>¥5,000</p>`, nil},
	} {
		got := shopStruck(NewPage("https://a.example/", 200, "text/html", c.html, false))
		if len(got) != len(c.want) {
			t.Errorf("%s: struck %v, want %v", c.name, got, c.want)
			continue
		}
		for _, y := range c.want {
			if !got[y] {
				t.Errorf("%s: struck %v, want %v", c.name, got, c.want)
			}
		}
	}
}
