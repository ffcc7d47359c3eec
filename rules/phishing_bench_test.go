package rules

import (
	"bytes"
	"fmt"
	"testing"
)

// phBigShop makes a shop page of about n bytes with many product cards, the
// shape of checker's bigPage: the large honest page the phishing and
// one-click signs must read cheaply.
func phBigShop(n int) string {
	var buf bytes.Buffer
	buf.WriteString(`<html><head><meta charset="utf-8"><title>激安ブランド通販</title></head><body><h1>激安ブランド通販</h1>`)
	for i := 0; buf.Len() < n; i++ {
		fmt.Fprintf(&buf, `<div class="item"><img src="/img/%d.jpg" alt="商品%d"><p>人気ブランド バッグ %d 番 新品未使用 正規品</p><p>定価 ¥%d <del>¥%d</del> 販売価格 ¥%d</p><a href="/item/%d.html">詳細</a></div>`+"\n",
			i, i, i, 38000+i, 38000+i, 4980+i, i)
	}
	buf.WriteString(`<p>お支払い方法：銀行振込のみ</p></body></html>`)
	return buf.String()
}

// phBigSite parses a 5 MB shop page once for the benchmarks below.
func phBigSite(b *testing.B) *Site {
	b.Helper()
	return phSite(NewPage("https://shop.example.jp/", 200, "text/html", phBigShop(5<<20), false))
}

// BenchmarkPhishingBigParse is the cost every rule is compared with:
// parsing the 5 MB page.
func BenchmarkPhishingBigParse(b *testing.B) {
	body := phBigShop(5 << 20)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		NewPage("https://shop.example.jp/", 200, "text/html", body, false)
	}
}

// BenchmarkPhishingBigRule measures each sign of this file's family on the
// 5 MB page, one sub-benchmark a sign.
func BenchmarkPhishingBigRule(b *testing.B) {
	site := phBigSite(b)
	for _, r := range phishingRules() {
		b.Run(r.ID, func(b *testing.B) {
			for b.Loop() {
				r.Check(site)
			}
		})
	}
}
