package rules

import (
	"strings"
	"testing"
)

const flLogos = `<header><img src="/img/logo.png" alt="ショップロゴ"></header>
<footer><div class="pay"><img src="/img/card/visa.png" alt=""><img src="/img/card/master.png"><img src="/img/card/jcb.png" alt="JCB"></div></footer>`

func TestPaymentMismatch(t *testing.T) {
	cases := []struct {
		name  string
		pages []string
		fire  bool
		want  []string
	}{
		{
			name: "logos on top, guide says bank transfer only",
			pages: []string{
				"", flHTML("激安ブランド通販", `<h1>ブランドバッグ通販</h1><p>人気商品を多数取り揃えております。</p>`+flLogos),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>銀行振込のみとなります。</p><p>ご注文後3日以内にお振込みください。</p><h2>送料について</h2><p>全国一律無料です。</p>`),
			},
			fire: true, want: []string{"トップページ", "VISA", "Master", "JCB", "のロゴ", "支払方法: 銀行振込のみ"},
		},
		{
			name: "written claim on top, 特商法 table offers bank transfer",
			pages: []string{
				"", flHTML("通販", `<div class="banner">各種クレジットカード利用可・送料無料</div><p>新作入荷</p>`),
				"law.html", flHTML("特定商取引法に基づく表記", `<table><tr><th>販売業者</th><td>株式会社サンプル</td></tr><tr><th>支払方法</th><td>銀行振込</td></tr><tr><th>商品代金以外の必要料金</th><td>振込手数料</td></tr></table>`),
			},
			fire: true, want: []string{"各種クレジットカード利用可", "支払方法: 銀行振込"},
		},
		{
			name: "card brands in brackets on top, guide offers bank transfer",
			pages: []string{
				"", flHTML("通販", `<p>クレジットカード（VISA・Mastercard・JCB・AMEX）がご利用いただけます。</p><p>新作入荷</p>`),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>銀行振込のみとなります。</p>`),
			},
			fire: true, want: []string{"VISA・Mastercard・JCB・AMEX", "支払方法: 銀行振込のみ"},
		},
		{
			name: "a list of brands and transfer on top, guide offers bank transfer",
			pages: []string{
				"", flHTML("通販", `<p>VISA / Mastercard / JCB / AMEX / 銀行振込 がご利用いただけます。</p>`),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>銀行振込のみとなります。</p>`),
			},
			fire: true, want: []string{"支払方法: 銀行振込のみ"},
		},
		{
			name: "cards withdrawn inside the list, transfer only",
			pages: []string{
				"", flHTML("古書店", `<p>クレジットカード・代金引換はご利用いただけません、銀行振込のみ対応しております。</p>`),
			},
			fire: false,
		},
		{
			// p43: a one-person shop's FAQ asks whether cards are taken
			// and answers no: a question is no card on show.
			name: "an FAQ's question about cards, transfer only",
			pages: []string{
				"", flHTML("革工房", `<h2>よくある質問</h2><p>Q. クレジットカードは使えますか？</p><p>A. 申し訳ございません。個人で運営しているため、銀行振込のみとなります。</p>`),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>銀行振込のみとなります。</p>`),
			},
			fire: false,
		},
		{
			name: "logos and card payment 'congested', pay by transfer",
			pages: []string{
				"", flHTML("通販", `<p class="notice">ただいまクレジットカード決済が大変混み合っております。お手数ですが、お支払いは銀行振込にてお願いいたします。</p>`+flLogos),
			},
			fire: true, want: []string{"VISA", "混み合っております"},
		},
		{
			name: "logos and card temporarily unavailable",
			pages: []string{
				"", flHTML("通販", `<p class="notice">ただいまクレジットカード決済はご利用いただけません。銀行振込をご利用ください。</p>`+flLogos),
			},
			fire: true, want: []string{"VISA", "ただいまクレジットカード決済はご利用いただけません"},
		},
		{
			name: "card listed but under maintenance in the terms",
			pages: []string{
				"", flHTML("通販", flLogos),
				"guide.html", flHTML("ご利用ガイド", `<dl><dt>お支払い方法</dt><dd>クレジットカード（現在システムメンテナンス中）、銀行振込</dd></dl>`),
			},
			fire: true, want: []string{"メンテナンス"},
		},
		{
			name: "PayPay logo but bank transfer only",
			pages: []string{
				"", flHTML("通販", `<img src="/img/paypay_logo.png" alt="PayPay">`),
				"guide.html", flHTML("ガイド", `<p>お支払い方法：銀行振込（前払い）のみ</p>`),
			},
			fire: true, want: []string{"PayPay", "銀行振込"},
		},
		{
			name: "honest: logos and terms that offer cards",
			pages: []string{
				"", flHTML("雑貨店", flLogos),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>クレジットカード、銀行振込、代金引換がご利用いただけます。</p>`),
			},
		},
		{
			name: "honest: bank transfer only and no card shown",
			pages: []string{
				"", flHTML("手作り雑貨", `<p>ハンドメイドの雑貨を販売しています。</p>`),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>銀行振込のみとなります。</p>`),
			},
		},
		{
			name: "honest: some debit and prepaid cards excluded",
			pages: []string{
				"", flHTML("雑貨店", flLogos),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>・銀行振込</p><p>・クレジットカード</p><p>一部のデビットカード・プリペイドカードはご利用いただけません。</p><p>海外発行のクレジットカードはご利用いただけません。</p>`),
			},
		},
		{
			name: "honest: cancellation rule for card payments",
			pages: []string{
				"", flHTML("雑貨店", flLogos),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>クレジットカード決済の場合、ご注文確定後のキャンセルはできません。</p><p>銀行振込もご利用いただけます。</p>`),
			},
		},
		{
			name: "honest: sub-headings per method after a nav link",
			pages: []string{
				"", flHTML("雑貨店", `<footer><ul><li><a href="/guide.html">お支払い方法</a></li><li><a href="/faq.html">よくある質問</a></li></ul>`+flLogos+`</footer>`),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><h3>銀行振込</h3><p>ご注文後7日以内にお振込みください。振込手数料はお客様のご負担となります。</p><h3>クレジットカード</h3><p>VISA・Master・JCBがご利用いただけます。</p><h2>配送について</h2><p>ヤマト運輸でお届けします。</p>`),
			},
		},
		{
			name: "honest: card data not stored, scheduled maintenance",
			pages: []string{
				"", flHTML("雑貨店", `<p>11月30日 2:00〜6:00の間、クレジットカード決済はご利用いただけません。</p>`+flLogos),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>クレジットカード・銀行振込</p><p>クレジットカード情報は当店には保存されません。</p>`),
			},
		},
		{
			name: "honest: card images inside the 特商法 payment cell",
			pages: []string{
				"", flHTML("雑貨店", flLogos),
				"law.html", flHTML("特定商取引法に基づく表記", `<table><tr><th>支払方法</th><td><img src="/img/visa.gif"><img src="/img/jcb.gif"><br>銀行振込</td></tr><tr><th>送料</th><td>全国一律600円</td></tr></table>`),
			},
		},
		{
			name: "no terms section found",
			pages: []string{
				"", flHTML("雑貨店", flLogos+`<p>銀行振込の際の手数料はお客様負担です。</p>`),
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			flExpect(t, "payment-method-mismatch", flTestSite(t, "shop.example.jp", c.pages...), c.fire, c.want...)
		})
	}
}

func TestMentions(t *testing.T) {
	for _, c := range []struct {
		sentence string
		want     string // method:offered or method:negated, in order
	}{
		{"クレジットカード、銀行振込、代金引換がご利用いただけます。", "card bank cod"},
		{"クレジットカード・代引きはご利用いただけません。", "card! cod!"},
		{"ダイナースクラブカードは扱っておりません。", "card"},
		{"American Expressは現在一時停止しております。", "card"},
		{"VISA・Mastercard・JCBはご利用いただけません。", "card! card! card!"},
		{"銀行振込、クレジットカード(現在メンテナンス中)", "bank card!"},
		// rev23 p33 page11: 「システム調整中」 withdraws the card.
		{"銀行振込、クレジットカード(現在システム調整中)", "bank card!"},
		{"クレジットカード(システム障害発生中)、銀行振込", "card! bank"},
		{"クレジットカード(障害者手帳の提示で割引)、銀行振込", "card bank"},
		{"クレジットカードはご利用いただけますが、代引きはお取り扱いしておりません。", "card cod!"},
		{"海外発行のクレジットカードはご利用いただけません。", "card"},
		{"クレジットカード決済の場合、キャンセルはできません。", "card"},
		{"ただいまクレジットカード決済を一時停止しております。", "card!"},
		{"銀行振込以外のお支払い方法はご利用いただけません。", "bank"},
		{"お支払いは銀行振込(前払い)のみとなります。", "bank"},
		{"申し訳ありませんが、クレジットカード・代金引換は扱っておりません。", "card! cod!"},
		{"クレジットカードでのお支払いはできません。", "card!"},
		// p43: a card not introduced; a card 'congested' as the fake's excuse.
		{"クレジットカード決済は導入しておりません。", "card!"},
		{"ただいまクレジットカード決済が大変混み合っております。", "card!"},
		{"年末はクレジットカード決済が混み合い、反映に時間がかかります。", "card"},
	} {
		var got []string
		for _, m := range flMentions(flCompact(NFKC(c.sentence))) {
			g := m.method
			if m.negated {
				g += "!"
			}
			got = append(got, g)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("flMentions(%q) = %v, want %s", c.sentence, got, c.want)
		}
	}
}

func TestGiftCardPayment(t *testing.T) {
	cases := []struct {
		name  string
		pages []string
		fire  bool
		want  []string
	}{
		{
			name:  "a consumer centre's list of fake-shop signs",
			pages: []string{"soudan/", flHTML("偽ショップにご注意ください｜消費生活センター", `<h1>偽の通販サイトにご注意</h1><ul><li>Amazonギフトカードで支払うよう求められる</li></ul>`)},
		},
		{
			name:  "asks to pay with Amazon gift cards",
			pages: []string{"guide.html", flHTML("ご利用ガイド", `<p>お支払いはAmazonギフト券でお願いしております。</p>`)},
			fire:  true, want: []string{"Amazonギフト券"},
		},
		{
			// rev22 p25 page28: the cards named in brackets before the verb.
			name:  "a prize's fee paid in gift cards named in brackets",
			pages: []string{"prize.html", flHTML("受取手続き", `<p>手数料は電子マネー（Amazonギフトカード・Apple Gift Card）でのお支払いとなります。</p>`)},
			fire:  true, want: []string{"Apple Gift Card"},
		},
		{
			name:  "buy at a convenience store and send the number",
			pages: []string{"order.html", flHTML("ご注文完了", `<p>コンビニでAppleギフトカードを購入し、裏面の番号をメールでお送りください。</p>`)},
			fire:  true, want: []string{"Appleギフトカード"},
		},
		{
			name:  "a fake tax bill: tell the card's number and it is paid",
			pages: []string{"notice.html", flHTML("差押予告通知", `<p>お近くのコンビニでApple Gift Cardをお求めいただき、その番号を担当者にお伝えいただくことでも納付できます。</p>`)},
			fire:  true, want: []string{"Apple Gift Card"},
		},
		{
			name:  "特商法 table lists a gift card as the method",
			pages: []string{"law.html", flHTML("特定商取引法に基づく表記", `<table><tr><th>支払方法</th><td>Google Play ギフトカード</td></tr><tr><th>送料</th><td>無料</td></tr></table>`)},
			fire:  true, want: []string{"Google Play"},
		},
		{
			name:  "e-money code by mail",
			pages: []string{"pay.html", flHTML("お支払い", `<p>WebMoneyのプリペイド番号（16桁）を下記アドレスまでメールでご連絡ください。</p>`)},
			fire:  true, want: []string{"WebMoney"},
		},
		{
			name:  "type a store gift card's number into the payment form",
			pages: []string{"pay.html", flHTML("お支払い", `<p>お支払いフォームにAmazonギフトカードの番号を入力してください。</p>`)},
			fire:  true, want: []string{"Amazonギフトカードの番号"},
		},
		{
			name:  "honest: the shop's own gift certificate at checkout",
			pages: []string{"pay.html", flHTML("お支払い", `<p>お支払い画面でギフト券番号を入力してください。</p><p>お持ちのギフトコードはご注文画面で入力できます。</p>`)},
		},
		{
			name:  "honest: WebMoney typed into the payment company's screen",
			pages: []string{"pay.html", flHTML("お支払い", `<p>WebMoney決済: 決済画面でWebMoneyのプリペイド番号を入力してください。</p>`)},
		},
		{
			name:  "honest: Amazon Pay with gift card balance",
			pages: []string{"guide.html", flHTML("ご利用ガイド", `<p>お支払い方法：Amazon Pay（Amazonギフトカード残高もご利用いただけます）</p>`)},
		},
		{
			name: "honest: a shop selling gift cards",
			pages: []string{
				"", flHTML("ギフトカード販売 | ギフトモール", `<h1>ギフトカード販売</h1><ul><li>Amazonギフトカード 5,000円</li><li>Google Play ギフトカード 3,000円</li></ul>
<p>ご購入後、ギフトコードをメールでお送りします。</p><p>Amazonギフトカードのご購入はクレジットカード決済のみとなります。</p>
<p>ギフトコードの有効期限をご確認ください。</p><p>全国のコンビニでもAmazonギフトカードをお買い求めいただけます。</p>`),
				"guide.html", flHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>クレジットカード・銀行振込</p><p>当店ギフト券もお支払いにご利用いただけます。</p>`),
			},
		},
		{
			name:  "honest: a shop warning against the fraud",
			pages: []string{"", flHTML("雑貨店", `<p>当店がAmazonギフト券でのお支払いを求めることはありません。</p><p>不審なメールにご注意ください。</p>`)},
		},
		{
			name:  "honest: a consumer warning page quoting the fraud",
			pages: []string{"", flHTML("ギフトカード詐欺にご注意", `<h1>ギフトカードを使った詐欺</h1><p>「コンビニでAmazonギフト券を買って番号を送ってください」と言われたら詐欺です。</p>`)},
		},
		{
			name:  "honest: a campaign and WebMoney through a payment company",
			pages: []string{"", flHTML("ゲームショップ", `<p>今なら購入者全員にAmazonギフト券500円分プレゼント!</p><p>お支払い方法: クレジットカード、WebMoney決済、コンビニ決済</p>`)},
		},
		{
			name:  "honest: a gift card buying service",
			pages: []string{"", flHTML("Amazonギフト券買取センター", `<p>Amazonギフト券の番号をメールでお送りください。最短10分でお振込します。</p>`)},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			flExpect(t, "payment-gift-card", flTestSite(t, "shop.example.jp", c.pages...), c.fire, c.want...)
		})
	}
}

// TestGiftCardOnly checks the grading of payment-gift-card: high on its
// own when gift cards are the only way to pay, the plan's 40 points when
// the shop takes other methods too.
func TestGiftCardOnly(t *testing.T) {
	cases := []struct {
		name   string
		pages  []string
		points int
		want   string
	}{
		{"iTunes and Google Play cards only", []string{"guide.html", flHTML("ご利用ガイド",
			`<h2>お支払い方法</h2><p>お支払いはiTunesカード・Google Playギフトカードのみとなります。</p><p>お近くのコンビニでご購入後、カードの番号をLINEでお知らせください。</p>`)}, 50, "ほかの支払方法なし"},
		{"Amazon gift cards, labelled as the method", []string{"howto.html", flHTML("お買い物の流れ",
			`<p>お支払い方法：Amazonギフト券</p><p>コンビニでAmazonギフト券をご購入いただき、ギフト券番号をメールでお送りください。</p>`)}, 50, "ほかの支払方法なし"},
		{"gift cards beside bank transfer", []string{"guide.html", flHTML("ご利用ガイド",
			`<p>お支払い方法：銀行振込 または Apple Gift Card</p><p>コンビニでApple Gift Cardをお買い求めのうえ、コードをメールでお送りください。</p>`)}, 40, "Apple Gift Card"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := flTestSite(t, "shop.example.jp", c.pages...)
			signs := Evaluate(site, []Rule{flRule(t, "payment-gift-card")}, "ja")
			if len(signs) != 1 {
				t.Fatalf("payment-gift-card did not fire")
			}
			if signs[0].Points != c.points || !strings.Contains(signs[0].Evidence, c.want) {
				t.Errorf("got %d points, %q; want %d and %q", signs[0].Points, signs[0].Evidence, c.points, c.want)
			}
			if c.points >= HighAt && signs[0].Severity != High {
				t.Errorf("severity %s, want high", signs[0].Severity)
			}
		})
	}
}
