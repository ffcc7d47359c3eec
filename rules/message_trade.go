package rules

import "regexp"

// This file holds the message signs of trades between people on social
// media and marketplaces, where the money goes to a person.

// checkMailTicketPrepay fires where a message offers a ticket ([ticket]:
// チケット, 公演, 譲渡, 連番 …) and wants it paid first into a person's
// account (an account in the text whose holder is a person) or by PayPay
// sent to a person (shop_payment_methods.txt's paypay-send: shopPaySendRe),
// in a race to pay first ([ticket-rush]: 先にお振込みいただいた方にお譲りし
// ます, 確保します, 先着):
// the ticket-transfer fraud of social media (チケット譲渡詐欺). A message
// naming that fraud beside a ticket is a warning, whatever lure lines it
// lists. A friend who sells through the official resale, a friend asking
// for the price (today, even) with no race, and a ticket service's own
// payment deadline at a convenience store stay silent.
func checkMailTicketPrepay(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	ticket, _ := v.find("ticket")
	if ticket == "" {
		return nil
	}
	// A message that names the fraud (「チケット譲渡詐欺が多発しています」)
	// is about it, whatever lines of a lure it then lists.
	tickets := phishData().sets.mail["ticket"]
	for _, s := range v.sentences {
		if tickets.has(s) && mailNamesFraudRe.MatchString(s) {
			return nil
		}
	}
	// A race to pay first, not a deadline alone: a friend asks for a
	// ticket's price 「今日中に」 too.
	rush, _ := v.find("ticket-rush")
	if rush == "" {
		return nil
	}
	pay, payEN := "", ""
	if h := v.personalHolder(); h != "" {
		pay, payEN = "口座名義: "+h, "account holder: "+h
	} else {
		send := shopPaySendRe()
		for i, raw := range v.raw {
			if !v.denies[i] && send != nil && send.MatchString(raw) {
				pay = raw
				break
			}
		}
	}
	if pay == "" {
		return nil
	}
	f := Finding{Evidence: quoteSentences(ticket, rush, pay)}
	if payEN != "" {
		f.EvidenceEN = quoteSentences(ticket, rush, payEN)
	}
	return []Finding{f}
}

// mailNamesFraudRe finds a fraud named (phishNorm text): a message that
// names one beside its ticket or its family trouble is about the fraud.
var mailNamesFraudRe = regexp.MustCompile(`詐欺|騙|だまさ|scam|fraud`)

// checkMailOffPlatform fires where a message from a flea-market trade
// wants it taken off the platform ([offplatform]: LINEで直接お取引,
// メルカリ外, 手数料がかからない) and asks for what a fraud needs
// ([offplatform-ask]: a photo of an ID, the account holder and phone
// number, a PIN): 「メルカリは手数料が高いのでLINEで直接お取引できませんか…
// 口座名義と電話番号、確認用に身分証の写真を」. The platforms forbid such
// trades and never need the other side's ID; the seller who refuses, and
// the platform's own warnings, stay silent (denials, reports, warnings).
func checkMailOffPlatform(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	move, _ := v.find("offplatform")
	if move == "" {
		return nil
	}
	ask, _ := v.find("offplatform-ask")
	if ask == "" {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(move, ask)}}
}

// checkMailPRPurchase fires where a message offers the reader to be a
// brand's ambassador or monitor ([pr-offer]) and makes them buy first
// ([pr-buy]) with the money promised back ([pr-refund]: 全額キャッシュバック,
// 実質無料): the ambassador offer whose "discounted" purchase is the
// fraud (国民生活センター warns of it). A real gifting offer sends the
// product for free and asks nothing to be bought; a brand's member
// discount promises nothing back.
func checkMailPRPurchase(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	offer, _ := v.find("pr-offer")
	if offer == "" {
		return nil
	}
	buy, _ := v.find("pr-buy")
	back, _ := v.find("pr-refund")
	if buy == "" || back == "" {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(offer, buy, back)}}
}

// checkMailPublicPayee fires where a message asks for a tax, a public fee,
// a fine or a hometown-tax donation ([public-charge]: ふるさと納税, 住民税,
// 国民健康保険料, 反則金 …) and gives an account in a person's name to pay
// it into: public bodies are paid into their own accounts, by their own
// slips or at a counter, never into a person's (a fake ふるさと納税 site
// "acting for the municipality", a fake tax office). A city's own account
// (〇〇市会計管理者) and a company's are no person's.
func checkMailPublicPayee(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	charge, _ := v.find("public-charge")
	if charge == "" {
		return nil
	}
	if h := v.personalHolder(); h != "" {
		return []Finding{{Evidence: quoteSentences(charge) + " / 口座名義: " + h, EvidenceEN: quoteSentences(charge) + " / account holder: " + h}}
	}
	return nil
}

// checkMailRelativeTrouble fires where a message tells of the reader's
// child, grandchild or spouse ([kin]) in trouble ([kin-trouble]: 追突事故,
// 示談, 会社の金を使い込んだ) that asks the reader for money ([kin-money]:
// ご用意いただけますか, 貸して, 振り込んで) with pressure ([kin-pressure]:
// 本日中, 内密に, 電話には出られない, 当社の者が受け取りに伺います): the
// relative-in-trouble fraud (オレオレ詐欺), whose SMS or LINE form hands the
// reader to a collector. Messages that name a fraud (a police warning
// quoting the script) stay silent.
func checkMailRelativeTrouble(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	trouble, _ := v.find("kin-trouble")
	if trouble == "" {
		return nil
	}
	kin, _ := v.find("kin")
	money, _ := v.find("kin-money")
	pressure, _ := v.find("kin-pressure")
	if kin == "" || money == "" || pressure == "" {
		return nil
	}
	for _, s := range v.sentences {
		if mailNamesFraudRe.MatchString(s) {
			return nil // about the fraud
		}
	}
	return []Finding{{Evidence: quoteSentences(kin, trouble, money, pressure)}}
}
