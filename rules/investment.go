package rules

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// This file holds the signs of SNS型投資詐欺, ロマンス投資詐欺 and 副業詐欺:
// investment-lure on pages and mail-investment-lure on messages. Both read
// the text with the same scan (investScan) and the same data
// (data/investment_phrases.txt, whose header says when they fire and what
// stays silent); the numbers (月利30%, 1日3万円, 1件500円, 5倍) are read
// by the expressions below.

// investData is investment_phrases.txt, indexed for one-pass searching.
var investData = sync.OnceValue(func() map[string]*phishLits {
	return phishIndexSections(phishSections("investment_phrases.txt"))
})

var (
	// 月利30%, 日利 2%, 週利5%.
	investRateRe = shopMustRe(`(?:月利|週利|日利)[^0-9。]{0,4}(\d+(?:\.\d+)?)\s*%`)
	// 毎月の利益目標30%以上, 毎月のリターン 15%: a monthly rate in other
	// words (investMonthly holds it to 10% or more).
	investMonthlyRe = shopMustRe(`毎月の?(?:利益|収益|リターン|利回り|運用益)(?:目標)?[^0-9。]{0,6}(\d+(?:\.\d+)?)\s*%`)
	// 平均利益は+186%, 利回り 40%: counted from 30 %; only particles between
	// (営業収益は前年比45%増 is a company's growth).
	investGainRe = shopMustRe(`(?:利益|利回り|リターン|収益|運用益)(?:率)?(?:は|が|:|：|\s|平均)*\+?(\d+(?:\.\d+)?)\s*%`)
	// 300万円の利益, 1億円稼い.
	investYenGainRe = shopMustRe(`\d+(?:\.\d+)?\s*(?:万|億)円(?:以上)?(?:の|も|が)?(?:利益|儲け|もうけ|収益|稼)`)
	// 5倍, 10 倍 (beside an [invest] word, not a leverage).
	investTimesRe = shopMustRe(`(\d+(?:\.\d+)?)\s*倍`)
	// 日給3万円, 1日5分 日給3万, 一日 2万円以上, 1日5万円 稼げる, 1日3万円!
	// (not 1日1万円からご利用: a rental's price).
	// 月収30万円以上も可能 (a side job's month; a job ad's terms guard it).
	investDayPayRe = shopMustRe(`(?:日給|日収|日当|時給)[^。、]{0,8}?\d+(?:\.\d+)?\s*万|(?:1日|一日|月収)[^。、]{0,8}?\d+(?:\.\d+)?\s*万円?\s*(?:以上|稼|の収入|の報酬|可能|も|!)`)
	// いいねするだけで1件500円, スクショ1回 300円.
	investPerActRe = shopMustRe(`(?:いいね|スクショ|スクリーンショット|タップ|フォロー|視聴|再生|レビュー|like|screenshot)[^。]{0,20}?(?:1|一)\s*(?:件|回|タップ|いいね|本)\s*(?:あたり|につき)?\s*\d[\d,]*\s*円`)
)

// investHits is what one text shows: the first sentence (as written) of
// each kind, "" where none.
type investHits struct {
	promise, channel, group, withdraw, deposit    string
	sideJob, pay, lineMove, romance, invest, risk string
	jobTerms                                      string
	// guarantee and rate: a [guarantee] of principal or profit, a
	// monthly, weekly or daily rate (investRateRe).
	guarantee, rate string
	// monthly: a monthly return of 10% or more promised in other words
	// (investMonthly), which no firm that discloses its risks writes.
	monthly string
}

// investMonthly reports whether a sentence (phishNorm form) promises a
// monthly return of 10% or more in words other than 月利 (「毎月の利益目標
// 30%以上」): more than a year's return of an honest fund in a month.
func investMonthly(n string) bool {
	for _, m := range investMonthlyRe.FindAllStringSubmatch(n, -1) {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil && v >= 10 {
			return true
		}
	}
	return false
}

// investSentence is one sentence of a text: phishNorm form and as written.
type investSentence struct{ norm, raw string }

// investScan reads the sentences (denials and reports already left out)
// and the links (hrefs) of a page or message.
func investScan(ss []investSentence, links []string, message bool) investHits {
	d := investData()
	var h investHits
	first := func(dst *string, raw string) {
		if *dst == "" {
			*dst = raw
		}
	}
	for _, s := range ss {
		n := s.norm
		if d["invest"].has(n) {
			first(&h.invest, s.raw)
		}
		if d["risk"].has(n) {
			first(&h.risk, s.raw)
		}
		if h.promise == "" && investPromises(n) {
			h.promise = s.raw
		}
		if d["guarantee"].has(n) && !d["promise-not"].has(n) {
			first(&h.guarantee, s.raw)
		}
		if investRateRe.MatchString(n) {
			first(&h.rate, s.raw)
		}
		if !d["promise-not"].has(n) && investMonthly(n) {
			first(&h.monthly, s.raw)
		}
		if d["channel"].has(n) {
			first(&h.channel, s.raw)
		}
		if d["group"].has(n) {
			first(&h.group, s.raw)
		}
		if d["withdraw"].has(n) && d["withdraw-fee"].has(n) && d["withdraw-pay"].has(n) && !d["withdraw-free"].has(n) {
			first(&h.withdraw, s.raw)
		}
		if d["deposit"].has(n) && d["line"].has(n) || message && d["deposit-person"].has(n) {
			// A person's account in a message (「アプリの入金は…担当者の
			// 口座に振り込む形」); on pages it stands in the warnings of
			// honest brokers and ticket services, which a sentence cut by
			// the layout may not deny whole (a message's warnings and
			// denials are left out before: investSentences, the
			// warning tests).
			first(&h.deposit, s.raw)
		}
		if d["job-terms"].has(n) {
			first(&h.jobTerms, s.raw)
		}
		if d["side-job"].has(n) {
			first(&h.sideJob, s.raw)
		}
		if investDayPayRe.MatchString(n) || investPerActRe.MatchString(n) {
			first(&h.pay, s.raw)
		}
		if message && d["line-move"].has(investNoOnline(n)) {
			first(&h.lineMove, s.raw)
		}
		if message && d["romance-open"].has(n) {
			first(&h.romance, s.raw)
		}
	}
	for _, l := range links {
		host, group := investLineLink(l)
		if host {
			first(&h.channel, l)
			first(&h.lineMove, l)
		}
		if group {
			first(&h.group, l)
		}
	}
	return h
}

// investNoOnline returns n with オンライン written as the ASCII word
// online, so that [line-move]'s ラインで does not take 「オンラインで開催」
// for a move to LINE (ASCII phrases stand as words: line is not in online).
func investNoOnline(n string) string {
	if !strings.Contains(n, "オンライン") {
		return n
	}
	return strings.ReplaceAll(n, "オンライン", "online")
}

// investPromises reports whether a sentence (phishNorm form) promises a
// return no honest firm may promise, and does not deny or disclose it.
func investPromises(n string) bool {
	d := investData()
	if d["promise-not"].has(n) {
		return false
	}
	if d["promise"].has(n) || investRateRe.MatchString(n) || investYenGainRe.MatchString(n) || investMonthly(n) {
		return true
	}
	for _, m := range investGainRe.FindAllStringSubmatch(n, -1) {
		if v, err := strconv.ParseFloat(m[1], 64); err == nil && v >= 30 {
			return true
		}
	}
	if !strings.Contains(n, "レバレッジ") && !strings.Contains(n, "leverage") && d["invest"].has(n) {
		for _, m := range investTimesRe.FindAllStringSubmatch(n, -1) {
			if v, err := strconv.ParseFloat(m[1], 64); err == nil && v >= 2 {
				return true
			}
		}
	}
	return false
}

// pageLineLinks returns the addresses of page p's links that mention LINE's
// domains (line.me, lin.ee): a lure's "add us on LINE", read by the
// investment and fake-police signs as the messages' links are.
func pageLineLinks(p *Page) []string {
	var out []string
	for _, l := range p.Links {
		if strings.Contains(l.Href, "line.me") || strings.Contains(l.Href, "lin.ee") {
			out = append(out, l.Href)
		}
	}
	return out
}

// investLineLink says whether a link goes to LINE (line.me, lin.ee) and
// whether to a group there (line.me/ti/g/, /ti/g2/).
func investLineLink(raw string) (line, group bool) {
	h := LinkHost(raw)
	if !phishUnder(h, "line.me") && !phishUnder(h, "lin.ee") {
		return false, false
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	if u, err := url.Parse(raw); err == nil {
		p := strings.ToLower(u.Path)
		group = strings.HasPrefix(p, "/ti/g/") || strings.HasPrefix(p, "/ti/g2/")
	}
	return true, group
}

// investKind is the form a finding takes.
type investKind int

const (
	investNone     investKind = iota
	investWithdraw            // a payment before a withdrawal
	investPromise             // a promise and a private channel, or the account given on LINE
	investSideJob             // a side job's pay and a hand-off to LINE
	investGroup               // an invitation to a stock-pick group (moderate)
	investRomance             // a stranger's opener with investing and LINE (moderate)
)

// investJudge decides the form of what was found, and the sentences that
// show it.
func investJudge(h investHits) (investKind, []string) {
	switch {
	case h.withdraw != "":
		return investWithdraw, []string{h.withdraw}
	case h.deposit != "" && (h.invest != "" || h.promise != ""):
		return investPromise, []string{h.promise, h.invest, h.deposit}
	case h.risk != "" && (h.guarantee == "" || h.rate == "") && h.monthly == "":
		// An honest firm's disclosure: no promise or invitation form.
		// Not beside a guaranteed principal and a monthly rate, nor a
		// monthly return of 10% or more, which no firm that discloses
		// its risks writes: a lure copies the disclaimer into its small
		// print (「過去の実績は将来の成果を保証するものではありません」).
		return investNone, nil
	case h.promise != "" && h.channel != "":
		return investPromise, []string{h.promise, h.channel}
	case h.sideJob != "" && h.pay != "" && h.jobTerms == "" && (h.channel != "" || h.lineMove != ""):
		ch := h.channel
		if ch == "" {
			ch = h.lineMove
		}
		return investSideJob, []string{h.sideJob, h.pay, ch}
	case h.group != "" && h.invest != "":
		return investGroup, []string{h.invest, h.group}
	case h.romance != "" && h.invest != "" && h.lineMove != "":
		return investRomance, []string{h.romance, h.invest, h.lineMove}
	}
	return investNone, nil
}

// investFinding makes the finding of a form, its evidence the sentences.
func investFinding(k investKind, sentences []string) Finding {
	f := Finding{Evidence: quoteSentences(sentences...), Severity: High, Points: 50}
	switch k {
	case investWithdraw:
		f.Message = investWithdrawText
	case investPromise:
		f.Message = investPromiseText
	case investSideJob:
		f.Message = investSideJobText
	case investGroup:
		f.Severity, f.Points, f.Message = Medium, 30, investGroupText
	case investRomance:
		f.Severity, f.Points, f.Message = Medium, 30, investRomanceText
	}
	return f
}

// investWarns reports whether the texts warn about these frauds: a
// [warning] phrase in one of tops (a title, a heading, a subject), or two
// distinct ones in the sentences; lines that deny being fraud left out.
func investWarns(tops []string, ss []investSentence) bool {
	w := investData()["warning"]
	for _, t := range tops {
		if t = phishNorm(t); t != "" && w.has(t) && !phishNegated(t) {
			return true
		}
	}
	norms := make([]string, len(ss))
	for i, s := range ss {
		norms[i] = s.norm
	}
	return phishDistinct(w, norms) >= 2
}

// investLines is how many of a page's first lines the page sign reads.
const investLines = 400

// investHinted reports whether a page may hold a lure at all: a [hint]
// phrase in its title or first lines, or a link to LINE. Every other page
// is let go at once. Kept on the page.
func investHinted(p *Page) bool {
	return pageDerive(p, pageInvestHinted, func(m *pageMemo) *bool { return &m.investHinted }, func() bool { return investHintedUncached(p) })
}

func investHintedUncached(p *Page) bool {
	hint := investData()["hint"]
	if p.Title != "" && phishHasLower(hint, p.Title) {
		return true
	}
	for i, l := range p.Lines {
		if i >= investLines {
			break
		}
		if phishHasLower(hint, l) {
			return true
		}
	}
	for _, l := range p.Links {
		if strings.Contains(l.Href, "line.me") || strings.Contains(l.Href, "lin.ee") {
			return true
		}
	}
	return false
}

// investSentences splits lines into sentences, quotations a report makes
// (「必ず儲かる」と言われたら) blanked and sentences that deny or report
// left out.
func investSentences(lines []string) []investSentence {
	var out []investSentence
	// A sentence wrapped over two lines (a <br>, a block cut by the
	// layout: 「…個人名義の口座へ入金を」「求めたりすることはありません。」)
	// is read whole: its denial covers its first half too.
	for _, l := range mailJoinWrapped(lines) {
		for _, s := range mailSplitSentences(mailUnquote(l)) {
			n := phishNorm(s)
			if n == "" || investDenies(n) {
				continue
			}
			out = append(out, investSentence{norm: n, raw: strings.TrimSpace(s)})
		}
	}
	return out
}

// investDenies reports whether a sentence denies or forbids (「振り込ま
// ないでください」) or reports on fraud (「〜と勧誘する手口」): mailDenies
// without the phishing signs' negations, whose bare ではありません is
// also a lure's 「10倍も夢ではありません」 (a denied promise is
// [promise-not]'s).
func investDenies(n string) bool {
	mail := phishData().sets.mail
	return mail["denial"].has(n) || mail["report"].has(n)
}

// investRule is the page sign.
func investRule() Rule {
	return Rule{
		ID: "investment-lure", Severity: High, Points: 50, Topic: "scam", NeedsPage: true,
		Summary: Text{
			JA: "SNS型投資詐欺・副業詐欺のページ：元本保証・月利N%・必ず儲かるなどの約束とLINEグループ・友だち追加への誘導、出金のための手数料・税金の振込要求、1日数万円をうたう副業とLINE登録（強）、利益の約束のない投資LINEグループへの招待（中）",
			EN: "an investment or side-job scam page (SNS型投資詐欺, 副業詐欺): promised returns (元本保証, 月利N%, 必ず儲かる) with a move to a LINE group or friend request, a fee or tax to pay before a withdrawal, or a side job paying tens of thousands of yen a day with a LINE sign-up (strong); an invitation to an investing LINE group without a promise (moderate)",
		},
		Message: investPromiseText,
		Check:   shownToo(checkInvestment, investExcused),
	}
}

// checkInvestment fires on a page that promises returns no honest firm
// may promise and moves the reader to a private channel, demands a payment
// before a withdrawal, gives the account to pay into on LINE, offers a side
// job at implausible pay with a LINE sign-up (high 50), or invites to an
// investing LINE group without a promise (medium 30). Pages without a hint
// go at once; warnings, news and honest brokers stay silent (see
// data/investment_phrases.txt).
func checkInvestment(site *Site) []Finding {
	var out []Finding
	for _, p := range site.Pages {
		if !investHinted(p) {
			continue
		}
		ss := investSentences(investHead(p))
		links := pageLineLinks(p)
		// The phishing signs' warning test takes a title with 相談 or
		// 注意 for a warning page; a lure titled 「無料相談会」 that links
		// to LINE is no warning (warnings do not link the fraud's LINE).
		if investWarns(append([]string{p.Title}, p.Headings...), ss) || len(links) == 0 && phishWarningPage(p) {
			continue
		}
		k, ev := investJudge(investScan(ss, links, false))
		if k == investNone || k == investRomance {
			continue
		}
		f := investFinding(k, ev)
		f.URL = p.URL
		out = append(out, f)
	}
	return out
}

// checkMailInvestment is the message sign: the page sign's forms, and a
// stranger's opener that brings up investing and moves to LINE. Messages
// that read as warnings (the phishing warning test, a [warning] phrase in
// the subject or two in the text) stay silent.
func checkMailInvestment(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	ss := make([]investSentence, 0, len(v.sentences))
	for i, s := range v.sentences {
		if !investDenies(s) {
			ss = append(ss, investSentence{norm: s, raw: v.raw[i]})
		}
	}
	warn := ss
	if m.HTML { // what a mail client shows: hidden text excuses nothing
		warn = nil
		for _, s := range v.warn {
			if !investDenies(s) {
				warn = append(warn, investSentence{norm: s})
			}
		}
	}
	if investWarns([]string{v.subject}, warn) {
		return nil
	}
	var links []string
	for i, h := range v.hosts {
		if h != "" {
			links = append(links, v.m.URLs[i])
		}
	}
	k, ev := investJudge(investScan(ss, links, true))
	if k == investNone {
		return nil
	}
	return []Finding{investFinding(k, ev)}
}

// The advice of each form (the sign's own message carries it: the topic's
// advice is the billing one).
var (
	investPromiseText = Text{
		JA: "SNS型投資詐欺の特徴があります。元本保証や高い利益を約束して、LINEグループや個人のアカウントへ誘っています。本物の証券会社や金融機関が利益や元本を保証することはなく、LINEグループで銘柄を勧めることもありません。誘いに乗らず、お金を振り込まないでください。心配なときは#9110（警察相談専用電話）か188（消費者ホットライン）に、すでにお金を振り込んだときはすぐに110番か最寄りの警察署に相談してください",
		EN: "this has the marks of an investment scam run through social media (SNS型投資詐欺): it promises your money back or high profits and moves you to a LINE group or a private account. Real brokers and banks never guarantee profits or your principal, and never recommend stocks in LINE groups. Do not join and do not transfer money. If you are unsure, consult #9110 (police consultation line) or 188 (consumer hotline); if you have already sent money, call 110 or go to the nearest police station at once",
	}
	investWithdrawText = Text{
		JA: "出金するために手数料・税金・保証金などを先に振り込むよう求めています。SNS型投資詐欺の典型的な手口です。払っても出金はできず、被害が増えるだけです。画面の残高は作りものと考え、これ以上お金を振り込まないでください。すぐに110番か最寄りの警察署に相談してください（#9110・188でも相談できます）",
		EN: "this asks you to pay a fee, tax or deposit before you can withdraw your money: the classic last step of an investment scam (SNS型投資詐欺). Paying will not release any money, it only adds to the loss; treat the balance shown as fiction and do not pay anything more. Call 110 or go to the nearest police station now (#9110 and 188 can also advise)",
	}
	investSideJobText = Text{
		JA: "「いいねするだけ」「1日数万円」など、簡単な作業で高い収入をうたってLINEへ誘う副業詐欺の特徴があります。本当の求人は雇い主の会社名・所在地と仕事の条件を示し、LINEに登録させてから「サポート料」や「教材費」を払わせることはありません。登録やお金の支払いをしないでください。心配なときは188（消費者ホットライン）か#9110に相談してください",
		EN: "this has the marks of a side-job scam (副業詐欺): easy work (just tap \"like\") for implausible pay, and a move to LINE. Real job offers name the employer, its address and the terms, and never make you sign up on LINE and then pay a \"support\" or \"course\" fee. Do not sign up or pay. If you are unsure, consult 188 (consumer hotline) or #9110",
	}
	investGroupText = Text{
		JA: "投資の勉強会やLINEグループへの招待です。SNS型投資詐欺は、無料の勉強会やLINEグループに誘い、偽の取引アプリやサイトで入金させる手口です。本物の証券会社がLINEグループで銘柄を勧めることはありません。参加したり、お金を振り込んだりしないでください。心配なときは#9110か188に相談してください",
		EN: "this invites you to an investing study group or LINE group. Investment scams (SNS型投資詐欺) start this way and then have you pay into a fake trading app or site; real brokers do not recommend stocks in LINE groups. Do not join or transfer money. If you are unsure, consult #9110 or 188",
	}
	investRomanceText = Text{
		JA: "知らない人からの親しげなメッセージが投資の話をして、LINEでのやりとりに誘っています。SNSで知り合った相手から投資に誘われる「ロマンス投資詐欺」の始まり方です。会ったことのない相手が勧める投資やアプリにお金を入れないでください。心配なときは#9110か188に相談してください",
		EN: "a friendly message from a stranger brings up investing and asks to move to LINE: the way romance investment scams (ロマンス詐欺) begin. Never put money into an investment or app recommended by someone you have not met. If you are unsure, consult #9110 or 188",
	}
)

// investExcused is the page sign's warning test, for shownToo.
func investExcused(p *Page) bool {
	if !investHinted(p) {
		return false
	}
	return investWarns(append([]string{p.Title}, p.Headings...), investSentences(investHead(p))) || phishWarningPage(p)
}

// investHead is what the page sign reads: the title and the first
// investLines lines.
func investHead(p *Page) []string {
	lines := p.Lines
	if len(lines) > investLines {
		lines = lines[:investLines]
	}
	if p.Title != "" {
		lines = append([]string{p.Title}, lines...)
	}
	return lines
}
