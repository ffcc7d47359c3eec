package rules

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/publicsuffix"
)

// phPage reads a fixture page under testdata/phishing as served from pageURL.
func phPage(t *testing.T, file, pageURL string) *Page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "phishing", file))
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	return NewPage(pageURL, 200, "text/html; charset=utf-8", string(b), false)
}

// phHTML makes a page from inline HTML.
func phHTML(pageURL, body string) *Page {
	return NewPage(pageURL, 200, "text/html; charset=utf-8", body, false)
}

// phSite builds a Site whose URL, Host and Domain are the first page's.
func phSite(pages ...*Page) *Site {
	s := &Site{Data: DefaultData(), Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Pages: pages}
	if len(pages) > 0 {
		phSetURL(s, pages[0].URL)
	}
	return s
}

func phSetURL(s *Site, raw string) {
	u, _ := url.Parse(raw)
	s.URL = raw
	s.Host = strings.ToLower(u.Hostname())
	s.ASCIIHost = s.Host
	s.Domain, _ = publicsuffix.EffectiveTLDPlusOne(s.Host)
}

// phFired runs the phishing rules over site and returns their signs by id.
func phFired(site *Site) map[string]Sign {
	out := map[string]Sign{}
	for _, s := range Evaluate(site, phishingRules(), "ja") {
		out[s.ID] = s
	}
	return out
}

var phIDs = []string{"phishing-credential-form", "phishing-brand-impersonation", "form-posts-offsite", "oneclick-billing", "support-scam", "clickfix", "download-app"}

// phExpect checks that exactly the ids in want fire among this file's signs.
func phExpect(t *testing.T, got map[string]Sign, want ...string) {
	t.Helper()
	for _, id := range phIDs {
		s, ok := got[id]
		w := phishHas(want, id)
		if ok && !w {
			t.Errorf("%s fired, want clean: evidence %q", id, s.Evidence)
		}
		if !ok && w {
			t.Errorf("%s did not fire", id)
		}
	}
}

func TestPhishingFixtures(t *testing.T) {
	type pg struct{ file, url string }
	cases := []struct {
		name  string
		pages []pg
		ips   []string
		want  []string
	}{
		{"kit login imitating Vpass", []pg{{"vpass-kit/login.html", "https://vpass.smbc-card-jp.com/login/"}}, nil,
			[]string{"phishing-credential-form", "phishing-brand-impersonation"}},
		{"kit card page posting elsewhere", []pg{{"vpass-kit/card.html", "https://vpass.smbc-card-jp.com/login/card.html"}}, nil,
			[]string{"phishing-credential-form", "phishing-brand-impersonation", "form-posts-offsite"}},
		{"genuine Vpass login", []pg{{"vpass-genuine/login.html", "https://www.vpass.ne.jp/login/"}}, nil, nil},
		{"one-click billing page", []pg{{"oneclick/index.html", "http://adult-douga-kaiin.example.top/touroku/"}}, []string{"203.0.113.45"},
			[]string{"oneclick-billing"}},
		{"police page explaining one-click fraud", []pg{{"oneclick-warning/index.html", "https://www.police.example.jp/cyber/oneclick.html"}}, []string{"203.0.113.45"}, nil},
		{"delivery smishing page with APK", []pg{{"sagawa-smishing/index.html", "http://sagawa-exp.example-delivery.cn/"}}, nil,
			[]string{"download-app", "phishing-brand-impersonation", "phishing-credential-form"}},
		{"shop selling Apple products", []pg{{"shop-apple/index.html", "https://caseshop.example.jp/"}, {"shop-apple/checkout.html", "https://caseshop.example.jp/checkout"}}, nil, nil},
		{"news article naming banks", []pg{{"news-banks/index.html", "https://news.example.jp/articles/123"}}, nil, nil},
		{"city warning about a bank's phishing", []pg{{"bank-warning/index.html", "https://www.city.example.lg.jp/bousai/phishing.html"}}, nil, nil},
		{"honest paid membership completion", []pg{{"shop-membership/complete.html", "https://school.example.jp/join/complete"}}, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var pages []*Page
			for _, p := range c.pages {
				pages = append(pages, phPage(t, p.file, p.url))
			}
			site := phSite(pages...)
			site.ClientIPs = c.ips
			phExpect(t, phFired(site), c.want...)
		})
	}
}

func TestOneclickEchoesOwnIP(t *testing.T) {
	site := phSite(phPage(t, "oneclick/index.html", "http://adult-douga-kaiin.example.top/touroku/"))
	site.ClientIPs = []string{"203.0.113.45"}
	s, ok := phFired(site)["oneclick-billing"]
	if !ok {
		t.Fatal("oneclick-billing did not fire")
	}
	if !strings.Contains(s.Evidence, "閲覧者のIPアドレス 203.0.113.45 を表示") || !strings.Contains(s.Message, "203.0.113.45") {
		t.Errorf("own IP not noted: evidence %q message %q", s.Evidence, s.Message)
	}
	site.ClientIPs = []string{"198.51.100.9"}
	s = phFired(site)["oneclick-billing"]
	if strings.Contains(s.Evidence, "閲覧者のIPアドレス") {
		t.Errorf("another address taken for the checker's own: %q", s.Evidence)
	}
}

// TestOneclickEvidenceOnce: a line that holds two phrases (a bait and a
// weaker bait) is listed once in the evidence.
func TestOneclickEvidenceOnce(t *testing.T) {
	s, ok := phFired(phSite(phPage(t, "oneclick-table/index.html", "http://douga-navi.example.top/reg/")))["oneclick-billing"]
	if !ok {
		t.Fatal("oneclick-billing did not fire")
	}
	parts := strings.Split(s.Evidence, " / ")
	for i, p := range parts {
		for _, q := range parts[i+1:] {
			if p == q {
				t.Errorf("evidence repeats %q: %q", p, s.Evidence)
			}
		}
	}
	if !strings.Contains(s.Evidence, "89,000円") {
		t.Errorf("evidence %q lacks the fee", s.Evidence)
	}
}

func TestGenuinePageWithHostOnlySite(t *testing.T) {
	// A saved copy of the genuine page, scored with the site's host set to
	// the brand's domain (as for a capture taken from vpass.ne.jp).
	p := phPage(t, "vpass-genuine/login.html", "file:///evidence/login.html")
	site := &Site{Host: "vpass.ne.jp", ASCIIHost: "vpass.ne.jp", Domain: "vpass.ne.jp", URL: "https://vpass.ne.jp/", Pages: []*Page{p}, Data: DefaultData()}
	phExpect(t, phFired(site))
	// The same bytes on another host are an impersonation.
	site = &Site{Host: "vpass-ne-jp.example.cn", ASCIIHost: "vpass-ne-jp.example.cn", Domain: "example.cn", Pages: []*Page{p}, Data: DefaultData()}
	phExpect(t, phFired(site), "phishing-credential-form", "phishing-brand-impersonation", "form-posts-offsite")
}

const phHead = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head><body>%s</body></html>`

func phDoc(title, body string) string {
	return strings.Replace(strings.Replace(phHead, "%s", title, 1), "%s", body, 1)
}

func TestCredentialForm(t *testing.T) {
	cases := []struct {
		name, url, title, body string
		want                   bool
	}{
		// A password box drawn by CSS, fields named f1, f2 (rev18 fraud ev18).
		{"a card brand's kit with a text box masked as a password", "https://secure-member-jp.example.com/", "三井住友カード",
			`<form method="post"><img src="l1.png" alt=""><input name="f1"><img src="l2.png" alt=""><input name="f2" style="-webkit-text-security:disc"></form>`, true},
		{"a form whose masking is switched off", "https://secure-member-jp.example.com/", "三井住友カード",
			`<form method="post"><input name="f1"><input name="f2" style="-webkit-text-security: none"></form>`, false},
		{"second PIN without any brand", "https://secure-check.example.com/", "本人確認",
			`<form method="post"><label for=a>第二暗証番号</label><input id=a type=password name=p2></form>`, true},
		{"security number table", "https://secure-check.example.com/", "確認",
			`<form method="post">乱数表の数字 <input name=r1> <input name=r2></form>`, true},
		{"account number with date of birth", "https://kakunin.example.net/", "お客様情報",
			`<form method="post"><label>口座番号 <input name=kouza_no></label><label>生年月日 <input name=dob></label></form>`, true},
		{"card number with ATM PIN", "https://pay-check.example.net/", "確認",
			`<form method="post"><label>カード番号<input name=cardNumber></label><label>暗証番号<input type=password name=pin></label></form>`, true},
		{"cash card PIN", "https://pay-check.example.net/", "確認",
			`<form method="post"><label>キャッシュカードの暗証番号<input type=password name=x></label></form>`, true},
		{"inputs outside any form", "https://secure-check.example.com/", "確認",
			`<div>第二暗証番号 <input type=password name=a></div>`, true},
		{"brand presented: Amazon sign-in off its domains", "https://amazon-co-jp.account-verify.cn/ap/signin", "Amazon.co.jp: サインイン",
			`<form method="post"><input type=email name=email><input type=password name=password></form>`, true},
		{"brand presented by logo on a bare login title", "https://secure.aeon-kakunin.top/", "ログイン",
			`<img src="/img/logo.png" alt="イオンカード"><form method="post"><label>カード番号<input name=card_no></label><label>有効期限<input name=exp></label></form>`, true},
		// rev21: brands added to brands.json
		{"a fake ヨドバシ・ドット・コム login", "https://www.yodobashi-pointcard.com/login", "ヨドバシ・ドット・コム - ログイン",
			`<form method="post"><input type=email name=email><input type=password name=pass></form>`, true},
		{"the real ヨドバシ・ドット・コム login", "https://order.yodobashi.com/yc/login/index.html", "ヨドバシ・ドット・コム - ログイン",
			`<form method="post"><input type=email name=email><input type=password name=pass></form>`, false},
		{"a fake 日本年金機構 account form", "https://nenkin-kakunin.top/", "日本年金機構 受取口座の確認",
			`<form method="post"><label>口座番号<input name=acct></label><label>暗証番号<input type=password name=pin></label></form>`, true},
		{"free hosting under a shared domain", "https://smbc-card.github.io/vpass/", "三井住友カード 会員ログイン",
			`<form method="post" action="x"><input name=id><input type=password name=pw></form>`, true},
		{"3-D Secure code page with the card company's logo", "https://smbc-card.auth-otp.cn/otp.html", "本人認証サービス（3Dセキュア）",
			`<img src="img/smcc_logo.png" alt="三井住友カード"><form method="post">認証コード <input type=tel name=code></form>`, true},
		{"brand spelled with a Cyrillic letter", "https://secure-login.example.cn/", "Аmazon.co.jp&#8203; サインイン",
			`<form method="post"><input name=mail><input type=password name=pass></form>`, true},
		{"brand only in an h1 image, fields outside any form", "https://login.example.cn/", "ログイン",
			`<h1><img src="/i/h.png" alt="楽天"></h1><input id=u placeholder="ユーザID"><input type=password id=p placeholder="パスワード">`, true},
		{"long label cells in a table", "https://cx-verify.example.info/", "確認",
			`<form method="post"><table><tr><th>カード番号（16桁の数字をハイフンなしで、カード表面の記載どおりにご入力ください）</th><td><input type=tel name=f1></td></tr><tr><th>キャッシュカードの暗証番号（4桁の数字）を半角でご入力ください。お客様の情報は暗号化されます</th><td><input type=tel name=f3></td></tr></table></form>`, true},
		{"card number with an SMS code, no brand", "https://cx-verify.example.info/", "確認",
			`<form method="post"><input name=c placeholder="カード番号"><input name=v placeholder="SMS認証コード"></form>`, true},

		{"payment gateway's card page with card-network logos first", "https://pt01.mul-pay.jp/link/shop/Entry", "カード情報入力",
			`<div class="header"><img src="/img/logo_visa.gif" alt="VISA"><img src="/img/logo_jcb.gif" alt="JCB"><img src="/img/logo_master.gif" alt="Mastercard"></div><form method="post"><label>カード番号<input name=CardNo></label><label>セキュリティコード<input name=SecurityCode></label></form>`, false},
		{"CAPTCHA code beside card data", "https://shop.example.jp/checkout", "お支払い | 例示ショップ",
			`<form method="post"><input name=cc autocomplete=cc-number><label>画像の確認コード<input name=captcha_code></label></form>`, false},
		{"honest card checkout", "https://shop.example.jp/checkout", "お支払い | 例示ショップ",
			`<img src="/img/visa.png" alt="VISA"><img src="/img/logo_jcb.png" alt="JCB"><form method="post"><input name=cc autocomplete=cc-number><input name=exp autocomplete=cc-exp><input name=csc autocomplete=cc-csc></form>`, false},
		{"plain shop login", "https://shop.example.jp/login", "ログイン | 例示ショップ",
			`<form method="post"><input type=email name=email><input type=password name=password autocomplete=current-password></form>`, false},
		{"membership number and PIN on an old site", "https://ticket.example.jp/login", "会員ログイン | 例示チケット",
			`<form method="post"><label>会員番号<input name=member></label><label>暗証番号（4桁）<input type=password name=pin></label></form>`, false},
		{"postal code field named pincode", "https://shop.example.jp/address", "お届け先 | 例示ショップ",
			`<form method="post"><label>郵便番号<input name=pincode></label><label>住所<input name=addr></label></form>`, false},
		{"shipping field is not a PIN", "https://shop.example.jp/address", "お届け先 | 例示ショップ",
			`<form method="post"><input name=shipping_name><input name=cardNumber placeholder="カード番号"></form>`, false},
		{"Sign in with Apple on a shop", "https://shop.example.jp/login", "ログイン | 例示ショップ",
			`<p><a href="/oauth/apple">Appleでサインイン</a></p><form method="post"><input type=email name=email><input type=password name=password></form>`, false},
		{"bank's own page asking for the table", "https://direct.smbc.co.jp/aib/", "SMBCダイレクト",
			`<form method="post"><label>乱数表<input name=r></label><label>第二暗証<input type=password name=p></label></form>`, false},
		{"Amazon's own sign-in", "https://www.amazon.co.jp/ap/signin", "Amazon.co.jp: サインイン",
			`<form method="post"><input type=email name=email><input type=password name=password></form>`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := phSite(phHTML(c.url, phDoc(c.title, c.body)))
			s, got := phFired(site)["phishing-credential-form"]
			if got != c.want {
				t.Errorf("fired = %v, want %v (evidence %q)", got, c.want, s.Evidence)
			}
		})
	}
}

func TestBrandImpersonation(t *testing.T) {
	cases := []struct {
		name, url, title, body string
		want                   bool
		points                 int
	}{
		{"Apple ID sign-in off apple.com", "https://appleid-verify.example.com/", "Apple ID - サインイン",
			`<form method="post"><input name=appleid><input type=password name=pw></form>`, true, 40},
		{"login heading naming the brand", "https://mufg-login.example.top/", "ログイン",
			`<h2>三菱UFJダイレクト ログイン</h2><form method="post"><input name=id><input type=password name=pw></form>`, true, 40},
		{"Sign in to the brand on a button", "https://signin.example.top/", "Sign in",
			`<p>Sign in to PayPay</p><form method="post"><input name=tel><input type=password name=pw></form>`, true, 40},
		{"copyright line only", "https://smcc-info.example.net/", "お知らせ",
			`<p>新しいサービスのご案内です。</p><p>© 2024 Sumitomo Mitsui Card Co., Ltd. All Rights Reserved.</p>`, true, 20},
		{"h1 brand with verification title", "https://eki-net.example.cn/", "本人確認",
			`<h1>えきねっと</h1><p>ご登録情報の確認をお願いします。</p>`, true, 40},
		{"header line naming the brand beside a password", "https://etc-meisai.example.top/", "登録内容の確認",
			`<div class="bar">ETC利用照会サービス</div><p>ETCサービスは無効になりました。</p><form method="post"><input name=id><input type=password name=pw></form>`, true, 40},
		{"no title, the copyright line and a password", "https://mufg.secure-jp.example.vip/", "",
			`<img src="./i/a1.png"><form method="post"><input name=n1><input type=password name=n2></form><p>© 2024 MUFG Bank, Ltd. All rights reserved.</p>`, true, 40},
		{"zero-width space inside the brand in the title", "https://pp.example.cn/", "Pay&#8203;Pay",
			`<form method="post"><input type=tel name=tel><input type=password name=pw></form>`, true, 40},

		{"brand's own domain", "https://www.smbc-card.com/mem/login", "三井住友カード 会員ログイン",
			`<form method="post"><input name=id><input type=password name=pw></form>`, false, 0},
		{"brand name as h1 without login", "https://fan.example.jp/amazon", "Amazonセール情報まとめ | 例示ブログ",
			`<h1>Amazon</h1><p>今日のおすすめ。</p>`, false, 0},
		{"shop title naming products, with login", "https://case.example.jp/", "iPhone 15 ケース | Apple対応アクセサリー 例示ケース",
			`<h1>Apple製品対応アクセサリー</h1><img src="/logo-apple.png" alt="Apple logo"><form method="post"><input type=email name=e><input type=password name=p></form>`, false, 0},
		{"federated login buttons", "https://shop.example.jp/login", "ログイン | 例示ショップ",
			`<p>LINEでログイン</p><p>Yahoo! JAPAN IDでログイン</p><p>Sign in with Apple</p><form method="post"><input type=email name=e><input type=password name=p></form>`, false, 0},
		{"copyright of another company naming the brand", "https://case.example.jp/", "例示ケース",
			`<p>© 2024 Apple Case Shop</p>`, false, 0},
		{"warning page naming a bank", "https://www.example.lg.jp/", "みずほ銀行をかたるフィッシングにご注意",
			`<h1>みずほ銀行をかたるフィッシングにご注意</h1><h2>みずほダイレクト ログイン画面の偽サイト</h2>`, false, 0},
		{"group company's service under its own name, parent's copyright", "https://my.ymobile.example.jp/login", "My Y!mobile ログイン",
			`<form method="post"><input type=tel name=tel><input type=password name=pw></form><p>© SoftBank Corp. All rights reserved.</p>`, false, 0},
		{"store page on a marketplace with the marketplace's copyright", "https://store.example.jp/zakka/", "雑貨の森 - Yahoo!ショッピング店",
			`<h1>雑貨の森</h1><p>© LY Corporation</p>`, false, 0},
		{"header line naming a brand, nothing to type", "https://etc-guide.example.jp/", "お知らせ",
			`<div class="bar">ETC利用照会サービス</div><p>高速道路の料金案内です。</p>`, false, 0},
		{"campaign banner first on a shop login", "https://shop.example.jp/login", "ログイン",
			`<div class="topbar"><img src="/img/banner_paypay.png" alt="PayPay"> PayPay払いで10%還元</div><header><img src="/img/shop.png" alt="例示ショップ"></header><form method="post"><input type=email name=e><input type=password name=p></form>`, false, 0},
		{"Russian text is left as it is", "https://ru.example.com/", "Вход",
			`<p>Войти в аккаунт</p><form method="post"><input name=login><input type=password name=p></form>`, false, 0},
		{"a brand's site naming another brand", "https://www.smbc-card.com/", "Visaのタッチ決済 | 三井住友カード",
			`<h1>Visa</h1><form method="post"><input name=id><input type=password name=pw></form>`, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := phSite(phHTML(c.url, phDoc(c.title, c.body)))
			s, got := phFired(site)["phishing-brand-impersonation"]
			if got != c.want {
				t.Fatalf("fired = %v, want %v (evidence %q)", got, c.want, s.Evidence)
			}
			if got && s.Points != c.points {
				t.Errorf("points = %d, want %d (evidence %q)", s.Points, c.points, s.Evidence)
			}
		})
	}
}

// TestCardHarvestWithoutBrand: a page that names no brand but asks for the
// card number and security code against a claim of misuse, selling
// nothing, is a medium finding (rev18 fraud ev14); checkouts and a
// member's subscription page are not.
func TestCardHarvestWithoutBrand(t *testing.T) {
	const card = `<form method="post" action="card.php"><label>カード番号</label><input name="cardno" inputmode="numeric"><label>有効期限</label><input name="exp"><label>セキュリティコード</label><input name="cvv"><button>確認する</button></form>`
	for _, c := range []struct {
		name, body string
		points     int
	}{
		{"misuse claimed, card and code asked", `<title>カード会員様 本人確認</title><h1>カード会員様 ご本人確認のお願い</h1><p>お客様のカードに第三者による不正利用の可能性があるため、ご利用を制限しております。</p>` + card, 30},
		{"a use check under a 3-D Secure heading (rev18 fraud ev06)", `<title>暮らしの雑貨</title><h2>本人認証サービス（3Dセキュア）</h2><p>カードのご利用確認のため、以下の情報を入力してください。</p>` + card, 30},
		{"the same behind a hidden decoy shop and warning", `<title>暮らしの雑貨</title><div style='display:none'><h1>暮らしの雑貨 東京</h1><p>北欧の食器や手作りの器を扱う小さなお店です。特定商取引法に基づく表記 販売業者 株式会社くらし 所在地 東京都世田谷区 電話 03-1234-5678 このページはフィッシング詐欺への注意喚起です。</p></div><h2>本人認証サービス（3Dセキュア）</h2><p>カードのご利用確認のため、以下の情報を入力してください。</p>` + card, 30},
		{"a checkout that sends a use-check mail", `<title>お支払い</title><p>お支払い合計 4,180円</p><p>決済後、カードのご利用確認メールをお送りします。</p>` + card, 0},
		{"a checkout with 3-D Secure", `<title>ご注文手続き</title><p>ご注文内容 合計 8,140円</p><p>本人認証サービス（3Dセキュア）に対応しています。</p>` + card, 0},
		{"a member's card update", `<title>お支払い情報の変更</title><p>ご契約中のプラン：スタンダード（月額980円）</p><p>カードの有効期限切れのため、ご利用を停止しています。</p>` + card + `<a href="/logout">ログアウト</a>`, 0},
		{"a donation form with 3-D Secure against misuse (review 19)", `<title>ご寄付のお申込み</title><p>ご寄付金額：3,000円</p><p>不正利用防止のため、本人認証サービス（3Dセキュア）を導入しています。</p>` + card, 0},
		{"a hotel's guarantee form, no claim", `<title>ご予約の保証</title><p>ご予約の保証のため、カード情報をご入力ください。</p>` + card, 0},
		// rev23 p33 page26: a redelivery fee by card, no carrier named,
		// on a page with 送料 (a shop's word) in it.
		{"a redelivery fee by card", `<title>再配達のお申し込み｜青葉急便</title><p>送料・お届け日時の変更はこちら</p><p>住所不備による再配達のため、再配達手数料をお支払いください。再配達手数料：330円（税込）</p>` + card, 30},
		{"a shop's checkout whose terms name a redelivery's cost", `<title>ご注文手続き</title><p>ご注文内容 合計 8,140円</p><p>※お客様のご都合による再配達料はご負担いただく場合があります。</p>` + card, 0},
		{"a carrier's redelivery page taking no card, its fee word in its FAQ", `<title>再配達のお申し込み</title><p>再配達手数料はかかりません。</p>`, 0},
	} {
		s, ok := phFired(phSite(phHTML("https://kakunin-center-jp.example/", c.body)))["phishing-credential-form"]
		if ok != (c.points > 0) || ok && s.Points != c.points {
			t.Errorf("%s: fired %v (%d points), want %d", c.name, ok, s.Points, c.points)
		}
	}
}

func TestFormPostsOffsite(t *testing.T) {
	cases := []struct {
		name, url, body string
		want            bool
	}{
		{"login posted to another domain", "https://shop.example.jp/login",
			`<form method="post" action="https://collector.example.cn/p.php"><input type=email name=e><input type=password name=p></form>`, true},
		{"GET form with several typed fields elsewhere", "https://shop.example.jp/",
			`<form action="https://collector.example.cn/g"><input name=name><input name=tel></form>`, true},
		{"password to a form service", "https://shop.example.jp/",
			`<form method="post" action="https://formspree.io/f/abc"><input name=id><input type=password name=p></form>`, true},

		{"site search on Google", "https://news.example.jp/",
			`<form action="https://www.google.com/search"><input name=q><input type=hidden name=sitesearch value=news.example.jp></form>`, false},
		{"card data to a payment gateway", "https://shop.example.jp/checkout",
			`<form method="post" action="https://pt01.mul-pay.jp/payment/Entry"><input name=card autocomplete=cc-number><input name=csc autocomplete=cc-csc></form>`, false},
		{"an inn's card prepayment through ROBOT PAYMENT", "https://www.ryokan.example.jp/reserve",
			`<form method="post" action="https://credit.j-payment.co.jp/gateway/payform.aspx"><input name=name><input name=email><input type=hidden name=aid value=123></form>`, false},
		{"card data to KOMOJU", "https://shop.example.jp/checkout",
			`<form method="post" action="https://komoju.com/api/v1/sessions"><input name=card autocomplete=cc-number><input name=csc autocomplete=cc-csc></form>`, false},
		// A 信用金庫's login posts to the shared banking platform (rev18 honest).
		{"a shinkin bank's login to ANSER", "https://www.sendai-shinkin.jp/kojin/ib/",
			`<form method="post" action="https://www.parasol.anser.ne.jp/ib/index.do"><input name=KEIYAKUSHA_ID><input type=password name=LOGIN_PASSWORD></form>`, false},
		{"card data to the banking platform still counts", "https://shinkin-kakunin.example.top/",
			`<form method="post" action="https://www.parasol.anser.ne.jp/ib/index.do"><input name=card autocomplete=cc-number><input name=csc autocomplete=cc-csc></form>`, true},
		{"newsletter to Mailchimp", "https://shop.example.jp/",
			`<form method="post" action="https://x.us21.list-manage.com/subscribe/post"><input type=email name=EMAIL><input name=FNAME></form>`, false},
		{"another subdomain of the same site", "https://www.shop.example.jp/",
			`<form method="post" action="https://secure.shop.example.jp/login"><input name=id><input type=password name=p></form>`, false},
		{"between a brand's official domains", "https://www.vpass.ne.jp/login/",
			`<form method="post" action="https://www.smbc-card.com/memx/login"><input name=id><input type=password name=p></form>`, false},
		{"nothing to type", "https://shop.example.jp/",
			`<form method="post" action="https://other.example.com/like"><input type=hidden name=id value=1><button>いいね</button></form>`, false},
		{"relative action", "https://shop.example.jp/",
			`<form method="post" action="/login"><input name=id><input type=password name=p></form>`, false},
		{"mailto action", "https://shop.example.jp/",
			`<form method="post" action="mailto:info@example.com"><input name=name><textarea name=body></textarea></form>`, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := phSite(phHTML(c.url, phDoc("例示", c.body)))
			s, got := phFired(site)["form-posts-offsite"]
			if got != c.want {
				t.Errorf("fired = %v, want %v (evidence %q)", got, c.want, s.Evidence)
			}
		})
	}
}

func TestOneclickBilling(t *testing.T) {
	cases := []struct {
		name, title, body string
		ips               []string
		want              bool
	}{
		{"registration, fee and mistake bait", "登録完了",
			`<p>会員登録が完了しました。</p><p>料金：¥98,000</p><p><a href="tel:0000">誤って登録された方はこちら</a></p>`, nil, true},
		{"registration, fee in man-yen and threat", "入会完了",
			`<p>ご入会ありがとうございます。</p><p>ご請求金額 9万8千円</p><p>お支払いがない場合は勤務先にご連絡します。</p>`, nil, true},
		{"registration, echo and threat without a fee", "本登録",
			`<p>本登録が完了しました。</p><p>あなたの個体識別番号を記録しました。</p><p>放置された場合、法的手続きを取ります。</p>`, nil, true},
		{"visitor's own IP with nothing around it", "完了",
			`<p>登録完了</p><p>お支払い金額 50,000円</p><p>203.0.113.7</p>`, []string{"203.0.113.7"}, true},
		{"fee label in the cell before", "登録完了",
			`<p>登録が完了しました</p><table><tr><td>ご利用料金</td><td>150,000円</td></tr></table><p>延滞された場合は遅延損害金を請求します</p>`, nil, true},

		// A screen drawn as images: 登録完了 only in an alt text, leaving by
		// a 050 number (rev18 oc04).
		{"registration in an image's alt, IP echo, leave by a 050 number", "",
			`<img src="done.png" alt="登録完了"><img src="fee.png" alt=""><p>お客様のIPアドレス 203.0.113.45 は記録されました。</p><p>退会希望の方 050-1111-2222</p>`, nil, true},
		{"a newspaper's sign-up with its login history, leave on the member page", "会員登録完了",
			`<p>会員登録が完了しました。</p><p>最近のログイン：2026/11/30 10:12 iPhone（IPアドレス 203.0.113.45）</p><p>退会をご希望の方はマイページの「会員情報」からお手続きください。</p>`, nil, false},
		{"a club: registered, leave by calling the office", "入会完了",
			`<p>ご入会ありがとうございます。</p><p>端末情報の登録は不要です。</p><p>退会希望の方は事務局 022-222-1234 までお電話ください。</p>`, nil, false},
		// An application taken counts only beside an address shown back (rev18 oc02).
		{"application taken, the visitor's connection shown, a fee", "ありがとうございます",
			`<p>プレミアム会員へのお申し込みを承りました</p><p>ご利用料金 ¥128,000（税込）</p><p>※お客様の接続情報（203.0.113.45 / docomo / Android 15）は記録されています。お支払いがない場合は回収業者に委託いたします。</p>`, nil, true},
		{"a seminar's application taken, a fee, family welcome", "お申し込み完了",
			`<p>セミナーのお申し込みを承りました。</p><p>受講料 30,000円（お振込み期限：10日以内）</p><p>ご家族の方もご参加いただけます。</p>`, nil, false},
		{"an ISP's sign-up with its connection details, no address", "お申し込み完了",
			`<p>光回線のお申し込みが完了しました。</p><p>月額料金 5,280円</p><p>接続情報（ユーザーID・パスワード）は書面でお送りします。</p><p>ご家族でご利用いただけます。</p>`, nil, false},
		{"入会手続き完了 and 登録済み wording, fee due today", "お知らせ",
			`<p>入会手続き完了のお知らせ</p><p>お客様は有料会員として登録済みです。</p><p>ご利用料金 99,800円 を本日中にお支払いください。</p>`, nil, true},
		{"registration, fee due today", "ご登録ありがとうございます",
			`<p>有料会員登録が完了しました。利用料金 99,000円 を本日中にお支払いください。</p>`, nil, true},
		{"registration, fee due in 48 hours", "登録完了",
			`<p>登録が完了しました</p><p>料金 50,000円</p><p>48時間以内にお支払いください</p>`, nil, true},
		{"registration, fee due in 3 days (a convenience-store payment term)", "登録完了",
			`<p>登録が完了しました</p><p>料金 50,000円</p><p>3日以内にお支払いください</p>`, nil, false},
		{"ticket order: registration, price, pay within 3 days or it is cancelled", "お申込み完了",
			`<p>会員登録が完了し、チケットのお申込みを受け付けました。</p><p>チケット代金合計 8,800円</p><p>お支払い期限 お申込みから3日以内</p><p>期限までにお支払いがない場合、お申込みは自動的に取り消されます。</p>`, nil, false},
		// rev22 probes 14, 15: a bill's courtesy to those who paid is
		// no warning; a fee claimed as unpaid, with a court threat and
		// the visitor's connection, needs no registration.
		{"a bill telling those who paid to ignore it", "登録完了",
			`<p>有料会員登録が完了しました。</p><p>■ お客様のIPアドレス：203.0.113.45</p><p>■ ご利用料金：¥58,000</p><p>※心当たりのない方・誤って登録された方へ お電話ください。</p><p>※すでにお支払い済みの方は、この画面は無視してください。</p>`, nil, true},
		{"an unpaid fee, a lawsuit and the visitor's IP", "有料動画サイト利用料金 未納のお知らせ",
			`<h2>【最終通告】ご利用料金未納に関する訴訟最終告知</h2><p>接続IPアドレス 60.97.12.34</p><p>未納料金 298,000円（延滞損害金含む）</p><p>期日を経過しますと、給与差し押さえを強制執行させて頂きます。</p>`, nil, true},
		{"a broadcaster's reminder: unpaid fees, a court, no echo or bait", "受信料のお支払いについて",
			`<p>受信料の未払いが続いている世帯には、民事訴訟による支払督促を行う場合があります。</p><p>未払いの受信料 13,650円</p><p>お支払い方法の変更はお手続きページから。</p>`, nil, false},
		{"a law firm's debt-collection service page", "債権回収のご相談",
			`<p>取引先の未払い・滞納でお困りの企業様へ。訴訟・強制執行まで一貫して対応します。</p><p>着手金 55,000円〜</p><p>ご相談はお電話で（平日9時〜18時）。</p>`, nil, false},
		// rev22 p25 page26: the trap before the click, its terms hidden.
		{"an age gate whose hidden terms make the click a paid registration", "無料エロ動画 まとめ",
			`<style>.terms{font-size:0}</style><p>18歳以上ですか？</p><p><a href="entry.php">はい（無料で見る）</a></p><p class="terms">利用規約：上記「はい」ボタンのクリックをもって有料会員（月額49,800円、初回入会金30,000円）への登録に同意したものとみなします。登録完了後のキャンセル・返金はできません。</p>`, nil, true},
		{"an age gate's terms with no 登録完了 on the page", "無料動画",
			`<p>18歳以上ですか？</p><p><a href="entry.php">ENTER（無料）</a></p><p style="font-size:0">ENTERボタンのクリックをもって、月額会費39,800円の有料会員契約に同意したものとみなします。</p>`, nil, true},
		{"a paid plan's confirmation screen", "お申し込み内容の確認",
			`<p>プレミアムプラン</p><p>「申込みを確定する」ボタンを押した時点で、月額料金5,980円のプランへの登録に同意したものとみなします。登録完了後はマイページから解約できます。</p><button>申込みを確定する</button>`, nil, false},
		{"an honest adult site: the age button registers nothing", "年齢確認",
			`<p>18歳以上ですか？</p><p>※年齢確認のボタンを押しても、会員登録や料金が発生することは一切ありません。有料会員（月額2,980円）は料金確認画面でお申し込みください。登録完了画面は確認の後に表示されます。</p>`, nil, false},
		{"registration, fee due in 13 days", "登録完了",
			`<p>登録が完了しました</p><p>料金 50,000円</p><p>13日以内にお支払いください</p>`, nil, false},
		{"registration, fee and plain deadline", "会員登録完了",
			`<p>会員登録が完了しました。</p><p>年会費 11,000円</p><p>7日以内にお振込みください。</p><p>退会をご希望の方はマイページから。</p>`, nil, false},
		{"registration, fee and a countdown with a deadline", "登録完了",
			`<p>登録が完了しました</p><p>料金 90,000円</p><p>お支払い期限まで</p><div class="countdown">71:59:48</div>`, nil, true},
		{"registration, price and a sale timer", "会員登録完了 | 例示ショップ",
			`<p>会員登録が完了しました</p><p>タイムセール 合計 12,000円</p><div class="sale-timer">02:11:09</div>`, nil, false},
		{"small fee with bait", "登録完了",
			`<p>登録完了</p><p>月額料金 550円</p><p>誤って登録された方は解約してください。</p>`, nil, false},
		{"no registration claim", "お支払い",
			`<p>料金 99,000円</p><p>延滞すると法的手続き</p><p>IPアドレス 203.0.113.7</p>`, nil, false},
		{"explanation without a warning title", "よくある質問",
			`<p>「登録完了 料金99,000円 IPアドレス取得済み 3日以内に支払わないと法的手続き」という画面が出ても支払う必要はありません。</p><p>連絡しないでください。消費生活センターに相談を。</p>`, nil, false},
		{"claim only in the title, mistake bait as an image's alt", "入会完了",
			`<img src="t1.gif"><p>ご請求金額：120,000円</p><p>お支払い期限：48時間以内</p><a href="mailto:x@example.com"><img src="b.gif" alt="誤ってご登録された方はこちら"></a>`, nil, true},
		{"fee in kanji numerals with a threat", "ご登録完了",
			`<p>ご登録が完了しました</p><p>【ご利用金額】十万円（税込）</p><p>お支払いが確認できない場合、ご勤務先へ回収に伺います。</p>`, nil, true},
		{"small fee in kanji numerals", "ご登録完了",
			`<p>ご登録が完了しました</p><p>【月額料金】五百円</p><p>誤ってご登録された方は解約してください。</p>`, nil, false},
		{"scam claiming not to be a scam still fires", "ご入会ありがとうございます",
			`<p>ご入会ありがとうございます</p><p>料金 80,000円</p><p>これは架空請求ではありません。</p><p>延滞金が発生します</p>`, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := phSite(phHTML("http://oc.example.top/", phDoc(c.title, c.body)))
			site.ClientIPs = c.ips
			s, got := phFired(site)["oneclick-billing"]
			if got != c.want {
				t.Errorf("fired = %v, want %v (evidence %q)", got, c.want, s.Evidence)
			}
		})
	}
}

func TestDownloadApp(t *testing.T) {
	cases := []struct {
		name      string
		url       string
		redirects []string
		page      *Page
		want      bool
		points    int
	}{
		{"target is an APK, nothing read", "http://dl.example.cn/sagawa.apk", nil, nil, true, 30},
		{"redirect to an APK", "http://dl.example.cn/", []string{"http://short.example/x", "http://dl.example.cn/app/yamato.APK"}, nil, true, 30},
		{"APK served without extension", "http://dl.example.cn/get",
			nil, NewPage("http://dl.example.cn/get", 200, "application/vnd.android.package-archive", "", false), true, 30},
		{"executable as octet-stream", "http://dl.example.cn/file",
			nil, NewPage("http://dl.example.cn/update.exe", 200, "application/octet-stream", "MZ", false), true, 30},
		{"link to an APK", "http://smish.example.cn/", nil,
			phHTML("http://smish.example.cn/", phDoc("佐川急便", `<a href="/app.apk">ダウンロード</a>`)), true, 30},
		{"APK in a query parameter", "http://smish.example.cn/", nil,
			phHTML("http://smish.example.cn/", phDoc("x", `<a href="/download.php?file=app.apk">ダウンロード</a>`)), true, 30},
		{"configuration profile", "http://smish.example.cn/", nil,
			phHTML("http://smish.example.cn/", phDoc("x", `<a href="/ios.mobileconfig">iPhoneの方</a>`)), true, 30},
		{"page starting the download from a script", "http://smish.example.cn/", nil,
			phHTML("http://smish.example.cn/", phDoc("x", `<script>window.location.href='/files/kuroneko.apk';</script>`)), true, 30},
		{"meta refresh to an APK", "http://smish.example.cn/", nil,
			phHTML("http://smish.example.cn/", `<html><head><meta http-equiv="refresh" content="0;url=/a.apk"></head><body></body></html>`), true, 30},
		{"link to a desktop installer", "https://soft.example.jp/", nil,
			phHTML("https://soft.example.jp/", phDoc("x", `<a href="/setup.exe">Windows版</a>`)), true, 15},

		{"app store links", "https://shop.example.jp/", nil,
			phHTML("https://shop.example.jp/", phDoc("x", `<a href="https://play.google.com/store/apps/details?id=jp.example">Google Play</a><a href="https://apps.apple.com/jp/app/id1">App Store</a>`)), false, 0},
		{"documents and archives", "https://shop.example.jp/", nil,
			phHTML("https://shop.example.jp/", phDoc("x", `<a href="/catalog.pdf">カタログ</a><a href="/manual.zip">説明書</a><img src="/apk.png">`)), false, 0},
		{"word apk in a path segment", "https://shop.example.jp/apk/guide", nil,
			phHTML("https://shop.example.jp/apk/guide", phDoc("x", `<a href="/apk/">APKとは</a>`)), false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			site := &Site{Data: DefaultData()}
			phSetURL(site, c.url)
			site.Redirects = c.redirects
			if c.page != nil {
				site.Pages = []*Page{c.page}
			}
			s, got := phFired(site)["download-app"]
			if got != c.want {
				t.Fatalf("fired = %v, want %v (evidence %q)", got, c.want, s.Evidence)
			}
			if got && s.Points != c.points {
				t.Errorf("points = %d, want %d (evidence %q)", s.Points, c.points, s.Evidence)
			}
		})
	}
}

func TestPhishingRulesAreWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range phishingRules() {
		if seen[r.ID] {
			t.Errorf("duplicate id %s", r.ID)
		}
		seen[r.ID] = true
		if r.Check == nil || r.Topic == "" || r.Summary.JA == "" || r.Summary.EN == "" || r.Message.JA == "" || r.Message.EN == "" {
			t.Errorf("%s: incomplete rule", r.ID)
		}
	}
	for _, id := range phIDs {
		if !seen[id] {
			t.Errorf("rule %s missing", id)
		}
	}
}

// Hostile pages (no title, a huge form, nesting too deep for the parser)
// must not panic or fire by accident; a page nested too deep is read
// without its wrappers, so a kit cannot hide in 3,000 <div>s.
func TestPhishingHostilePage(t *testing.T) {
	var b strings.Builder
	b.WriteString("<form method=post action='https://x.example.cn/'>")
	for i := 0; i < 2000; i++ {
		b.WriteString("<div><input name=f")
		b.WriteString(strings.Repeat("a", i%7))
		b.WriteString("></div>")
	}
	site := phSite(phHTML("https://hostile.example.com/", b.String()))
	phExpect(t, phFired(site), "form-posts-offsite")

	b.Reset()
	b.WriteString("<title>Amazon ログイン</title><form method=post action='https://x.example.cn/'>")
	for i := 0; i < 3000; i++ {
		b.WriteString("<div><input type=password name=p>")
	}
	site = phSite(phHTML("https://hostile.example.com/", b.String()))
	phExpect(t, phFired(site), "form-posts-offsite", "phishing-brand-impersonation", "phishing-credential-form")
}

// BenchmarkPhishingRules scores five fixture pages (kit, one-click, shop,
// news) with the phishing rules; one op is all five.
func BenchmarkPhishingRules(b *testing.B) {
	var pages []*Page
	for _, f := range []struct{ file, url string }{
		{"vpass-kit/login.html", "https://vpass.smbc-card-jp.com/login/"},
		{"vpass-kit/card.html", "https://vpass.smbc-card-jp.com/login/card.html"},
		{"oneclick/index.html", "http://adult-douga-kaiin.example.top/"},
		{"shop-apple/index.html", "https://caseshop.example.jp/"},
		{"news-banks/index.html", "https://news.example.jp/"},
	} {
		raw, err := os.ReadFile(filepath.Join("..", "testdata", "phishing", f.file))
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, NewPage(f.url, 200, "text/html", string(raw), false))
	}
	rs := phishingRules()
	var sites []*Site
	for _, p := range pages {
		sites = append(sites, phSite(p))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sites {
			Evaluate(s, rs, "ja")
		}
	}
}

func TestOneclickGrading(t *testing.T) {
	weak := phSite(phHTML("http://oc.example.top/", phDoc("登録完了", `<p>有料会員登録が完了しました。利用料金 99,000円 を本日中にお支払いください。</p>`)))
	if s := phFired(weak)["oneclick-billing"]; s.Points != 30 || s.Severity != Medium {
		t.Errorf("fee due today only: %d %s, want medium 30", s.Points, s.Severity)
	}
	full := phSite(phPage(t, "oneclick/index.html", "http://adult-douga-kaiin.example.top/touroku/"))
	if s := phFired(full)["oneclick-billing"]; s.Points != 60 || s.Severity != High {
		t.Errorf("full page: %d %s, want high 60", s.Points, s.Severity)
	}
	// A rental server's order page: registered, a fee, the IP recorded,
	// "call us if you did not order", and an unpaid order lapses. It binds
	// no one: the weaker finding, with the lapse in the evidence.
	lapse := `<h1>お申込みが完了しました</h1><p>ご登録ありがとうございます。</p><p>ご利用料金：12か月契約 13,200円（税込）。期限までにお支払いがない場合、お申込みはキャンセルとなります。</p><p>不正なお申込み防止のため、お申込み時のIPアドレス（203.0.113.9）を記録しております。</p><p>お心当たりのないお申込みの場合は、サポート窓口までご連絡ください。</p>`
	site := phSite(phHTML("https://www.hikari-server.example.jp/complete.html", phDoc("お申込み完了", lapse)))
	site.ClientIPs = []string{"203.0.113.9"}
	if s := phFired(site)["oneclick-billing"]; s.Points != 30 || !strings.Contains(s.Evidence, "キャンセル") {
		t.Errorf("an order that lapses unpaid: %d points, evidence %q; want medium 30 showing the lapse", s.Points, s.Evidence)
	}
	// 「誤って登録された方はご連絡いただければキャンセル」 is the bait itself.
	bait := strings.Replace(lapse, "期限までにお支払いがない場合、お申込みはキャンセルとなります。", "", 1) + `<p>誤ってご登録された方は、サポートまでご連絡いただければ自動的にキャンセルとなります。</p>`
	site = phSite(phHTML("https://www.hikari-server.example.jp/complete.html", phDoc("お申込み完了", bait)))
	site.ClientIPs = []string{"203.0.113.9"}
	if s := phFired(site)["oneclick-billing"]; s.Points != 60 {
		t.Errorf("a cancel that needs a call: %d points, want high 60", s.Points)
	}
	// The same with a threat stays high.
	threat := strings.Replace(lapse, "お申込みはキャンセルとなります", "法的手続きに移行します。お申込みはキャンセルとなります", 1)
	site = phSite(phHTML("https://www.hikari-server.example.jp/complete.html", phDoc("お申込み完了", threat)))
	site.ClientIPs = []string{"203.0.113.9"}
	if s := phFired(site)["oneclick-billing"]; s.Points != 60 {
		t.Errorf("a lapse beside a legal threat: %d points, want high 60", s.Points)
	}
}

func TestPhishUnmask(t *testing.T) {
	cases := []struct {
		in, want string
		changed  bool
	}{
		{"Аmazon.co.jp サインイン", "Amazon.co.jp サインイン", true}, // Cyrillic А
		{"Αpple ID", "Apple ID", true},                     // Greek Α
		{"Pay\u200bPay", "PayPay", true},                   // zero-width space
		{"三井住友\u00adカード", "三井住友カード", true},                 // soft hyphen
		{"\ufeffログイン", "ログイン", true},                       // byte-order mark
		{"Москва", "Москва", false},                        // Russian word, no Latin beside it
		{"三井住友カード ログイン", "三井住友カード ログイン", false},
		{"", "", false},
	}
	for _, c := range cases {
		got, changed := phishUnmask(c.in)
		if got != c.want || changed != c.changed {
			t.Errorf("phishUnmask(%q) = %q, %v; want %q, %v", c.in, got, changed, c.want, c.changed)
		}
	}
}

func TestOneclickKanji(t *testing.T) {
	cases := map[string]int{
		"十万": 100000, "九万八千": 98000, "拾万": 100000, "五万": 50000, "百二十万": 1200000,
		"三千": 3000, "五百": 500, "一万五千": 15000, "二十": 20, "万": 10000, "円": 0,
	}
	for in, want := range cases {
		if got := oneclickKanji(in); got != want {
			t.Errorf("oneclickKanji(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestPhishClassifyCodes(t *testing.T) {
	cases := []struct {
		in   Input
		want phishCred
	}{
		{Input{Type: "tel", Label: "認証コード"}, credOTP},
		{Input{Type: "text", Placeholder: "確認コード"}, credOTP},
		{Input{Type: "text", Name: "smsCode"}, credOTP},
		{Input{Type: "text", Name: "vcode"}, credOTP},
		{Input{Type: "text", Label: "画像の確認コード"}, 0},
		{Input{Type: "text", Name: "captcha_code"}, 0},
		{Input{Type: "password", Label: "第一暗証"}, credPIN},
		{Input{Type: "text", Label: "合言葉"}, credPassword},
		// p44 page14: the security code in other words.
		{Input{Type: "text", Label: "カード裏面の3桁のコード"}, credCSC},
		{Input{Type: "text", Label: "カード裏面の数字3桁"}, credCSC},
		{Input{Type: "text", Label: "セキュリティ番号"}, credCSC},
		{Input{Type: "text", Label: "カード番号"}, credCard},
	}
	for _, c := range cases {
		if got := phishClassify(c.in); got != c.want {
			t.Errorf("phishClassify(%+v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestImpersonationDeliveryContext: a fake courier's redelivery page poses
// as the courier with a lure's words; a shop's page about its courier
// (配達予定, お届け先の変更) does not.
func TestImpersonationDeliveryContext(t *testing.T) {
	for _, c := range []struct {
		name, title, body string
		fire              bool
	}{
		{"fake redelivery", "ヤマト運輸｜再配達のお申し込み", `<h1>再配達のお申し込み</h1><p>宛先住所に不備があったため配達できませんでした。保管期限：12月2日</p>`, true},
		{"fake redelivery request", "ヤマト運輸｜再配達のご依頼", `<h1>再配達のご依頼</h1><p>お届け先の住所が不完全なため、お荷物をお届けできませんでした。</p>`, true},
		{"fake redelivery fee, the brand and its service in one title", "ヤマト運輸 再配達 手数料のお支払い", `<h1>ヤマト運輸 再配達手数料 300円</h1><form method="post"><input name="cardno" placeholder="カード番号"><input name="exp" placeholder="有効期限"><input name="cvv" placeholder="セキュリティコード"></form>`, true},
		// rev24 QA: the kit's title and heading with the brand and its
		// service after a space, no separator between.
		{"the brand and 再配達のご依頼 after a space, a card form", "ヤマト運輸 再配達のご依頼", `<h1>クロネコヤマト 再配達受付</h1><p>お荷物の再配達には、配送料 200円 のお支払いが必要です。</p><form action="/pay.php" method="post"><label>お名前 <input name="n"></label><label>カード番号 <input name="cc"></label><label>有効期限 <input name="e"></label><label>セキュリティコード <input name="c"></label></form>`, true},
		{"a shop's page on asking for redelivery", "ヤマト運輸 再配達のご依頼方法｜まめや", `<h2>再配達のご依頼について</h2><p>不在票が届いた場合は、ヤマト運輸の公式サイトから再配達をご依頼ください。</p>`, false},
		{"a power company's unpaid bill", "東北電力｜電気料金お支払いのお願い", `<h2>東北電力 電気料金未納のお知らせ</h2><p>期日までにお振込みがない場合、送電を停止いたします。</p><h3>お振込先</h3><p>楽天銀行 第一営業支店 普通 7654321 サトウ ミキ</p>`, true},
		{"the tax office's seizure notice", "【国税庁】差押予告通知書", `<h1>国税庁 差押予告通知</h1><p>滞納されている国税を3日以内に納付してください。</p>`, true},
		{"a shop's delivery page", "ヤマト運輸｜お届け先の変更・再配達｜まめや", `<h1>ヤマト運輸</h1><h2>配達予定日</h2><p>お届け先の変更はヤマト運輸のサイトからどうぞ。</p>`, false},
	} {
		site := flTestSite(t, "mameya-delivery.example.com", "", phDoc(c.title, c.body))
		_, fired := phFired(site)["phishing-brand-impersonation"]
		if fired != c.fire {
			t.Errorf("%s: phishing-brand-impersonation fired %v, want %v", c.name, fired, c.fire)
		}
	}
}

// TestCredentialFormWithoutBrand: a page that names no brand is not told
// it is off a brand's domain; an account number with a birth date alone
// (a direct debit's sign-up asks for both) weighs less than a kit's PIN.
func TestCredentialFormWithoutBrand(t *testing.T) {
	for _, c := range []struct {
		name, body string
		points     int
	}{
		{"direct debit sign-up", `<form method="post"><label>金融機関名<input name=bank></label><label>口座番号<input name=kouza_no></label><label>口座名義<input name=meigi></label><label>生年月日<input name=dob></label></form>`, 20},
		{"account, birth date and PIN", `<form method="post"><label>口座番号<input name=kouza_no></label><label>生年月日<input name=dob></label><label>暗証番号<input type=password name=pin></label></form>`, 50},
	} {
		site := phSite(phHTML("https://www.izumi-swim.example.jp/nyukai.html", phDoc("入会申込", c.body)))
		s, ok := phFired(site)["phishing-credential-form"]
		if !ok || s.Points != c.points || strings.Contains(s.Message, "公式ではない") {
			t.Errorf("%s: fired %v, %d points, message %q; want %d points and no claim of a brand's domain", c.name, ok, s.Points, s.Message, c.points)
		}
	}
}

// TestPrepaidIssuerBalance: a prepaid card's issuer checks a balance by
// the card's number and its scratch-off PIN, on a page that prints its
// registration (rev22 p26 page11); without that registration the same
// form is the combination no shop asks for.
func TestPrepaidIssuerBalance(t *testing.T) {
	form := `<form method="post" action="/balance/check"><label>カード番号（16桁）<input name="card" maxlength="19"></label><label>PIN（4桁）<input name="pin" type="password" maxlength="4"></label><button>残高を確認する</button></form>`
	issuer := phSite(phHTML("https://www.mirai-prepaid.example.jp/balance/", phDoc("残高照会 | ミライプリペイドカード",
		`<h1>残高・利用履歴照会</h1><p>カード裏面の16桁のカード番号と、スクラッチを削って表示される4桁のPINを入力してください。</p>`+form+
			`<p><small>発行：株式会社ミライペイメント（資金決済法に基づく前払式支払手段 発行者 関東財務局長 第00871号）</small></p>`)))
	if s, ok := phFired(issuer)["phishing-credential-form"]; ok {
		t.Errorf("a prepaid issuer's balance check fired: %q", s.Evidence)
	}
	stranger := phSite(phHTML("https://card-check.example.top/", phDoc("残高照会", `<h1>残高照会</h1><p>カード番号と暗証番号を入力してください。</p>`+form)))
	if _, ok := phFired(stranger)["phishing-credential-form"]; !ok {
		t.Error("card number and PIN on a page printing no issuer's registration: want phishing-credential-form")
	}
}

// TestCredentialFormPrizeLure: a page naming no brand that announces a
// win and asks for the card to pay only the shipping is the prize scam; an
// honest campaign's results page asks for no card, and a shop's free
// sample offer has a cart.
func TestCredentialFormPrizeLure(t *testing.T) {
	card := `<form method="post" action="pay.php"><label>お名前<input name=name></label><label>カード番号<input name=cardno></label><label>有効期限<input name=exp></label><label>セキュリティコード<input name=cvc></label><button>受け取る</button></form>`
	for _, c := range []struct {
		name, body string
		want       bool
	}{
		{"a win, shipping only, a card form", `<h1>おめでとうございます！</h1><p>抽選で選ばれたお客様に iPhone 17 Pro を無料でプレゼント。</p><p>賞品は無料です。送料 500円 のみお支払いください。</p>` + card, true},
		{"a win, a handling fee, card number without its code", `<p>ご当選おめでとうございます。</p><p>事務手数料 300円 だけご負担ください。</p><form method="post"><label>カード番号<input name=cardno></label><label>有効期限<input name=exp></label></form>`, true},
		{"an honest campaign's results, a contact form", `<h1>当選者発表</h1><p>おめでとうございます！当選された方には賞品を発送します。送料は当店が負担します。</p><form method="post"><label>お名前<input name=name></label><label>メール<input name=mail></label></form>`, false},
		{"a shop's free sample with a cart", `<p>おめでとうございます！初回限定、無料プレゼント。送料のみお支払いください。</p><p>数量 <select name=q><option>1</option></select></p><a href="/cart">カートに入れる</a>` + card, false},
		{"a win with no fee asked", `<p>おめでとうございます！抽選で選ばれました。</p><p>会員登録のお支払い方法を入力してください。</p>` + card, false},
	} {
		site := phSite(phHTML("https://lucky-present.example.com/", phDoc("キャンペーン", c.body)))
		s, got := phFired(site)["phishing-credential-form"]
		if got != c.want || got && (s.Points != 30 || !strings.Contains(s.Message, "当選詐欺")) {
			t.Errorf("%s: fired %v (%d points, %q), want %v", c.name, got, s.Points, s.Message, c.want)
		}
	}
}

// TestCredentialFormSavedPage: a saved page has no host to name, so the
// messages say "this page" without an empty pair of brackets, and a
// direct debit's sign-up keeps its own, milder message.
func TestCredentialFormSavedPage(t *testing.T) {
	for _, c := range []struct {
		name, body, want string
		points           int
	}{
		{"card data against a claim of misuse", `<p>カード会員様へ。お客様のカードに不正利用の可能性があるため、ご本人確認をお願いいたします。</p><form method="post"><label>カード番号<input name=cc></label><label>有効期限<input name=exp></label><label>セキュリティコード<input name=cvv></label></form>`, "このページは、カードの不正利用", 30},
		{"direct debit sign-up", `<form method="post"><label>金融機関名<input name=bank></label><label>口座番号<input name=kouza_no></label><label>生年月日<input name=dob></label></form>`, "このページは、口座番号と生年月日", 20},
	} {
		site := phSite(phHTML("file:///evidence/page.html", phDoc("ご確認", c.body)))
		s, ok := phFired(site)["phishing-credential-form"]
		if !ok || s.Points != c.points || !strings.HasPrefix(s.Message, c.want) || strings.Contains(s.Message, "（）") {
			t.Errorf("%s: fired %v, %d points, message %q; want %d points and a message starting %q", c.name, ok, s.Points, s.Message, c.points, c.want)
		}
		en := Evaluate(site, phishingRules(), "en")
		for _, e := range en {
			if e.ID == "phishing-credential-form" && strings.Contains(e.Message, "page on  ") {
				t.Errorf("%s: English message %q names an empty host", c.name, e.Message)
			}
		}
	}
}

// TestCredentialFormSavedPageSendsOff: a saved page presenting a brand is
// medium when its origin is unknown, but high when its form sends what is
// typed to a domain none of the brand's, wherever it was shown, or when it
// asks for what no shop asks for together (a card's PIN); a plain login
// sending to the brand's own domain or a relative one stays medium.
func TestCredentialFormSavedPageSendsOff(t *testing.T) {
	login := `<label>ID<input name="id"></label><label>パスワード<input type="password" name="pw"></label>`
	pin := `<label>カード暗証番号<input type="password" name="pin"></label>`
	form := func(action, fields string) string {
		return `<title>Vpassログイン|三井住友カード</title><h1>三井住友カード</h1><form method="post" action="` + action + `">` + fields + `</form>`
	}
	for _, c := range []struct {
		name, action, fields, sendsTo string
		points                        int
	}{
		{"a kit's absolute action on its own host", "https://vpass-secure-check.xyz/smbc/post.php", login, "vpass-secure-check.xyz", 50},
		{"an action on the brand's own domain", "https://www.vpass.ne.jp/login.do", login, "", 25},
		{"a relative action", "post.php", login, "", 25},
		{"a relative action asking for the card's PIN too", "post.php", login + pin, "", 50},
	} {
		site := phSite(phHTML("file:///evidence/login.html", form(c.action, c.fields)))
		s, ok := phFired(site)["phishing-credential-form"]
		if !ok || s.Points != c.points || c.sendsTo != "" && (!strings.Contains(s.Evidence, c.sendsTo) || !strings.Contains(s.Message, c.sendsTo)) {
			t.Errorf("%s: fired %v, %d points, evidence %q, message %q; want %d points naming %q", c.name, ok, s.Points, s.Evidence, s.Message, c.points, c.sendsTo)
		}
	}
}

// TestPhishingEvidenceInEnglish: the impersonation and form signs' own
// words around what they quote are English for an English reader.
func TestPhishingEvidenceInEnglish(t *testing.T) {
	site := phSite(phHTML("https://resona-login.example.top/", `<title>りそなマイゲート ログイン|りそな銀行</title><h1>りそなマイゲート</h1><form><input name="id"><input type="password" name="pw"></form>`))
	rs := phishingRules()
	for lang, want := range map[string][]string{"ja": {"公式: ", "を名乗る"}, "en": {"(official: ", "presents itself as Resona Bank"}} {
		var all []string
		for _, s := range Evaluate(site, rs, lang) {
			all = append(all, s.Evidence)
		}
		got := strings.Join(all, " | ")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: evidence %q lacks %q", lang, got, w)
			}
		}
	}
}

// TestSharedBankingHost: regional banks and JA serve their internet
// banking from NTT Data's shared host (www.parasol.anser.ne.jp, the bank
// told by CCT0080): a bank's own login there is no phishing, and no kit can
// be put on that host.
func TestSharedBankingHost(t *testing.T) {
	site := phSite(phHTML("https://www.parasol.anser.ne.jp/ib/index.do?PT=BS&CCT0080=0125",
		phDoc("七十七銀行 七十七ダイレクトバンキング ログイン", `<h1>七十七ダイレクトバンキング</h1><form method="post" action="/ib/index.do"><input name="USER_ID"><input type="password" name="PASSWORD"><button>ログイン</button></form>`)))
	for id := range phFired(site) {
		t.Errorf("%s fired on the bank's own login at the shared host", id)
	}
}

// TestUserContentHostIsNoBrands: a form anyone can publish on a brand's
// user-content host (forms.office.com) is none of the brand's own pages.
func TestUserContentHostIsNoBrands(t *testing.T) {
	site := phSite(phHTML("https://forms.office.com/r/AbCdEf123",
		phDoc("Microsoft アカウント｜サインイン", `<h1>Microsoft アカウントの確認</h1><form method="post"><input type="email" name="mail"><input type="password" name="pw"></form>`)))
	got := phFired(site)
	if _, ok := got["phishing-credential-form"]; !ok {
		t.Errorf("a password form on forms.office.com: signs %v, want phishing-credential-form", got)
	}
	if !UserContentHost("forms.office.com") || UserContentHost("www.office.com") || UserContentHost("login.microsoftonline.com") {
		t.Error("UserContentHost: want forms.office.com only")
	}
}

// TestLogoFileNamesBrand: a kit that strips its logo's alt text keeps the
// file (logo_mufg_bank.png); on a page naming no brand whose title is
// login words only, the file's brand keyword presents the page. A shop's
// own login, a titled page, an image with alt text and a banner do not.
func TestLogoFileNamesBrand(t *testing.T) {
	form := `<form method="post" action="/login.php"><label>契約番号</label><input name="k"><label>ログインパスワード</label><input type="password" name="pw"></form>`
	for _, c := range []struct {
		name, url, title, body string
		want                   bool
	}{
		{"a kit's alt-less logo named for the bank", "https://secure-login-jp.com/", "ログイン", `<div class="header"><img src="/img/logo_mufg_bank.png"></div>` + form, true},
		{"the bank's own page", "https://direct.bk.mufg.jp/", "ログイン", `<div class="header"><img src="/img/logo_mufg_bank.png"></div>` + form, false},
		// p44 page27: 「会員様専用ページ」 after the login word names no one.
		{"a kit titled 'log-in | members' page'", "https://member-secure-login.com/nid/", "ログイン｜会員様専用ページ", `<div class="header"><img src="/img/logo_mufg_bank.png"></div>` + form, true},
		{"a shop's own logo", "https://zakka-luna.example.jp/login", "ログイン", `<div class="header"><img src="/img/logo.png"></div>` + form, false},
		{"a titled page with a payment logo first", "https://zakka-luna.example.jp/login", "ログイン | 雑貨店ルナ", `<img src="/img/logo_rakuten_pay.png">` + form, false},
		{"an image with alt text", "https://zakka-luna.example.jp/login", "ログイン", `<img src="/img/logo_smbc.png" alt="ショップロゴ">` + form, false},
		{"a banner, no logo", "https://zakka-luna.example.jp/login", "ログイン", `<img src="/img/banner_rakuten_sale.png">` + form, false},
		{"a shop's log-in-with buttons after its own logo", "https://zakka-luna.example.jp/login", "ログイン",
			`<div><img src="/img/header_luna.png"></div>` + form + `<a href="/auth/yahoo"><img src="/img/logo_yahoo.png"></a><a href="/auth/amazon"><img src="/img/logo_amazon_pay.png"></a>`, false},
	} {
		site := phSite(phHTML(c.url, phDoc(c.title, c.body)))
		s, got := phFired(site)["phishing-brand-impersonation"]
		if got != c.want {
			t.Errorf("%s: phishing-brand-impersonation fired %v (evidence %q), want %v", c.name, got, s.Evidence, c.want)
		}
		if got && !strings.Contains(s.Evidence, "logo file: logo_mufg_bank.png") {
			t.Errorf("%s: evidence %q does not name the file", c.name, s.Evidence)
		}
	}
}
