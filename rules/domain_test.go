package rules

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestDomainNew(t *testing.T) {
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	r := ruleByID(t, "domain-new")
	if r.NeedsPage || !strings.Contains(r.Summary.EN, "90 days") || !strings.Contains(r.Summary.JA, "1年未満") {
		t.Errorf("domain-new: NeedsPage %v, summary %+v must give the grades", r.NeedsPage, r.Summary)
	}
	tests := []struct {
		name    string
		whois   *Whois
		sev     Severity
		points  int
		noFires bool
	}{
		{"10 days", &Whois{Created: now.AddDate(0, 0, -10), Server: "whois.jprs.jp"}, High, 25, false},
		{"89 days", &Whois{Created: now.AddDate(0, 0, -89)}, High, 25, false},
		{"200 days", &Whois{Created: now.AddDate(0, 0, -200)}, Medium, 15, false},
		{"3 years", &Whois{Created: now.AddDate(-3, 0, 0)}, "", 0, true},
		{"no date (pre-1993 co.jp)", &Whois{Server: "whois.jprs.jp", Raw: "[Registered Date]"}, "", 0, true},
		{"no whois", nil, "", 0, true},
		{"in the future", &Whois{Created: now.AddDate(0, 0, 30)}, "", 0, true},
	}
	for _, tt := range tests {
		site := &Site{URL: "https://shop.example.jp/", Domain: "example.jp", Whois: tt.whois, Now: now, Data: DefaultData()}
		signs := Evaluate(site, []Rule{r}, "ja")
		if tt.noFires {
			if len(signs) != 0 {
				t.Errorf("%s: fired %+v", tt.name, signs)
			}
			continue
		}
		if len(signs) != 1 || signs[0].Severity != tt.sev || signs[0].Points != tt.points {
			t.Errorf("%s: got %+v, want %s %d", tt.name, signs, tt.sev, tt.points)
			continue
		}
		if !strings.Contains(signs[0].Evidence, "登録日 "+tt.whois.Created.Format("2006-01-02")) || !strings.Contains(signs[0].Message, "example.jp") {
			t.Errorf("%s: evidence %q message %q", tt.name, signs[0].Evidence, signs[0].Message)
		}
	}
}

func TestDomainLookalikeSign(t *testing.T) {
	r := ruleByID(t, "domain-lookalike")
	if r.NeedsPage || r.Points != 40 || r.Topic != "phishing" {
		t.Errorf("domain-lookalike: %+v", r)
	}
	site := siteFor(t, "smbc-cerd.com", "https://smbc-cerd.com/")
	signs := Evaluate(site, []Rule{r}, "ja")
	if len(signs) != 1 {
		t.Fatalf("no sign: %+v", signs)
	}
	if !strings.Contains(signs[0].Message, "三井住友カード（smbc-card.com）の綴りを1文字変えたもの") {
		t.Errorf("message %q", signs[0].Message)
	}
	if !strings.Contains(signs[0].Evidence, "smbc-cerd.com") || !strings.Contains(signs[0].Evidence, "smbc-card.com") {
		t.Errorf("evidence %q should show the domain beside the official one", signs[0].Evidence)
	}
	en := Evaluate(site, []Rule{r}, "en")
	if !strings.Contains(en[0].Message, "imitates smbc-card.com, the official domain of SMBC Card (三井住友カード): one letter changed") {
		t.Errorf("EN message %q", en[0].Message)
	}
	// A look-alike target that lands on the brand's own site (a defensive
	// registration) does not count; a look-alike final URL does.
	site = siteFor(t, "https://amazom.com/", "https://www.amazon.co.jp/", "https://amazom.com/")
	if s := Evaluate(site, []Rule{r}, "ja"); len(s) != 0 {
		t.Errorf("redirect to the official site: %+v", s)
	}
	site = siteFor(t, "https://bit.ly/x", "https://amazom.com/", "https://bit.ly/x")
	if s := Evaluate(site, []Rule{r}, "ja"); len(s) != 1 {
		t.Errorf("look-alike final URL: %+v", s)
	}
}

func TestDomainRulesNeedNoPage(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range DomainRules() {
		if r.NeedsPage {
			t.Errorf("%s needs a page", r.ID)
		}
		ids[r.ID] = true
	}
	for _, id := range []string{"domain-new", "domain-lookalike", "url-ip-host", "url-shortener", "url-idn", "url-userinfo", "url-suspicious-tld", "blocklist-hit"} {
		if !ids[id] {
			t.Errorf("DomainRules lacks %s", id)
		}
	}
	for _, r := range domainRules() {
		if r.Summary.JA == "" || r.Summary.EN == "" || r.Message.JA == "" || r.Message.EN == "" || r.Topic == "" {
			t.Errorf("%s: summary, message or topic missing", r.ID)
		}
	}
}

func TestParseHost(t *testing.T) {
	tests := []struct {
		in, ascii, uni, reg, label, suffix string
		hosted                             bool
	}{
		{"WWW.Amazon.CO.JP.", "www.amazon.co.jp", "www.amazon.co.jp", "amazon.co.jp", "amazon", "co.jp", false},
		{"ａｍａｚｏｎ．ｃｏ．ｊｐ", "amazon.co.jp", "amazon.co.jp", "amazon.co.jp", "amazon", "co.jp", false},
		{"お名前。com", "xn--t8jx73hngb.com", "お名前.com", "xn--t8jx73hngb.com", "xn--t8jx73hngb", "com", false},
		{"xn--amzon-4wa.com", "xn--amzon-4wa.com", "amązon.com", "xn--amzon-4wa.com", "xn--amzon-4wa", "com", false},
		{"a.b.evil.github.io", "a.b.evil.github.io", "a.b.evil.github.io", "evil.github.io", "evil", "github.io", true},
		{"x.000webhostapp.com", "x.000webhostapp.com", "x.000webhostapp.com", "x.000webhostapp.com", "x", "000webhostapp.com", true},
		{"my_host.example.com:8080", "my_host.example.com", "my_host.example.com", "example.com", "example", "com", false},
		{"co.jp", "co.jp", "co.jp", "co.jp", "", "co.jp", false},
		// A tenant's name on a hosting service may end in a hyphen.
		{"bad-.blogspot.com", "bad-.blogspot.com", "bad-.blogspot.com", "bad-.blogspot.com", "bad-", "blogspot.com", true},
	}
	for _, tt := range tests {
		h, err := ParseHost(tt.in)
		if err != nil {
			t.Errorf("%s: %v", tt.in, err)
			continue
		}
		if h.ASCII != tt.ascii || h.Unicode != tt.uni || h.Registrable != tt.reg || h.Label != tt.label || h.Suffix != tt.suffix || h.Hosted != tt.hosted {
			t.Errorf("%s: got %+v", tt.in, h)
		}
	}
	// No registry hands out a name that starts or ends with a hyphen, and
	// no name encodes to broken punycode.
	for _, bad := range []string{"", " ", "a..b", ".com", "exa mple.com", "a/b.com", "-bad-.com", "bad-.com", "-bad.co.jp", "ok.-bad-.com", "xn--zz.com"} {
		if _, err := ParseHost(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if got := RegistryDomain("a.b.evil.github.io"); got != "github.io" {
		t.Errorf("RegistryDomain = %q, want github.io", got)
	}
}

func FuzzParseHost(f *testing.F) {
	for _, s := range []string{"amazon.co.jp", "xn--amzon-4wa.com", "ａｍａｚｏｎ．ｃｏ．ｊｐ", "0x7f000001", "[::1]",
		"evil.github.io", "お名前。com", "a..b", "xn--", "аmazon.com", "smbc-card-login.com"} {
		f.Add(s)
	}
	d := DefaultData()
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHost(s)
		if err != nil {
			return
		}
		if h.ASCII == "" || h.Registrable == "" {
			t.Fatalf("%q: empty ASCII or registrable: %+v", s, h)
		}
		if !h.IP && !strings.HasSuffix(h.ASCII, h.Registrable) {
			t.Fatalf("%q: registrable %q is not a suffix of %q", s, h.Registrable, h.ASCII)
		}
		// Normalising is idempotent.
		h2, err := ParseHost(h.ASCII)
		if err != nil || h2.ASCII != h.ASCII || h2.Registrable != h.Registrable {
			t.Fatalf("%q: ParseHost(%q) = %+v, %v; first %+v", s, h.ASCII, h2, err, h)
		}
		// An official domain never imitates; matching never panics.
		d.Brands.LookalikeHost(h)
		_ = Fold(s)
	})
}

func TestExampleRulesFile(t *testing.T) {
	f, err := os.Open("../testdata/rules/example.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := LoadData(f)
	if err != nil {
		t.Fatalf("example.json does not load: %v", err)
	}
	if im, ok := d.Brands.Lookalike("sakura-shinkin-login.top"); !ok || im.Brand.Name != "さくら信用金庫" {
		t.Errorf("the example brand is not matched: %+v %v", im, ok)
	}
	for host, want := range map[string]bool{"www.sakura-shinkin.example.jp": false, "sakura-cafe.jp": false, "sakura-kakunin.com": true} {
		if _, ok := d.Brands.Lookalike(host); ok != want {
			t.Errorf("%s: look-alike %v, want %v", host, ok, want)
		}
	}
	if _, ok := BlocklistMatch(d.Blocklist, "https://a.phish.example/x"); !ok {
		t.Error("the example blocklist does not match a.phish.example")
	}
	if d.Weights["domain-new"] != 30 || len(d.FraudAccounts) != 2 {
		t.Errorf("weights %v, accounts %d", d.Weights, len(d.FraudAccounts))
	}
}

// TestParseIPv4 covers the spellings the fetcher's guard and url-ip-host
// must agree on, including those the two once read differently (a long
// zero-padded part, a trailing dot).
func TestParseIPv4(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"127.0.0.1", "127.0.0.1"},
		{"127.1", "127.0.0.1"},
		{"0x7f000001", "127.0.0.1"},
		{"2130706433", "127.0.0.1"},
		{"0177.0.0.1", "127.0.0.1"},
		{"0000000000177.0.0.1", "127.0.0.1"},
		{"10.0.0.1.", "10.0.0.1"},
		{"0x.0.0.0", "0.0.0.0"},
		{"256.0.0.1", ""},
		{"1.2.3.4.5", ""},
		{"1.2.3.0x100", ""},
		{"+1.2.3.4", ""},
		{"1_0.0.0.1", ""},
		{"example.jp", ""},
		{"", ""},
	} {
		got := ""
		if a, ok := ParseIPv4(tc.in); ok {
			got = a.String()
		}
		if got != tc.want {
			t.Errorf("ParseIPv4(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSwapWords(t *testing.T) {
	for _, tc := range []struct {
		swaps  []string
		ja, en string
	}{
		{[]string{"а→a"}, "英字の a の代わりにキリル文字の а", "Cyrillic а for Latin a"},
		{[]string{"1→l", "ο→o"}, "英字の l の代わりに数字の 1、英字の o の代わりにギリシャ文字の ο", "digit 1 for Latin l, Greek ο for Latin o"},
		{[]string{"rn→m"}, "英字の m の代わりに英字の rn", "Latin rn for Latin m"},
	} {
		if ja, en := swapWords(tc.swaps); ja != tc.ja || en != tc.en {
			t.Errorf("swapWords(%v) = %q, %q; want %q, %q", tc.swaps, ja, en, tc.ja, tc.en)
		}
	}
}

// TestGovernmentImitation: a name made to look like a public office's
// (lg.jp, go.jp written into another domain) is domain-lookalike even
// though it imitates no brand of the list (rev25 p40 m22:
// city.yokohama.lg-jp.net was low 0); offices' own hosts and names that
// merely hold the letters stay silent.
func TestGovernmentImitation(t *testing.T) {
	for _, c := range []struct {
		host string
		want bool
	}{
		{"www.city.yokohama.lg-jp.net", true},
		{"city.yokohama.lg.jp.kanpu-info.com", true},
		{"city-osaka-lg-jp.com", true},
		{"nenkin.go-jp.info", true},
		{"www.city.yokohama.lg.jp", false},
		{"www.nta.go.jp", false},
		{"golf-jp.com", false},
		{"go-jp-tour.com", false},
		{"mogo-jp.com", false},
		{"blog.jp", false},
		// rev25 p42: lg.jp before a hyphen or after one, a prefecture's and
		// its police's domain in front of another, pref- names with lg.
		{"www.city.kobe.lg.jp-shien.sbs", true},
		{"pref-osaka-lg.jp.net", true},
		{"pref.miyagi.jp.teigaku-kyufu.com", true},
		{"police.pref.miyagi.jp.sousa-kakunin.com", true},
		{"city.sendai.jp.kyufu.com", true},
		{"police-pref-osaka-lg.xyz", true},
		{"police.pref.miyagi.jp", false},
		{"city.sendai.jp", false},
		{"city-hotel-jp.com", false},
		{"city-guide-jp.net", false},
	} {
		h, err := ParseHost(c.host)
		if err != nil {
			t.Fatalf("%s: %v", c.host, err)
		}
		f, got := governmentImitation(h, "https://"+c.host+"/")
		if got != c.want || got && !strings.Contains(f.Message.JA, c.host) {
			t.Errorf("%s: imitation %v (%q), want %v", c.host, got, f.Evidence, c.want)
		}
	}
	site := &Site{URL: "https://www.city.yokohama.lg-jp.net/kanpu/", Data: DefaultData()}
	if fs := checkDomainLookalike(site); len(fs) != 1 || !strings.Contains(fs[0].Evidence, "lg.jp") {
		t.Errorf("domain-lookalike on the site: %+v", fs)
	}
}
