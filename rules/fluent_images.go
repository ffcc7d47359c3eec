package rules

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// flHotHost is an image server of another shop (data/fluent_hotlink_hosts.txt).
type flHotHost struct {
	host   string
	label  string
	owners []string
}

var flHotHosts = sync.OnceValue(func() []flHotHost {
	var hs []flHotHost
	for _, l := range lines("fluent_hotlink_hosts.txt") {
		f := strings.Fields(l)
		if len(f) < 3 {
			panic("rules: fluent_hotlink_hosts.txt: want HOST LABEL OWNER...: " + l)
		}
		hs = append(hs, flHotHost{host: strings.ToLower(f[0]), label: f[1], owners: f[2:]})
	}
	// Longest host first, so that the most specific entry answers.
	sort.SliceStable(hs, func(i, j int) bool { return len(hs[i].host) > len(hs[j].host) })
	return hs
})

// flHotHostOf returns the listed image server that host belongs to.
func flHotHostOf(host string) (flHotHost, bool) {
	for _, h := range flHotHosts() {
		if flUnder(host, h.host) {
			return h, true
		}
	}
	return flHotHost{}, false
}

// flDecorWords are parts of image file names that mark layout, not goods.
var flDecorWords = map[string]bool{
	"logo": true, "icon": true, "ico": true, "banner": true, "bnr": true, "btn": true, "button": true,
	"arrow": true, "spacer": true, "blank": true, "pixel": true, "1x1": true, "sprite": true, "badge": true,
	"sns": true, "twitter": true, "facebook": true, "instagram": true, "line": true, "loading": true,
	"loader": true, "payment": true, "card": true, "visa": true, "master": true, "jcb": true, "amex": true,
	"bank": true, "ssl": true, "seal": true, "bg": true, "background": true, "header": true, "footer": true,
	"nav": true, "menu": true, "cart": true, "search": true, "star": true, "rating": true, "ttl": true,
	"title": true, "bullet": true, "dot": true, "noimage": true, "spinner": true, "avatar": true,
}

// flProductImage is an image that may show goods, and where it was.
type flProductImage struct {
	src  string
	host string
	page int
}

// flProductImages lists the distinct images of site that may show goods:
// http(s) images (or file: ones of a saved page), not tiny, not named as layout (logo, icon,
// banner …), not in the header, footer or navigation, and not inside a link
// to another site (an affiliate banner or a reference to the original).
func flProductImages(site *Site) []flProductImage {
	seen := map[string]bool{}
	var out []flProductImage
	pageImgs := flSiteImages(site)
	for pi, p := range site.Pages {
		if p.Doc == nil {
			continue
		}
		pis := pageImgs[pi]
		if len(pis.imgs) == 0 {
			continue // nothing to read: skip parsing the page's URL and domain
		}
		base, err := url.Parse(p.URL)
		if err != nil {
			continue
		}
		if pis.hasBase {
			if u, err := base.Parse(strings.TrimSpace(pis.base)); err == nil {
				base = u
			}
		}
		pageDomain := flRegistrable(strings.ToLower(base.Hostname()))
		for _, n := range pis.imgs {
			var src string
			for _, a := range []string{"src", "data-src", "data-original", "data-lazy-src"} {
				if v := strings.TrimSpace(attr(n, a)); v != "" && !strings.HasPrefix(v, "data:") {
					src = v
					break
				}
			}
			if src == "" {
				continue
			}
			u, err := base.Parse(src)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file") {
				continue // file: a saved page's own images
			}
			// One image in several sizes (?_ex=128x128, ?_ex=500x500) counts once.
			key := u.Scheme + "://" + strings.ToLower(u.Host) + u.EscapedPath()
			if seen[key] {
				continue
			}
			if flTinyImage(n) || flDecorName(u.Path) || flInChrome(n) {
				continue
			}
			if a := flLinkAround(n); a != nil {
				if lu, err := base.Parse(strings.TrimSpace(attr(a, "href"))); err == nil && lu.Host != "" {
					lh := strings.ToLower(lu.Hostname())
					if d := flRegistrable(lh); d != pageDomain && d != site.Domain {
						continue // a link away: an affiliate banner, not the shop's own goods
					}
				}
			}
			seen[key] = true
			out = append(out, flProductImage{src: u.String(), host: strings.ToLower(u.Hostname()), page: pi})
		}
	}
	return out
}

// flTinyImage reports an image declared at most 40 pixels wide or high.
func flTinyImage(n *html.Node) bool {
	for _, a := range []string{"width", "height"} {
		if v, ok := attrOK(n, a); ok {
			if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), "px")); err == nil && n > 0 && n <= 40 {
				return true
			}
		}
	}
	return false
}

// flDecorName reports a file name made of layout words (logo.png,
// btn_cart.gif) or a vector drawing.
func flDecorName(p string) bool {
	base := strings.ToLower(path.Base(p))
	if strings.HasSuffix(base, ".svg") {
		return true
	}
	base = strings.TrimSuffix(base, path.Ext(base))
	for _, part := range strings.FieldsFunc(base, func(r rune) bool {
		return !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9')
	}) {
		if flDecorWords[part] || flDecorWords[strings.TrimRight(part, "0123456789")] {
			return true
		}
	}
	return false
}

// flStoreRe finds the store's id in a marketplace image path: Rakuten
// (/@0_mall/ID/, image.rakuten.co.jp/ID/) and Yahoo! Shopping (/i/n/ID_item).
var flStoreRe = shopMustRe(`^/(?:@0_mall/)?([a-z0-9][a-z0-9_-]*)/cabinet/|^/@0_mall/([a-z0-9][a-z0-9_-]*)/|^/i/[a-z]/([a-z0-9-]+)_`)

// flStoreOf returns the marketplace store an image belongs to, or "".
func flStoreOf(src string) string {
	u, err := url.Parse(src)
	if err != nil {
		return ""
	}
	m := flStoreRe.FindStringSubmatch(strings.ToLower(u.Path))
	for _, g := range m[min(1, len(m)):] {
		if g != "" {
			return g
		}
	}
	return ""
}

// flLinkedStores returns the marketplace stores that site links to:
// "rakuten.co.jp/ID" for a link to item.rakuten.co.jp/ID/..., so that a
// shop showing the images of its own marketplace store is not taken for a
// copy.
func flLinkedStores(site *Site) map[string]bool {
	m := map[string]bool{}
	for _, p := range site.Pages {
		for _, l := range p.Links {
			u, err := url.Parse(l.Href)
			if err != nil || u.Host == "" {
				continue
			}
			seg := strings.Split(strings.Trim(strings.ToLower(u.Path), "/"), "/")
			if len(seg) > 0 && seg[0] != "" {
				m[flRegistrable(strings.ToLower(u.Hostname()))+"/"+seg[0]] = true
			}
		}
	}
	return m
}

// checkImagesHotlinked fires when at least three product images, and at
// least 30 % of them, are loaded from other shops' image servers.
func checkImagesHotlinked(site *Site) []Finding {
	imgs := flProductImages(site)
	byHost := map[string]int{}
	byPage := map[int]int{}
	labelOf := map[string]string{} // image host -> marketplace
	hot := 0
	var stores map[string]bool
	for _, im := range imgs {
		h, ok := flHotHostOf(im.host)
		if !ok {
			continue
		}
		own := false
		store := flStoreOf(im.src)
		for _, o := range h.owners {
			if flUnder(site.Domain, o) {
				own = true
			}
			if store != "" {
				if stores == nil {
					stores = flLinkedStores(site)
				}
				own = own || stores[o+"/"+store]
			}
		}
		if own {
			continue
		}
		hot++
		byHost[im.host]++
		byPage[im.page]++
		labelOf[im.host] = h.label
	}
	if hot < 3 || hot*10 < len(imgs)*3 {
		return nil
	}
	hosts := make([]string, 0, len(byHost))
	for h := range byHost {
		hosts = append(hosts, h)
	}
	sort.Slice(hosts, func(i, j int) bool {
		if byHost[hosts[i]] != byHost[hosts[j]] {
			return byHost[hosts[i]] > byHost[hosts[j]]
		}
		return hosts[i] < hosts[j]
	})
	var ev string
	if len(hosts) == 1 {
		ev = fmt.Sprintf("商品画像 %d 枚中 %d 枚が %s から", len(imgs), hot, hosts[0])
	} else {
		var parts []string
		for _, h := range hosts {
			parts = append(parts, fmt.Sprintf("%s %d 枚", h, byHost[h]))
		}
		ev = fmt.Sprintf("商品画像 %d 枚中 %d 枚が他店の画像サーバーから（%s）", len(imgs), hot, strings.Join(parts, ", "))
	}
	page := -1
	for p, n := range byPage {
		if page < 0 || n > byPage[page] || (n == byPage[page] && p < page) {
			page = p
		}
	}
	var names []string // marketplaces, most images first
	for _, h := range hosts {
		if l := labelOf[h]; !flHas(names, l) {
			names = append(names, l)
		}
	}
	return []Finding{{
		Evidence: ev,
		URL:      site.Pages[page].URL,
		Message: Text{
			JA: fmt.Sprintf("商品画像の多くが他の通販サイト（%s）の画像サーバーから読み込まれています", strings.Join(names, "・")),
			EN: fmt.Sprintf("%d of %d product images are loaded from other shopping sites' image servers (%s)", hot, len(imgs), strings.Join(hosts, ", ")),
		},
	}}
}
