package rules

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// memoDoc is one testdata HTML file, decoded, with the URL it is served at.
type memoDoc struct {
	url, ctype, body string
}

// memoCorpus reads every folder of testdata holding HTML files (fixture
// sites, the shop and phishing corpora, fluent, phishing and hostile
// pages), each folder as the pages of one site served at
// https://FOLDER.example/ (index.html as the root), decoded by the
// folder's CHARSET file when it has one.
func memoCorpus(t testing.TB) (names []string, docs map[string][]memoDoc) {
	t.Helper()
	docs = map[string][]memoDoc{}
	err := filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		dir := filepath.Dir(path)
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		ctype := shopFixtureType(t, dir)
		name := strings.ReplaceAll(strings.TrimPrefix(filepath.ToSlash(dir), "../testdata/"), "/", "-")
		u := "https://" + name + ".example/"
		if base := filepath.Base(path); base != "index.html" {
			u += base
		}
		docs[name] = append(docs[name], memoDoc{url: u, ctype: ctype, body: shopDecode(t, raw, ctype)})
		return nil
	})
	if err != nil {
		t.Fatalf("reading testdata: %v", err)
	}
	for name, ds := range docs {
		sort.Slice(ds, func(i, j int) bool { return ds[i].url < ds[j].url }) // the root first
		if len(ds) > 12 {
			docs[name] = ds[:12]
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if len(names) < 20 {
		t.Fatalf("only %d folders of pages in testdata", len(names))
	}
	return names, docs
}

func memoParse(ds []memoDoc) []*Page {
	out := make([]*Page, len(ds))
	for i, d := range ds {
		out[i] = NewPage(d.url, 200, d.ctype, d.body, false)
	}
	return out
}

// memoSite is a site as the checker makes it, on host, holding pages.
func memoSite(host string, pages []*Page, d *Data) *Site {
	s := NewSite()
	s.Target, s.URL, s.Host, s.ASCIIHost, s.Domain = "https://"+host+"/", "https://"+host+"/", host, host, host
	s.Pages, s.Data, s.Now = pages, d, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	return s
}

func memoSigns(t testing.TB, s *Site, rs []Rule) string {
	t.Helper()
	return fmt.Sprintf("%+v", Evaluate(s, rs, "ja"))
}

// TestSharedPagesSameSigns scores every testdata folder through the same
// *Page objects several times, as a checker batch does with pages it has
// already parsed: twice on the folder's own host, once together with the
// next folder's pages on another host (so that each page is first read in
// one site's context and then in another's), and one page alone. Every
// answer must equal the one on freshly parsed pages.
func TestSharedPagesSameSigns(t *testing.T) {
	names, docs := memoCorpus(t)
	d := DefaultData()
	rs := All()
	shared := map[string][]*Page{}
	for _, n := range names {
		shared[n] = memoParse(docs[n])
	}
	host := func(n string) string { return n + ".example" }
	checked := 0
	for i, n := range names {
		next := names[(i+1)%len(names)]
		// Each page alone on the next folder's host: before its own site
		// reads it in odd folders, after in even ones.
		alone := func() {
			for k := range docs[n] {
				want := memoSigns(t, memoSite(host(next), memoParse(docs[n][k:k+1]), d), rs)
				if got := memoSigns(t, memoSite(host(next), shared[n][k:k+1], d), rs); got != want {
					t.Errorf("%s's page %s alone on shared pages:\n got  %s\n want %s", n, docs[n][k].url, got, want)
				}
			}
		}
		if i%2 == 1 {
			alone()
		}
		// The mixed site before the next folder's own: next's pages are
		// read here first.
		mixedHost := "mixed-" + host(n)
		mixed := append(append([]*Page{}, shared[n]...), shared[next]...)
		want := memoSigns(t, memoSite(mixedHost, append(memoParse(docs[n]), memoParse(docs[next])...), d), rs)
		if got := memoSigns(t, memoSite(mixedHost, mixed, d), rs); got != want {
			t.Errorf("%s+%s on shared pages:\n got  %s\n want %s", n, next, got, want)
		}
		want = memoSigns(t, memoSite(host(n), memoParse(docs[n]), d), rs)
		for round := range 2 {
			if got := memoSigns(t, memoSite(host(n), shared[n], d), rs); got != want {
				t.Errorf("%s on shared pages, round %d:\n got  %s\n want %s", n, round, got, want)
			}
		}
		if i%2 == 0 {
			alone()
		}
		checked++
	}
	t.Logf("%d folders checked", checked)
}

// TestSharedPagesRace scores different sites sharing the same pages on
// several goroutines at once (run with -race): each answer must equal the
// one on fresh pages.
func TestSharedPagesRace(t *testing.T) {
	names, docs := memoCorpus(t)
	if testing.Short() {
		names = names[:10]
	}
	d := DefaultData()
	rs := All()
	for i, n := range names {
		next := names[(i+1)%len(names)]
		shared := memoParse(docs[n])
		other := memoParse(docs[next])
		sites := []func(pages []*Page) *Site{
			func(pages []*Page) *Site { return memoSite(n+".example", pages, d) },
			func(pages []*Page) *Site { return memoSite("other-"+n+".example", pages, d) },
		}
		freshPages := func(k int) []*Page {
			if k%2 == 0 {
				return memoParse(docs[n])
			}
			return append(memoParse(docs[n]), memoParse(docs[next])...)
		}
		sharedPages := func(k int) []*Page {
			if k%2 == 0 {
				return shared
			}
			return append(append([]*Page{}, shared...), other...)
		}
		const workers = 6
		want := make([]string, workers)
		for k := range workers {
			want[k] = memoSigns(t, sites[k/2%2](freshPages(k)), rs)
		}
		got := make([]string, workers)
		var wg sync.WaitGroup
		for k := range workers {
			wg.Go(func() { got[k] = memoSigns(t, sites[k/2%2](sharedPages(k)), rs) })
		}
		wg.Wait()
		for k := range workers {
			if got[k] != want[k] {
				t.Errorf("%s, goroutine %d:\n got  %s\n want %s", n, k, got[k], want[k])
			}
		}
	}
}

// TestPageMemoNilAndClipped: a Page made as a struct literal derives
// without a memo, and what a memo hands out cannot be appended into.
func TestPageMemoNilAndClipped(t *testing.T) {
	lit := &Page{URL: "https://x.example/", Status: 200, Lines: []string{"振込先 三井住友銀行 新宿支店 普通 1234567 ヤマダタロウ"}, Text: "x"}
	site := memoSite("x.example", []*Page{lit}, DefaultData())
	if a, b := Accounts(site), Accounts(memoSite("x.example", []*Page{lit}, DefaultData())); !reflect.DeepEqual(a, b) || len(a) != 1 {
		t.Errorf("accounts on a literal page: %v, again %v", a, b)
	}
	p := NewPage("https://x.example/", 200, "text/html",
		`<p>定価 ¥10,000</p><p>販売価格 ¥3,000</p><table><tr><th>定価</th><td>¥8,000</td></tr><tr><th>価格</th><td>¥2,000</td></tr></table>`, false)
	pairs := shopPagePricePairs(p)
	if len(pairs) == 0 || cap(pairs) != len(pairs) {
		t.Fatalf("price pairs %v: len %d cap %d, want some, clipped", pairs, len(pairs), cap(pairs))
	}
	_ = append(pairs, PricePair{Regular: 1, Sale: 0})
	if again := shopPagePricePairs(p); !reflect.DeepEqual(again, pairs) {
		t.Errorf("kept pairs changed by an append: %v, was %v", again, pairs)
	}
	// A page read as the target of a disclosure link and as a page of
	// its own: each answer kept apart.
	for _, first := range []bool{true, false} {
		q := NewPage("https://x.example/about.html", 200, "text/html", `<p>山田商店</p><p>東京都新宿区西新宿1-2-3</p><p>03-1234-5678</p>`, false)
		for _, linked := range []bool{first, !first, first} {
			gd, gok := shopPageDisclosureKept(q, linked)
			wd, wok := shopPageDisclosure(q, linked)
			if gok != wok || !reflect.DeepEqual(gd, wd) {
				t.Errorf("disclosure linked=%v (first %v): kept %v %+v, fresh %v %+v", linked, first, gok, gd, wok, wd)
			}
		}
		if _, ok := shopPageDisclosure(q, false); ok {
			t.Error("the test page is a disclosure without a link to it: pick another")
		}
	}
}

// TestPageURLOf holds the kept parse of a page's URL to url.Parse, on
// every testdata page and on URLs that do not parse, asked twice.
func TestPageURLOf(t *testing.T) {
	pages := []*Page{NewPage("https://a.example/x?y#z", 200, "text/html", "<p>x</p>", false),
		NewPage("http://[::1", 200, "text/html", "", false), NewPage("%zz", 200, "text/html", "", false), {URL: "https://b.example/"}}
	names, docs := memoCorpus(t)
	for _, name := range names {
		pages = append(pages, memoParse(docs[name])...)
	}
	for _, p := range pages {
		want, err := url.Parse(p.URL)
		if err != nil {
			want = nil
		}
		for range 2 {
			if got := pageURLOf(p); !reflect.DeepEqual(got, want) {
				t.Errorf("pageURLOf(%q) = %v, url.Parse %v", p.URL, got, want)
			}
		}
		if p.memo != nil && pageURLOf(p) != pageURLOf(p) {
			t.Errorf("%q: the parse is not kept", p.URL)
		}
		if p.ParsedURL() != pageURLOf(p) && p.memo != nil {
			t.Errorf("%q: ParsedURL is not the kept parse", p.URL)
		}
		// The page's text runes, counted once, are the text's.
		for range 2 {
			if got, want := p.TextRunes(), utf8.RuneCountInString(p.Text); got != want {
				t.Errorf("%q: TextRunes %d, want %d", p.URL, got, want)
			}
		}
	}
}
