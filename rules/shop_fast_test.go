package rules

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
)

// TestShopLitIndexAt holds the ranked lookup of shopLitIndex (at) to a
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
			if got := x.at(c); !reflect.DeepEqual(got, want[c]) {
				t.Fatalf("at(%U) = %q, want %q", c, got, want[c])
			}
		}
	}
	if len(pay) < 20 {
		t.Fatalf("only %d payment literals", len(pay))
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
	segs := []string{"", "z", "ZH", "Zh-Hant", "zh_TW", "TW", "tw ", "zh-hantx", "\u212Aa", "zh-\u0130", "cn", "CN", "jp", "zh-cn/", "ｚｈ"}
	for _, w := range shopZhSegments {
		segs = append(segs, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	for _, s := range segs {
		want := slices.Contains(shopZhSegments, strings.ToLower(s))
		if got := shopZhSegment(s); got != want {
			t.Errorf("shopZhSegment(%q) = %v, want %v", s, got, want)
		}
	}
}

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
