package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// subscriptionTrapRule is the sign of a 定期購入 trap: a first delivery at a
// token price that binds the buyer to several more at the full one.
func subscriptionTrapRule() Rule {
	return Rule{
		ID: "subscription-trap", Severity: Medium, Points: 30, Topic: "shopping", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "「初回500円」などの安いお試し価格で誘い、実際は数回の継続購入が条件で、2回目以降は何倍もの価格になる定期購入（定期購入トラブル）",
			EN: "a token first-time price ('first box 500 yen') that binds the buyer to several more deliveries at many times the price (subscription trap)",
		},
		Message: Text{
			JA: "「初回」の安さで誘い、実は何回かの継続購入が条件の定期購入です。2回目以降の価格・継続の回数・解約の方法と期限を確かめ、支払う総額を計算してから申し込んでください。国民生活センターにも多くの相談が寄せられています。困ったときは188（消費者ホットライン）に相談してください",
			EN: "the cheap first-time price hides a subscription that must be kept for several deliveries. Check the later price, the number of deliveries required and how and by when you can cancel, and work out the total before ordering; consumer centres receive many complaints about such offers. If in trouble, call 188 (the consumer hotline)",
		},
		Check: checkSubscriptionTrap,
	}
}

var (
	// subCondRe finds the condition of several deliveries (「4回のお受け取り
	// が条件」「4回継続が条件」「3回縛り」).
	subCondRe = shopMustRe(`(?:[2-9]|1[0-2]|[二三四五六七八九十])\s?回(?:以上)?(?:の|分の)?(?:お?受け?取り|継続(?:ご?購入)?|ご?購入|お届け|ご?注文)(?:が|を|は)?(?:ご?契約)?(?:の)?(?:条件|お約束|必須)|[2-9]\s?回縛り`)
	// subCondWordRe finds the words subCondRe ends in.
	subCondWordRe = shopMustRe(`条件|お約束|必須|縛り`)
	// subFirstRe finds the first-time offer; subLaterRe the later price.
	subFirstRe = shopMustRe(`初回(?:限定|お試し|特別|のみ)?`)
	subLaterRe = shopMustRe(`(?:2|二)\s?回目(?:以降|から)|次回(?:以降|から)`)
	// subYenRe is an amount of yen: ¥1,980 or 1,980円.
	subYenRe = shopMustRe(`[¥￥]\s?([0-9][0-9,]{0,8})|([0-9][0-9,]{0,8})\s?円`)
)

// checkSubscriptionTrap fires on a page that names a condition of several
// deliveries (subCondRe) and a first-time price (the least amount within
// 30 runes after 初回) that the later price (the first amount after 2回目
// 以降) is at least five times: 「初回500円…4回のお受け取りが条件…2回目以降
// は通常価格7,980円」. A subscription at half price the first time, or one
// with no number of deliveries to keep, stays silent; so do pages about
// the trouble (consumer centres' warnings).
func checkSubscriptionTrap(site *Site) []Finding {
	for _, p := range site.Pages {
		// One pass for the first-time word, one for the condition's
		// words: most pages go here.
		if !strings.Contains(p.Text, "初回") || !subCondWordRe.MatchString(p.Text) {
			continue
		}
		cond := ""
		for _, l := range p.Lines {
			if subCondRe.MatchString(l) {
				cond = l
				break
			}
		}
		if cond == "" || shopScamPageKept(p) || phishWarningPage(p) {
			continue
		}
		first, later := subAmountAfter(p.Text, subFirstRe, 30, true), subAmountAfter(p.Text, subLaterRe, 30, false)
		if first <= 0 || later < 5*first {
			continue
		}
		return []Finding{{
			Evidence:   fmt.Sprintf("初回 %s → 2回目以降 %s / %s", FormatYen(first), FormatYen(later), quoteSentences(cond)),
			EvidenceEN: fmt.Sprintf("first delivery %s → from the second %s / %s", FormatYen(first), FormatYen(later), quoteSentences(cond)),
			URL:        p.URL,
		}}
	}
	return nil
}

// subAmountAfter returns the amount of yen that follows a match of re in
// text within n runes: the least of them when least, else the first; the
// least over all matches when least, else the first match's; 0 when none.
func subAmountAfter(text string, re *shopRe, n int, least bool) int {
	best := 0
	for _, loc := range re.FindAllStringIndex(text, 20) {
		rest := text[loc[1]:]
		if r := []rune(rest); len(r) > n {
			rest = string(r[:n])
		}
		for _, m := range subYenRe.FindAllStringSubmatch(rest, -1) {
			v, err := strconv.Atoi(strings.ReplaceAll(m[1]+m[2], ",", ""))
			if err != nil || v <= 0 {
				continue
			}
			if !least {
				return v
			}
			if best == 0 || v < best {
				best = v
			}
		}
	}
	return best
}
