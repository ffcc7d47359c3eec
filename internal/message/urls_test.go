package message

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/rules"
)

func TestExtractURLs(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"plain", "詳しくは https://www.example.co.jp/info?a=1&b=2#top をご覧ください", []string{"https://www.example.co.jp/info?a=1&b=2#top"}},
		{"glued Japanese after the path", "こちらhttps://example.com/loginからログイン", []string{"https://example.com/login"}},
		{"glued Japanese after the host", "確認はhttps://example.comからお願いします", []string{"https://example.com"}},
		{"Japanese punctuation", "「https://example.com/a」。次はhttps://example.net/b、最後", []string{"https://example.com/a", "https://example.net/b"}},
		{"sentence punctuation", "See https://example.com/x. And (https://example.org/y), too!", []string{"https://example.com/x", "https://example.org/y"}},
		{"brackets that belong to the URL", "https://en.example.org/wiki/Foo_(bar) here", []string{"https://en.example.org/wiki/Foo_(bar)"}},
		{"full-width", "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａｂｃ　から", []string{"https://example.com/abc"}},
		{"hxxp and [.]", "hxxp://evil[.]example[.]com/login", []string{"http://evil.example.com/login"}},
		{"hxxps, (dot) and [:]//", "hXXps[:]//evil(dot)example(dot)com/a", []string{"https://evil.example.com/a"}},
		{"hxp inside a name is the name", "https://amazon-co-jp-hxp.xyz/hxp/signin", []string{"https://amazon-co-jp-hxp.xyz/hxp/signin"}},
		{"hxxps[://] and h**p:", "hxxps[://]evil[.]example/x h**p://two[.]example/", []string{"https://evil.example/x", "http://two.example/"}},
		{"[dot] with spaces", "evil [dot] example [dot] com/path", []string{"evil.example.com/path"}},
		{"(.)", "https://evil(.)example(.)jp/", []string{"https://evil.example.jp/"}},
		{"h**p and {.}", "h**p://evil{.}example{.}net/x", []string{"http://evil.example.net/x"}},
		{"[.] with spaces around", "evil [.] example [.] com/a", []string{"evil.example.com/a"}},
		{"IDN host", "https://アマゾン.com/ログイン", []string{"https://アマゾン.com/"}},
		{"IDN host with glued text", "https://例え.jpにアクセス", []string{"https://例え.jp"}},
		{"userinfo kept", "https://www.amazon.co.jp@evil.example.cn/x", []string{"https://www.amazon.co.jp@evil.example.cn/x"}},
		{"upper-case host lowered", "HTTPS://WWW.Example.COM/Path", []string{"https://www.example.com/Path"}},
		{"IP address host", "http://203.0.113.5:8080/a.apk", []string{"http://203.0.113.5:8080/a.apk"}},
		{"redirect parameter stays in its URL", "https://t.example.com/r?u=https://evil.example.cn/", []string{"https://t.example.com/r?u=https://evil.example.cn/"}},
		{"repeats removed", "https://a.example.com/ https://a.example.com/", []string{"https://a.example.com/"}},

		{"bare domain with path", "詳細はexample.co.jp/xyzをご確認", []string{"example.co.jp/xyz"}},
		{"bare www", "www.example.com にアクセス", []string{"www.example.com"}},
		{"bare domain upper case with a path", "EVIL-SHOP.TOP/sale", []string{"evil-shop.top/sale"}},
		{"bare lower-case domain alone", "evil-shop.top にアクセス", []string{"evil-shop.top"}},
		{"company names that are domains", "Amazon.co.jpをご利用いただき © Amazon.com, Inc.", nil},
		{"bare domain with port", "example.com:8443/x", []string{"example.com:8443/x"}},
		{"order kept between bare and scheme", "first.example.com then https://second.example.com/", []string{"first.example.com", "https://second.example.com/"}},

		{"company-style word", "株式会社.jp と 株式会社.com", nil},
		{"file names", "image.png、report.pdf、setup.exe、index.html を添付", nil},
		{"file name on an ambiguous TLD", "README.md と archive.zip と main.rs", nil},
		{"ambiguous TLD with a path is a domain", "go to evil.zip/download", []string{"evil.zip/download"}},
		{"version numbers", "version 1.2.3 / v2.0 / ver.10.5", nil},
		{"e-mail address", "連絡先: info.support@example.co.jp", nil},
		{"abbreviations", "e.g. and i.e. and Mr.Smith", nil},
		{"bare public suffix", "co.jp や com.cn", nil},
		{"scheme without host", "https:// と http://localhost-like", nil},
		{"unknown TLD", "foo.notatld/path", nil},
		{"mailto and tel", "mailto:a@example.com tel:0312345678", nil},
		{"mailto with a bare domain", "mailto:support.example.com", nil},
		// A reviewer's SMS texts.
		{"full-width parenthesis after a query", "https://www.nta-kokuzei.com/pay?no=3381（e-Taxから）", []string{"https://www.nta-kokuzei.com/pay?no=3381"}},
		{"full-width parenthesis after a path", "http://tepco-denki.cn/pay（本日中）", []string{"http://tepco-denki.cn/pay"}},
		{"a label and a colon before a bare domain", "予備URL：www.rakuten-card-kakunin.com/login", []string{"www.rakuten-card-kakunin.com/login"}},
		{"a Japanese label and a colon", "サイト:example.com/login", []string{"example.com/login"}},
		{"a host broken after a hyphen at the end of a line", "https://sagawa-exp.co.jp.redelivery-\ncenter.top/r?id=88412",
			[]string{"https://sagawa-exp.co.jp.redelivery-center.top/r?id=88412"}},
		{"the same with CRLF", "https://redelivery-\r\ncenter.example.top/r", []string{"https://redelivery-center.example.top/r"}},
		{"a hyphen at the end of a sentence line is no URL", "再配達はこちら-\nお願いします", nil},
		{"a host longer than DNS allows", "https://" + strings.Repeat("a.", 200) + "com/x", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ExtractURLs(c.text)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("ExtractURLs(%q) = %q, want %q", c.text, got, c.want)
			}
		})
	}
}

func TestExtractURLsCap(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 500; i++ {
		b.WriteString("https://h")
		b.WriteString(strings.Repeat("x", i%50+1))
		b.WriteString(".example.com/ ")
	}
	if got := ExtractURLs(b.String()); len(got) != 50 {
		// 50 distinct hosts repeat ten times each.
		t.Errorf("got %d URLs, want 50", len(got))
	}
	b.Reset()
	for i := 0; i < maxFound+200; i++ {
		b.WriteString("https://example.com/")
		b.WriteString(strconv.Itoa(i))
		b.WriteString(" ")
	}
	if got := ExtractURLs(b.String()); len(got) != maxFound {
		t.Errorf("got %d URLs, want the cap %d", len(got), maxFound)
	}
}

// TestPickURLs: past the cap of links checked, one link of each site comes
// first, so that a lure after a hundred harmless links is still checked
// (QA rev24: link 101 was dropped unseen); the rest fill in by order.
func TestPickURLs(t *testing.T) {
	var urls []string
	for i := range 150 {
		urls = append(urls, "https://www.example.com/news/"+strconv.Itoa(i))
	}
	urls = append(urls, "https://smbc-card.kakunin-jp.top/login", "http://[::1]:8080/x", "https://shop.example.co.jp/")
	got, rest := PickURLs(urls, 100)
	if len(got) != 100 || len(rest) != len(urls)-100 {
		t.Fatalf("picked %d, rest %d", len(got), len(rest))
	}
	for _, u := range urls {
		if slices.Contains(got, u) == slices.Contains(rest, u) {
			t.Errorf("%s is in both or neither", u)
		}
	}
	for _, want := range []string{"https://www.example.com/news/0", "https://smbc-card.kakunin-jp.top/login", "http://[::1]:8080/x", "https://shop.example.co.jp/"} {
		if !slices.Contains(got, want) {
			t.Errorf("%s not picked", want)
		}
	}
	if got[0] != urls[0] || got[1] != urls[1] {
		t.Errorf("the order of the message is not kept: %v", got[:3])
	}
	if got, rest := PickURLs(urls[:5], 100); len(got) != 5 || len(rest) != 0 {
		t.Errorf("under the cap: %d picked, %d left", len(got), len(rest))
	}
}

func BenchmarkExtractURLs(b *testing.B) {
	text := strings.Repeat("【佐川急便】お荷物をお届けにあがりましたが不在の為持ち帰りました。hxxps://sagawa-exp[.]delivery-check[.]cn/?id=8832 詳細はexample.co.jp/xyz を。\n", 50)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		ExtractURLs(text)
	}
}

// BenchmarkExtractURLsHyphens is a hostile text of a million bytes of
// hyphens at line ends: linear (58 ms here; the first joinWrapped took
// 20 s on it, searching the rest of the text again at each one).
func BenchmarkExtractURLsHyphens(b *testing.B) {
	text := strings.Repeat("a-\n", 1<<20/3)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		ExtractURLs(text)
	}
}

// TestDisguisedLinks: an HTML link whose text is a web address on another
// site than its href is recorded; DropShownOnly takes the address it only
// shows out of the links when it is a brand's, and leaves any other.
func TestDisguisedLinks(t *testing.T) {
	for _, c := range []struct {
		text, href string
		want       bool
	}{
		{"https://www.amazon.co.jp/ap/signin", "https://amazon-co-jp.account-verify.xyz/ap/signin", true},
		{"www.amazon.co.jp", "https://amazon-co-jp.account-verify.xyz/", true},
		{"https://www.rakuten.co.jp/", "https://r.rakuten.co.jp/abc", false}, // one site
		{"こちら", "https://evil.example.top/", false},                          // no address shown
		{"https://a.example.jp/ と https://b.example.jp/", "https://evil.example.top/", false},
	} {
		_, got := disguisedAs(rules.Link{Text: c.text, Href: c.href})
		if got != c.want {
			t.Errorf("disguisedAs(%q → %q) = %v, want %v", c.text, c.href, got, c.want)
		}
	}
	mail := "From: Amazon <x@amazon-security.top>\r\nSubject: test\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		`<p>ご確認ください: <a href="https://amazon-co-jp.account-verify.xyz/ap/signin">https://www.amazon.co.jp/ap/signin</a></p>`
	m := Parse([]byte(mail))
	if len(m.Disguised) != 1 || !reflect.DeepEqual(m.ShownOnly, []string{"https://www.amazon.co.jp/ap/signin"}) {
		t.Fatalf("disguised %+v, shown only %q", m.Disguised, m.ShownOnly)
	}
	amazon := func(host string) bool { return host == "www.amazon.co.jp" }
	m.DropShownOnly(amazon)
	if !reflect.DeepEqual(m.URLs, []string{"https://amazon-co-jp.account-verify.xyz/ap/signin"}) {
		t.Errorf("URLs after dropping a brand's address only shown: %q", m.URLs)
	}
	// A fake shop's own address shown over a mail service's click counter
	// stays among the links: it is the site to check.
	esp := "From: Sale <x@brand-outlet-sale.top>\r\nSubject: sale\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
		`<p><a href="https://u1234.ct.sendgrid.net/ls/click?upn=abc">https://brand-outlet-sale.top/</a> <a href="https://u1234.ct.sendgrid.net/ls/click?upn=def">https://evil-shop.s3.amazonaws.com/</a></p>`
	m = Parse([]byte(esp))
	m.DropShownOnly(rules.DefaultData().Brands.OfficialHost)
	if !reflect.DeepEqual(m.URLs, []string{"https://brand-outlet-sale.top/", "https://evil-shop.s3.amazonaws.com/", "https://u1234.ct.sendgrid.net/ls/click?upn=abc", "https://u1234.ct.sendgrid.net/ls/click?upn=def"}) {
		t.Errorf("URLs of a mail through a click counter: %q", m.URLs)
	}
}
