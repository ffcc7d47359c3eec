package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// mlURL stands in for internal/message's URL extraction in these tests
// (that package imports this one).
var mlURL = regexp.MustCompile(`https?://[!-~]+`)

// mlFired runs the message rules over m and returns the signs by id; a
// message given without URLs gets those of its text.
func mlFired(m *Mail) map[string]Sign {
	if m.URLs == nil {
		m.URLs = mlURL.FindAllString(m.Text, -1)
	}
	out := map[string]Sign{}
	for _, s := range EvaluateMail(m, MessageRules(), "ja") {
		out[s.ID] = s
	}
	return out
}

func TestMessageRules(t *testing.T) {
	type want struct {
		id     string
		fire   bool
		points int // 0: the rule's own
	}
	cases := []struct {
		name string
		m    Mail
		want []want
	}{
		// mail-credential-request
		{"asks for card data", Mail{Text: "本人確認のため、カード番号・有効期限・セキュリティコードをご入力ください。\nhttps://x.example.cn/"},
			[]want{{"mail-credential-request", true, 0}}},
		{"asks to reply with the PIN", Mail{Text: "このメールに暗証番号を記載して返信してください。"},
			[]want{{"mail-credential-request", true, 50}}},
		// The brokerage takeovers of 2025 (rev16 m22, m02): 取引制限 is a
		// suspension, passwords asked for by reply are the strong form.
		{"a broker's restriction, passwords by reply, no link", Mail{Text: "【SBI証券】お取引制限中です。解除には本人確認が必要です。このメッセージにログインパスワードと取引パスワードを返信してください。"},
			[]want{{"mail-credential-request", true, 50}}},
		{"trading restricted unless set up, a look-alike link", Mail{Text: "楽天証券：セキュリティ強化のため多要素認証の設定が必要です。期限までに未設定の場合お取引が制限されます https://rakuten-sec-mfa.pages.dev/"},
			[]want{{"mail-urgency", true, 0}}},
		{"a broker's notice restricting margin trades in a stock", Mail{Text: "【SBI証券】信用取引規制のお知らせ：以下の銘柄について、本日より信用取引の新規建てを制限いたします。詳細は https://www.sbisec.co.jp/ をご確認ください。"},
			[]want{{"mail-urgency", false, 0}, {"mail-credential-request", false, 0}}},
		{"a shop asking for a reply, never the PIN", Mail{Text: "ご注文内容に誤りがあれば、このメールに返信してください。暗証番号やカード番号は返信しないでください。"},
			[]want{{"mail-credential-request", false, 0}}},
		{"card data asked for on a page, not by reply", Mail{Text: "本人確認のため、カード番号・有効期限・セキュリティコードをご入力ください。\nhttps://x.example.cn/"},
			[]want{{"mail-credential-request", true, 40}}},
		{"account data with a suspension threat", Mail{Text: "アカウントが一時停止されました。ログイン情報を更新してください。https://x.example.top/"},
			[]want{{"mail-credential-request", true, 0}, {"mail-urgency", true, 30}}},
		{"English card request", Mail{Text: "Please enter your card number and security code to verify your account: https://x.example.top/"},
			[]want{{"mail-credential-request", true, 0}}},
		{"bank's own reminder that it never asks", Mail{Text: "当行がメールで暗証番号の入力をお願いすることはありません。ご注意ください。"},
			[]want{{"mail-credential-request", false, 0}}},
		{"last four digits referred to", Mail{Text: "ご利用カード：カード番号下4桁 1234 をご確認ください。"},
			[]want{{"mail-credential-request", false, 0}}},
		{"ordinary password reset", Mail{Text: "パスワード再設定のご案内です。以下のURLからパスワードを再設定してください。https://shop.example.jp/reset?t=1"},
			[]want{{"mail-credential-request", false, 0}, {"mail-urgency", false, 0}}},

		// mail-urgency
		{"lock with a deadline", Mail{Text: "アカウントがロックされました。24時間以内にご確認ください。"},
			[]want{{"mail-urgency", true, 0}}},
		{"intrusion with a link to confirm", Mail{Text: "不正アクセスを検知しました。こちらからご確認ください https://x.example.top/"},
			[]want{{"mail-urgency", true, 30}}},
		{"intrusion with an ordinary link", Mail{Text: "不正アクセスを検知しました。こちらからご確認ください https://secure-check.example.com/"},
			[]want{{"mail-urgency", true, 0}}},
		{"gas supply stopped today, plain 停止します", Mail{Text: "【東京ガス】ガス料金のお支払いが確認できません。本日中にお支払いがない場合、供給を停止します。https://tokyogas-pay.example.top/"},
			[]want{{"mail-urgency", true, 30}}},
		{"restriction with a shortened link", Mail{Text: "【重要なお知らせ】お客様の口座が不正利用された可能性があるため、お取引を制限しております。ご確認はこちら https://bit.ly/4kQx2Zp"},
			[]want{{"mail-urgency", true, 30}}},
		// rev24 QA: a dynamic DNS name hides whose machine it is, as a
		// shortener hides where it leads.
		{"a failed delivery, a link under dynamic DNS", Mail{Text: "お荷物のお届けにあがりましたが不在の為持ち帰りました。配送物は下記よりご確認ください。http://xkq3p.duckdns.org/"},
			[]want{{"mail-delivery-lure", true, 50}}},
		// rev25 p40 m02: 「お届けに伺いましたが、宛先住所の不備により保管」.
		{"a visit, a faulty address, a shortened link", Mail{Text: "【ヤマト運輸】お荷物をお届けに伺いましたが、宛先住所の不備により保管しております。下記よりお届け先をご確認ください。\nhttps://bit.ly/3Yk8TqM", URLs: []string{"https://bit.ly/3Yk8TqM"}},
			[]want{{"mail-delivery-lure", true, 50}}},
		{"the carrier's own notice of a faulty address", Mail{Text: "【ヤマト運輸】お荷物をお届けに伺いましたが、宛先住所の不備により保管しております。https://www.kuronekoyamato.co.jp/ytc/customer/", URLs: []string{"https://www.kuronekoyamato.co.jp/ytc/customer/"}},
			[]want{{"mail-delivery-lure", false, 0}}},
		{"restriction with a tunnel's link", Mail{Text: "お客様の口座が不正利用された可能性があるため、お取引を制限しております。ご確認はこちら https://a1b2.trycloudflare.com/login"},
			[]want{{"mail-urgency", true, 30}}},
		{"brand's own shortener is not hiding anything", Mail{Text: "不正アクセスを検知しました。こちらからご確認ください https://amzn.to/3abcd"},
			[]want{{"mail-urgency", false, 0}}},
		{"newsletter reminder about fraud", Mail{Text: "不正利用にご注意ください。カードの裏面の番号を人に教えないようにしましょう。"},
			[]want{{"mail-urgency", false, 0}}},
		{"brand's own notice linking only to itself", Mail{From: "三井住友カード <info@smbc-card.com>", FromDomain: "smbc-card.com",
			Text: "不正利用の可能性がある取引がありました。24時間以内にVpassでご確認ください。https://www.smbc-card.com/mem/"},
			[]want{{"mail-urgency", false, 0}, {"mail-sender-mismatch", false, 0}, {"mail-link-offbrand", false, 0}}},

		{"a shop's shipping notice links to the carrier's own tracking page", Mail{From: "Amazon.co.jp <shipment-tracking@amazon.co.jp>", FromDomain: "amazon.co.jp",
			Text: "Amazon.co.jpをご利用いただき、ありがとうございます。ご注文の商品を発送しました。お荷物の配送状況はこちら: https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?no=123456789012"},
			[]want{{"mail-link-offbrand", false, 0}}},

		{"the police's warning quoting a card lure links to the police", Mail{Text: "【宮城県警察】「【三井住友カード】お客様のカードが不正利用された可能性があります。24時間以内にご本人確認をお願いします」といったSMSが多数出回っています。SMSのリンクは開かず、カード会社の公式アプリで確認してください。詳しくは https://www.police.pref.miyagi.jp/ をご覧ください。"},
			[]want{{"mail-link-offbrand", false, 0}}},

		{"a lure's form on a brand's user-content host", Mail{Text: "【Microsoft】アカウントが一時停止されました。24時間以内に本人確認をお願いします。https://forms.office.com/r/AbCdEf123"},
			[]want{{"mail-link-offbrand", true, 30}}},
		{"a Google lure on Google Sites (rev22: Google's user-content hosts)", Mail{Text: "【Google】アカウントが一時停止されました。24時間以内に本人確認をお願いします。https://sites.google.com/view/account-verify-jp"},
			[]want{{"mail-link-offbrand", true, 30}}},
		{"a lure passed through a brand's own redirector", Mail{Text: "【三井住友カード】お客様のカードのご利用を一時停止しました。24時間以内に本人確認をお願いします。https://onedrive.live.com/redir?url=https%3A%2F%2Fsecure-verify-center.top%2Flogin"},
			[]want{{"mail-link-offbrand", true, 30}, {"mail-urgency", true, 0}}},
		{"a kit's link naming the brand's site in its query", Mail{Text: "【三井住友カード】ご利用確認のお願い。24時間以内にご確認ください https://smbc-card.kakunin-center.top/login?back=https%3A%2F%2Fwww.smbc-card.com%2F&url=https://www.smbc-card.com/"},
			[]want{{"mail-link-offbrand", true, 30}}},
		{"a brand's click counter leading to its own site", Mail{From: "Amazon.co.jp <store-news@amazon.co.jp>", FromDomain: "amazon.co.jp", Subject: "Amazon.co.jp おすすめ", Text: "Amazon.co.jpをご利用いただきありがとうございます。https://www.amazon.co.jp/gp/r.html?C=ABC&U=https%3A%2F%2Fwww.amazon.co.jp%2Fdp%2FB000"},
			[]want{{"mail-link-offbrand", false, 0}, {"mail-sender-mismatch", false, 0}}},
		{"a lure passed through a city site's open redirect", Mail{Text: "【三井住友カード】ご利用確認のお願い。24時間以内にご確認ください https://www.city.example.lg.jp/cgi-bin/jump?url=https%3A%2F%2Fsmbc-card.kakunin.top%2F"},
			[]want{{"mail-link-offbrand", true, 0}}},

		// A university's warning quoting the lure it warns about (rev14
		// w1): 「上記URLは本学のものではありません」 disclaims the address, it
		// does not deny fraud; the lure's own words stay a quotation.
		{"a university's warning quoting a lure", Mail{From: "情報基盤センター <helpdesk@cc.tohoku-u.ac.jp>", FromDomain: "cc.tohoku-u.ac.jp", Subject: "【注意喚起】本学を装ったフィッシングメールについて",
			Text: "教職員・学生各位\n本学のメールシステムを装ったフィッシングメールが多数届いています。ご注意ください。\n件名：【重要】メールボックスの容量が上限に達しました\n本文：24時間以内に下記URLからパスワードを再認証しないとアカウントが停止されます。\nURL：hxxps://tohoku-webmail-auth[.]top/login\n上記URLは本学のものではありません。絶対にアクセスせず、パスワードを入力しないでください。",
			URLs: []string{"https://tohoku-webmail-auth.top/login"}, Defanged: []string{"https://tohoku-webmail-auth.top/login"}},
			[]want{{"mail-credential-request", false, 0}, {"mail-urgency", false, 0}}},
		// p45 m43: a security firm's newsletter (no brand's, no public
		// body's domain) listing the month's lure subjects and domains
		// defanged, 「アクセスしないでください」.
		{"a security newsletter listing lures and their domains", Mail{From: "セキュアネット通信 <news@securenet-lab.example.jp>", FromDomain: "securenet-lab.example.jp", Subject: "今月のフィッシングメール件名ランキング",
			Text: "今月多く確認されたフィッシングメールの件名\n【えきねっと】自動退会処理についてのご案内\n【重要】ETCサービスは無効になりました\n誘導先として確認されたドメインの例（アクセスしないでください）：\netc-meisai.jp.renew-check[.]top\nこれらのメールは、いずれも「24時間以内」「アカウント停止」などの言葉で急がせ、偽のログイン画面に誘導してカード番号やパスワードを入力させる手口です。",
			URLs: []string{"https://etc-meisai.jp.renew-check.top"}, Defanged: []string{"https://etc-meisai.jp.renew-check.top"}},
			[]want{{"mail-urgency", false, 0}, {"mail-credential-request", false, 0}}},
		{"a lure disowning other addresses, its own link live", Mail{Text: "【三井住友カード】お客様のカードのご利用を一時停止しました。24時間以内に本人確認をお願いします。https://smbc-card.kakunin-center.top/login ※上記以外のURLは当社のものではありません。当社からメールで暗証番号をお尋ねすることはありません。"},
			[]want{{"mail-urgency", true, 30}}},

		// mail-delivery-lure
		{"delivery smishing", Mail{Text: "【佐川急便】お荷物をお届けにあがりましたが不在の為持ち帰りました。https://sagawa-exp.delivery-check.cn/?id=1"},
			[]want{{"mail-delivery-lure", true, 50}, {"mail-link-offbrand", true, 50}}}, // a lure, a link made to look like the brand's
		{"failed delivery, no brand named", Mail{Text: "お客様宛にお荷物のお届けにあがりましたが不在の為持ち帰りました。配送物は下記よりご確認ください。https://sagawa-ab12.example.com/"},
			[]want{{"mail-delivery-lure", true, 30}}},
		// The commonest smishing text, its link behind a shortener
		// (rev16 m10): strong, no brand needed.
		{"failed delivery behind a shortener", Mail{Text: "お荷物をお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください。https://is.gd/yMt8Kx"},
			[]want{{"mail-delivery-lure", true, 50}}},
		{"failed delivery on an abused ending", Mail{Text: "お荷物をお届けにあがりましたが不在の為持ち帰りました。下記よりご確認ください。https://redeliver-check.top/t"},
			[]want{{"mail-delivery-lure", true, 50}}},
		{"carrier introducing itself", Mail{Text: "ヤマト運輸よりお届け予定のお荷物につきまして、宛先不明のためお届けできませんでした。https://kuronekoyamato.co.jp-redeliver.cn/track"},
			[]want{{"mail-delivery-lure", true, 50}, {"mail-link-offbrand", true, 50}}},
		{"an unpaid bill, a link made to look like the brand's", Mail{Text: "【au】ご利用料金の未払いがあります。お支払いは下記URLから https://au-kddi.cc/", URLs: []string{"https://au-kddi.cc/"}},
			[]want{{"mail-link-offbrand", true, 50}}},
		// The commonest lures of 2025: the ETC service "disabled", an
		// account "expired" today, a fee "past its due date".
		{"ETC service disabled, a look-alike link", Mail{Text: "【ETC利用照会サービス】ETCサービスの無効化を回避するため、お早めにご手続きください。 https://etc-meisai-jp.com/login", URLs: []string{"https://etc-meisai-jp.com/login"}},
			[]want{{"mail-link-offbrand", true, 50}}},
		{"an account expired, renew today", Mail{Text: "【えきねっと】お客様のアカウントは有効期限が切れています。本日中に更新手続きを行ってください。https://eki-net-jr.com/", URLs: []string{"https://eki-net-jr.com/"}},
			[]want{{"mail-link-offbrand", true, 50}, {"mail-urgency", true, 0}}},
		{"a fee past its due date", Mail{Text: "【NHK】受信料のお支払い期限が過ぎております。至急ご確認ください。https://nhk-jushinryo.net/", URLs: []string{"https://nhk-jushinryo.net/"}},
			[]want{{"mail-link-offbrand", true, 50}}},
		{"the card company's own expiry notice", Mail{Text: "【JCB】ご登録のカードの有効期限が切れています。新しいカードの情報はMyJCB https://my.jcb.co.jp/ でご確認ください。", URLs: []string{"https://my.jcb.co.jp/"}},
			[]want{{"mail-link-offbrand", false, 0}, {"mail-urgency", false, 0}}},
		{"an expiry with no link", Mail{Text: "ポイントの有効期限が切れました。またのご利用をお待ちしております。"},
			[]want{{"mail-urgency", false, 0}, {"mail-link-offbrand", false, 0}}},
		{"a failed payment, a look-alike link", Mail{Text: "【Amazon】お支払い方法に問題があります。情報を更新してください。https://amaz0n-jp.com/", URLs: []string{"https://amaz0n-jp.com/"}},
			[]want{{"mail-link-offbrand", true, 50}}},
		{"the brand's own failed-payment notice", Mail{Text: "【Amazon】お支払い方法に問題があります。アカウントサービス https://www.amazon.co.jp/cpe/yourpayments でお支払い方法を更新してください。", URLs: []string{"https://www.amazon.co.jp/cpe/yourpayments"}},
			[]want{{"mail-link-offbrand", false, 0}, {"mail-urgency", false, 0}}},
		{"no longer usable after a deadline", Mail{Text: "【ゆうちょ銀行】ゆうちょ認証アプリの登録が必要です。期限までに登録がない場合、ご利用いただけなくなります。https://jp-bank-auth.com/", URLs: []string{"https://jp-bank-auth.com/"}},
			[]want{{"mail-link-offbrand", true, 50}, {"mail-urgency", true, 0}}},
		{"the same look-alike link, no lure", Mail{Text: "【au】冬のキャンペーンのお知らせです。 https://au-kddi.cc/", URLs: []string{"https://au-kddi.cc/"}},
			[]want{{"mail-link-offbrand", true, 0}}},
		{"a link showing Amazon's address, leading elsewhere", Mail{From: "Amazon <no-reply@amazon-security.top>", Text: "アカウントを確認してください。",
			Disguised: []DisguisedLink{{Shown: "https://www.amazon.co.jp/ap/signin", Href: "https://amazon-co-jp.account-verify.xyz/ap/signin"}}},
			[]want{{"mail-link-disguised", true, 30}}},
		{"a site on a brand's hosting platform shown over a click counter", Mail{From: "Sale <x@sale.example.top>", Text: "セール中",
			Disguised: []DisguisedLink{{Shown: "https://evil-shop.s3.amazonaws.com/", Href: "https://u1234.ct.sendgrid.net/ls/click?upn=abc"}}},
			[]want{{"mail-link-disguised", false, 0}}},
		{"a brand's own newsletter through a click counter", Mail{From: "楽天カード <info@mail.rakuten-card.co.jp>", FromDomain: "mail.rakuten-card.co.jp", Text: "ポイントアップキャンペーンのお知らせ",
			URLs:      []string{"https://u12345.ct.sendgrid.net/ls/click?upn=abc"},
			Disguised: []DisguisedLink{{Shown: "https://www.rakuten-card.co.jp/campaign/point/", Href: "https://u12345.ct.sendgrid.net/ls/click?upn=abc"}}},
			[]want{{"mail-link-disguised", false, 0}, {"mail-link-offbrand", false, 0}}},
		{"a newsletter showing its own address through a click counter", Mail{From: "豆屋 <news@mameya-baisen.jp>", Text: "新しい豆が入りました。",
			Disguised: []DisguisedLink{{Shown: "https://mameya-baisen.jp/sale", Href: "https://u1234.ct.sendgrid.net/ls/click?upn=abc"}}},
			[]want{{"mail-link-disguised", false, 0}}},
		// rev21: points expiring today under dポイント's name, a health
		// card said to stop working, a suspicious payment.
		{"dポイント expiring today, a link on a look-alike", Mail{Text: "【dポイント】お客様の保有ポイント12,000ptが本日失効します。今すぐ交換手続きをお願いします。https://d-point-kouhan.top/", URLs: []string{"https://d-point-kouhan.top/"}},
			[]want{{"mail-link-offbrand", true, 50}}},
		{"dポイント's own expiry notice", Mail{Text: "【dポイント】期間・用途限定ポイント500ptが12月31日に失効します。dポイントクラブでご確認ください。https://dpoint.docomo.ne.jp/", URLs: []string{"https://dpoint.docomo.ne.jp/"}},
			[]want{{"mail-link-offbrand", false, 0}, {"mail-urgency", false, 0}}},
		{"a health card that stops working today", Mail{Text: "【マイナポータル】マイナ保険証の利用登録が完了していません。本日中に登録しないと保険証が使えなくなります。https://myna-touroku.cc/", URLs: []string{"https://myna-touroku.cc/"}},
			[]want{{"mail-urgency", true, 20}, {"mail-link-offbrand", true, 30}}},
		{"a suspicious payment", Mail{Text: "【PayPay】お客様のアカウントで不審な決済が確認されました。安全のため、以下より認証を完了してください。https://paypay-anzen.icu/", URLs: []string{"https://paypay-anzen.icu/"}},
			[]want{{"mail-link-offbrand", true, 50}}},
		{"the app's own notice of a suspicious payment, no link", Mail{Text: "【PayPay】お客様のアカウントで不審な決済を検知したため、一時的に利用を制限しました。PayPayアプリからご確認ください。"},
			[]want{{"mail-link-offbrand", false, 0}, {"mail-urgency", false, 0}}},
		{"identity check not done, sales money to lapse", Mail{Text: "【メルカリ】本人確認が完了していません。売上金が失効する前に手続きしてください。https://mercari-kakunin.com/", URLs: []string{"https://mercari-kakunin.com/"}},
			[]want{{"mail-link-offbrand", true, 50}}},
		{"trading restricted, details to register again", Mail{Text: "【SBI証券】重要：お取引の制限について。お客様情報の再登録が必要です。https://sbisec-kyc.com/", URLs: []string{"https://sbisec-kyc.com/"}},
			[]want{{"mail-link-offbrand", true, 50}}},
		{"the app's own identity-check reminder", Mail{Text: "【メルカリ】本人確認が完了していません。本人確認はメルカリアプリの「マイページ」から行えます。https://jp.mercari.com/mypage", URLs: []string{"https://jp.mercari.com/mypage"}},
			[]want{{"mail-link-offbrand", false, 0}, {"mail-urgency", false, 0}}},
		// The fake police sending the victim to the fake warrant's page
		// (rev21): the link is the contact; the police's own sites are not.
		{"fake police linking to a warrant page", Mail{Text: "警視庁捜査二課です。あなた名義の口座が詐欺事件に使用されています。詳細は https://keishicho-sousa.com/case/1234 をご確認ください。", URLs: []string{"https://keishicho-sousa.com/case/1234"}},
			[]want{{"mail-fake-police", true, 0}}},
		{"a police station's lost-property notice with its own link", Mail{Text: "仙台中央警察署です。先日の拾得物の件で、あなた名義の財布が届いています。受け取りの手続きは https://www.police.pref.miyagi.jp/ をご確認ください。", URLs: []string{"https://www.police.pref.miyagi.jp/"}},
			[]want{{"mail-fake-police", false, 0}}},
		// A press release's account 「被疑者名義の口座」 is the arrested
		// man's (「…を逮捕しました」), not the reader's.
		{"a police press release: an arrest, a tip line", Mail{Text: "警視庁は、被疑者名義の口座が特殊詐欺に使用された事件で、無職の男（45）を逮捕しました。情報提供は警視庁捜査第二課 03-3581-4321 まで。"},
			[]want{{"mail-fake-police", false, 0}}},
		// Two more fake-police scripts (rev21): your data leaked to a gang,
		// then a video call; the card to be collected by an "officer".
		{"fake police: your data leaked, a video call", Mail{Text: "大阪府警の者です。あなたの個人情報が詐欺グループに流出しています。捜査協力のため、ビデオ通話に応じてください。"},
			[]want{{"mail-fake-police", true, 0}}},
		// rev22 p26 m09: the account 「振込先として使用」, a foreign number.
		{"fake police: the account used as a fraud's payee, LINE video", Mail{Text: "【警視庁 捜査二課】あなた名義の銀行口座が特殊詐欺事件の振込先として使用されていることが判明しました。本日15時までに担当者へご連絡がない場合、逮捕状の請求手続きに入ります。担当：警部補 中川 ☎+1 (856) 413-2097 ※事情聴取はLINEビデオ通話で行います"},
			[]want{{"mail-fake-police", true, 0}}},
		// rev22 p25 m39: fake police in Korean (and Chinese).
		{"fake police in Korean", Mail{Text: "[경시청 수사2과] 귀하 명의의 계좌가 자금세탁 사건에 이용된 것으로 확인되었습니다. 오늘 17시까지 연락이 없으면 체포영장이 발부됩니다. 담당 수사관 사토: 080-6251-3397"},
			[]want{{"mail-fake-police", true, 0}}},
		{"fake police in Chinese", Mail{Text: "【东京警视厅】您的银行账户涉嫌洗钱犯罪，请立即通过微信视频通话联系负责警官，微信号：jp_police_88"},
			[]want{{"mail-fake-police", true, 0}}},
		{"a Korean friend mentioning the police", Mail{Text: "어제 경찰서에서 분실물 찾았어. 당신 지갑도 거기 있대!"},
			[]want{{"mail-fake-police", false, 0}}},
		// rev22 p24 m14: 「…の犯行に利用された疑い」.
		{"fake police: an account used in a crime's commission, a landline", Mail{Text: "【警視庁 捜査第二課】あなた名義の口座が詐欺事件の犯行に利用された疑いがあります。本日17時までに担当まで必ずご連絡ください。連絡がない場合、逮捕状の請求手続きを進めます。連絡先 03-5847-2193"},
			[]want{{"mail-fake-police", true, 0}}},
		// rev23 p32 m37: the reader's card 'seized' at a gang's base.
		{"fake police: the reader's card seized, a LINE video interview", Mail{Text: "大阪府警察本部 捜査二課の山口です。\n佐藤様名義のキャッシュカードと通帳が押収されています。\n本日15時から、こちらのLINEでビデオ通話による事情聴取を行います。"},
			[]want{{"mail-fake-police", true, 0}}},
		{"police news: cards seized at a gang's base", Mail{Text: "大阪府警察からのお知らせです。詐欺グループの拠点からキャッシュカード約100枚を押収しました。詳しくは https://www.police.pref.osaka.lg.jp/ をご覧ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"fake police collecting the cash card", Mail{Text: "こちらは警察です。あなたの口座を調べるため、キャッシュカードを封筒に入れて保管してください。後ほど警察官が受け取りに伺います。"},
			[]want{{"mail-fake-police", true, 0}}},
		// rev23 p35 m07: the bankers' association's 'staff' coming to
		// exchange the card, two sentences after it.
		{"the bankers' association exchanging the card at home", Mail{Text: "【全国銀行協会】お客様のキャッシュカードのICチップに不正利用の痕跡が確認されました。被害防止のため本日中にカード交換の手続きが必要です。銀行協会の担当職員がご自宅へ伺いますので、下記までご連絡ください。03-6386-4027"},
			[]want{{"mail-fake-police", true, 50}}},
		{"a bank mailing a new card home", Mail{Text: "【あおば銀行】キャッシュカードの有効期限が近づいています。新しいカードは簡易書留でご自宅へお送りします。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"the association's word: no staff ever comes for a card", Mail{Text: "全国銀行協会からのお知らせです。銀行協会の職員がキャッシュカードを受け取りにご自宅へ伺うことはありません。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a visit announced first, no card named", Mail{Text: "来週、防犯診断のため警察官がご自宅に伺います。"},
			[]want{{"mail-fake-police", false, 0}}},
		// rev24: the visit named before the card; a visit about card
		// fraud names nothing to be done with the card.
		{"a visit announced first, then the card's exchange", Mail{Text: "来週、防犯診断のため警察官がご自宅に伺います。キャッシュカードの交換です。"},
			[]want{{"mail-fake-police", true, 50}}},
		{"fake police: a visit, then the card and passbook to be ready", Mail{Text: "警視庁です。あなたの口座が不正に使われています。本日、警察官がご自宅に伺います。キャッシュカードと通帳をご用意ください。"},
			[]want{{"mail-fake-police", true, 50}}},
		{"a patrol visit to talk about card fraud", Mail{Text: "宮城県警察です。巡回連絡のため警察官がご自宅に伺います。キャッシュカードや通帳の保管方法についてもお話しします。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"card fraud named, then a crime-prevention visit", Mail{Text: "防犯のお知らせです。キャッシュカード詐欺が増えています。警察官がご自宅に伺い、防犯指導を行います。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a passbook found and brought home", Mail{Text: "仙台東警察署です。明日、落とし物の件で警察官がご自宅に伺います。お預かりしていた通帳をお返しします。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"the police's warning about card collectors", Mail{Text: "【宮城県警察】警察官がキャッシュカードを受け取りに伺うことはありません。「封筒に入れて保管して」と言われたら詐欺です。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a police station's lost-property notice", Mail{Text: "仙台中央警察署です。お預かりしていたキャッシュカードの遺失物について、受け取りの手続きをお願いします。来署の際は身分証をお持ちください。"},
			[]want{{"mail-fake-police", false, 0}}},
		// A warning's list items and a denial with an adverb (rev22 h06,
		// h07): 「・…を入力しない」 forbids, 「ことは絶対にありません」 denies.
		{"a police newsletter's list of what not to do", Mail{Text: "【被害防止のポイント】\n・SMSやメールに記載されたURLにはアクセスしない\n・IDやパスワード、クレジットカード番号を入力しない"},
			[]want{{"mail-credential-request", false, 0}}},
		// rev23 p28 m14: a list of what the police never do, closed by
		// its denial on the next line.
		{"a police warning's list closed by 「ことは絶対にありません」", Mail{Subject: "【安まちメール】警察官をかたるSMS・電話に注意", Text: "■大阪府警察からのお知らせ\n【大阪府警 捜査二課】あなた名義の口座が詐欺事件に悪用されています。\n警察が、\n・SMSやLINEで連絡し、ビデオ通話で警察手帳や逮捕状を見せる\n・口座番号や暗証番号の提出を求める\nことは絶対にありません。"},
			[]want{{"mail-fake-police", false, 0}}},
		// rev23 p32 m23: a denial pointing ahead to its list.
		{"a bank's list of what it never asks, after its denial", Mail{Text: "当行が、メール・SMS・電話で、以下の情報をお尋ねすることは一切ありません。\n・キャッシュカードの暗証番号\n・ゆうちょダイレクトのログインパスワード、送金用暗証番号\n・ワンタイムパスワード、認証番号"},
			[]want{{"mail-credential-request", false, 0}}},
		{"a lure's list after a sentence that denies nothing", Mail{Text: "お取引を制限しました。本日中に以下の情報をご入力ください。\n・キャッシュカードの暗証番号\n・ワンタイムパスワード、認証番号\nhttps://yucho-direct.verify-jp.example.net/"},
			[]want{{"mail-credential-request", true, 0}}},
		{"fake police whose list is closed by a new sentence", Mail{Text: "【大阪府警 捜査二課】あなた名義の口座が詐欺事件に悪用されています。\n以下に従ってください。\n・LINEのビデオ通話で事情聴取に応じる\n・口座の残高を報告する\nこの件は家族にも話さないでください。"},
			[]want{{"mail-fake-police", true, 0}}},
		{"a lure threatening what happens unless you enter the card", Mail{Text: "カード番号とセキュリティコードを入力しないと、本日中にご利用を停止します。https://x.example.top/"},
			[]want{{"mail-credential-request", true, 0}}},
		{"a city's benefit mail denying ATM steps, with an adverb", Mail{Text: "【さいたま市】物価高騰対応支援給付金のご案内\n確認書を返送してください。\n※市や国の職員が、ATMの操作をお願いしたり、手数料の振込を求めることは絶対にありません。\n問い合わせ：給付金コールセンター 0120-291-552"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"a refund lure sending the reader to an ATM", Mail{Text: "【さいたま市】医療費の還付金があります。お近くのATMで手続きができますので、本日中に 0120-291-552 までお電話ください。"},
			[]want{{"mail-refund-atm", true, 0}}},
		// rev22 p23 f02: 【NHK放送受信料】 speaks as NHK; 「お支払いが2か月分
		// 確認できておりません」 is an unpaid lure.
		{"NHK's name with the fee's name, an unpaid lure, a look-alike link", Mail{Text: "【NHK放送受信料】お支払いが2か月分確認できておりません。本日中にお手続きがない場合、割増金が発生します。お支払いはこちら https://nhk-jushinryo.pay-center.cc/kakunin?id=58201943"},
			[]want{{"mail-link-offbrand", true, 50}}},
		{"NHK's own reminder linking its own site", Mail{Text: "【NHK放送受信料】お支払いが2か月分確認できておりません。お手続きは https://www.nhk-cs.jp/ から。"},
			[]want{{"mail-link-offbrand", false, 0}}},
		// rev22 p23 h17: a shop's real prize, nothing to pay.
		{"a shop's prize notice: no fee of any kind", Mail{Text: "厳正なる抽選の結果、オリジナルドリップバッグにご当選されました。賞品は1月下旬に発送いたします。送料・手数料等のご負担は一切ございません。マイページ（https://www.mimosa-coffee.co.jp/mypage）"},
			[]want{{"mail-prize-lure", false, 0}}},
		// rev22 p23 f06: the LINE takeover asks for the SMS code.
		{"a 'friend' asking for the SMS sign-in code", Mail{Text: "ひさしぶり！スマホを機種変したらLINEの認証がうまくいかなくて。\nSMSで4桁の認証番号が届くから、それをそのまま送ってほしい！"},
			[]want{{"mail-credential-request", true, 50}}},
		{"a service's code, not to be shared", Mail{Text: "【LINE】認証番号は4829です。この番号を他人に教えないでください。"},
			[]want{{"mail-credential-request", false, 0}}},
		{"a sign-up mail: type the code in the app", Mail{Text: "アプリに届いた認証コードを入力して、登録を完了してください。"},
			[]want{{"mail-credential-request", false, 0}}},
		// rev22 p23 f20: Google One's storage lure (brands.json: Google).
		{"a Google One storage lure from a stranger's domain", Mail{From: "Google One <no-reply@google-storage-alert.com>", FromDomain: "google-storage-alert.com", Subject: "ストレージの上限に達しました", Text: "お支払い方法の有効期限が切れているため、Google One プランを更新できませんでした。48時間以内にお支払い情報を更新しない場合、写真とファイルが完全に削除されます。https://g-one-storage.payment-update.app/renew"},
			[]want{{"mail-sender-mismatch", true, 0}, {"mail-link-offbrand", true, 30}}},
		// 警視庁 is a brand (p46): its news from a public body's domain is
		// its own; a stranger's domain speaking as it is not.
		{"the police's newsletter from an lg.jp domain", Mail{From: "警視庁 サイバーセキュリティ対策本部 <cyber-info@keishicho.example.lg.jp>", FromDomain: "keishicho.example.lg.jp", Subject: "【警視庁】フィッシングにご注意ください", Text: "警視庁からのお知らせです。宅配業者をかたるフィッシングメールが多数確認されています。リンクは開かないでください。"},
			[]want{{"mail-sender-mismatch", false, 0}}},
		{"the police's name on a stranger's domain", Mail{From: "警視庁 <info@keishicho-sousa.com>", FromDomain: "keishicho-sousa.com", Subject: "【警視庁】捜査へのご協力のお願い", Text: "警視庁捜査二課です。あなた名義の口座が犯罪に使われています。"},
			[]want{{"mail-sender-mismatch", true, 0}}},
		// rev23 p32 m10: a password reset the reader asked for, from the
		// brand's own domain (任天堂 is a brand now).
		{"Nintendo's own password reset", Mail{From: "Nintendo <no-reply@accounts.nintendo.com>", FromDomain: "accounts.nintendo.com", Subject: "[ニンテンドーアカウント] パスワード再設定のご案内", Text: "以下のリンクから24時間以内に新しいパスワードを設定してください。\nhttps://accounts.nintendo.com/password/reset/authenticate?token=7fK2pQxLm9VbR4tN8sYd3W\nこのリクエストに心当たりがない場合は、このメールを破棄してください。"},
			[]want{{"mail-credential-request", false, 0}, {"mail-link-offbrand", false, 0}}},
		{"a fake Nintendo reset on a stranger's domain", Mail{From: "Nintendo <no-reply@nintendo-account-support.com>", FromDomain: "nintendo-account-support.com", Subject: "[ニンテンドーアカウント] 不正なログインを検知しました", Text: "アカウントは一時停止されました。24時間以内にパスワードを再設定してください。\nhttps://nintendo-account-support.com/reset"},
			[]want{{"mail-link-offbrand", true, 50}}},
		// rev23 p31 m08: Meta's ad-account lure to a shop owner.
		{"a Meta ad-account lure from a stranger's domain", Mail{From: "Meta for Business <support@meta-business-notice.com>", FromDomain: "meta-business-notice.com", Subject: "[Meta] 広告アカウントが無効化されました", Text: "関連するFacebookページおよびInstagramアカウントは24時間以内に完全に削除されます。異議申し立てを行う: https://meta-business-notice.com/appeal/case/1783625409"},
			[]want{{"mail-sender-mismatch", true, 0}, {"mail-link-offbrand", true, 50}}},
		{"Meta's own ad notice linking its own sites", Mail{From: "Meta for Business <advertise-noreply@support.facebook.com>", FromDomain: "support.facebook.com", Subject: "広告が却下されました", Text: "広告マネージャで確認する: https://adsmanager.facebook.com/adsmanager/manage/ads?act=618203947751236 広告規定: https://transparency.meta.com/ja-jp/policies/ad-standards/"},
			[]want{{"mail-sender-mismatch", false, 0}, {"mail-link-offbrand", false, 0}}},
		{"Google's own storage notice", Mail{From: "Google One <google-one-noreply@google.com>", FromDomain: "google.com", Subject: "ストレージの空き容量が少なくなっています", Text: "Google アカウントのストレージが残り少なくなっています。容量を管理するには https://one.google.com/storage をご覧ください。"},
			[]want{{"mail-sender-mismatch", false, 0}, {"mail-link-offbrand", false, 0}}},
		// rev22 p23 f12: a bank's voice sending the reader to a 050 number.
		{"a bank's suspension with a 050 number to call", Mail{Text: "【三菱UFJ銀行】お客様の口座で第三者による不正な取引の可能性が検知されたため、口座のご利用を一時停止しております。至急下記までお電話ください。\n不正利用対策センター 050-5213-8846"},
			[]want{{"mail-urgency", true, 40}}},
		{"a bank's suspension with its toll-free desk", Mail{Text: "【三菱UFJ銀行】お客様の口座のご利用を一時停止しております。至急下記までお電話ください。\nお客さま窓口 0120-860-777"},
			[]want{{"mail-urgency", true, 20}}},
		{"a suspension and a mobile number in no brand's voice", Mail{Text: "アカウントが一時停止されました。至急 090-1234-5678 までお電話ください。"},
			[]want{{"mail-urgency", true, 20}}},
		{"a plumber's 090 number, no brand", Mail{Text: "水道の修理は本日中に対応します。お急ぎの方は 090-1234-5678 まで。"},
			[]want{{"mail-urgency", false, 0}}},
		// rev22 p24 m21, m37: a denial wrapped over two lines of a mail.
		{"an insurer's refund notice, its ATM denial wrapped", Mail{Text: "保険料の払戻しについてのご案内\nご登録口座へ当社から直接お振込みいたします。\n※当社が、払戻しのためにATMの操作をお願いしたり、キャッシュカードや暗証番号を\nお預かりすることは絶対にありません。\nお客さまサービスセンター 0120-417-226"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"a refund lure wrapped over two lines", Mail{Text: "【みなみ野市】医療費の還付金があります。お近くのATMで還付金の手続きを\n行ってください。本日中に 0120-291-552 までお電話ください。"},
			[]want{{"mail-refund-atm", true, 0}}},
		// rev24 p38 m20: a ward office's refund due today and a landline
		// to call at once (medium: the number could be the office's).
		{"a ward's refund due today, a landline to call", Mail{Text: "【世田谷区役所 保険年金課】医療保険料の過払い金(還付金)28,650円が未受領となっております。受取期限は本日17時までです。手続き方法を担当職員がご案内しますので、至急 03-6824-1197 までお電話ください。"},
			[]want{{"mail-refund-atm", true, 30}}},
		{"a city's refund notice with its desk, no deadline of today", Mail{Text: "【世田谷区役所 保険年金課】国民健康保険料の還付金があります。同封の請求書をご返送ください。お問い合わせは 03-5432-1111 までお電話ください。"},
			[]want{{"mail-refund-atm", false, 0}}},
		// rev24 p38 m09: a 'child' on a new LINE account, money for a
		// client today, the father not to be told.
		{"a 'child' on a new LINE, money for a client today", Mail{Text: "お母さん、携帯壊れて新しくしたからこっちのLINEに変えたよ。\nそれでちょっと相談があるんだけど、今日中に取引先に40万振り込まないといけなくて、新しいスマホだとネットバンキングの認証ができないの。代わりに振り込んでもらえない?明日には必ず返すから。\nお父さんにはまだ言わないで、心配かけたくないから。"},
			[]want{{"mail-relative-trouble", true, 50}}},
		// rev24 p38 m38: the threat 「送られたくなければ」, a deadline
		// counted from opening.
		{"sextortion: 'unless you want it sent', 48 hours from opening", Mail{Text: "あなたのデバイスはハッキングされました。あなたがアダルト動画を見ている様子を録画しました。この動画を家族、友人、職場の連絡先全員に送られたくなければ、1,500ドル相当のビットコインを下記のアドレスに送金してください。BTCアドレス:bc1qxy7w5k3m9d8f2r6t0p4v7n2c8h5j3l9s4a6e0u"},
			[]want{{"mail-extortion", true, 0}}},
		// rev22 p24 m11, m45: a creditor's own reminder.
		{"a mail-order firm's reminder for a refused delivery, its own site", Mail{FromDomain: "naturallife-tsuhan.co.jp", Text: "9月28日にご注文いただきました商品（ご注文番号 NL-250928-3317）につきまして、受取りを辞退され返送されております。現時点でご入金が確認できておりません。お支払い期限：2025年11月5日。期限までにお支払いいただけない場合、少額訴訟等の法的手続きを検討させていただきます。0120-926-357 https://www.naturallife-tsuhan.co.jp/"},
			[]want{{"mail-fake-bill", false, 0}}},
		{"the same words linking another domain", Mail{FromDomain: "naturallife-tsuhan.co.jp", Text: "ご注文番号 NL-250928-3317 につきまして、現時点でご入金が確認できておりません。お支払いいただけない場合、少額訴訟等の法的手続きを検討させていただきます。お支払いはこちら https://naturallife-pay.top/"},
			[]want{{"mail-fake-bill", true, 30}}},
		{"a paid site's fee from its own domain", Mail{FromDomain: "douga-center.jp", Text: "有料動画サイトのご利用料金が未払いです。ご注文番号 A-1234。本日中にお支払いがない場合、法的手続きに移行します。https://douga-center.jp/pay"},
			[]want{{"mail-fake-bill", true, 0}}},
		// rev22 p24 m16: a statement's merchant descriptor is no link.
		{"a card check by phone naming APPLE.COM/BILL", Mail{Text: "ご利用先:APPLE.COM/BILL\nご本人確認のため、カード番号16桁・有効期限・セキュリティコードの入力が必要です。\nご利用確認専用ダイヤル:050-3187-6642", URLs: []string{"apple.com/BILL"}},
			[]want{{"mail-credential-request", true, 0}}},
		{"a brand's own notice naming its site bare", Mail{Text: "amazon.co.jp にサインインして、カード番号と有効期限を更新してください。", URLs: []string{"amazon.co.jp"}},
			[]want{{"mail-credential-request", false, 0}}},
		// rev22 p25 m24: 件名「…」 quotes a lure, no colon between.
		{"an IT department's warning quoting a subject", Mail{Text: "最近、以下のようなフィッシングメールが多数届いています。\n■事例2：国税庁を装うメール\n件名「【国税庁】未納税金のお支払いについて（最終通知）」\n万一クリックしてしまった場合は、内線4410までご連絡ください。"},
			[]want{{"mail-fake-bill", false, 0}}},
		// rev22 p25 m16: the Immigration Services Agency as a brand.
		{"a fake immigration agency mail", Mail{From: "Immigration Services Agency of Japan <no-reply@moj-isa.go-jp.top>", FromDomain: "moj-isa.go-jp.top", Subject: "Final Notice: Your Residence Card Will Be Invalidated", Text: "This is an official notice from the Immigration Services Agency of Japan (出入国在留管理庁). Complete the online verification within 72 hours: https://moj-isa.go-jp.top/rc/confirm"},
			[]want{{"mail-sender-mismatch", true, 0}, {"mail-link-offbrand", true, 30}}},
		{"the agency's own notice", Mail{From: "出入国在留管理庁 <info@isa.go.jp>", FromDomain: "isa.go.jp", Text: "在留カードの有効期間更新申請は、オンラインでも受け付けています。https://www.moj.go.jp/isa/applications/"},
			[]want{{"mail-sender-mismatch", false, 0}, {"mail-link-offbrand", false, 0}}},
		// mail-extortion (rev22 f21): sextortion spam.
		{"sextortion: hacked, filmed, Bitcoin, sent to everyone", Mail{Subject: "あなたのアカウントはハッキングされました", Text: "私はプロのハッカーです。あなたがアダルトサイトを閲覧している様子を、カメラで録画しました。\n動画を削除してほしければ、1500米ドル相当のビットコインを下記アドレスに送金してください。\nBTCアドレス：bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\n動画をあなたの家族・友人・同僚全員に送信します。"},
			[]want{{"mail-extortion", true, 0}}},
		{"sextortion in English: a wallet address and a deadline", Mail{Text: "I hacked your device and recorded you through your webcam. Transfer $1200 to this address: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT within 48 hours."},
			[]want{{"mail-extortion", true, 0}}},
		{"an exchange's news of a hack", Mail{Text: "【お知らせ】海外の取引所がハッキングされ、ビットコインが流出したとの報道がありました。当社のお客様の資産は安全に保管されています。"},
			[]want{{"mail-extortion", false, 0}}},
		{"a security centre's warning about the spam", Mail{Text: "「あなたのデバイスをハッキングした」「ビットコインを払わなければ動画を家族や友人に送信する」という脅迫メールが届く手口が増えています。支払わないでください。"},
			[]want{{"mail-extortion", false, 0}}},
		{"a friend's photos and a crypto chat", Mail{Text: "昨日カメラで撮影した写真、家族にも送信しておいたよ。ビットコインの話はまた今度ね。"},
			[]want{{"mail-extortion", false, 0}}},
		// rev23 p31 m41: the refund fraud's call, before the ATM: a city
		// office, a refund due today, a 050 number; a pasted SMS's header.
		{"a city's refund due today, a 050 number to call", Mail{Text: "SMS\n送信元: +81 50-6875-3092\n受信日時: 2026/01/29 10:36\n藤沢市役所 保険年金課です。医療費の払い戻し（高額療養費の還付金 28,640円）の受取手続きが未完了です。受取期限が本日までとなっております。至急、担当 高橋（050-6875-3092）までお電話ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		// rev23 p34 m35: the deadline of today given with its date.
		{"a ward's refund due 'today, August 19', a 050 desk", Mail{Text: "SMS\n送信元：080-2917-4463\n【練馬区役所 保険年金課】医療費等の過払い金（28,460円）の還付手続きが未完了です。受取期限は本日8月19日までとなっております。お手続き専用ダイヤル：050-3187-6624（担当 カワムラ）"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a city's refund by post, its own landline", Mail{Text: "藤沢市役所 保険年金課です。高額療養費の支給申請書を郵送しました。3月31日までにご返送ください。問い合わせ 0466-25-1111"},
			[]want{{"mail-refund-atm", false, 0}}},
		// rev24: a refund due today and a landline to call at once is the
		// fraud's first call even when the number may be the office's own:
		// medium, with the advice to check on a number looked up (the
		// police's advice for any such call; p38 m20 was the fraud).
		{"a city's refund due today, a landline to call at once", Mail{Text: "藤沢市役所 保険年金課です。医療費の払い戻しの受取期限が本日までとなっております。至急、0466-25-1111までお電話ください。"},
			[]want{{"mail-refund-atm", true, 30}}},
		{"a friend's refund talk with a mobile number", Mail{Text: "医療費の払い戻しの申請、今日中に出さないといけないらしいよ。詳しくは 090-1234-5678 の私まで！"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"a city's benefit call centre on a 050 number, no rush", Mail{Text: "【藤沢市】物価高騰対策給付金の還付のご案内を郵送しました。申請期限は3月31日です。給付金コールセンター 050-3816-2211"},
			[]want{{"mail-refund-atm", false, 0}}},
		// qa25f D7b: a department of a prefecture or city in the office's
		// voice; the refund collected at an ATM in that voice; a health
		// insurer's refund of 高額療養費 due today.
		{"a prefecture's health-insurance section, a refund due today, a mobile", Mail{Text: "宮城県 国民健康保険課です。還付金の受け取り期限が本日までです。至急、担当者 080-4455-6677 にお電話ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a city hall's refund collected at an ATM", Mail{Text: "仙台市役所 保険年金課です。還付金があります。お近くのATMでお受け取りいただけます。担当者 080-4455-6677 にお電話ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"an insurer's refund due at five today, a mobile", Mail{Text: "【協会けんぽ】高額療養費の払い戻しがあります。受付期限は本日17時まで。担当 090-1111-2222 までご連絡ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a bank's pension note: collect at an ATM", Mail{Text: "【みやぎ銀行】年金の払い戻し金は毎月15日にご指定口座へ入金されます。お近くのATMでお受け取りいただけます。お問い合わせ 0120-123-456"},
			[]want{{"mail-refund-atm", false, 0}}},
		// rev23 p31 m15: the ticket-transfer fraud of social media.
		{"a stranger's ticket, whoever pays first, a person's account", Mail{Text: "5/16(土) 東京ドーム公演、アリーナBブロック 連番2枚です。\n複数の方からDMいただいていて、先にお振込みいただいた方にお譲りしています🙏\n本日22時までにお振込みいただければ確保します！\nお振込先\nゆうちょ銀行 〇一八店 普通 4716385\n名義 タカハシ ミオ"},
			[]want{{"mail-ticket-prepay", true, 50}}},
		{"a ticket first come, first served, by PayPay", Mail{Text: "ライブのチケット1枚お譲りします。先着順です！PayPay送金でお願いします（ID: mio0517yuzuri）"},
			[]want{{"mail-ticket-prepay", true, 0}}},
		{"a friend selling through the official resale", Mail{Text: "5/16の東京ドーム、チケット1枚余るんだけど行かない？公式リセール（チケトレ）に出すね。振込とかPayPayは要らない！"},
			[]want{{"mail-ticket-prepay", false, 0}}},
		{"a friend asking for the ticket's price, no race", Mail{Text: "チケット代13,200円、この口座に振り込んでね。ゆうちょ銀行 〇一八店 普通 4716385 タカハシ ミオ"},
			[]want{{"mail-ticket-prepay", false, 0}}},
		{"a police warning about ticket-transfer fraud", Mail{Text: "【警視庁】SNSでのチケット譲渡詐欺にご注意ください。本日も被害の相談が寄せられています。先にお振込みいただいた方にお譲りします、PayPay送金でお願いしますなどと急がせる手口です。チケットは公式リセールで購入しましょう。"},
			[]want{{"mail-ticket-prepay", false, 0}}},
		{"a warning listing a ticket fraud's lines", Mail{Text: "SNSでのチケット譲渡詐欺が多発しています。被害に遭わないようご注意ください。\nよくある文面\n先にお振込みいただいた方にお譲りします\nPayPay送金でお願いします\n本日中に確保します"},
			[]want{{"mail-ticket-prepay", false, 0}}},
		{"a friend asking for the ticket's price today", Mail{Text: "明日のライブのチケット代13,200円、今日中にこの口座に振り込んでね！ゆうちょ銀行 〇一八店 普通 4716385 タナカ ユウ"},
			[]want{{"mail-ticket-prepay", false, 0}}},
		{"a ticket service's deadline at a convenience store", Mail{Text: "【チケットぴあ】公演チケットのお支払い期限は本日23:59です。セブン-イレブンでお支払いください。"},
			[]want{{"mail-ticket-prepay", false, 0}}},
		{"a travel agency's tour tickets, first come, its company account", Mail{Text: "コンサート付きツアーのチケットは先着順です。お振込先：三井住友銀行 新宿支店 普通 1234567 カ）サクラトラベル"},
			[]want{{"mail-ticket-prepay", false, 0}}},
		// rev23 p31 m17: a flea-market buyer taking the trade to LINE and
		// asking for the seller's ID photo.
		{"a buyer moving the trade to LINE, asking for an ID photo", Mail{Text: "すぐに即決したいのですが、メルカリは手数料が高く出品者様の取り分が減ってしまうので、もしよろしければLINEで直接お取引できませんか？\n支払いは銀行振込で先にお送りします。振込予約の登録に必要なので、口座名義と電話番号、あと確認用に身分証の写真だけ先にLINEで送ってもらえますか？"},
			[]want{{"mail-offplatform", true, 50}}},
		// p45 m28: the ID's kind in brackets; the holder and phone of the
		// account the money comes from.
		{"a buyer: LINE, an ID (licence) photo, the paying account's holder and phone", Mail{Text: "メルカリは手数料が高いので、LINEで直接お取引しませんか？お取引の安全のため、身分証（運転免許証）の写真と、お振込み元の口座名義・お電話番号を先に送っていただけますか。"},
			[]want{{"mail-offplatform", true, 50}}},
		{"a seller refusing to trade off the app", Mail{Text: "コメントありがとうございます。メルカリ外での取引は規約で禁止されているので、こちらからご購入をお願いします。"},
			[]want{{"mail-offplatform", false, 0}}},
		{"a platform's warning about off-app trades", Mail{Text: "【メルカリ】LINEで直接取引に誘導し、身分証の写真を求める手口にご注意ください。外部での取引は禁止されています。"},
			[]want{{"mail-offplatform", false, 0}}},
		{"a buyer asking to trade directly, nothing asked for", Mail{Text: "手数料がかからないので、LINEで直接お取引できませんか？"},
			[]want{{"mail-offplatform", false, 0}}},
		// rev23 p31 m21: an 'ambassador' who must buy first.
		{"an ambassador offer: buy at 70% off, all back after posting", Mail{Text: "@nana.morning_cafe 様を2026年春コレクションの【公式アンバサダー】候補としてご招待させていただきたくご連絡いたしました。\n・ご購入商品の投稿確認後、商品代金を全額キャッシュバック＋報酬3,000円をお支払い\n下記の公式ショップで専用クーポンコードをご利用のうえ、対象のセットをご購入ください。"},
			[]want{{"mail-pr-purchase", true, 30}}},
		// rev23 p34 m17: the purchase 'soon recovered by the rewards'.
		{"an ambassador set to buy first, 'the rewards soon pay it back'", Mail{Text: "あなたのアカウントがブランドアンバサダーに選ばれました。\nアンバサダー様の本気度を確認するため、初回のみご購入いただいています。報酬ですぐに回収できますのでご安心ください。"},
			[]want{{"mail-pr-purchase", true, 30}}},
		{"a brand's gifting offer: nothing to buy", Mail{Text: "新しいブレンドについて、ギフティング（商品の無償提供）とご紹介投稿のご相談をさせていただけないでしょうか。ご購入いただくものや、ご負担いただく費用は一切ございません。投稿の謝礼として20,000円をお支払いいたします。"},
			[]want{{"mail-pr-purchase", false, 0}}},
		{"a shop's campaign: cashback on purchases, no ambassador", Mail{Text: "期間中に対象商品をご購入いただいた方全員に、購入金額の10%をキャッシュバックいたします。"},
			[]want{{"mail-pr-purchase", false, 0}}},
		{"an ambassador's referral cashback, nothing to buy", Mail{Text: "アンバサダーにご登録いただくと、ご紹介ごとに報酬をキャッシュバックでお支払いします。"},
			[]want{{"mail-pr-purchase", false, 0}}},
		{"a shop recruiting ambassadors, a money-back guarantee", Mail{Text: "公式アンバサダー募集中！アンバサダー特典として新作を特別価格でご購入いただけます。購入後30日以内なら全額返金保証。"},
			[]want{{"mail-pr-purchase", false, 0}}},
		// rev23 p31 m43: a hometown-tax donation into a person's account.
		{"a ふるさと納税 'site' taking the donation into a person's account", Mail{Subject: "【ふるさと納税 特選市場】ご寄附のお申し込みありがとうございます", Text: "寄附先自治体：宮崎県都城市\n寄附金額：9,800円\n■お振込先\n三菱UFJ銀行 新宿通支店 普通 5280417\n口座名義 ヨシダ タカシ"},
			[]want{{"mail-public-payee", true, 50}}},
		{"a fine to be paid into a person's account", Mail{Text: "交通違反の反則金 18,000円が未納です。下記へお振込みください。ゆうちょ銀行 〇一八店 普通 1234567 サトウ ケンジ"},
			[]want{{"mail-public-payee", true, 0}}},
		{"a city's ふるさと納税 receipt, its own account", Mail{Subject: "ふるさと納税のお礼", Text: "都城市へのふるさと納税をありがとうございます。お振込先：宮崎銀行 都城支店 普通 1234567 ミヤコノジヨウシカイケイカンリシヤ"},
			[]want{{"mail-public-payee", false, 0}}},
		{"a PTA treasurer's fee into her account", Mail{Text: "PTA会費 3,000円を下記口座へお振込みください。ゆうちょ銀行 〇一八店 普通 1234567 ナカムラ ユキ"},
			[]want{{"mail-public-payee", false, 0}}},
		// rev23 p32 m30: a son's 'company' wanting a settlement today.
		{"a son's accident, a settlement today, collected at home", Mail{Text: "株式会社東和建設 総務部の石川と申します。翔太さんのお母様でいらっしゃいますか。\n本日午前、翔太さんが社用車で追突事故を起こされました。\n本日中に示談が成立すれば警察への被害届は出さないとのお話です。示談金は300万円です。\n本日15時までにご用意いただけますでしょうか。当社の者がご自宅まで受け取りに伺います。\n翔太さんは電話には出られない状況です。"},
			[]want{{"mail-relative-trouble", true, 50}}},
		// rev23 p34 m30: the LINE form, 'pay before 3 or they report it'.
		{"a 'son' on a new LINE account: a settlement paid today", Mail{Text: "母さん、ちょっとまずいことになった。昨日会社の車で取引先の社長さんの車にぶつけちゃって、同乗してた奥さんが妊娠中で病院に運ばれた\n今日中に示談金150万円払えば警察沙汰にしないって言ってくれてる\n父さんには絶対言わないで。\n15時までに振り込まないと相手が被害届出すって"},
			[]want{{"mail-relative-trouble", true, 50}}},
		// rev23 p35 m05: a 'grandson' on a new LINE account, money he
		// advanced, a card stopped.
		// rev24 QA: the company's money lost, a sum 'needed' today.
		{"a 'grandson' who lost the company's money, a sum needed today", Mail{Text: "おばあちゃん、スマホ壊れて番号変わった。会社のお金を落としちゃって今日中に100万円必要なんだ。誰にも言わないで。"},
			[]want{{"mail-relative-trouble", true, 50}}},
		{"a 'grandson' whose card stopped after advancing money", Mail{Text: "ばあちゃん、ゆうとです。\n今会議の合間で電話できなくてごめん\n会社の取引先に払うお金を立て替えてたら、カードが止まっちゃって、今日の15時までに48万振り込まないとまずいことになる\nお父さんには心配かけたくないから言わないでほしい"},
			[]want{{"mail-relative-trouble", true, 50}}},
		{"a daughter telling her mother the accident is settled", Mail{Text: "お母さん、昨日の追突事故の件、保険会社と示談がまとまったよ。修理代の30万円は保険で出るから心配しないで。今日中に書類を送るね。"},
			[]want{{"mail-relative-trouble", false, 0}}},
		{"a police warning quoting the script", Mail{Text: "【大阪府警】オレオレ詐欺にご注意ください。\n息子さんが追突事故を起こした、示談金300万円を本日中にご用意いただきたい、会社の者が受け取りに伺います、という電話が相次いでいます。"},
			[]want{{"mail-relative-trouble", false, 0}}},
		// rev23 p31 m02, m04, m26: a payee account changed (BEC, a fake
		// managing agent); the company's own notice and a landlord's.
		{"a supplier's change to its president's own account, phones down", Mail{From: "株式会社小林商事 経理部 田村 <tamura@kobayashi-syoji.jp>", FromDomain: "kobayashi-syoji.jp", Subject: "【重要】お振込先口座変更のお願い",
			Text: "今月お支払い分より下記の口座へお振込みいただけますようお願い申し上げます。\n■新しいお振込先\n銀行名：GMOあおぞらネット銀行\n支店名：法人第二営業部\n口座種別：普通\n口座番号：1284736\n口座名義：コバヤシ ケンジ（弊社代表 小林健二の名義口座となります）\n※現在、本社の電話回線が工事中のため、ご連絡はこのメールへのご返信にてお願いいたします。"},
			[]want{{"mail-account-change", true, 50}}},
		{"a managing agent's rent account, a staff member's, from Gmail", Mail{From: "株式会社グリーンハウス管理 賃料管理課 <greenhouse.chinryo.kanri@gmail.com>", FromDomain: "gmail.com", Subject: "【重要】家賃お振込先変更のお知らせ",
			Text: "家賃のお振込先口座を変更させていただくことになりました。\n■新しいお振込先\nPayPay銀行 ビジネス営業部 普通 3081746\n口座名義 サトウ マサト"},
			[]want{{"mail-account-change", true, 50}}},
		{"an invoice's changed account, replies to free mail", Mail{From: "株式会社アオバ物流 経理課 <seikyu@aoba-butsuryu.co>", FromDomain: "aoba-butsuryu.co", ReplyToDomain: "outlook.jp", Subject: "【請求書】2025年12月度 ご請求のご案内",
			Text: "【お振込先】※2026年1月お支払い分より変更となっております\n楽天銀行 第一営業支店 普通 7723190 口座名義 アオバロジスティクス（カ"},
			[]want{{"mail-account-change", true, 30}}},
		{"the supplier's own notice: its account, call us to confirm", Mail{From: "株式会社小林商事 経理部 <m.tamura@kobayashi-shoji.co.jp>", FromDomain: "kobayashi-shoji.co.jp", Subject: "【ご案内】お振込先口座変更に関する書面送付のご連絡",
			Text: "お振込先口座を変更させていただくことになりました。\n■新しいお振込先\n三井住友銀行 神田支店 普通預金 7306158 口座名義 カ）コバヤシシヨウジ\n恐れ入りますが、ご変更の前に、お手元の契約書に記載の弊社代表番号へお電話いただき、ご確認くださいますようお願いいたします。"},
			[]want{{"mail-account-change", false, 0}}},
		// rev23 p34 m01: 「本メールへのご返信ではなく」 sends the reader to
		// the phone, it does not keep them from it.
		{"the supplier's notice: not by replying to this mail, call us", Mail{From: "株式会社丸高食品 経理課 <keiri@marutaka-foods.co.jp>", FromDomain: "marutaka-foods.co.jp", Subject: "【重要】お振込先口座変更のお知らせ",
			Text: "売掛金のお振込先口座を下記のとおり変更させていただくこととなりました。\n清水銀行 本店営業部 普通預金 0528173 口座名義 カ）マルタカシヨクヒン\nご不審な点がございましたら、本メールへのご返信ではなく、お手元の請求書に記載の弊社代表番号までお電話ください。"},
			[]want{{"mail-account-change", false, 0}}},
		{"a landlord's own new account, in his name", Mail{Text: "大家の山田です。来月から家賃の振込先が変わります。新しい口座：ゆうちょ銀行 〇一八店 普通 1234567 ヤマダ タロウ。ご不明な点は 090-1234-5678 まで。"},
			[]want{{"mail-account-change", false, 0}}},
		{"a change to direct debit; the account unchanged", Mail{From: "株式会社グリーンハウス管理 <info@greenhouse-kanri.co.jp>", FromDomain: "greenhouse-kanri.co.jp",
			Text: "4月分家賃までは、これまでどおり下記口座へのお振込みをお願いいたします。振込先に変更はございません。\n横浜銀行 藤沢支店 普通 6031942 カ）グリーンハウスカンリ\n・弊社が個人名義の口座へのお振込みをお願いすることは一切ございません。"},
			[]want{{"mail-account-change", false, 0}}},
		// rev25 QA (qa25f D7): the classic 「訴訟最終告知のお知らせ」 owes nothing
		// by name; it claims a suit for a contract defaulted on.
		{"a 'final notice of a lawsuit', seizure, call today", Mail{Subject: "総合消費料金に関する訴訟最終告知のお知らせ",
			Text: "この度、ご通知致しましたのは、貴方の利用されていた契約会社、ないしは運営会社側から契約不履行による民事訴訟として、訴状が提出されましたことをご通知致します。\n裁判取り下げ等のご相談に関しましては、当管理局にて受け付けております。\n取り下げ最終期日を過ぎますと、給料差し押さえ及び動産、不動産物の差し押さえを強制的に執行させて頂きます。\n本日中にご連絡ください。\n民事訴訟管理センター TEL (03)1234-5678"},
			[]want{{"mail-fake-bill", true, 0}}},
		// rev25 QA (qa25f D8 and a regression of the phrases above): a police
		// station's SMS quoting a fake bill in 「」, a consumer centre's mail
		// quoting the notice, its numbers and account.
		{"a police station's SMS quoting a fake bill", Mail{Text: "【仙台中央警察署】管内で次のSMSが確認されています。「【重要】有料動画サイトの利用料金が未納となっております。本日中にご連絡がない場合、法的手続きに移行します。お問合せ 03-1234-5678」 このSMSは架空請求です。絶対に連絡しないでください。"},
			[]want{{"mail-fake-bill", false, 0}}},
		{"a consumer centre's mail quoting the notice and its account", Mail{Subject: "くらしの情報：架空請求の手口",
			Text: "仙台市消費生活センターからのお知らせ\n「訴訟最終告知のお知らせ」「民事訴訟管理センター」を名乗るハガキやメールの相談が増えています。\n記載された電話番号（例：(03)1234-5678、03-6820-1111）に連絡すると、和解金として「楽天銀行 ジャズ支店 普通 1234567 ニシムラ タカシ」などの個人名義口座への振込を求められます。\n絶対に連絡せず、消費生活センター（022-268-7867）へご相談ください。"},
			[]want{{"mail-fake-bill", false, 0}}},
		{"a consumer centre's warning quoting the notice", Mail{Subject: "【消費生活センター】「訴訟最終告知のお知らせ」にご注意ください",
			Text: "「訴訟最終告知のお知らせ」というはがきやメールで、訴状が提出された、差し押さえを執行する、本日中に連絡をと脅す架空請求の相談が寄せられています。記載の連絡先には絶対に連絡しないでください。"},
			[]want{{"mail-fake-bill", false, 0}}},
		// rev25 (p38 m39): the president's mail that has an employee set
		// up a LINE group and send its QR code (社長なりすまし詐欺).
		{"the 'president' from Gmail: a LINE group, its QR code, secret, transfers", Mail{From: "山本 健一 <kenichi.yamamoto.ceo@gmail.com>", FromDomain: "gmail.com", Subject: "【至急】新規案件の件",
			Text: "経理部 佐々木さん\nお疲れ様です。\n現在進めている新規案件の件で、経理部内に新しくLINEグループを作成していただけますか。\n作成後、グループのQRコードをこのメールに返信で送ってください。追って振込の指示をグループで行います。\n本件は社外秘のため、他の社員には口外しないようお願いします。\n会議中のため電話には出られません。\n代表取締役社長 山本 健一"},
			[]want{{"mail-ceo-group", true, 50}}},
		{"the 'president' in the subject, the company's domain, in a meeting", Mail{From: "総務部 <soumu@sakura-kogyo.co.jp>", FromDomain: "sakura-kogyo.co.jp", Subject: "社長より：至急の依頼",
			Text: "お疲れ様です。LINEで新しいグループを作って、招待リンクを送ってください。今は会議中で電話に出られません。"},
			[]want{{"mail-ceo-group", true, 50}}},
		{"a president asking for a team chat, nothing else", Mail{From: "代表取締役 山本 <yamamoto@sakura-kogyo.co.jp>", FromDomain: "sakura-kogyo.co.jp", Subject: "社員旅行の連絡",
			Text: "社員旅行の連絡用にLINEグループを作成してください。QRコードを返信で送ってください。"},
			[]want{{"mail-ceo-group", true, 30}}},
		{"a president sharing his own group's code", Mail{From: "代表取締役 山本 <yamamoto@sakura-kogyo.co.jp>", FromDomain: "sakura-kogyo.co.jp", Subject: "社員旅行の連絡",
			Text: "社員旅行の連絡用にLINEグループを作成しました。QRコードを添付しますので、参加をお願いします。振込の締切は金曜日です。"},
			[]want{{"mail-ceo-group", false, 0}}},
		{"a colleague asking for a party's group", Mail{From: "田中 <tanaka@sakura-kogyo.co.jp>", FromDomain: "sakura-kogyo.co.jp", Subject: "忘年会",
			Text: "忘年会の連絡用にLINEグループを作ってもらえますか？QRコードを送ってください。会費は当日集めます。"},
			[]want{{"mail-ceo-group", false, 0}}},
		{"the police warning of the trick", Mail{Subject: "【警察庁】社長になりすました詐欺にご注意ください",
			Text: "社長を名乗るメールで、LINEグループを作成してQRコードを送ってくださいと指示し、グループ内で振込をさせる手口が多発しています。社外秘なので口外しないように、などと言われても、社長本人に確認してください。"},
			[]want{{"mail-ceo-group", false, 0}}},
		// rev25 p40 m18: the international romance fraud's parcel.
		{"a 'UN doctor' sent savings by diplomatic courier, customs fee first", Mail{From: "James Miller <dr.jamesmiller0714@gmail.com>", FromDomain: "gmail.com", Subject: "Re: 私の愛しい人へ",
			Text: "私はまだイエメンの国連平和維持軍の基地で医師として働いています。\n前に話した私の貯金（85万ドル）と個人の荷物を、外交官の配送会社を通してあなたの住所に送りました。\n荷物は今、東京の空港の税関で止まっていて、通関手数料 1,850ドル を払わないと受け取れないと連絡がありました。\nあなたが先に払ってくれれば、日本に着いたらすぐに全部返します。"},
			[]want{{"mail-parcel-fee", true, 50}}},
		{"a soldier's gift box held at customs, in English", Mail{Text: "My love, I sent you a package with gold and cash through a diplomatic courier. It is held at customs and you must pay the clearance fee of $900 first. I am a soldier in Syria and cannot pay from the military base."},
			[]want{{"mail-parcel-fee", true, 50}}},
		{"a courier's own notice of duty to pay", Mail{From: "DHL Express <noreply@dhl.com>", FromDomain: "dhl.com", Text: "お客様宛てのお荷物は税関で保留されています。関税 2,300円 をお支払いください。https://www.dhl.com/jp-ja/home.html"},
			[]want{{"mail-parcel-fee", false, 0}}},
		{"a friend's gift that customs charged", Mail{Text: "ロンドンからあなたに送ったプレゼント、関税がかかったみたい。ごめんね、受け取るときに払ってくれたら今度返すね！"},
			[]want{{"mail-parcel-fee", false, 0}}},
		{"the police's warning of the trick", Mail{Text: "【警察庁】国際ロマンス詐欺にご注意ください。SNSで知り合った外国人が「あなたに荷物を送りました。税関で止まっているので通関手数料を払ってください」と求める手口が増えています。"},
			[]want{{"mail-parcel-fee", false, 0}}},
		// rev23 p28 m22: the fake-embassy fraud aimed at foreign residents.
		{"a fake Chinese embassy SMS: documents, press 1", Mail{Text: "发送者: +81 50-3184-7762\n【中国驻日本大使馆】您好，您有一份重要文件尚未领取，涉及您的护照及签证问题。请于今日内致电 03-4578-2096 按1查询，逾期未处理将影响您在日本的居留资格。"},
			[]want{{"mail-fake-embassy", true, 50}}},
		{"a fake embassy in Japanese: residence status revoked, a number", Mail{Text: "【在日ベトナム大使館】あなたのパスポートに問題が見つかりました。本日中に手続きがない場合、あなたの在留資格が取り消される可能性があります。担当 03-5468-2231 までお電話ください。"},
			[]want{{"mail-fake-embassy", true, 0}}},
		{"a fake embassy in English: press 1", Mail{Text: "This is the Embassy of the Philippines. There is an urgent problem with your passport. Press 1 to speak to an officer."},
			[]want{{"mail-fake-embassy", true, 0}}},
		// rev23 p31 m48: in Korean, the passport 'misused in a fraud case'.
		{"a fake Korean embassy: the passport misused, an investigator's 050", Mail{Text: "안녕하십니까. 주일본국 대한민국 대사관 영사과입니다.\n김민지 님 명의의 여권이 국내 금융사기 사건에 도용된 정황이 확인되었습니다.\n오늘 18시까지 담당 수사관에게 연락 바랍니다.\n☎ 050-5490-2281 (영사과 직통)"},
			[]want{{"mail-fake-embassy", true, 0}}},
		{"a Korean consulate's notice of passport renewal hours", Mail{Text: "주일본국 대한민국 대사관 영사과입니다. 여권 재발급 접수 시간이 변경되었습니다. 문의: 03-3455-2601"},
			[]want{{"mail-fake-embassy", false, 0}}},
		// rev23 p34 m23: a students' association forwarding the
		// embassy's warning, the fraudsters' lines quoted.
		{"a forwarded embassy warning in Chinese quoting the script", Mail{Text: "【中国驻日本使馆提醒在日中国公民谨防冒充使领馆电信诈骗】\n诈骗分子通常以\"您有重要文件未领取\"\"您的护照涉嫌违法\"等为由，要求当事人拨打\"+86\"开头的号码或添加社交账号。\n使领馆不会通过电话、短信通知领取文件。\n本周六举行新生说明会，将邀请宫城县警察本部的警官介绍常见诈骗手法。\n学联微信公众号：东北大学CSSA"},
			[]want{{"mail-fake-police", false, 0}, {"mail-fake-embassy", false, 0}}},
		{"a consulate's newsletter with its desk's number", Mail{Text: "【中国驻日本大使馆】关于护照换发的通知：请通过中国领事APP预约办理。咨询电话：03-3403-3388"},
			[]want{{"mail-fake-embassy", false, 0}}},
		{"a consulate's notice: the passport is ready", Mail{Text: "Embassy of Brazil: your passport is ready for collection. You can collect it at the consular section from Monday. Tel 03-3404-5211"},
			[]want{{"mail-fake-embassy", false, 0}}},
		{"an embassy's warning about callers impersonating it", Mail{Text: "【中国驻日本大使馆提醒】近期有不法分子冒充大使馆工作人员，以您的护照、签证问题为由，要求按1查询并转接所谓“国内警方”，请勿相信。"},
			[]want{{"mail-fake-embassy", false, 0}}},
		{"a consulate's reminder to renew on time (请按时 is no key)", Mail{Text: "【中国驻日本大使馆】请按时办理护照换发手续。咨询电话：03-3403-3388"},
			[]want{{"mail-fake-embassy", false, 0}}},
		{"an embassy's reception: register by phone, late ones not taken", Mail{Text: "【中国驻日本大使馆】春节招待会报名请致电 03-3403-3388，逾期不再受理您的报名。"},
			[]want{{"mail-fake-embassy", false, 0}}},
		{"a consulate's general notice: overstaying is illegal", Mail{Text: "【中国驻日本大使馆】签证逾期滞留属违法行为，请注意在留期限。咨询电话：03-3403-3388"},
			[]want{{"mail-fake-embassy", false, 0}}},
		// rev23 p32 m26: a hijacked friend's LINE, the card named in the
		// sentence before the buy.
		{"a friend's LINE: the card named first, bought in the next sentence", Mail{Text: "親戚の子へのプレゼントでAppleのギフトカードが急ぎで必要になっちゃって…\n近くのコンビニで1万円のを5枚買ってきてもらえないかな？\n裏のシールを削ってコードの写真をここに送ってくれたら大丈夫！"},
			[]want{{"mail-gift-card", true, 50}}},
		{"a family chat: a card mentioned, later an errand and a tracking number", Mail{Text: "先月もらったAmazonギフトカード、まだ使ってないんだ。\n今日は会議が多くて忙しい。\n帰りに牛乳買ってきて。\nあと荷物の追跡番号を送っておいてくれる？"},
			[]want{{"mail-gift-card", false, 0}}},
		{"a farewell gift collected by PayPay", Mail{Text: "送別会のプレゼントにAmazonギフトカードを贈ることにしました。\nお花も買ってきてもらえると助かります。\n一人1,000円をPayPayで送ってください。"},
			[]want{{"mail-gift-card", false, 0}}},
		// rev23 p28 m26: gift cards in English, the support scam's bill
		// and the 'boss' who needs cards for clients.
		{"a fake support bill in English: read the codes", Mail{Text: "Payment options:\n1. Google Play gift cards (4 x 10,000 yen) - read the codes to your technician\n2. Bank transfer to our Japan partner account"},
			[]want{{"mail-gift-card", true, 50}}},
		{"a 'boss' asking for gift cards, the codes in the next sentence", Mail{Text: "Are you available? I need you to buy 5 Apple gift cards ($100 each) for our clients today. Scratch the back and send me pictures of the codes."},
			[]want{{"mail-gift-card", true, 0}}},
		{"an e-gift's receipt: the code went to the recipient", Mail{Text: "Thank you for your purchase. You can email the gift card code to the recipient or print it."},
			[]want{{"mail-gift-card", false, 0}}},
		{"a vendor's warning about gift-card payment", Mail{Text: "Microsoft will never ask you to pay with gift cards or to read the codes over the phone."},
			[]want{{"mail-gift-card", false, 0}}},
		{"a friend giving a gift card's code", Mail{Text: "Happy birthday! I bought you a Starbucks gift card. I'll text you the code tonight."},
			[]want{{"mail-gift-card", false, 0}}},
		{"a gift card order held for an ID check by photo", Mail{Text: "We have received your order for a corporate gift card. To complete the check, please send us photos of your ID."},
			[]want{{"mail-gift-card", false, 0}}},
		{"a shop's gift card for sale", Mail{Text: "Buy a 5,000 yen gift card this week and get 500 bonus points."},
			[]want{{"mail-gift-card", false, 0}}},
		// mail-gift-card (rev21): buy e-money, send its number.
		{"a 'relative' asking for gift card numbers", Mail{Text: "お母さん、スマホ壊れて番号変わった。急ぎでお願いがあるんだけど、コンビニでAppleギフトカード5万円分買って、裏の番号を写真で送ってくれない？"},
			[]want{{"mail-gift-card", true, 0}}},
		{"a fake bill paid in gift card codes", Mail{Text: "【有料サイト運営事務局】未払いの利用料金があります。本日中にコンビニでAmazonギフトカード3万円分を購入し、番号をこちらに送信してください。"},
			[]want{{"mail-gift-card", true, 0}}},
		// rev22 p24 m01: the card named and bought in one sentence, its
		// number sent in the next.
		{"a 'friend' asking over two sentences", Mail{Text: "お願いがあるんだけど、近くのコンビニでAppleギフトカード買ってきてくれないかな？1万円のを5枚。買ったらカード裏の番号をこすって写真撮って送ってね。"},
			[]want{{"mail-gift-card", true, 0}}},
		{"a gift card bought, a phone number asked for", Mail{Text: "コンビニでAmazonギフトカード買ってきてくれる？自分で使うから。あと新しい電話番号教えて。"},
			[]want{{"mail-gift-card", false, 0}}},
		{"a gift card bought for oneself, a trip's photos sent", Mail{Text: "コンビニでAmazonギフトカード買ってきてくれる？自分で使うから。あとで旅行の写真送ってね。"},
			[]want{{"mail-gift-card", false, 0}}},
		{"thanks for a gift card", Mail{Text: "Amazonギフトカード買って、コードも写真で送ってくれてありがとう。助かったよ。"},
			[]want{{"mail-gift-card", false, 0}}},
		{"a gift card sent as a present", Mail{Text: "お父さん誕生日おめでとう。プレゼントにAmazonギフトカード送るね。コードはメールで届くよ。"},
			[]want{{"mail-gift-card", false, 0}}},
		{"a store's gift card campaign", Mail{Text: "【セブン-イレブン】Apple Gift Card 10%還元キャンペーン実施中！12月1日〜12月7日"},
			[]want{{"mail-gift-card", false, 0}}},
		{"a warning quoting the request", Mail{Text: "【消費者庁】「コンビニでギフトカードを買って番号を教えて」と言われたら詐欺です。"},
			[]want{{"mail-gift-card", false, 0}}},
		// An English prize lure: selected to receive, a fee in yen.
		{"an English prize lure with a fee in yen", Mail{Text: "Congratulations! You have been selected to receive an iPhone 17 from Amazon. Pay only the shipping fee of 300 yen: https://amazon-gift-jp.top/claim", URLs: []string{"https://amazon-gift-jp.top/claim"}},
			[]want{{"mail-prize-lure", true, 40}}},
		{"a free sample with free shipping", Mail{Text: "You have been selected to receive a free sample of our new coffee. Free shipping, no fee. https://coffee.example.jp/sample", URLs: []string{"https://coffee.example.jp/sample"}},
			[]want{{"mail-prize-lure", false, 0}}},
		// English delivery lures for foreign residents (rev21).
		{"an English 'tried to deliver' with a look-alike link", Mail{Text: "Hi, this is Yamato Transport. We tried to deliver your parcel today. Reschedule here: https://yamato-jp.cc/", URLs: []string{"https://yamato-jp.cc/"}},
			[]want{{"mail-delivery-lure", true, 30}}},
		{"a friend rescheduling lunch", Mail{Text: "Hi Ken, sorry I missed you today! Can we reschedule lunch to Friday? Here is the place: https://tabelog.com/tokyo/A1301/", URLs: []string{"https://tabelog.com/tokyo/A1301/"}},
			[]want{{"mail-delivery-lure", false, 0}}},
		// An hour today is a deadline of today (本日17時までに), and a
		// phone "contracted by someone else" an intrusion claim.
		{"a carrier's bill due at an hour today, the line to be cut", Mail{Text: "【ドコモ】ご利用料金が未払いです。本日17時までにお支払いがない場合、回線を停止いたします。お問い合わせ 050-5534-1234"},
			[]want{{"mail-fake-bill", true, 30}, {"mail-urgency", true, 40}}}, // a 050 number in a brand's voice (rev22)
		{"a phone said contracted by someone else, call at once", Mail{Text: "【ソフトバンク】お客様の携帯電話が不正に契約されています。至急 03-4567-8901 までご連絡ください。"},
			[]want{{"mail-urgency", true, 20}}},
		{"a shop's pickup due at an hour today", Mail{Text: "【花屋ルナ】ご注文の花束は本日17時までに店頭でお受け取りください。お問い合わせ 022-222-1234"},
			[]want{{"mail-urgency", false, 0}, {"mail-fake-bill", false, 0}}},
		{"suspension and sign-in worded otherwise", Mail{Text: "【Amazon】お客様のアカウントは一時的に停止されています。異常なサインインを検出しました。24時間以内に下記にてお手続きください。https://amazon-jp.account-check.top/"},
			[]want{{"mail-urgency", true, 30}}},
		{"a card suspension in other words", Mail{Text: "【楽天カード】お客様のアカウントはロックいたしました。24時間以内にご確認がない場合、カードのご利用は停止されます。https://rakuten-card.kakunin-id.top/"},
			[]want{{"mail-urgency", true, 30}}},
		{"an honest sign-up mail with a deadline", Mail{From: "豆屋 <info@mameya.example.jp>", FromDomain: "mameya.example.jp",
			Text: "仮登録を受け付けました。24時間以内に下記から本登録をお願いします。期限を過ぎると仮登録は停止されます。https://mameya.example.jp/verify"},
			[]want{{"mail-urgency", false, 0}}},
		{"SMS sender tag with a colon", Mail{Text: "楽天カード：不正利用の可能性がある取引を検知しました。確認がとれない場合カードを利用停止します。https://rc-kakunin.net/verify"},
			[]want{{"mail-link-offbrand", true, 30}}},
		{"a brand and a colon inside a sentence is no tag", Mail{Text: "お支払い方法の例 楽天カード：ご利用いただけます。詳しくは https://shop.example.jp/guide"},
			[]want{{"mail-link-offbrand", false, 0}}},
		{"shop's note on missed deliveries", Mail{From: "例示ショップ <info@shop.example.jp>", FromDomain: "shop.example.jp",
			Text: "本日発送いたしました。ご不在の場合は不在票が投函されますので、再配達をご依頼ください。https://shop.example.jp/mypage"},
			[]want{{"mail-delivery-lure", true, 0}}},
		{"shop's shipping notice", Mail{From: "例示ショップ <info@shop.example.jp>", FromDomain: "shop.example.jp",
			Text: "ご注文のお荷物を発送しました。配送状況はこちら https://toi.kuronekoyamato.co.jp/cgi-bin/tneko"},
			[]want{{"mail-delivery-lure", false, 0}, {"mail-sender-mismatch", false, 0}, {"mail-link-offbrand", false, 0}}},
		{"missed delivery linking to the carrier", Mail{Text: "ご不在のためお荷物を持ち帰りました。再配達は https://www.kuronekoyamato.co.jp/ から"},
			[]want{{"mail-delivery-lure", false, 0}}},
		{"missed delivery without a link", Mail{Text: "ご不在でしたので、お電話ください。"},
			[]want{{"mail-delivery-lure", false, 0}}},

		// mail-fake-bill
		{"fake bill with legal threat and call demand", Mail{Text: "有料サイトの利用料金が未払いです。本日中にご連絡がない場合、法的措置に移行します。"},
			[]want{{"mail-fake-bill", true, 0}}},
		{"unpaid with a legal threat only", Mail{Text: "未納料金があります。このままでは訴訟となります。"},
			[]want{{"mail-fake-bill", true, 30}}},
		{"utility's payment reminder", Mail{Text: "5月分のご利用料金のお支払いが確認できません。お手数ですがお振込みをお願いします。"},
			[]want{{"mail-fake-bill", false, 0}}},
		{"carrier's reminder with a dated deadline", Mail{Text: "ご利用料金のお支払いが確認できておりません。6月30日までにお支払いがない場合、ご利用を停止させていただきます。"},
			[]want{{"mail-fake-bill", false, 0}}},
		{"unpaid with a cut-off today", Mail{Text: "【au】ご利用料金のお支払いが確認できておりません。未払いが続く場合、本日中にご利用を停止いたします。"},
			[]want{{"mail-fake-bill", true, 30}}},
		{"unpaid, legal threat, call today", Mail{Text: "【Amazon】ご利用料金のお支払い確認が取れておりません。本日中にご連絡がない場合、法的措置に移行いたします。Amazonサポートセンター 050-0000-0000"},
			[]want{{"mail-fake-bill", true, 0}}},
		{"newsletter quoting lures", Mail{Text: "■「【国税庁】未払い税金のお知らせ」\n「本日中にお支払いいただけない場合、財産の差押えを行います」と脅し、電子マネーで支払わせる手口も。\n「ETCサービスは無効になりました」などの件名で偽サイトへ誘導し、カード番号やセキュリティコードを入力させる手口。\n■不在通知SMS、佐川急便を装うものが再び増加 https://news.example.com/a"},
			[]want{{"mail-fake-bill", false, 0}, {"mail-credential-request", false, 0}, {"mail-delivery-lure", false, 0}, {"mail-urgency", false, 0}}},
		{"one-time code handed out", Mail{From: "Amazon.co.jp <account-update@amazon.co.jp>", FromDomain: "amazon.co.jp",
			Text: "ログインを完了するには、次のワンタイムパスワードを入力してください。\n\n482913\n\nこのコードは他の人と共有しないでください。"},
			[]want{{"mail-credential-request", false, 0}}},
		{"one-time code in a one-line SMS (rev18 honest 05)", Mail{Text: "【SMBC】ワンタイムパスワード: 482913　このパスワードはお振込の認証用です。当行の行員が電話等でこの番号をお尋ねすることはありません。他人に絶対に教えないでください。"},
			[]want{{"mail-credential-request", false, 0}}},
		{"one-time code after は", Mail{Text: "【楽天銀行】認証のためのワンタイムパスワードは 739201 です。有効期限は10分です。"},
			[]want{{"mail-credential-request", false, 0}}},
		{"one-time password asked for", Mail{Text: "SMSで届いたワンタイムパスワードを入力してください。https://x.example.cn/otp"},
			[]want{{"mail-credential-request", true, 0}}},
		{"consumer centre explaining fake bills", Mail{Text: "「有料動画の料金が未払い、法的措置をとる、本日中に連絡を」というメールが届いても、支払う必要はありません。連絡しないでください。消費生活センターに相談を。"},
			[]want{{"mail-fake-bill", false, 0}, {"mail-urgency", false, 0}}},

		// mail-sender-mismatch
		{"brand name as sender, other domain", Mail{From: "三井住友カード <info@smbc-card-security.cn>", FromDomain: "smbc-card-security.cn", Text: "お知らせです。"},
			[]want{{"mail-sender-mismatch", true, 0}}},
		{"brand tag in the subject", Mail{From: "info@mail.example.cn", FromDomain: "mail.example.cn", Subject: "【Amazon】お支払い方法の確認", Text: "x"},
			[]want{{"mail-sender-mismatch", true, 0}}},
		{"brand's greeting in the text", Mail{From: "info@card.example.top", FromDomain: "card.example.top", Text: "いつも楽天カードをご利用いただきありがとうございます。"},
			[]want{{"mail-sender-mismatch", true, 0}}},
		{"a brand's name on a free mailbox at the brand's own service", Mail{From: "Microsoft <ms-security-team@outlook.com>", FromDomain: "outlook.com", Subject: "【Microsoft】サインインの確認", Text: "セキュリティ情報を確認してください。"},
			[]want{{"mail-sender-mismatch", true, 0}}},
		{"a brand's notice from its service's subdomain", Mail{From: "Apple <no_reply@email.apple.com>", FromDomain: "email.apple.com", Subject: "【Apple】サインインの通知", Text: "サインインがありました。"},
			[]want{{"mail-sender-mismatch", false, 0}}},
		{"genuine sender", Mail{From: "Amazon.co.jp <shipment-tracking@amazon.co.jp>", FromDomain: "amazon.co.jp", Subject: "Amazon.co.jp ご注文の発送", Text: "Amazon.co.jpをご利用いただき、ありがとうございます。https://www.amazon.co.jp/gp/css https://twitter.com/AmazonJP"},
			[]want{{"mail-sender-mismatch", false, 0}, {"mail-link-offbrand", false, 0}}},
		{"shop mentioning payment brands", Mail{From: "例示ショップ <news@shop.example.jp>", FromDomain: "shop.example.jp", Subject: "夏のセール開催中", Text: "PayPayが使えます。\n楽天ペイ、Amazon Payもご利用いただけます。\nhttps://shop.example.jp/sale"},
			[]want{{"mail-sender-mismatch", false, 0}, {"mail-link-offbrand", false, 0}}},
		{"shop whose name starts with a brand", Mail{From: "Apple Case Shop <news@applecase.example.jp>", FromDomain: "applecase.example.jp", Text: "新作ケースが入荷しました。"},
			[]want{{"mail-sender-mismatch", false, 0}}},
		{"brand's customer service as sender", Mail{From: "Amazon カスタマーサービス <cs@amazon-help.example.top>", FromDomain: "amazon-help.example.top", Text: "お知らせです。"},
			[]want{{"mail-sender-mismatch", true, 0}}},
		{"lure dressed as a security notice", Mail{Text: "第三者による不正利用の被害が増えています。心当たりのない取引があったため、ご利用を一時停止しました。24時間以内にご確認ください。ご注意ください。https://x.example.top/"},
			[]want{{"mail-urgency", true, 30}}},
		{"homoglyph brand in the sender name", Mail{From: "Аmazon.co.jp <info@amazon-help.example.top>", FromDomain: "amazon-help.example.top", Text: "お知らせです。"},
			[]want{{"mail-sender-mismatch", true, 0}}},
		{"shop on a marketplace", Mail{From: "楽天市場店 例示ケース <shop@example-case.jp>", FromDomain: "example-case.jp", Text: "ご注文ありがとうございます。"},
			[]want{{"mail-sender-mismatch", false, 0}}},
		{"SMS has no sender domain", Mail{Text: "【三井住友カード】ご利用確認 https://smbc.example.cn/"},
			[]want{{"mail-sender-mismatch", false, 0}, {"mail-link-offbrand", true, 30}}},
		{"unpaid claim in a brand's name, link elsewhere", Mail{Text: "【NTTドコモ】ご利用料金のお支払い確認が取れておりません。ご確認が必要です。\nhttps://qwzx-link.com/a1"},
			[]want{{"mail-link-offbrand", true, 30}}},
		{"carrier's name with a link under an abused TLD", Mail{Text: "【佐川急便】お荷物の配達予定日時のご確認をお願いします。https://sgw-delivery.ltd-jp.cn/c?d=73"},
			[]want{{"mail-link-offbrand", true, 30}}},
		{"brand's newsletter linking to a campaign site", Mail{Text: "【楽天カード】春のキャンペーンのご案内です。詳しくはこちら https://rakuten-campaign.example.com/spring"},
			[]want{{"mail-link-offbrand", true, 0}}},
		{"signature presents the brand", Mail{Text: "お客様のアカウントはセキュリティ上の理由によりロックされています。\nhttps://qwzx-link.com/a1\n\nApple サポート"},
			[]want{{"mail-link-offbrand", true, 30}}},
		{"shop signing with its own name", Mail{Text: "新作が入荷しました。https://shop.example.jp/new\n\nApple Case Shop 例示"},
			[]want{{"mail-link-offbrand", false, 0}}},

		// mail-prize-lure
		{"prize with a fee to pay", Mail{Text: "おめでとうございます！iPhone17が当選しました。本日中に送料(330円)をお支払いください。https://present-tousen.example.top/r?id=1"},
			[]want{{"mail-prize-lure", true, 0}}},
		{"prize with a fee and no amount", Mail{Text: "ご当選おめでとうございます。賞品の発送手数料のお支払いをお願いします。https://gift.example.com/"},
			[]want{{"mail-prize-lure", true, 30}}},
		{"English prize with a shipping fee", Mail{Text: "Congratulations! You have won a Dyson V15. Pay the shipping fee of $2 to receive it: https://win.example.xyz/"},
			[]want{{"mail-prize-lure", true, 0}}},
		{"an English failed delivery, a look-alike link", Mail{Text: "Japan Post: We could not deliver your package due to an incomplete address. Please update your address: https://japanpost-redeliver.top/", URLs: []string{"https://japanpost-redeliver.top/"}},
			[]want{{"mail-delivery-lure", true, 50}}},
		{"an English delivery notice on the carrier's own site", Mail{Text: "Japan Post: If we are unable to deliver your parcel, we will leave a notice. Track it at https://trackings.post.japanpost.jp/", URLs: []string{"https://trackings.post.japanpost.jp/"}},
			[]want{{"mail-delivery-lure", false, 0}}},
		{"a prize split by a space", Mail{Text: "おめでとうございます！iPhone17に当 選しました。本日中に送料(330円)をお支払いください。https://present-tousen.example.top/r?id=1"},
			[]want{{"mail-prize-lure", true, 0}}},
		{"a refund split by a middle dot, at an ATM", Mail{Text: "〇〇市役所です。医療費の還・付があります。お近くのATMで手続きができますので、080-3344-5566 までお電話ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"prize shipped free", Mail{Text: "ご当選おめでとうございます。賞品は送料無料でお届けします。お届け先をご登録ください https://campaign.example.jp/form"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"prize with nothing to pay", Mail{Text: "ご当選おめでとうございます。賞品の送料・手数料のお支払いは不要です。https://campaign.example.jp/form"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"prize whose shipping the shop pays", Mail{Text: "見事当選されました！送料は弊社が負担いたします。https://campaign.example.jp/"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"campaign announcement, nobody has won", Mail{Text: "抽選で100名様にプレゼント！送料はお客様のご負担となります。https://shop.example.jp/campaign"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"prize and fee, no link", Mail{Text: "当選しました。手数料500円をお支払いください。"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"prize fee through a brand's own link", Mail{Text: "楽天ポイントが当選しました。手数料100円のお支払い https://www.rakuten.co.jp/"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"police warning about prize lures", Mail{Text: "【注意喚起】当選しました、送料500円をお支払いくださいと偽るフィッシングメールが確認されています。リンクを開かないでください。https://www.police.example.jp/"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"consumer centre's advice on prize lures", Mail{Text: "当選しました。送料500円をお支払いください。このようなメールは無視してください。心配なときは消費者ホットライン188へ。https://www.kokusen.example.jp/"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"a free prize, pay only the fee", Mail{Text: "ご当選おめでとうございます。iPhone 17を無料でプレゼント、配送手数料330円のみお支払いください。https://gift.example.top/"},
			[]want{{"mail-prize-lure", true, 0}}},
		{"fee and amount in two sentences", Mail{Text: "プレゼント対象に選ばれました。受け取りには送料が必要です。お支払い金額：330円 https://gift.example.top/"},
			[]want{{"mail-prize-lure", true, 30}}},
		{"a ticket lottery sale", Mail{Text: "厳正なる抽選の結果、ご当選されました。お支払い金額：9,350円（発券手数料220円を含む）。入金期限までにお支払いください。https://ticket.example.jp/mypage"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"a shop's lottery sale", Mail{Text: "抽選販売に当選されました。ご購入手続きのうえ、送料660円をお支払いいただきます。https://shop.example.jp/lottery"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"an English delivery note", Mail{Text: "If you won't be home, a handling fee of 300 yen applies; pay at the counter. https://post.example.com/"},
			[]want{{"mail-prize-lure", false, 0}}},
		{"consumer centre quoting the lure", Mail{Text: "「当選しました。送料500円をお支払いください」という詐欺メールにご注意ください。https://www.kokusen.go.jp/"},
			[]want{{"mail-prize-lure", false, 0}}},

		// mail-support-scam: the SMS form of the fake virus alert (rev16 m28).
		{"support-scam SMS (rev16 m28)", Mail{Text: "【Microsoft】お使いのPCでウイルスが検出されました。至急サポートセンター 050-5840-3312 へご連絡ください。"},
			[]want{{"mail-support-scam", true, 0}, {"mail-fake-police", false, 0}}},
		// mail-phone-stop: the fake ministry's phone-stop fraud.
		{"the ministry cuts your number today, call 050", Mail{Text: "【総務省】お客様の携帯電話番号は不正利用の疑いがあるため、本日中に停止されます。停止を回避するには 050-3333-4444 までお電話ください。"},
			[]want{{"mail-phone-stop", true, 0}, {"mail-fake-police", false, 0}}},
		{"the ministry's recorded call: press 1", Mail{Text: "総務省です。2時間後にお客様の携帯電話が利用停止になります。詳しくは1番を押してください。"},
			[]want{{"mail-phone-stop", true, 0}}},
		{"a warning about the ministry's recorded call", Mail{Text: "総務省 総合通信局をかたる電話にご注意ください。「2時間後にお客様の電話が利用停止になります。1番を押してください」という自動音声の電話がかかってきても、番号を押さずに切ってください。"},
			[]want{{"mail-phone-stop", false, 0}}},
		{"a carrier's own stop for an unpaid bill", Mail{Text: "【ドコモ】ご利用料金のお支払いが確認できないため、12月15日より携帯電話のご利用を停止させていただきます。お問い合わせ 0120-800-000"},
			[]want{{"mail-phone-stop", false, 0}}},
		{"the ministry on the end of 3G, for everyone", Mail{Text: "【総務省】3G方式の携帯電話は2026年3月末で使えなくなります。お問い合わせは総務省 電波政策課 03-5253-5111 まで。"},
			[]want{{"mail-phone-stop", false, 0}}},
		{"the ministry's threat with no way to reach it", Mail{Text: "【総務省】お客様の携帯電話は本日中に利用停止になります。"},
			[]want{{"mail-phone-stop", false, 0}}},
		{"support-scam mail in English, a US toll-free number", Mail{Subject: "Windows Defender Alert", Text: "Your computer is infected with a Trojan virus. Call Microsoft Support now at +1-888-555-0199."},
			[]want{{"mail-support-scam", true, 0}}},
		{"malware named, no device, a vendor and pressure", Mail{Text: "【Microsoft】トロイの木馬が検出されました。今すぐサポート窓口 0120-123-456 へお電話ください。"},
			[]want{{"mail-support-scam", true, 0}}},
		{"a landline with pressure", Mail{Text: "お使いのパソコンはロックされました。至急 03-1234-5678 までお電話ください。"},
			[]want{{"mail-support-scam", true, 0}}},
		{"the police quoting the screen: do not call", Mail{Text: "【警視庁】「お使いのPCはウイルスに感染しています」と表示されても、表示された番号（050-1234-5678）に電話しないでください。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"a vendor explaining the fake alert, number unquoted", Mail{Subject: "Microsoft からのお知らせ", Text: "お使いのPCでウイルスが検出されました、という表示とともに 050-1234-5678 などの番号が出たら、それは偽の警告です。その番号に電話をかけないでください。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"a PC shop's offer of virus removal", Mail{Text: "【PCドクター駅前店】お使いのパソコン、ウイルスに感染していませんか？動作が遅い、広告が消えないなどの症状があれば、ウイルス駆除を承ります。お気軽にお電話ください。TEL 03-1234-5678"},
			[]want{{"mail-support-scam", false, 0}}},
		{"a PC shop's report on a repair, its landline", Mail{Text: "お預かりしたお使いのパソコンを点検したところ、ウイルスが検出されました。駆除の料金は5,500円です。ご確認のうえ、当店 03-1234-5678 までお電話ください。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"news quoting the support-scam SMS", Mail{Subject: "【ニュース】サポート詐欺の被害が急増", Text: "「お使いのPCでウイルスが検出されました。至急サポートセンター 050-5840-3312 へご連絡ください」といったSMSが届く例が増えています。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"a company's IT department to its staff", Mail{Text: "【情報システム部】お使いのPCでウイルスが検出されました。至急 情報システム部 03-1234-5678（内線1234）へご連絡ください。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"a lure that adds one warning to look genuine", Mail{Text: "【Microsoft】お使いのPCでウイルスが検出されました。至急サポートセンター 050-5840-3312 へご連絡ください。※サポート詐欺にご注意ください。"},
			[]want{{"mail-support-scam", true, 0}}},
		{"a warning that copies the screen, warned in the subject", Mail{Subject: "【注意喚起】サポート詐欺にご注意", Text: "表示例：\nお使いのPCはウイルスに感染しています。\n今すぐサポート 050-1234-5678 にお電話ください。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"a warning that copies the screen, warned twice in the body", Mail{Text: "表示例：\nお使いのPCはウイルスに感染しています。\n今すぐサポート 050-1234-5678 にお電話ください。\n以上は偽の警告です。表示された番号には絶対に電話をかけないこと。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"Microsoft says what it never does, its number", Mail{Text: "Microsoft がお使いのPCでウイルスが検出されましたとメールやSMSでお知らせすることはありません。ご不明な点は Microsoft サポート 0120-54-2244 へお問い合わせください。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"a card company's fraud alert, no device", Mail{Text: "【ABCカード】不正利用の可能性がある取引が検出されました。至急 0120-123-456 までお電話ください。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"an antivirus newsletter naming malware", Mail{Text: "新種のランサムウェアが国内で検出されました。ご相談はサポート窓口 0570-000-123 まで。"},
			[]want{{"mail-support-scam", false, 0}}},
		{"an antivirus report with a licence number", Mail{Text: "お使いのPCでウイルスが検出されました。自動的に隔離済みです。ライセンス番号 0800-1234-5678"},
			[]want{{"mail-support-scam", false, 0}}},

		// mail-fake-police: 偽警察詐欺 (rev16 m34).
		{"fake-police SMS (rev16 m34)", Mail{Text: "警視庁捜査二課です。あなた名義の口座が詐欺事件に使用されています。本日中に連絡がない場合、逮捕状を執行します。担当 03-6820-4321"},
			[]want{{"mail-fake-police", true, 0}, {"mail-support-scam", false, 0}}},
		{"a support SMS with 内線不要", Mail{Text: "【Microsoft】お使いのPCでウイルスが検出されました。至急サポートセンター（内線不要）050-5840-3312 へご連絡ください。"},
			[]want{{"mail-support-scam", true, 0}}},
		{"a PC shop's report on a PC it has", Mail{Text: "【PCデポ】お預かりしたお使いのPCを診断したところ、ウイルスが検出されました。至急、修理のご相談のため担当 050-3000-1234 へご連絡ください。"},
			[]want{{"mail-support-scam", false, 0}}},
		// rev17: the victim's side of a case is no accusation; the fake
		// officer's other wordings are.
		{"a bank freezing an account at investigators' request", Mail{Text: "【○○銀行】お客様名義の口座が犯罪に利用されている疑いがあるため、捜査機関からの情報提供に基づき、お取引を一時停止しております。お心当たりのない場合は当行 0120-123-456（平日9時〜17時）までご連絡ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a police station reporting an arrest to the victim", Mail{Text: "こちらは○○警察署刑事課です。先日ご相談いただいた件で、お客様の口座から不正に送金した容疑者を逮捕しましたので、ご報告します。被害品の還付について担当の佐藤（0791-22-0110）までご連絡ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a law firm on the police's investigation", Mail{Text: "弁護士法人○○法律事務所です。ご依頼の件、警察の捜査により、あなたの口座を不正に利用していた容疑者が特定されました。今後の手続きについて 03-5555-1234 までご連絡ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a card company's report to the police", Mail{Text: "【○○カード】お客様のカードが不正に利用されていたため、警察へ被害届を提出しました。捜査にご協力いただける場合は 0120-111-222 までご連絡ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a fake officer naming the reader's account by name", Mail{Text: "警視庁捜査二課です。山田太郎様名義の預金口座が詐欺事件に使用されています。本日中に連絡がない場合、逮捕状を執行します。担当 03-6820-4321"},
			[]want{{"mail-fake-police", true, 0}}},
		{"a fake officer asking for a reply", Mail{Text: "警視庁捜査二課です。あなた名義の口座が詐欺事件に使用されています。本日中に連絡がない場合、逮捕状を執行します。このメッセージに氏名と生年月日を返信してください。"},
			[]want{{"mail-fake-police", true, 0}}},
		{"a fake officer's ライン", Mail{Text: "大阪の警察の者です。あなた名義の口座が詐欺事件に使用されています。本日中に連絡がない場合、逮捕状を執行します。担当捜査官のラインに連絡してください（ID: keishi-sousa2）"},
			[]want{{"mail-fake-police", true, 0}}},
		{"fake police asking for LINE and a video call", Mail{Text: "大阪府警察本部 捜査二課の田中です。あなたはマネーロンダリング事件の被疑者として捜査対象になっています。事情聴取のため、LINE ID: osaka-sousa を友だち追加し、ビデオ通話に応じてください。"},
			[]want{{"mail-fake-police", true, 0}}},
		{"fake police sending a LINE link", Mail{Text: "福岡県警生活安全課です。あなたの携帯電話が犯罪に使用されています。担当者と連絡を取ってください https://line.me/ti/p/abcdEFG"},
			[]want{{"mail-fake-police", true, 0}}},
		{"a fake prosecutor with a mobile number", Mail{Text: "東京地方検察庁の検事です。お客様名義の口座が資金洗浄に使用されており、逮捕状が出ています。至急 090-1234-5678 までご連絡ください。"},
			[]want{{"mail-fake-police", true, 0}}},
		{"the police's warning about fake police (rev16 c02)", Mail{Text: "【警視庁】警察官を名乗る電話やSMSで「あなたの口座が犯罪に使われている」と言われても、お金を振り込まないでください。不審な電話は #9110 へ。https://www.keishicho.metro.tokyo.lg.jp/"},
			[]want{{"mail-fake-police", false, 0}}},
		{"the police say what they never do, with a number", Mail{Text: "【県警からのお知らせ】警察がLINEやビデオ通話で連絡したり、あなたの口座が犯罪に使われているなどと言って逮捕状を見せたりすることはありません。ご相談は 03-3581-4321 まで。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a police station's ordinary notice with its number", Mail{Text: "中央警察署からのお知らせです。管内で空き巣が相次いでいましたが、先日、窃盗の被疑者を逮捕しました。不審な人物を見かけたら 03-3581-4321 までご連絡ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"news quoting the fake-police lure", Mail{Subject: "【ニュース】警察官かたる詐欺で500万円被害", Text: "警察官を名乗る男から「あなた名義の口座が詐欺事件に使用されている」と電話があり、LINEのビデオ通話で逮捕状を見せられた女性が、約500万円をだまし取られました。警視庁は 03-3581-4321 への相談を呼びかけています。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a bank's notice of misuse, no police", Mail{Text: "【ABC銀行】お客様名義の口座が不正に利用されている可能性があるため、お取引を一時停止しました。0120-123-456 までお電話ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"the police ask readers to check, no contact", Mail{Text: "警視庁からのお知らせ：あなたの口座が犯罪に使われていないか、通帳の記帳でご確認ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"a police station: such a call is fraud, police never ask", Mail{Text: "【中央警察署】あなたの口座が犯罪に使われています、と電話があったら、それは詐欺です。警察が電話でお金や口座番号を求めることはありません。相談は 03-3581-4321 へ。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"the prefectural police on callers posing as officers", Mail{Text: "【県警】警察官を名乗り、あなた名義の口座が詐欺事件に使用されていると告げる電話が相次いでいます。心当たりのない電話はすぐに切り、最寄りの警察署（03-3581-4321）へご相談ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"the police: do not panic when told you are involved", Mail{Text: "警視庁からのお知らせです。身に覚えのない電話で、あなたが事件に関与しているなどと言われても、慌てないでください。お問い合わせは 03-3581-4321 へ。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"fake police: the account used by the gang (rev18 m05)", Mail{Text: "警視庁捜査二課の佐藤と申します。あなた名義の口座が特殊詐欺事件の犯人グループに使用されています。逮捕状が出ていますので、至急こちらのLINE（ID: keishicho-sousa2）へご連絡ください。本件は捜査中のため、家族にも口外しないでください。"},
			[]want{{"mail-fake-police", true, 0}}},
		{"the police on what the gangs do, with a station's number", Mail{Text: "【中央警察署】犯人グループは、あなたの口座情報を聞き出そうとします。不審な電話があれば中央警察署 022-222-4341 へご連絡ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"fake police: a phone number used in fraud, a video call on LINE (rev18 m26)", Mail{Text: "千葉県警察です。あなたの携帯電話番号が詐欺に使われています。2時間後に回線が停止されます。詳細は捜査担当者とビデオ通話で説明しますので、LINEで友だち追加してください https://line.me/ti/p/~chiba-police110"},
			[]want{{"mail-fake-police", true, 0}}},
		{"fake police: a card used without leave, call back (rev18 m30)", Mail{Text: "【警察庁】サイバー犯罪対策課です。あなたのマイナンバーカードが不正に使用された疑いがあります。捜査中のため、至急折り返しお電話ください。03-4567-8901"},
			[]want{{"mail-fake-police", true, 0}}},
		// A lure that opens with a warning line still asks for LINE or a
		// video call, which the police never do (rev17).
		{"fake police behind a warning line, LINE ID", Mail{Text: "※警察官を名乗る不審な電話にご注意ください。\nこちらは警視庁捜査二課です。あなた名義の口座が詐欺事件に使用されています。\nこのままでは逮捕状が執行されます。至急、担当の佐藤までご連絡ください。\nLINE ID: keishi-sato110"},
			[]want{{"mail-fake-police", true, 0}}},
		{"fake police behind a warning line, LINE link", Mail{Text: "警察官を名乗る詐欺にご注意ください。\n警視庁捜査二課の佐藤です。あなた名義の口座がマネーロンダリングに使用されています。\n下記よりLINEで友だち追加してください。 https://line.me/ti/p/abcdEFG"},
			[]want{{"mail-fake-police", true, 0}}},
		{"the police's warning naming LINE as what they never ask", Mail{Text: "【宮城県警】警察官を名乗る不審な電話にご注意ください。あなた名義の口座が犯罪に使われているなどと言って、LINEのビデオ通話に誘導します。警察官がLINE IDを聞くことはありません。少しでも不審に思ったら #9110 へご相談ください。"},
			[]want{{"mail-fake-police", false, 0}}},
		{"the police's example stated flatly, then LINE refused", Mail{Text: "【中央警察署】「警視庁の者です。」「あなた名義の口座が犯罪に利用されています。」そんな電話は詐欺です。LINEで友だち追加を求められても応じないでください。相談は #9110 へ。"},
			[]want{{"mail-fake-police", false, 0}}},

		// rev18 fraud: a tax office's 差押予告 by phone; government lures' threats.
		{"overdue tax, seizure notice, call today (rev18 m27)", Mail{Text: "税務署からのお知らせ：あなたの延滞税が確認されました。差押予告。本日17時までに 050-8899-1122 へご連絡ください。"},
			[]want{{"mail-fake-bill", true, 50}}},
		{"マイナ保険証: full self-pay unless re-registered (rev18 m09)", Mail{Text: "【デジタル庁】マイナ保険証の登録に不備があります。12月2日以降は保険診療が全額自己負担となります。再登録はこちら https://myna-hokensho-touroku.com/"},
			[]want{{"mail-urgency", true, 0}}},

		// A brand spaced out in full-width letters (rev18 fraud m20).
		{"a spaced-out brand with an off-brand link", Mail{Text: "【Ａ ｍ ａ ｚ ｏ ｎ】お客様のアカ\u200cウントが停止されました。24時間以内に確認してください。 https://acct-verify-center.com/jp", URLs: []string{"https://acct-verify-center.com/jp"}},
			[]want{{"mail-link-offbrand", true, 30}}},
		// mail-refund-atm: 還付金詐欺 (rev18 fraud m08).
		{"a refund at an ATM, call this mobile", Mail{Text: "〇〇市役所 保険年金課です。医療費の払い戻し（還付金）29,820円がございます。手続き期限が本日までとなっております。お近くのATMで手続きができますので、080-3344-5566 までお電話ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a pension refund, go to an ATM, a link", Mail{Text: "【年金事務所】未払いの年金の還付があります。お受け取りにはお近くのATMへ行き、下記の手順で操作してください。 https://nenkin-kanpu.example.top/"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a city: refunds never at an ATM", Mail{Text: "【〇〇市】市役所の職員が、還付金の手続きのためにATMへ行くよう求めることはありません。不審な電話は 022-214-8000 へ。"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"the police: told to go to an ATM, it is fraud", Mail{Text: "還付金があるのでATMで手続きをと言われたら、それは詐欺です。すぐに電話を切り、#9110 に相談してください。"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"a city's note: beware of calls sending you to an ATM", Mail{Text: "【〇〇市】還付金の件でATMでの手続きを求める不審な電話にご注意ください。市役所 022-214-8000"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"a bank: the benefit paid in, collect it at an ATM (review 19)", Mail{Text: "【〇〇銀行】給付金のお振込みが完了しました。お近くのATMでお受け取りいただけます。ご不明点は 0120-123-456"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"a refund at the cash corner (review 19)", Mail{Text: "〇〇市役所です。医療費の還付金があります。本日中にお近くのキャッシュコーナーで手続きしてください。080-3344-5566"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"fake police: the account used by a fraud group (review 19)", Mail{Text: "警視庁捜査二課の佐藤です。あなたの口座が詐欺グループに使われています。至急、LINEで担当者に連絡してください。 https://line.me/ti/p/abcdEFG"},
			[]want{{"mail-fake-police", true, 0}}},
		{"a refund at a spaced-out ATM", Mail{Text: "〇〇市役所 保険年金課です。医療費の払い戻し（還付金）29,820円がございます。お近くのＡ　Ｔ　Ｍで手続きができますので、080-3344-5566 までお電話ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a spaced-out refund at an ATM", Mail{Text: "〇〇市役所です。医療費の還 付 金があります。お近くのATMで手続きができますので、080-3344-5566 までお電話ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a refund set apart by middle dots", Mail{Text: "〇〇市役所です。医療費の還・付・金があります。お近くのATMで手続きができますので、080-3344-5566 までお電話ください。"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a refund at an A.T.M", Mail{Text: "【年金事務所】未払いの年金の還付があります。お近くのA.T.M.へ行き、下記の番号にお電話のうえ操作してください。080-3344-5566"},
			[]want{{"mail-refund-atm", true, 50}}},
		{"a city: never at a spaced-out ATM", Mail{Text: "【〇〇市】市役所の職員が、還付金の手続きのためにＡ Ｔ Ｍへ行くよう求めることはありません。不審な電話は 022-214-8000 へ。"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"a bank's ATM maintenance notice", Mail{Text: "【七十七銀行】12月1日0時から6時まで、ATMでのお預け入れ・お払い戻しを休止します。お問い合わせは 0120-104-577 まで。"},
			[]want{{"mail-refund-atm", false, 0}}},
		{"a city's benefit paid into the account, check at an ATM", Mail{Text: "【仙台市】給付金を本日、ご指定の口座へお振込みしました。ATMで記帳のうえご確認ください。お問い合わせ 022-214-8000"},
			[]want{{"mail-refund-atm", false, 0}}},

		// mail-refund-link: refund and benefit lures posing as a public
		// office, with a link off the government's domains.
		{"the tax agency's refund, a look-alike link", Mail{Text: "【国税庁】還付金の受け取り手続きが完了していません。https://nta-refund-jp.com/claim", URLs: []string{"https://nta-refund-jp.com/claim"}},
			[]want{{"mail-refund-link", true, 0}, {"mail-link-offbrand", true, 50}}},
		{"a city office's medical refund, proceed online", Mail{Text: "〇〇市役所 保険年金課です。医療費の還付金があります。以下より手続きしてください https://kanpu-city.example.top/", URLs: []string{"https://kanpu-city.example.top/"}},
			[]want{{"mail-refund-link", true, 0}, {"mail-refund-atm", false, 0}}},
		{"a tax office as the sender", Mail{From: "〇〇税務署 <info@kanpu-tax.example.com>", FromDomain: "kanpu-tax.example.com", Subject: "還付金のお知らせ", Text: "還付金の受け取りには以下のURLから手続きしてください。\nhttps://kanpu-tax.example.com/r", URLs: []string{"https://kanpu-tax.example.com/r"}},
			[]want{{"mail-refund-link", true, 0}}},
		{"a benefit in the subject's tag", Mail{Subject: "【デジタル庁】給付金の受取口座のご登録", Text: "給付金の受取口座が未登録です。下記よりご登録ください。\nhttps://kouza-touroku.example.net/", URLs: []string{"https://kouza-touroku.example.net/"}},
			[]want{{"mail-refund-link", true, 0}}},
		{"city hall in English", Mail{Text: "City Hall: You have a tax refund of 12,000 yen. Claim it at https://cityhall-refund.example.top/", URLs: []string{"https://cityhall-refund.example.top/"}},
			[]want{{"mail-refund-link", true, 0}}},
		{"a city's tag, a benefit due today, a link off its site", Mail{Text: "【横浜市】物価高騰対策給付金の申請期限は本日までです。お早めに手続きしてください https://yokohama-kyufu.example.top/", URLs: []string{"https://yokohama-kyufu.example.top/"}},
			[]want{{"mail-refund-link", true, 0}}},
		{"a designated city's benefit on its own site", Mail{Text: "【仙台市】定額減税補足給付金の申請受付を開始しました。詳しくは https://www.city.sendai.jp/kyufu/index.html", URLs: []string{"https://www.city.sendai.jp/kyufu/index.html"}},
			[]want{{"mail-refund-link", false, 0}}},
		{"a city written in kana, a benefit on a look-alike", Mail{Text: "【さいたま市】物価高騰対策給付金の申請期限は本日までです。こちらから手続きしてください https://saitama-kyufu.example.top/", URLs: []string{"https://saitama-kyufu.example.top/"}},
			[]want{{"mail-refund-link", true, 0}}},
		{"'your town' is no city's name", Mail{Text: "【あなたの町】給付金の情報をまとめました https://kyufu-matome.example.com/", URLs: []string{"https://kyufu-matome.example.com/"}},
			[]want{{"mail-refund-link", false, 0}}},
		{"a town's benefit on lg.jp", Mail{Text: "〇〇町役場です。物価高騰対策給付金のご案内です。 https://www.town.example.lg.jp/kyufu/", URLs: []string{"https://www.town.example.lg.jp/kyufu/"}},
			[]want{{"mail-refund-link", false, 0}}},
		{"a city's benefit form on LoGoフォーム", Mail{Text: "【〇〇市役所】給付金のオンライン申請はこちらから https://logoform.jp/form/abcD/123456", URLs: []string{"https://logoform.jp/form/abcD/123456"}},
			[]want{{"mail-refund-link", false, 0}}},
		{"the pension service on its own site", Mail{Text: "【日本年金機構】年金の払い戻しに関するお知らせをねんきんネットに掲載しました。 https://www.nenkin.go.jp/n_net/", URLs: []string{"https://www.nenkin.go.jp/n_net/"}},
			[]want{{"mail-refund-link", false, 0}}},
		{"a city's warning about refund lures", Mail{Text: "【〇〇市役所】還付金詐欺にご注意ください。市役所がメールのリンクから還付金の手続きを求めることはありません。 https://bouhan-news.example.jp/", URLs: []string{"https://bouhan-news.example.jp/"}},
			[]want{{"mail-refund-link", false, 0}}},
		{"a tax accountant's advertisement naming the tax office", Mail{From: "〇〇税理士事務所 <info@zeirishi.example.jp>", Text: "確定申告の季節です。医療費控除で還付金が受け取れるかもしれません。税務署への申告は当事務所におまかせください。 https://zeirishi.example.jp/", URLs: []string{"https://zeirishi.example.jp/"}},
			[]want{{"mail-refund-link", false, 0}}},
		{"a bank: the benefit paid in, see its site", Mail{Text: "【〇〇銀行】給付金のお振込みが完了しました。詳しくは https://www.bank.example.co.jp/", URLs: []string{"https://www.bank.example.co.jp/"}},
			[]want{{"mail-refund-link", false, 0}}},
		// p45: a health insurer's refund on a look-alike; a society's own
		// notice on its or.jp site.
		{"the insurers' association's refund, a look-alike link", Mail{Text: "協会けんぽからのお知らせ：健康保険料の還付対象となっております。受取口座を下記よりご登録ください。\nhttps://kyoukai-kenpo.refund-shinsei.com/entry", URLs: []string{"https://kyoukai-kenpo.refund-shinsei.com/entry"}},
			[]want{{"mail-refund-link", true, 0}}},
		{"a health insurance society's payment notice on its or.jp site", Mail{Text: "みやぎ電機健康保険組合です。高額療養費の支給額が確定しました。お手続きは不要です。\nhttps://www.miyagi-denki-kenpo.or.jp/", URLs: []string{"https://www.miyagi-denki-kenpo.or.jp/"}},
			[]want{{"mail-refund-link", false, 0}}},

		// mail-attachment-executable
		// rev24 QA: a disguised executable is strong alone (60).
		{"executable posing as a PDF", Mail{Attachments: []string{"invoice.pdf.exe"}}, []want{{"mail-attachment-executable", true, 60}}},
		{"executable turned round by U+202E", Mail{Attachments: []string{"invoice\u202efdp.exe"}}, []want{{"mail-attachment-executable", true, 60}}},
		{"a plain executable", Mail{Attachments: []string{"setup.exe"}}, []want{{"mail-attachment-executable", true, 0}}},
		{"HTML attachment", Mail{Attachments: []string{"請求書.HTML"}}, []want{{"mail-attachment-executable", true, 20}}},
		{"ordinary documents", Mail{Attachments: []string{"見積書.pdf", "photo.jpg", "list.xlsx"}}, []want{{"mail-attachment-executable", false, 0}}},
	}
	rules := map[string]MessageRule{}
	for _, r := range MessageRules() {
		rules[r.ID] = r
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := c.m
			got := mlFired(&m)
			for _, w := range c.want {
				s, ok := got[w.id]
				if ok != w.fire {
					t.Errorf("%s fired = %v, want %v (evidence %q)", w.id, ok, w.fire, s.Evidence)
					continue
				}
				p := w.points
				if p == 0 {
					p = rules[w.id].Points
				}
				if ok && s.Points != p {
					t.Errorf("%s points = %d, want %d", w.id, s.Points, p)
				}
			}
		})
	}
}

func TestEvaluateMailResolution(t *testing.T) {
	m := &Mail{
		From: "三井住友カード <info@smbc-card-security.cn>", FromDomain: "smbc-card-security.cn",
		Text:        "カード番号とセキュリティコードをご入力ください。https://smbc.example.cn/",
		Attachments: []string{"a.html", "b.exe"},
	}
	signs := EvaluateMail(m, MessageRules(), "en")
	if len(signs) < 3 {
		t.Fatalf("signs = %+v", signs)
	}
	for i := 1; i < len(signs); i++ {
		if signs[i].Points > signs[i-1].Points {
			t.Errorf("not strongest first: %+v", signs)
		}
	}
	for _, s := range signs {
		if s.ID == "mail-attachment-executable" && (s.Points != 40 || s.Evidence != "b.exe") {
			t.Errorf("strongest finding not taken: %+v", s)
		}
		if s.ID == "mail-sender-mismatch" && !strings.Contains(s.Message, "smbc-card-security.cn") {
			t.Errorf("English message: %q", s.Message)
		}
		if strings.ContainsAny(s.Message, "ぁあいう") {
			t.Errorf("message not in English: %q", s.Message)
		}
	}
	// Weights from the data apply, grading kept.
	d, err := LoadData(strings.NewReader(`{"weights": {"mail-sender-mismatch": 10, "mail-attachment-executable": 20}}`))
	if err != nil {
		t.Fatal(err)
	}
	m.Data = d
	for _, s := range EvaluateMail(m, MessageRules(), "ja") {
		switch s.ID {
		case "mail-sender-mismatch":
			if s.Points != 10 {
				t.Errorf("weighted points = %d, want 10", s.Points)
			}
		case "mail-attachment-executable":
			if s.Points != 20 {
				t.Errorf("weighted points = %d, want 20", s.Points)
			}
		}
	}
}

func TestEvaluateMailSurvivesPanic(t *testing.T) {
	rs := []MessageRule{
		{ID: "boom", Points: 10, Check: func(*Mail) []Finding { panic("hostile") }},
		{ID: "ok", Points: 5, Check: func(*Mail) []Finding { return []Finding{{Evidence: "e"}} }},
	}
	signs := EvaluateMail(&Mail{}, rs, "ja")
	if len(signs) != 1 || signs[0].ID != "ok" {
		t.Errorf("signs = %+v", signs)
	}
}

func TestMessageRulesAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range MessageRules() {
		if seen[r.ID] {
			t.Errorf("duplicate id %s", r.ID)
		}
		seen[r.ID] = true
		if !strings.HasPrefix(r.ID, "mail-") || r.Check == nil || r.Topic == "" || r.Points <= 0 ||
			r.Summary.JA == "" || r.Summary.EN == "" || r.Message.JA == "" || r.Message.EN == "" {
			t.Errorf("%s: incomplete rule", r.ID)
		}
	}
	for _, r := range All() {
		if seen[r.ID] {
			t.Errorf("message rule id %s also names a site rule", r.ID)
		}
	}
}

func BenchmarkMessageRules(b *testing.B) {
	m := &Mail{
		From: "三井住友カード <info@smbc-card-security.cn>", FromDomain: "smbc-card-security.cn", Subject: "【三井住友カード】ご利用確認のお願い",
		Text: strings.Repeat("いつも三井住友カードをご利用いただきありがとうございます。第三者による不正利用の可能性があるため、ご利用を一時停止いたしました。24時間以内にカード番号をご入力ください。\n", 20),
		URLs: []string{"https://smbc-card.vpass-login.cn/login"},
	}
	rs := MessageRules()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		EvaluateMail(m, rs, "ja")
	}
}

// BenchmarkMessageRulesHuge screens a 5 MB text (a hostile paste): only
// its first mailMaxText bytes are read.
func BenchmarkMessageRulesHuge(b *testing.B) {
	m := &Mail{
		Text: strings.Repeat("いつも三井住友カードをご利用いただきありがとうございます。第三者による不正利用の可能性があるため、ご利用を一時停止いたしました。\n", 5<<20/190),
		URLs: []string{"https://smbc-card.vpass-login.cn/login"},
	}
	rs := MessageRules()
	for b.Loop() {
		EvaluateMail(m, rs, "ja")
	}
}

// TestEvaluateMailSharedView checks that the checks of one EvaluateMail,
// which share one view of the message, fire exactly as each does with a
// view of its own, on the saved mails and on texts made to fire each sign.
func TestEvaluateMailSharedView(t *testing.T) {
	var mails []*Mail
	files, _ := filepath.Glob("../testdata/mail/*")
	for _, f := range files {
		if !strings.HasSuffix(f, ".eml") && !strings.HasSuffix(f, ".txt") {
			continue
		}
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		mails = append(mails, &Mail{Text: string(raw), URLs: mlURL.FindAllString(string(raw), -1)})
	}
	if len(mails) < 5 {
		t.Fatalf("only %d mails", len(mails))
	}
	mails = append(mails,
		&Mail{From: "三井住友カード <info@smbc-card-security.cn>", FromDomain: "smbc-card-security.cn", Subject: "【三井住友カード】ご利用確認のお願い",
			Text: "いつも三井住友カードをご利用いただきありがとうございます。第三者による不正利用の可能性があるため、ご利用を一時停止いたしました。24時間以内にカード番号をご入力ください。",
			URLs: []string{"https://smbc-card.vpass-login.cn/login"}},
		&Mail{Text: "お荷物のお届けにあがりましたが不在の為持ち帰りました。配送物は下記よりご確認ください http://sagawa-xy.example.top/"},
		&Mail{Text: "【未納料金のお知らせ】有料動画サイトの利用料金が未払いです。本日中にご連絡がない場合、法的措置に移行します。", Attachments: []string{"invoice.exe"}},
		&Mail{Text: "当行がメールで暗証番号の入力をお願いすることはありません。ご注意ください。"},
	)
	// And every message of TestMessageRules.
	mails = append(mails,
		&Mail{Text: "本人確認のため、カード番号・有効期限・セキュリティコードをご入力ください。\nhttps://x.example.cn/"},
		&Mail{Text: "このメールに暗証番号を記載して返信してください。"},
		&Mail{Text: "アカウントが一時停止されました。ログイン情報を更新してください。https://x.example.top/"},
		&Mail{Text: "Please enter your card number and security code to verify your account: https://x.example.top/"},
		&Mail{Text: "当行がメールで暗証番号の入力をお願いすることはありません。ご注意ください。"},
		&Mail{Text: "ご利用カード：カード番号下4桁 1234 をご確認ください。"},
		&Mail{Text: "パスワード再設定のご案内です。以下のURLからパスワードを再設定してください。https://shop.example.jp/reset?t=1"},
		&Mail{Text: "アカウントがロックされました。24時間以内にご確認ください。"},
		&Mail{Text: "不正アクセスを検知しました。こちらからご確認ください https://x.example.top/"},
		&Mail{Text: "不正アクセスを検知しました。こちらからご確認ください https://secure-check.example.com/"},
		&Mail{Text: "【重要なお知らせ】お客様の口座が不正利用された可能性があるため、お取引を制限しております。ご確認はこちら https://bit.ly/4kQx2Zp"},
		&Mail{Text: "不正アクセスを検知しました。こちらからご確認ください https://amzn.to/3abcd"},
		&Mail{Text: "不正利用にご注意ください。カードの裏面の番号を人に教えないようにしましょう。"},
		&Mail{From: "三井住友カード <info@smbc-card.com>", FromDomain: "smbc-card.com",
			Text: "不正利用の可能性がある取引がありました。24時間以内にVpassでご確認ください。https://www.smbc-card.com/mem/"},
		&Mail{Text: "【佐川急便】お荷物をお届けにあがりましたが不在の為持ち帰りました。https://sagawa-exp.delivery-check.cn/?id=1"},
		&Mail{Text: "お客様宛にお荷物のお届けにあがりましたが不在の為持ち帰りました。配送物は下記よりご確認ください。http://sagawa-ab12.duckdns.org"},
		&Mail{Text: "ヤマト運輸よりお届け予定のお荷物につきまして、宛先不明のためお届けできませんでした。https://kuronekoyamato.co.jp-redeliver.cn/track"},
		&Mail{From: "例示ショップ <info@shop.example.jp>", FromDomain: "shop.example.jp",
			Text: "本日発送いたしました。ご不在の場合は不在票が投函されますので、再配達をご依頼ください。https://shop.example.jp/mypage"},
		&Mail{From: "例示ショップ <info@shop.example.jp>", FromDomain: "shop.example.jp",
			Text: "ご注文のお荷物を発送しました。配送状況はこちら https://toi.kuronekoyamato.co.jp/cgi-bin/tneko"},
		&Mail{Text: "ご不在のためお荷物を持ち帰りました。再配達は https://www.kuronekoyamato.co.jp/ から"},
		&Mail{Text: "ご不在でしたので、お電話ください。"},
		&Mail{Text: "有料サイトの利用料金が未払いです。本日中にご連絡がない場合、法的措置に移行します。"},
		&Mail{Text: "未納料金があります。このままでは訴訟となります。"},
		&Mail{Text: "5月分のご利用料金のお支払いが確認できません。お手数ですがお振込みをお願いします。"},
		&Mail{Text: "ご利用料金のお支払いが確認できておりません。6月30日までにお支払いがない場合、ご利用を停止させていただきます。"},
		&Mail{Text: "【au】ご利用料金のお支払いが確認できておりません。未払いが続く場合、本日中にご利用を停止いたします。"},
		&Mail{Text: "【Amazon】ご利用料金のお支払い確認が取れておりません。本日中にご連絡がない場合、法的措置に移行いたします。Amazonサポートセンター 050-0000-0000"},
		&Mail{Text: "■「【国税庁】未払い税金のお知らせ」\n「本日中にお支払いいただけない場合、財産の差押えを行います」と脅し、電子マネーで支払わせる手口も。\n「ETCサービスは無効になりました」などの件名で偽サイトへ誘導し、カード番号やセキュリティコードを入力させる手口。\n■不在通知SMS、佐川急便を装うものが再び増加 https://news.example.com/a"},
		&Mail{From: "Amazon.co.jp <account-update@amazon.co.jp>", FromDomain: "amazon.co.jp",
			Text: "ログインを完了するには、次のワンタイムパスワードを入力してください。\n\n482913\n\nこのコードは他の人と共有しないでください。"},
		&Mail{Text: "SMSで届いたワンタイムパスワードを入力してください。https://x.example.cn/otp"},
		&Mail{Text: "「有料動画の料金が未払い、法的措置をとる、本日中に連絡を」というメールが届いても、支払う必要はありません。連絡しないでください。消費生活センターに相談を。"},
		&Mail{From: "三井住友カード <info@smbc-card-security.cn>", FromDomain: "smbc-card-security.cn", Text: "お知らせです。"},
		&Mail{From: "info@mail.example.cn", FromDomain: "mail.example.cn", Subject: "【Amazon】お支払い方法の確認", Text: "x"},
		&Mail{From: "info@card.example.top", FromDomain: "card.example.top", Text: "いつも楽天カードをご利用いただきありがとうございます。"},
		&Mail{From: "Amazon.co.jp <shipment-tracking@amazon.co.jp>", FromDomain: "amazon.co.jp", Subject: "Amazon.co.jp ご注文の発送", Text: "Amazon.co.jpをご利用いただき、ありがとうございます。https://www.amazon.co.jp/gp/css https://twitter.com/AmazonJP"},
		&Mail{From: "例示ショップ <news@shop.example.jp>", FromDomain: "shop.example.jp", Subject: "夏のセール開催中", Text: "PayPayが使えます。\n楽天ペイ、Amazon Payもご利用いただけます。\nhttps://shop.example.jp/sale"},
		&Mail{From: "Apple Case Shop <news@applecase.example.jp>", FromDomain: "applecase.example.jp", Text: "新作ケースが入荷しました。"},
		&Mail{From: "Amazon カスタマーサービス <cs@amazon-help.example.top>", FromDomain: "amazon-help.example.top", Text: "お知らせです。"},
		&Mail{Text: "第三者による不正利用の被害が増えています。心当たりのない取引があったため、ご利用を一時停止しました。24時間以内にご確認ください。ご注意ください。https://x.example.top/"},
		&Mail{From: "Аmazon.co.jp <info@amazon-help.example.top>", FromDomain: "amazon-help.example.top", Text: "お知らせです。"},
		&Mail{From: "楽天市場店 例示ケース <shop@example-case.jp>", FromDomain: "example-case.jp", Text: "ご注文ありがとうございます。"},
		&Mail{Text: "【三井住友カード】ご利用確認 https://smbc.example.cn/"},
		&Mail{Text: "【NTTドコモ】ご利用料金のお支払い確認が取れておりません。ご確認が必要です。\nhttps://qwzx-link.com/a1"},
		&Mail{Text: "【佐川急便】お荷物の配達予定日時のご確認をお願いします。https://sgw-delivery.ltd-jp.cn/c?d=73"},
		&Mail{Text: "【楽天カード】春のキャンペーンのご案内です。詳しくはこちら https://rakuten-campaign.example.com/spring"},
		&Mail{Text: "お客様のアカウントはセキュリティ上の理由によりロックされています。\nhttps://qwzx-link.com/a1\n\nApple サポート"},
		&Mail{Text: "新作が入荷しました。https://shop.example.jp/new\n\nApple Case Shop 例示"},
		&Mail{Text: "【Microsoft】お使いのPCでウイルスが検出されました。至急サポートセンター 050-5840-3312 へご連絡ください。"},
		&Mail{Text: "【警視庁】「お使いのPCはウイルスに感染しています」と表示されても、表示された番号（050-1234-5678）に電話しないでください。"},
		&Mail{Text: "警視庁捜査二課です。あなた名義の口座が詐欺事件に使用されています。本日中に連絡がない場合、逮捕状を執行します。担当 03-6820-4321"},
		&Mail{Text: "福岡県警生活安全課です。あなたの携帯電話が犯罪に使用されています。担当者と連絡を取ってください https://line.me/ti/p/abcdEFG"},
		&Mail{Text: "【警視庁】警察官を名乗る電話やSMSで「あなたの口座が犯罪に使われている」と言われても、お金を振り込まないでください。不審な電話は #9110 へ。https://www.keishicho.metro.tokyo.lg.jp/"},
		&Mail{Attachments: []string{"invoice.pdf.exe"}},
		&Mail{Attachments: []string{"請求書.HTML"}},
		&Mail{Attachments: []string{"見積書.pdf", "photo.jpg", "list.xlsx"}},
	)
	rs := MessageRules()
	fired := 0
	for i, m := range mails {
		if m.URLs == nil {
			m.URLs = mlURL.FindAllString(m.Text, -1)
		}
		all := EvaluateMail(m, rs, "ja")
		var one []Sign
		for _, r := range rs {
			one = append(one, EvaluateMail(m, []MessageRule{r}, "ja")...)
		}
		sortSigns(one)
		fired += len(all)
		if !reflect.DeepEqual(all, one) {
			t.Errorf("mail %d: with one view %+v, each with its own %+v", i, all, one)
		}
		if m.view != nil {
			t.Errorf("mail %d: EvaluateMail changed the caller's Mail", i)
		}
	}
	if fired < 8 {
		t.Errorf("only %d signs fired: the comparison tests too little", fired)
	}
}

// TestDisguisedLinkEvidenceInEnglish: the disguised-link sign's own words
// around the two addresses are in the reader's language.
func TestDisguisedLinkEvidenceInEnglish(t *testing.T) {
	m := &Mail{Text: "e-Taxでご確認ください", Disguised: []DisguisedLink{{Shown: "https://www.e-tax.nta.go.jp/", Href: "https://nta.go.jp.e-tax-payment.org/login"}}}
	for lang, want := range map[string]string{"ja": "表示: https://www.e-tax.nta.go.jp/ → 実際のリンク先:", "en": "shown: https://www.e-tax.nta.go.jp/ → leads to:"} {
		signs := EvaluateMail(m, MessageRules(), lang)
		found := false
		for _, s := range signs {
			found = found || s.ID == "mail-link-disguised" && strings.HasPrefix(s.Evidence, want)
		}
		if !found {
			t.Errorf("%s: %+v, want evidence starting %q", lang, signs, want)
		}
	}
}

// TestLinkOffbrandQuotesLureOnce: an SMS's one line names the brand and
// holds the lure; the evidence quotes it once, not the line and then the
// lure again.
func TestLinkOffbrandQuotesLureOnce(t *testing.T) {
	m := &Mail{Text: "【PayPay】お客様のアカウントで不審な決済が確認されました。安全のため、以下より認証を完了してください。https://paypay-anzen.icu/", URLs: []string{"https://paypay-anzen.icu/"}}
	for _, s := range EvaluateMail(m, MessageRules(), "ja") {
		if s.ID == "mail-link-offbrand" {
			if n := strings.Count(s.Evidence, "不審な決済"); n != 1 {
				t.Errorf("evidence %q quotes the lure %d times, want once", s.Evidence, n)
			}
			return
		}
	}
	t.Error("mail-link-offbrand did not fire")
}

// TestRiskyLinkReasonInEnglish: why a link is risky is said in the
// reader's language (QA rev24: 「(URL shortener bit.ly)」 in Japanese text).
func TestRiskyLinkReasonInEnglish(t *testing.T) {
	for lang, want := range map[string]string{"ja": "(短縮URL bit.ly)", "en": "(URL shortener bit.ly)"} {
		m := &Mail{Text: "お客様宛にお荷物のお届けにあがりましたが、宛先不明のため持ち帰りました。https://bit.ly/3xYzAbC", URLs: []string{"https://bit.ly/3xYzAbC"}}
		signs := EvaluateMail(m, MessageRules(), lang)
		if len(signs) == 0 || !strings.Contains(signs[0].Evidence, want) {
			t.Errorf("%s: %+v, want evidence with %q", lang, signs, want)
		}
	}
}

// TestAdviceFind: `shopcheck advice` takes a topic by its id in any case,
// by a Japanese name people type, or by its printed heading.
func TestAdviceFind(t *testing.T) {
	a := DefaultAdvice()
	for name, want := range map[string]string{
		"shopping": "shopping", "Shopping": "shopping", "架空請求": "billing", "ワンクリック詐欺": "billing",
		"特殊詐欺": "scam", "フィッシング": "phishing", "迷惑メール": "spam", "不正アクセス": "account",
		"架空請求・ワンクリック詐欺": "billing", "Online shopping trouble": "shopping", "shoping": "", "": "",
	} {
		if got := a.Find(name); got != want {
			t.Errorf("Find(%q) = %q, want %q", name, got, want)
		}
	}
	for _, id := range Topics() {
		if !a.Has(id) || len(a.Lines(id, "ja")) == 0 || len(a.Lines(id, "en")) != len(a.Lines(id, "ja")) {
			t.Errorf("topic %s: missing, or its lines differ between ja and en", id)
		}
	}
}

// TestAdviceLinesFor: a line tied to signs is shown only beside one of
// them, first (p45: a sextortion mail and a payee-change mail were told
// about support scams and side jobs; p44: a ClickFix page got the bank's
// advice only); every sign advice.json names is a sign.
func TestAdviceLinesFor(t *testing.T) {
	a := DefaultAdvice()
	known := map[string]bool{}
	for _, r := range All() {
		known[r.ID] = true
	}
	for _, r := range MessageRules() {
		known[r.ID] = true
	}
	for _, topic := range a.topics {
		for _, l := range topic.Lines {
			for _, id := range l.Signs {
				if !known[id] {
					t.Errorf("advice.json names %q, which is no sign", id)
				}
			}
		}
	}
	has := func(lines []string, word string) bool {
		return slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, word) })
	}
	for _, c := range []struct {
		topic string
		ids   []string
		first string   // the first line holds this
		with  []string // words some line holds
		not   []string // words no line holds
	}{
		{"scam", []string{"mail-extortion"}, "暗号資産", []string{"#9110"}, []string{"サポート詐欺", "副業", "組戻し"}},
		{"scam", []string{"mail-account-change"}, "組戻し", nil, []string{"サポート詐欺", "暗号資産"}},
		{"scam", []string{"mail-fake-police"}, "警察・検察", nil, []string{"サポート詐欺", "副業"}},
		{"scam", []string{"support-scam"}, "サポート詐欺", nil, []string{"副業"}},
		{"scam", nil, "「逮捕」", []string{"#9110"}, []string{"サポート詐欺", "暗号資産", "警察・検察"}},
		{"phishing", []string{"clickfix"}, "ロボットではありません", []string{"フィッシング110番"}, []string{"公式ストア"}},
		{"phishing", []string{"download-app", "domain-lookalike"}, "公式ストア", nil, []string{"ロボットではありません"}},
		{"phishing", []string{"phishing-credential-form"}, "銀行・保険会社", nil, []string{"公式ストア", "ロボットではありません"}},
	} {
		lines := a.LinesFor(c.topic, "ja", c.ids)
		if len(lines) == 0 || !strings.Contains(lines[0], c.first) {
			t.Errorf("%s %v: first line %q, want one with %q", c.topic, c.ids, lines, c.first)
			continue
		}
		for _, w := range c.with {
			if !has(lines, w) {
				t.Errorf("%s %v: no line with %q", c.topic, c.ids, w)
			}
		}
		for _, w := range c.not {
			if has(lines, w) {
				t.Errorf("%s %v: a line with %q, which is for other cases", c.topic, c.ids, w)
			}
		}
		if en := a.LinesFor(c.topic, "en", c.ids); len(en) != len(lines) {
			t.Errorf("%s %v: %d lines in English, %d in Japanese", c.topic, c.ids, len(en), len(lines))
		}
	}
}

// TestStationsInEnglish: a reader of English gets the Miyagi police
// stations' names in romaji beside the same numbers (QA rev24: kanji only).
func TestStationsInEnglish(t *testing.T) {
	a := DefaultAdvice()
	if len(a.Stations) != 24 {
		t.Fatalf("%d stations, want the 24 of ADVICE-FACTS", len(a.Stations))
	}
	for _, s := range a.Stations {
		if s.NameEN == "" || s.In("en") == s.Name || s.In("ja") != s.Name {
			t.Errorf("station %s (%s): no romaji name", s.Name, s.Phone)
		}
	}
	if a.Stations[0].In("en") != "Sendai-Chuo" || a.Stations[0].Phone != "022-222-7171" {
		t.Errorf("first station %+v", a.Stations[0])
	}
}

// TestMessageClues: a message's own accounts and numbers are its campaign
// clues, written any way (rev25 QA D9: sixteen payee-change mails naming one
// mule account were not grouped); a warning's quoted numbers and a
// courier's centre are none.
func TestMessageClues(t *testing.T) {
	cluesOf := func(m Mail, phones bool) map[string]bool {
		out := map[string]bool{}
		for _, c := range MessageClues(&m, phones) {
			out[c.Kind+" "+c.Value] = true
		}
		return out
	}
	clues := func(m Mail) map[string]bool { return cluesOf(m, true) }
	for _, text := range []string{
		"振込先が変わりました。三井住友銀行 渋谷支店 普通 1234567 タナカ タロウ",
		"口座変更のお知らせ 銀行名：三井住友銀行／支店名：渋谷支店／種別：普通／口座番号：１２３４５６７／名義：ﾀﾅｶ ﾀﾛｳ",
	} {
		got := clues(Mail{Text: text})
		if !got["account 三井住友|1234567"] || !got["account 1234567|タナカタロウ"] {
			t.Errorf("%q: clues %v", text, got)
		}
	}
	got := clues(Mail{Text: "未納料金があります。本日中に 050-3184-7762 までご連絡ください。なお配送はヤマト運輸（0120-01-9625）です。"})
	if !got["phone 05031847762"] || got["phone 0120019625"] {
		t.Errorf("a fake bill's number: clues %v, want 05031847762 and not the courier's", got)
	}
	if got := clues(Mail{Text: "【警視庁】架空請求にご注意ください。「未納料金があります。050-3184-7762 まで」という手口が増えています。"}); len(got) != 0 {
		t.Errorf("a warning gave clues %v", got)
	}
	// A payee-change mail's numbers are the victim's or the company's it
	// poses as: without phones, its account alone.
	got = cluesOf(Mail{Text: "振込先が変わりました。三井住友銀行 渋谷支店 普通 1234567 タナカ タロウ\n株式会社サンプル 経理部 TEL 03-6100-1002"}, false)
	if !got["account 三井住友|1234567"] || got["phone 0361001002"] {
		t.Errorf("a payee change without phones: clues %v", got)
	}
}
