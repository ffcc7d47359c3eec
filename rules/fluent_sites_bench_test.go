package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// flSiteNames are the fixture shops of checker's BenchmarkSites.
var flSiteNames = []string{"fake-utf8", "honest-company", "sole-proprietor", "base-shop", "fake-sjis", "fake-eucjp"}

// flSitePages reads and parses a fixture shop's pages as checker's
// BenchmarkSites does (decoded by the charset a browser would take, under
// https://shop.example.jp/pN.html, files in name order), with the shop
// tests' readers.
func flSitePages(t testing.TB, name string) []*Page {
	t.Helper()
	dir := filepath.Join(shopFixtureDir, name)
	ctype := shopFixtureType(t, dir)
	files, err := filepath.Glob(filepath.Join(dir, "*.html")) // in name order
	if err != nil || len(files) == 0 {
		t.Fatalf("no pages in %s: %v", dir, err)
	}
	var pages []*Page
	for i, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, NewPage(fmt.Sprintf("https://shop.example.jp/p%d.html", i), 200, "text/html", shopDecode(t, body, ctype), false))
	}
	return pages
}

// flOwnSigns are the signs whose cost BenchmarkFluentSites measures:
// payment-method-mismatch, phishing-brand-impersonation,
// address-inconsistent and oneclick-billing.
func flOwnSigns() []Rule {
	want := map[string]bool{"payment-method-mismatch": true, "phishing-brand-impersonation": true, "address-inconsistent": true, "oneclick-billing": true}
	var out []Rule
	for _, r := range All() {
		if want[r.ID] {
			out = append(out, r)
		}
	}
	return out
}

// BenchmarkFluentSites times payment-method-mismatch, brand
// impersonation, address-inconsistent and oneclick-billing together, and
// each alone, on each fixture shop, on a fresh Site and fresh pages each
// round (so each pays for what it derives; in Evaluate, the shop signs
// before them may already have paid for what they share).
func BenchmarkFluentSites(b *testing.B) {
	data := DefaultData()
	signs := flOwnSigns()
	if len(signs) != 4 {
		b.Fatalf("found %d of the 4 signs", len(signs))
	}
	for _, name := range flSiteNames {
		pages := newFreshPages(flSitePages(b, name))
		run := func(b *testing.B, rs []Rule) {
			b.ReportAllocs()
			for b.Loop() {
				s := NewSite()
				s.URL, s.Host, s.ASCIIHost, s.Domain, s.Data = "https://shop.example.jp/", "shop.example.jp", "shop.example.jp", "example.jp", data
				s.Pages = pages.next()
				Evaluate(s, rs, "ja")
			}
		}
		b.Run(name+"/all4", func(b *testing.B) { run(b, signs) })
		for i := range signs {
			b.Run(name+"/"+signs[i].ID, func(b *testing.B) { run(b, signs[i:i+1]) })
		}
	}
}
