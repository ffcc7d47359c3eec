package rules

import (
	"cmp"
	"fmt"
	"math/bits"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
)

// This file finds which payment methods a site advertises (logos, "各種クレ
// ジットカード利用可") and which its payment terms really offer, for the
// payment-method-mismatch sign, and holds the payment-gift-card sign.
//
// It is a detector of its own rather than rules/shop_payment.go's
// Payments(site): that one reads every sentence of the site alike, so a
// banner "各種クレジットカード利用可" counts there as an offered method, while
// this sign needs to tell what the site advertises (logos, banners) from
// what its payment-terms sections (お支払い方法, 特商法 支払方法) offer. The
// two could share the method vocabulary one day.

// flMethodNames are the methods in evidence, in Japanese.
var flMethodNames = map[string]string{
	"card": "クレジットカード", "bank": "銀行振込", "cod": "代金引換", "konbini": "コンビニ払い",
	"deferred": "後払い", "wallet": "電子決済", "carrier": "キャリア決済",
}

// flMethodNamesEN are the methods in English messages.
var flMethodNamesEN = map[string]string{
	"card": "credit card", "bank": "bank transfer", "cod": "cash on delivery", "konbini": "convenience-store payment",
	"deferred": "pay later", "wallet": "online wallets", "carrier": "carrier billing",
}

// flLogo is a word that names a payment method in an image.
type flLogo struct {
	method, word, shown string
}

// flPayVocab is the payment vocabulary of data/fluent_payment_methods.txt,
// compiled.
type flPayVocab struct {
	words    []string          // every text word (compact), longest first
	set      *flLitSet         // words in one pass (nil: search word by word)
	methodOf map[string]string // compact text word -> method
	bank     []string          // the text words of bank transfer
	logos    []flLogo
	claim    *regexp.Regexp // a written claim that a non-bank method is accepted
	// claimAt is claim anchored at the start of the text, and claimStart
	// the words a match of claim starts with (各種 and the non-bank
	// method words): appendClaims runs claimAt only where one starts.
	claimAt    *regexp.Regexp
	claimStart *flLitSet
	// The logo words for flImageNames.match in one pass each (mayShow):
	// every word for alt texts, the words as file-name parts, and the
	// words of six letters or more without "_" for whole file names.
	logoAlt, logoLong *flLitSet
	logoPart          map[string]bool
}

var flPayData = sync.OnceValue(func() *flPayVocab {
	v := &flPayVocab{methodOf: map[string]string{}}
	var words, claims []string
	for _, l := range lines("fluent_payment_methods.txt") {
		f := strings.Fields(l)
		if len(f) < 3 {
			panic("rules: fluent_payment_methods.txt: short line: " + l)
		}
		method, kind := f[0], f[1]
		if _, ok := flMethodNames[method]; !ok || flMethodBit(method) == 0 {
			panic("rules: fluent_payment_methods.txt: unknown method: " + l)
		}
		switch kind {
		case "text":
			w := flCompact(strings.Join(f[2:], ""))
			v.methodOf[w] = method
			if method == "bank" {
				v.bank = append(v.bank, w)
			}
			words = append(words, w)
			if method != "bank" {
				claims = append(claims, w)
			}
		case "logo":
			lg := flLogo{method: method, word: strings.ToLower(f[2]), shown: f[2]}
			if len(f) > 3 {
				lg.shown = strings.Join(f[3:], " ")
			}
			v.logos = append(v.logos, lg)
		default:
			panic("rules: fluent_payment_methods.txt: unknown kind: " + l)
		}
	}
	sort.SliceStable(words, func(i, j int) bool { return len(words[i]) > len(words[j]) })
	v.words = words
	var alt, long []string
	v.logoPart = map[string]bool{}
	for _, lg := range v.logos {
		alt = append(alt, lg.word)
		v.logoPart[lg.word] = true
		if len(lg.word) >= 6 {
			long = append(long, strings.ReplaceAll(lg.word, "_", ""))
		}
	}
	v.logoAlt, v.logoLong = newFlLitSet(alt), newFlLitSet(long)
	v.set = newFlLitSet(words)
	// A claim: a method word, then perhaps its brands in brackets
	// (クレジットカード（VISA・JCB）) or more methods in a list
	// (VISA/Mastercard/JCB/AMEX/銀行振込), then "can be used".
	v.claim = regexp.MustCompile(`(?:各種)?` + flAlternation(claims).String() +
		`(?:[（(][^（()）。]{1,80}[）)])?(?:[/／・、,，][^/／・、,，。（()）]{1,20}){0,8}` +
		`(?:決済|払い)?(?:も|が|に|は|での)?(?:ご|お)?(?:利用|使用|お支払い|支払い|決済)?` +
		`(?:可能|可|ok|いただけます|頂けます|できます|対応|使えます)`)
	v.claimAt = regexp.MustCompile(`^(?:` + v.claim.String() + `)`)
	v.claimStart = newFlLitSet(append([]string{"各種"}, claims...))
	return v
})

// find returns the [start, end) of each method word in the compact text
// s, leftmost first and, at one position, longest first, without overlaps.
// (A loop of strings.Index is many times faster than one regexp of sixty
// alternatives on Go's backtracking matcher.)
func (v *flPayVocab) find(s string) [][2]int { return v.appendFind(nil, s) }

// appendFind is find into hits, an empty slice (a buffer on the
// caller's stack).
func (v *flPayVocab) appendFind(hits [][2]int, s string) [][2]int {
	if v.set != nil {
		// One pass over s: the longest word at the first position that has
		// one, then on from its end.
		for i := 0; i < len(s); {
			// mayAt (inlined) passes wherever longestAt finds a word:
			// most places have none, and a call each costs more.
			if s[i]&0xC0 == 0x80 || !v.set.mayAt(s, i) {
				i++
				continue
			}
			if n := v.set.longestAt(s, i); n > 0 {
				hits = append(hits, [2]int{i, i + n})
				i += n
				continue
			}
			i++
		}
		return hits
	}
	for _, w := range v.words {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			hits = append(hits, [2]int{from + i, from + i + len(w)})
			from += i + len(w)
		}
	}
	if len(hits) < 2 {
		return hits
	}
	// slices.SortFunc, not sort.Slice: hits (often the caller's stack
	// buffer) must not escape through an interface. The order is total
	// (equal hits are the same hit), so the result is the same.
	slices.SortFunc(hits, func(a, b [2]int) int {
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		return cmp.Compare(b[1], a[1])
	})
	out := hits[:1]
	for _, h := range hits[1:] {
		if h[0] >= out[len(out)-1][1] {
			out = append(out, h)
		}
	}
	return out
}

// appendClaims appends to dst the [start, end) of every match of v.claim in
// cs, as v.claim.FindAllStringIndex(cs, -1) gives them: every match
// starts with a word of claimStart, so the leftmost match from a place is
// claimAt's at the first such word from there where claimAt matches (an
// expression with nothing that looks behind its start matches alike on
// the text from that start). The regexp engine tried the expression's
// sixty alternatives at every byte; this tries it at the few words.
// TestFlClaimsAgree holds it to FindAllStringIndex.
func (v *flPayVocab) appendClaims(dst [][2]int, cs string) [][2]int {
	for pos := 0; pos < len(cs); {
		c := v.claimStart.index(cs[pos:])
		if c < 0 {
			break
		}
		c += pos
		if loc := v.claimAt.FindStringIndex(cs[c:]); loc != nil && loc[1] > 0 {
			dst = append(dst, [2]int{c, c + loc[1]})
			pos = c + loc[1]
			continue
		}
		pos = c + 1
	}
	return dst
}

// flAlternation compiles words (already compact) into one regexp that
// prefers the longest word at each position.
func flAlternation(words []string) *regexp.Regexp {
	ws := append([]string(nil), words...)
	sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(`(?:` + strings.Join(q, "|") + `)`)
}

var (
	flDecoration = shopMustRe(`^(?:[\s■□●○◆◇▼▽▶▷►★☆※・\-*#【\[「『<(〈《]|\d{1,2}[.)．、])+`)
	// flDecorationOne is one mark of flDecoration.
	flDecorationOne = shopMustRe(`^(?:[\s■□●○◆◇▼▽▶▷►★☆※・\-*#【\[「『<(〈《]|\d{1,2}[.)．、])`)
	flCloser        = shopMustRe(`^[\s】\]」』>)〉》]+`)
	// flStopLabel starts a line that begins another topic of a guide or a
	// 特定商取引法 table (matched on lower case).
	flStopLabel = shopMustRe(`^(?:販売(?:業者|事業者|者|責任者|価格|数量|url)|事業者|運営|責任者|代表|所在地|住所|電話|tel|fax|メール|e-?mail|url|ホームページ|送料|配送|発送|お届け|商品の?引き?渡|引き?渡|返品|返金|交換|キャンセル|商品代金以外|代金以外|商品以外|必要料金|その他の?料金|お問い?合わ?せ|営業時間|営業日|定休日|会社概要|会社名|店舗|ショップ名|屋号|プライバシー|個人情報|ご注文|注文方法|動作環境|特記事項|不良品|ご利用ガイド|よくある|faq|新規会員|会員登録|ログイン|カート|マイページ|copyright|©|\(c\))`)
	// flNegation says a method cannot be used.
	flNegation = shopMustRe(`(?:ご?利用|使用|お?使い|お?取り?扱い|対応|導入|受け?付け?|選択|お選び|決済|お支払い?|支払い?)` +
		`(?:いただけ|頂け|でき|出来|し?て(?:おり|い)|いたし|致し|し|され|になれ)?ません` +
		`|扱っ(?:て(?:おり|い))?ません|(?:支払|払|決済)い?(?:は|が|も)(?:でき|出来)ません` +
		`|不可|停止|休止|中止|メンテナンス|調整中|契約更新中|障害発生|障害中|障害のため|非対応|対応外|使えません|使えない|利用できない|できかね|致しかね|いたしかね|お断り` +
		// 「ただいまクレジットカード決済が大変混み合っております。お支払い
		// は銀行振込にて」: the excuse a fake gives for its card logos.
		`|混み合っ(?:ており|てい)ます|混雑し(?:ており|てい)ます`)
	// flQualifier narrows a statement about a method to a case (foreign
	// cards, instalments, cancellations, card data ...): such a statement
	// does not say that the method is unavailable.
	flQualifierWords = shopMustRe(`キャンセル|返品|返金|交換|変更|分割|リボ|ボーナス|海外|国外|外国|デビット|プリペイド|一部|法人|家族|名義|手数料|場合|際|以外|金額|回払|ポイント|3d|本人認証|セキュリティ|定期|予約|ギフト|情報|番号|保存|預か|一括|送料|お届け|発送|領収|請求|上限|限度|以上|未満|超え` +
		`|[〜~]|から|まで|期間|の間`)
	// flQualifierNums are the dates and times of flQualifier, which needs
	// both: flQualified.
	flQualifierNums = shopMustRe(`\d+月\d+日|\d+/\d+|\d+:\d+|\d+時`)
	flClaimNeg      = shopMustRe(`ません|不可|停止|休止|ない`)
	// flTermsHints: flTermsLabel needs one of them in the line.
	flTermsHints = newFlLitSet([]string{"支払", "決済"})
	// flClaimEnds holds the endings of flPayVocab.claim: a sentence without
	// one cannot hold a claim.
	flClaimEnds = newFlLitSet([]string{"可", "ok", "いただけます", "頂けます", "できます", "対応", "使えます"})
)

// flQualified reports whether flQualifier (flQualifierWords or
// flQualifierNums) matches s; the dates and times need an ASCII digit.
func flQualified(s string) bool {
	return flQualifierWords.MatchString(s) || (strings.ContainsAny(s, "0123456789") && flQualifierNums.MatchString(s))
}

// flStripDecoration removes list marks and numbering (flDecoration) from
// the start of line; flDecorationOne, one mark, tells cheaply whether there
// is any, read on the line's first flDecorationRunes() runes (its match
// lies there: TestFlStripDecorationAgrees).
func flStripDecoration(line string) string {
	head := line
	if n := flDecorationRunes(); n >= 0 {
		head = flHeadRunes(line, n)
	}
	if !flDecorationOne.MatchString(head) {
		return line
	}
	return flDecoration.ReplaceAllString(line, "")
}

// flDecorationRunes is the most runes a match of flDecorationOne spans.
var flDecorationRunes = sync.OnceValue(func() int { return flMaxRunes(flDecorationOne.String()) })

// flJoins reports whether s joins the items of a list of methods: an
// optional 決済, 払い or でのお支払い, then an optional joining word, and
// nothing more. It is read by hand rather than by an expression
// (TestFlJoinsAgrees holds it to the expression flConnector it replaced).
func flJoins(s string) bool {
	if len(s) > len("でのお支払いもしくは") {
		return false
	}
	for _, pre := range flJoinLeads {
		if rest, ok := strings.CutPrefix(s, pre); ok && (rest == "" || slices.Contains(flJoinWords, rest)) {
			return true
		}
	}
	return false
}

// The parts of flJoins: the leads (the empty one first) and the
// joining words.
var (
	flJoinLeads = []string{"", "決済", "払い", "でのお支払い"}
	flJoinWords = []string{"・", "、", ",", "/", "&", "+", "と", "や", "および", "及び", "または", "又は", "もしくは"}
)

// flNegationHints are substrings of which every flNegation match holds one
// (TestFlNegationHintsCover): a text without one holds no negation.
var flNegationHints = []string{"ません", "不可", "停止", "休止", "中止", "メンテナンス", "調整中", "契約更新中", "障害", "非対応", "対応外", "ない", "かね", "お断り", "混み合", "混雑"}

// flMayNegate reports whether s holds one of flNegationHints, without
// which flNegation cannot match it: most texts hold none, and the test
// costs less than the expression.
func flMayNegate(s string) bool {
	for _, h := range flNegationHints {
		if strings.Contains(s, h) {
			return true
		}
	}
	return false
}

// flMention is a payment method named in a sentence.
type flMention struct {
	method  string
	start   int
	negated bool // the sentence says the method cannot be used
}

// flMentions finds the payment methods named in a compact sentence and
// whether each is said to be unavailable. Methods listed together
// ("クレジットカード・代引きはご利用いただけません") share the statement that
// follows the list; a statement narrowed by a qualifier ("海外発行のカード",
// "分割払い", "キャンセル") does not count as unavailability.
func flMentions(s string) []flMention { return flAppendMentions(nil, s) }

// flAppendMentions is flMentions appending to out.
func flAppendMentions(out []flMention, s string) []flMention {
	v := flPayData()
	var buf [16][2]int
	idx := v.appendFind(buf[:0], s)
	if len(idx) == 0 {
		return out
	}
	out = slices.Grow(out, len(idx)) // one mention a word
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && flJoins(s[idx[j][1]:idx[j+1][0]]) {
			j++
		}
		end := len(s)
		if j+1 < len(idx) {
			end = idx[j+1][0]
		}
		before := s[:idx[i][0]]
		if i > 0 {
			before = s[idx[i-1][1]:idx[i][0]]
		}
		window := s[idx[j][1]:end]
		neg := false
		if !flMayNegate(window) {
			// most windows hold no negation at all: skip the regexp
		} else if loc := flNegation.FindStringIndex(window); loc != nil {
			neg = !flQualified(window[:loc[1]]) && !flQualified(before)
			// One card brand turned down alone (ダイナースクラブカードは扱って
			// おりません) leaves the others: the card is still taken.
			if neg && i == j && flCardBrandWord(s[idx[i][0]:idx[i][1]]) {
				neg = false
			}
		}
		// A note in brackets speaks of the last item only: 銀行振込、
		// クレジットカード(メンテナンス中).
		bracket := strings.HasPrefix(window, "(")
		for k := i; k <= j; k++ {
			out = append(out, flMention{method: v.methodOf[s[idx[k][0]:idx[k][1]]], start: idx[k][0], negated: neg && (!bracket || k == j)})
		}
		i = j + 1
	}
	return out
}

// flCardBrands are words of one card brand, as against the card itself
// (クレジットカード, カード決済).
var flCardBrands = []string{"visa", "master", "jcb", "amex", "americanexpress", "アメリカンエキスプレス", "アメックス",
	"diners", "ダイナース", "discover", "ディスカバー", "unionpay", "銀聯", "銀联"}

// flCardBrandWord reports whether w (a compact, lower-case method word)
// names one card brand.
func flCardBrandWord(w string) bool {
	w = strings.ToLower(w)
	for _, b := range flCardBrands {
		if strings.Contains(w, b) {
			return true
		}
	}
	return false
}

// flMethodOrder gives each method of flMethodNames its bit in flMethods.
var flMethodOrder = [...]string{"card", "bank", "cod", "konbini", "deferred", "wallet", "carrier"}

// flMethods is a set of the methods of flMethodNames, a bit each
// (flMethodOrder): a section names a few, and a set of bits costs no map.
type flMethods uint8

// flMethodBit is the bit of method, 0 for a method not in flMethodOrder.
func flMethodBit(method string) flMethods {
	for i, m := range flMethodOrder {
		if m == method {
			return 1 << i
		}
	}
	return 0
}

// has reports whether the set holds method.
func (ms flMethods) has(method string) bool { return ms&flMethodBit(method) != 0 }

// count is the number of methods in the set.
func (ms flMethods) count() int { return bits.OnesCount8(uint8(ms)) }

// flTerms is a payment-terms section: the text after a label such as
// お支払い方法 in a guide or a 特定商取引法 table.
type flTerms struct {
	page     int
	url      string
	text     []string  // written lines (lines made only of image alt texts left out)
	offered  flMethods // the methods it names, other than as unavailable
	complete bool      // ended at another topic or the page's end, not at the length cap
}

// flShown is an advertised method and how it was shown.
type flShown struct {
	page  int
	what  []string // logo names, or the claim as written
	claim bool
}

// flPayments is what a site says about payment.
type flPayments struct {
	terms       []flTerms
	offered     flMethods           // union of the terms' offered methods
	advertised  map[string]*flShown // method -> where and how it is shown
	unavailable []flNote            // statements that card payment cannot be used
}

// flNote is a piece of text and where it was found.
type flNote struct {
	page int
	url  string
	text string
}

// flPaymentsOf reads the payment methods of every page of site.
func flPaymentsOf(site *Site) flPayments {
	return siteDerive(site, memoFlPayments, func(m *siteMemo) *flPayments { return &m.flPayments }, func() flPayments { return flPaymentsOfUncached(site) })
}

// flPaymentsOfUncached does flPaymentsOf's work; flPaymentsOf keeps its answer for the site.
// It puts together, page by page, what each page says (flPagePayments,
// kept on the page), each under the page's index in the site.
//
// A site of one page (most targets) takes the page's terms and statements
// as they are kept on the page (their page index, 0, is already right)
// instead of copying them: flPaymentsJoined, the copying way, is what
// TestFlPaymentsOnePage holds it to.
func flPaymentsOfUncached(site *Site) flPayments {
	return flPaymentsJoined(site, len(site.Pages) == 1)
}

// flPaymentsJoined is flPaymentsOfUncached; share says to take the terms
// and statements of a site of one page from its page without copying.
func flPaymentsJoined(site *Site, share bool) flPayments {
	// The map is made when first written: most sites show no payment
	// logo or claim, and a nil map reads as an empty one.
	var pm flPayments
	advertise := func(method string, page int, what string, claim bool) {
		sh := pm.advertised[method]
		if sh == nil {
			sh = &flShown{page: page, claim: claim}
			if pm.advertised == nil {
				pm.advertised = map[string]*flShown{}
			}
			pm.advertised[method] = sh
		}
		if sh.page != page || sh.claim != claim {
			return
		}
		for _, w := range sh.what {
			if w == what {
				return
			}
		}
		sh.what = append(sh.what, what)
	}
	// The same sentence is read in a terms section and as a claim, and
	// on several pages: its mentions are worked out once a check (the
	// answer depends on the sentence alone).
	// The mentions found are kept one after another in arena, made on
	// first use (one allocation for the few sentences of most sites).
	var memo flMentionMemo
	var arena []flMention
	mentions := func(cs string) []flMention {
		ms, ok := memo.get(cs)
		if !ok {
			if arena == nil {
				arena = make([]flMention, 0, 16)
			}
			n := len(arena)
			arena = flAppendMentions(arena, cs)
			if len(arena) > n {
				ms = arena[n:len(arena):len(arena)]
			}
			memo.put(cs, ms)
		}
		return ms
	}
	for pi, p := range site.Pages {
		pp := flPagePayments(p, mentions)
		for _, a := range pp.logos {
			advertise(a.method, pi, a.what, false)
		}
		for _, t := range pp.terms {
			pm.offered |= t.offered
		}
		if share {
			pm.terms, pm.unavailable = pp.terms, pp.unavailable // read only, like the page's
		} else {
			for _, t := range pp.terms {
				t.page = pi
				pm.terms = append(pm.terms, t)
			}
			for _, n := range pp.unavailable {
				n.page = pi
				pm.unavailable = append(pm.unavailable, n)
			}
		}
		for _, a := range pp.claims {
			advertise(a.method, pi, a.what, true)
		}
	}
	return pm
}

// flMentionMemo keeps the mentions of each compact sentence a check has
// read: the first flMentionRoom in an array searched in order (a site
// reads a few dozen sentences naming a method, and a map growing to hold
// them cost more than the searches), the rest in a map made when the
// array is full. TestFlMentionMemo holds it to a map.
type flMentionMemo struct {
	n    int
	keys [flMentionRoom]string
	vals [flMentionRoom][]flMention
	more map[string][]flMention
}

// flMentionRoom is how many sentences a flMentionMemo holds in its array.
const flMentionRoom = 32

// get returns the mentions kept for cs, and whether there are any.
func (m *flMentionMemo) get(cs string) ([]flMention, bool) {
	for i := range m.n {
		if m.keys[i] == cs {
			return m.vals[i], true
		}
	}
	ms, ok := m.more[cs]
	return ms, ok
}

// put keeps ms for cs (not kept yet).
func (m *flMentionMemo) put(cs string, ms []flMention) {
	if m.n < flMentionRoom {
		m.keys[m.n], m.vals[m.n] = cs, ms
		m.n++
		return
	}
	if m.more == nil {
		m.more = map[string][]flMention{}
	}
	m.more[cs] = ms
}

// flPagePay is what one page says about payment, in page order: the
// methods its logos show, its terms sections, its statements that card
// payment cannot be used and the methods it claims. It depends on the
// page alone (page indexes are left 0, for the site to fill in) and is
// kept on it (read only).
type flPagePay struct {
	logos, claims []flAdvert
	terms         []flTerms
	unavailable   []flNote
}

// flAdvert is a method a page shows and how (a logo name, or the claim).
type flAdvert struct {
	method, what string
}

// flPagePayments is what page p says about payment, kept on the page;
// mentions is flMentions (or a cache of it).
func flPagePayments(p *Page, mentions func(string) []flMention) flPagePay {
	return pageDerive(p, pageFlPayments, func(m *pageMemo) *flPagePay { return &m.flPayments }, func() flPagePay { return flPagePaymentsUncached(p, mentions) })
}

// flPagePaymentsUncached does flPagePayments's work: the page's logos, its
// terms sections (flTermsOf), and, in the lines naming a method, its
// statements that card payment cannot be used and its claims.
func flPagePaymentsUncached(p *Page, mentions func(string) []flMention) flPagePay {
	v := flPayData()
	var out flPagePay
	// Logos, from alt texts and file names.
	for _, im := range p.Images {
		names := flNamesOf(im)
		if !v.mayShow(names) {
			continue
		}
		for _, lg := range v.logos {
			if names.match(lg.word) {
				out.logos = append(out.logos, flAdvert{lg.method, lg.shown})
			}
		}
	}
	cp := flCompactPageOf(p)
	terms, inTerms := flTermsOf(p, 0, cp, nil, mentions)
	out.terms = terms
	// A sentence without a method word has no mention: read only the
	// lines that hold one.
	for li := range cp.with(flHasPayment) {
		for it := flPairsOf(p.Lines[li], cp.line(li)); it.next(); {
			sent, cs := it.sent, it.compact
			ms := mentions(cs)
			if len(ms) == 0 {
				continue // a claim names a method too
			}
			for _, m := range ms {
				if m.method == "card" && m.negated {
					out.unavailable = append(out.unavailable, flNote{url: p.URL, text: sent})
					break
				}
			}
			if (li < len(inTerms) && inTerms[li]) || !flClaimEnds.any(cs) {
				continue // every claim ends in one of flClaimEnds
			}
			if shopQuestionRe.MatchString(sent) {
				continue // 「Q. クレジットカードは使えますか?」 asks, it does not offer (p43)
			}
			var claimBuf [4][2]int
			for _, loc := range v.appendClaims(claimBuf[:0], cs) {
				after := []rune(cs[loc[1]:])
				if len(after) > 8 {
					after = after[:8]
				}
				if flClaimNeg.MatchString(string(after)) || flClaimNeg.MatchString(cs[loc[0]:loc[1]]) {
					// Withdrawn after the claim, or inside its list or
					// brackets (クレジットカード・代金引換はご利用いただけません、
					// 銀行振込のみ対応).
					continue
				}
				if ms := v.find(cs[loc[0]:loc[1]]); len(ms) > 0 {
					out.claims = append(out.claims, flAdvert{v.methodOf[cs[loc[0]+ms[0][0]:loc[0]+ms[0][1]]], "「" + Clip(sent, 40) + "」"})
				}
			}
		}
	}
	out.logos, out.claims, out.terms, out.unavailable = clip(out.logos), clip(out.claims), clip(out.terms), clip(out.unavailable)
	for i := range out.terms {
		out.terms[i].text = clip(out.terms[i].text)
	}
	return out
}

// flImageNames is an image's alt text and file name, prepared for
// matching logo words.
type flImageNames struct {
	alt    string   // compact alt text
	parts  []string // parts of the file name between non-letters, digits trimmed
	joined string   // the file name without separators
}

func flNamesOf(im Image) flImageNames {
	n := flImageNames{alt: flCompact(im.Alt)}
	src := im.Src
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		src = src[:i]
	}
	if strings.HasPrefix(src, "data:") {
		return n
	}
	base := strings.ToLower(path.Base(src))
	base = strings.TrimSuffix(base, path.Ext(base))
	n.parts = strings.FieldsFunc(base, func(r rune) bool {
		return !(r >= 'a' && r <= 'z') && !(r >= '0' && r <= '9') && r < 0x80
	})
	n.joined = strings.Join(n.parts, "")
	for i, p := range n.parts {
		n.parts[i] = strings.TrimRight(p, "0123456789")
	}
	return n
}

// mayShow reports whether names.match holds for some logo word of v: a
// test that costs a pass over the alt text and file name rather than one
// a logo word (most images show no logo). TestFlMayShowAgrees holds it
// to asking every word.
func (v *flPayVocab) mayShow(n flImageNames) bool {
	if n.alt != "" && v.logoAlt.any(n.alt) || n.joined != "" && v.logoLong.any(n.joined) {
		return true
	}
	for _, p := range n.parts {
		if v.logoPart[p] {
			return true
		}
	}
	return false
}

// match reports whether the image names word (lower case) in its alt text
// or its file name: a whole part of the name, or anywhere in it for words
// of six letters or more.
func (n flImageNames) match(word string) bool {
	if n.alt != "" && strings.Contains(n.alt, word) {
		return true
	}
	if len(word) >= 6 {
		return n.joined != "" && strings.Contains(n.joined, strings.ReplaceAll(word, "_", ""))
	}
	for _, p := range n.parts {
		if p == word {
			return true
		}
	}
	return false
}

// flBodyLogos reports whether a page shows non-bank payment logos outside
// its header, footer and navigation.
func flBodyLogos(site *Site, pi int) bool {
	if site.Pages[pi].Doc == nil {
		return false
	}
	v := flPayData()
	for _, n := range flSiteImages(site)[pi].imgs {
		names := flNamesOf(Image{Src: attrOr(n, "src", attr(n, "data-src")), Alt: NFKC(attr(n, "alt"))})
		if !v.mayShow(names) {
			continue
		}
		for _, lg := range v.logos {
			if lg.method != "bank" && names.match(lg.word) && !flInChrome(n) {
				return true
			}
		}
	}
	return false
}

// flChromeRe matches the class or id of a page's header, footer or menu.
var flChromeRe = shopMustRe(`(?i)header|footer|nav|menu|sidebar`)

// flTermsOf finds the payment-terms sections of page p (index pi, compact
// lines cp); mentions is flMentions. It returns them and marks, by line,
// the lines read in a section: in inTerms (an empty slice whose array it
// may reuse), which it returns, grown to the page's lines, when a section
// was found; a line past its end is in none.
func flTermsOf(p *Page, pi int, cp *flCompactPage, inTerms []bool, mentions func(string) []flMention) ([]flTerms, []bool) {
	// Only a line holding 支払 or 決済 can start a section (flTermsLabel):
	// one pass finds them, and most pages have none.
	var labels []bool
	for li := range cp.with(flHasPayLabel) {
		if labels == nil {
			labels = make([]bool, len(p.Lines))
		}
		labels[li] = true
	}
	if labels == nil {
		return nil, inTerms
	}
	if cap(inTerms) >= len(p.Lines) {
		inTerms = inTerms[:len(p.Lines)]
		clear(inTerms)
	} else {
		inTerms = make([]bool, len(p.Lines))
	}
	label := func(i int) (string, bool) {
		if !labels[i] {
			return "", false
		}
		return flTermsLabel(p.Lines[i])
	}
	links := flLinkTexts(p)
	heads := make(map[string]bool, len(p.Headings))
	for _, h := range p.Headings {
		heads[h] = true
	}
	var alts []string
	var seenAlt map[string]bool // made only for a page with many images: a few are searched in alts
	for _, im := range p.Images {
		if im.Alt == "" || len(alts) >= 200 { // a hostile page may have thousands
			continue
		}
		if seenAlt != nil {
			if seenAlt[im.Alt] {
				continue
			}
			seenAlt[im.Alt] = true
		} else if slices.Contains(alts, im.Alt) {
			continue
		} else if len(alts) == 16 {
			seenAlt = make(map[string]bool, 2*len(alts))
			for _, a := range alts {
				seenAlt[a] = true
			}
			seenAlt[im.Alt] = true
		}
		alts = append(alts, im.Alt)
	}
	altOnly := func(line string) bool {
		for _, a := range alts {
			line = strings.ReplaceAll(line, a, "")
		}
		return strings.TrimSpace(strings.Trim(line, "/・|,、")) == ""
	}
	var out []flTerms
	for i := 0; i < len(p.Lines); i++ {
		content, ok := label(i)
		if !ok || (content == "" && links[p.Lines[i]]) {
			continue
		}
		t := flTerms{page: pi, url: p.URL}
		// add takes s, line li or the part of it after a label; cs is
		// flCompact(s) when s is the whole line, "" to build it.
		add := func(li int, s, cs string) {
			inTerms[li] = true
			if s == "" || altOnly(s) {
				return
			}
			t.text = append(t.text, s)
			if !cp.has(li, flHasPayment) {
				return // no method word in the line: no mention
			}
			if cs == "" {
				cs = flCompact(s)
			}
			for it := flPairsOf(s, cs); it.next(); {
				for _, m := range mentions(it.compact) {
					if !m.negated { // what a section says is unavailable is not read
						t.offered |= flMethodBit(m.method)
					}
				}
			}
		}
		add(i, content, "")
		runes := RuneCount(content)
		j := i + 1
		t.complete = true
		for ; j < len(p.Lines); j++ {
			l := p.Lines[j]
			if _, ok := label(j); ok {
				break
			}
			hasMethod := cp.has(j, flHasPayment)
			if flIsStop(l) || ((heads[l] || links[l]) && !hasMethod) {
				break
			}
			if j-i > 40 || runes > 2000 {
				t.complete = false
				break
			}
			add(j, l, cp.line(j))
			runes += RuneCount(l)
		}
		if len(t.text) > 0 {
			out = append(out, t)
		}
		i = j - 1
	}
	return out, inTerms
}

// flTermsLabel reports whether line starts with a payment-terms label and
// returns the text after it on the same line.
func flTermsLabel(line string) (string, bool) {
	if !strings.Contains(line, "支払") && !strings.Contains(line, "決済") {
		return "", false // a label holds one of them: skip the reading
	}
	s := flStripDecoration(line)
	end, noun, compound, ok := flPayLabelAt(s)
	if !ok {
		return "", false
	}
	rest := s[end:]
	hasNoun := noun || compound // 方法, について …, or a compound label (支払方法・時期)
	if rest == "" {
		return "", hasNoun
	}
	if c := flCloser.FindString(rest); c != "" {
		rest = strings.TrimLeft(rest[len(c):], ":： ")
		return strings.TrimSpace(rest), true
	}
	if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：") {
		return strings.TrimSpace(strings.TrimLeft(rest, ":："+" ")), true
	}
	if hasNoun && strings.HasPrefix(rest, "は") {
		return strings.TrimSpace(strings.TrimPrefix(rest, "は")), true
	}
	return "", false
}

// flPayLabelAt reads the payment-terms label at the start of s (商品代金の
// お支払い方法, 決済, 支払方法・時期 …; decoration stripped) by hand, as
// the expression flPayLabel it replaced did (kept in the tests): it
// returns the end of the label, whether the label's noun (方法, 方式,
// 手段, について) and a compound part (・時期 …) were there, and false
// when s does not start with one. Each optional part of the expression is
// a literal that no other part can start with, so taking it whenever it
// is there is the match the expression prefers; only the compound part,
// whose inner お?支払い? may be followed by no noun, is tried both ways.
// TestFlPayLabelAgrees holds it to the expression.
func flPayLabelAt(s string) (end int, noun, compound, ok bool) {
	i := 0
	take := func(w string) bool {
		if strings.HasPrefix(s[i:], w) {
			i += len(w)
			return true
		}
		return false
	}
	take("商品")
	if take("代金") {
		take("の")
	}
	_ = take("お") || take("ご")
	switch {
	case take("支払"):
		take("い")
	case take("決済"):
	default:
		return 0, false, false, false
	}
	for _, w := range [...]string{"方法", "方式", "手段", "について", "の方法"} {
		if noun = take(w); noun {
			break
		}
	}
	end = i
	for _, w := range [...]string{"及び", "および", "・", "、", "と", "/"} {
		if !take(w) {
			continue
		}
		j := i // after the joining word
		nouns := [...]string{"時期", "期限", "方法", "について"}
		take("お")
		if take("支払") {
			take("い")
			for _, n := range nouns {
				if take(n) {
					return i, noun, true, true
				}
			}
		}
		i = j // without お?支払い?
		for _, n := range nouns {
			if take(n) {
				return i, noun, true, true
			}
		}
		break
	}
	return end, noun, false, true
}

// flIsStop reports whether line starts another topic (送料, 返品, 販売業者 …):
// it starts, lower-cased and its decoration stripped, with a label of
// flStopLabel, and is short or has a closer or a colon after the label.
//
// Only the line's first flStopRunes()+1 runes are lower-cased and read: a
// label (anchored at the start) lies in the first flStopRunes(), and
// whether a closer or colon follows it is told by the next rune (lower-
// casing maps rune by rune, and no letter lower-cases to a closer or a
// colon). Most lines of a terms section start with no label, and lower-
// casing a whole long line cost more than the rest of the test.
// TestFlIsStopAgrees holds it to the whole-line way.
func flIsStop(line string) bool {
	s := flStripDecoration(line)
	var low string
	if n := flStopRunes(); n >= 0 {
		low = flLowerHead(s, n+1)
	} else {
		low = strings.ToLower(s)
	}
	if !flStopLabel.MatchString(low) {
		return false // the word list answers at once for most lines
	}
	loc := flStopLabel.FindStringIndex(low)
	if loc == nil {
		return false
	}
	if RuneCount(s) <= 24 {
		return true
	}
	rest := flCloser.ReplaceAllString(low[loc[1]:], "")
	return rest != low[loc[1]:] || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "：")
}

// flStopRunes is the most runes a match of flStopLabel spans (flMaxRunes):
// -1 would make flIsStop lower-case every line whole.
var flStopRunes = sync.OnceValue(func() int { return flMaxRunes(flStopLabel.String()) })

// checkPaymentMismatch fires when a site advertises card (or other) payment
// that its payment terms do not offer: the terms offer only bank transfer,
// or say card payment is unavailable.
func checkPaymentMismatch(site *Site) []Finding {
	if !flMayMismatch(site) {
		return nil // most pages: the payments need not be read
	}
	return flPaymentMismatch(site)
}

// flMayMismatch reports whether payment-method-mismatch may fire on site:
// its terms can offer bank transfer only where a line naming a method
// holds a word of bank transfer, and card payment be unavailable only
// where such a line holds a negation hint (flMayNegate): both looked for
// in one pass (flMismatchWords). TestFlPaymentFastAgrees holds the sign
// with this test to the sign without it.
func flMayMismatch(site *Site) bool {
	for _, cp := range flCompactPages(site) {
		for li := range cp.with(flHasPayment) {
			if flMismatchWords().any(cp.line(li)) {
				return true
			}
		}
	}
	return false
}

// flMismatchWords finds, in one pass, what flMayMismatch looks for in a
// line: the negation hints of flMayNegate and the words of bank transfer.
var flMismatchWords = sync.OnceValue(func() *flLitSet {
	return newFlLitSet(append(slices.Clone(flNegationHints), flPayData().bank...))
})

// flPaymentMismatch is checkPaymentMismatch's check read from flPaymentsOf.
func flPaymentMismatch(site *Site) []Finding {
	pm := flPaymentsOf(site)
	shown := func(m string) string {
		sh := pm.advertised[m]
		if sh.claim {
			return flPageName(site, sh.page) + ": " + strings.Join(sh.what, " ")
		}
		return flPageName(site, sh.page) + ": " + strings.Join(sh.what, "/") + " のロゴ"
	}
	shownEN := func(m string) string {
		sh := pm.advertised[m]
		if sh.claim {
			return flPageNameEN(site, sh.page) + ": " + strings.Join(sh.what, " ")
		}
		return flPageNameEN(site, sh.page) + ": " + strings.Join(sh.what, "/") + " logos"
	}
	var fs []Finding
	onlyBank := pm.offered.count() == 1 && pm.offered.has("bank")
	if onlyBank {
		var t *flTerms
		for i := range pm.terms {
			// Logos in the body of the terms page may be part of the terms
			// (a 支払方法 cell holding card images): not a clear mismatch.
			if pm.terms[i].offered.has("bank") && pm.terms[i].complete && !flBodyLogos(site, pm.terms[i].page) {
				t = &pm.terms[i]
				break
			}
		}
		var methods []string
		for m := range pm.advertised {
			if m != "bank" {
				methods = append(methods, m)
			}
		}
		sort.Strings(methods)
		if t != nil && len(methods) > 0 {
			var shownAll, shownAllEN []string
			for _, m := range methods {
				shownAll = append(shownAll, shown(m))
				shownAllEN = append(shownAllEN, shownEN(m))
			}
			terms := t.text[0]
			for _, l := range t.text {
				if ms := flMentions(flCompact(l)); len(ms) > 0 && ms[0].method == "bank" {
					terms = l
					break
				}
			}
			fs = append(fs, Finding{
				Evidence:   strings.Join(shownAll, " / ") + " / 支払方法: " + Clip(terms, 40),
				EvidenceEN: strings.Join(shownAllEN, " / ") + " / payment terms: " + Clip(terms, 40),
				URL:        t.url,
				Message: Text{
					JA: fmt.Sprintf("%sが使えるように見せていますが、支払方法の説明では銀行振込しか選べません", flMethodList(methods)),
					EN: "The site shows " + flMethodListEN(methods) + " as accepted, but its payment terms offer only bank transfer",
				},
			})
		}
	}
	if pm.advertised["card"] != nil && len(pm.unavailable) > 0 {
		u := pm.unavailable[0]
		fs = append(fs, Finding{
			Evidence:   shown("card") + " / " + flPageName(site, u.page) + ": 「" + Clip(u.text, 60) + "」",
			EvidenceEN: shownEN("card") + " / " + flPageNameEN(site, u.page) + ": 「" + Clip(u.text, 60) + "」",
			URL:        u.url,
			Message: Text{
				JA: "クレジットカードが使えるように見せていますが、カード決済は利用できないと書いています（銀行振込への誘導）",
				EN: "The site shows card logos or claims, but says card payment is unavailable (steering buyers to bank transfer)",
			},
		})
	}
	return fs
}

// flMethodListEN names methods in English.
func flMethodListEN(methods []string) string {
	var n []string
	for _, m := range methods {
		n = append(n, flMethodNamesEN[m])
	}
	return strings.Join(n, ", ")
}

// flMethodList names methods in Japanese, joined with ・.
func flMethodList(methods []string) string {
	var n []string
	for _, m := range methods {
		n = append(n, flMethodNames[m])
	}
	return strings.Join(n, "・")
}

// The gift-card vocabulary of data/fluent_giftcards.txt, compiled into the
// sentence patterns of the payment-gift-card sign.
type flGiftVocab struct {
	payWith   *regexp.Regexp // "Amazonギフト券でのお支払い", "iTunesカード払い"
	payLabel  *regexp.Regexp // "お支払い方法: Amazonギフト券"
	typeCode  *regexp.Regexp // "お支払い画面にAmazonギフト券の番号を入力してください"
	sendCode  *regexp.Regexp // "WebMoneyの番号をメールでお送りください"
	sendAny   *regexp.Regexp // "ギフト券番号をお送りください" (generic: needs a store or a purchase)
	buyAtShop *regexp.Regexp // "コンビニでAppleギフトカードを購入してください"
	gift      *shopRe        // any store gift card
	names     *flLitSet      // every name, to skip lines and sentences without one cheaply
}

// named reports whether the compact sentence cs holds a gift-card or
// e-money name: every pattern needs one.
func (v *flGiftVocab) named(cs string) bool { return v.names.any(cs) }

// flGiftList reads fluent_giftcards.txt once: its names in compact form, by
// group (gift, code, generic) and all in the file's order. Readers copy
// before they reorder.
var flGiftList = sync.OnceValues(func() (groups map[string][]string, names []string) {
	groups = map[string][]string{}
	for _, l := range lines("fluent_giftcards.txt") {
		group, name, ok := strings.Cut(l, " ")
		if !ok || (group != "gift" && group != "code" && group != "generic") {
			panic("rules: fluent_giftcards.txt: want gift|code|generic NAME: " + l)
		}
		name = flCompact(name)
		groups[group] = append(groups[group], name)
		names = append(names, name)
	}
	return groups, names
})

// flGiftNames are every gift-card and e-money name, the words flKinds marks
// lines by: made without the expressions of flGiftData, which only a line
// naming one needs (most pages name none).
var flGiftNames = sync.OnceValue(func() *flLitSet {
	_, names := flGiftList()
	return newFlLitSet(names)
})

var flGiftData = sync.OnceValue(func() *flGiftVocab {
	groups, _ := flGiftList()
	g := flAlternation(groups["gift"]).String()
	named := flAlternation(append(append([]string(nil), groups["gift"]...), groups["code"]...)).String()
	all := flAlternation(append(append(append([]string(nil), groups["gift"]...), groups["code"]...), groups["generic"]...)).String()
	const ask = `[^。]{0,15}?(?:ください|下さい|お願い|願います|(?:いただ|頂)(?:く|け)[^。]{0,8}?(?:納付|支払|お支払|決済|完了|手続))`
	const send = `[^。]{0,30}?(?:送|メール|連絡|お知らせ|教え|伝え|撮影|写真|返信|line)` + ask
	return &flGiftVocab{
		names:     flGiftNames(),
		gift:      shopMustRe(g),
		payWith:   regexp.MustCompile(g + `[)）]?(?:の(?:番号|コード))?(?:で|にて|による|を使った|を使用した|を用いた|のみ)(?:の)?(?:お|ご)?(?:支払|決済|入金|精算|振込|払)|` + g + `払い`),
		payLabel:  regexp.MustCompile(`(?:お|ご)?(?:支払い?|決済|ご入金)(?:方法|手段)?(?:は|:|：|につきましては|については|につきまして)[^。]{0,20}?` + g),
		typeCode:  regexp.MustCompile(`(?:` + g + `)[^。]{0,20}?(?:番号|コード|id|pin)[^。]{0,30}?(?:記入|入力)` + ask),
		sendCode:  regexp.MustCompile(`(?:` + named + `)[^。]{0,20}?(?:番号|コード|id|pin)` + send),
		sendAny:   regexp.MustCompile(`(?:(?:` + all + `)[^。]{0,20}?(?:番号|コード|id|pin)|ギフトコード)` + send),
		buyAtShop: regexp.MustCompile(`コンビニ[^。]{0,12}?(?:` + all + `)[^。]{0,20}?(?:購入|お買い求め|買って)` + ask),
	}
})

var (
	// flGiftSkip marks sentences that are not a shop asking to be paid: a
	// negation, a warning about the fraud, a gift-card buying or selling
	// business, a campaign, or the shop's own gift certificates.
	flGiftSkip = shopMustRe(`ません|ないで(?:ください|下さい)|不可|お断り|禁止|詐欺|騙|だまさ|注意|要求|手口|被害|不審|怪し|買取|換金|プレゼント|進呈|当選|キャンペーン|還元|もらえる|差し上げ|贈呈|残高|amazonpay|アマゾンペイ|(?:当店|当社|弊社|自社|当ショップ|ショップ)(?:発行|オリジナル|専用|限定)?(?:の)?(?:ギフト|商品券|プリペイド)`)
	// flQuoted marks a phrase quoted as an example ("「…」といった").
	flQuoted = shopMustRe(`[」』"](?:という|といった|などと|のような|と言われ|と言って|と求め|と指示|と書|と記載|等|など)`)
	// flWarningPage marks a page about the fraud itself, or a business
	// that buys gift cards (their customers do send codes).
	flWarningPage = shopMustRe(`詐欺|注意喚起|被害|手口|買取|換金`)
	// flStoreOrBuy: a generic gift card or e-money word is about payment by
	// code only when a store or a purchase is named with it.
	flStoreOrBuy = shopMustRe(`コンビニ|購入|お買い求め|買って`)
)

// checkGiftCardPayment fires when a sentence asks to pay with store gift
// cards or to hand over prepaid codes.
func checkGiftCardPayment(site *Site) []Finding {
	if !flNamesGiftCard(site) {
		// No sentence asks for a gift card, and no terms section lists
		// one (most pages: their payments need not be read).
		return nil
	}
	return flGiftCardPayment(site)
}

// flNamesGiftCard reports whether a line of site names a gift card or
// e-money (flHasGiftCard), which payment-gift-card needs.
// TestFlPaymentFastAgrees holds the sign with this test to the sign
// without it.
func flNamesGiftCard(site *Site) bool {
	for _, cp := range flCompactPages(site) {
		for range cp.with(flHasGiftCard) {
			return true
		}
	}
	return false
}

// flGiftCardPayment is checkGiftCardPayment's check.
func flGiftCardPayment(site *Site) []Finding {
	v := flGiftData()
	var fs []Finding
	cps := flCompactPages(site)
	for pi, p := range site.Pages {
		// Only a line that names a gift card can hold a sentence that does
		// (and a page without one need not be checked for a warning page).
		checked := false
		for li := range cps[pi].with(flHasGiftCard) {
			if !checked {
				checked = true
				if flWarningPage.MatchString(p.Title) || flWarningPage.MatchString(strings.Join(p.Headings, " ")) || shopScamOn(site, p) {
					break // a page about the fraud (偽の通販サイトにご注意)
				}
			}
			for sent, cs := range flSentencePairs(p.Lines[li], cps[pi].line(li)) {
				if !v.named(cs) || flGiftSkip.MatchString(cs) || flQuoted.MatchString(cs) {
					continue
				}
				hit := v.payWith.MatchString(cs) || v.payLabel.MatchString(cs) || v.buyAtShop.MatchString(cs) ||
					v.typeCode.MatchString(cs) || v.sendCode.MatchString(cs) ||
					(v.sendAny.MatchString(cs) && flStoreOrBuy.MatchString(cs))
				if hit {
					fs = append(fs, Finding{Evidence: "「" + Clip(sent, 80) + "」", URL: p.URL})
					break
				}
			}
			if len(fs) > 0 {
				break
			}
		}
		if len(fs) > 0 {
			break
		}
	}
	if len(fs) == 0 {
		// A payment-terms section that lists a store gift card as a method.
	terms:
		for _, t := range flPaymentsOf(site).terms {
			for _, l := range t.text {
				cs := flCompact(l)
				if v.gift.MatchString(cs) && !flGiftSkip.MatchString(cs) {
					fs = []Finding{{Evidence: "支払方法: 「" + Clip(l, 80) + "」", EvidenceEN: "payment terms: 「" + Clip(l, 80) + "」", URL: t.url}}
					break terms
				}
			}
		}
	}
	if len(fs) > 0 && flGiftOnly(site) {
		// No other way to pay: the shop takes nothing but codes, which
		// no genuine shop does. Graded to reach high on its own.
		if fs[0].EvidenceEN == "" {
			fs[0].EvidenceEN = fs[0].Evidence
		}
		fs[0].Evidence += " / ほかの支払方法なし"
		fs[0].EvidenceEN += " / no other way to pay"
		fs[0].Severity, fs[0].Points = High, flGiftOnlyPoints
		fs[0].Message = Text{
			JA: "支払方法がギフトカードや電子マネーの番号だけです（正規の通販ではまずありません。番号を送らないでください）",
			EN: "The only way to pay is with gift-card or prepaid codes, which genuine shops do not ask for: do not send any codes",
		}
	}
	return fs
}

// flGiftOnlyPoints is payment-gift-card when gift cards are the only
// payment method: high on its own (rules.HighAt).
const flGiftOnlyPoints = 50

// flGiftOnly reports whether the site offers gift cards or prepaid codes
// and no other payment method (shop_payment.go's reading of every page).
func flGiftOnly(site *Site) bool {
	offered := Payments(site).Offered
	if _, ok := offered["gift-card"]; !ok {
		return false
	}
	for id := range offered {
		if id != "gift-card" && id != "e-money" {
			return false
		}
	}
	return true
}
