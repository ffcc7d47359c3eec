package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// phTestdataPages parses every saved HTML page under testdata (fixture
// sites, phishing kits, the evaluation corpus, …): the pages the one-pass
// finders must agree with the per-phrase and per-brand searches on.
func phTestdataPages(t *testing.T) map[string]*Page {
	t.Helper()
	out := map[string]*Page{}
	err := filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !(strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".htm")) {
			return nil
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out[path] = NewPage("https://x.example/", 200, "text/html", string(body), false)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 200 {
		t.Fatalf("only %d pages found", len(out))
	}
	return out
}

// phTricky are texts made to trip the finders: names glued to letters,
// case, disguises, malformed UTF-8 in front of a name, copyright lines
// written with the two runes that lower-case to ASCII letters.
var phTricky = []string{
	"", "a", "Amazon", "amazon", "AMAZON", "Amazonian", "xAmazon", "Amazon.co.jp", "au", "au PAY", "beautiful",
	"JCB", "jcb", "JCBカード", "LINE", "line", "OnLINE", "ANA", "banana", "VISA", "visa", "Visa",
	"\xe3三井住友カード", "\xe3\x81三井住友カード", "\x80Amazon", "Amazon\xff", "三井住友カード\xe3",
	"Аmazon", "Pay\u200bPay", "PayPay", "paypay銀行", "ゆうちょ銀行", "© Sumitomo Mitsui Card Co., Ltd.",
	"COPYRİGHT Apple Inc.", "(C) 2024 Amazon", "\u212a", "copyright", "CopyRight", "(c)", "c)", "(c", "©",
	"ｃｏｐｙｒｉｇｈｔ", "Sign in to Apple", "Apple ID - サインイン",
}

// phTexts returns the texts the presentation test reads on p.
func phTexts(p *Page) []string {
	texts := append([]string{p.Title}, p.Headings...)
	texts = append(texts, phishH1(p, phishViewHeadings)...)
	texts = append(texts, p.Lines...)
	for _, im := range p.Images {
		texts = append(texts, im.Alt)
	}
	return texts
}

// TestPhishNameIndexAgrees checks the brand-name index against asking each
// brand's occurrences in turn, on every text of every testdata page: which
// brands a text names, the first of them, which brands a copyright holder
// is, and which hosts are official.
func TestPhishNameIndexAgrees(t *testing.T) {
	brands := phishBrandsOf(DefaultData())
	x := brands[0].all
	check := func(where, s string) {
		s, _ = phishUnmask(s)
		got := map[int]bool{}
		x.eachBrand(s, func(b int) bool { got[b] = true; return true })
		first := -1
		for i, pb := range brands {
			slow := len(pb.occurrences(s)) > 0
			if slow && first < 0 {
				first = i
			}
			if got[i] != slow {
				t.Errorf("%s: %q: %s named %v by the index, %v by its occurrences", where, Clip(s, 60), pb.b.Name, got[i], slow)
			}
		}
		if f := x.firstBrand(s); f != first {
			t.Errorf("%s: %q: first brand %d by the index, %d one by one", where, Clip(s, 60), f, first)
		}
		if x.anyName(s) != (first >= 0) {
			t.Errorf("%s: %q: anyName %v", where, Clip(s, 60), x.anyName(s))
		}
		if holder, ok := phishCopyrightHolder(s); ok {
			anyBrand := false
			x.holderBrands(holder, func(int) { anyBrand = true })
			if h, ok2 := x.brandHolder(s); anyBrand && (!ok2 || h != holder) || ok2 && h != holder {
				t.Errorf("%s: %q: brandHolder %q %v, phishCopyrightHolder %q (a brand's: %v)", where, s, h, ok2, holder, anyBrand)
			}
			for _, pb := range brands {
				if pb.isHolder(holder) != pb.isHolderSlow(holder) {
					t.Errorf("%s: holder %q: %s isHolder %v, one by one %v", where, holder, pb.b.Name, pb.isHolder(holder), pb.isHolderSlow(holder))
				}
			}
		}
	}
	for _, s := range phTricky {
		check("tricky", s)
	}
	for _, pb := range brands {
		for _, n := range pb.names {
			check("name", n.text)
			check("name", strings.ToUpper(n.text)+" ログイン")
			check("holder", "© "+n.text+" Co., Ltd.")
			check("holder", "Copyright (C) 2001-2025 "+strings.ToUpper(n.text)+", Inc. All Rights Reserved.")
		}
	}
	pages := phTestdataPages(t)
	for path, p := range pages {
		for _, s := range phTexts(p) {
			check(filepath.Base(path), s)
		}
	}

	hosts := []string{"", ".", "x.example", "amazon.co.jp", "www.amazon.co.jp.", "WWW.AMAZON.CO.JP", "amazon.co.jp.evil.example",
		"evilamazon.co.jp", "smbc-card.com", "vpass.smbc-card-jp.com", "a..b", "co.jp"}
	for _, pb := range brands {
		for _, d := range append(append(append([]string{}, pb.b.Domains...), pb.b.InfraDomains...), pb.b.GroupDomains...) {
			hosts = append(hosts, d, "www."+d, "x"+d, d+".example", strings.ToUpper(d)+".")
		}
	}
	for _, h := range hosts {
		slow := false
		for _, pb := range brands {
			slow = slow || pb.b.Official(h)
		}
		if got := phishOfficialHost(brands, h); got != slow {
			t.Errorf("official(%q) = %v, one by one %v", h, got, slow)
		}
	}
}

// TestPhishPresentedAgrees checks that the presentation test, which reads
// only the texts naming a brand, finds exactly what the test it replaced
// (phishPresentedRef: every brand against the whole view) finds, on every
// testdata page and on pages made to present a brand in each way.
func TestPhishPresentedAgrees(t *testing.T) {
	brands := phishBrandsOf(DefaultData())
	pages := phTestdataPages(t)
	made := []string{
		`<title>ログイン</title><header><img src="/a.png" alt="PayPay"></header><form><input type=password></form>`,
		`<title>ログイン</title><p>ログイン</p><p>© Sumitomo Mitsui Card Co., Ltd.</p>`,
		`<title>Аmazon サインイン</title>`,
		`<title>会員ページ</title><h1><img src="/l.png" alt="三井住友カード"></h1>`,
		`<title>x</title><p>ETC利用照会サービス</p><p>パスワード</p><form><input type=password></form>`,
		`<title>x</title><p>VISA Mastercard JCB</p><img src="/logo.png" alt="JCB">`,
		`<title>x</title><h2>Vpassログイン</h2>`,
		`<title>x</title><p>Sign in to Apple</p>`,
		`<title>Apple</title><img src="/logo.png" alt="Apple logo"><p>COPYRİGHT Apple Inc.</p>`,
		// A logo's file name (rev21): alone, after an alt-texted logo,
		// beside a copyright holder.
		`<title>ログイン</title><div class="header"><img src="/img/logo_mufg_bank.png"></div><form><input type=password></form>`,
		`<title>ログイン</title><div class="logo"><img src="/img/shop.png" alt="ショップロゴ"></div><img src="/img/logo_mufg_bank.png"><form><input type=password></form>`,
		`<title>ログイン</title><img src="/img/logo_smbc.png"><p>© Sumitomo Mitsui Card Co., Ltd.</p>`,
	}
	for i, m := range made {
		pages["made"+string(rune('0'+i))] = NewPage("https://x.example/", 200, "text/html", "<html><body>"+m+"</body></html>", false)
	}
	pages["big-worst"] = NewPage("https://x.example/", 200, "text/html", phBigPage(200<<10, "Amazon ログイン", "会員登録が完了しました"), false)
	fired := 0
	for path, p := range pages {
		for _, host := range []string{"", "x.example", "www.amazon.co.jp"} {
			got := phishPresentedUncached(p, brands, host)
			want := phishPresentedRef(p, brands, host)
			if len(want) > 0 {
				fired++
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: presented %+v, want %+v", path, host, got, want)
			}
		}
	}
	if fired < 20 {
		t.Errorf("only %d pages present a brand: the comparison tests too little", fired)
	}
}

// TestPhishPageHostMemo checks the per-site hosts against working each
// page's host out alone, for pages served, saved and not of the site.
func TestPhishPageHostMemo(t *testing.T) {
	site := NewSite()
	site.URL, site.Host, site.ASCIIHost = "https://Shop.Example.JP./", "shop.example.jp", "shop.example.jp"
	for _, u := range []string{"https://a.example/x", "http://B.EXAMPLE.:8080/", "file:///tmp/x.html", "", "saved/page.html", "https://[::1]/", "https://a.example/x"} {
		site.Pages = append(site.Pages, &Page{URL: u})
	}
	other := &Page{URL: "https://other.example/"}
	for i, p := range append(site.Pages, other) {
		if got, want := phishPageHost(p, site), phishPageHostUncached(p, site); got != want || (i == 0 && got != "a.example") {
			t.Errorf("page %d (%q): host %q, alone %q", i, p.URL, got, want)
		}
	}
}
