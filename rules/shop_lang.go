package rules

// japanese-unnatural: machine-translated Japanese, told by a share of
// simplified Chinese characters among the kanji of Japanese pages, or by
// several stock phrases of broken Japanese.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/japanese"
)

// shopHanziTable is data/shop_hanzi.txt plus the CP932 repertoire, as
// flags for the main CJK block (U+4E00-U+9FFF, where nearly all Han text
// lies) and sets for the rest.
type shopHanziTable struct {
	flags      []uint8 // by rune-0x4E00: shopHanCP932 | shopHanSimplified | shopHanJapanese
	simplified map[rune]bool
	japanese   map[rune]bool
}

const (
	shopHanCP932 uint8 = 1 << iota
	shopHanSimplified
	shopHanJapanese
)

var shopHanzi = sync.OnceValue(func() *shopHanziTable {
	t := &shopHanziTable{flags: make([]uint8, 0x9FFF-0x4E00+1), simplified: map[rune]bool{}, japanese: map[rune]bool{}}
	for _, l := range lines("shop_hanzi.txt") {
		kind, chars, ok := strings.Cut(l, ":")
		if !ok {
			panic(fmt.Sprintf("rules: shop_hanzi.txt line %q: want simplified: or japanese:", l))
		}
		m, flag := t.simplified, shopHanSimplified
		if strings.TrimSpace(kind) == "japanese" {
			m, flag = t.japanese, shopHanJapanese
		}
		for _, f := range strings.Fields(chars) {
			for _, r := range f {
				m[r] = true
				if r >= 0x4E00 && r <= 0x9FFF {
					t.flags[r-0x4E00] |= flag
				}
			}
		}
	}
	enc := japanese.ShiftJIS.NewEncoder()
	var dst [8]byte
	var src [4]byte
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		n := utf8.EncodeRune(src[:], r)
		if _, _, err := enc.Transform(dst[:], src[:n], true); err == nil {
			t.flags[r-0x4E00] |= shopHanCP932
		}
		enc.Reset()
	}
	return t
})

// ChineseOnlyHan reports whether r is a Han character that Japanese text
// does not use: listed as simplified in data/shop_hanzi.txt, or an
// ideograph of the main CJK block that CP932 cannot encode and that is not
// listed as a Japanese kanji.
func ChineseOnlyHan(r rune) bool {
	t := shopHanzi()
	if r < 0x4E00 || r > 0x9FFF {
		return t.simplified[r]
	}
	f := t.flags[r-0x4E00]
	if f&shopHanSimplified != 0 {
		return true
	}
	return f&(shopHanJapanese|shopHanCP932) == 0
}

// shopMTPhrases are the phrases of data/shop_mt_phrases.txt, indexed.
var shopMTPhrases = sync.OnceValue(func() *shopLitIndex {
	var ps []string
	for _, l := range lines("shop_mt_phrases.txt") {
		ps = append(ps, NFKC(l))
	}
	x := newShopLitIndex(ps)
	if x == nil {
		panic("rules: shop_mt_phrases.txt: a phrase starts outside the BMP")
	}
	return x
})

// shopMTPhrasesIn returns the distinct stock phrases found in text, an
// overlapping shorter phrase not counted again.
func shopMTPhrasesIn(text string) []string {
	type hit struct {
		at  int
		lit string
	}
	var hits []hit
	shopMTPhrases().each(text, func(at int, lit string) {
		if len(hits) < 1000 { // enough to tell; bounds the overlap test
			hits = append(hits, hit{at, lit})
		}
	})
	sort.SliceStable(hits, func(i, j int) bool { return len(hits[i].lit) > len(hits[j].lit) })
	var found []string
	var used [][2]int
	for _, h := range hits {
		s, e := h.at, h.at+len(h.lit)
		overlap := false
		for _, u := range used {
			if s < u[1] && e > u[0] {
				overlap = true
				break
			}
		}
		if overlap {
			continue
		}
		used = append(used, [2]int{s, e})
		if !slices.Contains(found, h.lit) {
			found = append(found, h.lit)
		}
	}
	return found
}

// shopZhEdition reports whether a page is a Chinese edition (lang="zh…",
// a /zh/ or /cn/ path, a zh. or cn. host): not broken Japanese.
func shopZhEdition(p *Page) bool {
	if p.Doc != nil && len(p.Doc.Nodes) > 0 {
		for n := p.Doc.Nodes[0].FirstChild; n != nil; n = n.NextSibling {
			if n.Type != html.ElementNode || n.Data != "html" {
				continue
			}
			for _, a := range n.Attr {
				if a.Key == "lang" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "zh") {
					return true
				}
			}
		}
	}
	u := pageURLOf(p)
	if u == nil {
		return false
	}
	h := strings.ToLower(u.Hostname())
	if strings.HasPrefix(h, "zh.") || strings.HasPrefix(h, "cn.") {
		return true
	}
	for rest := u.Path; ; {
		seg, more, found := strings.Cut(rest, "/")
		if shopZhSegment(seg) {
			return true
		}
		if !found {
			return false
		}
		rest = more
	}
}

// shopZhSegments are the path segments of a Chinese edition, lower case.
var shopZhSegments = []string{"zh", "cn", "zh-cn", "zh-tw", "zh-hk", "zh-hans", "zh-hant", "zh_cn", "zh_tw", "tw"}

// shopZhSegment reports whether strings.ToLower(seg) is one of
// shopZhSegments, without lower-casing an ASCII segment (most are):
// comparing its letters in any case says the same. A segment with other
// bytes is lower-cased, since the Kelvin sign (U+212A) lower-cases to k:
// zh-h and a Kelvin sign is zh-hk. No segment of more than 7 bytes
// lower-cases to one of them: the longest is 7, and only zh-hk's k may
// be written in 3.
func shopZhSegment(seg string) bool {
	if len(seg) < 2 || len(seg) > 7 {
		return false
	}
	for i := 0; i < len(seg); i++ {
		if seg[i] >= utf8.RuneSelf {
			return slices.Contains(shopZhSegments, strings.ToLower(seg))
		}
	}
	for _, w := range shopZhSegments {
		if shopEqualLowerASCII(seg, w) {
			return true
		}
	}
	return false
}

// LangStats counts the characters of a site's Japanese pages for
// japanese-unnatural.
type LangStats struct {
	Kana, Han  int
	ChineseHan int            // Han characters Japanese does not use
	Examples   []rune         // distinct ones, in order of first use
	Phrases    []string       // distinct stock phrases of broken Japanese
	ByPage     map[string]int // Chinese-only Han per page URL (nil when none)
	Pages      int            // Japanese pages counted
}

// shopJapanesePage reports whether the counts of one page are those of
// Japanese text: at least 30 kana and a fifth of the kana and kanji.
func shopJapanesePage(kana, han int) bool {
	return kana >= 30 && kana*5 >= kana+han
}

// JapaneseStats counts kana, kanji and Chinese-only kanji over the site's
// Japanese pages (pages with little kana, and Chinese editions, are left
// out: Chinese text is not broken Japanese).
func JapaneseStats(site *Site) LangStats {
	var st LangStats // ByPage is made when first written: most sites have none
	seen := map[rune]bool{}
	for _, p := range site.Pages {
		if p == nil || shopScamOn(site, p) {
			continue
		}
		pl := shopPageLangOf(p)
		if pl.zhEdition || !pl.japanese {
			continue
		}
		st.Pages++
		st.Kana += pl.kana
		st.Han += pl.han
		st.ChineseHan += pl.zh
		if pl.zh > 0 {
			if st.ByPage == nil {
				st.ByPage = map[string]int{}
			}
			st.ByPage[p.URL] = pl.zh
		}
		for _, r := range pl.ex {
			if !seen[r] {
				seen[r] = true
				st.Examples = append(st.Examples, r)
			}
		}
		for _, ph := range pl.phrases {
			dup := false
			for _, f := range st.Phrases {
				dup = dup || f == ph
			}
			if !dup {
				st.Phrases = append(st.Phrases, ph)
			}
		}
	}
	return st
}

// shopPageLang is what JapaneseStats reads of one page, kept on it (read
// only): whether it is a Chinese edition, its counts (shopCountHan), and
// for a Japanese page its stock phrases.
type shopPageLang struct {
	zhEdition     bool
	japanese      bool
	kana, han, zh int
	ex            []rune
	phrases       []string
}

// shopPageLangOf is what JapaneseStats reads of page p, kept on the page.
func shopPageLangOf(p *Page) shopPageLang {
	return pageDerive(p, pageLang, func(m *pageMemo) *shopPageLang { return &m.lang }, func() shopPageLang {
		pl := shopPageLang{zhEdition: shopZhEdition(p)}
		if pl.zhEdition {
			return pl
		}
		var ex []rune
		pl.kana, pl.han, pl.zh, ex = shopCountHan(p.Text)
		pl.ex = clip(ex)
		if pl.japanese = shopJapanesePage(pl.kana, pl.han); pl.japanese {
			pl.phrases = clip(shopMTPhrasesIn(p.Text))
		}
		return pl
	})
}

// shopCountHan counts the kana and Han characters of a page's text and
// the Chinese-only Han that are written as part of a sentence: in a run
// of Han characters that touches kana (正规品专卖店です, 24時間以内に发货
// します) or sentence punctuation (质量保证，假一赔十。). Runs that stand
// apart, between spaces, digits or line ends, are names (a Chinese
// grocery's 老干妈 风味豆豉油制辣椒 280g): a shop may print a product's
// own name in its own script.
func shopCountHan(text string) (kana, han, zh int, ex []rune) {
	prev := rune(-1) // the rune before the current Han run
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
	for i, size := 0, 0; i < len(text); i += size {
		// The runes of a range loop, three-byte ones (Japanese text)
		// decoded here rather than by the runtime's decoder.
		var r rune
		if c := text[i]; c < utf8.RuneSelf {
			r, size = rune(c), 1
		} else if c >= 0xE0 && c < 0xF0 && i+2 < len(text) && text[i+1]&0xC0 == 0x80 && text[i+2]&0xC0 == 0x80 {
			r, size = rune(c&0x0F)<<12|rune(text[i+1]&0x3F)<<6|rune(text[i+2]&0x3F), 3
			if r < 0x800 || r >= 0xD800 && r <= 0xDFFF {
				r, size = utf8.DecodeRuneInString(text[i:]) // overlong or a surrogate: invalid
			}
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
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
			if runStart >= 0 { // else there is no run to end
				end(r)
			}
			if shopIsKana(r) {
				kana++
			}
		}
		last = r
	}
	end(-1)
	return kana, han, zh, ex
}

// shopSentenceMate reports whether r, next to a run of Han characters,
// makes the run part of a sentence: kana, or sentence punctuation (after
// NFKC: , 。 、 ! ?).
func shopSentenceMate(r rune) bool {
	return shopIsKana(r) || r == ',' || r == '。' || r == '、' || r == '!' || r == '?'
}

// The thresholds of japanese-unnatural: at least shopMinChinese
// Chinese-only characters making at least shopChineseShare‰ of the kanji,
// or shopMinPhrases different stock phrases, or the two kinds together:
// a stock phrase weighed as shopPhraseWeight characters, at least
// shopMinChinese in all, with two phrases or the characters at least
// shopMixedShare‰ of the kanji (「品質保証、安心してください」 beside 6
// simplified characters in 242 kanji; 「版权所有」 beside 闭店, 无くなり and
// 振込时). An honest Chinese or Taiwanese shop's few characters in its
// sentences (4 in 507) or one phrase alone stay below.
const (
	shopMinChinese   = 5
	shopChineseShare = 25 // per mille
	shopMinPhrases   = 3
	shopPhraseWeight = 2
	shopMixedShare   = 15 // per mille
)

// shopLangFires says whether JapaneseStats' figures make japanese-unnatural.
func shopLangFires(st LangStats) bool {
	zh, han, ph := st.ChineseHan, st.Han, len(st.Phrases)
	switch {
	case zh >= shopMinChinese && zh*1000 >= shopChineseShare*han:
		return true
	case ph >= shopMinPhrases:
		return true
	case ph == 0 || zh+shopPhraseWeight*ph < shopMinChinese:
		return false
	}
	return ph >= 2 || zh*1000 >= shopMixedShare*han
}

// shopLangRule is japanese-unnatural.
func shopLangRule() Rule {
	return Rule{
		ID: "japanese-unnatural", Severity: Medium, Points: 20, Topic: "shopping", NeedsPage: true,
		Summary: Text{
			JA: "機械翻訳のような不自然な日本語（日本語のページに簡体字が混じる、不自然な定型表現が複数ある）",
			EN: "machine-translated or broken Japanese: simplified Chinese characters in Japanese pages, several unnatural stock phrases",
		},
		Message: Text{
			JA: "日本語が不自然です（中国語の字体や機械翻訳のような表現）。海外の詐欺グループが作った偽サイトによく見られます。",
			EN: "The Japanese is unnatural (Chinese character forms, machine-translation phrasing), as is common on fake shops run from abroad.",
		},
		Check: func(site *Site) []Finding {
			st := JapaneseStats(site)
			if !shopLangFires(st) {
				return nil
			}
			var parts, partsEN []string
			if st.ChineseHan > 0 {
				ex := st.Examples
				more := ""
				if len(ex) > 6 {
					ex, more = ex[:6], " …"
				}
				var es []string
				for _, r := range ex {
					es = append(es, string(r))
				}
				parts = append(parts, fmt.Sprintf("簡体字など %d/%d 字 (%.1f%%): %s%s",
					st.ChineseHan, st.Han, float64(st.ChineseHan)*100/float64(max(st.Han, 1)), strings.Join(es, ", "), more))
				partsEN = append(partsEN, fmt.Sprintf("simplified Chinese and other non-Japanese characters: %d of %d kanji (%.1f%%): %s%s",
					st.ChineseHan, st.Han, float64(st.ChineseHan)*100/float64(max(st.Han, 1)), strings.Join(es, ", "), more))
			}
			if len(st.Phrases) > 0 {
				ps := st.Phrases
				if len(ps) > 3 {
					ps = ps[:3]
				}
				parts = append(parts, "不自然な表現: 「"+strings.Join(ps, "」「")+"」")
				partsEN = append(partsEN, "unnatural phrasing: 「"+strings.Join(ps, "」「")+"」")
			}
			where, most := site.URL, -1
			for _, p := range site.Pages {
				if p != nil && st.ByPage[p.URL] > most {
					where, most = p.URL, st.ByPage[p.URL]
				}
			}
			return []Finding{{Evidence: strings.Join(parts, " / "), EvidenceEN: strings.Join(partsEN, " / "), URL: where}}
		},
	}
}
