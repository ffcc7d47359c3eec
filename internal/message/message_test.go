package message

import (
	"bytes"
	"encoding/base64"
	"golang.org/x/text/encoding/unicode"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/japanese"
)

func readFixture(t *testing.T, name string) *Message {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "mail", name))
	if err != nil {
		t.Fatalf("opening fixture: %v", err)
	}
	defer f.Close()
	m, err := Read(f, 0)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return m
}

func TestReadFixtures(t *testing.T) {
	cases := []struct {
		file        string
		from        string
		fromDomain  string
		subject     string
		text        []string // substrings the text must hold
		notText     []string
		urls        []string
		attachments []string
	}{
		{
			file: "smbc-iso2022jp.eml", from: "三井住友カード <info@smbc-card-security.cn>", fromDomain: "smbc-card-security.cn",
			subject: "【三井住友カード】ご利用確認のお願い",
			text:    []string{"いつも三井住友カードをご利用いただき", "セキュリティコードをご入力", "三井住友カード株式会社"},
			urls:    []string{"https://smbc-card.vpass-login.cn/login?id=a9f3"},
		},
		{
			file: "sjis-fake-bill.eml", from: "有料サイト料金回収センター <seikyu@yuryo-saito-center.example.com>", fromDomain: "yuryo-saito-center.example.com",
			subject: "【最終通告】未払い料金のお知らせ",
			text:    []string{"有料動画サイトの利用料金が未払い", "法的措置"},
			urls:    []string{"yuryo-saito-center.example.com/seikyu"},
		},
		{
			file: "amazon-alt-base64.eml", from: "Amazon.co.jp <account-update@amazon-security.top>", fromDomain: "amazon-security.top",
			subject: "Amazonアカウントの利用を停止しました",
			text:    []string{"アカウントをロックしました", "48時間以内"},
			// The plain part's URL, then the HTML link's real target (the
			// screener drops the first, a brand's address only shown:
			// DropShownOnly).
			urls: []string{"https://www.amazon.co.jp/", "https://amazon-co-jp.account-update.top/ap/signin?ref=mail"},
		},
		{
			file: "yamato-qp-attach.eml", from: "ヤマト運輸 <no-reply@kuroneko-delivery.example.net>", fromDomain: "kuroneko-delivery.example.net",
			subject:     "お荷物お届けのお知らせ",
			text:        []string{"宛先不明のため持ち帰りました", "保管期限"},
			notText:     []string{"<form", "MZ"},
			urls:        []string{"https://kuroneko-yamato.delivery-jp.top/redeliver", "https://collect.delivery-jp.top/p.php"},
			attachments: []string{"伝票.html", "invoice.pdf.exe"},
		},
		{
			file: "genuine-amazon.eml", from: "Amazon.co.jp <shipment-tracking@amazon.co.jp>", fromDomain: "amazon.co.jp",
			subject: "Amazon.co.jp ご注文の商品を発送しました",
			text:    []string{"ご注文の商品を発送しました"},
			urls:    []string{"https://www.amazon.co.jp/gp/your-account/order-history"},
		},
		{
			file: "sms-sagawa-defanged.txt",
			text: []string{"【佐川急便】お荷物をお届けにあがりましたが不在の為持ち帰りました"},
			urls: []string{"https://sagawa-exp.delivery-check.cn/?id=8832"},
		},
		{
			file: "sms-fullwidth.txt",
			text: []string{"ＡＵ ＰＡＹ"},
			urls: []string{"https://au-pay.support-center.top/login", "https://aupay-help.example.com/confirm"},
		},
		{
			file: "sms-bank-warning.txt",
			urls: []string{"https://www.smbc.co.jp/security/"},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			m := readFixture(t, c.file)
			if m.From != c.from || m.FromDomain != c.fromDomain || m.Subject != c.subject {
				t.Errorf("From %q domain %q subject %q; want %q %q %q", m.From, m.FromDomain, m.Subject, c.from, c.fromDomain, c.subject)
			}
			for _, s := range c.text {
				if !strings.Contains(m.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, m.Text)
				}
			}
			for _, s := range c.notText {
				if strings.Contains(m.Text, s) {
					t.Errorf("text holds %q:\n%s", s, m.Text)
				}
			}
			if !reflect.DeepEqual(m.URLs, c.urls) {
				t.Errorf("URLs = %q, want %q", m.URLs, c.urls)
			}
			if !reflect.DeepEqual(m.Attachments, c.attachments) {
				t.Errorf("attachments = %q, want %q", m.Attachments, c.attachments)
			}
			if m.Truncated {
				t.Error("marked truncated")
			}
		})
	}
}

// The ISO-2022-JP fixture again, built here with the x/text encoder, so that
// the test does not depend on iconv's output alone.
func TestISO2022JPBuiltInTest(t *testing.T) {
	enc := func(s string) string {
		b, err := japanese.ISO2022JP.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	word := func(s string) string {
		return "=?ISO-2022-JP?B?" + base64.StdEncoding.EncodeToString([]byte(enc(s))) + "?="
	}
	raw := "From: " + word("ゆうちょ銀行") + " <info@jp-bank.example.cn>\r\n" +
		"Subject: " + word("【重要】ゆうちょダイレクトのご利用確認") + "\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"iso-2022-jp\"\r\n\r\n" +
		enc("ご本人確認のため、こちら（https://jp-bank.example.cn/direct）から暗証番号をご入力ください。\r\n")
	m := Parse([]byte(raw))
	if m.From != "ゆうちょ銀行 <info@jp-bank.example.cn>" || m.Subject != "【重要】ゆうちょダイレクトのご利用確認" {
		t.Errorf("headers: %q / %q", m.From, m.Subject)
	}
	if !strings.Contains(m.Text, "暗証番号をご入力ください") {
		t.Errorf("text: %q", m.Text)
	}
	if want := []string{"https://jp-bank.example.cn/direct"}; !reflect.DeepEqual(m.URLs, want) {
		t.Errorf("URLs = %q, want %q", m.URLs, want)
	}
}

func TestHeadersWithoutEncodedWords(t *testing.T) {
	// Old Japanese mailers put raw ISO-2022-JP or Shift_JIS in headers.
	jis, _ := japanese.ISO2022JP.NewEncoder().String("楽天カード <info@rakuten-card.example.top>")
	sjis, _ := japanese.ShiftJIS.NewEncoder().String("ご請求のお知らせ")
	raw := "From: " + jis + "\r\nSubject: " + sjis + "\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
	m := Parse([]byte(raw))
	if m.From != "楽天カード <info@rakuten-card.example.top>" || m.FromDomain != "rakuten-card.example.top" {
		t.Errorf("From %q domain %q", m.From, m.FromDomain)
	}
	if m.Subject != "ご請求のお知らせ" {
		t.Errorf("Subject %q", m.Subject)
	}
}

// TestReplyToDomain: the Reply-To address's domain is kept (a supplier's
// account-change mail whose replies go to free mail), "" without one.
func TestReplyToDomain(t *testing.T) {
	raw := "From: =?UTF-8?B?44Ki44Kq44OQ54mp5rWB?= <seikyu@aoba-butsuryu.co>\r\nReply-To: aoba.keiri.dept@Outlook.JP\r\nSubject: s\r\n\r\nbody\r\n"
	m := Parse([]byte(raw))
	if m.FromDomain != "aoba-butsuryu.co" || m.ReplyToDomain != "outlook.jp" {
		t.Errorf("FromDomain %q ReplyToDomain %q", m.FromDomain, m.ReplyToDomain)
	}
	if got := m.Mail(nil).ReplyToDomain; got != "outlook.jp" {
		t.Errorf("Mail().ReplyToDomain %q", got)
	}
	if m := Parse([]byte("From: x@example.com\r\nSubject: s\r\n\r\nbody\r\n")); m.ReplyToDomain != "" {
		t.Errorf("no Reply-To: ReplyToDomain %q", m.ReplyToDomain)
	}
}

func TestPlainTextCharsets(t *testing.T) {
	text := "【ヤマト運輸】お荷物の配達予定です。確認：https://yamato.example.top/x"
	sjis, _ := japanese.ShiftJIS.NewEncoder().String(text)
	euc, _ := japanese.EUCJP.NewEncoder().String(text)
	for name, raw := range map[string]string{"utf-8": text, "utf-8 bom": "\xef\xbb\xbf" + text, "shift_jis": sjis, "euc-jp": euc,
		// One bad byte (a message cut in a character, or junk added to
		// slip past a check) leaves UTF-8 text UTF-8.
		"utf-8, cut in a character": "\xe3\x81" + text, "utf-8, a latin-1 byte": text[:len("【ヤマト運輸】")] + "\xe9" + text[len("【ヤマト運輸】"):]} {
		t.Run(name, func(t *testing.T) {
			m := Parse([]byte(raw))
			if strings.Contains(name, "byte") || strings.Contains(name, "cut") {
				if strings.ReplaceAll(m.Text, "\uFFFD", "") != text {
					t.Errorf("text = %q", m.Text)
				}
			} else if m.Text != text {
				t.Errorf("text = %q", m.Text)
			}
			if m.From != "" || m.Subject != "" {
				t.Errorf("plain text read as a mail: %q %q", m.From, m.Subject)
			}
			if want := []string{"https://yamato.example.top/x"}; !reflect.DeepEqual(m.URLs, want) {
				t.Errorf("URLs = %q", m.URLs)
			}
		})
	}
}

func TestTextThatLooksLikeAHeader(t *testing.T) {
	// "URL: ..." on the first line of an SMS is not a mail header block.
	m := Parse([]byte("URL: https://a.example.com/\nお荷物を確認してください"))
	if m.From != "" || !strings.Contains(m.Text, "お荷物") || len(m.URLs) != 1 {
		t.Errorf("got %+v", m)
	}
}

func TestReadLimit(t *testing.T) {
	body := "https://first.example.com/ " + strings.Repeat("あ", 1000) + " https://late.example.com/"
	m, err := Read(strings.NewReader(body), 100)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Truncated {
		t.Error("not marked truncated")
	}
	if !reflect.DeepEqual(m.URLs, []string{"https://first.example.com/"}) {
		t.Errorf("URLs = %q", m.URLs)
	}
	m, err = Read(strings.NewReader(body), 0)
	if err != nil || m.Truncated || len(m.URLs) != 2 {
		t.Errorf("default limit: %v %v %q", err, m.Truncated, m.URLs)
	}
}

func TestReadError(t *testing.T) {
	_, err := Read(iotest.ErrReader(os.ErrDeadlineExceeded), 0)
	if err == nil || !strings.Contains(err.Error(), "reading message") {
		t.Errorf("err = %v", err)
	}
}

func TestHostileMail(t *testing.T) {
	// Deep nesting, a broken boundary, bad base64, an unknown charset: no
	// panic, and what can be read is read.
	var b bytes.Buffer
	b.WriteString("From: x@example.com\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n")
	for i := 0; i < 30; i++ {
		b.WriteString("--b" + string(rune('0'+i%10)) + "\r\nContent-Type: multipart/mixed; boundary=b" + string(rune('0'+(i+1)%10)) + "\r\n\r\n")
	}
	b.WriteString("https://deep.example.com/\r\n")
	m := Parse(b.Bytes())
	if m.FromDomain != "example.com" {
		t.Errorf("FromDomain %q", m.FromDomain)
	}
	if m.SkippedParts == 0 {
		t.Errorf("30 levels of nesting: no part counted as skipped")
	}

	// Parts after the 200th are counted, not read; an ordinary mail skips
	// nothing.
	for _, c := range []struct{ parts, skipped int }{{250, 50}, {200, 0}} {
		b.Reset()
		b.WriteString("From: x@example.com\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n")
		for i := 0; i < c.parts; i++ {
			b.WriteString("--zz\r\nContent-Type: text/plain\r\n\r\npart\r\n")
		}
		b.WriteString("--zz--\r\n")
		if m = Parse(b.Bytes()); m.SkippedParts != c.skipped {
			t.Errorf("%d parts: %d skipped, want %d", c.parts, m.SkippedParts, c.skipped)
		}
	}
	if m = Parse([]byte("From: x@example.com\r\nSubject: s\r\n\r\nhello\r\n")); m.SkippedParts != 0 {
		t.Errorf("a plain mail: %d parts skipped", m.SkippedParts)
	}

	raw := "From: a@b.example\r\nContent-Type: text/plain; charset=x-no-such-charset\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		base64.StdEncoding.EncodeToString([]byte("see https://ok.example.com/a")) + "\r\n!!!not base64!!!\r\n"
	m = Parse([]byte(raw))
	if !reflect.DeepEqual(m.URLs, []string{"https://ok.example.com/a"}) {
		t.Errorf("URLs = %q (text %q)", m.URLs, m.Text)
	}
}

// TestBrokenContentType: a Content-Type whose parameters are broken (an
// empty charset, found by FuzzParse: it panicked, and the message went
// unread) keeps its media type and whatever charset can be read.
func TestBrokenContentType(t *testing.T) {
	for _, c := range []struct {
		ctype, body, want, notWant string
	}{
		{"text/html;charset=", "<p>再配達は <a href=\"https://sagawa.example.top/\">こちら</a></p>", "再配達は", "<p>"},
		{"text/html; charset=", "<b>お荷物</b>", "お荷物", "<b>"},
		{"text/plain; charset=shift_jis;;", "\x82\xa8\x89\xd7\x95\xa8", "お荷物", ""},
		{"text/plain; charset=\"", "plain text", "plain text", ""},
		{"charset=", "no type at all", "no type at all", ""},
	} {
		m := Parse([]byte("From: a@b.example\r\nContent-Type: " + c.ctype + "\r\n\r\n" + c.body + "\r\n"))
		if !strings.Contains(m.Text, c.want) || c.notWant != "" && strings.Contains(m.Text, c.notWant) {
			t.Errorf("%q: text %q, want %q without %q", c.ctype, m.Text, c.want, c.notWant)
		}
	}
	m := Parse([]byte("Content-Type:text/html;charset=\r\n\r\n<a href=\"https://x.example.top/\">x</a>"))
	if !reflect.DeepEqual(m.URLs, []string{"https://x.example.top/"}) {
		t.Errorf("URLs = %q", m.URLs)
	}
}

func TestForwardedMessage(t *testing.T) {
	inner := "From: PayPay <info@paypay-support.example.cn>\r\nSubject: =?UTF-8?B?" +
		base64.StdEncoding.EncodeToString([]byte("PayPayからのお知らせ")) + "?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"アカウントが一時停止されました https://paypay.example.cn/login\r\n"
	raw := "From: me@example.jp\r\nSubject: Fwd\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\n" +
		"--zz\r\nContent-Type: text/plain\r\n\r\nこれが届きました\r\n" +
		"--zz\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "--zz--\r\n"
	m := Parse([]byte(raw))
	if !strings.Contains(m.Text, "PayPayからのお知らせ") || !strings.Contains(m.Text, "一時停止") {
		t.Errorf("text = %q", m.Text)
	}
	if !reflect.DeepEqual(m.URLs, []string{"https://paypay.example.cn/login"}) {
		t.Errorf("URLs = %q", m.URLs)
	}
}

func TestHTMLOnlyMail(t *testing.T) {
	raw := "From: x@shop.example.jp\r\nContent-Type: text/html; charset=Shift_JIS\r\n\r\n"
	body, _ := japanese.ShiftJIS.NewEncoder().String(`<html><head><style>p{}</style><script>var u="https://script.example.com/";</script></head><body><p>ログインはこちら</p><a href="https://login.example.top/">ここ</a><img src="https://tracker.example.com/p.gif"></body></html>`)
	m := Parse([]byte(raw + body))
	if strings.TrimSpace(m.Text) == "" || !strings.Contains(m.Text, "ログインはこちら") || strings.Contains(m.Text, "script.example") {
		t.Errorf("text = %q", m.Text)
	}
	if !reflect.DeepEqual(m.URLs, []string{"https://login.example.top/"}) {
		t.Errorf("URLs = %q", m.URLs)
	}
}

// TestAltTextAddress: an address in an image's alt text alone (a kit's
// logo, alt="amazon.co.jp") is no link of the message's (p45 m44: it was
// listed beside the phishing link as a harmless amazon.co.jp); written in
// the text too, it is.
func TestAltTextAddress(t *testing.T) {
	head := "From: x@mail.example.top\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
	for body, want := range map[string][]string{
		`<img src="https://kit.example.top/logo.png" alt="amazon.co.jp"><p>お支払い方法を更新してください</p><a href="https://kit.example.top/signin">更新する</a>`: {"https://kit.example.top/signin"},
		`<img src="/logo.png" alt="amazon.co.jp"><p>ご注文は amazon.co.jp のアカウントサービスで</p>`:                                                           {"amazon.co.jp"},
		`<a href="https://shop.example.jp/"><img src="/b.png" alt="shop.example.jp"></a>`:                                                        {"https://shop.example.jp/"},
	} {
		if m := Parse([]byte(head + body)); !reflect.DeepEqual(m.URLs, want) {
			t.Errorf("%s: URLs %q, want %q", body, m.URLs, want)
		}
	}
}

func TestMailConversion(t *testing.T) {
	m := &Message{From: "a <a@b.example>", FromDomain: "b.example", Subject: "s", Text: "t", URLs: []string{"https://x.example/"}, Attachments: []string{"f.exe"}}
	r := m.Mail(nil)
	if r.From != m.From || r.FromDomain != m.FromDomain || r.Subject != m.Subject || r.Text != m.Text ||
		!reflect.DeepEqual(r.URLs, m.URLs) || !reflect.DeepEqual(r.Attachments, m.Attachments) {
		t.Errorf("Mail() = %+v", r)
	}
	r.URLs[0] = "changed"
	if m.URLs[0] != "https://x.example/" {
		t.Error("Mail() shares the URL slice")
	}
}

func BenchmarkParseEML(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "mail", "amazon-alt-base64.eml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for i := 0; i < b.N; i++ {
		Parse(raw)
	}
}

// TestParseNotText: a screenshot or another file saved instead of the
// message's text is no text (nothing judged); UTF-16 text, NUL bytes and
// all, is text.
func TestParseNotText(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0, 1, 2, 0xfe}, 100)...)
	heic := append([]byte{0, 0, 0, 0x18}, []byte("ftypheic\x00\x00\x00\x00")...)
	for name, raw := range map[string][]byte{"png": png, "heic": heic, "pdf": []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "nul": []byte("abc\x00def")} {
		if m := Parse(raw); !m.NotText {
			t.Errorf("%s: read as text %q", name, m.Text)
		}
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("お荷物をお届けにあがりました https://sagawa-exp.example.top/x"))
	if err != nil {
		t.Fatal(err)
	}
	if m := Parse(u16); m.NotText || len(m.URLs) != 1 || !strings.Contains(m.Text, "お荷物") {
		t.Errorf("UTF-16 text: NotText %v, text %q, URLs %v", m.NotText, m.Text, m.URLs)
	}
	if m := Parse([]byte("BMW の新車が当選しました")); m.NotText {
		t.Error("a text that starts with BM was taken for a bitmap")
	}
}

// TestShownText: an HTML mail's hidden text stays in Text (it can accuse)
// and is left out of Shown (it cannot excuse); beside an HTML part, the
// plain alternative is not shown, and when it says something else both
// are read.
func TestShownText(t *testing.T) {
	html := "From: x@bill.example\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		`<div style="display:none">【注意喚起】詐欺にご注意ください</div><p>未払い料金 298,000円</p><p>本日中にご連絡ください</p>`
	m := Parse([]byte(html))
	if !strings.Contains(m.Text, "注意喚起") || !strings.Contains(m.Text, "298,000円") {
		t.Errorf("Text = %q, want the hidden and the shown text", m.Text)
	}
	if strings.Contains(m.Shown, "注意喚起") || !strings.Contains(m.Shown, "298,000円") {
		t.Errorf("Shown = %q, want the shown text only", m.Shown)
	}
	alt := "From: x@bill.example\r\nContent-Type: multipart/alternative; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"【注意喚起】架空請求詐欺にご注意ください。\r\n有料動画サイトのご利用料金が未払いです。\r\n--B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<p>有料動画サイトのご利用料金が未払いです。</p><p>未払い料金 298,000円</p><p>本日中にご連絡がない場合は法的措置に移行します。</p><p>窓口 03-5555-1234</p>\r\n--B--\r\n"
	m = Parse([]byte(alt))
	if !strings.Contains(m.Text, "注意喚起") || !strings.Contains(m.Text, "法的措置") {
		t.Errorf("Text = %q, want both alternatives (they differ)", m.Text)
	}
	if strings.Contains(m.Shown, "注意喚起") || !strings.Contains(m.Shown, "法的措置") {
		t.Errorf("Shown = %q, want the HTML part only", m.Shown)
	}
	// multipart/mixed shows every part: a consumer centre's warning in
	// the plain part, the fraud mail as an HTML example (review 21).
	mixed := "From: x@city.example\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"【注意喚起】架空請求詐欺にご注意ください。\r\n--B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>未払い料金 298,000円</p>\r\n--B--\r\n"
	if m = Parse([]byte(mixed)); !m.HTML || !strings.Contains(m.Shown, "注意喚起") || !strings.Contains(m.Shown, "298,000円") {
		t.Errorf("multipart/mixed: Shown = %q (HTML %v), want both parts", m.Shown, m.HTML)
	}
	// An HTML part that shows nothing: Shown is empty, not the text.
	img := "From: x@bill.example\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<img src=bill.png><div hidden>【注意喚起】詐欺にご注意ください</div>"
	if m = Parse([]byte(img)); !m.HTML || m.Shown != "" {
		t.Errorf("image-only HTML: Shown = %q (HTML %v), want empty", m.Shown, m.HTML)
	}
	same := "From: x@shop.example\r\nContent-Type: multipart/alternative; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"ご注文ありがとうございます。\r\n商品を発送しました。\r\n--B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		"<p>ご注文ありがとうございます。</p><p>商品を発送しました。</p>\r\n--B--\r\n"
	if m = Parse([]byte(same)); strings.Count(m.Text, "発送しました") != 1 {
		t.Errorf("Text = %q, want the plain part alone (the same words)", m.Text)
	}
}

// TestDecodeTextMislabelled: a body whose label lies (8-bit Shift_JIS sent
// as ISO-2022-JP, which is 7-bit) is read as what fits it (rev25 QA: a
// payee-change mail so sent was garbage, low 0, with no note); a body the
// label fits is read by it.
func TestDecodeTextMislabelled(t *testing.T) {
	const text = "お振込先口座が変更となりました。三井住友銀行 新宿支店 普通 7654321"
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	jis, err := japanese.ISO2022JP.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, label string
		b           []byte
	}{
		{"Shift_JIS labelled ISO-2022-JP", "ISO-2022-JP", sjis},
		{"Shift_JIS labelled UTF-8", "utf-8", sjis},
		{"ISO-2022-JP labelled so", "iso-2022-jp", jis},
		{"Shift_JIS labelled so", "Shift_JIS", sjis},
	} {
		if got := decodeText(c.b, c.label); got != text {
			t.Errorf("%s: %q", c.name, got)
		}
	}
}
