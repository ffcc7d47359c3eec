package rules

import (
	"strings"
	"testing"
	"time"
)

// siteFor is a Site for url as the pipeline fills it when nothing could be
// read (no pages).
func siteFor(t *testing.T, target, final string, redirects ...string) *Site {
	t.Helper()
	s := &Site{Target: target, URL: final, Redirects: redirects, Data: DefaultData(), Now: time.Now()}
	if h, ok := hostOfURL(final); ok {
		s.Host, s.ASCIIHost, s.Domain = h.Unicode, h.ASCII, h.Registrable
	}
	return s
}

func ruleByID(t *testing.T, id string) Rule {
	t.Helper()
	r, ok := ByID(domainRules())[id]
	if !ok {
		t.Fatalf("no rule %s", id)
	}
	return r
}

func TestURLRules(t *testing.T) {
	tests := []struct {
		id, target, final string
		redirects         []string
		fires             bool
		evidence          string
	}{
		{"url-ip-host", "http://203.0.113.7/login", "http://203.0.113.7/login", nil, true, "203.0.113.7"},
		{"url-ip-host", "http://0x7f000001/", "http://0x7f000001/", nil, true, "0x7f000001 = 127.0.0.1"},
		{"url-ip-host", "http://2130706433/", "http://2130706433/", nil, true, "= 127.0.0.1"},
		{"url-ip-host", "http://0177.0.0.1/", "http://0177.0.0.1/", nil, true, "= 127.0.0.1"},
		{"url-ip-host", "http://[2001:db8::1]/", "http://[2001:db8::1]/", nil, true, "2001:db8::1"},
		{"url-ip-host", "https://shop.example.jp/", "https://shop.example.jp/", nil, false, ""},
		{"url-ip-host", "https://1password.com/", "https://1password.com/", nil, false, ""},
		{"url-ip-host", "https://bit.ly/x", "https://198.51.100.2/x", []string{"https://bit.ly/x"}, true, "198.51.100.2"},

		{"url-shortener", "https://bit.ly/3abcDEF", "https://evil.example/", []string{"https://bit.ly/3abcDEF"}, true, "bit.ly"},
		{"url-shortener", "https://urx.blue/Ab12", "https://urx.blue/Ab12", nil, true, "urx.blue"},
		{"url-shortener", "https://amzn.to/3xyz", "https://www.amazon.co.jp/dp/B000", []string{"https://amzn.to/3xyz"}, true, "amzn.to"},
		{"url-shortener", "https://www.amazon.co.jp/", "https://www.amazon.co.jp/", nil, false, ""},
		{"url-shortener", "https://bitly.example.jp/", "https://bitly.example.jp/", nil, false, ""},

		{"url-idn", "https://xn--amzon-4wa.com/", "https://xn--amzon-4wa.com/", nil, true, "amązon.com"},
		{"url-idn", "https://xn--mazon-3ve.com/", "https://xn--mazon-3ve.com/", nil, true, "Cyrillic"},
		{"url-idn", "https://xn--t8jx73hngb.com/", "https://xn--t8jx73hngb.com/", nil, false, ""}, // お名前.com
		{"url-idn", "https://example.com/", "https://example.com/", nil, false, ""},

		{"url-userinfo", "https://amazon.co.jp@evil.example/", "https://amazon.co.jp@evil.example/", nil, true, "amazon.co.jp@evil.example"},
		{"url-userinfo", "https://user:pass@evil.example/", "https://evil.example/", []string{"https://user:pass@evil.example/"}, true, "user:pass@evil.example"},
		{"url-userinfo", "https://www.amazon.co.jp/", "https://www.amazon.co.jp/", nil, false, ""},

		{"url-suspicious-tld", "https://rakuten-sale.top/", "https://rakuten-sale.top/", nil, true, ".top"},
		{"url-suspicious-tld", "https://shop.example.shop/", "https://shop.example.shop/", nil, false, ""},
		{"url-suspicious-tld", "https://example.co.jp/", "https://example.co.jp/", nil, false, ""},
		{"url-suspicious-tld", "https://topshop.com/", "https://topshop.com/", nil, false, ""},
	}
	for _, tt := range tests {
		r := ruleByID(t, tt.id)
		if r.NeedsPage {
			t.Errorf("%s needs a page; URL signs must work without one", tt.id)
		}
		site := siteFor(t, tt.target, tt.final, tt.redirects...)
		signs := Evaluate(site, []Rule{r}, "ja")
		if got := len(signs) == 1; got != tt.fires {
			t.Errorf("%s on %s: fired %v, want %v (%+v)", tt.id, tt.final, got, tt.fires, signs)
			continue
		}
		if tt.fires && !strings.Contains(signs[0].Evidence+signs[0].Message, tt.evidence) {
			t.Errorf("%s on %s: evidence %q / message %q lacks %q", tt.id, tt.final, signs[0].Evidence, signs[0].Message, tt.evidence)
		}
	}
}

func TestURLShortenerBrand(t *testing.T) {
	site := siteFor(t, "https://amzn.to/3xyz", "https://www.amazon.co.jp/dp/B000", "https://amzn.to/3xyz")
	signs := Evaluate(site, []Rule{ruleByID(t, "url-shortener")}, "en")
	if len(signs) != 1 || signs[0].Severity != Low || !strings.Contains(signs[0].Message, "Amazon's own") {
		t.Errorf("amzn.to: %+v", signs)
	}
}

func TestURLNoTLS(t *testing.T) {
	page := func(u, body string) *Page { return NewPage(u, 200, "text/html", body, false) }
	login := `<form action="/login" method="post"><input name="id"><input type="password" name="pw"></form>`
	card := `<form action="/pay"><input name="num" autocomplete="cc-number"><input name="cvc"></form>`
	search := `<form action="/search"><input name="q"></form>`
	tests := []struct {
		name  string
		page  *Page
		fires bool
	}{
		{"http password", page("http://shop.example/login", login), true},
		{"http card", page("http://shop.example/pay", card), true},
		{"https password", page("https://shop.example/login", login), false},
		{"http search only", page("http://shop.example/", search), false},
		{"https form posting to http", page("https://shop.example/", `<form action="http://collect.example/p"><input type="password"></form>`), true},
		// rev24 QA: a card form known by its labels only (name="cc").
		{"http card known by its label", page("http://shop.example/pay", `<form method="post"><label>カード番号 <input name="cc"></label><label>セキュリティコード <input name="c"></label></form>`), true},
		{"http name and address only", page("http://shop.example/order", `<form method="post"><label>お名前 <input name="n"></label><label>ご住所 <input name="a"></label></form>`), false},
	}
	r := ruleByID(t, "url-no-tls")
	if !r.NeedsPage {
		t.Error("url-no-tls reads forms: it needs a page")
	}
	for _, tt := range tests {
		site := siteFor(t, tt.page.URL, tt.page.URL)
		site.Pages = []*Page{tt.page}
		if got := len(Evaluate(site, []Rule{r}, "ja")) == 1; got != tt.fires {
			t.Errorf("%s: fired %v, want %v", tt.name, got, tt.fires)
		}
	}
}

func TestBlocklist(t *testing.T) {
	list := []string{"evil.example", "*.bad.example", "https://shared.example/~phish/", "host.example/path/kit", "# comment", "ＦＵＬＬ.example"}
	tests := map[string]bool{
		"https://evil.example/":                true,
		"https://www.evil.example/login":       true,
		"https://notevil.example/":             false,
		"https://x.bad.example/":               true,
		"https://bad.example/":                 true,
		"https://shared.example/~phish/login":  true,
		"https://shared.example:443/~phish/x":  true, // the default port is the address without one
		"https://shared.example:8443/~phish/x": false,
		"https://shared.example/~honest/":      false,
		"http://shared.example/~phish/":        false,
		"http://host.example/path/kit/index":   true,
		"https://host.example/path/other":      false,
		"https://full.example/":                true,
		"https://user@evil.example/":           true,
		"evil.example":                         true,
		"https://EVIL.EXAMPLE./":               true,
		"https://evil.example.honest.example/": false,
	}
	for u, want := range tests {
		if _, got := BlocklistMatch(list, u); got != want {
			t.Errorf("%s: match %v, want %v", u, got, want)
		}
	}
	d, err := LoadData(strings.NewReader(`{"blocklist": ["evil.example"]}`))
	if err != nil {
		t.Fatal(err)
	}
	site := siteFor(t, "https://www.evil.example/", "https://www.evil.example/")
	site.Data = d
	signs := Evaluate(site, []Rule{ruleByID(t, "blocklist-hit")}, "ja")
	if len(signs) != 1 || signs[0].Points != 60 {
		t.Errorf("blocklist-hit: %+v", signs)
	}
	site.Data = DefaultData()
	if len(Evaluate(site, []Rule{ruleByID(t, "blocklist-hit")}, "ja")) != 0 {
		t.Error("blocklist-hit fired with no blocklist")
	}
}

func TestParseIPHost(t *testing.T) {
	for in, want := range map[string]string{
		"127.0.0.1": "127.0.0.1", "0x7f000001": "127.0.0.1", "2130706433": "127.0.0.1",
		"0177.0.0.1": "127.0.0.1", "127.1": "127.0.0.1", "0x7f.1": "127.0.0.1", "[::1]": "::1",
		"::ffff:192.0.2.1": "192.0.2.1", "1.2.3.4.": "1.2.3.4",
		"example.com": "", "1password.com": "", "256.1.1.1": "", "1.2.3.4.5": "", "0x": "0.0.0.0", "08.1.1.1": "",
		"4294967296": "", "123.example": "",
	} {
		got, ok := parseIPHost(in)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("parseIPHost(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNoTLSEvidenceInEnglish: the field's kind is said in the reader's
// language (QA rev24: 「(password)」 in Japanese evidence).
func TestNoTLSEvidenceInEnglish(t *testing.T) {
	p := NewPage("http://shop.example/login", 200, "text/html", `<form method="post"><input type="password" name="pw"></form>`, false)
	site := siteFor(t, p.URL, p.URL)
	site.Pages = []*Page{p}
	r := ruleByID(t, "url-no-tls")
	for lang, want := range map[string]string{"ja": "（入力欄: パスワード）", "en": "(field: password)"} {
		signs := Evaluate(site, []Rule{r}, lang)
		if len(signs) != 1 || !strings.Contains(signs[0].Evidence, want) {
			t.Errorf("%s: %+v, want evidence with %q", lang, signs, want)
		}
	}
}
