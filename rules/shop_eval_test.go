package rules

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// The shop evaluation corpus (testdata/eval/shops, see
// cmd/shopcheck/eval_shops_test.go for the layout) read here without the
// crawler: every page of each folder is given to the rules, so that the
// signs are judged on pages a crawl may not reach, and each site is held
// to the "pages" expectations of EXPECTED.tsv (its plain risk set unless
// a pages= one is given).

const shopEvalDir = "../testdata/eval/shops"

// shopEvalCase is one line of EXPECTED.tsv.
type shopEvalCase struct {
	site    string
	risks   map[string][]string // mode ("" for every mode) -> risks
	must    []string
	mustNot []string
}

// riskFor returns the risks allowed in mode.
func (c shopEvalCase) riskFor(mode string) []string {
	if r, ok := c.risks[mode]; ok {
		return r
	}
	return c.risks[""]
}

func shopEvalCases(t testing.TB) []shopEvalCase {
	f, err := os.Open(filepath.Join(shopEvalDir, "EXPECTED.tsv"))
	if err != nil {
		t.Fatalf("opening the corpus expectations: %v", err)
	}
	defer f.Close()
	list := func(s, sep string) []string {
		var out []string
		for _, x := range strings.Split(strings.TrimSpace(s), sep) {
			if x = strings.TrimSpace(x); x != "" && x != "-" {
				out = append(out, x)
			}
		}
		return out
	}
	var out []shopEvalCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != 4 {
			t.Fatalf("EXPECTED.tsv line %d: want 4 tab-separated columns", n)
		}
		c := shopEvalCase{site: cols[0], risks: map[string][]string{}, must: list(cols[2], ","), mustNot: list(cols[3], ",")}
		for _, tok := range strings.Fields(cols[1]) {
			mode, set, ok := strings.Cut(tok, "=")
			if !ok {
				mode, set = "", tok
			}
			c.risks[mode] = list(set, "|")
		}
		out = append(out, c)
	}
	return out
}

// shopEvalSite builds the Site of a corpus folder from all its pages,
// decoded as a server would send them (the CHARSET file's charset, else
// the page's own declaration). A folder with NAME.mobile.html files is
// read as the checker reads a site: the smartphone version of the first
// page in Alt, and the smartphone pages instead when the two versions
// differ and the smartphone one is the shop.
func shopEvalSite(t testing.TB, name string) *Site {
	dir := filepath.Join(shopEvalDir, name)
	ctype := shopFixtureType(t, dir)
	start := ""
	if b, err := os.ReadFile(filepath.Join(dir, "START")); err == nil {
		start = strings.TrimSpace(string(b))
	}
	base := "https://eval-shop.example/"
	desktop := map[string]*Page{}
	mobile := map[string]*Page{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		switch rel {
		case "CHARSET", "HOST", "START", "EXPECTED.tsv":
			return nil
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		body := shopDecode(t, raw, ctype)
		isMobile := strings.HasSuffix(rel, ".mobile.html")
		rel = strings.Replace(rel, ".mobile.html", ".html", 1)
		u := base + strings.Replace(rel, "@", "?", 1)
		u = strings.Replace(u, "index.html?", "?", 1)
		if strings.HasSuffix(rel, "index.html") {
			u = strings.TrimSuffix(u, "index.html")
		}
		pg := NewPage(u, 200, ctype, body, false)
		if isMobile {
			mobile[u] = pg
		} else {
			desktop[u] = pg
		}
		return nil
	})
	if err != nil {
		t.Fatalf("reading %s: %v", dir, err)
	}
	first := base + start
	pages := desktop
	var alt *Page
	altMobile := false
	if m, ok := mobile[first]; ok {
		d := desktop[first]
		if d == nil {
			d = &Page{URL: first, Status: 404}
		}
		alt, altMobile = m, true
		if differ, useMobile, _ := CompareVersions(d, m); differ && useMobile {
			// Scored on the smartphone version, as the checker does.
			pages = map[string]*Page{}
			for u, p := range desktop {
				pages[u] = p
			}
			for u, p := range mobile {
				pages[u] = p
			}
			alt, altMobile = d, false
		}
	}
	urls := make([]string, 0, len(pages))
	for u := range pages {
		if u != first {
			urls = append(urls, u)
		}
	}
	sort.Strings(urls)
	var ps []*Page
	if p := pages[first]; p != nil {
		ps = append(ps, p)
	}
	for _, u := range urls {
		ps = append(ps, pages[u])
	}
	return &Site{
		Target: first, URL: first, Host: "eval-shop.example", ASCIIHost: "eval-shop.example", Domain: "eval-shop.example",
		Pages: ps, Alt: alt, AltMobile: altMobile,
		Now: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Data: DefaultData(),
	}
}

// TestShopEvalPages scores every corpus site on all its pages with the
// shop and fluent signs and checks the expectations. SHOPEVAL_SITE=name
// limits the run to one site and logs what the rules read there.
func TestShopEvalPages(t *testing.T) {
	cases := shopEvalCases(t)
	if len(cases) < 20 {
		t.Fatalf("only %d sites in the corpus", len(cases))
	}
	only := os.Getenv("SHOPEVAL_SITE")
	rs := append(shopRules(), fluentRules()...)
	for _, c := range cases {
		if only != "" && c.site != only {
			continue
		}
		t.Run(c.site, func(t *testing.T) {
			site := shopEvalSite(t, c.site)
			signs := Evaluate(site, rs, "ja")
			score, risk := Score(signs)
			got := map[string]bool{}
			var b strings.Builder
			for _, s := range signs {
				got[s.ID] = true
				b.WriteString("\n    " + s.ID + " " + string(s.Severity) + ": " + s.Evidence + " [" + s.URL + "]")
			}
			if only != "" {
				shopEvalDump(t, site)
			}
			if want := c.riskFor("pages"); !slices.Contains(want, string(risk)) {
				t.Errorf("risk %s (score %d), want %s; signs:%s", risk, score, strings.Join(want, "|"), b.String())
			}
			for _, id := range c.must {
				if !got[id] {
					t.Errorf("sign %s missing; signs:%s", id, b.String())
				}
			}
			for _, id := range c.mustNot {
				if got[id] {
					t.Errorf("sign %s must not fire; signs:%s", id, b.String())
				}
			}
		})
	}
}

// shopEvalDump logs what the shop readers found on a site.
func shopEvalDump(t *testing.T, site *Site) {
	for _, p := range site.Pages {
		t.Logf("page %s (%d lines)", p.URL, len(p.Lines))
	}
	for _, a := range Accounts(site) {
		t.Logf("account %s kind %s [%s]", a.Describe(), a.Kind, a.URL)
	}
	pi := Payments(site)
	t.Logf("offered %v\nunavailable %v\nlogos %v\nonly %v overrides %v after %v",
		pi.Offered, pi.Unavailable, pi.Logos, pi.TransferOnly, pi.OnlyOverrides, pi.AfterDelivery)
	for _, d := range Disclosures(site) {
		t.Logf("disclosure %s: seller %q address %q phone %q withheld %v/%v platform %q emails %v",
			d.URL, d.Seller, d.Address, d.Phone, d.AddressWithheld, d.PhoneWithheld, d.Platform, d.Emails)
	}
	if os.Getenv("SHOPEVAL_LINES") != "" {
		for _, p := range site.Pages {
			t.Logf("== %s\n%s", p.URL, strings.Join(p.Lines, "\n"))
		}
	}
}

// BenchmarkShopEvalCorpus scores every site of the evaluation corpus (all
// its pages, parsed once) with the shop and fluent signs: the cost of
// scoring varied real-looking sites rather than one fixture.
func BenchmarkShopEvalCorpus(b *testing.B) {
	var sites []*Site
	for _, c := range shopEvalCases(b) {
		sites = append(sites, shopEvalSite(b, c.site))
	}
	rs := append(shopRules(), fluentRules()...)
	for _, s := range sites {
		Evaluate(s, rs, "ja") // load the embedded tables once
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sites {
			Evaluate(s, rs, "ja")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(sites)), "ns/site")
}
