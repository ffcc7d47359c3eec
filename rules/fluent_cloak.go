package rules

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"unicode/utf8"
)

// The cloaking sign. The pipeline fetches the first page as a desktop
// browser and as a smartphone and puts the other version in site.Alt.
// Fake shops often show reviewers on a PC a harmless page (a server's
// default page, a blog, an error) and show the shop only to smartphones,
// where their advertising sends buyers.

// The kinds of a fetched version.
const (
	flUnknown = iota // cannot be judged: a script-only shell, a server error, rate limiting
	flBad            // a placeholder, default, parked, error or blank page
	flOther          // content that is not a shop (a blog, a company page)
	flShop           // a shop: prices, a cart, payment words
)

var flPlaceholders = sync.OnceValue(func() []string {
	var ps []string
	for _, l := range lines("fluent_placeholder_pages.txt") {
		ps = append(ps, flCompact(NFKC(l)))
	}
	return ps
})

var (
	flShopPayWords = shopMustRe(`銀行振込|クレジットカード|代金引換|代引|お支払い|決済|送料`)
	flShopWords    = shopMustRe(`通販|ショップ|shop|store|送料無料|在庫|セール|sale|%off|割引|激安|新品|正規品|公式`)
	// flSwitchPage marks a page that sends the visitor elsewhere on
	// purpose: an app interstitial or a PC/smartphone version switch.
	flSwitchPage = shopMustRe(`アプリ|appstore|googleplay|apps\.apple\.com|play\.google\.com|スマホ版|スマートフォン版|pc版|パソコン版|モバイル版|スマホ専用|スマートフォン専用|携帯専用|スマホでアクセス|スマートフォンでアクセス|qrコード`)
)

// flVersion is what one fetch of the first page looks like.
type flVersion struct {
	kind     int
	reason   string // why it is bad (a phrase, a status, "blank")
	shop     int    // 0-5: prices, cart, payment and shop words
	title    string // compact title
	label    string // title or first line, for evidence
	shingles map[uint32]bool
}

func flReadVersion(p *Page) flVersion {
	v := flVersion{kind: flUnknown}
	if p == nil {
		return v
	}
	v.title = flCompact(Clip(p.Title, 200))
	v.label = p.Title
	if v.label == "" && len(p.Lines) > 0 {
		v.label = p.Lines[0]
	}
	v.label = Clip(v.label, 40)
	switch {
	case p.Status == 401 || p.Status == 403 || p.Status == 404 || p.Status == 410 || p.Status == 451:
		v.kind, v.reason = flBad, fmt.Sprintf("HTTP %d", p.Status)
		return v
	case p.Status != 0 && (p.Status < 200 || p.Status >= 300):
		return v // 5xx, 429, an unfollowed redirect: may be transient
	}
	// The start of a page tells a placeholder from a shop; a hostile
	// megabyte-long page is read no further.
	text := flCompact(flPrefix(p.Text, 200_000))
	short := RuneCount(text) < 600
	for _, ph := range flPlaceholders() {
		if strings.Contains(v.title, ph) || (short && strings.Contains(text, ph)) {
			v.kind, v.reason = flBad, ph
			return v
		}
	}
	if RuneCount(text) < 200 && (flSwitchPage.MatchString(text) || flSwitchPage.MatchString(v.title)) {
		// 「スマートフォン専用サイトです」 with a QR code: a site made for
		// phones that says so, not a disguise.
		return v
	}
	if RuneCount(text) < 20 {
		if p.Doc != nil && p.Doc.FindMatcher(flScriptSel).Length() > 0 {
			return v // a page built by scripts: its text cannot be compared
		}
		v.kind, v.reason = flBad, "blank"
		return v
	}
	prices := map[string]bool{}
	for _, m := range flPriceRe.FindAllString(text, -1) {
		prices[m] = true
	}
	switch {
	case len(prices) >= 3:
		v.shop += 2
	case len(prices) >= 1:
		v.shop++
	}
	if flCartWords.MatchString(text) {
		v.shop++
	}
	if flShopPayWords.MatchString(text) {
		v.shop++
	}
	if flShopWords.MatchString(text) {
		v.shop++
	}
	v.kind = flOther
	if v.shop >= 3 {
		v.kind = flShop
	} else if flSwitchPage.MatchString(text) || flSwitchPage.MatchString(v.title) {
		v.kind = flUnknown // an app banner or a version switch, not a disguise
		return v
	}
	v.shingles = flShingles(text)
	return v
}

// flPrefix cuts s to at most n bytes, at a rune boundary.
func flPrefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// flShingles hashes the 5-rune shingles of the first 20,000 runes of s.
func flShingles(s string) map[uint32]bool {
	r := []rune(s)
	if len(r) > 20000 {
		r = r[:20000]
	}
	m := make(map[uint32]bool, len(r))
	for i := 0; i+5 <= len(r); i++ {
		h := uint32(2166136261) // FNV-1a over the five code points
		for _, c := range r[i : i+5] {
			h = (h ^ uint32(c)) * 16777619
		}
		m[h] = true
	}
	return m
}

// flJaccard is the share of shingles two texts have in common.
func flJaccard(a, b map[uint32]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// flSimilarTitles reports whether two compact titles name the same page:
// equal, one containing the other, or sharing most character pairs (a
// different separator or shop-name suffix).
func flSimilarTitles(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	if (RuneCount(a) >= 4 && strings.Contains(b, a)) || (RuneCount(b) >= 4 && strings.Contains(a, b)) {
		return true
	}
	pairs := func(s string) map[string]int {
		r := []rune(s)
		m := map[string]int{}
		for i := 0; i+2 <= len(r); i++ {
			m[string(r[i:i+2])]++
		}
		return m
	}
	pa, pb := pairs(a), pairs(b)
	common, total := 0, 0
	for k, n := range pa {
		total += n
		if c := pb[k]; c > 0 {
			common += min(n, c)
		}
	}
	for _, n := range pb {
		total += n
	}
	return total > 0 && float64(2*common)/float64(total) >= 0.5
}

// CompareVersions reports whether two fetches of the same first page differ
// in substance (one a placeholder, an error or a blank page, the other a
// shop; a placeholder for desktops and content for smartphones; or two
// unrelated pages, one of them a shop, with different titles and little
// shared text), and which one is worse (more suspicious, the one
// to score and crawl from). Minor differences (a responsive layout, another
// banner, a timestamp, a session token) do not count, nor does a version
// that cannot be judged (a page built only by scripts, a server error).
func CompareVersions(desktop, mobile *Page) (differ bool, useMobile bool, evidence string) {
	if desktop != nil && mobile != nil && desktop.Status == mobile.Status &&
		desktop.Title == mobile.Title && desktop.Text == mobile.Text {
		return false, false, "" // the usual case: one page for every browser
	}
	d, m := flReadVersion(desktop), flReadVersion(mobile)
	if d.kind == flUnknown || m.kind == flUnknown {
		return false, false, ""
	}
	show := func(v flVersion) string {
		if v.kind == flBad && strings.HasPrefix(v.reason, "HTTP ") {
			return v.reason + ` "` + v.label + `"`
		}
		if v.label == "" {
			return "(空白)"
		}
		return `"` + v.label + `"`
	}
	ev := "PC: " + show(d) + " / スマホ: " + show(m)
	switch {
	case d.kind == flBad && m.kind == flShop:
		return true, true, ev
	case m.kind == flBad && d.kind == flShop:
		return true, false, ev
	case d.kind == flBad && m.kind == flOther:
		// Content for smartphones only, an error or a blank page for
		// desktops: how phishing kits and one-click pages hide from
		// crawlers and reviewers. (The other way round is more often a
		// mobile site left broken.)
		return true, true, ev
	case d.kind == flBad || m.kind == flBad:
		return false, false, ""
	}
	if flSimilarTitles(d.title, m.title) {
		return false, false, ""
	}
	jac := flJaccard(d.shingles, m.shingles)
	if d.kind != flShop && m.kind != flShop {
		// Two pages that are no shop: a form asking for secrets shown to
		// one browser only, under another title, is how SMS phishing kits
		// hide from a desktop reviewer ("準備中" for desktops, the login
		// for phones), whatever site chrome the two share.
		if mk, dk := flKitLike(mobile), flKitLike(desktop); mk != dk {
			return true, mk, ev
		}
		return false, false, ""
	}
	limit := 0.2
	if d.kind == flShop && m.kind == flShop {
		limit = 0.1
	}
	if jac >= limit {
		return false, false, ""
	}
	useMobile = m.kind == flShop && (d.kind != flShop || m.shop >= d.shop)
	return true, useMobile, fmt.Sprintf("%s（共通部分 %.0f%%）", ev, jac*100)
}

// SmartphoneOnly reports whether p is a short notice that the site is for
// smartphones (「スマートフォン専用です」, a QR code to open it on a phone):
// no disguise, so no cloaking, but the page a phone is shown is then the
// site's page to score.
func SmartphoneOnly(p *Page) bool {
	if p == nil || p.Status != 200 {
		return false
	}
	text := flCompact(flPrefix(p.Text, 2000))
	// A page that asks for secrets itself is no notice (a PayPay kit
	// speaks of QRコード決済).
	return RuneCount(text) < 200 && flPhoneOnly.MatchString(text+" "+flCompact(p.Title)) && !flAsksSecrets(p)
}

// flPhoneOnly are the words of a notice that a site is for phones only.
var flPhoneOnly = shopMustRe(`スマホ専用|スマートフォン専用|携帯専用|スマホでアクセス|スマートフォンでアクセス|スマホからアクセス|スマートフォンからアクセス|スマホでご覧|スマートフォンでご覧`)

// flKitLike reports whether p asks for secrets while presenting itself as
// a brand: an honest small site's own member login shown to phones beside
// its desktop front page is no disguise; a bank's login on a stranger's
// host is.
func flKitLike(p *Page) bool {
	if !flAsksSecrets(p) {
		return false
	}
	brands := phishBrandsOf(nil)
	return len(brands) > 0 && len(phishPresentedPage(p, brands)) > 0
}

// flAsksSecrets reports whether p has a form asking for secrets (a
// password, a card, a PIN: phishFormsCreds) on a host that is no brand's
// own (a bank's real mobile login beside its desktop portal is no kit).
func flAsksSecrets(p *Page) bool {
	if len(phishFormsCreds(p)) == 0 {
		return false
	}
	u, err := url.Parse(p.URL)
	return err != nil || !phishOfficialHost(phishBrandsOf(nil), u.Hostname())
}

// checkCloaking fires when the desktop and smartphone versions of the first
// page differ in substance.
func checkCloaking(site *Site) []Finding {
	if site.Alt == nil || len(site.Pages) == 0 {
		return nil
	}
	desktop, mobile := site.Pages[0], site.Alt
	if !site.AltMobile {
		desktop, mobile = site.Alt, site.Pages[0]
	}
	differ, useMobile, ev := CompareVersions(desktop, mobile)
	if !differ {
		return nil
	}
	msg := Text{
		JA: "スマートフォンにだけ通販ページを表示し、パソコンには別のページを見せています（クローキング）",
		EN: "The site shows the shop to smartphones only and another page to desktop browsers (cloaking)",
	}
	if d, m := flReadVersion(desktop), flReadVersion(mobile); d.kind != flShop && m.kind != flShop && d.kind != flBad && m.kind != flBad {
		// Two pages of their own, one a brand's login (CompareVersions'
		// secrets case).
		side := Text{JA: "スマートフォン", EN: "smartphones"}
		other := Text{JA: "パソコン", EN: "desktop browsers"}
		if !useMobile {
			side, other = other, side
		}
		msg = Text{
			JA: side.JA + "にだけ企業を名乗る入力フォームを表示し、" + other.JA + "には別のページを見せています（クローキング）。フィッシングのページが調査の目を逃れる手口です",
			EN: "The site shows a form that presents itself as a company to " + side.EN + " only and another page to " + other.EN + " (cloaking), as phishing pages do to hide from scanners",
		}
	} else if useMobile && m.kind != flShop {
		msg = Text{
			JA: "スマートフォンにだけ中身のあるページを表示し、パソコンにはエラーや空白のページを見せています（クローキング）。フィッシングやワンクリック詐欺のページが調査の目を逃れる手口です",
			EN: "The site shows its content to smartphones only and an error or blank page to desktop browsers (cloaking), as phishing and one-click pages do to hide from scanners",
		}
	} else if !useMobile {
		msg = Text{
			JA: "パソコンにだけ通販ページを表示し、スマートフォンには別のページを見せています（クローキング）",
			EN: "The site shows the shop to desktop browsers only and another page to smartphones (cloaking)",
		}
	}
	return []Finding{{Evidence: ev, URL: site.Pages[0].URL, Message: msg}}
}
