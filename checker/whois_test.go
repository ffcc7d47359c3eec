package checker

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/idna"
	"golang.org/x/text/encoding/japanese"
)

// fakeWhois is a WHOIS server on 127.0.0.1:0 that answers from a table of
// query -> answer and counts the queries it got.
type fakeWhois struct {
	ln      net.Listener
	mu      sync.Mutex
	answers map[string][]byte
	queries []string
	silent  bool // accept and never answer
	// hold, when set, is waited on before answering.
	hold chan struct{}
}

func newFakeWhois(t *testing.T, answers map[string][]byte) *fakeWhois {
	t.Helper()
	f := &fakeWhois{answers: answers}
	f.ln = serveTCP(t, f.serve)
	return f
}

func (f *fakeWhois) serve(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return
	}
	q := strings.TrimSpace(line)
	f.mu.Lock()
	f.queries = append(f.queries, q)
	ans, ok := f.answers[q]
	silent, hold := f.silent, f.hold
	f.mu.Unlock()
	if hold != nil {
		<-hold
	}
	if silent {
		time.Sleep(3 * time.Second)
		return
	}
	if !ok {
		ans = []byte("No match for \"" + q + "\".\r\n")
	}
	_, _ = conn.Write(ans)
}

func (f *fakeWhois) addr() string { return f.ln.Addr().String() }

func (f *fakeWhois) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.queries)
}

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("../testdata/whois/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func iso2022(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := japanese.ISO2022JP.NewEncoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func punycode(t *testing.T, s string) string {
	t.Helper()
	a, err := idna.Lookup.ToASCII(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestWhoisServerName(t *testing.T) {
	for in, want := range map[string]string{
		"whois.jprs.jp:43":   "whois.jprs.jp", // WHOIS's own port goes unsaid
		"127.0.0.1:4343":     "127.0.0.1:4343",
		"[::1]:4343":         "[::1]:4343",
		"whois.verisign.com": "whois.verisign.com",
	} {
		if got := serverName(in); got != want {
			t.Errorf("serverName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWhoisServerLayouts(t *testing.T) {
	srv := newFakeWhois(t, map[string][]byte{
		"shop-example.jp/e":           fixture(t, "jprs-general-en.txt"),
		"oldshop.co.jp/e":             fixture(t, "jprs-cojp-en.txt"),
		"ancient.co.jp/e":             fixture(t, "jprs-cojp-pre1993-en.txt"),
		punycode(t, "ニホンゴ.jp") + "/e": iso2022(t, fixture(t, "jprs-general-ja.txt")), // answered in Japanese anyway
		"missing.jp/e":                fixture(t, "jprs-nomatch.txt"),
		"fresh-shop-example.com":      fixture(t, "registry-com.txt"),
	})
	c := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: -1, Timeout: 5 * time.Second})
	c.jprs = srv.addr() // the fake stands in for JPRS too: .jp names are asked with /e
	ctx := context.Background()
	tests := []struct {
		domain, created, registrar string
		nilResult, noDate          bool
	}{
		{domain: "www.shop-example.jp", created: "2025-03-02"},
		{domain: "oldshop.co.jp", created: "1998-09-12"},
		{domain: "ancient.co.jp", noDate: true},
		{domain: "ニホンゴ.jp", created: "2024-12-25"},
		{domain: "missing.jp", nilResult: true},
		{domain: "fresh-shop-example.com", created: "2025-05-20", registrar: "Example Registrar, Inc."},
		{domain: "not-there.com", nilResult: true},
	}
	for _, tt := range tests {
		w, err := c.Lookup(ctx, tt.domain)
		if err != nil {
			t.Errorf("%s: %v", tt.domain, err)
			continue
		}
		if tt.nilResult {
			if w != nil {
				t.Errorf("%s: got %+v, want no record", tt.domain, w)
			}
			continue
		}
		if w == nil {
			t.Errorf("%s: no record", tt.domain)
			continue
		}
		if w.Server != srv.addr() || w.Raw == "" { // the port the user named is kept
			t.Errorf("%s: server %q, raw %d bytes: evidence missing", tt.domain, w.Server, len(w.Raw))
		}
		if tt.noDate {
			if !w.Created.IsZero() {
				t.Errorf("%s: created %v, want no date", tt.domain, w.Created)
			}
			if w.AgeDays(time.Now()) != -1 {
				t.Errorf("%s: an unknown date gave an age", tt.domain)
			}
			continue
		}
		if got := w.Created.Format("2006-01-02"); got != tt.created {
			t.Errorf("%s: created %s, want %s", tt.domain, got, tt.created)
		}
		if w.Registrar != tt.registrar {
			t.Errorf("%s: registrar %q, want %q", tt.domain, w.Registrar, tt.registrar)
		}
	}
	if !strings.Contains(srv.queries[0], "/e") {
		t.Errorf("a .jp query was sent to JPRS without /e: %q", srv.queries[0])
	}
}

// TestWhoisServerPlainName: --whois-server is asked the name alone, .jp
// or not: JPRS's /e is JPRS's, and a test or mirror server that looks the
// name up would not know "shop.jp/e".
func TestWhoisServerPlainName(t *testing.T) {
	srv := newFakeWhois(t, map[string][]byte{"shop-example.jp": fixture(t, "jprs-general-en.txt")})
	c := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: -1, Timeout: 5 * time.Second})
	w, err := c.Lookup(context.Background(), "www.shop-example.jp")
	if err != nil || w == nil || w.Created.Format("2006-01-02") != "2025-03-02" {
		t.Fatalf("Lookup = %+v, %v; want created 2025-03-02", w, err)
	}
	if q := srv.queries[0]; q != "shop-example.jp" {
		t.Errorf("query = %q, want the plain name", q)
	}
}

func TestWhoisCacheAndSharedLookups(t *testing.T) {
	srv := newFakeWhois(t, map[string][]byte{"shop-example.jp": fixture(t, "jprs-general-en.txt")})
	c := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: -1})
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			host := "shop-example.jp"
			if i%2 == 0 {
				host = "www.shop-example.jp"
			}
			if w, err := c.Lookup(context.Background(), host); err != nil || w == nil {
				t.Errorf("lookup %d: %v %v", i, w, err)
			}
		}(i)
	}
	wg.Wait()
	if _, err := c.Lookup(context.Background(), "SHOP-EXAMPLE.JP."); err != nil {
		t.Fatal(err)
	}
	if n := srv.count(); n != 1 {
		t.Errorf("%d queries for one registrable domain, want 1", n)
	}
	// What is known is told at once, in the cache's own form only.
	if w, ok := c.Cached("shop-example.jp"); !ok || w == nil {
		t.Errorf("Cached(shop-example.jp) = %v, %v; want the answer", w, ok)
	}
	if _, ok := c.Cached("other-example.jp"); ok {
		t.Error("Cached answered for a domain never asked about")
	}
}

// TestWhoisAbandonedLookupAskedAgain: when the target that started a
// shared lookup gives up (its deadline, an interrupt), a target waiting
// for the same domain asks again instead of taking the first one's
// cancellation for the registry's answer.
func TestWhoisAbandonedLookupAskedAgain(t *testing.T) {
	srv := newFakeWhois(t, map[string][]byte{"shop-example.jp": fixture(t, "jprs-general-en.txt")})
	hold := make(chan struct{})
	srv.hold = hold
	c := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: -1})
	first, cancel := context.WithCancel(context.Background())
	firstDone := make(chan error, 1)
	go func() {
		_, err := c.Lookup(first, "shop-example.jp")
		firstDone <- err
	}()
	for srv.count() == 0 {
		runtime.Gosched()
	}
	second := make(chan error, 1)
	go func() {
		w, err := c.Lookup(context.Background(), "www.shop-example.jp")
		if err == nil && w == nil {
			err = errors.New("no answer")
		}
		second <- err
	}()
	c.mu.Lock()
	e := c.cache["shop-example.jp"]
	c.mu.Unlock()
	for e.waiters.Load() == 0 {
		runtime.Gosched()
	}
	cancel()
	if err := <-firstDone; err == nil {
		t.Fatal("the first lookup was cancelled but answered")
	}
	close(hold)
	if err := <-second; err != nil {
		t.Errorf("a waiting lookup took the first one's cancellation: %v", err)
	}
}

func TestWhoisCacheBounded(t *testing.T) {
	srv := newFakeWhois(t, nil)
	c := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: -1, CacheSize: 3})
	for _, d := range []string{"a1.com", "a2.com", "a3.com", "a4.com", "a5.com"} {
		if _, err := c.Lookup(context.Background(), d); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(c.cache); n > 3 {
		t.Errorf("cache holds %d domains, want at most 3", n)
	}
}

// TestWhoisQueriesAtOnce checks that at most PerServer queries are open at
// once to one server, each a connection of its own, even for a server the
// user named (which is not paced).
func TestWhoisQueriesAtOnce(t *testing.T) {
	var open, maxOpen, accepted atomic.Int64
	ln := serveTCP(t, func(conn net.Conn) {
		defer conn.Close()
		raiseMax(&maxOpen, open.Add(1))
		defer open.Add(-1)
		q, _ := bufio.NewReader(conn).ReadString('\n')
		if accepted.Add(1) <= 3 {
			// The first three hold their connections until three have
			// been open at once, so that the others queue behind them
			// (and more than three open at once would show). A client
			// that never opens three gets its answers after 4 s, within
			// its timeout, and the count below fails.
			for deadline := time.Now().Add(4 * time.Second); maxOpen.Load() < 3 && time.Now().Before(deadline); {
				time.Sleep(time.Millisecond)
			}
		}
		fmt.Fprintf(conn, "Domain Name: %s\r\nCreation Date: 2015-04-01T00:00:00Z\r\n", strings.TrimSpace(q))
	})
	c := NewWhois(WhoisOptions{Server: ln.Addr().String(), PerServer: 3, Timeout: 5 * time.Second})
	var wg sync.WaitGroup
	for i := range 12 {
		wg.Go(func() {
			if w, err := c.Lookup(context.Background(), fmt.Sprintf("shop%d.example", i)); err != nil || w == nil {
				t.Errorf("shop%d.example: %v, %v", i, w, err)
			}
		})
	}
	wg.Wait()
	if m := maxOpen.Load(); m != 3 {
		t.Errorf("%d queries open at once, want 3 (PerServer)", m)
	}
}

func TestWhoisThrottleHonoursContext(t *testing.T) {
	srv := newFakeWhois(t, map[string][]byte{"shop-example.jp": fixture(t, "jprs-general-en.txt")})
	c := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: time.Hour})
	if _, err := c.Lookup(context.Background(), "shop-example.jp"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// The second server query must wait an hour; the cancelled context
	// ends the wait instead, and nothing is sent.
	if _, err := c.Lookup(ctx, "other-example.jp"); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if n := srv.count(); n != 1 {
		t.Errorf("%d queries sent, want 1", n)
	}
	// The cancelled lookup is not cached as an answer.
	if _, ok := c.cache["other-example.jp"]; ok {
		t.Error("a cancelled lookup stayed in the cache")
	}
}

func TestWhoisAnswerCapped(t *testing.T) {
	big := []byte("Domain Name: BIG-EXAMPLE.COM\r\nCreation Date: 2020-01-02T00:00:00Z\r\n" + strings.Repeat("x", 1<<20))
	srv := newFakeWhois(t, map[string][]byte{"big-example.com": big})
	c := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: -1, MaxBytes: 4096})
	w, err := c.Lookup(context.Background(), "big-example.com")
	if err != nil || w == nil {
		t.Fatalf("got %v, %v", w, err)
	}
	if len(w.Raw) > 4096 {
		t.Errorf("raw answer is %d bytes, cap 4096", len(w.Raw))
	}
	if w.Created.Format("2006-01-02") != "2020-01-02" {
		t.Errorf("created %v", w.Created)
	}
}

func TestWhoisReadDeadline(t *testing.T) {
	srv := newFakeWhois(t, nil)
	srv.silent = true
	c := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: -1, Timeout: 100 * time.Millisecond})
	if _, err := c.Lookup(context.Background(), "slow-example.com"); err == nil {
		t.Error("a server that never answers gave no error")
	}
}

func TestWhoisConnectRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c := NewWhois(WhoisOptions{Server: addr, Throttle: -1, Timeout: time.Second})
	if _, err := c.Lookup(context.Background(), "example.com"); err == nil || !strings.Contains(err.Error(), "connecting") {
		t.Errorf("err = %v, want a connect error", err)
	}
}

func TestRDAP(t *testing.T) {
	rdapJSON := fixture(t, "rdap-example.json")
	var hits int
	var mu sync.Mutex
	rd := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		switch r.URL.Path {
		case "/rdap/domain/rdap-shop.example":
			w.Header().Set("Content-Type", "application/rdap+json")
			_, _ = w.Write(rdapJSON)
		default:
			http.NotFound(w, r)
		}
	}))
	defer rd.Close()
	c := NewWhois(WhoisOptions{RDAPServer: rd.URL + "/rdap/", Throttle: -1})
	w, err := c.Lookup(context.Background(), "www.rdap-shop.example")
	if err != nil || w == nil {
		t.Fatalf("got %v, %v", w, err)
	}
	if w.Created.Format(time.RFC3339) != "2025-04-01T03:04:05Z" || w.Registrar != "Example Registrar, Inc." {
		t.Errorf("got created %v registrar %q", w.Created, w.Registrar)
	}
	if !strings.Contains(w.Raw, "registration") || w.Server == "" {
		t.Error("the RDAP answer is not kept as evidence")
	}
	if w, err := c.Lookup(context.Background(), "nobody.example"); err != nil || w != nil {
		t.Errorf("404: got %v, %v; want no record", w, err)
	}
}

func TestRDAPBootstrapAndWhoisFallback(t *testing.T) {
	rdapJSON := fixture(t, "rdap-example.json")
	var rd *httptest.Server
	rd = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/dns.json":
			_, _ = w.Write([]byte(`{"services": [[["example"], ["` + rd.URL + `/rdap/"]], [["broken"], ["` + rd.URL + `/fail/"]]]}`))
		case "/rdap/domain/rdap-shop.example":
			_, _ = w.Write(rdapJSON)
		default:
			http.Error(w, "down", http.StatusInternalServerError)
		}
	}))
	defer rd.Close()
	// The registrar's server, the registry's (which refers to it) and IANA's.
	registrar := newFakeWhois(t, map[string][]byte{"thin-example.broken": fixture(t, "registrar-thin.txt")})
	registry := newFakeWhois(t, map[string][]byte{
		"thin-example.broken": []byte(strings.ReplaceAll(string(fixture(t, "registry-thin.txt")), "REFERRAL_PLACEHOLDER", registrar.addr())),
	})
	iana := newFakeWhois(t, map[string][]byte{
		"broken": []byte(strings.ReplaceAll(string(fixture(t, "iana-com.txt")), "REGISTRY_PLACEHOLDER", registry.addr())),
	})
	c := NewWhois(WhoisOptions{BootstrapURL: rd.URL + "/dns.json", Throttle: -1, AllowPrivate: true})
	c.iana = iana.addr()
	w, err := c.Lookup(context.Background(), "rdap-shop.example")
	if err != nil || w == nil || w.Created.Format("2006-01-02") != "2025-04-01" {
		t.Fatalf("RDAP through the bootstrap: %v, %v", w, err)
	}
	// RDAP fails for .broken: WHOIS through IANA, the registry and the
	// registrar it refers to, which has the date.
	w, err = c.Lookup(context.Background(), "thin-example.broken")
	if err != nil || w == nil {
		t.Fatalf("WHOIS fallback: %v, %v", w, err)
	}
	if w.Created.Format("2006-01-02") != "2019-02-28" {
		t.Errorf("created %v, want 2019-02-28 from the registrar", w.Created)
	}
	if !strings.Contains(w.Raw, "THIN-EXAMPLE.COM") || !strings.Contains(w.Raw, "Created: 2019-02-28") {
		t.Error("both answers should be kept as evidence")
	}

	// Without AllowPrivate a referral to a loopback address is refused.
	c2 := NewWhois(WhoisOptions{BootstrapURL: rd.URL + "/dns.json", Throttle: -1, HTTPClient: rd.Client()})
	c2.iana = iana.addr()
	if _, err := c2.Lookup(context.Background(), "thin-example.broken"); err == nil || !strings.Contains(err.Error(), "non-public") {
		t.Errorf("err = %v, want a refusal of the non-public referral", err)
	}
}

func TestParseWhoisDates(t *testing.T) {
	for in, want := range map[string]string{
		"2005/05/30":                "2005-05-30",
		"2005/05/30 01:05:04 (JST)": "2005-05-30",
		"2005-05-30T04:00:00Z":      "2005-05-30",
		"2005年5月30日":                "2005-05-30",
		"30-May-2005":               "2005-05-30",
		"30.05.2005":                "2005-05-30",
		"":                          "",
		"2005/02/30":                "",
		"1970/01/01":                "",
		"2999/01/01":                "",
		"before Aug-1996":           "",
	} {
		got := ""
		if t0, ok := parseWhoisDate(in, jst); ok {
			got = t0.Format("2006-01-02")
		}
		if got != want {
			t.Errorf("parseWhoisDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzParseWhois(f *testing.F) {
	for _, name := range []string{"jprs-general-en.txt", "jprs-cojp-en.txt", "jprs-general-ja.txt", "registry-com.txt", "jprs-nomatch.txt"} {
		b, err := os.ReadFile("../testdata/whois/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("[Created on] 2005/05/30")
	f.Add("Creation Date: 99999-99-99")
	f.Fuzz(func(t *testing.T, raw string) {
		rec, err := ParseWhois("example.jp", raw)
		if err == nil && !rec.Created.IsZero() && !plausibleDate(rec.Created) {
			t.Errorf("implausible date %v accepted", rec.Created)
		}
		if t0, ok := parseWhoisDate(raw, jst); ok && !plausibleDate(t0) {
			t.Errorf("implausible date %v from %q", t0, raw)
		}
	})
}

// TestWhoisJPRSDateKept: JPRS gives dates in Japan time (2025/03/02); the
// result shows that date, not the day before that the same instant is
// in UTC, and a WARC keeps it with its offset.
func TestWhoisJPRSDateKept(t *testing.T) {
	srv := newFakeWhois(t, map[string][]byte{"shop-example.jp": fixture(t, "jprs-general-en.txt")})
	w := NewWhois(WhoisOptions{Server: srv.addr(), Throttle: -1})
	c := New(Options{Now: func() time.Time { return time.Date(2025, 3, 12, 12, 0, 0, 0, time.UTC) }}, nil, w, nil)
	res := c.CheckDomain(context.Background(), "shop-example.jp")
	if res.Whois == nil || res.Whois.Created != "2025-03-02" || res.Whois.AgeDays != 10 {
		t.Fatalf("whois %+v, want created 2025-03-02, 10 days old", res.Whois)
	}
	info, err := w.Lookup(context.Background(), "shop-example.jp")
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Created.Format(time.RFC3339); got != "2025-03-02T00:00:00+09:00" {
		t.Errorf("created %s, want midnight in Japan", got)
	}
}

// TestRDAPRedirectToPrivateRefused: the --rdap-server the user named may be
// on this machine, but where it redirects is not trusted with it: a
// redirect to a non-public address (a cloud's metadata service) is refused
// without --allow-private (QA rev24: the metadata server got the request).
func TestRDAPRedirectToPrivateRefused(t *testing.T) {
	var metaHits atomic.Int64
	meta := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		metaHits.Add(1)
		_, _ = w.Write([]byte(`{"events":[{"eventAction":"registration","eventDate":"2025-04-01T03:04:05Z"}]}`))
	}))
	defer meta.Close()
	rd := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, meta.URL+"/latest/meta-data/", http.StatusFound)
	}))
	defer rd.Close()
	c := NewWhois(WhoisOptions{RDAPServer: rd.URL + "/rdap/", Throttle: -1, Timeout: 2 * time.Second})
	w, err := c.Lookup(context.Background(), "redirected.example")
	if metaHits.Load() != 0 {
		t.Errorf("the redirect's non-public server was asked (%d requests); got %v, %v", metaHits.Load(), w, err)
	}
	if w != nil && !w.Created.IsZero() {
		t.Errorf("an age taken from the redirect's answer: %v", w.Created)
	}
}
