package rules

import (
	"strings"
	"testing"
)

// TestPublicOfficeForm: a page speaking as a city or a tax office about
// money to receive, with a form for the bank account, off the
// government's domains fires; the same page on the city's own domain or
// a shared e-application service, a page without such a form, a warning
// and a ticket office's refund form stay silent.
func TestPublicOfficeForm(t *testing.T) {
	account := `<form method="post" action="/apply.php"><label>氏名</label><input name="name"><label>金融機関名</label><input name="bank"><label>口座番号</label><input name="acct"><button>申請する</button></form>`
	benefit := `<h1>仙台市 物価高騰対策給付金</h1><p>対象世帯に給付金30,000円を支給します。申請期限は本日までです。</p>` + account
	for _, c := range []struct {
		name, url, title, body string
		want                   bool
	}{
		{"a city's benefit off its domain", "https://sendai-kyufukin.com/apply", "仙台市 物価高騰対策給付金 オンライン申請", benefit, true},
		{"a tax office's refund off its domain", "https://zeimusho-kanpu.example.net/", "還付金のお受け取り | 仙台北税務署",
			`<h1>仙台北税務署</h1><p>所得税の還付金があります。受取口座をご登録ください。</p>` + account, true},
		{"a city office's tag in the header bar", "https://kyufu-center.example.com/", "給付金オンライン申請",
			`<p>横浜市</p><p>定額減税補足給付金の振込先口座を入力してください。</p>` + account, true},
		{"the city's own site", "https://www.city.sendai.jp/kyufu/apply.html", "仙台市 物価高騰対策給付金 オンライン申請", benefit, false},
		{"a shared e-application service", "https://logoform.jp/form/abcD/123456", "仙台市 物価高騰対策給付金 オンライン申請", benefit, false},
		{"a social welfare council's site under or.jp", "https://www.sendai-shakyo.or.jp/kyufu/", "仙台市 物価高騰対策給付金 オンライン申請", benefit, false},
		{"no account asked", "https://sendai-kyufukin.com/apply", "仙台市 物価高騰対策給付金 オンライン申請",
			`<h1>仙台市 物価高騰対策給付金</h1><p>給付金の申請は市の窓口で受け付けています。</p><form method="post"><label>お名前</label><input name="name"><label>メール</label><input name="mail"></form>`, false},
		{"a warning about benefit fraud", "https://www.example-bank.co.jp/security/kyufu.html", "給付金詐欺にご注意ください | 仙台市",
			`<h1>給付金詐欺にご注意ください</h1><p>市役所が給付金の手続きでATMの操作や口座番号の入力をお願いすることはありません。</p>` + account, false},
		{"a tax accountant's refund filing service", "https://aoba-zeirishi.example.jp/kanpu", "仙台市 還付申告代行 | 青葉税理士事務所",
			`<h1>医療費控除・還付申告の代行</h1><p>医療費控除で所得税の還付金を受け取る申告を、税理士が代行します。</p>` + account, false},
		{"a ticket office's refund form", "https://ticket.example.jp/refund", "公演中止に伴う払い戻しのお手続き | 仙台市 青年文化ホール",
			`<h1>払い戻しのお手続き</h1><p>チケットの払戻金は、下記フォームにご入力の振込先口座へお振込みします。</p>` + account, false},
	} {
		site := phSite(phHTML(c.url, phDoc(c.title, c.body)))
		s, got := phFired(site)["public-office-form"]
		if got != c.want {
			t.Errorf("%s: public-office-form fired %v (evidence %q), want %v", c.name, got, s.Evidence, c.want)
		}
		if got && !strings.Contains(s.Evidence, "口座番号") {
			t.Errorf("%s: evidence %q does not name the account field", c.name, s.Evidence)
		}
	}
}

// TestPublicOfficeNoDirectDebit: a city's benefit asking for the account
// and the birth date is told as a public office's page, not as a direct
// debit's sign-up (phishing-credential-form's milder finding).
func TestPublicOfficeNoDirectDebit(t *testing.T) {
	site := phSite(phHTML("https://sendai-kyufukin.com/apply", phDoc("仙台市 物価高騰対策給付金",
		`<h1>仙台市 物価高騰対策給付金</h1><p>給付金の振込先を入力してください。</p><form method="post"><label>生年月日</label><input name="dob"><label>口座番号</label><input name="acct"></form>`)))
	got := phFired(site)
	if _, ok := got["public-office-form"]; !ok {
		t.Error("public-office-form did not fire")
	}
	if s, ok := got["phishing-credential-form"]; ok {
		t.Errorf("phishing-credential-form fired too: %q", s.Message)
	}
}
