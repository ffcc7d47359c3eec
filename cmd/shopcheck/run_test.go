package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/checker"
)

// batchSites is an httptest server that plays many shops, told apart by
// the Host header: "fake.test" serves the fake-shop fixture, hosts named
// ring* the shops of one fraud ring (the same bank account and e-mail), every
// other host a plain honest-looking page for any path (or, with shops set,
// one of the testdata shops: shopN.test the Nth in batchShopKinds). It
// counts the requests.
type batchSites struct {
	srv   *httptest.Server
	port  string
	delay atomic.Int64 // per request, in nanoseconds
	shops atomic.Bool
	mu    sync.Mutex
	paths map[string]int // host+path -> requests
	reqs  []string       // "host:port/path?query" of every request, in order
	n     atomic.Int64
}

// batchShopKinds are the testdata shops that batchSites serves with shops set.
var batchShopKinds = []string{"fake-utf8", "honest-company", "sole-proprietor", "base-shop", "fake-sjis", "fake-eucjp"}

// reset forgets the requests counted so far.
func (s *batchSites) reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paths, s.reqs = make(map[string]int), nil
}

// requests returns the URL of every request so far, in order.
func (s *batchSites) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, len(s.reqs))
	for i, r := range s.reqs {
		out[i] = "http://" + r
	}
	return out
}

func newBatchSites(t testing.TB) *batchSites {
	t.Helper()
	s := &batchSites{paths: make(map[string]int)}
	fake := http.FileServer(http.Dir(filepath.Join("..", "..", "testdata", "sites", "fake-utf8")))
	kinds := map[string]http.Handler{}
	for _, k := range batchShopKinds {
		kinds[k] = http.FileServer(http.Dir(filepath.Join("..", "..", "testdata", "sites", k)))
	}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.n.Add(1)
		host, _, _ := net.SplitHostPort(r.Host)
		s.mu.Lock()
		s.paths[r.Host+r.URL.Path]++
		s.reqs = append(s.reqs, r.Host+r.URL.RequestURI())
		s.mu.Unlock()
		if d := s.delay.Load(); d > 0 {
			select {
			case <-time.After(time.Duration(d)):
			case <-r.Context().Done():
				return
			}
		}
		if host == "fake.test" {
			fake.ServeHTTP(w, r)
			return
		}
		var i int
		if _, err := fmt.Sscanf(host, "shop%d.test", &i); err == nil && s.shops.Load() {
			k := batchShopKinds[i%len(batchShopKinds)]
			if k == "fake-eucjp" { // its charset is in the HTTP header only
				w.Header().Set("Content-Type", "text/html; charset=EUC-JP")
			}
			kinds[k].ServeHTTP(w, r)
			return
		}
		if strings.HasPrefix(host, "ring") { // one fraud ring's shops: the same account and mail
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, `<!DOCTYPE html><html lang="ja"><head><title>激安ブランド通販</title></head><body>
<h1>激安ブランド通販</h1><p>お支払い方法：銀行振込のみ</p>
<p>振込先: 三井住友銀行 新宿支店 普通 1234567 ヤマダタロウ</p><p>お問い合わせ: ring-shop@gmail.com</p></body></html>`)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="ja"><head><title>%s の店</title></head><body>
<h1>手作り雑貨の店</h1><p>いつもご利用ありがとうございます。商品 %s をご覧ください。</p>
<p>お支払い方法: クレジットカード、コンビニ払い、代金引換</p></body></html>`, host, r.URL.Path)
	}))
	t.Cleanup(s.srv.Close)
	_, s.port, _ = net.SplitHostPort(s.srv.Listener.Addr().String())
	return s
}

// url is the URL of path on host, served by s.
func (s *batchSites) url(host, path string) string {
	return "http://" + host + ":" + s.port + path
}

// resolve returns --resolve flags that send each host to s.
func (s *batchSites) resolve(hosts ...string) []string {
	var out []string
	for _, h := range hosts {
		out = append(out, "--resolve", h+":"+s.port+":127.0.0.1")
	}
	return out
}

// resolveAll returns the --resolve flag that sends every name at s's port
// to s (curl's "*:PORT:ADDR"), as a harness with many names would write it.
func (s *batchSites) resolveAll() []string {
	return []string{"--resolve", "*:" + s.port + ":127.0.0.1"}
}

// batchWhois is a fake WHOIS server on 127.0.0.1 in the registry layout; it
// counts the queries by domain.
type batchWhois struct {
	addr string
	mu   sync.Mutex
	asks map[string]int
}

// newBatchWhois answers every query with an old creation date.
func newBatchWhois(t testing.TB) *batchWhois {
	return newFakeWhois(t, func(string) (string, string) { return "2015-04-01T00:00:00Z", "Fake Registrar" })
}

// newFakeWhois answers each query (a lower-case domain) with the creation
// date (RFC 3339) and registrar that answer gives.
func newFakeWhois(t testing.TB, answer func(domain string) (created, registrar string)) *batchWhois {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	f := &batchWhois{addr: ln.Addr().String(), asks: make(map[string]int)}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				q, err := bufio.NewReader(c).ReadString('\n')
				if err != nil {
					return
				}
				q = strings.ToLower(strings.TrimSpace(q))
				f.mu.Lock()
				f.asks[q]++
				f.mu.Unlock()
				created, registrar := answer(q)
				fmt.Fprintf(c, "Domain Name: %s\r\nRegistrar: %s\r\nCreation Date: %s\r\n", strings.ToUpper(q), registrar, created)
			}()
		}
	}()
	return f
}

// reset forgets the queries counted so far.
func (f *batchWhois) reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asks = make(map[string]int)
}

func (f *batchWhois) counts() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]int, len(f.asks))
	for k, v := range f.asks {
		out[k] = v
	}
	return out
}

// batchCLI runs shopcheck in-process and returns the exit code, stdout and
// stderr.
func batchCLI(t testing.TB, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(strings.NewReader(stdin), args...)
}

// runCLI runs the program with args as main does (one place maps errors to
// exit codes: run) and returns the exit code, stdout and stderr.
func runCLI(stdin io.Reader, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, &Streams{In: stdin, Out: &out, Err: &errOut})
	return code, out.String(), errOut.String()
}

func batchResults(t testing.TB, data string) []*checker.Result {
	t.Helper()
	var out []*checker.Result
	for i, l := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		if l == "" {
			continue
		}
		var r checker.Result
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("line %d is not a JSON result: %v\n%q", i+1, err, l)
		}
		out = append(out, &r)
	}
	return out
}

func batchWriteFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// batchSiteList makes targets: n paths spread over hosts.
func batchSiteList(s *batchSites, hosts []string, n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		out = append(out, s.url(hosts[i%len(hosts)], fmt.Sprintf("/item/%d", i)))
	}
	return out
}

func TestBatchJSONOverLocalSites(t *testing.T) {
	sites := newBatchSites(t)
	whois := newBatchWhois(t)
	hosts := []string{"alpha.test", "beta.test", "gamma.test", "fake.test"}
	targets := batchSiteList(sites, hosts[:3], 30)
	targets = append(targets, sites.url("fake.test", "/"))
	lines := append([]string{"# officers' list", ""}, targets...)
	lines = append(lines, "  "+targets[0]+"  ", targets[5]) // repeats, one with spaces
	list := batchWriteFile(t, "list.txt", strings.Join(lines, "\r\n")+"\r\n")

	args := append([]string{"check", "-l", list, "--json", "--allow-private", "--whois-server", whois.addr, "--no-progress"}, sites.resolve(hosts...)...)
	code, out, errOut := batchCLI(t, "", args...)
	if code != exitOK {
		t.Fatalf("exit %d, want 0; stderr:\n%s", code, errOut)
	}
	res := batchResults(t, out)
	if len(res) != len(targets)+2 {
		t.Fatalf("%d results for %d target lines", len(res), len(targets)+2)
	}
	seen := map[string]int{}
	for _, r := range res {
		seen[r.Target]++
		if r.Error != nil {
			t.Errorf("%s: error %+v", r.Target, r.Error)
		}
	}
	for i, tg := range targets {
		want := 1
		if i == 0 || i == 5 {
			want = 2
		}
		if seen[tg] != want {
			t.Errorf("%s: %d results, want %d", tg, seen[tg], want)
		}
	}
	for d, n := range whois.counts() {
		if n > 2 {
			t.Errorf("WHOIS asked about %s %d times", d, n)
		}
	}
	if len(whois.counts()) == 0 {
		t.Error("WHOIS was never asked: the test does not exercise the shared cache")
	}
	// Each distinct target's landing page was fetched once (repeats are
	// not checked again); the cloaking comparison may fetch it a second time.
	sites.mu.Lock()
	for _, tg := range []string{targets[0], targets[5]} {
		u, _ := url.Parse(tg)
		if n := sites.paths[u.Host+u.Path]; n > 2 {
			t.Errorf("%s fetched %d times", tg, n)
		}
	}
	sites.mu.Unlock()

	// --fail-on high: the fake shop is high.
	code, _, _ = batchCLI(t, "", append(args, "--fail-on", "high")...)
	if code != exitFailOn {
		t.Errorf("--fail-on high: exit %d, want 3", code)
	}
}

func TestBatchExitCodes(t *testing.T) {
	sites := newBatchSites(t)
	good := sites.url("127.0.0.1", "/a")
	dead := "http://127.0.0.1:1/" // nothing listens: connect error
	dir := t.TempDir()
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
	}{
		{"all checked", good + "\n", []string{"check", "-l", "-", "--allow-private", "--no-whois", "--json"}, exitOK},
		{"one unreachable", good + "\n" + dead + "\n", []string{"check", "-l", "-", "--allow-private", "--no-whois", "--json"}, exitTargetFail},
		{"missing list", "", []string{"check", "-l", filepath.Join(dir, "none.txt"), "--no-whois"}, exitUsage},
		// rev24 QA: a folder as the list, and two lists (the second
		// would silently replace the first).
		{"a folder as the list", "", []string{"check", "-l", dir, "--no-whois"}, exitUsage},
		{"two lists", "", []string{"domain", "-l", batchWriteFile(t, "a.txt", "nta.co.jp\n"), "-l", batchWriteFile(t, "b.txt", "example.jp\n"), "--no-whois", "--json"}, exitUsage},
		{"resume without -o", good + "\n", []string{"check", "-l", "-", "--resume", "--json", "--no-whois"}, exitUsage},
		{"resume from a text file", good + "\n", []string{"check", "-l", "-", "--resume", "--json", "--no-whois", "-o", batchWriteFile(t, "x.txt", "high 80 x\n")}, exitUsage},
		// A WHOIS or RDAP server that cannot be asked is a configuration
		// error, not a run where every domain's age is silently unknown.
		{"whois server with spaces", good + "\n", []string{"check", "-l", "-", "--json", "--whois-server", "not a server"}, exitUsage},
		{"whois server port out of range", good + "\n", []string{"check", "-l", "-", "--json", "--whois-server", "127.0.0.1:99999"}, exitUsage},
		{"whois server without a host", good + "\n", []string{"domain", "example.jp", "--json", "--whois-server", ":43"}, exitUsage},
		{"rdap server not http", good + "\n", []string{"check", "-l", "-", "--json", "--rdap-server", "ftp://127.0.0.1/"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := batchCLI(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			if tt.code == exitUsage && out != "" {
				t.Errorf("a usage error wrote results: %q", out)
			}
			if tt.code == exitTargetFail {
				res := batchResults(t, out)
				if len(res) != 2 || (res[0].Error == nil && res[1].Error == nil) {
					t.Errorf("the unreachable target's error record is missing: %+v", res)
				}
			}
		})
	}
}

func TestBatchFormatsToFiles(t *testing.T) {
	sites := newBatchSites(t)
	targets := []string{sites.url("fake.test", "/"), sites.url("plain.test", "/x"), "http://127.0.0.1:1/"}
	list := batchWriteFile(t, "list.txt", strings.Join(targets, "\n"))
	common := append([]string{"check", "-l", list, "--allow-private", "--no-whois", "--lang", "en"}, sites.resolve("fake.test", "plain.test")...)
	dir := t.TempDir()

	csvOut := filepath.Join(dir, "out.csv")
	if code, _, errOut := batchCLI(t, "", append(common, "--format", "csv", "-o", csvOut)...); code != exitTargetFail {
		t.Fatalf("csv: exit %d\n%s", code, errOut)
	}
	data, _ := os.ReadFile(csvOut)
	if !bytes.HasPrefix(data, []byte("\ufefftarget,url,domain,risk,score,signs,evidence,error\n")) {
		t.Errorf("CSV lacks the BOM and header: %q", data[:min(60, len(data))])
	}
	recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil || len(recs) != 4 {
		t.Fatalf("CSV: %d records, %v", len(recs), err)
	}
	for _, r := range recs[1:] {
		if r[0] == targets[0] && (r[3] != "high" || r[5] == "" || r[6] == "") {
			t.Errorf("fake shop row lacks risk, signs or evidence: %q", r)
		}
		if r[0] == targets[2] && !strings.HasPrefix(r[7], "connect") {
			t.Errorf("unreachable row: error column %q", r[7])
		}
	}

	htmlOut := filepath.Join(dir, "out.html")
	if code, _, errOut := batchCLI(t, "", append(common, "--format", "html", "-o", htmlOut)...); code != exitTargetFail {
		t.Fatalf("html: exit %d\n%s", code, errOut)
	}
	data, _ = os.ReadFile(htmlOut)
	if n := bytes.Count(data, []byte("<tr data-risk=")); n != 3 {
		t.Errorf("HTML has %d rows, want 3", n)
	}
	if !bytes.Contains(data, []byte("Targets <b>3</b>")) || !bytes.HasSuffix(data, []byte("</html>\n")) {
		t.Error("HTML lacks the summary or its end")
	}

	code, out, _ := batchCLI(t, "", common...)
	if code != exitTargetFail {
		t.Fatalf("text: exit %d", code)
	}
	if !strings.Contains(out, "── Summary ──\nTargets: 3 (high 1, ") || !strings.Contains(out, "connect") {
		t.Errorf("text output:\n%s", out)
	}
}

func TestBatchCampaigns(t *testing.T) {
	sites := newBatchSites(t)
	hosts := []string{"ring1.test", "ring2.test", "ring3.test", "honest.test"}
	var targets []string
	for _, h := range hosts {
		targets = append(targets, sites.url(h, "/"))
	}
	list := batchWriteFile(t, "list.txt", strings.Join(targets, "\n"))
	args := append([]string{"check", "-l", list, "--allow-private", "--no-whois", "--lang", "en"}, sites.resolve(hosts...)...)

	code, out, errOut := batchCLI(t, "", args...)
	if code == exitUsage {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if !strings.Contains(out, "Possible campaigns") || !strings.Contains(out, "[1] 3 targets") {
		t.Fatalf("the text summary does not group the ring's three shops:\n%s", out)
	}
	for _, h := range hosts[:3] {
		if !strings.Contains(out[strings.Index(out, "Possible campaigns"):], h) {
			t.Errorf("campaign lacks %s", h)
		}
	}
	if strings.Contains(out[strings.Index(out, "Possible campaigns"):], "honest.test") {
		t.Error("the honest shop was put in the ring's campaign")
	}

	// --clusters FILE.
	file := filepath.Join(t.TempDir(), "clusters.jsonl")
	code, out, errOut = batchCLI(t, "", append(args, "--json", "--clusters", file)...)
	if code == exitUsage {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	if n := strings.Count(out, "\n"); n != len(targets) {
		t.Errorf("JSON stdout has %d lines, want one a target (%d)", n, len(targets))
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var c struct {
			Campaign int
			Kind     string
			Count    int
			Targets  []string
		}
		if err := json.Unmarshal([]byte(l), &c); err != nil {
			t.Fatalf("clusters line %q: %v", l, err)
		}
		if c.Campaign != 1 || c.Count != 3 || len(c.Targets) != 3 {
			t.Errorf("cluster %+v: want campaign 1 with the ring's 3 shops", c)
		}
	}
}

// TestOutputFormatFromExtension: -o FILE.csv (json, jsonl, html) without
// --format writes that format; --format, when given, wins.
func TestOutputFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		name  string
		extra []string
		start string // what the file begins with
	}{
		{"out.csv", nil, "\ufeff"},
		{"out.jsonl", nil, `{"target":`},
		{"out.JSON", nil, `{"target":`},
		{"report.html", nil, "<!DOCTYPE html>"},
		{"out.txt", nil, "【"},
		{"plain.csv", []string{"--format", "text"}, "【"},
	} {
		out := filepath.Join(dir, c.name)
		args := append([]string{"check", "ftp://example.jp/", "--no-whois", "--no-progress", "-o", out}, c.extra...)
		if code, _, stderr := runCLI(strings.NewReader(""), args...); code != exitTargetFail {
			t.Fatalf("%s: exit %d (%s)", c.name, code, stderr)
		}
		data, _ := os.ReadFile(out)
		if !strings.HasPrefix(string(data), c.start) {
			t.Errorf("%s %v: file starts %q, want %q", c.name, c.extra, string(data[:min(len(data), 40)]), c.start)
		}
	}
}

// TestUsageErrorsSayItInJapanese: the mistakes a resident makes first (no
// URL, a misspelt command) are told in Japanese too, as the help is.
func TestUsageErrorsSayItInJapanese(t *testing.T) {
	for _, args := range [][]string{{"check"}, {"domain"}, {"chek", "https://shop.example.jp/"}} {
		code, out, errOut := runCLI(strings.NewReader(""), args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, "shopcheck") || !strings.ContainsAny(errOut, "をはでく") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q: want exit 1 and a Japanese line", args, code, out, errOut)
		}
	}
}
