package rules

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

// shopSite builds a site from URL/HTML pairs (the first page first), each
// page served with status 200.
func shopSite(t testing.TB, urlAndHTML ...string) *Site {
	t.Helper()
	if len(urlAndHTML)%2 != 0 {
		t.Fatalf("shopSite wants URL, HTML pairs")
	}
	s := &Site{Data: DefaultData()}
	for i := 0; i < len(urlAndHTML); i += 2 {
		s.Pages = append(s.Pages, NewPage(urlAndHTML[i], 200, "text/html; charset=utf-8", urlAndHTML[i+1], false))
	}
	s.URL = urlAndHTML[0]
	return s
}

// shopHTML wraps body text in a page with a title.
func shopHTML(title, body string) string {
	return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>" + title +
		"</title></head><body>" + body + "</body></html>"
}

// shopRule returns one of the shop rules by id.
func shopRule(t testing.TB, id string) Rule {
	t.Helper()
	for _, r := range append(shopRules(), fluentRules()...) {
		if r.ID == id {
			return r
		}
	}
	t.Fatalf("no shop rule %s", id)
	return Rule{}
}

// shopCase is one table row: a site and whether the sign fires, with
// words its evidence must hold.
type shopCase struct {
	name     string
	site     []string // URL, HTML pairs
	fire     bool
	evidence []string // parts of the evidence (when fire)
	points   int      // expected points when fire (0: the rule's)
}

func runShopCases(t *testing.T, id string, cases []shopCase) {
	t.Helper()
	r := shopRule(t, id)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := shopSite(t, c.site...)
			signs := Evaluate(site, []Rule{r}, "ja")
			if !c.fire {
				if len(signs) > 0 {
					t.Fatalf("%s fired: %q [%s]", id, signs[0].Evidence, signs[0].URL)
				}
				return
			}
			if len(signs) != 1 {
				t.Fatalf("%s did not fire", id)
			}
			s := signs[0]
			for _, e := range c.evidence {
				if !strings.Contains(s.Evidence, e) {
					t.Errorf("evidence %q lacks %q", s.Evidence, e)
				}
			}
			want := r.Points
			if c.points != 0 {
				want = c.points
			}
			if s.Points != want {
				t.Errorf("points = %d, want %d", s.Points, want)
			}
			if s.URL == "" {
				t.Errorf("no URL in the sign")
			}
		})
	}
}

const shopTop = "https://shop.example/"

func TestPaymentTransferOnly(t *testing.T) {
	runShopCases(t, "payment-transfer-only", []shopCase{
		{name: "only transfer, said so", fire: true, evidence: []string{"銀行振込のみ"},
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い方法：銀行振込のみ</p><p>ご注文後3日以内にお振込みください。</p>`)}},
		{name: "card logos but the terms say transfer only", fire: true, evidence: []string{"銀行振込(前払い)のみ"},
			site: []string{shopTop, shopHTML("ショップ", `<p><img src="visa.png" alt="VISA"><img src="jcb.png" alt="JCB"></p><p>お支払いは銀行振込(前払い)のみとなります。</p>`)}},
		{name: "card unavailable, transfer offered", fire: true, evidence: []string{"銀行振込"},
			site: []string{shopTop, shopHTML("ショップ", `<p>クレジットカードは現在ご利用いただけません。お支払いは銀行振込となります。</p>`)}},
		// p43: 「導入しておりません」 says the card is not taken.
		{name: "card payment not introduced, transfer only", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>クレジットカード決済は導入しておりません。お支払いは銀行振込のみとさせていただいております。</p>`)}},
		{name: "card and cash on delivery suspended in one sentence", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>クレジットカード決済・代引きは一時停止中です。</p><p>お支払い方法：銀行振込</p>`)}},
		{name: "card offered, instalments withdrawn in other words", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：クレジットカード、銀行振込</p><p>クレジットカードの分割払いには対応しておりません。ボーナス払いはご利用になれません。3回払いは取り扱っておりません。</p>`)}},
		{name: "card offered, instalments not: still card", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：クレジットカード、銀行振込</p><p>クレジットカードの分割払いはできません。リボ払い・ボーナス払いもご利用いただけません。</p>`)}},
		{name: "card with its payment ways and COD withdrawn: still withdrawn", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：銀行振込</p><p>現在、クレジットカード（一括払い・分割払い）および代金引換はご利用いただけません。</p>`)}},
		{name: "card suspended, a bonus-points note beside it", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：銀行振込</p><p>クレジットカード決済は一時停止中です（ボーナスポイントは付与されます）。</p>`)}},
		{name: "methods listed, then withdrawn: the withdrawal is the evidence", fire: true,
			evidence: []string{"代金引換および楽天ペイのお取扱いを一時停止しております", "お支払い:銀行振込・代金引換・楽天ペイ"},
			site:     []string{shopTop, shopHTML("ショップ", `<p>お支払い：銀行振込・代金引換・楽天ペイ</p><p>現在、年末の注文集中により代金引換および楽天ペイのお取扱いを一時停止しております。</p>`)}},
		{name: "english", fire: true, evidence: []string{"bank transfer"},
			site: []string{shopTop, shopHTML("Shop", `<p>Payment: we only accept bank transfer.</p>`)}},
		{name: "PayPay銀行 is a bank, not PayPay", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：銀行振込(PayPay銀行・楽天銀行)</p>`)}},
		{name: "the terms drawn in a picture, its alt text says them", fire: true, evidence: []string{"銀行振込のみ"},
			site: []string{shopTop, shopHTML("ショップ", `<p>モンクレール ダウンジャケット ¥12,800</p><p><img src="pay.png" alt="お支払いは銀行振込のみ 振込先 楽天銀行 ヤマモト タケシ"></p>`)}},
		{name: "a row of payment logos, transfer among them", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法</p><p><img src="visa.png" alt="VISA"><img src="cod.png" alt="代金引換"><img src="bank.png" alt="銀行振込"></p>`)}},
		{name: "a picture of several methods, its alt text lists them", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p><img src="pay.png" alt="クレジットカード・代金引換・銀行振込がご利用いただけます"></p>`)}},
		{name: "transfer alone, listed without のみ", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><ul><li>銀行振込</li></ul>`)}},

		{name: "card banner on the top page, the guide says transfer only", fire: true, evidence: []string{"銀行振込のみ"},
			site: []string{shopTop, shopHTML("ショップ", `<p>各種クレジットカードがご利用いただけます</p><p><a href="/guide.html">ご利用ガイド</a></p>`),
				shopTop + "guide.html", shopHTML("ご利用ガイド", `<h2>お支払い方法</h2><p>お支払い方法は銀行振込のみとなります。</p><p>振込先はご注文確認メールでお知らせします。</p>`)}},
		{name: "FAQ answer: transfer only for now", fire: true, evidence: []string{"現在は銀行振込のみ"},
			site: []string{shopTop, shopHTML("ショップ", `<p>送料無料・クレジットカード・コンビニ払いOK</p>`),
				shopTop + "faq.html", shopHTML("よくある質問", `<p>Q. カードは使えますか?</p><p>A. 申し訳ございません、現在は銀行振込のみとなります。</p>`)}},
		{name: "transfer only for pre-orders, card otherwise", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：クレジットカード、代金引換、銀行振込</p>`),
				shopTop + "yoyaku.html", shopHTML("予約商品について", `<p>予約商品のお支払いは銀行振込のみとなります。</p>`)}},
		{name: "transfer only for companies, card otherwise", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>クレジットカード・コンビニ払いがご利用いただけます。</p>`),
				shopTop + "corp.html", shopHTML("法人様のご注文", `<p>法人様のお支払いは銀行振込のみ承ります。</p>`)}},
		{name: "transfer only, paid after the goods arrive", fire: false,
			site: []string{shopTop, shopHTML("農園", `<h2>お支払い方法</h2><p>お支払いは銀行振込のみです。商品到着後1週間以内にお振込みください。</p>`)}},
		{name: "transfer after delivery in a disclosure", fire: false,
			site: []string{shopTop, shopHTML("特定商取引法に基づく表記", `<p>支払方法：銀行振込（商品到着後）</p>`)}},
		{name: "prepaid transfer is not after delivery", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払いは銀行振込のみです。ご入金確認後、商品をお届けします。</p>`)}},
		{name: "transfer named only in the fees of a disclosure", fire: false,
			site: []string{shopTop, shopHTML("特定商取引法に基づく表記", `<table><tr><th>販売業者</th><td>株式会社サクラ</td></tr><tr><th>商品代金以外の必要料金</th><td>送料、振込手数料</td></tr></table>`)}},
		{name: "card on the top page, transfer guide page", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：クレジットカード、銀行振込</p>`),
				shopTop + "transfer.html", shopHTML("銀行振込について", `<h1>銀行振込について</h1><p>お支払いは銀行振込でお願いいたします。振込先は下記です。</p>`)}},
		{name: "only about delivery", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p><img src="visa.png" alt="VISA"></p><p>配送は佐川急便のみ、お支払いは銀行振込です。</p>`)}},
		{name: "card logos, no sentence saying transfer only", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p><img src="/img/card_visa.png" alt=""><img src="/img/card_master.png" alt=""></p><p>お支払い方法：銀行振込</p>`)}},
		{name: "store pickup only", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>商品のお受け取りは店頭受取のみです。</p>`)}},
		{name: "conditional card refusal", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>海外発行のクレジットカードはご利用いただけません。</p><p>お支払い方法：銀行振込</p>`)}},
		{name: "refund by transfer on a card shop", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>返品の際の返金は銀行振込にて行います。</p>`)}},
		{name: "a postal slip enclosed with the goods", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>郵便振替（商品に同封の払込取扱票でお支払いください）または銀行振込</p>`)}},
		{name: "cash at handover or a transfer beforehand", fire: false,
			site: []string{shopTop, shopHTML("子犬の見学", `<h2>お支払い方法</h2><p>お引渡し時に現金でお支払いいただくか、事前の銀行振込をお選びいただけます。</p>`)}},
		// Other ways honest shops, schools and clubs say they take money
		// in person, at delivery or later (a reviewer's 16 wordings).
		{name: "cash or transfer", fire: false,
			site: []string{shopTop, shopHTML("ご案内", `<h2>お支払いについて</h2><p>お支払いは現金または銀行振込となります。</p>`)}},
		{name: "transfer or cash at the shop", fire: false,
			site: []string{shopTop, shopHTML("中古車", `<h2>お支払い方法</h2><p>銀行振込または店頭での現金でお願いします。</p>`)}},
		{name: "paid when visiting", fire: false,
			site: []string{shopTop, shopHTML("パン", `<h2>お支払い</h2><p>お代金は、ご来店時のお支払い、または銀行振込をご利用ください。</p>`)}},
		{name: "at the counter", fire: false,
			site: []string{shopTop, shopHTML("入園案内", `<h2>入園料</h2><p>入園料は園窓口にてお納めいただくか、下記口座へお振込ください。</p>`)}},
		{name: "to the driver at delivery", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>銀行振込、または商品お届け時にドライバーへ現金でお支払いください。</p>`)}},
		{name: "at the venue on the day", fire: false,
			site: []string{shopTop, shopHTML("教室", `<h2>参加費</h2><p>参加費は事前の銀行振込、または当日会場でお支払いください。</p>`)}},
		{name: "collected by the block leader", fire: false,
			site: []string{shopTop, shopHTML("町内会", `<h2>会費</h2><p>会費は銀行振込のほか、班長が集金に伺います。</p>`)}},
		{name: "a car loan", fire: false,
			site: []string{shopTop, shopHTML("中古車", `<h2>お支払い方法</h2><p>銀行振込のほか、オートローンをご利用いただけます。</p>`)}},
		// rev23 p33 page11: a card 'being adjusted' is no way to pay.
		{name: "cards withdrawn while the system is adjusted", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>銀行振込</p><p>クレジットカード決済は現在システム調整中です。</p>`)}},
		// rev24 p37 page26, p36 page01: PayPay named bare in the
		// disclosure of a shop whose terms say PayPay送金 is that 送金.
		{name: "transfer or PayPay送金, the disclosure saying PayPay", fire: true,
			site: []string{shopTop, shopHTML("キャンプ", `<h2>お支払方法</h2><p>1. 銀行振込</p><p>2. PayPay送金（ご注文後、担当者のPayPay IDをお知らせ致します）</p><p>※クレジットカード払いは只今ご利用頂けません。</p><h2>特定商取引法に基づく表記</h2><p>お支払い：銀行振込、PayPay</p>`)}},
		{name: "transfer, PayPay送金, the disclosure saying PayPay決済", fire: false,
			site: []string{shopTop, shopHTML("キャンプ", `<h2>お支払方法</h2><p>1. 銀行振込</p><p>2. PayPay送金（ご注文後、担当者のPayPay IDをお知らせ致します）</p><p>※クレジットカード払いは只今ご利用頂けません。</p><h2>特定商取引法に基づく表記</h2><p>お支払い：銀行振込、PayPay決済</p>`)}},
		// rev24 p36 page13: the card's contract 'being renewed', a
		// reason clause: it says the card's state, not the transfer's.
		{name: "cards out while a contract is renewed, every deal by transfer", fire: true,
			site: []string{shopTop, shopHTML("チケット", `<p>譲渡価格 29,800円</p><p>※現在、カード決済代行会社との契約更新中のため、全取引を銀行振込にてお願いしております。</p>`)}},
		{name: "cash on delivery stopped, card or transfer", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>代金引換は現在停止中のため、クレジットカードまたは銀行振込をご利用ください。</p>`)}},
		// rev23 p30 page34: a driving school's education loan.
		{name: "an education loan", fire: false,
			site: []string{shopTop, shopHTML("料金", `<h2>お支払い方法</h2><p>入校日の14日前までに、教習料金全額をお振込み（教育ローンのご案内もできます）</p>`)}},
		{name: "handed to the block leader, or a transfer to the account too", fire: false,
			site: []string{shopTop, shopHTML("町内会", `<p>班長さんにお渡し頂くか、下記口座へのお振込みでも受け付けております。</p>`)}},
		{name: "transfers from other banks too is no other way", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：銀行振込のみ。他行からのお振込でも承ります。</p>`)}},
		{name: "transfer is also taken", fire: false,
			site: []string{shopTop, shopHTML("寺", `<h2>ご志納</h2><p>遠方の方はお振込でも承ります。</p>`)}},
		{name: "a payment slip sent later", fire: false,
			site: []string{shopTop, shopHTML("申込", `<h2>お支払い</h2><p>銀行振込、または後日お送りする納付書でお支払いください。</p>`)}},
		{name: "cash refused, transfer only", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>現金でのお支払いはできません。銀行振込のみとなります。</p>`)}},
		{name: "a fake bill's transfer is no shop's term", fire: false,
			site: []string{shopTop, shopHTML("東北電力｜電気料金お支払いのお願い", `<h2>東北電力 電気料金未納のお知らせ</h2><p>期日までにお振込みがない場合、送電を停止いたします。</p><h3>お振込先</h3><p>お支払いは銀行振込のみです。楽天銀行 第一営業支店 普通 7654321 サトウ ミキ</p>`)}},
		{name: "a fake shop's title mentions a gift in passing", fire: true,
			site: []string{shopTop, shopHTML("売上の一部を寄付｜LUXE OUTLET", `<h1>LUXE OUTLET</h1><p>お支払い方法：銀行振込のみ</p>`)}},
		{name: "a fake shop's donation section further down", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<h1>LUXE OUTLET</h1><h3>寄付について</h3><p>売上の一部を寄付しています。</p><p>お支払い方法：銀行振込のみ</p>`)}},
		{name: "transfer only, then other methods refused in brackets", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<p>お支払い方法：銀行振込のみ（クレジットカード／現金 不可）</p>`)}},
		{name: "transfer, the counter refused in brackets", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<p>お支払い方法：銀行振込（当店窓口でのお支払いは現在受け付けておりません）</p>`)}},
		{name: "a shop's first heading asking for support is no donation page", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<h1>ご支援のお願い</h1><p>お支払い方法：銀行振込のみ</p>`)}},
		{name: "a shop's title ending in - 寄付, its own name as heading", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET - 寄付", `<h1>LUXE OUTLET</h1><p>お支払い方法：銀行振込のみ</p>`)}},
		{name: "a title listing 寄付受付 among trades", fire: true,
			site: []string{shopTop, shopHTML("買取・販売・寄付受付｜リサイクル", `<p>お支払い方法：銀行振込のみ</p>`)}},
		{name: "transfer, then COD refused after a comma", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：銀行振込、代引き不可</p>`)}},
		// A card named without クレジット (rev16 05): カード可, カードも使えます.
		{name: "transfer, card allowed", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い：銀行振込、カード可</p>`)}},
		{name: "transfer, cards too at the shop", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払いは銀行振込です。店頭ではカードも使えます。</p>`)}},
		{name: "a point card is no way to pay", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い：銀行振込のみ（ポイントカードが使えます）</p>`)}},
		// Money the reader is to receive (rev16 p45, a benefits lure).
		{name: "a benefit paid into the reader's account", fire: false,
			site: []string{shopTop, shopHTML("物価高騰対策給付金", `<h2>給付金のお受け取り</h2><p>給付金（1人あたり30,000円）の振込先口座をご入力ください。お振込みは本人名義の口座のみとなります。</p>`)}},
		// rev21: a note in brackets after the last method is that
		// method's; a list withdrawn "for now"; a method "coming soon".
		{name: "a coming-soon method in brackets after the list", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>クレジットカード、銀行振込、楽天ペイ（準備中）</p>`)}},
		{name: "a method planned, in brackets after the list", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>クレジットカード（VISA・JCB）、銀行振込、Amazon Pay（対応予定）</p>`)}},
		{name: "a card withdrawn in its own brackets", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>銀行振込、クレジットカード（現在ご利用いただけません）</p>`)}},
		{name: "methods listed, then transfer only for now", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>クレジットカード・代金引換・銀行振込</p><p>※ただいま銀行振込のみ受け付けております。</p>`)}},
		// rev22 probes 24, 26: a page that sells nothing names the
		// transfer without its being anyone's payment terms.
		{name: "a bank's login page on transfers needing a token", fire: false,
			site: []string{"https://ib.asakaze-bank.example/", shopHTML("あさかぜ銀行 インターネットバンキング ログイン", `<h1>ログイン</h1><p>振込・振替など資金移動の際には、ワンタイムパスワードアプリに表示される6桁の番号が必要です。</p><form><input name="id"><input type="password" name="pw"></form>`)}},
		{name: "an intranet's notice on changed payee accounts", fire: false,
			site: []string{"https://portal.example.co.jp/", shopHTML("社内ポータル ログイン", `<p>振込先変更の連絡を受けた場合は、必ず既知の電話番号で先方に確認し、経理部へ報告してください。</p>`)}},
		{name: "a page selling nothing that says transfer only", fire: true,
			site: []string{"https://line-order.example/", shopHTML("ご注文について", `<p>ご注文はLINEで承ります。お支払いは銀行振込のみです。</p>`)}},
		// rev22 p23 page32, page12: a fund manager's 「振込を求めたりする
		// ことはありません」 is no term; a PTA taking cash at its desk.
		{name: "a fund manager saying it never asks for transfers", fire: false,
			site: []string{shopTop, shopHTML("ファンド", `<p>ご購入の際は販売会社でお申込みください。当社が個人のお客さまに直接電話やSNSで投資を勧誘したり、振込を求めたりすることはありません。</p>`)}},
		{name: "a PTA's fee by transfer or in cash at its desk", fire: false,
			site: []string{shopTop, shopHTML("PTA会費納入のお願い", `<p>本年度より、口座振込にてお願いすることになりました。</p><p>口座振込が難しいご家庭は、授業参観日にPTA受付にて現金で納入いただけます。</p>`)}},
		// rev22 p24 page24, page30: a question board quoting a fake's
		// terms; a resale platform paying its sellers.
		{name: "a Q&A page asking whether a shop is a fraud", fire: false,
			site: []string{shopTop, shopHTML("このサイトは詐欺ですか？ - ナレッジQ&A", `<h1>このサイトは詐欺ですか？</h1><p>サイトには以下のように書かれています。</p><p>お支払い方法：銀行振込（前払い）</p><p>※現在クレジットカード決済はご利用いただけません。</p><p>振込先：楽天銀行 第一営業支店 普通 7391025 ヤマモト サトシ</p>`)}},
		{name: "a ticket resale platform's payout to sellers", fire: false,
			site: []string{shopTop, shopHTML("よくある質問", `<h2>Q5. 出品したチケットが売れた場合、代金はいつ受け取れますか？</h2><p>公演終了後、約2週間で登録口座へお振込みします（システム利用料・振込手数料を差し引きます）。</p>`)}},
		// rev22 p25 page20: an English shop for foreign residents.
		{name: "English: transfer only, cards 'cannot' be accepted, PayPay to staff", fire: true,
			site: []string{shopTop, shopHTML("Tokyo Gadget Sale", `<h2>Payment</h2><p>Bank transfer only (Japanese bank account). We cannot accept credit card, PayPal or cash on delivery because of the sale price.</p><p>* You can also pay by ATM or by PayPay to our staff (ask us).</p>`)}},
		{name: "English: cards accepted, transfer too", fire: false,
			site: []string{shopTop, shopHTML("Knife shop", `<h2>Payment</h2><p>We accept credit cards, PayPal and bank transfer.</p>`)}},
		{name: "a closing-down sale: the card terminal returned", fire: true,
			site: []string{shopTop, shopHTML("閉店セール", `<h3>ご注文・お支払いについて</h3><p>閉店作業中のため、クレジットカード端末は返却済みです。お支払いは<strong>銀行振込（前払い）のみ</strong>とさせていただきます。</p>`)}},
		{name: "cash on delivery withdrawn, cards kept", fire: false,
			site: []string{shopTop, shopHTML("お支払い方法", `<h3>お支払い方法</h3><p>クレジットカード・銀行振込がご利用いただけます。代金引換は2025年3月末で廃止いたしました。</p>`)}},
		{name: "transfer only, the card 'not used' in broken Japanese", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>ご注文方法</h2><p>支払う方法：銀行振込のみ。クレジットカードは使いませんです。</p>`)}},
		{name: "transfer, convenience stores coming soon", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払いは銀行振込にてお願いしております。</p><p>コンビニ決済は近日対応予定です。</p>`)}},
		{name: "methods listed, pre-orders by transfer only for now", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>クレジットカード・代金引換・銀行振込</p><p>※現在、予約商品は銀行振込のみ承っております。</p>`)}},
		{name: "methods listed, cash on delivery alone suspended for now", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>クレジットカード・代金引換・銀行振込</p><p>現在、代金引換のみ一時停止しております。</p>`)}},
		{name: "a pension that cannot be paid into the reader's account", fire: false,
			site: []string{shopTop, shopHTML("日本年金機構 年金振込口座の確認", `<h2>年金の受取口座確認のお願い</h2><p>年金の振込先口座の登録内容に不備があるため、12月の年金をお振込みできません。</p>`)}},
		{name: "the reader's account to register, with a transfer", fire: false,
			site: []string{shopTop, shopHTML("口座の確認", `<p>振込先口座の登録内容に不備があるため、お振込みができません。</p>`)}},
		{name: "a shop selling a pension-book cover, transfer only", fire: true,
			site: []string{shopTop, shopHTML("年金手帳カバー通販", `<h1>年金手帳カバー</h1><p>お支払い方法：銀行振込のみ</p>`)}},
		{name: "a shop's transfer-only beside a note on subsidies", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<p>お支払い方法：銀行振込のみ</p><p>自治体の補助金の対象商品ではありません。</p>`)}},
		// Refusals after 「のみ」 are of something else (rev13 a13, a15).
		{name: "transfer only, payment at delivery refused", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<p>お支払い方法：銀行振込のみ（商品お届け時のお支払いは承っておりません）</p>`)}},
		{name: "transfer only, card cash-out orders refused", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<p>お支払い方法：銀行振込のみ。クレジットカードの現金化・転売目的のご注文はお断りします。</p>`)}},
		{name: "only the transfer suspended (rev17)", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>重要なお知らせ</h2><p>金融機関のシステム移行に伴い、12月1日〜12月5日は銀行振込のみ一時停止しております。</p><h2>お支払い方法</h2><p><img src="/img/visa.png" alt="VISA"><img src="/img/jcb.png" alt="JCB"></p>`)}},
		{name: "only the transfer's acceptance stopped", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>年末年始（12/28〜1/4）は銀行振込のみ受付を停止いたします。</p><h2>お支払い方法</h2><p><img src="/img/visa.png" alt="VISA"><img src="/img/jcb.png" alt="JCB"></p>`)}},
		{name: "transfer only, pickup at the shop refused", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<p>お支払い方法：銀行振込のみ（店頭での受け取りは承っておりません）</p>`)}},
		{name: "paying the driver at delivery, or a transfer", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>銀行振込、またはお届け時のお支払いをお選びいただけます。</p>`)}},
		{name: "transfer refused, card only", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>銀行振込はお断りしております。クレジットカードのみです。</p>`)}},
		{name: "a transfer to the ゆうちょ account too is still a transfer", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：銀行振込のみ。ゆうちょ口座へのお振込でも承ります。</p>`)}},
		{name: "a donation page", fire: false,
			site: []string{shopTop, shopHTML("寄付のお願い", `<h1>寄付</h1><p>お振込みでご寄付いただけます。</p><p>七十七銀行 本店 普通 1234567 アオバコドモシヨクドウ</p>`)}},
		{name: "an NPO asks for support, its SEO heading hidden (review 20 fa10)", fire: false,
			site: []string{shopTop, shopHTML("NPO法人こども食堂ネット", `<h1 style="display:none">寄付のお願い</h1><h2>活動へのご支援をお願いします</h2><p>皆さまからのご寄付は、地域のこども食堂の食材費に使わせていただきます。</p><p>お支払い方法：銀行振込のみとなります。</p><p>〇〇銀行 本店営業部 普通 1234567 口座名義：ヤマダ ハナコ</p>`)}},
		{name: "a shop's appeal for support, a gift of its sales in passing", fire: true,
			site: []string{shopTop, shopHTML("LUXE OUTLET", `<h1>ご支援のお願い</h1><p>売上の一部を寄付しています。</p><p>お支払い方法：銀行振込のみ</p>`)}},
		{name: "a support sale is still a shop", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h1>被災地支援セール</h1><p>お支払い方法：銀行振込のみとなります。</p>`)}},
		{name: "an offering by transfer too", fire: false,
			site: []string{shopTop, shopHTML("献金について", `<p>振込での献金も承っております。</p>`)}},
		{name: "a fake ふるさと納税 site is still a shop", fire: true,
			site: []string{shopTop, shopHTML("ふるさと納税 寄付のお申込み", `<h1>寄付のお申込み</h1><p>返礼品は入金確認後に発送します。</p><p>寄附金のお支払いは銀行振込のみとなります。</p>`)}},
		{name: "bank transfer or ゆうちょ振替, both prepaid", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払いは前払いのみです：銀行振込またはゆうちょ振替。</p>`)}},
		{name: "bank transfer or PayPay送金, both prepaid to the seller", fire: true, evidence: []string{"銀行振込またはPayPay送金"},
			site: []string{shopTop, shopHTML("チケット譲ります", `<h2>お支払い方法</h2><p>銀行振込またはPayPay送金でお願いします。</p>`)}},
		{name: "transfer or sending to a PayPay ID", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>銀行振込、もしくはPayPayでの送金（PayPay ID：sato_shop）でお願いします。</p>`)}},
		{name: "PayPay checkout is no money transfer", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>銀行振込、PayPay決済がご利用いただけます。</p>`)}},
		{name: "transfer only, a week's exchange guarantee from delivery", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い方法：銀行振込のみ（お届けから1週間は交換保証）</p>`)}},
		{name: "transfer only, returns within 7 days of arrival", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>銀行振込のみ。商品到着後7日以内の返品を承ります。</p>`)}},
		{name: "transfer after arrival unless faulty", fire: false,
			site: []string{shopTop, shopHTML("農園", `<h2>お支払い方法</h2><p>銀行振込のみ。商品到着後、不良がなければお振込みください。</p>`)}},
		// rev25 p39 page20: what arrives is the mail with the account.
		{name: "transfer within 3 days of the confirmation mail's arrival", fire: true,
			site: []string{shopTop, shopHTML("アウトレット", `<h2>お支払い方法</h2><p>銀行振込のみとなります（前払い）。</p><p>ご注文確認メール到着後、3日以内に下記口座へお振込みください。</p>`)}},
		{name: "an invoice sent with the goods, paid after they arrive", fire: false,
			site: []string{shopTop, shopHTML("農園", `<h2>お支払い方法</h2><p>銀行振込のみ。商品と一緒にお送りする請求書で、商品到着後にお振込みください。</p>`)}},
		// rev18 fraud fs02, fs09; honest manabiya.
		{name: "PayPayで個人に送金, transfer and card refused together", fire: true, evidence: []string{"PayPayで個人に送金のみ"},
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払いについて</h2><p>お支払いはPayPayで個人に送金のみとなります。ご注文確認後、担当者のPayPay IDをメールでお知らせします。</p><p>※銀行振込・クレジットカードは取り扱っておりません。</p>`)}},
		{name: "transfer, card being prepared", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>ご注文後、指定口座へお振込みください。</p><p>※クレジットカード決済は現在準備中です。</p>`)}},
		{name: "first fee by transfer, then monthly direct debit", fire: false,
			site: []string{shopTop, shopHTML("入塾のご案内", `<h2>お支払い</h2><p>初回（入塾金・初月分）はお振込みでお願いします。</p><p>2か月目以降は口座振替（毎月27日引落し）となります。</p>`)}},
		// Crypto to the seller's wallet only (rev18 fraud fs11).
		{name: "USDT or bitcoin only", fire: true, evidence: []string{"USDT(TRC20)またはビットコインでのお支払いのみ"},
			site: []string{shopTop, shopHTML("ショップ", `<p>iPhone 17 Pro 特価 ¥39,800</p><p><a href="/cart">カートに入れる</a></p><h2>お支払い</h2><p>USDT（TRC20）またはビットコインでのお支払いのみ。送金先アドレスはご注文後にご案内します。</p>`)}},
		{name: "bitcoin beside a card", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p><a href="/cart">カートに入れる</a></p><h2>お支払い方法</h2><p>クレジットカード、ビットコイン決済がご利用いただけます。</p>`)}},
		{name: "a crypto news page sells nothing", fire: false,
			site: []string{"https://news.example.jp/", shopHTML("暗号資産ニュース", `<h1>ビットコイン価格が最高値を更新</h1><p>ビットコインでの支払いに対応する店舗が増えています。</p>`)}},
		{name: "a tutor's fee paid at the end of the month it covers", fire: false,
			site: []string{shopTop, shopHTML("家庭教師ひだまり", `<h2>料金</h2><p>お支払いは毎月末、当月分を下記口座へお振込みください。</p><p>振込先：きらやか銀行 仙台支店 普通 3012459</p>`)}},
		{name: "PayPay送金 alone", fire: true, evidence: []string{"PayPay送金のみ"},
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い方法：PayPay送金のみ（ご注文後にPayPay IDをお知らせします）</p>`)}},
		{name: "sending to a PayPay ID alone, card withdrawn", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>クレジットカード決済は現在停止中です。</p><p>お支払いはPayPayでの送金でお願いします。</p>`)}},
		{name: "PayPay checkout alone is no money transfer", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い方法：PayPay決済のみ</p>`)}},
		{name: "PayPay送金 when the goods are handed over", fire: false,
			site: []string{shopTop, shopHTML("譲ります", `<p>お支払いは受け渡し時にPayPay送金でお願いします。</p>`)}},
		{name: "PayPay送金 after the goods arrive", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法：商品到着後にPayPay送金でお願いします。</p>`)}},
		{name: "PayPay送金 or cash on delivery", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>PayPay送金、代金引換</p>`)}},
		{name: "PayPay送金 beside card logos", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p><img src="visa.png" alt="VISA"><img src="master.png" alt="Mastercard"></p><p>お支払い方法：PayPay送金</p>`)}},
		{name: "PayPay送金 beside a card", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>クレジットカード、銀行振込、PayPay送金</p>`)}},
		{name: "cash by registered mail before the handover", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い方法：銀行振込</p><p>銀行振込が難しい方は、子犬のお引渡し前に現金書留でご送金ください。</p>`)}},
		{name: "cash at handover refused", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い方法：銀行振込</p><p>お引渡し時に現金でお支払いいただくことはできません。</p>`)}},
		{name: "cash by registered mail is no handover", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<h2>お支払い方法</h2><p>お支払い方法：銀行振込のみ（現金書留でのお受け渡しはできません）</p>`)}},
		// A one-click page's demand is no payment term of a shop's.
		{name: "a billing page's threat", fire: false,
			site: []string{"https://douga.example/kanryo.html", shopHTML("登録完了", `<h1>ご登録ありがとうございます</h1><p>48時間以内にお振込みがない場合、契約約款に基づき法的手続きに移行し、ご自宅・勤務先へ回収に伺います。</p>`)}},
		{name: "a one-click bill's transfer deadline in a table", fire: false,
			site: []string{"https://douga.example/kanryo.html", shopHTML("無料期間終了のお知らせ", `<h1>無料期間は終了しました</h1><p>あなたは本サービスの会員登録が完了しています（登録日：2024年5月10日）。</p><p>無料期間終了に伴い、下記の通り会費が発生しております。</p><table><tr><th>会費（6か月分）</th><td>50,000円</td></tr><tr><th>お振込み期限</th><td>本日中</td></tr></table><p>期日までにご入金のない場合、債権回収会社へ債権を譲渡し、ご自宅または勤務先へ伺う場合がございます。</p>`)}},
		{name: "shipping to your home after payment is no threat", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い方法は銀行振込のみ、ご入金確認後ご自宅へ発送いたします。</p>`)}},
		{name: "a shop's own cancellation term still names transfer", fire: true,
			site: []string{shopTop, shopHTML("ショップ", `<p>ご注文後7日以内にお振込みが確認できない場合はキャンセルとさせていただきます。</p><p>お支払い方法：銀行振込のみ</p>`)}},
		{name: "FAQ question", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>Q. 支払いは銀行振込のみですか?</p><p>A. いいえ、クレジットカードもご利用いただけます。</p><p>お支払い方法：銀行振込</p>`)}},
		{name: "warning page listing scam signs", fire: false,
			site: []string{shopTop, shopHTML("ネットショッピング詐欺にご注意ください", `<h1>偽ショップの見分け方</h1><ul><li>支払い方法が銀行振込のみ</li><li>振込先が個人名義の口座</li><li>日本語が不自然</li></ul>`)}},
		{name: "warning sentence on an ordinary page", fire: false,
			site: []string{shopTop, shopHTML("ブログ", `<p>支払方法が銀行振込のみのサイトは詐欺の可能性があるので注意しましょう。</p>`)}},
		{name: "cash on delivery besides transfer", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>お支払い：銀行振込、代金引換</p>`)}},
		{name: "no payment words", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>新作入荷しました。</p>`)}},
		{name: "振り込め詐欺 is not a method", fire: false,
			site: []string{shopTop, shopHTML("ショップ", `<p>振り込め詐欺の防止にご協力ください。</p>`)}},
	})
}

func TestPaymentMethods(t *testing.T) {
	site := shopSite(t,
		shopTop, shopHTML("ショップ", `<p><img src="visa.png" alt="VISA"> <img src="amex.png" alt="AMEX"></p>
<p>ご利用いただけるお支払い方法：銀行振込、コンビニ払い、PayPay</p>
<p>代金引換は現在ご利用いただけません。</p>`),
		shopTop+"faq.html", shopHTML("FAQ", `<p>後払い(NP後払い)はメンテナンス中です。AMEXはご利用いただけません。</p>`))
	info := Payments(site)
	keys := func(m map[string]Evidence) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		return strings.Join(ks, ",")
	}
	if got := keys(info.Offered); got != "bank-transfer,convenience-store,paypay" {
		t.Errorf("offered = %s", got)
	}
	if got := keys(info.Unavailable); got != "card,cash-on-delivery,deferred" {
		t.Errorf("unavailable = %s", got)
	}
	// VISA appears only as a logo (the AMEX logo is explicitly refused).
	if got := keys(info.Logos); got != "" {
		t.Errorf("logos = %s, want none: card is unavailable", got)
	}
	if info.TransferOnly != nil {
		t.Errorf("TransferOnly = %v, want nil", info.TransferOnly)
	}
	if ev := info.Unavailable["cash-on-delivery"]; ev.URL != shopTop || !strings.Contains(ev.Text, "代金引換") {
		t.Errorf("evidence of cash-on-delivery = %+v", ev)
	}
	offered, unavailable := PaymentMethods(site)
	if len(offered) != 3 || len(unavailable) != 3 {
		t.Errorf("PaymentMethods = %d offered, %d unavailable", len(offered), len(unavailable))
	}

	logos := Payments(shopSite(t, shopTop, shopHTML("s", `<footer><img src="/i/card_visa.png" alt="VISA"> <img src="/i/logo-jcb.gif"></footer><p>お支払い方法：銀行振込</p>`)))
	if got := keys(logos.Logos); got != "card" {
		t.Errorf("logos = %s, want card", got)
	}
	if got := keys(logos.Offered); got != "bank-transfer" {
		t.Errorf("offered with logos = %s", got)
	}
}

func TestClassifyHolder(t *testing.T) {
	cases := []struct {
		holder string
		want   HolderKind
	}{
		{"ヤマダ タロウ", HolderPersonal},
		{"ﾔﾏﾀﾞ ﾀﾛｳ", HolderPersonal},
		{"ヤマダタロウ", HolderPersonal},
		{"山田 太郎", HolderPersonal},
		{"山田太郎", HolderPersonal},
		{"リ ケイ", HolderPersonal},
		{"TARO YAMADA", HolderPersonal},
		{"ヤマダシヨウテン ヤマダタロウ", HolderSoleProprietor},
		// Not-for-profit bodies written in kana, with or without an
		// officer's name: the body's account.
		{"アサヒガオカチヨウナイカイ", HolderBusiness},
		{"アオバコドモシヨクドウ", HolderBusiness},
		{"センダイメグミキヨウカイ", HolderBusiness},
		{"アサヒガオカチヨウナイカイ カイケイ スズキ ヨシコ", HolderBusiness},
		{"サカイケイコ", HolderPersonal},
		{"シュウキョウホウジン レイジジ", HolderBusiness},
		{"オオクラブンペイ", HolderPersonal},
		{"サクラシヨウガツコウPTA", HolderBusiness},
		{"ツキカゲシヨボウ オオタ ケンジ", HolderSoleProprietor},
		{"ﾔﾏﾀﾞｼｮｳﾃﾝ ﾀﾞｲ) ﾔﾏﾀﾞﾀﾛｳ", HolderSoleProprietor},
		{"カ)ヤマダシヨウジ", HolderCorporate},
		{"ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", HolderCorporate},
		{"ヤマダシヨウジ(カ", HolderCorporate},
		{"ヤマダ(カ)トウキヨウシテン", HolderCorporate},
		{"（カ）ヤマダ", HolderCorporate},
		{"ユ)サクラ", HolderCorporate},
		{"トクヒ)ミドリノカイ", HolderCorporate},
		{"シャ)ニホンキヨウカイ", HolderCorporate},
		{"株式会社山田商事", HolderCorporate},
		{"㈱ヤマダ", HolderCorporate},
		{"カブシキガイシャ ヤマダ", HolderCorporate},
		{"ABC Co., Ltd.", HolderCorporate},
		{"Global Trade LLC", HolderCorporate},
		{"ラクテン(カ", HolderPlatform},
		{"ベイス(カ", HolderPlatform},
		{"GMO ペイメントゲートウェイ", HolderPlatform},
		{"ヤマダシヨウテン", HolderBusiness},
		{"はなこ工房", HolderBusiness},
		{"GREEN SHOP", HolderBusiness},
		{"山田商店", HolderBusiness},
		{"", HolderUnknown},
		{"ABC", HolderUnknown},
		{"1234567", HolderUnknown},
	}
	for _, c := range cases {
		if got, _ := ClassifyHolder(c.holder); got != c.want {
			t.Errorf("ClassifyHolder(%q) = %s, want %s", c.holder, got, c.want)
		}
	}
	for _, c := range []struct {
		name string
		corp bool
	}{
		{"株式会社グローバルトレード", true}, {"(株)グローバル", true}, {"Example Inc.", true},
		{"EXAMPLE CORP", true}, {"合同会社サクラ", true}, {"一般社団法人 日本協会", true},
		{"山田 花子", false}, {"Princeton Tea", false}, {"KKBOX", false}, {"はなこ工房", false},
	} {
		if got := IsCorporateName(c.name); got != c.corp {
			t.Errorf("IsCorporateName(%q) = %v, want %v", c.name, got, c.corp)
		}
	}
}

func TestAccounts(t *testing.T) {
	cases := []struct {
		name string
		html string
		want []string // Describe() of each account
		kind []HolderKind
	}{
		{"table", `<table><tr><th>銀行名</th><td>三井住友銀行</td></tr><tr><th>支店名</th><td>新宿支店</td></tr>
<tr><th>口座種別</th><td>普通</td></tr><tr><th>口座番号</th><td>1234567</td></tr><tr><th>口座名義</th><td>リ ケイ</td></tr></table>`,
			[]string{"三井住友銀行 新宿支店 普通 1234567 リ ケイ"}, []HolderKind{HolderPersonal}},
		{"one line, half-width kana", `<p>お振込先：みずほ銀行 渋谷支店 普通 7654321 ﾔﾏﾀﾞ ﾀﾛｳ</p>`,
			[]string{"みずほ銀行 渋谷支店 普通 7654321 ヤマダ タロウ"}, []HolderKind{HolderPersonal}},
		{"labels on one line", `<p>楽天銀行 第一営業支店 普通預金 口座番号：2345678 口座名義：カ)サクラシヨウジ</p>`,
			[]string{"楽天銀行 第一営業支店 普通預金 2345678 カ)サクラシヨウジ"}, []HolderKind{HolderCorporate}},
		{"yucho", `<p>ゆうちょ銀行 記号：10120 番号：12345671</p><p>名義人：サトウ ハナコ</p>`,
			[]string{"ゆうちょ銀行 10120-12345671 サトウ ハナコ"}, []HolderKind{HolderPersonal}},
		// p45 m36: 記号 and 番号 on lines of their own; a kanji holder
		// with its reading in brackets is held in the reading (a body's
		// name keeps its kanji).
		{"yucho, 記号 and 番号 on their own lines, a kanji name with its reading", `<p>ゆうちょ銀行<br>記号 14050<br>番号 38817261<br>名義 佐藤 健二（サトウ ケンジ）</p>`,
			[]string{"ゆうちょ銀行 14050-38817261 サトウ ケンジ"}, []HolderKind{HolderPersonal}},
		{"a body's kanji name with its reading", `<p>みずほ銀行 クヌギ支店 普通 0620720 日本赤十字社（ニホンセキジュウジシャ）</p>`,
			[]string{"みずほ銀行 クヌギ支店 普通 0620720 日本赤十字社(ニホンセキジュウジシャ)"}, nil},
		{"two accounts", `<dl><dt>振込先1</dt><dd>三菱UFJ銀行 上野支店 普通 1111111 ヤマダ タロウ</dd>
<dt>振込先2</dt><dd>PayPay銀行 本店営業部 普通 2222222 ヤマダ タロウ</dd></dl>`,
			[]string{"三菱UFJ銀行 上野支店 普通 1111111 ヤマダ タロウ", "PayPay銀行 本店営業部 普通 2222222 ヤマダ タロウ"},
			[]HolderKind{HolderPersonal, HolderPersonal}},
		{"a 振替 line the parser cannot complete, then another bank's account", `<p>ゆうちょ銀行 振替口座 02240-1-55555 加入者名：日本基督教団 仙台めぐみ教会<br>七十七銀行 上杉支店 普通 9988776 センダイメグミキヨウカイ</p>`,
			[]string{"七十七銀行 上杉支店 普通 9988776 センダイメグミキヨウカイ"}, []HolderKind{HolderBusiness}},
		{"inside the brackets of a payment method", `<p>・銀行振込（北洋銀行 本店営業部 普通 4455661 ノムラ リヨウ）</p>`,
			[]string{"北洋銀行 本店営業部 普通 4455661 ノムラ リヨウ"}, []HolderKind{HolderPersonal}},
		{"inside the brackets of one method of several", `<p>お支払い方法：銀行振込（七十七銀行 本店営業部 普通 1234567 サトウ アカリ）、クレジットカード</p>`,
			[]string{"七十七銀行 本店営業部 普通 1234567 サトウ アカリ"}, []HolderKind{HolderPersonal}},
		// rev23 p27 page08: a company's mark, then the bracket's close and
		// the text going on after 。.
		{"a company's account inside brackets, the text going on", `<p>銀行振込（三菱UFJ銀行 銀座通支店 普通 0372914 カ）エテルナギンザ）。通販はヤマト運輸で発送します。</p>`,
			[]string{"三菱UFJ銀行 銀座通支店 普通 0372914 カ)エテルナギンザ"}, []HolderKind{HolderCorporate}},
		{"a company's mark and a space inside brackets", `<p>銀行振込（りそな銀行 上野支店 普通 1234567 ユ） ヤマダシヨウテン）、代金引換</p>`,
			[]string{"りそな銀行 上野支店 普通 1234567 ユ) ヤマダシヨウテン"}, []HolderKind{HolderCorporate}},
		// rev23 p31: a note in brackets after the holder; the sentence
		// going on after it.
		{"a note in brackets after the holder", `<p>銀行名：GMOあおぞらネット銀行</p><p>口座番号：1284736</p><p>口座名義：コバヤシ ケンジ（弊社代表 小林健二の名義口座となります）</p>`,
			[]string{"GMOあおぞらネット銀行 1284736 コバヤシ ケンジ"}, []HolderKind{HolderPersonal}},
		{"the holder, then the sentence going on", `<p>新しい口座：ゆうちょ銀行 〇一八店 普通 1234567 ヤマダ タロウ。ご不明な点は 090-1234-5678 まで。</p>`,
			[]string{"ゆうちょ銀行 〇一八店 普通 1234567 ヤマダ タロウ"}, []HolderKind{HolderPersonal}},
		// rev21: a bank label's value running on with the other fields,
		// the bank's name without 銀行 (clusters with 三井住友銀行's).
		{"a bank label's short name running on", `<p>振込先銀行：三井住友 新宿支店（店番号221）普通預金 口座番号：１２３４５６７ 口座名義：ﾔﾏﾀﾞ ﾀﾛｳ</p>`,
			[]string{"三井住友 新宿支店 普通預金 1234567 ヤマダ タロウ"}, []HolderKind{HolderPersonal}},
		{"a company mark, then the name", `<p>振込先：七十七銀行 泉支店 当座 0123456 カ）ヤマダセイサクシヨ</p>`,
			[]string{"七十七銀行 泉支店 当座 0123456 カ)ヤマダセイサクシヨ"}, []HolderKind{HolderCorporate}},
		{"name on the next line", `<p>住信SBIネット銀行 法人第一支店 普通 3333333</p><p>ｽｽﾞｷ ｲﾁﾛｳ</p>`,
			[]string{"住信SBIネット銀行 法人第一支店 普通 3333333 スズキ イチロウ"}, []HolderKind{HolderPersonal}},
		{"yucho branch for transfers from other banks", `<p>ゆうちょ銀行 〇一八(ゼロイチハチ)店 普通 1234567 ヤマダ ハナコ</p>`,
			[]string{"ゆうちょ銀行 〇一八(ゼロイチハチ)店 普通 1234567 ヤマダ ハナコ"}, []HolderKind{HolderPersonal}},
		{"one field a line, no labels", `<p>【お振込先】</p><p>楽天銀行</p><p>ロック支店(203)</p><p>普通預金 7123456</p><p>リ シンイ</p>`,
			[]string{"楽天銀行 ロック支店 普通預金 7123456 リ シンイ"}, []HolderKind{HolderPersonal}},
		{"table cells, holder labelled 名義", `<table><tr><td>銀行名</td><td>PayPay銀行</td></tr><tr><td>支店名</td><td>はやぶさ支店(003)</td></tr><tr><td>口座番号</td><td>普通 1234567</td></tr><tr><td>名義</td><td>チン カ</td></tr></table>`,
			[]string{"PayPay銀行 はやぶさ支店(003) 普通 1234567 チン カ"}, []HolderKind{HolderPersonal}},
		{"holder in a sentence, then its particle", `<p>A. 楽天銀行 第一営業支店 普通 7034512 口座名義 グエン ヴァン ナム にお振込みください。</p>`,
			[]string{"楽天銀行 第一営業支店 普通 7034512 グエン ヴァン ナム"}, []HolderKind{HolderPersonal}},
		{"holder label after the number, no colon", `<p>三菱UFJ銀行 上野支店 普通口座 1234567 名義人 タナカ イチロウ</p>`,
			[]string{"三菱UFJ銀行 上野支店 普通 1234567 タナカ イチロウ"}, []HolderKind{HolderPersonal}},
		{"a branch line far from any bank starts nothing", `<p>新宿支店のご案内</p><p>普通列車で3分</p><p>営業時間 10:00-18:00</p>`, nil, nil},
		{"payment words are no bank", `<p>お支払い方法：銀行振込、クレジットカード</p><p>振込手数料はお客様負担です。</p>`, nil, nil},
		{"bank list without account", `<p>取引銀行：みずほ銀行、七十七銀行</p>`, nil, nil},
		// A form that asks the visitor for an account (a refund, a
		// benefit) names none: its button is no holder.
		{"refund form", `<form method="post"><p>金融機関名 <input name="bank"></p><p>支店名 <input name="branch"></p>
<p>口座番号 <input name="no"></p><p>口座名義（カナ） <input name="holder"></p><button>送信する</button></form>`, nil, nil},
		{"form in a table, banks to pick", `<form><table><tr><th>金融機関</th><td><select name="b"><option>七十七銀行</option><option>ゆうちょ銀行</option></select></td></tr>
<tr><th>口座番号</th><td><input name="n"></td></tr><tr><th>口座名義</th><td><input name="h"></td></tr></table><p><button>申請する</button></p></form>`, nil, nil},
		// A field without a label of its own takes the text before it: an
		// account line above a form or a search box is still read.
		{"an account line above a form whose field has no label", `<p>三井住友銀行 新宿支店 普通 1234567</p><p>口座名義 ヤマダ タロウ</p><form><div><input name="name"></div></form>`,
			[]string{"三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ"}, []HolderKind{HolderPersonal}},
		{"an account line above a search box", `<p>お振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ</p><div><input type="search"></div>`,
			[]string{"三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ"}, []HolderKind{HolderPersonal}},
		{"a hidden field labelled with the account line", `<p>お振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ</p><input aria-label="お振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ" style="display:none">`,
			[]string{"三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ"}, []HolderKind{HolderPersonal}},
		{"an account printed beside a refund form", `<p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ</p>
<form><p>口座名義 <input name="holder"></p><button>送信する</button></form>`,
			[]string{"三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ"}, []HolderKind{HolderPersonal}},
		// rev25 QA: a table of column heads over a row of values, and an
		// account without a holder before a heading or the footer links.
		// rev25 QA (qa25f D5): a big bank's short name, as SMS write it.
		{"a short bank name, a branch, a type and a number", `<p>三井住友 新宿 普通 7654321 ヤマモト ケンジ</p>`,
			[]string{"三井住友銀行 普通 7654321 ヤマモト ケンジ"}, []HolderKind{HolderPersonal}},
		{"SMBC in full-width letters", `<p>ＳＭＢＣ 新宿 普通 ７６５４３２１ ヤマモト ケンジ</p>`,
			[]string{"三井住友銀行 普通 7654321 ヤマモト ケンジ"}, []HolderKind{HolderPersonal}},
		{"a card's short name beside 普通, no account", `<p>三井住友カードで普通にお支払いいただけます（会員番号 1234567）</p>`,
			nil, nil},
		{"an account quoted in 「」 inside a sentence", `<p>和解金として「楽天銀行 ジャズ支店 普通 1234567 ニシムラ タカシ」などの個人名義口座への振込を求められます。</p>`,
			[]string{"楽天銀行 ジャズ支店 普通 1234567 ニシムラ タカシ"}, []HolderKind{HolderPersonal}},
		{"fields between slashes, the holder's label after one", `<p>口座変更のお知らせ 銀行名：三井住友銀行／支店名：渋谷支店／種別：普通／口座番号：1234567／名義：タナカ　タロウ</p>`,
			[]string{"三井住友銀行 渋谷支店 普通 1234567 タナカ タロウ"}, []HolderKind{HolderPersonal}},
		{"column heads over a row of values", `<table><tr><th>銀行名</th><th>支店名</th><th>口座種別</th><th>口座番号</th><th>口座名義</th></tr><tr><td>三井住友銀行</td><td>新宿支店</td><td>普通</td><td>2345678</td><td>ヤマモト ケンジ</td></tr></table>`,
			[]string{"三井住友銀行 新宿支店 普通 2345678 ヤマモト ケンジ"}, []HolderKind{HolderPersonal}},
		{"no holder, then a heading", `<p>お支払いは銀行振込のみです。振込先：</p><p>三井住友銀行 新宿支店 普通 2345678</p><h3>お届けについて</h3><p>全国送料無料でお届けします。</p>`,
			[]string{"三井住友銀行 新宿支店 普通 2345678"}, []HolderKind{HolderUnknown}},
		{"no holder, then the footer's links", `<p>三井住友銀行 新宿支店 普通 2345678</p><footer><a href="/law">特定商取引法に基づく表記</a> <a href="/guide">ご利用ガイド</a></footer>`,
			[]string{"三井住友銀行 新宿支店 普通 2345678"}, []HolderKind{HolderUnknown}},
		{"no holder, then a kanji heading", `<p>三井住友銀行 新宿支店 普通 2345678</p><h3>会社概要</h3>`,
			[]string{"三井住友銀行 新宿支店 普通 2345678"}, []HolderKind{HolderUnknown}},
		{"the holder alone on the next line", `<p>三井住友銀行 新宿支店 普通 2345678</p><p>ヤマモト ケンジ</p><footer>特定商取引法に基づく表記</footer>`,
			[]string{"三井住友銀行 新宿支店 普通 2345678 ヤマモト ケンジ"}, []HolderKind{HolderPersonal}},
		{"a company's holder with hiragana on the next line", `<p>三井住友銀行 新宿支店 普通 2345678</p><p>株式会社さくら商店</p>`,
			[]string{"三井住友銀行 新宿支店 普通 2345678 株式会社さくら商店"}, []HolderKind{HolderCorporate}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			as := Accounts(shopSite(t, shopTop, shopHTML("振込先", c.html)))
			if len(as) != len(c.want) {
				var got []string
				for _, a := range as {
					got = append(got, a.Describe())
				}
				t.Fatalf("accounts = %q, want %q", got, c.want)
			}
			for i, a := range as {
				if a.Describe() != c.want[i] {
					t.Errorf("account %d = %q, want %q", i, a.Describe(), c.want[i])
				}
				if c.kind != nil && a.Kind != c.kind[i] {
					t.Errorf("account %d kind = %s, want %s", i, a.Kind, c.kind[i])
				}
				if a.URL != shopTop {
					t.Errorf("account %d URL = %q", i, a.URL)
				}
			}
		})
	}
	// Keys fold the printing differences away.
	a := Accounts(shopSite(t, shopTop, shopHTML("x", `<p>三井住友銀行 新宿支店 普通 1234567 ﾔﾏﾀﾞ ﾀﾛｳ</p>`)))
	b := Accounts(shopSite(t, shopTop, shopHTML("x", `<p>三井住友銀行 新宿支店 普通 1234567 やまだ たろう</p>`)))
	if len(a) != 1 || len(b) != 1 || a[0].Key() != b[0].Key() {
		t.Errorf("keys differ: %+v vs %+v", a, b)
	} else if a[0].Key() != "三井住友|新宿|1234567|ヤマダタロウ" {
		t.Errorf("key = %q", a[0].Key())
	}
	// Accounts on a page about fraud are quoted, not offered.
	if as := Accounts(shopSite(t, shopTop, shopHTML("振り込め詐欺に使われた口座", `<p>三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ</p>`))); len(as) != 0 {
		t.Errorf("accounts on a fraud page: %+v", as)
	}
}

const (
	shopAccountPersonal  = `<p>お支払い方法：銀行振込</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダ タロウ</p>`
	shopAccountCorporate = `<p>お支払い方法：銀行振込</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 カ)サクラシヨウジ</p>`
)

func shopLaw(seller string) string {
	return shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table>
<tr><th>販売業者</th><td>`+seller+`</td></tr>
<tr><th>運営統括責任者</th><td>山田 太郎</td></tr>
<tr><th>所在地</th><td>東京都千代田区千代田1-1-1</td></tr>
<tr><th>電話番号</th><td>03-1234-5678</td></tr></table>`)
}

func TestAccountPersonalName(t *testing.T) {
	runShopCases(t, "account-personal-name", []shopCase{
		{name: "personal", fire: true, evidence: []string{"口座名義: ヤマダ タロウ", "三井住友銀行 新宿支店"},
			site: []string{shopTop, shopHTML("s", shopAccountPersonal)}},
		// rev22 p23 page09: cards and a platform's checkout offered too,
		// the transfer one choice among them: weaker; transfer only, full.
		{name: "a circle's own mail order beside BOOTH's checkout", fire: true, points: 5,
			site: []string{shopTop, shopHTML("通販について", `<h2>通販について</h2><p>BOOTHではクレジットカード・コンビニ払い・PayPalがご利用いただけます。</p><p>自家通販は銀行振込でお願いします。楽天銀行 ジャズ支店 普通 7318492 名義 タカハシ ミホ</p>`)}},
		{name: "cards named, but transfer only for now", fire: true, points: 15,
			site: []string{shopTop, shopHTML("お支払い方法", `<h2>お支払い方法</h2><p>クレジットカード・銀行振込</p><p>※ただいま銀行振込のみ受け付けております。楽天銀行 ジャズ支店 普通 7318492 名義 タカハシ ミホ</p>`)}},
		// The seller is a person who prints the holder's reading as their
		// own: weaker; a company's representative is not the company.
		{name: "the farm's owner, as disclosed", fire: true, points: 5, evidence: []string{"ヤマモト ケンイチ", "※表記の販売者本人"},
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：ゆうちょ銀行 八一八支店 普通 1783245 ヤマモト ケンイチ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：山元いちご園（代表 山本 健一／ヤマモト ケンイチ）</p><p>所在地：宮城県亘理郡亘理町逢隈田沢字遠原71</p>`)}},
		// Kanji beside kana: the surname's reading is compared
		// (shop_surnames.txt).
		{name: "an artist's shop, her name in kanji only", fire: true, points: 5, evidence: []string{"サトウ ユミ", "※表記の販売者本人: 工房つむぎ(佐藤 由美)"},
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：三井住友銀行 仙台支店 普通 1234567 サトウ ユミ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：工房つむぎ（佐藤 由美）</p><p>所在地：請求があれば遅滞なく開示します</p>`)}},
		// The seller's own name in kanji, its surname's reading beginning
		// the holder (rev18 honest pan-muginoki, yamada-kotto).
		{name: "a bakery's owner, named in kanji in the seller field", fire: true, points: 5, evidence: []string{"シブヤ ヨウスケ", "※表記の販売者本人"},
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：七十七銀行 本店 普通 1234567 シブヤ ヨウスケ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：ベーカリー 麦のき（渋谷 陽介）</p>`)}},
		{name: "the seller in kanji, the holder another surname", fire: true, points: 15, evidence: []string{"リ ケイ", "特商法表記の販売者: ベーカリー 麦のき(渋谷 陽介)"},
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：七十七銀行 本店 普通 1234567 リ ケイ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：ベーカリー 麦のき（渋谷 陽介）</p>`)}},
		// Review 19: a short surname's reading beginning a longer one's,
		// and a kana trade name that is not the holder's.
		{name: "原 is not ハラダ", fire: true, points: 15,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：七十七銀行 本店 普通 1234567 ハラダミキ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：雑貨はら（原 健一）</p>`)}},
		{name: "a kana trade name after a full-width bracket, the holder's own", fire: true, points: 5,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：七十七銀行 本店 普通 1234567 アヤメシヨボウ イトウタケシ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：古書　あやめ書房</p>`)}},
		{name: "another trade name in kana", fire: true, points: 15,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：七十七銀行 本店 普通 1234567 ヤマダシヨウテン ヤマダタロウ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：グリーン商店</p>`)}},
		{name: "a surname inside another word is no name", fire: true, points: 15,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：七十七銀行 本店 普通 1234567 ヤマダ ハナコ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：小山田商店</p>`)}},
		// A shop name names no person; the owner the law asks for is in
		// the 運営責任者 line, and the owner's own account is what a
		// one-person shop is paid into.
		{name: "a shop name with a manager named like the holder", fire: true, points: 5, evidence: []string{"※表記の販売者本人: ブランド アウトレット ストア（山田 太郎(ヤマダ タロウ)）"},
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：ゆうちょ銀行 八一八支店 普通 1783245 ヤマダ タロウ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売業者：ブランド アウトレット ストア</p><p>運営責任者：山田 太郎（ヤマダ タロウ）</p>`)}},
		{name: "a shop name, its manager in kanji only, the holder's surname", fire: true, points: 5,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：七十七銀行 本店営業部 普通 1234567 サトウ アカリ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table><tr><th>販売業者</th><td>手作り工房あかり</td></tr><tr><th>運営責任者</th><td>佐藤 明里</td></tr></table>`)}},
		{name: "a tea shop's owner, her Chinese surname's reading", fire: true, points: 5,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：三井住友銀行 神戸営業部 普通 1234567 チン レイカ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table><tr><th>販売業者</th><td>茶香房</td></tr><tr><th>代表者</th><td>陳 麗華</td></tr></table>`)}},
		{name: "a Chinese surname, the holder another", fire: true, points: 15,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：三井住友銀行 神戸営業部 普通 1234567 オウ イ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table><tr><th>販売業者</th><td>茶香房</td></tr><tr><th>代表者</th><td>陳 麗華</td></tr></table>`)}},
		{name: "a shop name, its manager another person", fire: true, points: 15,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：七十七銀行 本店営業部 普通 1234567 リ シヨウ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table><tr><th>販売業者</th><td>手作り工房あかり</td></tr><tr><th>運営責任者</th><td>佐藤 明里</td></tr></table>`)}},
		{name: "a company's representative", fire: true, points: 15,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：ゆうちょ銀行 八一八支店 普通 1783245 ヤマモト ケンイチ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社ヤマモト（代表 山本 健一／ヤマモト ケンイチ）</p>`)}},
		// Paid after the goods arrive (rev16 41, 54: a seaweed shop's
		// enclosed slip): the holder puts nothing at risk.
		{name: "paid by transfer after arrival", fire: true, points: 5, evidence: []string{"ヤマダ タロウ", "※後払い"},
			site: []string{shopTop, shopHTML("s", `<h2>お支払い</h2><p>商品到着後、1週間以内に下記口座へお振込みください。</p>`+shopAccountPersonal)}},
		// A 屋号 + 個人名 account whose trade name ends in the seller's
		// generic word is the seller's own (rev18 honest hayashi-bokujo).
		{name: "a farm's trade-name account, the farm disclosed in kanji", fire: true, points: 5, evidence: []string{"ハヤシボクジヨウ ハヤシカズオ", "※表記の販売者本人"},
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：仙北信用組合 栗駒支店 普通 0123456 ハヤシボクジヨウ ハヤシカズオ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：林牧場（林 和夫）</p><p>所在地：宮城県栗原市栗駒沼倉1-2</p>`)}},
		{name: "a trade-name account of another trade", fire: true, points: 15,
			site: []string{shopTop, shopHTML("s", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>振込先：仙北信用組合 栗駒支店 普通 0123456 スズキシヨウテン スズキイチロウ</p>`),
				shopTop + "law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><p>販売者：林牧場（林 和夫）</p>`)}},
		{name: "sole proprietor", fire: true, evidence: []string{"ヤマダシヨウテン ヤマダタロウ", "屋号+個人名"},
			site: []string{shopTop, shopHTML("s", `<p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダシヨウテン ヤマダタロウ</p>`)}},
		{name: "kanji name", fire: true, evidence: []string{"山田 花子"},
			site: []string{shopTop, shopHTML("s", `<p>銀行名：北洋銀行</p><p>口座番号：7777777</p><p>口座名義：山田 花子</p>`)}},
		{name: "holder label without a colon after the number", fire: true, evidence: []string{"口座名義: ワン ショウ", "みずほ銀行 上野支店"},
			site: []string{shopTop, shopHTML("s", `<p>振込先：みずほ銀行 上野支店 普通 2468013 口座名義 ワン ショウ</p>`)}},
		{name: "company", fire: false, site: []string{shopTop, shopHTML("s", shopAccountCorporate)}},
		{name: "trade name only", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダシヨウテン</p>`)}},
		{name: "platform", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：楽天銀行 第一営業支店 普通 7654321 ラクテン(カ</p>`)}},
		{name: "no account", fire: false, site: []string{shopTop, shopHTML("s", `<p>お支払い方法：銀行振込</p>`)}},
	})
}

func TestAccountNameMismatch(t *testing.T) {
	runShopCases(t, "account-name-mismatch", []shopCase{
		// A kana shop name beside its owner's account: the holder is the
		// person the disclosure names (運営責任者), no stranger.
		{name: "a kana shop name, the holder its manager", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：七十七銀行 本店営業部 普通 1234567 サトウ アカリ</p>`), shopTop + "law.html",
				shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table><tr><th>販売業者</th><td>ハンドメイドショップ ルナ</td></tr><tr><th>運営責任者</th><td>佐藤 明里</td></tr></table>`)}},
		{name: "a kana shop name, the holder another person", fire: true, evidence: []string{"ハンドメイドショップ ルナ", "スズキ ハナコ"},
			site: []string{shopTop, shopHTML("s", `<p>振込先：七十七銀行 本店営業部 普通 1234567 スズキ ハナコ</p>`), shopTop + "law.html",
				shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table><tr><th>販売業者</th><td>ハンドメイドショップ ルナ</td></tr><tr><th>運営責任者</th><td>佐藤 明里</td></tr></table>`)}},
		{name: "company seller, personal account", fire: true,
			evidence: []string{"販売業者: 株式会社グローバルトレード", "口座名義: ヤマダ タロウ"},
			site:     []string{shopTop, shopHTML("s", shopAccountPersonal), shopTop + "law.html", shopLaw("株式会社グローバルトレード")}},
		{name: "kana names differ", fire: true, evidence: []string{"合同会社サクラ", "ド)モミジ"},
			site: []string{shopTop, shopHTML("s", `<p>振込先：三井住友銀行 新宿支店 普通 1234567 ド)モミジ</p>`), shopTop + "law.html", shopLaw("合同会社サクラ")}},
		{name: "kana names agree", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三井住友銀行 新宿支店 普通 1234567 ド)サクラ</p>`), shopTop + "law.html", shopLaw("サクラ合同会社")}},
		// p43 page22: an all-kanji company paid into another company's
		// account whose name is a loanword (a corporate mule); its own
		// reading, small っ and all, is its own.
		{name: "a kanji company, a loanword company's account", fire: true, evidence: []string{"株式会社北海農機販売", "カ)ケイワイトレーディング"},
			site: []string{shopTop, shopHTML("s", `<p>振込先：北洋銀行 本店営業部 普通 5566778 カ）ケイワイトレーディング</p>`), shopTop + "law.html", shopLaw("株式会社北海農機販売")}},
		{name: "a kanji company, a loanword as the bank prints it", fire: true,
			site: []string{shopTop, shopHTML("s", `<p>振込先：北洋銀行 本店営業部 普通 5566778 カ）ケイワイトレデイング</p>`), shopTop + "law.html", shopLaw("株式会社北海農機販売")}},
		{name: "a kanji company, its own reading", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：北洋銀行 本店営業部 普通 5566778 カ）ホッカイドウブッサン</p>`), shopTop + "law.html", shopLaw("株式会社北海道物産")}},
		{name: "company with a company account (kanji vs kana)", fire: false,
			site: []string{shopTop, shopHTML("s", shopAccountCorporate), shopTop + "law.html", shopLaw("株式会社桜商事")}},
		{name: "a company's disclosure, another company's account (its kana differ)", fire: true,
			evidence: []string{"株式会社タカミヤ商会", "カ)ミライトレーデイング"},
			site:     []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）ミライトレーデイング</p>`), shopTop + "law.html", shopLaw("株式会社タカミヤ商会")}},
		{name: "the company's own account, its kana agreeing", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）タカミヤシヨウカイ</p>`), shopTop + "law.html", shopLaw("株式会社タカミヤ商会")}},
		{name: "a company named in kanji and kana, small kana folded by the bank", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：七十七銀行 本店 普通 1234567 カ）ミルツカ</p>`), shopTop + "law.html", shopLaw("株式会社ミルッカ企画")}},
		{name: "a shop name in brackets beside the company's", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）ヤマダシヨウジ</p>`), shopTop + "law.html", shopLaw("株式会社山田商事（ショップ名：ハッピーマート）")}},
		{name: "a long name the bank cut short", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）ヤマダインタ-ナシヨナルトレ-デイ</p>`), shopTop + "law.html", shopLaw("株式会社山田インターナショナルトレーディング")}},
		{name: "old kana as banks print them", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 ド）エビスヤ</p>`), shopTop + "law.html", shopLaw("合同会社ゑびす屋")}},
		{name: "ヴ and a long vowel as banks print them", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）ビ-ナスキカク</p>`), shopTop + "law.html", shopLaw("株式会社ヴィーナス企画")}},
		{name: "another company whose name shares a word", fire: true, evidence: []string{"カ)エ-ワントレ-デイング"},
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）エ-ワントレ-デイング</p>`), shopTop + "law.html", shopLaw("株式会社山田インターナショナルトレーディング")}},
		{name: "another company sharing three kana", fire: true, evidence: []string{"カ)カミヤマ"},
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）カミヤマ</p>`), shopTop + "law.html", shopLaw("株式会社タカミヤ商会")}},
		{name: "a reading in brackets, another company's account", fire: true, evidence: []string{"カ)ミライトレ-デイング"},
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）ミライトレ-デイング</p>`), shopTop + "law.html", shopLaw("株式会社山田商事（ヤマダショウジ）")}},
		{name: "an iteration mark inside the kana", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）ミスズヤ</p>`), shopTop + "law.html", shopLaw("株式会社みすゞや商店")}},
		{name: "an iteration mark", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：三菱UFJ銀行 本店 普通 1234567 カ）イスズシヨウカイ</p>`), shopTop + "law.html", shopLaw("株式会社いすゞ商会")}},
		{name: "a sole trader's trade name, personal account", fire: false,
			site: []string{shopTop, shopHTML("s", shopAccountPersonal), shopTop + "law.html", shopLaw("カフェ山田")}},
		{name: "person seller, own account in kana", fire: false,
			site: []string{shopTop, shopHTML("s", shopAccountPersonal), shopTop + "law.html", shopLaw("山田 太郎")}},
		{name: "person seller, spouse's account", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>銀行名：北洋銀行</p><p>口座番号：7777777</p><p>口座名義：山田 花子</p>`), shopTop + "law.html", shopLaw("山田 太郎")}},
		{name: "person seller, someone else's kanji account", fire: true, evidence: []string{"李 明"},
			site: []string{shopTop, shopHTML("s", `<p>銀行名：北洋銀行</p><p>口座番号：7777777</p><p>口座名義：李 明</p>`), shopTop + "law.html", shopLaw("山田 太郎")}},
		{name: "platform account", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>振込先：楽天銀行 第一営業支店 普通 7654321 ラクテン(カ</p>`), shopTop + "law.html", shopLaw("株式会社グローバルトレード")}},
		{name: "no disclosure", fire: false, site: []string{shopTop, shopHTML("s", shopAccountPersonal)}},
	})
}

func TestAccountListed(t *testing.T) {
	r := shopRule(t, "account-listed")
	page := shopHTML("s", `<p>振込先：三井住友銀行 新宿支店 普通 1234567 ﾔﾏﾀﾞ ﾀﾛｳ</p>`)
	cases := []struct {
		name string
		list []Account
		fire bool
		ev   string
	}{
		{"number", []Account{{Number: "1234567"}}, true, "番号"},
		{"holder folded", []Account{{Holder: "やまだ たろう"}}, true, "名義"},
		{"bank without 銀行 and number", []Account{{Bank: "三井住友", Number: "123-4567"}}, true, "銀行"},
		{"branch", []Account{{Bank: "三井住友銀行", Branch: "新宿", Number: "1234567"}}, true, "支店"},
		{"other number", []Account{{Bank: "三井住友銀行", Number: "7654321"}}, false, ""},
		{"other bank", []Account{{Bank: "みずほ銀行", Number: "1234567"}}, false, ""},
		{"empty entry", []Account{{}}, false, ""},
		{"no list", nil, false, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := shopSite(t, shopTop, page)
			site.Data = &Data{FraudAccounts: c.list}
			signs := Evaluate(site, []Rule{r}, "ja")
			if (len(signs) == 1) != c.fire {
				t.Fatalf("fired = %v, want %v (%+v)", len(signs) == 1, c.fire, signs)
			}
			if c.fire {
				if signs[0].Points != 60 || !strings.Contains(signs[0].Evidence, c.ev) || !strings.Contains(signs[0].Evidence, "1234567") {
					t.Errorf("sign = %+v", signs[0])
				}
			}
		})
	}
	// A listed holder does not match an account that prints no holder.
	site := shopSite(t, shopTop, shopHTML("s", `<p>銀行名：三井住友銀行</p><p>口座番号：1234567</p>`))
	site.Data = &Data{FraudAccounts: []Account{{Number: "1234567", Holder: "ヤマダ タロウ"}}}
	if signs := Evaluate(site, []Rule{r}, "ja"); len(signs) != 0 {
		t.Errorf("matched without a holder: %+v", signs)
	}
}

func TestSellerInfoMissing(t *testing.T) {
	shop := `<p>ご注文はカートから。</p><p>商品A ¥1,200</p>`
	link := `<p><a href="/law.html">特定商取引法に基づく表記</a></p>`
	runShopCases(t, "seller-info-missing", []shopCase{
		{name: "tickets offered for resale, no disclosure", fire: true,
			site: []string{shopTop, shopHTML("チケット譲渡センター", `<h1>ライブチケット譲ります</h1><p>アリーナ席 2枚 譲渡価格 ¥38,000</p><p>お支払いは銀行振込のみ</p>`)}},
		// rev22 p24 page06: an old hand-made page's one-line disclosure
		// pointing to the address above.
		{name: "one line of fields, the address 'above'", fire: false,
			site: []string{shopTop, shopHTML("けやき窯", shop+`<h2>窯元の所在地</h2><p>〒321-4217 栃木県芳賀郡益子町大字益子3571</p><h2>特定商取引法に基づく表示</h2><p>販売者：けやき窯 大貫 茂（個人）／ 所在地：上記 ／ 電話：0285-72-4108</p>`)}},
		{name: "one line of fields, 'above' but no address on the page", fire: true, evidence: []string{"住所"},
			site: []string{shopTop, shopHTML("けやき窯", shop+`<h2>特定商取引法に基づく表示</h2><p>販売者：けやき窯 大貫 茂（個人）／ 所在地：上記 ／ 電話：0285-72-4108</p>`)}},
		{name: "no disclosure, no link", fire: true, evidence: []string{"見つかりません"},
			site: []string{shopTop, shopHTML("ショップ", shop)}},
		// rev25 p39 page03: a one-person shop names itself by its 屋号
		// and its owner as 代表.
		{name: "a one-person shop's 屋号 and 代表", fire: false,
			site: []string{shopTop, shopHTML("タイヤショップ マルイチ", shop+`<h2>店舗情報・特定商取引法に基づく表記</h2><p>屋号：タイヤショップ マルイチ</p><p>代表：伊藤 健二（個人事業主）</p><p>所在地：〒321-0905 栃木県宇都宮市平松町412-3</p><p>電話番号：028-637-5521</p>`)}},
		{name: "代表 alone names no seller", fire: true, evidence: []string{"販売業者名"},
			site: []string{shopTop, shopHTML("タイヤショップ", shop+`<h2>特定商取引法に基づく表記</h2><p>代表：伊藤 健二</p><p>所在地：〒321-0905 栃木県宇都宮市平松町412-3</p><p>電話番号：028-637-5521</p>`)}},
		{name: "a second-hand bookshop's footer with its 古物商 licence, address and phone", fire: true, points: 10, evidence: []string{"古物商許可 第221010009876号"},
			site: []string{shopTop, shopHTML("古書 あやめ書房", `<p>古書の通信販売。ご注文はメールで承ります。送料は全国一律500円。</p><footer><p>古書 あやめ書房 宮城県公安委員会 古物商許可 第221010009876号 〒980-0803 仙台市青葉区国分町2-10-3 022-262-4466</p></footer>`)}},
		// rev23 p33 page30: a temple's mail-order page gives the 宗教法人,
		// its address and phone.
		{name: "a temple's contact block: the body, its address and phone", fire: true, points: 10, evidence: []string{"ページ内の会社情報: 宗教法人 長福寺"},
			site: []string{shopTop, shopHTML("お守りの郵送授与", `<p>お守り 800円</p><p>郵送料：一律 250円</p><p>納め金と郵送料は、郵便振替または銀行振込でお納めください。ご入金を確認しましたら、1週間ほどでお送りいたします。</p><p>お問い合わせ</p><p>宗教法人 長福寺（住職 渡邉 道心）</p><p>〒436-0014 静岡県掛川市上屋敷1045</p><p>電話 0537-22-4816</p>`)}},
		{name: "an old shop's footer names the company, its address and phone", fire: true, points: 10, evidence: []string{"ページ内の会社情報: 株式会社柏屋"},
			site: []string{shopTop, shopHTML("ショップ", shop+`<footer><p>株式会社柏屋 〒985-0052 宮城県塩竈市本町3-3 TEL 022-362-0000</p></footer>`)}},
		{name: "a design studio's own footer", fire: true, points: 10,
			site: []string{shopTop, shopHTML("ショップ", shop+`<footer><p>株式会社ひなたデザイン工房 〒980-0811 宮城県仙台市青葉区一番町1-1-1 TEL 022-222-0000</p></footer>`)}},
		{name: "a web designer's credit is not the seller", fire: true, points: 20,
			site: []string{shopTop, shopHTML("ショップ", shop+`<footer><p>サイト制作：株式会社ウェブ工房 〒980-0811 宮城県仙台市青葉区一番町1-1-1 TEL 022-222-0000</p></footer>`)}},
		{name: "a company named without an address in the footer", fire: true,
			site: []string{shopTop, shopHTML("ショップ", shop+`<footer><p>株式会社柏屋 TEL 022-362-0000</p></footer>`)}},
		{name: "link not fetched", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+link)}},
		{name: "disclosure page is a soft error page", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("Not found", "<p>ページが見つかりません</p>")}},
		{name: "privacy page read, disclosure not", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+`<p><a href="/legal/privacy.html">プライバシーポリシー</a> <a href="/tokusho.html">特定商取引法に基づく表記</a></p>`),
				shopTop + "legal/privacy.html", shopHTML("プライバシーポリシー", `<h1>プライバシーポリシー</h1><p>個人情報は発送にのみ使います。</p><p>第三者には渡しません。</p>`)}},
		{name: "older wording of the disclosure link, not read", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+`<p><a href="/hyouji.html">通信販売法に基づく表記</a></p>`)}},
		{name: "about page not read", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+`<p><a href="/about">ABOUT</a></p>`)}},
		{name: "complete", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopLaw("株式会社サクラ")}},
		{name: "full-width phone and address", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社サクラ</p><p>住所：東京都千代田区千代田１－１－１</p><p>ＴＥＬ：０３－１２３４－５６７８</p>`)}},
		{name: "a seller abroad, Taiwanese address and phone", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：茶語堂有限公司</p><p>所在地：臺北市大安區忠孝東路四段216號5樓</p><p>電話番号：+886-2-2771-3058</p>`)}},
		{name: "a seller abroad, address over several lines", fire: true, evidence: []string{"表記に 電話番号 がありません"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：Shenzhen Youpin Trading Co., Ltd.</p><p>所在地：</p><p>Room 1201, Block A, Futian Center</p><p>Futian District, Shenzhen</p><p>China 518000</p>`)}},
		{name: "a bare label, then other fields naming a country", fire: true, evidence: []string{"住所"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社グローバルトレード</p><p>所在地：</p><p>電話番号：03-1234-5678</p><p>発送：中国の倉庫から 7日</p>`)}},
		{name: "no address, a country of origin named", fire: true, evidence: []string{"住所・電話番号 がありません"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社グローバルトレード</p><p>原産国：中国 1年保証</p><p>中国の倉庫から発送のため7〜14日</p>`)}},
		{name: "a seller abroad, address by country, no phone", fire: true, evidence: []string{"電話番号 がありません"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：深圳市优品贸易有限公司</p><p>所在地：中国広東省深圳市龍華区民治街道 1088号</p>`)}},
		{name: "address in a designated city without the prefecture", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：革工房 ノラ（野村 遼）</p><p>所在地：〒064-0807 札幌市中央区南7条西12丁目3-18</p><p>電話番号：090-6219-3304</p>`)}},
		{name: "address in a Tokyo ward without the prefecture", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社サクラ</p><p>所在地：新宿区西新宿2-8-1</p><p>電話番号：03-1234-5678</p>`)}},
		{name: "no phone", fire: true, evidence: []string{"電話番号"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社サクラ</p><p>所在地：東京都千代田区千代田1-1-1</p><p>メール：info@sakura.example</p>`)}},
		{name: "address without block number", fire: true, evidence: []string{"住所"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社サクラ</p><p>所在地：東京都千代田区</p><p>電話番号：03-1234-5678</p>`)}},
		{name: "on request", fire: true, points: 10, evidence: []string{"請求があれば開示"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：鈴木 一郎</p><p>所在地：請求があれば遅滞なく開示いたします</p><p>電話番号：ご請求いただければ遅滞なく開示いたします</p>`)}},
		// One label for both (rev18 honest atelier-kinoko): withheld, not missing.
		{name: "address and phone withheld under one label", fire: true, points: 10, evidence: []string{"所在地: 請求があれば開示", "電話番号: 請求があれば開示"},
			site: []string{shopTop, shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><table><tr><th>販売業者</th><td>アトリエきのこ（木下 奈々）</td></tr><tr><th>所在地・電話番号</th><td>個人で制作しているため、ご請求があった場合には遅滞なく開示いたします。</td></tr><tr><th>メールアドレス</th><td>info@atelier-kinoko.com</td></tr></table>`)}},
		{name: "address and phone given under one label", fire: false,
			site: []string{shopTop, shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社みやぎ商会</p><p>代表者：佐藤 一郎</p><p>住所・電話番号：〒980-0811 宮城県仙台市青葉区一番町3-1-1 022-222-1234</p>`)}},
		{name: "contact withheld under BASE's label", fire: true, points: 10, evidence: []string{"電話番号: 請求があれば開示"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>事業者の名称：佐藤 美和</p><p>事業者の所在地：請求があった場合には遅滞なく開示いたします</p><p>事業者の連絡先：請求があった場合には遅滞なく開示いたします</p>`)}},
		{name: "a mail contact answered without delay withholds no phone", fire: true, points: 20, evidence: []string{"電話番号 がありません"},
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：佐藤 美和</p><p>所在地：宮城県仙台市青葉区本町3-8-1</p><p>連絡先：shop.sato@gmail.com（メールでお問い合わせいただければ遅滞なく返信いたします）</p>`)}},
		{name: "section on the top page", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+`<h2>会社概要</h2><dl><dt>会社名</dt><dd>株式会社サクラ</dd><dt>所在地</dt><dd>大阪府大阪市北区梅田1-2-3</dd><dt>TEL</dt><dd>06-1234-5678</dd></dl>`)}},
		// rev23 p29 page36, p25 page25: a disclosure on one line after its
		// title, its fields between slashes or bars; 「請求があり次第提供」
		// withholds.
		{name: "one line after the title, between slashes, phone on request", fire: true, points: 10, evidence: []string{"電話番号: 請求があれば開示"},
			site: []string{shopTop, shopHTML("プロジェクト", shop+`<p>特定商取引法に関する記載：販売事業者名 松の湯（松井 拓也）／事業者の所在地 東京都墨田区京島3-48-11／電話番号 請求があり次第提供致します／返品・交換：リターンに不備がある場合はメッセージにてご連絡ください。</p>`)}},
		{name: "one line after the title, between bars", fire: false,
			site: []string{shopTop, shopHTML("パン", shop+`<p>特定商取引法に基づく表記｜販売業者：合同会社麦と暮らし｜運営責任者：大野 千尋｜所在地：〒064-0803 北海道札幌市中央区南3条西12丁目326-5｜電話：011-522-8714（10:00～16:00）｜メール：order@mugi-to-kurashi.jp</p>`)}},
		// rev24 p36 page05: a menu's bars on a line of their own (links
		// between them) gave FieldsFunc no field, and parts[0] panicked.
		// (Evaluate swallows a panic: the case fires so that one fails it.)
		{name: "a menu's bars alone on a line beside the disclosure", fire: true, evidence: []string{"電話番号"},
			site: []string{shopTop, shopHTML("パン", shop+`<p>特定商取引法に基づく表記</p><p>販売業者：合同会社麦と暮らし</p><p>所在地：〒064-0803 北海道札幌市中央区南3条西12丁目326-5</p><p><a href="/guide">ご利用ガイド</a>｜<a href="/faq">よくある質問</a></p><p>｜</p><p>/ |</p>`)}},
		{name: "one line after the title, fields between spaces: the page's company details", fire: true, points: 10, evidence: []string{"ページ内の会社情報"},
			site: []string{shopTop, shopHTML("キャンプ用品", shop+`<p>特定商取引法に基づく表記　販売業者：株式会社フォレストギア　責任者：張 麗　所在地：愛知県名古屋市中区栄4-6-11　TEL：052-6671-2043　支払方法：銀行振込</p>`)}},
		// rev23 p27 page25: a breeder's 動物取扱業の表示 (動物愛護管理法)
		// names the seller, the premises and the phone.
		{name: "a breeder's registration display gives the seller", fire: false,
			site: []string{shopTop, shopHTML("子犬情報", shop+`<h2>動物取扱業の表示</h2><table><tr><th>氏名又は名称</th><td>こもれび犬舎（宮坂 智子）</td></tr><tr><th>事業所の名称・所在地</th><td>こもれび犬舎　〒399-3102 長野県下伊那郡高森町山吹 4218-3</td></tr><tr><th>登録番号</th><td>長野県 第 飯伊-販-21037 号</td></tr><tr><th>電話番号</th><td>090-4718-2256</td></tr></table>`)}},
		{name: "a registration number alone gives no seller", fire: true, points: 20,
			site: []string{shopTop, shopHTML("子犬情報", shop+`<h2>動物取扱業の表示</h2><p>第一種動物取扱業（販売） 登録番号 第21037号</p>`)}},
		{name: "disclosure printed as an image", fire: false,
			site: []string{shopTop, shopHTML("ショップ", shop+link), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>当店の特定商取引法に基づく表記は下記の通りです。</p><p><img src="/img/tokusho.png" alt=""></p><p>ご不明な点はお問い合わせください。</p>`)}},
		{name: "not a shop", fire: false,
			site: []string{shopTop, shopHTML("日記", `<p>今日は晴れでした。</p>`)}},
		// Buying and postage in sentences alone (rev21): a blog about what
		// its writer bought, a campaign's results page.
		{name: "a blog telling of buying elsewhere", fire: false,
			site: []string{shopTop, shopHTML("収納ケースを買ってみた | くらしのメモ", `<h1>収納ケースを買ってみた</h1><p>先月、ネットストアで収納ケースを3つ購入しました。送料は5,000円以上で無料になるので、まとめてご購入するのがおすすめです。</p><p>お買い物の参考になればうれしいです。</p>`)}},
		{name: "a campaign's results page paying the postage", fire: false,
			site: []string{shopTop, shopHTML("当選者発表 | 秋の大感謝祭", `<h1>秋の大感謝祭 当選者発表</h1><p>当選された方には、12月上旬に賞品を発送いたします。送料は当店が負担します。</p>`)}},
		{name: "a product's price tag beside a sentence on buying", fire: true,
			site: []string{shopTop, shopHTML("セキュアガード", `<h1>セキュアガード トータルセキュリティ</h1><p>1年版 5,980円（税込）</p><p>ご購入前のお問い合わせはサポートセンターまでお電話ください（平日 9:00〜18:00）。</p>`)}},
		{name: "orders by phone in a sentence, payment terms given", fire: true,
			site: []string{shopTop, shopHTML("みやぎ果樹園", `<h1>みやぎ果樹園</h1><p>りんごのご注文はお電話またはメールで承っております。お気軽にどうぞ。</p><p>お支払い方法は代金引換のみとなります。</p>`)}},
		{name: "a buy button", fire: true,
			site: []string{shopTop, shopHTML("商品", `<p>天然木のまな板。職人がひとつずつ仕上げています。</p><button>購入する</button>`)}},
		{name: "fraud warning page", fire: false,
			site: []string{shopTop, shopHTML("偽ショップ詐欺の手口", `<p>カートに入れた商品の代金を銀行振込させる手口です。</p>`)}},
	})
	// A disclosure page answered with an error status is unknown, not
	// missing, even when the body has text.
	failed := shopSite(t, shopTop, shopHTML("ショップ", shop+link), shopTop+"law.html",
		shopHTML("404", "<h1>404 Not Found</h1><p>お探しのページは見つかりませんでした。</p><p>トップページへ戻る</p><p>サイトマップ</p>"))
	failed.Pages[1].Status = 404
	if signs := Evaluate(failed, []Rule{shopRule(t, "seller-info-missing")}, "ja"); len(signs) != 0 {
		t.Errorf("fired on a failed disclosure page: %+v", signs)
	}
	failed.Pages[1].Status = 200
	if signs := Evaluate(failed, []Rule{shopRule(t, "seller-info-missing")}, "ja"); len(signs) != 1 {
		t.Errorf("a fetched linked page without seller data should fire: %+v", signs)
	}
	// The weak form carries its own message.
	site := shopSite(t, shopTop, shopHTML("ショップ", shop+link), shopTop+"law.html", shopHTML("特定商取引法に基づく表記",
		`<h1>特定商取引法に基づく表記</h1><p>販売業者：鈴木 一郎</p><p>所在地：請求があれば遅滞なく開示いたします</p><p>電話番号：請求があれば遅滞なく開示いたします</p>`))
	signs := Evaluate(site, []Rule{shopRule(t, "seller-info-missing")}, "en")
	if len(signs) != 1 || signs[0].Severity != Low || !strings.Contains(signs[0].Message, "on request") {
		t.Errorf("weak form = %+v", signs)
	}
}

func TestDisclosures(t *testing.T) {
	site := shopSite(t, shopTop, shopHTML("ショップ", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>カート</p>`),
		shopTop+"law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table>
<tr><th>販売業者</th><td>株式会社サクラ</td></tr>
<tr><th>運営統括責任者</th><td>佐藤 次郎</td></tr>
<tr><th>所在地</th><td>〒100-0001 東京都千代田区千代田1-1-1 サクラビル3F</td></tr>
<tr><th>電話番号</th><td>03-1234-5678</td></tr>
<tr><th>メールアドレス</th><td>info@sakura.example.jp</td></tr></table>`))
	ds := Disclosures(site)
	if len(ds) != 1 {
		t.Fatalf("disclosures = %d, want 1 (the footer link is no disclosure)", len(ds))
	}
	d := ds[0]
	if d.Seller != "株式会社サクラ" || d.Manager != "佐藤 次郎" || !strings.HasPrefix(d.Address, "東京都千代田区千代田1-1-1") ||
		d.Phone != "03-1234-5678" || len(d.Emails) != 1 || d.URL != shopTop+"law.html" {
		t.Errorf("disclosure = %+v", d)
	}
	if got := Phones(site); len(got) != 1 || got[0] != "0312345678" {
		t.Errorf("Phones = %v", got)
	}
	clues := ShopClues(site)
	kinds := map[string]int{}
	for _, c := range clues {
		kinds[c.Kind]++
	}
	if kinds["phone"] != 1 || kinds["email"] != 1 || kinds["disclosure"] != 1 {
		t.Errorf("clues = %+v", clues)
	}
}

// TestDisclosureByLink: a page that a 特定商取引法 link leads to is read as
// the disclosure even without a heading or labels; the same page reached
// by no such link is not one.
func TestDisclosureByLink(t *testing.T) {
	about := shopHTML("ABOUT", `<p>山田商店</p><p>東京都新宿区西新宿1-2-3</p><p>03-1234-5678</p>`)
	for _, tc := range []struct {
		link string
		want int
	}{
		{"特定商取引法に基づく表記", 1},
		{"動物取扱業者標識", 1}, // a breeder's (rev23 p27 page25)
		{"ブログ", 0},
	} {
		site := shopSite(t, shopTop, shopHTML("ショップ", `<p><a href="/about.html">`+tc.link+`</a></p><p>カート</p>`), shopTop+"about.html", about)
		ds := Disclosures(site)
		if len(ds) != tc.want {
			t.Errorf("link %q: %d disclosures %+v, want %d", tc.link, len(ds), ds, tc.want)
			continue
		}
		if tc.want == 1 && (ds[0].URL != shopTop+"about.html" || !strings.HasPrefix(ds[0].Address, "東京都新宿区西新宿1-2-3")) {
			t.Errorf("link %q: disclosure %+v", tc.link, ds[0])
		}
	}
}

func TestContactFreeEmail(t *testing.T) {
	cart := `<p>カートに入れる</p>`
	runShopCases(t, "contact-free-email", []shopCase{
		{name: "in the disclosure", fire: true, evidence: []string{"shop.sakura@gmail.com"},
			site: []string{shopTop, shopHTML("ショップ", cart), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：株式会社サクラ</p><p>メールアドレス：shop.sakura@gmail.com</p>`)}},
		{name: "mailto", fire: true, evidence: []string{"sakura-shop@yahoo.co.jp"},
			site: []string{shopTop, shopHTML("ショップ", cart+`<p><a href="mailto:Sakura-Shop@Yahoo.co.jp?subject=order">お問い合わせ</a></p>`)}},
		{name: "labelled on the next line", fire: true, evidence: []string{"sakura@qq.com"},
			site: []string{shopTop, shopHTML("ショップ", cart+`<dl><dt>E-mail</dt><dd>sakura@qq.com</dd></dl>`)}},
		{name: "own domain", fire: false,
			site: []string{shopTop, shopHTML("ショップ", cart+`<p>メール：info@sakura.example.jp</p>`)}},
		{name: "a person as the seller", fire: false,
			site: []string{shopTop, shopHTML("ショップ", cart), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：野口 典子</p><p>メールアドレス：atelier.nori@gmail.com</p>`)}},
		{name: "a trade name with its owner", fire: false,
			site: []string{shopTop, shopHTML("ショップ", cart), shopTop + "law.html", shopHTML("特定商取引法に基づく表記",
				`<h1>特定商取引法に基づく表記</h1><p>販売業者：革工房 ノラ（野村 遼）</p><p>メールアドレス：nora.leather@gmail.com</p>`)}},
		{name: "a marketplace store address", fire: false,
			site: []string{shopTop, shopHTML("ショップ", cart+`<p>ストア問い合わせメールアドレス：zakka-mori@shopping.yahoo.co.jp</p>`)}},
		{name: "advice about receiving mail", fire: false,
			site: []string{shopTop, shopHTML("ショップ", cart+`<p>メール：info@sakura.example.jp</p><p>※gmail.comからのメールを受信できるよう設定してください。</p><p>お問い合わせの際、@gmail.com などのフリーメールは届かないことがあります。例: yourname@gmail.com</p>`)}},
		{name: "address in product text", fire: false,
			site: []string{shopTop, shopHTML("ショップ", cart+`<p>この商品のレビューを書いてくれた someone@gmail.com さん、ありがとう。</p>`)}},
		{name: "carrier mail", fire: false,
			site: []string{shopTop, shopHTML("ショップ", cart+`<p>連絡先：sakura@docomo.ne.jp</p>`)}},
	})
	site := shopSite(t, shopTop, shopHTML("ショップ", `<p>連絡先：Sakura@Gmail.com</p><p><a href="mailto:sakura@gmail.com">mail</a></p>`))
	if got := Emails(site); len(got) != 1 || got[0] != "sakura@gmail.com" {
		t.Errorf("Emails = %v", got)
	}
}

func TestPriceExtremeDiscount(t *testing.T) {
	steep := `<div><del>¥38,000</del> <span>¥4,980</span></div>
<div><p>定価：¥120,000</p><p>販売価格：¥12,800(税込)</p></div>
<div><p>通常価格 52,800円 のところ 特価 7,920円</p></div>
<div><s>￥9,800</s> ￥2,980</div>`
	runShopCases(t, "price-extreme-discount", []shopCase{
		{name: "most steep", fire: true, evidence: []string{"4件中3件が70%超の値引き", "中央値 86%引き", "定価 ¥38,000 → ¥4,980"},
			site: []string{shopTop, shopHTML("s", steep)}},
		// 原価 / 今の価格, as Chinese-run fakes label them; 原価割れ is a
		// price below cost, not a regular price.
		// A furniture store's closing-down sale of display items, in the
		// store only (rev18 honest kagu-maruyama).
		{name: "closing-down sale in the store only", fire: false,
			site: []string{shopTop, shopHTML("閉店売り尽くしセール", steep+`<p>展示品・現品限り。お支払いは店頭で現金・クレジットカードのみ、通信販売は行っておりません。</p>`)}},
		{name: "a shipping limit is no in-store sale (review 19)", fire: true,
			site: []string{shopTop, shopHTML("閉店売り尽くしセール", steep+`<p>※沖縄・離島への配送は行っておりません。</p>`)}},
		{name: "a sale that ships is still read", fire: true,
			site: []string{shopTop, shopHTML("閉店売り尽くしセール", steep+`<p>全国送料無料でお届けします。</p>`)}},
		{name: "原価 and 今の価格", fire: true, evidence: []string{"3件中3件"},
			site: []string{shopTop, shopHTML("s", `<p>炊飯器　原価 ¥39,800 今の価格 ¥5,980</p><p>ドライヤー　原価：¥32,780 今の価格 ¥4,580</p><p>ケトル　原価¥8,980 今の価格 ¥1,380</p>`)}},
		// Badges saying how much is off beside a price shown without its
		// regular price (rev21): the badge gives the pair.
		{name: "percent badges beside sale prices", fire: true, evidence: []string{"3件中3件", "90%OFF ¥19,800（定価の表示なし）"},
			site: []string{shopTop, shopHTML("s", `<p>ルイヴィトン バッグ 90%OFF ¥19,800</p><p>グッチ 財布 85%OFF ¥9,800</p><p>シャネル ショルダー 88%OFF ¥24,800</p>`)}},
		{name: "badges on the line above the price", fire: true, evidence: []string{"3件中3件"},
			site: []string{shopTop, shopHTML("s", `<div><span>-90%</span></div><p>ルイヴィトン バッグ</p><p>¥19,800</p><div><span>-85%</span></div><p>グッチ 財布</p><p>¥9,800</p><div><span>-88%</span></div><p>シャネル</p><p>¥24,800</p>`)}},
		{name: "an up-to banner is no item's badge", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>最大90%OFF</p><p>Tシャツ ¥1,980</p><p>最大90%OFF</p><p>パンツ ¥3,980</p><p>最大90%OFF</p><p>シャツ ¥2,980</p>`)}},
		{name: "a clearance at 70% off is no steep discount", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>Tシャツ 70%OFF ¥1,980</p><p>パンツ 70%OFF ¥3,990</p><p>シャツ 60%OFF ¥2,980</p>`)}},
		{name: "原価割れ is no regular price", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>原価割れ ¥39,800 → ¥5,980</p><p>原価割れ ¥32,780 → ¥4,580</p><p>原価割れ ¥8,980 → ¥1,380</p>`)}},
		// Junk sold as is, and a school bazaar's donated goods, fetch a
		// tenth of the price when new.
		{name: "a junk sale", fire: false,
			site: []string{shopTop, shopHTML("在庫一掃 歳末ジャンクセール", `<h1>歳末 在庫一掃セール（中古・ジャンク品）</h1><p>Nikon AF 28-80mm ジャンク 定価 ¥38,000 → ¥2,200</p><p>Canon EOS Kiss X2 ジャンク 定価 ¥79,800 → ¥3,300</p><p>OLYMPUS PEN E-PL1 ジャンク 定価 ¥59,800 → ¥1,100</p>`)}},
		{name: "a PTA bazaar", fire: false,
			site: []string{shopTop, shopHTML("さくら小 PTAバザー", `<h1>PTAバザー 出品一覧</h1><p>新品タオルセット 定価3,000円 → 300円</p><p>未使用 食器セット 定価8,000円 → 500円</p><p>子ども用スキーウェア 定価12,000円 → 1,000円</p>`)}},
		// A clearance sale's round 「70%OFF」 is no fake shop's 85 %.
		{name: "a 70 % off clearance sale", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>テント 通常価格 ¥49,800 → セール価格 ¥14,940（70%OFF）</p><p>ダウン 通常価格 ¥32,000 → セール価格 ¥9,600（70%OFF）</p><p>シューズ 通常価格 ¥24,200 → セール価格 ¥7,260（70%OFF）</p><p>寝袋 通常価格 ¥18,700 → セール価格 ¥7,480（60%OFF）</p>`)}},
		{name: "across pages", fire: true, evidence: []string{"3件中3件"},
			site: []string{shopTop, shopHTML("s", `<p>定価 ¥10,000 → ¥1,000</p>`), shopTop + "a.html", shopHTML("a", `<p>定価 ¥20,000 → ¥2,000</p>`),
				shopTop + "b.html", shopHTML("b", `<p>定価 ¥30,000 → ¥3,000</p>`)}},
		{name: "labels heading the columns of a table", fire: true, evidence: []string{"4件中4件", "定価 ¥29,700 → ¥6,980"},
			site: []string{shopTop, shopHTML("s", `<table><tr><th>商品名</th><th>通常価格</th><th>特別価格</th></tr>
<tr><td>スニーカー A</td><td>29,700円</td><td>6,980円</td></tr><tr><td>スニーカー B</td><td>14,300円</td><td>3,980円</td></tr>
<tr><td>スニーカー C</td><td>15,400円</td><td>3,480円</td></tr><tr><td>スニーカー D</td><td>16,500円</td><td>3,980円</td></tr></table>`)}},
		{name: "used goods beside their price when new", fire: false,
			site: []string{shopTop, shopHTML("中古カメラ", `<p>中古カメラ・レンズの店です。</p><table>
<tr><td>Nikon F3</td><td>発売時定価 ¥139,000</td><td>販売価格 ¥38,000</td></tr>
<tr><td>Canon AE-1</td><td>発売当時の定価 ¥85,000</td><td>販売価格 ¥14,800</td></tr>
<tr><td>Minolta X-700</td><td>新品定価 ¥71,000</td><td>販売価格 ¥9,800</td></tr>
<tr><td>Pentax SP</td><td>旧定価：¥52,000</td><td>販売価格 ¥8,500</td></tr></table>`)}},
		{name: "a fake shop saying it sells no used goods: 新品定価 is its regular price", fire: true,
			site: []string{shopTop, shopHTML("ブランドバッグ 新品・正規品", `<p>中古品ではありません。古物商許可番号 第123456789号。Never used.</p><table>
<tr><td>A</td><td>新品定価 ¥139,000</td><td>販売価格 ¥13,800</td></tr><tr><td>B</td><td>新品定価 ¥85,000</td><td>販売価格 ¥8,500</td></tr>
<tr><td>C</td><td>新品定価 ¥71,000</td><td>販売価格 ¥7,100</td></tr><tr><td>D</td><td>新品定価 ¥52,000</td><td>販売価格 ¥5,200</td></tr></table>`)}},
		// The same with the price when new struck through: struck or
		// not, a past price is no discount of the shop's.
		{name: "a used-goods shop's struck prices when new", fire: false,
			site: []string{shopTop, shopHTML("ブランドリサイクル | 中古ブランド品の通販", `<p>【中古・ABランク】スピーディ30 新品定価 <s>¥253,000</s> 販売価格 ¥48,000</p>
<p>【中古・Bランク】GGトート 新品定価 <s>¥198,000</s> 販売価格 ¥29,800</p><p>【中古・Aランク】ナイロン リュック 新品定価 <s>¥176,000</s> 販売価格 ¥39,800</p>`)}},
		{name: "a new-goods shop's struck prices", fire: true, evidence: []string{"3件中3件"},
			site: []string{shopTop, shopHTML("ブランドバッグ アウトレット", `<p>スピーディ30 定価 <s>¥253,000</s> 販売価格 ¥48,000</p>
<p>GGトート <s>¥198,000</s> 販売価格 ¥29,800</p><p>ナイロン リュック 新品定価 <s>¥176,000</s> 販売価格 ¥39,800</p>`)}},
		{name: "a used-goods shop's prices when new, 新品 glued", fire: false,
			site: []string{shopTop, shopHTML("中古カメラ", `<p>中古品です。</p><table>
<tr><td>A</td><td>新品定価 ¥139,000</td><td>販売価格 ¥38,000</td></tr><tr><td>B</td><td>新品定価 ¥85,000</td><td>販売価格 ¥14,800</td></tr>
<tr><td>C</td><td>新品定価 ¥71,000</td><td>販売価格 ¥9,800</td></tr><tr><td>D</td><td>新品定価 ¥52,000</td><td>販売価格 ¥8,500</td></tr></table>`)}},
		{name: "a fake shop calls its goods new: 新品 定価", fire: true, evidence: []string{"4件中4件"},
			site: []string{shopTop, shopHTML("ブランド", `<table>
<tr><td>バッグ A</td><td>新品 定価 ¥128,000</td><td>販売価格 ¥12,800</td></tr>
<tr><td>バッグ B</td><td>新品 定価 ¥98,000</td><td>販売価格 ¥9,800</td></tr>
<tr><td>財布 C</td><td>新品の通常価格 ¥68,000</td><td>販売価格 ¥6,800</td></tr>
<tr><td>時計 D</td><td>新品 定価 ¥258,000</td><td>販売価格 ¥25,800</td></tr></table>`)}},
		{name: "honest table of member prices", fire: false,
			site: []string{shopTop, shopHTML("s", `<table><tr><th>商品</th><th>通常価格</th><th>会員価格</th></tr>
<tr><td>珈琲豆 A</td><td>1,200円</td><td>1,080円</td></tr><tr><td>珈琲豆 B</td><td>1,500円</td><td>1,350円</td></tr>
<tr><td>珈琲豆 C</td><td>2,000円</td><td>1,800円</td></tr></table>`)}},
		{name: "table of prices and shipping fees", fire: false,
			site: []string{shopTop, shopHTML("s", `<table><tr><th>地域</th><th>通常価格</th><th>送料</th></tr>
<tr><td>関東</td><td>30,000円</td><td>800円</td></tr><tr><td>関西</td><td>30,000円</td><td>900円</td></tr>
<tr><td>九州</td><td>30,000円</td><td>1,200円</td></tr></table>`)}},
		{name: "half steep", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>定価 ¥10,000 → ¥1,000</p><p>定価 ¥20,000 → ¥2,000</p><p>定価 ¥30,000 → ¥27,000</p><p>定価 ¥40,000 → ¥36,000</p>`)}},
		{name: "two pairs only", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>定価 ¥10,000 → ¥1,000</p><p>定価 ¥20,000 → ¥2,000</p>`)}},
		{name: "honest sale", fire: false,
			site: []string{shopTop, shopHTML("s", `<p><del>¥3,240</del> ¥2,916</p><p>定価 4,980円 → 特価 3,980円</p><p>通常価格 2,200円 → 販売価格 1,980円</p>`)}},
		{name: "same pair repeated", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>定価 ¥10,000 → ¥1,000</p><p>定価 ¥10,000 → ¥1,000</p><p>定価 ¥10,000 → ¥1,000</p>`)}},
		{name: "shipping fees are no sale prices", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>定価 ¥3,000</p><p>送料 ¥500</p><p>定価 ¥4,000</p><p>送料 ¥600</p><p>定価 ¥5,000</p><p>代引手数料 ¥330</p>`)}},
		{name: "coupons and thresholds are no sale prices", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>通常価格 5,000円 → 1,000円OFFクーポン</p><p>通常価格 6,000円 (3,000円以上で送料無料)</p><p>定価 9,800円 最大1,000ポイント還元</p>`)}},
		{name: "prices without regular ones", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>¥38,000</p><p>¥4,980</p><p>¥1,000</p><p>送料 ¥500</p>`)}},
	})
	pairs := PricePairs(shopSite(t, shopTop, shopHTML("s", `<p>通常価格 ¥298,000 のところ 今だけ ¥39,800</p><p>メーカー希望小売価格 1,580,000円 → 特価 158,000円</p>`)))
	if len(pairs) != 2 || pairs[0].Regular != 298000 || pairs[0].Sale != 39800 || pairs[1].Regular != 1580000 || pairs[1].Sale != 158000 {
		t.Errorf("pairs = %+v", pairs)
	}
}

func TestJapaneseUnnatural(t *testing.T) {
	natural := `<p>宮城の酒蔵から直接仕入れた地酒をお届けしています。ご注文から三日ほどで発送いたしますので、どうぞお気軽にお問い合わせください。</p>
<p>季節ごとに限定のお酒をご用意しております。冷やしても温めてもおいしくお召し上がりいただけます。</p>`
	broken := `<p>当店は正规品专卖店です。全ての商品は品質保証です。</p><p>ご注文確認後、24時間以内に发货します。お客様の满意は我们の追求です。</p>
<p>商品の到着までお待ちください。ありがとうございます。送料は無料でお届けします。</p>`
	runShopCases(t, "japanese-unnatural", []shopCase{
		{name: "simplified share", fire: true, evidence: []string{"簡体字など", "规"},
			site: []string{shopTop, shopHTML("s", broken)}},
		{name: "stock phrases", fire: true, evidence: []string{"不自然な表現"},
			site: []string{shopTop, shopHTML("s", natural+`<p>ご注文確認後、私たちは発送します。あなたの注文は大切です。ご安心してください。</p>`)}},
		{name: "a fake shop's vows", fire: true, evidence: []string{"全部正規品", "お客様の満足は我々の追求"},
			site: []string{shopTop, shopHTML("s", natural+`<p>全部正規品、品質の保証、安心してご購入ください。お客様の満足は我々の追求です。</p>`)}},
		// rev24 QA: a translated shop's vows to its customer.
		{name: "vows in translated pronouns", fire: true, evidence: []string{"私たちの最大の追求", "私たちはあなたのために", "最も速い速度で"},
			site: []string{shopTop, shopHTML("s", natural+`<p>お客様の満足は私たちの最大の追求です。何か問題があれば、私たちはあなたのために解決します。注文の後で、私達は最も速い速度で発送します。</p>`)}},
		// rev22 probe 05: a particle dropped before できる, a doubled
		// negative ending, a vow of "all official".
		{name: "dropped particle and doubled ending", fire: true, evidence: []string{"ことできます", "ませんです", "全部公式正規品"},
			site: []string{shopTop, shopHTML("s", natural+`<p>市場で品切れの商品も当店では購入ことできます。全部公式正規品です。</p><p>クレジットカードは使いませんです。</p>`)}},
		{name: "natural", fire: false, site: []string{shopTop, shopHTML("s", natural)}},
		{name: "two phrases", fire: false,
			site: []string{shopTop, shopHTML("s", natural+`<p>あなたの注文は大切です。ご安心してください。</p>`)}},
		{name: "one overlapping phrase counts once", fire: false,
			site: []string{shopTop, shopHTML("s", natural+`<p>100%正品保証。</p>`)}},
		{name: "a stray character", fire: false,
			site: []string{shopTop, shopHTML("s", natural+`<p>中国語の「这」は「これ」という意味です。</p>`)}},
		{name: "Japanese kanji outside Shift_JIS", fire: false,
			site: []string{shopTop, shopHTML("s", natural+`<p>𠮟る、剝がす、頰、塡める、森鷗外、噓、屛風、瘦せる、繫ぐ。</p>`)}},
		{name: "Chinese sentences on a Japanese page", fire: true, evidence: []string{"簡体字など"},
			site: []string{shopTop, shopHTML("s", natural+`<p>本店所有商品均为正品，支持专柜验货。下单后48小时内发货，全国包邮。</p>`)}},
		{name: "a Chinese grocery's product names", fire: false,
			site: []string{shopTop, shopHTML("s", natural+`<ul><li>老干妈 风味豆豉油制辣椒 280g 498円</li><li>康师傅 红烧牛肉面 5袋入 780円</li>
<li>卫龙 大面筋 106g 298円</li><li>白象 汤好喝 老母鸡汤面 5袋入 880円</li><li>旺旺 雪饼 520g 698円</li></ul>`)}},
		{name: "Chinese page", fire: false,
			site: []string{shopTop, `<html lang="zh-CN"><head><title>品牌折扣</title></head><body><p>这里是日本最大的品牌折扣商城。质量保证，假一赔十。我们的客服会在24小时内回复您的问题。</p></body></html>`}},
		{name: "zh edition of a Japanese shop", fire: false,
			site: []string{shopTop + "zh/", shopHTML("s", broken)}},
		{name: "Chinese text without lang, little kana", fire: false,
			site: []string{shopTop, shopHTML("s", `<p>这里是日本最大的品牌折扣商城。质量保证，假一赔十。我们的客服会在24小时内回复您的问题。欢迎光临本店，所有商品均为正品。</p>`)}},
	})
	if !ChineseOnlyHan('这') || !ChineseOnlyHan('么') || ChineseOnlyHan('剝') || ChineseOnlyHan('与') || ChineseOnlyHan('写') || ChineseOnlyHan('山') {
		t.Errorf("ChineseOnlyHan misclassifies")
	}
}

// TestShopHonestShops runs every shop sign over the honest shops of the
// brief: only the signs each deserves may fire.
func TestShopHonestShops(t *testing.T) {
	law := shopLaw("株式会社サクラ")
	cases := []struct {
		name string
		site []string
		want string // sorted sign ids, comma-separated
	}{
		{"company shop, many methods, カ) account",
			[]string{shopTop, shopHTML("サクラ", `<p>カートに入れる</p><p>お支払い方法：クレジットカード、代金引換、コンビニ決済、銀行振込</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 カ)サクラ</p><p><a href="/law.html">特定商取引法に基づく表記</a></p>`),
				shopTop + "law.html", law}, ""},
		{"honest shop taking bank transfer only",
			[]string{shopTop, shopHTML("サクラ", `<p>カートに入れる</p><p>お支払い方法：銀行振込のみ</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 カ)サクラ</p><p><a href="/law.html">特定商取引法に基づく表記</a></p>`),
				shopTop + "law.html", law}, "payment-transfer-only"},
		{"sole proprietor, card and transfer to her own account",
			[]string{shopTop, shopHTML("はなこ工房", `<p>カートに入れる</p><p>お支払い方法：クレジットカード、銀行振込</p><p>振込先：ゆうちょ銀行 記号 10120 番号 12345671 ヤマダ ハナコ</p><p><a href="/law.html">特定商取引法に基づく表記</a></p>`),
				shopTop + "law.html", shopLaw("山田 花子")}, "account-personal-name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			signs := Evaluate(shopSite(t, c.site...), shopRules(), "ja")
			if got := strings.Join(shopSignIDs(signs), ","); got != c.want {
				t.Errorf("signs = %s, want %q", got, c.want)
				for _, s := range signs {
					t.Logf("%s: %s", s.ID, s.Evidence)
				}
			}
		})
	}
}

// TestShopRulesWellFormed checks the rule list: the contract's ids, the
// planned points, topic shopping, page needed, both languages.
func TestShopRulesWellFormed(t *testing.T) {
	want := map[string]int{
		"payment-transfer-only": 25, "account-personal-name": 15, "account-name-mismatch": 25,
		"account-listed": 60, "seller-info-missing": 20, "contact-free-email": 5,
		"price-extreme-discount": 20, "japanese-unnatural": 20,
	}
	rs := shopRules()
	if len(rs) != len(want) {
		t.Fatalf("%d shop rules, want %d", len(rs), len(want))
	}
	for _, r := range rs {
		p, ok := want[r.ID]
		if !ok || r.Points != p {
			t.Errorf("%s: points %d, want %d", r.ID, r.Points, p)
		}
		if r.Topic != "shopping" || !r.NeedsPage || r.Check == nil {
			t.Errorf("%s: topic %q, needs page %v", r.ID, r.Topic, r.NeedsPage)
		}
		if r.Summary.JA == "" || r.Summary.EN == "" || r.Message.JA == "" || r.Message.EN == "" {
			t.Errorf("%s: a text is missing", r.ID)
		}
		if (r.Points >= 25) != (r.Severity == High) {
			t.Errorf("%s: severity %s for %d points", r.ID, r.Severity, r.Points)
		}
	}
}

// TestShopScamPage: a page about fraud (a consumer centre's warning, a news
// item) is skipped by the signs that read a shop's own terms; a fake shop
// that titles itself 「…｜偽サイトにご注意ください」 still sells, and is read.
func TestShopScamPage(t *testing.T) {
	page := func(title, body string) *Page {
		return NewPage("https://x.example/", 200, "text/html", shopHTML(title, body), false)
	}
	for _, c := range []struct {
		name string
		p    *Page
		want bool
	}{
		{"consumer centre's warning", page("偽ショッピングサイトにご注意ください", `<p>支払方法が「お支払い方法：銀行振込のみ」となっているサイトに注意してください。相談事例では「定価 ¥38,000 → ¥5,980」「¥52,800 → ¥7,800」「24,000円 → 3,480円」「9,800円」「1,980円」。</p>`), true},
		{"three warning lines", page("お知らせ", `<p>偽サイトが増えています。</p><p>詐欺の手口をご紹介します。</p><p>被害に遭ったら警察へ。</p>`), true},
		{"fake shop titled with a warning", page("ブランド公式アウトレット｜偽サイトにご注意ください", `<p>通常価格 50,000円 → 4,980円</p><p>お支払い方法：銀行振込のみ</p>`), false},
		{"fake shop with a warning heading and a transfer account", page("アウトレット", `<h1>当店を装った偽サイトにご注意ください</h1><p>振込先：三井住友銀行 新宿支店 普通 1234567</p>`), false},
		{"shop with a cart and a warning heading", page("雑貨の店", `<h1>偽サイトにご注意</h1><p>マグカップ 1,980円</p><button>カートに入れる</button>`), false},
		// rev25 p39 page04: a blog post about a fake rice shop, quoting
		// its terms on lines of their own.
		{"a blog post titled and headed with fraud, quoting the terms", page("激安のお米サイトで買いかけた話【詐欺サイトの見分け方】", `<h1>激安のお米サイトで買いかけた話【詐欺サイトの見分け方】</h1><p>でも注文ボタンを押す前に、念のため夫に見せたら「これ詐欺じゃない？」と。</p><p>支払い方法：銀行振込<br>口座名義：チン ショウ</p>`), true},
		{"a shop titled and headed with a warning, with a cart", page("公式アウトレット｜偽サイトにご注意ください", `<h1>偽サイトにご注意ください</h1><p>お支払い方法：銀行振込のみ</p><p>スニーカー 4,980円</p><button>カートに入れる</button>`), false},
		{"a dish named Scampi", page("Scampi & Pasta｜お取り寄せ", `<p>エビのパスタ 1,980円</p>`), false},
		{"a consumer centre quoting a fake's terms on their own lines", page("偽ショッピングサイトにご注意", `<p>偽サイトの被害が増えています。</p><p>詐欺の手口をご紹介します。</p><p>次のような表示は詐欺の特徴です。</p><p>お支払い方法：銀行振込のみ</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 リ ショウ</p><p>被害に遭ったら相談を。</p><p>消費生活センターへ。</p>`), true},
	} {
		if got := shopScamPage(c.p); got != c.want {
			t.Errorf("%s: shopScamPage = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestSellerDeadLinks: a dead link to a product says nothing of the
// disclosure (a fake shop could add one to hide a missing disclosure); a
// dead link to the disclosure itself makes it unknown, never missing.
func TestSellerDeadLinks(t *testing.T) {
	r := shopRule(t, "seller-info-missing")
	top := shopHTML("激安ストア", `<p>人気商品 ¥4,980 送料無料</p><a href="/item/9">売り切れ商品</a><a href="HTTPS://SHOP.EXAMPLE/about">会社概要</a><button>カートに入れる</button>`)
	about := shopHTML("会社概要", `<h1>会社概要</h1><p>ショップ名: 激安ストア</p><p>営業時間: 10時から18時</p><p>定休日: 日曜日</p>`)
	for _, c := range []struct {
		name  string
		pages []*Page
		fire  bool
	}{
		{"dead product link, disclosure read and lacking", []*Page{
			NewPage("https://shop.example/", 200, "text/html", top, false),
			NewPage("https://shop.example/item/9", 404, "text/html", shopHTML("404", "<p>Not Found</p>"), false),
			NewPage("https://shop.example/about", 200, "text/html", about, false),
		}, true},
		{"dead disclosure link", []*Page{
			NewPage("https://shop.example/", 200, "text/html", top, false),
			NewPage("https://shop.example/about", 404, "text/html", shopHTML("404", "<p>Not Found</p>"), false),
		}, false},
	} {
		site := &Site{URL: "https://shop.example/", Pages: c.pages, Data: DefaultData()}
		if got := len(Evaluate(site, []Rule{r}, "ja")) > 0; got != c.fire {
			t.Errorf("%s: seller-info-missing fired %v, want %v", c.name, got, c.fire)
		}
	}
}

// TestShopCluesPlatform: what a shop platform or payment agent gives every
// seller ties no sites together; an account is a clue by bank and number,
// however its branch and holder are written.
// TestShopCluesOthers: what two unrelated shops may both print ties them
// into no campaign (rev25 QA D1, D2, D4): a courier's centre, the consumer
// hotline or the police in the disclosure, a platform's withheld-on-request
// text in every field, an account number whose bank was not read. The
// seller's own phone stays a clue, beside a courier's.
func TestShopCluesOthers(t *testing.T) {
	law := func(rows string) *Site {
		return shopSite(t, shopTop, shopHTML("ショップ", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>カート</p>`),
			shopTop+"law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table>`+rows+`</table>`))
	}
	clues := func(site *Site) map[string]bool {
		m := map[string]bool{}
		for _, c := range ShopClues(site) {
			m[c.Kind+" "+c.Value] = true
		}
		return m
	}
	got := clues(law(`<tr><th>販売業者</th><td>株式会社エービーシー商事</td></tr><tr><th>所在地</th><td>東京都港区芝公園4-2-8</td></tr><tr><th>電話番号</th><td>03-6100-1002</td></tr>
<tr><th>配送方法</th><td>ヤマト運輸（お問い合わせ 0120-01-9625）</td></tr><tr><th>苦情・相談窓口</th><td>国民生活センター 03-3446-1623</td></tr>`))
	if !got["phone 0361001002"] || got["phone 0120019625"] || got["phone 0334461623"] {
		t.Errorf("clues %v: want the seller's phone 0361001002 and neither the courier's nor the hotline's", got)
	}
	got = clues(law(`<tr><th>販売業者</th><td>株式会社エービーシー商事</td></tr><tr><th>所在地</th><td>東京都港区芝公園4-2-8</td></tr>
<tr><th>ご注意</th><td>当社を装った偽サイトにご注意ください。被害に遭われた方は警視庁（03-3581-4321）へ</td></tr><tr><th>連絡先</th><td>03-6100-1002</td></tr>`))
	if !got["phone 0361001002"] || got["phone 0335814321"] {
		t.Errorf("clues %v: want the seller's phone 0361001002 and not the police's", got)
	}
	withheld := `<tr><th>販売業者</th><td>請求があった場合、遅滞なく開示いたします。</td></tr><tr><th>所在地</th><td>請求があった場合、遅滞なく開示いたします。</td></tr><tr><th>電話番号</th><td>請求があった場合、遅滞なく開示いたします。</td></tr><tr><th>販売価格</th><td>各商品ページに記載</td></tr>`
	for c := range clues(law(withheld)) {
		if strings.HasPrefix(c, "disclosure ") {
			t.Errorf("a text withholding every field became a clue: %s", c)
		}
	}
	own := `<tr><th>販売業者</th><td>株式会社エービーシー商事</td></tr><tr><th>所在地</th><td>東京都港区芝公園4-2-8</td></tr><tr><th>電話番号</th><td>03-6100-1002</td></tr>`
	n := 0
	for c := range clues(law(own)) {
		if strings.HasPrefix(c, "disclosure ") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("a seller's own disclosure gave %d disclosure clues, want 1", n)
	}
	// A kit that presents itself as a card company copies its footer, the
	// customer centre's number with it: no clue.
	kit := shopSite(t, "https://vpass-check.example.top/", phDoc("Vpassログイン|三井住友カード", `<h1>三井住友カード</h1><form method="post"><label>ID<input name="id"></label><label>パスワード<input type="password" name="pw"></label></form><footer><p>三井住友カード お問い合わせ</p><p>TEL：0120-816-437</p></footer>`))
	for c := range clues(kit) {
		if strings.HasPrefix(c, "phone ") {
			t.Errorf("a kit's copied customer centre became a clue: %s", c)
		}
	}
	for c := range clues(law(`<tr><th>販売業者</th><td>激安ストア</td></tr><tr><th>振込先</th><td>口座番号：4455660 口座名義：オノ ユキ</td></tr>`)) {
		if strings.HasPrefix(c, "account |") {
			t.Errorf("an account without its bank gave %q", c)
		}
	}
}

func TestShopCluesPlatform(t *testing.T) {
	law := func(rows string) *Site {
		return shopSite(t, shopTop, shopHTML("ショップ", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>カート</p>`),
			shopTop+"law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1><table>`+rows+`</table>`))
	}
	base := law(`<tr><th>販売業者</th><td>ひのき工房 木村 健</td></tr>
<tr><th>所在地</th><td>〒106-6237 東京都港区六本木三丁目2番1号 住友不動産六本木グランドタワー37F（BASE株式会社内）</td></tr>
<tr><th>電話番号</th><td>050-3188-8080（BASE株式会社 サポート窓口）</td></tr>
<tr><th>メールアドレス</th><td>support@thebase.in</td></tr>
<tr><th>お支払い</th><td>銀行振込（GMOあおぞらネット銀行 法人営業部 普通 7654321 ジーエムオーペイメントゲートウェイ（カ））</td></tr>`)
	for _, c := range ShopClues(base) {
		if c.Kind != "disclosure" {
			t.Errorf("a platform's %s became a clue: %s", c.Kind, c.Value)
		}
	}
	keys := map[string]bool{}
	for _, branch := range []string{"渋谷支店", "２３４支店", "シブヤ支店", ""} {
		site := law(`<tr><th>販売業者</th><td>激安ストア</td></tr><tr><th>振込先</th><td>三井住友銀行 ` + branch + ` 普通 1234567 ヤマダ タロウ</td></tr>`)
		for _, c := range ShopClues(site) {
			if c.Kind == "account" {
				keys[c.Value] = true
			}
		}
	}
	// The bank named without 銀行 after a bank label, the other fields on
	// the same line (rev21): the same clue.
	site := law(`<tr><th>販売業者</th><td>激安ストア</td></tr><tr><th>お支払い</th><td>振込先銀行：三井住友 新宿支店（店番号221）普通預金 口座番号：１２３４５６７ 口座名義：ﾔﾏﾀﾞ ﾀﾛｳ</td></tr>`)
	var run []string
	for _, c := range ShopClues(site) {
		if c.Kind == "account" {
			keys[c.Value] = true
			run = append(run, c.Value)
		}
	}
	if len(run) != 2 || !slices.Contains(run, "三井住友|1234567") {
		t.Errorf("account clues of a bank named without 銀行: %v, want 三井住友|1234567 and 1234567|ヤマダタロウ", run)
	}
	if len(keys) != 2 || !keys["三井住友|1234567"] || !keys["1234567|ヤマダタロウ"] {
		t.Errorf("account clues %v, want two: 三井住友|1234567 and 1234567|ヤマダタロウ", keys)
	}
	// The bank spelt otherwise or left out: the number and the holder
	// still tie the sites together.
	for _, bank := range []string{"Rakuten Bank 第一営業支店", "第一営業支店"} {
		site := law(`<tr><th>販売業者</th><td>激安ストア</td></tr><tr><th>振込先</th><td>` + bank + ` 普通 1234567 ヤマダ タロウ</td></tr>`)
		var got []string
		for _, c := range ShopClues(site) {
			if c.Kind == "account" {
				got = append(got, c.Value)
			}
		}
		if !slices.Contains(got, "1234567|ヤマダタロウ") {
			t.Errorf("%s: account clues %v, want 1234567|ヤマダタロウ among them", bank, got)
		}
	}
}

// TestAccountMatchesBranch: a listed account's branch cannot be compared
// with one written another way (a number, a reading) or not printed: the
// number, bank and holder decide; two branch names do differ.
func TestAccountMatchesBranch(t *testing.T) {
	listed := Account{Bank: "三井住友銀行", Branch: "渋谷", Number: "1234567", Holder: "ヤマダ タロウ"}
	for _, c := range []struct {
		branch string
		ok     bool
	}{{"渋谷支店", true}, {"234支店", true}, {"シブヤ支店", true}, {"", true}, {"新宿支店", false}} {
		a := BankAccount{Bank: "三井住友銀行", Branch: c.branch, Number: "1234567", Holder: "ヤマダ タロウ",
			BankKey: NormalizeBankName("三井住友銀行"), BranchKey: NormalizeBranchName(c.branch), NumberKey: "1234567", HolderKey: FoldKana("ヤマダ タロウ")}
		if _, ok := AccountMatches(a, listed); ok != c.ok {
			t.Errorf("branch %q: matches %v, want %v", c.branch, ok, c.ok)
		}
	}
}

// TestTransferOnlyNamesPayPaySend: when PayPay送金 is one of the two ways
// to pay, or the other methods listed were withdrawn, the message says so
// (the evidence names them; a message saying "bank transfer only" would
// seem to contradict it).
func TestTransferOnlyNamesPayPaySend(t *testing.T) {
	r := shopRule(t, "payment-transfer-only")
	for _, tc := range []struct {
		body, lang, want string
	}{
		{`<p>お支払い方法：銀行振込またはPayPay送金</p>`, "ja", "PayPay送金"},
		{`<p>お支払い方法：銀行振込またはPayPay送金</p>`, "en", "PayPay money transfer"},
		{`<p>お支払い方法：銀行振込のみ</p>`, "ja", "支払方法が銀行振込だけです"},
		{`<p>お支払い方法：PayPay送金のみ</p>`, "ja", "支払方法がPayPay送金（相手のPayPayアカウントへの送金）だけです"},
		{`<p>お支払い方法：PayPay送金のみ</p>`, "en", "The only way to pay is PayPay money transfer"},
		{`<p>お支払い：銀行振込・代金引換・楽天ペイ</p><p>現在、代金引換および楽天ペイのお取扱いを一時停止しております。</p>`, "ja", "選べるのは銀行振込だけです"},
		{`<p>お支払い：銀行振込・代金引換・楽天ペイ</p><p>現在、代金引換および楽天ペイのお取扱いを一時停止しております。</p>`, "en", "bank transfer is the only choice"},
	} {
		signs := Evaluate(shopSite(t, shopTop, shopHTML("ショップ", tc.body)), []Rule{r}, tc.lang)
		if len(signs) != 1 || !strings.Contains(signs[0].Message, tc.want) {
			t.Errorf("%s (%s): %+v, want a message with %q", tc.body, tc.lang, signs, tc.want)
		}
	}
}

// TestEvidenceInEnglish: the words a sign writes around what it found are
// in the reader's language; what it quotes from the page is not changed.
func TestEvidenceInEnglish(t *testing.T) {
	r := shopRule(t, "contact-free-email")
	site := shopSite(t, shopTop, shopHTML("ショップ", `<p>お支払い方法：銀行振込</p><p>お問い合わせ：kawaii.shop.2026@gmail.com</p><div class="cart">カートに入れる</div>`))
	for lang, want := range map[string]string{"ja": "連絡先メール: kawaii.shop.2026@gmail.com", "en": "contact e-mail: kawaii.shop.2026@gmail.com"} {
		signs := Evaluate(site, []Rule{r}, lang)
		if len(signs) != 1 || signs[0].Evidence != want {
			t.Errorf("%s: %+v, want evidence %q", lang, signs, want)
		}
	}
}

// TestPhonesFromDisclosureText checks that a phone number in a seller
// disclosure counts (as a clue) where no phone label stands before it: the
// disclosure's whole text is read, not only the labelled lines.
func TestPhonesFromDisclosureText(t *testing.T) {
	site := shopSite(t, shopTop, shopHTML("ショップ", `<p><a href="/law.html">特定商取引法に基づく表記</a></p><p>カート</p>`),
		shopTop+"law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1>
<p>販売業者：株式会社サクラ</p><p>所在地：東京都千代田区千代田1-1-1</p>
<p>お客様窓口 0120-123-456（平日10時～17時）</p>`))
	for i := range 2 { // the second time from what the pages keep
		if got := Phones(site); !slices.Equal(got, []string{"0120123456"}) {
			t.Errorf("round %d: Phones = %v, want the disclosure's 0120123456", i, got)
		}
	}
	if got := shopPagePhones(site.Pages[1]); len(got) != 0 {
		t.Errorf("the page's labelled phones = %v: the test lost its unlabelled line", got)
	}
}

// TestDisclosureImage: a disclosure drawn as an image is named, so the
// result can say what was not read; one whose fields are text, or that
// says they are given on request, or that shows no image, is not.
func TestDisclosureImage(t *testing.T) {
	link := `<p><a href="/law.html">特定商取引法に基づく表記</a></p>`
	law := func(body string) *Site {
		return shopSite(t, shopTop, shopHTML("ショップ", `<p>手作り雑貨</p>`+link), shopTop+"law.html", shopHTML("特定商取引法に基づく表記", `<h1>特定商取引法に基づく表記</h1>`+body))
	}
	for _, c := range []struct {
		name string
		site *Site
		want string
	}{
		{"an image", law(`<p><img src="/img/tokusho.png" alt=""></p>`), shopTop + "law.html"},
		{"an image beside a line of words", law(`<p>当店の表記は下記の通りです。</p><img src="/t.png" alt="">`), shopTop + "law.html"},
		{"the fields as text", law(`<p>販売業者：佐藤 美和</p><p>所在地：宮城県仙台市青葉区本町3-8-1</p><img src="/logo.png" alt="">`), ""},
		{"given on request", law(`<p>所在地：請求があった場合には遅滞なく開示いたします</p><img src="/t.png" alt="">`), ""},
		{"no image", law(`<p>準備中です。</p>`), ""},
		{"no disclosure", shopSite(t, shopTop, shopHTML("日記", `<p>今日は晴れでした。</p><img src="/a.png">`)), ""},
	} {
		if got := DisclosureImage(c.site); got != c.want {
			t.Errorf("%s: DisclosureImage = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestShopLangFires: japanese-unnatural's thresholds, the characters and
// the phrases alone and together (figures of rev25 p39 pages and honest
// foreign shops).
func TestShopLangFires(t *testing.T) {
	ph := func(n int) []string { return make([]string, n) }
	for _, c := range []struct {
		name string
		st   LangStats
		want bool
	}{
		{"5 characters in 137 kanji", LangStats{Han: 137, ChineseHan: 5}, true},
		{"6 characters in 242 kanji, no phrase (2.48%)", LangStats{Han: 242, ChineseHan: 6}, false},
		{"6 characters in 242 kanji and a stock phrase", LangStats{Han: 242, ChineseHan: 6, Phrases: ph(1)}, true},
		{"3 characters in 173 kanji and 版权所有", LangStats{Han: 173, ChineseHan: 3, Phrases: ph(1)}, true},
		{"3 characters in 300 kanji and one phrase (1%)", LangStats{Han: 300, ChineseHan: 3, Phrases: ph(1)}, false},
		{"2 characters in 231 kanji and one phrase", LangStats{Han: 231, ChineseHan: 2, Phrases: ph(1)}, false},
		{"an honest Chinese shop: 4 characters in 507 kanji", LangStats{Han: 507, ChineseHan: 4}, false},
		{"two phrases alone", LangStats{Han: 190, Phrases: ph(2)}, false},
		{"two phrases and a character", LangStats{Han: 400, ChineseHan: 1, Phrases: ph(2)}, true},
		{"three phrases", LangStats{Han: 169, Phrases: ph(3)}, true},
		{"one phrase", LangStats{Han: 268, Phrases: ph(1)}, false},
	} {
		if got := shopLangFires(c.st); got != c.want {
			t.Errorf("%s: fires %v, want %v", c.name, got, c.want)
		}
	}
}

// TestYuchoNumberKey: a ゆうちょ account printed as 記号-番号 and as 店番 and
// account number is one key, for campaigns and for a fraud list (rev25 QA
// D7: a gang printing both ways was split).
func TestYuchoNumberKey(t *testing.T) {
	for _, c := range []struct{ bank, number, want string }{
		{"ユウチヨ", "12340-88776651", "8877665"},
		{"ユウチヨ", "10120-1234561", "0123456"},
		{"", "12340-88776651", "8877665"},
		{"ユウチヨ", "8877665", "8877665"},
		{"三井住友", "12340-88776651", "1234088776651"},
		{"ユウチヨ", "02240-1-55555", "02240155555"},
	} {
		if got := shopYuchoAccountNumber(c.bank, c.number); got != c.want {
			t.Errorf("%s %s: %s, want %s", c.bank, c.number, got, c.want)
		}
	}
	kigo := Accounts(shopSite(t, shopTop, shopHTML("振込先", `<p>ゆうちょ銀行 記号 12340 番号 88776651 ヤマダ タロウ</p>`)))
	ten := Accounts(shopSite(t, shopTop, shopHTML("振込先", `<p>ゆうちょ銀行 二三八店 普通 8877665 ヤマダ タロウ</p>`)))
	if len(kigo) != 1 || len(ten) != 1 || kigo[0].ClueKey() != ten[0].ClueKey() {
		t.Fatalf("keys %+v and %+v differ", kigo, ten)
	}
	for _, f := range []Account{{Bank: "ゆうちょ銀行", Number: "12340-88776651"}, {Number: "12340-88776651"}, {Bank: "ゆうちょ銀行", Number: "8877665"}} {
		for _, a := range []BankAccount{kigo[0], ten[0]} {
			if _, ok := AccountMatches(a, f); !ok {
				t.Errorf("list entry %+v does not match %s", f, a.Describe())
			}
		}
	}
}

// TestDisclosureClueIsTheFields: the disclosure's campaign key is its
// labelled fields, not the page around them (qa26e D1: one table copied
// onto three shops whose headers name each shop gave three keys; D2: three
// honest shops on one builder whose disclosure a script draws were one
// campaign by the theme's header and footer).
func TestDisclosureClueIsTheFields(t *testing.T) {
	table := `<table><tr><th>販売業者</th><td>株式会社ライトトレード</td></tr><tr><th>所在地</th><td>東京都新宿区西新宿1-1-1</td></tr>
<tr><th>電話番号</th><td>03-6868-1234</td></tr><tr><th>支払方法</th><td>銀行振込</td></tr></table>`
	clue := func(shop, body string) string {
		site := shopSite(t, "https://"+shop+".example/", shopHTML(shop, `<header><p>`+shop+` 公式通販</p></header><h1>特定商取引法に基づく表記</h1>`+body+`<footer><p>© `+shop+` All rights reserved.</p></footer>`))
		for _, c := range ShopClues(site) {
			if c.Kind == "disclosure" {
				return c.Value
			}
		}
		return ""
	}
	a, b := clue("shop-a", table), clue("shop-b", table)
	if a == "" || a != b {
		t.Errorf("one table on two shops: keys %q and %q, want one", a, b)
	}
	if c := clue("shop-c", strings.Replace(table, "03-6868-1234", "03-6868-9999", 1)); c == a {
		t.Errorf("another phone in the table: the same key %q", c)
	}
	if d := clue("shop-d", `<div id="law"></div><p>Powered by カラフルショップ</p><p>© Colorful Shop Inc.</p>`); d != "" {
		t.Errorf("a page whose fields a script draws: key %q, want none", d)
	}
}

// TestMailboxKey: one Gmail box written with dots, a +tag or
// googlemail.com is one campaign key (qa26e D6); other providers' names
// are kept as written.
func TestMailboxKey(t *testing.T) {
	for in, want := range map[string]string{
		"ring.shop@gmail.com":         "ringshop@gmail.com",
		"ringshop+a@gmail.com":        "ringshop@gmail.com",
		"r.i.n.g.shop@googlemail.com": "ringshop@gmail.com",
		"ring.shop@yahoo.co.jp":       "ring.shop@yahoo.co.jp",
		"info+x@shop.example.jp":      "info+x@shop.example.jp",
	} {
		if got := mailboxKey(in); got != want {
			t.Errorf("mailboxKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMerchantSignsNotOnBrandDomains: a listed brand's own domain (a
// flea market's listing, a card company's help page) is no unknown
// merchant; a page on a user-content host under a brand's domain
// (sites.google.com) still is (p47 page53, p43 page07).
func TestMerchantSignsNotOnBrandDomains(t *testing.T) {
	body := shopHTML("出品", `<h1>iPhone 15 128GB 美品</h1><p>価格 ¥98,000 送料込み</p><p>カートに入れる</p><p>お支払いは銀行振込のみです。</p>`)
	for host, want := range map[string]bool{
		"jp.mercari.com":      false,
		"www.smbc-card.com":   false,
		"sites.google.com":    true,
		"iphone-sale.example": true,
	} {
		site := shopSite(t, "https://"+host+"/item/1", body)
		site.Host = host
		got := false
		for _, s := range Evaluate(site, append(shopRules(), fluentRules()...), "ja") {
			if s.ID == "seller-info-missing" || s.ID == "payment-transfer-only" {
				got = true
			}
		}
		if got != want {
			t.Errorf("%s: merchant signs %v, want %v", host, got, want)
		}
	}
}
