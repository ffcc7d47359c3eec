package rules

// The payment-method reading behind payment-transfer-only, shared with
// the payment-method-mismatch sign: which methods a site says it takes,
// which it says are unavailable, and which appear only as logos.

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// MethodTransfer is the id of bank transfer among the payment method ids
// of data/shop_payment_methods.txt.
const MethodTransfer = "bank-transfer"

// shopPayTable is the compiled payment-method list: one expression per
// line of the data file, and all of them together as a prefilter.
type shopPayTable struct {
	ids []string  // method id of each line
	res []*shopRe // expression of each line
	// lits indexes the literals of every line's prefilter; owners says
	// which lines each literal belongs to, always the lines that have no
	// prefilter.
	lits   *shopLitIndex
	owners map[string][]int
	always []int
}

var shopPayMethods = sync.OnceValue(func() shopPayTable {
	t := shopPayTable{owners: map[string][]int{}}
	var all []string
	for _, l := range lines("shop_payment_methods.txt") {
		id, pat := shopPayLine(l)
		if _, err := regexp.Compile(pat); err != nil {
			panic(fmt.Sprintf("rules: shop_payment_methods.txt %s: %v", id, err))
		}
		k := len(t.ids)
		// The first line of bank transfer, PayPay送金 and crypto is
		// made once for the gate (shopMayNameTransfer) and the table.
		var re *shopRe
		switch first := !slices.Contains(t.ids, id); {
		case first && id == MethodTransfer:
			re = shopTransferRe()
		case first && id == MethodPayPaySend:
			re = shopPaySendRe()
		case first && id == MethodCrypto:
			re = shopCryptoRe()
		default:
			re = shopMustRe(`(?i)` + pat)
		}
		t.ids = append(t.ids, id)
		t.res = append(t.res, re)
		idx := re.prefilter().idx
		if idx == nil {
			t.always = append(t.always, k)
			continue
		}
		for _, ls := range idx.groups {
			for _, lit := range ls {
				if !slices.Contains(t.owners[lit], k) {
					t.owners[lit] = append(t.owners[lit], k)
				}
				all = append(all, lit)
			}
		}
	}
	t.lits = newShopLitIndex(all)
	return t
})

// shopPayLine splits a line of shop_payment_methods.txt into the method's
// id and its expression.
func shopPayLine(l string) (id, pat string) {
	f := strings.Fields(l)
	if len(f) < 2 {
		panic(fmt.Sprintf("rules: shop_payment_methods.txt line %q: want an id and a pattern", l))
	}
	return f[0], strings.TrimSpace(strings.TrimPrefix(l, f[0]))
}

// MethodPayPaySend is the id of PayPay送金 (money sent to another PayPay
// user's account) among the payment method ids.
const MethodPayPaySend = "paypay-send"

// MethodCrypto is the id of payment in crypto-assets (USDT, ビットコイン).
const MethodCrypto = "crypto"

// shopTransferRe is bank transfer's expression of shop_payment_methods.txt,
// made alone (nil without such a line): payment-transfer-only's gate asks
// its prefilter of every page, and most pages name no transfer, so they need
// not build the whole table of methods, which takes this one as it is.
var shopTransferRe = sync.OnceValue(func() *shopRe { return shopMethodRe(MethodTransfer) })

// shopPaySendRe and shopCryptoRe are PayPay送金's and crypto's
// expressions, made alone for the same gate.
var (
	shopPaySendRe = sync.OnceValue(func() *shopRe { return shopMethodRe(MethodPayPaySend) })
	shopCryptoRe  = sync.OnceValue(func() *shopRe { return shopMethodRe(MethodCrypto) })
)

// shopMethodRe makes the expression of method id's first line of
// shop_payment_methods.txt, nil without one.
func shopMethodRe(id string) *shopRe {
	for _, l := range lines("shop_payment_methods.txt") {
		if lid, pat := shopPayLine(l); lid == id {
			return shopMustRe(`(?i)` + pat)
		}
	}
	return nil
}

// shopTransferFilter is the prefilter of bank transfer's expression: a text
// with none of its literals names no bank transfer. nil when there is none.
func shopTransferFilter() *shopLitIndex { return shopFilterOf(shopTransferRe()) }

// shopPaySendFilter is the prefilter of PayPay送金's expression.
func shopPaySendFilter() *shopLitIndex { return shopFilterOf(shopPaySendRe()) }

// shopFilterOf is re's prefilter, nil when re is nil or has none.
func shopFilterOf(re *shopRe) *shopLitIndex {
	if re != nil {
		return re.prefilter().idx
	}
	return nil
}

// shopPayMention is one payment method named in a sentence.
type shopPayMention struct {
	id         string
	start, end int
}

// shopCardStandsAlone reports whether a card mention at start of s that
// begins with a bare カード (「カード可」「店頭ではカードも使えます」) stands
// for a credit card: at the start, after punctuation or a space, or after
// では, なら or にて; not as the end of another word (ポイントカード, ICカード,
// キャッシュカード). Mentions that begin otherwise (クレジットカード) pass.
func shopCardStandsAlone(s string, start int) bool {
	if !strings.HasPrefix(s[start:], "カード") || start == 0 {
		return true
	}
	before := s[:start]
	if r, _ := utf8.DecodeLastRuneInString(before); strings.ContainsRune("、。,・/／ 　（(「:：", r) {
		return true
	}
	return strings.HasSuffix(before, "では") || strings.HasSuffix(before, "なら") || strings.HasSuffix(before, "にて")
}

// shopAppendMethods appends to dst the payment methods named in s, in
// order, not overlapping (the earlier, then the longer, then the first
// listed wins): with a buffer on the caller's stack, a sentence costs no
// allocation. A method name followed by 銀行 is a bank (PayPay銀行,
// 楽天銀行), and 振り込め is the fraud, not the payment.
func shopAppendMethods(dst []shopPayMention, s string) []shopPayMention {
	t := shopPayMethods()
	var candBuf [16]int
	cand := append(candBuf[:0], t.always...)
	// The lines whose literals occur in s (t.lits.each written out: a
	// closure would put cand on the heap).
	x := t.lits
	for i := 0; ; {
		at, next, g := x.scan(s, i)
		if g < 0 {
			break
		}
		for _, l := range x.groups[g] {
			if len(s)-at >= len(l) && shopEqualLowerASCII(s[at:at+len(l)], l) {
				for _, k := range t.owners[l] {
					if !slices.Contains(cand, k) {
						cand = append(cand, k)
					}
				}
			}
		}
		i = next
	}
	if len(cand) == 0 {
		return dst
	}
	slices.Sort(cand)
	var allBuf [16]shopPayMention
	var locBuf [8][2]int
	all := allBuf[:0]
	for _, k := range cand {
		re := t.res[k]
		for _, m := range re.appendAll(locBuf[:0], s) {
			id := t.ids[k]
			after := s[m[1]:]
			if id != MethodTransfer && strings.HasPrefix(after, "銀行") && !shopEndsJoined(s[m[0]:m[1]]) {
				continue
			}
			if id == MethodTransfer && strings.HasPrefix(after, "め") {
				continue
			}
			if id == "card" && !shopCardStandsAlone(s, m[0]) {
				continue // ポイントカードが使えます, ICカード可: no credit card
			}
			all = append(all, shopPayMention{id: id, start: m[0], end: m[1]})
		}
	}
	slices.SortStableFunc(all, func(a, b shopPayMention) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	from := len(dst)
	for _, m := range all {
		if len(dst) > from && m.start < dst[len(dst)-1].end {
			continue
		}
		dst = append(dst, m)
	}
	return dst
}

// shopEndsJoined reports whether a method's match ends with the word that
// joins it to the next (現金または, 現金・): what follows is another
// method (現金または銀行振込), not the rest of a bank's name (PayPay銀行).
func shopEndsJoined(m string) bool {
	for _, j := range []string{"または", "もしくは", "又は", "か", "・", "、", "/", "／"} {
		if strings.HasSuffix(m, j) {
			return true
		}
	}
	return false
}

// shopPayNegRe and shopPayPosRe find phrases that say a method cannot or
// can be used. Where both match at one place (ご利用いただけません holds
// ご利用いただけ), the negative one wins.
var (
	shopPayNegRe = shopMustRe(`(?i)ご利用(?:いただ|頂)けません|ご利用(?:いただ|頂)けない|利用できません|利用できない|利用不可|ご利用になれません|使用できません|お使いいただけません|使えません|使えない|使いません|使用しません|返却済|返却(?:いた)?しました|廃止(?:いた)?しました|廃止となりました|取り?扱いを終了|受付を終了|不可|停止中|準備中|近日対応|対応予定|導入予定|一時停止|停止して|停止いたし|休止|中止|メンテナンス中|調整中|契約更新中|障害(?:発生)?中|(?:取り?)?扱い?(?:は|が)?(?:ございません|しておりません|っておりません|っていません|いたしておりません|できません)|(?:支払|払|決済)い?(?:は|が|も)?(?:でき|出来)(?:ません|ない)|(?:いただく|頂く|する)こと(?:は|が)(?:でき|出来)(?:ません|ない)|対応しておりません|対応していません|非対応|未対応|導入(?:は|が)?(?:しておりません|していません|いたしておりません|しておらず)|混み合っ(?:ております|ています)|混雑して(?:おります|います)|受け付けておりません|受け付けていません|受付(?:を)?停止|承っておりません|お断り(?:します|しております|いたします|いたしております|させていただ)|お受けできません|お?受け(?:いた)?しておりません|発行(?:は|が)?(?:ございません|しておりません|いたしません|できません)|できかねます|not\s+available|unavailable|not\s+accepted|(?:can\s?not|can't|cannot|do\s+not|don't|does\s+not|doesn't)\s+(?:accept|take|use)|suspended|disabled`)
	shopPayPosRe = shopMustRe(`(?i)ご利用(?:いただ|頂)けます|ご利用(?:いただ|頂)ける|利用可能|ご利用可|利用できます|お使いいただけます|使えます|対応しております|対応しています|に対応|対応可|承ります|承っております|受け付けて|お選びいただけます|選べます|お選び(?:くだ|下)さい|可能です|available|accepted|we\s+accept`)
)

// shopPayStatus is a status phrase in a sentence.
type shopPayStatus struct {
	start, end int
	neg        bool
	// reason: the phrase ends a clause of reason (「カード決済は契約更新中
	// のため、銀行振込にてお願いします」): it says what comes before it,
	// not the method named after.
	reason bool
}

// shopReasonRe is the end of a clause of reason after a status phrase.
var shopReasonRe = regexp.MustCompile(`^(?:の|と)?(?:ため|為|につき|により|によって)`)

// shopPayStatuses returns the status phrases of s in order, a positive
// phrase overlapping a negative one dropped; appended to dst (a buffer on
// the caller's stack).
func shopPayStatuses(dst []shopPayStatus, s string) []shopPayStatus {
	out := dst[:0]
	var negBuf, posBuf [8][2]int
	negs := shopPayNegRe.appendAll(negBuf[:0], s)
	k := 0
	for _, m := range shopPayPosRe.appendAll(posBuf[:0], s) {
		// negs are in order: skip those ending before m, then test the
		// next one for overlap.
		for k < len(negs) && negs[k][1] <= m[0] {
			k++
		}
		if k < len(negs) && negs[k][0] < m[1] {
			continue
		}
		out = append(out, shopPayStatus{m[0], m[1], false, false})
	}
	for _, m := range negs {
		out = append(out, shopPayStatus{m[0], m[1], true, shopReasonRe.MatchString(s[m[1]:])})
	}
	// No two phrases start at one place (they do not overlap): any sort
	// gives the one order.
	slices.SortFunc(out, func(a, b shopPayStatus) int { return a.start - b.start })
	return out
}

// shopPayCondRe finds qualifiers that make a "not available" conditional
// (海外発行のカードは不可, 予約商品は代引き不可): the method is then offered
// in general.
var shopPayCondRe = shopMustRe(`一部|海外|国外|以外|特定の|円以上|円を?超え|離島|沖縄|北海道|地域|予約|取り寄せ|セール|定期|商品(?:に|によって|は|の場合)|場合|大型|同梱|ギフト`)

// shopPayInstalmentRe finds a way of paying by card (分割払い, リボ払い・ボ
// ーナス払い): shopInstalmentNegated tells whether it is what a sentence
// withdraws, not the card.
var shopPayInstalmentRe = shopMustRe(`(?:分割|リボ|ボーナス|一括|[0-9]+回)払い?(?:・(?:分割|リボ|ボーナス|一括|[0-9]+回)払い?)*`)

// shopInstalmentNegated reports whether an instalment way is itself what
// the negation follows (「分割払いはできません」「分割払いには対応しておりま
// せん」「リボ払い・ボーナス払いもご利用いただけません」): the card is then
// offered. 「クレジットカード（一括払い・分割払い）および代金引換はご利用いた
// だけません」 withdraws the card: the negation follows 代金引換.
func shopInstalmentNegated(s string) bool {
	for _, m := range shopPayInstalmentRe.FindAllStringIndex(s, 4) {
		rest := s[m[1]:]
		for _, p := range []string{"には", "では", "は", "も", "が", "、"} {
			if strings.HasPrefix(rest, p) {
				rest = rest[len(p):]
				break
			}
		}
		rest = strings.TrimLeft(rest, " ")
		for _, w := range []string{"できません", "出来ません", "できない", "不可"} {
			if strings.HasPrefix(rest, w) {
				return true
			}
		}
		if n := shopPayNegRe.FindStringIndex(rest); n != nil && n[0] == 0 {
			return true
		}
	}
	return false
}

// shopRefusedTogether reports whether the methods ms (from the transfer
// on) are one list that a refusal after it covers whole: joined by ・, と,
// や, および or a slash, the last followed by は, も or が
// (「銀行振込・クレジットカードは取り扱っておりません」). 「銀行振込、代引き不可」
// lists what is taken, then what is not.
func shopRefusedTogether(s string, ms []shopPayMention) bool {
	for k := 0; k+1 < len(ms); k++ {
		switch strings.TrimSpace(s[ms[k].end:ms[k+1].start]) {
		case "・", "と", "や", "および", "及び", "/", "／":
		default:
			return false
		}
	}
	rest := s[ms[len(ms)-1].end:]
	for _, p := range []string{"は", "も", "が", "によるお支払いは", "でのお支払いは", "のお支払いは"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// shopPayOnlyRe, applied to the text right after a bank-transfer mention,
// finds "only": 銀行振込のみ, 銀行振込(前払い)のみ, 銀行振込でのお支払いのみ,
// 銀行振込となります.
var shopPayOnlyRe = shopMustRe(`(?i)^[^` + shopPayOnlyStop + `]{0,15}?(?:` + shopPayOnlyWords + `)`)

// The parts of shopPayOnlyRe and shopPayOnlyStrongRe: the marks that end
// the reach of "only", the words, and the words anchored, which
// shopPayOnlyAfter tries where the expressions' lazy prefix could end.
const (
	shopPayOnlyStop        = `、,/・。はが`
	shopPayOnlyWords       = `のみ|だけ|に限り|に限ら|限定|のお取り?扱い|となります|とさせていただ|でお願い|にてお願い|only`
	shopPayOnlyStrongWords = `のみ|だけ|に限り|に限ら|限定|only`
)

var (
	shopPayOnlyAt       = shopMustRe(`(?i)^(?:` + shopPayOnlyWords + `)`)
	shopPayOnlyStrongAt = shopMustRe(`(?i)^(?:` + shopPayOnlyStrongWords + `)`)
)

// shopPayOnlyAfter is shopPayOnlyRe.MatchString(s) (with shopPayOnlyAt as
// words) or shopPayOnlyStrongRe.MatchString(s) (shopPayOnlyStrongAt): a
// word within the first sixteen places of s, none of the first runes
// before it a stop mark. The expression's lazy prefix made the regexp
// clear and walk its program over the whole rest of the sentence; this
// tries the anchored words (a finite set) at each of those sixteen
// places, stepping runes as the regexp does (a byte over invalid UTF-8,
// which the negated class takes).
func shopPayOnlyAfter(s string, words *shopRe) bool {
	for j, pos := 0, 0; ; j++ {
		if words.MatchString(s[pos:]) {
			return true
		}
		if j == 15 || pos >= len(s) {
			return false
		}
		r, n := utf8.DecodeRuneInString(s[pos:])
		if strings.ContainsRune(shopPayOnlyStop, r) {
			return false
		}
		pos += n
	}
}

// shopPayOnlyStrongRe is shopPayOnlyRe's "only" said outright (のみ, だけ,
// に限り): 「銀行振込でお願いします」 on a page about transfers is no
// statement that nothing else is taken.
var shopPayOnlyStrongRe = shopMustRe(`(?i)^[^` + shopPayOnlyStop + `]{0,15}?(?:` + shopPayOnlyStrongWords + `)`)

// shopPayOnlyBeforeRe finds an English "only" just before a bank-transfer
// mention: "we only accept bank transfer".
var shopPayOnlyBeforeRe = shopMustRe(`(?i)\bonly\s+(?:accept\s+|by\s+|via\s+|through\s+)*(?:a\s+)?$`)

// shopOnlyCondRe finds qualifiers that narrow a "transfer only" to some
// orders (予約商品は銀行振込のみ, 法人様は銀行振込のみ, 海外発送の場合は…):
// such a sentence does not say that the shop takes nothing else.
var shopOnlyCondRe = shopMustRe(`一部|海外|国外|以外|特定の|以上|円を?超え|離島|沖縄|北海道|地域|予約|取り寄せ|受注|オーダー|特注|名入れ|セール|定期|場合|大型|同梱|ギフト|法人|企業|団体|学校|官公庁|卸|業販|業者|まとめ|大口|高額|初回|2回目|会員`)

// shopOnlyNowRe finds, before a "transfer only", that it is said of the
// present (ただいま, 現在, 当面): a list of methods above it no longer
// holds. Fake shops list cards and cash on delivery, then take transfers
// alone.
var shopOnlyNowRe = shopMustRe(`ただいま|ただ今|只今|現在|当面|しばらくの間|今のところ`)

// shopPayAfterRe finds transfer after delivery (商品到着後にお振込み,
// 銀行振込(商品到着後), 後払い), or after a month of a service given
// (毎月末、当月分を: a tutor's or a school's fee): the buyer pays for what
// they had, which is not the prepayment that fake shops need.
var shopPayAfterRe = shopMustRe(`(?:到着|お届け|受け?取り?|受領|納品|着荷)(?:後|の後|してから|いただいてから|から)|後払い|後日払い|月末(?:に|、)?当月分|当月分を月末|前月分を|翌月末`)

// shopMailArrivesRe finds, just before a time of arrival, that what
// arrives is a mail or a notice (確認メール到着後, ご案内の受け取り後), not
// the goods.
var shopMailArrivesRe = shopMustRe(`(?i)(?:メール|e-?mail|mail|連絡|通知|案内|返信|メッセージ)(?:の|が)?$`)

// shopReturnsRe finds what a time after delivery may be about other than
// paying: returns, exchanges and guarantees (お届けから1週間は交換保証).
var shopReturnsRe = shopMustRe(`交換|返品|返金|保証|キャンセル|不良|破損|返送|補償`)

// shopPaidAfter reports whether sentence s has the buyer pay after the
// goods arrive (shopPayAfterRe), not only name a time after delivery for
// returns: 「銀行振込のみ（お届けから1週間は交換保証）」 is prepayment. The
// time counts for paying when what follows it up to the end of the
// sentence or bracket names no return, or names paying too.
func shopPaidAfter(s string) bool {
	for _, m := range shopPayAfterRe.FindAllStringIndex(s, -1) {
		if shopMailArrivesRe.MatchString(s[:m[0]]) {
			// 「ご注文確認メール到着後、3日以内にお振込みください」: what
			// arrives is the mail with the account, before the goods.
			continue
		}
		rest := s[m[1]:]
		if k := strings.IndexAny(rest, "。）)"); k >= 0 {
			rest = rest[:k]
		}
		if !shopReturnsRe.MatchString(rest) || strings.Contains(rest, "振") || strings.Contains(rest, "払") ||
			strings.Contains(rest, "入金") || strings.Contains(rest, "送金") {
			return true // 「到着後、不良がなければお振込み」 pays after
		}
	}
	return false
}

// shopBillRe finds, in a page's title or a heading, a demand to pay an
// unpaid bill or tax (電気料金未納のお知らせ, 差押予告): with a brand
// presented, the page is a fake bill, whose transfer is no shop's payment
// term (phishing-brand-impersonation and the account signs speak to it).
// Only the words of a demand: a shop's 「未払い・キャンセルについて」 or
// 「お支払いのお願い」 are its own terms.
var shopBillRe = shopMustRe(`未納|滞納|督促|差押|差し押さえ|送電停止|送電を停止|供給停止|最終通告|最終催告`)

// shopBillPage reports whether p's title or a heading demands an unpaid
// bill (shopBillRe).
func shopBillPage(p *Page) bool {
	return shopBillRe.MatchString(p.Title) || slices.ContainsFunc(p.shownHeadings(), shopBillRe.MatchString)
}

// shopDonationPage reports whether p is about a gift of money: its first
// heading (or, with no heading, a part of its title) is about nothing else
// (寄付のお願い, 献金について); a shop headed by its own name with 「- 寄付」 in
// its title, 「寄付つき福袋」, or a section 「寄付について」 further down is
// not.
func shopDonationPage(p *Page) bool {
	if heads := p.shownHeadings(); len(heads) > 0 {
		if shopDonationHeadRe.MatchString(heads[0]) {
			return true
		}
		return shopSupportHeadRe.MatchString(heads[0]) && shopGiftsNear(p, heads[0])
	}
	parts := strings.FieldsFunc(p.Title, func(r rune) bool { return strings.ContainsRune("|｜/／-–—:：", r) })
	return slices.ContainsFunc(parts, shopDonationHeadRe.MatchString)
}

// shopGiftsNear reports whether one of the three lines a page shows after
// its heading asks for gifts of money (皆さまからのご寄付は…).
func shopGiftsNear(p *Page, heading string) bool {
	lines := p.ShownLines()
	at := slices.Index(lines, heading)
	if at < 0 {
		return false
	}
	for _, l := range lines[at+1 : min(len(lines), at+4)] {
		if shopGiftAskedRe.MatchString(l) {
			return true
		}
	}
	return false
}

// shopGiftAskedRe is a gift the reader gives (ご寄付, 寄付金, 募金), not one a
// shop makes of its sales (売上の一部を寄付しています).
var shopGiftAskedRe = shopMustRe(`ご寄[付附]|寄[付附]金|寄[付附](?:の|を)お願い|募金|義援金|献金`)

// shopDonationRe finds money given, not paid for goods, in a sentence:
// donations, offerings, sponsorship. Transfers for them are no shop's
// payment terms. shopDonationHeadRe is a heading about nothing else (寄付,
// 献金について, 協賛金のお願い), not one that mentions a gift in passing (a
// fake shop's 「売上の一部を寄付しています」).
var (
	shopDonationRe     = shopMustRe(`寄付|寄附|献金|募金|義援金|協賛金|お布施|志納|奉納|初穂料|玉串料`)
	shopDonationHeadRe = shopMustRe(`^\s*(?:ご|お)?(?:寄付金?|寄附金?|献金|募金|義援金|協賛金?|布施|志納金?|奉納|初穂料|玉串料)(?:の|を)?(?:お願い|について|のご案内|ご案内|お申し?込み?|受付|方法|窓口)?\s*$`)
	// shopSupportHeadRe is an appeal for support (活動へのご支援をお願いします),
	// a donation page's heading only when what it shows next speaks of
	// gifts (shopDonationPage): a fake shop's 「ご支援のお願い」 sells.
	shopSupportHeadRe = shopMustRe(`^\s*(?:\S{1,12}への)?ご支援(?:の|を)?お願い(?:します|いたします|申し上げます)?\s*$`)
)

// shopRefundRe marks sentences about refunds, where bank transfer is how the
// shop pays back, not how the customer pays.
var shopRefundRe = shopMustRe(`(?i)返金|返品|払い?戻|返却|refund`)

// shopReceiveRe marks sentences about money the reader is to receive (a
// benefit, a tax refund, a grant: 「給付金の振込先口座をご入力ください」):
// the transfer is to them, no payment term. Such a page, if it asks for
// the account and the PIN, is the phishing signs' case. A pension paid
// into the reader's account (「年金をお振込みできません」, a fake 日本年金機構's
// lure) and the reader's account to register (振込先口座の登録内容) are that
// too, as is a platform paying its sellers (「登録口座へお振込みします」,
// 売上金).
var shopReceiveRe = shopMustRe(`給付金|還付金|助成金|補助金|支援金|お?受け?取り?口座|振込先口座を(?:ご)?(?:入力|登録)|振込先口座の(?:ご)?登録|年金(?:の|を|が)?(?:お?振込|お?支払|お?受け?取|給付|支給)|年金受給|(?:ご?登録|お客様の?)(?:の|された|いただいた)?口座(?:へ|に|まで)(?:お?振り?込み?(?:します|いたします|させていただ)|ご?送金(?:します|いたします)|ご?入金(?:します|いたします))|売上金`)

// shopReceivePage reports whether p is about a benefit or a tax refund paid
// to the reader (its title or first heading names 給付金 or 還付金): none of
// its sentences is a shop's payment term (「お振込みは本人名義の口座のみ
// となります」 is where the money goes).
func shopReceivePage(p *Page) bool {
	benefit := func(s string) bool { return strings.Contains(s, "給付金") || strings.Contains(s, "還付金") }
	heads := p.shownHeadings()
	return benefit(p.Title) || len(heads) > 0 && benefit(heads[0])
}

// shopDunningRe marks sentences that threaten what follows a payment not
// made (「お振込みがない場合、法的手続きに移行し、ご自宅へ回収に伺います」),
// with shopUnpaidRe for the condition:
// a one-click page's demand, where bank transfer is no payment term of a
// shop's. An honest shop's 「お振込みが確認できない場合はキャンセル」 makes
// no such threat.
var shopDunningRe = shopMustRe(`法的(?:手続|措置|処置)|回収に(?:伺|うかが|参)|(?:ご?自宅|ご?勤務先)(?:へ|に|まで)(?:回収|取り?立|伺|訪問|請求)|裁判|訴訟|督促|延滞金|遅延損害金`)

// shopUnpaidRe marks the condition of a dunning threat: a payment not made.
var shopUnpaidRe = shopMustRe(`(?:お?振込み?|お?支払い?|ご?入金)(?:が|の)?(?:ない|無い|なき|なければ|確認でき(?:ない|なけれ))|未払|未納|滞納|延滞|期限を過ぎ`)

// shopPayWordRe marks sentences about paying, to prefer them as evidence.
var shopPayWordRe = shopMustRe(`(?i)支払|決済|入金|前払|代金|payment`)

// shopQuestionRe marks questions (FAQ headings), which offer nothing.
var shopQuestionRe = shopMustRe(`(?:か|\?)\s*$|^\s*Q\s*[.:\d]`)

// PaymentInfo is what a site says about how to pay, read over all its
// pages. Keys are the method ids of data/shop_payment_methods.txt
// (bank-transfer, card, cash-on-delivery, convenience-store, deferred,
// paypay, d-barai, au-pay, carrier, rakuten-pay, amazon-pay, paypal,
// line-pay, postal-transfer, pay-easy, gift-card, …); each value is the
// first sentence that said it and its page.
type PaymentInfo struct {
	// The three maps are nil when empty (and shared by every caller:
	// read only).
	//
	// Offered are the methods named in the text as usable (a method said
	// to be unavailable only under a condition, 海外発行のカードは不可,
	// counts as offered). A method also said to be unavailable is not in
	// Offered.
	Offered map[string]Evidence
	// Unavailable are the methods said to be unavailable without a
	// condition (現在ご利用いただけません, 一時停止中, メンテナンス中).
	Unavailable map[string]Evidence
	// Logos are methods that appear only as images (card-brand logos by
	// alt text or file name) and are neither offered nor unavailable in
	// the text.
	Logos map[string]Evidence
	// TransferOnly is a sentence saying bank transfer is the only method
	// (「お支払い方法：銀行振込のみ」), nil when none says so.
	TransferOnly *Evidence
	// OnlyOverrides is true when a sentence says bank transfer is the only
	// method without narrowing it to some orders, and its page offers no
	// other method: the payment terms then outweigh methods named on other
	// pages (a banner's 「各種クレジットカード利用可」, a footer's card list).
	OnlyOverrides bool
	// AfterDelivery is a sentence saying the transfer is made after the
	// goods arrive (商品到着後にお振込みください), nil when none says so.
	AfterDelivery *Evidence
	// TransferFeeOnly is true when bank transfer is named only in fees
	// (商品代金以外の必要料金: 振込手数料): the payment terms were not read.
	TransferFeeOnly bool
}

// PaymentMethods returns the payment methods a site offers and those it
// says are unavailable (see PaymentInfo).
func PaymentMethods(site *Site) (offered, unavailable map[string]Evidence) {
	p := Payments(site)
	return p.Offered, p.Unavailable
}

// Payments reads every page of site (except pages about fraud) for the
// payment methods it names: sentence by sentence, skipping questions,
// warnings about fraud and (for bank transfer) refund terms.
func Payments(site *Site) PaymentInfo {
	return siteDerive(site, memoPayments, func(m *siteMemo) *PaymentInfo { return &m.payments }, func() PaymentInfo { return paymentsUncached(site) })
}

// paymentsUncached does Payments's work; Payments keeps its answer for the site.
// It replays, page by page, what each page says (shopPagePayments, kept on
// the page) into the site's answer.
func paymentsUncached(site *Site) PaymentInfo {
	// The maps are made when first written (most sites show no logo
	// and call no method unavailable); a nil map reads as an empty one.
	var offered, unavailable, logos map[string]Evidence
	var only, strictOnly, after *Evidence
	strictNow := false // strictOnly is said of the present (nowOnly)
	// pageOffered lists each method offered on a page (page URL, method
	// id), without repeats: a site names a handful, so a list is cheaper
	// than a map of maps.
	var poBuf [8][2]string
	pageOffered := poBuf[:0]
	transferScore := -1
	named := false // bank transfer named other than in a fee
	for _, p := range site.Pages {
		if p == nil || shopScamOn(site, p) || shopBillPage(p) && len(phishPresentedOn(site, p)) > 0 {
			// A fake bill presenting a brand: its transfer is a demand,
			// not a shop's payment terms.
			continue
		}
		pp := shopPagePayments(p)
		for _, l := range pp.logos {
			shopAddFirst(&logos, l.id, l.ev)
		}
		for k := range pp.mentions {
			m := &pp.mentions[k]
			switch m.kind {
			case shopPayNegCond:
				shopAddFirst(&offered, m.id, m.ev)
				continue
			case shopPayNeg:
				shopAddFirst(&unavailable, m.id, m.ev)
				continue
			}
			if po := [2]string{p.URL, m.id}; !slices.Contains(pageOffered, po) {
				pageOffered = append(pageOffered, po)
			}
			if m.kind == shopPayOffered {
				shopAddFirst(&offered, m.id, m.ev)
				continue
			}
			if after == nil && m.after {
				e := m.ev
				after = &e
			}
			if m.named {
				named = true
			}
			if m.score == 2 {
				if only == nil {
					e := m.ev
					only = &e
				}
				if strictOnly == nil && m.strictOnly {
					e := m.ev
					strictOnly, strictNow = &e, m.nowOnly
				}
			}
			if m.score > transferScore {
				if offered == nil {
					offered = map[string]Evidence{}
				}
				offered[MethodTransfer] = m.ev
				transferScore = m.score
			}
		}
	}
	for id := range unavailable {
		delete(offered, id)
	}
	if ev, ok := offered["paypay"]; ok {
		// PayPay named bare on a site that says PayPay送金 (the terms:
		// 「担当者のPayPay IDをお知らせ」, the disclosure: 「お支払い 銀行
		// 振込、PayPay」) is that 送金, not a checkout.
		if _, sent := offered[MethodPayPaySend]; sent && !shopPayPayCheckoutRe.MatchString(ev.Text) {
			delete(offered, "paypay")
		}
	}
	for id := range logos {
		if _, ok := offered[id]; ok {
			delete(logos, id)
		} else if _, ok := unavailable[id]; ok {
			delete(logos, id)
		}
	}
	if _, ok := offered[MethodTransfer]; !ok {
		only, strictOnly, after = nil, nil, nil
	}
	overrides := false
	if strictOnly != nil {
		overrides = true
		for _, po := range pageOffered {
			if strictNow {
				break // the page's other methods are the ones withdrawn
			}
			if po[0] != strictOnly.URL {
				continue
			}
			if _, gone := unavailable[po[1]]; po[1] != MethodTransfer && !gone {
				overrides = false
			}
		}
		if overrides {
			only = strictOnly
		}
	}
	_, transfer := offered[MethodTransfer]
	return PaymentInfo{Offered: offered, Unavailable: unavailable, Logos: logos, TransferOnly: only,
		OnlyOverrides: overrides, AfterDelivery: after, TransferFeeOnly: transfer && !named}
}

// shopPayPayCheckoutRe is PayPay named as a checkout (PayPay決済, PayPay
// 払い, オンライン決済) rather than bare.
var shopPayPayCheckoutRe = regexp.MustCompile(`(?i)(?:paypay|ペイペイ)\s?(?:決済|払い|残高|オンライン|あと払い|カード|銀行|クレジット)|(?:paypay|ペイペイ)[^。]{0,12}(?:決済|でのお支払い|でお支払い|払い)`)

// shopPagePay is what one page says of payment methods, in page order:
// the logos of its images and each method named in its sentences, with
// what the sentence says of it. It depends on the page alone and is kept
// on it (read only).
type shopPagePay struct {
	logos    []shopPayLogo
	mentions []shopPayNote
}

// shopPayLogo is a payment logo (an image's alt text or file name).
type shopPayLogo struct {
	id string
	ev Evidence
}

// The kinds of shopPayNote.
const (
	shopPayNegCond  = iota // named as unavailable under a condition: offered
	shopPayNeg             // named as unavailable
	shopPayOffered         // offered (not bank transfer)
	shopPayTransfer        // bank transfer offered
)

// shopPayNote is one method named in a sentence of a page.
type shopPayNote struct {
	kind int
	id   string
	ev   Evidence
	// Bank transfer only:
	after      bool // paid after delivery (shopPayAfterRe)
	named      bool // named other than in a fee (振込手数料)
	score      int  // 0 named, 1 as a payment word, 2 as the only method
	strictOnly bool // score 2, strictly and without condition
	// nowOnly is strictOnly said of the present (「※ただいま銀行振込のみ
	// 受け付けております」): the other methods its page names are
	// withdrawn for now, not offered beside it.
	nowOnly bool
}

// shopPagePayments is what page p says of payment methods, kept on the page.
func shopPagePayments(p *Page) shopPagePay {
	return pageDerive(p, pagePayments, func(m *pageMemo) *shopPagePay { return &m.payments }, func() shopPagePay { return shopPagePaymentsUncached(p) })
}

// shopPagePaymentsUncached reads page p sentence by sentence, skipping
// questions, warnings about fraud and (for bank transfer) refund terms.
//
// The notes are gathered in buffers on the stack and kept in slices of
// their exact length (one allocation each, none for a page without).
func shopPagePaymentsUncached(p *Page) shopPagePay {
	var logoBuf [4]shopPayLogo
	var noteBuf [8]shopPayNote
	out := shopPagePay{logos: logoBuf[:0], mentions: noteBuf[:0]}
	var logoAlts []string
	if len(p.Images) > 0 {
		logoAlts = shopPageLogos(p, func(id string, ev Evidence) {
			out.logos = append(out.logos, shopPayLogo{id, ev})
		})
	}
	t := shopPayMethods()
	var msBuf [8]shopPayMention
	var stBuf [8]shopPayStatus
	var sentBuf [8]string
	// A page about gifts of money (a donation, an offering) takes
	// transfers without selling anything, and one about a benefit pays
	// the reader: no shop's terms.
	// ふるさと納税 is a donation that buys a return gift: fakes of it are
	// shops (a fake 返礼品 site asking for a transfer).
	furusato := strings.Contains(p.Text, "返礼品") || strings.Contains(p.Text, "ふるさと納税")
	gift := !furusato && shopDonationPage(p) || shopReceivePage(p)
	for _, line := range p.Lines {
		if len(t.always) == 0 && !t.lits.any(line) || shopIsLogoLine(line, logoAlts) {
			continue
		}
		for _, s := range shopAppendSentences(sentBuf[:0], line) {
			ms := shopAppendMethods(msBuf[:0], s)
			if len(ms) == 0 || shopQuestionRe.MatchString(s) || shopScamContext(s) {
				continue
			}
			sts := shopPayStatuses(stBuf[:0], s)
			evText := shopClip(s, 120)
			cond := shopPayCondRe.MatchString(s) || shopInstalmentNegated(s)
			notTerms := gift || shopRefundRe.MatchString(s) || shopReceiveRe.MatchString(s) || shopDunningRe.MatchString(s) && shopUnpaidRe.MatchString(s) || !furusato && shopDonationRe.MatchString(s)
			for i, m := range ms {
				if m.id == MethodTransfer && notTerms {
					continue // how the shop pays back, or a threat: no payment term
				}
				n := shopPayNote{id: m.id, ev: Evidence{Text: evText, URL: p.URL}}
				neg := false
				if status, at := shopMentionStatus(m, sts); status == "neg" {
					neg = !shopStatusInLaterBracket(s, ms, i, sts[at])
				}
				next := len(s)
				if i+1 < len(ms) {
					next = ms[i+1].start
				}
				if neg && m.id == MethodTransfer && (i+1 < len(ms) && !shopRefusedTogether(s, ms[i:]) || i+1 == len(ms) && shopPayOnlyAfter(s[m.end:next], shopPayOnlyAt) && strings.ContainsAny(s[m.end:next], "（(、,，")) {
					// 「銀行振込のみ（クレジットカード／現金 不可）」,
					// 「銀行振込、代引き不可」, 「銀行振込（当店窓口での
					// お支払いは受け付けておりません）」: a refusal after
					// another method is that one's. Shops list what they
					// take, then what they do not. After 「のみ」 it is
					// something else's (「銀行振込のみ（店頭での受け取りは
					// 承っておりません）」): the transfer is the way, unless
					// the refusal follows 「のみ」 with no bracket or comma between
					// (「銀行振込のみ一時停止しております」: the transfer's own).
					neg = false
				}
				switch {
				case neg && cond:
					n.kind = shopPayNegCond
				case neg:
					n.kind = shopPayNeg
				case m.id != MethodTransfer:
					n.kind = shopPayOffered
				default:
					n.kind = shopPayTransfer
					n.after = shopPaidAfter(s)
					// A fee (振込手数料) says the method exists, not
					// that it is the way to pay.
					n.named = !strings.Contains(s[m.start:m.end], "手数料") && !strings.HasPrefix(s[m.end:], "手数料")
					excl := shopPayOnlyAfter(s[m.end:next], shopPayOnlyAt) ||
						shopPayOnlyBeforeRe.MatchString(s[shopPrevEnd(ms, i):m.start])
					strict := excl && (shopPayOnlyAfter(s[m.end:next], shopPayOnlyStrongAt) ||
						shopPayOnlyBeforeRe.MatchString(s[shopPrevEnd(ms, i):m.start]))
					if shopPayWordRe.MatchString(s) {
						n.score = 1
					}
					if excl {
						n.score = 2
						n.strictOnly = strict && !shopOnlyCondRe.MatchString(s)
						n.nowOnly = n.strictOnly && shopOnlyNowRe.MatchString(s[:m.start])
					}
				}
				out.mentions = append(out.mentions, n)
			}
		}
	}
	return shopPagePay{logos: keepClone(out.logos), mentions: keepClone(out.mentions)}
}

func shopPrevEnd(ms []shopPayMention, i int) int {
	if i == 0 {
		return 0
	}
	return ms[i-1].end
}

// shopAddFirst keeps ev under id in *m unless id is there already,
// making the map on the first write.
func shopAddFirst(m *map[string]Evidence, id string, ev Evidence) {
	if _, ok := (*m)[id]; !ok {
		if *m == nil {
			*m = map[string]Evidence{}
		}
		(*m)[id] = ev
	}
}

// shopMentionStatus says what the sentence says of one method, "neg" or
// "pos", and the index in sts of the phrase that says it: the first status
// phrase after the mention, else the last one before it (ご利用いただけない
// 決済方法: 代引き), else nothing ("" and -1: offered).
func shopMentionStatus(m shopPayMention, sts []shopPayStatus) (string, int) {
	kind := func(i int) (string, int) {
		if sts[i].neg {
			return "neg", i
		}
		return "pos", i
	}
	// sts are sorted by start and do not overlap, so their ends are
	// sorted too. The first that ends past the mention says it: one
	// after it, or one that begins inside it (現金でのお支払い|はできません:
	// the method's words and the status share 支払).
	if i := sort.Search(len(sts), func(i int) bool { return sts[i].end > m.end }); i < len(sts) {
		return kind(i)
	}
	if i := sort.Search(len(sts), func(i int) bool { return sts[i].end > m.start }); i > 0 && !sts[i-1].reason {
		return kind(i - 1)
	}
	return "", -1
}

// shopStatusInLaterBracket reports whether status st of sentence s stands
// in a bracket opened right after a mention later than ms[i] (「クレジット
// カード、銀行振込、楽天ペイ（準備中）」): it is that method's note, not
// one for the whole list, as 「クレジットカード・代金引換はご利用いただけ
// ません」 is.
func shopStatusInLaterBracket(s string, ms []shopPayMention, i int, st shopPayStatus) bool {
	k := -1
	for j := i + 1; j < len(ms) && ms[j].end <= st.start; j++ {
		k = j
	}
	if k < 0 {
		return false
	}
	between := strings.TrimSpace(s[ms[k].end:st.start])
	return (strings.HasPrefix(between, "（") || strings.HasPrefix(between, "(")) && !strings.ContainsAny(between, "）)")
}

// shopPageLogos calls logo for each payment method named by the page's
// images (alt text, or the file name: card_visa.png) and returns the alt
// texts that name one, so that lines made of them can be told apart from
// text.
func shopPageLogos(p *Page, logo func(id string, ev Evidence)) []string {
	var alts []string
	var buf [8]shopPayMention
	for _, im := range p.Images {
		name := im.Alt
		ms := shopAppendMethods(buf[:0], name)
		if len(ms) > 0 {
			// An alt text that states the terms (a picture of
			// 「お支払いは銀行振込のみ 振込先…」, which a fake shop draws
			// so that no filter reads it) is read as the page's words,
			// not passed over as a logo's name.
			if len(alts) < 50 && !slices.Contains(alts, im.Alt) && !shopAltStatesTerms(im.Alt) {
				alts = append(alts, im.Alt)
			}
		} else {
			base := shopFileWords.Replace(path.Base(im.Src))
			if ms = shopAppendMethods(buf[:0], base); len(ms) > 0 {
				name = path.Base(im.Src)
			}
		}
		for _, m := range ms {
			logo(m.id, Evidence{Text: shopClip("画像: "+name, 80), URL: p.URL})
		}
	}
	return alts
}

// shopAltStatesTerms reports whether an image's alt text states payment
// terms rather than names a logo: it says only (のみ, だけ, 限り) or gives
// where to send the money (振込先, 口座).
func shopAltStatesTerms(alt string) bool {
	for _, w := range []string{"のみ", "だけ", "限り", "限ら", "振込先", "振込み先", "口座"} {
		if strings.Contains(alt, w) {
			return true
		}
	}
	return false
}

// shopFileWords splits a file name into words: card_visa.png → card visa png.
var shopFileWords = strings.NewReplacer("_", " ", "-", " ", ".", " ")

// shopIsLogoLine reports whether a line is made only of the alt texts of
// payment logos (a footer row of card brands), which the text walker puts
// into the page text.
func shopIsLogoLine(line string, alts []string) bool {
	if len(alts) == 0 {
		return false
	}
	rest := line
	found := false
	for _, a := range alts {
		if a != "" && strings.Contains(rest, a) {
			rest = strings.ReplaceAll(rest, a, " ")
			found = true
		}
	}
	return found && strings.Trim(rest, " /|・、,") == ""
}

// shopTransferOnlyRule is payment-transfer-only.
func shopTransferOnlyRule() Rule {
	return Rule{
		ID: "payment-transfer-only", Severity: High, Points: 25, Topic: "shopping", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "支払方法が銀行振込（前払い）だけ（PayPay送金や暗号資産の送金だけ、またはそれらと銀行振込だけも）：クレジットカード・代引き・コンビニ払い等がどのページにもない",
			EN: "bank transfer (prepayment) is the only payment method (or PayPay money transfer or crypto sent to a wallet, alone or beside it): no card, cash on delivery, convenience-store or other method on any page",
		},
		Message: Text{
			JA: "支払方法が銀行振込だけです。詐欺サイトに多い特徴です。代金引換など、商品を受け取ってから払える方法がある店を選びましょう。",
			EN: "Bank transfer is the only way to pay. This is common on fraudulent shops; prefer shops that let you pay on delivery.",
		},
		Check: func(site *Site) []Finding {
			if !shopMayNameTransfer(site) {
				// No bank transfer named on any page: it cannot be
				// the only method, and the site's payments need not
				// be read (most pages).
				return nil
			}
			fs := shopTransferOnly(site)
			if len(fs) == 0 {
				return nil
			}
			for _, oc := range checkOneclick(site) {
				if oc.URL == fs[0].URL {
					// A one-click page's demand (お振込み期限 本日中) is
					// no shop's payment terms: its own sign says not to
					// pay at all, and the shopping advice would say to
					// pay another way.
					return nil
				}
			}
			return fs
		},
	}
}

// shopMayNameTransfer reports whether a line of site may name bank
// transfer, PayPay送金 or crypto: whether one holds a literal of one of
// their expressions' prefilters, without which shopAppendMethods never
// tries it.
// TestShopTransferOnlyFastAgrees holds the sign with this test to the
// sign without it.
func shopMayNameTransfer(site *Site) bool {
	gate := shopTransferGate()
	if gate == nil {
		return true // no prefilter: any line may
	}
	for _, p := range site.Pages {
		if p == nil {
			continue
		}
		for _, line := range p.Lines {
			if gate.any(line) {
				return true
			}
		}
	}
	return false
}

// shopTransferGate indexes the literals of the prefilters of bank transfer,
// PayPay送金 and crypto together, so that a line is scanned once for all
// three; nil when one of them has no prefilter.
var shopTransferGate = sync.OnceValue(func() *shopLitIndex {
	var all []string
	for _, f := range []*shopLitIndex{shopTransferFilter(), shopPaySendFilter(), shopFilterOf(shopCryptoRe())} {
		if f == nil {
			return nil
		}
		for _, ls := range f.groups {
			all = append(all, ls...)
		}
	}
	return newShopLitIndex(all)
})

// shopPostalAfter reports whether a postal transfer is paid after delivery:
// on arrival (shopPayAfterRe, as for bank transfer) or by a slip enclosed
// with the goods (同封の払込取扱票).
func shopPostalAfter(s string) bool {
	return strings.Contains(s, "同封") || shopPaidAfter(s)
}

// shopTransferOnly is payment-transfer-only's check read from Payments.
func shopTransferOnly(site *Site) []Finding {
	info := Payments(site)
	ev, ok := info.Offered[MethodTransfer]
	if !ok {
		return shopPaySendOnly(site, info)
	}
	if info.AfterDelivery != nil || info.TransferFeeOnly {
		// Paying by transfer after the goods arrive (farms and
		// workshops do) puts nothing at risk; a transfer fee
		// alone is no payment term.
		return nil
	}
	_, sent := info.Offered[MethodPayPaySend]
	if shopOtherMethods(info) > 0 && !info.OnlyOverrides {
		return nil
	}
	if info.TransferOnly != nil {
		ev = *info.TransferOnly
	} else if !shopPayWordRe.MatchString(ev.Text) && !shopPayHeading(site) && !shopLooksLikeShop(site) {
		// No sentence says transfer only or speaks of paying by it (ev
		// is the mention most about paying), no heading is about
		// paying (お支払い方法), and nothing here sells: a
		// bank's login page (「振込・振替の際にはワンタイムパスワードが
		// 必要です」) or an office notice names the transfer without
		// being anyone's payment terms, so the other methods' absence
		// says nothing.
		return nil
	} else if len(info.Logos) > 0 {
		// Card logos shown, and no sentence saying transfer
		// only: the card may be taken at a checkout page that
		// was not read. payment-method-mismatch judges logos.
		return nil
	}
	text := ev.Text
	if info.TransferOnly == nil && len(info.Unavailable) > 0 {
		// Transfer is left alone because the other methods were
		// withdrawn: the sentences that withdraw them are the evidence,
		// beside the one naming all ("銀行振込・代金引換・楽天ペイ"), which
		// read alone would seem to prove the opposite.
		var why []string
		for _, id := range slices.Sorted(maps.Keys(info.Unavailable)) {
			if t := info.Unavailable[id].Text; !slices.Contains(why, t) && len(why) < 2 {
				why = append(why, t)
			}
		}
		text = strings.Join(why, " / ") + " / " + text
	}
	f := Finding{Evidence: text, URL: ev.URL}
	if info.TransferOnly == nil && len(info.Unavailable) > 0 {
		// The evidence lists other methods, then withdraws them: say so,
		// or "transfer only" seems to contradict it.
		f.Message = Text{
			JA: "ほかの支払方法は使えないと書かれていて、選べるのは銀行振込だけです。詐欺サイトに多い特徴です。代金引換など、商品を受け取ってから払える方法がある店を選びましょう。",
			EN: "The site says its other ways to pay cannot be used, so bank transfer is the only choice. This is common on fraudulent shops; prefer shops that let you pay on delivery.",
		}
	}
	if sent {
		f.Message = Text{
			JA: "支払方法が銀行振込とPayPay送金（相手のPayPayへの送金）だけです。どちらも前払いで、届かなくても取り戻しにくい方法です。詐欺サイトに多い特徴です。代金引換など、商品を受け取ってから払える方法がある店を選びましょう。",
			EN: "The only ways to pay are bank transfer and PayPay money transfer (sending money to the seller's PayPay account): both are prepayment that is hard to get back if nothing arrives. This is common on fraudulent shops; prefer shops that let you pay on delivery.",
		}
	}
	return []Finding{f}
}

// shopPayHeading reports whether a heading of the site's pages speaks of
// paying (お支払い方法, 決済について): what follows it is payment terms.
func shopPayHeading(site *Site) bool {
	for _, p := range site.Pages {
		if p != nil && slices.ContainsFunc(p.Headings, shopPayWordRe.MatchString) {
			return true
		}
	}
	return false
}

// shopOtherMethods counts the methods offered that are not prepayment into
// someone's account: bank transfer, PayPay送金 to the seller's own account,
// crypto sent to a wallet and ゆうちょ振替 (unless a slip comes with the goods)
// are all that.
func shopOtherMethods(info PaymentInfo) int {
	n := len(info.Offered)
	for _, id := range []string{MethodTransfer, MethodPayPaySend, MethodCrypto} {
		if _, ok := info.Offered[id]; ok {
			n--
		}
	}
	if p, ok := info.Offered["postal-transfer"]; ok && !shopPostalAfter(p.Text) {
		n--
	}
	return n
}

// shopPaySendOnly is payment-transfer-only for a site that names no bank
// transfer: crypto sent to the seller's wallet, on a shop's payment terms,
// or PayPay送金 (money sent to the seller's own PayPay account, by
// its ID or number) as the only way to pay is the same prepayment into a
// person's account, with no checkout and nothing to get back if nothing
// arrives; fake shops moved to it as banks froze their accounts. PayPay's
// checkout (PayPay決済, a shop's QR code) is another method, and money
// sent when the goods are handed over or after they arrive puts nothing at
// risk.
func shopPaySendOnly(site *Site, info PaymentInfo) []Finding {
	ev, ok := info.Offered[MethodPayPaySend]
	crypto, cok := info.Offered[MethodCrypto]
	if !ok && !cok || len(info.Logos) > 0 {
		return nil
	}
	if ok && (shopPaidAfter(ev.Text) || shopPaySendAtHandover(ev.Text)) {
		return nil
	}
	if shopOtherMethods(info) > 0 {
		return nil
	}
	if !ok {
		// Crypto is named on news and exchange pages too: only a shop's
		// payment sentence counts.
		if !shopLooksLikeShop(site) || !shopPaySentenceRe.MatchString(crypto.Text) {
			return nil
		}
		return []Finding{{Evidence: crypto.Text, URL: crypto.URL, Message: Text{
			JA: "支払方法が暗号資産（仮想通貨）の送金だけです。送ったお金は取り戻せず、相手もたどりにくい払い方で、通販で暗号資産だけを求める店は詐欺の疑いが強いです。代金引換やクレジットカードが使える店を選びましょう。",
			EN: "The only way to pay is sending crypto-assets (USDT, bitcoin): money sent cannot be got back and the receiver is hard to trace. A shop that takes only crypto is very likely a fraud; prefer shops that take cash on delivery or cards.",
		}}}
	}
	return []Finding{{Evidence: ev.Text, URL: ev.URL, Message: Text{
		JA: "支払方法がPayPay送金（相手のPayPayアカウントへの送金）だけです。銀行振込と同じ前払いで、商品が届かなくても取り戻しにくい方法です。詐欺サイトに多い特徴です。代金引換など、商品を受け取ってから払える方法がある店を選びましょう。",
		EN: "The only way to pay is PayPay money transfer (sending money to the seller's own PayPay account): like a bank transfer it is prepayment, hard to get back if nothing arrives. This is common on fraudulent shops; prefer shops that let you pay on delivery.",
	}}}
}

// shopPaySentenceRe marks a sentence about paying.
var shopPaySentenceRe = shopMustRe(`(?i)支払|払い|決済|送金|payment|pay\b`)

// shopPaySendAtHandover reports whether a sentence has the money sent when
// the goods are handed over in person (受け渡し時にPayPay送金).
func shopPaySendAtHandover(s string) bool {
	for _, w := range []string{"受け渡し", "受渡し", "手渡し", "引き渡し", "引渡し", "お会いした", "対面"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
