package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/shopcheck/shopcheck/checker"
)

// runDomainCLI runs `shopcheck domain args...` with stdin and returns the
// exit code and what was printed.
func runDomainCLI(t testing.TB, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(stdin, append([]string{"domain"}, args...)...)
}

func decodeDomainResults(t testing.TB, out string) map[string]checker.Result {
	t.Helper()
	res := map[string]checker.Result{}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r checker.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("bad JSON line %q: %v", sc.Text(), err)
		}
		res[r.Target] = r
	}
	return res
}

func domainHasSign(r checker.Result, id string) bool {
	for _, s := range r.Signs {
		if s.ID == id {
			return true
		}
	}
	return false
}

func TestDomainCommandArgs(t *testing.T) {
	code, out, errOut := runDomainCLI(t, strings.NewReader(""), "--no-whois", "--json",
		"smbc-card-login.com", "amazon.co.jp", "amazon.co.jp.verify-xx.top", "jalan.net", "xn--amzon-4wa.com")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	res := decodeDomainResults(t, out)
	if len(res) != 5 {
		t.Fatalf("%d results, want 5:\n%s", len(res), out)
	}
	for name, want := range map[string]bool{
		"smbc-card-login.com": true, "amazon.co.jp": false, "amazon.co.jp.verify-xx.top": true,
		"jalan.net": false, "xn--amzon-4wa.com": true,
	} {
		r := res[name]
		if got := domainHasSign(r, "domain-lookalike"); got != want {
			t.Errorf("%s: domain-lookalike %v, want %v (signs %+v)", name, got, want, r.Signs)
		}
		if len(r.Pages) != 0 || r.Whois != nil {
			t.Errorf("%s: pages or whois in a --no-whois domain check", name)
		}
	}
	if r := res["amazon.co.jp.verify-xx.top"]; r.Domain != "verify-xx.top" || !domainHasSign(r, "url-suspicious-tld") || r.Risk != "high" {
		t.Errorf("amazon.co.jp.verify-xx.top: domain %q risk %q signs %+v", r.Domain, r.Risk, r.Signs)
	}
	if r := res["xn--amzon-4wa.com"]; !domainHasSign(r, "url-idn") {
		t.Errorf("xn--amzon-4wa.com: no url-idn: %+v", r.Signs)
	}
}

func TestDomainCommandStdinAndExitCodes(t *testing.T) {
	in := "# screened today\n\nrakuten-kakunin.top\n  example.com  \nnot a domain\nco.jp\ngithub.io\n"
	code, out, _ := runDomainCLI(t, strings.NewReader(in), "--no-whois", "--json", "-l", "-")
	if code != exitTargetFail {
		t.Errorf("exit %d, want %d (one name could not be read)", code, exitTargetFail)
	}
	res := decodeDomainResults(t, out)
	if len(res) != 5 {
		t.Fatalf("%d results, want 5 (comments and blank lines skipped):\n%s", len(res), out)
	}
	if r, ok := res["example.com"]; !ok || r.Risk != "low" || len(r.Signs) != 0 {
		t.Errorf("example.com (trimmed): %+v", r)
	}
	if r := res["not a domain"]; r.Error == nil || r.Error.Code != checker.CodeInvalidTarget {
		t.Errorf("invalid name: %+v", r.Error)
	}
	// A public suffix alone is no one's name; a private one (github.io) is
	// a site of its own.
	if r := res["co.jp"]; r.Error == nil || r.Error.Code != checker.CodeInvalidTarget || !strings.Contains(r.Error.Message, "public suffix") {
		t.Errorf("co.jp: %+v", r.Error)
	}
	if r := res["github.io"]; r.Error != nil || r.Risk != "low" {
		t.Errorf("github.io: risk %q error %+v", r.Risk, r.Error)
	}
	code, _, _ = runDomainCLI(t, strings.NewReader("rakuten-kakunin.top\nexample.com\n"), "--no-whois", "--json", "-l", "-", "--fail-on", "high")
	if code != exitFailOn {
		t.Errorf("exit %d with --fail-on high and a look-alike on .top, want %d", code, exitFailOn)
	}
	if code, _, _ := runDomainCLI(t, strings.NewReader("")); code != exitUsage {
		t.Errorf("no names: exit %d, want %d", code, exitUsage)
	}
}

// TestDomainCommandWhois asks a fake WHOIS server on 127.0.0.1 about a new
// and an old domain.
func TestDomainCommandWhois(t *testing.T) {
	recent := time.Now().AddDate(0, 0, -20).Format("2006-01-02")
	whois := newFakeWhois(t, func(q string) (string, string) {
		if strings.HasPrefix(q, "fresh-") {
			return recent + "T00:00:00Z", "Test Registrar"
		}
		return "2001-01-01T00:00:00Z", "Test Registrar"
	})
	code, out, errOut := runDomainCLI(t, strings.NewReader(""), "--json", "--whois-server", whois.addr,
		"fresh-shop.com", "www.old-shop.com")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	res := decodeDomainResults(t, out)
	fresh, old := res["fresh-shop.com"], res["www.old-shop.com"]
	if !domainHasSign(fresh, "domain-new") || fresh.Whois == nil || fresh.Whois.Created != recent || fresh.Whois.Registrar != "Test Registrar" {
		t.Errorf("fresh-shop.com: whois %+v signs %+v", fresh.Whois, fresh.Signs)
	}
	if domainHasSign(old, "domain-new") || old.Whois == nil || old.Whois.Created != "2001-01-01" || old.Domain != "old-shop.com" {
		t.Errorf("www.old-shop.com: whois %+v signs %+v", old.Whois, old.Signs)
	}
}

// TestDomainCommandStreams feeds many names through stdin: every line
// gets one result, in bounded memory (the names are generated, never held).
func TestDomainCommandStreams(t *testing.T) {
	const n = 20000
	pr, pw := io.Pipe()
	go func() {
		w := bufio.NewWriter(pw)
		for i := 0; i < n; i++ {
			fmt.Fprintf(w, "shop%d-example.com\n", i)
		}
		w.Flush()
		pw.Close()
	}()
	code, out, errOut := runDomainCLI(t, pr, "--no-whois", "--format", "csv", "-l", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got := strings.Count(out, "\n"); got < n {
		t.Errorf("%d lines of output for %d names", got, n)
	}
}

// BenchmarkDomainCommand measures the whole domain command, reading names
// and writing JSON lines, without WHOIS.
func BenchmarkDomainCommand(b *testing.B) {
	names := []string{"smbc-card-login.com", "example.com", "amazon.co.jp", "shop-tanaka.jp",
		"rakuten-kakunin.top", "xn--amzon-4wa.com", "mercari.com", "green-life.jp"}
	var sb strings.Builder
	for i := 0; i < b.N; i++ {
		sb.WriteString(names[i%len(names)])
		sb.WriteByte('\n')
	}
	b.ResetTimer()
	code, _, errOut := runDomainCLI(b, strings.NewReader(sb.String()), "--no-whois", "--json", "-l", "-", "-o", "/dev/null")
	if code != exitOK {
		b.Fatalf("exit %d: %s", code, errOut)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "names/s")
}

// TestDomainCommandSquatterNames screens names that typo-squatting tools
// make from official domains (their ending kept, co.jp included) beside
// honest neighbours one letter away, through the whole command: the names
// and the evidence say which official domain is imitated.
func TestDomainCommandSquatterNames(t *testing.T) {
	in := strings.Join([]string{
		"amazom.co.jp", "rakutten.co.jp", "ama.zon.co.jp", "xn--80ak6aa92e.com", "kddl.com", "https://jcb.xyz/login",
		"kepco.co.jp", "namura.co.jp", "eon.com", "rakuten-sonpo.co.jp", "www.yahoo.co.uk", "line.me",
	}, "\n")
	code, out, errOut := runDomainCLI(t, strings.NewReader(in), "--no-whois", "--json", "-l", "-")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	res := decodeDomainResults(t, out)
	for name, official := range map[string]string{
		"amazom.co.jp": "amazon.co.jp", "rakutten.co.jp": "rakuten.co.jp", "ama.zon.co.jp": "amazon.co.jp",
		"xn--80ak6aa92e.com": "apple.com", "kddl.com": "kddi.com", "https://jcb.xyz/login": "jcb.",
		"kepco.co.jp": "", "namura.co.jp": "", "eon.com": "", "rakuten-sonpo.co.jp": "", "www.yahoo.co.uk": "", "line.me": "",
	} {
		r, ok := res[name]
		if !ok {
			t.Errorf("%s: no result", name)
			continue
		}
		var ev string
		for _, s := range r.Signs {
			if s.ID == "domain-lookalike" {
				ev = s.Evidence
			}
		}
		switch {
		case official == "" && ev != "":
			t.Errorf("%s: flagged as a look-alike: %s", name, ev)
		case official != "" && !strings.Contains(ev, "≈ "+official):
			t.Errorf("%s: evidence %q, want the official %s named", name, ev, official)
		}
	}
}
