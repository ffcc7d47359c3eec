package rules

import (
	"bytes"
	"fmt"
	"testing"
)

// The cost of scoring a site whose pages another site of the batch has
// already scored (BenchmarkScoreSharedPages) against pages scored for the
// first time (BenchmarkScoreFreshPages: each round copies the parsed pages
// with an empty memo, so parsing is not counted), on the fake shop and on
// one small honest page.

func benchScorePages(b *testing.B, site string, shared bool) {
	var pages []*Page
	switch site {
	case "":
		pages = []*Page{NewPage("https://shop1.test/", 200, "text/html", benchSmallPage, false)}
	case "big":
		pages = []*Page{NewPage("https://shop.example.jp/", 200, "text/html", benchBigPage(5<<20), false)}
	default:
		_, _, pages = shopFixturePages(b, site)
	}
	d := DefaultData()
	rs := All()
	Evaluate(memoSite("shop.example.jp", pages, d), rs, "ja") // tables loaded, shared pages derived
	fresh := newFreshPages(pages)
	b.ReportAllocs()
	for b.Loop() {
		ps := pages
		if !shared {
			ps = fresh.next()
		}
		Evaluate(memoSite("shop.example.jp", ps, d), rs, "ja")
	}
}

// freshPages hands out copies of parsed pages with empty memos, as NewPage
// makes them, so that a benchmark round scores pages for the first time
// without timing their parse: pages keep what the signs derive from them,
// and the same Page objects scored again would time the shared case.
type freshPages struct {
	pages  []*Page
	copies []Page
	out    []*Page
}

func newFreshPages(pages []*Page) *freshPages {
	return &freshPages{pages: pages, copies: make([]Page, len(pages)), out: make([]*Page, len(pages))}
}

// next returns the pages anew; the previous round's copies are reused.
func (f *freshPages) next() []*Page {
	for i, p := range f.pages {
		f.copies[i] = *p
		f.copies[i].memo = &pageMemo{}
		f.out[i] = &f.copies[i]
	}
	return f.out
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

// benchBigPage is checker's bigPage: a shop page of about n bytes, many
// product cards.
func benchBigPage(n int) string {
	var buf bytes.Buffer
	buf.WriteString(`<html><head><meta charset="utf-8"><title>激安ブランド通販</title></head><body><h1>激安ブランド通販</h1>`)
	for i := 0; buf.Len() < n; i++ {
		fmt.Fprintf(&buf, `<div class="item"><img src="/img/%d.jpg" alt="商品%d"><p>人気ブランド バッグ %d 番 新品未使用 正規品</p><p>定価 ¥%d <del>¥%d</del> 販売価格 ¥%d</p><a href="/item/%d.html">詳細</a></div>`+"\n",
			i, i, i, 38000+i, 38000+i, 4980+i, i)
	}
	buf.WriteString(`<p>お支払い方法：銀行振込のみ</p></body></html>`)
	return buf.String()
}

func BenchmarkScoreBigFreshPages(b *testing.B)  { benchScorePages(b, "big", false) }
func BenchmarkScoreBigSharedPages(b *testing.B) { benchScorePages(b, "big", true) }
