package rules

import "testing"

// The cost of scoring a site whose pages another site of the batch has
// already scored (BenchmarkScoreSharedPages) against pages scored for the
// first time (BenchmarkScoreFreshPages: each round copies the parsed pages
// with an empty memo, so parsing is not counted), on the fake shop and on
// one small honest page.

func benchScorePages(b *testing.B, site string, shared bool) {
	var pages []*Page
	if site == "" {
		pages = []*Page{NewPage("https://shop1.test/", 200, "text/html", benchSmallPage, false)}
	} else {
		_, _, pages = shopFixturePages(b, site)
	}
	d := DefaultData()
	rs := All()
	Evaluate(memoSite("shop.example.jp", pages, d), rs, "ja") // tables loaded, shared pages derived
	fresh := make([]*Page, len(pages))
	copies := make([]Page, len(pages))
	b.ReportAllocs()
	for b.Loop() {
		ps := pages
		if !shared {
			for i, p := range pages {
				copies[i] = *p
				copies[i].memo = &pageMemo{}
				fresh[i] = &copies[i]
			}
			ps = fresh
		}
		Evaluate(memoSite("shop.example.jp", ps, d), rs, "ja")
	}
}

// benchSmallPage is a small honest shop page like most of a batch's
// targets (checker's BenchmarkScoreSmall page).
const benchSmallPage = `<!DOCTYPE html><html lang="ja"><head><title>shop1.test の店</title></head><body>
<h1>手作り雑貨の店</h1><p>いつもご利用ありがとうございます。商品 /item/12 をご覧ください。</p>
<p>お支払い方法: クレジットカード、コンビニ払い、代金引換</p></body></html>`

func BenchmarkScoreFreshPages(b *testing.B)       { benchScorePages(b, "fake-utf8", false) }
func BenchmarkScoreSharedPages(b *testing.B)      { benchScorePages(b, "fake-utf8", true) }
func BenchmarkScoreSmallFreshPages(b *testing.B)  { benchScorePages(b, "", false) }
func BenchmarkScoreSmallSharedPages(b *testing.B) { benchScorePages(b, "", true) }
