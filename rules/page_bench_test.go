package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// benchPages are the fake shop's pages (UTF-8), as NewPage gets them.
func benchPages(b *testing.B) []string {
	b.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "sites", "fake-utf8", "*.html"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no fixture pages: %v", err)
	}
	var out []string
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, string(body))
	}
	return out
}

// BenchmarkNewPage parses the fake shop's pages; BenchmarkOldNewPage does
// the same the old way (the oracle in page_test.go), for comparison.
func BenchmarkNewPage(b *testing.B) {
	pages := benchPages(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			NewPage("https://shop.example.jp/", 200, "text/html", p, false)
		}
	}
}

func BenchmarkOldNewPage(b *testing.B) {
	pages := benchPages(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			oldNewPage("https://shop.example.jp/", 200, "text/html", p, false)
		}
	}
}

// BenchmarkNewPageThemeSheet parses a page with a theme's critical CSS
// inline: 300 rules, a third of them descendant rules that hide (menus,
// drawers; matched with cascadia), on a page of 400 elements.
func BenchmarkNewPageThemeSheet(b *testing.B) {
	var sheet, body strings.Builder
	for i := range 300 {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&sheet, ".nav%d .sub-menu{display:none;position:absolute}\n", i)
		case 1:
			fmt.Fprintf(&sheet, ".c%d{color:#333;margin:0 auto;display:none}\n", i)
		default:
			fmt.Fprintf(&sheet, "#h%d > li a{padding:4px}\n", i)
		}
	}
	body.WriteString(`<div class="nav0"><ul class="sub-menu"><li>menu</li></ul></div>`)
	for i := range 400 {
		fmt.Fprintf(&body, `<div class="c%d item"><p>商品 %d の説明です。</p></div>`, i%50, i)
	}
	page := "<html><head><style>" + sheet.String() + "</style></head><body>" + body.String() + "</body></html>"
	b.ReportAllocs()
	for b.Loop() {
		NewPage("https://shop.example.jp/", 200, "text/html", page, false)
	}
}

// BenchmarkNFKCText and BenchmarkNFKCTextNorm normalise the visible text
// of the fake shop's pages (kana and kanji with full-width punctuation)
// with nfkcBytes and with x/text alone.
func BenchmarkNFKCText(b *testing.B) {
	texts := benchTexts(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			nfkcBytes(append([]byte(nil), t...))
		}
	}
}

func BenchmarkNFKCTextNorm(b *testing.B) {
	texts := benchTexts(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			norm.NFKC.Bytes(append([]byte(nil), t...))
		}
	}
}

// benchTexts is the visible text of each page before NFKC.
func benchTexts(b *testing.B) []string {
	var texts []string
	for _, p := range benchPages(b) {
		root, err := html.Parse(strings.NewReader(p))
		if err != nil {
			b.Fatal(err)
		}
		var w pageWalk
		w.walk(root, true)
		texts = append(texts, string(w.text))
	}
	return texts
}

// BenchmarkFoldLines folds the pages' visible text into lines;
// BenchmarkFoldLinesOld does it the strings.Fields way.
func BenchmarkFoldLines(b *testing.B) {
	texts := benchTexts(b)
	b.ReportAllocs()
	buf := make([]byte, 0, 8<<10)
	for b.Loop() {
		for _, t := range texts {
			buf = append(buf[:0], t...)
			_ = foldLines(buf)
		}
	}
}

func BenchmarkFoldLinesOld(b *testing.B) {
	texts := benchTexts(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			_ = strings.Join(oldSplitLines(t), "\n")
		}
	}
}
