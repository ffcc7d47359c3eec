package rules

import (
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// The images of a page, read straight from its parsed tree. goquery's
// Find walks the whole tree once a selector, and its Parents makes a
// Selection for every ancestor of every image; the product-image and logo
// checks need only the img elements, the first <base href> and a look at
// each image's ancestors, which one walk and plain parent pointers give.

// flPageImages is what flImagesOf finds on a page.
type flPageImages struct {
	base    string // href of the first <base href>
	hasBase bool
	imgs    []*html.Node // every img element, in document order
}

// flImagesOf walks doc once, in document order (as Find("img") and
// Find("base[href]").First() would).
func flImagesOf(doc *goquery.Document) flPageImages {
	var out flPageImages
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				switch c.Data {
				case "img":
					out.imgs = append(out.imgs, c)
				case "base":
					if !out.hasBase {
						out.base, out.hasBase = attrOK(c, "href")
					}
				}
			}
			walk(c)
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
	return out
}

// flSiteImages returns flImagesOf for each page of site (nil Doc: none),
// worked out once a site.
func flSiteImages(site *Site) []flPageImages {
	return sitePerPage(site, memoFlSiteImages, func(m *siteMemo) *[]flPageImages { return &m.flImages }, func(m *siteMemo) *[1]flPageImages { return &m.flImagesOne },
		func(_ int, p *Page) flPageImages {
			if p.Doc == nil {
				return flPageImages{}
			}
			return pageDerive(p, pageFlImages, func(m *pageMemo) *flPageImages { return &m.flImages }, func() flPageImages {
				im := flImagesOf(p.Doc)
				im.imgs = clip(im.imgs) // kept on the page: read only
				return im
			})
		})
}

// flInChrome reports whether n sits in the page's header, footer or
// navigation: inside a header, footer, nav or aside element, or inside an
// element whose class or id says so (flChromeRe).
func flInChrome(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "header" || p.Data == "footer" || p.Data == "nav" || p.Data == "aside") {
			return true
		}
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (flChromeRe.MatchString(attr(p, "class")) || flChromeRe.MatchString(attr(p, "id"))) {
			return true
		}
	}
	return false
}

// flLinkAround returns the nearest a element with an href that holds n, or
// nil.
func flLinkAround(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "a" {
			if _, ok := attrOK(p, "href"); ok {
				return p
			}
		}
	}
	return nil
}
