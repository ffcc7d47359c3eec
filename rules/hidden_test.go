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
			fired := func(salt string) bool {
				body := c.page
				if i := strings.Index(body, "<body"); i >= 0 {
					j := i + strings.Index(body[i:], ">") + 1
					body = body[:j] + salt + body[j:]
				} else {
					body = salt + body
				}
				site := phSite(phHTML(c.url, body))
				for _, s := range Evaluate(site, All(), "ja") {
					if s.ID == c.sign {
						return true
					}
				}
				return false
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
			if !fired(`<style>.nt{display:none}</style><div class="nt">` + c.salt + `</div>`) {
				t.Errorf("%s silenced by text hidden by a class", c.sign)
			}
		})
	}
}
