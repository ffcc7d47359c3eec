package rules

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestGovernmentHost(t *testing.T) {
	for _, c := range []struct {
		host string
		gov  bool
	}{
		{"www.kokusen.go.jp", true},
		{"www.city.yokohama.lg.jp", true},
		{"www.pref.miyagi.jp", true},
		{"pref.miyagi.jp", true},
		{"www.city.tome.miyagi.jp", true},
		{"www.town.onagawa.miyagi.jp", true},
		{"www.vill.ohira.miyagi.jp", true},
		{"www.city.sendai.jp", true},
		{"WWW.CITY.SENDAI.JP.", true},
		// Names anyone can register, or look-alikes.
		{"city.evilshop.jp", false}, // a general .jp name's subdomain
		{"www.pref.miyagi.jp.example.com", false},
		{"pref.example.jp", false},
		{"city.tome.example.jp", false},
		{"city.shop.miyagi.jp", false},     // shop.miyagi.jp is anyone's name
		{"www.town.shop.miyagi.jp", false}, // not a prefecture
		{"city.sendai-shop.jp", false},
		{"go.jp-refund.top", false},
		{"lgjp.example.com", false},
		{"example.co.jp", false},
		{"miyagi.jp", false},
		{"", false},
	} {
		if got := GovernmentHost(c.host); got != c.gov {
			t.Errorf("GovernmentHost(%q) = %v, want %v", c.host, got, c.gov)
		}
	}
}

// TestGovernmentSiteSigns: a city's benefit application (transfer to the
// citizen's account, its number and birth date asked, sent to the city's
// e-application service) is scored nothing on the city's own domain, and
// high on a name anyone could hold.
func TestGovernmentSiteSigns(t *testing.T) {
	page := flHTML("物価高騰対策給付金のオンライン申請 - 登米市", `<h1>物価高騰対策給付金のオンライン申請</h1>
<h2>振込先口座の登録</h2><p>給付金は申請者名義の口座に振り込みます。お支払い方法：銀行振込のみ。</p>
<form action="https://ttzk.graffer.jp/city-tome/apply" method="post">
<p>申請者氏名 <input name="name"></p><p>生年月日 <input name="birth" type="date"></p>
<p>金融機関名 <input name="bank"></p><p>口座番号 <input name="account_number"></p>
<p>口座名義（カナ） <input name="holder"></p><p><button type="submit">申請する</button></p></form>`)
	ids := func(host string) []string {
		var out []string
		for _, s := range Evaluate(flTestSite(t, host, "kyufu/", page), All(), "ja") {
			out = append(out, s.ID)
		}
		return out
	}
	if got := ids("www.city.tome.miyagi.jp"); len(got) != 0 {
		t.Errorf("on the city's domain: %v, want no sign", got)
	}
	// Off the city's domain the page is a public office's asking for the
	// account (public-office-form), no longer a direct debit's sign-up
	// (phishing-credential-form's account-and-birth-date finding).
	got := ids("city.kyufu-tome.com")
	if slices.Contains(got, "phishing-credential-form") {
		t.Errorf("on city.kyufu-tome.com: %v, want no phishing-credential-form beside public-office-form", got)
	}
	for _, want := range []string{"public-office-form", "form-posts-offsite"} {
		if !slices.Contains(got, want) {
			t.Errorf("on city.kyufu-tome.com: %v, want %s among them", got, want)
		}
	}
	// A bank's login posed on a city's (hacked) site is still phishing.
	bank := flHTML("三井住友銀行 ログイン", `<h1>三井住友銀行</h1><p>SMBCダイレクト ログイン</p><form method="post"><p>契約者番号 <input name="id"></p><p>暗証番号 <input name="pin" type="password"></p><p>第二暗証番号 <input name="pin2" type="password"></p></form>`)
	var found bool
	for _, s := range Evaluate(flTestSite(t, "www.city.tome.miyagi.jp", "smbc/", bank), All(), "ja") {
		found = found || s.ID == "phishing-credential-form"
	}
	if !found {
		t.Errorf("a bank's login on a city's site: no phishing-credential-form")
	}
}

// TestGovernmentHostedFakeShop: a fake shop on a taken-over public
// subdomain loses the merchant signs only; the others still read it.
func TestGovernmentHostedFakeShop(t *testing.T) {
	var pairs []string
	for _, name := range []string{"index.html", "guide.html", "law.html"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "sites", "fake-utf8", name))
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, name, string(b))
	}
	signs := Evaluate(flTestSite(t, "shop.city.tome.miyagi.jp", pairs...), All(), "ja")
	var ids []string
	for _, s := range signs {
		ids = append(ids, s.ID)
	}
	for _, muted := range []string{"payment-transfer-only", "account-personal-name", "account-name-mismatch", "seller-info-missing", "contact-free-email", "address-inconsistent"} {
		if slices.Contains(ids, muted) {
			t.Errorf("%s scored on a public body's site: %v", muted, ids)
		}
	}
	if score, risk := Score(signs); risk == RiskLow {
		t.Errorf("a fake shop on a public subdomain: %v, score %d, low", ids, score)
	}
}

// TestGovernmentOfficesAddresses: a prefecture's contact line giving its
// Tokyo office's 03 number beside the prefecture's address is no
// inconsistent seller address.
func TestGovernmentOfficesAddresses(t *testing.T) {
	page := flHTML("東京事務所", `<p>お問い合わせ：宮城県 総務部 〒980-8570 宮城県仙台市青葉区本町3丁目8番1号 電話 03-5212-9045（東京事務所）</p>`)
	for _, s := range Evaluate(flTestSite(t, "www.pref.miyagi.jp", "soshiki/", page), All(), "ja") {
		if s.ID == "address-inconsistent" {
			t.Errorf("address-inconsistent on a prefecture's list of offices: %q", s.Evidence)
		}
	}
}
