package rules

import "testing"

// BenchmarkParse parses the fake shop's pages (NewPage), the cost every
// check pays before scoring.
func BenchmarkParse(b *testing.B) {
	base, bodies, _ := shopFixturePages(b, "fake-utf8")
	urls := make([]string, len(bodies))
	for i := range bodies {
		urls[i] = base
		if i > 0 {
			urls[i] = base + "p" + string(rune('0'+i)) + ".html"
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, body := range bodies {
			NewPage(urls[i], 200, "text/html", body, false)
		}
	}
}

// BenchmarkShopRules evaluates the shop signs on the parsed fake shop, a
// fresh site and fresh pages each round (nothing derived is kept): scoring
// should cost at most about as much again as parsing.
func BenchmarkShopRules(b *testing.B) {
	site := shopFixtureSite(b, "fake-utf8")
	rs := shopRules()
	Evaluate(site, rs, "ja") // load the embedded tables once
	pages := newFreshPages(site.Pages)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s := *site
		s.Pages = pages.next()
		s.memo = &siteMemo{}
		if len(Evaluate(&s, rs, "ja")) == 0 {
			b.Fatal("no signs")
		}
	}
}
