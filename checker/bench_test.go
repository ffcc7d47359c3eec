package checker

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/rules"
)

// fixturePages reads the pages of a fixture site as raw bytes.
func fixturePages(b testing.TB, site string) [][]byte {
	b.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "sites", site, "*.html"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in fixture %s: %v", site, err)
	}
	var out [][]byte
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, body)
	}
	return out
}

func parseAll(pages [][]byte) *rules.Site {
	site := newBenchSite()
	for i, body := range pages {
		text, _ := Decode(body, "text/html")
		site.Pages = append(site.Pages, rules.NewPage(fmt.Sprintf("https://shop.example.jp/p%d.html", i), 200, "text/html", text, false))
	}
	return site
}

// newBenchSite is a site as the checker makes it, with nothing derived yet.
func newBenchSite() *rules.Site {
	site := rules.NewSite()
	site.URL, site.Host, site.ASCIIHost, site.Domain = "https://shop.example.jp/", "shop.example.jp", "shop.example.jp", "example.jp"
	site.Data, site.Now = benchData, time.Now()
	return site
}

var benchData = rules.DefaultData()

// benchScore times parsing and then scoring every sign, each round on
// pages of its own: pages keep what the signs derive from them, so scoring
// the same Page objects again would time the shared case (a batch meeting
// a page it parsed before), not a new site. Scoring costs the difference
// from the matching Parse benchmark (stopping the timer around each parse
// would cost more than a small page's scoring, and parsing a lot ahead
// would leave the pages cold in the cache, as a batch never does).
func benchScore(b *testing.B, pages [][]byte) {
	rs := rules.All()
	b.ReportAllocs()
	for b.Loop() {
		rules.Evaluate(parseAll(pages), rs, "ja")
	}
}

// BenchmarkParse decodes and parses a fake shop's pages; BenchmarkScore
// parses them and scores every sign: scoring is the difference, and should
// cost at most about as much again as parsing.
func BenchmarkParse(b *testing.B) {
	pages := fixturePages(b, "fake-utf8")
	b.ReportAllocs()
	for b.Loop() {
		parseAll(pages)
	}
}

func BenchmarkScore(b *testing.B) {
	benchScore(b, fixturePages(b, "fake-utf8"))
}

// bigPage makes a shop page of about n bytes: many product cards.
func bigPage(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`<html><head><meta charset="utf-8"><title>激安ブランド通販</title></head><body><h1>激安ブランド通販</h1>`)
	for i := 0; buf.Len() < n; i++ {
		fmt.Fprintf(&buf, `<div class="item"><img src="/img/%d.jpg" alt="商品%d"><p>人気ブランド バッグ %d 番 新品未使用 正規品</p><p>定価 ¥%d <del>¥%d</del> 販売価格 ¥%d</p><a href="/item/%d.html">詳細</a></div>`+"\n",
			i, i, i, 38000+i, 38000+i, 4980+i, i)
	}
	buf.WriteString(`<p>お支払い方法：銀行振込のみ</p></body></html>`)
	return buf.Bytes()
}

func BenchmarkParseBig(b *testing.B) {
	page := bigPage(5 << 20)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		parseAll([][]byte{page})
	}
}

func BenchmarkScoreBig(b *testing.B) {
	page := bigPage(5 << 20)
	b.SetBytes(int64(len(page)))
	benchScore(b, [][]byte{page})
}

// TestPeakMemoryBigPage reports the heap a 5 MB page costs to parse and
// score (a bound, not a timing: well under 100 MB).
func TestPeakMemoryBigPage(t *testing.T) {
	if testing.Short() {
		t.Skip("memory measurement")
	}
	page := bigPage(5 << 20)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	site := parseAll([][]byte{page})
	rules.Evaluate(site, rules.All(), "ja")
	runtime.GC() // what stays live while the page is held
	runtime.ReadMemStats(&after)
	total := after.TotalAlloc - before.TotalAlloc
	live := after.HeapAlloc - min(after.HeapAlloc, before.HeapAlloc) // this page's share, not other tests'
	t.Logf("5 MB page: %d MB allocated in all, %d MB live heap", total>>20, live>>20)
	if live > 100<<20 {
		t.Errorf("live heap %d MB after parsing and scoring a 5 MB page, want well under 100 MB", live>>20)
	}
	runtime.KeepAlive(site)
}

// smallPage is a small honest shop page like most of a batch's targets.
const smallPage = `<!DOCTYPE html><html lang="ja"><head><title>shop1.test の店</title></head><body>
<h1>手作り雑貨の店</h1><p>いつもご利用ありがとうございます。商品 /item/12 をご覧ください。</p>
<p>お支払い方法: クレジットカード、コンビニ払い、代金引換</p></body></html>`

// BenchmarkParseSmall and BenchmarkScoreSmall are Parse and Score for one
// small page: what is left is the cost every target pays whatever its size.
func BenchmarkParseSmall(b *testing.B) {
	page := []byte(smallPage)
	b.ReportAllocs()
	for b.Loop() {
		parseAll([][]byte{page})
	}
}

func BenchmarkScoreSmall(b *testing.B) {
	benchScore(b, [][]byte{[]byte(smallPage)})
}

// fixtureSites are the shop fixtures, honest and fake, in each charset.
var fixtureSites = []string{"fake-utf8", "honest-company", "sole-proprietor", "base-shop", "fake-sjis", "fake-eucjp"}

// BenchmarkSites parses, then parses and scores, each fixture shop: what
// scoring real shop pages costs beside parsing them (the difference of a
// site's two lines), which a crawled batch pays for every target.
func BenchmarkSites(b *testing.B) {
	for _, s := range fixtureSites {
		pages := fixturePages(b, s)
		b.Run("parse/"+s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				parseAll(pages)
			}
		})
		b.Run("score/"+s, func(b *testing.B) { benchScore(b, pages) })
	}
}
