package checker

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/internal/evidence"
	"github.com/shopcheck/shopcheck/rules"
)

// fixedWhois answers every lookup with one registration date.
type fixedWhois struct {
	created time.Time
	calls   atomic.Int32
}

func (f *fixedWhois) Lookup(_ context.Context, domain string) (*rules.Whois, error) {
	f.calls.Add(1)
	return &rules.Whois{Created: f.created, Registrar: "Test Registrar", Server: "whois.test:43",
		Raw: "Domain Name: " + domain + "\nCreated: " + f.created.Format(time.RFC3339) + "\n"}, nil
}

// offline fails the test on any fetch or WHOIS query: an offline re-check
// must not use the network.
type offline struct{ t *testing.T }

func (o offline) Fetch(_ context.Context, r Request) (*Response, error) {
	o.t.Errorf("offline re-check fetched %s", r.URL)
	return nil, Errorf(CodeConnect, "no network in this test")
}

func (o offline) Lookup(_ context.Context, d string) (*rules.Whois, error) {
	o.t.Errorf("offline re-check asked WHOIS about %s", d)
	return nil, nil
}

// fixtureSite serves a testdata folder: "/" redirects to /index.html, a
// file NAME.mobile.html is what a smartphone gets for NAME.html, a file
// CHARSET names the charset for the Content-Type header, and {{IP}} in a
// page is replaced by the visitor's address.
func fixtureSite(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	charset := ""
	if b, err := os.ReadFile(filepath.Join(dir, "CHARSET")); err == nil {
		charset = strings.TrimSpace(string(b))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, "/index.html", http.StatusFound)
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/")
		if strings.Contains(name, "..") || name == "CHARSET" {
			http.NotFound(w, r)
			return
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if isMobileUA(r.UserAgent()) {
			if m := strings.TrimSuffix(file, ".html") + ".mobile.html"; fileExists(m) {
				file = m
			}
		}
		body, err := os.ReadFile(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		body = []byte(strings.ReplaceAll(string(body), "{{IP}}", host))
		ct := "text/html"
		if charset != "" {
			ct += "; charset=" + charset
		}
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

// liveAndOffline checks url live with evidence kept, then re-checks the
// WARC file offline with another clock, and returns both results.
func liveAndOffline(t *testing.T, target string, resolve []string, opts Options) (live, off *Result, file string) {
	t.Helper()
	dir := t.TempDir()
	rec, err := NewWARCRecorder(dir)
	if err != nil {
		t.Fatal(err)
	}
	rec.SetCrawlOptions(opts.MaxPages, opts.Mobile, opts.NoCloaking)
	f, err := NewHTTPFetcher(FetchOptions{Timeout: 5 * time.Second, AllowPrivate: true, Resolve: resolve})
	if err != nil {
		t.Fatal(err)
	}
	capture := time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)
	opts.Now = func() time.Time { return capture }
	opts.SiteTimeout = 20 * time.Second
	w := &fixedWhois{created: capture.AddDate(0, 0, -20)}
	live = New(opts, f, w, rec).Check(context.Background(), target)
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	entries, problems, err := evidence.ReadManifest(dir)
	if err != nil || len(problems) > 0 || len(entries) != 1 {
		t.Fatalf("manifest: %v %v %d", err, problems, len(entries))
	}
	file = filepath.Join(dir, entries[0].File)

	// The re-check runs two years later, with default options and no
	// network; the capture's clock and options must be the ones used.
	later := func() time.Time { return capture.AddDate(2, 0, 0) }
	o := offline{t}
	off = New(Options{Now: later}, o, o, nil).Check(context.Background(), file)
	return live, off, file
}

// sameVerdict compares everything the offline re-check must reproduce.
func sameVerdict(t *testing.T, live, off *Result, file string, fullSigns bool) {
	t.Helper()
	if off.Target != file {
		t.Errorf("offline target %q, want the file %q", off.Target, file)
	}
	if got, want := signIDs(off), signIDs(live); !reflect.DeepEqual(got, want) {
		t.Errorf("offline signs %v, live %v", got, want)
	}
	if off.Risk != live.Risk || off.Score != live.Score {
		t.Errorf("offline risk %s (%d), live %s (%d)", off.Risk, off.Score, live.Risk, live.Score)
	}
	if fullSigns && !reflect.DeepEqual(off.Signs, live.Signs) {
		t.Errorf("offline signs differ in detail:\n%+v\n%+v", off.Signs, live.Signs)
	}
	if off.URL != live.URL || off.Domain != live.Domain || off.CheckedAt != live.CheckedAt ||
		!reflect.DeepEqual(off.Redirects, live.Redirects) || !reflect.DeepEqual(off.Pages, live.Pages) ||
		!reflect.DeepEqual(off.Whois, live.Whois) || !reflect.DeepEqual(off.Error, live.Error) {
		t.Errorf("offline result differs:\n off %s %s %v %v %+v %+v %+v\nlive %s %s %v %v %+v %+v %+v",
			off.URL, off.CheckedAt, off.Redirects, off.Pages, off.Whois, off.Error, off.Clues,
			live.URL, live.CheckedAt, live.Redirects, live.Pages, live.Whois, live.Error, live.Clues)
	}
}

func TestOfflineRecheckMatchesLive(t *testing.T) {
	tests := []struct {
		name      string
		dir       string
		opts      Options
		wantSigns []string
		fullSigns bool
		bare      bool
	}{
		// Shift_JIS pages, a redirect at the start, a crawl of the guide
		// and disclosure pages, a 20-day-old domain.
		{"fake shop in Shift_JIS", "../testdata/sites/fake-sjis", Options{}, []string{"payment-transfer-only", "domain-new"}, true, false},
		// The desktop sees an nginx page, the smartphone the shop.
		{"cloaked shop", "../testdata/fluent/cloaked", Options{}, []string{"cloaking"}, true, false},
		// The same shop checked as a smartphone only (--mobile): no
		// desktop exchange in the file.
		{"smartphone only", "../testdata/fluent/cloaked", Options{Mobile: true}, []string{"domain-new"}, true, false},
		{"honest company", "../testdata/sites/honest-company", Options{MaxPages: 3}, nil, true, false},
		// A bare domain: https first, then http.
		{"bare domain", "../testdata/sites/fake-utf8", Options{}, []string{"payment-transfer-only"}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := fixtureSite(t, tt.dir)
			port := srv.Listener.Addr().(*net.TCPAddr).Port
			target := fmt.Sprintf("http://shop.test:%d/", port)
			if tt.bare {
				target = fmt.Sprintf("shop.test:%d", port) // https fails (a plain HTTP server), then http
			}
			live, off, file := liveAndOffline(t, target, []string{fmt.Sprintf("shop.test:%d:127.0.0.1", port)}, tt.opts)
			if live.Error != nil {
				t.Fatalf("live check failed: %+v", live.Error)
			}
			ids := " " + strings.Join(signIDs(live), " ") + " "
			for _, id := range tt.wantSigns {
				if !strings.Contains(ids, " "+id+" ") {
					t.Errorf("live check lacks %s (got%s): the fixture does not test what it should", id, ids)
				}
			}
			if tt.name == "fake shop in Shift_JIS" && (len(live.Redirects) == 0 || len(live.Pages) < 2) {
				t.Errorf("live: redirects %v, %d pages: want a redirect and a crawl", live.Redirects, len(live.Pages))
			}
			sameVerdict(t, live, off, file, tt.fullSigns)

			// The manifest's page digests are the result's.
			rep, err := evidence.Verify(filepath.Dir(file))
			if err != nil || !rep.OK() {
				t.Fatalf("verify: %v %+v", err, rep)
			}
		})
	}
}

// The visitor's own address echoed on a one-click page.
func TestOfflineRecheckOneclick(t *testing.T) {
	dir := t.TempDir()
	page, err := os.ReadFile("../testdata/phishing/oneclick/index.html")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(strings.ReplaceAll(string(page), "203.0.113.45", "{{IP}}")), 0o644)
	srv := fixtureSite(t, dir)
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	target := fmt.Sprintf("http://adult-douga.test:%d/", port)
	live, off, file := liveAndOffline(t, target, []string{fmt.Sprintf("adult-douga.test:%d:127.0.0.1", port)}, Options{})
	if !strings.Contains(strings.Join(signIDs(live), " "), "oneclick-billing") {
		t.Fatalf("live signs %v lack oneclick-billing", signIDs(live))
	}
	sameVerdict(t, live, off, file, false)
}

// A target that could not be reached is re-checked to the same error and
// risk: its URL signs and WHOIS still count.
func TestOfflineRecheckUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close() // nothing listens there now: connection refused
	target := fmt.Sprintf("http://gone.test:%d/", port)
	live, off, file := liveAndOffline(t, target, []string{fmt.Sprintf("gone.test:%d:127.0.0.1", port)}, Options{})
	if live.Error == nil || live.Error.Code != CodeConnect {
		t.Fatalf("live error %+v, want connect", live.Error)
	}
	sameVerdict(t, live, off, file, true)
}

// A changed evidence file is refused, not scored.
func TestOfflineRecheckRefusesChangedFile(t *testing.T) {
	srv := fixtureSite(t, "../testdata/sites/fake-sjis")
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	target := fmt.Sprintf("http://shop.test:%d/", port)
	_, _, file := liveAndOffline(t, target, []string{fmt.Sprintf("shop.test:%d:127.0.0.1", port)}, Options{})
	members := readRawMembers(t, file)
	changed := false
	for i, m := range members {
		if strings.Contains(string(m), "WARC-Type: response") && strings.Contains(string(m), " 200 OK\r\n") {
			// One byte near the end of the first page's body.
			members[i][len(m)-10] ^= 0x20
			changed = true
			break
		}
	}
	if !changed {
		t.Fatal("no page response in the file")
	}
	writeMembers(t, file, members)
	o := offline{t}
	res := New(Options{}, o, o, nil).Check(context.Background(), file)
	if res.Error == nil || res.Error.Code != CodeRead || !strings.Contains(res.Error.Message, "changed after capture") {
		t.Errorf("changed file: error %+v", res.Error)
	}
	if res.Target != file {
		t.Errorf("target %q", res.Target)
	}
}

// TestReplayLegacyCounting: a WARC file written before --max-pages counted
// every request is replayed as it was crawled: the meta refresh's hop and
// the smartphone copy on top of --max-pages 3, so the payment page the
// capture read is read again (and its sign found).
func TestReplayLegacyCounting(t *testing.T) {
	res := New(Options{}, nil, nil, nil).Check(context.Background(), filepath.Join("..", "testdata", "warc", "legacy-max-pages-3.warc.gz"))
	if res.Error != nil || !strings.HasSuffix(res.URL, "/home.html") {
		t.Fatalf("url %s error %+v", res.URL, res.Error)
	}
	found := false
	for _, p := range res.Pages {
		found = found || strings.HasSuffix(p.URL, "/payment.html")
	}
	if ids := strings.Join(signIDs(res), " "); !found || ids != "payment-transfer-only" {
		t.Errorf("signs %q, pages %+v: want the payment page read and its sign", ids, res.Pages)
	}
}

// TestReplayBounded: a WARC file bigger than a replay holds (a crawl by
// another tool) is an error record, not a process that runs out of memory.
func TestReplayBounded(t *testing.T) {
	name := filepath.Join("..", "testdata", "warc", "legacy-max-pages-3.warc.gz")
	if _, err := readCaptureWithin(context.Background(), name, 3, maxReplayTotal, maxReplayBody); CodeOf(err) != CodeRead || !strings.Contains(err.Error(), "too large to replay") {
		t.Errorf("3 records at most: %v", err)
	}
	if _, err := readCaptureWithin(context.Background(), name, maxReplayRecords, 10, maxReplayBody); CodeOf(err) != CodeRead {
		t.Errorf("10 bytes at most: %v", err)
	}
	if _, err := readCapture(name); err != nil {
		t.Errorf("within the limits: %v", err)
	}
	// rev24 QA: a file from elsewhere is as hostile as a live page: its
	// bodies are cut at the run's --max-body, a record too large to
	// hold is refused before the WARC library hashes it, and reading it
	// ends with the site's deadline.
	cp, err := readCaptureWithin(context.Background(), name, maxReplayRecords, maxReplayTotal, 100)
	if err != nil {
		t.Fatal(err)
	}
	cut := false
	for _, ex := range cp.exchanges {
		if len(ex.Body) > 100 {
			t.Errorf("%s: %d bytes kept, want at most --max-body 100", ex.URL, len(ex.Body))
		}
		cut = cut || ex.Truncated
	}
	if !cut {
		t.Error("no body marked truncated at --max-body 100")
	}
	if _, err := evidence.CheckFramingContext(context.Background(), name, 64); !errors.Is(err, evidence.ErrRecordTooLarge) {
		t.Errorf("a 64-byte block limit: %v, want ErrRecordTooLarge", err)
	}
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := readCaptureWithin(done, name, maxReplayRecords, maxReplayTotal, maxReplayBody); CodeOf(err) != CodeTimeout {
		t.Errorf("past the deadline: %v, want a timeout", err)
	}
	res := New(Options{MaxBody: 100}, nil, nil, nil).Check(context.Background(), name)
	for _, p := range res.Pages {
		if p.Bytes > 100 {
			t.Errorf("%s: %d bytes with --max-body 100", p.URL, p.Bytes)
		}
	}
}

// TestEvidenceKeepsCodedBody: a page sent gzip-coded is kept as sent: its
// digest is of the bytes the server sent, the WARC record holds them with
// Content-Encoding: gzip, and the offline re-check decodes them to the same
// verdict and digests (rev25 audit and QA: the record held the decoded body
// with the coding's headers dropped).
func TestEvidenceKeepsCodedBody(t *testing.T) {
	dir := "../testdata/sites/fake-utf8"
	var mu sync.Mutex
	sent := map[string][]byte{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" {
			name = "index.html"
		}
		body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || strings.Contains(name, "..") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Write(body)
			return
		}
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(body)
		zw.Close()
		mu.Lock()
		sent[r.URL.Path] = b.Bytes()
		mu.Unlock()
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(b.Bytes())
	}))
	defer srv.Close()
	port := srv.Listener.Addr().(*net.TCPAddr).Port
	target := fmt.Sprintf("http://shop.test:%d/", port)
	live, off, file := liveAndOffline(t, target, []string{fmt.Sprintf("shop.test:%d:127.0.0.1", port)}, Options{NoCloaking: true})
	if live.Error != nil || len(live.Pages) == 0 {
		t.Fatalf("live: %+v, %d pages", live.Error, len(live.Pages))
	}
	for _, p := range live.Pages {
		u, _ := url.Parse(p.URL)
		mu.Lock()
		b, ok := sent[u.Path]
		mu.Unlock()
		if !ok {
			t.Fatalf("%s: not sent gzip-coded", p.URL)
		}
		if sum := sha256.Sum256(b); p.SHA256 != hex.EncodeToString(sum[:]) {
			t.Errorf("%s: sha256 %s is not the digest of the %d bytes sent", p.URL, p.SHA256, len(b))
		}
	}
	if !bytes.Contains(warcText(t, file), []byte("Content-Encoding: gzip\r\n")) {
		t.Errorf("the WARC response lost Content-Encoding: gzip")
	}
	sameVerdict(t, live, off, file, true)
	if rep, err := evidence.Verify(filepath.Dir(file)); err != nil || !rep.OK() {
		t.Fatalf("verify: %v %+v", err, rep)
	}
}
