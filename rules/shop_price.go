package rules

// price-extreme-discount: regular prices paired with sale prices across
// the product listings, fired when most pairs are more than 70 % off (an
// honest clearance sale stops at 「70%OFF」; fake shops sell at 80-90 %).

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

var (
	// shopRegularRe labels a regular price.
	shopRegularRe = shopMustRe(`(?i)定価|通常価格|通常販売価格|参考価格|参考上代|上代|希望小売価格|メーカー希望小売価格|元値|原価(?:[:：\s¥￥]|$)|市場価格|regular\s+price|list\s+price|original\s+price|\brrp\b|\bmsrp\b|\bwas\b`)
	// shopSaleRe labels a sale price.
	shopSaleRe = shopMustRe(`(?i)販売価格|特価|セール価格|価格|売価|特別価格|当店価格|会員価格|今だけ|今の価格|現在価格|sale|now|\bprice\b`)
)

// shopNotItemBefore and shopNotItemAfter mark amounts that are not an
// item's price: shipping and fees, discounts and coupons, points,
// thresholds (送料 ¥500, 1,000円OFF, 5,000円以上で送料無料).
var (
	shopNotItemBefore = shopMustRe(`(?i)送料|手数料|ポイント|クーポン|割引額|値引額|値引き額|合計|差額|還元|上限|最大|shipping|coupon|\bfee\b`)
	shopNotItemAfter  = shopMustRe(`(?i)^\s?(?:\(税[込抜]\)\s?)?(?:` + shopNotItemWords + `)`)
)

// shopNotItemWords are the words of shopNotItemAfter, and
// shopNotItemWordAt the words anchored: a finite set, which
// shopNotItemAfterMatch tries at the few places the expression's
// optional space and tax note let them start. The expression has too many
// forms for the finite matcher and no literal a prefilter could ask for,
// so the regexp ran after most prices.
const shopNotItemWords = `OFF|オフ|引き|引|割引|値引|クーポン|ポイント|pt|以上|分|相当|還元|お得|安い|まで`

var shopNotItemWordAt = shopMustRe(`(?i)^(?:` + shopNotItemWords + `)`)

// shopNotItemAfterMatch is shopNotItemAfter.MatchString(s): after an
// optional space (\s: tab, newline, form feed, carriage return or space),
// an optional tax note (税込) or (税抜) with an optional space after it,
// one of the words.
func shopNotItemAfterMatch(s string) bool {
	for skip := 0; skip < 2; skip++ {
		if skip == 1 && (s == "" || !shopPerlSpace(s[0])) {
			break
		}
		t := s[skip:]
		if shopNotItemWordAt.MatchString(t) {
			return true
		}
		for _, tax := range [2]string{"(税込)", "(税抜)"} {
			u, ok := strings.CutPrefix(t, tax)
			if !ok {
				continue
			}
			if shopNotItemWordAt.MatchString(u) || u != "" && shopPerlSpace(u[0]) && shopNotItemWordAt.MatchString(u[1:]) {
				return true
			}
		}
	}
	return false
}

// shopPerlSpace reports whether b is a byte of the regexp's \s.
func shopPerlSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

// PricePair is a regular price and the sale price shown with it.
type PricePair struct {
	Regular, Sale int
	URL           string
	// Percent is the discount a badge states (90%OFF) beside a sale price
	// shown without its regular price, which is then worked out from it;
	// 0 when the page gives the regular price.
	Percent int
}

// Discount is the share taken off the regular price, 0 to 1.
func (p PricePair) Discount() float64 { return 1 - float64(p.Sale)/float64(p.Regular) }

// PricePairs pairs each regular price (定価, 通常価格, 参考価格, 希望小売
// 価格, 元値 … or a struck-through <del>/<s>/<strike> price) with the next
// lower price in the same product block (the same line or up to three
// lines on), over all pages, each distinct pair once.
func PricePairs(site *Site) []PricePair {
	return siteDerive(site, memoPricePairs, func(m *siteMemo) *[]PricePair { return &m.pricePairs }, func() []PricePair { return pricePairsUncached(site) })
}

// pricePairsUncached does PricePairs's work; PricePairs keeps its answer for the site.
func pricePairsUncached(site *Site) []PricePair {
	var out []PricePair
	seen := map[[2]int]bool{}
	for _, p := range site.Pages {
		if p == nil || shopScamOn(site, p) || shopJunkPage(p) {
			continue
		}
		for _, pp := range shopPagePricePairs(p) {
			k := [2]int{pp.Regular, pp.Sale}
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, pp)
		}
	}
	return out
}

// shopPagePricePairs is the price pairs of one page, line by line and
// then in its tables, kept on the page (read only).
func shopPagePricePairs(p *Page) []PricePair {
	return pageDerive(p, pagePricePairs, func(m *pageMemo) *[]PricePair { return &m.pricePairs }, func() []PricePair {
		return clip(append(shopPagePairs(p), shopTablePairs(p)...))
	})
}

// shopStruck returns the prices inside struck-through elements of a page
// (del, s, strike), nil when there are none. It walks the document itself
// rather than through goquery, whose selection and map cost allocations
// on every page while most have no such element; TestShopStruckAgrees
// holds it to the goquery way.
func shopStruck(p *Page) map[int]bool {
	var m map[int]bool
	if p.Doc == nil {
		return m
	}
	var classes map[string]bool // struck by the page's style sheets
	for _, root := range p.Doc.Nodes {
		// The elements below root, in document order (as FindMatcher).
		for n := root.FirstChild; n != nil && n != root; {
			if n.Type == html.ElementNode && n.Data == "style" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
				// A sheet in the head strikes the elements after it.
				classes = shopStruckClasses(n.FirstChild.Data, classes)
			}
			if n.Type == html.ElementNode && (n.Data == "del" || n.Data == "s" || n.Data == "strike" || shopStruckByStyle(n, classes)) {
				var text phishTextAcc
				shopStruckText(n, &text)
				for _, pr := range ParsePrices(NFKC(text.String())) {
					if m == nil {
						m = map[int]bool{}
					}
					m[pr.Yen] = true
				}
			}
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			for n != root && n.NextSibling == nil {
				n = n.Parent
			}
			if n != root {
				n = n.NextSibling
			}
		}
	}
	return m
}

// shopStrikeRuleRe finds a style sheet's rules (selectors, declarations);
// shopSheetClassRe a class in a selector.
var (
	shopStrikeRuleRe = regexp.MustCompile(`([^{}]*)\{([^{}]*)\}`)
	shopSheetClassRe = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_-]*)`)
)

// shopStruckClasses adds to m the classes that the style text strikes
// through (a rule with text-decoration line-through: the classes of each
// selector's last compound, as 「.item .old{text-decoration:line-through}」
// strikes class old), making m when it is nil; shop themes strike the
// regular price so as often as with <del>.
func shopStruckClasses(sheet string, m map[string]bool) map[string]bool {
	if !strings.Contains(sheet, "line-through") {
		return m
	}
	if len(sheet) > sheetMaxBytes {
		sheet = sheet[:sheetMaxBytes]
	}
	for _, r := range shopStrikeRuleRe.FindAllStringSubmatch(sheet, sheetMaxRules) {
		if !strings.Contains(r[2], "line-through") {
			continue
		}
		for _, sel := range strings.Split(r[1], ",") {
			f := strings.FieldsFunc(sel, func(c rune) bool { return c == ' ' || c == '>' || c == '+' || c == '~' || c == '\n' || c == '\t' })
			if len(f) == 0 {
				continue
			}
			for _, c := range shopSheetClassRe.FindAllStringSubmatch(f[len(f)-1], -1) {
				if m == nil {
					m = map[string]bool{}
				}
				m[c[1]] = true
			}
		}
	}
	return m
}

// shopStruckByStyle reports whether element n is struck through by its own
// style attribute or by a class the page's sheets strike (classes).
func shopStruckByStyle(n *html.Node, classes map[string]bool) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "style":
			if strings.Contains(a.Val, "line-through") {
				return true
			}
		case "class":
			if len(classes) > 0 {
				for _, c := range strings.Fields(a.Val) {
					if classes[c] {
						return true
					}
				}
			}
		}
	}
	return false
}

// shopStruckText adds the text nodes of n and below, in order, to text:
// goquery's Selection.Text of one node.
func shopStruckText(n *html.Node, text *phishTextAcc) {
	if n.Type == html.TextNode {
		text.add(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		shopStruckText(c, text)
	}
}

// shopPagePairs pairs the prices of one page, line by line.
func shopPagePairs(p *Page) []PricePair {
	struck := shopStruck(p)
	used := shopUsedPage(p)
	var out []PricePair
	pending, pendingLine := 0, -10
	pct, pctLine := 0, -10 // a badge's percent off, on a line without a price
	var prevPrices []Price // the prices of line i-1
	for i, l := range p.Lines {
		prices := ParsePrices(l)
		prevHad := len(prevPrices) > 0
		prevPrices = prices
		if len(prices) == 0 {
			if n := shopBadgePercent(l); n > 0 && RuneCount(l) <= 16 {
				pct, pctLine = n, i
			}
			continue
		}
		linePct := shopBadgePercent(l)
		paired := false
		prevLabelOnly := i > 0 && !prevHad && RuneCount(p.Lines[i-1]) <= 20
		prevEnd := 0
		for j, pr := range prices {
			seg := l[prevEnd:pr.Start]
			if j == 0 && strings.TrimSpace(seg) == "" && prevLabelOnly {
				seg = p.Lines[i-1]
			}
			prevEnd = pr.End
			if shopNotItemBefore.MatchString(seg) || shopNotItemAfterMatch(l[pr.End:]) {
				continue // 送料 ¥500, 1,000円OFF, 5,000円以上: not an item's price
			}
			regular := shopRegularLabel(seg, used)
			if !regular && struck[pr.Yen] && !shopSaleRe.MatchString(seg) && !shopPastLabel(seg, used) {
				// A struck-through price is the regular one, unless its
				// label says it is a past price (新品定価 on a page of
				// used goods, 発売時の定価): struck or not, that is no
				// discount of the shop's.
				regular = true
			}
			if regular {
				pending, pendingLine = pr.Yen, i
				continue
			}
			if pending > 0 && i-pendingLine <= 3 {
				if pr.Yen < pending {
					out = append(out, PricePair{Regular: pending, Sale: pr.Yen, URL: p.URL})
					paired = true
				}
				pending = 0
				continue
			}
			if paired {
				continue
			}
			// A sale price with a badge saying how much is off (「90%OFF
			// ¥19,800」, or the badge on the line just above), and no
			// regular price: the badge's percent gives the pair.
			n := linePct
			if n == 0 && pct > 0 && i-pctLine <= 2 {
				n = pct
			}
			if n > 0 {
				out = append(out, PricePair{Regular: pr.Yen * 100 / (100 - n), Sale: pr.Yen, URL: p.URL, Percent: n})
				paired, pct = true, 0
			}
		}
	}
	return out
}

// shopBadgeRe finds a badge's percent off (90%OFF, 88％オフ, 85%引き, -90%).
var shopBadgeRe = shopMustRe(`(?i)(?:^|[^\d])(\d{2})\s*%\s*(?:off|オフ|引き|引|割引)|(?:^|\s)[-−－]\s*(\d{2})\s*%`)

// shopBadgePercent returns the percent off a line's badge states (10 to
// 95), 0 when it has none or the percent is not an item's discount: up to
// (最大90%OFF), a coupon's or points' (クーポンで20%OFF, ポイント10%還元).
func shopBadgePercent(l string) int {
	if strings.IndexByte(l, '%') < 0 {
		return 0 // most lines: no expression run
	}
	m := shopBadgeRe.FindStringSubmatchIndex(l)
	if m == nil {
		return 0
	}
	var d string
	at := 0 // where the digits start: the match may take the character before them
	switch {
	case m[2] >= 0:
		d, at = l[m[2]:m[3]], m[2]
	case m[4] >= 0:
		d, at = l[m[4]:m[5]], m[4]
	default:
		return 0
	}
	before := l[:at]
	if r := []rune(before); len(r) > 8 {
		before = string(r[len(r)-8:])
	}
	if shopNotItemBefore.MatchString(before) || strings.Contains(before, "まで") || strings.Contains(strings.ToLower(before), "up to") {
		return 0
	}
	n, err := strconv.Atoi(d)
	if err != nil || n < 10 || n > 95 {
		return 0
	}
	return n
}

// shopTablePairs pairs the prices of price tables whose labels head the
// columns, not the prices: a header row with a regular-price cell (通常価格,
// 定価) and a sale-price cell (特別価格, 販売価格), then one product a row.
// The line reading of shopPagePairs cannot see these labels, which stand
// in another row. It walks the parsed nodes directly: goquery selectors
// would be compiled again for every table and row.
func shopTablePairs(p *Page) []PricePair {
	if p.Doc == nil || len(p.Doc.Nodes) == 0 {
		return nil
	}
	var out []PricePair
	used := shopUsedPage(p)
	tables := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && tables < 50; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.Data == "table" {
				tables++
				out = append(out, shopTableRowPairs(c, p.URL, used)...)
			}
			walk(c) // nested tables too
		}
	}
	walk(p.Doc.Nodes[0])
	return out
}

// shopTableRowPairs reads one table: the first row with a regular-price
// label cell and a sale-price label cell (and no price in them) sets the
// columns; each later row with prices in both gives a pair.
func shopTableRowPairs(table *html.Node, url string, used bool) []PricePair {
	var out []PricePair
	reg, sale, rows := -1, -1, 0
	var cells []string
	var eachRow func(n *html.Node)
	eachRow = func(n *html.Node) {
		for c := n.FirstChild; c != nil && rows < 200; c = c.NextSibling {
			if c.Type != html.ElementNode || c.Data == "table" {
				continue // a nested table is read on its own
			}
			if c.Data != "tr" {
				eachRow(c) // thead, tbody, tfoot
				continue
			}
			rows++
			cells = cells[:0]
			for td := c.FirstChild; td != nil && len(cells) < 20; td = td.NextSibling {
				if td.Type == html.ElementNode && (td.Data == "td" || td.Data == "th") {
					cells = append(cells, NFKC(shopNodeText(td, 200)))
				}
			}
			if reg < 0 || sale < 0 {
				r, s := -1, -1
				for ci, t := range cells {
					if RuneCount(t) > 20 || len(ParsePrices(t)) > 0 {
						continue
					}
					switch {
					case r < 0 && shopRegularLabel(t, used):
						r = ci
					case s < 0 && shopSaleRe.MatchString(t) && !shopNotItemBefore.MatchString(t):
						s = ci
					}
				}
				if r >= 0 && s >= 0 {
					reg, sale = r, s
				}
				continue
			}
			if reg >= len(cells) || sale >= len(cells) {
				continue
			}
			rp, sp := ParsePrices(cells[reg]), ParsePrices(cells[sale])
			if len(rp) > 0 && len(sp) > 0 && sp[0].Yen < rp[0].Yen {
				out = append(out, PricePair{Regular: rp[0].Yen, Sale: sp[0].Yen, URL: url})
			}
		}
	}
	eachRow(table)
	return out
}

// shopNodeText is the text under n (scripts and styles left out), at most
// about max bytes: a table cell's.
//
// Most cells hold one text node: its text is the answer as it is, so the
// texts are joined (in a Builder) only from the second non-empty one on.
func shopNodeText(n *html.Node, max int) string {
	var first string // the text so far while it is one node's
	var b strings.Builder
	joined := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && (joined && b.Len() < max || !joined && len(first) < max); c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				switch {
				case joined:
					b.WriteString(c.Data)
				case first == "":
					first = c.Data
				case c.Data != "":
					b.WriteString(first)
					b.WriteString(c.Data)
					joined = true
				}
			case c.Type == html.ElementNode && !skipTags[c.Data]:
				walk(c)
			}
		}
	}
	walk(n)
	if joined {
		return b.String()
	}
	return first
}

// shopPastLabel reports whether seg holds a regular-price label and every
// one is a past price's (shopHistoric).
func shopPastLabel(seg string, used bool) bool {
	regs := shopRegularRe.FindAllStringIndex(seg, -1)
	return len(regs) > 0 && !slices.ContainsFunc(regs, func(r []int) bool { return !shopHistoric(seg[:r[0]], used) })
}

// shopRegularLabel reports whether the text before a price labels it as
// the regular price: a regular-price label comes after any sale-price
// label ("定価 ¥38,000 のところ 特価 ¥4,980" labels the second price as
// the sale price; 通常販売価格 is a regular label although it holds 販売価格).
//
// used says the page sells used goods: a price when new (新品定価, 旧定価)
// is then a past one too.
func shopRegularLabel(seg string, used bool) bool {
	regs := shopRegularRe.FindAllStringIndex(seg, -1)
	regs = slices.DeleteFunc(regs, func(r []int) bool { return shopHistoric(seg[:r[0]], used) })
	if len(regs) == 0 {
		return false
	}
	blank := []byte(seg)
	for _, r := range regs {
		for k := r[0]; k < r[1]; k++ {
			blank[k] = ' '
		}
	}
	sales := shopSaleRe.FindAllStringIndex(string(blank), -1)
	return sales == nil || sales[len(sales)-1][0] < regs[len(regs)-1][0]
}

// shopHistoricRe ends a text that makes the regular price after it a
// past one (発売時定価, 当時の定価, 新品時の価格): the list price a used camera
// had in 1980 is no price a shop cuts, and a second-hand shop that prints
// it is no fake one for that. shopHistoricUsedRe adds 新品 and 旧, which
// say so only on a page of used goods (shopUsedPage): a fake brand shop's
// 「新品 定価 ¥128,000」 calls its goods new.
var (
	shopHistoricRe     = shopMustRe(`(?:発売時|発売当時|販売当時|当時|新品時|新品購入時|購入時)(?:の)?\s?$`)
	shopHistoricUsedRe = shopMustRe(`(?:新品|旧)(?:の)?\s?$`)
	// shopUsedRe marks a page of used goods in its title or a heading;
	// shopNotUsedRe undoes it (中古品ではありません).
	shopUsedRe    = shopMustRe(`中古|ユーズド|ジャンク|リユース|USED|Used`)
	shopNotUsedRe = shopMustRe(`中古品?では(?:ありません|ない|ございません)|中古品?でなく|中古品?ではなく`)
)

// shopJunkRe marks, in a page's title or a heading, a sale of goods sold
// as broken (ジャンク) or a bazaar of donated goods (バザー): a tenth of the
// price when new is what such goods fetch, no sign of a fake shop.
var shopJunkRe = shopMustRe(`ジャンク|バザー|チャリティー?セール`)

// shopJunkPage reports whether p's title or a heading says it sells junk or
// holds a bazaar (shopJunkRe).
func shopJunkPage(p *Page) bool {
	return shopJunkRe.MatchString(p.Title) || slices.ContainsFunc(p.shownHeadings(), shopJunkRe.MatchString)
}

// shopUsedPage reports whether p says in its title or a heading that it
// sells used goods: the body is no guide (a fake shop's 「中古品ではありま
// せん」, a copied 古物商 licence, "never used").
func shopUsedPage(p *Page) bool {
	says := func(t string) bool { return shopUsedRe.MatchString(t) && !shopNotUsedRe.MatchString(t) }
	return says(p.Title) || slices.ContainsFunc(p.shownHeadings(), says)
}

// shopHistoric reports whether before (the text up to a regular-price
// label) ends with a word of shopHistoricRe (or, on a page of used goods,
// of shopHistoricUsedRe).
func shopHistoric(before string, used bool) bool {
	if len(before) > 24 {
		cut := len(before) - 24
		for cut < len(before) && !utf8.RuneStart(before[cut]) {
			cut++
		}
		before = before[cut:]
	}
	return shopHistoricRe.MatchString(before) || used && shopHistoricUsedRe.MatchString(before)
}

// shopSteepDiscount is the discount beyond which a price pair is steep: a
// shade above 70 %, so that a 「70%OFF」 rounded to the yen stays under it.
const shopSteepDiscount = 0.705

// shopInStoreOnlyRe finds a shop saying it sells in its store only: a
// closing-down sale of display items (展示品 売り尽くし) is no online offer,
// and a fake shop never turns orders away. Shipping limits (沖縄・離島への
// 配送は行っておりません) are no such statement: fake shops write them too.
var shopInStoreOnlyRe = shopMustRe(`(?:^|[。、\s])(?:当店では|当店は)?(?:通信販売|通販|ネット(?:での)?販売|オンライン(?:での)?販売)(?:は|も)?(?:行って|して|いたして|承って)(?:おり)?ません|店頭(?:での)?(?:販売|お渡し)のみ|店頭でのみ(?:販売|お渡し)`)

// shopInStoreOnly reports whether a page of site says the goods are sold
// in the store only.
func shopInStoreOnly(site *Site) bool {
	for _, p := range site.Pages {
		if p != nil && shopPageInStoreOnly(p) {
			return true
		}
	}
	return false
}

// shopPageInStoreOnly is shopInStoreOnlyText(p.Text), kept on the page: a
// shop's shared pages are read again by the check of each of its product
// pages.
func shopPageInStoreOnly(p *Page) bool {
	return pageDerive(p, pageInStoreOnly, func(m *pageMemo) *bool { return &m.inStoreOnly }, func() bool { return shopInStoreOnlyText(p.Text) })
}

// shopInStoreOnlyText is shopInStoreOnlyRe.MatchString(s), asked line by
// line of the lines that hold ません or 店頭, as every match does. No match
// holds a line break but the one before it, where the line's own start
// (^) stands in for it. Over a whole page's text the expression, whose
// prefilter every shop page passes (通販), ran Go's backtracker from each
// position: some 170,000 instructions a page, 3 % of a batch of crawled
// shops.
func shopInStoreOnlyText(s string) bool {
	for line := range strings.Lines(s) {
		if (strings.Contains(line, "ません") || strings.Contains(line, "店頭")) && shopInStoreOnlyRe.MatchString(line) {
			return true
		}
	}
	return false
}

// shopPriceRule is price-extreme-discount.
func shopPriceRule() Rule {
	return Rule{
		ID: "price-extreme-discount", Severity: Medium, Points: 20, Topic: "shopping", NeedsPage: true,
		Summary: Text{
			JA: "定価・通常価格に比べて極端に安い（3件以上の価格の過半が70%を超える値引き）",
			EN: "prices far below the stated regular price (most of at least 3 price pairs are more than 70 % off)",
		},
		Message: Text{
			JA: "多くの商品が定価から70%を超えて値引きされています。有名ブランド品の極端な安売りは偽サイトの典型です。",
			EN: "Most products are sold at more than 70 % off the regular price; extreme discounts on brand goods are typical of fake shops.",
		},
		Check: func(site *Site) []Finding {
			pairs := PricePairs(site)
			if len(pairs) < 3 || shopInStoreOnly(site) {
				return nil
			}
			var ds []float64
			var example *PricePair
			steep := 0
			for i, p := range pairs {
				d := p.Discount()
				ds = append(ds, d)
				if d > shopSteepDiscount {
					steep++
					if example == nil {
						example = &pairs[i]
					}
				}
			}
			if steep*2 <= len(pairs) {
				return nil
			}
			sort.Float64s(ds)
			med := ds[len(ds)/2]
			if len(ds)%2 == 0 {
				med = (ds[len(ds)/2-1] + ds[len(ds)/2]) / 2
			}
			ex := "定価 " + FormatYen(example.Regular) + " → " + FormatYen(example.Sale)
			exEN := "regular price " + FormatYen(example.Regular) + " → " + FormatYen(example.Sale)
			if example.Percent > 0 {
				ex = fmt.Sprintf("%d%%OFF %s（定価の表示なし）", example.Percent, FormatYen(example.Sale))
				exEN = fmt.Sprintf("%d%% off, %s (no regular price shown)", example.Percent, FormatYen(example.Sale))
			}
			return []Finding{{
				Evidence: fmt.Sprintf("%d件中%d件が70%%超の値引き (中央値 %.0f%%引き): %s",
					len(pairs), steep, med*100, ex),
				EvidenceEN: fmt.Sprintf("%d of %d prices more than 70%% off (median %.0f%% off): %s",
					steep, len(pairs), med*100, exEN),
				URL: example.URL,
			}}
		},
	}
}
