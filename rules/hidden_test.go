package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHiddenTextExcusesNothing: a kit or a fake shop salted with text no
// browser shows (a warning, a donation or junk heading under display:none,
// the hidden attribute or a class of the page's own style sheet) keeps its
// sign; the same text shown does excuse it, so each salt is one that would
// work if it were read.
func TestHiddenTextExcusesNothing(t *testing.T) {
	fixture := func(path string) string {
		b, err := os.ReadFile(filepath.Join("..", "testdata", path))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const warning = `<h1>【注意喚起】詐欺サイトにご注意ください</h1><p>このページは詐欺の手口を紹介する注意喚起ページです。警察や消費生活センターに寄せられた相談事例です。偽の警告画面に表示された電話番号には絶対に電話しないでください。不審なリンクは開かないでください。消費者ホットライン188、警察相談専用電話#9110。</p>`
	const shopWarning = `<h1>【注意喚起】詐欺サイトにご注意ください</h1><p>このページは詐欺の手口を紹介する注意喚起ページです。</p><p>偽サイト・詐欺サイトの被害が増えています。</p><p>不審なサイトで買い物をしないでください。</p><p>詐欺サイトの見分け方を紹介します。</p><p>偽ショップに注意。</p>`
	const fakeShop = `<title>ブランド激安通販</title><h1>ブランド激安通販</h1><p>お支払い方法：銀行振込のみ</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダタロウ</p>`
	for _, c := range []struct {
		name, url, page, salt, sign string
	}{
		{"one-click page, warning", "https://adult-douga.example.top/", fixture("phishing/oneclick/index.html"), warning, "oneclick-billing"},
		{"support scam, warning", "https://apple-alert.example.top/", fixture("phishing/support-iphone/index.html"), warning, "support-scam"},
		{"fake shop, a consumer centre's warning", "https://brand-gekiyasu.example.top/", fakeShop, shopWarning, "payment-transfer-only"},
		{"fake shop, a donation heading first", "https://brand-gekiyasu.example.top/", fakeShop, `<h1>寄付のお願い</h1>`, "payment-transfer-only"},
		{"discount shop, a junk heading", "https://brand-gekiyasu.example.top/",
			`<title>ブランド激安通販</title><h1>ブランド激安通販</h1><p>ルイヴィトン バッグ 定価 ¥238,000 → ¥23,800</p><p>グッチ 財布 定価 ¥98,000 → ¥4,980</p><p>エルメス スカーフ 定価 ¥58,000 → ¥5,800</p><p>カートに入れる</p>`,
			`<h2>ジャンク品</h2>`, "price-extreme-discount"},
		{"fake shop, a benefit heading first", "https://brand-gekiyasu.example.top/", fakeShop, `<h1>給付金のご案内</h1>`, "payment-transfer-only"},
		{"investment lure, a warning heading", "https://kabu-juku.example.top/",
			`<title>株塾</title><h1>プロ投資家の株塾</h1><p>会員の実績は月利25%。</p><p>今すぐ参加 <a href='https://line.me/ti/g2/XyZ987'>参加する</a></p>`,
			`<h2>SNS型投資詐欺にご注意ください</h2>`, "investment-lure"},
		{"clickfix steps, a warning heading", "https://kakunin.example.top/check",
			`<title>確認</title><p>ロボットではないことを確認します</p><p>手順 1</p><p>Win + X を押し</p><p>「ターミナル」を選んでください</p><p>手順 2</p><p>そのまま</p><p>貼り付け（Ctrl+V）てから Enter を押してください</p>`,
			`<h2>偽のCAPTCHAにご注意ください</h2>`, "clickfix"},
	} {
		t.Run(c.name, func(t *testing.T) {
			firedOn := func(body string) bool {
				for _, s := range Evaluate(phSite(phHTML(c.url, body)), All(), "ja") {
					if s.ID == c.sign {
						return true
					}
				}
				return false
			}
			fired := func(salt string) bool {
				body := c.page
				if i := strings.Index(body, "<body"); i >= 0 {
					j := i + strings.Index(body[i:], ">") + 1
					body = body[:j] + salt + body[j:]
				} else {
					body = salt + body
				}
				return firedOn(body)
			}
			if !fired("") {
				t.Fatalf("%s does not fire on the page alone", c.sign)
			}
			if fired(c.salt) {
				t.Fatalf("the salt shown does not silence %s: the case tests nothing", c.sign)
			}
			if !fired(`<div style="display:none">` + c.salt + `</div>`) {
				t.Errorf("%s silenced by text hidden with display:none", c.sign)
			}
			if !fired(`<section hidden>` + c.salt + `</section>`) {
				t.Errorf("%s silenced by text in a hidden element", c.sign)
			}
			for _, wrap := range []string{`<style>.nt{display:none}</style><div class="nt">%s</div>`, `<div style="opacity:.0">%s</div>`,
				`<dialog>%s</dialog>`, `<div style="display:/**/none">%s</div>`, `<div style="font-size:0px">%s</div>`} {
				if fired(strings.Replace(wrap, "%s", c.salt, 1)) {
					continue
				}
				t.Errorf("%s silenced by text hidden so: %s", c.sign, wrap)
			}
			// Hidden excuses hidden: with the lure folded away beside the
			// warning (a police page's example that unfolds on a click),
			// nothing fires.
			if c.page == fakeShop || strings.Contains(c.sign, "price") {
				return // the shop signs read hidden terms as the shop's own
			}
			lure := c.page
			if i, j := strings.Index(lure, "<title>"), strings.Index(lure, "</title>"); i >= 0 && j > i {
				lure = lure[:i] + lure[j+len("</title>"):] // a title is always shown
			}
			if i := strings.Index(lure, "<body"); i >= 0 {
				lure = lure[i+strings.Index(lure[i:], ">")+1:]
			}
			folded := "<html><head><title>お知らせ</title></head><body><div hidden>" + c.salt + "</div><div hidden>" + lure + "</div></body></html>"
			if firedOn(folded) {
				t.Errorf("%s fired on a page whose lure and warning are both hidden", c.sign)
			}
			if !firedOn(strings.Replace(folded, "<div hidden>"+c.salt+"</div>", "", 1)) {
				t.Errorf("%s silent on a hidden lure without a warning: hidden text accuses", c.sign)
			}
		})
	}
}

// TestMailShownWarning: a message's warning test reads what a mail client
// shows (Mail.Shown): a lure whose warning is hidden or only in the plain
// alternative keeps its sign.
func TestMailShownWarning(t *testing.T) {
	const lure = "有料動画サイトのご利用料金が未払いとなっております。\n未払い料金 298,000円\n本日中にご連絡がない場合は、法的措置に移行させていただきます。\nお問い合わせ窓口 03-5555-1234"
	const warn = "【注意喚起】架空請求詐欺にご注意ください。このような手口の詐欺メールが報告されています。身に覚えのない請求には絶対に連絡しないでください。\n"
	fired := func(m Mail) bool {
		for _, s := range EvaluateMail(&m, MessageRules(), "ja") {
			if s.ID == "mail-fake-bill" {
				return true
			}
		}
		return false
	}
	if !fired(Mail{Text: lure}) {
		t.Fatal("mail-fake-bill does not fire on the lure alone")
	}
	if fired(Mail{Text: warn + lure}) {
		t.Fatal("the warning shown does not excuse: the case tests nothing")
	}
	if !fired(Mail{Text: warn + lure, Shown: lure, HTML: true}) {
		t.Error("a warning the mail client does not show excused the lure")
	}
	if !fired(Mail{Text: warn + lure, Shown: "", HTML: true}) {
		t.Error("an HTML part that shows nothing let its hidden warning excuse (review 21)")
	}
	if fired(Mail{Text: warn + lure, Shown: warn + lure, HTML: true}) {
		t.Error("a warning shown no longer excuses")
	}
}

// TestUncertainHiddenLure: a lure under hiding that is not beyond doubt
// (a font size of 0 that a sheet's rule sizes again, a hidden attribute a
// sheet's display undoes, a hiding class shown again under @media) does
// not go with a warning hidden beyond doubt (review 21).
func TestUncertainHiddenLure(t *testing.T) {
	lure := oneclickBody(t)
	const warning = `<div style="display:none"><h1>【注意喚起】詐欺サイトにご注意ください</h1><p>このページは詐欺の手口を紹介する注意喚起ページです。警察や消費生活センターに寄せられた相談事例です。不審なリンクは開かないでください。消費者ホットライン188、警察相談専用電話#9110。</p></div>`
	for _, c := range []struct {
		name, style, open, close string
		inside                   bool // the warning inside the lure's wrapper
	}{
		{"font size 0 over items a sheet may size again", `p{font-size:16px}`, `<div style="font-size:0">`, `</div>`, false},
		{"a hidden attribute a sheet undoes", `body div.x{display:block}`, `<div hidden class="x">`, `</div>`, false},
		{"a class shown again under @media", `.y{visibility:hidden} @media screen{.y{visibility:visible}}`, `<div class="y">`, `</div>`, false},
		{"a warning surely hidden inside a wrapper a sheet hides", `.z{display:none} @media screen{.z{display:block}}`, `<div class="z">`, `</div>`, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := warning + c.open + lure + c.close
			if c.inside {
				body = c.open + warning + lure + c.close
			}
			page := "<html><head><title>お知らせ</title><style>" + c.style + "</style></head><body>" + body + "</body></html>"
			if !firesOn("https://adult-douga.example.top/", page, "oneclick-billing") {
				t.Error("oneclick-billing silent: a lure not surely hidden went with a warning surely hidden")
			}
		})
	}
}

// TestHonestWarningWithFadeIn: a consumer centre's page that quotes a
// one-click screen under a warning heading that fades in as the reader
// scrolls (WOW.js's first frame saved with the page) stays silent, and so
// does a police page whose first heading warns and whose advice is folded
// away beside a quoted fake shop's terms (review 22); a fake shop titled
// with a warning and salted with a hidden one is still a shop.
func TestHonestWarningWithFadeIn(t *testing.T) {
	example := oneclickBody(t)
	const warning = `<h1 class="wow fadeInUp" style="visibility: hidden; animation-name: none;">【注意喚起】ワンクリック詐欺にご注意ください</h1><div class="wow fadeIn" style="visibility: hidden; animation-name: none;"><p>このページは詐欺の手口を紹介する注意喚起ページです。以下は実際に相談が寄せられた画面の例です。</p><p>身に覚えのない請求には絶対に連絡しないでください。消費者ホットライン188、警察相談専用電話#9110。</p></div>`
	fired := firesOn
	page := "<html><head><title>消費生活センター</title></head><body>" + warning + example + "</body></html>"
	if fired("https://www.city.example.lg.jp/shohi/oneclick.html", page, "oneclick-billing") {
		t.Error("oneclick-billing fired on a warning page whose warning fades in")
	}
	police := `<html><head><title>偽ショッピングサイトの被害にご注意</title></head><body><h1>偽ショッピングサイトの被害が増えています</h1><p>次のような表示のサイトに注意してください。</p><p>お支払い方法：銀行振込のみ</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダタロウ</p><details><summary>被害にあわないために</summary><div hidden><p>詐欺サイトでは銀行振込のみの場合が多いです。</p><p>振込先が個人名義の口座は詐欺の手口です。</p><p>不審な通販サイトの被害が増えています。</p><p>偽サイトの見分け方を確認してください。</p><p>被害にあったら警察に相談してください。</p></div></details></body></html>`
	const site = "https://www.bouhan-net.example.jp/fake-shop.html" // a crime-prevention group's, not a government host
	if !fired(site, `<html><head><title>お知らせ</title></head><body><p>お支払い方法：銀行振込のみ</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダタロウ</p></body></html>`, "payment-transfer-only") {
		t.Fatal("payment-transfer-only does not fire on the quoted terms alone: the case tests nothing")
	}
	if fired(site, police, "payment-transfer-only") {
		t.Error("payment-transfer-only fired on a police page whose title warns and whose advice is folded away")
	}
	// A fake shop that titles itself with a warning and hides the rest of
	// one is still read as a shop.
	fake := `<html><head><title>ブランド激安通販｜偽サイトにご注意ください</title></head><body><h1>ブランド激安通販</h1><p>お支払い方法：銀行振込のみ</p><p>振込先：三井住友銀行 新宿支店 普通 1234567 ヤマダタロウ</p><div hidden><p>詐欺サイトでは銀行振込のみの場合が多いです。</p><p>振込先が個人名義の口座は詐欺の手口です。</p><p>不審な通販サイトの被害が増えています。</p><p>偽サイトの見分け方を確認してください。</p><p>被害にあったら警察に相談してください。</p></div></body></html>`
	if !fired("https://brand-gekiyasu.example.top/", fake, "payment-transfer-only") {
		t.Error("a fake shop with a warning title and a hidden warning went as a warning page")
	}
}

// oneclickBody returns what is inside the <body> of the one-click fixture
// (testdata/phishing/oneclick): a lure to quote or hide.
func oneclickBody(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "phishing", "oneclick", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	body := string(b)
	i := strings.Index(body, "<body")
	j := i + strings.Index(body[i:], ">") + 1
	return body[j:strings.LastIndex(body, "</body>")]
}

// firesOn reports whether sign id fires on the page body served at url.
func firesOn(url, body, id string) bool {
	for _, s := range Evaluate(phSite(phHTML(url, body)), All(), "ja") {
		if s.ID == id {
			return true
		}
	}
	return false
}

// TestEvidenceHiddenNoted: a sign whose evidence quotes text its page hides
// says so (a person looking at the page will not find it), in the
// message's language; the same text shown, or shown as well as hidden,
// gets no note.
func TestEvidenceHiddenNoted(t *testing.T) {
	const company = `<p>北欧の食器や手作りの器を扱う小さなお店です。販売業者 株式会社くらし 所在地 東京都世田谷区太子堂1-2-3 電話 03-1234-5678</p>`
	const shop = `<title>暮らしの雑貨</title><h1>暮らしの雑貨</h1><p>北欧の食器 ¥3,200 カートに入れる</p><p>手作りの器 ¥2,800 カートに入れる</p>`
	for _, c := range []struct {
		name, body, lang string
		noted            bool
	}{
		{"company details hidden", shop + `<div style="display:none">` + company + `</div>`, "ja", true},
		{"company details hidden, in English", shop + `<div style="display:none">` + company + `</div>`, "en", true},
		{"company details shown", shop + company, "ja", false},
		{"company details shown and hidden", shop + company + `<div style="display:none">` + company + `</div>`, "ja", false},
		{"company details shown in a longer line, hidden alone", shop + strings.Replace(company, "</p>", " 営業時間 10時から18時</p>", 1) + `<div style="display:none">` + company + `</div>`, "ja", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var seller *Sign
			signs := Evaluate(phSite(phHTML("https://kurashi-zakka.example.jp/", c.body)), All(), c.lang)
			for i := range signs {
				if signs[i].ID == "seller-info-missing" {
					seller = &signs[i]
				}
			}
			if seller == nil {
				t.Fatalf("seller-info-missing did not fire: %+v", signs)
			}
			note := hiddenNote.In(c.lang)
			if got := strings.HasSuffix(seller.Evidence, note); got != c.noted {
				t.Errorf("evidence %q: noted as hidden %v, want %v", seller.Evidence, got, c.noted)
			}
		})
	}
}
