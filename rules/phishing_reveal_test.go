package rules

import (
	"strings"
	"testing"
)

func TestPhishReveal(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Spaced out.
		{"三 井 住 友 銀 行 | ログイン", "三井住友銀行 | ログイン"},
		{"S M B C | ログイン", "SMBC | ログイン"},
		{"ようこそ A m a z o n へ", "ようこそ Amazon へ"},
		{"楽 天 カード", "楽天カード"}, // カ ends a run of three, glued to ード
		{"【A m a z o n】お客様のアカウント", "【Amazon】お客様のアカウント"},
		{"(S M B C)", "(SMBC)"},
		{"お近くのA T Mで手続き", "お近くのATMで手続き"}, // kana beside Latin letters
		{"【公式】A m a z o nからのお知らせ", "【公式】Amazonからのお知らせ"},
		{"楽 天カード", ""}, // two, the second glued: an ordinary pair
		{"医療費の還 付 金があります", "医療費の還付金があります"},
		{"東京 都 港区", "東京都港区"},
		{"医療費の還・付・金があります", "医療費の還付金があります"},
		{"ブランド・バッグ", ""}, // words set apart, not letters
		{"土・日・祝日", "土日祝日"},
		{"ご利用 中", ""},        // one letter alone, beside a word
		{"AのB C D", "AのBCD"}, // A stands alone, then a run of three
		{"型番 X1 Y Z", ""},    // X1 is a word of two
		{"ビタミンC と E", ""},    // one letter each side of と
		// Digits for letters.
		{"Amaz0n | ログイン", "Amazon | ログイン"},
		{"AMAZ0N サインイン", "AMAZON サインイン"},
		{"Rakut3n会員ログイン", "Rakuten会員ログイン"},
		{"App1e ID", "Apple ID"},
		{"M1zuho Direct", "Mizuho Direct"},
		{"paypa1", ""}, // a name's number: shop1, user1
		{"shop1.test の店", ""},
		// Left as they are.
		{"三井住友銀行", ""},
		{"サイズ S M L", "サイズ SML"}, // joined, naming no one
		{"A B", ""},              // two Latin letters: an ordinary pair
		{"iPhone15 Pro", ""},
		{"Windows11 対応", ""},
		{"RTX4090", ""},
		{"4K テレビ", ""},
		{"第 1 回", ""},
		{"2024年5月10日", ""},
		{"B2B", ""},
		{"下記URLよりご確認ください。 https://bit.ly/3xJpPost", ""},
		{"amaz0n-jp.com", ""},
		{"", ""},
	} {
		got, changed := phishReveal(c.in)
		want := c.want
		if want == "" {
			want = c.in
		}
		if got != want || changed != (c.want != "") {
			t.Errorf("phishReveal(%q) = %q, %v; want %q, %v", c.in, got, changed, want, c.want != "")
		}
	}
}

// TestBrandRevealed: a kit that spaces out or spells with digits the
// brand's name in its title is read as presenting the brand, and the
// evidence shows the page's own text beside the reading.
func TestBrandRevealed(t *testing.T) {
	form := `<form action="/p" method="post">ID<input name="id">パスワード<input type="password" name="pw"></form>`
	for _, c := range []struct{ title, want string }{
		{"三 井 住 友 銀 行 | ログイン", "三 井 住 友 銀 行 | ログイン (= 三井住友銀行 | ログイン)"},
		{"Ｓ Ｍ Ｂ Ｃ | ログイン", "S M B C | ログイン (= SMBC | ログイン)"},
		{"Amaz0n サインイン", "Amaz0n サインイン (= Amazon サインイン)"},
		{"Amazon サインイン", "Amazon サインイン"},
	} {
		got := phFired(phSite(phHTML("https://secure-verify-login.top/", "<title>"+c.title+"</title><h2>本人確認</h2>"+form)))
		s, ok := got["phishing-brand-impersonation"]
		if !ok || !strings.Contains(s.Evidence, "ページの題名: "+c.want) {
			t.Errorf("%s: %+v, want evidence with %q", c.title, got, c.want)
		}
		if _, ok := got["phishing-credential-form"]; !ok {
			t.Errorf("%s: no phishing-credential-form", c.title)
		}
	}
	// A service's web name beside the brand's (rev18 fraud ph08).
	got := phFired(phSite(phHTML("https://tepco-denki-ryokin.top/", "<title>東京電力エナジーパートナー くらしTEPCO web</title><h1>くらしTEPCO web</h1>"+form)))
	phExpect(t, got, "phishing-credential-form", "phishing-brand-impersonation")
	// A shop's heading spaced for looks names no brand.
	got = phFired(phSite(phHTML("https://zakka-mori.jp/", `<title>雑貨の森</title><h1>S A L E</h1><p>全品20%OFF</p>`+form)))
	phExpect(t, got)
}

// TestPhishMayRevealMissesNothing holds phishReveal's quick look to its
// work: a text phishUnspace changes is one phishMayReveal calls spaced,
// over every testdata line and texts spaced out every way phishUnspace
// joins (Latin and kana or kanji, glued or not at either end).
func TestPhishMayRevealMissesNothing(t *testing.T) {
	texts := flCorpusLines(t)
	for _, w := range []string{"ATM", "Amazon", "還付金", "楽天", "三井住友", "ログイン", "AB", "日本", "当選", "還付"} {
		for _, sep := range []string{" ", "・"} {
			spaced := strings.Join(strings.Split(w, ""), sep)
			for _, left := range []string{"", " ", "の", "x", "1", "【", "お近くの"} {
				for _, right := range []string{"", " ", "で", "x", "1", "】", "があります"} {
					texts = append(texts, left+spaced+right)
				}
			}
		}
	}
	changed := 0
	for _, s := range texts {
		if _, ok := phishUnspace(s); ok {
			changed++
			if spaced, _ := phishMayReveal(s); !spaced {
				t.Errorf("phishUnspace changes %q, phishMayReveal says nothing is spaced", s)
			}
		}
	}
	if changed < 50 {
		t.Errorf("only %d texts changed: the test proves little", changed)
	}
}
