package rules

import "regexp"

// This file holds the message signs of trades between people on social
// media and marketplaces, where the money goes to a person.

// checkMailTicketPrepay fires where a message offers a ticket ([ticket]:
// チケット, 公演, 譲渡, 連番 …) and wants it paid first into a person's
// account (an account in the text whose holder is a person) or by PayPay
// sent to a person (mailPayPaySendRe), in a race or against a deadline
// ([ticket-rush]: 先にお振込みいただいた方にお譲りします, 確保します; or a
// deadline of today or hours): the ticket-transfer fraud of social media
// (チケット譲渡詐欺). A message naming that fraud beside a ticket is a
// warning, whatever lure lines it lists. A friend who sells through the official resale, or
// asks a friend for the price with no race, and a ticket service's own
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
		if tickets.has(s) && mailTicketFraudRe.MatchString(s) {
			return nil
		}
	}
	rush, _ := v.find("ticket-rush")
	if rush == "" {
		rush = v.urgent()
	}
	if rush == "" {
		return nil
	}
	pay := ""
	for _, a := range shopLineAccounts(v.lines, "") {
		if k, _ := ClassifyHolder(a.Holder); k.Personal() {
			pay = "口座名義: " + a.Holder
			break
		}
	}
	if pay == "" {
		for i, raw := range v.raw {
			if !v.denies[i] && mailPayPaySendRe.MatchString(NFKC(raw)) {
				pay = raw
				break
			}
		}
	}
	if pay == "" {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(ticket, rush, pay)}}
}

// mailTicketFraudRe names a fraud beside a ticket (phishNorm text).
var mailTicketFraudRe = regexp.MustCompile(`詐欺|騙|だまさ|scam|fraud`)

// mailPayPaySendRe finds money sent by PayPay from one user to another
// (PayPay送金, a PayPay ID to send to): no checkout, no buyer protection.
var mailPayPaySendRe = regexp.MustCompile(`(?i)(?:paypay|ペイペイ)\s?(?:で|にて|への|へ|に)?\s?送金|(?:paypay|ペイペイ)\s?(?:id|ＩＤ)`)
