package rules

import (
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// flInChromeGoquery is flInChrome as first written with goquery, kept as
// the oracle of the tree walk.
func flInChromeGoquery(s *goquery.Selection) bool {
	if s.ParentsFiltered("header,footer,nav,aside").Length() > 0 {
		return true
	}
	chrome := false
	s.Parents().EachWithBreak(func(_ int, a *goquery.Selection) bool {
		if flChromeRe.Regexp().MatchString(a.AttrOr("class", "")) || flChromeRe.Regexp().MatchString(a.AttrOr("id", "")) {
			chrome = true
			return false
		}
		return true
	})
	return chrome
}

// TestFlImagesOfAgrees checks the one walk over a page's tree against
// goquery's selectors on every saved page: the img elements in order, the
// first <base href>, and for each image whether it is in the page chrome,
// its nearest a[href] and its declared size.
func TestFlImagesOfAgrees(t *testing.T) {
	imgs, chrome, linked, bases := 0, 0, 0, 0
	for _, p := range flTestPages(t) {
		if p.Doc == nil {
			continue
		}
		got := flImagesOf(p.Doc)
		want := p.Doc.Find("img")
		if len(got.imgs) != want.Length() {
			t.Fatalf("%s: %d images, goquery %d", p.URL, len(got.imgs), want.Length())
		}
		b, ok := p.Doc.Find("base[href]").First().Attr("href")
		if got.base != b || got.hasBase != ok {
			t.Errorf("%s: base %q %v, goquery %q %v", p.URL, got.base, got.hasBase, b, ok)
		}
		if ok {
			bases++
		}
		want.Each(func(i int, s *goquery.Selection) {
			n := got.imgs[i]
			if n != s.Nodes[0] {
				t.Fatalf("%s: image %d is another node", p.URL, i)
			}
			imgs++
			if g, w := flInChrome(n), flInChromeGoquery(s); g != w {
				t.Errorf("%s image %d: flInChrome %v, goquery %v", p.URL, i, g, w)
			} else if g {
				chrome++
			}
			a := s.ParentsFiltered("a[href]").First()
			if g := flLinkAround(n); (g == nil) != (a.Length() == 0) || (g != nil && g != a.Nodes[0]) {
				t.Errorf("%s image %d: link around differs from goquery's", p.URL, i)
			} else if g != nil {
				linked++
			}
			for _, k := range []string{"src", "data-src", "alt", "width", "height"} {
				gv, gok := attrOK(n, k)
				wv, wok := s.Attr(k)
				if gv != wv || gok != wok || attrOr(n, k, "x") != s.AttrOr(k, "x") {
					t.Errorf("%s image %d: attribute %s differs", p.URL, i, k)
				}
			}
		})
	}
	if imgs < 100 || chrome < 5 || linked < 5 {
		t.Errorf("only %d images (%d in chrome, %d in links): the comparison proves little", imgs, chrome, linked)
	}
	t.Logf("%d images, %d in chrome, %d in links, %d pages with <base>", imgs, chrome, linked, bases)
}
