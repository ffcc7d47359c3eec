package report

import (
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
	"github.com/shopcheck/shopcheck/rules"
)

// TestDetailMarksSmartphoneCopy checks that the full text view lists the
// smartphone copy of a page as such, in both languages, and nothing else.
func TestDetailMarksSmartphoneCopy(t *testing.T) {
	res := &checker.Result{Target: "https://shop.example.jp/", URL: "https://shop.example.jp/", Domain: "example.jp", Risk: rules.RiskLow,
		Pages: []checker.PageInfo{
			{URL: "https://shop.example.jp/", Status: 200, SHA256: "ab"},
			{URL: "https://shop.example.jp/", Status: 200, SHA256: "ab", Mobile: true},
			{URL: "https://shop.example.jp/law", Status: 200, SHA256: "cd", Truncated: true},
		}}
	for lang, mark := range map[string]string{"ja": "スマートフォンとして取得", "en": "fetched as a smartphone"} {
		var b strings.Builder
		w, err := New("text", &b, Options{Lang: lang, Detailed: true})
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(res); err != nil {
			t.Fatal(err)
		}
		var marked []string
		for _, l := range strings.Split(b.String(), "\n") {
			if strings.Contains(l, mark) {
				marked = append(marked, l)
			}
		}
		if len(marked) != 1 || !strings.Contains(marked[0], "https://shop.example.jp/ [200]") {
			t.Errorf("%s: lines marked as the smartphone copy %q, want the second page's alone; output:\n%s", lang, marked, b.String())
		}
	}
}
