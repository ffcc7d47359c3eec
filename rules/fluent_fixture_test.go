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
)

const flFixtures = "../testdata/fluent"

// flLoadFixture builds a Site from a folder of testdata/fluent: site.txt
// gives the landing URL, index.html is the first page and the other .html
// files follow in name order, except index.mobile.html, which is the
// smartphone version of the first page (site.Alt). Pages are decoded from
// the charset they declare.
func flLoadFixture(t testing.TB, dir string) *Site {
	t.Helper()
	var base string
	raw, err := os.ReadFile(filepath.Join(dir, "site.txt"))
	if err != nil {
		t.Fatalf("reading site.txt: %v", err)
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			base = l
			break
		}
	}
	host := flHost(base)
	if host == "" {
		t.Fatalf("%s: site.txt has no http(s) URL", dir)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(files, func(i, j int) bool {
		ii, jj := filepath.Base(files[i]) == "index.html", filepath.Base(files[j]) == "index.html"
		if ii != jj {
			return ii
		}
		return files[i] < files[j]
	})
	site := &Site{URL: base, Host: host, ASCIIHost: host, Domain: flRegistrable(host), Data: DefaultData(),
		Now: time.Date(2024, 12, 1, 10, 0, 0, 0, time.UTC)}
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := charset.NewReader(bytes.NewReader(body), "text/html")
		if err != nil {
			t.Fatalf("%s: decoding: %v", f, err)
		}
		text, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: decoding: %v", f, err)
		}
		name := filepath.Base(f)
		u := base
		if name != "index.html" && name != "index.mobile.html" {
			u = strings.TrimSuffix(base, "/") + "/" + name
		}
		p := NewPage(u, 200, "text/html", string(text), false)
		if name == "index.mobile.html" {
			site.Alt, site.AltMobile = p, true
			continue
		}
		site.Pages = append(site.Pages, p)
	}
	if len(site.Pages) == 0 || filepath.Base(files[0]) != "index.html" {
		t.Fatalf("%s: no index.html", dir)
	}
	return site
}

func TestFluentFixtures(t *testing.T) {
	want := map[string][]string{
		"fluent-fake":       {"address-inconsistent", "images-hotlinked", "listing-copied", "payment-gift-card", "payment-method-mismatch"},
		"cloaked":           {"cloaking"},
		"honest-rakuten":    nil,
		"honest-giftcard":   nil,
		"honest-sendai":     nil,
		"honest-sole":       nil,
		"honest-responsive": nil,
	}
	// Evidence that a person would check on each fake.
	evidence := map[string]string{
		"payment-method-mismatch": "VISA",
		"payment-gift-card":       "Amazonギフト券",
		"images-hotlinked":        "商品画像 8 枚中 7 枚が他店の画像サーバーから",
		"listing-copied":          "即購入OK",
		"address-inconsistent":    "〒530-0001 は大阪府ですが住所は東京都中央区銀座",
		"cloaking":                `PC: "Welcome to nginx!" / スマホ: "LUXE OUTLET`,
	}
	dirs, err := os.ReadDir(flFixtures)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		exp, ok := want[d.Name()]
		if !ok {
			t.Errorf("fixture %s has no expectation in this test", d.Name())
			continue
		}
		seen++
		t.Run(d.Name(), func(t *testing.T) {
			site := flLoadFixture(t, filepath.Join(flFixtures, d.Name()))
			signs := Evaluate(site, fluentRules(), "ja")
			var got []string
			for _, s := range signs {
				got = append(got, s.ID)
				if w := evidence[s.ID]; w != "" && !strings.Contains(s.Evidence, w) {
					t.Errorf("%s evidence %q lacks %q", s.ID, s.Evidence, w)
				}
				if s.URL == "" || s.Message == "" {
					t.Errorf("%s: sign without URL or message: %+v", s.ID, s)
				}
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(exp, ",") {
				t.Errorf("signs %v, want %v", got, exp)
				for _, s := range signs {
					t.Logf("  %s: %s", s.ID, s.Evidence)
				}
			}
		})
	}
	if seen != len(want) {
		t.Errorf("found %d fixture folders, want %d", seen, len(want))
	}
}

// TestFixtureVersions compares the desktop and smartphone versions of the
// fixtures' first pages directly.
func TestFixtureVersions(t *testing.T) {
	for _, c := range []struct {
		dir       string
		differ    bool
		useMobile bool
	}{
		{"cloaked", true, true},
		{"honest-responsive", false, false},
	} {
		site := flLoadFixture(t, filepath.Join(flFixtures, c.dir))
		if site.Alt == nil {
			t.Fatalf("%s: no index.mobile.html", c.dir)
		}
		differ, useMobile, ev := CompareVersions(site.Pages[0], site.Alt)
		if differ != c.differ || useMobile != c.useMobile {
			t.Errorf("%s: CompareVersions = %v, %v, %q; want %v, %v", c.dir, differ, useMobile, ev, c.differ, c.useMobile)
		}
	}
}

func TestFluentRulesListed(t *testing.T) {
	all := ByID(All())
	for _, r := range fluentRules() {
		if _, ok := all[r.ID]; !ok {
			t.Errorf("%s is not in All()", r.ID)
		}
		if r.Topic != "shopping" || !r.NeedsPage || r.Check == nil || r.Summary.JA == "" || r.Summary.EN == "" || r.Message.JA == "" || r.Message.EN == "" {
			t.Errorf("%s: incomplete rule: %+v", r.ID, r)
		}
	}
	want := map[string]int{"payment-method-mismatch": 25, "payment-gift-card": 40, "images-hotlinked": 20, "listing-copied": 20, "address-inconsistent": 15, "cloaking": 30, "subscription-trap": 30}
	for id, p := range want {
		if r, ok := all[id]; !ok || r.Points != p {
			t.Errorf("%s: points %d, want %d", id, r.Points, p)
		}
	}
}

func BenchmarkFluentRules(b *testing.B) {
	site := flLoadFixture(b, filepath.Join(flFixtures, "fluent-fake"))
	rs := fluentRules()
	for b.Loop() {
		if len(Evaluate(site, rs, "ja")) == 0 {
			b.Fatal("no signs")
		}
	}
}
