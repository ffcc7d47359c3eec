package checker

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/rules"
)

// serveSite serves a fixture folder. A file named CHARSET in the folder
// names the charset to declare in the Content-Type header (and only there).
func serveSite(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(siteHandler(dir))
	t.Cleanup(srv.Close)
	return srv
}

// siteHandler serves a fixture folder as serveSite does.
func siteHandler(dir string) http.Handler {
	charset := ""
	if b, err := os.ReadFile(filepath.Join(dir, "CHARSET")); err == nil {
		charset = strings.TrimSpace(string(b))
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" {
			name = "index.html"
		}
		body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || name == "CHARSET" {
			http.NotFound(w, r)
			return
		}
		ct := "text/html"
		if charset != "" {
			ct += "; charset=" + charset
		}
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	})
	return h
}

func newTestChecker(t *testing.T) *Checker {
	t.Helper()
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, MaxBody: 5 << 20, AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	return New(Options{SiteTimeout: 20 * time.Second}, f, nil, nil)
}

func signIDs(r *Result) []string {
	var ids []string
	for _, s := range r.Signs {
		ids = append(ids, s.ID)
	}
	sort.Strings(ids)
	return ids
}

func TestCheckFixtureSites(t *testing.T) {
	c := newTestChecker(t)
	tests := []struct {
		site     string
		risks    []rules.Risk
		mustHave []string
		mustNot  []string
	}{
		{"fake-utf8", []rules.Risk{rules.RiskHigh}, []string{"payment-transfer-only", "account-personal-name"}, nil},
		{"fake-sjis", []rules.Risk{rules.RiskHigh}, []string{"payment-transfer-only", "account-personal-name"}, nil},
		{"fake-eucjp", []rules.Risk{rules.RiskHigh}, []string{"payment-transfer-only", "account-personal-name"}, nil},
		{"honest-company", []rules.Risk{rules.RiskLow}, nil, []string{"payment-transfer-only", "account-personal-name", "seller-info-missing"}},
		{"sole-proprietor", []rules.Risk{rules.RiskLow, rules.RiskMedium}, nil, []string{"payment-transfer-only"}},
		{"base-shop", []rules.Risk{rules.RiskLow}, nil, []string{"payment-transfer-only"}},
	}
	results := map[string]*Result{}
	for _, tt := range tests {
		dir := filepath.Join("..", "testdata", "sites", tt.site)
		if _, err := os.Stat(dir); err != nil {
			t.Fatalf("fixture %s missing: %v", dir, err)
		}
		srv := serveSite(t, dir)
		res := c.Check(context.Background(), srv.URL+"/")
		results[tt.site] = res
		if res.Error != nil {
			t.Errorf("%s: error %+v", tt.site, res.Error)
			continue
		}
		ok := false
		for _, r := range tt.risks {
			ok = ok || res.Risk == r
		}
		if !ok {
			t.Errorf("%s: risk %s (score %d, signs %v), want one of %v", tt.site, res.Risk, res.Score, signIDs(res), tt.risks)
		}
		ids := strings.Join(signIDs(res), " ")
		for _, id := range tt.mustHave {
			if !strings.Contains(" "+ids+" ", " "+id+" ") {
				t.Errorf("%s: sign %s missing; got %s", tt.site, id, ids)
			}
		}
		for _, id := range tt.mustNot {
			if strings.Contains(" "+ids+" ", " "+id+" ") {
				t.Errorf("%s: sign %s must not fire; got %s", tt.site, id, ids)
			}
		}
		if len(res.Pages) < 2 {
			t.Errorf("%s: crawled %d pages, want the guide and disclosure pages too", tt.site, len(res.Pages))
		}
		for _, p := range res.Pages {
			if len(p.SHA256) != 64 || p.Bytes == 0 {
				t.Errorf("%s: page %+v lacks digest or size", tt.site, p)
			}
		}
		if len(res.Advice) == 0 {
			t.Errorf("%s: no advice", tt.site)
		}
	}
	// The same shop in three encodings scores identically.
	a, b, e := results["fake-utf8"], results["fake-sjis"], results["fake-eucjp"]
	if a != nil && b != nil && e != nil {
		if !reflect.DeepEqual(signIDs(a), signIDs(b)) || !reflect.DeepEqual(signIDs(a), signIDs(e)) || a.Score != b.Score || a.Score != e.Score {
			t.Errorf("encodings score differently: utf8 %d %v, sjis %d %v, eucjp %d %v",
				a.Score, signIDs(a), b.Score, signIDs(b), e.Score, signIDs(e))
		}
		for i := range a.Signs {
			if i < len(b.Signs) && a.Signs[i].Evidence != b.Signs[i].Evidence {
				t.Errorf("evidence differs between utf8 and sjis: %q vs %q", a.Signs[i].Evidence, b.Signs[i].Evidence)
			}
		}
	}
}

func TestCheckLocalFolderMatchesServed(t *testing.T) {
	c := newTestChecker(t)
	dir := filepath.Join("..", "testdata", "sites", "fake-utf8")
	local := c.Check(context.Background(), dir)
	if local.Error != nil {
		t.Fatalf("local check failed: %+v", local.Error)
	}
	if local.Risk != rules.RiskHigh {
		t.Errorf("local folder risk %s (%v), want high", local.Risk, signIDs(local))
	}
	if local.Target != dir {
		t.Errorf("target %q, want %q as given", local.Target, dir)
	}
	served := c.Check(context.Background(), serveSite(t, dir).URL+"/")
	if !reflect.DeepEqual(signIDs(local), signIDs(served)) || local.Score != served.Score {
		t.Errorf("saved folder: %d %v; served: %d %v", local.Score, signIDs(local), served.Score, signIDs(served))
	}
}

func TestCheckErrorsKeepGoing(t *testing.T) {
	c := newTestChecker(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	}))
	defer srv.Close()
	tests := []struct{ target, code string }{
		{srv.URL + "/missing", CodeHTTPStatus},
		{"ftp://example.jp/", CodeUnsupportedScheme},
		{"no spaces allowed", CodeInvalidTarget},
	}
	for _, tt := range tests {
		res := c.Check(context.Background(), tt.target)
		if res.Error == nil || res.Error.Code != tt.code {
			t.Errorf("Check(%q).Error = %+v, want code %s", tt.target, res.Error, tt.code)
			continue
		}
		if res.Risk != rules.RiskError {
			t.Errorf("Check(%q).Risk = %s, want error", tt.target, res.Risk)
		}
		if res.Target != tt.target || res.CheckedAt == "" || res.Signs == nil || res.Pages == nil {
			t.Errorf("Check(%q) record incomplete: %+v", tt.target, res)
		}
	}
}

func TestCluesTieSitesTogether(t *testing.T) {
	c := newTestChecker(t)
	utf8 := c.Check(context.Background(), filepath.Join("..", "testdata", "sites", "fake-utf8"))
	sjis := c.Check(context.Background(), filepath.Join("..", "testdata", "sites", "fake-sjis"))
	honest := c.Check(context.Background(), filepath.Join("..", "testdata", "sites", "honest-company"))
	kinds := map[string]bool{}
	shared := 0
	for _, a := range utf8.Clues {
		kinds[a.Kind] = true
		for _, b := range sjis.Clues {
			if a == b {
				shared++
			}
		}
		for _, h := range honest.Clues {
			if a == h {
				t.Errorf("honest shop shares clue %+v with the fake", h)
			}
		}
	}
	if !kinds["account"] || !kinds["email"] {
		t.Errorf("fake shop clues %+v lack the account or the e-mail", utf8.Clues)
	}
	if shared == 0 || shared != len(utf8.Clues) {
		t.Errorf("the same shop in two encodings shares %d of %d clues", shared, len(utf8.Clues))
	}
}

// TestCheckCloakedShop serves a placeholder to desktop browsers and the
// shop to smartphones: the check must report cloaking and score the shop.
// TestCheckKitForSmartphonesOnly: a phishing kit that shows desktops an
// error text, or sends them to another site, is scored from the page it
// shows smartphones.
func TestCheckKitForSmartphonesOnly(t *testing.T) {
	kit, err := os.ReadFile(filepath.Join("..", "testdata", "eval", "phishing", "kit-aeon-card.html"))
	if err != nil {
		t.Fatal(err)
	}
	away := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<html><head><title>Search</title></head><body><form action="/search"><input name="q"></form><p>`+strings.Repeat("A search engine's start page. ", 10)+`</p></body></html>`)
	}))
	defer away.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.Contains(r.UserAgent(), "iPhone") || strings.Contains(r.UserAgent(), "Android") {
			w.Write(kit)
			return
		}
		switch r.URL.Path {
		case "/away/":
			http.Redirect(w, r, "http://search.example.com:"+away.URL[strings.LastIndex(away.URL, ":")+1:]+"/", http.StatusFound)
		default:
			io.WriteString(w, `<html><head><title>お探しのページは見つかりません</title></head><body><p>404 お探しのページは見つかりませんでした。</p></body></html>`)
		}
	}))
	defer srv.Close()
	port := func(u string) string { return u[strings.LastIndex(u, ":")+1:] }
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, AllowPrivate: true, Resolve: []string{
		"aeon-kakunin-sp.example:" + port(srv.URL) + ":127.0.0.1", "search.example.com:" + port(away.URL) + ":127.0.0.1"}})
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{SiteTimeout: 20 * time.Second}, f, nil, nil)
	for _, c2 := range []struct {
		path, cloaking string
	}{
		{"/", " cloaking "}, // an error text for desktops: cloaking, and the kit scored
		{"/away/", ""},      // desktops sent to another site: the kit scored
	} {
		target := "http://aeon-kakunin-sp.example:" + port(srv.URL) + c2.path
		res := c.Check(context.Background(), target)
		ids := " " + strings.Join(signIDs(res), " ") + " "
		if !strings.Contains(ids, " phishing-credential-form ") || res.Risk != rules.RiskHigh {
			t.Errorf("%s: risk %s, signs%s; want the smartphone kit scored high", c2.path, res.Risk, ids)
		}
		if c2.cloaking != "" && !strings.Contains(ids, c2.cloaking) {
			t.Errorf("%s: signs%s, want cloaking", c2.path, ids)
		}
		if !strings.HasPrefix(res.URL, "http://aeon-kakunin-sp.example:") {
			t.Errorf("%s: result URL %s, want the kit's", c2.path, res.URL)
		}
	}
}

func TestCheckCloakedShop(t *testing.T) {
	dir := filepath.Join("..", "testdata", "fluent", "cloaked")
	desktop, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	mobile, err := os.ReadFile(filepath.Join(dir, "index.mobile.html"))
	if err != nil {
		t.Fatal(err)
	}
	var desktopHits, mobileHits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		if strings.Contains(r.UserAgent(), "iPhone") || strings.Contains(r.UserAgent(), "Android") {
			mobileHits.Add(1)
			w.Write(mobile)
			return
		}
		desktopHits.Add(1)
		w.Write(desktop)
	}))
	defer srv.Close()

	res := newTestChecker(t).Check(context.Background(), srv.URL+"/")
	ids := " " + strings.Join(signIDs(res), " ") + " "
	if !strings.Contains(ids, " cloaking ") {
		t.Fatalf("cloaking not reported; signs %s", ids)
	}
	if res.Risk != rules.RiskHigh {
		t.Errorf("risk %s (score %d, %s), want high: the smartphone version is a shop", res.Risk, res.Score, ids)
	}
	if len(strings.Fields(ids)) < 2 {
		t.Errorf("only %s: the smartphone version's own signs were not scored", ids)
	}
	if desktopHits.Load() != 1 || mobileHits.Load() != 1 {
		t.Errorf("first page fetched %d times as desktop and %d as smartphone, want once each", desktopHits.Load(), mobileHits.Load())
	}
	// The smartphone version was scored, so it is the first page listed,
	// then the desktop one, then the pages crawled from it as a smartphone:
	// the pages say which copy is which.
	if len(res.Pages) < 2 || !res.Pages[0].Mobile || res.Pages[1].Mobile {
		t.Errorf("pages %+v, want the smartphone copy (mobile) then the desktop one", res.Pages)
	}
	for _, p := range res.Pages[min(2, len(res.Pages)):] {
		if !p.Mobile {
			t.Errorf("page %s was crawled from the smartphone version but is not marked mobile", p.URL)
		}
	}
	// Each copy carries the digest of its own bytes (the smartphone's is
	// taken apart, when its bytes differ from the desktop's).
	if len(res.Pages) >= 2 {
		for i, body := range [][]byte{mobile, desktop} {
			if sum := sha256.Sum256(body); res.Pages[i].SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("page %d (mobile %v): SHA-256 %q, want that of its body", i, res.Pages[i].Mobile, res.Pages[i].SHA256)
			}
		}
	}

	// With --no-cloaking only the desktop version is read: nothing to see.
	f, _ := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, AllowPrivate: true})
	plain := New(Options{NoCloaking: true}, f, nil, nil).Check(context.Background(), srv.URL+"/")
	if strings.Contains(" "+strings.Join(signIDs(plain), " ")+" ", " cloaking ") {
		t.Errorf("--no-cloaking still reported cloaking")
	}
	for _, p := range plain.Pages {
		if p.Mobile {
			t.Errorf("--no-cloaking read %s as a smartphone", p.URL)
		}
	}
	// With --mobile every page is read as a smartphone, and says so.
	phone := New(Options{Mobile: true}, f, nil, nil).Check(context.Background(), srv.URL+"/")
	if len(phone.Pages) == 0 || phone.Pages[0].SHA256 == plain.Pages[0].SHA256 {
		t.Errorf("--mobile pages %+v, want the smartphone version first", phone.Pages)
	}
	for _, p := range phone.Pages {
		if !p.Mobile {
			t.Errorf("--mobile read %s but does not mark it mobile", p.URL)
		}
	}
}

// TestSmartphoneCopyIsMarked checks a shop that sends every browser the
// same page: both copies are listed, the second as the smartphone's, with
// the same digest (an officer reading the evidence must not take it for a
// second page of the site).
func TestSmartphoneCopyIsMarked(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<html lang="ja"><body><h1>雑貨の店</h1><p>お支払い: クレジットカード</p></body></html>`)
	}))
	defer srv.Close()
	res := newTestChecker(t).Check(context.Background(), srv.URL+"/")
	if len(res.Pages) != 2 {
		t.Fatalf("pages %+v, want the page and its smartphone copy", res.Pages)
	}
	if res.Pages[0].Mobile || !res.Pages[1].Mobile {
		t.Errorf("pages %+v, want the desktop copy first and the smartphone copy marked", res.Pages)
	}
	if res.Pages[0].SHA256 != res.Pages[1].SHA256 || res.Pages[0].URL != res.Pages[1].URL {
		t.Errorf("the two copies differ: %+v", res.Pages)
	}
}

// TestCheckSavedPhishingPages checks saved pages, whose origin shopcheck
// only knows from what the page says of it: a kit saved with no origin is
// still a warning (the domain cannot be confirmed), a brand's own page
// saved by a browser (which notes where it came from) is clean, and the
// same kit noted as saved from its phishing host is high. A canonical link
// is the page's own word: one naming the brand's domain, as a kit copies it
// from the real page, does not clear the kit; one naming the phishing host
// is believed.
func TestCheckSavedPhishingPages(t *testing.T) {
	c := newTestChecker(t)
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "phishing", p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	dir := t.TempDir()
	save := func(name, from, body string) string {
		if from != "" {
			body = "<!-- saved from url=(0040)" + from + " -->\n" + body
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	canon := func(href, body string) string {
		return `<link rel="canonical" href="` + href + `">` + "\n" + body
	}
	tests := []struct {
		path  string
		risks []rules.Risk
	}{
		{save("kit-noorigin.html", "", read("vpass-kit/login.html")), []rules.Risk{rules.RiskMedium, rules.RiskHigh}},
		{save("kit-canonical-official.html", "", canon("https://www.vpass.ne.jp/login/", read("vpass-kit/login.html"))), []rules.Risk{rules.RiskMedium, rules.RiskHigh}},
		{save("kit-canonical-lookalike.html", "", canon("https://vpass.smbc-card-jp.com/login/", read("vpass-kit/login.html"))), []rules.Risk{rules.RiskHigh}},
		{save("kit-card-noorigin.html", "", read("vpass-kit/card.html")), []rules.Risk{rules.RiskMedium, rules.RiskHigh}},
		{save("kit-saved.html", "https://vpass.smbc-card-jp.com/login/", read("vpass-kit/login.html")), []rules.Risk{rules.RiskHigh}},
		{save("genuine-saved.html", "https://www.vpass.ne.jp/login/", read("vpass-genuine/login.html")), []rules.Risk{rules.RiskLow}},
	}
	for _, tt := range tests {
		res := c.Check(context.Background(), tt.path)
		ok := false
		for _, r := range tt.risks {
			ok = ok || res.Risk == r
		}
		if !ok {
			t.Errorf("%s: risk %s (%d, %v), want one of %v", filepath.Base(tt.path), res.Risk, res.Score, signIDs(res), tt.risks)
		}
		if strings.Contains(tt.path, "canonical-official") && res.Domain == "vpass.ne.jp" {
			t.Errorf("%s: read as at %s (%s): the kit's own canonical was believed", filepath.Base(tt.path), res.URL, res.Domain)
		}
	}
}

// TestScoringHasADeadline gives the checker a sign that never finishes (as a
// hostile page could make a real one run on): the target still gets its
// result, as a timeout scored on the URL alone, soon after its deadline.
func TestScoringHasADeadline(t *testing.T) {
	srv := serveSite(t, filepath.Join("..", "testdata", "sites", "honest-company"))
	stuck := make(chan struct{})
	defer close(stuck)
	rs := []rules.Rule{
		{ID: "stuck", Severity: rules.High, Points: 50, NeedsPage: true,
			Check: func(*rules.Site) []rules.Finding { <-stuck; return nil }},
		{ID: "url-seen", Severity: rules.Low, Points: 5,
			Check: func(s *rules.Site) []rules.Finding { return []rules.Finding{{Evidence: s.URL}} }},
	}
	f, _ := NewHTTPFetcher(FetchOptions{Timeout: 2 * time.Second, AllowPrivate: true})
	c := New(Options{SiteTimeout: 500 * time.Millisecond, Rules: rs, NoCloaking: true}, f, nil, nil)
	c.grace = 100 * time.Millisecond
	done := make(chan *Result)
	go func() { done <- c.Check(context.Background(), srv.URL+"/") }()
	select {
	case res := <-done:
		if res.Error == nil || res.Error.Code != CodeTimeout {
			t.Fatalf("error %+v, want a timeout", res.Error)
		}
		if len(res.Signs) != 1 || res.Signs[0].ID != "url-seen" {
			t.Errorf("signs %+v, want the URL sign alone", res.Signs)
		}
		if len(res.Pages) == 0 {
			t.Errorf("the pages read should still be listed")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no result: scoring has no deadline")
	}
}

// TestCheckMetaRefreshSameForBoth: a first page that both browsers get
// alike and that sends them on with a meta refresh is the same page for
// both (its smartphone copy is let go before parsing): no cloaking, and
// the page it leads to is scored as if checked directly.
func TestCheckMetaRefreshSameForBoth(t *testing.T) {
	shop, err := os.ReadFile(filepath.Join("..", "testdata", "sites", "fake-utf8", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><head><meta http-equiv="refresh" content="0; url=/shop/"></head><body></body></html>`)
		case "/shop/":
			w.Write(shop)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := newTestChecker(t)
	res := c.Check(context.Background(), srv.URL+"/")
	direct := c.Check(context.Background(), srv.URL+"/shop/")
	if !strings.HasSuffix(res.URL, "/shop/") {
		t.Errorf("URL %s, want the page the refresh leads to", res.URL)
	}
	got, want := strings.Join(signIDs(res), " "), strings.Join(signIDs(direct), " ")
	if strings.Contains(" "+got+" ", " cloaking ") || got != want {
		t.Errorf("signs %q, want %q as when checked directly", got, want)
	}
}

// answerWhois is a WhoisLookup with a fixed answer.
type answerWhois struct {
	w   *rules.Whois
	err error
}

func (a answerWhois) Lookup(context.Context, string) (*rules.Whois, error) { return a.w, a.err }

// TestWhoisErrorShown: a registry that could not be asked leaves the
// domain's age unknown, and the result says why (whois_error) instead of
// looking like "no such domain"; a domain not found says nothing.
func TestWhoisErrorShown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<title>店</title><p>雑貨の店</p>"))
	}))
	defer srv.Close()
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, AllowPrivate: true, Resolve: []string{"shop.example.jp:" + srv.URL[strings.LastIndex(srv.URL, ":")+1:] + ":127.0.0.1"}})
	if err != nil {
		t.Fatal(err)
	}
	target := "http://shop.example.jp:" + srv.URL[strings.LastIndex(srv.URL, ":")+1:] + "/"
	for _, c := range []struct {
		name string
		who  answerWhois
		want string
	}{
		{"timed out", answerWhois{err: Errorf(CodeTimeout, "whois example.jp: i/o timeout")}, "whois example.jp: i/o timeout"},
		{"not found", answerWhois{}, ""},
	} {
		ck := New(Options{SiteTimeout: 10 * time.Second, NoCloaking: true}, f, c.who, nil)
		for _, res := range []*Result{ck.Check(context.Background(), target), ck.CheckDomain(context.Background(), "shop.example.jp")} {
			if res.Whois != nil || res.WhoisError != c.want {
				t.Errorf("%s: %s: whois %+v, whois_error %q; want nil and %q", c.name, res.Target, res.Whois, res.WhoisError, c.want)
			}
		}
	}
}

// countingWhois counts its look-ups and answers an old domain.
type countingWhois struct{ n atomic.Int32 }

func (c *countingWhois) Lookup(context.Context, string) (*rules.Whois, error) {
	c.n.Add(1)
	return &rules.Whois{Created: time.Date(2019, 12, 10, 0, 0, 0, 0, time.UTC)}, nil
}

// TestWhoisSkipsHostedNames: a name on a hosting service's shared domain
// (kuroneko-redelivery.pages.dev) has no registration of its own; the
// registry is not asked, and no age is shown.
func TestWhoisSkipsHostedNames(t *testing.T) {
	who := &countingWhois{}
	ck := New(Options{SiteTimeout: 5 * time.Second}, nil, who, nil)
	for _, name := range []string{"kuroneko-redelivery.pages.dev", "yamato-unyu.github.io"} {
		if res := ck.CheckDomain(context.Background(), name); res.Whois != nil {
			t.Errorf("%s: whois %+v", name, res.Whois)
		}
	}
	if n := who.n.Load(); n != 0 {
		t.Errorf("the registry was asked %d times about hosted names", n)
	}
	if res := ck.CheckDomain(context.Background(), "kuroneko-redelivery.com"); res.Whois == nil || who.n.Load() != 1 {
		t.Errorf("a registered name: whois %+v, %d look-ups", res.Whois, who.n.Load())
	}
}

// TestAdviceTopics: the signs every kind of fraud shares (a new domain,
// cloaking, a cheap ending) add their advice only when no other sign names
// a topic: a phishing page on a new domain is not given the shopping advice.
func TestAdviceTopics(t *testing.T) {
	c := New(Options{}, nil, nil, nil)
	sign := func(ids ...string) []rules.Sign {
		var out []rules.Sign
		for _, id := range ids {
			out = append(out, rules.Sign{ID: id})
		}
		return out
	}
	for _, tc := range []struct {
		signs []rules.Sign
		pages int
		want  string
	}{
		{sign("phishing-credential-form", "domain-new", "url-suspicious-tld"), 1, "phishing"},
		{sign("domain-new", "payment-transfer-only"), 1, "shopping"},
		{sign("oneclick-billing", "cloaking", "domain-new"), 1, "billing"},
		{sign("oneclick-billing", "phishing-credential-form", "domain-new"), 1, "billing phishing"},
		// rev25 p41 page14: a one-click bill's account in a person's name
		// brings no shopping advice.
		{sign("oneclick-billing", "account-personal-name", "payment-transfer-only"), 1, "billing"},
		{sign("domain-new", "url-suspicious-tld"), 1, "shopping phishing"},
		{sign("url-suspicious-tld", "domain-new"), 0, "phishing shopping"},
		{nil, 1, "shopping"},
		{nil, 0, ""},
	} {
		var got []string
		for _, b := range c.advice(&Result{Signs: tc.signs, Pages: make([]PageInfo, tc.pages)}) {
			got = append(got, b.Topic)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%v: advice %v, want %s", tc.signs, got, tc.want)
		}
	}
}

// TestSentAway: the smartphone copy stands for the site when desktops were
// sent to another site and smartphones got a page of their own; not when
// smartphones got a stub that sends them on too.
func TestSentAway(t *testing.T) {
	page := func(u, body string) *fetched {
		return &fetched{resp: &Response{URL: u, Status: 200}, page: rules.NewPage(u, 200, "text/html", body, false)}
	}
	desktop := &fetched{resp: &Response{URL: "https://www.google.co.jp/", Status: 200, Redirects: []string{"https://kit.example.top/"}}}
	kit := page("https://kit.example.top/", `<title>ログイン</title><h1>会員ログイン</h1><p>ご本人確認のため、会員IDとパスワードを入力してください。</p><form><input name=id><input type=password name=pw></form>`)
	stub := page("https://kit.example.top/", `<meta http-equiv="refresh" content="0;url=https://shop.example.net/">`)
	script := page("https://kit.example.top/", `<script>location.href="https://shop.example.net/"</script>`)
	if !sentAway(desktop, kit) {
		t.Error("desktops sent to google, a login page for smartphones: not taken")
	}
	if sentAway(desktop, stub) || sentAway(desktop, script) {
		t.Error("a smartphone stub that sends on too was taken for the site's page")
	}
}

// TestCheckScriptStub: a first page that is nothing but a script sending
// the browser on (as SMS links' hops and kits do) is scored as the page it
// leads to, for both browsers alike; and a hop shown to smartphones only
// is followed for them, so a kit that desktops never see is still scored.
func TestCheckScriptStub(t *testing.T) {
	kit := amazonKit(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		phone := strings.Contains(r.UserAgent(), "iPhone")
		switch {
		case r.URL.Path == "/s":
			fmt.Fprint(w, `<html><body><script>window.location.replace("\/ap\/signin?id=1")</script></body></html>`)
		case r.URL.Path == "/m" && phone:
			fmt.Fprint(w, `<html><body><p>読み込み中…</p><script>location.href='/ap/signin?id=2'</script></body></html>`)
		case r.URL.Path == "/m":
			fmt.Fprint(w, `<html><body><h1>Welcome</h1><p>This page is under construction.</p></body></html>`)
		case r.URL.Path == "/ap/signin":
			w.Write(kit)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := newTestChecker(t)
	direct := c.Check(context.Background(), srv.URL+"/ap/signin?id=1")
	if direct.Risk != rules.RiskHigh {
		t.Fatalf("the kit checked directly: %s %d %v, want high", direct.Risk, direct.Score, signIDs(direct))
	}
	stub := c.Check(context.Background(), srv.URL+"/s")
	if !strings.HasSuffix(stub.URL, "/ap/signin?id=1") {
		t.Errorf("URL %s, want the page the script leads to", stub.URL)
	}
	got, want := strings.Join(signIDs(stub), " "), strings.Join(signIDs(direct), " ")
	if got != want || stub.Score != direct.Score {
		t.Errorf("through the stub: %d %q, want %d %q as when checked directly", stub.Score, got, direct.Score, want)
	}
	phoneOnly := c.Check(context.Background(), srv.URL+"/m")
	ids := " " + strings.Join(signIDs(phoneOnly), " ") + " "
	if phoneOnly.Risk != rules.RiskHigh || !strings.Contains(ids, " cloaking ") || !strings.Contains(ids, " phishing-credential-form ") {
		t.Errorf("a kit behind a smartphone-only script hop: %s %d%s, want high with cloaking and the kit's form", phoneOnly.Risk, phoneOnly.Score, ids)
	}
}

// TestCheckHopKeepsTheStub: a short one-click page whose click handler
// names another page is scored as itself (the handler never runs on
// load); a stub whose script names a dead page keeps the stub instead of
// an error; a hop to another site that both browsers take alike is
// scored under that site (not the start URL) and lists the stub among
// its pages.
func TestCheckHopKeepsTheStub(t *testing.T) {
	var port string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		host, _, _ := strings.Cut(r.Host, ":")
		switch host + r.URL.Path {
		case "shop-a.test/oc":
			fmt.Fprint(w, `<html><body><h1>ご登録ありがとうございます</h1><p>動画見放題プランの登録が完了しました。</p><p>料金 99,000円 を3日以内にお支払いください。</p><p>お客様のIPアドレス: 203.0.113.5</p><script>function taikai(){ location.href="/taikai.html" }</script><button onclick="taikai()">退会</button></body></html>`)
		case "shop-a.test/taikai.html":
			fmt.Fprint(w, `<html><body><p>退会手続きのご案内</p></body></html>`)
		case "shop-a.test/dead":
			fmt.Fprint(w, `<html><body><p>ページを移動しています…</p><script>location.href="/gone"</script></body></html>`)
		case "shop-a.test/unreach":
			fmt.Fprint(w, `<html><body><p>ページを移動しています…</p><script>location.href="http://127.0.0.1:1/kit"</script></body></html>`)
		case "shop-a.test/lp":
			fmt.Fprint(w, `<html><body><p>移動中</p><script>location.replace("http://cart-b.test:`+port+`/cart")</script></body></html>`)
		case "kit-c.test/two":
			fmt.Fprint(w, `<html><body><script>location.href="/one"</script></body></html>`)
		case "kit-c.test/one":
			fmt.Fprint(w, `<html><body><meta http-equiv="refresh" content="0;url=/oc"></body></html>`)
		case "kit-c.test/oc":
			fmt.Fprint(w, `<html><body><h1>ご登録ありがとうございます</h1><p>動画見放題プランの登録が完了しました。</p><p>料金 99,000円 を3日以内にお支払いください。</p><p>お客様のIPアドレス: 203.0.113.5</p></body></html>`)
		case "kit-c.test/s":
			fmt.Fprint(w, `<html><body><p>しばらくお待ちください</p><script>location.href="/go"</script></body></html>`)
		case "kit-c.test/go":
			http.Redirect(w, r, "http://www.amazon.co.jp:"+port+"/", http.StatusFound)
		case "www.amazon.co.jp/":
			fmt.Fprint(w, `<html><head><title>Amazon.co.jp</title></head><body><form><input type=password name=p></form></body></html>`)
		case "shell-d.test/":
			fmt.Fprint(w, `<html><head><title>ご確認</title></head><body style="margin:0"><iframe src="http://kit-c.test:`+port+`/oc" style="width:100%; height:100%; border:0"></iframe></body></html>`)
		case "spa-e.test/":
			fmt.Fprint(w, `<html><head><title>SHOP</title><script src="/assets/app.js" defer></script></head><body><div id="app"></div><noscript>JavaScriptを有効にしてください</noscript></body></html>`)
		case "shell-d.test/css":
			fmt.Fprint(w, `<html><head><style>html,body,iframe{margin:0;border:0;width:100%;height:100%}</style></head><body><iframe src="http://kit-c.test:`+port+`/oc"></iframe></body></html>`)
		case "shell-d.test/embed":
			fmt.Fprint(w, `<html><body><nav><a href="/">トップ</a></nav><div class="video-wrap" style="position:relative;padding-top:56%"><iframe src="http://kit-c.test:`+port+`/oc" style="position:absolute;top:0;left:0;width:100%;height:100%"></iframe></div></body></html>`)
		case "shell-d.test/decoy":
			fmt.Fprint(w, `<html><frameset rows="0,*"><frame src="http://cart-b.test:`+port+`/cart"><frame src="http://kit-c.test:`+port+`/oc"></frameset></html>`)
		case "shell-d.test/frameset":
			fmt.Fprint(w, `<html><frameset rows="100%"><frame src="http://kit-c.test:`+port+`/oc"></frameset></html>`)
		case "shell-d.test/wrapped":
			fmt.Fprint(w, `<html><body style="margin:0"><div class="wrap"><iframe src="http://kit-c.test:`+port+`/oc" style="position:fixed;top:0px;left:0px;width:100%;height:100%;border:0px"></iframe></div><img src="/c.gif" width="1" height="1" alt="">&#8203;<iframe style="display:none"></iframe><div class="ad"></div></body></html>`)
		case "shell-d.test/variants":
			fmt.Fprint(w, `<html><body style="margin:0"><iframe src="about:blank" width="1" height="1"></iframe><p style="position:absolute;left:-9999px">お得な情報</p><iframe src="http://kit-c.test:`+port+`/oc" style="width:100%;height:calc(100vh - 4px)" height="1200"></iframe>&#8288;</body></html>`)
		case "shell-d.test/frameset2":
			fmt.Fprint(w, `<html><frameset rows="100%,*"><frame src="http://kit-c.test:`+port+`/oc"><frame noresize></frameset></html>`)
		case "shell-d.test/video":
			fmt.Fprint(w, `<html><body><h1>紹介動画</h1><iframe src="http://kit-c.test:`+port+`/oc" width="560" height="315"></iframe></body></html>`)
		case "cart-b.test/cart":
			fmt.Fprint(w, `<html><head><title>カート</title></head><body><h1>ショッピングカート</h1><p>商品をお選びください。</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	port = srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, AllowPrivate: true, Resolve: []string{"*:" + port + ":127.0.0.1"}})
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{SiteTimeout: 20 * time.Second}, f, nil, nil)
	base := func(host string) string { return "http://" + host + ":" + port }

	oc := c.Check(context.Background(), base("shop-a.test")+"/oc")
	if oc.URL != base("shop-a.test")+"/oc" || !strings.Contains(" "+strings.Join(signIDs(oc), " ")+" ", " oneclick-billing ") {
		t.Errorf("one-click page with a click handler: url %s, signs %v; want the page itself with oneclick-billing", oc.URL, signIDs(oc))
	}
	dead := c.Check(context.Background(), base("shop-a.test")+"/dead")
	if dead.Error != nil || dead.URL != base("shop-a.test")+"/dead" {
		t.Errorf("a stub naming a dead page: url %s, error %+v; want the stub, no error", dead.URL, dead.Error)
	}
	// ... and says that the page it sends the browser to was not read.
	if !strings.Contains(dead.HopError, base("shop-a.test")+"/gone") || !strings.Contains(dead.HopError, "404") {
		t.Errorf("a stub naming a dead page: hop_error %q, want the address and its 404", dead.HopError)
	}
	unreach := c.Check(context.Background(), base("shop-a.test")+"/unreach")
	if unreach.Error != nil || !strings.Contains(unreach.HopError, "http://127.0.0.1:1/kit, which could not be read") {
		t.Errorf("a stub naming a page no server answers for: error %+v, hop_error %q", unreach.Error, unreach.HopError)
	}
	lp := c.Check(context.Background(), base("shop-a.test")+"/lp")
	if lp.URL != base("cart-b.test")+"/cart" || lp.Domain != "cart-b.test" {
		t.Errorf("a hop to another site: url %s domain %s, want the cart's", lp.URL, lp.Domain)
	}
	if lp.HopError != "" || oc.HopError != "" {
		t.Errorf("hop_error %q, %q on pages whose hop was read or that make none", lp.HopError, oc.HopError)
	}
	if len(lp.Redirects) != 1 || lp.Redirects[0] != base("shop-a.test")+"/lp" {
		t.Errorf("redirects %v, want the stub", lp.Redirects)
	}
	listed := false
	for _, p := range lp.Pages {
		listed = listed || p.URL == base("shop-a.test")+"/lp" && !p.Mobile
	}
	if !listed || strings.Contains(" "+strings.Join(signIDs(lp), " ")+" ", " cloaking ") {
		t.Errorf("pages %+v signs %v: want the stub listed and no cloaking", lp.Pages, signIDs(lp))
	}
	// Two stubs in a row are followed, and the first is kept.
	two := c.Check(context.Background(), base("kit-c.test")+"/two")
	if two.URL != base("kit-c.test")+"/oc" || len(two.Redirects) != 2 || two.Risk != rules.RiskHigh {
		t.Errorf("two stubs: url %s redirects %v risk %s, want the one-click page through both", two.URL, two.Redirects, two.Risk)
	}
	// Another site's page shown over a stub's whole window is the page
	// the visitor sees; a small frame (a video) is not.
	framed := c.Check(context.Background(), base("shell-d.test")+"/")
	if framed.URL != base("kit-c.test")+"/oc" || framed.Risk != rules.RiskHigh || len(framed.Redirects) != 1 {
		t.Errorf("a kit framed over a stub: url %s risk %s redirects %v, want the kit through the stub", framed.URL, framed.Risk, framed.Redirects)
	}
	if css := c.Check(context.Background(), base("shell-d.test")+"/css"); css.URL != base("kit-c.test")+"/oc" {
		t.Errorf("a kit framed over a stub by a style sheet: url %s, want the kit", css.URL)
	}
	// A page whose content a script builds says so; pages with text of
	// their own, and stubs whose hop was read, do not.
	if spa := c.Check(context.Background(), base("spa-e.test")+"/"); !spa.ScriptBuilt {
		t.Errorf("a page built by a script file: script_built false")
	}
	if oc.ScriptBuilt || lp.ScriptBuilt || framed.ScriptBuilt {
		t.Errorf("script_built on a page with text (%v), on a stub's hop (%v, %v)", oc.ScriptBuilt, lp.ScriptBuilt, framed.ScriptBuilt)
	}
	// Kits' variants (rev14): a wrapper, a tracking pixel, blank text, a
	// hidden empty iframe, px in the style's other declarations; a
	// frameset's second frame without an address.
	for _, path := range []string{"/frameset", "/wrapped", "/frameset2", "/variants"} {
		if r := c.Check(context.Background(), base("shell-d.test")+path); r.URL != base("kit-c.test")+"/oc" {
			t.Errorf("%s: url %s, want the kit", path, r.URL)
		}
	}
	for _, path := range []string{"/video", "/embed", "/decoy"} {
		// A sized video, a responsive embed beside a menu, a frameset
		// with a decoy frame first: no page shown in the page's place.
		r := c.Check(context.Background(), base("shell-d.test")+path)
		if r.URL != base("shell-d.test")+path {
			t.Errorf("%s: url %s, want the page itself", path, r.URL)
		}
		// A frame not followed on a stub is said to be unread; a video
		// sized in pixels is the page's own content.
		if unread := strings.Contains(r.HopError, "in a frame, which was not read"); unread != (path != "/video") {
			t.Errorf("%s: hop_error %q", path, r.HopError)
		}
	}
	// A hop that ends at the brand's own site after a redirect is not
	// taken: the stub is scored, not Amazon's page.
	kit := c.Check(context.Background(), base("kit-c.test")+"/s")
	if kit.URL != base("kit-c.test")+"/s" || kit.Domain != "kit-c.test" {
		t.Errorf("a hop to the brand through the kit's own redirect: url %s, want the stub", kit.URL)
	}
}

// TestCheckMaxPagesCountsEveryRequest: --max-pages bounds the requests a
// site gets and the pages a result lists, the smartphone copy of the first
// page and a stub's hop included; with 1 the first page alone is read.
func TestCheckMaxPagesCountsEveryRequest(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/hop":
			fmt.Fprint(w, `<html><body><script>location.href="/"</script></body></html>`)
		default:
			fmt.Fprint(w, `<html><body><h1>文具店</h1>
<a href="/tokusho.html">特定商取引法に基づく表記</a><a href="/guide.html">ご利用ガイド</a><a href="/company.html">会社概要</a>
<a href="/shipping.html">配送について</a><a href="/payment.html">お支払い方法</a><a href="/faq.html">よくある質問</a>
<a href="/contact.html">お問い合わせ</a><a href="/item/1.html">商品</a></body></html>`)
		}
	}))
	defer srv.Close()
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, start := range []string{"/", "/hop"} {
		for _, n := range []int{1, 2, 3, 6} {
			hits.Store(0)
			res := New(Options{SiteTimeout: 20 * time.Second, MaxPages: n}, f, nil, nil).Check(context.Background(), srv.URL+start)
			if h := hits.Load(); h > int64(n) || len(res.Pages) > n {
				t.Errorf("%s --max-pages %d: %d requests, %d pages listed", start, n, h, len(res.Pages))
			}
			if n >= 3 && len(res.Pages) != n {
				t.Errorf("%s --max-pages %d: %d pages listed, want all %d used", start, n, len(res.Pages), n)
			}
		}
	}
}

// TestCheckSmartphoneOnlySite: a site that tells desktops it is for
// smartphones is scored on the page phones get, without the cloaking sign
// (it says so): a kit behind such a notice is still seen.
func TestCheckSmartphoneOnlySite(t *testing.T) {
	kit := amazonKit(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if strings.Contains(r.UserAgent(), "iPhone") {
			w.Write(kit)
			return
		}
		fmt.Fprint(w, `<html><head><title>お知らせ</title></head><body><p>このサイトはスマートフォン専用です。QRコードからアクセスしてください。</p><img src="qr.png" alt="QR"></body></html>`)
	}))
	defer srv.Close()
	res := newTestChecker(t).Check(context.Background(), srv.URL+"/")
	ids := " " + strings.Join(signIDs(res), " ") + " "
	if !strings.Contains(ids, " phishing-credential-form ") || strings.Contains(ids, " cloaking ") {
		t.Errorf("signs%s: want the phone's kit scored, without cloaking", ids)
	}
}

// TestCheckThirdReviewEvasions: a desktop chain of stubs that uses up
// --max-pages does not switch off the comparison with the phones' kit,
// and a kit that speaks of QRコード決済 is no "smartphone only" notice.
func TestCheckThirdReviewEvasions(t *testing.T) {
	kit := amazonKit(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		phone := strings.Contains(r.UserAgent(), "iPhone")
		switch {
		case r.URL.Path == "/kit":
			w.Write(kit)
		case strings.HasPrefix(r.URL.Path, "/chain") && phone:
			fmt.Fprint(w, `<html><body><script>location.href="/kit"</script></body></html>`)
		case strings.HasPrefix(r.URL.Path, "/chain"):
			fmt.Fprintf(w, `<html><body><script>location.href="/chain%s1"</script></body></html>`, strings.TrimPrefix(r.URL.Path, "/chain"))
		case r.URL.Path == "/qr" && !phone:
			fmt.Fprint(w, `<html><head><title>PayPay</title></head><body><h1>PayPay</h1><p>QRコード決済のご利用確認のため、ログインしてください。</p><form><input type="tel" name="tel" placeholder="携帯電話番号"><input type="password" name="pw" placeholder="パスワード"></form></body></html>`)
		case r.URL.Path == "/qr":
			fmt.Fprint(w, `<html><head><title>メンテナンス中</title></head><body><p>ただいまメンテナンス中です。</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := newTestChecker(t)
	for _, path := range []string{"/chain", "/qr"} {
		res := c.Check(context.Background(), srv.URL+path)
		if ids := " " + strings.Join(signIDs(res), " ") + " "; !strings.Contains(ids, " phishing-credential-form ") {
			t.Errorf("%s: %s %d%s: want the kit's form scored", path, res.Risk, res.Score, ids)
		}
	}
}

// amazonKit is a saved Amazon sign-in kit (testdata/eval/phishing), the
// page the hop and cloaking tests serve behind their stubs.
func amazonKit(t *testing.T) []byte {
	t.Helper()
	kit, err := os.ReadFile(filepath.Join("..", "testdata", "eval", "phishing", "kit-amazon-signin.html"))
	if err != nil {
		t.Fatal(err)
	}
	return kit
}

// panicWhois is a WHOIS client with a bug.
type panicWhois struct{}

func (panicWhois) Lookup(context.Context, string) (*rules.Whois, error) { panic("whois bug") }

// TestPanicsStayWithTheirTarget: a panic on a background worker would end
// the whole process (a batch of thousands with it). A WHOIS client's panic
// becomes the target's WHOIS error; scoring's panic is raised again on the
// caller's goroutine, where the batch makes it the target's error record.
func TestPanicsStayWithTheirTarget(t *testing.T) {
	srv := serveSite(t, filepath.Join("..", "testdata", "sites", "honest-company"))
	port := srv.URL[strings.LastIndex(srv.URL, ":")+1:]
	f, _ := NewHTTPFetcher(FetchOptions{Timeout: 2 * time.Second, AllowPrivate: true, Resolve: []string{"shop.example.jp:" + port + ":127.0.0.1"}})
	c := New(Options{SiteTimeout: 5 * time.Second, Rules: rules.All(), NoCloaking: true}, f, panicWhois{}, nil)
	done := make(chan *Result)
	go func() { done <- c.Check(context.Background(), "http://shop.example.jp:"+port+"/") }()
	select {
	case res := <-done:
		if !strings.Contains(res.WhoisError, "whois bug") {
			t.Errorf("WHOIS error %q, want the panic", res.WhoisError)
		}
		if res.Error != nil || len(res.Pages) == 0 {
			t.Errorf("the site should still be read and scored: error %+v, %d pages", res.Error, len(res.Pages))
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no result: the target waits for a WHOIS answer that never comes")
	}

	var raised any
	func() {
		defer func() { raised = recover() }()
		c.bounded(context.Background(), func() *Result { panic("scoring bug") })
	}()
	if raised != "scoring bug" {
		t.Errorf("bounded raised %v on the caller, want the worker's panic", raised)
	}
	if v := orZero(func() []Clue { panic("clue bug") }); v != nil {
		t.Errorf("orZero = %v, want nil", v)
	}
}

// TestQuotedTargetJudgedAsAddress: the quotes of a copied address are not
// part of its host («…» read as a host is an IDN, url-idn a false sign).
func TestQuotedTargetJudgedAsAddress(t *testing.T) {
	ck := New(Options{Rules: rules.All(), SiteTimeout: 5 * time.Second}, nil, nil, nil)
	for _, name := range []string{"«smbc-card-login.com»", "„smbc-card-login.com“", "「smbc-card-login.com」"} {
		res := ck.CheckDomain(context.Background(), name)
		ids := signIDs(res)
		if !slices.Contains(ids, "domain-lookalike") || slices.Contains(ids, "url-idn") {
			t.Errorf("%s: signs %v, want domain-lookalike and no url-idn", name, ids)
		}
	}
}

// TestUnreadPagesNamed: a page of the crawl that times out is named in the
// result, so that a verdict resting on fewer pages says so (a fake shop
// whose 特定商取引法 page is slow would otherwise look clean).
func TestUnreadPagesNamed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><head><title>ショップ</title></head><body><p>商品一覧</p><a href="/law.html">特定商取引法に基づく表記</a><a href="/guide.html">ご利用ガイド</a></body></html>`)
		case "/law.html":
			select { // slower than --timeout
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		default:
			fmt.Fprint(w, `<html><body><p>ご利用ガイド</p></body></html>`)
		}
	}))
	defer srv.Close()
	f, _ := NewHTTPFetcher(FetchOptions{Timeout: 300 * time.Millisecond, AllowPrivate: true})
	c := New(Options{SiteTimeout: 10 * time.Second, Rules: rules.All(), NoCloaking: true, MaxPages: 6}, f, nil, nil)
	res := c.Check(context.Background(), srv.URL+"/")
	if res.Error != nil {
		t.Fatalf("error %+v", res.Error)
	}
	if len(res.Unread) != 1 || !strings.HasSuffix(res.Unread[0].URL, "/law.html") || res.Unread[0].Code != CodeTimeout {
		t.Errorf("unread %+v, want law.html as a timeout", res.Unread)
	}
	for _, p := range res.Pages {
		if strings.HasSuffix(p.URL, "/law.html") {
			t.Errorf("law.html listed as read: %+v", p)
		}
	}
}

// TestEvidenceLabelsInEnglish: with --lang en the evidence's own labels
// are English (the page's words it quotes stay as the page wrote them):
// the blind QA of rev24 found 口座名義, 販売業者, 件中…値引き, 簡体字など and
// のロゴ in English results.
func TestEvidenceLabelsInEnglish(t *testing.T) {
	c := New(Options{Rules: rules.All(), Lang: "en", SiteTimeout: 10 * time.Second}, nil, nil, nil)
	seen := map[string]bool{}
	for _, dir := range []string{"fake-utf8", "fake-sjis", "fake-eucjp", "sole-proprietor"} {
		res := c.Check(context.Background(), filepath.Join("..", "testdata", "sites", dir))
		for _, s := range res.Signs {
			seen[s.ID] = true
			for _, label := range []string{"口座名義", "販売業者:", "件中", "簡体字など", "不自然な表現", "のロゴ", "トップページ", "※表記の販売者本人", "特商法表記の販売者"} {
				if strings.Contains(s.Evidence, label) {
					t.Errorf("%s: %s: evidence %q has the label %q in Japanese", dir, s.ID, s.Evidence, label)
				}
			}
		}
	}
	for _, id := range []string{"account-name-mismatch", "account-personal-name", "price-extreme-discount", "japanese-unnatural", "payment-method-mismatch"} {
		if !seen[id] {
			t.Errorf("%s did not fire on the test sites: the test no longer covers it", id)
		}
	}
}

// TestRedirectToUnreadablePage: a short link sent on to a look-alike
// that is down still names the look-alike, the way it went and its own
// signs (rev25 audit D1: url, domain and redirects were the start's, and
// no sign was scored); a redirect loop lists the way too.
func TestRedirectToUnreadablePage(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	freePort := l.Addr().(*net.TCPAddr).Port
	l.Close() // nothing listens there now
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/go":
			http.Redirect(w, r, fmt.Sprintf("http://smbc-card-login.com:%d/login", freePort), http.StatusFound)
		default:
			http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
		}
	}))
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, AllowPrivate: true,
		Resolve: []string{fmt.Sprintf("short.example.jp:%d:127.0.0.1", port), fmt.Sprintf("smbc-card-login.com:%d:127.0.0.1", freePort)}})
	if err != nil {
		t.Fatal(err)
	}
	c := New(Options{SiteTimeout: 20 * time.Second, NoCloaking: true}, f, nil, nil)
	start := fmt.Sprintf("http://short.example.jp:%d/go", port)
	res := c.Check(context.Background(), start)
	if res.Error == nil || res.Error.Code != CodeConnect {
		t.Fatalf("error %+v, want connect", res.Error)
	}
	if res.Domain != "smbc-card-login.com" || !strings.Contains(res.URL, "smbc-card-login.com") || len(res.Redirects) != 1 || res.Redirects[0] != start {
		t.Errorf("url %s, domain %s, redirects %v: want the look-alike and the short link passed through", res.URL, res.Domain, res.Redirects)
	}
	if !slices.Contains(signIDs(res), "domain-lookalike") || res.Risk != rules.RiskMedium {
		t.Errorf("signs %v, risk %s: want domain-lookalike, medium", signIDs(res), res.Risk)
	}
	res = c.Check(context.Background(), fmt.Sprintf("http://short.example.jp:%d/loop", port))
	if res.Error == nil || res.Error.Code != CodeTooManyRedirects || len(res.Redirects) < 5 {
		t.Errorf("a loop: error %+v, %d redirects; want too-many-redirects and the way", res.Error, len(res.Redirects))
	}
}
