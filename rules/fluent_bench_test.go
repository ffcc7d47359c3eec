package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// benchFixturePages parses the pages of a testdata/sites fixture (UTF-8)
// under https://shop.example.jp/pN.html.
func benchFixturePages(b testing.TB, name string) []*Page {
	b.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "sites", name, "*.html"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no pages in %s: %v", name, err)
	}
	sort.Strings(files)
	var pages []*Page
	for i, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, NewPage(fmt.Sprintf("https://shop.example.jp/p%d.html", i), 200, "text/html", string(body), false))
	}
	return pages
}

// BenchmarkFluentSign times each fluent sign alone on the fake-utf8 shop,
// on a fresh Site and fresh pages each round (nothing derived is kept
// between rounds), so that a change to one sign shows in its own figure.
func BenchmarkFluentSign(b *testing.B) {
	pages := newFreshPages(benchFixturePages(b, "fake-utf8"))
	data := DefaultData()
	for _, r := range fluentRules() {
		b.Run(r.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s := NewSite()
				s.URL, s.Host, s.ASCIIHost, s.Domain, s.Data = "https://shop.example.jp/", "shop.example.jp", "shop.example.jp", "example.jp", data
				s.Pages = pages.next()
				r.Check(s)
			}
		})
	}
}
