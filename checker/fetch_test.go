package checker

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/iotest"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/zstd"
)

// server is an httptest server on 127.0.0.1 that counts the connections
// it accepts and the requests it serves.
type server struct {
	*httptest.Server
	conns atomic.Int64
	reqs  atomic.Int64
	port  string
}

func newServer(t *testing.T, h http.Handler, tlsOn bool) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.reqs.Add(1)
		h.ServeHTTP(w, r)
	}))
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	if tlsOn {
		s.Config.ErrorLog = log.New(io.Discard, "", 0) // handshake failures are what the tests provoke
		s.StartTLS()
	} else {
		s.Start()
	}
	t.Cleanup(s.Close)
	_, s.port, _ = net.SplitHostPort(s.Listener.Addr().String())
	return s
}

func newFetcher(t *testing.T, o FetchOptions) *HTTPFetcher {
	t.Helper()
	f, err := NewHTTPFetcher(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(f.CloseIdleConnections)
	// Tests never ask real DNS: every name is unknown unless a test says
	// otherwise (or maps it with Resolve).
	f.lookup = func(_ context.Context, host string) ([]netip.Addr, error) {
		if host == "localhost" {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	return f
}

// wantCode fails unless err is an *Error with code.
func wantCode(t *testing.T, what string, err error, code string) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%s: error %v (%T), want *Error with code %s", what, err, err, code)
		return nil
	}
	if e.Code != code {
		t.Errorf("%s: code %s (%v), want %s", what, e.Code, e, code)
	}
	return e
}

func TestFetchPage(t *testing.T) {
	var gotUA, gotRef, gotLang string
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotRef, gotLang = r.UserAgent(), r.Referer(), r.Header.Get("Accept-Language")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<title>ok</title>")
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true})

	resp, err := f.Fetch(context.Background(), Request{URL: s.URL + "/p?q=1", Referer: "http://from.example/", Evidence: true})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != s.URL+"/p?q=1" || resp.Status != 200 || string(resp.Body) != "<title>ok</title>" || resp.Truncated {
		t.Errorf("response %+v", resp)
	}
	if resp.ContentType != "text/html; charset=utf-8" || resp.Header.Get("Content-Type") != resp.ContentType {
		t.Errorf("content type %q, header %v", resp.ContentType, resp.Header)
	}
	if resp.LocalIP != "127.0.0.1" {
		t.Errorf("LocalIP %q, want 127.0.0.1", resp.LocalIP)
	}
	if len(resp.Redirects) != 0 {
		t.Errorf("Redirects %v, want none", resp.Redirects)
	}
	if gotUA != DefaultUserAgent || gotRef != "http://from.example/" || !strings.HasPrefix(gotLang, "ja") {
		t.Errorf("server saw UA %q, Referer %q, Accept-Language %q", gotUA, gotRef, gotLang)
	}
	if len(resp.Exchanges) != 1 {
		t.Fatalf("%d exchanges, want 1", len(resp.Exchanges))
	}
	ex := resp.Exchanges[0]
	if ex.Method != "GET" || ex.URL != resp.URL || ex.Proto != "HTTP/1.1" || ex.Status != 200 || ex.StatusText != "200 OK" ||
		ex.RemoteIP != "127.0.0.1" || string(ex.Body) != "<title>ok</title>" || ex.Time.IsZero() {
		t.Errorf("exchange %+v", ex)
	}
	// Headers as sent on the wire, including those the transport adds.
	for k, want := range map[string]string{
		"Host": "127.0.0.1:" + s.port, "User-Agent": DefaultUserAgent, "Accept-Encoding": "gzip",
		"Referer": "http://from.example/",
	} {
		if got := ex.ReqHeader.Get(k); got != want {
			t.Errorf("ReqHeader %s = %q, want %q (all: %v)", k, got, want, ex.ReqHeader)
		}
	}

	resp, err = f.Fetch(context.Background(), Request{URL: s.URL, Mobile: true})
	if err != nil {
		t.Fatal(err)
	}
	if gotUA != DefaultMobileUserAgent || !strings.Contains(gotUA, "iPhone") || gotRef != "" {
		t.Errorf("mobile fetch: UA %q, Referer %q", gotUA, gotRef)
	}
	// Without Evidence the exchange holds the headers the fetcher set
	// (Accept-Encoding among them: the fetcher asks for gzip itself, so
	// that it keeps the bytes as sent).
	if h := resp.Exchanges[0].ReqHeader; h.Get("User-Agent") != DefaultMobileUserAgent || h.Get("Accept-Encoding") != "gzip" {
		t.Errorf("ReqHeader without Evidence: %v", h)
	}
	if resp.URL != s.URL {
		t.Errorf("URL %q, want %q", resp.URL, s.URL)
	}
	sharedHeadersUntouched(t, f)
}

// TestFetchErrorStatusIsAResponse: 4xx/5xx pages are evidence, returned as
// responses, not errors.
func TestFetchErrorStatusIsAResponse(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code := 404
		if r.URL.Path == "/503" {
			code = 503
		}
		w.WriteHeader(code)
		fmt.Fprintf(w, "<h1>error %d</h1>", code)
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true})
	for _, p := range []string{"/404", "/503"} {
		resp, err := f.Fetch(context.Background(), Request{URL: s.URL + p})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if want := "<h1>error " + p[1:] + "</h1>"; resp.Status != atoi(p[1:]) || string(resp.Body) != want {
			t.Errorf("%s: status %d body %q", p, resp.Status, resp.Body)
		}
	}
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

// TestFetchRedirects: each hop recorded, the cookie set on the way sent on,
// Redirects filled, relative Locations resolved.
func TestFetchRedirects(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/a":
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "42", Path: "/"})
			w.Header().Set("Location", "/b")
			w.WriteHeader(302)
			fmt.Fprint(w, "moved to b")
		case "/b":
			if c, err := r.Cookie("sid"); err != nil || c.Value != "42" {
				http.Error(w, "no cookie", 400)
				return
			}
			http.Redirect(w, r, "c?x=1", http.StatusMovedPermanently)
		case "/c":
			fmt.Fprint(w, "final page")
		}
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true})
	resp, err := f.Fetch(context.Background(), Request{URL: s.URL + "/a"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.URL != s.URL+"/c?x=1" || resp.Status != 200 || string(resp.Body) != "final page" {
		t.Errorf("final %q %d %q", resp.URL, resp.Status, resp.Body)
	}
	if want := []string{s.URL + "/a", s.URL + "/b"}; fmt.Sprint(resp.Redirects) != fmt.Sprint(want) {
		t.Errorf("Redirects %v, want %v", resp.Redirects, want)
	}
	if len(resp.Exchanges) != 3 {
		t.Fatalf("%d exchanges, want 3", len(resp.Exchanges))
	}
	if ex := resp.Exchanges[0]; ex.Status != 302 || ex.StatusText != "302 Found" || string(ex.Body) != "moved to b" ||
		ex.RespHeader.Get("Location") != "/b" {
		t.Errorf("first hop %+v", ex)
	}
	if got := resp.Exchanges[1].ReqHeader.Get("Cookie"); got != "sid=42" {
		t.Errorf("second hop sent Cookie %q, want sid=42", got)
	}
	sharedHeadersUntouched(t, f)
	if resp.Exchanges[1].Status != 301 || resp.Exchanges[2].URL != resp.URL {
		t.Errorf("hops %+v", resp.Exchanges[1:])
	}

	// The cookie jar lives for one fetch only.
	resp, err = f.Fetch(context.Background(), Request{URL: s.URL + "/b"})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Status != 400 {
		t.Errorf("a new fetch of /b got status %d; the cookie of the last fetch leaked", resp.Status)
	}
}

func TestFetchRedirectLoop(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := atoi(r.URL.Query().Get("n"))
		http.Redirect(w, r, fmt.Sprintf("/loop?n=%d", n+1), http.StatusFound)
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, MaxRedirects: 5})
	resp, err := f.Fetch(context.Background(), Request{URL: s.URL + "/loop?n=0"})
	wantCode(t, "redirect loop", err, CodeTooManyRedirects)
	if resp == nil {
		t.Fatal("no partial response with the exchanges made")
	}
	if len(resp.Exchanges) != 6 || len(resp.Redirects) != 5 || resp.Status != 0 || resp.Body != nil {
		t.Errorf("%d exchanges, %d redirects, status %d; want 6, 5, 0", len(resp.Exchanges), len(resp.Redirects), resp.Status)
	}
	if got := s.reqs.Load(); got != 6 {
		t.Errorf("server saw %d requests, want 6", got)
	}
	// Default: 10 redirects followed.
	f = newFetcher(t, FetchOptions{AllowPrivate: true})
	resp, err = f.Fetch(context.Background(), Request{URL: s.URL + "/loop?n=0"})
	wantCode(t, "redirect loop (default)", err, CodeTooManyRedirects)
	if resp == nil || len(resp.Redirects) != DefaultMaxRedirects {
		t.Errorf("default: %+v", resp)
	}
}

func TestFetchRedirectToOtherScheme(t *testing.T) {
	for _, loc := range []string{"ftp://files.example/x", "file:///etc/passwd", "javascript:alert(1)", "gopher://h/"} {
		s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Location", loc)
			w.WriteHeader(302)
		}), false)
		f := newFetcher(t, FetchOptions{AllowPrivate: true})
		resp, err := f.Fetch(context.Background(), Request{URL: s.URL})
		wantCode(t, loc, err, CodeUnsupportedScheme)
		if resp == nil || len(resp.Exchanges) != 1 || resp.URL != loc {
			t.Errorf("%s: partial response %+v", loc, resp)
		}
	}
}

// TestFetchRedirectIntoPrivate: a page allowed to be fetched redirects
// into addresses that are not; each must be refused without a connection.
// The policy is narrowed to "127.0.0.1 only" so that the httptest server
// itself counts as the public site.
func TestFetchRedirectIntoPrivate(t *testing.T) {
	var target atomic.Int64
	var s *server
	s = newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/target" {
			target.Add(1)
			fmt.Fprint(w, "inside")
			return
		}
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	}), false)
	only := netip.MustParseAddr("127.0.0.1")
	f := newFetcher(t, FetchOptions{Resolve: []string{"shop.test:" + s.port + ":127.0.0.1", "inside.test:" + s.port + ":127.0.0.2"}})
	f.allow = func(a netip.Addr) bool { return a == only }
	f.lookup = func(_ context.Context, host string) ([]netip.Addr, error) {
		if host == "mixed.test" { // one allowed answer does not make the other safe
			return []netip.Addr{only, netip.MustParseAddr("127.0.0.3")}, nil
		}
		return []netip.Addr{netip.MustParseAddr("127.0.0.3")}, nil
	}

	// The allowed site works, through --resolve, with its own Host header.
	resp, err := f.Fetch(context.Background(), Request{URL: "http://shop.test:" + s.port + "/target", Evidence: true})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "inside" || resp.Exchanges[0].ReqHeader.Get("Host") != "shop.test:"+s.port {
		t.Errorf("allowed fetch: %q, Host %q", resp.Body, resp.Exchanges[0].ReqHeader.Get("Host"))
	}
	target.Store(0)
	_, err = f.Fetch(context.Background(), Request{URL: "http://mixed.test:" + s.port + "/target"})
	wantCode(t, "name with an allowed and a refused address", err, CodeBlockedAddress)

	for _, to := range []string{
		"http://127.0.0.2:" + s.port + "/target",
		"http://0x7f000002:" + s.port + "/target",
		"http://2130706434:" + s.port + "/target",
		"http://127.2:" + s.port + "/target",
		"http://localhost:" + s.port + "/target",
		"http://[::1]:" + s.port + "/target",
		"http://inside.test:" + s.port + "/target", // --resolve to 127.0.0.2
		"http://rebind.test:" + s.port + "/target", // DNS answers 127.0.0.3
		"http://169.254.169.254/latest/meta-data/",
	} {
		resp, err := f.Fetch(context.Background(), Request{URL: "http://shop.test:" + s.port + "/r?to=" + url.QueryEscape(to)})
		e := wantCode(t, to, err, CodeBlockedAddress)
		if e != nil && (!strings.Contains(e.Error(), "refused") || !strings.Contains(e.Msg, "redirected to")) {
			t.Errorf("%s: message %q does not say it was refused after a redirect", to, e.Error())
		}
		if resp == nil || len(resp.Exchanges) != 1 || len(resp.Redirects) != 1 {
			t.Errorf("%s: partial response %+v", to, resp)
		}
	}
	if n := target.Load(); n != 0 {
		t.Errorf("the private target was reached %d times", n)
	}
}

// TestFetchRefusesPrivate: with the real policy and no AllowPrivate, none
// of these may open a connection.
func TestFetchRefusesPrivate(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "secret")
	}), false)
	p := s.port
	f := newFetcher(t, FetchOptions{Resolve: []string{"shop.test:" + p + ":127.0.0.1", "v6.test:" + p + ":[::1]"}})
	lookups := 0
	f.lookup = func(_ context.Context, host string) ([]netip.Addr, error) {
		lookups++
		switch host {
		case "rebind.test":
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		case "v4mapped.test":
			return []netip.Addr{netip.MustParseAddr("::ffff:127.0.0.1")}, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	for _, u := range []string{
		"http://127.0.0.1:" + p + "/",
		"http://[::1]:" + p + "/",
		"http://0x7f000001:" + p + "/",
		"http://2130706433:" + p + "/",
		"http://2130706433/",
		"http://0177.0.0.1:" + p + "/",
		"http://127.1:" + p + "/",
		"http://127.0.0.1.:" + p + "/",
		"http://[::ffff:127.0.0.1]:" + p + "/",
		"http://[::ffff:7f00:1]:" + p + "/",
		"http://[64:ff9b::7f00:1]:" + p + "/",
		"http://169.254.169.254/latest/meta-data/",
		"http://0xa9fea9fe/latest/meta-data/",
		"http://10.0.0.1/",
		"http://0.0.0.0:" + p + "/",
		"http://localhost:" + p + "/",
		"http://LOCALHOST.:" + p + "/",
		"http://shop.localhost:" + p + "/",
		"https://localhost/",
		"http://shop.test:" + p + "/",
		"http://v6.test:" + p + "/",
		"http://rebind.test:" + p + "/",
		"http://v4mapped.test:" + p + "/",
	} {
		resp, err := f.Fetch(context.Background(), Request{URL: u})
		e := wantCode(t, u, err, CodeBlockedAddress)
		if resp != nil {
			t.Errorf("%s: got a response %+v", u, resp)
		}
		if host := strings.Split(u, "/")[2]; strings.HasSuffix(host, ".test:"+p) && e != nil && !strings.Contains(e.Msg, strings.TrimSuffix(host, ":"+p)+": it leads to") {
			t.Errorf("%s: %q does not say which name led there", u, e.Msg)
		}
	}
	if n := s.conns.Load(); n != 0 {
		t.Errorf("the server accepted %d connections; refused fetches must not connect", n)
	}
	if lookups != 2 {
		t.Errorf("%d DNS lookups, want 2 (localhost names and IPs must not be looked up)", lookups)
	}

	_, err := f.Fetch(context.Background(), Request{URL: "http://nx.test/"})
	if e := wantCode(t, "unknown name", err, CodeDNS); e != nil && e.Msg != "could not resolve nx.test: no such host" {
		t.Errorf("DNS message %q", e.Msg)
	}

	// The same fetcher with AllowPrivate reaches the server.
	f2 := newFetcher(t, FetchOptions{AllowPrivate: true, Resolve: []string{"shop.test:" + p + ":127.0.0.1"}})
	// Names under localhost are loopback without asking DNS (RFC 6761),
	// as curl and browsers read them: the test's DNS knows localhost alone.
	lookups = 0
	f2.lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
		lookups++
		return f.lookup(ctx, host)
	}
	for _, u := range []string{"http://0x7f000001:" + p + "/", "http://127.1:" + p + "/", "http://shop.test:" + p + "/", "http://localhost:" + p + "/",
		"http://shop7.localhost:" + p + "/", "http://A.B.LocalHost.:" + p + "/"} {
		resp, err := f2.Fetch(context.Background(), Request{URL: u})
		if err != nil {
			t.Errorf("%s with AllowPrivate: %v", u, err)
			continue
		}
		if string(resp.Body) != "secret" {
			t.Errorf("%s: body %q", u, resp.Body)
		}
		if strings.Contains(u, "0x7f") && !strings.HasPrefix(resp.URL, "http://127.0.0.1:") {
			t.Errorf("odd IPv4 spelling not rewritten: %s", resp.URL)
		}
	}
	if lookups != 0 {
		t.Errorf("%d DNS lookups with AllowPrivate, want none (localhost names, IPs and --resolve)", lookups)
	}
}

func TestFetchBadTargets(t *testing.T) {
	f := newFetcher(t, FetchOptions{})
	for u, code := range map[string]string{
		"ftp://files.example/":        CodeUnsupportedScheme,
		"file:///etc/passwd":          CodeUnsupportedScheme,
		"javascript:alert(1)":         CodeUnsupportedScheme,
		"data:text/html,<p>x</p>":     CodeUnsupportedScheme,
		"shop.example/no-scheme":      CodeInvalidTarget,
		"http://":                     CodeInvalidTarget,
		"http://1.2.3.256/":           CodeInvalidTarget,
		"http://shop.example:99999/":  CodeInvalidTarget,
		"http://[::1/":                CodeInvalidTarget,
		"http://exa mple.com/":        CodeInvalidTarget,
		"http://shop.example/%zz":     CodeInvalidTarget,
		"HTTP://127.0.0.1/upper-case": CodeBlockedAddress,
	} {
		_, err := f.Fetch(context.Background(), Request{URL: u})
		wantCode(t, u, err, code)
	}
}

func TestNewHTTPFetcherOptions(t *testing.T) {
	for _, o := range []FetchOptions{{Timeout: -1}, {MaxBody: -1}, {MaxRedirects: -1}, {PerHost: -1}, {Rate: -1}} {
		if _, err := NewHTTPFetcher(o); err == nil {
			t.Errorf("NewHTTPFetcher(%+v) accepted a negative option", o)
		}
	}
	f := newFetcher(t, FetchOptions{})
	if f.opt.Timeout != DefaultTimeout || f.opt.MaxBody != DefaultMaxBody || f.opt.MaxRedirects != DefaultMaxRedirects ||
		f.opt.PerHost != DefaultPerHost || f.limiter != nil || f.opt.UserAgent != DefaultUserAgent {
		t.Errorf("defaults not applied: %+v", f.opt)
	}
}

// TestFetchDrip: a server that sends the start of a page and then one byte
// a second must be cut at Timeout; what arrived is returned, truncated.
func TestFetchDrip(t *testing.T) {
	var finished atomic.Bool
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "10000")
		fmt.Fprint(w, "<html><title>drip</title>")
		w.(http.Flusher).Flush()
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for i := 0; i < 10000; i++ {
			select {
			case <-r.Context().Done():
				return // cut off by the client: not finished
			case <-tick.C:
				w.Write([]byte("x"))
				w.(http.Flusher).Flush()
			}
		}
		finished.Store(true)
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Timeout: time.Second})
	start := time.Now()
	resp, err := f.Fetch(context.Background(), Request{URL: s.URL})
	elapsed := time.Since(start)
	if err != nil {
		t.Fatalf("drip with a partial page: %v; want the partial page", err)
	}
	if finished.Load() {
		t.Fatal("the server finished: the fetch did not cut the drip")
	}
	if resp.Truncated || resp.Cut == "" || !strings.HasPrefix(string(resp.Body), "<html><title>drip</title>") || len(resp.Body) >= 10000 {
		t.Errorf("partial page: truncated %v (want false: not the cap), cut %q, body %q", resp.Truncated, resp.Cut, resp.Body)
	}
	t.Logf("drip aborted after %v (Timeout 1s), %d bytes kept", elapsed, len(resp.Body))
}

// TestFetchSilence: servers that accept and then never answer, answer
// headers only, or drip the status line, must end at Timeout with code
// timeout.
func TestFetchSilence(t *testing.T) {
	// Headers, then nothing.
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100")
		w.WriteHeader(200)
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Timeout: 500 * time.Millisecond})
	_, err := f.Fetch(context.Background(), Request{URL: s.URL})
	wantCode(t, "headers then silence", err, CodeTimeout)

	// Raw TCP: accept and say nothing; accept and drip the status line.
	for name, talk := range map[string]func(net.Conn){
		"never answers": func(c net.Conn) {},
		"drips the status line": func(c net.Conn) {
			// Only once the request is in: a byte sent before it would be
			// an unsolicited answer (an error of its own, not a timeout).
			r := bufio.NewReader(c)
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == "\r\n" {
					break
				}
			}
			for _, b := range []byte("HTTP/1.1 200 OK\r\n") {
				if _, err := c.Write([]byte{b}); err != nil {
					return
				}
				time.Sleep(200 * time.Millisecond)
			}
		},
	} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		wg.Go(func() {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
			talk(c)
			io.Copy(io.Discard, c) // until the client hangs up
		})
		start := time.Now()
		_, err = f.Fetch(context.Background(), Request{URL: "http://" + ln.Addr().String() + "/"})
		e := wantCode(t, name, err, CodeTimeout)
		if e != nil {
			t.Logf("%s: %v after %v", name, e.Msg, time.Since(start))
		}
		ln.Close()
		wg.Wait()
	}
}

// TestFetchCancel: cancelling ctx ends a fetch at once, even with a long
// Timeout.
func TestFetchCancel(t *testing.T) {
	arrived := make(chan struct{})
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(arrived)
		<-r.Context().Done()
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Timeout: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-arrived; cancel() }()
	_, err := f.Fetch(ctx, Request{URL: s.URL})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want one wrapping context.Canceled", err)
	}
	// A ctx that has run out gives code timeout.
	ctx, cancel2 := context.WithTimeout(context.Background(), 0)
	defer cancel2()
	_, err = f.Fetch(ctx, Request{URL: s.URL + "/again"})
	wantCode(t, "expired ctx", err, CodeTimeout)
}

// allocDuring reports the bytes allocated (cumulative, so an upper bound
// of the peak) while fn runs.
func allocDuring(fn func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestFetchHugeBody: a 200 MB body is read only up to MaxBody; the rest is
// never read, and memory stays near MaxBody.
func TestFetchHugeBody(t *testing.T) {
	const total = 200 << 20
	var written atomic.Int64
	done := make(chan struct{})
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(done)
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(total))
		chunk := bytes.Repeat([]byte("<p>0123456789</p>\n"), 2048)
		for written.Load() < total {
			n, err := w.Write(chunk[:min(len(chunk), int(total-written.Load()))])
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, MaxBody: 5 << 20})
	var resp *Response
	var err error
	alloc := allocDuring(func() { resp, err = f.Fetch(context.Background(), Request{URL: s.URL}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Body) != 5<<20 || !resp.Truncated || !resp.Exchanges[0].Truncated {
		t.Errorf("body %d bytes, truncated %v; want %d, true", len(resp.Body), resp.Truncated, 5<<20)
	}
	<-done // the server gives up once the connection is closed
	if alloc > 30<<20 {
		t.Errorf("allocated %d MiB for a 5 MiB cap", alloc>>20)
	}
	if w := written.Load(); w >= total/2 {
		t.Errorf("the server wrote %d MiB: the rest of the body was read", w>>20)
	}
	t.Logf("200 MB body: %d bytes kept, %.1f MiB allocated, server wrote %.1f MiB before the connection closed",
		len(resp.Body), float64(alloc)/(1<<20), float64(written.Load())/(1<<20))
}

// gzipBomb is 1 GiB of zeros, gzipped (about 1.3 MB), made once.
var gzipBomb = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestSpeed)
	zeros := make([]byte, 1<<20)
	for range 1024 {
		w.Write(zeros)
	}
	w.Close()
	return b.Bytes()
})

func TestFetchGzipBomb(t *testing.T) {
	bomb := gzipBomb()
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "no gzip", 400)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		switch r.URL.Path {
		case "/not-gzip":
			w.Write([]byte("not gzip at all"))
			return
		case "/corrupt":
			w.Write([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xff\xff\xff\xff\xff"))
			return
		}
		w.Write(bomb)
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, MaxBody: 5 << 20})
	var resp *Response
	var err error
	alloc := allocDuring(func() { resp, err = f.Fetch(context.Background(), Request{URL: s.URL}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Body) != 5<<20 || !resp.Truncated || resp.Body[len(resp.Body)-1] != 0 {
		t.Errorf("body %d bytes, truncated %v", len(resp.Body), resp.Truncated)
	}
	if resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("Content-Encoding %q kept; the body is already decoded", resp.Header.Get("Content-Encoding"))
	}
	if alloc > 30<<20 {
		t.Errorf("allocated %d MiB for a 5 MiB cap on a 1 GiB gzip bomb", alloc>>20)
	}
	t.Logf("gzip bomb (%d bytes -> 1 GiB): %d bytes kept, %.1f MiB allocated", len(bomb), len(resp.Body), float64(alloc)/(1<<20))

	for _, p := range []string{"/not-gzip", "/corrupt"} {
		_, err = f.Fetch(context.Background(), Request{URL: s.URL + p})
		wantCode(t, p, err, CodeRead)
	}
}

func TestFetchJunk(t *testing.T) {
	junk := readFixture(t, "hostile", "junk.bin")
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=shift_jis")
		w.Write(junk)
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true})
	resp, err := f.Fetch(context.Background(), Request{URL: s.URL})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(resp.Body, junk) || resp.Truncated {
		t.Errorf("junk body changed: %d bytes, truncated %v", len(resp.Body), resp.Truncated)
	}
	if text, _ := Decode(resp.Body, resp.ContentType); text == "" {
		t.Error("junk decoded to nothing")
	}
}

func TestFetchTLS(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "tls %s", r.Host)
	}), true)
	pool := x509.NewCertPool()
	pool.AddCert(s.Certificate())
	resolve := []string{"example.com:" + s.port + ":127.0.0.1", "shop.test:" + s.port + ":127.0.0.1"}

	f := newFetcher(t, FetchOptions{AllowPrivate: true, RootCAs: pool, Resolve: resolve})
	resp, err := f.Fetch(context.Background(), Request{URL: "https://example.com:" + s.port + "/"})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "tls example.com:"+s.port {
		t.Errorf("body %q", resp.Body)
	}

	// Name not on the certificate.
	_, err = f.Fetch(context.Background(), Request{URL: "https://shop.test:" + s.port + "/"})
	if e := wantCode(t, "wrong name", err, CodeTLS); e != nil && !strings.Contains(e.Msg, "not valid") {
		t.Errorf("message %q", e.Msg)
	}
	// Unknown authority.
	f = newFetcher(t, FetchOptions{AllowPrivate: true, Resolve: resolve})
	_, err = f.Fetch(context.Background(), Request{URL: "https://example.com:" + s.port + "/"})
	wantCode(t, "untrusted certificate", err, CodeTLS)

	// https to a server that speaks plain HTTP.
	plain := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), false)
	_, err = f.Fetch(context.Background(), Request{URL: "https://127.0.0.1:" + plain.port + "/"})
	wantCode(t, "https to plain HTTP", err, CodeTLS)
}

func TestFetchConnectRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, port, _ := net.SplitHostPort(addr)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Resolve: []string{"*:" + port + ":127.0.0.1"}})
	_, err = f.Fetch(context.Background(), Request{URL: "http://" + addr + "/"})
	if e := wantCode(t, "closed port", err, CodeConnect); e != nil && !strings.Contains(e.Msg, "connection refused") {
		t.Errorf("message %q", e.Msg)
	}
	// A name sent to the address (its requests made to the address, see
	// sharedLocal) is still the one the message names.
	_, err = f.Fetch(context.Background(), Request{URL: "http://shop.test:" + port + "/"})
	if e := wantCode(t, "closed port by name", err, CodeConnect); e != nil && e.Msg != "could not connect to shop.test ("+addr+"): connection refused" {
		t.Errorf("message %q", e.Msg)
	}
}

// raiseMax sets m to n when n is larger.
func raiseMax(m *atomic.Int64, n int64) {
	for {
		old := m.Load()
		if n <= old || m.CompareAndSwap(old, n) {
			return
		}
	}
}

// inFlightHandler keeps in maxSeen the most requests it had in flight at
// once, holds each (until waitFor requests were in flight at once, at most
// 5 s, when waitFor > 0: a barrier, not a sleep, so that on a busy machine
// requests that may overlap still do; else 50 ms, so that others queue),
// then answers.
func inFlightHandler(maxSeen, waitFor *atomic.Int64, answer func(http.ResponseWriter)) http.Handler {
	var inFlight atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raiseMax(maxSeen, inFlight.Add(1))
		defer inFlight.Add(-1)
		if want := waitFor.Load(); want > 0 {
			for end := time.Now().Add(5 * time.Second); maxSeen.Load() < want && time.Now().Before(end); {
				time.Sleep(time.Millisecond)
			}
		} else {
			time.Sleep(50 * time.Millisecond)
		}
		answer(w)
	})
}

// TestFetchPerHost checks that at most PerHost requests go to one host at
// once, and that a site on the loopback address written as such (a test
// server, a replay) is not held to it.
func TestFetchPerHost(t *testing.T) {
	var maxSeen, waitFor atomic.Int64
	s := newServer(t, inFlightHandler(&maxSeen, &waitFor, func(w http.ResponseWriter) { fmt.Fprint(w, "ok") }), false)
	u, err := url.Parse(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	named := "http://shop.example.jp:" + u.Port()
	local := "http://local.example.jp:" + u.Port()
	for _, tc := range []struct {
		base     string
		min, max int64
		barrier  int64
	}{
		{named, 1, 2, 0}, // a host name (found by DNS): two at a time
		{s.URL, 3, 8, 3}, // 127.0.0.1 itself: not held to PerHost (LocalPerPort: TestFetchLocalServerThatCloses)
		{local, 3, 8, 3}, // a name --resolve sends to 127.0.0.1: not held to PerHost either
	} {
		maxSeen.Store(0)
		waitFor.Store(tc.barrier)
		f := newFetcher(t, FetchOptions{AllowPrivate: true, PerHost: 2, Resolve: []string{"local.example.jp:" + u.Port() + ":127.0.0.1"}})
		f.lookup = func(context.Context, string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				if _, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/%d", tc.base, i)}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if m := maxSeen.Load(); m > tc.max || m < tc.min {
			t.Errorf("%s: %d requests in flight at once, want %d to %d", tc.base, m, tc.min, tc.max)
		}
		f.perHost.mu.Lock()
		left := len(f.perHost.m)
		f.perHost.mu.Unlock()
		if left != 0 {
			t.Errorf("%s: %d host entries left after all fetches", tc.base, left)
		}
	}
}

// TestFetchLocalServerThatCloses: a server on this machine that closes its
// connections gets one request more than its accept queue holds (the
// kernel's count, faked here) while connections wait in that queue, and
// more while none wait, however many names reach it; LocalPerPort when the
// queue cannot be read; no limit when the queue is long or the server
// keeps its connections.
func TestFetchLocalServerThatCloses(t *testing.T) {
	for _, c := range []struct {
		what     string
		closes   bool
		wildcard bool
		backlog  int // the accept queue's length; -1: cannot be read
		waiting  int // connections waiting in it whenever asked
		want     int // most requests at once; 0: six or more
	}{
		{"closes, queue of 2, falling behind", true, false, 2, 2, 3},
		{"closes, queue of 2, falling behind, *:PORT", true, true, 2, 5, 3},
		{"closes, queue of 2, keeping up", true, false, 2, 0, 8},
		{"closes, queue unknown (LocalPerPort 3)", true, false, -1, 0, 3},
		{"closes, queue of 4096", true, false, 4096, 0, 0},
		{"keeps its connections, queue of 2", false, false, 2, 0, 0},
	} {
		var maxSeen, waitFor atomic.Int64
		s := newServer(t, inFlightHandler(&maxSeen, &waitFor, func(w http.ResponseWriter) {
			if c.closes {
				w.Header().Set("Connection", "close")
			}
			fmt.Fprint(w, "ok")
		}), false)
		u, err := url.Parse(s.URL)
		if err != nil {
			t.Fatal(err)
		}
		// Eight names sent to the server one by one, or all by curl's
		// "*:PORT:ADDR": either way one server on this machine.
		resolve := []string{"*:" + u.Port() + ":127.0.0.1"}
		if !c.wildcard {
			resolve = nil
			for i := range 8 {
				resolve = append(resolve, fmt.Sprintf("shop%d.test:%s:127.0.0.1", i, u.Port()))
			}
		}
		f := newFetcher(t, FetchOptions{AllowPrivate: true, LocalPerPort: 3, Resolve: resolve})
		var asked atomic.Int64
		f.listen = func(port int) (acceptQueue, bool) {
			asked.Add(1)
			if strconv.Itoa(port) != u.Port() {
				t.Errorf("%s: queue asked for port %d", c.what, port)
			}
			return acceptQueue{backlog: c.backlog, waiting: c.waiting}, c.backlog >= 0
		}
		if _, err := f.Fetch(context.Background(), Request{URL: s.URL + "/first"}); err != nil {
			t.Fatal(err)
		}
		if n := asked.Load(); n > 1 {
			t.Errorf("%s: the accept queue was asked for %d times for one request, want at most once", c.what, n)
		}
		maxSeen.Store(0)
		waitFor.Store(int64(c.want)) // each request waits for the most allowed to be in flight
		if c.want == 0 {
			waitFor.Store(6)
		}
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				if _, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("http://shop%d.test:%s/%d", i, u.Port(), i)}); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		m := maxSeen.Load()
		if c.want > 0 && m != int64(c.want) {
			t.Errorf("%s: %d requests at once over eight names (--resolve %v), want %d", c.what, m, resolve, c.want)
		}
		if c.want == 0 && m < 6 {
			t.Errorf("%s: %d requests at once, want 6 or more", c.what, m)
		}
		if c.backlog < 0 || c.backlog >= localNoLimit || !c.closes {
			if n := asked.Load(); n > 1 {
				t.Errorf("%s: the accept queue was asked for %d times, want at most once (nothing to watch)", c.what, n)
			}
		}
	}
}

// TestFetchResolveWildcard: curl's "*:PORT:ADDR" sends every name at that
// port to ADDR, a name's own entry comes first, "-HOST:PORT" takes a name's
// entry back, and the address check applies to what the wildcard gives.
func TestFetchResolveWildcard(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "host "+r.Host)
	}), false)
	p := s.port
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Resolve: []string{
		"*:" + p + ":127.0.0.1",
		"elsewhere.test:" + p + ":127.0.0.2", // its own entry: not the wildcard's address
		"+expiring.test:" + p + ":127.0.0.1",
		"gone.test:" + p + ":127.0.0.1", "-gone.test:" + p, // removed: the wildcard's again
	}})
	f.allow = func(a netip.Addr) bool { return a == netip.MustParseAddr("127.0.0.1") }
	for _, host := range []string{"shop1.test", "Shop2.Example.", "ショップ.jp", "expiring.test", "gone.test"} {
		resp, err := f.Fetch(context.Background(), Request{URL: "http://" + host + ":" + p + "/"})
		if err != nil {
			t.Errorf("%s through *:%s: %v", host, p, err)
			continue
		}
		if !strings.HasPrefix(string(resp.Body), "host ") {
			t.Errorf("%s: body %q", host, resp.Body)
		}
	}
	_, err := f.Fetch(context.Background(), Request{URL: "http://elsewhere.test:" + p + "/"})
	wantCode(t, "a name with its own entry", err, CodeBlockedAddress)
	// Another port has no entry: DNS (which knows no such name here).
	_, err = f.Fetch(context.Background(), Request{URL: "http://shop1.test:1/"})
	wantCode(t, "a port the wildcard does not cover", err, CodeDNS)
	if n := s.reqs.Load(); n != 5 {
		t.Errorf("server saw %d requests, want 5", n)
	}

	// Without AllowPrivate the wildcard's loopback address is refused.
	f2 := newFetcher(t, FetchOptions{Resolve: []string{"*:" + p + ":127.0.0.1"}})
	_, err = f2.Fetch(context.Background(), Request{URL: "http://shop1.test:" + p + "/"})
	wantCode(t, "wildcard to loopback without --allow-private", err, CodeBlockedAddress)
}

// TestFetchLocalNamesShareConnections: the names that reach one server on
// this machine share its kept-alive connections (a harness that gives each
// target its own name made each target dial its own), while the server
// still sees each name in the Host header and the results keep the names.
func TestFetchLocalNamesShareConnections(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/go":
			// A cookie for the name, then a relative redirect: both
			// belong to the name, not to the address connected to.
			http.SetCookie(w, &http.Cookie{Name: "visit", Value: "1"})
			http.Redirect(w, r, "/landed", http.StatusFound)
			return
		case "/landed":
			if _, err := r.Cookie("visit"); err != nil {
				http.Error(w, "no cookie", http.StatusForbidden)
				return
			}
		}
		fmt.Fprint(w, "host "+r.Host)
	}), false)
	p := s.port
	for _, resolve := range [][]string{
		{"*:" + p + ":127.0.0.1"},
		{"a.test:" + p + ":127.0.0.1", "b.test:" + p + ":127.0.0.1", "c.test:" + p + ":127.0.0.1"},
		nil, // names under localhost
	} {
		s.conns.Store(0)
		f := newFetcher(t, FetchOptions{AllowPrivate: true, Resolve: resolve})
		names := []string{"a.test", "b.test", "c.test"}
		if resolve == nil {
			names = []string{"a.localhost", "b.localhost", "c.localhost"}
		}
		for i := range 9 {
			name := names[i%3]
			u := fmt.Sprintf("http://%s:%s/item/%d", name, p, i)
			resp, err := f.Fetch(context.Background(), Request{URL: u})
			if err != nil {
				t.Fatalf("%s (--resolve %v): %v", u, resolve, err)
			}
			if want := "host " + name + ":" + p; string(resp.Body) != want || resp.URL != u {
				t.Errorf("%s (--resolve %v): body %q at %s, want %q at the URL asked", u, resolve, resp.Body, resp.URL, want)
			}
		}
		resp, err := f.Fetch(context.Background(), Request{URL: "http://" + names[1] + ":" + p + "/go"})
		if err != nil {
			t.Fatal(err)
		}
		if want := "http://" + names[1] + ":" + p + "/landed"; resp.URL != want || resp.Status != http.StatusOK {
			t.Errorf("redirect landed at %s (%d), want %s (200: its cookie sent)", resp.URL, resp.Status, want)
		}
		if n := s.conns.Load(); n != 1 {
			t.Errorf("--resolve %v: three names, ten requests one after another: %d connections, want 1", resolve, n)
		}
	}
}

// TestSharedLocal: which URL the transport is given for a page of a server
// on this machine.
func TestSharedLocal(t *testing.T) {
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Resolve: []string{
		"*:8080:127.0.0.1", "six.test:8080:[::1]", "two.test:8080:127.0.0.1,::1", "ip.test:8443:127.0.0.2",
		"localhost:9001:127.0.0.3",
	}})
	for _, c := range []struct{ in, want string }{
		{"http://shop1.test:8080/a?b=c#d", "http://127.0.0.1:8080/a?b=c#d"},
		{"http://six.test:8080/", "http://[::1]:8080/"},
		{"http://two.test:8080/", "http://two.test:8080/"}, // the dialler tries both in turn
		{"http://ip.test:8443/", "http://127.0.0.2:8443/"},
		{"https://ip.test:8443/", "https://ip.test:8443/"}, // the certificate names the host
		{"http://shop.localhost:9000/x", "http://localhost:9000/x"},
		{"http://shop.localhost:9001/x", "http://shop.localhost:9001/x"}, // localhost itself goes elsewhere there
		{"http://127.0.0.1:9000/", "http://127.0.0.1:9000/"},
	} {
		u, err := url.Parse(c.in)
		if err != nil {
			t.Fatal(err)
		}
		host, port := canonicalHost(u.Hostname()), portOf(u)
		e, ok := f.override(host, port)
		got := f.sharedLocal(u, host, port, e, ok)
		if got.String() != c.want {
			t.Errorf("sharedLocal(%s) = %s, want %s", c.in, got, c.want)
		}
		if u.String() != c.in {
			t.Errorf("sharedLocal changed its argument to %s", u)
		}
	}
}

func TestHostSlots(t *testing.T) {
	h := &hostSlots{n: 2, m: map[string]*hostSlot{}}
	ctx := context.Background()
	r1, err1 := h.acquire(ctx, "a.example")
	r2, err2 := h.acquire(ctx, "a.example")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	// Another host is not held up.
	r3, err := h.acquire(ctx, "b.example")
	if err != nil {
		t.Fatal(err)
	}
	r3()
	// A third for a.example waits; cancelling gives up.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := h.acquire(cctx, "a.example"); err == nil {
		t.Fatal("third slot granted while two are held")
	}
	got := make(chan error)
	go func() {
		r, err := h.acquire(ctx, "a.example")
		if err == nil {
			r()
		}
		got <- err
	}()
	r1()
	if err := <-got; err != nil {
		t.Fatal(err)
	}
	r2()
	if len(h.m) != 0 {
		t.Errorf("entries left: %v", h.m)
	}
}

func TestLimiter(t *testing.T) {
	now := time.Unix(1000, 0)
	l := newLimiter(10, func() time.Time { return now })
	for i, want := range []time.Duration{0, 100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond} {
		if got := l.reserve(); got != want {
			t.Errorf("reservation %d waits %v, want %v", i, got, want)
		}
	}
	now = now.Add(time.Second) // idle: no burst saved up beyond one
	if got := l.reserve(); got != 0 {
		t.Errorf("after idle: wait %v, want 0", got)
	}
	if got := l.reserve(); got != 100*time.Millisecond {
		t.Errorf("after idle, second: wait %v, want 100ms", got)
	}

	slow := newLimiter(0.001, time.Now) // one request in 1000 s
	if err := slow.wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := slow.wait(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("wait on a cancelled ctx: %v", err)
	}
	var none *limiter
	if err := none.wait(context.Background()); err != nil {
		t.Errorf("nil limiter: %v", err)
	}

	// Through the fetcher: a fetch waiting for its turn ends with ctx.
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Rate: 0.001})
	if _, err := f.Fetch(context.Background(), Request{URL: s.URL}); err != nil {
		t.Fatal(err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := f.Fetch(ctx, Request{URL: s.URL})
	wantCode(t, "rate-limited fetch past its deadline", err, CodeTimeout)
	if n := s.reqs.Load(); n != 1 {
		t.Errorf("server saw %d requests, want 1 (the second must wait its turn)", n)
	}
}

// TestFetchUserinfoNotSent: a URL's user and password (in a phishing link,
// the disguise: www.smbc.co.jp@kit.example) are not sent to the server
// unasked, as a browser sends none (QA rev24: the kit got an Authorization
// header and could tell a scanner from a victim).
func TestFetchUserinfoNotSent(t *testing.T) {
	var auth string
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth = r.Header.Get("Authorization")
		fmt.Fprint(w, "<title>ok</title>")
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true})
	u := strings.Replace(s.URL, "http://", "http://www.smbc.co.jp:x@", 1)
	if _, err := f.Fetch(context.Background(), Request{URL: u}); err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		t.Errorf("server saw Authorization %q, want none", auth)
	}
	sharedHeadersUntouched(t, f)
}

// sharedHeadersUntouched fails when a request wrote into the headers that
// every request of the fetcher shares (a Referer, Basic auth or a cookie
// must go into a copy).
func sharedHeadersUntouched(t *testing.T, f *HTTPFetcher) {
	t.Helper()
	for i, ua := range []string{f.opt.UserAgent, f.opt.MobileUserAgent} {
		h := f.headers[i]
		if len(h) != 4 || h.Get("User-Agent") != ua || h.Get("Accept") == "" || h.Get("Accept-Language") == "" || h.Get("Accept-Encoding") != "gzip" {
			t.Errorf("shared headers %d changed: %v", i, h)
		}
	}
}

// listenLocal listens on a port of 127.0.0.1 until the test ends.
func listenLocal(tb testing.TB) net.Listener {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ln.Close() })
	return ln
}

// serveTCP listens as listenLocal does and hands each connection to handle,
// in a goroutine of its own (fake servers of raw protocols).
func serveTCP(tb testing.TB, handle func(net.Conn)) net.Listener {
	tb.Helper()
	ln := listenLocal(tb)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go handle(c)
		}
	}()
	return ln
}

// TestFetchDeflate: a body a browser decodes (deflate as zlib data or
// raw, gzip the transport did not ask for) is read decoded, capped after
// decoding, and its headers no longer claim an encoding.
func TestFetchDeflate(t *testing.T) {
	page := []byte(`<html><head><title>激安ストア</title></head><body><p>お支払い方法：銀行振込のみ</p></body></html>`)
	enc := map[string][]byte{}
	var b bytes.Buffer
	zw := zlib.NewWriter(&b)
	zw.Write(page)
	zw.Close()
	enc["/zlib"] = append([]byte(nil), b.Bytes()...)
	b.Reset()
	fw, _ := flate.NewWriter(&b, flate.BestSpeed)
	fw.Write(page)
	fw.Close()
	enc["/raw"] = append([]byte(nil), b.Bytes()...)
	b.Reset()
	gw := gzip.NewWriter(&b)
	gw.Write(page)
	gw.Close()
	enc["/gzip-unasked"] = append([]byte(nil), b.Bytes()...)
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/empty" {
			w.Header().Set("Content-Encoding", "deflate")
			return // an empty body claiming an encoding: a blank page, no error
		}
		if r.URL.Path == "/gzip-unasked" {
			w.Header().Set("Content-Encoding", "gzip")
		} else {
			w.Header().Set("Content-Encoding", "deflate")
		}
		w.Write(enc[r.URL.Path])
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, MaxBody: 5 << 20})
	for _, path := range []string{"/zlib", "/raw"} {
		resp, err := f.Fetch(context.Background(), Request{URL: s.URL + path})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !bytes.Equal(resp.Body, page) || resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: body %q, Content-Encoding %q; want the page decoded", path, resp.Body, resp.Header.Get("Content-Encoding"))
		}
	}
	if resp, err := f.Fetch(context.Background(), Request{URL: s.URL + "/empty"}); err != nil || len(resp.Body) != 0 || resp.Truncated {
		t.Errorf("an empty deflate body: %v, %+v", err, resp)
	}
	// gzip that the transport did not ask for: undecoded by it.
	tr := &http.Transport{DisableCompression: true}
	defer tr.CloseIdleConnections()
	req, _ := http.NewRequest("GET", s.URL+"/gzip-unasked", nil)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _, _ := readCapped(decodedBody(resp), 1<<20, -1)
	resp.Body.Close()
	if !bytes.Equal(body, page) {
		t.Errorf("unasked gzip: body %q, want the page", body)
	}
}

// TestFetchSlowHost: once a request to a host has run out of time, the
// host's later requests get a third of --timeout, so that a host that
// hangs holds its slots for less while other targets on it wait; other
// hosts keep the full --timeout.
func TestFetchSlowHost(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/hang" {
			<-r.Context().Done()
			return
		}
		io.WriteString(w, "<p>ok</p>")
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Timeout: 600 * time.Millisecond})
	key := "127.0.0.1:" + s.port
	if got := f.requestTimeout(key); got != 600*time.Millisecond {
		t.Fatalf("before any timeout: %v", got)
	}
	if _, err := f.Fetch(context.Background(), Request{URL: s.URL + "/ok"}); err != nil {
		t.Fatal(err)
	}
	if got := f.requestTimeout(key); got != 600*time.Millisecond {
		t.Errorf("after an answer: %v, want the full timeout", got)
	}
	_, err := f.Fetch(context.Background(), Request{URL: s.URL + "/hang"})
	wantCode(t, "hanging request", err, CodeTimeout)
	if got := f.requestTimeout(key); got != 200*time.Millisecond {
		t.Errorf("after a timeout: %v, want a third of it", got)
	}
	if got := f.requestTimeout("other.example:443"); got != 600*time.Millisecond {
		t.Errorf("another host: %v, want the full timeout", got)
	}
	// A check that ran out of its own time (the site's deadline, an
	// interrupt) says nothing of the host.
	f2 := newFetcher(t, FetchOptions{AllowPrivate: true, Timeout: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	f2.Fetch(ctx, Request{URL: s.URL + "/hang"})
	if got := f2.requestTimeout(key); got != 5*time.Second {
		t.Errorf("after the caller's deadline: %v, want the full timeout", got)
	}
}

// TestFetchBrotliZstdLayers: brotli and zstd (which browsers undo) and
// layers of coding (gzip, gzip) are read decoded; a kit that sent brotli
// read as an empty page to every content sign (QA rev24). A brotli bomb
// costs MaxBody.
func TestFetchBrotliZstdLayers(t *testing.T) {
	page := []byte(`<html><head><title>激安ストア</title></head><body><p>お支払い方法：銀行振込のみ</p></body></html>`)
	gz := func(b []byte) []byte {
		var out bytes.Buffer
		w := gzip.NewWriter(&out)
		w.Write(b)
		w.Close()
		return out.Bytes()
	}
	var b bytes.Buffer
	bw := brotli.NewWriter(&b)
	bw.Write(page)
	bw.Close()
	enc := map[string][]byte{"/br": append([]byte(nil), b.Bytes()...)}
	b.Reset()
	zw, _ := zstd.NewWriter(&b)
	zw.Write(page)
	zw.Close()
	enc["/zstd"] = append([]byte(nil), b.Bytes()...)
	enc["/gzip-gzip"] = gz(gz(page))
	b.Reset()
	bw = brotli.NewWriterLevel(&b, brotli.BestSpeed)
	zero := make([]byte, 1<<20)
	for range 64 { // 64 MiB of zeros
		bw.Write(zero)
	}
	bw.Close()
	enc["/br-bomb"] = append([]byte(nil), b.Bytes()...)
	codings := map[string]string{"/br": "br", "/zstd": "zstd", "/gzip-gzip": "gzip, gzip", "/br-bomb": "br"}
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", codings[r.URL.Path])
		w.Write(enc[r.URL.Path])
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, MaxBody: 1 << 20})
	for _, path := range []string{"/br", "/zstd", "/gzip-gzip"} {
		resp, err := f.Fetch(context.Background(), Request{URL: s.URL + path})
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !bytes.Equal(resp.Body, page) || resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s: body %q, Content-Encoding %q; want the page decoded", path, resp.Body, resp.Header.Get("Content-Encoding"))
		}
	}
	resp, err := f.Fetch(context.Background(), Request{URL: s.URL + "/br-bomb"})
	if err != nil || len(resp.Body) != 1<<20 || !resp.Truncated {
		t.Errorf("brotli bomb: %v, %d bytes, truncated %v; want 1 MiB and truncated", err, len(resp.Body), resp != nil && resp.Truncated)
	}
}

// TestFetchCutShortSaysWhy: a body the server stops sending (a stall past
// --timeout, a connection closed early) is kept as read and marked with
// why, unlike a page cut at the byte cap (QA rev24: an 18-byte read of a
// stalled page was called too large), and not marked truncated, which the
// contract keeps for the cap (rev25 audit).
func TestFetchCutShortSaysWhy(t *testing.T) {
	s := newServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		switch r.URL.Path {
		case "/stall":
			w.Header().Set("Content-Length", "10000")
			w.Write([]byte("<title>stalled</title>"))
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		case "/big":
			w.Write(bytes.Repeat([]byte("a"), 4096))
		}
	}), false)
	f := newFetcher(t, FetchOptions{AllowPrivate: true, Timeout: 500 * time.Millisecond, MaxBody: 1024})
	resp, err := f.Fetch(context.Background(), Request{URL: s.URL + "/stall"})
	if err != nil || resp.Truncated || resp.Cut == "" || !strings.Contains(string(resp.Body), "stalled") {
		t.Errorf("stalled: %v, truncated %v, cut %q", err, resp != nil && resp.Truncated, resp.Cut)
	}
	resp, err = f.Fetch(context.Background(), Request{URL: s.URL + "/big"})
	if err != nil || !resp.Truncated || resp.Cut != "" {
		t.Errorf("over the cap: %v, truncated %v, cut %q; want truncated, no cut", err, resp.Truncated, resp.Cut)
	}
}

// TestReadCappedAtTheLimit: a body one byte over the limit is cut and
// marked, whether the last byte comes with the end or before it (rev25
// audit: 4097 bytes at --max-body 4096 were kept whole).
func TestReadCappedAtTheLimit(t *testing.T) {
	const limit = 4096
	for _, n := range []int{limit - 1, limit, limit + 1, limit + 2, 3 * limit} {
		for _, r := range []struct {
			name string
			wrap func(io.Reader) io.Reader
		}{
			{"plain", func(r io.Reader) io.Reader { return r }},
			{"data with EOF", iotest.DataErrReader},
			{"one byte a read", iotest.OneByteReader},
		} {
			for _, hint := range []int64{-1, int64(n)} {
				body, truncated, err := readCapped(r.wrap(bytes.NewReader(make([]byte, n))), limit, hint)
				want := min(n, limit)
				if err != nil || len(body) != want || truncated != (n > limit) {
					t.Errorf("%d bytes, %s, hint %d: got %d bytes, truncated %v, err %v; want %d, %v", n, r.name, hint, len(body), truncated, err, want, n > limit)
				}
			}
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(make([]byte, limit+1))
	}))
	defer srv.Close()
	f := newFetcher(t, FetchOptions{AllowPrivate: true, MaxBody: limit})
	resp, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/"})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Body) != limit || !resp.Truncated {
		t.Errorf("a %d-byte page at --max-body %d: %d bytes, truncated %v", limit+1, limit, len(resp.Body), resp.Truncated)
	}
}
