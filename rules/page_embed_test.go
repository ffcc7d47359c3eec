package rules

import (
	"encoding/base64"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// embedPage is NewPage of body at a kit's address.
func embedPage(body string) *Page {
	return NewPage("https://kit-login.top/", 200, "text/html", body, false)
}

// pageFields counts the fields a visitor fills in on p.
func pageFields(p *Page) int {
	n := 0
	for _, f := range p.Forms {
		n += len(f.Inputs)
	}
	return n
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

const embedKit = `<h1>三井住友銀行</h1><form><input name=u placeholder=契約者番号><input type=password name=p placeholder=第一暗証><button>ログイン</button></form>`

// TestNewPageEmbedded: what a browser shows from a srcdoc, a
// document.write of a literal and an SVG drawing is read into the page;
// what it does not show, or what code would have to be run for, is not.
func TestNewPageEmbedded(t *testing.T) {
	srcdoc := func(s string) string {
		return `<iframe style="border:0;width:100%" srcdoc="` + strings.NewReplacer("&", "&amp;", `"`, "&quot;", "<", "&lt;", ">", "&gt;").Replace(s) + `"></iframe>`
	}
	tests := []struct {
		name     string
		body     string
		text     string // in Text ("" none asked)
		notText  string // not in Text
		fields   int
		drawings []string
	}{
		{name: "srcdoc kit", body: srcdoc(embedKit), text: "三井住友銀行", fields: 2},
		{name: "srcdoc nested twice", body: srcdoc(srcdoc(embedKit)), text: "三井住友銀行", fields: 2},
		{name: "srcdoc nested past the depth", body: srcdoc(srcdoc(srcdoc(srcdoc(embedKit)))), notText: "三井住友銀行"},
		{name: "srcdoc in a template", body: `<template>` + srcdoc(embedKit) + `</template>`, notText: "三井住友銀行"},
		{name: "srcdoc head not shown", body: srcdoc(`<title>内部</title><p>本文</p>`), text: "本文", notText: "内部"},
		{name: "iframe src only", body: `<iframe src="https://www.google.com/maps/embed?pb=1" width="600" height="450"></iframe><p>地図</p>`, text: "地図", notText: "maps"},
		{name: "iframe fallback text unchanged", body: `<iframe src="/v">動画</iframe><p>x</p>`, notText: "動画"},
		{name: "write atob", body: `<script>document.write(atob("` + b64(embedKit) + `"))</script>`, text: "三井住友銀行", fields: 2},
		{name: "write unescape", body: `<script>document.write(unescape("%3Ch1%3E%u4E09%u4E95%u4F4F%u53CB%u9280%u884C%3C/h1%3E"))</script>`, text: "三井住友銀行"},
		{name: "write utf-8 idiom", body: `<script><!--
window.document.write(decodeURIComponent(escape(window.atob('` + b64(embedKit) + `'))));
//--></script>`, text: "三井住友銀行", fields: 2},
		{name: "write literals joined", body: `<script>document.write("<p>\u4e09\u4e95" + '住友</p>');document.writeln("<input name=a>")</script>`, text: "三井住友", fields: 1},
		{name: "write from the head", body: `<html><head><script>document.write(atob("` + b64("<p>先頭</p>") + `"))</script></head><body><p>本文</p></body></html>`, text: "先頭\n本文"},
		{name: "write of a variable given a literal", body: `<script>var k=atob("` + b64(embedKit) + `");document.write(k)</script>`, text: "三井住友銀行", fields: 2},
		{name: "write of a variable given at run time", body: `<script>var k=location.hash;document.write(k)</script><p>x</p>`, notText: "#"},
		{name: "write after other code", body: `<script>if(a){document.write("<p>x1</p>")}</script>`, notText: "x1"},
		{name: "write in a function", body: `<script>document.write(f("<p>x2</p>"))</script>`, notText: "x2"},
		{name: "write from a template", body: `<template><script>document.write("<p>x3</p>")</script></template>`, notText: "x3"},
		{name: "write by a data script", body: `<script type="text/template">document.write("<p>x4</p>")</script>`, notText: "x4"},
		{name: "svg aria-label", body: `<svg aria-label="楽天カード" role="img"><path d="M0 0"/></svg><p>x</p>`, text: "楽天カード", drawings: []string{"楽天カード"}},
		{name: "svg title", body: `<svg><title>ｄポイント</title><path d="M0"/></svg>`, text: "dポイント", drawings: []string{"dポイント"}},
		{name: "svg text", body: `<svg><text x=0>楽天</text><text>カード</text></svg>`, drawings: []string{"楽天 カード"}},
		{name: "svg paths only", body: `<svg viewBox="0 0 24 24"><path d="M1 2L3 4"/><use href="#cart"/></svg><p>x</p>`, text: "x"},
		{name: "svg hidden", body: `<svg aria-hidden="true"><title>カート</title></svg><svg style="display: none"><text>検索</text></svg>`, notText: "カート"},
		{name: "svg sprite", body: `<svg><defs><text id=t>定義</text></defs><symbol id="cart"><title>カート</title><path d="M0"/></symbol></svg>`, notText: "カート"},
		{name: "svg long caption cut", body: `<svg><text>` + strings.Repeat("あ", 500) + `</text></svg>`, drawings: []string{strings.Repeat("あ", svgLabelRunes)}},
		// Words drawn as a picture (ev09: a one-click bill in <text>
		// elements): each <text> a line of the page, the label their start.
		{name: "svg drawn words, a line each", body: `<svg><text x=0 y=20>ご登録ありがとうございます</text><text y=50>ご利用料金 98,000<tspan>円</tspan></text><text y=80>お客様のIPアドレス: 203.0.113.45</text></svg>`,
			text: "ご登録ありがとうございます\nご利用料金 98,000円\nお客様のIPアドレス: 203.0.113.45", drawings: []string{"ご登録ありがとうございます ご利用料金 98,000円 お客様のIPアドレス:"}},
		{name: "svg labelled drawing keeps its label", body: `<svg aria-label="楽天カード"><text>楽天カード</text><text>Rakuten Card</text></svg>`, text: "楽天カード", notText: "Rakuten", drawings: []string{"楽天カード"}},
		{name: "svg icon in a link", body: `<a href="https://twitter.com/shop"><svg aria-label="Twitter"><path d="M0"/></svg></a>`, text: "Twitter", drawings: []string{"Twitter"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := embedPage(tt.body)
			if tt.text != "" && !strings.Contains(p.Text, tt.text) {
				t.Errorf("Text %q lacks %q", p.Text, tt.text)
			}
			if tt.notText != "" && strings.Contains(p.Text, tt.notText) {
				t.Errorf("Text %q has %q", p.Text, tt.notText)
			}
			if n := pageFields(p); n != tt.fields {
				t.Errorf("%d fields, want %d: %+v", n, tt.fields, p.Forms)
			}
			var got []string
			for _, d := range p.Drawings {
				got = append(got, d.Alt)
				if d.Src != "" {
					t.Errorf("drawing has a Src %q", d.Src)
				}
			}
			if !reflect.DeepEqual(got, tt.drawings) {
				t.Errorf("Drawings %q, want %q", got, tt.drawings)
			}
			if len(p.Images) != 0 {
				t.Errorf("Images %+v: drawings are no images", p.Images)
			}
		})
	}
}

// TestNewPageEmbeddedBounds: hostile pages cost no more than their size.
func TestNewPageEmbeddedBounds(t *testing.T) {
	// A 5 MB srcdoc is read up to embedMaxBytes.
	big := `<iframe srcdoc="` + strings.Repeat("&lt;p&gt;あいうえお&lt;/p&gt;", 5<<20/30) + `"></iframe>`
	if p := embedPage(big); len(p.Text) > embedMaxBytes || !strings.Contains(p.Text, "あいうえお") {
		t.Errorf("5 MB srcdoc: %d bytes of text", len(p.Text))
	}
	// Thousands of srcdocs: embedMaxDocs read.
	many := strings.Repeat(`<iframe srcdoc="&lt;input name=a&gt;"></iframe>`, 1000)
	if n := pageFields(embedPage(many)); n != embedMaxDocs {
		t.Errorf("1000 srcdocs gave %d fields, want %d", n, embedMaxDocs)
	}
	// A script that writes a script that writes… 20 deep: embedMaxDocs read.
	doc := `<input name=a>`
	for range 20 {
		doc = `<input name=a><script>document.write(atob("` + b64(doc) + `"))</script>`
	}
	if n := pageFields(embedPage(doc)); n > embedMaxDocs+1 || n < embedMaxDocs {
		t.Errorf("written 20 deep: %d fields", n)
	}
	// A page of a thousand labelled icons: svgMaxLabels read.
	icons := strings.Repeat(`<svg><title>アイコン</title></svg>`, 1000)
	if p := embedPage(icons); len(p.Drawings) != svgMaxLabels || strings.Count(p.Text, "アイコン") != svgMaxLabels {
		t.Errorf("1000 icons: %d drawings, %d in text", len(p.Drawings), strings.Count(p.Text, "アイコン"))
	}
	// Unlabelled icons first: only svgMaxLooked are looked at.
	late := strings.Repeat(`<svg><path d="M0"/></svg>`, svgMaxLooked) + `<svg aria-label="楽天カード"></svg>`
	if p := embedPage(late); len(p.Drawings) != 0 {
		t.Errorf("drawing past svgMaxLooked read: %q", p.Drawings)
	}
	// Drawings full of words: svgMaxTextBytes of them read in all.
	wordy := strings.Repeat(`<svg><text>`+strings.Repeat("文", 2000)+`</text></svg>`, svgMaxLabels)
	if p := embedPage(wordy); strings.Count(p.Text, "文")*len("文") > svgMaxTextBytes || strings.Count(p.Text, "文") < svgMaxTextBytes/len("文")/2 {
		t.Errorf("%d drawings of 6 KB of words: %d bytes of them read", svgMaxLabels, strings.Count(p.Text, "文")*len("文"))
	}
	// A huge drawing: its <text> is looked for in svgMaxNodes nodes.
	huge := `<svg>` + strings.Repeat(`<path d="M0"/>`, 100000) + `<text>奥</text></svg>`
	if p := embedPage(huge); len(p.Drawings) != 0 {
		t.Errorf("text past svgMaxNodes read: %q", p.Drawings)
	}
}

// TestNewPagePlainUnchanged: a page without drawings with words, srcdocs
// or written documents parses as the markup alone.
func TestNewPagePlainUnchanged(t *testing.T) {
	const pageURL = "https://shop.example.jp/dir/page.html?q=1"
	for name, body := range pageCorpus(t) {
		if strings.Contains(body, "<svg") || strings.Contains(body, "srcdoc") || strings.Contains(body, "document.write") {
			continue
		}
		got := NewPage(pageURL, 200, "text/html", body, false)
		want := newPage(pageURL, 200, "text/html", body, false, true, false)
		got.Doc, want.Doc, got.memo, want.memo = nil, nil, nil, nil
		if (got.hid == nil) != (want.hid == nil) || got.hid != nil && !reflect.DeepEqual(got.hid.lines, want.hid.lines) {
			t.Errorf("%s: embedded reading changed what is hidden", name)
		}
		got.hid, want.hid = nil, nil // their maps hold each tree's own nodes
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: embedded reading changed a plain page", name)
		}
	}
}

// TestScriptWriteLiteral holds the decoder to literals only.
// scriptDoubling declares n variables b, c, … each ten copies of the one
// before.
func scriptDoubling(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		prev, name := string(rune('a'+i)), string(rune('b'+i))
		b.WriteString("var " + name + "=" + strings.TrimSuffix(strings.Repeat(prev+"+", 10), "+") + ";")
	}
	return b.String()
}

func TestScriptWriteLiteral(t *testing.T) {
	tests := []struct {
		src, want string
		ok        bool
	}{
		{`document.write("<p>a</p>")`, "<p>a</p>", true},
		{`document.write('\x3cb\x3e\u3042\u{1F600}')`, "<b>あ😀", true},
		{"document.write(`t`);document.writeln('u');", "tu\n", true},
		{`document.write(atob("` + b64("<p>い</p>") + `"))`, "<p>い</p>", true},
		{`document.write(atob(" ` + b64("x") + ` "))`, "x", true},
		{`document.write(unescape('%3Cp%3E%u3046'))`, "<p>う", true},
		{`document.write(atob("` + base64.StdEncoding.EncodeToString([]byte{0xe9}) + `"))`, "é", true},
		{"document.write(`a${b}`)", "", false},
		{`document.write(a)`, "", false},
		{`document.write("a"+b)`, "", false},
		{`document.write("a");alert(1)`, "", false},
		{`document.write(eval("a"))`, "", false},
		{`document.write(atob("!!"))`, "", false},
		{`document.write("a"`, "", false},
		{`document.write("")`, "", false},
		{strings.Repeat("document.write(atob(", 10) + `"YQ=="` + strings.Repeat("))", 10), "", false},
		// A variable given a literal before the write (rev18 fraud ev11).
		{`var p='` + b64("<h1>み</h1>") + `';document.write(decodeURIComponent(escape(atob(p))));`, "<h1>み</h1>", true},
		{"let a = \"<p>\";\nconst b2 = 'x';\ndocument.write(a + b2 + '</p>')", "<p>x</p>", true},
		{`var p = location.hash; document.write(p)`, "", false},
		{`document.write(p); var p = "a"`, "", false},
		{`var p = "a";`, "", false},
		{`var p == "a"; document.write(p)`, "", false},
		{`var $p = "<b>x</b>", a1b = 1; document.write($p)`, "", false},
		{`var $p = "<b>x</b>"; var a1b = 'y'; document.write($p + a1b)`, "<b>x</b>y", true},
		// Variables doubling each other stop at a script's size (rev19:
		// seven of them reached 3.2 GB).
		{`var a='` + strings.Repeat("A", 1000) + `';` + scriptDoubling(12) + `document.write(l)`, "", false},
	}
	for _, tt := range tests {
		got, ok := scriptWriteLiteral(tt.src)
		if got != tt.want || ok != tt.ok {
			t.Errorf("scriptWriteLiteral(%q) = %q, %v; want %q, %v", tt.src, got, ok, tt.want, tt.ok)
		}
	}
}

// TestEmbeddedKits: the hidden kits of review 16 (row 12) are read as
// their plain versions are, and honest pages with icons, embeds and a
// srcdoc advert stay as they were.
func TestEmbeddedKits(t *testing.T) {
	const form = `<form method="post"><label>ユーザID</label><input name="username"><label>パスワード</label><input type="password" name="password"><button>ログイン</button></form>`
	tests := []struct {
		name string
		url  string
		body string
		want []string
	}{
		{"svg logo kit", "https://kit-login.top/", `<title>ログイン</title><svg aria-label="楽天カード" role="img"><text>楽天カード</text></svg><h2>本人認証</h2>` + form,
			[]string{"phishing-credential-form", "phishing-brand-impersonation"}},
		{"svg logo in the header", "https://kit-login.top/", `<title>楽天カード</title><header><svg><title>楽天カード</title><path d="M0"/></svg></header><p>会員の方はこちら。ご利用ありがとうございます。</p>` + form,
			[]string{"phishing-credential-form", "phishing-brand-impersonation"}},
		{"srcdoc kit", "https://kit-login.top/a", `<title>SMBCダイレクト</title><iframe srcdoc="` + strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(embedKit) + `"></iframe>`,
			[]string{"phishing-credential-form", "phishing-brand-impersonation"}},
		{"written kit", "https://kit-login.top/b", `<title>三井住友カード</title><script>document.write(atob("` + b64(embedKit) + `"))</script>`,
			[]string{"phishing-credential-form", "phishing-brand-impersonation"}},
		{"honest shop icons", "https://zakka-hana.jp/", `<title>雑貨はな</title><header><svg><title>雑貨はな</title></svg><a href="/cart"><svg aria-label="カート"><path d="M0"/></svg></a><svg><title>検索</title></svg></header>` +
			`<p>手作り雑貨の店です。</p><footer><a href="https://twitter.com/hana"><svg aria-label="Twitter"></svg></a><a href="https://www.instagram.com/hana"><svg><title>Instagram</title></svg></a><svg><text>LINE</text></svg></footer>` + form,
			nil},
		{"honest shop visa badges", "https://zakka-hana.jp/pay", `<title>お支払い方法</title><svg aria-label="VISA"></svg><svg aria-label="Mastercard"></svg><svg aria-label="JCB"></svg><p>クレジットカードがご利用いただけます。</p>`,
			nil},
		// A comparison site's login beside a row of card logos drawn in
		// SVG (rev17 e14): a row of badges, as with <img> logos.
		{"honest comparison site, card logos in SVG", "https://www.card-hikaku-navi.jp/login", `<title>会員ログイン | クレカ比較ナビ</title><h1>クレカ比較ナビ 会員ログイン</h1><p>人気のカード</p>
<svg role="img" aria-label="三井住友カード"><text>三井住友カード</text></svg>
<svg role="img" aria-label="楽天カード"><text>楽天カード</text></svg>
<svg role="img" aria-label="アメリカン・エキスプレス"><text>AMEX</text></svg>
<form action="/login" method="post"><input name="email"><input type="password" name="pw"><button>ログイン</button></form>`,
			nil},
		// ev09: the one-click bill drawn as a picture of words.
		{"one-click bill drawn in SVG", "https://movie-premium.top/", `<title>会員登録完了</title><svg width="600" height="300">
<text x="10" y="30">ご登録ありがとうございます</text><text x="10" y="70">有料会員登録が完了しました。ご利用料金 98,000円</text>
<text x="10" y="100">お客様のIPアドレス: 203.0.113.45</text><text x="10" y="130">期限内にお支払いが確認できない場合、法的手続きに移行いたします。</text>
<text x="10" y="160">退会をご希望の方はこちら 050-1234-5678</text></svg>`,
			[]string{"oneclick-billing"}},
		{"a police infographic quoting the bill in SVG", "https://www.police.pref.miyagi.jp/cyber/oneclick.html", `<title>ワンクリック詐欺にご注意ください</title><h1>ワンクリック詐欺（架空請求）にご注意</h1>
<p>画像をクリックしただけで、次のような画面が表示されます。慌てて連絡しないでください。</p><svg width="600" height="200">
<text x="10" y="30">ご登録ありがとうございます</text><text x="10" y="60">ご利用料金 98,000円</text><text x="10" y="90">お客様のIPアドレス: 203.0.113.45</text>
<text x="10" y="120">期限内にお支払いが確認できない場合、法的手続きに移行いたします。</text></svg>
<p>IPアドレスからあなたの氏名や住所が分かることはありません。心配な場合は警察相談専用電話 #9110 へ。</p>`,
			nil},
		{"honest map and video", "https://zakka-hana.jp/access", `<title>アクセス</title><p>店舗へのアクセス</p><iframe src="https://www.google.com/maps/embed?pb=x" width="600" height="450"></iframe><iframe width="560" height="315" src="https://www.youtube.com/embed/abc"></iframe>`,
			nil},
		{"honest srcdoc advert", "https://zakka-hana.jp/blog", `<title>ブログ</title><p>今日の入荷</p><iframe width="300" height="250" srcdoc="&lt;a href=https://ad.example/&gt;&lt;img src=b.png alt=楽天カード新規入会&gt;ポイントがたまる&lt;/a&gt;"></iframe>`,
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := phFired(phSite(phHTML(tt.url, tt.body)))
			var ids []string
			for _, id := range phIDs {
				if _, ok := got[id]; ok {
					ids = append(ids, id)
				}
			}
			if fmt.Sprint(ids) != fmt.Sprint(tt.want) {
				t.Errorf("fired %v, want %v", ids, tt.want)
			}
		})
	}
}
