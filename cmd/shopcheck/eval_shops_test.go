package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopcheck/shopcheck/checker"
)

// The shop evaluation corpus (testdata/eval/shops): sites written apart
// from the fixtures the signs were developed on, the way fake and honest
// shops in Japan look, each checked through the CLI as a user would and
// held to the verdict and signs recorded in EXPECTED.tsv. It guards
// GitHub issues 2 and 7: fake shops high with their signs, honest shops
// clear of them.
//
// Each folder is one site. index.html is the first page; NAME.mobile.html,
// when present, is what a smartphone is shown for NAME.html (a desktop
// browser is then shown NAME.html, or a 404 when there is none). Optional
// files: CHARSET, the charset sent in the Content-Type header (otherwise
// none is sent: the page's <meta> says it, or nothing does); HOST, the
// host the site is served under in the named-host run (else a neutral
// www.eval-shop-N.jp); START, the path of the first page when it is not
// "/". A URL with a query is served from NAME@QUERY (index.html@mode=sk
// for /?mode=sk), as shop systems that route by query need.

const evalShopsDir = "../../testdata/eval/shops"

// evalExpect is one line of EXPECTED.tsv.
type evalExpect struct {
	site string
	// risks maps a run ("ip", "host"; "" for any) to the risks allowed:
	// the column holds a set ("low|medium") and may add run=set tokens
	// ("low ip=low|medium") where a run differs for a stated reason.
	risks   map[string][]string
	must    []string
	mustNot []string
}

// riskFor returns the risks allowed in a run.
func (e evalExpect) riskFor(mode string) []string {
	if r, ok := e.risks[mode]; ok {
		return r
	}
	return e.risks[""]
}

func readEvalExpected(t *testing.T) []evalExpect {
	t.Helper()
	f, err := os.Open(filepath.Join(evalShopsDir, "EXPECTED.tsv"))
	if err != nil {
		t.Fatalf("opening the corpus expectations: %v", err)
	}
	defer f.Close()
	var out []evalExpect
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("EXPECTED.tsv line %d: want 4 tab-separated columns (site, risks, must, must-not), got %d", n, len(cols))
		}
		list := func(s string, sep string) []string {
			s = strings.TrimSpace(s)
			if s == "" || s == "-" {
				return nil
			}
			var l []string
			for _, x := range strings.Split(s, sep) {
				if x = strings.TrimSpace(x); x != "" {
					l = append(l, x)
				}
			}
			return l
		}
		e := evalExpect{site: strings.TrimSpace(cols[0]), risks: map[string][]string{}, must: list(cols[2], ","), mustNot: list(cols[3], ",")}
		for _, tok := range strings.Fields(cols[1]) {
			mode, set, ok := strings.Cut(tok, "=")
			if !ok {
				mode, set = "", tok
			}
			e.risks[mode] = list(set, "|")
		}
		if _, err := os.Stat(filepath.Join(evalShopsDir, e.site)); err != nil {
			t.Fatalf("EXPECTED.tsv line %d: site %s: %v", n, e.site, err)
		}
		if len(e.risks[""]) == 0 {
			t.Fatalf("EXPECTED.tsv line %d: no risk given", n)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// evalSmartphone reports whether a User-Agent is a smartphone's.
func evalSmartphone(ua string) bool {
	return strings.Contains(ua, "iPhone") || strings.Contains(ua, "Android")
}

// serveEvalSite serves one corpus folder: the CHARSET file's charset in
// the Content-Type header, NAME.mobile.html to smartphones.
func serveEvalSite(t *testing.T, dir string) *httptest.Server {
	t.Helper()
	charset := ""
	if b, err := os.ReadFile(filepath.Join(dir, "CHARSET")); err == nil {
		charset = strings.TrimSpace(string(b))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if strings.Contains(name, "..") || name == "CHARSET" || name == "HOST" || name == "START" || strings.Contains(name, ".mobile.") {
			http.NotFound(w, r)
			return
		}
		if r.URL.RawQuery != "" {
			name += "@" + r.URL.RawQuery // index.html@mode=sk for /?mode=sk
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if evalSmartphone(r.UserAgent()) {
			mob := strings.TrimSuffix(file, ".html") + ".mobile.html"
			if _, err := os.Stat(mob); err == nil {
				file = mob
			}
		}
		body, err := os.ReadFile(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		ct := "text/html"
		switch {
		case strings.HasSuffix(name, ".png"):
			ct = "image/png"
		case strings.HasSuffix(name, ".jpg"):
			ct = "image/jpeg"
		case charset != "":
			ct += "; charset=" + charset
		}
		w.Header().Set("Content-Type", ct)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// evalRun checks target through the CLI and returns its one result.
func evalRun(t *testing.T, extra []string, target string) checker.Result {
	t.Helper()
	var out, errOut bytes.Buffer
	args := append([]string{"check", "--json", "--allow-private", "--no-whois", "--no-progress"}, extra...)
	code := run(context.Background(), append(args, target), &Streams{In: strings.NewReader(""), Out: &out, Err: &errOut})
	if code != exitOK {
		t.Fatalf("exit %d; stderr %s", code, errOut.String())
	}
	var res checker.Result
	if err := json.Unmarshal(bytes.TrimSpace(out.Bytes()), &res); err != nil {
		t.Fatalf("decoding the result: %v: %s", err, out.String())
	}
	return res
}

// TestEvalShops checks every site of the corpus twice: served at
// 127.0.0.1 (as a test server is), and under a host name through
// --resolve (where the URL's own signs stay silent), and holds each to its
// expected risk and signs.
func TestEvalShops(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus run skipped in -short mode")
	}
	exps := readEvalExpected(t)
	if len(exps) < 20 {
		t.Fatalf("only %d sites in the corpus", len(exps))
	}
	var failed []string
	for i, e := range exps {
		for _, mode := range []string{"ip", "host"} {
			name := e.site + "/" + mode
			ok := t.Run(name, func(t *testing.T) {
				dir := filepath.Join(evalShopsDir, e.site)
				srv := serveEvalSite(t, dir)
				u, _ := url.Parse(srv.URL)
				start := ""
				if b, err := os.ReadFile(filepath.Join(dir, "START")); err == nil {
					start = strings.TrimSpace(string(b))
				}
				target := srv.URL + "/" + start
				var extra []string
				if mode == "host" {
					// A neutral name: the folder's (fluent-amazon-gift)
					// would look like a brand's.
					host := "www.eval-shop-" + strconv.Itoa(i+1) + ".jp"
					if b, err := os.ReadFile(filepath.Join(dir, "HOST")); err == nil {
						host = strings.TrimSpace(string(b))
					}
					target = "http://" + host + ":" + u.Port() + "/" + start
					extra = []string{"--resolve", host + ":" + u.Port() + ":127.0.0.1"}
				}
				res := evalRun(t, extra, target)
				var ids []string
				got := map[string]bool{}
				for _, s := range res.Signs {
					got[s.ID] = true
					ids = append(ids, s.ID)
				}
				summary := func() string {
					var b strings.Builder
					for _, s := range res.Signs {
						b.WriteString("\n    " + s.ID + " " + string(s.Severity) + " " + strconv.Itoa(s.Points) + ": " + s.Evidence)
					}
					return b.String()
				}
				if res.Error != nil {
					t.Fatalf("error %s: %s", res.Error.Code, res.Error.Message)
				}
				// Every page read must be the test server's: a corpus site
				// that leads the crawler elsewhere would reach the internet.
				for _, p := range res.Pages {
					pu, err := url.Parse(p.URL)
					if err != nil || pu.Port() != u.Port() {
						t.Errorf("page %s read from outside the test server", p.URL)
					}
				}
				if want := e.riskFor(mode); !slices.Contains(want, string(res.Risk)) {
					t.Errorf("risk %s (score %d), want %s; signs:%s", res.Risk, res.Score, strings.Join(want, "|"), summary())
				}
				for _, id := range e.must {
					if !got[id] {
						t.Errorf("sign %s missing; signs:%s", id, summary())
					}
				}
				for _, id := range e.mustNot {
					if got[id] {
						t.Errorf("sign %s must not fire; signs:%s", id, summary())
					}
				}
				var read []string
				for _, p := range res.Pages {
					if pu, err := url.Parse(p.URL); err == nil {
						read = append(read, pu.RequestURI())
					}
				}
				t.Logf("%s %d %v; pages %v", res.Risk, res.Score, ids, read)
			})
			if !ok {
				failed = append(failed, name)
			}
		}
	}
	if len(failed) > 0 {
		t.Logf("%d of %d runs failed: %s", len(failed), 2*len(exps), strings.Join(failed, " "))
	}
}
