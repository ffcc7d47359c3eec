package rules

// The seller's disclosure under the 特定商取引法 (or a 会社概要 or
// 運営者情報 page), the seller's contact addresses, and the signs
// seller-info-missing and contact-free-email.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Disclosure is a seller disclosure found on a page: the whole page (a
// 特定商取引法に基づく表記 page) or a section of one.
type Disclosure struct {
	URL string
	// Heading is the title or heading that marked it ("" when the page was
	// only recognised by its labels or by the link that led to it).
	Heading string
	Seller  string // 販売業者 … as printed; "" when not found
	Manager string // 運営統括責任者 / 代表者 (a person, not the seller)
	Address string // the first full address (prefecture, city, block number)
	Phone   string // the first phone number, as printed
	// ForeignAddress and ForeignPhone are an address and phone abroad,
	// read when no Japanese one is (see FindForeignAddress).
	ForeignAddress, ForeignPhone string
	Emails                       []string
	// AddressWithheld / PhoneWithheld: the disclosure says it will give the
	// address / phone on request (請求があれば遅滞なく開示).
	AddressWithheld bool
	PhoneWithheld   bool
	// AddressElsewhere: the address field points to where the page gives
	// it (所在地：上記, 同上, 下記).
	AddressElsewhere bool
	// Platform names the shop platform whose address stands in for the
	// seller's (BASE, STORES …), "" when none.
	Platform string
	// Lines are the disclosure's lines.
	Lines []string
	// clue is ShopClues's key for the text (disclosureClue), worked out
	// with the disclosure, which a page keeps: a shop's disclosure page,
	// shared by the checks of all its product pages, is hashed once.
	clue string
	// sellerEmails are the addresses of Lines that shopSellerEmails
	// takes (disclosureSellerEmails), worked out with the disclosure for
	// the same reason: each check asked for them four or five times.
	sellerEmails []string
	// phones are the phone numbers in the text of Lines (FindPhones),
	// worked out with the disclosure for the same reason.
	phones []string
	// sellerPhones are the numbers that may be the seller's own
	// (shopSellerPhones), for campaign clues.
	sellerPhones []string
}

var (
	shopDiscTitleRe = shopMustRe(`(?i)特定商取引|特商法|通信販売法|通販法|通信販売に関する表[記示]|法に基づく表[記示]|法的表記|会社概要|会社案内|会社情報|運営者情報|運営会社情報|ショップ情報|店舗情報|ストア情報|販売業者情報|事業者情報|動物取扱業者?の?(?:表示|標識)|動物取扱業者標識|legal\s?notice|tokusho|specified\s+commercial|commercial\s+(?:transactions?|disclosure)|company\s+(?:profile|info|overview)`)
	// shopDiscHrefRe finds links to a disclosure page by their address;
	// shopDiscHrefMaybeRe also those that may lead to one (/legal/ holds
	// privacy policies too), for telling whether the crawl missed it.
	shopDiscHrefRe      = shopMustRe(`(?i)tokutei|tokusho|sctl|asct|/law\b|/laws?[./]`)
	shopDiscHrefMaybeRe = shopMustRe(`(?i)tokutei|tokusho|sctl|asct|/law\b|/laws?[./]|legal|commercial|gaiyou|gaiyo|company|about`)

	shopSellerLabel  = shopLabel(`氏名又は名称|氏名または名称|販売業者|販売事業者|事業者の名称|事業者名|事業者|会社名|法人名|運営会社|運営企業|運営元|社名|商号|屋号|店舗運営者|販売者|販売元|運営者|Seller|Company\s?name|Company|Business\s?name|Legal\s?name|Distributor`)
	shopManagerLabel = shopLabel(shopManagerWords + `|` + shopManagerPersonWords)
	shopAddressLabel = shopLabel(`所在地|住所|事業者の所在地|事業者の住所|販売業者の所在地|販売業者の住所|本社所在地|事業所|Address|Location`)
	shopPhoneLabel   = shopLabel(`電話番号|電話|TEL|Phone|連絡先電話番号|お問い?合わ?せ電話番号|携帯電話|携帯`)
	// shopAddrPhoneLabel is the address and phone under one label
	// (所在地・電話番号, 住所／連絡先), as one-person shops print them.
	shopAddrPhoneLabel = shopLabel(`(?:所在地|住所)(?:・|／|、|及び|および|と)(?:電話番号|電話|TEL|連絡先)|(?:電話番号|電話|TEL)(?:・|／|、|及び|および|と)(?:所在地|住所)`)
	shopMailLabelRe    = shopMustRe(`(?i)メールアドレス|メール|e-?mail|mail|連絡先|お問い?合わ?せ|contact`)
	shopContactLabel   = shopLabel(`事業者の連絡先|販売業者の連絡先|連絡先|お問い?合わ?せ先`)
	// shopDisclosedOnRequestRe: a contact given on request, said with 開示
	// or 請求 (a mail answered 遅滞なく withholds nothing).
	shopDisclosedOnRequestRe = shopMustRe(`開示|請求`)

	// shopWithheldRe: the address or phone is given on request only.
	shopWithheldRe = shopMustRe(`(?i)請求が(?:あれ|あっ|あり次第|有れ|有っ|有り次第)|ご?請求(?:いただ|頂|により|に応じ|くだ)|遅滞なく|開示(?:いた)?します|開示させていただ|お問い?合わ?せいただければ|upon\s+request|on\s+request|without\s+delay`)
	// shopPlatformWordRe: a disclosure that says a platform's address
	// stands in for the seller's.
	shopPlatformWordRe = shopMustRe(`プラットフォーム(?:運営)?(?:会社|事業者)?の(?:住所|所在地)|運営(?:会社|事業者)の(?:住所|所在地)を(?:記載|掲載)`)
)

// The manager label's words, and its English "person in charge" apart:
// with \s+ the whole is no finite set, so every line beginning with one
// of the label's first runes (販売業者 …) ran the regexp. shopManagerValue
// reads the label as its two parts, the finite one first.
const (
	shopManagerWords       = `運営統括責任者|運営責任者|統括責任者|販売責任者|責任者|代表者|代表取締役|代表|Representative|Manager`
	shopManagerPersonWords = `Person\s+in\s+charge`
)

var (
	shopManagerShortLabel  = shopLabel(shopManagerWords)
	shopManagerPersonLabel = shopLabel(shopManagerPersonWords)
)

// shopManagerValue is shopLabelValue(lines, i, shopManagerLabel).
func shopManagerValue(lines []string, i int) (string, bool) {
	return shopLabelValueOf(lines, i, shopManagerShortLabel, shopManagerPersonLabel)
}

// shopPlatformTable is data/shop_platforms.txt.
type shopPlatformTable struct {
	names []string
	res   []*shopRe
	// anyName matches where one of res does: most lines name no
	// platform, and one pass over a line tells so (the expressions one by
	// one were 1.7 % of a batch of crawled shops).
	anyName   *shopRe
	addresses []shopPlatformAddress // in the file's order
}

// shopPlatformAddress is a piece of a platform's address, folded by
// shopAddrKey.
type shopPlatformAddress struct{ name, frag string }

var shopPlatforms = sync.OnceValue(func() *shopPlatformTable {
	t := &shopPlatformTable{}
	var alts []string
	for _, l := range lines("shop_platforms.txt") {
		f := strings.Fields(l)
		if len(f) < 3 {
			panic(fmt.Sprintf("rules: shop_platforms.txt line %q: want kind, name and value", l))
		}
		val := strings.TrimSpace(l[strings.Index(l, f[1])+len(f[1]):])
		switch f[0] {
		case "platform":
			t.names = append(t.names, f[1])
			t.res = append(t.res, shopMustRe(`(?i)`+val))
			alts = append(alts, `(?:`+val+`)`)
		case "address":
			t.addresses = append(t.addresses, shopPlatformAddress{f[1], shopAddrKey(val)})
		default:
			panic(fmt.Sprintf("rules: shop_platforms.txt line %q: unknown kind", l))
		}
	}
	t.anyName = shopMustRe(`(?i)` + strings.Join(alts, "|"))
	return t
})

// shopAddrKey is an address without spaces, with dashes normalised.
func shopAddrKey(s string) string {
	return strings.ReplaceAll(shopNormDashes(NFKC(s)), " ", "")
}

// shopPlatformOf returns the platform that s names or whose address it
// holds, or "".
func shopPlatformOf(s string) string {
	t := shopPlatforms()
	if t.anyName.MatchString(s) {
		for i, re := range t.res {
			if re.MatchString(s) {
				return t.names[i]
			}
		}
	}
	k := shopAddrKey(s)
	for _, a := range t.addresses {
		if strings.Contains(k, a.frag) {
			return a.name
		}
	}
	return ""
}

// shopNormURL is a URL without fragment and trailing slash, for telling
// whether a link's target was fetched.
func shopNormURL(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	// The scheme and host in lower case, as the crawl writes them: a
	// link or redirect may spell them in capitals.
	if i := strings.Index(u, "://"); i >= 0 {
		end := len(u)
		if j := strings.IndexAny(u[i+3:], "/?"); j >= 0 {
			end = i + 3 + j
		}
		if head := u[:end]; head != strings.ToLower(head) {
			u = strings.ToLower(head) + u[end:]
		}
	}
	return strings.TrimSuffix(u, "/")
}

// shopDiscLink reports whether a link leads to a seller disclosure: its
// text says so (特定商取引法に基づく表記, 会社概要 …) or its address does
// (tokusho, tokutei, /law). With maybe, addresses that may lead to one
// (/legal/, /company, /about) count too.
func shopDiscLink(l Link, maybe bool) bool {
	if strings.HasPrefix(strings.ToLower(l.Href), "mailto:") || strings.HasPrefix(strings.ToLower(l.Href), "tel:") {
		return false
	}
	if l.Text != "" && RuneCount(l.Text) <= 40 && shopDiscTitleRe.MatchString(l.Text) {
		return true
	}
	re := shopDiscHrefRe
	if maybe {
		re = shopDiscHrefMaybeRe
	}
	if !shopMayHoldPath(re, l.Href) {
		return false // most links: no url.Parse
	}
	u, err := url.Parse(l.Href)
	if err != nil {
		return false
	}
	return re.MatchString(u.Path)
}

// Disclosures finds the seller disclosures on the site's pages (pages
// about fraud skipped): pages titled 特定商取引法に基づく表記, 会社概要,
// 運営者情報, ショップ情報, Legal notice …, pages that a link with such
// a text led to, sections under such a heading, and pages with at least
// two disclosure labels (販売業者, 所在地, 電話番号 …).
func Disclosures(site *Site) []Disclosure {
	return siteDerive(site, memoDisclosures, func(m *siteMemo) *[]Disclosure { return &m.disclosures }, func() []Disclosure { return disclosuresUncached(site) })
}

// disclosuresUncached does Disclosures's work; Disclosures keeps its answer for the site.
func disclosuresUncached(site *Site) []Disclosure {
	linked := map[string]bool{}
	for _, p := range site.Pages {
		if p == nil {
			continue
		}
		for _, u := range shopPageDiscLinks(p) {
			linked[u] = true
		}
	}
	var out []Disclosure
	for _, p := range site.Pages {
		if p == nil || p.Status >= 400 || shopScamOn(site, p) {
			continue
		}
		if d, ok := shopPageDisclosureKept(p, linked[shopNormURL(p.URL)]); ok {
			out = append(out, d)
		}
	}
	return out
}

// shopPageDiscLinks returns the addresses (shopNormURL) that the page's
// disclosure links lead to, kept on the page (read only).
func shopPageDiscLinks(p *Page) []string {
	return pageDerive(p, pageDiscLinks, func(m *pageMemo) *[]string { return &m.discLinks }, func() []string {
		var out []string
		for _, l := range p.Links {
			if shopDiscLink(l, false) {
				out = append(out, shopNormURL(l.Href))
			}
		}
		return clip(out)
	})
}

// shopPageDisclosureKept is shopPageDisclosure, kept on the page for each
// value of linked; the disclosure's lists are clipped (read only).
func shopPageDisclosureKept(p *Page, linked bool) (Disclosure, bool) {
	key, slot := pageDisclosure, func(m *pageMemo) **Disclosure { return &m.disc }
	if linked {
		key, slot = pageDisclosureLinked, func(m *pageMemo) **Disclosure { return &m.discLinked }
	}
	r := pageDerive(p, key, slot, func() *Disclosure {
		d, ok := shopPageDisclosure(p, linked)
		if !ok {
			return nil
		}
		d.Lines, d.Emails, d.sellerEmails, d.phones, d.sellerPhones = clip(d.Lines), clip(d.Emails), clip(d.sellerEmails), clip(d.phones), clip(d.sellerPhones)
		return &d
	})
	if r == nil {
		return Disclosure{URL: p.URL}, false // what shopPageDisclosure returns then
	}
	return *r, true
}

// shopPageDisclosure finds the disclosure on one page.
func shopPageDisclosure(p *Page, linked bool) (Disclosure, bool) {
	d := Disclosure{URL: p.URL}
	switch {
	case shopDiscTitleRe.MatchString(p.Title):
		d.Heading = p.Title
		d.Lines = p.Lines
	case len(p.Headings) > 0 && shopDiscTitleRe.MatchString(p.Headings[0]):
		d.Heading = p.Headings[0]
		d.Lines = p.Lines
	default:
		// A section under a heading (not a line of links such as a
		// footer's "特定商取引法に基づく表記 | 会社概要").
		candidates := 0
		for i, l := range p.Lines {
			if RuneCount(l) > 40 {
				// A disclosure on one line after its title, its
				// fields between slashes or bars (「特定商取引法に関す
				// る記載：販売事業者名 松の湯／事業者の所在地 …」, a
				// project page's): the title is the line's head.
				title, rest := shopDiscLineHead(l)
				if title == "" || len(shopSplitFields([]string{rest})) < 2 {
					continue
				}
				l = title
			}
			if l == "" || !shopDiscTitleRe.MatchString(l) || shopScamContext(l) {
				continue
			}
			if candidates++; candidates > 20 {
				break
			}
			rest := l
			for _, lk := range p.Links {
				if lk.Text != "" && strings.Contains(rest, lk.Text) {
					rest = strings.ReplaceAll(rest, lk.Text, " ")
				}
			}
			if !shopDiscTitleRe.MatchString(rest) {
				continue
			}
			d.Heading = l
			d.Lines = p.Lines[i:min(i+80, len(p.Lines))]
			break
		}
		if d.Lines == nil && linked && len(p.Lines) >= 3 {
			// The page a disclosure link led to (a page of one or two
			// lines is an error page or drawn by scripts: unknown).
			d.Lines = p.Lines
		}
		if d.Lines == nil {
			// A page with the labels but no heading.
			n := 0
			for i := 0; i < len(p.Lines) && n < 2; i++ { // two are enough
				if _, ok := shopDiscFieldAt(p.Lines, i); ok {
					n++
				}
			}
			if n < 2 {
				return d, false
			}
			d.Lines = p.Lines
		}
	}
	shopReadDisclosure(&d)
	if d.Seller != "" || d.Address != "" || d.Phone != "" || d.ForeignAddress != "" {
		// A text that names no seller, address or phone of its own (a
		// platform's 「請求があった場合、遅滞なく開示いたします」 in every
		// field) is every such shop's: it ties none together.
		d.clue = disclosureClue(d.Lines)
	}
	d.sellerEmails = disclosureSellerEmails(d.Lines)
	return d, true
}

// disclosureClue is the campaign key of a disclosure's text: 24 hex
// digits of the SHA-256 of its labelled fields' lines with kana folded, ""
// for fewer than two labelled fields or three lines (too little to tell
// one gang's template).
func disclosureClue(lines []string) string {
	// The text from the first labelled field (販売業者, 所在地, 電話番号,
	// 代表者) to the last and its value: the page's header and footer,
	// which carry each shop's own name and a theme's chrome, are no part
	// of the template a gang copies (qa26e D1: one copied table on three
	// shops gave three digests; D2: three honest shops on one builder
	// whose disclosure a script draws gave one, from the theme alone).
	first, end, n := -1, -1, 0
	for i := range lines {
		if value, labelled := shopDiscFieldAt(lines, i); labelled {
			if first < 0 {
				first = i
			}
			end = i + 1
			if value != "" && !strings.Contains(lines[i], value) && end < len(lines) {
				end++ // a label alone on its line (a table's head cell): its value is the next
			}
			n++
		}
	}
	if n < 2 {
		return ""
	}
	if end-first < 3 {
		return ""
	}
	sum := sha256.Sum256([]byte(FoldKana(strings.Join(lines[first:end], "\n"))))
	return hex.EncodeToString(sum[:12])
}

// shopDiscFieldAt returns the value of the disclosure field that line i
// of lines gives (販売業者, 所在地, 電話番号, 代表者 …: its value on the line
// or, after a label alone, on the next), ok false when it gives none.
func shopDiscFieldAt(lines []string, i int) (value string, ok bool) {
	if !shopDiscLabelGate().may(lines[i]) {
		return "", false // none of the labels below
	}
	for _, re := range [...]*shopRe{shopSellerLabel, shopAddressLabel, shopPhoneLabel} {
		if v, ok := shopLabelValue(lines, i, re); ok {
			return v, true
		}
	}
	return shopManagerValue(lines, i)
}

// shopElsewhereRe finds a field's value that points to where the page
// gives it (「所在地：上記」「同上」「下記参照」).
var shopElsewhereRe = shopMustRe(`^\s*[(（]?(?:上記|同上|下記|左記|上述|前述|ページ(?:上部|下部))`)

// shopDiscLineHead returns the disclosure title a line starts with
// (特定商取引法に関する記載, 会社概要 …, ending in 表記, 記載, 表示, 概要 or
// 情報) and the rest after the colon, bar, slash or space that follows it;
// "", "" when it starts with none.
func shopDiscLineHead(l string) (title, rest string) {
	m := shopDiscLineHeadRe.FindStringSubmatchIndex(l)
	if m == nil || !shopDiscTitleRe.MatchString(l[m[2]:m[3]]) {
		return "", ""
	}
	return l[m[2]:m[3]], l[m[1]:]
}

var shopDiscLineHeadRe = shopMustRe(`^\s*([^\s:：|｜/／]{2,30}?(?:表記|記載|表示|概要|情報))\s*(?:[:：|｜/／]|\s)\s*`)

// shopSplitFields returns lines with each line that holds several labelled
// fields between slashes or bars (「販売者：けやき窯 大貫 茂／所在地：上記／
// 電話：0285-72-4108」, an old hand-made page's one-line disclosure; NFKC
// text, so ／ is /) split into its fields, where two parts or more start
// with a label; lines is returned as it is when none does.
func shopSplitFields(lines []string) []string {
	var out []string
	for i, l := range lines {
		if !strings.ContainsAny(l, "/|／｜") {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		parts := strings.FieldsFunc(l, func(r rune) bool { return r == '/' || r == '|' || r == '／' || r == '｜' })
		if len(parts) == 0 {
			// Separators alone (a menu's 「｜」 between links on lines
			// of their own): no fields.
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if title, rest := shopDiscLineHead(parts[0]); title != "" {
			// The disclosure's title before its first field
			// (「特定商取引法に関する記載：販売事業者名 …」).
			parts[0] = rest
		}
		labelled := 0
		for _, p := range parts {
			p = strings.TrimSpace(p)
			for _, re := range []*shopRe{shopSellerLabel, shopAddressLabel, shopPhoneLabel, shopManagerLabel} {
				if _, ok := shopLabelValue([]string{p}, 0, re); ok {
					labelled++
					break
				}
			}
		}
		if labelled < 2 {
			if out != nil {
				out = append(out, l)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(lines)+len(parts)), lines[:i]...)
		}
		for _, p := range parts {
			out = append(out, strings.TrimSpace(p))
		}
	}
	if out == nil {
		return lines
	}
	return out
}

// shopReadDisclosure fills the fields of d from its lines.
func shopReadDisclosure(d *Disclosure) {
	ls := shopSplitFields(d.Lines)
	gate := shopDiscLabelGate()
	for i := range ls {
		if !gate.may(ls[i]) {
			continue // none of the four labels below
		}
		if v, ok := shopManagerValue(ls, i); ok {
			if d.Manager == "" && v != "" {
				d.Manager = shopClip(v, 40)
			}
			continue
		}
		if v, ok := shopLabelValue(ls, i, shopAddrPhoneLabel); ok {
			// 「所在地・電話番号：請求があった場合には遅滞なく開示」: one
			// value for both fields.
			if shopWithheldRe.MatchString(v) {
				d.AddressWithheld = true
				if len(FindPhones(v)) == 0 {
					d.PhoneWithheld = true
				}
			}
			if a := FindAddress(v); d.Address == "" && a != "" {
				d.Address = a
			}
			if ph := FindPhones(v); d.Phone == "" && len(ph) > 0 {
				d.Phone = ph[0]
			}
			continue
		}
		if v, ok := shopLabelValue(ls, i, shopSellerLabel); ok && d.Seller == "" && v != "" && !shopWithheldRe.MatchString(v) {
			if !shopSellerLabel.MatchString(shopUndecorate(v)) {
				d.Seller = shopClip(v, 60)
			}
		}
		if v, ok := shopLabelValue(ls, i, shopAddressLabel); ok {
			if shopWithheldRe.MatchString(v) {
				d.AddressWithheld = true
			}
			if shopElsewhereRe.MatchString(v) {
				d.AddressElsewhere = true
			}
			if d.Address == "" {
				if a := FindAddress(v); a != "" {
					d.Address = a
				} else if d.ForeignAddress == "" {
					// An address abroad is often printed over a few lines
					// (Room …, District, City, Country and code).
					d.ForeignAddress = FindForeignAddress(shopAddressLines(ls, i), true)
				}
			}
			if d.Platform == "" {
				d.Platform = shopPlatformOf(v)
			}
		}
		// 「事業者の連絡先：請求があった場合には遅滞なく開示」 (BASE's
		// template) withholds the phone under another label.
		if v, ok := shopLabelValue(ls, i, shopContactLabel); ok && shopDisclosedOnRequestRe.MatchString(v) && len(FindPhones(v)) == 0 {
			d.PhoneWithheld = true
		}
		if v, ok := shopLabelValue(ls, i, shopPhoneLabel); ok {
			if shopWithheldRe.MatchString(v) && len(FindPhones(v)) == 0 {
				d.PhoneWithheld = true
			}
			if ph := FindPhones(v); d.Phone == "" && len(ph) > 0 {
				d.Phone = ph[0]
			}
		}
	}
	text := strings.Join(ls, "\n")
	if d.Address == "" {
		d.Address = FindAddress(text)
	}
	d.phones = FindPhones(text)
	if d.Phone == "" && len(d.phones) > 0 {
		d.Phone = d.phones[0]
	}
	d.sellerPhones = shopSellerPhones(ls)
	if d.Address == "" && d.ForeignAddress == "" {
		d.ForeignAddress = FindForeignAddress(text, false)
	}
	if d.Phone == "" {
		d.ForeignPhone = FindForeignPhone(text)
	}
	if d.Seller == "" {
		// No label: a line naming a company that is not the platform.
		for _, l := range ls {
			if RuneCount(l) <= 40 && IsCorporateName(l) && shopPlatformOf(l) == "" {
				d.Seller = l
				break
			}
		}
	}
	if d.Platform == "" && d.Address != "" {
		d.Platform = shopPlatformOf(d.Address)
	}
	if d.Platform == "" {
		for _, l := range ls {
			// shopContainsLowerASCII(l, "address") is
			// strings.Contains(strings.ToLower(l), "address"): no rune
			// outside ASCII lower-cases to a letter of the word.
			if !strings.Contains(l, "住所") && !strings.Contains(l, "所在地") && !shopContainsLowerASCII(l, "address") {
				continue
			}
			if p := shopPlatformOf(l); p != "" {
				d.Platform = p
				break
			}
			if shopPlatformWordRe.MatchString(l) {
				d.Platform = "platform"
				break
			}
		}
	}
	for _, e := range FindEmails(text) {
		if shopPlausibleEmail(e) {
			d.Emails = append(d.Emails, e)
		}
	}
}

// shopAddressLines joins the address label's line with the lines after it
// that go on with the address (at most three): up to the next labelled
// line (電話番号：…, 発送：…), whose words are not the address's.
func shopAddressLines(ls []string, i int) string {
	end := i + 1
	for end < len(ls) && end < i+4 && !strings.ContainsAny(ls[end], ":：") {
		end++
	}
	return strings.Join(ls[i:end], " ")
}

// shopPlausibleEmail drops example addresses and image names that look like
// addresses (logo@2x.png).
func shopPlausibleEmail(e string) bool {
	at := strings.LastIndexByte(e, '@')
	if at < 0 {
		return false
	}
	dom := e[at+1:]
	for _, bad := range []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".css", ".js"} {
		if strings.HasSuffix(dom, bad) {
			return false
		}
	}
	return dom != "example.com" && dom != "example.jp" && dom != "example.co.jp" && !strings.HasSuffix(dom, ".example") &&
		!strings.HasPrefix(e, "xxx") && !strings.HasPrefix(e, "sample@")
}

// shopMailAdviceRe marks lines that advise customers about mail
// (受信設定, ドメイン指定, フリーメール …): addresses there are not the seller's.
var shopMailAdviceRe = shopMustRe(`(?i)受信|設定|ドメイン指定|迷惑メール|フリーメール|キャリアメール|届か|などの|例[:)]|example|sample`)

// shopMailLabel reports whether a line carries a mail or contact label
// (the addresses themselves removed first: "gmail" is no label).
func shopMailLabel(l string) bool {
	return shopMailLabelRe.MatchString(shopEmailRe.ReplaceAllString(l, " "))
}

// shopSellerEmails returns the seller's e-mail addresses with where they
// were found: mailto: links, the disclosures, and lines labelled as the
// shop's mail or contact (not lines advising customers about mail).
func shopSellerEmails(site *Site) []Evidence {
	return shopSellerEmailsIn(site, Disclosures(site))
}

// disclosureSellerEmails returns the e-mail addresses in the lines of a
// disclosure, but for those in a line advising customers about mail that
// does not follow a mail label.
func disclosureSellerEmails(lines []string) []string {
	var out []string
	for i, l := range lines {
		if !shopHasAtSign(l) {
			continue
		}
		if shopMailAdviceRe.MatchString(l) && !(i > 0 && shopMailLabel(lines[i-1])) {
			continue
		}
		out = append(out, FindEmails(l)...)
	}
	return out
}

// shopSellerEmailsIn is shopSellerEmails with the site's disclosures
// already read.
func shopSellerEmailsIn(site *Site, ds []Disclosure) []Evidence {
	var out []Evidence
	seen := map[string]bool{}
	add := func(e, u string) {
		if !shopPlausibleEmail(e) || seen[e] {
			return
		}
		seen[e] = true
		out = append(out, Evidence{Text: e, URL: u})
	}
	for _, d := range ds {
		for _, e := range d.sellerEmails {
			add(e, d.URL)
		}
	}
	for _, p := range site.Pages {
		if p == nil || shopScamOn(site, p) {
			continue
		}
		for _, e := range shopPageSellerEmails(p) {
			add(e, p.URL)
		}
	}
	return out
}

// shopPageSellerEmails returns the e-mail addresses of a page's mailto:
// links and of its lines labelled as the shop's mail or contact (not lines
// advising customers about mail), in that order; kept on the page, as
// every check of a shop's product pages reads its shared pages again.
func shopPageSellerEmails(p *Page) []string {
	return pageDerive(p, pageSellerEmails, func(m *pageMemo) *[]string { return &m.sellerEmails }, func() []string {
		var out []string
		for _, l := range p.Links {
			if h := strings.TrimSpace(l.Href); len(h) > 7 && strings.EqualFold(h[:7], "mailto:") {
				addr := h[7:]
				if i := strings.IndexByte(addr, '?'); i >= 0 {
					addr = addr[:i]
				}
				if un, err := url.PathUnescape(addr); err == nil {
					addr = un
				}
				out = append(out, FindEmails(addr)...)
			}
		}
		for i, l := range p.Lines {
			if !shopHasAtSign(l) || shopMailAdviceRe.MatchString(l) {
				continue
			}
			labelled := shopMailLabel(l) ||
				i > 0 && RuneCount(p.Lines[i-1]) <= 20 && shopMailLabel(p.Lines[i-1])
			if labelled {
				out = append(out, FindEmails(l)...)
			}
		}
		return clip(out)
	})
}

// Emails returns the seller's own e-mail addresses (lower case): mailto:
// links, the disclosure, and lines labelled メール / E-mail / 連絡先 /
// お問い合わせ; addresses in advice about mail settings are left out.
func Emails(site *Site) []string {
	var out []string
	for _, e := range shopSellerEmails(site) {
		out = append(out, e.Text)
	}
	return out
}

// Phones returns the seller's phone numbers, digits only in domestic form:
// tel: links, the disclosures, and lines labelled 電話 / TEL / 携帯.
func Phones(site *Site) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		d := PhoneDigits(s)
		if (len(d) == 10 || len(d) == 11) && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	for _, d := range Disclosures(site) {
		for _, ph := range d.sellerPhones {
			add(ph)
		}
	}
	for _, p := range site.Pages {
		if p == nil || shopScamOn(site, p) {
			continue
		}
		for _, ph := range shopPagePhones(p) {
			add(ph)
		}
	}
	return out
}

// shopOthersPhoneRe finds, on a line with a phone number, that the number
// is someone else's than the seller's: a courier's centre in the shipping
// row, the consumer centres' or the police's in a complaints row or a
// warning.
var shopOthersPhoneRe = shopMustRe(`運輸|急便|日本郵便|郵便局|ゆうパック|佐川|ヤマト|西濃|福山通運|消費生活センター|消費者センター|国民生活センター|消費者ホットライン|生活センター|警察|警視庁|[都道府県]警|#9110|カード会社`)

// shopSellerPhones returns the phone numbers of a disclosure's lines (its
// fields split) that may be the seller's: those under a phone label (電話
// 番号, TEL, 所在地・電話番号) when it has any, else every line's, leaving
// out the lines that name another party (shopOthersPhoneRe). Campaign
// clues use them: two shops quoting one courier's centre or the consumer
// hotline are no campaign.
func shopSellerPhones(ls []string) []string {
	var labelled, any []string
	for i, l := range ls {
		v, ok := shopLabelValue(ls, i, shopPhoneLabel)
		if !ok {
			v, ok = shopLabelValue(ls, i, shopAddrPhoneLabel)
		}
		if ok && !shopOthersPhoneRe.MatchString(v) {
			// The value may be on the next line (「電話番号」 / 「03-…」).
			labelled = append(labelled, FindPhones(v)...)
		}
		if shopPhoneWords.MatchString(l) && !shopOthersPhoneRe.MatchString(l) {
			any = append(any, FindPhones(l)...)
		}
	}
	if len(labelled) > 0 {
		return labelled
	}
	return any
}

// shopPhoneWords is a quick test for a line that may hold a phone number:
// a digit (FindPhones reads ASCII digits after NFKC; full-width ones too).
var shopPhoneWords = shopMustRe(`[0-9０-９]`)

// shopPagePhones returns the phone numbers of a page's tel: links (as
// written) and of its lines labelled as a phone, in that order; kept on
// the page.
func shopPagePhones(p *Page) []string {
	return pageDerive(p, pagePhones, func(m *pageMemo) *[]string { return &m.phones }, func() []string {
		var out []string
		for _, l := range p.Links {
			if h := strings.TrimSpace(l.Href); len(h) > 4 && strings.EqualFold(h[:4], "tel:") {
				out = append(out, h[4:])
			}
		}
		for i := range p.Lines {
			if v, ok := shopLabelValue(p.Lines, i, shopPhoneLabel); ok {
				out = append(out, FindPhones(v)...)
			}
		}
		return clip(out)
	})
}

// freemailTable is data/shop_freemail.txt.
type freemailTable struct {
	exact    map[string]bool
	wildcard []string        // "gmx." for gmx.*
	exempt   map[string]bool // "!domain" lines: not free mail, nor their subdomains
}

var shopFreemail = sync.OnceValue(func() freemailTable {
	t := freemailTable{exact: map[string]bool{}, exempt: map[string]bool{}}
	for _, l := range lines("shop_freemail.txt") {
		l = strings.ToLower(l)
		if ex, ok := strings.CutPrefix(l, "!"); ok {
			t.exempt[ex] = true
			continue
		}
		if base, ok := strings.CutSuffix(l, ".*"); ok {
			t.wildcard = append(t.wildcard, base+".")
		} else {
			t.exact[l] = true
		}
	}
	return t
})

// FreeMailDomain reports whether an address (or a bare domain) is at a
// free mail provider of data/shop_freemail.txt.
func FreeMailDomain(addr string) bool {
	dom := strings.ToLower(addr)
	if i := strings.LastIndexByte(dom, '@'); i >= 0 {
		dom = dom[i+1:]
	}
	t := shopFreemail()
	for d := dom; d != ""; {
		if t.exempt[d] {
			return false
		}
		if t.exact[d] {
			return true
		}
		for _, w := range t.wildcard {
			// gmx.* matches gmx.de and gmx.co.uk, not gmx.example.com.
			if strings.HasPrefix(d, w) && !strings.Contains(strings.TrimPrefix(strings.TrimPrefix(d, w), "co."), ".") {
				return true
			}
		}
		i := strings.IndexByte(d, '.')
		if i < 0 {
			break
		}
		d = d[i+1:]
	}
	return false
}

// shopCartRe marks pages that sell: a cart, ordering, shipping, tickets
// offered for resale (譲ります).
var shopCartRe = shopMustRe(`(?i)カート|買い物かご|買い物カゴ|ショッピングバッグ|購入する|ご購入|注文する|ご注文|お買い物|送料|特定商取引|譲ります|お譲りします|譲渡価格|add to cart|buy now|checkout`)

// shopSellRe marks what only a page that sells shows: a cart, the
// disclosure, tickets offered for resale. shopCartRe's other words
// (ご購入, ご注文, 送料…) are also how a blog tells of buying elsewhere
// (「ネットストアでまとめてご購入するのがおすすめ」) and how a prize page
// says it pays the postage (「送料は当店が負担します」): shopLooksLikeShop
// weighs them by where they stand.
var shopSellRe = shopMustRe(`(?i)カート|買い物かご|買い物カゴ|ショッピングバッグ|特定商取引|譲ります|お譲りします|譲渡価格|add to cart|buy now|checkout`)

// shopMenuLine is the longest line, in runes, read as a button, a menu
// item, a heading or a table cell (購入する, ご注文方法, 送料について)
// rather than a sentence.
const shopMenuLine = 24

// shopLooksLikeShop reports whether the site sells something: a page (not
// about fraud) shows a cart or the disclosure; names ordering or shipping
// in its title, a heading, a link, a button or a table cell; takes orders
// or states its postage in its own voice; or speaks of buying in a
// sentence on a page with a price tag or a site that gives ways to pay.
// The seller signs stay silent on sites that sell nothing (a blog about
// what its writer bought, a campaign's results page).
func shopLooksLikeShop(site *Site) bool {
	// Kept for the site: the seller and free e-mail signs both ask.
	return siteDerive(site, memoLooksLikeShop, func(m *siteMemo) *bool { return &m.looksShop }, func() bool { return shopLooksLikeShopUncached(site) })
}

// shopLooksLikeShopUncached does shopLooksLikeShop's work.
func shopLooksLikeShopUncached(site *Site) bool {
	inProse := false
	for _, p := range site.Pages {
		if p == nil || shopScamOn(site, p) {
			continue
		}
		if !shopCartRe.MatchString(p.Text) && !shopCartRe.MatchString(p.Title) {
			continue
		}
		if shopSellRe.MatchString(p.Text) || shopCartRe.MatchString(p.Title) {
			return true
		}
		for _, h := range p.Headings {
			if shopCartRe.MatchString(h) {
				return true
			}
		}
		for _, l := range p.Links {
			if shopCartRe.MatchString(l.Text) {
				return true
			}
		}
		for _, l := range p.Lines {
			if shopMenuItem(l) && (shopCartRe.MatchString(l) || len(ParsePrices(l)) > 0) {
				// A button or a menu item, or a price tag beside the
				// sentence (「1年版 5,980円（税込）」).
				return true
			}
		}
		if shopTakesOrdersRe.MatchString(p.Text) {
			return true
		}
		inProse = true
	}
	return inProse && len(Payments(site).Offered) > 0
}

// shopMenuItem reports whether line reads as a button, a menu item, a
// heading or a table cell: short, and not a sentence (no 。 at its end).
func shopMenuItem(line string) bool {
	return RuneCount(line) <= shopMenuLine && !strings.HasSuffix(strings.TrimSpace(line), "。")
}

// shopTakesOrdersRe marks a seller's own voice in a sentence: it takes
// orders (「ご注文はメールで承ります」) or states its postage tariff
// (送料は全国一律500円), which no blog about buying elsewhere says.
var shopTakesOrdersRe = shopMustRe(`ご注文(?:は|を|も)[^。]{0,20}(?:承|受け?付)|送料(?:は|:)?\s*全国一律`)

// shopDisclosureUnknown reports whether the crawl may have missed the
// disclosure: a link to a disclosure page was not fetched, failed (status
// 400 or more) or gave a page with almost no text (drawn by scripts). Any
// other page that failed (a sold-out item's 404) says nothing of the
// disclosure: a fake shop could otherwise add a dead link to hide a
// missing one.
func shopDisclosureUnknown(site *Site) bool {
	fetched := map[string]*Page{}
	for _, p := range site.Pages {
		if p != nil {
			fetched[shopNormURL(p.URL)] = p
		}
	}
	for _, p := range site.Pages {
		if p == nil {
			continue
		}
		for _, l := range p.Links {
			if !shopDiscLink(l, true) {
				continue
			}
			q, ok := fetched[shopNormURL(l.Href)]
			if !ok || q.Status >= 400 || len(q.Lines) < 3 {
				return true
			}
		}
	}
	return false
}

// DisclosureLinksUnread returns the addresses (at most three) that links to
// a seller disclosure lead to (shopDiscLink: 特定商取引法に基づく表記, /tokusho)
// when none of the site's pages is there: for a saved page, the disclosure
// that was not saved with it, which seller-info-missing holds unknown and
// the reader should be told of.
func DisclosureLinksUnread(site *Site) []string {
	// The site's own address is read: a saved page's links resolve
	// against the address it was saved from, so its 「#tokusho」 is that
	// address and a section of the page itself.
	have := map[string]bool{shopNormURL(site.URL): site.URL != ""}
	// A folder's pages are named by their files, the links of a page
	// saved from a site by that site's addresses: a file of the folder
	// named as a link's last segment is that page (p47: a disclosure read
	// from the folder was said to be unsaved).
	files := map[string]bool{}
	for _, p := range site.Pages {
		if p != nil {
			have[shopNormURL(p.URL)] = true
			if strings.HasPrefix(p.URL, "file:") {
				files[path.Base(shopNormURL(p.URL))] = true
			}
		}
	}
	var out []string
	for _, p := range site.Pages {
		if p == nil {
			continue
		}
		for _, l := range p.Links {
			if len(out) == 3 {
				return out
			}
			k := shopNormURL(l.Href)
			if len(files) > 0 && files[path.Base(k)] {
				continue
			}
			if l.Href != "" && !have[k] && shopDiscLink(l, false) && !slices.Contains(out, l.Href) {
				out = append(out, l.Href)
			}
		}
	}
	return out
}

// shopSellerRule is seller-info-missing.
func shopSellerRule() Rule {
	weak := Text{
		JA: "特定商取引法の表記で、住所や電話番号が「請求があれば開示」またはショップ作成サービスの住所になっています（個人出店では一般的ですが、販売者の所在を確認できません）。",
		EN: "The legal disclosure gives the address or phone only on request, or shows the shop platform's address (common for individual sellers, but you cannot tell from the site where the seller is).",
	}
	return Rule{
		ID: "seller-info-missing", Severity: Medium, Points: 20, Topic: "shopping", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "特定商取引法に基づく表記がない、または販売業者名・住所・電話番号が欠けている",
			EN: "no 特定商取引法 disclosure, or it lacks the seller's name, address or phone",
		},
		Message: Text{
			JA: "特定商取引法に基づく表記（販売業者の名称・住所・電話番号）が見当たらないか、不足しています。通販事業者には表示義務があります。",
			EN: "The legal disclosure required of online sellers (name, address, phone) is missing or incomplete.",
		},
		Check: func(site *Site) []Finding {
			if !shopLooksLikeShop(site) {
				return nil
			}
			ds := Disclosures(site)
			if len(ds) == 0 {
				if shopDisclosureUnknown(site) {
					return nil
				}
				if footer, url := shopFooterSeller(site); footer != "" {
					// A company, its address and phone in a footer: the
					// seller can be found, but nothing says it is the
					// seller (fakes copy real companies' footers).
					return []Finding{{
						Severity: Low, Points: 10, URL: url,
						Evidence:   "特定商取引法に基づく表記の欄なし。ページ内の会社情報: " + shopClip(strings.ReplaceAll(footer, "\n", " "), 100),
						EvidenceEN: "no 特定商取引法 disclosure section; company details on the page: " + shopClip(strings.ReplaceAll(footer, "\n", " "), 100),
						Message: Text{
							JA: "「特定商取引法に基づく表記」の欄は見つかりませんでしたが、ページに会社名・住所・電話番号が書かれています（通販事業者にはこれらの表示義務があります）。偽サイトは実在する会社の情報を写すことがあるので、会社名を検索してその会社の公式サイトを開き、そこに載っている電話番号で、このサイトがその会社のものか確かめてください。",
							EN: "No legal disclosure section (特定商取引法に基づく表記) was found, but the page gives a company's name, address and phone (online sellers must show these). Fake shops copy real companies' details: search the company's name, open its own official site, and ask by the phone number given there whether this site is theirs.",
						},
					}}
				}
				return []Finding{{
					Evidence:   fmt.Sprintf("特定商取引法に基づく表記・会社概要が見つかりません（%d ページを確認）", len(site.Pages)),
					EvidenceEN: fmt.Sprintf("no 特定商取引法 disclosure or company page found (%s read)", pagesEN(len(site.Pages))),
					URL:        site.URL,
				}}
			}
			var seller, address, phone, platform, where string
			var missingEN []string
			addrHeld, phoneHeld := false, false
			elsewhere := ""
			for _, d := range ds {
				if d.AddressElsewhere && elsewhere == "" {
					elsewhere = d.URL
				}
				if where == "" || d.Heading != "" && strings.Contains(d.Heading, "特定商取引") {
					where = d.URL
				}
				seller = shopFirst(seller, d.Seller)
				address = shopFirst(shopFirst(address, d.Address), d.ForeignAddress)
				phone = shopFirst(shopFirst(phone, d.Phone), d.ForeignPhone)
				platform = shopFirst(platform, d.Platform)
				addrHeld = addrHeld || d.AddressWithheld
				phoneHeld = phoneHeld || d.PhoneWithheld
			}
			if DisclosureImage(site) != "" {
				// The disclosure is an image (shops do this against
				// scrapers): its content is unknown, not missing.
				return nil
			}
			var missing []string
			if seller == "" {
				missing = append(missing, "販売業者名")
				missingEN = append(missingEN, "seller's name")
			}
			if address == "" && elsewhere != "" {
				// 「所在地：上記」: the address the page gives above.
				for _, a := range flAddresses(site) {
					if a.url == elsewhere && a.pref != "" {
						address = a.text
						break
					}
				}
			}
			if address == "" && !addrHeld && platform == "" {
				missing = append(missing, "住所")
				missingEN = append(missingEN, "address")
			}
			if phone == "" && !phoneHeld {
				missing = append(missing, "電話番号")
				missingEN = append(missingEN, "phone number")
			}
			if len(missing) > 0 && shopDisclosureUnknown(site) {
				// Part of the disclosure may be on a page the crawl
				// did not read.
				return nil
			}
			if len(missing) > 0 {
				return []Finding{{
					Evidence:   "表記に " + strings.Join(missing, "・") + " がありません",
					EvidenceEN: "the disclosure has no " + orList(missingEN),
					URL:        where,
				}}
			}
			var notes, notesEN []string
			if platform != "" {
				notes = append(notes, "所在地: "+platform+" の住所")
				notesEN = append(notesEN, "address: "+platform+"'s")
			} else if address == "" && addrHeld {
				notes = append(notes, "所在地: 請求があれば開示")
				notesEN = append(notesEN, "address: given on request")
			}
			if phone == "" && phoneHeld {
				notes = append(notes, "電話番号: 請求があれば開示")
				notesEN = append(notesEN, "phone: given on request")
			}
			if len(notes) == 0 {
				return nil
			}
			return []Finding{{
				Evidence:   strings.Join(notes, " / "),
				EvidenceEN: strings.Join(notesEN, " / "),
				URL:        where,
				Severity:   Low, Points: 10, Message: weak,
			}}
		},
	}
}

// DisclosureImage returns the address of the site's seller disclosure when
// it is drawn as an image (shops do this against scrapers): a page that
// reads as the disclosure, none of whose fields is text (no seller,
// address or phone, none said to be given on request), showing an image.
// "" otherwise. seller-info-missing holds its content unknown, not
// missing; the result says what was not read.
func DisclosureImage(site *Site) string {
	ds := Disclosures(site)
	for _, d := range ds {
		if d.Seller != "" || d.Address != "" || d.ForeignAddress != "" || d.Phone != "" || d.ForeignPhone != "" ||
			d.AddressWithheld || d.PhoneWithheld {
			return ""
		}
	}
	for _, d := range ds {
		for _, p := range site.Pages {
			if p != nil && p.URL == d.URL && len(p.Images) > 0 {
				return d.URL
			}
		}
	}
	return ""
}

func shopFirst(have, s string) string {
	if have != "" {
		return have
	}
	return s
}

// shopFreeEmailRule is contact-free-email.
func shopFreeEmailRule() Rule {
	return Rule{
		ID: "contact-free-email", Severity: Low, Points: 5, Topic: "shopping", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "会社を名乗る販売者（または販売者名のないサイト）の連絡先メールがフリーメール（Gmail、Yahoo!メール、Outlook.com、QQ メール等）。個人・屋号の販売者は対象外",
			EN: "the contact address of a seller that claims to be a company (or names no seller) is at a free mail provider (Gmail, Yahoo! Mail, Outlook.com, QQ Mail, …); individuals and trade names are left out",
		},
		Message: Text{
			JA: "販売者の連絡先がフリーメールのアドレスです。独自ドメインのメールアドレスがないと、販売者の所在を確かめにくくなります。",
			EN: "The seller's contact address is a free mail address, which makes the seller harder to trace.",
		},
		Check: func(site *Site) []Finding {
			if !shopLooksLikeShop(site) {
				return nil
			}
			ds := Disclosures(site)
			for _, d := range ds {
				if d.Seller != "" && !IsCorporateName(d.Seller) {
					// An individual or a trade name: small sellers
					// commonly use free mail. A company should have
					// its own domain.
					return nil
				}
			}
			var fs []Finding
			for _, e := range shopSellerEmailsIn(site, ds) {
				if FreeMailDomain(e.Text) {
					fs = append(fs, Finding{Evidence: "連絡先メール: " + e.Text, EvidenceEN: "contact e-mail: " + e.Text, URL: e.URL})
				}
			}
			return fs
		},
	}
}

// shopPlatformPhone reports whether phone (digits) is printed on site on a
// line that names a shop platform or holds its address: the platform's
// support number, which its sellers print, not the seller's own.
func shopPlatformPhone(site *Site, phone string) bool {
	for _, p := range site.Pages {
		if p != nil && slices.Contains(shopPagePlatformPhones(p), phone) {
			return true
		}
	}
	return false
}

// shopPagePlatformPhones returns the digits of the phone numbers on the
// page's lines that name a shop platform, kept on the page (read only).
func shopPagePlatformPhones(p *Page) []string {
	return pageDerive(p, pagePlatformPhones, func(m *pageMemo) *[]string { return &m.platformPhones }, func() []string {
		var out []string
		for _, l := range p.Lines {
			if !strings.ContainsAny(l, "0123456789") || shopPlatformOf(l) == "" {
				continue
			}
			for _, ph := range FindPhones(l) {
				out = append(out, PhoneDigits(ph))
			}
		}
		return clip(out)
	})
}

// ShopClue is one campaign clue from a shop's pages (the integrator turns
// these into checker.Clue): Kind is "account", "phone", "email" or
// "disclosure", Value normalised so that equal values mean the same thing.
type ShopClue struct {
	Kind  string
	Value string
}

// ShopClues returns the campaign clues of a site: each bank account
// (bank and number: ClueKey; number and holder: HolderClueKey), each seller phone (digits) and e-mail (lower
// case), and a digest of each disclosure's text (folded, so that the same
// template on several sites gives the same value).
//
// What a platform or payment agent gives every seller ties no sites
// together: an account held by one (ジーエムオーペイメントゲートウェイ), an
// address at a shop platform's domain (support@thebase.in), a phone printed
// with the platform's name (「050-…（BASE株式会社 サポート窓口）」).
func ShopClues(site *Site) []ShopClue {
	out := accountClues(nil, Accounts(site))
	// A page that presents itself as a brand (a phishing kit) copies the
	// brand's footer, its customer centre's number with it: two kits of
	// two gangs would be one campaign by the card company's 0120 number.
	if !shopPresentsBrand(site) {
		for _, p := range Phones(site) {
			if !shopPlatformPhone(site, p) {
				out = append(out, ShopClue{Kind: "phone", Value: p})
			}
		}
	}
	for _, e := range Emails(site) {
		if _, dom, ok := strings.Cut(e, "@"); ok && freeHosts()[dom] {
			continue // the platform's own address
		}
		out = append(out, ShopClue{Kind: "email", Value: mailboxKey(e)})
	}
	for _, d := range Disclosures(site) {
		if d.clue != "" {
			out = append(out, ShopClue{Kind: "disclosure", Value: d.clue})
		}
	}
	return out
}

// mailboxKey is the campaign key of a (lower-case) e-mail address: the
// mailbox it reaches. Gmail ignores dots and what follows a + in the name
// and takes googlemail.com as gmail.com, so ring.shop+a@gmail.com and
// ringshop@googlemail.com are one gang's box (qa26e D6).
func mailboxKey(e string) string {
	name, dom, ok := strings.Cut(e, "@")
	if !ok || dom != "gmail.com" && dom != "googlemail.com" {
		return e
	}
	name, _, _ = strings.Cut(name, "+")
	return strings.ReplaceAll(name, ".", "") + "@gmail.com"
}

// accountClues appends to out the clues of accounts, each key once: bank
// and number (ClueKey), number and holder (HolderClueKey). An account held
// by a platform or a payment agent (ジーエムオーペイメントゲートウェイ) is
// every seller's and ties nothing; one without a number is no key.
func accountClues(out []ShopClue, accounts []BankAccount) []ShopClue {
	seen := map[string]bool{} // a page may list many accounts
	for _, a := range accounts {
		if a.NumberKey == "" || a.Kind == HolderPlatform || shopPlatformName(a.Holder) != "" {
			continue
		}
		for _, k := range []string{a.ClueKey(), a.HolderClueKey()} {
			if k != "" && !seen[k] {
				seen[k] = true
				out = append(out, ShopClue{Kind: "account", Value: k})
			}
		}
	}
	return out
}

// shopPresentsBrand reports whether a page of the site presents itself as
// a brand not official on its domain (phishPresentedOn).
func shopPresentsBrand(site *Site) bool {
	for _, p := range site.Pages {
		if p != nil && len(phishPresentedOn(site, p)) > 0 {
			return true
		}
	}
	return false
}

// pagesEN is "1 page" or "n pages".
func pagesEN(n int) string {
	if n == 1 {
		return "1 page"
	}
	return fmt.Sprintf("%d pages", n)
}

// orList joins words as "a, b or c".
func orList(ws []string) string {
	if len(ws) < 2 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " or " + ws[len(ws)-1]
}

// shopMakerRe marks a footer line about who made the site, not who sells
// (サイト制作：株式会社…, Designed by …): a label, not a shop's own name
// (デザイン工房).
var shopMakerRe = shopMustRe(`(?i)(?:制作|製作|デザイン|design(?:ed)?|powered|developed)\s*(?:[:：]|by|協力)|ホームページ作成|サイト作成|運営協力`)

// shopFooterSeller returns the lines where a page names a company with
// its address and phone together, as an old shop's footer does without
// a heading or labels (「株式会社柏屋 〒985-0052 宮城県塩竈市本町3-3 TEL
// 022-362-0000」), and the page; "" when no page does. A web designer's
// credit (サイト制作：株式会社…) is not the seller.
// shopFooterBodyRe finds the forms of a company or of another body that
// sells (a temple's 宗教法人, an NPO, a school, a cooperative): a company's
// words (flCompanyWords) and the full corporate forms of
// data/shop_corporate_abbrev.txt, which account holders are read by too.
var shopFooterBodyRe = sync.OnceValue(func() *shopRe {
	forms := []string{flCompanyWords.String(), `npo法人`}
	for _, f := range shopNames().fullForms {
		if f != "" && !shopHasLatin(f) {
			forms = append(forms, regexp.QuoteMeta(f))
		}
	}
	return shopMustRe(strings.Join(forms, "|"))
})

func shopFooterSeller(site *Site) (string, string) {
	for _, p := range site.Pages {
		if p == nil {
			continue
		}
		for i := range p.Lines {
			w := strings.Join(p.Lines[i:min(i+3, len(p.Lines))], "\n")
			loc := shopFooterBodyRe().FindStringIndex(w)
			// A 古物商 licence number names its holder at an address
			// (the prefectural police issue it): an old bookshop's or a
			// dealer's footer stands for its seller as a company's does.
			licence := strings.Contains(p.Lines[i], "古物商")
			if (loc != nil && loc[0] < len(p.Lines[i]) || licence) && !shopMakerRe.MatchString(w) &&
				shopAddressRe.MatchString(w) && shopPhoneRe.MatchString(w) {
				return w, p.URL
			}
		}
	}
	return "", ""
}
