package rules

import "regexp"

// mailWalletRe finds a crypto wallet address written out: a Bitcoin one
// (bc1… in bech32, or a legacy 1… or 3… in base58) or an Ethereum-style
// 0x… one. Read on the text as written: base58 is case-sensitive.
var mailWalletRe = regexp.MustCompile(`\b(?:bc1[02-9ac-hj-np-z]{25,60}|[13][1-9A-HJ-NP-Za-km-z]{25,34}|0x[0-9a-fA-F]{40})\b`)

// checkMailExtortion fires on sextortion spam (性的脅迫・セクストーション):
// a message claiming to have broken into the reader's device or filmed
// them (「あなたのデバイスをハッキングしました」「カメラで録画しました」,
// [extortion-claim]) that demands crypto (「ビットコインを下記アドレスに送金」,
// [extortion-pay] or a wallet address written out) and threatens to send
// what it has to the reader's family and contacts ([extortion-spread] and
// [extortion-audience] in one sentence) or sets a deadline
// ([extortion-deadline], an urgent deadline). The same text goes to millions;
// nothing was filmed. Warnings, and sentences that deny or report
// (「…という脅迫メールが届く手口」), stay silent.
func checkMailExtortion(m *Mail) []Finding {
	v := mailViewOf(m)
	if v.warning {
		return nil
	}
	claim, _ := v.find("extortion-claim")
	if claim == "" {
		return nil
	}
	pay, _ := v.find("extortion-pay")
	if pay == "" {
		for i, raw := range v.raw {
			if !v.denies[i] && mailWalletRe.MatchString(raw) {
				pay = raw
				break
			}
		}
	}
	if pay == "" {
		return nil
	}
	sets := phishData().sets.mail
	threat := ""
	for i, s := range v.sentences {
		if !v.denies[i] && sets["extortion-spread"].has(s) && sets["extortion-audience"].has(s) {
			threat = v.raw[i]
			break
		}
	}
	if threat == "" {
		threat, _ = v.find("extortion-deadline")
	}
	if threat == "" {
		threat = v.urgent()
	}
	if threat == "" {
		return nil
	}
	return []Finding{{Evidence: quoteSentences(claim, pay, threat)}}
}
