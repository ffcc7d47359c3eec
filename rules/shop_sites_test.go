package rules

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"
)

// shopFixtureDir is where the fixture sites live.
const shopFixtureDir = "../testdata/sites"

// shopFixtureType is the Content-Type a server would send for the site's
// pages: text/html, with the charset of the CHARSET file when there is
// one (the EUC-JP fixture declares its charset only there, as a server
// would in the HTTP header).
func shopFixtureType(t testing.TB, dir string) string {
	raw, err := os.ReadFile(filepath.Join(dir, "CHARSET"))
	if os.IsNotExist(err) {
		return "text/html"
	}
	if err != nil {
		t.Fatalf("reading %s/CHARSET: %v", dir, err)
	}
	return "text/html; charset=" + strings.TrimSpace(string(raw))
}

// shopFixtureFiles returns the site's HTML files, index.html first.
func shopFixtureFiles(t testing.TB, dir string) []string {
	names, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no pages in %s (%v)", dir, err)
	}
	sort.Slice(names, func(i, j int) bool {
		bi, bj := filepath.Base(names[i]) == "index.html", filepath.Base(names[j]) == "index.html"
		if bi != bj {
			return bi
		}
		return names[i] < names[j]
	})
	if filepath.Base(names[0]) != "index.html" {
		t.Fatalf("%s has no index.html", dir)
	}
	return names
}

// shopDecode decodes a page the way a browser would: the charset of the
// Content-Type, else a BOM, else the <meta> declaration, else a guess.
func shopDecode(t testing.TB, body []byte, ctype string) string {
	r, err := charset.NewReader(bytes.NewReader(body), ctype)
	if err != nil {
		t.Fatalf("choosing a decoder: %v", err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding: %v", err)
	}
	return string(out)
}

// shopFixturePages reads and parses a fixture site's pages, as if served at
// https://NAME.example/ (index.html as the root).
func shopFixturePages(t testing.TB, name string) (base string, bodies []string, pages []*Page) {
	dir := filepath.Join(shopFixtureDir, name)
	ctype := shopFixtureType(t, dir)
	base = "https://" + name + ".example/"
	for _, f := range shopFixtureFiles(t, dir) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("reading %s: %v", f, err)
		}
		body := shopDecode(t, raw, ctype)
		u := base + filepath.Base(f)
		if filepath.Base(f) == "index.html" {
			u = base
		}
		bodies = append(bodies, body)
		pages = append(pages, NewPage(u, 200, ctype, body, false))
	}
	return base, bodies, pages
}

// shopFixtureSite builds the Site of a fixture folder.
func shopFixtureSite(t testing.TB, name string) *Site {
	base, _, pages := shopFixturePages(t, name)
	host := name + ".example"
	return &Site{
		Target: base, URL: base, Host: host, ASCIIHost: host, Domain: host,
		Pages: pages, Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Data: DefaultData(),
	}
}

func shopSignIDs(signs []Sign) []string {
	var ids []string
	for _, s := range signs {
		ids = append(ids, s.ID)
	}
	sort.Strings(ids)
	return ids
}

func TestShopSites(t *testing.T) {
	fake := []string{"account-name-mismatch", "account-personal-name", "contact-free-email",
		"japanese-unnatural", "payment-transfer-only", "price-extreme-discount"}
	cases := []struct {
		site string
		want []string // sorted sign ids
		risk Risk
		// maxScore bounds the score (0: no bound beyond the risk).
		maxScore int
	}{
		{"fake-utf8", fake, RiskHigh, 0},
		{"fake-sjis", fake, RiskHigh, 0},
		{"fake-eucjp", fake, RiskHigh, 0},
		{"honest-company", nil, RiskLow, 0},
		// A sole proprietor: card and transfer into her own-name account,
		// a mobile number and Gmail in a full disclosure (free mail is no
		// sign for a seller that is a person, not a company).
		{"sole-proprietor", []string{"account-personal-name"}, RiskLow, 49},
		// A BASE shop: the platform's address and the phone on request.
		{"base-shop", []string{"seller-info-missing"}, RiskLow, 10},
	}
	for _, c := range cases {
		t.Run(c.site, func(t *testing.T) {
			site := shopFixtureSite(t, c.site)
			signs := Evaluate(site, shopRules(), "ja")
			score, risk := Score(signs)
			for _, s := range signs {
				t.Logf("%s %s %d: %s [%s]", s.ID, s.Severity, s.Points, s.Evidence, s.URL)
			}
			if got := shopSignIDs(signs); strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("signs = %v, want %v", got, c.want)
			}
			if risk != c.risk {
				t.Errorf("risk = %s (score %d), want %s", risk, score, c.risk)
			}
			if c.maxScore > 0 && score > c.maxScore {
				t.Errorf("score = %d, want at most %d", score, c.maxScore)
			}
		})
	}
}

// TestShopSitesEvidence checks what the fake site's signs show, so that a
// sign firing for the wrong reason is caught.
func TestShopSitesEvidence(t *testing.T) {
	site := shopFixtureSite(t, "fake-utf8")
	got := map[string]Sign{}
	for _, s := range Evaluate(site, shopRules(), "ja") {
		got[s.ID] = s
	}
	want := map[string][]string{
		"payment-transfer-only":  {"銀行振込のみ", "guide.html"},
		"account-personal-name":  {"リ ケイ", "三井住友銀行", "guide.html"},
		"account-name-mismatch":  {"株式会社グローバルトレード", "リ ケイ"},
		"price-extreme-discount": {"7件中7件が70%超の値引き", "中央値 87%引き", "定価 ¥238,000 → ¥23,800"},
		"japanese-unnatural":     {"簡体字など", "规", "不自然な表現"},
		"contact-free-email":     {"globaltrade.shop@gmail.com"},
	}
	for id, parts := range want {
		s, ok := got[id]
		if !ok {
			t.Errorf("%s did not fire", id)
			continue
		}
		for _, p := range parts {
			if !strings.Contains(s.Evidence+" "+s.URL, p) {
				t.Errorf("%s evidence %q [%s] lacks %q", id, s.Evidence, s.URL, p)
			}
		}
	}
}

// TestShopSitesEncodings checks that the Shift_JIS and EUC-JP copies of the
// fake shop read exactly as the UTF-8 one once decoded (the Shift_JIS one by
// its <meta>, the EUC-JP one by the HTTP charset alone), so that the
// encoded fixtures test decoding and nothing else. With
// SHOPCHECK_REGEN_FIXTURES=1 it first rewrites them from the UTF-8 copy.
func TestShopSitesEncodings(t *testing.T) {
	if os.Getenv("SHOPCHECK_REGEN_FIXTURES") == "1" {
		shopRegenFixtures(t)
	}
	_, _, want := shopFixturePages(t, "fake-utf8")
	for _, name := range []string{"fake-sjis", "fake-eucjp"} {
		_, _, got := shopFixturePages(t, name)
		if len(got) != len(want) {
			t.Fatalf("%s has %d pages, fake-utf8 %d", name, len(got), len(want))
		}
		for i := range want {
			if got[i].Text != want[i].Text {
				t.Errorf("%s page %d text differs from fake-utf8:\n%q\nwant\n%q", name, i, Clip(got[i].Text, 300), Clip(want[i].Text, 300))
			}
		}
	}
	// The EUC-JP copy must not declare its charset in the page: only the
	// header (CHARSET) does. The Shift_JIS copy declares it only in <meta>.
	for _, f := range shopFixtureFiles(t, filepath.Join(shopFixtureDir, "fake-eucjp")) {
		raw, _ := os.ReadFile(f)
		if bytes.Contains(bytes.ToLower(raw), []byte("charset")) {
			t.Errorf("%s declares a charset in the page", f)
		}
	}
	if _, err := os.Stat(filepath.Join(shopFixtureDir, "fake-sjis", "CHARSET")); err == nil {
		t.Errorf("fake-sjis must declare its charset only in <meta>")
	}
}

// shopRegenFixtures writes fake-sjis and fake-eucjp from fake-utf8: the
// <meta charset> line swapped for a Shift_JIS declaration (or dropped for
// EUC-JP), characters the encoding lacks (simplified Chinese) written as
// numeric character references, as an editor saving such a page would.
func shopRegenFixtures(t *testing.T) {
	src := filepath.Join(shopFixtureDir, "fake-utf8")
	for _, v := range []struct {
		dir  string
		enc  encoding.Encoding
		meta string
	}{
		{"fake-sjis", japanese.ShiftJIS, `<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`},
		{"fake-eucjp", japanese.EUCJP, ""},
	} {
		dst := filepath.Join(shopFixtureDir, v.dir)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range shopFixtureFiles(t, src) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Replace(string(raw), `<meta charset="utf-8">`, v.meta, 1)
			if v.meta == "" {
				text = strings.Replace(text, "<head>\n\n", "<head>\n", 1)
			}
			out, _, err := transform.String(encoding.HTMLEscapeUnsupported(v.enc.NewEncoder()), text)
			if err != nil {
				t.Fatalf("encoding %s for %s: %v", f, v.dir, err)
			}
			if err := os.WriteFile(filepath.Join(dst, filepath.Base(f)), []byte(out), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if v.meta == "" {
			if err := os.WriteFile(filepath.Join(dst, "CHARSET"), []byte("EUC-JP\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestShopSitesHelpers checks what the exported helpers read from the
// fixture sites, so that the signs are silent (or fire) for the right
// reasons and the clustering clues are right.
func TestShopSitesHelpers(t *testing.T) {
	honest := shopFixtureSite(t, "honest-company")
	as := Accounts(honest)
	if len(as) != 1 || as[0].Holder != "カ)ヤマビコシヨウテン" || as[0].Kind != HolderCorporate || as[0].Number != "7654321" || as[0].Bank != "みずほ銀行" {
		t.Errorf("honest-company accounts = %+v", as)
	}
	offered, _ := PaymentMethods(honest)
	for _, m := range []string{"card", "cash-on-delivery", "convenience-store", "bank-transfer"} {
		if _, ok := offered[m]; !ok {
			t.Errorf("honest-company: %s not offered (%v)", m, offered)
		}
	}
	ds := Disclosures(honest)
	if len(ds) == 0 || ds[0].Seller != "株式会社やまびこ商店" {
		t.Errorf("honest-company disclosures = %+v", ds)
	}
	if got := Emails(honest); len(got) != 1 || got[0] != "info@yamabiko-shop.co.jp" {
		t.Errorf("honest-company emails = %v", got)
	}

	sole := shopFixtureSite(t, "sole-proprietor")
	as = Accounts(sole)
	if len(as) != 1 || as[0].Holder != "ヤマダ ハナコ" || as[0].Kind != HolderPersonal || as[0].Number != "10120-12345671" || as[0].NumberKey != "1234567" {
		t.Errorf("sole-proprietor accounts = %+v", as)
	}
	if got := Phones(sole); len(got) != 1 || got[0] != "09012345678" {
		t.Errorf("sole-proprietor phones = %v", got)
	}

	base := shopFixtureSite(t, "base-shop")
	ds = Disclosures(base)
	if len(ds) != 1 || ds[0].Platform != "BASE" || !ds[0].PhoneWithheld || ds[0].Seller != "小林 誠" {
		t.Errorf("base-shop disclosures = %+v", ds)
	}
	if got := Emails(base); len(got) != 0 {
		t.Errorf("base-shop: the platform's sender and the Gmail advice are no seller addresses: %v", got)
	}

	fake := shopFixtureSite(t, "fake-utf8")
	if got := Emails(fake); len(got) != 1 || got[0] != "globaltrade.shop@gmail.com" {
		t.Errorf("fake emails = %v", got)
	}
	if got := Phones(fake); len(got) != 1 || got[0] != "0368681234" {
		t.Errorf("fake phones = %v", got)
	}
	info := Payments(fake)
	if _, ok := info.Unavailable["card"]; !ok || info.TransferOnly == nil || len(info.Offered) != 1 {
		t.Errorf("fake payments = %+v", info)
	}
	kinds := map[string]int{}
	for _, c := range ShopClues(fake) {
		kinds[c.Kind]++
	}
	// The account twice: bank|number and number|holder.
	if kinds["account"] != 2 || kinds["phone"] != 1 || kinds["email"] != 1 || kinds["disclosure"] < 1 {
		t.Errorf("fake clues = %v", kinds)
	}
}

// TestShopHostilePages runs every shop sign directly (so that a panic is
// not swallowed by Evaluate) on pages built to be costly or strange.
func TestShopHostilePages(t *testing.T) {
	big := func(unit string, n int) string { return strings.Repeat(unit, n) }
	pages := map[string]string{
		"at signs":      "<p>" + big("@", 200000) + "</p>",
		"zeros":         "<p>" + big("0 ", 100000) + "</p>",
		"banks":         big("<p>三井住友銀行</p>", 5000),
		"phrases":       "<p>" + big("ですです", 20000) + "</p>",
		"logos":         big(`<img alt="VISA">`, 3000) + big("<p>VISA</p>", 3000),
		"headings":      big(`<p><a href="/x">会社概要</a></p>`, 3000),
		"broken utf-8":  "<p>\xff\xfe\xe3\x81 銀行 \xe3 振込 @ 0\xe3\x81\x81</p>",
		"prefectures":   "<p>" + big("東京都", 50000) + "</p>",
		"prices":        "<p>" + big("定価 ¥10,000 → ¥1,000 ", 20000) + "</p>",
		"long one line": "<p>" + big("お支払い方法：銀行振込のみ、", 20000) + "</p>",
		"statuses":      "<p>" + big("クレジットカード不可、代引きご利用いただけます、", 10000) + "</p>",
	}
	for name, body := range pages {
		t.Run(name, func(t *testing.T) {
			site := shopSite(t, shopTop, shopHTML("x", body))
			for _, r := range shopRules() {
				func() {
					defer func() {
						if v := recover(); v != nil {
							t.Errorf("%s panicked: %v", r.ID, v)
						}
					}()
					for _, f := range r.Check(site) {
						if runeLen := len([]rune(f.Evidence)); runeLen > 300 {
							t.Errorf("%s evidence is %d runes long", r.ID, runeLen)
						}
					}
				}()
			}
		})
	}
}

// TestShopRulesConcurrent evaluates one rule list on one site from several
// goroutines, as the checker does for concurrent targets: the results stay
// the same (run with -race to check the shared tables are read-only).
func TestShopRulesConcurrent(t *testing.T) {
	site := shopFixtureSite(t, "fake-utf8")
	rs := shopRules()
	want := strings.Join(shopSignIDs(Evaluate(site, rs, "ja")), ",")
	done := make(chan string)
	for i := 0; i < 4; i++ {
		go func() {
			got := ""
			for j := 0; j < 3; j++ {
				got = strings.Join(shopSignIDs(Evaluate(site, rs, "ja")), ",")
			}
			done <- got
		}()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; got != want {
			t.Errorf("concurrent signs = %s, want %s", got, want)
		}
	}
}
