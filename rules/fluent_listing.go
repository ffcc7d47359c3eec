package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// flPhrase is a flea-market listing phrase (data/fluent_listing_phrases.txt).
type flPhrase struct {
	shown   string // as written in the data file
	compact string // as matched
	strong  bool
	// grade: a condition grade (目立った傷や汚れなし) that second-hand
	// shops use too; it counts as weak only beside a strong phrase.
	grade bool
}

// flListingSet finds the lines that hold any listing phrase.
var flListingSet = sync.OnceValue(func() *flLitSet {
	var ws []string
	for _, ph := range flListingData() {
		ws = append(ws, ph.compact)
	}
	return newFlLitSet(ws)
})

var flListingData = sync.OnceValue(func() []flPhrase {
	var ps []flPhrase
	for _, l := range lines("fluent_listing_phrases.txt") {
		w, phrase, ok := strings.Cut(l, " ")
		phrase = strings.TrimSpace(phrase)
		if !ok || phrase == "" || (w != "strong" && w != "weak" && w != "grade") {
			panic("rules: fluent_listing_phrases.txt: want strong|weak|grade PHRASE: " + l)
		}
		ps = append(ps, flPhrase{shown: phrase, compact: flCompact(NFKC(phrase)), strong: w == "strong", grade: w == "grade"})
	}
	return ps
})

var flFleaMarkets = sync.OnceValue(func() []string { return lines("fluent_fleamarket_domains.txt") })

var (
	flCartWords    = shopMustRe(`カートに入れる|カートへ入れる|カートに追加|カートを見る|買い物かご|買い物カゴ|ショッピングカート|購入手続き|レジに進む|addtocart`)
	flLawWords     = shopMustRe(`特定商取引法|特商法|特定商取引に関する`)
	flCompanyWords = shopMustRe(`株式会社|有限会社|合同会社|合資会社|\(株\)|\(有\)|co\.,?ltd|inc\.`)
	flPriceRe      = shopMustRe(`[¥￥]\d[\d,]*|\d[\d,]*円`)
	// flExhibition marks a line where 出品 means "exhibited" (展示会に出品).
	flExhibition = shopMustRe(`展|コンテスト|コンクール|イベント|フェア|博覧会|品評会|マルシェ|ギャラリー|クラフト|作品`)
	// flExplainedAfter and flQuotedExample mark a phrase that is being
	// explained or quoted, not used (「即購入OK」とは …, 「プロフ必読」などの表現).
	flExplainedAfter = shopMustRe(`^[」』"”]?(?:とは|という|の意味|って何)`)
	flQuotedExample  = shopMustRe(`^[」』"”](?:など|といった|のような|等|や「)`)
)

// flExplained reports whether a phrase between before and after is being
// explained or quoted as an example rather than used.
func flExplained(before, after string) bool {
	if flExplainedAfter.MatchString(after) {
		return true
	}
	opened := strings.HasSuffix(before, "「") || strings.HasSuffix(before, "『") ||
		strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "“")
	return opened && flQuotedExample.MatchString(after)
}

// flBusinessClaim says why a site presents itself as a business (a cart, a
// 特定商取引法 page, a company name, many prices), or "" when it does not.
func flBusinessClaim(site *Site) string {
	prices := map[string]bool{}
	var company string
	for _, p := range site.Pages {
		if shopScamOn(site, p) {
			continue // "no 特定商取引法 page" in a warning is no such page
		}
		cs := flCompact(flPrefix(p.Text, 500_000))
		if flCartWords.MatchString(cs) {
			return "買い物かごのある通販サイト"
		}
		if flLawWords.MatchString(cs) {
			return "特定商取引法の表記あり"
		}
		if company == "" {
			if m := flCompanyWords.FindString(cs); m != "" {
				company = "会社名（" + m + "）あり"
			}
		}
		for _, m := range flPriceRe.FindAllString(cs, -1) {
			prices[m] = true
		}
	}
	if company != "" {
		return company
	}
	if len(prices) >= 5 {
		return fmt.Sprintf("商品価格 %d 件", len(prices))
	}
	return ""
}

// flPlatformRe finds a flea-market platform's own workings on a listing
// page: the buyer's rating that releases the money (受取評価), the escrow
// the platform holds (事務局がお預かり), its trade messages, and its rule
// against dealing off the app (アプリ外).
var flPlatformRe = shopMustRe(`受け?取り?評価|取引メッセージ|アプリ外|事務局(?:が|で)お預かり|エスクロー`)

// flPlatformListing reports whether a page of the site is a flea-market
// platform's own listing (a platform not in fluent_fleamarket_domains.txt):
// it names the 出品者 and the platform's workings (flPlatformRe). A shop
// that copies listings copies their descriptions, not the platform's
// escrow and rating.
func flPlatformListing(site *Site) bool {
	for _, p := range site.Pages {
		if p != nil && strings.Contains(p.Text, "出品者") && flPlatformRe.MatchString(p.Text) {
			return true
		}
	}
	return false
}

// checkListingCopied fires when a site that presents itself as a business
// describes its goods with phrases of private flea-market listings.
func checkListingCopied(site *Site) []Finding {
	for _, d := range flFleaMarkets() {
		if flUnder(site.Host, d) || flUnder(site.Domain, d) {
			return nil
		}
	}
	if flPlatformListing(site) {
		return nil
	}
	type hit struct {
		lines   map[string]bool
		example string
		url     string
	}
	hits := map[int]*hit{}
	phrases := flListingData()
	cps := flCompactPages(site)
	for pi, p := range site.Pages {
		if shopScamOn(site, p) {
			continue // a warning page quotes listings as examples
		}
		// Lines without any phrase add nothing: one pass finds the others.
		for li := range cps[pi].with(flHasListing) {
			line, cs := p.Lines[li], cps[pi].line(li)
			for i, ph := range phrases {
				at := strings.Index(cs, ph.compact)
				if at < 0 {
					continue
				}
				if flExplained(cs[:at], cs[at+len(ph.compact):]) {
					continue
				}
				if strings.HasPrefix(ph.compact, "出品") && flExhibition.MatchString(cs) {
					continue
				}
				h := hits[i]
				if h == nil {
					h = &hit{lines: map[string]bool{}, example: line, url: p.URL}
					hits[i] = h
				}
				h.lines[cs] = true
			}
		}
	}
	if len(hits) == 0 {
		return nil // most pages: no phrase (what follows would say nil too)
	}
	// A longer phrase found in the same lines as a shorter one it contains
	// (喫煙者なし inside ペット・喫煙者なし) counts once.
	for i, h := range hits {
		for j, g := range hits {
			if i != j && len(phrases[j].compact) > len(phrases[i].compact) && strings.Contains(phrases[j].compact, phrases[i].compact) && flSameKeys(h.lines, g.lines) {
				delete(hits, i)
				break
			}
		}
	}
	strong, weak, grades, repeated := 0, 0, 0, false
	for i, h := range hits {
		switch {
		case phrases[i].strong:
			strong++
			if len(h.lines) >= 2 {
				repeated = true
			}
		case phrases[i].grade:
			grades++
		default:
			weak++
		}
	}
	if strong > 0 {
		weak += grades
	} else {
		for i := range hits {
			if phrases[i].grade {
				delete(hits, i) // a shop's own condition ranks
			}
		}
	}
	ids := make([]int, 0, len(hits))
	for i := range hits {
		ids = append(ids, i)
	}
	if !(strong >= 2 || (strong >= 1 && weak >= 1) || repeated || weak >= 3) {
		return nil
	}
	claim := flBusinessClaim(site)
	if claim == "" {
		return nil
	}
	sort.Slice(ids, func(a, b int) bool {
		ha, hb := hits[ids[a]], hits[ids[b]]
		if len(ha.lines) != len(hb.lines) {
			return len(ha.lines) > len(hb.lines)
		}
		return ids[a] < ids[b]
	})
	var parts, partsEN []string
	for k, i := range ids {
		if k == 4 {
			parts = append(parts, fmt.Sprintf("ほか %d 件", len(ids)-k))
			partsEN = append(partsEN, fmt.Sprintf("and %d more", len(ids)-k))
			break
		}
		s := "「" + phrases[i].shown + "」"
		if n := len(hits[i].lines); n > 1 {
			s += fmt.Sprintf("×%d", n)
		}
		parts = append(parts, s)
		partsEN = append(partsEN, s)
	}
	first := hits[ids[0]]
	return []Finding{{
		Evidence:   strings.Join(parts, " ") + " / " + claim + " / 例: " + Clip(first.example, 60),
		EvidenceEN: strings.Join(partsEN, " ") + " / " + claim + " / e.g. " + Clip(first.example, 60),
		URL:        first.url,
	}}
}

// flSameKeys reports whether two sets hold the same keys.
func flSameKeys(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
