package rules

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// This file holds the message signs of the lures that want a phone call
// rather than a click: a fake virus alert (mail-support-scam) and a fake
// police officer (mail-fake-police). Neither needs a link to do harm, so
// neither asks for one.

// checkMailSupport fires where a message claims that the reader's device is
// infected, locked or leaking now AND gives a number to call: the SMS and
// mail form of the support-scam screen (「【Microsoft】お使いのPCでウイルスが
// 検出されました。至急サポートセンター 050-… へご連絡ください」). It reads the
// message with the page sign's pieces and data (support_phrases.txt):
// supportClaim for the claim ([device] and [alarm], neither quoted nor a
// condition), or a [malware] alarm beside a [vendor] name and [pressure] or
// a [screen] phrase; supportNumber beside a [call] word for the number. A
// landline with an area code counts only with pressure (the rented numbers
// are 050, toll-free, mobile or foreign ones; a repair shop gives its own
// landline). Warnings stay silent: a message the phishing warning test
// reads as one, two of support's [warning] phrases (or one in the subject),
// an [own-notice] (a company's IT department), and sentences that deny or
// report (mailDenies), which also drop 「…と表示されても電話しないで」.
func checkMailSupport(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning || mailSupportWarns(v) {
		return nil
	}
	sup := phishData().sets.support
	vendor, pressure, screen := "", "", ""
	for i, s := range v.sentences {
		if v.denies[i] {
			continue
		}
		if vendor == "" && sup["vendor"].has(s) {
			vendor = v.raw[i]
		}
		if pressure == "" && sup["pressure"].has(s) {
			pressure = v.raw[i]
		}
		if screen == "" && sup["screen"].has(s) {
			screen = v.raw[i]
		}
	}
	claim := mailSupportClaim(v, vendor != "" && (pressure != "" || screen != ""))
	if claim < 0 {
		return nil
	}
	number, call := mailSupportNumber(v)
	if number == "" {
		return nil
	}
	if supportOwnLine(v.sentences[claim]) || supportOwnLine(v.sentences[call]) || supportOwnLine(phishNorm(v.subject)) {
		return nil
	}
	if supportFixedLine(number) && pressure == "" {
		return nil
	}
	ev := "「" + Clip(v.raw[claim], 60) + "」"
	if call != claim {
		ev += " / 「" + supportCallEvidence(v.raw[call], number) + "」"
	}
	return []Finding{{
		Evidence: ev,
		Message: Text{
			JA: "ウイルス感染などの偽の警告で電話をかけさせる「サポート詐欺」のメッセージです。メーカーやセキュリティ会社が、メールやSMSで感染を知らせて電話をかけさせることはありません。記載の番号（" + number + "）に電話せず、リンクも開かないでください。電話してしまった、指示されたソフトを入れた、電子マネーを買ったときは、ネットから切断し、#9110か最寄りの警察署に相談してください",
			EN: "this is a tech-support scam (サポート詐欺) message: a fake virus or security alert made to get you to call. No maker or security company tells you of an infection by mail or SMS and asks you to call. Do not call the number (" + number + ") and do not open its links. If you already called, installed software they asked for or bought electronic money, disconnect from the internet and consult #9110 or the nearest police station",
		},
	}}
}

// mailSupportWarns reports whether a message warns about support scams
// rather than being one: two distinct [warning] phrases of
// support_phrases.txt (サポート詐欺, 偽の警告, 電話しないで …) on sentences
// that do not deny being fraud, or one in the subject. One in the body is
// no veto: a lure may add 「偽のサポートにはご注意ください」 to look genuine.
func mailSupportWarns(v *mailView) bool {
	warning := phishData().sets.support["warning"]
	if v.subject != "" {
		if s := phishNorm(v.subject); warning.has(s) && !phishNegated(s) {
			return true
		}
	}
	return supportWarnings(v.warn) >= 2
}

// mailSupportClaim returns the index of the first sentence that claims
// the reader's device is infected, locked or leaking (the device named on
// it or on the sentence before), or -1. With malwareToo (a vendor's name
// and pressure or a screen phrase in the message) an alarm that names the
// malware instead of the device counts too (「【Microsoft】トロイの木馬が
// 検出されました。今すぐ…」).
func mailSupportClaim(v *mailView, malwareToo bool) int {
	sup := phishData().sets.support
	for i, s := range v.sentences {
		if v.denies[i] {
			continue
		}
		before := ""
		if i > 0 && !v.denies[i-1] {
			before = v.sentences[i-1]
		}
		if supportClaim(s, before, false) {
			return i
		}
		if malwareToo && sup["malware"].has(s) && supportAlarmed(s, false) {
			return i
		}
	}
	return -1
}

// mailSupportNumber returns the first phone number of the message (10 to
// 13 digits, supportNumber) on a sentence with a [call] word or right after
// one, and that sentence's index; "" and -1 when there is none.
func mailSupportNumber(v *mailView) (string, int) {
	call := phishData().sets.support["call"]
	for i, s := range v.sentences {
		if v.denies[i] {
			continue
		}
		num := supportNumber(s)
		if num == "" {
			continue
		}
		if call.has(s) || i > 0 && !v.denies[i-1] && call.has(v.sentences[i-1]) {
			return num, i
		}
	}
	return "", -1
}

// checkMailFakePolice fires where a message speaks as the police or a
// prosecutor, tells the reader that they or an account in their name are
// caught up in a crime, and asks to be contacted (偽警察詐欺: 「警視庁捜査
// 二課です。あなた名義の口座が詐欺事件に使用されています。…逮捕状を執行
// します。担当 03-…」). See message_phrases.txt [police-self] to
// [police-never]. The police's own warnings about the fraud, news and
// quotations stay silent (mailPoliceWarns, the phishing warning test,
// sentences that deny or report), as does a police station's notice of an
// arrest that is not the reader's.
//
// A warning does not silence a message that itself asks to be contacted on
// LINE or by video call (a [police-contact] phrase or a LINE link, not a
// phone number): the police never ask that, and their warnings say so in
// sentences that deny it. Kits open with 「※警察官を名乗る不審な電話にご注意
// ください」 to pass as a notice.
func checkMailFakePolice(m *Mail) []Finding {
	v := mailViewOf(m)
	sets := phishData().sets.mail
	self := ""
	for i, s := range v.sentences {
		// The first claim not made in a warning line (「警察官を名乗る
		// 電話にご注意」 names the police too).
		if !v.denies[i] && sets["police-self"].has(s) && (self == "" || !sets["police-warning"].has(s)) {
			if self = v.raw[i]; !sets["police-warning"].has(s) {
				break
			}
		}
	}
	if self == "" {
		return nil
	}
	// キャッシュカード詐欺盗: the "police" come to take the card
	// (「キャッシュカードを封筒に入れて保管してください。後ほど警察官が受け取り
	// に伺います」). No officer collects a card, whoever the suspect is; a
	// warning says so with a denial, which v.denies and the warning tests
	// leave out.
	warns := v.warning || mailPoliceWarns(v)
	if !warns {
		// The card and its taking in one sentence or up to two apart, in
		// either order (「キャッシュカードを封筒に入れて保管してください。
		// 後ほど警察官が受け取りに伺います」), or the card and a visit with
		// what is to be done with the card between them (「キャッシュカード
		// のICチップに不正利用の痕跡が確認されました。本日中にカード交換の
		// 手続きが必要です。銀行協会の担当職員がご自宅へ伺います」; 「警察官
		// がご自宅に伺います。キャッシュカードの交換です」). A visit about
		// card fraud (巡回連絡, 防犯指導) names no act.
		card, take, visit := -1, -1, -1 // the last sentences naming each
		for i, s := range v.sentences {
			if v.denies[i] || sets["police-warning"].has(s) {
				continue
			}
			if sets["police-card"].has(s) {
				card = i
			}
			if sets["police-card-take"].has(s) {
				take = i
			}
			if sets["police-visit"].has(s) {
				visit = i
			}
			if first, last := min(card, take), max(card, take); first >= 0 && last-first <= 2 {
				return []Finding{{Evidence: quoteSentences(self, v.raw[first], v.raw[last]), Message: mailCardCollectorText}}
			}
			if first, last := min(card, visit), max(card, visit); first >= 0 && last-first <= 2 {
				for j := first; j <= last; j++ {
					if !v.denies[j] && sets["police-card-act"].has(v.sentences[j]) {
						return []Finding{{Evidence: quoteSentences(self, v.raw[first], v.raw[last]), Message: mailCardCollectorText}}
					}
				}
			}
		}
	}
	accused := ""
	reader := -1 // whether a sentence names the reader ([police-you]): -1 not asked yet
	for i, s := range v.sentences {
		if v.denies[i] || !sets["police-suspect"].has(s) || sets["police-warning"].has(s) || sets["police-report"].has(s) {
			continue
		}
		you := sets["police-you"].has(s)
		if !you && sets["police-you-named"].has(s) {
			if reader < 0 {
				reader = 0
				if slices.ContainsFunc(v.sentences, sets["police-you"].has) {
					reader = 1
				}
			}
			you = reader == 1
		}
		if you {
			accused = v.raw[i]
			break
		}
	}
	if accused == "" {
		return nil
	}
	var contact string
	if warns {
		contact = mailPoliceLine(v)
	} else if contact = mailPoliceContact(v); contact == "" {
		// A link to look at (「詳細は https://… をご確認ください」): the fake
		// warrant's page. The police link only to their own sites,
		// which are the government's.
		for i, h := range v.hosts {
			if h != "" && !GovernmentHost(h) && !mailNeutral(h) && !phishOfficialHost(v.brands, h) {
				contact = v.m.URLs[i]
				break
			}
		}
	}
	if contact == "" {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(self, accused, contact)}}
}

// mailCardCollectorText is mail-fake-police's message for the card
// collector (キャッシュカード詐欺盗, 預貯金詐欺), who may speak as a bank or the
// bankers' association as well as the police.
var mailCardCollectorText = Text{
	JA: "警察官や銀行・銀行協会の職員を名乗り、キャッシュカードを受け取りに（交換しに）自宅へ来ると言うのは、キャッシュカード詐欺盗・預貯金詐欺の手口です。警察や銀行が、キャッシュカードを預かったり、交換のために自宅へ来たりすることはありません。カードを渡さず、暗証番号も教えないでください。記載の番号にはかけず、心配なときは#9110（警察相談専用電話）か最寄りの警察署に相談してください",
	EN: "saying that a police officer or a bank's or the bankers' association's staff will come to your home to collect (or exchange) your cash card is the method of cash-card theft and savings fraud (キャッシュカード詐欺盗, 預貯金詐欺). Neither the police nor banks take cash cards into custody or come to your home to exchange them. Do not hand over your card or tell anyone its PIN; do not call the number given, and if you are worried consult #9110 (the police consultation line) or your local police station",
}

// mailPoliceContact returns what the message gives to be contacted by: the
// first sentence (not a denial) with a phone number or a [police-contact]
// phrase (LINE ID, QRコード, ビデオ通話), or a link to LINE (line.me, lin.ee);
// "" when it gives none.
func mailPoliceContact(v *mailView) string {
	contact := phishData().sets.mail["police-contact"]
	for i, s := range v.sentences {
		if !v.denies[i] && (supportNumber(s) != "" || contact.has(s)) {
			return v.raw[i]
		}
	}
	return mailPoliceLine(v)
}

// mailPoliceLine is mailPoliceContact without phone numbers: the first
// sentence (not a denial) with a [police-contact] phrase, or a LINE link.
func mailPoliceLine(v *mailView) string {
	contact := phishData().sets.mail["police-contact"]
	for i, s := range v.sentences {
		if !v.denies[i] && contact.has(s) {
			return v.raw[i]
		}
	}
	for i, h := range v.hosts {
		if phishUnder(h, "line.me") || phishUnder(h, "lin.ee") {
			return v.m.URLs[i]
		}
	}
	return ""
}

// mailPoliceWarns reports whether a message is the police's (or the
// news's) warning about fake police: a [police-warning] phrase (偽警察,
// 警察官を名乗る …) on a sentence that does not deny being fraud, or a
// sentence that names the police ([police-who]) and says what they never
// do ([police-never]: 「警察がLINEで連絡することはありません」).
func mailPoliceWarns(v *mailView) bool {
	sets := phishData().sets.mail
	for _, s := range v.sentences {
		if phishNegated(s) {
			continue
		}
		if sets["police-warning"].has(s) || sets["police-who"].has(s) && sets["police-never"].has(s) {
			return true
		}
	}
	return false
}

// checkMailRefundATM fires where a message speaks of a refund or benefit
// paid to the reader ([refund]: 還付金, 医療費の払い戻し, 給付金) and sends
// them to an ATM to act there ([refund-atm] and [refund-atm-do]; in a public
// office's voice, to collect there too: [refund-atm-collect]) with a way
// to be reached (a phone number, a link
// or a [contact] phrase): 還付金詐欺 (「医療費の払い戻し（還付金）があります。
// お近くのATMで手続きができますので…までお電話ください」). No office pays
// out through an ATM. Warnings stay silent: the phishing warning test, a
// sentence that denies or reports (「ATMで還付金を受け取ることはできません」),
// and an ATM sentence that names the fraud or is a condition (詐欺, 注意,
// …と言われたら).
func checkMailRefundATM(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning || len(v.quoted) > 0 {
		return nil
	}
	refund, _ := v.find("refund")
	if refund == "" {
		return nil
	}
	sets := phishData().sets.mail
	atm := ""
	for i, s := range v.sentences {
		if !v.denies[i] && sets["refund-atm"].has(s) && sets["refund-atm-do"].has(s) && !sets["refund-warn"].has(s) {
			atm = v.raw[i]
			break
		}
	}
	if atm == "" {
		// 「仙台市役所 保険年金課です。還付金があります。お近くのATMで
		// お受け取りいただけます」: collecting at an ATM, said in an
		// office's voice (a bank's own note says it in its own).
		for i, s := range v.sentences {
			if !v.denies[i] && sets["refund-atm"].has(s) && sets["refund-atm-collect"].has(s) && !sets["refund-warn"].has(s) {
				if office, _ := v.officeSpeaker(); office != "" {
					atm = v.raw[i]
				}
				break
			}
		}
	}
	if atm == "" {
		return mailRefundCall(v)
	}
	contact := ""
	for i, s := range v.sentences {
		if !v.denies[i] && supportNumber(s) != "" {
			contact = v.raw[i]
			break
		}
	}
	if contact == "" && v.offered() > 0 {
		contact = v.m.URLs[0]
	}
	if contact == "" {
		contact, _ = v.find("contact")
	}
	if contact == "" {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(refund, atm, contact)}}
}

// mailRefundCall is mail-refund-atm's first contact, the call that leads
// to the ATM: a public office's voice (officeSpeaker: 「〇〇市役所 保険年金課
// です」) with a refund ([refund], not a warning's), a deadline of today or
// hours (urgent) and a 050 or mobile number to call (「受取期限が本日まで…
// 担当 高橋（050-…）までお電話ください」). Offices pay refunds into the
// account one names on a paper form; their desks are landlines or
// toll-free numbers, so any other number to call at once about a refund
// due today is medium (it may be the office's own).
func mailRefundCall(v *mailView) []Finding {
	refund := v.refundLure()
	urgent := v.urgent()
	if urgent == "" {
		// 「受取期限は本日8月19日までとなっております」: a refund's
		// deadline of today, said with its date.
		for i, s := range v.sentences {
			if !v.denies[i] && mailTodayDeadlineRe.MatchString(s) {
				urgent = v.raw[i]
				break
			}
		}
	}
	if refund == "" || urgent == "" {
		return nil
	}
	office, _ := v.officeSpeaker()
	if office == "" {
		return nil
	}
	for i, raw := range v.raw {
		if !v.denies[i] && oneclickMobileRe.MatchString(NFKC(raw)) {
			return []Finding{{Evidence: quoteSentences(office, refund, urgent, raw)}}
		}
	}
	// A landline to call at once about a refund due today (「至急 03-… ま
	// でお電話ください」): an office's desk may be one, but no office presses
	// a refund by message within the day (rev24 p38 m20). Medium: the
	// number could be the office's own.
	for i, raw := range v.raw {
		if n := NFKC(raw); !v.denies[i] && supportNumber(n) != "" && strings.Contains(n, "電話") {
			return []Finding{{Evidence: quoteSentences(office, refund, urgent, raw), Severity: Medium, Points: 30, Message: Text{
				JA: "役所を名乗り、還付金の受け取り期限が今日までだとして、すぐに電話させようとしています。還付金詐欺の最初の電話の形です。役所が還付金を今日中にと急がせることはありません。書かれた番号にはかけず、役所の公式サイトで調べた番号で確かめてください",
				EN: "the message speaks as a public office, says a refund must be claimed today and has you call at once: the first call of refund fraud. Offices do not press refunds within the day; do not call the number given, check on the number on the office's official site",
			}}}
		}
	}
	return nil
}

// mailTodayDeadlineRe finds a deadline of today, its date written or not
// (本日8月19日まで, 期限は本日): mail-refund-atm's call reads it beside an
// office's refund, where a shop's 「セールは本日まで」 cannot stand.
var mailTodayDeadlineRe = shopMustRe(`(?:本日|今日)[^。]{0,12}?まで|期限(?:は|が)?\s?(?:本日|今日)`)

// refundLure returns the first sentence (as written) that speaks of a
// refund or benefit ([refund]) as a lure: not a denial, and not a warning's
// sentence that names the fraud or is a condition (「還付金詐欺にご注意く
// ださい」「還付金があると言われたら」, [refund-warn]); "" when none does.
func (v *mailView) refundLure() string {
	sets := phishData().sets.mail
	for i, s := range v.sentences {
		if !v.denies[i] && sets["refund"].has(s) && !sets["refund-warn"].has(s) {
			return v.raw[i]
		}
	}
	return ""
}

// checkMailRefundLink fires where a message speaks as a public office
// (officeSpeaker: 【国税庁】, 〇〇市役所 保険年金課です, a sender named
// 税務署) about a refund or benefit ([refund]: 還付金, 給付金, 医療費の払い戻し)
// and links to a site that is no public body's: 「【国税庁】還付金の受け取り
// 手続きが完了していません。https://…」. A public office's procedures are on
// its own site, under go.jp, lg.jp or a municipality's own name
// (GovernmentHost; a health insurer's under or.jp), or on a brand's
// official domain; links there, to the
// online-application services public bodies run theirs on, and to mail
// services' click counters (mailNeutral) are not the sign. Warnings and the
// addresses they quote stay silent.
func checkMailRefundLink(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	refund := v.refundLure()
	if refund == "" {
		return nil
	}
	office, word := v.officeSpeaker()
	if office == "" {
		return nil
	}
	if strings.Contains(phishNorm(refund), word) {
		office = refund // the refund's own sentence names the office
	}
	for i, h := range v.hosts {
		if h == "" || mailNeutral(h) || phishOfficialHost(v.brands, h) {
			continue // quoted, a click counter, a brand's own site (the one it speaks as too)
		}
		if (GovernmentHost(h) || strings.HasSuffix(h, ".or.jp")) && !mailRedirects(m.URLs[i]) {
			// or.jp is given only to registered bodies: the health
			// insurance societies and associations that pay 高額療養費
			// and 付加給付 are under it (kyoukaikenpo.or.jp).
			continue
		}
		return []Finding{{Evidence: quoteSentences(office, refund) + " → " + Clip(m.URLs[i], 100), URL: m.URLs[i]}}
	}
	return nil
}

// municipalName reports whether s is the name of a prefecture, city, ward,
// town or village alone, as the tag of an SMS from one (【仙台市】, 【港区】,
// 【宮城県】, 【さいたま市】): two to eight kanji or hiragana (〇 and 々 among
// them) ending in 都, 道, 府, 県, 市, 区, 町 or 村.
func municipalName(s string) bool {
	n, han := 0, 0
	last := rune(0)
	for _, r := range s {
		switch {
		case shopIsHan(r) || r == '〇' || r == '○' || r == 'ヶ':
			han++
		case r >= 'ぁ' && r <= 'ゖ' && r != 'の':
			// Names written in kana: さいたま市, つくば市, いわき市,
			// 南あわじ市 (「あなたの町」 is no name).
		default:
			return false
		}
		n++
		last = r
	}
	return n >= 2 && n <= 8 && han > 0 && strings.ContainsRune("都道府県市区町村", last)
}

// officeSpeaker returns where the message speaks as a public office and
// the office's name as matched (lower case), or "": a brand it presents
// itself as (presented) whose official domains are all the government's
// (国税庁), or a public office's name ([refund-office]: 市役所, 税務署,
// 年金事務所 …) in the sender's name, in the subject, in a bracketed tag of
// one of the first three lines (【〇〇市役所】, or a municipality's name alone:
// 【仙台市】, municipalName), or at the head of the first
// line (「〇〇市役所 保険年金課です。」). An office merely mentioned further on
// (「税務署への申告はお済みですか」 in a tax accountant's advertisement)
// does not count.
func (v *mailView) officeSpeaker() (evidence, word string) {
	for _, p := range v.presented() {
		if publicBody(p.brand) {
			return p.evidence, phishNorm(p.brand.Name)
		}
	}
	offices := phishData().sets.mail["refund-office"]
	if name := NFKC(mailDisplayName(v.m.From)); name != "" {
		if w := offices.find(phishNorm(name)); w != "" {
			return "From: " + v.m.From, w
		}
	}
	if v.subject != "" {
		if w := offices.find(phishNorm(v.subject)); w != "" {
			return "Subject: " + v.subject, w
		}
	}
	i := 0
	for _, l := range v.lines {
		if mailExportHeadRe.MatchString(l) {
			continue // a pasted SMS's 「送信元: +81 50-…」, 「受信日時: …」
		}
		if i >= 3 {
			break
		}
		i++
		if strings.ContainsAny(l, "【[") {
			for _, seg := range phishSegments(l) {
				if utf8.RuneCountInString(seg) > 30 {
					continue
				}
				if w := offices.find(phishNorm(seg)); w != "" {
					return l, w
				}
				if municipalName(seg) {
					return l, phishNorm(seg)
				}
			}
		}
		if i == 1 {
			head := l
			if r := []rune(l); len(r) > 24 {
				head = string(r[:24])
			}
			if w := offices.find(phishNorm(head)); w != "" {
				return l, w
			}
		}
	}
	return "", ""
}

// mailExportHeadRe finds the lines a phone or a chat app puts above a
// message copied out of it (SMS, 送信元: …, 受信日時: …).
var mailExportHeadRe = shopMustRe(`(?i)^(?:sms|mms|(?:送信元|送信者|受信日時|受信日|差出人|日時|from|date)\s?[:：].*)$`)

// checkMailPhoneStop fires where a message speaks as the ministry that
// licenses phone lines ([ministry-self]: 総務省, 総合通信局), says the
// reader's phone or number is about to be cut off (a [phone-line] and a
// [phone-stop] word in one sentence: 携帯電話番号 … 停止されます) and gives
// a way to be reached (a phone number, a
// LINE account, 「1番を押して」: [press-key]): the phone-stop fraud that hands
// its victims to fake police (「総務省です。2時間後にお客様の携帯電話が利用
// 停止になります。停止を回避するには050-…まで」). The ministry never tells
// anyone so; a carrier's own notice of a stop for an unpaid bill names no
// ministry. Warnings stay silent (the phishing warning test, 「総務省を名乗る
// 電話にご注意」: [police-warning]'s を名乗る, sentences that deny or report).
func checkMailPhoneStop(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning || len(v.quoted) > 0 {
		return nil
	}
	// Most messages speak as no ministry: asked first, before the warning
	// test and the deadline.
	who, _ := v.find("ministry-self")
	if who == "" || mailPoliceWarns(v) {
		return nil
	}
	sets := phishData().sets.mail
	// The stop is the reader's own (お客様の, あなたの) or at hand (2時間後,
	// 本日中): a notice of a network's end for everyone (3G) is neither.
	stop := ""
	urgent := v.urgent()
	for i, s := range v.sentences {
		if !v.denies[i] && sets["phone-line"].has(s) && sets["phone-stop"].has(s) &&
			(sets["police-you"].has(s) || urgent != "" || strings.Contains(s, "時間後")) {
			stop = v.raw[i]
			break
		}
	}
	if stop == "" {
		return nil
	}
	contact, _ := v.find("press-key")
	if contact == "" {
		contact = mailPoliceContact(v)
	}
	if contact == "" {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(who, stop, contact)}}
}

// checkMailFakeEmbassy fires where a message speaks as an embassy or a
// consulate ([embassy-self]), raises the reader's papers ([embassy-matter]:
// 重要書類, パスポート, ビザ, 在留資格; 重要文件, 护照, 签证 …) and asks for a
// call: a key to press ([press-key]: 「按1查询」「1番を押して」), or a phone
// number beside a threat or a deadline said to the reader ([embassy-threat]
// with [embassy-you]: 「逾期未处理将影响您在日本的居留资格」). This is the
// fake-embassy fraud aimed at foreign residents (「【中国驻日本大使馆】您有一
// 份重要文件尚未领取…请于今日内致电 03-… 按1查询」), which hands them to fake
// police at home; embassies send no such calls or SMS. A consulate's
// newsletter with its desk's number threatens no one; warnings stay silent
// (the phishing warning test, [police-warning], denials and reports).
func checkMailFakeEmbassy(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning || len(v.quoted) > 0 {
		return nil
	}
	// Most messages speak as no embassy: asked first.
	who, _ := v.find("embassy-self")
	if who == "" || mailPoliceWarns(v) {
		return nil
	}
	matter, _ := v.find("embassy-matter")
	if matter == "" {
		return nil
	}
	if key, _ := v.find("press-key"); key != "" {
		return []Finding{{Evidence: quoteSentences(who, matter, key)}}
	}
	sets := phishData().sets.mail
	threat, number := "", ""
	for i, s := range v.sentences {
		if v.denies[i] {
			continue
		}
		if threat == "" && sets["embassy-threat"].has(s) && sets["embassy-you"].has(s) {
			threat = v.raw[i]
		}
		if number == "" && supportNumber(s) != "" {
			number = v.raw[i]
		}
	}
	if threat == "" || number == "" {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(who, matter, threat, number)}}
}

// checkMailAccountChange fires where a message announces that the account
// to pay into has changed (a sentence with [payee] and [payee-change], not
// a denial) and gives a reason to doubt it: the new account is a person's
// while the message speaks for a company (a 株式会社 in the sender's name
// or a line, or [company-voice]: 弊社), the sender keeps the reader from
// checking ([change-isolate]: the phone is being rewired, reply to this
// mail only, do not ask our sales contact, a representative's account for
// now), or replies go to a free mail address other than the sender's (or
// the company writes from free mail). Two reasons or more: high 50 (the
// business e-mail compromise of 取引先を装う振込先変更, the fake managing
// agent's rent account); one: medium 30 (a change to confirm on the phone
// number one already has). A company's own notice, which asks the reader
// to confirm by phone and names its own account, gives none; warnings
// stay silent.
func checkMailAccountChange(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	sets := phishData().sets.mail
	change := ""
	for i, s := range v.sentences {
		if !v.denies[i] && sets["payee"].has(s) && sets["payee-change"].has(s) {
			change = v.raw[i]
			break
		}
	}
	if change == "" {
		return nil
	}
	company := IsCorporateName(m.From) || slices.ContainsFunc(v.sentences, sets["company-voice"].has) ||
		slices.ContainsFunc(v.lines, func(l string) bool { return RuneCount(l) <= 40 && IsCorporateName(l) })
	var reasons, reasonsEN []string
	if h := v.personalHolder(); company && h != "" {
		reasons = append(reasons, "口座名義: "+h)
		reasonsEN = append(reasonsEN, "account holder: "+h)
	}
	if s, _ := v.find("change-isolate"); s != "" {
		reasons = append(reasons, s)
		reasonsEN = append(reasonsEN, s)
	}
	switch {
	case m.ReplyToDomain != "" && m.ReplyToDomain != m.FromDomain && FreeMailDomain(m.ReplyToDomain):
		reasons = append(reasons, "返信先: "+m.ReplyToDomain)
		reasonsEN = append(reasonsEN, "reply-to: "+m.ReplyToDomain)
	case company && m.FromDomain != "" && FreeMailDomain(m.FromDomain):
		reasons = append(reasons, "差出人: "+m.FromDomain)
		reasonsEN = append(reasonsEN, "sender: "+m.FromDomain)
	}
	if len(reasons) == 0 {
		return nil
	}
	f := Finding{Evidence: quoteSentences(append([]string{change}, reasons...)...),
		EvidenceEN: quoteSentences(append([]string{change}, reasonsEN...)...)}
	if len(reasons) == 1 {
		f.Severity, f.Points = Medium, 30
	}
	return []Finding{f}
}

// mailGiftAskRe is the request of a message in a friend's or relative's
// voice (「Appleギフトカード5万円分買って、裏の番号を写真で送ってくれない？」),
// read on flCompact text after a gift card or e-money name: buy it, then
// send its number or code, or a photo of it.
var mailGiftAskRe = regexp.MustCompile(`(?:買って|買ってきて|購入して|購入し)[^。]{0,30}?(?:番号|コード|写真|裏)[^。]{0,15}?(?:送って|送信して|教えて|撮って|送ってほしい|送ってください|ください|下さい)`)

// mailGiftThanksRe marks a sentence that thanks for a card bought or a
// code sent (「ギフトカード買ってくれてありがとう、コードも送ってくれて助かった」).
var mailGiftThanksRe = regexp.MustCompile(`ありがとう|助かった|助かりました|届いた|届きました|受け取った|受け取りました`)

// checkMailGiftCard fires on a sentence (not a denial, not in a warning)
// that names a gift card or e-money (data/fluent_giftcards.txt) and asks
// to buy it and hand over its number: payment-gift-card's own patterns
// (buy at a convenience store, send the code, pay with it), or a friend's
// or relative's plain request (mailGiftAskRe). Campaigns, gift-card
// buyers, warnings and thanks are left out (flGiftSkip, mailGiftThanksRe).
func checkMailGiftCard(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	gv := flGiftData()
	if text := strings.Join(v.raw, "\n"); !gv.named(flCompact(text)) {
		// Most messages name no gift card: one pass, not one a sentence.
		if mailGiftEnNameRe.MatchString(text) {
			return mailGiftEnglish(v)
		}
		return nil
	}
	for i, raw := range v.raw {
		if v.denies[i] {
			continue
		}
		cs := flCompact(raw)
		if !gv.named(cs) || flGiftSkip.MatchString(cs) || flQuoted.MatchString(cs) || mailGiftThanksRe.MatchString(cs) {
			continue
		}
		if gv.buyAtShop.MatchString(cs) || gv.sendCode.MatchString(cs) || gv.payWith.MatchString(cs) ||
			gv.sendAny.MatchString(cs) && flStoreOrBuy.MatchString(cs) || mailGiftAskRe.MatchString(cs) {
			return []Finding{{Evidence: quoteSentences(raw)}}
		}
	}
	// The request over two sentences (「コンビニでAppleギフトカード買って
	// きてくれないかな？」 … 「買ったらカード裏の番号をこすって写真撮って送って
	// ね。」): a card named and bought in one, its number sent in another.
	buy, send := "", ""
	named := -2 // the last sentence naming a card, for a buy in the next
	for i, raw := range v.raw {
		if v.denies[i] {
			continue
		}
		cs := flCompact(raw)
		if mailGiftThanksRe.MatchString(cs) || flQuoted.MatchString(cs) {
			continue
		}
		if gv.named(cs) {
			named = i // a present for a relative too (プレゼント): the buy's own sentence is checked
		}
		// The card named in the sentence before (「Appleのギフトカードが急ぎ
		// で必要になっちゃって…」「近くのコンビニで1万円のを5枚買ってきて
		// もらえないかな？」) is the one to buy.
		if buy == "" && named >= i-1 && mailGiftBuyRe.MatchString(cs) && !flGiftSkip.MatchString(cs) {
			buy = raw
		} else if send == "" && mailGiftSendRe.MatchString(cs) && !strings.Contains(cs, "電話番号") {
			send = raw
		}
	}
	if buy != "" && send != "" {
		return []Finding{{Evidence: quoteSentences(buy, send)}}
	}
	return mailGiftEnglish(v)
}

// mailGiftEnglish is checkMailGiftCard in English, the language of the
// support scam's bill and the 'boss' who needs gift cards for clients: a
// sentence naming gift cards that asks for their codes (「read the codes
// to your technician」), or one asking to buy or pay with them and another
// asking for the codes or a photo of them. Sentences that deny, warn or
// speak of a gift's recipient (an e-gift's receipt) do not count, nor a
// code sent to the reader (「I'll text you the code」).
func mailGiftEnglish(v *mailView) []Finding {
	buy, send := "", ""
	var sentences []string
	for i, raw := range v.raw {
		if !v.denies[i] {
			// English sentences end at a full stop (mailRead splits at 。).
			sentences = append(sentences, mailEnSentenceEnd.Split(raw, -1)...)
		}
	}
	for _, raw := range sentences {
		if !mailGiftEnSendRe.MatchString(raw) && !mailGiftEnNameRe.MatchString(raw) || mailGiftEnNotRe.MatchString(raw) {
			continue
		}
		// The reader is asked to send, not sent to (「I'll text you the
		// code」 is a gift).
		named, asks := mailGiftEnNameRe.MatchString(raw), mailGiftEnSendRe.MatchString(raw) && !mailGiftEnToYouRe.MatchString(raw)
		if named && asks {
			return []Finding{{Evidence: quoteSentences(raw)}}
		}
		if buy == "" && named && mailGiftEnBuyRe.MatchString(raw) {
			buy = raw
		} else if send == "" && asks {
			send = raw
		}
	}
	if buy != "" && send != "" {
		return []Finding{{Evidence: quoteSentences(buy, send)}}
	}
	return nil
}

var (
	// mailEnSentenceEnd ends an English sentence.
	mailEnSentenceEnd = regexp.MustCompile(`[.!?]\s+`)
	// mailGiftEnNameRe names gift cards or prepaid codes in English.
	mailGiftEnNameRe = regexp.MustCompile(`(?i)\b(?:e-?gift\s?cards?|gift\s?cards?|(?:itunes|google\s?play|steam|prepaid)\s?cards?|razer\s?gold)\b`)
	// mailGiftEnSendRe asks for the codes, PINs or a photo of them.
	mailGiftEnSendRe = regexp.MustCompile(`(?i)\b(?:send|e-?mail|text|read|give|forward|scratch|take\s+(?:a\s+)?(?:picture|photo)s?\s+of)\b[^.!?]{0,40}?\b(?:codes?|pins?|card\s+numbers?|pictures?|photos?)\b`)
	// mailGiftEnToYouRe sends to the reader: the writer gives.
	mailGiftEnToYouRe = regexp.MustCompile(`(?i)\b(?:i'll|i\s+will|we'll|we\s+will|i'm\s+going\s+to|i\s+can)\s+(?:send|e-?mail|text|give|forward)\b|\b(?:send|e-?mail|text|give|forward)\s+you\b`)
	// mailGiftEnBuyRe asks to buy the cards or pay with them.
	mailGiftEnBuyRe = regexp.MustCompile(`(?i)\b(?:buy|purchase|pick\s+up|pay(?:ment)?\s+(?:with|by|in|using|via|options?|methods?))\b`)
	// mailGiftEnNotRe marks warnings, denials and an e-gift's receipt.
	mailGiftEnNotRe = regexp.MustCompile(`(?i)\b(?:never|don't|do\s+not|does\s+not|doesn't|will\s+not|won't|scams?|fraud\w*|beware|warning|suspicious|recipients?|redeem\w*)\b`)
)

// mailGiftBuyRe asks the reader to buy something (flCompact text);
// mailGiftSendRe to send a card's number, code or a photo of it (a phone
// number asked for is not: the caller skips 電話番号).
var (
	mailGiftBuyRe  = regexp.MustCompile(`買って|購入して`)
	mailGiftSendRe = regexp.MustCompile(`(?:番号|コード)[^。]{0,20}?(?:送って|送信して|教えて)|(?:カード|裏)[^。]{0,20}?写真[^。]{0,10}?(?:送って|送信して)`)
)

// MessageClues returns the campaign clues a message gives of itself: each
// bank account it names (bank and number, number and holder, as a site's:
// ShopClues) and each phone number in it, digits only, leaving out
// sentences that name a courier, a consumer centre or the police
// (shopOthersPhoneRe).
// A warning gives none: the numbers it quotes are others'. Sixteen payee-
// change mails naming one mule account, written four ways, are then one
// campaign, as sites sharing it are. Phone numbers count only with phones
// true: the caller gives it for the frauds that make the reader call (a
// fake bill, a fake police officer, a support scam), where the number is
// the gang's; in a payee-change mail the numbers are the victim's or the
// company's it poses as (rev25 QA). The caller decides too whether the
// message is suspect enough for its clues to count.
func MessageClues(m *Mail, phones bool) []ShopClue {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	out := accountClues(nil, shopLineAccounts(v.lines, ""))
	if !phones {
		return out
	}
	seen := map[string]bool{}
	for _, s := range v.raw {
		if shopOthersPhoneRe.MatchString(s) {
			continue
		}
		for _, p := range FindPhones(s) {
			if d := PhoneDigits(p); (len(d) == 10 || len(d) == 11) && !seen[d] {
				seen[d] = true
				out = append(out, ShopClue{Kind: "phone", Value: d})
			}
		}
	}
	return out
}
