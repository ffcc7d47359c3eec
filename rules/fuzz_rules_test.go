package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// Evaluate and EvaluateMail run each sign's check behind a recover
// (safeCheck): a check that panics on some hostile page or message loses
// its sign there and nothing else. These fuzz targets call the checks
// directly, so that such a panic is seen: every page and message a
// criminal can write must be read to the end.

// fuzzSeedPages are pages of testdata/sites and a few awkward ones.
func fuzzSeedPages() []string {
	seeds := []string{
		"",
		"<html><body><p>お支払い方法：銀行振込のみ</p><p>振込先: 三井住友銀行 新宿支店 普通 1234567 ヤマダタロウ</p></body></html>",
		"<table><tr><th>販売業者</th><td>株式会社サンプル</td></tr><tr><th>電話番号</th><td>090-1234-5678</td></tr></table>",
		"<form action=/x><input name=pin type=password><input name=card></form><script>location.href='/y'</script>",
		"<style>.a{display:none}@media(min-width:1px){.b{opacity:calc(1 - 1)}}</style><p class=a>注意</p><div style='position:absolute;left:-9999px'>詐欺</div>",
		// A fake police page, a prize lure's card form (fake-police and the
		// prize path of phishing-credential-form).
		"<title>警視庁</title><h2>逮捕状</h2><p>あなた名義の口座が詐欺事件に使用されています。</p><p>LINE ID: keishicho-sousa に連絡してください。</p><a href=https://line.me/ti/p/x>LINE</a>",
		"<p>おめでとうございます！抽選で選ばれました。</p><p>送料500円のみお支払いください。</p><form method=post><label>カード番号<input name=c></label></form>",
		// rev22: 闇バイト recruitment, an unpaid-fee claim, a one-line
		// disclosure pointing above.
		"<h1>高額バイト 日給5万円</h1><p>荷物を受け取るだけ。身分証の写真を送信。</p><a href=https://t.me/x>Telegram</a>",
		"<title>未納のお知らせ</title><p>未納料金 298,000円</p><p>訴訟・強制執行</p><p>接続IPアドレス 60.97.1.2</p>",
		"<p>〒321-4217 栃木県芳賀郡益子町大字益子3571</p><p>販売者：けやき窯／所在地：上記／電話：0285-72-4108</p>",
		// rev23: a disclosure after its title on one line, a breeder's
		// display, a company's account inside brackets.
		"<p>特定商取引法に関する記載：販売事業者名 松の湯（松井 拓也）／事業者の所在地 東京都墨田区京島3-48-11／電話番号 請求があり次第提供致します</p>",
		"<h2>動物取扱業の表示</h2><table><tr><th>氏名又は名称</th><td>こもれび犬舎</td></tr></table>",
		"<p>銀行振込（三菱UFJ銀行 銀座通支店 普通 0372914 カ）エテルナギンザ）。通販は…</p>",
		"<title>再配達のお申し込み</title><p>再配達手数料 330円</p><form><label>カード番号<input name=c></label><label>セキュリティコード<input name=v></label></form>",
		"<p>初回500円</p><p>4回のお受け取りが条件。2回目以降は7,980円</p><p>クレジットカード（システム調整中）</p>",
		// rev24: a line of bars alone in a disclosure.
		"<p>特定商取引法に基づく表記</p><p>販売業者：麦</p><p>｜</p><p>所在地：札幌市</p>",
	}
	for _, dir := range []string{"fake-utf8", "honest-company", "sole-proprietor"} {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "sites", dir, "*.html"))
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil && len(b) < 64<<10 {
				seeds = append(seeds, string(b))
			}
		}
	}
	return seeds
}

func FuzzShopAndPhishingChecks(f *testing.F) {
	seeds := fuzzSeedPages()
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)])
	}
	rs := All()
	f.Fuzz(func(t *testing.T, first, second string) {
		s := phSite(
			NewPage("https://shop.example.jp/item/1", 200, "text/html; charset=utf-8", first, false),
			NewPage("https://shop.example.jp/law.html", 200, "text/html; charset=utf-8", second, false),
		)
		for _, r := range rs {
			r.Check(s) // outside safeCheck: a panic fails the target
		}
		// What the checker reads of a site beside the signs.
		DisclosureImage(s)
		ShopClues(s)
	})
}

func FuzzMessageChecks(f *testing.F) {
	for _, s := range []struct{ from, subject, text string }{
		{"", "", "【佐川急便】お荷物をお届けにあがりましたが不在の為持ち帰りました。https://sagawa-exp.delivery-check.cn/?id=1"},
		{"Amazon.co.jp <prime@amzn-member-service.com>", "【重要】お支払いに問題があります", "お支払い情報を更新いただけない場合、会員特典はご利用いただけなくなります。https://amzn-member-service.com/prime/update"},
		{"", "", "【国税庁】還付金の受け取り手続きが完了していません。https://nta-refund-jp.com/"},
		{"", "", "【宮城県警察】「【三井住友カード】お客様のカードが不正利用された可能性があります」といったSMSにご注意ください。hxxps://smbc-card[.]top/ https://www.police.pref.miyagi.jp/"},
		{"", "", "こちらは警察です。あなたの口座が犯罪に使われています。至急 03-1234-5678 まで連絡してください。"},
		{"", "", "医療費の還・付があります。お近くのＡ　Ｔ　Ｍで手続きしてください。"},
		// rev22: sextortion, 闇バイト, a code asked for, a wrapped denial,
		// a gift card over two sentences.
		{"", "ハッキングしました", "カメラで録画しました。ビットコインを bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh に送金。48時間以内に家族全員に送信します。"},
		{"", "", "高額バイト、荷物を受け取るだけ。身分証の写真を送って。テレグラム @x https://t.me/x"},
		{"", "", "SMSで認証番号が届くから、それをそのまま送ってほしい"},
		{"", "", "ATMの操作をお願いしたり、\nお預かりすることは絶対にありません。"},
		{"", "", "Appleギフトカード買ってきて。\nカード裏の番号を写真で送ってね。ご利用先:APPLE.COM/BILL"},
		// rev23: a fake embassy, gift cards in English, a list closed by
		// its denial.
		{"", "", "【中国驻日本大使馆】您有一份重要文件尚未领取。请致电 03-4578-2096 按1查询，逾期将影响您的居留资格。"},
		{"", "", "Buy 5 Apple gift cards today. Scratch the back and send me pictures of the codes."},
		{"", "", "警察が、\n・ビデオ通話で逮捕状を見せる\nことは絶対にありません。"},
		{"株式会社小林商事 <a@b.jp>", "振込先変更", "新しいお振込先 ゆうちょ銀行 〇一八店 普通 1234567 名義 タカハシ ミオ。電話回線が工事中のため、このメールへのご返信にて"},
		{"", "", "チケット連番2枚、先にお振込みいただいた方にお譲りします。PayPay送金 ID: x"},
		{"", "", "SMS\n送信元: +81 50-1\n藤沢市役所です。還付金の受取期限は本日まで。050-1234-5678"},
		{"", "", "来週、防犯診断のため警察官がご自宅に伺います。キャッシュカードの交換です。"},
	} {
		f.Add(s.from, s.subject, s.text)
	}
	rs := MessageRules()
	// The links, roughly as the message reader hands them over.
	links := regexp.MustCompile(`https?://[^\s"'<>]+`)
	f.Fuzz(func(t *testing.T, from, subject, text string) {
		m := &Mail{From: from, Subject: subject, Text: text, URLs: links.FindAllString(text, 8)}
		for _, r := range rs {
			r.Check(m) // outside the recover of EvaluateMail
		}
	})
}
