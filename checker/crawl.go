package checker

import (
	"net/netip"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/shopcheck/shopcheck/rules"
)

// linkHints are the words that mark a link to the pages that hold a shop's
// seller disclosure and payment terms, with their weight: the 特定商取引法
// page first, then the payment guide, then the company and shipping pages.
var linkHints = []struct {
	word   string
	weight int
}{
	{"特定商取引", 100}, {"特商法", 100}, {"特定商取引に関する", 100}, {"tokusho", 90}, {"tokutei", 90},
	{"legal", 60}, {"law", 70}, {"commercial", 40},
	{"お支払", 80}, {"支払方法", 80}, {"支払い方法", 80}, {"決済", 70}, {"payment", 70},
	{"ご利用ガイド", 75}, {"ショッピングガイド", 75}, {"ガイド", 50}, {"guide", 50}, {"ご利用案内", 60},
	// A breeder's 動物取扱業の表示 (動物愛護管理法): the seller's name,
	// premises and registration, its disclosure.
	{"動物取扱業", 65},
	{"会社概要", 60}, {"運営会社", 60}, {"運営者", 55}, {"ショップ情報", 55}, {"company", 50}, {"about", 30},
	{"配送", 40}, {"送料", 35}, {"shipping", 35}, {"delivery", 30},
	{"ご注文方法", 70}, {"注文方法", 70}, {"ご購入方法", 70}, {"購入方法", 70}, {"お買い物の流れ", 70},
	{"ご注文の流れ", 70}, {"お買い物ガイド", 75}, {"振込", 70}, {"howto", 45}, {"how-to", 45},
	{"flow", 40}, {"order", 35}, {"ご注文", 40}, {"お買い物", 40}, {"ご購入", 40}, {"流れ", 30},
	{"お問い合わせ", 25}, {"contact", 25}, {"faq", 15}, {"よくある質問", 15},
	{"返品", 20}, {"交換", 10},
	// A bakery or farm whose mail order is one page of its site (冷凍パン
	// 通販, 「特定商取引法の表記は通販ページをご覧ください」): its terms and
	// disclosure are there.
	{"通販", 60}, {"tsuhan", 55}, {"オンラインショップ", 45}, {"onlineshop", 40}, {"online-shop", 40},
	// A service's fee page (a tutor's, a school's 料金): its payment terms.
	{"料金", 45}, {"ryokin", 40}, {"ryoukin", 40},
	// A donation's application (an imitation ふるさと納税 site) is its
	// payment page; an application form states its terms.
	{"寄附", 70}, {"寄付", 70}, {"お申込", 45}, {"申込", 40}, {"申し込み", 40},
	// Product lists and sales: many prices on one page, what
	// price-extreme-discount reads. Just above a single product page.
	{"商品一覧", 24}, {"一覧", 21}, {"セール", 22}, {"sale", 21}, {"outlet", 21}, {"アウトレット", 21},
	{"collections", 22}, {"カテゴリ", 21}, {"category", 21}, {"福袋", 21},
	// The next step of a phishing flow (a fake courier's "request
	// redelivery", a fake bank's "verify"): the form that asks for the
	// card or the PIN is often one page in. Below the disclosure,
	// payment, guide, company and shipping hints and below product pages
	// (productScore, even with a link text's +5), so an honest shop spends
	// its slots on its own pages first; a phishing page has few links.
	{"再配達", 14}, {"依頼する", 13}, {"本人確認", 14}, {"手続き", 12}, {"手続", 11}, {"次へ", 10},
	{"進む", 10}, {"認証", 9}, {"verify", 10}, {"continue", 8}, {"ログイン", 7}, {"login", 6},
}

// productScore is the score of a link to a product page: below the pages
// that hold payment terms and the disclosure, but read when slots remain,
// since product descriptions carry signs of their own (copied listings).
const productScore = 20

// frameScore is the score of a same-site page shown in an <iframe> or
// <frame>: above every hint, since it is what the page shows.
const frameScore = 110

// productPath marks product pages by their address.
var productPath = regexp.MustCompile(`(?i)/(item|items|product|products|goods|shohin|syohin|detail)s?([/_.?-]|$)`)

// skipExts are file endings that are never pages worth crawling.
var skipExts = map[string]bool{"jpg": true, "jpeg": true, "png": true, "gif": true, "webp": true, "svg": true, "ico": true,
	"css": true, "js": true, "pdf": true, "zip": true, "mp4": true, "mp3": true, "woff": true, "woff2": true, "ttf": true,
	"apk": true, "exe": true, "msi": true, "dmg": true}

// skipPath reports whether path ends in one of skipExts, in any case:
// what follows the last dot is looked up, lower-cased. An ending with
// other than ASCII is compared rune by rune under Unicode's simple case
// folding (strings.EqualFold: ſ is an s), as a (?i) expression would.
func skipPath(path string) bool {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return false
	}
	ext := path[i+1:]
	for j := 0; j < len(ext); j++ {
		if ext[j] >= utf8.RuneSelf {
			for e := range skipExts {
				if strings.EqualFold(ext, e) {
					return true
				}
			}
			return false
		}
	}
	return skipExts[strings.ToLower(ext)]
}

// productRoots are parts of productPath's words that no (?i) fold of a
// non-ASCII letter can spell (none holds s or k): a path without one of
// them is no product page, and the expression is not run.
var productRoots = []string{"item", "product", "good", "hohin", "yohin", "detail"}

// productLink is productPath.MatchString(path), the expression run only
// on paths that hold one of productRoots.
func productLink(path string) bool {
	lower := rules.Lower(path)
	for _, r := range productRoots {
		if strings.Contains(lower, r) {
			return productPath.MatchString(path)
		}
	}
	return false
}

// hintIndex finds linkHints in a string in one pass: each hint's first
// two bytes are marked in a bitmap, and only where a marked pair stands
// are the hints that start with it compared.
type hintIndex struct {
	pairs [1 << 16 / 64]uint64
	by    map[uint16][]int // the hints (indexes into linkHints) starting with a pair
}

// linkHintIndex is the hintIndex of linkHints, built once.
var linkHintIndex = sync.OnceValue(func() *hintIndex {
	x := &hintIndex{by: map[uint16][]int{}}
	for i, h := range linkHints {
		k := uint16(h.word[0])<<8 | uint16(h.word[1])
		x.pairs[k/64] |= 1 << (k % 64)
		x.by[k] = append(x.by[k], i)
	}
	return x
})

// best returns the highest weight (plus bonus) of the hints in s, 0 when
// there are none: the score the loop over linkHints with strings.Contains
// gives.
func (x *hintIndex) best(s string, bonus int) int {
	score := 0
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if x.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, h := range x.by[k] {
			if w := linkHints[h].weight + bonus; w > score && strings.HasPrefix(s[i:], linkHints[h].word) {
				score = w
			}
		}
	}
	return score
}

type rankedLink struct {
	url   string
	score int
}

// rankLinks scores the same-site links of page by how likely they lead to
// the disclosure or payment pages; links with no hint are left out.
// linkHints' words are lower-case already (TestLinkHintsLowerCase), so
// only each link's text and path are lower-cased, once.
func rankLinks(page *rules.Page, domain string, seen map[string]bool) []rankedLink {
	best := map[string]int{}
	hints := linkHintIndex()
	var lastHost, lastDomain string // a page's links mostly share one host
	for _, l := range page.Links {
		u, err := url.Parse(l.Href)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "file") {
			continue
		}
		u.Fragment = ""
		if skipPath(u.Path) {
			continue
		}
		if u.Scheme != "file" {
			if h := u.Hostname(); h != lastHost || lastHost == "" {
				lastHost, lastDomain = h, domainOf(u)
			}
			if lastDomain == "" || lastDomain != domain {
				continue
			}
		}
		s := u.String()
		if seen[canonicalOf(u)] {
			continue
		}
		text := rules.Lower(l.Text)
		path := rules.Lower(u.Path + "?" + u.RawQuery)
		// Link text says more than a path: its hints weigh 5 more.
		score := max(hints.best(text, 5), hints.best(path, 0))
		if score == 0 && (l.Image || productLink(u.Path)) {
			score = productScore
		}
		if l.Frame {
			// A page shown inside this one is its content: a kit framed
			// on a hacked site is read as the page it is.
			score = max(score, frameScore)
		}
		if score > best[s] {
			best[s] = score
		}
	}
	out := make([]rankedLink, 0, len(best))
	for u, s := range best {
		if s > 0 {
			out = append(out, rankedLink{url: u, score: s})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].score != out[j].score {
			return out[i].score > out[j].score
		}
		return out[i].url < out[j].url
	})
	return out
}

// canonical is the form of a URL used to tell whether it was seen: no
// fragment, no trailing slash difference, lower-case host.
func canonical(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Fragment = ""
	u.Host = strings.ToLower(u.Host)
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// canonicalOf is canonical(u.String()) without printing and parsing u
// again (TestCanonicalOfAgrees). u is not changed.
func canonicalOf(u *url.URL) string {
	c := *u
	c.Fragment, c.RawFragment = "", ""
	c.Host = strings.ToLower(c.Host)
	if c.Path == "" {
		c.Path = "/"
	}
	return c.String()
}

var refreshURL = regexp.MustCompile(`(?i)^\s*\d*\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]+)`)

// firstRefresh finds, in document order under n, the first <meta> whose
// http-equiv is "refresh" (nil when there is none).
func firstRefresh(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
		for _, a := range n.Attr {
			if a.Key == "http-equiv" {
				if strings.EqualFold(strings.TrimSpace(a.Val), "refresh") {
					return n
				}
				break
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := firstRefresh(c); m != nil {
			return m
		}
	}
	return nil
}

// metaRefresh returns the absolute URL of a quick (at most 5 s) meta
// refresh on page, or "" when it has none. Such pages are often a bare
// hop in front of the real shop.
func metaRefresh(page *rules.Page) string {
	if page == nil || page.Doc == nil {
		return ""
	}
	var meta *html.Node
	for _, root := range page.Doc.Nodes {
		if meta = firstRefresh(root); meta != nil {
			break
		}
	}
	if meta == nil {
		return ""
	}
	content, ok := attrOK(meta, "content")
	if !ok {
		return ""
	}
	delay := strings.TrimSpace(content)
	if i := strings.IndexAny(delay, ";,"); i >= 0 {
		delay = strings.TrimSpace(delay[:i])
	}
	if n, err := strconv.ParseFloat(delay, 64); delay != "" && (err != nil || n > 5) {
		return ""
	}
	m := refreshURL.FindStringSubmatch(content)
	if m == nil || !strings.Contains(strings.ToLower(content), "url") {
		return ""
	}
	base := page.ParsedURL()
	if base == nil {
		return ""
	}
	u, err := base.Parse(strings.TrimSpace(m[1]))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// stubNext returns where a first page that is only a hop sends the
// browser: a quick meta refresh, the first literal address its scripts
// give the location on load, or another site's page it shows over its
// whole window (frameHop); "" when none. A hop from a stranger's
// site to a brand's own is not followed (toBrand): the brand's page says
// nothing of the kit's, and the scripts' next address is tried instead (a
// kit sends other countries' visitors to the brand, its own to itself).
func (cr *crawl) stubNext(page *rules.Page) string {
	if next := metaRefresh(page); next != "" {
		if cr.toBrand(page.URL, next) {
			return ""
		}
		return next
	}
	for _, next := range scriptRedirects(page) {
		if !cr.toBrand(page.URL, next) {
			return next
		}
	}
	if next := frameHop(page); next != "" && !cr.toBrand(page.URL, next) {
		return next
	}
	return ""
}

// toBrand reports whether a hop from one address to another leads from a
// site that is not a brand's to one of the brand's own: kits send their
// visitors (and crawlers) on to the real site. Asked of the address a hop
// names and again of where it ended, after the redirects (the kit's own
// 302, an open redirect).
func (cr *crawl) toBrand(from, to string) bool {
	brands := cr.c.opts.Data.Brands
	u, err := url.Parse(to)
	if err != nil || !brands.OfficialHost(u.Hostname()) {
		return false
	}
	p, err := url.Parse(from)
	return err != nil || !brands.OfficialHost(p.Hostname())
}

// isIPHost reports whether h is an IP address literal.
func isIPHost(h string) bool {
	if !mayBeIP(h) {
		return false
	}
	_, err := netip.ParseAddr(strings.Trim(h, "[]"))
	return err == nil
}
