package rules

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// oneclickRule is the sign of a one-click-fraud (架空請求) page.
// countdownMark starts the note of a countdown element found by its id or
// class; the evidence says so in the reader's language.
const countdownMark = "\x00countdown:"

func oneclickRule() Rule {
	return Rule{
		ID: "oneclick-billing", Severity: High, Points: 60, Topic: "billing", NeedsPage: true,
		Summary: Text{
			JA: "ワンクリック詐欺（架空請求）の画面：「登録完了」と料金に加え、期限・脅し文句・閲覧者のIPアドレスや端末情報の表示・「誤って登録された方」などの連絡誘導。「未納料金」の請求に訴訟・差し押さえなどの脅しと閲覧者の情報の表示や連絡誘導があるものも",
			EN: "a one-click-fraud (架空請求) page: \"registration complete\" and a fee, with a deadline, threats, the visitor's IP address or device shown, or \"registered by mistake? contact us\" bait; or a fee claimed as unpaid (未納料金) with threats of a lawsuit or seizure and the visitor's data shown or such bait",
		},
		Message: Text{
			JA: "ワンクリック詐欺（架空請求）の画面の特徴があります。支払う必要はありません。表示された連絡先にも連絡しないでください",
			EN: "this looks like a one-click-fraud page (架空請求). You do not have to pay. Do not contact the number or address it shows",
		},
		Check: shownToo(checkOneclick, func(p *Page) bool { return oneclickClaims(p) && phishWarningPage(p) }),
	}
}

// oneclickYen finds yen amounts: ¥99,000 / 99,000円 / 9万9千円 / 10万円.
var oneclickYen = shopMustRe(`(?:[¥\\]\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{4,7}))|(?:([0-9]{1,3}(?:,[0-9]{3})+|[0-9]{4,7})\s?円)|(?:([0-9]{1,4})万(?:([0-9])千)?円)`)

// oneclickUrgent finds deadlines of today or hours. Payment within one to
// three days is the ordinary term of a convenience-store payment (a ticket
// or an order), so it does not count alone.
var oneclickUrgent = shopMustRe(`本日中|今日中|[0-9]+時間以内`)

// oneclickIP finds IPv4 addresses shown on a page.
var oneclickIP = shopMustRe(`\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}\b`)

// oneclickMinFee is the smallest amount taken for a one-click fee: their
// fees run from tens of thousands of yen up; small amounts on a page are
// prices, postage or monthly fees.
const oneclickMinFee = 5000

// oneclickHits is what one page shows, by category (the first phrase found
// in each).
type oneclickHits struct {
	reg, fee, threat, deadline, echo, bait, baitWeak, countdown string
	// cancel says an unpaid fee cancels the order (an honest service).
	cancel string
	// urgent is a deadline of hours or at most three days (本日中, 24時間以内).
	urgent string
	// ownIP is the fetcher's own address, when the page shows it.
	ownIP string
	// regWeak is an application taken (お申し込みを承りました), which
	// counts as the registration only beside an echo that shows an
	// address (echoIP): honest confirmations say it too.
	regWeak string
	echoIP  bool
	// clickConsent is a line that makes a click on the page a paid
	// registration, with its fee (「「はい」ボタンのクリックをもって有料会員
	// （月額49,800円）への登録に同意したものとみなします」), on a page that
	// offers something free or asks the visitor's age: the trap's own terms,
	// often hidden (font-size:0). An honest service takes a paid order on
	// a confirmation screen, not on an age gate.
	clickConsent string
	// unpaid is a fee claimed as unpaid (未納料金, 利用料金が未払い),
	// which stands for the registration beside a fee, a threat and an
	// echo or bait: the 架空請求 page a postcard or SMS links to.
	unpaid string
}

// oneclickLapseRe marks a sentence about a payment not made (in phishNorm
// form), which a cancel phrase must share to count as a lapse.
var oneclickLapseRe = regexp.MustCompile(`(?:お?支払い?|ご?入金|お?振込み?)(?:が|の)?(?:ない|無い|なき|なければ|確認でき(?:ない|なけれ))|期限までに`)

// oneclickClickConsentRe finds terms that make a click (a button pressed)
// a registration or contract (phishNorm text); oneclickGateRe a page that
// offers something free or asks the visitor's age.
var (
	oneclickClickConsentRe = shopMustRe(`(?:クリック|ボタン|押し|押下|タップ)[^。]{0,60}?(?:同意した|承諾した|契約が成立した|登録した|入会した)ものとみな|(?:クリック|押下|タップ)(?:した時点|をもって|により)[^。]{0,40}?(?:有料|登録|契約|入会)`)
	oneclickGateRe         = shopMustRe(`無料|18歳以上|18歳未満|年齢認証|年齢確認|成人向け|アダルト`)
)

// oneclickLines is how many of a page's first lines the one-click test
// reads: the screen is a short page that says everything at its top, and a
// long page (a shop's catalogue) must not cost a scan of every line.
const oneclickLines = 300

// checkOneclick fires where a page claims a registration AND shows a fee
// AND threatens, echoes the visitor's data, baits "registered by mistake"
// contact or counts down; or claims a registration, echoes and threatens or
// baits; or claims a fee unpaid, with a fee, a threat and an echo or bait.
// A registration and a fee due today or within hours, and nothing
// more, is a weaker finding (medium 30). Pages explaining the fraud carry every
// one of these words and are recognised as warnings first.
func checkOneclick(site *Site) []Finding {
	var out []Finding
	for _, p := range site.Pages {
		if !oneclickClaims(p) {
			continue
		}
		if phishWarningPage(p) {
			continue
		}
		h := oneclickScan(p, site.ClientIPs)
		if h.reg == "" && h.regWeak != "" && h.echoIP && (h.fee != "" || h.threat != "" || h.bait != "") {
			// 「お申し込みを承りました」 beside 「接続情報（203.0.113.45 /
			// docomo）は記録されています」: no honest confirmation shows
			// the visitor's address back.
			h.reg = h.regWeak
		}
		if h.reg == "" && h.clickConsent != "" {
			// The click itself is the registration the terms claim.
			h.reg = h.clickConsent
		}
		if h.reg == "" && h.unpaid != "" && h.fee != "" && h.threat != "" && (h.echo != "" || h.bait != "") {
			// 「未納料金298,000円」 beside 「訴訟」「強制執行」 and the
			// visitor's 「接続IPアドレス」: a bill for a site never used,
			// with no registration to claim.
			h.reg = h.unpaid
		}
		if h.reg == "" {
			continue
		}
		// A countdown counts only beside a payment deadline: shops run
		// countdown timers for sales too.
		countdown := h.countdown != "" && h.deadline != ""
		strong := h.threat != "" || h.echo != "" || h.bait != "" || countdown || h.clickConsent != ""
		full := (h.fee != "" && strong) || (h.echo != "" && (h.threat != "" || h.bait != ""))
		// A fee due today or within hours, and nothing else: one-click
		// pages rush like that, honest ones rarely; a weaker finding.
		weak := !full && h.fee != "" && h.urgent != ""
		lapses := full && h.cancel != "" && h.threat == "" && h.countdown == ""
		if lapses {
			// 「期限までにお支払いがない場合、お申込みはキャンセル」: an
			// order that lapses unpaid binds no one; still shown, weaker.
			full, weak = false, true
		}
		if !full && !weak {
			continue
		}
		// The page's own phrases, quoted as they are; the sign's own
		// words around them in the reader's language.
		var quoted []string
		for _, s := range []string{h.reg, h.fee, h.clickConsent, h.echo, h.threat, h.bait, h.countdown, h.deadline, h.baitWeak} {
			// Compared clipped, as kept: one line can be two phrases'.
			if c := Clip(s, 36); s != "" && !phishHas(quoted, c) {
				quoted = append(quoted, c)
			}
		}
		ev, evEN := slices.Clone(quoted), slices.Clone(quoted)
		for i, q := range quoted {
			if c, ok := strings.CutPrefix(q, countdownMark); ok {
				ev[i], evEN[i] = "カウントダウン表示（"+c+"）", "countdown ("+c+")"
			}
		}
		if h.ownIP != "" {
			ev = append([]string{"閲覧者のIPアドレス " + h.ownIP + " を表示"}, ev...)
			evEN = append([]string{"shows the visitor's IP address " + h.ownIP}, evEN...)
		}
		if lapses {
			ev = append(ev, "未払いなら「"+h.cancel+"」")
			evEN = append(evEN, "if unpaid: 「"+h.cancel+"」")
		}
		f := Finding{Evidence: strings.Join(ev, " / "), EvidenceEN: strings.Join(evEN, " / "), URL: p.URL}
		if weak {
			f.Severity, f.Points = Medium, 30
		}
		if h.ownIP != "" {
			f.Message = Text{
				JA: "ワンクリック詐欺（架空請求）の画面の特徴があります。表示されているIPアドレス（" + h.ownIP + "）は閲覧した側の接続元で、誰にでも表示されます。IPアドレスや端末情報から氏名や住所はわかりません。支払わず、連絡もしないでください",
				EN: "this looks like a one-click-fraud (架空請求) page. The IP address it shows (" + h.ownIP + ") is simply the visitor's own connection, shown to everyone; it does not reveal a name or address. Do not pay and do not make contact",
			}
		}
		out = append(out, f)
	}
	return out
}

// oneclickHead returns the lines the one-click test reads: the title (a
// screen whose words are images often says 登録完了 only there) and the
// first lines of the page.
func oneclickHead(p *Page) []string {
	lines := p.Lines
	if len(lines) > oneclickLines {
		lines = lines[:oneclickLines]
	}
	if p.Title == "" {
		return lines
	}
	return append([]string{p.Title}, lines...)
}

// oneclickMobileRe finds a 050, 070, 080 or 090 number: the numbers one-click
// pages give for "leaving", never an honest service's way out.
var oneclickMobileRe = shopMustRe(`0[5789]0[-‐ー－\s]?\d{4}[-‐ー－\s]?\d{4}`)

// oneclickClaims reports whether the page's head claims a registration (or
// an unpaid fee) at all: the cheap test that lets every other page go at
// once. Kept on the page.
func oneclickClaims(p *Page) bool {
	return pageDerive(p, pageOneclickClaims, func(m *pageMemo) *bool { return &m.oneclickClaims }, func() bool { return oneclickClaimsUncached(p) })
}

func oneclickClaimsUncached(p *Page) bool {
	reg, weak := phishData().sets.oneclick["registration"], phishData().sets.oneclick["registration-weak"]
	claims := phishData().sets.claims
	unpaid := phishData().sets.oneclick["unpaid-claim"]
	claimed := func(s string) bool {
		return phishHasLower(claims, s) && (phishHasLower(reg, s) || phishHasLower(weak, s) || phishHasLower(unpaid, s))
	}
	if p.Title != "" && claimed(p.Title) {
		return true
	}
	for i, l := range p.Lines {
		if i >= oneclickLines {
			break
		}
		if claimed(l) {
			return true
		}
		if strings.Contains(l, "ものとみな") && oneclickClickConsentRe.MatchString(phishNorm(l)) {
			return true // the trap's terms before the click (clickConsent)
		}
	}
	return false
}

// oneclickScan looks for each category in the page's head.
func oneclickScan(p *Page, clientIPs []string) oneclickHits {
	ph := phishData().sets.oneclick
	negation := phishData().sets.words["negation"]
	var h oneclickHits
	first := func(dst *string, l, phrase string) {
		if *dst == "" && phrase != "" {
			*dst = Clip(l, 60)
		}
	}
	head := oneclickHead(p)
	prev := ""
	for _, l := range head {
		n := phishNorm(l)
		before := prev
		prev = n
		reg := ph["registration"].find(n)
		if reg == "" && negation.has(n) {
			// 「架空請求ではありません」 is itself a tell, but not a category.
			continue
		}
		first(&h.reg, l, reg)
		first(&h.regWeak, l, ph["registration-weak"].find(n))
		first(&h.unpaid, l, ph["unpaid-claim"].find(n))
		first(&h.threat, l, ph["threat"].find(n))
		first(&h.deadline, l, ph["deadline"].find(n))
		if h.urgent == "" && (strings.Contains(n, "日中") || strings.Contains(n, "時間以内")) && oneclickUrgent.MatchString(n) {
			// (every match of oneclickUrgent has one of the two)
			h.urgent = Clip(l, 60)
		}
		first(&h.bait, l, ph["bait"].find(n))
		first(&h.baitWeak, l, ph["bait-weak"].find(n))
		if h.bait == "" && ph["bait-weak"].has(n) && oneclickMobileRe.MatchString(n) {
			// 「退会希望の方 050-1111-2222」: leaving by calling a 050 or
			// mobile number is the bait; honest services link a form.
			h.bait = Clip(l, 60)
		}
		first(&h.countdown, l, ph["countdown"].find(n))
		if h.cancel == "" && oneclickLapseRe.MatchString(n) {
			// Only a lapse for a payment not made counts: 「誤ってご登録の方は
			// ご連絡いただければキャンセル」 is the one-click bait itself.
			h.cancel = ph["cancel"].find(n) // the phrase: shown as it is
		}
		if echo := ph["echo"].has(n); echo || strings.Contains(n, "接続情報") {
			// 接続情報 (connection details) echoes only with an address on
			// the line: an ISP's sign-up page lists its own.
			ip := oneclickIP.MatchString(l)
			if h.echo == "" && (echo || ip) {
				h.echo = Clip(l, 60)
			}
			h.echoIP = h.echoIP || ip
		}
		for _, ip := range clientIPs {
			if ip != "" && h.ownIP == "" && oneclickHasIP(l, ip) {
				h.ownIP = ip
				h.echo = Clip(l, 60)
				h.echoIP = true
			}
		}
		if h.fee == "" {
			if amt, ok := oneclickFee(n, before); ok && amt >= oneclickMinFee {
				h.fee = Clip(l, 60)
			}
		}
		if h.clickConsent == "" && oneclickClickConsentRe.MatchString(n) {
			if amt, ok := oneclickFee(n, ""); ok && amt >= oneclickMinFee {
				h.clickConsent = Clip(l, 60)
			}
		}
	}
	if h.echo == "" {
		// An address shown next to nothing still echoes the visitor when
		// it is theirs; otherwise an IPv4 address alone is not enough.
		for _, l := range head {
			for _, m := range oneclickIP.FindAllString(l, 5) {
				for _, ip := range clientIPs {
					if m == ip {
						h.ownIP, h.echo, h.echoIP = ip, ip, true
					}
				}
			}
		}
	}
	if h.clickConsent != "" && !oneclickGateRe.MatchString(p.Text) {
		h.clickConsent = "" // neither free nor an age gate: a paid plan's own terms
	}
	if h.countdown == "" {
		n := 0
		phishWalk(p, func(e *html.Node) bool {
			a := strings.ToLower(phishAttr(e, "id") + " " + phishAttr(e, "class"))
			if strings.Contains(a, "countdown") || strings.Contains(a, "count-down") || strings.Contains(a, "count_down") || strings.Contains(a, "timer") {
				h.countdown = countdownMark + Clip(strings.TrimSpace(a), 40) // its id and class, labelled in the evidence
				return false
			}
			n++
			return n < 2000
		})
	}
	return h
}

// oneclickHasIP reports whether line shows ip as a whole address.
func oneclickHasIP(line, ip string) bool {
	if strings.Contains(ip, ":") { // IPv6: compare as text
		return strings.Contains(strings.ToLower(line), strings.ToLower(ip))
	}
	for _, m := range oneclickIP.FindAllString(line, -1) {
		if m == ip {
			return true
		}
	}
	return false
}

// oneclickFee returns the largest yen amount on a line when the line or the
// one before it (a table's label cell) carries a fee word (料金, 請求, 合計, …).
// Amounts may be written in figures (99,000円, ¥99000, 9万9千円) or in kanji
// numerals (十万円, 九万八千円).
func oneclickFee(n, before string) (int, bool) {
	words := phishData().sets.oneclick["fee-word"]
	if !words.has(n) && !words.has(before) {
		return 0, false
	}
	best, ok := 0, false
	for _, m := range oneclickYen.FindAllStringSubmatch(n, -1) {
		v := 0
		switch {
		case m[1] != "":
			v, _ = strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
		case m[2] != "":
			v, _ = strconv.Atoi(strings.ReplaceAll(m[2], ",", ""))
		case m[3] != "":
			man, _ := strconv.Atoi(m[3])
			sen := 0
			if m[4] != "" {
				sen, _ = strconv.Atoi(m[4])
			}
			v = man*10000 + sen*1000
		}
		if v > best {
			best, ok = v, true
		}
	}
	for _, m := range oneclickKanjiYen.FindAllStringSubmatch(n, -1) {
		if v := oneclickKanji(m[1]); v > best {
			best, ok = v, true
		}
	}
	return best, ok
}

// oneclickKanjiYen finds amounts in kanji numerals followed by 円.
var oneclickKanjiYen = shopMustRe(`([〇一二三四五六七八九十拾百千万萬壱弐参]+)円`)

// oneclickKanji reads a kanji numeral up to 9999万 (十万 = 100000,
// 九万八千 = 98000); 0 when it is not one.
func oneclickKanji(s string) int {
	digit := map[rune]int{'〇': 0, '一': 1, '壱': 1, '二': 2, '弐': 2, '三': 3, '参': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	unit := map[rune]int{'十': 10, '拾': 10, '百': 100, '千': 1000}
	total, section, cur := 0, 0, -1
	for _, r := range s {
		switch {
		case r == '万' || r == '萬':
			if cur >= 0 {
				section += cur
			}
			if section == 0 {
				section = 1
			}
			total += section * 10000
			section, cur = 0, -1
		case unit[r] > 0:
			if cur < 0 {
				cur = 1
			}
			section += cur * unit[r]
			cur = -1
		default:
			d, ok := digit[r]
			if !ok {
				return 0
			}
			if cur < 0 {
				cur = 0
			}
			cur = cur*10 + d
		}
	}
	if cur >= 0 {
		section += cur
	}
	return total + section
}
