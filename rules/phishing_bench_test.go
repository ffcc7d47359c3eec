package rules

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// phBigShop makes a shop page of about n bytes with many product cards, the
// shape of checker's bigPage: the large honest page the phishing and
// one-click signs must read cheaply.
func phBigShop(n int) string { return phBigPage(n, "激安ブランド通販", "") }

// phBigPage is phBigShop with its own title and a first paragraph: a long
// page that names a brand in its title and claims a registration at its
// top makes every presentation and one-click test run to the end of what it
// reads.
func phBigPage(n int, title, lead string) string {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `<html><head><meta charset="utf-8"><title>%s</title></head><body><h1>%s</h1><p>%s</p>`, title, title, lead)
	for i := 0; buf.Len() < n; i++ {
		fmt.Fprintf(&buf, `<div class="item"><img src="/img/%d.jpg" alt="商品%d"><p>人気ブランド バッグ %d 番 新品未使用 正規品</p><p>定価 ¥%d <del>¥%d</del> 販売価格 ¥%d</p><a href="/item/%d.html">詳細</a></div>`+"\n",
			i, i, i, 38000+i, 38000+i, 4980+i, i)
	}
	buf.WriteString(`<p>お支払い方法：銀行振込のみ</p><form method="post" action="/login"><input type="password" name="pw"></form><p>© Amazon.com, Inc.</p></body></html>`)
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
// 5 MB page, one sub-benchmark a sign; "worst" is the page whose title is a
// brand's login and whose top claims a registration.
func BenchmarkPhishingBigRule(b *testing.B) {
	sites := map[string]*Site{
		"shop":  phBigSite(b),
		"worst": phSite(NewPage("https://shop.example.jp/", 200, "text/html", phBigPage(5<<20, "Amazon ログイン", "会員登録が完了しました。ご利用料金 99,000円"), false)),
	}
	for _, name := range []string{"shop", "worst"} {
		site := sites[name]
		for _, r := range phishingRules() {
			b.Run(name+"/"+r.ID, func(b *testing.B) {
				for b.Loop() {
					r.Check(site)
				}
			})
		}
	}
}

// BenchmarkPhishingFakeShop scores the fake-utf8 shop (checker's
// BenchmarkScore fixture, an ordinary fake shop naming no brand as its
// own) with each sign of this family and the url signs, one sub-benchmark
// a sign, a fresh site and fresh pages (nothing derived) each round: what these signs cost
// on the pages most checks see.
func BenchmarkPhishingFakeShop(b *testing.B) {
	pages := newFreshPages(benchFixturePages(b, "fake-utf8"))
	rs := append(phishingRules(), urlRules()...)
	data := DefaultData()
	run := func(b *testing.B, rs []Rule) {
		for b.Loop() {
			s := NewSite()
			s.URL, s.Host, s.ASCIIHost, s.Domain = "https://shop.example.jp/", "shop.example.jp", "shop.example.jp", "example.jp"
			s.Data, s.Pages = data, pages.next()
			for _, r := range rs {
				r.Check(s)
			}
		}
	}
	b.Run("all", func(b *testing.B) { run(b, rs) })
	for _, r := range rs {
		b.Run(r.ID, func(b *testing.B) { run(b, []Rule{r}) })
	}
}

// BenchmarkPhishingView builds the presentation test's view of each page
// of the fake-utf8 shop: the work the impersonation sign does on a page
// that names brands only in passing (a bank for transfers, card badges).
func BenchmarkPhishingView(b *testing.B) {
	files, _ := filepath.Glob("../testdata/sites/fake-utf8/*.html")
	brands := phishBrandsOf(DefaultData())
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		p := NewPage("https://shop.example.jp/", 200, "text/html", string(body), false)
		b.Run(filepath.Base(f), func(b *testing.B) {
			for b.Loop() {
				phishPresentedView(p, brands) // not phishPresentedUncached: the page keeps its answer
			}
		})
	}
}
