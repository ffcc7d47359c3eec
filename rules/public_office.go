package rules

import (
	"slices"
	"strings"
)

// publicOfficeRule is public-office-form: a page that speaks as a city
// office, a tax office or a pension office (仙台市, 〇〇市役所, 税務署, 年金
// 事務所), tells of money to receive (給付金, 還付金, 払い戻し) and has a form
// for the reader's bank account, on a host that is no government's. Fake
// benefit sites ask for the account (and the name, birth date and phone
// that the follow-up calls use) and are a police warning of their own; a
// city's own application runs on its own domain or on the e-application
// services cities share (LoGoフォーム, Graffer, e-TUMO:
// message_neutral_domains.txt). A form that also asks for the PIN is
// phishing-credential-form's as well.
func publicOfficeRule() Rule {
	return Rule{
		ID: "public-office-form", Severity: High, Points: 40, Topic: "phishing", NeedsPage: true, NotOnGovernment: true,
		Summary: Text{
			JA: "市役所・税務署・年金事務所などを名乗り、給付金や還付金の受け取りを理由に口座番号を入力させるページが、政府・自治体のドメイン（go.jp・lg.jp など）や自治体共通の電子申請サービスにない",
			EN: "a page speaking as a city office, tax office or pension office asks for a bank account to pay a benefit or refund into, on no government domain (go.jp, lg.jp, …) and no e-application service cities share",
		},
		Message: Text{
			JA: "市役所や税務署などを名乗り、給付金や還付金を受け取るためとして口座番号を入力させるページですが、政府・自治体のドメインにありません。給付金の申請ページは、市区町村の公式サイト（lg.jp など）から開いたものか確かめてください。メールやSMSのリンクから開いたページなら入力せず、市区町村の窓口に自分で調べた番号で問い合わせてください",
			EN: "this page speaks as a city or tax office and asks for your bank account number to pay a benefit or refund into, but it is on no government domain. Make sure a benefit's application page was opened from your city's official site (lg.jp and the like); if you reached it from a mail or SMS link, enter nothing and ask the city office on a number you look up yourself",
		},
		Check: checkPublicOfficeForm,
	}
}

// checkPublicOfficeForm fires on each page (not saved, not on a government
// host, a shared e-application service or an organisation's domain, not a
// warning) that speaks as a public office and tells of money to receive
// (publicOfficeLure) and has a form asking for a bank account number.
func checkPublicOfficeForm(site *Site) []Finding {
	var out []Finding
	for _, p := range site.Pages {
		if p == nil || len(p.Forms) == 0 {
			continue
		}
		host := phishPageHost(p, site)
		if host == "" || GovernmentHost(host) || mailNeutral(host) || publicOrgHost(host) {
			continue // a saved page's origin is unknown; the others may be the office's own
		}
		office, refund := publicOfficeLure(p)
		if office == "" {
			continue
		}
		var fields []string
		for _, fc := range phishFormsCreds(p) {
			if fc.kinds&credAccount != 0 {
				fields = fc.fields
				break
			}
		}
		if fields == nil {
			continue
		}
		out = append(out, Finding{
			Evidence: quoteSentences(office, refund) + " / " + strings.Join(fields, ", ") + " — " + host,
			URL:      p.URL,
		})
	}
	return out
}

// publicOrgHost reports whether host is under a Japanese domain that only
// a registered organisation may hold (or.jp: foundations, social welfare
// councils that pay out a city's 給付 or lend its 緊急小口資金; ac.jp,
// ed.jp: schools): a city's work is often done there, and a fraud cannot
// register one on the spot.
func publicOrgHost(host string) bool {
	for _, s := range []string{".or.jp", ".ac.jp", ".ed.jp"} {
		if strings.HasSuffix(host, s) {
			return true
		}
	}
	return false
}

// publicOfficeLure returns where page p speaks as a public office and the
// sentence that tells of money from one to receive (a [refund] phrase with
// publicMoney: 給付金, 還付金, 医療費の払い戻し), both "" unless p has both
// and reads as no warning (phishWarningPage; a sentence naming the fraud,
// [refund-warn], tells of none). The sentence is one other than the
// heading that names the office, when the page has one.
func publicOfficeLure(p *Page) (office, refund string) {
	office = publicOfficeSpeaker(p)
	if office == "" || phishWarningPage(p) {
		return "", ""
	}
	sets := phishData().sets.mail
	found := ""
	for i, l := range p.ShownLines() {
		if i >= oneclickLines {
			break
		}
		n := phishNorm(l)
		if !sets["refund"].has(n) || sets["refund-warn"].has(n) || phishNegated(n) || !publicMoney(n) {
			continue
		}
		if found == "" {
			found = l
		}
		if !strings.Contains(office, strings.TrimSpace(l)) {
			return office, l // a sentence of its own, not the heading again
		}
	}
	if found == "" {
		return "", ""
	}
	return office, found
}

// publicMoneyWords mark the money a public office pays out (給付金, 還付金,
// a refund of tax, insurance or medical fees, a pension, a grant): what a
// ticket office's or a shop's 払い戻し is not.
var publicMoneyWords = []string{"給付", "還付", "医療費", "保険料", "税", "年金", "助成金", "補助金", "支援金"}

// publicMoney reports whether a sentence (phishNorm form) names money a
// public office pays out.
func publicMoney(n string) bool {
	for _, w := range publicMoneyWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// publicFirmWords name a private firm or its trade (税理士, 行政書士, 株式会社,
// 代行): a page whose title or heading names one speaks as that firm, even
// beside a city's name or a tax office's (「仙台市 還付申告代行 | 青葉税理士
// 事務所」, whose form takes the client's account for the refund). 年金事務所
// holds 事務所, so the bare word is not among them.
var publicFirmWords = []string{"税理士", "会計事務所", "社労士", "社会保険労務士", "行政書士", "司法書士", "弁護士", "法律事務所",
	"株式会社", "有限会社", "合同会社", "(株)", "代行"}

// publicPrivateFirm reports whether s names a private firm (publicFirmWords).
func publicPrivateFirm(s string) bool {
	for _, w := range publicFirmWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// publicOfficeSpeaker returns the title, heading or line in which page p
// speaks as a public office: a segment of its title or of an h1 that is
// a municipality's name alone (仙台市, 港区: municipalName) or holds a
// public office's name ([refund-office]: 市役所, 税務署, 年金事務所 …), or
// one of its first three lines that is such a name alone (a header bar);
// "" when it speaks as none.
func publicOfficeSpeaker(p *Page) string {
	h1s := phishH1(p, 3)
	if publicPrivateFirm(p.Title) || slices.ContainsFunc(h1s, publicPrivateFirm) {
		return "" // a tax accountant's 「仙台市 還付申告代行」 speaks as a firm
	}
	offices := phishData().sets.mail["refund-office"]
	speaks := func(s string) bool {
		for _, seg := range phishSegments(s) {
			for _, w := range strings.Fields(seg) {
				if municipalName(w) {
					return true
				}
			}
			if offices.has(phishNorm(seg)) {
				return true
			}
		}
		return false
	}
	if speaks(p.Title) {
		return p.Title
	}
	for _, h := range h1s {
		if speaks(h) {
			return h
		}
	}
	for i, l := range p.ShownLines() {
		if i >= 3 {
			break
		}
		if t := strings.TrimSpace(l); municipalName(t) {
			return t
		}
	}
	return ""
}
